import { TECHNIQUE_ID_FORMAT } from '../attack/technique-id.js';
import { doubleColonTactics, parseTacticList, readTacticText, tacticDisplayName, tacticPieces, trimChars, type TacticPiece } from './tactic-text.js';

/**
 * The one reader of technique references in text, used by `normalize` (a campaign's `ref`) and `extract` (a report's
 * lines): it finds technique IDs in every shape reports write them (typos, glued to words, shorthands, ranges), pairs
 * each with the name written beside it, and keeps for every reference the exact span of text it came from. Every
 * correction it makes is a labelled rule (`READING_RULES`) that the reference's trail names.
 *
 * Every scan here is a left-to-right pass with bounded look-around, so its time is linear in the text's length.
 */

/** A range `[start, end)` of a text, in UTF-16 code units. */
export interface TextSpan {
  start: number;
  end: number;
}

const { prefix, digits, subDigits } = TECHNIQUE_ID_FORMAT;
const LOWER_PREFIX = prefix.toLowerCase();

/** The labels of the reading rules, in the order a reference's trail lists them. */
export const READING_RULES = [
  'full-width characters folded (NFKC)',
  'line breaks joined (a wrapped cell)',
  'a markdown link keeps its text',
  'an ATT&CK URL stands for its technique (/techniques/T1566/001/)',
  'a lower-case t starts the ID (t1193)',
  'a doubled T (TT1001)',
  'a letter O, l or I read as the digit it looks like, as OCR and PDF fonts do (T1O59, Tl059, TI059)',
  'a space after the T (T 1569.002)',
  'a space before the dot of a sub-technique (T1566 .001)',
  'a space after the dot of a sub-technique (T1059. 001)',
  'a slash separates a sub-technique (T1566/001)',
  'a hyphen separates a sub-technique (T1566-001)',
  'an underscore separates a sub-technique (T1566_001)',
  'a comma stands for the dot of a sub-technique (T1059,001)',
  'a colon separates a sub-technique (T1059:003)',
  'a Markdown escape before a punctuation character is dropped (T1021\\.004, Remote File Copy (T1105\\))',
  'sibling sub-techniques written as a shorthand (T1059.001/.003, T1566.001 and .002)',
  'sibling sub-techniques written by their number alone after a slash, its zeros left out (T1003.001/2/6, T1218.010/11)',
  'a technique and its sub-technique written as a shorthand (T1078/.004)',
  'a range of sub-techniques (T1003.001-.003)',
  'a range of techniques written with a tilde (T1192~1194, T1192〜T1194)',
  'sub-techniques in brackets after their technique (T1566[.001,.002])',
  'sub-technique numbers completed from brackets after their shared digits (T1059.00[1,5], T1059.[001,005])',
  'an ID glued to the word before it is split off (Initial AccessT1566.001)',
  'an ID glued to the word after it is split off (T1106Native API)',
  'IDs run together are split (T1059.001T1106)',
  'name-ID pairs run together are read pair by pair',
  'a tactic written where a name stands is the reference\'s tactic (Execution (T1059.001))',
  'an ID spaced out letter by letter, as PDF text of a spaced heading writes it (T 1 1 9 3)',
  'a tactic in brackets right after a reference is its own tactic (T1204.001: Malicious Link (TA0002: Execution))',
  'a tactic glued before an ID in a table\'s rows run together is its row\'s, and the next rows\' without one (…usedExecutionT1059.004…)',
  'an ID glued to a word in capitals before it is split off (over SSHT1570)',
  'a footnote number glued to a sub-technique is left out (T1059.00112: T1059.001, footnote 12)',
  'a space among an ID\'s digits is left out where the ID stands alone in brackets, as OCR writes it ([T107 1.001])',
  'a tactic before `::` and the technique\'s name is its own tactic, as capa writes it (Defense Evasion::Obfuscated Files or Information [T1027])',
  'a file named for a technique stands for it, as Atomic Red Team and emulation repositories name a test\'s files (T1059.001.ps1, T1003.001.yaml)',
  'an ATT&CK URL whose slashes PDF-to-text dropped is read as the URL (https:attack.mitre.orgtechniquesT1556008)',
  'Atomic Red Team test numbers after a technique\'s ID are left out (T1003.001-3, T1559-1,2,3: the technique\'s tests)',
  'an ID glued to a tactic\'s ID before it is split off (TA0011T1561.001)',
  'a tactic\'s ID before `::` and the technique\'s ID is its own tactic, as capa\'s notation with IDs (PowerShell (TA0002::T1059.001))',
  'a zero-width space, word joiner or byte order mark (U+200B, U+2060, U+FEFF) is left out, as web pages hide them in an ID or beside it (T1<U+200B>059.001)',
] as const;
export type ReadingRule = (typeof READING_RULES)[number];

export const [FOLD_RULE, JOIN_RULE] = READING_RULES;
const [, , MARKDOWN, URL_RULE, LOWER_T, DOUBLED_T, LOOKALIKE, SPACE_AFTER_T, SPACE_DOT, SPACE_AFTER_DOT, SLASH, HYPHEN, UNDERSCORE, COMMA, COLON, ESCAPED_DOT, SIBLINGS, UNPADDED_SIBLINGS, PARENT_SIBLING, RANGE, TILDE_RANGE, BRACKETED, COMPLETED, GLUED_BEFORE, GLUED_AFTER, RUN_TOGETHER, PAIRS, TACTIC_AS_NAME, LETTER_SPACED, TACTIC_AFTER, TACTIC_GLUED, GLUED_CAPITALS, FOOTNOTE, SPLIT_DIGITS, TACTIC_BEFORE_NAME, FILE_NAME, SLASHLESS_URL, ATOMIC_TEST, GLUED_TACTIC_ID, TACTIC_ID_BEFORE_ID, ZERO_WIDTH_LEFT_OUT] =
  READING_RULES;
/** The rule by which a Markdown backslash escape is read as the character it escapes (`foldText` drops the backslash). */
export const ESCAPE_RULE: ReadingRule = ESCAPED_DOT;
/** The rule by which a zero-width character is left out (`foldText` drops it). */
export const ZERO_WIDTH_RULE: ReadingRule = ZERO_WIDTH_LEFT_OUT;
/** The rule by which a reference states its own tactic in brackets after it: that tactic is its, and no other. */
export const TACTIC_AFTER_RULE: ReadingRule = TACTIC_AFTER;
/** The rule by which capa's `Tactic::Technique [ID]` gives a reference's tactic: that tactic is its, and no other. */
export const TACTIC_BEFORE_NAME_RULE: ReadingRule = TACTIC_BEFORE_NAME;
/** The rule by which `TA0002::T1059.001` gives a reference's tactic: that tactic is its, and no other. */
export const TACTIC_ID_BEFORE_ID_RULE: ReadingRule = TACTIC_ID_BEFORE_ID;
/** The rule by which a row of a table run together on one line gives its tactic: that tactic is the reference's, and no other. */
export const TACTIC_GLUED_RULE: ReadingRule = TACTIC_GLUED;
/** The rule that reads look-alike letters as digits (`T1O59`): an ID it gives is checked against the release. */
export const LOOKALIKE_RULE: ReadingRule = LOOKALIKE;
/** The rules that read an ID out of a longer word by a guess the caller reports (`SSHT1570`, `T1059.00112`). */
export const GLUED_CAPITALS_RULE: ReadingRule = GLUED_CAPITALS;
export const FOOTNOTE_RULE: ReadingRule = FOOTNOTE;
export const SPLIT_DIGITS_RULE: ReadingRule = SPLIT_DIGITS;
/** The rule that reads an ID a file is named for (`T1059.001.ps1`): the caller says it came from a file's name. */
export const FILE_NAME_RULE: ReadingRule = FILE_NAME;

/** How a sub-technique number is separated from its technique, each with the rule that reads it (none for `.`). */
const SUB_SEPARATORS: ReadonlyArray<readonly [rule: ReadingRule | undefined, pattern: string]> = [
  [undefined, '\\.'],
  [SPACE_DOT, ' \\.'],
  // Only before a number starting with 0, as every sub-technique's does: `T1105. 250 files` is a sentence going on.
  [SPACE_AFTER_DOT, '\\. (?=0)'],
  [SLASH, '/'],
  [HYPHEN, '-'],
  [UNDERSCORE, '_'],
  [COMMA, ','],
  // Only before a number starting with 0: `T1059: Command and Scripting Interpreter` and `T1059:10` are no such thing.
  [COLON, ':(?=0)'],
  // Text converted to Markdown escapes the dot (`T1021\.004`, M-Trends 2024 as a Markdown file stores it); text that
  // `foldText` folded has no such escape left.
  [ESCAPED_DOT, '\\\\\\.'],
];

const TECHNIQUE = `\\d{${digits}}`;
const SUB = `\\d{${subDigits}}`;
// One or two Ts, at most one space, the technique's digits: the cheap first look; every candidate is checked next.
const T = `(?:${prefix}${prefix}|${LOWER_PREFIX}${LOWER_PREFIX}|[${prefix}${LOWER_PREFIX}])`;
const CANDIDATE = new RegExp(`${T} ?${TECHNIQUE}`, 'g');
const CANDIDATE_AT = new RegExp(`${T} ?${TECHNIQUE}`, 'y');
const SUB_AT = new RegExp(`(?:${SUB_SEPARATORS.map(([, pattern]) => `(${pattern})`).join('|')})(${SUB})(?!\\d)`, 'y');
// `T1059.00112`: a sub-technique number (starting with 0, as every one does) with a footnote's one or two digits glued
// to it, as PDF-to-text writes a superscript. `T1234.5678` stays no ID.
const FOOTNOTE_SUB_AT = new RegExp(`\\.(0\\d{${subDigits - 1}})\\d{1,2}(?!\\d|[.,]\\d)`, 'y');
// `T1566.01`: a sub-technique number with too few digits; or with a space among its three (`T1055.0 12`, PDF-to-text),
// the whole malformed, for the caller to report with the ID it may be.
// A full stop after it ends the sentence (`They used T1059.001 and T1003.01.`); a dot before a digit or a letter goes on
// with a version or a file's name (`T1003.01.2`, `T1003.01.exe`).
const SHORT_SUB_AT = new RegExp(`\\.(\\d{1,2})(?: (\\d{1,2})(?![\\dA-Za-z.]|,\\d))?(?!\\d|\\.[\\dA-Za-z])`, 'y');
// Siblings after a sub-technique: `/.003`, `/003`, `, .003`, ` and .002`, `、.002`; `|003`, a regex's alternation as
// a detection's notes write it (`T1059.001|003`), the pipe unspaced: a spaced one is a table's cell border, and so is
// any in a table's row (`tableRowAt`).
const SIBLING_AT = new RegExp(`(?:\\|\\.?| ?/ ?\\.?| {0,2}(?:,|、|&|\\+|and|or) {0,2}\\.)(${SUB})(?!\\d)`, 'y');
// A sibling after a sub-technique written as its number without the zeros before it, after a slash: `T1003.001/2/6`,
// `T1218.010/11`, `T1055.001/4/12` (a red-team roadmap's Markdown table of technique IDs), as version lists write
// `.001/2/3`. Only after a slash and a sub-technique: `T1059.001, 3 hosts` is a sentence going on.
const UNPADDED_SIBLING_AT = new RegExp(`/(\\d{1,${subDigits - 1}})(?!\\d|[.,]\\d)`, 'y');
// A sub-technique after its technique, its dot written: `T1078/.004`, `T1078, .004` (a SOC playbook's table: `Initial
// Access | … T1190, T1078/.004 |`). The technique is cited too.
const PARENT_SIBLING_AT = new RegExp(`(?: ?/ ?| {0,2}(?:,|、|&|\\+|and|or) {0,2})\\.(${SUB})(?!\\d)`, 'y');
// A range after a sub-technique: `-.003`, `-003`, ` - T1003.003`, ` to .003`; `〜T1003.003`, `~.003`, as Japanese text
// writes a range with a wave dash (a full-width tilde folds to `~`).
const RANGE_AT = new RegExp(`(?: ?[-~〜] ?| (?:to|through) )(?:[${prefix}](${TECHNIQUE})\\.|\\.)?(${SUB})(?!\\d)`, 'y');
// A range of techniques, as Japanese text writes one: `T1192~1194`, `T1192〜T1194` (a full-width tilde folds to `~`).
const TILDE_RANGE_AT = new RegExp(`(?: ?[~〜] ?)${prefix}?(${TECHNIQUE})(?![\\d.])`, 'y');
// Sub-techniques in brackets after their technique: `T1566[.001,.002]`, `T1566 (.001, .002)`.
const BRACKETED_AT = new RegExp(`( ?[[(] ?)\\.(${SUB})((?: {0,2}[,/、] {0,2}\\.${SUB}){0,30}) ?[\\])]`, 'y');
// Sub-technique numbers completed from brackets after the digits they share: `T1059.00[1,5]`, `T1059.[001,005]`. Any
// digits are taken here; only endings that make whole 3-digit numbers are read (`T1059.00{1,5}`, a regex's repeat
// count or a shell's expansion, and `T1059.0[1,15]` are malformed). Braces of whole numbers right after the dot are a
// shell's expansion with one reading (`T1053.{003,005} / T1543.{001,003,004}`, a Markdown table of an emulation tool's
// catalog): each number is a sub-technique.
const COMPLETED_AT = new RegExp(`\\.(\\d{0,${subDigits - 1}})([[{]) ?(\\d{1,${subDigits}}(?: {0,2}[,/、] {0,2}\\d{1,${subDigits}}){0,30}) ?([\\]}])`, 'y');
const SUBS = new RegExp(SUB, 'g');
const ATTACK_URL_BEFORE = /(?:https?:\/\/)?(?:www\.)?attack\.mitre\.org\/(?:techniques|wiki\/Technique)\/$/i;
// `https:attack.mitre.orgtechniquesT1556008\.`: an ATT&CK technique page's URL with its slashes dropped, as PDF-to-text
// wrote the footnotes of CrowdStrike's 2023 Threat Hunting Report (`see the MITRE website: https:attack.mitre.orgtechniquesT1078`,
// `(https:attack.mitre.orgtechniquesT1558003\)`): the sub-technique's three digits glued to the technique's four, the
// ID ending at a character that is no digit or letter. The one repair that is plain: no other thing is written so.
const SLASHLESS_URL_BEFORE = /(?:https?:\/{0,2})?(?:www\.)?attack\.mitre\.org\/?techniques$/i;
const SLASHLESS_URL_ID_AT = new RegExp(`${prefix}(\\d{${digits}})(\\d{${subDigits}})?(?![\\p{L}\\p{N}])`, 'uy');
const MAX_RANGE = 30;
// `T1003.001-3 Dump LSASS.exe Memory using comsvcs.dll`: Atomic Red Team's short form of a technique's tests, its numbers
// after a hyphen (`Invoke-AtomicTest T1559-1,2,3`: redcanaryco/invoke-atomicredteam, Public/Invoke-AtomicTest.ps1, splits
// it at the hyphen), as its output, purple-team logs and lab write-ups quote them (`Executing test: T1003.001-3 …`,
// `(Atomic T1003.001-3)`). Numbers of one or two digits: `T1193-2020` is a longer number, `T1003.001-003` a range.
const ATOMIC_TEST_AT = /-\d{1,2}(?:,\d{1,2})*(?![\p{L}\p{N}]|[.,/-]\p{N})/uy;

const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isUpper = (c: string): boolean => c >= 'A' && c <= 'Z';
const isLower = (c: string): boolean => c >= 'a' && c <= 'z';
const isAsciiAlnum = (c: string): boolean => isDigit(c) || isUpper(c) || isLower(c);
// What may stand before a word that an ID is glued to: a bracket, a quote, a cell border, a label's colon.
const BEFORE_GLUED_WORD = ' \t\n([|:>"\'“「【,;*';

/** Technique IDs written in one place: one ID, or several in a shorthand (`T1059.001/.003`, `T1003.001-.003`). */
export interface IdToken {
  /** Canonical IDs, in order. */
  ids: string[];
  /** Where it is written (in the text scanned). */
  start: number;
  end: number;
  /** The reading rules its shape needed. */
  rules: ReadingRule[];
  /** A malformed ID (`T1566.01`), as written: it names no technique until the sub-technique number is fixed. */
  malformed?: string;
}

/**
 * Whether an ID that starts at `start` is joined to the word before it by a hyphen or an underscore: it is then part of a
 * longer identifier (`chain-T1021.x`, a detector's name; `PRE-T1156`, a PRE-ATT&CK ID; `MITRE_T1555_credentials`, a
 * Falco tag), which may stand for the technique or for another thing. The hyphen after an ID (`T1059-T1106`) is a list's.
 */
function joinedToWord(text: string, start: number, lastEnd: number): boolean {
  const before = text.charAt(start - 1);
  return (before === '-' || before === '_') && start - 1 !== lastEnd && /[\p{L}\p{N}]/u.test(text.charAt(start - 2));
}

/** How an ID not read stands inside a longer word: joined by a hyphen or underscore, or glued in a path (`visitIds`). */
export type IdInWordKind = 'joined' | 'path';

