/**
 * Sigma rules tagged with technique IDs the review's ATT&CK release does not have. Two real SigmaHQ rules of
 * ../shared/sigma (the August 2026 snapshot, SigmaHQ/sigma, Detection Rule License 1.1), copied into a test folder at
 * run time, never committed:
 *   rules/linux/process_creation/proc_creation_lnx_systemctl_mask_power_settings.yml  attack.t1653 (Power Settings, ATT&CK 13)
 *   rules/windows/builtin/security/win_security_audit_log_cleared.yml                  attack.t1685.005 (ATT&CK 19, its only technique)
 *   rules/windows/registry/registry_set/registry_set_amsi_disable.yml                  attack.t1685 (Sysmon registry events)
 * In a 12.1 review, T1653 is known to 18.1 at hand: the report must name that release and its --attack-release;
 * T1685.005 is in no release at hand: the report must say to fetch the newer release, as unknownTechniqueText says it. Each is told per rule file
 * and tag line, not by the rule's first line.
 * The gap those IDs may hold says so on its row: SigmaHQ moved win_security_audit_log_cleared.yml from T1070.001 to
 * ATT&CK 19's T1685.005 under attack.defense-impairment, so an 18.1 review showed T1070.001 Clear Windows Event Logs
 * "not covered" with nothing on its row to say that a rule tagged for the newer release may detect it.
 */
import { expect } from 'chai';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';
import { schemaIssues } from '../../lib/schemas.js';
import { gapJson, loadAttack, readCoverageInputs, resolveCoverage, reviewGaps, type GapRow } from '../../lib/index.js';

const SIGMA = resolve(repoRoot, '../shared/sigma/rules');
const POWER = 'linux/process_creation/proc_creation_lnx_systemctl_mask_power_settings.yml';
const CLEARED = 'windows/builtin/security/win_security_audit_log_cleared.yml';

/** The 1-based line of a tag in a rule file, found by reading the file, not through lib/. */
/** The line and column of a tag in its file (`16:7`), as places name a tag. */
function tagLine(file: string, tag: string): string {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.trim() === `- ${tag}`);
  return `${at + 1}:${lines[at]!.indexOf(tag) + 1}`;
}

interface Report {
  unresolved: { raw: string; status: string; note: string; places: string[] }[];
  notes: string[];
}

