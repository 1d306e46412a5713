import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import type { ErrorObject } from 'ajv';
import type { Document, LineCounter, Node as YamlNode, Pair, ParsedNode, Scalar } from 'yaml';
import type { Domain } from '../attack/types.js';
import { InputError, InvalidYamlError, SchemaValidationError, UsageError, type Issue } from '../errors.js';
import { escapePointer, isJsonObject } from '../json-value.js';
import { toIssue, validator } from '../schemas.js';
import { parseJsonText } from '../json-text.js';
import { kindName, kindOf, looksLikeReport, noKindMessage, wrongKindMessage } from '../input-kind.js';
import { inputName, readFolder, readTextFile, statInput, STDIN, STDIN_NAME, type InputOptions } from '../read-text.js';
import { inLineOrder, yamlPackageErrors, yamlSyntaxIssues } from '../yaml-syntax-issues.js';
import { duplicateKeyIssues, parseYamlDocument, yamlDocumentValue } from '../yaml-value.js';
import type {
  Campaign,
  CampaignSoftwareEntry,
  CampaignSource,
  CampaignTechniqueEntry,
  Confidence,
} from './campaign-types.js';
import { suggestField } from './suggest-field.js';
import { allowedFields, campaignSchema, foldField, NAME_FIELDS, OTHER_FIELD_NAMES, REF_FIELDS } from './campaign-fields.js';
import { FolderFiles, type FoundFile } from '../folder-files.js';
import { namedSource } from './named-source.js';
import { repairSourceUrls } from './source-url.js';

// yaml costs tens of milliseconds to load; commands that read no campaign should not pay for it.
const require = createRequire(import.meta.url);
type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
function yaml(): YamlModule {
  return (yamlModule ??= require('yaml') as YamlModule);
}

/** File extensions read as campaigns when a folder is given. */
export const CAMPAIGN_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

const WHAT = 'campaign file';

/**
 * A campaign's fields as a campaign file writes them (snake_case, as in the schema), in the types a valid file reads as:
 * what `buildCampaign` takes, and what the reader reads a file as once validated.
 */
export interface CampaignInput {
  name: string;
  id?: string;
  actor?: string;
  compare_with?: string | string[];
  description?: string;
  first_seen?: string;
  last_seen?: string;
  published?: string;
  sources?: (string | CampaignSource)[];
  domain?: Domain | 'enterprise' | 'mobile' | 'ics';
  attack_version?: string;
  confidence?: Confidence;
  platforms?: string[];
  tags?: string[];
  techniques?: (string | TechniqueInput)[];
  software?: (string | { ref: string; comment?: string; infer?: boolean })[];
}

/** One technique entry of `CampaignInput` written as a mapping: its `ref` and details. */
export interface TechniqueInput {
  ref: string;
  tactic?: string | string[];
  confidence?: Confidence;
  score?: number;
  comment?: string;
  evidence?: string;
  source?: string;
  report?: string | string[];
  platforms?: string[];
}

/** Fields that a YAML or JSON number may stand for; they are taken as the text written, so 10.10 stays "10.10". */
const TEXT_FIELDS = ['attack_version', 'first_seen', 'last_seen', 'published'] as const;

/** Options for reading campaign files. */
export interface CampaignReadOptions extends InputOptions {
  /** The domain of a campaign that names none (default: enterprise-attack). */
  domain?: Domain;
}

/**
 * Parse a campaign file's text (YAML, or JSON when `file` ends in .json), validate it and apply defaults. Pure.
 * `json`: the value of the text as JSON, when the caller parsed it already (it is not parsed again; it may be changed).
 * An entry of techniques, software, sources, compare_with, platforms or tags with a problem of its own is repaired when it has one obvious repair
 * (`repairs`), else left out (`leftOut`); the rest is read.
 * @throws InputError for a JSON syntax error; InvalidYamlError (a SchemaValidationError) listing every YAML syntax error
 * a person can act on; SchemaValidationError listing every problem of a file whose
 * problem is not in one entry alone.
 */
export function parseCampaign(text: string, file: string, options: { domain?: Domain } = {}, json?: { value: unknown }): Campaign {
  try {
    return parseCampaignText(text, file, options, json);
  } catch (error) {
    // A file that is no campaign at all (a layer, a STIX bundle, a Sigma rule) is said to be what it is.
    const kind = error instanceof InputError ? kindOf(text) : undefined;
    if (kind && kind !== 'campaign') throw new InputError(wrongKindMessage(file, kind, ['campaign']), { file, cause: error });
    // JSON or YAML of no kind (a SARIF log, a TheHive case) is no report either, though its descriptions read as prose.
    const noKind = error instanceof InputError ? noKindMessage(text, file) : undefined;
    if (noKind) throw new InputError(noKind, { file, cause: error });
    // A report given where its campaign file goes (`normalize report.txt`): its prose read as YAML gave a list of syntax
    // errors, or "must be a mapping …, not the string", none of which says to run extract.
    if (error instanceof InputError && looksLikeReport(text, file)) throw new InputError(wrongKindMessage(file, 'report-text', ['campaign']), { file, cause: error });
    throw error;
  }
}

function parseCampaignText(text: string, file: string, options: { domain?: Domain }, parsed?: { value: unknown }): Campaign {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const json = extname(file).toLowerCase() === '.json';
  if (source.trim() === '') throw new SchemaValidationError(file, WHAT, [emptyIssue()]);

  let value: unknown;
  let located: Located | undefined;
  let listed: string[] = [];
  let keyForms: string[] = [];
  if (json) {
    value = parsed ? parsed.value : parseJsonText(source, file);
    // JSON is YAML 1.2, so the yaml parser gives the lines (and duplicate keys) that JSON.parse does not;
    // should it trip over some corner of JSON, the problems just come without lines.
    try {
      located = locate(source, file);
    } catch {
      located = undefined;
    }
    // `"techniques": {...}` is read as YAML's is, in the document, whose entries keep the lines JSON reading gives them.
    keyForms = located ? repairKeyForms(located, isJsonObject(value) ? value : undefined) : [];
    listed = located ? listTechniqueMapping(located, true) : [];
    if (listed.length && isJsonObject(value)) value['techniques'] = (toValue(located!, file) as Record<string, unknown>).techniques;
  } else {
    located = locate(source, file);
    keyForms = repairKeyForms(located);
    listed = listTechniqueMapping(located);
    value = toValue(located, file);
  }
  return campaignOfValue(value, { file, what: WHAT, located, domain: options.domain, repaired: [...keyForms, ...listed] });
}

/**
 * Build a campaign in code from the fields a campaign file writes (`name`, `techniques`, `sources`…, each as its YAML
 * writes it), as `parseCampaign` reads the file: the same repairs, entries left out and errors, each named by its
 * place in the value (`/techniques/1/tactic`) where a file's are named by line. Pure; the value is not changed.
 * `file`: what messages call the campaign, and where its id comes from when it gives none, as a file's name is
 * (default: the id is its name).
 * @throws SchemaValidationError listing every problem of a value whose problem is not in one entry alone.
 */
export function buildCampaign(input: CampaignInput, options: { file?: string; domain?: Domain } = {}): Campaign {
  const file = options.file ?? IN_CODE_NAME;
  // A copy as JSON holds it, as a file would: the repairs below change the value, and a field given as undefined is not given.
  const value: unknown = JSON.parse(JSON.stringify(input) ?? 'null');
  return campaignOfValue(value, { file, what: 'campaign', located: undefined, domain: options.domain, repaired: [], order: valueOrder(value) });
}

/**
 * The order of the places of a value, as a file's lines order its problems: each JSON pointer's rank in the value's
 * own order of fields and entries (that of the YAML written from it), or its nearest ancestor's.
 */
function valueOrder(value: unknown): (pointer: string) => number {
  const rank = new Map<string, number>();
  const visit = (node: unknown, pointer: string): void => {
    rank.set(pointer, rank.size);
    if (node && typeof node === 'object') for (const [key, child] of Object.entries(node)) visit(child, `${pointer}/${escapePointer(key)}`);
  };
  visit(value, '');
  return (pointer) => {
    let place = pointer;
    while (place && !rank.has(place)) place = place.slice(0, place.lastIndexOf('/'));
    return rank.get(place) ?? 0;
  };
}

interface CampaignValueOptions {
  file: string;
  what: string;
  located: Located | undefined;
  domain: Domain | undefined;
  repaired: readonly string[];
  order?: (pointer: string) => number;
}

/** The name a campaign built in code goes by in messages when its caller gives none (`buildCampaign`). */
export const IN_CODE_NAME = '<campaign>';

/**
 * A campaign file's value (of YAML, JSON or code) as a `Campaign`: repaired, validated, defaults applied. `located`
 * gives the lines of a text's value; `repaired`, what reading the text repaired before; `order`, the order of the
 * places of a value built in code (`valueOrder`), which has no lines.
 */
