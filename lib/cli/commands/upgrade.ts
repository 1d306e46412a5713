import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  InputError,
  OutputExistsError,
  StaleOutputError,
  UsageError,
  formatUpgradeMarkdown,
  listLayerFiles,
  navigatorOpeningWarnings,
  parseJsonAs,
  layerSources,
  describeSource,
  plural,
  serializeLayer,
  serializeLayers,
  summarizeUpgrade,
  upgradeLayer,
  upgradeMessages,
  scoresOutOfRangeLine,
  upgradeReleases,
  assertOutputPaths,
  existingOutputs,
  type LayerPath,
  type LayerUpgradeReport,
  type MergeScore,
  type NavigatorLayer,
  readTextFile,
  inputName,
  parseFolderLayer,
  FolderFiles,
} from '../../index.js';
import { noteLeftOutFiles } from '../unplaced.js';
import { attackLibrary, FLAG_WORDS, note, noteBlock, readStdin, progressLine, showsProgress, warn, type CliContext, type GlobalArgs } from '../context.js';
import { namesInLine } from '../names-in-line.js';
import { assertLayerOutName } from '../layer-out.js';
import { writeOutputs } from '../output-files.js';

interface Args extends GlobalArgs {
  layers: string[];
  from?: string;
  out?: string;
  'in-place'?: boolean;
  check?: boolean;
  report?: 'md' | 'json';
  'report-out'?: string;
  'merge-score'?: MergeScore;
  force?: boolean;
}


