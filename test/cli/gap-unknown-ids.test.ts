/**
 * `gap` says a threat's or a rule's technique ID the release lacks as validate and normalize say it (unknownTechniqueText),
 * with its own advice (review with the release, to count it): worked in ATT&CK 14.1 with 18.1 at hand. The rule is our
 * own, minimal, in the shape of a SigmaHQ rule (SigmaHQ/sigma, rules/…: title, logsource, detection, `tags: attack.tNNNN`);
 * the layer in the shape of SigmaHQ's coverage layer (other/sigma_attack_nav_coverage.json: ID and score).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

type Report = { unresolved: { raw: string; note: string }[]; notes: string[]; library?: { tags?: { tag: string; why: string }[] } };

describe('gap: an ID the release lacks, said as validate and normalize say it (14.1, 18.1 at hand)', function () {
  this.timeout(180_000);
  const dir = freshTmpDir('gap-unknown-ids');
  const rules = join(dir, 'rules');
  mkdirSync(rules);
  writeFileSync(
    join(rules, 'pipeline.yml'),
    [
      'title: Pipeline Definition Changed By Pull Request',
      'id: 9c1b7d2e-4a1f-4b8e-9f55-0a1b2c3d4e5f',
      'status: experimental',
      'tags:',
      '    - attack.execution',
      '    - attack.t1677.001',
      'logsource:',
      '    product: windows',
      '    category: process_creation',
      'detection:',
      '    selection:',
      "        CommandLine|contains: 'pipeline'",
      '    condition: selection',
      'level: medium',
      '',
    ].join('\n'),
  );
  const layer = join(dir, 'threat.json');
  writeFileSync(layer, JSON.stringify({ name: 'threat', domain: 'enterprise-attack', versions: { attack: '14', navigator: '5.1.0', layer: '4.5' }, techniques: ['T1677', 'T1677.001', 'T1059'].map((techniqueID) => ({ techniqueID, score: 1 })) }));

  const review = async (...extra: string[]): Promise<Report> => {
    const out = join(freshTmpDir('gap-unknown-ids-out'), 'review');
    const run = await runCli(['gap', '--attack-release', '14.1', '--threat', layer, ...extra, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    return JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as Report;
  };

  it('a threat layer\'s entries and a rule\'s tag: the sentence validate writes, advising the review', async () => {
    const validated = await runCli(['validate', layer, '--attack-release', '14.1', '--json']);
    const said = (JSON.parse(validated.stdout) as { findings: { code: string; message: string }[] }[])[0]!.findings
      .filter((finding) => finding.code === 'unknown-technique')
      .map((finding) => finding.message.replace(`${layer}: `, '').replace(/^\/techniques\/\d+: /, '').replace('validate the layer with --attack-release 18.1, or remove the entry (Navigator drops it silently)', 'review with --attack-release 18.1 to count it'));
    expect(said).to.have.length(2);
    const report = await review('--coverage', rules);
    const note = (raw: string) => report.unresolved.filter((ref) => ref.raw === raw).map((ref) => ref.note);
    expect(note('T1677')).to.deep.equal([said[0]]);
    expect(note('T1677.001')).to.deep.equal([said[1]]);
    expect(note('attack.t1677.001')).to.deep.equal([said[1]]);
    expect(said[1]).to.equal(
      'T1677.001 is not a technique in enterprise-attack 14.1 nor in a newer release at hand: the technique it is a sub-technique of, T1677 Poisoned Pipeline ' +
        'Execution, is in enterprise-attack 18.1, with no sub-technique there: fix the ID, or for T1677 itself, review with --attack-release 18.1 to count it',
    );
  });

  // The note on the rules tagging IDs past 14.1's newest said "T1677.001 is in no release at hand: get the ATT&CK release
  // that has it with `attack-layers data fetch --attack-release N`", though 18.1 at hand has T1677.
  it('the note on the rules tagging IDs past the release\'s newest: the same finding, the technique named in 18.1', async () => {
    const report = await review('--coverage', rules);
    const note = report.notes.find((text) => text.includes('tag technique IDs newer than'));
    expect(note).to.match(
      /: T1677\.001 is a sub-technique no release at hand has, of T1677 Poisoned Pipeline Execution, a technique of enterprise-attack 18\.1: fix the ID, or for T1677 itself, review with --attack-release 18\.1 to count it$/,
    );
  });

  it('a rules library\'s tag: the short form of the same finding', async () => {
    const report = await review('--coverage', rules, '--rules-library', rules);
    expect(report.library?.tags?.find((tag) => tag.tag === 'attack.t1677.001')?.why).to.equal(
      'a sub-technique no release at hand has, of T1677 Poisoned Pipeline Execution, an ATT&CK 18.1 technique not in 14.1: fix the ID, or for T1677 itself, review with --attack-release 18.1 to count it',
    );
  });
});

/**
 * In an ICS review, gap said a team's T9001 as a team's through its own lookup, where validate said "fix the ID", and
 * called SigmaHQ's enterprise `attack.t1685` (an ATT&CK 19 ID) a team's too. ICS numbers T0800 to T0895, enterprise and
 * mobile T1001 to T1681: T9001 is no domain's numbering, far past ICS's newest (a team's, as beside enterprise); T1685 is
 * enterprise's. Both commands now read them through unknownTechniqueFinding. The rule is SigmaHQ's
 * rules-threat-hunting/linux/process_creation/proc_creation_lnx_susp_process_termination_via_kill.yml, cut to its tags
 * and detection, with a tag of our own (attack.t9001) beside its attack.t1685.
 */
