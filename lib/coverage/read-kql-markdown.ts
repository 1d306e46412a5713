/**
 * KQL queries kept as Markdown, one query a file, as public KQL repositories publish them:
 * - Bert-JanP/Hunting-Queries-Detection-Rules (and alexverboon/Hunting-Queries-Detection-Rules and
 *   HybridBrothers/Hunting-Queries-Detection-Rules, which took its layout): a `# ` title, a `MITRE ATT&CK Technique(s)`
 *   heading over a table whose `Technique ID` column gives the IDs (`| T1557 | Adversary-in-the-Middle | <link> |`), and
 *   the query in fenced blocks (```KQL, one for Defender XDR and one for Sentinel: one detection in two products);
 * - cyb3rmik3/KQL-threat-hunting-queries: a `MITRE ATT&CK Mapping` heading over a list, `- Technique ID: T1059.001`;
 * - FalconForceTeam/FalconFriday: an `ATT&CK Tags` heading over a table of `Tactic | Technique | Subtechnique |
 *   Technique Name` (`| TA0006 - Credential Access | T1003 | 001 | … |`), the query in a ```C# block.
 * The techniques are read from that section only: an ID in the description, a reference or the query is no mapping.
 * Each file is one rule, named by its title, unless it is several queries each under its own heading and techniques
 * (querySections), each then a rule named by the file and its heading; a rule has no status or severity, so it weighs as a detections file's row
 * without coverage (the README said to list such queries in a detections file). A query in ES|QL or Kibana's KQL (or
 * Lucene), as dhyey03/elastic-detection-rules keeps its rules in the same layout, is an Elastic rule, told by its text;
 * one in SPL a Splunk search, which may state its techniques in the search (`| eval mitre_technique="T1135"`) and fires
 * on the platforms of the data it names, as a Splunk detection's search does (splunkSearchPlatforms). Each reads mail as
 * its product's rules do (mail-delivery.ts: kqlMailData, splunkMailData).
 */
import { basename } from 'node:path';
import type { CoverageKind, CoverageRef } from './coverage-types.js';
import { ESQL_SOURCE, esqlIndexes, statementOf } from './esql-source.js';
import { kqlQueryCut, kqlTableGroups } from './kql-tables.js';
import { kqlQueryPlatforms, splunkSearchPlatforms } from './source-platforms.js';
import { kqlMailData, splunkMailData } from './mail-delivery.js';
import { NO_COVERAGE_GIVEN } from './read-detections.js';
import { eventCategories } from './read-siem-rule.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { INDEXED_TECHNIQUE_ID_SOURCE } from '../attack/technique-id.js';

// A fenced code block's opening line: ``` or ~~~, with its language (`KQL`, `kql`, `kusto`) or none.
const FENCE = /^\s{0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const KQL_LANGUAGES = /^(?:kql|kusto)$/i;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
// The heading of the section that states the techniques: "MITRE ATT&CK Technique(s)", "MITRE ATT&CK Mapping",
// FalconForceTeam/FalconFriday's "ATT&CK Tags" (a manual's "ATT&CK data" is none).
const ATTACK_HEADING = /\bMITRE\s+ATT&CK\b|\bATT&CK\s+tags?\b/i;
// A label that states techniques after it, emphasis aside: MITRE ATT&CK (Technique, Technique ID, Mapping, Tags), MITRE
// Technique (ID), MITRE ID, Technique (ID), Sub-technique. A line `label: IDs` or a metadata table's row `| label | IDs |`
// is so labelled (labelledValue).
const TECHNIQUE_WORDS = '(?:sub-?\\s*)?techniques?(?:\\s*\\(s\\))?(?:\\s+ids?)?';
const ATTACK_LABEL = new RegExp(`^(?:(?:MITRE\\s+)?ATT&CK(?:\\s+(?:${TECHNIQUE_WORDS}|ids?|mapping|tags?))?|MITRE\\s+(?:${TECHNIQUE_WORDS}|ids?|mapping)|${TECHNIQUE_WORDS})$`, 'i');
// A labelled line, list marker and emphasis aside, its colon inside the emphasis or after it: Varunrajparimi/SIEM-
// Detection-Rules's `**MITRE ATT&CK:** T1003.001`, `- **MITRE ATT&CK Technique**: T1059`.
const LABELLED_LINE = /^\s{0,3}(?:[-*+]\s+)?[*_]{0,2}([^:*_|]+?)\s*(?::\s*[*_]{0,2}|[*_]{1,2}\s*:)(.*)$/;
// T1059.001, ACME-T1000 (a team's Workbench namespace): read whole, never as the T1000 it ends with.
const TECHNIQUE_ID = new RegExp(`(?<![\\w/.])${INDEXED_TECHNIQUE_ID_SOURCE}(?![\\w/]|\\.\\d)`, 'g');
// Link targets and bare addresses hold IDs too (`https://attack.mitre.org/techniques/T1059/001/`): not read.
const LINK_TARGETS = /\]\([^)]*\)|<?https?:\/\/\S+/g;

