import type { Domain } from '../attack/types.js';
import type { FilterRelease } from '../layer/layer-format.js';
import type { SigmaLogsource } from './sigma-log-sources.js';

/**
 * Where a coverage rule came from: a Sigma rule, a Splunk detection, a Sentinel rule, an Elastic rule, a Wazuh rule, a
 * Falco rule, a Chronicle YARA-L rule, a Panther detection, a Suricata or Snort rule, a row of a detections file, an entry of a Navigator layer,
 * or a detection object of a DeTT&CT technique administration file; `rules` is a folder of rules in several of those
 * formats.
 */
export type CoverageKind =
  | 'sigma'
  | 'splunk'
  | 'sentinel'
  | 'elastic'
  | 'wazuh'
  | 'falco'
  | 'chronicle'
  | 'panther'
  | 'rules'
  | 'detections'
  | 'layer'
  | 'dettect'
  | 'qradar'
  | 'sumo'
  | 'sekoia'
  | 'defender'
  | 'limacharlie'
  | 'datadog'
  | 'suricata'
  | 'kql';

/**
 * Where something is in an input: the file, its line and, where the reader knows it, the column (a YAML rule's tag or
 * field, a syntax error), and for a JSON layer whose line says nothing (a layer on one line, as sigma2attack writes
 * it) the entry's JSON path instead (`/techniques/12`).
 */
export interface CoveragePlace {
  file: string;
  line?: number;
  /** 1-based column of `line`, when known. */
  column?: number;
  path?: string;
}

/** A place as messages and reports say it: `file:12:7`, `file:12` when the column is not known, or `file /techniques/12`. */
export function placeText(place: CoveragePlace): string {
  const at = place.line ? `:${place.line}${place.column ? `:${place.column}` : ''}` : '';
  return `${place.file}${at}${place.path ? ` ${place.path}` : ''}`;
}

/**
 * The warning for a rule whose query Kusto would refuse (`queryCut`), naming its file and the line where its query is
 * cut: `rules/x.yaml: its query is cut at line 24 (unterminated string): read up to there`; for a query kept in a JSON
 * string, the rule's place and name and the query's own line.
 */
export function queryCutWarning(rule: Pick<CoverageRule, 'file' | 'line' | 'name' | 'queryCut'>): string | undefined {
  const cut = rule.queryCut;
  if (!cut) return undefined;
  const where = cut.line === undefined ? `${placeText(rule)}: ${rule.name}: its query is cut at its line ${cut.queryLine}` : `${rule.file}: its query is cut at line ${cut.line}`;
  return `${where} (${cut.why}): read up to there`;
}

/**
 * How every note names a threat or coverage layer: its file, and its name when that says more (`threat layer
 * heat.json ("layer1")`), so that the notes about one layer name it alike.
 */
export function layerLabel(role: 'threat' | 'coverage', source: string, layerName?: string): string {
  return `${role} layer ${source}${layerName === undefined || layerName === source ? '' : ` ("${layerName}")`}`;
}

/** A technique reference exactly as the input wrote it (`attack.t1059.001`, `PowerShell (T1086)`), and its line. */
export interface CoverageRef {
  raw: string;
  line?: number;
  /** 1-based column of `line`, when the reader knows it (a Sigma tag). */
  column?: number;
  /** The JSON path of a layer entry, when its line says nothing (see CoveragePlace). */
  path?: string;
  /** The ATT&CK ID the reference names, when its syntax says which part that is (`T1059.001` of `attack.t1059.001`). */
  id?: string;
}

