import { join, resolve } from 'node:path';
import {
  serializeLayer,
  combineLayers,
  navigatorOpeningWarnings,
  readLayerSources,
  describeSource,
  sourcesDomain,
  upgradeSources,
  firstFew,
  listLayerFiles,
  layerSources,
  parseFolderLayer,
  readTextFile,
  inputName,
  statInput,
  FolderFiles,
  STDIN,
  type CombineOp,
  type FoundFile,
  type LayerSource,
} from '../../index.js';
import { noteLeftOutFiles } from '../unplaced.js';
import { linesPerKind, messageKind, ofHiddenTechniques as of } from '../repeated-lines.js';
import { upgradeNote } from '../upgrade-note.js';
import { attackLibrary, FLAG_WORDS, note, readStdin, warn, type CliContext, type GlobalArgs } from '../context.js';
import { assertGivenPaths } from '../given-paths.js';
import { writeOutputs } from '../output-files.js';
import { assertLayerOutName } from '../layer-out.js';

interface Args extends GlobalArgs {
  layers: string[];
  op: CombineOp;
  out?: string;
  name?: string;
  normalize?: boolean;
  force?: boolean;
}


/** A layer file to read: named on its own, or found in a folder given (`folder`), `relative` to it. */
interface LayerFile extends FoundFile {
  folder?: string;
  relative?: string;
}

/**
 * The layer files given, a folder as its `.json` files (as validate and upgrade read one), sorted by path: the order
 * decides what `diff` subtracts from and whose comment lines come first.
 */
function layerFiles(context: CliContext, args: Args): LayerFile[] {
  return args.layers.flatMap((given): LayerFile[] => {
    if (given === STDIN || !statInput(resolve(context.cwd, given))?.isDirectory()) return [{ path: given, found: false }];
    return listLayerFiles([resolve(context.cwd, given)]).map((file) => ({ path: join(given, file.relative), found: true, folder: given, relative: file.relative }));
  });
}

/**
 * The layers of each file given, file by file. A file found in a folder that is plainly no layer (a gap report, a
 * package.json) is left out, saying what it is; each folder's layers are said, in the order they are combined.
 * @throws InputError when no file of the folders is a layer; as `readLayerSources` for a file that cannot be read.
 */
function readSources(context: CliContext, args: Args, stdin: Uint8Array | undefined): LayerSource[][] {
  const given = layerFiles(context, args);
  const files = new FolderFiles(given);
  const read = given.map(({ path, found }) => {
    if (!found) return readLayerSources(path, resolve(context.cwd, path), { stdin });
    const parsed = parseFolderLayer(readTextFile(path, resolve(context.cwd, path)), inputName(path));
    if ('value' in parsed) return layerSources(parsed.value, inputName(path));
    files.leaveOut(parsed.notALayer);
    return [];
  });
  files.assertSomeRead(args.layers, read.some((layers) => layers.length > 0), 'an ATT&CK Navigator layer');
  noteLeftOutFiles(context, args, files.leftOut);
  for (const folder of new Set(given.flatMap((file) => file.folder ?? []))) {
    const combined = given.flatMap((file, i) => (file.folder === folder && read[i]!.length ? [file.relative!] : []));
    note(context, args, `note: ${folder}: ${combined.length === 1 ? '1 layer file' : `${combined.length} layer files`}, combined in the order of their paths: ${firstFew(combined, 5)}`);
  }
  return read.filter((layers) => layers.length > 0);
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    assertLayerOutName('combine', args.out);
    // Refused before the layers are read and upgraded, all in one error: a layer file that is not there, and an --out
    // that cannot be a file (a folder). An --out that exists is refused once the combination is made, and only when it
    // holds another (writeOutputs): the same combination written again replaces nothing.
    assertGivenPaths([{ paths: args.layers, takes: 'file or folder' }], args.out === undefined ? [] : [resolve(context.cwd, args.out)], { cwd: context.cwd });
    const stdin = await readStdin(context, args.layers);
    const sources = readSources(context, args, stdin).flatMap((layers) => {
      // A file of layers of several domains (an enterprise and a mobile layer) gives, with --domain, that domain's
      // layers; each other is named, where the whole run was refused as one of layers of another domain.
      if (!args.domain || layers.length < 2) return layers;
      const stated = layers.map((source) => sourcesDomain([source]).domain);
      if (new Set(stated).size < 2 || !stated.includes(args.domain)) return layers;
      stated.forEach((domain, i) => {
        if (domain !== args.domain) note(context, args, `note: ${describeSource(layers[i]!)}: a layer of ${domain}, left out: --domain is ${args.domain}`);
      });
      return layers.filter((_, i) => stated[i] === args.domain);
    });
    const { domain, sources: checked } = sourcesDomain(sources, args.domain, FLAG_WORDS);
    const library = attackLibrary(context, args);
    const index = library.release(domain, args['attack-release']);
    const { inputs, upgrades, warnings: leftOut } = upgradeSources(checked, index, library, undefined, FLAG_WORDS);
    for (const upgrade of upgrades) note(context, args, upgradeNote(upgrade, index.label));
    // An index layer that lists every ID ever (SRA's) leaves out dozens of revoked ones alike: a few of each kind are
    // listed, and the combined layer's metadata keeps every one.
    const moreLeftOut = (warning: string, hidden: number, rest: readonly string[]) => {
      const place = /^.*?: \/techniques\/\d+(?=: )/.exec(warning)?.[0];
      return `${place ? `${place}: ` : ''}and ${hidden} more of this kind after it${of(rest)}, each kept in the combined layer's metadata`;
    };
    // A file given twice leaves the same entries out twice: each is one line, not counted again as "more of this kind".
    for (const line of linesPerKind([...new Set(leftOut)], messageKind, (warning) => warning, moreLeftOut)) warn(context, args, line);
    const { layer, warnings, sharedCommentLines } = combineLayers(inputs, {
      op: args.op,
      index,
      ...(args.name === undefined ? {} : { name: args.name }),
      ...(args.normalize === undefined ? {} : { normalize: args.normalize }),
      givenAs: FLAG_WORDS,
    });
    // --attack-release may ask for a release Navigator 5.1 opens only after its upgrade dialog, or not at all.
    for (const warning of [...warnings, ...navigatorOpeningWarnings([layer])]) warn(context, args, warning);
    const text = serializeLayer(layer);
    // A line several layers give is written once, naming each (`A + B: line`): said, since the comments are then
    // shorter than the layers' together, and a count of lines per layer no longer adds up.
    const shared = sharedCommentLines
      ? `${sharedCommentLines === 1 ? '1 comment line' : `${sharedCommentLines} comment lines`} given by more than one layer written once, naming each ("A + B: …")`
      : undefined;
    if (args.out === undefined) {
      context.stdout.write(text);
      if (shared) note(context, args, `the combined layer: ${shared}`);
      return;
    }
    writeOutputs(context, args, [{ path: resolve(context.cwd, args.out), content: text, name: args.out }]);
    // The file written on stdout, as --out names it, as render, gap, export and attack-object list theirs; the count is a note.
    context.stdout.write(`${args.out}\n`);
    const entries = layer.techniques?.length ?? 0;
    note(context, args, `the combined layer: ${entries} technique ${entries === 1 ? 'entry' : 'entries'} (${args.op} of ${inputs.length} layers)${shared ? `; ${shared}` : ''}`);
  };
}
