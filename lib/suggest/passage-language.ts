import { GLOSSARY_JA } from './glossary-ja.js';

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

// The address part of a Markdown link: `](` then a URL, a `www.` host or a path, up to `)`.
const LINK_TARGET = /\]\((?:[a-z][a-z0-9+.-]*:\/\/|www\.|\/)[^()\s]*\)/gi;

// Longest phrase first, so that 添付ファイル is read before 添付.
const GLOSSARY = [...GLOSSARY_JA].sort((a, b) => b[0].length - a[0].length);

/**
 * What to rank for a passage, without its Markdown links' addresses. English (Latin script) is read as it is. Japanese (any kana) is read through the
 * glossary (`GLOSSARY_JA`): each Japanese phrase found gives its English words, and words in Latin script
 * (`JavaScript`, `RAT`, `C2`) are kept. Other scripts are not supported: the text to rank is empty and the note says so.
 */
export function suggestPassageText(passage: string): PassageText {
  // A Markdown link's address (`[Cobalt Strike](https://…/cobalt-strike-loader-analysis)`) is where the text points,
  // not what it says: its words (`loader`, `blog`) are not read, its text is.
  const unlinked = passage.replace(LINK_TARGET, ']');
  const text = unlinked.normalize('NFKC');
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  // Kana decide Japanese even in a kanji-heavy sentence; otherwise the script with the most letters wins over Latin.
  const counts = SCRIPTS.map(([name, pattern]) => [name, (text.match(pattern) ?? []).length] as const);
  const japanese = (counts[0]?.[1] ?? 0) > 0;
  const [other, most] = counts.slice(1).reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as readonly [string, number]);
  if (japanese) return readJapanese(text);
  if (most > latin) {
    return { text: '', language: other, note: `language not supported (${other}): ATT&CK is written in English only, so nothing was suggested` };
  }
  return { text: unlinked, language: 'en' };
}

function readJapanese(text: string): PassageText {
  let rest = text;
  const found: string[] = [];
  const english: string[] = [];
  for (const [japanese, words] of GLOSSARY) {
    if (!rest.includes(japanese)) continue;
    if (words) found.push(`${japanese} = ${words}`);
    english.push(words);
    rest = rest.split(japanese).join(' ');
  }
  const latin = rest.match(/[A-Za-z][A-Za-z0-9.&-]*/g) ?? [];
  const read = [...english, ...latin].join(' ');
  const note = found.length
    ? `Japanese, read through the glossary: ${found.join('; ')}`
    : 'Japanese, but no term of the glossary was found: only its words in Latin script were read';
  return { text: read, language: 'ja', note };
}
