/**
 * A threat layer entry whose tactic is a bare TA ID (`"tactic": "TA0002"`, as sigma2attack-style generators write it)
 * was read by gap as execution without a word, once the shared repair stopped saying `"TA0002" read as ta0002` (it is
 * no shortname either: ea54cf9a). upgrade, combine and compare say `tactic TA0002 is the ID of execution (Execution)
 * in enterprise-attack 18.1; read as execution`; gap now says the same, once per TA ID, with the entries' places.
 * The layers here are our own.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { parseCoverageLayers } from '../../lib/coverage/read-coverage-layer.js';
import { threatFromLayer } from '../../lib/coverage/gap-review.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';
import { attackLibrary } from '../layer/attack-data.js';

const NOTE = 'tactic TA0002 is the ID of execution (Execution) in enterprise-attack 18.1; read as execution';

function layerText(): string {
  const techniques = [
    { techniqueID: 'T1059.001', tactic: 'TA0002', score: 1 },
    { techniqueID: 'T1053.005', tactic: 'TA0002', score: 1 },
    { techniqueID: 'T1053.005', tactic: 'TA0003', score: 1 },
    { techniqueID: 'T1566', tactic: 'initial-access', score: 1 },
  ];
  const entries = techniques.map((entry) => `    ${JSON.stringify(entry)}`).join(',\n');
  return `{\n  "name": "threat",\n  "versions": { "attack": "18", "navigator": "5.1.0", "layer": "4.5" },\n  "domain": "enterprise-attack",\n  "techniques": [\n${entries}\n  ]\n}\n`;
}

describe('gap: a threat layer tactic written as a bare TA ID', () => {
  let index: AttackIndex;
  before(() => {
    index = attackLibrary().release('enterprise-attack', '18');
  });

  it('reads it as that tactic and says so once per TA ID, with the entries\' places', () => {
    const [input] = parseCoverageLayers(layerText(), 'threat.json', { role: 'threat' });
    const { source } = threatFromLayer(input!, index);
    expect(source.techniques.map((technique) => [technique.id, technique.tactics])).to.deep.equal([
      ['T1059.001', ['execution']],
      ['T1053.005', ['execution', 'persistence']],
      ['T1566', ['initial-access']],
    ]);
    const said = (source.notes ?? []).filter((note) => note.includes('is the ID of'));
    expect(said).to.deep.equal([
      `threat layer threat.json ("threat"): threat.json:6, threat.json:7: ${NOTE}`,
      'threat layer threat.json ("threat"): threat.json:8: tactic TA0003 is the ID of persistence (Persistence) in enterprise-attack 18.1; read as persistence',
    ]);
  });

  it('says it in the words upgrade says it', async () => {
    const dir = freshTmpDir('gap-tactic-id');
    const file = join(dir, 'threat.json');
    writeFileSync(file, layerText());
    const upgrade = await runCli(['upgrade', file]);
    expect(upgrade.stderr).to.contain(`/techniques/0: ${NOTE}`);
    const gap = await runCli(['gap', '--threat', file, '--coverage', join(repoRoot, 'test/fixtures/layers/attack-19.json'), '--out', join(dir, 'out')]);
    expect(gap.stderr).to.contain(`threat layer ${file} ("threat"): ${file}:6, ${file}:7: ${NOTE}`);
  });
});
