import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { InputError, SchemaValidationError, UsageError } from '../../lib/errors.js';
import {
  combineLayers,
  parseLayerSources,
  readLayerSources,
  sourcesDomain,
  upgradeSources,
  type CombineInput,
  type LayerSource,
} from '../../lib/layer/combine-layers.js';
import { COMBINE_OPS, type CombineOp } from '../../lib/layer/combine-ops.js';
import type { LayerTechnique, NavigatorLayer } from '../../lib/layer/layer-types.js';
import { serializeLayer } from '../../lib/layer/serialize-layer.js';
import { gradientColor, INFERRED_COLOR, INFERRED_LABEL } from '../../lib/layer/score.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { schemaIssues } from '../../lib/schemas.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';

const dir = 'test/fixtures/layers/combine';
// T9999 is numbered far past 18.1's newest technique (T1681): said as a team's own, as gap says it (unknownTechniqueText).
const TEAM_T9999 =
  "T9999 is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK release " +
  "will have it), and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) as the 18.1 " +
  "release (`loadAttack({ attack: '<file|folder>' })`), which keeps it; else fix the ID";

function sources(...names: string[]): LayerSource[] {
  return names.flatMap((name) => readLayerSources(`${dir}/${name}`, `${repoRoot}/${dir}/${name}`));
}

/** The `<ID>/<tactic>` -> score map of a layer; null for an entry without a score. */
function scores(layer: NavigatorLayer): Record<string, number | null> {
  return Object.fromEntries((layer.techniques ?? []).map((t) => [`${t.techniqueID}${t.tactic ? `/${t.tactic}` : ''}`, t.score ?? null]));
}

function entry(layer: NavigatorLayer, id: string, tactic?: string): LayerTechnique {
  const found = (layer.techniques ?? []).find((t) => t.techniqueID === id && t.tactic === tactic);
  if (!found) throw new Error(`${id}/${tactic ?? '-'} is not in the layer: ${Object.keys(scores(layer)).join(', ')}`);
  return found;
}

