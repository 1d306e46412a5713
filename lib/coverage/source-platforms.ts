/**
 * The data a SIEM rule reads -> the ATT&CK platforms whose activity that data records, one table per vendor's names
 * for its data: Splunk's `data_source` names and the macros a search starts from, Sentinel's connector IDs and the
 * KQL tables a query reads, Panther's log types, Datadog's log sources. A rule fires on the platforms of every source
 * it reads together (sourcePlatforms); a rule that reads one source no table knows (Zeek's or a firewall's logs, a CIM
 * data model, a custom table) reads data of any platform, and counts on every one, as a Sigma rule of an unknown
 * product does.
 *
 * Platforms are named as ATT&CK named them before merging them (`Azure AD`, `Office 365`, `Google Workspace`, `AWS`),
 * so that the review reads each as its release does: `Identity Provider`, `Office Suite`, `IaaS` in ATT&CK 18, the old
 * names in a release that has them (PLATFORM_RENAMES). Every identity provider (Okta, Duo, PingID too) is `Azure AD`,
 * the name ATT&CK gave that platform until 16.0 renamed it Identity Provider: a review of ATT&CK 14 counts an Okta rule
 * on its identity platform, where `Identity Provider` would be a name the release lacks, counted everywhere.
 */
import { isOptionalRead } from './kql-tables.js';

/** A vendor's names of data (a pattern of them) and the ATT&CK platforms that data records. */
export type SourcePlatformTable = ReadonlyArray<readonly [pattern: RegExp, platforms: readonly string[]]>;

const WINDOWS = ['Windows'];
const LINUX = ['Linux'];
const AWS = ['AWS'];
const AZURE = ['Azure'];
const GCP = ['GCP'];
const AZURE_AD = ['Azure AD'];
const OFFICE = ['Office 365'];
const IDENTITY_PROVIDER = AZURE_AD;
const GOOGLE_WORKSPACE = ['Google Workspace'];
const SAAS = ['SaaS'];
const CONTAINERS = ['Containers'];
const ENDPOINTS = ['Windows', 'Linux', 'macOS'];
// A runtime sensor of Kubernetes nodes (Isovalent's Tetragon, Falco) records the processes of the node and its pods:
// Linux's, and the containers' (as Falco's own rules fire: read-falco.ts).
const CONTAINER_RUNTIME = ['Linux', 'Containers'];
// Microsoft 365's management activity feed holds Entra ID's workload beside Exchange's and SharePoint's: the Splunk
// Add-on for Microsoft Office 365 reads it by content type (`Audit.AzureActiveDirectory | Audit.Exchange |
// Audit.SharePoint | Audit.General`, its splunk_ta_o365_management_activity input), and security_content's O365
// detections of role and consent changes read Entra ID's operations there.
const MICROSOFT_365_AUDIT = ['Office 365', 'Azure AD'];
// Google Workspace's activity reports hold its accounts' logons and its admin console's role and 2-step verification
// changes, Google Workspace being the identity provider of its accounts, beside Drive's and Gmail's: Datadog's `gsuite`
// source takes them all, and Datadog's own rules of it read logons and roles (tomas-mice/tf-datadog-siem,
// tbol-rules/log-detection/gsuite.tf: "User attempted login with leaked password", `source:gsuite
// @evt.category:account_warning @evt.name:account_disabled_password_leak`; "Google Workspace user assigned to super admin
// role", `source:gsuite @evt.name:ASSIGN_ROLE`), as Microsoft 365's audit holds Entra ID's operations. Splunk's add-on
// keeps the logon and admin reports apart (security_content's macros `gws_reports_login`, `gws:reports:login`;
// `gws_reports_admin`, `gws:reports:admin`), and content-coverage searches file `gws_reports_login` under Authentication
// beside `okta` and `cisco_duo_activity`; its Gmail, Drive and calendar data (`gsuite_gmail`) is Google Workspace's alone.
// Panther's log types of the same reports (`GSuite.Reports`, `GSuite.ActivityEvent`) hold them all too (PANTHER_LOG_TYPES).
const GOOGLE_WORKSPACE_REPORTS = [...GOOGLE_WORKSPACE, ...IDENTITY_PROVIDER];

/**
 * An email gateway's logs of the messages it passed, blocked or rewrote, by the names each SIEM gives them: Sentinel's
 * tables and parsers of Proofpoint TAP (Solutions/ProofPointTap/Analytic Rules/MalwareAttachmentDelivered.yaml, T1566.001:
 * `ProofPointTAPMessagesDelivered_CL` through its parser `ProofpointTAPEvent`), Proofpoint on Demand
 * (`ProofpointPOD_message_CL`, `ProofpointPOD_maillog_CL`) and Mimecast (Solutions/Mimecast/Analytic Rules/MimecastSEG/
 * MimecastCG_Url_Protect.yaml, T1566: its Cloud Gateway parser `MimecastCG`; MimecastTTP/Mimecast_TTP_Attachment.yaml:
 * `MimecastTTPAttachment`), the tables its connectors of 2024 on write and those parsers read (Solutions/Mimecast/Parsers:
 * MimecastSEG/Mimecast_SEG_CG.yaml `Seg_Cg_CL`, Mimecast_SEG_DLP.yaml `Seg_Dlp_CL`, MimecastTTP/Mimecast_TTP_Url.yaml
 * `Ttp_Url_CL`, `Ttp_Attachment_CL`, `Ttp_Impersonation_CL`), its Cloud Integrated connector's messages and clicks
 * (MimecastCI/Mimecast_Cloud_Integrated.yaml: `Cloud_Integrated_CL`, its parser `MimecastCloudIntegrated`, connector
 * `MimecastCIAPI`), and their connectors; Splunk's source types of Proofpoint's message and mail logs
 * (`pps_messagelog`, `pps_maillog`), of TAP (`proofpoint_tap_siem`) and of Cisco Secure Email (`cisco:esa:textmail`,
 * `cisco:esa:cef`, `cisco:esa:amp`, the `cisco:esa` of Splunk's own examples). They record the mail service, as
 * Defender for Office 365's email tables do, and ATT&CK files such data of delivered messages under Office Suite (18.1's
 * AN1205, T1672 Email Spoofing, reads `saas:email`). Not the gateway's own administration: Mimecast's audit log
 * (`MimecastAudit`, its logons: Mimecast_Audit.yaml, T1110), ESA's `cisco:esa:http` and `cisco:esa:authentication`,
 * which no row names.
 */
