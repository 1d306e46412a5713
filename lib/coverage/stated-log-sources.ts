/**
 * A library rule of another format than Sigma -> the ATT&CK log sources its own fields say it reads, so that
 * `gap --rules-library --log-sources` classes it buildable now or needing them, as a Sigma rule through its logsource
 * (sigma-log-sources.ts). Only what the format states clearly is mapped:
 *
 * - a Splunk detection's `data_source` (splunk/security_content, e.g. `detections/endpoint/
 *   windows_service_create_kernel_mode_driver.yml`: `data_source: [Sysmon Event ID 1]`): a Sysmon event (`Sysmon EventID
 *   1`, `Sysmon for Linux EventID 1`), a Windows channel's event (`Windows Event Log Security 4688`) or PowerShell's
 *   script block logging (`Powershell Script Block Logging 4104`); the list gives alternatives, as Splunk's
 *   `Data Sources` list does, any one collected is enough;
 * - an Elastic rule's `index` patterns with the one event category its query reads (elastic/detection-rules, e.g.
 *   `rules/windows/credential_access_cmdline_dump_tool.toml`: `winlogbeat-*`, `logs-system.security*`,
 *   `logs-windows.sysmon_operational-*` and `process where …`): each pattern of a Windows or Linux log (Winlogbeat,
 *   the Windows, System and auditd integrations) with that category gives what Sigma's taxonomy gives the same category
 *   on that system, narrowed to the log the pattern holds (Sysmon's channel: Sysmon's events only); an ES|QL or Kibana
 *   query kept as Markdown (read-kql-markdown.ts) is read alike, the indexes its `FROM` names or the datasets it keeps
 *   to (`event.dataset:windows.sysmon_operational`, read as its data stream) with the categories it tests.
 *
 * An EQL sequence of several categories (the same repository's `rules/windows/
 * command_and_control_unusual_network_connection_via_rundll32.toml`: `sequence by host.id, process.entity_id
 * [process where …] [network where …]` over `winlogbeat-*` and `logs-windows.sysmon_operational-*`) reads each
 * category: each is mapped as a rule of that one category would be, and the rule needs one log source of every category
 * (`each`); a category its patterns map to no log leaves the rule not mapped.
 *
 * - a KQL query's tables (a Sentinel rule's `query`, else its `requiredDataConnectors`' `dataTypes`; a `.kql` file; a
 *   query kept as Markdown; kql-tables.ts), each table that is an ATT&CK log (KQL_TABLES): `SecurityEvent`
 *   `WinEventLog:Security`, `Syslog` `linux:syslog`, `SigninLogs` `azure:signinlogs`; Defender XDR's tables
 *   (`DeviceProcessEvents`) as ATT&CK 18.1 names the one it names, `M365Defender:DeviceNetworkEvents` (analytic
 *   AN0345); a table of Windows events filtered to events (`SecurityEvent (EventID 4688)`, kql-tables.ts) each of them, as
 *   a Splunk rule's `Windows Event Log Security 4688` (`WinEventLog:Security (EventCode=4688)`), `WindowsEvent` and
 *   `Event` only with a channel of an ATT&CK log (`Microsoft-Windows-Sysmon/Operational`: `WinEventLog:Sysmon`). A union reads each of its tables (Azure-Sentinel's `Detections/MultipleDataSources/
 *   AuditPolicyManipulation_using_auditpol.yaml`: `union isfuzzy=true (SecurityEvent | …), (DeviceProcessEvents | …),
 *   (Event | …)`), any one collected enough, as a Splunk rule's list of data sources; a join needs a table of each
 *   side (`each`, as an EQL sequence), and maps only when every side does; an ASIM parser read without the rule's
 *   `dataTypes` (`imAuthentication (ASIM Authentication schema)`) as the sources Microsoft's built-in parsers of its
 *   schema read (ASIM_SOURCES), any one enough, said with what the rule needs; a table that only leaves rows out
 *   (`DeviceNetworkInfo (optional: leftanti join)`) is said as stated and needed by no side. A table of no ATT&CK log (`Event`, which
 *   holds any Windows channel; `CommonSecurityLog`, any appliance's CEF) is said as stated and maps nothing.
 *
 * A source stated that names no ATT&CK log (`CrowdStrike ProcessRollup2`, Elastic Defend's `logs-endpoint.events.*`,
 * several categories of a query that is no sequence, KQL's `event.category:(process or network)`) is said as stated and not mapped; a rule that states none (a Splunk detection of
 * 2019 without `data_source`, an Elastic machine learning rule) is said to state none, never guessed.
 */