function campaignOfValue(
  value: unknown,
  { file, what, located, domain, repaired, order }: CampaignValueOptions,
): Campaign {
  if (value === null || value === undefined) throw new SchemaValidationError(file, what, [emptyIssue()]);
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new SchemaValidationError(file, what, [
      { path: '/', ...(order ? {} : { line: located?.lineOf([]) ?? 1 }), message: `must be a mapping of fields (name: ..., techniques: ...), not ${describe(value)}` },
    ]);
  }
  const record = value as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    if (typeof record[field] === 'number') record[field] = located?.sourceText([field]) ?? String(record[field]);
  }
  const found = [
    ...repaired,
    ...repairEmptyFields(record, located),
    ...repairFixedForms(record, located),
    ...repairNumberTexts(record, located),
    ...repairListTexts(record, located),
    ...repairNameMappings(record, located),
    ...repairRefFields(record, located),
    ...repairOtherFieldNames(record, located),
    ...repairEntryTypes(record, located),
    ...repairTrailingSeparators(record, located),
    ...repairConfidenceWords(record, located),
    ...repairBooleanWords(record, located),
    // Last: a source's url as the repairs above left it (trimmed, a one-item list read as its item).
    ...repairSourceUrls(record, (path) => located?.lineOf(path)),
  ].map((repair, i) => [repair, i] as const);
  // Said in the order of the file, as its problems are (those of one line in the order they were made).
  const placeOf = order ? (repair: string) => order(/^(\/[^ ]*): /.exec(repair)?.[1] ?? '') : repairLine;
  const repairs = found.sort(([a, i], [b, j]) => placeOf(a) - placeOf(b) || i - j).map(([repair]) => repair);

  const duplicates = new Set(located?.duplicateKeys() ?? []);
  const problems = validationIssues(record, located);
  const issues = order ? problems.sort((a, b) => order(a.path) - order(b.path)) : inLineOrder([...duplicates, ...problems]);
  // A value of an optional field that cannot be read leaves that field out (`published: July 2018`), as a problem inside
  // an entry of a list leaves the entry out; any other problem is of the file as a whole, and refuses it.
  const fieldOut = (issue: Issue) => (duplicates.has(issue) ? undefined : fieldLeftOut(issue.path));
  if (issues.some((issue) => !entryOf(issue.path) && !fieldOut(issue))) throw new SchemaValidationError(file, what, issues);
  // A duplicate key says what to do itself (give the field once); how to write an entry would only mislead there.
  const leftOut = issues.map((issue) => {
    const field = entryOf(issue.path) ? undefined : fieldOut(issue);
    if (field) return { ...issue, message: `${issue.message}; the field is left out, read as not given: ${fieldHelp(field, record[field])}` };
    return { ...issue, message: `${issue.message}; the entry is left out${duplicates.has(issue) ? '' : `: ${ENTRY_HELP[entryOf(issue.path)![0]]}`}` };
  });
  for (const issue of issues) if (!entryOf(issue.path)) delete record[fieldOut(issue)!];
  const skipped = new Set(issues.flatMap((issue) => (entryOf(issue.path) ? [entryOf(issue.path)!.join('/')] : [])));
  const campaign = toCampaign(record as unknown as CampaignInput, file, located, domain, skipped);
  const unknown = unknownReports(campaign, record as unknown as CampaignInput, located);
  return { ...campaign, ...(repairs.length ? { repairs } : {}), ...(leftOut.length ? { leftOut } : {}), ...(unknown.length ? { unknownReports: unknown } : {}) };
}

/** The lists whose entries are read one by one: a bad entry is left out, not the file. */
type EntryList = 'techniques' | 'software' | 'sources' | 'compare_with' | 'platforms' | 'tags';

/** What to write instead of an entry that could not be read, by list. */
const ENTRY_HELP: Readonly<Record<EntryList, string>> = {
  techniques: 'write the technique as the report writes it ("- T1059.001"), or a mapping with ref: and the fields tactic, confidence, score, comment, evidence, source, report, platforms',
  software: 'write the software as the report names it ("- S0154"), or a mapping with ref: and the fields comment, infer',
  sources: 'write the report\'s URL, or a mapping with url: and/or title:',
  compare_with: 'write an ATT&CK group, campaign or software by ID, name or alias ("- G0050")',
  platforms: 'write the platform as ATT&CK names it ("- Windows")',
  tags: 'write the tag as text ("- covid-19")',
};

/** The line a repair is said at (`line 12: …`), 0 for one without. */
const repairLine = (repair: string): number => Number(/^line (\d+): /.exec(repair)?.[1] ?? 0);

/**
 * The fields without which a campaign cannot be read, so that a value of one that cannot be read refuses the file:
 * `name` (the layer's name, and from standard input its ID), `techniques` (the references are the campaign: its layer
 * without them would say nothing of the report), `domain` (the ATT&CK every reference is read in: a mobile campaign's
 * references read in enterprise would resolve to other techniques or none).
 */
const ESSENTIAL_FIELDS: readonly string[] = ['name', 'techniques', 'domain'];

/** The top-level field a problem at `pointer` leaves out when its value cannot be read: an optional field the schema allows, at the field itself or inside it. */
function fieldLeftOut(pointer: string): string | undefined {
  const field = parsePointer(pointer)[0];
  return field !== undefined && !ESSENTIAL_FIELDS.includes(field) && allowedFields([]).includes(field) ? field : undefined;
}

/** What to write instead of a top-level field's value that cannot be read, and what is done meanwhile. */
const FIELD_WRITE: Readonly<Record<string, string>> = {
  id: 'write the ID as text (id: apt32-2020); the file name gives it meanwhile',
  actor: 'write the group by ATT&CK ID, name or alias (actor: G0050)',
  description: 'write the description as text (description: | and its lines below it)',
  attack_version: 'write the ATT&CK release the report\'s IDs come from (attack_version: "6.3"); its references are read in the newest release meanwhile',
  confidence: 'write low, medium, high or a number from 0 to 100 (confidence: medium)',
  sources: 'write a list of the reports, each a URL or a mapping with url: and/or title:',
  compare_with: 'write an ATT&CK group, campaign or software by ID, name or alias, or a list of them (compare_with: [G0050])',
  platforms: 'write a list of platforms as ATT&CK names them (platforms: [Windows])',
  tags: 'write a list of tags (tags: [covid-19])',
  software: 'write a list of the software, each as the report names it (software: [S0154])',
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * What to write for a date that cannot be read as written, when it says which date it is (`July 2018`: 2018-07;
 * `13/07/2018`, whose 13 can only be the day: 2018-07-13; `Q3 2018`: its first month for first_seen, its last for
 * last_seen); undefined for one of two readings (`07/08/2018`) or none. Not read so: a reader of the file may mean
 * another date, and says which by writing it.
 */
function dateWritten(text: string, field: string): string | undefined {
  const words = text.trim().toLowerCase().replace(/,/g, ' ').split(/\s+/);
  // A month's name, or its first three letters or more (`Jul`, `Sept.`).
  const month = (word: string) => MONTHS.findIndex((name) => word.replace(/\.$/, '').length >= 3 && name.startsWith(word.replace(/\.$/, ''))) + 1;
  const year = words.find((word) => /^(19|20)\d\d$/.test(word));
  const named = words.filter((word) => month(word) > 0);
  const day = words.find((word) => /^\d{1,2}(st|nd|rd|th)?$/.test(word));
  if (year && named.length === 1 && words.length <= 3) return `${year}-${pad(month(named[0]!))}${day ? `-${pad(parseInt(day, 10))}` : ''}`;
  const quarter = /^q([1-4])$/.exec(words[0] ?? '');
  if (quarter && year && words.length === 2) {
    const first = (Number(quarter[1]) - 1) * 3 + 1;
    return `${year}-${pad(field === 'last_seen' ? first + 2 : first)}`;
  }
  const numbers = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text.trim());
  if (!numbers) return undefined;
  const [a, b] = [Number(numbers[1]), Number(numbers[2])];
  // Day first (13/07/2018) or month first (07/13/2018): only a day above 12 says which.
  if (a > 12 && b >= 1 && b <= 12 && a <= 31) return `${numbers[3]}-${pad(b)}-${pad(a)}`;
  if (b > 12 && a >= 1 && a <= 12 && b <= 31) return `${numbers[3]}-${pad(a)}-${pad(b)}`;
  if (a === b && a >= 1 && a <= 12) return `${numbers[3]}-${pad(a)}-${pad(b)}`;
  return undefined;
}

