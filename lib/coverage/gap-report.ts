import { PRE_PLATFORM } from '../attack/platform-names.js';
import { type CsvOptions, formatCsv, markdownCell as cell, markdownCode, markdownMessage as message, markdownMessageCell as messageCell, markdownText as text } from '../table-text.js';
import { LAYOUT_ONLY_REASON, layoutOnlyCount, placeText, summaryMessage, type CoverageInput, type CoverageKind } from './coverage-types.js';
import { plural } from '../layer/score.js';
import { DETECTION_CLASS_TEXT, type GapDetection } from './gap-detection.js';
import { GAP_FORMULAS, type RowDataSource, type RowProcedure, offThreatPlatformText, ruleLevelText, rowDeliveryText, parentOnlyText, priorityFormula, subtechniqueMeanText, visibilityScoreText, visibilityText, type GapReview, type GapRow, type RemappedRef, type TacticSummary, type UnresolvedRef } from './gap-review.js';
import type { OutsideViewRanking } from './outside-view.js';
import { deliveryText } from './mail-delivery.js';
import { compareText } from '../compare-text.js';
import { givenOption, type GivenAs } from '../errors.js';
import { firstFew } from '../short-list.js';
import { SIGMA_WEIGHTS } from './read-sigma.js';
import { testsText, testVia, type RowTest } from './atomic-tests.js';
import { libraryCell, libraryTagText, libraryText } from './gap-library.js';
import { coveredOnText, NO_PLATFORM_TEXT, onPlatformsText, platformList, statesNoPlatform } from './stated-platforms.js';

/** Unresolved references of one kind, counted, with where they were seen. */
export interface UnresolvedGroup {
  raw: string;
  status: string;
  note: string;
  count: number;
  places: string[];
}

/**
 * Revoked IDs counted under their replacement, grouped by reference as written (a coverage tag, a threat layer entry, a
 * campaign reference), with where they were written (`rules`: rules, threat layers, campaigns) and places.
 */
export interface RemappedGroup {
  raw: string;
  ids: string[];
  count: number;
  rules: string[];
  places: string[];
}

/** A coverage input (or, with `side: 'threat'`, a threat layer; with `side: 'library'`, a `--rules-library` folder) as the report summarizes it. */
export type GapReportInput = Pick<CoverageInput, 'kind' | 'source' | 'files' | 'counts' | 'ignored' | 'problems'> & { side?: 'threat' | 'library' };

/**
 * The review as the report holds it (what `gap --report json` writes): plain data, from which the Markdown and CSV
 * reports, and `export`'s tables, are made.
 */