export const EMAIL_GATEWAY_KQL_SOURCES =
  /^(?:ProofpointTAP|ProofPointTAP(?:Messages(?:Delivered|Blocked)|Clicks(?:Permitted|Blocked))_CL|ProofpointTAPEvent|ProofpointPOD(?:_?message_CL|_?maillog_CL)?|MimecastSIEM(?:API|_CL)?|MimecastTTP(?:API|(?:Attachment|Impersonation|Url)(?:_CL)?)|MimecastSEGAPI|MimecastCG|MimecastDLP(?:_CL)?|Seg_(?:Cg|Dlp)_CL|Ttp_(?:Attachment|Impersonation|Url)_CL|Cloud_Integrated_CL|MimecastCloudIntegrated|MimecastCIAPI)$/i;
export const EMAIL_GATEWAY_SOURCETYPES = /^(?:pps_(?:messagelog|maillog)|proofpoint_tap_siem|cisco:esa(?::(?:textmail|cef|amp))?\*?)$/i;

/**
 * Splunk security_content's `data_source` names (its data_sources/ folder): Sysmon and Windows Event Log, Sysmon for
 * Linux and Linux auditd; `AWS CloudTrail …` and Amazon Security Lake's `ASL AWS CloudTrail`
 * (detections/cloud/aws_createloginprofile.yml: T1136); `Azure Active Directory …` (azure_ad_multi_factor_authentication_disabled.yml,
 * T1556: `Azure Active Directory Disable Strong Authentication`); `Azure Audit …`; `O365 …`
 * (o365_mailbox_inbox_folder_shared_with_all_users.yml, T1114.002: `O365 ModifyFolderPermissions`); `Okta`
 * (detections/application/okta_mfa_exhaustion_hunt.yml, T1110); `G Suite Gmail` (gsuite_email_suspicious_attachment.yml,
 * T1566.001), `Google Workspace`; `GitHub Enterprise Audit Logs` (github_enterprise_disable_2fa_requirement.yml);
 * `Kubernetes Audit`; `Cisco Duo …`, `PingID`; `CircleCI`. An EDR's or endpoint agent's events are of Windows, Linux and
 * macOS hosts, as Panther's CrowdStrike log types are (PANTHER_LOG_TYPES): `CrowdStrike ProcessRollup2`, listed beside
 * `Sysmon EventID 1` and `Windows Event Log Security 4688` (mimikatz_passtheticket_commandline_parameters.yml, T1550.003),
 * and Cisco Secure Client's `Cisco Network Visibility Module Flow Data` (cisco_nvm___macos_browser_spawned_shell_external_connection.yml,
 * T1059); Cisco Isovalent's runtime events are of Linux processes in Kubernetes' containers (`Cisco Isovalent Process
 * Exec`: cisco_isovalent___shell_execution.yml, T1543; cisco_isovalent___cron_job_creation.yml, T1053.003 and T1053.007),
 * and so are Falco's (`Kubernetes Falco`: kubernetes_falco_shell_spawned.yml, T1204).
 */
export const SPLUNK_DATA_SOURCES: SourcePlatformTable = [
  [/^(?:sysmon for linux|linux )/i, LINUX],
  [/^(?:sysmon event ?id|windows |powershell script block|wineventlog)/i, WINDOWS],
  [/^(?:asl )?aws /i, AWS],
  [/^(?:azure active directory|azure ad|(?:microsoft )?entra id)\b/i, AZURE_AD],
  [/^azure (?:audit|monitor activity)\b/i, AZURE],
  [/^(?:o365|office 365|microsoft 365)\b/i, MICROSOFT_365_AUDIT],
  [/^(?:okta|cisco duo|pingid)\b/i, IDENTITY_PROVIDER],
  [/^(?:g ?suite|google workspace)\b/i, GOOGLE_WORKSPACE],
  [/^(?:github|circleci)\b/i, SAAS],
  [/^(?:gcp|google cloud)\b/i, GCP],
  [/^kubernetes audit\b/i, CONTAINERS],
  [/^(?:crowdstrike|cisco network visibility module)\b/i, ENDPOINTS],
  [/^(?:cisco isovalent|kubernetes falco)\b/i, CONTAINER_RUNTIME],
];

/**
 * The macros security_content's searches start from, each standing for a sourcetype (macros/*.yml: `azure_monitor_aad`
 * is `sourcetype=azure:monitor:aad`, `azuread` `sourcetype=mscs:azure:eventhub`, `azure_audit`
 * `sourcetype=mscs:azure:audit`), as detections written before `data_source` name their data only there
 * (`` `o365_management_activity` Operation=… ``, `` `gsuite_gmail` ``). Macros of no data (`security_content_ctime`,
 * a detection's `…_filter`) are none of these.
 */
