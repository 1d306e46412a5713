import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import type { AttackLibrary } from '../../lib/attack/load.js';
import { InputError, SchemaValidationError } from '../../lib/errors.js';
import type { LayerTechnique } from '../../lib/layer/layer-types.js';
import { isNavigatorLayer } from '../../lib/layer/serialize-layer.js';
import { layerFormat, migrateLayerFormat, upgradeLayer } from '../../lib/layer/upgrade-layer.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary, readLayerFixture } from './attack-data.js';

type Layer = Record<string, unknown>;

function layer(techniques: unknown[], extra: Layer = {}): Layer {
  return {
    name: 'upgrade test',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    layout: { expandedSubtechniques: 'annotated' },
    techniques,
    ...extra,
  };
}

function entries(value: { techniques?: LayerTechnique[] }): Array<[string, string | undefined]> {
  return (value.techniques ?? []).map((t) => [t.techniqueID, t.tactic]);
}

describe('layerFormat', () => {
  const table: Array<[string, unknown, ReturnType<typeof layerFormat>]> = [
    ['a 4.5 layer', { versions: { layer: '4.5' } }, { version: '4.5', source: 'versions.layer', comparedTo45: 0, major: 4 }],
    ['a 4.2 layer', { versions: { layer: '4.2' } }, { version: '4.2', source: 'versions.layer', comparedTo45: -1, major: 4 }],
    ['a 4.10 layer (numeric, not string, order)', { versions: { layer: '4.10' } }, { version: '4.10', source: 'versions.layer', comparedTo45: 1, major: 4 }],
    ['a 3.0 layer', { version: '3.0' }, { version: '3.0', source: 'version', comparedTo45: -1, major: 3 }],
    ['a 4.0 layer with the `version` field', { version: '4.0' }, { version: '4.0', source: 'version', comparedTo45: -1, major: 4 }],
    ['a layer that states no format', { name: 'x' }, { source: 'none' }],
  ];
  for (const [label, value, expected] of table) {
    it(`reads ${label}`, () => {
      expect(layerFormat(value)).to.deep.equal(expected);
    });
  }
});

describe('migrateLayerFormat', () => {
  it('converts the 3.0 fields without touching technique positions, and leaves its input alone', () => {
    const input = readLayerFixture('old-format-3.0.json') as Layer;
    const before = JSON.stringify(input);
    const { layer: out, changes } = migrateLayerFormat(input);
    expect(JSON.stringify(input)).to.equal(before);
    expect(out).to.not.have.any.keys('version', 'viewMode');
    expect(out['versions']).to.deep.equal({ layer: '4.5', navigator: '5.1.0' });
    expect(out['domain']).to.equal('enterprise-attack');
    expect(out['layout']).to.deep.equal({ layout: 'side', showID: true, showName: false });
    expect(out['filters']).to.deep.equal({ platforms: ['Windows'] });
    expect((out['techniques'] as Layer[]).map((t) => t['techniqueID'])).to.deep.equal(['T1193', 'T1117', 'T1117', 'T1064', 'T1086']);
    expect((out['techniques'] as Layer[])[4]).to.not.have.key('score');
    expect(changes).to.deep.equal([
      '/version: layer format 3.0 converted to 4.5 (`version` became `versions`)',
      '/versions/navigator: set to 5.1.0',
      '/domain: mitre-enterprise -> enterprise-attack',
      '/viewMode: 1 became layout {"layout":"side","showID":true,"showName":false}',
      '/filters/stages: removed (format 4.0 dropped the PRE-ATT&CK stage filter)',
      '/techniques/4/score: "" removed (unscored)',
    ]);
  });

  const viewModes: Array<[number, Layer]> = [
    [0, { layout: 'side' }],
    [1, { layout: 'side', showID: true, showName: false }],
    [2, { layout: 'mini', showID: false, showName: false }],
  ];
  for (const [viewMode, layout] of viewModes) {
    it(`maps viewMode ${viewMode} to layout ${JSON.stringify(layout)} as Navigator does`, () => {
      expect(migrateLayerFormat({ version: '3.0', viewMode }).layer['layout']).to.deep.equal(layout);
    });
  }

  it('keeps a Navigator version of at least 4.9.0', () => {
    const { changes } = migrateLayerFormat({ versions: { navigator: '4.9.1', layer: '4.5' } });
    expect(changes).to.deep.equal([]);
  });
});

