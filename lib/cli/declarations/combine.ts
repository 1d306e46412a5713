import { COMBINE_OPS } from '../../index.js';
import type { CommandDeclaration } from '../options.js';

/** What `combine` takes, and its examples: all that its --help and a usage error read. Its handler is commands/combine.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    layers: { type: 'string', array: true, describe: 'layer files (each a layer or an array of layers), folders of them (their .json files, in the order of their paths), or - for standard input', demandOption: true },
  },
  shared: { out: 'write the layer to this file, and print its name on stdout (default: the layer on stdout)', force: true, name: 'the combined layer\'s name (default: "<op> of <names>")' },
  options: {
    normalize: {
      type: 'boolean',
      describe:
        "rescale each layer's scores to 0..1 on its own gradient before combining; done by default when the layers score on different ranges (--no-normalize keeps the raw scores)",
    },
    op: {
      type: 'string',
      choices: Object.keys(COMBINE_OPS),
      demandOption: true,
      describe: `how scores combine: ${Object.entries(COMBINE_OPS).map(([op, formula]) => `${op} = ${formula}`).join('; ')}`,
    },
  },
  inputs: { layers: 'file' },
  examples: [
    ['$0 combine a.json b.json --op diff', 'what a scores higher than b, and the reverse'],
    ['$0 combine detections.json sigma.json --op max --out coverage.json', 'the best coverage of either'],
  ],
};
