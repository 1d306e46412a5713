/**
 * extract reads an adversary emulation plan by its steps. Before, extract read MITRE CTID's plans as prose: the plan's
 * adversary_name, description and attack_version were lost (the campaign was named after the file), a step's tactic
 * that names no ATT&CK tactic (Carbanak's `credential-dumping`, APT29's `stage-capabilities`) was dropped unsaid, and
 * groups and software were proposed from its URLs and commands (CosmicDuke, from a cti_source PDF's name); normalize,
 * validate and gap --threat said only that the file "must be a mapping of fields (name: ..., techniques: ...), not a
 * list". The fixtures are excerpts of center-for-threat-informed-defense/adversary_emulation_library
 * (carbanak/Emulation_Plan/yaml/Carbanak.yaml at a1412b795335166fa6fb62c791d34d1f8e05c8d5,
 * apt29/Emulation_Plan/yaml/APT29-Day1.A.yaml at e447ce101de33542e3f62001449faf9de71babaf) and a CALDERA ability of
 * mitre/stockpile (data/abilities/collection/1f7ff232-ebf8-42bf-a3c4-657855794cfe.yml at
 * 5825ed3f9adc6a1bbab6ec1cdc947c01bb130ce6); each cites its source in its first lines.
 */
import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { emulationPlanReport } from '../../lib/extract/emulation-plan-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { kindOfText } from '../../lib/input-kind.js';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

const fixture = (name: string): string => join('test', 'fixtures', 'emulation-plan', name);
const CARBANAK = readFileSync(fixture('carbanak.yaml'), 'utf8');
const APT29 = readFileSync(fixture('apt29-day1a.yaml'), 'utf8');
const ABILITY = readFileSync(fixture('caldera-ability.yml'), 'utf8');
const WIZARD_SPIDER = readFileSync(fixture('wizard-spider.yaml'), 'utf8');

