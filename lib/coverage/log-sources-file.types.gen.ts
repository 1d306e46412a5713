// Generated from schemas/log-sources.schema.json by scripts/generate-types.mjs (npm run types). Do not edit: change the schema.

/**
 * The log sources an organisation collects, named as ATT&CK's analytics name them (`WinEventLog:Sysmon`, `auditd:SYSCALL`, `AWS:CloudTrail`; `attack-layers data log-sources` lists them). Written in YAML (1.2) or JSON: a list, or an object with a `log_sources` list; each entry is a name, or a name with the channels collected from it. A name without channels means every channel of it. (The same can be given as CSV with the columns `name` and `channel`, one row per name or per channel; see lib/coverage/read-log-sources.ts.)
 */
export type LogSourcesFile =
  | LogSourceList
  | {
      log_sources: LogSourceList;
      /**
       * Free text about the list: whose it is, when it was taken.
       */
      description?: string;
    };
/**
 * A log source collected: its ATT&CK name, or a mapping with the name and the channels collected.
 */
export type LogSource = string | NamedLogSource;
export type LogSourceList = LogSource[];

export interface NamedLogSource {
  /**
   * The log source's name as ATT&CK's analytics write it, e.g. `WinEventLog:Security` (case does not matter).
   */
  name: string;
  /**
   * The channels collected from it, as ATT&CK writes them (`EventCode=4688`); missing means all of them.
   */
  channels?: string[];
  /**
   * Free text, e.g. where the logs go.
   */
  comment?: string;
}
