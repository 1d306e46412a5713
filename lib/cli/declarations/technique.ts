import type { CommandDeclaration } from '../options.js';

/** What `technique` takes, and its examples: all that its --help and a usage error read. Its handler is commands/technique.ts. */
export const declaration: CommandDeclaration = {
  positionals: {
    ids: { type: 'string', array: true, describe: 'technique IDs (T1193, t1566/001, T1566.001), one or several', demandOption: true },
  },
  shared: { json: true },
  examples: [
    ['$0 technique T1193', 'revoked: replaced by T1566.001'],
    ['$0 technique T1566.002 T1047 T1053.005', 'several IDs, one after the other (--json: an array)'],
    ['$0 technique T1117 --json', 'machine-readable'],
    ['$0 technique T0800 --domain ics', 'an ICS technique'],
    ['$0 technique ACME-T1000 --attack acme/', "a team's own technique (of its ATT&CK Workbench namespace), from its data"],
  ],
};
