/**
 * A folder of detection rules as coverage: Sigma rules, Splunk Security Content detections, Microsoft Sentinel
 * analytic rules and hunting queries, and Elastic detection rules, in any mix. A `.toml` file is an Elastic rule; a
 * YAML file is told by its fields (siemRuleFormat). Each is read by its format's parser: read-sigma.ts,
 * read-siem-rule.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { decodeText } from '../read-text.js';
import { coverageInput, type CoverageIgnored, type CoverageInput, type CoverageKind, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import { parseElasticRule, parseSiemRule, parseSplunkJsonDetection, siemRuleFormat } from './read-siem-rule.js';
import { parseSigmaDocs } from './read-sigma.js';
import { RuleCache } from './rule-cache.js';
import { indentQuotedContinuations, LineIndex, parseYamlDocuments, plainColonCause, YamlSyntaxError, type YamlNode } from './yaml-events.js';

const RULE_FILE = /\.(?:ya?ml|toml)$/i;
const TOML_FILE = /\.toml$/i;
const JSON_FILE = /\.json$/i;

/** The outcome of one file: exactly one of rule, ignored or invalid; `notes` are problems that skip nothing. */
export type RuleFileOutcome = (
  | { rule: CoverageRule }
  | { ignored: Omit<CoverageIgnored, 'file'> }
  | { invalid: Omit<CoverageProblem, 'file' | 'skipped'> }
) & { notes?: Omit<CoverageProblem, 'file' | 'skipped'>[] };

/**
 * Read every *.yml, *.yaml and *.toml file under a folder (or one file) as detection rules, and every file without an
 * extension that has a rule's top-level keys (looksLikeRule), and every *.json file that is a Splunk detection of
 * 2017-2019 (looksLikeSplunkJson). Every file ends as a rule, ignored (with
 * a reason) or a problem; the walk never stops at a bad file. Folders whose name starts with `.` are skipped.
 * With `cacheDir`, what each file gave is kept there (RuleCache) and only new or changed files are parsed again.
 * The input's kind is its rules' format when they share one (`sigma` when it read none), else `rules`.
 * @throws UsageError when the path does not exist.
 */
export function readRuleFolder(dir: string, options: { cacheDir?: string } = {}): CoverageInput {
  const files = listRuleFiles(dir);
  const cache = options.cacheDir ? new RuleCache(options.cacheDir, dir) : undefined;
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  for (const file of files) {
    addOutcome({ rules, ignored, problems }, file, cache ? cache.outcome(file, () => readRuleFile(file)) : readRuleFile(file));
  }
  cache?.save();
  const kinds = new Set(rules.map((rule) => rule.kind));
  const kind: CoverageKind = kinds.size > 1 ? 'rules' : ([...kinds][0] ?? 'sigma');
  return coverageInput(kind, dir, files.length, files.length, { rules, ignored, problems });
}

/** Put one rule's outcome into an input's lists: the rule, why it was ignored, or why it is invalid, and its notes. */
export function addOutcome(
  lists: { rules: CoverageRule[]; ignored: CoverageIgnored[]; problems: CoverageProblem[] },
  file: string,
  outcome: RuleFileOutcome,
): void {
  if ('rule' in outcome) lists.rules.push(outcome.rule);
  else if ('ignored' in outcome) lists.ignored.push({ file, ...outcome.ignored });
  else lists.problems.push({ file, ...outcome.invalid, skipped: true });
  for (const note of outcome.notes ?? []) lists.problems.push({ file, ...note, skipped: false });
}

