/**
 * SIEM detection content as coverage: Splunk Security Content (ESCU) detections, Microsoft Sentinel analytic rules
 * and hunting queries, and Elastic detection rules, as their public repositories (github.com/splunk/security_content
 * `detections/`, github.com/Azure/Azure-Sentinel `Detections/`, `Hunting Queries/`, `Solutions/*`,
 * github.com/elastic/detection-rules `rules/`, `rules_building_block/`) and teams' own copies write them.
 *
 * A rule covers the ATT&CK techniques it lists: Splunk's `mitre_attack_id` (top level, or under `tags` in files
 * written before 2025; `mappings.mitre_attack` by name in the JSON detections of 2017-2019), Sentinel's `relevantTechniques`
 * (a parent listed beside its own sub-techniques counts through them only, as the deployed rule, which keeps it in
 * `techniques` beside `subTechniques`, is read from Sentinel's Export; a YAML rule written in that spelling, without
 * `relevantTechniques`, is read so, and its `enabled: false` ignores it), Elastic's `[[rule.threat.technique]]` of the MITRE ATT&CK
 * framework (a technique that lists sub-techniques counts through them only: Elastic writes the parent to hold
 * them). Its weight, on the scale of Sigma's (SIGMA_WEIGHTS):
 *
 *   Splunk    status production 1.0 | experimental, validation 0.6 (missing or unknown: experimental)
 *             x type TTP, Correlation 0.9 | Anomaly 0.5 | Hunting 0.25 (security_content's types of 2020-2021:
 *             batch as TTP, streaming as Anomaly: SPLUNK_LEGACY_TYPES)
 *   Sentinel  analytic rule: severity High 0.9 | Medium 0.75 | Low 0.5 | Informational 0.25 (missing: Medium)
 *             hunting query (no severity, no schedule): 0.25
 *   Elastic   maturity production 1.0 | development 0.6 (missing or unknown: development)
 *             x severity critical 1.0 | high 0.9 | medium 0.75 | low 0.5 (missing or unknown: medium);
 *             a building block rule (no alert of its own, it feeds others): x 0.25 instead of its severity
 *             hunting query (`hunting/<platform>/queries/`: a `[hunt]` table, its techniques in `mitre`): 0.25
 *             Elastic Defend behavior rule (elastic/protections-artifacts `behavior/rules/`: `[[threat]]` beside
 *             `[rule]`, no maturity or severity): production x medium
 *
 * Why: a TTP detection raises a notable event for an analyst, as a Sigma rule of level high does; an Anomaly only
 * adds risk that raises an alert together with others (risk-based alerting), and a Hunting search runs when someone
 * hunts, so they cover a technique partly. Sentinel's severity is Sigma's level in other words; its rules state no
 * maturity, and Microsoft publishes them as production content; Elastic states both, as Sigma does. Splunk
 * `deprecated` and `removed` detections, baselines and response tasks (Investigation, response: splunkSupportSearch; they build lookups or help an
 * investigation, and detect nothing), Sentinel rules whose name or file name says `[Deprecated]` and Elastic rules of maturity
 * `deprecated` are ignored with that reason.
 *
 * Platforms: an Elastic rule's `OS: Windows`, `OS: Linux`, `OS: macOS` tags (`Windows`, `Linux`, `macOS` before 2023). A Splunk or Sentinel rule fires on
 * the platforms of the data it reads (source-platforms.ts): Splunk's data sources, else the macros its search starts
 * from; the tables Sentinel's query reads, else its connectors. Any other rule counts on every platform, as a Sigma
 * rule of an unknown product does.
 */
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { canonicalTechniqueId, tacticIdInAnyCase, indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';
import { roundLevel, untaggedRule, weightFactor, withoutHoldingParents, type CoverageKind, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome } from './read-rule-folder.js';
import { tacticDisplayName } from '../normalize/tactic-text.js';
import { esqlIndexes } from './esql-source.js';
import { isAsimRead, kqlQueryCut, kqlTableGroups } from './kql-tables.js';
import { elasticGatewayPlatforms, elasticWorkspaceSignInPlatforms, kqlQueryPlatforms, SENTINEL_SOURCES, sourcePlatforms, splunkSearchPlatforms, SPLUNK_DATA_SOURCES } from './source-platforms.js';
import { elasticMailData, kqlMailData, splunkMailData } from './mail-delivery.js';
import { itemsOf, listItems, scalarText, type LineIndex, type YamlMap, type YamlNode } from './yaml-events.js';

/** How a Splunk detection's `status` and `type` become a coverage weight (their product). */
export const SPLUNK_WEIGHTS = {
  status: { production: 1, experimental: 0.6, validation: 0.6 },
  type: { TTP: 0.9, Correlation: 0.9, Anomaly: 0.5, Hunting: 0.25 },
  missingStatus: 'experimental',
  missingType: 'Hunting',
} as const;

/**
 * security_content's detection types of 2020-2021 (its spec/detections.spec.json: `batch` or `streaming`; `SSA` in the
 * first Behavioral Analytics detections), which say
 * how a detection runs, read as the type that says how it alerts. Splunk then deployed every batch detection as a
 * scheduled correlation search raising a notable (deployments/enterprise_security_deployment_configuration.yml); a
 * streaming one ran in Splunk Behavioral Analytics (the SSA detections), whose findings add risk to an entity.
 */
export const SPLUNK_LEGACY_TYPES: Readonly<Record<string, { as: keyof typeof SPLUNK_WEIGHTS.type; means: string }>> = {
  batch: { as: 'TTP', means: "security_content's type of 2020-2021 for a scheduled search, which ESCU deployed as a correlation search raising a notable" },
  streaming: { as: 'Anomaly', means: "security_content's type of 2020-2021 for a Splunk Behavioral Analytics (SSA) detection on the event stream, whose findings add risk to an entity" },
  // The first SSA detections (June 2020, `detections/endpoint/*___ssa.yml`) name their product as the type.
  ssa: { as: 'Anomaly', means: "security_content's type of 2020 for a Splunk Behavioral Analytics (SSA) detection, before it was named streaming; its findings add risk to an entity" },
};

/** Splunk statuses and types that are not deployed detections: ignored. */
export const SPLUNK_IGNORED = { status: ['deprecated', 'removed'], type: ['baseline', 'investigation', 'response'] } as const;

/** How a Sentinel rule's `severity` becomes a coverage weight; a hunting query (no severity, no schedule) weighs `hunting`. */
export const SENTINEL_WEIGHTS = {
  severity: { High: 0.9, Medium: 0.75, Low: 0.5, Informational: 0.25 },
  missingSeverity: 'Medium',
  hunting: 0.25,
} as const;

/** How an Elastic rule's `maturity` and `severity` become a coverage weight (their product); a building block weighs `buildingBlock` for its severity. */
export const ELASTIC_WEIGHTS = {
  maturity: { production: 1, development: 0.6 },
  severity: { critical: 1, high: 0.9, medium: 0.75, low: 0.5 },
  missingMaturity: 'development',
  missingSeverity: 'medium',
  buildingBlock: 0.25,
  hunting: 0.25,
} as const;

// smol-toml is needed by the coverage commands only, so it is required on first use.
const require = createRequire(import.meta.url);
let tomlModule: typeof import('smol-toml') | undefined;
const toml = (): typeof import('smol-toml') => (tomlModule ??= require('smol-toml') as typeof import('smol-toml'));

export type SiemFormat = Extract<CoverageKind, 'splunk' | 'sentinel' | 'sekoia'>;
type Notes = Omit<CoverageProblem, 'file' | 'skipped'>[];
type Weighed = { level: number; levelReason: string } | { ignored: string; line?: number };

/** What a rule's reader says of a listed item that is no technique ID (`"Persistence"`): it is skipped. */
export function notTechniqueId(written: string): string {
  return `${written} is not a technique ID (T1234 or T1234.001); it is skipped`;
}

/** Which SIEM's rule a YAML file's top-level fields are (a Splunk detection has `search`, a Sentinel rule `query`); undefined for Sigma and anything else. */
export function siemRuleFormat(fields: ReadonlyMap<string, YamlNode>): SiemFormat | undefined {
  // A Sekoia.io rule: `uuid`, its name in `rule`, a Sigma `detection` or a `correlation` of Sigma documents.
  if (fields.has('uuid') && fields.has('rule') && !fields.has('title') && (fields.has('detection') || fields.has('correlation'))) return 'sekoia';
  if (!fields.has('name') || fields.has('detection') || fields.has('logsource')) return undefined;
  if (fields.has('search')) return 'splunk';
  if (fields.has('query')) return 'sentinel';
  return undefined;
}

/** A Splunk or Sentinel rule from its file's first document, read four levels deep (pure). */
export function parseSiemRule(format: SiemFormat, doc: YamlMap, lines: LineIndex, file: string): RuleFileOutcome {
  const fields = doc.pairs;
  const nameKey = format === 'sekoia' ? 'rule' : 'name';
  const nameNode = fields.get(nameKey);
  const name = scalarText(nameNode)?.trim();
  const line = lines.line((nameNode ?? doc).start);
  const label = SIEM_LABELS[format];
  if (!name) return { invalid: { line, message: `not a ${label}: "${nameKey}" is not text` } };
  if (format === 'splunk') {
    const support = splunkSupportSearch(fields, lines, file);
    // A folder walk leaves a baseline or a response task out, named in one note per kind; a file given alone is listed as ignored.
    if (support) return { ignored: { line: support.line ?? line, name, reason: support.reason }, noRule: support.kind };
  }
  const notes: Notes = [];
  const note = (message: string) => notes.push({ line, message });
  const weighed = format === 'splunk' ? splunkWeight(fields, lines, notes, line) : format === 'sekoia' ? sekoiaWeight(fields, note) : sentinelWeight(name, basename(file), fields, lines, note);
  if ('ignored' in weighed) return { ignored: { line: weighed.line ?? line, name, reason: weighed.ignored } };
  const key = format === 'splunk' ? 'mitre_attack_id' : format === 'sekoia' ? 'attack' : 'relevantTechniques';
  const listNodes = format === 'splunk' ? [fields.get('mitre_attack_id') ?? mapField(fields.get('tags'), 'mitre_attack_id')] : format === 'sentinel' ? sentinelTechniqueNodes(fields) : [fields.get(key)];
  // Sentinel stores a sub-technique's parent beside it (`techniques` and `subTechniques`, as its Export reads): a
  // parent listed beside its own sub-techniques holds them, as the deployed rule reads.
  const listed = listNodes.flatMap((node) => techniqueRefs(node, lines, notes));
  const refs = format === 'sentinel' ? withoutHoldingParents(listed) : listed;
  const withNotes = (outcome: RuleFileOutcome): RuleFileOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!refs.length) {
    const tactics = format === 'sentinel' ? listItems(fields.get('tactics'), lines).map(({ text }) => text.trim()).filter(Boolean) : [];
    const references = listItems(fields.get(format === 'sekoia' ? 'sources' : 'references'), lines);
    return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique', tactics }, references, notes, (ids) => `list ${ids.join(', ')} under ${key}`));
  }
  const rule: CoverageRule = { kind: format, name, file, line, refs, level: weighed.level, levelReason: weighed.levelReason };
  const id = scalarText(fields.get(format === 'sekoia' ? 'uuid' : 'id'));
  if (id !== undefined) rule.id = id;
  // Sentinel's tactics, as it spells them (`InitialAccess`, `PreAttack`), are checked against the release as Sigma tactic tags are.
  const tactics = format === 'sentinel' ? listItems(fields.get('tactics'), lines).filter(({ text }) => text.trim()) : [];
  if (tactics.length) {
    rule.tactics = tactics.map(({ text }) => text.trim());
    rule.tags = tactics.map(({ text, line: at }) => ({ raw: text.trim(), line: at }));
  }
  const dataSources =
    format === 'splunk' ? texts(fields.get('data_source')) : format === 'sekoia' ? texts(fields.get('data_sources')) : connectorIds(fields.get('requiredDataConnectors'));
  if (dataSources.length) rule.dataSources = dataSources;
  if (format === 'sentinel') {
    const query = fields.get('query');
    const text = scalarText(query);
    const tables = sentinelQueryTables(text, fields.get('requiredDataConnectors'));
    if (tables.length) rule.queryTables = tables;
    // A literal block's lines are the file's from its first (`query: |`); a folded one's are not said exactly.
    const cut = text === undefined ? undefined : kqlQueryCut(text);
    if (cut && query) rule.queryCut = { why: cut.why, queryLine: cut.line, line: lines.line(query.start) + cut.line - 1 };
  }
  // What the rule reads says where it fires: Splunk's data sources, else the macros its search starts from; the tables
  // Sentinel's query reads, else its connectors. Sekoia's `data_sources` are read as Splunk's are (`Windows event logs`).
  const platforms =
    format === 'sentinel'
      ? (kqlQueryPlatforms(rule.queryTables) ?? sourcePlatforms(SENTINEL_SOURCES, dataSources))
      : (sourcePlatforms(SPLUNK_DATA_SOURCES, dataSources) ?? (format === 'splunk' ? splunkSearchPlatforms(scalarText(fields.get('search'))) : undefined));
  if (platforms) rule.platforms = platforms;
  // What it reads of mail says it sees a phishing mail's delivery, wherever its victim runs (mail-delivery.ts).
  const search = format === 'splunk' ? scalarText(fields.get('search')) : undefined;
  const mailData = format === 'sentinel' ? kqlMailData(rule.queryTables, scalarText(fields.get('query'))) : format === 'splunk' ? splunkMailData(dataSources, search) : [];
  if (mailData.length) rule.mailData = mailData;
  return withNotes({ rule });
}

