/**
 * A Markdown link an HTML-to-Markdown converter broke across lines, as it does where the page's `<a>` holds a line
 * break or a block (`[`⏎`T1190`⏎`](https://attack.mitre.org/techniques/T1190/)` in a table cell of a scraped CISA
 * advisory; `[Create or Modify System Process: Systemd Service`⏎`](https://attack.mitre.org/techniques/T1543/002/)`):
 * its lines are joined onto the line that opens it, so that the link is read as one written on one line is (its text
 * and its address), and the lines it took are left empty, so that every other line keeps its number.
 */

// A link's text runs over at most this many lines after the one that opens it (blank ones included).
const MAX_TEXT_LINES = 4;
// The line that closes the link: `](address)`, or `](address "title")`, then anything.
const CLOSING = /^\s*\]\(\S+?(?:\s+"[^"]*")?\)/;

/** Where the `[` of a link left open at the end of the line is, or -1 (`| Valid Accounts | [`, `* [Create or …`). */
function openBracket(line: string): number {
  const at = line.lastIndexOf('[');
  return at >= 0 && !line.includes(']', at) ? at : -1;
}

/**
 * The text with each Markdown link broken across lines written on the line that opens it, the lines it took left
 * empty; the same text where none is. Only a `[` left open on its line whose `](address)` begins a line at most
 * `MAX_TEXT_LINES` lines below, with no bracket on the lines between and some text inside, is a link so broken. Linear.
 */
export function joinBrokenLinks(text: string): string {
  if (!/\n\s*\]\(/.test(text)) return text;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = openBracket(lines[i]!);
    if (open < 0) continue;
    const between: string[] = [];
    let close = -1;
    for (let j = i + 1; j < lines.length && j <= i + MAX_TEXT_LINES + 1; j++) {
      if (CLOSING.test(lines[j]!)) {
        close = j;
        break;
      }
      if (/[[\]]/.test(lines[j]!)) break;
      between.push(lines[j]!.trim());
    }
    if (close < 0) continue;
    const first = lines[i]!.trimEnd();
    const inside = between.filter(Boolean).join(' ');
    if (!`${first.slice(open + 1)}${inside}`.trim()) continue;
    const joint = first.endsWith('[') || !inside ? '' : ' ';
    lines[i] = `${first}${joint}${inside}${lines[close]!.trimStart()}`;
    for (let j = i + 1; j <= close; j++) lines[j] = '';
    i = close;
  }
  return lines.join('\n');
}

// A sentence's words, then a bracket opened at the end of the line: `gained initial access [`, `vulnerability (`.
const OPENED = /\p{L}[\p{L}\p{N}’'",]*\s+[[(]$/u;
// The next line closes it at once (`], allowing them …`, `]. This change …`), or is the next list item or the end.
const EMPTIED = /^\s*\](?![(\[])/;

/**
 * Brackets a scraper left empty where the report had a link (a scraped copy of CISA's AA22-074A writes `gained initial
 * access [`⏎`] to the victim organization`, its `[TA0001]` linked, the link's text and address dropped): the sentence's
 * line number and its last words, for a note. Only a bracket opened after a sentence's words at the end of its line and
 * closed at the start of the next (or a `[` opened so before the next list item or the end, as the advisory's list
 * leaves `for network discovery [`⏎`- A standard Windows …`) counts; `x = [`⏎`]` (code) does not. Linear.
 */
export function emptiedBrackets(lines: readonly string[]): Array<{ line: number; written: string }> {
  const found: Array<{ line: number; written: string }> = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (!OPENED.test(line)) continue;
    const next = lines[i + 1];
    const closed = next !== undefined && EMPTIED.test(next);
    const dropped = line.endsWith('[') && (next === undefined || /^\s*[-*•]\s/.test(next));
    if (!closed && !dropped) continue;
    const words = line.split(/\s+/);
    found.push({ line: i + 1, written: words.slice(Math.max(0, words.length - 5)).join(' ') });
  }
  return found;
}
