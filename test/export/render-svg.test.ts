import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { expect } from 'chai';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { renderSvg } from '../../lib/export/render-svg.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';
import { rawMatrix, techniquesUnder } from './raw-matrix.js';
import { parseSvg } from './svg-dom.js';

const readLayer = (name: string): NavigatorLayer => JSON.parse(readFileSync(join(repoRoot, 'layers', name), 'utf8')) as NavigatorLayer;

const byClass = (root: Element, name: string): Element[] =>
  Array.from(root.getElementsByTagName('g')).filter((g) => (g.getAttribute('class') ?? '').split(' ').includes(name));
const firstRect = (g: Element): Element => g.getElementsByTagName('rect')[0]!;

describe('renderSvg', () => {
  const index = loadRelease('18.1');

  describe('the APT32 example layer', () => {
    const layer = readLayer('apt32-covid19-wuhan.layer.json');
    const svg = renderSvg(matrixModel(layer, index));
    const root = parseSvg(svg);
    const raw = rawMatrix();

    it('is well-formed SVG sized for A4 landscape (297 x 210 mm, 841.89 x 595.28 pt)', () => {
      expect([root.tagName, root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).to.deep.equal([
        'svg',
        '297mm',
        '210mm',
        '0 0 841.89 595.28',
      ]);
    });

    it('has one column per tactic shown, in matrix order, each with its techniques', () => {
      const columns = byClass(root, 'tactic');
      const expected = raw.tactics.filter((t) => techniquesUnder(raw, t.shortname, ['Windows']).length);
      expect(columns.map((c) => c.getAttribute('data-tactic'))).to.deep.equal(expected.map((t) => t.shortname));
      for (const column of columns) {
        const tactic = column.getAttribute('data-tactic')!;
        const ids = byClass(column, 'technique').filter((g) => !(g.getAttribute('class') ?? '').includes('subtechnique')).map((g) => g.getAttribute('data-technique'));
        expect(ids.sort(), tactic).to.deep.equal(techniquesUnder(raw, tactic, ['Windows']).map((t) => t.id).sort());
      }
    });

    it('fills the scored cells with the gradient colour of score 100 and leaves the others white', () => {
      const last = layer.gradient!.colors.at(-1);
      const scored = new Set((layer.techniques ?? []).filter((t) => typeof t.score === 'number').map((t) => `${t.techniqueID}|${t.tactic}`));
      const cells = byClass(root, 'technique');
      for (const g of cells) {
        const key = `${g.getAttribute('data-technique')}|${g.getAttribute('data-tactic')}`;
        expect(firstRect(g).getAttribute('fill'), key).to.equal(scored.has(key) ? last : '#ffffff');
      }
      expect(cells.filter((g) => g.getAttribute('data-score') === '100').length).to.equal(scored.size);
    });

    it('gives each annotated cell a hover title with its comment and metadata', () => {
      const entry = layer.techniques!.find((t) => t.techniqueID === 'T1095')!;
      const g = byClass(root, 'technique').find((c) => c.getAttribute('data-technique') === 'T1095')!;
      const title = g.getElementsByTagName('title')[0]!.textContent ?? '';
      expect(title).to.contain(entry.comment!);
      expect(title).to.contain('confidence: low');
    });

    it("shows the layer's name and a legend with its legend items", () => {
      expect(svg).to.contain(`>${layer.name}</text>`);
      for (const item of layer.legendItems ?? []) expect(svg).to.contain(item.label);
      expect(byClass(root, 'gradient')).to.have.length(1);
    });

    it('is the same text when rendered twice', () => {
      expect(renderSvg(matrixModel(layer, index))).to.equal(svg);
    });
  });

  it('notes entries it cannot draw under the picture', () => {
    const layer: NavigatorLayer = {
      name: 'old IDs',
      domain: 'enterprise-attack',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      techniques: [{ techniqueID: 'T1086', score: 50 }, { techniqueID: 'T9999', comment: 'x' }],
    };
    const root = parseSvg(renderSvg(matrixModel(layer, index)));
    const notes = byClass(root, 'notes')[0]?.textContent ?? '';
    expect(notes).to.contain('T1086: revoked in enterprise-attack 18.1, replaced by T1059.001');
    expect(notes).to.contain('T9999: not a technique');
  });

  it('escapes markup in names and comments', () => {
    const layer: NavigatorLayer = {
      name: 'a <b> & "c"',
      domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1059', comment: '</title><script>alert(1)</script>' }],
    };
    const svg = renderSvg(matrixModel(layer, index));
    parseSvg(svg);
    expect(svg).not.to.contain('<script>');
  });
});
