import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Workbook } from 'exceljs';
import { readWorkbook, workbookXml } from './workbook.js';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { renderXlsx } from '../../lib/export/render-xlsx.js';
import { loadProcedures, renderAttackObjectLayer, resolveAttackObject } from '../../lib/index.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadRelease, repoRoot, testCacheDir } from '../helpers/attack.js';

const fillOf = (cell: { fill?: unknown }): string | undefined => (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;

describe('renderXlsx', () => {
  const index = loadRelease('18.1');
  const layer = JSON.parse(readFileSync(join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 'utf8')) as NavigatorLayer;
  const model = matrixModel(layer, index);
  let bytes: Uint8Array;
  let workbook: Workbook;
  before(async () => {
    bytes = await renderXlsx(model);
    workbook = await readWorkbook(bytes);
  });

  it('has the Matrix, Techniques and Layer sheets', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).to.deep.equal(['Matrix', 'Techniques', 'Layer']);
  });

  it('lays out the matrix: tactic names on row 4 every other column, techniques below with colour and score', () => {
    const sheet = workbook.getWorksheet('Matrix')!;
    expect(model.columns.map((_, i) => sheet.getCell(4, 2 * i + 1).value)).to.deep.equal(model.columns.map((c) => c.name));
    const c2 = model.columns.findIndex((c) => c.tactic === 'command-and-control');
    const column = sheet.getColumn(2 * c2 + 1);
    let found = 0;
    column.eachCell((cell, row) => {
      if (cell.value !== 'T1095 Non-Application Layer Protocol') return;
      found = row;
      expect(fillOf(cell)).to.equal('FFFF6666');
      expect(sheet.getCell(row, 2 * c2 + 2).value).to.equal(100);
      expect(String(cell.note ?? '')).to.contain('Custom Command and Control Protocol');
    });
    expect(found).to.be.greaterThan(4);
    const plain = sheet.getCell(5, 2 * c2 + 1);
    expect([typeof plain.value, fillOf(plain)]).to.deep.equal(['string', undefined]);
  });

  it('has the flat table, a row per annotated entry, scores as numbers', () => {
    const sheet = workbook.getWorksheet('Techniques')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).to.deep.equal(['technique', 'name', 'tactic', 'score', 'color', 'comment', 'metadata', 'links', 'note']);
    expect(sheet.rowCount - 1).to.equal(model.rows.length);
    const entry = layer.techniques!.find((t) => t.techniqueID === 'T1204')!;
    const row = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === 'T1204')!;
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(6).value]).to.deep.equal(['Execution', entry.score, entry.comment]);
  });

  it('gives the reason a tactic is not shown: its techniques disabled and hidden, not "no technique on these platforms"', async () => {
    // The tester's 14-layerbuilder-ics-g0088-hidedisabled.json disables every technique but two: here, Exfiltration's.
    const exfiltration = matrixModel(layer, index, { subtechniques: 'expanded' }).columns.find((c) => c.tactic === 'exfiltration')!;
    const disabled = [...new Set(exfiltration.cells.flatMap((c) => [c.id, ...c.subtechniques.map((sub) => sub.id)]))];
    const all = matrixModel({ ...layer, hideDisabled: true, techniques: disabled.map((id) => ({ techniqueID: id, enabled: false })) }, index);
    const sheet = (await readWorkbook(await renderXlsx(all))).getWorksheet('Layer')!;
    const notShown = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1)).filter((row) => row.getCell(1).value === 'tactics not shown').map((row) => row.getCell(2).value);
    expect(notShown).to.include('Exfiltration: every technique under them is disabled, and hideDisabled is true');
    expect(notShown.join('\n')).to.not.contain('Exfiltration: no technique');
  });

  it('says on the Matrix and Layer sheets that aggregate scores colour the techniques, as Navigator\'s SVG export heads its picture', async () => {
    // DeTT&CT's talos-q2-2021 layer: layout { showAggregateScores: true, aggregateFunction: "sum", countUnscored: false }.
    const aggregated = matrixModel({ ...layer, layout: { ...layer.layout, showAggregateScores: true, aggregateFunction: 'max', countUnscored: true } }, index);
    const book = await readWorkbook(await renderXlsx(aggregated));
    expect(String(book.getWorksheet('Matrix')!.getCell(2, 1).value)).to.contain('aggregate scores: max, unscored counted as 0');
    const sheet = book.getWorksheet('Layer')!;
    const rows = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1)).filter((row) => row.getCell(1).value === 'aggregate scores');
    expect(rows.map((row) => row.getCell(2).value)).to.deep.equal(['max, unscored counted as 0']);
    const plain = (await readWorkbook(await renderXlsx(model))).getWorksheet('Layer')!;
    expect(Array.from({ length: plain.rowCount }, (_, i) => plain.getRow(i + 1).getCell(1).value)).to.not.include('aggregate scores');
  });

  it('notes the aggregate score that colours a technique with none of its own, which the score column leaves empty', async () => {
    // mitreattack-python's ToExcel (to_excel.py at 79de1d55) colours such a parent only when the layer has an entry for
    // it, and writes no score anywhere. Here T1087 is painted for T1087.001's 50 alone.
    const techniques = [{ techniqueID: 'T1087', showSubtechniques: true }, { techniqueID: 'T1087.001', score: 50 }, { techniqueID: 'T1059', score: 30 }];
    const cellsOf = async (showAggregateScores: boolean): Promise<Map<string, { note: string; score: unknown; fill?: string }>> => {
      const sheet = (await readWorkbook(await renderXlsx(matrixModel({ ...layer, layout: { ...layer.layout, showAggregateScores }, techniques } as NavigatorLayer, index))))!.getWorksheet('Matrix')!;
      const found = new Map<string, { note: string; score: unknown; fill?: string }>();
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          const id = /^(T\d{4}(?:\.\d{3})?) /.exec(String(cell.value))?.[1];
          if (id && ['T1087', 'T1087.001', 'T1059'].includes(id)) found.set(id, { note: String(cell.note ?? ''), score: sheet.getCell(r, c + 1).value, fill: fillOf(cell) });
        }),
      );
      return found;
    };
    const aggregated = await cellsOf(true);
    expect(aggregated.get('T1087')).to.deep.equal({ note: 'T1087 Account Discovery\nDiscovery · aggregate score 50', score: null, fill: aggregated.get('T1087.001')!.fill });
    expect(aggregated.get('T1059')!.note, 'an aggregate equal to the score shown').to.equal('');
    const plain = await cellsOf(false);
    expect([plain.get('T1087')!.note, plain.get('T1087')!.fill]).to.deep.equal(['', undefined]);
  });

  it('finds cells by ID, not by name: T1566.001 and T1598.002, both "Spearphishing Attachment", each keep their own', async () => {
    // mitreattack-python's ToExcel finds a technique's cells by its name (excel_templates.py retrieve_coords, and
    // matrix_gen.py _get_ID for the ID shown, at 79de1d55): there T1566.001's score paints T1598.002's cell too, and
    // showID labels both T1598.002, the first of that name in matrix order. 23 names are shared by 48 techniques in 18.1.
    const techniques = [{ techniqueID: 'T1566', showSubtechniques: true }, { techniqueID: 'T1598', showSubtechniques: true }, { techniqueID: 'T1566.001', score: 100 }, { techniqueID: 'T1003', color: '#000080' }];
    const sheet = (await readWorkbook(await renderXlsx(matrixModel({ name: 'names', domain: 'enterprise-attack', layout: { showID: true, showName: true }, techniques } as NavigatorLayer, index))))!.getWorksheet('Matrix')!;
    const found: [string, string | undefined, string | undefined][] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (/Spearphishing Attachment|OS Credential Dumping/.test(String(cell.value))) found.push([String(cell.value), fillOf(cell), (cell.font as { color?: { argb?: string } } | undefined)?.color?.argb]);
      }),
    );
    expect(found.sort()).to.deep.equal([
      // An explicit dark colour gets white text, as a gradient colour does (ToExcel whitens gradient colours only).
      ['T1003 OS Credential Dumping', 'FF000080', 'FFFFFFFF'],
      ['T1566.001 Spearphishing Attachment', 'FF8EC843', 'FF000000'],
      ['T1598.002 Spearphishing Attachment', undefined, 'FF000000'],
    ]);
  });

  it('is byte-identical when written twice (no clock in the zip or the document properties)', async () => {
    await new Promise((done) => setTimeout(done, 2100));
    expect(Buffer.compare(Buffer.from(await renderXlsx(model)), Buffer.from(bytes))).to.equal(0);
  });
});

