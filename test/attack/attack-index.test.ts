import { expect } from 'chai';
import { loadAttackFile, type AttackIndex } from '../../lib/index.js';
import { loadRelease, readRawBundle, stixFile, testCacheDir, type RawStixObject } from '../helpers/attack.js';

type Refs = { source_name?: string; external_id?: string }[];

function mitreId(object: RawStixObject | undefined): string | undefined {
  return ((object?.['external_references'] ?? []) as Refs).find((ref) => ref.source_name === 'mitre-attack')?.external_id;
}

describe('AttackIndex on enterprise 18.1', () => {
  let index: AttackIndex;
  /** Facts read straight from the bundle, without lib/. */
  let raw: {
    matrixTactics: string[];
    byId: Map<string, RawStixObject>;
    /** ATT&CK IDs of the techniques a group or software `uses` (relationship neither revoked nor deprecated). */
    uses: (stixId: string) => string[];
    actors: RawStixObject[];
  };

  before(() => {
    index = loadRelease('18.1');
    const bundle = readRawBundle(stixFile('enterprise-attack-18.1.json.gz'));
    const byStix = new Map(bundle.objects.map((object) => [object.id, object]));
    const matrix = bundle.objects.find((object) => object.type === 'x-mitre-matrix' && !object['x_mitre_deprecated']);
    const byId = new Map<string, RawStixObject>();
    // Old mitigations (course-of-action) reuse technique IDs, so only techniques, groups and software are keyed.
    for (const object of bundle.objects.filter((o) => ['attack-pattern', 'intrusion-set', 'malware', 'tool'].includes(o.type))) {
      const id = mitreId(object);
      if (id && (!byId.has(id) || object['revoked'] !== true)) byId.set(id, object);
    }
    const relationships = bundle.objects.filter(
      (object) => object.type === 'relationship' && object['relationship_type'] === 'uses' && !object['revoked'] && !object['x_mitre_deprecated'],
    );
    raw = {
      matrixTactics: ((matrix?.['tactic_refs'] ?? []) as string[]).map((ref) => byStix.get(ref)?.['x_mitre_shortname'] as string),
      byId,
      uses: (stixId) =>
        [
          ...new Set(
            relationships
              .filter((r) => r['source_ref'] === stixId && String(r['target_ref']).startsWith('attack-pattern--'))
              .map((r) => mitreId(byStix.get(r['target_ref'] as string)))
              .filter((id): id is string => id !== undefined),
          ),
        ].sort(),
      actors: bundle.objects.filter((object) => ['intrusion-set', 'malware', 'tool'].includes(object.type) && mitreId(object)),
    };
  });

  const revoked: ReadonlyArray<readonly [string, string]> = [
    ['T1193', 'T1566.001'],
    ['T1192', 'T1566.002'],
    ['T1117', 'T1218.010'],
    ['T1032', 'T1573'],
    ['T1094', 'T1095'],
  ];
  for (const [id, replacement] of revoked) {
    it(`follows revoked ${id} to ${replacement}`, () => {
      const chain = index.revocationChain(id);
      expect(index.technique(id)?.revoked).to.equal(true);
      expect(chain.final?.id).to.equal(replacement);
      expect(chain.final?.revoked).to.equal(false);
      expect(chain.final?.deprecated).to.equal(false);
    });
  }

  it('reports deprecated T1064 Scripting as pointing to T1059', () => {
    const scripting = index.technique('T1064');
    expect([scripting?.name, scripting?.deprecated, scripting?.revoked]).to.deep.equal(['Scripting', true, false]);
    expect(scripting?.deprecationPointers?.[0]).to.equal('T1059');
    expect(index.technique('T1059')?.name).to.equal('Command and Scripting Interpreter');
  });

  it("keeps the words in capitals of a technique's description, not of its citations (T1048's alternate protocols)", () => {
    expect(index.technique('T1048')?.acronyms).to.include.members(['DNS', 'FTP', 'HTTP', 'SMB', 'SMTP']);
    expect(index.technique('T1041')?.acronyms).to.equal(undefined);
  });

  it("lists tactics in the matrix's order", () => {
    expect(index.tactics().map((tactic) => tactic.shortname)).to.deep.equal(raw.matrixTactics);
    expect(raw.matrixTactics[0]).to.equal('reconnaissance');
  });

  it('puts T1218.010 under defense-evasion only (Execution no longer applies)', () => {
    expect(index.technique('T1218.010')?.tactics).to.deep.equal(['defense-evasion']);
    expect(index.revocationChain('T1117').final?.tactics).to.deep.equal(['defense-evasion']);
  });

  it('gives T1078 several tactics in matrix order', () => {
    const tactics = index.technique('T1078')?.tactics ?? [];
    expect(tactics).to.have.length.greaterThan(2);
    expect(tactics).to.deep.equal(raw.matrixTactics.filter((shortname) => tactics.includes(shortname)));
    expect(tactics).to.deep.equal(['initial-access', 'persistence', 'privilege-escalation', 'defense-evasion']);
  });

  it("sorts every current technique's tactics in matrix order, the same set as its kill_chain_phases", () => {
    for (const technique of index.currentTechniques()) {
      const phases = ((raw.byId.get(technique.id)?.['kill_chain_phases'] ?? []) as { phase_name: string }[]).map((p) => p.phase_name);
      expect(technique.tactics, technique.id).to.deep.equal(raw.matrixTactics.filter((shortname) => phases.includes(shortname)));
    }
  });

  it('finds "Spearphishing Link" as T1566.002 and T1598.003, plus the revoked T1192', () => {
    const found = index.techniquesByName('Spearphishing Link');
    expect(found.map((t) => t.id)).to.deep.equal(['T1192', 'T1566.002', 'T1598.003']);
    expect(found.filter((t) => !t.revoked).map((t) => t.tactics)).to.deep.equal([['initial-access'], ['reconnaissance']]);
  });

  const groups: ReadonlyArray<readonly [alias: string, id: string, name: string]> = [
    ['TEMP.Periscope', 'G0065', 'Leviathan'],
    ['OceanLotus', 'G0050', 'APT32'],
  ];
  for (const [alias, id, name] of groups) {
    it(`finds group ${alias} as ${id} ${name}, with the techniques it uses`, () => {
      const found = index.actors(alias);
      expect(found.map((actor) => [actor.id, actor.name, actor.type])).to.deep.equal([[id, name, 'intrusion-set']]);
      expect(index.actors(id)).to.deep.equal(found);
      const group = found[0]!;
      expect(group.aliases).to.include(alias);
      expect(group.techniques).to.have.length.greaterThan(10);
      expect(group.techniques).to.deep.equal(raw.uses(group.stixId));
    });
  }

  it('finds software S0227 by its ID and by each of its names, with the techniques it uses', () => {
    const object = raw.byId.get('S0227');
    const names = [object?.['name'] as string, ...((object?.['x_mitre_aliases'] ?? []) as string[])];
    const software = index.actors('S0227');
    expect(software.map((actor) => [actor.id, actor.name])).to.deep.equal([['S0227', names[0]]]);
    for (const name of names) expect(index.actors(name.toUpperCase()), name).to.deep.equal(software);
    expect(software[0]?.aliases).to.deep.equal([...new Set(names)].filter((name) => name !== names[0]));
    expect(software[0]?.techniques).to.deep.equal(raw.uses(software[0]!.stixId)).and.to.have.length.greaterThan(0);
  });

  it('finds every group and software by each alias the bundle gives it', () => {
    let checked = 0;
    for (const object of raw.actors) {
      const aliases = [...((object['aliases'] ?? []) as string[]), ...((object['x_mitre_aliases'] ?? []) as string[])];
      for (const alias of aliases) {
        expect(index.actors(alias).map((actor) => actor.stixId), `${mitreId(object)} ${alias}`).to.include(object.id);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(500);
  });
});

describe('STIX 2.0 and STIX 2.1 copies of a release (ics 18.1)', () => {
  it('index to the same tactics, techniques, groups, software and campaigns', () => {
    const v20 = loadAttackFile(stixFile('ics-attack-18.1.json.gz'), { cacheDir: testCacheDir() });
    const v21 = loadAttackFile(stixFile('stix21/ics-attack-18.1.json.gz'), { cacheDir: testCacheDir() });
    expect([v20.data.stixVersion, v21.data.stixVersion]).to.deep.equal(['2.0', '2.1']);
    expect(v21.label).to.equal(v20.label);
    expect(v20.currentTechniques()).to.have.length.greaterThan(50);
    for (const key of ['tactics', 'techniques', 'groups', 'software', 'campaigns'] as const) {
      expect(v21.data[key], key).to.deep.equal(v20.data[key]);
    }
  });
});
