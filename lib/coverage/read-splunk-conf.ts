/**
 * Splunk's saved searches as coverage: a `savedsearches.conf` (an app's `default/` or `local/` file, ESCU's
 * DA-ESS-ContentUpdate, `splunk btool savedsearches list` written to a file), what a Splunk or Enterprise Security
 * deployment runs. Each stanza that is a correlation search (`action.correlationsearch.*`) or carries ATT&CK
 * annotations is a detection: it covers the IDs of `mitre_attack` in its `action.correlationsearch.annotations` JSON
 * (`{"mitre_attack": ["T1003.002", "T1003"]}`; ESCU's older `action.escu.mappings` when that is all it has), is named by
 * its `action.correlationsearch.label` (else its stanza) and weighed as a deployed search of the type its actions make
 * it, as security_content's JSON detections are: a notable event (`action.notable = 1`) a TTP, risk only
 * (`action.risk = 1`) an Anomaly, neither a Hunting search. A search whose `disabled` is true covers nothing and is
 * ignored with that reason: ESCU ships every search so, and a deployment turns on the ones it runs in `local/`.
 * Other stanzas (reports, ESCU's baselines and response tasks) are no detections and not counted. Keys before any
 * stanza or in `[default]` apply to every stanza that does not set them, and a line ending in `\` goes on on the next,
 * as Splunk reads a .conf file. `btool … list --debug` output, each line after the .conf file it came from, is read
 * with that file set apart (BTOOL_DEBUG_LINE).
 */
