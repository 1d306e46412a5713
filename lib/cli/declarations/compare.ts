import type { CommandDeclaration } from '../options.js';

/** What `compare` takes, and its examples: all that its --help and a usage error read. Its handler is commands/compare.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    'campaign-or-layer': { type: 'string', describe: 'a campaign file (YAML or JSON) or a Navigator layer file, or - for standard input', demandOption: true },
  },
  shared: {
    json: 'print JSON: {comparisons: [...]}, one per object',
    out: 'also write a comparison layer (one per object; several make a JSON array) to this file',
    force: true,
    strict: true,
  },
  options: {
    with: {
      type: 'string',
      array: true,
      describe:
        "ATT&CK groups, campaigns or software by ID, name or alias (default: the campaign's compare_with, else its actor; " +
        "for a layer, the one object its name and description name, else, of several, the one its name names)",
    },
    unmentioned: { type: 'boolean', describe: "list the object's techniques the campaign does not mention (default: their count)" },
    campaigns: {
      type: 'boolean',
      default: true,
      describe:
        "a group's techniques include those of the ATT&CK campaigns attributed to it, as attack.mitre.org's group layers do (status: campaign, naming them); " +
        '--no-campaigns compares with the group\'s own techniques alone',
    },
  },
  renamed: { layer: 'out', all: 'unmentioned' },
  examples: [
    ['$0 compare campaigns/apt32-covid19-wuhan.yaml', 'against its actor, APT32 (G0050)'],
    ['$0 compare report.yaml --with G0050 C0021 --json', 'against a group and an ATT&CK campaign, as JSON'],
    ['$0 compare report.yaml --out comparison.layer.json', 'also a layer: attributed green, related yellow, new red'],
    ['$0 compare apt28.layer.json --with G0007', "a Navigator layer's techniques against APT28's in ATT&CK"],
    ['$0 compare G0016-enterprise-layer.json --no-campaigns', "attack.mitre.org's APT29 layer against APT29's own techniques, not those of C0023 and C0024"],
  ],
};
