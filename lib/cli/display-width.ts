/**
 * Characters a terminal draws two columns wide: the East Asian Wide and Fullwidth ranges of Unicode's
 * EastAsianWidth.txt (Hangul Jamo, CJK punctuation, kana, CJK ideographs, Hangul syllables, fullwidth forms), and
 * emoji. `スピアフィッシング添付ファイル`, a technique named in a Japanese report's table, is 15 characters and 30 columns.
 */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

/** Characters drawn in no column of their own: combining marks (`é` written e + U+0301), zero-width joiners and spaces. */
const ZERO = /[\p{Mn}\p{Me}\u200B-\u200F\u2060\uFEFF]/u;

/** The columns a character takes in a terminal: 0, 1 or 2. */
export function charWidth(char: string): number {
  if (ZERO.test(char)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

/** The columns a text takes in a terminal, where a wide character takes two (`charWidth`). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}
