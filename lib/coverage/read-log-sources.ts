/**
 * A log sources file: what the organisation collects, in ATT&CK's log source names (`WinEventLog:Sysmon`), so
 * that each gap can be classed as buildable now or needing telemetry.
 *
 * YAML or JSON (`schemas/log-sources.schema.json`): a list, or `{ log_sources: [...] }`, of names or
 * `{ name, channels?, comment? }`. CSV: a header row naming the columns `name` and (optionally) `channel` and
 * `comment`, then one row per name, or per channel of a name; a file without a header row is read as the columns
 * name, channel (said in a note). Names and channels compare case aside and with runs of spaces as one; a name
 * without channels (an empty channel cell) means every channel of it. A channel of several events as ATT&CK writes
 * one (`EventCode=13, 14`) is read as its events, in the file and in what is looked up (CollectedLogSources.collects).
 */
import { extname } from 'node:path';
import type { LogSourceRef } from '../attack/types.js';
import { InputError, SchemaValidationError, UsageError } from '../errors.js';
import { kindOf, wrongKindMessage } from '../input-kind.js';
import { inputName, readTextFile, STDIN, type InputOptions } from '../read-text.js';
import { schemaFieldLists, schemaIssues } from '../schemas.js';
import { yamlSyntaxIssues } from '../yaml-syntax-issues.js';
import type { CoverageProblem } from './coverage-types.js';
import { parseCsv } from './parse-csv.js';
import { jsYamlErrors, LineIndex, parseYamlDocuments, YamlSyntaxError, type DuplicateKey, type YamlNode } from './yaml-events.js';
import { coverageYamlError, NOT_VALID } from './yaml-source.js';

/** One collected log source as the file wrote it. */
export interface LogSourceEntry {
  name: string;
  /** The channels collected; absent means all of them. */
  channels?: string[];
  line?: number;
}

/** A log sources file, read. */
export interface LogSourcesInput {
  file: string;
  sources: LogSourceEntry[];
  /** Rows or entries that could not be read (skipped) and notes on repairs made (not skipped). */
  problems: CoverageProblem[];
}