describe('renderXlsx links', () => {
  // The shapes of attack-object layers (G0016: 42 of its 66 entries cite one source, the rest two to four) and of a
  // layer linking its report, with a javascript: link that must stay text.
  const layer = {
    name: 'links',
    domain: 'enterprise-attack',
    links: [{ label: 'report', url: 'https://example.org/report' }, { divider: true }, { label: 'click', url: 'javascript:alert(1)' }],
    techniques: [
      { techniqueID: 'T1059', score: 1, links: [{ label: 'Mandiant', url: 'https://www.mandiant.com/resources/blog/unc3524-eye-spy-email' }] },
      { techniqueID: 'T1105', score: 1, links: [{ label: 'a', url: 'https://example.org/a' }, { label: 'b', url: 'https://example.org/b' }] },
      { techniqueID: 'T1027', score: 1, links: [{ label: 'click', url: 'javascript:alert(1)' }] },
    ],
  } as unknown as NavigatorLayer;
  let workbook: Workbook;
  before(async () => {
    workbook = await readWorkbook(await renderXlsx(matrixModel(layer, loadRelease('18.1'))));
  });
  const hyperlinkOf = (value: unknown): string | undefined => (value as { hyperlink?: string } | null)?.hyperlink;

  it('makes a links cell of the Techniques sheet that holds one web address open it, the text as written', () => {
    const sheet = workbook.getWorksheet('Techniques')!;
    const cells = new Map(Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).map((row) => [row.getCell(1).value, row.getCell(8)]));
    expect(hyperlinkOf(cells.get('T1059')!.value)).to.equal('https://www.mandiant.com/resources/blog/unc3524-eye-spy-email');
    expect(cells.get('T1059')!.text).to.equal('Mandiant: https://www.mandiant.com/resources/blog/unc3524-eye-spy-email');
    expect(cells.get('T1105')!.value).to.equal('a: https://example.org/a\nb: https://example.org/b');
    expect(cells.get('T1027')!.value).to.equal('click: javascript:alert(1)');
  });

  it('lists every link of an entry on a row of its own of the Links sheet, each web address a click away', () => {
    const sheet = workbook.getWorksheet('Links')!;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).map((row) => [row.getCell(1).value, row.getCell(4).value, hyperlinkOf(row.getCell(5).value) ?? row.getCell(5).value]);
    expect([1, 2, 3, 4, 5].map((i) => sheet.getRow(1).getCell(i).value)).to.deep.equal(['technique', 'name', 'tactic', 'label', 'url']);
    expect(rows).to.deep.equal([
      ['T1027', 'click', 'javascript:alert(1)'],
      ['T1059', 'Mandiant', 'https://www.mandiant.com/resources/blog/unc3524-eye-spy-email'],
      ['T1105', 'a', 'https://example.org/a'],
      ['T1105', 'b', 'https://example.org/b'],
    ]);
    // Only the web addresses are hyperlinks; the javascript: one stays text.
    expect(hyperlinkOf(sheet.getRow(2).getCell(5).value)).to.equal(undefined);
  });

  it('says, on a links cell of several addresses, that a click goes to their rows of the Links sheet', () => {
    const sheet = workbook.getWorksheet('Techniques')!;
    const row = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(1).value === 'T1105')!;
    expect(String(row.getCell(8).note)).to.equal('2 links, rows 4 to 5 of the Links sheet: a click here goes there, where each web or mail address opens on a click');
    expect(row.getCell(8).text).to.equal('a: https://example.org/a\nb: https://example.org/b');
  });

  it('makes each web link of the Layer sheet a hyperlink, and no other', () => {
    const sheet = workbook.getWorksheet('Layer')!;
    const links = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getRow(i + 1)).filter((row) => row.getCell(1).value === 'link').map((row) => row.getCell(2).value);
    expect(links.map(hyperlinkOf)).to.deep.equal(['https://example.org/report', undefined, undefined]);
    expect(links.slice(1)).to.deep.equal(['—', 'click: javascript:alert(1)']);
  });
});

