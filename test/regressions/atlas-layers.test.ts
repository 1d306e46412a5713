/**
 * MITRE ATLAS layers (adversarial machine learning): ATLAS's Navigator writes `"domain": "atlas-atlas"` and ATLAS
 * technique IDs (`AML.T0051`). They got the generic "not an ATT&CK domain" message (combine: a schema error at
 * /domain); every command now names ATLAS and says that attack-layers reads ATT&CK enterprise, mobile and ICS only.
 */
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, layerRefusals, runCli } from '../helpers/attack.js';

// Reconstructed in the shape of the ATLAS layer a SecLLM bootcamp lab script writes (find_string id 69002777500):
// no ATT&CK release, ATLAS's data version in the metadata, an empty platform filter.
const ATLAS = {
  name: 'SecLLM Bootcamp - labs 1-7',
  versions: { layer: '4.5', navigator: '5.3.2' },
  domain: 'atlas-atlas',
  metadata: [{ name: 'atlas_data_version', value: '2026.08' }],
  filters: { platforms: [] },
  techniques: [
    { techniqueID: 'AML.T0051', tactic: 'initial-access', score: 3 },
    { techniqueID: 'AML.T0054', score: 1 },
  ],
};

const ATTACK_ONLY = 'attack-layers reads ATT&CK layers only (enterprise-attack, mobile-attack and ics-attack)';

describe('ATLAS layers (domain atlas-atlas, AML.T IDs)', () => {
  const dir = freshTmpDir('atlas-layers');
  const file = join(dir, 'secllm-atlas.json');
  writeFileSync(file, JSON.stringify(ATLAS, null, 2));

  it('validate reports one atlas-layer error naming ATLAS and what attack-layers reads', async () => {
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    expect(result.stdout.trim()).to.equal(
      `error: atlas-layer: ${file}: /domain: "atlas-atlas": this is a MITRE ATLAS layer (adversarial machine learning), which Navigator draws from ` +
        `ATLAS's own data; ${ATTACK_ONLY}: open it in ATLAS's Navigator, or write the ATT&CK techniques it stands for in a layer of one of those domains`,
    );
  });

  it('upgrade, export, combine and gap refuse it with the same one-line message, naming the file, the place and ATLAS', async () => {
    const said = (await layerRefusals(file, dir)).map((message) => message.replace(/:1: \/domain/, ': /domain'));
    expect(new Set(said).size, said.join('\n')).to.equal(1);
    expect(said[0]).to.match(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: /domain: "atlas-atlas": this is a MITRE ATLAS layer`));
  });

  it('reads a layer that states no domain and holds only AML.T IDs as an ATLAS layer', async () => {
    const bare = join(dir, 'no-domain.json');
    const { domain: _domain, ...rest } = ATLAS;
    writeFileSync(bare, JSON.stringify(rest));
    const result = await runCli(['upgrade', bare]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain(`${bare}: /domain: no domain, and ATLAS technique IDs (AML.T…): this is a MITRE ATLAS layer`);
  });

  it('says that an AML.T ID in an ATT&CK layer is an ATLAS ID, and leaves the entry out', async () => {
    const mixed = join(dir, 'mixed.json');
    writeFileSync(
      mixed,
      JSON.stringify({ ...ATLAS, domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques: [...ATLAS.techniques, { techniqueID: 'T1059', score: 1 }] }),
    );
    const result = await runCli(['validate', mixed]);
    expect(result.stdout).to.contain(`${mixed}: /techniques/0: techniqueID "AML.T0051" is a MITRE ATLAS technique ID, of no ATT&CK domain; ${ATTACK_ONLY}: annotate the ATT&CK technique that fits`);
  });
});
