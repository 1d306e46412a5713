/**
 * Sigma rules as coverage.
 *
 * A Sigma rule covers the techniques in its `attack.tNNNN` tags. How much it counts is its maturity times its
 * severity (SIGMA_WEIGHTS):
 *
 *   status  stable 1.0 | test 0.8 | experimental 0.6          (missing or unknown: counted as experimental)
 *   level   critical 1.0 | high 0.9 | medium 0.75 | low 0.5 | informational 0.25   (missing: counted as medium)
 *           a threat hunting rule (tag detection.threat-hunting): 0.25 in place of its level
 *
 * Why: `status` is SigmaHQ's own statement of how well a rule has been tuned against false positives (stable:
 * run in production for months; experimental: may be noisy or broken), so it discounts how much an alert can be
 * relied on. `level` decides where an alert goes: critical/high alerts reach an analyst's queue, low and
 * informational rules mostly feed dashboards and hunting, so they cover a technique only partly. No combination
 * reaches 0: a deployed rule always covers something. `deprecated` and `unsupported` rules are not deployed,
 * so they are ignored rather than weighted.
 */
import { roundLevel, untaggedRule, weightFactor, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { nonRuleKind, notARuleMessage } from '../input-kind.js';
import { logsourcePlatforms } from './sigma-platforms.js';
import { listItems, scalarText, type LineIndex, type YamlNode } from './yaml-events.js';

/** How a Sigma rule's `status` and `level` become a coverage weight (their product). */
export const SIGMA_WEIGHTS = {
  status: { stable: 1, test: 0.8, experimental: 0.6 },
  level: { critical: 1, high: 0.9, medium: 0.75, low: 0.5, informational: 0.25 },
  /**
   * What a threat hunting rule (tag `detection.threat-hunting`: SigmaHQ's rules-threat-hunting/, "broader in scope …
   * a starting point to hunt") weighs in place of its level, as a Sentinel hunting query or a YARA-L hunt does.
   */
  hunting: 0.25,
  /** What a rule without `status` (or with an unknown one) counts as. */
  missingStatus: 'experimental',
  /** What a rule without `level` (or with an unknown one) counts as. */
  missingLevel: 'medium',
} as const;

/** Sigma statuses whose rules are not deployed and are ignored. */
export const SIGMA_IGNORED_STATUSES: readonly string[] = ['deprecated', 'unsupported'];

// SigmaHQ's tag of a threat hunting rule (rules-threat-hunting/).
const HUNTING_TAG = /^detection\.threat[-_]hunting$/i;
// Sigma's ATT&CK namespace; a tag in it of none of the shapes below is noted.
const ATTACK_TAG = /^attack\./i;
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
 * The Sigma rules of a file's documents (pure; parseRuleFile parses the text), as pySigma reads a file
 * (SigmaCollection): a rule collection (`action: global` first) is one rule whose documents are its variants; any
 * other file holds one rule per document, a detection rule, a correlation rule or a filter (readDocument), each
 * counted as an item when there are several. `docs` holds at least one document, the first a mapping.
 */
export function parseSigmaDocs(docs: readonly (YamlNode | null)[], lines: LineIndex, file: string): RuleFileOutcome {
  const firstFields = topFields(docs[0] ?? null, lines)!;
  if (scalarText(firstFields.fields.get('action')) === 'global') return readCollection(firstFields, docs.slice(1), lines, file);
  const documents = docs.flatMap((doc) => topFields(doc, lines) ?? []);
  if (documents.length === 1) return readDocument(firstFields, documents, lines, file);
  return { items: documents.map((document) => readDocument(document, documents, lines, file)) };
}

/** A rule collection: the first document (action: global) holds what every later document shares. */
function readCollection(global: RuleFields, docs: readonly (YamlNode | null)[], lines: LineIndex, file: string): RuleFileOutcome {
  const candidates = docs.flatMap((doc) => {
    const own = topFields(doc, lines);
    return own ? [{ fields: new Map([...global.fields, ...own.fields]), line: own.line }] : [];
  });
  const ruleDocs = candidates.filter((c) => c.fields.has('title') && c.fields.has('detection'));
  const chosen = ruleDocs[0];
  if (!chosen) return notARule(candidates[0] ?? global);
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  const outcome = ruleFrom(chosen, ruleDocs, global, file, lines, notes);
  return notes.length > 0 ? { ...outcome, notes } : outcome;
}

/**
 * One document of a file of Sigma rules, as a rule. A correlation rule (`correlation:`) counts for its own tags,
 * status and level, on the platforms of the rules it names (`correlation.rules`, by `id` or `name`, a correlation
 * naming another followed to its rules) among the file's documents; with one named that the file does not hold, on
 * every platform, noted. A detection rule a correlation rule of the file names is not output by itself unless that
 * correlation says `generate: true` (Sigma's correlation specification; pySigma converts it as part of the
 * correlation only): it is ignored, naming the correlation that counts for it.
 */
function readDocument(document: RuleFields, documents: readonly RuleFields[], lines: LineIndex, file: string): RuleOutcome {
  const { fields } = document;
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length > 0 ? { ...outcome, notes } : outcome);
  if (fields.has('title') && fields.has('detection')) {
    const names = ruleNames(document);
    const user = documents.find((other) => other !== document && !generates(other) && correlationNames(other, lines).some((name) => names.includes(name)));
    if (user) {
      const name = scalarText(fields.get('title')) ?? '';
      const correlation = scalarText(user.fields.get('title')) ?? '';
      return { ignored: { line: document.line, name, reason: `a rule of correlation rule "${correlation}" (line ${user.line}), which counts for it: without "generate: true" it raises no alert of its own` } };
    }
    return withNotes(ruleFrom(document, [document], undefined, file, lines, notes));
  }
  if (scalarText(fields.get('title')) !== undefined && fields.has('correlation')) {
    const { found, missing } = correlatedRules(document, documents, lines);
    if (missing.length > 0) {
      notes.push({
        line: document.line,
        message: `correlation rule names ${missing.map((name) => `"${name}"`).join(', ')}, not in this file; it counts on every platform (its platforms are those of the rules it names that the file holds)`,
      });
    }
    return withNotes(ruleFrom(document, missing.length > 0 ? [] : found, undefined, file, lines, notes));
  }
  return notARule(document);
}