/** What to write instead of the value `found` of a top-level field that cannot be read. */
function fieldHelp(field: string, found: unknown): string {
  if (!['first_seen', 'last_seen', 'published'].includes(field)) return FIELD_WRITE[field] ?? `write ${field} as the schema says`;
  const written = typeof found === 'string' ? dateWritten(found, field) : undefined;
  if (written) return `write ${field}: ${written}, if ${JSON.stringify((found as string).trim())} is that date`;
  // 07/08/2018: 7 August day first, July 8 month first; only its writer knows which.
  const both = typeof found === 'string' ? /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(found.trim()) : null;
  if (both && Number(both[1]) <= 12 && Number(both[2]) <= 12) {
    const [a, b, year] = [pad(Number(both[1])), pad(Number(both[2])), both[3]!];
    return `write ${field}: ${year}-${b}-${a} (day first) or ${year}-${a}-${b} (month first), whichever is meant`;
  }
  return `write the date as YYYY-MM-DD, YYYY-MM or YYYY, year first (${field}: 2018-07-13)`;
}

/** A repair as a campaign file's warnings say it: the field `path` leads to, at its line where known (`line 12: /actor: …`). */
function repairAt(path: readonly (string | number)[], line: number | undefined, said: string): string {
  return `${line ? `line ${line}: ` : ''}/${path.map((segment) => escapePointer(String(segment))).join('/')}: ${said}`;
}

/**
 * The JSON pointer of the entry a left-out problem is in (`/techniques/3/ref` is in `/techniques/3`), or of the
 * top-level field (`/published`) when it is in none: an entry or a field may have several.
 */
export function leftOutEntryPointer(pointer: string): string {
  const entry = entryOf(pointer);
  return entry ? `/${entry[0]}/${entry[1]}` : `/${pointer.split('/')[1] ?? ''}`;
}

/** The list and index of the entry a JSON pointer is in (`/techniques/3/ref` is in techniques 3), if any. */
function entryOf(pointer: string): [EntryList, string] | undefined {
  const match = /^\/(techniques|software|sources|compare_with|platforms|tags)\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? [match[1] as EntryList, match[2]!] : undefined;
}

/** An entry's fields of free text, whose several texts written as a list are its lines (`evidence: [quote, quote]`). */
const FREE_TEXT_FIELDS: readonly string[] = ['comment', 'evidence', 'source'];

/**
 * Inside an entry of a list, a value of the wrong type that has one obvious reading is read so: a one-item list
 * where one text or number goes is its item (`ref: [T1059]`), a list of texts in a field of free text is its lines
 * (`evidence: [quote, quote]`, as a block `evidence: |` writes them; not `ref: [T1059, T1105]`, two references), a
 * text that is a number where a number goes is the number (`score: "3"`); each repair said with its line. Anything
 * else is left for the schema to report.
 */
function repairEntryTypes(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const validate = validator('campaign');
  // A repair can only uncover another in the same entry (a list item of the wrong type); a few rounds are plenty.
  for (let round = 0; round < 4 && !validate(record); round++) {
    let repaired = false;
    for (const error of validate.errors ?? []) {
      if (error.keyword !== 'type' || !entryOf(error.instancePath)) continue;
      const path = parsePointer(error.instancePath);
      const parent = valueAt(record, path.slice(0, -1)) as Record<string, unknown> | unknown[];
      const key = path.at(-1)!;
      const found = (parent as Record<string, unknown>)[key];
      const types = ([] as unknown[]).concat((error.params as { type: unknown }).type).map(String);
      const wanted = (value: unknown) => types.some((type) => (type === 'integer' ? Number.isInteger(value) : typeof value === type));
      let value: unknown;
      let why: string;
      if (Array.isArray(found) && found.length === 1 && wanted(found[0])) {
        value = found[0];
        why = 'a list of one item where one value goes; write the item alone';
      } else if (FREE_TEXT_FIELDS.includes(key) && Array.isArray(found) && found.length > 1 && found.every((item) => typeof item === 'string')) {
        value = found.join('\n');
        why = `a list of texts where one text goes: read as its lines; write them as a block, ${key}: | and one per line`;
      } else if (typeof found === 'string' && /^-?\d+(\.\d+)?$/.test(found.trim()) && wanted(Number(found))) {
        value = Number(found);
        why = 'a number in quotes where a number goes; write it without quotes';
      } else continue;
      (parent as Record<string, unknown>)[key] = value;
      repaired = true;
      const line = located?.lineOf(path);
      repairs.push(`${line ? `line ${line}: ` : ''}${error.instancePath}: ${JSON.stringify(found)} read as ${JSON.stringify(value)} (${why})`);
    }
    if (!repaired) break;
  }
  return repairs;
}

// A technique ID anywhere in a text: a part of `techniques` written as one text that holds none is no reference alone.
const HAS_TECHNIQUE_ID = /\bT\d{4}(?:\.\d{3})?\b/i;

/**
 * A list written as one text (`platforms: "Windows, Linux"`, `tags: covid-19, china`, as a form or a spreadsheet cell
 * gives it) is read as its parts, split at commas and semicolons, each repair said with its line: platforms, tags and
 * software (names hold no comma), a technique entry's platforms, and techniques when every part holds an ATT&CK ID
 * (`"T1193, T1192, T1117"`; a name alone might hold a comma). A text under `sources` is one source, not split (a URL
 * may hold a comma). Anything else is left for the schema to report.
 */
function repairListTexts(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const repair = (owner: Record<string, unknown>, path: (string | number)[], split: boolean, accept: (parts: string[]) => boolean = () => true) => {
    const key = String(path.at(-1));
    const found = owner[key];
    if (typeof found !== 'string' || found.trim() === '') return;
    const parts = split ? found.split(/[,;]/).map((part) => part.trim()).filter((part) => part !== '') : [found];
    if (!parts.length || !accept(parts)) return;
    owner[key] = parts;
    const line = located?.lineOf(path);
    const written = `[${parts.map((part) => JSON.stringify(part)).join(', ')}]`;
    repairs.push(
      repairAt(path, line, `${JSON.stringify(found)} read as ${written} (a list written as one text; write a list: ${key}: ${written})`),
    );
  };
  for (const key of ['platforms', 'tags', 'software']) repair(record, [key], true);
  repair(record, ['sources'], false);
  repair(record, ['techniques'], true, (parts) => parts.every((part) => HAS_TECHNIQUE_ID.test(part)));
  const techniques = record['techniques'];
  if (Array.isArray(techniques)) {
    techniques.forEach((entry, i) => {
      if (typeof entry === 'object' && entry !== null && !Array.isArray(entry)) repair(entry as Record<string, unknown>, ['techniques', i, 'platforms'], true);
    });
  }
  return repairs;
}

// A comma or semicolon that ends a reference, with nothing after it: left from a list it was cut out of.
const TRAILING_SEPARATOR = /^(.*?\S)\s*[,;][\s,;]*$/s;

/**
 * A reference that ends in a comma or semicolon (`ref: T1204,`, `- S0154;`, as a list copied from a report or a
 * spreadsheet leaves it, one item a line) is read without it, each repair said with its line: the separator is no
 * part of an ATT&CK ID or name, and the reference would be read the same, silently. Techniques and software, as one
 * text or as `ref:`, and compare_with.
 */
function repairTrailingSeparators(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const repair = (owner: Record<string, unknown> | unknown[], path: (string | number)[]) => {
    const key = path.at(-1)!;
    const found = (owner as Record<string, unknown>)[key];
    const match = typeof found === 'string' ? TRAILING_SEPARATOR.exec(found) : null;
    if (!match) return;
    const value = match[1]!;
    (owner as Record<string, unknown>)[key] = value;
    const line = located?.lineOf(path);
    repairs.push(
      repairAt(path, line, `${JSON.stringify(found)} read as ${JSON.stringify(value)} (a reference ends in "${String(found).slice(value.length).trim()}", left from a list; write ${typeof key === 'number' ? '- ' : `${key}: `}${value})`),
    );
  };
  for (const list of ['techniques', 'software', 'compare_with'] as const) {
    const items = record[list];
    if (!Array.isArray(items)) {
      if (list === 'compare_with') repair(record, [list]);
      continue;
    }
    items.forEach((item, i) => {
      if (typeof item === 'string') repair(items, [list, i]);
      else if (typeof item === 'object' && item !== null && !Array.isArray(item)) repair(item as Record<string, unknown>, [list, i, 'ref']);
    });
  }
  return repairs;
}

/**
 * Confidence words written by hand that have one meaning on the campaign's scale (low 25, medium 50, high 90, or 0 to
 * 100, 100 being certain), as STIX 2.1's confidence scales (its Appendix A) read them: the levels in another case
 * (`High`); the middle level as its None/Low/Med/High scale (`med`) and ICD 203's analytic confidence (`moderate`)
 * write it; `confirmed`, the Admiralty scale's "Confirmed by other sources", 90 there, which is high; `certain`, 100
 * there as here. Estimative words (`likely`, 70 on its WEP scale, between medium and high; `possible`, `suspected`)
 * are none of the levels and stay for the schema to report.
 */
const CONFIDENCE_WORDS: Readonly<Record<string, Confidence>> = {
  low: 'low',
  medium: 'medium',
  med: 'medium',
  moderate: 'medium',
  high: 'high',
  confirmed: 'high',
  certain: 100,
};

