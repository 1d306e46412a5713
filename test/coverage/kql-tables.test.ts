/**
 * kql-tables.ts: the tables a KQL query reads, in groups (a union's tables one group, a join's sides one each). The
 * queries are real: Azure/Azure-Sentinel's Detections/MultipleDataSources/AuditPolicyManipulation_using_auditpol.yaml
 * (0c6c4fecb26522c4d8c531b86fb6e41f7bfab176) and NetworkEndpointCorrelation.yaml
 * (14e70192712333b7f475443b568c1027f79ac588), its Hunting Queries/Microsoft 365 Defender/Campaigns/Bazacall/Cobalt
 * Strike Lateral Movement.yaml (57bf6172589d3982c58600d7b0bc8eb6b09d1c1c), and MicrosoftDocs/microsoft-365-docs
 * microsoft-365/security/defender/advanced-hunting-query-language.md (4387e4534737d4ed3c8375a2de8dbfa314de2730), as
 * test/fixtures/gap/library-kql keeps them, or excerpts of them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { kqlTableGroups } from '../../lib/coverage/kql-tables.js';
import { parseKqlFile } from '../../lib/coverage/read-kql-file.js';
import { parseKqlMarkdown } from '../../lib/coverage/read-kql-markdown.js';
import { parseSentinelExport } from '../../lib/coverage/read-sentinel-export.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';

const library = join(repoRoot, 'test', 'fixtures', 'gap', 'library-kql');

describe('kqlTableGroups', () => {
  const cases: [what: string, query: string, groups: string[][]][] = [
    ['a table alone', "SecurityEvent\n| where EventID == 4769 and TicketEncryptionType == '0x17'", [['SecurityEvent']]],
    ['a union list: any of its tables', 'union DeviceProcessEvents, DeviceNetworkEvents\n| where Timestamp > ago(7d)\n| where FileName in~ ("powershell.exe", "powershell_ise.exe")', [['DeviceProcessEvents', 'DeviceNetworkEvents']]],
    ["search's list", 'search in (SecurityEvent, Syslog) "mimikatz"', [['SecurityEvent', 'Syslog']]],
    ['a join of a table: each side', 'AlertInfo\n| where Title in("File dropped and launched from remote location")\n// Joining in instances where Cobalt Strike\'s built-in PsExec is used\n| join AlertEvidence on $left.AlertId == $right.AlertId', [['AlertInfo'], ['AlertEvidence']]],
    ['a join of parenthesised queries, with its parameters', "(DeviceFileEvents | where FileName endswith '.dll')\n| join kind=inner hint.strategy=shuffle (DeviceProcessEvents | where ProcessCommandLine has 'rundll32') on DeviceId", [['DeviceFileEvents'], ['DeviceProcessEvents']]],
    ['a let of a table, materialized', "let base = materialize(CommonSecurityLog | where DeviceVendor == 'Vectra Networks');\nbase | count", [['CommonSecurityLog']]],
    ['no table in strings, comments, scalar lets or in~ lists', "let AccountAllowList = dynamic(['SYSTEM']);\n// DeviceEvents\nSigninLogs\n| where UserPrincipalName !in~ (AccountAllowList) and AppDisplayName == \"AuditLogs\"", [['SigninLogs']]],
    ['none in a query that reads no table', 'print 1', []],
  ];
  for (const [what, query, groups] of cases) {
    it(`reads ${what}`, () => expect(kqlTableGroups(query)).to.deep.equal(groups));
  }

  it('reads the union of AuditPolicyManipulation_using_auditpol.yaml (union isfuzzy=true (SecurityEvent | …), (DeviceProcessEvents | …), (Event | …)) as one group', () => {
    const read = readRuleFolder(join(library, 'sentinel', 'AuditPolicyManipulation_using_auditpol.yaml'));
    expect(read.rules.map((rule) => rule.queryTables)).to.deep.equal([[['SecurityEvent', 'DeviceProcessEvents', 'Event']]]);
  });

  it('reads the join of NetworkEndpointCorrelation.yaml through its let (CommonSecurityLog | … | join (endpointData)) as two groups', () => {
    const read = readRuleFolder(join(library, 'sentinel', 'NetworkEndpointCorrelation.yaml'));
    expect(read.rules.map((rule) => rule.queryTables)).to.deep.equal([[['CommonSecurityLog'], ['SecurityEvent']]]);
  });

  it("reads a Sentinel rule's requiredDataConnectors dataTypes, as one group, when its query names no table it tells", () => {
    const dir = freshTmpDir('kql-tables-datatypes');
    writeFileSync(join(dir, 'watchlist.yaml'), ['name: Watchlist hosts', 'severity: Low', 'requiredDataConnectors:', '  - connectorId: SecurityEvents', '    dataTypes:', '      - SecurityEvent', '  - connectorId: Syslog', '    dataTypes:', '      - Syslog', 'relevantTechniques:', '  - T1078', "query: _GetWatchlist('hosts') | project Host", ''].join('\n'));
    expect(readRuleFolder(dir).rules.map((rule) => rule.queryTables)).to.deep.equal([[['SecurityEvent', 'Syslog']]]);
  });

  it('reads the tables of a .kql file, of the first KQL block of a query kept as Markdown and of a Sentinel export\'s query', () => {
    const text = readFileSync(join(library, 'kql', 'powershell-download.kql'), 'utf8');
    const kql = parseKqlFile(text, 'powershell-download.kql');
    expect('rule' in kql && kql.rule.queryTables).to.deep.equal([['DeviceProcessEvents', 'DeviceNetworkEvents']]);
    const markdown = parseKqlMarkdown(['# Download', '', '## MITRE ATT&CK Technique(s)', '', '| Technique ID | Title |', '| --- | --- |', '| T1105 | Ingress Tool Transfer |', '', '```KQL', 'union DeviceProcessEvents, DeviceNetworkEvents', '```', '```KQL', 'DeviceProcessEvents', '```'].join('\n'), 'q.md');
    expect('rule' in markdown && markdown.rule.queryTables).to.deep.equal([['DeviceProcessEvents', 'DeviceNetworkEvents']]);
    const exported = { resources: [{ type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules', kind: 'Scheduled', properties: { displayName: 'Audit policy', enabled: true, severity: 'Medium', techniques: ['T1204'], query: 'search in (SecurityEvent, Syslog) "auditpol"' } }] };
    const input = parseSentinelExport(exported, JSON.stringify(exported, null, 2), 'export.json');
    expect(input.rules.map((rule) => rule.queryTables)).to.deep.equal([[['SecurityEvent', 'Syslog']]]);
  });
});
