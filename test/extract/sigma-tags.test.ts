import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

// Sigma's tags are one flat list of `namespace.name` (SigmaHQ/sigma-specification, Tags_specification.md: attack, car,
// cve, detection, stp, tlp; pySigma's SigmaRuleTag splits a tag at its first dot); a rule's tactic tags are its tactics,
// not the next tag's. SigmaHQ/sigma's rules order them tactic(s) first, then techniques (`attack.execution`,
// `attack.stealth`, `attack.t1059.004`, `attack.t1027` in rules-threat-hunting/linux), or a technique first
// (`attack.t1003`, `attack.credential-access`). The lists below are ours, in those shapes, as reports, blog posts and
// READMEs quote them: a YAML list, one `Tags:` line, JSON, a code fence, a PDF's line break.
describe('withSigmaTags (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const read = (text: string) => extractReport(text, { target });
  const rows = (text: string) => read(text).references.map((ref) => [ref.raw, ref.resolution?.ids, ref.tactics, ref.name]);
  const warnings = (text: string) => read(text).references.flatMap((ref) => ref.resolution?.warnings ?? []);

  it('reads the IDs of a Tags: line as Sigma tags, with no name before them (the tag\'s "attack" was one)', () => {
    const text = 'The detection rule below catches the loader.\nTags: attack.t1059.001, attack.t1105\n';
    expect(rows(text)).to.deep.equal([
      ['t1059.001', ['T1059.001'], [], undefined],
      ['t1105', ['T1105'], [], undefined],
    ]);
    expect(warnings(text)).to.deep.equal([]);
    expect(rows('Tags: ATTACK.T1059.001 ATTACK.T1105\n')).to.deep.equal([
      ['T1059.001', ['T1059.001'], [], undefined],
      ['T1105', ['T1105'], [], undefined],
    ]);
  });

  it('gives a list\'s tactic tags to each of its techniques ATT&CK puts under them, whatever their order', () => {
    // Tactics first, as SigmaHQ writes them: each tactic was the next technique's only (T1105 took Defense Evasion).
    const yaml = ['tags:', '    - attack.execution', '    - attack.defense-evasion', '    - attack.t1059.004', '    - attack.t1027', 'logsource:', '    product: linux'];
    expect(rows(yaml.join('\n'))).to.deep.equal([
      ['t1059.004', ['T1059.004'], ['Execution'], undefined],
      ['t1027', ['T1027'], ['Defense Evasion'], undefined],
    ]);
    // JSON, on one line among the rule's other fields, `command_and_control` as the specification spells it.
    const json = '{"title": "Download Cradle", "tags": ["attack.execution", "attack.t1059.001", "attack.command_and_control", "attack.t1105"]}\n';
    expect(rows(json)).to.deep.equal([
      ['t1059.001', ['T1059.001'], ['Execution'], undefined],
      ['t1105', ['T1105'], ['Command and Control'], undefined],
    ]);
    // Rules one per line (JSON Lines): each line's tags are its own rule's.
    const jsonLines = ['{"title": "a", "tags": ["attack.execution", "attack.t1059.001"]}', '{"title": "b", "tags": ["attack.persistence", "attack.t1053.005"]}'];
    expect(rows(jsonLines.join('\n')).map((row) => row[2])).to.deep.equal([['Execution'], ['Persistence']]);
    // A rule's fields as a Markdown table, its tags in one cell.
    const table = ['| Field | Value |', '|---|---|', '| Tags | attack.persistence, attack.t1053.005, attack.t1547.001 |'];
    expect(rows(table.join('\n')).map((row) => row[2])).to.deep.equal([['Persistence'], ['Persistence']]);
    // A Markdown code fence, a pretty-printed JSON array.
    const fenced = ['```json', '"tags": [', '  "attack.command-and-control",', '  "attack.t1105",', '  "attack.execution",', '  "attack.t1059.001"', ']', '```'];
    expect(rows(fenced.join('\n')).map((row) => row[2])).to.deep.equal([['Command and Control'], ['Execution']]);
  });

  it('gives a technique under several listed tactics each of them, and one under none its own, and says both', () => {
    const text = ['tags:', '  - attack.execution', '  - attack.persistence', '  - attack.t1053.005', '  - attack.t1105'].join('\n');
    const report = read(text);
    expect(report.references.map((ref) => [ref.ids, ref.tactics])).to.deep.equal([
      [['T1053.005'], ['Execution', 'Persistence']],
      [['T1105'], []],
    ]);
    // SigmaHQ's proc_creation_win_autorun_registry_modified_via_wmic.yml lists privilege-escalation first: the tactics
    // come in the matrix's order.
    const autorun = ['tags:', '    - attack.privilege-escalation', '    - attack.execution', '    - attack.persistence', '    - attack.t1547.001', '    - attack.t1047'];
    expect(read(autorun.join('\n')).references.map((ref) => [ref.ids, ref.tactics])).to.deep.equal([
      [['T1547.001'], ['Persistence', 'Privilege Escalation']],
      [['T1047'], ['Execution']],
    ]);
    const [note] = report.notes.filter((one) => one.includes('Sigma'));
    expect(note).to.include('lines 2-5').and.include('T1053.005 (Execution, Persistence) is under several of them').and.include('T1105 (Command and Control) is under none of them');
  });

  it('gives ATT&CK 19\'s attack.stealth to a technique under Defense Evasion, which it was split off, for the resolver to place', () => {
    // SigmaHQ's rules tag ATT&CK 19's tactics (1,474 of them attack.stealth or attack.defense-impairment, none
    // attack.defense-evasion): rules/linux/process_creation/proc_creation_lnx_python_base64_encoded_execution.yml's
    // tags, below, gave T1027.010 no tactic at all, with a note that attack.stealth "names no tactic" of 18.1.
    const report = read(['tags:', '    - attack.execution', '    - attack.stealth', '    - attack.t1059.006', '    - attack.t1027.010'].join('\n'));
    expect(report.references.map((ref) => [ref.ids, ref.tactics])).to.deep.equal([
      [['T1059.006'], ['Execution']],
      [['T1027.010'], ['Stealth']],
    ]);
    expect(report.references[1]!.resolution?.warnings.join('\n')).to.include('"Stealth" is a tactic of ATT&CK 19, which split it off Defense Evasion').and.include('placed there');
    expect(report.notes.join('\n')).to.not.include('attack.stealth');
    // A technique not under Defense Evasion keeps its own, said as for any tactic tag it is not under.
    expect(read(['tags:', '    - attack.stealth', '    - attack.t1105'].join('\n')).notes.join('\n')).to.include('T1105 (Command and Control) is under none of them');
  });

  it('says a tactic tag no release knows, and gives it to no technique', () => {
    const report = read(['tags:', '    - attack.hiding', '    - attack.t1027'].join('\n'));
    expect(report.references.map((ref) => [ref.ids, ref.tactics])).to.deep.equal([[['T1027'], []]]);
    expect(report.notes.join('\n')).to.include('attack.hiding names no tactic of ATT&CK');
  });

  it('joins a tag a line break split (PDF-to-text), its rest no name of the next tag', () => {
    // `001, attack` was T1105's name, with a warning that it is none; the join is said as every split ID's is.
    const text = 'Tags: attack.execution, attack.t1059.\n001, attack.t1105\n';
    expect(rows(text)).to.deep.equal([
      ['t1059.001', ['T1059.001'], ['Execution'], undefined],
      ['t1105', ['T1105'], [], undefined],
    ]);
    expect(warnings(text)).to.deep.equal(['"t1059." at the end of line 1 and "001" starting line 2 read as T1059.001: one ID split by a line break, as PDF-to-text leaves a word wrapped in a narrow cell or column; check the text']);
  });

  it('reads Sigma\'s group and software tags as those objects, and other namespaces as no technique', () => {
    const report = read(['tags:', '  - attack.t1003', '  - attack.credential-access', '  - attack.g0010', '  - attack.s0005', '  - cve.2021-44228', '  - car.2016-04-005', '  - detection.threat_hunting'].join('\n'));
    expect(report.references.map((ref) => [ref.ids, ref.tactics])).to.deep.equal([[['T1003'], ['Credential Access']]]);
    expect(report.objects.map((object) => [object.id, object.written])).to.deep.equal([
      ['G0010', 'g0010'],
      ['S0005', 's0005'],
    ]);
  });

  it('leaves an ID in prose that names a tag alone: only a line of tags is a list', () => {
    expect(rows('The rule tagged attack.execution flags T1059.001 PowerShell.\n')).to.deep.equal([['T1059.001 PowerShell', ['T1059.001'], [], 'PowerShell']]);
  });
});

