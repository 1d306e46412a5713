import { join, resolve } from 'node:path';
import {
  campaignReleases,
  checkLayers,
  dayNumber,
  DEFAULT_HALF_LIFE_DAYS,
  navigatorOpeningWarnings,
  normalizeCampaign,
  readCampaignsLeavingOut,
  renderLayerFiles,
  StaleOutputError,
  tacticsNotKept,
  UsageError,
  withFileNamed,
  writeLayers,
  type ScoreModelName,
  type TacticNotKept,
} from '../../index.js';
import { attackLibrary, FLAG_WORDS, note, progressLine, readStdin, showsProgress, warn, type CliContext, type GlobalArgs } from '../context.js';
import { namesInLine } from '../names-in-line.js';
import { noteUnchanged } from '../output-files.js';
import { failOnLeftOut, failOnLeftOutFiles, noteLeftOutFiles, reportUnplaced } from '../unplaced.js';

interface Args extends GlobalArgs {
  campaigns: string[];
  out: string;
  score: ScoreModelName;
  'half-life'?: number;
  'as-of'?: string;
  aggregate?: string;
  'min-campaigns'?: number;
  force?: boolean;
  check?: boolean;
  strict?: boolean;
}


export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    if (args['as-of'] !== undefined && dayNumber(args['as-of']) === undefined) {
      throw new UsageError(`--as-of "${args['as-of']}" is not a date; write it as YYYY-MM-DD`);
    }
    const halfLife = args['half-life'] ?? DEFAULT_HALF_LIFE_DAYS;
    if (!(halfLife > 0)) throw new UsageError(`--half-life ${halfLife} is not a positive number of days`);
    // Given with another model, they would be taken and go unused without a word.
    const recencyOnly = (['as-of', 'half-life'] as const).filter((flag) => args[flag] !== undefined).map((flag) => `--${flag}`);
    if (recencyOnly.length && args.score !== 'recency') {
      warn(context, args, `${recencyOnly.join(' and ')} ${recencyOnly.length === 1 ? 'applies' : 'apply'} to --score recency only; the ${args.score} scores do not use ${recencyOnly.length === 1 ? 'it' : 'them'}`);
    }
    if (args.aggregate !== undefined && !args.aggregate.trim()) throw new UsageError('--aggregate needs a name for the aggregate layer');
    if (args['min-campaigns'] !== undefined && args.aggregate === undefined) {
      throw new UsageError('--min-campaigns applies to the aggregate layer: give --aggregate <name> too');
    }

    // A folder of hundreds of campaigns takes seconds to read and seconds to normalize: a terminal is shown which file.
    const progress = showsProgress(context, args);
    const { campaigns, leftOut } = readCampaignsLeavingOut(args.campaigns, {
      stdin: await readStdin(context, args.campaigns),
      domain: args.domain,
      ...(progress ? { onProgress: (done: number, total: number, file: string) => progressLine(context, `reading campaign ${done}/${total}: ${file}`) } : {}),
    });
    if (progress) progressLine(context, '');
    noteLeftOutFiles(context, args, leftOut);
    const library = attackLibrary(context, args);
    const items = campaigns.map((campaign, i) => {
      if (progress) progressLine(context, `normalizing campaign ${i + 1}/${campaigns.length}: ${campaign.file}`);
      const releases = campaignReleases(campaign, library, args['attack-release'], { givenAs: FLAG_WORDS });
      // A stated release that is not here (a warning of campaignReleases) changes the layer: --check says so.
      const notHere = releases.warnings.length && campaign.attackVersion ? `attack_version ${campaign.attackVersion} of ${campaign.file}` : undefined;
      return { result: normalizeCampaign(campaign, releases), index: releases.target, notHere };
    });
    if (progress) progressLine(context, `rendering ${items.length} layer${items.length === 1 ? '' : 's'}`);
    const { files, warnings } = renderLayerFiles(items, {
      model: args.score,
      halfLifeDays: halfLife,
      ...(args['as-of'] !== undefined ? { asOf: args['as-of'] } : {}),
      ...(args.aggregate !== undefined ? { aggregate: args.aggregate } : {}),
      ...(args['min-campaigns'] !== undefined ? { minCampaigns: args['min-campaigns'] } : {}),
      givenAs: FLAG_WORDS,
    });
    if (progress) progressLine(context, '');
    for (const warning of [...warnings, ...navigatorOpeningWarnings(files.map(({ layer }) => layer))]) warn(context, args, warning);
    // Under --strict nothing is written when a reference could not be placed.
    const results = items.map((item) => item.result);
    reportUnplaced(context, args, results, 'left out of the layers');
    // Under --strict a file left out fails the command as an entry left out does: nothing is written.
    if (args.strict) failOnLeftOutFiles(leftOut, 'nothing was written (--strict)');

    const outDir = resolve(context.cwd, args.out);
    // Paths are printed as the user wrote --out, not resolved against the working folder.
    const shown = (path: string): string => `${args.out.replace(/[\\/]+$/, '')}/${path.slice(outDir.length + 1)}`;
    if (args.check) {
      const stale = checkLayers(files, outDir);
      const notHere = items.flatMap((item) => (item.notHere ? [item.notHere] : []));
      if (stale.length) {
        throw new StaleOutputError(
          stale.map(shown),
          `${stale.length} layer${stale.length === 1 ? ' is' : 's are'} missing or out of date in ${args.out}: ${namesInLine(context, stale.map(shown))}; ` +
            (notHere.length
              ? `but ${notHere.join(', ')} ${notHere.length === 1 ? 'is' : 'are'} not available in this run (the warning above), which changes the layers: get ${notHere.length === 1 ? 'it' : 'them'} and check again before rewriting them`
              : 'run the same command without --check, with --force, to rewrite them'),
        );
      }
      note(context, args, `${files.length} layer${files.length === 1 ? '' : 's'} in ${args.out} up to date`);
      failOnLeftOut(results, `the layers of the rest in ${args.out} are up to date`);
      failOnLeftOutFiles(leftOut, `the layers of the rest in ${args.out} are up to date`);
      return;
    }
    if (progress) progressLine(context, `writing ${files.length} layer${files.length === 1 ? '' : 's'} into ${args.out}`);
    // A layer file that holds the very layer already is left untouched: adding --aggregate to a render needs no --force.
    const written = new Set(writeLayers(files, outDir, { force: args.force, givenAs: FLAG_WORDS }));
    if (progress) progressLine(context, '');
    const paths = files.map(({ name }) => join(outDir, name));
    for (const path of paths) context.stdout.write(`${shown(path)}\n`);
    noteUnchanged(context, args, paths.filter((path) => !written.has(path)).map(shown));
    noteTacticsNotKept(context, args, items.flatMap(({ result, index }) => tacticsNotKept(result, index)));
    failOnLeftOut(results, `the layers of the rest were written`);
    failOnLeftOutFiles(leftOut, 'the layers of the rest were written');
  };
}

