/**
 * Sigma rules as coverage.
 *
 * A Sigma rule covers the techniques in its `attack.tNNNN` tags. How much it counts is its maturity times its
 * severity (SIGMA_WEIGHTS):
 *
 *   status  stable 1.0 | test 0.8 | experimental 0.6          (missing or unknown: counted as experimental)
 *   level   critical 1.0 | high 0.9 | medium 0.75 | low 0.5 | informational 0.25   (missing: counted as medium)
 *
 * Why: `status` is SigmaHQ's own statement of how well a rule has been tuned against false positives (stable:
 * run in production for months; experimental: may be noisy or broken), so it discounts how much an alert can be
 * relied on. `level` decides where an alert goes: critical/high alerts reach an analyst's queue, low and
 * informational rules mostly feed dashboards and hunting, so they cover a technique only partly. No combination
 * reaches 0: a deployed rule always covers something. `deprecated` and `unsupported` rules are not deployed,
 * so they are ignored rather than weighted.
 */
import { roundLevel, untaggedRule, weightFactor, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome } from './read-rule-folder.js';
import { logsourcePlatforms } from './sigma-platforms.js';
import { listItems, scalarText, type LineIndex, type YamlNode } from './yaml-events.js';

/** How a Sigma rule's `status` and `level` become a coverage weight (their product). */
export const SIGMA_WEIGHTS = {
  status: { stable: 1, test: 0.8, experimental: 0.6 },
  level: { critical: 1, high: 0.9, medium: 0.75, low: 0.5, informational: 0.25 },
  /** What a rule without `status` (or with an unknown one) counts as. */
  missingStatus: 'experimental',
  /** What a rule without `level` (or with an unknown one) counts as. */
  missingLevel: 'medium',
} as const;

/** Sigma statuses whose rules are not deployed and are ignored. */
export const SIGMA_IGNORED_STATUSES: readonly string[] = ['deprecated', 'unsupported'];

// attack.t1059.001, attack.t1086, attack.t9999: a technique, kept as written for the normalizer.
const TECHNIQUE_TAG = /^attack\.t\d/i;
// attack.g0007 (group), attack.s0002 (software), attack.c0010 (campaign), attack.ds0005 (data source),
// attack.m1040 (mitigation): ATT&CK objects that are not techniques.
const OBJECT_TAG = /^attack\.(?:g|s|c|ds|m)\d+$/i;
// attack.execution, attack.defense_evasion (older Sigma spelling), attack.ta0002.
const TACTIC_TAG = /^attack\.([a-z][a-z_-]*|ta\d{4})$/i;

/** One Sigma document's top-level fields (key -> value node), merged over an `action: global` document if any. */
interface RuleFields {
  fields: Map<string, YamlNode>;
  line: number;
}

/**
 * Whether YAML documents are Sigma's: some mapping has `detection` or `logsource` (a rule, or a rule collection's
 * documents), or is a correlation rule or a filter (`title` with `correlation` or `filter`).
 */
export function isSigmaDocs(docs: readonly (YamlNode | null)[]): boolean {
  return docs.some(
    (doc) => doc?.kind === 'map' && (doc.pairs.has('detection') || doc.pairs.has('logsource') || (doc.pairs.has('title') && (doc.pairs.has('correlation') || doc.pairs.has('filter')))),
  );
}

/**
 * A Sigma rule from the documents of its file (pure; parseRuleFile parses the text): a rule, a reason to ignore it,
 * or why it is not a rule. `docs` holds at least one document, the first a mapping.
 */
