import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseCsv } from '../../lib/coverage/parse-csv.js';
import { parseExportInput } from '../../lib/export/export-input.js';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { summaryLine } from '../../lib/export/render-svg.js';
import { combineLayers } from '../../lib/layer/combine-layers.js';
import { LAYER_TABLE_HEADER, renderCsv, renderMarkdown } from '../../lib/export/render-table.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';

const readLayer = (name: string): NavigatorLayer => JSON.parse(readFileSync(join(repoRoot, 'layers', name), 'utf8')) as NavigatorLayer;

describe('renderCsv and renderMarkdown', () => {
  const index = loadRelease('18.1');
  const tricky: NavigatorLayer = {
    name: 'tricky | name',
    domain: 'enterprise-attack',
    techniques: [
      { techniqueID: 'T1059', score: 10, comment: 'says "hi", twice\nand | pipes' },
      { techniqueID: 'T1003', score: 10 },
      {
        techniqueID: 'T1204',
        score: 80,
        metadata: [{ name: 'a', value: '1' }, { divider: true }, { name: 'b', value: '2' }],
        links: [{ label: 'x', url: 'https://x.example' }, { divider: true }, { label: 'y', url: 'https://y.example' }],
      },
      { techniqueID: 'T1566', comment: 'unscored' },
    ],
  };
  const model = matrixModel(tricky, index);

  it('writes RFC 4180 CSV that a CSV parser reads back to the same fields', () => {
    const csv = renderCsv(model);
    expect(csv.endsWith('\r\n')).to.equal(true);
    const parsed = parseCsv(csv);
    expect(parsed.problems).to.deep.equal([]);
    const [header, ...rows] = parsed.rows.map((row) => row.cells);
    expect(header).to.deep.equal([...LAYER_TABLE_HEADER]);
    expect(rows.find((row) => row[0] === 'T1059')?.[5]).to.equal('says "hi", twice\nand | pipes');
    // CTID's Mappings Explorer layers divide the metadata of one control from the next: the JSON keeps the dividers, so does CSV.
    expect(rows.find((row) => row[0] === 'T1204')?.[6]).to.equal('a: 1; —; b: 2');
    expect(rows.find((row) => row[0] === 'T1204')?.[7]).to.equal('x: https://x.example; —; y: https://y.example');
  });

  it("leaves out a divider that opens or closes a cell's list, which separates nothing there (CTID's M365 layer)", () => {
    // test/fixtures/layers/public/ctid-m365-e3-4.4.json (CTID Mappings Explorer, Apache-2.0) opens every entry's metadata
    // with a divider: its CSV cell began `—; capability: EOP-MFR-E3`.
    const m365 = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/public/ctid-m365-e3-4.4.json'), 'utf8')) as NavigatorLayer;
    const email = m365.techniques!.find((t) => t.techniqueID === 'T1114')!;
    expect(email.metadata![0]).to.deep.equal({ divider: true });
    const rows = parseCsv(renderCsv(matrixModel(m365, index))).rows.map((row) => row.cells);
    const cell = rows.find((row) => row[0] === 'T1114')![6]!;
    expect(cell).to.match(/^capability: EOP-MFR-E3; category: protect; /);
    // The dividers between two controls stay.
    expect(cell.split('; ').filter((line) => line === '—')).to.have.length(email.metadata!.filter((item) => 'divider' in item).length - 1);
    expect(cell).to.not.match(/(^|; )—$/);
  });

  it("starts a file's CSV with a UTF-8 byte-order mark, so that Excel reads the M365 layer's • and our — dividers as written", () => {
    // Excel opens a CSV file without a byte-order mark in the system's code page (Windows-1252 in the West): CTID's M365
    // layer (test/fixtures/layers/public/ctid-m365-e3-4.4.json) comments `Related to:\n•EOP-MFR-E3`, and the metadata
    // cell divides controls with `—`; Excel showed `â€¢EOP-MFR-E3` and `â€”`. Excel's own "CSV UTF-8" writes the mark.
    const m365 = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/public/ctid-m365-e3-4.4.json'), 'utf8')) as NavigatorLayer;
    const bytes = Buffer.from(renderCsv(matrixModel(m365, index), { byteOrderMark: true }), 'utf8');
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').startsWith(`${LAYER_TABLE_HEADER.join(',')}\r\n`)).to.equal(true);
    // Once, at the start: a CSV reader that drops it (ours, Excel, pandas) reads the header as before.
    expect(bytes.toString('utf8').split('\uFEFF')).to.have.length(2);
    const rows = parseCsv(bytes.toString('utf8')).rows.map((row) => row.cells);
    expect(rows[0]).to.deep.equal([...LAYER_TABLE_HEADER]);
    expect(rows.find((row) => row[0] === 'T1114')![5]).to.equal('Related to:\n•EOP-MFR-E3\n•ME-CAE-E3\n•DEF-SecScore-E3');
    // Text for a pipe has none.
    expect(renderCsv(matrixModel(m365, index)).startsWith(`${LAYER_TABLE_HEADER.join(',')}\r\n`)).to.equal(true);
  });

  it('sorts by score, highest first, then by technique ID; unscored last', () => {
    const ids = parseCsv(renderCsv(model)).rows.slice(1).map((row) => row.cells[0]);
    expect(ids).to.deep.equal(['T1204', 'T1003', 'T1059', 'T1566']);
  });

  it("writes a Markdown note's commands as code, as the list of entries not drawn does", () => {
    // DeTT&CT's mobile group layer (test/fixtures/layers/public/dettect-group-mobile-2.1.json) scores T1411, revoked in
    // mobile-attack 18.1: its note cell read `run \`attack-layers upgrade\`` (backslashed backticks, shown as written),
    // where the list under the table shows the command as code (here in the library's words, `upgradeLayer`).
    const mobile = parseExportInput(readFileSync(join(repoRoot, 'test/fixtures/layers/public/dettect-group-mobile-2.1.json'), 'utf8'), 'mobile.json');
    if (mobile.kind !== 'layer') throw new Error('no layer');
    const markdown = renderMarkdown(matrixModel(mobile.layer, loadRelease('18.1', 'mobile-attack')));
    const row = markdown.split('\n').find((line) => line.startsWith('| T1411 '))!;
    expect(row.split(' | ').at(-1)).to.equal('not drawn: revoked in mobile-attack 18.1, replaced by T1417.002 Input Capture: GUI Input Capture; run `upgradeLayer` |');
    expect(markdown).to.contain('- T1411: revoked in mobile-attack 18.1, replaced by T1417.002 Input Capture: GUI Input Capture; run `upgradeLayer`\n');
  });

  it('writes a Markdown colour as it is (#f00a), which a table cell reads literally, not as \\#f00a', () => {
    // CommonMark and GFM parse a table cell as inline text, where # means nothing: markdown-it shows `#f00a` as #f00a.
    const coloured = renderMarkdown(matrixModel({ ...tricky, techniques: [{ techniqueID: 'T1059', color: '#f00a' }, { techniqueID: 'T1003', color: '#CE232E' }] }, index));
    const colours = coloured.split('\n').filter((line) => /^\| T\d/.test(line)).map((line) => line.split(' | ')[LAYER_TABLE_HEADER.indexOf('color')]);
    expect(colours).to.deep.equal(['#CE232E', '#f00a']);
  });

  it('escapes pipes and line breaks in Markdown cells, so each row stays one table row', () => {
    const markdown = renderMarkdown(model);
    const rows = markdown.split('\n').filter((line) => /^\| T\d/.test(line));
    expect(rows).to.have.length(4);
    const t1059 = rows.find((line) => line.startsWith('| T1059 '))!;
    expect(t1059).to.contain('says "hi", twice<br>and \\| pipes');
    // Unescaped pipes delimit exactly the 9 columns.
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).to.equal(LAYER_TABLE_HEADER.length);
  });

  it("writes the layer's name as the title and its description as a quote", () => {
    const layer = readLayer('apt32-covid19-wuhan.layer.json');
    const markdown = renderMarkdown(matrixModel(layer, index));
    expect(markdown.startsWith(`# ${layer.name}\n`)).to.equal(true);
    expect(markdown).to.contain(`> ${layer.description!.split('\n')[0]}`);
  });
});

