// An ID a release lacks, said alike by validate, upgrade, combine, normalize and technique, by the releases at hand.
// Worked in ATT&CK 14.1 with 18.1 at hand: T1677 (Poisoned Pipeline Execution, new in ATT&CK 18) and T1059.012 (Hypervisor
// CLI, new in 17, which SigmaHQ tags: SigmaHQ/sigma, rules/linux/process_creation/proc_creation_lnx_esxcli_vm_discovery.yml,
// `attack.t1059.012`) were told "past 14.1's newest: fetch a newer release" or "fix the ID", though 18.1 is at hand; T1685
// (ATT&CK 19's, as SigmaHQ tags it: rules-threat-hunting/linux/process_creation/proc_creation_lnx_susp_process_termination_via_kill.yml)
// was "past 14.1's newest technique (T1659)", though 18.1's newest (T1681) is the one it is past; normalize and technique
// said all of them, and T9001 (a team's number), "if it comes from a newer ATT&CK release, get it". They are now said as
// gap says a rule's tag: the release at hand that has it, with the technique's name there. The layer and campaign are
// our own, minimal, in the shape of SigmaHQ's coverage layer (other/sigma_attack_nav_coverage.json: ID and score).
import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { campaignReleases, normalizeCampaign, readCampaign, upgradeLayer, validateLayer } from '../../lib/index.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

const IDS = ['T1677', 'T1059.012', 'T1685', 'T9001'];

const layer = {
  name: 'sigma coverage',
  domain: 'enterprise-attack',
  versions: { attack: '14', navigator: '5.1.0', layer: '4.5' },
  techniques: [...IDS, 'T1059'].map((techniqueID) => ({ techniqueID, score: 1 })),
};

/** What each says of an ID 18.1 has, before what to do there (`inRelease`). */
const atHand = (id: string, name: string, does: string) =>
  `${id} is not a technique in enterprise-attack 14.1; it is ${id} ${name} in enterprise-attack 18.1, a newer release at hand: ${does}`;
const T1677 = (does: string) => atHand('T1677', 'Poisoned Pipeline Execution', does);
const T1059_012 = (does: string) => atHand('T1059.012', 'Command and Scripting Interpreter: Hypervisor CLI', does);

/** What each says of T1685, in no release at hand: past 18.1's newest, not 14.1's. */
const T1685 = (fetch: string, does: string) =>
  `T1685 is not a technique in enterprise-attack 14.1 nor in enterprise-attack 18.1, the newest release at hand: its number is past 18.1's newest ` +
  `technique (T1681), as a newer ATT&CK release's IDs are: get that release with \`${fetch}\` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and ${does}`;

/** What each says of T9001: far past the newest technique at hand (18.1's T1681), the team's data built on the release worked in. */
const T9001 = (attack: string, does: string) =>
  "T9001 is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK " +
  "release will have it), and enterprise-attack 14.1 does not hold it: give the team's ATT&CK data built on 14.1 (its ATT&CK Workbench export) " +
  `as the 14.1 release (\`${attack}\`), which ${does}; else fix the ID`;

const CLI_FETCH = 'attack-layers data fetch --attack-release N';
const LIB_FETCH = "fetchRelease({ version: 'N' })";
const CLI_ATTACK = '--attack <file|folder>';
const LIB_ATTACK = "loadAttack({ attack: '<file|folder>' })";

