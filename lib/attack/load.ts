import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AttackDataError, inGivenDataWords, UsageError, withGivenInputs, type GivenAs } from '../errors.js';
import { packageFileUrl } from '../package-files.js';
import { AttackIndex } from './attack-index.js';
import { IndexCache } from './index-cache.js';
import type { ReleaseHistory } from './later-release.js';
import type { Fresh } from './building.js';
import { fileStamp, LoadedReleases, sharedReleases } from './loaded-releases.js';
import { indexBundle } from './index-bundle.js';
import { parseBundleBytes, readBundleBytes } from './read-bundle.js';
import { buildSideData, type AnySideData } from './side-cache.js';
import { compareReleases, fetchCommand, listReleaseFiles, parseReleaseFileName } from './release-files.js';
import type { AttackIndexData, Domain } from './types.js';
import { compareText } from '../compare-text.js';

/** How a release file was found: which of the places an `AttackLibrary` searches, in this order. */
export type ReleaseOrigin = 'flag' | 'env' | 'cache' | 'snapshot';

/**
 * A step of loading a release, for progress shown to people: `read` (the file's bytes), `parse` (the JSON) and `index`
 * come only on a first load, which takes seconds (tens on a small machine); `cached` when the index cache had it (or
 * the process had loaded it: `AttackDataOptions.shareLoaded`);
 * `done` once the release is ready, with its label (`enterprise-attack 18.1`).
 */
export interface LoadProgress {
  file: string;
  origin?: string;
  step: 'cached' | 'read' | 'parse' | 'index' | 'done';
  /** The release, once known (`done`). */
  label?: string;
  /** What the file holds that was read otherwise than in a MITRE release, or left out (`done`; see `AttackIndexData.notes`). */
  notes?: readonly string[];
}

/** Options for reading one release file. */
export interface LoadFileOptions {
  /** The release, for a STIX 2.0 file whose name does not say it. */
  release?: string;
  /** The folder of the index cache (`defaultCacheDir()` is the user's); without it, no index cache is used. */
  cacheDir?: string;
  origin?: string;
  /** Called at each step of the load (the library never prints; a CLI may show these on a terminal). */
  onProgress?: (progress: LoadProgress) => void;
  /**
   * Side data the caller will need (e.g. `DETECTION_DATA`): when the index is built cold, these are built from the
   * same parse of the bundle (cached and kept with the index), so that `loadSideData` does not read the file again.
   */
  sideData?: readonly AnySideData[];
  /** How errors name the CLI's commands and flags (`attack-layers data fetch`, `--attack-release`): see `inGivenDataWords`. */
  givenAs?: GivenAs;
}

/**
 * Load one release file (`.json`, `.json.gz` or `.json.br`; STIX 2.0 or 2.1), from the index cache when the same
 * bytes were indexed before. @throws UsageError for a missing file, AttackDataError for one that is not a readable
 * ATT&CK bundle.
 */
export function loadAttackFile(file: string, options: LoadFileOptions = {}): AttackIndex {
  return withGivenInputs(() => loadFile(file, options), options.givenAs, inGivenDataWords);
}