/** The documents a correlation rule names in `correlation.rules` (by `id` or `name`), and the names no document has. */
function correlationNames(document: RuleFields, lines: LineIndex): string[] {
  const correlation = document.fields.get('correlation');
  return correlation?.kind === 'map' ? listItems(correlation.pairs.get('rules'), lines).map((item) => item.text.trim()) : [];
}

/** The `id` and `name` a correlation rule may name a rule by. */
function ruleNames(document: RuleFields): string[] {
  return ['id', 'name'].flatMap((key) => scalarText(document.fields.get(key))?.trim() ?? []);
}

/** Whether a correlation rule outputs the rules it names as well (`generate: true`, in its correlation section). */
function generates(document: RuleFields): boolean {
  const correlation = document.fields.get('correlation');
  return correlation?.kind === 'map' && scalarText(correlation.pairs.get('generate'))?.trim().toLowerCase() === 'true';
}

/** The detection rules of `documents` a correlation rule names, through the correlations it names, and the names not found. */
function correlatedRules(correlation: RuleFields, documents: readonly RuleFields[], lines: LineIndex): { found: RuleFields[]; missing: string[] } {
  const found: RuleFields[] = [];
  const missing: string[] = [];
  const seen = new Set<RuleFields>([correlation]);
  const visit = (document: RuleFields): void => {
    for (const name of correlationNames(document, lines)) {
      const named = documents.find((other) => ruleNames(other).includes(name));
      if (!named) missing.push(name);
      else if (!seen.has(named)) {
        seen.add(named);
        if (named.fields.has('detection')) found.push(named);
        else visit(named);
      }
    }
  };
  visit(correlation);
  return { found, missing };
}

