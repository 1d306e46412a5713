/**
 * PRE-ATT&CK layers (domain "pre-attack"): ATT&CK 8 merged PRE-ATT&CK into enterprise, and no release here holds its
 * techniques (../shared/attack-stix has enterprise, mobile and ICS only), so every command refuses such a layer with
 * one message that says so and what to do, instead of "not an ATT&CK domain" or a schema error.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../lib/errors.js';
import { assertNotPreAttack, preAttackMessage } from '../../lib/layer/layer-format.js';
import { freshTmpDir, hasStackTrace, runCli } from '../helpers/attack.js';

// mitre-attack/attack-navigator, layers/data/update_layers/March_2020_Updates_Pre.json at 33953bfa (Apache-2.0).
const NAVIGATOR_PRE = fileURLToPath(new URL('../fixtures/layers/public/navigator-march-2020-pre-3.0.json', import.meta.url));

describe('PRE-ATT&CK layers', () => {
  it('upgrade, validate, export and combine refuse them with the same one-line message, naming the file and place', async () => {
    const said: string[] = [];
    for (const argv of [['upgrade'], ['export', '--format', 'csv'], ['combine', NAVIGATOR_PRE, '--op', 'max'], ['validate']]) {
      const result = await runCli([...argv, NAVIGATOR_PRE]);
      expect(result.code, result.stderr).to.equal(1);
      expect(hasStackTrace(result.stderr)).to.equal(false);
      // validate reports it as a finding on stdout (`error: pre-attack-layer: <message>`), the others on stderr.
      const line = argv[0] === 'validate' ? result.stdout.split('\n')[0]!.replace(/^error: pre-attack-layer: /, '') : result.stderr.trim().replace(/^attack-layers \w+: /, '');
      said.push(line);
    }
    expect(new Set(said).size, said.join('\n')).to.equal(1);
    expect(said[0]).to.equal(`${NAVIGATOR_PRE}: /domain: ${preAttackMessage({ domain: 'pre-attack', techniques: [] })}`);
    expect(said[0]).to.not.contain('\n');
    expect(said[0]).to.match(/"pre-attack" is PRE-ATT&CK, a retired domain: ATT&CK 8 .* merged PRE-ATT&CK into enterprise-attack/);
    // The layer has no technique entries: naming the enterprise domain is all it takes.
    expect(said[0]).to.match(/it has no technique entries, so setting "domain" to "enterprise-attack" makes it an enterprise layer; then run `attack-layers upgrade`$/);
  });

  it('following that advice works: the same layer with "domain": "enterprise-attack" upgrades', async () => {
    const dir = freshTmpDir('pre-attack');
    const file = join(dir, 'pre-as-enterprise.json');
    writeFileSync(file, JSON.stringify({ version: '3.0', name: 'March 2020 PRE-ATT&CK Updates', domain: 'enterprise-attack', techniques: [], filters: { stages: ['prepare'] } }));
    const result = await runCli(['upgrade', file, '--out', join(dir, 'out.json')]);
    expect(result.code, result.stderr).to.equal(0);
  });

  it('a layer with technique entries is told to replace them; a layer of an array names its position', () => {
    const layer = { domain: 'pre-attack', techniques: [{ techniqueID: 'T1247' }, { techniqueID: 'T1248' }] };
    expect(() => assertNotPreAttack(layer, 'x.json', '/1')).to.throw(
      InputError,
      /^x\.json: \/1\/domain: "pre-attack" is PRE-ATT&CK.*replace each of its 2 technique entries with the enterprise technique that fits/,
    );
    expect(() => assertNotPreAttack({ domain: 'enterprise-attack' }, 'x.json')).to.not.throw();
  });
});