function loadFile(file: string, options: LoadFileOptions): AttackIndex {
  const named = parseReleaseFileName(file);
  const releaseHint = options.release ?? named?.release;
  const cache = options.cacheDir ? new IndexCache(options.cacheDir) : undefined;
  const progress = (step: LoadProgress['step'], index?: AttackIndex): void =>
    options.onProgress?.({
      file,
      ...(options.origin ? { origin: options.origin } : {}),
      step,
      ...(index ? { label: index.label } : {}),
      ...(index?.data.notes ? { notes: index.data.notes } : {}),
    });
  const ready = (data: AttackIndexData, step?: 'cached'): AttackIndex => {
    if (step) progress(step);
    const index = new AttackIndex(data);
    progress('done', index);
    return index;
  };
  const known = cache?.knownHash(file);
  const fromFingerprint = known ? cache?.read(known, releaseHint) : undefined;
  if (fromFingerprint) return ready(withSource(fromFingerprint, file, options.origin), 'cached');

  progress('read');
  const bytes = readBundleBytes(file);
  const cached = cache?.read(bytes.sha256, releaseHint);
  if (cached) {
    cache?.remember(file, bytes.sha256);
    return ready(withSource(cached, file, options.origin), 'cached');
  }
  progress('parse');
  const bundle = parseBundleBytes(bytes);
  progress('index');
  const data = indexBundle(bundle, {
    domain: named?.domain,
    release: releaseHint,
    source: { file, sha256: bytes.sha256, ...(options.origin ? { origin: options.origin } : {}) },
    ...(options.givenAs ? { givenAs: options.givenAs } : {}),
  });
  cache?.write(file, data, releaseHint);
  const index = new AttackIndex(data);
  if (options.sideData?.length) buildSideData(index, bundle, options.sideData, { cacheDir: options.cacheDir });
  progress('done', index);
  return index;
}

/** A cached index (a fresh object) as read from this file: not a copy, which would parse its lazy parts (index-cache.ts). */
function withSource(data: Fresh<AttackIndexData>, file: string, origin: string | undefined): AttackIndexData {
  data.source = { ...data.source, file, ...(origin ? { origin } : { origin: undefined }) };
  return data;
}

/**
 * The user's cache folder: `$XDG_CACHE_HOME/attack-layers`, else `~/.cache/attack-layers`. The library reads no
 * environment: pass `process.env` (or the part of it that counts) to honour XDG_CACHE_HOME and HOME; without it,
 * the home folder is the operating system's.
 */
