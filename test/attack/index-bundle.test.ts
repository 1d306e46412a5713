import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { AttackDataError, AttackIndex, indexBundle, type AttackIndexData } from '../../lib/index.js';
import { fixtureFile } from '../helpers/attack.js';

const FIXTURE = fixtureFile('enterprise-attack-0.1.json');
const source = { file: FIXTURE, sha256: 'fixture' };

function fixtureJson(): { type: string; spec_version?: string; objects: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(FIXTURE, 'utf8'));
}

/** The same bundle as STIX 2.1: no bundle spec_version, one on every object, and a collection naming the release. */
function asStix21(bundle: ReturnType<typeof fixtureJson>): unknown {
  const { spec_version: _dropped, ...rest } = bundle;
  return {
    ...rest,
    objects: [
      {
        type: 'x-mitre-collection',
        id: 'x-mitre-collection--00000000-0000-4000-8000-900000000000',
        spec_version: '2.1',
        name: 'Enterprise ATT&CK',
        x_mitre_version: '0.1',
      },
      ...bundle.objects.map((object) => ({ ...object, spec_version: '2.1' })),
    ],
  };
}

describe('indexBundle (hand-written fixture)', () => {
  let data: AttackIndexData;
  let index: AttackIndex;
  before(() => {
    data = indexBundle(fixtureJson(), { domain: 'enterprise-attack', release: '0.1', source });
    index = new AttackIndex(data);
  });

  it('reads domain, release and STIX version', () => {
    expect([data.domain, data.release, data.stixVersion]).to.deep.equal(['enterprise-attack', '0.1', '2.0']);
  });

  it('orders tactics as the matrix lists them, not as the bundle does', () => {
    expect(index.tactics().map((tactic) => tactic.id)).to.deep.equal(['TA0043', 'TA0001', 'TA0002', 'TA0003', 'TA0004', 'TA0005']);
  });

  it("sorts a technique's tactics in matrix order (T1078)", () => {
    expect(index.technique('T1078')?.tactics).to.deep.equal(['initial-access', 'persistence', 'privilege-escalation', 'defense-evasion']);
  });

  it('marks sub-techniques and their parent (T1566.001 -> T1566)', () => {
    const sub = index.technique('T1566.001');
    expect([sub?.subtechnique, sub?.parent]).to.deep.equal([true, 'T1566']);
    expect(index.children('T1566').map((child) => child.id)).to.deep.equal(['T1566.001', 'T1566.002']);
  });

  const chains: ReadonlyArray<readonly [string, string[], string | undefined]> = [
    ['T1193', ['T1193', 'T1566.001'], 'T1566.001'],
    ['T1192', ['T1192', 'T1566.002'], 'T1566.002'],
    ['T1073', ['T1073', 'T1574.002', 'T1574.001'], 'T1574.001'],
    ['T1099', ['T1099'], undefined],
    ['T1566.001', ['T1566.001'], 'T1566.001'],
  ];
  for (const [id, steps, final] of chains) {
    it(`follows ${id}'s revoked-by chain: ${steps.join(' -> ')}${final ? '' : ' (no replacement)'}`, () => {
      const chain = index.revocationChain(id);
      expect(chain.steps.map((step) => step.id)).to.deep.equal(steps);
      expect(chain.final?.id).to.equal(final);
    });
  }

  it('gives no chain for an unknown ID', () => {
    expect(index.revocationChain('T9999')).to.deep.equal({ steps: [] });
  });

  it('takes deprecation pointers from the notice only (T1064 -> T1059, not T1027)', () => {
    const scripting = index.technique('T1064');
    expect([scripting?.deprecated, scripting?.revoked]).to.deep.equal([true, false]);
    expect(scripting?.deprecationPointers).to.deep.equal(['T1059']);
  });

  it('leaves revoked and deprecated techniques out of currentTechniques()', () => {
    const current = index.currentTechniques().map((technique) => technique.id);
    expect(current).to.include.members(['T1566.001', 'T1078']);
    expect(current).to.not.include.members(['T1193', 'T1064', 'T1574.002', 'T1099']);
  });

  it('finds every technique sharing a name, and a "Parent: Sub" name only once', () => {
    expect(index.techniquesByName('spearphishing  LINK').map((t) => t.id)).to.deep.equal(['T1192', 'T1566.002', 'T1598.003']);
    expect(index.techniquesByName('Phishing: Spearphishing Link').map((t) => t.id)).to.deep.equal(['T1566.002']);
    expect(index.techniquesByName('Phishing for Information: Spearphishing Link').map((t) => t.id)).to.deep.equal(['T1598.003']);
  });

  it('finds a group by alias, with its uses (a revoked uses relationship is ignored)', () => {
    const [group, ...others] = index.actors('temp.periscope');
    expect(others).to.have.length(0);
    expect([group?.id, group?.name, group?.aliases]).to.deep.equal(['G0065', 'Leviathan', ['TEMP.Periscope', 'APT40']]);
    expect(group?.techniques).to.deep.equal(['T1078', 'T1566.001']);
  });

  it('finds software by x_mitre_aliases and a campaign with its dates', () => {
    expect(index.actors('Korplug').map((actor) => actor.id)).to.deep.equal(['S0013']);
    const [campaign] = index.actors('C0001');
    expect([campaign?.type, campaign?.firstSeen, campaign?.lastSeen, campaign?.techniques]).to.deep.equal([
      'campaign',
      '2020-01-01T00:00:00.000Z',
      '2020-06-30T00:00:00.000Z',
      ['T1078', 'T1566.002'],
    ]);
  });

  it('indexes the same bundle written as STIX 2.1 the same way, taking the release from the collection', () => {
    const v21 = indexBundle(asStix21(fixtureJson()), { source });
    expect(v21.stixVersion).to.equal('2.1');
    expect(v21.release).to.equal('0.1');
    expect(v21.domain).to.equal('enterprise-attack');
    for (const key of ['tactics', 'techniques', 'groups', 'software', 'campaigns'] as const) {
      expect(v21[key], key).to.deep.equal(data[key]);
    }
  });

  const errors: ReadonlyArray<readonly [string, unknown, RegExp]> = [
    ['a JSON value that is not a bundle', { type: 'x-mitre-collection', objects: [] }, /not a STIX bundle/],
    ['a bundle without an objects array', { type: 'bundle' }, /not a STIX bundle/],
    ['a bundle with no attack-pattern', { type: 'bundle', objects: [{ type: 'x-mitre-matrix', id: 'x-mitre-matrix--1' }] }, /holds no ATT&CK techniques/],
    ["a bundle with none of ATT&CK's matrix, tactics or collection", { type: 'bundle', objects: [{ type: 'identity', id: 'identity--1' }] }, /a STIX bundle of threat intelligence .*, not an ATT&CK release/],
  ];
  for (const [label, value, message] of errors) {
    it(`rejects ${label} with an AttackDataError naming the file`, () => {
      expect(() => indexBundle(value, { release: '1.0', source })).to.throw(AttackDataError, message).with.property('message').that.contains(FIXTURE);
    });
  }

  it('rejects a STIX 2.0 bundle when nothing says its release', () => {
    expect(() => indexBundle(fixtureJson(), { source })).to.throw(AttackDataError, /names no ATT&CK release.*give the release explicitly \(release\)/);
  });
});
