import { resolve } from 'node:path';
import {
  EXPORT_FORMATS,
  exportRelease,
  formatOfFile,
  inputName,
  matrixModel,
  parseExportInput,
  renderGapReportExport,
  renderLayerExport,
  SUBTECHNIQUE_MODES,
  UsageError,
  writeFileAtomic,
  type ExportFormat,
  type SubtechniqueMode,
  readTextFile,
} from '../../index.js';
import { attackLibrary, note, readStdin, type CliContext, type GlobalArgs } from '../context.js';
import type { CommandDeclaration } from '../options.js';

interface Args extends GlobalArgs {
  file: string;
  format?: ExportFormat;
  out?: string;
  subtechniques?: SubtechniqueMode;
  'tactic-order': 'matrix';
  layer?: number;
  force?: boolean;
}

export const declaration: CommandDeclaration = {
  positionals: { file: { type: 'string', demandOption: true, describe: 'a layer file, the JSON report of `gap --report json`, or - for standard input' } },
  shared: { out: 'write here instead of stdout (required for xlsx)', force: true, layer: true },
  options: {
    format: { choices: EXPORT_FORMATS, describe: 'output format (default: from the --out file name)' },
    subtechniques: {
      choices: SUBTECHNIQUE_MODES,
      describe: 'show every sub-technique, those of parents with annotated ones, or none (default: as the layer says)',
    },
    'tactic-order': { choices: ['matrix'] as const, default: 'matrix' as const, describe: "tactic columns in the release's matrix order, as Navigator" },
  },
  examples: [
    ['$0 export layers/apt32-covid19-wuhan.layer.json --out apt32.svg', 'the matrix as an A4 landscape picture'],
    ['$0 export layers/all.layer.json --format html --out all.html', 'a self-contained page; hover a cell for its comment'],
    ['$0 export review/gap-report.json --out gaps.xlsx', 'a gap report as a workbook'],
  ],
};

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const format = args.format ?? (args.out ? formatOfFile(args.out) : undefined);
    if (!format) {
      throw new UsageError(`give --format (${EXPORT_FORMATS.join(', ')})${args.out ? `: ${args.out} does not end in a known extension` : ''}`);
    }
    if (format === 'xlsx' && !args.out) throw new UsageError('xlsx is a binary format: give --out file.xlsx');
    if (args.layer !== undefined && !(Number.isInteger(args.layer) && args.layer >= 1)) throw new UsageError(`--layer ${args.layer}: give a layer number from 1`);
    const text = readTextFile(args.file, resolve(context.cwd, args.file), { stdin: await readStdin(context, [args.file]) });
    const input = parseExportInput(text, inputName(args.file), args.layer === undefined ? {} : { layer: args.layer });

    let output: string | Uint8Array;
    if (input.kind === 'gap-report') {
      if (args.subtechniques) note(context, args, `${input.source}: --subtechniques applies to layers; a gap report is a table`);
      output = await renderGapReportExport(input.report, format);
    } else {
      for (const repair of input.repairs) note(context, args, `warning: ${repair}`);
      const { index, warning } = exportRelease(input.layer, attackLibrary(context, args), args['attack-release']);
      if (warning) note(context, args, `${input.source}: warning: ${warning}`);
      const model = matrixModel(input.layer, index, args.subtechniques ? { subtechniques: args.subtechniques } : {});
      for (const item of model.notDrawn) note(context, args, `${input.source}: not drawn: ${item.message}`);
      output = await renderLayerExport(model, format);
    }
    if (args.out === undefined) {
      context.stdout.write(output as string);
      return;
    }
    writeFileAtomic(resolve(context.cwd, args.out), output, { force: args.force });
    context.stdout.write(`${args.out}\n`);
  };
}