describe('gap in ICS: a team\'s number (T9001) said as validate says it; an enterprise ID (T1685) no team\'s', function () {
  this.timeout(180_000);
  const dir = freshTmpDir('gap-unknown-ids-ics');
  const rules = join(dir, 'rules');
  mkdirSync(rules);
  writeFileSync(
    join(rules, 'kill.yml'),
    [
      'title: Terminate Linux Process Via Kill',
      'id: 64c41342-6b27-523b-5d3f-c265f3efcdb3',
      'status: test',
      'tags:',
      '    - attack.defense-impairment',
      '    - attack.t1685',
      '    - attack.t9001',
      'logsource:',
      '    product: linux',
      '    category: process_creation',
      'detection:',
      '    selection:',
      "        Image|endswith: '/kill'",
      '    condition: selection',
      'level: medium',
      '',
    ].join('\n'),
  );
  const layer = join(dir, 'threat.json');
  writeFileSync(layer, JSON.stringify({ name: 'threat', domain: 'ics-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques: ['T0800', 'T9001'].map((techniqueID) => ({ techniqueID, score: 1 })) }));

  it('T9001: the sentence validate writes, with the review\'s advice; attack.t1685 is not called a team\'s', async () => {
    const validated = await runCli(['validate', layer, '--domain', 'ics', '--json']);
    const said = (JSON.parse(validated.stdout) as { findings: { code: string; message: string }[] }[])[0]!.findings
      .filter((finding) => finding.code === 'unknown-technique')
      .map((finding) => finding.message.replace(`${layer}: /techniques/1: `, '').replace(', or remove the entry (Navigator drops it silently)', '').replace('which holds it', 'which counts it'));
    expect(said).to.deep.equal([
      "T9001 is numbered far past T0895 of ics-attack 18.1, MITRE's newest technique, as a team numbers its own techniques (no newer ATT&CK release will have it), " +
        "and ics-attack 18.1 does not hold it: give the team's ATT&CK data built on 18.1 (its ATT&CK Workbench export) as the 18.1 release (`--attack <file|folder>`), which counts it; else fix the ID",
    ]);
    const out = join(freshTmpDir('gap-unknown-ids-ics-out'), 'review');
    const run = await runCli(['gap', '--domain', 'ics', '--threat', layer, '--coverage', rules, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as Report;
    const note = (raw: string) => report.unresolved.filter((ref) => ref.raw === raw).map((ref) => ref.note);
    expect(note('T9001')).to.deep.equal(said);
    expect(note('attack.t9001')).to.deep.equal(said);
    expect(note('attack.t1685')).to.have.length(1);
    expect(note('attack.t1685')[0]).not.to.contain('team');
  });

  // attack.t1685 was told "if it comes from a newer ATT&CK release, get it with `attack-layers data fetch`", which gets
  // ICS, that will never have it; validate told a threat entry T1685 "fix the ID". Both now say whose numbering it is.
  it('attack.t1685 and a threat entry T1685: another domain\'s numbering, to review against it, as validate says it', async () => {
    const threat = join(dir, 'threat-t1685.json');
    writeFileSync(threat, JSON.stringify({ name: 'threat', domain: 'ics-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques: ['T0800', 'T1685'].map((techniqueID) => ({ techniqueID, score: 1 })) }));
    const validated = await runCli(['validate', threat, '--domain', 'ics', '--json']);
    const [finding] = (JSON.parse(validated.stdout) as { findings: { code: string; message: string }[] }[])[0]!.findings.filter((each) => each.code === 'unknown-technique');
    const whose =
      'T1685 is not a technique in ics-attack 18.1: it is numbered T1xxx, as Enterprise and Mobile techniques are, not T0xxx, as ICS techniques are, so no ' +
      'ics-attack release will have it: a technique of enterprise-attack or mobile-attack, or a typo; ';
    expect(finding?.message).to.equal(`${threat}: /techniques/1: ${whose}annotate it in a layer of enterprise-attack or mobile-attack, or remove the entry (Navigator drops it silently)`);
    const out = join(freshTmpDir('gap-unknown-ids-ics-t1685'), 'review');
    const run = await runCli(['gap', '--domain', 'ics', '--threat', threat, '--coverage', rules, '--out', out, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as Report;
    const note = (raw: string) => report.unresolved.filter((ref) => ref.raw === raw).map((ref) => ref.note);
    const review = 'left out of this review; review it against enterprise-attack or mobile-attack';
    expect(note('T1685')).to.deep.equal([`${whose}${review}`]);
    expect(note('attack.t1685')).to.deep.equal([`${whose}${review}`]);
    // Not one of a newer ICS release's IDs: no note tells to fetch one for it.
    expect(report.notes.join('\n')).not.to.match(/tag technique IDs newer than/);
  });
});
