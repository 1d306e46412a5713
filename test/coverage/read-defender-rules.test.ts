import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseDefenderRules } from '../../lib/coverage/read-defender-rules.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { kindOfValue } from '../../lib/input-kind.js';
import { statedLogSources } from '../../lib/coverage/stated-log-sources.js';
import { freshTmpDir } from '../helpers/attack.js';

// Microsoft Defender XDR custom detection rules as Microsoft Graph (beta) lists them, GET /security/rules/detectionRules.
// The fields are those of Microsoft's documentation (microsoftgraph/microsoft-graph-docs-contrib, CC BY 4.0):
// security-rulesroot-list-detectionrules.md of 2026 (status, alertTemplate.tactics[].techniques[].technique) and
// resources/security-alerttemplate.md of 2024 (isEnabled, alertTemplate.mitreTechniques); the rules are reconstructions.
const rule = (id: string, displayName: string, state: Record<string, unknown>, alertTemplate: Record<string, unknown>) => ({
  '@odata.type': '#microsoft.graph.security.detectionRule',
  id,
  displayName,
  ...state,
  queryCondition: { queryText: 'DeviceProcessEvents | where FileName == "powershell.exe" | where ProcessCommandLine has "-enc"' },
  schedule: { frequency: 'PT1H' },
  detectionAction: { alertTemplate: { title: displayName, ...alertTemplate } },
});
const graph = {
  value: [
    rule('office-encoded-powershell', 'Suspicious encoded PowerShell from Office', { status: 'enabled' }, {
      severity: 'high',
      tactics: [{ tactic: 'Execution', techniques: [{ technique: 'T1059.001' }, { technique: 'T1059' }] }],
    }),
    rule('35079', 'Remote system discovery', { isEnabled: true }, { severity: 'medium', category: 'Discovery', mitreTechniques: ['T1018', 'Discovery', 'T1086'] }),
    rule('35080', 'Rundll32 with no arguments', { status: 'autoDisabled' }, { severity: 'low', mitreTechniques: ['T1218.011'] }),
    rule('35081', 'Old rule', { isEnabled: false }, { severity: 'low', mitreTechniques: ['T1218.011'] }),
    rule('35082', 'Tactic only', { status: 'enabled' }, { severity: 'severe', tactics: [{ tactic: 'Persistence', techniques: [] }] }),
    { ...rule('35083', '', { status: 'enabled' }, { mitreTechniques: ['T1110'] }) },
  ],
};
const text = JSON.stringify(graph, null, 2);
const lineOf = (written: string) => text.split('\n').findIndex((line) => line.includes(`"displayName": "${written}"`)) + 1;

describe('parseDefenderRules (Defender XDR custom detection rules, Microsoft Graph)', () => {
  it("reads each rule's techniques (mitreTechniques, or under its tactics: a parent through its listed sub-technique) and severity", () => {
    const input = parseDefenderRules(graph, text, 'rules.json');
    expect([input.kind, input.counts]).to.deep.equal(['defender', { items: 6, rules: 2, ignored: 3, invalid: 1 }]);
    expect(input.rules.map((r) => [r.name, r.line, r.id, r.refs.map((ref) => ref.id), r.level, r.tactics])).to.deep.equal([
      ['Suspicious encoded PowerShell from Office', lineOf('Suspicious encoded PowerShell from Office'), 'office-encoded-powershell', ['T1059.001'], 0.9, ['Execution']],
      ['Remote system discovery', lineOf('Remote system discovery'), '35079', ['T1018', 'T1086'], 0.75, undefined],
    ]);
    expect(input.rules[0]?.levelReason).to.equal('defender custom detection rule deployed, severity high -> 0.9');
    expect(input.notes).to.deep.equal(["rules.json: read as Microsoft Graph's list of Defender XDR custom detection rules (value: GET /beta/security/rules/detectionRules)"]);
  });

  it('ignores a rule switched off (status disabled or autoDisabled, isEnabled false) or without a technique, and reports each entry it cannot read', () => {
    const input = parseDefenderRules(graph, text, 'rules.json');
    expect(input.ignored.map((item) => [item.name, item.line, item.reason])).to.deep.equal([
      ['Rundll32 with no arguments', lineOf('Rundll32 with no arguments'), 'disabled in Defender XDR (status: autoDisabled)'],
      ['Old rule', lineOf('Old rule'), 'disabled in Defender XDR (isEnabled: false)'],
      ['Tactic only', lineOf('Tactic only'), 'no ATT&CK technique (tactics only: Persistence)'],
    ]);
    expect(input.problems.map((p) => [p.line, p.message, p.skipped])).to.deep.equal([
      [lineOf('Remote system discovery'), 'Remote system discovery: "Discovery" is not a technique ID (T1234 or T1234.001); it is skipped', false],
      [undefined, 'detection rule 6 of the file has no displayName; it is skipped', true],
    ]);
  });

  it('keeps the tables its query (queryCondition.queryText) reads, as a Sentinel rule\'s, and states them as its log sources', () => {
    // The fixture's query reads DeviceProcessEvents, as Microsoft's own example does (microsoftgraph/microsoft-graph-docs-contrib
    // api-reference/beta/api/security-rulesroot-list-detectionrules.md, commit 7d47cab5), and one that
    // joins two Advanced Hunting tables: each side is needed.
    const joined = {
      ...graph.value[1]!,
      queryCondition: { queryText: "DeviceNetworkEvents | where RemotePort == 445 | join kind=inner (DeviceProcessEvents | where FileName =~ 'net.exe') on DeviceId" },
    };
    const input = parseDefenderRules([graph.value[0], joined], JSON.stringify([graph.value[0], joined], null, 2), 'rules.json');
    expect(input.rules.map((r) => r.queryTables)).to.deep.equal([[['DeviceProcessEvents']], [['DeviceNetworkEvents'], ['DeviceProcessEvents']]]);
    expect(statedLogSources(input.rules[0]!).stated).to.deep.equal(['DeviceProcessEvents']);
    expect(statedLogSources(input.rules[1]!).each?.map((side) => side.category)).to.deep.equal(['DeviceNetworkEvents', 'DeviceProcessEvents']);
  });

  it('is told from other JSON as Graph\'s list, a list or one rule, and read by --coverage from a .json file', () => {
    expect(kindOfValue(graph)).to.equal('defender-rules');
    expect(kindOfValue(graph.value)).to.equal('defender-rules');
    expect(kindOfValue(graph.value[0])).to.equal('defender-rules');
    expect(kindOfValue({ value: [{ displayName: 'x', queryCondition: { queryText: 'x' } }] })).to.equal(undefined);
    const dir = freshTmpDir('defender-rules');
    writeFileSync(join(dir, 'one.json'), JSON.stringify(graph.value[0], null, 2));
    const [one] = readCoverageInputs([join(dir, 'one.json')]);
    expect([one?.kind, one?.counts.rules, one?.rules[0]?.refs.map((ref) => ref.id)]).to.deep.equal(['defender', 1, ['T1059.001']]);
  });
});