describe('combineLayers', () => {
  let index: AttackIndex;
  const prepared = new Map<string, CombineInput[]>();
  const inputs = (...names: string[]): CombineInput[] => {
    const key = names.join(' ');
    let list = prepared.get(key);
    if (!list) {
      list = upgradeSources(sources(...names), index).inputs;
      prepared.set(key, list);
    }
    return list;
  };
  const combine = (op: CombineOp, ...names: string[]) => combineLayers(inputs(...names), { op, index }).layer;

  before(() => {
    index = loadRelease('18.1');
  });

  // Keys: T1053.005 is placed under execution by a, so b's entry without a tactic counts under each of its tactics
  // (execution, persistence, privilege-escalation); T1105 is annotated in a without a score.
  const AB = ['a.json', 'b.json'];
  const ABC = ['a.json', 'b.json', 'c.json'];
  const table: Array<[CombineOp, string[], Record<string, number | null>]> = [
    ['sum', AB, { T1003: 1, 'T1021.001': 5, 'T1053.005/execution': 6, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 4, T1105: null, 'T1566.001/initial-access': 6 }],
    ['max', AB, { T1003: 1, 'T1021.001': 5, 'T1053.005/execution': 4, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 3, T1105: null, 'T1566.001/initial-access': 4 }],
    ['min', AB, { T1003: 1, 'T1021.001': 5, 'T1053.005/execution': 2, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 1, T1105: null, 'T1566.001/initial-access': 2 }],
    ['mean', AB, { T1003: 1, 'T1021.001': 5, 'T1053.005/execution': 3, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 2, T1105: null, 'T1566.001/initial-access': 3 }],
    ['diff', AB, { T1003: 1, 'T1021.001': -5, 'T1053.005/execution': 2, 'T1053.005/persistence': -2, 'T1053.005/privilege-escalation': -2, 'T1059.001': 2, T1105: null, 'T1566.001/initial-access': -2 }],
    ['diff', ['b.json', 'a.json'], { T1003: -1, 'T1021.001': 5, 'T1053.005/execution': -2, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': -2, T1105: null, 'T1566.001/initial-access': 2 }],
    ['intersect', AB, { 'T1053.005/execution': 2, 'T1059.001': 1, 'T1566.001/initial-access': 2 }],
    ['union', AB, { T1003: 1, 'T1021.001': 5, 'T1053.005/execution': 4, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 3, T1105: null, 'T1566.001/initial-access': 4 }],
    // c: T1059.001 3, T1021.001 1 (disabled), T1566.001 under initial-access without a score.
    ['sum', ABC, { T1003: 1, 'T1021.001': 6, 'T1053.005/execution': 6, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 7, T1105: null, 'T1566.001/initial-access': 6 }],
    ['max', ABC, { T1003: 1, 'T1021.001': 5, 'T1053.005/execution': 4, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 3, T1105: null, 'T1566.001/initial-access': 4 }],
    ['min', ABC, { T1003: 1, 'T1021.001': 1, 'T1053.005/execution': 2, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 1, T1105: null, 'T1566.001/initial-access': 2 }],
    ['mean', ABC, { T1003: 1, 'T1021.001': 3, 'T1053.005/execution': 3, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 2.33, T1105: null, 'T1566.001/initial-access': 3 }],
    ['diff', ABC, { T1003: 1, 'T1021.001': -6, 'T1053.005/execution': 2, 'T1053.005/persistence': -2, 'T1053.005/privilege-escalation': -2, 'T1059.001': -1, T1105: null, 'T1566.001/initial-access': -2 }],
    ['intersect', ABC, { 'T1059.001': 1 }],
    ['union', ABC, { T1003: 1, 'T1021.001': 5, 'T1053.005/execution': 4, 'T1053.005/persistence': 2, 'T1053.005/privilege-escalation': 2, 'T1059.001': 3, T1105: null, 'T1566.001/initial-access': 4 }],
  ];
  for (const [op, names, expected] of table) {
    it(`${op} of ${names.join(', ')} gives the hand-computed scores`, () => {
      expect(scores(combine(op, ...names))).to.deep.equal(expected);
    });
  }

  for (const [op, names] of table) {
    it(`${op} of ${names.join(', ')} is a valid 4.5 layer that validateLayer finds no error in (ATT&CK 18.1)`, () => {
      const layer = combine(op, ...names);
      expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
      const findings = validateLayer(JSON.parse(serializeLayer(layer)), { attackFor: () => index, file: 'combined.json' });
      expect(findings.filter((f) => f.severity === 'error')).to.deep.equal([]);
    });
  }

  it('prefixes comments with the layer name, a line two layers give once, naming both', () => {
    const layer = combine('sum', ...AB);
    expect(entry(layer, 'T1059.001').comment).to.equal('Layer A + Layer B: encoded commands');
    expect(entry(layer, 'T1053.005', 'persistence').comment).to.equal('Layer B: schtasks /create');
    expect(entry(layer, 'T1105').comment).to.equal('Layer A: seen in proxy logs');
  });

  it('counts the comment lines several layers give, each written once, for the summary (A and B share one; A, B, C too)', () => {
    expect(combineLayers(inputs(...AB), { op: 'sum', index }).sharedCommentLines).to.equal(1);
    expect(combineLayers(inputs(...ABC), { op: 'sum', index }).sharedCommentLines).to.equal(1);
  });

  it('keeps the comment of an entry without a score under intersect only when the key is scored everywhere', () => {
    expect(entry(combine('sum', ...ABC), 'T1566.001', 'initial-access').comment).to.equal('Layer C: no score here');
    expect(scores(combine('intersect', ...ABC))).to.not.have.property('T1566.001/initial-access');
  });

  it('merges links by URL in order of first appearance, keeping the divider that separated the links kept', () => {
    // b writes report A again, a divider, then report B: report A is a's already, and B stays in a group of its own.
    expect(entry(combine('max', ...AB), 'T1566.001', 'initial-access').links).to.deep.equal([
      { label: 'report A', url: 'https://example.org/a' },
      { divider: true },
      { label: 'report B', url: 'https://example.org/b' },
    ]);
  });

  describe('link dividers (a heatmap generator writes one group of D3FEND links per defence)', () => {
    // Reconstructed in the shape of the layer that create_json_for_visualization_in_mitre_navigator writes (found by
    // find_string, id 18564616787): two leading dividers, then one divider before each D3FEND technique's link.
    const SEA = { label: 'Script Execution Analysis', url: 'https://d3fend.mitre.org/technique/d3f:ScriptExecutionAnalysis' };
    const PSA = { label: 'Process Spawn Analysis', url: 'https://d3fend.mitre.org/technique/d3f:ProcessSpawnAnalysis' };
    const heatmap = (name: string, links: object[], layerLinks: object[] = []) => ({
      name,
      domain: 'enterprise-attack',
      versions: { attack: '15', navigator: '5.0.0', layer: '4.5' },
      techniques: [{ techniqueID: 'T1059.001', color: '#f94444', comment: '3 times', showSubtechniques: true, links }],
      ...(layerLinks.length ? { links: layerLinks } : {}),
    });
    const combined = (...layers: object[]): NavigatorLayer =>
      combineLayers(
        layers.flatMap((layer, i) => upgradeSources(parseLayerSources(JSON.stringify(layer), `heatmap-${i}.json`), index).inputs),
        { op: 'max', index },
      ).layer;
    const d3fend = [{ divider: true }, { divider: true }, SEA, { divider: true }, PSA];

    it('keeps a divider between two links, without the leading or doubled ones (the layer combined with itself)', () => {
      expect(entry(combined(heatmap('APT29', d3fend), heatmap('APT29 again', d3fend)), 'T1059.001').links).to.deep.equal([SEA, { divider: true }, PSA]);
    });

    it("puts another layer's links after a divider it wrote, and leaves out its duplicates and the dividers they leave over", () => {
      const other = [PSA, { divider: true }, { divider: true }, { label: 'D3FEND', url: 'https://d3fend.mitre.org/' }, { divider: true }];
      expect(entry(combined(heatmap('APT29', d3fend), heatmap('APT28', other)), 'T1059.001').links).to.deep.equal([
        SEA,
        { divider: true },
        PSA,
        { divider: true },
        { label: 'D3FEND', url: 'https://d3fend.mitre.org/' },
      ]);
    });

    it("keeps every divider of an entry's metadata that separates two items (a group per defence)", () => {
      const metadata = [{ name: 'defence', value: 'D3-SEA' }, { divider: true }, { name: 'defence', value: 'D3-PSA' }, { divider: true }, { name: 'defence', value: 'D3-PA' }];
      const withMetadata = { ...heatmap('APT29', d3fend), techniques: [{ techniqueID: 'T1059.001', score: 1, metadata }] };
      expect(entry(combined(withMetadata, heatmap('APT28', [])), 'T1059.001').metadata).to.deep.equal([{ name: 'layer', value: 'APT29' }, ...metadata]);
    });

    it("keeps each group of an entry's metadata whole: a capability's category and value are not left out for appearing in another group", () => {
      // In the shape of CTID Mappings Explorer's M365 layers (center-for-threat-informed-defense/mappings-explorer,
      // legacy/m365-12.11.2023_attack-14.1-enterprise_E3_navigator_layers.json, Apache-2.0): a divider, then one group per
      // capability and category. T1598.002's DEF-SA-E3 responds and detects: the second group differs by its category only.
      const group = (category: string) => [
        { divider: true },
        { name: 'capability', value: 'DEF-SA-E3' },
        { name: 'category', value: category },
        { name: 'value', value: 'significant' },
        { name: 'comment', value: "M365's Safe Attachments is a feature that provides advanced email security." },
      ];
      const metadata = [...group('respond'), ...group('detect'), ...group('detect')];
      const m365 = { ...heatmap('M365 E3 Mappings', []), techniques: [{ techniqueID: 'T1598.002', score: 1, comment: 'Related to:\n•DEF-SA-E3', metadata }] };
      expect(entry(combined(m365, heatmap('APT28', [])), 'T1598.002').metadata).to.deep.equal([
        { name: 'layer', value: 'M365 E3 Mappings' },
        ...group('respond'),
        ...group('detect'),
      ]);
    });

    it("keeps the dividers of the layers' own links", () => {
      const own = [{ label: 'APT29', url: 'https://attack.mitre.org/groups/G0016/' }, { divider: true }, { label: 'D3FEND', url: 'https://d3fend.mitre.org/' }];
      expect(combined(heatmap('APT29', d3fend, own), heatmap('APT29 again', d3fend, own)).links).to.deep.equal(own);
    });
  });

  it("puts a { name: 'layer' } item before each layer's metadata", () => {
    expect(entry(combine('max', ...AB), 'T1059.001').metadata).to.deep.equal([
      { name: 'layer', value: 'Layer A' },
      { name: 'source', value: 'report A' },
    ]);
  });

  it('keeps a colour when every layer that colours the key gives it that colour', () => {
    expect(entry(combine('max', ...AB), 'T1566.001', 'initial-access').color).to.equal('#ff0000');
    // c's entry has a comment, no score and no colour: Navigator leaves it uncoloured, so it does not count.
    expect(entry(combine('max', ...ABC), 'T1566.001', 'initial-access').color).to.equal('#ff0000');
    // Only one layer has T1003: its colour stays (as the inferred-from-software colour of one campaign does).
    const [a] = inputs('a.json');
    const own = a!.layer.techniques!.find((t) => t.techniqueID === 'T1003')?.color;
    expect(entry(combine('max', ...AB), 'T1003').color).to.equal(own);
    expect(combineLayers(inputs(...ABC), { op: 'max', index }).warnings.join('\n')).to.not.match(/colour/);
  });

  it('widens a platform filter the layers share when it would hide an annotated technique of the result', () => {
    const layer = (name: string, techniques: object[]) => ({
      name,
      versions: { attack: '18', layer: '4.5' },
      domain: 'enterprise-attack',
      filters: { platforms: ['Windows'] },
      techniques,
    });
    const sources = [
      ...parseLayerSources(JSON.stringify(layer('X', [{ techniqueID: 'T1595', score: 1 }, { techniqueID: 'T1059', score: 1 }])), 'x.json'),
      ...parseLayerSources(JSON.stringify(layer('Y', [{ techniqueID: 'T1059', score: 2 }])), 'y.json'),
    ];
    const { layer: combined, warnings } = combineLayers(upgradeSources(sources, index).inputs, { op: 'max', index });
    expect(combined.filters?.platforms).to.deep.equal(['Windows', 'PRE']);
    expect(warnings).to.include("T1595 (Active Scanning) runs on PRE, which the layers' platform filter does not list: added to the filter so that Navigator shows it");
  });

  it("keeps the fields Navigator does not know (CTID's score_num) of every entry in the combined layer's metadata, and says so once per layer", () => {
    const layer = (name: string, techniques: object[]) => ({ name, versions: { attack: '18', layer: '4.5' }, domain: 'enterprise-attack', techniques });
    const sources = [
      // The first two entries merge (upgrade keeps the first score_num on the entry and the other in the metadata).
      ...parseLayerSources(
        JSON.stringify(
          layer('X', [
            { techniqueID: 'T1059.001', tactic: 'execution', score: 1, score_num: 10, category: 'Detect' },
            { techniqueID: 'T1059.001', tactic: 'execution', score: 2, score_num: 50 },
            { techniqueID: 'T1003', score: 3, score_num: 100 },
          ]),
        ),
        'x.json',
      ),
      ...parseLayerSources(JSON.stringify(layer('Y', [{ techniqueID: 'T1059.001', score: 2 }])), 'y.json'),
    ];
    const upgraded = upgradeSources(sources, index);
    const { layer: combined } = combineLayers(upgraded.inputs, { op: 'max', index });
    for (const entry of combined.techniques ?? []) expect(Object.keys(entry)).to.not.include.members(['score_num', 'category']);
    const kept = (combined.metadata ?? []).flatMap((item) => ('name' in item && item.name === 'left out by combine' ? [item.value] : []));
    expect(kept).to.deep.equal([
      'x.json: /techniques/1/score_num: merged into /techniques/1 (T1059.001 under execution), whose score_num is 10; left out. It was: 50',
      'x.json: /techniques/2: field score_num, which Navigator does not know and no rule combines; left out. It was: {"score_num":100}',
      'x.json: /techniques/0, /techniques/1: fields category, score_num, which Navigator does not know and no rule combines; left out. They were: {"category":"Detect","score_num":10}',
    ]);
    expect(upgraded.warnings).to.deep.equal([
      'x.json: its entries\' fields category, score_num, which Navigator does not know, are not carried into the combined entries (no rule combines them): ' +
        'the values of 2 entries are each kept, as written, in the combined layer\'s metadata ("left out by combine")',
    ]);
    expect(validateLayer(JSON.parse(serializeLayer(combined)), { attackFor: () => index, file: 'combined.json' }).filter((f) => f.severity === 'error')).to.deep.equal([]);
  });

  describe('colours the layers disagree on', () => {
    /** Two hand-written layers "X" and "Y", each holding T1059.001 as given, read and upgraded as combine reads files. */
    const pair = (x: object, y: object, more: [object, object][] = []): CombineInput[] => {
      const layer = (name: string, techniques: object[]) => ({ name, versions: { attack: '18', layer: '4.5' }, domain: 'enterprise-attack', techniques });
      const sources = [
        ...parseLayerSources(JSON.stringify(layer('X', [{ techniqueID: 'T1059.001', ...x }, ...more.map(([one]) => one)])), 'x.json'),
        ...parseLayerSources(JSON.stringify(layer('Y', [{ techniqueID: 'T1059.001', ...y }, ...more.map(([, two]) => two)])), 'y.json'),
      ];
      return upgradeSources(sources, index).inputs;
    };
    const cases: ReadonlyArray<readonly [what: string, x: object, y: object, color: string | undefined, said: string | undefined]> = [
      // Bear_APT (#ff6666, no scores) and Wizard_Spider's T1059 (`color: ""`, no score: it only expands sub-techniques).
      ['keeps #ff6666 against "" on an entry with no score', { color: '#ff6666', comment: 'used' }, { color: '', showSubtechniques: true }, '#ff6666', undefined],
      ['keeps the first spelling of one colour written in two cases', { color: '#FF6666', score: 1 }, { color: '#ff6666', score: 2 }, '#FF6666', undefined],
      // Navigator's own sample layers write #ff6666; Navigator 5.1 paints #f66 and #ff6666 alike (tinycolor2).
      ['keeps the first spelling of one colour written short and long', { color: '#f66', score: 1 }, { color: '#FF6666', score: 2 }, '#f66', undefined],
      ['keeps one colour written with an opaque alpha', { color: '#ff6666ff' }, { color: '#f66' }, '#ff6666ff', undefined],
      ['drops one colour given translucent by one layer, its alpha apart', { color: '#ff666680', score: 1 }, { color: '#f66', score: 2 }, undefined, '"X" #ff666680, "Y" #ff6666'],
      // Wizard_Spider's T1059.001: `color: ""` with score 1, which its gradient paints blue ("used by Wizard Spider").
      ['drops #ff6666 against "" on a scored entry (its gradient colours it)', { color: '#ff6666' }, { color: '', score: 1 }, undefined, '"X" #ff6666, "Y" its gradient'],
      ['drops #ff6666 against a scored entry without a colour', { color: '#ff6666', score: 3 }, { score: 1 }, undefined, '"X" #ff6666, "Y" its gradient'],
      ['drops two different colours', { color: '#ff6666' }, { color: '#A1D99B', score: 2 }, undefined, '"X" #ff6666, "Y" #a1d99b'],
    ];
    for (const [what, x, y, color, said] of cases) {
      it(what, () => {
        const { layer, warnings } = combineLayers(pair(x, y), { op: 'max', index });
        expect(entry(layer, 'T1059.001').color).to.equal(color);
        const lost = warnings.filter((warning) => /disagree on the colour/.test(warning));
        expect(lost).to.deep.equal(said ? [`the layers disagree on the colour of 1 entry, so the combined layer leaves it to the gradient: T1059.001: ${said}`] : []);
      });
    }

    it('says in one line how many entries lost their colour, naming the first three by ID', () => {
      const more: [object, object][] = ['T1003', 'T1105', 'T1021.001', 'T1566.001'].map((id) => [
        { techniqueID: id, color: '#ff6666' },
        { techniqueID: id, color: '#66b1ff' },
      ]);
      const { layer, warnings } = combineLayers(pair({ color: '#ff6666' }, { score: 1 }, more), { op: 'max', index });
      // The four colour-only entries are marks of both layers: scored, the gradient colours them.
      expect(layer.techniques!.map((t) => [t.techniqueID, t.color]).sort()).to.deep.equal([
        ['T1003', undefined],
        ['T1021.001', undefined],
        ['T1059.001', undefined],
        ['T1105', undefined],
        ['T1566.001', undefined],
      ]);
      const lost = warnings.filter((warning) => /disagree on the colour/.test(warning));
      expect(lost).to.have.length(1);
      expect(lost[0]).to.equal(
        'the layers disagree on the colour of 5 entries, so the combined layer leaves them to the gradient: ' +
          'T1003: "X" #ff6666, "Y" #66b1ff; T1021.001: "X" #ff6666, "Y" #66b1ff; T1059.001: "X" #ff6666, "Y" its gradient; and 2 more',
      );
    });

    // Actor layers are often colour-only, each in its own shade (SCYTHE's Ryuk #ff4444 and WastedLocker #e60d0d share
    // T1059.001, T1087.002, T1485 and T1486; Navigator's Bear_APT sample marks 59 techniques #ff6666): each colour marks
    // what its actor uses and scores the top of the layer's range, Navigator's 100 without a gradient, in every operation,
    // so that what both use adds up in a sum, is 0 in a diff and is not lost beside a score.
    const marked: Record<CombineOp, [string, number, string | undefined][]> = {
      sum: [['T1047', 100, '#e60d0d'], ['T1059.001', 200, undefined], ['T1486', 100, '#ff4444']],
      max: [['T1047', 100, '#e60d0d'], ['T1059.001', 100, undefined], ['T1486', 100, '#ff4444']],
      min: [['T1047', 100, '#e60d0d'], ['T1059.001', 100, undefined], ['T1486', 100, '#ff4444']],
      mean: [['T1047', 100, '#e60d0d'], ['T1059.001', 100, undefined], ['T1486', 100, '#ff4444']],
      diff: [['T1047', -100, '#e60d0d'], ['T1059.001', 0, undefined], ['T1486', 100, '#ff4444']],
      intersect: [['T1059.001', 100, undefined]],
      union: [['T1047', 100, '#e60d0d'], ['T1059.001', 100, undefined], ['T1486', 100, '#ff4444']],
    };
    for (const op of Object.keys(COMBINE_OPS) as CombineOp[]) {
      it(`scores a technique a one-colour layer marks as the top of its range, and says so (${op})`, () => {
        const { layer, warnings } = combineLayers(pair({ color: '#FF4444' }, { color: '#e60d0d' }, [[{ techniqueID: 'T1486', color: '#ff4444' }, { techniqueID: 'T1047', color: '#e60d0d' }]]), { op, index });
        expect(layer.techniques!.map((t) => [t.techniqueID, t.score, t.color]).sort()).to.deep.equal(marked[op]);
        expect(warnings.filter((warning) => /colour/.test(warning))).to.deep.equal([
          '"X": 2 techniques it colours without a score count as marked, scoring 100, the top of Navigator\'s 0..100 (the layer has no gradient): T1059.001, T1486; give them scores where they mean less',
          '"Y": 2 techniques it colours without a score count as marked, scoring 100, the top of Navigator\'s 0..100 (the layer has no gradient): T1047, T1059.001; give them scores where they mean less',
          'the layers disagree on the colour of 1 entry, so the combined layer leaves it to the gradient: T1059.001: "X" #ff4444, "Y" #e60d0d',
        ]);
        expect(validateLayer(JSON.parse(serializeLayer(layer)), { attackFor: () => index, file: 'combined.json' }).filter((f) => f.severity === 'error')).to.deep.equal([]);
      });
    }

    // The h539 sweep's heatmap layers (Navigator's sample, one entry coloured without a score) read "1 technique it
    // colours … counts as marked …: T1548; give them scores where they mean less".
    it('says one marked technique in the singular, to the end of the line', () => {
      const { warnings } = combineLayers(pair({ color: '#ff4444' }, { score: 50 }), { op: 'max', index });
      expect(warnings).to.include(
        '"X": 1 technique it colours without a score counts as marked, scoring 100, the top of Navigator\'s 0..100 (the layer has no gradient): T1059.001; give it a score where it means less',
      );
    });

    it('says one entry that keeps the first colour in the singular beside others left to the gradient', () => {
      const more: [object, object][] = [[{ techniqueID: 'T1047', color: '#aaaaaa' }, { techniqueID: 'T1047', color: '#cccccc' }], [{ techniqueID: 'T1486', color: '#bbbbbb' }, { techniqueID: 'T1486', color: '#bbbbbb' }]];
      const { warnings } = combineLayers(pair({ color: '#ff6666', score: 1 }, { color: '#66b1ff', score: 2 }, more), { op: 'max', index });
      expect(warnings).to.include(
        'the layers disagree on the colour of 2 entries, so the combined layer leaves them to the gradient, but 1 that no layer scores keeps the colour of the first layer ' +
          'that gives one: T1047: "X" #aaaaaa, "Y" #cccccc (#aaaaaa kept); T1059.001: "X" #ff6666, "Y" #66b1ff',
      );
    });

    it('scores a mark 1 with --normalize, the top of its range rescaled, beside a score rescaled on its own gradient', () => {
      const { layer, warnings } = combineLayers(pair({ color: '#ff4444' }, { score: 50 }, [[{ techniqueID: 'T1486', color: '#ff4444' }, { techniqueID: 'T1486', score: 100 }]]), { op: 'sum', index, normalize: true });
      expect(layer.techniques!.map((t) => [t.techniqueID, t.score]).sort()).to.deep.equal([['T1059.001', 1.5], ['T1486', 2]]);
      expect(warnings).to.include(
        '"X": 2 techniques it colours without a score count as marked, scoring 1 with normalize: true, the top of Navigator\'s 0..100 (the layer has no gradient): T1059.001, T1486; give them scores where they mean less',
      );
    });

    // Navigator's update layers colour additions #a1d99b and changes #fcf26b (its April 2019 mobile layer): categories,
    // which no score orders. They stay unscored, and what both layers have, in different colours, keeps the first one's
    // rather than show nothing.
    for (const op of Object.keys(COMBINE_OPS) as CombineOp[]) {
      it(`leaves entries unscored whose layer colours them in several categories, each kept where no layer scores it (${op})`, () => {
        const { layer, warnings } = combineLayers(pair({ color: '#a1d99b' }, { color: '#fcf26b' }, [[{ techniqueID: 'T1486', color: '#fcf26b' }, { techniqueID: 'T1047', color: '#a1d99b' }]]), { op, index });
        const all = [['T1047', undefined, '#a1d99b'], ['T1059.001', undefined, '#a1d99b'], ['T1486', undefined, '#fcf26b']];
        expect(layer.techniques!.map((t) => [t.techniqueID, t.score, t.color]).sort()).to.deep.equal(op === 'intersect' ? [all[1]] : all);
        expect(warnings.filter((warning) => /colour/.test(warning))).to.deep.equal([
          '"X": its 2 entries with a colour and no score count for no score, as the layer gives 2 colours (#a1d99b, #fcf26b), categories no score orders; each keeps its colour where no layer scores the technique',
          '"Y": its 2 entries with a colour and no score count for no score, as the layer gives 2 colours (#a1d99b, #fcf26b), categories no score orders; each keeps its colour where no layer scores the technique',
          'the layers disagree on the colour of 1 entry that no layer scores, so it keeps the colour of the first layer that gives one: T1059.001: "X" #a1d99b, "Y" #fcf26b (#a1d99b kept)',
        ]);
      });
    }
  });

  describe('legend items', () => {
    /** A layer as a generator writes it, read and upgraded as combine reads files. */
    const read = (file: string, layer: object): CombineInput[] => upgradeSources(parseLayerSources(JSON.stringify(layer), file), index).inputs;
    /** A coverage layer as generators write it: a red-yellow-green gradient, a legend of green detected, red not (and `more`). */
    const detections = (head: object, green: string, notDetected: string, techniques: object[], more: object[] = []): object => ({
      ...head,
      domain: 'enterprise-attack',
      techniques,
      gradient: { colors: ['#ff6666', '#ffe766', green], minValue: 0, maxValue: 100 },
      legendItems: [{ label: 'Detected', color: green }, { label: notDetected, color: '#ff6666' }, ...more],
    });
    // A purple-team generator's coverage layer: colour only, green detected, red not, white not tested (legend only).
    const purple = (name: string, techniques: object[]): object =>
      detections({ version: '4.5', name }, '#66ff33', 'Not Detected', techniques, [{ label: 'Not Tested', color: '#ffffff' }]);
    // A red-team report's layer: what the blue team caught in red, the same red as "Not Detected" above.
    const redTeam = {
      name: 'Red Team Assessment',
      versions: { attack: '11', layer: '4.3' },
      domain: 'enterprise-attack',
      techniques: [{ techniqueID: 'T1490', color: '#ff6666', comment: 'Used in path-1' }],
      legendItems: [
        { label: 'Undetected', color: '#66ff66' },
        { label: 'Detected', color: '#ff6666' },
      ],
    };

    it('keeps those whose colour an entry shows, identical ones once, names each meaning of a colour the legends label differently, and says what is left out and why', () => {
      const inputs = [
        ...read('run-1.json', purple('run 1', [{ techniqueID: 'T1059.001', color: '#66ff33' }, { techniqueID: 'T1021.002', color: '#ff6666' }])),
        ...read('run-2.json', purple('run 2', [{ techniqueID: 'T1003.001', color: '#66FF33' }])),
        ...read('red-team.json', redTeam),
      ];
      const { layer, warnings } = combineLayers(inputs, { op: 'union', index });
      // Nothing is scored: no legend of the gradient, which colours no cell.
      expect(layer.legendItems).to.deep.equal([
        { label: 'Detected', color: '#66ff33' },
        { label: 'Not Detected ("run 1", "run 2"); Detected ("Red Team Assessment")', color: '#ff6666' },
      ]);
      expect(warnings.filter((warning) => /legend/.test(warning))).to.deep.equal([
        'the layers\' legends give #ff6666 2 meanings: Not Detected ("run 1", "run 2"), Detected ("Red Team Assessment"); the combined legend item names each, with its layers',
        'legend items left out of the combined layer: "Not Tested" (#ffffff) of "run 1", "run 2": no entry has that colour; "Undetected" (#66ff66) of "Red Team Assessment": no entry has that colour',
      ]);
      expect(validateLayer(JSON.parse(serializeLayer(layer)), { attackFor: () => index, file: 'combined.json' })).to.deep.equal([]);
    });

    // An Atomic Red Team report's layer (find_string id 67546967272): colour only, green "Detected", red "Executed, no
    // detection": its green is another shade than the purple-team run's "Detected" #66ff33.
    const artReport = {
      name: 'ART report',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1059.001', color: '#2ca02c' },
        { techniqueID: 'T1003.001', color: '#2CA02C' },
        { techniqueID: 'T1490', color: '#d62728' },
      ],
      legendItems: [
        { label: 'Detected', color: '#2ca02c' },
        { label: 'Executed, no detection', color: '#d62728' },
      ],
    };

    it('paints a label the layers give in two shades ("Detected" #66ff33 and #2ca02c) in the first layer\'s, once in the legend, and says so', () => {
      const inputs = [
        ...read('run-1.json', purple('run 1', [{ techniqueID: 'T1059.001', color: '#66ff33' }, { techniqueID: 'T1021.002', color: '#ff6666' }])),
        ...read('art.json', artReport),
      ];
      const { layer, warnings } = combineLayers(inputs, { op: 'union', index });
      expect(layer.legendItems).to.deep.equal([
        { label: 'Detected', color: '#66ff33' },
        { label: 'Not Detected', color: '#ff6666' },
        { label: 'Executed, no detection', color: '#d62728' },
      ]);
      // T1059.001, "Detected" in both, no longer has two colours to disagree on.
      expect((layer.techniques ?? []).map((entry) => [entry.techniqueID, entry.color]).sort()).to.deep.equal([
        ['T1003.001', '#66ff33'],
        ['T1021.002', '#ff6666'],
        ['T1059.001', '#66ff33'],
        ['T1490', '#d62728'],
      ]);
      expect(warnings.filter((warning) => /legend|colour/.test(warning))).to.deep.equal([
        'the layers\' legends give "Detected" 2 shades: #66ff33 ("run 1"), #2ca02c ("ART report"); the combined layer paints its entries and its legend item #66ff33, the first layer\'s',
        // Coverage levels by colour, as their legends say: categories, not marks.
        '"run 1": its 2 entries with a colour and no score count for no score, as the layer gives 3 colours (#66ff33 "Detected", #ff6666 "Not Detected", #ffffff "Not Tested"), categories no score orders; each keeps its colour where no layer scores the technique',
        '"ART report": its 3 entries with a colour and no score count for no score, as the layer gives 2 colours (#66ff33 "Detected", #d62728 "Executed, no detection"), categories no score orders; each keeps its colour where no layer scores the technique',
        'legend item left out of the combined layer: "Not Tested" (#ffffff) of "run 1": no entry has that colour',
      ]);
      expect(validateLayer(JSON.parse(serializeLayer(layer)), { attackFor: () => index, file: 'combined.json' })).to.deep.equal([]);
    });

    // An OSINT platform's layer: detected techniques scored 100, not detected 0, its legend naming its gradient's ends.
    const osint = (name: string, techniques: object[]): object =>
      detections({ name, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' } }, '#8ec843', 'Not detected', techniques);

    it('takes one gradient written short and long in two layers as one: the first layer\'s colours are the combined gradient', () => {
      // The same OSINT layer as a tool that writes short, upper-case colours would (#f66 is #ff6666 to Navigator 5.1).
      const short = { ...osint('target b', [{ techniqueID: 'T1593', score: 100 }]), gradient: { colors: ['#F66', '#ffe766FF', '#8EC843'], minValue: 0, maxValue: 100 } };
      const inputs = [...read('target-a.json', osint('target a', [{ techniqueID: 'T1595.002', score: 100 }])), ...read('target-b.json', short)];
      const max = combineLayers(inputs, { op: 'max', index });
      expect(max.layer.gradient).to.deep.equal({ colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 });
    });

    it("keeps the legend of a gradient the combined layer carries through (max), and says why one it replaces (sum) is left out", () => {
      const inputs = [
        ...read('target-a.json', osint('target a', [{ techniqueID: 'T1595.002', score: 100 }, { techniqueID: 'T1589.002', score: 0 }])),
        ...read('target-b.json', osint('target b', [{ techniqueID: 'T1595.002', score: 0 }, { techniqueID: 'T1593', score: 100 }])),
      ];
      const max = combineLayers(inputs, { op: 'max', index });
      expect(max.layer.gradient).to.deep.equal({ colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 });
      expect(max.layer.legendItems!.slice(3)).to.deep.equal([
        { label: 'Detected', color: '#8ec843' },
        { label: 'Not detected', color: '#ff6666' },
      ]);
      expect(max.warnings.filter((warning) => /legend/.test(warning))).to.deep.equal([]);
      // Summed over 0..200, 100 is no longer "Detected" green: the legend would lie.
      const sum = combineLayers(inputs, { op: 'sum', index });
      expect(sum.layer.legendItems!.slice(3)).to.deep.equal([]);
      expect(sum.warnings.filter((warning) => /legend/.test(warning))).to.deep.equal([
        'legend items left out of the combined layer: "Detected" (#8ec843), "Not detected" (#ff6666) of "target a", "target b": a colour of its gradient (0..100), which the combined layer\'s (#ff6666, #ffe766, #8ec843 over 0..200) replaces',
      ]);
    });
  });

  // DeTT&CT's threat-actor layers (rabobank-cdc/DeTTECT threat-actor-data/ATT&CK-Navigator-layers/: 20210421-McAfee,
  // commit 702cc7348d97ab3484ee190f8e2e7f08e795f5e5, and 20210811-Cisco-Talos, commit 0dfcae42a6fd57584aac9c147f34eb599f51fb6e;
  // GPL-3.0, so the layout in our words with our techniques) carry the same six legend items, four for colours no entry
  // has. Summed, each item was said in a clause of its own: a line of over 1000 characters, cut in the middle on stderr.
  it("says the legend items it leaves out once per reason and layers, not once per item (two DeTT&CT threat layers)", () => {
    const dettect = (name: string, techniques: object[]): object => ({
      name,
      versions: { navigator: '4.5', layer: '4.3' },
      domain: 'enterprise-attack',
      techniques,
      gradient: { colors: ['#ffcece', '#ff0000'], minValue: 0, maxValue: 1 },
      legendItems: [
        { label: 'Tech. not often used', color: '#ffcece' },
        { label: 'Tech. used frequently', color: '#ff0000' },
        { label: 'Groups overlay: tech. in group + overlay', color: '#f9a825' },
        { label: 'Groups overlay: tech. in overlay', color: '#ffee58' },
        { label: 'Src. of tech. is only software', color: '#0d47a1 ' },
        { label: 'Src. of tech. is group(s)/overlay + software', color: '#64b5f6 ' },
      ],
    });
    const read = (file: string, layer: object): CombineInput[] => upgradeSources(parseLayerSources(JSON.stringify(layer), file), index).inputs;
    const inputs = [
      ...read('talos.json', dettect('Talos', [{ techniqueID: 'T1003', score: 1 }, { techniqueID: 'T1486', score: 1 }])),
      ...read('mcafee.json', dettect('McAfee', [{ techniqueID: 'T1003', score: 1 }, { techniqueID: 'T1047', score: 1 }])),
    ];
    expect(combineLayers(inputs, { op: 'sum', index }).warnings.filter((warning) => /legend/.test(warning))).to.deep.equal([
      'legend items left out of the combined layer: "Tech. not often used" (#ffcece), "Tech. used frequently" (#ff0000) of "Talos", "McAfee": ' +
        "a colour of its gradient (0..1), which the combined layer's (#ffcece, #ff0000 over 0..2) replaces; " +
        '"Groups overlay: tech. in group + overlay" (#f9a825), "Groups overlay: tech. in overlay" (#ffee58), "Src. of tech. is only software" (#0d47a1), ' +
        '"Src. of tech. is group(s)/overlay + software" (#64b5f6) of "Talos", "McAfee": no entry has that colour',
    ]);
  });

  it('sets showSubtechniques where any layer does, under that key only', () => {
    const layer = combine('sum', ...AB);
    expect(entry(layer, 'T1053.005', 'execution').showSubtechniques).to.equal(true);
    expect(entry(layer, 'T1053.005', 'persistence')).to.not.have.property('showSubtechniques');
  });

  // mitre-attack/attack-navigator layers/data/samples/Wizard_Spider-G0102-Updated.json (Apache-2.0): each parent of an
  // annotated sub-technique has an entry that holds only showSubtechniques (its colour and comment empty). Navigator
  // exports such an entry, and combine dropped it without a word.
  it('keeps an entry that holds only showSubtechniques, as Navigator does (the Wizard Spider sample layer)', () => {
    const wizardSpider = (name: string): LayerSource => ({
      file: `${name}.json`,
      value: {
        name,
        versions: { attack: '8', navigator: '4.0', layer: '4.0' },
        domain: 'enterprise-attack',
        techniques: [
          { techniqueID: 'T1071', tactic: 'command-and-control', color: '', comment: '', enabled: true, metadata: [], showSubtechniques: true },
          {
            techniqueID: 'T1071.001',
            tactic: 'command-and-control',
            score: 1,
            color: '',
            comment: '[Wizard Spider](https://attack.mitre.org/groups/G0102) has used HTTP for network communications.',
            enabled: true,
            metadata: [],
            showSubtechniques: true,
          },
        ],
        gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 1 },
      },
    });
    const upgraded = upgradeSources([wizardSpider('wizard-a'), wizardSpider('wizard-b')], index).inputs;
    for (const op of ['max', 'sum', 'union'] as const) {
      const layer = combineLayers(upgraded, { op, index }).layer;
      expect(entry(layer, 'T1071', 'command-and-control'), op).to.deep.equal({ techniqueID: 'T1071', tactic: 'command-and-control', showSubtechniques: true });
      expect(entry(layer, 'T1071.001', 'command-and-control').score, op).to.be.a('number');
    }
  });

  it('disables a key only when every layer that has it disables it', () => {
    expect(entry(combine('sum', ...ABC), 'T1021.001')).to.not.have.property('enabled');
    const c = inputs('c.json')[0]!;
    const twice = combineLayers([{ ...c, source: 'one.json' }, { ...c, source: 'two.json' }], { op: 'sum', index }).layer;
    expect(entry(twice, 'T1021.001').enabled).to.equal(false);
    // Two layers of one name are told apart by their source.
    expect(twice.name).to.equal('sum of Layer C (one.json), Layer C (two.json)');
  });

  it('counts a disabled entry\'s score, as Navigator\'s layerOperation does, and keeps the entry disabled where only disabled entries score it', () => {
    // Navigator 5.1 (nav-app/src/app/services/viewmodels.service.ts, layerOperation) reads each layer's score whatever
    // `enabled` says, and copies `enabled` from the one layer its user picks: here, the layers that score the key.
    const layer = (name: string, techniques: LayerTechnique[]): CombineInput => ({
      layer: { name, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques },
      source: `${name}.json`,
    });
    const a = layer('A', [{ techniqueID: 'T1016', score: 2, enabled: false }, { techniqueID: 'T1082', score: 1, enabled: false }]);
    const b = layer('B', [{ techniqueID: 'T1016', comment: 'seen' }, { techniqueID: 'T1082', score: 3 }, { techniqueID: 'T1049', comment: 'seen', enabled: false }]);
    for (const op of ['sum', 'max', 'union'] as const) {
      const combined = combineLayers([a, b], { op, index }).layer;
      // A disables the only score of T1016: it stays disabled, B's comment kept.
      expect(entry(combined, 'T1016'), op).to.deep.equal({ techniqueID: 'T1016', score: 2, comment: 'B: seen', enabled: false });
      // B scores T1082 and enables it: enabled, A's disabled score counted too.
      expect(entry(combined, 'T1082'), op).to.not.have.property('enabled');
      // No layer scores T1049: its one entry, disabled, decides.
      expect(entry(combined, 'T1049').enabled, op).to.equal(false);
    }
    expect(entry(combineLayers([a, b], { op: 'sum', index }).layer, 'T1082').score).to.equal(4);
  });

  it('keeps hideDisabled when the layers agree, and else as the layers with disabled entries set it, saying which was kept', () => {
    // The tester's repro-6a/6b.json: a layer builder's group layer (hideDisabled, the other techniques disabled) and a changelog layer.
    const layer = (name: string, techniques: LayerTechnique[], hideDisabled?: boolean): CombineInput => ({
      layer: { name, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques, ...(hideDisabled === undefined ? {} : { hideDisabled }) },
      source: `${name}.json`,
    });
    const group = layer('G0097', [{ techniqueID: 'T1059', color: '#6495ed' }, { techniqueID: 'T1003', enabled: false }], true);
    const changes = layer('updates', [{ techniqueID: 'T1105', color: '#b99095' }]);
    const union = combineLayers([group, changes], { op: 'union', index });
    expect(union.layer.hideDisabled).to.equal(true);
    expect(entry(union.layer, 'T1003').enabled).to.equal(false);
    expect(union.warnings).to.include('the layers disagree on hideDisabled (true in "G0097"; not in "updates"): kept true, as every layer with disabled entries hides them');
    // A layer that disables entries without hiding them wins: they show greyed out.
    const greyed = layer('greyed', [{ techniqueID: 'T1105', enabled: false }], false);
    const mixed = combineLayers([group, greyed], { op: 'union', index });
    expect(mixed.layer).to.not.have.property('hideDisabled');
    expect(mixed.warnings).to.include(
      'the layers disagree on hideDisabled (true in "G0097"; not in "greyed"): left false, so disabled entries show greyed out (not every layer with disabled entries hides them)',
    );
    // Agreeing layers keep theirs without a word.
    const both = combineLayers([group, { ...group, source: 'again.json' }], { op: 'union', index });
    expect([both.layer.hideDisabled, both.warnings.filter((w) => w.includes('hideDisabled'))]).to.deep.equal([true, []]);
  });

  it('lets an entry with a tactic win over the same layer\'s entry without one where both apply', () => {
    const layer = (techniques: LayerTechnique[], name: string): CombineInput => ({
      layer: { name, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques },
    });
    const first = layer(
      [
        { techniqueID: 'T1053.005', tactic: 'persistence', score: 7, comment: 'schtasks' },
        { techniqueID: 'T1053.005', score: 1, comment: 'schtasks' },
      ],
      'one',
    );
    const second = layer([{ techniqueID: 'T1053.005', tactic: 'execution', score: 10 }], 'two');
    const combined = combineLayers([first, second], { op: 'sum', index }).layer;
    expect(scores(combined)).to.deep.equal({
      'T1053.005/execution': 11,
      'T1053.005/persistence': 7,
      'T1053.005/privilege-escalation': 1,
    });
    // The same comment on both entries of the layer is one line.
    expect(entry(combined, 'T1053.005', 'persistence').comment).to.equal('one: schtasks');
  });

  it('describes the result: name, versions, description, metadata, links, platform filters', () => {
    const layer = combine('sum', ...AB);
    expect(layer.name).to.equal('sum of Layer A, Layer B');
    expect(layer.versions).to.deep.equal({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(layer.domain).to.equal('enterprise-attack');
    expect(layer.description).to.contain('"Layer A" from test/fixtures/layers/combine/a.json').and.contain('"Layer B" from').and.contain('Scores: sum = a + b + …, over 2 layers in ATT&CK enterprise-attack 18.1');
    expect(layer.metadata?.slice(0, 6)).to.deep.equal([
      { name: 'operation', value: `sum: ${COMBINE_OPS.sum}` },
      { name: 'ATT&CK', value: index.label },
      { name: 'layer', value: 'Layer A' },
      { name: 'file', value: `${dir}/a.json` },
      { name: 'team', value: 'blue' },
      { name: 'layer', value: 'Layer B' },
    ]);
    expect(layer.links).to.deep.equal([{ label: 'wiki', url: 'https://example.org/wiki' }]);
    expect(layer.filters).to.deep.equal({ platforms: ['Linux', 'Windows'] });
    expect(combine('sum', ...ABC)).to.not.have.property('filters');
    expect(combineLayers(inputs(...AB), { op: 'sum', index, name: 'Coverage review' }).layer.name).to.equal('Coverage review');
  });

  const gradients: Array<[CombineOp, string[], [number, number]]> = [
    // No gradient in the inputs: Navigator's 0..100 each; sum spans it twice.
    ['sum', AB, [0, 200]],
    ['intersect', ABC, [0, 100]],
    ['diff', AB, [-5, 5]],
    ['diff', ABC, [-6, 6]],
  ];
  for (const [op, names, [min, max]] of gradients) {
    it(`spans the gradient of ${op} of ${names.join(', ')} over ${min}..${max}, with a legend`, () => {
      const layer = combine(op, ...names);
      expect([layer.gradient?.minValue, layer.gradient?.maxValue]).to.deep.equal([min, max]);
      const legend = layer.legendItems!.slice(0, 3).map((item) => item.color);
      expect([legend[0], legend[2]]).to.deep.equal([layer.gradient!.colors[0], layer.gradient!.colors.at(-1)]);
      expect(layer.legendItems?.[0]?.label).to.contain(String(min));
    });
  }

  it("spans sum's gradient over the inputs' range times their number, even when every score is 0", () => {
    const zero = (name: string): CombineInput => ({
      layer: { name, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1003', score: 0 }] },
    });
    const layer = combineLayers([zero('one'), zero('two')], { op: 'sum', index }).layer;
    expect([scores(layer), layer.gradient?.minValue, layer.gradient?.maxValue]).to.deep.equal([{ T1003: 0 }, 0, 200]);
  });

  it('widens the gradient when every score is equal, and leaves out techniques the release does not know, keeping their entries', () => {
    const result = combineLayers(inputs('pair.json'), { op: 'intersect', index });
    expect(scores(result.layer)).to.deep.equal({ T1003: 2 });
    expect([result.layer.gradient?.minValue, result.layer.gradient?.maxValue]).to.deep.equal([0, 100]);
    expect(scores(combineLayers(inputs('pair.json'), { op: 'union', index }).layer)).to.deep.equal({ T1003: 5 });
    // upgradeSources left T9999 out, kept it, and said so; nothing is left for combineLayers to drop.
    expect(result.warnings).to.deep.equal([]);
    const where = `${dir}/pair.json (layer 1)`;
    expect(upgradeSources(sources('pair.json'), index).warnings).to.deep.equal([
      `${where}: /techniques/1: ${TEAM_T9999}; removed (Navigator would not show it); ` +
        'the entry is kept as it was in the combined layer\'s metadata ("left out by combine")',
    ]);
    expect(result.layer.metadata).to.deep.include({
      name: 'left out by combine',
      value: `${where}: /techniques/1: ${TEAM_T9999}; removed (Navigator would not show it). The entry was: {"techniqueID":"T9999","score":1}`,
    });
  });

  it('leaves out, with a warning, what inputs not brought through upgradeSources hold of techniques the release does not know', () => {
    const layer = (techniqueID: string): CombineInput => ({
      layer: { name: techniqueID, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques: [{ techniqueID, score: 1 }] },
    });
    const result = combineLayers([layer('T1003'), layer('T9999')], { op: 'max', index });
    expect(scores(result.layer)).to.deep.equal({ T1003: 1 });
    expect(result.warnings).to.deep.equal([`${TEAM_T9999}: left out of the combined layer (Navigator would not show it)`]);
  });

  describe("the campaign layers (layers/ and the golden one): colours and scales keep their meaning", () => {
    const campaignLayers = (): CombineInput[] =>
      ['layers/apt32-covid19-wuhan.layer.json', 'layers/temp-periscope-cambodia-2018.layer.json', 'test/golden/golden-campaign.layer.json'].map((file) => ({
        layer: JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as NavigatorLayer,
        source: file,
      }));

    it('sum keeps their white-to-red gradient over 0..300, the inferred colour and its legend item', () => {
      const { layer, warnings } = combineLayers(campaignLayers(), { op: 'sum', index });
      expect(layer.gradient).to.deep.equal({ colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 300 });
      expect(warnings.filter((w) => /ranges/.test(w))).to.deep.equal([]);
      const inferred = layer.techniques!.filter((t) => t.color === INFERRED_COLOR);
      expect(inferred.length).to.be.greaterThan(0);
      expect(layer.legendItems).to.deep.include({ label: INFERRED_LABEL, color: INFERRED_COLOR });
      // The most reported technique is the reddest.
      const top = Math.max(...layer.techniques!.map((t) => t.score ?? 0));
      expect(gradientColor(layer.gradient!, top)).to.not.equal('#ffffff');
    });

    it('does not paint T1218.010 "inferred": inferred in temp-periscope, observed (scored, no colour) in apt32', () => {
      const inputs = campaignLayers().slice(0, 2);
      const { layer, warnings } = combineLayers(inputs, { op: 'sum', index });
      const [apt32, periscope] = inputs.map(({ layer }) => layer.techniques!.find((t) => t.techniqueID === 'T1218.010'));
      expect([apt32?.color, typeof apt32?.score, periscope?.color]).to.deep.equal([undefined, 'number', INFERRED_COLOR]);
      expect(entry(layer, 'T1218.010', 'defense-evasion')).to.not.have.property('color');
      const [first, second] = inputs.map(({ layer }) => layer.name);
      expect(warnings.join('\n')).to.contain(`T1218.010 (defense-evasion): "${first}" its gradient, "${second}" ${INFERRED_COLOR}`);
    });

    it('diff uses the diverging orange-white-blue gradient around 0', () => {
      const { layer } = combineLayers(campaignLayers().slice(0, 2), { op: 'diff', index });
      expect(layer.gradient?.colors).to.deep.equal(['#ff9f43', '#ffffff', '#4ea3e6']);
      expect(layer.gradient!.minValue).to.equal(-layer.gradient!.maxValue);
    });

    it('rescales each layer to 0..1 first when the score ranges differ, saying so; normalize: false keeps the raw scores, warning', () => {
      const [apt32] = campaignLayers();
      const frequency: CombineInput = { layer: { ...apt32!.layer, name: 'on 0..1', gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 }, techniques: apt32!.layer.techniques!.map((t) => (t.score === undefined ? t : { ...t, score: 1 })) } };
      const raw = combineLayers([apt32!, frequency], { op: 'max', index, normalize: false });
      expect(raw.warnings.join('\n')).to.match(/score on different ranges \(.*0\.\.100, "on 0\.\.1" 0\.\.1\), so their scores do not mean the same.*leave out normalize: false/);
      expect(raw.layer.gradient).to.include({ minValue: 0, maxValue: 100 });
      const byDefault = combineLayers([apt32!, frequency], { op: 'max', index });
      expect(byDefault.warnings.join('\n')).to.match(/score on different ranges \(.*0\.\.100, "on 0\.\.1" 0\.\.1\): each layer's scores were rescaled to 0\.\.1 .*pass normalize: false/);
      expect(byDefault.layer.gradient).to.include({ minValue: 0, maxValue: 1 });
      expect(byDefault.layer.description).to.contain('rescaled to 0..1 on its own gradient (the layers score on different ranges:');
      const normalized = combineLayers([apt32!, frequency], { op: 'max', index, normalize: true });
      expect(normalized.warnings.join('\n')).to.not.match(/ranges/);
      expect(normalized.layer.gradient).to.include({ minValue: 0, maxValue: 1 });
      expect(new Set(normalized.layer.techniques!.flatMap((t) => (t.score === undefined ? [] : [t.score])))).to.deep.equal(new Set([1]));
    });

    // CTID's insider-threat green_seen layer marks observed techniques with 1 on the one-colour gradient 1..1, which
    // Navigator paints as a threshold (gap and export read it so); --normalize read it on 0..100: 1 became 0.01.
    it('reads a gradient whose ends are equal as the threshold Navigator paints, with --normalize and in the range warning', () => {
      const base = { versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack' } as const;
      const seen: CombineInput = {
        layer: { ...base, name: 'seen', gradient: { colors: ['#31a354', '#31a354'], minValue: 1, maxValue: 1 }, techniques: [{ techniqueID: 'T1005', score: 1 }, { techniqueID: 'T1027', score: 0 }] },
      };
      const counts: CombineInput = {
        layer: { ...base, name: 'counts', gradient: { colors: ['#74c476', '#006d2c'], minValue: 1, maxValue: 3 }, techniques: [{ techniqueID: 'T1005', score: 1 }, { techniqueID: 'T1027', score: 2 }] },
      };
      expect(scores(combineLayers([seen, counts], { op: 'max', index, normalize: true }).layer)).to.deep.equal({ T1005: 1, T1027: 0.5 });
      expect(combineLayers([seen, counts], { op: 'max', index }).warnings.join('\n')).to.contain('("seen" 1..1, "counts" 1..3)');
      // Layers on one threshold, every score at it: the result paints them the last colour, as Navigator paints them.
      const white: CombineInput = { layer: { ...seen.layer, gradient: { colors: ['#ffffff', '#31a354'], minValue: 1, maxValue: 1 }, techniques: [{ techniqueID: 'T1005', score: 1 }] } };
      const { layer } = combineLayers([white, { layer: { ...white.layer, name: 'seen again' } }], { op: 'max', index });
      expect(gradientColor(layer.gradient!, entry(layer, 'T1005').score!)).to.equal('#31a354');
    });

    it('does not warn of score ranges for a layer that scores nothing (a colour-only update layer, gradient 0..100 by default)', () => {
      const [apt32] = campaignLayers();
      const frequency: CombineInput = { layer: { ...apt32!.layer, name: 'on 0..1', gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 }, techniques: apt32!.layer.techniques!.map((t) => (t.score === undefined ? t : { ...t, score: 1 })) } };
      const colours: CombineInput = { layer: { ...apt32!.layer, name: 'colours', gradient: undefined, techniques: apt32!.layer.techniques!.map(({ score: _score, ...t }) => ({ ...t, color: '#a1d99b' })) } };
      expect(combineLayers([colours, frequency], { op: 'max', index }).warnings.join('\n')).to.not.match(/ranges/);
      expect(combineLayers([colours, apt32!, frequency], { op: 'max', index }).warnings.join('\n')).to.match(/score on different ranges \(".*" 0\.\.100, "on 0\.\.1" 0\.\.1\)/);
    });
  });

  it('merges T1086 of an old 3.0 layer with T1059.001 of a 4.5 layer', () => {
    const { inputs: upgraded, upgrades } = upgradeSources(sources('old-powershell-3.0.json', 'new-powershell.json'), index);
    expect(upgrades.map((u) => u.source)).to.deep.equal([`${dir}/old-powershell-3.0.json`]);
    expect(upgrades[0]?.fromFormat).to.equal('3.0');
    expect(upgrades[0]?.changes.join('\n')).to.contain('T1086').and.contain('T1059.001');
    // Raw scores (the layers score on 0..5 and Navigator's 0..100, which would rescale them by default).
    const layer = combineLayers(upgraded, { op: 'sum', index, normalize: false }).layer;
    // The old entry is under execution, so the new one (no tactic) counts under PowerShell's only tactic.
    expect(scores(layer)).to.deep.equal({ 'T1059.001/execution': 5 });
    const merged = entry(layer, 'T1059.001', 'execution');
    expect(merged.comment).to.equal('Old PowerShell layer (format 3.0): powershell -enc\nNew PowerShell layer: Invoke-Expression');
    expect(merged.metadata).to.deep.equal([
      { name: 'layer', value: 'Old PowerShell layer (format 3.0)' },
      { name: 'upgraded from', value: 'T1086' },
    ]);
  });

  it('serializes to the same bytes every time', () => {
    const once = serializeLayer(combineLayers(upgradeSources(sources(...ABC), index).inputs, { op: 'mean', index }).layer);
    const twice = serializeLayer(combineLayers(upgradeSources(sources(...ABC), index).inputs, { op: 'mean', index }).layer);
    expect(once).to.equal(twice);
  });

  it('needs at least two layers', () => {
    expect(() => combineLayers(inputs('a.json'), { op: 'sum', index })).to.throw(UsageError, 'at least two layers');
  });
});

describe('sourcesDomain', () => {
  it('returns the common domain, reading old domain names', () => {
    expect(sourcesDomain(sources('a.json', 'old-powershell-3.0.json')).domain).to.equal('enterprise-attack');
  });

  it('refuses layers of different domains, naming the files', () => {
    expect(() => sourcesDomain(sources('a.json', 'mobile.json', 'b.json')))
      .to.throw(InputError)
      .with.property('message')
      .that.contains(`enterprise-attack (${dir}/a.json, ${dir}/b.json); mobile-attack (${dir}/mobile.json)`);
  });

  // --domain was ignored for layers: combine and compare read a layer in its own domain, or enterprise when it states none.
  it("given a domain (--domain), reads a layer that states none in it, even of ICS IDs alone, and refuses one that states another, naming both", () => {
    const unstated = parseLayerSources(JSON.stringify({ name: 'ICS', techniques: [{ techniqueID: 'T0846', score: 1 }] }), 'ics.json');
    expect(sourcesDomain(unstated).domain).to.equal('ics-attack');
    expect(sourcesDomain(unstated, 'enterprise-attack').domain).to.equal('enterprise-attack');
    expect(sourcesDomain(sources('mobile.json'), 'mobile-attack').domain).to.equal('mobile-attack');
    expect(() => sourcesDomain(sources('a.json', 'mobile.json'), 'mobile-attack'))
      .to.throw(UsageError)
      .with.property('message')
      .that.contains(`domain: 'mobile-attack' disagrees with the domain the layer states: enterprise-attack (${dir}/a.json);`);
  });

  it('repairs each layer once: upgradeSources starts from the repair of the check, and combines to the same bytes', () => {
    // Layers published by others, each with faults to repair (test/fixtures/layers/public, README there).
    const published = ['navigator-spec-2.0-example.json', 'navigator-april-2018-updates-2.0.json', 'atc-testcustomer2-2.1.json', 'navigator-black-pins-3.0.json'];
    const read = (): LayerSource[] => published.flatMap((name) => readLayerSources(`test/fixtures/layers/public/${name}`, `${repoRoot}/test/fixtures/layers/public/${name}`));
    const index = loadRelease('18.1');
    const raw = read();
    // repairLayer starts with structuredClone(value): one clone of a source's value is one repair of it.
    const clone = globalThis.structuredClone;
    const repairs = new Map<unknown, number>(raw.map((source) => [source.value, 0]));
    globalThis.structuredClone = ((value: unknown, options?: Parameters<typeof structuredClone>[1]) => {
      if (repairs.has(value)) repairs.set(value, repairs.get(value)! + 1);
      return clone(value, options);
    }) as typeof structuredClone;
    let combined: string;
    try {
      const { sources: checked } = sourcesDomain(raw);
      combined = serializeLayer(combineLayers(upgradeSources(checked, index).inputs, { op: 'max', index }).layer);
    } finally {
      globalThis.structuredClone = clone;
    }
    expect([...repairs.values()]).to.deep.equal(published.map(() => 1));
    // Upgraded from the layers as read, repaired again by upgradeLayer: the same layer.
    expect(combined).to.equal(serializeLayer(combineLayers(upgradeSources(read(), index).inputs, { op: 'max', index }).layer));
  });

  it('lists schema problems with their paths', () => {
    // A platform filter of 7 (bad-platforms.json) is left out since (h591); a layout that is no object has no repair.
    expect(() => sourcesDomain(sources('bad-layout.json')))
      .to.throw(SchemaValidationError)
      .with.property('issues')
      .that.deep.includes({ path: '/layout', message: 'must be object' });
  });

  it('puts the position of a layer in an array file into the path', () => {
    const text = JSON.stringify([{ name: 'ok', domain: 'enterprise-attack' }, { name: 'bad', domain: 'enterprise-attack', layout: 7 }]);
    expect(() => sourcesDomain(parseLayerSources(text, 'two.json')))
      .to.throw(SchemaValidationError)
      .with.property('message')
      .that.contains('two.json: not a valid ATT&CK Navigator layer: /1/layout');
  });
});

describe('parseLayerSources', () => {
  it('gives each layer of an array its own source', () => {
    expect(parseLayerSources(readFileSync(`${dir}/pair.json`, 'utf8'), 'pair.json').map((s) => s.position)).to.deep.equal([0, 1]);
  });

  it('names the line and column of invalid JSON', () => {
    expect(() => parseLayerSources(readFileSync(`${dir}/invalid-json.txt`, 'utf8'), 'invalid-json.txt'))
      .to.throw(InputError, /^invalid-json\.txt: line 5, column \d+: invalid JSON/)
      .with.property('line', 5);
  });

  const wrong: Array<[string, string, string]> = [
    ['an empty array', '[]', 'empty array of layers'],
    ['a string', '"layer"', 'must be a layer object'],
    ['an array holding only a number', '[1]', 'the one element of its array is no layer (the first layer of the file (/0): 1 is not a layer)'],
  ];
  for (const [label, text, message] of wrong) {
    it(`refuses ${label}`, () => {
      expect(() => parseLayerSources(text, 'x.json')).to.throw(InputError, message);
    });
  }
});

describe('combineLayers: a revoked technique of an input not brought to the release', () => {
  // T1086 (enterprise 18.1 records T1086 -> T1059.001); T1454 (mobile-attack 18.1 has lost its revoked-by, which
  // mobile-attack 9.0 records: T1454 -> T1477, deprecated in 18.1). Each is said as `upgrade` would read it.
  const cases = [
    { domain: 'enterprise-attack', id: 'T1086', said: 'T1086 is revoked in enterprise-attack 18.1, replaced by T1059.001: bring the layer to enterprise-attack 18.1 first (`upgradeLayer`)' },
    {
      domain: 'mobile-attack',
      id: 'T1454',
      said: 'T1454 is revoked in mobile-attack 18.1, replaced by T1477, a revocation mobile-attack 18.1 no longer records (ATT&CK mobile-attack 9.0 records T1454 -> T1477), itself deprecated',
    },
  ] as const;
  for (const { domain, id, said } of cases) {
    it(`says the replacement of ${id} that it leaves out`, () => {
      const index = loadRelease('18.1', domain);
      const layer = (name: string): NavigatorLayer =>
        ({ name, domain, versions: { layer: '4.5', attack: '18', navigator: '5.1.0' }, techniques: [{ techniqueID: id, score: 1 }] }) as unknown as NavigatorLayer;
      const { warnings } = combineLayers([{ layer: layer('a') }, { layer: layer('b') }], { op: 'max', index });
      expect(warnings, warnings.join('\n')).to.include(`${said}: left out of the combined layer (Navigator would not show it)`);
    });
  }
});
