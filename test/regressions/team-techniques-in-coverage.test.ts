// A team's own techniques of its ATT&CK Workbench namespace (ACME-T1000, ACME-T1000.001; see test/helpers/team-bundle.ts
// for the sources of their shape) in every coverage input that names technique IDs: with the team's data (MITRE's 18.1
// plus the team's objects, built at test time) each counts for the team's technique; with MITRE's 18.1 alone each is
// listed as not resolved, saying what the ID is and that the team's data holds it, never dropped and never read as the
// T1000 it ends with. Every input is hand-written in the shape of the format's own (see each reader's tests for the
// sources), with the team's ID where the format lists a technique.
// Sigma: pySigma reads `attack.acme-t1000` as namespace `attack`, name `acme-t1000` (SigmaHQ/pySigma,
// sigma/rule/attributes.py, SigmaRuleTag.from_str, commit 0a76bbd164280a1fe7a4ec06aea9432c49d1cd0d), and sigma-cli's
// analyze attack counts the rule for ACME-T1000, the name upper-cased (SigmaHQ/sigma-cli, sigma/analyze/attack.py,
// calculate_attack_scores, commit 1f5400841969c06160ca7589f67e940419123cae).
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCoverageInputs, resolveCoverage, type AttackIndex, type CoverageInput } from '../../lib/index.js';
import { freshTmpDir } from '../helpers/attack.js';
import { teamAndMitre18 } from '../helpers/team-bundle.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** One input of each format that names technique IDs, by file name: each names ACME-T1000 (or ACME-T1000.001) alone. */
const INPUTS: Readonly<Record<string, string>> = {
  'rules/sigma.yml': lines(
    'title: Helpdesk callback to an unknown number',
    'id: 5a3c0a8e-6b1f-4f53-9d0e-1a2b3c4d5e6f',
    'status: test',
    'tags:',
    '  - attack.initial-access',
    '  - attack.acme-t1000',
    '  - attack.ACME-T1000.001',
    'logsource:',
    '  product: windows',
    '  category: process_creation',
    'detection:',
    '  selection:',
    "    Image|endswith: '\\phone.exe'",
    '  condition: selection',
    'level: high',
  ),
  'rules/splunk.yml': lines(
    'name: Helpdesk Callback',
    'id: 0b1c2d3e-0000-4000-8000-000000000001',
    'version: 1',
    'status: production',
    'type: TTP',
    'search: index=helpdesk action=callback',
    'tags:',
    '  mitre_attack_id:',
    '  - ACME-T1000',
  ),
  'rules/sentinel.yaml': lines(
    'id: 0b1c2d3e-0000-4000-8000-000000000002',
    'name: Helpdesk Callback',
    'severity: High',
    'queryFrequency: 1h',
    'queryPeriod: 1h',
    'tactics:',
    '  - InitialAccess',
    'relevantTechniques:',
    '  - ACME-T1000',
    'query: |',
    '  SecurityEvent | where EventID == 4688',
  ),
  'rules/elastic.toml': lines(
    '[metadata]',
    'maturity = "production"',
    '[rule]',
    'name = "Helpdesk Callback"',
    'rule_id = "0b1c2d3e-0000-4000-8000-000000000003"',
    'severity = "high"',
    'type = "query"',
    'query = "process.name : phone.exe"',
    '[[rule.threat]]',
    'framework = "MITRE ATT&CK"',
    '[[rule.threat.technique]]',
    'id = "ACME-T1000"',
    'name = "Helpdesk Pretexting"',
    '[rule.threat.tactic]',
    'id = "TA0001"',
    'name = "Initial Access"',
  ),
  'rules/falco.yaml': lines(
    '- rule: Helpdesk callback',
    '  desc: A callback to an unknown number.',
    '  condition: spawned_process and proc.name = phone',
    '  output: Callback (user=%user.name)',
    '  priority: WARNING',
    '  tags: [maturity_stable, host, mitre_initial_access, ACME-T1000]',
  ),
  'rules/chronicle.yaral': lines(
    'rule helpdesk_callback {',
    '  meta:',
    '    author = "ACME"',
    '    mitre_attack_technique = "ACME-T1000"',
    '    severity = "High"',
    '  events:',
    '    $e.metadata.product_event_type = "Callback"',
    '  condition:',
    '    $e',
    '}',
  ),
  'rules/kql.md': lines(
    '# Helpdesk callback',
    '## MITRE ATT&CK Technique(s)',
    '| Technique ID | Title |',
    '| --- | --- |',
    '| ACME-T1000 | Helpdesk Pretexting |',
    '## Query',
    '```KQL',
    'DeviceProcessEvents',
    '| where FileName == "phone.exe"',
    '```',
  ),
  'rules/panther.yml': lines(
    'AnalysisType: rule',
    'RuleID: ACME.Helpdesk.Callback',
    'DisplayName: Helpdesk Callback',
    'Enabled: true',
    'Severity: High',
    'Reports:',
    '  MITRE ATT&CK:',
    '    - TA0001:ACME-T1000',
  ),
  'rules/wazuh.xml': lines(
    '<group name="local,">',
    '  <rule id="100100" level="10">',
    '    <description>Helpdesk callback</description>',
    '    <mitre><id>ACME-T1000</id></mitre>',
    '  </rule>',
    '</group>',
  ),
  'rules/suricata.rules': lines(
    'alert http $HOME_NET any -> $EXTERNAL_NET any (msg:"ACME Helpdesk callback"; http.host; content:"callback.example"; sid:9000001; rev:1; metadata:signature_severity Major, mitre_tactic_id TA0001, mitre_technique_id ACME-T1000;)',
  ),
  'datadog.json': JSON.stringify(
    [
      {
        name: 'Helpdesk callback',
        isEnabled: true,
        tags: ['technique:ACME-T1000-helpdesk-pretexting', 'tactic:TA0001-initial-access'],
        queries: [{ name: 'a', query: 'source:helpdesk', aggregation: 'count' }],
        cases: [{ status: 'high', condition: 'a > 0' }],
      },
    ],
    null,
    2,
  ),
  'detections.csv': lines('ACME-T1000,helpdesk callback audit'),
  'detections.yml': lines('- name: helpdesk callback audit', '  techniques: [ACME-T1000]', '  coverage: 80'),
  'dettect.yaml': lines(
    'version: 1.2',
    'file_type: technique-administration',
    'name: acme',
    'domain: enterprise-attack',
    'platform: all',
    'techniques:',
    '  - technique_id: ACME-T1000',
    '    technique_name: Helpdesk Pretexting',
    '    detection:',
    '      - applicable_to: [all]',
    '        location: [Helpdesk audit]',
    '        score_logbook:',
    '          - date: 2025-03-01',
    '            score: 4',
  ),
  'coverage.json': JSON.stringify({
    name: 'ACME coverage',
    domain: 'enterprise-attack',
    versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
    techniques: [{ techniqueID: 'ACME-T1000', tactic: 'initial-access', score: 80 }],
  }),
};

