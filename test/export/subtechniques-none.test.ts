import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { renderHtml } from '../../lib/export/render-html.js';
import { renderSvgPages } from '../../lib/export/render-svg.js';
import { renderMarkdown } from '../../lib/export/render-table.js';
import { renderXlsx } from '../../lib/export/render-xlsx.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { FLAG_WORDS } from '../../lib/cli/context.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';
import { byClass, headerText, parseSvg, words } from './svg-dom.js';
import { readWorkbook } from './workbook.js';

// `export layers/all.layer.json --subtechniques none --out all.svg` headed the picture's notes "Not drawn: 15 annotated
// entries of the layer that Navigator would not show either:", where Navigator shows each of them (the user asked for
// them collapsed), and its summary said "sub-techniques: none", as if the techniques had none; the Markdown export
// said "Not drawn in the matrix (15 entries):", and the table rows "collapsed under T1566 in initial-access; because
// of --subtechniques none".
describe('export --subtechniques none: what each format says was done', () => {
  const index = loadRelease('18.1');
  const layer = JSON.parse(readFileSync(join(repoRoot, 'layers', 'all.layer.json'), 'utf8')) as NavigatorLayer;
  const model = matrixModel(layer, index, { subtechniques: 'none', givenAs: FLAG_WORDS });
  const roots = renderSvgPages(model).map(parseSvg);
  const notes = words(roots.flatMap((root) => byClass(root, 'notes')).map((g) => g.textContent).join(' '));
  const markdown = renderMarkdown(model);

  it('heads the notes under the picture as the Markdown export heads its list, claiming nothing of Navigator', () => {
    expect(notes).to.contain('Not drawn in the matrix (15 entries):');
    expect(markdown).to.contain('\nNot drawn in the matrix (15 entries):\n');
    expect(notes).not.to.contain('Navigator');
    expect(notes).to.contain('15 annotated sub-techniques (T1027.013, T1053.002, T1055.012 and 12 more): collapsed under their parents because of --subtechniques none');
  });

  it('says in the summary of the picture, the Markdown and the workbook that sub-techniques are collapsed under their parents', async () => {
    const said = 'sub-techniques collapsed under their parents';
    expect(headerText(roots)).to.contain(`38 scored, and 8 that only expand their sub-techniques · ${said}`);
    expect(markdown).to.contain(`· ${said}\n`);
    const workbook = await readWorkbook(await renderXlsx(model));
    expect(String(workbook.getWorksheet('Matrix')!.getCell(2, 1).value)).to.contain(said);
    expect(renderHtml(model)).to.contain(said);
    expect(`${notes} ${markdown}`).not.to.contain('sub-techniques: none');
  });

  it('says why an entry is not drawn in one sentence, the same in the table rows, the Markdown list and the workbook', async () => {
    const line = 'T1566.001: collapsed under T1566 in initial-access because of --subtechniques none';
    expect(markdown).to.contain(`- ${line}\n`);
    expect(model.rows.find((row) => row.technique === 'T1566.001')!.note).to.equal(`not drawn: ${line.slice('T1566.001: '.length)}`);
    const workbook = await readWorkbook(await renderXlsx(model));
    const about = workbook.getWorksheet('Layer')!;
    const notDrawn: string[] = [];
    about.eachRow((row) => {
      if (row.getCell(1).value === 'not drawn') notDrawn.push(String(row.getCell(2).value));
    });
    expect(notDrawn).to.have.length(15);
    expect(notDrawn).to.include(line);
  });
});
