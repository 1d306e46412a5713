import { TECHNIQUE_ID_FORMAT } from '../attack/technique-id.js';
import { TACTIC_NAMES } from './tactic-names.js';
import { compareText } from '../compare-text.js';

/** A technique reference as written in a report, taken apart: the IDs, the name beside them, any tactic. */
export interface ParsedReference {
  /** The reference exactly as given. */
  raw: string;
  /** Canonical technique IDs (`T1566.001`) in order of appearance, without repeats. */
  ids: string[];
  /** The technique name written beside (or instead of) the IDs, cleaned: `Spearphishing Attachment`. */
  name?: string;
  /** Tactic text found inside the reference, as written there (`Initial Access [TA0001]`). */
  tactics: string[];
  /** Labels of the `refRules` that changed something, in the order they ran. */
  rules: string[];
}

const { prefix, digits, subDigits } = TECHNIQUE_ID_FORMAT;

// Pattern pieces shared by TECHNIQUE_ID_PATTERN and the rules, all derived from TECHNIQUE_ID_FORMAT. An ID must not
// be glued to a longer word or number: `XT12345`, `T12345` and `CVE-2017-11882` hold no technique ID.
const NOT_AFTER_WORD = '(?<![A-Za-z0-9_])';
const TECHNIQUE_DIGITS = `\\d{${digits}}`;
const SUB_DIGITS = `\\d{${subDigits}}`;
const END_OF_SUB = '(?![A-Za-z0-9]|\\.\\d)';
// `T1193-2020` or `T1234.5678` is not an ID followed by something else: it is no ID at all.
const END_OF_TECHNIQUE = '(?![A-Za-z0-9]|[./_-]\\d)';
// The ways reports separate a sub-technique number: `.`, ` .`, `/`, `-`, `_`.
const SUB_SEPARATOR = '(?: ?\\.|[/_-])';
const PREFIX = `[${prefix}${prefix.toLowerCase()}]`;

/**
 * A technique ID as reports write it (any case, any usual sub-technique separator), unanchored; named groups
 * `technique` (the 4 digits) and `sub` (the 3 digits, when present). Run it on NFKC-folded text.
 */
export const TECHNIQUE_ID_PATTERN = new RegExp(
  `${NOT_AFTER_WORD}${PREFIX}(?<technique>${TECHNIQUE_DIGITS})` +
    `(?:${SUB_SEPARATOR}(?<sub>${SUB_DIGITS})${END_OF_SUB}|${END_OF_TECHNIQUE})`,
);

/** A fresh global copy of a pattern (global regexes keep state, so shared ones are never global). */
function globalCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
}

/** Technique IDs written in one place: one ID, or siblings in a shorthand (`T1059.001/.003`). */
export interface TechniqueIdMatch {
  /** Canonical IDs. */
  ids: string[];
  /** Where the written IDs start and end in the searched text. */
  index: number;
  end: number;
}

// `T1059.001/.003`, `T1059.001/003`, `T1059.001, .003`: siblings written after the first sub-technique.
const SIBLING = '(?: ?/ ?\\.?| ?[,、&] ?\\.)';
const SHORTHAND_TAIL = new RegExp(`^(?:${SIBLING}${SUB_DIGITS}${END_OF_SUB})+`);

