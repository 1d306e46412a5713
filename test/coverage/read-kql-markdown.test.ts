/**
 * KQL queries kept as Markdown (lib/coverage/read-kql-markdown.ts). The fixtures are short reconstructions, in our own
 * words and values, of the layouts of real query files, each named where it is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'chai';
import { HUNT_REPORT, HUNT_REPORT_TO_DO, looksLikeKqlMarkdown, NO_QUERY, NO_QUERY_TO_DO, parseKqlMarkdown, statesTechniquesWithoutQuery } from '../../lib/coverage/read-kql-markdown.js';
import { listRuleFiles, readRuleFolder, type MarkdownLeft } from '../../lib/coverage/read-rule-folder.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { statedLogSources } from '../../lib/coverage/stated-log-sources.js';
import type { CoverageRule } from '../../lib/coverage/coverage-types.js';
import { freshTmpDir } from '../helpers/attack.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

// Bert-JanP/Hunting-Queries-Detection-Rules, Azure Active Directory/PotentialAiTMPhishing.md @02b46a09: a title, "Query
// Information", a "MITRE ATT&CK Technique(s)" table (Technique ID, Title, Link), a description, then the query for
// Defender XDR and for Sentinel in ```KQL blocks.
const BERT_JAN = lines(
  '# Sign-in from a phishing proxy',
  '',
  '## Query Information',
  '',
  '#### MITRE ATT&CK Technique(s)',
  '',
  '| Technique ID | Title    | Link    |',
  '| ---  | --- | --- |',
  '| T1557 | Adversary-in-the-Middle | https://attack.mitre.org/techniques/T1557/ |',
  '',
  '#### Description',
  'Sign-ins by the proxy app from unknown devices, often after a T1566 lure.',
  '',
  '## Defender XDR',
  '```KQL',
  'AADSignInEventsBeta',
  '| where isempty(AadDeviceId)',
  '```',
  '## Sentinel',
  '```KQL',
  'SigninLogs',
  '| where isempty(tostring(DeviceDetail.deviceId))',
  '```',
);

// Bert-JanP's "nf_ttp_t1562.001_scattered-spider_abuse conditional_access_trusted_locations.md" @1b6dca8b: the title in
// emphasis, a sub-technique, the Link column a Markdown link whose address holds T1562/001.
const BERT_JAN_SUB = lines(
  '# *Conditional access locations changed*',
  '## Query Information',
  '#### MITRE ATT&CK Technique(s)',
  '| Technique ID | Title | Link |',
  '|--------------|-------|------|',
  '| T1562.001    | Impair Defenses: Disable or Modify Tools | [Disable or Modify Tools](https://attack.mitre.org/techniques/T1562/001/) |',
  '#### References',
  '- [ATT&CK Defense Evasion](https://attack.mitre.org/tactics/TA0005/)',
  '## Defender XDR',
  '```KQL',
  'AuditLogs',
  '```',
);

// alexverboon/Hunting-Queries-Detection-Rules, Defender For Endpoint/MDE-LocalAccountCreated.md @cc2e1437 (its README:
// the structure "adopted from Bert-Jan's KQL repository"): ### headings, a ```kql block, then an untagged one never closed.
const VERBOON = lines(
  '# MDE - Local account created',
  '## Query Information',
  '### MITRE ATT&CK Technique(s)',
  '| Technique ID | Title    | Link    |',
  '| ---  | --- | --- |',
  '| T1136.001  | Create Account: Local Account | https://attack.mitre.org/techniques/T1136/001/ |',
  '### Description',
  'New local accounts, domain controllers left out.',
  '### Microsoft 365 Defender',
  '```kql',
  'DeviceEvents',
  '| where ActionType == "UserAccountCreated"',
  '```',
  '### Microsoft Sentinel',
  '```',
  'DeviceEvents',
);

// cyb3rmik3/KQL-threat-hunting-queries, 01.ThreatHunting/powershell-base64-encoding.md @b019c86b: an untagged block,
// then "MITRE ATT&CK Mapping" over a list (Tactic, Technique ID, a link), then a Versioning table of dates.
const CYB3RMIK3 = lines(
  '# PowerShell with base64 on its command line',
  '### Description',
  'Encoded command lines; tune for your environment.',
  '### Microsoft 365 Defender & Microsoft Sentinel',
  '```',
  'DeviceProcessEvents',
  '| where ProcessCommandLine contains "base64"',
  '```',
  '### MITRE ATT&CK Mapping',
  '- Tactic: Execution',
  '- Technique ID: T1059.001',
  '- [Command and Scripting Interpreter: PowerShell](https://attack.mitre.org/techniques/T1059/001/)',
  '### Source',
  '### Versioning',
  '| Version | Date | Comments |',
  '| ------- |------| ---------|',
  '| 1.0 | 14/08/2023 | Initial publish |',
);

// FalconForceTeam/FalconFriday, Credential Access/T1003.001-WIN.md @356ba63f: "ATT&CK Tags" over a table of Tactic,
// Technique, Subtechnique (the number alone) and Technique Name, a data sources table naming ATT&CK data sources, and
// the query in a ```C# block under "**Language:** Kusto". It was no query (no ```kql block, no MITRE ATT&CK heading).
const FALCON_FRIDAY = lines(
  '# Debug privilege taken before a read of LSASS',
  '## Metadata',
  '**OS:** WindowsEndpoint, WindowsServer',
  '---',
  '## ATT&CK Tags',
  '',
  '| Tactic | Technique | Subtechnique | Technique Name |',
  '|---|---|---| --- |',
  '| TA0006 - Credential Access | T1003 | 001 | OS Credential Dumping - LSASS Memory|',
  '| TA0002 - Execution | T1106 |  | Native API|',
  '',
  '## Utilized Data Sources',
  '| Log Provider | Event ID | ATT&CK Data Source | ATT&CK Data Component|',
  '|---------|---------|---------|---------|',
  '|MDE|OpenProcessApiCall|Process|Process Access|',
  '## Detection',
  '**Language:** Kusto',
  '```C#',
  'DeviceEvents',
  '| where ActionType == "OpenProcessApiCall"',
  '```',
);

// Varunrajparimi/SIEM-Detection-Rules, Detection Rules/DET-007_LSASS_Memory_Access__Credential_Dumping.md @e5a00862:
// bold labelled lines under the title (`**MITRE ATT&CK:** T1003.001`, a Sigma-style **Tags:** line), no ATT&CK heading, then
// the query for Sentinel in a ```kql block, for Splunk in ```spl and for Elastic in ```eql. It was ignored as stating
// no technique. The Reference line's address is no mapping.
const LABELLED = lines(
  '# DET-900: Handle opened on LSASS',
  '',
  '**Category:** Credential Access  ',
  '**MITRE ATT&CK:** T1003.001  ',
  '**Reference:** https://attack.mitre.org/techniques/T1003/002/',
  '',
  '## Microsoft Sentinel / Defender XDR (KQL)',
  '```kql',
  'DeviceEvents',
  '| where FileName =~ "lsass.exe"',
  '```',
  '## Splunk (SPL)',
  '```spl',
  'index=sysmon EventCode=10',
  '```',
);

// securityguidebook/KQL-Queries, Rules/01 SSH Bruteforce Detection.md @9ee474f3: a "MITRE ATT&CK Mapping" heading over a
// table of fields and values (| Field | Value |), its Technique and Sub-technique rows naming the IDs, a Tactic row
// beside them, then the query in a ```kql block. Its section was invalid: "states no technique ID that is read" (the
// first column, the labels, was read as the IDs' column). Our own lines in its shape.
const FIELD_VALUE = lines(
  '# Rule 01 — Failed SSH logons',
  '## MITRE ATT&CK Mapping',
  '',
  '| Field | Value |',
  '|---|---|',
  '| Tactic | TA0006 — Credential Access |',
  '| Technique | T1110 — Brute Force |',
  '| Sub-technique | T1110.001 — Password Guessing |',
  '',
  '## KQL Query',
  '```kql',
  'Syslog',
  '| where SyslogMessage has "Failed password"',
  '```',
  '## References',
  '- [MITRE ATT&CK T1110.001](https://attack.mitre.org/techniques/T1110/001/)',
);

// A KQL hunting note's "Sentinel Analytics Rule Settings" table (| Setting | Value |, a **MITRE ATT&CK** row listing the
// techniques), under no ATT&CK heading, below the query: the layout of a note found through the code index (its
// repository not named there). Our own lines in its shape. It was ignored as stating no technique.
const SETTINGS_ROW = lines(
  '# Script host started by Office',
  '## Query',
  '```kql',
  'DeviceProcessEvents',
  '| where InitiatingProcessFileName in~ ("winword.exe", "excel.exe")',
  '```',
  '## Sentinel Analytics Rule Settings',
  '| Setting | Value |',
  '|---------|-------|',
  '| **Severity** | High |',
  '| **MITRE ATT&CK** | T1218, T1059.005 |',
  '| **Query Frequency** | Every 15 minutes |',
);

// Two KQL query files found through the code index (their repository not named there) write each line of their
// "## 🧩 MITRE ATT&CK Mapping" section as a heading: "#### Tactic:Execution / Defense Evasion", "#### Technique: Command and
// Scripting Interpreter (T1059.001 - PowerShell)". A heading's text was never read: the section was invalid. Our own lines.
const HEADING_LINES = lines(
  '# PowerShell run by users',
  '## 🧩 MITRE ATT&CK Mapping',
  '#### Tactic:Execution / Defense Evasion',
  '#### Technique: Command and Scripting Interpreter (T1059.001 - PowerShell)',
  '#### PowerShell is on every Windows host.',
  '### Query:',
  '```KQL',
  'DeviceEvents',
  '| where ActionType == "PowerShellCommand"',
  '```',
);

// Veronikaktsv/Threat-Hunting-Framework-Project, sample_queries.md: numbered sections, each a "**MITRE Technique:**
// T1059.001 — PowerShell" line over its ```kql block. "MITRE Technique" was no label read (only MITRE ATT&CK was): the
// file was ignored as stating no technique. Our own lines.
const MITRE_TECHNIQUE = lines(
  '# Sample Detection Queries',
  '## 1. Encoded PowerShell',
  '**MITRE Technique:** T1059.001 — PowerShell  ',
  '```kql',
  'Event',
  '| where EventID == 1',
  '```',
  '## 2. New service',
  '**MITRE Technique:** T1543.003 — Windows Service',
  '```kql',
  'Event',
  '| where EventID == 7045',
  '```',
);

// Bert-JanP's Azure Active Directory/SignInsByOS.md @1b6dca8b: a query with no MITRE ATT&CK section (a report, not a detection).
const NO_TECHNIQUE = lines('# Sign-ins by operating system', '## Query Information', '#### Description', 'Rare operating systems.', '## Sentinel', '```KQL', 'SigninLogs', '| summarize count() by OS', '```');

describe('parseKqlMarkdown (KQL queries kept as Markdown)', () => {
  const ids = (text: string) => {
    const outcome = parseKqlMarkdown(text, 'q.md');
    return 'rule' in outcome ? [outcome.rule.name, outcome.rule.line, outcome.rule.refs.map((ref) => `${ref.raw}:${ref.line}`)] : outcome;
  };

  for (const [layout, text, expected] of [
    ["Bert-JanP's table under MITRE ATT&CK Technique(s); an ID in the description is no mapping", BERT_JAN, ['Sign-in from a phishing proxy', 1, ['T1557:9']]],
    ["Bert-JanP's sub-technique, the title's emphasis dropped and the link's address not read", BERT_JAN_SUB, ['Conditional access locations changed', 1, ['T1562.001:6']]],
    ["alexverboon's ### headings and an unclosed untagged block", VERBOON, ['MDE - Local account created', 1, ['T1136.001:6']]],
    ["cyb3rmik3's MITRE ATT&CK Mapping list (Technique ID: line), the link's address and the dates below not read", CYB3RMIK3, ['PowerShell with base64 on its command line', 1, ['T1059.001:11']]],
    ["FalconFriday's ATT&CK Tags table, a Subtechnique column's number naming the sub-technique of its row's technique", FALCON_FRIDAY, ['Debug privilege taken before a read of LSASS', 1, ['T1003.001:9', 'T1106:10']]],
    ["Varunrajparimi's **MITRE ATT&CK:** line, no ATT&CK heading; a reference's address not read", LABELLED, ['DET-900: Handle opened on LSASS', 1, ['T1003.001:4']]],
    ['a labelled list line, the colon after the emphasis', LABELLED.replace('**MITRE ATT&CK:** T1003.001', '- **MITRE ATT&CK Technique**: T1003.001, T1106'), ['DET-900: Handle opened on LSASS', 1, ['T1003.001:4', 'T1106:4']]],
    ["securityguidebook's Field | Value table under MITRE ATT&CK Mapping: its Technique and Sub-technique rows", FIELD_VALUE, ['Rule 01 — Failed SSH logons', 1, ['T1110:7', 'T1110.001:8']]],
    ['a settings table\'s **MITRE ATT&CK** row, under no ATT&CK heading', SETTINGS_ROW, ['Script host started by Office', 1, ['T1218:11', 'T1059.005:11']]],
    ['a metadata row labelled Technique, its name beside the ID', SETTINGS_ROW.replace('| **MITRE ATT&CK** | T1218, T1059.005 |', '| Technique | T1059.005 - Visual Basic |'), ['Script host started by Office', 1, ['T1059.005:11']]],
    ['a section whose lines are headings, one labelled Technique', HEADING_LINES, ['PowerShell run by users', 1, ['T1059.001:4']]],
    [
      'a Technique column of names beside a Technique ID column: the IDs',
      BERT_JAN.replace('| Technique ID | Title    | Link    |', '| Technique | Technique ID | Link |').replace('| T1557 | Adversary-in-the-Middle |', '| Adversary-in-the-Middle | T1557 |'),
      ['Sign-in from a phishing proxy', 1, ['T1557:9']],
    ],
  ] as const) {
    it(`reads one rule named by its title, of the techniques its ATT&CK section states: ${layout}`, () => {
      expect(looksLikeKqlMarkdown(text)).to.equal(true);
      expect(ids(text)).to.deep.equal(expected);
    });
  }

  it('ignores a query that states no technique, saying how to state them; an ATT&CK section of no ID is invalid at its heading', () => {
    const ignored = parseKqlMarkdown(NO_TECHNIQUE, 'q.md');
    expect(ignored).to.have.nested.property('ignored.name', 'Sign-ins by operating system');
    expect((ignored as { ignored: { reason: string } }).ignored.reason).to.match(/^a KQL query in Markdown that states no ATT&CK technique; to count it, state them as a "MITRE ATT&CK" heading over a table/);
    const empty = BERT_JAN.replace('| T1557 |', '| - |');
    expect(parseKqlMarkdown(empty, 'q.md')).to.deep.equal({
      invalid: {
        line: 5,
        message:
          'Sign-in from a phishing proxy: its MITRE ATT&CK section states no technique ID that is read; write them as a "MITRE ATT&CK" heading over a table of a "Technique ID" column ' +
          '(| T1557 | Adversary-in-the-Middle |), as Bert-JanP/Hunting-Queries-Detection-Rules writes it, or over lines "Technique ID: T1059.001", as cyb3rmik3/KQL-threat-hunting-queries does, ' +
          'or an "ATT&CK Tags" heading over a table of "Technique" and "Subtechnique" columns (| T1003 | 001 |), as FalconForceTeam/FalconFriday does, ' +
          'or a line "**MITRE ATT&CK:** T1003.001", as Varunrajparimi/SIEM-Detection-Rules does, ' +
          'or a table row "| Technique | T1110 |", as securityguidebook/KQL-Queries does, or "| MITRE ATT&CK | T1003.001 |"',
      },
    });
  });

  it('ignores a query whose ATT&CK section says N/A, at the section, not as an invalid file', () => {
    // HybridBrothers/Hunting-Queries-Detection-Rules, Defender For Endpoint/HuntDeviceDiscoverySubnetRanges.md @48f784d6:
    // "#### MITRE ATT&CK Technique(s)" over a line "N/A" (an inventory query). It was invalid, "states no technique ID
    // that is read". Our own words.
    const na = (said: string) => BERT_JAN.replace(/\| Technique ID[^]*?attack\.mitre\.org\/techniques\/T1557\/ \|\n/, `${said}\n`);
    expect(parseKqlMarkdown(na('N/A'), 'q.md')).to.deep.equal({ ignored: { line: 5, name: 'Sign-in from a phishing proxy', reason: 'its MITRE ATT&CK section says N/A: a query of no ATT&CK technique' } });
    expect(parseKqlMarkdown(na('*None*'), 'q.md')).to.have.nested.property('ignored.reason', 'its MITRE ATT&CK section says *None*: a query of no ATT&CK technique');
    // Words that are neither an ID nor "none" stay an invalid section.
    expect(parseKqlMarkdown(na('To be mapped'), 'q.md')).to.have.nested.property('invalid.line', 5);
  });
  it('reads an ES|QL query (```sql, FROM logs-*) as reading the indexes it names, no KQL table; a KQL query in ```sql keeps its tables', () => {
    // dhyey03/elastic-detection-rules rules/02-rdp-failed-logins-brute-force.md @0bfa8207, in the shape it is written (our
    // own lines): a MITRE ATT&CK table of Tactic and Technique, then "## Query (ES|QL)" over a ```sql block, its only query.
    const esql = lines(
      '# Failed RDP logons',
      '## MITRE ATT&CK',
      '| Tactic | Technique |',
      '|---|---|',
      '| Credential Access | **T1110.001** — Brute Force: Password Guessing |',
      '## Query (ES|QL)',
      '```sql',
      'FROM logs-* METADATA _id, _version, _index',
      '| WHERE event.code == "4625"',
      '| STATS failures = COUNT(*) BY source.ip',
      '```',
    );
    const rule = (text: string) => {
      const outcome = parseKqlMarkdown(text, 'q.md');
      return 'rule' in outcome ? [outcome.rule.kind, outcome.rule.refs.map((ref) => ref.raw), outcome.rule.queryTables, outcome.rule.dataSources, outcome.rule.levelReason] : outcome;
    };
    // An Elastic query, classed as an Elastic rule is (stated-log-sources.ts), not as a KQL one.
    expect(rule(esql)).to.deep.equal(['elastic', ['T1110.001'], undefined, ['logs-*'], 'an ES|QL query in Markdown: no status or severity; no coverage given, counted as full -> 1']);
    // Blogs and query files write KQL in ```sql blocks too; and SQL's `FROM t o WHERE …` is no ES|QL source command.
    const kql = esql.replace(/FROM logs-\* METADATA _id, _version, _index\n\| WHERE event.code == "4625"\n\| STATS failures = COUNT\(\*\) BY source.ip/, 'SecurityEvent\n| where EventID == 4625');
    expect(rule(kql)).to.deep.equal(['kql', ['T1110.001'], [['SecurityEvent (EventID 4625)']], undefined, 'a KQL query in Markdown: no status or severity; no coverage given, counted as full -> 1']);
  });

  it("reads a Kibana query (KQL or Lucene: event.code:4625 and …) as Elastic's, stating the datasets and event categories it tests, no KQL table", () => {
    // dhyey03/elastic-detection-rules rules/07-inbox-rule-creation.md @0bfa8207, in the shape it is written (our own
    // lines): "## Query (KQL — Security Detection Rule)" over an untagged block of Kibana's KQL, deployed as an Elastic
    // custom query rule. It was read as a KQL (Kusto) query of no table: "log source not stated" to a rules library.
    const kibana = lines(
      '# Inbox rule made from an unknown address (O365)',
      '## MITRE ATT&CK',
      '| Tactic | Technique |',
      '|---|---|',
      '| Collection | **T1114.003** — Email Collection: Email Forwarding Rule |',
      '## Query (KQL — Security Detection Rule)',
      '```',
      'event.dataset:o365.audit and',
      '(event.action : "New-InboxRule" or event.action : "Set-InboxRule") and',
      'not o365.audit.ClientIP : ("<TRUSTED_IP_1>")',
      '```',
    );
    const outcome = parseKqlMarkdown(kibana, 'q.md');
    expect(outcome).to.deep.equal({
      rule: {
        kind: 'elastic', name: 'Inbox rule made from an unknown address (O365)', file: 'q.md', line: 1, refs: [{ raw: 'T1114.003', line: 5, id: 'T1114.003' }], level: 1,
        levelReason: 'a Kibana query (KQL or Lucene) in Markdown: no status or severity; no coverage given, counted as full -> 1',
        dataSources: ['event.dataset:o365.audit'],
      },
    });
    // Its dataset read as the data stream it names, with the category it tests: Sysmon's process creation, as an
    // Elastic rule's logs-windows.sysmon_operational-* and `process where …` are.
    const sysmon = parseKqlMarkdown(kibana.replace(/event\.dataset:o365\.audit and\n[^]*?\n```/, 'event.dataset:windows.sysmon_operational and event.category:process and process.name:"rundll32.exe"\n```'), 'q.md');
    expect(sysmon).to.have.nested.property('rule.kind', 'elastic');
    const rule = (sysmon as { rule: CoverageRule }).rule;
    expect([rule.dataSources, rule.eventCategories, statedLogSources(rule).refs]).to.deep.equal([
      ['event.dataset:windows.sysmon_operational'],
      ['process'],
      [{ name: 'WinEventLog:Sysmon', channel: 'EventCode=1' }],
    ]);
    // A list of datasets is each of them: Elastic's prebuilt rule GCP Storage Bucket Deletion writes
    // `event.dataset:(googlecloud.audit or gcp.audit) and …` (https://www.elastic.co/guide/en/security/current/
    // prebuilt-rule-1-0-2-gcp-storage-bucket-deletion.html, "Rule query"), ES|QL `event.dataset in ("…", "…")`. No dataset was read.
    const sources = (query: string) => {
      const outcome = parseKqlMarkdown(kibana.replace(/event\.dataset:o365\.audit and\n[^]*?\n```/, `${query}\n\`\`\``), 'q.md');
      return 'rule' in outcome ? outcome.rule.dataSources : outcome;
    };
    expect(sources('event.dataset:(googlecloud.audit or gcp.audit) and event.action:"storage.buckets.delete"')).to.deep.equal(['event.dataset:googlecloud.audit', 'event.dataset:gcp.audit']);
    expect(sources('event.dataset : ("nginx.access" OR "apache.access") and url.path:"*/wp-admin*"')).to.deep.equal(['event.dataset:nginx.access', 'event.dataset:apache.access']);
    expect(sources('FROM logs-* | WHERE event.dataset in ("aws.cloudtrail", "gcp.audit")')).to.deep.equal(['logs-*', 'event.dataset:aws.cloudtrail', 'event.dataset:gcp.audit']);
    // A Kusto query in the same layout is KQL, as before.
    expect(parseKqlMarkdown(kibana.replace(/event\.dataset:o365\.audit and\n[^]*?\n```/, 'OfficeActivity\n| where Operation == "New-InboxRule"\n```'), 'q.md')).to.have.nested.property('rule.kind', 'kql');
  });

  it('reads no Kibana query in a block of YAML (a Sigma rule shown beside) or of a command line (C:\\Windows\\…)', () => {
    // Our own fixture, in the layout detection write-ups use: a MITRE ATT&CK table over a Sigma rule in a ```yaml block.
    // Its `title: …` was read as a Kibana query testing a field `title`, and the rule said so and classed as Elastic's;
    // a command line shown as an example (`C:\Windows\System32\cmd.exe /c whoami`) was read so by its drive's colon.
    const writeUp = (block: string[], tag: string) => lines(
      '# Encoded PowerShell',
      '## MITRE ATT&CK',
      '| Technique ID | Title |',
      '|---|---|',
      '| T1059.001 | PowerShell |',
      '## Detection',
      `\`\`\`${tag}`,
      ...block,
      '```',
    );
    const sigma = ['title: Encoded PowerShell', 'logsource:', '  category: process_creation', '  product: windows', 'detection:', '  sel:', '    CommandLine|contains: -enc', '  condition: sel'];
    const said = (text: string) => {
      const outcome = parseKqlMarkdown(text, 'q.md');
      return 'rule' in outcome ? [outcome.rule.kind, outcome.rule.levelReason] : outcome;
    };
    const kql = ['kql', 'a KQL query in Markdown: no status or severity; no coverage given, counted as full -> 1'];
    expect(said(writeUp(sigma, 'yaml'))).to.deep.equal(kql);
    expect(said(writeUp(sigma, ''))).to.deep.equal(kql);
    // A command line shown as an example is no query at all: the file states its technique over none (a write-up).
    expect(said(writeUp(['C:\\Windows\\System32\\cmd.exe /c whoami'], ''))).to.have.nested.property('ignored.reason').that.matches(/^no query in a code block/);
    // A Kibana query in the same layout is still one.
    expect(said(writeUp(['event.category:process and process.name:"powershell.exe" and process.args:"-enc"'], ''))).to.deep.equal([
      'elastic',
      'a Kibana query (KQL or Lucene) in Markdown: no status or severity; no coverage given, counted as full -> 1',
    ]);
  });

  it('ignores a query template, its title a placeholder, whatever techniques it lists as examples', () => {
    // NVISOsecurity/Detection-and-Hunting-Queries query_template.md @889db2e1 ("# Query Title", a "MITRE ATT&CK Mapping"
    // table of twelve example techniques, one a tactic) and m4nbat/KustQueryLanguage_kql _template.md @7fca2bfb (Bert-JanP's
    // layout, "# *Detection Title*", T1134.002): each counted as a detection covering its examples. Our own words.
    const nviso = lines(
      '# Query Title',
      '## Query',
      '```KQL',
      '// Paste your query here',
      'DeviceEvents',
      '```',
      '## MITRE ATT&CK Mapping',
      '| Tactic | Technique ID | Technique Name |',
      '| --- | --- | --- |',
      '| Initial Access | T1566 | [Phishing](https://attack.mitre.org/techniques/T1566/) |',
      '| Execution | T1059 | [Command and Scripting Interpreter](https://attack.mitre.org/techniques/T1059/) |',
    );
    const reason = (title: string) => `a query template (its title "${title}" is a placeholder to replace): a pattern to copy, not a detection; its techniques are examples`;
    expect(parseKqlMarkdown(nviso, 'query_template.md')).to.deep.equal({ ignored: { line: 1, name: 'Query Title', reason: reason('Query Title') } });
    expect(parseKqlMarkdown(BERT_JAN.replace('# Sign-in from a phishing proxy', '# *Detection Title*'), '_template.md')).to.deep.equal({
      ignored: { line: 1, name: 'Detection Title', reason: reason('Detection Title') },
    });
    // A query named for what it detects is read, its file name whatever it is.
    expect(parseKqlMarkdown(BERT_JAN, 'DetectionTemplate.md')).to.have.nested.property('rule.name', 'Sign-in from a phishing proxy');
  });

  it('takes no README or manual for a query: Markdown with no ```kql block and no MITRE ATT&CK heading over a code block', () => {
    expect(looksLikeKqlMarkdown(lines('# Queries', '', '- [Defender For Endpoint](./Defender%20For%20Endpoint/)'))).to.equal(false);
    expect(looksLikeKqlMarkdown(lines('# attack-layers', '## ATT&CK data', '```sh', 'attack-layers data list', '```'))).to.equal(false);
    // A README's index of rules names techniques in a column, under a header, in rows that are no label's: no query.
    expect(looksLikeKqlMarkdown(lines('# Rules', '| # | Rule | MITRE Technique |', '|---|---|---|', '| 01 | [Failed SSH](rules/01.md) | T1110.001 |', '```', 'rules/', '```'))).to.equal(false);
    // A label that states no ID (a template's placeholder) is none either.
    expect(looksLikeKqlMarkdown(lines('# Rule', '**MITRE ATT&CK:** Txxxx', '```esql', 'FROM logs-*', '```'))).to.equal(false);
  });
});

