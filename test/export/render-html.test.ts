import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { matrixModel } from '../../lib/export/matrix-model.js';
import type { Element } from '@xmldom/xmldom';
import { linkedText, renderHtml } from '../../lib/export/render-html.js';
import { renderSvgPages } from '../../lib/export/render-svg.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadProcedures, renderAttackObjectLayer, resolveAttackObject } from '../../lib/index.js';
import { loadRelease, repoRoot, testCacheDir } from '../helpers/attack.js';
import { headerText, parseSvg, words } from './svg-dom.js';

describe('renderHtml', () => {
  const index = loadRelease('18.1');
  const layer = JSON.parse(readFileSync(join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 'utf8')) as NavigatorLayer;
  const html = renderHtml(matrixModel(layer, index));

  it('loads nothing: no src, link, import or url(), and a policy that forbids fetching', () => {
    expect(html).not.to.match(/\ssrc=|<link\b|@import|url\((?!#)/i);
    expect(html).to.contain(`content="default-src 'none';`);
  });

  /** The SVG pages embedded in an HTML page, parsed. */
  const pagesOf = (text: string): Element[] => (text.match(/<svg[\s\S]*?<\/svg>/g) ?? []).map(parseSvg);

  it('embeds the pages the SVG export draws, which parse as XML, with the whole description', () => {
    const pages = pagesOf(html);
    expect(pages).to.have.length(renderSvgPages(matrixModel(layer, index)).length);
    expect(pages[0]!.getElementsByTagName('g').length).to.be.greaterThan(100);
    expect(headerText(pages)).to.contain(words(layer.description!));
  });

  it('embeds every page of a layer of several, the same as the SVG export, each printed on an A4 landscape sheet', () => {
    const tall = JSON.parse(readFileSync(join(repoRoot, 'layers/temp-periscope-cambodia-2018.layer.json'), 'utf8')) as NavigatorLayer;
    const model = matrixModel(tall, index, { subtechniques: 'expanded' });
    const page = renderHtml(model);
    const svgs = renderSvgPages(model, { declaration: false });
    expect(svgs.length).to.be.greaterThan(1);
    expect(page.match(/<svg[\s\S]*?<\/svg>/g)).to.deep.equal(svgs.map((svg) => svg.trimEnd()));
    const ids = page.match(/\sid="[^"]*"/g) ?? [];
    expect(ids).to.deep.equal([...new Set(ids)]);
    expect(page).to.contain('@page sheet { size: A4 landscape; margin: 0; }');
    expect(page).to.match(/\.page \{ page: sheet; break-after: page;/);
  });

  it('has a table row per annotated entry and the hover script', () => {
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).match(/<tr>/g) ?? [];
    expect(rows.length).to.equal((layer.techniques ?? []).filter((t) => t.score !== undefined || t.comment).length);
    expect(html).to.contain("getElementById('tip')");
  });

  it('makes the sources an entry cites clickable in the table, as attack-object layers cite them (G0016)', () => {
    const { layer: group } = renderAttackObjectLayer(resolveAttackObject(index, 'G0016').object, index, loadProcedures(index, { cacheDir: testCacheDir() }));
    const page = renderHtml(matrixModel(group, index));
    const table = page.slice(page.indexOf('<tbody>'), page.indexOf('</tbody>'));
    const cited = (group.techniques ?? []).flatMap((t) => t.links ?? []).filter((link) => 'url' in link);
    expect(cited.length).to.be.greaterThan(66);
    for (const link of cited) expect(table).to.contain(`<a href="${link.url.replace(/&/g, '&amp;')}" rel="noreferrer">`);
  });

  it("leaves out a divider that opens or closes an entry's metadata or links, as the CSV and workbook tables do (CTID's M365 layer)", () => {
    // test/fixtures/layers/public/ctid-m365-e3-4.4.json (CTID Mappings Explorer, Apache-2.0) opens every entry's metadata
    // with a divider: its table cell began with a rule, `—` then `capability: EOP-MFR-E3`.
    const m365 = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/public/ctid-m365-e3-4.4.json'), 'utf8')) as NavigatorLayer;
    const email = m365.techniques!.find((t) => t.techniqueID === 'T1114')!;
    expect(email.metadata![0]).to.deep.equal({ divider: true });
    const page = renderHtml(matrixModel(m365, index));
    const table = page.slice(page.indexOf('<tbody>'), page.indexOf('</tbody>'));
    const cells = [...table.matchAll(/<td class="text">([^<]*(?:<(?!\/td>)[^<]*)*)<\/td>/g)].map((m) => m[1]!).filter((cell) => cell.includes('capability: '));
    expect(cells.length).to.be.greaterThan(0);
    const row = cells.find((cell) => cell.startsWith('capability: EOP-MFR-E3\n'));
    expect(row, 'T1114 cell').to.not.equal(undefined);
    // The dividers between two capabilities stay; none opens or closes a cell.
    expect(row!.split('\n').filter((line) => line === '—')).to.have.length(email.metadata!.filter((item) => 'divider' in item).length - 1);
    for (const cell of cells) expect(cell).to.not.match(/^—\n|\n—$/);
  });
});

describe('renderHtml with a hostile layer', () => {
  it('writes no javascript: link and no colour that is not a hex colour', () => {
    const layer = {
      name: 'hostile',
      domain: 'enterprise-attack',
      links: [{ label: 'click', url: 'javascript:alert(1)' }, { label: 'ok', url: 'https://example.org/' }],
      legendItems: [{ label: 'x', color: '"/><script>alert(1)</script>' }],
      techniques: [{ techniqueID: 'T1059', score: 1, color: 'red" onmouseover="alert(1)' }],
    } as unknown as NavigatorLayer;
    const html = renderHtml(matrixModel(layer, loadRelease('18.1')));
    expect(html).not.to.contain('javascript:');
    expect(html).not.to.contain('onmouseover');
    expect(html).not.to.contain('<script>alert');
    expect(html).to.contain('<a href="https://example.org/"');
  });

  it('keeps an entry\'s javascript: link as inert text in the table', () => {
    const layer = {
      name: 'hostile',
      domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1059', score: 1, links: [{ label: 'click', url: 'javascript:alert(1)' }, { label: 'ok', url: 'https://example.org/a?b=1&c=2' }] }],
    } as unknown as NavigatorLayer;
    const html = renderHtml(matrixModel(layer, loadRelease('18.1')));
    expect(html).to.contain('click: javascript:alert(1)\nok: <a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer">');
    expect(html).not.to.match(/href="javascript:/);
  });
});

describe('renderHtml: web addresses in metadata values', () => {
  // The layer metadata two published generators write (ICSForge's navigator-layer script, code index file id
  // 56555375310: {"name": "Source", "value": "https://github.com/ICSForge/ICSForge"}; zshguy/tyrian-detection-pack's
  // sigma_compile.py, file id 59992159724: {"name": "source", "value": "https://github.com/zshguy/tyrian-detection-pack"}),
  // and an entry's metadata citing its source in a sentence, as an analyst writes it.
  const layer = {
    name: 'Tyrian Detection Pack',
    domain: 'enterprise-attack',
    metadata: [
      { name: 'source', value: 'https://github.com/zshguy/tyrian-detection-pack' },
      { name: 'license', value: 'MIT' },
      { name: 'note', value: 'javascript:alert(1) "><b>x</b>' },
    ],
    techniques: [{ techniqueID: 'T1059', score: 2, metadata: [{ name: 'reference', value: 'see https://www.cisa.gov/news-events/cybersecurity-advisories/aa20-302a?a=1&b=2.' }] }],
  } as unknown as NavigatorLayer;
  const html = renderHtml(matrixModel(layer, loadRelease('18.1')));

  it("makes a layer's metadata value that is a web address a link", () => {
    expect(html).to.contain('source: <a href="https://github.com/zshguy/tyrian-detection-pack" rel="noreferrer">https://github.com/zshguy/tyrian-detection-pack</a> · license: MIT');
  });

  it("makes an address in an entry's metadata a link, the sentence's full stop left out and & escaped", () => {
    const table = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(table).to.contain(
      'reference: see <a href="https://www.cisa.gov/news-events/cybersecurity-advisories/aa20-302a?a=1&amp;b=2" rel="noreferrer">https://www.cisa.gov/news-events/cybersecurity-advisories/aa20-302a?a=1&amp;b=2</a>.',
    );
  });

  it("makes the addresses a comment cites links too, as MITRE's Wizard Spider sample layer writes them", () => {
    // mitre-attack/attack-navigator layers/data/samples/Wizard_Spider-G0102-Updated.json (commit 7891a53), T1204.001.
    const comment = 'WIZARD SPIDER has lured victims into clicking a malicious link delivered through spearphishing.\n\nhttps://us-cert.cisa.gov/ncas/alerts/aa20-302a';
    const page = renderHtml(matrixModel({ name: 'Wizard Spider (G0102)', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1204.001', tactic: 'execution', score: 2, comment }] } as unknown as NavigatorLayer, loadRelease('18.1')));
    expect(page).to.contain('spearphishing.\n\n<a href="https://us-cert.cisa.gov/ncas/alerts/aa20-302a" rel="noreferrer">https://us-cert.cisa.gov/ncas/alerts/aa20-302a</a></td>');
  });

  it('keeps any other text inert', () => {
    expect(html).to.contain('note: javascript:alert(1) &quot;&gt;&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.to.contain('href="javascript:');
  });

  const rows: [text: string, html: string][] = [
    ['https://example.org/a', '<a href="https://example.org/a" rel="noreferrer">https://example.org/a</a>'],
    ['(see https://example.org/a)', '(see <a href="https://example.org/a" rel="noreferrer">https://example.org/a</a>)'],
    ['https://en.wikipedia.org/wiki/Ryuk_(ransomware), then', '<a href="https://en.wikipedia.org/wiki/Ryuk_(ransomware)" rel="noreferrer">https://en.wikipedia.org/wiki/Ryuk_(ransomware)</a>, then'],
    ['"https://e.org/"<b>', '&quot;<a href="https://e.org/" rel="noreferrer">https://e.org/</a>&quot;&lt;b&gt;'],
    ['https:// alone', 'https:// alone'],
    ['ftp://example.org/a', 'ftp://example.org/a'],
  ];
  for (const [text, expected] of rows) {
    it(`linkedText(${JSON.stringify(text)})`, () => expect(linkedText(text)).to.equal(expected));
  }
});