/** What each format's rule is called in a message. */
const SIEM_LABELS: Readonly<Record<SiemFormat, string>> = { splunk: 'Splunk detection', sentinel: 'Sentinel rule', sekoia: 'Sekoia rule' };

/**
 * A Sekoia.io rule's weight: its `alert_severity` (0 to 100, the severity of the alerts it raises) / 100, at least 0.01
 * (a deployed rule covers something); a missing or unreadable one counts as SEKOIA_MISSING_SEVERITY, noted. A
 * correlation rule (`correlation:`, Sigma documents its alert is raised from) weighs as any other.
 */
function sekoiaWeight(fields: ReadonlyMap<string, YamlNode>, note: (message: string) => void): Weighed {
  const given = scalarText(fields.get('alert_severity'))?.trim();
  const severity = given !== undefined && /^\d+(?:\.\d+)?$/.test(given) && Number(given) <= 100 ? Number(given) : undefined;
  if (severity === undefined) {
    note(`alert_severity ${given === undefined ? 'missing' : `"${given}" is not a number from 0 to 100`}; counted as ${SEKOIA_MISSING_SEVERITY}`);
  }
  const level = roundLevel(Math.max(severity ?? SEKOIA_MISSING_SEVERITY, 1) / 100);
  return { level, levelReason: `sekoia alert_severity ${severity ?? `(none, counted as ${SEKOIA_MISSING_SEVERITY})`} / 100 -> ${level}` };
}