describe('unknown IDs worked in an older release (14.1) with a newer one at hand (18.1): every command says which release has them', function () {
  this.timeout(180_000);
  const dir = freshTmpDir('unknown-ids-in-older-release');
  const file = join(dir, 'sigma.json');
  writeFileSync(file, `${JSON.stringify(layer, null, 2)}\n`);
  const campaignFile = join(dir, 'campaign.yaml');
  writeFileSync(campaignFile, `name: Sigma tags\ndomain: enterprise-attack\ntechniques: [${IDS.join(', ')}]\n`);
  const removed = '; removed (Navigator would not show it)';

  it('validate --attack-release 14.1: names 18.1 and the technique there; still an error (code and severity as before)', async () => {
    const result = await runCli(['validate', file, '--attack-release', '14.1', '--json']);
    expect(result.code).to.equal(1);
    const findings = (JSON.parse(result.stdout) as { findings: { severity: string; code: string; path: string; message: string }[] }[])[0]!.findings;
    const unknown = findings.filter((finding) => finding.code === 'unknown-technique');
    const dropped = ', or remove the entry (Navigator drops it silently)';
    const at = (n: number) => `${file}: /techniques/${n}: `;
    expect(unknown.map((finding) => [finding.severity, finding.path, finding.message])).to.deep.equal([
      ['error', '/techniques/0', `${at(0)}${T1677('validate the layer with --attack-release 18.1')}${dropped}`],
      ['error', '/techniques/1', `${at(1)}${T1059_012('validate the layer with --attack-release 18.1')}${dropped}`],
      ['error', '/techniques/2', `${at(2)}${T1685(CLI_FETCH, 'validate the layer with it')}${dropped}`],
      ['error', '/techniques/3', `${at(3)}${T9001(CLI_ATTACK, 'holds it')}${dropped}`],
    ]);
  });

  it("validateLayer with release '14.1' says the same in the library's words", () => {
    const findings = validateLayer(layer, { attackFor: attackFor(attackLibrary()), release: '14.1', file: 'sigma.json' });
    const unknown = findings.filter((finding) => finding.code === 'unknown-technique').map((finding) => finding.message);
    const dropped = ', or remove the entry (Navigator drops it silently)';
    expect(unknown[0]).to.equal(`sigma.json: /techniques/0: ${T1677("validate the layer with release: '18.1'")}${dropped}`);
    expect(unknown[2]).to.equal(`sigma.json: /techniques/2: ${T1685(LIB_FETCH, 'validate the layer with it')}${dropped}`);
    expect(unknown[3]).to.equal(`sigma.json: /techniques/3: ${T9001(LIB_ATTACK, 'holds it')}${dropped}`);
  });

  it('upgrade --to 14.1 and combine --attack-release 14.1: remove each, saying where it is', async () => {
    const upgraded = await runCli(['upgrade', file, '--to', '14.1', '--out', join(dir, 'upgraded.json')]);
    expect(upgraded.code).to.equal(0);
    expect(upgraded.stderr).to.contain(`/techniques/0: ${T1677('upgrade the layer to it (--to 18.1)')}${removed}`);
    expect(upgraded.stderr).to.contain(`/techniques/1: ${T1059_012('upgrade the layer to it (--to 18.1)')}${removed}`);
    expect(upgraded.stderr).to.contain(`/techniques/2: ${T1685(CLI_FETCH, 'upgrade the layer to it')}${removed}`);
    expect(upgraded.stderr).to.contain(`/techniques/3: ${T9001(CLI_ATTACK, 'keeps it')}${removed}`);
    const combined = await runCli(['combine', file, file, '--op', 'max', '--attack-release', '14.1', '--out', join(dir, 'combined.json')]);
    expect(combined.code).to.equal(0);
    expect(combined.stderr).to.contain(`/techniques/0: ${T1677('upgrade the layer to it (--to 18.1)')}${removed}`);
  });

  it("upgradeLayer to 14.1 says the same in the library's words", () => {
    const { report } = upgradeLayer(layer, loadRelease('14.1'));
    const notes = (id: string) => report.techniques.find((row) => row.techniqueID === id)?.notes[0];
    expect(notes('T1677')).to.equal(`${T1677("upgrade the layer to it (to: '18.1')")}${removed}`);
    expect(notes('T1685')).to.equal(`${T1685(LIB_FETCH, 'upgrade the layer to it')}${removed}`);
    expect(notes('T9001')).to.equal(`${T9001(LIB_ATTACK, 'keeps it')}${removed}`);
  });

  it('normalize --attack-release 14.1: each reference\'s note says it as validate does', async () => {
    const result = await runCli(['normalize', campaignFile, '--attack-release', '14.1', '--json']);
    const [campaign] = JSON.parse(result.stdout) as { references: { raw: string; status: string; note: string }[] }[];
    expect(campaign!.references.map((reference) => [reference.raw, reference.status, reference.note])).to.deep.equal([
      ['T1677', 'unknown', T1677('use --attack-release 18.1')],
      ['T1059.012', 'unknown', T1059_012('use --attack-release 18.1')],
      ['T1685', 'unknown', T1685(CLI_FETCH, 'use it')],
      ['T9001', 'unknown', T9001(CLI_ATTACK, 'holds it')],
    ]);
  });

  it("normalizeCampaign in 14.1 says it in the library's words: the AttackIndex of 18.1 to pass", () => {
    const campaign = readCampaign(campaignFile);
    const { references } = normalizeCampaign(campaign, campaignReleases(campaign, attackLibrary(), '14.1'));
    expect(references.map((reference) => reference.note)).to.deep.equal([
      T1677("use an AttackIndex of release 18.1 as target: `loadAttack({ release: '18.1' })`"),
      T1059_012("use an AttackIndex of release 18.1 as target: `loadAttack({ release: '18.1' })`"),
      T1685(LIB_FETCH, 'use it'),
      T9001(LIB_ATTACK, 'holds it'),
    ]);
  });

  it('technique --attack-release 14.1: names the release at hand and the command that shows it', async () => {
    const result = await runCli(['technique', ...IDS, '--attack-release', '14.1']);
    expect(result.code).to.equal(1);
    expect(result.stderr.split('\n').slice(0, 4)).to.deep.equal([
      `attack-layers technique: ${T1677('look it up with `attack-layers technique T1677 --attack-release 18.1`')}`,
      `attack-layers technique: ${T1059_012('look it up with `attack-layers technique T1059.012 --attack-release 18.1`')}`,
      `attack-layers technique: ${T1685(CLI_FETCH, 'look it up in it')}`,
      `attack-layers technique: ${T9001(CLI_ATTACK, 'holds it')}`,
    ]);
  });

  it('technique in 18.1, the newest: T1685 a newer release\'s to fetch, T9001 a team\'s, as validate says them', async () => {
    const result = await runCli(['technique', 'T1685', 'T9001']);
    expect(result.stderr.split('\n').slice(0, 2)).to.deep.equal([
      "attack-layers technique: T1685 is not a technique in enterprise-attack 18.1: its number is past 18.1's newest technique (T1681), as a newer ATT&CK " +
        `release's IDs are: get that release with \`${CLI_FETCH}\` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) and look it up in it`,
      "attack-layers technique: T9001 is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques " +
        "(no newer ATT&CK release will have it), and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK " +
        `Workbench export) as the 18.1 release (\`${CLI_ATTACK}\`), which holds it; else fix the ID`,
    ]);
  });
});