// An ID glued to a word of three letters or more that a path's separator begins (`C:\Users\Public\payloadT1059.001`,
// `/tmp/stageT1105`), the ID ending the path or its file's name; or to a Windows path whose separators PDF-to-text
// dropped, its drive's letter and colon before it (`C:WindowsSystem32T1059.ps1`): which folder or file the ID was is
// not plain (`System32\T1059.ps1`, `System32T1059.ps1`), so it is only reported.
const GLUED_IN_PATH = /[\\/][A-Za-z]{3,40}$|(?<![\p{L}\p{N}])[A-Za-z]:[A-Za-z][A-Za-z0-9]{2,80}$/u;
// (A file's extension may hold digits: `.ps1`.)
const PATH_ID_END = /^T\d{4}(?:\.\d{3})?(?:$|[\s\\/"'`)\]]|\.[A-Za-z][A-Za-z0-9]{1,3}(?![\p{L}\p{N}]))/u;

/**
 * Whether an ID that starts at `start`, not read, is glued to a word in a path: after a backslash or slash and letters,
 * as a file's name or a path PDF-to-text ran together keeps it. Not letters glued to digits (a hash, base64), nor a word
 * not begun by a path's separator (`MT1055`, a part number).
 */
function gluedInPath(text: string, start: number): boolean {
  return GLUED_IN_PATH.test(text.slice(Math.max(0, start - 84), start)) && PATH_ID_END.test(text.slice(start, start + 16));
}

/** The reference an ATT&CK URL with its slashes dropped makes, from `start`, the ID's (`SLASHLESS_URL_BEFORE`). */
function slashlessUrl(text: string, start: number): IdToken | undefined {
  const before = SLASHLESS_URL_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
  SLASHLESS_URL_ID_AT.lastIndex = start;
  const id = before ? SLASHLESS_URL_ID_AT.exec(text) : null;
  if (!before || !id) return undefined;
  const technique = `${prefix}${id[1]!}`;
  return { ids: [id[2] ? `${technique}.${id[2]}` : technique], start: start - before[0].length, end: SLASHLESS_URL_ID_AT.lastIndex, rules: [URL_RULE, SLASHLESS_URL] };
}

// `TA0011T1561\.001Discovery…`: a tactic's ID glued before a technique's, as a chart's labels run together in a report
// converted to Markdown (WatchGuard's Internet Security Report Q1 2024: `…TA0040TA0002T1059\.001TA0003T1543\.005…`). A
// tactic ID, not the end of a longer word in capitals (`DATA0001T1059`). It is no tactic of the ID's: a chart's column
// of tactics runs into its column of techniques (`TA0011T1561.001`, Command and Control's ID before an Impact technique).
const TACTIC_ID_BEFORE = /(?:^|[^A-Z])TA\d{4}$/;

/** Where an ID that starts at `start` may start: after a word boundary, a finished ID, or a word it is glued to. */
function leftBoundary(text: string, start: number, lastEnd: number): ReadingRule | 'ok' | undefined {
  if (start === 0) return 'ok';
  if (start === lastEnd) return RUN_TOGETHER;
  const before = text.charAt(start - 1);
  if (isDigit(before) && TACTIC_ID_BEFORE.test(text.slice(Math.max(0, start - 7), start))) return GLUED_TACTIC_ID;
  if (isDigit(before) || before === '_' || joinedToWord(text, start, lastEnd)) return undefined;
  if (isUpper(before)) return capitalsBefore(text, start);
  if (!isLower(before)) return 'ok';
  // `Initial AccessT1566.001`: a whole word (Title or lower case) glued to a capital T; or words run together as a
  // table's cells are when a page is scraped or a PDF converted (`hands-on activityExecutionT1059.004`: a cell's last
  // word, then the next row's tactic), each after the first in Title case. Not an identifier's mixed case (`aBcT1059`).
  if (text.charAt(start) !== prefix) return undefined;
  let q = start;
  while (q > 0 && start - q < 60 && (isUpper(text.charAt(q - 1)) || isLower(text.charAt(q - 1)))) q--;
  const word = text.slice(q, start);
  if (!/^[A-Z]?[a-z]{2,}(?:[A-Z][a-z]{2,})*$/.test(word)) return undefined;
  // `…T1598PhishingT1059Command…` (an ID | Name table run together): so is a one-word name cell glued to the ID before.
  if (q === 0 || q === lastEnd || BEFORE_GLUED_WORD.includes(text.charAt(q - 1))) return GLUED_BEFORE;
  // `…a second-stage payload.ExecutionT1059Command…`: a cell's sentence, its full stop glued to the next row's tactic.
  return text.charAt(q - 1) === '.' && isUpper(text.charAt(q)) && /[\p{Ll}\d)]/u.test(text.charAt(q - 2)) ? GLUED_BEFORE : undefined;
}

// A word in capitals an ID may be glued to (`SSH`, `HTTPS`): three to five letters, as a protocol's or a tool's acronym;
// what may stand before it (no quote: `"SSHT1023"` is an identifier's value).
const CAPITALS = /^[A-Z]{3,5}$/;
const BEFORE_CAPITALS = ' \t\n([|:>,;*【';

/**
 * Whether an ID at `start` is glued to a whole word in capitals before it (`lateral movement over SSHT1570`, a scraped
 * table's cells run together): the word stands alone before it (after a space, a bracket, a cell border). Not a longer
 * run of capitals or one glued to other letters (`XYZABCT1059`, `xYzABCT1059`), nor two letters (`GMT1200`'s `GM`), nor
 * a quoted word (`"SSHT1023"`, a room number in a PHP file).
 */
function capitalsBefore(text: string, start: number): ReadingRule | undefined {
  if (text.charAt(start) !== prefix) return undefined;
  let q = start;
  while (q > 0 && start - q < 6 && isUpper(text.charAt(q - 1))) q--;
  if (!CAPITALS.test(text.slice(q, start))) return undefined;
  return q === 0 || BEFORE_CAPITALS.includes(text.charAt(q - 1)) ? GLUED_CAPITALS : undefined;
}

// `T1059.001.ps1`, `T1003.001.yaml`, `T1113-screen-capture.ps1`: a file's name made of an ID, then a hyphen's or an
// underscore's words, then a program's, a script's, a document's or a data file's extension, as Atomic Red Team names
// its test files (`atomics/T1003.001/T1003.001.yaml`, `T1055.dll`) and emulation and detection repositories their
// modules. The file stands for its technique (`FILE_NAME`): its name is the ID and the extension, never a technique's.
const FILE_NAME_AFTER = /^(?:[-_][A-Za-z0-9]+)*\.(?:dll|exe|sys|scr|cpl|ocx|msi|lnk|hta|vbs|ps1|psm1|bat|cmd|sh|py|js|yaml|yml|md|json|toml|xml|txt|html?)(?![\p{L}\p{N}])/iu;
// How far back the path a file's name ends is looked at for its ID (`atomics/T1055/src/x64/T1055.dll`).
const MAX_PATH = 200;

/**
 * The file's name an ID at `start` to `end` begins (`T1059.001.ps1`: its end), when it stands alone at the start of a
 * file's name; false when the ID is glued to a word before it (`$env:TEMPT1055.dll`, a path PDF-to-text ran together)
 * or its path names it already (`atomics/T1055/src/x64/T1055.dll`: the folder is the reference, read once); undefined
 * when no file's name follows it.
 */
function fileNameEnd(text: string, start: number, end: number, ids: readonly string[], left: ReadingRule | 'ok'): number | false | undefined {
  // `T1193-2020.txt`: a longer number, no ID (`rightBoundary`); an underscore joins an identifier's words.
  if (!'.-'.includes(text.charAt(end)) || isDigit(text.charAt(end + 1))) return undefined;
  const file = FILE_NAME_AFTER.exec(text.slice(end, end + 40));
  if (!file) return undefined;
  let q = start;
  while (q > 0 && start - q < MAX_PATH && !/\s/.test(text.charAt(q - 1))) q--;
  const path = text.slice(q, start).toUpperCase();
  if (left !== 'ok' || ids.some((id) => path.includes(id))) return false;
  return end + file[0].length;
}

/** Whether an ID may end at `end`: a boundary, the next ID, or a capitalised word glued to it (`T1106Native`). */
function rightBoundary(text: string, end: number): ReadingRule | 'ok' | undefined {
  if (end >= text.length) return 'ok';
  const next = text.charAt(end);
  if (isDigit(next) || next === '_') return undefined;
  // `T1193-2020`, `T1234.5678`: a longer number, not an ID.
  if ('./-'.includes(next) && isDigit(text.charAt(end + 1))) return undefined;
  if (!isUpper(next) && !isLower(next)) return 'ok';
  CANDIDATE_AT.lastIndex = end;
  if (CANDIDATE_AT.test(text)) return 'ok';
  return isUpper(next) && isLower(text.charAt(end + 1)) ? GLUED_AFTER : undefined;
}

/**
 * Every technique ID written in (NFKC-folded) text, in order: `T1566.001`, `t1566/001`, `TT1001`, `T 1569.002`,
 * `T1059,001`, `T1566.001 and .002`, `T1566[.001,.002]`, `T1003.001-.003`, ATT&CK URLs, IDs glued to words or to
 * each other; and malformed ones (`T1566.01`). Look-alikes are not IDs: `XT12345`, `T12345`, `T1193-2020`, `TA0001`.
 */
export function scanIds(text: string): IdToken[] {
  const tokens: IdToken[] = [];
  visitIds(text, (token) => tokens.push(token));
  return tokens;
}

// `T1O59`, `Tl059`, `TI059.001`: letters a scan or a PDF's font turns digits into. Read only as a whole word of a capital
// T and four (then three) digits or look-alikes, with no letter, digit, dot, slash, backslash, underscore or hyphen
// around it: never inside a hash, a file name (`TI059.exe`), a path or an identifier.
const LOOKALIKE_ID = /(?<![\p{L}\p{N}._/\\-])T[0-9OIl]{4}(?:\.[0-9OIl]{3})?(?![\p{L}\p{N}_/\\-]|\.[\p{L}\p{N}])/gu;
const LOOKALIKE_DIGIT: Readonly<Record<string, string>> = { O: '0', I: '1', l: '1' };

/**
 * The text with the look-alike letters of ID-shaped words made digits (the same length, so every span still holds),
 * and where it was done; undefined when nothing was. A word needs two real digits and one look-alike (`TOOIl` is none).
 */
function withLookalikesRead(text: string): { text: string; spans: TextSpan[] } | undefined {
  if (!/T[0-9OIl]{4}/.test(text)) return undefined;
  const spans: TextSpan[] = [];
  let out = '';
  let at = 0;
  for (const match of text.matchAll(LOOKALIKE_ID)) {
    const word = match[0];
    if (!/[OIl]/.test(word) || (word.match(/\d/g)?.length ?? 0) < 2) continue;
    out += text.slice(at, match.index) + word.replace(/[OIl]/g, (c) => LOOKALIKE_DIGIT[c]!);
    at = match.index + word.length;
    spans.push({ start: match.index, end: at });
  }
  return spans.length ? { text: out + text.slice(at), spans } : undefined;
}

// `T 1 1 9 3`, `T 1 0 5 9 . 0 0 1`: pdftotext writes a heading set in spaced capitals (`T E C H N I Q U E   T 1 1 9 3`)
// one character at a time. Read only where every digit stands alone and no spaced letter or digit goes on the word.
const SPACED_ID = /(?<![\p{L}\p{N}]|[\p{L}\p{N}] )T(?: \d){4}(?: \.(?: \d){3})?(?! ?[\p{L}\p{N}]| \.)/gu;
// `[T107 1.001]` (a CISA advisory's page read by OCR): one space among a sub-technique ID's four digits. Read only where
// the ID stands alone in brackets, a guess the caller reports.
const SPLIT_DIGITS_ID = /(?<=[[(])T(\d{1,3}) (\d{1,3})\.\d{3}(?=[\])])/g;
const SPLIT_DIGITS_HINT = /[[(]T\d{1,3} \d/;

/**
 * The text with its spaced-out IDs and its IDs split by a space written whole, padded with spaces to the same length
 * (so every span still holds), and where they were, with the rule that read each; undefined when there is none.
 */
function withSpacedIdsRead(text: string): { text: string; spans: Array<TextSpan & { rule: ReadingRule }> } | undefined {
  const spacedOut = text.includes('T 1') || text.includes('T 0');
  const split = SPLIT_DIGITS_HINT.test(text);
  if (!spacedOut && !split) return undefined;
  const spans: Array<TextSpan & { rule: ReadingRule }> = [];
  const whole = (rule: ReadingRule) => (word: string, at: number) => {
    spans.push({ start: at, end: at + word.length, rule });
    return word.replace(/ /g, '').padEnd(word.length, ' ');
  };
  let out = spacedOut ? text.replace(SPACED_ID, whole(LETTER_SPACED)) : text;
  if (split) out = out.replace(SPLIT_DIGITS_ID, (word: string, a: string, b: string, at: number) => (a.length + b.length === digits ? whole(SPLIT_DIGITS)(word, at) : word));
  return spans.length ? { text: out, spans } : undefined;
}

/**
 * `scanIds` one token at a time, for a caller that keeps less than every token (a long line holds thousands). `inWord`
 * is given each word that is not read because it holds an ID joined to a word before it (`joinedToWord`), or glued to
 * one in a path or a file's name (`gluedInPath`, `$env:TEMPT1055.dll`): the whole word, to report, where the ID in it
 * starts, and which of the two.
 */
export function visitIds(written: string, visit: (token: IdToken) => void, inWord?: (word: TextSpan, at: number, kind: IdInWordKind) => void): void {
  const lookalikes = withLookalikesRead(written);
  const spacedOut = withSpacedIdsRead(lookalikes?.text ?? written);
  const text = spacedOut?.text ?? lookalikes?.text ?? written;
  let lastEnd = -1;
  const wikiLinks = text.includes('[[');
  for (const match of text.matchAll(CANDIDATE)) {
    let start = match.index;
    if (start < lastEnd) continue;
    const candidate = match[0];
    const rules: ReadingRule[] = [];
    const left = leftBoundary(text, start, lastEnd);
    if (!left) {
      const url = slashlessUrl(text, start);
      if (url) {
        visit(url);
        lastEnd = url.end;
        continue;
      }
      if (inWord && joinedToWord(text, start, lastEnd)) inWord(wordAround(text, start), start, 'joined');
      else if (inWord && gluedInPath(text, start)) inWord(wordAround(text, start), start, 'path');
      continue;
    }
    if (left !== 'ok') rules.push(left);
    const ts = candidate.charAt(1).toUpperCase() === prefix ? 2 : 1;
    if (candidate.charAt(0) === LOWER_PREFIX) rules.push(LOWER_T);
    if (ts === 2) rules.push(DOUBLED_T);
    if (lookalikes?.spans.some((span) => span.start === start)) rules.push(LOOKALIKE);
    const spaced = candidate.charAt(ts) === ' ';
    const technique = `${prefix}${candidate.slice(-digits)}`;
    let end = start + candidate.length;
    const ids: string[] = [];
    let malformed: string | undefined;
    SUB_AT.lastIndex = end;
    const sub = SUB_AT.exec(text);
    if (sub) {
      const separator = SUB_SEPARATORS.find((_, i) => sub[i + 1] !== undefined);
      if (separator?.[0]) rules.push(separator[0]);
      ids.push(`${technique}.${sub[SUB_SEPARATORS.length + 1]}`);
      end = SUB_AT.lastIndex;
      end = readSiblings(text, technique, ids, end, rules);
    } else {
      const completed = readCompleted(text, technique, ids, end, rules);
      BRACKETED_AT.lastIndex = end;
      const bracketed = BRACKETED_AT.exec(text);
      SHORT_SUB_AT.lastIndex = end;
      const short = bracketed ? null : SHORT_SUB_AT.exec(text);
      FOOTNOTE_SUB_AT.lastIndex = end;
      const footnote = bracketed || short || completed !== undefined ? null : FOOTNOTE_SUB_AT.exec(text);
      if (completed !== undefined) {
        if (!ids.length) malformed = text.slice(start, completed);
        end = completed;
      } else if (bracketed) {
        rules.push(BRACKETED);
        ids.push(...[bracketed[2], ...(bracketed[3]?.match(SUBS) ?? [])].map((s) => `${technique}.${s}`));
        end = BRACKETED_AT.lastIndex;
      } else if (short) {
        // Only digits that make the number's three are its own (`T1055.0 12`); others are the text's (`T1055.0 1`).
        end = short[2] !== undefined && short[1]!.length + short[2].length !== subDigits ? end + 1 + short[1]!.length : SHORT_SUB_AT.lastIndex;
        malformed = text.slice(start, end);
      } else if (footnote) {
        rules.push(FOOTNOTE);
        ids.push(`${technique}.${footnote[1]}`);
        end = FOOTNOTE_SUB_AT.lastIndex;
      } else {
        ids.push(technique);
        end = readTechniqueRange(text, technique, ids, end, rules);
        PARENT_SIBLING_AT.lastIndex = end;
        const child = ids.length === 1 ? PARENT_SIBLING_AT.exec(text) : null;
        if (child && rightBoundary(text, PARENT_SIBLING_AT.lastIndex)) {
          rules.push(PARENT_SIBLING);
          ids.push(`${technique}.${child[1]}`);
          end = readSiblings(text, technique, ids, PARENT_SIBLING_AT.lastIndex, rules);
        }
      }
    }
    // `T 2020` is no ID: a space after the T is read only in a full `T 1569.002`.
    if (spaced && (candidate.charAt(0) !== prefix || ids.length !== 1 || !ids[0]?.includes('.'))) continue;
    if (spaced) rules.push(SPACE_AFTER_T);
    const spacedSpan = spacedOut?.spans.find((span) => span.start === start);
    if (spacedSpan) {
      rules.push(spacedSpan.rule);
      end = spacedSpan.end;
    }
    ATOMIC_TEST_AT.lastIndex = end;
    if (ids.length === 1 && ATOMIC_TEST_AT.test(text)) {
      rules.push(ATOMIC_TEST);
      end = ATOMIC_TEST_AT.lastIndex;
    }
    const file = fileNameEnd(text, start, end, ids, left);
    if (file === false) {
      if (inWord && left !== 'ok') inWord(wordAround(text, start), start, 'path');
      continue;
    }
    const right = file === undefined ? rightBoundary(text, end) : rightBoundary(text, file);
    if (!right) continue;
    if (right !== 'ok') rules.push(right);
    if (file !== undefined) {
      rules.push(FILE_NAME);
      end = file;
    }
    // A wiki link's target is a page's name (`[[kb/attack/techniques/T1059-command_and_scripting_interpreter|T1059.001]]`,
    // an Obsidian page): no reference. An ID that is the link's whole text is one, the whole link, as a markdown link's is.
    const wiki = wikiLinks ? wikiLinkAround(text, start) : undefined;
    if (wiki && start < wiki.bar) continue;
    // An in-page link's target is an anchor made of its text (`[T1105 Remote File Copy](#t1105-remote-file-copy)`, a
    // report's table of contents converted to Markdown): no reference.
    if (ANCHOR_TARGET_BEFORE.test(text.slice(Math.max(0, start - MAX_ANCHOR), start))) continue;
    if (wiki && start === wiki.bar + 1 && end === wiki.end - 2) {
      rules.unshift(MARKDOWN);
      visit({ ids, start: wiki.start, end: wiki.end, rules, ...(malformed ? { malformed } : {}) });
      lastEnd = wiki.end;
      continue;
    }
    // An ATT&CK URL (`https://attack.mitre.org/techniques/T1566/001/`) is one reference: its whole address.
    const before = text.slice(Math.max(0, start - 60), start);
    if (ATTACK_URL_BEFORE.test(before)) {
      const slash = rules.indexOf(SLASH);
      if (slash >= 0) rules.splice(slash, 1);
      rules.push(URL_RULE);
      let q = start;
      while (q > 0 && start - q < 200 && !' \t\n(<["\''.includes(text.charAt(q - 1))) q--;
      // The address of a link whose text cites the same technique (`[T1055 - Process Injection](…/techniques/T1055/)`)
      // only repeats it: the text's ID is the reference, named by the words after it.
      if (linkTextCites(text, q, ids)) continue;
      start = q;
      if (text.charAt(end) === '/') end++;
    } else {
      const link = linkAround(text, start, end, ids);
      if (link) {
        rules.unshift(MARKDOWN);
        ({ start, end } = link);
      } else if (ATLAS_PREFIX.test(text.slice(Math.max(0, start - 5), start))) {
        // `AML.T0012 Valid Accounts`: MITRE ATLAS's prefix is part of the ID as written, no name (the resolver says the
        // ID is ATLAS's); the words beside it are its name.
        start -= 4;
      }
    }
    visit({ ids, start, end, rules, ...(malformed ? { malformed } : {}) });
    lastEnd = end;
  }
}

const MAX_WIKI_TARGET = 300;
// The start of an in-page link's target, up to an ID inside it (`](#technique-t1055-`), and how far back it is looked for.
const ANCHOR_TARGET_BEFORE = /\]\(#[^()\s]*$/;
const MAX_ANCHOR = 200;

/** The wiki link `[[target|text]]` around a place in text: where it starts, where its `|` is, and where it ends. */
function wikiLinkAround(text: string, at: number): { start: number; bar: number; end: number } | undefined {
  let open = at - 1;
  while (open > 0 && at - open < MAX_WIKI_TARGET && !'[]|\n'.includes(text.charAt(open))) open--;
  // `at` in the text, after the `|`: the target before it.
  const bar = text.charAt(open) === '|' ? open : -1;
  if (bar >= 0) {
    open--;
    while (open > 0 && bar - open < MAX_WIKI_TARGET && !'[]|\n'.includes(text.charAt(open))) open--;
  }
  if (text.charAt(open) !== '[' || text.charAt(open - 1) !== '[') return undefined;
  let q = bar >= 0 ? bar : at;
  const limit = Math.min(text.length, q + MAX_WIKI_TARGET);
  if (bar < 0) while (q < limit && !'[]|\n'.includes(text.charAt(q))) q++;
  const barAt = bar >= 0 ? bar : text.charAt(q) === '|' ? q : -1;
  if (barAt < 0) return undefined;
  const close = text.indexOf(']]', barAt);
  if (close < 0 || close - barAt > MAX_WIKI_TARGET || /[[\]\n]/.test(text.slice(barAt + 1, close))) return undefined;
  return { start: open - 1, bar: barAt, end: close + 2 };
}

// What ends a word around an ID inside it: a space, a bracket, a quote, a cell border, a list's comma.
const WORD_END = /[\s|()[\]{}<>"'`,;]/;

/** The word around a place in text: up to a space, bracket, quote or cell border each side, at most 80 characters. */
function wordAround(text: string, at: number): TextSpan {
  let start = at;
  while (start > 0 && at - start < 80 && !WORD_END.test(text.charAt(start - 1))) start--;
  let end = at;
  while (end < text.length && end - at < 80 && !WORD_END.test(text.charAt(end))) end++;
  // A full stop or colon after the word is the sentence's or the label's.
  while (end > at && /[.:]/.test(text.charAt(end - 1))) end--;
  return { start, end };
}

// MITRE ATLAS's prefix right before an ID (`AML.T0043`), standing alone.
const ATLAS_PREFIX = /(?:^|[^\p{L}\p{N}.])AML\.$/iu;

const MAX_ADDRESS = 300;

/** Whether the address starting at `start` is a markdown link's whose text cites the same IDs (`[T1055 - Name](…)`). */
function linkTextCites(text: string, start: number, ids: readonly string[]): boolean {
  if (text.charAt(start - 1) !== '(' || text.charAt(start - 2) !== ']') return false;
  const from = Math.max(0, start - 2 - MAX_NAME);
  const at = text.slice(from, start - 2).lastIndexOf('[');
  if (at < 0) return false;
  const named = ids.join(' ');
  return scanIds(text.slice(from + at + 1, start - 2)).some((token) => token.ids.join(' ') === named);
}

/**
 * The markdown link around an ID that is its whole text (`[T1078](https://attack.mitre.org/techniques/T1078/)`,
 * `[(T1078)](…)`), when its address names the same technique or none: the link is one reference, so the words before
 * it, or before the bracket around it (`valid accounts ([T1078](…))`), are its name. A link whose address names
 * another technique (`[T1101.002](…/T1102/002/)`) is left as two references.
 */
function linkAround(text: string, idStart: number, idEnd: number, ids: readonly string[]): TextSpan | undefined {
  // `[*T1583.001*](…)`, ESET's tables kept as Markdown: emphasis marks around the ID inside the link's text.
  const marks = /[*_]{1,2}$/.exec(text.slice(Math.max(0, idStart - 2), idStart))?.[0] ?? '';
  const emphasised = marks !== '' && text.startsWith(marks, idEnd);
  const start = emphasised ? idStart - marks.length : idStart;
  const end = emphasised ? idEnd + marks.length : idEnd;
  const wrapped = text.charAt(start - 1) === '(' && text.charAt(end) === ')';
  const open = wrapped ? start - 2 : start - 1;
  const close = wrapped ? end + 1 : end;
  if (text.charAt(open) !== '[' || text.charAt(close) !== ']' || text.charAt(close + 1) !== '(') return undefined;
  let q = close + 2;
  while (q < text.length && q - close < MAX_ADDRESS && text.charAt(q) !== ')' && !/\s/.test(text.charAt(q))) q++;
  if (text.charAt(q) !== ')') return undefined;
  const named = ids.join(' ');
  const address = scanIds(text.slice(close + 2, q));
  return address.every((token) => token.ids.join(' ') === named) ? { start: open, end: q + 1 } : undefined;
}

/**
 * Read `.00[1,5]` after a technique: each number in the brackets completes the shared digits before them into a
 * sub-technique. Only square brackets whose every ending makes a whole number are read, and braces of whole numbers
 * after the dot (`.{001,012}`); else no IDs (malformed).
 * Returns where the written text ends, or undefined when no such brackets follow.
 */
function readCompleted(text: string, technique: string, ids: string[], from: number, rules: ReadingRule[]): number | undefined {
  COMPLETED_AT.lastIndex = from;
  const match = COMPLETED_AT.exec(text);
  if (!match) return undefined;
  const [, shared = '', open, list = '', close] = match;
  const endings = list.match(/\d+/g) ?? [];
  const brackets = open === '[' && close === ']';
  const braces = open === '{' && close === '}' && !shared;
  if ((brackets || braces) && endings.every((ending) => shared.length + ending.length === subDigits)) {
    rules.push(COMPLETED);
    ids.push(...endings.map((ending) => `${technique}.${shared}${ending}`));
  }
  return COMPLETED_AT.lastIndex;
}

/** Read a tilde range after a technique (`T1192~1194`); returns where the ID's text ends. */
function readTechniqueRange(text: string, technique: string, ids: string[], from: number, rules: ReadingRule[]): number {
  TILDE_RANGE_AT.lastIndex = from;
  const range = TILDE_RANGE_AT.exec(text);
  if (!range || !rightBoundary(text, TILDE_RANGE_AT.lastIndex)) return from;
  const first = Number(technique.slice(prefix.length));
  const last = Number(range[1]);
  if (last <= first || last - first > MAX_RANGE) return from;
  rules.push(TILDE_RANGE);
  for (let n = first + 1; n <= last; n++) ids.push(`${prefix}${String(n).padStart(digits, '0')}`);
  return TILDE_RANGE_AT.lastIndex;
}

// The last line `tableRowAt` looked at: a line is looked at once however many pipes it holds.
let rowLine: { text: string; start: number; end: number; row: boolean } | undefined;

/**
 * Whether the line of `text` around `at` is a Markdown table's row, starting and ending with a pipe: there a pipe is a
 * cell border, written without spaces too (`|T1059.001|003|PowerShell|`: `003` is the next cell, a count or a
 * sub-technique column's, as mitreattack-python's Markdown exports and analysts' notes write tables unspaced).
 */
function tableRowAt(text: string, at: number): boolean {
  if (rowLine?.text !== text || at < rowLine.start || at > rowLine.end) {
    const start = text.lastIndexOf('\n', at) + 1;
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    rowLine = { text, start, end, row: line.length > 1 && line.startsWith('|') && line.endsWith('|') };
  }
  return rowLine.row;
}

/** Whether a sibling written after a slash (`/004`) starts at `at`. */
function slashSiblingAt(text: string, at: number): boolean {
  if (text.charAt(at) !== '/') return false;
  SIBLING_AT.lastIndex = at;
  return SIBLING_AT.test(text);
}

/** Read siblings and ranges written after a sub-technique; returns where the ID's text ends. */
function readSiblings(text: string, technique: string, ids: string[], from: number, rules: ReadingRule[]): number {
  let end = from;
  for (let guard = 0; guard < 60; guard++) {
    SIBLING_AT.lastIndex = end;
    const sibling = SIBLING_AT.exec(text);
    const siblingEnd = SIBLING_AT.lastIndex;
    // The next sibling may follow after a slash (`T1059.001/003/004`, as `/2/6` above): the boundary is looked for after the last.
    if (sibling && (rightBoundary(text, siblingEnd) || slashSiblingAt(text, siblingEnd)) && !(text.charAt(end) === '|' && tableRowAt(text, end))) {
      if (!rules.includes(SIBLINGS)) rules.push(SIBLINGS);
      ids.push(`${technique}.${sibling[1]}`);
      end = siblingEnd;
      continue;
    }
    UNPADDED_SIBLING_AT.lastIndex = end;
    const unpadded = UNPADDED_SIBLING_AT.exec(text);
    // The next sibling may follow (`/2/6`): the boundary is looked for after the last.
    const chained = unpadded && text.charAt(UNPADDED_SIBLING_AT.lastIndex) === '/' && isDigit(text.charAt(UNPADDED_SIBLING_AT.lastIndex + 1));
    if (unpadded && Number(unpadded[1]) > 0 && (chained || rightBoundary(text, UNPADDED_SIBLING_AT.lastIndex))) {
      if (!rules.includes(UNPADDED_SIBLINGS)) rules.push(UNPADDED_SIBLINGS);
      ids.push(`${technique}.${unpadded[1]!.padStart(subDigits, '0')}`);
      end = UNPADDED_SIBLING_AT.lastIndex;
      continue;
    }
    RANGE_AT.lastIndex = end;
    const range = RANGE_AT.exec(text);
    if (range && (!range[1] || `${prefix}${range[1]}` === technique) && rightBoundary(text, RANGE_AT.lastIndex)) {
      const last = Number(ids[ids.length - 1]?.slice(-subDigits));
      const to = Number(range[2]);
      if (to > last && to - last <= MAX_RANGE) {
        if (!rules.includes(RANGE)) rules.push(RANGE);
        for (let n = last + 1; n <= to; n++) ids.push(`${technique}.${String(n).padStart(subDigits, '0')}`);
        end = RANGE_AT.lastIndex;
        continue;
      }
    }
    break;
  }
  return end;
}

/** Text folded for matching (NFKC, one kind of dash), with a map back to the original. */
export interface FoldedText {
  original: string;
  text: string;
  /** `from[i]`/`to[i]`: the original range of the character that folded into `text[i]`; absent when lengths agree. */
  from?: Int32Array;
  to?: Int32Array;
}

const DASHES = /[‐‑‒–—―−]/g;
// A character with its combining marks (half-width kana take their voicing marks as separate characters).
const CLUSTER = /\P{M}[\p{M}\uFF9E\uFF9F]*|[\p{M}\uFF9E\uFF9F]+/gsu;

// How much text NFKC checks at a time: ICU takes ~8 times longer per character on a string of millions of characters
// (a PDF-to-text dump without line breaks is one line) than on pieces of this size.
export const NFKC_WINDOW = 1 << 16;

/**
 * Whether NFKC leaves a text as it is, checked window by window. A window ends before an ASCII character, where no
 * normalization joins what stands on either side (ASCII characters neither combine with nor decompose into what is before).
 */
function isNfkc(text: string): boolean {
  if (text.length <= NFKC_WINDOW) return text.normalize('NFKC') === text;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + NFKC_WINDOW);
    while (end < text.length && text.charCodeAt(end) >= 0x80) end++;
    const window = text.slice(start, end);
    if (window.normalize('NFKC') !== window) return false;
    start = end;
  }
  return true;
}

// A backslash that escapes a punctuation character, as Markdown writes one (a PDF or a web page converted to Markdown:
// `Remote File Copy (T1105\)`, `\- Spearphishing Link`, `\[T1059.001\]`, `T1055\.dll`). Not one before `|` (a table's
// escaped pipe is read as a cell's end, as before), `\` or `"` (escapes of JSON strings).
const MARKDOWN_ESCAPE = /\\(?=[!#$%&'()*+,\-./:;<=>?@[\]^_`{}~])/g;
// Invisible characters that NFKC keeps: a zero-width space (U+200B), a word joiner (U+2060) and a zero-width no-break
// space or byte order mark (U+FEFF). Web pages put them where a long word may break or after a paragraph's text (a
// WeChat post's text ends in U+200B: tofrankie/blog issue #296); copied with the text, one inside an ID hides the ID
// (`T1\u200b059.001`) and one beside it goes into the name read. Not a zero-width joiner or non-joiner: Persian,
// Indic scripts and emoji sequences need them.
const ZERO_WIDTH = /[\u200b\u2060\ufeff]/g;
// What `foldText` leaves out of a folded text: a Markdown escape's backslash and a zero-width character.
const LEFT_OUT = new RegExp(`${MARKDOWN_ESCAPE.source}|${ZERO_WIDTH.source}`, 'g');

/**
 * Fold text for matching (NFKC, one kind of dash, Markdown's backslash escapes read as the characters they escape,
 * zero-width characters left out), keeping where each folded character came from.
 */
export function foldText(original: string): FoldedText {
  const folded = foldedText(original);
  return original.includes('\\') || original.search(ZERO_WIDTH) >= 0 ? withoutLeftOut(folded) : folded;
}

/** Text less its Markdown backslash escapes (as `foldText` reads them), folding aside. */
export function withoutMarkdownEscapes(text: string): string {
  return text.replace(MARKDOWN_ESCAPE, '');
}

/** Text less its zero-width characters (as `foldText` leaves them out), folding aside. */
export function withoutZeroWidth(text: string): string {
  return text.replace(ZERO_WIDTH, '');
}

/** Folded text less what `foldText` leaves out (`LEFT_OUT`), with its map back to the original. */
function withoutLeftOut(folded: FoldedText): FoldedText {
  const { text } = folded;
  const leftOut = Array.from(text.matchAll(LEFT_OUT), (match) => match.index);
  if (!leftOut.length) return folded;
  // Built a run of kept characters at a time: a page run into one line is megabytes long (the bench's extract step).
  const from = new Int32Array(text.length - leftOut.length);
  const to = new Int32Array(from.length);
  const pieces: string[] = [];
  let at = 0;
  let start = 0;
  for (const end of [...leftOut, text.length]) {
    pieces.push(text.slice(start, end));
    for (let i = start; i < end; i++, at++) {
      from[at] = folded.from ? folded.from[i]! : i;
      to[at] = folded.to ? folded.to[i]! : i + 1;
    }
    start = end + 1;
  }
  return { original: folded.original, text: pieces.join(''), from, to };
}

function foldedText(original: string): FoldedText {
  // Most text is already folded; it needs no map back.
  if (isNfkc(original)) return { original, text: original.replace(DASHES, '-') };
  const pieces: string[] = [];
  // Room for as many folded characters as there are written ones, grown below when NFKC writes more.
  let from = new Int32Array(Math.max(16, original.length));
  let to = new Int32Array(from.length);
  let length = 0;
  for (const match of original.matchAll(CLUSTER)) {
    const folded = match[0].normalize('NFKC');
    if (length + folded.length > from.length) {
      const grown = new Int32Array(Math.max(from.length * 2, length + folded.length));
      grown.set(from);
      from = grown;
      const grownTo = new Int32Array(grown.length);
      grownTo.set(to);
      to = grownTo;
    }
    for (let k = 0; k < folded.length; k++) {
      from[length] = match.index;
      to[length] = match.index + match[0].length;
      length++;
    }
    pieces.push(folded);
  }
  return { original, text: pieces.join('').replace(DASHES, '-'), from: from.subarray(0, length), to: to.subarray(0, length) };
}

/**
 * The lines of a text (split at `\n`, `\r\n` or a `\r` alone, as classic Mac OS editors end lines, and as suggest
 * splits them), each folded by `foldText`: what the readers of a report work on.
 */
export function foldLines(text: string): FoldedText[] {
  return text.split(/\r\n|\r|\n/).map((line) => foldText(line));
}

/** The original range of a folded span. */
export function originalSpan(folded: FoldedText, span: TextSpan): TextSpan {
  if (!folded.from || !folded.to) return span;
  if (span.end <= span.start) {
    const at = span.start < folded.from.length ? folded.from[span.start]! : folded.original.length;
    return { start: at, end: at };
  }
  return { start: folded.from[span.start] ?? 0, end: folded.to[span.end - 1] ?? folded.original.length };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]/u;

/** What joins a wrapped line's last character to the next line's text: a space, or nothing between two Japanese characters. */
export function lineJoint(last: string, next: string): string {
  return CJK.test(last) && CJK.test(next.charAt(0)) ? '' : ' ';
}

/** Join the lines of a wrapped cell: a space between words, nothing between two Japanese characters. Linear. */
export function joinLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  let last = '';
  for (const [i, line] of lines.entries()) {
    let piece = i === 0 ? line : trimChars(line, ' \t\r\n\f\v\u3000', '');
    if (i < lines.length - 1) piece = trimChars(piece, '', ' \t\r');
    if (i > 0 && last && piece) out.push(lineJoint(last, piece));
    out.push(piece);
    if (piece) last = piece.charAt(piece.length - 1);
  }
  return out.join('');
}

/** One technique reference read from text: the IDs of one written ID (or shorthand) and the name beside them. */
export interface ReferenceToken {
  /** Canonical technique IDs (`T1566.001`); empty for a malformed ID. */
  ids: string[];
  /** Where the reference is written: its ID, and its name when that stands next to it. */
  span: TextSpan;
  /** Where its ID is written. */
  idSpan: TextSpan;
  /** The technique name written beside the ID, cleaned (`Spearphishing Attachment`). */
  name?: string;
  nameSpan?: TextSpan;
  /** True when one name stands for several IDs (`C2 over HTTPS (T1071.001, T1573.002)`). */
  sharedName?: boolean;
  /** A malformed ID as written (`T1566.01`). */
  malformed?: string;
  /** Tactics written where its name would stand (`Execution (T1059.001)`), as display names; the reference's own. */
  tactics?: string[];
  /** The reading rules this reference needed. */
  rules: ReadingRule[];
}

/** The references read from one piece of text, with the tactic text written in it. */
export interface TokenizedText {
  refs: ReferenceToken[];
  /** Tactic text written in the piece (`Initial Access:`, `(Execution, Defense Evasion)`, `[TA0001]`), in order. */
  tactics: TacticPiece[];
  /** What could not be read with certainty (names that could not be paired with IDs). */
  warnings: string[];
}

/**
 * How the text around IDs is read. `reference`: the text is one reference as a campaign file or a table cell gives it,
 * so the text between IDs is their names. `prose`: the text is a sentence, so a name is only the few words right
 * beside an ID (before its bracket, inside a bracket after it, or after a colon or dash).
 */
export type ReadingMode = 'reference' | 'prose';

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '【': '】', '「': '」', '《': '》' };
const LIST_GLUE = /^[\s,;/&、+]*(?:(?:and|or|et|und|y|및|和|及び)[\s,;/&、+]*)?$/;

/** Consecutive ID tokens that one name serves, with the brackets around them (`(T1059.001, T1059.003)`). */
interface Cluster {
  tokens: IdToken[];
  start: number;
  end: number;
  enclosed: boolean;
}

// A tactic's ID and `::` right before a technique's ID (`TA0002::T1059.001`): the text before the ID, and from the tactic's.
const TACTIC_ID_LABEL_BEFORE = /(?<![A-Za-z0-9])TA\d{4}::$/;
const TACTIC_ID_LABEL = new RegExp(`^TA\\d{4}::${prefix}\\d{${digits}}$`);

/** Group ID tokens separated only by list punctuation, taking in brackets that hold nothing else. */
function clusters(text: string, tokens: readonly IdToken[], cut: (i: number) => boolean): Cluster[] {
  const groups: Cluster[] = [];
  for (const token of tokens) {
    const last = groups[groups.length - 1];
    if (last && LIST_GLUE.test(between(text, last.end, token.start, cut))) {
      last.tokens.push(token);
      last.end = token.end;
    } else groups.push({ tokens: [token], start: token.start, end: token.end, enclosed: false });
  }
  for (const group of groups) {
    // Markdown's marks around the IDs inside the brackets (`(`T1078`)`, `(**T1059.001**)`) are no part of what they hold;
    // nor is a tactic's ID before them (`(TA0002::T1059.001)`: `idLabels`), its tactic.
    let a = group.start - (TACTIC_ID_LABEL_BEFORE.exec(text.slice(Math.max(0, group.start - 10), group.start))?.[0].length ?? 0);
    while (a > 0 && group.start - a < 4 && ' `*_'.includes(text.charAt(a - 1))) a--;
    let b = group.end;
    while (b < text.length && b - group.end < 4 && ' ,;`*_'.includes(text.charAt(b))) b++;
    const closer = OPENERS[text.charAt(a - 1)];
    if (closer && text.charAt(b) === closer) {
      group.start = a - 1;
      group.end = b + 1;
      group.enclosed = true;
      continue;
    }
    // Nor are they around IDs outside brackets (`` `T1566.002` Spearphishing Link · `T1585.001` ``): the words after
    // the closing marks come right after the group. The opening marks still stand between it and the words before.
    const before = /[`*_]{1,3}$/.exec(text.slice(Math.max(0, group.start - 3), group.start))?.[0];
    if (before && text.startsWith(before, group.end) && !/[`*_]/.test(text.charAt(group.end + before.length))) group.end += before.length;
  }
  return groups;
}

/** The text between two offsets with tactic pieces left out (a bounded slice: list glue is short). */
function between(text: string, a: number, b: number, cut: (i: number) => boolean): string {
  if (b - a > 40) return 'x';
  let out = '';
  for (let i = a; i < b; i++) if (!cut(i)) out += text.charAt(i);
  return out;
}

const NAME_STRIP = ' \t\n-:|,;/>・·•、。*`=~+–→⇒➔➜';

// A Unix path that begins a name keeps its slash: `/etc/passwd and /etc/shadow` is T1003.008's name, no `etc/passwd…`.
const LEADING_PATH = /^[a-z][\w.-]*\//;

/** A name without the punctuation and spaces around it (`NAME_STRIP`; a full stop at its end too), a leading path's slash kept. */
function trimName(text: string): string {
  const trimmed = trimChars(text, NAME_STRIP, NAME_STRIP + '.');
  const at = text.indexOf(trimmed);
  return at > 0 && text.charAt(at - 1) === '/' && LEADING_PATH.test(trimmed) ? `/${trimmed}` : trimmed;
}
const BRACKETS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '【': '】', '「': '」', '『': '』', '《': '》', '<': '>' };
const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '“': '”', '‘': '’' };
const CLOSERS = new Set(Object.values(BRACKETS));
const MAX_NAME = 160;

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

