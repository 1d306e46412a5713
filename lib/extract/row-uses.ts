import { visitIds, type FoldedText } from '../normalize/tokenize-references.js';
import { CAPITALIZED_WORD, SENTENCE_CLOSE, type ExtractedReference } from './extract-references.js';

/** Whether words name the technique of an ID (its name, its full name, a sub-technique's own name). */
export type NamesId = (words: string, id: string) => boolean;

// What may stand between a row's reference and its use on a line of run-together cells: spaces, a dash, a colon, a bar.
const CELL_GAP = /^[\s:|–—-]+/;
// How many lines a use may wrap onto.
const MAX_WRAPPED = 8;

const idCount = (text: string): number => {
  let count = 0;
  visitIds(text, () => count++);
  return count;
};

/**
 * The use of a table row run together on one line with no header left above it, as evidence: PDF text of a table
 * continued on a new page, or a scraped table that lost its `<th>` row, writes a row as `<ID> <name> <use>` or `<name>
 * <ID> <use>` (`T1059.001 PowerShell The actor used PowerShell to …`; `Exploit Public-Facing Application T1190 The
 * actors exploited Log4Shell for initial access …`, CISA's AA22-320A as text). Under a header (`Technique Title ID Use`)
 * the lines' reader takes such a use already; without one, a reference takes the text after it only when it is alone
 * on its line and nothing stands before it, its name names its very ID's technique (`namesId`: not OCR's `T1190 Par my`,
 * nor a tool), and that text reads as a sentence: a capital, three words or more, and its end, on that line or on the
 * lines it wraps onto (none blank, none with an ID, none starting with a capitalized word). Otherwise no evidence, so
 * that none is false: a sentence that goes on in lower case (`T1059.001 PowerShell was used …`), a full stop after the
 * ID (`… T1566. The actor …`, two sentences), a reference in the middle of a line.
 */
export function withRowUses(references: readonly ExtractedReference[], lines: readonly FoldedText[], namesId: NamesId): ExtractedReference[] {
  return references.map((ref) => {
    const id = ref.ids[0];
    const line = lines[ref.line - 1];
    if (ref.evidence || ref.lines || ref.ids.length !== 1 || !id || ref.name === undefined || !line) return ref;
    if (ref.span.line !== ref.line || (ref.nameSpan && ref.nameSpan.line !== ref.line)) return ref;
    const start = Math.min(ref.span.start, ref.nameSpan?.start ?? ref.span.start);
    const end = Math.max(ref.span.end, ref.nameSpan?.end ?? ref.span.end);
    const { original } = line;
    if (original.slice(0, start).trim() || idCount(line.text) !== 1 || !namesId(ref.name, id)) return ref;
    const parts = [original.slice(end).replace(CELL_GAP, '').trim()];
    if (!/^\p{Lu}/u.test(parts[0]!) || parts[0]!.split(/\s+/).length < 3) return ref;
    for (let i = ref.line; i < lines.length && i < ref.line + MAX_WRAPPED && !SENTENCE_CLOSE.test(parts.at(-1)!); i++) {
      const next = lines[i]!;
      const text = next.original.trim();
      if (!text || CAPITALIZED_WORD.test(text) || idCount(next.text) > 0) return ref;
      parts.push(text);
    }
    const said = parts.join(' ').replace(/\s+/g, ' ');
    return SENTENCE_CLOSE.test(said) ? { ...ref, evidence: [{ line: ref.line, text: said }] } : ref;
  });
}
