/**
 * Panther detections as coverage: the YAML file of a Panther rule (github.com/panther-labs/panther-analysis `rules/`,
 * a team's own detections-as-code), told by its `AnalysisType`. A rule, scheduled rule or correlation rule covers the
 * techniques of its `Reports: MITRE ATT&CK:` list, written `TA0006:T1110` (tactic and technique; the tactic is checked
 * against the release as a Sigma tactic tag is). Its weight, on Sigma's scale (PANTHER_WEIGHTS), is its `Severity`,
 * times 0.6 when its `Status` says `Experimental` (Panther's rules state no status otherwise, and are production
 * content); a rule of `CreateAlert: false`, which makes signals for correlation rules and no alert ("not, at least on its
 * own, worthy of generating an alert": Panther's documentation of signals), weighs PANTHER_WEIGHTS.signalsOnly, as an
 * Elastic building block does. `Enabled: false` (what a team has not switched on) and a `DisplayName` starting `--DEPRECATED--` are ignored
 * with that reason; so are a policy (it checks how a cloud resource is configured, not what someone did) and the other
 * analysis types (global helpers, data models, queries, packs), which detect nothing. A rule fires on the platforms of
 * its `LogTypes` (source-platforms.ts: `Okta.SystemLog` an identity provider). A detection written in Python
 * (read-panther-python.ts) is read by the same rules (pantherDetection).
 */
