/**
 * A detections file's fields as teams name them: a CSV header cell or a YAML/JSON key that is no field of
 * `schemas/detections.schema.json` but has one obvious meaning (`technique_id`, `mitre_attack`, `TTPs`, `Rule Name`,
 * `Coverage Level`, Sigma-style `tags: [attack.t1059.001]`) is read as that field; one whose meaning is doubtful
 * (`score`, `level`: on which scale?) is said, never guessed. Inventories these come from: trevor050/ulmcode
 * `…/k12-detection-engineering/references/detection-coverage-matrix.md` (technique_id, technique_name,
 * coverage_state, primary_rule_ids, telemetry_sources), samfajobi/SOC-incident-triage-playbook-by-Fajobi
 * `mitre-att&ck-mapping.md` (Technique ID, Technique Name), TonyPhipps/SIEM `Matrix/Detection-and-Compliance-Matrix.md`
 * (Signatures: Name, Severity, Fidelity, Attack Techniques), mukul975/Anthropic-Cybersecurity-Skills skill files
 * (`mitre_attack: [T1059.001, T1003.001]`), SigmaHQ rules (`tags: [attack.t1059.001]`).
 */
import { canonicalTechniqueId } from '../attack/technique-id.js';

/** A detections file's fields (CSV columns, YAML keys); `name` and `techniques` are required in CSV. */
export const DETECTION_COLUMNS: readonly string[] = ['name', 'id', 'techniques', 'coverage', 'platforms', 'data_sources', 'comment'];

/** A header cell or key as a field name: case aside, spaces and hyphens as `_`. */
export const csvColumn = (cell: string): string => cell.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Words of a header that say whose ID or name a column holds: ATT&CK's (qualifiers of a technique column). */
const ATTACK_WORDS = new Set(['mitre', 'attck', 'attack', 'enterprise']);
/** Words that name a technique column's subject (`Technique ID`, `TTPs`, `Sub-techniques`). */
const TECHNIQUE_WORDS = new Set(['technique', 'techniques', 'subtechnique', 'subtechniques', 'sub', 'ttp', 'ttps']);
/** Words that name what a detections file lists (`Rule Name`, `detection`, `Use Case`, `Alert Title`). */
const DETECTION_WORDS = new Set(['rule', 'detection', 'alert', 'analytic', 'search', 'query', 'signature', 'use', 'case', 'usecase']);
/** Words that qualify a coverage column (`Coverage Level`, `coverage_score`, `Detection Coverage %`). */
const COVERAGE_WORDS = new Set(['coverage', 'level', 'score', 'state', 'percent', 'percentage', 'pct', 'detection', 'rule']);

/** Fields whose scale is not said, so not read as coverage: a Sigma `level` is severity, a DeTT&CT `score` is 0-5. */
const DOUBTFUL: Readonly<Record<string, string>> = {
  score: 'its scale is not said (a DeTT&CT score is 0-5, a percentage 0-100)',
  level: 'its scale is not said (a Sigma level is a severity, not coverage)',
};

/** How the refusal of a header says what else is read as each required column. */
export const SYNONYMS_SAID: Readonly<Record<string, string>> = {
  name: 'or rule, detection, alert, analytic, use case or signature, with or without "name" or "title"; search name, query name or title',
  techniques: 'or technique, technique_id, TTPs, MITRE ATT&CK ID and the like',
};

/**
 * The field a header cell or key that is no field name means, by its words (case, punctuation and `&` aside):
 * technique words, with ATT&CK words or `id` and nothing else, are `techniques` (`technique_id`, `MITRE Technique`,
 * `TTPs`), and so are ATT&CK words alone or with `id` (`MITRE ATT&CK ID`, Splunk's `mitre_attack_id`); detection
 * words with `id` are `id` (`rule_id`), with `name` or `title` or alone `name` (`Rule Name`, `detection`); `title` is
 * `name`; `coverage` with qualifiers is `coverage` (`Coverage Level`); a singular is its plural (`platform`, `data
 * source`). Undefined for anything else: `technique_name` or `tactic` are not what a detections file reads.
 */