function notARule(candidate: RuleFields): RuleOutcome {
  const { fields, line } = candidate;
  const title = scalarText(fields.get('title'));
  if (title !== undefined && fields.has('filter')) {
    return { ignored: { line, name: title, reason: 'Sigma filter: it only narrows other rules' } };
  }
  // A file of a known kind that holds no rule (a DeTT&CT file, a CAR analytic, Atomic Red Team tests) is named.
  const kind = nonRuleKind(Object.fromEntries([...fields].map(([key, value]) => [key, scalarText(value) ?? value])));
  if (kind) return { invalid: { line, message: notARuleMessage(kind) } };
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
): RuleOutcome {
  const { fields } = chosen;
  const titleNode = fields.get('title');
  const name = scalarText(titleNode);
  const line = titleNode ? lines.line(titleNode.start) : chosen.line;
  if (name === undefined || name.trim() === '') return { invalid: { line, message: 'not a Sigma rule: "title" is not text' } };
  if (!fields.has('logsource') && !fields.has('correlation')) return { invalid: { line: chosen.line, message: 'not a Sigma rule: missing "logsource"' } };

  const statusNode = fields.get('status');
  const status = scalarText(statusNode)?.trim().toLowerCase();
  if (status !== undefined && statusNode && SIGMA_IGNORED_STATUSES.includes(status)) {
    const why = statusNode.kind === 'scalar' ? lines.trailingComment(statusNode.end) : undefined;
    return { ignored: { line: lines.line(statusNode.start), name, reason: `status ${status}${why ? ` (${why})` : ''}` } };
  }

  const refs: CoverageRef[] = [];
  const tactics: string[] = [];
  const tags: CoverageRef[] = [];
  let hunting = false;
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
    if (HUNTING_TAG.test(tag)) hunting = true;
    if (TECHNIQUE_TAG.test(tag)) refs.push({ raw: tag, line: lines.line(item.start), id: tag.slice('attack.'.length).toUpperCase() });
    else if (OBJECT_TAG.test(tag)) tags.push({ raw: tag, line: lines.line(item.start) });
    else {
      const tactic = TACTIC_TAG.exec(tag)?.[1];
      if (tactic !== undefined) {
        tactics.push(tactic);
        tags.push({ raw: tag, line: lines.line(item.start) });
      } else if (ATTACK_TAG.test(tag)) {
        // hayabusa-rules' Sec_4720_High_AcctCreated_PossibleHiddenUserAcct.yml wrote attack.11136.001 for T1136.001.
        notes.push({
          line: lines.line(item.start),
          message: `tag "${tag}" is no ATT&CK tag: neither a technique (attack.t1136.001), a tactic (attack.persistence) nor an object (attack.g0007); it is skipped: write the technique as attack.t followed by its ID`,
        });
      }
    }
  }
  if (refs.length === 0) {
    const claim = (ids: readonly string[]) => `tag it ${ids.map((id) => `attack.${id.toLowerCase()}`).join(', ')}`;
    return untaggedRule({ name, line, what: 'ATT&CK technique tag' }, listItems(fields.get('references'), lines), notes, claim);
  }

  const { level, levelReason } = sigmaLevel(status, scalarText(fields.get('level'))?.trim().toLowerCase(), (message) => notes.push({ line, message }), hunting);
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

/**
 * The weight of a rule from its status and level (SIGMA_WEIGHTS), with the reason; unknown values are noted. A
 * threat hunting rule (`hunting`) weighs SIGMA_WEIGHTS.hunting in place of its level.
 */
export function sigmaLevel(
  status: string | undefined,
  level: string | undefined,
  note: (message: string) => void = () => {},
  hunting = false,
): { level: number; levelReason: string } {
  const statusFactor = weightFactor('status', status, SIGMA_WEIGHTS.status, SIGMA_WEIGHTS.missingStatus, note);
  const levelFactor = hunting
    ? { weight: SIGMA_WEIGHTS.hunting, text: 'threat hunting (detection.threat-hunting: a starting point for a hunt)' }
    : weightFactor('level', level, SIGMA_WEIGHTS.level, SIGMA_WEIGHTS.missingLevel, note);
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
  // A correlation rule that names rules the file does not hold fires wherever they do.
  let anywhere = variants.length === 0;
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