/** What a Sekoia.io rule without a readable `alert_severity` counts as (the middle of its 0-100 scale). */
export const SEKOIA_MISSING_SEVERITY = 50;

function splunkWeight(fields: ReadonlyMap<string, YamlNode>, lines: LineIndex, notes: Notes, line: number): Weighed {
  const statusNode = fields.get('status');
  const status = scalarText(statusNode)?.trim().toLowerCase();
  const typeNode = fields.get('type');
  const type = scalarText(typeNode)?.trim();
  if (status && (SPLUNK_IGNORED.status as readonly string[]).includes(status)) return { ignored: `status ${status}`, line: lines.line(statusNode!.start) };
  if (type && (SPLUNK_IGNORED.type as readonly string[]).includes(type.toLowerCase())) {
    return { ignored: `type ${type}: it detects nothing by itself`, line: lines.line(typeNode!.start) };
  }
  const statusFactor = weightFactor('status', status, SPLUNK_WEIGHTS.status, SPLUNK_WEIGHTS.missingStatus, (message) =>
    notes.push({ line: lines.line(statusNode!.start), message }),
  );
  const legacy = type === undefined ? undefined : SPLUNK_LEGACY_TYPES[type.toLowerCase()];
  if (legacy) notes.push({ line: lines.line(typeNode!.start), message: `type ${type}: ${legacy.means}; weighed as ${legacy.as}` });
  // Without a type Splunk's tooling refuses the detection; counted as the weakest kind that still runs.
  const typeFactor = legacy
    ? { weight: SPLUNK_WEIGHTS.type[legacy.as], text: `type ${type} (weighed as ${legacy.as})` }
    : weightFactor('type', type, SPLUNK_WEIGHTS.type, SPLUNK_WEIGHTS.missingType, (message) => notes.push({ line: typeNode ? lines.line(typeNode.start) : line, message }), {
        noteMissing: true,
      });
  const weight = roundLevel(statusFactor.weight * typeFactor.weight);
  return { level: weight, levelReason: `splunk ${statusFactor.text}, ${typeFactor.text} -> ${weight}` };
}

/**
 * Where a Sentinel rule lists its techniques: `relevantTechniques`, as Azure-Sentinel writes its YAML, else `techniques`
 * and `subTechniques`, as Sentinel's API (and the teams' YAML written in its spelling, as tim-detections/sentinel-detections
 * does) writes them.
 */
function sentinelTechniqueNodes(fields: ReadonlyMap<string, YamlNode>): (YamlNode | undefined)[] {
  return fields.has('relevantTechniques') ? [fields.get('relevantTechniques')] : [fields.get('techniques'), fields.get('subTechniques')];
}

function sentinelWeight(name: string, fileName: string, fields: ReadonlyMap<string, YamlNode>, lines: LineIndex, note: (message: string) => void): Weighed {
  if (/^\s*\[deprecated\]/i.test(name)) return { ignored: 'deprecated: its name says so' };
  // A rule in the API's spelling says whether it runs, as a rule of Sentinel's Export does.
  const enabled = fields.get('enabled');
  if (scalarText(enabled)?.trim().toLowerCase() === 'false') return { ignored: 'disabled in Sentinel (enabled: false)', line: lines.line(enabled!.start) };
  // Azure-Sentinel marks some retired rules in the file name only (`Solorigate-Network-Beacon[Deprecated].yaml`).
  if (/\[deprecated\]/i.test(fileName)) return { ignored: 'deprecated: its file name says so' };
  const severity = scalarText(fields.get('severity'))?.trim();
  if (severity === undefined && !fields.has('queryFrequency') && !fields.has('kind')) {
    return { level: SENTINEL_WEIGHTS.hunting, levelReason: `sentinel hunting query (no severity, no schedule) -> ${SENTINEL_WEIGHTS.hunting}` };
  }
  const { weight, text } = weightFactor('severity', severity, SENTINEL_WEIGHTS.severity, SENTINEL_WEIGHTS.missingSeverity, note);
  return { level: weight, levelReason: `sentinel analytic rule, ${text} -> ${weight}` };
}

