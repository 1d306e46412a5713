/**
 * Sigma tactic tags the release reviewed does not know, said once a run on stderr and in the report's notes, with the
 * rules that carry them: SigmaHQ tags its rules for ATT&CK 19, which split Defense Evasion (TA0005) into Stealth
 * (TA0005, `attack.stealth`) and Defense Impairment (TA0112, `attack.defense-impairment`) (SigmaHQ/sigma-specification
 * pull request #211, its tag appendix's tactic list; issue #218: pySigma 1.5.0 carries those tactics). The rules are
 * real SigmaHQ rules (../shared/sigma), copied into a temporary folder at test time and edited there.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const processCreation = fileURLToPath(new URL('../../../shared/sigma/rules/windows/process_creation', import.meta.url));

/** The line and column of a tag in a rule's text (`9:7`). */
function tagPlace(text: string, tag: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim() === `- ${tag}`);
  expect(at, tag).to.be.at.least(0);
  return `${at + 1}:${lines[at]!.indexOf(tag) + 1}`;
}

describe('attack-layers gap: Sigma tactic tags the release does not know (ATT&CK 19\'s attack.stealth in an 18.1 review)', () => {
  let rules: string;
  let stealthy: string[];
  let result: { code: number; stdout: string; stderr: string };
  let out: string;

  before(async () => {
    rules = join(freshTmpDir('gap-unknown-tactics'), 'rules');
    mkdirSync(rules);
    // The first four rules SigmaHQ tags attack.stealth beside a technique (the AddinUtil rules, attack.t1218).
    stealthy = readdirSync(processCreation)
      .filter((name) => name.endsWith('.yml') && /^ {4}- attack\.stealth$/m.test(readFileSync(join(processCreation, name), 'utf8')))
      .sort()
      .slice(0, 4);
    expect(stealthy).to.have.length(4);
    for (const name of stealthy) copyFileSync(join(processCreation, name), join(rules, name));
    // Tags that are valid in 18.1, as SigmaHQ and older rules write them: none of them is said.
    const whoami = readFileSync(join(processCreation, 'proc_creation_win_whoami_groups_discovery.yml'), 'utf8');
    writeFileSync(
      join(rules, 'valid_tags.yml'),
      whoami.replace(
        '    - attack.discovery\n',
        '    - attack.discovery\n    - attack.defense_evasion\n    - attack.defense-evasion\n    - attack.command-and-control\n    - attack.credential_access\n    - attack.g0007\n    - attack.s0002\n    - attack.t1059\n',
      ),
    );
    // A misspelt tactic: no release will make it one.
    writeFileSync(join(rules, 'typo_tactic.yml'), whoami.replace('    - attack.discovery\n', '    - attack.discovry\n').replace(/^id: .*$/m, 'id: 00000000-0000-4000-8000-000000000001'));
    out = freshTmpDir('gap-unknown-tactics-out');
    result = await runCli(['gap', '--threat', 'campaigns', '--coverage', rules, '--out', out, '--report', 'json']);
  });

  it('says attack.stealth once, with the number of rules, the first three places and what to do; the rules still count', () => {
    expect(result.code).to.equal(0);
    const notes = result.stderr.split('\n').filter((line) => line.startsWith('tactic tag attack.stealth'));
    const places = stealthy.slice(0, 3).map((name) => `${join(rules, name)}:${tagPlace(readFileSync(join(rules, name), 'utf8'), 'attack.stealth')}`);
    expect(notes).to.deep.equal([
      `tactic tag attack.stealth, on 4 rules (${places.join(', ')} and 1 more): "stealth" is not a tactic of ATT&CK enterprise-attack 18.1; ` +
        'tags of a newer release (ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) need that release: `attack-layers data fetch --attack-release 19`; ' +
        'each rule counts for its technique tags all the same',
    ]);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { notes: string[]; unresolved: { raw: string; count: number }[] };
    expect(report.notes.filter((note) => note.startsWith('tactic tag attack.stealth'))).to.deep.equal(notes);
    // Each carrier is still listed in the report's unresolved references, one row for the tag.
    expect(report.unresolved.find((group) => group.raw === 'attack.stealth')?.count).to.equal(4);
    // Not refused: the rules count for their technique tag.
    const layer = JSON.parse(readFileSync(join(out, 'coverage.layer.json'), 'utf8')) as { techniques: { techniqueID: string }[] };
    expect(layer.techniques.map((t) => t.techniqueID)).to.include('T1218');
  });

  it('says a misspelt tactic tag is no ATT&CK tactic, naming the one it is a typo of', () => {
    const notes = result.stderr.split('\n').filter((line) => line.startsWith('tactic tag attack.discovry'));
    expect(notes).to.have.length(1);
    const typo = join(rules, 'typo_tactic.yml');
    expect(notes[0]).to.contain(`on 1 rule (${typo}:${tagPlace(readFileSync(typo, 'utf8'), 'attack.discovry')})`);
    expect(notes[0]).to.contain('"discovry" is no ATT&CK tactic');
    expect(notes[0]).to.contain('the closest tactic is Discovery (TA0007)');
  });

  it('says nothing of tactic and object tags 18.1 knows, however written (attack.defense_evasion, attack.command-and-control, attack.g0007)', () => {
    const said = result.stderr.split('\n').filter((line) => line.startsWith('tactic tag '));
    expect(said.map((line) => line.split(',')[0])).to.deep.equal(['tactic tag attack.stealth', 'tactic tag attack.discovry']);
  });

  it('says a --rules-library folder\'s attack.stealth once too, as the library\'s rules, proposed all the same', async () => {
    const libraryOut = freshTmpDir('gap-unknown-tactics-library');
    const run = await runCli(['gap', '--threat', 'campaigns', '--coverage', 'test/fixtures/gap/detections.csv', '--rules-library', rules, '--out', libraryOut, '--report', 'json']);
    expect(run.code).to.equal(0);
    const notes = run.stderr.split('\n').filter((line) => line.startsWith('tactic tag attack.stealth'));
    // Named as the library names its rules: by their path in the folder given, whatever the current folder.
    const places = stealthy.slice(0, 3).map((name) => `${name}:${tagPlace(readFileSync(join(rules, name), 'utf8'), 'attack.stealth')}`);
    expect(notes).to.deep.equal([
      `tactic tag attack.stealth, on 4 rules of the rules library (${places.join(', ')} and 1 more): "stealth" is not a tactic of ATT&CK enterprise-attack 18.1; ` +
        'tags of a newer release (ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) need that release: `attack-layers data fetch --attack-release 19`; ' +
        'each rule is proposed for the gaps of its technique tags all the same',
    ]);
    const report = JSON.parse(readFileSync(join(libraryOut, 'gap-report.json'), 'utf8')) as { notes: string[] };
    expect(report.notes.filter((note) => note.startsWith('tactic tag attack.stealth'))).to.deep.equal(notes);
    // The misspelt tag of the library's typo_tactic.yml too; the library's other notes are still not said.
    expect(run.stderr.split('\n').filter((line) => line.startsWith('tactic tag ')).map((line) => line.split(' (')[0])).to.deep.equal([
      'tactic tag attack.stealth, on 4 rules of the rules library',
      'tactic tag attack.discovry, on 1 rule of the rules library',
    ]);
  });

  it('says a tag both the coverage\'s rules and the library\'s carry once, counting and placing each apart', async () => {
    // The next three SigmaHQ rules tagged attack.stealth (the AppLocker rules and such), as a library of rules not run.
    const library = join(freshTmpDir('gap-unknown-tactics-both'), 'hunting');
    mkdirSync(library);
    const more = readdirSync(processCreation)
      .filter((name) => name.endsWith('.yml') && /^ {4}- attack\.stealth$/m.test(readFileSync(join(processCreation, name), 'utf8')))
      .sort()
      .slice(4, 7);
    expect(more).to.have.length(3);
    for (const name of more) copyFileSync(join(processCreation, name), join(library, name));
    const bothOut = freshTmpDir('gap-unknown-tactics-both-out');
    const run = await runCli(['gap', '--threat', 'campaigns', '--coverage', rules, '--rules-library', library, '--out', bothOut, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const notes = run.stderr.split('\n').filter((line) => line.startsWith('tactic tag attack.stealth'));
    // Before: two notes, `… on 4 rules (…)` and `… on 3 rules of the rules library (…)`, each saying what to do.
    const first = `${join(rules, stealthy[0]!)}:${tagPlace(readFileSync(join(rules, stealthy[0]!), 'utf8'), 'attack.stealth')}`;
    const firstInLibrary = `${more[0]}:${tagPlace(readFileSync(join(library, more[0]!), 'utf8'), 'attack.stealth')}`;
    expect(notes).to.deep.equal([
      `tactic tag attack.stealth, on 4 rules (${first} and 3 more) and 3 rules of the rules library (${firstInLibrary} and 2 more): ` +
        '"stealth" is not a tactic of ATT&CK enterprise-attack 18.1; tags of a newer release (ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) ' +
        'need that release: `attack-layers data fetch --attack-release 19`; each rule counts for its technique tags all the same; each library rule is proposed for the gaps of its technique tags all the same',
    ]);
    const report = JSON.parse(readFileSync(join(bothOut, 'gap-report.json'), 'utf8')) as { notes: string[] };
    expect(report.notes.filter((note) => note.startsWith('tactic tag attack.stealth'))).to.deep.equal(notes);
    // A tag of the coverage alone keeps its own note, with its first three places.
    expect(run.stderr.split('\n').filter((line) => line.startsWith('tactic tag attack.discovry, on 1 rule ('))).to.have.length(1);
  });

  it('says of a side none of whose rules counts that their technique tags name no technique of the release', async () => {
    // SigmaHQ's AMSI registry tampering rule tags attack.defense-impairment and only ATT&CK 19's T1685: it counts for nothing in 18.1.
    const ours = join(freshTmpDir('gap-unknown-tactics-none'), 'rules');
    mkdirSync(ours);
    copyFileSync(join(processCreation, 'proc_creation_win_amsi_registry_tampering.yml'), join(ours, 'amsi.yml'));
    const library = join(freshTmpDir('gap-unknown-tactics-none-library'), 'library');
    mkdirSync(library);
    copyFileSync(join(processCreation, 'proc_creation_win_auditpol_susp_execution.yml'), join(library, 'auditpol.yml'));
    const run = await runCli(['gap', '--threat', 'campaigns', '--coverage', ours, '--rules-library', library, '--out', freshTmpDir('gap-unknown-tactics-none-out')]);
    expect(run.code, run.stderr).to.equal(0);
    const note = run.stderr.split('\n').find((line) => line.startsWith('tactic tag attack.defense-impairment'))!;
    // Before: `0 of the 1 rules count for their technique tags all the same (the others' technique tags name …)`.
    expect(note).to.match(/; the rule's technique tags name no technique of this release; the library rule's technique tags name no technique of this release$/);
  });

  /** A folder of two SigmaHQ rules: an AddinUtil rule tagged attack.stealth, the AMSI tampering rule attack.defense-impairment. */
  const bothTactics = (name: string): string => {
    const both = join(freshTmpDir(name), 'rules');
    mkdirSync(both);
    copyFileSync(join(processCreation, stealthy[0]!), join(both, 'stealth.yml'));
    copyFileSync(join(processCreation, 'proc_creation_win_amsi_registry_tampering.yml'), join(both, 'amsi.yml'));
    return both;
  };

  // Both of ATT&CK 19's tactics in one review (SigmaHQ's rules carry both): each note ended "need that release:
  // `attack-layers data fetch --attack-release 19`", the one command said twice. The report's rows still say it per tag.
  it('says the command to fetch ATT&CK 19 once for attack.stealth and attack.defense-impairment: the second note points to the first', async () => {
    const both = bothTactics('gap-unknown-tactics-fetch');
    const bothOut = freshTmpDir('gap-unknown-tactics-fetch-out');
    const run = await runCli(['gap', '--threat', 'campaigns', '--coverage', both, '--out', bothOut, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const notes = run.stderr.split('\n').filter((line) => line.startsWith('tactic tag '));
    expect(notes.map((line) => line.replace(/ \(.*?\): /, ': '))).to.deep.equal([
      'tactic tag attack.defense-impairment, on 1 rule: "defense-impairment" is not a tactic of ATT&CK enterprise-attack 18.1; tags of a newer release ' +
        '(ATT&CK 19 split Defense Evasion into Stealth and Defense Impairment) need that release: `attack-layers data fetch --attack-release 19`; ' +
        "the rule's technique tags name no technique of this release",
      'tactic tag attack.stealth, on 1 rule: "stealth" is not a tactic of ATT&CK enterprise-attack 18.1; a tag of ATT&CK 19, as attack.defense-impairment is: ' +
        'fetch that release as said for attack.defense-impairment; the rule counts for its technique tags all the same',
    ]);
    const report = JSON.parse(readFileSync(join(bothOut, 'gap-report.json'), 'utf8')) as { notes: string[]; unresolved: { raw: string; note: string }[] };
    expect(report.notes.filter((note) => note.startsWith('tactic tag '))).to.deep.equal(notes);
    expect(report.unresolved.find((row) => row.raw === 'attack.stealth')?.note).to.contain('`attack-layers data fetch --attack-release 19`');
  });

  // In an ICS review both notes said "tags of a newer release … need that release: `attack-layers data fetch
  // --attack-release 19`", as if ICS 19 would have them: they are Enterprise tactics, as attack.credential-access is there.
  it('in an ICS review, says ATT&CK 19\'s tactics are Enterprise\'s, to review with --domain enterprise in that release, the command once', async () => {
    const both = bothTactics('gap-unknown-tactics-ics');
    const icsOut = freshTmpDir('gap-unknown-tactics-ics-out');
    const run = await runCli(['gap', '--domain', 'ics', '--threat', 'test/fixtures/gap/ics-threat.json', '--coverage', both, '--out', icsOut, '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const notes = run.stderr.split('\n').filter((line) => /^tactic tag attack\.(stealth|defense-impairment)/.test(line));
    expect(notes.map((line) => line.replace(/ \(.*?\): /, ': ').replace(/; (the|each) rule.*$/, ''))).to.deep.equal([
      'tactic tag attack.defense-impairment, on 1 rule: "defense-impairment" is not a tactic of ATT&CK ics-attack 18.1; an Enterprise tactic of ATT&CK 19 ' +
        "(which split Defense Evasion into Stealth and Defense Impairment), not ICS's: review the rule's Enterprise techniques with --domain enterprise in that " +
        'release: `attack-layers data fetch --attack-release 19`',
      'tactic tag attack.stealth, on 1 rule: "stealth" is not a tactic of ATT&CK ics-attack 18.1; a tag of Enterprise ATT&CK 19, as attack.defense-impairment is: ' +
        'fetch that release as said for attack.defense-impairment',
    ]);
    const report = JSON.parse(readFileSync(join(icsOut, 'gap-report.json'), 'utf8')) as { unresolved: { raw: string; status: string }[] };
    expect(report.unresolved.filter((row) => row.raw === 'attack.stealth').map((row) => row.status)).to.deep.equal(['other domain']);
  });
});
