/**
 * A DeTT&CT technique administration file as coverage (`file_type: technique-administration`, DeTT&CT's YAML
 * format 1.x: https://github.com/rabobank-cdc/DeTTECT/wiki/YAML-administration-techniques).
 *
 * Each entry of `techniques` has a `technique_id` and a `detection`: one detection object, or a list of them (one
 * per group of systems, `applicable_to`). Each detection object has a `score_logbook` of dated scores; its current
 * score is the entry with the latest `date` (entries without a date count as older than any dated one; among equal
 * dates the first listed wins, as DeTT&CT lists the newest first; a one-mapping logbook and a format-1.1 `score` are read
 * as DeTT&CT reads them, scoreLogbook). Scores follow DeTT&CT's detection scoring table
 * (https://github.com/rabobank-cdc/DeTTECT/wiki/Detection-scoring): -1 is no detection (the object is ignored), 0
 * (forensics / context) to 5 (excellent) weigh score / 5. Each detection object is one rule; a technique's
 * coverage is the best of them, as for every coverage input.
 *
 * `applicable_to` names the user's own groups of systems (`client endpoints`, `servers`), not ATT&CK platforms, or
 * is `all`, DeTT&CT's keyword for every system (any case; also what an absent `applicable_to` means). A detection
 * object whose every group is an ATT&CK platform name (`[Windows, Linux]`) fires on those platforms; one with `all`
 * or any other group fires on the platforms the file's `platform` names (every platform when it is `all` or
 * absent). A note names the user's groups read that way; `all` needs none, as it means every system.
 *
 * A technique's `visibility` objects (one or a list, each with `applicable_to` and a `score_logbook` of DeTT&CT's
 * visibility scores, https://github.com/rabobank-cdc/DeTTECT/wiki/Visibility-scoring) are read the same way, as
 * visibility, never as coverage: a visibility score says the log data to see the technique is there, which makes a
 * detection possible, not one (DeTT&CT's own detection score 0 is "no detection, but the technique is being logged").
 * The review reports it beside the technique ("visible, no detection"). A malformed entry or detection object is
 * reported with its line and skipped, a malformed visibility object with its line; the rest of the file is read.
 */
import { attackPlatformName } from '../attack/platform-names.js';
import { DOMAINS, type Domain } from '../attack/types.js';
import { InputError, type Issue } from '../errors.js';
import { kindOfValue, wrongKindMessage } from '../input-kind.js';
import { yamlDocumentValue } from '../yaml-value.js';
import {
  coverageInput,
  roundLevel,
  VISIBILITY_ONLY_REASON,
  type CoverageIgnored,
  type CoverageInput,
  type CoverageProblem,
  type CoverageRule,
  type CoverageVisibility,
} from './coverage-types.js';
import { lineOf, parseYamlSource } from './yaml-source.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { firstFew } from '../short-list.js';

/** DeTT&CT's detection scores and their names (its detection scoring table). */
export const DETTECT_DETECTION_SCORES: Readonly<Record<number, string>> = {
  [-1]: 'none',
  0: 'forensics / context',
  1: 'basic',
  2: 'fair',
  3: 'good',
  4: 'very good',
  5: 'excellent',
};

/** The coverage level of a DeTT&CT detection score from 0 (forensics / context: logged, nothing detects) to 5 (excellent): score / 5. */
export const dettectDetectionLevel = (score: number): number => roundLevel(score / 5);

/** A list of texts from a text or a list (DeTT&CT writes both), empty texts left out. */
function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map((item) => String(item).trim()).filter((item) => item !== '');
}

/** Whether an `applicable_to` group (or a file's `platform`) is `all`, DeTT&CT's keyword for every system (any case). */
const isAll = (group: string): boolean => group.toLowerCase() === 'all';

/** A logbook date as a sortable number (undefined: no date); NaN for a date that cannot be read. */
function dateValue(date: unknown): number | undefined {
  if (date === undefined || date === null || date === '') return undefined;
  if (date instanceof Date) return date.getTime();
  return typeof date === 'string' ? Date.parse(date.trim()) : NaN;
}

/** The date as written, for a reason (`2019-08-05`; midnight of the DeTT&CT Editor's `2022-09-15T00:00:00.000Z` left out). */
const dateText = (date: unknown): string => {
  const text = date instanceof Date ? date.toISOString() : String(date).trim();
  return /^\d{4}-\d{2}-\d{2}T00:00(?::00(?:\.0+)?)?Z?$/.test(text) ? text.slice(0, 10) : text;
};

/** The scores of DeTT&CT's two scoring tables: detection -1..5, visibility 0..4. */
const SCORE_RANGES = { detection: [-1, 5], visibility: [0, 4] } as const;