describe('regressions: Sigma tags of technique IDs newer than the release reviewed (real SigmaHQ rules)', function () {
  this.timeout(60_000);
  let rules: string;
  let power: string;
  let cleared: string;

  before(function () {
    if (!existsSync(SIGMA)) this.skip();
    rules = freshTmpDir('newer-tags');
    power = join(rules, 'power.yml');
    cleared = join(rules, 'cleared.yml');
    copyFileSync(join(SIGMA, POWER), power);
    copyFileSync(join(SIGMA, CLEARED), cleared);
  });

  async function review(release: string): Promise<{ report: Report; stderr: string; out: string }> {
    const out = join(freshTmpDir('newer-tags-review'), 'review');
    const run = await runCli(['gap', '--attack-release', release, '--threat', 'campaigns/apt32-covid19-wuhan.yaml', '--coverage', rules, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    return { report: JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as Report, stderr: run.stderr, out };
  }

  it('says of attack.t1653 in a 12.1 review that 18.1 at hand has it (Power Settings), with the option to count it', async () => {
    const { report } = await review('12.1');
    const t1653 = report.unresolved.find((u) => u.raw === 'attack.t1653');
    expect(t1653?.places).to.deep.equal([`${power}:${tagLine(power, 'attack.t1653')}`]);
    expect(t1653?.note).to.equal(
      'T1653 is not a technique in enterprise-attack 12.1; it is T1653 Power Settings in enterprise-attack 18.1, a newer release at hand: ' +
        'review with --attack-release 18.1 to count it',
    );
  });

  it('says of attack.t1685.005 that no release at hand has it, and how to fetch and review in the newer one', async () => {
    const { report } = await review('12.1');
    const tag = report.unresolved.find((u) => u.raw === 'attack.t1685.005');
    expect(tag?.places).to.deep.equal([`${cleared}:${tagLine(cleared, 'attack.t1685.005')}`]);
    // As validate and normalize say it: past 18.1's newest (T1681), the release at hand, not 12.1's, as gap said it.
    expect(tag?.note).to.contain("T1685.005 is not a technique in enterprise-attack 12.1 nor in enterprise-attack 18.1, the newest release at hand: its number is past 18.1's newest technique (T1681)");
    expect(tag?.note).to.contain('`attack-layers data fetch --attack-release N`');
    expect(tag?.note).to.contain('`--attack-release N`');
  });

  it("sums the rules up in one note on stderr and in the report, first place at the tag's line, with advice per release", async () => {
    const { report, stderr } = await review('12.1');
    const note = report.notes.find((n) => n.includes('tag technique IDs newer than'));
    // The folder is read in path order: cleared.yml before power.yml.
    expect(note).to.contain(`2 rules tag technique IDs newer than ATT&CK enterprise-attack 12.1 has (T1653, T1685.005; first at ${cleared}:${tagLine(cleared, 'attack.t1685.005')})`);
    expect(note).to.contain('each with no other technique, counting for nothing here');
    // Each ID said as unknownTechniqueText says it of one (the tag's own note), grouped by what it is and the release:
    // the note said "T1653 is in ATT&CK enterprise-attack 18.1, at hand" and "T1685.005 is in no release at hand: get
    // the ATT&CK release that has it with …", in words and a fetch phrase of its own.
    expect(note).to.contain('T1653 Power Settings is in enterprise-attack 18.1, a newer release at hand: review with --attack-release 18.1 to count it');
    const own = report.unresolved.find((u) => u.raw === 'attack.t1685.005')!.note;
    expect(own).to.match(/: its number is past 18\.1's newest technique/);
    expect(note).to.contain(`T1685.005 is numbered ${own.slice(own.indexOf('past 18.1'))}`);
    expect(stderr).to.contain(note);
  });

  it('counts attack.t1653 once reviewed in 18.1, as the note says, and still lists attack.t1685.005', async () => {
    const { report, out } = await review('18.1');
    // Technique tags only: the rules' tactic tags (ATT&CK 19's attack.defense-impairment) are listed too.
    expect(report.unresolved.map((u) => u.raw).filter((raw) => /^attack\.t\d/.test(raw))).to.deep.equal(['attack.t1685.005']);
    const coverage = JSON.parse(readFileSync(join(out, 'coverage.layer.json'), 'utf8')) as { techniques: { techniqueID: string }[] };
    expect(coverage.techniques.map((t) => t.techniqueID)).to.include('T1653');
    const note = report.notes.find((n) => n.includes('tag technique IDs newer than'));
    expect(note).to.contain('1 rule tag technique IDs newer than ATT&CK enterprise-attack 18.1 has (T1685.005; first at');
    expect(note).not.to.contain('at hand: review with');
  });

  // The same ID written in the threat: a campaign's reference and a threat layer's entry (T1653, as a 2023 report on a
  // Linux botnet masking systemd's sleep targets would map it) were told "if it comes from a newer ATT&CK release, get it
  // with `attack-layers data fetch`" for the campaign, though 18.1 at hand has it; now both name 18.1, as a tag does.
  it('says of T1653 in a campaign and in a threat layer, in a 12.1 review, that 18.1 at hand has it', async () => {
    const dir = freshTmpDir('newer-threat');
    const campaign = join(dir, 'power.yaml');
    writeFileSync(campaign, 'name: power settings\ntechniques:\n  - Power Settings (T1653)\n  - T1059.004\n');
    const layer = join(dir, 'power.layer.json');
    writeFileSync(layer, JSON.stringify({ name: 'power', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1653', score: 1 }] }));
    const out = join(dir, 'review');
    const run = await runCli(['gap', '--attack-release', '12.1', '--threat', campaign, layer, '--coverage', rules, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as Report;
    const advice = 'T1653 is not a technique in enterprise-attack 12.1; it is T1653 Power Settings in enterprise-attack 18.1, a newer release at hand: review with --attack-release 18.1 to count it';
    const threat = report.unresolved.filter((u) => u.places.some((place) => place.startsWith(campaign) || place.startsWith(layer)));
    expect(threat.map((u) => [u.raw, u.note])).to.deep.equal([
      ['Power Settings (T1653)', advice],
      ['T1653', advice],
    ]);
  });

  /** A campaign of T1070.001 (Defense Evasion in 18.1), T1059.001 (Execution) and T1070.002 (Linux, macOS only). */
  function threatCampaign(): string {
    const campaign = join(freshTmpDir('newer-row'), 'wipe.yaml');
    writeFileSync(campaign, 'name: log wiper\nplatforms: [Windows, Linux]\ntechniques:\n  - T1070.001\n  - T1059.001\n  - T1070.002\n');
    return campaign;
  }

  it('says on the row of a Defense Evasion gap that a rule under attack.defense-impairment tags T1685.005, and to review in the newer release', async () => {
    const out = join(freshTmpDir('newer-row-review'), 'review');
    const run = await runCli(['gap', '--attack-release', '18.1', '--threat', threatCampaign(), '--coverage', cleared, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { rows: GapRow[] };
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    const row = (id: string) => report.rows.find((r) => r.id === id);
    expect(row('T1070.001')?.status).to.equal('none');
    const { note, ...facts } = row('T1070.001')!.newerTags!;
    expect(facts).to.deep.equal({ rules: 1, ids: ['T1685.005'], tags: ['attack.defense-impairment'], byId: [{ id: 'T1685.005', rules: 1, names: ['Security Eventlog Cleared'] }] });
    expect(note).to.equal(
      "1 rule on its platforms tagged attack.defense-impairment (ATT&CK 19's, split off Defense Evasion) tags technique IDs ATT&CK enterprise-attack 18.1 does not know (T1685.005): " +
        "it counts for nothing here, and detects this technique if the newer release moved it to those IDs; T1685.005 is numbered past 18.1's newest technique (T1681), " +
        "as a newer ATT&CK release's IDs are: get that release with `attack-layers data fetch --attack-release N` (N its number: 19 for the IDs SigmaHQ tags since ATT&CK 19) " +
        'and review with `--attack-release N` to count it',
    );
    // Execution is no tactic of the rule's tags; T1070.002 is for Linux and macOS, the rule for Windows.
    expect(row('T1059.001')?.newerTags).to.equal(undefined);
    expect(row('T1070.002')?.newerTags).to.equal(undefined);
  });

  // As a detection engineer reads the pointer: every Defense Evasion gap of an 18.1 review of SigmaHQ's rules said
  // "214 rules tagged for a newer ATT&CK release … may detect it", T1656 Impersonation as T1562.001. Of them, those that
  // read a log the technique's ATT&CK analytics read come first: T1070.001's analytics read Security's 1102 and Sysmon's
  // 1 and 23, so the cleared-log rule (service: security) does and registry_set_amsi_disable.yml (attack.t1685, Sysmon
  // 13) does not; both stay counted, as ATT&CK's analytics are not every way to see a technique.
  it("says, of the rules on a gap's row, those that read a log its ATT&CK analytics read, to look at first", async () => {
    const dir = freshTmpDir('newer-row-logs');
    copyFileSync(cleared, join(dir, 'cleared.yml'));
    copyFileSync(join(SIGMA, 'windows/registry/registry_set/registry_set_amsi_disable.yml'), join(dir, 'amsi.yml'));
    const out = join(freshTmpDir('newer-row-logs-review'), 'review');
    const run = await runCli(['gap', '--attack-release', '18.1', '--threat', threatCampaign(), '--coverage', dir, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { rows: GapRow[] };
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    const { note, ...facts } = report.rows.find((r) => r.id === 'T1070.001')!.newerTags!;
    expect(facts).to.deep.equal({
      rules: 2,
      readingLogs: 1,
      ids: ['T1685', 'T1685.005'],
      tags: ['attack.defense-impairment'],
      byId: [
        { id: 'T1685', rules: 1, names: ['AMSI Disabled via Registry Modification'] },
        { id: 'T1685.005', rules: 1, names: ['Security Eventlog Cleared'] },
      ],
    });
    expect(note).to.contain(`(T1685, T1685.005): they count for nothing here, and detect this technique if the newer release moved it to those IDs; of them, 1 read a log its ATT&CK analytics read, to look at first (${join(dir, 'cleared.yml')}:${tagLine(join(dir, 'cleared.yml'), 'attack.t1685.005')}); `);
    const markdown = join(freshTmpDir('newer-row-logs-md'), 'review');
    expect((await runCli(['gap', '--attack-release', '18.1', '--threat', threatCampaign(), '--coverage', dir, '--out', markdown])).code).to.equal(0);
    expect(readFileSync(join(markdown, 'gap-report.md'), 'utf8')).to.contain('| 2 | T1070.001 | Clear Windows Event Logs | 2 | 1 | T1685, T1685.005 |');
  });

  // As a detection engineer read an 18.1 review of APT29 (attack-object APT29) against SigmaHQ's rules: each of its four
  // Defense Evasion gaps, HTML Smuggling and Software Packing as Disable or Modify Cloud Logs, said in its table cell
  // and block "196 rules tagged for a newer ATT&CK release (…) may detect it", the same pointer every time. The rules are
  // placed by tactic only: the gaps they may hold are named once, in one table with the counts; the gap blocks say
  // nothing of them, the gaps table one line under it pointing to that table.
  it('names the gaps in one Markdown table, not in the gaps table or the gap blocks, and the CSV newer_tags column', async () => {
    const out = join(freshTmpDir('newer-row-md'), 'review');
    const campaign = threatCampaign();
    expect((await runCli(['gap', '--attack-release', '18.1', '--threat', campaign, '--coverage', cleared, '--out', out])).code).to.equal(0);
    const markdown = readFileSync(join(out, 'gap-report.md'), 'utf8');
    expect(markdown).to.match(/\| T1070\.001 \| Clear Windows Event Logs \|.*\| none \| 1 \|\n/);
    expect(markdown).not.to.contain('Tagged for a newer release');
    // The gaps table points to the section once, under the table: a reader of the ranking learns the section is there.
    const pointer = 'Rules tagged for a newer ATT&CK release, which count for nothing here, may hold gap #2: see "Gaps rules tagged for a newer ATT&CK release may hold" below.';
    expect(markdown.split(pointer)).to.have.length(2);
    expect(markdown.indexOf(pointer)).to.be.within(markdown.indexOf('## Gaps, highest priority first'), markdown.indexOf('## Gaps rules tagged for a newer ATT&CK release may hold'));
    const section = markdown.slice(markdown.indexOf('## Gaps rules tagged for a newer ATT&CK release may hold'));
    expect(section.slice(0, section.indexOf('\n## ', 4))).to.contain(
      '| # | Technique | Name | Rules under its tactics | Reading a log its ATT&CK analytics read | IDs they tag |\n|---:|---|---|---:|---:|---|\n' +
        '| 2 | T1070.001 | Clear Windows Event Logs | 1 |  | T1685.005 |\n',
    );
    expect(markdown.split('## Gaps rules tagged for a newer ATT&CK release may hold')).to.have.length(2);
    // What T1685.005 is about, which the ID of a release not at hand does not say: its rule's title.
    expect(section).to.contain('| ID | Rules | First rules |\n|---|---:|---|\n| T1685.005 | 1 | Security Eventlog Cleared |\n');
    const csvOut = join(freshTmpDir('newer-row-csv'), 'review');
    expect((await runCli(['gap', '--attack-release', '18.1', '--threat', campaign, '--coverage', cleared, '--out', csvOut, '--report', 'csv'])).code).to.equal(0);
    const [header, ...lines] = readFileSync(join(csvOut, 'gap-report.csv'), 'utf8').split('\r\n');
    const column = header!.split(',').indexOf('newer_tags');
    expect(column).to.be.greaterThan(0);
    const t1070 = lines.find((line) => line.includes(',T1070.001,'))!.split(',');
    expect(t1070[column]).to.equal('T1685.005');
  });

  // A team's own technique, T9001 (README's Badge Cloning), in a threat campaign and a detections file, reviewed with
  // MITRE's data alone: the report said of the rule's "past enterprise-attack 18.1's newest technique, as a newer ATT&CK
  // release's IDs are: get that release … (19 for the IDs SigmaHQ tags since ATT&CK 19)", and of the campaign's "if it
  // comes from a newer ATT&CK release, get it", and counted the rule among those tagged for a newer release. MITRE's
  // newest are T16xx (18.1's T1681, 19's T1690 in SigmaHQ's tags); T9001 is a team's numbering, said as upgrade and
  // combine say a team's technique the data lacks. A newer release's T1685.005 (the cleared-log rule) stays one.
  it("says of a team's T9001 in the threat and the coverage that it is the team's own, not a newer release's", async () => {
    const dir = freshTmpDir('team-numbered');
    const campaign = join(dir, 'team.yaml');
    writeFileSync(campaign, 'name: badge cloning drill\nplatforms: [Windows]\ntechniques:\n  - T9001\n  - T1070.001\n');
    const detections = join(dir, 'detections.csv');
    writeFileSync(detections, 'name,technique,coverage\nbadge reader anomaly,T9001,100\nrfid replay,T9001.001,80\n');
    const out = join(dir, 'review');
    const run = await runCli(['gap', '--attack-release', '18.1', '--threat', campaign, '--coverage', detections, cleared, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as Report;
    const team = (id: string) =>
      `${id} is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK release will have it), ` +
      "and enterprise-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) as the 18.1 release (`--attack <file|folder>`), which counts it; else fix the ID";
    const notes = Object.fromEntries(report.unresolved.map((u) => [u.raw, u]));
    expect(notes['T9001']?.note).to.equal(team('T9001'));
    expect(notes['T9001']?.places).to.deep.equal([`${detections}:2`, `${campaign}:4`]);
    expect(notes['T9001.001']?.note).to.equal(team('T9001.001'));
    expect(notes['attack.t1685.005']?.note).to.contain('as a newer ATT&CK release');
    const newer = report.notes.filter((n) => n.includes('tag technique IDs newer than'));
    expect(newer).to.have.length(1);
    expect(newer[0]).to.contain('1 rule tag technique IDs newer than ATT&CK enterprise-attack 18.1 has (T1685.005;');
  });

  it("names the library's functions, not the CLI's flags, in a library review's row", () => {
    const target = loadAttack({ attack: process.env.ATTACK_STIX_DIR, release: '18.1' });
    const coverage = resolveCoverage(readCoverageInputs([cleared]), target);
    const review = reviewGaps(
      [{ name: 'wipe', kind: 'campaign', techniques: [{ id: 'T1070.001' as GapRow['id'], weight: 1, tactics: [] }], platforms: ['Windows'] }],
      coverage,
      target,
      { minCoverage: 0.5 },
    );
    const note = gapJson(review).rows[0]?.newerTags?.note;
    expect(note).to.contain("get that release with `fetchRelease({ version: 'N' })`");
    expect(note).to.contain("review with an AttackIndex of release N as target: `loadAttack({ release: 'N' })`");
  });
});
