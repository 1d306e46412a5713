import { nameKey } from '../attack/attack-index.js';
import type { ReferenceStatus } from '../normalize/normalize-types.js';
import { fullName, type ResolveContext } from '../normalize/resolve-reference.js';
import { resolutionMemo, type AskResolution } from './resolution-memo.js';
import { originalSpan, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';
import { pipeCells, trimmed } from './split-id-rows.js';

/** The label of the reading, as a reference's trail gives it. */
export const SIBLING_NUMBER_RULE =
  'a sub-technique written as its number alone after its technique\'s ID (T1566 .001 … .002 Spearphishing Link), taken only where the name after it is that sub-technique\'s';

// A sub-technique number standing alone: after a space, a cell border or the line's start, not part of a longer
// number, a version or an ID (`T1566.002`, `v1.002`, `3.002`), and not followed by more digits or letters.
const BARE_NUMBER = /(?<![\p{L}\p{N}.,:/\\_-])\.(0\d{2})(?![\p{L}\p{N}]|[.,]\p{N})/gu;
// What may stand between the number and the name: spaces, a cell border, a colon or a dash.
const GAP = /^\s*(?:[|:–-]\s*)?/;
const MAX_WORDS = 8;
// Statuses of a name that resolves by itself to one technique (exactly, by an old name, an alias, a close spelling).
const BY_NAME: readonly ReferenceStatus[] = ['name', 'renamed', 'alias', 'fuzzy'];

// What may stand between a technique's ID and its sub-technique's number in the next cell of the same row.
const CELL_BORDER = /^\s*[|\t]\s*$|^\t\s*$/;

/** The label of the reading by a sub-technique column, as a reference's trail gives it. */
export const SUB_COLUMN_RULE =
  "a sub-technique written as its number alone in a column its header calls the sub-technique's (| T1059 | .001 | under | Technique | Sub-technique |), read with its row's technique ID";
// A column header naming sub-techniques (`Sub-technique`, `Sub-Technique`, `Sub-Tech`, `Sub`, `Subtechnique ID`), bold or not.
const SUB_HEADER = /^(?:\*\*|__)?sub[\s-]?(?:techniques?|tech)?(?:\s*(?:id|#|no\.?))?(?:\*\*|__)?$/i;
// A cell of sub-technique numbers alone (`.005`, `.005 / .010 / .011`); a range (`.001-.013`) is none: it names no one.
const NUMBERS_CELL = /^\.0\d{2}(?:\s*[/,&]\s*\.0\d{2})*$/;
// A Markdown table's delimiter row (`|---|:---:|`).
const DELIMITER_ROW = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/**
 * Whether the cell of line `i` (0-based) holding position `at` holds sub-technique numbers alone, in a Markdown table
 * whose header over that cell calls it the sub-technique's (`| Technique | ID | Sub-technique |` over `| Brute Force |
 * T1110 | .003 |`, as SOC write-ups lay out a mapping).
 */
function inSubTechniqueColumn(lines: readonly FoldedText[], i: number, at: number): boolean {
  const text = lines[i]!.text;
  const cells = pipeCells(text);
  const c = cells?.findIndex(([start, end]) => start <= at && at < end) ?? -1;
  if (!cells || c < 0) return false;
  const [start, end] = trimmed(text, cells[c]!);
  if (!NUMBERS_CELL.test(text.slice(start, end))) return false;
  // Up the table's rows to its delimiter row: the header is the row above it.
  let j = i - 1;
  while (j > 0 && !DELIMITER_ROW.test(lines[j]!.text) && pipeCells(lines[j]!.text)) j--;
  if (j < 1 || !DELIMITER_ROW.test(lines[j]!.text)) return false;
  const header = lines[j - 1]!.text;
  const heads = pipeCells(header);
  if (!heads || heads.length !== cells.length) return false;
  const [from, to] = trimmed(header, heads[c]!);
  return SUB_HEADER.test(header.slice(from, to));
}

const parentOf = (id: string): string => id.split('.')[0]!;

/** Sub-techniques read from their number alone, and the references of their technique's ID that a number completed. */
export interface SiblingNumbers {
  found: ExtractedReference[];
  /** `T1566 | .001 | Spearphishing Attachment`: the reference of T1566, which the number in the next cell makes T1566.001. */
  completed: Set<ExtractedReference>;
  /** Those of `found` read by their column's header, with no name after them (`| T1110 | .003 |`). */
  byColumn: Set<ExtractedReference>;
}

/**
 * The sub-techniques a table writes as their number alone under the row of their technique's ID (`Initial Access
 * T1566 .001 Spearphishing Attachment …`⏎`.002 Spearphishing Link`, a report's table with a column for the technique and
 * one for the sub-technique's number, as PDF-to-text writes it). A number alone could be anything (a version, a
 * section), so it is read as a sub-technique only where the ID read last before it (`references`, in the order of the
 * text) is its technique or a sibling, the release has that sub-technique, and the words right after the number (within
 * its cell) resolve by name to exactly it (a name several techniques share, `Spearphishing Link`, where it is that
 * sub-technique's exact name). Where the number stands in the cell right after its technique's ID (`T1566 | .001 |
 * Spearphishing Attachment`), that ID's reference is `completed`: the sub-technique replaces it. Pure.
 */
export function siblingNumbersInLines(lines: readonly FoldedText[], references: readonly ExtractedReference[], context: ResolveContext, ask: AskResolution = resolutionMemo(context)): SiblingNumbers {
  const found: ExtractedReference[] = [];
  const completed = new Set<ExtractedReference>();
  const byColumn = new Set<ExtractedReference>();
  // The references by where their ID is written, to find the one before a number.
  const read = references
    .filter((ref) => ref.ids.length > 0)
    .map((ref) => ({ ref, line: ref.span.line, start: ref.span.start, end: ref.span.end, id: ref.ids[ref.ids.length - 1]! }))
    .sort((a, b) => a.line - b.line || a.start - b.start);
  // The references before the number are `read[0 .. next)`: the text is read once, in order.
  let next = 0;
  for (const [i, folded] of lines.entries()) {
    const line = i + 1;
    for (const match of folded.text.matchAll(BARE_NUMBER)) {
      const span = originalSpan(folded, { start: match.index, end: match.index + match[0].length });
      while (next < read.length && (read[next]!.line < line || (read[next]!.line === line && read[next]!.end <= span.start))) next++;
      // A number inside a reference already read (`T1566 .001`) is that reference's.
      const at = read[next];
      if (at && at.line === line && at.start < span.end) continue;
      const last = read[next - 1];
      if (!last) continue;
      const id = `${parentOf(last.id)}.${match[1]}`;
      const technique = context.target.technique(id);
      if (!technique || technique.revoked || technique.deprecated) continue;
      const after = folded.text.slice(match.index + match[0].length, match.index + match[0].length + 200);
      const gap = GAP.exec(after)![0].length;
      const start = match.index + match[0].length + gap;
      // Words up to a cell border, or the end of a sentence or clause.
      const words = [...after.slice(gap).matchAll(/\S+/g)];
      // The most words that name it (`Sudo and Sudo Caching`, not `Sudo`, an old name); a close spelling only when
      // no more words name it exactly.
      // The ends of the words a name may be, in order.
      const ends: number[] = [];
      for (const word of words.slice(0, MAX_WORDS)) {
        if (word[0] === '|' || !/\p{L}/u.test(word[0])) break;
        ends.push(start + word.index + word[0].replace(/[.,;]$/, '').length);
        if (/[.,;]$/.test(word[0])) break;
      }
      // An exact name of the release first (a look-up), then one that resolves in another form (an old name, an alias).
      const exactEnd = ends.findLast((end) => context.target.techniquesByName(folded.text.slice(start, end)).some((each) => each.id === id));
      let best: { end: number; fuzzy: boolean } | undefined = exactEnd === undefined ? undefined : { end: exactEnd, fuzzy: false };
      for (const end of best ? [] : ends) {
        const name = folded.text.slice(start, end);
        // Only the status and IDs count here: an unknown phrase's similar names are not looked for.
        const byName = ask({ raw: name }, { similarNames: false });
        const exact = [technique.name, fullName(context.target, technique)].some((each) => nameKey(each) === nameKey(name));
        if ((BY_NAME.includes(byName.status) && byName.ids.length === 1 && byName.ids[0] === id) || (byName.status === 'ambiguous' && exact)) {
          const fuzzy = byName.status === 'fuzzy';
          if (!best || !fuzzy) best = { end, fuzzy };
        }
      }
      const between = folded.original.slice(last.end, span.start);
      if (!best) {
        // `| Brute Force | T1110 | .003 |` under `| Technique | ID | Sub-technique |`: a number with no name after it, in
        // the row of its technique's ID, in a column its header calls the sub-technique's.
        if (last.line !== line || parentOf(last.id) !== parentOf(id) || !inSubTechniqueColumn(lines, i, match.index)) continue;
        if (last.id === parentOf(id) && last.ref.ids.length === 1 && CELL_BORDER.test(between)) completed.add(last.ref);
        const reference: ExtractedReference = { raw: id, line, ids: [id], tactics: [...last.ref.tactics], span: { line, ...span } };
        byColumn.add(reference);
        found.push(reference);
        continue;
      }
      const nameSpan = originalSpan(folded, { start, end: best.end });
      const written = folded.text.slice(start, best.end).replace(/\s+/g, ' ');
      const completes = last.line === line && last.id === parentOf(id) && last.ref.ids.length === 1 && CELL_BORDER.test(between);
      if (completes) completed.add(last.ref);
      found.push({
        raw: `${written} (${id})`,
        line,
        ids: [id],
        name: written,
        // The completed reference's row gives its tactic.
        tactics: completes ? last.ref.tactics : [],
        span: { line, ...span },
        nameSpan: { line, ...nameSpan },
      });
    }
  }
  return { found, completed, byColumn };
}
