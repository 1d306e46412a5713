// ATT&CK data as teams have it besides MITRE's release files, built at test time from the real releases of
// ATTACK_STIX_DIR (nothing of them is committed) in the shapes these sources show:
// - ATT&CK Workbench's own collection export: center-for-threat-informed-defense/attack-workbench-rest-api,
//   app/tests/api/recent-activity/sample-collection.json (commit 3fb3f2bb9ae1f6cd6f8e5e0ad1ce801d1d7d2457): an
//   x-mitre-collection "Sample ATT&CK Data" of x_mitre_version "1.0" with techniques TX0001 and tactics TAX0001 (IDs
//   not of ATT&CK's form), and app/tests/integration-test/mock-data/blue-v1.json (collection "Collection Blue", "1.0.0").
// - Workbench's organization namespace, which writes `<prefix>-T0001` and `<prefix>-T0001.01`:
//   center-for-threat-informed-defense/attack-workbench-frontend, app/src/app/classes/stix/stix-object.ts
//   (getNamespaceID, commit 39b024389d1aa266cef84a1e6c04588ff1247338).
// - MITRE's TAXII 2.1 server answers a collection's objects in an envelope `{ "more": false, "objects": [...] }`, paged
//   with `next`: mitre-attack/attack-workbench-taxii-server, docs/USAGE.md (commit c3ed0f4990e53b31eceb190e649cfbc23ddece22).
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackDataError, AttackIndex, indexBundle, type AttackIndexData } from '../../lib/index.js';
import { freshCacheHome, freshTmpDir, readRawBundle, runCli, stixFile, type RawStixObject } from '../helpers/attack.js';

const MITRE = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
const ACME = 'identity--0a0a0a0a-0000-4000-8000-00000000acme';

/** A technique of a team's own, as Workbench writes one: its creator the team's identity, its ID under `mitre-attack`. */
function ownTechnique(uuid: string, id: string, name: string, domain = 'enterprise-attack'): RawStixObject {
  return {
    type: 'attack-pattern',
    spec_version: '2.1',
    id: `attack-pattern--${uuid}`,
    created_by_ref: ACME,
    created: '2025-03-01T00:00:00.000Z',
    modified: '2025-03-01T00:00:00.000Z',
    name,
    description: `${name} is a technique of our red team's own.`,
    kill_chain_phases: [{ kill_chain_name: domain === 'ics-attack' ? 'mitre-ics-attack' : 'mitre-attack', phase_name: 'initial-access' }],
    external_references: [{ source_name: 'mitre-attack', external_id: id }],
    x_mitre_platforms: ['Windows'],
    x_mitre_is_subtechnique: id.includes('.'),
    x_mitre_domains: [domain],
  };
}

const OWN: readonly RawStixObject[] = [
  ownTechnique('90000000-0000-4000-8000-000000000001', 'T9001', 'Badge Cloning'),
  ownTechnique('90000000-0000-4000-8000-000000000002', 'T9001.001', 'RFID Replay'),
  ownTechnique('90000000-0000-4000-8000-000000000003', 'ACME-T0001', 'Helpdesk Pretexting'),
  ownTechnique('90000000-0000-4000-8000-000000000004', 'ACME-T0001.01', 'Voice Pretexting'),
];

const source = (file: string) => ({ file, sha256: 'test' });

