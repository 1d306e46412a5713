import { givenOption, type GivenAs } from '../errors.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { TECHNIQUE_KEYS } from './serialize-layer.js';
import { appendDivided } from './divided-list.js';
import type { MergeScore } from './merge-scores.js';
import { paintedColour } from './score.js';


/** One entry to merge, with the technique ID it was written as (for labelling comments from different IDs). */
export interface MergeSource {
  entry: JsonObject;
  from: string;
}

/** A later entry's value of a field the merged entry holds another value of (`mergeEntries`): `source` is its position. */
export interface MergeDropped {
  source: number;
  field: string;
  value: unknown;
}

// The fields mergeEntries combines by a rule of its own, or that are equal within a merge (technique and tactic):
// every field Navigator knows.
const MERGED_FIELDS = new Set(TECHNIQUE_KEYS);

function distinct<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One line of a comment said to come from `labels` (`<labels joined by ", ">:<rest>`); `rest` is empty for a blank line. */
interface AttributedLine {
  labels: string[];
  rest: string;
}

// A line that already says its source: `<prefix>: …` or `<prefix>:` alone, where the prefix is one source or several
// joined by `, ` (a line two IDs gave, merged before), each of which `attributed` holds for.
function attributedLines(label: string, comment: string, attributed?: (prefix: string) => boolean): AttributedLine[] {
  return comment
    .trim()
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const colon = line.indexOf(':');
      if (attributed && colon > 0 && /^(\s|$)/.test(line.slice(colon + 1))) {
        const labels = line.slice(0, colon).split(/,\s*/);
        if (labels.every((prefix) => prefix !== '' && attributed(prefix))) return { labels, rest: line.slice(colon + 1) };
      }
      return { labels: [label], rest: line.trim() === '' ? '' : ` ${line}` };
    });
}

/**
 * How a line several sources give names them: IDs joined by `, ` (`T1059.001, T1086: …`, which `attributedLines` reads
 * back); layer names, which may hold commas themselves (`APT28, APT29 techniques`), joined by ` + `, each name written
 * in double quotes (as JSON writes it) when any of the line's names holds ` + ` or a quote.
 */
export type LabelJoin = 'ids' | 'names';

function joinLabels(labels: readonly string[], join: LabelJoin): string {
  if (join === 'ids') return labels.join(', ');
  const quoted = labels.length > 1 && labels.some((label) => label.includes(' + ') || label.includes('"'));
  return labels.map((label) => (quoted ? JSON.stringify(label) : label)).join(' + ');
}

function formatLines(lines: readonly AttributedLine[], join: LabelJoin = 'ids'): string {
  return lines.map((line) => `${joinLabels(line.labels, join)}:${line.rest}`).join('\n');
}

/**
 * A comment said to come from `label`: each of its lines prefixed `<label>: `, so that, joined with the comments of other
 * sources, every line still says where it came from, read alone (sigma2attack writes one rule file per line; prefixed on
 * its first line alone, the others named no source in Navigator's comment box, a spreadsheet or grep). Line breaks that
 * open or close the comment (Atomic Red Team's) are left out; a blank line within it is kept as `<label>:`.
 * A line that already says its source (`<prefix>: …`, for which `attributed(prefix)` holds: a comment merged before,
 * upgraded or merged again) keeps that prefix alone rather than get a second one (`T1059.001: T1086: …`).
 */
export function attributeComment(label: string, comment: string, attributed?: (prefix: string) => boolean): string {
  return formatLines(attributedLines(label, comment, attributed));
}

/**
 * The comments of several sources as one, each line prefixed with its source (`attributeComment`), and a line that several
 * sources give (a Sigma rule tagged with both T1086 and T1059.001, which sigma2attack lists under each) written once,
 * where it first came, naming every source it came from in order (`T1059.001, T1086: sysmon_…yml`; `join` says how the
 * names are joined). A line one source gives again (a `---` between its rules) is kept where it stands, and blank lines
 * are kept as each source wrote them. `shared` counts the lines given by more than one source.
 */
