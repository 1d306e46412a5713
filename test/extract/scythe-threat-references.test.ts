/**
 * extract reads a SCYTHE threat (its Threat Manager's JSON export) as an emulation plan. Before, it was "valid JSON of
 * no kind extract reads" and read as text: each reference was the whole tag (`ref: "att&ck-technique:T1113"`), its
 * tactic (`att&ck-tactic:TA0009`) and the step it tags (`printscr --window Desktop`) were lost, and the campaign was
 * named after the file. The fixtures are trimmed copies of scythe-io/community-threats (see
 * test/fixtures/emulation-plan/scythe/README.md).
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractReport } from '../../lib/extract/extract-report.js';
import { scytheThreatReport } from '../../lib/extract/scythe-threat-references.js';
import { kindOfDocument } from '../../lib/input-kind.js';
import { loadRelease, runCli } from '../helpers/attack.js';

const fixture = (name: string): string => join('test', 'fixtures', 'emulation-plan', 'scythe', name);
const SLOTHFULMEDIA = readFileSync(fixture('SLOTHFULMEDIA_scythe_threat.json'), 'utf8');
const EGREGOR = readFileSync(fixture('Egregor_scythe_threat.json'), 'utf8');
const FIN6 = readFileSync(fixture('FIN6-Phase2-Scenario1_scythe_threat.json'), 'utf8');

describe('extract: a SCYTHE threat (scythe-io/community-threats)', () => {
  const target = loadRelease('18.1');

  it('is told an emulation plan by its content', () => {
    expect(kindOfDocument(SLOTHFULMEDIA)).to.equal('emulation-plan');
  });

  it("reads each att&ck-technique tag at its line, the step's att&ck-tactic as its tactic, its module and request as evidence", () => {
    const report = scytheThreatReport(SLOTHFULMEDIA, { file: 'SLOTHFULMEDIA_scythe_threat.json' })!;
    expect(report.name).to.equal('SLOTHFULMEDIA');
    expect(report.url).to.equal('https://us-cert.cisa.gov/ncas/analysis-reports/ar20-275a');
    expect(report.references.map((ref) => [ref.raw, ref.ids, ref.line, ref.tactics])).to.deep.equal([
      ['T1113', ['T1113'], 40, ['TA0009']],
      ['T1007', ['T1007'], 52, ['TA0007']],
      ['T1082', ['T1082'], 64, ['TA0007']],
      ['T1057', ['T1057'], 76, ['TA0007']],
      ['T1010', ['T1010'], 88, ['TA0007']],
      ['T1219', ['T1219'], 99, ['TA0011']],
    ]);
    expect(report.references[0]!.evidence).to.deep.equal([{ text: 'printscr --window Desktop', line: 35 }]);
    expect(report.references[0]!.from).to.deep.equal(['script step 14 (printscr), line 40']);
  });

  it("with no release, gives a step's tactic to no technique of several it tags (whoami: T1033 and T1059.003 under Discovery), and says so", () => {
    const report = scytheThreatReport(EGREGOR)!;
    const byId = new Map(report.references.map((ref) => [ref.raw, ref]));
    expect([...byId.keys()]).to.deep.equal(['T1071', 'T1078', 'T1078.003', 'T1033', 'T1059.003', 'T1113', 'T1053', 'T1053.005']);
    expect(byId.get('T1059.003')!.tactics).to.deep.equal([]);
    expect(byId.get('T1033')!.tactics).to.deep.equal([]);
    expect(byId.get('T1113')!.tactics).to.deep.equal(['TA0009']);
    // A technique two steps tag is one reference citing both.
    expect(byId.get('T1053')!.lines).to.deep.equal([59, 81]);
    expect(report.notes).to.deep.equal([
      'steps that tag one tactic for several techniques, given to those that have it: script step 2 (TA0007; T1033, T1059.003: given to none: no ATT&CK data to check it against) (the others are read with their own tactics; write a tactic: by hand where it is meant)',
    ]);
    // A description that only repeats the name is no description.
    expect(report.description).to.equal(undefined);
  });

  it("gives a step's one tactic to those of its several techniques that have it in the release, and says which did not", () => {
    // Egregor's `run whoami` is tagged Discovery (TA0007) with T1033 System Owner/User Discovery (Discovery) and T1059.003
    // Windows Command Shell (Execution). Before, neither took it, though it is T1033's.
    const report = extractReport(EGREGOR, { target }, { file: 'Egregor_scythe_threat.json' });
    const byId = new Map(report.references.map((ref) => [ref.raw, ref.tactics]));
    expect([byId.get('T1033'), byId.get('T1059.003'), byId.get('T1113')]).to.deep.equal([['Discovery'], [], ['Collection']]);
    expect(report.notes.filter((note) => note.startsWith('steps that tag'))).to.deep.equal([
      'steps that tag one tactic for several techniques, given to those that have it: script step 2 (TA0007; T1033, T1059.003: given to T1033; not to T1059.003, whose tactics it is not) (the others are read with their own tactics; write a tactic: by hand where it is meant)',
    ]);
  });

  it("reads a tag that is a technique's ID alone (FIN6-Phase2-Scenario1's `\"rtags\": [\"T1547.001\"]`)", () => {
    // Before, no tag of the threat was read: it had no reference at all, and said nothing of its tags.
    const report = scytheThreatReport(FIN6)!;
    expect(report.references.map((ref) => [ref.raw, ref.line, ref.tactics])).to.deep.equal([
      ['T1567.002', 19, []],
      ['T1547.001', 28, []],
      ['T1053.005', 37, []],
    ]);
  });

  it('says a tag of the framework that names no technique, and reads the rest', () => {
    const broken = SLOTHFULMEDIA.replace('"att&ck-technique:T1082"', '"att&ck-technique:System Information Discovery"');
    const report = scytheThreatReport(broken)!;
    expect(report.references.map((ref) => ref.raw)).to.deep.equal(['T1113', 'T1007', 'T1057', 'T1010', 'T1219']);
    expect(report.notes).to.deep.equal(['tags that name no ATT&CK technique or tactic, left out: line 64 "att&ck-technique:System Information Discovery" (script step 18)']);
  });

  it("names the campaign's tactics in the release, and cites the report the threat links", () => {
    const report = extractReport(SLOTHFULMEDIA, { target }, { file: 'SLOTHFULMEDIA_scythe_threat.json' });
    expect(report.name).to.equal('SLOTHFULMEDIA');
    expect(report.url).to.equal('https://us-cert.cisa.gov/ncas/analysis-reports/ar20-275a');
    expect(report.references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.status])).to.deep.equal([
      ['T1113', ['Collection'], 'current'],
      ['T1007', ['Discovery'], 'current'],
      ['T1082', ['Discovery'], 'current'],
      ['T1057', ['Discovery'], 'current'],
      ['T1010', ['Discovery'], 'current'],
      ['T1219', ['Command and Control'], 'current'],
    ]);
  });

  it('names the software a threat is named for (SLOTHFULMEDIA, S0533), at its display_name', () => {
    const report = extractReport(SLOTHFULMEDIA, { target }, { file: 'SLOTHFULMEDIA_scythe_threat.json' });
    expect(report.objects.map((object) => [object.id, object.written, object.lines, object.from])).to.deep.equal([['S0533', 'SLOTHFULMEDIA', [5], ['threat display_name, line 5']]]);
    // A name that is no software nor group (a scenario's) is said nowhere.
    const scenario = extractReport(SLOTHFULMEDIA.replace('"display_name": "SLOTHFULMEDIA"', '"display_name": "SLOTHFULMEDIA emulation, day 1"'), { target });
    expect([scenario.objects, scenario.notes.filter((note) => note.includes('software'))]).to.deep.equal([[], []]);
  });

  it('extract writes a campaign that normalize reads', async () => {
    const extracted = await runCli(['extract', fixture('SLOTHFULMEDIA_scythe_threat.json'), '--quiet']);
    expect(extracted.code).to.equal(0);
    expect(extracted.stdout).to.include('name: "SLOTHFULMEDIA"');
    expect(extracted.stdout).to.include('  - ref: "T1113"\n    tactic: [ "Collection" ]\n    evidence: "line 35: \\"printscr --window Desktop\\""');
    expect(extracted.stdout).to.include('url: "https://us-cert.cisa.gov/ncas/analysis-reports/ar20-275a"');
  });
});