export function parseSigmaDocs(docs: readonly (YamlNode | null)[], lines: LineIndex, file: string): RuleFileOutcome {
  const firstFields = topFields(docs[0] ?? null, lines)!;
  // A rule collection: the first document (action: global) holds what every later document shares.
  const global = scalarText(firstFields.fields.get('action')) === 'global' ? firstFields : undefined;
  const candidates: RuleFields[] = [];
  for (const doc of global ? docs.slice(1) : docs) {
    const own = topFields(doc, lines);
    if (own) candidates.push(global ? { fields: new Map([...global.fields, ...own.fields]), line: own.line } : own);
  }
  const ruleDocs = candidates.filter((c) => c.fields.has('title') && c.fields.has('detection'));
  const chosen = ruleDocs[0];
  if (!chosen) return notARule(candidates[0] ?? firstFields);
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  if (!global && ruleDocs.length > 1) {
    notes.push({ line: ruleDocs[1]?.line, message: `the file holds ${ruleDocs.length} rules; only the first (line ${chosen.line}) is read` });
  }
  const outcome = ruleFrom(chosen, global ? ruleDocs : [chosen], global, file, lines, notes);
  return notes.length > 0 ? { ...outcome, notes } : outcome;
}

function notARule(candidate: RuleFields): RuleFileOutcome {
  const { fields, line } = candidate;
  const title = scalarText(fields.get('title'));
  if (title !== undefined && fields.has('correlation')) {
    return { ignored: { line, name: title, reason: 'Sigma correlation rule: it has no detection of its own' } };
  }
  if (title !== undefined && fields.has('filter')) {
    return { ignored: { line, name: title, reason: 'Sigma filter: it only narrows other rules' } };
  }
  const missing = ['title', 'detection', 'logsource'].filter((key) => !fields.has(key));
  // A Splunk story or macro, a Sentinel workbook or parser: named, but neither format's rule.
  if (fields.has('name') && !fields.has('title')) {
    return { invalid: { line, message: 'not a detection rule: a Sigma rule has "title", "logsource" and "detection", a Splunk detection "name" and "search", a Sentinel rule "name" and "query"' } };
  }
  return { invalid: { line, message: `not a Sigma rule: missing ${missing.map((key) => `"${key}"`).join(', ')}` } };
}

function ruleFrom(
  chosen: RuleFields,
  variants: RuleFields[],
  global: RuleFields | undefined,
  file: string,
  lines: LineIndex,
  notes: Omit<CoverageProblem, 'file' | 'skipped'>[],
): RuleFileOutcome {
  const { fields } = chosen;
  const titleNode = fields.get('title');
  const name = scalarText(titleNode);
  const line = titleNode ? lines.line(titleNode.start) : chosen.line;
  if (name === undefined || name.trim() === '') return { invalid: { line, message: 'not a Sigma rule: "title" is not text' } };
  if (!fields.has('logsource')) return { invalid: { line: chosen.line, message: 'not a Sigma rule: missing "logsource"' } };

  const statusNode = fields.get('status');
  const status = scalarText(statusNode)?.trim().toLowerCase();
  if (status !== undefined && statusNode && SIGMA_IGNORED_STATUSES.includes(status)) {
    const why = statusNode.kind === 'scalar' ? lines.trailingComment(statusNode.end) : undefined;
    return { ignored: { line: lines.line(statusNode.start), name, reason: `status ${status}${why ? ` (${why})` : ''}` } };
  }

  const refs: CoverageRef[] = [];
  const tactics: string[] = [];
  const tags: CoverageRef[] = [];
  const tagsNode = fields.get('tags');
  if (tagsNode && tagsNode.kind !== 'seq' && !(tagsNode.kind === 'scalar' && tagsNode.text === null)) {
    notes.push({ line: lines.line(tagsNode.start), message: '"tags" is not a list; no techniques read from it' });
  }
  for (const item of tagsNode?.kind === 'seq' ? tagsNode.items : []) {
    const tag = item.kind === 'scalar' ? item.text?.trim() : undefined;
    if (tag === undefined) {
      notes.push({ line: lines.line(item.start), message: 'a tag is not text; it is skipped' });
      continue;
    }
    if (TECHNIQUE_TAG.test(tag)) refs.push({ raw: tag, line: lines.line(item.start), id: tag.slice('attack.'.length).toUpperCase() });
    else if (OBJECT_TAG.test(tag)) tags.push({ raw: tag, line: lines.line(item.start) });
    else {
      const tactic = TACTIC_TAG.exec(tag)?.[1];
      if (tactic !== undefined) {
        tactics.push(tactic);
        tags.push({ raw: tag, line: lines.line(item.start) });
      }
    }
  }
  if (refs.length === 0) {
    const claim = (ids: readonly string[]) => `tag it ${ids.map((id) => `attack.${id.toLowerCase()}`).join(', ')}`;
    return untaggedRule({ name, line, what: 'ATT&CK technique tag' }, listItems(fields.get('references'), lines), notes, claim);
  }

  const { level, levelReason } = sigmaLevel(status, scalarText(fields.get('level'))?.trim().toLowerCase(), (message) =>
    notes.push({ line, message }),
  );
  const rule: CoverageRule = { kind: 'sigma', name, file, line, refs, level, levelReason };
  const id = scalarText(fields.get('id'));
  if (id !== undefined) rule.id = id;
  if (tactics.length > 0) rule.tactics = tactics;
  if (tags.length > 0) rule.tags = tags;
  const { platforms, dataSources, unknownProducts } = logsources(variants, global);
  if (platforms) rule.platforms = platforms;
  if (dataSources.length > 0) rule.dataSources = dataSources;
  for (const product of unknownProducts) {
    notes.push({ line, message: `logsource product "${product}" has no ATT&CK platform in the table; the rule counts for every platform` });
  }
  return { rule };
}

