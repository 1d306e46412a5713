/**
 * stated-log-sources.ts: a Splunk or Elastic rule's stated data -> ATT&CK log sources. The data sources are written as
 * splunk/security_content's detections write them (`Sysmon Event ID 1` in detections/endpoint/
 * windows_service_create_kernel_mode_driver.yml at 32569d2931ac566081d906bf5a9787895cc9e116; `Sysmon EventID 1`,
 * `Windows Event Log Security 4688`, `CrowdStrike ProcessRollup2`, `Powershell Script Block Logging 4104`,
 * `Sysmon for Linux EventID 1` in its later detections), the index patterns as elastic/detection-rules'
 * rules/windows/credential_access_cmdline_dump_tool.toml (74258e8db5eea00f237e39e074bfdbb954498947) writes them.
 */
import { expect } from 'chai';
import { statedLogSources } from '../../lib/coverage/stated-log-sources.js';
import type { CoverageRule } from '../../lib/coverage/coverage-types.js';

type Stated = Pick<CoverageRule, 'kind' | 'dataSources' | 'eventCategories' | 'eventSequence' | 'queryTables'>;
const refs = (rule: Stated) => statedLogSources(rule).refs?.map((ref) => `${ref.name}${ref.channel ? ` (${ref.channel})` : ''}`);