/** Read and parse one rule file; a file that cannot be read or is not text is invalid. */
function readRuleFile(file: string): RuleFileOutcome {
  try {
    const outcome = parseRuleFile(decodeText(readFileSync(file), file), file);
    if (extname(file) !== '') return outcome;
    return { ...outcome, notes: [{ line: 1, message: 'the file name has no extension; read as a YAML rule (name it .yml)' }, ...(outcome.notes ?? [])] };
  } catch (error) {
    const reason = error instanceof InputError ? error.message.replace(`${file}: `, '') : `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
    return { invalid: { message: reason } };
  }
}

/**
 * Read the text of one rule file (pure): a rule, a reason to ignore it, or why it is not a rule. A file with the
 * fields of a Splunk detection or a Sentinel rule (siemRuleFormat) is read as one, any other YAML file as Sigma, and
 * a `.toml` file as an Elastic rule.
 */
export function parseRuleFile(source: string, file: string): RuleFileOutcome {
  let text = source;
  if (TOML_FILE.test(file)) return parseElasticRule(text, file);
  if (JSON_FILE.test(file)) return parseSplunkJsonDetection(text, file);
  let docs: (YamlNode | null)[];
  let note: Omit<CoverageProblem, 'file' | 'skipped'> | undefined;
  try {
    // Four levels: the rule's fields, their values (tags, logsource), the tags themselves, and one more for the
    // SIEM formats (Splunk's `tags: mitre_attack_id: [...]`, Sentinel's `requiredDataConnectors: - connectorId`).
    // Building the fourth costs Sigma rules nothing measurable: the parser reads every event anyway.
    docs = parseYamlDocuments(text, 4);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    const lenient = lenientDocuments(text, error);
    if (!lenient) {
      return {
        invalid: {
          line: error.line,
          message: `not valid YAML: ${plainColonCause(text, error.line, error.column) ?? `${error.reason} (column ${error.column}); fix the syntax or move the file out of the rules folder`}`,
        },
      };
    }
    ({ docs, text, note } = lenient);
  }
  if (docs.length === 0) return { invalid: { line: 1, message: 'empty file; not a Sigma rule' } };
  const lines = new LineIndex(text);
  const first = docs[0] ?? null;
  if (first?.kind !== 'map') {
    return { invalid: { line: first ? lines.line(first.start) : 1, message: 'not a Sigma rule: the document is not a mapping' } };
  }
  const format = siemRuleFormat(first.pairs);
  const outcome = format ? parseSiemRule(format, first, lines, file) : parseSigmaDocs(docs, lines, file);
  return note ? { ...outcome, notes: [...(outcome.notes ?? []), note].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } : outcome;
}

/**
 * The documents of a text that is no YAML only because quoted values go on at the indentation of their key, as
 * PyYAML reads them (indentQuotedContinuations), with a note naming those lines; undefined when that is not the error.
 */
function lenientDocuments(
  text: string,
  error: YamlSyntaxError,
): { docs: (YamlNode | null)[]; text: string; note: Omit<CoverageProblem, 'file' | 'skipped'> } | undefined {
  const repaired = indentQuotedContinuations(text);
  if (!repaired) return undefined;
  let docs: (YamlNode | null)[];
  try {
    docs = parseYamlDocuments(repaired.text, 4);
  } catch (again) {
    if (again instanceof YamlSyntaxError) return undefined;
    throw again;
  }
  const spans = repaired.ranges.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`));
  const which = repaired.ranges.length === 1 && repaired.ranges[0]![0] === repaired.ranges[0]![1] ? 'line' : 'lines';
  return {
    docs,
    text: repaired.text,
    note: {
      line: repaired.ranges[0]![0],
      message: `${which} ${spans.join(', ')} continue a quoted value without indenting it, which YAML does not allow (${error.reason}); read as PyYAML reads them. Indent them to fix the file`,
    },
  };
}

/** The rule files under a folder, depth first, names sorted by code point; a single file is its own list. */
export function listRuleFiles(dir: string): string[] {
  let isFile: boolean;
  try {
    isFile = statSync(dir).isFile();
  } catch (error) {
    throw new UsageError(`${dir}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}); give a folder of Sigma, Splunk, Sentinel or Elastic rules`, {
      cause: error,
    });
  }
  if (isFile) return [dir];
  const found: string[] = [];
  const visit = (folder: string): void => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      // .git and .github hold workflow YAML, not rules.
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (!(entry.isFile() || isLinkToFile(path))) continue;
      else if (RULE_FILE.test(entry.name) || (extname(entry.name) === '' && looksLikeRule(path)) || (JSON_FILE.test(entry.name) && looksLikeSplunkJson(path))) found.push(path);
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
 * Azure-Sentinel's hunting queries): it has a rule's name key and what it detects with at the top level. A LICENSE
 * or Makefile has not, and stays out of the folder's count.
 */
function looksLikeRule(path: string): boolean {
  return headMatches(path, 16384, [RULE_NAME_KEY, RULE_BODY_KEY]);
}

/** Whether the first `bytes` of a file match every pattern (false when it cannot be read). */
function headMatches(path: string, bytes: number, patterns: readonly RegExp[]): boolean {
  try {
    const head = readFileSync(path).subarray(0, bytes).toString('utf8');
    return patterns.every((pattern) => pattern.test(head));
  } catch {
    return false;
  }
}

// A Splunk Security Content detection written as JSON (2017-2019): its spec version and a Splunk search.
const SPLUNK_JSON_KEYS = [/"spec_version"\s*:/, /"detect"\s*:\s*\{\s*"splunk"\s*:/] as const;

/**
 * Whether a `.json` file in a rule folder is a Splunk detection of 2017-2019 (parseSplunkJsonDetection); other JSON
 * files (package.json, dashboards) stay out of the folder's count.
 */
function looksLikeSplunkJson(path: string): boolean {
  return headMatches(path, 65536, SPLUNK_JSON_KEYS);
}

function isLinkToFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