export const SPLUNK_MACROS: SourcePlatformTable = [
  [/^(?:sysmon|wineventlog_\w+|powershell|admon)$/, WINDOWS],
  [/^(?:linux_auditd|sysmon_linux)$/, LINUX],
  [/^(?:cloudtrail|amazon_security_lake|aws_s3_accesslogs|aws_securityhub_finding|cloudwatchlogs_vpcflow)$/, AWS],
  [/^(?:azure_monitor_aad|azuread)$/, AZURE_AD],
  [/^(?:azure_audit|azure_monitor_activity)$/, AZURE],
  [/^o365_management_activity$/, MICROSOFT_365_AUDIT],
  [/^o365_messagetrace$/, OFFICE],
  [/^(?:okta|cisco_duo_activity|cisco_duo_administrator)$/, IDENTITY_PROVIDER],
  [/^gws_reports_(?:login|admin)$/, GOOGLE_WORKSPACE_REPORTS],
  [/^(?:gsuite_\w+|gws_reports_\w+)$/, GOOGLE_WORKSPACE],
  [/^(?:github|github_enterprise|github_organizations|circleci)$/, SAAS],
  [/^kube_audit$/, CONTAINERS],
  [/^cisco_network_visibility_module_flowdata$/, ENDPOINTS],
  [/^cisco_isovalent(?:_process_exec)?$/, CONTAINER_RUNTIME],
];

/**
 * Sentinel's names of data: the connector IDs of `requiredDataConnectors` and the Log Analytics tables a query reads.
 * Entra ID's sign-in and audit tables (SigninLogs, AuditLogs, the AAD… tables; the AzureActiveDirectory and
 * AzureActiveDirectoryIdentityProtection connectors: Solutions/Microsoft Entra ID/Analytic Rules/SigninPasswordSpray.yaml,
 * T1110); Office 365's (OfficeActivity, the Office365 connector: Solutions/Microsoft 365/Analytic Rules/Malicious_Inbox_Rule.yaml,
 * T1098, T1078) and Defender for Office 365's email tables; CloudAppEvents, which Microsoft describes as "events
 * involving accounts and objects in Office 365 and other cloud apps and services"; AzureActivity; AWS (the AWS and
 * AWSS3 connectors: Solutions/Amazon Web Services/Analytic Rules/AWS_ConsoleLogonWithoutMFA.yaml, T1078); GCP; Okta's
 * and GitHub's connectors and tables; Windows events (the SecurityEvents, WindowsSecurityEvents, WindowsForwardedEvents
 * connectors; SecurityEvent, WindowsEvent, and Event, which holds Windows channels). Defender XDR's device tables hold
 * events of Windows, Linux and macOS devices alike, and a connector shared by all of them (MicrosoftThreatProtection)
 * names none.
 */
export const SENTINEL_SOURCES: SourcePlatformTable = [
  [/^(?:SecurityEvents?|WindowsSecurityEvents|WindowsForwardedEvents|WindowsEvent|Event)$/i, WINDOWS],
  [/^(?:AzureActiveDirectory|AzureActiveDirectoryIdentityProtection|SigninLogs|AuditLogs|AAD\w+|IdentityInfo)$/i, AZURE_AD],
  [/^(?:Office365|OfficeActivity|Email(?:Events|UrlInfo|AttachmentInfo|PostDeliveryEvents)|UrlClickEvents)$/i, OFFICE],
  [EMAIL_GATEWAY_KQL_SOURCES, OFFICE],
  [/^CloudAppEvents$/i, ['Office 365', 'SaaS']],
  [/^(?:AzureActivity)$/i, AZURE],
  [/^(?:AWS|AWSS3|AWSCloudTrail|AWSGuardDuty|AWSVPCFlow|AWSCloudWatch)$/i, AWS],
  [/^(?:GCPAuditLogs)$/i, GCP],
  [/^(?:OktaSSO|OktaSSOv2|Okta_CL|OktaV2_CL)$/i, IDENTITY_PROVIDER],
  [/^(?:GitHubEcAuditLogPolling|GitHubAuditLogPolling_CL|GitHubAuditData)$/i, SAAS],
];

/**
 * Panther's log types (panther-analysis rules' `LogTypes`, rules/okta_rules/okta_admin_role_assigned.yml: T1078 from
 * `Okta.SystemLog`), by vendor, as the YAML writes them (`Okta.SystemLog`) and as pypanther's enumerations name them
 * (`LogType.OKTA_SYSTEM_LOG`, `LogTypeOktaSystemLog`): each is read folded (`oktasystemlog`). Microsoft 365's Azure
 * Active Directory feed is Entra ID's; Panther's Azure.Audit holds Entra ID's sign-ins (pypanther's
 * AzureAuditRiskLevelPassthrough reads them) beside Azure's activity. An EDR's events (CrowdStrike, SentinelOne,
 * osquery) are of Windows, Linux and macOS hosts. CrowdStrike's event streams hold the Falcon console's own audit
 * beside its hosts' detections, and the console is a SaaS: rules/crowdstrike_rules/event_stream_rules/
 * crowdstrike_new_user_created.yml (T1136.003 Cloud Account) reads its users, crowdstrike_detection_summary.yml its
 * hosts' detections. Google Workspace's activity reports, `GSuite.Reports` (the Reports API's activities) and
 * `GSuite.ActivityEvent` (one event of them a row), hold its accounts' logons and admin roles beside Drive's and
 * Gmail's, as Datadog's `gsuite` does (GOOGLE_WORKSPACE_REPORTS): rules/standard_rules/brute_force_by_ip.yml (T1110)
 * reads `login_failure` of `GSuite.Reports`, admin_assigned.yml (T1078) its `ASSIGN_ROLE`;
 * rules/gsuite_activityevent_rules/gsuite_two_step_verification.yml (T1556) reads `2sv_disable` of
 * `GSuite.ActivityEvent`, gsuite_leaked_password.yml (T1552) `account_disabled_password_leak`. Its other log types
 * (`GSuite.DirectoryUsers`, the accounts' list) stay Google Workspace's: no rule reads one.
 */
