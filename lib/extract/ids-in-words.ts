import { originalSpan, scanIds, visitIds, type FoldedText } from '../normalize/tokenize-references.js';

/** An ID inside a longer word, which is not read as a reference (`chain-T1021.x`, `PRE-T1156`). */
export interface IdInWord {
  line: number;
  /** The word as written. */
  written: string;
  /** The IDs it holds, as they would be read alone. */
  ids: string[];
}

// Only a line with an ID joined to a word before it is scanned again.
const JOINED = /[\p{L}\p{N}][-_][Tt]\d/u;

/** Whether a text (a table cell) holds an ID inside a longer word (`[dumping-t1003](meta/dumping-t1003/)`). */
export function holdsIdInWord(text: string): boolean {
  let found = false;
  if (JOINED.test(text)) visitIds(text, () => undefined, () => (found = true));
  return found;
}

/**
 * The words of a report's lines that hold an ID joined to the word before it by a hyphen or an underscore: a detector's
 * or a test's name, a tag, an ID of another scheme. They may stand for the technique or not, so they are no references;
 * the caller reports them. Pure.
 */
export function idsInWords(lines: readonly FoldedText[]): IdInWord[] {
  const found: IdInWord[] = [];
  const seen = new Set<string>();
  for (const [i, folded] of lines.entries()) {
    if (!JOINED.test(folded.text)) continue;
    visitIds(
      folded.text,
      () => undefined,
      (word, at) => {
        const ids = scanIds(folded.text.slice(at, word.end))[0]?.ids ?? [];
        const { start, end } = originalSpan(folded, word);
        // A Markdown link's text and its address (`[dumping-t1003](meta/dumping-t1003/)`) are one mention.
        const key = `${i + 1} ${ids.join()}`;
        if (ids.length && !seen.has(key)) {
          seen.add(key);
          found.push({ line: i + 1, written: folded.original.slice(start, end), ids });
        }
      },
    );
  }
  return found;
}
