import { GLOSSARY_EN } from './glossary-en.js';
import { firstCharacters } from './first-characters.js';
import { isContentWord, stemOf, textFeatures, textWords } from './text-terms.js';

/** ATT&CK words a passage is read as, besides its own, and the written words that were read so. */
export interface Expansion {
  /** The passage's words as written (`PTH`, `ping sweeps`). */
  written: string;
  /** The ATT&CK words they were read as, as stems (`pass`, `hash`). */
  stems: string[];
  /** The same words as the glossary writes them, for `why`. */
  words: string[];
  /** The features of the stems (each stem and each pair of neighbours), as the model reads a text's. */
  features: string[];
}

// Each entry's ATT&CK words, split, stemmed and made features once, and its pattern anchored where it is tried (sticky).
const ENTRIES = GLOSSARY_EN.map(([pattern, english]) => {
  const words = textWords(english).filter(isContentWord);
  const stems = words.map(stemOf);
  return { at: new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`), words, stems, features: textFeatures(stems) };
});
// Where any entry may match: one pass over the passage instead of one per entry, tried only where a word begins or
// at `.`, `%` or `\` (every entry begins so: see GLOSSARY_EN), a fifth of the time in all. Its alternatives are the
// entries without their `\b`s: it then finds every place an entry matches, and a few more where the entries
// themselves say no, so the readings are the same; and V8 compiles it in 60 ms, not 200. (A regular expression is
// compiled on its first use in every process, and the glossary's 386 `\b`s were most of that cost.)
const ANY = new RegExp(
  `(?:(?<!\\w)|(?=[.%\\\\]))(?:${GLOSSARY_EN.map(([pattern]) => `(?:${withoutWordBoundaries(pattern.source)})`).join('|')})`,
  'gi',
);
// Which entries to try at such a place, by its character c (ASCII, lower case): those that may begin with it
// (`firstCharacters`), and those whose first characters the pattern does not say plainly. Trying every entry at every
// place was two thirds of the time.
const FIRST = GLOSSARY_EN.map(([pattern]) => firstCharacters(pattern));
const tried = (c: string): number[] => FIRST.flatMap((chars, i) => (!chars || chars.has(c) ? [i] : []));
const BY_FIRST = Array.from({ length: 128 }, (_, code) => tried(String.fromCharCode(code)));
const ANYWHERE = tried('');

/** A pattern's source without its `\b` assertions (outside character classes, where `\b` is a backspace): it matches wherever the pattern does. */
export function withoutWordBoundaries(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[++i] ?? '';
      if (next !== 'b' || inClass) out += c + next;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/**
 * The glossary's readings of an English passage (`GLOSSARY_EN`): for each entry whose pattern the passage holds, the
 * written words (its first match) and the ATT&CK words they stand for, in glossary order. The model gives it the
 * passage without indicators (`withoutIndicators`), so that a URL's path is not read (a well-known service's address
 * is read as its name: `mega[.]nz` as `mega`).
 */
export function expandPassage(text: string): Expansion[] {
  ANY.lastIndex = 0;
  let hit = ANY.exec(text);
  // Most passages hold no entry: nothing to allocate.
  if (!hit) return [];
  const found: (string | undefined)[] = new Array(ENTRIES.length);
  let count = 0;
  for (; hit; hit = ANY.exec(text)) {
    const code = text.charCodeAt(hit.index);
    // An ASCII letter in either case; a character beyond ASCII begins no entry that says its first characters.
    const entries = code < 128 ? BY_FIRST[code | (code >= 65 && code <= 90 ? 32 : 0)]! : ANYWHERE;
    for (const i of entries) {
      if (found[i] !== undefined) continue;
      const { at } = ENTRIES[i]!;
      at.lastIndex = hit.index;
      const match = at.exec(text);
      if (match) {
        found[i] = match[0];
        count++;
      }
    }
    ANY.lastIndex = hit.index + 1;
  }
  const readings: Expansion[] = [];
  for (let i = 0; readings.length < count; i++) {
    if (found[i] === undefined) continue;
    const { words, stems, features } = ENTRIES[i]!;
    readings.push({ written: found[i]!.trim().replace(/[.,;:]+$/, ''), stems, words, features });
  }
  return readings;
}
