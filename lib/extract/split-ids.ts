import type { AttackIndex } from '../attack/attack-index.js';
import type { FoldedText } from '../normalize/tokenize-references.js';
import { onlyStopWords, withoutMarkup } from '../normalize/tokenize-references.js';
import { citedLines, type ExtractedReference } from './extract-references.js';

// What may follow a technique ID at the end of its line when a line break split it from its sub-technique number.
const ID_AT_LINE_END = /^(\.?)\s*$/;
const TECHNIQUE_ONLY = /^T\d{4}$/;

/**
 * The sub-technique number that starts `next`, the line after an ID that ends at `idEnd` of `line` with at most a dot
 * after it (`T1059.`⏎`001`, `T1059`⏎`.001`), as matched there; undefined otherwise.
 */
function numberAfterBreak(line: string, idEnd: number, next: string): RegExpExecArray | undefined {
  const rest = ID_AT_LINE_END.exec(line.slice(idEnd));
  if (!rest) return undefined;
  const dot = rest[1] ? '' : '\\.';
  return new RegExp(`^\\s*${dot}(0\\d{2})(?![\\d.])`).exec(next) ?? undefined;
}

/**
 * Where the sub-technique number that `joinSplitIds` joined to a reference's ID ends on the line after the ID's
 * (`T1059.`⏎`001 ran the payload`: 3); undefined for an ID written on one line. Pure.
 */
export function joinedNumberEnd(ref: ExtractedReference, lines: readonly FoldedText[]): number | undefined {
  const id = ref.ids[0];
  const line = lines[ref.span.line - 1]?.original;
  const next = lines[ref.span.line]?.original;
  if (ref.ids.length !== 1 || !id || line === undefined || next === undefined || !ref.raw.includes('\n')) return undefined;
  const sub = numberAfterBreak(line, ref.span.end, next);
  return sub && id === `${line.slice(ref.span.start, ref.span.end)}.${sub[1]}` ? sub[0].length : undefined;
}

/**
 * Join a sub-technique number that a line break split from its technique (`T1059.`⏎`001`, `T1059`⏎`.001`, as
 * pdftotext leaves a wrapped cell): the reference is written again with the line break in it, which the reader joins
 * (`read: line breaks joined`), and takes the sub-technique. Only where the next line starts with the number (a dot on
 * one side of the break), the number starts with 0 as every sub-technique's does, and the release has the sub-technique.
 */
export function joinSplitIds(references: readonly ExtractedReference[], lines: readonly FoldedText[], target: AttackIndex): ExtractedReference[] {
  return references.flatMap((ref) => rowsOfOneTechnique(ref, lines, target) ?? [joinedSplitId(ref, lines, target)]);
}

/**
 * `T1059.`⏎`001` … `T1059.`⏎`003` (a table's narrow ID column, pdftotext): rows of one technique, each ID split from its
 * own sub-technique number, which the reader met as one technique cited on several lines. Each is a reference of its
 * own, the ID its line's number makes, with no name (the line before or after a bare ID, which the reader may have taken
 * as its name, may be another row's); the lines that cite the technique unsplit stay one reference. Undefined where the
 * reference is cited on one line, or split on its own line only (`joinedSplitId`).
 */
