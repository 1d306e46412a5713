import type { CliContext } from '../context.js';
import type { CommandDeclaration } from '../options.js';

/**
 * What a command's declaration module (declarations/<name>.ts) exports: its positionals, flags and examples, declared
 * through the one contract of lib/cli/options.ts. It imports no more than that, so that `--help` and a usage error
 * load it and yargs alone.
 */
export interface DeclarationModule {
  declaration: CommandDeclaration;
}

/** What a command's module (commands/<name>.ts) exports: a handler bound to the run's context. */
export interface CommandModule {
  handler: (context: CliContext) => (args: any) => void | Promise<void>;
}

/**
 * A command as `--help` lists it. Its declaration is imported when the command is named; its module (and, through it,
 * the library) only when the command runs, so that `attack-layers technique T1193` does not pay for compiling every
 * other command, nor `gap --help` for compiling gap's rule readers.
 */
export interface CommandSpec {
  /** yargs' command string: the name and its positionals, `technique <ids..>`. */
  command: string;
  describe: string;
  /** Imports the command's declaration; called once, when the command is named (to run or to show its --help). */
  declare: () => Promise<DeclarationModule>;
  /** Imports the command's module; called once, when the command runs. */
  load: () => Promise<CommandModule>;
}

/** A command's name: `data <action> [file]` -> `data`. */
export function commandName(spec: CommandSpec): string {
  return spec.command.split(' ')[0]!;
}

/**
 * Every command, in the order `--help` lists them. To add a command, write `declarations/<name>.ts` exporting
 * `declaration` and `commands/<name>.ts` exporting `handler`, and add one entry here.
 */
export const commands: readonly CommandSpec[] = [
  {
    command: 'normalize <campaigns..>',
    describe: 'Resolve every technique reference of campaign files against ATT&CK, with the reasons',
    declare: () => import('../declarations/normalize.js'),
    load: () => import('./normalize.js'),
  },
  {
    command: 'extract <reports..>',
    describe: "Find technique references in a report's text (or several reports' of one campaign) and print a campaign file skeleton",
    declare: () => import('../declarations/extract.js'),
    load: () => import('./extract.js'),
  },
  {
    command: 'suggest <report>',
    describe: 'Suggest ATT&CK techniques for the sentences of a report that cite no technique ID, ranked, with the evidence',
    declare: () => import('../declarations/suggest.js'),
    load: () => import('./suggest.js'),
  },
  {
    command: 'render <campaigns..>',
    describe: 'Render campaign files as ATT&CK Navigator layers (format 4.5), one per campaign',
    declare: () => import('../declarations/render.js'),
    load: () => import('./render.js'),
  },
  {
    command: 'validate <layers-or-campaigns..>',
    describe: 'Check Navigator layer files (the 4.5 schema, then every technique against ATT&CK) and campaign files',
    declare: () => import('../declarations/validate.js'),
    load: () => import('./validate.js'),
  },
  {
    command: 'upgrade <layers..>',
    describe: 'Bring layers to format 4.5 and an ATT&CK release, keeping every annotation, with a report of each change',
    declare: () => import('../declarations/upgrade.js'),
    load: () => import('./upgrade.js'),
  },
  {
    command: 'gap',
    describe: 'Review threat techniques against detection coverage: coverage layer, gap layer, ranked report',
    declare: () => import('../declarations/gap.js'),
    load: () => import('./gap.js'),
  },
  {
    command: 'combine <layers..>',
    describe: 'Combine layers of one domain into one (sum, max, min, mean, diff, intersect, union of scores)',
    declare: () => import('../declarations/combine.js'),
    load: () => import('./combine.js'),
  },
  {
    command: 'export <file>',
    describe: 'Draw a layer as SVG or HTML, or write it (or a gap report) as XLSX, CSV or Markdown',
    declare: () => import('../declarations/export.js'),
    load: () => import('./export.js'),
  },
  {
    command: 'attack-object [objects..]',
    describe: 'Layers of ATT&CK groups, software and campaigns: every technique they use, with the procedures and sources',
    declare: () => import('../declarations/attack-object.js'),
    load: () => import('./attack-object.js'),
  },
  {
    command: 'compare <campaign-or-layer>',
    describe: "Compare a campaign's or a Navigator layer's techniques with what ATT&CK documents for a group, campaign or software",
    declare: () => import('../declarations/compare.js'),
    load: () => import('./compare.js'),
  },
  {
    command: 'technique <ids..>',
    describe: 'Show what the ATT&CK index knows about technique IDs, one or several',
    declare: () => import('../declarations/technique.js'),
    load: () => import('./technique.js'),
  },
  {
    command: 'data <action> [file]',
    describe: 'Manage ATT&CK data: list what is available, fetch a release, add a local file to the cache',
    declare: () => import('../declarations/data.js'),
    load: () => import('./data.js'),
  },
];
