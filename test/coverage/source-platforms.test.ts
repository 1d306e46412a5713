import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { parseRuleFile } from '../../lib/coverage/read-rule-folder.js';
import { parseSavedSearches } from '../../lib/coverage/read-splunk-conf.js';
import { parseSentinelExport } from '../../lib/coverage/read-sentinel-export.js';
import { parseDefenderRules } from '../../lib/coverage/read-defender-rules.js';
import { parseDatadogRules } from '../../lib/coverage/read-datadog-rules.js';
import { ruleItems } from '../helpers/rule-outcomes.js';

/** The platforms of the one rule a file's text is read as; the outcome itself when it is no rule. */
const platformsOf = (text: string, file: string): unknown => {
  const outcome = parseRuleFile(text, file);
  return 'rule' in outcome ? outcome.rule.platforms : outcome;
};

/** The platforms of each rule of a file read as several (a savedsearches.conf, a Python module). */
const itemPlatforms = (outcome: Parameters<typeof ruleItems>[0]): unknown[] => ruleItems(outcome).map((item) => ('rule' in item ? item.rule.platforms : item));

const fixture = (path: string): string => readFileSync(new URL(`../fixtures/coverage/cloud-siem/${path}`, import.meta.url), 'utf8');

describe('platforms from the data a rule reads (source-platforms.ts)', () => {
  describe('Splunk security_content detections: data_source, else the macros the search starts from', () => {
    // splunk/security_content detections/cloud and detections/application (Apache-2.0); their shapes in
    // test/fixtures/coverage/cloud-siem/README.md, each written here with its data_source and search macro.
    const detection = (sources: string[], search: string): string =>
      [
        'name: A cloud detection',
        'status: production',
        'type: TTP',
        ...(sources.length ? ['data_source:', ...sources.map((source) => `- ${source}`)] : []),
        `search: '${search}'`,
        'tags:',
        '  mitre_attack_id:',
        '  - T1078',
        '',
      ].join('\n');
    const cases: [what: string, sources: string[], search: string, platforms: string[] | undefined][] = [
      ['Azure Active Directory Disable Strong Authentication (azure_ad_multi_factor_authentication_disabled.yml)', ['Azure Active Directory Disable Strong Authentication'], '`azure_monitor_aad` category=AuditLogs', ['Azure AD']],
      ['O365 ModifyFolderPermissions: the management activity feed holds Entra ID\'s workload too', ['O365 ModifyFolderPermissions'], '`o365_management_activity` Operation=ModifyFolderPermissions', ['Office 365', 'Azure AD']],
      ['Okta (okta_mfa_exhaustion_hunt.yml)', ['Okta'], '`okta` eventType=system.push.send_factor_verify_push', ['Azure AD']],
      ['G Suite Gmail (gsuite_email_suspicious_attachment.yml)', ['G Suite Gmail'], '`gsuite_gmail` num_message_attachments > 0', ['Google Workspace']],
      // Google Workspace's logon and admin reports are an identity provider's data too (GOOGLE_WORKSPACE_REPORTS).
      ['no data_source: the gws_reports_login macro (sourcetype=gws:reports:login)', [], '`gws_reports_login` event.name=login_success', ['Google Workspace', 'Azure AD']],
      ['no data_source: the gws_reports_admin macro (sourcetype=gws:reports:admin)', [], '`gws_reports_admin` name=ENFORCE_STRONG_AUTHENTICATION', ['Google Workspace', 'Azure AD']],
      ['no data_source: a search of sourcetype=gws:reports:login', [], 'index=gws sourcetype=gws:reports:login event.name=login_failure', ['Google Workspace', 'Azure AD']],
      ['no data_source: a search of sourcetype=gws:reports:drive, Drive\'s alone', [], 'index=gws sourcetype=gws:reports:drive', ['Google Workspace']],
      ['GitHub Enterprise Audit Logs (github_enterprise_disable_2fa_requirement.yml)', ['GitHub Enterprise Audit Logs'], '`github_enterprise` action=org.disable_two_factor_requirement', ['SaaS']],
      ['no data_source (a detection of 2021): the search\'s o365_management_activity macro', [], '`o365_management_activity` Workload=Exchange | `security_content_ctime(firstTime)` | `x_filter`', ['Office 365', 'Azure AD']],
      ['no data_source: the azuread macro (sourcetype=mscs:azure:eventhub)', [], '`azuread` body.operationName="Add member to role"', ['Azure AD']],
      ['Azure AD and O365 sources together: both', ['Azure Active Directory Add member to role', 'O365 Add member to role.'], '`azure_monitor_aad`', ['Azure AD', 'Office 365']],
      ['a CIM data model search of CrowdStrike events: an EDR\'s, of Windows, Linux and macOS hosts', ['CrowdStrike ProcessRollup2'], '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes', ['Windows', 'Linux', 'macOS']],
      // detections/endpoint/mimikatz_passtheticket_commandline_parameters.yml (T1550.003): three sources it runs on,
      // one an EDR's; it counted on every platform (IaaS, SaaS, Office Suite) for the EDR source no row knew.
      ['Sysmon EventID 1, Windows Event Log Security 4688 and CrowdStrike ProcessRollup2 (mimikatz_passtheticket_commandline_parameters.yml)', ['Sysmon EventID 1', 'Windows Event Log Security 4688', 'CrowdStrike ProcessRollup2'], '| tstats count from datamodel=Endpoint.Processes where Processes.process="*kerberos::ptt*"', ['Windows', 'Linux', 'macOS']],
      ['Cisco Network Visibility Module Flow Data (cisco_nvm___macos_browser_spawned_shell_external_connection.yml): Secure Client\'s, on Windows, Linux and macOS', ['Cisco Network Visibility Module Flow Data'], '`cisco_network_visibility_module_flowdata` process_path IN ("*/bash")', ['Windows', 'Linux', 'macOS']],
      ['Cisco Isovalent Process Exec (cisco_isovalent___shell_execution.yml, T1543): Linux processes in Kubernetes\' pods', ['Cisco Isovalent Process Exec'], '`cisco_isovalent_process_exec` process_name IN ("sh", "bash")', ['Linux', 'Containers']],
      ['Kubernetes Falco (kubernetes_falco_shell_spawned.yml, T1204): Falco\'s, as a Falco rule fires', ['Kubernetes Falco'], '`kube_container_falco` "A shell was spawned by a program in a container"', ['Linux', 'Containers']],
      ['no data_source: the cisco_isovalent_process_exec macro (sourcetype=cisco:isovalent:processExec)', [], '`cisco_isovalent_process_exec` process_name=crontab | `cisco_isovalent___cron_job_creation_filter`', ['Linux', 'Containers']],
      ['no data_source: a search of sourcetype=crowdstrike:events:sensor', [], 'sourcetype=crowdstrike:events:sensor event_simpleName=ProcessRollup2', ['Windows', 'Linux', 'macOS']],
      ['an Okta source beside one no table knows (a firewall\'s traffic): any platform', ['Okta', 'Palo Alto Network Traffic'], '| tstats count from datamodel=Authentication', undefined],
    ];
    for (const [what, sources, search, platforms] of cases) {
      it(`${what} -> ${platforms?.join(', ') ?? 'every platform'}`, () => {
        expect(platformsOf(detection(sources, search), 'detection.yml')).to.deep.equal(platforms);
      });
    }

    it('reads a deployed saved search by the macros of its search (ESCU\'s savedsearches.conf keeps no data_source)', () => {
      const conf = [
        '[ESCU - Azure AD Multi-Factor Authentication Disabled - Rule]',
        'action.correlationsearch.enabled = 1',
        'action.correlationsearch.label = ESCU - Azure AD Multi-Factor Authentication Disabled - Rule',
        'action.correlationsearch.annotations = {"mitre_attack": ["T1556", "T1556.006"]}',
        'action.notable = 1',
        'disabled = 0',
        'search = `azure_monitor_aad` category=AuditLogs operationName="Disable Strong Authentication" | `azure_ad_multi_factor_authentication_disabled_filter`',
        '',
      ].join('\n');
      const outcome = parseSavedSearches(conf, 'savedsearches.conf');
      expect(itemPlatforms(outcome)).to.deep.equal([['Azure AD']]);
      const endpoint = parseSavedSearches(conf.replace(/^search = .*$/m, 'search = | tstats count from datamodel=Endpoint.Processes where `process_reg`'), 'savedsearches.conf');
      expect(itemPlatforms(endpoint)).to.deep.equal([undefined]);
    });
  });

  describe('Sentinel analytic rules: the tables the query reads, else the connectors', () => {
    it('reads SigninPasswordSpray.yaml (SigninLogs and AADNonInteractiveUserSignInLogs through table(tableName), T1110) as Entra ID\'s', () => {
      expect(platformsOf(fixture('sentinel/SigninPasswordSpray.yaml'), 'SigninPasswordSpray.yaml')).to.deep.equal(['Azure AD']);
    });

    it('reads Malicious_Inbox_Rule.yaml (OfficeActivity, T1098, T1078) as Office 365\'s', () => {
      expect(platformsOf(fixture('sentinel/Malicious_Inbox_Rule.yaml'), 'Malicious_Inbox_Rule.yaml')).to.deep.equal(['Office 365']);
    });

    // Defender XDR's connector (MicrosoftThreatProtection) serves its email and its device tables alike: the tables decide.
    const xdr = (table: string, optional = ''): string =>
      [
        'id: 0f1a2b3c-0000-4000-8000-000000000001',
        'name: A Defender XDR rule',
        'severity: Medium',
        'requiredDataConnectors:',
        '  - connectorId: MicrosoftThreatProtection',
        '    dataTypes:',
        `      - ${table}`,
        'queryFrequency: 1h',
        'queryPeriod: 1h',
        'relevantTechniques:',
        '  - T1566',
        'query: |',
        `  ${table}`,
        '  | where ThreatTypes has "Phish"',
        ...(optional ? [`  | join kind=leftanti (${optional}) on AccountUpn`] : []),
        'kind: Scheduled',
        '',
      ].join('\n');
    const cases: [string, string, string, string[] | undefined][] = [
      ['EmailEvents', 'EmailEvents', '', ['Office 365']],
      ['CloudAppEvents, events of Office 365 and other cloud apps', 'CloudAppEvents', '', ['Office 365', 'SaaS']],
      ['DeviceProcessEvents, of Windows, Linux and macOS devices', 'DeviceProcessEvents', '', undefined],
      ['EmailEvents with a table it runs without (leftanti)', 'EmailEvents', 'DeviceInfo', ['Office 365']],
    ];
    for (const [what, table, optional, platforms] of cases) {
      it(`reads MicrosoftThreatProtection's ${what} -> ${platforms?.join(', ') ?? 'every platform'}`, () => {
        expect(platformsOf(xdr(table, optional), 'rule.yaml')).to.deep.equal(platforms);
      });
    }

    it('reads the connectors when the query reads no table the table knows (a workspace function over Okta_CL)', () => {
      const rule = [
        'id: 0f1a2b3c-0000-4000-8000-000000000002',
        'name: Okta MFA push fatigue',
        'severity: Medium',
        'requiredDataConnectors:',
        '  - connectorId: OktaSSO',
        '    dataTypes:',
        '      - Okta_CL',
        'queryFrequency: 1h',
        'queryPeriod: 1h',
        'relevantTechniques:',
        '  - T1621',
        'query: |',
        '  OktaPushEvents',
        '  | where eventType_s == "system.push.send_factor_verify_push"',
        'kind: Scheduled',
        '',
      ].join('\n');
      expect(platformsOf(rule, 'rule.yaml')).to.deep.equal(['Azure AD']);
    });

    it('reads a deployed rule of a Sentinel export by its query\'s tables (SigninLogs: Entra ID; SecurityEvent: Windows)', () => {
      const file = fileURLToPath(new URL('../fixtures/coverage/sentinel-export/analytic_rules_export.json', import.meta.url));
      const text = readFileSync(file, 'utf8');
      const input = parseSentinelExport(JSON.parse(text), text, 'export.json');
      expect(input.rules.map((rule) => [rule.name, rule.platforms])).to.deep.equal([
        ['Password spray against many accounts', ['Azure AD']],
        ['Kerberoasting: many RC4 service tickets', ['Windows']],
      ]);
    });
  });

  describe('KQL kept elsewhere than a Sentinel rule: a .kql file, Markdown, a Defender XDR custom detection', () => {
    // mhartson310/Sentinel-KQL-Library's header (kql-queries/identity/impossible-travel.kql: `// Name:`, `// MITRE
    // ATT&CK: T1078 - Valid Accounts`) over queries of our own.
    const kqlFile = (query: string[]): string => ['// Name: A sign-in query', '// MITRE ATT&CK: T1078 - Valid Accounts', '', ...query, ''].join('\n');
    const cases: [what: string, query: string[], platforms: string[] | undefined][] = [
      ['SigninLogs', ['SigninLogs', '| where ResultType == 0'], ['Azure AD']],
      ['SecurityEvent filtered to events', ['SecurityEvent', '| where EventID == 4625'], ['Windows']],
      ['SigninLogs with a device table it runs without (leftanti)', ['SigninLogs', '| join kind=leftanti (DeviceInfo) on $left.DeviceDetail.deviceId == $right.AadDeviceId'], ['Azure AD']],
      ['SigninLogs joined to a device table it needs', ['SigninLogs', '| join kind=inner (DeviceLogonEvents) on AccountUpn'], undefined],
      ['DeviceProcessEvents, of Windows, Linux and macOS devices', ['DeviceProcessEvents', '| where ProcessCommandLine has "-enc"'], undefined],
    ];
    for (const [what, query, platforms] of cases) {
      it(`reads a .kql file of ${what} -> ${platforms?.join(', ') ?? 'every platform'}`, () => {
        expect(platformsOf(kqlFile(query), 'query.kql')).to.deep.equal(platforms);
      });
    }

    it('reads a query kept as Markdown by its tables (Bert-JanP/Hunting-Queries-Detection-Rules\' shape: AADSignInEventsBeta, EmailEvents)', () => {
      const markdown = (query: string): string =>
        ['# A hunting query', '', '## Query Information', '', '#### MITRE ATT&CK Technique(s)', '', '| Technique ID | Title |', '| --- | --- |', '| T1566.002 | Phishing: Spearphishing Link |', '', '## Defender XDR', '```KQL', query, '```', ''].join('\n');
      expect(platformsOf(markdown('AADSignInEventsBeta\n| where ErrorCode == 0'), 'query.md')).to.deep.equal(['Azure AD']);
      expect(platformsOf(markdown("EmailEvents\n| where EmailDirection == 'Inbound'\n| join kind=inner EmailAttachmentInfo on NetworkMessageId"), 'query.md')).to.deep.equal(['Office 365']);
      expect(platformsOf(markdown('DeviceFileEvents\n| where FileName endswith ".iso"'), 'query.md')).to.deep.equal(undefined);
    });

    it('reads a Defender XDR custom detection by its queryText\'s tables (EmailEvents: Office 365; DeviceProcessEvents: every platform)', () => {
      // Microsoft Graph's detectionRule (microsoftgraph/microsoft-graph-docs-contrib resources/security-detectionrule.md).
      const rule = (displayName: string, queryText: string) => ({ displayName, isEnabled: true, queryCondition: { queryText }, detectionAction: { alertTemplate: { severity: 'medium', mitreTechniques: ['T1566.001'] } } });
      const value = { value: [rule('Inbound ISO attachment', "EmailEvents | join kind=inner EmailAttachmentInfo on NetworkMessageId | where FileName endswith '.iso'"), rule('ISO mounted', 'DeviceFileEvents | where FileName endswith ".iso"')] };
      const input = parseDefenderRules(value, JSON.stringify(value, null, 2), 'rules.json');
      expect(input.rules.map((r) => [r.name, r.platforms])).to.deep.equal([
        ['Inbound ISO attachment', ['Office 365']],
        ['ISO mounted', undefined],
      ]);
    });
  });

  describe('Splunk searches kept as Markdown: the source types, macros and indexes they name, as a detection\'s search', () => {
    // SPL hunts kept as Markdown, each a ```spl block under a title and a technique line: Varunrajparimi/SIEM-Detection-
    // Rules (Detection Rules/DET-007_LSASS_Memory_Access__Credential_Dumping.md: `index=sysmon EventCode=10`), MuddsiSyed/
    // Advanced-Threat-Hunting-Intelligence-Operations-Platform (03-threat-hunting/hunting-query-library.md: `index=endpoint
    // (EventCode=3 OR EventCode=4624 …)`, an index of mixed data), and others found through the code index, their
    // repositories not named there: `index=wineventlog sourcetype="WinEventLog:Microsoft-Windows-Sysmon/Operational"
    // EventCode IN (19, 20, 21)`, `index=* source="/var/log/auth.log" ("Failed password" OR …)`, `index=main
    // source="*secure.log"`, `index=windows EventCode=10 …`. Our own lines in their shape.
    const markdown = (search: string): string =>
      ['# A hunting search', '', '**MITRE ATT&CK:** T1078', '', '## Splunk (SPL)', '```spl', search, '```', ''].join('\n');
    const cases: [what: string, search: string, platforms: string[] | undefined][] = [
      ['a Sysmon source type', 'index=wineventlog sourcetype="XmlWinEventLog:Microsoft-Windows-Sysmon/Operational" EventCode IN (19, 20, 21)\n| table _time, host', ['Windows']],
      ['a Windows event log source', 'index=* source="WinEventLog:Security" EventCode=4624 Logon_Type=10', ['Windows']],
      ['a Linux log file as its source', 'index=* source="/var/log/auth.log" ("Failed password" OR "Invalid user")\n| table _time host _raw', ['Linux']],
      ['a wildcard source of a Linux log file', 'index=main source="*secure.log" "Failed password"\n| top limit=10 user', ['Linux']],
      ['CloudTrail\'s source type, not its index', 'index=main sourcetype=aws:cloudtrail eventName=ConsoleLogin\n| stats count by src', ['AWS']],
      ['the o365_management_activity macro', '`o365_management_activity` Operation=UserLoggedIn\n| stats count by user', ['Office 365', 'Azure AD']],
      ['a Windows index alone', 'index=windows EventCode=10 TargetImage="*\\\\lsass.exe"\n| stats count by Computer', ['Windows']],
      ['an Okta index alone', 'index=okta eventType=user.session.start outcome.result=FAILURE\n| stats count by src_ip', ['Azure AD']],
      ['an index of mixed data', 'index=endpoint (EventCode=3 OR EventCode=4624)\n| table _time, ComputerName', undefined],
      ['every index and no source type', 'index=* EventCode=8 TargetImage="*\\\\lsass.exe"', undefined],
      ['a source type it leaves out (NOT, !=): none named', 'index=* NOT sourcetype=aws:cloudtrail sourcetype!=linux_secure user=*', undefined],
      ['a source type no table knows, in a Windows index: the index', 'index=windows sourcetype=custom:edr process=*', ['Windows']],
    ];
    for (const [what, search, platforms] of cases) {
      it(`reads an SPL search of ${what} -> ${platforms?.join(', ') ?? 'every platform'}`, () => {
        expect(platformsOf(markdown(search), 'hunt.md')).to.deep.equal(platforms);
      });
    }

    it('reads a Splunk detection\'s search by the same terms when it states no data_source and calls no data macro', () => {
      const detection = ['name: Failed SSH logons', 'status: production', 'type: TTP', "search: 'index=linux sourcetype=linux_secure \"Failed password\" | stats count by src'", 'tags:', '  mitre_attack_id:', '  - T1110', ''].join('\n');
      expect(platformsOf(detection, 'detection.yml')).to.deep.equal(['Linux']);
    });
  });

  describe('Datadog Cloud SIEM rules: their source: tags, else the source: of their queries', () => {
    // Shapes: the API guide's "Multiple failed authentications from a single user" (tags source:cloudtrail,
    // technique:T1110-brute-force); Terraform-kept CloudTrail rules (query `source:cloudtrail @evt.name:AssumeRole`,
    // technique:T1199; an S3 rule whose query names no source); the docs' "Credential added to rarely used Azure AD
    // application" (source:azure, technique:T1098) and OCI examples (source:oracle-cloud-infrastructure). Own rules in
    // those shapes.
    const rule = (tags: string[], queries: string[]) => ({ name: 'A rule', type: 'log_detection', isEnabled: true, tags: [...tags, 'technique:T1078-valid-accounts'], queries: queries.map((query, i) => ({ name: `q${i}`, query, aggregation: 'count' })), cases: [{ status: 'high', condition: 'q0 > 0' }] });
    const cases: [what: string, tags: string[], queries: string[], platforms: string[] | undefined][] = [
      ['tag source:cloudtrail', ['source:cloudtrail', 'security:attack'], ['@evt.name:ConsoleLogin'], ['AWS']],
      ['no source tag: the query\'s source:cloudtrail', [], ['source:cloudtrail @evt.name:AssumeRole'], ['AWS']],
      ['tag source:azure: Entra ID\'s logs and Azure\'s', ['source:azure'], ['source:azure @evt.name:"Add service principal credentials"'], ['Azure AD', 'Azure']],
      ['queries of Okta and Google Workspace', [], ['source:okta @evt.name:user.session.start', 'source:gsuite @evt.name:login_failure'], ['Azure AD', 'Google Workspace']],
      ['tag source:kubernetes.audit', ['source:kubernetes.audit'], ['@objectRef.resource:pods'], ['Containers']],
      // Datadog's own rules as tomas-mice/tf-datadog-siem keeps them (tbol-rules/log-detection/okta.tf, microsoft_365.tf,
      // gsuite.tf), and DataDog/documentation's amazon-eks-audit-logs.md query of EKS's audit.
      ['"Okta MFA Bypass Attempted" (okta.tf)', [], ['source:okta @evt.name:user.mfa.attempt_bypass'], ['Azure AD']],
      ['Microsoft 365\'s consent to an application (microsoft_365.tf): Entra ID\'s operations in its audit', [], ['source:microsoft-365 @evt.category:AuditLogs @evt.name:"Consent to application." @evt.outcome:Success'], ['Office 365', 'Azure AD']],
      // Google Workspace's reports hold its logons and admin roles: an identity provider's data too, as Microsoft 365's audit is.
      ['a Google Workspace password leak (gsuite.tf): an identity provider\'s logon too', [], ['source:gsuite @evt.category:account_warning @evt.name:account_disabled_password_leak'], ['Google Workspace', 'Azure AD']],
      ['a Google Workspace super admin role assigned (gsuite.tf)', [], ['source:gsuite @evt.name:ASSIGN_ROLE @event.parameters.ROLE_NAME:_SEED_ADMIN_ROLE'], ['Google Workspace', 'Azure AD']],
      ['an EKS pod exec (amazon-eks-audit-logs.md)', [], ['source:kubernetes.audit @objectRef.resource:pods @objectRef.subresource:exec'], ['Containers']],
      // The sources Datadog names its SaaS audit logs by: DataDog/integrations-core cisco_duo/assets/logs/cisco-duo.yaml
      // (its pipeline's filter `source:cisco-duo`), docs.datadoghq.com/integrations/gitlab-audit-events ("Search for
      // source:gitlab-audit-events"), integrations/atlassian_event_logs (`source:atlassian-event-logs`).
      ['a Cisco Duo fraud push (cisco-duo.yaml\'s source)', [], ['source:cisco-duo @evt.name:authentication @evt.outcome:fraud'], ['Azure AD']],
      ['GitLab\'s audit events', [], ['source:gitlab-audit-events @evt.name:user_access_locked'], ['SaaS']],
      ['Atlassian\'s organization audit', [], ['source:atlassian-event-logs @evt.name:"User added to group"'], ['SaaS']],
      // `source:gitlab` is GitLab's CI job logs ("GitLab job logs include the tags datadog.product:cipipeline and
      // source:gitlab"), no audit; no source of GitHub's, Slack's, Zoom's, Box's or Atlassian's audit of that name was found.
      ['source:gitlab, GitLab\'s CI job logs: any platform', [], ['source:gitlab @evt.name:project_feature_permission'], undefined],
      ['source:github, no source of Datadog\'s found: any platform', ['source:github'], ['@evt.name:org.update_member'], undefined],
      ['source:slack, source:zoom, source:box, source:atlassian: any platform', [], ['source:slack @evt.name:user_login', 'source:zoom @evt.name:sign_in', 'source:box @evt.name:LOGIN', 'source:atlassian @evt.name:login'], undefined],
      ['source:google-workspace, no source of Datadog\'s (its Google Workspace logs are gsuite): any platform', [], ['source:google-workspace @evt.name:login_failure'], undefined],
      ['a query of no source (@evt.name:GetObject): any platform', [], ['@evt.name:GetObject @userIdentity.accountId:ANONYMOUS_PRINCIPAL'], undefined],
      ['one query of a source, one of none: any platform', [], ['source:cloudtrail @evt.name:CreateUser', '@evt.name:AttachUserPolicy'], undefined],
      ['a source no row knows (source:oracle-cloud-infrastructure): any platform', ['source:oracle-cloud-infrastructure'], ['source:oci.audit @evt.name:LaunchInstance'], undefined],
    ];
    for (const [what, tags, queries, platforms] of cases) {
      it(`reads ${what} -> ${platforms?.join(', ') ?? 'every platform'}`, () => {
        const value = rule(tags, queries);
        expect(parseDatadogRules(value, JSON.stringify(value, null, 2), 'rule.json').rules.map((r) => r.platforms)).to.deep.equal([platforms]);
      });
    }
  });

  describe("Panther rules: their LogTypes", () => {
    const rule = (logTypes: string[]): string =>
      ['AnalysisType: rule', 'RuleID: "A.Rule"', 'DisplayName: "A rule"', 'Enabled: true', 'LogTypes:', ...logTypes.map((type) => `  - ${type}`), 'Reports:', '  MITRE ATT&CK:', '    - TA0004:T1078', 'Severity: Medium', ''].join('\n');
    it('reads okta_admin_role_assigned.yml (Okta.SystemLog, T1078) as an identity provider\'s', () => {
      expect(platformsOf(fixture('panther/okta_admin_role_assigned.yml'), 'okta_admin_role_assigned.yml')).to.deep.equal(['Azure AD']);
    });
    const cases: [string[], string[] | undefined][] = [
      [['OneLogin.Events'], ['Azure AD']],
      // Google Workspace's activity reports hold its accounts' logons and admin roles, as Datadog's gsuite does:
      // panther-analysis rules/standard_rules/brute_force_by_ip.yml (T1110, `login_failure` of GSuite.Reports),
      // admin_assigned.yml (T1078, `ASSIGN_ROLE`), rules/gsuite_activityevent_rules/gsuite_two_step_verification.yml
      // (T1556, `2sv_disable` of GSuite.ActivityEvent). Rules written here in their shape.
      [['GSuite.Reports'], ['Google Workspace', 'Azure AD']],
      [['GSuite.ActivityEvent'], ['Google Workspace', 'Azure AD']],
      [['GSuite.DirectoryUsers'], ['Google Workspace']],
      [['Box.Event', 'Slack.AuditLogs', 'Zoom.Activity', 'Zendesk.Audit', 'Atlassian.Audit', 'OnePassword.SignInAttempt', 'Notion.AuditLogs', 'Salesforce.Login', 'GitHub.Audit'], ['SaaS']],
      [['AWS.CloudTrail'], ['AWS']],
      [['GCP.AuditLog'], ['GCP']],
      [['Microsoft365.Audit.Exchange'], ['Office 365']],
      [['Microsoft365.Audit.AzureActiveDirectory'], ['Azure AD']],
      [['Amazon.EKS.Audit'], ['Containers']],
      [['Crowdstrike.FDREvent'], ['Windows', 'Linux', 'macOS']],
      // panther-analysis rules/crowdstrike_rules/event_stream_rules/crowdstrike_new_user_created.yml (T1136.003): the
      // Falcon console's users, a SaaS's, beside its hosts' detections (crowdstrike_detection_summary.yml).
      [['Crowdstrike.EventStreams'], ['Windows', 'Linux', 'macOS', 'SaaS']],
      [['Windows.EventLogs'], ['Windows']],
      [['Okta.SystemLog', 'AWS.CloudTrail'], ['Azure AD', 'AWS']],
      [['Okta.SystemLog', 'Zeek.DNS'], undefined],
      [['Custom.OhSnap'], undefined],
    ];
    for (const [logTypes, platforms] of cases) {
      it(`reads LogTypes ${logTypes.join(', ')} -> ${platforms?.join(', ') ?? 'every platform'}`, () => {
        expect(platformsOf(rule(logTypes), 'rule.yml')).to.deep.equal(platforms);
      });
    }

    it('reads a pypanther rule\'s log_types by their enumeration members (LogType.OKTA_SYSTEM_LOG)', () => {
      // The shape of panther-labs/pypanther's rules (pypanther/rules/okta_rules/*.py): a class deriving from Rule.
      const python = [
        'from pypanther import LogType, Rule, Severity',
        '',
        '',
        'class OktaAdminRoleAssigned(Rule):',
        '    id = "Okta.AdminRoleAssigned-prototype"',
        '    display_name = "Okta Admin Role Assigned"',
        '    log_types = [LogType.OKTA_SYSTEM_LOG]',
        '    default_severity = Severity.INFO',
        '    reports = {"MITRE ATT&CK": ["TA0004:T1078"]}',
        '',
        '    def rule(self, event):',
        '        return event.get("eventType") == "user.account.privilege.grant"',
        '',
      ].join('\n');
      expect(itemPlatforms(parseRuleFile(python, 'okta_admin_role_assigned.py'))).to.deep.equal([['Azure AD']]);
    });
  });
});
