/**
 * Falco rules as coverage: a Falco rules file (github.com/falcosecurity/rules `rules/*.yaml`, a team's own
 * `falco_rules.local.yaml`) is a YAML list of items; those with `rule:` and a `condition` are rules, `macro:`, `list:`
 * and `required_engine_version:` items are not. A rule covers the technique IDs among its `tags` (`T1059`,
 * `T1574.006`, `MITRE_T1190_exploit_public_facing_application`); `mitre_execution`, `TA0011` and
 * `MITRE_TA0002_execution` are its tactics, checked against the release as Sigma tactic tags are. Its weight, on Sigma's
 * scale (FALCO_WEIGHTS), is its maturity tag (`maturity_stable`, falcosecurity/rules' framework of 2023; a rule
 * without one, as a team's own are written, counts as stable) times its `priority`. `enabled: false`,
 * `maturity_deprecated`, and an item that only changes a rule defined elsewhere (`append: true`, `override:`, or a
 * `rule:` with no `condition`) are ignored with that reason.
 *
 * Platforms: a rule on system calls (`source: syscall`, Falco's default) fires on Linux, and in containers when
 * tagged `container`; one on Kubernetes audit events (`k8s_audit`) in containers; one of another source (a plugin's:
 * `aws_cloudtrail`, `okta`, `github`) on every platform.
 */