import { roundLevel, untaggedRule, weightFactor, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { listItems, scalarText, type LineIndex, type YamlMap } from './yaml-events.js';
import { INDEXED_TECHNIQUE_ID_SOURCE } from '../attack/technique-id.js';
import { pantherPlatforms } from './workspace-apps.js';

/** How a Panther detection's `Severity` and `Status` become a coverage weight (their product). */
export const PANTHER_WEIGHTS = {
  severity: { Critical: 1, High: 0.9, Medium: 0.75, Low: 0.5, Info: 0.25 },
  status: { Experimental: 0.6 },
  missingSeverity: 'Medium',
  signalsOnly: 0.25,
} as const;

// What names a Panther item: a detection's DisplayName or ID, the ID of any other item.
const NAME_KEYS = ['DisplayName', 'RuleID', 'PolicyID', 'GlobalID', 'DataModelID', 'PackID', 'QueryName', 'LookupName', 'Filename'];

/** Panther's analysis types that are detections. */
const DETECTION_TYPES = ['rule', 'scheduled_rule', 'correlation_rule'];
// TA0006:T1110, T1562.008: a report item as Panther writes it.
const MITRE_ITEM = new RegExp(`^(?:(TA\\d{4})\\s*:\\s*)?(${INDEXED_TECHNIQUE_ID_SOURCE})$`, 'i');

/** A text of a Panther item and its line. */
interface Placed {
  text: string;
  line: number;
}

/**
 * A Panther item's fields as its YAML or its Python class writes them, and how that format spells what a message
 * tells the author to write (`syntax`).
 */
export interface PantherFields {
  /** The item's name (DisplayName, else its ID), and its line: the detection's line. */
  name: Placed | undefined;
  /** Its line when it has no name. */
  line: number;
  id?: string;
  /** The analysis type: `rule`, `policy`, … */
  type: string;
  /** The line of `Enabled: false` (`enabled = False`), when the item is switched off. */
  disabled?: number;
  /** The line of `CreateAlert: false`, when the rule makes signals only, no alert. */
  signalsOnly?: number;
  /** The items of its MITRE ATT&CK report. */
  mitre: Placed[];
  /** Its severity as written (no text when it is no scalar), and its line. */
  severity?: { text: string | undefined; line: number };
  status?: string;
  logTypes: string[];
  /** The mail data its rule reads, where its Python tests Gmail's events (mail-delivery.ts pantherGmailData). */
  mailData?: string[];
  /** The Google Workspace applications its Python keeps (workspace-apps.ts workspaceApps): they narrow where it fires. */
  workspaceApps?: string[];
  references: Placed[];
  syntax: {
    /** How the format writes a disabled detection: `Enabled: false`. */
    disabled: string;
    /** How it writes a rule that makes signals only: `CreateAlert: false`. */
    signalsOnly: string;
    /** How to claim techniques: `list T1110 under Reports: MITRE ATT&CK, each after its tactic (TA0006:T1110)`. */
    claim: (ids: readonly string[]) => string;
  };
}

/** Whether a YAML document's top-level fields are a Panther analysis item. */
export function isPantherItem(fields: ReadonlyMap<string, unknown>): boolean {
  return fields.has('AnalysisType');
}

/**
 * What links a Panther scheduled rule to the scheduled queries that feed it, across the files of a folder
 * (settleScheduledQueries): on a scheduled or saved query, its `QueryName` and the log tables its SQL reads; on a
 * detection of no `LogTypes`, the `ScheduledQueries` it names.
 */
export interface PantherQueryLink {
  query?: { name: string; tables: string[]; other: boolean };
  scheduled?: { name: string; line: number }[];
}

// The tables a Panther query reads: `FROM panther_logs.public.okta_systemlog`, `JOIN panther_logs.aws_cloudtrail`.
// panther_lookups' tables (a lookup's baseline: okta_baseline_90d) hold no log; any other database (panther_views,
// panther_signals, panther_cloudsecurity) holds data of no known log type.
const QUERY_TABLE = /\b(?:from|join)\s+(panther_\w+)\.(?:public\.)?(\w+)/gi;

/** The log tables a Panther query's SQL reads, and whether it reads another database's table (pure). */
export function pantherQueryTables(sql: string): { tables: string[]; other: boolean } {
  const read = [...sql.matchAll(QUERY_TABLE)].map((match) => [match[1]!.toLowerCase(), match[2]!.toLowerCase()] as const);
  return {
    tables: [...new Set(read.filter(([database]) => database === 'panther_logs').map(([, table]) => table))],
    other: read.some(([database]) => database !== 'panther_logs' && database !== 'panther_lookups'),
  };
}

/** A Panther detection from its file's first document (pure). */
export function parsePantherItem(doc: YamlMap, lines: LineIndex, file: string): RuleOutcome {
  const fields = doc.pairs;
  const outcome = parsePantherFields(doc, lines, file);
  const type = scalarText(fields.get('AnalysisType'))?.trim();
  const queryName = scalarText(fields.get('QueryName'))?.trim();
  // A query's SQL: `Query` (`SnowflakeQuery`, `AthenaQuery` in panther-analysis' older files).
  const sql = ['Query', 'SnowflakeQuery', 'AthenaQuery'].map((key) => scalarText(fields.get(key))).find((text) => text?.trim());
  if ((type === 'scheduled_query' || type === 'saved_query') && queryName && sql) return { ...outcome, pantherQuery: { query: { name: queryName, ...pantherQueryTables(sql) } } };
  const scheduled = listItems(fields.get('ScheduledQueries'), lines).map(({ text, line }) => ({ name: text.trim(), line }));
  if ('rule' in outcome && !outcome.rule.dataSources && scheduled.length) return { ...outcome, pantherQuery: { scheduled } };
  return outcome;
}

function parsePantherFields(doc: YamlMap, lines: LineIndex, file: string): RuleOutcome {
  const fields = doc.pairs;
  const nameNode = NAME_KEYS.map((key) => fields.get(key)).find((node) => scalarText(node)?.trim());
  const reports = fields.get('Reports');
  const mitre = reports?.kind === 'map' ? [...reports.pairs].find(([key]) => /^mitre att&ck$/i.test(key.trim()))?.[1] : undefined;
  const severity = fields.get('Severity');
  const id = scalarText(fields.get('RuleID'));
  const status = scalarText(fields.get('Status'))?.trim();
  const enabled = fields.get('Enabled');
  const createAlert = fields.get('CreateAlert');
  return pantherDetection(
    {
      name: nameNode ? { text: scalarText(nameNode)!.trim(), line: lines.line(nameNode.start) } : undefined,
      line: lines.line(doc.start),
      ...(id !== undefined ? { id } : {}),
      type: scalarText(fields.get('AnalysisType'))?.trim() ?? '',
      ...(scalarText(enabled) === 'false' ? { disabled: lines.line(enabled!.start) } : {}),
      ...(scalarText(createAlert) === 'false' ? { signalsOnly: lines.line(createAlert!.start) } : {}),
      mitre: listItems(mitre, lines),
      ...(severity ? { severity: { text: scalarText(severity)?.trim(), line: lines.line(severity.start) } } : {}),
      ...(status ? { status } : {}),
      logTypes: listItems(fields.get('LogTypes'), lines).map((item) => item.text),
      references: listItems(fields.get('Reference'), lines),
      syntax: {
        disabled: 'Enabled: false',
        signalsOnly: 'CreateAlert: false',
        claim: (ids) => `list ${ids.join(', ')} under Reports: MITRE ATT&CK, each after its tactic (TA0006:T1110)`,
      },
    },
    file,
  );
}

/** A Panther detection's outcome from its fields, whichever format wrote them (pure). */
export function pantherDetection(item: PantherFields, file: string): RuleOutcome {
  const name = item.name?.text;
  const line = item.name?.line ?? item.line;
  const { type } = item;
  if (!name) return { invalid: { line, message: 'a Panther item without DisplayName or RuleID; it is skipped' } };
  if (type === 'policy') return { ignored: { line, name, reason: 'Panther policy: it checks how a cloud resource is configured, detects no activity' } };
  if (!DETECTION_TYPES.includes(type)) return { ignored: { line, name, reason: `Panther ${type || 'item'}: no detection (a detection is a ${DETECTION_TYPES.join(', ')})` } };
  if (/^\s*-*\s*deprecated\b/i.test(name)) return { ignored: { line, name, reason: 'deprecated: its name says so' } };
  if (item.disabled !== undefined) return { ignored: { line: item.disabled, name, reason: `disabled (${item.syntax.disabled})` } };
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  const refs: CoverageRef[] = [];
  const tags: CoverageRef[] = [];
  for (const { text, line: at } of item.mitre) {
    const match = MITRE_ITEM.exec(text.trim());
    if (!match) {
      notes.push({ line: at, message: `"${text.trim()}" is not a technique as Panther maps one (TA0006:T1110, or T1110); it is skipped` });
      continue;
    }
    const [, tactic, technique] = match;
    if (!refs.some((ref) => ref.id === technique!.toUpperCase())) refs.push({ raw: text.trim(), line: at, id: technique!.toUpperCase() });
    if (tactic && !tags.some((tag) => tag.raw === tactic.toUpperCase())) tags.push({ raw: tactic.toUpperCase(), line: at });
  }
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!refs.length) return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique' }, item.references, notes, item.syntax.claim));
  // A rule that makes signals only raises no alert of its own, whatever its severity says: a correlation rule reads its signals.
  const severity =
    item.signalsOnly !== undefined
      ? { weight: PANTHER_WEIGHTS.signalsOnly, text: `signals only (${item.syntax.signalsOnly}: no alert of its own)` }
      : weightFactor('severity', item.severity?.text, PANTHER_WEIGHTS.severity, PANTHER_WEIGHTS.missingSeverity, (message) =>
          notes.push({ line: item.severity?.line ?? line, message }),
        );
  const { status } = item;
  const statusFactor = status && /^experimental$/i.test(status) ? { weight: PANTHER_WEIGHTS.status.Experimental, text: `status ${status}` } : { weight: 1, text: status ? `status ${status}` : 'no status' };
  const level = roundLevel(statusFactor.weight * severity.weight);
  const rule: CoverageRule = { kind: 'panther', name, file, line, refs, level, levelReason: `panther ${type}, ${statusFactor.text}, ${severity.text} -> ${level}` };
  if (item.id !== undefined) rule.id = item.id;
  if (tags.length) {
    rule.tactics = tags.map((tag) => tag.raw);
    rule.tags = tags;
  }
  if (item.logTypes.length) rule.dataSources = item.logTypes;
  // Its log types say where it fires: Okta.SystemLog an identity provider, AWS.CloudTrail AWS; GSuite.Reports of Drive alone Google Workspace.
  const platforms = pantherPlatforms(item.logTypes, item.workspaceApps);
  if (platforms) rule.platforms = platforms;
  if (item.mailData?.length) rule.mailData = item.mailData;
  return withNotes({ rule });
}

