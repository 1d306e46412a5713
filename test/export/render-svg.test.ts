import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element } from '@xmldom/xmldom';
import { expect } from 'chai';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { renderSvgPages } from '../../lib/export/render-svg.js';
import { MEASURED_FONTS } from '../../lib/export/text-measure.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';
import { rawMatrix, techniquesUnder, type RawTechnique } from './raw-matrix.js';
import { byClass, headerText, parseSvg, words } from './svg-dom.js';
import { classes, inside, pageProblems, rectBox, textBox } from './svg-geometry.js';

const readLayer = (name: string): NavigatorLayer => JSON.parse(readFileSync(join(repoRoot, 'layers', name), 'utf8')) as NavigatorLayer;

const firstRect = (g: Element): Element => g.getElementsByTagName('rect')[0]!;
/** A tactic header's name as drawn, its lines joined by spaces (a word cut in two shows as two). */
const tacticNameShown = (header: Element): string => {
  const name = header.getElementsByTagName('text')[0]!;
  const spans = Array.from(name.getElementsByTagName('tspan'));
  return (spans.length ? spans : [name]).map((span) => span.textContent).join(' ');
};
/** A cell's name as drawn, one string per line. */
const cellLines = (g: Element): string[] => {
  const text = Array.from(g.getElementsByTagName('text')).find((t) => t.getAttribute('text-anchor') !== 'end')!;
  const spans = Array.from(text.getElementsByTagName('tspan'));
  return (spans.length ? spans : [text]).map((span) => span.textContent ?? '');
};
/** The font size of the cells of a tactic column's part. */
const cellFontSize = (tactic: Element): number => Number(Array.from(tactic.getElementsByTagName('g')).find((g) => g.getAttribute('font-size'))?.getAttribute('font-size'));
/** The name of the tactic of a header's column, from the bundle. */
const tacticName = (header: Element): string | undefined =>
  rawMatrix().tactics.find((t) => t.shortname === (header.parentNode as Element).getAttribute('data-tactic'))?.name;

