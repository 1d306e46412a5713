import { foldText } from '../normalize/tokenize-references.js';
import { JoinedRow, type ReadLine } from './grid-tables.js';

/** A technique name that PDF-to-text wrapped over lines of their own, read joined on its first line. */
export interface WrappedName {
  /** The 1-based first and last lines it is written on. */
  line: number;
  last: number;
  /** The name, its lines joined by a space (`Spearphishing Attachment`). */
  name: string;
}

/** The label of the join, as a reference's trail gives it. */
export const WRAPPED_NAME_RULE = 'a technique name wrapped over lines of its own, as PDF-to-text writes a narrow table cell, joined where the lines together are exactly a technique\'s name';

// A line that may be a piece of a wrapped cell: short, no technique or tactic ID, no table pipe, no sentence's end.
const PIECE = /^[^|]{1,60}$/;
const ID_IN = /\b(?:T|TA)\d{4}\b/i;
const SENTENCE_END = /[.!?:;,]\s*$/;

/**
 * The lines of a report with each technique name that PDF-to-text wrapped over two or three lines of their own (a table
 * read one cell a line, `Spearphishing`⏎`Attachment`⏎`T1566.001`) read joined on its first line, the lines after it left
 * blank, so that the lines keep their count. Only where the lines together are exactly a technique's name
 * (`isTechniqueName`) and none of them alone is one, nor holds an ID; each join is told to `joined`, to be said.
 */
export function readWrappedNames(read: ReadLine[], isTechniqueName?: (name: string) => boolean, joined?: (wrapped: WrappedName) => void): ReadLine[] {
  if (!isTechniqueName) return read;
  const out = [...read];
  const piece = (line: ReadLine | undefined): string | undefined => {
    const text = line && !line.origin ? line.folded.text.trim() : '';
    return text && PIECE.test(text) && !ID_IN.test(text) && /\p{L}/u.test(text) ? text : undefined;
  };
  for (let i = 0; i + 1 < out.length; i++) {
    const first = piece(out[i]);
    if (first === undefined || SENTENCE_END.test(first) || isTechniqueName(first)) continue;
    let pieces = [first];
    let found: string[] | undefined;
    for (let k = i + 1; k < Math.min(out.length, i + 3) && !found; k++) {
      const next = piece(out[k]);
      if (next === undefined || isTechniqueName(next)) break;
      pieces = [...pieces, next];
      if (isTechniqueName(pieces.join(' '))) found = pieces;
      else if (SENTENCE_END.test(next)) break;
    }
    if (!found) continue;
    const row = new JoinedRow();
    found.forEach((_, k) => {
      const line = out[i + k]!;
      const text = line.folded.text;
      const start = text.length - text.trimStart().length;
      if (k > 0) row.push(' ');
      row.pushRead(line, start, text.trimEnd().length);
      if (k > 0) out[i + k] = { folded: foldText(''), number: line.number };
    });
    out[i] = row.line(out[i]!.number);
    joined?.({ line: out[i]!.number, last: out[i + found.length - 1]!.number, name: found.join(' ') });
    i += found.length - 1;
  }
  return out;
}
