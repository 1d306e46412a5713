/**
 * Sigma `logsource` -> the ATT&CK log sources (ATT&CK 18's analytic names, `data log-sources` lists them) whose
 * collection feeds the rule, so that a library rule (`gap --rules-library`) can be told buildable with what a
 * `--log-sources` file says is collected, through the same check (`CollectedLogSources.collects`) that classes ATT&CK's
 * analytics.
 *
 * Each entry lists alternatives: any one collected is enough (Sigma's `process_creation` on Windows reads Sysmon's
 * EventCode=1 or Security's 4688, as Sigma's own taxonomy maps it). Channels are the event IDs of Sigma's
 * taxonomy (SigmaHQ/sigma-specification, `Taxonomy_specification.md`: its Windows table gives each category's Sysmon
 * event ID; a `service` is one Windows event channel). Lookup, the most specific first: product and service,
 * product and category, then category or service alone (a rule without product: `proxy`, `webserver`, `apache`), then
 * the product alone.
 *
 * What it cannot map is said, never guessed (`sigmaLogSources` returns undefined): categories of no ATT&CK log source name
 * (`antivirus`, `file_access` and `file_rename`, which come from ETW providers no analytic names, Sysmon's own status
 * events), services of Windows channels no ATT&CK 18 analytic reads (`bits-client`, `appxdeployment-server`,
 * `msexchange-management`, `applocker`, `dns-client`), products of vendors ATT&CK names no log of (Fortigate,
 * Palo Alto, Bitbucket, OpenCanary, application frameworks such as `jvm`, `spring`, `django`).
 */
import type { LogSourceRef } from '../attack/types.js';

/** A Sigma rule's `logsource`, its keys as written (lower case compared). */
export interface SigmaLogsource {
  product?: string;
  category?: string;
  service?: string;
}

const sysmon = (...events: number[]): LogSourceRef[] => events.map((event) => ({ name: 'WinEventLog:Sysmon', channel: `EventCode=${event}` }));
const security = (...events: number[]): LogSourceRef[] => events.map((event) => ({ name: 'WinEventLog:Security', channel: `EventCode=${event}` }));
const named = (...names: string[]): LogSourceRef[] => names.map((name) => ({ name }));

