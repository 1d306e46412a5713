import { MERGE_SCORES } from '../../index.js';
import type { CommandDeclaration } from '../options.js';

/** What `upgrade` takes, and its examples: all that its --help and a usage error read. Its handler is commands/upgrade.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    layers: { type: 'string', array: true, describe: 'layer files, folders of them (a file may hold an array of layers), or - for standard input', demandOption: true },
  },
  shared: {
    out: 'write the upgraded layers into this folder (or, for one layer file, to this .json file); default: stdout for one layer',
    force: 'replace files that exist under --out or --report-out (nothing is overwritten without it; --in-place needs no --force)',
    check: 'write nothing; exit 1 when a layer would change (for CI of a layer repository)',
    report: { choices: ['md', 'json'], describe: 'also report every change, as Markdown or JSON, on stdout (or to --report-out)' },
    'report-out': true,
  },
  options: {
    from: { type: 'string', describe: "the ATT&CK release the layers were written for, when they do not say (default: each layer's versions.attack)" },
    'in-place': { type: 'boolean', describe: 'replace each layer file that changes' },
    // No yargs default: the report says what sum would do only when the user did not choose (mergeEntries).
    'merge-score': { choices: MERGE_SCORES, describe: 'how the scores of entries that merge into one combine (default: max)' },
  },
  conflicts: { out: 'in-place', check: ['out', 'in-place'] },
  examples: [
    ['$0 upgrade apt-2019.json --out apt-2019.v18.json', 'T1086 becomes T1059.001 with its score and comment'],
    ['$0 upgrade layers/ --in-place --report md > upgrade.md', 'a folder of layers, and what changed in each'],
    ['$0 upgrade layers/ --check', 'exit 1 when a layer is not current (CI)'],
    ['$0 upgrade old.json --to 14.1 --out old.v14.json', 'upgrade to a given release (--to is --attack-release)'],
  ],
};
