import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { AttackDataError, AttackLayersError, givenName, givenOption, inGivenDataWords, UsageError, withGivenInputs, type GivenAs } from '../errors.js';
import { useOneOf } from '../name-distance.js';
import { STDIN, type InputOptions } from '../read-text.js';
import { endTemporary, makeFolderFor, outputError, startTemporary, writeFileAtomic } from '../write-file.js';
import { cachePath } from './cache-path.js';
import { download, isLoopbackHttp, type DownloadOptions } from './download.js';
import { indexBundle } from './index-bundle.js';
import { parseBundleBytes, readBundleBytes, sha256, type BundleBytes } from './read-bundle.js';
import { isReleaseVersion, parseReleaseFileName, releaseFileName } from './release-files.js';
import { DOMAINS, type AttackIndexData, type Domain } from './types.js';

/** MITRE's collection index: every release of every domain with its download URL. */
export const OFFICIAL_INDEX_URL = 'https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/index.json';

/** Where a cached release came from, kept in `<cacheDir>/sources.json`. */
export interface StoredSource {
  origin: string;
  sha256: string;
  added?: string;
}

/** The outcome of adding a release to the cache. */
export interface StoredRelease {
  file: string;
  data: AttackIndexData;
  /** Whether the cache held these very bytes under that name already, so that the file was left as it was. */
  unchanged: boolean;
}

/** Options for storing a release in the cache. */
export interface StoreOptions extends InputOptions {
  cacheDir: string;
  force?: boolean;
  /** How messages name `force`, and `fetchRelease`'s `version` and `indexUrl` (see `GivenAs`). */
  givenAs?: GivenAs;
  /** The release of a STIX 2.0 bundle whose name does not say it. */
  release?: string;
  /** The domain, when the file name does not say it (a download URL). */
  domain?: Domain;
  /** A date to record (the library has no clock; the CLI passes one). */
  date?: string;
  /** The largest release accepted, in bytes, as stored and decompressed (default 256 MB: `DEFAULT_MAX_BYTES`). */
  maxBytes?: number;
}

/** The provenance table of the cache folder (file name -> source); empty when there is none. */
export function readSources(cacheDir: string): Record<string, StoredSource> {
  try {
    const sources = JSON.parse(readFileSync(cachePath(cacheDir, 'sources.json'), 'utf8')) as unknown;
    // A damaged table (`null`, a list) is a cache that only lost its provenance.
    return typeof sources === 'object' && sources !== null && !Array.isArray(sources) ? (sources as Record<string, StoredSource>) : {};
  } catch {
    return {};
  }
}

/**
 * Check that some bytes are an ATT&CK bundle and store them in the cache under their canonical name
 * (`enterprise-attack-18.1.json[.gz]`), recording where they came from.
 * @throws AttackDataError when they are not a readable bundle, OutputExistsError when the release is cached with
 * other bytes and !force (the same bytes are left as they are: `unchanged`).
 */
