import { basename } from 'node:path';
import type { CampaignSource } from '../campaign/campaign-types.js';
import { htmlText } from '../suggest/html-text.js';
import { isSheetHeader } from './extract-references.js';
import { isHeadline } from '../suggest/page-furniture.js';

// A page's <title> (the first one of its head: an SVG in the body has titles of its own), its canonical link and
// its og:url (a WordPress page's SEO and Open Graph plugins write both, as securelist.com's home page did).
const TITLE = /<title(?:\s[^>]*)?>([\s\S]*?)<\/title\s*>/i;
const HEAD_END = /<\/head\s*>/i;
const LINK = /<link\b[^>]*>/gi;
const META = /<meta\b[^>]*>/gi;
// A Markdown page's title: a `# ` heading.
const MARKDOWN_TITLE = /^#[ \t]+(.+?)[ \t#]*$/m;

function attribute(tag: string, name: string): string | undefined {
  const found = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  return found ? (found[1] ?? found[2] ?? found[3]) : undefined;
}

function oneLine(text: string): string {
  return htmlText(text).replace(/\s+/g, ' ').trim();
}

/** An absolute http(s) address as written, or undefined. */
function webAddress(text: string | undefined): string | undefined {
  const written = text === undefined ? '' : oneLine(text);
  if (!/^https?:\/\//i.test(written)) return undefined;
  try {
    new URL(written);
    return written;
  } catch {
    return undefined;
  }
}

/**
 * The address a saved page states as its own: its `<link rel="canonical">` and `<meta property="og:url">`, when every
 * one of them names the same address (`https://securelist.com/` and `https://securelist.com` do: URL syntax makes an
 * empty path `/`); the canonical link as written. Undefined when they disagree or there is none: never guessed.
 */
function pageAddress(head: string): string | undefined {
  const canonical = [...head.matchAll(LINK)].flatMap(([tag]) => (/^canonical$/i.test(attribute(tag, 'rel')?.trim() ?? '') ? [webAddress(attribute(tag, 'href'))] : []));
  const og = [...head.matchAll(META)].flatMap(([tag]) => (/^og:url$/i.test(attribute(tag, 'property')?.trim() ?? '') ? [webAddress(attribute(tag, 'content'))] : []));
  const stated = [...canonical, ...og];
  if (!stated.length || stated.some((address) => address === undefined)) return undefined;
  const same = new Set(stated.map((address) => new URL(address!).href));
  return same.size === 1 ? stated[0] : undefined;
}

/**
 * A report's title where its text gives one: an HTML page's `<title>`, a Markdown `# ` heading, or a first line shaped
 * as a title that is no sheet's header row.
 */
function textTitle(text: string, html: boolean, head: string, reportFile: string | undefined): string | undefined {
  if (html) {
    const title = TITLE.exec(head)?.[1];
    return title === undefined ? undefined : oneLine(title) || undefined;
  }
  const first = text.replace(/^\uFEFF/, '').split(/\r\n?|\n|\f/).map((line) => line.trim()).find((line) => line !== '');
  // A sheet's first line is its header row, no title: a .csv or .tsv file's, and one naming its columns in any file.
  if (first === undefined || /\.(?:csv|tsv)$/i.test(reportFile ?? '') || isSheetHeader(first)) return undefined;
  // A Markdown file's first `# ` heading, wherever it stands (after front matter, a saved page's menu); another text's
  // only as its first line.
  const heading = MARKDOWN_TITLE.exec(/\.(?:md|markdown)$/i.test(reportFile ?? '') ? text : first)?.[1]?.trim();
  if (heading) return heading;
  // PDF-to-text's first line, or a text file's: a title when shaped as one (capitalised, short, no sentence's end).
  return isHeadline(first) && !/[.!?]$/.test(first) ? first : undefined;
}

/**
 * The report as the skeleton's `sources:` entry: its title as the input's own data gives it (`named`: a MISP event's
 * info, an Attack Flow's name, a bundle's report, as `extractReport` reads them), else as its text does, else the
 * file's name (`reportFile` undefined for standard input: then no title); its url where a saved page states its own
 * address unambiguously. Undefined when nothing is known (standard input without a title). Pure.
 */
export function reportSource(text: string, reportFile: string | undefined, html: boolean, named?: string): CampaignSource | undefined {
  const headEnd = html ? HEAD_END.exec(text) : null;
  const head = html ? (headEnd ? text.slice(0, headEnd.index) : text) : '';
  const title = (named?.trim() || undefined) ?? textTitle(text, html, head, reportFile) ?? (reportFile === undefined ? undefined : basename(reportFile));
  const url = html ? pageAddress(head) : undefined;
  if (title === undefined && url === undefined) return undefined;
  return { ...(title !== undefined ? { title } : {}), ...(url !== undefined ? { url } : {}) };
}