/**
 * One note on the references whose written tactics the layers do not keep, which `normalize` lists each with why and
 * the layer's comments hold, but which the layers alone show only as an entry under other tactics than the report's:
 * counts by kind, the first few of each, and the command that lists every one.
 */
function noteTacticsNotKept(context: CliContext, args: Args, found: readonly TacticNotKept[]): void {
  if (!found.length) return;
  const shown = (each: TacticNotKept): string => `${each.file}${each.line !== undefined ? `:${each.line}` : ''} ${each.id} without ${each.dropped.join(', ')}`;
  const kinds = [
    [found.filter((each) => each.widened), 'under every tactic of its technique, no tactic written being one of its'],
    [found.filter((each) => !each.widened), 'under fewer tactics than written'],
  ] as const;
  const parts = kinds.filter(([items]) => items.length).map(([items, what]) => `${items.length} ${what} (${items.slice(0, 3).map(shown).join(', ')}${items.length > 3 ? ` and ${items.length - 3} more` : ''})`);
  const files = [...new Set(found.map((each) => each.file))];
  note(
    context,
    args,
    `note: ${found.length} ${found.length === 1 ? "reference's tactics are" : "references' tactics are"} not all kept in the layers: ${parts.join('; ')}; ` +
      `${files.length === 1 ? withFileNamed('`attack-layers normalize <file>`', files[0]!) : '`attack-layers normalize <file>`'} lists every one with why`,
  );
}