describe('upgradeLayer', () => {
  let library: AttackLibrary;
  let attack: AttackIndex;

  before(() => {
    library = attackLibrary();
    attack = library.release('enterprise-attack');
    expect(attack.release).to.equal('18.1');
  });

  it('upgrades the 3.0 fixture to a valid 4.5 layer for ATT&CK 18, listing each change', () => {
    const { layer: out, changes } = upgradeLayer(readLayerFixture('old-format-3.0.json'), attack);
    expect(isNavigatorLayer(out)).to.equal(true);
    expect(out.versions).to.deep.equal({ layer: '4.5', navigator: '5.1.0', attack: '18' });
    expect(entries(out)).to.deep.equal([
      ['T1566.001', 'initial-access'],
      ['T1218.010', 'defense-evasion'],
      ['T1064', 'execution'],
      ['T1059.001', undefined],
    ]);
    expect(out.layout).to.deep.equal({ layout: 'side', showID: true, showName: false, expandedSubtechniques: 'annotated' });
    expect(changes.slice(6)).to.deep.equal([
      '/versions/attack: set to 18',
      '/techniques/0: T1193 (Spearphishing Attachment) is revoked; replaced by T1566.001 (Spearphishing Attachment)',
      '/techniques/1: T1117 (Regsvr32) is revoked; replaced by T1218.010 (Regsvr32)',
      '/techniques/2: T1117 (Regsvr32) is revoked; replaced by T1218.010 (Regsvr32)',
      '/techniques/3: T1064 (Scripting) is deprecated; kept, but Navigator will not show it; its description points to T1059',
      '/techniques/4: T1086 (PowerShell) is revoked; replaced by T1059.001 (PowerShell)',
      '/techniques/1: dropped the execution entry of T1218.010 (Regsvr32): it is not under execution in enterprise-attack 18.1',
      '/layout/expandedSubtechniques: set to "annotated" so that annotated sub-techniques show (T1059.001, T1218.010, T1566.001)',
    ]);
  });

  it('keeps score, comment, metadata and links of a replaced technique and notes the old ID (T1193)', () => {
    const links = [{ label: 'report', url: 'https://example.org/report' }];
    const { layer: out } = upgradeLayer(
      layer([{ techniqueID: 'T1193', tactic: 'initial-access', score: 4, comment: 'ISO', color: '#ff0000', links, metadata: [{ name: 'source', value: 'A' }] }]),
      attack,
    );
    expect(out.techniques).to.deep.equal([
      {
        techniqueID: 'T1566.001',
        tactic: 'initial-access',
        score: 4,
        comment: 'ISO',
        color: '#ff0000',
        links,
        metadata: [
          { name: 'source', value: 'A' },
          { name: 'upgraded from', value: 'T1193' },
        ],
      },
    ]);
  });

  it('follows a revocation chain to its end (T1073 -> T1574.002 -> T1574.001)', () => {
    const { layer: out, changes } = upgradeLayer(layer([{ techniqueID: 'T1073', score: 1 }]), attack);
    expect(entries(out)).to.deep.equal([['T1574.001', undefined]]);
    expect(changes).to.include('/techniques/0: T1073 (DLL Side-Loading) is revoked; replaced by T1574.001 (DLL) (via T1574.002)');
  });

  it('moves the annotation of a tactic that no longer applies when no other entry carries it (T1117 under execution)', () => {
    const { layer: out, changes } = upgradeLayer(layer([{ techniqueID: 'T1117', tactic: 'execution', score: 2 }]), attack);
    expect(entries(out)).to.deep.equal([['T1218.010', undefined]]);
    expect(changes).to.include(
      '/techniques/0: T1218.010 (Regsvr32) is not under execution in enterprise-attack 18.1; its annotation now applies under defense-evasion',
    );
  });

  it('merges the duplicates a replacement creates (T1193 beside T1566.001)', () => {
    const { layer: out, changes } = upgradeLayer(
      layer([
        { techniqueID: 'T1566.001', tactic: 'initial-access', score: 2, comment: 'ISO attachment', enabled: false },
        { techniqueID: 'T1193', tactic: 'initial-access', score: 3, comment: 'macro document', showSubtechniques: false },
      ]),
      attack,
    );
    expect(out.techniques).to.deep.equal([
      {
        techniqueID: 'T1566.001',
        tactic: 'initial-access',
        score: 3,
        comment: 'ISO attachment\nmacro document',
        metadata: [{ name: 'upgraded from', value: 'T1193' }],
        showSubtechniques: false,
      },
    ]);
    expect(changes).to.include('/techniques/1: merged into /techniques/0 (both T1566.001 under initial-access)');
  });

  it('keeps deprecated and unknown techniques and reports them', () => {
    const { layer: out, changes } = upgradeLayer(layer([{ techniqueID: 'T1064', score: 1 }, { techniqueID: 'T9999', score: 1 }]), attack);
    expect(entries(out)).to.deep.equal([
      ['T1064', undefined],
      ['T9999', undefined],
    ]);
    expect(changes).to.deep.equal([
      '/techniques/0: T1064 (Scripting) is deprecated; kept, but Navigator will not show it; its description points to T1059',
      '/techniques/1: T9999 is not in enterprise-attack 18.1; kept as is, but Navigator will not show it',
    ]);
  });

  it('changes nothing in a current 4.5 layer, and upgrading twice changes nothing more', () => {
    const spec = readLayerFixture('navigator/spec-4.5-example.json');
    const once = upgradeLayer(spec, attack);
    expect(once.changes).to.deep.equal([
      // The example's T1078 entry sits under discovery, which Valid Accounts never belonged to.
      '/techniques/3: T1078 (Valid Accounts) is not under discovery in enterprise-attack 18.1; its annotation now applies under initial-access, persistence, privilege-escalation, defense-evasion',
    ]);
    expect(upgradeLayer(once.layer, attack).changes).to.deep.equal([]);
  });

  it('sets versions.attack to the release major and leaves an explicit expandedSubtechniques "none" alone', () => {
    const { layer: out, changes } = upgradeLayer(
      layer([{ techniqueID: 'T1566.001', score: 1 }], { versions: { attack: '14', navigator: '4.9.1', layer: '4.5' }, layout: { expandedSubtechniques: 'none' } }),
      attack,
    );
    expect(out.versions?.attack).to.equal('18');
    expect(out.layout).to.deep.equal({ expandedSubtechniques: 'none' });
    expect(changes).to.deep.equal(['/versions/attack: 14 -> 18']);
  });

  it('upgrades the 4.2 fixture for ATT&CK 8 to 18', () => {
    const { layer: out, changes } = upgradeLayer(readLayerFixture('old-format-4.2.json'), attack);
    expect(changes).to.deep.equal([
      '/versions/layer: 4.2 -> 4.5',
      '/versions/navigator: 4.3 -> 5.1.0',
      '/versions/attack: 8 -> 18',
      '/techniques/2: T1193 (Spearphishing Attachment) is revoked; replaced by T1566.001 (Spearphishing Attachment)',
      '/techniques/2: merged into /techniques/1 (both T1566.001 under initial-access)',
    ]);
    expect(validateLayer(out, { attackFor: attackFor(library) })).to.deep.equal([]);
  });

  it("leaves only the deprecated techniques to fix in Navigator's Bear_APT sample", () => {
    const { layer: out } = upgradeLayer(readLayerFixture('navigator/Bear_APT.json'), attack);
    const findings = validateLayer(out, { attackFor: attackFor(library) });
    expect(findings.map((f) => [f.code, f.path])).to.deep.equal([
      ['deprecated-technique', '/techniques/46'],
      ['deprecated-technique', '/techniques/52'],
    ]);
    expect(out.techniques).to.have.length(59);
  });

  it('refuses a layer of another domain', () => {
    expect(() => upgradeLayer({ ...layer([]), domain: 'mobile-attack' }, attack, { file: 'm.json' }))
      .to.throw(InputError, /m\.json: \/domain: the layer is for "mobile-attack" but the ATT&CK data given is enterprise-attack 18\.1/);
  });

  it('refuses an array of layers and a value that is no layer', () => {
    expect(() => upgradeLayer([layer([])], attack)).to.throw(InputError, /an array of layers: upgrade each element/);
    expect(() => upgradeLayer(42, attack)).to.throw(InputError, /not a layer object/);
  });

  it('throws SchemaValidationError when the result is still invalid', () => {
    expect(() => upgradeLayer(layer([{ techniqueID: 'T1059', score: 'high' }]), attack, { file: 'bad.json' }))
      .to.throw(SchemaValidationError, /bad\.json: .*\/techniques\/0\/score/);
  });
});