// A Kibana query (KQL or Lucene, as an Elastic custom query rule is written) tests fields: its statement starts with one,
// `event.code:4625 and …`, `event.dataset:o365.audit and (event.action : "New-InboxRule" or …)` (dhyey03/
// elastic-detection-rules rules/07-inbox-rule-creation.md, "## Query (KQL — Security Detection Rule)" over an untagged
// block), `NOT user.name:x`, `_exists_:process.name`. A Kusto statement starts with a table, `let` or a command, never
// with a name and a colon. A drive's colon (`C:\Windows\System32\cmd.exe /c …`, a command line shown as an example)
// tests no field.
const KIBANA_QUERY = /^[(\s]*(?:not\s+)?@?[\w.-]+\s*:(?![:\\])/i;

// A YAML block, a Sigma rule shown beside the query (`title: …`, `logsource:` over its fields): its keys are no fields
// tested. Told by its fence's tag, or by a line that is a key alone, opening a map, which no Kibana query writes.
const YAML_LANGUAGES = /^ya?ml$/i;
const YAML_MAP_KEY = /^\s*[\w.-]+:\s*$/m;

// The datasets an Elastic query keeps to (`event.dataset:o365.audit`, ES|QL's `event.dataset == "o365.audit"`): which
// integration's data it reads, where it names no index. A list is each of its datasets: Kibana's `event.dataset:
// (googlecloud.audit or gcp.audit)` (Elastic's prebuilt rule GCP Storage Bucket Deletion, its "Rule query":
// https://www.elastic.co/guide/en/security/current/prebuilt-rule-1-0-2-gcp-storage-bucket-deletion.html), ES|QL's
// `event.dataset in ("a", "b")`.
const EVENT_DATASET = /\bevent\.dataset\s*(?::|==|\s+in\b)\s*(\([^)]*\)|"[^"]*"|[\w.-]+)/gi;
// A list's datasets, its operators aside.
const DATASET_NAME = /(?<![\w.*-])(?!(?:or|and|not)(?![\w.-]))[\w-]+(?:\.[\w-]+)*(?![\w.*-])/gi;

/** The datasets a query keeps to (EVENT_DATASET), each as `event.dataset:<name>`. */
function datasetsOf(query: string): string[] {
  return [...query.matchAll(EVENT_DATASET)].flatMap((match) => [...match[1]!.matchAll(DATASET_NAME)].map(([name]) => `event.dataset:${name}`));
}

// A fenced block tagged with a query language is a query whatever it holds: KQL (Kusto), Splunk's SPL, Elastic's ES|QL,
// EQL and Lucene, a Sigma rule, Google SecOps' YARA-L, Cortex XDR's XQL, QRadar's AQL.
const QUERY_LANGUAGES = /^(?:kql|kusto|spl|splunk(?:-spl)?|esql|eql|lucene|sigma|yara-?l|xql|aql)$/i;
// Splunk's SPL, by its fence's tag (```splunk-spl as GitBook writes it).
const SPL_LANGUAGES = /^(?:spl|splunk(?:-spl)?)$/i;
// What a block of another tag, or none, holds when it is a query, told by its statement: Kusto's table, `let` or `union`
// over a pipe to an operator (FalconFriday's ```C# block, `DeviceEvents | where …`; cyb3rmik3's untagged one);
// SPL's search of an index or source type, a pipe to a generating command, or field tests piped to an SPL command
// (`EventCode=4625 | stats …`, not a shell's `sort`); ES|QL's `FROM logs-*`; EQL's `process
// where …` or `sequence`; SQL's `SELECT … FROM` (an osquery hunt). A command line (`mimikatz # sekurlsa::logonpasswords`,
// `Get-WinEvent … | where {…}`, `cat auth.log | grep …`), a log excerpt or a diagram is none: a write-up shows those.
// A block tagged as a shell's or a program's holds commands or code, whatever pipe it writes (PowerShell's `gci | where
// Length -gt 1mb`), or data: never a query.
const COMMAND_LANGUAGES = /^(?:powershell|pwsh|ps1?|bash|sh|shell|zsh|console|shell-session|cmd|bat|batch|dos|python|py|javascript|js|json|xml|html)$/i;
const KUSTO_OPERATORS = 'where|project(?:-\\w+)?|extend|summarize|join|take|limit|(?:sort|order)\\s+by|top\\s+\\d+|count|distinct|parse|mv-expand|render|union|lookup|invoke|evaluate|make-series|search|filter|as|serialize|getschema|sample|scan';
const KUSTO_STATEMENT = new RegExp(`^(?:let\\s+\\w+\\s*=|union\\b|search\\b|[A-Za-z_]\\w*(?:\\([^)]*\\))?\\s*\\|\\s*(?:${KUSTO_OPERATORS})\\b(?!\\s*\\{))`);
const SPL_STATEMENT = /^(?:search\s+)?(?:(?:index|sourcetype|source|eventtype|tag)\s*=(?!=)|\|\s*(?:tstats|from|inputlookup|datamodel|rest|search)\b|`[\w-]+(?:\([^)]*\))?`|[\w.]+\s*!?=\s*\S.*\|\s*(?:stats|table|where|eval|rex|timechart|dedup|fields|transaction|eventstats|streamstats|bucket)\b)/i;
const EQL_STATEMENT = /^(?:[a-z_]+\s+where\s+\S|sequence\b|sample\b)/;
const SQL_STATEMENT = /^SELECT\b[^]*\bFROM\b/i;
// A Kibana query written outside a tagged block: a field test that names an ECS field (`event.code:4625`) or joins
// tests, where a log excerpt's `EventID: 4688` line is neither.
const KIBANA_JOINED = /\b[\w-]+\.[\w.-]+\s*:|\s(?:and|or|not)\s/i;
// A Sigma rule in YAML: its logsource and detection keys.
const SIGMA_RULE = /^logsource:/m;
const SIGMA_DETECTION = /^detection:/m;

/** Whether a fenced block holds a query (QUERY_LANGUAGES, else its statement's shape), not a command, a log excerpt or a diagram. */
function isQueryBlock({ language, text }: { language: string; text: string }): boolean {
  // A comment at a line's end (`DeviceEvents // Defender`) is no part of its shape.
  const statement = statementOf(text.replace(/[ \t]\/\/.*$/gm, ''));
  if (!statement) return false;
  if (QUERY_LANGUAGES.test(language)) return true;
  if (SIGMA_RULE.test(text) && SIGMA_DETECTION.test(text)) return true;
  if (YAML_LANGUAGES.test(language) || COMMAND_LANGUAGES.test(language)) return false;
  return (
    KUSTO_STATEMENT.test(statement) ||
    SPL_STATEMENT.test(statement) ||
    ESQL_SOURCE.test(statement) ||
    EQL_STATEMENT.test(statement) ||
    SQL_STATEMENT.test(statement) ||
    (KIBANA_QUERY.test(statement) && !YAML_MAP_KEY.test(text) && KIBANA_JOINED.test(statement))
  );
}

