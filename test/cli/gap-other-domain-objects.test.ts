/**
 * Group and software tags of another domain in a review (SigmaHQ's enterprise software tags in an ICS review): named as
 * that domain's objects, with the domain to review the rule in, not sent to fetch a newer release of the review's domain,
 * which will never hold them. The rules are real SigmaHQ rules (../shared/sigma), copied into a temporary folder.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const sigmaRules = fileURLToPath(new URL('../../../shared/sigma/rules', import.meta.url));

describe('attack-layers gap: another domain\'s group and software tags (attack.s0508 in an ICS review)', () => {
  // net_connection_win_domain_ngrok_tunnel.yml tags attack.s0508 (Ngrok, enterprise software) beside attack.t1567.
  it('names enterprise software S0508 as Ngrok of enterprise-attack, to review with --domain enterprise', async () => {
    const rules = join(freshTmpDir('gap-other-domain-objects'), 'rules');
    mkdirSync(rules);
    copyFileSync(join(sigmaRules, 'windows/network_connection/net_connection_win_domain_ngrok_tunnel.yml'), join(rules, 'ngrok.yml'));
    expect(readFileSync(join(rules, 'ngrok.yml'), 'utf8')).to.match(/^ {4}- attack\.s0508$/m);
    const out = freshTmpDir('gap-other-domain-objects-out');
    const run = await runCli(['gap', '--domain', 'ics', '--threat', 'test/fixtures/gap/ics-threat.json', '--coverage', rules, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { unresolved: { raw: string; status: string; note: string }[] };
    const row = report.unresolved.find((group) => group.raw === 'attack.s0508');
    expect(row?.status).to.equal('other domain');
    expect(row?.note).to.equal(
      'S0508 is not a group, software or campaign of ATT&CK ics-attack 18.1: it is S0508 ngrok (software) of ATT&CK enterprise-attack 18.1; ' +
        "review the rule's Enterprise techniques with --domain enterprise",
    );
  });

  it('keeps telling an object no release at hand holds to fetch a newer release (attack.s9999 in an enterprise review)', async () => {
    const rules = join(freshTmpDir('gap-other-domain-objects-unknown'), 'rules');
    mkdirSync(rules);
    const text = readFileSync(join(sigmaRules, 'windows/network_connection/net_connection_win_domain_ngrok_tunnel.yml'), 'utf8');
    expect(text).to.contain('    - attack.s0508\n');
    writeFileSync(join(rules, 'ngrok.yml'), text.replace('    - attack.s0508\n', '    - attack.s9999\n'));
    const out = freshTmpDir('gap-other-domain-objects-unknown-out');
    const run = await runCli(['gap', '--threat', 'campaigns', '--coverage', rules, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { unresolved: { raw: string; status: string; note: string }[] };
    const row = report.unresolved.find((group) => group.raw === 'attack.s9999');
    expect(row?.status).to.equal('unknown');
    expect(row?.note).to.equal('S9999 is not a group, software or campaign of ATT&CK enterprise-attack 18.1; if it comes from a newer release, get it with `attack-layers data fetch`');
  });
});