export function storeRelease(bytes: BundleBytes, origin: string, options: StoreOptions): StoredRelease {
  const named = parseReleaseFileName(bytes.file);
  const data = indexBundle(parseBundleBytes(bytes, options), {
    domain: options.domain ?? named?.domain,
    release: options.release ?? named?.release,
    source: { file: bytes.file, sha256: bytes.sha256, origin },
    ...(options.givenAs ? { givenAs: options.givenAs } : {}),
  });
  const gzip = bytes.bytes[0] === 0x1f && bytes.bytes[1] === 0x8b;
  const name = releaseFileName(data.domain, data.release, gzip);
  const file = cachePath(options.cacheDir, name);
  const unchanged = writeFileAtomic(file, bytes.bytes, { force: options.force, givenAs: options.givenAs }) === 'unchanged';
  const sources = { ...readSources(options.cacheDir), [name]: { origin, sha256: bytes.sha256, ...(options.date ? { added: options.date } : {}) } };
  writeFileAtomic(cachePath(options.cacheDir, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`, { force: true });
  return { file, data: { ...data, source: { ...data.source, file } }, unchanged };
}

/** Import a local release file (`-`: the `stdin` of `options`) into the cache. @throws UsageError for a missing file. */
export function addRelease(path: string, options: StoreOptions): StoredRelease {
  return withGivenInputs(
    () => {
      const bytes = readBundleBytes(path, options);
      return storeRelease(bytes, path === STDIN ? bytes.file : resolve(path), options);
    },
    options.givenAs,
    inGivenDataWords,
  );
}


/**
 * The release number asked for (`v17.1` is 17.1), checked before anything is downloaded.
 * @throws UsageError naming the option that gives it (`version`, the CLI's --attack-release: `givenAs`) when it is no release number.
 */
function wantedRelease(version: string | undefined, givenAs?: GivenAs): string | undefined {
  const wanted = version?.replace(/^v/i, '');
  if (wanted !== undefined && !isReleaseVersion(wanted)) throw new UsageError(`${givenOption(givenAs, 'version', version!)}: not a release number such as 18.1`);
  return wanted;
}

/**
 * The download URL of a release in MITRE's collection index (the newest of the domain when no version is given);
 * `givenAs` names `version` and `indexUrl` in messages (see `GivenAs`).
 */
export function releaseUrl(index: unknown, domain: Domain, version?: string, givenAs?: GivenAs): { version: string; url: string } {
  const word = domain.split('-')[0]!;
  const collections = (index as { collections?: unknown } | null)?.collections;
  if (!Array.isArray(collections)) throw new AttackDataError('the ATT&CK collection index has no "collections" list; is the index URL right?');
  const named = (value: unknown, key: string): string | undefined => {
    const field = (value as Record<string, unknown> | null)?.[key];
    return typeof field === 'string' && field ? field : undefined;
  };
  const collection = collections.find((c) => named(c, 'name')?.toLowerCase().includes(word === 'ics' ? 'ics' : word)) as { versions?: unknown } | undefined;
  const versions = (Array.isArray(collection?.versions) ? (collection.versions as unknown[]) : []).flatMap((v) => {
    const [release, url] = [named(v, 'version'), named(v, 'url')];
    return release && url ? [{ version: release, url }] : [];
  });
  const wanted = wantedRelease(version, givenAs);
  const found = wanted ? versions.find((v) => v.version === wanted) : versions[0];
  if (!found) {
    throw new AttackDataError(
      `ATT&CK ${domain}${wanted ? ` ${wanted}` : ''} is not in the collection index` +
        (versions.length ? ` (it lists ${versions.map((v) => v.version).join(', ')})` : ''),
    );
  }
  // The version becomes part of a file name in the cache: nothing but a release number may.
  if (!isReleaseVersion(found.version)) {
    throw new AttackDataError(`the ATT&CK collection index lists ${JSON.stringify(found.version)} as a version of ${domain}, which is not a release number such as 18.1; check ${givenName(givenAs, 'indexUrl')}`);
  }
  return found;
}

/** Options for `fetchRelease`. */
export interface FetchOptions extends StoreOptions {
  version?: string;
  indexUrl?: string;
  /** Milliseconds without data after which a download is given up (default 60 s: `DEFAULT_IDLE_TIMEOUT_MS`). */
  idleTimeoutMs?: number;
  /** Called with bytes received so far and the total when known. */
  onProgress?: (received: number, total: number | undefined) => void;
}

let downloads = 0;

/**
 * Download a release listed in MITRE's collection index into the cache, and check that it parses as an ATT&CK
 * bundle before it is stored. Only HTTPS is used, on every redirect too (plain HTTP only to loopback addresses, for
 * tests); the release is streamed into a temporary file in the cache, up to `maxBytes`, and a server that sends
 * nothing for `idleTimeoutMs` is given up. A failed download leaves the cache as it was.
 * @throws AttackDataError when the download fails or the file is not a bundle.
 */
export async function fetchRelease(options: FetchOptions): Promise<StoredRelease> {
  try {
    return await fetchAndStore(options);
  } catch (error) {
    // As withGivenInputs says a synchronous call's errors: in the caller's words (`inGivenDataWords`).
    if (error instanceof AttackLayersError) error.message = inGivenDataWords(error.message, options.givenAs);
    throw error;
  }
}

/**
 * Refuse an index address that is no web address (`notaurl`, `index.json`, `file:///x`), or plain HTTP to another
 * machine, before any download: the caller gave a wrong option, which no retry mends. The index and the releases it
 * lists are data, not code, but they decide every technique of every layer, and over plain HTTP anyone on the way can
 * change them unseen; a download takes HTTP only from this machine (a mirror, a test's server on 127.0.0.1).
 * @throws UsageError naming the option and what to give.
 */
function assertIndexAddress(indexUrl: string, givenAs: GivenAs | undefined): void {
  let url: URL | undefined;
  try {
    url = new URL(indexUrl);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:' || (url && isLoopbackHttp(url))) return;
  const given = givenOption(givenAs, 'indexUrl', indexUrl);
  if (url?.protocol === 'http:') {
    const https = new URL(url.href);
    https.protocol = 'https:';
    throw new UsageError(
      `${given}: plain HTTP; give the https:// address (${https.href}): ATT&CK data is fetched over HTTPS only, ` +
        'as the index and the releases it lists, data and not code, decide every technique of a layer and over HTTP could be changed on the way unseen',
    );
  }
  throw new UsageError(`${given}: not a web address${url ? ` (${url.protocol})` : ''}; give the https:// address of an ATT&CK collection index, such as ${OFFICIAL_INDEX_URL}`);
}

async function fetchAndStore(options: FetchOptions): Promise<StoredRelease> {
  const domain = options.domain ?? 'enterprise-attack';
  if (!DOMAINS.includes(domain)) throw new UsageError(`unknown domain "${domain}"; ${useOneOf(domain, DOMAINS)}`);
  wantedRelease(options.version, options.givenAs);
  const indexUrl = options.indexUrl ?? OFFICIAL_INDEX_URL;
  assertIndexAddress(indexUrl, options.givenAs);
  let index: unknown;
  const limits: Omit<DownloadOptions, 'onChunk'> = { maxBytes: options.maxBytes, idleTimeoutMs: options.idleTimeoutMs };
  const indexChunks: Buffer[] = [];
  await download(indexUrl, { ...limits, onChunk: (chunk) => indexChunks.push(Buffer.from(chunk)) });
  try {
    index = JSON.parse(Buffer.concat(indexChunks).toString('utf8'));
  } catch (error) {
    throw new AttackDataError(`${indexUrl}: not a JSON collection index (${(error as Error).message}); check ${givenName(options.givenAs, 'indexUrl')}`, { cause: error });
  }
  const { version, url } = releaseUrl(index, domain, options.version, options.givenAs);
  const temporary = cachePath(options.cacheDir, `.download.${process.pid}.${++downloads}.tmp`);
  let fd: number | undefined;
  // Known to the writes under way, so that a signal during the download removes it, and the cache folder if the
  // download made it and it is empty (`onTemporaryFile`); so does a failed download.
  startTemporary(temporary, temporary);
  try {
    makeFolderFor(temporary, options.cacheDir);
    fd = openSync(temporary, 'w');
  } catch (error) {
    endTemporary(temporary);
    throw outputError(temporary, error);
  }
  try {
    const into = fd;
    const onChunk = (chunk: Uint8Array): void => {
      try {
        writeSync(into, chunk);
      } catch (error) {
        throw outputError(temporary, error);
      }
    };
    await download(url, { ...limits, onProgress: options.onProgress, onChunk });
    closeSync(fd);
    fd = undefined;
    const bytes = readFileSync(temporary);
    // The URL names the download in messages; domain and version come from the index entry.
    return storeRelease({ file: url, bytes, sha256: sha256(bytes) }, url, { ...options, domain, release: version });
  } finally {
    if (fd !== undefined) closeSync(fd);
    endTemporary(temporary);
  }
}