// The first line that says a text is YAML or JSON rather than CSV: a list item (`- WinEventLog:Sysmon`), a key
// (`log_sources:`), a document marker or directive, or JSON's bracket. A CSV row (`name,channel`,
// `WinEventLog:Sysmon,EventCode=1`: no space after its colon) is none of these.
const YAML_START = /^(?:-(?:\s|$)|---|%|\[|\{|[\w"' -]+:(?:\s|$))/;

/** Whether a log sources text from standard input is YAML or JSON (else CSV), by its first line that is no comment. */
function looksLikeYaml(text: string): boolean {
  const first = text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  return first !== undefined && YAML_START.test(first.trimStart());
}

/**
 * Read a log sources file (.csv, .yml, .yaml or .json), or `-`, the `stdin` of `input`: YAML or JSON when its first
 * line is a list item, a key or a bracket (looksLikeYaml), else CSV; named `<stdin>`.
 * @throws UsageError when the file cannot be read or its extension is unknown; InputError (with line) for a YAML
 * syntax error or an empty file; SchemaValidationError when the YAML is not a list of log sources.
 */
export function readLogSources(file: string, input: InputOptions = {}): LogSourcesInput {
  if (file === STDIN) {
    const text = readTextFile(file, file, input);
    return looksLikeYaml(text) ? parseLogSourcesYaml(text, inputName(file)) : parseLogSourcesCsv(text, inputName(file));
  }
  const extension = extname(file).toLowerCase();
  // Read first: a missing file, a folder or a PDF is said to be so, rather than to have the wrong extension.
  const text = readTextFile(file);
  if (!['.csv', '.yml', '.yaml', '.json'].includes(extension)) {
    throw new UsageError(`${file}: a log sources file must end in .csv, .yml, .yaml or .json (or be -, standard input)`);
  }
  return extension === '.csv' ? parseLogSourcesCsv(text, file) : parseLogSourcesYaml(text, file);
}

/** Read log sources from CSV text (pure). */
export function parseLogSourcesCsv(text: string, file: string): LogSourcesInput {
  const { rows, problems: csvProblems } = parseCsv(text);
  const problems: CoverageProblem[] = csvProblems.map((problem) => ({ file, line: problem.line, message: problem.message, skipped: true }));
  const first = rows[0];
  const header = first?.cells.map((cell) => cell.trim().toLowerCase());
  const hasHeader = header?.includes('name') ?? false;
  const columns = hasHeader ? header! : ['name', 'channel'];
  if (first && !hasHeader) {
    problems.push({ file, line: first.line, message: 'no header row (name, channel); the columns are read as name, channel', skipped: false });
  }
  const sources: LogSourceEntry[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const cell = (column: string): string | undefined => {
      const index = columns.indexOf(column);
      const value = index === -1 ? undefined : row.cells[index]?.trim();
      return value ? value : undefined;
    };
    const name = cell('name');
    if (name === undefined) {
      if (row.cells.some((c) => c.trim() !== '')) problems.push({ file, line: row.line, message: 'the row has no name; it is skipped', skipped: true });
      continue;
    }
    const channel = cell('channel');
    sources.push({ name, ...(channel === undefined ? {} : { channels: [channel] }), line: row.line });
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { file, sources, problems };
}

/**
 * Read log sources from YAML or JSON text (pure).
 * @throws InputError for a YAML syntax error or an empty file; SchemaValidationError when it is not a list of log sources.
 */
export function parseLogSourcesYaml(text: string, file: string): LogSourcesInput {
  let docs: (YamlNode | null)[];
  // A key given twice is said, its last value read (as PyYAML reads it, and `gap` reads a DeTT&CT file's), never the
  // file refused for it: a team's list edited by several hands gains a second `channels:`.
  const duplicates: DuplicateKey[] = [];
  try {
    docs = parseYamlDocuments(text, 4, duplicates);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    const options = { keys: schemaFieldLists('log-sources'), prefix: NOT_VALID, parserWords: (reason: string, column: number) => `${reason} (column ${column}); fix the syntax` };
    throw coverageYamlError(file, 'log sources file', yamlSyntaxIssues(text, jsYamlErrors, options).issues);
  }
  const top = docs[0] ?? null;
  if (!top) throw new InputError(`${file}: the file is empty; list the log sources you collect, e.g. - WinEventLog:Sysmon`, { file, line: 1 });
  const lines = new LineIndex(text);
  const issues = schemaIssues('log-sources', plain(top));
  if (issues.length) {
    // Another kind of file (a campaign file, a detections file, a Sigma rule) was said as a dozen schema problems, one
    // unknown field each, none saying what the file is or where it goes.
    const kind = kindOf(text);
    if (kind) throw new InputError(wrongKindMessage(file, kind, "a log sources file (the log sources you collect, in ATT&CK's names)"), { file });
    throw new SchemaValidationError(
      file,
      'log sources file',
      issues.map((issue) => ({ ...issue, line: lines.line(nodeAt(top, issue.path)?.start ?? top.start) })),
    );
  }
  const list = top.kind === 'seq' ? top : top.kind === 'map' ? top.pairs.get('log_sources') : undefined;
  const sources: LogSourceEntry[] = [];
  for (const item of list?.kind === 'seq' ? list.items : []) {
    const line = lines.line(item.start);
    if (item.kind === 'scalar' && item.text) sources.push({ name: item.text.trim(), line });
    else if (item.kind === 'map') {
      const name = item.pairs.get('name');
      const channels = item.pairs.get('channels');
      const texts = channels?.kind === 'seq' ? channels.items.flatMap((c) => (c.kind === 'scalar' && c.text ? [c.text.trim()] : [])) : undefined;
      if (name?.kind === 'scalar' && name.text) sources.push({ name: name.text.trim(), ...(texts ? { channels: texts } : {}), line });
    }
  }
  const problems = duplicates.map(({ key, line, column, firstLine }) => ({
    file,
    line,
    column,
    message: `duplicate key "${key}" (first given on line ${firstLine}); give each field once; the last one is read`,
    skipped: false,
  }));
  return { file, sources, problems };
}

/** A light node as the plain value the schema checks (scalars are text; a deeper collection is an empty one). */
function plain(node: YamlNode): unknown {
  if (node.kind === 'scalar') return node.text;
  if (node.kind === 'seq') return node.items.map(plain);
  if (node.kind === 'map') return Object.fromEntries([...node.pairs].map(([key, value]) => [key, plain(value)]));
  return null;
}

/** The node at a JSON path (`/log_sources/3/name`), or its nearest ancestor. */
function nodeAt(top: YamlNode, path: string): YamlNode | undefined {
  let node: YamlNode | undefined = top;
  for (const key of path.split('/').slice(1).filter((k) => k !== '')) {
    const next: YamlNode | undefined = node?.kind === 'seq' ? node.items[Number(key)] : node?.kind === 'map' ? node.pairs.get(key) : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

const fold = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

// A channel of events as ATT&CK 18's analytics write one: `EventCode=13, 14`, `EventCode=4778, EventCode=4779`,
// `EventCode=5005 (WLAN), EventCode=302 (Bluetooth)` (labels in brackets, taken out before the test).
const EVENT_LIST = /^eventcode=\d+(?:\s*,\s*(?:eventcode=)?\d+)*$/;

/**
 * A channel as the folded channels it names: a list of events as ATT&CK writes one (EVENT_LIST) is its events
 * (`eventcode=13`, `eventcode=14`), their labels aside; any other channel is itself.
 */
function channelParts(channel: string): string[] {
  const text = fold(channel);
  const events = text.replace(/\s*\([^()]*\)/g, '');
  if (!EVENT_LIST.test(events)) return [text];
  return events.split(',').map((part) => `eventcode=${/\d+/.exec(part)![0]}`);
}

/**
 * Whether two log sources can be the same data: the same name, and channels that share an event or one of them naming
 * none (`WinEventLog:Sysmon` meets `WinEventLog:Sysmon EventCode=1`; `EventCode=13, 14` meets `EventCode=13`).
 */
export function logSourcesMeet(a: LogSourceRef, b: LogSourceRef): boolean {
  if (fold(a.name) !== fold(b.name)) return false;
  if (a.channel === undefined || b.channel === undefined) return true;
  const parts = new Set(channelParts(a.channel));
  return channelParts(b.channel).some((part) => parts.has(part));
}

/** What a log sources file says is collected, for lookups: a name with all its channels, or some of them. */
export class CollectedLogSources {
  readonly input: LogSourcesInput;
  private readonly channels = new Map<string, Set<string> | 'all'>();

  constructor(input: LogSourcesInput) {
    this.input = input;
    for (const source of input.sources) {
      const key = fold(source.name);
      const known = this.channels.get(key);
      if (!source.channels?.length || known === 'all') this.channels.set(key, 'all');
      else this.channels.set(key, new Set([...(known ?? []), ...source.channels.flatMap(channelParts)]));
    }
  }

  /**
   * Whether a log source (and its channel, when it names one) is collected. A channel of several events
   * (`EventCode=13, 14`, on either side) is its events: collected when every one of them is.
   */
  collects(ref: LogSourceRef): boolean {
    const channels = this.channels.get(fold(ref.name));
    if (channels === 'all') return true;
    return channels !== undefined && ref.channel !== undefined && channelParts(ref.channel).every((part) => channels.has(part));
  }

  /** Whether the name is listed at all, with all its channels or some of them. */
  listsName(name: string): boolean {
    return this.channels.has(fold(name));
  }

  /** The folded names listed. */
  names(): string[] {
    return [...this.channels.keys()];
  }
}
