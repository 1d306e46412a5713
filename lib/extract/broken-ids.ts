import { foldText } from '../normalize/tokenize-references.js';
import { isTechniqueId } from '../attack/technique-id.js';
import { JoinedRow, type ReadLine } from './grid-tables.js';

/** An ID that a line break (or a soft hyphen) split, and what the reader made of it. */
export interface BrokenId {
  /** The 1-based line the ID starts on, and the line its rest starts (the same line for a soft hyphen inside it). */
  line: number;
  next: number;
  /** The ID's start as written, with the hyphen after it (`T1566.-`), and its rest (`001`). */
  written: string;
  rest: string;
  /** The ID the two make (`T1566.001`). */
  id: string;
  /** Whether the reader joined them; false where the release has no such technique, and the ID was read as written. */
  joined: boolean;
}

/** The label of the join, as a reference's trail gives it. */
export const BROKEN_ID_RULE =
  'an ID split by a line break (hyphenated or not) or a soft hyphen, as PDF-to-text leaves it (T1059.⏎001, T1059⏎.001, T1566.-⏎001, T1566.0-⏎01, T10⏎59.001), joined where the two make a technique of the release';

// The start of an ID at the end of its line: its digits so far, its dot and sub-technique digits so far, and the hyphen
// (or soft hyphen) that a PDF's hyphenation wrote after them (`(T1566.-`, `T1566.0-`, `T10`, `T1059.00`).
// Not in a URL's path (`/techniques/T15`⏎`66/001/`), whose rest a line-level join would cut short.
// A Sigma rule's tag, lower-case after its `attack.` (`attack.t1566.0-`⏎`01` in a scraped page), is such a start too.
const ID_START = /(?:(?<![\p{L}\p{N}._/-])T|(?<=(?<![\p{L}\p{N}_])attack\.)[tT])(\d{1,4})(\.\d{0,3})?([-\u00ad]?)[ \t]*$/u;
// The rest of the ID at the start of the next line: digits and dots, a sentence's full stop after them left out, and
// no word or path going on after them (`3rd`, `66/001/`).
const ID_REST = /^[ \t]*(\.?\d[\d.]{0,7})(?![\p{L}\p{N}_/])/u;
// A soft hyphen (U+00AD, invisible where the line is not broken) among an ID's characters on one line.
const SOFT_HYPHEN_IN_ID = /(?<![\p{L}\p{N}])T\d{1,4}(?:\.\d{0,3})?\u00ad(?=\.?\d)/gu;

/**
 * The ID that the start of one written before a break (`T1566.0-`, `T1566-`, `T10`) and its rest after it (`01`,
 * `001`, `59.001`) make, where they make a whole one: with what was written, the rest's digits, and whether a dot
 * stands for the hyphen between them (`T1566-` and `001`). Undefined for pieces that make none.
 */
export function joinedId(start: string, rest: string): { written: string; rest: string; id: string; dot: string } | undefined {
  const head = /^[tT](\d{1,4})(\.\d{0,3})?([-\u00ad]?)$/.exec(start);
  const tail = /^(\.?\d[\d.]{0,7})$/.exec(rest);
  if (!head || !tail) return undefined;
  const [, digits, sub = '', mark] = head;
  const number = tail[1]!.replace(/\.$/, '');
  // `T1566-`⏎`001`: the hyphen that separates a sub-technique on one line (`T1566-001`), or the hyphenation; either way.
  const dot = mark === '-' && !sub && digits!.length === 4 && /^\d{3}$/.test(number) ? '.' : '';
  const id = `T${digits}${sub}${dot}${number}`;
  return isTechniqueId(id) ? { written: start, rest: number, id, dot } : undefined;
}

/**
 * Where the rest of an ID that a line break split ends on the next line (`T1059.`⏎`001 ran the payload`: 3), for an ID
 * written up to `end` of `line` with nothing after it; undefined where the two make no ID (see `readBrokenIds`). Pure.
 */
export function brokenIdRestEnd(line: string, end: number, next: string): number | undefined {
  if (line.slice(end).trim()) return undefined;
  const start = ID_START.exec(line.slice(0, end));
  const rest = start ? ID_REST.exec(next) : null;
  if (!start || !rest) return undefined;
  const made = joinedId(`${start[0].charAt(0)}${start[1]}${start[2] ?? ''}${start[3]}`, rest[1]!);
  return made ? rest[0].length - rest[1]!.length + made.rest.length : undefined;
}

