import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AttackDataError } from '../errors.js';
import { DOMAINS, type Domain } from './types.js';

/** What a release file's name says: `enterprise-attack-18.1.json.gz` (or `.json`, `.json.br`) is enterprise 18.1. */
export interface ReleaseName {
  domain: Domain;
  release?: string;
}

const RELEASE_FILE = /^(enterprise|mobile|ics)-attack(?:-v?(\d+(?:\.\d+)*))?\.json(?:\.gz|\.br)?$/i;

/** Read domain and release from a file name; undefined when the name is not an ATT&CK release file name. */
export function parseReleaseFileName(file: string): ReleaseName | undefined {
  const match = RELEASE_FILE.exec(basename(file));
  if (!match) return undefined;
  const domain = `${match[1]!.toLowerCase()}-attack` as Domain;
  return DOMAINS.includes(domain) ? { domain, release: match[2] } : undefined;
}

/** The form of an ATT&CK release number (`18.1`, `9.0`, `3`): digits and dots, nothing that could name a path. */
export const RELEASE_VERSION = /^\d+(?:\.\d+)*$/;

/** Whether a text is a release number such as `18.1` (see `RELEASE_VERSION`). */
export function isReleaseVersion(value: unknown): value is string {
  return typeof value === 'string' && RELEASE_VERSION.test(value);
}

/**
 * The canonical file name of a release, as the cache stores it.
 * @throws AttackDataError when the domain is not an ATT&CK domain or the release is not a number like `18.1`
 * (both may come from a downloaded index or a bundle, and end up in a file name).
 */
export function releaseFileName(domain: Domain, release: string, gzip: boolean): string {
  if (!DOMAINS.includes(domain)) throw new AttackDataError(`${JSON.stringify(domain)} is not an ATT&CK domain (${DOMAINS.join(', ')})`);
  if (!isReleaseVersion(release)) throw new AttackDataError(`${JSON.stringify(release)} is not an ATT&CK release number such as 18.1`);
  return `${domain}-${release}.json${gzip ? '.gz' : ''}`;
}

/** Compare two release versions numerically (`9.0` < `10.1` < `18.1`). */
export function compareReleases(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** Release files in a folder and its direct sub-folders, sorted by path; files with other names are ignored. */
export function listReleaseFiles(dir: string): string[] {
  const found: string[] = [];
  const visit = (folder: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 1 && entry.name !== 'index') visit(path, depth + 1);
      else if ((entry.isFile() || (entry.isSymbolicLink() && isFile(path))) && parseReleaseFileName(entry.name)) found.push(path);
    }
  };
  visit(dir, 0);
  return found.sort();
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The command that downloads a release into the cache, for messages that say how to get one:
 * `attack-layers data fetch --domain ics --attack-release 17.1` (enterprise and the newest release are the defaults).
 */
export function fetchCommand(domain?: Domain, release?: string): string {
  const words = ['attack-layers data fetch'];
  if (domain && domain !== 'enterprise-attack') words.push(`--domain ${domain.replace(/-attack$/, '')}`);
  if (release) words.push(`--attack-release ${release}`);
  return words.join(' ');
}