export function attributeComments(
  comments: ReadonlyArray<{ label: string; comment: string }>,
  attributed?: (prefix: string) => boolean,
  join: LabelJoin = 'ids',
): { comment: string; shared: number } {
  const lines: AttributedLine[] = [];
  // Each line's text, the first line that gave it and the comments (by position) that gave it.
  const byText = new Map<string, { line: AttributedLine; given: Set<number> }>();
  comments.forEach(({ label, comment }, source) => {
    for (const line of attributedLines(label, comment, attributed)) {
      const text = line.rest.trim();
      const seen = text === '' ? undefined : byText.get(text);
      if (!seen || seen.given.has(source)) {
        const fresh = { labels: [...line.labels], rest: line.rest };
        lines.push(fresh);
        if (text !== '' && !seen) byText.set(text, { line: fresh, given: new Set([source]) });
      } else {
        seen.given.add(source);
        for (const label of line.labels) if (!seen.line.labels.includes(label)) seen.line.labels.push(label);
      }
    }
  });
  return { comment: formatLines(lines, join), shared: lines.filter((line) => line.labels.length > 1 && line.rest.trim() !== '').length };
}

function combineScores(scores: readonly number[], rule: MergeScore): number | undefined {
  if (!scores.length) return undefined;
  switch (rule) {
    case 'max':
      return scores.reduce((a, b) => Math.max(a, b));
    case 'min':
      return scores.reduce((a, b) => Math.min(a, b));
    case 'sum':
      return scores.reduce((a, b) => a + b, 0);
    case 'mean':
      return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  }
}

/**
 * Merge entries that now name the same technique under the same tactic into one, by one documented rule:
 * - score: the scores given, combined by `rule` (default the highest: the technique is at least as relevant as the
 *   most relevant entry that became it, and the conflict says that `sum` adds whole scores, which may be counts);
 *   unscored entries do not count;
 * - color: the first entry's colour that is set (a conflict is returned, for the report; each other colour in
 *   `dropped`, for the caller to keep);
 * - comment: every distinct comment in layer order, one after another, each of its lines prefixed with the ID it was
 *   written for when the entries came from different IDs (`attributeComment`), except a line already prefixed with
 *   a source for which `attributed` holds (the caller's: an ID that names this entry's technique);
 * - enabled: false only when every entry was disabled (a conflict says so when only some were);
 * - metadata and links: every distinct item (of metadata with dividers, every distinct group of items), in layer
 *   order, a divider kept where it separated two items kept (`appendDivided`);
 * - showSubtechniques: true when any entry had it (a conflict says so when another wrote false);
 * - any other field (one Navigator does not know, such as CTID's `score_num`, kept as written): the first entry's that
 *   has it; a later entry's other value for it is returned in `dropped` (by its source's position), for the caller to
 *   keep and say.
 * `givenAs` names `mergeScore` in `conflicts` (the CLI's `--merge-score`); by default a program reads `mergeScore: 'sum'`.
 * `sumAdvice`, where the caller takes no `mergeScore` (combine, compare), says instead what would sum the scores.
 */
