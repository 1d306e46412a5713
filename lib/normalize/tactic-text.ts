import { escapeRegExp } from '../escape-reg-exp.js';
import { compareText } from '../compare-text.js';
import { editDistance } from '../name-distance.js';
import { laterTacticName, TACTIC_SPLITS } from '../attack/tactic-splits.js';
import { LATER_TACTIC_NAMES, READ_TACTIC_NAMES, TACTIC_SHORT_FORMS } from './tactic-names.js';

// Tactic text is short: the longest written form is ~40 characters and a list names at most every tactic. Longer text
// is no tactic (and is never handed to the regular expressions below, which then stay cheap on hostile input).
const MAX_TACTIC_TEXT = 600;
// How many words a tactic's name has at most (`Inhibit Response Function`, `Command and Control`).
export const MAX_TACTIC_WORDS = 3;

// Accents over Latin letters (NFD's combining marks U+0300-U+036F). Kana voicing marks (U+3099) and Hangul jamo are
// outside the range, so Japanese and Korean names keep every letter.
const LATIN_ACCENTS = /[\u0300-\u036f]/g;

/** A tactic name without its accents (`Ejecucion`, `Evasao de defesa`): how reports typed on other keyboards write them. */
function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(LATIN_ACCENTS, '').normalize('NFC');
}

/**
 * Fold a tactic as written for lookups: `Command & Control`, `command-and-control`, `コマンド＆コントロール`,
 * `Ejecucion` for `Ejecución`. No two tactics' names fold alike (a test checks).
 */
export function tacticKey(text: string): string {
  return withoutAccents(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[’‘]/g, "'")
    .replace(/[\s・_\-‐–—]+/g, '');
}

/**
 * A table built on first use, not when the module loads: every CLI run loads this module (reading a STIX bundle reads
 * tactic text), and `technique T1193` or `--version` never reads a tactic name.
 */
function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

// The tactics a later release split off (ATT&CK 19's Stealth, Defense Impairment) are read by their names too, so that a
// release without them says so (`resolveReference`) rather than the text passing for no tactic.
const tacticByKey = once(() => new Map<string, string>([
  ...READ_TACTIC_NAMES.flatMap(([display, ...written]) => [display, ...written].map((text) => [tacticKey(text), display] as const)),
  ...Object.keys(TACTIC_SPLITS).map((shortname) => [tacticKey(shortname), laterTacticName(shortname)] as const),
  ...Object.entries(LATER_TACTIC_NAMES).flatMap(([display, written]) => written.map((text) => [tacticKey(text), display] as const)),
]));

// The words that join or link a tactic name's words in the languages read here (conjunctions, articles, prepositions of
// English, Spanish, Portuguese, French, German and Italian, without accents). A name is also known by its other words
// (`Evasion de la defensa`), and, joined by a conjunction, by them in any order: `Defensa y Evasión` (a Spanish plan's
// label) is `Evasión de defensa`, `Verteidigung und Umgehung` is `Umgehung der Verteidigung`. Not without one:
// `Credenciales de acceso` is what a report found, not Credential Access.
const CONJUNCTIONS = new Set(['and', 'y', 'e', 'et', 'und', 'ed']);
const LINKING_WORDS = new Set([
  ...CONJUNCTIONS,
  ...'of the de del la las el los a al da do das dos ao aos as des du le les aux der die den von auf uber di della delle dei degli'.split(' '),
]);

/**
 * The keys a tactic name is known by through its words other than linking ones: those words in order, and, where a
 * conjunction joins them, in alphabetical order (marked `&`); none for fewer than two such words, or other than letters.
 */
