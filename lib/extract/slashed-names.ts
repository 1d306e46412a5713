import type { TextSpan } from '../normalize/tokenize-references.js';

/**
 * The parts of a name parted by spaced slashes, one for each of `count` IDs beside it, where each part names a
 * technique (`names`): `Input Capture / Phishing for Information` beside `T1056 / T1598`, a SOC write-up's table cell
 * or sentence. None where the parts count otherwise or one names none, for a slash also parts a technique's own name
 * (`Registry Run Keys / Startup Folder` beside `T1547 / T1547.001`), whose parts name none. The parts are spans of
 * `text`, their spaces left out. Pure.
 */
export function slashedNameParts(text: string, count: number, names: (part: TextSpan) => boolean): TextSpan[] {
  const parts: TextSpan[] = [];
  let start = 0;
  for (const match of text.matchAll(/ \/ /g)) {
    parts.push(trimmed(text, { start, end: match.index }));
    start = match.index + match[0].length;
  }
  parts.push(trimmed(text, { start, end: text.length }));
  return parts.length === count && parts.every(names) ? parts : [];
}

/** A span of a text without the spaces at its ends. */
function trimmed(text: string, span: TextSpan): TextSpan {
  const piece = text.slice(span.start, span.end);
  const start = span.start + (piece.length - piece.trimStart().length);
  return { start, end: Math.max(start, span.end - (piece.length - piece.trimEnd().length)) };
}
