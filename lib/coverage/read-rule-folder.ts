/**
 * A folder of detection rules as coverage: Sigma rules, Splunk Security Content detections, Microsoft Sentinel
 * analytic rules and hunting queries, Elastic detection rules, Wazuh rules, Falco rules, Google SecOps (Chronicle)
 * YARA-L rules, Panther detections and Suricata (or Snort) rules, in any mix. A `.toml` file is an Elastic rule, an
 * `.xml` file Wazuh rules, a `.rules` file Suricata rules (read-suricata.ts), a
 * `.yaral` file YARA-L, a `.py` file Panther's Python, a `savedsearches.conf` Splunk's saved searches, a `.kql` file a
 * KQL query (read-kql-file.ts) and Markdown holding one a KQL query (read-kql-markdown.ts); a YAML file is told by its fields (siemRuleFormat,
 * isPantherItem) or, for Falco, its list of rules and macros. Each is read by its format's parser: read-sigma.ts,
 * read-siem-rule.ts, read-splunk-conf.ts, read-wazuh.ts, read-falco.ts, read-chronicle.ts, read-panther.ts,
 * read-panther-python.ts.
 */
import { closeSync, existsSync, openSync, readFileSync, readlinkSync, readSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { inGivenInputs, InputError, numberedIssues, UsageError, type GivenAs } from '../errors.js';
import { decodeText, readFolder } from '../read-text.js';
import { yamlSyntaxIssues } from '../yaml-syntax-issues.js';
import { coverageInput, type CoverageIgnored, type CoverageInput, type CoverageKind, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import { looksLikeYaraL, parseYaraL } from './read-chronicle.js';
import { kqlFolderName, parseKqlFile } from './read-kql-file.js';
import { looksLikeKqlMarkdown, markdownRole, NO_QUERY, NO_QUERY_TO_DO, parseMarkdownQuery, type MarkdownRole } from './read-kql-markdown.js';
import { applyFalcoChanges, falcoHelmRulesFiles, isFalcoRuleMapping, isFalcoRules, parseFalcoRuleMapping, parseFalcoRules, type FalcoLink } from './read-falco.js';
import { isLimaCharlieConfig, isLimaCharlieRule, parseLimaCharlieConfig, parseLimaCharlieRule } from './read-limacharlie.js';
import { isPantherItem, parsePantherItem, settleScheduledQueries, type PantherQueryLink } from './read-panther.js';
import { applyPantherOverrides, pantherPythonKind, readPantherPython, type PantherModule } from './read-panther-python.js';
import { parseElasticRule, parseSiemRule, parseSplunkJsonDetection, siemRuleFormat, type SiemFormat } from './read-siem-rule.js';
import { asSplunkReads, parseSavedSearches, SAVEDSEARCHES_FILE, type ConfStanza } from './read-splunk-conf.js';
import { isSigmaDocs, isSublimeRule, parseSigmaDocs, settleCorrelations, sigmaRefKey, type SigmaLink } from './read-sigma.js';
import { looksLikeSuricataRules, parseSuricataRules } from './read-suricata.js';
import { inheritWazuhPlatforms, looksLikeWazuhRules, parseWazuhRules, type WazuhDefinition } from './read-wazuh.js';
import { RuleCache } from './rule-cache.js';
import { pantherGmailData } from './mail-delivery.js';
import { pantherPlatforms, workspaceApps } from './workspace-apps.js';
import { RULE_FOLDER_FORMATS } from './rule-formats.js';
import { type ExportTwin, exportOutcome, isSentinelRulePackage, mayBeRuleExport, mayBeSentinelRulePackage, ruleExportNotes, ruleExportOf, SENTINEL_RULE_PACKAGE_MARKS } from './rule-exports.js';
import { parseElasticExport } from './read-elastic-export.js';
import { NOT_VALID } from './yaml-source.js';
import { indentFlowContinuations, indentQuotedContinuations, jsYamlErrors, LineIndex, parseYamlDocuments, YamlSyntaxError, type YamlMap, type YamlNode } from './yaml-events.js';
import { firstElided } from '../short-list.js';
import { withFileNamed } from '../input-kind.js';

const RULE_FILE = /\.(?:ya?ml|toml|yaral|kql)$/i;
const TOML_FILE = /\.toml$/i;
const JSON_FILE = /\.json$/i;
const NDJSON_FILE = /\.ndjson$/i;
const XML_FILE = /\.xml$/i;
const YARAL_FILE = /\.yaral$/i;
const PY_FILE = /\.py$/i;
const YAML_FILE = /\.ya?ml$/i;
const SURICATA_FILE = /\.rules$/i;
const MARKDOWN_FILE = /\.(?:md|markdown)$/i;
const KQL_FILE = /\.kql$/i;

/**
 * The outcome of one rule: exactly one of rule, ignored or invalid; `notes` are problems that skip nothing. `wazuh`:
 * the id a Wazuh rule defines, whether it is written to replace the rule of that id (`overwrite="yes"`) and what it
 * follows, for the folder walk to count one definition of each id and give a rule its parents' platforms (asWazuhLoads).
 * `documents`: the files a Markdown query links to by a relative path (`../queries/x.toml`), for the walk to tell the
 * document of a rule read beside it from a rule (asRuleDocuments).
 */
export type RuleOutcome = (
  | { rule: CoverageRule }
  | { ignored: Omit<CoverageIgnored, 'file'> }
  | { invalid: Omit<CoverageProblem, 'file' | 'skipped'> }
) & { notes?: Omit<CoverageProblem, 'file' | 'skipped'>[]; wazuh?: WazuhDefinition; format?: CoverageKind; panther?: PantherModule; sigma?: SigmaLink; falco?: FalcoLink; noRule?: NoRuleKind; documents?: string[]; pantherQuery?: PantherQueryLink };

/**
 * Set on an invalid outcome whose file has none of the keys a rule of any format is written with (a Splunk story,
 * macro or lookup, a Sentinel parser, elastic/detection-rules' `hunting/index.yml` or `pyproject.toml`): the YAML or
 * TOML file of a rule repository that holds no rule, which the folder walk leaves out (withoutNonRules); and on an
 * ignored one of a rule that counts nothing by its kind (a Splunk baseline or response task, a Sublime Security rule),
 * which a folder leaves out too and a file given alone lists as ignored, and so a threat hunt's report kept as Markdown
 * (its queries pinned to one host, account or time window); and on the invalid outcome of a campaign file,
 * an adversary's doing rather than a detection, which a folder leaves out saying where it goes (--threat).
 */
export type NoRuleKind = 'yaml' | 'toml' | 'baseline' | 'response' | 'sublime' | 'campaign' | 'package' | 'hunt';

/**
 * The outcome of one file: one rule's, or for a file of several rules (Wazuh, Falco, YARA-L) one per rule in `items`,
 * each counted as an item of the input. `format`: the format the file was read in (parseRuleFile), which names an
 * input whose every rule is ignored (a folder of Elastic's deprecated rules is `elastic`).
 */
export type RuleFileOutcome =
  | RuleOutcome
  | ({ items: RuleOutcome[] } & { notes?: Omit<CoverageProblem, 'file' | 'skipped'>[]; format?: CoverageKind; panther?: PantherModule; splunkConf?: ConfStanza[] });

/**
 * Read every *.yml, *.yaml, *.toml, *.yaral and *.kql file under a folder (or one file) as detection rules, and every file
 * without an extension that has a rule's top-level keys or is YARA-L (looksLikeRule), every *.json file that is a
 * Splunk detection of 2017-2019 (looksLikeSplunkJson), every *.xml file that holds Wazuh rules and every *.py file of
 * Panther's (looksLikePantherPython) that no Panther YAML beside it names as its `Filename`. Every rule ends as a
 * rule, ignored (with a reason) or a problem; a file of several rules (Wazuh, Falco) counts each. The walk never stops
 * at a bad file. Folders whose name starts with `.` are skipped; the rules of a folder named `deprecated` or
 * `_deprecated` below `dir`, `removed`, `unsupported` or `archive` (RETIRED_FOLDERS), of a tool's test data
 * (TEST_DATA_FOLDERS, `tests/data/`) and of SigmaHQ's `other/` are ignored, saying so in one note per folder.
 * With `cacheDir`, what each file gave is kept there (RuleCache) and only new or changed files are parsed again.
 * The input's kind is its rules' format when they share one, else `rules`; when it read none, the format its files
 * were read in (every rule of Elastic's rules/_deprecated/ is ignored: `elastic`), and when every file is invalid,
 * `panther` for a folder of Panther Python files only, else `sigma`.
 * Its notes and problems name what to give where as a program gives it (`readCoverageInputs`), or as `givenAs` words it
 * (the CLI's `--coverage`: see `inGivenInputs`).
 * @throws UsageError when the path does not exist, or is a folder that holds no file (a wrong path, most likely).
 */
export function readRuleFolder(dir: string, options: { cacheDir?: string; givenAs?: GivenAs } = {}): CoverageInput {
  const markdownLeft: MarkdownLeft[] = [];
  const files = listRuleFiles(dir, markdownLeft);
  // A folder with no file at all is a wrong path (a typo, a checkout not made yet) far more often than a review meant
  // to count nothing, which a detections file listing none gives.
  if (!files.length && statSync(dir).isDirectory() && !filesByExtension(dir).size) {
    throw new UsageError(
      `${dir}: the folder holds no file${readFolder(dir).some((entry) => entry.name.startsWith('.')) ? ' but hidden ones' : ''}, so no rule to count; ` +
        'give the folder (or file) of the rules to review, or, for a review where every threat technique is a gap, a detections file that lists none (detections: [])',
      { file: dir },
    );
  }
  const cache = options.cacheDir ? new RuleCache(options.cacheDir, dir) : undefined;
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  let items = 0;
  const parsed = files.map((file) => {
    const outcome = withPantherBody(file, cache ? cache.outcome(file, () => readRuleFile(file)) : readRuleFile(file));
    const retired = retiredFolder(dir, file);
    // The pypanther modules of a retired folder are not deployed: their overrides change nothing.
    return { file, outcome, retired, panther: retired ? undefined : outcome.panther };
  });
  cache?.save();
  const { kept, skipped } = withoutNonRules(dir, files, parsed);
  const read = applyPantherOverrides(kept, (file) => relative(dir, file) || basename(file)).map(({ file, outcome, retired }) => ({
    file,
    outcome: retired ? retire(outcome, `under ${retired.folder}: ${retired.why}, not deployed`) : outcome,
  }));
  const strays = withoutSentinelStrays(dir, asRuleDocuments(dir, kqlNamedByFolder(read)));
  for (const { file, outcome } of applyFalcoChanges(asWazuhLoads(asSplunkReads(settleScheduledQueries(settleCorrelations(oneSigmaRulePerId(strays.read))))))) {
    items += 'items' in outcome ? outcome.items.length : 1;
    addOutcome({ rules, ignored, problems }, file, outcome);
  }
  const kinds = new Set(rules.map((rule) => rule.kind));
  // With no rule read, the formats the files were read in say what was read (a folder of Elastic's deprecated rules is
  // elastic); with none read in any (every file invalid), Python files are Panther's (the walk takes no other), .kql
  // files and Markdown queries KQL queries (a Markdown file the walk takes is a query: looksLikeKqlMarkdown), else Sigma;
  // a folder with no rule file at all, or whose every file is left out (NoRuleKind), is of no format, and is named as rules.
  const formats = new Set(read.flatMap(({ outcome }) => (outcome.format && !('invalid' in outcome) ? [outcome.format] : [])));
  const unread: CoverageKind =
    formats.size > 1 || !read.length
      ? 'rules'
      : ([...formats][0] ?? (files.every((file) => PY_FILE.test(file)) ? 'panther' : files.every((file) => KQL_FILE.test(file) || MARKDOWN_FILE.test(file)) ? 'kql' : 'sigma'));
  const kind: CoverageKind = kinds.size > 1 ? 'rules' : ([...kinds][0] ?? unread);
  // Said after the cache, which keeps each file's words whoever asked.
  const said = (message: string): string => inGivenInputs(message, options.givenAs);
  const input = coverageInput(kind, dir, files.length - skipped.length, items, { rules, ignored, problems: problems.map((problem) => ({ ...problem, message: said(problem.message) })) });
  const notes = [...retiredNotes(dir, kept), ...nonRuleNotes(dir, skipped), ...ruleExportNotes(dir, kept, strays.twins), ...(files.length ? [] : unreadFilesNote(dir)), ...unreadMarkdownNote(dir, markdownLeft, files, rules, new Set(skipped.map(({ file }) => file)))].map(said);
  return notes.length ? { ...input, notes } : input;
}

/**
 * A folder's Markdown files not read as queries, in notes. Those that state ATT&CK techniques over no query
 * (statesTechniquesWithoutQuery: an incident write-up, a tool's notes, a lab's README) are named in a note of their own
 * in any folder, as a reader would take them for detections. In a folder of KQL queries kept as Markdown, the others
 * are named in one note: a query written without a ```kql block or a MITRE ATT&CK heading or label (an older file of
 * Bert-JanP's, its query in an untagged block) is named there with the READMEs beside it, rather than dropped without a
 * word; a folder of no Markdown query (SigmaHQ's, with its READMEs, or one of threat hunts' reports, left out) gets none. The queries are named as those read are:
 * Elastic's (ES|QL, Kibana's) or Splunk's (SPL) where no KQL query is read from Markdown but one of those is
 * (dhyey03/elastic-detection-rules).
 */
function unreadMarkdownNote(dir: string, markdownLeft: readonly MarkdownLeft[], files: readonly string[], rules: readonly CoverageRule[], leftOut: ReadonlySet<string>): string[] {
  const unread: string[] = [];
  const writeUps: string[] = [];
  for (const { path, role } of markdownLeft) (role === 'write-up' ? writeUps : unread).push(relative(dir, path).split(sep).join('/'));
  const some = (count: number, one: string, many: string): string => (count === 1 ? `1 Markdown file ${one}` : `${count} Markdown files ${many}`);
  const notes = writeUps.length ? [`${dir}: ${some(writeUps.length, 'states', 'state')} ATT&CK techniques over no query (${firstElided(writeUps)}): ${NO_QUERY}; ${NO_QUERY_TO_DO}`] : [];
  // Markdown left out (a threat hunt's report) is no query read: beside it, a README is not named.
  if (!unread.length || !files.some((file) => MARKDOWN_FILE.test(file) && !leftOut.has(file))) return notes;
  const kinds = new Set(rules.filter((rule) => MARKDOWN_FILE.test(rule.file)).map((rule) => rule.kind));
  const said: Partial<Record<CoverageKind, string>> = { elastic: 'an ES|QL or Kibana query', splunk: 'an SPL query' };
  const query = kinds.has('kql') || !kinds.size ? 'a KQL query' : [...kinds].sort().map((kind) => said[kind]).join(' or ');
  return [
    ...notes,
    `${dir}: ${some(unread.length, 'is', 'are')} not read as ${query} (${firstElided(unread)}): a query kept as Markdown needs a \`\`\`kql block, or a code block and its techniques under a MITRE ATT&CK heading or after a MITRE ATT&CK label (**MITRE ATT&CK:** T1003.001, | MITRE ATT&CK | T1003.001 |)`,
  ];
}

// How many file extensions a note on a folder of no rule file names.
const NAMED_EXTENSIONS = 5;

/**
 * What a folder holds when none of its files is in a format read here, by extension, the most first, or nothing when
 * it holds no file: Markdown that holds no query, or Velociraptor artifacts name their techniques in no rule format,
 * and `it has no rule files` alone does not say that the folder was walked and why nothing of it counts.
 */
function unreadFilesNote(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [];
  const byExtension = filesByExtension(dir);
  const total = [...byExtension.values()].reduce((sum, count) => sum + count, 0);
  if (!total) return [];
  const ranked = [...byExtension].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const named = ranked.slice(0, NAMED_EXTENSIONS).map(([extension, count]) => `${count} ${extension}`).join(', ') + (ranked.length > NAMED_EXTENSIONS ? ', …' : '');
  const which = total === 1 ? `its one file (${ranked[0]![0]}) is no rule` : `none of its ${total} files (${named}) is a rule`;
  return [
    `${dir}: ${which} of a format read here (${RULE_FOLDER_FORMATS}); ` +
      'files of other kinds, such as Markdown without a ```kql block or a MITRE ATT&CK heading or label, are not read, whatever techniques they name: list the techniques they detect in a detections file (docs/gap.md) to count them',
  ];
}

/** How many files a folder holds under it, by extension (`.md`, or `without an extension`), hidden files and folders aside. */
function filesByExtension(dir: string): Map<string, number> {
  const byExtension = new Map<string, number>();
  const visit = (folder: string): void => {
    for (const entry of readFolder(folder)) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() || isLinkToFile(path)) {
        const extension = extname(entry.name).toLowerCase() || 'without an extension';
        byExtension.set(extension, (byExtension.get(extension) ?? 0) + 1);
      }
    }
  };
  visit(dir);
  return byExtension;
}

