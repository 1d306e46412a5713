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
import { sigmaMailData } from './mail-delivery.js';
import { negatedAt } from './source-platforms.js';
import type { SigmaLogsource } from './sigma-log-sources.js';
import { listItems, scalarText, type LineIndex, type YamlNode } from './yaml-events.js';
import { isNamespacedTechniqueId } from '../attack/technique-id.js';
import { objectTagId } from './object-tag.js';

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
// attack.t1059.001, attack.t1086, attack.t9999: a technique, kept as written for the normalizer; attack.t-1059 too,
// which the review reads as attack.t1059 and says so (resolveCoverage).
const TECHNIQUE_TAG = /^attack\.t-?\d/i;
// attack.execution, attack.defense_evasion (older Sigma spelling), attack.ta0002.
const TACTIC_TAG = /^attack\.([a-z][a-z_-]*|ta\d{4})$/i;

/**
 * Whether a tag names a technique: ATT&CK's (TECHNIQUE_TAG), or one of a team's ATT&CK Workbench organization namespace
 * (`attack.acme-t1000`, `attack.ACME-T1000.001`), which the review counts where the team's data holds it and otherwise
 * says what it is. pySigma reads a tag's namespace up to its first dot (`attack`) and the rest as its name (`acme-t1000`:
 * SigmaHQ/pySigma, sigma/rule/attributes.py, SigmaRuleTag.from_str, commit 0a76bbd164280a1fe7a4ec06aea9432c49d1cd0d);
 * sigma-cli's analyze attack upper-cases that name as the technique (`ACME-T1000`: SigmaHQ/sigma-cli,
 * sigma/analyze/attack.py, calculate_attack_scores, commit 1f5400841969c06160ca7589f67e940419123cae); and pySigma's
 * ATTACKTagValidator accepts it where its ATT&CK data has the ID (sigma/validators/core/tags.py, commit
 * 0649299d1fae562f0d16734fb59ca48ed8e1fe53), data that takes any attack-pattern's `mitre-attack` external_id
 * (sigma/data/mitre_attack_data.py, commit 3240dabc0db4379c5b028cf69d2b2090d8cbc3c8).
 */
function isTechniqueTag(tag: string): boolean {
  return TECHNIQUE_TAG.test(tag) || (ATTACK_TAG.test(tag) && isNamespacedTechniqueId(tag.slice('attack.'.length).toUpperCase()));
}

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
  if (documents.length === 1) return readDocument(firstFields, lines, file);
  const items = documents.map((document) => readDocument(document, lines, file));
  // Documents none of which has a key any rule detects with (Fleet's osquery packs and queries, `kind: pack` then
  // `kind: query`; Kubernetes manifests) make no rule file, as one such document does: the folder walk leaves it out.
  if (items.every((item) => item.noRule === 'yaml')) return items[0]!;
  return { items };
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
  const outcome = withLink(ruleFrom(chosen, ruleDocs, global, file, lines, notes), linkOf(chosen, ruleDocs, global, lines));
  return notes.length > 0 ? { ...outcome, notes } : outcome;
}

/**
 * One document of a file of Sigma rules, as a rule. A correlation rule (`correlation:`) counts for its own tags, status
 * and level; each outcome keeps what a correlation rule may take of it (`sigma`: SigmaLink), and a correlation rule
 * keeps the names it gives in `correlation.rules` for settleCorrelations to find, in its file or the rest of the folder.
 */
function readDocument(document: RuleFields, lines: LineIndex, file: string): RuleOutcome {
  const { fields } = document;
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length > 0 ? { ...outcome, notes } : outcome);
  if (fields.has('title') && fields.has('detection')) {
    return withLink(withNotes(ruleFrom(document, [document], undefined, file, lines, notes)), linkOf(document, [document], undefined, lines));
  }
  if (scalarText(fields.get('title')) !== undefined && fields.has('correlation')) {
    const generate = generates(document, lines, notes);
    const names = correlationNames(document, lines);
    // The rule as it would be with the techniques of the rules it names (`draft`, with its notes) is kept for a
    // correlation that has no technique tag of its own.
    const draftNotes = [...notes];
    const draft = names.length ? ruleFrom(document, [], undefined, file, lines, draftNotes, true) : undefined;
    const outcome = withNotes(ruleFrom(document, [], undefined, file, lines, notes));
    // Until settleCorrelations finds the rules it names, it has no platform (logsources says any for no variant).
    return withLink(outcome, {
      ...linkOf(document, [], undefined, lines),
      platforms: [],
      correlation: { title: scalarText(fields.get('title'))!, line: document.line, generate, unresolved: names, ...(draft && 'rule' in draft ? { draft: draft.rule, draftNotes } : {}) },
    });
  }
  return notARule(document);
}

