import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

/** Each reference of a report's text as `[IDs, name, evidence]`. */
function read(text: string): Array<[string[], string | undefined, string[]]> {
  const report = extractReport(text, { target: loadRelease('18.1') });
  return report.references.map((ref) => [ref.ids, ref.name, (ref.evidence ?? []).map((said) => said.text)]);
}

// Mapping tables of public GitHub write-ups in Markdown (the code index's files, their repositories not named; licences
// unknown), each header as written and a few of its rows, trimmed. Before, none of these columns was read: what a row says
// of the use was lost (an `Observed` cell, a `Tool Used` cell), and `| Attack Type | Tool Used | MITRE Technique |` read
// `Hydra` as T1110's name, with a warning that it names no technique.
const TABLES: Array<[source: string, rows: string[], expected: Array<[string[], string | undefined, string[]]>]> = [
  [
    'a Wazuh lab summary (file 56438782387), `Tool Used`',
    ['| Tactic | Technique | Tool Used | Wazuh Rule | Severity |', '|---|---|---|---|---|', '| Discovery | T1046 — Network Service Discovery | Nmap | N/A | N/A |', '| Initial Access | T1078 — Valid Accounts | Hydra | 60122 | Level 5 |'],
    [[['T1046'], 'Network Service Discovery', ['Nmap']], [['T1078'], 'Valid Accounts', ['Hydra']]],
  ],
  [
    'an adversary-simulation README (file 59666935212), `Tool`',
    ['| Tactic | Technique ID | Technique | Tool |', '|---|---|---|---|', '| Reconnaissance | T1595 | Active Scanning | nmap |', '| Initial Access | T1566.002 | Spearphishing Link | smtplib + Apache2 |'],
    [[['T1595'], 'Active Scanning', ['nmap']], [['T1566.002'], 'Spearphishing Link', ['smtplib + Apache2']]],
  ],
  [
    'a red-team lab mapping (Aditya-Karbhari/Adv-adversary-sim, detection/mitre-mapping.md), `Tool Used` before the IDs',
    ['| Attack Type        | Tool Used   | MITRE Technique |', '|--------------------|-------------|-----------------|', '| SSH Brute Force    | Hydra       | T1110           |'],
    [[['T1110'], undefined, ['Hydra']]],
  ],
  [
    'an incident write-up (file 51772865555), `Observed`',
    ['| ID | Technique | Observed |', '|----|-----------|---------|', "| T1078.001 | Valid Accounts: Default Accounts | mkumar's key never revoked — valid credential reuse |", '| T1021.004 | Remote Services: SSH | Unauthorized SSH session |'],
    [[['T1078.001'], 'Valid Accounts: Default Accounts', ["mkumar's key never revoked — valid credential reuse"]], [['T1021.004'], 'Remote Services: SSH', ['Unauthorized SSH session']]],
  ],
  [
    'an incident report template (file 67174865555), `Observed` answered yes: no evidence',
    ['| Tactic | Technique ID | Technique | Observed |', '|--------|-------------|-----------|----------|', '| Initial Access | T1190 | Exploit Public-Facing App | Yes |', '| Execution | T1059.001 | PowerShell | Yes |'],
    [[['T1190'], 'Exploit Public-Facing App', []], [['T1059.001'], 'PowerShell', []]],
  ],
  [
    'a network lab write-up (file 69443992500), `Activity`',
    ['| Technique | Activity |', '|---|---|', '| **T1018 — Remote System Discovery** | Nmap host discovery sweep (`-sn`) — enumerating live systems on a network for further reconnaissance |'],
    [[['T1018'], 'Remote System Discovery', ['Nmap host discovery sweep (`-sn`) — enumerating live systems on a network for further reconnaissance']]],
  ],
  [
    'a C2 beaconing detection note (file 55480193825), `Context`',
    ['| ID | Technique | Context |', '|----|-----------|---------|', '| T1071.001 | Web Protocols | HTTP/HTTPS beaconing (common variant) |'],
    [[['T1071.001'], 'Web Protocols', ['HTTP/HTTPS beaconing (common variant)']]],
  ],
  [
    'a pentest agent README (file 67550392679), `How`',
    ['| Tactic | Technique | How |', '|--------|-----------|-----|', '| Discovery | T1046 Network Service Discovery | nmap + internal nc probe |', '| Initial Access | T1190 Exploit Public-Facing Application | PyYAML RCE on `/api/parse-config` |'],
    [[['T1046'], 'Network Service Discovery', ['nmap + internal nc probe']], [['T1190'], 'Exploit Public-Facing Application', ['PyYAML RCE on `/api/parse-config`']]],
  ],
  [
    'a CloudTrail analysis (file 53109064273), `Example`',
    ['| Technique | ID | Example |', '|----------|----|--------|', '| Account Discovery | T1087.004 | `ListUsers`, `GetCallerIdentity` |', '| Cloud Service Discovery | T1526 | `aws s3 ls` |'],
    [[['T1087.004'], 'Account Discovery', ['`ListUsers`, `GetCallerIdentity`']], [['T1526'], 'Cloud Service Discovery', ['`aws s3 ls`']]],
  ],
];

describe('columns of what a mapping table saw of each use', () => {
  for (const [source, rows, expected] of TABLES) {
    it(`keeps each row's cell as its evidence: ${source}`, () => {
      expect(read(rows.join('\n'))).to.deep.equal(expected);
    });
  }
});