export function columnSynonym(cell: string): string | undefined {
  const words = cell.toLowerCase().replace(/&/g, '').split(/[^a-z0-9]+/).filter((word) => word !== '');
  const rest = words.filter((word) => !ATTACK_WORDS.has(word));
  const only = (allowed: ReadonlySet<string>, extra: readonly string[]) => rest.every((word) => allowed.has(word) || extra.includes(word));
  const has = (set: ReadonlySet<string>) => rest.some((word) => set.has(word));
  if (has(TECHNIQUE_WORDS) && only(TECHNIQUE_WORDS, ['id', 'ids'])) return 'techniques';
  if (words.length > rest.length && only(new Set(), ['id', 'ids'])) return 'techniques';
  if (words.length > rest.length) return undefined;
  if (rest.includes('coverage') && only(COVERAGE_WORDS, [])) return 'coverage';
  if (has(DETECTION_WORDS) && only(DETECTION_WORDS, ['id']) && rest.includes('id')) return 'id';
  // A `search` or `query` column alone holds the query itself (a Splunk export's `search`), not its name.
  if (has(DETECTION_WORDS) && only(DETECTION_WORDS, ['name', 'title']) && (rest.length > 1 || !['search', 'query'].includes(rest[0]!))) return 'name';
  const joined = rest.join('_');
  return ({ title: 'name', platform: 'platforms', data_source: 'data_sources', datasource: 'data_sources', datasources: 'data_sources' } as Record<string, string>)[joined];
}

/** Why a header cell or key is not read as coverage though it may be one (`score`, `level`), and what to write. */
export function doubtfulCoverage(cell: string): string | undefined {
  const column = csvColumn(cell);
  const why = Object.hasOwn(DOUBTFUL, column) ? DOUBTFUL[column] : undefined;
  return why && `"${cell.trim()}" is not read: ${why}; if it says how well the detection covers its techniques, name it coverage (a number 0-100 or none, low, medium, high)`;
}

/** A detection of a YAML or JSON file read in the schema's field names, with what each field was written as. */
export interface AliasedDetection {
  /** The detection in the schema's names; keys that name no field are kept as written, for the schema to say. */
  item: Record<string, unknown>;
  /** Each field read from another key: the key as written. */
  writtenAs: Record<string, string>;
  /** Fields that conflict, or whose meaning is doubtful: each leaves the detection out, saying what to write. */
  problems: { key: string; message: string }[];
  /** Keys not read, as ATT&CK says what they say: the name or tactic of a technique whose ID is read (ABOUT_TECHNIQUE). */
  notRead: string[];
}

/**
 * Keys that say what ATT&CK says of a detection's techniques, their name or tactic (`technique_name`, `tactic`,
 * `mitre_tactics`), written beside the IDs as ulmcode's and Fajobi's tables write them; a technique's name alone is
 * the reference to read.
 */
const ABOUT_TECHNIQUE = /^(?:(?:mitre|attack)_)*(?:(technique_names?)|tactics?|tactic_ids?|tactic_names?)$/;

/**
 * A YAML or JSON detection's fields in the schema's names: a key is its field in any case (`Name`), or as its words
 * mean (columnSynonym: `technique_id`, `mitre_attack`, `ttps`, `rule_name`); Sigma-style `tags` give the techniques
 * their `attack.t…` entries (or technique IDs) name, the other tags being no field here. Two keys of one field that
 * say the same are read as one; that differ, a problem naming both. `score` and `level` are problems (doubtfulCoverage).
 */