// A combined layer said "38 annotated technique entries, 38 scored" of its 46 entries: the 8 that only set
// showSubtechniques on a parent, as combine writes one for each parent of an annotated sub-technique, went unsaid.
describe('summaryLine: entries that only expand a parent', () => {
  const index = loadRelease('18.1');
  it('counts them apart from the annotated entries, in one clause (combine union of the two campaign layers)', () => {
    const names = ['apt32-covid19-wuhan.layer.json', 'temp-periscope-cambodia-2018.layer.json'];
    const { layer } = combineLayers(names.map((name) => ({ layer: readLayer(name), source: `layers/${name}` })), { op: 'union', index });
    const layoutOnly = layer.techniques!.filter((entry) => Object.keys(entry).every((key) => ['techniqueID', 'tactic', 'showSubtechniques'].includes(key)));
    expect([layer.techniques!.length, layoutOnly.length]).to.deep.equal([46, 8]);
    expect(summaryLine(matrixModel(layer, index))).to.equal(
      'ATT&CK enterprise-attack 18.1 · platforms: all · 38 annotated technique entries, 38 scored, and 8 that only expand their sub-techniques',
    );
  });

  it('says nothing more of a layer without such entries, and names one alone', () => {
    const one = { name: 'one', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1566.001', score: 1 }, { techniqueID: 'T1566', showSubtechniques: true }] } as NavigatorLayer;
    expect(summaryLine(matrixModel(one, index))).to.contain('1 annotated technique entry, 1 scored, and 1 that only expands its sub-techniques');
    expect(summaryLine(matrixModel({ ...one, techniques: [one.techniques![0]!] }, index))).to.match(/1 scored$/);
  });
});

// The Markdown export, what a report quotes, dropped what the layer says of itself: APT32's `actor: APT32 (G0050)` and
// `score model` metadata, the legend that says what a colour means, a layer's links; the workbook's Layer sheet and the
// HTML page kept them. The Navigator 4.5 spec's example layer (test/fixtures/layers/navigator/spec-4.5-example.json,
// mitre-attack/attack-navigator) has layer metadata with a divider and a legend item.
describe('renderMarkdown: the layer metadata, links and legend', () => {
  const index = loadRelease('18.1');
  it('lists them under the description, a divider between metadata groups kept as —, the input escaped', () => {
    const spec = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/navigator/spec-4.5-example.json'), 'utf8')) as NavigatorLayer;
    const layer: NavigatorLayer = { ...spec, links: [{ label: 'report *one*', url: 'https://example.org/report' }] };
    const markdown = renderMarkdown(matrixModel(layer, index));
    expect(markdown).to.contain(
      '> hello, world\n\n' +
        '- metadata: layer metadata 1: layer metadata 1 value\n- metadata: —\n- metadata: layer metadata 2: layer metadata 2 value\n' +
        '- link: report \\*one\\*: https://example.org/report\n- legend: `#FF00FF` Legend Item Label\n\n| Technique |',
    );
    const apt32 = renderMarkdown(matrixModel(readLayer('apt32-covid19-wuhan.layer.json'), index));
    expect(apt32).to.contain('- metadata: actor: APT32 (G0050)\n');
    expect(apt32).to.contain('- legend: `#ff6666` observed in the campaign (100)\n');
  });
});
