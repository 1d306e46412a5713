import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Workbook } from 'exceljs';
import { readWorkbook, workbookXml } from './workbook.js';
import { matrixModel, type MatrixModel } from '../../lib/export/matrix-model.js';
import { renderXlsx, type XlsxOptions } from '../../lib/export/render-xlsx.js';
import { loadProcedures, renderAttackObjectLayer, resolveAttackObject } from '../../lib/index.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadRelease, repoRoot, testCacheDir } from '../helpers/attack.js';

const fillOf = (cell: { fill?: unknown }): string | undefined => (cell.fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;

/** A column's number from its letters (`AB` -> 28). */
const columnNumber = (letters: string): number => [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);

/** The merged ranges of a sheet as its XML lists them (`<mergeCell ref="A10:A13"/>`), what Excel and LibreOffice merge. */
function mergesOf(bytes: Uint8Array, sheet: string): { from: [row: number, column: number]; to: [row: number, column: number] }[] {
  const xml = workbookXml(bytes);
  return [...(xml.files.get(xml.sheetFile(sheet)) ?? '').matchAll(/<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"\/>/g)].map((m) => ({
    from: [Number(m[2]), columnNumber(m[1]!)],
    to: [Number(m[4]), columnNumber(m[3]!)],
  }));
}

/** The Matrix sheet's tactic heads: the ranges merged on row 4, left to right, with the name each holds. */
/** The tactic heads of the Matrix sheet: the text of each (`TA0001: Initial Access` with showID), its name, its columns. */
function tacticHeads(bytes: Uint8Array, workbook?: Workbook): { text: string; name: string; from: number; to: number }[] {
  return mergesOf(bytes, 'Matrix')
    .filter(({ from, to }) => from[0] === 4 && to[0] === 4)
    .sort((a, b) => a.from[1] - b.from[1])
    .map(({ from, to }) => {
      const text = workbook ? String(workbook.getWorksheet('Matrix')!.getCell(4, from[1]).value) : '';
      return { text, name: text.replace(/^TA\d{4}: /, ''), from: from[1], to: to[1] };
    });
}

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

  it('lays out the matrix: tactic names on row 4, techniques below with colour and score', () => {
    const sheet = workbook.getWorksheet('Matrix')!;
    const heads = tacticHeads(bytes, workbook);
    expect(heads.map((head) => head.name)).to.deep.equal(model.columns.map((c) => c.name));
    const at = heads.find((head) => head.name === 'Command and Control')!.from;
    const column = sheet.getColumn(at);
    let found = 0;
    column.eachCell((cell, row) => {
      if (cell.value !== 'T1095: Non-Application Layer Protocol') return;
      found = row;
      expect(fillOf(cell)).to.equal('FFFF6666');
      expect(sheet.getCell(row, at + 1).value).to.equal(100);
      expect(String(cell.note ?? '')).to.contain('Custom Command and Control Protocol');
    });
    expect(found).to.be.greaterThan(4);
    const plain = sheet.getCell(5, at);
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

  it('leaves an empty field of the flat table an empty cell, not one holding "" (Navigator\'s Bear APT sample, no scores)', async () => {
    // test/fixtures/layers/public/navigator-bear-apt.json (MITRE's Navigator sample layer): 126 entries coloured, none
    // scored. Each unscored entry's score, and every empty comment, metadata, links and note, was a cell holding the
    // empty text: Excel counted it (COUNTA), ISBLANK said false and the score column was one of text.
    const bear = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/public/navigator-bear-apt.json'), 'utf8')) as NavigatorLayer;
    const bytes = await renderXlsx(matrixModel(bear, loadRelease('17.1')));
    const { files, sheetFile } = workbookXml(bytes);
    const strings = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>(.*?)<\/si>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const cells = [...files.get(sheetFile('Techniques'))!.matchAll(/<c r="([A-Z]+)(\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/g)].map((m) => ({ column: m[1]!, row: Number(m[2]), text: /t="s"/.test(m[0]) ? strings[Number(/<v>(\d+)<\/v>/.exec(m[3] ?? '')?.[1])] : m[3] }));
    expect(cells.filter((cell) => cell.text === '').map((cell) => `${cell.column}${cell.row}`)).to.deep.equal([]);
    // Row 2 on: no score cell at all, a technique and a name in every row.
    expect(cells.filter((cell) => cell.column === 'D' && cell.row > 1)).to.deep.equal([]);
    expect(cells.filter((cell) => cell.column === 'A' && cell.row > 1)).to.have.length(126);
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
          // The cells a parent's cell is merged over read as it, with no note of their own.
          if (cell.master.address !== cell.address) return;
          const id = /^(T\d{4}(?:\.\d{3})?): /.exec(String(cell.value))?.[1];
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
      ['T1003: OS Credential Dumping', 'FF000080', 'FFFFFFFF'],
      ['T1566.001: Spearphishing Attachment', 'FF8EC843', 'FF000000'],
      ['T1598.002: Spearphishing Attachment', undefined, 'FF000000'],
    ]);
  });

  it("writes a technique's and a tactic's text as Navigator's and ToExcel's workbooks do, by showID and showName", async () => {
    // Navigator 5.x, mitre-attack/attack-navigator nav-app/src/app/datatable/data-table.component.ts getDisplayName
    // (find_string id 8173318828; the same at commit 00108a7e5b678576b3067024c8b0200cb3d3a5cc), used for every technique,
    // sub-technique and tactic head; mitreattack-python's ExcelTemplates._build_raw (excel_templates.py at
    // 79de1d55a1086db4152a7d0f8ace6ff231b2ab24): `ID: name`, the ID alone, the name alone. Before, `T1059 Command and …`.
    const textOf = async (layout: { showID: boolean; showName: boolean }): Promise<{ head: string; cells: string[] }> => {
      const techniques = [{ techniqueID: 'T1059', score: 50, showSubtechniques: true }, { techniqueID: 'T1059.001', score: 80 }];
      const bytes = await renderXlsx(matrixModel({ name: 'texts', domain: 'enterprise-attack', layout, techniques } as NavigatorLayer, index));
      const book = await readWorkbook(bytes);
      const sheet = book.getWorksheet('Matrix')!;
      const execution = tacticHeads(bytes, book).find((head) => head.name === 'Execution' || head.text === 'TA0002')!;
      const cells: string[] = [];
      sheet.eachRow((row, r) => {
        if (r <= 4) return;
        for (let col = execution.from; col <= execution.to; col++) {
          const value = String(row.getCell(col).value ?? '');
          if (/^(T1059(\.001)?(: |$)|Command and Scripting Interpreter$|PowerShell$)/.test(value) && !cells.includes(value)) cells.push(value);
        }
      });
      return { head: execution.text, cells };
    };
    expect(await textOf({ showID: true, showName: true })).to.deep.equal({ head: 'TA0002: Execution', cells: ['T1059: Command and Scripting Interpreter', 'T1059.001: PowerShell'] });
    expect(await textOf({ showID: true, showName: false })).to.deep.equal({ head: 'TA0002', cells: ['T1059', 'T1059.001'] });
    expect(await textOf({ showID: false, showName: true })).to.deep.equal({ head: 'Execution', cells: ['Command and Scripting Interpreter', 'PowerShell'] });
  });

  it('is byte-identical when written twice (no clock in the zip or the document properties)', async () => {
    await new Promise((done) => setTimeout(done, 2100));
    expect(Buffer.compare(Buffer.from(await renderXlsx(model)), Buffer.from(bytes))).to.equal(0);
  });
});

