import { join } from 'node:path';
import {
  CollectedLogSources,
  DetectionModel,
  campaignReleaseWarnings,
  campaignRemapped,
  campaignUnresolved,
  formatGapCsv,
  formatGapMarkdown,
  formatGapJson,
  InputError,
  domainReleases,
  loadDetection,
  navigatorOpeningWarnings,
  unshownTechniqueWarnings,
  DETECTION_DATA,
  readLogSources,
  OutputExistsError,
  readCoverageInputs,
  readThreatInputs,
  renderCoverageLayer,
  renderGapLayer,
  renderVisibilityLayer,
  resolveCoverage,
  reviewGaps,
  schemaIssues,
  serializeLayer,
  threatFromCampaigns,
  threatFromLayer,
  UsageError,
  TESTS_INPUT,
  availableRelease,
  nearestRelease,
  placeText,
  queryCutWarning,
  summaryMessage,
  plural,
  readCountText,
  countsText,
  type CoverageProblem,
  isUnplaced,
  placeAtomicTests,
  readAtomicTests,
  RulesLibrary,
  libraryTagsCountText,
  type OutsideViewRanking,
  firstFew,
} from '../../index.js';
import { attackLibrary, FLAG_WORDS, cacheDir, note, progressLine, readStdin, showsProgress, warn, type CliContext, type GlobalArgs } from '../context.js';
import { assertGivenPaths } from '../given-paths.js';
import { writeOutputs } from '../output-files.js';
import { failOnLeftOut, failOnLeftOutFiles, failOnUnknownReports, unknownReportLines } from '../unplaced.js';

/** How many problems of one input stderr shows; the report lists every one. */
const PROBLEMS_SHOWN = 20;

interface Args extends GlobalArgs {
  threat: string[];
  coverage: string[];
  out: string;
  'min-coverage': number;
  report: 'md' | 'csv' | 'json';
  scale?: string;
  'threat-scale'?: string;
  strict?: boolean;
  force?: boolean;
  'log-sources'?: string;
  tests?: string;
  'rules-library'?: string[];
  'outside-view': OutsideViewRanking;
}


/** A `min,max` flag value as the scale it gives. @throws UsageError when it is not two numbers, min below max. */
function scaleArg(flag: string, text: string): [number, number] {
  // An empty part is no 0 (Number('') is): `--scale ,100` is refused, not read as 0,100.
  const parts = text.split(',').map((part) => (part.trim() === '' ? NaN : Number(part)));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) throw new UsageError(`${flag} ${text}: write "min,max", e.g. 0,100`);
  const [min, max] = parts as [number, number];
  // Reversed ends are likely the two numbers in the wrong order: the message gives them the right way round.
  if (min >= max) throw new UsageError(`${flag} ${text}: min ${min} must be below max ${max}; write "min,max", e.g. ${min > max ? `${max},${min}` : '0,100'}`);
  return [min, max];
}

/**
 * What to give for a `--threat` that names no file and looks like no path (`APT29`, `G0016`, `Lazarus Group`): a
 * detection engineer reviewing a group's techniques writes its name, which said only `no such file or folder`. The
 * group's layer is attack-object's to make; undefined for what looks like a path (a folder or file name typed wrong).
 */
function objectLayerAdvice(path: string): string | undefined {
  // A name or ID has a capital or a digit (APT29, G0016, menuPass); a folder typed wrong (`campaign`) seldom does.
  if (/[\\/]|\.\w{1,5}$/.test(path) || !/[A-Z0-9]/.test(path)) return undefined;
  const name = /^[\w.-]+$/.test(path) ? path : `"${path.replace(/"/g, '\\"')}"`;
  const file = `${path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.layer.json`;
  return (
    `the layer of the ATT&CK group, software or campaign, if ${path} names one, which attack-object makes: ` +
    `attack-layers attack-object ${name} > ${file}, then --threat ${file} (or pipe it in: attack-layers attack-object ${name} | attack-layers gap --threat - …)`
  );
}