/**
 * What language a fenced block's query is in, told by its text (its fence's tag does not tell: ```sql holds KQL too), a
 * YAML block being none of Elastic's; SPL by its tag too, or by its statement (`index=… | stats …`) in a block not tagged KQL.
 */
type QueryLanguage = 'kusto' | 'esql' | 'kibana' | 'spl';

function queryLanguage({ language, text }: { language: string; text: string }): QueryLanguage {
  const statement = statementOf(text);
  if (ESQL_SOURCE.test(statement)) return 'esql';
  if (SPL_LANGUAGES.test(language) || (!KQL_LANGUAGES.test(language) && SPL_STATEMENT.test(statement))) return 'spl';
  const yaml = YAML_LANGUAGES.test(language) || YAML_MAP_KEY.test(text);
  return !yaml && KIBANA_QUERY.test(statement) ? 'kibana' : 'kusto';
}

/** How a query in Markdown is said, by its language: in a rule's level reason and the reason it is ignored. */
const QUERY_SAID: Readonly<Record<QueryLanguage, string>> = {
  kusto: 'a KQL query in Markdown',
  esql: 'an ES|QL query in Markdown',
  kibana: 'a Kibana query (KQL or Lucene) in Markdown',
  spl: 'an SPL query in Markdown',
};

/** The kind of rule a query kept as Markdown is, by its language: Kusto's a KQL query, ES|QL and Kibana's Elastic's, SPL Splunk's. */
export type MarkdownQueryFormat = Extract<CoverageKind, 'kql' | 'elastic' | 'splunk'>;
const QUERY_FORMAT: Readonly<Record<QueryLanguage, MarkdownQueryFormat>> = { kusto: 'kql', esql: 'elastic', kibana: 'elastic', spl: 'splunk' };

// SPL states a search's technique in the search itself, in a field it evaluates: `| eval mitre_technique="T1135",
// mitre_tactic="Discovery"`, `| eval mitre_technique="T1110 - Brute Force"`, each outcome of a `case(…)` (Markdown SPL
// detections found through the code index, their repositories not named there). A field named for ATT&CK (mitre_…,
// …technique…, attack_id) states the IDs in its expression's strings; one copied from another field
// (`mvindex(mitre_technique, 0)`) states none.
const SPL_EVAL = /^\s*eval\s+/i;
const ATTACK_FIELD = /^\s*(?:eval\s+)?([\w.]*(?:mitre|technique|attack_?id)[\w.]*)\s*=(?!=)/i;
const SPL_STRING = /"((?:[^"\\]|\\.)*)"/g;

/** `text` cut at each `separator` outside strings, parentheses and brackets (a subsearch), each part with its offset. */
function cutOutside(text: string, separator: string, from = 0): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth) depth--;
    else if (char === separator && !depth) {
      parts.push({ text: text.slice(start, i), at: from + start });
      start = i + 1;
    }
  }
  parts.push({ text: text.slice(start), at: from + start });
  return parts;
}

/** The techniques an SPL query block states in the ATT&CK fields it evaluates (ATTACK_FIELD), each at its line in the file. */
function splStatedRefs(block: MarkdownQuery['blocks'][number]): CoverageRef[] {
  const refs: CoverageRef[] = [];
  for (const command of cutOutside(block.text, '|')) {
    if (!SPL_EVAL.test(command.text)) continue;
    for (const assignment of cutOutside(command.text, ',', command.at)) {
      if (!ATTACK_FIELD.test(assignment.text)) continue;
      for (const string of assignment.text.matchAll(SPL_STRING)) {
        for (const id of string[1]!.matchAll(TECHNIQUE_ID)) {
          // The block's first line is the one after its fence.
          const at = assignment.at + string.index + 1 + id.index;
          refs.push({ raw: id[0], line: block.line + 1 + (block.text.slice(0, at).match(/\n/g)?.length ?? 0), id: id[0] });
        }
      }
    }
  }
  return refs;
}

/** The SPL query blocks of a Markdown file's part. */
function splQueries(read: MarkdownQuery): MarkdownQuery['blocks'] {
  return read.blocks.filter((block) => isQueryBlock(block) && queryLanguage(block) === 'spl');
}

// A template's title, a placeholder no query is named by: Bert-JanP's template as teams copy it (m4nbat/KustQueryLanguage_kql
// _template.md: "# *Detection Title*"), NVISOsecurity/Detection-and-Hunting-Queries query_template.md ("# Query Title").
const PLACEHOLDER_TITLE = /^(?:detection|query|rule|hunt(?:ing)?(?:\s+query)?)\s+(?:title|name)$/i;

