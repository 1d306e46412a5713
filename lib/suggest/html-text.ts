/**
 * The text of a web page saved as HTML, for `suggest`: what a reader of the page reads, line for line with the HTML
 * (so that a passage's `line` is the line of the page's source where it starts).
 */

// A break between blocks of text that keeps the line count: `splitPassages` ends a passage there.
export const BLOCK_BREAK = '\u2029';

// What no reader reads (scripts, styles, the head) and what every page of a site repeats (its menus and footer).
const UNREAD = /<!--[\s\S]*?-->|<(script|style|noscript|template|svg|head|nav|footer)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
// Elements that begin or end a block of text.
const BLOCK_TAG = /^<\/?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|thead|tbody|caption|article|section|header|main|aside|blockquote|pre|figure|figcaption|title|body|html|form|details|summary)\b/i;
const TAG = /<\/?[a-zA-Z][^<>]*>|<![^<>]*>/g;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™', hellip: '…',
  mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•',
};

/** Whether a report's text is an HTML page: its name ends in `.html`/`.htm`, or it begins with a doctype or `<html>`. */
export function isHtmlPage(name: string, text: string): boolean {
  return /\.x?html?$/i.test(name) || /^\uFEFF?\s*(?:<!doctype html|<html[\s>])/i.test(text);
}

/**
 * The readable text of an HTML page, with as many lines as the page: comments, scripts, styles, the head, menus and
 * footers left out, each tag that begins or ends a block made a `BLOCK_BREAK`, the other tags removed, character
 * references decoded (the common named ones, and every numeric one). Pure.
 */
export function htmlText(html: string): string {
  const newlines = (text: string): string => text.replace(/[^\n]/g, '');
  return html
    .replace(UNREAD, (region) => `${BLOCK_BREAK}${newlines(region)}`)
    .replace(TAG, (tag) => `${BLOCK_TAG.test(tag) ? BLOCK_BREAK : ''}${newlines(tag)}`)
    .replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (entity, decimal?: string, hex?: string, name?: string) => {
      const code = decimal ? Number(decimal) : hex ? parseInt(hex, 16) : undefined;
      if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      return ENTITIES[name!.toLowerCase()] ?? entity;
    });
}
