/**
 * The project's documentation as its reader has it: README.md (the front page) and the chapters under docs/, one file
 * each. Tests that check what the documentation says (its commands, examples, tables) read it from here, so that a
 * paragraph moved from one file to another is still found and still checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './attack.js';

/** A file of the documentation: its path from the repository's root (`docs/gap.md`) and its text. */
export interface DocFile {
  path: string;
  text: string;
}

/**
 * README.md, then the Markdown files of docs/ in the order the README's map of the documentation (its "Documentation"
 * part) links them, the order the chapters had in it, then any other by name. Links elsewhere in the README (its
 * opening lines name chapters by role) do not change the order: scripts/readme-commands.ts runs the chapters'
 * commands in it, one after the other in one copy.
 */
export function readDocs(): DocFile[] {
  const readme = readDoc('README.md');
  const map = readme.slice(readme.indexOf('\n## Documentation\n')).split(/\n## (?!Documentation\n)/)[0]!;
  const linked = [...map.matchAll(/\]\((docs\/[\w.-]+\.md)[)#]/g)].map((match) => match[1]!);
  const all = readdirSync(join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`)
    .sort();
  const chapters = [...new Set([...linked.filter((path) => all.includes(path)), ...all])];
  return [{ path: 'README.md', text: readme }, ...chapters.map((path) => ({ path, text: readDoc(path) }))];
}

/** One file of the documentation, by its path from the repository's root (`README.md`, `docs/library.md`). */
export function readDoc(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

/**
 * The documentation from the first place `marker` is written (README.md first, then docs/ by name) to the end of that
 * file: where a test finds the example or output block that follows a sentence. Throws, naming the marker, when no
 * file holds it.
 */
export function docTextFrom(marker: string): string {
  for (const { text } of readDocs()) {
    const at = text.indexOf(marker);
    if (at !== -1) return text.slice(at);
  }
  throw new Error(`no file of the documentation (README.md, docs/*.md) holds ${JSON.stringify(marker)}`);
}

/**
 * The anchor GitHub gives a heading's text (github-slugger, which github.com's rendering follows: Flet/github-slugger
 * index.js and script/generate-regex.mjs): lower case; every character of the Unicode categories other number,
 * punctuation (but `-` and the connector `_`), symbol, control, private use, format, unassigned and separator (but the
 * space) removed, unless it is alphabetic; each space a `-`. `ATT&CK data` is `attck-data`.
 */
export function githubSlug(heading: string): string {
  const removed = /[\p{No}\p{Pd}\p{Ps}\p{Pe}\p{Pi}\p{Pf}\p{Po}\p{S}\p{Cc}\p{Co}\p{Cf}\p{Cn}\p{Z}]/u;
  return [...heading.toLowerCase()]
    .filter((char) => char === ' ' || char === '-' || /\p{Alphabetic}/u.test(char) || !removed.test(char))
    .join('')
    .replace(/ /g, '-');
}

const blank = (part: string): string => part.replace(/[^\n]/g, ' ');

/** A Markdown text with its fenced code blocks blanked out (newlines kept, so offsets and lines hold). */
function withoutFences(text: string): string {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      const fence = /^\s*(```|~~~)/.test(line);
      if (fence) inFence = !inFence;
      return fence || inFence ? blank(line) : line;
    })
    .join('\n');
}

/**
 * A Markdown text with its fenced code blocks and its code spans blanked out. A code span ends within its paragraph, and
 * within its row of a table, so that one backtick left unpaired hides nothing beyond them.
 */
export function proseOnly(text: string): string {
  const spans = (part: string): string => part.replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
  return withoutFences(text)
    .split(/(\n[ \t]*\n)/)
    .map((block) => (block.trimStart().startsWith('|') ? block.split('\n').map(spans).join('\n') : spans(block)))
    .join('');
}

/** A heading of a Markdown file (not a `#` line of a fenced block): its line, its level (1 for `#`) and its text. */
export interface MarkdownHeading {
  line: number;
  level: number;
  text: string;
}

/** The headings of a Markdown text, in order. */
export function markdownHeadings(text: string): MarkdownHeading[] {
  return withoutFences(text)
    .split('\n')
    .flatMap((line, index) => {
      const heading = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
      return heading ? [{ line: index + 1, level: heading[1]!.length, text: heading[2]! }] : [];
    });
}

/**
 * The anchors of a Markdown file's headings, as GitHub makes them: a heading's text as rendered (code marks and a
 * link's address left out), slugged; a second heading of the same slug gets `-1`, a third `-2`.
 */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text: heading } of markdownHeadings(text)) {
    const rendered = heading.replace(/`/g, '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const slug = githubSlug(rendered);
    const count = seen.get(slug);
    seen.set(slug, (count ?? -1) + 1);
    anchors.add(count === undefined ? slug : `${slug}-${count + 1}`);
  }
  return anchors;
}

/** A link of a Markdown file: its line and its target as written (`docs/gap.md#coverage-gap-review`, `#install`). */
export interface MarkdownLink {
  line: number;
  target: string;
}

/** The links and images of a Markdown file's prose (not those shown in code: `` `[x](…)` `` is an example). */
export function markdownLinks(text: string): MarkdownLink[] {
  const prose = proseOnly(text);
  return [...prose.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => ({
    line: prose.slice(0, match.index).split('\n').length,
    target: match[1]!,
  }));
}