/** The key of the mapping at `path` in the document that folds to one of `names` (`confidence_band`), if one does. */
function writtenFieldOf(located: Located | undefined, path: readonly (string | number)[], names: readonly string[]): string | undefined {
  const node = located?.doc.getIn(path, true);
  if (!yaml().isMap(node)) return undefined;
  return node.items.map((pair) => keyText(pair.key)).find((key) => names.includes(foldField(key)));
}

/** A campaign's and its techniques' `confidence` written as a word of `CONFIDENCE_WORDS`, read onto the scale, each repair said with its line. */
function repairConfidenceWords(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const repair = (owner: Record<string, unknown>, path: (string | number)[]) => {
    const found = owner['confidence'];
    const read = typeof found === 'string' ? CONFIDENCE_WORDS[found.trim().toLowerCase()] : undefined;
    if (read === undefined || read === found) return;
    owner['confidence'] = read;
    // Its field's line, under the name it is written with (`confidence_band:`, which repairOtherFieldNames read as confidence).
    const written = writtenFieldOf(located, path, ['confidence']) ?? writtenFieldOf(located, path, OTHER_FIELD_NAMES.confidence.names);
    const line = written === undefined ? located?.lineOf([...path, 'confidence']) : located?.keyLineOf(path, written);
    repairs.push(repairAt([...path, 'confidence'], line, `${JSON.stringify(found)} read as ${JSON.stringify(read)} (write confidence: ${String(read)}; the scale is low, medium, high or a number from 0 to 100)`));
  };
  repair(record, []);
  const items = record['techniques'];
  if (Array.isArray(items)) {
    items.forEach((item, i) => {
      if (typeof item === 'object' && item !== null && !Array.isArray(item)) repair(item as Record<string, unknown>, ['techniques', i]);
    });
  }
  return repairs;
}

// The words YAML 1.1 read as true or false (`infer: yes`, as older YAML and many hand-written files write them), which
// YAML 1.2 reads as text: each has one meaning.
const BOOLEAN_WORDS: Readonly<Record<string, boolean>> = { yes: true, no: false, on: true, off: false, true: true, false: false };

/**
 * A software's `infer` written as a word YAML 1.1 reads as true or false (`yes`, `No`, `on`, `"true"`), which the
 * reader, YAML 1.2, reads as text, is read as that true or false, each repair said with its line. Another word
 * (`maybe`) is left for the schema to report.
 */
function repairBooleanWords(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const items = record['software'];
  if (!Array.isArray(items)) return repairs;
  items.forEach((item, i) => {
    if (!isJsonObject(item) || typeof item['infer'] !== 'string') return;
    const found = item['infer'];
    const read = BOOLEAN_WORDS[found.trim().toLowerCase()];
    if (read === undefined) return;
    item['infer'] = read;
    const path = ['software', i, 'infer'];
    const quoted = /^["']/.test(located?.sourceText(path) ?? '');
    const why = quoted ? `${String(read)} in quotes, which is text` : `YAML 1.1's word for ${String(read)}, which YAML 1.2 reads as text`;
    repairs.push(repairAt(path, located?.lineOf(path), `${JSON.stringify(found)} read as ${String(read)} (${why}; write infer: ${String(read)})`));
  });
  return repairs;
}

/**
 * An unquoted list item such as `- Acquire Infrastructure: Virtual Private Server` is, to YAML, a mapping of one key
 * to a text; in `techniques` and `software`, where no field has that name, it is the name it obviously is: read back
 * as `Acquire Infrastructure: Virtual Private Server`, each repair said with its line.
 */
function repairNameMappings(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  for (const list of ['techniques', 'software'] as const) {
    const items = record[list];
    if (!Array.isArray(items)) continue;
    const fields = allowedFields([list, '0']);
    items.forEach((item, i) => {
      const entries = typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.entries(item) : [];
      const [key, text] = entries[0] ?? [];
      // A key that is, or looks like, a field (`id: T1193` means ref) is left for the schema to report.
      if (entries.length !== 1 || fields.includes(key!) || suggestField(key!, fields) || !['string', 'number'].includes(typeof text)) return;
      items[i] = `${key}: ${text}`;
      repairs.push(repairAt([list, i], located?.lineOf([list, i]), `"${items[i]}" read as one name (unquoted, YAML reads it as a mapping; quote it to say so)`));
    });
  }
  return repairs;
}

/** Fields of text that say what the campaign or an entry is, whose number or true/false is the text written (`name: 2018`). */
const TEXT_OF_NUMBER: Readonly<Record<'campaign' | 'techniques' | 'software' | 'sources', readonly string[]>> = {
  campaign: ['name', 'description'],
  techniques: FREE_TEXT_FIELDS,
  software: ['comment'],
  sources: ['title'],
};

/**
 * A number or true/false where free text goes (`name: 2018`, `comment: 42`, `title: 2019`), which YAML reads as a number,
 * is the text as written, each repair said with its line. A reference written as a number (`- 1486`) is not: the T of its
 * ID is missing, which is said where it is left out.
 */
function repairNumberTexts(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const repair = (owner: unknown, path: (string | number)[], keys: readonly string[]) => {
    if (!isJsonObject(owner)) return;
    for (const key of keys) {
      const found = owner[key];
      if (typeof found !== 'number' && typeof found !== 'boolean') continue;
      const value = located?.sourceText([...path, key]) ?? String(found);
      owner[key] = value;
      const line = located?.lineOf([...path, key]);
      repairs.push(repairAt([...path, key], line, `${value} read as the text ${JSON.stringify(value)} (${typeof found === 'number' ? 'a number' : 'true or false'} where text goes; quote it to say so: ${key}: "${value}")`));
    }
  };
  repair(record, [], TEXT_OF_NUMBER.campaign);
  for (const list of ['techniques', 'software', 'sources'] as const) {
    const items = record[list];
    if (Array.isArray(items)) items.forEach((item, i) => repair(item, [list, i], TEXT_OF_NUMBER[list]));
  }
  return repairs;
}

// A date written with its time, as a timestamp or a spreadsheet writes it (`2018-07-13T09:00:00Z`, `2018-07-13 09:00`).
const DATE_AND_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;
// A date written with slashes, year first (`2018/07/13`, `2018/07`), which has one reading.
const SLASH_DATE = /^(\d{4})\/(\d{2})(?:\/(\d{2}))?$/;

/**
 * A value of one fixed form written with a space before or after it (`first_seen: "2017-04 "`, `domain: "enterprise "`,
 * a url pasted with a space), a domain in capitals (`Enterprise`), a date written with its time or with slashes, year
 * first, is read as that form, each repair said with its line: the space, the case and the time are no part of it.
 * Dates, domain and attack_version of the campaign, and the url of each source.
 */
function repairFixedForms(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const repair = (owner: Record<string, unknown>, path: (string | number)[], read: (text: string) => string, why: string) => {
    const key = String(path.at(-1));
    const found = owner[key];
    if (typeof found !== 'string' || found.trim() === '') return;
    const value = read(found.trim());
    if (value === found) return;
    owner[key] = value;
    const line = located?.lineOf(path);
    repairs.push(repairAt(path, line, `${JSON.stringify(found)} read as ${JSON.stringify(value)} (${why}; write ${typeof path.at(-1) === 'number' ? '-' : `${key}:`} ${value})`));
  };
  const date = (text: string) => DATE_AND_TIME.exec(text)?.[1] ?? text.replace(SLASH_DATE, (_, year: string, month: string, day?: string) => [year, month, day].filter(Boolean).join('-'));
  for (const key of ['first_seen', 'last_seen', 'published']) repair(record, [key], date, 'a date is written YYYY-MM-DD, YYYY-MM or YYYY, without a time or spaces');
  repair(record, ['domain'], (text) => text.toLowerCase(), 'a domain is written in lower case, without spaces');
  repair(record, ['attack_version'], (text) => text, 'a release is written without spaces');
  const sources = record['sources'];
  if (Array.isArray(sources)) {
    sources.forEach((source, i) => {
      if (typeof source === 'string') repair(sources as unknown as Record<string, unknown>, ['sources', i], (text) => text, 'a URL holds no spaces');
      else if (isJsonObject(source)) repair(source, ['sources', i, 'url'], (text) => text, 'a URL holds no spaces');
    });
  }
  return repairs;
}

/**
 * An optional field left empty (`actor:` with nothing after it, as a template leaves it, or `actor: ""`) is read as not
 * given, each repair said with its line: the campaign's fields and those of its entries of techniques, software and
 * sources. A field of free text may be empty text (`comment: ""`); a required one (`name`, `ref`) is left for the schema to report.
 */
function repairEmptyFields(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  const schema = campaignSchema() as { required: string[]; $defs: Record<string, { required?: string[] }> };
  const clear = (owner: unknown, path: (string | number)[], required: readonly string[]) => {
    if (!isJsonObject(owner)) return;
    for (const [key, value] of Object.entries(owner)) {
      const blank = value === null || (typeof value === 'string' && value.trim() === '' && !FREE_TEXT_FIELDS.includes(key) && key !== 'description');
      if (!blank || required.includes(key) || !allowedFields(path.length ? [String(path[0]), '0'] : []).includes(key)) continue;
      delete owner[key];
      repairs.push(repairAt([...path, key], located?.keyLineOf(path, key), `left empty${value === null ? '' : ` (${JSON.stringify(value)})`}, read as not given (write its value, or leave the field out)`));
    }
  };
  clear(record, [], schema.required);
  const entryRequired = { techniques: schema.$defs['techniqueEntry']?.required ?? [], software: schema.$defs['softwareEntry']?.required ?? [], sources: [] };
  for (const list of ['techniques', 'software', 'sources'] as const) {
    const items = record[list];
    if (Array.isArray(items)) items.forEach((item, i) => clear(item, [list, i], entryRequired[list]));
  }
  return repairs;
}


/**
 * A field written in another case or with "-" or a space for "_" (`Name:`, `attack-version:`, `First Seen:`, as other
 * formats and spreadsheets write keys) is read as the field it folds to, renamed in the document so that its line
 * stays, each repair said with its line; not when that field is given too (the two are then a problem to report).
 * The campaign, its entries of techniques and software, and its sources' mappings. `value`: the same renaming in the
 * value JSON reading gave.
 */
function repairKeyForms(located: Located, value?: Record<string, unknown>): string[] {
  const Y = yaml();
  const repairs: string[] = [];
  const rename = (node: unknown, path: (string | number)[]) => {
    if (!Y.isMap(node)) return;
    const allowed = allowedFields(path.length ? [String(path[0]), '0'] : []);
    const keys = node.items.map((pair) => keyText(pair.key));
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (!Y.isScalar(pair.key) || allowed.includes(key)) continue;
      const field = allowed.find((each) => foldField(each) === foldField(key));
      if (field === undefined || keys.includes(field)) continue;
      pair.key.value = field;
      const owner = valueAt(value, path.map(String));
      if (isJsonObject(owner) && key in owner) {
        const entries = Object.entries(owner);
        for (const name of Object.keys(owner)) delete owner[name];
        for (const [name, each] of entries) owner[name === key ? field : name] = each;
      }
      repairs.push(repairAt([...path, key], located.placeOf(path, field)?.line, `read as the field ${field} (fields are written in lower case, their words joined by "_"; write ${field}:)`));
    }
  };
  const root = located.doc.contents;
  rename(root, []);
  if (!Y.isMap(root)) return repairs;
  for (const list of ['techniques', 'software', 'sources'] as const) {
    const items = root.items.find((pair) => keyText(pair.key) === list)?.value;
    if (Y.isSeq(items)) items.items.forEach((item, i) => rename(item, [list, i]));
  }
  return repairs;
}