// Write-ups that state ATT&CK techniques beside code blocks that hold no query; each was read as a KQL query covering
// them (a block of any language under a labelled line made a query). Our own lines in their shapes:
// - an alert's investigation, found through the code index (its repository not named there), "# Full Investigation —
//   LSASS Credential Dumping Alert": `**MITRE ATT&CK:** T1003.001 — …` under the title, steps as headings, one
//   ```powershell block of the command that confirmed the dump;
// - a tool's notes, found so too, "# Mimikatz — sekurlsa — Hands-On Use Cases": a `## ` heading a scenario over
//   `**MITRE ATT&CK:** [T1003.001](…)` and an untagged block of `mimikatz # …` commands;
// - a lab's README, found so too, "# Splunk Detection Engineering Lab Setup": a ```text diagram, a ```spl block of
//   `index=windows` alone under "## 5. Splunk Index", and under "## 8. Detection Rules" a `### ` heading per rule over a
//   `**MITRE ATT&CK:** T1110` line and a sentence, no query.
const INVESTIGATION = lines(
  '# Investigation: LSASS read by Task Manager',
  '**Test run:** `Invoke-AtomicTest T1003.001 -TestNumbers 1`',
  '**MITRE ATT&CK:** T1003.001 — LSASS Memory',
  '## Step 1: The alert',
  'Sysmon event 10 on lsass.exe fired in Splunk.',
  '## Step 2: The dump on disk',
  '```powershell',
  'Get-ChildItem -Path $env:TEMP -Filter "*lsass*.dmp" | Where-Object { $_.Length -gt 0 }',
  '```',
);
const TOOL_NOTES = lines(
  '# Mimikatz sekurlsa: use cases',
  '## Live dump',
  '**MITRE ATT&CK:** [T1003.001](https://attack.mitre.org/techniques/T1003/001/) (LSASS Memory)',
  '```',
  'mimikatz # privilege::debug',
  'mimikatz # sekurlsa::logonpasswords',
  '```',
  '## Tickets for pass-the-ticket',
  '**MITRE ATT&CK:** T1003.001, plus T1550.003',
  '```',
  'mimikatz # sekurlsa::tickets /export',
  '```',
);
const LAB_README = lines(
  '# Splunk detection lab',
  '## 2. Architecture',
  '```text',
  'Sysmon -> Splunk -> SPL rules -> Alert',
  '```',
  '## 5. Splunk Index',
  '```spl',
  'index=windows',
  '```',
  '## 8. Detection Rules',
  '### 1. Brute Force Authentication',
  '**MITRE ATT&CK:** T1110',
  'Many failed logons in a window.',
  '### 2. LSASS Access',
  '**MITRE ATT&CK:** T1003.001',
  'Process access to LSASS.',
);

