import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

// In ATT&CK 18.1 (ATTACK_STIX_DIR), S0154 Cobalt Strike is enterprise's alone; S0604 Industroyer is of enterprise and
// ICS. A software of another domain than the campaign's is said to be that domain's, as an actor is (af4bf938).
describe('attack-layers normalize: a software of another domain', function () {
  this.timeout(120_000);

  it("names the domain that has it, at its line, and says none of its techniques is inferred (Cobalt Strike in an ICS campaign)", async () => {
    const file = join(freshTmpDir('normalize-other-domain'), 'ics.yaml');
    writeFileSync(file, 'name: x\ndomain: ics-attack\nsoftware:\n  - Industroyer\n  - Cobalt Strike\ntechniques: [T0817]\n');
    const result = await runCli(['normalize', file]);
    expect(result.code).to.equal(0);
    const warning = '/software/1: software "Cobalt Strike" is S0154 Cobalt Strike (software) of ATT&CK enterprise-attack 18.1; ' +
      'the campaign is of ics-attack 18.1: kept as written, with no ATT&CK ID, and no technique is inferred from it in ics-attack';
    expect(result.stdout.split('\n')).to.include(`  - line 5: ${warning}`);
    expect(result.stdout).to.not.include('check the spelling');
    // Industroyer is the ICS campaign's own: its ICS techniques are inferred.
    expect(result.stdout.split('\n')).to.include('  software: software S0604 Industroyer; 24 documented techniques inferred');
  });

  // Enterprise keeps S0609 TRITON deprecated, added there by mistake; ICS has S1009 Triton. A group under software:
  // was "not in ATT&CK; check the spelling".
  it('validate names the current ICS twin of a deprecated enterprise software, and a group under software: as a group', async () => {
    const file = join(freshTmpDir('normalize-other-domain'), 'enterprise.yaml');
    writeFileSync(file, 'name: x\nsoftware:\n  - Triton\n  - APT29\ntechniques: [T1059]\n');
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(0);
    expect(result.stdout.split('\n')).to.include.members([
      `warning: attack-object: ${file}:3: /software/0: software "Triton" is S0609 TRITON (software, deprecated) in ATT&CK enterprise-attack 18.1, ` +
        'which documents no technique of it; S1009 Triton (software) of ATT&CK ics-attack 18.1 bears its name, with 18 techniques of ics-attack: ' +
        'kept as written, with no ATT&CK ID, and no technique is inferred from either in enterprise-attack',
      `warning: attack-object: ${file}:4: /software/1: software "APT29" is G0016 APT29 (group) in ATT&CK enterprise-attack 18.1, not software: ` +
        'kept as written; a group belongs under actor:',
    ]);
  });
});