/** Every technique ID in (NFKC-folded) text, in order, with its position. */
export function findTechniqueIds(text: string): TechniqueIdMatch[] {
  const found: TechniqueIdMatch[] = [];
  for (const match of text.matchAll(globalCopy(TECHNIQUE_ID_PATTERN))) {
    const { technique, sub } = match.groups ?? {};
    const parent = `${prefix}${technique}`;
    let end = match.index + match[0].length;
    const ids = [sub ? `${parent}.${sub}` : parent];
    const tail = sub ? SHORTHAND_TAIL.exec(text.slice(end)) : null;
    if (tail) {
      ids.push(...(tail[0].match(new RegExp(SUB_DIGITS, 'g')) ?? []).map((s) => `${parent}.${s}`));
      end += tail[0].length;
    }
    found.push({ ids, index: match.index, end });
  }
  return found;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

/** Join the lines of a wrapped cell: a space between words, nothing between two Japanese characters. */
export function joinLines(text: string): string {
  return text.replace(/[ \t]*\r?\n\s*/g, (match: string, offset: number, whole: string) =>
    CJK.test(whole.charAt(offset - 1)) && CJK.test(whole.charAt(offset + match.length)) ? '' : ' ',
  );
}

/** A rule rewriting `T1234<separator>567` to `T1234.567`. */
function subSeparatorRule(separator: string): (ref: string) => string {
  const pattern = new RegExp(
    `${NOT_AFTER_WORD}${prefix}(${TECHNIQUE_DIGITS})${separator}(${SUB_DIGITS})${END_OF_SUB}`,
    'g',
  );
  return (ref) => ref.replace(pattern, `${prefix}$1.$2`);
}

const ATTACK_URL = new RegExp(
  `(?:https?://)?attack\\.mitre\\.org/(?:techniques|wiki/Technique)/` +
    `${prefix}(${TECHNIQUE_DIGITS})(?:[/.](${SUB_DIGITS}))?/?`,
  'gi',
);
const SHORTHAND = new RegExp(
  `${NOT_AFTER_WORD}(${prefix}${TECHNIQUE_DIGITS})\\.(${SUB_DIGITS})((?:${SIBLING}${SUB_DIGITS})+)${END_OF_SUB}`,
  'g',
);

/**
 * How a written reference becomes text whose IDs are canonical, one labelled step per quirk. The label is what
 * `ParsedReference.rules` (and so a warning or a test name) prints.
 */
export const refRules: ReadonlyArray<readonly [label: string, apply: (ref: string) => string]> = [
  ['full-width characters folded (NFKC)', (ref) => ref.normalize('NFKC')],
  ['line breaks joined (a wrapped cell)', joinLines],
  ['whitespace collapsed and trimmed', (ref) => ref.replace(/\s+/g, ' ').trim()],
  ['dashes unified (– — −)', (ref) => ref.replace(/[‐‑‒–—―−]/g, '-')],
  ['a markdown link keeps its text and address', (ref) => ref.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, '$1 $2')],
  [
    'an ATT&CK URL stands for its technique (/techniques/T1566/001/)',
    (ref) =>
      ref.replace(ATTACK_URL, (_m, technique: string, sub?: string) => `${prefix}${technique}${sub ? `.${sub}` : ''}`),
  ],
  [
    'a lower-case t starts the ID (t1193)',
    (ref) => ref.replace(globalCopy(TECHNIQUE_ID_PATTERN), (id) => id.charAt(0).toUpperCase() + id.slice(1)),
  ],
  ['a space before the dot of a sub-technique (T1566 .001)', subSeparatorRule(' \\.')],
  ['a slash separates a sub-technique (T1566/001)', subSeparatorRule('/')],
  ['a hyphen separates a sub-technique (T1566-001)', subSeparatorRule('-')],
  ['an underscore separates a sub-technique (T1566_001)', subSeparatorRule('_')],
  [
    'sibling sub-techniques written as a shorthand (T1059.001/.003)',
    (ref) =>
      ref.replace(SHORTHAND, (_m, technique: string, first: string, rest: string) =>
        [first, ...(rest.match(new RegExp(SUB_DIGITS, 'g')) ?? [])].map((sub) => `${technique}.${sub}`).join(', '),
      ),
  ],
];

/** Fold a tactic as written for lookups: `Command & Control`, `command-and-control`, `コマンド＆コントロール`. */
function tacticKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[\s・_\-‐–—]+/g, '');
}

