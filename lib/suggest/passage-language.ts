import { isCommonEnglishWord } from '../common-words.js';
import { escapeRegExp } from '../normalize/tactic-text.js';
import { GLOSSARY_JA } from './glossary-ja.js';
import { withoutIndicators } from './text-terms.js';

/** A passage's text as the model reads it, and what was done to get there. */
export interface PassageText {
  /** English text to rank: the passage itself, or for Japanese the glossary's English and the passage's Latin words. */
  text: string;
  /** `en`, `ja`, or the name of a script the tool cannot read (`Korean`, `Chinese`, `Cyrillic`...). */
  language: string;
  /** For a passage not in English: what the tool read of it, or that it cannot, in plain words. */
  note?: string;
}

const SCRIPTS: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  ['Japanese', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['Korean', /\p{Script=Hangul}/gu],
  ['Chinese', /\p{Script=Han}/gu],
  ['Cyrillic', /\p{Script=Cyrillic}/gu],
  ['Arabic', /\p{Script=Arabic}/gu],
  ['Hebrew', /\p{Script=Hebrew}/gu],
  ['Greek', /\p{Script=Greek}/gu],
  ['Thai', /\p{Script=Thai}/gu],
];

// Function words of English and of the languages in Latin script reports are most often written in besides it, none
// of them an English word (no `a`, `in`, `no`, `as`): a passage holds most of its own language's. A word several
// languages share counts for each (`de`: a Portuguese report's table of `... de phishing` is not Dutch).
const FUNCTION_WORDS: ReadonlyArray<readonly [language: string, words: ReadonlySet<string>]> = (
  [
    ['English', 'the and of to is are was were that with for by on this from which has have had been it be an its their into'],
    ['German', 'der die das den dem des ein eine einen einer und ist sind wurde wurden mit für auf von zu im nicht auch sich bei nach über oder wird werden durch'],
    ['French', 'le la les un une de des du au aux et est sont pour avec dans sur par que qui ne pas ce cette il elle été ont'],
    ['Spanish', 'el los las un una de del al y es son fue para con que por en se lo la su sus como más también'],
    ['Portuguese', 'o os um uma de do da dos das na em e para com que por não pelo pela ao é são foi está sua seu também'],
    ['Italian', 'il lo gli una di del della dei e è sono per con che non nel nella anche come la'],
    ['Dutch', 'de het een en van zijn met voor op niet ook dat wordt worden bij naar aan'],
  ] as const
).map(([language, words]) => [language, new Set(words.split(' '))] as const);
// Each function word and the languages it belongs to, as a bit mask over FUNCTION_WORDS (one lookup per word).
const WORD_LANGUAGES = new Map<string, number>();
FUNCTION_WORDS.forEach(([, words], i) => {
  for (const word of words) WORD_LANGUAGES.set(word, (WORD_LANGUAGES.get(word) ?? 0) | (1 << i));
});
// The same by a number computed from a word's characters (`wordKey`), with the word itself to confirm it: a passage's
// words are looked up where they stand, without slicing each out as a string.
const WORD_KEYS = new Map<number, { word: string; mask: number }[]>();
for (const [word, mask] of WORD_LANGUAGES) {
  const key = wordKey(word, 0, word.length);
  WORD_KEYS.set(key, [...(WORD_KEYS.get(key) ?? []), { word, mask }]);
}

/** A number for the characters of text from start to end (a polynomial hash). */
function wordKey(text: string, start: number, end: number): number {
  let key = end - start;
  for (let i = start; i < end; i++) key = (Math.imul(key, 31) + text.charCodeAt(i)) | 0;
  return key;
}
// The length of the longest function word.
const LONGEST_FUNCTION_WORD = Math.max(...[...WORD_LANGUAGES.keys()].map((word) => word.length));
// Punctuation around a word (`(para`, `empresa.`); a word joined to others (`e-mail`, `example.com`) is none. Looked
// up by character code, in a table for ASCII: looking up each character as a one-letter string was most of the
// language check's time.
const EDGE_PUNCTUATION = [...'()[]{}"\'“”‘’«»¿¡,;:.!?*|'].map((mark) => mark.charCodeAt(0));
const ASCII_EDGE = new Uint8Array(128);
for (const code of EDGE_PUNCTUATION) if (code < 128) ASCII_EDGE[code] = 1;
const OTHER_EDGE = new Set(EDGE_PUNCTUATION.filter((code) => code >= 128));

/** Whether a character (by its code) is punctuation around a word. */
function isEdgePunctuation(code: number): boolean {
  return code < 128 ? ASCII_EDGE[code] === 1 : OTHER_EDGE.has(code);
}