const OTHER_ATTACK_ID = /^(?:TA|DS|[GSMC])\d{4}$/;
const ATTACK_WORD = /^(?:mitre )?(?:attack|att&ck)$/i;
// A count, share or footnote marker written after a name: `(52.2%)`, `(24 percent)`, `(16 percent each)`, `[1]`.
const ANNOTATION = /\s*[([]([^()[\]]{1,30})[)\]]$/;
const ANNOTATION_TEXT = /^[\s\d.,%]*(?:percent|pct)?(?:\s*each)?[\s\d.,%]*$/i;

// Counts after a name in a scraped table's row (`Masquerading new window[8] 110 3`: no technique name ends in a number),
// and the "new window" text a page gives a link for screen readers.
const TRAILING_COUNT = /\s+\d[\d.,]*%?$/;
const NEW_WINDOW = /\s*\(?(?:opens? )?(?:in )?(?:a )?new (?:window|tab)\)?$/i;

/** The name without counts, footnote markers and a link's "new window" after it. */
function withoutAnnotations(name: string): string {
  for (let round = 0; round < 6; round++) {
    const before = name;
    name = name.replace(TRAILING_COUNT, '').replace(NEW_WINDOW, '');
    const match = ANNOTATION.exec(name);
    if (match?.[1] && /\d/.test(match[1]) && ANNOTATION_TEXT.test(match[1])) name = name.slice(0, match.index);
    if (name === before) break;
  }
  return name;
}
// A connective of the sentence before a name (`(T1057) via Execution through API (T1106)`, a step heading of CALDERA's
// evaluations): no ATT&CK technique name, in any release, begins with one.
const LEADING_CONNECTIVE = /^(?:via|using|through|with|by)\s+(?=[\p{Lu}\p{N}])/u;