describe('renderSvgPages', () => {
  const index = loadRelease('18.1');

  describe('the APT32 example layer', () => {
    const layer = readLayer('apt32-covid19-wuhan.layer.json');
    const pages = renderSvgPages(matrixModel(layer, index));
    const svg = pages[0]!;
    // Defense Evasion's 52 cells on Windows, with T1218's 14 sub-techniques, took page 1 at 5.75 pt and ran on to a
    // second page; packed, it goes on in a place beside itself, and the matrix takes one page at 6.25 pt.
    const roots = pages.map(parseSvg);
    const root = roots[0]!;
    const raw = rawMatrix();
    /** The cells of every page. */
    const cells = (): Element[] => roots.flatMap((page) => byClass(page, 'technique'));

    it('is well-formed SVG, every page sized for A4 landscape (297 x 210 mm, 841.89 x 595.28 pt)', () => {
      for (const page of roots) {
        expect([page.tagName, page.getAttribute('width'), page.getAttribute('height'), page.getAttribute('viewBox')]).to.deep.equal([
          'svg',
          '297mm',
          '210mm',
          '0 0 841.89 595.28',
        ]);
      }
    });

    it('holds the whole description, the sources and the resolution line included', () => {
      expect(headerText([root])).to.contain(words(layer.description!));
      expect(layer.description).to.match(/Every reference was resolved\.\nSource: /);
    });

    for (const font of MEASURED_FONTS) {
      it(`overlaps nothing and keeps every text inside its cell when drawn in ${font}`, () => {
        roots.forEach((page, i) => expect(pageProblems(page, font), `page ${i + 1}`).to.deep.equal([]));
      });
    }

    it('has one column per tactic shown on page 1, in matrix order, each with its techniques over the pages', () => {
      const columns = byClass(root, 'tactic').filter((c) => !classes(c).includes('continued'));
      const expected = raw.tactics.filter((t) => techniquesUnder(raw, t.shortname, ['Windows']).length);
      expect(columns.map((c) => c.getAttribute('data-tactic'))).to.deep.equal(expected.map((t) => t.shortname));
      for (const { shortname: tactic } of expected) {
        const ids = cells()
          .filter((g) => g.getAttribute('data-tactic') === tactic && !classes(g).includes('subtechnique'))
          .map((g) => g.getAttribute('data-technique'));
        expect(ids.sort(), tactic).to.deep.equal(techniquesUnder(raw, tactic, ['Windows']).map((t) => t.id).sort());
      }
    });

    it('fills the scored cells with the gradient colour of score 100 and leaves the others white', () => {
      const last = layer.gradient!.colors.at(-1);
      const scored = new Set((layer.techniques ?? []).filter((t) => typeof t.score === 'number').map((t) => `${t.techniqueID}|${t.tactic}`));
      for (const g of cells()) {
        const key = `${g.getAttribute('data-technique')}|${g.getAttribute('data-tactic')}`;
        expect(firstRect(g).getAttribute('fill'), key).to.equal(scored.has(key) ? last : '#ffffff');
      }
      expect(cells().filter((g) => g.getAttribute('data-score') === '100').length).to.equal(scored.size);
    });

    it('gives each annotated cell a hover title with its comment and metadata', () => {
      const entry = layer.techniques!.find((t) => t.techniqueID === 'T1095')!;
      const g = cells().find((c) => c.getAttribute('data-technique') === 'T1095')!;
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
      expect(renderSvgPages(matrixModel(layer, index))).to.deep.equal(pages);
    });

    const cellOf = (id: string, tactic: string): Element => cells().find((g) => g.getAttribute('data-technique') === id && g.getAttribute('data-tactic') === tactic)!;

    it('shows a name whole on as many lines as its column has room for (T1190 in Initial Access, T1203 in Execution)', () => {
      // At one line a cut showed `T1190 Exploit Pub…` with half a page empty under the column; at two lines at most,
      // `T1190 Exploit` / `Public-Facing Appl…` and `T1203` / `Exploitation for…`, with room for a third left below.
      expect(cellLines(cellOf('T1190', 'initial-access'))).to.deep.equal(['T1190 Exploit', 'Public-Facing', 'Application']);
      expect(cellLines(cellOf('T1203', 'execution'))).to.deep.equal(['T1203', 'Exploitation for', 'Client Execution']);
      const plain = cells().filter((c) => !classes(c).includes('annotated'));
      const cut = plain.filter((g) => /…$/.test(cellLines(g).join(' ')));
      // 100 of the 217 were cut at two lines at most.
      expect([plain.length, cut.length]).to.deep.equal([217, 35]);
    });

    it('makes no cell taller than its lines', () => {
      for (const g of cells()) {
        const height = Number(firstRect(g).getAttribute('height'));
        expect(height, g.getAttribute('data-technique')!).to.be.closeTo(cellLines(g).length * 6.25 * 1.15 + 2.4, 0.01);
      }
    });

    it('is one page, Defense Evasion going on in the place beside it, headed continued, every column from the top', () => {
      expect(pages).to.have.length(1);
      const parts = byClass(root, 'tactic');
      const at = parts.findIndex((part) => part.getAttribute('data-tactic') === 'defense-evasion');
      expect(parts.slice(at, at + 2).map((part) => [part.getAttribute('data-tactic'), classes(part).includes('continued')])).to.deep.equal([
        ['defense-evasion', false],
        ['defense-evasion', true],
      ]);
      const left = (part: Element): number => Number(firstRect(byClass(part, 'technique')[0]!).getAttribute('x'));
      const tops = parts.map((part) => Number(firstRect(byClass(part, 'technique')[0]!).getAttribute('y')));
      expect(new Set(tops).size).to.equal(1);
      expect(parts.map(left)).to.deep.equal([...parts.map(left)].sort((a, b) => a - b));
      expect([...new Set(parts.map(cellFontSize))]).to.deep.equal([6.25]);
    });

    it('keeps a column that fit one place in it, giving two lines to as many of its names as its room holds (Discovery)', () => {
      // Decided name by name: with every name on two lines Discovery would take a second place, so the first names that
      // two lines show whole get them and the rest keep one line (`T1087 Account D…` with the whole column cut before).
      expect(byClass(root, 'tactic').filter((part) => part.getAttribute('data-tactic') === 'discovery')).to.have.length(1);
      expect(cellLines(cellOf('T1087', 'discovery'))).to.deep.equal(['T1087 Account', 'Discovery']);
      expect(cellLines(cellOf('T1082', 'discovery'))).to.deep.equal(['T1082 System…']);
      const shown = cells().filter((g) => g.getAttribute('data-tactic') === 'discovery').map(cellLines);
      expect(shown.filter((lines) => lines.length === 2)).to.have.length.above(10);
      for (const lines of shown.filter((lines) => lines.length === 2)) expect(lines[1], lines.join(' ')).to.not.match(/…$/);
    });

    it("draws a cell's score at the end of its first line, the lines below taking the cell's whole width", () => {
      // T1566.001 (score 100): `Spearphishing` had the width left of the score on every line.
      expect(cellLines(cellOf('T1566.001', 'initial-access'))).to.deep.equal(['T1566.001', 'Spearphishing', 'Attachment']);
    });
  });

  describe('gives a cut name more lines wherever the room below its column holds one, on layers of this repository and published ones', () => {
    /** The cells of a page by tactic, with the bottom of each column's last cell. */
    const columnsOf = (root: Element): Map<string, { cells: Element[]; bottom: number }> => {
      const columns = new Map<string, { cells: Element[]; bottom: number }>();
      for (const g of byClass(root, 'technique')) {
        const tactic = g.getAttribute('data-tactic')!;
        const rect = firstRect(g);
        const column = columns.get(tactic) ?? { cells: [], bottom: 0 };
        column.cells.push(g);
        column.bottom = Math.max(column.bottom, Number(rect.getAttribute('y')) + Number(rect.getAttribute('height')));
        columns.set(tactic, column);
      }
      return columns;
    };
    // [layer, pages, cell size]: what one line for every plain name gave, kept (docs/export.md's APT32 and
    // TEMP.Periscope figures; the Wizard Spider sample layer of MITRE's Navigator, test/fixtures/layers/navigator/README.md).
    // The first three took 2 pages (5.75, 4.5 and 5.5 pt) before a matrix was packed on one page where it can.
    // Wizard Spider went from 4.5 to 5 pt when the seven notes of sub-techniques its layer collapses became one line.
    const cases: [file: string, pages: number, size: number][] = [
      [join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 1, 6.25],
      [join(repoRoot, 'layers/temp-periscope-cambodia-2018.layer.json'), 1, 4.75],
      [join(repoRoot, 'test/fixtures/layers/navigator/Wizard_Spider-G0102-Updated.json'), 1, 5],
      [join(repoRoot, 'test/fixtures/layers/navigator/Bear_APT.json'), 1, 4.75],
    ];
    for (const [file, count, size] of cases) {
      it(`${file.slice(repoRoot.length + 1)}: ${count} page${count === 1 ? '' : 's'} at ${size} pt, no name cut where its column has a line's room left`, () => {
        const layer = JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer;
        const roots = renderSvgPages(matrixModel(layer, index)).map(parseSvg);
        expect([roots.length, ...new Set(roots.flatMap((root) => byClass(root, 'tactic').map(cellFontSize)))]).to.deep.equal([count, size]);
        const later = new Set(roots.slice(1).flatMap((root) => byClass(root, 'technique').map((g) => g.getAttribute('data-tactic'))));
        const columns = columnsOf(roots[0]!);
        const lowest = Math.max(...[...columns.values()].map((column) => column.bottom));
        // A column that fit page 1 whole may grow as far down as the longest one reaches: where one of its names is
        // still cut, on one line or more, less than a line is left (names were cut at two lines with room for more).
        for (const [tactic, column] of columns) {
          if (later.has(tactic)) continue;
          const cut = column.cells.filter((g) => !classes(g).includes('annotated') && /…$/.test(cellLines(g).join(' ')));
          if (cut.length) expect(lowest - column.bottom, `${tactic}: ${cut.map((g) => cellLines(g)[0]).join(', ')}`).to.be.below(size * 1.15);
        }
      });
    }
  });

  // Given its column's room, a plain name took as many lines as its wrapping made, a word wider than the column cut in
  // two over two of them: CTID's CloudVPN layer (ATT&CK 10's platforms, drawn in 18.1 at 7 pt, 10 places) showed
  // `T1583` / `Acquire` / `Infrastructur` / `e` and `Inter-Process` / `Communicati` / `on`, where a cut ends in an ellipsis.
  describe('never cuts a word of a plain name in two over two lines, cutting it with an ellipsis instead', () => {
    const files = [
      'test/fixtures/layers/public/ctid-gcp-cloudvpn-4.2.json',
      'test/fixtures/layers/old-format-4.0.json',
      'test/fixtures/layers/public/navigator-march-2020-pre-3.0.json',
      'layers/apt32-covid19-wuhan.layer.json',
    ];
    for (const file of files) {
      it(file, () => {
        const layer = JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as NavigatorLayer;
        const cells = renderSvgPages(matrixModel(layer, index)).map(parseSvg).flatMap((root) => byClass(root, 'technique'));
        const split = cells
          .filter((g) => !classes(g).includes('annotated'))
          .map((g) => {
            const lines = cellLines(g);
            // Lines read one after the other: a space between them, none after a hyphen or slash they broke at.
            const read = lines.map((line, i) => (i && !/[-/]$/.test(lines[i - 1]!) ? ` ${line}` : line)).join('').replace(/…$/, '');
            return g.getElementsByTagName('title')[0]!.textContent!.split('\n')[0]!.includes(read) ? undefined : lines.join(' / ');
          })
          .filter(Boolean);
        expect(split).to.deep.equal([]);
        expect(cells.filter((g) => /…$/.test(cellLines(g).join(' '))).length, 'names cut with an ellipsis').to.be.above(0);
      });
    }
  });

  describe('a layer annotating every technique of 18.1, with every sub-technique expanded (the largest matrix)', () => {
    const raw = rawMatrix();
    const byName = (a: RawTechnique, b: RawTechnique): number => a.name.localeCompare(b.name, 'en');
    const scores = new Map(raw.current.map((t, i) => [t.id, (i * 37) % 101]));
    const layer: NavigatorLayer = {
      name: 'Every technique of ATT&CK 18.1',
      // Real text over many lines: the first sentence of each tactic's description, one tactic a line.
      description: raw.tactics.map((t) => `${t.name}: ${t.description.split('. ')[0]}.`).join('\n'),
      domain: 'enterprise-attack',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'all' },
      techniques: raw.current.map((t) => ({ techniqueID: t.id, score: scores.get(t.id)! })),
    };
    const pages = renderSvgPages(matrixModel(layer, index));
    const roots = pages.map(parseSvg);
    const tactics = (root: Element): Element[] => byClass(root, 'tactic');

    it('takes several pages, each an A4 landscape page (297 x 210 mm)', () => {
      expect(pages.length).to.be.greaterThan(1);
      for (const root of roots) expect([root.getAttribute('width'), root.getAttribute('height'), root.getAttribute('viewBox')]).to.deep.equal(['297mm', '210mm', '0 0 841.89 595.28']);
    });

    for (const font of MEASURED_FONTS) {
      it(`overlaps nothing on any page drawn in ${font}, every cell inside the margins and every text inside its cell`, () => {
        roots.forEach((root, i) => expect(pageProblems(root, font), `page ${i + 1}`).to.deep.equal([]));
      });
    }

    it('draws every technique under every tactic exactly once, with its score, in matrix order', () => {
      const drawn = new Map<string, string[]>();
      for (const g of roots.flatMap((root) => byClass(root, 'technique'))) {
        const tactic = g.getAttribute('data-tactic')!;
        drawn.set(tactic, [...(drawn.get(tactic) ?? []), `${g.getAttribute('data-technique')} ${g.getAttribute('data-score')}`]);
      }
      const expected = new Map(
        raw.tactics.map(({ shortname }) => [
          shortname,
          techniquesUnder(raw, shortname)
            .sort(byName)
            .flatMap((parent) => [parent, ...raw.current.filter((t) => t.parent === parent.id && t.tactics.includes(shortname)).sort(byName)])
            .map((t) => `${t.id} ${scores.get(t.id)}`),
        ]),
      );
      expect(drawn).to.deep.equal(expected);
    });

    it('shows every tactic from the top on page 1, then continues the columns in matrix order, no page but the last with room left', () => {
      expect(tactics(roots[0]!).map((g) => [g.getAttribute('data-tactic'), classes(g).includes('continued')])).to.deep.equal(raw.tactics.map((t) => [t.shortname, false]));
      const later = roots.slice(1).map(tactics);
      for (const columns of later) for (const g of columns) expect(classes(g)).to.include('continued');
      for (const columns of later.slice(0, -1)) expect(columns).to.have.length(raw.tactics.length);
      const order = later.flat().map((g) => raw.tactics.findIndex((t) => t.shortname === g.getAttribute('data-tactic')));
      expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    });

    it('names the technique whose sub-techniques a continued column starts with', () => {
      for (const g of roots.slice(1).flatMap(tactics)) {
        const first = byClass(g, 'technique')[0]!;
        const label = Array.from(g.getElementsByTagName('text')).find((text) => text.getAttribute('class') === 'continued-parent');
        const id = first.getAttribute('data-technique')!;
        if (id.includes('.')) expect(label?.textContent, id).to.match(new RegExp(`^${id.split('.')[0]} .*\\(cont\\.\\)$`));
        else expect(label).to.equal(undefined);
      }
    });

    it('writes tactic names whole, never a word cut in two', () => {
      for (const g of roots.flatMap((root) => byClass(root, 'tactic-header'))) expect(tacticNameShown(g)).to.equal(tacticName(g));
    });

    it('writes the cells at 4.5 pt or more, and the whole description on page 1', () => {
      for (const root of roots) for (const g of tactics(root)) expect(cellFontSize(g)).to.be.at.least(4.5);
      expect(headerText([roots[0]!])).to.contain(words(layer.description!));
    });
  });

  it("sets tactic names smaller than the cells' size plus 1 rather than cut a word in two (PRE and Network Devices, every tactic)", () => {
    const layer: NavigatorLayer = {
      name: 'reconnaissance',
      domain: 'enterprise-attack',
      filters: { platforms: ['PRE', 'Network Devices'] },
      techniques: [{ techniqueID: 'T1595', score: 1 }],
    };
    const root = parseSvg(renderSvgPages(matrixModel(layer, index))[0]!);
    const cellSize = cellFontSize(byClass(root, 'tactic')[0]!);
    const headerSize = Number(byClass(root, 'tactic-header')[0]!.getElementsByTagName('text')[0]!.getAttribute('font-size'));
    expect(headerSize).to.be.lessThan(cellSize + 1);
    for (const g of byClass(root, 'tactic-header')) expect(tacticNameShown(g)).to.equal(tacticName(g));
    for (const font of MEASURED_FONTS) expect(pageProblems(root, font), font).to.deep.equal([]);
  });

  it('gives a description too long for page 1 pages of its own before the matrix, losing no line', () => {
    const tactics = rawMatrix().tactics;
    const description = Array.from({ length: 8 }, (_, i) => tactics.map((t) => `${i + 1}. ${t.name}: ${t.description}`).join('\n')).join('\n');
    const layer = { ...readLayer('apt32-covid19-wuhan.layer.json'), description };
    const roots = renderSvgPages(matrixModel(layer, index)).map(parseSvg);
    const first = roots.findIndex((root) => byClass(root, 'technique').length);
    expect(first).to.be.greaterThan(0);
    expect(headerText(roots.slice(0, first))).to.contain(words(description));
    expect(byClass(roots[first]!, 'header')).to.have.length(0);
    for (const font of MEASURED_FONTS) roots.forEach((root, i) => expect(pageProblems(root, font), `${font}, page ${i + 1}`).to.deep.equal([]));
  });

  it('notes entries it cannot draw under the picture', () => {
    const layer: NavigatorLayer = {
      name: 'old IDs',
      domain: 'enterprise-attack',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      techniques: [{ techniqueID: 'T1086', score: 50 }, { techniqueID: 'T9999', comment: 'x' }],
    };
    const root = parseSvg(renderSvgPages(matrixModel(layer, index))[0]!);
    const notes = byClass(root, 'notes')[0]?.textContent ?? '';
    expect(notes).to.contain('T1086: revoked in enterprise-attack 18.1, replaced by T1059.001');
    expect(notes).to.contain('T9999: numbered far past T1681 of enterprise-attack 18.1');
  });

  it('expands, as Navigator\'s "annotated" layout does, a technique under every tactic when a sub-technique is annotated under any, shown or not', () => {
    // Navigator's ViewModel (initTechniqueVMs) sets showSubtechniques on each tactic's view of the parent when any
    // sub-technique is annotated under any tactic, before the platform filter and hideDisabled: SCYTHE's and
    // Defender's layers annotate a sub-technique under one tactic of a parent that has several (T1053 here).
    const raw = rawMatrix();
    const layer: NavigatorLayer = {
      name: 'annotated layout',
      domain: 'enterprise-attack',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      layout: { expandedSubtechniques: 'annotated' },
      filters: { platforms: ['Windows'] },
      hideDisabled: true,
      techniques: [
        { techniqueID: 'T1053.005', tactic: 'persistence', score: 50 },
        // Systemd Service runs on Linux only, so the filter hides it; T1543 still shows its Windows sub-techniques.
        { techniqueID: 'T1543.002', score: 10 },
        // Disabled and hidden (hideDisabled), yet annotated: T1497 shows its other sub-techniques.
        { techniqueID: 'T1497.001', enabled: false },
      ],
    };
    const root = parseSvg(renderSvgPages(matrixModel(layer, index))[0]!);
    const shown = (parent: string, tactic: string): string[] =>
      byClass(root, 'subtechnique')
        .filter((g) => g.getAttribute('data-tactic') === tactic && g.getAttribute('data-technique')!.startsWith(`${parent}.`))
        .map((g) => g.getAttribute('data-technique')!)
        .sort();
    const expected = (parent: string, tactic: string, leftOut: string[] = []): string[] =>
      raw.current
        .filter((t) => t.parent === parent && t.tactics.includes(tactic) && t.platforms.includes('Windows') && !leftOut.includes(t.id))
        .map((t) => t.id)
        .sort();
    const t1053 = raw.current.find((t) => t.id === 'T1053')!;
    expect(t1053.tactics.length).to.be.greaterThan(1);
    for (const tactic of t1053.tactics) expect(shown('T1053', tactic), tactic).to.deep.equal(expected('T1053', tactic)).and.not.be.empty;
    const t1543 = raw.current.find((t) => t.id === 'T1543')!;
    expect(raw.current.find((t) => t.id === 'T1543.002')!.platforms).not.to.include('Windows');
    for (const tactic of t1543.tactics) expect(shown('T1543', tactic), tactic).to.deep.equal(expected('T1543', tactic)).and.not.be.empty;
    const t1497 = raw.current.find((t) => t.id === 'T1497')!;
    for (const tactic of t1497.tactics) expect(shown('T1497', tactic), tactic).to.deep.equal(expected('T1497', tactic, ['T1497.001'])).and.not.be.empty;
  });

  it("marks each sub-technique shown with a bar on its left in the table border colour, as Navigator's SVG export does", () => {
    // mitre-attack/attack-navigator nav-app/src/app/svg-export/svg-export.component.ts (commit fa7a6017): each
    // sub-technique group gets a sidebar rect just left of its cell, filled tableBorderColor (#6B7279); ours set
    // sub-techniques off by their indent alone. The APT32 layer expands T1566 and T1218.
    const roots = renderSvgPages(matrixModel(readLayer('apt32-covid19-wuhan.layer.json'), index)).map(parseSvg);
    const sidebars = (g: Element): Element[] => Array.from(g.getElementsByTagName('rect')).filter((rect) => rect.getAttribute('class') === 'sub-sidebar');
    const subs = roots.flatMap((root) => byClass(root, 'subtechnique'));
    expect(subs.map((g) => g.getAttribute('data-technique'))).to.include.members(['T1566.001', 'T1566.002', 'T1218.010']);
    for (const g of subs) {
      const bars = sidebars(g);
      expect(bars, g.getAttribute('data-technique')!).to.have.length(1);
      const cell = rectBox(firstRect(g), 'cell');
      const box = rectBox(bars[0]!, 'bar');
      expect([bars[0]!.getAttribute('fill'), box.x + box.width, box.y, box.height], g.getAttribute('data-technique')!).to.deep.equal(['#6b7279', cell.x, cell.y, cell.height]);
    }
    expect(roots.flatMap((root) => byClass(root, 'technique')).filter((g) => !classes(g).includes('subtechnique')).flatMap(sidebars)).to.deep.equal([]);
  });

  it('heads the picture with the aggregate function when aggregate scores colour the techniques, as Navigator\'s SVG export does', () => {
    // Navigator's SVG export adds an "aggregate" header section ("showing aggregate scores using the sum aggregate
    // function"); DeTT&CT's talos-q2-2021 layer shows aggregate scores with the sum.
    const layer: NavigatorLayer = {
      name: 'PowerShell only',
      domain: 'enterprise-attack',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      layout: { showAggregateScores: true, aggregateFunction: 'sum' },
      techniques: [{ techniqueID: 'T1059.001', score: 3 }],
    };
    const root = parseSvg(renderSvgPages(matrixModel(layer, index))[0]!);
    expect(headerText([root])).to.contain('aggregate scores: sum');
    const parent = byClass(root, 'technique').find((g) => g.getAttribute('data-technique') === 'T1059')!;
    expect(firstRect(parent).getAttribute('fill')).to.not.equal('#ffffff');
    const plain = parseSvg(renderSvgPages(matrixModel({ ...layer, layout: {} }, index))[0]!);
    expect(headerText([plain])).to.not.contain('aggregate');
  });

  describe('draws the gradient only when a technique Navigator shows is scored, as its SVG export does', () => {
    // Navigator 5.1's SVG export (svg-export.component.ts) looks for a score among ViewModel.getVisibleTechniquesList():
    // the platform filter and hideDisabled hide a technique with its sub-techniques; a collapsed one stays visible.
    const raw = rawMatrix();
    const macOnly = raw.current.find((t) => !t.parent && t.platforms.join() === 'macOS' && !raw.current.some((s) => s.parent === t.id))!;
    const cases: [string, Partial<NavigatorLayer>, NonNullable<NavigatorLayer['techniques']>, number][] = [
      [`a score on ${macOnly.id} (macOS only) under a Windows filter`, { filters: { platforms: ['Windows'] } }, [{ techniqueID: macOnly.id, score: 50 }], 0],
      ['a score on a disabled technique hidden by hideDisabled', { hideDisabled: true }, [{ techniqueID: 'T1095', score: 50, enabled: false }], 0],
      ['a score on a collapsed sub-technique', { layout: { expandedSubtechniques: 'none' } }, [{ techniqueID: 'T1059.001', score: 50 }], 1],
      // Systemd Service (Linux only) is visible with its parent T1543, which runs on Windows.
      ['a score on a sub-technique of other platforms than the filter, under a shown parent', { filters: { platforms: ['Windows'] } }, [{ techniqueID: 'T1543.002', score: 50 }], 1],
      ['a score on a disabled technique shown greyed', {}, [{ techniqueID: 'T1095', score: 50, enabled: false }], 1],
    ];
    for (const [label, extra, techniques, gradients] of cases) {
      it(`${label}: ${gradients ? 'a gradient' : 'no gradient'}`, () => {
        const layer: NavigatorLayer = { name: 'gradient', domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques, ...extra };
        const root = parseSvg(renderSvgPages(matrixModel(layer, index))[0]!);
        expect(byClass(root, 'gradient')).to.have.length(gradients);
      });
    }
  });

  // Navigator's SVG export greys a disabled technique's text #aaaaaa (mitre-attack/attack-navigator
  // nav-app/src/app/svg-export/renderable-objects/renderable-technique.ts, textColor); the HTML export embeds this SVG.
  it('writes a disabled technique\'s name and score #aaaaaa, as Navigator\'s SVG export', () => {
    const layer: NavigatorLayer = {
      name: 'disabled', domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      techniques: [{ techniqueID: 'T1095', score: 50, enabled: false }],
    };
    const root = parseSvg(renderSvgPages(matrixModel(layer, index))[0]!);
    const g = byClass(root, 'technique').find((c) => c.getAttribute('data-technique') === 'T1095')!;
    const fills = Array.from(g.getElementsByTagName('text')).map((text) => text.getAttribute('fill'));
    expect(fills).to.have.length.above(0);
    expect(new Set(fills)).to.deep.equal(new Set(['#aaaaaa']));
  });

  it('escapes markup in names and comments', () => {
    const layer: NavigatorLayer = {
      name: 'a <b> & "c"',
      domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1059', comment: '</title><script>alert(1)</script>' }],
    };
    const svg = renderSvgPages(matrixModel(layer, index))[0]!;
    parseSvg(svg);
    expect(svg).not.to.contain('<script>');
  });
});