export const PANTHER_LOG_TYPES: SourcePlatformTable = [
  [/^(?:okta|onelogin|duo|auth0|jumpcloud)/, IDENTITY_PROVIDER],
  [/^microsoft365auditazureactivedirectory$/, AZURE_AD],
  [/^microsoft365/, OFFICE],
  [/^azure/, ['Azure AD', 'Azure']],
  [/^gsuite(?:reports|activityevent)$/, GOOGLE_WORKSPACE_REPORTS],
  [/^gsuite/, GOOGLE_WORKSPACE],
  [/^amazoneks/, CONTAINERS],
  [/^aws/, AWS],
  [/^gcp/, GCP],
  [/^(?:box|slack|zoom|zendesk|atlassian|onepassword|notion|salesforce|github|gitlab|asana|dropbox|tines|workday|snyk|mongodb|heroku)/, SAAS],
  [/^crowdstrikeeventstreams$/, [...ENDPOINTS, 'SaaS']],
  [/^(?:crowdstrike|sentinelone|osquery)/, ENDPOINTS],
  [/^windows/, WINDOWS],
  [/^linux/, LINUX],
];

/**
 * Datadog's log sources, as a Cloud SIEM rule names them in its `source:` tag and the `source:` of its queries: the API
 * guide's "Multiple failed authentications from a single user" (`source:cloudtrail`, T1110), Terraform-kept rules of
 * CloudTrail (`source:cloudtrail @evt.name:AssumeRole`, T1199), the docs' "Credential added to rarely used Azure AD
 * application" (`source:azure`, T1098). Datadog's Azure source holds Entra ID's logs beside Azure's activity. Datadog's
 * own rules kept in Terraform (tomas-mice/tf-datadog-siem, tbol-rules/log-detection/*.tf, exported from Datadog's
 * defaults) name the identity providers' sources `okta` ("Okta MFA Bypass Attempted": `source:okta
 * @evt.name:user.mfa.attempt_bypass`), `auth0`, `jumpcloud` and `onelogin`; Google Workspace's `gsuite` (gsuite.tf:
 * `source:gsuite @evt.category:account_warning`; there is no `google-workspace` source), its logons and admin roles
 * an identity provider's (GOOGLE_WORKSPACE_REPORTS); Microsoft 365's `microsoft-365`,
 * whose audit holds Entra ID's operations beside Exchange's and SharePoint's (microsoft_365.tf: `source:microsoft-365
 * @evt.category:AuditLogs @evt.name:"Consent to application."` beside `source:azure.activedirectory`); Salesforce's
 * `salesforce`; and Kubernetes' audit `kubernetes.audit` (kubernetes.tf; DataDog/documentation
 * content/en/integrations/guide/amazon-eks-audit-logs.md: `source:kubernetes.audit @objectRef.resource:pods`). 1Password's
 * is `1password` (its integration page: "Search your Datadog logs with `source:1password`"); Duo's `cisco-duo` (the log
 * pipeline of DataDog/integrations-core cisco_duo/assets/logs/cisco-duo.yaml filters `source:cisco-duo`); GitLab's audit
 * `gitlab-audit-events` and Atlassian's `atlassian-event-logs` (their integration pages: "Search for
 * `source:gitlab-audit-events`", "`source:atlassian-event-logs`"), not `gitlab`, the source of GitLab's CI job logs
 * ("GitLab job logs include the tags `datadog.product:cipipeline` and `source:gitlab`"), nor `atlassian`. No source of
 * GitHub's, Slack's, Zoom's or Box's audit was found in Datadog's rules or pages: a rule of one counts on every platform.
 */
export const DATADOG_SOURCES: SourcePlatformTable = [
  [/^(?:cloudtrail|aws\.[\w.-]+)$/i, AWS],
  [/^azure\.(?:activedirectory|aad)$/i, AZURE_AD],
  [/^azure(?:\.[\w.-]+)?$/i, ['Azure AD', 'Azure']],
  [/^gcp(?:\.[\w.-]+)?$/i, GCP],
  [/^(?:okta|auth0|jumpcloud|onelogin|cisco-duo)$/i, IDENTITY_PROVIDER],
  [/^microsoft-365$/i, MICROSOFT_365_AUDIT],
  [/^gsuite$/i, GOOGLE_WORKSPACE_REPORTS],
  [/^(?:gitlab-audit-events|atlassian-event-logs|1password|salesforce)$/i, SAAS],
  [/^kubernetes\.audit$/i, CONTAINERS],
];

/** A Panther log type as PANTHER_LOG_TYPES reads it: `Okta.SystemLog`, `OKTA_SYSTEM_LOG`, `LogTypeOktaSystemLog` -> `oktasystemlog`. */
export function foldedLogType(name: string): string {
  return name.trim().replace(/^LogType(?=[A-Z])/, '').replace(/[._\s-]/g, '').toLowerCase();
}

/**
 * The platforms a rule fires on that reads all of `names` (a table's row for each; the first that matches): every
 * platform of them, in the order first met; undefined (every platform) when it names none or one no row knows.
 */
export function sourcePlatforms(table: SourcePlatformTable, names: readonly string[]): string[] | undefined {
  if (!names.length) return undefined;
  const platforms = new Set<string>();
  for (const name of names) {
    const row = table.find(([pattern]) => pattern.test(name));
    if (!row) return undefined;
    for (const platform of row[1]) platforms.add(platform);
  }
  return [...platforms];
}