// A threat hunt's report: its queries are pinned to the host or account hunted, or to a window of dates, and were run
// once to investigate, whatever techniques it maps. The common "Threat Hunt Report: Unauthorized TOR Usage" (a course's
// scenario, copied by many), as Fredrick387/Threat-Hunt's "Port of Entry (Virtual Machine Compromise).md" writes it:
// "# 🕵️ Threat Hunt Report: **Lurker**", "### 🪪 Flag 1 – …" sections each over its query (`| where DeviceName ==
// "azuki-sl"`, `| where Timestamp between (datetime(2025-11-18) .. datetime(2025-11-21))`) and a "## 🧩 MITRE ATT&CK
// Mapping" table; others (found through the code index, their repositories not named there) under "## Steps Taken",
// "## Chronological Event Timeline", "## Response Taken", "## Environment & Timeline"; Feecasso/-Devices-Exposed-to-the-
// Internet's README.md, "# 🛡️ Incident Timeline & Threat Analysis Report" over "## 📌 Summary of Findings" and queries
// each pinned to `DeviceName == "windows-target-1"`; a "# Windows Server Threat Hunt: RDP Exposure & MITRE Mapping".
// Told by both, as what separates a report from a detection's write-up:
// - its genre, in its headings: a title that says a report (REPORT_TITLE), or a section only an account of one
//   investigation has (REPORT_SECTION: the steps or the response taken, flags, an incident's timeline); the sections a
//   detection's write-up may hold as well (REPORT_LIKE_SECTION: a timeline, as of the campaign it detects; findings; an
//   executive summary; lessons learned) only two together;
// - a query pinned to its own environment: a literal host or account of its own (PINNED_ENTITY), or its dates. A
//   built-in account (WELL_KNOWN_ACCOUNT: krbtgt, root, Administrator, SYSTEM) is the same in every environment, as a
//   group is (`TargetUserName == "Administrators"`: securityguidebook/KQL-Queries' "KQL Detection Rules.md", under its
//   "## What a Finding Looks Like"), and an indicator (an IP, a hash, a C2 domain) is tested in fields of its own: a
//   detection names them to run anywhere.
// A detection repository's investigation query pins nothing by a literal (Bert-JanP/Hunting-Queries-Detection-Rules' DFIR
// queries, `let CompromisedDevice = "…"; … | where DeviceName == CompromisedDevice`, under no such heading) and is read as
// before.
const REPORT_TITLE = /\bthreat[-\s]+hunt(?:ing)?\b.*\b(?:report|event|scenario|lab|project)\b|\b(?:hunt|investigation|incident)\s+report\b|\bthreat\s+hunt(?:$|\s*[:\u2013\u2014-]\s)/i;
const REPORT_SECTION = /^(?:(?:chronological|incident|event)\s+)+timeline\b|^(?:response\s+taken|steps\s+taken)\b|^flag\s+(?:\d+|by\s+flag)\b/i;
const REPORT_LIKE_SECTION = /^(?:attack\s+)?timeline\b|^(?:environment|scope)\s*(?:&|and)\s*timeline\b|^(?:key\s+|summary\s+of\s+)?findings\b|^(?:lessons\s+learned|executive\s+summary)\b/i;
// A host's or an account's field tested against one name (`DeviceName == "ceh-tor1"`, `AccountName =~ "x"`, SPL's
// `host="web-01"`); a variable, a wildcard or a negation (`!=`, `!has`) pins nothing.
const PINNED_ENTITY =
  /(?<![\w.!])(DeviceName|DeviceId|Computer|ComputerName|HostName|host|AccountName|AccountUpn|InitiatingProcessAccountName|UserPrincipalName|user)\s*(==|=~|=|\s(?:has|contains|startswith)(?:_cs)?)\s*@?(["'])([^"'*\n]+)\3/gi;
// Windows' and Unix's built-in accounts, a domain or `NT AUTHORITY\` before them aside.
const WELL_KNOWN_ACCOUNT = /^(?:.*\\)?(?:krbtgt|root|administrator|guest|system|local\s+service|network\s+service|defaultaccount|wdagutilityaccount)$/i;
// A date written in the query: Kusto's `datetime(2025-11-18)`, SPL's `earliest="11/18/2025:00:00:00"`.
const PINNED_DATE = /\bdatetime\(\s*["']?\d{4}-\d{2}-\d{2}[^)]*\)|\bearliest\s*=\s*["']?\d{1,2}\/\d{1,2}\/\d{4}[^\s"']*/i;

/** Why a threat hunt's report is no rule, and what to do (huntReportPin). */
export const HUNT_REPORT = "a threat hunt's report: its queries are pinned to one host, account or time window, run once to investigate, not a detection that runs";
export const HUNT_REPORT_TO_DO = 'to count what it detects, write its query as a detection (no host, account or date pinned) in a query file of its own, or list its techniques in a detections file';

/** A heading's words, its emphasis, emoji and numbering aside. */
function headingWords(heading: string): string {
  return heading.replace(/[*_`]/g, '').replace(/^[^\p{L}]+/u, '').trim();
}

/** Whether a Markdown file's headings are a report's (REPORT_TITLE, REPORT_SECTION, or two of REPORT_LIKE_SECTION). */
function hasReportHeadings(read: MarkdownQuery): boolean {
  const like = new Set<string>();
  for (const { text } of read.lines) {
    const heading = HEADING.exec(text)?.[2];
    if (heading === undefined) continue;
    const words = headingWords(heading);
    if (REPORT_TITLE.test(words) || REPORT_SECTION.test(words)) return true;
    const section = REPORT_LIKE_SECTION.exec(words);
    if (section) like.add(section[0].toLowerCase().replace(/\s+/g, ' '));
  }
  return like.size >= 2;
}

/** What pins a threat hunt's report's queries (hasReportHeadings, PINNED_ENTITY, PINNED_DATE), as written; undefined for any other Markdown. */
function huntReportPin(read: MarkdownQuery): string | undefined {
  if (!hasReportHeadings(read)) return undefined;
  for (const block of read.blocks.filter(isQueryBlock)) {
    // A line commented out is no part of the query that runs: cyb3rmik3/KQL-threat-hunting-queries' MOVEit hunt offers
    // `// | where DeviceName has "DeviceNameHere"` to narrow it, and pins nothing.
    const query = block.text.replace(/(^|[ \t])\/\/.*$/gm, '$1');
    const entity = [...query.matchAll(PINNED_ENTITY)].find((match) => !WELL_KNOWN_ACCOUNT.test(match[4]!.trim()));
    if (entity) return `${entity[1]} ${entity[2]!.trim()} ${entity[3]}${entity[4]}${entity[3]}`;
    const date = PINNED_DATE.exec(query);
    if (date) return date[0];
  }
  return undefined;
}

// What an ATT&CK section writes for no technique: `N/A`, `None`, `Not applicable`, emphasis aside.
const NONE_STATED = /^[*_\s]*(?:n\/?a|none|not\s+applicable)[*_.\s]*$/i;

/** What a Markdown file holds as far as a query goes: its fenced blocks, headings and lines, read once. */
interface MarkdownQuery {
  title?: { text: string; line: number };
  /** Fenced blocks: their language, opening line and text. */
  blocks: { language: string; line: number; text: string }[];
  /** Lines outside fenced blocks, numbered from 1. */
  lines: { text: string; line: number }[];
}

function readMarkdown(text: string): MarkdownQuery {
  const blocks: MarkdownQuery['blocks'] = [];
  const lines: MarkdownQuery['lines'] = [];
  let title: MarkdownQuery['title'];
  let fence: string | undefined;
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const opening = FENCE.exec(raw);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence) && !opening[2]) fence = undefined;
      else blocks[blocks.length - 1]!.text += `${raw}\n`;
      continue;
    }
    if (opening) {
      fence = opening[1]!;
      blocks.push({ language: opening[2] ?? '', line, text: '' });
      continue;
    }
    lines.push({ text: raw, line });
    const heading = HEADING.exec(raw);
    if (heading && heading[1] === '#' && !title) title = { text: cleanTitle(heading[2]!), line };
  }
  return { ...(title ? { title } : {}), blocks, lines };
}

