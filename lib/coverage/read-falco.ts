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
import { basename, dirname, join } from 'node:path';
import { roundLevel, untaggedRule, weightFactor, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { itemsOf, listItems, scalarText, type LineIndex, type YamlMap, type YamlNode, type YamlScalar, type YamlSeq } from './yaml-events.js';
import { INDEXED_TECHNIQUE_ID_SOURCE } from '../attack/technique-id.js';

/** What an item that changes a rule defined elsewhere sets (falcoChange), and its line. */
export interface FalcoChange {
  line: number;
  enabled?: boolean;
  priority?: string;
}

/**
 * A Falco rule's name, for the folder walk to apply changes across files as Falco loads them (applyFalcoChanges): a
 * definition's maturity factor (its weight is that times its priority's) and, when it is itself disabled, the outcome
 * it has when switched on; a change's `change`.
 */
export interface FalcoLink {
  name: string;
  maturity?: { weight: number; text: string };
  enabled?: RuleOutcome;
  change?: FalcoChange;
}

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
const TECHNIQUE_TAG = new RegExp(`^(?:mitre_)?(${INDEXED_TECHNIQUE_ID_SOURCE})(?:_.*)?$`, 'i');
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
  if (changes) {
    const change = falcoChange(fields, line, changes);
    return { ignored: { line, name, reason: `changes a rule defined elsewhere (${changes}), defines none` }, ...(change ? { falco: { name, change } } : {}) };
  }
  const { outcome, maturity } = falcoDefinition(item, name, line, lines, file);
  if (scalarText(fields.get('enabled')) === 'false') {
    return { ignored: { line: lines.line(fields.get('enabled')!.start), name, reason: 'disabled (enabled: false)' }, falco: { name, maturity, enabled: outcome } };
  }
  return { ...outcome, falco: { name, maturity } };
}

/**
 * What a Falco item that changes a rule defined elsewhere sets of what gap reads (FalcoLink): `enabled` (Falco's way
 * to switch a rule off or on: `enabled: false` with `override: enabled: replace`, or, before Falco 0.37, an item of
 * the rule's name with `enabled` and no condition) and `priority` (with `override: priority: replace`); undefined when
 * it sets neither (it appends to a condition, an output, exceptions or tags).
 */
function falcoChange(fields: ReadonlyMap<string, YamlNode>, line: number, how: string): FalcoChange | undefined {
  if (how === 'append: true') return undefined;
  const override = fields.get('override');
  const replaces = (key: string): boolean =>
    how === 'no condition' ? key === 'enabled' : override?.kind === 'map' && scalarText(override.pairs.get(key))?.trim().toLowerCase() === 'replace';
  const enabled = scalarText(fields.get('enabled'))?.trim().toLowerCase();
  const priority = scalarText(fields.get('priority'))?.trim();
  const change: FalcoChange = { line };
  if (replaces('enabled') && (enabled === 'true' || enabled === 'false')) change.enabled = enabled === 'true';
  if (replaces('priority') && priority) change.priority = priority;
  return change.enabled !== undefined || change.priority !== undefined ? change : undefined;
}

/** A Falco rule that defines itself (it has a condition), read as if enabled, and the maturity factor of its weight. */
function falcoDefinition(item: YamlMap, name: string, line: number, lines: LineIndex, file: string): { outcome: RuleOutcome; maturity: { weight: number; text: string } } {
  const fields = item.pairs;
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
  // Noted below, for a rule that counts only.
  const quietMaturity = weightFactor('maturity', maturity === 'deprecated' ? undefined : maturity, FALCO_WEIGHTS.maturity, FALCO_WEIGHTS.missingMaturity, () => {});
  const result = (outcome: RuleOutcome): { outcome: RuleOutcome; maturity: { weight: number; text: string } } => ({
    outcome: notes.length ? { ...outcome, notes } : outcome,
    maturity: quietMaturity,
  });
  if (maturity === 'deprecated') return result({ ignored: { line, name, reason: 'maturity_deprecated' } });
  if (!refs.length) return result(untaggedRule({ name, line, what: 'ATT&CK technique tag', tactics: tags.map((tag) => tag.raw) }, [], notes, (ids) => `tag it ${ids.join(', ')}`));
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
  return result({ rule });
}

/** A file's outcome and its path, as the folder walk passes them on. */
type Read = { file: string; outcome: RuleFileOutcome };

/**
 * A folder's outcomes with Falco's changes applied, as Falco loads its rules files (falco_rules.yaml, then
 * falco_rules.local.yaml and rules.d/): an item that switches a rule off or on (`enabled` with `override: enabled:
 * replace`, or an item of the rule's name with `enabled` and no condition) or replaces its priority changes the rule
 * of that name that an item of any file of the folder defines; the last change of each, in the order Falco loads
 * the files (inFalcoLoadOrder), holds. A rule defined again under its name counts as its last definition
 * (keepLastDefinitions). A rule switched off is ignored naming the change; one switched on counts, and one of another
 * priority is weighed by it, each with a note naming the change. A change of a rule no file defines changes nothing.
 */
export function applyFalcoChanges(read: readonly Read[]): readonly Read[] {
  return applyRuleChanges(keepLastDefinitions(read));
}

/**
 * A folder's outcomes where a Falco rule defined again under the same name (a full `- rule:` item, no `append` or
 * `override`) is ignored for the later definition, as Falco loads it: a definition of a name already defined replaces
 * it ("Overriding rules": additional rules files "add new lists, macros and rules or override existing ones"), so the
 * last, in the order Falco loads the files (inFalcoLoadOrder), is the rule; each earlier one names it.
 */
