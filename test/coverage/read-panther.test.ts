import { expect } from 'chai';
import { parseRuleFile } from '../../lib/coverage/read-rule-folder.js';
import { tacticTags } from '../helpers/rule-outcomes.js';

// The shape of panther-labs/panther-analysis rules/*/*.yml: AnalysisType, names, Enabled, Severity, Reports with the
// MITRE ATT&CK mapping as TACTIC:TECHNIQUE.
const panther = (fields: string[]): string =>
  [
    'AnalysisType: rule',
    'Filename: aws_cloudtrail_stopped.py',
    'RuleID: "AWS.CloudTrail.Stopped"',
    'DisplayName: "CloudTrail Stopped"',
    ...fields,
    'LogTypes:',
    '  - AWS.CloudTrail',
    'Tests:',
    '  - Name: Stopped',
    '    ExpectedResult: true',
    '',
  ].join('\n');

describe('parseRuleFile (Panther detections)', () => {
  it('covers the techniques of Reports: MITRE ATT&CK, weighed by Severity, with the tactics they are written after', () => {
    expect(parseRuleFile(panther(['Enabled: true', 'Severity: High', 'Reports:', '  CIS:', '    - 3.5', '  MITRE ATT&CK:', '    - TA0005:T1562.008', '    - TA0040:T1485']), 'r.yml')).to.deep.equal({
      rule: {
        kind: 'panther',
        name: 'CloudTrail Stopped',
        id: 'AWS.CloudTrail.Stopped',
        file: 'r.yml',
        line: 4,
        refs: [
          { raw: 'TA0005:T1562.008', line: 11, id: 'T1562.008' },
          { raw: 'TA0040:T1485', line: 12, id: 'T1485' },
        ],
        level: 0.9,
        levelReason: 'panther rule, no status, severity High -> 0.9',
        platforms: ['AWS'],
        ...tacticTags([
          ['TA0005', 11],
          ['TA0040', 12],
        ]),
        dataSources: ['AWS.CloudTrail'],
      },
    });
  });

  it('weighs an experimental rule x 0.6, notes an unknown severity and a mapping that is no technique', () => {
    const outcome = parseRuleFile(panther(['Status: Experimental', 'Severity: Urgent', 'Reports:', '  MITRE ATT&CK:', '    - TA0006:T1110', '    - Credential Access']), 'r.yml');
    expect('rule' in outcome && [outcome.rule.level, outcome.rule.levelReason]).to.deep.equal([0.45, 'panther rule, status Experimental, unknown severity "Urgent" (counted as Medium) -> 0.45']);
    expect(outcome.notes).to.deep.equal([
      { line: 10, message: '"Credential Access" is not a technique as Panther maps one (TA0006:T1110, or T1110); it is skipped' },
      { line: 6, message: 'unknown severity "Urgent"; counted as Medium. Use one of Critical, High, Medium, Low, Info' },
    ]);
  });

  it('weighs a rule that makes signals only (CreateAlert: false) as one raising no alert of its own, whatever its Severity', () => {
    // The fields of panther-labs/panther-analysis rules/okta_rules/okta_admin_role_assigned.yml (at 1045a873):
    // Reports: MITRE ATT&CK: TA0004:T1078, Severity: Info, CreateAlert: false; here with Severity High.
    const outcome = parseRuleFile(panther(['Enabled: true', 'Reports:', '  MITRE ATT&CK:', '    - TA0004:T1078', 'Severity: High', 'CreateAlert: false']), 'r.yml');
    expect('rule' in outcome && [outcome.rule.level, outcome.rule.levelReason]).to.deep.equal([0.25, 'panther rule, no status, signals only (CreateAlert: false: no alert of its own) -> 0.25']);
  });

  const ignored: [what: string, text: string, reason: string][] = [
    ['a rule not switched on', panther(['Enabled: false', 'Severity: Low', 'Reports:', '  MITRE ATT&CK:', '    - TA0006:T1110']), 'disabled (Enabled: false)'],
    ['a rule named --DEPRECATED--', panther(['Severity: Low']).replace('"CloudTrail Stopped"', '"--DEPRECATED-- Failed Console Login"'), 'deprecated: its name says so'],
    ['a policy', panther(['Severity: Low']).replace('AnalysisType: rule', 'AnalysisType: policy'), 'Panther policy: it checks how a cloud resource is configured, detects no activity'],
    ['a global helper', 'AnalysisType: global\nGlobalID: panther_base_helpers\nFilename: panther_base_helpers.py\n', 'Panther global: no detection (a detection is a rule, scheduled_rule, correlation_rule)'],
    ['a rule without a mapping', panther(['Severity: Low']), 'no ATT&CK technique'],
  ];
  for (const [what, text, reason] of ignored) {
    it(`ignores ${what}, saying why`, () => {
      const outcome = parseRuleFile(text, 'r.yml');
      expect('ignored' in outcome && outcome.ignored.reason).to.equal(reason);
    });
  }
});