describe('renderXlsx links as the workbook holds them: the APT29 layer of attack-object (G0016)', () => {
  // What Excel and LibreOffice read: the sheets' XML and their relationships, unzipped from the workbook written.
  const index = loadRelease('18.1');
  const { layer } = renderAttackObjectLayer(resolveAttackObject(index, 'G0016').object, index, loadProcedures(index, { cacheDir: testCacheDir() }));
  const model = matrixModel(layer, index);
  let xml: ReturnType<typeof workbookXml>;
  let workbook: Workbook;
  before(async () => {
    const bytes = await renderXlsx(model);
    xml = workbookXml(bytes);
    workbook = await readWorkbook(bytes);
  });
  /** A sheet's hyperlinks (cell, relationship id, location) and its relationships (id to target and mode). */
  const linksOf = (sheet: string): { cells: Map<string, { rId?: string; location?: string }>; targets: Map<string, [string, string]> } => {
    const file = xml.sheetFile(sheet);
    const attribute = (element: string, name: string): string | undefined => new RegExp(` ${name}="([^"]*)"`).exec(element)?.[1];
    const cells = new Map(
      (xml.files.get(file)!.match(/<hyperlink [^>]*>/g) ?? []).map((element) => {
        const [rId, location] = [attribute(element, 'r:id'), attribute(element, 'location')];
        return [attribute(element, 'ref')!, { ...(rId ? { rId } : {}), ...(location ? { location } : {}) }];
      }),
    );
    const rels = xml.files.get(file.replace('worksheets/', 'worksheets/_rels/') + '.rels') ?? '';
    const targets = new Map(
      (rels.match(/<Relationship [^>]*>/g) ?? []).filter((element) => element.includes('/hyperlink"')).map((element): [string, [string, string]] => [attribute(element, 'Id')!, [attribute(element, 'Target')!, attribute(element, 'TargetMode')!]]),
    );
    return { cells, targets };
  };
  const unescape = (text: string): string => text.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

  it('makes the links cell of each entry citing one source an external hyperlink to it, 42 of the 66', () => {
    const { cells, targets } = linksOf('Techniques');
    const single = model.rows.map((row, i) => ({ row, i })).filter(({ row }) => row.links.filter((link) => !('divider' in link)).length === 1);
    expect([single.length, model.rows.length]).to.deep.equal([42, 66]);
    for (const { row, i } of single) {
      const link = cells.get(`H${i + 2}`);
      expect(link?.location, row.technique).to.equal(undefined);
      expect(targets.get(link?.rId ?? '')?.map(unescape), row.technique).to.deep.equal([(row.links[0] as { url: string }).url, 'External']);
    }
  });

  it('makes a links cell of several sources a link within the workbook to the first of their rows of the Links sheet, 24 of the 66', () => {
    const { cells } = linksOf('Techniques');
    const links = linksOf('Links');
    const sheet = workbook.getWorksheet('Techniques')!;
    const several = model.rows.map((row, i) => ({ row, i })).filter(({ row }) => row.links.filter((link) => !('divider' in link)).length > 1);
    expect(several).to.have.length(24);
    for (const { row, i } of several) {
      const [, count, from, to] = /^(\d+) links, rows (\d+) to (\d+) of the Links sheet: a click here goes there, where each web or mail address opens on a click$/.exec(String(sheet.getCell(i + 2, 8).note)) ?? [];
      // What Excel and LibreOffice follow: location alone, no relationship, as LibreOffice 7.4 writes such a link.
      expect(cells.get(`H${i + 2}`), row.technique).to.deep.equal({ location: `&apos;Links&apos;!A${from}` });
      const urls = row.links.flatMap((link) => ('url' in link ? [link.url] : []));
      expect([Number(count), Number(to) - Number(from) + 1], row.technique).to.deep.equal([urls.length, urls.length]);
      const rows = Array.from({ length: urls.length }, (_, k) => Number(from) + k);
      expect(rows.map((r) => workbook.getWorksheet('Links')!.getCell(r, 1).value), row.technique).to.deep.equal(urls.map(() => row.technique));
      expect(rows.map((r) => links.targets.get(links.cells.get(`E${r}`)?.rId ?? '')?.[0]).map((url) => url && unescape(url)), row.technique).to.deep.equal(urls);
    }
  });

  it('leaves no relationship for a link within the workbook, and every location names a sheet and a row it has', () => {
    for (const sheet of ['Matrix', 'Techniques', 'Links', 'Layer']) {
      const { cells, targets } = linksOf(sheet);
      for (const [id, [target]] of targets) expect(target, `${sheet} ${id}`).to.not.match(/^#/);
      for (const [cell, { rId, location }] of cells) {
        if (!location) continue;
        expect(rId, `${sheet}!${cell}`).to.equal(undefined);
        const [, name, row] = /^&apos;([^&]+)&apos;!A(\d+)$/.exec(location) ?? [];
        expect(Number(row), `${sheet}!${cell}`).to.be.within(2, workbook.getWorksheet(name ?? '')?.rowCount ?? 0);
      }
    }
  });

  it("mends what exceljs 4.4 writes for its documented link within the workbook (#'Links'!A5): an external relationship too", async () => {
    // exceljs's README gives `{ text, hyperlink: "#'Sheet2'!A1" }` for a link to another sheet, and writes it as
    // location="#'Links'!A5" with an r:id to an external relationship of the same text
    // (https://github.com/exceljs/exceljs/issues/3027: Excel reads `#Sheet2!A1##Sheet2!A1`; LibreOffice 7.4 opens
    // `<file>.xlsx#'Links'!A5%23%23'Links'!A5`). When this fails, exceljs writes them right and the mending can go.
    const { Workbook: Book } = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
    const probe = new Book();
    probe.addWorksheet('Techniques').getCell('H3').value = { text: 'T1105', hyperlink: "#'Links'!A5" };
    probe.addWorksheet('Links');
    const written = workbookXml(new Uint8Array(await probe.xlsx.writeBuffer()));
    const sheet = written.files.get(written.sheetFile('Techniques'))!;
    const rels = written.files.get(written.sheetFile('Techniques').replace('worksheets/', 'worksheets/_rels/') + '.rels') ?? '';
    expect(sheet).to.match(/<hyperlink ref="H3" r:id="rId1" location="#&apos;Links&apos;!A5"\/>/);
    expect(rels).to.contain('Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="#&apos;Links&apos;!A5" TargetMode="External"');
  });
});
