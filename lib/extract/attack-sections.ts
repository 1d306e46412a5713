/**
 * Headings that announce a report's ATT&CK techniques (`MITRE ATT&CK`, `## TTPs`, `Tactics and Techniques`), and the
 * section each opens, for `extractReport` to say when such a section holds no reference: Trend Micro's "8220 Gang
 * Evolves With New Strategies" (2023) sets its ATT&CK table as an image, so the page as text has the heading and nothing
 * under it, and extract said nothing.
 */

// A Markdown or AsciiDoc heading's mark and its level.
const MARKED = /^\s{0,3}(#{1,6}|={1,6})\s+(.*?)(?:\s+#+)?\s*$/;
// What may stand around a heading's words: bold or italic marks, a section's number (`6.`, `4.1`) or an appendix's
// (`APPENDIX 3 –`, `Annex B:`, BlackBerry's "Detailed MITRE ATT&CK® Mapping"), a colon after.
const DECORATION =
  /^(?:\*\*|__|\*|_)?\s*(?:(?:APPENDIX|Appendix|ANNEXE?|Annexe?)\s+(?:\d+|[A-Z])\s*[–—:.-]?\s+)?(?:\d+(?:\.\d+)*\.?\s+|[A-Z]\.\s+)?(.*?)\s*:?\s*(?:\*\*|__|\*|_)?\s*:?$/;
// The words of such a heading, and the words at least one of which it holds: the framework's name, `TTPs`, or both
// `tactics` and `techniques` (`Tactics, Techniques and Procedures`).
const HEADING_WORDS = new Set(
  'mitre att&ck att＆ck ttps ttp tactics techniques procedures tactic technique and & the of used observed identified mapping mapped matrix framework enterprise table summary analysis overview detailed マッピング'.split(' '),
);
const MAX_HEADING = 60;

/** A heading that announces ATT&CK techniques, and the lines of its section (1-based, `end` exclusive). */
export interface AttackSection {
  heading: string;
  line: number;
  end: number;
}

/** The words of a heading's text that announces ATT&CK techniques, undefined for any other text. */
function attackHeading(text: string): string | undefined {
  const bare = DECORATION.exec(text.trim())?.[1]?.trim() ?? '';
  if (!bare || bare.length > MAX_HEADING) return undefined;
  // A registered or trade mark (`MITRE ATT&CK®`) is no word of its own; a dash of any length parts words.
  const words = bare.toLowerCase().replace(/[®™]/g, '').split(/[\s,/:()–—-]+/).filter(Boolean);
  if (!words.length || !words.every((word) => HEADING_WORDS.has(word))) return undefined;
  const announces = words.some((word) => /^(?:att[&＆]ck|ttps?)$/.test(word)) || (words.some((word) => word.startsWith('tactic')) && words.some((word) => word.startsWith('technique')));
  return announces ? bare : undefined;
}

/**
 * The sections of a report's lines that headings announcing ATT&CK techniques open: a Markdown or AsciiDoc heading's, up
 * to the next heading of its level or above; a line after a blank line that starts with a capital and ends with no full
 * stop (a page scraped to text, a bold line), up to the next marked heading. A line of a table or a list, or a sentence
 * mentioning ATT&CK, opens none: its words are not a heading's alone.
 */
export function attackSections(lines: readonly string[]): AttackSection[] {
  const blank = (i: number): boolean => i < 0 || i >= lines.length || !lines[i]!.trim();
  const levels = lines.map((line) => MARKED.exec(line)?.[1]?.length);
  const sections: AttackSection[] = [];
  for (const [i, line] of lines.entries()) {
    const level = levels[i];
    const marked = level !== undefined ? MARKED.exec(line)![2]! : undefined;
    const alone = marked === undefined && blank(i - 1) && /^\s*(?:\*\*|__)?\p{Lu}/u.test(line) && !/[.!?。]\s*$/u.test(line);
    const heading = marked !== undefined ? attackHeading(marked) : alone ? attackHeading(line) : undefined;
    if (!heading) continue;
    let end = i + 1;
    while (end < lines.length && !(levels[end] !== undefined && (level === undefined || levels[end]! <= level))) end++;
    sections.push({ heading, line: i + 1, end: end + 1 });
  }
  return sections;
}