export interface GapReportData {
  attack: { domain: string; release: string };
  minCoverage: number;
  /** Where techniques of Reconnaissance or Resource Development only rank (absent in reports written before: by priority). */
  outsideView?: OutsideViewRanking;
  formulas: Record<string, string>;
  threats: GapReview['threats'];
  /** Threat inputs left out of the review (an aggregate of others given too), with why. */
  threatLeftOut?: GapReview['threatLeftOut'];
  /** The platforms of the threat as a whole. */
  platforms: string[];
  tactics: TacticSummary[];
  /** Every threat technique, ranked, with whether it is a gap. */
  rows: (GapRow & { gap: boolean })[];
  inputs: GapReportInput[];
  unresolved: UnresolvedGroup[];
  remapped: RemappedGroup[];
  /** Whether the release has detection strategies (absent: not looked at). */
  detectionStrategies?: boolean;
  logSources?: GapReview['logSources'];
  /** The Atomic Red Team tests given (`gap --tests`), and the gaps with and without one. */
  tests?: GapReview['tests'];
  /** The rules library given (`gap --rules-library`): its folders, rules read and the gaps it has rules for. */
  library?: GapReview['library'];
  notes: string[];
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;

/**
 * Coverage as users see it everywhere (`--min-coverage`, detections files, reports, layers): a percentage, 0-100.
 * The review computes with fractions; every figure is converted here, at the edge, to one decimal at most.
 */
export function coveragePercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

/** The coverage figures of a report (threshold, techniques, their rules, tactics), converted by `convert`. */
function convertCoverage(report: GapReportData, convert: (value: number) => number): GapReportData {
  // Reports written before a field existed lack it: left as they are.
  const rules = <T extends { level: number }>(list: readonly T[] | undefined): T[] => (list ?? []).map((rule) => ({ ...rule, level: convert(rule.level) }));
  return {
    ...report,
    minCoverage: convert(report.minCoverage),
    tactics: report.tactics.map((tactic) => ({ ...tactic, coverage: convert(tactic.coverage) })),
    rows: report.rows.map((row) => ({
      ...row,
      coverage: convert(row.coverage),
      rules: rules(row.rules),
      otherPlatformRules: rules(row.otherPlatformRules),
      ...(row.parentRules ? { parentRules: rules(row.parentRules) } : {}),
      ...(row.subtechniques ? { subtechniques: row.subtechniques.map((sub) => ({ ...sub, coverage: convert(sub.coverage) })) } : {}),
    })),
  };
}

/** The JSON report `gap --report json` writes: `gapJson`, its coverage as percentages (0-100). */
export function formatGapJson(review: GapReview): string {
  return `${JSON.stringify(convertCoverage(gapJson(review), coveragePercent), null, 2)}\n`;
}

/** A JSON report as read back (`export`): its percentages as the fractions the report's formatters take. */
export function gapReportFromJson(report: GapReportData): GapReportData {
  return convertCoverage(report, (value) => value / 100);
}
/** Why an input's items were ignored, each reason with how many: the most frequent first, then by reason. */
function ignoredReasons(input: Pick<GapReportInput, 'ignored'>): [reason: string, count: number][] {
  const reasons = new Map<string, number>();
  for (const entry of input.ignored) reasons.set(entry.reason, (reasons.get(entry.reason) ?? 0) + 1);
  return [...reasons].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
}

const RULES_SHOWN = 5;
const PLACES_SHOWN = 3;
/** Atomic Red Team tests a Markdown cell or line names (a parent's row may list its sub-techniques' dozens). */
const TESTS_SHOWN = 3;

/** Gaps and log sources the summary at the top of the Markdown names (the tables below list every one). */
const START_SHOWN = 5;

/**
 * The log sources collected as every report format names them: a name collected whole as it is, one collected in
 * part with its part (`WinEventLog:Sysmon (only EventCode=1; EventCode=3)`), so that a reader does not take Sysmon
 * for collected whole when only its process creation events are.
 */
export function collectedLogSourceTexts(logSources: NonNullable<GapReportData['logSources']>): string[] {
  const parts = new Map((logSources.partial ?? []).map((entry) => [entry.name, entry.channels]));
  return logSources.names.map((name) => (parts.has(name) ? `${name} (only ${parts.get(name)!.join('; ')})` : name));
}

/**
 * Where to start, for a review classed against the log sources (--log-sources): the gaps buildable now, by rank, and
 * each log source whose collection alone would complete an analytic of gaps that need telemetry, with their ranks.
 * The buildable gaps are scattered through the ranking (a needs-telemetry gap of priority 2 ranks before a buildable
 * one of 1.5), so the table alone does not say what can be written this week.
 */
function startLines(gaps: GapReportData['rows'], logSources: GapReportData['logSources']): string[] {
  const ranked = gaps.map((row, i) => ({ row, rank: i + 1 }));
  const lines: string[] = [];
  const buildable = ranked.filter(({ row }) => row.detection?.class === 'buildable');
  if (buildable.length) {
    lines.push(`- Buildable now (${buildable.length}), by rank: ${some(buildable.map(({ row, rank }) => `#${rank} ${row.id} ${row.name}`), START_SHOWN)}`);
  }
  // A rules library's rule buildable now closes a gap ATT&CK's analytics class as needing telemetry (SigmaHQ's process
  // creation rules for T1105, whose analytics read Sysmon 3 and 11): the class above is ATT&CK's, this line the library's.
  const fromLibrary = ranked.filter(({ row }) => row.detection?.class !== 'buildable' && row.library?.some((rule) => rule.buildable));
  if (fromLibrary.length) {
    const named = fromLibrary.map(({ row, rank }) => `#${rank} ${row.id} ${row.name} (${plural(row.library!.filter((rule) => rule.buildable).length, 'rule')})`);
    lines.push(`- A library rule buildable now, for gaps ATT&CK's analytics class otherwise (${fromLibrary.length}), by rank: ${some(named, START_SHOWN)}`);
  }
  // A name the log sources file lists is collected in part: what is missing is the channels of it the analytics read.
  const listed = new Set((logSources?.names ?? []).map((name) => name.toLowerCase()));
  const unlocks = new Map<string, { ranks: number[]; channels: Set<string> }>();
  for (const { row, rank } of ranked) {
    if (row.detection?.class !== 'needs-telemetry') continue;
    const alone = new Map<string, Set<string>>();
    for (const analytic of row.detection.strategies.flatMap((strategy) => strategy.analytics)) {
      const names = new Set((analytic.missing ?? []).map((source) => source.name));
      if (!analytic.logSources.length || names.size !== 1) continue;
      const name = [...names][0]!;
      const channels = alone.get(name) ?? alone.set(name, new Set()).get(name)!;
      for (const source of analytic.missing!) if (source.channel && listed.has(source.name.toLowerCase())) channels.add(source.channel);
    }
    for (const [name, channels] of alone) {
      const unlock = unlocks.get(name) ?? unlocks.set(name, { ranks: [], channels: new Set() }).get(name)!;
      unlock.ranks.push(rank);
      for (const channel of channels) unlock.channels.add(channel);
    }
  }
  if (unlocks.size) {
    const sources = [...unlocks]
      .sort((a, b) => b[1].ranks.length - a[1].ranks.length || compareText(a[0], b[0]))
      .map(([name, { ranks, channels }]) => {
        const source = channels.size ? `${name} (${[...channels].sort(compareText).join('; ')})` : name;
        return `${source}: ${ranks.length === 1 ? '1 gap' : `${ranks.length} gaps`} (${ranks.map((rank) => `#${rank}`).join(', ')})`;
      });
    lines.push(`- One log source more makes needs-telemetry gaps buildable: ${some(sources, START_SHOWN)}`);
  }
  return lines;
}

/** At most `shown` items, then "and N more". */
function some(items: readonly string[], shown: number, separator = '; '): string {
  return items.length > shown ? `${items.slice(0, shown).join(separator)}${separator}and ${items.length - shown} more` : items.join(separator);
}

function ruleList(row: Pick<GapRow, 'id' | 'status' | 'coveredSubtechniques' | 'rules' | 'parentRules' | 'visibility'>): string {
  // Visibility is no rule: said beside the rules, as the log data a rule for the technique would read.
  const best = row.visibility?.[0];
  const visible = best ? `${visibilityScoreText(best)}, not counted` : '';
  if (row.status === 'partial') return `partial, through ${row.coveredSubtechniques.join(', ')}${visible ? `; ${visible}` : ''}`;
  if (!row.rules.length) {
    if (row.parentRules?.length) return `none (covered at the parent ${parentOf(row.id)} only: ${plural(row.parentRules.length, 'rule')}, not counted${visible ? `; ${visible}` : ''})`;
    return best ? `none (visible, no detection: ${visibilityScoreText(best)})` : 'none';
  }
  return `${some(
    row.rules.map((rule) => ruleLevelText(rule, percent)),
    RULES_SHOWN,
  )}${visible ? `; ${visible}` : ''}`;
}

/**
 * A rule's name with every rule it names: a layer entry that names its rules is named by the first few
 * (`Elastic-detection-rules-all: A, B, C and 4 more`); the table the CSV report and the workbook share lists them all.
 */
function fullRuleName(rule: Pick<GapRow['rules'][number], 'name' | 'names'>): string {
  const shown = rule.names ? firstFew(rule.names) : undefined;
  if (!shown || !rule.name.endsWith(shown)) return rule.name;
  return `${rule.name.slice(0, rule.name.length - shown.length)}${rule.names!.join(', ')}`;
}

/** Whether some rule of the review is named by the first few of the rules a layer entry names (fullRuleName). */
const namesShortened = (rows: readonly Pick<GapRow, 'rules'>[]): boolean => rows.some((row) => row.rules.some((rule) => rule.names && fullRuleName(rule) !== rule.name));

const capitalized = (sentence: string): string => sentence.charAt(0).toUpperCase() + sentence.slice(1);

/** The parent of a sub-technique ID (`T1059.001` -> `T1059`). */
const parentOf = (id: string): string => id.split('.')[0]!;

/** Rules for the technique that fire on none of its platforms, with the platforms they fire on. */
function otherPlatformList(row: Pick<GapRow, 'otherPlatformRules'>): string {
  return some(
    row.otherPlatformRules.map((rule) => `${rule.name} (${rule.platforms.join(', ')})`),
    RULES_SHOWN,
  );
}

/** `Windows, Linux` or `Windows, Linux (not covered: Linux)`. */
function platformText(row: Pick<GapRow, 'platforms' | 'platformsCovered'>): string {
  const missing = row.platforms.filter((platform) => !row.platformsCovered.includes(platform));
  return `${platformList(row.platforms)}${missing.length && missing.length < row.platforms.length ? ` (not covered: ${platformList(missing)})` : ''}`;
}

/** The class of a gap in a few words: `buildable now`, `needs telemetry: auditd:SYSCALL`. */
export function detectionText(detection: GapDetection | undefined): string {
  if (!detection?.class) return '';
  const detail = detection.missing?.length ? detection.missing : (detection.buildableWith ?? []);
  return `${DETECTION_CLASS_TEXT[detection.class]}${detail.length ? `: ${detail.join(', ')}` : ''}`;
}

/** What an input's `items` count, by kind (a report read back may name a kind this version does not know). */
const INPUT_UNITS: Readonly<Record<CoverageKind, string>> = {
  sigma: 'rule files',
  splunk: 'rule files',
  sentinel: 'rule files',
  elastic: 'rule files',
  wazuh: 'rule files',
  falco: 'rule files',
  chronicle: 'rule files',
  panther: 'rule files',
  rules: 'rule files',
  detections: 'detections',
  layer: 'layer entries',
  dettect: 'detection objects',
  qradar: 'rule mappings',
  sumo: 'rule files',
  sekoia: 'rule files',
  defender: 'rule files',
  limacharlie: 'rule files',
  datadog: 'rule files',
  suricata: 'rule files',
  kql: 'rule files',
};

// How one of an input's items is said (`1 rule file`, `1 layer entry`), by INPUT_UNITS: `2 rule files` but `1 rule file`.
const ITEM_UNITS: Readonly<Record<string, string>> = {
  'rule files': 'rule file',
  rules: 'rule',
  detections: 'detection',
  'layer entries': 'layer entry',
  'detection objects': 'detection object',
  'rule mappings': 'rule mapping',
};

// How one and several of an input's items read are said (`1 rule read`, `126 entries read`), by INPUT_UNITS.
const READ_UNITS: Readonly<Record<string, readonly [one: string, many: string]>> = {
  'rule files': ['rule', 'rules'],
  detections: ['detection', 'detections'],
  'layer entries': ['entry', 'entries'],
  'detection objects': ['detection object', 'detection objects'],
  'rule mappings': ['rule mapping', 'rule mappings'],
};

/** How many of an input's items were read, in its unit: `1 rule read`, `126 entries read`. */
export function readCountText(kind: CoverageKind, count: number): string {
  const [one, many] = READ_UNITS[INPUT_UNITS[kind] ?? 'detections'] ?? READ_UNITS['detections']!;
  return `${count} ${count === 1 ? one : many} read`;
}

function inputLine(input: GapReportInput): string {
  const { items, rules, ignored, invalid } = input.counts;
  // Rules counted one per file (a rule folder), or many in one file (a Kibana or Sentinel export).
  const units = INPUT_UNITS[input.kind] === 'rule files' && input.files !== items ? 'rules' : (INPUT_UNITS[input.kind] ?? 'detections');
  const layout = layoutOnlyCount(input);
  return (
    `${input.side ? `${input.side} ` : ''}${text(input.kind)} ${markdownCode(input.source)}: ${text(items)} ${items === 1 ? ITEM_UNITS[units] : units} = ${text(rules)} read + ` +
    `${layout ? `${text(layout)} layout only + ` : ''}${text(ignored - layout)} ignored + ${text(invalid)} invalid`
  );
}

const place = placeText;

/**
 * Add `item` to `list` unless it is there: a group names each place (and rule) once, however many references it
 * holds (a DeTT&CT technique's detection and visibility objects are all at the technique's line).
 */
function pushNew(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** Unresolved references grouped by reference and status, most frequent first. */
export function groupUnresolved(list: readonly UnresolvedRef[]): UnresolvedGroup[] {
  const groups = new Map<string, UnresolvedGroup>();
  for (const ref of list) {
    const key = `${ref.status}\u0000${ref.raw.toLowerCase()}`;
    const group = groups.get(key) ?? { raw: ref.raw, status: ref.status, note: ref.note, count: 0, places: [] };
    group.count++;
    pushNew(group.places, place(ref));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || compareText(a.raw, b.raw));
}

/** Revoked references grouped as written (case aside), most frequent first. */
export function groupRemapped(list: readonly RemappedRef[]): RemappedGroup[] {
  const groups = new Map<string, RemappedGroup>();
  for (const ref of list) {
    const key = ref.raw.toLowerCase();
    const group = groups.get(key) ?? { raw: ref.raw, ids: ref.ids, count: 0, rules: [], places: [] };
    group.count++;
    pushNew(group.rules, ref.rule);
    pushNew(group.places, place(ref));
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || compareText(a.raw, b.raw));
}

/** A link to an attack.mitre.org page, or the label alone when the URL is anything else. */
function attackLink(label: string, url: string | undefined): string {
  return url && /^https:\/\/attack\.mitre\.org\/[\w/#.-]*$/.test(url) ? `[${text(label)}](${url})` : text(label);
}

const sourceText = (source: { name: string; channel?: string }): string => `${source.name}${source.channel ? ` (${source.channel})` : ''}`;
// ATT&CK lists a log source once per data component it serves (AN2024: "Domain Name" three times): written once.
const sourcesText = (sources: readonly { name: string; channel?: string }[]): string => [...new Set(sources.map(sourceText))].join('; ');

/** The first sentence of a description, at most 200 characters. */
function firstSentence(description: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(description)?.[0] ?? description;
  return sentence.length > 200 ? `${sentence.slice(0, 197)}...` : sentence;
}

/** How long a procedure's text is shown in the Markdown and CSV reports: the JSON report keeps it whole. */
const PROCEDURE_SHOWN = 200;

/** A text cut at a word to at most `length` characters, `...` saying it was cut. */
function cutText(value: string, length: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length - 3);
  const word = cut.lastIndexOf(' ');
  return `${(word > length / 2 ? cut.slice(0, word) : cut).replace(/[\s,;:.]+$/, '')}...`;
}

/** A log source that would see a gap with its channels (`WinEventLog:Sysmon (EventCode=1; EventCode=11)`), those past `length` characters left to the analytics. */
function dataSourceText(source: RowDataSource, length = Infinity): string {
  const channels = source.channels?.join('; ') ?? '';
  return channels && channels.length <= length ? `${source.name} (${channels})` : source.name;
}

/** How many log sources a gap's Markdown names, and how long their channels may be there (ATT&CK's run to sentences). */
const DATA_SOURCES_SHOWN = 8;
const CHANNELS_SHOWN = 60;

/** The Markdown's line of the data that would see a gap: the first few names, each with its channels where they are short. */
const dataSourcesLine = (sources: readonly RowDataSource[]): string => some(sources.map((source) => dataSourceText(source, CHANNELS_SHOWN)), DATA_SOURCES_SHOWN);

/**
 * Where a row's procedures are whole: the first's place, and how many there are with where every one is (the JSON
 * report, `json`, as Markdown): `t.json:23; 1 of 3 procedures, every one in `--report json``.
 */
function procedureWhere(procedures: readonly RowProcedure[], json: string): string {
  const first = procedures[0]!;
  const more = procedures.length > 1 ? `1 of ${procedures.length} procedures, every one` : 'the whole text';
  const cut = procedures.length > 1 || cutText(first.text, PROCEDURE_SHOWN) !== first.text.replace(/\s+/g, ' ').trim();
  return [first.place ? text(first.place) : '', cut ? `${more} in ${json}` : ''].filter(Boolean).join('; ');
}

/** How a gap of Reconnaissance or Resource Development only (`preAttack`) is marked in the Markdown and CSV. */
const OUTSIDE_VIEW = 'outside view';

/** The short block a detection engineer reads for one gap: strategies, analytics with their log sources, mitigations. */
function gapBlock(row: GapReportData['rows'][number], rank: number, json: string): string[] {
  const detection = row.detection;
  const lines = [
    `### ${rank}. ${text(row.id)} ${text(row.name)}`,
    '',
    `Priority ${text(row.priority)}; ${row.rules.length ? `coverage ${percent(row.coverage)}` : row.status === 'partial' ? `partial (${[percent(row.coverage), subtechniqueMeanText(row.subtechniques, percent)].filter(Boolean).join(', ')})` : 'not covered'}` +
      coveredOnText(row.platforms, row.platformsCovered, (list) => text(platformList(list))) +
      `${detection?.class ? `; **${text(detectionText(detection))}**` : ''}.`,
  ];
  // How the actor did it, then what would see it: what an emulation and the rule start from.
  const first = row.procedures?.[0];
  if (first) {
    const cited = first.links?.length ? `; cites ${text(some(first.links.map((link) => link.label ?? link.url), PLACES_SHOWN, ', '))}` : '';
    lines.push('', `How ${text(first.source)} used it: "${text(cutText(first.text, PROCEDURE_SHOWN))}" (${procedureWhere(row.procedures!, json)}${cited}).`);
  }
  if (row.dataSources?.length) lines.push('', `Data that would see it (the log sources of its ATT&CK analytics${detection?.strategies.length ? ', below' : ''}): ${text(dataSourcesLine(row.dataSources))}.`);
  const offThreat = offThreatPlatformText(row);
  if (offThreat) lines.push('', `${text(capitalized(offThreat))}.`);
  const delivery = rowDeliveryText(row);
  if (delivery) lines.push('', `${text(capitalized(delivery))}.`);
  if (row.otherPlatformRules.length) {
    lines.push(
      '',
      `Not counted, for other platforms: ${text(otherPlatformList(row))}.`,
    );
  }
  if (row.parentRules?.length) {
    lines.push(
      '',
      `${text(capitalized(parentOnlyText(row.id, some(row.parentRules.map((rule) => ruleLevelText(rule, percent)), RULES_SHOWN))))}.`,
    );
  }
  if (row.visibility?.length) {
    const seen = visibilityText(row.visibility, { shown: RULES_SHOWN });
    lines.push(
      '',
      row.rules.length || row.status === 'partial'
        ? `Visibility, not counted as coverage: ${text(seen)}.`
        : `Visible, no detection: ${text(seen)}. The log data to see it is there: write the rule.`,
    );
  }
  if (row.tests?.length) {
    // A sub-technique's test runs one way of doing the parent; the parent's test may not do this sub-technique.
    const via = row.tests.find((test) => test.via)?.via;
    const part = !via ? '' : via.includes('.') ? ' (a sub-technique\'s test exercises it only in part)' : ' (a parent\'s test may not do this sub-technique: check what it runs)';
    lines.push('', `Atomic Red Team ${text(testsText(row.tests, { shown: TESTS_SHOWN }))}: run them to check the rule written for it${part}.`);
  }
  // Public rules not run (--rules-library): where to start writing the rule; the JSON report lists every one.
  if (row.library) lines.push('', `Rules library, not run: ${text(libraryText(row.library, row.libraryElsewhere))}.`);
  if (!detection) return lines;
  lines.push('');
  if (!detection.strategies.length) lines.push('- No detection strategy in this release.');
  for (const strategy of detection.strategies) {
    lines.push(`- Detection strategy ${attackLink(`${strategy.id} ${strategy.name}`, strategy.url)}`);
    if (!strategy.analytics.length) lines.push(`  - no analytic${statesNoPlatform(row.platforms) ? ` (${NO_PLATFORM_TEXT})` : ` for ${text(platformList(row.platforms))}`}`);
    for (const analytic of strategy.analytics) {
      const state =
        analytic.missing === undefined
          ? ''
          : !analytic.missing.length
            ? ' — all collected'
            : analytic.missing.length === analytic.logSources.length
              ? ' — none collected'
              : ` — missing ${text(sourcesText(analytic.missing))}`;
      lines.push(
        `  - ${attackLink(analytic.id, analytic.url)} (${text(platformList(analytic.platforms))}): ${text(sourcesText(analytic.logSources))}${state}`,
        `    ${text(firstSentence(analytic.description))}`,
      );
    }
    if (strategy.otherPlatforms) lines.push(`  - and ${strategy.otherPlatforms} analytic${strategy.otherPlatforms === 1 ? '' : 's'} for other platforms`);
  }
  if (detection.mitigations.length) lines.push(`- Mitigations: ${detection.mitigations.map((m) => attackLink(`${m.id} ${m.name}`, m.url)).join('; ')}`);
  return lines;
}

/**
 * A row's Tests cell (`gap --tests`): `none`, as the Rules column says it, for a technique no test runs on the
 * platforms of (`tests: 0` filled 46 of 48 rows of a review against a 45-test excerpt of index.csv).
 */
const testsCell = (tests: readonly RowTest[] | undefined): string => (tests?.length ? testsText(tests, { shown: TESTS_SHOWN }) : 'none');

/**
 * The line above the gaps table: what Threat and Priority mean, where the reader first meets them (the formulas
 * are at the bottom, under "How the numbers are computed").
 */
const GAPS_TABLE_KEY =
  'Threat: how much the threat uses the technique, summed over the sources in Used by (a campaign that observed it 1, inferred only 0.5; a layer its score on 0 to 1). ' +
  'Priority: threat x (1 - coverage), the threat the rules leave uncovered. How every number is computed is at the end.';

/** The review as Markdown, readable on its own: what was compared, the ranked gaps, per-tactic coverage, the inputs. */
export function formatGapMarkdown(review: GapReview): string {
  return formatGapReportMarkdown(gapJson(review), review.givenAs);
}

/** The heading of the section on the gaps rules tagged for a newer ATT&CK release may hold, which the gaps table points to. */
const NEWER_TAGS_HEADING = 'Gaps rules tagged for a newer ATT&CK release may hold';

/**
 * The gaps rules tagged for a newer ATT&CK release may hold (`newerTags`), said once, in one table: each gap's row and
 * block said it in full, so that every Defense Evasion gap of an 18.1 review of SigmaHQ's rules (HTML Smuggling,
 * Software Packing, Hybrid Identity alike) read "196 rules tagged for a newer ATT&CK release … may detect it", a line
 * a detection engineer learns to skip. The rules are placed by tactic only (the newer release is not at hand to say
 * which of its IDs holds which technique): the rules reading a log the technique's ATT&CK analytics read are counted
 * apart, and what to do is the report's note on those rules, said once.
 */
function newerTagsSection(gaps: readonly GapReportData['rows'][number][]): string[] {
  const placed = gaps.filter((row) => row.newerTags);
  if (!placed.length) return [];
  const tags = [...new Set(placed.flatMap((row) => row.newerTags!.tags))].sort(compareText);
  return [
    '',
    `## ${NEWER_TAGS_HEADING}`,
    '',
    'Rules that tag technique IDs this release does not know count for nothing here (the note above names them and the release to review with). ' +
      `Their tactic tags (${text(tags.join(', '))}) place them under a tactic of ${placed.length === 1 ? 'this gap' : `these ${placed.length} gaps`}, on ${placed.length === 1 ? 'its' : 'their'} platforms; ` +
      'which of those IDs holds which technique is the newer release\'s to say: read first the rules that read a log the technique\'s ATT&CK analytics read, ' +
      'and what each ID is about, below. Each rule and tag is listed by ID among the references not resolved.',
    '',
    '| # | Technique | Name | Rules under its tactics | Reading a log its ATT&CK analytics read | IDs they tag |',
    '|---:|---|---|---:|---:|---|',
    ...placed.map((row) => {
      const { rules, readingLogs, ids } = row.newerTags!;
      return `| ${gaps.indexOf(row) + 1} | ${cell(row.id)} | ${cell(row.name)} | ${rules} | ${readingLogs ?? ''} | ${cell(some(ids, 8, ', '))} |`;
    }),
    ...newerIdsTable(placed),
  ];
}

/**
 * The IDs the rules of the gaps above tag, each with its rules counted and the first of their names, once: what each
 * ID is about is in its rules' titles (T1685.005: Eventlog Cleared, …), which the ID alone, of a release not at hand,
 * does not say. Each ID as the gap whose platforms give it the most rules counts it. None for a report written before.
 */
function newerIdsTable(placed: readonly GapReportData['rows'][number][]): string[] {
  const widest = new Map<string, { rules: number; names: string[] }>();
  for (const row of placed) {
    for (const entry of row.newerTags!.byId ?? []) if ((widest.get(entry.id)?.rules ?? 0) < entry.rules) widest.set(entry.id, entry);
  }
  if (!widest.size) return [];
  return [
    '',
    'What each ID is about, as its rules\' titles say it:',
    '',
    '| ID | Rules | First rules |',
    '|---|---:|---|',
    ...[...widest].sort(([a], [b]) => compareText(a, b)).map(([id, { rules, names }]) => `| ${cell(id)} | ${rules} | ${cell(`${names.join('; ')}${rules > names.length ? '; …' : ''}`)} |`),
  ];
}

/**
 * How the report names writing the review as JSON or CSV: the caller's flag (the CLI's `--report json`), else the
 * function a program calls (`formatGapJson`).
 */
function reportWords(givenAs: GivenAs | undefined, format: 'json' | 'csv'): string {
  return givenAs?.report ? `${givenAs.report} ${format}` : format === 'json' ? 'formatGapJson' : 'formatGapCsv';
}

/**
 * A gap report (`gap --report json`) as Markdown: the same text `gap --report md` writes. `givenAs`: how it names the
 * options it advises (the CLI's flags; by default a program's options and functions).
 */
export function formatGapReportMarkdown(review: GapReportData, givenAs?: GivenAs): string {
  const gaps = review.rows.filter((row) => row.gap);
  const classes = new Map<string, number>();
  for (const row of gaps) if (row.detection?.class) classes.set(row.detection.class, (classes.get(row.detection.class) ?? 0) + 1);
  const classCounts = Object.entries(DETECTION_CLASS_TEXT)
    .filter(([key]) => classes.has(key))
    .map(([key, label]) => `${classes.get(key)} ${label}`);
  const detected = gaps.some((row) => detectionText(row.detection) !== '');
  const tested = review.tests !== undefined;
  const lines: string[] = [
    '# Coverage gap review',
    '',
    `ATT&CK ${text(review.attack.domain)} ${text(review.attack.release)}. A technique is a gap when its coverage is below ${percent(review.minCoverage)}, ` +
      'or when it is covered only through some of its sub-techniques (partial).',
    '',
    `- Threat: ${review.threats.map((t) => `${text(t.name)} (${text(t.kind)}${t.file ? ` ${markdownCode(t.file)}` : ''}, ${plural(t.techniques, 'technique')}, ${text(t.platforms?.join(', ') ?? 'all platforms')})`).join('; ') || 'none'}`,
    ...(review.threatLeftOut ?? []).map((t) => `- Threat left out: ${text(t.name)} (layer ${markdownCode(t.file)}): ${message(t.why)}`),
    `- Coverage: ${review.inputs.filter((input) => !input.side).map(inputLine).join('; ') || 'none'}`,
    ...(review.logSources
      ? [`- Log sources collected: ${markdownCode(review.logSources.file)}: ${text(collectedLogSourceTexts(review.logSources).join(', ') || 'none')}`]
      : []),
    ...(review.tests
      ? [`- Atomic Red Team tests: ${markdownCode(review.tests.source)}: ${plural(review.tests.tests, 'test')}; ${testsCountText(review.tests)}`]
      : []),
    ...(review.library ? [`- Rules library (public rules not run, never counted as coverage): ${text(libraryCountText(review.library, gaps.length))}`] : []),
    `- ${plural(review.rows.length, 'threat technique')}, ${plural(gaps.length, 'gap')}${classCounts.length ? ` (${classCounts.join(', ')})` : ''}, ${review.rows.length - gaps.length} covered.`,
    ...startLines(gaps, review.logSources),
    ...review.notes.map((note) => `- Note: ${message(note)}`),
    '',
    '## Coverage by tactic',
    '',
    '| Tactic | Threat techniques | Gaps | Threat-weighted coverage |',
    '|---|---:|---:|---:|',
    ...review.tactics.map((t) => `| ${cell(t.name)} | ${cell(t.techniques)} | ${cell(t.gaps)} | ${percent(t.coverage)} |`),
    '',
    '## Gaps, highest priority first',
    '',
    GAPS_TABLE_KEY,
    '',
    // The Detection column (buildable now, needs telemetry...) only when a gap has one: it comes of --log-sources.
    // The Tests column only when tests were given (--tests): what Atomic Red Team runs on the row's platforms.
    `| # | Technique | Name | Tactics | Threat | Used by | Platforms | Coverage | Rules |${detected ? ' Detection |' : ''}${tested ? ' Tests |' : ''} Priority |`,
    `|---:|---|---|---|---:|---|---|---:|---|${detected ? '---|' : ''}${tested ? '---|' : ''}---:|`,
    ...gaps.map(
      (row, i) =>
        `| ${i + 1} | ${cell(row.id)} | ${cell(row.name)} | ${cell(row.tactics.join(', '))}${row.preAttack ? ` (${OUTSIDE_VIEW})` : ''} | ${cell(row.threat)} | ${cell(row.sources.join('; '))} | ` +
        `${cell(platformText(row))} | ${percent(row.coverage)}${row.status === 'partial' ? ' (partial)' : ''} | ${cell(ruleList(row))} | ` +
        `${detected ? `${cell(detectionText(row.detection))} | ` : ''}${tested ? `${cell(testsCell(row.tests))} | ` : ''}${cell(row.priority)} |`,
    ),
  ];
  // `not covered on PRE` reads as a system to deploy rules on: it is what the adversary does before the compromise.
  const pre = gaps.filter((row) => row.platforms.includes(PRE_PLATFORM)).length;
  if (pre) {
    lines.push(
      '',
      `PRE, the platform of ${pre === 1 ? '1 gap' : `${pre} gaps`}, is ATT&CK's platform for what the adversary does before the compromise ` +
        '(Reconnaissance, Resource Development), mostly outside the systems rules watch: ATT&CK\'s analytics for it read Internet Scan, Domain Name, Malware Repository and such.',
    );
  }
  const outside = gaps.filter((row) => row.preAttack).length;
  if (outside) {
    lines.push(
      '',
      `${outside === 1 ? '1 gap is' : `${outside} gaps are`} marked ${OUTSIDE_VIEW}: techniques of Reconnaissance or Resource Development only, which ATT&CK says mostly take place ` +
        'outside the visibility of the target organization; ' +
        (review.outsideView === 'last'
          ? `they rank after every gap in view, whatever their priority (\`${givenOption(givenAs, 'outsideView', 'priority')}\` ranks them by priority alone).`
          : 'each is ranked after the gaps of its priority that are not.'),
    );
  }
  // The ranked table says once where the gaps rules tagged for a newer release may hold are, not in their rows: the
  // rules are placed by tactic only, so every gap of a tactic would say the same (newerTagsSection).
  const newer = gaps.flatMap((row, i) => (row.newerTags ? [`#${i + 1}`] : []));
  if (newer.length) {
    lines.push(
      '',
      `Rules tagged for a newer ATT&CK release, which count for nothing here, may hold ${newer.length === 1 ? 'gap' : 'gaps'} ${newer.join(', ')}: ` +
        `see "${NEWER_TAGS_HEADING}" below.`,
    );
  }
  if (gaps.length && (review.detectionStrategies !== undefined || gaps.some((row) => row.threatPlatforms || rowDeliveryText(row) || row.otherPlatformRules.length || row.parentRules?.length || row.visibility?.length || row.tests?.length || row.library || row.procedures))) {
    lines.push('', '## What to build, gap by gap', '');
    gaps.forEach((row, i) => lines.push(...gapBlock(row, i + 1, markdownCode(reportWords(givenAs, 'json'))), ''));
    lines.pop();
  }
  lines.push(...newerTagsSection(gaps));
  const coveredRows = review.rows.filter((row) => !row.gap);
  if (coveredRows.length) {
    lines.push(
      '',
      '## Covered threat techniques, highest priority first',
      '',
      // Rows keep the review's order, the gaps': covered rows have no class of what to build.
      `Ranked as the gaps: ${review.outsideView === 'last' ? 'every technique in view before those of Reconnaissance or Resource Development only, then ' : ''}` +
        'the highest priority first, which is the threat the rules leave uncovered (threat x (1 - coverage / 100)), ' +
        'then a technique in view before one of Reconnaissance or Resource Development only, then the higher threat, then by technique ID.',
      '',
      `| Technique | Name | Threat | Platforms | Coverage | Rules | Not counted (other platforms) |${tested ? ' Tests |' : ''}`,
      `|---|---|---:|---|---:|---|---|${tested ? '---|' : ''}`,
      ...coveredRows.map(
        (row) =>
          `| ${cell(row.id)} | ${cell(row.name)} | ${cell(row.threat)} | ${cell(platformText(row))} | ${percent(row.coverage)} | ${cell(ruleList(row))} | ` +
          `${cell(otherPlatformList(row))} |${tested ? ` ${cell(testsCell(row.tests))} |` : ''}`,
      ),
    );
  }
  if (namesShortened(review.rows)) {
    lines.push(
      '',
      'A coverage layer entry that names the rules its score counts (one metadata item or link per rule, as elastic/detection-rules\' ' +
        `navigator.py writes them) is shown by its first rules; \`${reportWords(givenAs, 'json')}\` (each rule's \`names\`) and \`${reportWords(givenAs, 'csv')}\` list every one.`,
    );
  }
  lines.push('', '## Inputs', '');
  for (const input of review.inputs) {
    lines.push(`- ${inputLine(input)}`);
    for (const [reason, count] of ignoredReasons(input)) lines.push(`  - ${reason === LAYOUT_ONLY_REASON ? '' : 'ignored '}${count}: ${message(reason)}`);
    for (const problem of input.problems) {
      lines.push(`  - ${problem.skipped ? 'invalid' : 'problem'}: ${message(`${place(problem)}: ${summaryMessage(problem, 'below')}`)}`);
    }
    // A library's tags of no technique of the release, and its revoked ones, once per tag (never per rule).
    if (input.side === 'library') for (const tag of libraryTagsOf(review, input.source)) lines.push(`  - tag ${message(libraryTagText(tag))}`);
  }
  if (review.remapped.length) {
    lines.push(
      '',
      '## Revoked IDs counted under their replacement',
      '',
      '| Reference | Counted as | Times | Rules, threat layers, campaigns | Seen at |',
      '|---|---|---:|---|---|',
      ...review.remapped.map(
        (group) =>
          `| ${cell(group.raw)} | ${cell(group.ids.join(', '))} | ${cell(group.count)} | ${cell(some(group.rules, PLACES_SHOWN))} | ${cell(some(group.places, PLACES_SHOWN))} |`,
      ),
    );
  }
  if (review.unresolved.length) {
    lines.push(
      '',
      '## References and tags not resolved in this release',
      '',
      '| Reference | Status | Times | Note | Seen at |',
      '|---|---|---:|---|---|',
      ...review.unresolved.map(
        (group) => `| ${cell(group.raw)} | ${cell(group.status)} | ${cell(group.count)} | ${messageCell(group.note)} | ${cell(some(group.places, PLACES_SHOWN))} |`,
      ),
    );
  }
  lines.push('', '## How the numbers are computed', '', ...Object.values(review.formulas).map((formula) => `- ${message(formula)}`));
  return `${lines.join('\n')}\n`;
}

/** The columns of the ranked table of a gap report, as spreadsheets have them (the CSV report adds `section` first). */
export const GAP_TABLE_HEADER = [
  'rank',
  'technique',
  'name',
  'tactics',
  'threat',
  'used_by',
  'platforms',
  'platforms_not_covered',
  'coverage',
  'status',
  'gap',
  'rules',
  'other_platform_rules',
  'parent_rules_not_counted',
  'detection',
  'missing_log_sources',
  'strategies',
  'analytics',
  'mitigations',
  'priority',
  'subtechnique_coverage',
  'visibility',
  'tests',
  'outside_view',
  'library_rules',
  'newer_tags',
  'procedure',
  'procedure_place',
  'procedures',
  'data_sources',
] as const;

/**
 * Columns the ranked table gained after the CSV report's layout was set, subtechnique_coverage and every one after it:
 * the CSV puts them after its other sections' columns, last, so that a reader of the columns by position still reads
 * the others where they were.
 */
const CSV_LATER_COLUMNS: readonly string[] = GAP_TABLE_HEADER.slice(GAP_TABLE_HEADER.indexOf('subtechnique_coverage'));

/** The ranked rows of a gap report as table rows, one per threat technique, in the report's order. */
export function gapTableRows(review: Pick<GapReportData, 'rows'>): (string | number)[][] {
  return review.rows.map((row, i) => [
    i + 1,
    row.id,
    row.name,
    row.tactics.join(';'),
    row.threat,
    row.sources.join(';'),
    platformList(row.platforms, ';'),
    platformList(row.platforms.filter((platform) => !row.platformsCovered.includes(platform)), ';'),
    coveragePercent(row.coverage),
    row.status,
    row.gap ? 'yes' : 'no',
    row.status === 'partial' ? row.coveredSubtechniques.join(';') : row.rules.map((rule) => [fullRuleName(rule), deliveryText(rule)].filter(Boolean).join(', ')).join(';'),
    row.otherPlatformRules.map((rule) => rule.name).join(';'),
    row.parentRules?.map((rule) => rule.name).join(';') ?? '',
    row.detection?.class ?? '',
    row.detection?.missing?.join(';') ?? '',
    row.detection?.strategies.map((s) => s.id).join(';') ?? '',
    row.detection?.strategies.flatMap((s) => s.analytics.map((a) => a.id)).join(';') ?? '',
    row.detection?.mitigations.map((m) => m.id).join(';') ?? '',
    row.priority,
    // How a partial row's coverage is made, in the Markdown's words (`the mean of its 3 sub-techniques: T1001.001 0%, …`).
    subtechniqueMeanText(row.subtechniques, percent),
    // The log data a rule would read (DeTT&CT visibility), never coverage.
    visibilityText(row.visibility ?? []),
    // Atomic Red Team tests to exercise it on its platforms (--tests), each `name [guid] (executor)`; never coverage.
    row.tests?.map(testCell).join(';') ?? '',
    // Reconnaissance or Resource Development only: before the compromise, mostly outside the organisation's view.
    row.preAttack ? 'yes' : '',
    // Public rules not run (--rules-library), every one, in the report's order; never coverage.
    row.library?.map(libraryCell).join(';') ?? '',
    // IDs a newer release's rules tag under the gap's tactics, which may detect it: review against that release.
    row.newerTags?.ids.join(';') ?? '',
    // How the actor did it: the first procedure, cut, with its source and where it is written; the JSON keeps each whole.
    row.procedures?.[0] ? `${row.procedures[0].source}: ${cutText(row.procedures[0].text, PROCEDURE_SHOWN)}` : '',
    row.procedures?.[0]?.place ?? '',
    row.procedures?.length ?? 0,
    // The log sources ATT&CK's analytics for it read on its platforms: the data that would see it.
    row.dataSources?.map((source) => dataSourceText(source)).join(';') ?? '',
  ]);
}

/** A test as a table cell names it: enough to find it in Atomic Red Team (Invoke-AtomicTest takes the GUID). */
function testCell(test: RowTest): string {
  return `${test.name}${test.guid ? ` [${test.guid}]` : ''}${test.executor ? ` (${test.executor})` : ''}${test.via ? ` ${testVia(test)}` : ''}`;
}

/**
 * How many gaps have an Atomic Red Team test of their own to run on their platforms, and how many only another
 * technique's: `gaps with tests on their platforms: 12 of 32 (3 with only a sub-technique's or the parent's test,
 * exercising them in part; 17 without)`.
 */
function testsCountText(tests: { gapsWithTests: number; gapsWithRelatedOnly: number; gapsWithout: number }): string {
  const total = tests.gapsWithTests + tests.gapsWithRelatedOnly + tests.gapsWithout;
  const related = tests.gapsWithRelatedOnly ? `${tests.gapsWithRelatedOnly} with only a sub-technique's or the parent's test, exercising them in part; ` : '';
  return `gaps with tests on their platforms: ${tests.gapsWithTests} of ${total} (${related}${tests.gapsWithout} without)`;
}

/** A library folder's tags (LibraryTag) in the report. */
const libraryTagsOf = (review: GapReportData, source: string) => (review.library?.tags ?? []).filter((tag) => tag.source === source);

/** The rules library's line of a report: `sigma: 3,123 rules read, 2 run already (same id); rules for 25 of 30 gaps (12 buildable now)`. */
export function libraryCountText(library: NonNullable<GapReview['library']>, gaps?: number): string {
  const buildable = library.gapsBuildable === undefined ? '' : ` (${library.gapsBuildable} with a rule buildable now)`;
  return (
    `${library.sources.join(', ')}${library.root === undefined ? '' : ` (rule paths in ${library.root})`}: ${plural(library.rules, 'rule')} with a technique${library.run ? `, ${library.run} left out as run already (a coverage rule has its id)` : ''}` +
    `${library.unplaced ? `, ${library.unplaced} left out as their technique tags name no technique of the release (by tag in the inputs)` : ''}; ` +
    `rules for ${gaps === undefined ? plural(library.gapsWithRules, 'gap') : `${library.gapsWithRules} of ${plural(gaps, 'gap')}`}${buildable}`
  );
}

/** The CSV report's columns beyond the ranked table's, for its other sections. */
const CSV_EXTRA = ['reference', 'times', 'note', 'places'] as const;

/**
 * The rows of every other section of a gap report, for the CSV report: one table whose `section` column says what a
 * row is (threat, input, problem, ignored, tactic, remapped, unresolved, log source, note, formula).
 */
function csvSectionRows(review: GapReportData): Record<string, string | number>[] {
  const rows: Record<string, string | number>[] = [];
  for (const threat of review.threats) {
    rows.push({ section: 'threat', name: threat.name, note: `${threat.kind}${threat.file ? ` ${threat.file}` : ''}, ${plural(threat.techniques, 'technique')}`, platforms: threat.platforms?.join(';') ?? '' });
  }
  for (const threat of review.threatLeftOut ?? []) rows.push({ section: 'threat', name: threat.name, status: 'left out', note: `layer ${threat.file}: ${threat.why}` });
  for (const input of review.inputs) {
    const { items, rules, ignored, invalid } = input.counts;
    rows.push({ section: 'input', name: input.source, status: input.side ? `${input.side} ${input.kind}` : input.kind, times: items, note: `${rules} read + ${ignored} ignored + ${invalid} invalid` });
    for (const [reason, count] of ignoredReasons(input)) rows.push({ section: 'ignored', name: input.source, times: count, note: reason });
    for (const problem of input.problems) rows.push({ section: 'problem', name: input.source, status: problem.skipped ? 'invalid' : 'problem', note: summaryMessage(problem, 'in the problem rows below'), places: place(problem) });
  }
  if (review.tests) {
    rows.push({ section: 'tests', name: review.tests.source, times: review.tests.tests, note: testsCountText(review.tests) });
  }
  if (review.library) {
    rows.push({ section: 'rules library', name: review.library.sources.join(';'), times: review.library.rules, note: libraryCountText(review.library, review.rows.filter((row) => row.gap).length) });
    for (const tag of review.library.tags ?? []) {
      rows.push({ section: 'library tag', name: tag.source, reference: tag.tag, times: tag.rules, status: tag.readAs ? 'revoked' : 'no technique', note: libraryTagText(tag) });
    }
  }
  if (review.logSources) {
    rows.push({ section: 'log sources', name: review.logSources.file, times: review.logSources.names.length, note: collectedLogSourceTexts(review.logSources).join(';') });
  }
  for (const t of review.tactics) {
    rows.push({ section: 'tactic', tactics: t.tactic, name: t.name, threat: t.threat, coverage: coveragePercent(t.coverage), note: `${plural(t.techniques, 'threat technique')}, ${plural(t.gaps, 'gap')}` });
  }
  for (const group of review.remapped) {
    rows.push({ section: 'remapped', reference: group.raw, technique: group.ids.join(';'), times: group.count, rules: group.rules.join(';'), places: group.places.join(';') });
  }
  for (const group of review.unresolved) {
    rows.push({ section: 'unresolved', reference: group.raw, status: group.status, times: group.count, note: group.note, places: group.places.join(';') });
  }
  for (const note of review.notes) rows.push({ section: 'note', note });
  for (const formula of Object.values(review.formulas)) rows.push({ section: 'formula', note: formula });
  return rows;
}

/**
 * The review as CSV (RFC 4180): the ranked threat techniques, then every other section, told apart by `section`; for
 * a file, after a byte-order mark (`CsvOptions`).
 */
export function formatGapCsv(review: GapReview, options: CsvOptions = {}): string {
  return formatGapReportCsv(gapJson(review), options);
}

/** A gap report (`gap --report json`) as CSV: the same text `gap --report csv` writes. */
export function formatGapReportCsv(review: GapReportData, options: CsvOptions = {}): string {
  const ranked = GAP_TABLE_HEADER.filter((column) => !CSV_LATER_COLUMNS.includes(column));
  const header = ['section', ...ranked, ...CSV_EXTRA, ...CSV_LATER_COLUMNS];
  const techniques = gapTableRows(review).map((cells): Record<string, string | number> => ({ section: 'technique', ...Object.fromEntries(GAP_TABLE_HEADER.map((column, i) => [column, cells[i]!])) }));
  const rows = [...techniques, ...csvSectionRows(review)].map((row) => header.map((column) => row[column] ?? ''));
  return formatCsv(header, rows, options);
}

/** An input as the report summarizes it: its counts, what it ignored and its problems. */
function reportInput(input: CoverageInput, side?: 'threat' | 'library'): GapReportInput {
  const { kind, source, files, counts, ignored, problems } = input;
  return { ...(side ? { side } : {}), kind, source, files, counts, ignored, problems };
}

/**
 * The formulas a review's numbers follow, with what a rule's level is where Sigma rules counted: a rule's "(40%)" says
 * no more than its percentage, and SigmaHQ's rules span 15 % (experimental, informational) to 100 %.
 */
function gapFormulas(review: GapReview): Record<string, string> {
  const { threat, platforms, coverage, tactic } = GAP_FORMULAS;
  const sigma = review.coverage.rules.some(({ rule }) => rule.kind === 'sigma') || review.coverage.inputs.some((input) => input.kind === 'sigma');
  const factors = (weights: Readonly<Record<string, number>>): string => Object.entries(weights).map(([name, weight]) => `${name} ${weight}`).join(', ');
  const sigmaLevel =
    `a Sigma rule's level = its status x its level: ${factors(SIGMA_WEIGHTS.status)} (none: ${SIGMA_WEIGHTS.missingStatus}) x ` +
    `${factors(SIGMA_WEIGHTS.level)} (none: ${SIGMA_WEIGHTS.missingLevel}); a threat hunting rule (detection.threat-hunting) ${SIGMA_WEIGHTS.hunting} in place of its level; ` +
    `so test and low is ${SIGMA_WEIGHTS.status.test} x ${SIGMA_WEIGHTS.level.low} = ${Math.round(SIGMA_WEIGHTS.status.test * SIGMA_WEIGHTS.level.low * 100)}%`;
  return { threat, platforms, coverage, ...(sigma ? { sigmaLevel } : {}), priority: priorityFormula(review.outsideView, review.givenAs), tactic };
}

/** The review as plain JSON data (inputs summarized, not repeated whole). */
export function gapJson(review: GapReview): GapReportData {
  return {
    attack: review.attack,
    minCoverage: review.minCoverage,
    formulas: gapFormulas(review),
    outsideView: review.outsideView,
    threats: review.threats,
    ...(review.threatLeftOut ? { threatLeftOut: review.threatLeftOut } : {}),
    platforms: review.platforms,
    tactics: review.tactics,
    rows: review.rows.map((row) => ({ ...row, gap: review.gaps.includes(row) })),
    inputs: [
      ...review.threatInputs.map((input) => reportInput(input, 'threat')),
      ...review.coverage.inputs.map((input) => reportInput(input)),
      ...(review.libraryInputs ?? []).map((input) => reportInput(input, 'library')),
    ],
    unresolved: groupUnresolved([...review.coverage.unresolved, ...review.threatUnresolved]),
    remapped: groupRemapped([...review.coverage.remapped, ...review.threatRemapped]),
    ...(review.detectionStrategies !== undefined ? { detectionStrategies: review.detectionStrategies } : {}),
    ...(review.logSources ? { logSources: review.logSources } : {}),
    ...(review.tests ? { tests: review.tests } : {}),
    ...(review.library ? { library: review.library } : {}),
    notes: [...review.notes, ...unstatedPlatformNote(review)],
  };
}

/**
 * `ATT&CK ics-attack 18.1 states no platform for 10 threat techniques (its platform list reads "None"): …`, said once
 * for the JSON report, whose rows keep ATT&CK's platform names, as for the others.
 */
function unstatedPlatformNote(review: GapReview): string[] {
  const count = review.rows.filter((row) => statesNoPlatform(row.platforms)).length;
  if (!count) return [];
  return [`ATT&CK ${review.attack.domain} ${review.attack.release} states no platform for ${plural(count, 'threat technique')} (its platform list reads "None", its assets standing in for platforms): shown as "${NO_PLATFORM_TEXT}"`];
}
