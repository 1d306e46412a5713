/**
 * SIEM detection content as coverage: Splunk Security Content (ESCU) detections and Microsoft Sentinel analytic
 * rules and hunting queries, as their public repositories (github.com/splunk/security_content `detections/`,
 * github.com/Azure/Azure-Sentinel `Detections/`, `Hunting Queries/`, `Solutions/*`) and teams' own copies write them.
 *
 * A rule covers the ATT&CK techniques it lists: Splunk's `mitre_attack_id` (top level, or under `tags` in files
 * written before 2025), Sentinel's `relevantTechniques`. Its weight, on the scale of Sigma's (SIGMA_WEIGHTS):
 *
 *   Splunk    status production 1.0 | experimental, validation 0.6 (missing or unknown: experimental)
 *             x type TTP, Correlation 0.9 | Anomaly 0.5 | Hunting 0.25
 *   Sentinel  analytic rule: severity High 0.9 | Medium 0.75 | Low 0.5 | Informational 0.25 (missing: Medium)
 *             hunting query (no severity, no schedule): 0.25
 *
 * Why: a TTP detection raises a notable event for an analyst, as a Sigma rule of level high does; an Anomaly only
 * adds risk that raises an alert together with others (risk-based alerting), and a Hunting search runs when someone
 * hunts, so they cover a technique partly. Sentinel's severity is Sigma's level in other words; its rules state no
 * maturity, and Microsoft publishes them as production content. Splunk `deprecated` and `removed` detections, Baseline
 * and Investigation searches (they build lookups or help an investigation, and detect nothing), and Sentinel rules
 * whose name says `[Deprecated]` are ignored with that reason.
 *
 * Platforms: a rule fires on Windows only when every data source it needs is a Windows log (Splunk: Sysmon, Windows
 * Event Log, PowerShell script block logging; Sentinel: the SecurityEvent and Windows event connectors), on Linux when
 * every one is Sysmon for Linux or a Linux log; any other rule counts on every platform, as a Sigma rule of an unknown
 * product does.
 */
import { roundLevel, type CoverageKind, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome } from './read-rule-folder.js';
import { scalarText, type LineIndex, type YamlMap, type YamlNode } from './yaml-events.js';

/** How a Splunk detection's `status` and `type` become a coverage weight (their product). */
export const SPLUNK_WEIGHTS = {
  status: { production: 1, experimental: 0.6, validation: 0.6 },
  type: { ttp: 0.9, correlation: 0.9, anomaly: 0.5, hunting: 0.25 },
  missingStatus: 'experimental',
} as const;

/** Splunk statuses and types that are not deployed detections: ignored. */
export const SPLUNK_IGNORED = { status: ['deprecated', 'removed'], type: ['baseline', 'investigation'] } as const;

/** How a Sentinel rule's `severity` becomes a coverage weight; a hunting query (no severity, no schedule) weighs `hunting`. */
export const SENTINEL_WEIGHTS = {
  severity: { high: 0.9, medium: 0.75, low: 0.5, informational: 0.25 },
  missingSeverity: 'medium',
  hunting: 0.25,
} as const;

type SiemFormat = Extract<CoverageKind, 'splunk' | 'sentinel'>;
type Notes = Omit<CoverageProblem, 'file' | 'skipped'>[];

const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;
// Data sources of Windows and Linux logs, as Splunk's `data_source` and Sentinel's connector IDs name them.
const WINDOWS_SOURCE = /^(?:sysmon event ?id|windows |powershell script block|wineventlog|securityevents?$|windowssecurityevents$|windowsforwardedevents$)/i;
const LINUX_SOURCE = /^(?:sysmon for linux|linux )/i;

/** Which SIEM's rule a YAML file's top-level fields are (a Splunk detection has `search`, a Sentinel rule `query`); undefined for Sigma and anything else. */
export function siemRuleFormat(fields: ReadonlyMap<string, YamlNode>): SiemFormat | undefined {
  if (!fields.has('name') || fields.has('detection') || fields.has('logsource')) return undefined;
  if (fields.has('search')) return 'splunk';
  if (fields.has('query')) return 'sentinel';
  return undefined;
}

/** A Splunk or Sentinel rule from its file's first document, read four levels deep (pure). */
export function parseSiemRule(format: SiemFormat, doc: YamlMap, lines: LineIndex, file: string): RuleFileOutcome {
  const fields = doc.pairs;
  const nameNode = fields.get('name');
  const name = scalarText(nameNode)?.trim();
  const line = lines.line((nameNode ?? doc).start);
  const label = format === 'splunk' ? 'Splunk detection' : 'Sentinel rule';
  if (!name) return { invalid: { line, message: `not a ${label}: "name" is not text` } };
  const notes: Notes = [];
  const weighed = format === 'splunk' ? splunkWeight(fields, lines, notes, line) : sentinelWeight(name, fields);
  if ('ignored' in weighed) return { ignored: { line: weighed.line ?? line, name, reason: weighed.ignored } };
  const listNode = format === 'splunk' ? (fields.get('mitre_attack_id') ?? mapField(fields.get('tags'), 'mitre_attack_id')) : fields.get('relevantTechniques');
  const refs = techniqueRefs(listNode, lines, notes);
  const withNotes = (outcome: RuleFileOutcome): RuleFileOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!refs.length) return withNotes({ ignored: { line, name, reason: 'no ATT&CK technique' } });
  const rule: CoverageRule = { kind: format, name, file, line, refs, level: weighed.level, levelReason: weighed.levelReason };
  const id = scalarText(fields.get('id'));
  if (id !== undefined) rule.id = id;
  const dataSources = format === 'splunk' ? texts(fields.get('data_source')) : connectorIds(fields.get('requiredDataConnectors'));
  if (dataSources.length) rule.dataSources = dataSources;
  const platforms = sourcePlatforms(dataSources);
  if (platforms) rule.platforms = platforms;
  return withNotes({ rule });
}

