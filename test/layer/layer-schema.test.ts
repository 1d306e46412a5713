import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { schemaIssues, schemaUrl } from '../../lib/schemas.js';
import { readLayerFixture } from './attack-data.js';

type Layer = Record<string, unknown>;

function validLayer(): Layer {
  return {
    name: 'schema test',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    techniques: [{ techniqueID: 'T1059.001', tactic: 'execution', score: 1 }],
  };
}

function withTechnique(fields: Record<string, unknown>): Layer {
  return { ...validLayer(), techniques: [{ techniqueID: 'T1059.001', ...fields }] };
}

/** Every subschema that describes a value carries a title and a description. */
function undocumented(node: unknown, path: string, out: string[]): string[] {
  if (typeof node !== 'object' || node === null) return out;
  const schema = node as Record<string, unknown>;
  for (const key of ['properties', '$defs'] as const) {
    const children = schema[key];
    if (typeof children !== 'object' || children === null) continue;
    for (const [name, child] of Object.entries(children)) {
      const c = child as Record<string, unknown>;
      if (typeof c['title'] !== 'string' || typeof c['description'] !== 'string') out.push(`${path}/${key}/${name}`);
      undocumented(child, `${path}/${key}/${name}`, out);
    }
  }
  for (const key of ['items', 'then', 'else', 'if'] as const) if (schema[key]) undocumented(schema[key], `${path}/${key}`, out);
  return out;
}

