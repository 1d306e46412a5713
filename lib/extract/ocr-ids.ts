import type { ReferenceStatus } from '../normalize/normalize-types.js';
import { nameKey } from '../attack/attack-index.js';
import { withDigitPutBack } from '../attack/technique-id.js';
import { ICS_WIKI_RULE, LOST_DIGIT_RULE, type ResolveContext } from '../normalize/resolve-reference.js';
import { resolutionMemo, type AskResolution } from './resolution-memo.js';
import { keyedNameAfter, originalSpan, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';
import { nameAround } from './name-around.js';

/**
 * A technique ID written in a shape the reader does not take alone, with the name that vouches for it: its T read by OCR
 * as a 7 or a 1 (`71021.001`), a space after its T (`T 1078`) or inside its digits (`T15 47.001`), a letter glued after
 * it (`T1053.005a`).
 */
export interface OcrId {
  reference: ExtractedReference;
  /** The word as written (`71114`). */
  written: string;
  /** The label of the repair, as the reference's trail gives it. */
  rule: string;
}

/** A word shaped like such an ID, of a technique the release has, with no name before it that vouches for it (`71566.001`). */
export interface DoubtfulOcrId {
  line: number;
  /** The word as written (`71566.001`). */
  written: string;
  /** The ID it would be (`T1566.001`). */
  id: string;
  /** Whether the word has a T (`T 1078`, `T15 47.001`, `T1053.005a`): reported wherever it is, not only on a line that cites techniques. */
  hasT: boolean;
}

/** The labels of the repairs, as a reference's trail gives them. */
export const OCR_T_RULE = 'a T read by OCR as 7 or 1 (71021.001, 11566.002), taken only where the name before it is that technique\'s';
export const SPACE_AFTER_T_RULE = 'a space after the T of a technique\'s ID (T 1078), taken only where the name before it is that technique\'s';
export const SPACE_IN_DIGITS_RULE = 'a space inside the four digits of a technique\'s ID (T15 47.001), taken only where the name before it is that technique\'s';
export const LETTER_AFTER_RULE = 'a letter glued after an ID (T1053.005a), taken only where the name before it is that technique\'s';

// The shapes, each with its repair; the ID's digits are group 1, less any space. Not part of a longer number, word,
// version or date.
// A space after the T is read by the reader itself in a full `T 1569.002`; alone it may be no ID (`T 2020`), and a
// letter after an ID may make a longer word (`T1059a`, a test's name): the name before it decides.
const WORDS: ReadonlyArray<readonly [rule: string, pattern: RegExp]> = [
  // A word of five digits (and a sub-technique number) starting 7 or 1.
  [OCR_T_RULE, /(?<![\p{L}\p{N}.,:/-])[71](\d{4}(?:\.\d{3})?)(?![\p{L}\p{N}]|[.,]\p{N})/gu],
  // `Valid Accounts T 1078` (pdftotext of a table); not the `T 1 1 9 3` of a spaced heading, nor `T 1569.002`.
  [SPACE_AFTER_T_RULE, /(?<![\p{L}\p{N}.,:/_-])T (\d{4})(?![\p{L}\p{N}]|[.,]\p{N}| \.?\p{N})/gu],
  // `Registry Run Keys / Startup Folder T15 47.001` (pdftotext of a table): the four digits split 1+3, 2+2 or 3+1; not
  // `T1 2020`, nor a longer run of numbers (`T15 47 12`), nor a sub-technique's alone in brackets (`[T107 1.001]`), which
  // the reader itself takes (`SPLIT_DIGITS_RULE`).
  [SPACE_IN_DIGITS_RULE, /(?<![\p{L}\p{N}.,:/_-]|[[(](?=T[\d ]{5}\.\d{3}[\])]))T((?:\d \d{3}|\d{2} \d{2}|\d{3} \d)(?:\.\d{3})?)(?![\p{L}\p{N}]|[.,]\p{N}| \.?\p{N})/gu],
  // `Scheduled Task T1053.005a` (a footnote's mark, or a table's cells run together): one lower-case letter.
  [LETTER_AFTER_RULE, /(?<![\p{L}\p{N}.,:/_-])T(\d{4}(?:\.\d{3})?)\p{Ll}(?![\p{L}\p{N}]|[.,]\p{N})/gu],
  // `MITRE defines T816: Device Restart/Shutdown` (Armis's 2020 blog series on ATT&CK for ICS): the wiki numbered its
  // techniques T800 to T882. A T and three digits is many things else (a model, a terminal), so only a name vouches.
  [ICS_WIKI_RULE, /(?<![\p{L}\p{N}.,:/_-])T(8\d\d)(?![\p{L}\p{N}]|[.,]\p{N})/gu],
  // `Exploitation for Privilege Escalation - T106` (a PDF paper's table, pdftotext): three digits, a technique's four with
  // one lost. Only the name beside it vouches, and only for a technique whose ID is the three with a digit put back; not
  // `T8` and two digits, the ICS wiki's (above), which no other technique's ID becomes by losing a digit.
  [LOST_DIGIT_RULE, /(?<![\p{L}\p{N}.,:/_-])T((?!8)\d{3})(?![\p{L}\p{N}]|[.,]\p{N})/gu],
];

// What may stand between the name and the word: spaces, or a colon or dash between spaces; or an opening bracket that
// holds the word alone (`Valid Accounts (T 1078)`), after spaces.
const GAP = /(?:^|[^\s:–-])(\s*[:–-]?\s*)$/;
const BRACKET_GAP = /\s*[([]$/;
const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']' };
const MAX_WORDS = 8;
// Statuses of a name that resolves by itself to one technique (exactly, by an old name, an alias, a close spelling).
const BY_NAME: readonly ReferenceStatus[] = ['name', 'renamed', 'alias', 'fuzzy'];

/**
 * The technique IDs a report's OCR wrote with a 7 or a 1 for the T (`Email Collection 71114`), or PDF-to-text with a
 * space after the T (`Valid Accounts T 1078`) or inside the digits (`Startup Folder T15 47.001`), or a letter glued after
 * it (`Scheduled Task T1053.005a`). Any five-digit number could be one, and `T 2020`, `T19 99` or `T1059a` may be no ID,
 * so a word is read as an ID only when the release has that technique and the words right before it, or before a bracket
 * that holds it alone (`Valid Accounts (T 1078)`), on its line, within its cell or sentence, resolve by name to exactly
 * that technique; the fewest such words name it.
 * The words of such techniques that no name vouches for are `doubtful`, for the caller to report where they may be IDs.
 */
export function ocrIdsInLines(lines: readonly FoldedText[], context: ResolveContext, ask: AskResolution = resolutionMemo(context)): { found: OcrId[]; doubtful: DoubtfulOcrId[] } {
  const found: OcrId[] = [];
  const doubtful: DoubtfulOcrId[] = [];
  for (const [i, folded] of lines.entries()) {
    for (const [rule, pattern] of WORDS) readWords(i, folded, rule, pattern);
  }
  return { found, doubtful };

  /** The one technique words resolve to by name (only the status and IDs count: no similar names are looked for). */
  function namedId(name: string): string | undefined {
    const byName = ask({ raw: name }, { similarNames: false });
    return BY_NAME.includes(byName.status) && byName.ids.length === 1 ? byName.ids[0] : undefined;
  }

  /** The deprecated or revoked technique of `ids` whose name the words are exactly (no resolution names it as current). */
  function retiredNamed(name: string, ids: readonly string[]): string | undefined {
    return ids.find((id) => {
      const technique = context.target.technique(id);
      return technique && (technique.revoked || technique.deprecated) && nameKey(technique.name) === nameKey(name);
    });
  }

  function readWords(i: number, folded: FoldedText, rule: string, pattern: RegExp): void {
    for (const match of folded.text.matchAll(pattern)) {
      const wiki = rule === ICS_WIKI_RULE;
      const lost = rule === LOST_DIGIT_RULE;
      // The IDs the word may be, of techniques the release has; the name beside it decides among several.
      // A wiki ID may be of a technique ATT&CK has since deprecated (`T875: Change Program State`, T0875): its exact name
      // still vouches, and resolving says it is deprecated, rather than the citation being dropped unsaid.
      const ids = (lost ? withDigitPutBack(match[1]!) : [`T${wiki ? '0' : ''}${match[1]!.replace(' ', '')}`]).filter((each) => {
        const technique = context.target.technique(each);
        return technique && (wiki || (!technique.revoked && !technique.deprecated));
      });
      if (!ids.length) continue;
      const named = (name: string): string | undefined => {
        const id = namedId(name) ?? retiredNamed(name, ids);
        return id !== undefined && ids.includes(id) ? id : undefined;
      };
      const vouched = found.length;
      const before = folded.text.slice(Math.max(0, match.index - 200), match.index);
      // `Valid Accounts (T 1078)`, the report's `Name (ID)`: the name ends before the bracket, which the reference spans.
      const closing = CLOSING[before.at(-1) ?? ''];
      const bracketed = closing !== undefined && folded.text[match.index + match[0].length] === closing;
      const gap = bracketed ? BRACKET_GAP.exec(before)![0] : GAP.exec(before)?.[1] ?? '';
      const end = match.index + match[0].length + (bracketed ? 1 : 0);
      // Words back to a cell border, the end of the sentence or clause before, or a number.
      const words = [...before.slice(0, before.length - gap.length).matchAll(/\S+/g)];
      for (let n = 1; n <= MAX_WORDS && n <= words.length; n++) {
        const word = words[words.length - n]!;
        // A `/` or `&` between a name's words (`Registry Run Keys / Startup Folder`) is part of it, never its first word.
        if (/^[/&]$/.test(word[0])) continue;
        if (/[|]|[.,;!?]$/.test(word[0]) || !/\p{L}/u.test(word[0])) break;
        const start = match.index - before.length + word.index;
        const name = folded.text.slice(start, match.index - gap.length);
        const id = named(name);
        if (!id) continue;
        const nameSpan = originalSpan(folded, { start, end: match.index - gap.length });
        const span = originalSpan(folded, { start, end });
        found.push({
          written: match[0],
          rule,
          reference: {
            raw: folded.original.slice(span.start, span.end),
            line: i + 1,
            ids: [id],
            name: name.replace(/\s+/g, ' '),
            tactics: [],
            span: { line: i + 1, ...span },
            nameSpan: { line: i + 1, ...nameSpan },
          },
        });
        break;
      }
      // `Phishing: Spearphishing 71566.001 Attachment`: a name set on two lines of a cell, around the number, that is
      // exactly that technique's name vouches for it too.
      // A wiki ID's name may follow it too (`T816: Device Restart/Shutdown`), as a technique's page wrote it.
      // `technique_id=11562.001,technique_name=Disable or Modify Tools`: a Sysmon rule's name field after the ID vouches too.
      const keyed = found.length === vouched ? keyedNameAfter(folded.text, match.index + match[0].length) : undefined;
      const keyedId = keyed ? named(keyed.name) : undefined;
      if (keyed && keyedId) {
        const whole = originalSpan(folded, { start: match.index, end: keyed.span.end });
        found.push({
          written: match[0],
          rule,
          reference: {
            raw: folded.original.slice(whole.start, whole.end),
            line: i + 1,
            ids: [keyedId],
            name: keyed.name,
            tactics: [],
            span: { line: i + 1, ...originalSpan(folded, { start: match.index, end: match.index + match[0].length }) },
            nameSpan: { line: i + 1, ...originalSpan(folded, keyed.span) },
          },
        });
      }
      let around: ReturnType<typeof nameAround>;
      let aroundId: string | undefined;
      for (const each of found.length === vouched ? ids : []) {
        around = nameAround(folded.text, match.index, match.index + match[0].length, each, context.target, !wiki);
        aroundId = each;
        if (around) break;
      }
      if (around && aroundId) {
        const nameSpan = originalSpan(folded, around);
        found.push({
          written: match[0],
          rule,
          reference: {
            raw: `${around.name} (${match[0]})`,
            line: i + 1,
            ids: [aroundId],
            name: around.name,
            tactics: [],
            span: { line: i + 1, ...originalSpan(folded, { start: match.index, end: match.index + match[0].length }) },
            nameSpan: { line: i + 1, ...nameSpan },
          },
        });
      }
      // A T and three digits is many things else: one no name vouches for is not noted.
      if (found.length === vouched && !wiki && !lost) doubtful.push({ line: i + 1, written: match[0], id: ids[0]!, hasT: rule !== OCR_T_RULE });
    }
  }
}
