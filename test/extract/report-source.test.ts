import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { reportSource } from '../../lib/extract/report-source.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

// A saved page's head as a WordPress site's SEO and Open Graph plugins write it, reconstructed in our own words after
// securelist.com's home page (a public repository's copy: `<title>…Kaspersky Lab&#039;s…</title>`, All in One SEO's
// `<link rel="canonical" href="https://securelist.com/" />`, WP-Open-Graph's `og:url` "https://securelist.com", the
// same address without the slash), with an SVG's title in the body.
const page = (head: string): string =>
  [
    '<!DOCTYPE html>',
    '<html prefix="og: http://ogp.me/ns#">',
    '<head>',
    head,
    '</head>',
    '<body>',
    '<div class="site-title" title="Example Labs">Example Labs</div>',
    '<p>The actor sent a spearphishing attachment (T1566.001), then ran PowerShell (T1059.001).</p>',
    '<svg><title>Figure 1</title></svg>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
const TITLE = '<title>Example Labs&#039; report: Operation Paper Lantern &amp; its loaders</title>';
const CANONICAL = '<link rel="canonical" href="https://labs.example.com/" />';
const OG_URL = '<meta property="og:url" content="https://labs.example.com" />';

describe('reportSource', () => {
  it("reads a saved page's <title> and the address its canonical link and og:url agree on (securelist.com's layout)", () => {
    expect(reportSource(page([TITLE, CANONICAL, OG_URL].join('\n')), 'reports/lantern.html', true)).to.deep.equal({
      title: "Example Labs' report: Operation Paper Lantern & its loaders",
      url: 'https://labs.example.com/',
    });
  });

  it('guesses no url: none where the canonical link and og:url disagree, nor where the page states none', () => {
    const other = '<meta property="og:url" content="https://labs.example.com/2024/lantern" />';
    expect(reportSource(page([TITLE, CANONICAL, other].join('\n')), 'lantern.html', true)).to.not.have.property('url');
    expect(reportSource(page(TITLE), 'lantern.html', true)).to.not.have.property('url');
  });

  it("takes the file's name when the page's head has no title (an SVG's in the body is no page title)", () => {
    expect(reportSource(page(CANONICAL), 'reports/lantern.html', true)).to.deep.equal({ title: 'lantern.html', url: 'https://labs.example.com/' });
  });

  it("reads a Markdown file's first `# ` heading, after front matter too", () => {
    const markdown = '---\nauthor: x\n---\n\n# Operation Paper Lantern\n\nThe actor ran PowerShell (T1059.001).\n';
    expect(reportSource(markdown, 'lantern.md', false)).to.deep.equal({ title: 'Operation Paper Lantern' });
  });

  it("reads a PDF-to-text's first line when it looks like a title, else takes the file's name (the seeds)", () => {
    // Seed 000 (Mandiant's TEMP.Periscope post in Japanese) begins with its title; seed 003 (the APT32 post) with the
    // blog's section, `ブログ(脅威調査)`, which is no title.
    const seed = (name: string): string => readFileSync(resolve(repoRoot, '../shared/seeds', name), 'utf8');
    const first = seed('000_9001b8a6a998de5e.txt').split('\n')[0]!.trim();
    expect(first).to.match(/^2018年7月のカンボジア総選挙/);
    expect(reportSource(seed('000_9001b8a6a998de5e.txt'), 'seeds/000_9001b8a6a998de5e.txt', false)).to.deep.equal({ title: first });
    expect(reportSource(seed('003_78441eb4cb887801.txt'), 'seeds/003_78441eb4cb887801.txt', false)).to.deep.equal({ title: '003_78441eb4cb887801.txt' });
  });

  // A sheet's header row is no title, however it is written. The headers are those tools write: `Technique
  // ID,Technique Name,Tactic...` (the CSV export of a coverage tool's tests, found by its header line; mitre-attack/car
  // docs/coverage/index.md heads its table `Technique ID | Technique Name | Sub-technique Name`), and Excel's CSV with
  // its byte order mark, CRLF line ends and quoted cells.
  const ROWS = ['T1059.001,PowerShell,Execution', 'T1566.001,Spearphishing Attachment,Initial Access'];
  const sheets: ReadonlyArray<readonly [what: string, file: string, text: string]> = [
    ['a CSV sheet', 'coverage.csv', ['Technique ID,Technique Name,Tactic', ...ROWS, ''].join('\n')],
    ["Excel's CSV: BOM, CRLF, quoted cells", 'coverage.csv', ['\uFEFFTechnique ID,"Technique Name",Tactic', 'T1059.001,"PowerShell",Execution', ''].join('\r\n')],
    ["Excel's CSV where the comma is the decimal mark", 'coverage.csv', ['Technique ID;Technique Name;Tactic', 'T1059.001;PowerShell;Execution', ''].join('\r\n')],
    ['a TSV sheet', 'coverage.tsv', ['Technique ID\tTechnique Name\tTactic', 'T1059.001\tPowerShell\tExecution', ''].join('\n')],
    ['a sheet saved as .txt, told by the columns its header names', 'coverage.txt', ['Technique ID\tTechnique Name\tTactic', 'T1059.001\tPowerShell\tExecution', ''].join('\n')],
    ['a .csv file of columns no mapping table names', 'coverage.csv', ['Rule Title,Severity,Owner', 'Encoded PowerShell (T1059.001),High,SOC', ''].join('\n')],
  ];
  for (const [what, file, text] of sheets) {
    it(`takes the file's name, not the header row, as the title of ${what}`, () => {
      expect(reportSource(text, `reports/${file}`, false)).to.deep.equal({ title: file });
    });
  }

  it('still reads a first line with commas as the title of a text that is no sheet', () => {
    const text = 'Operation Paper Lantern, Part 2\n\nThe actor ran PowerShell (T1059.001).\n';
    expect(reportSource(text, 'lantern.txt', false)).to.deep.equal({ title: 'Operation Paper Lantern, Part 2' });
  });

  it('gives nothing for standard input without a title', () => {
    expect(reportSource('The actor ran PowerShell (T1059.001).\n', undefined, false)).to.equal(undefined);
  });
});

describe('extract writes the report as the skeleton\'s source', () => {
  it('a saved page: `sources:` holds its title and url, and the layer rendered from the skeleton as is links to it', async () => {
    const dir = freshTmpDir('report-source');
    const file = join(dir, 'lantern.html');
    writeFileSync(file, page([TITLE, CANONICAL, OG_URL].join('\n')));
    const extracted = await runCli(['extract', file]);
    expect(extracted.code).to.equal(0);
    const skeleton = parse(extracted.stdout) as { sources: unknown };
    expect(skeleton.sources).to.deep.equal([{ title: "Example Labs' report: Operation Paper Lantern & its loaders", url: 'https://labs.example.com/' }]);
    expect(await runCli(['extract', file])).to.deep.equal(extracted);
    const campaign = join(dir, 'lantern.yaml');
    writeFileSync(campaign, extracted.stdout);
    const rendered = await runCli(['render', campaign, '--out', dir]);
    expect(rendered.code, rendered.stderr).to.equal(0);
    const layer = JSON.parse(readFileSync(join(dir, 'lantern.layer.json'), 'utf8')) as { techniques: Array<{ techniqueID: string; links?: unknown }> };
    expect(layer.techniques.find((t) => t.techniqueID === 'T1566.001')?.links).to.deep.equal([
      { label: "Example Labs' report: Operation Paper Lantern & its loaders", url: 'https://labs.example.com/' },
    ]);
  });

  it('standard input without a title: the entry is written commented out, with a note, and the skeleton renders as is', async () => {
    const dir = freshTmpDir('report-source-stdin');
    const extracted = await runCli(['extract', '-'], {}, { stdin: 'The actor ran PowerShell (T1059.001).\n' });
    expect(extracted.code).to.equal(0);
    expect(extracted.stdout).to.include('name: "stdin"\n# sources: the report was read from standard input, with no title: write its title and url');
    expect(extracted.stdout).to.include('\n#   - title: ""\n#     url: ""\ntechniques:\n');
    expect(parse(extracted.stdout)).to.not.have.property('sources');
    const campaign = join(dir, 'stdin.yaml');
    writeFileSync(campaign, extracted.stdout);
    expect((await runCli(['render', campaign, '--out', dir])).code).to.equal(0);
  });
});
