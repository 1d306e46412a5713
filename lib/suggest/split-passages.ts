import { isCommonEnglishWord } from '../common-words.js';

/** A passage of a report: a sentence, or with `lines` one input line, and the 1-based line where it starts. */
export interface Passage {
  line: number;
  text: string;
}

// Words after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|al|inc|ltd|corp|fig|no|approx|mr|ms|dr|st|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|[a-z])\.$/i;
// A list item or a heading marker starts a new passage.
const ITEM = /^\s*(?:[-*•●■◆▪‣・]|\d{1,2}[.)])\s+/;
// How short a line is, against the text's width (the 90th percentile of its line lengths), to stand alone.
const SHORT_LINE = 0.6;
// A word hyphenated at the end of a line (`attach-`), and the lower-case word that goes on on the next (`ments`).
const BROKEN_WORD = /(?<![\p{L}-])(\p{L}+)-$/u;
const WORD_GOES_ON = /^\s*(\p{Ll}+)/u;

/**
 * How a word hyphenated at a line's end is joined: without the hyphen (`attach-` `ments`: `attachments`, `ex-`
 * `filtrated`), but with it where both halves are English words of three letters or more and the whole is not
 * (`third-` `party`, `command-` `and-control`).
 */
function joinBroken(left: string, right: string): string {
  const word = (half: string): boolean => half.length >= 3 && isCommonEnglishWord(half);
  return word(left) && word(right) && !isCommonEnglishWord(left + right) ? '-' : '';
}

/**
 * Split a report's text into passages. By sentence (the default): a sentence ends at `.`, `!` or `?` followed by
 * space and not after an abbreviation (`e.g.`, `Inc.`), at `。！？`, at a blank line, and before a list item; lines
 * wrapped inside a sentence (PDF-to-text) are joined, a word hyphenated at a line's end made whole (`joinBroken`).
 * With `lines`, every input line is one passage, empty ones too.
 */
export function splitPassages(text: string, options: { lines?: boolean } = {}): Passage[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (options.lines) return lines.map((line, i) => ({ line: i + 1, text: line.trim() }));
  const passages: Passage[] = [];
  // A line well short of the text's width that ends without punctuation is a heading, a menu or a byline of a scraped
  // page, not a sentence wrapped by pdftotext (whose lines fill the width): the passage ends with it.
  const lengths = lines.map((line) => line.trim().length).filter(Boolean).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const standsAlone = (line: string): boolean => line.trim().length < SHORT_LINE * width && !/[,;:\-–—(\[]$/u.test(line.trim());
  let current = '';
  let start = 0;
  const flush = (): void => {
    const trimmed = current.replace(/\s+/g, ' ').trim();
    if (trimmed) passages.push({ line: start, text: trimmed });
    current = '';
  };
  lines.forEach((line, i) => {
    if (!line.trim() || ITEM.test(line) || (i > 0 && standsAlone(lines[i - 1]!))) flush();
    if (!line.trim()) return;
    // Join a wrapped line: a space between words, nothing between two Japanese characters, a word hyphenated at the
    // line's end made whole again.
    const broken = current ? BROKEN_WORD.exec(current) : null;
    const goesOn = broken ? WORD_GOES_ON.exec(line) : null;
    if (broken && goesOn) {
      current = current.slice(0, -1) + joinBroken(broken[1]!, goesOn[1]!);
      line = line.trimStart();
    } else if (current && !(/[\u3000-\u9fff]$/.test(current) && /^\s*[\u3000-\u9fff]/.test(line))) current += ' ';
    if (!current.trim()) start = i + 1;
    for (const piece of line.trim().split(/(?<=[。！？])|(?<=[.!?]["”’)]?)(?=\s)/u)) {
      if (!current.trim()) start = i + 1;
      current += piece;
      const ended = /[。！？]$/u.test(piece) || (/[.!?]["”’)]?$/.test(piece) && !ABBREVIATIONS.test(current.trimEnd().replace(/["”’)]$/, '')));
      if (ended) flush();
    }
  });
  flush();
  return passages;
}
