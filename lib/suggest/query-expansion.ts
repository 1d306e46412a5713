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

// Each entry's ATT&CK words, split and stemmed once.
const ENTRIES = GLOSSARY_EN.map(([pattern, english]) => {
  const words = textWords(english).filter(isContentWord);
  return { pattern, words, stems: words.map(stemOf) };
});

/**
 * The glossary's readings of an English passage (`GLOSSARY_EN`): for each entry whose pattern the passage holds, the
 * written words and the ATT&CK words they stand for, in glossary order (each entry once, at its first match).
 */
export function expandPassage(text: string): Expansion[] {
  const expansions: Expansion[] = [];
  for (const { pattern, words, stems } of ENTRIES) {
    const match = pattern.exec(text);
    if (match) expansions.push({ written: match[0].trim().replace(/[.,;:]+$/, ''), stems, words });
  }
  return expansions;
}
