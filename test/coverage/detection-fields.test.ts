/**
 * A detections inventory written with other field names, as teams write theirs. Before, every detection of
 * `detections: [{name: X, technique_id: T1059.001}]` was invalid (`det.yaml:3: detection 1 "X": unknown field
 * "technique_id"`, 0 detections read) and a CSV's `Coverage Level` column was not read, every row counted as full
 * coverage. The fixtures are our own, minimal, in the shapes of real inventories: technique_id beside a name
 * (trevor050/ulmcode `tools/ulmcode-profile/skills/defensive-compact/k12-detection-engineering/references/
 * detection-coverage-matrix.md`: technique_id, technique_name, coverage_state; samfajobi/SOC-incident-triage-playbook-by-Fajobi
 * `mitre-att&ck-mapping.md`: Technique ID, Technique Name), a `mitre_attack: [T1059.001, T1003.001]` list
 * (mukul975/Anthropic-Cybersecurity-Skills skill files' `frameworks.mitre_attack`), Sigma's `title` and
 * `tags: [attack.execution, attack.t1059.001]` (SigmaHQ rules), `Attack Techniques` (TonyPhipps/SIEM
 * `Matrix/Detection-and-Compliance-Matrix.md`, its Signatures table).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseDetectionsCsv, parseDetectionsYaml } from '../../lib/coverage/read-detections.js';
import { kindOfValue } from '../../lib/input-kind.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const refsOf = (input: ReturnType<typeof parseDetectionsYaml>) => input.rules.map((rule) => [rule.name, rule.refs.map((ref) => [ref.raw, ref.line])]);
const said = (input: ReturnType<typeof parseDetectionsYaml>) => input.problems.map((problem) => [problem.line, problem.message, problem.skipped]);

describe('detections files written with other field names', () => {
  describe('YAML', () => {
    it('reads technique_id as techniques, the repair said once per file at its first place', () => {
      const input = parseDetectionsYaml('detections:\n  - name: X\n    technique_id: T1059.001\n  - name: Y\n    technique_id: T1105\n', 'det.yaml');
      expect(input.counts).to.deep.equal({ items: 2, rules: 2, ignored: 0, invalid: 0 });
      expect(refsOf(input)).to.deep.equal([
        ['X', [['T1059.001', 3]]],
        ['Y', [['T1105', 5]]],
      ]);
      expect(said(input)).to.deep.equal([[3, 'field "technique_id" read as techniques (2 detections, the first here); name it techniques', false]]);
    });

    const aliases: ReadonlyArray<readonly [key: string, value: string]> = [
      ['technique', 'T1059.001'],
      ['mitre_technique', 'T1059.001'],
      ['mitre_techniques', '[T1059.001]'],
      ['attack_id', 'T1059.001'],
      ['attack_ids', '[T1059.001]'],
      ['mitre_attack', '[T1059.001]'],
      ['ttps', '[T1059.001]'],
      ['technique_ids', '[T1059.001]'],
      ['"MITRE ATT&CK"', 'T1059.001'],
      ['Attack Techniques', 'T1059.001'],
    ];
    for (const [key, value] of aliases) {
      it(`reads ${key}: ${value} as techniques`, () => {
        const input = parseDetectionsYaml(`- name: X\n  ${key}: ${value}\n`, 'd.yml');
        expect(refsOf(input)).to.deep.equal([['X', [['T1059.001', 2]]]]);
        expect(input.problems).to.have.length(1);
        expect(input.problems[0]?.message).to.match(/^field ".+" read as techniques \(1 detection\); name it techniques$/);
      });
    }

    it("reads Sigma's title and the attack.t… entries of its tags, each at its line; other tags are no technique", () => {
      const text = ['- title: Encoded PowerShell', '  tags:', '    - attack.execution', '    - attack.t1059.001', '    - attack.t1027', '  level: high', ''].join('\n');
      const input = parseDetectionsYaml(text.replace('  level: high\n', ''), 'sigma-like.yml');
      expect(refsOf(input)).to.deep.equal([['Encoded PowerShell', [['T1059.001', 4], ['T1027', 5]]]]);
      expect(said(input)).to.deep.equal([
        [1, 'field "title" read as name (1 detection); name it name', false],
        [2, 'field "tags": its ATT&CK technique tags (attack.t…) read as techniques (1 detection); list the technique IDs under techniques', false],
      ]);
      // A Sigma level is a severity, not how well the detection covers: said with what to write, never read as coverage.
      const leveled = parseDetectionsYaml(text, 'sigma-like.yml');
      expect(leveled.counts).to.deep.equal({ items: 1, rules: 0, ignored: 0, invalid: 1 });
      expect(said(leveled)[2]).to.deep.equal([
        6,
        'detection 1 "Encoded PowerShell": field "level" is not read: its scale is not said (a Sigma level is a severity, not coverage); if it says how well the detection covers its techniques, name it coverage (a number 0-100 or none, low, medium, high)',
        true,
      ]);
    });

    it("does not read a technique's name or tactic beside its ID (ulmcode's and Fajobi's columns), saying so once", () => {
      const entry = (name: string, id: string) => [`- name: ${name}`, `  technique_id: ${id}`, '  technique_name: Brute Force', '  tactic: Credential Access'];
      const input = parseDetectionsYaml([...entry('A', 'T1110'), ...entry('B', 'T1110.003'), ''].join('\n'), 'd.yml');
      expect(input.counts).to.deep.equal({ items: 2, rules: 2, ignored: 0, invalid: 0 });
      expect(refsOf(input)).to.deep.equal([
        ['A', [['T1110', 2]]],
        ['B', [['T1110.003', 6]]],
      ]);
      expect(said(input).map(([line, message]) => [line, message])).to.deep.equal([
        [2, 'field "technique_id" read as techniques (2 detections, the first here); name it techniques'],
        [3, 'field "technique_name" is not read (2 detections, the first here): ATT&CK gives each technique\'s name and tactics, and the techniques are read from their IDs'],
        [4, 'field "tactic" is not read (2 detections, the first here): ATT&CK gives each technique\'s name and tactics, and the techniques are read from their IDs'],
      ]);
    });

    it("reads a technique's name alone as its reference", () => {
      const input = parseDetectionsYaml('- name: A\n  technique_name: PowerShell\n', 'd.yml');
      expect(refsOf(input)).to.deep.equal([['A', [['PowerShell', 2]]]]);
    });

    it('reads fields written in another case (Name, Coverage) as those fields', () => {
      const input = parseDetectionsYaml('- Name: X\n  Techniques: T1105\n  Coverage: 40\n', 'd.yml');
      expect(input.rules.map((rule) => [rule.name, rule.level])).to.deep.equal([['X', 0.4]]);
      expect(said(input).map(([line, message]) => [line, message])).to.deep.equal([
        [1, 'field "Name" read as name (1 detection); name it name'],
        [2, 'field "Techniques" read as techniques (1 detection); name it techniques'],
        [3, 'field "Coverage" read as coverage (1 detection); name it coverage'],
      ]);
    });

    it('leaves out a detection whose two technique fields differ, naming both, and reads the rest of the file', () => {
      const text = ['- name: A', '  technique_id: T1059.001', '  mitre_attack: [T1059.003]', '- name: B', '  techniques: [T1105]', '  technique_id: T1105', ''].join('\n');
      const input = parseDetectionsYaml(text, 'd.yml');
      expect(input.counts).to.deep.equal({ items: 2, rules: 1, ignored: 0, invalid: 1 });
      expect(refsOf(input)).to.deep.equal([['B', [['T1105', 5]]]]);
      // B's technique_id says what its techniques say: read as one, nothing to say.
      expect(said(input)).to.deep.equal([
        [3, 'detection 1 "A": technique_id (T1059.001) and mitre_attack (T1059.003) both give techniques and differ; write one techniques field', true],
      ]);
    });

    it('names the field as written in a schema problem of its value', () => {
      const input = parseDetectionsYaml('- name: A\n  technique_id: [T1059, 3]\n', 'd.yml');
      expect(said(input)).to.deep.include([2, 'detection 1 "A": technique_id/1 must be string', true]);
    });

    it('still refuses an unknown field that names no field (a typo): the detection, not the file', () => {
      const input = parseDetectionsYaml('- name: A\n  techiques: T1059\n- name: B\n  techniques: T1105\n', 'd.yml');
      expect(input.counts).to.deep.equal({ items: 2, rules: 1, ignored: 0, invalid: 1 });
      expect(said(input)).to.deep.equal([[1, 'detection 1 "A": unknown field "techiques"', true]]);
    });
  });

  describe('JSON', () => {
    // A bare list of detections was refused, where the same as YAML or under `detections:` was read: kindOfValue told a
    // list's detection by a `techniques` key alone (det.json: "JSON of no coverage kind").
    it('gap --coverage reads a bare list of them, saying the repair, as its YAML is read', async () => {
      const out = freshTmpDir('gap-json-aliased-detections');
      writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1059.001'])));
      writeFileSync(join(out, 'det.json'), '[{"name":"X","technique_id":"T1059.001"}]');
      const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', join(out, 'det.json'), '--out', join(out, 'gap')]);
      expect(run.code, run.stderr).to.equal(0);
      expect(run.stderr).to.include('det.json:1: field "technique_id" read as techniques (1 detection); name it techniques');
      expect(run.stderr).to.include('det.json: 1 detection read, 0 ignored, 0 invalid');
    });

    const kinds: [what: string, value: unknown, kind: string | undefined][] = [
      ['a bare list of detections with technique_id', [{ name: 'X', technique_id: 'T1059.001' }], 'detections'],
      ['rule_name and mitre_attack', [{ rule_name: 'LSASS access', rule_id: 'EDR-7', mitre_attack: ['T1003.001'] }], 'detections'],
      ['Sigma-style title and tags', [{ title: 'X', tags: ['attack.execution', 'attack.t1059.001'] }], 'detections'],
      // An actor's techniques, as ThreatActor.info and case templates write their entries: the name may be the technique's.
      ['not a list of an actor\'s techniques with a tactic', [{ technique_id: 'T1059', name: 'PowerShell', tactic: 'execution' }], undefined],
      ['not one with a procedure', [{ technique_id: 'T1059', name: 'PowerShell', procedure: 'ran a script' }], undefined],
      ['not one without a name', [{ technique_id: 'T1059', tactic: 'execution', procedure: 'ps' }], undefined],
      ['still a TTP list under ttps:', { ttps: [{ technique_id: 'T1059', name: 'PowerShell' }] }, 'ttp-list'],
      ['still a list of layers', [{ name: 'L', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059' }] }], 'layer'],
      ['still a layer of Navigator entries without versions', [{ name: 'L', domain: 'enterprise-attack' }], 'layer'],
      ['still a list of campaigns as before', [{ name: 'C', attack_version: '18.1', techniques: ['T1059'] }], 'detections'],
      ['still MISP attack sightings', [{ id: 'x', sightingType: 'x', techniques: [{ techniqueID: 'T1059' }] }], 'attack-sightings'],
    ];
    for (const [what, value, kind] of kinds) it(`kindOfValue tells ${what}`, () => expect(kindOfValue(value)).to.equal(kind));

    it('keeps a key __proto__ an unknown field, not a doubtful coverage nor a prototype', () => {
      const input = parseDetectionsYaml('[{"name": "X", "technique_id": "T1059.001", "__proto__": {"a": 1}}]', 'p.json');
      expect(said(input)).to.deep.include([1, 'detection 1 "X": unknown field "__proto__"', true]);
    });

    it('reads mitre_attack lists and rule_id, each ID at its line', () => {
      const text = JSON.stringify([{ rule_name: 'LSASS access', rule_id: 'EDR-7', mitre_attack: ['T1003.001', 'T1055'] }], null, 2);
      const input = parseDetectionsYaml(text, 'inventory.json');
      expect(input.rules.map((rule) => [rule.name, rule.id, rule.refs])).to.deep.equal([
        ['LSASS access', 'EDR-7', [{ raw: 'T1003.001', line: 6 }, { raw: 'T1055', line: 7 }]],
      ]);
      expect(said(input).map(([, message]) => message)).to.deep.equal([
        'field "rule_name" read as name (1 detection); name it name',
        'field "rule_id" read as id (1 detection); name it id',
        'field "mitre_attack" read as techniques (1 detection); name it techniques',
      ]);
    });
  });

  describe('CSV', () => {
    it('reads a Coverage Level column as coverage, where every row counted as full', () => {
      const input = parseDetectionsCsv('Rule Name,MITRE ATT&CK ID,Coverage Level\nEncoded PowerShell,T1059.001,Medium\nLSASS access,T1003.001,40%\n', 'd.csv');
      expect(input.rules.map((rule) => [rule.name, rule.level])).to.deep.equal([
        ['Encoded PowerShell', 0.5],
        ['LSASS access', 0.4],
      ]);
      expect(said(input)).to.deep.equal([[1, 'read column "Rule Name" as name, "MITRE ATT&CK ID" as techniques, "Coverage Level" as coverage', false]]);
    });

    it('leaves out a row whose second technique ID column differs, naming both; names are not compared', () => {
      const input = parseDetectionsCsv('Rule Name,Technique ID,MITRE ATT&CK\nA,T1059.001,T1059.003\nB,T1105,t1105\nC,T1110,Brute Force\n', 'd.csv');
      expect(input.counts).to.deep.equal({ items: 3, rules: 2, ignored: 0, invalid: 1 });
      expect(refsOf(input)).to.deep.equal([
        ['B', [['T1105', 3]]],
        ['C', [['T1110', 4]]],
      ]);
      expect(said(input)).to.deep.include([2, 'detection "A": columns "Technique ID" (T1059.001) and "MITRE ATT&CK" (T1059.003) both give techniques and differ; keep one techniques column', true]);
    });

    it('says a score column is not read, why, and what to name it', () => {
      const input = parseDetectionsCsv('name,techniques,score\nEncoded PowerShell,T1059.001,3\n', 'd.csv');
      expect(input.rules[0]?.level).to.equal(1);
      expect(said(input)).to.deep.equal([
        [
          1,
          'column "score" is not read: its scale is not said (a DeTT&CT score is 0-5, a percentage 0-100); if it says how well the detection covers its techniques, name it coverage (a number 0-100 or none, low, medium, high)',
          false,
        ],
      ]);
    });
  });
});