/**
 * `techniques:` written as a mapping, as people write a list by hand, is read as the list it obviously is, in the
 * document itself (so that each entry keeps its line), the repair said with its line: a mapping of each technique ID
 * to its fields, or to nothing (`T1566.001:` then `tactic: Initial Access`), one entry per key; a mapping of each
 * tactic to a list of its techniques (`Execution: [T1059.001, T1204.002]`), each technique an entry with that tactic.
 * Anything else (a key that is an ID beside one that is not, a technique given a text, an entry's own fields written
 * without its "-", `ref: T1059`) is left for the schema to report. JSON (`json`: `"techniques": {...}`) is read so too,
 * its repair saying how JSON writes the list.
 */
function listTechniqueMapping(located: Located, json = false): string[] {
  const Y = yaml();
  const root = located.doc.contents;
  const pair = Y.isMap(root) ? root.items.find((each) => keyText(each.key) === 'techniques') : undefined;
  const map = pair?.value;
  if (!pair || !Y.isMap(map) || !map.items.length || !map.items.every((each) => Y.isScalar(each.key) && keyText(each.key).trim() !== '')) return [];
  const keys = map.items.map((each) => keyText(each.key).trim());
  // An entry's own fields written without its "-" (`ref: T1059`) are no tactics.
  const entryFields = allowedFields(['techniques', '0']);
  const empty = (node: unknown): boolean => node === null || node === undefined || (Y.isScalar(node) && node.value === null);
  const field = (key: string, value: Scalar): Pair<ParsedNode, ParsedNode | null> => new Y.Pair(new Y.Scalar(key), value) as unknown as Pair<ParsedNode, ParsedNode | null>;
  const items: unknown[] = [];
  let said: string;
  if (keys.every((key) => HAS_TECHNIQUE_ID.test(key))) {
    for (const { key, value } of map.items) {
      const id = key as Scalar.Parsed;
      if (empty(value)) items.push(id);
      else if (Y.isMap(value) && !value.has('ref')) {
        value.items.unshift(field('ref', id));
        // The entry starts at its key, where the technique is written.
        if (value.range && id.range) value.range = [id.range[0], value.range[1], value.range[2]];
        items.push(value);
      } else return [];
    }
    said = `a mapping of each technique to its fields, read as a list of them (${json ? 'write "techniques" as a list: [{"ref": "T1566.001", its fields beside it}]' : 'write each as a list item: - ref: T1566.001, its fields below it'})`;
  } else if (!keys.some((key) => HAS_TECHNIQUE_ID.test(key) || entryFields.includes(key)) && map.items.every(({ value }) => Y.isSeq(value))) {
    for (const { key, value } of map.items) {
      const tactic = key as Scalar.Parsed;
      for (const technique of (value as import('yaml').YAMLSeq).items) {
        if (Y.isScalar(technique) && !empty(technique)) {
          const entry = new Y.YAMLMap();
          entry.items.push(field('ref', technique), field('tactic', tactic));
          entry.range = technique.range;
          items.push(entry);
        } else if (Y.isMap(technique) && !technique.has('tactic')) {
          technique.items.push(field('tactic', tactic));
          items.push(technique);
        } else return [];
      }
    }
    said = `a mapping of each tactic to its techniques, read as a list of them, each with its tactic (${json ? 'write "techniques" as a list: [{"ref": "T1059.001", "tactic": "Execution"}]' : 'write each as a list item: - ref: T1059.001 with tactic: Execution'})`;
  } else return [];
  const list = new Y.YAMLSeq();
  list.items = items;
  list.range = map.range;
  pair.value = list as unknown as typeof pair.value;
  const line = located.keyLineOf([], 'techniques');
  return [`${line ? `line ${line}: ` : ''}/techniques: ${said}`];
}

// The ID an `id` field must hold to be read as ref: a field that says nothing of what it names may hold anything.
const LIST_ID: Readonly<Record<'techniques' | 'software', RegExp>> = { techniques: HAS_TECHNIQUE_ID, software: /\bS\d{4}\b/i };

/** The ID and name a mapping under a ref field holds (`{attack_id: T1082, name: …}`), when it holds those alone; else undefined. */
function innerReference(value: unknown, list: 'techniques' | 'software'): { id: string; name?: string } | undefined {
  if (!isJsonObject(value)) return undefined;
  const keys = Object.keys(value);
  const ids = keys.filter((key) => REF_FIELDS[list].includes(foldField(key)) && typeof value[key] === 'string' && LIST_ID[list].test(String(value[key])));
  const names = keys.filter((key) => NAME_FIELDS[list].includes(foldField(key)) && typeof value[key] === 'string' && String(value[key]).trim());
  if (ids.length !== 1 || names.length > 1 || keys.length !== ids.length + names.length) return undefined;
  return { id: String(value[ids[0]!]).trim(), ...(names.length ? { name: String(value[names[0]!]).trim() } : {}) };
}

/**
 * The entry's own `id` and `name` beside the field that names its technique or software: a purple-team tool's step or
 * test (PurplePOC's `- id: whoami`, `name: Account Context`, `technique: T1033`), whose `id` holds no ATT&CK ID of the
 * list's kind while one other ref field does. Those name the step, not the technique: undefined when it has no such `id`.
 */
function ownIdAndName(entry: Record<string, unknown>, fields: readonly string[], list: 'techniques' | 'software'): { id: string; name?: string } | undefined {
  const id = fields.find((key) => foldField(key) === 'id');
  const other = fields.find((key) => key !== id);
  if (id === undefined || fields.length !== 2 || typeof entry[id] !== 'string' || LIST_ID[list].test(String(entry[id]))) return undefined;
  if (typeof entry[other!] !== 'string' || !LIST_ID[list].test(String(entry[other!]))) return undefined;
  const name = Object.keys(entry).find((key) => foldField(key) === 'name' && typeof entry[key] === 'string' && String(entry[key]).trim());
  return { id, ...(name === undefined ? {} : { name }) };
}

