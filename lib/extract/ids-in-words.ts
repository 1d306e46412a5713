import { FOOTNOTE_RULE, GLUED_CAPITALS_RULE, SPLIT_DIGITS_RULE, originalSpan, scanIds, visitIds, type FoldedText, type IdInWordKind, type ReadingRule } from '../normalize/tokenize-references.js';

/** An ID inside a longer word, which is not read as a reference (`chain-T1021.x`, `PRE-T1156`, `$env:TEMPT1055.dll`). */
export interface IdInWord {
  line: number;
  /** The word as written. */
  written: string;
  /** The IDs it holds, as they would be read alone. */
  ids: string[];
  /** Joined to the word before by a hyphen or an underscore, or glued to a word in a path or a file's name. */
  kind: IdInWordKind;
}

// Only a line with an ID joined to a word before it, or glued to letters (or to digits: `C:WindowsSystem32T1059.ps1`), is
// scanned again.
const JOINED = /[\p{L}\p{N}][-_][Tt]\d|[A-Za-z0-9]T\d{4}/u;

/** Whether a text (a table cell) holds an ID inside a longer word (`[dumping-t1003](meta/dumping-t1003/)`). */
export function holdsIdInWord(text: string): boolean {
  let found = false;
  if (JOINED.test(text)) visitIds(text, () => undefined, () => (found = true));
  return found;
}

/**
 * The words of a report's lines that hold an ID joined to the word before it by a hyphen or an underscore (a detector's
 * or a test's name, a tag, an ID of another scheme), or glued to a word in a path or a file's name (`$env:TEMPT1055.dll`,
 * `C:\\Users\\Public\\payloadT1059.001`, a path PDF-to-text ran together). They may stand for the technique or not, so
 * they are no references; the caller reports them. Pure.
 */
export function idsInWords(lines: readonly FoldedText[]): IdInWord[] {
  const found: IdInWord[] = [];
  const seen = new Set<string>();
  for (const [i, folded] of lines.entries()) {
    if (!JOINED.test(folded.text)) continue;
    visitIds(
      folded.text,
      () => undefined,
      (word, at, kind) => {
        const ids = scanIds(folded.text.slice(at, word.end))[0]?.ids ?? [];
        const { start, end } = originalSpan(folded, word);
        // A Markdown link's text and its address (`[dumping-t1003](meta/dumping-t1003/)`) are one mention.
        const key = `${i + 1} ${ids.join()}`;
        if (ids.length && !seen.has(key)) {
          seen.add(key);
          found.push({ line: i + 1, written: folded.original.slice(start, end), ids, kind });
        }
      },
    );
  }
  return found;
}

/**
 * An ID read by a guess that the caller reports: out of a longer word, glued to a word in capitals or to a footnote, or
 * from digits a space split.
 */
export interface GuessedId {
  line: number;
  /** The word as written (`SSHT1570`, `T1059.00112`). */
  written: string;
  /** The ID read from it, and where the ID is written (in the line as written). */
  id: string;
  at: number;
  rule: ReadingRule;
  /** What was left out: the word in capitals before the ID, or the footnote's number after it (none for a space). */
  left: string;
}

// Only a line with such a word is scanned again: capitals glued before an ID, digits after a sub-technique's three, or
// a space among an ID's digits in brackets.
const GUESSED = /[A-Z]{3}T\d{4}|T\d{4}\.0\d{3}|[[(]T\d{1,3} \d/;
const GUESSES: readonly ReadingRule[] = [GLUED_CAPITALS_RULE, FOOTNOTE_RULE, SPLIT_DIGITS_RULE];

/**
 * The IDs of a report's lines that the reader takes out of a longer word by a guess (`over SSHT1570`, a scraped table's
 * cells run together; `T1059.00112`, a footnote's number that PDF-to-text glued to the ID): the word as written, to
 * report with the reference. Pure.
 */
export function guessedIds(lines: readonly FoldedText[]): GuessedId[] {
  const found: GuessedId[] = [];
  for (const [i, folded] of lines.entries()) {
    if (!GUESSED.test(folded.text)) continue;
    visitIds(folded.text, (token) => {
      const rule = GUESSES.find((guess) => token.rules.includes(guess));
      const id = token.ids[0];
      if (!rule || token.ids.length !== 1 || !id) return;
      // The capitals the ID is glued to are part of the word as written.
      const capitals = rule === GLUED_CAPITALS_RULE ? /[A-Z]*$/.exec(folded.text.slice(Math.max(0, token.start - 6), token.start))![0] : '';
      const span = originalSpan(folded, { start: token.start - capitals.length, end: token.end });
      const written = folded.original.slice(span.start, span.end);
      const left = capitals || (/\.0\d{2}(\d{1,2})$/.exec(written)?.[1] ?? '');
      found.push({ line: i + 1, written, id, at: originalSpan(folded, token).start, rule, left });
    });
  }
  return found;
}
