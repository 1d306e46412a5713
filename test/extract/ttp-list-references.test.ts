/**
 * Files of an actor's techniques as analysts and red teams keep them (TTP lists). The fixtures in
 * test/fixtures/ttp-lists are minimal files written for attack-layers in the shapes real ones have:
 * - actor-ttps.yml: ThreatActor.info's actor files (WellKnitTech/ThreatActor.info docs/schema.md, _data/actors/*.yml):
 *   `name`, `aliases`, `ttps: [{ technique_id, technique_name, description }]`;
 * - actor-profile.json: adversaryvillage/threat-actor-profiles data/actors/fin7.json: `name`, `attack_techniques` by
 *   tactic (`initial_access: [{ id, name }]`), `attack_flow.steps: [{ step, tid, tactic, desc }]`;
 * - case-template.yaml: a case template's `ttp_definitions: [{ technique_id, technique_name, tactic, tactic_name }]`
 *   (a case management project's notes, in the search tool's code corpus: find_string "ttp_definitions:");
 * - chain.yml: a chain of Atomic tests, `steps: [{ technique, name, delay }]` (a chain runner's README, code corpus);
 * - purplesharp-playbook.json: PurpleSharp's playbook file (mvelazc0/PurpleSharp PurpleSharp/Playbook.json): `playbooks:
 *   [{ name, pbsleep, tasks: [{ technique_id, variation }] }]`;
 * - ttpforge-mitre.yaml: a TTPForge TTP (facebookincubator/ForgeArmory ttps/examples/mitre/mitre.yaml, and TTPForge's
 *   "Basic Mitre scenario" test): `name`, `description`, `mitre: { tactics: [TA0006 Credential Access], techniques:
 *   [T1552 Unsecured Credentials], subtechniques: ["T1552.001 Unsecured Credentials: Credentials In Files"] }`, `steps`
 *   of commands that name no technique;
 * - dataset-mitre-attack.yaml: a dataset's metadata (a dataset catalog's schema doc, code corpus: find_string
 *   "mitre_attack:\n  techniques:"): `mitre_attack: { techniques: [{ id, name, tactics: [...] }], tactics: [...] }`.
 * Before the TTP-list reader, extract read them as text: no procedure kept, a tactic taken from the entry above
 * (T1059.001 as Initial Access), a JSON entry's name glued into its ref (`T1566.001", "name": "Spearphishing
 * Attachment`), the actor lost; normalize refused them with a campaign's schema errors (`unknown field "ttps"`).
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ttpListReport } from '../../lib/extract/ttp-list-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { kindOfDocument, kindOfText, kindOfValue } from '../../lib/input-kind.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

const fixture = (name: string): string => join('test', 'fixtures', 'ttp-lists', name);
const read = (name: string): string => readFileSync(fixture(name), 'utf8');

describe('extract: a list of an actor\'s techniques (TTP list)', () => {
  for (const name of ['actor-ttps.yml', 'actor-profile.json', 'case-template.yaml', 'chain.yml', 'purplesharp-playbook.json', 'ttpforge-mitre.yaml', 'dataset-mitre-attack.yaml']) {
    it(`tells ${name} as a TTP list`, () => {
      expect(kindOfDocument(read(name))).to.equal('ttp-list');
    });
  }

  it('a campaign file, a layer and a DeTT&CT technique file stay what they are', () => {
    expect(kindOfValue({ name: 'x', techniques: [{ ref: 'T1059.001', tactic: 'execution' }] })).to.equal('campaign');
    expect(kindOfValue({ name: 'x', versions: { layer: '4.5' }, techniques: [{ techniqueID: 'T1059.001' }] })).to.equal('layer');
    expect(kindOfValue({ file_type: 'technique-administration', techniques: [{ technique_id: 'T1059.001' }] })).to.equal('dettect-techniques');
  });

  // A team's inventory (test/fixtures/coverage/detections/detections.yml) whose detections write `techniques:` and, one
  // of them, `technique: T1110`: the lines a TTP list's YAML is told by, in a file gap --coverage reads. Told by its text
  // (as validate and gap --threat tell it) and as a document.
  it('a detections inventory of YAML, a list or under detections:, stays a detections file', () => {
    const item = "- name: 'EDR: encoded PowerShell'\n  techniques:\n    - T1059.001\n- name: 'Brute force'\n  technique: T1110\n";
    for (const text of [item, `detections:\n${item.replace(/^/gm, '  ')}`]) {
      expect([kindOfText(text), kindOfDocument(text)]).to.deep.equal(['detections', 'detections']);
    }
  });

  it("reads each entry's technique at its line, its tactic (a misspelt one too) and its procedure as evidence; the actor names the campaign", () => {
    const report = ttpListReport(read('case-template.yaml'), { file: 'case.yaml' })!;
    expect(report.name).to.equal('FIN7');
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.line, ref.tactics])).to.deep.equal([
      ['T1566.001', ['T1566.001'], 6, ['Initial Access']],
      ['T1059.001', ['T1059.001'], 10, ['Execution']],
      ['T1547.001', ['T1547.001'], 14, []],
    ]);
    expect(report.references[1]!.evidence).to.deep.equal([{ text: 'Macro launches an encoded PowerShell command', line: 13 }]);
    expect(report.notes).to.deep.equal([
      'tactics read as the ATT&CK tactic they spell: line 12 "exectuion" as Execution',
      'tactics that name no ATT&CK tactic, so their entries\' techniques are read with their own tactics: line 15 "persistance-ish" (ttp_definitions[2], T1547.001) (write the entry\'s tactic: by hand where it is meant)',
    ]);
  });

  it('an entry that names no technique is said with its line and left out; the rest is read', () => {
    const report = ttpListReport(read('actor-ttps.yml'))!;
    expect(report.references.map((ref) => ref.raw)).to.deep.equal(['T1566.001', 'T1059.001']);
    expect(report.references[0]!.evidence).to.deep.equal([{ text: 'Sends targeted emails with malicious attachments', line: 9 }]);
    expect(report.notes).to.deep.equal(['entries that name no technique, left out: line 13: ttps[2] names no technique (no technique_id, technique, tid or technique_name), left out']);
  });

  it("takes a list by tactic's key as its entries' tactic, and one technique listed twice is one reference with both lines", () => {
    const report = ttpListReport(read('actor-profile.json'))!;
    expect(report.references.map((ref) => [ref.raw, ref.lines ?? [ref.line], ref.tactics])).to.deep.equal([
      ['T1566.001', [6, 12], ['Initial Access']],
      ['T1059.005', [7], ['Execution']],
      ['T1021.001', [13], ['Lateral Movement']],
    ]);
    expect(report.references[0]!.from).to.deep.equal([
      'attack_techniques.initial_access[0] "Spearphishing Attachment" (T1566.001), line 6',
      'attack_flow.steps[0] "Spearphishing Attachment" (T1566.001), line 12',
    ]);
  });

  it("a name that is an ATT&CK group's is the campaign's actor, as an emulation plan's adversary_name", () => {
    const target = loadRelease('18.1');
    const report = extractReport(read('actor-ttps.yml'), { target }, { file: 'apt28.yml' });
    expect([report.name, report.actor]).to.deep.equal(['APT28', 'APT28']);
    expect(extractReport(read('chain.yml'), { target }).actor).to.equal(undefined);
  });

  it("reads a PurpleSharp playbook's tasks, each placed under its playbook; a task naming no technique is said with its place", () => {
    const report = ttpListReport(read('purplesharp-playbook.json'))!;
    expect(report.references.map((ref) => [ref.raw, ref.line, ref.from])).to.deep.equal([
      ['T1059.001', 10, ['playbooks[0] "Credential access playbook" tasks[0] (T1059.001), line 10']],
      ['T1003.001', 13, ['playbooks[0] "Credential access playbook" tasks[1] (T1003.001), line 13']],
    ]);
    expect(report.notes).to.deep.equal([
      'entries that name no technique, left out: line 16: playbooks[0] "Credential access playbook" tasks[2] names no technique (no technique_id, technique, tid or technique_name), left out',
    ]);
  });

  it("reads a TTPForge TTP's mitre: block: each ID apart from its name, the block's tactics, the TTP's description as evidence; its steps are no entries", () => {
    const report = ttpListReport(read('ttpforge-mitre.yaml'))!;
    expect(report.name).to.equal('mdfind-aws-keys');
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.line, ref.tactics])).to.deep.equal([
      ['T1552', ['T1552'], 10, ['Credential Access']],
      ['T1552.001', ['T1552.001'], 12, ['Credential Access']],
    ]);
    expect(report.references[1]!.from).to.deep.equal(['mitre.subtechniques[0] "Unsecured Credentials: Credentials In Files" (T1552.001), line 12']);
    expect(report.references[0]!.evidence).to.deep.equal([{ text: 'Searches the disk with mdfind for files holding AWS access keys.', line: 4 }]);
    expect(report.notes).to.equal(undefined);
  });

  it("reads a mitre_attack: block one mapping down: an entry's tactics list (a misspelt one said), else the block's", () => {
    const report = ttpListReport(read('dataset-mitre-attack.yaml'))!;
    expect(report.references.map((ref) => [ref.raw, ref.line, ref.tactics])).to.deep.equal([
      ['T1078', 6, ['Persistence', 'Initial Access']],
      ['T1078.004', 9, ['Defense Evasion']],
    ]);
    expect(report.notes).to.deep.equal(['tactics read as the ATT&CK tactic they spell: line 8 "initial-acess" as Initial Access']);
  });

  it('extract of a TTPForge TTP writes its IDs as refs, not glued to their names', async () => {
    const extracted = await runCli(['extract', fixture('ttpforge-mitre.yaml'), '--quiet']);
    expect(extracted.code).to.equal(0);
    expect(extracted.stdout).to.include('- ref: "T1552.001"').and.include('name: "mdfind-aws-keys"').and.not.include('Credentials In Files\\""');
  });

  it("normalize says a TTPForge TTP is a TTP list to extract, where it said YAML of no kind", async () => {
    const refused = await runCli(['normalize', fixture('ttpforge-mitre.yaml')]);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include("a file's own `mitre:` block").and.include(`attack-layers extract ${fixture('ttpforge-mitre.yaml')}`);
  });

  it('no file of another kind among the fixtures is taken for a TTP list by its ATT&CK block or its groups', () => {
    // Every kind the new shapes could be mistaken for, each from a fixture of it: campaign files, layers, DeTT&CT,
    // Sigma rules, detections inventories, emulation plans and CALDERA abilities, Attack Flow, STIX bundles, Atomic tests.
    const others: ReadonlyArray<readonly [string, string]> = [
      ['campaigns/every-field.yaml', 'campaign'],
      ['layers/layer-4.5-attack12.json', 'layer'],
      ['emulation-plan/caldera-ability.yml', 'emulation-plan'],
      ['emulation-plan/fin7.yaml', 'emulation-plan'],
      ['attack-flow/cobalt-kitty-campaign.json', 'attack-flow'],
    ];
    for (const [path, kind] of others) expect(kindOfDocument(readFileSync(join('test', 'fixtures', path), 'utf8')), path).to.equal(kind);
    expect(kindOfValue({ name: 'x', techniques: ['T1059.001'], mitre: { techniques: ['T1059.001 PowerShell'] } })).to.equal('campaign');
    expect(kindOfValue({ file_type: 'technique-administration', techniques: [{ technique_id: 'T1059.001' }], mitre: { techniques: ['T1059'] } })).to.equal('dettect-techniques');
    expect(kindOfValue({ title: 'x', logsource: {}, detection: {}, tags: ['attack.t1059'], mitre: { techniques: ['T1059'] } })).to.equal('sigma-rule');
    expect(kindOfValue([{ name: 'rule', techniques: ['T1059'], mitre_attack: { techniques: ['T1059'] } }])).to.equal('detections');
    expect(kindOfValue({ type: 'bundle', objects: [{ type: 'x-mitre-tactic' }], mitre: { techniques: ['T1059'] } })).to.equal('stix-bundle');
    expect(kindOfDocument('attack_technique: T1003.001\ndisplay_name: LSASS\natomic_tests:\n- name: ProcDump\n  description: dumps lsass\n')).to.equal('atomic-tests');
  });

  it('normalize says what the file is and to run extract; extract makes a campaign file normalize reads', async () => {
    const refused = await runCli(['normalize', fixture('chain.yml')]);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.include("this is a list of an actor's techniques").and.include(`attack-layers extract ${fixture('chain.yml')}`);
    const extracted = await runCli(['extract', fixture('case-template.yaml'), '--quiet']);
    expect(extracted.code).to.equal(0);
    const campaign = join(freshTmpDir('ttp-list'), 'fin7.yaml');
    writeFileSync(campaign, extracted.stdout);
    const normalized = await runCli(['normalize', campaign]);
    expect(normalized.code).to.equal(0);
  });
});
