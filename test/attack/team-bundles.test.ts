// ATT&CK data as teams have it besides MITRE's release files, built at test time from the real releases of
// ATTACK_STIX_DIR (nothing of them is committed) in the shapes these sources show:
// - ATT&CK Workbench's own collection export: center-for-threat-informed-defense/attack-workbench-rest-api,
//   app/tests/api/recent-activity/sample-collection.json (commit 3fb3f2bb9ae1f6cd6f8e5e0ad1ce801d1d7d2457): an
//   x-mitre-collection "Sample ATT&CK Data" of x_mitre_version "1.0" with techniques TX0001 and tactics TAX0001 (IDs
//   not of ATT&CK's form), and app/tests/integration-test/mock-data/blue-v1.json (collection "Collection Blue", "1.0.0").
// - Workbench's organization namespace: with a prefix set (MYORG, range_start 4000 in the API's example), Workbench
//   numbers a new technique `<PREFIX>-T<range start or next>` (1000 unless set) and a sub-technique `<parent>.<3 digits>`,
//   under source_name `mitre-attack`, first of the external references: mitre-attack/attack-workbench-rest-api,
//   app/lib/attack-id-generator.js (generateAttackId, commit 3b71eb59a082e860318562b4abaa6d21840428d9) and
//   app/api/definitions/components/system-configuration.yml (organization-namespace, commit
//   29cf91541a3a9c0dd379ffe9a1f27358c2632231); mitre-attack/attack-workbench-frontend, src/app/classes/stix/stix-object.ts
//   (buildAttackExternalReference, commit b287dd9013815e071217a3d81e9c51a41e6fd86b).
// - ATT&CK Navigator matches a layer's techniqueID to a technique's `external_references[0].external_id` by equality,
//   any string: mitre-attack/attack-navigator, nav-app/src/app/classes/view-model.ts (deserialize, commit
//   0070cefa4e11cb3e490df56bb449a9f261f81d09) and nav-app/src/app/classes/stix/stix-object.ts (commit
//   a71b65de0009cf5e1d71625597fd3c6a170992d6).
// - MITRE's TAXII 2.1 server answers a collection's objects in an envelope `{ "more": false, "objects": [...] }`, paged
//   with `next`: mitre-attack/attack-workbench-taxii-server, docs/USAGE.md (commit c3ed0f4990e53b31eceb190e649cfbc23ddece22).
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AttackDataError, AttackIndex, indexBundle, validateLayer, type AttackIndexData } from '../../lib/index.js';
import { freshCacheHome, freshTmpDir, readRawBundle, runCli, stixFile, type RawStixObject } from '../helpers/attack.js';
import { ACME, ownTechnique } from '../helpers/team-bundle.js';

const MITRE = 'identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5';
const OWN: readonly RawStixObject[] = [
  ownTechnique('90000000-0000-4000-8000-000000000001', 'T9001', 'Badge Cloning'),
  ownTechnique('90000000-0000-4000-8000-000000000002', 'T9001.001', 'RFID Replay'),
  ownTechnique('90000000-0000-4000-8000-000000000003', 'ACME-T1000', 'Helpdesk Pretexting'),
  ownTechnique('90000000-0000-4000-8000-000000000004', 'ACME-T1000.001', 'Voice Pretexting'),
  // Workbench's own sample collection numbers its technique TX0001: an ID of no form ATT&CK or a namespace writes.
  ownTechnique('90000000-0000-4000-8000-000000000006', 'TX0001', 'Sample Technique'),
];

const source = (file: string) => ({ file, sha256: 'test' });

