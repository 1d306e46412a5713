import type { CommandDeclaration } from '../options.js';

/** What `data` takes, and its examples: all that its --help and a usage error read. Its handler is commands/data.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    action: { choices: ['list', 'fetch', 'add', 'log-sources'] as const, describe: 'list | fetch | add | log-sources', demandOption: true },
    file: { type: 'string', describe: 'data add: the release file to add (.json, .json.gz, .json.br), or - for standard input' },
  },
  shared: { force: 'data fetch, data add: replace a release already in the cache (nothing is overwritten without it)', json: 'data list, data log-sources: print JSON' },
  options: {
    'index-url': { type: 'string', describe: "data fetch: the collection index to fetch from (default: MITRE's official index)" },
    'max-size': { type: 'number', describe: 'data fetch, data add: the largest release accepted, downloaded or decompressed, in MB (default: 256)' },
    platform: { type: 'string', requiresArg: true, describe: 'data log-sources: only the analytics of this ATT&CK platform (Windows, Linux, IaaS...)' },
  },
  examples: [
    ['$0 data list', 'every release found through --attack, $ATTACK_STIX_DIR, the cache and the embedded snapshot'],
    ['$0 data fetch', 'download the newest enterprise release into the cache'],
    ['$0 data fetch --domain mobile --attack-release 17.1', 'download a given release'],
    ['$0 data add ~/Downloads/enterprise-attack-17.1.json', 'import a local file into the cache'],
    ['$0 data log-sources --platform Windows', "the log sources ATT&CK's analytics need, for a gap review's --log-sources file"],
  ],
};