export function mergeEntries(
  sources: readonly MergeSource[],
  given?: MergeScore,
  attributed?: (prefix: string) => boolean,
  givenAs?: GivenAs,
  sumAdvice?: string,
): { entry: JsonObject; conflicts: string[]; dropped: MergeDropped[] } {
  const rule = given ?? 'max';
  const [first, ...rest] = sources;
  if (!first) throw new Error('mergeEntries needs at least one entry');
  const entry: JsonObject = { ...first.entry };
  const conflicts: string[] = [];
  const all = [first, ...rest];

  const scores = all.map((s) => s.entry['score']).filter((score): score is number => typeof score === 'number');
  const score = combineScores(scores, rule);
  if (score === undefined) delete entry['score'];
  else entry['score'] = score;
  // Whole scores may count rules or tests (a sigma2attack heatmap): the highest then loses some, which the default should say.
  const sum = sumAdvice ?? givenOption(givenAs, 'mergeScore', 'sum');
  const counts = given === undefined && scores.every((n) => Number.isInteger(n) && n >= 0) ? `; if they count rules or tests, ${sum} adds them` : '';
  if (new Set(scores).size > 1) conflicts.push(`scores ${scores.join(', ')} became ${score} (${rule})${counts}`);

  const colors = all.map((s) => s.entry['color']).filter((color): color is string => typeof color === 'string' && color !== '');
  if (colors[0] !== undefined) entry['color'] = colors[0];
  if (new Set(colors.map(paintedColour)).size > 1) conflicts.push(`colours ${colors.join(', ')}: kept ${colors[0]}`);
  const dropped: MergeDropped[] = [];
  all.forEach((source, i) => {
    const color = source.entry['color'];
    if (typeof color === 'string' && color !== '' && paintedColour(color) !== paintedColour(colors[0])) dropped.push({ source: i, field: 'color', value: color });
  });

  const labelled = new Set(all.map((s) => s.from)).size > 1;
  const commented = all.filter((s) => typeof s.entry['comment'] === 'string' && s.entry['comment'] !== '');
  if (labelled && commented.length) {
    const { comment, shared } = attributeComments(
      commented.map((s) => ({ label: s.from, comment: String(s.entry['comment']) })),
      attributed,
    );
    entry['comment'] = comment;
    // A rule listed under both IDs is one rule: a sum of rule counts counts it twice.
    const it = shared === 1 ? 'it' : 'them';
    const twice = rule === 'sum' ? ` (the sum counts ${it} twice)` : counts && new Set(scores).size > 1 ? ` (${sum} would count ${it} twice)` : '';
    if (shared) conflicts.push(`${shared === 1 ? '1 comment line' : `${shared} comment lines`} given by more than one ID written once, naming each${twice}`);
  } else {
    const comments = distinct(commented.map((s) => String(s.entry['comment'])));
    if (comments.length) entry['comment'] = comments.join('\n');
  }

  for (const key of ['metadata', 'links'] as const) {
    const items: JsonObject[] = [];
    for (const s of all) {
      if (Array.isArray(s.entry[key])) appendDivided(items, (s.entry[key] as unknown[]).filter(isJsonObject), (item) => JSON.stringify(item), key === 'metadata' ? 'group' : 'item');
    }
    if (items.length || key in entry) entry[key] = items;
  }
  if (all.some((s) => s.entry['showSubtechniques'] === true)) {
    entry['showSubtechniques'] = true;
    const collapsed = all.filter((s) => s.entry['showSubtechniques'] === false);
    if (collapsed.length) {
      conflicts.push(`showSubtechniques false in ${collapsed.length} of ${all.length} (${distinct(collapsed.map((s) => s.from)).join(', ')}): written true, as another entry has it`);
    }
  }
  rest.forEach((source, i) => {
    for (const [key, value] of Object.entries(source.entry)) {
      if (!(key in entry)) entry[key] = value;
      else if (!MERGED_FIELDS.has(key) && JSON.stringify(value) !== JSON.stringify(entry[key])) {
        dropped.push({ source: i + 1, field: key, value });
      }
    }
  });
  // After the fields taken from later entries: a disabled revoked ID (SRA's index layers disable every other ID)
  // must not grey out the annotated technique it now names.
  // Said, as a colour is: ATT&CK 6's T1095 disabled beside T1094, revoked into it, was written enabled without a word.
  const disabled = all.filter((s) => s.entry['enabled'] === false);
  if (disabled.length && disabled.length < all.length) {
    delete entry['enabled'];
    conflicts.push(
      `disabled (enabled: false) in ${disabled.length} of ${all.length} (${distinct(disabled.map((s) => s.from)).join(', ')}): written enabled, ` +
        'as the others are, since Navigator greys out a disabled technique with all that annotates it',
    );
  }
  return { entry, conflicts, dropped };
}