function keepLastDefinitions(read: readonly Read[]): readonly Read[] {
  const last = new Map<string, string>();
  const outcomesOf = (outcome: RuleFileOutcome): readonly RuleOutcome[] => ('items' in outcome ? outcome.items : [outcome]);
  const isDefinition = (item: RuleOutcome): item is RuleOutcome & { falco: FalcoLink } => !!item.falco && !item.falco.change && !('invalid' in item);
  for (const { file, outcome } of inFalcoLoadOrder(read)) {
    for (const item of outcomesOf(outcome)) if (isDefinition(item)) last.set(item.falco.name, `${file}:${lineOf(item) ?? 1}`);
  }
  const replace = (file: string) => (item: RuleOutcome): RuleOutcome => {
    if (!isDefinition(item)) return item;
    const at = `${file}:${lineOf(item) ?? 1}`;
    const kept = last.get(item.falco.name)!;
    if (kept === at) return item;
    const { name } = 'rule' in item ? item.rule : 'ignored' in item ? item.ignored : { name: undefined };
    const line = lineOf(item);
    const reason = `defined again at ${kept}: Falco keeps the last definition of rule "${item.falco.name}"`;
    return { ignored: { ...(line !== undefined ? { line } : {}), ...(name !== undefined ? { name } : {}), reason } };
  };
  return read.map(({ file, outcome }) => ({ file, outcome: 'items' in outcome ? { ...outcome, items: outcome.items.map(replace(file)) } : replace(file)(outcome) }));
}

// A local rules file and the default one it follows: falco_rules.local.yaml and falco_rules.yaml.
const LOCAL_RULES_FILE = /^(.*)\.local(\.ya?ml)$/i;

/**
 * The files in the order Falco loads them: as walked (names sorted), except that a local rules file comes right after
 * the rules file of its name in its folder (falco.yaml's default rules_files: /etc/falco/falco_rules.yaml, then
 * falco_rules.local.yaml, then rules.d/), where sorting puts `falco_rules.local.yaml` before `falco_rules.yaml`.
 */
function inFalcoLoadOrder(read: readonly Read[]): readonly Read[] {
  const at = new Map(read.map(({ file }, index) => [file, index]));
  const rank = (file: string): number => {
    const local = LOCAL_RULES_FILE.exec(basename(file));
    const base = local ? at.get(join(dirname(file), `${local[1]}${local[2]}`)) : undefined;
    return base !== undefined ? base + 0.5 : at.get(file)!;
  };
  return [...read].sort((a, b) => rank(a.file) - rank(b.file));
}

/** applyFalcoChanges' changes: each switch or priority item applied to the rule of its name (see there). */
function applyRuleChanges(read: readonly Read[]): readonly Read[] {
  const changes = new Map<string, { file: string; change: FalcoChange }[]>();
  for (const { file, outcome } of inFalcoLoadOrder(read)) {
    for (const item of 'items' in outcome ? outcome.items : [outcome]) {
      if (item.falco?.change) changes.set(item.falco.name, [...(changes.get(item.falco.name) ?? []), { file, change: item.falco.change }]);
    }
  }
  if (!changes.size) return read;
  const apply = (item: RuleOutcome): RuleOutcome => {
    const link = item.falco;
    const all = link && !link.change ? changes.get(link.name) : undefined;
    if (!link || !all) return item;
    const enabledBy = all.findLast(({ change }) => change.enabled !== undefined);
    const priorityBy = all.findLast(({ change }) => change.priority !== undefined);
    const at = ({ file, change }: { file: string; change: FalcoChange }): string => `${file}:${change.line}`;
    const switchedOff = enabledBy ? enabledBy.change.enabled === false : link.enabled !== undefined;
    if (switchedOff) {
      if (!enabledBy) return item;
      const { line, name } = 'rule' in item ? item.rule : 'ignored' in item ? item.ignored : { line: undefined, name: link.name };
      return { ignored: { ...(line !== undefined ? { line } : {}), ...(name !== undefined ? { name } : {}), reason: `switched off by the item at ${at(enabledBy)} (enabled: false)` } };
    }
    let outcome = link.enabled ?? item;
    const notes: Notes = enabledBy && link.enabled ? [{ line: lineOf(outcome), message: `switched on by the item at ${at(enabledBy)} (enabled: true)` }] : [];
    if (priorityBy && 'rule' in outcome && link.maturity) {
      const priority = weightFactor('priority', priorityBy.change.priority, FALCO_WEIGHTS.priority, FALCO_WEIGHTS.missingPriority, (message) => notes.push({ line: lineOf(outcome), message }));
      const level = roundLevel(link.maturity.weight * priority.weight);
      outcome = { ...outcome, rule: { ...outcome.rule, level, levelReason: `falco ${link.maturity.text}, ${priority.text} (set by the item at ${at(priorityBy)}) -> ${level}` } };
    }
    return notes.length ? { ...outcome, notes: [...(outcome.notes ?? []), ...notes] } : outcome;
  };
  return read.map(({ file, outcome }) => ({ file, outcome: 'items' in outcome ? { ...outcome, items: outcome.items.map(apply) } : apply(outcome) }));
}

function lineOf(outcome: RuleOutcome): number | undefined {
  return 'rule' in outcome ? outcome.rule.line : 'ignored' in outcome ? outcome.ignored.line : outcome.invalid.line;
}