describe("renderSvgPages' tactic row, as Navigator's SVG export fills it (showTacticRowBackground)", () => {
  const index = loadRelease('18.1');
  // mitre-attack/attack-navigator nav-app/src/app/svg-export/svg-export.component.ts: with showTacticRowBackground the
  // row of tactic names is a rect filled with tacticRowBackground, the names in tinycolor.mostReadable's black or white.
  // CALDERA's compass layer (test/fixtures/layers/public/caldera-compass-adversary-2.2.json) shows #205b8f; a layer in
  // its shape, on three techniques.
  const layer = (extra: Partial<NavigatorLayer>): NavigatorLayer =>
    ({ name: 'row', domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18' }, techniques: [{ techniqueID: 'T1059', score: 3 }, { techniqueID: 'T1566', score: 1 }, { techniqueID: 'T1003', color: '#ff0000' }], ...extra }) as NavigatorLayer;

  it('fills the row with one band across the matrix, as Navigator does, every name and count on it in the readable colour', () => {
    // Navigator draws one tactic-header-background rect as wide as the matrix; a rect per column left white gaps.
    const page = parseSvg(renderSvgPages(matrixModel(layer({ showTacticRowBackground: true, tacticRowBackground: '#205b8f' }), index))[0]!);
    const bands = Array.from(page.getElementsByTagName('rect')).filter((rect) => rect.getAttribute('class') === 'tactic-row');
    expect(bands.map((rect) => rect.getAttribute('fill'))).to.deep.equal(['#205b8f']);
    const band = rectBox(bands[0]!, 'row');
    const headers = byClass(page, 'tactic-header');
    expect(headers).to.have.length.above(10);
    // From the first column's left edge to the last one's right edge: the rule under each header.
    const rules = headers.map((header) => header.getElementsByTagName('line')[0]!);
    expect([band.x, band.x + band.width]).to.deep.equal([Number(rules[0]!.getAttribute('x1')), Number(rules.at(-1)!.getAttribute('x2'))]);
    for (const header of headers) {
      expect(Array.from(header.getElementsByTagName('text')).map((text) => text.getAttribute('fill'))).to.deep.equal(['#ffffff', '#ffffff']);
      // The name and the count lie on the band, in every font the pictures name.
      for (const font of MEASURED_FONTS) {
        for (const text of Array.from(header.getElementsByTagName('text'))) expect(inside(textBox(text, font), band), text.textContent ?? '').to.equal(true);
      }
    }
  });

  it("strokes the band and every cell in Navigator's table border colour, #6B7279 at 1 px (0.75 pt)", () => {
    // mitre-attack/attack-navigator nav-app/src/app/svg-export/svg-export.component.ts (commit fa7a6017): the
    // tactic-header-background rect and each technique's and sub-technique's cell rect take
    // .attr('stroke', self.config.tableBorderColor), '#6B7279' in the light theme, at SVG's default width of 1 px. The
    // band was drawn with no stroke, the cells in a pale #d9d9d9 that prints as no line at all.
    const page = parseSvg(renderSvgPages(matrixModel(layer({ showTacticRowBackground: true, tacticRowBackground: '#205b8f' }), index))[0]!);
    const band = Array.from(page.getElementsByTagName('rect')).find((rect) => rect.getAttribute('class') === 'tactic-row')!;
    expect([band.getAttribute('stroke'), band.getAttribute('stroke-width')]).to.deep.equal(['#6b7279', '0.75']);
    const cells = byClass(page, 'technique').map(firstRect);
    expect(cells).to.have.length.above(100);
    expect(new Set(cells.map((rect) => `${rect.getAttribute('stroke')} ${rect.getAttribute('stroke-width')}`))).to.deep.equal(new Set(['#6b7279 0.75']));
  });

  it('draws the band on each page across the columns that page shows, continued ones included', () => {
    // Every technique and sub-technique of 18.1 expanded: Defense Evasion and others go on to further pages.
    const every = layer({ showTacticRowBackground: true, tacticRowBackground: '#205b8f', layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'all' }, techniques: rawMatrix().current.map((t) => ({ techniqueID: t.id, score: 1 })) });
    const pages = renderSvgPages(matrixModel(every, index)).map(parseSvg).filter((page) => byClass(page, 'tactic-header').length);
    expect(pages.length).to.be.greaterThan(1);
    pages.forEach((page, i) => {
      const bands = Array.from(page.getElementsByTagName('rect')).filter((rect) => rect.getAttribute('class') === 'tactic-row').map((rect) => rectBox(rect, 'row'));
      const rules = byClass(page, 'tactic-header').map((header) => header.getElementsByTagName('line')[0]!);
      expect(bands.map((band) => [band.x, band.x + band.width]), `page ${i + 1}`).to.deep.equal([[Number(rules[0]!.getAttribute('x1')), Number(rules.at(-1)!.getAttribute('x2'))]]);
    });
  });

  it('draws no row without showTacticRowBackground, whatever tacticRowBackground says', () => {
    const page = parseSvg(renderSvgPages(matrixModel(layer({ tacticRowBackground: '#205b8f' }), index))[0]!);
    expect(Array.from(page.getElementsByTagName('rect')).filter((rect) => rect.getAttribute('class') === 'tactic-row')).to.deep.equal([]);
    const headers = byClass(page, 'tactic-header');
    expect(headers.flatMap((header) => Array.from(header.getElementsByTagName('rect')))).to.deep.equal([]);
    expect(new Set(headers.flatMap((header) => Array.from(header.getElementsByTagName('text')).map((text) => text.getAttribute('fill'))))).to.deep.equal(new Set(['#1a1a1a', '#595959']));
  });
});