/**
 * What a correlation rule may take of a Sigma document it names, in this file or another (settleCorrelations): the
 * names it is named by, where it fires (absent: any platform), its data sources and technique and tactic tags. A
 * correlation rule's also says what it outputs and the names it gives.
 */
export interface SigmaLink {
  names: string[];
  platforms?: string[];
  dataSources: string[];
  /** Its logsources as written (a correlation's: those of the rules it names). */
  logsources: SigmaLogsource[];
  refs: CoverageRef[];
  tactics: string[];
  correlation?: {
    title: string;
    line: number;
    /** Whether the rules it names raise alerts of their own as well (`generate: true`). */
    generate: boolean;
    /** The names in `correlation.rules`, with the lines naming them. */
    unresolved: { name: string; line: number }[];
    /** The rule it counts as, technique tags aside, when it has no technique tag of its own, and its notes. */
    draft?: CoverageRule;
    draftNotes?: Omit<CoverageProblem, 'file' | 'skipped'>[];
  };
}

function linkOf(document: RuleFields, variants: RuleFields[], global: RuleFields | undefined, lines: LineIndex): SigmaLink {
  const { platforms, dataSources, written } = logsources(variants, global);
  const { refs, tactics } = ruleTags(document.fields, lines, []);
  return { names: ruleNames(document), ...(platforms ? { platforms } : {}), dataSources, logsources: written, refs: refs.map(({ raw, id }) => ({ raw, ...(id ? { id } : {}) })), tactics };
}

function withLink(outcome: RuleOutcome, link: SigmaLink): RuleOutcome {
  return { ...outcome, sigma: link };
}

/** The names a correlation rule gives in `correlation.rules` (an `id` or `name` each), with their lines. */
function correlationNames(document: RuleFields, lines: LineIndex): { name: string; line: number }[] {
  const correlation = document.fields.get('correlation');
  return correlation?.kind === 'map' ? listItems(correlation.pairs.get('rules'), lines).map((item) => ({ name: item.text.trim(), line: item.line })) : [];
}

/** The `id` and `name` a correlation rule may name a rule by. */
function ruleNames(document: RuleFields): string[] {
  return ['id', 'name'].flatMap((key) => scalarText(document.fields.get(key))?.trim() ?? []);
}

// The booleans of PyYAML (YAML 1.1), which pySigma reads rules with: `generate: yes` is true there, as `generate: true`.
const YAML_TRUE = /^(?:true|True|TRUE|yes|Yes|YES|on|On|ON)$/;
const YAML_FALSE = /^(?:false|False|FALSE|no|No|NO|off|Off|OFF)$/;

/**
 * Whether a correlation rule outputs the rules it names as well (`generate: true`). pySigma reads `generate` in the
 * correlation section; the specification's schema (sigma-correlation-rules-schema.json, 2.0.1) places it at the top
 * level, beside `level`: both are read, the top-level one noted, as is a value that is no boolean PyYAML reads.
 */
function generates(document: RuleFields, lines: LineIndex, notes: Omit<CoverageProblem, 'file' | 'skipped'>[]): boolean {
  const correlation = document.fields.get('correlation');
  const inner = correlation?.kind === 'map' ? correlation.pairs.get('generate') : undefined;
  const node = inner ?? document.fields.get('generate');
  if (!node) return false;
  const value = scalarText(node)?.trim() ?? '';
  const at = lines.place(node.start);
  const on = YAML_TRUE.test(value);
  if (!on && !YAML_FALSE.test(value)) {
    notes.push({ ...at, message: `"generate: ${scalarText(node) ?? '…'}" is not true or false; read as false (the rules it names raise no alert of their own)` });
    return false;
  }
  if (!inner) {
    notes.push({
      ...at,
      message: `"generate: ${value}" is read at the top level, where the Sigma specification places it; pySigma reads it only under "correlation:", and converted with pySigma the rules it names raise ${on ? 'no alert of their own' : 'no alert of their own either'}: move it under "correlation:"`,
    });
  }
  return on;
}