// `extractReferences` (no release) reads a quoted rule's tags by the same mechanism as `extractReport`: it read them line
// by line, as prose and tactic lines, so the library and the CLI read one text two ways. The shapes are SigmaHQ/sigma's
// (/work/shared/sigma, DRL 1.1, not copied): rules-emerging-threats/2017/Malware/CosmicDuke lists three tactic tags, then
// its techniques; DarkGate's rule (rules-emerging-threats/2023) lists `attack.command-and-control`, `attack.execution`,
// `attack.t1105`, `attack.t1059`; the lists below are ours, in those shapes.
describe('withSigmaTags without a release (through extractReferences)', () => {
  const rows = (text: string) => extractReferences(text).map((ref) => [ref.raw, ref.ids, ref.tactics, ref.name]);

  it('reads the IDs of a Tags: line as tags, with no name (it read "Tags: attack" as T1059.001\'s)', () => {
    expect(rows('The detection rule below catches the loader.\nTags: attack.t1059.001, attack.t1105\n')).to.deep.equal([
      ['t1059.001', ['T1059.001'], [], undefined],
      ['t1105', ['T1105'], [], undefined],
    ]);
  });

  it('gives each technique all the rule\'s tactic tags, whatever their order (the last one was theirs alone)', () => {
    const yaml = ['tags:', '    - attack.persistence', '    - attack.privilege-escalation', '    - attack.execution', '    - attack.t1543.003', '    - attack.t1569.002', 'logsource:', '    product: windows'];
    const all = ['Persistence', 'Privilege Escalation', 'Execution'];
    expect(rows(yaml.join('\n'))).to.deep.equal([
      ['t1543.003', ['T1543.003'], all, undefined],
      ['t1569.002', ['T1569.002'], all, undefined],
    ]);
    // JSON on one line: it gave none.
    const json = '{"title": "Download Cradle", "tags": ["attack.execution", "attack.t1059.001", "attack.command_and_control", "attack.t1105"]}\n';
    expect(rows(json).map((row) => row[2])).to.deep.equal([
      ['Execution', 'Command and Control'],
      ['Execution', 'Command and Control'],
    ]);
  });

  it('reads as extractReport does, which keeps of them those ATT&CK puts each technique under', () => {
    const text = ['tags:', '    - attack.persistence', '    - attack.privilege-escalation', '    - attack.execution', '    - attack.t1543.003', '    - attack.t1569.002'].join('\n');
    expect(extractReport(text).references).to.deep.equal(extractReferences(text));
    expect(extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.ids, ref.tactics])).to.deep.equal([
      [['T1543.003'], ['Persistence', 'Privilege Escalation']],
      [['T1569.002'], ['Execution']],
    ]);
  });
});

describe('withSigmaTags on an ID written first elsewhere (ATT&CK 18.1)', () => {
  it('gives it its tags\' tactics too (a tactic line above the tags was its tactic, with a warning)', () => {
    // DarkGate's shape: the technique named in prose after the rule; its tag's tactic is Command and Control.
    const text = ['```yaml', 'tags:', '    - attack.command-and-control', '    - attack.execution', '    - attack.t1105', '    - attack.t1059', '```', '', 'It also covers T1105 Ingress Tool Transfer.'].join('\n');
    const report = extractReport(text, { target: loadRelease('18.1') });
    expect(report.references.map((ref) => [ref.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
      [['T1105'], ['Command and Control'], []],
      [['T1059'], ['Execution'], []],
    ]);
  });
});