/**
 * What a Markdown text is to a rule folder, its text read once:
 * - `query`: a query file this reader takes, a query block (isQueryBlock) tagged KQL (or Kusto), or a query block of any
 *   tag in a file with a MITRE ATT&CK (or ATT&CK Tags) heading (cyb3rmik3's queries are untagged, FalconFriday's tagged
 *   C#) or a line or table row labelled so that states a technique (`**MITRE ATT&CK:** T1003.001` over an ES|QL block):
 *   what parseMarkdownQuery reads the techniques from, so that a file given alone and the same file in a folder are read
 *   alike; a threat hunt's report is taken too, to be named as one (huntReportPin);
 * - `write-up`: a text that states techniques as a query does but holds no query to detect them with, an incident
 *   write-up, a tool's notes or a project's README showing log excerpts or commands in its code blocks (`mimikatz #
 *   sekurlsa::logonpasswords` under `**MITRE ATT&CK:** T1003.001`), which no folder counts as a rule;
 * - `other`: a README or notes, no query, which are not counted, as a LICENSE is not.
 */
export type MarkdownRole = 'query' | 'write-up' | 'other';

export function markdownRole(text: string): MarkdownRole {
  const read = readMarkdown(text);
  const queries = read.blocks.filter(isQueryBlock);
  if (!queries.length) return sectionRefs(read).refs.length ? 'write-up' : 'other';
  return queries.some((block) => KQL_LANGUAGES.test(block.language)) || statesTechniques(read) || huntReportPin(read) !== undefined ? 'query' : 'other';
}

/** Whether a Markdown text is a query file this reader takes (markdownRole). */
export function looksLikeKqlMarkdown(text: string): boolean {
  return markdownRole(text) === 'query';
}

/** Whether a Markdown file's lines state techniques as a query's do: under a MITRE ATT&CK (or ATT&CK Tags) heading, or after a label. */
function statesTechniques(read: MarkdownQuery): boolean {
  const stated = read.lines.some(({ text: line }) => {
    const heading = HEADING.exec(line)?.[2];
    return (heading !== undefined && ATTACK_HEADING.test(heading)) || labelledIds(heading ?? line).length > 0;
  });
  return stated || splQueries(read).some((block) => splStatedRefs(block).length > 0);
}

/** Whether a Markdown text states ATT&CK techniques as a query does but holds no query to detect them with (markdownRole). */
export function statesTechniquesWithoutQuery(text: string): boolean {
  return markdownRole(text) === 'write-up';
}

// The same IDs written in any case (`t1059.001`), as some `.kql` files' comments write them (read-kql-file.ts).
const TECHNIQUE_ID_ANY_CASE = new RegExp(TECHNIQUE_ID.source, 'gi');

/**
 * The technique IDs a text (a line of a Markdown query's ATT&CK section) names as written, outside link targets and bare addresses (a reference to a technique's page
 * is no mapping): in upper case only, as a Markdown query's ATT&CK section writes them, or in either case (`anyCase`).
 */
export function techniqueIdsOutsideLinks(text: string, anyCase = false): string[] {
  return [...text.replace(LINK_TARGETS, ' ').matchAll(anyCase ? TECHNIQUE_ID_ANY_CASE : TECHNIQUE_ID)].map((match) => match[0]);
}

/** The cells of a Markdown table row, or undefined for a line that is no row. */
function cells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|')) return undefined;
  return trimmed.replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
}

/**
 * What a line labelled as stating techniques (ATTACK_LABEL) gives after its label: a line `**MITRE ATT&CK:** T1003.001`,
 * or a metadata table's row whose first cell is the label, `| MITRE ATT&CK | T1218, T1059.001 |` (a Sentinel analytics
 * rule's settings table) or `| Technique | T1110 — Brute Force |` (securityguidebook/KQL-Queries' Field | Value table):
 * its other cells. Undefined for any other line.
 */
function labelledValue(text: string): string | undefined {
  const row = cells(text);
  if (row) return row.length > 1 && ATTACK_LABEL.test(row[0]!.replace(/^[*_]+|[*_]+$/g, '').trim()) ? row.slice(1).join(' | ') : undefined;
  const line = LABELLED_LINE.exec(text);
  return line && ATTACK_LABEL.test(line[1]!.trim()) ? line[2]! : undefined;
}