// A UUID as Python's uuid.UUID reads it: 32 hex digits, hyphens anywhere, in braces or after `urn:uuid:`.
const UUID_TEXT = /^(?:urn:)?(?:uuid:)?\{*([0-9a-f-]+)\}*$/i;

/**
 * What a Sigma rule reference (an `id` or `name`, or a name in `correlation.rules`) is compared by: a UUID in its
 * canonical lower-case form, as pySigma looks a reference that reads as a UUID up among rule ids (uuid.UUID objects:
 * `AB1ACCC0-…` is `ab1accc0-…`), any other text as written.
 */
export function sigmaRefKey(text: string): string {
  const hex = UUID_TEXT.exec(text)?.[1]?.replaceAll('-', '').toLowerCase();
  if (hex?.length !== 32) return text;
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** Technique references, without repeats (by ID, else as written). */
function mergeRefs(...lists: readonly CoverageRef[][]): CoverageRef[] {
  const seen = new Set<string>();
  return lists.flat().filter((ref) => {
    const key = ref.id ?? ref.raw;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A folder's (or one file's) outcomes with each Sigma correlation rule settled against the rules of its own file and
 * every other file (pySigma resolves `correlation.rules` over the whole collection it reads): the correlation
 * takes the platforms, data sources and (with no technique tag of its own) the technique and tactic tags of the rules
 * it finds, a correlation it finds followed to its own. Each rule it names, a correlation rule as well as a detection
 * rule, is ignored, saying which correlation counts for it (its line, in the same file), unless the correlation says
 * `generate: true`: pySigma disables the output of every rule a correlation names (SigmaCorrelationRule.
 * resolve_rule_references), so only the outermost correlation of a chain raises an alert. A rule several correlations
 * name is said to be of the nearest one (a correlation's rules are settled before it claims its own). A name no rule
 * read has is noted, and the correlation counts on every platform. A name several rules read have (copies of one `id`
 * are settled before: oneSigmaRulePerId) is taken from the last read, as pySigma's lookup keeps the last rule it loads
 * under a name, with a note on the line naming it that lists them all.
 */
export function settleCorrelations<T extends { file: string; outcome: RuleFileOutcome }>(read: readonly T[]): readonly T[] {
  type Entry = { file: string; item: RuleOutcome; link: SigmaLink };
  type Note = Omit<CoverageProblem, 'file' | 'skipped'>;
  // Every document of each name, in the order read: the last is the one a correlation takes.
  const byName = new Map<string, Entry[]>();
  const open: Entry[] = [];
  for (const { file, outcome } of read) {
    for (const item of 'items' in outcome ? outcome.items : [outcome]) {
      const link = item.sigma;
      if (!link) continue;
      for (const name of new Set(link.names.map(sigmaRefKey))) byName.set(name, [...(byName.get(name) ?? []), { file, item, link }]);
      if (link.correlation?.unresolved.length) open.push({ file, item, link });
    }
  }
  if (open.length === 0) return read;
  const placeOf = ({ file, item }: Entry): string => {
    const line = 'rule' in item ? item.rule.line : 'ignored' in item ? item.ignored.line : item.invalid.line;
    return `${file}${line !== undefined ? `:${line}` : ''}`;
  };
  // The correlation that counts for each rule named without "generate: true": the first to claim it.
  const claims = new Map<RuleOutcome, { title: string; line: number; file: string; namedFile: string }>();
  const settled = new Map<SigmaLink, { link: SigmaLink; missing: string[]; shared: Note[] }>();
  const settle = (entry: Entry, seen: Set<SigmaLink>): { link: SigmaLink; missing: string[]; shared: Note[] } => {
    const { link } = entry;
    const done = settled.get(link);
    if (done) return done;
    const correlation = link.correlation;
    if (!correlation?.unresolved.length || seen.has(link)) return { link, missing: [], shared: [] };
    seen.add(link);
    const found: { entry: Entry; link: SigmaLink; line: number }[] = [];
    const missing: string[] = [];
    const shared: Note[] = [];
    for (const { name, line } of correlation.unresolved) {
      const all = byName.get(sigmaRefKey(name));
      const named = all?.[all.length - 1];
      if (!named) {
        missing.push(name);
        continue;
      }
      if (all.length > 1) {
        shared.push({
          line,
          message:
            `"${name}" is the id or name of ${all.length} rules read (${all.map(placeOf).join(', ')}); the correlation takes the last read, ${placeOf(named)}, ` +
            'as pySigma does (files are read depth first, names by code point): give each rule a name of its own',
        });
      }
      const result = settle(named, seen);
      missing.push(...result.missing);
      found.push({ entry: named, link: result.link, line });
    }
    // Claimed after its rules are settled, so a rule two correlations of a chain name is the nearer one's.
    if (!correlation.generate) {
      for (const { entry: named } of found) {
        if (!claims.has(named.item)) claims.set(named.item, { title: correlation.title, line: correlation.line, file: entry.file, namedFile: named.file });
      }
    }
    const anywhere = !link.platforms || missing.length > 0 || found.some(({ link: named }) => !named.platforms);
    const platforms = anywhere ? undefined : [...new Set([...link.platforms!, ...found.flatMap(({ link: named }) => named.platforms!)])];
    // Each technique taken is placed on the line of the name that brought it.
    const tags = { refs: mergeRefs(...found.map(({ link: named, line }) => named.refs.map(({ raw, id }) => ({ raw, line, ...(id ? { id } : {}) })))), tactics: [...new Set(found.flatMap(({ link: named }) => named.tactics))] };
    const result = {
      link: {
        ...link,
        ...(platforms ? { platforms } : {}),
        dataSources: [...new Set([...link.dataSources, ...found.flatMap(({ link: named }) => named.dataSources)])],
        logsources: [...link.logsources, ...found.flatMap(({ link: named }) => named.logsources)],
        refs: mergeRefs(link.refs, tags.refs),
        tactics: [...new Set([...link.tactics, ...tags.tactics])],
      },
      missing,
      shared,
    };
    if (anywhere) delete result.link.platforms;
    settled.set(link, result);
    return result;
  };
  for (const entry of open) settle(entry, new Set());
  const replaced = new Map<RuleOutcome, RuleOutcome>();
  // The notes a correlation keeps whether it counts or is claimed by another (its rules' technique note aside).
  const ownNotes = new Map<RuleOutcome, Note[]>();
  for (const entry of open) {
    const { link, missing, shared } = settle(entry, new Set());
    const { item } = entry;
    const correlation = link.correlation!;
    // A correlation with no technique tag of its own counts as its draft, with the draft's notes, for those of its rules.
    const borrows = 'ignored' in item && correlation.draft !== undefined && link.refs.length > 0;
    const notes = [...((borrows ? correlation.draftNotes : item.notes) ?? []), ...shared];
    if (missing.length > 0) {
      notes.push({
        line: correlation.line,
        message: `correlation rule names ${missing.map((name) => `"${name}"`).join(', ')}, which no rule read has as its id or name; it counts on every platform: read the folder that holds ${missing.length === 1 ? 'that rule' : 'those rules'} with it`,
      });
    }
    ownNotes.set(item, [...notes]);
    const place = (rule: CoverageRule): CoverageRule => {
      const { platforms: _platforms, dataSources: _dataSources, ...rest } = rule;
      return {
        ...rest,
        ...(link.platforms ? { platforms: link.platforms } : {}),
        ...(link.dataSources.length ? { dataSources: link.dataSources } : {}),
        ...(rest.sigma ? { sigma: { ...rest.sigma, logsources: link.logsources } } : {}),
      };
    };
    let outcome: RuleOutcome = item;
    if ('rule' in item) outcome = { ...item, rule: place(item.rule) };
    else if (borrows) {
      const ids = link.refs.map((ref) => ref.id ?? ref.raw);
      notes.push({ line: correlation.line, message: `no technique tag of its own: it counts for those of the rules it names, ${ids.join(', ')}` });
      const { ignored: _ignored, ...rest } = item;
      const rule = place({ ...correlation.draft!, refs: link.refs });
      if (link.tactics.length && !rule.tactics) rule.tactics = link.tactics;
      outcome = { ...rest, rule };
    }
    replaced.set(item, notes.length ? { ...outcome, notes } : outcome);
  }
  // A rule a correlation names raises no alert of its own: one that counts is ignored for the correlation, and so is
  // one of the correlation's own file ignored for a reason of its own (no technique tag).
  for (const [item, by] of claims) {
    const counted = replaced.get(item) ?? item;
    const sameFile = by.namedFile === by.file;
    const shown = 'rule' in counted ? counted.rule : 'ignored' in counted && sameFile ? counted.ignored : undefined;
    if (!shown) continue;
    const notes = ownNotes.get(item) ?? counted.notes ?? [];
    replaced.set(item, {
      ignored: {
        ...(shown.line !== undefined ? { line: shown.line } : {}),
        name: shown.name ?? '',
        reason: `a rule of correlation rule "${by.title}" (${sameFile ? 'line ' : `${by.file}:`}${by.line}), which counts for it: without "generate: true" it raises no alert of its own`,
      },
      ...(notes.length ? { notes } : {}),
    });
  }
  const replace = (item: RuleOutcome): RuleOutcome => replaced.get(item) ?? item;
  return read.map((entry) => ({ ...entry, outcome: 'items' in entry.outcome ? { ...entry.outcome, items: entry.outcome.items.map(replace) } : replace(entry.outcome) }));
}

// The keys by which Sublime Security rules classify themselves, in Sublime's taxonomy.
const SUBLIME_KEYS = ['tactics_and_techniques', 'attack_types', 'detection_methods'];

/** Why a Sublime Security rule gives no coverage here: its taxonomy is Sublime's, not ATT&CK's. */
export const SUBLIME_RULE =
  'a Sublime Security rule: its tactics_and_techniques and attack_types are Sublime\'s own names ("Scripting", "Social engineering"), ' +
  'not ATT&CK techniques, so it says no technique it detects; list the techniques such rules detect in a detections file (name, techniques)';

// The keys a rule detects with, in any YAML format read: Sigma's (a correlation's too), Splunk's and Sentinel's.
const RULE_BODY_KEYS = ['detection', 'logsource', 'correlation', 'search', 'query'];

/** The top-level keys of a campaign file that, beside `techniques`, tell it from a rule of any format. */
const CAMPAIGN_KEYS = ['name', 'actor', 'attack_version'];

/**
 * Whether a YAML rule's top fields are a Sublime Security rule's (sublime-security/sublime-rules' detection-rules/*.yml:
 * an email rule in MQL, `source`, `type: "rule"`, named by Sublime's own taxonomy, `tactics_and_techniques: ["Scripting"]`,
 * `attack_types`, which maps to no ATT&CK ID).
 */
export function isSublimeRule(fields: ReadonlyMap<string, YamlNode>): boolean {
  return fields.has('source') && scalarText(fields.get('type'))?.trim().toLowerCase() === 'rule' && SUBLIME_KEYS.some((key) => fields.has(key));
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
  // A Sublime rule is a rule, deployed and alerting, that names no ATT&CK technique: ignored saying why, as a Splunk
  // baseline is; a folder leaves it out in one note (NoRuleKind), and one given alone is its one ignored rule. Its
  // format is none of those read: `rules`.
  if (isSublimeRule(fields)) {
    const name = scalarText(fields.get('name'));
    return { ignored: { line, ...(name ? { name } : {}), reason: SUBLIME_RULE }, noRule: 'sublime', format: 'rules' };
  }
  const missing = ['title', 'detection', 'logsource'].filter((key) => !fields.has(key));
  // With none of the keys a rule of any format detects with, the file is no rule at all (a Splunk story, macro or
  // lookup, a Sentinel parser, a configuration): a folder walk leaves it out (NoRuleKind).
  const bodyless = RULE_BODY_KEYS.every((key) => !fields.has(key));
  // A campaign file (`techniques` beside its `name`, `actor` or `attack_version`) given as coverage: a folder of them
  // (`--coverage campaigns`) was said to hold YAML with no rule of any format, and nothing said where it goes.
  if (bodyless && fields.has('techniques') && CAMPAIGN_KEYS.some((key) => fields.has(key))) {
    return { invalid: { line, message: notARuleMessage('campaign') }, noRule: 'campaign' };
  }
  const noRule = bodyless ? { noRule: 'yaml' as const } : {};
  // A Splunk story or macro, a Sentinel workbook or parser: named, but neither format's rule.
  if (fields.has('name') && !fields.has('title')) {
    return { invalid: { line, message: 'not a detection rule: a Sigma rule has "title", "logsource" and "detection", a Splunk detection "name" and "search", a Sentinel rule "name" and "query"' }, ...noRule };
  }
  return { invalid: { line, message: `not a Sigma rule: missing ${missing.map((key) => `"${key}"`).join(', ')}` }, ...noRule };
}

function ruleFrom(
  chosen: RuleFields,
  variants: RuleFields[],
  global: RuleFields | undefined,
  file: string,
  lines: LineIndex,
  notes: Omit<CoverageProblem, 'file' | 'skipped'>[],
  keepUntagged = false,
): RuleOutcome {
  const { fields } = chosen;
  const titleNode = fields.get('title');
  const name = scalarText(titleNode);
  const line = titleNode ? lines.line(titleNode.start) : chosen.line;
  if (name === undefined || name.trim() === '') return { invalid: { ...(titleNode ? lines.place(titleNode.start) : { line }), message: 'not a Sigma rule: "title" is not text' } };
  if (!fields.has('logsource') && !fields.has('correlation')) return { invalid: { line: chosen.line, message: 'not a Sigma rule: missing "logsource"' } };

  const statusNode = fields.get('status');
  const status = scalarText(statusNode)?.trim().toLowerCase();
  if (status !== undefined && statusNode && SIGMA_IGNORED_STATUSES.includes(status)) {
    const why = statusNode.kind === 'scalar' ? lines.trailingComment(statusNode.end) : undefined;
    return { ignored: { line: lines.line(statusNode.start), name, reason: `status ${status}${why ? ` (${why})` : ''}` } };
  }

  const { refs, tactics, tags, objects, hunting } = ruleTags(fields, lines, notes);
  if (refs.length === 0 && !keepUntagged) {
    const claim = (ids: readonly string[]) => `tag it ${ids.map((id) => `attack.${id.toLowerCase()}`).join(', ')}`;
    const tacticTags = tags.filter((tag) => objectTagId(tag.raw) === undefined).map((tag) => tag.raw);
    return untaggedRule({ name, line, what: 'ATT&CK technique tag', tactics: tacticTags, objects }, listItems(fields.get('references'), lines), notes, claim);
  }

  const written = scalarText(fields.get('level'))?.trim().toLowerCase();
  // A note on an unknown status or level is at that field, the rule's first line when the field is missing.
  const fieldPlace = (field: 'status' | 'level') => {
    const node = fields.get(field);
    return node ? lines.place(node.start) : { line };
  };
  const { level, levelReason } = sigmaLevel(status, written, (message, field) => notes.push({ ...fieldPlace(field), message }), hunting);
  const rule: CoverageRule = { kind: 'sigma', name, file, line, refs, level, levelReason };
  const id = scalarText(fields.get('id'));
  if (id !== undefined) rule.id = id;
  if (tactics.length > 0) rule.tactics = tactics;
  if (tags.length > 0) rule.tags = tags;
  const { platforms, dataSources, unknownProducts, written: sources } = logsources(variants, global);
  if (platforms) rule.platforms = platforms;
  if (dataSources.length > 0) rule.dataSources = dataSources;
  const mailData = [...new Set(variants.flatMap((variant, i) => sigmaMailData(sources[i]!, detectionOperations(variant.fields.get('detection')))))];
  if (mailData.length) rule.mailData = mailData;
  rule.sigma = { ...(status !== undefined ? { status } : {}), ...(written !== undefined ? { level: written } : {}), logsources: sources };
  for (const [product, node] of unknownProducts) {
    // At the product itself, as a tag's note is at the tag: the line a detection engineer changes.
    notes.push({ ...(node ? lines.place(node.start) : { line }), message: `logsource product "${product}" has no ATT&CK platform in the table; the rule counts for every platform` });
  }
  return { rule };
}

/**
 * A rule's tags: technique references, tactics as written, the ATT&CK tags that are no technique (tactics, groups,
 * software), those of ATT&CK objects alone (`objects`: groups, software, campaigns, mitigations, data sources, MITRE's or a
 * team's: `objectTagId`) and
 * whether it is a threat hunting rule; a tag of no ATT&CK shape is noted.
 */
export function ruleTags(
  fields: Map<string, YamlNode>,
  lines: LineIndex,
  notes: Omit<CoverageProblem, 'file' | 'skipped'>[],
): { refs: CoverageRef[]; tactics: string[]; tags: CoverageRef[]; objects: string[]; hunting: boolean } {
  const refs: CoverageRef[] = [];
  const tactics: string[] = [];
  const tags: CoverageRef[] = [];
  let hunting = false;
  const tagsNode = fields.get('tags');
  if (tagsNode && tagsNode.kind !== 'seq' && !(tagsNode.kind === 'scalar' && tagsNode.text === null)) {
    notes.push({ ...lines.place(tagsNode.start), message: '"tags" is not a list; no techniques read from it' });
  }
  for (const item of tagsNode?.kind === 'seq' ? tagsNode.items : []) {
    const tag = item.kind === 'scalar' ? item.text?.trim() : undefined;
    // Each tag's line and column: a note, an unresolved tag and a tactic tag's note name the tag itself.
    const at = lines.place(item.start);
    if (tag === undefined) {
      notes.push({ ...at, message: 'a tag is not text; it is skipped' });
      continue;
    }
    if (HUNTING_TAG.test(tag)) hunting = true;
    if (isTechniqueTag(tag)) {
      const id = tag.slice('attack.'.length).toUpperCase();
      const first = refs.find((ref) => ref.id === id);
      // pySigma's sigma check reports a repeated tag (DuplicateTagIssue); sigma analyze attack counts the rule once per tag.
      if (first) {
        notes.push({
          ...at,
          message: `tag "${tag}" names ${id} again (first at line ${first.line}): the rule counts once for it, where sigma-cli's analyze attack counts it again for each repeat; delete the repeat`,
        });
      } else refs.push({ raw: tag, ...at, id });
    } else if (objectTagId(tag) !== undefined) tags.push({ raw: tag, ...at });
    else {
      const tactic = TACTIC_TAG.exec(tag)?.[1];
      if (tactic !== undefined) {
        tactics.push(tactic);
        tags.push({ raw: tag, ...at });
      } else if (ATTACK_TAG.test(tag)) {
        // hayabusa-rules' Sec_4720_High_AcctCreated_PossibleHiddenUserAcct.yml wrote attack.11136.001 for T1136.001.
        notes.push({
          ...at,
          message: `tag "${tag}" is no ATT&CK tag: neither a technique (attack.t1136.001), a tactic (attack.persistence) nor an object (attack.g0007); it is skipped: write the technique as attack.t followed by its ID`,
        });
      }
    }
  }
  const objects = tags.filter((tag) => objectTagId(tag.raw) !== undefined).map((tag) => tag.raw);
  return { refs, tactics, tags, objects, hunting };
}

/**
 * The weight of a rule from its status and level (SIGMA_WEIGHTS), with the reason; unknown values are noted. A
 * threat hunting rule (`hunting`) weighs SIGMA_WEIGHTS.hunting in place of its level.
 */
export function sigmaLevel(
  status: string | undefined,
  level: string | undefined,
  note: (message: string, field: 'status' | 'level') => void = () => {},
  hunting = false,
): { level: number; levelReason: string } {
  const statusFactor = weightFactor('status', status, SIGMA_WEIGHTS.status, SIGMA_WEIGHTS.missingStatus, (message) => note(message, 'status'));
  const levelFactor = hunting
    ? { weight: SIGMA_WEIGHTS.hunting, text: 'threat hunting (detection.threat-hunting: a starting point for a hunt)' }
    : weightFactor('level', level, SIGMA_WEIGHTS.level, SIGMA_WEIGHTS.missingLevel, (message) => note(message, 'level'));
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
): { platforms?: string[]; dataSources: string[]; unknownProducts: Map<string, YamlNode | undefined>; written: SigmaLogsource[] } {
  const written: SigmaLogsource[] = [];
  const platforms = new Set<string>();
  const dataSources = new Set<string>();
  // Per product no platform maps, its first `product:` value (the document's own, else the collection's global one).
  const unknownProducts = new Map<string, YamlNode | undefined>();
  // A correlation rule has no variant of its own: it fires wherever the rules settleCorrelations finds for it do.
  let anywhere = variants.length === 0;
  for (const variant of variants) {
    // In a collection the global logsource and the document's own are merged, key by key.
    const logsource = { ...scalarFields(global?.fields.get('logsource')), ...scalarFields(variant.fields.get('logsource')) };
    const mapped = logsourcePlatforms(logsource);
    const { product, category, service } = logsource;
    written.push({ ...(product !== undefined ? { product } : {}), ...(category !== undefined ? { category } : {}), ...(service !== undefined ? { service } : {}) });
    if (mapped.unknownProduct && !unknownProducts.has(mapped.unknownProduct)) {
      unknownProducts.set(mapped.unknownProduct, productNode(variant.fields.get('logsource')) ?? productNode(global?.fields.get('logsource')));
    }
    if (!mapped.platforms.length) anywhere = true;
    for (const platform of mapped.platforms) platforms.add(platform);
    for (const source of [logsource['category'], logsource['service']]) if (source !== undefined) dataSources.add(source);
  }
  return { ...(anywhere ? {} : { platforms: [...platforms] }), dataSources: [...dataSources], unknownProducts, written };
}

/**
 * The values a detection's selections give the field `Operation` (`Operation: 'TIMailData'`, `Operation|contains:`, a
 * list of them): what a Microsoft 365 audit rule asks of its feed (sigmaMailData). Not those of a selection its condition
 * only negates (`selection and not filter`, `not 1 of filter_*`), whose events the rule leaves out.
 */
function detectionOperations(detection: YamlNode | undefined): string[] {
  if (detection?.kind !== 'map') return [];
  const conditionNode = detection.pairs.get('condition');
  const conditions = (conditionNode?.kind === 'seq' ? conditionNode.items : [conditionNode]).flatMap((node) => scalarText(node) ?? []);
  return [...detection.pairs]
    .filter(([name]) => name !== 'condition' && !onlyNegated(name, conditions))
    .flatMap(([, selection]) =>
      selection.kind !== 'map'
        ? []
        : [...selection.pairs].filter(([key]) => key.split('|')[0]!.trim().toLowerCase() === 'operation').flatMap(([, value]) => (value.kind === 'seq' ? value.items : [value]).flatMap((item) => scalarText(item) ?? [])),
    );
}

// A condition's reference to selections: a name (`filter`), or a quantifier of a pattern of names (`1 of filter_*`, `all of them`).
const CONDITION_REFERENCE = /(?:\b(?:1|all|any)\s+of\s+)?([\w*]+)/gi;

/** Whether Sigma's `conditions` name the selection `name`, and only negated (negatedAt: `not filter`, `not (a or b)`). */
function onlyNegated(name: string, conditions: readonly string[]): boolean {
  const mentions = conditions.flatMap((condition) =>
    [...condition.matchAll(CONDITION_REFERENCE)]
      .filter(([, ref]) => ref === 'them' || ref === name || (ref!.includes('*') && new RegExp(`^${ref!.replace(/\*/g, '\\w*')}$`).test(name)))
      .map((match) => negatedAt(condition, match.index)),
  );
  return mentions.length > 0 && mentions.every(Boolean);
}

/** A logsource's `product` value, when it writes one. */
function productNode(node: YamlNode | undefined): YamlNode | undefined {
  return node?.kind === 'map' ? node.pairs.get('product') : undefined;
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
