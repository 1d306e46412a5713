/**
 * Files of an actor's techniques as analysts and red teams keep them (TTP lists). The fixtures in
 * test/fixtures/ttp-lists are minimal files written for attack-layers in the shapes real ones have:
 * - actor-ttps.yml: ThreatActor.info's actor files (WellKnitTech/ThreatActor.info docs/schema.md, _data/actors/*.yml):
 *   `name`, `aliases`, `ttps: [{ technique_id, technique_name, description }]`;
 * - actor-profile.json: adversaryvillage/threat-actor-profiles data/actors/fin7.json: `name`, `attack_techniques` by
 *   tactic (`initial_access: [{ id, name }]`), `attack_flow.steps: [{ step, tid, tactic, desc }]`;
 * - case-template.yaml: a case template's `ttp_definitions: [{ technique_id, technique_name, tactic, tactic_name }]`
 *   (a case management project's notes, in the search tool's code corpus: find_string "ttp_definitions:");
 * - chain.yml: a chain of Atomic tests, `steps: [{ technique, name, delay }]` (a chain runner's README, code corpus).
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
  for (const name of ['actor-ttps.yml', 'actor-profile.json', 'case-template.yaml', 'chain.yml']) {
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