// A passage in a script not supported is ranked by its words in Latin script, with a note, where it has at least this
// many letters of that script (a word's) and at least one for every OTHER_SCRIPT_SHARE Latin letters.
const MIN_OTHER_SCRIPT_LETTERS = 2;
const OTHER_SCRIPT_SHARE = 4;

// A passage is read as another language only on this many of its function words (and more than English ones): a
// name such as "Dirección de Impuestos y Aduanas" in an English sentence holds two.
const MIN_FUNCTION_WORDS = 3;

/** What a whole document says about the language of its passages: kana anywhere (Japanese), or its Latin-script language. */
export interface DocumentLanguage {
  japanese: boolean;
  /** A language in Latin script other than English that most of the document is written in. */
  latin?: string;
}

/** The language of a whole text, for passages too short to tell by themselves (a table cell, a heading). */
export function documentLanguage(text: string): DocumentLanguage {
  // Half-width kana are kana too: no folding needed (and none of a whole PDF's text).
  const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text);
  const { language, count, english } = functionWords(text);
  return { japanese, ...(language && count >= 10 && count > 2 * english ? { latin: language } : {}) };
}

/**
 * The languages other than English whose function words a short text (a name) holds most of, only words no English word
 * spells (`de`, `para`; not `do`, `die`): `Remoção do Indicador: Exclusão de Arquivos` holds `de`, a word of French,
 * Spanish, Portuguese and Dutch, so all four; none where it holds no such word. With `englishToo`, a function word that
 * English spells too counts as well (`con`, Spanish and Italian), for a name whose other words say it is no English.
 */
export function nameLanguages(name: string, englishToo = false): string[] {
  const counts = FUNCTION_WORDS.map(() => 0);
  for (const word of name.toLowerCase().split(/[\s/:,;()]+/)) {
    const mask = WORD_LANGUAGES.get(word);
    if (mask === undefined || (!englishToo && isCommonEnglishWord(word))) continue;
    for (let i = 1; i < counts.length; i++) if (mask & (1 << i)) counts[i]!++;
  }
  const most = Math.max(...counts.slice(1));
  return most > 0 ? FUNCTION_WORDS.filter((_, i) => i > 0 && counts[i] === most).map(([language]) => language) : [];
}

/** The language whose function words a text holds most of (other than English; '' on a tie), with its count and English's. */
function functionWords(text: string): { language: string; count: number; english: number } {
  return leadingLanguage(functionWordCounts(text));
}

/**
 * How many function words of each language of FUNCTION_WORDS a text holds. Its loop is all it does: V8 optimises the
 * loop while it runs (on a long text), compiling what follows it before that ever ran, and threw that code away on
 * reaching it, on every call (4,349 times on the bench's sentences, when the leader was chosen after the loop here).
 */
function functionWordCounts(text: string): number[] {
  const counts = FUNCTION_WORDS.map(() => 0);
  // Each run of non-space characters, without the punctuation around it, is looked up (lower-cased); one longer than
  // 16 characters (a path, a hash) or, bare, than the longest function word is none. Read in one pass: most passages
  // are English with no other language's word, and the lower-casing, splitting and slicing of every word was most of
  // the work (lower-casing the whole text first leaves its spaces where they were).
  const lower = text.toLowerCase();
  for (let at = 0; at < lower.length; ) {
    while (at < lower.length && isSpace(lower.charCodeAt(at))) at++;
    let end = at;
    while (end < lower.length && !isSpace(lower.charCodeAt(end))) end++;
    let start = at;
    const length = end - at;
    at = end;
    if (length === 0 || length > 16) continue;
    while (start < end && isEdgePunctuation(lower.charCodeAt(start))) start++;
    while (end > start && isEdgePunctuation(lower.charCodeAt(end - 1))) end--;
    if (end - start > LONGEST_FUNCTION_WORD || end === start) continue;
    // (A loop, not `find`: a function made for every word of every passage was most of what ranking allocated here.)
    const entries = WORD_KEYS.get(wordKey(lower, start, end));
    if (entries === undefined) continue;
    for (const { word, mask } of entries) {
      if (word.length !== end - start || !lower.startsWith(word, start)) continue;
      for (let i = 0; i < counts.length; i++) if (mask & (1 << i)) counts[i]!++;
      break;
    }
  }
  return counts;
}