/**
 * One note per folder of retired rules a folder holds (retiredFolder): how many of its rules are left out and why,
 * whatever each was ignored for, since a rule there may also say it of itself (`status: deprecated`) and be listed so.
 */
function retiredNotes(dir: string, read: readonly { outcome: RuleFileOutcome; retired: RetiredFolder | undefined }[]): string[] {
  const found = new Map<string, { why: string; testData: boolean; items: number }>();
  for (const { outcome, retired } of read) {
    if (!retired) continue;
    // Rules only: a Falco file of macros and lists, one item ignored, names no rule.
    const isRule = (item: RuleOutcome): boolean => 'rule' in item || ('ignored' in item && item.ignored.name !== undefined);
    const items = ('items' in outcome ? outcome.items : [outcome]).filter(isRule).length;
    const known = found.get(retired.folder) ?? { why: retired.why, testData: retired.testData, items: 0 };
    found.set(retired.folder, { ...known, items: known.items + items });
  }
  // A folder of test data that holds no rule (falcosecurity/rules' build/registry/testdata/, macros only) leaves none out.
  return [...found]
    .filter(([, { testData, items }]) => items > 0 || !testData)
    .map(([folder, { why, testData, items }]) => {
      const count = `${dir}: under ${folder}: ${items === 1 ? '1 rule' : `${items} rules`} ignored, ${why}, not deployed`;
      return testData ? `${count}; to count ${items === 1 ? 'it' : 'them'}, give ${join(dir, folder)} itself as --coverage` : count;
    });
}

