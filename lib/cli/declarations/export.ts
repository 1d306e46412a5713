import { EXPORT_FORMATS, SUBTECHNIQUE_MODES, SUBTECHNIQUE_LAYOUTS } from '../../index.js';
import type { CommandDeclaration } from '../options.js';

/** What `export` takes, and its examples: all that its --help and a usage error read. Its handler is commands/export.ts. */
export const declaration: CommandDeclaration = {
  positionals: { file: { type: 'string', demandOption: true, describe: 'a layer file, the JSON report of `gap --report json`, or - for standard input' } },
  shared: { out: 'write here instead of stdout (required for xlsx, and for an SVG matrix of several pages)', force: true, layer: true },
  options: {
    format: { choices: EXPORT_FORMATS, describe: 'output format (default: from the --out file name)' },
    subtechniques: {
      choices: SUBTECHNIQUE_MODES,
      describe: 'show every sub-technique, those of parents with annotated ones, or none (default: as the layer says)',
    },
    'subtechnique-layout': {
      choices: SUBTECHNIQUE_LAYOUTS,
      describe: "xlsx: sub-techniques in a column beside their parent, as Navigator's own Excel export (side), or indented under it (flat) (default: side)",
    },
    'tactic-order': { choices: ['matrix'] as const, default: 'matrix' as const, describe: "tactic columns in the release's matrix order, as Navigator" },
  },
  examples: [
    ['$0 export layers/apt32-covid19-wuhan.layer.json --out apt32.svg', 'the matrix as an A4 landscape picture (apt32-1.svg, apt32-2.svg… when it takes several pages)'],
    ['$0 export layers/all.layer.json --format html --out all.html', 'a self-contained page; hover a cell for its comment'],
    ['$0 export review/gap-report.json --out gaps.xlsx', 'a gap report as a workbook'],
  ],
};
