import type { AttackIndex } from '../attack/attack-index.js';
import type { Candidate, Resolution } from '../normalize/normalize-types.js';
import { fullName } from '../normalize/resolve-reference.js';
import { originalSpan, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';

// A capital T and five digits, a word of its own: not inside a longer word, number, path or timestamp (`20130719T105931Z`),
// nor followed by a decimal. A lower-case t and five digits is a variable's name (`double t10593;`), not a report's ID.
const FIVE_DIGITS = /(?<![\p{L}\p{N}._/\\-])T(\d{4})(\d)(?![\p{L}\p{N}_]|[.,/-]\p{N})/gu;

/**
 * `T10593`: a T and five digits whose first four are a technique of the release, as a typo or PDF-to-text writes
 * T1059.003 (the dot and zeros lost) or T1059 with a footnote's 3 glued to it. Which one is meant cannot be told from
 * the word, so each is a reference with the word as its malformed ID, no ID, for `fiveDigitResolution` to report with
 * both readings. Any other T and five digits (`model T12345`) is no ID. Pure.
 */
export function fiveDigitIdsInLines(lines: readonly FoldedText[], target: AttackIndex): ExtractedReference[] {
  const found: ExtractedReference[] = [];
  for (const [i, folded] of lines.entries()) {
    for (const match of folded.text.matchAll(FIVE_DIGITS)) {
      if (!target.technique(`T${match[1]}`)) continue;
      const span = originalSpan(folded, { start: match.index, end: match.index + match[0].length });
      const written = folded.original.slice(span.start, span.end);
      found.push({ raw: written, line: i + 1, ids: [], tactics: [], span: { line: i + 1, ...span }, malformed: written });
    }
  }
  return found;
}

/** Whether a malformed ID is a T and five digits (`fiveDigitIdsInLines`). */
export const isFiveDigitId = (malformed: string): boolean => /^T\d{5}$/.test(malformed);

/**
 * What `T10593` may mean, the IDs of the release it may be (T1059.003, its fifth digit as a sub-technique's number;
 * T1059, the digit a footnote's): unknown, both as candidates, for the analyst to decide.
 */
export function fiveDigitResolution(written: string, target: AttackIndex): Pick<Resolution, 'status' | 'ids' | 'note' | 'candidates' | 'warnings' | 'trail'> {
  const [technique, digit] = [written.slice(0, 5), written.slice(5)];
  const readings = [
    { id: `${technique}.00${digit}`, how: `the sub-technique .00${digit}`, why: `"${written}" with its fifth digit as the sub-technique number .00${digit}, the dot and zeros lost` },
    { id: technique, how: `a footnote's ${digit} glued to it`, why: `"${written}" with a footnote's ${digit} glued to it` },
  ];
  const known = readings.flatMap((reading) => {
    const record = target.technique(reading.id);
    return record ? [{ ...reading, record }] : [];
  });
  const candidates: Candidate[] = known.map(({ record, why }) => ({ id: record.id, name: fullName(target, record), tactics: record.tactics, why }));
  const meant = known.map(({ record, how }) => `${record.id} ${fullName(target, record)} (${how})`);
  const note = `malformed ID "${written}": a technique ID has four digits; did you mean ${meant.join(' or ')}? It is not read as either: check the text`;
  return { status: 'unknown', ids: [], note, candidates, warnings: [], trail: [] };
}
