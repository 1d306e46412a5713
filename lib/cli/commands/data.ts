import { basename, dirname } from 'node:path';
import {
  addRelease,
  compareReleases,
  compareText,
  DetectionModel,
  DOMAINS,
  fetchRelease,
  loadDetection,
  DETECTION_DATA,
  readSources,
  UsageError,
  useOneOf,
  AttackDataError,
  type AttackIndexData,
  type StoredRelease,
  type Domain,
} from '../../attack/index.js';
import { attackLibrary, FLAG_WORDS, cacheDir, note, printJson, progressLine, readStdin, showsProgress, type CliContext, type GlobalArgs } from '../context.js';
import { formatTable, tableStyle } from '../format-table.js';
import { byteSize } from '../byte-size.js';

interface Args extends GlobalArgs {
  action: 'list' | 'fetch' | 'add' | 'log-sources';
  file?: string;
  'index-url'?: string;
  force?: boolean;
  json?: boolean;
  'max-size'?: number;
  platform?: string;
}


/** One line of `data list`. */
export interface ReleaseListing {
  domain: string;
  release: string;
  stix: string;
  techniques: number;
  subtechniques: number;
  groups: number;
  software: number;
  campaigns: number;
  objects: number;
  origin: string;
  file: string;
  source?: string;
  /** Whether a command reads this release when no `--attack-release` names one: the domain's newest in the first place that has the domain. */
  default: boolean;
  /**
   * Other files of the same place holding the same release of the domain, which no command reads as `file` comes
   * first (a clone of mitre-attack/attack-stix-data has `enterprise-attack-18.1.json` and, the newest once more,
   * `enterprise-attack.json`).
   */
  sameRelease?: string[];
}

function listing(data: AttackIndexData, origin: string, file: string, source: string | undefined, isDefault: boolean): ReleaseListing {
  const current = data.techniques.filter((t) => !t.revoked && !t.deprecated);
  return {
    domain: data.domain,
    release: data.release,
    stix: data.stixVersion,
    techniques: current.filter((t) => !t.subtechnique).length,
    subtechniques: current.filter((t) => t.subtechnique).length,
    groups: data.groups.filter((g) => !g.revoked && !g.deprecated).length,
    software: data.software.filter((s) => !s.revoked && !s.deprecated).length,
    campaigns: data.campaigns.filter((c) => !c.revoked && !c.deprecated).length,
    objects: Object.values(data.objectCounts).reduce((a, b) => a + b, 0),
    origin,
    file,
    ...(source ? { source } : {}),
    default: isDefault,
  };
}

/** Where a place comes in the order releases are looked for. */
const ORIGIN_ORDER = ['flag', 'env', 'cache', 'snapshot'];

/** Rows by domain, then release as numbers (9.0 before 10.1), then the order of the places searched, then file. */
function byRelease(a: ReleaseListing, b: ReleaseListing): number {
  return (
    DOMAINS.indexOf(a.domain as Domain) - DOMAINS.indexOf(b.domain as Domain) ||
    compareReleases(a.release, b.release) ||
    ORIGIN_ORDER.indexOf(a.origin) - ORIGIN_ORDER.indexOf(b.origin) ||
    compareText(a.file, b.file)
  );
}

/**
 * Rows in the library's order of files, one per release of a domain in a place: a later file of the same release
 * there is never read (`release()` takes the first; the default, too, is the first by path), so it is named in the
 * row of the one read rather than listed as a release of its own.
 */
function onePerRelease(rows: ReleaseListing[], row: ReleaseListing): ReleaseListing[] {
  const read = rows.find((other) => other.origin === row.origin && other.domain === row.domain && other.release === row.release);
  if (!read) return [...rows, row];
  read.sameRelease = [...(read.sameRelease ?? []), row.file];
  return rows;
}