/** One detection that covers the techniques it references, with a weight 0..1. */
export interface CoverageRule {
  kind: CoverageKind;
  /** Rule title, detection name, or layer name (+ entry comment). */
  name: string;
  /** The Sigma rule's `id` or the detection's `id`, when given. */
  id?: string;
  file: string;
  line?: number;
  path?: string;
  refs: CoverageRef[];
  /** Coverage weight 0..1 (rounded to 3 decimals). */
  level: number;
  /** How `level` was derived, e.g. `sigma status stable, level high -> 0.9`. */
  levelReason: string;
  /** Tactics as written: Sigma tactic tags without `attack.` (`defense_evasion`), or a layer entry's `tactic`. */
  tactics?: string[];
  /** ATT&CK tags other than techniques (tactics, groups, software), as written with their lines, to check against the release. */
  tags?: CoverageRef[];
  /**
   * Where the rule can fire: ATT&CK platforms for Sigma (from `logsource`), as written for a detections file;
   * absent when the rule fires on any platform (a proxy or DNS rule, a detection that names none).
   */
  platforms?: string[];
  dataSources?: string[];
  /**
   * The event categories an Elastic rule's query reads (`process` of EQL's `process where …` or KQL's
   * `event.category:process`), as written, each once: with its index patterns, what it reads.
   */
  eventCategories?: string[];
  /**
   * True when an Elastic rule's query is an EQL sequence (or sample) of several event categories (`sequence by host.id
   * [process where …] [network where …]`): it reads each of `eventCategories`, not any one of them.
   */
  eventSequence?: true;
  /**
   * The tables a KQL query reads (a Sentinel rule's `query`, a `.kql` file, a query kept as Markdown), in groups
   * (kql-tables.ts): a union's tables are one group, any one enough; a join's sides are groups of their own, each needed.
   * A table of Windows events is written as narrowly as the query filters it: `SecurityEvent (EventID 4624 or 4625)`,
   * `WindowsEvent (Microsoft-Windows-Sysmon/Operational EventID 1)`, `Event (System)`.
   */
  queryTables?: string[][];
  /**
   * The data of mail it reads, by name (mail-delivery.ts: `EmailEvents`, `gsuite_gmail`, `o365_management_activity
   * (TIMailData)`): it sees a technique delivered by mail whatever the victim's platform, and counts for one there.
   */
  mailData?: string[];
  /**
   * Where Kusto would refuse the query, whose tables are read up to there (kql-tables.ts's kqlQueryCut): why
   * (`unterminated string`), the query's line, and the file's line where the reader knows it (a YAML rule, a `.kql`
   * file, Markdown; not a query kept in a JSON string).
   */
  queryCut?: { why: string; queryLine: number; line?: number };
  /**
   * A Sigma rule's own words, for proposing it from a rules library (`gap --rules-library`): its `status` and `level`
   * as written (lower case) and each `logsource` of it (a collection's documents each one).
   */
  sigma?: { status?: string; level?: string; logsources: SigmaLogsource[] };
  comment?: string;
  /** A threat layer entry's links: the sources its comment cites (attack-object's, ATT&CK's references of the procedure). */
  links?: { label?: string; url: string }[];
  /** Every rule a layer entry names, when it names more than one (its generator writes one metadata item or link per rule; `name` shows the first few). */
  names?: string[];
}

/**
 * What an input says of the log data a technique leaves, not of a detection: a DeTT&CT visibility score (1 minimal to
 * 4 excellent; 0 is none and is not kept). Visibility is what makes a detection possible, not one (DeTT&CT's detection
 * score 0 is "no detection, but the technique is being logged"), so it never counts as coverage: the review reports it
 * beside the technique ("visible, no detection"), where the rule to write has its data.
 */
export interface CoverageVisibility {
  kind: CoverageKind;
  /** The layer's name, or the DeTT&CT visibility object's comment. */
  name: string;
  file: string;
  line?: number;
  path?: string;
  refs: CoverageRef[];
  /** DeTT&CT's visibility score, 1..4. */
  score: number;
  /** Where the log data is collected (as a rule's platforms); absent: every platform. */
  platforms?: string[];
}

