/**
 * LimaCharlie Detection & Response rules as coverage: a YAML file with a `detect` and a `respond` component
 * (refractionPOINT/rules' `Sigma/dr_rules/`, the rules LimaCharlie converts from Sigma; `limacharlie dr get` writes
 * them under `data:`, with `usr_mtd`). A rule raises a detection through each `report` action of its response: each
 * is a detection, named by its `name` (or its metadata's), covering the ATT&CK technique tags of its `metadata.tags`
 * (`attack.t1003`), read as Sigma's tags are (tactics, groups and software tags kept as tags, a tag of no ATT&CK shape
 * noted), and weighed by its `priority` on LimaCharlie's severity mapping, else by its `metadata.level` on Sigma's
 * levels (LIMACHARLIE_WEIGHTS; a D&R rule has no status: it is a rule as deployed). A rule switched off (`usr_mtd: enabled: false`) and one whose response reports nothing (it
 * only tasks or tags a sensor: no detection) are ignored with that reason. Every rule counts on every platform.
 */
import { roundLevel, untaggedRule, weightFactor, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { ruleTags, SIGMA_WEIGHTS } from './read-sigma.js';
import { itemsOf, listItems, scalarText, type LineIndex, type YamlMap, type YamlNode } from './yaml-events.js';

/**
 * How a reported detection becomes a coverage weight: by the report's `priority` when it has one, else by its
 * `metadata.level` on Sigma's level table (the rules are Sigma's). LimaCharlie's documentation (Response Actions,
 * `report`): the priority is an integer "added to the root of the detection report as `priority`"; its Cases extension
 * (Severity Mapping) reads detection priorities, integers 0 to 10, as a severity by default: 8-10 critical, 5-7 high,
 * 3-4 medium, 0-2 low. That severity weighs what the same level of a Sigma rule does.
 */
export const LIMACHARLIE_WEIGHTS = {
  level: SIGMA_WEIGHTS.level,
  missingLevel: SIGMA_WEIGHTS.missingLevel,
  /** The least priority of each severity (Cases' `severity_mapping` defaults), highest first; below them all, low. */
  priority: [['critical', 8], ['high', 5], ['medium', 3], ['low', 0]],
  maxPriority: 10,
} as const;

/** The severity of a report's `priority` on LimaCharlie's default mapping; undefined when it is no integer from 0 to 10. */
function prioritySeverity(priority: string): keyof typeof SIGMA_WEIGHTS.level | undefined {
  if (!/^\d{1,2}$/.test(priority) || Number(priority) > LIMACHARLIE_WEIGHTS.maxPriority) return undefined;
  return LIMACHARLIE_WEIGHTS.priority.find(([, least]) => Number(priority) >= least)?.[0];
}

/** The fields of a D&R rule: its own, or those under `data` (as `limacharlie dr get` writes a rule). */
function ruleFields(fields: ReadonlyMap<string, YamlNode>): ReadonlyMap<string, YamlNode> | undefined {
  const data = fields.get('data');
  const inner = data?.kind === 'map' ? data.pairs : fields;
  return inner.has('detect') && inner.has('respond') ? inner : undefined;
}

/** Whether a YAML mapping's fields are a LimaCharlie D&R rule: `detect` and `respond` (under `data`, as `dr get` writes it). */
export function isLimaCharlieRule(fields: ReadonlyMap<string, YamlNode>): boolean {
  return ruleFields(fields) !== undefined;
}

// The hives of D&R rules in LimaCharlie's infrastructure-as-code file (`limacharlie configs push`, version 3).
const DR_HIVES = ['dr-general', 'dr-managed', 'dr-service'];

/**
 * The D&R rules of a LimaCharlie infrastructure-as-code file, by name: under `hives:` (`dr-general:`, `dr-managed:`,
 * `dr-service:`, each rule `data:` with `detect` and `respond`, beside its `usr_mtd`), as `limacharlie configs push`
 * reads them, or under `rules:` (each rule `detect` and `respond` with its `namespace`), as the configs of
 * refractionPOINT/rules' Emerging_Threats/ write them (`version: 3`, `resources:`, `rules: 'Log4j #001': …`). Empty for
 * any other YAML; `isRule` tells a rule's entry.
 */
function limaCharlieConfigRules(fields: ReadonlyMap<string, YamlNode>, isRule: (rule: YamlMap) => boolean): { name: string; rule: YamlMap }[] {
  const named = (node: YamlNode | undefined): { name: string; rule: YamlMap }[] =>
    node?.kind === 'map' ? [...node.pairs].flatMap(([name, rule]) => (rule.kind === 'map' && isRule(rule) ? [{ name, rule }] : [])) : [];
  const hives = fields.get('hives');
  const fromHives = hives?.kind === 'map' ? DR_HIVES.flatMap((hive) => named(hives.pairs.get(hive))) : [];
  return [...fromHives, ...named(fields.get('rules'))];
}

/**
 * Whether a YAML mapping's fields are a LimaCharlie infrastructure-as-code file holding D&R rules (limaCharlieConfigRules),
 * told from a document read four levels deep, where a rule's `data` is not built yet: a named entry with `data`, or
 * with `detect` and `respond`.
 */
export function isLimaCharlieConfig(fields: ReadonlyMap<string, YamlNode>): boolean {
  return limaCharlieConfigRules(fields, (rule) => rule.pairs.has('data') || (rule.pairs.has('detect') && rule.pairs.has('respond'))).length > 0;
}

/**
 * Read the D&R rules of a LimaCharlie infrastructure-as-code file (limaCharlieConfigRules; pure): each as a rule file
 * is read, a report without a name of its own named by its rule's.
 */
export function parseLimaCharlieConfig(doc: YamlMap, lines: LineIndex, file: string): RuleFileOutcome {
  const rules = limaCharlieConfigRules(doc.pairs, (rule) => ruleFields(rule.pairs) !== undefined);
  return { items: rules.flatMap(({ name, rule }) => parseLimaCharlieRule(rule, lines, file, name).items) };
}

/** Read one D&R rule (pure): one outcome per `report` action of its response; `ruleName` names a report that has no name. */
export function parseLimaCharlieRule(doc: YamlMap, lines: LineIndex, file: string, ruleName?: string): { items: RuleOutcome[] } {
  const fields = ruleFields(doc.pairs) ?? doc.pairs;
  const respond = fields.get('respond')!;
  const line = lines.line(respond.start);
  const reports = itemsOf(respond).filter((item): item is YamlMap => item.kind === 'map' && scalarText(item.pairs.get('action'))?.trim() === 'report');
  if (!reports.length) return { items: [{ ignored: { line, ...(ruleName ? { name: ruleName } : {}), reason: 'its response reports nothing (no action: report): it raises no detection' } }] };
  const usr = doc.pairs.get('usr_mtd');
  const enabled = usr?.kind === 'map' ? usr.pairs.get('enabled') : undefined;
  const off = enabled !== undefined && /^(?:false|no|off)$/i.test(scalarText(enabled) ?? '');
  return { items: reports.map((report) => reportOutcome(report, lines, file, off ? lines.line(enabled!.start) : undefined, ruleName)) };
}

function reportOutcome(report: YamlMap, lines: LineIndex, file: string, disabledAt: number | undefined, ruleName: string | undefined): RuleOutcome {
  const metadata = report.pairs.get('metadata');
  const meta = metadata?.kind === 'map' ? metadata.pairs : new Map<string, YamlNode>();
  const nameNode = report.pairs.get('name') ?? meta.get('name');
  const name = scalarText(nameNode)?.trim() || ruleName || 'report';
  const line = lines.line((nameNode ?? report).start);
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (disabledAt !== undefined) return { ignored: { line: disabledAt, name, reason: 'disabled in LimaCharlie (usr_mtd: enabled: false)' } };
  const { refs, tactics, tags, objects } = ruleTags(meta, lines, notes);
  if (!refs.length) {
    const references = listItems(meta.get('references'), lines);
    // The tags as written, as a Sigma rule's reason names them (attack.execution, attack.g0016).
    const tacticTags = tags.map((tag) => tag.raw).filter((raw) => !objects.includes(raw));
    return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique tag', tactics: tacticTags, objects }, references, notes, (ids) => `tag it ${ids.map((id) => `attack.${id.toLowerCase()}`).join(', ')}`));
  }
  const priorityNode = report.pairs.get('priority');
  const priority = scalarText(priorityNode)?.trim();
  const severity = priority === undefined ? undefined : prioritySeverity(priority);
  if (priority !== undefined && !severity) {
    notes.push({ line: lines.line(priorityNode!.start), message: `priority "${priority}" is no integer from 0 to ${LIMACHARLIE_WEIGHTS.maxPriority} (LimaCharlie's detection priorities); weighed by metadata.level instead` });
  }
  const level = scalarText(meta.get('level'))?.trim();
  const factor = severity
    ? { weight: LIMACHARLIE_WEIGHTS.level[severity], text: `priority ${priority} (${severity} on LimaCharlie's default severity mapping)` }
    : weightFactor('level', level, LIMACHARLIE_WEIGHTS.level, LIMACHARLIE_WEIGHTS.missingLevel, (message) => notes.push({ line, message }));
  const weight = roundLevel(factor.weight);
  const rule: CoverageRule = { kind: 'limacharlie', name, file, line, refs, level: weight, levelReason: `limacharlie D&R rule reporting a detection, ${factor.text} -> ${weight}` };
  if (tactics.length) rule.tactics = tactics;
  if (tags.length) rule.tags = tags;
  return withNotes({ rule });
}