// securityguidebook/KQL-Queries, "KQL Detection Rules.md" @528f7587: rules one after another, each a `# Rule 04 — …`
// heading over its "## MITRE ATT&CK Mapping" table of fields and values, a "## KQL Query" block and "## Tuning Notes"
// with a block of lines to add. It was one rule named by the first, covering every rule's techniques. Our own lines.
const RULES_IN_ONE = lines(
  '# Rule 03 — Logon after hours',
  '## MITRE ATT&CK Mapping',
  '| Field | Value |',
  '|---|---|',
  '| Tactic | TA0001 — Initial Access |',
  '| Technique | T1078 — Valid Accounts |',
  '## KQL Query',
  '```kql',
  'SecurityEvent',
  '| where EventID == 4624 and LogonType == 2',
  '```',
  '## Tuning Notes',
  '```kql',
  '| where Account !in ("svc-backup")',
  '```',
  '---',
  '# Rule 04 — Failed logons, then a success',
  '## MITRE ATT&CK Mapping',
  '| Field | Value |',
  '|---|---|',
  '| Technique | T1110.001 — Password Guessing |',
  '## KQL Query',
  '```kql',
  'SecurityEvent',
  '| where EventID in (4624, 4625)',
  '```',
);

// An SPL study file found through the code index (its repository not named there): `### 7. LSASS Credential Dumping
// Detection` headings, each over ```spl blocks and, below them, a `**MITRE ATT&CK:** T1003.001 - …` line; an
// investigation scenario's `### ` section of ```spl steps states none. Our own lines in its shape.
const SPL_NOTES = lines(
  '# Splunk hunting notes',
  '### Scenario: from alert to response',
  '```spl',
  'index=main sourcetype="WinEventLog:sysmon" | search CommandLine="*powershell*"',
  '```',
  '### 7. LSASS access',
  '```spl',
  'index=main EventCode=10 lsass | stats count by SourceImage',
  '```',
  '**MITRE ATT&CK:** T1003.001 - LSASS Memory',
  '### 8. Renamed PsExec',
  '```spl',
  'index=main EventCode=1 Image="*psexe*.exe" NOT Image="*PsExec64.exe"',
  '```',
  '**MITRE ATT&CK:** T1036.003 - Rename Legitimate Utilities',
);