/** English's count of function words, and the other language with the most (none on a tie). */
function leadingLanguage(counts: readonly number[]): { language: string; count: number; english: number } {
  let count = 0;
  let leader: string | undefined = '';
  for (let i = 1; i < counts.length; i++) {
    if (counts[i]! > count) {
      count = counts[i]!;
      leader = FUNCTION_WORDS[i]![0];
    } else if (counts[i] === count) leader = undefined;
  }
  return { language: leader ?? '', count, english: counts[0]! };
}

const SPACE = /\s/;

/** Whether a character is white space as `\s` reads it (ASCII space, tab and line ends first: nearly every call). */
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && SPACE.test(String.fromCharCode(code)));
}

const ASCII = /^[\x00-\x7f]*$/;

/** How the note of a passage in a language suggest does not read begins (`language not supported (Cyrillic): …`). */
export const LANGUAGE_NOT_SUPPORTED = 'language not supported';

// The address part of a Markdown link: `](` then a URL, a `www.` host or a path, up to `)`.
export const LINK_TARGET = /\]\((?:[a-z][a-z0-9+.-]*:\/\/|www\.|\/)[^()\s]*\)/gi;

// Scraping glues a link's text to the words beside it (BleepingComputer's Check Point post saved as Markdown: `Tracked
// asCVE-2026-50751, …`, `automotive giantYangfeng,Nissan, Japanese beer companyAsahi`): a word in lower case glued to a
// CVE's ID, or a common English word of at least 4 letters in lower case glued to a name (one capitalised word that is
// no common English word, ending the token), is read as two words. Names in camel case are kept whole: one that begins
// with a capital (`VirtualAllocEx`, `PowerShell`), a short word (`iPhone`, `setTimeout`), a word of common English
// after it (`readFile`), more than one capital after it (`getProcAddress`, `macOS`), a code's mark after it (a key,
// a call, a member: `skipTaskbar: true`, `sendBeacon(`, `postData.length`).
const GLUED_WORD = /(?<![\p{L}\p{N}_])([a-z]{2,})(?=CVE-\d{4}-\d|([A-Z][a-z]+)(?![\p{L}\p{N}_:(=]|\.\S))/gu;
const MIN_GLUED_WORD = 4;

/** A text with words glued by scraping read apart (`GLUED_WORD`), or the text as it is. */
function withGluedWordsApart(text: string): string {
  // Most passages have no lower-case letter before a capital: passed over at once.
  if (!/[a-z][A-Z]/.test(text)) return text;
  return text.replace(GLUED_WORD, (word: string, _: string, name: string | undefined) =>
    !name || (word.length >= MIN_GLUED_WORD && isCommonEnglishWord(word) && !isCommonEnglishWord(name.toLowerCase())) ? `${word} ` : word,
  );
}

// Longest phrase first, so that 添付ファイル is read before 添付. A term that begins or ends in Latin script (`VPN`,
// `Cookie`, `C&Cサーバー`, `Webサイト`) is read only where no Latin letter or digit is glued to that end: a longer name
// in Latin script that holds it (`VPNFilter`, `CookieMiner`, a malware family's name glued to the Japanese around it) is a
// name of its own, kept whole as the passage's other Latin words are (`マルウェアVPNFilterが` read VPNFilter as External
// Remote Services 100, and kept only `Filter`).
const GLOSSARY = [...GLOSSARY_JA]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([japanese, english]) => {
    const before = /^[A-Za-z0-9]/.test(japanese) ? '(?<![A-Za-z0-9])' : '';
    const after = /[A-Za-z0-9]$/.test(japanese) ? '(?![A-Za-z0-9])' : '';
    return { japanese, english, whole: before || after ? new RegExp(`${before}${escapeRegExp(japanese)}${after}`) : undefined };
  });

/**
 * What to rank for a passage, without its Markdown links' addresses. English (Latin script) is read as it is. Japanese
 * (any kana, or kanji without kana in a document with kana: `偽装`, `PowerShell実行` in a Japanese table) is read through the glossary
 * (`GLOSSARY_JA`): each Japanese phrase found gives its English words, and words in Latin script (`JavaScript`, `RAT`,
 * `C2`) are kept. Other scripts are not supported: the text to rank is empty and the note says so. Scripts are counted,
 * and Japanese read, without indicators (`withoutIndicators`: a URL glued to a Chinese sentence is no Latin text). Another language in
 * Latin script (by its function words, or for a passage with none of English's, the document's: `documentLanguage`)
 * is ranked by the words it shares with English, and the note says that the language is not supported.
 */
