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
 *   on that system, narrowed to the log the pattern holds (Sysmon's channel: Sysmon's events only).
 *
 * A source stated that names no ATT&CK log (`CrowdStrike ProcessRollup2`, Elastic Defend's `logs-endpoint.events.*`,
 * a sequence of several categories) is said as stated and not mapped; a rule that states none (a Splunk detection of
 * 2019 without `data_source`, an Elastic machine learning rule) is said to state none, never guessed.
 */
import type { LogSourceRef } from '../attack/types.js';
import type { CoverageRule } from './coverage-types.js';
import { sigmaLogSources } from './sigma-log-sources.js';

/** What a rule states of the data it reads, and the ATT&CK log sources that maps to (undefined: none it maps). */
export interface StatedLogSources {
  /** As the rule states them: Splunk's data sources, Elastic's index patterns and `event.category …`; empty: none. */
  stated: string[];
  refs?: LogSourceRef[];
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
export function statedLogSources(rule: Pick<CoverageRule, 'kind' | 'dataSources' | 'eventCategories'>): StatedLogSources {
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
    // A sequence of several categories needs each: no one log source is enough, so none is named.
    const category = categories.length === 1 ? ECS_CATEGORIES[categories[0]!] : undefined;
    if (!category) return { stated };
    const found = sources.flatMap((source) => ELASTIC_INDEXES.filter(([pattern]) => pattern.test(source.trim())));
    // In the taxonomy's order (Sysmon, then Security), whatever the order of the patterns.
    const refs = (['windows', 'linux'] as const).flatMap((product) =>
      (sigmaLogSources({ product, category }) ?? []).filter((ref) => found.some(([, system, names]) => system === product && (!names || names.includes(ref.name)))),
    );
    return { stated, ...(refs.length ? { refs: unique(refs) } : {}) };
  }
  return { stated: sources };
}

function unique(refs: readonly LogSourceRef[]): LogSourceRef[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = `${ref.name}\u0000${ref.channel ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