describe('Markdown that is no query, and Markdown of several queries', () => {
  const said = (outcome: ReturnType<typeof parseKqlMarkdown>) =>
    ('items' in outcome ? outcome.items : [outcome]).map((item) =>
      'rule' in item ? [item.rule.name, item.rule.line, item.rule.refs.map((ref) => ref.raw)] : // A reason up to its first `;`: why, not what to do.
      'ignored' in item ? [item.ignored.name, item.ignored.line, item.ignored.reason.split(';')[0]] : item,
    );

  for (const [what, text] of [
    ["an alert's investigation, its block a PowerShell command", INVESTIGATION],
    ["a tool's notes, their blocks commands", TOOL_NOTES],
  ] as const) {
    it(`takes no write-up stating ATT&CK techniques over code blocks that hold no query for a query: ${what}`, () => {
      expect(looksLikeKqlMarkdown(text)).to.equal(false);
      expect(statesTechniquesWithoutQuery(text)).to.equal(true);
    });
  }

  it("counts no rule of a lab's README whose techniques are each a section's with no query, and whose query states none", () => {
    // Its ```spl block is a query, so the file is read; its techniques are stated each in a section of its own (several
    // queries' shape), which holds no query: each section is ignored saying so, and so is the query of no technique.
    expect(said(parseKqlMarkdown(LAB_README, 'README.md'))).to.deep.equal([
      ['README.md#5. Splunk Index', 6, 'an SPL query in Markdown that states no ATT&CK technique'],
      ['README.md#1. Brute Force Authentication', 11, `${NO_QUERY} (it names T1110)`],
      ['README.md#2. LSASS Access', 14, `${NO_QUERY} (it names T1003.001)`],
    ]);
  });

  it('tells a query block from a command, a log excerpt or a diagram by its tag or its statement', () => {
    const withBlock = (tag: string, ...query: string[]) => looksLikeKqlMarkdown(lines('# Q', '**MITRE ATT&CK:** T1059.001', `\`\`\`${tag}`, ...query, '```'));
    // Queries: tagged with a query language, or shaped as one whatever the tag.
    expect(withBlock('spl', 'index=win EventCode=4104')).to.equal(true);
    expect(withBlock('', 'DeviceProcessEvents', '| where FileName =~ "powershell.exe"')).to.equal(true);
    expect(withBlock('C#', 'let x = 1;', 'DeviceEvents | take 1')).to.equal(true);
    expect(withBlock('', 'index=main EventCode=1 | stats count by Image')).to.equal(true);
    expect(withBlock('text', 'EventCode=4625 Logon_Type=10 | stats count by src')).to.equal(true);
    expect(withBlock('', 'DeviceLogonEvents', '| top 10 by Timestamp')).to.equal(true);
    expect(withBlock('', 'DeviceLogonEvents // Defender XDR', '| where ActionType == "LogonFailed"')).to.equal(true);
    expect(withBlock('sql', 'FROM logs-* | WHERE process.name == "powershell.exe"')).to.equal(true);
    expect(withBlock('', 'process where process.name == "powershell.exe"')).to.equal(true);
    expect(withBlock('', 'SELECT name, cmdline FROM processes WHERE name = "powershell.exe"')).to.equal(true);
    expect(withBlock('', 'event.category:process and process.name:"powershell.exe"')).to.equal(true);
    expect(withBlock('yaml', 'title: PowerShell', 'logsource:', '  category: process_creation', 'detection:', '  sel:', '    Image|endswith: powershell.exe', '  condition: sel')).to.equal(true);
    // None: a command, a pipeline of a shell, PowerShell's where, a log excerpt, a diagram, an empty block.
    expect(withBlock('', 'powershell.exe -enc SQBFAFgA')).to.equal(false);
    expect(withBlock('bash', 'cat /var/log/auth.log | grep "Failed password"')).to.equal(false);
    expect(withBlock('powershell', 'Get-WinEvent -LogName Security | where { $_.Id -eq 4625 }')).to.equal(false);
    expect(withBlock('powershell', 'gci | where Length -gt 1mb')).to.equal(false);
    expect(withBlock('', 'ls | sort')).to.equal(false);
    expect(withBlock('', 'EventID: 4688', 'NewProcessName: C:\\Windows\\System32\\cmd.exe')).to.equal(false);
    expect(withBlock('text', 'Sysmon -> Splunk -> Alert')).to.equal(false);
    expect(withBlock('kql')).to.equal(false);
  });

  it('reads each query of a file of several, each under its own heading and techniques, as a rule named by the file and heading', () => {
    // Veronikaktsv/Threat-Hunting-Framework-Project sample_queries.md's shape: it was one rule named by its title.
    expect(said(parseKqlMarkdown(MITRE_TECHNIQUE, 'sample_queries.md'))).to.deep.equal([
      ['sample_queries.md#1. Encoded PowerShell', 2, ['T1059.001']],
      ['sample_queries.md#2. New service', 8, ['T1543.003']],
    ]);
    expect(said(parseKqlMarkdown(RULES_IN_ONE, 'KQL Detection Rules.md'))).to.deep.equal([
      ['KQL Detection Rules.md#Rule 03 — Logon after hours', 1, ['T1078']],
      ['KQL Detection Rules.md#Rule 04 — Failed logons, then a success', 17, ['T1110.001']],
    ]);
    // Each rule reads its own query: Rule 04's table is narrowed by its own EventIDs.
    const rule04 = (parseKqlMarkdown(RULES_IN_ONE, 'q.md') as { items: { rule: CoverageRule }[] }).items[1]!.rule;
    expect(rule04.queryTables).to.deep.equal([['SecurityEvent (EventID 4624 or 4625)']]);
    // A section of queries that states no technique is ignored, named, saying so.
    expect(said(parseKqlMarkdown(SPL_NOTES, 'notes.md'))).to.deep.equal([
      ['notes.md#Scenario: from alert to response', 2, 'an SPL query in Markdown that states no ATT&CK technique'],
      ['notes.md#7. LSASS access', 6, ['T1003.001']],
      ['notes.md#8. Renamed PsExec', 11, ['T1036.003']],
    ]);
  });

  it('keeps one rule where the file is one query: one section states the techniques, or techniques are stated outside the sections', () => {
    // Bert-JanP's: one ATT&CK section, a block under each of two headings (Defender XDR, Sentinel).
    expect(said(parseKqlMarkdown(BERT_JAN, 'q.md'))).to.deep.equal([['Sign-in from a phishing proxy', 1, ['T1557']]]);
    // Its techniques stated in two sections (its ATT&CK table, a settings table's MITRE ATT&CK row), its query under
    // headings of its own: one query.
    const settings = `${BERT_JAN}## Sentinel Analytics Rule Settings\n| Setting | Value |\n|---|---|\n| **MITRE ATT&CK** | T1557, T1539 |\n`;
    expect(said(parseKqlMarkdown(settings, 'q.md'))).to.deep.equal([['Sign-in from a phishing proxy', 1, ['T1557', 'T1539']]]);
    // Techniques under the title over sections that state more: the file's, one query in several.
    const overall = MITRE_TECHNIQUE.replace('# Sample Detection Queries\n', '# Sample Detection Queries\n**MITRE ATT&CK:** T1059\n');
    expect(said(parseKqlMarkdown(overall, 'q.md'))).to.deep.equal([['Sample Detection Queries', 1, ['T1059', 'T1059.001', 'T1543.003']]]);
  });
});