describe('renderXlsx sub-techniques beside their parent, as Navigator\'s own "export to Excel" lays them out', () => {
  // Navigator 5.1's export to Excel (mitre-attack/attack-navigator, nav-app/src/app/datatable/data-table.component.ts,
  // saveLayerExcel_helper and addSubtechniqueCells) and mitreattack-python's ToExcel (matrix_gen.py _construct_panop and
  // excel_templates.py _build_raw at 79de1d55) both give a tactic that shows sub-techniques a second column for them,
  // the tactic's head merged over both, each sub-technique on a row of its own, and its parent's cell merged down over
  // those rows; both show a technique's sub-techniques where its entry under that tactic sets showSubtechniques.
  const index = loadRelease('18.1');
  const apt32 = JSON.parse(readFileSync(join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 'utf8')) as NavigatorLayer;
  const written = async (layer: NavigatorLayer, options: XlsxOptions = {}): Promise<{ bytes: Uint8Array; book: Workbook; model: MatrixModel }> => {
    const model = matrixModel(layer, index);
    const bytes = await renderXlsx(model, options);
    return { bytes, book: await readWorkbook(bytes), model };
  };
  /** Where a technique's text is on the Matrix sheet, between two columns: [row, column], the first found. */
  const placeOf = (book: Workbook, id: string, from: number, to: number): [number, number] | undefined => {
    const sheet = book.getWorksheet('Matrix')!;
    for (let row = 5; row <= sheet.rowCount; row++) {
      for (let col = from; col <= to; col++) if (String(sheet.getCell(row, col).value).startsWith(`${id}: `) && sheet.getCell(row, col).master.address === sheet.getCell(row, col).address) return [row, col];
    }
    return undefined;
  };

  it('gives a tactic that shows sub-techniques a column for them and one for their scores, its head merged over the four', async () => {
    // The APT32 layer expands T1566 (Initial Access) and T1218 (Defense Evasion) with showSubtechniques entries.
    const { bytes, book, model } = await written(apt32);
    const heads = tacticHeads(bytes, book);
    expect(heads.map((head) => head.name)).to.deep.equal(model.columns.map((column) => column.name));
    expect(heads.filter((head) => head.to - head.from === 3).map((head) => head.name)).to.deep.equal(['Initial Access', 'Defense Evasion']);
    expect(heads.filter((head) => head.to - head.from === 1)).to.have.length(model.columns.length - 2);
    // Side by side, no gap and no overlap.
    heads.slice(1).forEach((head, i) => expect(head.from, head.name).to.equal(heads[i]!.to + 1));
  });

  it('merges a parent\'s name and score cells down over its sub-techniques, listed beside it one a row, each with its score', async () => {
    const { bytes, book, model } = await written(apt32);
    const sheet = book.getWorksheet('Matrix')!;
    const merges = mergesOf(bytes, 'Matrix').filter(({ from }) => from[0] > 4);
    const heads = tacticHeads(bytes, book);
    const expected = model.columns.flatMap((column) => {
      const head = heads.find((h) => h.name === column.name)!;
      return column.cells
        .filter((cell) => cell.subtechniques.length > 1)
        .flatMap((cell) => {
          const [row] = placeOf(book, cell.id, head.from, head.from)!;
          // Each sub-technique beside it, in the matrix's order, its score in the column after.
          expect(cell.subtechniques.map((_, i) => String(sheet.getCell(row + i, head.from + 2).value).split(':')[0]), cell.id).to.deep.equal(cell.subtechniques.map((sub) => sub.id));
          expect(cell.subtechniques.map((_, i) => sheet.getCell(row + i, head.from + 3).value), cell.id).to.deep.equal(cell.subtechniques.map((sub) => sub.score ?? null));
          return [head.from, head.from + 1].map((col) => `${row},${col}:${row + cell.subtechniques.length - 1},${col}`);
        });
    });
    // Those are the only cells merged below the heads.
    expect(merges.map(({ from, to }) => `${from}:${to}`)).to.have.members(expected);
    expect(expected).to.have.length(4);
    // T1566 Phishing over its four sub-techniques on Windows, the two the layer scores at 100.
    const head = heads.find((h) => h.name === 'Initial Access')!;
    const [row] = placeOf(book, 'T1566', head.from, head.from)!;
    expect(merges.filter(({ from }) => from[0] === row).map(({ from, to }) => [from, to])).to.deep.equal([[[row, head.from], [row + 3, head.from]], [[row, head.from + 1], [row + 3, head.from + 1]]]);
    const scores = new Map((apt32.techniques ?? []).map((t) => [t.techniqueID, t.score]));
    expect([0, 1, 2, 3].map((i) => [sheet.getCell(row + i, head.from + 2).value, sheet.getCell(row + i, head.from + 3).value])).to.deep.equal([
      ['T1566.001: Spearphishing Attachment', scores.get('T1566.001')],
      ['T1566.002: Spearphishing Link', scores.get('T1566.002')],
      ['T1566.003: Spearphishing via Service', null],
      ['T1566.004: Spearphishing Voice', null],
    ]);
    expect(sheet.getCell(row, head.from).alignment?.vertical).to.equal('top');
    // The row after the family holds the next technique, in the technique column.
    expect(String(sheet.getCell(row + 4, head.from).value)).to.match(/^T\d{4}: /);
  });

  it("boxes a parent and its sub-techniques in thin black lines, as Navigator's styleCells does (T1566 and its four)", async () => {
    // nav-app/src/app/datatable/data-table.component.ts, styleCells: an expanded parent's cell gets thin top, bottom and
    // left borders, each sub-technique's thin top, bottom and right, in no colour (Excel's automatic black). Ours were
    // #D9D9D9, the colour of Excel's own grid lines, so no family showed boxed.
    const { bytes, book } = await written(apt32);
    const sheet = book.getWorksheet('Matrix')!;
    const head = tacticHeads(bytes, book).find((h) => h.name === 'Initial Access')!;
    const [row] = placeOf(book, 'T1566', head.from, head.from)!;
    const sides = (r: number, col: number): string => {
      const border = sheet.getCell(r, col).border ?? {};
      return (['top', 'bottom', 'left', 'right'] as const).map((side) => (border[side]?.style === 'thin' && border[side]?.color === undefined ? side[0] : '.')).join('');
    };
    // Rows of the family, each: parent name, parent score, sub-technique name, sub-technique score.
    expect([0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((col) => sides(row + i, head.from + col)))).to.deep.equal([
      ['t.l.', 't...', 'tb..', 'tb.r'],
      ['..l.', '....', 'tb..', 'tb.r'],
      ['..l.', '....', 'tb..', 'tb.r'],
      ['.bl.', '.b..', 'tb..', 'tb.r'],
    ]);
  });

  it('expands a technique only under the tactic whose entry sets showSubtechniques, as Navigator does (T1053 under Persistence)', async () => {
    // T1053 Scheduled Task/Job is under Execution, Persistence and Privilege Escalation.
    const layer = { name: 'T1053', domain: 'enterprise-attack', layout: { showID: true, showName: true }, techniques: [{ techniqueID: 'T1053', tactic: 'persistence', showSubtechniques: true }, { techniqueID: 'T1053.005', tactic: 'persistence', score: 80 }] } as NavigatorLayer;
    const { bytes, book } = await written(layer);
    const heads = tacticHeads(bytes, book);
    const span = (name: string): number => heads.find((head) => head.name === name)!.to - heads.find((head) => head.name === name)!.from + 1;
    expect(['Execution', 'Persistence', 'Privilege Escalation'].map(span)).to.deep.equal([2, 4, 2]);
    const persistence = heads.find((head) => head.name === 'Persistence')!;
    const [row, col] = placeOf(book, 'T1053.005', persistence.from, persistence.to)!;
    expect([col - persistence.from, book.getWorksheet('Matrix')!.getCell(row, col + 1).value]).to.deep.equal([2, 80]);
    for (const name of ['Execution', 'Privilege Escalation']) expect(placeOf(book, 'T1053.005', heads.find((head) => head.name === name)!.from, heads.find((head) => head.name === name)!.to), name).to.equal(undefined);
  });

  it("writes the last tactic's sub-techniques too, which ToExcel leaves out (T1499 under Impact)", async () => {
    // _construct_panop writes a tactic's sub-techniques when it reaches the next tactic: Impact's never are.
    const layer = { name: 'T1499', domain: 'enterprise-attack', layout: { showID: true, showName: true }, techniques: [{ techniqueID: 'T1499', showSubtechniques: true }, { techniqueID: 'T1499.004', score: 50 }] } as NavigatorLayer;
    const { bytes, book, model } = await written(layer);
    const impact = tacticHeads(bytes, book).at(-1)!;
    expect([impact.name, impact.to - impact.from]).to.deep.equal(['Impact', 3]);
    const subs = model.columns.at(-1)!.cells.find((cell) => cell.id === 'T1499')!.subtechniques;
    const [row] = placeOf(book, 'T1499', impact.from, impact.from)!;
    // By name, as the layer's sorting (0) says: Application Exhaustion Flood first.
    expect(subs.map((_, i) => String(book.getWorksheet('Matrix')!.getCell(row + i, impact.from + 2).value).split(':')[0])).to.deep.equal(['T1499.003', 'T1499.004', 'T1499.001', 'T1499.002']);
    expect(book.getWorksheet('Matrix')!.getCell(row + 1, impact.from + 3).value).to.equal(50);
  });

  it('indents them under their parent in its column with subtechniqueLayout flat, merging only the heads', async () => {
    const { bytes, book, model } = await written(apt32, { subtechniqueLayout: 'flat' });
    const heads = tacticHeads(bytes, book);
    expect(heads.map((head) => head.to - head.from)).to.deep.equal(model.columns.map(() => 1));
    expect(mergesOf(bytes, 'Matrix').filter(({ from }) => from[0] > 4)).to.deep.equal([]);
    const head = heads.find((h) => h.name === 'Initial Access')!;
    const [row] = placeOf(book, 'T1566', head.from, head.to)!;
    const below = book.getWorksheet('Matrix')!.getCell(row + 1, head.from);
    expect([below.value, below.alignment?.indent]).to.deep.equal(['T1566.001: Spearphishing Attachment', 1]);
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
  const hyperlinkOf = (value: unknown): string | undefined => (value as { hyperlink?: string } | null)?.hyperlink;
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

  it('makes a Matrix cell open its one source, or go to the rows of the Links sheet of its several, its note naming them', async () => {
    // The picture's cells showed their links in the note alone. Each technique is drawn under every tactic of it.
    const { cells, targets } = linksOf('Matrix');
    const sheet = workbook.getWorksheet('Matrix')!;
    const links = workbook.getWorksheet('Links')!;
    const heads = tacticHeads(await renderXlsx(model), workbook);
    const linked = model.columns.flatMap((column) => [...column.cells, ...column.cells.flatMap((cell) => cell.subtechniques)].filter((cell) => cell.links.length).map((cell) => ({ cell, column })));
    const found = { one: 0, several: 0 };
    for (const [ref, { rId, location }] of cells) {
      const place = sheet.getCell(ref);
      const id = String(place.text).split(':')[0];
      const head = heads.find((h) => place.fullAddress.col >= h.from && place.fullAddress.col <= h.to)!;
      const { cell } = linked.find(({ cell, column }) => cell.id === id && column.name === head.name)!;
      const urls = cell.links.flatMap((link) => ('url' in link ? [link.url] : []));
      if (urls.length === 1) {
        found.one++;
        expect(targets.get(rId ?? '')?.map(unescape), ref).to.deep.equal([urls[0], 'External']);
        continue;
      }
      found.several++;
      const [, from, to] = /(\d+) to (\d+) of the Links sheet: a click here goes there/.exec(String(place.note)) ?? [];
      expect([rId, location], ref).to.deep.equal([undefined, `&apos;Links&apos;!A${from}`]);
      const rows = Array.from({ length: Number(to) - Number(from) + 1 }, (_, k) => Number(from) + k);
      expect(rows.map((r) => [links.getCell(r, 1).value, links.getCell(r, 3).value, hyperlinkOf(links.getCell(r, 5).value)]), ref).to.deep.equal(
        urls.map((url) => [id, links.getCell(rows[0]!, 3).value, url]),
      );
      expect(String(links.getCell(rows[0]!, 3).value).split('\n'), ref).to.include(head.name);
    }
    // Every cell with links has one: the 66 entries, which name no tactic, are drawn in 89 cells, 31 of them citing several.
    expect([found.one + found.several, found.several]).to.deep.equal([linked.length, linked.filter(({ cell }) => cell.links.length > 1).length]);
    expect([found.one, found.several]).to.deep.equal([58, 31]);
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

describe("renderXlsx colours as Navigator's layer gives them", () => {
  const index = loadRelease('18.1');
  const layer = (extra: Partial<NavigatorLayer>, techniques: NavigatorLayer['techniques'] = [{ techniqueID: 'T1059', score: 3 }]): NavigatorLayer =>
    ({ name: 'colours', domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18' }, techniques, ...extra }) as NavigatorLayer;
  const fontOf = (cell: { font?: unknown }): string | undefined => (cell.font as { color?: { argb?: string } } | undefined)?.color?.argb;

  it("fills the Matrix sheet's tactic heads with the layer's tactic row background, in black or white text, as Navigator's Excel export", async () => {
    // mitre-attack/attack-navigator nav-app/src/app/datatable/data-table.component.ts saveLayerLocallyExcel: with
    // showTacticRowBackground the tactic row is filled with tacticRowBackground, its font tinycolor.mostReadable's
    // white or black. CALDERA's compass layer (test/fixtures/layers/public/caldera-compass-adversary-2.2.json) shows
    // #205b8f. Before, every head was the plain grey header fill, black.
    const bytes = await renderXlsx(matrixModel(layer({ showTacticRowBackground: true, tacticRowBackground: '#205b8f' }), index));
    const book = await readWorkbook(bytes);
    const heads = tacticHeads(bytes, book).map((head) => book.getWorksheet('Matrix')!.getCell(4, head.from));
    expect(heads).to.have.length.above(10);
    expect(new Set(heads.map((head) => `${fillOf(head)} ${fontOf(head)}`))).to.deep.equal(new Set(['FF205B8F FFFFFFFF']));
    const plain = await renderXlsx(matrixModel(layer({ tacticRowBackground: '#205b8f' }), index));
    const plainBook = await readWorkbook(plain);
    expect(new Set(tacticHeads(plain, plainBook).map((head) => fillOf(plainBook.getWorksheet('Matrix')!.getCell(4, head.from))))).to.deep.equal(new Set(['FFEDEDED']));
  });

  it("centres the Matrix sheet's tactic heads over their columns, ruled below in a thin black line, as Navigator's Excel export", async () => {
    // mitre-attack/attack-navigator nav-app/src/app/datatable/data-table.component.ts saveLayerExcel_helper: the row of
    // tactics is `alignment = { horizontal: 'center' }` and `border = { bottom: { style: 'thin' } }` (no colour: black).
    // Ours were left-aligned over a tactic's two or four columns, ruled in #D9D9D9, Excel's own grid line colour.
    const apt32 = JSON.parse(readFileSync(join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 'utf8')) as NavigatorLayer;
    const bytes = await renderXlsx(matrixModel(apt32, index));
    const book = await readWorkbook(bytes);
    const heads = tacticHeads(bytes, book).map((head) => book.getWorksheet('Matrix')!.getCell(4, head.from));
    expect(heads).to.have.length.above(10);
    expect(new Set(heads.map((head) => `${head.alignment?.horizontal} ${head.border?.bottom?.style} ${head.border?.bottom?.color?.argb ?? 'black'}`))).to.deep.equal(new Set(['center thin black']));
  });

  it("greys a disabled technique's text FFBCBCBC, as Navigator's Excel export does", async () => {
    // mitre-attack/attack-navigator nav-app/src/app/datatable/data-table.component.ts styleCells: a disabled
    // technique's font is FFBCBCBC (in every version of it stored); we wrote the pictures' grey, FFA6A6A6.
    const book = await readWorkbook(await renderXlsx(matrixModel(layer({}, [{ techniqueID: 'T1059', score: 3, enabled: false }, { techniqueID: 'T1059.001', enabled: false }]), index)));
    const fonts: string[] = [];
    book.getWorksheet('Matrix')!.eachRow((row) => row.eachCell((cell) => {
      if (/Command and Scripting Interpreter|PowerShell/.test(String(cell.value))) fonts.push(`${String(cell.value)} ${fontOf(cell)}`);
    }));
    expect(fonts).to.deep.equal(['Command and Scripting Interpreter FFBCBCBC']);
  });

  // The layer schema and Navigator take #rgb and #rgba; `FF` and the digits (`FFF00`, `FFF00A`, as Navigator's own
  // export writes them) are no ARGB colour, so Excel and LibreOffice showed such a cell without its colour (and the
  // matrix model dropped #rgba before the workbook saw it). A workbook's fill is opaque: the alpha is left out.
  const forms: [form: string, color: string][] = [
    ['three-digit', '#f00'],
    ['four-digit', '#f00a'],
  ];
  for (const [form, color] of forms) {
    it(`writes a ${form} colour (${color}) as the colour it is, FFFF0000, on the Matrix, Techniques and Layer sheets`, async () => {
      const model = matrixModel(layer({ legendItems: [{ label: 'red', color }] }, [{ techniqueID: 'T1059', color, comment: 'red' }]), index);
      const book = await readWorkbook(await renderXlsx(model));
      const coloured: string[] = [];
      book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
        const argb = fillOf(cell);
        if (argb && !['FFEDEDED', 'FFFFFFFF'].includes(argb)) coloured.push(`${sheet.name} ${String(cell.value)} ${argb}`);
      })));
      expect(coloured).to.deep.equal(['Matrix Command and Scripting Interpreter FFFF0000', `Techniques ${color} FFFF0000`, 'Layer red FFFF0000']);
    });
  }
});