import uniqBy from 'lodash-es/uniqBy.js';
import type { LogSourceRef } from '../attack/types.js';
import type { CoverageRule } from './coverage-types.js';
import { asimReadOf, isOptionalRead } from './kql-tables.js';
import { sigmaLogSources } from './sigma-log-sources.js';

/** What a rule states of the data it reads, and the ATT&CK log sources that maps to (undefined: none it maps). */
export interface StatedLogSources {
  /** As the rule states them: Splunk's data sources, Elastic's index patterns and `event.category …`; empty: none. */
  stated: string[];
  refs?: LogSourceRef[];
  /**
   * An EQL sequence's, instead of `refs`: per event category of it, in the query's order, the log sources that feed it
   * (any one of each is enough); the rule needs one of every category.
   */
  each?: { category: string; refs: LogSourceRef[]; through?: string[] }[];
  /**
   * The ASIM parsers among what `refs` come of, each read as the sources Microsoft's built-in parsers of its schema read
   * (`imAuthentication: the sources ASIM's built-in Authentication parsers read`): said with what the rule needs.
   */
  through?: string[];
  /** Of a KQL query's tables, where a group of them (a join's side) maps to no ATT&CK log: that group's, the ones not mapped. */
  unmapped?: string[];
}

const SPLUNK_SOURCES: ReadonlyArray<readonly [pattern: RegExp, refs: (match: RegExpMatchArray) => LogSourceRef[]]> = [
  [/^sysmon event ?id (\d+)$/i, (m) => [{ name: 'WinEventLog:Sysmon', channel: `EventCode=${m[1]}` }]],
  [/^sysmon for linux event ?id (\d+)$/i, (m) => [{ name: 'linux:Sysmon', channel: `EventCode=${m[1]}` }]],
  [/^windows event log (security|system|application) (\d+)$/i, (m) => [{ name: `WinEventLog:${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()}`, channel: `EventCode=${m[2]}` }]],
  [/^powershell script block logging 4104$/i, () => [{ name: 'WinEventLog:PowerShell', channel: 'EventCode=4104' }]],
];

/** An ECS event category -> Sigma's category of the same events. */
const ECS_CATEGORIES: Readonly<Record<string, string>> = {
  process: 'process_creation',
  file: 'file_event',
  registry: 'registry_event',
  network: 'network_connection',
  library: 'image_load',
  dns: 'dns_query',
};

/** An Elastic index pattern -> the system its log is of and the ATT&CK log names it holds (undefined: every one of the system's). */
const ELASTIC_INDEXES: ReadonlyArray<readonly [pattern: RegExp, product: 'windows' | 'linux', names?: readonly string[]]> = [
  [/^winlogbeat-/i, 'windows'],
  [/^logs-windows\.forwarded/i, 'windows'],
  [/^logs-windows\.sysmon_operational/i, 'windows', ['WinEventLog:Sysmon']],
  [/^logs-system\.security/i, 'windows', ['WinEventLog:Security']],
  [/^logs-windows\.powershell/i, 'windows', ['WinEventLog:PowerShell']],
  [/^(?:auditbeat-|logs-auditd_manager\.auditd)/i, 'linux', ['auditd:EXECVE', 'auditd:SYSCALL', 'auditd:PATH']],
];