/**
 * An entry of techniques or software without `ref` whose one field of another format's name for it holds a text
 * (`- techniqueID: T1566.001`, `- technique_id: T1059.001`, `- id: S0154`) is read with that field as its ref, each
 * repair said with its line, with the one field of its name beside an ID (`technique_name: Steal Application Access
 * Token`: `Steal Application Access Token (T1528)`). An `id` is so read only when it holds an ATT&CK ID of the list's
 * kind; one that holds none beside a field that holds one is the entry's own (ownIdAndName), kept with its `name` as
 * the entry's comment. An entry with several fields of IDs is left for the schema to report.
 */
function repairRefFields(record: Record<string, unknown>, located: Located | undefined): string[] {
  const repairs: string[] = [];
  for (const list of ['techniques', 'software'] as const) {
    const items = record[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item) || 'ref' in item) return;
      const entry = item as Record<string, unknown>;
      const refFields = Object.keys(entry).filter((key) => REF_FIELDS[list].includes(foldField(key)));
      const own = ownIdAndName(entry, refFields, list);
      const fields = refFields.filter((key) => key !== own?.id);
      const [field] = fields;
      // A mapping of the ID and its name (Caldera's `technique: {attack_id: T1082, name: System Information Discovery}`)
      // stands for them, as the same two fields beside it would.
      const inner = field === undefined ? undefined : innerReference(entry[field], list);
      const value = inner ? inner.id : field === undefined ? undefined : entry[field];
      // A list of one (`mitre_technique: [T1110]`, as rules write it) is taken as written, for repairEntryTypes to read as its item.
      const one = Array.isArray(value) && value.length === 1 ? value[0] : value;
      if (fields.length !== 1 || !['string', 'number'].includes(typeof one) || String(one).trim() === '') return;
      if (field!.toLowerCase() === 'id' && !LIST_ID[list].test(String(value))) return;
      // Its name beside it (`technique_name: Steal Application Access Token`) is written with the ID, as a report writes
      // them, and checked against it as a ref's name is.
      const names = Object.keys(entry).filter((key) => key !== own?.name && NAME_FIELDS[list].includes(foldField(key)) && typeof entry[key] === 'string' && String(entry[key]).trim());
      const name = inner || names.length !== 1 || Array.isArray(value) || !LIST_ID[list].test(String(value)) ? undefined : names[0];
      const nameText = inner ? inner.name : name === undefined ? undefined : String(entry[name]).trim();
      const ref = nameText === undefined ? value : `${nameText} (${String(value).trim()})`;
      // The entry's own id and name (a step's `whoami`, `Account Context`) are kept as its comment, after any it has.
      const ownText = own && [String(entry[own.id]).trim(), ...(own.name === undefined ? [] : [String(entry[own.name]).trim()])].join(': ');
      const comment = own && [...(typeof entry['comment'] === 'string' && entry['comment'].trim() ? [entry['comment'].trim()] : []), ownText].join('; ');
      const dropped = [name, own?.id, own?.name, ...(own ? ['comment'] : [])];
      items[i] = Object.fromEntries([
        ...Object.entries(entry).flatMap(([key, each]) => (key === field ? [['ref', ref]] : dropped.includes(key) ? [] : [[key, each]])),
        ...(comment === undefined ? [] : [['comment', comment]]),
      ]);
      const line = located?.keyLineOf([list, i], field!) ?? located?.lineOf([list, i]);
      const written = inner ? `${field}: ${JSON.stringify(entry[field!])}` : `${field}: ${JSON.stringify(value)}${name === undefined ? '' : ` and ${name}: ${JSON.stringify(entry[name])}`}`;
      const ownSaid = own ? `, its own ${[own.id, ...(own.name === undefined ? [] : [own.name])].map((key) => `${key}: ${JSON.stringify(entry[key])}`).join(' and ')} as comment: ${JSON.stringify(comment)}` : '';
      repairs.push(
        `${line ? `line ${line}: ` : ''}/${list}/${i}: ${written} read as ref: ${JSON.stringify(ref)}${ownSaid} ` +
          `(a campaign file names the ${list === 'techniques' ? 'technique' : 'software'} with ref:; write ref: instead of ${field}:${nameText === undefined ? '' : `, the name beside the ID`}${own ? `, and the ${own.name === undefined ? 'id' : 'id and name'} of the step in comment:` : ''})`,
      );
    });
  }
  return repairs;
}


/**
 * An entry of techniques without `tactic` (or `confidence`) that gives it in another format's field (a threat feed's
 * `tactic_id: TA0009` and `tactic_name: Collection`, `confidence_band: high`, a rule's `mitre_tactic:`, `tactics: [...]`)
 * is read with it as that field, said with its line: one such field as written; an ID beside a name as `Collection
 * (TA0009)`, which normalize reads checking one against the other, as a ref's name and ID. Before, each such entry was
 * left out (`unknown field "tactic_id"`). An entry with two such names is left for the schema to report.
 */
function repairOtherFieldNames(record: Record<string, unknown>, located: Located | undefined): string[] {
  const items = record['techniques'];
  if (!Array.isArray(items)) return [];
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
  return items.flatMap((_, i) =>
    (Object.keys(OTHER_FIELD_NAMES) as (keyof typeof OTHER_FIELD_NAMES)[]).flatMap((target) => {
      const item: unknown = items[i];
      if (!isJsonObject(item) || target in item) return [];
      const { ids: idFields, names: nameFields } = OTHER_FIELD_NAMES[target];
      const ids = Object.keys(item).filter((key) => idFields.includes(foldField(key)) && text(item[key]));
      const names = Object.keys(item).filter((key) => nameFields.includes(foldField(key)) && (text(item[key]) || (Array.isArray(item[key]) && (item[key] as unknown[]).every(text))));
      const fields = Object.keys(item).filter((key) => ids.includes(key) || names.includes(key));
      if (!fields.length || ids.length > 1 || names.length > 1 || (ids.length && Array.isArray(item[names[0]!]))) return [];
      const [id, name] = [ids[0], names[0]];
      const value = id !== undefined && name !== undefined ? `${String(item[name]).trim()} (${String(item[id]).trim()})` : item[fields[0]!];
      items[i] = Object.fromEntries(Object.entries(item).flatMap(([key, each]) => (key === fields[0] ? [[target, value]] : fields.includes(key) ? [] : [[key, each]])));
      const written = fields.map((key) => `${key}: ${JSON.stringify(item[key])}`).join(' and ');
      const said = `${written} read as ${target}: ${JSON.stringify(value)} (a campaign file gives the technique's ${target} with ${target}:; write ${target}: instead of ${fields.map((key) => `${key}:`).join(' and ')})`;
      return [repairAt(['techniques', i], located?.keyLineOf(['techniques', i], fields[0]!), said)];
    }),
  );
}

/**
 * Read and parse one campaign file (`-`: the `stdin` of `input`).
 * @throws UsageError when the file does not exist or cannot be read; InputError or SchemaValidationError when it is invalid.
 */
export function readCampaign(file: string, options: CampaignReadOptions = {}): Campaign {
  if (file !== STDIN) {
    const stats = statInput(file);
    if (!stats) throw new UsageError(`${file}: no such campaign file`, { file });
    // Said to a user of the CLI (compare reads one campaign) as much as to a caller (readCampaigns reads folders).
    if (stats.isDirectory()) throw new UsageError(`${file}: is a folder, not a campaign file; name one of the campaign files (*.yaml, *.yml, *.json) in it`, { file });
  }
  return parseCampaign(readTextFile(file, file, options), inputName(file), options);
}

/**
 * Read campaign files and folders. A folder stands for its *.yaml, *.yml and *.json files, sorted by name;
 * files named explicitly keep the order given.
 * @throws UsageError for a missing path or a folder without campaign files; InputError or SchemaValidationError for an invalid file.
 */
export function readCampaigns(paths: readonly string[], options: CampaignReadOptions = {}): Campaign[] {
  return campaignFiles(paths).map((file) => readCampaign(file, options));
}

/**
 * Read campaign files and folders as `readCampaigns` does, but a file found in a folder that is no campaign file the
 * reader takes (invalid JSON or YAML, an empty file, a layer, a file refused whole) is left out, saying why (`leftOut`,
 * one line a file), and the others are read; a file named on its own is refused as `readCampaigns` refuses it.
 * `onProgress` is called before each file is read, with its place among them (a folder of hundreds takes seconds).
 * @throws UsageError as `readCampaigns`; InputError for a file named on its own, or when no file of the folders is a campaign.
 */
export function readCampaignsLeavingOut(
  paths: readonly string[],
  options: CampaignReadOptions & { onProgress?: (done: number, total: number, file: string) => void } = {},
): { campaigns: Campaign[]; leftOut: string[] } {
  const { onProgress, ...readOptions } = options;
  const files = new FolderFiles(campaignPaths(paths));
  const campaigns = files.paths.flatMap((file, i) => {
    onProgress?.(i + 1, files.paths.length, file);
    return files.read(file, () => [readCampaign(file, readOptions)]) ?? [];
  });
  files.assertSomeRead(paths, campaigns.length > 0, 'a campaign file');
  return { campaigns, leftOut: files.leftOut };
}