describe('extract: an adversary emulation plan (CTID Adversary Emulation Library, CALDERA abilities)', () => {
  const target = loadRelease('18.1');

  it("reads each step's attack_id at its line with the step's tactic, its description as evidence; the plan's name, description and attack_version", () => {
    const report = emulationPlanReport(CARBANAK, { file: 'Carbanak.yaml' })!;
    expect(report.name).to.equal('Carbanak');
    expect(report.description).to.equal('An advanced attacker targeting financial institutions');
    expect(report.attackVersion).to.equal('8.1');
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.line, ref.tactics])).to.deep.equal([
      ['T1113', ['T1113'], 22, ['Collection']],
      ['T1112', ['T1112'], 42, ['Defense Evasion']],
      ['T1140', ['T1140'], 51, ['Defense Evasion']],
      ['T1003.001', ['T1003.001'], 60, []],
      ['T1105', ['T1105'], 69, ['Command and Control']],
      ['T1021.004', ['T1021.004'], 78, ['Lateral Movement']],
    ]);
    expect(report.references[0]!.evidence).to.deep.equal([{ text: 'Download screen capture PowerShell script to target and execute', line: 19 }]);
    expect(report.references[0]!.from).to.deep.equal(['step 2.B.1 "Screen Capture" (technique: T1113 Screen Capture), line 22']);
  });

  it('a tactic that names no ATT&CK tactic is left out and said, on the step and in the notes; a misspelt one is read and said', () => {
    const carbanak = emulationPlanReport(CARBANAK)!;
    expect(carbanak.references[3]!.from).to.deep.equal([
      'step 4.B.1 "UAC Bypass and Credential Dumping" (technique: T1003.001 OS Credential Dumping: LSASS Memory; tactic "credential-dumping" names no ATT&CK tactic), line 60',
    ]);
    expect(carbanak.notes).to.deep.equal([
      'tactics that name no ATT&CK tactic, so their steps\' techniques are read with their own tactics: line 58 "credential-dumping" (step 4.B.1 "UAC Bypass and Credential Dumping", T1003.001) (write the step\'s tactic: by hand where it is meant)',
    ]);
    const apt29 = emulationPlanReport(APT29)!;
    // Two steps of T1036.005 are one reference citing both lines; the tactic of the one that names none is not taken.
    const masquerading = apt29.references.find((ref) => ref.raw === 'T1036.005')!;
    expect([masquerading.lines, masquerading.tactics]).to.deep.equal([[44, 66], ['Defense Evasion']]);
    expect(apt29.notes).to.deep.equal([
      'tactics that name no ATT&CK tactic, so their steps\' techniques are read with their own tactics: line 64 "stage-capabilities" (step 4.A "Planting Modified Sysinternals Utilities", T1036.005) (write the step\'s tactic: by hand where it is meant)',
      'tactics read as the ATT&CK tactic they spell: line 42 "defensive-evasion" as Defense Evasion',
    ]);
  });

  it("resolving checks a step's tactic against its technique, as any reference's (APT29's execution for T1036.002)", () => {
    const report = extractReport(APT29, { target }, { file: 'APT29-Day1.A.yaml' });
    const rtlo = report.references.find((ref) => ref.raw === 'T1036.002')!;
    expect(rtlo.resolution?.warnings).to.deep.equal(['Execution is not a tactic of T1036.002 Right-to-Left Override: it is Defense Evasion only in ATT&CK 18.1']);
    // No software is proposed from the plan's URLs and commands (the text reader took CosmicDuke from a PDF's name).
    expect(report.objects).to.deep.equal([]);
    // `APT29 Day 1.A` is a scenario's name, no group's: no actor is proposed.
    expect(report.actor).to.equal(undefined);
    expect(extractReport(CARBANAK, { target }).actor).to.equal('Carbanak');
    const given = extractReport(APT29, { target }, { actor: 'Cozy Bear' });
    expect([given.actor, given.notes[0]]).to.deep.equal(['APT29', "actor: 'Cozy Bear' is group G0016 APT29 of ATT&CK enterprise-attack 18.1: the campaign's actor is APT29"]);
  });

  it('reads attack_version as written (a major version alone, 8), a block literal description as one line', async () => {
    const report = emulationPlanReport(WIZARD_SPIDER)!;
    expect(report.attackVersion).to.equal('8');
    expect(report.references[2]!.evidence).to.deep.equal([
      {
        line: 44, // the `description: |` line
        text: "End the RDP session to the initial target. This ability must be run by an agent running on the attacker-controlled machine (e.g. on the C2 server itself), since the RDP connection originates from the attacker's machine.",
      },
    ]);
    // The campaign file says 8, which normalize reads as the newest 8.x at hand.
    const dir = freshTmpDir('emulation-plan-version');
    const plan = join(dir, 'wizard_spider.yaml');
    writeFileSync(plan, WIZARD_SPIDER);
    const extracted = await runCli(['extract', plan, '--quiet']);
    expect(extracted.stdout).to.include('name: "Wizard Spider"\nactor: "Wizard Spider"\nattack_version: "8"\n');
    const campaign = join(dir, 'wizard-spider.yaml');
    writeFileSync(campaign, extracted.stdout);
    const normalized = await runCli(['normalize', campaign]);
    expect(normalized.code, normalized.stderr).to.equal(0);
    expect(normalized.stdout).to.include('ATT&CK enterprise-attack 18.1, references read as of ATT&CK 8.2');
  });

  it('reads a step without an attack_id by its technique name, checked as any name; a step of neither is left out and said', () => {
    // Carbanak's first two steps, the first with its attack_id taken out, the second with its whole technique.
    const edited = CARBANAK.replace('    attack_id: T1113\n', '').replace(/  technique:\n    attack_id: T1112\n    name: "Modify Registry"\n/, '');
    const report = extractReport(edited, { target });
    expect(report.references.slice(0, 2).map((ref) => [ref.raw, ref.ids, ref.resolution?.ids, ref.tactics])).to.deep.equal([
      ['Screen Capture', [], ['T1113'], ['Collection']],
      ['T1140', ['T1140'], ['T1140'], ['Defense Evasion']],
    ]);
    expect(report.notes).to.include('steps with no technique\'s attack_id or name, left out: step 3.A "Stage 2nd Stage RAT", line 36');
  });

  it("reads a CALDERA ability, named by its name (it has no procedure_step)", () => {
    const report = emulationPlanReport(ABILITY)!;
    expect(report.references.map((ref) => [ref.raw, ref.tactics, ref.from])).to.deep.equal([
      ['T1005', ['Collection'], ['step "Find company emails" (technique: T1005 Data from Local System), line 10']],
    ]);
    expect(report.name).to.equal(undefined);
  });

  it('is no other kind of text: a report quoting a step in prose, a campaign file, an Atomic Red Team test', () => {
    expect(kindOfText(CARBANAK)).to.equal('emulation-plan');
    expect(kindOfText(ABILITY)).to.equal('emulation-plan');
    expect(emulationPlanReport('The ability says:\n  tactic: collection\n  technique:\n    attack_id: T1005\nand runs find.\n')).to.equal(undefined);
    // Valid YAML, a mapping over the quoted step: read as text, where T1005 is found.
    const quoted = 'The ability says:\n  tactic: collection\n  technique:\n    attack_id: T1005\n';
    expect(emulationPlanReport(quoted)).to.equal(undefined);
    expect(extractReport(quoted).references.map((ref) => ref.ids)).to.deep.equal([['T1005']]);
    expect(emulationPlanReport('name: x\ntechniques: [T1059]\n')).to.equal(undefined);
    expect(emulationPlanReport('attack_technique: T1059.001\ndisplay_name: PowerShell\natomic_tests: []\n')).to.equal(undefined);
  });

  it('the CLI writes a campaign file with attack_version that render reads; normalize, validate and gap say to run extract', async () => {
    const dir = freshTmpDir('emulation-plan');
    const file = join(dir, 'Carbanak.yaml');
    writeFileSync(file, CARBANAK);
    const advice = `this is an adversary emulation plan (MITRE CTID's Adversary Emulation Library YAML, CALDERA abilities: steps with a tactic and technique: attack_id, or a SCYTHE threat: steps tagged att&ck-technique:), not a campaign file`;
    for (const argv of [['normalize', file], ['validate', file], ['gap', '--threat', file, '--coverage', join('test', 'fixtures', 'coverage', 'detections'), '--out', join(dir, 'gap')],
      // As coverage it was read as a detections file of 7 invalid detections.
      ['gap', '--threat', join('test', 'fixtures', 'campaigns'), '--coverage', file, '--out', join(dir, 'gap-coverage')],
    ]) {
      const refused = await runCli(argv);
      expect(refused.code, argv.join(' ')).to.equal(1);
      expect(refused.stderr).to.include(advice.replace(', not a campaign file', '')).and.include(`make a campaign file of them with \`attack-layers extract ${file}\``);
    }
    const result = await runCli(['extract', file]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include('name: "Carbanak"\nactor: "Carbanak"\nattack_version: "8.1"\ndescription: "An advanced attacker targeting financial institutions"\n');
    expect(result.stderr).to.include(`${file}: tactics that name no ATT&CK tactic`);
    const json = JSON.parse((await runCli(['extract', file, '--json', '--quiet'])).stdout) as { attack_version?: string; description?: string };
    expect([json.attack_version, json.description]).to.deep.equal(['8.1', 'An advanced attacker targeting financial institutions']);
    const campaign = join(dir, 'carbanak.yaml');
    writeFileSync(campaign, result.stdout);
    const rendered = await runCli(['render', campaign, '--out', join(dir, 'layers'), '--quiet']);
    expect(rendered.code, rendered.stderr).to.equal(0);
    const layer = JSON.parse(readFileSync(join(dir, 'layers', 'carbanak.layer.json'), 'utf8')) as { techniques: Array<{ techniqueID: string; tactic?: string; score?: number }> };
    // Each step's technique in the tactic its step states; T1003.001, whose step states none ATT&CK has, with no tactic of its own.
    const scored = layer.techniques.filter((t) => t.score !== undefined).map((t) => [t.techniqueID, t.tactic].filter(Boolean).join(' '));
    expect(scored).to.deep.equal(['T1003.001', 'T1021.004 lateral-movement', 'T1105 command-and-control', 'T1112 defense-evasion', 'T1113 collection', 'T1140 defense-evasion']);
  });

  it("a CALDERA adversary profile, which lists abilities by id only, is said to be one, with what to extract instead", async () => {
    // mitre/stockpile data/adversaries/0b73bf34-fc5b-48f7-9194-dce993b915b1.yml (commit 7a486a0ed4d530264571bf19dc20c106afa8ac23), two of its abilities.
    // Before, extract wrote a skeleton with `techniques: []` and exit 0, and normalize said `unknown field "atomic_ordering"`.
    const profile = [
      '---',
      '',
      'id: 0b73bf34-fc5b-48f7-9194-dce993b915b1',
      'name: Nosy Neighbor',
      'description: Find preferred WIFI networks & disrupt the current connection',
      'atomic_ordering:',
      '  - 43b3754c-def4-4699-a673-1d85648fda6a',
      '  - c0da588f-79f0-4263-8998-7496b1a40596',
      '',
    ].join('\n');
    expect(kindOfText(profile)).to.equal('caldera-adversary');
    const file = join(freshTmpDir('caldera-adversary'), 'nosy-neighbor.yml');
    writeFileSync(file, profile);
    for (const [command, not] of [['extract', "a report's text"], ['normalize', 'a campaign file']] as const) {
      const result = await runCli([command, file]);
      expect(result.code, command).to.equal(1);
      expect(result.stderr).to.include(`${file}: this is a CALDERA adversary profile (its atomic_ordering lists abilities by their ids, and names no technique), not ${not}; to map its techniques`);
    }
  });
});

