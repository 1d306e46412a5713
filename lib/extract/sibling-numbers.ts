import { nameKey } from '../attack/attack-index.js';
import type { ReferenceStatus } from '../normalize/normalize-types.js';
import { fullName, type ResolveContext } from '../normalize/resolve-reference.js';
import { resolutionMemo, type AskResolution } from './resolution-memo.js';
import { originalSpan, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';

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

const parentOf = (id: string): string => id.split('.')[0]!;

/** Sub-techniques read from their number alone, and the references of their technique's ID that a number completed. */
export interface SiblingNumbers {
  found: ExtractedReference[];
  /** `T1566 | .001 | Spearphishing Attachment`: the reference of T1566, which the number in the next cell makes T1566.001. */
  completed: Set<ExtractedReference>;
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
      if (!best) continue;
      const nameSpan = originalSpan(folded, { start, end: best.end });
      const written = folded.text.slice(start, best.end).replace(/\s+/g, ' ');
      const between = folded.original.slice(last.end, span.start);
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
  return { found, completed };
}
