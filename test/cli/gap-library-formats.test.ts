/**
 * `gap --rules-library` of Splunk and Elastic rules: classed through what each states of its data
 * (lib/coverage/stated-log-sources.ts). The library is test/fixtures/gap/library: excerpts of real rules, each citing
 * its repository, path and commit (splunk/security_content, elastic/detection-rules).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const library = join(repoRoot, 'test', 'fixtures', 'gap', 'library');
const coverage = join(repoRoot, 'test', 'fixtures', 'gap', 'sigma');
const THREAT = {
  name: 'library formats',
  versions: { attack: '18', layer: '4.5', navigator: '5.1.0' },
  domain: 'enterprise-attack',
  gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1 },
  techniques: ['T1003.001', 'T1003.003', 'T1543.003', 'T1068', 'T1071', 'T1021.002'].map((techniqueID) => ({ techniqueID, score: 1 })),
};

describe('gap --rules-library (Splunk and Elastic rules)', function () {
  let dir: string;
  const review = async (name: string, logs: string, report = 'json') => {
    writeFileSync(join(dir, `${name}.yml`), logs);
    const out = join(dir, name);
    const run = await runCli(['gap', '--threat', join(dir, 'threat.json'), '--coverage', coverage, '--rules-library', library, '--log-sources', join(dir, `${name}.yml`), '--out', out, '--report', report, '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    return join(out, `gap-report.${report}`);
  };
  const rulesOf = (file: string) => {
    const report = JSON.parse(readFileSync(file, 'utf8')) as GapReportData;
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    return new Map<string, NonNullable<GapReportData['rows'][number]["library"]>[number]>(report.rows.flatMap((row) => (row.library ?? []).map((rule) => [`${row.id} ${rule.name}`, rule] as const)));
  };

  before(() => {
    dir = freshTmpDir('gap-library-formats');
    writeFileSync(join(dir, 'threat.json'), JSON.stringify(THREAT));
  });

  it('classes a Splunk detection by its data_source and an Elastic rule by its index and event category, as Sigma rules are', async () => {
    // A team collecting Security auditing only: Elastic's rule reads logs-system.security* and process events (4688).
    const rules = rulesOf(await review('security', '- WinEventLog:Security\n'));
    const elastic = rules.get('T1003.001 Potential Credential Access via Windows Utilities')!;
    expect(elastic.logsources).to.include.members(['winlogbeat-*', 'logs-system.security*', 'event.category process']);
    expect(elastic.buildable).to.equal(true);
    const splunk = rules.get('T1068 Windows Service Create Kernel Mode Driver')!;
    expect(splunk.logsources).to.deep.equal(['Sysmon Event ID 1']);
    expect([splunk.buildable, splunk.needs]).to.deep.equal([false, 'WinEventLog:Sysmon (EventCode=1)']);
    // With Sysmon's process creation collected, the Splunk detection is buildable too.
    const sysmon = rulesOf(await review('sysmon', '- name: WinEventLog:Sysmon\n  channels: [EventCode=1]\n'));
    expect(sysmon.get('T1068 Windows Service Create Kernel Mode Driver')!.buildable).to.equal(true);
    expect(sysmon.get('T1003.001 Potential Credential Access via Windows Utilities')!.buildable).to.equal(true);
    // With neither, the Elastic rule needs one of the two logs its Windows indexes hold.
    const neither = rulesOf(await review('powershell', '- WinEventLog:PowerShell\n'));
    expect(neither.get('T1003.003 Potential Credential Access via Windows Utilities')!.needs).to.equal('WinEventLog:Sysmon (EventCode=1) or WinEventLog:Security (EventCode=4688)');
  });

  it('classes an EQL sequence by each of its event categories: buildable only when one log of each is collected, else needing those not', async () => {
    // elastic/detection-rules' Unusual Network Connection via RunDLL32: `sequence … [process where …] [network where …]`
    // over winlogbeat-* and logs-windows.sysmon_operational-*. Before: "needs a log source not mapped (elastic: winlogbeat-*, …)".
    const key = 'T1071 Unusual Network Connection via RunDLL32';
    const security = rulesOf(await review('seq-security', '- WinEventLog:Security\n')).get(key)!;
    expect(security.logsources).to.include('event.category process, network');
    expect([security.buildable, security.needs]).to.deep.equal([false, 'WinEventLog:Sysmon (EventCode=3)']);
    const none = rulesOf(await review('seq-none', '- WinEventLog:PowerShell\n')).get(key)!;
    expect(none.needs).to.equal('WinEventLog:Sysmon (EventCode=1) or WinEventLog:Security (EventCode=4688), and WinEventLog:Sysmon (EventCode=3)');
    const both = rulesOf(await review('seq-both', '- WinEventLog:Security\n- name: WinEventLog:Sysmon\n  channels: [EventCode=3]\n')).get(key)!;
    expect(both.buildable).to.equal(true);
    // Elastic Defend's indexes name no ATT&CK log: a sequence over them stays not mapped, said as stated.
    const defend = rulesOf(await review('seq-defend', '- WinEventLog:Security\n')).get('T1021.002 Remote Execution via File Shares')!;
    expect(defend.needs).to.equal('a log source not mapped (elastic: logs-endpoint.events.process-*, logs-endpoint.events.file-*, event.category file, process)');
  });

  /** A review of these threat techniques against test/fixtures/gap/library-kql, with a log sources file of its own per call. */
  const kqlReview = (techniques: readonly string[]) => {
    const threat = join(dir, `kql-threat-${techniques.join('-')}.json`);
    writeFileSync(threat, JSON.stringify({ ...THREAT, techniques: techniques.map((techniqueID) => ({ techniqueID, score: 1 })) }));
    return async (name: string, logs: string) => {
      writeFileSync(join(dir, `${name}.yml`), logs);
      const out = join(dir, name);
      const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', join(repoRoot, 'test', 'fixtures', 'gap', 'library-kql'), '--log-sources', join(dir, `${name}.yml`), '--out', out, '--report', 'json', '--quiet']);
      expect(run.code, run.stderr).to.equal(0);
      return rulesOf(join(out, 'gap-report.json'));
    };
  };

  it('classes a KQL query by each table it reads: a union by any one, a join by both sides (Sentinel rules and a .kql file)', async () => {
    // test/fixtures/gap/library-kql: Azure-Sentinel's AuditPolicyManipulation_using_auditpol.yaml (a union of
    // SecurityEvent, DeviceProcessEvents and Event) and NetworkEndpointCorrelation.yaml (CommonSecurityLog joined with
    // SecurityEvent), and Microsoft's first advanced hunting query (`union DeviceProcessEvents, DeviceNetworkEvents`) as
    // a .kql file. Before: "needs a log source not mapped (sentinel: SecurityEvents, MicrosoftThreatProtection)", and
    // the .kql file "log source not stated".
    const kql = kqlReview(['T1204', 'T1105']);
    const security = await kql('kql-security', '- WinEventLog:Security\n');
    const union = security.get('T1204 Audit policy manipulation using auditpol utility')!;
    expect([union.logsources, union.buildable]).to.deep.equal([['SecurityEvent', 'DeviceProcessEvents', 'Event (Microsoft-Windows-Sysmon/Operational EventID 1)'], true]);
    // CommonSecurityLog holds any appliance's CEF, no ATT&CK log: that side is said as stated, not guessed; its other
    // side, SecurityEvent's 4688, is WinEventLog:Security, collected here. Before: "a log source not mapped (sentinel:
    // CommonSecurityLog, SecurityEvent (EventID 4688))", as if Security's events were unknown too.
    const join_ = security.get('T1204 Network endpoint to host executable correlation')!;
    expect(join_.needs).to.equal('a log source not mapped (sentinel: CommonSecurityLog)');
    expect(security.get('T1105 PowerShell download')!.needs).to.equal('M365Defender:DeviceProcessEvents or M365Defender:DeviceNetworkEvents');
    const defender = await kql('kql-defender', '- M365Defender:DeviceNetworkEvents\n');
    expect(defender.get('T1105 PowerShell download')!.buildable).to.equal(true);
    // Its Event branch reads Sysmon's event 1 (`Source == "Microsoft-Windows-Sysmon"`, `EventID == 1`): a Windows log too.
    expect(defender.get('T1204 Audit policy manipulation using auditpol utility')!.needs).to.equal('WinEventLog:Security or M365Defender:DeviceProcessEvents or WinEventLog:Sysmon (EventCode=1)');
  });

  it('classes a Sentinel rule over SecurityEvent by the events it filters: buildable with those events collected, needing the one missing', async () => {
    // test/fixtures/gap/library-kql: Azure-Sentinel's MultipleFailedFollowedBySuccess.yaml (`where EventID == 4624 or
    // EventID == 4625`) and NonDCActiveDirectoryReplication.yaml (4662 joined with 4624). Before, both read the whole
    // WinEventLog:Security: "needs WinEventLog:Security" with a log sources file that lists Security's logons only.
    const kql = kqlReview(['T1110', 'T1003']);
    const logons = await kql('kql-logons', '- name: WinEventLog:Security\n  channels: [EventCode=4624, EventCode=4625]\n');
    const brute = logons.get('T1110 SecurityEvent - Multiple authentication failures followed by a success')!;
    expect([brute.logsources, brute.buildable]).to.deep.equal([['SecurityEvent (EventID 4624 or 4625)'], true]);
    const replication = logons.get('T1003 Non Domain Controller Active Directory Replication')!;
    expect([replication.buildable, replication.needs]).to.deep.equal([false, 'WinEventLog:Security (EventCode=4662)']);
    // The whole Security log holds every event of it.
    const whole = await kql('kql-whole', '- WinEventLog:Security\n');
    expect(whole.get('T1003 Non Domain Controller Active Directory Replication')!.buildable).to.equal(true);
  });

  it("classes an ASIM rule without dataTypes by the sources ASIM's built-in parsers of its schema read, and says so (imAuthBruteForce.yaml)", async () => {
    // test/fixtures/gap/library-kql: Azure-Sentinel's imAuthBruteForce.yaml reads imAuthentication and lists no
    // dataTypes. Before: "needs a log source not mapped (sentinel: imAuthentication (ASIM Authentication schema))",
    // whatever was collected. Microsoft's list of ASIM parsers names Windows logons 4624, 4625, 4634 and 4647 among them.
    const kql = kqlReview(['T1110']);
    const key = 'T1110 Brute force attack against user credentials (Uses Authentication Normalization)';
    const logons = (await kql('kql-asim-logons', '- name: WinEventLog:Security\n  channels: [EventCode=4625]\n')).get(key)!;
    expect([logons.logsources, logons.buildable]).to.deep.equal([['imAuthentication (ASIM Authentication schema)'], true]);
    const sysmon = (await kql('kql-asim-sysmon', '- WinEventLog:Sysmon\n')).get(key)!;
    expect([sysmon.buildable, sysmon.needs]).to.deep.equal([
      false,
      "WinEventLog:Security (EventCode=4624) or WinEventLog:Security (EventCode=4625) or WinEventLog:Security (EventCode=4634) or WinEventLog:Security (EventCode=4647) or M365Defender:DeviceLogonEvents or azure:signinlogs or AWS:CloudTrail or Okta:SystemLog or linux:syslog (imAuthentication: the sources ASIM's built-in Authentication parsers read)",
    ]);
    expect((await kql('kql-asim-okta', '- Okta:SystemLog\n')).get(key)!.buildable).to.equal(true);
  });

  it('warns of a rule whose query Kusto refuses, once, naming the file and line where it is cut (PersistViaIFEORegistryKey.yaml)', async () => {
    // test/fixtures/gap/library-kql: its `has_all ("\REGISTRY\MACHINE, "Image File Execution Options")` leaves a literal
    // open to its line's end. Before, its SecurityEvent branch alone was read, and nothing said why.
    const threat = join(dir, 'kql-cut.json');
    writeFileSync(threat, JSON.stringify({ ...THREAT, techniques: [{ techniqueID: 'T1546.012', score: 1 }] }));
    writeFileSync(join(dir, 'kql-cut.yml'), '- WinEventLog:Sysmon\n');
    const kqlLibrary = join(repoRoot, 'test', 'fixtures', 'gap', 'library-kql');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', kqlLibrary, '--log-sources', join(dir, 'kql-cut.yml'), '--out', join(dir, 'kql-cut'), '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const warning = `warning: ${join(kqlLibrary, 'sentinel', 'PersistViaIFEORegistryKey.yaml')}: its query is cut at line 28 (unterminated string): read up to there`;
    expect(run.stderr.split('\n').filter((line) => line.includes('its query is cut'))).to.deep.equal([warning]);
    const rule = rulesOf(join(dir, 'kql-cut', 'gap-report.json')).get('T1546.012 Persisting Via IFEO Registry Key')!;
    expect([rule.logsources, rule.needs]).to.deep.equal([['SecurityEvent (EventID 4657)'], 'WinEventLog:Security (EventCode=4657)']);
  });

  it('needs only the right side of a rightanti join, AlertInfo and AlertEvidence for DeviceAlertEvents, and the dataTypes of an ASIM rule beside its tables', async () => {
    // In our words, after Kusto's rightanti join; microsoft/Microsoft-365-Defender-Hunting-Queries' Delivery/Open email
    // link.txt (16111da4a55e3ff3e4f00dc6a7fd5d0a78dec22c), over AlertEvents; Azure/Azure-Sentinel's
    // Detections/ASimNetworkSession/PortScan.yaml (089a8371633f18c8205656818bd253bcd6ef39d1), its query joined with a table.
    // Before: "azure:signinlogs, and azure:audit"; "M365Defender:DeviceAlertEvents, and M365Defender:DeviceEvents", a
    // table no workspace has now; and the ASIM parser left out, "M365Defender:DeviceLogonEvents" alone.
    const library = join(dir, 'kql-loose-ends');
    mkdirSync(library, { recursive: true });
    writeFileSync(join(library, 'rightanti.kql'), '// Name: Role added without a sign-in\n// MITRE ATT&CK: T1098\nSigninLogs | where ResultType == 0 | join kind=rightanti (AuditLogs | where OperationName == "Add member to role") on UPN\n');
    writeFileSync(join(library, 'open-email-link.kql'), ['// Name: Open email link', '// MITRE ATT&CK: T1566', 'let outlookLinks = MiscEvents | where ActionType == "ShellStart" and isnotempty(RemoteUrl);', 'let alerts = AlertEvents | summarize (FirstDetectedActivity, Title)=argmin(EventTime, Title) by AlertId, MachineId;', 'alerts | join kind=inner (outlookLinks) on MachineId', ''].join('\n'));
    writeFileSync(join(library, 'PortScan.yaml'), ['name: Port scan detected  (ASIM Network Session schema)', 'severity: Medium', 'requiredDataConnectors:', '  - connectorId: AWSS3', '    datatypes:', '      - AWSVPCFlow', '  - connectorId: SecurityEvents', '    dataTypes:', '      - SecurityEvent', 'relevantTechniques:', '  - T1046', 'query: |', '  _Im_NetworkSession', '  | join kind=inner (DeviceLogonEvents | project SrcIpAddr = RemoteIP) on SrcIpAddr', ''].join('\n'));
    const threat = join(dir, 'kql-loose-ends.json');
    writeFileSync(threat, JSON.stringify({ ...THREAT, techniques: ['T1098', 'T1566', 'T1046'].map((techniqueID) => ({ techniqueID, score: 1 })) }));
    const reviewLibrary = async (name: string, logs: string) => {
      writeFileSync(join(dir, `${name}.yml`), logs);
      const out = join(dir, name);
      const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--rules-library', library, '--log-sources', join(dir, `${name}.yml`), '--out', out, '--report', 'json', '--quiet']);
      expect(run.code, run.stderr).to.equal(0);
      return rulesOf(join(out, 'gap-report.json'));
    };
    const syslog = await reviewLibrary('kql-loose-syslog', '- linux:syslog\n');
    expect(syslog.get('T1098 Role added without a sign-in')!.needs).to.equal('azure:audit');
    const alerts = syslog.get('T1566 Open email link')!;
    expect([alerts.logsources, alerts.needs]).to.deep.equal([
      ['AlertInfo (replaces DeviceAlertEvents, formerly AlertEvents)', 'AlertEvidence (replaces DeviceAlertEvents, formerly AlertEvents)', 'DeviceEvents (renamed from MiscEvents)'],
      'M365Defender:AlertInfo, and M365Defender:AlertEvidence, and M365Defender:DeviceEvents',
    ]);
    expect(syslog.get('T1046 Port scan detected  (ASIM Network Session schema)')!.needs).to.equal('AWS:VPCFlowLogs or WinEventLog:Security, and M365Defender:DeviceLogonEvents');
    const audit = await reviewLibrary('kql-loose-audit', '- azure:audit\n- WinEventLog:Security\n- M365Defender:DeviceLogonEvents\n');
    expect([audit.get('T1098 Role added without a sign-in')!.buildable, audit.get('T1046 Port scan detected  (ASIM Network Session schema)')!.buildable]).to.deep.equal([true, true]);
  });

  it('says "log source not stated" of a rule that states none (a 2019 Splunk detection, an Elastic ML rule), never what it needs', async () => {
    const file = await review('unstated', '- WinEventLog:Security\n');
    const rules = rulesOf(file);
    for (const key of ['T1003.001 Access LSASS Memory for Dump Creation', 'T1543.003 Unusual Process For a Windows Host']) {
      const rule = rules.get(key)!;
      expect([rule.logsources, rule.buildable, rule.needs, rule.logSourceStated], key).to.deep.equal([[], false, undefined, false]);
    }
    // Ordered after the buildable ones; the Markdown and CSV say it in words.
    const row = (JSON.parse(readFileSync(file, 'utf8')) as GapReportData).rows.find((r) => r.id === 'T1003.001')!;
    expect(row.library!.map((rule) => rule.name)).to.deep.equal(['Potential Credential Access via Windows Utilities', 'Access LSASS Memory for Dump Creation']);
    const md = readFileSync(await review('unstated-md', '- WinEventLog:Security\n', 'md'), 'utf8');
    expect(md).to.include('Rules library, not run: 2 rules not run; buildable now: 1 (Potential Credential Access via Windows Utilities (elastic/credential_access_cmdline_dump_tool.toml)); log source not stated: 1 (Access LSASS Memory for Dump Creation (splunk/access_lsass_memory_for_dump_creation.yml)).');
    // Not stated comes last among a gap's groups, after what the others need.
    expect(md).to.include('Rules library, not run: 2 rules not run; needs WinEventLog:Sysmon (EventCode=1): 1 (Windows Service Create Kernel Mode Driver (splunk/windows_service_create_kernel_mode_driver.yml)); log source not stated: 1 (Unusual Process For a Windows Host (elastic/persistence_ml_rare_process_by_host_windows.toml)).');
    expect(md).to.not.include('needs its');
    const csv = readFileSync(await review('unstated-csv', '- WinEventLog:Security\n', 'csv'), 'utf8');
    expect(csv).to.include('Unusual Process For a Windows Host [elastic/persistence_ml_rare_process_by_host_windows.toml:21] (log source not stated)');
  });
});