/** DeTT&CT's visibility scores and their names (its visibility scoring table, https://github.com/rabobank-cdc/DeTTECT/wiki/Visibility-scoring). */
export const DETTECT_VISIBILITY_SCORES: Readonly<Record<number, string>> = {
  0: 'none',
  1: 'minimal',
  2: 'medium',
  3: 'good',
  4: 'excellent',
};

/** Why an item giving visibility alone is not a rule, as every input says it. */
/**
 * Why a layer's entry (threat or coverage) that carries `showSubtechniques` and nothing else (no score, colour, comment, metadata
 * or links) is not read: it is layout, Navigator drawing the technique expanded to show its sub-techniques, as
 * attack-object's layers give each parent of a sub-technique used (34 of APT28's 125 entries). Counted among the
 * ignored entries, but said apart as layout (`layoutOnlyCount`), since it is no input left unread.
 */
export const LAYOUT_ONLY_REASON = 'layout only: showSubtechniques and nothing else (Navigator shows its sub-techniques expanded; no score or annotation of its own)';

/** How many of an input's ignored entries are layout only (`LAYOUT_ONLY_REASON`). */
export function layoutOnlyCount(input: Pick<CoverageInput, 'ignored'>): number {
  return input.ignored.filter((entry) => entry.reason === LAYOUT_ONLY_REASON).length;
}

/**
 * An input's counts as a sentence says them, layout apart: `91 entries read, 34 layout only, 0 ignored, 0 invalid`
 * (`read` the reader's words: `91 entries read`).
 */
export function countsText(input: Pick<CoverageInput, 'ignored' | 'counts'>, read: string): string {
  const layout = layoutOnlyCount(input);
  return `${read}, ${layout ? `${layout} layout only, ` : ''}${input.counts.ignored - layout} ignored, ${input.counts.invalid} invalid`;
}

export const VISIBILITY_ONLY_REASON = 'a DeTT&CT visibility score: log data, no detection (not counted as coverage; reported beside the technique as visible)';

/** Something read but not used, and why (deprecated status, no technique reference, disabled entry). */
export interface CoverageIgnored {
  file: string;
  line?: number;
  path?: string;
  name?: string;
  reason: string;
}

/** A problem in the input. `skipped` says whether it cost an item (file, row, entry) its place among the rules. */
export interface CoverageProblem {
  file: string;
  line?: number;
  /** 1-based column of `line`, when the reader knows it (a Sigma rule's tag, a YAML syntax error). */
  column?: number;
  path?: string;
  message: string;
  skipped: boolean;
  /** One of the entries a problem before it sums up in one line (scores past a layer's gradient): the report lists it, stderr shows the sum. */
  summarized?: boolean;
  /**
   * The problem sums up the `summarized` problems after it: where each entry is listed depends on where the line is
   * read (`summaryMessage`), so the message does not say it.
   */
  sumsUp?: boolean;
}

/**
 * A problem's message where it is read: one that sums up the entries after it (`sumsUp`) says where they are, on
 * stderr the report (`in gap-report.md`), in the report itself what follows it (`below`).
 */
export function summaryMessage(problem: CoverageProblem, listed: string): string {
  return problem.sumsUp ? `${problem.message} (each entry is listed ${listed})` : problem.message;
}

/**
 * The bookkeeping of one read. `items` counts files for Sigma, rows or list items for a detections file,
 * technique entries for a layer, and detection objects for a DeTT&CT file; each item ends in exactly one of rules, ignored or invalid, so
 * `items === rules + ignored + invalid`.
 */
export interface CoverageCounts {
  items: number;
  rules: number;
  ignored: number;
  invalid: number;
}

