/**
 * Text widths for laying out SVG without a browser. The pictures embed no font (a full one is hundreds of kB), so a
 * viewer draws them with the first family of FONT_FAMILY it has: Arial on Windows, Helvetica on macOS, Liberation Sans
 * or DejaVu Sans on Linux (DejaVu is fontconfig's usual sans-serif, 13 % wider than Arial, bold 16-25 %). Text is laid
 * out with the wider of the two kinds of metrics for each character, so it fits its box whichever of them draws it.
 * Widths are advances in 1/1000 em, ASCII 32-126, without kerning (which only narrows these fonts' text).
 */
interface FontMetrics {
  regular: readonly number[];
  bold: readonly number[];
  /** Punctuation the pictures write themselves or that names carry (… • — – · ® and curly quotes): [regular, bold]. */
  punctuation: Readonly<Record<number, readonly [number, number]>>;
  /** Any other character but CJK: the font's average Latin letter beyond ASCII (U+00C0-U+024F), [regular, bold]. */
  other: readonly [number, number];
}

/** A family the pictures name, by the metrics it shares with others: Arial's are Liberation Sans', Helvetica's and Nimbus Sans'. */
export type MeasuredFont = 'Arial' | 'DejaVu Sans';

const METRICS: Readonly<Record<MeasuredFont, FontMetrics>> = {
  // The standard Helvetica/Arial metrics, as Liberation Sans 1.07 carries them.
  Arial: {
    regular: [
      278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
      556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
      778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278,
      556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ],
    bold: [
      278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556,
      556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
      667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611,
      611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
    ],
    punctuation: {
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
    },
    other: [579, 604],
  },
  // DejaVu Sans 2.37 (DejaVuSans.ttf, DejaVuSans-Bold.ttf; its oblique has the regular widths), from the fonts' hmtx tables.
  'DejaVu Sans': {
    regular: [
      318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636, 636, 636, 636,
      636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748,
      787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352,
      635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
    ],
    bold: [
      348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696, 696, 696, 696,
      696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372, 372, 775, 637, 995, 837, 850,
      733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716,
      712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
    ],
    punctuation: {
      0x2026: [1000, 1000],
      0x2022: [590, 639],
      0x2014: [1000, 1000],
      0x2013: [500, 500],
      0x00b7: [318, 380],
      0x00ae: [1000, 1000],
      0x2018: [318, 380],
      0x2019: [318, 380],
      0x201c: [518, 657],
      0x201d: [518, 657],
    },
    other: [636, 713],
  },
};

/** The fonts whose widths the layout holds for, as FONT_FAMILY names them. */
export const MEASURED_FONTS = Object.keys(METRICS) as MeasuredFont[];

/** The font stack the pictures use: Arial and fonts with its widths, then DejaVu Sans, then any sans-serif. */
export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, 'Nimbus Sans', 'DejaVu Sans', sans-serif";

function charWidth(metrics: FontMetrics, code: number, bold: boolean): number {
  if (code >= 32 && code < 127) return (bold ? metrics.bold : metrics.regular)[code - 32]!;
  const punctuation = metrics.punctuation[code];
  if (punctuation) return punctuation[bold ? 1 : 0];
  // Wide East Asian characters (CJK, kana, Hangul, full-width forms) take a full em in whatever font has them.
  if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)) {
    return 1000;
  }
  return metrics.other[bold ? 1 : 0];
}

/** The wider of the named fonts' widths, character by character: what the layout measures with. */
const WIDEST: FontMetrics = ((): FontMetrics => {
  const all = MEASURED_FONTS.map((font) => METRICS[font]);
  const widest = (pick: (metrics: FontMetrics) => readonly number[]): number[] => pick(all[0]!).map((_, i) => Math.max(...all.map((metrics) => pick(metrics)[i]!)));
  const codes = [...new Set(all.flatMap((metrics) => Object.keys(metrics.punctuation).map(Number)))];
  return {
    regular: widest((metrics) => metrics.regular),
    bold: widest((metrics) => metrics.bold),
    punctuation: Object.fromEntries(codes.map((code) => [code, [0, 1].map((i) => Math.max(...all.map((metrics) => metrics.punctuation[code]?.[i] ?? metrics.other[i]!))) as [number, number]])),
    other: [0, 1].map((i) => Math.max(...all.map((metrics) => metrics.other[i]!))) as [number, number],
  };
})();