/** What a Splunk or Elastic rule states of its data and the ATT&CK log sources it maps to; for another format, what it states. */
export function statedLogSources(rule: Pick<CoverageRule, 'kind' | 'dataSources' | 'eventCategories' | 'eventSequence' | 'queryTables'>): StatedLogSources {
  const sources = rule.dataSources ?? [];
  if (rule.kind === 'splunk') {
    const refs = sources.flatMap((source) => SPLUNK_SOURCES.flatMap(([pattern, give]) => {
      const match = source.trim().match(pattern);
      return match ? give(match) : [];
    }));
    return { stated: sources, ...(refs.length ? { refs: unique(refs) } : {}) };
  }
  if (rule.kind === 'elastic') {
    const categories = rule.eventCategories ?? [];
    const stated = [...sources, ...(categories.length ? [`event.category ${categories.join(', ')}`] : [])];
    const found = sources.flatMap((source) => ELASTIC_INDEXES.filter(([pattern]) => pattern.test(dataStream(source.trim()))));
    // A sequence of several categories needs each: mapped one by one, the rule maps only when every one does.
    if (categories.length > 1 && rule.eventSequence) {
      const each = categories.map((category) => ({ category, refs: categoryRefs(category, found) }));
      return { stated, ...(each.every(({ refs }) => refs.length) ? { each } : {}) };
    }
    // Several categories of a query that is no sequence (KQL's `event.category:(process or network)`): not mapped.
    const refs = categories.length === 1 ? categoryRefs(categories[0]!, found) : [];
    return { stated, ...(refs.length ? { refs } : {}) };
  }
  if (rule.queryTables?.length) {
    const stated = [...new Set(rule.queryTables.flat())];
    // A table that only leaves rows out (`DeviceNetworkInfo (optional: leftanti join)`) is said, not needed.
    const groups = rule.queryTables.map((tables) => tables.filter((table) => !isOptionalRead(table))).filter((tables) => tables.length);
    if (!groups.length) return { stated };
    if (groups.length > 1) {
      const each = groups.map((tables) => ({ category: tables.join(' or '), refs: unique(tables.flatMap(tableRefs)), ...asimThrough(tables) }));
      if (each.every(({ refs }) => refs.length)) return { stated, each };
      // `CommonSecurityLog | … | join (SecurityEvent | where EventID == 4688)`: the side no ATT&CK log names is what is
      // not mapped, not SecurityEvent's.
      return { stated, unmapped: [...new Set(groups.filter((tables, index) => !each[index]!.refs.length).flat())] };
    }
    const refs = unique(groups[0]!.flatMap(tableRefs));
    return { stated, ...(refs.length ? { refs, ...asimThrough(groups[0]!) } : {}) };
  }
  return { stated: sources };
}

/** KQL tables that are an ATT&CK log (ATT&CK 18.1's analytic names), Sentinel's and Defender XDR's as Microsoft names them. */
const KQL_TABLES: Readonly<Record<string, readonly LogSourceRef[]>> = {
  Syslog: [{ name: 'linux:syslog' }],
  SigninLogs: [{ name: 'azure:signinlogs' }],
  AADNonInteractiveUserSignInLogs: [{ name: 'azure:signinlogs' }],
  AuditLogs: [{ name: 'azure:audit' }],
  AzureActivity: [{ name: 'azure:activity' }],
  OfficeActivity: [{ name: 'm365:unified' }],
  AWSCloudTrail: [{ name: 'AWS:CloudTrail' }],
  // Sentinel's tables of logs ATT&CK 18.1 names too: IIS's W3C logs ("IIS W3C logs in C:\inetpub\logs\LogFiles\W3SVC*",
  // ApplicationLog:IIS), AWS VPC flow logs (AWS S3 connector), GCP audit logs, Okta's System Log (the Okta SSO
  // connector's Okta_CL and OktaV2_CL), and the DNS server's lookups (DnsEvents, dns:query).
  W3CIISLog: [{ name: 'ApplicationLog:IIS' }],
  AWSVPCFlow: [{ name: 'AWS:VPCFlowLogs' }],
  GCPAuditLogs: [{ name: 'gcp:audit' }],
  Okta_CL: [{ name: 'Okta:SystemLog' }],
  OktaV2_CL: [{ name: 'Okta:SystemLog' }],
  DnsEvents: [{ name: 'dns:query' }],
};

// Defender XDR's advanced hunting tables, which Sentinel keeps under the same names.
const DEFENDER_TABLE = /^(?:Device\w*Events|Device\w*Info|Email(?:Events|AttachmentInfo|UrlInfo|PostDeliveryEvents)|Identity(?:Logon|Query|Directory)Events|IdentityInfo|CloudAppEvents|UrlClickEvents|AlertInfo|AlertEvidence)$/;