/** The technique IDs a labelled line or row (labelledValue) states, none for any other line. */
function labelledIds(text: string): string[] {
  const value = labelledValue(text);
  return value === undefined ? [] : techniqueIdsOutsideLinks(value);
}

/**
 * The references the ATT&CK sections state: in a table, the cells of its `Technique ID` (or `Technique`) column (of
 * its first column when none is so named), each with the sub-technique its `Subtechnique` column gives, if any
 * (FalconFriday's `| TA0006 - Credential Access | T1003 | 001 | … |` is T1003.001); elsewhere each line's IDs
 * (`- Technique ID: T1059.001`), and a table's row labelled so (`| Technique | T1110 — Brute Force |`) the IDs beside its
 * label. A section runs to the next heading of its level or above. Outside the sections, a line or a table's row
 * labelled MITRE ATT&CK (or Technique) states the IDs after its label (labelledValue: `**MITRE ATT&CK:** T1003.001`,
 * `| MITRE ATT&CK | T1003 |`); so does a heading so labelled, in a section or not (`#### Technique: … (T1059.001)`).
 */
function sectionRefs(read: MarkdownQuery): { refs: CoverageRef[]; section?: number; said: string[] } {
  const refs: CoverageRef[] = [];
  // The sections' lines as written, blank ones aside: what a section without an ID says instead.
  const said: string[] = [];
  let section: number | undefined;
  let level: number | undefined;
  let column: number | undefined;
  let subColumn: number | undefined;
  for (const { text, line } of read.lines) {
    const heading = HEADING.exec(text);
    if (heading) {
      const depth = heading[1]!.length;
      if (level !== undefined && depth <= level) level = undefined;
      if (level === undefined && ATTACK_HEADING.test(heading[2]!)) {
        level = depth;
        section ??= line;
      }
      column = undefined;
      subColumn = undefined;
      // A heading labelled so states its IDs as a line does: "#### Technique: Command and Scripting Interpreter
      // (T1059.001 - PowerShell)" under "## 🧩 MITRE ATT&CK Mapping", each line of the section a heading.
      for (const id of labelledIds(heading[2]!)) refs.push({ raw: id, line, id });
      continue;
    }
    if (level === undefined) {
      for (const id of labelledIds(text)) refs.push({ raw: id, line, id });
      continue;
    }
    if (text.trim()) said.push(text.trim());
    const row = cells(text);
    if (!row) {
      column = undefined;
      subColumn = undefined;
      for (const id of techniqueIdsOutsideLinks(text)) refs.push({ raw: id, line, id });
      continue;
    }
    if (row.every((cell) => /^:?-{3,}:?$/.test(cell))) continue;
    // A row labelled Technique in a table of fields and values (| Technique | T1110 — Brute Force |) states its IDs
    // whatever the table's columns; a header row so labelled (| Technique ID | Title |) states none, and names them.
    const stated = labelledIds(text);
    if (stated.length) {
      for (const id of stated) refs.push({ raw: id, line, id });
      continue;
    }
    if (column === undefined) {
      // A `Technique ID` column before a `Technique` one, which may hold names beside it.
      const idColumn = row.findIndex((cell) => /technique\s*id|^id$/i.test(cell));
      const named = idColumn === -1 ? row.findIndex((cell) => /^technique$/i.test(cell)) : idColumn;
      column = named === -1 ? 0 : named;
      const sub = row.findIndex((cell) => /^sub-?\s*techniques?(?:\s*id)?$/i.test(cell));
      subColumn = sub === -1 ? undefined : sub;
      // A header row names its columns; a table without one starts with its IDs.
      if (named !== -1 || !techniqueIdsOutsideLinks(row[0] ?? '').length) continue;
    }
    // The sub-technique's number alone (`001`, `.001`) beside its parent's ID names the sub-technique, not the parent.
    const subNumber = subColumn === undefined ? undefined : /^\.?(\d{3})$/.exec(row[subColumn] ?? '')?.[1];
    const ids = techniqueIdsOutsideLinks(row[column] ?? '');
    for (const id of subNumber && ids.length === 1 && !ids[0]!.includes('.') ? [`${ids[0]}.${subNumber}`] : ids) refs.push({ raw: id, line, id });
  }
  // An SPL query states techniques in the search too (splStatedRefs).
  refs.push(...splQueries(read).flatMap(splStatedRefs));
  const seen = new Set<string>();
  return { refs: refs.filter((ref) => !seen.has(ref.raw) && !!seen.add(ref.raw)), ...(section ? { section } : {}), said };
}

/** How the techniques must be stated, for the reasons and messages that say none was read. */
const STATED =
  'a "MITRE ATT&CK" heading over a table of a "Technique ID" column (| T1557 | Adversary-in-the-Middle |), as Bert-JanP/Hunting-Queries-Detection-Rules writes it, ' +
  'or over lines "Technique ID: T1059.001", as cyb3rmik3/KQL-threat-hunting-queries does, ' +
  'or an "ATT&CK Tags" heading over a table of "Technique" and "Subtechnique" columns (| T1003 | 001 |), as FalconForceTeam/FalconFriday does, ' +
  'or a line "**MITRE ATT&CK:** T1003.001", as Varunrajparimi/SIEM-Detection-Rules does, ' +
  'or a table row "| Technique | T1110 |", as securityguidebook/KQL-Queries does, or "| MITRE ATT&CK | T1003.001 |"';