const tacticByKey = new Map<string, string>(
  TACTIC_NAMES.flatMap(([display, ...written]) => [display, ...written].map((text) => [tacticKey(text), display] as const)),
);

const TACTIC_ID = /(?<![A-Za-z0-9])TA\d{4}(?![0-9])/;

/**
 * The English display name of a tactic as written (`初期アクセス`, `initial-access`, `Initial Access [TA0001]`), the
 * TA ID when only an unknown name stands beside one (`TA0001`), or undefined when the text names no tactic.
 */
export function tacticDisplayName(text: string): string | undefined {
  const folded = text.normalize('NFKC').trim();
  const taId = TACTIC_ID.exec(folded.toUpperCase())?.[0];
  const name = folded
    .replace(/[([【]?\s*TA\d{4}\s*[)\]】]?/gi, ' ')
    .replace(/^[\s\-:|*#]+|[\s\-:|*]+$/g, '')
    .trim();
  return (name && tacticByKey.get(tacticKey(name))) || (name ? undefined : taId);
}

/** Tactic names written in a list (`Execution, Defense Evasion`), or undefined unless every item is a tactic. */
export function parseTacticList(text: string): string[] | undefined {
  const parts = text
    .normalize('NFKC')
    .split(/\s*[,;/、]\s*|\s+(?:and|&)\s+(?=\S)(?![Cc]ontrol\b)/)
    .map((part) => part.trim())
    .filter(Boolean);
  const names = parts.map(tacticDisplayName);
  if (!names.length || names.some((name) => name === undefined)) return undefined;
  return [...new Set(names as string[])];
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Every written tactic form, longest first, with flexible spaces (`command-and-control`, `Command & Control`).
// Ties break by code unit, not localeCompare: this runs when the module loads, and a first localeCompare costs every
// CLI run ~15 ms of ICU collator set-up.
const TACTIC_WORDS = TACTIC_NAMES.flatMap(([display, ...written]) => [display, ...written])
  .sort((a, b) => b.length - a.length || compareText(a, b))
  .map((text) =>
    text
      .split(' ')
      .map((word) => (word === 'and' ? '(?:and|&)' : escapeRegExp(word)))
      .join('[\\s_-]+'),
  )
  .join('|');
const TACTIC_LIST = `(?:${TACTIC_WORDS})(?:\\s*[,/、]\\s*(?:${TACTIC_WORDS}))*`;
const OPEN = '[(\\[【]';
const CLOSE = '[)\\]】]';
const LEADING_TACTICS = `^\\s*(?<leading>${TACTIC_LIST})\\s*(?:[:>|]|\\s-\\s)\\s*`;
const TACTIC_WITH_ID =
  `(?:(?:${TACTIC_WORDS})\\s*)?` + `(?:${OPEN}\\s*TA\\d{4}\\s*${CLOSE}|(?<![A-Za-z0-9])TA\\d{4}(?![A-Za-z0-9]))`;
const TACTIC_IN_BRACKETS = `${OPEN}\\s*(?<bracketed>${TACTIC_LIST})\\s*${CLOSE}`;
// One pass, so that tactics come out in the order they are written.
const TACTIC_TEXT = new RegExp(`${LEADING_TACTICS}|${TACTIC_WITH_ID}|${TACTIC_IN_BRACKETS}`, 'gi');

function splitTacticList(text: string): string[] {
  return text
    .split(/\s*[,/、]\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Tactics written at the start of a reference (`Initial Access: Phishing (T1566)`) and the length they take up. */
export function leadingTactics(text: string): { tactics: string[]; length: number } {
  const match = new RegExp(LEADING_TACTICS, 'i').exec(text);
  const list = match?.groups?.['leading'];
  return match && list ? { tactics: splitTacticList(list), length: match[0].length } : { tactics: [], length: 0 };
}

/** Find tactic text inside a reference; returns the tactics (as written, in order) and the text with them cut out. */
function cutTactics(text: string, marker: string): { tactics: string[]; rest: string } {
  const tactics: string[] = [];
  const rest = text.replace(TACTIC_TEXT, (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const list = groups['leading'] ?? groups['bracketed'];
    tactics.push(...(list ? splitTacticList(list) : [match.trim()]));
    return marker;
  });
  return { tactics: [...new Set(tactics)], rest };
}

const END_PUNCTUATION = /^[\s\-:|,;/>・•、。*`]+|[\s\-:|,;/>・•、。.*`]+$/g;
const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '【': '】', '「': '」', '『': '』', '<': '>' };
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const CLOSERS = new Set(Object.values(BRACKETS));

/** One step of tidying the ends of a name: a stray bracket (left by a cut-out ID) or wrapping quotes go. */
function tidyEnds(name: string): string {
  const first = name.charAt(0);
  const last = name.charAt(name.length - 1);
  const inner = name.slice(1, -1);
  if (last in BRACKETS) return name.slice(0, -1);
  if (CLOSERS.has(first)) return name.slice(1);
  const wrapped = BRACKETS[first] === last || QUOTES[first] === last;
  if (wrapped && name.length > 1 && !inner.includes(first) && !inner.includes(last)) return inner;
  if (CLOSERS.has(last) && !Object.keys(BRACKETS).some((open) => BRACKETS[open] === last && name.includes(open)))
    return name.slice(0, -1);
  if (first in BRACKETS && !name.includes(BRACKETS[first] ?? '')) return name.slice(1);
  return name;
}

/** Clean a piece of a reference into a technique name, or undefined when no name is left. */
function cleanName(piece: string): string | undefined {
  let name = piece.replace(/https?:\/\/\S+/g, ' ').replace(/[*`]/g, '').replace(/\s+/g, ' ');
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = tidyEnds(name.replace(END_PUNCTUATION, ''));
  }
  return /[\p{L}\p{N}]/u.test(name) ? name : undefined;
}

const MARK = '\u0000';
const OTHER_ATTACK_ID = /^(?:TA|DS|[GSMC])\d{4}$/;

/**
 * Take a written technique reference apart: `Spearphishing Attachment (T1193)`, `T1566/001`, `Ｔ１１９３`,
 * `[Name](https://attack.mitre.org/techniques/T1566/001)`, `Initial Access [TA0001]: Phishing (T1566)`, a bare name.
 * Pure and total: text with no ID gives `ids: []` and the text as the name.
 */
export function parseReference(raw: string): ParsedReference {
  const rules: string[] = [];
  let text = raw;
  for (const [label, apply] of refRules) {
    const next = apply(text);
    if (next !== text) rules.push(label);
    text = next;
  }
  const { tactics, rest } = cutTactics(text, MARK);
  const ids: string[] = [];
  let marked = '';
  let from = 0;
  for (const match of findTechniqueIds(rest)) {
    for (const id of match.ids) if (!ids.includes(id)) ids.push(id);
    marked += rest.slice(from, match.index) + MARK;
    from = match.end;
  }
  marked += rest.slice(from);
  // Brackets that held only IDs (`(T1193)`, `[T1059.001, T1059.003]`) go with them.
  marked = marked.replace(new RegExp(`[(\\[【「]\\s*(?:${MARK}[\\s,;/&、]*)+[)\\]】」]`, 'g'), MARK);
  const pieces = marked
    .split(new RegExp(`${MARK}+`))
    .map(cleanName)
    // `APT32 (G0050)`: IDs of groups, software, mitigations, tactics or data sources are no technique names.
    .filter((piece): piece is string => piece !== undefined && !OTHER_ATTACK_ID.test(piece));
  // `A (T1), B (T2)` names two techniques: one name for both would be wrong, so there is none.
  const name = pieces.length > 1 && ids.length > 1 ? undefined : pieces[0];
  return { raw, ids, ...(name !== undefined ? { name } : {}), tactics, rules };
}