/**
 * The technique IDs of a list (or one scalar), as written with their lines; other items are noted and skipped. An item
 * of several IDs separated by commas, semicolons or spaces (`mitre_attack_id: T1036.003, T1189`, as Splunk searches
 * shared with their metadata in `comment()` macros write it) has one reading: each ID is read, with a note.
 */
function techniqueRefs(node: YamlNode | undefined, lines: LineIndex, notes: Notes): CoverageRef[] {
  const items = node?.kind === 'seq' ? node.items : node?.kind === 'scalar' && node.text !== null ? [node] : [];
  const refs: CoverageRef[] = [];
  for (const item of items) {
    const raw = scalarText(item)?.trim();
    const line = lines.line(item.start);
    const id = raw && indexedTechniqueIdInAnyCase(raw);
    const parts = id || !raw ? [] : raw.split(/[\s,;]+/).filter((part) => part !== '');
    const ids = parts.map((part) => indexedTechniqueIdInAnyCase(part));
    const repaired = id || !raw ? undefined : oneIdWrittenOtherwise(raw);
    if (id) refs.push({ raw: raw!, line, id });
    else if (repaired) {
      refs.push({ raw: raw!, line, id: repaired });
      notes.push({ line, message: `"${raw}" read as ${repaired}, the one ID it can be; write it as ATT&CK does (${repaired})` });
    } else if (parts.length > 1 && ids.every((each) => each !== undefined)) {
      parts.forEach((part, i) => refs.push({ raw: part, line, id: ids[i]! }));
      notes.push({ line, message: `"${raw}" lists ${parts.length} technique IDs in one item; each is read (write one item per ID)` });
    } else notes.push({ line, message: notTechniqueId(raw ? `"${raw}"` : 'an item') });
  }
  return refs;
}

/**
 * One technique ID written otherwise (`T1059,001`, `t1059_001`, `T1059/001`, `T1059-001`, `T1059:001`): a sub-technique's
 * number set off by another mark than its dot, or a lower-case t, as `normalize` reads them, or a hyphen after the T
 * (`T-1059`, `T-1059.001`); undefined for anything else.
 */
function oneIdWrittenOtherwise(raw: string): string | undefined {
  return canonicalTechniqueId(raw.replace(/^t\s*-\s*(?=\d)/i, 'T').replace(/^(t\d{4})\s*[,:]\s*(\d{3})$/i, '$1.$2'));
}

/**
 * Why a Splunk search of security_content is no detection but a search that supports them, and which kind; undefined
 * for a detection. Both kinds detect nothing by themselves, whatever techniques they list:
 *
 * - A baseline builds a lookup or a model its detections read. It now says `type: Baseline`; earlier ones said no type
 *   (baselines/baseline_of_cloud_instances_launched.yml, 2020) or `type: batch`, as detections of their time did
 *   (baselines/count_of_unique_ips_connecting_to_ports.yml, 2017): such a search, naming no technique, is a baseline
 *   when it names the detections it feeds under `tags.detections` (baselines/baseline_of_smb_traffic___mltk.yml) or is
 *   kept in a folder named baselines.
 * - A response task (an investigation, before 2020) is a search an analyst runs on one entity of a notable during a
 *   response, its `inputs` filled into the search (`host=$dest$`), and raises no alert: `type: Investigation`
 *   (investigations/get_dns_server_history_for_a_host.yml, 2017) or `type: response` (response_tasks/
 *   get_all_aws_activity_from_city.yml, 2020), or, without a type, one that lists its `inputs`
 *   (response_tasks/get_process_file_activity.yml, 2019) or is kept in a folder named response_tasks, responses or
 *   investigations.
 */
function splunkSupportSearch(fields: ReadonlyMap<string, YamlNode>, lines: LineIndex, file: string): { kind: 'baseline' | 'response'; reason: string; line?: number } | undefined {
  const typeNode = fields.get('type');
  const type = scalarText(typeNode)?.trim();
  const typeLine = typeNode ? lines.line(typeNode.start) : undefined;
  const folder = basename(dirname(file));
  if (type?.toLowerCase() === 'baseline') return { kind: 'baseline', reason: `type ${type}: it detects nothing by itself`, ...(typeLine ? { line: typeLine } : {}) };
  if (type !== undefined && SPLUNK_RESPONSE_TYPES.includes(type.toLowerCase())) {
    return { kind: 'response', reason: `type ${type}: a search an analyst runs during a response, it detects nothing by itself`, ...(typeLine ? { line: typeLine } : {}) };
  }
  if (type === undefined) {
    const why = fields.has('inputs') ? 'it takes the inputs an analyst gives it' : SPLUNK_RESPONSE_FOLDER.test(folder) ? `kept in ${folder}/` : undefined;
    if (why) return { kind: 'response', reason: `a Splunk response task (no type, ${why}): a search an analyst runs during a response, it detects nothing by itself` };
  }
  if (type !== undefined && !SPLUNK_LEGACY_BASELINE_TYPES.includes(type.toLowerCase())) return undefined;
  const tags = fields.get('tags');
  if (fields.has('mitre_attack_id') || mapField(tags, 'mitre_attack_id')) return undefined;
  const why = mapField(tags, 'detections') ? 'it names the detections it feeds under tags.detections' : /^baselines$/i.test(folder) ? 'kept in baselines/' : undefined;
  return why ? { kind: 'baseline', reason: `a Splunk baseline (${type === undefined ? 'no type' : `type ${type}`}, ${why}): it detects nothing by itself` } : undefined;
}

// The types a security_content baseline said before `type: Baseline`: none, or batch (its scheduled searches).
const SPLUNK_LEGACY_BASELINE_TYPES: readonly string[] = ['batch'];
// The types of security_content's response tasks: Investigation (investigations/, to 2020), response (response_tasks/).
const SPLUNK_RESPONSE_TYPES: readonly string[] = ['investigation', 'response'];
// The folders security_content kept them in: investigations/, then response_tasks/ and responses/ (2020-2022).
const SPLUNK_RESPONSE_FOLDER = /^(?:response_tasks|responses|investigations)$/i;

function mapField(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return node?.kind === 'map' ? node.pairs.get(key) : undefined;
}

