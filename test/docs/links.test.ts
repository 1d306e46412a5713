/**
 * Every relative link of the documentation (README.md, the chapters of docs/, eval/README.md) leads somewhere: its file
 * exists, and its anchor (`docs/gap.md#coverage-gap-review`, `#install`) is a heading of that file, as GitHub makes
 * anchors. The README's chapters moved into docs/, one file each: a link written as `(#coverage-gap-review)` in a
 * chapter that no longer holds that heading leads nowhere on GitHub, without a word.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';
import { githubSlug, headingAnchors, markdownLinks, readDoc, readDocs } from '../helpers/docs.js';

/**
 * The links of the Markdown files given (paths from `root`) that lead nowhere, each as `file:line: target: why`.
 * Addresses with a scheme (`https:`, `mailto:`) and absolute paths are not checked.
 */
function brokenLinks(root: string, files: ReadonlyArray<{ path: string; text: string }>): string[] {
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (path: string, text?: string): Set<string> => {
    if (!anchorsOf.has(path)) anchorsOf.set(path, headingAnchors(text ?? readFileSync(join(root, path), 'utf8')));
    return anchorsOf.get(path)!;
  };
  const broken: string[] = [];
  for (const { path, text } of files) {
    anchors(path, text);
    for (const { line, target } of markdownLinks(text)) {
      if (/^[a-z][\w+.-]*:/i.test(target) || target.startsWith('/')) continue;
      const [address = '', anchor] = target.split('#');
      const file = address ? normalize(join(dirname(path), decodeURIComponent(address))) : path;
      const say = (why: string) => broken.push(`${path}:${line}: ${target}: ${why}`);
      if (relative(root, join(root, file)).startsWith('..')) say('leads outside the repository');
      else if (!existsSync(join(root, file))) say(`no such file (${file})`);
      else if (anchor !== undefined && file.endsWith('.md') && !anchors(file).has(anchor)) say(`${file} has no heading whose anchor is #${anchor}`);
    }
  }
  return broken;
}

describe('githubSlug: the anchor GitHub gives a heading', () => {
  const rows: Array<[string, string]> = [
    ['ATT&CK data', 'attck-data'],
    ["A team's own ATT&CK data: Workbench exports, TAXII, merged bundles", 'a-teams-own-attck-data-workbench-exports-taxii-merged-bundles'],
    ["attack.mitre.org's layers", 'attackmitreorgs-layers'],
    ['sigma-cli analyze attack', 'sigma-cli-analyze-attack'],
    ['Export: pictures and tables', 'export-pictures-and-tables'],
    ['snake_case and 2 spaces  here', 'snake_case-and-2-spaces--here'],
    ['Über die Daten', 'über-die-daten'],
  ];
  for (const [heading, slug] of rows) it(`"${heading}" -> #${slug}`, () => expect(githubSlug(heading)).to.equal(slug));

  it('reads a heading as rendered (no code marks, a link by its text) and numbers a repeated one', () => {
    const text = ['# Title', '### sigma-cli `analyze attack`', '## [Install](#x)', '## Notes', '## Notes', '```sh', '# not a heading', '```'].join('\n');
    expect([...headingAnchors(text)]).to.deep.equal(['title', 'sigma-cli-analyze-attack', 'install', 'notes', 'notes-1']);
  });
});

describe('markdownLinks: the links of a Markdown text', () => {
  it('finds links and images in prose, not in code spans or fenced blocks, with their lines', () => {
    const text = ['See [gap](docs/gap.md#coverage-gap-review) and ![shot](docs/a.png "A").', '`[x](nowhere.md)` is an example', '```', '[y](nowhere.md)', '```', '[Install](#install)'].join('\n');
    expect(markdownLinks(text)).to.deep.equal([
      { line: 1, target: 'docs/gap.md#coverage-gap-review' },
      { line: 1, target: 'docs/a.png' },
      { line: 6, target: '#install' },
    ]);
  });

  // The README's CLI reference row of extract links ([above](#extract-references-from-a-report)) after rows and
  // paragraphs whose backticks, paired across them, hid it.
  it('ends a code span at its paragraph and at its table row: an unpaired backtick hides no later link', () => {
    const text = ['A `stray backtick.', '', '| `a` | b |', '| see [above](#install) | `extract` |', '', '[Install](#install) `x'].join('\n');
    expect(markdownLinks(text)).to.deep.equal([
      { line: 4, target: '#install' },
      { line: 6, target: '#install' },
    ]);
  });
});

describe('the links of the README and docs/', () => {
  it("finds every relative link's file and heading", () => {
    const files = [...readDocs(), { path: 'eval/README.md', text: readDoc('eval/README.md') }];
    const links = files.flatMap(({ text }) => markdownLinks(text));
    expect(brokenLinks(repoRoot, files)).to.deep.equal([]);
    expect(links.filter(({ target }) => target.includes('.md#')).length, 'links to a heading of another file').to.be.at.least(10);
  });

  it('links from the README to every chapter of docs/', () => {
    const linked = new Set(markdownLinks(readDoc('README.md')).map(({ target }) => target.split('#')[0]));
    const chapters = readDocs()
      .map(({ path }) => path)
      .filter((path) => path.startsWith('docs/'));
    expect(chapters.filter((path) => !linked.has(path))).to.deep.equal([]);
  });

  // What the check is for: a chapter moved out of the README whose link still names a heading it no longer holds.
  it('tells a link to a heading of another file, to a missing file, and out of the repository', () => {
    const root = freshTmpDir('docs-links');
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'README.md'), '# Tool\n\n## Install\n\nSee [Extract](docs/extract.md#extract-references-from-a-report), [Gap](docs/gap.md).\n');
    writeFileSync(
      join(root, 'docs', 'extract.md'),
      '# Extract references from a report\n\nRead as [Normalization](#reading-references-as-reports-write-them) says; [up](../../x.md), [top](../README.md#install).\n',
    );
    const files = ['README.md', 'docs/extract.md'].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
    expect(brokenLinks(root, files)).to.deep.equal([
      'README.md:5: docs/gap.md: no such file (docs/gap.md)',
      'docs/extract.md:3: #reading-references-as-reports-write-them: docs/extract.md has no heading whose anchor is #reading-references-as-reports-write-them',
      'docs/extract.md:3: ../../x.md: leads outside the repository',
    ]);
  });
});
