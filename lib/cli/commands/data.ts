import type { Argv } from 'yargs';
import {
  addRelease,
  DetectionModel,
  DOMAINS,
  UsageError,
  fetchRelease,
  loadDetection,
  readSources,
  type AttackIndexData,
  type Domain,
} from '../../attack/index.js';
import { attackLibrary, cacheDir, note, printJson, type CliContext, type GlobalArgs } from '../context.js';
import { formatTable } from '../format-table.js';

interface Args extends GlobalArgs {
  action?: string;
  file?: string;
  domain?: string;
  version?: string;
  'index-url'?: string;
  force?: boolean;
  json?: boolean;
  platform?: string;
}

export function builder(yargs: Argv): Argv<Args> {
  return yargs
    // `--version` here is the release to fetch, not the package version: turn yargs' built-in flag off for this command.
    .version(false)
    .positional('action', { choices: ['list', 'fetch', 'add', 'log-sources'] as const, describe: 'list | fetch | add | log-sources', demandOption: true })
    .positional('file', { type: 'string', describe: 'release file to add (data add)' })
    .option('domain', { choices: DOMAINS, describe: 'domain to fetch or list the log sources of', default: 'enterprise-attack' })
    .option('version', { type: 'string', describe: 'release to fetch, or to list the log sources of (default: the newest)' })
    .option('index-url', { type: 'string', describe: "collection index to fetch from (default: MITRE's official index)" })
    .option('force', { type: 'boolean', describe: 'replace a release already in the cache' })
    .option('json', { type: 'boolean', describe: 'print JSON (data list, data log-sources)' })
    .option('platform', { type: 'string', describe: 'only the analytics of this ATT&CK platform (data log-sources)' })
    .example('$0 data list', 'every release found through --attack, $ATTACK_STIX_DIR and the cache')
    .example('$0 data fetch --domain mobile-attack --version 18.1', 'download a release into the cache')
    .example('$0 data add ~/Downloads/enterprise-attack-17.1.json', 'import a local file into the cache')
    .example('$0 data log-sources --platform Windows', "the log sources ATT&CK's analytics need, for a gap review's --log-sources file") as unknown as Argv<Args>;
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
}

function listing(data: AttackIndexData, origin: string, file: string, source?: string): ReleaseListing {
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
  };
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const cache = cacheDir(context);
    if (args.action === 'list') {
      const library = attackLibrary(context, args);
      const sources = readSources(cache);
      const rows = library.files.map((file, i) => {
        if (context.stderr.isTTY) note(context, args, `reading ${i + 1}/${library.files.length} ${file.path}`);
        const index = library.load(file);
        const name = file.path.split(/[\\/]/).pop() ?? file.path;
        return listing(index.data, file.origin, file.path, file.origin === 'cache' ? sources[name]?.origin : undefined);
      });
      if (args.json) return printJson(context, rows);
      if (!rows.length) {
        context.stdout.write('no ATT&CK data found; run `attack-layers data fetch` or `attack-layers data add <file>`\n');
        return;
      }
      const header = ['domain', 'release', 'stix', 'techniques', 'sub-techniques', 'groups', 'software', 'campaigns', 'objects', 'from', 'file'];
      context.stdout.write(
        formatTable(header, rows.map((r) => [r.domain, r.release, r.stix, r.techniques, r.subtechniques, r.groups, r.software, r.campaigns, r.objects, r.source ?? r.origin, r.file])),
      );
      return;
    }
    if (args.action === 'log-sources') return listLogSources(context, args);
    const date = new Date().toISOString().slice(0, 10);
    if (args.action === 'add') {
      if (!args.file) throw new UsageError('data add needs a file: attack-layers data add <release.json[.gz]>');
      const stored = addRelease(args.file, { cacheDir: cache, force: args.force, release: args['attack-release'], date });
      note(context, args, `added ATT&CK ${stored.data.domain} ${stored.data.release} (STIX ${stored.data.stixVersion}) as ${stored.file}`);
      return;
    }
    let last = 0;
    const stored = await fetchRelease({
      cacheDir: cache,
      force: args.force,
      date,
      domain: args.domain as Domain,
      version: args.version,
      indexUrl: args['index-url'],
      onProgress: (received, total) => {
        if (!context.stderr.isTTY || args.quiet || received - last < 1 << 20) return;
        last = received;
        context.stderr.write(`\rdownloading ${(received / 1e6).toFixed(1)} MB${total ? ` of ${(total / 1e6).toFixed(1)} MB` : ''}`);
      },
    });
    if (context.stderr.isTTY && !args.quiet) context.stderr.write('\n');
    note(context, args, `fetched ATT&CK ${stored.data.domain} ${stored.data.release} into ${stored.file}`);
  };
}

/** `data log-sources`: every log source name the release's analytics use, with its channels and how many analytics need each. */
function listLogSources(context: CliContext, args: Args): void {
  const index = attackLibrary(context, args).release(args.domain as Domain, args.version);
  const model = new DetectionModel(loadDetection(index, { cacheDir: cacheDir(context) }), index);
  let platform: string | undefined;
  if (args.platform !== undefined) {
    platform = index.platforms().find((p) => p.toLowerCase() === args.platform!.trim().toLowerCase());
    if (!platform) throw new UsageError(`--platform ${args.platform}: not a platform of ATT&CK ${index.label}; use one of ${index.platforms().join(', ')}`);
  }
  const sources = model.logSources(platform);
  if (args.json) return printJson(context, sources);
  if (!model.hasStrategies) {
    note(context, args, `ATT&CK ${index.label} has no analytics, so no log sources (they came with ATT&CK 18); list those of 18.1 or newer (--version 18.1)`);
    return;
  }
  const rows: (string | number)[][] = [];
  for (const source of sources) {
    rows.push([source.name, '(any)', source.analytics, source.platforms.join(', ')]);
    for (const channel of source.channels) rows.push(['', channel.channel ?? '(none given)', channel.analytics, '']);
  }
  context.stdout.write(formatTable(['log source', 'channel', 'analytics', 'platforms'], rows));
}
