/**
 * A detections file as coverage: the team's own inventory of detections and the techniques each covers.
 *
 * YAML or JSON (`schemas/detections.schema.json`): a list, or `{ detections: [...] }`, of
 * `{ name, id?, techniques?, coverage?, platforms?, data_sources?, comment? }`.
 *
 * CSV (RFC 4180, first row is the header; a file of two columns, technique IDs and a name, may have none):
 * columns `name` and `techniques` are required; `id`, `coverage`,
 * `platforms`, `data_sources`, `comment` are optional (header names ignore case, and spaces or hyphens count as
 * `_`). A header without one of them may name it as SIEM and rule exports do (`Rule Name`, `detection`, `title`;
 * `technique_id`, `MITRE ATT&CK ID`, `TTPs`; `rule_id`; `Coverage Level`; `platform`, `data source`), and so may a YAML
 * or JSON detection's keys, or list its techniques as Sigma tags (`attack.t1059.001`): see detection-fields.ts. Several techniques in one cell are separated by `;` (also `|` or a line break); a comma separates them
 * only when every comma-separated part holds a technique ID (`T1059.001, T1086`), because technique names may be
 * written with commas and the cell is inside a comma-separated file anyway. Platforms and data sources are
 * separated by `;`, `|` or `,`. Rows whose cells are all empty (what spreadsheets export after the data) are
 * skipped and not counted.
 *
 * Coverage (COVERAGE_WORDS): a number 0-100 is a percentage (/100). Words: none 0, low 0.25, medium 0.5, high 1.0.
 * `high` is the top of the team's own scale, so it is full coverage; a scale whose best word is worth less than 1
 * would make a team that claims "high" everywhere look uncovered. `none` is kept as a rule of level 0: a known gap
 * stated by the team is information a gap review should show. Missing coverage counts as full: the detection
 * exists and is deployed, and the team made no claim that it is partial.
 */