describe('readRuleFolder and --coverage with KQL queries kept as Markdown', () => {
  it('reads a folder of them (kind kql), lists the ignored and the invalid with their files, leaves a README uncounted; one file given alone too', () => {
    const dir = freshTmpDir('kql-markdown');
    const files: Readonly<Record<string, string>> = {
      'Azure Active Directory/PotentialAiTMPhishing.md': BERT_JAN,
      'Defender For Endpoint/MDE-LocalAccountCreated.md': VERBOON,
      '01.ThreatHunting/powershell-base64-encoding.md': CYB3RMIK3,
      'Azure Active Directory/SignInsByOS.md': NO_TECHNIQUE,
      'Azure Active Directory/Broken.md': BERT_JAN.replace('| T1557 |', '| - |'),
      'README.md': lines('# KQL queries', '- [Azure Active Directory](./Azure%20Active%20Directory)'),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts]).to.deep.equal(['kql', { items: 5, rules: 3, ignored: 1, invalid: 1 }]);
    expect(read.rules.map((rule) => [rule.name, rule.file.slice(dir.length + 1), rule.refs.map((ref) => ref.raw), rule.level])).to.deep.equal([
      ['PowerShell with base64 on its command line', '01.ThreatHunting/powershell-base64-encoding.md', ['T1059.001'], 1],
      ['Sign-in from a phishing proxy', 'Azure Active Directory/PotentialAiTMPhishing.md', ['T1557'], 1],
      ['MDE - Local account created', 'Defender For Endpoint/MDE-LocalAccountCreated.md', ['T1136.001'], 1],
    ]);
    expect(read.ignored.map((item) => [item.file.slice(dir.length + 1), item.name])).to.deep.equal([['Azure Active Directory/SignInsByOS.md', 'Sign-ins by operating system']]);
    expect(read.problems.map((problem) => [problem.file.slice(dir.length + 1), problem.line, problem.skipped])).to.deep.equal([['Azure Active Directory/Broken.md', 5, true]]);
    // The README is not counted, but named: a query file this reader does not take would be named there too.
    expect(read.notes).to.deep.equal([
      `${dir}: 1 Markdown file is not read as a KQL query (README.md): a query kept as Markdown needs a \`\`\`kql block, or a code block and its techniques under a MITRE ATT&CK heading or after a MITRE ATT&CK label (**MITRE ATT&CK:** T1003.001, | MITRE ATT&CK | T1003.001 |)`,
    ]);
    const [alone, ...more] = readCoverageInputs([join(dir, 'Azure Active Directory/PotentialAiTMPhishing.md')]);
    expect(more).to.deep.equal([]);
    expect([alone!.kind, alone!.counts, alone!.rules.map((rule) => rule.name)]).to.deep.equal(['kql', { items: 1, rules: 1, ignored: 0, invalid: 0 }, ['Sign-in from a phishing proxy']]);
  });

  it('counts no write-up in a folder of queries or of Sigma rules, naming each in a note of why and what to do', () => {
    // Before, the investigation and the tool's notes were each a KQL query covering T1003.001 (and T1550.003).
    const dir = freshTmpDir('markdown-write-ups');
    mkdirSync(join(dir, 'incidents'), { recursive: true });
    writeFileSync(join(dir, 'aitm.md'), BERT_JAN);
    writeFileSync(join(dir, 'incidents/lsass.md'), INVESTIGATION);
    writeFileSync(join(dir, 'mimikatz.md'), TOOL_NOTES);
    writeFileSync(join(dir, 'README.md'), lines('# KQL queries', '- [aitm](aitm.md)'));
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts, read.rules.map((rule) => rule.name)]).to.deep.equal(['kql', { items: 1, rules: 1, ignored: 0, invalid: 0 }, ['Sign-in from a phishing proxy']]);
    expect(read.notes).to.deep.equal([
      `${dir}: 2 Markdown files state ATT&CK techniques over no query (incidents/lsass.md, mimikatz.md): ${NO_QUERY}; ${NO_QUERY_TO_DO}`,
      `${dir}: 1 Markdown file is not read as a KQL query (README.md): a query kept as Markdown needs a \`\`\`kql block, or a code block and its techniques under a MITRE ATT&CK heading or after a MITRE ATT&CK label (**MITRE ATT&CK:** T1003.001, | MITRE ATT&CK | T1003.001 |)`,
    ]);
    // The walk tells each Markdown file it leaves from the one read of its head that left it out, for the note: before,
    // it handed back the paths alone, and the note read each head again to tell a write-up from a README.
    const left: MarkdownLeft[] = [];
    expect(listRuleFiles(dir, left).map((file) => relative(dir, file))).to.deep.equal(['aitm.md']);
    expect(left.map(({ path, role }) => [relative(dir, path), role])).to.deep.equal([['README.md', 'other'], ['incidents/lsass.md', 'write-up'], ['mimikatz.md', 'write-up']]);
    // Beside Sigma rules, a write-up is named too; a README is not.
    const sigma = freshTmpDir('sigma-write-up');
    writeFileSync(join(sigma, 'rule.yml'), lines('title: Encoded PowerShell', 'logsource:', '  category: process_creation', '  product: windows', 'detection:', '  sel:', '    CommandLine|contains: -enc', '  condition: sel', 'tags:', '  - attack.t1059.001'));
    writeFileSync(join(sigma, 'lsass.md'), INVESTIGATION);
    writeFileSync(join(sigma, 'README.md'), lines('# Rules'));
    const beside = readRuleFolder(sigma);
    expect([beside.kind, beside.counts.rules, beside.notes]).to.deep.equal(['sigma', 1, [`${sigma}: 1 Markdown file states ATT&CK techniques over no query (lsass.md): ${NO_QUERY}; ${NO_QUERY_TO_DO}`]]);
  });

  it("counts a hunt once where its Markdown document is generated beside its rule file, as elastic/detection-rules' hunting/", () => {
    // elastic/detection-rules, hunting/README.md: "Each hunt has a designated TOML and Markdown file"; hunting/aws/
    // queries/java_ghost_threat_actor_infrastructure_and_identity_markers.toml (a [hunt] table, mitre = [...]) and
    // hunting/aws/docs/ of the same name, generated from it ("## Metadata" over "**Source File:** [<name>](../queries/
    // <name>.toml)", "## Query" over ```sql blocks of ES|QL, "## MITRE ATT&CK Techniques" over links). Our own lines in
    // their shape. Before, the hunt counted twice, its document as an ES|QL query weighing 1 where the hunt weighs 0.25.
    const dir = freshTmpDir('elastic-hunting-docs');
    mkdirSync(join(dir, 'aws/queries'), { recursive: true });
    mkdirSync(join(dir, 'aws/docs'), { recursive: true });
    writeFileSync(join(dir, 'aws/queries/rare_group_created.toml'), lines(
      '[hunt]', 'author = "Us"', 'description = "Security groups of a rare name."', 'integration = ["aws.cloudtrail"]',
      'uuid = "0f0e0d0c-0b0a-4909-8807-060504030201"', 'name = "Rare Security Group Created"', 'language = ["ES|QL"]',
      'mitre = ["T1496"]', 'query = [', "'''", 'from logs-aws.cloudtrail-*', '| where event.action == "CreateSecurityGroup"', "'''", ']',
    ));
    const doc = lines(
      '# Rare Security Group Created', '## Metadata', '- **Language:** `[ES|QL]`',
      '- **Source File:** [Rare Security Group Created](../queries/rare_group_created.toml)',
      '## Query', '```sql', 'from logs-aws.cloudtrail-*', '| where event.action == "CreateSecurityGroup"', '```',
      '## MITRE ATT&CK Techniques', '- [T1496](https://attack.mitre.org/techniques/T1496)',
    );
    writeFileSync(join(dir, 'aws/docs/rare_group_created.md'), doc);
    // A Markdown query that links to a rule file of another name (a related rule) is a rule of its own.
    writeFileSync(join(dir, 'aws/docs/rare_group_deleted.md'), doc.replace(/Created/g, 'Deleted').replace('CreateSecurityGroup', 'DeleteSecurityGroup'));
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts]).to.deep.equal(['elastic', { items: 3, rules: 2, ignored: 1, invalid: 0 }]);
    expect(read.rules.map((rule) => [relative(dir, rule.file), rule.level])).to.deep.equal([['aws/docs/rare_group_deleted.md', 1], ['aws/queries/rare_group_created.toml', 0.25]]);
    expect(read.ignored.map(({ file, reason }) => [relative(dir, file), reason])).to.deep.equal([
      ['aws/docs/rare_group_created.md', 'the document of aws/queries/rare_group_created.toml, the rule it links to beside it (named alike): one rule kept in two forms is one detection, counted there'],
    ]);
  });

  it('counts each query of a file of several in a folder, as given alone', () => {
    const dir = freshTmpDir('markdown-several');
    writeFileSync(join(dir, 'KQL Detection Rules.md'), RULES_IN_ONE);
    const expected = [['KQL Detection Rules.md#Rule 03 — Logon after hours', ['T1078']], ['KQL Detection Rules.md#Rule 04 — Failed logons, then a success', ['T1110.001']]];
    const read = readRuleFolder(dir);
    expect([read.counts, read.rules.map((rule) => [rule.name, rule.refs.map((ref) => ref.raw)])]).to.deep.equal([{ items: 2, rules: 2, ignored: 0, invalid: 0 }, expected]);
    const [alone] = readCoverageInputs([join(dir, 'KQL Detection Rules.md')]);
    expect(alone!.rules.map((rule) => [rule.name, rule.refs.map((ref) => ref.raw)])).to.deep.equal(expected);
  });

  it('names a folder whose every Markdown query is invalid as KQL queries, not Sigma rules', () => {
    // A folder of one query whose ATT&CK section states no ID read (HEADING_LINES before its headings were read) was
    // "coverage sigma \"…\" gives no coverage: of its 1 rule, 1 invalid".
    const dir = freshTmpDir('markdown-invalid-only');
    writeFileSync(join(dir, 'Broken.md'), BERT_JAN.replace('| T1557 |', '| - |'));
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts]).to.deep.equal(['kql', { items: 1, rules: 0, ignored: 0, invalid: 1 }]);
  });

  it('reads a Markdown query stating its technique on a labelled line only, over an ES|QL block, in a folder as given alone', () => {
    // Varunrajparimi/SIEM-Detection-Rules' layout (a **MITRE ATT&CK:** line under the title, no ATT&CK heading) with its
    // query in a ```esql block only, no ```kql one: given alone it was "not a coverage input", and in a folder it was
    // not walked at all ("its one file (.md) is no rule"). Our own lines.
    const esql = LABELLED.replace(/## Microsoft Sentinel[^]*$/, '## Elastic (ES|QL)\n```esql\nFROM logs-endpoint.events.process-*\n| WHERE process.name == "procdump.exe"\n```\n');
    const dir = freshTmpDir('markdown-labelled-esql');
    mkdirSync(join(dir, 'Detection Rules'), { recursive: true });
    writeFileSync(join(dir, 'Detection Rules/DET-900.md'), esql);
    const read = readRuleFolder(dir);
    const said = (input: { kind: string; counts: unknown; rules: CoverageRule[] }) => [input.kind, input.counts, input.rules.map((rule) => [rule.name, rule.refs.map((ref) => ref.raw), rule.dataSources])];
    const expected = ['elastic', { items: 1, rules: 1, ignored: 0, invalid: 0 }, [['DET-900: Handle opened on LSASS', ['T1003.001'], ['logs-endpoint.events.process-*']]]];
    expect(said(read)).to.deep.equal(expected);
    const [alone] = readCoverageInputs([join(dir, 'Detection Rules/DET-900.md')]);
    expect(said(alone!)).to.deep.equal(expected);
  });

  it("reads a folder of Elastic's queries kept as Markdown (ES|QL, Kibana's) as Elastic rules, naming the Markdown left unread so", () => {
    // dhyey03/elastic-detection-rules @0bfa8207 (no licence stated: our own minimal files in its shape): a README and
    // rules/*.md, six of ES|QL (```sql, FROM logs-*) and one of Kibana's KQL. The folder was "kql", its README "not
    // read as a KQL query", and a rules library said "needs a log source not mapped (kql: logs-*)".
    const dir = freshTmpDir('elastic-markdown');
    const rule = (title: string, technique: string, query: string[], tag = '') => lines(`# ${title}`, '## MITRE ATT&CK', '| Tactic | Technique |', '|---|---|', `| Tactic | **${technique}** — Name |`, '## Query', `\`\`\`${tag}`, ...query, '```');
    mkdirSync(join(dir, 'rules'), { recursive: true });
    writeFileSync(join(dir, 'README.md'), lines('# Elastic Detection Rules', '| # | Rule | Language |', '|---|---|---|', '| 1 | [Failed RDP logons](rules/02-failed.md) | ES\\|QL |'));
    writeFileSync(join(dir, 'rules/02-failed.md'), rule('Failed RDP logons', 'T1110.001', ['FROM logs-* METADATA _id', '| WHERE event.code == "4625"'], 'sql'));
    writeFileSync(join(dir, 'rules/07-inbox.md'), rule('Inbox rule from an unknown address', 'T1114.003', ['event.dataset:o365.audit and event.action : "New-InboxRule"']));
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts]).to.deep.equal(['elastic', { items: 2, rules: 2, ignored: 0, invalid: 0 }]);
    expect(read.rules.map((item) => [item.kind, item.dataSources])).to.deep.equal([
      ['elastic', ['logs-*']],
      ['elastic', ['event.dataset:o365.audit']],
    ]);
    expect(read.notes).to.deep.equal([
      `${dir}: 1 Markdown file is not read as an ES|QL or Kibana query (README.md): a query kept as Markdown needs a \`\`\`kql block, or a code block and its techniques under a MITRE ATT&CK heading or after a MITRE ATT&CK label (**MITRE ATT&CK:** T1003.001, | MITRE ATT&CK | T1003.001 |)`,
    ]);
    // Beside a KQL query read from Markdown, the folder mixes formats, and its unread Markdown is said as before.
    writeFileSync(join(dir, 'rules/aitm.md'), BERT_JAN);
    const mixed = readRuleFolder(dir);
    expect(mixed.kind).to.equal('rules');
    expect(mixed.notes?.[0]).to.match(/not read as a KQL query \(README\.md\)/);
  });
});

