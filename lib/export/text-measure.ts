/**
 * Text widths for laying out SVG without a browser. The pictures name Arial first and the metric-compatible fonts
 * after it (Liberation Sans on Linux, Helvetica on macOS), which share these advance widths (1/1000 em, ASCII 32-126,
 * the standard Helvetica metrics) and some punctuation; other characters count as an average letter, and CJK ones as a full em.
 */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
  778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278,
  556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
  611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

/** The font stack the pictures use: Arial and fonts with the same widths, then any sans-serif. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, 'Nimbus Sans', sans-serif";

/** Punctuation the pictures write themselves or that names carry (… • — – · ® and curly quotes): [regular, bold]. */
const PUNCTUATION: Readonly<Record<number, readonly [number, number]>> = {
  0x2026: [1000, 1000],
  0x2022: [350, 350],
  0x2014: [1000, 1000],
  0x2013: [556, 556],
  0x00b7: [278, 278],
  0x00ae: [737, 737],
  0x2018: [222, 278],
  0x2019: [222, 278],
  0x201c: [333, 500],
  0x201d: [333, 500],
};

function charWidth(code: number, bold: boolean): number {
  if (code >= 32 && code < 127) return (bold ? BOLD : REGULAR)[code - 32]!;
  const punctuation = PUNCTUATION[code];
  if (punctuation) return punctuation[bold ? 1 : 0];
  // Wide East Asian characters (CJK, kana, Hangul, full-width forms) take a full em.
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)) {
    return 1000;
  }
  return 584;
}

/** The width of a text at a font size, in the same unit as the size. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character outside the tables.
    if (code >= 0xd800 && code <= 0xdbff) {
      i++;
      units += 584;
    } else units += charWidth(code, bold);
  }
  return (units * size) / 1000;
}

/** Where a word wider than a line may break before it is cut anywhere: after a hyphen or a slash. */
const BREAK_AFTER = /(?<=[-/])/;

/** How many words wrapping `text` into lines of `width` has to cut elsewhere than after a hyphen or a slash. */
export function cutWords(text: string, width: number, size: number, bold = false): number {
  return text.split(/\s+/).filter((word) => word.split(BREAK_AFTER).some((part) => textWidth(part, size, bold) > width)).length;
}

/** Cut a word that is wider than a line into pieces that fit: after its hyphens and slashes first, then anywhere. */
function splitWord(word: string, width: number, size: number, bold: boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  const push = (part: string): void => {
    if (piece && textWidth(piece + part, size, bold) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += part;
  };
  for (const part of word.split(BREAK_AFTER)) {
    if (textWidth(part, size, bold) <= width) push(part);
    else for (const char of part) push(char);
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Wrap a text into lines no wider than `width`, breaking at spaces (a word wider than a line is cut after a hyphen or slash, or
 * anywhere); a newline
 * always breaks. With `maxLines`, the last line kept ends in an ellipsis when text was left out.
 */
export function wrapText(text: string, width: number, size: number, options: { bold?: boolean; maxLines?: number } = {}): string[] {
  const bold = options.bold ?? false;
  const space = textWidth(' ', size, bold);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = textWidth(word, size, bold);
      // Widths add up, so a line is measured word by word rather than again for every word added.
      const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidateWidth <= width) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidateWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = wordWidth > width ? splitWord(word, width, size, bold) : [word];
      for (const piece of pieces.slice(0, -1)) lines.push(piece);
      line = pieces[pieces.length - 1] ?? '';
      lineWidth = textWidth(line, size, bold);
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const max = options.maxLines;
  if (max === undefined || lines.length <= max) return lines;
  // The last line kept is filled with as much of the rest as fits, cut mid-word if need be, and an ellipsis.
  // Widths add up, so the longest prefix that fits is found in one pass (cutting from the end was quadratic in the text).
  const kept = lines.slice(0, max - 1);
  let last = '';
  let units = textWidth('…', 1000, bold);
  for (const char of lines.slice(max - 1).join(' ')) {
    units += textWidth(char, 1000, bold);
    if ((units * size) / 1000 > width) break;
    last += char;
  }
  kept.push(`${last.trimEnd()}…`);
  return kept;
}