export function tacticWordsKeys(text: string): string[] {
  const all = withoutAccents(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\b[dl]['’]/g, '')
    .split(/[\s_\-‐–—]+/)
    .filter(Boolean);
  const words = all.filter((word) => !LINKING_WORDS.has(word));
  if (words.length < 2 || !words.every((word) => /^[a-z]+$/.test(word))) return [];
  return [words.join(' '), ...(all.some((word) => CONJUNCTIONS.has(word)) ? [`& ${[...words].sort().join(' ')}`] : [])];
}

const tacticByWords = once(
  () =>
    new Map<string, string>(
      READ_TACTIC_NAMES.flatMap(([display, ...written]) =>
        [display, ...written].flatMap((text) => {
          const words = tacticWordsKeys(text)[0];
          return words ? [[words, display] as const, [`& ${words.split(' ').sort().join(' ')}`, display] as const] : [];
        }),
      ),
    ),
);

const TACTIC_ID = /(?<![A-Za-z0-9])TA\d{4}(?![0-9])/;
// Chinese writes a tactic as a stage of the attack, the word for stage after its name (`执行阶段`, `初始存取階段`): that tactic.
const STAGE_WORDS = '阶段|階段';
const STAGE_AFTER_NAME = new RegExp(`(?<=.)(?:${STAGE_WORDS})$`);
const TACTIC_ID_IN_BRACKETS = /[([【]?\s{0,3}TA\d{4}\s{0,3}[)\]】]?/gi;

/**
 * The English display name of a tactic as written (`初期アクセス`, `initial-access`, `Initial Access [TA0001]`), the
 * TA ID when only an unknown name stands beside one (`TA0001`), or undefined when the text names no tactic.
 */
export function tacticDisplayName(text: string): string | undefined {
  if (text.length > MAX_TACTIC_TEXT) return undefined;
  const folded = text.normalize('NFKC').trim();
  const taId = TACTIC_ID.exec(folded.toUpperCase())?.[0];
  const name = trimChars(folded.replace(TACTIC_ID_IN_BRACKETS, ' '), ' \t\n-:|*#', ' \t\n-:|*');
  if (!name) return taId;
  const key = tacticKey(name);
  const known = tacticByKey().get(key) ?? byWords(name) ?? misspeltTactic(key) ?? tacticByKey().get(key.replace(STAGE_AFTER_NAME, '')) ?? inTwoScripts(name);
  // A short name in a script not read here beside a TA ID (`TA0001：初始访问`, Chinese) leaves the ID to say the tactic;
  // English words beside one (`TA0005 is where...`) are a sentence, not a tactic.
  return known ?? (taId && name.length <= 20 && !/[A-Za-z]/.test(name) ? taId : undefined);
}

// A tactic's name in Latin letters and in another script side by side, with no bracket between, either first: an
// incident timeline's tactic cells (`| 持久化 persistence |`, `| 执行 execution |`, the code index's file 67351993638), a
// tactic coverage list's (`| 3 | Persistence 持久化 | TA0110 |`, file 70549022910).
const TWO_SCRIPTS =
  /^(?:(?<other>[^\p{Script=Latin}]*?[^\p{Script=Latin}\s])\s*(?<latin>\p{Script=Latin}[\p{Script=Latin}\p{N}\s&'.-]*)|(?<latinFirst>\p{Script=Latin}[\p{Script=Latin}\p{N}\s&'.-]*?)\s*(?<otherAfter>[^\p{Script=Latin}\s][^\p{Script=Latin}]*))$/u;

/**
 * The tactic a name written in two scripts side by side names (`持久化 Persistence`, a bilingual table's tactic cell), when
 * both halves name it: one tactic, said once; undefined for halves that name two tactics, or none.
 */
function inTwoScripts(name: string): string | undefined {
  if (name.length > 80 || !/\p{Script=Latin}/u.test(name)) return undefined;
  const halves = TWO_SCRIPTS.exec(name)?.groups;
  if (!halves) return undefined;
  const [one, two] = [halves['other'] ?? halves['otherAfter'], halves['latin'] ?? halves['latinFirst']].map((half) => {
    const text = half!.trim();
    return tacticByKey().get(tacticKey(text)) ?? byWords(text);
  });
  return one && one === two ? one : undefined;
}

/** The tactic a name's words are a known name's (`tacticWordsKeys`), or undefined. */
function byWords(name: string): string | undefined {
  for (const key of tacticWordsKeys(name)) {
    const display = tacticByWords().get(key);
    if (display) return display;
  }
  return undefined;
}

// English tactic names as keys, for reading misspellings (`Reconaissance`, `Persistance`, `Privilage Escalation`). Only
// the English ones: a word one letter from another language's name is often an English word (`Persistent`, `Collected`).
const englishKeys = once(() => READ_TACTIC_NAMES.map(([display]) => [tacticKey(display), display] as const));

/**
 * The tactic a misspelt English name is one typo from (two in names of 16 letters or more), after its first two letters
 * (`Reconaissance`, `Persistance`: what a writer gets wrong is inside a word); none for short words. Every short line of
 * a report is asked, so the first two letters choose the names compared before any distance is counted.
 */
function misspeltTactic(key: string): string | undefined {
  if (key.length < 8 || key.length > 40 || !/^[a-z]+$/.test(key)) return undefined;
  const limit = key.length >= 16 ? 2 : 1;
  const start = key.slice(0, 2);
  const hits = new Set(englishKeys().filter(([known]) => known.startsWith(start) && editDistance(key, known, limit) <= limit).map(([, display]) => display));
  return hits.size === 1 ? [...hits][0] : undefined;
}

/**
 * The English tactic a misspelt name written alone means (`Intial Access`, `Exfilitration`, `Lateral Movment`), as a
 * report's headings are read (`tacticDisplayName`); undefined for a name as written, or none clearly meant.
 */
export function misspeltTacticName(text: string): string | undefined {
  const key = tacticKey(text.trim());
  return tacticByKey().has(key) ? undefined : misspeltTactic(key);
}

/**
 * The English tactics a word or two a few typos from one's name may mean (`Impakt`, too short to be read as Impact):
 * those within three edits, for a note to name; none for text of other than letters.
 */
export function tacticsNear(text: string): string[] {
  const key = tacticKey(text.trim());
  if (key.length < 5 || key.length > 40 || !/^[a-z]+$/.test(key)) return [];
  return [...new Set(englishKeys().filter(([known]) => editDistance(key, known, 3) <= 3).map(([, display]) => display))];
}

/**
 * A short form's lookup key: its dots are abbreviation marks, not letters (`Persist.`, `Priv.Esc.`, `Cred. Access`, a
 * French DFIR report's box-drawn matrix header and a README's `│ Privilege Esc. │ T1078 │`).
 */
function shortFormKey(text: string): string {
  return tacticKey(text.replace(/\./g, ' '));
}

const shortFormByKey = once(() => new Map<string, string>(Object.entries(TACTIC_SHORT_FORMS).map(([text, display]) => [shortFormKey(text), display] as const)));

/**
 * Tactic names written in a list (`Execution, Defense Evasion`), or undefined unless every item is a tactic. With
 * `shortForms`, for text known to hold tactics (a table's tactic column), an item may be a short form too (`Exfil`).
 */
export function parseTacticList(text: string, shortForms = false): string[] | undefined {
  const read = readTacticText(text, { shortForms });
  return read && !read.unread.length ? read.tactics : undefined;
}

// Words that qualify a tactic without naming another (`### Relevant Reconnaissance`, `Other Discovery`), and a remark in
// brackets after one (`Command & Control (adjacent)`, an author's table): a heading or cell so written names the tactic.
const QUALIFIERS = new Set('relevant related other additional further possible potential likely suspected observed notable adjacent partial limited secondary attempted'.split(' '));
const REMARK = /\s{0,3}\([^()\d]{1,30}\)$/;

/** A tactic's text without the words that qualify it; undefined when it has none. */
function withoutQualifiers(text: string): string | undefined {
  const words = text.replace(REMARK, '').trim().split(/\s+/);
  if (words.length > 1 && QUALIFIERS.has(words[0]!.toLowerCase())) words.shift();
  if (words.length > 1 && QUALIFIERS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  const rest = words.join(' ');
  return rest && rest !== text ? rest : undefined;
}

/** How `readTacticText` reads a text known to hold tactics. */
export interface TacticTextOptions {
  /** An item may be a short form (`Exfil`, `Priv Esc`): the text is a tactic field's or column's. */
  shortForms?: boolean;
  /** An item may be qualified (`Relevant Reconnaissance`, `Command & Control (adjacent)`): the text is a heading's or a cell's. */
  qualified?: boolean;
  /** Items that name no tactic are passed over when one does (`Lateral / Propagation`): the text is a tactic column's cell. */
  partial?: boolean;
  /**
   * A tactic's name with its TA ID (`Initial Access (TA0001)`, `TA0001 Initial Access`) is given as the pair
   * (`TA0001: Initial Access`), for a caller with ATT&CK data to check that both name one tactic.
   */
  withIds?: boolean;
}

/**
 * The tactics of a list (`Execution, Defense Evasion`) and the items of it that name none, or undefined when it names
 * none (or, unless `partial`, when one item names none).
 */
export function readTacticText(text: string, options: TacticTextOptions = {}): { tactics: string[]; unread: string[] } | undefined {
  if (text.length > MAX_TACTIC_TEXT) return undefined;
  const nameOf = (part: string): string | undefined => {
    const name = tacticDisplayName(part) ?? (options.shortForms ? shortFormByKey().get(shortFormKey(part)) : undefined);
    const taId = options.withIds && name && !TACTIC_ID.test(name) ? TACTIC_ID.exec(part.toUpperCase())?.[0] : undefined;
    return taId ? `${taId}: ${name}` : name;
  };
  const read = (part: string): string | undefined => {
    const bare = options.qualified ? withoutQualifiers(part) : undefined;
    return nameOf(part) ?? (bare ? nameOf(bare) : undefined);
  };
  const tactics: string[] = [];
  const unread: string[] = [];
  // A plus joins a row's tactics too (`Ejecución+Evasión de defensa`, a Spanish timeline's tactic column); no name has one.
  // A Japanese middle dot joins the words of a name (`コマンド・アンド・コントロール`) or the items of a list (`実行・ツール`,
  // execution and tools): it separates items only where the text around it names no tactic whole.
  const items = text
    .normalize('NFKC')
    .split(/\s*[,;/、+]\s*/)
    .flatMap((item) => (item.includes('・') && !read(item.trim()) ? item.split(/\s*・\s*/) : [item]));
  for (const item of items) {
    for (const part of conjoinedParts(item.trim(), read)) {
      const name = read(part);
      if (name) tactics.push(name);
      else unread.push(part);
    }
  }
  if (!tactics.length || (unread.length && !options.partial)) return undefined;
  return { tactics: [...new Set(tactics)], unread };
}

// A conjunction of the languages read here between two words (`Execution and Persistence`, `Ejecución y Persistencia`).
const CONJUNCTION = /\s+(and|&|y|e|et|und|ed)\s+(?=\S)/;

/**
 * The parts of a list joined by conjunctions, from the left: two pieces with the conjunction between them where they
 * name one tactic (`Command and Control`, `Comando y control`, `Defensa y Evasión`; no tactic's name has two), else one.
 */
function conjoinedParts(item: string, read: (part: string) => string | undefined): string[] {
  if (!item) return [];
  const pieces = item.split(CONJUNCTION);
  const parts: string[] = [];
  for (let i = 0; i < pieces.length; ) {
    const j = i + 2 < pieces.length && read(pieces.slice(i, i + 3).join(' ')) ? i + 2 : i;
    parts.push(pieces.slice(i, j + 1).join(' '));
    i = j + 2;
  }
  return parts;
}

/** Remove characters of `leading` from the start and of `trailing` from the end (a loop: linear on any input). */
export function trimChars(text: string, leading: string, trailing = leading): string {
  let a = 0;
  let b = text.length;
  while (a < b && leading.includes(text.charAt(a))) a++;
  while (b > a && trailing.includes(text.charAt(b - 1))) b--;
  return text.slice(a, b);
}

export { escapeRegExp } from '../escape-reg-exp.js';
// Spaces are bounded ({0,3}) so that no pattern here can scan a long run of blanks more than once.
const LIST_SEPARATOR = '\\s{0,3}[,;/、]\\s{0,3}';
const OPEN = '[(\\[【]';
const CLOSE = '[)\\]】]';
// A label may follow a list marker (`- `, `1. `, `(4) `, `①`, which NFKC makes `1`) and be set in Markdown bold or
// italics (`**Execution:** PowerShell`, `__Execution__:`).
const LABEL_MARKER = '(?:(?:[-+•*]|\\d{1,2}[.)]?|\\(\\d{1,2}\\))\\s{0,2})?';
const EMPHASIS = '[*_]{0,3}';
// A label may carry its tactic's TA ID first (`TA0002 - Initial Access: Phishing T1566.002`).
const LEADING_ID = '(?:(?<leadingId>TA\\d{4})\\s{0,3}(?:[:\\-–—]\\s{0,3})?)?';
// A label may also stand before a bracket that holds the rest of the line, a technique's ID among it: a write-up's heading
// (`### Execution (User Execution: Malicious File - T1204.002)`, `### Command & Control (**Web Protocols - T1071.001)**`,
// an anchor after it: `{#3667b0eb…}`), a list's item (`- Execution (PowerShell, T1059.001)`).
const BRACKET_AFTER_LABEL = '[(（](?=[^()（）\\n]{0,200}?[Tt]\\d{4}[^()（）\\n]{0,200}[)）][*_\\s]{0,6}(?:\\{#[^{}\\n]{0,80}\\}\\s{0,3})?$)';
const LABEL_END = `${EMPHASIS}\\s{0,3}(?:(?:[:>|]|\\s-\\s)${EMPHASIS}\\s{0,3}|${BRACKET_AFTER_LABEL})`;
const LEADING_START = `^\\s{0,8}${LABEL_MARKER}${EMPHASIS}${LEADING_ID}`;
// Any short label, for its text to be read as a tactic line's is (`Defensa y Evasión: Ofuscación T1027`).
const LEADING_LABEL = new RegExp(`^\\s{0,8}${LABEL_MARKER}${EMPHASIS}${LEADING_ID}(?<label>[^:：>|*_\\n]{3,60}?)${LABEL_END}`, 'i');
// A TA ID as a Markdown link's text (`Initial Access ([TA0027](https://attack.mitre.org/tactics/TA0027) )`, a blog's
// table flattened to rows): the link is the ID; its address names it again.
const LINKED_TA = '\\[TA\\d{4}\\]\\([^()\\s]{1,300}\\)';
const LINKED_TA_TEXT = /\[(TA\d{4})\]\([^()\s]{1,300}\)/gi;

/**
 * The patterns of every tactic's written forms, built on first use (`once`): building the forms and checking the
 * patterns' syntax was most of what loading this module cost.
 */
const patterns = once(() => {
  // Every written tactic form, longest first, with flexible spaces (`command-and-control`, `Command & Control`).
  // Ties break by code unit, not localeCompare: a first localeCompare costs ~15 ms of ICU collator set-up, which a CLI
  // run would pay in its first call that reads tactic text.
  const TACTIC_FORMS = [...new Set(READ_TACTIC_NAMES.flatMap(([display, ...written]) => [display, ...written].flatMap((text) => [text, withoutAccents(text)])))]
    .sort((a, b) => b.length - a.length || compareText(a, b))
    .map((text) => text.split(' ').map((word) => (word === 'and' ? '(?:and|&)' : escapeRegExp(word))));
  const TACTIC_WORDS = TACTIC_FORMS.map((words) => words.join('[\\s_-]{1,3}')).join('|');
  // The words tactics' written forms start with: text that starts with none names no tactic there, and is not handed to
  // the patterns of all the names (their compiling is most of a library's first call).
  const FIRST_WORDS = [...new Set(TACTIC_FORMS.map(([first]) => first))].join('|');
  const TACTIC_LIST = `(?:${TACTIC_WORDS})(?:${LIST_SEPARATOR}(?:${TACTIC_WORDS}))*`;
  const LEADING_TACTICS = `${LEADING_START}(?<leading>${TACTIC_LIST})${LABEL_END}`;
  // A tactic's name may be written before its TA ID in the bracket too, again in English after a name in another script
  // (`执行阶段（Execution, TA0002）`, a Chinese article's labels): the name in the bracket and the ID are kept as a pair.
  const TACTIC_WITH_ID =
    `(?:(?:${TACTIC_WORDS})(?:\\s{0,2}(?:${STAGE_WORDS}))?\\s{0,3})?` +
    `(?:${LINKED_TA}|${OPEN}\\s{0,3}(?:(?<nameFirst>${TACTIC_WORDS})\\s{0,3}[,，、]\\s{0,3})?(?<idAfterName>TA\\d{4}|${LINKED_TA})\\s{0,3}${CLOSE}|(?<![A-Za-z0-9])TA\\d{4}(?![A-Za-z0-9]))`;
  const TACTIC_IN_BRACKETS = `${OPEN}\\s{0,3}(?<bracketed>${TACTIC_LIST})\\s{0,3}${CLOSE}`;
  // A TA ID and a tactic name in one bracket (`(TA0002: Execution)`, a paper's table after each technique): kept as
  // written, `TA0002: Execution`, for a caller with ATT&CK data to check that the two name one tactic.
  const ID_AND_NAME = `${OPEN}\\s{0,3}(?<taId>TA\\d{4})\\s{0,3}[:：\\-–—]\\s{0,3}(?<taName>${TACTIC_WORDS})\\s{0,3}${CLOSE}`;
  // One pass, so that tactics come out in the order they are written (after the leading label: `leadingLabel`). Sticky: it
  // is tried only where tactic text can start (`tacticTextMatches`).
  const TACTIC_TEXT = new RegExp(`${ID_AND_NAME}|${TACTIC_WITH_ID}|${TACTIC_IN_BRACKETS}`, 'iy');
  const LEADING = new RegExp(LEADING_TACTICS, 'i');
  // `LEADING` with one tactic, tried first: V8 takes ~5 times as long to compile `LEADING` (the names twice, ~12 kB)
  // as this, a library's first call's cost. It finds what `LEADING` finds unless a separator follows the name (`listGoesOn`):
  // both try each start and name in one order, `LEADING` then its list's next item before the label's end, which
  // without a separator fails.
  const LEADING_FIRST_WORD = new RegExp(`${LEADING_START}(?:${FIRST_WORDS})`, 'i');
  const LEADING_ONE = new RegExp(`${LEADING_START}(?<leading>${TACTIC_WORDS})(?:(?=(?<listGoesOn>${LIST_SEPARATOR}))|${LABEL_END})`, 'i');
  // `TACTIC_TEXT` with one tactic in a bracket, tried first as `LEADING_ONE` is: V8 compiles it in ~3/4 of `TACTIC_TEXT`'s time.
  const TACTIC_TEXT_ONE = new RegExp(
    `${ID_AND_NAME}|${TACTIC_WITH_ID}|${OPEN}\\s{0,3}(?<bracketed>${TACTIC_WORDS})(?:(?=(?<listGoesOn>${LIST_SEPARATOR}))|\\s{0,3}${CLOSE})`,
    'iy',
  );
  // A tactic's name right before the double colon of capa's notation of an ATT&CK mapping, `Tactic::Technique[::Sub-technique]
  // [ID]` (Mandiant capa's rules, its `-v`/`-vv` output, its older JSON and capa2yara: `Defense Evasion::Obfuscated Files
  // or Information [T1027]`), a technique's name after it: the tactic's ends the text searched.
  // Not a technique's last word (`Account Discovery::Domain Account`): no word of the same name, a space apart, before it.
  const BEFORE_DOUBLE_COLON = new RegExp(`(?<![A-Za-z0-9] ?)(?:${TACTIC_WORDS})$`, 'i');
  // A table's caption (`Table 5: Execution`, `Table 8. Initial Access`): CISA and NSA joint advisories state each table's
  // tactic only there. A caption naming no tactic (`Table 9. BRICKSTORM Initiation Checks`) starts another table all the same.
  const CAPTION = new RegExp(
    `(?<![A-Za-z0-9])(?:Table|Tabelle|Tabla|Tableau|Tabella|Tabela)\\s{1,3}\\d{1,3}\\s{0,2}[:.]\\s{0,4}(?:(?<tactics>${TACTIC_LIST})(?![A-Za-z0-9]))?`,
    'gi',
  );
  // Without a TA ID, tactic text is a bracketed list, its first name at the bracket's start.
  const BRACKET_FIRST_WORD = new RegExp(`${OPEN}\\s{0,3}(?:${FIRST_WORDS})`, 'iy');
  return { TACTIC_TEXT, LEADING, LEADING_FIRST_WORD, LEADING_ONE, TACTIC_TEXT_ONE, BEFORE_DOUBLE_COLON, CAPTION, BRACKET_FIRST_WORD };
});

function splitTacticList(text: string): string[] {
  return text
    .split(/\s{0,3}[,;/、]\s{0,3}/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Tactics written at the start of a reference (`Initial Access: Phishing (T1566)`) and the length they take up. */
export function leadingTactics(text: string): { tactics: string[]; length: number } {
  const label = leadingLabel(text);
  return label ? { tactics: label.tactics, length: label.end } : { tactics: [], length: 0 };
}


/**
 * The tactics written as capa writes a rule's ATT&CK mapping, a tactic's name and `::` before a technique's name
 * (`Execution::Scheduled Task/Job::Scheduled Task [T1053.005]`): each a piece from the name through the `::`.
 */
export function doubleColonTactics(text: string): TacticPiece[] {
  const { BEFORE_DOUBLE_COLON } = patterns();
  const pieces: TacticPiece[] = [];
  for (let at = text.indexOf('::'); at >= 0; at = text.indexOf('::', at + 2)) {
    if (!/^::\s?(?![Tt]\d)[A-Za-z]/.test(text.slice(at, at + 5))) continue;
    const from = Math.max(0, at - 40);
    const match = BEFORE_DOUBLE_COLON.exec(text.slice(from, at));
    if (match) pieces.push({ tactics: [match[0]], start: from + match.index, end: at + 2 });
  }
  return pieces;
}

/**
 * The label of tactics at the start of a reference: a written form (`Initial Access: Phishing`), else any short label
 * whose text names tactics only (`Defensa y Evasión:`, read as a tactic line is). A TA ID before the tactics
 * (`TA0002 - Initial Access:`) is given with the first as the pair (`TA0002: Initial Access`), to be checked that both name one.
 */
function leadingLabel(text: string): TacticPiece | undefined {
  const { LEADING_FIRST_WORD, LEADING_ONE, LEADING } = patterns();
  const one = LEADING_FIRST_WORD.test(text) ? LEADING_ONE.exec(text) : null;
  const match = one?.groups?.['listGoesOn'] === undefined ? one : LEADING.exec(text);
  const list = match?.groups?.['leading'];
  if (match && list) return { tactics: withLeadingId(match.groups?.['leadingId'], splitTacticList(list)), start: 0, end: match[0].length };
  // A label holding a TA ID (`Initial Access [TA0001]:`) is read as tactic text with an ID is (`tacticPieces`).
  const label = LEADING_LABEL.exec(text);
  const written = label?.groups?.['label'];
  const read = written && !TACTIC_ID.test(written.toUpperCase()) ? readTacticText(written) : undefined;
  if (!label || !read || read.unread.length) return undefined;
  return { tactics: withLeadingId(label.groups?.['leadingId'], read.tactics), start: 0, end: label[0].length };
}

/**
 * A label's tactics with the TA ID written before them: the ID paired with the first, the name written right after it
 * (`TA0002 - Execution, Persistence:`, as `TA0002 - Execution:`), to be checked as a pair; the ID apart when that one
 * has an ID of its own.
 */
function withLeadingId(taId: string | undefined, tactics: string[]): string[] {
  if (!taId) return tactics;
  const id = taId.toUpperCase();
  const [first, ...rest] = tactics;
  if (first && !TACTIC_ID.test(first)) return [`${id}: ${tacticDisplayName(first) ?? first}`, ...rest];
  return [id, ...tactics];
}


/** A table caption in a line, with the tactics it names (none for a caption that names no tactic). */
export interface TableCaption {
  tactics: string[];
  start: number;
  end: number;
}

/** The table captions written in a line, in order (`Table 2: Reconnaissance ... Table 5: Execution`). */
export function tableCaptions(text: string): TableCaption[] {
  if (!/tab/i.test(text)) return [];
  // `CAPTION` itself, not `matchAll`'s copy of it: V8 compiles a copy of this pattern of every tactic's name anew once a
  // few garbage collections have gone by (some 0.8 s each time), which a long report's lines met again and again.
  const { CAPTION } = patterns();
  const captions: TableCaption[] = [];
  CAPTION.lastIndex = 0;
  for (let match = CAPTION.exec(text); match; match = CAPTION.exec(text)) {
    const list = match.groups?.['tactics'];
    captions.push({ tactics: list ? splitTacticList(list) : [], start: match.index, end: match.index + match[0].length });
  }
  return captions;
}

/** Tactic text inside a reference: a leading label, a bracketed list, a TA ID with or without its name. */
export interface TacticPiece {
  /** The tactics as written, in order. */
  tactics: string[];
  start: number;
  end: number;
}

/**
 * The matches of `TACTIC_TEXT` in a text, in order, as a global search finds them. Without a TA ID only a bracketed list
 * can match, so only brackets are tried: a global search with a pattern this large tries it at every character, some
 * 13 times slower over the references of the bench's corpus.
 */
function tacticTextMatches(text: string): RegExpExecArray[] {
  const { BRACKET_FIRST_WORD } = patterns();
  const matches: RegExpExecArray[] = [];
  const withId = /TA\d{4}/i.test(text);
  const starts = new RegExp(withId ? '[^]' : OPEN, 'g');
  for (let start = starts.exec(text); start; start = starts.exec(text)) {
    BRACKET_FIRST_WORD.lastIndex = start.index;
    const match = withId || BRACKET_FIRST_WORD.test(text) ? tacticTextAt(text, start.index) : null;
    if (!match) continue;
    matches.push(match);
    starts.lastIndex = match.index + match[0].length;
  }
  return matches;
}


/** The match of `TACTIC_TEXT` at `index`, or null; found with `TACTIC_TEXT_ONE` where that finds the same. */
function tacticTextAt(text: string, index: number): RegExpExecArray | null {
  const { TACTIC_TEXT_ONE, TACTIC_TEXT } = patterns();
  TACTIC_TEXT_ONE.lastIndex = index;
  const one = TACTIC_TEXT_ONE.exec(text);
  if (one?.groups?.['listGoesOn'] === undefined) return one;
  TACTIC_TEXT.lastIndex = index;
  return TACTIC_TEXT.exec(text);
}

/** Every piece of tactic text in a (folded) reference, in order. */
export function tacticPieces(text: string): TacticPiece[] {
  const pieces: TacticPiece[] = [];
  // Past a leading label, tactic text needs a TA ID or a bracket: text without either is searched at its start only.
  const search = /TA\d|[(\[【]/i.test(text) ? text : text.slice(0, 200);
  const label = leadingLabel(search);
  if (label) pieces.push(label);
  for (const match of tacticTextMatches(search)) {
    if (label && match.index < label.end) continue;
    const { bracketed, nameFirst, idAfterName } = match.groups ?? {};
    const taId = match.groups?.['taId'] ?? (nameFirst ? idAfterName?.replace(LINKED_TA_TEXT, '$1') : undefined);
    const taName = match.groups?.['taName'] ?? nameFirst;
    const tactics = taId && taName ? [`${taId.toUpperCase()}: ${taName.replace(/\s+/g, ' ')}`] : bracketed ? splitTacticList(bracketed) : [match[0].replace(LINKED_TA_TEXT, '$1').trim()];
    pieces.push({ tactics, start: match.index, end: match.index + match[0].length });
  }
  return pieces;
}