/**
 * The current entry of a score logbook (see the module comment), or an error saying what is wrong; `kind` says which
 * of DeTT&CT's scoring tables its scores are on (detection by default).
 */
export function currentDettectScore(logbook: unknown, kind: 'detection' | 'visibility' = 'detection'): { score: number; date?: string } | { error: string; entry?: number } {
  const [low, high] = SCORE_RANGES[kind];
  if (!Array.isArray(logbook) || logbook.length === 0) return { error: 'no score_logbook; give it a list of { date, score }' };
  let best: { score: number; date?: string; time?: number } | undefined;
  for (const [index, entry] of logbook.entries()) {
    if (!isJsonObject(entry)) return { error: `score_logbook entry ${index + 1} is not a mapping of date and score`, entry: index };
    const score = entry['score'];
    if (typeof score !== 'number' || !Number.isInteger(score) || score < low || score > high) {
      return { error: `score_logbook entry ${index + 1}: score ${JSON.stringify(score ?? null)} is not a DeTT&CT ${kind} score (${low} to ${high})`, entry: index };
    }
    const time = dateValue(entry['date']);
    if (time !== undefined && Number.isNaN(time)) return { error: `score_logbook entry ${index + 1}: date ${JSON.stringify(entry['date'])} is not a date; write YYYY-MM-DD`, entry: index };
    if (!best || (time !== undefined && (best.time === undefined || time > best.time))) {
      best = { score, ...(time === undefined ? {} : { date: dateText(entry['date']), time }) };
    }
  }
  const { score, date } = best!;
  return { score, ...(date === undefined ? {} : { date }) };
}

/** How a detection object of file format 1.1 is read (scoreLogbook). */
const FORMAT_11_READING = "a score without score_logbook (file format 1.1); read as the logbook entry { date: date_implemented, score }, as DeTT&CT's upgrade to 1.2 writes it";

/**
 * A detection object's score logbook as DeTT&CT reads it: a mapping is a logbook of one entry (get_latest_score_obj),
 * and a detection of file format 1.1 (a `score` and `date_implemented`, no logbook) is the entry DeTT&CT's upgrade
 * to 1.2 writes for it. `repair` says which reading was made, and at which key.
 */
function scoreLogbook(object: JsonObject): { logbook: unknown; repair?: { key: string; message: string; format11?: true } } {
  const logbook = object['score_logbook'];
  if (isJsonObject(logbook)) {
    return { logbook: [logbook], repair: { key: 'score_logbook', message: 'score_logbook is one mapping, not a list; read as a logbook of that one entry, as DeTT&CT reads it' } };
  }
  if ((logbook === undefined || logbook === null) && object['score'] !== undefined) {
    return {
      logbook: [{ date: object['date_implemented'] ?? null, score: object['score'] }],
      repair: { key: 'score', message: FORMAT_11_READING, format11: true },
    };
  }
  return { logbook };
}

/** The ATT&CK domain a DeTT&CT file states (`domain: ics-attack`); undefined when it states none. */
function statedDomain(value: JsonObject, file: string, line: number | undefined): Domain | undefined {
  const domain = value['domain'];
  if (domain === undefined || domain === null) return undefined;
  if (typeof domain === 'string' && (DOMAINS as readonly string[]).includes(domain.trim())) return domain.trim() as Domain;
  throw new InputError(`${file}${line ? `:${line}` : ''}: domain ${JSON.stringify(domain)} is not an ATT&CK domain (${DOMAINS.join(', ')})`, { file, line });
}

/**
 * The fields of each kind of mapping of a DeTT&CT technique administration file (file format 1.2, as the DeTT&CT Editor
 * writes it): the file, a technique, a detection or visibility object, a score_logbook entry. A field one space out
 * or without its ":" is named among them.
 */
const DETTECT_KEYS: readonly (readonly string[])[] = [
  ['version', 'file_type', 'name', 'domain', 'platform', 'techniques'],
  ['technique_id', 'technique_name', 'detection', 'visibility'],
  ['applicable_to', 'location', 'comment', 'score_logbook'],
  ['date', 'score', 'comment', 'auto_generated'],
];

/**
 * Read a DeTT&CT technique administration file's YAML text as coverage (pure): one rule per scored detection object.
 * @throws InputError for a YAML syntax error, a file that is not a technique administration file (no `techniques`
 * list), or a `domain` that is not an ATT&CK domain.
 */
