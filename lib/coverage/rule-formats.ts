/**
 * What a rule folder is read as, in the words of the "Coverage" line of docs/gap.md: the one list that `--coverage`'s help,
 * the message refusing a file of no coverage kind and the note on a folder of no rule file all name, so that none
 * names a set the others do not.
 */
export const RULE_FOLDER_FORMATS =
  'Sigma, Splunk (security_content), Sentinel, Elastic (detection-rules), Sekoia, LimaCharlie, Wazuh, Falco, YARA-L (Google SecOps), Panther or Suricata rules, ' +
  'KQL queries kept as .kql files, or KQL, SPL, ES|QL or Kibana queries kept as Markdown (.md)';

/** The rule files read on their own, each as a folder of it, by their names. */
export const RULE_FILE_FORMATS = '.yml, .yaml, .toml, .xml, .yaral, Suricata .rules, Panther .py, Splunk savedsearches.conf, a KQL query (.kql) or a query kept as Markdown (.md)';