function splunkWeight(fields: ReadonlyMap<string, YamlNode>, lines: LineIndex, notes: Notes, line: number): { level: number; levelReason: string } | { ignored: string; line?: number } {
  const statusNode = fields.get('status');
  const status = scalarText(statusNode)?.trim().toLowerCase();
  const typeNode = fields.get('type');
  const type = scalarText(typeNode)?.trim();
  if (status && (SPLUNK_IGNORED.status as readonly string[]).includes(status)) return { ignored: `status ${status}`, line: lines.line(statusNode!.start) };
  if (type && (SPLUNK_IGNORED.type as readonly string[]).includes(type.toLowerCase())) {
    return { ignored: `type ${type}: it detects nothing by itself`, line: lines.line(typeNode!.start) };
  }
  const statuses: Readonly<Record<string, number>> = SPLUNK_WEIGHTS.status;
  const types: Readonly<Record<string, number>> = SPLUNK_WEIGHTS.type;
  let statusText = `status ${status}`;
  let statusWeight = status === undefined ? undefined : statuses[status];
  if (statusWeight === undefined) {
    statusText = status === undefined ? `no status (counted as ${SPLUNK_WEIGHTS.missingStatus})` : `unknown status "${status}" (counted as ${SPLUNK_WEIGHTS.missingStatus})`;
    if (status !== undefined) notes.push({ line: lines.line(statusNode!.start), message: `unknown status "${status}"; counted as ${SPLUNK_WEIGHTS.missingStatus}. Use one of ${Object.keys(statuses).join(', ')}` });
    statusWeight = statuses[SPLUNK_WEIGHTS.missingStatus]!;
  }
  const typeWeight = type === undefined ? undefined : types[type.toLowerCase()];
  if (typeWeight === undefined) {
    // Without a type Splunk's tooling refuses the detection; counted as the weakest kind that still runs.
    notes.push({ line: typeNode ? lines.line(typeNode.start) : line, message: `${type === undefined ? 'no type' : `unknown type "${type}"`}; counted as Hunting. Use one of TTP, Anomaly, Hunting, Correlation` });
  }
  const weight = roundLevel(statusWeight * (typeWeight ?? SPLUNK_WEIGHTS.type.hunting));
  const typeText = typeWeight === undefined ? `${type === undefined ? 'no type' : `unknown type "${type}"`} (counted as Hunting)` : `type ${type}`;
  return { level: weight, levelReason: `splunk ${statusText}, ${typeText} -> ${weight}` };
}

function sentinelWeight(name: string, fields: ReadonlyMap<string, YamlNode>): { level: number; levelReason: string } | { ignored: string; line?: number } {
  if (/^\s*\[deprecated\]/i.test(name)) return { ignored: 'deprecated: its name says so' };
  const severity = scalarText(fields.get('severity'))?.trim();
  if (severity === undefined && !fields.has('queryFrequency') && !fields.has('kind')) {
    return { level: SENTINEL_WEIGHTS.hunting, levelReason: `sentinel hunting query (no severity, no schedule) -> ${SENTINEL_WEIGHTS.hunting}` };
  }
  const severities: Readonly<Record<string, number>> = SENTINEL_WEIGHTS.severity;
  const known = severity === undefined ? undefined : severities[severity.toLowerCase()];
  const weight = known ?? severities[SENTINEL_WEIGHTS.missingSeverity]!;
  const severityText = known !== undefined ? `severity ${severity}` : `${severity === undefined ? 'no severity' : `unknown severity "${severity}"`} (counted as Medium)`;
  return { level: weight, levelReason: `sentinel analytic rule, ${severityText} -> ${weight}` };
}

/** The technique IDs of a list (or one scalar), as written with their lines; other items are noted and skipped. */
function techniqueRefs(node: YamlNode | undefined, lines: LineIndex, notes: Notes): CoverageRef[] {
  const items = node?.kind === 'seq' ? node.items : node?.kind === 'scalar' && node.text !== null ? [node] : [];
  const refs: CoverageRef[] = [];
  for (const item of items) {
    const raw = scalarText(item)?.trim();
    const line = lines.line(item.start);
    if (raw && TECHNIQUE_ID.test(raw)) refs.push({ raw, line, id: raw.toUpperCase() });
    else notes.push({ line, message: `${raw ? `"${raw}"` : 'an item'} is not a technique ID (T1234 or T1234.001); it is skipped` });
  }
  return refs;
}

function mapField(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return node?.kind === 'map' ? node.pairs.get(key) : undefined;
}

function texts(node: YamlNode | undefined): string[] {
  const items = node?.kind === 'seq' ? node.items : node ? [node] : [];
  return items.flatMap((item) => scalarText(item)?.trim() || []);
}

/** Sentinel's `requiredDataConnectors`: each connector's `connectorId`. */
function connectorIds(node: YamlNode | undefined): string[] {
  return node?.kind === 'seq' ? node.items.flatMap((item) => scalarText(mapField(item, 'connectorId'))?.trim() || []) : [];
}

/** Windows or Linux when every data source is a log of that system; undefined (every platform) otherwise. */
function sourcePlatforms(sources: readonly string[]): string[] | undefined {
  if (!sources.length) return undefined;
  if (sources.every((source) => LINUX_SOURCE.test(source))) return ['Linux'];
  if (sources.every((source) => WINDOWS_SOURCE.test(source) && !LINUX_SOURCE.test(source))) return ['Windows'];
  return undefined;
}
