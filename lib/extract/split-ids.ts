import type { AttackIndex } from '../attack/attack-index.js';
import type { FoldedText } from '../normalize/tokenize-references.js';
import { onlyStopWords, withoutMarkup } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';

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
  return references.map((ref) => {
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
  });
}