const TEAM = ['ACME-T1000', 'ACME-T1000.001'];

describe("a team's own techniques in coverage inputs (ACME-T1000 with the team's data on 18.1, and without)", function () {
  this.timeout(300_000);
  let team: AttackIndex;
  let mitre: AttackIndex;
  let inputs: CoverageInput[];
  before(() => {
    ({ team, mitre } = teamAndMitre18());
    const dir = freshTmpDir('team-coverage');
    mkdirSync(join(dir, 'rules'));
    for (const [name, text] of Object.entries(INPUTS)) writeFileSync(join(dir, name), text);
    inputs = readCoverageInputs(['rules', ...Object.keys(INPUTS).filter((name) => !name.startsWith('rules/'))].map((name) => join(dir, name)));
  });

  /** The file each rule was read from (its base name) and the techniques it counts for in `index`. */
  const counted = (index: AttackIndex) =>
    resolveCoverage(inputs, index)
      .rules.map(({ rule, ids }) => [rule.file.replace(/^.*[\\/]/, ''), [...ids].sort()] as const)
      .sort(([a], [b]) => a.localeCompare(b));

  const files = Object.keys(INPUTS).map((name) => name.replace(/^.*\//, ''));

  it('reads a rule or detection of every input, none skipped for its ID', () => {
    const read = inputs.flatMap((input) => input.rules.map((rule) => rule.file.replace(/^.*[\\/]/, '')));
    expect([...new Set(read)].sort()).to.deep.equal([...files].sort());
    const said = inputs.flatMap((input) => [...input.problems.map((problem) => problem.message), ...(input.notes ?? [])]);
    expect(said.filter((text) => /ACME/i.test(text))).to.deep.equal([]);
  });

  for (const file of files) {
    it(`${file}: counts for the team's technique with the team's data`, () => {
      const ids = counted(team).filter(([name]) => name === file).flatMap(([, each]) => each);
      expect(ids).to.deep.equal(file === 'sigma.yml' ? TEAM : ['ACME-T1000']);
    });
  }

  it("with MITRE's data alone, lists each reference as a namespace's technique the data lacks, none read as T1000", () => {
    const resolved = resolveCoverage(inputs, mitre);
    expect(resolved.rules.flatMap(({ ids }) => [...ids])).to.deep.equal([]);
    const places = resolved.unresolved.map((ref) => ref.file.replace(/^.*[\\/]/, ''));
    expect([...new Set(places)].sort()).to.deep.equal([...files].sort());
    for (const ref of resolved.unresolved) {
      expect(ref.note, ref.raw).to.match(/^ACME-T1000(\.001)? is an ID of an ATT&CK Workbench organization namespace \(prefix ACME\).*load the team's ATT&CK data/);
    }
  });
});