/**
 * A folder's parsed files without those that hold no rule of any format (NoRuleKind): a rule repository checked out
 * whole keeps stories, macros, lookups, parsers, indexes and configuration in YAML or TOML beside its rules (Splunk's
 * security_content has some 2 000 such files), none of them a rule, so none is an item of the input; they are named
 * in one note per kind (nonRuleNotes). One file given alone is read as it is: a file that is no rule stays invalid.
 */
function withoutNonRules<T extends { file: string; outcome: RuleFileOutcome }>(dir: string, files: readonly string[], parsed: readonly T[]): { kept: T[]; skipped: { file: string; kind: NoRuleKind }[] } {
  if (files.length === 1 && files[0] === dir) return { kept: [...parsed], skipped: [] };
  const kept: T[] = [];
  const skipped: { file: string; kind: NoRuleKind }[] = [];
  for (const entry of parsed) {
    if ('noRule' in entry.outcome && entry.outcome.noRule) skipped.push({ file: entry.file, kind: entry.outcome.noRule });
    else kept.push(entry);
  }
  return { kept, skipped };
}

// How many folders a note on files that hold no rule names, and how many of their files.
const NAMED_FOLDERS = 6;

/**
 * One note per kind of file (YAML, TOML) that holds no rule, left out of a folder: how many, in which folders (the
 * first below the folder read, with counts, the most first), the first file, and what a rule needs to be read.
 */
