import type { CommandDeclaration } from '../options.js';

/** What `validate` takes, and its examples: all that its --help and a usage error read. Its handler is commands/validate.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    'layers-or-campaigns': {
      type: 'string',
      array: true,
      describe: 'layer files (a layer or an array of layers each), campaign files (YAML or JSON), folders of them, or - for standard input',
      demandOption: true,
    },
  },
  shared: { json: 'print JSON: one object per file with its findings' },
  prints: { what: 'its findings (JSON with --json)', redirect: 'attack-layers validate layer.json --json > findings.json' },
  examples: [
    ['$0 validate layers/', 'no output and exit 0 when every layer loads in Navigator as is'],
    ['$0 validate campaigns/ layers/', 'campaign files too, read as normalize and render read them'],
    ['$0 validate old.json --attack-release 14.1 --json', 'check against a given release'],
  ],
};
