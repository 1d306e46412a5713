/**
 * ICS and Mobile campaign files written from real reports (test/fixtures/campaigns/ics-mobile, their reports in its
 * README), run through the CLI as an OT or mobile analyst would: rendered for Navigator 5.1 in their own domain, and
 * read in an older release of their domain.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const folder = join(repoRoot, 'test/fixtures/campaigns/ics-mobile');
const domains: Record<string, string> = {
  'incontroller.yaml': 'ics-attack',
  'industroyer2.yaml': 'ics-attack',
  'frostygoop.yaml': 'ics-attack',
  'triton.yaml': 'ics-attack',
  'hermit.yaml': 'mobile-attack',
  'badbazaar.yaml': 'mobile-attack',
  'pegasus.yaml': 'mobile-attack',
};

describe('ICS and Mobile campaigns of real reports, end to end', function () {
  this.timeout(300_000);

  it('render layers of their own domain for ATT&CK 18 that validate finds nothing to say of', async () => {
    const out = freshTmpDir('ics-mobile-render');
    const rendered = await runCli(['render', folder, '--out', out]);
    // References left unresolved (Enterprise IDs beside ICS ones, deprecated ICS IDs) exit 0 without --strict.
    expect(rendered.code, rendered.stderr).to.equal(0);
    for (const [file, domain] of Object.entries(domains)) {
      const layer = JSON.parse(readFileSync(join(out, file.replace('.yaml', '.layer.json')), 'utf8')) as { domain: string; versions: { attack: string } };
      expect({ file, domain: layer.domain, attack: layer.versions.attack }).to.deep.equal({ file, domain, attack: '18' });
    }
    const validated = await runCli(['validate', out]);
    expect({ code: validated.code, stdout: validated.stdout }).to.deep.equal({ code: 0, stdout: '' });
  });

  it('place an Enterprise TA ID beside an ICS technique under ICS\'s tactic of that name (INCONTROLLER)', async () => {
    const result = await runCli(['normalize', join(folder, 'incontroller.yaml'), '--json']);
    expect(result.code).to.equal(0);
    const references = (JSON.parse(result.stdout) as Array<{ references: Array<{ raw: string; placed: Record<string, string[]>; warnings: string[] }> }>)[0]!.references;
    const t0866 = references.find((reference) => reference.raw === 'T0866 Exploitation of Remote Services')!;
    expect(t0866.placed).to.deep.equal({ T0866: ['initial-access', 'lateral-movement'] });
    expect(t0866.warnings).to.include('tactic "TA0008" (Lateral Movement) is a tactic of ATT&CK enterprise-attack 18.1; read as Lateral Movement (TA0109), its tactic in ATT&CK ics-attack 18.1: write that');
  });

  it('read in mobile-attack 9.0, name what 18.1\'s techniques replaced there (BadBazaar)', async () => {
    const result = await runCli(['normalize', join(folder, 'badbazaar.yaml'), '--attack-release', '9.0', '--json']);
    const references = (JSON.parse(result.stdout) as Array<{ references: Array<{ raw: string; status: string; candidates: Array<{ id: string }> }> }>)[0]!.references;
    const candidates = Object.fromEntries(references.filter((r) => r.status === 'unknown').map((r) => [r.raw, r.candidates.map((c) => c.id)]));
    expect(candidates).to.deep.include({
      'Protected User Data: Call Log': ['T1433'],
      'Protected User Data: Contact List': ['T1432'],
      'Protected User Data: SMS Messages (T1636.004)': ['T1412'],
      'T1630.002 File Deletion': ['T1447'],
      'Wi-Fi Discovery': [],
    });
  });
});