function nonRuleNotes(dir: string, skipped: readonly { file: string; kind: NoRuleKind }[]): string[] {
  const needs: Record<NoRuleKind, string> = {
    yaml: 'a rule needs its format\'s keys: Sigma "title", "logsource" and "detection", Splunk "name" and "search", Sentinel "name" and "query"',
    toml: 'an Elastic rule needs a [rule] table, a hunting query a [hunt] table',
    baseline: 'a baseline builds a lookup or a model that detections read and detects nothing by itself (type Baseline; an earlier one no type or batch, naming the detections it feeds under tags.detections or kept in baselines/)',
    sublime: 'its tactics_and_techniques and attack_types are Sublime\'s own names ("Scripting", "Social engineering"), not ATT&CK techniques, so such a rule says no technique it detects; list the techniques they detect in a detections file (name, techniques)',
    campaign: 'a campaign file lists what an adversary does, not what you detect: give it (or its folder) to --threat',
    package: 'its analytic rules are templates of the YAML rules beside it, read there; a workspace runs only the rules made from them',
    response: 'a response task is a search an analyst runs on an entity of a notable during a response and detects nothing by itself, whatever techniques it lists (type Investigation or response; an earlier one no type, taking inputs or kept in response_tasks/, responses/ or investigations/)',
    hunt: 'their queries are pinned to one host, account or time window (DeviceName == "…", datetime(2025-…)), run once to investigate, not detections that run, whatever techniques they map; to count what they detect, write each query as a detection (no host, account or date pinned) in a query file of its own, or list its techniques in a detections file',
  };
  return (['campaign', 'yaml', 'toml', 'baseline', 'response', 'sublime', 'package', 'hunt'] as const).flatMap((kind) => {
    const of = skipped.filter((entry) => entry.kind === kind).map((entry) => relative(dir, entry.file).split(sep).join('/'));
    if (!of.length) return [];
    const folders = new Map<string, number>();
    for (const path of of) {
      const top = path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/` : './';
      folders.set(top, (folders.get(top) ?? 0) + 1);
    }
    const ranked = [...folders].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const named = ranked.slice(0, NAMED_FOLDERS).map(([folder, count]) => `${folder} ${count}`).join(', ') + (ranked.length > NAMED_FOLDERS ? ', …' : '');
    if (kind === 'baseline' || kind === 'response') {
      const noun = kind === 'baseline' ? 'baseline' : 'response task';
      const what = of.length === 1 ? `1 Splunk ${noun} is` : `${of.length} Splunk ${noun}s are`;
      return [`${dir}: ${what} left out (${named}; first ${of[0]}): ${needs[kind]}`];
    }
    if (kind === 'package') return [`${dir}: ${of.length === 1 ? '1 Sentinel Content Hub package is' : `${of.length} Sentinel Content Hub packages are`} left out (${named}; first ${of[0]}): ${needs[kind]}`];
    if (kind === 'hunt') return [`${dir}: ${of.length === 1 ? "1 Markdown file is a threat hunt's report" : `${of.length} Markdown files are threat hunts' reports`}, left out (${named}; first ${of[0]}): ${needs[kind]}`];
    if (kind === 'campaign') return [`${dir}: ${of.length === 1 ? '1 campaign file is' : `${of.length} campaign files are`} left out (${named}; first ${of[0]}): ${needs[kind]}`];
    if (kind === 'sublime') {
      const what = of.length === 1 ? '1 Sublime Security rule is' : `${of.length} Sublime Security rules are`;
      return [`${dir}: ${what} left out (${named}; first ${of[0]}): ${needs[kind]}`];
    }
    const [files, verbs] = of.length === 1 ? ['1 file', 'holds no rule of any format read and is'] : [`${of.length} files`, 'hold no rule of any format read and are'];
    return [`${dir}: ${files} of ${kind === 'yaml' ? 'YAML' : 'TOML'} ${verbs} left out (${named}; first ${of[0]}): ${needs[kind]}`];
  });
}

// Folders where rule repositories keep rules no one deploys, and why: chronicle/detection-rules' and
// elastic/detection-rules' rules/_deprecated/, SigmaHQ's deprecated/ ("rules that have been marked as deprecated") and
// security_content's deprecated/; security_content's removed/ (its removed detections, baselines and stories, each
// detection `status: removed` with `deprecation_info.removed_in_version`); SigmaHQ's unsupported/ (rules of
// `status: unsupported`, which the Sigma specification says "can not be used in its current state"); falcosecurity/rules'
// archive/ (its README: "no longer maintained", "not recommended for use in production environments").
// A name is compared trimmed: elastic/detection-rules kept one retired rule in `rules/_deprecated /` (a trailing space).
const RETIRED_FOLDERS: readonly (readonly [RegExp, string])[] = [
  [/^_?deprecated$/i, 'a folder of deprecated rules'],
  [/^removed$/i, 'a folder of removed rules'],
  [/^unsupported$/i, 'a folder of rules that cannot be used as they are (unsupported)'],
  [/^archived?$/i, 'a folder of archived rules'],
];

// Folders of a tool's test data, whose rules are inputs of its tests, not detections anyone deploys:
// chronicle/detection-rules' tools/content_manager/content_manager/test_data/rules/ (rule_1.yaral, read by the content
// manager's tests), elastic/detection-rules' tests/data/ ("Sample ES|QL rule for unit tests"), falcosecurity/rules'
// build/registry/testdata/; Go's testdata and pytest's and Jest's fixtures. A team's own tests/ folder may hold real
// rules it tests, so tests/ or test/ alone is read; only data/ directly inside one is test data.
const TEST_DATA_FOLDERS: readonly RegExp[] = [/^test_?data$/i, /^fixtures$/i];
const TEST_FOLDER = /^tests?$/i;

// SigmaHQ's README names the repository's three types of rules, in rules/, rules-threat-hunting/ and
// rules-emerging-threats/; beside them other/ holds its ATT&CK Navigator coverage layer, a tool and
// godmode_sigma_rule.yml, a "PoC rule" of one rule to find them all. other/ is read as no rule folder only beside one of
// those two folders, which only SigmaHQ's layout has.
const SIGMAHQ_OTHER = /^other$/i;
const SIGMAHQ_RULE_FOLDERS = ['rules-threat-hunting', 'rules-emerging-threats'];

/**
 * A folder below the one read whose rules are not deployed, as `rules/_deprecated/` or a tool's `test_data/`, and why;
 * `testData` when the rules are a tool's test data or proof of concept, which the folder given itself counts.
 */
interface RetiredFolder {
  folder: string;
  why: string;
  testData: boolean;
}

/** The folder of undeployed rules (RETIRED_FOLDERS, test data, SigmaHQ's other/) a file is in below `dir`, the outermost; undefined when none. */
function retiredFolder(dir: string, file: string): RetiredFolder | undefined {
  const folders = relative(dir, file).split(sep).slice(0, -1);
  for (const [at, raw] of folders.entries()) {
    const name = raw.trim();
    const folder = `${folders.slice(0, at + 1).join('/')}/`;
    const why = RETIRED_FOLDERS.find(([pattern]) => pattern.test(name))?.[1];
    if (why) return { folder, why, testData: false };
    if (TEST_DATA_FOLDERS.some((pattern) => pattern.test(name)) || (/^data$/i.test(name) && at > 0 && TEST_FOLDER.test(folders[at - 1]?.trim() ?? ''))) {
      return { folder, why: 'a folder of a tool\'s test data', testData: true };
    }
    const parent = join(dir, ...folders.slice(0, at));
    if (SIGMAHQ_OTHER.test(name) && SIGMAHQ_RULE_FOLDERS.some((sibling) => existsSync(join(parent, sibling)))) {
      return { folder, why: 'SigmaHQ\'s folder of files other than its three types of rules (a proof-of-concept rule)', testData: true };
    }
  }
  return undefined;
}

/** A file's outcome whose rules are ignored for `reason`, without notes; what was ignored for a reason of its own, or is invalid, stays so. */
function retire(outcome: RuleFileOutcome, reason: string): RuleFileOutcome {
  // How a retired rule is read (a reference that names a technique, an unknown severity) concerns no rule that counts:
  // its notes go, and the folder's one note says why its rules are left out (retiredNotes).
  if ('items' in outcome) {
    const { notes: _notes, ...file } = outcome;
    return { ...file, items: outcome.items.map((item) => retireRule(item, reason)) };
  }
  const retired = retireRule(outcome, reason);
  return outcome.format ? { ...retired, format: outcome.format } : retired;
}

function retireRule(outcome: RuleOutcome, reason: string): RuleOutcome {
  // A retired Falco item changes no rule of the folder, and a retired definition is changed by none.
  const { falco: _falco, notes: _notes, ...rest } = outcome;
  return 'rule' in rest ? ignoredFor(rest, reason) : rest;
}

/** A rule's (or an ignored rule's) outcome, ignored for `reason`; an invalid one stays so. */
function ignoredFor(outcome: RuleOutcome, reason: string): RuleOutcome {
  if ('invalid' in outcome) return outcome;
  const { line, name } = 'rule' in outcome ? outcome.rule : outcome.ignored;
  const { notes, wazuh } = outcome;
  return { ignored: { ...(line !== undefined ? { line } : {}), ...(name !== undefined ? { name } : {}), reason }, ...(notes ? { notes } : {}), ...(wazuh ? { wazuh } : {}) };
}

/** A file of a folder and what reading it gave. */
interface FileOutcome {
  file: string;
  outcome: RuleFileOutcome;
}

/**
 * A folder's outcomes where a Sentinel rule read from a file without an extension whose `id` a Sentinel rule of a
 * `.yaml` file of the folder also has is ignored as a stray copy, naming that file. Azure-Sentinel keeps such a copy
 * beside its rule (Solutions/Okta Single Sign-On/Analytic Rules/User Session Impersonation(Okta) and
 * `User Session Impersonation(Okta).yaml`, both id 35846296-…); its tooling reads `*.yaml` files only
 * (.script/tests/detectionTemplateSchemaValidation: "All the files in detections folder are supposed to end with
 * .yaml") and allows one template per id ("There should not be 2 templates with the same ID"). A file without an
 * extension whose id no other rule has is read, with its note.
 *
 * Likewise a rule of a Sentinel export (`.json`, rule-exports.ts) named as a Sentinel rule of a YAML file in its own
 * folder is that rule deployed, ignored naming the YAML: tim-detections/sentinel-detections keeps
 * rules/identity/mfa-fatigue/entraid_mfa_fatigue_correlation_v1.json, the ARM template of the rule of the `.yaml` beside
 * it (its displayName the YAML's name, its resource name another GUID than the YAML's id). Each such rule is one of the
 * `twins`, for the folder's note on its exports (ruleExportNotes).
 */
function withoutSentinelStrays<T extends FileOutcome>(dir: string, read: readonly T[]): { read: readonly T[]; twins: ExportTwin[] } {
  const sentinelId = (outcome: RuleFileOutcome): string | undefined =>
    'rule' in outcome && outcome.rule.kind === 'sentinel' ? outcome.rule.id?.trim().toLowerCase() || undefined : undefined;
  const named = new Map<string, string>();
  // A YAML rule's folder and name: what an export of it beside it is named.
  const byName = new Map<string, string>();
  const nameKey = (file: string, name: string): string => JSON.stringify([dirname(file), name.trim().toLowerCase()]);
  for (const { file, outcome } of read) {
    const id = sentinelId(outcome);
    if (id && extname(file) !== '' && !named.has(id)) named.set(id, file);
    if ('rule' in outcome && outcome.rule.kind === 'sentinel' && YAML_FILE.test(file) && !byName.has(nameKey(file, outcome.rule.name))) byName.set(nameKey(file, outcome.rule.name), file);
  }
  const twins: ExportTwin[] = [];
  const exported = (file: string, item: RuleOutcome): RuleOutcome => {
    const kept = 'rule' in item && item.rule.kind === 'sentinel' ? byName.get(nameKey(file, item.rule.name)) : undefined;
    if (!kept) return item;
    const where = relative(dir, kept).split(sep).join('/') || basename(kept);
    twins.push({ file, yaml: where });
    return ignoredFor(item, `the Sentinel rule of ${where} again, as its export beside it (named alike): one rule kept in two forms is one detection, counted there; if it is another rule, give its displayName a name of its own`);
  };
  const settled = read.map((entry) => {
    if (JSON_FILE.test(entry.file) && 'items' in entry.outcome && entry.outcome.format === 'sentinel' && byName.size) {
      return { ...entry, outcome: { ...entry.outcome, items: entry.outcome.items.map((item) => exported(entry.file, item)) } };
    }
    const id = extname(entry.file) === '' ? sentinelId(entry.outcome) : undefined;
    const kept = id ? named.get(id) : undefined;
    if (!kept || !('rule' in entry.outcome)) return entry;
    const { notes: _notes, ...rule } = entry.outcome;
    const where = relative(dir, kept).split(sep).join('/') || basename(kept);
    const reason = `a copy, in a file without an extension, of the Sentinel rule of ${where} (id ${entry.outcome.rule.id}): Azure-Sentinel reads *.yaml files only, one template per id`;
    const ignored = ignoredFor(rule, reason);
    return { ...entry, outcome: entry.outcome.format ? { ...ignored, format: entry.outcome.format } : ignored };
  });
  return { read: settled, twins };
}

/**
 * The Markdown queries that are the document of a rule file read beside them, ignored saying so: a Markdown file that
 * links to a rule file of the folder of its own name, as elastic/detection-rules generates one for each hunting query
 * (hunting/README.md: "Each hunt has a designated TOML and Markdown file"; hunting/aws/docs/<name>.md, its "**Source
 * File:** [<name>](../queries/<name>.toml)"), is that rule again: one hunt kept in two forms is one, counted as its rule
 * file reads it (an Elastic hunting query weighs 0.25, its document read as a query 1). A link to a file of another
 * name (a related rule) names no twin.
 */
function asRuleDocuments<T extends FileOutcome>(dir: string, read: readonly T[]): readonly T[] {
  const files = new Set(read.filter(({ file }) => !MARKDOWN_FILE.test(file)).map(({ file }) => file));
  const stem = (file: string): string => basename(file, extname(file)).toLowerCase();
  return read.map((entry) => {
    const { file, outcome } = entry;
    if (!MARKDOWN_FILE.test(file) || !('rule' in outcome) || !outcome.documents) return entry;
    const source = outcome.documents.map((target) => join(dirname(file), target)).find((target) => files.has(target) && stem(target) === stem(file));
    if (!source) return entry;
    const where = relative(dir, source).split(sep).join('/') || basename(source);
    const { documents: _documents, format, ...rule } = outcome;
    const ignored = ignoredFor(rule, `the document of ${where}, the rule it links to beside it (named alike): one rule kept in two forms is one detection, counted there`);
    return { ...entry, outcome: format ? { ...ignored, format } : ignored };
  });
}

/**
 * A folder's outcomes with each KQL query named by its file's name alone (no name comment) named by its folder instead
 * when that file's name says nothing (kqlFolderName): a generic word, or the name of another file of the input
 * (compared case aside), as one folder per detection keeps `rule.kql` in each.
 */
function kqlNamedByFolder<T extends FileOutcome>(read: readonly T[]): readonly T[] {
  const counts = new Map<string, number>();
  for (const { file } of read) counts.set(basename(file).toLowerCase(), (counts.get(basename(file).toLowerCase()) ?? 0) + 1);
  return read.map((entry) => {
    const { file, outcome } = entry;
    // The queries of .kql files and Markdown, whatever their language, are named by their files.
    if (!KQL_FILE.test(file) && !MARKDOWN_FILE.test(file)) return entry;
    const folder = kqlFolderName(file, (counts.get(basename(file).toLowerCase()) ?? 0) > 1);
    if (!folder) return entry;
    if ('rule' in outcome && outcome.rule.name === basename(file)) return { ...entry, outcome: { ...outcome, rule: { ...outcome.rule, name: folder } } };
    if ('ignored' in outcome && outcome.ignored.name === basename(file)) return { ...entry, outcome: { ...outcome, ignored: { ...outcome.ignored, name: folder } } };
    return entry;
  });
}

/**
 * A folder's outcomes with one Sigma rule (detection or correlation) per `id`. A Sigma `id` names one rule wherever it
 * is kept (the specification's globally unique identifier; SigmaHQ's own tests refuse a second rule of an id): a rule
 * copied into two folders, or kept twice in one file, is one detection. The first definition the walk reads (depth
 * first, names by code point: listRuleFiles; documents in file order) counts, and correlation rules that name the id
 * take that one; each later definition is ignored, naming where the counted one is, and keeps no Sigma link (nothing
 * is taken from it). pySigma differs, as the message says: its SigmaCollection keeps every rule and maps an id to the
 * last rule it loads with it (ids_to_rules), without an error, so it converts each copy and a correlation takes the last. Only rules that count are compared: a copy ignored for a reason of its own (under deprecated/,
 * a deprecated status) is left as it is, and does not hide a live copy read after it.
 */
function oneSigmaRulePerId<T extends FileOutcome>(read: readonly T[]): readonly T[] {
  const first = new Map<string, string>();
  const copies = new Map<RuleOutcome, string>();
  for (const { file, outcome } of read) {
    for (const item of 'items' in outcome ? outcome.items : [outcome]) {
      // A correlation rule without technique tags of its own is ignored until settleCorrelations gives it those of its rules.
      const rule = 'rule' in item ? item.rule : item.sigma?.correlation?.draft;
      if (!item.sigma || !rule?.id) continue;
      const id = rule.id.trim();
      const place = `${file}${rule.line !== undefined ? `:${rule.line}` : ''}`;
      // One UUID however written (AB1ACCC0-… is ab1accc0-…), as pySigma keys rules by uuid.UUID.
      const counted = first.get(sigmaRefKey(id));
      if (counted === undefined) first.set(sigmaRefKey(id), place);
      else copies.set(item, `Sigma rule id ${id} again, first read at ${counted}, which counts for both: one rule kept in two places is one detection (files are read depth first, names by code point; pySigma raises no error but converts both, and gives a correlation naming the id the last it loads); give this rule an id of its own if it is another rule`);
    }
  }
  if (!copies.size) return read;
  const replace = (item: RuleOutcome): RuleOutcome => {
    const reason = copies.get(item);
    return reason === undefined ? item : ignoredFor(item, reason);
  };
  return read.map((entry) => ({ ...entry, outcome: 'items' in entry.outcome ? { ...entry.outcome, items: entry.outcome.items.map(replace) } : replace(entry.outcome) }));
}

/**
 * A folder's outcomes as Wazuh loads its rules: each Wazuh rule that another definition of its id replaces ignored,
 * saying by which, and each rule that says no platform given those of the rules it follows (inheritWazuhPlatforms).
 * Wazuh loads a rule written with `overwrite="yes"` in place of the rule of its id, and only after that rule (before
 * it, it stops: "Overwrite rule not found"), so the last such definition is the one it runs, whatever order the files
 * are walked in here; without one, it refuses a second definition ("Duplicate rule ID"), and the last is counted.
 */
function asWazuhLoads(read: readonly FileOutcome[]): readonly FileOutcome[] {
  const definitions = new Map<string, { file: string; outcome: RuleOutcome }[]>();
  for (const { file, outcome } of read) {
    for (const item of 'items' in outcome ? outcome.items : [outcome]) {
      if (item.wazuh && !('invalid' in item)) definitions.set(item.wazuh.id, [...(definitions.get(item.wazuh.id) ?? []), { file, outcome: item }]);
    }
  }
  const replaced = new Map<RuleOutcome, string>();
  const loaded: WazuhDefinition[] = [];
  for (const [id, all] of definitions) {
    const kept = all.findLast((definition) => definition.outcome.wazuh?.overwrite) ?? all[all.length - 1]!;
    loaded.push(kept.outcome.wazuh!);
    const line = 'rule' in kept.outcome ? kept.outcome.rule.line : 'ignored' in kept.outcome ? kept.outcome.ignored.line : undefined;
    const place = `${kept.file}${line !== undefined ? `:${line}` : ''}`;
    const reason = kept.outcome.wazuh?.overwrite
      ? `replaced by rule ${id} at ${place}, written with overwrite="yes", which Wazuh loads in its place`
      : `rule ${id} is defined again at ${place} without overwrite="yes", which Wazuh refuses ("Duplicate rule ID"); the last definition is counted`;
    for (const definition of all) if (definition !== kept) replaced.set(definition.outcome, reason);
  }
  const inherited = inheritWazuhPlatforms(loaded);
  if (!replaced.size && !inherited.size) return read;
  const replace = (item: RuleOutcome): RuleOutcome => {
    const reason = replaced.get(item);
    if (reason !== undefined) return ignoredFor(item, reason);
    const platforms = 'rule' in item && item.wazuh ? inherited.get(item.wazuh.id) : undefined;
    return platforms && 'rule' in item ? { ...item, rule: { ...item.rule, platforms } } : item;
  };
  return read.map(({ file, outcome }) => ({ file, outcome: 'items' in outcome ? { ...outcome, items: outcome.items.map(replace) } : replace(outcome) }));
}

/** Put a file's outcome into an input's lists: each rule, why it was ignored, or why it is invalid, and its notes. */
export function addOutcome(
  lists: { rules: CoverageRule[]; ignored: CoverageIgnored[]; problems: CoverageProblem[] },
  file: string,
  outcome: RuleFileOutcome,
): void {
  if ('items' in outcome) {
    for (const note of outcome.notes ?? []) lists.problems.push({ file, ...note, skipped: false });
    for (const item of outcome.items) addOutcome(lists, file, item);
    return;
  }
  if ('rule' in outcome) lists.rules.push(outcome.rule);
  else if ('ignored' in outcome) lists.ignored.push({ file, ...outcome.ignored });
  else lists.problems.push({ file, ...outcome.invalid, message: withFileNamed(outcome.invalid.message, file), skipped: true });
  for (const note of outcome.notes ?? []) lists.problems.push({ file, ...note, skipped: false });
}

/** Read and parse one rule file, keeping the format it was read in (`format`); a file that cannot be read or is not text is invalid. */
function readRuleFile(file: string): RuleFileOutcome {
  try {
    const text = decodeText(readFileSync(file), file);
    const read = parseRuleText(text, file);
    const formatted: RuleFileOutcome = read.format && !('invalid' in read.outcome) ? { ...read.outcome, format: read.format } : read.outcome;
    const outcome: RuleFileOutcome = read.panther ? { ...formatted, panther: read.panther } : formatted;
    if (extname(file) !== '') return outcome;
    const as = looksLikeYaraL(text) ? 'a YARA-L rule (name it .yaral)' : 'a YAML rule (name it .yml)';
    return { ...outcome, notes: [{ line: 1, message: `the file name has no extension; read as ${as}` }, ...(outcome.notes ?? [])] };
  } catch (error) {
    const reason = error instanceof InputError ? error.message.replace(`${file}: `, '') : unreadableRuleFile(file, error);
    return { invalid: { message: reason } };
  }
}

/** Why a rule file of a folder cannot be read, and what to do: the rest of the folder is read. */
function unreadableRuleFile(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const target = code === 'ENOENT' ? linkTarget(file) : undefined;
  if (target !== undefined) return `a link to ${target}, which does not exist; mend the link or remove it`;
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read it (permission denied); make it readable for you (chmod), or move it out of the rules folder';
  return `cannot read it (${code ?? String(error)}); move it out of the rules folder, or give a copy you may read`;
}

function linkTarget(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Read the text of one rule file (pure): a rule, a reason to ignore it, or why it is not a rule, or one of those per
 * rule of a file of several. A file with the fields of a Splunk detection or a Sentinel rule (siemRuleFormat) or a
 * Panther item (`AnalysisType`) is read as one, a YAML list of Falco rules and macros as Falco rules, any other YAML
 * file as Sigma; a `.toml` file as an Elastic rule, an `.xml` file as Wazuh rules, a `.yaral` file (or a file without
 * an extension that is YARA-L) as YARA-L rules.
 */
export function parseRuleFile(source: string, file: string): RuleFileOutcome {
  return withoutLinks(settleScheduledQueries(settleCorrelations(oneSigmaRulePerId([{ file, outcome: parseRuleText(source, file).outcome }])))[0]!.outcome);
}

/**
 * An outcome without the links the folder walk settles across files with (Sigma correlations: settleCorrelations; Falco
 * changes: applyFalcoChanges): no part of the result.
 */
function withoutLinks(outcome: RuleFileOutcome): RuleFileOutcome {
  if ('items' in outcome) return { ...outcome, items: outcome.items.map((item) => withoutLinks(item) as RuleOutcome) };
  const { sigma: _sigma, falco: _falco, documents: _documents, pantherQuery: _pantherQuery, ...rest } = outcome;
  return rest;
}

/**
 * `parseRuleFile`'s outcome, with the format the file was read in (undefined for a YAML file of no rule format), for
 * `readRuleFile` to keep with it.
 */
function parseRuleText(source: string, file: string): { outcome: RuleFileOutcome; format?: CoverageKind; panther?: PantherModule } {
  if (TOML_FILE.test(file)) return { outcome: parseElasticRule(source, file), format: 'elastic' };
  if (NDJSON_FILE.test(file)) return { outcome: exportOutcome(parseElasticExport(source, file), 'elastic'), format: 'elastic' };
  if (SAVEDSEARCHES_FILE.test(file)) return { outcome: parseSavedSearches(source, file), format: 'splunk' };
  const exported = JSON_FILE.test(file) ? ruleExportOf(source, file) : undefined;
  if (exported && 'leftOut' in exported) return { outcome: { invalid: { line: 1, message: exported.leftOut }, noRule: 'package' } };
  if (exported) return { outcome: exported.outcome, format: exported.format };
  if (JSON_FILE.test(file)) return { outcome: parseSplunkJsonDetection(source, file), format: 'splunk' };
  if (XML_FILE.test(file)) return { outcome: parseWazuhRules(source, file), format: 'wazuh' };
  if (SURICATA_FILE.test(file)) return { outcome: parseSuricataRules(source, file), format: 'suricata' };
  if (MARKDOWN_FILE.test(file)) return parseMarkdownQuery(source, file);
  if (KQL_FILE.test(file)) return { outcome: parseKqlFile(source, file), format: 'kql' };
  if (PY_FILE.test(file)) {
    const { outcome, panther } = readPantherPython(source, file);
    return { outcome, format: 'panther', ...(panther ? { panther } : {}) };
  }
  if (YARAL_FILE.test(file) || (extname(file) === '' && looksLikeYaraL(source))) return { outcome: parseYaraL(source, file), format: 'chronicle' };
  return { ...parseYamlRule(source, file) };
}

/** A YAML rule file's outcome and the format it was read in (yamlRuleFormat), as `parseRuleText`. */
function parseYamlRule(source: string, file: string): { outcome: RuleFileOutcome; format?: CoverageKind } {
  const read = ruleDocuments(source);
  if ('invalid' in read) return { outcome: read };
  const { docs, text, note } = read;
  if (docs.length === 0) return { outcome: { invalid: { line: 1, message: 'empty file; not a Sigma rule' } } };
  const lines = new LineIndex(text);
  const first = docs[0] ?? null;
  const format = yamlRuleFormat(docs);
  if (format === 'falco') return { outcome: withNote(parseFalcoRules(docs, lines, file), note), format };
  if (format === 'falco-helm') return { outcome: withNote(parseFalcoHelmValues(first, lines, file), note), format: 'falco' };
  if (first?.kind !== 'map') {
    return { outcome: { invalid: { line: first ? lines.line(first.start) : 1, message: 'not a Sigma rule: the document is not a mapping' } } };
  }
  const outcome =
    format === 'splunk' || format === 'sentinel' || format === 'sekoia'
      ? parseSiemRule(format, first, lines, file)
      : format === 'panther'
        ? parsePantherItem(first, lines, file)
        : format === 'falco-mapping'
          ? parseFalcoRuleMapping(first, lines, file)
          : format === 'limacharlie'
            ? parseLimaCharlieRule(deeper(text, first), lines, file)
            : format === 'limacharlie-config'
              ? parseLimaCharlieConfig(deeper(text, first, LIMACHARLIE_CONFIG_DEPTH), lines, file)
              : parseSigmaDocs(docs, lines, file);
  const kind: CoverageKind | undefined = format === 'falco-mapping' ? 'falco' : format === 'limacharlie-config' ? 'limacharlie' : format;
  return { outcome: withNote(outcome, note), ...(kind ? { format: kind } : {}) };
}

/**
 * The Falco rules files a Falco Helm chart values file holds in `customRules` (falcoHelmRulesFiles), each read as the
 * rules file the chart mounts, its rules placed at their lines in the values file; an entry that is no YAML, or holds
 * no Falco rule list, is invalid, naming it. A note names the entries read.
 */
function parseFalcoHelmValues(doc: YamlNode | null, lines: LineIndex, file: string): RuleFileOutcome {
  const files = falcoHelmRulesFiles(doc);
  const items: RuleOutcome[] = [];
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  for (const { name, value } of files) {
    const first = lines.line(value.start);
    // The entry's text below as many empty lines as come before it: its lines are those of the values file.
    const read = ruleDocuments('\n'.repeat(first - 1) + (value.text ?? ''));
    if ('invalid' in read) {
      items.push({ invalid: { line: read.invalid.line, message: `customRules "${name}": ${read.invalid.message}` } });
      continue;
    }
    if (read.note) notes.push(read.note);
    if (!read.docs.some((entry) => isFalcoRules(entry))) {
      items.push({ invalid: { line: first, message: `customRules "${name}" is no Falco rules file (a list of - rule:, - macro: and - list: items); skipped` } });
      continue;
    }
    const outcome = parseFalcoRules(read.docs, new LineIndex(read.text), file);
    items.push(...('items' in outcome ? outcome.items : [outcome]));
  }
  const line = doc?.kind === 'map' ? lines.line(doc.pairs.get('customRules')!.start) : 1;
  notes.unshift({ line, message: `Falco Helm chart values: the rules files of customRules (${files.map(({ name }) => name).join(', ')}) read as the chart mounts them into /etc/falco/rules.d` });
  return { items, notes };
}

/**
 * A document built deeper than ruleDocuments builds it, for a format whose fields lie deeper (a LimaCharlie rule's
 * `data: respond: - metadata: tags: - attack.t1003` is seven levels down); parsed again only for such a file.
 */
function deeper(text: string, doc: YamlMap, depth = 7): YamlMap {
  const again = parseYamlDocuments(text, depth)[0];
  return again?.kind === 'map' ? again : doc;
}

// A LimaCharlie infrastructure-as-code file holds its rules three levels further down: hives: dr-general: <name>:.
const LIMACHARLIE_CONFIG_DEPTH = 10;

/** The formats of rule a YAML file may hold (yamlRuleFormat). */
type YamlRuleFormat = SiemFormat | 'panther' | 'falco' | 'falco-helm' | 'falco-mapping' | 'limacharlie' | 'limacharlie-config' | 'sigma';

/**
 * The format of the rule a YAML file's documents hold, told by its fields: a Splunk detection or a Sentinel rule
 * (siemRuleFormat), a LimaCharlie D&R rule (`detect` and `respond`), a Panther item (`AnalysisType`), one Falco rule written as a mapping, a Sigma rule (isSigmaDocs),
 * or a list of Falco rules and macros; undefined when they are no rule of any of these.
 */
function yamlRuleFormat(docs: readonly (YamlNode | null)[]): YamlRuleFormat | undefined {
  const first = docs[0] ?? null;
  if (isFalcoRules(first)) return 'falco';
  if (first?.kind !== 'map') return undefined;
  if (falcoHelmRulesFiles(first).length) return 'falco-helm';
  if (isLimaCharlieRule(first.pairs)) return 'limacharlie';
  if (isLimaCharlieConfig(first.pairs)) return 'limacharlie-config';
  return siemRuleFormat(first.pairs) ?? (isPantherItem(first.pairs) ? 'panther' : isFalcoRuleMapping(first.pairs) ? 'falco-mapping' : isSigmaDocs(docs) ? 'sigma' : undefined);
}

/**
 * Whether a YAML text is a rule of a format a rule folder's YAML files are read in (yamlRuleFormat): Sigma, Splunk,
 * Sentinel, Falco or Panther. What tells one rule file given to `--coverage` from a detections file.
 */
export function holdsYamlRule(text: string): boolean {
  const read = ruleDocuments(text);
  return 'docs' in read && yamlRuleFormat(read.docs) !== undefined;
}

/**
 * Whether a YAML text is a Sublime Security rule (isSublimeRule): a rule, but of no ATT&CK technique, so one given
 * alone to `--coverage` is read as a rule folder of it (its one rule ignored, saying why) rather than refused as no
 * detections file.
 */
export function holdsSublimeRule(text: string): boolean {
  const read = ruleDocuments(text);
  const first = 'docs' in read ? read.docs[0] : undefined;
  return first?.kind === 'map' && isSublimeRule(first.pairs);
}

/**
 * The documents of a rule file's YAML, read four levels deep (with the repair lenientDocuments makes, and its note),
 * or why it is no YAML.
 */
function ruleDocuments(
  text: string,
): { docs: (YamlNode | null)[]; text: string; note?: Omit<CoverageProblem, 'file' | 'skipped'> } | { invalid: Omit<CoverageProblem, 'file' | 'skipped'> } {
  try {
    // Four levels: the rule's fields, their values (tags, logsource), the tags themselves, and one more for the
    // SIEM formats (Splunk's `tags: mitre_attack_id: [...]`, Sentinel's `requiredDataConnectors: - connectorId`).
    // Building the fourth costs Sigma rules nothing measurable: the parser reads every event anyway.
    return { docs: parseYamlDocuments(text, 4), text };
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    const lenient = lenientDocuments(text, error);
    if (lenient) return lenient;
    const options = {
      keys: YAML_RULE_KEYS,
      prefix: NOT_VALID,
      parserWords: (reason: string) => `${reason}; fix the syntax or move the file out of the rules folder`,
    };
    // One file that cannot be read is one problem, at its first error (`rule.yml:11:21: not valid YAML: …`); several
    // errors are numbered inside it, each at its line and column, as a campaign file's are (before, each error after
    // the first was a problem of its own, counted as a problem in a rule read).
    const issues = yamlSyntaxIssues(text, jsYamlErrors, options).issues;
    const first = issues[0];
    if (!first) return { invalid: { line: error.line, column: error.column, message: `${NOT_VALID}: ${error.reason}` } };
    const message = issues.length === 1 ? first.message : `${NOT_VALID}: ${issues.length} syntax errors: ${numberedIssues(issues, `${NOT_VALID}: `)}`;
    return { invalid: { line: first.line, ...(first.column ? { column: first.column } : {}), message } };
  }
}

/**
 * The fields of each kind of mapping of the YAML rules read in a rules folder, for a field one space out or without its
 * ":" to be named among them: a Sigma rule (Sigma specification 2.0: a rule, its logsource, a related entry, a
 * correlation) and a Splunk detection (splunk/security_content's detections/, and its tags).
 */
const YAML_RULE_KEYS: readonly (readonly string[])[] = [
  ['title', 'id', 'name', 'related', 'taxonomy', 'status', 'description', 'license', 'author', 'references', 'date', 'modified', 'logsource', 'detection', 'correlation', 'fields', 'falsepositives', 'level', 'tags', 'scope', 'generate'],
  ['category', 'product', 'service', 'definition'],
  ['id', 'type'],
  ['type', 'rules', 'group-by', 'timespan', 'condition', 'generate'],
  ['name', 'id', 'version', 'date', 'author', 'type', 'status', 'description', 'data_source', 'search', 'how_to_implement', 'known_false_positives', 'references', 'tags', 'tests'],
  ['analytic_story', 'asset_type', 'confidence', 'impact', 'message', 'mitre_attack_id', 'observable', 'product', 'required_fields', 'risk_score', 'security_domain'],
];

/** An outcome with the note of a repair made before reading it, in the order of their lines. */
function withNote(outcome: RuleFileOutcome, note: Omit<CoverageProblem, 'file' | 'skipped'> | undefined): RuleFileOutcome {
  return note ? { ...outcome, notes: [...(outcome.notes ?? []), note].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } : outcome;
}

/**
 * How a text that js-yaml refuses is read as the tools that read such rules read it: each repair gives the text with
 * lines indented and their ranges (yaml-events.ts), and says what it did.
 */
const YAML_REPAIRS: ReadonlyArray<readonly [repair: (text: string) => { text: string; ranges: [number, number][] } | undefined, says: (lines: string, reason: string) => string]> = [
  [
    indentQuotedContinuations,
    (lines, reason) => `${lines} continue a quoted value without indenting it, which YAML does not allow (${reason}); read as PyYAML reads them. Indent them to fix the file`,
  ],
  [
    indentFlowContinuations,
    (lines, reason) => `${lines} ${lines.startsWith('line ') ? 'goes' : 'go'} on a [ … ] or { … } value at the indentation of its key, which js-yaml refuses (${reason}); read as PyYAML and yaml-cpp (Falco) read ${lines.startsWith('line ') ? 'it' : 'them'}`,
  ],
];

/**
 * The documents of a text that is no YAML only because of a way of writing that the tools reading such rules accept
 * (YAML_REPAIRS: quoted values going on at the indentation of their key, as PyYAML reads them; a flow collection
 * closed at its key's indentation, as Falco writes its tags), with a note naming those lines; undefined when no repair
 * makes it YAML.
 */
function lenientDocuments(
  text: string,
  error: YamlSyntaxError,
): { docs: (YamlNode | null)[]; text: string; note: Omit<CoverageProblem, 'file' | 'skipped'> } | undefined {
  for (const [repair, says] of YAML_REPAIRS) {
    const repaired = repair(text);
    if (!repaired) continue;
    let docs: (YamlNode | null)[];
    try {
      docs = parseYamlDocuments(repaired.text, 4);
    } catch (again) {
      if (again instanceof YamlSyntaxError) continue;
      throw again;
    }
    const spans = repaired.ranges.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`));
    const which = repaired.ranges.length === 1 && repaired.ranges[0]![0] === repaired.ranges[0]![1] ? 'line' : 'lines';
    return { docs, text: repaired.text, note: { line: repaired.ranges[0]![0], message: says(`${which} ${spans.join(', ')}`, error.reason) } };
  }
  return undefined;
}