/** A defender's detection coverage read from one folder or file, before references are resolved against ATT&CK. */
export interface CoverageInput {
  kind: CoverageKind;
  /** The folder or file read, as given. */
  source: string;
  /** Files looked at (for Sigma every *.yml / *.yaml under the folder; 1 for a detections file or layer). */
  files: number;
  rules: CoverageRule[];
  ignored: CoverageIgnored[];
  problems: CoverageProblem[];
  counts: CoverageCounts;
  /** A layer's `filters.platforms` (of every layer in the file together), as written. */
  platforms?: string[];
  /** The ATT&CK domain a layer or DeTT&CT file states (`mitre-mobile` read as mobile-attack); absent when it states none. */
  domain?: Domain;
  /**
   * A threat layer that states no domain and whose technique IDs are all ICS IDs: the line that reads it as
   * ics-attack, in the repair's words, which `readThreatInputs` adds to `problems` when that makes the review ICS.
   */
  unstatedIcs?: CoverageProblem;
  /** A layer's name, which the notes about it give beside its file (`layerLabel`). */
  layerName?: string;
  /**
   * A threat layer's campaigns or ATT&CK objects, as its metadata records them (`heldObjects`: one for a campaign's
   * layer, several for an aggregate); absent when it records none.
   */
  holds?: string[];
  /** The ATT&CK release a layer states (`versions.attack`, as written); absent when it states none. */
  attackVersion?: string;
  /** The release a layer's platform filter was chosen in, when the layer states none (`filterRelease`: format 2.0/2.1). */
  filterRelease?: FilterRelease;
  /**
   * Set for a layer whose stage filter (formats 2.x/3.x: `filters.stages` without "prepare", or none written) hid
   * PRE-ATT&CK, whose tactics are the `PRE` platform since ATT&CK 8: how, for the note (`stagesHidingPreAttack`).
   */
  hidesPreAttack?: string;
  /** Facts about how the input was read that a reader of the review must know (DeTT&CT groups counted everywhere). */
  notes?: string[];
  /** The log data it says techniques leave (DeTT&CT visibility scores): reported beside them, never coverage. */
  visibility?: CoverageVisibility[];
}

/**
 * One factor of a rule's weight, read from its table (`status`: stable 1, test 0.8, ...; keys as the format writes
 * them, looked up whatever the case):
 * the weight and how the reason says it (`status test`). A missing or unknown value counts as `fallback`, and an
 * unknown one is noted with the values the table knows; so is a missing one with `noteMissing`.
 */
export function weightFactor(
  label: string,
  value: string | undefined,
  table: Readonly<Record<string, number>>,
  fallback: string,
  note: (message: string) => void,
  options: { noteMissing?: boolean } = {},
): { weight: number; text: string } {
  const key = value === undefined ? undefined : Object.keys(table).find((name) => name.toLowerCase() === value.toLowerCase());
  if (key !== undefined) return { weight: table[key]!, text: `${label} ${value}` };
  const said = value === undefined ? `no ${label}` : `unknown ${label} "${value}"`;
  if (value !== undefined || options.noteMissing) note(`${said}; counted as ${fallback}. Use one of ${Object.keys(table).join(', ')}`);
  return { weight: table[fallback] ?? 0, text: `${said} (counted as ${fallback})` };
}

/** Round a weight to 3 decimals so 0.8 * 0.75 prints as 0.6, not 0.6000000000000001. */
export function roundLevel(level: number): number {
  return Math.round(level * 1000) / 1000;
}

/**
 * A rule's references from the technique IDs its format lists (upper case, each once however often listed): a parent
 * listed beside its own sub-techniques is there to hold them, not a reference of its own.
 */
export function listedTechniqueRefs(ids: readonly string[], place: { line?: number }): CoverageRef[] {
  return withoutHoldingParents([...new Set(ids)].map((id) => ({ raw: id, ...place, id })));
}

/**
 * References without a parent listed beside its own sub-techniques: a format that writes the parent to hold them
 * (Elastic's `[[rule.threat.technique]]`, Sentinel's `techniques` beside `subTechniques`) lists it for them, not
 * as a reference of its own.
 */
export function withoutHoldingParents(refs: readonly CoverageRef[]): CoverageRef[] {
  const ids = refs.map((ref) => (ref.id ?? ref.raw).toUpperCase());
  return refs.filter((_, i) => ids[i]!.includes('.') || !ids.some((other) => other.startsWith(`${ids[i]}.`)));
}

