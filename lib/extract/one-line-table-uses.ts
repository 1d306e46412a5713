import { MAX_TACTIC_WORDS, tacticDisplayName } from '../normalize/tactic-text.js';
import type { TextSpan } from '../normalize/tokenize-references.js';

/** The role of a table's column, from its header's words. */
export type ColumnRole = 'tactic' | 'name' | 'id' | 'evidence';

// How many words a table's header run into the line may have, and a technique's name in a row.
const MAX_HEADER_WORDS = 10;
const MAX_NAME_WORDS = 8;
// A sentence's end inside a text: its stop, a closing quote or bracket after it, then a space or the text's end.
const SENTENCE_STOP = /[.!?]["'”’)\]]?(?=\s|$)/gu;
// A word of a tactic's name (`Defense`, `and`, `Command-and-Control`): no stop, no digit.
const TACTIC_WORD = /^[\p{L}&-]+$/u;

/** The tactic the words name, where each is a word of a tactic's name. */
const tacticOf = (words: readonly string[]): string | undefined => (words.every((word) => TACTIC_WORD.test(word)) ? tacticDisplayName(words.join(' ')) : undefined);

/**
 * The use cell of each row of a table that a scraped page ran into one line with its header, rows side by side
 * (`MITRE ATT&CK techniques Tactic ID Name Description Initial Access T1192 Spearphishing Link Emails contain a link to
 * download a compressed file from an external server. T1193 Spearphishing Attachment Emails contain …`, ESET's Machete
 * report as a crawler keeps it), one entry for each ID of the line, in order: where the text is after its row's ID and name up
 * to the next row's tactic cell, name or ID; the last row's up to the end of its first sentence. Only where the header
 * stands right before the first row, names an ID column, a name column and, last, a column of what the report saw
 * (`columnRole`), a tactic column only first; each row's name is a technique's (`isTechniqueName`), its words next to
 * its ID, and each use starts as a sentence does and ends one. An entry is undefined where its row is not clear; the
 * list is empty where the line is no such table.
 */
export function oneLineTableUses(
  text: string,
  ids: readonly TextSpan[],
  columnRole: (words: string) => ColumnRole | undefined,
  isTechniqueName: (name: string) => boolean,
): Array<TextSpan | undefined> {
  const first = ids[0];
  // A pipe or HTML table on one line has its own borders (`pipeRows`, `htmlRows`).
  if (!first || ids.length < 2 || /[|<]/.test(text)) return [];
  for (const nameFirst of [false, true]) {
    const rowStart = (id: TextSpan, floor: number): number | undefined => (nameFirst ? nameBefore(text, id.start, floor, isTechniqueName) : id.start);
    const start = rowStart(first, 0);
    if (start === undefined) continue;
    const roles = headerBefore(text.slice(0, start).trim().split(/\s+/));
    if (!roles) continue;
    const at = (role: ColumnRole): number => roles.roles.indexOf(role);
    if (at('name') < at('id') !== nameFirst || at('tactic') > 0) continue;
    return ids.map((id, k) => {
      const from = nameFirst ? id.end : nameAfter(text, id.end, isTechniqueName);
      const next = ids[k + 1];
      const nextRow = next && from !== undefined ? rowStart(next, from) : undefined;
      const to = !next ? firstSentenceEnd(text, from) : nextRow === undefined ? undefined : roles.tactic ? withoutTacticCell(text, from!, nextRow) : nextRow;
      if (from === undefined || to === undefined) return undefined;
      const use = text.slice(from, to).trim();
      return /^\p{Lu}/u.test(use) && use.split(/\s+/).length >= 3 && /[.!?]["'”’)\]]?$/u.test(use) ? { start: from + text.slice(from, to).indexOf(use), end: to - (text.slice(from, to).length - text.slice(from, to).trimEnd().length) } : undefined;
    });
  }
  return [];

  /**
   * The columns of the header the words before a table's first row end with, the first row's tactic cell after it
   * where the header names a tactic column; undefined where they hold no such header.
   */
  function headerBefore(words: readonly string[]): { roles: ColumnRole[]; tactic: boolean } | undefined {
    for (let cell = 0; cell <= MAX_TACTIC_WORDS && cell < words.length; cell++) {
      if (cell > 0 && !tacticOf(words.slice(words.length - cell))) continue;
      const head = words.slice(0, words.length - cell);
      for (let size = 3; size <= MAX_HEADER_WORDS && size <= head.length; size++) {
        const roles = columnRoles(head.slice(head.length - size)).find(
          (read) => read.at(-1) === 'evidence' && read.includes('id') && read.includes('name') && read.includes('tactic') === cell > 0,
        );
        if (roles) return { roles, tactic: cell > 0 };
      }
    }
    return undefined;
  }

  /**
   * The roles of header words read as columns of one word to four, each once, every way they can be read (`Tactic
   * Technique ID Procedure` as a tactic's, a name's, an ID's and a use's columns, or with a `Technique ID` column).
   */
  function columnRoles(words: readonly string[], roles: readonly ColumnRole[] = []): ColumnRole[][] {
    if (!words.length) return [[...roles]];
    return [1, 2, 3, 4].flatMap((size) => {
      const role = size <= words.length ? columnRole(words.slice(0, size).join(' ')) : undefined;
      return role && !roles.includes(role) ? columnRoles(words.slice(size), [...roles, role]) : [];
    });
  }
}

/** Where a technique's name of the most words ends that starts right after `from`; undefined where none does. */
function nameAfter(text: string, from: number, isTechniqueName: (name: string) => boolean): number | undefined {
  const words = [...text.slice(from).matchAll(/\S+/g)].slice(0, MAX_NAME_WORDS);
  for (let n = words.length; n > 0; n--) {
    const last = words[n - 1]!;
    if (isTechniqueName(text.slice(from + words[0]!.index, from + last.index + last[0].length))) return from + last.index + last[0].length;
  }
  return undefined;
}

/** Where a technique's name of the most words starts that ends right before `to`, not before `floor`; undefined where none does. */
function nameBefore(text: string, to: number, floor: number, isTechniqueName: (name: string) => boolean): number | undefined {
  const words = [...text.slice(floor, to).matchAll(/\S+/g)].slice(-MAX_NAME_WORDS);
  for (const word of words) {
    const start = floor + word.index;
    if (isTechniqueName(text.slice(start, to).trim())) return start;
  }
  return undefined;
}

/** Where a row's use ends before the next row, leaving out the next row's tactic cell (`… external server. Execution T1204`). */
function withoutTacticCell(text: string, from: number, to: number): number {
  const words = [...text.slice(from, to).matchAll(/\S+/g)];
  for (let cell = Math.min(MAX_TACTIC_WORDS, words.length - 1); cell > 0; cell--) {
    if (tacticOf(words.slice(words.length - cell).map((word) => word[0]))) return from + words[words.length - cell]!.index;
  }
  return to;
}

function firstSentenceEnd(text: string, from: number | undefined): number | undefined {
  if (from === undefined) return undefined;
  SENTENCE_STOP.lastIndex = from;
  const found = SENTENCE_STOP.exec(text);
  return found ? found.index + found[0].length : undefined;
}
