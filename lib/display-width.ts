// The code points Unicode's East Asian Width property calls Wide (W) or Fullwidth (F): Hangul's leading jamo, CJK
// punctuation, kana, ideographs, Hangul syllables, fullwidth forms, and the emoji a terminal draws two columns wide.
// Halfwidth kana (U+FF61 to U+FF9F) and Hangul's vowel and final jamo are narrow.
const WIDE = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
] as const;

/** Characters drawn in no column of their own: combining marks (`é` written e + U+0301), zero-width joiners and spaces. */
const ZERO = /[\p{Mn}\p{Me}\u200B-\u200F\u2060\uFEFF]/u;

/**
 * How many columns a character takes in a monospaced font, as a terminal and wcwidth count them: two for an East Asian
 * Wide or Fullwidth one (`凭`, `ア`, `：`), none for a combining mark or a zero-width character, else one.
 */
export function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x300) return 1;
  if (ZERO.test(char)) return 0;
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
}

/**
 * How many columns text takes in a monospaced font, as a terminal, an editor or a tool that pads a text table to line
 * up (pandoc's simple tables, Python's tabulate with wcwidth) counts them (`charWidth`): a table `normalize` prints, a
 * report's table `extract` reads. Not how poppler's `pdftotext -layout` counts: it pads to a character count.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}
