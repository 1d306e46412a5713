import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseDatadogRules } from '../../lib/coverage/read-datadog-rules.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { kindOfValue } from '../../lib/input-kind.js';
import { freshTmpDir } from '../helpers/attack.js';

// Datadog Cloud SIEM detection rules as its API lists them (GET /api/v2/security_monitoring/rules: { data, meta }).
// The first is the threshold rule of Datadog's API guide ("Multiple failed authentications from a single user", its
// tags technique:T1110-brute-force and tactic:TA0006-credential-access), queries and options cut; the others are
// reconstructions with the fields the API documents (isEnabled, isDeprecated, the subtechnique: tags Datadog's
// agent rules carry).
const rule = (name: string, fields: Record<string, unknown>, tags: string[], statuses: string[]) => ({
  name,
  type: 'log_detection',
  isEnabled: true,
  ...fields,
  tags,
  queries: [{ name: 'a', query: 'source:cloudtrail', aggregation: 'count' }],
  cases: statuses.map((status) => ({ status, condition: 'a > 5' })),
});
const api = {
  data: [
    rule('Multiple failed authentications from a single user', { id: 'abc-def-ghi' }, ['source:cloudtrail', 'security:attack', 'technique:T1110-brute-force', 'tactic:TA0006-credential-access'], ['high']),
    rule('Instance credentials used outside AWS', {}, ['technique:T1552-unsecured-credentials', 'subtechnique:T1552.005-cloud-instance-metadata-api', 'technique:brute-force'], ['info', 'critical', 'severe']),
    rule('Old rule', { isDeprecated: true }, ['technique:T1078-valid-accounts'], ['low']),
    rule('Switched off', { isEnabled: false }, ['technique:T1078-valid-accounts'], ['low']),
    rule('Tactic only', {}, ['tactic:TA0004-privilege-escalation'], ['medium']),
  ],
  meta: { page: { total_count: 5, total_filtered_count: 5 } },
};
const text = JSON.stringify(api, null, 2);
const lineOf = (name: string) => text.split('\n').findIndex((line) => line.includes(`"name": "${name}"`)) + 1;

describe('parseDatadogRules (Datadog Cloud SIEM detection rules)', () => {
  it('reads technique and subtechnique tags (a parent through its tagged sub-technique) and weighs the highest case status', () => {
    const input = parseDatadogRules(api, text, 'rules.json');
    expect([input.kind, input.counts]).to.deep.equal(['datadog', { items: 5, rules: 2, ignored: 3, invalid: 0 }]);
    expect(input.rules.map((r) => [r.name, r.line, r.id, r.refs.map((ref) => ref.id), r.level, r.tactics])).to.deep.equal([
      ['Multiple failed authentications from a single user', lineOf('Multiple failed authentications from a single user'), 'abc-def-ghi', ['T1110'], 0.9, ['TA0006']],
      ['Instance credentials used outside AWS', lineOf('Instance credentials used outside AWS'), undefined, ['T1552.005'], 1, undefined],
    ]);
    expect(input.rules[1]?.levelReason).to.equal('datadog detection rule enabled, highest case status critical -> 1');
    expect(input.notes).to.deep.equal(["rules.json: read as Datadog's list of detection rules (data: GET /api/v2/security_monitoring/rules)"]);
  });

  it('ignores a rule deprecated, not enabled or without a technique tag, and notes a tag it cannot read', () => {
    const input = parseDatadogRules(api, text, 'rules.json');
    expect(input.ignored.map((item) => [item.name, item.line, item.reason])).to.deep.equal([
      ['Old rule', lineOf('Old rule'), 'deprecated in Datadog (isDeprecated: true)'],
      ['Switched off', lineOf('Switched off'), 'not enabled in Datadog (isEnabled: false)'],
      ['Tactic only', lineOf('Tactic only'), 'no ATT&CK technique tag (tactics only: TA0004)'],
    ]);
    expect(input.problems.map((p) => [p.line, p.message])).to.deep.equal([
      [lineOf('Instance credentials used outside AWS'), 'Instance credentials used outside AWS: tag "technique:brute-force": "brute-force" is not a technique ID (T1234 or T1234.001); it is skipped'],
    ]);
  });

  it("is told from other JSON (a monitor has no cases) and read by --coverage from a .json file", () => {
    expect(kindOfValue(api)).to.equal('datadog-rules');
    expect(kindOfValue(api.data[0])).to.equal('datadog-rules');
    expect(kindOfValue({ name: 'High error rate', type: 'metric alert', query: 'avg(last_5m):x > 1', tags: ['team:web'] })).to.equal(undefined);
    const dir = freshTmpDir('datadog-rules');
    writeFileSync(join(dir, 'failed_auth.json'), JSON.stringify(api.data[0]));
    const [input] = readCoverageInputs([join(dir, 'failed_auth.json')]);
    expect([input?.kind, input?.rules.map((r) => r.refs.map((ref) => ref.id))]).to.deep.equal(['datadog', [['T1110']]]);
  });
});
