import { statSync } from 'node:fs';
import { AttackDataError, UsageError } from '../errors.js';
import { AttackIndex } from './attack-index.js';
import { IndexCache } from './index-cache.js';
import { indexBundle } from './index-bundle.js';
import { parseBundleBytes, readBundleBytes } from './read-bundle.js';
import { compareReleases, listReleaseFiles, parseReleaseFileName } from './release-files.js';
import type { Domain } from './types.js';
import { compareText } from '../compare-text.js';

/** How a release file was found: which of the places `locateAttackData` searches. */
export type ReleaseOrigin = 'flag' | 'env' | 'cache';

/** Options for reading one release file. */
export interface LoadFileOptions {
  /** The release, for a STIX 2.0 file whose name does not say it. */
  release?: string;
  /** The user cache folder; without it, no index cache is used. */
  cacheDir?: string;
  origin?: string;
}

/**
 * Load one release file (`.json` or `.json.gz`, STIX 2.0 or 2.1), from the index cache when the same bytes were
 * indexed before. @throws UsageError for a missing file, AttackDataError for one that is not a readable ATT&CK bundle.
 */
export function loadAttackFile(file: string, options: LoadFileOptions = {}): AttackIndex {
  const named = parseReleaseFileName(file);
  const releaseHint = options.release ?? named?.release;
  const cache = options.cacheDir ? new IndexCache(options.cacheDir) : undefined;
  const known = cache?.knownHash(file);
  const fromFingerprint = known ? cache?.read(known, releaseHint) : undefined;
  if (fromFingerprint) return new AttackIndex(withSource(fromFingerprint, file, options.origin));

  const bytes = readBundleBytes(file);
  const cached = cache?.read(bytes.sha256, releaseHint);
  if (cached) {
    cache?.write(file, cached, releaseHint);
    return new AttackIndex(withSource(cached, file, options.origin));
  }
  const data = indexBundle(parseBundleBytes(bytes), {
    domain: named?.domain,
    release: releaseHint,
    source: { file, sha256: bytes.sha256, ...(options.origin ? { origin: options.origin } : {}) },
  });
  cache?.write(file, data, releaseHint);
  return new AttackIndex(data);
}

function withSource(data: ReturnType<IndexCache['read']> & object, file: string, origin: string | undefined) {
  return { ...data, source: { ...data.source, file, ...(origin ? { origin } : { origin: undefined }) } };
}

/** Where to look for ATT&CK data, highest priority first. The CLI fills it from flags and the environment. */
export interface AttackDataOptions {
  /** `--attack`: a release file or a folder of them. */
  attack?: string;
  /** `ATTACK_STIX_DIR`: a folder of release files. */
  envDir?: string;
  /** The user cache folder (`$XDG_CACHE_HOME/attack-layers`); also holds the index cache. */
  cacheDir?: string;
  /** The release of a single `--attack` file whose name does not say it. */
  release?: string;
}

/** A release file that can be loaded, and what its name says of it before it is read. */
export interface ReleaseFile {
  path: string;
  origin: ReleaseOrigin;
  domain?: Domain;
  release?: string;
}

/**
 * The ATT&CK releases visible to a run, from the places searched in order: `--attack`, `ATTACK_STIX_DIR`, the
 * user cache. Releases are loaded on demand and kept, so several can be used side by side.
 */
export class AttackLibrary {
  readonly files: readonly ReleaseFile[];
  private readonly options: AttackDataOptions;
  private readonly loaded = new Map<string, AttackIndex>();

  constructor(options: AttackDataOptions) {
    this.options = options;
    const files: ReleaseFile[] = [];
    const add = (location: string | undefined, origin: ReleaseOrigin, required: boolean): void => {
      if (!location) return;
      const stat = statSafe(location);
      if (!stat) {
        if (required) throw new UsageError(`${location}: no such file or folder (given as ${origin === 'flag' ? '--attack' : 'ATTACK_STIX_DIR'})`);
        return;
      }
      if (stat.isDirectory()) {
        for (const path of listReleaseFiles(location)) files.push({ path, origin, ...parseReleaseFileName(path) });
      } else {
        const named = parseReleaseFileName(location);
        files.push({ path: location, origin, domain: named?.domain, release: options.release ?? named?.release });
      }
    };
    add(options.attack, 'flag', true);
    add(options.envDir, 'env', true);
    add(options.cacheDir, 'cache', false);
    this.files = files;
  }

  /** Load a file of this library (or return it if loaded already). */
  load(file: ReleaseFile): AttackIndex {
    let index = this.loaded.get(file.path);
    if (!index) {
      index = loadAttackFile(file.path, { release: file.release, cacheDir: this.options.cacheDir, origin: file.origin });
      this.loaded.set(file.path, index);
    }
    return index;
  }

  /**
   * A release of a domain (default: `defaultDomain()`): the given one, searched in every place in order, or else the
   * newest release of the first place that has the domain. @throws AttackDataError saying how to get the data when there is none.
   */
  release(domain: Domain = this.defaultDomain(), release?: string): AttackIndex {
    if (!this.files.length) throw noData();
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
          `ATT&CK ${domain} ${release} is not available (have: ${have}); ` +
            `run \`attack-layers data fetch --domain ${domain} --version ${wanted}\` or point --attack at the file`,
        );
      }
      return this.load(match);
    }
    const first = candidates[0];
    if (!first) {
      throw new AttackDataError(
        `no ATT&CK ${domain} release found in ${this.places()}; run \`attack-layers data fetch --domain ${domain}\``,
      );
    }
    const newest = candidates
      .filter((file) => file.origin === first.origin)
      .sort((a, b) => compareReleases(versionOf(b), versionOf(a)) || compareText(a.path, b.path))[0]!;
    return this.load(newest);
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
    const { attack, envDir, cacheDir } = this.options;
    return [attack && `--attack ${attack}`, envDir && `ATTACK_STIX_DIR ${envDir}`, cacheDir && `cache ${cacheDir}`]
      .filter(Boolean)
      .join(', ');
  }
}

/** The error for a machine with no ATT&CK data at all: it says each way to get some. */
export function noData(): AttackDataError {
  return new AttackDataError(
    'no ATT&CK data found: run `attack-layers data fetch` (downloads the newest enterprise release into the cache), ' +
      'or `attack-layers data add <file>`, or pass --attack <file|dir>, or set ATTACK_STIX_DIR to a folder of release files',
  );
}

/**
 * Load an ATT&CK release: from one file, or the newest (or given) release of a domain found through `--attack`,
 * `ATTACK_STIX_DIR` and the cache. @throws AttackDataError when no data is found or a file cannot be read.
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