describe("ATT&CK data as teams have it (Workbench exports, TAXII envelopes, merged domains)", function () {
  this.timeout(120_000);
  let enterprise: RawStixObject[];
  let withOwn: AttackIndexData;
  before(() => {
    enterprise = readRawBundle(stixFile('enterprise-attack-18.1.json.gz')).objects;
    withOwn = indexBundle({ type: 'bundle', id: 'bundle--acme', objects: [...enterprise, ...OWN] }, { release: '18.1', source: source('acme.json') });
  });

  it("indexes a team's own technique and sub-technique beside 18.1's (T9001, T9001.001 under Initial Access)", () => {
    const index = new AttackIndex(withOwn);
    const own = index.technique('T9001.001');
    expect([own?.name, own?.parent, own?.tactics, own?.custom]).to.deep.equal(['RFID Replay', 'T9001', ['initial-access'], true]);
    expect(index.technique('T9001')?.custom).to.equal(true);
    expect(withOwn.techniques.filter((technique) => technique.custom).map((technique) => technique.id)).to.deep.equal(['T9001', 'T9001.001']);
  });

  it("says the team's techniques are not MITRE's and that Navigator with MITRE's data hides them", () => {
    const note = withOwn.notes?.find((text) => text.includes("not MITRE's"));
    expect(note).to.include('T9001 "Badge Cloning", T9001.001 "RFID Replay"').and.include('hides them');
  });

  it('leaves out techniques whose ID is not of ATT&CK\'s form (ACME-T0001, Workbench\'s namespace prefix), naming each', () => {
    expect(withOwn.techniques.some((technique) => technique.id.startsWith('ACME'))).to.equal(false);
    const note = withOwn.notes?.find((text) => text.startsWith('left out 2 techniques'));
    expect(note).to.include('ACME-T0001 "Helpdesk Pretexting", ACME-T0001.01 "Voice Pretexting"');
  });

  it("keeps 18.1's techniques as they are: as many as the release alone, none of them custom", () => {
    const alone = indexBundle({ type: 'bundle', id: 'bundle--x', objects: enterprise }, { release: '18.1', source: source('e.json') });
    expect(alone.notes).to.equal(undefined);
    expect(withOwn.techniques.length).to.equal(alone.techniques.length + 2);
    expect(alone.techniques.some((technique) => technique.custom)).to.equal(false);
  });

  it('reads a TAXII 2.1 envelope ("more": false) as a bundle of the same objects, and says so', () => {
    const data = indexBundle({ more: false, objects: [...enterprise, ...OWN] }, { release: '18.1', source: source('taxii.json') });
    expect(data.techniques).to.deep.equal(withOwn.techniques);
    expect(data.notes?.[0]).to.match(/^read as a TAXII 2\.1 envelope of \d+ objects/);
  });

  it('asks for the release of a TAXII envelope that does not name it (no MITRE collection among its objects)', () => {
    expect(() => indexBundle({ more: false, objects: enterprise }, { source: source('taxii.json') })).to.throw(
      AttackDataError,
      /^taxii\.json: a TAXII envelope of STIX 2\.0 objects names no ATT&CK release; .*--attack-release/,
    );
  });

  it('refuses one page of a TAXII envelope ("more": true), naming the next page, rather than read part of a release', () => {
    expect(() => indexBundle({ more: true, next: '1000', objects: enterprise.slice(0, 1000) }, { release: '18.1', source: source('page.json') }))
      .to.throw(AttackDataError, /^page\.json: one page of a TAXII 2\.1 envelope \("more": true, "next": "1000"\).*fetch every page/);
  });

  it('indexes one domain of a bundle of several merged (enterprise and mobile 18.1), saying how many it left out', () => {
    const mobile = readRawBundle(stixFile('mobile-attack-18.1.json.gz')).objects;
    const mobileTechniques = mobile.filter((object) => object.type === 'attack-pattern').length;
    const data = indexBundle({ type: 'bundle', id: 'bundle--merged', objects: [...enterprise, ...mobile] }, { release: '18.1', source: source('merged.json') });
    const alone = indexBundle({ type: 'bundle', id: 'bundle--x', objects: enterprise }, { release: '18.1', source: source('e.json') });
    expect(data.domain).to.equal('enterprise-attack');
    expect(data.techniques).to.deep.equal(alone.techniques);
    expect(data.tactics).to.deep.equal(alone.tactics);
    expect(data.notes).to.deep.equal([
      `left out the techniques of other domains (${mobileTechniques} of mobile-attack, by their x_mitre_domains): this bundle is read as enterprise-attack's; give each domain's objects in a file of its own`,
    ]);
  });

  // mitre/cti's mobile and ICS 18.1 (STIX 2.0: no collection) name their techniques' IDs `mitre-attack`, as enterprise's
  // do: a copy under a name of a team's own (acme-mobile.json) was read as enterprise, every technique without a tactic.
  for (const [file, domain] of [['mobile-attack-18.1.json.gz', 'mobile-attack'], ['ics-attack-18.1.json.gz', 'ics-attack']] as const) {
    it(`tells ${domain} 18.1 under a name that does not say it by its techniques' x_mitre_domains, with their tactics`, () => {
      const data = indexBundle(readRawBundle(stixFile(file)), { release: '18.1', source: source('acme.json') });
      expect(data.domain).to.equal(domain);
      expect(data.techniques.filter((technique) => !technique.revoked && !technique.deprecated && !technique.tactics.length)).to.deep.equal([]);
    });
  }

  describe("a Workbench collection of a team's own (ICS 18.1 renamed \"ACME ICS\", version 1.0.0)", () => {
    let ics: RawStixObject[];
    before(() => {
      ics = readRawBundle(stixFile('stix21/ics-attack-18.1.json.gz')).objects.map((object) =>
        object.type === 'x-mitre-collection' ? { ...object, name: 'ACME ICS', x_mitre_version: '1.0.0', created_by_ref: ACME } : object,
      );
    });

    it('is not read as ATT&CK release 1.0.0: without a release given, it is refused saying to give one', () => {
      expect(() => indexBundle({ type: 'bundle', id: 'bundle--acme', objects: ics }, { source: source('acme-ics.json') })).to.throw(
        AttackDataError,
        /^acme-ics\.json: the collection "ACME ICS" \(version 1\.0\.0\) is not one of MITRE's releases .* --attack-release/,
      );
    });

    it('is read as the release given, in the domain its techniques state (ics-attack), saying so', () => {
      const data = indexBundle({ type: 'bundle', id: 'bundle--acme', objects: [...ics, ownTechnique('90000000-0000-4000-8000-000000000005', 'T0999', 'Badge Cloning', 'ics-attack')] }, {
        release: '18.1',
        source: source('acme-ics.json'),
      });
      expect([data.domain, data.release, data.stixVersion]).to.deep.equal(['ics-attack', '18.1', '2.1']);
      expect(new AttackIndex(data).technique('T0999')?.tactics).to.deep.equal(['initial-access']);
      expect(data.notes?.[0]).to.equal(`the collection "ACME ICS" (version 1.0.0) is not one of MITRE's releases: read as ATT&CK ics-attack 18.1, the release given for it`);
    });

    it("MITRE's own collection still names its release (ICS ATT&CK 18.1), whatever release is given", () => {
      const real = readRawBundle(stixFile('stix21/ics-attack-18.1.json.gz')).objects;
      const data = indexBundle({ type: 'bundle', id: 'bundle--ics', objects: real }, { release: '17.1', source: source('ics.json') });
      expect([data.release, data.notes]).to.deep.equal(['18.1', undefined]);
      expect(real.find((object) => object.type === 'x-mitre-collection')?.['created_by_ref']).to.equal(MITRE);
    });
  });

  describe('the CLI, given a bundle with a custom technique (--attack acme.json --attack-release 18.1)', () => {
    let dir: string;
    let env: Record<string, string>;
    before(() => {
      dir = freshTmpDir('team-bundles');
      env = { XDG_CACHE_HOME: freshCacheHome('team-bundles') };
      writeFileSync(join(dir, 'acme.json'), JSON.stringify({ type: 'bundle', id: 'bundle--acme', objects: [...enterprise, ...OWN] }));
      writeFileSync(join(dir, 'red.yaml'), 'name: ACME red team\ndomain: enterprise\ntechniques:\n  - ref: T9001.001\n  - ref: ACME-T0001\n  - ref: T1566.001\n');
    });

    it("render writes the team's technique into the layer and warns that Navigator shows it only with this bundle loaded", async () => {
      const result = await runCli(['render', join(dir, 'red.yaml'), '--attack', join(dir, 'acme.json'), '--attack-release', '18.1', '--out', join(dir, 'out')], env);
      expect(result.code, result.stderr).to.equal(0);
      const layer = JSON.parse(readFileSync(join(dir, 'out', 'red.layer.json'), 'utf8')) as { techniques: { techniqueID: string }[] };
      expect(layer.techniques.map((entry) => entry.techniqueID)).to.include.members(['T9001', 'T9001.001', 'T1566.001']);
      expect(result.stderr).to.include(`warning: ${join(dir, 'acme.json')}: 2 techniques are not MITRE's`);
      expect(result.stderr).to.include(`warning: ${join(dir, 'acme.json')}: left out 2 techniques whose ATT&CK ID is not of ATT&CK's form`);
      expect(result.stderr).to.include('unknown: ACME-T0001');
    });
  });
});