function texts(node: YamlNode | undefined): string[] {
  return itemsOf(node).flatMap((item) => scalarText(item)?.trim() || []);
}

/**
 * The tables a Sentinel rule reads (kql-tables.ts): its query's; when no table of it is told, the `dataTypes` its
 * `requiredDataConnectors` list, read as alternatives (one group). An ASIM parser the query reads (`_Im_NetworkSession`,
 * any source normalized to its schema) is read as those `dataTypes`, alternatives of its group, as the rule names the
 * sources it supports (Azure-Sentinel's `Detections/ASimNetworkSession/PortScan.yaml`); a rule that lists none keeps the
 * parser, said with its schema (`imDns (ASIM Dns schema)`). Azure-Sentinel spells the key `datatypes` too.
 */
function sentinelQueryTables(query: string | undefined, connectors: YamlNode | undefined): string[][] {
  const groups = query === undefined ? [] : kqlTableGroups(query);
  const types = [...new Set(connectors?.kind === 'seq' ? connectors.items.flatMap((item) => texts(mapField(item, 'dataTypes') ?? mapField(item, 'datatypes'))) : [])];
  if (!groups.length) return types.length ? [types] : [];
  if (!types.length) return groups;
  return groups.map((group) => [...new Set(group.flatMap((table) => (isAsimRead(table) ? types : [table])))]);
}

/** Sentinel's `requiredDataConnectors`: each connector's `connectorId`. */
function connectorIds(node: YamlNode | undefined): string[] {
  return node?.kind === 'seq' ? node.items.flatMap((item) => scalarText(mapField(item, 'connectorId'))?.trim() || []) : [];
}

/**
 * A Splunk Security Content detection of 2017-2019, written as JSON (`spec_version` 1 or 2, `detections/*.json`):
 * its `mappings.mitre_attack` lists ATT&CK tactics and techniques by name (`["Credential Access", "Credential
 * Dumping"]`). A tactic's name is kept as its tactic; any other item is a technique reference by name, resolved as
 * every reference is (a name no longer current is listed unresolved, with the similar names). Weighed on the YAML
 * detections' table: no status (counted as experimental), and the type its search takes: a correlation search that
 * raises a notable is a TTP, one that only adds risk an Anomaly, any other a Hunting search. A line of each item is
 * where its text is first written.
 */
export function parseSplunkJsonDetection(text: string, file: string): RuleFileOutcome {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { invalid: { message: `not valid JSON: ${(error as Error).message}; fix the syntax or move the file out of the rules folder` } };
  }
  const detection = record(value);
  const lines = text.split('\n');
  const lineOf = (needle: string, key = ''): number | undefined => {
    const at = lines.findIndex((line) => line.includes(needle) && (!key || new RegExp(`"${key}"\\s*:`).test(line)));
    return at < 0 ? undefined : at + 1;
  };
  const name = typeof detection?.['name'] === 'string' ? detection['name'].trim() : '';
  // The detection's own name, not an investigation's written before it.
  const line = lineOf(JSON.stringify(detection?.['name']), 'name') ?? 1;
  if (!detection || !name) return { invalid: { line, message: 'not a Splunk detection: no "name"' } };
  const notes: Notes = [];
  const correlation = list(record(record(detection['detect'])?.['splunk'])?.['correlation_rule']);
  const type = correlation.some((part) => part['notable'] !== undefined) ? 'TTP' : correlation.some((part) => part['risk'] !== undefined) ? 'Anomaly' : 'Hunting';
  const status = weightFactor('status', undefined, SPLUNK_WEIGHTS.status, SPLUNK_WEIGHTS.missingStatus, (message) => notes.push({ line, message }));
  const typeFactor = { weight: SPLUNK_WEIGHTS.type[type], text: `type ${type} (its search: ${type === 'TTP' ? 'a notable' : type === 'Anomaly' ? 'risk only' : 'no correlation rule'})` };
  const refs: CoverageRef[] = [];
  const tactics: CoverageRef[] = [];
  const items = record(detection['mappings'])?.['mitre_attack'];
  for (const item of Array.isArray(items) ? items : []) {
    if (typeof item !== 'string' || item.trim() === '') continue;
    const raw = item.trim();
    const at = lineOf(JSON.stringify(raw));
    (tacticDisplayName(raw) ? tactics : refs).push({ raw, ...(at ? { line: at } : {}) });
  }
  const withNotes = (outcome: RuleFileOutcome): RuleFileOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!refs.length) return withNotes({ ignored: { line, name, reason: `no ATT&CK technique${tactics.length ? ` (mitre_attack names tactics only: ${tactics.map((ref) => ref.raw).join(', ')})` : ''}` } });
  const level = roundLevel(status.weight * typeFactor.weight);
  const rule: CoverageRule = { kind: 'splunk', name, file, line, refs, level, levelReason: `splunk ${status.text}, ${typeFactor.text} -> ${level}` };
  if (typeof detection['id'] === 'string') rule.id = detection['id'];
  if (tactics.length) {
    rule.tactics = tactics.map((ref) => ref.raw);
    rule.tags = tactics;
  }
  return withNotes({ rule });
}

/**
 * A TOML text cut short, as an interrupted download or copy leaves a rule file: it ends with no line end, and the parser
 * fails on its last line or on a string still open there (a `query = '''` never closed); said where the file ends and
 * what to do. Undefined for any other error: a file whose last line is whole ends as its writer left it.
 */
function cutShortToml(text: string, reason: string, line: number | undefined, column: number | undefined): { line: number; message: string } | undefined {
  if (text === '' || text.endsWith('\n') || line === undefined) return undefined;
  const lines = text.split('\n');
  const end = lines.length;
  const open = line < end && /^unfinished string/.test(reason);
  if (line !== end && !open) return undefined;
  const what = open ? `a string opened on line ${line}${column ? `, column ${column},` : ''} is not closed` : `${reason}${column ? ` at column ${column}` : ''}`;
  return {
    line: end,
    message: `the file is cut short: it ends in the middle of line ${end}, with no line end (${what}), as an interrupted download leaves a file; download it again, or move it out of the rules folder`,
  };
}

/**
 * An Elastic detection rule from its TOML text (pure): a rule, a reason to ignore it, or why it is not one. TOML
 * keeps no places, so a rule's line is its `name`'s and a technique's the first `id = "T…"` line naming it.
 */
