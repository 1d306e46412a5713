// A layer entry the release lacks, by its number: T1685 is an ATT&CK 19 ID (SigmaHQ tags it since ATT&CK 19:
// SigmaHQ/sigma, rules-threat-hunting/linux/process_creation/proc_creation_lnx_susp_process_termination_via_kill.yml,
// `attack.t1685`), past 18.1's newest technique (T1681); T9001 and T9999 are numbered far past it, as a team numbers its
// own techniques. validate, upgrade and combine used to tell all three "fix the ID" / "not a technique"; they now say
// them as gap does (a newer release to fetch; a team's technique, with the team's data to give). The layer is our own,
// minimal, in the shape of SigmaHQ's coverage layer (other/sigma_attack_nav_coverage.json: ID and score per entry).
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { upgradeLayer, validateLayer } from '../../lib/index.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

const layer = {
  name: 'sigma coverage',
  domain: 'enterprise-attack',
  versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
  techniques: ['T1685', 'T9001', 'T9999', 'T1059'].map((techniqueID) => ({ techniqueID, score: 1 })),
};

/** What each says of T1685, a newer release's ID, after "T1685 is not a technique in enterprise-attack 18.1". */
const newer = (fetch: string, does: string) =>
  `T1685 is not a technique in enterprise-attack 18.1: its number is past 18.1's newest technique (T1681), as a newer ATT&CK release's IDs are: ` +
  `get that release with \`${fetch}\` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and ${does}`;

/** What each says of a team's number (T9001, T9999). */
const team = (id: string, attack: string, does: string) =>
  `${id} is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK ` +
  `release will have it), and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) ` +
  `as the 18.1 release (\`${attack}\`), which ${does}; else fix the ID`;

const CLI_FETCH = 'attack-layers data fetch --attack-release N';
const CLI_ATTACK = '--attack <file|folder>';
const LIB_FETCH = "fetchRelease({ version: 'N' })";
const LIB_ATTACK = "loadAttack({ attack: '<file|folder>' })";

describe('unknown IDs past the release\'s newest: a newer release\'s (T1685) or a team\'s number (T9001, T9999)', function () {
  this.timeout(120_000);
  const dir = freshTmpDir('unknown-ids-newer-or-team');
  const file = join(dir, 'sigma.json');
  writeFileSync(file, `${JSON.stringify(layer, null, 2)}\n`);

  it('validate: still an error (Navigator drops each silently), with the advice that fits', async () => {
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    const dropped = ', or remove the entry (Navigator drops it silently)';
    expect(result.stdout + result.stderr).to.contain(
      [
        `error: unknown-technique: ${file}: /techniques/0: ${newer(CLI_FETCH, 'validate the layer with it')}${dropped}`,
        `error: unknown-technique: ${file}: /techniques/1: ${team('T9001', CLI_ATTACK, 'holds it')}${dropped}`,
        `error: unknown-technique: ${file}: /techniques/2: ${team('T9999', CLI_ATTACK, 'holds it')}${dropped}`,
      ].join('\n'),
    );
  });

  it('validateLayer says the same in the library\'s words, same code and severity', () => {
    const findings = validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'sigma.json' });
    const unknown = findings.filter((finding) => finding.code === 'unknown-technique');
    expect(unknown.map((finding) => [finding.severity, finding.path])).to.deep.equal([
      ['error', '/techniques/0'],
      ['error', '/techniques/1'],
      ['error', '/techniques/2'],
    ]);
    expect(unknown[0]?.message).to.contain(newer(LIB_FETCH, 'validate the layer with it'));
    expect(unknown[1]?.message).to.contain(team('T9001', LIB_ATTACK, 'holds it'));
  });

  it('upgrade: removes each, saying what it is', async () => {
    const result = await runCli(['upgrade', file, '--out', join(dir, 'upgraded.json')]);
    expect(result.code).to.equal(0);
    const removed = '; removed (Navigator would not show it)';
    expect(result.stderr).to.contain(`/techniques/0: ${newer(CLI_FETCH, 'upgrade the layer to it')}${removed}`);
    expect(result.stderr).to.contain(`/techniques/1: ${team('T9001', CLI_ATTACK, 'keeps it')}${removed}`);
    expect(result.stderr).to.contain(`/techniques/2: ${team('T9999', CLI_ATTACK, 'keeps it')}${removed}`);
  });

  it('upgradeLayer says the same in the library\'s words', () => {
    const { report } = upgradeLayer(layer, loadRelease('18.1'));
    const notes = (id: string) => report.techniques.find((row) => row.techniqueID === id)?.notes[0];
    expect(notes('T1685')).to.equal(`${newer(LIB_FETCH, 'upgrade the layer to it')}; removed (Navigator would not show it)`);
    expect(notes('T9001')).to.equal(`${team('T9001', LIB_ATTACK, 'keeps it')}; removed (Navigator would not show it)`);
  });

  it('combine: leaves each out, saying what it is', async () => {
    const result = await runCli(['combine', file, file, '--op', 'max', '--out', join(dir, 'combined.json')]);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain(`/techniques/0: ${newer(CLI_FETCH, 'upgrade the layer to it')}; removed (Navigator would not show it)`);
    expect(result.stderr).to.contain(`/techniques/1: ${team('T9001', CLI_ATTACK, 'keeps it')}; removed (Navigator would not show it)`);
  });

  // ICS numbers its techniques T0800 to T0895 (ICS 18.1), enterprise and mobile theirs T1001 to T1681: T1685 beside ICS is
  // enterprise's numbering, another domain's, which upgrade said as any unknown ID ("not a technique of ics-attack 18.1");
  // T9001 is no domain's, numbered far past ICS's newest as past enterprise's.
  it('an ID below the newest keeps its words (T1059.999); one of another domain\'s numbering (T1685 beside ICS) is said so', async () => {
    const { report } = upgradeLayer({ ...layer, techniques: [{ techniqueID: 'T1059.999', score: 1 }] }, loadRelease('18.1'));
    expect(report.techniques[0]?.notes[0]).to.equal('T1059.999 is not a technique of enterprise-attack 18.1; removed (Navigator would not show it)');
    const ics = upgradeLayer({ ...layer, domain: 'ics-attack', techniques: [{ techniqueID: 'T1685', score: 1 }] }, loadRelease('18.1', 'ics-attack'));
    expect(ics.report.techniques[0]?.notes[0]).to.equal(
      'T1685 is not a technique in ics-attack 18.1: it is numbered T1xxx, as Enterprise and Mobile techniques are, not T0xxx, as ICS techniques are, so no ' +
        'ics-attack release will have it: a technique of enterprise-attack or mobile-attack, or a typo; annotate it in a layer of enterprise-attack or mobile-attack; ' +
        'removed (Navigator would not show it)',
    );
  });

  it('a team\'s number beside ICS (T9001, past ICS\'s T0895) is a team\'s, as beside enterprise', async () => {
    const ics = upgradeLayer({ ...layer, domain: 'ics-attack', techniques: [{ techniqueID: 'T9001', score: 1 }] }, loadRelease('18.1', 'ics-attack'));
    expect(ics.report.techniques[0]?.notes[0]).to.equal(
      `${team('T9001', LIB_ATTACK, 'keeps it').replace(/T1681 of enterprise-attack/, 'T0895 of ics-attack').replace(/enterprise-attack/g, 'ics-attack')}; removed (Navigator would not show it)`,
    );
  });
});