describe('statedLogSources', () => {
  const splunk: [string[], string[] | undefined][] = [
    [['Sysmon Event ID 1'], ['WinEventLog:Sysmon (EventCode=1)']],
    [['Sysmon EventID 1', 'Windows Event Log Security 4688', 'CrowdStrike ProcessRollup2'], ['WinEventLog:Sysmon (EventCode=1)', 'WinEventLog:Security (EventCode=4688)']],
    [['Powershell Script Block Logging 4104'], ['WinEventLog:PowerShell (EventCode=4104)']],
    [['Sysmon for Linux EventID 1'], ['linux:Sysmon (EventCode=1)']],
    [['Windows Event Log System 7045'], ['WinEventLog:System (EventCode=7045)']],
    [['CrowdStrike ProcessRollup2'], undefined],
  ];
  for (const [sources, expected] of splunk) {
    it(`maps Splunk's data_source ${sources.join(', ')} to ${expected?.join(' or ') ?? 'nothing'}`, () => {
      expect(refs({ kind: 'splunk', dataSources: sources })).to.deep.equal(expected);
      expect(statedLogSources({ kind: 'splunk', dataSources: sources }).stated).to.deep.equal(sources);
    });
  }

  it('maps an Elastic rule\'s Windows index patterns with its one event category, narrowed to the log each holds', () => {
    expect(refs({ kind: 'elastic', dataSources: ['winlogbeat-*'], eventCategories: ['process'] })).to.deep.equal(['WinEventLog:Sysmon (EventCode=1)', 'WinEventLog:Security (EventCode=4688)']);
    expect(refs({ kind: 'elastic', dataSources: ['logs-windows.sysmon_operational-*'], eventCategories: ['process'] })).to.deep.equal(['WinEventLog:Sysmon (EventCode=1)']);
    expect(refs({ kind: 'elastic', dataSources: ['logs-system.security*'], eventCategories: ['process'] })).to.deep.equal(['WinEventLog:Security (EventCode=4688)']);
    expect(refs({ kind: 'elastic', dataSources: ['logs-endpoint.events.library-*', 'winlogbeat-*'], eventCategories: ['library'] })).to.deep.equal(['WinEventLog:Sysmon (EventCode=7)']);
    expect(statedLogSources({ kind: 'elastic', dataSources: ['winlogbeat-*'], eventCategories: ['process'] }).stated).to.deep.equal(['winlogbeat-*', 'event.category process']);
  });

  it('maps no Elastic Defend index, no sequence of several categories and no index without a category', () => {
    expect(refs({ kind: 'elastic', dataSources: ['logs-endpoint.events.process-*', 'endgame-*'], eventCategories: ['process'] })).to.equal(undefined);
    expect(refs({ kind: 'elastic', dataSources: ['winlogbeat-*'], eventCategories: ['process', 'network'] })).to.equal(undefined);
    expect(refs({ kind: 'elastic', dataSources: ['winlogbeat-*'] })).to.equal(undefined);
    expect(statedLogSources({ kind: 'elastic' }).stated).to.deep.equal([]);
  });

  // elastic/detection-rules rules/windows/command_and_control_unusual_network_connection_via_rundll32.toml (e83ddf130daef6fcdece2764d684cca21338d534):
  // `sequence by host.id, process.entity_id [process where …] [network where …]` over Winlogbeat's and Sysmon's indexes.
  const rundll32: Stated = { kind: 'elastic', dataSources: ['winlogbeat-*', 'logs-endpoint.events.process-*', 'logs-windows.sysmon_operational-*'], eventCategories: ['process', 'network'], eventSequence: true };
  const each = (rule: Stated) => statedLogSources(rule).each?.map(({ category, refs: list }) => `${category}: ${list.map((ref) => `${ref.name} (${ref.channel})`).join(' or ')}`);

  it('maps each event category of an EQL sequence, in the query\'s order', () => {
    expect(each(rundll32)).to.deep.equal(['process: WinEventLog:Sysmon (EventCode=1) or WinEventLog:Security (EventCode=4688)', 'network: WinEventLog:Sysmon (EventCode=3)']);
    expect(refs(rundll32)).to.equal(undefined);
    expect(statedLogSources(rundll32).stated).to.include('event.category process, network');
    // Sysmon's index alone holds no Security 4688.
    expect(each({ ...rundll32, dataSources: ['logs-windows.sysmon_operational-*'] })).to.deep.equal(['process: WinEventLog:Sysmon (EventCode=1)', 'network: WinEventLog:Sysmon (EventCode=3)']);
  });

  it('maps no EQL sequence one of whose categories maps to no log (Security\'s index holds no network events; Elastic Defend\'s none)', () => {
    expect(statedLogSources({ ...rundll32, dataSources: ['logs-system.security*'] })).to.deep.equal({ stated: ['logs-system.security*', 'event.category process, network'] });
    expect(each({ ...rundll32, eventCategories: ['process', 'authentication'] })).to.equal(undefined);
    expect(each({ ...rundll32, dataSources: ['logs-endpoint.events.process-*', 'logs-endpoint.events.file-*'], eventCategories: ['file', 'process'] })).to.equal(undefined);
  });

  it('states what another format gives, mapping none: a Sentinel rule whose query is not read states its connectors', () => {
    expect(statedLogSources({ kind: 'sentinel', dataSources: ['SecurityEvents'] })).to.deep.equal({ stated: ['SecurityEvents'] });
  });

  // The tables of Azure/Azure-Sentinel's Detections/MultipleDataSources/AuditPolicyManipulation_using_auditpol.yaml
  // (0c6c4fecb26522c4d8c531b86fb6e41f7bfab176): `union isfuzzy=true (SecurityEvent | …), (DeviceProcessEvents | …),
  // (Event | …)`. Before, `a log source not mapped (sentinel: SecurityEvents, MicrosoftThreatProtection)`.
  it('maps a KQL union to each table it reads that is an ATT&CK log, any one enough; Event, of any channel, to none', () => {
    const union: Stated = { kind: 'sentinel', dataSources: ['SecurityEvents', 'MicrosoftThreatProtection'], queryTables: [['SecurityEvent', 'DeviceProcessEvents', 'Event']] };
    expect(refs(union)).to.deep.equal(['WinEventLog:Security', 'M365Defender:DeviceProcessEvents']);
    expect(statedLogSources(union).stated).to.deep.equal(['SecurityEvent', 'DeviceProcessEvents', 'Event']);
    // A .kql file of Microsoft's first advanced hunting query: `union DeviceProcessEvents, DeviceNetworkEvents`.
    expect(refs({ kind: 'kql', queryTables: [['DeviceProcessEvents', 'DeviceNetworkEvents']] })).to.deep.equal(['M365Defender:DeviceProcessEvents', 'M365Defender:DeviceNetworkEvents']);
    expect(refs({ kind: 'kql', queryTables: [['SecurityEvent', 'Syslog']] })).to.deep.equal(['WinEventLog:Security', 'linux:syslog']);
    expect(statedLogSources({ kind: 'kql', queryTables: [['Event', 'CommonSecurityLog']] })).to.deep.equal({ stated: ['Event', 'CommonSecurityLog'] });
  });

  it('maps a KQL join to each side, needed together, only when every side maps (NetworkEndpointCorrelation.yaml joins CommonSecurityLog, of no ATT&CK log)', () => {
    const sides = statedLogSources({ kind: 'kql', queryTables: [['SigninLogs'], ['AuditLogs', 'OfficeActivity']] }).each;
    expect(sides?.map(({ category, refs: list }) => `${category}: ${list.map((ref) => ref.name).join(' or ')}`)).to.deep.equal(['SigninLogs: azure:signinlogs', 'AuditLogs or OfficeActivity: azure:audit or m365:unified']);
    // The side of no ATT&CK log is the one not mapped (before, both sides were said not mapped).
    expect(statedLogSources({ kind: 'sentinel', queryTables: [['CommonSecurityLog'], ['SecurityEvent']] })).to.deep.equal({ stated: ['CommonSecurityLog', 'SecurityEvent'], unmapped: ['CommonSecurityLog'] });
  });

  // Azure/Azure-Sentinel's Detections/SecurityEvent/MultipleFailedFollowedBySuccess.yaml
  // (1b3a0d1aa624fe18a76b0c30e79d800876e64105): `SecurityEvent | … | where EventID == 4624 or EventID == 4625`.
  it("maps a KQL table of Windows events narrowed to events to each event, any one enough, as a Splunk rule's Windows Event Log Security 4688", () => {
    expect(refs({ kind: 'sentinel', queryTables: [['SecurityEvent (EventID 4624 or 4625)']] })).to.deep.equal(['WinEventLog:Security (EventCode=4624)', 'WinEventLog:Security (EventCode=4625)']);
    expect(refs({ kind: 'splunk', dataSources: ['Windows Event Log Security 4688'] })).to.deep.equal(refs({ kind: 'kql', queryTables: [['SecurityEvent (EventID 4688)']] }));
    expect(refs({ kind: 'kql', queryTables: [['WindowsEvent (Microsoft-Windows-Sysmon/Operational EventID 1)', 'Event (System)']] })).to.deep.equal(['WinEventLog:Sysmon (EventCode=1)', 'WinEventLog:System']);
    // No channel, or one of no ATT&CK log: WindowsEvent and Event map nothing, as before.
    expect(statedLogSources({ kind: 'kql', queryTables: [['WindowsEvent (EventID 4720)', 'Event (Microsoft-Windows-AppLocker/EXE and DLL)']] })).to.deep.equal({ stated: ['WindowsEvent (EventID 4720)', 'Event (Microsoft-Windows-AppLocker/EXE and DLL)'] });
  });

  // microsoft/Microsoft-365-Defender-Hunting-Queries' Lateral Movement/Device Logons from Unknown IPs.csl
  // (0b69583f45cefe19dda8c360a509eba5d249a93e) joins DeviceLogonEvents with DeviceNetworkInfo, Defender for Endpoint's
  // table of network adapters (learn.microsoft.com/azure/azure-monitor/reference/tables/devicenetworkinfo): before, its
  // side mapped nothing and left the rule not mapped.
  it("maps Defender's Device…Info tables as its Device…Events tables (DeviceNetworkInfo, DeviceFileCertificateInfo)", () => {
    const sides = statedLogSources({ kind: 'kql', queryTables: [['DeviceLogonEvents'], ['DeviceNetworkInfo']] }).each;
    expect(sides?.map(({ refs: list }) => list.map((ref) => ref.name).join(' or '))).to.deep.equal(['M365Defender:DeviceLogonEvents', 'M365Defender:DeviceNetworkInfo']);
    expect(refs({ kind: 'kql', queryTables: [['DeviceFileCertificateInfo']] })).to.deep.equal(['M365Defender:DeviceFileCertificateInfo']);
  });

  // The same query as kql-tables.ts reads it: its joins are leftanti, and DeviceNetworkInfo and IdentityLogonEvents only
  // leave logons out. Before, it needed one table of each of three sides; now DeviceLogonEvents alone.
  it('needs no table that only leaves rows out, and says it (Device Logons from Unknown IPs.csl)', () => {
    const tables = [['DeviceLogonEvents'], ['DeviceNetworkInfo (optional: leftanti join)'], ['IdentityLogonEvents (optional: leftanti join)']];
    expect(statedLogSources({ kind: 'kql', queryTables: tables })).to.deep.equal({ stated: tables.flat(), refs: [{ name: 'M365Defender:DeviceLogonEvents' }] });
    const two = statedLogSources({ kind: 'kql', queryTables: [['SigninLogs'], ['AuditLogs'], ['IdentityInfo (optional: !in subquery)']] });
    expect(two.each?.map(({ category }) => category)).to.deep.equal(['SigninLogs', 'AuditLogs']);
    expect(statedLogSources({ kind: 'kql', queryTables: [['CommonSecurityLog (optional: leftanti join)']] })).to.deep.equal({ stated: ['CommonSecurityLog (optional: leftanti join)'] });
  });

  // Azure/Azure-Sentinel's Detections/MultipleDataSources/ExchangeWorkerProcessMakingRemoteCall.yaml
  // (13c4accbca8b1680f42c99d17b6082bc6881ad60) matches DeviceProcessEvents against W3CIISLog, IIS's W3C logs;
  // Detections/ASimNetworkSession/PortScan.yaml (089a8371633f18c8205656818bd253bcd6ef39d1) lists AWSVPCFlow; Hunting
  // Queries/MultipleDataSources/RareDNSLookupWithDataTransfer.yaml (1b4ccf67c11f615b5400fbe44a4f4e5f8893becb) reads
  // DnsEvents. Before, each mapped nothing: "needs a log source not mapped (sentinel: DeviceProcessEvents, W3CIISLog)".
  it('maps the Sentinel tables of logs ATT&CK 18.1 names (W3CIISLog, AWSVPCFlow, DnsEvents, GCPAuditLogs, Okta_CL)', () => {
    const sides = statedLogSources({ kind: 'sentinel', queryTables: [['DeviceProcessEvents'], ['W3CIISLog']] }).each;
    expect(sides?.map(({ refs: list }) => list.map((ref) => ref.name).join(' or '))).to.deep.equal(['M365Defender:DeviceProcessEvents', 'ApplicationLog:IIS']);
    expect(refs({ kind: 'sentinel', queryTables: [['AWSVPCFlow', 'DnsEvents', 'GCPAuditLogs', 'Okta_CL', 'OktaV2_CL']] })).to.deep.equal(['AWS:VPCFlowLogs', 'dns:query', 'gcp:audit', 'Okta:SystemLog']);
  });

  // microsoft/Microsoft-365-Defender-Hunting-Queries' Lateral Movement/accountlogon.txt (0df73886c5088e2cac35d9baf2849217fe64074a)
  // reads LogonEvents, which Defender ATP renamed DeviceLogonEvents in December 2019; before, it mapped nothing.
  it('maps a Defender ATP table read by its new name as that table (LogonEvents, accountlogon.txt)', () => {
    expect(refs({ kind: 'kql', queryTables: [['DeviceLogonEvents (renamed from LogonEvents)']] })).to.deep.equal(['M365Defender:DeviceLogonEvents']);
    expect(refs({ kind: 'kql', queryTables: [['DeviceNetworkInfo (renamed from MachineNetworkInfo) (optional: leftanti join)', 'DeviceEvents (renamed from MiscEvents)']] })).to.deep.equal(['M365Defender:DeviceEvents']);
  });

  // The sources of each schema as learn.microsoft.com's "List of Microsoft Sentinel Advanced Security Information Model
  // (ASIM) parsers" (MicrosoftDocs/azure-docs articles/sentinel/normalization-parsers-list.md,
  // 03e5750af10b23b5ba437d5b333ec5e9437844f9) names them, read by parsers Azure-Sentinel's rules call: imAuthentication
  // (Detections/ASimAuthentication/imAuthBruteForce.yaml), imDns (Detections/ASimDNS/imDNS_Miners.yaml), imRegistry
  // (Hunting Queries/MultipleDataSources/PersistViaIFEORegistryKey.yaml), imProcessCreation
  // (Detections/ASimProcess/imProcess_AdFind_Usage.yaml), imWebSession (Detections/ASimWebSession/SuspiciousUAPowershell.yaml),
  // _Im_NetworkSession (Detections/ASimNetworkSession/PortScan.yaml). Before, each mapped nothing.
  const asim: [parser: string, schema: string, expected: string[] | undefined][] = [
    ['imAuthentication', 'Authentication', ['WinEventLog:Security (EventCode=4624)', 'WinEventLog:Security (EventCode=4625)', 'WinEventLog:Security (EventCode=4634)', 'WinEventLog:Security (EventCode=4647)', 'M365Defender:DeviceLogonEvents', 'azure:signinlogs', 'AWS:CloudTrail', 'Okta:SystemLog', 'linux:syslog']],
    ['imDns', 'Dns', ['dns:query', 'WinEventLog:Sysmon (EventCode=22)']],
    ['imRegistry', 'RegistryEvent', ['M365Defender:DeviceRegistryEvents', 'WinEventLog:Security (EventCode=4657)', 'WinEventLog:Security (EventCode=4663)', 'WinEventLog:Sysmon (EventCode=12)', 'WinEventLog:Sysmon (EventCode=13)', 'WinEventLog:Sysmon (EventCode=14)']],
    ['imProcessCreation', 'ProcessCreate', ['M365Defender:DeviceProcessEvents', 'WinEventLog:Security (EventCode=4688)', 'WinEventLog:Sysmon (EventCode=1)', 'linux:Sysmon (EventCode=1)']],
    ['_Im_NetworkSession', 'NetworkSession', ['M365Defender:DeviceNetworkEvents', 'WinEventLog:Sysmon (EventCode=3)', 'linux:Sysmon (EventCode=3)', ...Array.from({ length: 10 }, (_, i) => `WinEventLog:Security (EventCode=${5150 + i})`), 'AWS:VPCFlowLogs']],
    ['imWebSession', 'WebSession', ['ApplicationLog:IIS']],
    ['_Im_FileEvent', 'FileEvent', ['M365Defender:DeviceFileEvents', 'WinEventLog:Security (EventCode=4663)', 'WinEventLog:Sysmon (EventCode=11)', 'WinEventLog:Sysmon (EventCode=23)', 'WinEventLog:Sysmon (EventCode=26)', 'linux:Sysmon (EventCode=11)', 'linux:Sysmon (EventCode=23)', 'linux:Sysmon (EventCode=26)', 'AWS:CloudTrail', 'm365:unified']],
    ['_Im_AuditEvent', 'AuditEvent', ['AWS:CloudTrail', 'azure:activity', 'm365:unified', 'WinEventLog:Security (EventCode=1102)']],
    ['imDhcpEvent', 'DhcpEvent', undefined],
  ];
  for (const [parser, schema, expected] of asim) {
    it(`maps the ASIM parser ${parser} to what the built-in ${schema} parsers read${expected ? ', saying so' : ': none of an ATT&CK log'}`, () => {
      const read: Stated = { kind: 'sentinel', queryTables: [[`${parser} (ASIM ${schema} schema)`]] };
      expect(refs(read)).to.deep.equal(expected);
      expect(statedLogSources(read).through).to.deep.equal(expected ? [`${parser}: the sources ASIM's built-in ${schema} parsers read`] : undefined);
    });
  }

  it('maps user management through ASIM to the Security events its parser reads, and a join side to its parser, said on that side', () => {
    const management = statedLogSources({ kind: 'kql', queryTables: [['imUserManagement (ASIM UserManagement schema)']] }).refs!;
    expect(management.filter((ref) => ref.name === 'WinEventLog:Security').length).to.equal(28);
    expect(management.filter((ref) => ref.name !== 'WinEventLog:Security').map((ref) => ref.name)).to.deep.equal(['AWS:CloudTrail', 'linux:syslog']);
    const sides = statedLogSources({ kind: 'kql', queryTables: [['SigninLogs'], ['imDns (ASIM Dns schema)', 'DnsEvents']] }).each!;
    expect(sides.map((side) => side.through)).to.deep.equal([undefined, ["imDns: the sources ASIM's built-in Dns parsers read"]]);
  });
});