/** Fill in `counts` from the lists; `items` is what the reader saw. */
export function coverageInput(
  kind: CoverageKind,
  source: string,
  files: number,
  items: number,
  lists: Pick<CoverageInput, 'rules' | 'ignored' | 'problems'>,
): CoverageInput {
  const invalid = lists.problems.filter((problem) => problem.skipped).length;
  return {
    kind,
    source,
    files,
    ...lists,
    counts: { items, rules: lists.rules.length, ignored: lists.ignored.length, invalid },
  };
}

// Why a group, software, campaign, mitigation or data source tag counts for no technique.
const OBJECT_TAGS_SAY = 'a group, software, campaign, mitigation or data source tag names who or what, not a technique the rule detects';

// An ATT&CK technique page as rules link it: attack.mitre.org/techniques/T1547/004/, a release's copy of it
// (versions/v8/techniques/T1059/001/), or the old wiki's (wiki/Technique/T1086).
const TECHNIQUE_PAGE = /\battack\.mitre\.org\/(?:versions\/v[\d.]+\/)?(?:techniques\/(T\d{4})(?:\/(\d{3}))?|wiki\/Technique\/(T\d{4}))(?![\d.])/gi;

/**
 * A rule that names no ATT&CK technique where its format names them (`what`: `ATT&CK technique tag`), ignored; the
 * reason names the tactics it is mapped to instead (`tactics`, as written), since a review counts techniques, and the
 * tags of other ATT&CK objects it has (`objects`: a Sigma rule's `attack.s0154` Cobalt Strike, `attack.g0129`), saying
 * why they count for nothing: sigma-cli's `analyze attack` drops them from its layer too. When
 * its references link to technique pages, a note in `notes` names the IDs and how to claim them (`claim`: `tag it
 * attack.t1547.004`), and so does the reason. The rule is still not counted: a reference is a source its author read
 * (a parent technique, a neighbour, an article naming several), not a claim of what the rule detects, and every tool
 * that maps rules to ATT&CK reads the claim.
 */
export function untaggedRule(
  rule: { name: string; line: number; what: string; tactics?: readonly string[]; objects?: readonly string[] },
  references: readonly { text: string; line?: number }[],
  notes: Omit<CoverageProblem, 'file' | 'skipped'>[],
  claim: (ids: readonly string[]) => string,
): { ignored: Omit<CoverageIgnored, 'file'> } {
  const ids: string[] = [];
  let line: number | undefined;
  for (const { text, line: at } of references) {
    for (const [, id, sub, wiki] of text.matchAll(TECHNIQUE_PAGE)) {
      const named = (wiki ?? `${id}${sub ? `.${sub}` : ''}`).toUpperCase();
      if (ids.includes(named)) continue;
      ids.push(named);
      line ??= at;
    }
  }
  const { name, what } = rule;
  const tactics = [...new Set(rule.tactics ?? [])];
  const objects = [...new Set(rule.objects ?? [])];
  const only = objects.length
    ? `${tactics.length ? 'tactics and object tags' : 'object tags'} only: ${[...tactics, ...objects].join(', ')}; ${OBJECT_TAGS_SAY}`
    : tactics.length ? `tactics only: ${tactics.join(', ')}` : '';
  if (!ids.length) return { ignored: { line: rule.line, name, reason: `no ${what}${only ? ` (${only})` : ''}` } };
  notes.push({
    line: line ?? rule.line,
    message:
      `no ${what}, but its references link to the ATT&CK page of ${ids.join(', ')}; the rule is not counted ` +
      `(a reference is a source, not what the rule detects): if it detects ${ids.length === 1 ? 'that technique' : 'those techniques'}, ${claim(ids)}`,
  });
  return { ignored: { line: rule.line, name, reason: `no ${what} (${only ? `${only}; ` : ''}its references link to ${ids.join(', ')})` } };
}