export function parseElasticRule(text: string, file: string): RuleFileOutcome {
  let value: Record<string, unknown>;
  try {
    value = toml().parse(text) as Record<string, unknown>;
  } catch (error) {
    const { line, column, message } = error as { line?: number; column?: number; message: string };
    const reason = (message.split('\n')[0] ?? message).replace(/^Invalid TOML document: /, '');
    const cut = cutShortToml(text, reason, line, column);
    if (cut) return { invalid: cut };
    return { invalid: { line, message: `not valid TOML: ${reason}${column ? ` (column ${column})` : ''}; fix the syntax or move the file out of the rules folder` } };
  }
  const lines = text.split('\n');
  const lineOf = (pattern: RegExp, from = 0): number | undefined => {
    const at = lines.findIndex((line, i) => i >= from && pattern.test(line));
    return at < 0 ? undefined : at + 1;
  };
  const rule = record(value['rule']);
  const metadata = record(value['metadata']);
  const idLine = (id: string): number | undefined => lineOf(new RegExp(`^\\s*id\\s*=\\s*["']${id.replace('.', '\\.')}["']`));
  // A rule as Kibana holds it, written as TOML (its fields at the top, `[[threat]]`): contributors commit such files.
  if (!rule && typeof value['name'] === 'string' && (value['rule_id'] !== undefined || value['threat'] !== undefined)) {
    return kibanaRule(value, { file, line: lineOf(/^\s*name\s*=/) ?? 1, idLine });
  }
  // A hunting query of elastic/detection-rules' hunting/ (a [hunt] table): run by a hunter, it raises no alert.
  const hunt = record(value['hunt']);
  if (!rule && hunt) return elasticHunt(hunt, { file, line: lineOf(/^\s*name\s*=/) ?? lineOf(/^\s*\[hunt\]/) ?? 1, mitreLine: lineOf(/^\s*mitre\s*=/) });
  const ruleLine = lineOf(/^\s*\[rule\]\s*$/);
  const name = typeof rule?.['name'] === 'string' ? rule['name'].trim() : '';
  const line = (ruleLine && lineOf(/^\s*name\s*=/, ruleLine)) || (ruleLine ?? 1);
  // A TOML file with no [rule] table at all (pyproject.toml, a tool's configuration) is no rule: a folder walk leaves it out.
  if (!rule || !name) return { invalid: { line, message: 'not an Elastic rule: no [rule] table with a "name"' }, ...(rule ? {} : { noRule: 'toml' as const }) };
  const maturity = typeof metadata?.['maturity'] === 'string' ? metadata['maturity'].trim().toLowerCase() : undefined;
  if (maturity === 'deprecated') return { ignored: { line: lineOf(/^\s*maturity\s*=/) ?? line, name, reason: 'maturity deprecated' } };
  // Kibana's field in the rule table (a rule exported to TOML, a team's own switched off): it covers nothing, as in an export.
  if (rule['enabled'] === false) return { ignored: { line: lineOf(/^\s*enabled\s*=/, ruleLine ?? 0) ?? line, name, reason: 'disabled (enabled = false)' } };
  const notes: Notes = [];
  // An Elastic Defend behavior rule (elastic/protections-artifacts `behavior/rules/`) keeps its `[[threat]]` beside
  // `[rule]`, not in it, and states no maturity or severity: Elastic ships it to every endpoint that runs Elastic Defend.
  if (!metadata && value['threat'] !== undefined && rule['threat'] === undefined && isEndpointRule(rule, value)) {
    return elasticRule({ ...rule, threat: value['threat'] }, { file, line, name, idLine, stage: ENDPOINT_BEHAVIOR, notes });
  }
  const maturityFactor = weightFactor('maturity', maturity, ELASTIC_WEIGHTS.maturity, ELASTIC_WEIGHTS.missingMaturity, (message) => notes.push({ line, message }));
  return elasticRule(rule, { file, line, name, idLine, stage: maturityFactor, notes });
}

/**
 * What an Elastic Defend behavior rule is: shipped with the endpoint (behavior/README.md: "Prebuilt high signal EQL
 * rules that runs on the endpoint"), so weighed as a production rule; it states no severity, so it counts as
 * medium, the severity of the Kibana rule that turns its endpoint alerts into detection alerts.
 */
const ENDPOINT_BEHAVIOR = { weight: ELASTIC_WEIGHTS.maturity.production, text: 'Defend behavior rule (runs on the endpoint, counted as production)' };

/** Whether a `[rule]` is an Elastic Defend behavior rule: it names the endpoint release it needs or the OS it runs on. */
function isEndpointRule(rule: Record<string, unknown>, value: Record<string, unknown>): boolean {
  return rule['min_endpoint_version'] !== undefined || record(value['internal'])?.['min_endpoint_version'] !== undefined || rule['os_list'] !== undefined;
}

/**
 * An Elastic hunting query (elastic/detection-rules `hunting/<platform>/queries/*.toml`, a `[hunt]` table; its README:
 * "a query tailored for the initial evidence gathering of specific hunts"): it covers the technique IDs of its `mitre`
 * list (a parent beside its own sub-techniques through them only; a tactic ID there is kept as its tactic) at
 * ELASTIC_WEIGHTS.hunting, as a Sentinel hunting query does, named by its `name`; its `integration`s are kept as its
 * data sources.
 */
