import type { Argv } from 'yargs';
import { InputError, migrateLayerFormat, parseJsonText, serializeLayer, serializeLayers, upgradeLayer, writeFileAtomic, type Domain } from '../../index.js';
import { attackLibrary, note, type CliContext, type GlobalArgs } from '../context.js';
import { readUserFile } from '../read-text.js';

interface Args extends GlobalArgs {
  layer: string;
  out?: string;
  force?: boolean;
}

export function builder(yargs: Argv): Argv<Args> {
  return yargs
    .positional('layer', { type: 'string', describe: 'layer file (a layer or an array of layers)', demandOption: true })
    .option('out', { type: 'string', describe: 'write here instead of stdout' })
    .option('force', { type: 'boolean', describe: 'replace an existing --out file' })
    .example('$0 upgrade apt-2019.json --out apt-2019.v18.json', 'T1086 becomes T1059.001 with its score and comment')
    .example('$0 upgrade old.json --attack-release 17.1', 'upgrade to a given release') as unknown as Argv<Args>;
}

export function handler(context: CliContext) {
  return (args: Args): void => {
    const value = parseJsonText(readUserFile(args.layer), args.layer);
    const library = attackLibrary(context, args);
    const layers = Array.isArray(value) ? value : [value];
    const upgraded = layers.map((layer, i) => {
      const file = Array.isArray(value) ? `${args.layer} (layer ${i + 1})` : args.layer;
      if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) throw new InputError(`${file}: not a layer object`);
      // Older formats spell the domain differently ("mitre-enterprise"); read it after the format migration.
      const domain = migrateLayerFormat(layer as Record<string, unknown>).layer['domain'];
      const index = library.release(typeof domain === 'string' ? (domain as Domain) : 'enterprise-attack', args['attack-release']);
      const { layer: result, changes } = upgradeLayer(layer, index, { file });
      for (const change of changes) note(context, args, `${file}: ${change}`);
      return result;
    });
    const text = Array.isArray(value) ? serializeLayers(upgraded) : serializeLayer(upgraded[0]!);
    if (args.out) {
      writeFileAtomic(args.out, text, { force: args.force });
      context.stdout.write(`${args.out}\n`);
    } else context.stdout.write(text);
  };
}