// SPL detections kept as Markdown, found through the code index (their repositories not named there); our own lines in
// their shapes:
// - a lab's "# 08 — SMB Share Enumeration": a `| Field | Detail |` table whose `| MITRE Technique | [T1135 — …](…) |` row
//   states the technique, then under "## SPL Query" ```spl blocks, the last ending `| eval mitre_technique="T1135",
//   mitre_tactic="Discovery"`, then "## Alert Settings" (a scheduled alert). It was a KQL query (kind kql);
// - a SOC's use case "# UC-002 — Lateral Movement vía SMB/NTLM": a `| Campo | Valor |` table (`| Técnica | T1021.002 — … |`,
//   no label read) and a ```spl block ending `| eval mitre_technique="T1021.002", severity="high"`: its only technique
//   read is in the search. It was not read ("not read as a KQL query");
// - a Kerberos hunting search whose `| eval mitre_technique = case(match(kerberos_anomaly, "Golden Ticket|RC4 TGS"),
//   "T1558.001 (Golden Ticket)", …)` names a technique per case, a pipe inside its strings;
// - a lab's "Detection Rules — SPL Queries": `### Detection 1 — Brute Force Login Attack` sections, each over a
//   `**MITRE: T1110 | Tactic: … **` line (no label read) and a ```spl block that evaluates its mitre_technique.
const SPL_LAB = lines(
  '# 08 — Share enumeration from one source',
  '',
  '| Field | Detail |',
  '|---|---|',
  '| MITRE Technique | [T1135 — Network Share Discovery](https://attack.mitre.org/techniques/T1135/) |',
  '| Log Source | Windows Security 5140 |',
  '',
  '## SPL Query',
  '```spl',
  'index=* source="XmlWinEventLog:Security" EventCode=5140',
  '| bucket _time span=1m',
  '| stats dc(ShareName) as shares by _time, src_ip',
  '| where shares > 3',
  '| eval mitre_technique="T1135", mitre_tactic="Discovery"',
  '```',
  '## Alert Settings',
  '| Field | Value |',
  '|---|---|',
  '| Trigger | Number of Results > 0 |',
);
const SPL_USE_CASE = lines(
  '# UC-007 — Logons to many hosts',
  '| Campo | Valor |',
  '|---|---|',
  '| Técnica | T1021.002 — SMB |',
  '## Lógica de detección',
  '```spl',
  'index=win source="WinEventLog:Security" EventCode=4624 logon_type=3',
  '| stats dc(host) as targets by src_ip',
  '| where targets >= 5',
  '| eval mitre_technique="T1021.002", severity="high"',
  '```',
);
const SPL_CASES = lines(
  '# Kerberos ticket anomalies',
  '```spl',
  'index=dc EventCode IN (4768, 4769)',
  '| eval anomaly=if(Ticket_Encryption_Type="0x17", "RC4 TGS", "Pass|Ticket")',
  '| eval is_rc4 = if(Ticket_Encryption_Type="0x17", 1, 0), mitre_technique = case(',
  '    match(anomaly, "Golden Ticket|RC4 TGS"), "T1558.001 (Golden Ticket)",',
  '    match(anomaly, "Pass|Ticket"), "T1550.003 (Pass the Ticket)",',
  '    true(), null())',
  '| eval mitre_copy=mvindex(mitre_technique, 0), note="T1003 is not stated here"',
  '| table _time, anomaly, mitre_technique',
  '```',
);
const SPL_SECTIONS = lines(
  '# SIEM lab',
  '## Detection Rules — SPL Queries',
  '### Detection 1 — Brute force',
  '**MITRE: T1110 | Tactic: Credential Access**',
  '```spl',
  'index=windows EventCode=4625 | stats count by user | where count > 3',
  '| eval mitre_technique="T1110 - Brute Force"',
  '```',
  '### Detection 2 — New local account',
  '```spl',
  'index=windows EventCode=4720',
  '| eval mitre_technique="T1136.001 - Create Local Account"',
  '```',
);

