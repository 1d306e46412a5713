/**
 * A STIX bundle of threat intelligence (a Unit 42 playbook, a MISP or OpenCTI export) is no ATT&CK release: every
 * command said it was one ("an ATT&CK STIX bundle; give it with --attack"), and `data add --attack-release` stored a
 * playbook in the cache as an enterprise release. One rule tells them apart, by the bundle's own objects: a release
 * holds ATT&CK's matrix and tactics (and its collection, in STIX 2.1); intelligence copies attack-patterns with their
 * x_mitre_* fields, never the matrix. The bundles here are written for the test, modelled on Unit 42's playbooks
 * (pan-unit42/playbook_viewer: report, intrusion-set, attack-patterns with x_mitre_version, uses relationships;
 * test/fixtures/stix/threat-intel-playbook.json) and a MISP STIX 2.1 export (grouping, indicator, no attack-pattern).
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexBundle, kindOfValue } from '../../lib/index.js';
import { fixtureFile, freshTmpDir, readRawBundle, runCli, stixDir } from '../helpers/attack.js';

/** A playbook: a report, its intrusion set, attack-patterns with ATT&CK's x_mitre_* fields, a uses relationship. */
const PLAYBOOK = JSON.parse(readFileSync(fixtureFile('threat-intel-playbook.json'), 'utf8')) as { objects: unknown[] };

const MISP_EXPORT = {
  type: 'bundle',
  id: 'bundle--00000000-0000-4000-8000-000000000010',
  objects: [
    { type: 'grouping', spec_version: '2.1', id: 'grouping--00000000-0000-4000-8000-000000000011', name: 'Event', context: 'suspicious-activity', object_refs: [] },
    { type: 'indicator', spec_version: '2.1', id: 'indicator--00000000-0000-4000-8000-000000000012', pattern: "[domain-name:value = 'example.org']", pattern_type: 'stix' },
  ],
};

const SAYS = 'a STIX bundle of threat intelligence (none of its objects is an x-mitre-collection, x-mitre-matrix or x-mitre-tactic, as in an ATT&CK release)';
const DOES = (file: string): string => `make a campaign file of them with \`attack-layers extract ${file}\` and review it`;

function bundleFile(bundle: object, name = 'playbook.json'): string {
  const file = join(freshTmpDir('threat-intel'), name);
  writeFileSync(file, JSON.stringify(bundle, null, 2));
  return file;
}

describe('regressions: a STIX bundle of threat intelligence is no ATT&CK release', () => {
  it('every ATT&CK release of the shared folder (enterprise 3.0 to 18.1, mobile, ICS, STIX 2.0 and 2.1) is an ATT&CK STIX bundle', () => {
    const files = [
      ...readdirSync(stixDir()).filter((name) => name.endsWith('.json.gz')),
      ...readdirSync(join(stixDir(), 'stix21')).filter((name) => name.endsWith('.json.gz')).map((name) => `stix21/${name}`),
    ];
    expect(files).to.have.length.at.least(13);
    for (const name of files) expect(kindOfValue(readRawBundle(join(stixDir(), name))), name).to.equal('stix-bundle');
  });

  it('a playbook whose attack-patterns carry x_mitre_* fields, and a MISP export, are threat intelligence', () => {
    expect(kindOfValue(PLAYBOOK)).to.equal('stix-threat-intel');
    expect(kindOfValue(MISP_EXPORT)).to.equal('stix-threat-intel');
    // A bundle with no objects says nothing of what it is: it stays a bundle, refused by what reads it.
    expect(kindOfValue({ type: 'bundle', id: 'bundle--1', objects: [] })).to.equal('stix-bundle');
  });

  it('is refused as ATT&CK data, even with a release named for it', () => {
    expect(() => indexBundle(PLAYBOOK, { release: '18.1', source: { file: 'playbook.json', sha256: 'x' } })).to.throw(`playbook.json: ${SAYS}, not an ATT&CK release; `);
  });

  describe('each command says what it is and what to do', () => {
    const playbook = (): string => bundleFile(PLAYBOOK);
    const cases: ReadonlyArray<readonly [what: string, argv: (file: string) => string[]]> = [
      ['render', (file) => ['render', file, '--out', freshTmpDir('render')]],
      ['gap --threat', (file) => ['gap', '--threat', file, '--coverage', 'test/fixtures/gap/detections.yml', '--out', freshTmpDir('gap')]],
      ['gap --coverage', (file) => ['gap', '--threat', 'campaigns/apt32-covid19-wuhan.yaml', '--coverage', file, '--out', freshTmpDir('gap')]],
      ['validate', (file) => ['validate', file]],
      ['normalize', (file) => ['normalize', file]],
    ];
    for (const [what, argv] of cases) {
      it(what, async () => {
        const file = playbook();
        const result = await runCli([...argv(file), '--quiet']);
        expect(result.code).to.equal(1);
        // validate reports a file's problems as findings, on stdout.
        const said = result.stderr + result.stdout;
        expect(said).to.include(`${file}: this is ${SAYS}, not `);
        expect(said).to.include(DOES(file));
        expect(said).to.not.include('--attack <file>');
      });
    }

    it('data add, with or without --attack-release, adds nothing', async () => {
      for (const bundle of [PLAYBOOK, MISP_EXPORT]) {
        for (const release of [[], ['--attack-release', '5.0']]) {
          const xdg = freshTmpDir('xdg-threat-intel');
          const file = bundleFile(bundle);
          const result = await runCli(['data', 'add', file, ...release], { XDG_CACHE_HOME: xdg });
          expect(result.code, result.stderr).to.equal(1);
          expect(result.stderr).to.include(`${file}: ${SAYS}, not an ATT&CK release; `).and.include(DOES(file));
          expect(existsSync(join(xdg, 'attack-layers', 'enterprise-attack-5.0.json'))).to.equal(false);
        }
      }
    });

    it('extract makes the campaign file it advises, named for the intrusion set, which render reads', async () => {
      const file = playbook();
      const extracted = await runCli(['extract', file, '--quiet']);
      expect(extracted.code).to.equal(0);
      expect(extracted.stdout).to.include('name: "Example Group"\n').and.include('  - ref: "Active Scanning (T1595)"\n    tactic: [ "Reconnaissance" ]\n');
      const campaign = join(freshTmpDir('threat-intel'), 'playbook.yaml');
      writeFileSync(campaign, extracted.stdout);
      const out = freshTmpDir('render');
      expect((await runCli(['render', campaign, '--out', out, '--quiet'])).code).to.equal(0);
      const [layer] = readdirSync(out);
      expect((JSON.parse(readFileSync(join(out, layer!), 'utf8')) as { techniques: { techniqueID: string }[] }).techniques.map((t) => t.techniqueID)).to.include('T1595');
    });

    it('suggest, which ranks prose, refuses it and names extract', async () => {
      const file = playbook();
      const result = await runCli(['suggest', file]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include(`${file}: this is ${SAYS}, not a report's text; `).and.include(DOES(file));
    });

    it('--attack', async () => {
      const file = playbook();
      const result = await runCli(['render', 'campaigns/apt32-covid19-wuhan.yaml', '--attack', file, '--attack-release', '5.0', '--out', freshTmpDir('render')]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include(`${file}: ${SAYS}, not an ATT&CK release; `);
    });
  });
});