describe("extract: the techniques a step's name cites besides its attack_id (CTID's APT3 and APT29 plans)", () => {
  // apt3.yaml is an excerpt of center-for-threat-informed-defense/adversary_emulation_library apt3/Emulation_Plan/yaml/
  // APT3.yaml at a00354555251cbd27786026e513db9affc6ae345 (Apache-2.0): one step, for T1134, named for the five
  // techniques it does. Before, only T1134 came out: T1012, T1105, T1053 and T1083, which the file cites, were dropped
  // without a word, as were APT29 Day 1.B's T1119 and T1074.
  const target = loadRelease('18.1');

  it('takes each as a reference of its own at its line, without the step\'s tactic, and says so', () => {
    const report = extractReport(readFileSync(fixture('apt3.yaml'), 'utf8'), { target });
    expect(report.references.map((ref) => [ref.raw, ref.line, ref.tactics, ref.resolution?.status])).to.deep.equal([
      ['T1134', 23, ['Defense Evasion'], 'current'],
      ['T1012', 16, [], 'current'],
      ['T1105', 17, [], 'current'],
      ['T1053', 18, [], 'current'],
      ['T1083', 19, [], 'current'],
    ]);
    expect(report.references[1]!.from).to.deep.equal([
      'step 5.B.1 - 8.A.2 "5.B.1 - Access Token Manipulation (T1134), 6.A.1 - Query Registry (T1012), 7.B.1 - Remote File Copy (T1105), 7.C.1 - Scheduled Tasks (T1053), 8.A.1/2 - File and Directory Discovery (T1083)" cites T1012 in its name (its technique: T1134), line 16',
    ]);
    expect(report.references[1]!.evidence).to.equal(undefined);
    expect(report.notes).to.include(
      "techniques a step's name cites besides its attack_id, each taken without the step's tactic: line 15 step 5.B.1 - 8.A.2: T1012, T1105, T1053, T1083 (check that the step does them)",
    );
  });

  it("takes APT29 Day 1.B's T1119 and T1074, named beside the steps of T1059.001 and T1041", () => {
    const report = extractReport(readFileSync(fixture('apt29-day1b.yaml'), 'utf8'), { target });
    expect(report.references.map((ref) => [ref.raw, ref.line, ref.tactics])).to.deep.include.members([
      ['T1119', 13, []],
      ['T1074', 23, []],
    ]);
    expect(report.notes).to.include(
      "techniques a step's name cites besides its attack_id, each taken without the step's tactic: line 13 step 9.B.1: T1119; line 23 step 9.B.8: T1074 (check that the step does them)",
    );
  });
});

