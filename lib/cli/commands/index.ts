import type { CliContext } from '../context.js';
import type { CommandDeclaration } from '../options.js';

/**
 * What a command's module exports: its positionals, flags and examples, declared through the one contract of
 * lib/cli/options.ts, and a handler bound to the run's context.
 */
export interface CommandModule {
  declaration: CommandDeclaration;
  handler: (context: CliContext) => (args: any) => void | Promise<void>;
}

/**
 * A command as `--help` lists it. Its module (and, through it, the library) is imported only when the command runs,
 * so that `attack-layers technique T1193` does not pay for compiling every other command.
 */
export interface CommandSpec {
  /** yargs' command string: the name and its positionals, `technique <ids..>`. */
  command: string;
  describe: string;
  /** Imports the command's module; called once, when the command runs or shows its --help. */
  load: () => Promise<CommandModule>;
}

/** A command's name: `data <action> [file]` -> `data`. */
export function commandName(spec: CommandSpec): string {
  return spec.command.split(' ')[0]!;
}

/**
 * Every command, in the order `--help` lists them. To add a command, write `commands/<name>.ts` exporting `declaration`
 * and `handler`, and add one entry here.
 */
export const commands: readonly CommandSpec[] = [
  {
    command: 'normalize <campaigns..>',
    describe: 'Resolve every technique reference of campaign files against ATT&CK, with the reasons',
    load: () => import('./normalize.js'),
  },
  {
    command: 'extract <reports..>',
    describe: "Find technique references in a report's text (or several reports' of one campaign) and print a campaign file skeleton",
    load: () => import('./extract.js'),
  },
  {
    command: 'suggest <report>',
    describe: 'Suggest ATT&CK techniques for the sentences of a report that cite no technique ID, ranked, with the evidence',
    load: () => import('./suggest.js'),
  },
  {
    command: 'render <campaigns..>',
    describe: 'Render campaign files as ATT&CK Navigator layers (format 4.5), one per campaign',
    load: () => import('./render.js'),
  },
  {
    command: 'validate <layers-or-campaigns..>',
    describe: 'Check Navigator layer files (the 4.5 schema, then every technique against ATT&CK) and campaign files',
    load: () => import('./validate.js'),
  },
  {
    command: 'upgrade <layers..>',
    describe: 'Bring layers to format 4.5 and an ATT&CK release, keeping every annotation, with a report of each change',
    load: () => import('./upgrade.js'),
  },
  {
    command: 'gap',
    describe: 'Review threat techniques against detection coverage: coverage layer, gap layer, ranked report',
    load: () => import('./gap.js'),
  },
  {
    command: 'combine <layers..>',
    describe: 'Combine layers of one domain into one (sum, max, min, mean, diff, intersect, union of scores)',
    load: () => import('./combine.js'),
  },
  {
    command: 'export <file>',
    describe: 'Draw a layer as SVG or HTML, or write it (or a gap report) as XLSX, CSV or Markdown',
    load: () => import('./export.js'),
  },
  {
    command: 'attack-object [objects..]',
    describe: 'Layers of ATT&CK groups, software and campaigns: every technique they use, with the procedures and sources',
    load: () => import('./attack-object.js'),
  },
  {
    command: 'compare <campaign-or-layer>',
    describe: "Compare a campaign's or a Navigator layer's techniques with what ATT&CK documents for a group, campaign or software",
    load: () => import('./compare.js'),
  },
  {
    command: 'technique <ids..>',
    describe: 'Show what the ATT&CK index knows about technique IDs, one or several',
    load: () => import('./technique.js'),
  },
  {
    command: 'data <action> [file]',
    describe: 'Manage ATT&CK data: list what is available, fetch a release, add a local file to the cache',
    load: () => import('./data.js'),
  },
];
