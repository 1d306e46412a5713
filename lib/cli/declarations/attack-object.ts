import { ATTACK_OBJECT_KINDS, type AttackObjectKind } from '../../index.js';
import type { CommandDeclaration } from '../options.js';

/** `--all` takes the plural; `--type` the singular. */
export const ALL_KINDS: Readonly<Record<string, AttackObjectKind>> = { groups: 'group', software: 'software', campaigns: 'campaign' };

/** What `attack-object` takes, and its examples: all that its --help and a usage error read. Its handler is commands/attack-object.ts. */
export const declaration: CommandDeclaration = {
  positionals: { objects: { type: 'string', array: true, describe: 'ATT&CK IDs, names or aliases (G0050, APT32, OceanLotus, S0227, C0021)' } },
  shared: {
    out: 'the folder to write layers into (default: the layer JSON on stdout)',
    force: true,
    name: 'frequency: the name of the layer (and of its file)',
  },
  options: {
    all: { choices: Object.keys(ALL_KINDS), describe: 'a layer for every current group, software or campaign (needs --out); with --score frequency, one layer over them all' },
    type: { choices: ATTACK_OBJECT_KINDS, describe: 'only look for this kind of object (for names that are both, e.g. Carbanak)' },
    score: {
      choices: ['presence', 'frequency'],
      default: 'presence',
      describe: 'presence: a layer per object, 1 = used; frequency: one layer, each technique scored by how many of the objects use it',
    },
    platform: {
      type: 'string',
      array: true,
      requiresArg: true,
      describe: "only the techniques that run on this ATT&CK platform (Windows, Linux, IaaS…; repeat it or separate by commas), the layer's platform filter set to it",
    },
    campaigns: {
      type: 'boolean',
      describe: 'groups: also show the techniques of the ATT&CK campaigns attributed to the group (as attack.mitre.org does), those only in its campaigns in orange; with --score frequency, count them as the group\'s',
    },
  },
  examples: [
    ['$0 attack-object APT32 > apt32.json', 'the layer of G0050, by name'],
    ['$0 attack-object APT28 APT29 APT32 Turla "Lazarus Group" --score frequency --out layers', 'which techniques the five share'],
    ['$0 attack-object --all groups --out groups/', 'G0001-axiom.layer.json, ... one per current group'],
    ['$0 attack-object S0405 --domain mobile', 'a mobile software'],
    ['$0 attack-object APT29 --platform Windows --campaigns', "what APT29 and its campaigns do on Windows hosts, for an emulation plan"],
  ],
};