/** A Markdown file of a rule folder the walk did not take as a query, and what it is (markdownRole). */
export interface MarkdownLeft {
  path: string;
  role: Exclude<MarkdownRole, 'query'>;
}

/**
 * The rule files under a folder, depth first, names sorted by code point; a single file is its own list. The Markdown
 * files of the folder not taken as queries go to `markdownLeft` with what each is, told from the one read of its head
 * that left it out, for the note that names them (unreadMarkdownNote), which would otherwise walk the folder and read
 * them again.
 */
export function listRuleFiles(dir: string, markdownLeft: MarkdownLeft[] = []): string[] {
  let isFile: boolean;
  try {
    isFile = statSync(dir).isFile();
  } catch (error) {
    throw new UsageError(`${dir}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); give a folder of rules (${RULE_FOLDER_FORMATS})`, {
      cause: error,
    });
  }
  if (isFile) return [dir];
  const found: string[] = [];
  const visit = (folder: string): void => {
    const entries = readFolder(folder);
    let bodies: Set<string> | undefined;
    // The Python files the folder's Panther YAML files name (Filename:): parts of those detections, no files of their own.
    const named = (): Set<string> => (bodies ??= pantherBodies(folder, entries.filter((entry) => YAML_FILE.test(entry.name)).map((entry) => entry.name)));
    for (const entry of entries) {
      // .git and .github hold workflow YAML, not rules.
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      // A link of a rule's name whose target is gone is a rule file that cannot be read: an invalid file saying so,
      // rather than left out without a word.
      else if (entry.isSymbolicLink() && RULE_FILE.test(entry.name) && !existsSync(path)) found.push(path);
      else if (!(entry.isFile() || isLinkToFile(path))) continue;
      else if (MARKDOWN_FILE.test(entry.name)) {
        const role = markdownFileRole(path);
        if (role === 'query') found.push(path);
        else markdownLeft.push({ path, role });
      } else if (
        RULE_FILE.test(entry.name) ||
        SAVEDSEARCHES_FILE.test(entry.name) ||
        (extname(entry.name) === '' && looksLikeRule(path)) ||
        (JSON_FILE.test(entry.name) && (looksLikeSplunkJson(path) || looksLikeRuleExport(path))) ||
        (NDJSON_FILE.test(entry.name) && looksLikeKibanaExport(path)) ||
        (XML_FILE.test(entry.name) && looksLikeWazuhFile(path)) ||
        (SURICATA_FILE.test(entry.name) && looksLikeSuricataFile(path)) ||
        (PY_FILE.test(entry.name) && !named().has(entry.name) && looksLikePantherPython(path))
      ) {
        found.push(path);
      }
    }
  };
  visit(dir);
  return found;
}