describe('schemas/layer-4.5.schema.json', () => {
  const schema = JSON.parse(readFileSync(schemaUrl('layer-4.5'), 'utf8')) as Record<string, unknown>;

  it('is a draft 2020-12 schema with an $id, and compiles under ajv strict mode', () => {
    expect(schema['$schema']).to.equal('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).to.match(/^https:\/\/.+\/layer-4\.5\.schema\.json$/);
    expect(schemaIssues('layer-4.5', validLayer())).to.deep.equal([]);
  });

  it('gives every property a title and a description', () => {
    expect(undocumented(schema, '', [])).to.deep.equal([]);
  });

  it("accepts the format definition's own example", () => {
    expect(schemaIssues('layer-4.5', readLayerFixture('navigator/spec-4.5-example.json'))).to.deep.equal([]);
  });

  it("accepts each layer of the definition's multi-layer example (a Navigator export with #rrggbbaa colours)", () => {
    const layers = readLayerFixture('navigator/spec-4.5-multi-example.json') as unknown[];
    expect(layers).to.have.length(2);
    for (const layer of layers) expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
  });

  it('rejects a 3.0 layer (no versions.layer, old domain name)', () => {
    const paths = schemaIssues('layer-4.5', readLayerFixture('navigator/Bear_APT.json')).map((issue) => issue.path);
    expect(paths).to.include('/domain');
  });

  const valid: Array<[string, Layer]> = [
    ['a layer with only name and domain', { name: 'x', domain: 'mobile-attack' }],
    ['unknown top-level fields (Navigator ignores them)', { ...validLayer(), x_generator: 'attack-layers' }],
    ['unknown technique fields', withTechnique({ x_source: 'report' })],
    ['a null score (unscored)', withTechnique({ score: null })],
    ['an empty technique colour', withTechnique({ color: '' })],
    ['#rgb, #rrggbb and #rrggbbaa colours', { ...validLayer(), gradient: { colors: ['#abc', '#aabbcc', '#aabbccdd'], minValue: 0, maxValue: 1 } }],
    ['metadata with a divider', withTechnique({ metadata: [{ name: 'a', value: 'b' }, { divider: true }] })],
    ['links with a divider', { ...validLayer(), links: [{ label: 'x', url: 'https://example.org' }, { divider: true }] }],
    ['every layout option', { ...validLayer(), layout: { layout: 'mini', aggregateFunction: 'max', showID: true, showName: false, showAggregateScores: true, countUnscored: true, expandedSubtechniques: 'all' } }],
    ['versions without attack', { ...validLayer(), versions: { navigator: '5.1.0', layer: '4.5' } }],
    ['an ICS technique ID', { name: 'x', domain: 'ics-attack', techniques: [{ techniqueID: 'T0800' }] }],
  ];
  for (const [label, layer] of valid) {
    it(`accepts ${label}`, () => {
      expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
    });
  }

  const invalid: Array<[string, Layer, string, RegExp]> = [
    ['a missing name', { domain: 'enterprise-attack' }, '/', /missing required field "name"/],
    ['a missing domain', { name: 'x' }, '/', /missing required field "domain"/],
    ['an old domain name', { name: 'x', domain: 'mitre-enterprise' }, '/domain', /must be one of "enterprise-attack"/],
    ['versions.layer 4.4', { ...validLayer(), versions: { navigator: '5.1.0', layer: '4.4' } }, '/versions/layer', /must be one of "4.5"/],
    ['versions.layer as a number', { ...validLayer(), versions: { navigator: '5.1.0', layer: 4.5 } }, '/versions/layer', /must be one of "4.5"/],
    ['versions without navigator', { ...validLayer(), versions: { attack: '18', layer: '4.5' } }, '/versions', /missing required field "navigator"/],
    ['a numeric versions.attack', { ...validLayer(), versions: { attack: 18, navigator: '5.1.0', layer: '4.5' } }, '/versions/attack', /must be string/],
    ['sorting 4', { ...validLayer(), sorting: 4 }, '/sorting', /must be one of 0, 1, 2, 3/],
    ['layout "grid"', { ...validLayer(), layout: { layout: 'grid' } }, '/layout/layout', /must be one of "side", "flat", "mini"/],
    ['aggregateFunction "median"', { ...validLayer(), layout: { aggregateFunction: 'median' } }, '/layout/aggregateFunction', /"average", "min", "max", "sum"/],
    ['expandedSubtechniques true', { ...validLayer(), layout: { expandedSubtechniques: true } }, '/layout/expandedSubtechniques', /"none", "annotated", "all"/],
    ['hideDisabled "yes"', { ...validLayer(), hideDisabled: 'yes' }, '/hideDisabled', /must be boolean/],
    ['a technique without techniqueID', { ...validLayer(), techniques: [{ score: 1 }] }, '/techniques/0', /missing required field "techniqueID"/],
    ['a technique ID without T', withTechnique({ techniqueID: '1059.001' }), '/techniques/0/techniqueID', /pattern/],
    ['a sub-technique ID with two digits', withTechnique({ techniqueID: 'T1059.01' }), '/techniques/0/techniqueID', /pattern/],
    ['a tactic display name', withTechnique({ tactic: 'Defense Evasion' }), '/techniques/0/tactic', /pattern/],
    ['a string score', withTechnique({ score: 'high' }), '/techniques/0/score', /must be a number or null/],
    ['a named colour', withTechnique({ color: 'red' }), '/techniques/0/color', /pattern/],
    ['enabled "false"', withTechnique({ enabled: 'false' }), '/techniques/0/enabled', /must be boolean/],
    ['metadata without value', withTechnique({ metadata: [{ name: 'a' }] }), '/techniques/0/metadata/0', /missing required field "value"/],
    ['a metadata value that is a number', withTechnique({ metadata: [{ name: 'a', value: 1 }] }), '/techniques/0/metadata/0/value', /must be string/],
    ['divider: false', withTechnique({ metadata: [{ divider: false }] }), '/techniques/0/metadata/0/divider', /must be one of true/],
    ['a link without protocol', withTechnique({ links: [{ label: 'x', url: 'example.org' }] }), '/techniques/0/links/0/url', /pattern/],
    ['a gradient with one colour', { ...validLayer(), gradient: { colors: ['#ffffff'], minValue: 0, maxValue: 1 } }, '/gradient/colors', /must NOT have fewer than 2 items/],
    ['a gradient without maxValue', { ...validLayer(), gradient: { colors: ['#fff', '#000'], minValue: 0 } }, '/gradient', /missing required field "maxValue"/],
    ['a legend item without colour', { ...validLayer(), legendItems: [{ label: 'x' }] }, '/legendItems/0', /missing required field "color"/],
    ['a tacticRowBackground name', { ...validLayer(), tacticRowBackground: 'grey' }, '/tacticRowBackground', /pattern/],
    ['a customDataURL that is not a URI', { ...validLayer(), customDataURL: 'not a uri' }, '/customDataURL', /must match format "uri"/],
  ];
  for (const [label, layer, path, message] of invalid) {
    it(`rejects ${label} at ${path}`, () => {
      const issues = schemaIssues('layer-4.5', layer);
      expect(issues.map((issue) => issue.path)).to.include(path);
      expect(issues.filter((issue) => issue.path === path).map((issue) => issue.message).join('; ')).to.match(message);
    });
  }
});
