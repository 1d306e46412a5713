import { basename, join } from 'node:path';
import type { AttackIndex } from '../attack/attack-index.js';
import { currentPlatformName } from '../attack/platform-names.js';
import type { TechniqueId } from '../attack/types.js';
import { compareText } from '../compare-text.js';
import { FolderFiles } from '../folder-files.js';
import { InputError, InvalidYamlError, moreErrors, UsageError, type GivenAs } from '../errors.js';
import { kindOfText } from '../input-kind.js';
import { isJsonObject } from '../json-value.js';
import { resolveReference, type ResolveContext } from '../normalize/resolve-reference.js';
import { inputName, readFolder, readTextFile, statInput, STDIN, type InputOptions } from '../read-text.js';
import { parseCsv } from './parse-csv.js';
import { jsYamlErrors, parseYamlDocuments, YamlSyntaxError, type YamlNode } from './yaml-events.js';
import { yamlSyntaxIssues } from '../yaml-syntax-issues.js';

/**
 * Atomic Red Team's tests (redcanaryco/atomic-red-team), read to say which tests exercise a threat technique: each
 * test runs the technique on its platforms and detects nothing, so it is never coverage, only a way to check a rule.
 */
export interface AtomicTest {
  /** The technique ID as the test's file writes it (`attack_technique`, an index key, `Technique #`). */
  technique: string;
  name: string;
  /** `auto_generated_guid` (`Test GUID`); absent when the file leaves it empty. */
  guid?: string;
  /** `supported_platforms` as Atomic Red Team spells them (`windows`, `iaas:aws`); absent when the file does not say. */
  platforms?: string[];
  /** `executor.name` (`Executor Name`): powershell, command_prompt, sh, bash, manual. */
  executor?: string;
  file: string;
  line?: number;
}

/** The tests given with `gap --tests`, and the files they were read from. */
export interface AtomicTestSet {
  source: string;
  files: number;
  tests: AtomicTest[];
  /** Files of the folder that are no test file (invalid YAML, another kind), left out: why, naming the file. */
  leftOut?: string[];
}

/** What `readAtomicTests` (`gap --tests`) takes, as its messages say it. */
export const TESTS_INPUT = 'an atomics folder, atomics/Indexes/index.yaml, Indexes-CSV/index.csv or an atomics/Txxxx/Txxxx.yaml file of Atomic Red Team';

/**
 * Atomic Red Team's platform names (`supported_platforms`, the prefix of its per-platform indexes) that are not an
 * ATT&CK platform's name in any case: the older ATT&CK names they stand for, which current releases rename.
 */
const ART_PLATFORMS: Readonly<Record<string, string>> = {
  'office-365': 'Office 365',
  'azure-ad': 'Azure AD',
  'google-workspace': 'Google Workspace',
  'iaas:aws': 'IaaS',
  'iaas:azure': 'IaaS',
  'iaas:gcp': 'IaaS',
  'iaas-aws': 'IaaS',
  'iaas-azure': 'IaaS',
  'iaas-gcp': 'IaaS',
};

/**
 * The platforms of Atomic Red Team's per-platform CSV indexes, as their files are named (`atomics/Indexes/Indexes-CSV/
 * windows-index.csv`, `iaas-aws-index.csv`; `esxi` and `saas` as their YAML indexes). Another prefix is a name given to
 * the file (`art-index.csv`, `apt28-index.csv`), no platform: read as index.csv, which names none.
 */
const ART_INDEX_PLATFORMS = new Set(['azure-ad', 'containers', 'esxi', 'google-workspace', 'iaas', 'iaas-aws', 'iaas-azure', 'iaas-gcp', 'linux', 'macos', 'office-365', 'saas', 'windows']);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