/** The file column: the file read, and the other files of the same release beside it (by name when in its folder). */
function fileCell(row: ReleaseListing): string {
  if (!row.sameRelease) return row.file;
  const folder = dirname(row.file);
  const others = row.sameRelease.map((file) => (dirname(file) === folder ? basename(file) : file));
  return `${row.file} (also ${others.join(', ')}: the same release, not read)`;
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const cache = cacheDir(context);
    if (args.file !== undefined && args.action !== 'add') {
      const instead = args.action === 'fetch' ? '; to add a file you have, use data add' : args.action === 'log-sources' ? `; for one platform's, give --platform ${args.file}` : '';
      throw new UsageError(`data ${args.action} takes no file (given: ${args.file})${instead}`);
    }
    if (args.action === 'list') {
      const library = attackLibrary(context, args, false);
      const sources = readSources(cache);
      const indexes = library.files.map((file) => [file, library.load(file)] as const);
      const defaults = new Set([...new Set(indexes.map(([, index]) => index.domain))].map((domain) => library.release(domain).data.source.file));
      const rows = indexes
        .map(([file, index]) => {
          const name = file.path.split(/[\\/]/).pop() ?? file.path;
          return listing(index.data, file.origin, file.path, file.origin === 'cache' ? sources[name]?.origin : undefined, defaults.has(file.path));
        })
        .reduce(onePerRelease, [])
        .sort(byRelease);
      if (args.json) return printJson(context, rows);
      if (!rows.length) {
        context.stdout.write('no ATT&CK data found; run `attack-layers data fetch` or `attack-layers data add <file>`\n');
        return;
      }
      const header = ['domain', 'release', 'stix', 'techniques', 'sub-techniques', 'groups', 'software', 'campaigns', 'objects', 'from', 'used', 'file'];
      context.stdout.write(
        formatTable(
          header,
          rows.map((r) => [r.domain, r.release, r.stix, r.techniques, r.subtechniques, r.groups, r.software, r.campaigns, r.objects, r.source ?? r.origin, r.default ? 'default' : '', fileCell(r)]),
          tableStyle(context),
          { flexible: [9, 11] },
        ),
      );
      return;
    }
    if (args.action === 'log-sources') return listLogSources(context, args);
    const date = new Date().toISOString().slice(0, 10);
    const maxSize = args['max-size'];
    if (maxSize !== undefined && !(maxSize > 0)) throw new UsageError(`--max-size ${maxSize}: give a size in MB, e.g. 512`);
    const maxBytes = maxSize === undefined ? undefined : Math.round(maxSize * 2 ** 20);
    const options = { cacheDir: cache, force: args.force, givenAs: FLAG_WORDS, release: args['attack-release'], domain: args.domain, date, maxBytes };
    if (args.action === 'add') {
      if (!args.file) throw new UsageError('data add needs a file: attack-layers data add <release.json[.gz]> (or - for standard input)');
      const stored = addRelease(args.file, { ...options, stdin: await readStdin(context, [args.file]) });
      const what = `ATT&CK ${stored.data.domain} ${stored.data.release} (STIX ${stored.data.stixVersion})`;
      note(context, args, stored.unchanged ? `${what} is in the cache already, the same file: ${stored.file}` : `added ${what} as ${stored.file}`);
      return;
    }
    let last = 0;
    const progress = showsProgress(context, args);
    const domain = args.domain ?? 'enterprise-attack';
    let stored: StoredRelease;
    try {
      stored = await fetchRelease({
        ...options,
        domain,
        version: args['attack-release'],
        indexUrl: args['index-url'],
        onProgress: (received, total) => {
          if (!progress || received - last < 1 << 20) return;
          last = received;
          progressLine(context, `downloading ${byteSize(received)}${total ? ` of ${byteSize(total)}` : ''}`);
        },
      });
    } catch (error) {
      if (progress) progressLine(context, '');
      // A failed download leaves the cache as it was: say what commands read meanwhile, and the way without a network.
      if (error instanceof AttackDataError) throw new AttackDataError(`${error.message}; ${meanwhile(context, args, domain)}`, { file: error.file, cause: error });
      throw error;
    }
    if (progress) progressLine(context, '');
    note(context, args, `fetched ATT&CK ${stored.data.domain} ${stored.data.release} into ${stored.file}${stored.unchanged ? ', which held the same file already' : ''}`);
  };
}

const ORIGIN_WORDS: Record<string, string> = {
  flag: 'given with --attack',
  env: 'in ATTACK_STIX_DIR',
  cache: 'in the cache',
  snapshot: 'the snapshot shipped with attack-layers',
};

/**
 * What a failed `data fetch` adds to its error: the release of the domain that commands keep reading (the snapshot
 * shipped with the tool, on a new machine), and how to add a release file downloaded by hand.
 */
function meanwhile(context: CliContext, args: Args, domain: Domain): string {
  const library = attackLibrary(context, args, false);
  const file = library.defaultFile(domain);
  const kept = file ? `commands keep using ATT&CK ${domain} ${file.release ?? library.load(file).release} (${ORIGIN_WORDS[file.origin] ?? file.path})` : `no ATT&CK ${domain} release is installed`;
  const wanted = args['attack-release'] ?? 'x.y';
  return `the cache is as it was: ${kept}; a release file downloaded by hand is added with \`attack-layers data add <file>\` (MITRE's: ${domain}/${domain}-${wanted}.json in https://github.com/mitre-attack/attack-stix-data)`;
}

/** `data log-sources`: every log source name the release's analytics use, with its channels and how many analytics need each. */
function listLogSources(context: CliContext, args: Args): void {
  const index = attackLibrary(context, args, true, [DETECTION_DATA]).release(args.domain ?? 'enterprise-attack', args['attack-release']);
  const model = new DetectionModel(loadDetection(index, { cacheDir: cacheDir(context) }), index);
  let platform: string | undefined;
  if (args.platform !== undefined) {
    platform = index.platforms().find((p) => p.toLowerCase() === args.platform!.trim().toLowerCase());
    if (!platform) throw new UsageError(`--platform ${args.platform}: not a platform of ATT&CK ${index.label}; ${useOneOf(args.platform, index.platforms())}`);
  }
  const sources = model.logSources(platform);
  if (args.json) return printJson(context, sources);
  if (!model.hasStrategies) {
    note(context, args, `ATT&CK ${index.label} has no analytics, so no log sources (they came with ATT&CK 18); list those of 18.1 or newer (--attack-release 18.1)`);
    return;
  }
  const rows: (string | number)[][] = [];
  for (const source of sources) {
    rows.push([source.name, '(any)', source.analytics, source.platforms.join(', ')]);
    for (const channel of source.channels) rows.push(['', channel.channel ?? '(none given)', channel.analytics, '']);
  }
  context.stdout.write(formatTable(['log source', 'channel', 'analytics', 'platforms'], rows));
}
