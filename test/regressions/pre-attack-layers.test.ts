/**
 * PRE-ATT&CK layers (domain "pre-attack"): ATT&CK 8 merged PRE-ATT&CK into enterprise, and no release here holds its
 * techniques (../shared/attack-stix has enterprise, mobile and ICS only), so every command refuses such a layer with
 * technique entries with one message that says so and what to do, instead of "not an ATT&CK domain" or a schema
 * error; one without any is read as an enterprise layer, saying so.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../lib/errors.js';
import { assertNotPreAttack, preAttackMessage } from '../../lib/layer/layer-format.js';
import { freshTmpDir, hasStackTrace, runCli } from '../helpers/attack.js';

// mitre-attack/attack-navigator, layers/data/update_layers/March_2020_Updates_Pre.json at 33953bfa (Apache-2.0).
const NAVIGATOR_PRE = fileURLToPath(new URL('../fixtures/layers/public/navigator-march-2020-pre-3.0.json', import.meta.url));

const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('PRE-ATT&CK layers', () => {
  it('upgrade, validate, export and combine refuse one with technique entries with the same one-line message, naming the file and place', async () => {
    const dir = freshTmpDir('pre-attack-entries');
    const file = join(dir, 'pre.json');
    writeFileSync(file, JSON.stringify({ ...readJson(NAVIGATOR_PRE), techniques: [{ techniqueID: 'T1247', color: '#ff6666' }] }));
    const said: string[] = [];
    for (const argv of [['upgrade'], ['export', '--format', 'csv'], ['combine', file, '--op', 'max'], ['validate']]) {
      const result = await runCli([...argv, file]);
      expect(result.code, result.stderr).to.equal(1);
      expect(hasStackTrace(result.stderr)).to.equal(false);
      // validate reports it as a finding on stdout (`error: pre-attack-layer: <message>`), the others on stderr.
      const line = argv[0] === 'validate' ? result.stdout.split('\n')[0]!.replace(/^error: pre-attack-layer: /, '') : result.stderr.trim().replace(/^attack-layers \w+: /, '');
      said.push(line);
    }
    expect(new Set(said).size, said.join('\n')).to.equal(1);
    expect(said[0]).to.equal(`${file}: /domain: ${preAttackMessage({ domain: 'pre-attack', techniques: [{}] })}`);
    expect(said[0]).to.not.contain('\n');
    expect(said[0]).to.match(/"pre-attack" is PRE-ATT&CK, a retired domain: ATT&CK 8 .* merged PRE-ATT&CK into enterprise-attack/);
    expect(said[0]).to.match(/set "domain" to "enterprise-attack" and replace its technique entry with the enterprise technique that fits/);
  });

  // Navigator's March 2020 PRE-ATT&CK update layer has no technique entries: every command refused it, though the one
  // repair (naming the enterprise domain) changes nothing else. Now it is read as an enterprise layer, saying so, as an
  // empty enterprise layer is read.
  it('read one without technique entries as an enterprise layer, saying so: upgrade, export and combine write it, validate warns', async () => {
    const dir = freshTmpDir('pre-attack-empty');
    const note = '/domain: pre-attack -> enterprise-attack (PRE-ATT&CK: ATT&CK 8 (October 2020) merged PRE-ATT&CK into enterprise-attack; the layer has no technique entries)';
    const upgraded = await runCli(['upgrade', NAVIGATOR_PRE, '--out', join(dir, 'up.json')]);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    expect(upgraded.stderr).to.contain(note);
    expect(readJson(join(dir, 'up.json'))).to.deep.include({ domain: 'enterprise-attack', techniques: [] });
    const combined = await runCli(['combine', NAVIGATOR_PRE, NAVIGATOR_PRE, '--op', 'max', '--out', join(dir, 'combined.json')]);
    expect(combined.code, combined.stderr).to.equal(0);
    expect(combined.stderr).to.contain(note);
    const exported = await runCli(['export', NAVIGATOR_PRE, '--format', 'csv']);
    expect(exported.code, exported.stderr).to.equal(0);
    for (const written of ['up.json', 'combined.json']) expect((await runCli(['validate', join(dir, written)])).code).to.equal(0);
    const validated = await runCli(['validate', NAVIGATOR_PRE]);
    expect(validated.stdout.split('\n')[0]).to.equal(
      `warning: pre-attack-layer: ${NAVIGATOR_PRE}: /domain: ${preAttackMessage({ domain: 'pre-attack', techniques: [] })}`,
    );
    expect(validated.stdout).to.match(/it has no technique entries, so it is read as an enterprise-attack layer; `attack-layers upgrade` writes it so\n/);
    // The rest is checked as an enterprise layer's: format 3.0 is the only error.
    expect(validated.stdout.split('\n').filter((line) => line.startsWith('error:')).map((line) => line.split(':')[1])).to.deep.equal([' old-format']);
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
