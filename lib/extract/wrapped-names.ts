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
 * How two lines of a name join: by a space; or, after a hyphen that ends the first, by nothing, the hyphen kept (a
 * hyphenated name wrapped at it, `Exploit Public-`⏎`Facing Application`) or left out (a word the PDF hyphenated,
 * `Spear-`⏎`phishing Attachment`).
 */
type Joint = 'space' | 'hyphen' | 'unhyphen';

/** The ways the lines of a name may join, one joint between each line and the next. */
function jointsOf(pieces: readonly string[]): Joint[][] {
  let all: Joint[][] = [[]];
  for (const piece of pieces.slice(0, -1)) {
    const ways: Joint[] = piece.endsWith('-') ? ['hyphen', 'unhyphen'] : ['space'];
    all = all.flatMap((joints) => ways.map((way) => [...joints, way]));
  }
  return all;
}

/** The name the lines make, joined as `joints` say. */
function joinedName(pieces: readonly string[], joints: readonly Joint[]): string {
  return pieces.map((piece, k) => (joints[k] === 'unhyphen' ? piece.slice(0, -1) : piece) + (k < joints.length ? (joints[k] === 'space' ? ' ' : '') : '')).join('');
}

/**
 * The lines of a report with each technique name that PDF-to-text wrapped over two or three lines of their own (a table
 * read one cell a line, `Spearphishing`⏎`Attachment`⏎`T1566.001`) read joined on its first line, the lines after it left
 * blank, so that the lines keep their count; a line ending in a hyphen joins the next with nothing, the hyphen kept or
 * left out, whichever makes the name. Only where the lines together are exactly a technique's name
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
    let found: Joint[] | undefined;
    for (let k = i + 1; k < Math.min(out.length, i + 3) && !found; k++) {
      const next = piece(out[k]);
      if (next === undefined || isTechniqueName(next)) break;
      pieces = [...pieces, next];
      found = jointsOf(pieces).find((joints) => isTechniqueName(joinedName(pieces, joints)));
      if (!found && SENTENCE_END.test(next)) break;
    }
    if (!found) continue;
    const name = joinedName(pieces, found);
    const row = new JoinedRow();
    pieces.forEach((_, k) => {
      const line = out[i + k]!;
      const text = line.folded.text;
      const start = text.length - text.trimStart().length;
      const joint = found[k];
      if (k > 0) row.push(found[k - 1] === 'space' ? ' ' : '');
      row.pushRead(line, start, text.trimEnd().length - (joint === 'unhyphen' ? 1 : 0));
      if (k > 0) out[i + k] = { folded: foldText(''), number: line.number };
    });
    out[i] = row.line(out[i]!.number);
    joined?.({ line: out[i]!.number, last: out[i + pieces.length - 1]!.number, name });
    i += pieces.length - 1;
  }
  return out;
}