/**
 * The campaign files that `paths` stand for, in reading order.
 * @throws UsageError for a missing path or a folder without campaign files.
 */
export function campaignFiles(paths: readonly string[]): string[] {
  return campaignPaths(paths).map((file) => file.path);
}

/**
 * The campaign files that `paths` stand for, in reading order, each saying whether it was found in a folder.
 * @throws UsageError for a missing path or a folder without campaign files.
 */
export function campaignPaths(paths: readonly string[]): FoundFile[] {
  const files: FoundFile[] = [];
  for (const path of paths) {
    const stats = path === STDIN ? undefined : statInput(path);
    if (path !== STDIN && !stats) throw new UsageError(`${path}: no such campaign file or folder`, { file: path });
    if (!stats?.isDirectory()) {
      files.push({ path, found: false });
      continue;
    }
    const names = readFolder(path)
      .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .filter((name) => CAMPAIGN_EXTENSIONS.includes(extname(name).toLowerCase()));
    if (names.length === 0) {
      throw new UsageError(`${path}: no campaign files (${CAMPAIGN_EXTENSIONS.map((e) => `*${e}`).join(', ')}) in this folder${belowText(path)}`, { file: path });
    }
    for (const name of names) files.push({ path: join(path, name), found: true });
  }
  return files;
}

// How many folder entries the look below a folder without campaign files takes at most, for its first file.
const ENTRIES_LOOKED_AT = 200;
// How many of the files found below such a folder are read to tell what it holds.
const FILES_TOLD = 5;

/**
 * What a folder without campaign files at its top holds below, for the error to say where it goes: its subfolders are
 * not read, and its first file of a campaign's extensions down there, when of a known kind, says what it is
 * (`gap --threat ../shared/sigma/rules`, SigmaHQ's rules, was told only `no campaign files (*.yaml, *.yml, *.json)
 * in this folder` of a folder of 3,000 .yml files, all in subfolders).
 */
function belowText(folder: string): string {
  const subfolders = readFolder(folder).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
  if (!subfolders.length) return '';
  const queue = subfolders.map((entry) => join(folder, entry.name));
  const found: string[] = [];
  for (let looked = 0; queue.length && looked < ENTRIES_LOOKED_AT && found.length < FILES_TOLD; ) {
    for (const entry of readFolder(queue.shift()!)) {
      looked += 1;
      const path = join(entry.parentPath, entry.name);
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) queue.push(path);
      else if (found.length < FILES_TOLD && CAMPAIGN_EXTENSIONS.includes(extname(entry.name).toLowerCase())) found.push(path);
    }
  }
  const named = subfolders.slice(0, 3).map((entry) => `${entry.name}/`).join(', ');
  const read = ` (its subfolders, ${named}${subfolders.length > 3 ? `, and ${subfolders.length - 3} more` : ''}, are not read)`;
  for (const file of found) {
    let kind: ReturnType<typeof kindOf>;
    try {
      kind = kindOf(readTextFile(file));
    } catch {
      continue;
    }
    if (!kind) continue;
    // A campaign file or a layer down there is read from its own folder; another kind goes elsewhere, said as validate says it.
    if (kind === 'campaign' || kind === 'layer') return `${read}; ${file} is ${kindName(kind)}: give the folder that holds it, ${dirname(file)}`;
    return `${read}; ${wrongKindMessage(file, kind, ['campaign'])}`;
  }
  return `${read}; give the folder that holds the campaign files`;
}

function emptyIssue(): Issue {
  return { path: '/', line: 1, message: 'the file is empty; a campaign needs at least a "name" and its "techniques"' };
}


/** A parsed YAML document that can say where any JSON path of its value is. */
interface Located {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The 1-based line of the node at `path`, or of the nearest ancestor that exists. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** The 1-based line of the key `key` of the mapping at `path`. */
  keyLineOf(path: readonly (string | number)[], key: string): number | undefined;
  /** The 1-based line and column of the node at `path` (or of the key `key` of the mapping there), or of the nearest ancestor that exists. */
  placeOf(path: readonly (string | number)[], key?: string): { line: number; column: number } | undefined;
  /** The text of the scalar at `path` as written in the file. */
  sourceText(path: readonly (string | number)[]): string | undefined;
  duplicateKeys(): Issue[];
}

/**
 * Parse `source` with the yaml document API.
 * @throws InvalidYamlError listing every syntax error a person can act on (yamlSyntaxIssues), and the duplicate keys
 * of the text with those mended.
 */
function locate(source: string, file: string): Located {
  const Y = yaml();
  const parse = (text: string) => {
    const lineCounter = new Y.LineCounter();
    // Duplicate keys are reported as issues with their paths below, not as parse errors.
    return { doc: parseYamlDocument(text, file, { lineCounter, uniqueKeys: false, schema: 'core', prettyErrors: true }), lineCounter };
  };
  const { doc, lineCounter } = parse(source);
  if (doc.errors.length) {
    // Evidence quoted from a report often holds ": " (`evidence: the loader ran: powershell`); the parser's own
    // words for it ("Nested mappings are not allowed in compact mappings") do not say what to change.
    const again = (text: string) => {
      const parsed = text === source ? { doc, lineCounter } : parse(text);
      return yamlPackageErrors(parsed.doc.errors, parsed.lineCounter);
    };
    const { issues, mended } = yamlSyntaxIssues(source, again, { keys: campaignKeys() });
    // With every syntax error mended, a key given twice is one more thing to mend (its lines are the file's).
    const duplicates = mended === undefined ? [] : locate(mended, file).duplicateKeys();
    throw new InvalidYamlError(file, WHAT, inLineOrder([...issues, ...duplicates]));
  }

  const placeAt = (node: unknown): { line: number; column: number } | undefined => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (!range) return undefined;
    const { line, col } = lineCounter.linePos(range[0]);
    return { line, column: col };
  };
  const lineAt = (node: unknown): number | undefined => placeAt(node)?.line;
  const keyNode = (path: readonly (string | number)[], key: string): unknown => {
    let { node } = find(path);
    if (Y.isAlias(node)) node = node.resolve(doc);
    if (!Y.isMap(node)) return node;
    return node.items.find((pair) => keyText(pair.key) === key)?.key ?? node;
  };
  const find = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let deepest: unknown = node;
    for (const segment of path) {
      if (Y.isAlias(node)) node = node.resolve(doc);
      if (Y.isMap(node)) node = node.items.find((pair) => keyText(pair.key) === String(segment))?.value;
      else if (Y.isSeq(node)) node = node.items[Number(segment)];
      else node = undefined;
      if (!node) break;
      deepest = node;
    }
    return { node, deepest };
  };

  return {
    doc,
    lineCounter,
    lineOf: (path) => lineAt(find(path).deepest),
    keyLineOf: (path, key) => lineAt(keyNode(path, key)),
    placeOf: (path, key) => placeAt(key === undefined ? find(path).deepest : keyNode(path, key)),
    sourceText(path) {
      const { node } = find(path);
      if (!Y.isScalar(node) || !node.range) return undefined;
      return source.slice(node.range[0], node.range[1]).trim();
    },
    duplicateKeys: () => duplicateKeyIssues(doc, lineCounter, (key) => (LIST_FIELDS.includes(key) ? `, its values as one list (${key}: [first, second])` : '')),
  };
}

function keyText(key: unknown): string {
  const Y = yaml();
  if (Y.isScalar(key)) return String(key.value);
  return String(key);
}

/** The plain JS value of a YAML document, refusing alias bombs and recursive aliases. */
function toValue(located: Located, file: string): unknown {
  return yamlDocumentValue(located.doc, located.lineCounter, file);
}


/** Fields that take a list, whose values given twice (a duplicate key) belong in one. */
const LIST_FIELDS: readonly string[] = ['tactic', 'report', 'platforms', 'tags', 'sources', 'software', 'compare_with'];

/** The fields of each kind of mapping of a campaign file: a line at their column that starts with one and no ":" lacks its colon. */
function campaignKeys(): string[][] {
  return [[], ['techniques', '0'], ['software', '0'], ['sources', '0']].map((path) => allowedFields(path));
}

const DATE_HELP = 'must be a date written YYYY-MM-DD, YYYY-MM or YYYY';
/** Plain-words messages for fields whose ajv messages would quote a regex or a schema branch. */
const FIELD_HELP: Readonly<Record<string, string>> = {
  confidence: 'must be low, medium or high, or a whole number from 0 to 100',
  first_seen: DATE_HELP,
  last_seen: DATE_HELP,
  published: DATE_HELP,
  attack_version: 'must be an ATT&CK release written like "6.3", or a version alone like "12"',
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  object: 'a mapping',
  array: 'a list',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === 'boolean') return String(value);
  return `the number ${String(value)}`;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const segment of path) node = (node as Record<string, unknown> | undefined)?.[segment];
  return node;
}

