/**
 * A campaign stating `attack_version` has its IDs and its names read as that release named them, and `normalize`'s
 * header and the rendered layer's description say "references read as of ATT&CK 6.3" (they said "IDs read as of 6.3",
 * though a name alone is read in that release too).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

describe('references read as of the release a campaign states', () => {
  it('says "references read as of ATT&CK 6.3" in the header of the real APT32 campaign (attack_version: "6.3")', async () => {
    const result = await runCli(['normalize', 'campaigns/apt32-covid19-wuhan.yaml']);
    expect(result.code).to.equal(0);
    expect(result.stdout.split('\n')[1]).to.equal('  ATT&CK enterprise-attack 18.1, references read as of ATT&CK 6.3');
    expect(result.stdout).to.not.contain('IDs read as of');
  });

  it('reads a name alone as 6.3 named it (Scheduled Task is T1053 there, T1053.005 today), under the same header', async () => {
    const file = join(freshTmpDir('read-as-of'), 'names.yaml');
    writeFileSync(file, 'name: names of 6.3\nattack_version: "6.3"\ntechniques:\n  - Scheduled Task\n');
    const result = await runCli(['normalize', file, '--json']);
    const [campaign] = JSON.parse(result.stdout) as { attack: { source?: string }; references: { ids: string[] }[] }[];
    expect([campaign!.attack.source, campaign!.references[0]!.ids]).to.deep.equal(['6.3', ['T1053']]);
    const text = await runCli(['normalize', file]);
    expect(text.stdout.split('\n')[1]).to.equal('  ATT&CK enterprise-attack 18.1, references read as of ATT&CK 6.3');
  });

  it('says it in the rendered layer of the real campaign too', async () => {
    const out = freshTmpDir('read-as-of-render');
    const result = await runCli(['render', 'campaigns/apt32-covid19-wuhan.yaml', '--out', out]);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(readFileSync(join(out, 'apt32-covid19-wuhan.layer.json'), 'utf8')) as { description: string };
    expect(layer.description).to.contain('; ATT&CK enterprise-attack 18.1, references read as of ATT&CK 6.3.');
  });
});
