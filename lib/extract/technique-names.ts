import type { AttackIndex } from '../attack/attack-index.js';
import type { FoldedText } from '../normalize/tokenize-references.js';
import { isCommonEnglishWord } from '../common-words.js';

/** A technique of the release named in a report's text without an ID: its first mention. */
export interface NamedTechnique {
  id: string;
  name: string;
  /** 1-based line of its first mention. */
  line: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

interface NameWords {
  /** Techniques by the words of their names as ATT&CK writes them, joined by spaces. */
  byWords: Map<string, { id: string; name: string }>;
  /** The same in lower case, for a list item that is a name and nothing else. */
  byLowerWords: Map<string, { id: string; name: string }>;
  /** Most words in a name. */
  longest: number;
}

const nameWords = new WeakMap<AttackIndex, NameWords>();

/** The names of the release's current techniques (`Network Sniffing`, `Phishing: Spearphishing Link`) by their words. */
function indexNames(index: AttackIndex): NameWords {
  let found = nameWords.get(index);
  if (found) return found;
  const byWords = new Map<string, { id: string; name: string }>();
  const byLowerWords = new Map<string, { id: string; name: string }>();
  let longest = 1;
  for (const technique of index.currentTechniques()) {
    const parent = technique.parent ? index.technique(technique.parent) : undefined;
    for (const written of [technique.name, ...(parent ? [`${parent.name}: ${technique.name}`] : [])]) {
      const words = written.match(WORD) ?? [];
      // One word in common use (`Tool`, `Credentials`) starts many a sentence.
      if (words.length === 1 && isCommonEnglishWord(written)) continue;
      longest = Math.max(longest, words.length);
      const key = words.join(' ');
      // A name two techniques share (`Virtual Private Server`) names neither for sure.
      for (const [names, written] of [[byWords, key], [byLowerWords, key.toLowerCase()]] as const) {
        if (names.has(written) && names.get(written)!.id !== technique.id) names.set(written, { id: '', name: '' });
        else names.set(written, { id: technique.id, name: technique.name });
      }
    }
  }
  found = { byWords, byLowerWords, longest };
  nameWords.set(index, found);
  return found;
}

/** A line or list item (`* `, `- `, `1. `) and its text, a markdown link's address left out. */
const LIST_ITEM = /^\s{0,12}(?:(?:[-*+•●▪◦]|\d{1,3}[.)])\s+)?(.+)$/u;
const LINK_ADDRESS = /\]\([^()\s]*\)/g;

/**
 * The technique a line or list item names when its words are a name's and nothing else, in any case (`* Exploitation
 * for client execution`; `Powershell` alone, a PDF's attack diagram flattened to text).
 */
function listItemName(text: string, byLowerWords: NameWords['byLowerWords']): { id: string; name: string } | undefined {
  const item = LIST_ITEM.exec(text)?.[1];
  if (!item) return undefined;
  const words = item.replace(LINK_ADDRESS, ' ').match(WORD);
  return words ? byLowerWords.get(words.join(' ').toLowerCase()) : undefined;
}

/**
 * The techniques of a release that a report names without an ID, as ATT&CK writes them (whole words, same case: prose
 * is full of `phishing` and `search engines`), or in any case as a line or list item that is a name and nothing else
 * (an Elastic post's `* Exploitation for client execution`, `* Acquire infrastructure - server`), on lines that hold no
 * reference (`skipLines`) and leaving out those in `known` (found as references). For a note pointing to `suggest`,
 * which reads names in prose; extract makes references of names only in a table's technique column. Linear in the
 * text's length.
 */
export function namesWithoutIds(lines: readonly FoldedText[], index: AttackIndex, known: ReadonlySet<string>, skipLines: ReadonlySet<number>): NamedTechnique[] {
  const { byWords, byLowerWords, longest } = indexNames(index);
  const found = new Map<string, NamedTechnique>();
  for (const [i, folded] of lines.entries()) {
    if (skipLines.has(i + 1)) continue;
    const item = listItemName(folded.text, byLowerWords);
    if (item?.id && !known.has(item.id) && !found.has(item.id)) found.set(item.id, { id: item.id, name: item.name, line: i + 1 });
    const words = [...folded.text.matchAll(WORD)].map((match) => match[0]);
    for (let first = 0; first < words.length; first++) {
      let key = '';
      for (let n = 0; n < longest && first + n < words.length; n++) {
        key = n ? `${key} ${words[first + n]}` : words[first]!;
        const named = byWords.get(key);
        if (!named?.id || known.has(named.id) || found.has(named.id)) continue;
        found.set(named.id, { id: named.id, name: named.name, line: i + 1 });
      }
    }
  }
  return [...found.values()];
}