/**
 * A Panther scheduled rule of no `LogTypes` fires on the data of the scheduled queries it names (`ScheduledQueries`),
 * found among the files read by their `QueryName` (compared without case: panther-analysis' Okta SWA Unusual Time Access
 * - Behavioral names `Query.Okta.SWAOffhoursAccessBehavioral`, its query is `Query.Okta.SWAOffHoursAccessBehavioral`):
 * the log tables their SQL reads (`FROM panther_logs.public.okta_systemlog`) are its data sources, and say where it fires
 * as log types do (`okta_systemlog` is `Okta.SystemLog`: Identity Provider). A query not among the files read, or one
 * reading another database's table (panther_views, panther_signals), leaves it on every platform, as before, with a note
 * for the first.
 */
export function settleScheduledQueries<T extends { file: string; outcome: RuleFileOutcome }>(read: readonly T[]): readonly T[] {
  const queries = new Map<string, NonNullable<PantherQueryLink['query']>>();
  for (const { outcome } of read) {
    const query = 'items' in outcome ? undefined : outcome.pantherQuery?.query;
    if (query) queries.set(query.name.toLowerCase(), query);
  }
  return read.map((entry) => {
    const { outcome } = entry;
    const scheduled = 'items' in outcome || !('rule' in outcome) ? undefined : outcome.pantherQuery?.scheduled;
    if (!scheduled || 'items' in outcome || !('rule' in outcome)) return entry;
    const found = scheduled.map((named) => ({ named, query: queries.get(named.name.toLowerCase()) }));
    const missing = found.filter(({ query }) => !query);
    if (missing.length) {
      const notes = missing.map(({ named }) => ({ line: named.line, message: `scheduled query "${named.name}" is not among the files read, so where the rule fires is not known; it counts on every platform (give the folder that holds its query too)` }));
      return { ...entry, outcome: { ...outcome, notes: [...(outcome.notes ?? []), ...notes] } };
    }
    const tables = [...new Set(found.flatMap(({ query }) => query!.tables))];
    if (!tables.length) return entry;
    const platforms = found.some(({ query }) => query!.other) ? undefined : pantherPlatforms(tables);
    return { ...entry, outcome: { ...outcome, rule: { ...outcome.rule, dataSources: tables, ...(platforms ? { platforms } : {}) } } };
  });
}