function elasticHunt(hunt: Record<string, unknown>, at: { file: string; line: number; mitreLine: number | undefined }): RuleFileOutcome {
  const { file, line } = at;
  const name = typeof hunt['name'] === 'string' ? hunt['name'].trim() : '';
  if (!name) return { invalid: { line, message: 'an Elastic hunting query ([hunt]) without a "name"; it is skipped' } };
  const notes: Notes = [];
  const ids: string[] = [];
  const tactics: string[] = [];
  for (const id of Array.isArray(hunt['mitre']) ? hunt['mitre'] : hunt['mitre'] === undefined ? [] : [hunt['mitre']]) {
    const technique = typeof id === 'string' ? indexedTechniqueIdInAnyCase(id.trim()) : undefined;
    const tactic = typeof id === 'string' ? tacticIdInAnyCase(id.trim()) : undefined;
    if (technique) ids.push(technique);
    else if (tactic) tactics.push(tactic);
    else notes.push({ line: at.mitreLine ?? line, message: notTechniqueId(`a mitre item ${JSON.stringify(id)}`) });
  }
  const withNotes = (outcome: RuleFileOutcome): RuleFileOutcome => (notes.length ? { ...outcome, notes } : outcome);
  const refs = withoutHoldingParents([...new Set(ids)].map((id) => ({ raw: id, ...(at.mitreLine ? { line: at.mitreLine } : {}), id })));
  if (!refs.length) return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique in its mitre list', tactics }, [], notes, (found) => `list ${found.join(', ')} in mitre`));
  const level = ELASTIC_WEIGHTS.hunting;
  const coverage: CoverageRule = { kind: 'elastic', name, file, line, refs, level, levelReason: `elastic hunting query (run by a hunter, no alert) -> ${level}` };
  if (typeof hunt['uuid'] === 'string') coverage.id = hunt['uuid'];
  if (tactics.length) {
    coverage.tactics = tactics;
    coverage.tags = tactics.map((raw) => ({ raw, ...(at.mitreLine ? { line: at.mitreLine } : {}) }));
  }
  const integrations = Array.isArray(hunt['integration']) ? hunt['integration'].filter((item): item is string => typeof item === 'string') : [];
  if (integrations.length) coverage.dataSources = integrations;
  return withNotes({ rule: coverage });
}

/** What a rule Kibana holds is: deployed, weighed as a production rule. */
const DEPLOYED = { weight: 1, text: 'rule deployed in Kibana' };

/**
 * A rule object as Kibana holds and exports it (a line of an `.ndjson` export, or the same fields in a TOML file):
 * read as an Elastic rule whose stage is DEPLOYED; one with `enabled: false` covers nothing and is ignored.
 */
export function kibanaRule(object: Record<string, unknown>, at: { file: string; line: number; idLine: (id: string) => number | undefined }): RuleFileOutcome {
  const name = typeof object['name'] === 'string' ? object['name'].trim() : '';
  if (!name) return { invalid: { line: at.line, message: 'a rule without a "name"; it is skipped' } };
  if (object['enabled'] === false) return { ignored: { line: at.line, name, reason: 'disabled in Kibana (enabled: false)' } };
  return elasticRule(object, { ...at, name, stage: DEPLOYED });
}

/**
 * An Elastic rule's coverage from its rule object (the `[rule]` table of a TOML file, a line of a Kibana export):
 * its ATT&CK techniques (sub-techniques where listed), weight (`stage`, its maturity or deployment, times its
 * severity), platforms from its OS tags and data sources from its index patterns.
 */
export function elasticRule(
  rule: Record<string, unknown>,
  at: { file: string; line: number; name: string; idLine: (id: string) => number | undefined; stage: { weight: number; text: string }; notes?: Notes },
): RuleFileOutcome {
  const { file, line, name } = at;
  const notes: Notes = at.notes ?? [];
  const refs: CoverageRef[] = [];
  const seen = new Set<string>();
  const add = (id: unknown): void => {
    const canonical = typeof id === 'string' ? indexedTechniqueIdInAnyCase(id.trim()) : undefined;
    if (!canonical) {
      notes.push({ line, message: notTechniqueId(`a technique id ${JSON.stringify(id)}`) });
      return;
    }
    const raw = (id as string).trim();
    if (seen.has(canonical)) return;
    seen.add(canonical);
    const idAt = at.idLine(raw);
    refs.push({ raw, ...(idAt ? { line: idAt } : {}), id: canonical });
  };
  const tactics: CoverageRef[] = [];
  for (const threat of list(rule['threat'])) {
    if (typeof threat['framework'] === 'string' && !/^mitre att&ck$/i.test(threat['framework'].trim())) {
      notes.push({ line, message: `a threat of framework "${threat['framework'].trim()}" is not ATT&CK; its techniques are left out` });
      continue;
    }
    // Kept to be checked against the release, as a Sigma rule's tactic tags are (ATT&CK 19's TA0112 in an 18 review).
    const tactic = record(threat['tactic']);
    const tacticRef = [tactic?.['id'], tactic?.['name']].find((text): text is string => typeof text === 'string' && text.trim() !== '')?.trim();
    if (tacticRef && !tactics.some((ref) => ref.raw === tacticRef)) {
      const tacticLine = at.idLine(tacticRef);
      tactics.push({ raw: tacticRef, ...(tacticLine ? { line: tacticLine } : {}) });
    }
    for (const technique of list(threat['technique'])) {
      const subs = list(technique['subtechnique']);
      // The parent of listed sub-techniques is where Elastic writes them, not a claim on the whole technique.
      if (!subs.length) add(technique['id']);
      for (const sub of subs) add(sub['id']);
    }
  }
  const withNotes = (outcome: RuleFileOutcome): RuleFileOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!refs.length) {
    const references = Array.isArray(rule['references']) ? rule['references'].flatMap((text) => (typeof text === 'string' ? [{ text }] : [])) : [];
    const tacticRefs = tactics.map((ref) => ref.raw);
    return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique', tactics: tacticRefs }, references, notes, (ids) => `list ${ids.join(', ')} as techniques of its threat (framework "MITRE ATT&CK")`));
  }
  const severity = typeof rule['severity'] === 'string' ? rule['severity'].trim().toLowerCase() : undefined;
  // A building block raises no alert of its own, whatever its severity says.
  const severityFactor =
    rule['building_block_type'] !== undefined
      ? { weight: ELASTIC_WEIGHTS.buildingBlock, text: 'building block (no alert of its own)' }
      : weightFactor('severity', severity, ELASTIC_WEIGHTS.severity, ELASTIC_WEIGHTS.missingSeverity, (message) => notes.push({ line, message }));
  const level = roundLevel(at.stage.weight * severityFactor.weight);
  const coverage: CoverageRule = { kind: 'elastic', name, file, line, refs, level, levelReason: `elastic ${at.stage.text}, ${severityFactor.text} -> ${level}` };
  if (typeof rule['rule_id'] === 'string') coverage.id = rule['rule_id'];
  if (tactics.length) {
    coverage.tactics = tactics.map((ref) => ref.raw);
    coverage.tags = tactics;
  }
  // An Elastic Defend behavior rule states its OS in `os_list` (["windows"]), a detection rule its OS or platform in its tags.
  const tags = [rule['tags'], rule['os_list']].flatMap((names) => (Array.isArray(names) ? names.filter((tag): tag is string => typeof tag === 'string') : []));
  const tagged = [...new Set(tags.flatMap((tag) => ELASTIC_PLATFORMS[tag.trim().toLowerCase()] ?? []))];
  // An ES|QL rule states no `index`: its query's source command names what it reads (`from logs-endpoint.events.*`).
  const stated = Array.isArray(rule['index']) ? rule['index'].filter((index): index is string => typeof index === 'string') : [];
  const indexes = stated.length || rule['language'] !== 'esql' || typeof rule['query'] !== 'string' ? stated : esqlIndexes(rule['query']);
  // A rule of Google Workspace's sign-ins alone, tagged `Data Source: Google Workspace`, fires on its identity provider too.
  const platforms = [...new Set([...tagged, ...(elasticWorkspaceSignInPlatforms(indexes, rule['query']) ?? [])])];
  if (platforms.length) coverage.platforms = platforms;
  if (indexes.length) coverage.dataSources = indexes;
  // What it reads of mail says it sees a phishing mail's delivery, wherever its victim runs (mail-delivery.ts).
  const mailData = elasticMailData(indexes, rule['query']);
  if (mailData.length) coverage.mailData = mailData;
  // A rule of an email gateway's messages alone, tagged with no platform, fires on the mail service, as Sentinel's do.
  const gatewayPlatforms = platforms.length ? undefined : elasticGatewayPlatforms(indexes, rule['query']);
  if (gatewayPlatforms) coverage.platforms = gatewayPlatforms;
  const categories = eventCategories(rule['query']);
  if (categories.length) coverage.eventCategories = categories;
  // A sequence (or sample) matches only when each of its events is found: it reads every category it names.
  if (categories.length > 1 && typeof rule['query'] === 'string' && /^\s*(?:sequence|sample)\b/i.test(stripEqlComments(rule['query']))) coverage.eventSequence = true;
  return withNotes({ rule: coverage });
}