function rowsOfOneTechnique(ref: ExtractedReference, lines: readonly FoldedText[], target: AttackIndex): ExtractedReference[] | undefined {
  const id = ref.ids[0];
  const cited = citedLines(ref);
  if (ref.ids.length !== 1 || !id || !TECHNIQUE_ONLY.test(id) || cited.length < 2) return undefined;
  const rows: ExtractedReference[] = [];
  const unsplit: number[] = [];
  const idAt = (line: string) => [...line.matchAll(new RegExp(`(?<![\\w.])${id}(?!\\d)`, 'g'))].at(-1);
  for (const cite of cited) {
    // A bare ID named by the line before it is cited on that line: its own is the next.
    const number = !idAt(lines[cite - 1]?.original ?? '') && idAt(lines[cite]?.original ?? '') ? cite + 1 : cite;
    const line = lines[number - 1]?.original ?? '';
    const next = lines[number]?.original;
    // The ID last written on the line, where a break may split it (`T1059.` at its end).
    const at = idAt(line);
    const sub = at && next !== undefined ? numberAfterBreak(line, at.index + id.length, next) : undefined;
    const joined = sub ? `${id}.${sub[1]}` : undefined;
    if (!at || !sub || !joined || !target.technique(joined)) {
      unsplit.push(cite);
      continue;
    }
    const span = { line: number, start: at.index, end: at.index + id.length };
    rows.push({ raw: `${line.slice(at.index).trimEnd()}\n${sub[0].trim()}`, line: number, ids: [joined], tactics: ref.tactics, span });
  }
  if (rows.length < 2 && !(rows.length === 1 && rows[0]!.line !== ref.span.line)) return undefined;
  // The lines citing the technique unsplit: one reference, its name kept where its own line is among them.
  const first = unsplit[0];
  const own = unsplit.includes(ref.span.line);
  const { name: _name, nameSpan: _nameSpan, lines: _lines, ...bare } = ref;
  const kept = { ...(own ? ref : bare), line: own ? ref.line : first!, ...(unsplit.length > 1 ? { lines: unsplit } : {}) };
  if (!own && first !== undefined) {
    const line = lines[first - 1]?.original ?? '';
    const start = line.search(new RegExp(`(?<![\\w.])${id}(?!\\d)`));
    Object.assign(kept, { raw: id, span: { line: first, start, end: start + id.length } });
  }
  if (!unsplit.length || (own && !unsplit.includes(ref.line))) delete (kept as { lines?: number[] }).lines;
  return [...rows, ...(first === undefined ? [] : [kept])].sort((a, b) => a.line - b.line);
}

/** One reference's ID joined to the sub-technique number a line break split from it, where it is (see `joinSplitIds`). */
function joinedSplitId(ref: ExtractedReference, lines: readonly FoldedText[], target: AttackIndex): ExtractedReference {
  {
    const id = ref.ids[0];
    if (ref.ids.length !== 1 || !id || !TECHNIQUE_ONLY.test(id)) return ref;
    const line = lines[ref.span.line - 1]?.original;
    const next = lines[ref.span.line]?.original;
    if (line === undefined || next === undefined) return ref;
    const sub = numberAfterBreak(line, ref.span.end, next);
    const joined = sub ? `${id}.${sub[1]}` : undefined;
    if (!sub || !joined || !target.technique(joined)) return ref;
    const written = `${line.slice(ref.span.start, ref.span.end)}${line.slice(ref.span.end).trimEnd()}\n${sub[0].trim()}`;
    const { nameSpan } = ref;
    // A bare ID's name taken from another line (`neighbourName`): from the line right after it, that line's text after
    // the number, which is no part of the name (`T1059.`⏎`001 PowerShell`); from another line, as it was.
    if (nameSpan && nameSpan.line !== ref.span.line) {
      const after = nameSpan.line > ref.span.line;
      const nameLine = lines[nameSpan.line - 1]?.original ?? '';
      let start = nameSpan.line === ref.span.line + 1 ? Math.max(nameSpan.start, sub[0].length) : nameSpan.start;
      start += Math.max(0, nameLine.slice(start, nameSpan.end).search(/\S/));
      const nameText = nameLine.slice(start, nameSpan.end).trim();
      const name = withoutMarkup(nameText).replace(/\s+/g, ' ').trim();
      const { name: _name, nameSpan: _nameSpan, ...bare } = ref;
      // What the number leaves is a name only if it has a letter and is not only a sentence's words (`T1059.`⏎`001 ran`).
      if (!/\p{L}/u.test(name) || onlyStopWords(name.split(' '))) return { ...bare, line: ref.span.line, raw: written, ids: [joined] };
      return { ...bare, raw: after ? `${written} | ${nameText}` : `${nameText} | ${written}`, ids: [joined], name, nameSpan: { ...nameSpan, start } };
    }
    if (ref.span.line !== ref.line) return ref;
    return { ...ref, raw: `${ref.raw}${line.slice(ref.span.end).trimEnd()}\n${sub[0].trim()}`, ids: [joined] };
  }
}
