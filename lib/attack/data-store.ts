import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AttackDataError, UsageError } from '../errors.js';
import { STDIN, type InputOptions } from '../read-text.js';
import { writeFileAtomic } from '../write-file.js';
import { indexBundle } from './index-bundle.js';
import { parseBundleBytes, readBundleBytes, sha256, type BundleBytes } from './read-bundle.js';
import { parseReleaseFileName, releaseFileName } from './release-files.js';
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
}

/** Options for storing a release in the cache. */
export interface StoreOptions extends InputOptions {
  cacheDir: string;
  force?: boolean;
  /** The release of a STIX 2.0 bundle whose name does not say it. */
  release?: string;
  /** The domain, when the file name does not say it (a download URL). */
  domain?: Domain;
  /** A date to record (the library has no clock; the CLI passes one). */
  date?: string;
}

/** The provenance table of the cache folder (file name -> source); empty when there is none. */
export function readSources(cacheDir: string): Record<string, StoredSource> {
  try {
    return JSON.parse(readFileSync(join(cacheDir, 'sources.json'), 'utf8')) as Record<string, StoredSource>;
  } catch {
    return {};
  }
}

/**
 * Check that some bytes are an ATT&CK bundle and store them in the cache under their canonical name
 * (`enterprise-attack-18.1.json[.gz]`), recording where they came from.
 * @throws AttackDataError when they are not a readable bundle, OutputExistsError when the release is cached and !force.
 */
export function storeRelease(bytes: BundleBytes, origin: string, options: StoreOptions): StoredRelease {
  const named = parseReleaseFileName(bytes.file);
  const data = indexBundle(parseBundleBytes(bytes), {
    domain: options.domain ?? named?.domain,
    release: options.release ?? named?.release,
    source: { file: bytes.file, sha256: bytes.sha256, origin },
  });
  const gzip = bytes.bytes[0] === 0x1f && bytes.bytes[1] === 0x8b;
  const name = releaseFileName(data.domain, data.release, gzip);
  const file = join(options.cacheDir, name);
  writeFileAtomic(file, bytes.bytes, { force: options.force });
  const sources = { ...readSources(options.cacheDir), [name]: { origin, sha256: bytes.sha256, ...(options.date ? { added: options.date } : {}) } };
  writeFileAtomic(join(options.cacheDir, 'sources.json'), `${JSON.stringify(sources, null, 2)}\n`, { force: true });
  return { file, data: { ...data, source: { ...data.source, file } } };
}

/** Import a local release file (`-`: the `stdin` of `options`) into the cache. @throws UsageError for a missing file. */
export function addRelease(path: string, options: StoreOptions): StoredRelease {
  const bytes = readBundleBytes(path, options);
  return storeRelease(bytes, path === STDIN ? bytes.file : resolve(path), options);
}

interface CollectionIndex {
  collections?: { name?: string; versions?: { version?: string; url?: string }[] }[];
}

/** The download URL of a release in MITRE's collection index (the newest of the domain when no version is given). */
export function releaseUrl(index: unknown, domain: Domain, version?: string): { version: string; url: string } {
  const word = domain.split('-')[0]!;
  const collections = (index as CollectionIndex)?.collections;
  if (!Array.isArray(collections)) throw new AttackDataError('the ATT&CK collection index has no "collections" list; is the index URL right?');
  const collection = collections.find((c) => c.name?.toLowerCase().includes(word === 'ics' ? 'ics' : word));
  const versions = (collection?.versions ?? []).filter((v): v is { version: string; url: string } => !!v.version && !!v.url);
  const wanted = version?.replace(/^v/i, '');
  const found = wanted ? versions.find((v) => v.version === wanted) : versions[0];
  if (!found) {
    throw new AttackDataError(
      `ATT&CK ${domain}${wanted ? ` ${wanted}` : ''} is not in the collection index` +
        (versions.length ? ` (it lists ${versions.map((v) => v.version).join(', ')})` : ''),
    );
  }
  return found;
}

/** Options for `fetchRelease`. */
export interface FetchOptions extends StoreOptions {
  version?: string;
  indexUrl?: string;
  /** Called with bytes received so far and the total when known. */
  onProgress?: (received: number, total: number | undefined) => void;
}

/**
 * Download a release listed in MITRE's collection index into the cache, and check that it parses as an ATT&CK
 * bundle before it is stored. Only HTTPS is used, except for loopback addresses (tests serve files locally).
 * @throws AttackDataError when the download fails or the file is not a bundle.
 */
export async function fetchRelease(options: FetchOptions): Promise<StoredRelease> {
  const domain = options.domain ?? 'enterprise-attack';
  if (!DOMAINS.includes(domain)) throw new UsageError(`unknown domain "${domain}"; use one of ${DOMAINS.join(', ')}`);
  const indexUrl = options.indexUrl ?? OFFICIAL_INDEX_URL;
  let index: unknown;
  try {
    index = JSON.parse((await download(indexUrl)).toString('utf8'));
  } catch (error) {
    if (error instanceof AttackDataError) throw error;
    throw new AttackDataError(`${indexUrl}: not a JSON collection index (${(error as Error).message}); check --index-url`, { cause: error });
  }
  const { version, url } = releaseUrl(index, domain, options.version);
  const bytes = await download(url, options.onProgress);
  // The URL names the download in messages; domain and version come from the index entry.
  return storeRelease({ file: url, bytes, sha256: sha256(bytes) }, url, { ...options, domain, release: version });
}

async function download(url: string, onProgress?: FetchOptions['onProgress']): Promise<Buffer> {
  const parsed = new URL(url);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new AttackDataError(`${url}: refusing to download over ${parsed.protocol.replace(':', '')}; ATT&CK data is fetched over HTTPS only`);
  }
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(300_000) });
  } catch (error) {
    throw new AttackDataError(`${url}: download failed (${(error as Error).cause ?? (error as Error).message}); check the network, or use \`attack-layers data add <file>\``, { cause: error });
  }
  if (!response.ok || !response.body) throw new AttackDataError(`${url}: download failed with HTTP ${response.status} ${response.statusText}`);
  const total = Number(response.headers.get('content-length')) || undefined;
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(Buffer.from(chunk));
    received += chunk.byteLength;
    onProgress?.(received, total);
  }
  return Buffer.concat(chunks);
}