export function parseDettectTechniques(text: string, file: string): CoverageInput {
  const { doc, lineCounter, duplicates } = parseYamlSource(text, file, 'DeTT&CT technique administration file', DETTECT_KEYS);
  const value: unknown = yamlDocumentValue(doc, lineCounter, file);
  const lineAt = (path: (string | number)[]): number | undefined => lineOf(lineCounter, path.length ? doc.getIn(path, true) : doc.contents);
  // Another DeTT&CT file (data sources, groups) is said to be what it is.
  const kind = kindOfValue(value);
  if (kind && kind !== 'dettect-techniques') throw new InputError(wrongKindMessage(file, kind, ['dettect-techniques']), { file });
  if (!isJsonObject(value) || !Array.isArray(value['techniques'])) {
    throw new InputError(`${file}: not a DeTT&CT technique administration file (no "techniques" list); export it from the DeTT&CT Editor`, { file, line: 1 });
  }
  const domain = statedDomain(value, file, lineAt(['domain']));
  const filePlatforms = texts(value['platform']);
  // The file's `platform` narrows detections of `all` or of the user's groups, unless it is `all` (or absent).
  const defaultPlatforms = filePlatforms.some(isAll) ? [] : filePlatforms;
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  const visibility: CoverageVisibility[] = [];
  const groupsEverywhere = new Set<string>();
  // The detection objects of file format 1.1 (every one of such a file): said once, not once each.
  const format11: { which: string; line: number | undefined }[] = [];
  let items = 0;
  // Where a detection or visibility object counts: the ATT&CK platforms its groups name, else the file's (see the module comment).
  const platformsOf = (groups: readonly string[]): string[] | undefined => {
    const platforms = groups.map(attackPlatformName);
    // `all` (or no applicable_to) is every system, whatever other group is listed beside it.
    if (groups.length && !groups.some(isAll) && platforms.every((platform) => platform !== undefined)) return [...new Set(platforms as string[])];
    for (const group of groups.filter((group, i) => platforms[i] === undefined && !isAll(group))) groupsEverywhere.add(group);
    return defaultPlatforms.length ? defaultPlatforms : undefined;
  };
  /**
   * The technique's visibility objects with a score above 0 (none), kept in `visibility`; whether it has any. A
   * malformed one is a problem that costs no item (items count detection objects).
   */
  const readVisibility = (technique: JsonObject, t: number, id: string): boolean => {
    const value = technique['visibility'];
    if (value === undefined || value === null) return false;
    const objects: unknown[] = Array.isArray(value) ? value : [value];
    let found = false;
    objects.forEach((object, v) => {
      const path = Array.isArray(value) ? ['techniques', t, 'visibility', v] : ['techniques', t, 'visibility'];
      const line = lineAt(path) ?? lineAt(['techniques', t]);
      const which = `${id} visibility${objects.length > 1 ? ` ${v + 1}` : ''}`;
      if (!isJsonObject(object)) {
        problems.push({ file, line, message: `${which} is not a mapping with applicable_to and score_logbook; not read`, skipped: false });
        return;
      }
      const { logbook } = scoreLogbook(object);
      const current = currentDettectScore(logbook, 'visibility');
      if ('error' in current) {
        const entryLine = current.entry === undefined ? undefined : lineAt([...path, 'score_logbook', current.entry]);
        problems.push({ file, line: entryLine ?? line, message: `${which}: ${current.error}; not read`, skipped: false });
        return;
      }
      if (current.score === 0) return;
      found = true;
      const groups = texts(object['applicable_to']);
      const comment = texts(object['comment'])[0]?.split('\n')[0]?.trim();
      const platforms = platformsOf(groups);
      visibility.push({
        kind: 'dettect',
        name: comment || `DeTT&CT visibility (applicable_to: ${groups.join(', ') || 'all'})`,
        file,
        ...(line === undefined ? {} : { line }),
        refs: [{ raw: id, ...(lineAt(['techniques', t]) === undefined ? {} : { line: lineAt(['techniques', t])! }) }],
        score: current.score,
        ...(platforms ? { platforms } : {}),
      });
    });
    return found;
  };
  // A key given twice in a technique leaves that technique out (one invalid item), never the
  // file; one given twice elsewhere is said, its last value read, as PyYAML (DeTT&CT's reader) reads it.
  const duplicatesOf = (t: number): Issue[] => duplicates.filter((issue) => issue.path.startsWith(`/techniques/${t}/`));
  for (const issue of duplicates.filter((issue) => !/^\/techniques\/\d+\//.test(issue.path))) {
    problems.push({ file, ...(issue.line === undefined ? {} : { line: issue.line }), message: `${issue.message}; the last one is read`, skipped: false });
  }
  value['techniques'].forEach((technique: unknown, t) => {
    const techniqueLine = lineAt(['techniques', t]);
    const id = isJsonObject(technique) ? technique['technique_id'] : undefined;
    const twice = duplicatesOf(t);
    if (twice.length) {
      items++;
      const which = typeof id === 'string' && id.trim() ? id.trim() : `technique ${t + 1}`;
      problems.push({ file, line: twice[0]!.line ?? techniqueLine, message: `${which}: ${twice.map((issue) => issue.message).join('; ')}; the technique is left out`, skipped: true });
      return;
    }
    if (!isJsonObject(technique) || typeof id !== 'string' || id.trim() === '') {
      items++;
      problems.push({ file, line: techniqueLine, message: `technique ${t + 1} has no technique_id; give it one, e.g. technique_id: T1059.001`, skipped: true });
      return;
    }
    const seen = readVisibility(technique, t, id.trim());
    const detection = technique['detection'];
    if (detection === undefined || detection === null) {
      items++;
      ignored.push({ file, line: techniqueLine, name: id, reason: seen ? VISIBILITY_ONLY_REASON : 'no detection object' });
      return;
    }
    const objects: unknown[] = Array.isArray(detection) ? detection : [detection];
    objects.forEach((object, d) => {
      items++;
      const path = Array.isArray(detection) ? ['techniques', t, 'detection', d] : ['techniques', t, 'detection'];
      const line = lineAt(path) ?? techniqueLine;
      const at = { file, ...(line === undefined ? {} : { line }) };
      const which = `${id.trim()} detection${objects.length > 1 ? ` ${d + 1}` : ''}`;
      if (!isJsonObject(object)) {
        problems.push({ ...at, message: `${which} is not a mapping with applicable_to and score_logbook`, skipped: true });
        return;
      }
      const { logbook, repair } = scoreLogbook(object);
      const repairLine = repair && (lineAt([...path, repair.key]) ?? line);
      if (repair?.format11) format11.push({ which, line: repairLine });
      else if (repair) problems.push({ file, line: repairLine, message: `${which}: ${repair.message}`, skipped: false });
      const current = currentDettectScore(logbook);
      if ('error' in current) {
        const entryLine = current.entry === undefined ? undefined : lineAt([...path, 'score_logbook', current.entry]);
        problems.push({ file, line: entryLine ?? line, message: `${which}: ${current.error}`, skipped: true });
        return;
      }
      const groups = texts(object['applicable_to']);
      const locations = texts(object['location']);
      const comment = texts(object['comment'])[0];
      const name = locations.join(', ') || comment?.split('\n')[0]?.trim() || `DeTT&CT detection (applicable_to: ${groups.join(', ') || 'all'})`;
      const scoreName = DETTECT_DETECTION_SCORES[current.score];
      if (current.score === -1) {
        ignored.push({ ...at, name: `${id.trim()}: ${name}`, reason: 'score -1 (no detection)' });
        return;
      }
      const level = dettectDetectionLevel(current.score);
      const platforms = platformsOf(groups);
      const rule: CoverageRule = {
        kind: 'dettect',
        name,
        ...at,
        refs: [{ raw: id.trim(), ...(techniqueLine === undefined ? {} : { line: techniqueLine }) }],
        level,
        levelReason: `DeTT&CT score ${current.score} (${scoreName}${current.date ? `, ${current.date}` : ''}) / 5 -> ${level}`,
      };
      if (platforms) rule.platforms = platforms;
      if (comment !== undefined) rule.comment = comment;
      rules.push(rule);
    });
  });
  // A file of format 1.1 has every detection object so: one line sums them up on stderr, the report lists each.
  const many = format11.length > 1;
  if (many) {
    const line = lineAt(['version']) ?? format11[0]!.line;
    const objects = `${format11.length} detection objects (${firstFew(format11.map(({ which }) => which.replace(/ detection( \d+)?$/, '')))})`;
    problems.push({ file, ...(line === undefined ? {} : { line }), message: `${objects}: ${FORMAT_11_READING.replace('; read as', '; each read as')}`, skipped: false, sumsUp: true });
  }
  for (const { which, line } of format11) problems.push({ file, line, message: `${which}: ${FORMAT_11_READING}`, skipped: false, ...(many ? { summarized: true } : {}) });
  const input = coverageInput('dettect', file, 1, items, { rules, ignored, problems });
  if (visibility.length) input.visibility = visibility;
  const where = defaultPlatforms.length ? `the file's platform (${defaultPlatforms.join(', ')})` : 'every platform';
  const notes = groupsEverywhere.size
    ? [
        `${file}: applicable_to ${[...groupsEverywhere].map((group) => JSON.stringify(group)).join(', ')} ${groupsEverywhere.size > 1 ? 'name' : 'names'} ` +
          `the user's own systems, not ATT&CK platforms: those detections count for ${where}, as \`all\` (every system) does`,
      ]
    : [];
  return { ...input, ...(notes.length ? { notes } : {}), ...(domain ? { domain } : {}) };
}