/** Every schema problem of a campaign value as an Issue with a JSON path, a line and a plain-words message. */
function validationIssues(value: Record<string, unknown>, located: Located | undefined): Issue[] {
  const validate = validator('campaign');
  if (validate(value)) return [];
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const typed = new Set<string>();
  for (const error of validate.errors ?? []) {
    // An if/then/else failure always comes with the failure inside the branch, which says more.
    if (error.keyword === 'if') continue;
    // A value of a type no branch takes (`- 1486` in techniques) fails the union's type ("a string or a mapping") and
    // then the else branch's ("a mapping"): the first says it all, and a value has one type problem.
    if (error.keyword === 'type') {
      if (typed.has(error.instancePath)) continue;
      typed.add(error.instancePath);
    }
    const issue = toCampaignIssue(error, value, located);
    const key = `${issue.path}\n${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function toCampaignIssue(error: ErrorObject, value: Record<string, unknown>, located: Located | undefined): Issue {
  const path = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const found = valueAt(value, path);
  const field = path.at(-1);
  const at = (message: string, where = path, place = located?.placeOf(path)): Issue => ({
    path: where.length ? `/${where.map(escapePointer).join('/')}` : '/',
    ...(place ? { line: place.line, column: place.column } : {}),
    message,
  });

  if (error.keyword === 'additionalProperties') {
    const unknown = String(params['additionalProperty']);
    const allowed = allowedFields(path);
    const suggestion = suggestField(unknown, allowed);
    const hint = suggestion ? `did you mean "${suggestion}"?` : allowed.length ? `allowed: ${allowed.join(', ')}` : '';
    return at(`unknown field "${unknown}"${hint ? ` (${hint})` : ''}`, [...path, unknown], located?.placeOf(path, unknown));
  }
  const help = field !== undefined && typeof field === 'string' ? FIELD_HELP[field] : undefined;
  if (help && ['pattern', 'enum', 'minimum', 'maximum', 'type'].includes(error.keyword)) {
    // A confidence word of no one level (`likely`, between medium and high) is read as none: the writer says which.
    const between = field === 'confidence' && typeof found === 'string' ? ' (a word of no one level, as likely, possible or suspected are: write the level or number meant)' : '';
    return at(`${help}, not ${describe(found)}${between}`);
  }
  if (error.keyword === 'type') {
    const types = ([] as unknown[]).concat(params['type']).map((t) => TYPE_WORDS[String(t)] ?? String(t));
    // A number as written: YAML's 1059.010 is 1059.01.
    const shown = typeof found === 'number' ? `the number ${located?.sourceText(path) ?? found}` : describe(found);
    return at(`must be ${types.join(' or ')}, not ${shown}${numberAsId(path, found, located)}`);
  }
  if (error.keyword === 'pattern' && params['pattern'] === '\\S') return at('must not be blank');
  if (error.keyword === 'minLength' && params['limit'] === 1) return at('must not be empty');
  if (error.keyword === 'minProperties') return at('must give at least one field');
  if (error.keyword === 'format' && params['format'] === 'uri') {
    return at(path[0] === 'sources' && path.length === 2 ? `must be a URL; for a title write {title: ...}, not ${describe(found)}` : `must be a URL, not ${describe(found)}`);
  }
  return at(toIssue(error).message);
}

/**
 * A technique written as a number (`- 1486`, `ref: 1059.001`), the ID without its T: what to write, the digits as
 * written (YAML's number 1059.010 is 1059.01). Empty for any other value.
 */
function numberAsId(path: readonly string[], found: unknown, located: Located | undefined): string {
  const reference = path[0] === 'techniques' && (path.length === 2 || (path.length === 3 && path[2] === 'ref'));
  if (!reference || typeof found !== 'number') return '';
  const digits = located?.sourceText(path) ?? String(found);
  return /^\d{4}(\.\d{3})?$/.test(digits) ? ` (an ATT&CK ID starts with T: write T${digits})` : '';
}

/** Build the camelCase model from a valid campaign file, applying defaults. */
function toCampaign(
  raw: CampaignInput,
  file: string,
  located: Located | undefined,
  domain: Domain = 'enterprise-attack',
  /** Entries left out, as `techniques/3`: their indices (paths and lines) stay those of the file. */
  skipped: ReadonlySet<string> = new Set(),
): Campaign {
  const lineOf = (path: (string | number)[]) => located?.lineOf(path);
  const kept = <T>(list: string, items: readonly T[] | undefined) =>
    (items ?? []).flatMap((item, index) => (skipped.has(`${list}/${index}`) ? [] : [{ item, index }]));
  const campaign: Campaign = {
    file,
    // Standard input and a campaign built in code have no file name to take an ID from: the campaign's name gives it (a layer file name is made of it).
    id: raw.id ?? (file === STDIN_NAME || file === IN_CODE_NAME ? raw.name : basename(file, extname(file))),
    name: raw.name,
    sources: kept('sources', raw.sources).map(({ item: s }) => (typeof s === 'string' ? { url: s } : definedOnly({ url: s.url, title: s.title }))),
    domain: raw.domain ? ((raw.domain.endsWith('-attack') ? raw.domain : `${raw.domain}-attack`) as Domain) : domain,
    platforms: kept('platforms', raw.platforms).map(({ item }) => item),
    tags: kept('tags', raw.tags).map(({ item }) => item),
    techniques: kept('techniques', raw.techniques).map(({ item: entry, index }) => techniqueEntry(entry, index, lineOf([`techniques`, index]))),
    software: kept('software', raw.software).map(({ item: entry, index }): CampaignSoftwareEntry => {
      const path = `/software/${index}`;
      const line = lineOf(['software', index]);
      if (typeof entry === 'string') return definedOnly({ ref: entry, infer: true, line, path });
      return definedOnly({ ref: entry.ref, comment: entry.comment, infer: entry.infer ?? true, line, path });
    }),
  };
  const optional = definedOnly({
    description: raw.description,
    actor: raw.actor !== undefined ? definedOnly({ ref: raw.actor, line: lineOf(['actor']) }) : undefined,
    compareWith:
      raw.compare_with === undefined
        ? undefined
        : typeof raw.compare_with === 'string'
          ? [definedOnly({ ref: raw.compare_with, line: lineOf(['compare_with']), path: '/compare_with' })]
          : kept('compare_with', raw.compare_with).map(({ item: ref, index: i }) => definedOnly({ ref, line: lineOf(['compare_with', i]), path: `/compare_with/${i}` })),
    firstSeen: raw.first_seen,
    lastSeen: raw.last_seen,
    published: raw.published,
    attackVersion: raw.attack_version,
    confidence: raw.confidence,
  });
  return { ...campaign, ...optional };
}

function techniqueEntry(entry: string | TechniqueInput, index: number, line: number | undefined): CampaignTechniqueEntry {
  const path = `/techniques/${index}`;
  if (typeof entry === 'string') return definedOnly({ ref: entry, tactics: [], line, path });
  return definedOnly({
    ref: entry.ref,
    tactics: entry.tactic === undefined ? [] : ([] as string[]).concat(entry.tactic),
    confidence: entry.confidence,
    score: entry.score,
    comment: entry.comment,
    evidence: entry.evidence,
    source: entry.source,
    reports: entry.report === undefined ? undefined : ([] as string[]).concat(entry.report),
    platforms: entry.platforms,
    line,
    path,
  });
}

/**
 * The `report:` values that name none of the campaign's sources, each at its own place: the `report:` key's line for
 * one text, the item's line for a list.
 */
function unknownReports(campaign: Campaign, raw: CampaignInput, located: Located | undefined): NonNullable<Campaign['unknownReports']> {
  const names = campaign.sources.map((source) => `"${(source.title ?? source.url ?? '').replace(/\s+/g, ' ').trim()}"`);
  const said = `(${names.length ? names.join(', ') : 'it has none'}); the technique is linked to every source: write the url or title of one of them, or add the report under sources`;
  return campaign.techniques.flatMap((entry) => {
    const index = Number(entry.path.split('/')[2]);
    const written = raw.techniques?.[index];
    if (typeof written !== 'object' || written.report === undefined) return [];
    const places = Array.isArray(written.report)
      ? written.report.map((report, i) => ({ report, path: `${entry.path}/report/${i}`, line: located?.lineOf(['techniques', index, 'report', i]) }))
      : [{ report: written.report, path: `${entry.path}/report`, line: located?.keyLineOf(['techniques', index], 'report') }];
    return places
      .filter(({ report }) => !namedSource(campaign.sources, report))
      .map(({ report, path, line }) =>
        definedOnly({ path, line, report, message: `"${report.replace(/\s+/g, ' ').trim()}" is the url or title of none of the campaign's sources ${said}` }),
      );
  });
}

/** The object without its undefined fields, so results compare and serialize cleanly. */
function definedOnly<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