// Looking for a newer release at hand loads none older: validating a layer of 18.1 with an ID it lacks loaded 17.1's
// index (a cold load, about 0.3 s, the first time) only to find it older, and listed and sorted the release files again
// for each such ID (a generated layer of 200,000 entries took 2.5 times as long to validate).
describe('the releases at hand newer than one', () => {
  it('are read without the older ones', () => {
    const library = attackLibrary();
    const newer = [...library.history('enterprise-attack', '14.1', { newerOnly: true })].map((index) => index.release);
    expect(newer).to.include('18.1');
    expect(newer.filter((release) => Number(release.split('.')[0]) <= 14)).to.deep.equal([]);
    expect([...library.history('enterprise-attack', '18.1', { newerOnly: true })]).to.deep.equal([]);
  });
});

// T1677.001 in 14.1, with 18.1 at hand: no release has it, but 18.1 has T1677 (Poisoned Pipeline Execution), which 14.1
// lacks, with no sub-technique. It was told "check the ID, or fetch a newer release" (technique), "fix the ID"
// (validate), "if it comes from a newer ATT&CK release, get it" (normalize), as if 18.1 were not at hand.
describe('a sub-technique ID of a technique only a newer release at hand has (T1677.001 in 14.1): every command names that technique there', function () {
  this.timeout(180_000);
  const dir = freshTmpDir('unknown-subtechnique-in-older-release');
  const file = join(dir, 'layer.json');
  writeFileSync(file, `${JSON.stringify({ ...layer, techniques: [{ techniqueID: 'T1677.001', score: 1 }] }, null, 2)}\n`);
  const campaignFile = join(dir, 'campaign.yaml');
  writeFileSync(campaignFile, 'name: pipeline\ndomain: enterprise-attack\ntechniques: [T1677.001]\n');
  const said = (does: string) =>
    'T1677.001 is not a technique in enterprise-attack 14.1 nor in a newer release at hand: the technique it is a sub-technique of, T1677 Poisoned Pipeline ' +
    `Execution, is in enterprise-attack 18.1, with no sub-technique there: fix the ID, or for T1677 itself, ${does}`;

  it('technique: with the command that shows T1677', async () => {
    const result = await runCli(['technique', 'T1677.001', '--attack-release', '14.1']);
    expect([result.code, result.stderr.trim()]).to.deep.equal([1, `attack-layers technique: ${said('look it up with `attack-layers technique T1677 --attack-release 18.1`')}`]);
  });

  it('validate and normalize: as they say T1677', async () => {
    const validated = await runCli(['validate', file, '--attack-release', '14.1', '--json']);
    const findings = (JSON.parse(validated.stdout) as { findings: { code: string; message: string }[] }[])[0]!.findings;
    expect(findings.filter((finding) => finding.code === 'unknown-technique').map((finding) => finding.message)).to.deep.equal([
      `${file}: /techniques/0: ${said('validate the layer with --attack-release 18.1')}, or remove the entry (Navigator drops it silently)`,
    ]);
    const normalized = await runCli(['normalize', campaignFile, '--attack-release', '14.1', '--json']);
    const [campaign] = JSON.parse(normalized.stdout) as { references: { status: string; note: string }[] }[];
    expect(campaign!.references.map((reference) => [reference.status, reference.note])).to.deep.equal([['unknown', said('use --attack-release 18.1')]]);
  });
});
