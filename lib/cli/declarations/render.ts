import { DEFAULT_HALF_LIFE_DAYS, SCORE_MODEL_NAMES, SCORE_MODELS } from '../../index.js';
import type { CommandDeclaration } from '../options.js';

/** What `render` takes, and its examples: all that its --help and a usage error read. Its handler is commands/render.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    campaigns: { type: 'string', array: true, describe: 'campaign files (YAML or JSON), folders of them, or - for standard input', demandOption: true },
  },
  shared: {
    out: { describe: 'the folder to write <campaign id>.layer.json files into', demandOption: true },
    force: true,
    check: true,
    strict: true,
  },
  options: {
    score: {
      type: 'string',
      choices: SCORE_MODEL_NAMES,
      default: 'presence',
      describe: `the scoring model: ${SCORE_MODEL_NAMES.map((name) => `${name} (${SCORE_MODELS[name].description})`).join('; ')}`,
    },
    'half-life': { type: 'number', describe: `recency: days after which a campaign weighs half (default: ${DEFAULT_HALF_LIFE_DAYS})` },
    'as-of': {
      type: 'string',
      describe: 'recency: the date to age campaigns from, YYYY-MM-DD (default: the newest date in the campaigns given, so output does not change from day to day)',
    },
    aggregate: { type: 'string', describe: 'also write one layer across all the campaigns, with this name (file <name>.layer.json)' },
    'min-campaigns': {
      type: 'number',
      describe: 'with --aggregate: keep in it only what at least this many campaigns report (under the entry\'s tactic), what they have in common',
    },
  },
  inputs: { campaigns: 'campaign file or folder' },
  examples: [
    ['$0 render campaigns --out layers --aggregate all', 'a layer per campaign plus all.layer.json'],
    ['$0 render campaigns --out layers --aggregate common --score frequency --min-campaigns 2', 'the aggregate keeps the techniques 2 or more campaigns report (of the two in campaigns/, what both report)'],
    ['$0 render campaigns --out layers --aggregate all --check', 'write nothing; exit 1 if a layer in layers/ is missing or out of date (a CI check)'],
  ],
};