/** `product/category`, `product/service`, `category` (any product) or `product` -> alternatives. */
export const SIGMA_LOG_SOURCES: Readonly<Record<string, readonly LogSourceRef[]>> = {
  // Windows, by Sigma category: Sysmon's event per its taxonomy, and Security auditing where it logs the same.
  'windows/process_creation': [...sysmon(1), ...security(4688)],
  'windows/file_event': sysmon(11),
  'windows/file_change': sysmon(2),
  'windows/file_delete': sysmon(23, 26),
  'windows/file_block': sysmon(27),
  'windows/create_stream_hash': sysmon(15),
  'windows/registry_set': sysmon(13),
  'windows/registry_add': sysmon(12),
  'windows/registry_delete': sysmon(12),
  'windows/registry_rename': sysmon(14),
  'windows/registry_event': sysmon(12, 13, 14),
  'windows/image_load': sysmon(7),
  'windows/driver_load': sysmon(6),
  'windows/network_connection': sysmon(3),
  'windows/dns_query': sysmon(22),
  'windows/process_access': sysmon(10),
  'windows/create_remote_thread': sysmon(8),
  'windows/raw_access_thread': sysmon(9),
  'windows/pipe_created': sysmon(17, 18),
  'windows/wmi_event': sysmon(19, 20, 21),
  'windows/process_tampering': sysmon(25),
  'windows/clipboard_capture': sysmon(24),
  'windows/ps_script': [{ name: 'WinEventLog:PowerShell', channel: 'EventCode=4104' }],
  'windows/ps_module': [{ name: 'WinEventLog:PowerShell', channel: 'EventCode=4103' }],
  'windows/ps_classic_start': [{ name: 'WinEventLog:PowerShell', channel: 'EventCode=400' }],
  'windows/ps_classic_provider_start': [{ name: 'WinEventLog:PowerShell', channel: 'EventCode=600' }],
  // Windows, by event channel (`service`): the channel is the ATT&CK name.
  'windows/security': named('WinEventLog:Security'),
  'windows/system': named('WinEventLog:System'),
  'windows/application': named('WinEventLog:Application'),
  'windows/sysmon': named('WinEventLog:Sysmon'),
  'windows/powershell': named('WinEventLog:PowerShell'),
  'windows/powershell-classic': named('WinEventLog:PowerShell'),
  'windows/taskscheduler': named('WinEventLog:TaskScheduler'),
  'windows/wmi': named('WinEventLog:WMI'),
  'windows/codeintegrity-operational': named('WinEventLog:Microsoft-Windows-CodeIntegrity/Operational'),
  'windows/firewall-as': named('WinEventLog:Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'),
  'windows/windefend': named('WinEventLog:Microsoft-Windows-Windows Defender/Operational', 'WinEventLog:Windows Defender'),
  'windows/security-mitigations': named('WinEventLog:Microsoft-Windows-Security-Mitigations/KernelMode'),
  'windows/smbclient-security': named('WinEventLog:Microsoft-Windows-SMBClient/Security'),
  'windows/iis-configuration': named('WinEventLog:Microsoft-IIS-Configuration'),
  // Linux: auditd's records, Sysmon for Linux, osquery.
  'linux/process_creation': [{ name: 'auditd:EXECVE' }, { name: 'auditd:SYSCALL', channel: 'execve' }, { name: 'linux:Sysmon', channel: 'EventCode=1' }, { name: 'linux:osquery', channel: 'process_events' }],
  'linux/file_event': [{ name: 'auditd:PATH' }, { name: 'linux:osquery', channel: 'file_events' }],
  'linux/network_connection': [{ name: 'auditd:SYSCALL', channel: 'connect' }, { name: 'linux:Sysmon', channel: 'EventCode=3' }],
  'linux/auditd': named('auditd:SYSCALL', 'auditd:EXECVE', 'auditd:PATH', 'auditd:CONFIG_CHANGE', 'auditd:USER_LOGIN', 'auditd:PROCTITLE'),
  'linux/syslog': named('linux:syslog'),
  'linux/sshd': named('linux:auth', 'linux:syslog'),
  'linux/sudo': named('linux:auth', 'linux:syslog'),
  'linux/auth': named('linux:auth'),
  'linux/cron': named('linux:cron'),
  // A Linux rule of keywords without a service reads the system's log.
  linux: named('linux:syslog'),
  // macOS: Endpoint Security's exec events, osquery, the unified log.
  'macos/process_creation': [{ name: 'macos:endpointsecurity', channel: 'ES_EVENT_TYPE_NOTIFY_EXEC' }, { name: 'macos:osquery', channel: 'process_events' }, { name: 'macos:unifiedlog' }],
  'macos/file_event': [{ name: 'macos:osquery', channel: 'file_events' }, { name: 'fs:fileevents' }, { name: 'macos:fsevents' }],
  // Cloud, identity and SaaS: the provider's audit log.
  'aws/cloudtrail': named('AWS:CloudTrail'),
  aws: named('AWS:CloudTrail'),
  'azure/activitylogs': named('azure:activity'),
  'azure/auditlogs': named('azure:audit'),
  'azure/signinlogs': named('azure:signinlogs'),
  'gcp/gcp.audit': named('gcp:audit'),
  'gcp/google_workspace.admin': named('saas:googleworkspace', 'gcp:workspaceaudit'),
  'gcp/google_workspace.login': named('saas:googleworkspace', 'gcp:workspaceaudit'),
  okta: named('saas:okta', 'Okta:SystemLog'),
  m365: named('m365:unified'),
  'm365/threat_management': named('m365:defender', 'm365:unified'),
  kubernetes: named('kubernetes:audit', 'kubernetes:apiserver'),
  github: named('saas:github'),
  // Network: sensors (Zeek), DNS and firewall logs.
  'zeek/dns': [{ name: 'NSM:Flow', channel: 'dns.log' }],
  'zeek/http': [{ name: 'NSM:Flow', channel: 'http.log' }],
  zeek: named('NSM:Flow'),
  dns: named('dns:query', 'NSM:Flow'),
  firewall: named('NSM:Firewall'),
  proxy: named('NSM:Flow', 'Network Traffic'),
  webserver: named('ApplicationLog:WebServer', 'apache:access_log', 'WinEventLog:iis'),
  apache: named('apache:access_log', 'ApplicationLog:WebServer'),
  nginx: named('ApplicationLog:WebServer'),
  cisco: named('networkdevice:syslog'),
  juniper: named('networkdevice:syslog'),
  huawei: named('networkdevice:syslog'),
};

/** The logsource as a report names it: `windows/process_creation`, `azure/signinlogs`, `proxy`. */
export function logsourceText(logsource: SigmaLogsource): string {
  const parts = [logsource.product, logsource.category ?? logsource.service].map((part) => part?.trim().toLowerCase()).filter(Boolean);
  return parts.length ? parts.join('/') : '(no logsource)';
}

/**
 * The ATT&CK log sources that feed a Sigma logsource (any one collected is enough), or undefined when the table maps
 * it to none (see the module's comment for what it cannot map).
 */
export function sigmaLogSources(logsource: SigmaLogsource): readonly LogSourceRef[] | undefined {
  const key = (text: string | undefined) => text?.trim().toLowerCase() || undefined;
  const product = key(logsource.product);
  const category = key(logsource.category);
  const service = key(logsource.service);
  const keys = [
    product && service ? `${product}/${service}` : undefined,
    product && category ? `${product}/${category}` : undefined,
    category,
    service,
    product,
  ];
  for (const candidate of keys) {
    const found = candidate === undefined ? undefined : SIGMA_LOG_SOURCES[candidate];
    if (found) return found;
  }
  return undefined;
}
