import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/types.js';
import type { Candidate, Resolution } from '../normalize/normalize-types.js';
import { fullName } from '../normalize/resolve-reference.js';
import { originalSpan, tokenizeReferences, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';

// A capital T and five digits, a word of its own: not inside a longer word, number, path or timestamp (`20130719T105931Z`),
// nor followed by a decimal. A lower-case t and five digits is a variable's name (`double t10593;`), not a report's ID.
const FIVE_DIGITS = /(?<![\p{L}\p{N}._/\\-])T(\d{4})(\d)(?![\p{L}\p{N}_]|[.,/-]\p{N})/gu;

/**
 * `T10593`: a T and five digits whose first four are a technique of the release, as a typo or PDF-to-text writes
 * T1059.003 (the dot and zeros lost) or T1059 with a footnote's 3 glued to it. Which one is meant cannot be told from
 * the word, so each is a reference with the word as its malformed ID, no ID, for `fiveDigitResolution` to report with
 * both readings. Any other T and five digits (`model T12345`) is no ID. The name written beside it is its name where it
 * names the technique of one of its readings or of the word with a digit too many (`typedTechnique`), or the run of its
 * last words that does (`namingRun`: a sentence's words before the name are no part of it). Pure.
 */
export function fiveDigitIdsInLines(lines: readonly FoldedText[], target: AttackIndex): ExtractedReference[] {
  const found: ExtractedReference[] = [];
  for (const [i, folded] of lines.entries()) {
    for (const match of folded.text.matchAll(FIVE_DIGITS)) {
      if (!target.technique(`T${match[1]}`)) continue;
      const span = originalSpan(folded, { start: match.index, end: match.index + match[0].length });
      const written = folded.original.slice(span.start, span.end);
      const names = (words: string): boolean => readings(written, target).some(({ record }) => target.techniquesByName(words).includes(record)) || typedTechnique(written, words, target) !== undefined;
      const name = namingRun(nameBeside(folded.text, match.index, match.index + match[0].length), names);
      found.push({ raw: written, line: i + 1, ids: [], ...(name !== undefined ? { name } : {}), tactics: [], span: { line: i + 1, ...span }, malformed: written });
    }
  }
  return found;
}

// An ID of the form the tokenizer reads, set where the five-digit word stands so that the name beside it is read as one
// beside an ID is.
const PLACEHOLDER = 'T0000';

/** The name written beside a five-digit word in its table cell (or its line, outside a table), as read beside an ID. */
function nameBeside(text: string, start: number, end: number): string | undefined {
  const cellStart = text.lastIndexOf('|', start - 1) + 1;
  const bar = text.indexOf('|', end);
  const cell = `${text.slice(cellStart, start)}${PLACEHOLDER}${text.slice(end, bar < 0 ? text.length : bar)}`;
  return tokenizeReferences(cell).refs.find((ref) => ref.idSpan.start === start - cellStart)?.name;
}

/**
 * The longest run of a name's last words that `names` accepts: the name whole in a table's cell, its end in a sentence
 * (`They ran Network Service Discovery (T10466) against the subnet.`, whose words before the ID the tokenizer reads as
 * one name, gives `Network Service Discovery`); undefined where no run does.
 */
function namingRun(name: string | undefined, names: (words: string) => boolean): string | undefined {
  const words = name?.split(' ') ?? [];
  return words.map((_, k) => words.slice(k).join(' ')).find(names);
}

/**
 * The technique a name beside a five-digit word names whose ID is the word with one digit too many (`Network Service
 * Discovery (T10146)`, a ransomware TTP table's typo for T1046): undefined where the name names no such technique.
 */
function typedTechnique(written: string, name: string, target: AttackIndex): TechniqueRecord | undefined {
  const digits = written.slice(1);
  const ids = new Set([...digits].map((_, k) => `T${digits.slice(0, k)}${digits.slice(k + 1)}`));
  return target.techniquesByName(name).find((record) => ids.has(record.id) && !record.revoked && !record.deprecated);
}

/** The IDs of the release a five-digit word may be: T1059.003 (its fifth digit a sub-technique's number), T1059 (a footnote's). */
function readings(written: string, target: AttackIndex): Array<{ id: string; how: string; why: string; record: TechniqueRecord }> {
  const [technique, digit] = [written.slice(0, 5), written.slice(5)];
  const all = [
    { id: `${technique}.00${digit}`, how: `the sub-technique .00${digit}`, why: `"${written}" with its fifth digit as the sub-technique number .00${digit}, the dot and zeros lost` },
    { id: technique, how: `a footnote's ${digit} glued to it`, why: `"${written}" with a footnote's ${digit} glued to it` },
  ];
  return all.flatMap((reading) => {
    const record = target.technique(reading.id);
    return record ? [{ ...reading, record }] : [];
  });
}

/** Whether a malformed ID is a T and five digits (`fiveDigitIdsInLines`). */
export const isFiveDigitId = (malformed: string): boolean => /^T\d{5}$/.test(malformed);

/**
 * What `T10593` may mean, the IDs of the release it may be (T1059.003, its fifth digit as a sub-technique's number;
 * T1059, the digit a footnote's), and first the technique the name beside it names where that is the word with a digit
 * too many (`Network Service Discovery (T10146)`: T1046, not T1014 Rootkit): unknown, each as a candidate, for the
 * analyst to decide.
 */
export function fiveDigitResolution(written: string, target: AttackIndex, name?: string): Pick<Resolution, 'status' | 'ids' | 'note' | 'candidates' | 'warnings' | 'trail'> {
  const typed = name === undefined ? undefined : typedTechnique(written, name, target);
  const read = readings(written, target);
  const beside = `which the name "${name}" beside it names`;
  const known = !typed
    ? read
    : read.some((reading) => reading.record === typed)
      ? [...read.filter((reading) => reading.record === typed).map((reading) => ({ ...reading, how: `${reading.how}, ${beside}` })), ...read.filter((reading) => reading.record !== typed)]
      : [{ id: typed.id, how: `a digit too many, ${beside}`, why: `"${written}" with a digit too many, beside the name "${name}"`, record: typed }, ...read];
  const candidates: Candidate[] = known.map(({ record, why }) => ({ id: record.id, name: fullName(target, record), tactics: [...record.tactics], why }));
  const meant = known.map(({ record, how }) => `${record.id} ${fullName(target, record)} (${how})`);
  const note = `malformed ID "${written}": a technique ID has four digits; did you mean ${meant.join(' or ')}? It is not read as ${known.length === 1 ? 'it' : known.length === 2 ? 'either' : 'any'}: check the text`;
  return { status: 'unknown', ids: [], note, candidates, warnings: [], trail: [] };
}
