import { expect } from 'chai';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { isNavigatorLayer, serializeLayer, serializeLayers } from '../../lib/layer/serialize-layer.js';
import { readLayerFixture } from './attack-data.js';

/** The same object with its keys in reverse order at every depth (arrays keep their order). */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversedKeys(v)]));
}

describe('serializeLayer', () => {
  const spec = readLayerFixture('navigator/spec-4.5-example.json') as NavigatorLayer;

  it('writes a small layer byte for byte: fixed key order, 2 spaces, final newline', () => {
    const layer = {
      techniques: [{ comment: 'c', score: 2, techniqueID: 'T1059.001', tactic: 'execution' }],
      domain: 'enterprise-attack',
      versions: { layer: '4.5', navigator: '5.1.0', attack: '18' },
      name: 'tiny',
    } as NavigatorLayer;
    expect(serializeLayer(layer)).to.equal(
      [
        '{',
        '  "name": "tiny",',
        '  "versions": {',
        '    "attack": "18",',
        '    "navigator": "5.1.0",',
        '    "layer": "4.5"',
        '  },',
        '  "domain": "enterprise-attack",',
        '  "techniques": [',
        '    {',
        '      "techniqueID": "T1059.001",',
        '      "tactic": "execution",',
        '      "score": 2,',
        '      "comment": "c"',
        '    }',
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  });

  it("puts the layer's fields in the format definition's order", () => {
    expect(Object.keys(JSON.parse(serializeLayer(reversedKeys(spec) as NavigatorLayer)))).to.deep.equal([
      'name',
      'versions',
      'domain',
      'description',
      'filters',
      'sorting',
      'layout',
      'hideDisabled',
      'techniques',
      'gradient',
      'legendItems',
      'showTacticRowBackground',
      'tacticRowBackground',
      'selectTechniquesAcrossTactics',
      'selectSubtechniquesWithParent',
      'selectVisibleTechniques',
      'metadata',
    ]);
  });

  it('orders nested objects as Navigator writes them', () => {
    const out = JSON.parse(serializeLayer(reversedKeys(spec) as NavigatorLayer)) as Record<string, Record<string, unknown>>;
    expect(Object.keys(out['layout']!)).to.deep.equal([
      'layout',
      'aggregateFunction',
      'showID',
      'showName',
      'showAggregateScores',
      'countUnscored',
      'expandedSubtechniques',
    ]);
    expect(Object.keys(out['gradient']!)).to.deep.equal(['colors', 'minValue', 'maxValue']);
    const techniques = out['techniques'] as unknown as Array<Record<string, unknown>>;
    expect(Object.keys(techniques.find((t) => t['techniqueID'] === 'T1110')!)).to.deep.equal([
      'techniqueID',
      'score',
      'color',
      'comment',
      'showSubtechniques',
    ]);
    expect(Object.keys((out['legendItems'] as unknown as Array<Record<string, unknown>>)[0]!)).to.deep.equal(['label', 'color']);
  });

  it('gives the same bytes whatever the key order of its input', () => {
    expect(serializeLayer(reversedKeys(spec) as NavigatorLayer)).to.equal(serializeLayer(spec));
  });

  it('changes no value: the output parses back to the same layer, techniques aside', () => {
    const out = JSON.parse(serializeLayer(spec)) as NavigatorLayer;
    expect({ ...out, techniques: undefined }).to.deep.equal({ ...spec, techniques: undefined });
    expect(out.techniques).to.have.deep.members(spec.techniques!);
  });

  it('is stable: serializing its own output gives the same bytes', () => {
    const once = serializeLayer(spec);
    expect(serializeLayer(JSON.parse(once) as NavigatorLayer)).to.equal(once);
  });

  it('sorts techniques by techniqueID, then tactic (no tactic first), keeping repeated pairs in file order', () => {
    const layer = {
      name: 'x',
      domain: 'enterprise-attack',
      techniques: [
        { techniqueID: 'T1566.001', tactic: 'initial-access', comment: 'first' },
        { techniqueID: 'T1078', tactic: 'persistence' },
        { techniqueID: 'T1566', tactic: 'initial-access' },
        { techniqueID: 'T1078', tactic: 'defense-evasion' },
        { techniqueID: 'T1078' },
        { techniqueID: 'T1566.001', tactic: 'initial-access', comment: 'second' },
      ],
    } as NavigatorLayer;
    const out = JSON.parse(serializeLayer(layer)) as NavigatorLayer;
    expect(out.techniques!.map((t) => `${t.techniqueID}/${t.tactic ?? ''}/${t.comment ?? ''}`)).to.deep.equal([
      'T1078//',
      'T1078/defense-evasion/',
      'T1078/persistence/',
      'T1566/initial-access/',
      'T1566.001/initial-access/first',
      'T1566.001/initial-access/second',
    ]);
  });

  it('puts unknown fields after the known ones, sorted, at every level', () => {
    const layer = {
      zeta: { b: 1, a: { d: 2, c: 3 } },
      name: 'x',
      alpha: [{ y: 1, x: 2 }],
      domain: 'enterprise-attack',
      techniques: [{ x_source: 'r', techniqueID: 'T1059', a_note: 'n' }],
      layout: { x_custom: true, layout: 'flat' },
    } as unknown as NavigatorLayer;
    const text = serializeLayer(layer);
    const out = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(out)).to.deep.equal(['name', 'domain', 'layout', 'techniques', 'alpha', 'zeta']);
    expect(Object.keys(out['layout'] as object)).to.deep.equal(['layout', 'x_custom']);
    expect(Object.keys((out['techniques'] as object[])[0]!)).to.deep.equal(['techniqueID', 'a_note', 'x_source']);
    expect(text).to.contain('"zeta": {\n    "a": {\n      "c": 3,\n      "d": 2\n    },\n    "b": 1\n  }');
    expect(Object.keys((out['alpha'] as object[])[0]!)).to.deep.equal(['x', 'y']);
  });

  it('leaves out fields set to undefined', () => {
    const layer = { name: 'x', domain: 'enterprise-attack', description: undefined } as NavigatorLayer;
    expect(serializeLayer(layer)).to.equal('{\n  "name": "x",\n  "domain": "enterprise-attack"\n}\n');
  });

  it('writes several layers as one array, each ordered the same way', () => {
    const layers = readLayerFixture('navigator/spec-4.5-multi-example.json') as NavigatorLayer[];
    const text = serializeLayers(layers);
    expect(text.endsWith(']\n')).to.equal(true);
    const out = JSON.parse(text) as NavigatorLayer[];
    expect(out.map((l) => JSON.stringify(l))).to.deep.equal(layers.map((l) => JSON.stringify(JSON.parse(serializeLayer(l)))));
  });
});

describe('isNavigatorLayer', () => {
  const table: Array<[string, unknown, boolean]> = [
    ["the format definition's example", readLayerFixture('navigator/spec-4.5-example.json'), true],
    ['a minimal layer', { name: 'x', domain: 'ics-attack' }, true],
    ["Navigator's 3.0 Bear_APT sample", readLayerFixture('navigator/Bear_APT.json'), false],
    ['the 4.2 fixture', readLayerFixture('old-format-4.2.json'), false],
    ['an array of layers', readLayerFixture('navigator/spec-4.5-multi-example.json'), false],
    ['null', null, false],
  ];
  for (const [label, value, expected] of table) {
    it(`says ${expected} for ${label}`, () => {
      expect(isNavigatorLayer(value)).to.equal(expected);
    });
  }
});