describe("ATT&CK data as teams have it (Workbench exports, TAXII envelopes, merged domains)", function () {
  this.timeout(120_000);
  let enterprise: readonly RawStixObject[];
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
    expect(withOwn.techniques.filter((technique) => technique.custom).map((technique) => technique.id)).to.deep.equal(['ACME-T1000', 'ACME-T1000.001', 'T9001', 'T9001.001']);
  });

  it("indexes a Workbench namespace's technique and sub-technique by their IDs (ACME-T1000, ACME-T1000.001 under it)", () => {
    const index = new AttackIndex(withOwn);
    const sub = index.technique('ACME-T1000.001');
    expect([sub?.name, sub?.parent, sub?.subtechnique, sub?.tactics, sub?.custom]).to.deep.equal(['Voice Pretexting', 'ACME-T1000', true, ['initial-access'], true]);
    expect(index.children('ACME-T1000').map((technique) => technique.id)).to.deep.equal(['ACME-T1000.001']);
  });

  it("says the team's techniques are not MITRE's and that Navigator with MITRE's data hides them", () => {
    const note = withOwn.notes?.find((text) => text.includes("not MITRE's"));
    expect(note).to.include('ACME-T1000 "Helpdesk Pretexting", ACME-T1000.001 "Voice Pretexting", T9001 "Badge Cloning", T9001.001 "RFID Replay"').and.include('hides them');
  });

  it("leaves out techniques whose ID is neither ATT&CK's nor a namespace's (TX0001, Workbench's sample), naming each", () => {
    expect(withOwn.techniques.some((technique) => technique.id === 'TX0001')).to.equal(false);
    const note = withOwn.notes?.find((text) => text.startsWith('left out 1 technique'));
    expect(note).to.include('TX0001 "Sample Technique"').and.include('ACME-T1000.001');
  });

  it("validate reads a layer's namespace ID in another case as the ID (acme-t1000), and PRE-T1156 still as PRE-ATT&CK's", () => {
    const index = new AttackIndex(withOwn);
    const layer = {
      name: 'red',
      domain: 'enterprise-attack',
      versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
      techniques: [
        { techniqueID: 'acme-t1000', score: 1 },
        { techniqueID: 'PRE-T1156', score: 1 },
      ],
    };
    const findings = validateLayer(layer, { attackFor: () => index, file: 'red.json' });
    const said = findings.filter((finding) => finding.code !== 'custom-technique').map((finding) => `${finding.code} ${finding.path}: ${finding.message}`);
    expect(said.filter((text) => text.includes('/techniques/0'))).to.have.length(1);
    expect(said.find((text) => text.includes('/techniques/0'))).to.match(/^repaired .*acme-t1000.*ACME-T1000/);
    expect(said.find((text) => text.includes('/techniques/1'))).to.match(/PRE-T1156.*PRE-ATT&CK/);
    expect(findings.map((finding) => finding.code)).not.to.include('unknown-technique');
  });

  it("keeps 18.1's techniques as they are: as many as the release alone, none of them custom", () => {
    const alone = indexBundle({ type: 'bundle', id: 'bundle--x', objects: enterprise }, { release: '18.1', source: source('e.json') });
    expect(alone.notes).to.equal(undefined);
    expect(withOwn.techniques.length).to.equal(alone.techniques.length + 4);
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
      /^taxii\.json: a TAXII envelope of STIX 2\.0 objects names no ATT&CK release; .*give the release explicitly \(release\)/,
    );
  });

  it('refuses one page of a TAXII envelope ("more": true), naming the next page, rather than read part of a release', () => {
    expect(() => indexBundle({ more: true, next: '1000', objects: enterprise.slice(0, 1000) }, { release: '18.1', source: source('page.json') }))
      .to.throw(AttackDataError, /^page\.json: one page of a TAXII 2\.1 envelope \("more": true, "next": "1000"\).*fetch every page.*\(`fetchRelease` gets one\)$/);
    // the CLI's words, as the CLI gives them (FLAG_WORDS: `command`)
    expect(() => indexBundle({ more: true, objects: enterprise.slice(0, 10) }, { release: '18.1', source: source('page.json'), givenAs: { command: 'attack-layers' } }))
      .to.throw(AttackDataError, /\(`attack-layers data fetch` gets one\)$/);
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
        /^acme-ics\.json: the collection "ACME ICS" \(version 1\.0\.0\) is not one of MITRE's releases .* with release \(such as 18\.1\)/,
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
      writeFileSync(join(dir, 'red.yaml'), 'name: ACME red team\ndomain: enterprise\ntechniques:\n  - ref: T9001.001\n  - ref: ACME-T1000\n  - ref: acme-t1000.001 Voice Pretexting\n  - ref: T1566.001\n');
    });

    it("render writes the team's technique into the layer and warns that Navigator shows it only with this bundle loaded", async () => {
      const result = await runCli(['render', join(dir, 'red.yaml'), '--attack', join(dir, 'acme.json'), '--attack-release', '18.1', '--out', join(dir, 'out')], env);
      expect(result.code, result.stderr).to.equal(0);
      const layer = JSON.parse(readFileSync(join(dir, 'out', 'red.layer.json'), 'utf8')) as { techniques: { techniqueID: string }[] };
      expect(layer.techniques.map((entry) => entry.techniqueID)).to.include.members(['ACME-T1000', 'ACME-T1000.001', 'T9001', 'T9001.001', 'T1566.001']);
      expect(result.stderr).to.include(`warning: ${join(dir, 'acme.json')}: 4 techniques are not MITRE's`);
      expect(result.stderr).to.include(`warning: ${join(dir, 'acme.json')}: left out 1 technique whose ATT&CK ID is not of ATT&CK's form`);
      expect(result.stderr).not.to.include('unknown: ');
    });

    it("normalize reads a namespace's ID as written (ACME-T1000), and its sub-technique in any case, with the name beside it checked", async () => {
      const result = await runCli(['normalize', join(dir, 'red.yaml'), '--attack', join(dir, 'acme.json'), '--attack-release', '18.1', '--json'], env);
      expect(result.code, result.stderr).to.equal(0);
      const refs = (JSON.parse(result.stdout) as { references: { raw: string; status: string; ids: string[] }[] }[])[0]!.references;
      expect(refs.filter((ref) => ref.raw.toUpperCase().includes('ACME')).map((ref) => [ref.status, ref.ids])).to.deep.equal([
        ['current', ['ACME-T1000']],
        ['current', ['ACME-T1000.001']],
      ]);
    });

    it("with MITRE's 18.1 alone, normalize says what a namespace's ID is and what to load, rather than 'not the name of a technique'", async () => {
      const result = await runCli(['normalize', join(dir, 'red.yaml'), '--json'], env);
      const refs = (JSON.parse(result.stdout) as { references: { raw: string; status: string; note: string }[] }[])[0]!.references;
      const acme = refs.find((ref) => ref.raw === 'ACME-T1000');
      expect(acme?.status).to.equal('unknown');
      expect(acme?.note).to.match(/^ACME-T1000 is an ID of an ATT&CK Workbench organization namespace \(prefix ACME\).*load the team's ATT&CK data/);
    });

    it('validate finds the layer\'s namespace entries in the team\'s bundle, and says of them with MITRE\'s data what they are', async () => {
      const layer = join(dir, 'out', 'red.layer.json');
      const team = await runCli(['validate', layer, '--attack', join(dir, 'acme.json'), '--attack-release', '18.1', '--json'], env);
      const found = (JSON.parse(team.stdout) as { findings: { code: string }[] }[])[0]!.findings.map((finding) => finding.code);
      expect(found).not.to.include('unknown-technique');
      expect(found).not.to.include('repaired');
      // what render's warning says of the bundle, validate says of the layer's entries: that Navigator needs this bundle
      const custom = (JSON.parse(team.stdout) as { findings: { code: string; message: string }[] }[])[0]!.findings.filter((finding) => finding.code === 'custom-technique');
      expect(custom.map((finding) => finding.message.replace(/^.*?: \/techniques\/\d+: /, ''))).to.deep.equal([
        `of the layer's entries, 4 techniques are not MITRE's (created by another identity than MITRE's): ACME-T1000 "Helpdesk Pretexting", ACME-T1000.001 "Voice Pretexting", ` +
          `T9001 "Badge Cloning", T9001.001 "RFID Replay"; ATT&CK Navigator shows a layer's entries of them only when it loads ${join(dir, 'acme.json')} as its data: with MITRE's data it hides them without a word`,
      ]);
      const mitre = await runCli(['validate', layer, '--json'], env);
      const findings = (JSON.parse(mitre.stdout) as { findings: { code: string; message: string }[] }[])[0]!.findings;
      expect(findings.filter((finding) => finding.message.includes(': ACME-T1000')).map((finding) => finding.code)).to.deep.equal(['unknown-technique', 'unknown-technique']);
      expect(findings.find((finding) => finding.message.includes(': ACME-T1000 '))?.message).to.include("Navigator drops it silently unless it loads the team's ATT&CK data");
    });
  });
});