/**
 * The lines of a report with each technique ID that a line break split as PDF-to-text leaves a hyphenated or wrapped
 * word (`(T1566.-`⏎`001)`, `T1566.0-`⏎`01`, `T1059.00`⏎`3`, `T10`⏎`59.001`, `T1566.`+soft hyphen⏎`001`) joined on
 * its first line, its rest taken off the next line (left blank where nothing else is on it, so that the lines keep
 * their count); and a soft hyphen inside an ID on one line left out. Only where the two make a whole ID, and
 * `hasTechnique` (where given) knows it; otherwise the lines are left as they are, and the break is told, unjoined, to
 * be said; a number after a break with no hyphen that makes no sub-technique's (`T1059.`⏎`100 hosts`: every
 * sub-technique's number starts with 0) is the sentence going on, and is left unsaid.
 */
export function readBrokenIds(read: ReadLine[], hasTechnique?: (id: string) => boolean, told?: (broken: BrokenId) => void): ReadLine[] {
  const out = [...read];
  // The rest of a line after the rest of an ID joined to the line before: it may end with another ID a break split.
  const rests = new Set<ReadLine>();
  for (let i = 0; i < out.length; i++) {
    const above = out[i]!;
    if (above.origin && !rests.has(above)) continue;
    if (above.folded.text.includes('\u00ad')) out[i] = withoutSoftHyphens(above, hasTechnique, told);
    const below = out[i + 1];
    if (!below || below.origin) continue;
    const start = ID_START.exec(out[i]!.folded.text);
    const rest = start ? ID_REST.exec(below.folded.text) : null;
    if (!start || !rest) continue;
    const [, digits, sub = '', mark] = start;
    const written = `${start[0].charAt(0)}${digits}${sub}${mark}`;
    const made = joinedId(written, rest[1]!);
    if (!made) continue;
    const { id, dot, rest: number } = made;
    if (!mark && /\.[1-9]\d*$/.test(id)) continue;
    const joined = hasTechnique?.(id) ?? true;
    told?.({ line: above.number, next: below.number, written, rest: number, id, joined });
    if (!joined) continue;
    const at = start.index;
    const restStart = rest[0].length - rest[1]!.length;
    const restEnd = restStart + number.length;
    const row = new JoinedRow();
    row.pushRead(out[i]!, 0, at + 1 + digits!.length + sub.length);
    if (dot) row.push(dot);
    row.pushRead(below, restStart, restEnd);
    out[i] = row.line(above.number);
    const left = below.folded.text.slice(restEnd);
    if (!left.trim()) {
      out[i + 1] = { folded: foldText(''), number: below.number };
      i++;
    } else {
      const after = new JoinedRow();
      after.pushRead(below, restEnd, below.folded.text.length);
      out[i + 1] = after.line(below.number);
      rests.add(out[i + 1]!);
    }
  }
  return out;
}

/** A line with the soft hyphens inside its IDs left out, each told; as it was where the ID they make is unknown. */
function withoutSoftHyphens(line: ReadLine, hasTechnique?: (id: string) => boolean, told?: (broken: BrokenId) => void): ReadLine {
  const { text } = line.folded;
  const cuts: number[] = [];
  for (const match of text.matchAll(SOFT_HYPHEN_IN_ID)) {
    const end = match.index + match[0].length;
    const number = /^\.?\d[\d.]{0,7}/.exec(text.slice(end))![0].replace(/\.$/, '');
    const id = `${match[0].slice(0, -1)}${number}`;
    if (!isTechniqueId(id)) continue;
    const joined = hasTechnique?.(id) ?? true;
    told?.({ line: line.number, next: line.number, written: match[0], rest: number, id, joined });
    if (joined) cuts.push(end - 1);
  }
  if (!cuts.length) return line;
  const row = new JoinedRow();
  let from = 0;
  for (const cut of cuts) {
    row.pushRead(line, from, cut);
    from = cut + 1;
  }
  row.pushRead(line, from, text.length);
  return row.line(line.number);
}
