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
 * README.md, then the Markdown files of docs/ in the order the README links them (its map of the documentation, the
 * order the chapters had in it), then any other by name.
 */
export function readDocs(): DocFile[] {
  const readme = readDoc('README.md');
  const linked = [...readme.matchAll(/\]\((docs\/[\w.-]+\.md)[)#]/g)].map((match) => match[1]!);
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