// A label in bold before the name (`**Headline:** Uncovering ... (T1087.002)` on a slide), cut as a tactic label is.
const BOLD_LABEL = /^\s*(?:\*\*|__)[^*_\n]{1,40}[:：](?:\*\*|__)\s*/;
// A JSON member, or its key and the quote opening its value (`"external_id": "T1566.001"` in a STIX bundle).
const JSON_MEMBER = /^\s*"[^"\n]{1,60}"\s*:\s*(?:"[^"\n]*"?)?\s*,?\s*$/;

/** Whether text is a JSON member (`"source_name": "mitre-attack",`) or a key and the quote opening its value: no name. */
export function isJsonMember(text: string): boolean {
  return text.length <= 400 && JSON_MEMBER.test(text);
}

// What stands before a quote that opens a value: a key's `=` or `:`, a space, a backslash escaping it, a bracket.
const BEFORE_OPENING_QUOTE = /(?:^|[\s=:\\([{,])$/;
// An outline number before a step's name (`1.B.1 - Registry Run Keys` in an evaluation's write-up).
const STEP_NUMBER = /^\d{1,2}(?:\.[A-Za-z\d]{1,2}){1,3}\s{0,2}-\s+/;
// The number of an entry of a reference list, before its title (`[3] MITRE ATT&CK T1059.001`).
const REFERENCE_NUMBER = /^\[\d{1,3}\]\s+/;
// A numbered label before a step's name (`Alternative Procedure 1: Remote Services - ...` in CTID's emulation plans,
// `Step 3: ...`, `Attack 2 — Network Reconnaissance` in a lab write-up): no ATT&CK technique name has a number before a
// colon or a dash.
const STEP_LABEL = /^\s{0,3}(?:\p{L}[\p{L}'’-]{0,20}\s){1,3}\d{1,3}[a-z]?(?:\s{0,2}[:：]|\s[-–—])\s+/u;
// A comment's mark before a name (`- T1203  # Exploitation for Client Execution` in a YAML list).
const COMMENT_MARK = /^\s{0,8}(?:#{1,6}|\/\/)\s+/;
// The label of an ID field (`* ID: T1548`), a column's header word, is no name.
// So is the word `Technique` alone, as a spaced-out heading writes it before the ID (`T E C H N I Q U E   T 1 1 9 3`),
// and the word for technique or techniques in the other languages read here, as reports write it before the IDs it
// introduces (`| **MITRE ATT&CK** | Техники T1059, T1078, T1547 |`, a Russian threat-hunting course's table; `Técnica
// T1078`, `Technik T1078`, `技术 T1059`): Spanish, Portuguese and Italian, German, Russian in its cases, Chinese,
// Korean and Japanese.
const TECHNIQUE_WORD = 't[eé]cnicas?|tecniche|technik(?:en)?|техник(?:а|и|у|е|ой|ам|ами|ах)?|技术|技術|기법|기술|テクニック|手法';
// Small words at a name's ends, and the word "Technique" that pasted link texts add (`Remote Services, Technique T1021`).
const EDGE_WORDS = /^(?:and|or|&|(?:sub-)?technique)\s+|,?\s+(?:and|or|&|(?:sub-)?technique)$/gi;
// Words that end in the word for technique of another language read here, right before the ID (`Emular la técnica
// T1059.001`, `MITRE ATT&CK, técnica T1059.001 (PowerShell)`, Spanish write-ups): the sentence introducing the ID, no
// name, as `Emulate the technique T1059.001` is none.
const TECHNIQUE_WORD_END = new RegExp(`[\\s,](?:${TECHNIQUE_WORD})$`, 'iu');
const SNAKE_CASE_KEY = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/;
// The word for technique with the word for ID or number in Chinese, Korean or Japanese, or that word alone, labels an
// ID too: `技术编号：T1566.002` (technique number), `기법 ID: T1021.001`, `编号：T1003.001`. So do the framework's name
// and TTP before ID (`// MITRE ATT&CK TTP ID: T1070.006, T1564.001`, an XQL hunting query's header; `TTPs: …`), and
// the words that say the IDs after them are a mapping: `Mapped Techniques: T1110, T1021.001`, `MITRE ATT&CK techniques
// observed: T1195.001, …`, `Related Techniques: T1133, T1566, T1195`, `MITRE ATT&CK Mapping: T1110.003` (write-ups,
// hunting notes and lab reports found on GitHub).
const ID_WORD = new RegExp(
  `^(?:(?:mitre\\s)?(?:(?:att&ck|attack)\\s)?(?:(?:technique|sub-technique|ttp)\\s)?ids?|(?:mitre\\s)?(?:(?:att&ck|attack)\\s)?(?:(?:mapped|observed|related)\\s)?(?:ttps?|(?:sub-)?techniques?)(?:\\s(?:observed|mapped|used))?|(?:mitre|(?:mitre\\s)?(?:att&ck|attack))\\smapping|(?:(?:${TECHNIQUE_WORD})\\s?)?(?:id|编号|編號|번호|番号)|reference(?: url)?|url|link|${TECHNIQUE_WORD})$`,
  'iu',
);

/**
 * Text spaced out letter by letter, as pdftotext writes headings set in spaced capitals (`S P E A R P H I S H I N G
 * A T T A C H M E N T`: one space between letters, more between words), closed up into its words; other text as it is.
 */
function closeLetterSpacing(text: string): string {
  if (text.length > MAX_NAME * 4) return text;
  const words = text.trim().split(/\s{2,}/);
  const spaced = words.every((word) => /^\S(?: \S)*$/.test(word)) && words.some((word) => /^\p{L}(?: \p{L}){2,}$/u.test(word));
  return spaced ? words.map((word) => word.replace(/ /g, '')).join(' ') : text;
}

/**
 * The value a name stands in: after a quote opening a value the ID ends (`mitre_att_technique = "T1558.003"` in a YARA
 * rule, a MISP galaxy tag `"misp-galaxy:mitre-attack-pattern=\"Code Signing - T1116\""`), after a bracket left open
 * (`Framework: [Uncommonly Used Port (T1065)](...)`).
 */
function valueOf(name: string): string {
  // What closes the value after an ID (`T1234\""}  // MITRE ATT&CK` in a MISP tag) begins no name.
  name = name.replace(/^[\\"'}\])\s,]+(?=\S)/, (closing) => (/[}\]]|\\"/.test(closing) ? '' : closing));
  const quote = name.lastIndexOf('"');
  if (quote >= 0 && BEFORE_OPENING_QUOTE.test(name.slice(0, quote))) name = name.slice(quote + 1);
  const bracket = name.lastIndexOf('[');
  return bracket >= 0 && !name.includes(']', bracket) ? name.slice(bracket + 1) : name;
}

// Markdown's marks of emphasis and code around words (`**PowerShell**`, `__x__`, `*x*`, `` `x` ``); an underscore inside a
// word (`mitre_att_technique`) is none.
const MARK = /[*`]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const MARK_CHARS = /^[*_`]+|[*_`]+$/g;

/** The marks of one kind and length in a text: a run of `*`, `_` (not inside a word) or `` ` ``, as written. */
function marksOf(text: string, mark: string): number {
  let count = 0;
  for (const match of text.matchAll(MARK)) if (match[0] === mark) count++;
  return count;
}

/**
 * A span widened over the Markdown marks it stands between (`**PowerShell**`) or cuts in half (`T1059.001** PowerShell`),
 * so that the reference's text holds each mark with its pair.
 */
function withMarks(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  for (let round = 0; round < 4; round++) {
    const before = /[*_`]+$/.exec(text.slice(Math.max(0, start - 3), start))?.[0] ?? '';
    const after = /^[*_`]+/.exec(text.slice(end, end + 3))?.[0] ?? '';
    const inner = text.slice(start, end);
    if (before && before === after) {
      start -= before.length;
      end += after.length;
    } else if (after && marksOf(inner, after) % 2 === 1) end += after.length;
    else if (before && marksOf(inner, before) % 2 === 1) start -= before.length;
    else break;
  }
  return { start, end };
}

// The names of HTML's tags of tables and text (`<td>`, `<p>`, `</strong>`), as pandoc and scraped pages leave them in
// Markdown. Only these: words in angle brackets (`<Valid Accounts>`) are words.
const HTML_TAG_NAMES = new Set('a b i u s p br hr em strong span div font code pre sup sub small mark td th tr table thead tbody tfoot caption ul ol li h1 h2 h3 h4 h5 h6 img'.split(' '));

/** Whether a name cleaned from text with `<` in it is only the names of HTML tags cut out of their brackets (`td`, `<td><p`). */
function isMarkup(name: string, piece: string): boolean {
  if (!piece.includes('<') || name.length > 60) return false;
  const words = name.split(/[\s<>/]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => HTML_TAG_NAMES.has(word.toLowerCase()));
}

const TAG_NAME = `(?:${[...HTML_TAG_NAMES].join('|')})(?![A-Za-z0-9])`;
// A tag of those (`<strong>`, `</td>`, `<br/>`, `<span class="id">`), and one cut off at the end of a piece (`Valid
// Accounts<br`, the ID right after its `>`).
const HTML_TAG = new RegExp(`</?${TAG_NAME}[^<>]{0,200}>|</?${TAG_NAME}[^<>]{0,200}$`, 'gi');
const HTML_ENTITY = /&(?:(amp|nbsp|ndash|mdash|lt|gt|quot|apos)|#(\d{1,6})|#x([0-9a-f]{1,5}));/gi;
const ENTITY_TEXT: Readonly<Record<string, string>> = { amp: '&', nbsp: ' ', ndash: '–', mdash: '—', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Text without HTML's tags and with its character references read (`<strong>Valid Accounts</strong>`, `Registry Run Keys
 * /<br>Startup Folder`, `&ndash;`): what a page's or pandoc's tables leave in a name. A tag is a space.
 */
export function withoutMarkup(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text.replace(HTML_TAG, ' ').replace(HTML_ENTITY, (entity, name?: string, decimal?: string, hex?: string) => {
    const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
    if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    return ENTITY_TEXT[name!.toLowerCase()] ?? entity;
  });
}

/** Clean a piece of text into a technique name; undefined when no name is left (or it is too long to be one). */
export function cleanName(piece: string): string | undefined {
  const name = cleanText(piece);
  // The tags of an HTML table (`<td>T1566.001</td>`, pandoc's Markdown of a docx table) are no name, nor part of one.
  if (!name || isMarkup(name, piece)) return undefined;
  // A dash a character reference writes (`&#8212;`) is folded as the text's own dashes are (`foldLines`).
  const bare = trimName(withoutMarkup(name).replace(DASHES, '-').replace(/\s+/g, ' '));
  return /\p{L}/u.test(bare) ? bare : undefined;
}

/** Whether a piece of text is only HTML tags (and punctuation): no name, but text all the same, for pairing names. */
function isMarkupOnly(piece: string): boolean {
  const name = piece.length <= MAX_NAME ? cleanText(piece) : undefined;
  return name !== undefined && isMarkup(name, piece);
}

// A kramdown inline attribute list, as a Jekyll site writes it after a link to give it a class (`[T1566.002](…){: .ttp-ref }
// Spearphishing Link`, a Taiwanese weekly threat report's table): markup, no part of a name.
const KRAMDOWN_ATTRIBUTES = /\{:[^{}\n]{0,100}\}/g;

// The target of a Markdown link whose text holds the name after its ID (`[Technique T1055: Process
// Injection](#technique-t1055-process-injection)`, a report's table of contents converted to Markdown): no part of it.
const LINK_TARGET = /\]\((?:#|https?:\/\/)[^()\s]{0,300}\)/g;

/** `cleanName`, markup aside. */
function cleanText(piece: string): string | undefined {
  let name = closeLetterSpacing(joinLines(piece)).replace(BOLD_LABEL, '').replace(LINK_TARGET, ' ').replace(/https?:\/\/\S+/g, ' ').replace(KRAMDOWN_ATTRIBUTES, ' ').replace(MARK, '');
  if (name.length <= MAX_NAME * 4) name = valueOf(name).replace(COMMENT_MARK, '').replace(STEP_NUMBER, '').replace(REFERENCE_NUMBER, '').replace(STEP_LABEL, '');
  name = trimName(name.replace(/\s+/g, ' '));
  if (name.length > MAX_NAME || isJsonMember(name)) return undefined;
  for (let previous = '', round = 0; previous !== name && round < 12; round++) {
    previous = name;
    name = trimName(tidyEnds(withoutAnnotations(name).replace(EDGE_WORDS, '').replace(LEADING_CONNECTIVE, '')));
  }
  name = withoutGluedHead(name);
  // `APT32 (G0050)`: IDs of groups, software, mitigations, tactics or data sources are no technique names; nor is the
  // `attack.` of a Sigma rule's tag (`attack.t1016`), nor a number without a letter (a top-ten table's rank `5`), nor
  // the framework's name, its `&` written as a scraped page's character reference or not (`MITRE ATT&amp;CK T1218.005`).
  // Nor is a key in snake case (`module_id: T1003.001`, an emulation framework's module specification in YAML;
  // `technique_id`, `source_ref`): no technique's name joins its words with underscores.
  // A footnote's number before the framework's name or an ID field's label leaves it a label, whatever of the page's
  // sentence stands before it (`FOOTNOTE_LABEL`).
  const label = name.replace(FOOTNOTE_LABEL, '');
  return /\p{L}/u.test(name) && !OTHER_ATTACK_ID.test(name) && !ATTACK_WORD.test(withoutMarkup(label).trim()) && !ID_WORD.test(label) && !TECHNIQUE_WORD_END.test(name) && !SNAKE_CASE_KEY.test(name) ? name : undefined;
}

// The number of a footnote before its label, and what stands before it, as PDF text runs a page's footnotes into its
// body: the Snake advisory (AA23-129A) lists each paragraph's IDs at the foot of its page, `4 MITRE ATT&CK IDs: [T0840],
// [T1003], …`, after the page's last words (`saved in the 0x2 Container in the 0x227 and 0x228 30 MITRE ATT&CK IDs:
// [T1001]`), the number glued to the label where it stood as a superscript (`15MITRE ATT&CK IDs: [T1104]`). Only the
// words after it are tested as a label: a name with such a number (`Add Office 365 Global Administrator Role`) leaves
// none.
const FOOTNOTE_LABEL = /^(?:.*\s)?\d{1,3} ?(?=\p{L})/u;

// Chinese or Japanese words glued to the end of words in Latin script (`PowerShell脚本`, PowerShell script; `PowerShell
// スクリプト`), the head of their compound: the Latin words name the technique, as they do where such words are glued
// before them (`大量Cron`, `nameStartBefore`).
// The characters of a Chinese or Japanese name (NAME_RUN_CJK), and the letters of the scripts that set no space
// between words (OTHER_SCRIPT, GLUING_SCRIPT).
const NAME_RUN_CHARS = String.raw`\p{Script=Katakana}\p{Script=Han}ー・の々`;
const CJK_LETTERS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const GLUED_HEAD = new RegExp(String.raw`(?<=[\p{Script=Latin}\p{N}])[${NAME_RUN_CHARS}]+$`, 'u');
const OTHER_SCRIPT = new RegExp(`[${CJK_LETTERS}]`, 'u');
// A bracket of Chinese or Japanese words glued to the end of words in Latin script, as Japanese text sets a translation
// or a note after a technique's name without a space (`T1059 Command and Scripting Interpreter(コマンドとスクリプト
// インタプリタ)`, NEC's top-10 list as ScanNetSecurity printed it; `T1071 Application Layer Protocol（メッセージング悪用）`, a
// detection note's table): the Latin words are the name, as they are where a space stands before the bracket.
const GLUED_GLOSS = new RegExp(String.raw`(?<=[\p{Script=Latin}\p{N}.)])[(（][^()（）]{0,60}[${CJK_LETTERS}][^()（）]{0,60}[)）]$`, 'u');

// Japanese "and the like" after an ID or a name, with or without a space, and a bracket of a note after it (`| 実行・ツール
// | T1059 など（自動ツール実行） |`, T1059 and the like (automated tool execution), a detection note's table; `PowerShell
// 等`): the ID's technique and others like it, the bracket what they do; no name, nor part of one.
const AND_THE_LIKE = /(?:^|(?<=[\p{Script=Latin}\p{N}\s)]))\s*(?:など|等|ほか)(?:\s*[(（][^()（）]{0,60}[)）])?$/u;

/** Whether a text beside IDs is a Japanese "and the like" alone, with its bracket or not (`など（自動ツール実行）`). */
export function isAndTheLike(text: string): boolean {
  const trimmed = text.replace(/[\s*_`]+/g, ' ').trim();
  return trimmed !== '' && trimmed.replace(AND_THE_LIKE, '').trim() === '';
}

/**
 * A name of words in Latin script without the Chinese or Japanese words glued after them; else the name. Without a
 * Japanese "and the like" (`AND_THE_LIKE`) at its end either: empty where that is all it is.
 */
function withoutGluedHead(written: string): string {
  const name = withoutGluedLead(written.replace(AND_THE_LIKE, ''));
  const gloss = GLUED_GLOSS.exec(name);
  if (gloss) {
    const words = name.slice(0, gloss.index);
    if (/\p{Script=Latin}/u.test(words) && !OTHER_SCRIPT.test(words)) return words;
  }
  const head = GLUED_HEAD.exec(name);
  if (!head) return name;
  const words = name.slice(0, head.index);
  return /\p{Script=Latin}/u.test(words) && !OTHER_SCRIPT.test(words) ? words : name;
}

// Chinese, Japanese or Korean text, and its punctuation, right before words in Latin script glued to it.
const GLUED_LEAD = new RegExp(`^.*[${CJK_LETTERS}ー、。「」『』【】](?=\\p{Script=Latin})`, 'u');

/**
 * A name of words in Latin script without the Chinese, Japanese or Korean text glued before them, which sets no space
 * before a Latin word: the sentence's or the row's words, not the name's (`供应链合作伙伴Phishing/T1566.001`, a Chinese
 * brief's table whose cells ran together: `Phishing`); else the name. Not where Latin words are glued to others after
 * them (`withoutGluedHead` keeps those).
 */
function withoutGluedLead(name: string): string {
  const lead = GLUED_LEAD.exec(name);
  if (!lead) return name;
  const words = name.slice(lead[0].length);
  return /\p{Script=Latin}{2}/u.test(words) && !OTHER_SCRIPT.test(words) ? words : name;
}

const TITLE_TOKEN = /^[A-Z0-9][A-Za-z0-9'’&/.+-]*:?$/;
const NAME_RUN_CJK = new RegExp(`[${NAME_RUN_CHARS}]`, 'u');
// Chinese verbs and labels that end the words before an ID in a sentence or a form, not a technique's name: 使用 (use),
// 利用了 (used; 利用 alone begins names, 利用面向公众的应用程序), 涉及 (involve), 包括 and 包含 (include), 采用 (adopt), 通过
// and 借助 (by means of), 例如 and 比如 (for example), 编号 (number), and 了 after a verb (done).
const CLAUSE_END_CJK = /(?:使用|涉及|包括|包含|采用|通过|借助|例如|比如|编号|了)$/u;
const MAX_NAME_WORDS = 8;
const MAX_WORD = 40;
// The small words inside technique names ("Exploitation for Client Execution", "Data from Local System").
export const CONNECTORS = new Set('a an and as by for from in into of on or over the to via with non'.split(' '));
// `and` in the other languages read here: two Title Case names joined by one before a bracket of several IDs are read
// as one name, as with `and` (`Spearphishing Attachment y Spearphishing Link (T1566.001/T1566.002)`), for extract to
// pair in order. Before one ID the word is left as it was (`Befehls- und Skriptinterpreter (T1059)`).
const JOINING_WORDS = new Set(['y', 'e', 'et', 'und', 'i', 'и']);
// Words that end a lower-case name read backwards in prose ("the actor used scheduled task T1053.005").
const STOP_WORDS = new Set(
  ('a an the this that these those its their his her our your it they we he she was were is are be been has have had ' +
    'used uses using use via through with by to and or of for from in on at as also then which who when where while ' +
    'such including include includes like e.g. i.e. see technique techniques tactic sub-technique attack mitre id ' +
    'actor actors attacker attackers adversary adversaries group malware threat operators performed leveraged ' +
    'employed abused executed ran run achieved gained established observed seen saw sent send sends deliver delivers ' +
    'delivered drop drops dropped create creates created deploy deploys deployed install installs installed download ' +
    'downloads downloaded execute executes leverage leverages abuse abuses perform performs obtain obtains obtained ' +
    'can could may might will would did does do not then first next later after before during')
    .split(' '),
);

// The stop words that begin a technique's name in some release (Enterprise, Mobile, ICS; `At`, `Create Account`, `Deploy
// Container`, `Use Alternate Authentication Material`, `Obtain Capabilities`, `Run Virtual Instance`), and the words in
// -ly that do (`Commonly Used Port`, `Uncommonly Used Port`, `Remotely Wipe Data Without Authorization`, `Supply Chain
// Compromise`).
const NAME_OPENERS = new Set(
  'abuse at attack create deliver deploy download group install malware obtain run threat use commonly uncommonly remotely supply'.split(' '),
);

// A sentence's opening adverbs, as stop words (`However T1003`); so is any word in -ly (`Notably`, `Additionally`).
const SENTENCE_ADVERBS = new Set('however moreover furthermore meanwhile then next'.split(' '));

/** Whether a word is a sentence's, never a name's first word: a stop word or an opening adverb, none of NAME_OPENERS. */
function sentenceWord(word: string): boolean {
  const bare = word.toLowerCase();
  return (STOP_WORDS.has(bare) || SENTENCE_ADVERBS.has(bare) || /^\p{L}{2,}ly$/u.test(bare)) && !NAME_OPENERS.has(bare);
}

/**
 * Whether a name holds a sentence's word (`sentenceWord`) that is none of the small words inside technique names
 * (`CONNECTORS`): `saw Exfiltration Over C2 Channel`, `Lazarus used Credential Dumping`, not `Pass the Hash`.
 */
export function holdsSentenceWord(name: string): boolean {
  return name.split(/\s+/).some((word) => !CONNECTORS.has(word.toLowerCase()) && sentenceWord(word));
}

/**
 * Whether words are only stop words, none of which begins a technique's name (`See`, `See also`, `Then`, `In`,
 * `Notably`): a sentence's words, never written as a name.
 */
export function onlyStopWords(words: readonly string[]): boolean {
  return words.length > 0 && words.every(sentenceWord);
}

// A PowerShell command (`Invoke-AtomicTest T1059.001`, an approved verb and a noun): its argument, never a name. No
// technique's name holds one.
const CMDLET = /^(?:Add|Clear|Copy|Disable|Enable|Export|Get|Import|Install|Invoke|New|Remove|Set|Start|Stop|Test|Uninstall)-\p{Lu}\p{L}*$/u;

// A letter of Chinese, Japanese or Korean, or their punctuation, that a word in Latin script may be glued to: those
// scripts set no space between words, nor before a Latin word (`检测到大量Cron (T1053.003)`, `攻撃者はPowerShell（T1059.001）`).
const GLUING_SCRIPT = new RegExp(`[${CJK_LETTERS}ー、。「」『』【】]`, 'u');

/** Whether a word that starts at `start` is glued to Chinese, Japanese or Korean text before it (and its colon or comma). */
function gluedAfter(text: string, start: number): boolean {
  let s = start;
  while (s > 0 && /[:,;!?]/.test(text.charAt(s - 1))) s--;
  return s > 0 && GLUING_SCRIPT.test(text.charAt(s - 1));
}

/**
 * The word before `end` (skipping spaces) as [start, end), bounded in length; undefined at `floor`. With `glued`, a
 * word in Latin script ends at Chinese, Japanese or Korean text glued before it and the punctuation after that text
 * (`和Unix`, `包括：HTML`, the colon folded to `:`), which set no space before it.
 */
function wordBefore(text: string, end: number, floor: number, glued = false): TextSpan | undefined {
  let e = end;
  while (e > floor && text.charAt(e - 1) === ' ') e--;
  let s = e;
  while (s > floor && e - s <= MAX_WORD && !/\s/.test(text.charAt(s - 1)) && !(glued && GLUING_SCRIPT.test(text.charAt(s - 1)))) s--;
  if (glued && s > floor && GLUING_SCRIPT.test(text.charAt(s - 1))) while (s < e && /[:,;!?]/.test(text.charAt(s))) s++;
  return s < e && e - s <= MAX_WORD ? { start: s, end: e } : undefined;
}

/**
 * Whether the reference after a name that ends at `at` ends with `mark`: a bracket holding its ID (`(T1048.003)**`), or
 * its ID after a dash or colon, and the bracket that closes around name and ID (` - T1547.001)**`).
 */
function closedAfterId(text: string, at: number, mark: string): boolean {
  const rest = /^ *(?:[([][^()[\]\n]{1,60}[)\]]|[-–—:]? {0,2}[Tt]\d{4}(?:\.\d{3})?[)\]]?)/.exec(text.slice(at, at + 70));
  return rest !== null && text.startsWith(mark, at + rest[0].length);
}

/**
 * Where a technique name written just before `end` starts, in prose: Title Case words ("Spearphishing Attachment"), a
 * run of Japanese, or a few lower-case words back to a stop word ("scheduled task"). Before a bracket of `ids` IDs, as
 * many names joined by `and` may stand, each of up to MAX_NAME_WORDS words: `We observed Exfiltration Over C2 Channel
 * and Exfiltration Over Alternative Protocol (T1041, T1048)` is nine words of names, which one name's reach cut to
 * "Over C2 Channel and …", so that T1041 was named "Over C2 Channel".
 */
function nameStartBefore(text: string, end: number, floor: number, ids = 1): number | undefined {
  const joined = ids > 1;
  let p = end;
  while (p > floor && text.charAt(p - 1) === ' ') p--;
  if (NAME_RUN_CJK.test(text.charAt(p - 1))) {
    let s = p;
    while (s > floor && p - s < 30 && NAME_RUN_CJK.test(text.charAt(s - 1))) s--;
    // `包括PowerShell脚本（T1059.001）`: words in Latin script glued before them begin the name (`withoutGluedHead`
    // keeps them alone); where they make none (`通过DNS隧道`, an acronym glued to the words before), these do.
    const latin = s > floor && /[\p{Script=Latin}\p{N}]/u.test(text.charAt(s - 1)) ? nameStartBefore(text, s, floor, ids) : undefined;
    if (latin !== undefined) return latin;
    while (s < p && text.charAt(s) === 'の') s++;
    // A Chinese run ending in a verb or a label leads up to the ID: the sentence's words, no name (`涉及T1566.001`,
    // involves; `阶段使用了T1106`, the stage used; `技术编号T1566.002`, technique number).
    if (CLAUSE_END_CJK.test(text.slice(s, p))) return undefined;
    return p - s >= 2 ? s : undefined;
  }
  const words: Array<{ start: number; end: number; kind: 'title' | 'connector' | 'lower' }> = [];
  let q = p;
  while (words.length < MAX_NAME_WORDS * ids) {
    // `检测到大量Cron (T1053.003)和Unix Shell (T1059.004)`, a Chinese article's sentence: a name in Latin script begins
    // where that script does, the Chinese glued before it being the sentence's words (`detected many`, `and`).
    const word = wordBefore(text, q, floor, true);
    if (!word || word.end !== q) break;
    let token = text.slice(word.start, word.end);
    // A word ending a sentence ends the name: the sentence before is not the technique's name.
    if (words.length && token.endsWith('.')) break;
    // A bracket opening the first word (`[Command-Line Interface (T1059)](…)`) begins the name; so does a Markdown mark
    // (`ran **PowerShell** (T1059.001)`), kept in the name's text for its pair (cleaning drops both).
    const bracketed = /^[[(“"']/.test(token) && token.length > 1;
    if (bracketed) token = token.slice(1);
    const mark = /^[*_`]+/.exec(token)?.[0];
    // A mark whose pair is not before the ID sets more than the name apart (`**Selecionar T1059 autoriza ...?**`), unless
    // the pair closes right after the ID: it sets the name and its ID apart (`**Exfiltration over FTP (T1048.003)**`, a
    // findings list's item; `(**Registry Run Keys / Startup Folder - T1547.001)**`, a write-up's heading).
    if (mark && marksOf(text.slice(word.start, p), mark) % 2 === 1 && !closedAfterId(text, end, mark)) break;
    const opened = bracketed || (mark !== undefined && token.length > mark.length);
    token = token.replace(MARK_CHARS, '');
    const joining = joined && JOINING_WORDS.has(token);
    // `System Owner / User Discovery`: a slash set apart joins the words of one name, as ATT&CK's own names do.
    // `Acquire Infrastructure : Domains`: a colon set apart by spaces, as PDF-to-text leaves it, joins a name's parts
    // as one written after its word does (`Acquire Infrastructure: Domains`).
    const connector = CONNECTORS.has(token) || joining || ((token === '/' || token === ':') && !opened);
    const kind = TITLE_TOKEN.test(token) ? 'title' : connector ? 'connector' : /^[a-z][a-z-]*$/.test(token) ? 'lower' : undefined;
    if (!kind) break;
    words.push({ start: bracketed ? word.start + 1 : word.start, end: word.end, kind });
    if (opened || word.start === floor || text.charAt(word.start - 1) !== ' ') break;
    q = word.start - 1;
  }
  // Title Case words, with the small words between them; else up to four lower-case words, back to a stop word.
  const titled: typeof words = [];
  for (const word of words) {
    if (word.kind === 'lower') break;
    titled.push(word);
  }
  while (titled[titled.length - 1]?.kind === 'connector') titled.pop();
  // Words that are only capitalized, not written as a name, are none: a sentence's opening word or words (`See T1059.001
  // for details`, `In T1021.001`, `Also PowerShell (T1059.001)`: stop words) and words that end in a small word (`Refer
  // to T1003`, `According to T1003`: no technique's name ends in one).
  // A stop word that begins a technique's name (`Create Account`, `Use Alternate Authentication Material`) stays.
  const token = (word: (typeof words)[number]): string => text.slice(word.start, word.end).replace(MARK_CHARS, '').toLowerCase();
  // So are a sentence's opening adverb (`Notably T1059`, `However T1003`) and a PowerShell command before the ID
  // (`Invoke-AtomicTest T1059.001`).
  while (titled.length > 1 && sentenceWord(token(titled[titled.length - 1]!))) titled.pop();
  if (titled[0]?.kind === 'connector' || onlyStopWords(titled.map(token))) titled.length = 0;
  if (titled[0] && CMDLET.test(text.slice(titled[0].start, titled[0].end).replace(MARK_CHARS, ''))) titled.length = 0;
  // Words in capitals alone glued after Chinese or Japanese ones end their compound (`云存储API（T1567）`, cloud storage
  // API; `DNS隧道`): the sentence's words, not a name of their own, where a Title Case name is one (`大量Cron`).
  const first = titled[titled.length - 1];
  if (first && gluedAfter(text, first.start) && !/\p{Ll}/u.test(text.slice(first.start, p))) return undefined;
  if (titled.some((word) => word.kind === 'title')) return first?.start;
  const item = sentenceCaseItem(text, words, floor, end);
  if (item !== undefined) return item;
  const lower: typeof words = [];
  for (const word of words) {
    const token = text.slice(word.start, word.end);
    if (word.kind === 'title' || STOP_WORDS.has(token) || lower.length >= 3) break;
    lower.push(word);
  }
  while (lower[lower.length - 1]?.kind === 'connector') lower.pop();
  // One short lower-case word ("saw", "via") is no name.
  const only = lower.length === 1 ? lower[0]! : undefined;
  if (only && only.end - only.start < 6) return undefined;
  return lower[lower.length - 1]?.start;
}

// How many words a name in sentence case may have before an ID, as a list's item writes one (`Registry run keys`).
const MAX_SENTENCE_CASE_WORDS = 4;
// What stands before a list's item: a list's mark at the line's start, or a label's colon; after a reference, the comma
// or semicolon that ends it (`(T1547.001), `). Not a sentence's comma (`However, Mimikatz dumped credentials (T1003)`).
const ITEM_START = /(?:^\s*(?:[-*•+]|\d{1,2}[.)])|[:：])\s*$/u;
const AFTER_ITEM = /^[)\]】）]?\s*[,;、]\s*$/u;
// A bracketed ID and a comma after it, then the next item's capital: a list going on (not `…(T1003), then they…`).
const LIST_GOES_ON = /^\s*[([（【][^()[\]（）【】]{1,60}[)\]）】]\s*[,;、]\s*\p{Lu}/u;

/**
 * Where a name in sentence case starts, written as a list's item before its ID (`Persistence: Registry run keys
 * (T1547.001), Scheduled tasks (T1053.005)`, `Collection: Email collection (T1114)`, `Custom C2 protocols (T1095)`,
 * SixMap's energy-sector report's TTP lists): words of a capital, then lower-case words, none a sentence's
 * (`sentenceWord`), right after a label's colon, a list's mark, the reference before (`AFTER_ITEM`), or at the text's
 * start as the first of such a list. `words` are the words before the ID at `end`, nearest first. Undefined where they
 * are not such an item (`used PowerShell to run scripts`).
 */
function sentenceCaseItem(text: string, words: ReadonlyArray<{ start: number; end: number; kind: 'title' | 'connector' | 'lower' }>, floor: number, end: number): number | undefined {
  const token = (word: (typeof words)[number]): string => text.slice(word.start, word.end).replace(MARK_CHARS, '');
  let k = 0;
  while (k < words.length && words[k]!.kind !== 'title' && !sentenceWord(token(words[k]!))) k++;
  if (k === 0 || words[k - 1]!.kind === 'connector') return undefined;
  let start: number | undefined;
  for (; k < words.length && k < MAX_SENTENCE_CASE_WORDS; k++) {
    const word = words[k]!;
    if (word.kind !== 'title' || token(word).endsWith(':') || sentenceWord(token(word))) break;
    start = word.start;
  }
  if (start === undefined) return undefined;
  const written = text.slice(floor, start);
  // Items before it only where its words are no sentence's, a verb in -ed after its first word being one (`Overall,
  // Mimikatz dumped credentials (T1003)`).
  const before = /\s\p{Ll}+ed\b/u.test(text.slice(start, end)) ? written : withoutItemsBefore(written);
  // The first of a list at the text's start, after the list's label (`Persistence: `, read apart), where the next item
  // follows its ID (`Registry run keys (T1547.001), Scheduled tasks …`); not a sentence that starts so (`Mimikatz dumped
  // credentials (T1003) on the server`). Or the last of a list there whose items before it have no ID, the text ending
  // with its ID (`Web shells, Scheduled tasks (T1053)`, a list's item read without its mark).
  const listEnds = before.length < written.length && /^[\s)\]）】.;,*_]*$/u.test(text.slice(end).replace(/^\s*[([（【][^()[\]（）【】]{1,60}[)\]）】]/u, ''));
  const first = floor === 0 && !before.trim() && (LIST_GOES_ON.test(text.slice(end)) || listEnds);
  return first || (floor > 0 ? AFTER_ITEM : ITEM_START).test(before) ? start : undefined;
}

// An item of a list in sentence case and the comma after it, ending the text: a capital's word, then up to three words
// (`Web shells, `), as far back as a space, a colon or the text's start.
const ITEM_BEFORE = /(?<=^|[\s:：])\p{Lu}[\p{L}\p{N}-]*(?: [\p{L}\p{N}][\p{L}\p{N}-]*){0,3}, *$/u;

/**
 * The text before a name in sentence case without the items of its list before it, each followed by a comma and none
 * holding a sentence's word (`- Persistence: Web shells, Scheduled tasks (T1053)`: `- Persistence: `), so that the
 * name's own item starts where the list does. A sentence's comma stays (`However, Mimikatz dumped credentials`).
 */
function withoutItemsBefore(before: string): string {
  let rest = before;
  for (let item = ITEM_BEFORE.exec(rest); item && !item[0].split(/[\s,]+/).some(sentenceWord); item = ITEM_BEFORE.exec(rest)) rest = rest.slice(0, item.index);
  return rest;
}

// Words before an ID that make it a modifier of the words after it (`the T1506 input capture`).
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'its', 'their']);

/**
 * Where a technique name written from `start`, right after the ID that ends at `idStart`'s group, in prose ends: Title
 * Case words as after a colon (`nameEndAfter`), not beginning with a small word; else, when a determiner stands before
 * the ID (`the T1506 input capture`), two or three lower-case words, up to a stop word or a punctuation mark. Without
 * one, lower-case words after an ID are the sentence going on (`T1003 followed quickly`).
 */
function proseNameEndAfter(text: string, idStart: number, start: number, ceiling: number): number | undefined {
  // `TT1001 and Mimikatz`: a name does not begin with a small word.
  if (CONNECTORS.has(/^\S*/.exec(text.slice(start, start + MAX_WORD))![0])) return undefined;
  const titled = nameEndAfter(text, start, ceiling);
  if (titled !== undefined) return titled;
  const before = wordBefore(text, idStart, 0);
  if (!before || !DETERMINERS.has(text.slice(before.start, before.end).toLowerCase())) return undefined;
  const words: TextSpan[] = [];
  let q = start;
  while (q < ceiling && words.length < 3) {
    let e = q;
    while (e < ceiling && e - q <= MAX_WORD && !/\s/.test(text.charAt(e))) e++;
    const token = text.slice(q, e);
    const bare = token.replace(/[,.;:!?)]$/, '');
    if (!/^[a-z][a-z-]*$/.test(bare) || STOP_WORDS.has(bare)) break;
    words.push({ start: q, end: q + bare.length });
    if (bare !== token || text.charAt(e) !== ' ') break;
    q = e + 1;
  }
  while (words.length && CONNECTORS.has(text.slice(words[words.length - 1]!.start, words[words.length - 1]!.end))) words.pop();
  // One lower-case word after an ID is as often a verb (`T1003 followed`) as a name.
  return words.length >= 2 ? words[words.length - 1]!.end : undefined;
}

/**
 * Where the name after a labelled ID ends (`Privilege/Account: T1136.001 Create local accounts, T1098 …`): the words up
 * to the item's comma or semicolon, or the text's end; a few words of letters, the first a capital's (Title Case or
 * sentence case); undefined for any other text (`Label: T1078 was used to log on`).
 */
function labelledNameEnd(text: string, start: number, ceiling: number): number | undefined {
  const item = /^[^,;、()[\]]*/u.exec(text.slice(start, ceiling))![0].trimEnd();
  const words = item.split(' ');
  if (!item || words.length > MAX_NAME_WORDS || !/^\p{Lu}/u.test(item) || !words.every((word) => /^[\p{L}][\p{L}/&'-]*$/u.test(word))) return undefined;
  return start + item.length;
}

/** Where a Title Case technique name written from `start` ends (`T1566.001: Spearphishing Attachment - ...`). */
function nameEndAfter(text: string, start: number, ceiling: number): number | undefined {
  const ends: Array<{ end: number; connector: boolean }> = [];
  let q = start;
  while (q < ceiling && ends.length < MAX_NAME_WORDS) {
    let e = q;
    while (e < ceiling && e - q <= MAX_WORD && !/\s/.test(text.charAt(e))) e++;
    const token = text.slice(q, e);
    // A footnote marker ends the name (`T1055 Process Injection[1] that ...`), as does the end of a link's text
    // (`[T1055 - Process Injection](…) to hide`).
    // So does the bracket that closes around the ID and its name (`(T1041 – Exfiltration Over C2 Channel)`, a threat
    // report's list item), a word of the name before it.
    const bare = token.replace(/\[\d{1,3}\]$/, '').replace(/\]\(\S*$/, '').replace(/^([^([]*)[)\]][,.;]?$/, '$1').replace(/[,.;]$/, '');
    const word = bare.replace(MARK_CHARS, '');
    // A slash set apart joins the words of one name, as before an ID (`nameStartBefore`): `T1060 - Registry Run Keys /
    // Start Folder 7 T1057 - …`, a ranked list flattened onto one line (Deloitte's threat library slides as PDF text).
    const connector = CONNECTORS.has(word) || word === '/';
    if (!(TITLE_TOKEN.test(word) || connector) || !word) break;
    // A sentence's first word after a colon begins the text the name labels, no sub-technique's name (`T0813 - Denial of
    // Control: In the Maroochy Water Breach, …`, ATT&CK's procedure examples as listed under a technique's ID and name).
    const last = ends[ends.length - 1];
    if (last && text.charAt(last.end - 1) === ':' && sentenceWord(word)) {
      last.end -= 1;
      break;
    }
    ends.push({ end: q + bare.length, connector });
    if (bare !== token || text.charAt(e) !== ' ') break;
    q = e + 1;
  }
  while (ends.length && ends[ends.length - 1]?.connector) ends.pop();
  return ends[ends.length - 1]?.end;
}

/** A name found for a cluster: its cleaned text and where it is written. */
interface Named {
  name: string;
  span: TextSpan;
}

/**
 * Read the technique references in a piece of (already folded) text: one per written ID or shorthand, each with the
 * name beside it and its span. Tactic text is found but left to the caller to apply (`tactics`).
 */
export function tokenizeReferences(text: string, mode: ReadingMode = 'reference'): TokenizedText {
  const tokens = scanIds(text);
  const tactics = tacticPieces(text);
  // `Defense Evasion::Obfuscated Files or Information [T1027]`: capa's tactic before a technique's name, where no other
  // tactic text is read.
  const capaLabels = text.includes('::') ? doubleColonTactics(text).filter((label) => !tactics.some((piece) => piece.start < label.end && label.start < piece.end)) : [];
  if (capaLabels.length) {
    tactics.push(...capaLabels);
    tactics.sort((a, b) => a.start - b.start);
  }
  // `PowerShell (TA0002::T1059\.001\)` (WatchGuard's Internet Security Report Q1 2024 converted to Markdown): the same
  // notation with IDs, a tactic's ID (read as tactic text) and `::` right before a technique's ID: its tactic.
  const idLabels = text.includes('::') ? tactics.filter((piece) => TACTIC_ID_LABEL.test(text.slice(piece.start, piece.end + 2 + digits + 1))) : [];
  const labels = idLabels.length ? [...capaLabels, ...idLabels].sort((a, b) => a.start - b.start) : capaLabels;
  // A tactic glued to the first ID (`Initial AccessT1566.001`) is a leading tactic too.
  const first = tokens[0];
  if (first?.rules.includes(GLUED_BEFORE) && !tactics.some((piece) => piece.start < first.start)) {
    const list = parseTacticList(text.slice(0, first.start));
    if (list) tactics.unshift({ tactics: [text.slice(0, first.start).trim()], start: 0, end: first.start });
  }
  // Tactic text never overlaps an ID (a TA ID is no technique ID); a mask says where it is, in constant time.
  const mask = new Uint8Array(text.length);
  for (const piece of tactics) mask.fill(1, piece.start, piece.end);
  const cut = (i: number): boolean => mask[i] === 1;
  const groups = clusters(text, tokens, cut);
  const warnings: string[] = [];
  const names = mode === 'prose' ? proseNames(text, groups, cut) : referenceNames(text, groups, tactics, warnings);
  const refs: ReferenceToken[] = [];
  const paired = groups.length > 1 && names.filter(Boolean).length > 1;
  const { stated, claimed } = statedTactics(text, groups, names, tactics);
  const labelled = labelledTactics(groups, names, labels, claimed);
  // The name starts after its label (`att&ck       Defense Evasion::Reflective Code Loading [T1620]`, capa's `-vv`).
  for (const [g, label] of labelled.entries()) {
    const name = names[g];
    if (label && name && name.span.start < label.end && label.end < name.span.end) names[g] = spanName(text, { start: label.end, end: name.span.end });
  }
  const rows: Array<{ tactics: string[]; start?: number; nameStart?: number } | undefined> | undefined = rowTactics(text, groups, names) ?? nameRowTactics(text, groups, names);
  for (const [g, row] of (rows ?? []).entries()) {
    const name = names[g];
    if (row?.nameStart !== undefined && name) names[g] = spanName(text, { start: row.nameStart, end: name.span.end });
  }
  if (rows) {
    // The first row's tactic, read as the line's leading one, is that row's only; a name read after an ID ends where
    // the next row's tactic starts (`Command and Scripting Interpreter: PythonDiscoveryT1043`).
    for (const piece of tactics) if (first && piece.end <= first.start) claimed.add(piece);
    for (const [g, row] of rows.entries()) {
      const before = names[g - 1];
      if (row?.start !== undefined && before && before.span.end > row.start && before.span.start < row.start) names[g - 1] = spanName(text, { start: before.span.start, end: row.start });
    }
  }
  for (const [g, group] of groups.entries()) {
    // `Initial Access（T1566.001）→ Execution（T1059.001）`: a tactic beside an ID is its tactic, not its name. In prose,
    // an abbreviation after a word of the sentence is no label but the sentence's word (`send it to C2 T1120`): neither.
    const abbreviated = mode === 'prose' && names[g] !== undefined && proseAbbreviation(text, names[g]);
    const asName = names[g] && !abbreviated ? proseTacticList(text, names[g], mode) ?? parseTacticList(names[g].name) : undefined;
    const besideTactics = stated[g] ?? labelled[g]?.tactics.map((tactic) => tacticDisplayName(tactic) ?? tactic.trim()) ?? rows?.[g]?.tactics ?? asName;
    // A file named for a technique (`T1059.001.ps1`) is no place for its name: the words beside it say what the file does.
    const file = group.tokens.some((token) => token.rules.includes(FILE_NAME));
    const named = asName || abbreviated || file ? undefined : names[g] && { ...names[g], span: withMarks(text, names[g].span) };
    for (const token of group.tokens) {
      const markdown = token.rules.includes(URL_RULE) && text.charAt(token.start - 1) === '(' && text.charAt(token.start - 2) === ']';
      const idSpan = { start: token.start, end: token.end };
      const span = { start: Math.min(token.start, named ? Math.min(named.span.start, group.start) : token.start), end: token.end };
      if (named) span.end = Math.max(token.end, bracketEnd(text, group.end, named.span), group.enclosed ? group.end : token.end);
      else if (group.tokens.length === 1 && group.enclosed) {
        span.start = group.start;
        span.end = group.end;
      }
      refs.push({
        ids: token.ids,
        span: named ? withMarks(text, span) : span,
        idSpan,
        ...(named ? { name: named.name, nameSpan: named.span } : {}),
        ...(named && group.tokens.length > 1 ? { sharedName: true } : {}),
        ...(token.malformed ? { malformed: token.malformed } : {}),
        ...(besideTactics ? { tactics: besideTactics } : {}),
        rules: [
          ...(markdown ? [MARKDOWN] : []),
          ...token.rules,
          ...(paired ? [PAIRS] : []),
          ...(stated[g] ? [TACTIC_AFTER] : labelled[g] ? [idLabels.includes(labelled[g]) ? TACTIC_ID_BEFORE_ID : TACTIC_BEFORE_NAME] : rows?.[g] ? [TACTIC_GLUED] : asName ? [TACTIC_AS_NAME] : []),
        ],
      });
    }
  }
  // A tactic stated for one reference is not the others'.
  return { refs, tactics: tactics.filter((piece) => !claimed.has(piece)), warnings };
}

/**
 * In prose, the tactics of a list whose last item is the tactic read where a name stands (`Enabling automatic logon for
 * persistence and privilege escalation [T1547]`, CISA's LockBit 3.0 advisory AA23-075A): the words before that name read
 * only `privilege escalation`, and the list's other tactics were lost. The longest run of whole words before it that
 * makes one list of tactics with it; undefined where none holds more tactics than the name alone.
 */
function proseTacticList(text: string, name: Named, mode: ReadingMode): string[] | undefined {
  if (mode !== 'prose') return undefined;
  const alone = parseTacticList(name.name);
  if (!alone) return undefined;
  const words = text.slice(Math.max(0, name.span.start - 80), name.span.start).split(/\s+/).filter(Boolean);
  let best: string[] | undefined;
  for (let k = 1; k <= Math.min(8, words.length); k++) {
    const tactics = parseTacticList(`${words.slice(-k).join(' ')} ${name.name}`);
    if (tactics && tactics.length > (best ?? alone).length) best = tactics;
  }
  return best;
}

/**
 * Whether a name read before an ID in prose is a tactic's abbreviation (`C2`, `C&C`, `CnC`) right after a word of the
 * sentence in lower case (`…collect system information and send it to C2 T1120 Peripheral Device Discovery…`, a
 * Ukrainian government report's Gamaredon TTP table as PDF-to-text runs its cells together): the sentence's word for a
 * server, not a label of the ID's tactic.
 */
function proseAbbreviation(text: string, name: Named): boolean {
  return /^[A-Za-z0-9&]{2,3}$/.test(name.name) && parseTacticList(name.name) !== undefined && /\p{Ll}[,]? {1,2}$/u.test(text.slice(Math.max(0, name.span.start - 3), name.span.start));
}

/**
 * The tactic of each cluster in a table's rows run together on one line, as a scrape or a PDF-to-text tool leaves them
 * (`…Tactic…Lateral MovementT1021.004Remote Services: SSHThe actor used SSH…hostExecutionT1059.004…`): the tactic glued
 * before an ID, the text of its row's first cell, after the cells of the row before (their last word glued to it), is
 * that ID's; an ID with none, a row that goes on under the same tactic, takes the last one before it. Only where two IDs
 * or more have one (one is a line's leading label: `Initial AccessT1566.001`); undefined otherwise, and for the IDs
 * before the first. An ID glued to anything but a space may be a row's: `…(Prevented)T1105`, `…attacks.T1557`. Each
 * tactic's start is given too: the name of the row before ends there.
 */
function rowTactics(text: string, groups: readonly Cluster[], names: ReadonlyArray<Named | undefined>): Array<{ tactics: string[]; start?: number } | undefined> | undefined {
  const before = (group: Cluster): string => text.charAt(group.start - 1);
  const glued = groups.map((group, g) => {
    const from = groups[g - 1]?.end ?? 0;
    if (group.start > 0 && !/\s/.test(before(group))) return gluedTactics(text, from, group.start);
    // `…T1529: System Shutdown/RebootExecution T1047: …` (a scraped table of a tactic cell and a cell of `ID: Name`
    // items): the tactic cell glued to the last word of the row before, a space before its first ID.
    if (before(group) !== ' ' || /\s/.test(text.charAt(group.start - 2)) || !readsAfterLetter(text, from, group.start - 1)) return undefined;
    const row = gluedTactics(text, from, group.start - 1);
    // `T1070.004SystemInformationDiscovery T1082ProcessDiscovery T1057` (Genians' Konni APT Chronicle, its `Name ID`
    // table as PDF-to-text): where the ID's own name stands before it and holds the tactic's words, they end that name
    // (`SystemInformationDiscovery`, its spaces lost), no cell of their own.
    const name = names[g];
    if (row && name && name.span.end <= group.start && name.span.start < row.start) return undefined;
    return row && /\p{L}/u.test(text.charAt(row.start - 1)) ? row : undefined;
  });
  if (glued.filter(Boolean).length < 2) return undefined;
  let current: string[] | undefined;
  return glued.map((row) => {
    current = row?.tactics ?? current;
    return current && { tactics: current, ...(row ? { start: row.start } : {}) };
  });
}

/**
 * The tactic of each cluster in a table's rows run together on one line whose last cell is the ID (Tactic | Technique |
 * ID, a scraped page's table: `…Pattern IDCommand and ControlProxyT1090DiscoveryNetwork Service DiscoveryT1046`): the
 * name read glued before an ID starts with its row's tactic cell, the technique's cell glued to it (a capital after a
 * letter, no space: `Exfiltration Over C2 Channel` is one name); the name is the rest. Only where two names or more
 * start so; undefined otherwise.
 */
function nameRowTactics(text: string, groups: readonly Cluster[], names: ReadonlyArray<Named | undefined>): Array<{ tactics: string[]; nameStart: number } | undefined> | undefined {
  const rows = groups.map((group, g) => {
    const name = names[g];
    if (!name || name.span.end > group.start || !group.tokens[0]!.rules.includes(GLUED_BEFORE)) return undefined;
    const cell = text.slice(name.span.start, name.span.end);
    const starts = [...cell.matchAll(CELL_START)].map((match) => match.index);
    for (const [i, start] of starts.entries()) {
      for (const end of starts.slice(i + 1)) {
        if (/\s/.test(cell.charAt(end - 1))) continue;
        const read = readTacticText(cell.slice(start, end), { qualified: true });
        if (read && !read.unread.length) return { tactics: read.tactics.map((tactic) => tacticDisplayName(tactic) ?? tactic), nameStart: name.span.start + end };
      }
    }
    return undefined;
  });
  return rows.filter(Boolean).length < 2 ? undefined : rows;
}

// Where a row's first cell may start in text run together: after a space or a mark, or at a capital glued to a letter
// before it and a small letter after it (`hostExecution`, `SSHCommand`). Never at a small letter: a word in lower case
// glued before an ID ends a sentence, a description cell's (`…for potential exfiltrationT1119`), where a table writes a
// tactic cell with a capital.
const CELL_START = /(?<=^|[\s|:;,.)\]])(?!\p{Ll})\p{L}|(?<=\p{L})\p{Lu}(?=\p{Ll})/gu;

/**
 * Whether a cell start of `gluedTactics`' window that is right after a letter (a tactic cell glued to the word before)
 * reads as tactics to `end`: only then can `gluedTactics` find such a cell. Most IDs of prose have a space before them
 * and no such cell; asking only these starts, not every word's, before reading the whole window again for the rare ID
 * that has one, keeps the run-together rows' reading from costing a seventh of extract's time.
 */
function readsAfterLetter(text: string, from: number, end: number): boolean {
  const start = Math.max(from, end - MAX_NAME);
  const before = text.slice(start, end);
  for (const match of before.matchAll(CELL_START)) {
    if (!/\p{L}/u.test(text.charAt(start + match.index - 1))) continue;
    const read = readTacticText(before.slice(match.index), { qualified: true });
    if (read && !read.unread.length) return true;
  }
  return false;
}

/**
 * The tactics written right before `end`, from the earliest cell start after `from` whose text to `end` names tactics
 * only, as a tactic cell writes them (`Command and Control (Prevented)`, a remark after the tactic).
 */
function gluedTactics(text: string, from: number, end: number): { tactics: string[]; start: number } | undefined {
  const start = Math.max(from, end - MAX_NAME);
  const before = text.slice(start, end);
  for (const match of before.matchAll(CELL_START)) {
    const read = readTacticText(before.slice(match.index), { qualified: true });
    if (read && !read.unread.length) return { tactics: read.tactics.map((tactic) => tacticDisplayName(tactic) ?? tactic), start: start + match.index };
  }
  return undefined;
}

/**
 * The tactics each cluster states in brackets right after it (`T1204.001: Malicious Link (TA0002: Execution)`, `T1059
 * (TA0002)`): after its ID, or after the name that follows it, with only spaces between; or, for an ID written as a
 * label (`T1123: Audio Capture (TA0009: Collection)`), the first bracket of the text after it. A TA ID with a name stays
 * as written (`TA0002: Execution`), for a caller with ATT&CK data to check that both name one tactic.
 */
function statedTactics(
  text: string,
  groups: readonly Cluster[],
  names: ReadonlyArray<Named | undefined>,
  pieces: readonly TacticPiece[],
): { stated: Array<string[] | undefined>; claimed: Set<TacticPiece> } {
  const claimed = new Set<TacticPiece>();
  let k = 0;
  const stated = groups.map((group, g) => {
    const name = names[g];
    const from = name && name.span.start >= group.end ? name.span.end : group.end;
    const ceiling = groups[g + 1]?.start ?? text.length;
    while (k < pieces.length && pieces[k]!.start < from) k++;
    const piece = pieces[k];
    if (!piece || piece.start >= ceiling || !(text.charAt(piece.start) in OPENERS)) return undefined;
    const between = text.slice(from, piece.start);
    const label = !name && /^ ?[:：]/.test(text.slice(group.end, group.end + 2));
    if (!(between.trim() === '' || (label && between.length <= MAX_NAME && !/[([【]/.test(between)))) return undefined;
    claimed.add(piece);
    return piece.tactics.map((tactic) => (/^TA\d{4}: /.test(tactic) ? tactic : (tacticDisplayName(tactic) ?? tactic.trim())));
  });
  return { stated, claimed };
}

/**
 * The label of each cluster in capa's notation (`doubleColonTactics`): the last label after the cluster before and before
 * the end of the cluster's name (or the cluster, when it has no name before it), claimed for it.
 */
function labelledTactics(groups: readonly Cluster[], names: ReadonlyArray<Named | undefined>, labels: readonly TacticPiece[], claimed: Set<TacticPiece>): Array<TacticPiece | undefined> {
  if (!labels.length) return [];
  return groups.map((group, g) => {
    const from = groups[g - 1]?.end ?? 0;
    const name = names[g];
    const to = name && name.span.end <= group.start ? name.span.end : group.start;
    // A label inside the group's brackets, before its first ID (`(TA0002::T1059.001)`), is its too.
    const inside = (piece: TacticPiece): boolean => group.enclosed && piece.start > group.start && piece.end <= group.tokens[0]!.start;
    const label = labels.filter((piece) => (piece.start >= from && piece.end <= to) || inside(piece)).at(-1);
    if (label) claimed.add(label);
    return label;
  });
}

/**
 * The end of a name written after its IDs, past the bracket that closes around it: `T1566.001 (Spearphishing Attachment)`
 * in a table cell, whose name is the text inside the bracket, is written with both brackets.
 */
function bracketEnd(text: string, idsEnd: number, name: TextSpan): number {
  if (name.start < idsEnd) return name.end;
  const opener = /([([【「])\s*$/.exec(text.slice(idsEnd, name.start))?.[1];
  const closer = opener && /^\s*(\S)/.exec(text.slice(name.end, name.end + 4));
  return closer && closer[1] === OPENERS[opener] ? name.end + closer[0].length : name.end;
}

/** Gap i: the text before cluster i (and, for i = clusters, after the last), without tactic text, as a span. */
function gapSpans(text: string, groups: readonly Cluster[]): TextSpan[] {
  const gaps: TextSpan[] = [];
  let from = 0;
  for (const group of groups) {
    gaps.push({ start: from, end: group.start });
    from = group.end;
  }
  gaps.push({ start: from, end: text.length });
  return gaps;
}

/** The text of a span with tactic pieces blanked out (pieces in order, from the first that may overlap). */
function withoutTactics(text: string, span: TextSpan, pieces: readonly TacticPiece[], from: number): string {
  let out = '';
  let at = span.start;
  for (let k = from; k < pieces.length; k++) {
    const piece = pieces[k]!;
    if (piece.start >= span.end) break;
    if (piece.end <= at) continue;
    out += text.slice(at, Math.max(at, piece.start)) + ' ';
    at = Math.max(at, piece.end);
  }
  return out + text.slice(Math.min(at, span.end), span.end);
}

const CELL_EDGE = /<\/?t[dh](?![A-Za-z0-9])[^<>]{0,200}>/gi;

/**
 * The last or first of the HTML table cells (`<td>…</td>`) a span holds text in, or the span when it holds no cell edge
 * (`<tr><td>Phishing: Spearphishing Attachment</td><td>T1566.001</td><td>Malicious attachment</td></tr>`).
 */
function htmlCell(text: string, span: TextSpan, side: 'first' | 'last'): TextSpan {
  const gap = text.slice(span.start, span.end);
  if (gap.length > MAX_NAME * 8 || !/<\/?t[dh]/i.test(gap)) return span;
  const cells: TextSpan[] = [];
  let start = 0;
  for (const edge of gap.matchAll(CELL_EDGE)) {
    cells.push({ start, end: edge.index });
    start = edge.index + edge[0].length;
  }
  cells.push({ start, end: gap.length });
  const filled = cells.filter((cell) => /\p{L}/u.test(withoutMarkup(gap.slice(cell.start, cell.end))));
  const cell = side === 'first' ? filled[0] : filled[filled.length - 1];
  return cell ? { start: span.start + cell.start, end: span.start + cell.end } : span;
}

/** A gap cleaned into a name, with the span of its text. */
function gapName(text: string, span: TextSpan, pieces: readonly TacticPiece[], from: number): Named | undefined {
  if (span.end - span.start > MAX_NAME * 8) return undefined;
  const name = cleanName(withoutTactics(text, span, pieces, from));
  // `See also T1003`, `Refer to T1082`: a sentence's words, not a name; no technique's name ends in a small word.
  if (!name || onlyStopWords(name.split(' ')) || CONNECTORS.has(/\S+$/.exec(name)![0].toLowerCase())) return undefined;
  // The name's own text, found inside the gap (a bounded search: the gap holds it when cleaning kept its first words),
  // up to its last words (cleaning may have cut marks inside it: `It used *Rundll32*`).
  const gap = text.slice(span.start, span.end);
  const head = name.slice(0, 20);
  const at = gap.indexOf(head);
  // Cleaning made one space of several (`T1566 Phishing   메일`, a row set in columns of spaces): the name's words are
  // found with any spaces between them.
  const spaced = at < 0 ? spacedWords(gap, name.slice(0, 20), 'first') : undefined;
  const start = at >= 0 ? span.start + at : span.start + (spaced?.start ?? 0);
  const tail = name.slice(-20);
  const last = gap.lastIndexOf(tail);
  const spacedTail = last < 0 ? spacedWords(gap, tail, 'last') : undefined;
  const end =
    last >= 0 && span.start + last >= start
      ? span.start + last + tail.length
      : spacedTail && span.start + spacedTail.start >= start
        ? span.start + spacedTail.end
        : start + name.length;
  return { name, span: { start, end: Math.min(span.end, end) } };
}

/** Where a name's words (`Phishing 메일`) stand in the text it was cleaned from, any spaces between them; the first or last place. */
function spacedWords(gap: string, words: string, which: 'first' | 'last'): TextSpan | undefined {
  const parts = words.trim().split(' ');
  if (parts.length < 2) return undefined;
  const pattern = new RegExp(parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu');
  let found: TextSpan | undefined;
  for (const match of gap.matchAll(pattern)) {
    found = { start: match.index, end: match.index + match[0].length };
    if (which === 'first') break;
  }
  return found;
}

/**
 * Whether the ID at `start` is a step of a path (`atomics/T1059.001`, `C:\\AtomicRedTeam\\atomics\\T1003`): glued to a
 * slash or backslash after a word that is no name's (lower-case, or itself a path: another slash, a colon, a dot).
 */
function inPath(text: string, start: number): boolean {
  const run = /[^\s|()[\]<>"'`]{1,200}$/.exec(text.slice(Math.max(0, start - 200), start))?.[0];
  return run !== undefined && /[/\\]$/.test(run) && (/^\p{Ll}/u.test(run) || /[/\\:.]/.test(run.slice(0, -1)));
}

/**
 * Names of the clusters of one reference: the text between IDs. With one cluster, the text before it, else after it.
 * With several, names stand all before their IDs (`Name – T1059Name – T1090.002`) or all after them
 * (`T1566.001Name: ...T1106Native API`), as the ends of the text show; when they cannot tell, no name is paired.
 */
function referenceNames(text: string, groups: readonly Cluster[], pieces: readonly TacticPiece[], warnings: string[]): Array<Named | undefined> {
  if (!groups.length) return [];
  // `- [Native API](https://attack.mitre.org/techniques/T1106/)`: an address names its technique by itself, and a
  // markdown link's text is its name, brackets included, as in a sentence.
  const links = groups.map((group, g) => (isAddress(group) ? markdownText(text, group.tokens[0]!, groups[g - 1]?.end ?? 0) : undefined));
  if (links.every(Boolean)) return links;
  let from = 0;
  // `Invoke-AtomicTest T1059.001 -TestNumbers 1`: so has an ID that is a PowerShell command's argument.
  const command = (start: number): boolean => CMDLET.test(/(\S+) +$/.exec(text.slice(Math.max(0, start - 60), start))?.[1] ?? '');
  const paths = groups.map((group) => inPath(text, group.start) || command(group.start));
  const gaps = gapSpans(text, groups).map((span, i) => {
    while (from < pieces.length && pieces[from]!.end <= span.start) from++;
    // In an HTML table row a name is one cell: the last before the first ID, the first after the last.
    const cell = i === 0 ? htmlCell(text, span, 'last') : i === groups.length ? htmlCell(text, span, 'first') : span;
    // `Path: atomics/T1059.001/T1059.001.yaml`: an ID that is a folder's or file's name in a path has no name on
    // either side.
    return paths[i] || paths[i - 1] ? undefined : gapName(text, cell, pieces, from);
  });
  // `T1083: File and Directory Discovery, T1005:` (a list of `ID: Name` items, wrapped by PDF-to-text): an ID with a
  // colon after it and a list's comma before it labels the text after it; the words before the comma end the item
  // before (`Pow-` `erShell, T1005: Data from Local Systems`).
  const colonAfter = (group: Cluster): boolean => /^ ?[:：]/.test(text.slice(group.end, group.end + 2));
  const commaBefore = (group: Cluster): boolean => /[,;、]\s*$/.test(text.slice(Math.max(0, group.start - 4), group.start));
  if (groups.length === 1) {
    const [before, after] = gaps;
    const group = groups[0]!;
    const keyed = keyedNameAfter(text, group.end);
    if (keyed) return [keyed];
    const bracketAfter = !group.enclosed && /^ ?[([【]/.test(text.slice(group.end, group.end + 2));
    // `1位(出現数152):T1059 Command and Scripting Interpreter`: text ending in a colon before the ID is its label.
    // So is the word "Technique" right before the ID where a colon after it leads to the name (`Additional Research:
    // Technique T1003: Credential Dumping`, a report's section heading): the words before it are the heading's. Not a
    // dash: `Remote Services, Technique T1021 – Enterprise | MITRE ATT&CK®` is a pasted link's text, its page's title after it.
    const labelBefore =
      /[:：]\s*$/.test(text.slice(Math.max(0, group.start - 4), group.start)) ||
      (/(?:^|[\s:：])(?:sub-)?technique\s+$/i.test(text.slice(Math.max(0, group.start - 16), group.start)) && /^ ?[:：] /.test(text.slice(group.end, group.end + 3)));
    if (colonAfter(group) && commaBefore(group)) return [after];
    // A bracket after the ID that closes before the text goes on holds its name (`「T1566(Phishing)」のような共通ID`,
    // a Japanese blog's list item): the words after the bracket are the sentence's.
    const inside = bracketAfter && after ? bracketedNameAfter(text, group.end, text.length) : undefined;
    if (inside && /[\p{L}\p{N}]/u.test(text.slice(inside.span.end, after!.span.end))) return [inside];
    return [(bracketAfter || labelBefore) && after ? after : (before ?? after)];
  }
  // Where names stand is told by where text stands, HTML tags too (`<li>[T1086: PowerShell](…)</li></ul>`), though tags
  // are no names.
  const texts = gapSpans(text, groups).map((span, i) => gaps[i] !== undefined || isMarkupOnly(text.slice(span.start, span.end)));
  const first = texts[0];
  const last = texts[texts.length - 1];
  const inner = texts.slice(1, -1);
  if (groups.every(colonAfter) && groups.slice(1).every(commaBefore)) return gaps.slice(1);
  // `MITRE ATT&CK Techniques Observed: T1012 Query Registry, T1027 Obfuscated Files or Information, …` (Mandiant's
  // SUNBURST post): text ending in a colon before the first ID is the list's label, and a comma before each next ID
  // starts an item, so each name follows its ID.
  const labelled = /[:：]\s*$/.test(text.slice(Math.max(0, groups[0]!.start - 4), groups[0]!.start));
  if (labelled && groups.slice(1).every(commaBefore)) return gaps.slice(1);
  if (first && !last) return gaps.slice(0, -1);
  if (!first && last) return gaps.slice(1);
  if (!first && !last && !inner.some(Boolean)) return groups.map(() => undefined);
  if (first && last && groups.every((group) => group.enclosed)) return gaps.slice(0, -1);
  warnings.push(
    `the names in "${text.length > 120 ? `${text.slice(0, 117)}...` : text}" could not be paired with its ${groups.length} ID groups; each ID was read by itself`,
  );
  return groups.map(() => undefined);
}

/** Names of clusters in a sentence: the few words beside each (see `ReadingMode`). */
function proseNames(text: string, groups: readonly Cluster[], cut: (i: number) => boolean): Array<Named | undefined> {
  const names: Array<Named | undefined> = [];
  let floor = 0;
  // `…ControlProtocol TunnelingT1572DiscoveryNetwork Service DiscoveryT1046`: rows run together whose last cell is the ID
  // (Tactic | Technique | ID), the last ID ending the text: each ID is glued to the name before it, not the next row's.
  const last = groups[groups.length - 1];
  const namesBefore = groups.length > 1 && groups.every((group) => group.tokens[0]!.rules.includes(GLUED_BEFORE)) && /^[\s.,;:!?)\]|*]*$/.test(text.slice(last?.end ?? 0));
  for (const [g, group] of groups.entries()) {
    const ceiling = groups[g + 1]?.start ?? text.length;
    let named: Named | undefined;
    // An address names its technique by itself; only a markdown link's text is a name.
    const keyed = group.enclosed ? undefined : keyedNameAfter(text, group.end);
    if (isAddress(group)) named = markdownText(text, group.tokens[0]!, floor);
    else if (keyed) named = keyed;
    else if (group.enclosed) {
      // `into victim networks.([T1199](…))`: a citation's bracket glued to the full stop of its own sentence; the
      // words before the stop are read as before a bracket after a space.
      const glued = text.charAt(group.start - 1) === '.' && /\p{L}/u.test(text.charAt(group.start - 2));
      const start = nameStartBefore(text, glued ? group.start - 1 : group.start, floor, group.tokens.length);
      if (start !== undefined && !cut(start)) named = spanName(text, { start, end: group.start });
    } else {
      const rest = text.slice(group.end, Math.min(ceiling, group.end + 80));
      const bracketed = bracketedNameAfter(text, group.end, ceiling);
      const separated = /^ {0,2}[:-] {0,2}/.exec(rest);
      if (bracketed) {
        named = bracketed;
      } else if (separated) {
        const end = nameEndAfter(text, group.end + separated[0].length, ceiling);
        if (end !== undefined) named = spanName(text, { start: group.end + separated[0].length, end });
      } else {
        // `Create Account - T1136 Credentials from Password Stores - T1555`: a Title Case name and a dash before the ID
        // name it; the words after it are the next ID's.
        const dash = / [-–—] ?$/.exec(text.slice(Math.max(floor, group.start - 3), group.start));
        const dashed = dash ? nameStartBefore(text, group.start - dash[0].length, floor) : undefined;
        // (Its first letter after any Markdown marks: `**Registry Run Keys - T1547.001**`.)
        if (dashed !== undefined && /\p{Lu}/u.test(text.slice(dashed, dashed + 4).replace(/^[*_`]+/, '').charAt(0)) && !cut(dashed)) named = spanName(text, { start: dashed, end: group.start - dash![0].length });
        // `hands-on activityT1059.006Command and Scripting Interpreter: Python`: a table's cells run together, each ID
        // glued to its name after it; the words glued before it end the cells before.
        const glued = !named && !namesBefore && group.tokens[group.tokens.length - 1]!.rules.includes(GLUED_AFTER) ? nameEndAfter(text, group.end, ceiling) : undefined;
        if (glued !== undefined) named = spanName(text, { start: group.end, end: glued });
        // `Privilege/Account: T1136.001 Create local accounts, T1098 …`: text ending in a colon before the ID is its
        // label where a name follows the ID, as in a reference (`referenceNames`): the words up to the item's end.
        const labelled = !named && text.charAt(group.end) === ' ' && /[:：] {0,3}$/.test(text.slice(Math.max(floor, group.start - 4), group.start));
        const labelEnd = labelled ? labelledNameEnd(text, group.end + 1, ceiling) : undefined;
        if (labelEnd !== undefined && !cut(group.end + 1)) named = spanName(text, { start: group.end + 1, end: labelEnd });
        const start = named ? undefined : nameStartBefore(text, group.start, floor);
        if (start !== undefined && !cut(start)) named = spanName(text, { start, end: group.start });
        // `used T1566.002 Spearphishing Attachment to...`, `the T1506 input capture`: else the words right after it.
        const end = named || text.charAt(group.end) !== ' ' ? undefined : proseNameEndAfter(text, group.start, group.end + 1, ceiling);
        if (end !== undefined && !cut(group.end + 1)) named = spanName(text, { start: group.end + 1, end });
      }
    }
    names.push(named);
    floor = Math.max(group.end, named?.span.end ?? 0);
  }
  return names;
}

// A field keyed as a technique's name right after its ID (`,technique_name=`, `", "technique_name": "`): Sysmon's rule
// names as olafhartong/sysmon-modular writes them (`RuleName: technique_id=T1562.001,technique_name=Disable or Modify
// Tools`), which reports quote from event logs.
const NAME_KEY_AFTER = /^["']? ?[,;&] ?["']?(?:[a-z]+_)?name["']? ?[=:] ?["']?/i;
// What ends a field's value: the next field's key, a quote, a tag's bracket, a cell's border, the line's end; in an
// event as OCR or PDF-to-text runs it into one line, a gap of spaces or the event's next field, a key in CamelCase
// (`technique_name=Disable or Modify Tools EventType: SetValue`, `technique_name=User Execution  RuleName UtcTime:`,
// The DFIR Report's Sysmon screenshots of 2025 as OCR read them): no technique's name has either.
const FIELD_END = /\s{0,2}(?:[,;&]\s{0,2}["']?[A-Za-z_]{1,30}["']?\s{0,2}[=:]|["'`<>|;\n]|$)|\s{2,}|\s(?=\p{Lu}\p{Ll}+\p{Lu}\p{L}*:)/u;

/**
 * The name of a technique in the field after its ID keyed as its name (`technique_id=T1562.001,technique_name=Disable or
 * Modify Tools`): that field's value, whatever words stand before the ID (`RuleName: technique_id=`, the event's field
 * and the ID's key); undefined where no such field follows the ID's end.
 */
export function keyedNameAfter(text: string, end: number): { name: string; span: TextSpan } | undefined {
  const key = NAME_KEY_AFTER.exec(text.slice(end, end + 40));
  if (!key) return undefined;
  const from = end + key[0].length;
  const rest = text.slice(from, from + MAX_NAME);
  return spanName(text, { start: from, end: from + FIELD_END.exec(rest)!.index });
}

/**
 * The name in a bracket right after an ID's end (`T1003 (lsass memory dump)`): a few words (at most 6, no ID), its span
 * the bracket; undefined when no such bracket follows before `ceiling`.
 */
function bracketedNameAfter(text: string, end: number, ceiling: number): Named | undefined {
  const rest = text.slice(end, Math.min(ceiling, end + 80));
  const bracketed = /^ ?[([]([^()[\]]{1,60})[)\]]/.exec(rest);
  if (!bracketed?.[1] || scanIds(bracketed[1]).length || bracketed[1].trim().split(/\s+/).length > 6) return undefined;
  const start = end + rest.indexOf(bracketed[1]);
  const named = spanName(text, { start, end: start + bracketed[1].length });
  if (named) named.span = { start: end, end: end + bracketed[0].length };
  return named;
}

function spanName(text: string, span: TextSpan): Named | undefined {
  while (span.end > span.start && text.charAt(span.end - 1) === ' ') span = { start: span.start, end: span.end - 1 };
  const name = cleanName(text.slice(span.start, span.end));
  if (!name) return undefined;
  // A number that cleaning left out at the end (`Standard App Layer Protocol 2 T1082`, the next row's number of a ranked
  // table flattened to one line by PDF-to-text) is no part of the name's text either: the span ends with its last word.
  const piece = text.slice(span.start, span.end);
  const last = /\S+$/.exec(name)![0];
  const at = piece.lastIndexOf(last);
  const after = at >= 0 ? piece.slice(at + last.length) : '';
  return { name, span: at >= 0 && /^[\s\d]+$/.test(after) ? { start: span.start, end: span.start + at + last.length } : span };
}

/** Whether a cluster is one ATT&CK address (`https://attack.mitre.org/techniques/T1218/010`). */
function isAddress(group: Cluster): boolean {
  return group.tokens.length === 1 && group.tokens[0]!.rules.includes(URL_RULE);
}

/** `[Regsvr32](https://attack.mitre.org/techniques/T1218/010)`: the link text names the technique. */
function markdownText(text: string, token: IdToken, floor: number): Named | undefined {
  if (text.charAt(token.start - 1) !== '(' || text.charAt(token.start - 2) !== ']' || text.charAt(token.end) !== ')') return undefined;
  const from = Math.max(floor, token.start - MAX_NAME);
  const at = text.slice(from, token.start - 2).lastIndexOf('[');
  if (at < 0) return undefined;
  const open = from + at;
  const name = cleanName(text.slice(open + 1, token.start - 2));
  return name ? { name, span: { start: open, end: token.end + 1 } } : undefined;
}