export function aliasDetectionFields(detection: Record<string, unknown>): AliasedDetection {
  const keysOf = new Map<string, string[]>();
  // Entries, made an object at the end: Object.fromEntries keeps a key `__proto__` a field (for the schema to say).
  const entries: [string, unknown][] = [];
  const problems: AliasedDetection['problems'] = [];
  const notRead: string[] = [];
  const fieldOf = (key: string): string | undefined => {
    const column = csvColumn(key);
    const tags = column === 'tags' && tagTechniques(detection[key]) !== undefined;
    return DETECTION_COLUMNS.includes(key) ? key : DETECTION_COLUMNS.includes(column) ? column : tags ? 'techniques' : columnSynonym(key);
  };
  const keys = Object.keys(detection);
  const hasTechniques = keys.some((key) => fieldOf(key) === 'techniques');
  for (const key of keys) {
    const about = ABOUT_TECHNIQUE.exec(csvColumn(key));
    const field = about?.[1] && !hasTechniques ? 'techniques' : fieldOf(key);
    const doubt = field === undefined ? doubtfulCoverage(key) : undefined;
    if (doubt !== undefined) problems.push({ key, message: `field ${doubt}` });
    else if (field === undefined && about) notRead.push(key);
    else if (field === undefined) entries.push([key, detection[key]]);
    else keysOf.set(field, [...(keysOf.get(field) ?? []), key]);
  }
  const writtenAs: Record<string, string> = {};
  for (const [field, keys] of keysOf) {
    const values = keys.map((key) => (csvColumn(key) === 'tags' && field === 'techniques' ? tagTechniques(detection[key])! : detection[key]));
    const said = values.map((value) => sameness(field, value));
    if (new Set(said).size > 1) {
      const both = keys.map((key, index) => `${key} (${said[index]})`).join(' and ');
      problems.push({ key: keys[1]!, message: `${both} both give ${field} and differ; write one ${field} field` });
      continue;
    }
    const chosen = keys.includes(field) ? keys.indexOf(field) : 0;
    entries.push([field, values[chosen]]);
    if (keys[chosen] !== field) writtenAs[field] = keys[chosen]!;
  }
  return { item: Object.fromEntries(entries), writtenAs, problems, notRead };
}

/**
 * Whether a mapping reads as a detection by its keys alone, as a bare JSON list's items are told: a name and techniques,
 * as written or as aliasDetectionFields reads them (`technique_id`, `rule_name`), and no key of anything else. A key of
 * no detection field, or a technique's tactic (`[{ name, technique_id, tactic }]`, where the name may be the
 * technique's), leaves the list to other kinds: an actor's techniques are written so.
 */
export function readsAsDetection(item: Record<string, unknown>): boolean {
  const { item: fields, notRead } = aliasDetectionFields(item);
  const keys = Object.keys(fields);
  return notRead.length === 0 && keys.includes('name') && keys.includes('techniques') && keys.every((key) => DETECTION_COLUMNS.includes(key));
}

/**
 * The techniques Sigma-style tags name, each at its tag's place ('' for a tag that names none, so that lines stay by
 * index): `attack.t1059.001` or a technique ID (`T1110`, as `policy.tags` lists it); undefined when tags are not
 * texts or none names a technique.
 */
function tagTechniques(tags: unknown): string[] | undefined {
  const list = typeof tags === 'string' ? splitList(tags) : tags;
  if (!Array.isArray(list) || !list.every((tag) => typeof tag === 'string')) return undefined;
  const ids = (list as string[]).map((tag) => canonicalTechniqueId(tag.trim().replace(/^attack\./i, '')) ?? '');
  return ids.some((id) => id !== '') ? ids : undefined;
}

/** What a field's value says, for telling two keys of one field apart: techniques as a set, anything else as JSON. */
function sameness(field: string, value: unknown): string {
  if (field !== 'techniques') return JSON.stringify(value);
  const entries = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [value];
  const refs = entries.flatMap((entry) => (typeof entry === 'string' ? splitTechniques(entry) : [JSON.stringify(entry)]));
  return [...new Set(refs.map((ref) => canonicalTechniqueId(ref) ?? ref))].sort().join(', ');
}

/**
 * Split a cell of technique references: `;`, `|` and line breaks always separate; a comma separates only when
 * every comma-separated part holds a technique ID.
 */
export function splitTechniques(cell: string): string[] {
  return cell
    .split(/[;|\r\n]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .flatMap((piece) => {
      const parts = piece.split(',').map((part) => part.trim());
      return parts.length > 1 && parts.every((part) => /\bT\d{4}\b/i.test(part)) ? parts : [piece];
    });
}

/** Split a cell of platforms or data sources on `;`, `|`, `,` and line breaks. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[;|,\r\n]+/)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
}