describe('SPL queries kept as Markdown', () => {
  const read = (text: string, file = 'q.md') => {
    const outcome = parseKqlMarkdown(text, file);
    return ('items' in outcome ? outcome.items : [outcome]).map((item) => ('rule' in item ? [item.rule.kind, item.rule.name, item.rule.refs.map((ref) => `${ref.raw}:${ref.line}`), item.rule.levelReason] : item));
  };
  const reason = 'an SPL query in Markdown: no status or severity; no coverage given, counted as full -> 1';

  it('reads a Markdown file whose query is SPL as a Splunk search (kind splunk), no KQL table read from it', () => {
    expect(read(SPL_LAB)).to.deep.equal([['splunk', '08 — Share enumeration from one source', ['T1135:5'], reason]]);
    const outcome = parseKqlMarkdown(SPL_LAB, 'q.md') as { rule: CoverageRule };
    expect([outcome.rule.queryTables, outcome.rule.queryCut]).to.deep.equal([undefined, undefined]);
    // Beside a KQL block the KQL query is the one read, as before (Varunrajparimi's ```kql and ```spl).
    expect((read(LABELLED)[0] as string[])[0]).to.equal('kql');
  });

  it('reads the techniques an SPL search states in an ATT&CK field it evaluates (| eval mitre_technique="T1021.002")', () => {
    expect(looksLikeKqlMarkdown(SPL_USE_CASE)).to.equal(true);
    expect(read(SPL_USE_CASE)).to.deep.equal([['splunk', 'UC-007 — Logons to many hosts', ['T1021.002:10'], reason]]);
    // Each case's ID, a pipe inside a string no command's end; a field copied from another, or not ATT&CK's, states none.
    expect(read(SPL_CASES)).to.deep.equal([['splunk', 'Kerberos ticket anomalies', ['T1558.001:6', 'T1550.003:7'], reason]]);
    // Each section's search states its own technique: a rule each.
    expect(read(SPL_SECTIONS, 'lab.md').map((rule) => (rule as string[]).slice(0, 3))).to.deep.equal([
      ['splunk', 'lab.md#Detection 1 — Brute force', ['T1110:7']],
      ['splunk', 'lab.md#Detection 2 — New local account', ['T1136.001:12']],
    ]);
    // In a block of KQL, an SPL-like assignment states nothing: KQL's techniques are stated beside the query.
    expect(looksLikeKqlMarkdown(lines('# Q', '```kql', 'DeviceEvents', '| extend mitre_technique = "T1059"', '```'))).to.equal(true);
    const kusto = parseKqlMarkdown(lines('# Q', '```kql', 'DeviceEvents', '| extend mitre_technique = "T1059"', '```'), 'q.md') as { ignored: { reason: string } };
    expect(kusto.ignored.reason).to.match(/^a KQL query in Markdown that states no ATT&CK technique;/);
  });

  it('says how an SPL search states its techniques when it states none', () => {
    const outcome = parseKqlMarkdown(lines('# Failed logons', '```spl', 'index=win EventCode=4625 | stats count by user', '```'), 'q.md') as { ignored: { reason: string } };
    expect(outcome.ignored.reason).to.match(/^an SPL query in Markdown that states no ATT&CK technique; .*, or in the search, \| eval mitre_technique="T1003\.001", or list it in a detections file$/);
  });

  it('reads a folder of SPL queries kept as Markdown as Splunk searches, a file given alone too, naming the Markdown left unread so', () => {
    const dir = freshTmpDir('spl-markdown');
    writeFileSync(join(dir, '08-share-enumeration.md'), SPL_LAB);
    writeFileSync(join(dir, 'UC-007.md'), SPL_USE_CASE);
    writeFileSync(join(dir, 'README.md'), lines('# Detections', '- [08](08-share-enumeration.md)'));
    const folder = readRuleFolder(dir);
    expect([folder.kind, folder.counts, folder.rules.map((rule) => [rule.kind, rule.refs.map((ref) => ref.raw)])]).to.deep.equal([
      'splunk',
      { items: 2, rules: 2, ignored: 0, invalid: 0 },
      [['splunk', ['T1135']], ['splunk', ['T1021.002']]],
    ]);
    expect(folder.notes?.[0]).to.match(/: 1 Markdown file is not read as an SPL query \(README\.md\)/);
    const [alone] = readCoverageInputs([join(dir, 'UC-007.md')]);
    expect([alone!.kind, alone!.rules.map((rule) => rule.refs.map((ref) => ref.raw))]).to.deep.equal(['splunk', [['T1021.002']]]);
  });
});

// Threat hunts' reports, each a hunt done once: its queries pinned to the host or account hunted, or to dates. Each was
// read as a KQL query covering the techniques it maps. Our own lines in their shapes:
// - the "# Threat Hunt Report: Unauthorized TOR Usage" of a course's scenario, copied by many (found through the code
//   index, its copies' repositories not named there): "## Steps Taken", a "### 1. Searched the `DeviceFileEvents`
//   Table" section a step over a ```kql block `| where DeviceName == "…"`, "## Chronological Event Timeline", "## Summary",
//   "## Response Taken"; some add an ATT&CK list;
// - Fredrick387/Threat-Hunt, "Port of Entry (Virtual Machine Compromise).md": a "# 🕵️ Threat Hunt Report: **Lurker**"
//   heading, "### 🪪 Flag 1 – …" sections each over an untagged block pinned to a device and dates (`| where Timestamp
//   between (datetime(2025-11-18) .. datetime(2025-11-21))`), a "## 🧩 MITRE ATT&CK Mapping" table;
// - an "# Internet-Exposed Devices Threat Hunt" (found through the code index, its repository not named there): "## 🖥️
//   Environment & Timeline", ```kql blocks, some pinned to the exposed VM, one not, a "### 🎯 MITRE ATT&CK Mappings" table
//   of Technique ID, then "### 🛡️ Response Actions & Hardening".
const HUNT_TOR = lines(
  '# Threat Hunt Report: Unauthorized TOR Usage',
  '## Steps Taken',
  '### 1. Searched the `DeviceProcessEvents` Table',
  '```kql',
  'DeviceProcessEvents',
  '| where DeviceName == "lab-pc-4"',
  '| where FileName has_any ("tor.exe", "firefox.exe")',
  '```',
  '## Chronological Event Timeline',
  '- 2025-05-06 05:49: the installer ran silently.',
  '## MITRE ATT&CK TTPs',
  '- T1090.003 Multi-hop Proxy',
  '## Response Taken',
  'The device was isolated.',
);
const HUNT_FLAGS = lines(
  '# 🕵️ Threat Hunt Report: **Harbour**',
  '## Flag by Flag',
  '### 🪪 Flag 1 – Initial access',
  '```',
  'DeviceLogonEvents',
  '| where Timestamp between (datetime(2025-11-18) .. datetime(2025-11-21))',
  '| where ActionType == "LogonSuccess"',
  '```',
  '## 🧩 MITRE ATT&CK Mapping',
  '| Flag | Tactic | Technique ID |',
  '|---|---|---|',
  '| 1 | Initial Access | T1078 |',
);
const HUNT_EXPOSED = lines(
  '# Exposed VM Threat Hunt',
  '## 🖥️ Environment & Timeline',
  '- **Endpoint:** `lab-vm-7`',
  '```kql',
  'DeviceLogonEvents',
  '| where ActionType == "LogonFailed"',
  '| where DeviceName has "lab-vm-7"',
  '```',
  '```kql',
  'DeviceProcessEvents',
  '| where ProcessCommandLine has "dropper.ps1"',
  '```',
  '### 🎯 MITRE ATT&CK Mappings',
  '| Technique ID | Technique Name |',
  '|---|---|',
  '| T1110 | Brute Force |',
  '| T1059.001 | PowerShell |',
  '### 🛡️ Response Actions & Hardening',
  '- RDP allowed from the VPN range only.',
);
// Bert-JanP/Hunting-Queries-Detection-Rules, DFIR/MDE - InboundConnectionsCompromisedDevice.md @7b9250f6: an investigation
// query of a detection repository, its device a variable (`let CompromisedDevice = "test.domain.tld"; … | where DeviceName ==
// CompromisedDevice`), under no report's heading: read as before (a query of no technique, ignored saying so).
const BERT_JAN_DFIR = lines(
  '# Inbound connections to a compromised device',
  '## Query Information',
  '#### Description',
  'Accepted inbound connections to the device you investigate.',
  '## Defender For Endpoint',
  '```',
  'let CompromisedDevice = "test.domain.tld";',
  'DeviceNetworkEvents',
  '| where DeviceName == CompromisedDevice',
  '| where ActionType == "InboundConnectionAccepted"',
  '```',
);