describe('extract: several emulation plans, or a folder of CALDERA abilities, as one campaign', () => {
  // Before, `extract APT29-Day1.A.yaml APT29-Day1.B.yaml` was refused: "several reports make one campaign only as text,
  // HTML or Markdown". apt29-day1b.yaml is an excerpt of center-for-threat-informed-defense/adversary_emulation_library
  // apt29/Emulation_Plan/yaml/APT29-Day1.B.yaml at e447ce101de33542e3f62001449faf9de71babaf; the abilities are of
  // mitre/stockpile data/abilities/credential-access/ (each cites its commit in its first lines).
  const folder = fixture('abilities');

  it("makes one skeleton: a technique both plans run is one entry naming each file's step, line and plan; differing names are said", async () => {
    const result = await runCli(['extract', fixture('apt29-day1a.yaml'), fixture('apt29-day1b.yaml')]);
    expect(result.code, result.stderr).to.equal(0);
    const a = fixture('apt29-day1a.yaml');
    const b = fixture('apt29-day1b.yaml');
    expect(result.stdout).to.include(
      [
        '  # from: apt29-day1a.yaml step 1.B "PowerShell" (technique: T1059.001 Command and Scripting Interpreter: PowerShell), line 31',
        '  # from: apt29-day1b.yaml step 9.B.1 "Automated document collection (T1119)" (technique: T1059.001 Command and Scripting Interpreter: PowerShell), line 17',
        '  - ref: "T1059.001"',
        '    tactic: [ "Execution" ]',
        '    evidence: |-',
        '      apt29-day1a.yaml: line 28: "Spawn powershell.exe from cmd.exe"',
        '      apt29-day1b.yaml: line 14: "Execute PowerShell collection command to collect and compress files of specific extensions."',
        `    source: "${a}:31; ${b}:17"`,
        '    report:',
        '      - "APT29 Day 1.A"',
        '      - "APT29 Day 1.B"',
      ].join('\n'),
    );
    expect(result.stdout.match(/- ref: "T1059.001"/g)).to.have.length(1);
    expect(result.stdout).to.include(`  # from: apt29-day1b.yaml step 9.B.8 "Data from staged file (T1074) and Exfiltration over C2 Channel (T1041)" (technique: T1041 Exfiltration Over C2 Channel), line 27\n  - ref: "T1041"`);
    // Both plans say 8.1; their names and descriptions differ, which is said, not chosen.
    expect(result.stdout).to.include('name: "apt29-day1a"\nattack_version: "8.1"\nsources:\n  - title: "APT29 Day 1.A"\n  - title: "APT29 Day 1.B"\n');
    expect(result.stderr).to.include(`the plans differ in adversary_name: "APT29 Day 1.A" (${a}), "APT29 Day 1.B" (${b}); give the campaign's with --name`);
    expect(result.stderr).to.include(`the plans differ in adversary_description: ${a}, ${b}; write the campaign's description: by hand`);
    // The skeleton is a campaign file that render reads, each technique linked to its plans.
    const dir = freshTmpDir('plans');
    writeFileSync(join(dir, 'apt29.yaml'), result.stdout);
    const rendered = await runCli(['render', join(dir, 'apt29.yaml'), '--out', join(dir, 'layers'), '--quiet']);
    expect(rendered.code, rendered.stderr).to.equal(0);
  });

  it('--json gives the campaign the YAML gives: its fields, both sources, a technique of both plans one reference naming each', async () => {
    // Before, `extract APT29-Day1.A.yaml APT29-Day1.B.yaml --json` was refused: "--json prints one report's references".
    const a = fixture('apt29-day1a.yaml');
    const b = fixture('apt29-day1b.yaml');
    const result = await runCli(['extract', a, b, '--json', '--name', 'APT29 Day 1']);
    expect(result.code, result.stderr).to.equal(0);
    type Json = { name: string; domain: string; domain_from: string; attack_version?: string; description?: string; sources: unknown[]; notes?: string[]; objects: unknown[] };
    type Reference = { raw: string; tactics: string[]; evidence?: string[]; from?: string[]; source: string; report?: string[]; line?: number; resolution?: { ids: string[]; warnings: string[] } };
    const json = JSON.parse(result.stdout) as Json & { references: Reference[] };
    expect([json.name, json.domain, json.domain_from, json.attack_version, json.description, json.objects]).to.deep.equal(['APT29 Day 1', 'enterprise-attack', 'default', '8.1', undefined, []]);
    expect(json.sources).to.deep.equal([
      { title: 'APT29 Day 1.A', file: a },
      { title: 'APT29 Day 1.B', file: b },
    ]);
    // The same techniques, in the same order, as the skeleton's items.
    const yaml = (await runCli(['extract', a, b, '--quiet'])).stdout;
    expect(json.references.map((ref) => ref.raw)).to.deep.equal([...yaml.matchAll(/- ref: "([^"]+)"/g)].map((match) => match[1]));
    const powershell = json.references.find((ref) => ref.raw === 'T1059.001')!;
    expect(powershell).to.deep.include({
      tactics: ['Execution'],
      evidence: ['apt29-day1a.yaml: line 28: "Spawn powershell.exe from cmd.exe"', 'apt29-day1b.yaml: line 14: "Execute PowerShell collection command to collect and compress files of specific extensions."'],
      source: `${a}:31; ${b}:17`,
      report: ['APT29 Day 1.A', 'APT29 Day 1.B'],
    });
    expect(powershell.from).to.deep.equal([
      'apt29-day1a.yaml step 1.B "PowerShell" (technique: T1059.001 Command and Scripting Interpreter: PowerShell), line 31',
      'apt29-day1b.yaml step 9.B.1 "Automated document collection (T1119)" (technique: T1059.001 Command and Scripting Interpreter: PowerShell), line 17',
    ]);
    // One file's line would not say which file: source says each.
    expect(powershell.line).to.equal(undefined);
    expect(powershell.resolution?.ids).to.deep.equal(['T1059.001']);
    expect(json.references.find((ref) => ref.raw === 'T1036.002')!.resolution?.warnings).to.deep.equal(['Execution is not a tactic of T1036.002 Right-to-Left Override: it is Defense Evasion only in ATT&CK 18.1']);
    // The notes are stderr's, each naming its file.
    expect(json.notes).to.include(`${a}: tactics read as the ATT&CK tactic they spell: line 42 "defensive-evasion" as Defense Evasion`);
    expect(json.notes).to.include(`the plans differ in adversary_description: ${a}, ${b}; write the campaign's description: by hand`);
    // Several reports' text are still refused with --json.
    const dir = freshTmpDir('json-texts');
    for (const name of ['one.txt', 'two.txt']) writeFileSync(join(dir, name), 'The actor ran PowerShell (T1059.001).\n');
    const texts = await runCli(['extract', join(dir, 'one.txt'), join(dir, 'two.txt'), '--json']);
    expect([texts.code, texts.stderr]).to.deep.equal([2, "attack-layers extract: --json prints one report's references, or one campaign of several emulation plans: run extract --json on each report\nRun `attack-layers extract --help` for usage.\n"]);
  });

  it('takes the name, actor, description and attack_version of plans that agree', async () => {
    const dir = freshTmpDir('plans-agree');
    // One plan split in two files, as CTID splits a scenario by day.
    const [head, rest] = [CARBANAK.slice(0, CARBANAK.indexOf('- id:', CARBANAK.indexOf('2.B.1'))), CARBANAK.slice(CARBANAK.indexOf('- id:', CARBANAK.indexOf('2.B.1')))];
    writeFileSync(join(dir, 'day1.yaml'), head);
    writeFileSync(join(dir, 'day2.yaml'), `${head.slice(0, head.indexOf('\n- id:'))}\n${rest}`);
    const result = await runCli(['extract', join(dir, 'day1.yaml'), join(dir, 'day2.yaml')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.include('name: "Carbanak"\nactor: "Carbanak"\nattack_version: "8.1"\ndescription: "An advanced attacker targeting financial institutions"\n');
    expect(result.stderr).not.to.include('the plans differ');
  });

  it('reads a folder of abilities (its subfolders too), leaving out and saying a YAML file that is none', async () => {
    const dir = freshTmpDir('abilities');
    cpSync(folder, join(dir, 'abilities'), { recursive: true });
    writeFileSync(join(dir, 'abilities', 'profile.yml'), 'id: 0b73bf34-fc5b-48f7-9194-dce993b915b1\nname: Nosy Neighbor\natomic_ordering:\n  - 43b3754c-def4-4699-a673-1d85648fda6a\n');
    writeFileSync(join(dir, 'abilities', 'README.md'), '# not read\n');
    const result = await runCli(['extract', join(dir, 'abilities')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(`left out, being no emulation plan or CALDERA ability: ${join(dir, 'abilities', 'profile.yml')}`);
    expect(result.stdout).to.include('name: "abilities"\n');
    expect(result.stdout.match(/- ref: "[^"]+"/g)).to.deep.equal(['- ref: "T1552.003"', '- ref: "T1003"']);
    expect(result.stdout).to.include('  # from: baac2c6d-4652-4b7e-ab0a-f1bf246edd12.yml step "Run PowerKatz" (technique: T1003 Credential Dumping), line 10\n');
  });

  it('refuses a plan given with a report\'s text, and a folder with no YAML, saying what to do', async () => {
    const report = join(freshTmpDir('plan-and-text'), 'report.txt');
    writeFileSync(report, 'The actor ran PowerShell (T1059.001) to collect documents.\n');
    const mixed = await runCli(['extract', fixture('apt29-day1a.yaml'), report]);
    expect(mixed.code).to.equal(2);
    expect(mixed.stderr).to.include(`${fixture('apt29-day1a.yaml')} is an adversary emulation plan and ${report} is not`).and.include('extract each kind apart');
    const empty = await runCli(['extract', freshTmpDir('no-yaml')]);
    expect(empty.code).to.equal(2);
    expect(empty.stderr).to.include('is a folder with no .yml or .yaml file in it');
  });
});

describe("extract: an emulation plan step's technique name checked against its attack_id", () => {
  // Plans add the tool to a step's technique name: FIN6's plan lists `T1003.001: OS Credential Dumping: LSASS Memory -
  // Invoke-Mimikatz` (adversary_emulation_library fin6/Emulation_Plan, its table of abilities), written here into the
  // Carbanak excerpt's step 4.B.1 in the same layout. Before, no step's name was checked: a step naming Clipboard Data
  // beside T1113 (Screen Capture) went unsaid.
  const edited = CARBANAK.replace('    name: "OS Credential Dumping: LSASS Memory"', '    name: "OS Credential Dumping: LSASS Memory - Invoke-Mimikatz"').replace('    name: "Screen Capture"', '    name: "Clipboard Data"');

  it("says a name that is not the ID's in the plan's release (8.1 not at hand: 8.2), above the item and on stderr; a tool after ' - ' is no mismatch", async () => {
    const file = join(freshTmpDir('step-names'), 'Carbanak.yaml');
    writeFileSync(file, edited);
    const result = await runCli(['extract', file]);
    expect(result.code, result.stderr).to.equal(0);
    const said = 'line 23: step 2.B.1 "Screen Capture" names its technique "Clipboard Data", not T1113 Screen Capture of ATT&CK 8.2 (8.1 is not at hand) (check which technique the step is; the ID is kept)';
    expect(result.stdout).to.include(`  # warning: ${said}\n  # from: step 2.B.1 "Screen Capture" (technique: T1113 Clipboard Data), line 22\n  - ref: "T1113"`);
    expect(result.stderr).to.include(`${file}: technique names that are not their attack_id's: ${said}\n`);
    expect(result.stderr).not.to.include('Invoke-Mimikatz"');
    // The plan as CTID wrote it has no such step.
    writeFileSync(file, CARBANAK);
    expect((await runCli(['extract', file])).stderr).not.to.include('technique names that are not');
  });

  it("says a CALDERA ability's name of an older release as an older name, checked in the target (abilities state no attack_version)", async () => {
    const result = await runCli(['extract', fixture('abilities')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(
      'technique names that are not their attack_id\'s: line 11: step "Run PowerKatz" names its technique "Credential Dumping", not T1003 OS Credential Dumping of ATT&CK 18.1: an older name, T1003\'s in ATT&CK 6.3 (the ID is kept)',
    );
    expect(result.stderr).to.include('names its technique "Unsecured Credentials: Bash History", not T1552.003 Unsecured Credentials: Shell History of ATT&CK 18.1: an older name, T1552.003\'s in ATT&CK 17.1');
  });

  describe('a library caller who loaded the target alone (no older release at hand)', () => {
    // Before, APT29 Day 1.B's step 9.C (attack_version 8.1) got the warning `names its technique "Indicator Removal on
    // Host: File Deletion", not T1070.004 Indicator Removal: File Deletion of ATT&CK 18.1 (8.1 is not at hand) (check
    // which technique the step is; the ID is kept)`: T1070's name until ATT&CK 12, called a mismatch by a release that
    // could not know it.
    const target = loadRelease('18.1');

    it("says a name the plan's release may have given the ID as not checked, among the notes, not as a warning on the reference", () => {
      const report = extractReport(readFileSync(fixture('apt29-day1b.yaml'), 'utf8'), { target });
      expect(report.references.find((ref) => ref.raw === 'T1070.004')!.resolution?.warnings).to.deep.equal([]);
      expect(report.notes).to.include(
        'technique names not checked in the release they were written in: line 38: step 9.C "Artifact Cleanup - Delete Staged Files" names its technique "Indicator Removal on Host: File Deletion", ' +
          "which is not T1070.004's name in ATT&CK 18.1 (Indicator Removal: File Deletion) but may be its name in ATT&CK 8.1, the plan's release, which is not loaded to check it (`attack-layers data fetch --attack-release 8.1` gets it; the ID is kept)",
      );
      expect(report.notes.join('\n')).not.to.include("not their attack_id's");
      // With 8.2 at hand, the plan's major version, the name is 8.2's own: nothing to say.
      const checked = extractReport(readFileSync(fixture('apt29-day1b.yaml'), 'utf8'), { target, history: () => [loadRelease('8.2')] });
      expect(checked.notes.join('\n')).not.to.include('technique names');
    });

    it("still says a name that is another technique's in the target (Clipboard Data beside T1113) as a mismatch", () => {
      const edited = CARBANAK.replace('    name: "Screen Capture"', '    name: "Clipboard Data"');
      const report = extractReport(edited, { target });
      expect(report.references.find((ref) => ref.raw === 'T1113')!.resolution?.warnings).to.deep.equal([
        'line 23: step 2.B.1 "Screen Capture" names its technique "Clipboard Data", not T1113 Screen Capture of ATT&CK 18.1 (8.1 is not at hand): it names T1115 Clipboard Data in ATT&CK 18.1 (check which technique the step is; the ID is kept)',
      ]);
    });

    it('accepts the name of a technique the target revoked into the ID as an older name; an ability\'s other old name is not checked', async () => {
      const bash = extractReport(readFileSync(fixture('abilities/credential-access/422526ec-27e9-429a-995b-c686a29561a4.yml'), 'utf8'), { target });
      expect(bash.references[0]!.resolution?.warnings).to.deep.equal([
        'line 11: step "Dump history" names its technique "Unsecured Credentials: Bash History", not T1552.003 Unsecured Credentials: Shell History of ATT&CK 18.1: an older name, that of T1139, which ATT&CK 18.1 revoked into T1552.003 (the ID is kept)',
      ]);
      const powerkatz = extractReport(readFileSync(fixture('abilities/credential-access/baac2c6d-4652-4b7e-ab0a-f1bf246edd12.yml'), 'utf8'), { target });
      expect(powerkatz.references[0]!.resolution?.warnings).to.deep.equal([]);
      expect(powerkatz.notes).to.deep.equal([
        'technique names not checked in the release they were written in: line 11: step "Run PowerKatz" names its technique "Credential Dumping", which is not T1003\'s name in ATT&CK 18.1 (OS Credential Dumping) but may be an older one: the ability states no attack_version, and no older release is loaded to check it (the ID is kept)',
      ]);
    });
  });
});

describe('extract: more CTID plans as they are written (FIN7, Sandworm, menuPass)', () => {
  // Excerpts of center-for-threat-informed-defense/adversary_emulation_library: fin7/Emulation_Plan/yaml/Fin7.yaml at
  // 503c7da0ce69b8dc7179e34a75aec3f1355f421b, sandworm/Emulation_Plan/yaml/sandworm.yaml at
  // 8bb6371fbeb52bbe605faf77b3e1fde5bfbaa75e, menuPass/Emulation_Plan/yaml/menupass.yaml at
  // 46bf94a0d33a2b468329edb38e1cbf862c04c7b2 (each cites its source in its first lines).
  const target = loadRelease('18.1');
  const history = (): AttackIndex[] => [loadRelease('8.2')];
  const FIN7 = readFileSync(fixture('fin7.yaml'), 'utf8');

  it("reads a step's tactics joined by a slash (FIN7's Discovery/Execution) as both, where before the step had none", () => {
    const report = extractReport(FIN7, { target });
    const ps = report.references.find((ref) => ref.raw === 'T1057')!;
    expect(ps.tactics).to.deep.equal(['Discovery', 'Execution']);
    // The plan's Execution is checked as any tactic: T1057 is Discovery only.
    expect(ps.resolution?.warnings).to.deep.equal(['Execution is not a tactic of T1057 Process Discovery: it is Discovery only in ATT&CK 18.1']);
    expect(report.notes).to.include('tactics read as the ATT&CK tactic they spell: line 43 "Discovery/Execution" as Discovery and Execution');
  });

  it("says a tactic that is the step's technique's name as such (FIN7's tactic: OS Credential Dumping)", () => {
    expect(extractReport(FIN7, { target }).notes).to.include(
      'tactics that name no ATT&CK tactic, so their steps\' techniques are read with their own tactics: line 53 "OS Credential Dumping" (step 5.A.2 "Execute SAMCats (Mimikatz)", T1003.002: its technique\'s name); ' +
        'line 77 "Hijack Execution Flow - DLL Search Order Hijacking" (step 7.A "Privilege Escalation", T1574.001: its technique\'s name) (write the step\'s tactic: by hand where it is meant)',
    );
  });

  it("reads ' - ' as the colon of a sub-technique's full name, no mismatch (FIN7's T1059.003, menuPass's T1560.001)", () => {
    // Before, with 8.2 at hand: `names its technique "Command and Scripting Interpreter - Windows Command Shell", not
    // T1059.003 Command and Scripting Interpreter: Windows Command Shell of ATT&CK 8.2 (8.1 is not at hand) (check which
    // technique the step is; the ID is kept)`, and so for FIN7's T1574.001 and menuPass's T1560.001.
    for (const plan of [FIN7, readFileSync(fixture('menupass.yaml'), 'utf8')]) {
      const report = extractReport(plan, { target, history });
      expect(report.notes.join('\n')).not.to.include('technique names');
      expect(report.references.flatMap((ref) => ref.resolution?.warnings ?? []).filter((warning) => warning.includes('names its technique'))).to.deep.equal([]);
    }
    // A tool after the name, then, is still no part of it; another technique's name still is a mismatch.
    const edited = FIN7.replace('name: Command and Scripting Interpreter - Windows Command Shell', 'name: Command and Scripting Interpreter - PowerShell');
    expect(extractReport(edited, { target, history }).notes.join('\n')).to.include('names its technique "Command and Scripting Interpreter - PowerShell", not T1059.003');
  });

  it("takes a group's name with its ATT&CK ID after it as the actor where both name the group (Sandworm Team (G0034))", () => {
    const sandworm = readFileSync(fixture('sandworm.yaml'), 'utf8');
    const report = extractReport(sandworm, { target });
    expect([report.name, report.actor]).to.deep.equal(['Sandworm Team (G0034)', 'Sandworm Team']);
    // An ID of another group is no such actor.
    expect(extractReport(sandworm.replace('(G0034)', '(G0016)'), { target }).actor).to.equal(undefined);
    // Its Bash History, T1552.003's name in 8.2, the plan's major version: no note.
    expect(extractReport(sandworm, { target, history }).notes.join('\n')).not.to.include('technique names');
  });
});