import { extname } from 'node:path';
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { canonicalTechniqueId, indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';
import { InputError, SchemaValidationError, UsageError, type Issue } from '../errors.js';
import { schemaFieldLists, schemaIssues } from '../schemas.js';
import {
  coverageInput,
  roundLevel,
  type CoverageIgnored,
  type CoverageInput,
  type CoverageProblem,
  type CoverageRef,
  type CoverageRule,
} from './coverage-types.js';
import { aliasDetectionFields, type AliasedDetection, columnSynonym, csvColumn, DETECTION_COLUMNS, doubtfulCoverage, splitList, splitTechniques, SYNONYMS_SAID } from './detection-fields.js';
import { otherSeparator, parseCsv } from './parse-csv.js';
import { lineOf, parseYamlSource, yaml } from './yaml-source.js';
import { inputName, readTextFile, STDIN, type InputOptions } from '../read-text.js';
import { yamlDocumentValue } from '../yaml-value.js';
import { kindOfValue, wrongKindMessage } from '../input-kind.js';

/** Coverage words and their weight. */
export const COVERAGE_WORDS: Readonly<Record<string, number>> = { none: 0, low: 0.25, medium: 0.5, high: 1 };

/** The levelReason of a detection that states no coverage. */
export const NO_COVERAGE_GIVEN = 'no coverage given, counted as full -> 1';

export { DETECTION_COLUMNS, splitList, splitTechniques };

/** One detection before it is checked: what the file said, field by field, with lines. */
interface RawDetection {
  line?: number;
  name: string;
  id?: string;
  techniques: CoverageRef[];
  coverage?: number | string;
  platforms: string[];
  dataSources: string[];
  comment?: string;
}

type Lists = Pick<CoverageInput, 'rules' | 'ignored' | 'problems'>;

/**
 * Read a detections file (.csv, .yml, .yaml or .json). Broken rows or items are reported in `problems` and skipped;
 * detections without techniques are ignored with a reason.
 * @throws UsageError when the file cannot be read or its extension is unknown; InputError (with line) when the
 * file as a whole is unusable (YAML syntax, no CSV header); SchemaValidationError when the YAML is not a detections
 * list at all.
 */
export function readDetections(file: string, input: InputOptions = {}): CoverageInput {
  const extension = extname(file).toLowerCase();
  // Read first: a missing file, a folder or a PDF is said to be so, rather than to have the wrong extension.
  const text = readTextFile(file, file, input);
  if (file !== STDIN && !['.csv', '.yml', '.yaml', '.json'].includes(extension)) {
    throw new UsageError(`${file}: a detections file must end in .csv, .yml, .yaml or .json`);
  }
  return parseDetectionsText(text, file);
}

/**
 * Read a detections file's text (pure): CSV for a `.csv` file, else YAML or JSON. `file` is the path as given (`-`
 * for standard input, whose CSV is a first line of comma-separated names without a YAML `key:`).
 */
export function parseDetectionsText(text: string, file: string): CoverageInput {
  const csv = file === STDIN ? /^[^:\n]*,[^:\n]*$/.test(text.trimStart().split('\n')[0] ?? '') : extname(file).toLowerCase() === '.csv';
  return csv ? parseDetectionsCsv(text, inputName(file)) : parseDetectionsYaml(text, inputName(file));
}

/** Read detections from CSV text (pure). @throws InputError when there is no usable header row. */
export function parseDetectionsCsv(text: string, file: string): CoverageInput {
  // A header of no comma but `;` or tabs (a spreadsheet's CSV where the comma is the decimal mark, or TSV) has one
  // reading, when it names the columns read: its fields are separated so.
  const separator = otherSeparator(text);
  const separated = separator ? parseCsv(text, separator) : undefined;
  const named = separated?.rows[0] && !headerlessColumns(separated.rows[0].cells) ? headerColumns(separated.rows[0].cells) : [];
  const other = separated && named.includes('name') && named.includes('techniques') ? separator : undefined;
  const { rows, problems: csvProblems } = other ? separated! : parseCsv(text);
  const lists: Lists = { rules: [], ignored: [], problems: [] };
  const header = rows[0];
  if (other && header) {
    const which = other === ';' ? 'semicolons (;), not commas, as spreadsheets write CSV where the comma is the decimal mark' : 'tabs (TSV), not commas';
    lists.problems.push({ file, line: header.line, message: `the columns are separated by ${which}; read so`, skipped: false });
  }
  if (!header) {
    const broken = csvProblems[0];
    throw new InputError(`${file}${broken ? `:${broken.line}` : ''}: no header row; the first row must name the columns (${DETECTION_COLUMNS.join(', ')})`, {
      file,
      line: broken?.line ?? 1,
    });
  }
  if (csvProblems.some((problem) => problem.line < header.line)) {
    throw new InputError(`${file}:${csvProblems[0]?.line}: the header row is broken (${csvProblems[0]?.message})`, {
      file,
      line: csvProblems[0]?.line,
    });
  }
  const headerless = headerlessColumns(header.cells);
  if (headerless) {
    const at = (column: string): number => headerless.indexOf(column) + 1;
    lists.problems.push({
      file,
      line: header.line,
      message: `no header row: the first row is a detection; read column ${at('techniques')} as techniques and column ${at('name')} as name`,
      skipped: false,
    });
  }
  const columns = headerless ?? headerColumns(header.cells);
  const read = headerless ? [] : columns.flatMap((column, index) => (column === csvColumn(header.cells[index] ?? '') ? [] : [`"${header.cells[index]?.trim()}" as ${column}`]));
  if (read.length) lists.problems.push({ file, line: header.line, message: `read column ${read.join(', ')}`, skipped: false });
  for (const required of ['name', 'techniques']) {
    if (!columns.includes(required)) {
      throw new InputError(
        `${file}:${header.line}: the header has no "${required}" column; name the columns ${DETECTION_COLUMNS.join(', ')} (${SYNONYMS_SAID[required]})`,
        { file, line: header.line },
      );
    }
  }
  const duplicate = columns.find((column, index) => column !== '' && columns.indexOf(column) !== index);
  if (duplicate !== undefined) {
    throw new InputError(`${file}:${header.line}: the column "${duplicate}" appears twice; keep one`, { file, line: header.line });
  }
  columns.forEach((column, index) => {
    if (!DETECTION_COLUMNS.includes(column)) {
      const doubt = doubtfulCoverage(header.cells[index] ?? '');
      lists.problems.push({
        file,
        line: header.line,
        message: doubt ? `column ${doubt}` : `unknown column "${header.cells[index] ?? ''}" is not read; the columns are ${DETECTION_COLUMNS.join(', ')}`,
        skipped: false,
      });
    }
  });
  // A second column of technique IDs (`MITRE ATT&CK` beside `Technique ID`) is not read, but a row where it differs is said.
  const otherTechniques = headerless ? [] : header.cells.flatMap((cell, index) => (columns[index] !== 'techniques' && columnSynonym(cell) === 'techniques' ? [index] : []));
  const dataRows = rows.slice(headerless ? 0 : 1).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  // A broken record never reaches `rows`, so it is an item of its own.
  const items = dataRows.length + csvProblems.length;
  for (const problem of csvProblems) lists.problems.push({ file, line: problem.line, message: problem.message, skipped: true });
  for (const row of dataRows) {
    if (row.cells.length !== columns.length) {
      lists.problems.push({
        file,
        line: row.line,
        message: `the row has ${row.cells.length} fields but the header has ${columns.length}; quote fields that contain ${other === ';' ? 'semicolons' : other ? 'tabs' : 'commas'}`,
        skipped: true,
      });
      continue;
    }
    const cell = (column: string): string | undefined => {
      const value = row.cells[columns.indexOf(column)]?.trim();
      return value === undefined || value === '' ? undefined : value;
    };
    const name = cell('name');
    if (name === undefined) {
      lists.problems.push({ file, line: row.line, message: 'the row has no name; give every detection a name', skipped: true });
      continue;
    }
    const differs = otherTechniques.find((index) => differentIds(cell('techniques'), row.cells[index]));
    if (differs !== undefined) {
      const both = [columns.indexOf('techniques'), differs].map((index) => `"${header.cells[index]?.trim()}" (${row.cells[index]?.trim()})`).join(' and ');
      lists.problems.push({ file, line: row.line, message: `detection "${name}": columns ${both} both give techniques and differ; keep one techniques column`, skipped: true });
      continue;
    }
    addDetection(lists, file, {
      line: row.line,
      name,
      id: cell('id'),
      techniques: splitTechniques(cell('techniques') ?? '').map((raw) => ({ raw, line: row.line })),
      coverage: cell('coverage'),
      platforms: splitList(cell('platforms') ?? ''),
      dataSources: splitList(cell('data_sources') ?? ''),
      comment: cell('comment'),
    });
  }
  sortProblems(lists.problems);
  return coverageInput('detections', file, 1, items, lists);
}

/** Whether two cells both list technique IDs only, and not the same ones (names cannot be compared without ATT&CK). */
function differentIds(one: string | undefined, other: string | undefined): boolean {
  const ids = (text: string | undefined) => {
    const refs = splitTechniques(text ?? '');
    const canonical = refs.map((ref) => canonicalTechniqueId(ref));
    return refs.length > 0 && canonical.every((id) => id !== undefined) ? [...new Set(canonical)].sort().join() : undefined;
  };
  const [a, b] = [ids(one), ids(other)];
  return a !== undefined && b !== undefined && a !== b;
}

/**
 * The columns a header names: each cell as a column name, and a cell that is none as the column its words mean
 * (columnSynonym), unless another cell names that column: a column named as the file format names it is read
 * first, then one whose words say it holds IDs (`Technique ID` over `Technique`), then the first.
 */
function headerColumns(cells: readonly string[]): string[] {
  const columns = cells.map(csvColumn);
  const synonyms = cells.map((cell, index) => (DETECTION_COLUMNS.includes(columns[index]!) ? undefined : columnSynonym(cell)));
  const ids = (index: number): boolean => /\bids?\b/i.test(cells[index]!.replace(/[_-]/g, ' '));
  for (const column of new Set(synonyms)) {
    if (column === undefined || columns.includes(column)) continue;
    const candidates = synonyms.flatMap((synonym, index) => (synonym === column ? [index] : []));
    const chosen = candidates.find(ids) ?? candidates[0]!;
    columns[chosen] = column;
  }
  return columns;
}

/**
 * The columns of a CSV without a header whose first row is a detection of two cells, technique IDs and a name
 * (dettectinator's import_techniques.csv: `T1574.011,A malicious service name was registered`); undefined for any
 * other first row, which is read as the header. An ID is one as a techniques cell may write it (`t1574/011`,
 * `T1574-011`, a team's `ACME-T1000`), as the rows after the first are read: no header names a column so.
 */
function headerlessColumns(cells: readonly string[]): string[] | undefined {
  if (cells.length !== 2) return undefined;
  const isIds = cells.map((cell) => {
    const refs = splitTechniques(cell);
    return refs.length > 0 && refs.every((ref) => (canonicalTechniqueId(ref) ?? indexedTechniqueIdInAnyCase(ref)) !== undefined);
  });
  if (isIds[0] === isIds[1] || cells.some((cell) => cell.trim() === '')) return undefined;
  return isIds[0] ? ['techniques', 'name'] : ['name', 'techniques'];
}

/**
 * Read detections from YAML or JSON text (pure). Items that break the schema are reported and skipped.
 * @throws InputError for a YAML syntax error; SchemaValidationError when the document is not a detections list.
 */
export function parseDetectionsYaml(text: string, file: string): CoverageInput {
  const { doc, lineCounter, duplicates } = parseYamlSource(text, file, 'detections file', schemaFieldLists('detections'));
  if (doc.contents === null) throw new InputError(`${file}: the file is empty; list detections with a name and techniques`, { file, line: 1 });
  const value: unknown = yamlDocumentValue(doc, lineCounter, file);
  const list = itemNodes(doc);
  // Fields written under other names (technique_id, mitre_attack, tags: [attack.t…]) are read in the schema's names.
  const raw = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value['detections']) ? (value['detections'] as unknown[]) : undefined;
  const aliased = (raw ?? []).map((item) => (isRecord(item) ? aliasDetectionFields(item) : undefined));
  const named = raw === undefined ? value : withItems(value, raw.map((item, index) => aliased[index]?.item ?? item));
  const prefix = Array.isArray(value) ? '' : '/detections';
  const keyLine = (index: number, key: string): number | undefined => {
    const node = list?.items[index];
    return yaml().isMap(node) ? lineOf(lineCounter, node.items.find((pair) => yaml().isScalar(pair.key) && pair.key.value === key)?.key) : undefined;
  };
  // A schema issue names the field as the file wrote it (`/0/technique_id/1`), where its line is found.
  const asWritten = (issue: Issue): Issue => ({
    ...issue,
    path: issue.path.replace(/^((?:\/detections)?\/(\d+)\/)([^/]+)/, (_all, head: string, index: string, field: string) =>
      head + (aliased[Number(index)]?.writtenAs[field] ?? field).replace(/~/g, '~0').replace(/\//g, '~1')),
  });
  const withLines = (issue: Issue): Issue => ({ ...issue, line: issue.line ?? lineAtPath(doc, lineCounter, issue.path) });
  const aliasIssues = aliased.flatMap((read, index) => (read?.problems ?? []).map(({ key, message }) => ({ path: `${prefix}/${index}`, line: keyLine(index, key), message })));
  // A key given twice in a detection leaves that detection out, never the file: the others are read.
  const issues = [...duplicates, ...aliasIssues, ...coverageIssues(specific(schemaIssues('detections', named)), named).map(asWritten)];
  const byItem = new Map<number, Issue[]>();
  const whole: Issue[] = [];
  for (const issue of issues) {
    const index = /^(?:\/detections)?\/(\d+)(?:\/|$)/.exec(issue.path)?.[1];
    if (index === undefined || !list) whole.push(issue);
    else byItem.set(Number(index), [...(byItem.get(Number(index)) ?? []), issue]);
  }
  if (whole.length > 0) {
    // A file that is no detections list at all (a campaign, a Sigma rule, a layer) is said to be what it is.
    const kind = kindOfValue(value);
    if (kind && kind !== 'detections') throw new InputError(wrongKindMessage(file, kind, ['detections']), { file });
    throw new SchemaValidationError(file, 'detections file', whole.map(withLines));
  }

  const items = (Array.isArray(named) ? named : (named as { detections: unknown[] }).detections) as Record<string, unknown>[];
  const lists: Lists = { rules: [], ignored: [], problems: [] };
  lists.problems.push(...fieldsReadAs(aliased, keyLine, file));
  items.forEach((item, index) => {
    const node = list?.items[index];
    const writtenAs = aliased[index]?.writtenAs ?? {};
    const line = lineOf(lineCounter, node);
    const itemIssues = byItem.get(index);
    if (itemIssues) {
      const first = withLines(itemIssues[0] as Issue);
      lists.problems.push({
        file,
        line: first.line ?? line,
        message: `detection ${index + 1}${typeof item['name'] === 'string' ? ` "${item['name']}"` : ''}: ${itemIssues
          .map((issue) => {
            const field = issue.path.replace(/^(?:\/detections)?\/\d+\/?/, '');
            return field === '' || duplicates.includes(issue) ? issue.message : `${field} ${issue.message}`;
          })
          .join('; ')}`,
        skipped: true,
      });
      return;
    }
    const coverage = item['coverage'];
    if (typeof coverage === 'string' && !(coverage in COVERAGE_WORDS)) {
      // Text a CSV cell may hold (`80%`, `High`) has one reading; the schema's forms are a number or a lower-case word.
      const read = coverageLevel(coverage);
      if (!('error' in read)) {
        const at = yaml().isMap(node) ? lineOf(lineCounter, node.get(writtenAs['coverage'] ?? 'coverage', true)) : undefined;
        lists.problems.push({ file, line: at ?? line, message: `detection ${index + 1} "${String(item['name'])}": coverage "${coverage}" read as ${read.levelReason.replace(/^coverage /, '')}; write a number 0-100 or one of ${Object.keys(COVERAGE_WORDS).join(', ')}`, skipped: false });
      }
    }
    const techniquesNode = yaml().isMap(node) ? (node.get(writtenAs['techniques'] ?? 'techniques', true) as YamlNode | undefined) : undefined;
    addDetection(lists, file, {
      line,
      name: item['name'] as string,
      id: item['id'] as string | undefined,
      techniques: techniqueRefs(item['techniques'] as string | string[] | undefined, techniquesNode, lineCounter),
      coverage: item['coverage'] as number | string | undefined,
      platforms: listOf(item['platforms'] as string | string[] | undefined),
      dataSources: listOf(item['data_sources'] as string | string[] | undefined),
      comment: item['comment'] as string | undefined,
    });
  });
  sortProblems(lists.problems);
  return coverageInput('detections', file, 1, items.length, lists);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A detections document (a list, or `{ detections: [...] }`) with other items. */
function withItems(value: unknown, items: unknown[]): unknown {
  return Array.isArray(value) ? items : { ...(value as Record<string, unknown>), detections: items };
}

/**
 * Each field read under another name, said once per file at its first place, with how many detections wrote it so:
 * `field "technique_id" read as techniques (2 detections, the first here); name it techniques`.
 */
function fieldsReadAs(aliased: readonly (AliasedDetection | undefined)[], keyLine: (index: number, key: string) => number | undefined, file: string): CoverageProblem[] {
  const found = new Map<string, { key: string; field: string | undefined; count: number; line: number | undefined }>();
  aliased.forEach((read, index) => {
    const fields: [string | undefined, string][] = [...Object.entries(read?.writtenAs ?? {}), ...(read?.notRead ?? []).map((key) => [undefined, key] as [undefined, string])];
    for (const [field, key] of fields) {
      const seen = found.get(`${key}\n${field}`);
      if (seen) seen.count++;
      else found.set(`${key}\n${field}`, { key, field, count: 1, line: keyLine(index, key) });
    }
  });
  return [...found.values()].map(({ key, field, count, line }) => {
    const where = `${count} detection${count === 1 ? '' : 's'}${count === 1 ? '' : ', the first here'}`;
    const tags = csvColumn(key) === 'tags' && field === 'techniques';
    const message =
      field === undefined
        ? `field "${key}" is not read (${where}): ATT&CK gives each technique's name and tactics, and the techniques are read from their IDs`
        : tags
          ? `field "${key}": its ATT&CK technique tags (attack.t…) read as techniques (${where}); list the technique IDs under techniques`
          : `field "${key}" read as ${field} (${where}); name it ${field}`;
    return { file, ...(line === undefined ? {} : { line }), message, skipped: false };
  });
}

/** Check one detection and file it as a rule, ignored, or a problem. */
function addDetection(lists: Lists, file: string, detection: RawDetection): void {
  const { line, name } = detection;
  const weight = coverageLevel(detection.coverage);
  if ('error' in weight) {
    lists.problems.push({ file, line, message: `detection "${name}": ${weight.error}`, skipped: true });
    return;
  }
  if (detection.techniques.length === 0) {
    const ignored: CoverageIgnored = { file, line, name, reason: 'no technique reference' };
    lists.ignored.push(ignored);
    return;
  }
  const rule: CoverageRule = { kind: 'detections', name, file, line, refs: detection.techniques, ...weight };
  if (detection.id !== undefined) rule.id = detection.id;
  if (detection.platforms.length > 0) rule.platforms = detection.platforms;
  if (detection.dataSources.length > 0) rule.dataSources = detection.dataSources;
  if (detection.comment !== undefined) rule.comment = detection.comment;
  lists.rules.push(rule);
}

/** A detection's weight from its coverage: a number 0-100, a word (COVERAGE_WORDS, any case), or nothing. */
export function coverageLevel(coverage: number | string | undefined): { level: number; levelReason: string } | { error: string } {
  if (coverage === undefined) return { level: 1, levelReason: NO_COVERAGE_GIVEN };
  const text = String(coverage).trim();
  const word = COVERAGE_WORDS[text.toLowerCase()];
  if (word !== undefined) return { level: word, levelReason: `coverage ${text.toLowerCase()} -> ${word}` };
  const percent = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text)?.[1];
  const number = percent === undefined ? NaN : Number(percent);
  if (Number.isNaN(number) || number > 100) {
    return { error: `coverage "${text}" is not a number 0-100 or one of ${Object.keys(COVERAGE_WORDS).join(', ')}` };
  }
  const level = roundLevel(number / 100);
  return { level, levelReason: `coverage ${number}% -> ${level}` };
}

function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? splitList(value) : value.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

/** Technique references with the line of each list entry (or of the one text they were split from). */
function techniqueRefs(value: string | string[] | undefined, node: YamlNode | undefined, lineCounter: LineCounter): CoverageRef[] {
  if (value === undefined) return [];
  const { isSeq } = yaml();
  if (typeof value === 'string') return splitTechniques(value).map((raw) => ({ raw, line: lineOf(lineCounter, node) }));
  return value.flatMap((entry, index) =>
    splitTechniques(entry).map((raw) => ({ raw, line: lineOf(lineCounter, isSeq(node) ? node.items[index] : node) })),
  );
}

/** The list node of the detections, in either shape. */
function itemNodes(doc: Document.Parsed): import('yaml').YAMLSeq | undefined {
  const { isMap, isSeq } = yaml();
  const contents = doc.contents;
  if (isSeq(contents)) return contents;
  const list = isMap(contents) ? contents.get('detections', true) : undefined;
  return isSeq(list) ? list : undefined;
}

/** The line of the node at a JSON path (`/detections/3/coverage`), or of its nearest ancestor that exists. */
function lineAtPath(doc: Document.Parsed, lineCounter: LineCounter, path: string): number | undefined {
  const keys = path
    .split('/')
    .slice(1)
    .filter((key) => key !== '')
    .map((key) => (/^\d+$/.test(key) ? Number(key) : key.replace(/~1/g, '/').replace(/~0/g, '~')));
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keys.slice(0, depth), true);
    const line = lineOf(lineCounter, node);
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * The schema's issues with a detection's coverage as the CSV reader reads a cell (coverageLevel): text that has one
 * reading (`80%`, `High`) is no issue, and any other value is said with what coverage takes, a number 0-100 or a word.
 */
function coverageIssues(issues: Issue[], value: unknown): Issue[] {
  const items = Array.isArray(value) ? value : (value as { detections?: unknown } | null)?.detections;
  const coverageOf = (path: string): { index: number; coverage: unknown } | undefined => {
    const index = /^(?:\/detections)?\/(\d+)\/coverage$/.exec(path)?.[1];
    if (index === undefined || !Array.isArray(items)) return undefined;
    return { index: Number(index), coverage: (items[Number(index)] as Record<string, unknown> | undefined)?.['coverage'] };
  };
  const said = new Set<string>();
  return issues.flatMap((issue) => {
    const found = coverageOf(issue.path);
    if (!found) return [issue];
    const { coverage } = found;
    const read = typeof coverage === 'string' || typeof coverage === 'number' ? coverageLevel(coverage) : undefined;
    if (read && !('error' in read)) return [];
    if (said.has(issue.path)) return [];
    said.add(issue.path);
    const words = Object.keys(COVERAGE_WORDS).join(', ');
    return [{ ...issue, message: `${JSON.stringify(coverage)} is not a number 0-100 or one of ${words}` }];
  });
}

/** Drop ajv's summary errors of if/then/else when a more specific error says the same at or below that path. */
function specific(issues: Issue[]): Issue[] {
  const summary = /^must match "(?:then|else)" schema$/;
  return issues.filter(
    (issue) => !summary.test(issue.message) || !issues.some((other) => !summary.test(other.message) && other.path.startsWith(issue.path === '/' ? '/' : issue.path)),
  );
}

function sortProblems(problems: CoverageProblem[]): void {
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