describe("threat hunts' reports kept as Markdown", () => {
  for (const [what, text, name, pin] of [
    ['a "Threat Hunt Report" of steps, a timeline and the response taken, over a query pinned to the device hunted', HUNT_TOR, 'Threat Hunt Report: Unauthorized TOR Usage', 'DeviceName == "lab-pc-4"'],
    ["flags, each over an untagged query of the hunt's dates, and a MITRE ATT&CK Mapping table", HUNT_FLAGS, '🕵️ Threat Hunt Report: **Harbour', 'datetime(2025-11-18)'],
    ['a timeline heading and a query pinned to the exposed VM beside one that is not', HUNT_EXPOSED, 'Exposed VM Threat Hunt', 'DeviceName has "lab-vm-7"'],
  ] as const) {
    it(`counts no rule of a threat hunt's report, whatever techniques it maps: ${what}`, () => {
      expect(looksLikeKqlMarkdown(text)).to.equal(true);
      expect(parseKqlMarkdown(text, 'hunt.md')).to.deep.equal({
        ignored: { line: 1, name, reason: `${HUNT_REPORT} (${pin}); ${HUNT_REPORT_TO_DO}` },
        noRule: 'hunt',
      });
    });
  }

  it("reads a detection repository's files as before: no report's heading, or no literal host pinned", () => {
    expect('rule' in parseKqlMarkdown(BERT_JAN, 'q.md')).to.equal(true);
    expect(parseKqlMarkdown(BERT_JAN_DFIR, 'q.md')).to.have.property('ignored').that.has.property('reason').that.matches(/^a KQL query in Markdown that states no ATT&CK technique;/);
    // A detection pinned to a well-known account, under no report's heading, is a detection.
    const krbtgt = BERT_JAN.replace('| where isempty(AadDeviceId)', '| where AccountName == "krbtgt"');
    expect('rule' in parseKqlMarkdown(krbtgt, 'q.md')).to.equal(true);
    // securityguidebook/KQL-Queries' "KQL Detection Rules.md" @528f7587: each rule's "## What a Finding Looks Like" and
    // "## Triage Steps", Rule 05's query `| where TargetUserName == "Administrators"` (a group): rules, as before.
    const finding = RULES_IN_ONE.replace('| where EventID in (4624, 4625)', '| where EventID == 4732\n| where TargetUserName == "Administrators"').replace('## Tuning Notes', '## What a Finding Looks Like\n- A logon at 2am on a Saturday\n## Tuning Notes');
    expect((parseKqlMarkdown(finding, 'q.md') as { items: object[] }).items.map((item) => 'rule' in item)).to.deep.equal([true, true]);
    // A report's headings over queries that pin nothing (a negation, a wildcard) is no hunt's report either.
    const unpinned = HUNT_TOR.replace('| where DeviceName == "lab-pc-4"', '| where DeviceName != "lab-pc-4"');
    expect('rule' in parseKqlMarkdown(unpinned, 'q.md')).to.equal(true);
  });

  // What separates a report from a detection's write-up: a report's own headings (or two a write-up may share) over a
  // query pinned to its own environment. Our own lines in real shapes:
  // - securityguidebook/KQL-Queries, Rules/01 SSH Bruteforce Detection.md @9ee474f3: "## Description", "## MITRE ATT&CK
  //   Mapping" over | Field | Value |, "## KQL Query"; here with a "## Timeline" of the campaign it detects and the actor's
  //   own account as its literal, as elastic/detection-rules' hunting/aws/docs/java_ghost_threat_actor_infrastructure_and
  //   _identity_markers.md @aed06c67 tests Java_Ghost's identities (gh0st_808, warkopi);
  // - the same shape of a detection validated in a lab, its "## Executive Summary" and "## Findings" over a query of the
  //   built-in root account;
  // - Feecasso/-Devices-Exposed-to-the-Internet, README.md: "# 🛡️ Incident Timeline & Threat Analysis Report", "## 🖥️ Host
  //   Under Review", "## 📌 Summary of Findings" over ```kql blocks each pinned to `DeviceName == "windows-target-1"`;
  // - a "# Windows Server Threat Hunt: RDP Exposure & MITRE Mapping" (found through the code index, its repository not
  //   named there): "## 1. Preparation", "## Step 1: …" over queries pinned to the exposed VM.
  const CAMPAIGN_RULE = lines(
    '# Rule 06 — Sign-in by a Java_Ghost identity',
    '## Description',
    "Sign-ins by the accounts the group creates for persistence.",
    '## Timeline',
    '- 2025-03: the group is first reported abusing SES.',
    '## MITRE ATT&CK Mapping',
    '| Field | Value |',
    '|---|---|',
    '| Technique | T1078.004 — Cloud Accounts |',
    '## KQL Query',
    '```kql',
    'SigninLogs',
    '| where UserPrincipalName has "gh0st_808"',
    '```',
  );
  const ROOT_RULE = lines(
    '# Rule 07 — SSH logon as root',
    '## Executive Summary',
    'Root should never log on over SSH here.',
    '## MITRE ATT&CK Mapping',
    '| Field | Value |',
    '|---|---|',
    '| Technique | T1078.003 — Local Accounts |',
    '## KQL Query',
    '```kql',
    'Syslog',
    '| extend user = extract(@"for (\\S+) from", 1, SyslogMessage)',
    '| where user == "root"',
    '```',
    '## Findings',
    '- Fired once in the lab, on the test logon.',
  );
  const INCIDENT_TIMELINE = lines(
    '# 🛡️ Incident Timeline & Threat Analysis Report',
    '## 🖥️ Host Under Review',
    '**Hostname:** `lab-dns-2`',
    '## 📌 Summary of Findings',
    '1. Many failed logons from outside.',
    '```kql',
    'DeviceLogonEvents',
    '| where DeviceName == "lab-dns-2"',
    '| where ActionType == "LogonFailed"',
    '```',
    '## 🧠 MITRE ATT&CK Mapping',
    '| Tactic | Technique | ID |',
    '|---|---|---|',
    '| Credential Access | Brute Force | T1110 |',
  );
  const HUNT_TITLED = lines(
    '# Windows Server Threat Hunt: RDP Exposure & MITRE Mapping',
    '## 1. Preparation',
    'The VM `lab-dns-2` was exposed to the internet.',
    '## Step 1: Failed logons',
    '```kql',
    'DeviceLogonEvents',
    '| where DeviceName == "lab-dns-2"',
    '```',
    '## MITRE ATT&CK Mapping',
    '- T1110 Brute Force',
  );

  it("reads a detection's write-up with one section a report may have, or over a built-in account, as a rule", () => {
    expect(parseKqlMarkdown(CAMPAIGN_RULE, 'q.md')).to.have.nested.property('rule.name', 'Rule 06 — Sign-in by a Java_Ghost identity');
    expect(parseKqlMarkdown(ROOT_RULE, 'q.md')).to.have.nested.property('rule.name', 'Rule 07 — SSH logon as root');
    // A pin commented out, as cyb3rmik3/KQL-threat-hunting-queries' 01. Threat Hunting/MOVEit-exploit-hunting.md
    // @0ca009e8 offers one to narrow its hunt (`// | where DeviceName has "DeviceNameHere"`), pins nothing.
    const commented = ROOT_RULE.replace('| where user == "root"', '| where user == "root"\n// | where DeviceName has "DeviceNameHere"');
    expect(parseKqlMarkdown(commented, 'q.md')).to.have.nested.property('rule.name', 'Rule 07 — SSH logon as root');
    // Two sections a report may have, over an account of its own environment: a report.
    const hunted = ROOT_RULE.replace('| where user == "root"', '| where user == "labuser"');
    expect(parseKqlMarkdown(hunted, 'q.md')).to.have.nested.property('ignored.reason', `${HUNT_REPORT} (user == "labuser"); ${HUNT_REPORT_TO_DO}`);
  });

  it("counts no rule of a report told by its title or an incident's timeline, whatever sections a detection shares", () => {
    for (const [text, name] of [[INCIDENT_TIMELINE, '🛡️ Incident Timeline & Threat Analysis Report'], [HUNT_TITLED, 'Windows Server Threat Hunt: RDP Exposure & MITRE Mapping']] as const) {
      expect(parseKqlMarkdown(text, 'hunt.md')).to.deep.equal({ ignored: { line: 1, name, reason: `${HUNT_REPORT} (DeviceName == "lab-dns-2"); ${HUNT_REPORT_TO_DO}` }, noRule: 'hunt' });
    }
  });

  it("leaves threat hunts' reports out of a folder, naming them in a note with what to do; one given alone is listed as ignored", () => {
    const dir = freshTmpDir('hunt-reports');
    mkdirSync(join(dir, 'hunts'), { recursive: true });
    writeFileSync(join(dir, 'aitm.md'), BERT_JAN);
    writeFileSync(join(dir, 'hunts/tor.md'), HUNT_TOR);
    writeFileSync(join(dir, 'hunts/harbour.md'), HUNT_FLAGS);
    writeFileSync(join(dir, 'exposed.md'), HUNT_EXPOSED);
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts, read.rules.map((rule) => rule.name)]).to.deep.equal(['kql', { items: 1, rules: 1, ignored: 0, invalid: 0 }, ['Sign-in from a phishing proxy']]);
    expect(read.notes).to.deep.equal([
      `${dir}: 3 Markdown files are threat hunts' reports, left out (hunts/ 2, ./ 1; first exposed.md): their queries are pinned to one host, account or time window (DeviceName == "…", datetime(2025-…)), run once to investigate, not detections that run, whatever techniques they map; to count what they detect, write each query as a detection (no host, account or date pinned) in a query file of its own, or list its techniques in a detections file`,
    ]);
    // A folder of reports only, a README beside them: the README is not named as a query left unread.
    const reports = freshTmpDir('hunt-reports-only');
    writeFileSync(join(reports, 'tor.md'), HUNT_TOR);
    writeFileSync(join(reports, 'README.md'), lines('# My hunts', '- [TOR](tor.md)'));
    const only = readRuleFolder(reports);
    expect([only.counts, only.notes?.length]).to.deep.equal([{ items: 0, rules: 0, ignored: 0, invalid: 0 }, 1]);
    const [alone] = readCoverageInputs([join(dir, 'hunts/tor.md')]);
    expect([alone!.counts, alone!.ignored.map((item) => item.reason.split(' (')[0])]).to.deep.equal([{ items: 1, rules: 0, ignored: 1, invalid: 0 }, [HUNT_REPORT]]);
  });
});