export function defaultCacheDir(env: { XDG_CACHE_HOME?: string; HOME?: string } = {}): string {
  return join(env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache'), 'attack-layers');
}

/**
 * The folder of the ATT&CK snapshot shipped in the package (`attack-data/`): the newest enterprise, mobile and ICS
 * releases, MITRE's bundles as published, brotli-compressed (see its manifest.json).
 */
export function snapshotDir(): string {
  return fileURLToPath(packageFileUrl('attack-data/'));
}

/** Where to look for ATT&CK data, highest priority first. The CLI fills it from flags and the environment. */
// `| undefined` on the options a program reads from its environment or flags (`envDir: process.env.ATTACK_STIX_DIR`):
// under `exactOptionalPropertyTypes` an option typed `string` alone refuses such a value, and absent is what it means.
export interface AttackDataOptions {
  /** `--attack`: a release file or a folder of them. */
  attack?: string | undefined;
  /** `ATTACK_STIX_DIR`: a folder of release files. */
  envDir?: string | undefined;
  /**
   * The user cache folder: searched for releases (`data fetch` and `data add` put them there) and home of the index
   * cache, which spares a later run the parse of a release (seconds). Default `defaultCacheDir()`; `false` for none.
   */
  cacheDir?: string | false | undefined;
  /** Whether the snapshot shipped in the package is the last place searched (default true). */
  snapshot?: boolean;
  /**
   * The release of a STIX 2.0 file whose name does not say it (`--attack-release`): the one `--attack` file, or such
   * files of the folders searched (a clone of mitre/cti holds `enterprise-attack/enterprise-attack.json`).
   */
  release?: string | undefined;
  /** Called at each step of loading a release (see `LoadProgress`). */
  onProgress?: (progress: LoadProgress) => void;
  /** Side data to build from the same parse when a release's index is built cold (see `LoadFileOptions.sideData`). */
  sideData?: readonly AnySideData[];
  /**
   * Whether releases are loaded once per process (default true): every library that sees the same files (the same
   * places, release hint and cache folder) shares the indexes loaded, frozen, so that a second load of a release costs
   * nothing; a file changed since (size, mtime) is loaded again. A load that finds the release loaded reports `cached`
   * and `done`; a shared release's `history` loads without progress. `false` loads each release afresh in this library.
   */
  shareLoaded?: boolean;
  /**
   * How messages name `attack` and `envDir`: by default as the options they are (`attack`, `envDir`); the CLI gives its
   * own words (`--attack`, `ATTACK_STIX_DIR`), so that each caller reads back what it gave.
   */
  givenAs?: GivenAs;
}

/** The option names: what a library caller gave. */
const OPTION_WORDS: Required<Pick<GivenAs, 'attack' | 'envDir'>> = { attack: 'attack', envDir: 'envDir' };

/** A release file that can be loaded, and what its name says of it before it is read. */
export interface ReleaseFile {
  path: string;
  origin: ReleaseOrigin;
  domain?: Domain;
  release?: string;
}

/**
 * The ATT&CK releases visible to a run, from the places searched in order: `--attack`, `ATTACK_STIX_DIR`, the
 * user cache, the snapshot shipped in the package. Releases are loaded on demand and kept, so several can be used
 * side by side; their indexes are cached in the cache folder.
 */
export class AttackLibrary {
  readonly files: readonly ReleaseFile[];
  /** The cache folder in use, if any. */
  readonly cacheDir: string | undefined;
  private readonly options: AttackDataOptions;
  private readonly loaded = new Map<string, AttackIndex>();
  /** The releases loaded through every library that sees the same files (`shareLoaded`), else through this one. */
  private readonly releases: LoadedReleases;
  private readonly words: typeof OPTION_WORDS;

  constructor(options: AttackDataOptions = {}) {
    this.options = options;
    const words = (this.words = { ...OPTION_WORDS, ...options.givenAs });
    this.cacheDir = options.cacheDir === false ? undefined : (options.cacheDir ?? defaultCacheDir());
    const files: ReleaseFile[] = [];
    const add = (location: string | undefined, origin: ReleaseOrigin, required: boolean): void => {
      if (!location) return;
      const stat = statSafe(location);
      if (!stat) {
        if (required) {
          throw new UsageError(
            origin === 'flag'
              ? inGivenDataWords(
                  `${location}: no such file or folder (given as ${words.attack}); check the path, or leave ${words.attack} out to use ATT&CK data found elsewhere (see \`attack-layers data list\`)`,
                  options.givenAs,
                )
              : `${location}: no such file or folder (given as ${words.envDir}); point ${words.envDir} at a folder of release files, or unset it to use the cache or the snapshot shipped with attack-layers`,
            { file: location },
          );
        }
        return;
      }
      if (stat.isDirectory()) {
        const found = listReleaseFiles(location);
        // A folder the user named that holds no release was passed over without a word, for the next place's data.
        if (required && !found.length) {
          throw new UsageError(
            `${location}: no ATT&CK release file in this folder (given as ${origin === 'flag' ? words.attack : words.envDir}); ` +
              'release files are named like enterprise-attack-18.1.json (.json.gz too), in the folder or one below it: rename yours, or give the file itself',
          );
        }
        for (const path of found) files.push({ path, origin, ...parseReleaseFileName(path) });
      } else {
        const named = parseReleaseFileName(location);
        files.push({ path: location, origin, domain: named?.domain, release: options.release ?? named?.release });
      }
    };
    add(options.attack, 'flag', true);
    add(options.envDir, 'env', true);
    add(this.cacheDir, 'cache', false);
    if (options.snapshot !== false) add(snapshotDir(), 'snapshot', false);
    this.files = files;
    this.releases = options.shareLoaded === false ? new LoadedReleases() : sharedReleases(JSON.stringify([files, options.release, this.cacheDir]));
  }

  /** Load a file of this library (or return it if loaded already, by this library or one that sees the same files). */
  load(file: ReleaseFile): AttackIndex {
    let index = this.loaded.get(file.path);
    if (!index) {
      const { onProgress, sideData, givenAs } = this.options;
      const quiet = { release: this.options.release, cacheDir: this.cacheDir };
      const history =
        this.options.shareLoaded === false
          ? (loaded: AttackIndex): ReleaseHistory => (options) => this.history(loaded.domain, loaded.release, options)
          : sharedHistory(this.files, this.releases, quiet);
      index = loadKept(this.releases, file, { ...quiet, onProgress, sideData, ...(givenAs ? { givenAs } : {}) }, history);
      this.loaded.set(file.path, index);
    }
    return index;
  }

  /**
   * The releases of a domain at hand other than `release`, newest first, each loaded when reached: where a revocation
   * chain a release breaks is continued, and where `normalize` looks for old names; with `newerOnly`, those newer than it.
   */
  history(domain: Domain, release: string, options: { newerOnly?: boolean } = {}): Generator<AttackIndex> {
    return historyOf(this.files, domain, release, options, (file) => this.load(file));
  }

  /**
   * A release of a domain (default: `defaultDomain()`): the given one, searched in every place in order, or else the
   * newest release of the first place that has the domain. @throws AttackDataError saying how to get the data when there is none.
   */
  release(domain: Domain = this.defaultDomain(), release?: string): AttackIndex {
    if (!this.files.length) throw noData(this.words);
    const candidates = this.files.filter((file) => (file.domain ?? this.load(file).domain) === domain);
    const versionOf = (file: ReleaseFile): string => file.release ?? this.load(file).release;
    if (release) {
      const wanted = release.replace(/^v/i, '');
      const match =
        candidates.find((file) => versionOf(file) === wanted) ??
        // `6` means the newest 6.x available.
        candidates
          .filter((file) => versionOf(file).split('.')[0] === wanted && !wanted.includes('.'))
          .sort((a, b) => compareReleases(versionOf(b), versionOf(a)))[0];
      if (!match) {
        const have = [...new Set(candidates.map(versionOf))].sort(compareReleases).join(', ') || 'none';
        throw new AttackDataError(
          inGivenDataWords(`ATT&CK ${domain} ${release} is not available (have: ${have}); run \`${fetchCommand(domain, wanted)}\` or point ${this.words.attack} at the file`, this.options.givenAs),
        );
      }
      return this.load(match);
    }
    const newest = this.defaultFile(domain);
    if (!newest) {
      throw new AttackDataError(
        inGivenDataWords(`no ATT&CK ${domain} release found in ${this.places()}; run \`${fetchCommand(domain)}\``, this.options.givenAs),
      );
    }
    return this.load(newest);
  }

  /**
   * The file `release(domain)` reads when no release is asked for: the newest release of the domain in the first
   * place that has one (read only when its name does not say its domain and release). None when there is none.
   */
  defaultFile(domain: Domain = this.defaultDomain()): ReleaseFile | undefined {
    const candidates = this.files.filter((file) => (file.domain ?? this.load(file).domain) === domain);
    const versionOf = (file: ReleaseFile): string => file.release ?? this.load(file).release;
    const first = candidates[0];
    if (!first) return undefined;
    return candidates
      .filter((file) => file.origin === first.origin)
      .sort((a, b) => compareReleases(versionOf(b), versionOf(a)) || compareText(a.path, b.path))[0];
  }

  /**
   * The domain a run means when it names none: that of the one release file given with `--attack` (a user who points
   * at an ICS bundle wants ICS answers), else enterprise.
   */
  defaultDomain(): Domain {
    const given = this.files.filter((file) => file.origin === 'flag');
    const only = given.length === 1 && this.options.attack && !statSafe(this.options.attack)?.isDirectory() ? given[0] : undefined;
    return only ? (only.domain ?? this.load(only).domain) : 'enterprise-attack';
  }

  private places(): string {
    const { attack, envDir } = this.options;
    return [attack && `${this.words.attack} ${attack}`, envDir && `${this.words.envDir} ${envDir}`, this.cacheDir && `cache ${this.cacheDir}`, this.options.snapshot !== false && 'the snapshot']
      .filter(Boolean)
      .join(', ');
  }
}

/** A release file's index as loaded before (reported as `cached`, then `done`), else loaded now and kept with its history. */
function loadKept(
  releases: LoadedReleases,
  file: ReleaseFile,
  options: Omit<LoadFileOptions, 'origin'>,
  history: (index: AttackIndex) => ReleaseHistory,
): AttackIndex {
  const stamp = fileStamp(file.path);
  const kept = releases.get(file.path, stamp);
  if (kept) {
    // The steps of a load from the index cache, as a caller shows them (the CLI draws a line, then clears it).
    const { notes } = kept.data;
    options.onProgress?.({ file: file.path, origin: file.origin, step: 'cached' });
    options.onProgress?.({ file: file.path, origin: file.origin, step: 'done', label: kept.label, ...(notes ? { notes } : {}) });
    return kept;
  }
  const index = loadAttackFile(file.path, {
    ...options,
    // A STIX 2.0 file of a folder whose name says no release (a mitre/cti clone's enterprise-attack.json) is read as the
    // release the user names; a bundle that names its own (STIX 2.1) keeps it.
    release: file.release ?? options.release,
    origin: file.origin,
  });
  releases.keep(file.path, stamp, index, history(index));
  return index;
}

/**
 * The history of a shared release: loaded quietly, through the files every library sharing it sees, so that it does not
 * report to, or keep alive, the library that happened to load it first.
 */
function sharedHistory(files: readonly ReleaseFile[], releases: LoadedReleases, options: Omit<LoadFileOptions, 'origin'>): (index: AttackIndex) => ReleaseHistory {
  const history = (index: AttackIndex): ReleaseHistory => (given) => historyOf(files, index.domain, index.release, given, (file) => loadKept(releases, file, options, history));
  return history;
}

/** The releases of a domain among some files other than `release`, newest first, each loaded when reached (`AttackLibrary.history`). */
function* historyOf(
  files: readonly ReleaseFile[],
  domain: Domain,
  release: string,
  { newerOnly = false }: { newerOnly?: boolean } = {},
  load: (file: ReleaseFile) => AttackIndex,
): Generator<AttackIndex> {
  const found = files
    .filter((file) => file.domain === domain && file.release && file.release !== release && (!newerOnly || compareReleases(file.release, release) > 0))
    .sort((a, b) => compareReleases(b.release!, a.release!))
    .filter((file, i, all) => all.findIndex((other) => other.release === file.release) === i);
  for (const file of found) yield load(file);
}

/**
 * The error for a machine with no ATT&CK data at all: it says each way to get some, naming `attack` and `envDir` as
 * the caller gives them (`givenAs`; default the option names).
 */
export function noData(givenAs: GivenAs = {}): AttackDataError {
  const words = { ...OPTION_WORDS, ...givenAs };
  return new AttackDataError(
    inGivenDataWords(
      'no ATT&CK data found: run `attack-layers data fetch` (downloads the newest enterprise release into the cache), ' +
        `or \`attack-layers data add <file>\`, or pass ${words.attack} <file|dir>, or set ${words.envDir} to a folder of release files`,
      givenAs,
    ),
  );
}

/**
 * Load an ATT&CK release: from one file, or the newest (or given) release of a domain found through `--attack`,
 * `ATTACK_STIX_DIR`, the cache and the snapshot shipped in the package; the index is cached in `defaultCacheDir()`
 * unless `cacheDir` says otherwise. @throws AttackDataError when no data is found or a file cannot be read.
 */
export function loadAttack(
  options: AttackDataOptions & { domain?: Domain; release?: string } = {},
): AttackIndex {
  return new AttackLibrary(options).release(options.domain, options.attack && isFile(options.attack) ? undefined : options.release);
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  return statSafe(path)?.isFile() ?? false;
}
