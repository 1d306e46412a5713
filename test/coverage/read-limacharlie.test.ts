import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { freshTmpDir } from '../helpers/attack.js';

// LimaCharlie Detection & Response rules in the shape of refractionPOINT/rules' Sigma/dr_rules/ (the rules LimaCharlie
// converted from Sigma, e.g. windows_builtin/win_dcsync.yml: `detect:` with `log type: wel`, `respond:` a report whose
// metadata keeps the Sigma rule's level and tags). That repository states no licence: these are reconstructions.
const rule = (respond: string[], top: string[] = []) =>
  [
    ...top,
    'detect:',
    '  log type: wel',
    '  op: is',
    '  path: Event/System/EventID',
    "  value: '4662'",
    '  target: log',
    'respond:',
    ...respond,
    '',
  ].join('\n');

const dcsync = rule([
  '- action: report',
  '  metadata:',
  '    author: A. Author',
  '    description: Detects directory replication requested by a non-DC',
  '    level: high',
  '    tags:',
  '    - attack.credential_access',
  '    - attack.s0002',
  '    - attack.t1003.006',
  '    - attack.11136.001',
  '  name: Directory Replication By Non-DC',
]);

describe('LimaCharlie D&R rules in a rule folder', () => {
  const dir = freshTmpDir('limacharlie');
  mkdirSync(join(dir, 'windows_builtin'), { recursive: true });
  const files: Readonly<Record<string, string>> = {
    'windows_builtin/win_dcsync.yml': dcsync,
    // Two reports: one mapped, one with a tactic and a group only (said in its reason); an unknown level noted.
    'windows_builtin/two_reports.yml': rule([
      '- action: report',
      '  name: Encoded PowerShell',
      '  metadata:',
      '    level: severe',
      '    tags: [attack.execution, attack.t1059.001]',
      '- action: report',
      '  name: Encoded PowerShell (context)',
      '  metadata:',
      '    tags: [attack.execution, attack.g0016]',
    ]),
    // A response that only tasks the sensor raises no detection.
    'windows_builtin/task_only.yml': rule(['- action: task', '  command: history_dump']),
    // `limacharlie dr get` writes a rule under `data:`, its state in `usr_mtd`.
    'windows_builtin/switched_off.yml': ['data:', ...dcsync.split('\n').map((line) => (line ? `  ${line}` : line)), 'usr_mtd:', '  enabled: false', '  expiry: 0', ''].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const input = readRuleFolder(dir);
  const rel = (file: string) => file.slice(dir.length + 1).split('\\').join('/');

  it("reads each report of a rule's response as a detection: its Sigma tags from metadata, its level as Sigma's", () => {
    expect([input.kind, input.counts]).to.deep.equal(['limacharlie', { items: 5, rules: 2, ignored: 3, invalid: 0 }]);
    expect(input.rules.map((r) => [rel(r.file), r.name, r.line, r.refs.map((ref) => [ref.id, ref.line]), r.level, r.tactics])).to.deep.equal([
      ['windows_builtin/two_reports.yml', 'Encoded PowerShell', 9, [['T1059.001', 12]], 0.75, ['execution']],
      ['windows_builtin/win_dcsync.yml', 'Directory Replication By Non-DC', 18, [['T1003.006', 16]], 0.9, ['credential_access']],
    ]);
    expect(input.rules[1]?.levelReason).to.equal('limacharlie D&R rule reporting a detection, level high -> 0.9');
  });

  it('ignores a rule switched off, a report without a technique and a response that reports nothing, saying why; notes what it cannot read', () => {
    expect(input.ignored.map((item) => [rel(item.file), item.name, item.line, item.reason])).to.deep.equal([
      ['windows_builtin/switched_off.yml', 'Directory Replication By Non-DC', 22, 'disabled in LimaCharlie (usr_mtd: enabled: false)'],
      ['windows_builtin/task_only.yml', undefined, 8, 'its response reports nothing (no action: report): it raises no detection'],
      [
        'windows_builtin/two_reports.yml',
        'Encoded PowerShell (context)',
        14,
        'no ATT&CK technique tag (tactics and object tags only: attack.execution, attack.g0016; a group, software, campaign, mitigation or data source tag names who or what, not a technique the rule detects)',
      ],
    ]);
    expect(input.problems.map((p) => [rel(p.file), p.line, p.message.slice(0, 40)])).to.deep.equal([
      ['windows_builtin/two_reports.yml', 9, 'unknown level "severe"; counted as mediu'],
      ['windows_builtin/win_dcsync.yml', 17, 'tag "attack.11136.001" is no ATT&CK tag:'],
    ]);
  });
});

// A report's `priority`, as LimaCharlie's documentation writes one (Response Actions, `report`: `priority: 3 #
// optional`), on a rule in the shape of win_dcsync.yml above: reconstructions. Its Cases extension reads priorities 0-10
// as severities by default (8-10 critical, 5-7 high, 3-4 medium, 0-2 low).
describe('LimaCharlie D&R rules: the priority of a report', () => {
  const dir = freshTmpDir('limacharlie-priority');
  const report = (name: string, priority: string, level: string) => [
    '- action: report',
    `  name: ${name}`,
    `  priority: ${priority}`,
    '  metadata:',
    `    level: ${level}`,
    '    tags: [attack.t1003.006]',
  ];
  writeFileSync(join(dir, 'prioritised.yml'), rule([...report('Critical by priority', '8', 'medium'), ...report('Low by priority', '2', 'high'), ...report('Priority in words', 'high', 'low')]));
  const input = readRuleFolder(dir);

  it("weighs a report by its priority on LimaCharlie's default severity mapping, before its metadata level; a priority that is no integer from 0 to 10 is noted", () => {
    expect(input.rules.map((r) => [r.name, r.level, r.levelReason])).to.deep.equal([
      ['Critical by priority', 1, "limacharlie D&R rule reporting a detection, priority 8 (critical on LimaCharlie's default severity mapping) -> 1"],
      ['Low by priority', 0.5, "limacharlie D&R rule reporting a detection, priority 2 (low on LimaCharlie's default severity mapping) -> 0.5"],
      ['Priority in words', 0.5, 'limacharlie D&R rule reporting a detection, level low -> 0.5'],
    ]);
    expect(input.problems.map((p) => [p.line, p.message])).to.deep.equal([
      [22, 'priority "high" is no integer from 0 to 10 (LimaCharlie\'s detection priorities); weighed by metadata.level instead'],
    ]);
  });
});

describe("LimaCharlie D&R rules in an infrastructure-as-code file (limacharlie configs push)", () => {
  // Reconstructions of the two shapes a LimaCharlie config file keeps D&R rules in, by name: `hives: dr-general:`, each
  // rule `data:` (detect, respond) beside its `usr_mtd` (LimaCharlie's IaC version 3), and `rules:`, each rule with its
  // `namespace`, `detect` and `respond`, as refractionPOINT/rules' Emerging_Threats/log4j.yml writes them.
  const dir = freshTmpDir('limacharlie-iac');
  writeFileSync(
    join(dir, 'org.yaml'),
    [
      'version: 3',
      'hives:',
      '  dr-general:',
      '    replication-by-non-dc:',
      '      data:',
      '        detect:',
      '          log type: wel',
      '          op: is',
      '          path: Event/System/EventID',
      "          value: '4662'",
      '        respond:',
      '          - action: report',
      '            name: Directory Replication By Non-DC',
      '            priority: 8',
      '            metadata:',
      '              tags:',
      '                - attack.credential_access',
      '                - attack.t1003.006',
      '      usr_mtd:',
      '        enabled: true',
      '    shadow-copies-deleted:',
      '      data:',
      '        detect:',
      '          event: NEW_PROCESS',
      '          op: contains',
      '          path: event/COMMAND_LINE',
      '          value: delete shadows',
      '        respond:',
      '          - action: report',
      '            metadata:',
      '              tags:',
      '                - attack.t1490',
      '      usr_mtd:',
      '        enabled: false',
      '  lookup:',
      '    bad-ips:',
      '      data: {}',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'emerging.yml'),
    [
      'version: 3',
      'resources:',
      '  replicant:',
      '  - exfil',
      'rules:',
      "  'Beacon #001':",
      '    namespace: general',
      '    detect:',
      '      event: DNS_REQUEST',
      '      op: is',
      '      path: event/DOMAIN_NAME',
      '      value: beacon.example.com',
      '    respond:',
      '    - action: report',
      '      name: beacon-domain',
      '      metadata:',
      '        tags:',
      '        - attack.t1071.004',
      '',
    ].join('\n'),
  );
  const input = readRuleFolder(dir);

  it('reads each rule of hives: dr-general: and of rules: as a D&R rule file is read, a report without a name named by its rule', () => {
    expect(input.kind).to.equal('limacharlie');
    expect(input.counts).to.deep.equal({ items: 3, rules: 2, ignored: 1, invalid: 0 });
    expect(input.rules.map((read) => [read.name, read.refs.map((ref) => ref.raw), read.level])).to.deep.equal([
      ['beacon-domain', ['attack.t1071.004'], 0.75],
      ['Directory Replication By Non-DC', ['attack.t1003.006'], 1],
    ]);
    expect(input.ignored.map((item) => [item.name, item.reason])).to.deep.equal([['shadow-copies-deleted', 'disabled in LimaCharlie (usr_mtd: enabled: false)']]);
    expect(input.notes).to.equal(undefined);
  });
});
