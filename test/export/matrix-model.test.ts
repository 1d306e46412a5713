import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { emptyTacticReasons, matrixModel, DEFAULT_GRADIENT, type MatrixModel } from '../../lib/export/matrix-model.js';
import { summaryLine } from '../../lib/export/render-svg.js';
import type { LayerTechnique, NavigatorLayer } from '../../lib/layer/layer-types.js';
import { gradientColor } from '../../lib/layer/score.js';
import { parseExportInput } from '../../lib/export/export-input.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';
import { rawMatrix, techniquesUnder } from './raw-matrix.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';

const readLayer = (name: string): NavigatorLayer => JSON.parse(readFileSync(join(repoRoot, 'layers', name), 'utf8')) as NavigatorLayer;

function layerWith(techniques: LayerTechnique[], extra: Partial<NavigatorLayer> = {}): NavigatorLayer {
  return {
    name: 'test',
    domain: 'enterprise-attack',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    gradient: { colors: ['#0000ff', '#00ff00', '#ff0000'], minValue: 0, maxValue: 100 },
    techniques,
    ...extra,
  };
}

const cellsOf = (model: MatrixModel) => model.columns.flatMap((column) => column.cells.flatMap((cell) => [cell, ...cell.subtechniques]));
const cell = (model: MatrixModel, id: string, tactic?: string) => cellsOf(model).find((c) => c.id === id && (!tactic || c.tactic === tactic));