// Top-level keys of a rule: a name (Sigma `title`, Splunk and Sentinel `name`) and what it detects with.
const RULE_NAME_KEY = /^(?:title|name)[ \t]*:/m;
const RULE_BODY_KEY = /^(?:detection|logsource|search|query)[ \t]*:/m;

/**
 * Whether a file without an extension is a rule published without one (The DFIR Report's Sigma rules, some of
 * Azure-Sentinel's hunting queries, some of chronicle/detection-rules' YARA-L rules): it has a rule's name key and what
 * it detects with at the top level, or is YARA-L. A LICENSE or Makefile has not, and stays out of the folder's count.
 */
export function looksLikeRule(path: string): boolean {
  return headMatches(path, 16384, (head) => (RULE_NAME_KEY.test(head) && RULE_BODY_KEY.test(head)) || looksLikeYaraL(head));
}

/**
 * Whether a `.py` file is Panther's (pantherPythonKind: a pypanther module, or the body of a panther-analysis rule);
 * other Python (a build script, a test) stays out of the count.
 */
export function looksLikePantherPython(path: string): boolean {
  return headMatches(path, 65536, (head) => pantherPythonKind(head) !== undefined);
}

// `Filename: aws_cloudtrail_stopped.py`: the Python file a Panther YAML names, at the top level.
const PANTHER_FILENAME = /^Filename[ \t]*:[ \t]*['"]?([^'"\s#]+)/m;

/**
 * A panther-analysis rule with what the Python its YAML names beside it tests (`Filename:
 * gsuite_links_clicked_in_spam_email.py`, `… applicationName … != "gmail"`): the Google Workspace applications it keeps
 * (workspace-apps.ts workspaceApps), so the mail it reads (`gmail`) and where it fires (gsuite_drive_visibility_change.py
 * keeps `drive`: Google Workspace alone), as a pypanther rule's Python says them. The YAML's own parse (parseRuleFile,
 * cached by the YAML file alone) cannot see that file, so it is read here, every time, beside the cache.
 */
function withPantherBody(file: string, outcome: RuleFileOutcome): RuleFileOutcome {
  if (!('rule' in outcome) || outcome.rule.kind !== 'panther' || outcome.rule.mailData || !YAML_FILE.test(file)) return outcome;
  const body = headRead(file, 16384, (head) => PANTHER_FILENAME.exec(head)?.[1]);
  let python: string;
  try {
    python = body ? readFileSync(join(dirname(file), body), 'utf8') : '';
  } catch {
    return outcome;
  }
  const apps = workspaceApps(python);
  if (!apps.length) return outcome;
  const mailData = apps.includes('gmail') ? pantherGmailData(outcome.rule.dataSources ?? []) : [];
  const platforms = pantherPlatforms(outcome.rule.dataSources ?? [], apps);
  const { platforms: _stated, ...rule } = outcome.rule;
  return { ...outcome, rule: { ...rule, ...(platforms ? { platforms } : {}), ...(mailData.length ? { mailData } : {}) } };
}

/** The file names the Panther YAML files among `names` (in `folder`) give as their `Filename`. */
function pantherBodies(folder: string, names: readonly string[]): Set<string> {
  const bodies = new Set<string>();
  for (const name of names) {
    headMatches(join(folder, name), 16384, (head) => {
      const body = /^AnalysisType[ \t]*:/m.test(head) ? PANTHER_FILENAME.exec(head)?.[1] : undefined;
      if (body) bodies.add(body);
      return true;
    });
  }
  return bodies;
}

/** Whether a `.rules` file holds Suricata or Snort rules; other rules files (auditd's `audit.rules`) stay out of the count. */
export function looksLikeSuricataFile(path: string): boolean {
  return headMatches(path, 65536, looksLikeSuricataRules);
}

/**
 * Whether a Markdown file holds a KQL query (looksLikeKqlMarkdown); a README or notes beside the queries stay out of
 * the count, as a LICENSE does.
 */
export function looksLikeKqlMarkdownFile(path: string): boolean {
  return headMatches(path, MARKDOWN_HEAD, looksLikeKqlMarkdown);
}

// How much of a Markdown file is read to tell what it is: a query file's head holds its query and its techniques.
const MARKDOWN_HEAD = 262144;

/** What a Markdown file of a rule folder is (markdownRole), from its head; `other` when it cannot be read. */
function markdownFileRole(path: string): MarkdownRole {
  return headRead(path, MARKDOWN_HEAD, markdownRole) ?? 'other';
}

/** Whether an `.xml` file holds Wazuh rules; other XML (a Maven pom, a Sysmon configuration) stays out of the count. */
function looksLikeWazuhFile(path: string): boolean {
  return headMatches(path, 65536, looksLikeWazuhRules);
}

/**
 * Whether the first `bytes` of a file pass `test` (false when it cannot be read): only those bytes are read, once, for
 * every file of a folder that the walk has to look into.
 */
function headMatches(path: string, bytes: number, test: (head: string) => boolean): boolean {
  return headRead(path, bytes, test) ?? false;
}

/** What `read` makes of the first `bytes` of a file, read once; undefined when it cannot be read. */
function headRead<T>(path: string, bytes: number, read: (head: string) => T): T | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    // Only the bytes read are used: no need to zero a buffer of up to 256 KB for each file.
    const buffer = Buffer.allocUnsafe(bytes);
    return read(buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0)).toString('utf8'));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// How much of the part before is read again with each part (partsMatch), longer than any mark it looks for.