import { roundLevel, untaggedRule, weightFactor, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { itemsOf, listItems, scalarText, type LineIndex, type YamlMap, type YamlNode, type YamlScalar, type YamlSeq } from './yaml-events.js';

/** How a Falco rule's maturity tag and `priority` become a coverage weight (their product). */
export const FALCO_WEIGHTS = {
  maturity: { stable: 1, incubating: 0.8, sandbox: 0.6 },
  priority: { EMERGENCY: 1, ALERT: 1, CRITICAL: 1, ERROR: 0.9, WARNING: 0.75, NOTICE: 0.5, INFORMATIONAL: 0.25, INFO: 0.25, DEBUG: 0.25 },
  missingMaturity: 'stable',
  missingPriority: 'WARNING',
} as const;

type Notes = Omit<CoverageProblem, 'file' | 'skipped'>[];

// The keys that make a YAML list a Falco rules file.
const FALCO_ITEM_KEYS = ['rule', 'macro', 'list', 'required_engine_version', 'required_plugin_versions'];
// T1059, T1574.006, MITRE_T1190_exploit_public_facing_application: a technique ID as Falco tags write it.
const TECHNIQUE_TAG = /^(?:mitre_)?(T\d{4}(?:\.\d{3})?)(?:_.*)?$/i;
// mitre_execution, TA0011, MITRE_TA0002_execution: a tactic.
const TACTIC_TAG = /^(?:mitre_(TA\d{4})(?:_.*)?|(TA\d{4})|mitre_([a-z_]+))$/i;
const MATURITY_TAG = /^maturity_(\w+)$/i;

/** Whether a YAML document is a Falco rules file: a list whose items are rules, macros, lists or version requirements. */
export function isFalcoRules(doc: YamlNode | null): doc is YamlSeq {
  return doc?.kind === 'seq' && doc.items.some((item) => item.kind === 'map' && FALCO_ITEM_KEYS.some((key) => item.pairs.has(key)));
}

// A line of a Falco rules file that starts one of its items (`- rule: …`, `- macro: …`).
const FALCO_ITEM_LINE = new RegExp(`^\\s*-\\s*(?:${FALCO_ITEM_KEYS.join('|')})\\s*:`, 'm');

/**
 * The rules files held in the values of Falco's Helm chart (falcosecurity/charts `charts/falco`: "add the customRules
 * value to add your own custom rules in a configmap", falco.org's "Rule basics for the Falco 3.0.0 Helm chart"):
 * `customRules:` maps a file name to the text of a rules file, which the chart mounts into `/etc/falco/rules.d`.
 * Each entry whose text holds a Falco item, by name; none when the document is no such values file.
 */
export function falcoHelmRulesFiles(doc: YamlNode | null): { name: string; value: YamlScalar }[] {
  const custom = doc?.kind === 'map' ? doc.pairs.get('customRules') : undefined;
  if (custom?.kind !== 'map') return [];
  return [...custom.pairs].flatMap(([name, value]) => (value.kind === 'scalar' && FALCO_ITEM_LINE.test(value.text ?? '') ? [{ name, value }] : []));
}

/**
 * Whether a YAML mapping is one Falco rule written on its own, not as an item of a list (falcosecurity/rules' sandbox
 * proposals name it by `title`): it has the fields Falco requires of a rule, and none of a Sigma rule's.
 */
export function isFalcoRuleMapping(fields: ReadonlyMap<string, YamlNode>): boolean {
  return ['condition', 'output', 'priority'].every((key) => fields.has(key)) && (fields.has('rule') || fields.has('title')) && !fields.has('logsource') && !fields.has('detection');
}

/** One Falco rule written as a mapping (isFalcoRuleMapping), read as the item of a list it should be, with a note. */
export function parseFalcoRuleMapping(doc: YamlMap, lines: LineIndex, file: string): RuleOutcome {
  const outcome = falcoRule(doc, lines, file);
  const note = { line: lines.line(doc.start), message: 'one Falco rule written as a mapping; Falco loads a list of items (- rule: …): read as one' };
  return { ...outcome, notes: [note, ...(outcome.notes ?? [])] };
}

/** Read the rules of a Falco rules file (pure): one outcome per `rule:` item of its lists. */
export function parseFalcoRules(docs: readonly (YamlNode | null)[], lines: LineIndex, file: string): RuleFileOutcome {
  const items: RuleOutcome[] = [];
  for (const doc of docs) {
    for (const item of doc?.kind === 'seq' ? doc.items : []) {
      if (item.kind === 'map' && item.pairs.has('rule')) items.push(falcoRule(item, lines, file));
    }
  }
  if (!items.length) return { ignored: { line: 1, reason: 'Falco rules file with no rule (macros and lists only)' } };
  return { items };
}

function falcoRule(item: YamlMap, lines: LineIndex, file: string): RuleOutcome {
  const fields = item.pairs;
  const nameNode = fields.get('rule') ?? fields.get('title');
  const name = scalarText(nameNode)?.trim();
  const line = lines.line((nameNode ?? item).start);
  if (!name) return { invalid: { line, message: 'a Falco rule whose "rule" is not text; it is skipped' } };
  const changes = scalarText(fields.get('append')) === 'true' ? 'append: true' : fields.has('override') ? 'override' : !fields.has('condition') ? 'no condition' : undefined;
  if (changes) return { ignored: { line, name, reason: `changes a rule defined elsewhere (${changes}), defines none` } };
  if (scalarText(fields.get('enabled')) === 'false') return { ignored: { line: lines.line(fields.get('enabled')!.start), name, reason: 'disabled (enabled: false)' } };
  const notes: Notes = [];
  const refs: CoverageRef[] = [];
  const tags: CoverageRef[] = [];
  const tactics: string[] = [];
  let maturity: string | undefined;
  for (const { text, line: at } of listItems(fields.get('tags'), lines)) {
    const tag = text.trim();
    const technique = TECHNIQUE_TAG.exec(tag)?.[1];
    const tactic = TACTIC_TAG.exec(tag);
    if (technique) {
      if (!refs.some((ref) => ref.id === technique.toUpperCase())) refs.push({ raw: tag, line: at, id: technique.toUpperCase() });
    } else if (tactic) {
      tactics.push((tactic[1] ?? tactic[2])?.toUpperCase() ?? tactic[3]!);
      tags.push({ raw: tag, line: at });
    } else maturity ??= MATURITY_TAG.exec(tag)?.[1]?.toLowerCase();
  }
  if (maturity === 'deprecated') return { ignored: { line, name, reason: 'maturity_deprecated' } };
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!refs.length) return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique tag', tactics: tags.map((tag) => tag.raw) }, [], notes, (ids) => `tag it ${ids.join(', ')}`));
  const maturityFactor = weightFactor('maturity', maturity, FALCO_WEIGHTS.maturity, FALCO_WEIGHTS.missingMaturity, (message) => notes.push({ line, message }));
  const priorityNode = fields.get('priority');
  const priorityFactor = weightFactor('priority', scalarText(priorityNode)?.trim(), FALCO_WEIGHTS.priority, FALCO_WEIGHTS.missingPriority, (message) =>
    notes.push({ line: priorityNode ? lines.line(priorityNode.start) : line, message }),
  );
  const level = roundLevel(maturityFactor.weight * priorityFactor.weight);
  const rule: CoverageRule = { kind: 'falco', name, file, line, refs, level, levelReason: `falco ${maturityFactor.text}, ${priorityFactor.text} -> ${level}` };
  if (tactics.length) {
    rule.tactics = tactics;
    rule.tags = tags;
  }
  const source = scalarText(fields.get('source'))?.trim() ?? 'syscall';
  const container = itemsOf(fields.get('tags')).some((tag) => scalarText(tag)?.trim().toLowerCase() === 'container');
  if (/^syscalls?$/i.test(source)) rule.platforms = container ? ['Linux', 'Containers'] : ['Linux'];
  else if (source === 'k8s_audit') rule.platforms = ['Containers'];
  rule.dataSources = [source];
  return withNotes({ rule });
}
