/**
 * The chapters of docs/ read as files of their own: each opens with its title, its sub-headings one level under it (a
 * chapter moved out of the README kept its `###` sub-headings under a `#` title, skipping a level), and one chapter
 * names another by a link to it, not by its title in quotes (`see "ATT&CK data"`, which in the README was a heading
 * of the same page and is now another file's).
 */
import { expect } from 'chai';
import { markdownHeadings, proseOnly, readDocs } from '../helpers/docs.js';

/** What is wrong with a file's headings, each as `file:line: why`: the title not first, a second title, a level skipped. */
function headingProblems(path: string, text: string): string[] {
  const headings = markdownHeadings(text);
  const problems: string[] = [];
  if (headings[0]?.level !== 1) problems.push(`${path}:${headings[0]?.line ?? 1}: the file does not open with its title (# …)`);
  headings.forEach(({ line, level, text: title }, index) => {
    if (index > 0 && level === 1) problems.push(`${path}:${line}: a second title, "# ${title}" (a chapter has one; its parts are ## …)`);
    const above = headings[index - 1]?.level ?? level;
    if (level > above + 1) problems.push(`${path}:${line}: "${'#'.repeat(level)} ${title}" skips a level under a heading of level ${above}`);
  });
  return problems;
}

/**
 * The places where a file names another file's heading in quotes (`see "Layer upgrade"`), each as `file:line: "title"
 * is a heading of other.md: link to it`. Code is not prose: a quoted title in a code span or block is left alone.
 */
function quotedTitles(files: ReadonlyArray<{ path: string; text: string }>): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const prose = proseOnly(text);
    for (const other of files) {
      if (other.path === path) continue;
      for (const { text: title } of markdownHeadings(other.text)) {
        const quoted = `"${title}"`;
        for (let at = prose.indexOf(quoted); at !== -1; at = prose.indexOf(quoted, at + 1)) {
          found.push(`${path}:${prose.slice(0, at).split('\n').length}: ${quoted} is a heading of ${other.path}: link to it`);
        }
      }
    }
  }
  return found;
}

describe('the chapters of docs/, each a file of its own', () => {
  it('open with their title, and no heading skips a level', () => {
    expect(readDocs().flatMap(({ path, text }) => headingProblems(path, text))).to.deep.equal([]);
  });

  it('name another chapter by a link, not by its heading in quotes', () => {
    expect(quotedTitles(readDocs())).to.deep.equal([]);
  });

  // What the checks are for: a chapter moved out of the README as it was, `###` parts under its new `#` title, and a
  // quoted title that named a heading of the same page.
  it('tell a title not first, a second title, a skipped level and a quoted heading of another file', () => {
    const extract = ['# Extract references from a report', '', 'Read as in "Normalization".', '', '### Several reports of one campaign', '', '```md', '# not a heading', '```'].join('\n');
    expect(headingProblems('docs/extract.md', extract)).to.deep.equal(['docs/extract.md:5: "### Several reports of one campaign" skips a level under a heading of level 1']);
    expect(headingProblems('docs/x.md', 'Intro.\n\n## Part\n\n# Title\n')).to.deep.equal([
      'docs/x.md:3: the file does not open with its title (# …)',
      'docs/x.md:5: a second title, "# Title" (a chapter has one; its parts are ## …)',
    ]);
    const normalization = { path: 'docs/normalization.md', text: '# Normalization\n\nSee `"Extract references from a report"`.\n' };
    expect(quotedTitles([{ path: 'docs/extract.md', text: extract }, normalization])).to.deep.equal([
      'docs/extract.md:3: "Normalization" is a heading of docs/normalization.md: link to it',
    ]);
  });
});