/** Windows channels that are an ATT&CK log, by the name `WindowsEvent`'s `Channel` and `Event`'s `EventLog` give them (case aside). */
const WINDOWS_CHANNELS: Readonly<Record<string, string>> = {
  security: 'WinEventLog:Security',
  system: 'WinEventLog:System',
  application: 'WinEventLog:Application',
  'microsoft-windows-sysmon/operational': 'WinEventLog:Sysmon',
  'microsoft-windows-powershell/operational': 'WinEventLog:PowerShell',
};

// A table as kql-tables.ts writes one a filter narrows: `SecurityEvent (EventID 4624 or 4625)`, `WindowsEvent (Microsoft-Windows-Sysmon/Operational EventID 1)`.
const NARROWED_TABLE = /^(\w+) \((.*?) ?(?:EventID (\d+(?: or \d+)*))?\)$/;

/** Sysmon for Linux's events, which it writes to the Syslog table among every other daemon's lines. */
const linuxSysmon = (...ids: number[]): LogSourceRef[] => ids.map((id) => ({ name: 'linux:Sysmon', channel: `EventCode=${id}` }));

/**
 * The sources Microsoft Sentinel's built-in ASIM parsers read, per schema, as learn.microsoft.com's "List of Microsoft
 * Sentinel Advanced Security Information Model (ASIM) parsers" (azure/sentinel/normalization-parsers-list; MicrosoftDocs/
 * azure-docs articles/sentinel/normalization-parsers-list.md, 03e5750af10b23b5ba437d5b333ec5e9437844f9) lists them, each
 * that is an ATT&CK log: as a table read as kql-tables.ts writes one (tableRefs maps it), or the log source itself where
 * the table holds others too (Sysmon for Linux, in Syslog). Windows events go to SecurityEvent or WindowsEvent alike, one
 * ATT&CK log; the page names the events but for user management, whose events are its parser's
 * (Azure/Azure-Sentinel Parsers/ASimUserManagement/Parsers/ASimUserManagementMicrosoftSecurityEvent.yaml, 11cfc065).
 * Sources of no ATT&CK log (the firewalls' CommonSecurityLog, `ASim…Logs` normalized at ingestion, Azure storage, Infoblox,
 * Zscaler) map nothing: DhcpEvent's only built-in sources are such.
 */
const ASIM_SOURCES: Readonly<Record<string, readonly (string | LogSourceRef)[]>> = {
  AlertEvent: ['AlertEvidence'],
  AuditEvent: ['AWSCloudTrail', 'AzureActivity', 'OfficeActivity', 'SecurityEvent (EventID 1102)'],
  Authentication: ['SecurityEvent (EventID 4624 or 4625 or 4634 or 4647)', 'DeviceLogonEvents', 'SigninLogs', 'AADNonInteractiveUserSignInLogs', 'AWSCloudTrail', 'Okta_CL', 'OktaV2_CL', 'Syslog'],
  DhcpEvent: [],
  Dns: ['DnsEvents', 'Event (Microsoft-Windows-Sysmon/Operational EventID 22)'],
  FileEvent: ['DeviceFileEvents', 'SecurityEvent (EventID 4663)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 11 or 23 or 26)', ...linuxSysmon(11, 23, 26), 'AWSCloudTrail', 'OfficeActivity'],
  NetworkSession: ['DeviceNetworkEvents', 'Event (Microsoft-Windows-Sysmon/Operational EventID 3)', ...linuxSysmon(3), `SecurityEvent (EventID ${Array.from({ length: 10 }, (_, i) => 5150 + i).join(' or ')})`, 'AWSVPCFlow'],
  ProcessCreate: ['DeviceProcessEvents', 'SecurityEvent (EventID 4688)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 1)', ...linuxSysmon(1)],
  ProcessEvent: ['DeviceProcessEvents', 'SecurityEvent (EventID 4688 or 4689)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 1 or 5)', ...linuxSysmon(1, 5)],
  ProcessTerminate: ['SecurityEvent (EventID 4689)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 5)', ...linuxSysmon(5)],
  RegistryEvent: ['DeviceRegistryEvents', 'SecurityEvent (EventID 4657 or 4663)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 12 or 13 or 14)'],
  UserManagement: [
    `SecurityEvent (EventID ${[4720, 4722, 4723, 4724, 4725, 4726, 4727, 4728, 4729, 4730, 4731, 4732, 4733, 4734, 4738, 4740, 4744, 4748, 4749, 4753, 4754, 4756, 4757, 4758, 4759, 4763, 4767, 4781].join(' or ')})`,
    'AWSCloudTrail',
    'Syslog',
  ],
  WebSession: ['W3CIISLog'],
};