describe('matrixModel', () => {
  const index = loadRelease('18.1');

  describe('the APT32 example layer (Windows only)', () => {
    const layer = readLayer('apt32-covid19-wuhan.layer.json');
    const model = matrixModel(layer, index);
    const raw = rawMatrix();

    it('has one column per tactic with a Windows technique, in the matrix order of the bundle', () => {
      const expected = raw.tactics.filter((t) => techniquesUnder(raw, t.shortname, ['Windows']).length).map((t) => t.name);
      expect(model.columns.map((c) => c.name)).to.deep.equal(expected);
      expect(model.emptyTactics).to.deep.equal(raw.tactics.filter((t) => !expected.includes(t.name)).map((t) => t.name));
    });

    it('puts every current Windows technique of a tactic in its column, and nothing else', () => {
      for (const column of model.columns) {
        const expected = techniquesUnder(raw, column.tactic, ['Windows']).map((t) => t.id).sort();
        expect(column.cells.map((c) => c.id).sort(), column.name).to.deep.equal(expected);
      }
    });

    it('sorts each column by name (sorting 0)', () => {
      for (const column of model.columns) {
        const names = column.cells.map((c) => c.name);
        expect(names).to.deep.equal([...names].sort((a, b) => a.localeCompare(b, 'en')));
      }
    });

    it('colours each scored entry with the last gradient colour (every score is the maximum, 100)', () => {
      const scored = (layer.techniques ?? []).filter((t) => typeof t.score === 'number');
      expect(scored.length).to.be.greaterThan(3);
      for (const entry of scored) {
        const found = cell(model, entry.techniqueID, entry.tactic);
        expect(found?.fill, entry.techniqueID).to.equal(layer.gradient!.colors.at(-1));
        expect(found?.score).to.equal(entry.score);
      }
    });

    it('expands T1218 (showSubtechniques) with its Windows sub-techniques, and T1566 (annotated subs)', () => {
      const t1218 = cell(model, 'T1218', 'defense-evasion')!;
      const expected = raw.current.filter((t) => t.parent === 'T1218' && t.tactics.includes('defense-evasion') && t.platforms.includes('Windows'));
      expect(t1218.subtechniques.map((s) => s.id).sort()).to.deep.equal(expected.map((t) => t.id).sort());
      expect(cell(model, 'T1566', 'initial-access')!.subtechniques.map((s) => s.id)).to.include.members(['T1566.001', 'T1566.002']);
      expect(cell(model, 'T1059', 'execution')!.subtechniques).to.deep.equal([]);
    });

    it('draws everything it annotates (no not-drawn notes)', () => {
      expect(model.notDrawn).to.deep.equal([]);
    });

    it('lists annotated entries highest score first, then by ID', () => {
      const ids = model.rows.map((r) => `${r.score ?? '-'} ${r.technique}`);
      expect(ids[0]).to.equal('100 T1095');
      // The parents added to show T1566.001 and T1218.010 carry showSubtechniques alone: not annotated, so not rows.
      expect(model.rows.every((r) => r.score === 100)).to.equal(true);
      expect(model.rows.map((r) => r.technique)).to.not.include.members(['T1566', 'T1218']);
    });
  });

  describe('colours', () => {
    const model = matrixModel(
      layerWith([
        { techniqueID: 'T1059', score: 0 },
        { techniqueID: 'T1078', tactic: 'initial-access', score: 50 },
        { techniqueID: 'T1566', score: 100 },
        { techniqueID: 'T1190', score: 250 },
        { techniqueID: 'T1133', score: 100, color: '#123456' },
        { techniqueID: 'T1200', score: 100, enabled: false },
      ]),
      index,
    );
    const table: [string, string, string | undefined][] = [
      ['T1059', 'score 0 = minValue gets the first colour', '#0000ff'],
      // Navigator 5.1's 100-colour table holds the middle colour at 49: 50 is one step past it (gradient.ts getHexColor).
      ['T1078', 'score 50 of 3 colours gets a step past the second, as Navigator paints it', '#05fa00'],
      ['T1566', 'score 100 = maxValue gets the last colour', '#ff0000'],
      ['T1190', 'a score above maxValue is clamped to the last colour', '#ff0000'],
      ['T1133', "an entry's explicit colour wins over its score", '#123456'],
      ['T1200', 'a disabled entry has no colour', undefined],
    ];
    for (const [id, behaviour, fill] of table) {
      it(`${behaviour} (${id})`, () => expect(cell(model, id)?.fill).to.equal(fill));
    }

    it('applies an entry with a tactic only under that tactic (T1078 is also Persistence...)', () => {
      expect(cell(model, 'T1078', 'persistence')?.fill).to.equal(undefined);
    });

    // Disabled: #aaaaaa, as Navigator's SVG export writes it (renderable-technique.ts textColor, mitre-attack/attack-navigator).
    it('picks white text on dark blue and black text on green; #aaaaaa for disabled, as Navigator\'s SVG export', () => {
      expect([cell(model, 'T1059')?.text, cell(model, 'T1078')?.text, cell(model, 'T1200')?.text]).to.deep.equal(['#ffffff', '#000000', '#aaaaaa']);
    });

    it("uses Navigator's red-yellow-green 0..100 when the layer has no gradient", () => {
      const plain = matrixModel(layerWith([{ techniqueID: 'T1059', score: 0 }], { gradient: undefined }), index);
      expect([plain.defaultGradient, cell(plain, 'T1059')?.fill]).to.deep.equal([true, DEFAULT_GRADIENT.colors[0]]);
    });
  });

  describe('a later entry of a technique and tactic', () => {
    // SCYTHE's community-threats exports (HoneyBee, APT33, FloridaWater): T1059 under execution coloured, then repeated
    // with no colour as the parent of its coloured sub-techniques. Navigator makes a new annotation per entry.
    const scythe = matrixModel(
      layerWith([
        { techniqueID: 'T1059', tactic: 'execution', color: '#ff4444', enabled: true, showSubtechniques: true },
        { techniqueID: 'T1059', tactic: 'execution', color: '', enabled: true, showSubtechniques: true },
        { techniqueID: 'T1059.001', tactic: 'execution', color: '#ff4444', enabled: true, showSubtechniques: false },
        { techniqueID: 'T1082', tactic: 'discovery', color: '#ff4444' },
        { techniqueID: 'T1082', tactic: 'discovery', color: '#ff4444' },
      ]),
      index,
    );

    it('replaces the earlier one whole, as Navigator shows it, and says so', () => {
      expect([cell(scythe, 'T1059')?.fill, cell(scythe, 'T1059.001')?.fill]).to.deep.equal([undefined, '#ff4444']);
      expect(scythe.notDrawn.map(({ entries, reason }) => [entries, reason])).to.deep.equal([[[0], 'replaced']]);
      expect(scythe.notDrawn[0]?.message).to.match(/^T1059: replaced under execution by a later entry of T1059 \(Navigator shows only the last entry/);
    });

    it('says nothing when the later entry is the same', () => {
      expect(cell(scythe, 'T1082')?.fill).to.equal('#ff4444');
      expect(scythe.notDrawn.some(({ techniqueID }) => techniqueID === 'T1082')).to.equal(false);
    });

    // alchici/ThreatIntel's "Kill Chain" layer (ATT&CK 14) writes T1003 twice alike, without a tactic: the CSV listed two
    // equal rows with nothing saying they are one cell of the matrix.
    it('notes in the table row of the earlier entry that a later one repeats it alike', () => {
      const killChain = matrixModel(layerWith([{ techniqueID: 'T1003', score: 100 }, { techniqueID: 'T1003', score: 100 }, { techniqueID: 'T1047', score: 100 }]), index);
      expect(killChain.rows.map(({ technique, note }) => [technique, note])).to.deep.equal([
        ['T1003', 'repeated alike under credential-access by a later entry of T1003 (Navigator shows one); delete the repeat'],
        ['T1003', ''],
        ['T1047', ''],
      ]);
      expect(scythe.rows.filter(({ technique }) => technique === 'T1082').map(({ note }) => note)).to.deep.equal([
        'repeated alike under discovery by a later entry of T1082 (Navigator shows one); delete the repeat',
        '',
      ]);
      expect(killChain.notDrawn).to.deep.equal([]);
    });
  });

  describe('aggregate scores (layout.showAggregateScores), as Navigator 5.1 paints and sorts them', () => {
    // Modelled on DeepTempo's attack-layer-exporter example (code index file id 46540906057): one scored sub-technique,
    // no entry for its parent, showAggregateScores with the average, sorting 3.
    const aggregated = (extra: Partial<NonNullable<NavigatorLayer['layout']>>, entries: LayerTechnique[] = []) =>
      matrixModel(
        layerWith([{ techniqueID: 'T1573.002', tactic: 'command-and-control', score: 100, comment: '15 findings' }, ...entries], {
          sorting: 3,
          layout: { layout: 'side', aggregateFunction: 'average', showAggregateScores: true, countUnscored: false, ...extra },
        }),
        index,
      );
    const c2 = (model: MatrixModel) => model.columns.find((column) => column.tactic === 'command-and-control')!;

    it("colours an unscored parent by its sub-techniques' average and sorts it by that score", () => {
      const model = aggregated({});
      expect([cell(model, 'T1573')?.aggregateScore, cell(model, 'T1573')?.fill, c2(model).cells[0]?.id]).to.deep.equal([100, '#ff0000', 'T1573']);
    });

    it('divides by every sub-technique and the parent with countUnscored', () => {
      const model = aggregated({ countUnscored: true });
      const subs = index.currentTechniques().filter((record) => record.parent === 'T1573').length;
      const expected = Number((100 / (subs + 1)).toFixed(2));
      expect([cell(model, 'T1573')?.aggregateScore, cell(model, 'T1573')?.fill]).to.deep.equal([expected, gradientColor(layerWith([]).gradient!, expected)]);
    });

    it("takes the unscored parent as 0 for min, as Navigator does, and keeps an entry's own colour", () => {
      expect(cell(aggregated({ aggregateFunction: 'min' }), 'T1573')?.fill).to.equal('#0000ff');
      expect(cell(aggregated({}, [{ techniqueID: 'T1573', tactic: 'command-and-control', color: '#123456' }]), 'T1573')?.fill).to.equal('#123456');
    });

    it('leaves the parent plain without showAggregateScores', () => {
      expect(cell(aggregated({ showAggregateScores: false }), 'T1573')?.fill).to.equal(undefined);
    });
  });

  describe('filters and visibility', () => {
    it('hides disabled techniques with hideDisabled, greys them without', () => {
      const entries = [{ techniqueID: 'T1200', enabled: false }];
      expect(cell(matrixModel(layerWith(entries), index), 'T1200')?.enabled).to.equal(false);
      expect(cell(matrixModel(layerWith(entries, { hideDisabled: true }), index), 'T1200')).to.equal(undefined);
    });

    it('says why a tactic has no column: no technique on the platforms, or every one disabled and hidden (hideDisabled)', () => {
      // The tester's 14-layerbuilder-ics-g0088-hidedisabled.json: every technique but two disabled, no platform filter.
      const raw = rawMatrix();
      const exfiltration = raw.current.filter((t) => t.tactics.includes('exfiltration')).map((t): LayerTechnique => ({ techniqueID: t.id, enabled: false }));
      const hidden = matrixModel(layerWith(exfiltration, { hideDisabled: true }), index);
      expect(hidden.disabledTactics).to.deep.equal(['Exfiltration']);
      expect(emptyTacticReasons(hidden)).to.deep.equal([{ tactics: ['Exfiltration'], why: 'every technique under them is disabled, and hideDisabled is true' }]);
      // Greyed out without hideDisabled: the column stays.
      expect(emptyTacticReasons(matrixModel(layerWith(exfiltration), index))).to.deep.equal([]);
      const windows = matrixModel(layerWith(exfiltration, { hideDisabled: true, filters: { platforms: ['Windows'] } }), index);
      const noWindows = raw.tactics.filter((t) => !techniquesUnder(raw, t.shortname, ['Windows']).length).map((t) => t.name);
      expect(emptyTacticReasons(windows)).to.deep.equal([
        ...(noWindows.length ? [{ tactics: noWindows, why: 'no technique on these platforms' }] : []),
        { tactics: ['Exfiltration'], why: 'every technique under them is disabled, and hideDisabled is true' },
      ]);
    });

    it('--subtechniques expanded shows every sub-technique, none shows none', () => {
      const raw = rawMatrix();
      const layer = layerWith([{ techniqueID: 'T1566.001', score: 10 }], { layout: { expandedSubtechniques: 'annotated' } });
      const expanded = matrixModel(layer, index, { subtechniques: 'expanded' });
      const subs = expanded.columns.flatMap((c) => c.cells.flatMap((t) => t.subtechniques));
      const expected = raw.current.filter((t) => t.parent).reduce((sum, t) => sum + t.tactics.length, 0);
      expect(subs.length).to.equal(expected);
      const none = matrixModel(layer, index, { subtechniques: 'none' });
      expect(none.columns.flatMap((c) => c.cells.flatMap((t) => t.subtechniques))).to.deep.equal([]);
      expect(cell(none, 'T1566')?.collapsedAnnotated).to.equal(1);
    });

    it('sorts by score, highest first, with sorting 3', () => {
      const model = matrixModel(layerWith([{ techniqueID: 'T1059', score: 5 }, { techniqueID: 'T1204', score: 9 }], { sorting: 3 }), index);
      expect(model.columns.find((c) => c.tactic === 'execution')!.cells.slice(0, 2).map((c) => c.id)).to.deep.equal(['T1204', 'T1059']);
    });
  });

  describe('entries Navigator would not draw', () => {
    const raw = rawMatrix();
    const deprecated = raw.deprecated[0]!;
    const layer = layerWith(
      [
        { techniqueID: 'T9999', score: 1 },
        { techniqueID: 'T1086', score: 2 },
        { techniqueID: deprecated, score: 3 },
        { techniqueID: 'T1204', tactic: 'persistence', score: 4 },
        { techniqueID: 'T1595', score: 5 },
        { techniqueID: 'T1566.001', score: 6 },
        { techniqueID: 'T1059', showSubtechniques: true },
      ],
      { filters: { platforms: ['Windows'] }, layout: { expandedSubtechniques: 'none' } },
    );
    const model = matrixModel(layer, index);
    const reasons = Object.fromEntries(model.notDrawn.map((n) => [n.techniqueID, n.reason]));

    it('lists each with its reason, and skips entries that annotate nothing', () => {
      expect(reasons).to.deep.equal({
        T9999: 'unknown',
        T1086: 'revoked',
        [deprecated]: 'deprecated',
        T1204: 'tactic-mismatch',
        T1595: 'platform-filter',
        'T1566.001': 'collapsed',
      });
    });

    it('names the replacement of a revoked technique (T1086 -> T1059.001)', () => {
      expect(model.notDrawn.find((n) => n.techniqueID === 'T1086')?.message).to.contain('replaced by T1059.001');
    });

    it('carries the reason into the table rows', () => {
      expect(model.rows.find((r) => r.technique === 'T9999')?.note).to.match(/^not drawn: numbered far past T1681 of enterprise-attack 18\.1/);
    });

    // As validate, upgrade and combine say them (unknownTechniqueText); export said `not a technique in
    // enterprise-attack 18.1; fix the ID` of both, where a team's data or a newer release draws them.
    it("says what an ID the release lacks is: a team's number (T9001), a newer release's (T1685)", () => {
      const notes = matrixModel(layerWith([{ techniqueID: 'T9001', score: 1 }, { techniqueID: 'T1685', score: 1 }]), index).notDrawn.map((n) => n.message);
      expect(notes[0]).to.match(/^T9001: numbered far past T1681 of enterprise-attack 18\.1, MITRE's newest technique, as a team numbers its own techniques .*, which draws it; else fix the ID$/);
      expect(notes[1]).to.match(/^T1685: not a technique in enterprise-attack 18\.1: its number is past 18\.1's newest technique \(T1681\), as a newer ATT&CK release's IDs are: get that release with .* and export the layer with it$/);
    });
  });

  // Layers of older tools write an entry per tactic: ATT&CK Evaluations' Carbanak+FIN7 layer
  // (test/fixtures/layers/public/attack-evals-carbanak-fin7-2.2.json) has the revoked T1179 under persistence and
  // credential-access, both scored 2, and the list said "T1179: revoked …" twice, the two lines alike. Our own layer in
  // that shape, with two entries that differ and one written twice without a tactic.
  describe('entries of one technique not drawn for the same reason', () => {
    const layer = layerWith([
      { techniqueID: 'T1179', tactic: 'persistence', score: 2 },
      { techniqueID: 'T1179', tactic: 'credential-access', score: 2 },
      { techniqueID: 'T1050', tactic: 'privilege-escalation', score: 3 },
      { techniqueID: 'T1050', tactic: 'persistence', score: 1, comment: 'seen once' },
      { techniqueID: 'T1086', score: 1 },
      { techniqueID: 'T1138', tactic: 'persistence', score: 2 },
      { techniqueID: 'T1086', score: 1 },
    ]);
    const model = matrixModel(layer, index);

    it('lists alike entries once, naming their tactics; those that differ once each, naming its own; a lone entry as before', () => {
      expect(model.notDrawn.map(({ entries, tactics, message }) => [entries, tactics, message.split(': revoked')[0]])).to.deep.equal([
        [[0, 1], ['persistence', 'credential-access'], 'T1179 (under persistence, credential-access)'],
        [[2], ['privilege-escalation'], 'T1050 (under privilege-escalation)'],
        [[3], ['persistence'], 'T1050 (under persistence)'],
        [[4, 6], [], 'T1086 (2 entries, under every tactic)'],
        [[5], ['persistence'], 'T1138'],
      ]);
      expect(model.notDrawn[0]!.message).to.equal(
        'T1179 (under persistence, credential-access): revoked in enterprise-attack 18.1, replaced by T1056.004 Input Capture: Credential API Hooking; run `upgradeLayer`',
      );
    });

    it('keeps a note on every row of the table', () => {
      expect(model.rows.filter((row) => row.technique === 'T1179').map((row) => row.note)).to.deep.equal([
        'not drawn: revoked in enterprise-attack 18.1, replaced by T1056.004 Input Capture: Credential API Hooking; run `upgradeLayer`',
        'not drawn: revoked in enterprise-attack 18.1, replaced by T1056.004 Input Capture: Credential API Hooking; run `upgradeLayer`',
      ]);
    });
  });

  // `export --subtechniques none` said one line per annotated sub-technique, `not drawn: T1566.001: collapsed under
  // T1566 in initial-access; because of --subtechniques none` (15 lines for layers/all.layer.json), of what the user
  // asked for. Our own layer: two sub-techniques collapsed, one under two tactics, beside a revoked technique.
  describe('sub-techniques collapsed because the caller asked for none', () => {
    const layer = layerWith([
      { techniqueID: 'T1086', score: 1 },
      { techniqueID: 'T1566.001', tactic: 'initial-access', score: 3 },
      { techniqueID: 'T1053.005', tactic: 'execution', score: 2 },
      { techniqueID: 'T1053.005', tactic: 'persistence', score: 2 },
    ]);

    it('are one line where notDrawnSaid says each line, counted, where the first of them was; other lines stay', () => {
      const model = matrixModel(layer, index, { subtechniques: 'none' });
      expect(model.notDrawnSaid).to.deep.equal([
        'T1086: revoked in enterprise-attack 18.1, replaced by T1059.001 Command and Scripting Interpreter: PowerShell; run `upgradeLayer`',
        "2 annotated sub-techniques (T1566.001, T1053.005): collapsed under their parents because of subtechniques: 'none'; the csv, md and xlsx exports list each",
      ]);
      // The table's rows and the list of the Markdown export keep every entry.
      expect(model.notDrawn.map((item) => item.message)).to.deep.equal([
        model.notDrawnSaid[0],
        "T1566.001: collapsed under T1566 in initial-access because of subtechniques: 'none'",
        "T1053.005: collapsed under T1053 in execution because of subtechniques: 'none'",
        "T1053.005: collapsed under T1053 in persistence because of subtechniques: 'none'",
      ]);
      expect(model.rows.filter((row) => row.note.includes('collapsed'))).to.have.length(3);
    });

    // A Navigator layer saved with `expandedSubtechniques: none` (bryanherdianto/blue-team-wazuh-lab mitre/layer.json,
    // 73 annotated sub-techniques) said a line each, `T1003.002: collapsed under T1003 in credential-access; pass
    // --subtechniques annotated to show it`, 73 times: one option shows them all, so they are one line, as above.
    it('are one line too where the layer collapsed them, naming the option that shows them; the tables keep each', () => {
      const model = matrixModel({ ...layer, layout: { expandedSubtechniques: 'none' } }, index);
      expect(model.notDrawnSaid).to.deep.equal([
        model.notDrawn[0]!.message,
        "2 annotated sub-techniques (T1566.001, T1053.005): collapsed under their parents by the layer; pass subtechniques: 'annotated' to show them; the csv, md and xlsx exports list each",
      ]);
      expect(model.notDrawn).to.have.length(4);
      expect(model.notDrawn[1]!.message).to.equal("T1566.001: collapsed under T1566 in initial-access; pass subtechniques: 'annotated' to show it");
    });

    // One sub-technique under two tactics is one sub-technique: the grouped line said "2 annotated sub-techniques
    // (T1053.005)"; its own two notes say it better.
    it('are said as their notes where one sub-technique alone is collapsed, under two tactics', () => {
      const one = layerWith((layer.techniques ?? []).filter((entry) => entry.techniqueID === 'T1053.005'));
      const model = matrixModel(one, index, { subtechniques: 'none' });
      expect(model.notDrawnSaid).to.deep.equal(model.notDrawn.map((item) => item.message));
      expect(model.notDrawnSaid).to.have.length(2);
    });
  });

  // Adedoja/HTB-ATT-CK-Navigator's "htb_skills_—_att&ck_coverage.json" (ATT&CK 19, Navigator 5.3.2) writes T1078 under
  // stealth, ATT&CK 19's tactic off defense-evasion. Drawn in 18.1, export said `not under stealth … (its tactics: …); fix
  // the tactic` where validate and upgrade say where the annotation goes. Our own entries in that shape.
  describe('an entry under a tactic a later release split off (T1078 under stealth)', () => {
    const entries: LayerTechnique[] = [{ techniqueID: 'T1078', tactic: 'stealth', color: '#fdae6b' }];
    const findings = (value: unknown) => validateLayer(value, { attackFor: attackFor(attackLibrary()), file: 'htb.json' });
    const said = (version: string) => {
      const layer = layerWith(entries, { versions: { attack: version, navigator: '5.3.2', layer: '4.5' } });
      const exported = matrixModel(layer, index).notDrawn.map((n) => n.message);
      const validated = findings(layer).filter((f) => f.code === 'tactic-mismatch').map((f) => f.message);
      return { exported, validated };
    };

    it('says in a layer of ATT&CK 19 what validate says: where 18.1 has the technique, and that upgrade --to 18.1 moves it', () => {
      const { exported, validated } = said('19');
      expect(exported).to.deep.equal([
        'T1078: not under stealth in enterprise-attack 18.1: Stealth is the tactic ATT&CK 19 split off defense-evasion, under which enterprise-attack 18.1 ' +
          "has T1078; `upgradeLayer(…, upgradeReleases(…, { to: '18.1' }).target)` moves the annotation there",
      ]);
      expect(validated).to.have.length(1);
      expect(validated[0]).to.contain(exported[0]!.split(': not under')[1]);
    });

    it('says in a layer of 18 what validate says: set the tactic it came from', () => {
      const { exported, validated } = said('18');
      expect(exported[0]).to.match(/Stealth is the tactic ATT&CK 19 split off defense-evasion, under which enterprise-attack 18\.1 has T1078; set tactic to defense-evasion/);
      expect(validated[0]).to.contain(exported[0]!.split(': not under')[1]);
    });
  });

  // Navigator writes every platform of its release into the filter of a layer it exports: Adedoja/HTB-ATT-CK-Navigator's
  // layer (ATT&CK 19, drawn in 18.1) and MITRE's Defense Evasion split example (navigator-defense-evasion-split-4.5.json,
  // ATT&CK 17) list all 11 and were headed with the 11 names, where a layer without a filter says `platforms: all`.
  describe('a platform filter naming every platform of the release drawn', () => {
    const every = ['Windows', 'IaaS', 'Linux', 'macOS', 'SaaS', 'ESXi', 'Network Devices', 'PRE', 'Containers', 'Office Suite', 'Identity Provider'];
    const entries: LayerTechnique[] = [{ techniqueID: 'T1059.012', tactic: 'execution', score: 5 }];
    const drawn = (model: MatrixModel) => model.columns.map((column) => [column.tactic, column.cells.length]);

    for (const version of ['18', '19']) {
      it(`is said as every platform in a layer of ${version}, and draws what no filter draws`, () => {
        const model = matrixModel(layerWith(entries, { versions: { attack: version, navigator: '5.3.2', layer: '4.5' }, filters: { platforms: every } }), index);
        expect(model.platforms).to.equal(undefined);
        expect(summaryLine(model)).to.match(/^ATT&CK enterprise-attack 18\.1( \(layer made for 19\))? · platforms: all · /);
        expect(drawn(model)).to.deep.equal(drawn(matrixModel(layerWith(entries), index)));
      });
    }

    it('is listed where it leaves one out (ESXi)', () => {
      const model = matrixModel(layerWith(entries, { filters: { platforms: every.filter((name) => name !== 'ESXi') } }), index);
      expect(model.platforms).to.have.length(10);
      expect(model.notDrawn.map((n) => n.reason)).to.deep.equal(['platform-filter']);
    });
  });

  describe('a platform filter of a release older than the one it is drawn in', () => {
    // CTID's threat-modeling Scoring Layer (ATT&CK 15, Navigator 5.0.1) filters on "Azure AD", which ATT&CK 16.0
    // renamed Identity Provider; drawn in 18.1 it was read literally and its annotated techniques were not drawn.
    const entries: LayerTechnique[] = [
      { techniqueID: 'T1526', tactic: 'discovery', score: 5 },
      { techniqueID: 'T1595', tactic: 'reconnaissance', score: 2 },
    ];
    const filters = { platforms: ['Azure AD'] };

    it('reads a name renamed after the layer\'s release as its new name (Azure AD in a layer for 15 is Identity Provider)', () => {
      const model = matrixModel(layerWith(entries, { versions: { attack: '15', navigator: '5.0.1', layer: '4.5' }, filters }), index);
      expect(cell(model, 'T1526', 'discovery')?.score).to.equal(5);
      expect(model.notDrawn.map((n) => [n.techniqueID, n.reason])).to.deep.equal([['T1595', 'platform-filter']]);
      expect(model.platforms).to.deep.equal(['Identity Provider']);
    });

    it('reads it as written in a layer for a release that no longer had it (Azure AD in a layer for 16)', () => {
      const model = matrixModel(layerWith(entries, { versions: { attack: '16', navigator: '5.1.0', layer: '4.5' }, filters }), index);
      expect(cell(model, 'T1526', 'discovery')).to.equal(undefined);
      expect(model.notDrawn.map((n) => n.reason)).to.deep.equal(['platform-filter', 'platform-filter']);
    });
  });
});

describe('matrixModel with four-digit colours (#rgba), which the layer schema, repair and Navigator 5.1 take', () => {
  const index = loadRelease('18.1');
  // Navigator keeps any colour tinycolor2 reads (nav-app/src/app/classes/technique-vm.ts deserialize) and paints it as
  // CSS does, alpha included; its text colour (tinycolor.mostReadable) and gradient steps (toHexString) leave the alpha out.
  const model = matrixModel(
    layerWith([{ techniqueID: 'T1059', color: '#f00a' }, { techniqueID: 'T1566', score: 100 }], {
      gradient: { colors: ['#fff', '#00fa'], minValue: 0, maxValue: 100 },
      legendItems: [{ label: 'seen', color: '#0f08' }],
      showTacticRowBackground: true,
      tacticRowBackground: '#205c',
    }),
    index,
  );

  it('fills a cell with its own #rgba colour, as written, and picks its text as for #ff0000 (black)', () => {
    expect([cell(model, 'T1059')?.fill, cell(model, 'T1059')?.text]).to.deep.equal(['#f00a', '#000000']);
    expect(model.rows.find((row) => row.technique === 'T1059')?.color).to.equal('#f00a');
  });

  it("colours a score on a gradient of #rgba colours, not on Navigator's default", () => {
    expect(cell(model, 'T1566')?.fill).to.equal('#0000ff');
  });

  it('keeps a legend item and the tactic row background of #rgba colours', () => {
    expect(model.legend).to.deep.equal([{ label: 'seen', color: '#0f08' }]);
    expect(model.tacticRow).to.deep.equal({ fill: '#205c', text: '#ffffff' });
  });
});

describe("matrixModel's tactic row, as Navigator colours it (showTacticRowBackground)", () => {
  const index = loadRelease('18.1');
  // Published layers that show a tactic row background (test/fixtures/layers/public/README.md): CALDERA's compass
  // layer dark blue (#205b8f), Splunk security_content's coverage layer grey (#dddddd). Navigator fills the row with
  // tacticRowBackground and writes its tactic names black or white, whichever reads better (tinycolor.mostReadable):
  // mitre-attack/attack-navigator nav-app/src/app/svg-export/svg-export.component.ts (the tactic-header-background
  // rect and the tactic labels' fill) and datatable/data-table.component.ts saveLayerLocallyExcel (the header row).
  const published = (name: string): NavigatorLayer => {
    const input = parseExportInput(readFileSync(join(repoRoot, 'test/fixtures/layers/public', name), 'utf8'), name);
    if (input.kind !== 'layer') throw new Error(`${name} is no layer`);
    return input.layer;
  };

  const cases: [string, NavigatorLayer, MatrixModel['tacticRow']][] = [
    ['CALDERA compass (#205b8f): white text', published('caldera-compass-adversary-2.2.json'), { fill: '#205b8f', text: '#ffffff' }],
    ['Splunk security_content (#dddddd): black text', published('splunk-security-content-coverage-4.3.json'), { fill: '#dddddd', text: '#000000' }],
    ["shown with no colour named: Navigator's #dddddd", layerWith([], { showTacticRowBackground: true }), { fill: '#dddddd', text: '#000000' }],
    ['a colour but showTacticRowBackground false (CAR analytic coverage): none', published('car-analytic-coverage-4.3.json'), undefined],
    ['neither: none', layerWith([]), undefined],
  ];
  for (const [name, layer, expected] of cases) {
    it(name, () => expect(matrixModel(layer, index).tacticRow).to.deep.equal(expected));
  }
});