/** The references the review lists, counted apart: those not resolved, and tactic tags of no technique of their rule (which counts). */
function listedText(unresolved: number, stray: number): string {
  return [
    ...(unresolved ? [`${plural(unresolved, 'reference')} not resolved`] : []),
    ...(stray ? [`${plural(stray, 'tactic tag')} not of the rule's techniques`] : []),
  ].join(', ');
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const minCoverage = args['min-coverage'];
    if (!(minCoverage >= 0 && minCoverage <= 100)) throw new UsageError(`--min-coverage ${minCoverage}: give a number from 0 to 100`);
    const scale = args.scale ? scaleArg('--scale', args.scale) : undefined;
    const threatScale = args['threat-scale'] ? scaleArg('--threat-scale', args['threat-scale']) : undefined;
    const names = ['coverage.layer.json', 'gap.layer.json', ...(args['log-sources'] ? ['visibility.layer.json'] : []), `gap-report.${args.report}`];
    // Every input path that names nothing is refused by its flag, all in one error before ATT&CK is read (nothing is
    // written): `--coverage x` said `x: no such file or folder` after the few seconds of reading the threat, naming no
    // flag. An old review in --out is refused once the new one is made, and only where it differs (writeOutputs).
    assertGivenPaths(
      [
        { flag: '--threat', paths: args.threat, takes: 'file or folder', advice: objectLayerAdvice },
        { flag: '--coverage', paths: args.coverage, takes: 'file or folder' },
        { flag: '--rules-library', paths: args['rules-library'] ?? [], takes: 'folder' },
        { flag: '--log-sources', paths: [args['log-sources']], takes: 'file' },
        { flag: '--tests', paths: [args.tests], takes: 'file or folder', advice: TESTS_INPUT },
      ],
      names.map((name) => join(args.out, name)),
    );
    // Standard input is read once, for the one input given as `-`: --threat, --coverage, --log-sources or --tests.
    const stdin = await readStdin(context, { '--threat': args.threat, '--coverage': args.coverage, '--log-sources': [args['log-sources']], '--tests': [args.tests] });
    // The tests are read first: a wrong --tests path is refused before the slow reading of rules.
    const testSet = args.tests ? readAtomicTests(args.tests, { stdin, givenAs: FLAG_WORDS }) : undefined;
    // The detection strategies are read beside the target's index: a cold load builds them from the same parse.
    const library = attackLibrary(context, args, true, [DETECTION_DATA]);
    // The review's domain is the one the threat states (a mobile layer is reviewed against mobile ATT&CK).
    const threat = readThreatInputs(args.threat, library, args['attack-release'], { stdin, domain: args.domain, givenAs: FLAG_WORDS, ...(threatScale ? { scale: threatScale } : {}) });
    const target = library.release(threat.domain.domain, args['attack-release']);
    // A progress line, rewritten in place and cleared (it was a note left on the terminal after the review).
    if (showsProgress(context, args)) progressLine(context, `reading coverage from ${args.coverage.join(', ')}`);
    const logSources = args['log-sources'] ? new CollectedLogSources(readLogSources(args['log-sources'], { stdin })) : undefined;
    const inputs = readCoverageInputs(args.coverage, { scale, stdin, cacheDir: cacheDir(context), domain: threat.domain, givenAs: FLAG_WORDS });
    // Older releases read names the target no longer has (a 2018 rule's "Credential Dumping"), as normalize does.
    const { history, otherDomains, otherReleases } = domainReleases(library, target.domain, args['attack-release']);
    // A layer's own release (ATT&CK 14) tells whether its platform filter listed every platform there.
    const release = (version: string) => availableRelease(library, target.domain, version);
    const nearest = (version: string) => nearestRelease(library, target.domain, version);
    const coverage = resolveCoverage(inputs, target, { otherDomains, history, otherReleases, release, nearest, releases: history, givenAs: FLAG_WORDS });
    if (showsProgress(context, args)) progressLine(context, '');
    const threatLayers = threat.layers.map((input) => threatFromLayer(input, target, { otherDomains, history, release, nearest, releases: history, givenAs: FLAG_WORDS }));
    const tests = testSet && placeAtomicTests(testSet, { target, history, otherDomains });
    // Public rules not run: read and resolved as coverage is (revoked tags remapped), never counted as coverage.
    const { inputs: libraryInputs, leftOut: libraryLeftOut } = readLibrary(args['rules-library'] ?? [], (folder) => readCoverageInputs([folder], { cacheDir: cacheDir(context), domain: threat.domain, givenAs: FLAG_WORDS }));
    const rulesLibrary = libraryInputs.length ? new RulesLibrary(resolveCoverage(libraryInputs, target, { otherDomains, history, otherReleases, library: true, givenAs: FLAG_WORDS }), coverage, logSources) : undefined;
    const detection = new DetectionModel(loadDetection(target, { cacheDir: cacheDir(context) }), target);
    const review = reviewGaps([...threatFromCampaigns(threat.campaigns, target), ...threatLayers.map((t) => t.source)], coverage, target, {
      minCoverage: minCoverage / 100,
      outsideView: args['outside-view'],
      threatUnresolved: [...campaignUnresolved(threat.campaigns, { target, history, givenAs: FLAG_WORDS }), ...threatLayers.flatMap((t) => t.unresolved)],
      threatRemapped: [...campaignRemapped(threat.campaigns), ...threatLayers.flatMap((t) => t.remapped)],
      detection,
      logSources,
      ...(tests ? { tests } : {}),
      threatLeftOut: threat.aggregatesLeftOut,
      ...(rulesLibrary ? { library: rulesLibrary } : {}),
      givenAs: FLAG_WORDS,
    });
    // A file of a --threat folder that is no threat input is named in the report's notes with why it was left out, and
    // so is a --rules-library folder that could not be read.
    review.notes.unshift(...libraryLeftOut,...threat.leftOut.map((line) => `left out of the threat: ${line}`), ...threat.layersLeftOut);
    // The report is a file, which Excel opens: a CSV starts with the byte-order mark it reads UTF-8 by.
    const report = args.report === 'csv' ? formatGapCsv(review, { byteOrderMark: true }) : args.report === 'json' ? formatGapJson(review) : formatGapMarkdown(review);
    const layers = [renderCoverageLayer(review, target), renderGapLayer(review, target)];
    if (logSources) layers.push(renderVisibilityLayer(detection, logSources, target, review.platforms));
    const files: [string, string][] = [...layers.map((layer, i): [string, string] => [join(args.out, names[i]!), serializeLayer(layer)]), [join(args.out, names.at(-1)!), report]];
    for (const [file, text] of files.slice(0, -1)) {
      const issues = schemaIssues('layer-4.5', JSON.parse(text));
      if (issues.length) throw new Error(`bug: ${file} would not be a valid layer: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
    writeOutputs(context, args, files.map(([path, content]) => ({ path, content })));
    context.stdout.write(files.map(([file]) => `${file}\n`).join(''));
    for (const warning of navigatorOpeningWarnings(layers)) warn(context, args, warning);
    for (const warning of new Set(layers.flatMap((layer) => unshownTechniqueWarnings(layer.techniques ?? [], target)))) warn(context, args, warning);
    // A rule folder given at a repository's root (stories, macros, workflows beside the rules) can hold hundreds of
    // files that are no rules: stderr shows the first of each input's problems, the report lists them all. A problem
    // another sums up (a layer's scores past its gradient, one line a layer) is in the report only.
    const problemLine = (problem: CoverageProblem): string => `${placeText(problem)}: ${summaryMessage(problem, `in ${files.at(-1)![0]}`)}`;
    for (const { source, problems: all } of [...threat.layers, ...inputs]) {
      const problems = all.filter((problem) => !problem.summarized);
      for (const problem of problems.slice(0, PROBLEMS_SHOWN)) note(context, args, problemLine(problem));
      const more = problems.length - PROBLEMS_SHOWN;
      if (more > 0) note(context, args, `${source}: ${more} more problem${more === 1 ? '' : 's'}, listed in ${files.at(-1)![0]}`);
    }
    for (const problem of logSources?.input.problems ?? []) note(context, args, problemLine(problem));
    for (const { line } of threat.aggregatesLeftOut) note(context, args, line);
    // The library is not the defender's: what it ignored and the notes on rules it read and kept (an Elastic rule's
    // unknown severity, counted as medium) are the library's to fix, counted here in one line and listed, with why, in
    // the report's inputs, as a coverage input's are. A file it could not read is a rule lost to every gap, to act on
    // (a team's own draft, a wrong folder): said after the line, as the library names its rules, which says the folder
    // where there are several.
    for (const input of rulesLibrary?.inputs ?? []) {
      const { ignored, invalid } = input.counts;
      const invalidFiles = input.problems.filter((problem) => problem.skipped && !problem.summarized);
      // A note on a file that is invalid is no note on a rule read (YAML's second error in a broken file).
      const lost = new Set(invalidFiles.map((problem) => problem.file));
      const notes = input.problems.filter((problem) => !problem.skipped && !problem.summarized && !lost.has(problem.file)).length;
      // Tags of no technique of the release (ATT&CK 19's attack.t1685.005 in an 18.1 review, a typo) and revoked ones, counted per tag.
      const tags = libraryTagsCountText(rulesLibrary?.summary.tags?.filter((tag) => tag.source === input.source) ?? [], rulesLibrary?.unplacedRules.get(input.source) ?? 0, target.label);
      const listed = ignored + invalid + notes || tags ? `, listed with why in ${files.at(-1)![0]}` : '';
      const noted = notes ? `, ${plural(notes, 'problem')} in rules read` : '';
      note(context, args, `rules library ${input.source}: ${readCountText(input.kind, input.counts.rules)}, ${ignored} ignored, ${invalid} invalid${noted}${tags ? `, ${tags}` : ''}${listed} (proposed for gaps, never counted as coverage)`);
      for (const problem of invalidFiles.slice(0, PROBLEMS_SHOWN)) note(context, args, `rules library ${input.source}: ${problemLine(problem)}`);
      const more = invalidFiles.length - PROBLEMS_SHOWN;
      if (more > 0) note(context, args, `rules library ${input.source}: ${more} more invalid file${more === 1 ? '' : 's'}, listed in ${files.at(-1)![0]}`);
    }
    // A rule whose query Kusto would refuse runs nowhere; its tables are read up to the fault, which is said.
    for (const input of [...inputs, ...(rulesLibrary?.inputs ?? [])]) {
      for (const rule of input.rules) {
        const warning = queryCutWarning(rule);
        if (warning) warn(context, args, warning);
      }
    }
    for (const text of review.notes) note(context, args, text);
    // A campaign's attack_version that is not here: its IDs were read in the review's release only; said as render says it.
    for (const campaign of threat.campaigns) for (const warning of campaignReleaseWarnings(campaign)) warn(context, args, `${campaign.file}: ${warning}`);
    // A campaign's report: that names none of its sources leaves the review as it is; it is said, as render and normalize say it.
    for (const line of unknownReportLines(threat.campaigns)) warn(context, args, line);
    // A rule's tactic tag of none of its techniques is listed with them, but the rule counts for its techniques.
    const listed = [...review.coverage.unresolved, ...review.threatUnresolved];
    const unresolved = listed.filter(isUnplaced).length;
    const stray = listed.length - unresolved;
    note(
      context,
      args,
      `${plural(review.rows.length, 'threat technique')}, ${plural(review.gaps.length, 'gap')}; ` +
        [
          ...threat.layers.map((i) => `threat ${i.source}: ${countsText(i, readCountText('layer', i.counts.rules))}`),
          ...inputs.map((i) => `${i.source}: ${countsText(i, readCountText(i.kind, i.counts.rules))}`),
        ].join('; ') +
        (listed.length ? `; ${listedText(unresolved, stray)} (listed in the report)` : ''),
    );
    // A review of no threat technique reviews nothing: its notes said why each threat input gave none.
    if (!review.rows.length) {
      throw new InputError(
        `${firstFew(args.threat)}: the threat gives no technique to review, so there is no review (why, in ${files.at(-1)![0]}); give campaigns or layers whose entries name techniques`,
      );
    }
    if (args.strict && unresolved) {
      throw new InputError(`--strict: ${plural(unresolved, 'threat or coverage reference')} could not be placed on a technique (listed in ${files.at(-1)![0]})`);
    }
    if (args.strict) failOnUnknownReports(threat.campaigns, `the review was written to ${files.at(-1)![0]}`);
    failOnLeftOut(threat.campaigns, `the review of the rest was written to ${files.at(-1)![0]}`);
    failOnLeftOutFiles([...threat.leftOut, ...(testSet?.leftOut ?? [])], `the review of the rest was written to ${files.at(-1)![0]}, which says why too`);
    if (libraryLeftOut.length) {
      throw new InputError(`--rules-library: ${plural(libraryLeftOut.length, 'folder')} left out (why, above); the review with the other library folders was written to ${files.at(-1)![0]}, which says why too`);
    }
  };
}

/** What a --rules-library folder must be, said where one cannot be read. */
const LIBRARY_TAKES = '--rules-library takes folders of rule files (a SigmaHQ checkout or its rules/), read as --coverage reads them';

/**
 * The --rules-library folders read one by one: a folder that cannot be read as rules (one holding only JSON, such as
 * an ATT&CK STIX bundle, which was read as layers and stopped the review naming no flag) is left out, with a line
 * naming the flag, the folder, why and what to do, while another folder gives rules to propose; when none does, the
 * first such folder is refused (exit 1), saying the same.
 */
function readLibrary(folders: readonly string[], read: (folder: string) => ReturnType<typeof readCoverageInputs>): { inputs: ReturnType<typeof readCoverageInputs>; leftOut: string[] } {
  const inputs: ReturnType<typeof readCoverageInputs> = [];
  const failed: { folder: string; why: string }[] = [];
  for (const folder of folders) {
    try {
      inputs.push(...read(folder));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      failed.push({ folder, why: error.message });
    }
  }
  const said = ({ folder, why }: { folder: string; why: string }) => `--rules-library ${folder}: not read as rules: ${why}; ${LIBRARY_TAKES}: give a folder of rules, or leave this one out`;
  if (failed.length && !inputs.some((input) => input.rules.length)) throw new InputError(failed.map(said).join('\n'));
  return { inputs, leftOut: failed.map((one) => `${said(one)} (left out: the review proposes the rules of the other library folders)`) };
}
