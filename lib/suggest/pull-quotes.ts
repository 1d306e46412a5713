/**
 * A pull quote: words of the report set again in large type beside the text, as a PDF's page design does, which text
 * extraction writes as a passage of its own near the sentence it repeats.
 */

// Expel's Annual Threat Report 2024 as a public repository keeps it converted to Markdown: the CEO's letter ends
// `…were in this together and strong, collaborative information sharing is key.`, and its pull quote follows, wrapped a
// word or two a line (`Were in this` / `together` / `and strong,` / … / `is key.`), read as the passage `Were in this
// together and strong, collaborative information sharing is key.`, which got Network Share Discovery 100 as the
// sentence did. A passage of at least MIN_PULL_QUOTE_WORDS words that is a part of a longer passage before it (its
// words in order, without case, marks or apostrophes, which extraction may lose: `We’re`, `Were`), at most
// PULL_QUOTE_REACH passages and PULL_QUOTE_LINES lines back (the same page or the one facing it), set as a sentence
// (its first word capitalised) where that passage has its first word in lower case (`were`: inside a sentence), is such
// a quote. A passage said again whole is the same passage said twice (a running header, a title, a list's item), which
// the readable forms point to where its candidates are listed; so is a sentence said again after another that lacks
// its full stop (`…under the ProgramData Malicious Microsoft Excel file is attached to a phishing email.`, then the
// second sentence alone, as rows of a list of procedures give them), and a list's line said again in a longer passage
// (a manual's `element: pointer to an ASN1 structure.`, a report's `Priority 1; not covered on Android.`). A quote of a
// sentence's first words, capitalised in both, is not told from those, and is read.
const MIN_PULL_QUOTE_WORDS = 6;
const PULL_QUOTE_REACH = 30;
const PULL_QUOTE_LINES = 80;

/** A passage's words without marks or apostrophes (`words`, one space between them and around them) and how many. */
function quoteWords(text: string): { words: string; count: number } {
  const bare = text.replace(/['’]/g, '');
  // ASCII text (most passages) has no other letters or digits: the same words, without the Unicode tables.
  const words = ASCII.test(bare) ? bare.match(/[A-Za-z0-9]+/g) : bare.match(/[\p{L}\p{N}]+/gu);
  return words ? { words: ` ${words.join(' ')} `, count: words.length } : { words: '', count: 0 };
}
const ASCII = /^[\x00-\x7f]*$/;

/** Whether `quote` (lower case) is a part of `words` (`folded`, in lower case) whose first word there is in lower case. */
function isQuotedPart(quote: string, words: string, folded: string): boolean {
  // (The shorter passages, and those of the same length, are passed over before they are searched.)
  if (folded.length <= quote.length) return false;
  const at = folded.indexOf(quote);
  return at >= 0 && /^ \p{Ll}/u.test(words.slice(at));
}

/**
 * A passage's words (`folded`, one space around each) as bits, each word's one of 32 by a hash of it: a quote's words
 * are all words of the passage it is part of, so its bits are all that passage's.
 */
function wordBits(folded: string): number {
  let bits = 0;
  let hash = 0;
  for (let k = 1; k < folded.length; k++) {
    const code = folded.charCodeAt(k);
    if (code === 32) {
      bits |= 1 << (hash & 31);
      hash = 0;
    } else hash = (hash * 31 + code) | 0;
  }
  return bits;
}

/** The passages (by index) that are pull quotes: a part of a longer passage shortly before them (MIN_PULL_QUOTE_WORDS). */
export function pullQuotePassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const quotes = new Set<number>();
  const read = passages.map((passage) => quoteWords(passage.text));
  const words = read.map((passage) => passage.words);
  const folded = words.map((text) => text.toLowerCase());
  // (A passage holding a word that the quote's bits say it lacks is passed over before it is searched: most of them.)
  const bits = folded.map(wordBits);
  folded.forEach((quote, i) => {
    // (A passage of fewer words is passed over at once: most headings and labels.)
    if (read[i]!.count < MIN_PULL_QUOTE_WORDS || !/^ \p{Lu}/u.test(words[i]!)) return;
    const line = passages[i]!.line;
    for (let j = i - 1; j >= 0 && j >= i - PULL_QUOTE_REACH && passages[j]!.line >= line - PULL_QUOTE_LINES; j--) {
      if ((bits[i]! & ~bits[j]!) === 0 && isQuotedPart(quote, words[j]!, folded[j]!)) {
        quotes.add(i);
        return;
      }
    }
  });
  return quotes;
}