import { jsonValueLines } from '../json-text.js';
import { savedSearchRows, splunkSavedSearches } from '../input-kind.js';
import { coverageInput, roundLevel, type CoverageIgnored, type CoverageInput, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import { parseCsv } from './parse-csv.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { notTechniqueId, SPLUNK_WEIGHTS } from './read-siem-rule.js';
import { splunkSearchPlatforms } from './source-platforms.js';
import { splunkMailData } from './mail-delivery.js';
import { indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';

/**
 * A stanza of a .conf file: its name, the line of its header, and each key's value with its line (`from`: the `local/`
 * place that set it; `conf`: the .conf file `btool --debug` says it came from).
 */
export interface ConfStanza {
  name: string;
  line: number;
  keys: Record<string, { value: string; line: number; from?: string; conf?: string }>;
}

// `splunk btool savedsearches list --debug` writes each line after the .conf file it came from, padded with spaces:
// `/opt/splunk/etc/apps/DA-ESS-ContentUpdate/local/savedsearches.conf  disabled = 0` (a Windows path too).
const BTOOL_DEBUG_LINE = /^((?:[A-Za-z]:)?[\\/].*?\.conf)[ \t]+(\S.*)$/;

/** The file name a folder walk reads as Splunk saved searches. */
export const SAVEDSEARCHES_FILE = /(?:^|[\\/])savedsearches\.conf$/i;

// Splunk's boolean values (splunk.util.normalizeBoolean).
const TRUE = /^(?:1|true|t|yes|y|on)$/i;
const FALSE = /^(?:0|false|f|no|n|off)$/i;

/** A search deployed in Splunk weighs as a production detection; its type comes from its actions. */
const DEPLOYED = { weight: 1, text: 'search deployed in Splunk' };

/** The stanzas of a .conf text (pure), the keys of `[default]` and before any stanza given to each that lacks them. */
export function parseConfStanzas(text: string): ConfStanza[] {
  const stanzas: ConfStanza[] = [];
  const defaults: ConfStanza = { name: 'default', line: 1, keys: {} };
  let current = defaults;
  const raw = text.split(/\r?\n/);
  // btool --debug output (its first line says so) is read with each line's .conf file set apart.
  const debug = BTOOL_DEBUG_LINE.test(raw.find((line) => line.trim() !== '' && !line.trim().startsWith('#')) ?? '');
  const confs = raw.map((line) => (debug ? BTOOL_DEBUG_LINE.exec(line)?.[1] : undefined));
  const lines = raw.map((line) => (debug ? (BTOOL_DEBUG_LINE.exec(line)?.[2] ?? line) : line));
  for (let i = 0; i < lines.length; i++) {
    const at = i + 1;
    const conf = confs[i];
    let line = lines[i]!;
    // A value goes on on the next line after a backslash that ends the line.
    while (/\\$/.test(line) && i + 1 < lines.length) line = `${line.slice(0, -1)}\n${lines[++i]!}`;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const header = /^\[(.*)\]$/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim();
      current = name === 'default' ? defaults : { name, line: at, keys: {} };
      if (current !== defaults) stanzas.push(current);
      continue;
    }
    const equals = line.indexOf('=');
    if (equals < 0) continue;
    current.keys[line.slice(0, equals).trim()] = { value: line.slice(equals + 1).trim(), line: at, ...(conf ? { conf } : {}) };
  }
  return stanzas.map((stanza) => ({ ...stanza, keys: { ...defaults.keys, ...stanza.keys } }));
}

/**
 * Read the detections of a savedsearches.conf text (pure): one outcome per correlation search or annotated search, and
 * the stanzas, for the folder walk to read an app's `local/` file over its `default/` one (asSplunkReads).
 */
export function parseSavedSearches(text: string, file: string): RuleFileOutcome {
  const stanzas = parseConfStanzas(text);
  const outcome = searchesOutcome(stanzas, file);
  const confs = new Set(stanzas.flatMap((stanza) => Object.values(stanza.keys).flatMap(({ conf }) => (conf ? [conf] : []))));
  if (!confs.size) return { ...outcome, splunkConf: stanzas };
  const note = { line: 1, message: `read as \`splunk btool savedsearches list --debug\` output, as Splunk merged it: each line's .conf file (${confs.size}) set apart` };
  return { ...outcome, notes: [note, ...(outcome.notes ?? [])], splunkConf: stanzas };
}

function searchesOutcome(stanzas: readonly ConfStanza[], file: string, elsewhere = 0): { items: RuleOutcome[]; notes?: Omit<CoverageProblem, 'file' | 'skipped'>[] } {
  const items = stanzas.flatMap((stanza) => savedSearch(stanza, file) ?? []);
  if (items.length || elsewhere) return { items };
  return { items: [], notes: [{ line: 1, message: `none of its ${stanzas.length} saved searches is a correlation search or has ATT&CK annotations (action.correlationsearch.annotations): no detection` }] };
}

/**
 * A folder's outcomes as Splunk reads an app's saved searches: a stanza of `<app>/local/savedsearches.conf` changes the
 * stanza of that name in `<app>/default/savedsearches.conf` key by key (local over default, Splunk's precedence in an
 * app), and the search is read and counted there, at its default line, with a note naming what local set; a local
 * stanza default has not is a search of its own. So ESCU's searches, all shipped disabled, count when a deployment's
 * `local/` turns them on (`disabled = 0`).
 */
export function asSplunkReads<T extends { file: string; outcome: RuleFileOutcome }>(read: readonly T[]): readonly T[] {
  const layers = new Map<string, { default?: T; local?: T }>();
  for (const entry of read) {
    const parts = entry.file.split(/[\\/]/);
    const layer = parts[parts.length - 2]?.toLowerCase();
    if (!('splunkConf' in entry.outcome) || !entry.outcome.splunkConf || (layer !== 'default' && layer !== 'local')) continue;
    const app = parts.slice(0, -2).join('/');
    layers.set(app, { ...layers.get(app), [layer]: entry });
  }
  const replaced = new Map<T, T>();
  for (const { default: base, local } of layers.values()) {
    if (!base || !local) continue;
    const baseStanzas = (base.outcome as { splunkConf: ConfStanza[] }).splunkConf;
    const localStanzas = new Map((local.outcome as { splunkConf: ConfStanza[] }).splunkConf.map((stanza) => [stanza.name, stanza]));
    const localName = `local/${local.file.split(/[\\/]/).pop()}`;
    const merged = baseStanzas.map((stanza) => overlay(stanza, localStanzas.get(stanza.name), localName));
    const own = [...localStanzas.values()].filter((stanza) => !baseStanzas.some((other) => other.name === stanza.name));
    replaced.set(base, { ...base, outcome: { ...searchesOutcome(merged, base.file), format: base.outcome.format, splunkConf: baseStanzas } });
    replaced.set(local, { ...local, outcome: { ...searchesOutcome(own, local.file, localStanzas.size - own.length), format: local.outcome.format, splunkConf: [...localStanzas.values()] } });
  }
  return replaced.size ? read.map((entry) => replaced.get(entry) ?? entry) : read;
}

/** A default stanza with the keys its local stanza sets, each at the default stanza's line and saying where local set it. */
function overlay(stanza: ConfStanza, local: ConfStanza | undefined, localName: string): ConfStanza {
  if (!local) return stanza;
  const keys = { ...stanza.keys };
  for (const [key, { value, line }] of Object.entries(local.keys)) keys[key] = { value, line: stanza.line, from: `${localName}:${line}` };
  return { ...stanza, keys };
}

/**
 * Read the saved searches Splunk's REST API lists (GET /servicesNS/-/-/saved/searches?output_mode=json, told by
 * splunkSavedSearches; pure): each entry is the stanza it was written from, its `content` the keys as Splunk merged them,
 * and is read as a savedsearches.conf stanza is. JSON keeps no lines that the parsed value tells: a search's line is
 * where its `name` is written, its techniques' where its annotations are. A JSON value (`"disabled": false`) is read
 * as the text Splunk writes for it, and annotations written as an object as their JSON text. The results of `| rest
 * /servicesNS/-/-/saved/searches` written as JSON (savedSearchRows) are read so too, each row the entry named by its
 * `title` (at the line of its title), its other fields the content, an empty one no key; and so are those results in
 * JSON lines (splunkResultLines: `value` their rows, `unread` the lines that are none, each a problem at its line).
 */
export function parseSplunkSearchesJson(value: unknown, text: string, file: string, unread?: readonly { line: number; message: string }[]): CoverageInput {
  const api = splunkSavedSearches(value);
  // The rows of `| rest …/saved/searches` results (savedSearchRows) are entries named by their title, their fields the content.
  const rows = api ? undefined : savedSearchRows(value);
  const entries = api ?? (rows ?? []).map(({ title, ...content }) => ({ name: title as string, content }));
  const nameLine = jsonValueLines(text, rows ? 'title' : 'name');
  const annotationsLine = jsonValueLines(text, 'action.correlationsearch.annotations');
  const lists: { rules: CoverageRule[]; ignored: CoverageIgnored[]; problems: CoverageProblem[] } = { rules: [], ignored: [], problems: [] };
  for (const { line, message } of unread ?? []) lists.problems.push({ file, line, message, skipped: true });
  const stanzas = entries.map((entry): ConfStanza => {
    const name = entry['name'] as string;
    const line = nameLine(name) ?? 1;
    const keys: ConfStanza['keys'] = {};
    for (const [key, raw] of Object.entries(entry['content'] as Record<string, unknown>)) {
      // A row of `| rest` results has every column it lists: an empty one is a key the search does not set.
      if (raw === null || raw === undefined || (rows && raw === '')) continue;
      const written = typeof raw === 'string' ? raw : JSON.stringify(raw);
      const at = key === 'action.correlationsearch.annotations' && typeof raw === 'string' ? annotationsLine(raw) : undefined;
      keys[key] = { value: written.trim(), line: at ?? line };
    }
    return { name, line, keys };
  });
  const how = rows
    ? `the results of | rest /servicesNS/-/-/saved/searches as JSON${unread ? ' lines' : ''}, each row (named by its title) as a savedsearches.conf stanza`
    : "Splunk's saved searches from its REST API (entry[].content of saved/searches), each as a savedsearches.conf stanza";
  return searchesInput(stanzas, file, lists, `${file}: read as ${how}`, unread?.length);
}

/**
 * Read the results of `| rest /servicesNS/-/-/saved/searches` exported as CSV (pure; its header told by
 * isSavedSearchesHeader): each row is the search named by its `title`, its other columns its keys, and is read as a
 * savedsearches.conf stanza is, at the row's line. An empty cell is a key the search does not set (`| rest` gives every
 * column it lists to every search).
 */
export function parseSplunkSearchesCsv(text: string, file: string): CoverageInput {
  const { rows, problems } = parseCsv(text);
  const [header, ...records] = rows;
  const columns = header?.cells.map((cell) => cell.trim()) ?? [];
  const lists: { rules: CoverageRule[]; ignored: CoverageIgnored[]; problems: CoverageProblem[] } = { rules: [], ignored: [], problems: [] };
  for (const problem of problems) lists.problems.push({ file, line: problem.line, message: problem.message, skipped: true });
  const stanzas: ConfStanza[] = [];
  for (const { line, cells } of records) {
    const keys: ConfStanza['keys'] = {};
    columns.forEach((column, i) => {
      const value = cells[i]?.trim() ?? '';
      if (column && column !== 'title' && value !== '') keys[column] = { value, line };
    });
    const name = cells[columns.indexOf('title')]?.trim() ?? '';
    if (name) stanzas.push({ name, line, keys });
    else lists.problems.push({ file, line, message: 'a row without a title (the saved search\'s name); skipped', skipped: true });
  }
  const unread = problems.length + records.length - stanzas.length;
  return searchesInput(stanzas, file, lists, `${file}: read as the results of | rest /servicesNS/-/-/saved/searches exported as CSV, each row (named by its title) as a savedsearches.conf stanza`, unread);
}

/** The coverage input of saved searches read as stanzas, with what was found before (`lists`) and a note on how the file was read. */
function searchesInput(stanzas: readonly ConfStanza[], file: string, lists: { rules: CoverageRule[]; ignored: CoverageIgnored[]; problems: CoverageProblem[] }, note: string, unread = 0): CoverageInput {
  const outcome = searchesOutcome(stanzas, file);
  for (const problem of outcome.notes ?? []) lists.problems.push({ file, ...problem, skipped: false });
  for (const item of outcome.items) {
    if ('rule' in item) lists.rules.push(item.rule);
    else if ('ignored' in item) lists.ignored.push({ file, ...item.ignored });
    else lists.problems.push({ file, ...item.invalid, skipped: true });
    for (const problem of item.notes ?? []) lists.problems.push({ file, ...problem, skipped: false });
  }
  const input = coverageInput('splunk', file, 1, stanzas.length + unread, lists);
  return { ...input, notes: [note] };
}

/** A stanza's outcome as a detection, or undefined when it is no detection (a report, a baseline). */
function savedSearch(stanza: ConfStanza, file: string): RuleOutcome | undefined {
  const key = (name: string) => stanza.keys[name];
  const annotations = key('action.correlationsearch.annotations') ?? key('action.escu.mappings');
  const correlation = key('action.correlationsearch.enabled') ?? key('action.correlationsearch.label');
  if (!annotations && !correlation) return undefined;
  const name = key('action.correlationsearch.label')?.value || stanza.name;
  const line = stanza.line;
  const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length ? { ...outcome, notes } : outcome);
  const fromLocal = Object.entries(stanza.keys).filter(([, { from }]) => from);
  if (fromLocal.length) {
    const places = [...new Set(fromLocal.map(([, { from }]) => from!.replace(/:\d+$/, '')))];
    notes.push({ line, message: `read with ${places.join(', ')} over default/, as Splunk does: ${fromLocal.map(([name, { value, from }]) => `${name} = ${value} (${from})`).join(', ')}` });
  }
  const disabled = key('disabled');
  const setIn = disabled?.conf ? `, set in ${disabled.conf}` : '';
  if (disabled && TRUE.test(disabled.value)) return withNotes({ ignored: { line: disabled.line, name, reason: `disabled in Splunk (disabled = ${disabled.value}${setIn})` } });
  if (disabled && !FALSE.test(disabled.value)) notes.push({ line: disabled.line, message: `disabled = ${disabled.value} is no Splunk boolean; counted as enabled` });
  let mappings: unknown;
  try {
    mappings = annotations ? JSON.parse(annotations.value) : undefined;
  } catch (error) {
    return { invalid: { line: annotations!.line, message: `${name}: the annotations are not valid JSON (${(error as Error).message}); fix them to count the search` } };
  }
  const listed = mappings !== null && typeof mappings === 'object' ? (mappings as Record<string, unknown>)['mitre_attack'] : undefined;
  const refs: CoverageRef[] = [];
  for (const item of Array.isArray(listed) ? listed : []) {
    const raw = typeof item === 'string' ? item.trim() : '';
    const id = indexedTechniqueIdInAnyCase(raw);
    if (id) refs.push({ raw, line: annotations!.line, id });
    else notes.push({ line: annotations!.line, message: notTechniqueId(raw ? `"${raw}"` : `an item ${JSON.stringify(item)}`) });
  }
  if (!refs.length) return withNotes({ ignored: { line, name, reason: 'no ATT&CK technique (no mitre_attack in action.correlationsearch.annotations)' } });
  const on = (action: string) => TRUE.test(key(action)?.value ?? '');
  const type = on('action.notable') ? 'TTP' : on('action.risk') ? 'Anomaly' : 'Hunting';
  const why = type === 'TTP' ? 'a notable event' : type === 'Anomaly' ? 'risk only' : 'no notable event and no risk';
  const level = roundLevel(DEPLOYED.weight * SPLUNK_WEIGHTS.type[type]);
  const rule: CoverageRule = { kind: 'splunk', name, file, line, refs, level, levelReason: `splunk ${DEPLOYED.text}, type ${type} (its actions: ${why}) -> ${level}` };
  rule.id = stanza.name;
  // A deployed search keeps no data_source: the macros its search starts from (`` `azure_monitor_aad` ``) name its data.
  const search = key('search')?.value;
  const platforms = splunkSearchPlatforms(search);
  if (platforms) rule.platforms = platforms;
  const mailData = splunkMailData([], search);
  if (mailData.length) rule.mailData = mailData;
  return withNotes({ rule });
}