/** The width of a text at a font size, in the same unit as the size: in `font`, or the widest any named font draws it. */
export function textWidth(text: string, size: number, bold = false, font?: MeasuredFont): number {
  const metrics = font ? METRICS[font] : WIDEST;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is one character outside the tables.
    if (code >= 0xd800 && code <= 0xdbff) {
      i++;
      units += metrics.other[bold ? 1 : 0];
    } else units += charWidth(metrics, code, bold);
  }
  return (units * size) / 1000;
}

/** Where a word wider than a line may break before it is cut anywhere: after a hyphen or a slash. */
const BREAK_AFTER = /(?<=[-/])/;

/**
 * How many words wrapping `text` into lines of `width` has to cut elsewhere than after a hyphen or a slash; with
 * `firstWidth` (`wrapText`'s), the first word counts as cut where it does not fit the first line.
 */
export function cutWords(text: string, width: number, size: number, bold = false, firstWidth = width): number {
  const words = text.split(/\s+/).filter(Boolean);
  const first = words[0]?.split(BREAK_AFTER)[0];
  const cut = words.filter((word) => word.split(BREAK_AFTER).some((part) => textWidth(part, size, bold) > width)).length;
  return cut || (first !== undefined && textWidth(first, size, bold) > firstWidth ? 1 : 0);
}

/**
 * How many of the lines `wrapText` made of `text` read one after the other without a word cut in two: all of them, or
 * those up to the first that ends inside a word (`Infrastructur` / `e`, where a word is wider than a line). A break after
 * a hyphen or a slash is no cut (`Adversary-in-` / `the-Middle`).
 */
export function wholeWordLines(text: string, lines: readonly string[]): number {
  let rest = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!;
    rest = rest.slice(line.length);
    if (!rest.startsWith(' ') && !BREAK_AFTER_END.test(line)) return i + 1;
    rest = rest.trimStart();
  }
  return lines.length;
}

/** A line that ends where `BREAK_AFTER` breaks a word. */
const BREAK_AFTER_END = /[-/]$/;

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
 * always breaks. With `maxLines`, the last line kept ends in an ellipsis when text was left out. With `firstWidth`, the
 * first line is that wide (a cell's score sits at the end of its first line only).
 */
export function wrapText(text: string, width: number, size: number, options: { bold?: boolean; maxLines?: number; firstWidth?: number } = {}): string[] {
  const bold = options.bold ?? false;
  const space = textWidth(' ', size, bold);
  const lines: string[] = [];
  const room = (): number => (lines.length ? width : (options.firstWidth ?? width));
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = textWidth(word, size, bold);
      // Widths add up, so a line is measured word by word rather than again for every word added.
      const candidateWidth = line ? lineWidth + space + wordWidth : wordWidth;
      if (candidateWidth <= room()) {
        line = line ? `${line} ${word}` : word;
        lineWidth = candidateWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = wordWidth > room() ? splitWord(word, room(), size, bold) : [word];
      for (const piece of pieces.slice(0, -1)) lines.push(piece);
      line = pieces[pieces.length - 1] ?? '';
      lineWidth = textWidth(line, size, bold);
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return cutLines(lines, width, size, options);
}

/**
 * The lines of a wrapped text (`wrapText`'s, without `maxLines`) kept to `maxLines`, the last line kept ending in an
 * ellipsis when text was left out: what `wrapText` gives with `maxLines`, without wrapping the text again.
 */
export function cutLines(lines: readonly string[], width: number, size: number, options: { bold?: boolean; maxLines?: number } = {}): string[] {
  const bold = options.bold ?? false;
  const max = options.maxLines;
  if (max === undefined || lines.length <= max) return [...lines];
  // The last line kept is filled with as much of the rest as fits, cut mid-word if need be, and an ellipsis.
  // Widths add up, so the longest prefix that fits is found in one pass (cutting from the end was quadratic in the text).
  const kept = lines.slice(0, max - 1);
  let last = '';
  let units = textWidth('…', 1000, bold);
  // The rest reads as written: a space between lines, none after a hyphen or slash a word broke at (`Unused/Uns…`).
  const rest = lines.slice(max - 1).map((line, i, all) => (i && !BREAK_AFTER_END.test(all[i - 1]!) ? ` ${line}` : line));
  for (const char of rest.join('')) {
    units += textWidth(char, 1000, bold);
    if ((units * size) / 1000 > width) break;
    last += char;
  }
  kept.push(`${last.trimEnd()}…`);
  return kept;
}