/** Where an upgraded file goes, or undefined for stdout / nowhere. */
function destination(args: Args, file: LayerPath, single: boolean): string | undefined {
  if (args.check) return undefined;
  if (args['in-place']) return file.path;
  if (!args.out) return undefined;
  const outIsFile = single && args.out.toLowerCase().endsWith('.json') && !(existsSync(args.out) && statSync(args.out).isDirectory());
  return outIsFile ? args.out : join(args.out, file.relative);
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    assertLayerOutName('upgrade', args.out);
    const stdin = await readStdin(context, args.layers);
    const files = listLayerFiles(args.layers);
    if (stdin && args['in-place']) throw new UsageError('--in-place replaces layer files; standard input (-) is not one: use --out, or stdout');
    const single = args.layers.length === 1 && files.length === 1 && files[0]!.path === args.layers[0];
    const toStdout = !args.check && !args['in-place'] && !args.out;
    if (toStdout && !single) throw new UsageError('several layer files: write them with --out <folder> or --in-place, or use --check');
    if (toStdout && args.report && !args['report-out']) {
      throw new UsageError('the upgraded layer goes to stdout, so the report cannot: add --report-out <file>, or write the layer with --out');
    }
    // `upgrade a.json b.json --out u.json` made a folder named u.json: a name of a file for several layers is a slip.
    if (args.out && !single && args.out.toLowerCase().endsWith('.json') && !(existsSync(args.out) && statSync(args.out).isDirectory())) {
      const given = files.length === 1 ? `a folder was given (${args.layers.join(', ')})` : `${files.length} layer files were given (${files[0]!.path}, ${files[1]!.path}${files.length > 2 ? ', …' : ''})`;
      throw new UsageError(`--out ${args.out} names a .json file, but ${given}: give --out a folder to write each layer into (--out upgraded), or upgrade one layer file at a time`);
    }
    const targets = files.map((file) => destination(args, file, single));
    const seen = new Map<string, string>();
    targets.forEach((target, i) => {
      if (!target) return;
      const other = seen.get(resolve(target));
      if (other) throw new UsageError(`${files[i]!.path} and ${other} would both be written to ${target}; upgrade them into separate folders`);
      seen.set(resolve(target), files[i]!.path);
    });
    // An output that cannot be a file (a folder) is refused before anything is read; one that exists, once its content
    // is known (below).
    const outputs = targets.filter((target): target is string => !!target && !args['in-place']);
    assertOutputPaths(args['report-out'] ? [...outputs, args['report-out']] : outputs);

    const library = attackLibrary(context, args);
    const to = args['attack-release'];
    const reports: LayerUpgradeReport[] = [];
    const failures: string[] = [];
    const progress = showsProgress(context, args) && files.length > 1;
    // Written once every file is upgraded: a run stopped before then (Ctrl-C) has changed no file, and the bin holds a
    // signal back only from the first write on (main.ts), so the upgrading itself can be stopped at once.
    const writes: Array<{ target: string; text: string; source: string }> = [];
    // The one layer that goes to stdout is printed after the files are written: a --report-out refused (it exists, or
    // is not writable) printed the layer and exited 2, so that `upgrade a.json --report-out r.md > a.v18.json` kept a
    // layer beside an error.
    let stdoutText: string | undefined;
    // What Navigator does on opening them, said once for the run (a layer written for an older release on request).
    const upgradedLayers: NavigatorLayer[] = [];
    // A file found in a folder that is plainly no layer (gap's report beside its layers, a package.json) is left out, and said.
    const folderFiles = new FolderFiles(files.map((file) => ({ path: file.path, found: !!file.inFolder })));
    files.forEach((file, i) => {
      if (progress) progressLine(context, `upgrading ${i + 1}/${files.length} ${file.path}`);
      try {
        const read = readTextFile(file.path, file.path, { stdin });
        const parsed = file.inFolder ? parseFolderLayer(read, inputName(file.path)) : { value: parseJsonAs(read, inputName(file.path), ['layer']) };
        if ('notALayer' in parsed) {
          if (progress) progressLine(context, '');
          folderFiles.leaveOut(parsed.notALayer);
          return;
        }
        const value = parsed.value;
        // An element of an array that is no layer (null, a number, `{}`) is left out; the first layer's report says so.
        const layers = Array.isArray(value) ? layerSources(value, inputName(file.path)) : [{ file: inputName(file.path), value }];
        const upgraded: NavigatorLayer[] = [];
        layers.forEach(({ value: layer, ...place }) => {
          const source = describeSource(place);
          const releases = upgradeReleases(layer, library, { to, from: args.from, file: source, givenAs: FLAG_WORDS });
          const result = upgradeLayer(layer, releases.target, { ...releases, file: source, givenAs: FLAG_WORDS, ...(args['merge-score'] ? { mergeScore: args['merge-score'] } : {}) });
          if (releases.downgrade) warn(context, args, `${source}: ${releases.downgrade}`);
          upgraded.push(result.layer);
          upgradedLayers.push(result.layer);
          reports.push(result.report);
        });
        const fileReports = reports.slice(reports.length - layers.length);
        const target = targets[i];
        const text = Array.isArray(value) ? serializeLayers(upgraded) : serializeLayer(upgraded[0]!);
        if (toStdout) stdoutText = text;
        else if (target && (target !== file.path || fileReports.some((report) => report.changed))) {
          writes.push({ target, text, source: file.path });
        }
        if (progress) progressLine(context, '');
        for (const report of fileReports) {
          // Each layer's own lines: two layers given the same change (`/versions/navigator: set to 5.1.0`) both say it.
          noteBlock(context, args, [
            `${report.source}: ${summarizeUpgrade(report)}${target && target !== file.path ? ` -> ${target}` : ''}`,
            ...(args.report ? [] : [...upgradeMessages(report), scoresOutOfRangeLine(report, FLAG_WORDS) ?? []].flat().map((line) => `  ${line}`)),
          ]);
        }
      } catch (error) {
        if (!(error instanceof InputError) || files.length === 1) throw error;
        if (progress) progressLine(context, '');
        failures.push(error.message);
        note(context, args, error.message);
      }
    });

    const leftOut = folderFiles.leftOut;
    folderFiles.assertSomeRead(args.layers, leftOut.length < files.length, 'an ATT&CK Navigator layer');
    noteLeftOutFiles(context, args, leftOut);
    for (const warning of navigatorOpeningWarnings(upgradedLayers)) warn(context, args, warning);
    const reportText = args.report && (args.report === 'json' ? `${JSON.stringify(reports, null, 2)}\n` : formatUpgradeMarkdown(reports));
    const reportOut = reportText && args['report-out'] ? [{ path: args['report-out'], content: reportText }] : [];
    if (args['in-place']) {
      // --in-place replaces the layers given, and only those that change; a report file is an output like any other.
      writeOutputs(context, args, reportOut);
      writeOutputs(context, { ...args, force: true }, writes.map(({ target, text }) => ({ path: target, content: text })));
    } else {
      // Refused before anything is written, so that a run writes every file or none. Only --in-place replaces a layer
      // given without --force: `--out` naming the layer itself (`upgrade a.json --out a.json`, or `--out .` for ./a.json)
      // is an existing file like any other, a colleague's original that the run would otherwise lose.
      const planned = [...writes.map(({ target, text }) => ({ path: target, content: text })), ...reportOut];
      const replaced = args.force ? [] : existingOutputs(planned);
      const itself = writes.find(({ target, source }) => replaced.includes(target) && resolve(target) === resolve(source));
      if (itself) {
        throw new OutputExistsError(
          itself.target,
          `--out would replace the layer being upgraded (${itself.source}): pass --in-place to replace it (only when it changes), or give --out another file or folder`,
        );
      }
      writeOutputs(context, args, planned);
    }
    if (stdoutText !== undefined) context.stdout.write(stdoutText);
    if (reportText && !args['report-out']) context.stdout.write(reportText);
    if (failures.length) {
      const shown = failures.slice(0, 3).join('; ') + (failures.length > 3 ? `; and ${failures.length - 3} more` : '');
      const read = files.length - leftOut.length;
      const which = failures.length === read ? `none of the ${read} layer files could be upgraded` : `${failures.length} of ${read} layer files could not be upgraded (the others were)`;
      throw new InputError(`${which}: ${shown}`);
    }
    const stale = reports.filter((report) => report.changed);
    if (args.check && stale.length) {
      const names = [...new Set(stale.map((report) => report.source))];
      throw new StaleOutputError(
        names,
        `${reports.length === 1 ? 'the layer' : `${stale.length} of ${plural(reports.length, 'layer')}`} would change (${namesInLine(context, names)}); ` +
          `run \`attack-layers upgrade --in-place\` on ${names.length === 1 ? 'it' : 'them'}`,
      );
    }
  };
}