const PART_OVERLAP = 1024;

/**
 * Whether each of `marks` passes on some part of a file (false when it cannot be read), the file read `bytes` at a
 * time, each part with the end of the one before (PART_OVERLAP), so that a mark across two parts is seen; it stops
 * as soon as every mark has passed, and holds no more than a part in memory, however large the file.
 */
function partsMatch(path: string, bytes: number, marks: readonly ((text: string) => boolean)[]): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(bytes);
    const passed = marks.map(() => false);
    let tail = '';
    for (let read = readSync(fd, buffer, 0, bytes, null); read > 0; read = readSync(fd, buffer, 0, bytes, null)) {
      const part = tail + buffer.subarray(0, read).toString('utf8');
      marks.forEach((mark, at) => (passed[at] ||= mark(part)));
      if (passed.every(Boolean)) return true;
      tail = part.slice(-PART_OVERLAP);
    }
    return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

// A Splunk Security Content detection written as JSON (2017-2019): its spec version and a Splunk search.
const SPLUNK_JSON_KEYS = [/"spec_version"\s*:/, /"detect"\s*:\s*\{\s*"splunk"\s*:/] as const;

/**
 * Whether a `.json` file in a rule folder is a Splunk detection of 2017-2019 (parseSplunkJsonDetection); other JSON
 * files (package.json, dashboards) stay out of the folder's count.
 */
function looksLikeSplunkJson(path: string): boolean {
  return headMatches(path, 65536, (head) => SPLUNK_JSON_KEYS.every((pattern) => pattern.test(head)));
}

/**
 * Whether a `.json` file in a rule folder is an export of rules (ruleExportOf: Sentinel, Defender XDR, Datadog, Sumo
 * Logic), read or left out saying why, read whole: an export of one rule is small, and only a file whose head may be
 * one (mayBeRuleExport) is read.
 */
// A rule of a Kibana export (`{"id":…,"rule_id":"…"`): its exception lists and summary line name no rule_id.
const KIBANA_RULE_ID = /"rule_id"\s*:/;

/**
 * Whether an `.ndjson` file is a Kibana export of Elastic rules (Security > Rules > Export), read as given alone
 * (parseElasticExport), each of its rules an item of the folder; other NDJSON (logs, events) stays out of the count.
 */
function looksLikeKibanaExport(path: string): boolean {
  return headMatches(path, 65536, (head) => KIBANA_RULE_ID.test(head));
}

function looksLikeRuleExport(path: string): boolean {
  if (headMatches(path, 65536, isSentinelRulePackage)) return true;
  // A package of many rules declares its variables first, its resources past the head: looked for a part at a time.
  if (headMatches(path, 65536, mayBeSentinelRulePackage) && partsMatch(path, 65536, SENTINEL_RULE_PACKAGE_MARKS)) return true;
  if (!headMatches(path, 65536, mayBeRuleExport)) return false;
  try {
    return ruleExportOf(decodeText(readFileSync(path), path), path) !== undefined;
  } catch {
    return false;
  }
}

function isLinkToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
