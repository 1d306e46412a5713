import { readFileSync, rmSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import {
  bareEntriesNote,
  stagesHiddenNote,
  EXPORT_FORMATS,
  exportRelease,
  formatOfFile,
  inputName,
  libraryOtherDomains,
  matrixModel,
  parseExportInput,
  readWrittenTacticPairs,
  renderGapReportExport,
  renderLayerExport,
  UsageError,
  isStreamOutput,
  exportFileNames,
  stalePageNames,
  type ExportFormat,
  type SubtechniqueMode,
  type SubtechniqueLayout,
  readTextFile,
  STDIN,
} from '../../index.js';
import { attackLibrary, FLAG_WORDS, note, readStdin, warn, type CliContext, type GlobalArgs } from '../context.js';
import { writeOutputs } from '../output-files.js';
import { linesPerKind, messageKind, ofHiddenTechniques as of } from '../repeated-lines.js';

interface Args extends GlobalArgs {
  file: string;
  format?: ExportFormat;
  out?: string;
  subtechniques?: SubtechniqueMode;
  'subtechnique-layout'?: SubtechniqueLayout;
  'tactic-order': 'matrix';
  layer?: number;
  force?: boolean;
}


/**
 * Files a user asks export for, of kinds it does not write, and what to give instead. Given `--out slide.png`, it said
 * `give --format (svg, …)`, and `--format svg --out slide.png` then wrote SVG text into slide-1.png and slide-2.png,
 * which no picture viewer opens.
 */
const OTHER_KINDS: ReadonlyArray<readonly [RegExp, string, ExportFormat]> = [
  [/\.(png|jpe?g|gif|webp|bmp|tiff?|emf)$/i, 'its picture of the matrix is SVG, which PowerPoint inserts as it is (for PNG, convert it: rsvg-convert, Inkscape or a browser\'s screenshot)', 'svg'],
  [/\.pdf$/i, 'for a PDF, export HTML and print it to PDF from a browser (an A4 page each)', 'html'],
  [/\.(pptx?|key|odp)$/i, 'for a slide, export the matrix as SVG and insert that (PowerPoint takes SVG as it is)', 'svg'],
  [/\.(xls|ods)$/i, 'a workbook is xlsx, which Excel and LibreOffice open', 'xlsx'],
  [/\.(docx?|odt|rtf)$/i, 'for a document, export Markdown (md) or HTML', 'md'],
];

/** @throws UsageError when `--out` names a kind of file export does not write, saying the name to give and why. */
function assertNoOtherKind(out: string, format: ExportFormat | undefined): void {
  const kind = OTHER_KINDS.find(([pattern]) => pattern.test(out));
  if (!kind) return;
  const ext = extname(out);
  const meant = format ?? kind[2];
  throw new UsageError(`--out ${out}: export writes ${EXPORT_FORMATS.slice(0, -1).join(', ')} or ${EXPORT_FORMATS.at(-1)}, not ${ext}; ${kind[1]}: give --out ${out.slice(0, -ext.length)}.${meant}`);
}

/** A page `export` wrote: an SVG file whose footer names attack-layers export (render-svg.ts). */
function isExportPage(path: string): boolean {
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return false;
  const text = readFileSync(path, 'utf8');
  return text.includes('<svg ') && text.includes('attack-layers export · ATT&amp;CK');
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    // A named file is read before the options are weighed: `export x.json` with no x.json said "give --format", as
    // if there were a layer to export. Standard input is read after them, so a wrong command does not wait on it.
    const named = args.file === STDIN ? undefined : readTextFile(args.file, resolve(context.cwd, args.file));
    const outFormat = args.out ? formatOfFile(args.out) : undefined;
    if (args.out && !outFormat) assertNoOtherKind(args.out, args.format);
    const format = args.format ?? outFormat;
    if (!format) {
      // `--out review/`: a folder, where export writes one file named for its format.
      if (args.out && statSync(resolve(context.cwd, args.out), { throwIfNoEntry: false })?.isDirectory()) {
        throw new UsageError(`--out ${args.out} is a folder; give --out the name of the file to write, its extension the format (${join(args.out, 'matrix.svg')})`);
      }
      throw new UsageError(`give --format (${EXPORT_FORMATS.join(', ')})${args.out ? `: ${args.out} does not end in a known extension` : ''}`);
    }
    // A file named for one format holding another opens in the wrong program, or not at all (an .md holding SVG).
    if (args.out && outFormat && outFormat !== format) {
      throw new UsageError(
        `--format ${format} --out ${args.out}: the name says ${extname(args.out)}, not .${format}; ` +
          `give --out ${args.out.slice(0, -extname(args.out).length)}.${format}, or leave --format out to write ${outFormat}`,
      );
    }
    if (format === 'xlsx' && !args.out) throw new UsageError('xlsx is a binary format: give --out file.xlsx');
    if (args.layer !== undefined && !(Number.isInteger(args.layer) && args.layer >= 1)) throw new UsageError(`--layer ${args.layer}: give a layer number from 1`);
    const text = named ?? readTextFile(args.file, args.file, { stdin: await readStdin(context, [args.file]) });
    const input = parseExportInput(text, inputName(args.file), { givenAs: FLAG_WORDS, ...(args.layer === undefined ? {} : { layer: args.layer }) });

    const stream = args.out !== undefined && isStreamOutput(resolve(context.cwd, args.out));
    let outputs: (string | Uint8Array)[];
    if (input.kind === 'gap-report') {
      if (args.subtechniques || args['subtechnique-layout']) note(context, args, `${input.source}: --subtechniques and --subtechnique-layout apply to layers; a gap report is a table`);
      outputs = [await renderGapReportExport(input.report, format, { givenAs: FLAG_WORDS, file: args.out !== undefined && !stream })];
    } else {
      // Said a few of a kind at a time, as combine says an input's (KittySploit's 18 metadata records: three, then a count).
      const more = (_: string, hidden: number, rest: readonly string[]) => `${input.source}: and ${hidden} more of this kind${of(rest)} (\`attack-layers upgrade\` of the file lists every one)`;
      for (const line of linesPerKind(input.repairs, messageKind, (repair) => repair, more)) warn(context, args, line);
      const library = attackLibrary(context, args);
      const { index, warning, note: reading, everyPlatform } = exportRelease(input.layer, library, args['attack-release'], FLAG_WORDS, input.filterRelease);
      if (warning) warn(context, args, `${input.source}: ${warning}`);
      if (reading) note(context, args, `${input.source}: ${reading}`);
      const otherDomains = libraryOtherDomains(library, index.domain);
      // A tactic written as a TA ID with a name, read by the name before the release was known, is read in it.
      const pairs = readWrittenTacticPairs(input.layer.techniques ?? [], input.tacticsWritten, index);
      for (const pairNote of pairs.notes) warn(context, args, `${input.source}: ${pairNote}`);
      const layer = pairs.notes.length ? { ...input.layer, techniques: pairs.entries } : input.layer;
      const model = matrixModel(layer, index, {
        otherDomains,
        givenAs: FLAG_WORDS,
        ...(everyPlatform ? { everyPlatform } : {}),
        ...(input.preAttackHidden ? { preAttackHidden: input.preAttackHidden } : {}),
        ...(args.subtechniques ? { subtechniques: args.subtechniques } : {}),
      });
      const stages = stagesHiddenNote(model);
      if (stages) note(context, args, `${input.source}: ${stages}`);
      for (const line of model.notDrawnSaid) note(context, args, `${input.source}: not drawn: ${line}`);
      if (model.bare.length) note(context, args, `${input.source}: ${bareEntriesNote(model.bare)}`);
      // A layer of no entries (a Navigator tab saved before anything was annotated, or the wrong file) exports without a word.
      if (!layer.techniques?.length) {
        const shows = format === 'csv' || format === 'md' ? 'holds the header alone' : format === 'xlsx' ? 'holds the plain matrix and an empty table' : 'draws the plain matrix';
        note(context, args, `${input.source}: the layer has no technique entries: the ${format} ${shows}`);
      }
      if (args['subtechnique-layout'] && format !== 'xlsx') {
        const own = format === 'svg' || format === 'html' ? 'draws sub-techniques under their parent' : 'is a table of the entries';
        note(context, args, `${input.source}: --subtechnique-layout lays out the xlsx Matrix sheet; ${format} ${own}`);
      }
      // A file --out names is for a spreadsheet (a CSV's byte-order mark); stdout and a FIFO are for a pipe.
      outputs = await renderLayerExport(model, format, {
        ...(args['subtechnique-layout'] ? { subtechniqueLayout: args['subtechnique-layout'] } : {}),
        file: args.out !== undefined && !stream,
      });
    }
    // Several pages need several files: not stdout, nor a device or FIFO given as --out (`/dev/null-1` is no stream).
    if ((args.out === undefined || stream) && outputs.length > 1) {
      throw new UsageError(
        `${input.source}: the matrix takes ${outputs.length} A4 pages, one SVG file each: give --out <name>.svg (writes <name>-1.svg to ` +
          `<name>-${outputs.length}.svg), or --format html for one page that prints them all` +
          (stream ? `; ${args.out} is a device or FIFO, which holds no files` : ''),
      );
    }
    if (args.out === undefined) {
      context.stdout.write(outputs[0] as string);
      return;
    }
    const names = exportFileNames(args.out, outputs.length);
    // Pages an earlier export wrote under this name (x-1.svg, x-2.svg beside a new x.svg) would look current: they are
    // replaced, as the files of the same name are, only with --force. A file that is no page of ours is left alone.
    const stale = stalePageNames(args.out, outputs.length, (name) => isExportPage(resolve(context.cwd, name)));
    const pages = (list: readonly string[]): string =>
      `${list.join(', ')}: ${list.length === 1 ? 'a page' : 'pages'} of an earlier export to ${args.out}, which this one (${outputs.length === 1 ? 'one file' : `${outputs.length} pages`}) would leave beside its own`;
    if (stale.length && !args.force) throw new UsageError(`${pages(stale)}; pass --force to replace them (they are removed), or remove them`);
    writeOutputs(
      context,
      args,
      names.map((name, i) => ({ path: resolve(context.cwd, name), content: outputs[i]!, name })),
    );
    const kept = stale.filter((name) => {
      try {
        rmSync(resolve(context.cwd, name), { force: true });
        return false;
      } catch {
        return true;
      }
    });
    const removed = stale.filter((name) => !kept.includes(name));
    if (removed.length) note(context, args, `removed ${pages(removed)}`);
    if (kept.length) warn(context, args, `${pages(kept)}, could not be removed (the new files are written): remove ${kept.length === 1 ? 'it' : 'them'}`);
    context.stdout.write(names.map((name) => `${name}\n`).join(''));
  };
}
