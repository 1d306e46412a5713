import { GLOSSARY_EN } from './glossary-en.js';
import { isContentWord, stemOf, textWords } from './text-terms.js';

/** ATT&CK words a passage is read as, besides its own, and the written words that were read so. */
export interface Expansion {
  /** The passage's words as written (`PTH`, `ping sweeps`). */
  written: string;
  /** The ATT&CK words they were read as, as stems (`pass`, `hash`). */
  stems: string[];
  /** The same words as the glossary writes them, for `why`. */
  words: string[];
}

// Each entry's ATT&CK words, split and stemmed once, and its pattern anchored where it is tried (sticky).
const ENTRIES = GLOSSARY_EN.map(([pattern, english]) => {
  const words = textWords(english).filter(isContentWord);
  return { at: new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`), words, stems: words.map(stemOf) };
});
// Where any entry may match: one pass over the passage instead of one per entry (half the time); at each such
// place every entry not found yet is tried (case-insensitive here, so the case-sensitive entries are tried too).
const ANY = new RegExp(GLOSSARY_EN.map(([pattern]) => `(?:${pattern.source})`).join('|'), 'gi');

/**
 * The glossary's readings of an English passage (`GLOSSARY_EN`): for each entry whose pattern the passage holds, the
 * written words (its first match) and the ATT&CK words they stand for, in glossary order.
 */
export function expandPassage(text: string): Expansion[] {
  const found: (string | undefined)[] = new Array(ENTRIES.length);
  ANY.lastIndex = 0;
  for (let hit = ANY.exec(text); hit; hit = ANY.exec(text)) {
    ENTRIES.forEach(({ at }, i) => {
      if (found[i] !== undefined) return;
      at.lastIndex = hit!.index;
      found[i] = at.exec(text)?.[0];
    });
    ANY.lastIndex = hit.index + 1;
  }
  return ENTRIES.flatMap(({ words, stems }, i) =>
    found[i] === undefined ? [] : [{ written: found[i]!.trim().replace(/[.,;:]+$/, ''), stems, words }],
  );
}
