/**
 * MISP's attack-sightings export (returnFormat attack-sightings; MISP/MISP app/Lib/Export/AttackSightingsExport.php)
 * writes a JSON list of sightings, each { id, sightingType: "direct-technique-sighting", startTime, endTime,
 * detectionType: "raw", techniques: [{ techniqueID }] }. MISP has no Navigator layer export of its own (MISP/MISP
 * issues 5641 and 8458 ask for one), so this is what an analyst gets from it. Its `techniques` read like a layer's
 * entries, and every command took the list for an array of layers: validate reported a missing domain and format
 * for each sighting, upgrade wrote each as a layer named after the file, dropping the sighting's fields, and gap said
 * the threat gave no technique. The sightings here are written for the test, in that export's layout.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindOfValue } from '../../lib/index.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const SIGHTINGS = [
  {
    id: '00000000-0000-4000-8000-000000000021',
    sightingType: 'direct-technique-sighting',
    startTime: '2024-03-01T10:00:00Z',
    endTime: '2024-03-02T09:30:00Z',
    detectionType: 'raw',
    techniques: [{ techniqueID: 'T1566.001' }, { techniqueID: 'T1059.001' }],
  },
  { id: '00000000-0000-4000-8000-000000000022', sightingType: 'direct-technique-sighting', startTime: '2024-03-01T10:00:00Z', endTime: '2024-03-01T10:00:00Z', detectionType: 'raw', techniques: [{ techniqueID: 'T1003.001' }] },
];

const SAYS = "this is ATT&CK technique sightings (a list of objects with a sightingType and their techniques, as MISP's attack-sightings export writes them), not ";
const DOES = (file: string): string =>
  `export the event in MISP's JSON format (returnFormat json) and make a campaign file of its ATT&CK galaxies with \`attack-layers extract ${file}\``;

describe("regressions: MISP's attack-sightings export is no Navigator layer", () => {
  it('is told by its sightingType and techniques', () => {
    expect(kindOfValue(SIGHTINGS)).to.equal('attack-sightings');
    expect(kindOfValue(SIGHTINGS[0])).to.equal('attack-sightings');
    // A layer's entries beside a field of that name elsewhere stay a layer.
    expect(kindOfValue({ name: 'l', versions: { layer: '4.5' }, techniques: [{ techniqueID: 'T1059' }] })).to.equal('layer');
  });

  const cases: ReadonlyArray<readonly [what: string, argv: (file: string) => string[]]> = [
    ['validate', (file) => ['validate', file]],
    ['upgrade', (file) => ['upgrade', file, '--out', join(freshTmpDir('sightings'), 'up.json')]],
    ['combine', (file) => ['combine', file, file, '--op', 'max', '--out', join(freshTmpDir('sightings'), 'c.json')]],
    ['gap --threat', (file) => ['gap', '--threat', file, '--coverage', 'test/fixtures/gap/detections.yml', '--out', freshTmpDir('gap')]],
    ['gap --coverage', (file) => ['gap', '--threat', 'campaigns/apt32-covid19-wuhan.yaml', '--coverage', file, '--out', freshTmpDir('gap')]],
  ];
  for (const [what, argv] of cases) {
    it(`${what} says what it is and what to do (exit 1)`, async () => {
      const file = join(freshTmpDir('sightings'), 'attack-sightings.json');
      writeFileSync(file, JSON.stringify(SIGHTINGS));
      const result = await runCli([...argv(file), '--quiet']);
      expect(result.code).to.equal(1);
      // validate reports a file's problems as findings, on stdout.
      const said = result.stderr + result.stdout;
      expect(said).to.include(`${file}: ${SAYS}`).and.include(DOES(file));
    });
  }
});