/** The weight of a rule from its status and level (SIGMA_WEIGHTS), with the reason; unknown values are noted. */
export function sigmaLevel(
  status: string | undefined,
  level: string | undefined,
  note: (message: string) => void = () => {},
): { level: number; levelReason: string } {
  const statusFactor = weightFactor('status', status, SIGMA_WEIGHTS.status, SIGMA_WEIGHTS.missingStatus, note);
  const levelFactor = weightFactor('level', level, SIGMA_WEIGHTS.level, SIGMA_WEIGHTS.missingLevel, note);
  const weight = roundLevel(statusFactor.weight * levelFactor.weight);
  return { level: weight, levelReason: `sigma ${statusFactor.text}, ${levelFactor.text} -> ${weight}` };
}

/**
 * Platforms (SIGMA_PRODUCT_PLATFORMS; undefined when some variant fires on any platform) and data sources
 * (`category`, `service`, as written) of a rule and its variants.
 */
function logsources(
  variants: RuleFields[],
  global: RuleFields | undefined,
): { platforms?: string[]; dataSources: string[]; unknownProducts: string[] } {
  const platforms = new Set<string>();
  const dataSources = new Set<string>();
  const unknownProducts = new Set<string>();
  let anywhere = false;
  for (const variant of variants) {
    // In a collection the global logsource and the document's own are merged, key by key.
    const logsource = { ...scalarFields(global?.fields.get('logsource')), ...scalarFields(variant.fields.get('logsource')) };
    const mapped = logsourcePlatforms(logsource);
    if (mapped.unknownProduct) unknownProducts.add(mapped.unknownProduct);
    if (!mapped.platforms.length) anywhere = true;
    for (const platform of mapped.platforms) platforms.add(platform);
    for (const source of [logsource['category'], logsource['service']]) if (source !== undefined) dataSources.add(source);
  }
  return { ...(anywhere ? {} : { platforms: [...platforms] }), dataSources: [...dataSources], unknownProducts: [...unknownProducts] };
}

function scalarFields(node: YamlNode | undefined): Record<string, string> {
  const fields: Record<string, string> = {};
  if (node?.kind !== 'map') return fields;
  for (const [key, value] of node.pairs) {
    const text = scalarText(value);
    if (text !== undefined) fields[key] = text;
  }
  return fields;
}

function topFields(doc: YamlNode | null, lines: LineIndex): RuleFields | undefined {
  if (doc?.kind !== 'map') return undefined;
  return { fields: doc.pairs, line: lines.line(doc.start) };
}