/** The ASIM parsers of tables read whose schema's built-in sources map, each with what it is read as. */
function asimThrough(tables: readonly string[]): { through?: string[] } {
  const through = tables.flatMap((table) => {
    const asim = asimReadOf(table);
    return asim && asimRefs(asim.schema).length ? [`${asim.parser}: the sources ASIM's built-in ${asim.schema} parsers read`] : [];
  });
  return through.length ? { through: [...new Set(through)] } : {};
}

/** The ATT&CK log sources of the sources an ASIM schema's built-in parsers read (ASIM_SOURCES), any one enough. */
function asimRefs(schema: string): LogSourceRef[] {
  const sources = Object.hasOwn(ASIM_SOURCES, schema) ? ASIM_SOURCES[schema]! : [];
  return unique(sources.flatMap((source) => (typeof source === 'string' ? tableRefs(source) : [source])));
}

/**
 * The ATT&CK log sources a KQL table holds (none for a table of no ATT&CK log); narrowed to events, each of them, any
 * one enough, as a Splunk detection's list: `SecurityEvent (EventID 4688)` `WinEventLog:Security (EventCode=4688)`;
 * `WindowsEvent` or `Event` only with a channel that is an ATT&CK log; an ASIM parser as the sources its schema's
 * built-in parsers read.
 */
function tableRefs(read: string): readonly LogSourceRef[] {
  const asim = asimReadOf(read);
  if (asim) return asimRefs(asim.schema);
  const [, table = read, channel = '', ids] = read.match(NARROWED_TABLE) ?? [];
  const name = table === 'SecurityEvent' ? 'WinEventLog:Security' : table === 'WindowsEvent' || table === 'Event' ? WINDOWS_CHANNELS[channel.toLowerCase()] : undefined;
  if (name) return ids ? ids.split(' or ').map((id) => ({ name, channel: `EventCode=${id}` })) : [{ name }];
  return KQL_TABLES[table] ?? (DEFENDER_TABLE.test(table) ? [{ name: `M365Defender:${table}` }] : []);
}

/**
 * The index a source stated as a dataset (`event.dataset:windows.sysmon_operational`, what a Kibana query in Markdown
 * keeps to) is read from: its data stream, `logs-windows.sysmon_operational-*`, as Elastic names a data stream
 * `<type>-<dataset>-<namespace>`; an index pattern as it is.
 */
function dataStream(source: string): string {
  const dataset = /^event\.dataset:(.+)$/i.exec(source)?.[1];
  return dataset ? `logs-${dataset}-*` : source;
}

/**
 * The ATT&CK log sources of an ECS event category in the logs the index patterns found hold: in the taxonomy's order
 * (Sysmon, then Security), whatever the order of the patterns; none for a category Sigma's taxonomy has no name for.
 */
function categoryRefs(ecs: string, found: readonly (typeof ELASTIC_INDEXES)[number][]): LogSourceRef[] {
  const category = ECS_CATEGORIES[ecs];
  if (!category) return [];
  return unique(
    (['windows', 'linux'] as const).flatMap((product) =>
      (sigmaLogSources({ product, category }) ?? []).filter((ref) => found.some(([, system, names]) => system === product && (!names || names.includes(ref.name)))),
    ),
  );
}

/** Each log source once, in the order first met. */
function unique(refs: readonly LogSourceRef[]): LogSourceRef[] {
  return uniqBy(refs, (ref) => `${ref.name}\u0000${ref.channel ?? ''}`);
}