/**
 * The ECS event categories a query reads: EQL names one before each `where` (`process where …`, each of a
 * sequence's `[network where …]`), KQL and Lucene test `event.category` (`event.category:process`,
 * `event.category : ("process" or …)`); `any where` names none.
 */
export function eventCategories(query: unknown): string[] {
  if (typeof query !== 'string') return [];
  const eql = [...query.matchAll(/(?:^|\[)\s*([a-z_]+)\s+where\b/gim)].map((match) => match[1]!.toLowerCase()).filter((category) => category !== 'any');
  const kql = [...query.matchAll(/\bevent\.category\s*(?::|==)\s*\(?\s*"?([a-z_]+)"?/gi)].map((match) => match[1]!.toLowerCase());
  return [...new Set([...eql, ...kql])];
}

/** An EQL query without its comments (`/* … */`, `// …`), so that its first word is its first keyword. */
function stripEqlComments(query: string): string {
  return query.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
}

// Elastic tagged a rule's OS `Windows` until 2023 (detection-rules and the prebuilt rules Kibana exports), `OS: Windows` since,
// and names where a rule fires with `Platform: …` tags (detection-rules' tag vocabulary, EXPECTED_RULE_TAGS of
// detection_rules/schemas/definitions.py: `Platform: AWS` on credential_access_root_console_failure_brute_force.toml,
// T1110, of 2026), each read as the ATT&CK platform it is (AWS, GCP and Azure: IaaS in the review; Entra ID and Okta:
// identity providers, written Azure AD as source-platforms.ts writes them; Kubernetes: Containers); `Platform: Wiz`, a security product, names none. Rules without them name
// their cloud in a `Data Source:` tag (credential_access_iam_user_addition_to_group.toml, T1098: `Data Source: AWS`,
// `Data Source: Amazon Web Services`), read the same way; `Data Source: Azure` is left out, as Elastic writes it on
// Entra ID sign-in rules too (credential_access_entra_id_suspicious_signin.toml: `Data Source: Azure`, `Data Source:
// Entra ID`, `Data Source: Entra ID Sign-in`), whose Entra ID tags say Identity Provider. Before 2023 the cloud was a
// bare tag, as the OS was: rules/aws/defense_evasion_cloudtrail_logging_deleted.toml (T1562.001) `"Cloud", "AWS"`,
// rules/gcp/persistence_gcp_service_account_created.toml (T1136) `"GCP"`, rules/okta/
// persistence_administrator_role_assigned_to_okta_user.toml (T1098) `"Okta"`; a bare `Azure` is left out as above.
const ELASTIC_PLATFORMS: Readonly<Record<string, string>> = {
  'os: windows': 'Windows',
  'os: linux': 'Linux',
  'os: macos': 'macOS',
  windows: 'Windows',
  linux: 'Linux',
  macos: 'macOS',
  aws: 'AWS',
  'amazon web services': 'AWS',
  gcp: 'GCP',
  'google cloud platform': 'GCP',
  okta: 'Azure AD',
  'microsoft 365': 'Office 365',
  'google workspace': 'Google Workspace',
  'platform: windows': 'Windows',
  'platform: linux': 'Linux',
  'platform: macos': 'macOS',
  'platform: aws': 'AWS',
  'platform: azure': 'Azure',
  'platform: gcp': 'GCP',
  'platform: entra id': 'Azure AD',
  'platform: okta': 'Azure AD',
  'platform: google workspace': 'Google Workspace',
  'platform: microsoft 365': 'Office 365',
  'platform: github': 'SaaS',
  'platform: kubernetes': 'Containers',
  'data source: aws': 'AWS',
  'data source: amazon web services': 'AWS',
  'data source: gcp': 'GCP',
  'data source: google cloud platform': 'GCP',
  'data source: entra id': 'Azure AD',
  'data source: entra id sign-in': 'Azure AD',
  'data source: entra id sign-in logs': 'Azure AD',
  'data source: entra id audit logs': 'Azure AD',
  'data source: entra id protection logs': 'Azure AD',
  'data source: microsoft entra id': 'Azure AD',
  'data source: microsoft entra id sign-in logs': 'Azure AD',
  'data source: okta': 'Azure AD',
  'data source: microsoft 365': 'Office 365',
  'data source: google workspace': 'Google Workspace',
  'data source: github': 'SaaS',
  'data source: kubernetes': 'Containers',
};

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A TOML array of tables (or one table) as its tables. */
function list(value: unknown): Record<string, unknown>[] {
  return (Array.isArray(value) ? (value as unknown[]) : [value]).flatMap((item): Record<string, unknown>[] => {
    const table = record(item);
    return table ? [table] : [];
  });
}
