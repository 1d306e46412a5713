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
