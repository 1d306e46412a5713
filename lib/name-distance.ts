/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), abandoned early once it must
 * exceed `limit`: the typo measure for technique names ("Spearphising Link" is 1 from "Spearphishing Link").
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit || (limit < Infinity && letterCountBound(a, b) > limit)) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

// Letter counts, by character code folded to 7 bits (folding only merges counts, so the bound below stays a bound).
const letterCounts = new Int32Array(128);

/**
 * A lower bound of the distance from how many of each letter the two strings hold: an insertion or a deletion changes
 * the counts by 1 in all, a substitution by 2, a transposition not at all, so at least half the counts' difference
 * must be edits. Most names are far from a given text by their letters alone: an unknown phrase was compared in full
 * with every technique name for the similar names of its note (7 of a phrase's 9 ms), now in a fifth to a tenth of the time.
 */
function letterCountBound(a: string, b: string): number {
  for (let i = 0; i < a.length; i++) letterCounts[a.charCodeAt(i) & 127]!++;
  for (let i = 0; i < b.length; i++) letterCounts[b.charCodeAt(i) & 127]!--;
  let difference = 0;
  for (let i = 0; i < 128; i++) {
    difference += Math.abs(letterCounts[i]!);
    letterCounts[i] = 0;
  }
  return Math.ceil(difference / 2);
}

/** How many edits a name of this length may carry and still count as a typo of another: about one in eight letters. */
export function typoLimit(length: number): number {
  return length < 5 ? 0 : Math.max(1, Math.floor(length / 8));
}

/**
 * Whether a typo of `written` may be read as `known` (a name, any case) for its acronyms: each word of 2 to 6 capitals
 * in a name that has lower case too (`SMB`, `FTP`, `LSSAS`) must be a word of `known`, or its letters in another order
 * (`LSSAS`, LSASS). An acronym a letter away from another is another acronym, not a slip: `Exfiltration over SMB` is
 * no misspelling of `Exfiltration over USB`, nor `FTP` of `SFTP`. A name all in capitals is a heading's typography.
 */
export function acronymsKept(written: string, known: string): boolean {
  if (!/\p{Ll}/u.test(written)) return true;
  const acronyms = written.match(/(?<![\p{L}\p{N}])\p{Lu}{2,6}(?![\p{L}\p{N}])/gu);
  if (!acronyms) return true;
  const letters = (word: string): string => [...word.toLowerCase()].sort().join('');
  const knownWords = new Set((known.match(/[\p{L}\p{N}]+/gu) ?? []).map(letters));
  return acronyms.every((acronym) => knownWords.has(letters(acronym)));
}

/** A word as did-you-mean hints compare it: lower-case, without spaces, `-` and `_` (`Threat_Actor`: threatactor). */
export function foldedWord(word: string): string {
  return word.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * The word of `candidates` a misspelled `word` most likely means (case, `-` and `_` aside; at most two edits, and
 * fewer than half its letters), for did-you-mean hints; undefined when none is that close.
 */
export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const folded = foldedWord(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = foldedWord(candidate) === folded ? 0 : editDistance(folded, foldedWord(candidate), 2);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= 2 && bestDistance < folded.length / 2 ? best : undefined;
}

/** Formats written as their name or program rather than their extension (`--format markdown`, `--report excel`). */
const SPELLED_OUT: Readonly<Record<string, string>> = { markdown: 'md', excel: 'xlsx', htm: 'html', yaml: 'yml' };

/**
 * The end of every message for a value outside a fixed set (a flag's choices, ATT&CK's platforms, a scoring model):
 * `use one of a, b, c; did you mean b?`, the did-you-mean when `given` is a typo of one (closestWord) or begins with one
 * (`intersection`: intersect) or is a format's name for its extension (`markdown`: md). `alsoKnown`
 * are other spellings taken (`enterprise-attack` for `enterprise`), listed after and matched too.
 */
export function useOneOf(given: string, choices: readonly string[], alsoKnown: readonly string[] = []): string {
  const word = given.trim().toLowerCase();
  const near =
    closestWord(word, [...choices, ...alsoKnown]) ??
    choices.find((choice) => choice.length >= 3 && word.startsWith(choice.toLowerCase())) ??
    choices.find((choice) => SPELLED_OUT[word] === choice);
  return `use one of ${choices.join(', ')}${alsoKnown.length ? ` (or ${alsoKnown.join(', ')})` : ''}${near ? `; did you mean ${near}?` : ''}`;
}
