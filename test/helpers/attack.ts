/**
 * Shared test helpers for ATT&CK data and the CLI. Real releases come from `ATTACK_STIX_DIR` (else
 * `../shared/attack-stix` beside the repository); nothing from there is ever copied into the repository.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { AttackLibrary, loadAttack, type AttackIndex, type Domain } from '../../lib/index.js';
import { deepFreeze } from '../../lib/attack/loaded-releases.js';

/** The repository root (the folder holding package.json). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder of real ATT&CK release files: `$ATTACK_STIX_DIR`, else `../shared/attack-stix` beside the repo. */
export function stixDir(): string {
  return process.env['ATTACK_STIX_DIR'] || resolve(repoRoot, '../shared/attack-stix');
}

/** A file of the shared release folder, e.g. `stixFile('stix21/mobile-attack-9.0.json.gz')`. */
export function stixFile(name: string): string {
  return join(stixDir(), name);
}

/** A hand-written fixture under test/fixtures/stix/. */
export function fixtureFile(name: string): string {
  return join(repoRoot, 'test/fixtures/stix', name);
}

let runDir: string | undefined;

function runTmp(): string {
  if (!runDir) {
    runDir = mkdtempSync(join(tmpdir(), 'attack-layers-test-'));
    const dir = runDir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return runDir;
}

/**
 * The attack-layers cache folder of this test run (one per process, removed at exit). Library loads use it as
 * `cacheDir` and `runCli` points `XDG_CACHE_HOME` at its parent, so both share one index cache. Tests that write
 * releases into a cache (`data add`, `data fetch`) must use their own folder from `freshTmpDir()`.
 */
export function testCacheDir(): string {
  const dir = join(runTmp(), 'xdg-cache', 'attack-layers');
  mkdirSync(dir, { recursive: true });
  return dir;
}

let snapshotHome: string | undefined;

/**
 * An XDG_CACHE_HOME for runs with no ATT&CK data configured, which read the snapshot shipped in attack-data/: one per
 * test run, where the snapshot's releases are indexed once for all of them.
 */
export function snapshotCacheHome(): string {
  if (!snapshotHome) {
    snapshotHome = freshTmpDir('snapshot-xdg');
    const library = new AttackLibrary({ cacheDir: join(snapshotHome, 'attack-layers') });
    for (const file of library.files) library.load(file);
  }
  return snapshotHome;
}

/**
 * A new, empty XDG_CACHE_HOME but for the index cache of the snapshot (copied from `snapshotCacheHome()`): for tests
 * of what a cache holds, which would otherwise index the snapshot again.
 */
export function freshCacheHome(label: string): string {
  const dir = freshTmpDir(label);
  cpSync(join(snapshotCacheHome(), 'attack-layers', 'index'), join(dir, 'attack-layers', 'index'), { recursive: true });
  return dir;
}

let tmpCount = 0;

/** A new empty folder under this run's tmp folder (removed at exit). */
export function freshTmpDir(label = 'tmp'): string {
  const dir = join(runTmp(), `${label}-${++tmpCount}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const releases = new Map<string, AttackIndex>();

/** A release from the shared folder through `loadAttack` and the run's cache, loaded once per process. */
export function loadRelease(release = '18.1', domain: Domain = 'enterprise-attack'): AttackIndex {
  const key = `${domain} ${release}`;
  let index = releases.get(key);
  if (!index) {
    index = loadAttack({ envDir: stixDir(), cacheDir: testCacheDir(), domain, release });
    releases.set(key, index);
  }
  return index;
}

/** A minimal STIX object, as tests read them straight from a bundle (independently of lib/). */
export interface RawStixObject {
  type: string;
  id: string;
  [key: string]: unknown;
}

/** A bundle as `readRawBundle` gives it: frozen, to every test that reads the same file. */
export type RawBundle = { readonly spec_version?: string; readonly objects: readonly RawStixObject[] };

/** The bundles `readRawBundle` read last, by path, size and mtime: two, as tests read 18.1 beside one other release. */
const rawBundles = new Map<string, RawBundle>();
const RAW_BUNDLES_KEPT = 2;

/**
 * A release file parsed directly (gunzip when gzipped, JSON.parse), not through lib/: the tests' second opinion. Parsed
 * once for the tests that read the same file one after another (some thirty test files read enterprise 18.1 so, each
 * parsing its 33 MB of JSON again), and deep-frozen, so that no test can change what the next one reads (a write to it
 * is ignored, or throws in strict code): copy what you would change.
 */
export function readRawBundle(file: string): RawBundle {
  const { size, mtimeMs } = statSync(file);
  const key = `${resolve(file)} ${size} ${mtimeMs}`;
  let bundle = rawBundles.get(key);
  if (bundle) rawBundles.delete(key);
  else {
    const bytes = readFileSync(file);
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
    bundle = deepFreeze(JSON.parse(text) as RawBundle);
  }
  rawBundles.set(key, bundle);
  if (rawBundles.size > RAW_BUNDLES_KEPT) rawBundles.delete(rawBundles.keys().next().value!);
  return bundle;
}

/** A release file read straight from its bundle (`readRawBundle`): its objects by STIX id, and what revoked each. */
export interface RawRelease {
  file: string;
  byStix: Map<string, RawStixObject>;
  revokedBy: Map<string, string>;
}

/** A release file of ../shared/attack-stix (`stixFile`'s name) read without lib/, its `revoked-by` relationships indexed. */
export function rawRelease(file: string): RawRelease {
  const objects = readRawBundle(stixFile(file)).objects;
  const revokedBy = new Map<string, string>();
  for (const o of objects) if (o.type === 'relationship' && o['relationship_type'] === 'revoked-by') revokedBy.set(o['source_ref'] as string, o['target_ref'] as string);
  return { file, byStix: new Map(objects.map((o) => [o.id, o])), revokedBy };
}

/** A raw object's ATT&CK ID (enterprise, mobile or ICS), from its external references. */
export const rawAttackId = (o: RawStixObject): string =>
  (o['external_references'] as { source_name: string; external_id?: string }[]).find((r) => /^mitre-(mobile-|ics-)?attack$/.test(r.source_name) && r.external_id)!.external_id!;

/** What a CLI run returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** What a CLI run in a test may be given besides its arguments and environment. */
export interface CliOptions {
  /** Standard input, for `-`. */
  stdin?: string | Uint8Array;
  /** Make stdout and stderr look like terminals of this width. */
  tty?: { columns: number };
  /** The working folder of the run (default: the repository). */
  cwd?: string;
}

/**
 * Run the CLI in-process through `run()`. The environment holds only `ATTACK_STIX_DIR` (the shared folder) and
 * `XDG_CACHE_HOME` (the run's cache); `env` adds or overrides keys, and a key set to undefined is removed.
 */
export async function runCli(argv: readonly string[], env: Record<string, string | undefined> = {}, options: CliOptions = {}): Promise<CliResult> {
  // import(), as the CLI imports each command's module: mocha require()s test files, and a static import of run.ts
  // here would be a CommonJS copy of the library beside the ES module copy that the command modules load, so that
  // run.ts would not recognise their errors (exit 70 instead of 1 or 2).
  const { run } = await import('../../lib/cli/run.js');
  let stdout = '';
  let stderr = '';
  const merged: Record<string, string | undefined> = {
    ATTACK_STIX_DIR: stixDir(),
    XDG_CACHE_HOME: dirname(testCacheDir()),
    ...env,
  };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  const terminal = options.tty ? { isTTY: true, columns: options.tty.columns } : {};
  const code = await run(argv, {
    stdout: { write: (chunk: string) => (stdout += chunk), ...terminal },
    stderr: { write: (chunk: string) => (stderr += chunk), ...terminal },
    stdin: () => (typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? new Uint8Array())),
    env: merged,
    cwd: options.cwd ?? repoRoot,
  });
  return { code, stdout, stderr };
}

/** True when some text looks like it holds a JavaScript stack trace (`    at foo (file.js:1:2)`). */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\))$/m.test(text);
}

/**
 * What `upgrade`, `export`, `combine` and `gap` say on stderr when each refuses one layer (exit 1, no stack trace
 * asserted), the command's prefix left out: for the tests that every reader of a layer refuses it alike.
 */
export async function layerRefusals(file: string, outDir: string): Promise<string[]> {
  const said: string[] = [];
  for (const argv of [
    ['upgrade', file],
    ['export', file, '--format', 'csv'],
    ['combine', file, file, '--op', 'max'],
    ['gap', '--threat', file, '--coverage', file, '--out', join(outDir, 'gap')],
  ]) {
    const result = await runCli(argv);
    expect(result.code, result.stderr).to.equal(1);
    expect(hasStackTrace(result.stderr)).to.equal(false);
    said.push(result.stderr.trim().replace(/^attack-layers \w+: /, ''));
  }
  return said;
}

/** Whether user nobody (65534) can read every one of these files (as root, to know whether a case can run as nobody). */
export function nobodyCanRead(files: string[]): boolean {
  const probe = `for (const f of ${JSON.stringify(files)}) require('node:fs').accessSync(f, require('node:fs').constants.R_OK)`;
  return spawnSync(process.execPath, ['-e', probe], { cwd: '/', uid: 65534, gid: 65534 }).status === 0;
}

/** The message of the error a call throws. */
export function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('no error thrown');
}
