import { expect } from 'chai';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { NavigatorLayer } from '../../lib/index.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

// Two saved pages of one campaign, short reconstructions in our own words of the layout of a vendor blog post (a
// <title>, a canonical link and og:url, as securelist.com's pages write them) and of what Mandiant's "APT32 targets
// Wuhan" report (COVID-19 lures, 2020; the seed 003 is its Japanese edition) says: each cites the spearphishing
// attachment, and one technique the other does not. The addresses are example.org's: the pages are not real.
function page(title: string, url: string, body: string): string {
  return [
    '<html><head>',
    `<title>${title}</title>`,
    `<link rel="canonical" href="${url}">`,
    `<meta property="og:url" content="${url}">`,
    '</head><body>',
    `<h1>${title}</h1>`,
    body,
    '</body></html>',
    '',
  ].join('\n');
}

const FIRST_URL = 'https://example.org/blog/apt32-wuhan-covid-lures';
const SECOND_URL = 'https://example.org/research/metaljack-loader';
const FIRST = page(
  'APT32 goes after Wuhan officials with COVID-19 lures',
  FIRST_URL,
  '<p>From January to April 2020 the group mailed RAR archives posing as pandemic notices (T1566.001).</p>\n<p>Opening the lure ran the dropper (T1204.002).</p>',
);
const SECOND = page(
  'The METALJACK loader in the Wuhan intrusions',
  SECOND_URL,
  '<p>The messages carried an attachment with the loader (T1566.001).</p>\n<p>The loader kept its payload encrypted on disk (T1027).</p>',
);

interface Skeleton {
  sources: Array<{ title?: string; url?: string }>;
  techniques: Array<{ ref: string; source: string; report?: string }>;
}

describe('extract of several reports of one campaign', () => {
  it('writes one skeleton naming each report, each technique with its own; render links each technique to its report', async () => {
    const dir = freshTmpDir('extract-reports');
    const first = join(dir, 'wuhan.html');
    const second = join(dir, 'metaljack.html');
    writeFileSync(first, FIRST);
    writeFileSync(second, SECOND);
    const result = await runCli(['extract', first, second, '--name', 'APT32 Wuhan 2020']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(`found in ${first}`).and.to.include(`found in ${second}`);
    const skeleton = parse(result.stdout) as Skeleton;
    expect(skeleton.sources).to.deep.equal([
      { title: 'APT32 goes after Wuhan officials with COVID-19 lures', url: FIRST_URL },
      { title: 'The METALJACK loader in the Wuhan intrusions', url: SECOND_URL },
    ]);
    expect(skeleton.techniques.map((t) => [t.ref, t.report, t.source.replace(dir, '')])).to.deep.equal([
      // Lower-case words before a bracketed ID (`pandemic notices`, `dropper`) are the sentence's, not the technique's
      // name: the ID alone.
      ['T1566.001', FIRST_URL, '/wuhan.html:7'],
      ['T1204.002', FIRST_URL, '/wuhan.html:8'],
      ['T1566.001', SECOND_URL, '/metaljack.html:7'],
      ['T1027', SECOND_URL, '/metaljack.html:8'],
    ]);
    expect((await runCli(['extract', first, second, '--name', 'APT32 Wuhan 2020'])).stdout).to.equal(result.stdout);

    const campaign = join(dir, 'apt32.yaml');
    writeFileSync(campaign, result.stdout);
    const out = join(dir, 'layers');
    const rendered = await runCli(['render', campaign, '--out', out, '--strict', '--quiet']);
    expect(rendered.code, rendered.stderr).to.equal(0);
    const [file] = readdirSync(out);
    const layer = JSON.parse(readFileSync(join(out, file!), 'utf8')) as NavigatorLayer & { techniques: NonNullable<NavigatorLayer['techniques']> };
    const links = (id: string) => [...new Set(layer.techniques.filter((t) => t.techniqueID === id).flatMap((t) => (t.links ?? []).flatMap((link) => ('url' in link ? [link.url] : []))))];
    expect(links('T1204.002')).to.deep.equal([FIRST_URL]);
    expect(links('T1027')).to.deep.equal([SECOND_URL]);
    expect(links('T1566.001')).to.deep.equal([FIRST_URL, SECOND_URL]);
  });

  it('tells apart two reports of the same title by their files, and reads standard input once among them', async () => {
    const dir = freshTmpDir('extract-reports');
    const first = join(dir, 'a.txt');
    writeFileSync(first, 'APT32 Activity Update\n\nThe group used T1566.001.\n');
    const result = await runCli(['extract', first, '-', '--quiet'], {}, { stdin: 'APT32 Activity Update\n\nThe group used T1204.002.\n' });
    expect(result.code, result.stderr).to.equal(0);
    const skeleton = parse(result.stdout) as Skeleton;
    expect(skeleton.sources).to.deep.equal([{ title: `APT32 Activity Update (${first})` }, { title: 'APT32 Activity Update (stdin)' }]);
    expect(skeleton.techniques.map((t) => [t.ref, t.report])).to.deep.equal([
      // A sentence's words before the ID are no name: the ID alone.
      ['T1566.001', `APT32 Activity Update (${first})`],
      ['T1204.002', 'APT32 Activity Update (stdin)'],
    ]);
    const twice = await runCli(['extract', first, '-', '-'], {}, { stdin: 'T1566.001\n' });
    expect(twice.code).to.equal(2);
    expect(twice.stderr).to.include('- (standard input) is given more than once');
  });

  it('refuses a MISP event among reports: it is a campaign of its own', async () => {
    const dir = freshTmpDir('extract-reports');
    const report = join(dir, 'report.txt');
    const event = join(dir, 'event.json');
    writeFileSync(report, 'The group used T1566.001.\n');
    writeFileSync(event, JSON.stringify({ Event: { info: 'Phishing wave', date: '2020-04-01', Attribute: [], Tag: [{ name: 'misp-galaxy:mitre-attack-pattern="Spearphishing Attachment - T1566.001"' }] } }));
    const refused = await runCli(['extract', report, event]);
    expect([refused.code, refused.stdout]).to.deep.equal([2, '']);
    expect(refused.stderr).to.include(`${event}: this is a MISP event`).and.to.include('several reports make one campaign only as text, HTML or Markdown');
  });
});