export function suggestPassageText(passage: string, document?: DocumentLanguage): PassageText {
  // A Markdown link's address (`[Cobalt Strike](https://…/cobalt-strike-loader-analysis)`) is where the text points,
  // not what it says: its words (`loader`, `blog`) are not read, its text is.
  // Words glued by scraping are read apart (`withGluedWordsApart`).
  const unlinked = withGluedWordsApart(passage.replace(LINK_TARGET, ']'));
  // ASCII text (most English passages) is in Latin script and NFKC leaves it as it is.
  const ascii = ASCII.test(unlinked);
  const text = ascii ? unlinked : unlinked.normalize('NFKC');
  if (!ascii) {
    // Scripts are counted without indicators: a URL glued to a Chinese sentence (`本文翻译自：https://…`) is no Latin text.
    const plain = withoutIndicators(text);
    const latin = (plain.match(/\p{Script=Latin}/gu) ?? []).length;
    // Kana decide Japanese even in a kanji-heavy sentence; otherwise the script with the most letters wins over Latin.
    // In a document with kana, any kanji do, however many Latin letters beside them: a table's cell or a heading names a
    // tool and what it did (`PowerShell実行`, `Mimikatz実行`), and read as English the name glued to the kanji was no
    // word (`PowerShell実行` got no candidates) and the kanji were not read. Its Latin words are kept as they are.
    const counts = SCRIPTS.map(([name, pattern]) => [name, (plain.match(pattern) ?? []).length] as const);
    const japanese = (counts[0]?.[1] ?? 0) > 0;
    const [other, most] = counts.slice(1).reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as readonly [string, number]);
    if (japanese || (document?.japanese && other === 'Chinese')) return readJapanese(plain);
    if (most > latin) {
      return { text: '', language: other, note: `${LANGUAGE_NOT_SUPPORTED} (${other}): ATT&CK is written in English only, so nothing was suggested` };
    }
    // A passage in another script with words in Latin script among its own (a Korean indicator list's `- host 파라미터에
    // sudo+find+-exec 조합(GTFOBins privesc 시도)`, a Chinese article's `* Compute Hijacking （利用计算资源来挖掘加密货币）`, a
    // Russian heading `Гипотезы в Threat Hunting`) is ranked by those words, and says so, as another language in Latin
    // script does: at least a quarter as many letters of the other script as Latin ones, so that an English sentence
    // naming a company in Cyrillic stays English.
    if (most >= MIN_OTHER_SCRIPT_LETTERS && most * OTHER_SCRIPT_SHARE >= latin) {
      return {
        text: unlinked,
        language: other,
        note: `${LANGUAGE_NOT_SUPPORTED} (${other}): ATT&CK is written in English only; only the words in Latin script were read`,
      };
    }
  }
  const words = functionWords(text);
  const foreign =
    words.count >= MIN_FUNCTION_WORDS && words.count > words.english ? words.language || 'not English' : words.english === 0 && /\p{L}{2}/u.test(text) ? document?.latin : undefined;
  if (foreign) {
    return {
      text: unlinked,
      language: foreign,
      note: `${LANGUAGE_NOT_SUPPORTED} (${foreign}): ATT&CK is written in English only; only the words it shares with English were read`,
    };
  }
  return { text: unlinked, language: 'en' };
}

// A kanji's reading in hiragana in brackets after it (furigana written inline, as news sites write uncommon kanji:
// `脆弱(ぜいじゃく)性`), read without it so that the word is whole again (`脆弱性`). Brackets are NFKC's, half-width.
const INLINE_READING = /(?<=\p{Script=Han})\(\p{Script=Hiragana}+\)/gu;

// A middle dot between the katakana words of one term (`スピア・フィッシング・メール`, the TEMP.Periscope report's), read
// as the term written without it (`スピアフィッシングメール`), as the glossary writes its terms.
const KATAKANA_DOT = /(?<=[\p{Script=Katakana}ー])・(?=\p{Script=Katakana})/gu;

function readJapanese(text: string): PassageText {
  let rest = text.replace(INLINE_READING, '').replace(KATAKANA_DOT, '');
  const found: string[] = [];
  const english: string[] = [];
  for (const { japanese, english: words, whole } of GLOSSARY) {
    if (!rest.includes(japanese) || (whole && !whole.test(rest))) continue;
    if (words) found.push(`${japanese} = ${words}`);
    english.push(words);
    rest = rest.split(whole ?? japanese).join(' ');
  }
  const latin = rest.match(/[A-Za-z][A-Za-z0-9.&-]*/g) ?? [];
  const read = [...english, ...latin].join(' ');
  const note = found.length
    ? `Japanese, read through the glossary: ${found.join('; ')}`
    : 'Japanese, but no term of the glossary was found: only its words in Latin script were read';
  return { text: read, language: 'ja', note };
}
