import type { CommandDeclaration } from '../options.js';

/** What `normalize` takes, and its examples: all that its --help and a usage error read. Its handler is commands/normalize.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    campaigns: { type: 'string', array: true, describe: 'campaign files (YAML or JSON), folders of them, or - for standard input', demandOption: true },
  },
  shared: { json: 'print JSON: an array with one object per campaign', strict: true },
  options: {
    suggest: { type: 'boolean', describe: 'for each reference left unknown, the techniques `suggest` ranks for its words (top 3), to review: never taken as the reference' },
  },
  prints: { what: 'its table (JSON with --json)', redirect: 'attack-layers normalize campaign.yaml --json > normalized.json' },
  examples: [
    ['$0 normalize campaigns/apt32-covid19-wuhan.yaml', 'a table of references and what they became'],
    ['$0 normalize campaigns --json --strict', 'JSON for every campaign; exit 1 if anything is unresolved'],
    ['$0 normalize report.yaml --attack-release 14.1', 'the techniques as of ATT&CK 14.1'],
    ['$0 normalize report.yaml --suggest', 'with techniques ranked for references it cannot read ("steals browser cookies")'],
  ],
};