/** The names of `names` a table knows: the macros of a search that stand for data, not its helpers. */
export function knownSources(table: SourcePlatformTable, names: readonly string[]): string[] {
  return names.filter((name) => table.some(([pattern]) => pattern.test(name)));
}

/** The macros a Splunk search calls, by name (`` `okta` ``, `` `security_content_ctime(firstTime)` ``), in order, once each. */
export function splunkSearchMacros(search: string): string[] {
  return [...new Set([...search.matchAll(/`([A-Za-z_]\w*)(?:\([^`]*\))?`/g)].map((match) => match[1]!))];
}

/**
 * The source types and sources a Splunk search names, as the Splunk Add-ons write them: the Windows add-on's
 * `WinEventLog:Security`, `XmlWinEventLog:Microsoft-Windows-Sysmon/Operational` (its source and sourcetype alike); the
 * Unix and Linux add-on's `linux_secure`, `linux:audit` and the files it reads (`/var/log/auth.log`, `/var/log/secure`);
 * Sysmon for Linux's `sysmon:linux`; the AWS add-on's `aws:cloudtrail`, `aws:cloudwatchlogs:vpcflow`; the Microsoft
 * Office 365 add-on's `o365:management:activity` (its older `ms:o365:management`) and message trace; the Microsoft
 * Azure add-on's `azure:monitor:aad`, `azure:aad:signin`, `mscs:azure:audit`, `azure:monitor:activity`; Okta's
 * `OktaIM2:log`, `okta:im2`; Duo's `cisco:duo:…`; Google Workspace's `gws:reports:…`; GitHub's `github:…`; Kubernetes'
 * `kube:…`; CrowdStrike FDR's `crowdstrike:events:sensor`, Cisco NVM's `cisco:nvm:flowdata`, Isovalent's
 * `cisco:isovalent:processExec` (security_content's data_sources/*.yml). security_content's macros stand for the same names (SPLUNK_MACROS: `cloudtrail` is `sourcetype=aws:cloudtrail`).
 */
export const SPLUNK_SOURCETYPES: SourcePlatformTable = [
  [/^(?:xml)?wineventlog\b|^(?:microsoft-windows-|ms:windows|winregistry|winhostmon|perfmon)/i, WINDOWS],
  [/^(?:linux[_:]|sysmon:linux|syslog:linux-sysmon)|(?:^|[/*])(?:auth\.log|secure(?:\.log)?)$|^\/var\/log\/audit\//i, LINUX],
  [/^aws:/i, AWS],
  [/^azure:(?:monitor:)?aad\b/i, AZURE_AD],
  [/^(?:mscs:azure:audit|azure:monitor:activity)\b/i, AZURE],
  [/^(?:ms:)?o365:(?:reporting:)?messagetrace\b/i, OFFICE],
  [/^(?:ms:)?o365:management\b/i, MICROSOFT_365_AUDIT],
  [EMAIL_GATEWAY_SOURCETYPES, OFFICE],
  [/^(?:okta|cisco:duo)/i, IDENTITY_PROVIDER],
  [/^gws:reports:(?:login|admin)\b/i, GOOGLE_WORKSPACE_REPORTS],
  [/^(?:gws|gsuite|gapps):/i, GOOGLE_WORKSPACE],
  [/^github[:_]/i, SAAS],
  [/^kube:/i, CONTAINERS],
  [/^(?:crowdstrike:events:sensor|cisco:nvm:)/i, ENDPOINTS],
  [/^cisco:isovalent:/i, CONTAINER_RUNTIME],
];

/**
 * The indexes teams name for one platform's data (`index=windows`, `index=wineventlog`, `index=sysmon`, `index=linux`,
 * `index=aws`, `index=o365`, `index=okta`): a search that names no source type says its data there alone. An index of
 * mixed data (`main`, `endpoint`, `*`, a team's `dc`) names no platform.
 */
export const SPLUNK_INDEXES: SourcePlatformTable = [
  [/^(?:win|windows|wineventlogs?|winevents?|winlogs?|sysmon)(?:[_-]\w+)?$/i, WINDOWS],
  [/^(?:linux|unix|nix|auditd)(?:[_-]\w+)?$/i, LINUX],
  [/^(?:aws|cloudtrail)(?:[_-]\w+)?$/i, AWS],
  [/^(?:o365|office365|m365|mso365)(?:[_-]\w+)?$/i, MICROSOFT_365_AUDIT],
  [/^(?:azure_?ad|aad|entra(?:_?id)?)$/i, AZURE_AD],
  [/^(?:okta|duo)$/i, IDENTITY_PROVIDER],
  [/^(?:gws|gsuite|google_?workspace)$/i, GOOGLE_WORKSPACE],
  [/^(?:kubernetes|k8s)$/i, CONTAINERS],
];

// A search term that names data, `index=windows`, `sourcetype="WinEventLog:Security"`, `source=/var/log/auth.log`, or a
// list of them, `sourcetype IN (pps_messagelog, "pps_maillog")` (a negated one, `NOT index=x`, `NOT sourcetype IN (x, y)`,
// `NOT (sourcetype=x OR …)`, `index!=x`, and a wildcard alone, `index=*`, name none).
const SEARCH_TERM = /(?<![\w.!])(index|sourcetype|source)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s|()\[\]"']+))|\s+IN\s*\(([^)]*)\))/gi;
// One value of such a list: quoted, or a bare word up to a comma.
const LIST_VALUE = /"([^"]*)"|'([^']*)'|([^\s,"']+)/g;
// A pattern test of the same fields in an eval or where expression: `| where match(sourcetype, "^WinEventLog:")`, a
// regular expression; `like(sourcetype, "aws:%")`, SQL's `%` for any text. (A negated one is read as none, negatedAt.)
const PATTERN_TERM = /(?<![\w.])(match|like)\(\s*(index|sourcetype|source)\s*,\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*\)/gi;

/**
 * The names a pattern test matches, as a search term writes them (`aws:*`, a wildcard for any text), each alternative
 * of a regular expression alone (`^(?:a|b)$` aside, no group is read); undefined when a part of it is no name: a class,
 * a group, a repeat (`\d{6,}`) match names SPLUNK_SOURCETYPES cannot tell, so the term says nothing of the data. An
 * end the expression leaves open is a wildcard (`"WinEventLog"` is `*WinEventLog*`), read as `sourcetype=*WinEventLog*` is.
 */
function patternNames(kind: string, pattern: string): string[] | undefined {
  if (kind.toLowerCase() === 'like') return [pattern.replace(/%+/g, '*')];
  // One group of alternatives between the anchors, `^(?:a|b)$`, anchors each.
  const grouped = /^(\^?)\((?:\?:)?([^()]*)\)(\$?)$/.exec(pattern.replace(/^\(\?i\)/, ''));
  const alternatives = grouped ? grouped[2]!.split('|').map((alternative) => `${grouped[1]}${alternative}${grouped[3]}`) : pattern.replace(/^\(\?i\)/, '').split('|');
  const names = alternatives.map((alternative) => {
    // An end the expression does not anchor matches any text there, as a search term's wildcard does (`*secure`).
    const name = `${alternative.startsWith('^') ? '' : '*'}${alternative}${/(?<!\\)\$$/.test(alternative) ? '' : '*'}`
      .replace(/^\*?\^/, '')
      .replace(/(?<!\\)\$\*?$/, '')
      .replace(/^\.[*+]/, '*')
      .replace(/(?<!\\)\.[*+]\*?$/, '*')
      .replace(/\*{2,}/g, '*');
    // What is left must be text: an escaped sign stands for itself, an unescaped dot is read as the dot names hold.
    return /^(?:[^\\()[\]{}?+*^$]|\\[^\w\s]|^\*|\*$)+$/.test(name) ? name.replace(/\\([^\w\s])/g, '$1') : undefined;
  });
  return names.every((name) => name !== undefined && name !== '' && name !== '*') ? (names as string[]) : undefined;
}

// A negation right before a term: SPL's and Elastic's KQL's `NOT`/`not`, Lucene's `-` and `!` (`-event.action:x`).
const NEGATION_BEFORE = /(?:\bnot\s+|(?:^|[\s(])[-!])$/i;
// The opening of what a negation governs, to its closing parenthesis: a group, `NOT (`, `not(`, `-(`; a list, `NOT
// sourcetype IN (`, `not event.dataset : (`, `-event.dataset:(`; a call, `NOT match(`. Not a term and a group after it
// (SPL's `NOT host=a (sourcetype=x OR …)`, `NOT error (sourcetype=x)`), where the negation ends with the term.
const NEGATED_GROUP = /(?:\bnot\b\s*|(?:^|[\s(])[-!])(?:[\w.@]+(?:\s+in\s*|\s*:\s*)?)?\(/gi;

/**
 * Whether the term of a query (SPL, or Elastic's KQL, Lucene, EQL and ES|QL) that starts at `index` is negated: right
 * after `NOT`, `not` or Lucene's `-`, or anywhere inside what they negate, to its closing parenthesis: a group (`NOT
 * (sourcetype=x OR sourcetype=y)`, `| search NOT (host=a OR (sourcetype=x …))`), a list (`NOT sourcetype IN (x, y)`,
 * `not event.dataset : ("x" or "y")`), a call (`| where NOT match(sourcetype, "x")`), so that what it names is left out,
 * not read. Quotes and comments are not told apart: a parenthesis inside a quoted value counts.
 */
export function negatedAt(query: string, index: number): boolean {
  const before = query.slice(0, index);
  if (NEGATION_BEFORE.test(before)) return true;
  return [...before.matchAll(NEGATED_GROUP)].some((open) => {
    let depth = 0;
    for (let i = open.index + open[0].length - 1; i < before.length; i++) {
      if (before[i] === '(') depth++;
      else if (before[i] === ')' && --depth === 0) return false;
    }
    return true;
  });
}

/**
 * The data streams of Elastic's email gateway integrations that hold messages (elastic/integrations), and the packages
 * (modules) whose every stream does: Proofpoint TAP's every stream (packages/proofpoint_tap: `clicks_blocked`,
 * `clicks_permitted`, `message_blocked`, `message_delivered`; its fields/base-fields.yml: `event.module` `proofpoint_tap`),
 * Proofpoint Email Security's one stream (packages/proofpoint/data_stream/emailsecurity, Filebeat's x-pack module
 * `proofpoint`, fileset `emailsecurity`: `event.module` `proofpoint`, "Proofpoint Email Security logs"), Proofpoint on
 * Demand's `mail` and `message` (not `audit`, its console's), Mimecast's SIEM logs of messages and its Targeted Threat
 * Protection logs (packages/mimecast/data_stream: `siem_logs`, `ttp_ap_logs`, `ttp_ip_logs`, `ttp_url_logs`), its data leak
 * prevention's messages (`dlp_logs`: sender, recipient, subject, policy, action), the messages released from its hold
 * (`message_release_logs`) and its Cloud Integrated logs of mail flow and clicks (`cloud_integrated_logs`: log types
 * `entities`, `mailflow`, `urlclick`). The module
 * `mimecast` also writes `audit_events`, `archive_search_logs` and threat intelligence feeds (`threat_intel_malware_grid`),
 * and `proofpoint_on_demand` its `audit`: by module alone they are no mail. Cisco Secure Email Gateway's one `log` stream
 * holds its console's logons beside its mail logs (its pipeline_authentication.yml, pipeline_gui_logs.yml), and is left out.
 */
export const ELASTIC_GATEWAY_DATASETS = /^(?:proofpoint_tap(?:\.(?:clicks_blocked|clicks_permitted|message_blocked|message_delivered))?|proofpoint(?:\.emailsecurity)?|proofpoint_on_demand\.(?:mail|message)|mimecast\.(?:siem_logs|ttp_(?:ap|ip|url)_logs|dlp_logs|message_release_logs|cloud_integrated_logs))$/i;

// A query's test of the data stream (or the module) it reads: KQL's `event.dataset: "o365.audit"`, `event.dataset :
// ("a" or "b")`, Lucene's `event.dataset:(a OR b)`, EQL's and ES|QL's `event.dataset == "a"`, `event.dataset in ("a", "b")`.
const dataTest = (field: string): RegExp => new RegExp(String.raw`(?<![\w.])${field}\s*(?::|==|\s+in\b)\s*(\([^)]*\)|"[^"]*"|'[^']*'|[^\s()]+)`, 'gi');
const DATASET_TEST = dataTest(String.raw`(?:event|data_stream)\.dataset`);
const MODULE_TEST = dataTest(String.raw`event\.module`);
const CATEGORY_TEST = dataTest(String.raw`event\.category`);
const DATASET_VALUE = /"([^"]*)"|'([^']*)'|([\w.*-]+)/g;

/**
 * The data streams an Elastic query keeps (`event.dataset: "proofpoint_tap.message_delivered"`); not those it leaves
 * out (negatedAt: `not event.dataset : "o365.audit"`, `NOT event.dataset:(a OR b)`). A wildcard's data stream is the
 * name before it (`proofpoint_tap.*`: `proofpoint_tap`).
 */
export function elasticDatasets(query: string): string[] {
  return testedValues(query, DATASET_TEST);
}

/**
 * The data an Elastic query keeps by name: its data streams (elasticDatasets), else the modules it keeps (`event.module:
 * proofpoint_tap`, `event.module : ("proofpoint" or "mimecast")`), a module being every data stream of its package.
 */
export function elasticDataNames(query: string): string[] {
  const datasets = elasticDatasets(query);
  return datasets.length ? datasets : testedValues(query, MODULE_TEST);
}

/** The values a query's tests of one field keep, as elasticDatasets reads them. */
function testedValues(query: string, test: RegExp): string[] {
  const datasets = [...query.matchAll(test)]
    .filter((match) => !negatedAt(query, match.index))
    .flatMap((match) => [...match[1]!.matchAll(DATASET_VALUE)].map((value) => (value[1] ?? value[2] ?? value[3])!))
    .filter((value) => !/^(?:or|and)$/i.test(value))
    .map((value) => value.replace(/\.?\*+$/, ''));
  return [...new Set(datasets)];
}

/** The data stream an index pattern names (`logs-proofpoint_tap.message_delivered-*`, `logs-proofpoint_tap.*`: `proofpoint_tap`). */
export function indexDataset(index: string): string {
  return /^logs-([\w.]+)/.exec(index.trim())?.[1]?.replace(/\.+$/, '') ?? '';
}

/** The data an Elastic rule reads by name: the data streams (or modules) its query keeps, else those its indexes name. */
function elasticReadNames(indexes: readonly string[], query: unknown): string[] {
  const datasets = typeof query === 'string' ? elasticDataNames(query) : [];
  return datasets.length ? datasets : indexes.map(indexDataset).filter(Boolean);
}

/**
 * The data streams of Elastic's google_workspace package that hold its accounts' sign-ins: `login` (logons, their
 * failures, Google's own flag of a suspicious one), `saml` and `token` (SAML and OAuth sign-ins to other apps),
 * `user_accounts` (2-step verification and passwords): the events of Workspace's applications that are an identity
 * provider's (workspace-apps.ts WORKSPACE_IDENTITY_APPS, but for `admin`, whose stream holds Gmail's and Drive's settings
 * too). Sigma reads `google_workspace.login` as Identity Provider (sigma-platforms.ts).
 */
const ELASTIC_WORKSPACE_SIGN_INS = /^google_workspace\.(?:login|saml|token|user_accounts)$/i;

/**
 * The platforms of an Elastic rule that reads Google Workspace's sign-ins alone (ELASTIC_WORKSPACE_SIGN_INS, by the data
 * streams its query keeps, else by its indexes): Google Workspace and Identity Provider, as Panther's and Datadog's
 * rules of the same reports fire (GOOGLE_WORKSPACE_REPORTS). detection-rules'
 * rules/integrations/google_workspace/credential_access_google_workspace_login_brute_force.toml (T1110.001,
 * `data_stream.dataset:"google_workspace.login" and event.action:"login_failure"`) is tagged `Data Source: Google
 * Workspace` alone. Undefined otherwise.
 */
export function elasticWorkspaceSignInPlatforms(indexes: readonly string[], query: unknown): string[] | undefined {
  const names = elasticReadNames(indexes, query);
  return names.length && names.every((name) => ELASTIC_WORKSPACE_SIGN_INS.test(name)) ? [...GOOGLE_WORKSPACE_REPORTS] : undefined;
}

/**
 * The platforms of an Elastic rule that reads an email gateway's messages alone: Office Suite (`Office 365`), as
 * Sentinel's and Splunk's rules of the same data fire (EMAIL_GATEWAY_KQL_SOURCES): every data stream its query keeps is a
 * gateway's, or, where it names none, every index it reads. Undefined otherwise.
 */
export function elasticGatewayPlatforms(indexes: readonly string[], query: unknown): string[] | undefined {
  const names = elasticReadNames(indexes, query);
  if (names.length) return names.every((name) => ELASTIC_GATEWAY_DATASETS.test(name)) ? [...OFFICE] : undefined;
  // A query of ECS's email fields or category over indexes of any data (`logs-*`) reads the mail service's messages alone.
  return typeof query === 'string' && (ecsEmailFields(query).length || keepsEcsEmailCategory(query)) ? [...OFFICE] : undefined;
}

// The fields of ECS's email field set (elastic/ecs schemas/email.yml: "Event details relating to an email transaction …
// the email message header, body, and attachments"), by their first part: `email.from.address`, `email.attachments.file.name`.
// Not another field set's email (`user.email`, `threat.indicator.email.address`), nor text inside a value (`*email.subject*`).
const ECS_EMAIL_FIELD = /(?<![\w.@*\/\\-])email\.(?:attachments|bcc|cc|content_type|delivery_timestamp|direction|from|local_id|message_id|origination_timestamp|reply_to|sender|subject|to|x_mailer)\b[\w.]*/gi;

/**
 * The fields of ECS's email field set an Elastic query reads (`email.from.address:*`, `email.subject : "Invoice"`), once
 * each, in order; not one it only leaves out (negatedAt: `not email.direction : "outbound"`).
 */
export function ecsEmailFields(query: string): string[] {
  return [...new Set([...query.matchAll(ECS_EMAIL_FIELD)].filter((match) => !negatedAt(query, match.index)).map((match) => match[0].toLowerCase()))];
}

/**
 * Whether an Elastic query keeps ECS's email category (`event.category:email`, `event.category : ("email" or "network")`,
 * EQL's `event.category == "email"`), as elasticDatasets reads a test: the category ECS's email RFC added for "email
 * events" of a gateway or a mail service (elastic/ecs rfcs/text/0010-email.md: "add `event.category: email` and make
 * `info` an expected event type", its Proofpoint TAP and Office 365 message trace events so categorized); not one it
 * leaves out (`not event.category : "email"`).
 */
export function keepsEcsEmailCategory(query: string): boolean {
  return testedValues(query, CATEGORY_TEST).some((category) => category.toLowerCase() === 'email');
}

/** The indexes and the source types and sources a Splunk search names, by kind, once each. */
export function splunkSearchTerms(search: string): { indexes: string[]; sources: string[] } {
  const indexes = new Set<string>();
  const sources = new Set<string>();
  for (const match of search.matchAll(SEARCH_TERM)) {
    const [, field, double, single, bare, list] = match;
    if (negatedAt(search, match.index)) continue;
    const values = list === undefined ? [(double ?? single ?? bare)!] : [...list.matchAll(LIST_VALUE)].map((item) => (item[1] ?? item[2] ?? item[3])!);
    for (const value of values.map((text) => text.trim())) {
      if (value && !/^\*+$/.test(value)) (field!.toLowerCase() === 'index' ? indexes : sources).add(value);
    }
  }
  for (const match of search.matchAll(PATTERN_TERM)) {
    const [, kind, field, double, single] = match;
    if (negatedAt(search, match.index)) continue;
    for (const name of patternNames(kind!, (double ?? single)!) ?? []) (field!.toLowerCase() === 'index' ? indexes : sources).add(name);
  }
  return { indexes: [...indexes], sources: [...sources] };
}

/**
 * The platforms of a Splunk search from the data it names, the most exact first: the source types and sources it
 * searches (SPLUNK_SOURCETYPES), else the macros it calls that stand for data (SPLUNK_MACROS), else its indexes
 * (SPLUNK_INDEXES); undefined (every platform) for none, whatever keeps the search: a security_content detection, a
 * saved search, a search kept as Markdown.
 */
export function splunkSearchPlatforms(search: string | undefined): string[] | undefined {
  if (search === undefined) return undefined;
  const { indexes, sources } = splunkSearchTerms(search);
  return (
    sourcePlatforms(SPLUNK_SOURCETYPES, sources) ??
    sourcePlatforms(SPLUNK_MACROS, knownSources(SPLUNK_MACROS, splunkSearchMacros(search))) ??
    sourcePlatforms(SPLUNK_INDEXES, indexes)
  );
}

/**
 * The tables a KQL query needs as kql-tables.ts writes them (`SecurityEvent (EventID 4688)`), by name: a table it runs
 * without (`IdentityInfo (optional: leftouter lookup)`) says nothing of where it fires.
 */
export function neededTableNames(groups: readonly (readonly string[])[] | undefined): string[] {
  const tables = (groups ?? []).flat().filter((table) => !isOptionalRead(table));
  return [...new Set(tables.map((table) => /^\S+/.exec(table)![0]))];
}

/**
 * The platforms a KQL query fires on from the tables it needs (kqlTableGroups' groups; SENTINEL_SOURCES), whatever
 * keeps it: a Sentinel rule or export, a `.kql` file, a query kept as Markdown, a Defender XDR custom detection. Defender
 * XDR's device tables (DeviceProcessEvents) hold events of Windows, Linux and macOS devices alike: no row names them,
 * and a query of them counts on every platform. Undefined (every platform) as sourcePlatforms says.
 */
export function kqlQueryPlatforms(groups: readonly (readonly string[])[] | undefined): string[] | undefined {
  return sourcePlatforms(SENTINEL_SOURCES, neededTableNames(groups));
}