/** Why Markdown that states techniques over no query is no rule, and what to do (statesTechniquesWithoutQuery). */
export const NO_QUERY = 'no query in a code block, only a command, a log excerpt or a diagram, if any: a write-up, not a detection';
export const NO_QUERY_TO_DO = 'to count what it detects, put its query in a fenced block (```kql, ```spl, ```esql, …) or list its techniques in a detections file';

/**
 * Read a KQL query kept as Markdown (pure): a rule named by its `# ` title (else the file's name) covering the
 * techniques its ATT&CK section states; a query stating none is ignored saying how to state them, and an ATT&CK
 * section that gives no ID is invalid, at its heading's line, but one that says `N/A` is ignored saying so. A template (its title a placeholder, "Query Title") is
 * ignored saying so.
 */
export function parseKqlMarkdown(text: string, file: string): RuleFileOutcome {
  return parseMarkdownQuery(text, file).outcome;
}

/**
 * A query kept as Markdown (parseKqlMarkdown), with the format of the rule it is: `kql` for a KQL (Kusto) query, `elastic`
 * for an ES|QL or a Kibana (KQL or Lucene) query, which reads Elastic's indexes and is classed as an Elastic rule is,
 * `splunk` for an SPL query, a Splunk search.
 */
export function parseMarkdownQuery(text: string, file: string): { outcome: RuleFileOutcome; format: MarkdownQueryFormat } {
  const read = readMarkdown(text);
  // A hunt's report is no rule, whatever techniques it maps: a folder leaves it out, naming it (NoRuleKind).
  const pin = huntReportPin(read);
  if (pin) {
    const name = read.title?.text || basename(file);
    const ignored = { line: read.title?.line ?? 1, name, reason: `${HUNT_REPORT} (${pin}); ${HUNT_REPORT_TO_DO}` };
    return { outcome: { ignored, noRule: 'hunt' }, format: queryOutcome(read, file).format };
  }
  const sections = querySections(read);
  if (!sections) {
    const one = queryOutcome(read, file);
    const documents = linkedFiles(read);
    return 'rule' in one.outcome && documents.length ? { ...one, outcome: { ...one.outcome, documents } } : one;
  }
  // Each section a query of its own, named by the file and its heading, so that a report's rule is found in the file.
  const outcomes = sections.map((section) => queryOutcome(section, file, section.title ? `${basename(file)}#${section.title.text}` : undefined));
  return { outcome: { items: outcomes.map(({ outcome }) => outcome) }, format: outcomes.find(({ outcome }) => 'rule' in outcome)?.format ?? 'kql' };
}

// A Markdown link's target: `[Java_Ghost …](../queries/java_ghost_….toml)`, its title aside.
const LINK_TARGET = /\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g;

/**
 * The files other than Markdown a Markdown file links to by a relative path, as written (`../queries/x.toml`), its
 * anchor and query aside and decoded: where it may be the document of a rule file beside it (RuleOutcome's `documents`).
 */