/** One test of an atomics YAML `atomic_tests` list. */
function yamlTest(technique: string, value: unknown, file: string): AtomicTest | undefined {
  if (!isJsonObject(value)) return undefined;
  const name = text(value['name']);
  if (!name) return undefined;
  const guid = text(value['auto_generated_guid']);
  const platforms = Array.isArray(value['supported_platforms']) ? value['supported_platforms'].map(text).filter((p): p is string => !!p) : [];
  const executor = isJsonObject(value['executor']) ? text(value['executor']['name']) : undefined;
  return { technique, name, ...(guid ? { guid } : {}), ...(platforms.length ? { platforms } : {}), ...(executor ? { executor } : {}), file };
}

/**
 * The tests a file's text holds (pure): an atomics/Txxxx/Txxxx.yaml (`attack_technique`, `atomic_tests`), an index
 * YAML (tactic -> technique ID -> `atomic_tests`, each technique under each of its tactics: a test is kept once) or
 * an index CSV (`Tactic,Technique #,Technique Name,Test #,Test Name,Test GUID,Executor Name`). The CSV names no
 * platform: a per-platform index (`windows-index.csv`) gives its own, `index.csv` none (every platform).
 * @throws InputError when the text is none of these.
 */
export function parseAtomicTests(source: string, file: string): AtomicTest[] {
  if (kindOfText(source) !== 'atomic-tests') {
    throw new InputError(`${file}: not Atomic Red Team tests; give ${TESTS_INPUT}`, { file });
  }
  if (/^Tactic,Technique #,/.test(source.trimStart())) return csvTests(source, file);
  const value = plainValue(readYaml(source, file));
  if (!isJsonObject(value)) return [];
  const tests: AtomicTest[] = [];
  const technique = text(value['attack_technique']);
  if (technique && Array.isArray(value['atomic_tests'])) {
    for (const item of value['atomic_tests']) {
      const test = yamlTest(technique, item, file);
      if (test) tests.push(test);
    }
    return tests;
  }
  const seen = new Set<string>();
  for (const tactic of Object.values(value)) {
    if (!isJsonObject(tactic)) continue;
    for (const [id, entry] of Object.entries(tactic)) {
      if (!isJsonObject(entry) || !Array.isArray(entry['atomic_tests'])) continue;
      for (const item of entry['atomic_tests']) {
        const test = yamlTest(id, item, file);
        const key = test && `${id}\n${test.guid ?? test.name}`;
        if (!test || seen.has(key!)) continue;
        seen.add(key!);
        tests.push(test);
      }
    }
  }
  return tests;
}

/**
 * The YAML of a test file or index, built only as deep as a test's fields (index: tactic, technique, atomic_tests,
 * test, its platforms and executor). Why: atomics/Indexes/index.yaml is 2.8 MB, mostly each technique's STIX object,
 * which the `yaml` package's full document model read in 0.57 s and js-yaml's events in 0.09 s (`npm run bench -- 'gap
 * tests index'`). An alias is not followed (a test file has none), so no alias bomb expands.
 */
function readYaml(source: string, file: string): YamlNode | null | undefined {
  try {
    return parseYamlDocuments(source, 6)[0];
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw testFileYamlError(source, file);
    if (error instanceof RangeError) throw new InputError(`${file}: not valid YAML: it nests too deeply to be read (${error.message}); fix the structure`, { file, cause: error });
    throw error;
  }
}

/**
 * The fields of each kind of mapping of an Atomic Red Team test file (atomic-red-team's atomics/Txxxx/Txxxx.yaml): the
 * file, a test, its executor, an input argument, a dependency.
 */
const ATOMIC_KEYS: readonly (readonly string[])[] = [
  ['attack_technique', 'display_name', 'atomic_tests'],
  ['name', 'auto_generated_guid', 'description', 'supported_platforms', 'input_arguments', 'dependency_executor_name', 'dependencies', 'executor'],
  ['name', 'command', 'cleanup_command', 'elevation_required', 'steps'],
  ['description', 'type', 'default'],
  ['description', 'prereq_command', 'get_prereq_command'],
];

/**
 * A test file that is not valid YAML: every syntax error (yamlSyntaxIssues), the message naming the first as it always
 * has, `file: not valid YAML: … (line 4, column 3)`, so that a folder's left-out line can list them all.
 */
function testFileYamlError(source: string, file: string): InvalidYamlError {
  const issues = yamlSyntaxIssues(source, jsYamlErrors, { keys: ATOMIC_KEYS, prefix: 'not valid YAML', parserWords: (reason) => reason }).issues;
  const [first] = issues;
  const place = first?.line ? ` (line ${first.line}${first.column ? `, column ${first.column}` : ''})` : '';
  return new InvalidYamlError(file, 'Atomic Red Team test file', issues, `${file}: ${first?.message ?? 'not valid YAML'}${place}${moreErrors(issues)}`);
}

/** A node as plain values: mappings as objects, sequences as arrays, scalars as text; aliases and deeper parts none. */
function plainValue(node: YamlNode | null | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.text ?? undefined;
  if (node.kind === 'seq') return node.items.map(plainValue);
  if (node.kind === 'map') return Object.fromEntries([...node.pairs].map(([key, value]) => [key, plainValue(value)]));
  return undefined;
}

/** The tests of an index CSV, one a row; the platform of a per-platform index comes from its name. */
function csvTests(source: string, file: string): AtomicTest[] {
  const prefix = /^(.+)-index\.csv$/i.exec(basename(file))?.[1]?.toLowerCase();
  const platform = prefix && ART_INDEX_PLATFORMS.has(prefix) ? prefix : undefined;
  const { rows, problems } = parseCsv(source);
  if (problems[0]) throw new InputError(`${file}: line ${problems[0].line}: ${problems[0].message}`, { file, line: problems[0].line });
  const [header, ...body] = rows;
  const column = (name: string): number => header?.cells.indexOf(name) ?? -1;
  const [id, name, guid, executor] = [column('Technique #'), column('Test Name'), column('Test GUID'), column('Executor Name')];
  const seen = new Set<string>();
  const tests: AtomicTest[] = [];
  for (const { cells, line } of body) {
    const technique = text(cells[id]);
    const test = text(cells[name]);
    if (!technique || !test) continue;
    // Like the YAML index, the CSV lists a test once per tactic of its technique.
    const key = `${technique}\n${text(cells[guid]) ?? test}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [g, e] = [text(cells[guid]), text(cells[executor])];
    tests.push({ technique, name: test, ...(g ? { guid: g } : {}), ...(platform ? { platforms: [platform] } : {}), ...(e ? { executor: e } : {}), file, line });
  }
  return tests;
}

/**
 * Read Atomic Red Team tests from a file (parseAtomicTests; `-`: the `stdin` of `input`, a test file or an index) or a
 * folder: its `Txxxx/Txxxx.yaml` files, as atomic-red-team's `atomics/` holds them (a checkout's root: its `atomics/`).
 * Its indexes are not read beside them. A message names the path alone, or after the word `givenAs.tests` gives (the CLI's `--tests`).
 * @throws UsageError when the path names nothing or a folder without tests; InputError for a file of another kind.
 */
export function readAtomicTests(path: string, input: InputOptions & { givenAs?: GivenAs } = {}): AtomicTestSet {
  // A per-platform CSV index names its platform only in its file name: from standard input its tests count on every platform, as index.csv's do.
  if (path === STDIN) return { source: inputName(path), files: 1, tests: parseAtomicTests(readTextFile(path, path, input), inputName(path)) };
  const stat = statInput(path);
  // The path is the function's argument, named as such; the CLI's flag before it says which of its paths it is.
  const given = input.givenAs?.tests ? `${input.givenAs.tests} ${path}` : path;
  if (!stat) throw new UsageError(`${given}: no such file or folder; give ${TESTS_INPUT}`, { file: path });
  if (!stat.isDirectory()) return { source: path, files: 1, tests: parseAtomicTests(readTextFile(path), path) };
  const folder = statInput(join(path, 'atomics'))?.isDirectory() ? join(path, 'atomics') : path;
  const files = readFolder(folder)
    .filter((entry) => entry.isDirectory() && /^T\d{4}(?:\.\d{3})?$/i.test(entry.name))
    .map((entry) => join(folder, entry.name, `${entry.name}.yaml`))
    .filter((file) => statInput(file)?.isFile())
    .sort(compareText);
  if (!files.length) throw new UsageError(`${given}: the folder holds no Txxxx/Txxxx.yaml test file; give ${TESTS_INPUT}`, { file: path });
  // A file that is no test file is left out, saying why, and the tests of the others are read.
  const read = new FolderFiles(files.map((file) => ({ path: file, found: true })));
  const tests = files.flatMap((file) => read.read(file, () => parseAtomicTests(readTextFile(file), file)) ?? []);
  read.assertSomeRead([path], tests.length > 0, 'Atomic Red Team tests');
  return { source: path, files: files.length, tests, ...(read.leftOut.length ? { leftOut: read.leftOut } : {}) };
}

/** A test placed on a current technique of the review's release, on the release's platforms. */
export interface PlacedAtomicTest extends AtomicTest {
  /** The current technique it exercises (a revoked ID's replacement). */
  id: TechniqueId;
  /** Its platforms in the release's names; absent: every platform (the file named none). */
  releasePlatforms?: string[];
}

/** The tests placed on techniques, and what could not be placed, as the review's notes say it. */
export interface PlacedAtomicTests {
  source: string;
  count: number;
  placed: PlacedAtomicTest[];
  notes: string[];
}

/**
 * Bring each test's technique ID to the release as every other input's (a revoked ID counts under its replacement;
 * a deprecated or unknown one places no test) and its platforms to the release's names. A test whose platforms the
 * release has none of (`freebsd`) is left out, said in a note.
 */
export function placeAtomicTests(set: AtomicTestSet, context: ResolveContext): PlacedAtomicTests {
  const { target } = context;
  const known = target.platforms();
  const placed: PlacedAtomicTest[] = [];
  const unplaced = new Map<string, { status: string; count: number }>();
  const remapped = new Map<string, { ids: TechniqueId[]; count: number }>();
  const otherPlatforms = new Map<string, number>();
  const cache = new Map<string, ReturnType<typeof resolveReference>>();
  for (const test of set.tests) {
    let resolution = cache.get(test.technique);
    if (!resolution) cache.set(test.technique, (resolution = resolveReference({ raw: test.technique }, context)));
    if (!resolution.ids.length) {
      const seen = unplaced.get(test.technique) ?? { status: resolution.status, count: 0 };
      unplaced.set(test.technique, { ...seen, count: seen.count + 1 });
      continue;
    }
    if (resolution.status === 'revoked') {
      const seen = remapped.get(test.technique) ?? { ids: resolution.ids, count: 0 };
      remapped.set(test.technique, { ...seen, count: seen.count + 1 });
    }
    const names = test.platforms?.map((p) => currentPlatformName(ART_PLATFORMS[p.toLowerCase()] ?? p, known) ?? known.find((k) => k.toLowerCase() === p.toLowerCase()));
    const platforms = names && [...new Set(names.filter((p): p is string => !!p))].sort(compareText);
    if (platforms && !platforms.length) {
      for (const p of test.platforms ?? []) otherPlatforms.set(p, (otherPlatforms.get(p) ?? 0) + 1);
      continue;
    }
    for (const id of resolution.ids) placed.push({ ...test, id, ...(platforms ? { releasePlatforms: platforms } : {}) });
  }
  const notes: string[] = [];
  const where = `Atomic Red Team tests ${set.source}`;
  for (const line of set.leftOut ?? []) notes.push(`${where}: left out: ${line}`);
  if (remapped.size) {
    notes.push(`${where}: revoked IDs counted under their replacement: ${[...remapped].map(([raw, r]) => `${raw} -> ${r.ids.join(', ')} (${r.count})`).join('; ')}`);
  }
  if (unplaced.size) {
    notes.push(`${where}: tests of no technique in this release, left out: ${[...unplaced].map(([raw, u]) => `${raw} ${u.status} (${u.count})`).join('; ')}`);
  }
  if (otherPlatforms.size) {
    notes.push(`${where}: tests only for platforms ATT&CK ${target.label} does not have, left out: ${[...otherPlatforms].map(([p, n]) => `${p} (${n})`).join('; ')}`);
  }
  if (set.tests.length && placed.every((test) => !test.releasePlatforms)) {
    notes.push(`${where}: the file names no platform (index.csv does not), so each test counts on every platform of its technique; for each test's platforms give atomics/Indexes/index.yaml or the atomics folder`);
  }
  return { source: set.source, count: set.tests.length, placed, notes };
}

/** A test as a review row lists it. */
export interface RowTest {
  name: string;
  guid?: string;
  platforms?: string[];
  executor?: string;
  /**
   * The technique whose test it is when not the row's own: a sub-technique's, on its parent's row (`T1003.001` on
   * T1003's), which exercises the parent only in part; or the parent's own, on a sub-technique's row. Absent: the row's.
   */
  via?: TechniqueId;
}

const parentOf = (id: string): string => id.split('.')[0]!;

/**
 * The tests that run on one of `platforms`: the technique's own, in the order read (a file's order, then by file),
 * then, for a parent technique, its sub-techniques' (Atomic Red Team files most tests under the sub-technique: T1003
 * has a few of its own, T1003.001 to .008 many), or, for a sub-technique, its parent's own; never a sibling's.
 */
export function testsOnPlatforms(tests: readonly PlacedAtomicTest[], id: TechniqueId, platforms: readonly string[]): RowTest[] {
  const runs = (test: PlacedAtomicTest): boolean => !test.releasePlatforms || test.releasePlatforms.some((p) => platforms.includes(p));
  const related = (test: PlacedAtomicTest): boolean => (id.includes('.') ? test.id === parentOf(id) : test.id.startsWith(`${id}.`));
  const row = ({ name, guid, releasePlatforms, executor }: PlacedAtomicTest, via?: TechniqueId): RowTest => ({
    name,
    ...(guid ? { guid } : {}),
    ...(releasePlatforms ? { platforms: releasePlatforms } : {}),
    ...(executor ? { executor } : {}),
    ...(via ? { via } : {}),
  });
  const own = tests.filter((test) => test.id === id && runs(test)).map((test) => row(test));
  const others = tests.filter((test) => related(test) && runs(test)).sort((a, b) => compareText(a.id, b.id));
  return [...own, ...others.map((test) => row(test, test.id))];
}

/** How a row's test says it is another technique's: `via T1003.001` (a sub-technique's), `parent's test`. */
export function testVia(test: Pick<RowTest, 'via'>): string {
  if (!test.via) return '';
  return test.via.includes('.') ? `via ${test.via}` : "parent's test";
}

/**
 * A row's tests as the reports say them, at most `shown` names: `tests: 2 (Gsecdump; Credential Dumping with NPPSpy)`;
 * with another technique's counted apart, `tests: 0 own, 12 of its sub-techniques (LSASS dump (via T1003.001); …)`.
 */
export function testsText(tests: readonly RowTest[], options: { shown?: number } = {}): string {
  if (!tests.length) return 'tests: none on its platforms';
  const shown = options.shown ?? tests.length;
  const names = tests.slice(0, shown).map((test) => (test.via ? `${test.name} (${testVia(test)})` : test.name));
  const others = tests.filter((test) => test.via);
  const counts = others.length
    ? `${tests.length - others.length} own, ${others.length} of its ${others[0]!.via!.includes('.') ? 'sub-techniques' : 'parent'}`
    : String(tests.length);
  return `tests: ${counts} (${names.join('; ')}${tests.length > shown ? `; and ${tests.length - shown} more` : ''})`;
}