function linkedFiles(read: MarkdownQuery): string[] {
  const targets = new Set<string>();
  for (const { text } of read.lines) {
    for (const [, href] of text.matchAll(LINK_TARGET)) {
      // An address (https:, mailto:), an anchor or a path from the site's root is no file beside it.
      if (/^(?:[a-z][\w+.-]*:|[#/])/i.test(href!)) continue;
      const path = href!.replace(/[?#].*$/, '');
      let decoded = path;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        // A stray % is kept as written.
      }
      if (/\.[a-z0-9]+$/i.test(decoded) && !/\.(?:md|markdown)$/i.test(decoded)) targets.add(decoded);
    }
  }
  return [...targets];
}

/** One query's outcome, and the format of its rule (parseMarkdownQuery), named `name` or by its title. */
function queryOutcome(read: MarkdownQuery, file: string, name?: string): { outcome: RuleOutcome; format: MarkdownQueryFormat } {
  // Bert-JanP writes one detection twice, for Defender XDR and for Sentinel: the first block tagged KQL (else the first
  // query block) says what it reads; a block of Elastic's (ES|QL, Kibana's) only when none is in KQL. A block that
  // holds no query (a command, a log excerpt) is none.
  const queries = read.blocks.filter(isQueryBlock);
  const kusto = queries.filter((block) => queryLanguage(block) === 'kusto');
  const query = kusto.find((block) => KQL_LANGUAGES.test(block.language)) ?? kusto[0] ?? queries[0];
  const language = query ? queryLanguage(query) : 'kusto';
  return { outcome: markdownOutcome(read, file, query, language, name), format: QUERY_FORMAT[language] };
}

/**
 * The sections of a Markdown file of several queries, each stating its own techniques, or undefined for a file that is
 * one query (Bert-JanP's: one ATT&CK section, a block for Defender XDR and one for Sentinel under headings of their
 * own). A file is several queries where headings of one level head sections that state techniques, nothing outside
 * those sections states any, and either two of them hold a query block each (securityguidebook/KQL-Queries' "KQL
 * Detection Rules.md", a `# Rule 04 — …` heading a query over its `## MITRE ATT&CK Mapping` and `## KQL Query`;
 * Veronikaktsv/Threat-Hunting-Framework-Project's sample_queries.md, `## 1. Suspicious PowerShell Execution` over
 * `**MITRE Technique:** T1059.001` and its block) or no section of theirs holds a query stating none (a lab's README,
 * `### 1. Brute Force` over `**MITRE ATT&CK:** T1110` and a sentence: rules described, each a section, none a query). A
 * query under a heading of its own beside sections that state techniques (a MITRE ATT&CK table, a settings table's
 * MITRE ATT&CK row) is one query stating them there. The shallowest such level is taken. Each section of that level is
 * given, and each other part of the file that holds a query block (the lines before the first, a shallower heading's
 * own lines), which then states no technique.
 */
function querySections(read: MarkdownQuery): MarkdownQuery[] | undefined {
  const headings = read.lines.flatMap(({ text, line }) => {
    const heading = HEADING.exec(text);
    return heading ? [{ level: heading[1]!.length, text: cleanTitle(heading[2]!), line }] : [];
  });
  const end = Math.max(0, ...read.lines.map(({ line }) => line), ...read.blocks.map(({ line }) => line)) + 1;
  for (const level of new Set(headings.map((heading) => heading.level).sort((a, b) => a - b))) {
    // The file cut at each heading of this level or above: the lines before the first, then each such heading's.
    const starts: { from: number; heading?: (typeof headings)[number] }[] = [{ from: 1 }, ...headings.filter((heading) => heading.level <= level).map((heading) => ({ from: heading.line, heading }))];
    const parts = starts.map(({ from, heading }, index) => {
      const to = starts[index + 1]?.from ?? end;
      const section: MarkdownQuery = {
        ...(heading ? { title: { text: heading.text, line: heading.line } } : {}),
        blocks: read.blocks.filter(({ line }) => line >= from && line < to),
        lines: read.lines.filter(({ line }) => line >= from && line < to),
      };
      return { section, own: heading?.level === level, states: sectionRefs(section).refs.length > 0, queries: section.blocks.some(isQueryBlock) };
    });
    const own = parts.filter((part) => part.own);
    if (own.filter(({ states }) => states).length < 2) continue;
    if (parts.some((part) => !part.own && part.states)) return undefined;
    if (own.filter(({ states, queries }) => states && queries).length < 2 && own.some(({ states, queries }) => queries && !states)) return undefined;
    return parts.filter((part) => part.own || part.queries).map(({ section }) => section);
  }
  return undefined;
}

/** A heading's text without its emphasis (`# *Conditional access locations changed*`). */
function cleanTitle(text: string): string {
  return text.replace(/^[*_]+|[*_]+$/g, '').trim();
}

function markdownOutcome(read: MarkdownQuery, file: string, query: MarkdownQuery['blocks'][number] | undefined, language: QueryLanguage, named?: string): RuleOutcome {
  const name = named ?? (read.title?.text || basename(file));
  const line = read.title?.line ?? 1;
  // A template's techniques are examples to replace (NVISO's lists twelve, one a tactic each): none is covered.
  if (read.title && PLACEHOLDER_TITLE.test(read.title.text)) {
    return { ignored: { line, name, reason: `a query template (its title "${name}" is a placeholder to replace): a pattern to copy, not a detection; its techniques are examples` } };
  }
  const { refs, section, said } = sectionRefs(read);
  // HybridBrothers/Hunting-Queries-Detection-Rules writes "N/A" there for a hunting or inventory query: it states none.
  if (!refs.length && section !== undefined && said.length && said.every((text) => NONE_STATED.test(text))) {
    return { ignored: { line: section, name, reason: `its MITRE ATT&CK section says ${said.join(' ')}: a query of no ATT&CK technique` } };
  }
  if (!refs.length && section !== undefined) {
    return { invalid: { line: section, message: `${name}: its MITRE ATT&CK section states no technique ID that is read; write them as ${STATED}` } };
  }
  if (!refs.length) {
    const inSpl = language === 'spl' ? ', or in the search, | eval mitre_technique="T1003.001"' : '';
    return { ignored: { line, name, reason: `${QUERY_SAID[language]} that states no ATT&CK technique; to count it, state them as ${STATED}${inSpl}, or list it in a detections file` } };
  }
  // A section of a file of several queries (querySections) may state techniques over a command or a log excerpt only.
  if (!query) {
    return { ignored: { line, name, reason: `${NO_QUERY} (it names ${refs.map((ref) => ref.raw).join(', ')}); ${NO_QUERY_TO_DO}` } };
  }
  const levelReason = `${QUERY_SAID[language]}: no status or severity; ${NO_COVERAGE_GIVEN}`;
  // A Splunk search reads no KQL table: the data it names (its source types, its macros, its indexes) says where it
  // fires, and what it reads of mail that it sees a phishing mail's delivery, as a Splunk detection's search does.
  if (language === 'spl') {
    const platforms = splunkSearchPlatforms(query.text);
    const mailData = splunkMailData([], query.text);
    return { rule: { kind: 'splunk', name, file, line, refs, level: 1, levelReason, ...(platforms ? { platforms } : {}), ...(mailData.length ? { mailData } : {}) } };
  }
  if (language !== 'kusto' && query) {
    // An Elastic query reads Elastic's indexes, no KQL table: ES|QL names them (`FROM logs-*`), a Kibana query only the
    // datasets it keeps to (its rule's index patterns are set beside it, not written in it); with the event categories
    // it tests, they are what it states it reads, as an Elastic rule's index and query are.
    const sources = [...esqlIndexes(query.text), ...datasetsOf(query.text)];
    const categories = eventCategories(query.text);
    return {
      rule: {
        kind: 'elastic', name, file, line, refs, level: 1, levelReason,
        ...(sources.length ? { dataSources: [...new Set(sources)] } : {}),
        ...(categories.length ? { eventCategories: categories } : {}),
      },
    };
  }
  const tables = query ? kqlTableGroups(query.text) : [];
  // The block's first line is the one after its fence.
  const cut = query ? kqlQueryCut(query.text) : undefined;
  // The tables it reads say where it fires, as a Sentinel rule's do.
  const platforms = kqlQueryPlatforms(tables);
  const mailData = kqlMailData(tables, query?.text);
  return {
    rule: {
      kind: 'kql', name, file, line, refs, level: 1, levelReason,
      ...(tables.length ? { queryTables: tables } : {}),
      ...(platforms ? { platforms } : {}),
      ...(mailData.length ? { mailData } : {}),
      ...(cut && query ? { queryCut: { why: cut.why, queryLine: cut.line, line: query.line + cut.line } } : {}),
    },
  };
}
