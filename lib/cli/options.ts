import type { Argv, Options, PositionalOptions } from 'yargs';
import { DOMAINS, STDIN, UsageError, useOneOf, type Domain } from '../attack/index.js';

/**
 * The CLI's one contract: every flag word has one meaning, defined here once, and every command declares the flags it
 * takes through `declare()`. A command only says what its `--out` holds or what its report is about; the type, the
 * parsing and the meaning come from here. docs/cli-reference.md documents each word once, from this table.
 */

/** `-` for standard input, as a file argument of any command (the library's readers take it so). */
export { STDIN };

/**
 * yargs-parser reads a lone `-` as an empty flag (`''`, or `true`), and drops it from arrays: it is swapped for this
 * token before parsing and back after. Never shown to users.
 */
export const STDIN_TOKEN = '\u0000stdin';

/** The short domain names users write, with the STIX domain each stands for. */
export const SHORT_DOMAINS = ['enterprise', 'mobile', 'ics'] as const;

/** `enterprise`, `Mobile`, `ics-attack` -> the STIX domain. @throws UsageError naming the flag for anything else. */
export function parseDomain(value: string): Domain {
  const word = value.trim().toLowerCase();
  const domain = (word.endsWith('-attack') ? word : `${word}-attack`) as Domain;
  if (DOMAINS.includes(domain)) return domain;
  throw new UsageError(`--domain ${value}: ${useOneOf(value, SHORT_DOMAINS, DOMAINS)}`);
}

/**
 * Flags other tools give a meaning that one of ours has, and that option: `upgrade x.json --version 17` means the ATT&CK
 * release. Every command takes them as unknown options, and the usage error names the option meant.
 */
export const MEANT_ELSEWHERE: Readonly<Record<string, { option: string; what: string; note: string }>> = {
  version: { option: 'attack-release', what: 'the ATT&CK release to work in', note: 'attack-layers --version, before any command, prints the version of attack-layers' },
};

/** Report formats; each command takes the ones it can write. */
export const REPORT_FORMATS = ['md', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options every command takes, listed under "Global options" in every --help. */
export const GLOBAL_OPTIONS = {
  attack: {
    type: 'string',
    requiresArg: true,
    describe: 'an ATT&CK release file or a folder of them (else $ATTACK_STIX_DIR, else the cache, else the embedded snapshot)',
  },
  'attack-release': {
    type: 'string',
    requiresArg: true,
    alias: 'to',
    describe: 'the ATT&CK release to work in, e.g. 18.1 or 14 (default: the newest available); also the release of an --attack file that does not say it',
  },
  domain: {
    type: 'string',
    requiresArg: true,
    describe: 'the ATT&CK domain: enterprise, mobile or ics, where the input does not say it (default: enterprise)',
    coerce: (value: string | string[]) => parseDomain([value].flat().at(-1)!),
  },
  quiet: { type: 'boolean', alias: 'q', describe: 'no progress, notes or warnings on stderr (errors still)' },
} as const satisfies Record<string, Options>;

/**
 * An output path as given, refusing `-` and an empty one: `-` stands for standard input where a command reads a file, and an output
 * named so was written as a file or folder called `-` in the working folder, without a word.
 * @throws UsageError naming the flag and what to do.
 */
function outputPath(name: string): (value: string | string[]) => string | string[] {
  return (value) => {
    const last = [value].flat().at(-1);
    if (last === STDIN_TOKEN || last === STDIN) {
      throw new UsageError(
        `--${name} -: "-" is no output path; leave --${name} out where the command writes to stdout without it (see --help), or name a file or folder (./- for one named "-")`,
      );
    }
    // `--out=` or `--out ""` (a shell variable left unset: `--out "$DIR"`) was taken as the working folder: render wrote
    // its layers there and listed them as `/apt32-covid19-wuhan.layer.json`, a file at the root that it had not written.
    if (typeof last === 'string' && !last.trim()) {
      throw new UsageError(`--${name} is empty (${last ? `"${last}"` : '""'}); name the file or folder to write (--${name} . for the working folder)`);
    }
    return value;
  };
}

/** The flags several commands take, each with its one meaning. `describe` is the default; a command may say more. */
const SHARED = {
  out: { type: 'string', requiresArg: true, describe: 'write the output here (default: stdout)', coerce: outputPath('out') },
  force: { type: 'boolean', describe: 'replace output files that exist (nothing is overwritten without it)' },
  json: { type: 'boolean', describe: 'print JSON on stdout instead of text' },
  strict: {
    type: 'boolean',
    describe: "exit 1 when any reference could not be placed (unknown, other domain, ambiguous or deprecated) or a report: names none of the campaign's sources; they are always listed",
  },
  check: { type: 'boolean', describe: 'write nothing; exit 1 when the output would differ from the files there' },
  report: { choices: REPORT_FORMATS, requiresArg: true, describe: 'the format of the report: md, csv or json' },
  'report-out': { type: 'string', requiresArg: true, describe: 'write the report to this file', coerce: outputPath('report-out') },
  name: { type: 'string', requiresArg: true, describe: 'the name of the layer or campaign written' },
  layer: { type: 'number', requiresArg: true, describe: 'which layer of a file holding several (1-based)' },
} as const satisfies Record<string, Options>;

export type SharedOption = keyof typeof SHARED;

/** How a command takes a shared flag: `true` as defined, a string to say more in --help, or overrides. */
export type SharedUse = true | string | (Partial<Options> & { describe?: string });

/** What a command declares: its positionals, the shared flags it takes, its own flags, its examples. */
export interface CommandDeclaration {
  positionals?: Record<string, PositionalOptions>;
  shared?: Partial<Record<SharedOption, SharedUse>>;
  options?: Record<string, Options>;
  /** Flags the command took before this contract, and the flag that now does their job: `{ layer: 'out' }`. */
  renamed?: Record<string, string>;
  /** Flags the command does not take that users write for one of its options (`--sigma` for gap's `--coverage`), as MEANT_ELSEWHERE. */
  meant?: Readonly<Record<string, { option: string; what: string; note: string }>>;
  /**
   * What a command that takes no `--out` prints on stdout, and the redirect that saves it (`the campaign skeleton`,
   * `attack-layers extract report.txt > campaign.yaml`): said when `--out` (`-o`, `--output`) is given to it.
   */
  prints?: { what: string; redirect: string };
  /** Flags that cannot be used together: `{ out: 'in-place' }`. */
  conflicts?: Record<string, string | readonly string[]>;
  /** [command line, what it does]; the command line is shown whole, never wrapped. */
  examples?: ReadonlyArray<readonly [string, string]>;
  /**
   * The positionals and flags that name files to read, and what one that is not there is called (`file`, `campaign
   * file or folder`): a usage error (`--op is required`) says such a file is missing first (run.ts).
   */
  inputs?: Readonly<Record<string, string>>;
  /** The usage line of a command whose required arguments are flags (`$0 gap --threat … --out <dir>`), over its description. */
  usage?: string;
}

/**
 * Declare a command's positionals and flags in the one way: shared flags from the table above, the command's own
 * after them, the command's options listed before the global ones in --help. (run.ts adds the examples to --help,
 * after yargs' text, so that yargs does not wrap them.)
 */
export function declare<T>(yargs: Argv, declaration: CommandDeclaration, argv: readonly string[] = []): Argv<T> {
  let parser = yargs;
  // yargs reads `--top abc` as NaN and forgets `abc`: every number flag is checked here, naming what was written.
  const checked = (name: string, spec: Options): Options =>
    spec.type === 'number' && !spec.coerce ? { ...spec, coerce: (value: unknown) => numberValue(name, value, argv) } : spec;
  // A variadic positional's default, [], would show in --help as `[default: []]` (`[required] [default: []]`): it is no
  // default a user chooses; a handler reads an absent one as none.
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declaration.positionals ?? {})) {
    if (spec.array && !spec.demandOption) defaults[name] = [];
    parser = parser.positional(name, spec.array ? { ...spec, defaultDescription: undefined, default: undefined } : spec);
  }
  const own: string[] = [];
  for (const [name, use] of Object.entries(declaration.shared ?? {}) as [SharedOption, SharedUse][]) {
    const base: Options = SHARED[name];
    const given: Options = use === true ? base : typeof use === 'string' ? { ...base, describe: use } : { ...base, ...use };
    if (given.default !== undefined) defaults[name] = given.default;
    parser = parser.option(name, checked(name, defaultInWords(given)));
    own.push(name);
  }
  for (const [name, given] of Object.entries(declaration.options ?? {})) {
    const spec = defaultInWords(given);
    if (given.default !== undefined) defaults[name] = given.default;
    parser = parser.option(name, checked(name, { requiresArg: spec.type === 'string' || spec.type === 'number' || !!spec.choices, ...spec }));
    own.push(name);
  }
  // The defaults taken out of yargs' hands (defaultInWords), given to the handler as yargs gave them: after its checks,
  // so that a default is never said to conflict with a flag given.
  if (Object.keys(defaults).length) {
    parser = parser.middleware((parsed) => {
      // yargs gives a variadic positional left out as [undefined] once it has no default.
      for (const [name, value] of Object.entries(defaults)) if (parsed[name] === undefined || (Array.isArray(parsed[name]) && parsed[name].every((v: unknown) => v === undefined))) parsed[name] = value;
    }, false);
  }
  // After a command, `--version` is no request for the package version (`upgrade x.json --version 17` printed 0.1.0 and
  // exited 0): it is an unknown option there, which usage.ts names with the option meant (MEANT_ELSEWHERE).
  parser = parser.version(false);
  for (const [name, others] of Object.entries(declaration.conflicts ?? {})) parser = parser.conflicts(name, others as string[]);
  if (own.length) parser = parser.group(own, 'Options:');
  return parser as unknown as Argv<T>;
}

/**
 * An option's default said in its description, `(default: 5)`, as every option whose default is not a value says it
 * (`(default: the newest available)`), and not also by yargs as `[default: 5]`: written from the declared value, so
 * the two cannot disagree; the value is given by declare()'s middleware. A boolean's is `on` or `off`.
 */
function defaultInWords(spec: Options): Options {
  if (spec.default === undefined) return spec;
  const value = typeof spec.default === 'boolean' ? (spec.default ? 'on' : 'off') : String(spec.default);
  const { default: _taken, ...rest } = spec;
  return { ...rest, describe: `${spec.describe ?? ''} (default: ${value})` };
}

/**
 * A number flag's value, as last written in `argv` (`--top 3`, `--top=3`): yargs reads `--top abc` as NaN and adds
 * up a flag given twice (`--top 2 --top 1` gives 3), where every other flag takes the last value given.
 * @throws UsageError quoting the word written when it is not a number, or not a finite one.
 */
function numberValue(name: string, value: unknown, argv: readonly string[]): number {
  let written: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === `--${name}`) written = argv[i + 1];
    else if (arg.startsWith(`--${name}=`)) written = arg.slice(name.length + 3);
  });
  const number = written === undefined ? Number([value].flat().at(-1)) : written.trim() ? Number(written) : NaN;
  const as = `--${name}${written === undefined ? '' : written.trim() ? ` ${written}` : ' (empty)'}`;
  if (Number.isNaN(number)) throw new UsageError(`${as}: not a number; give one, such as --${name} 5`);
  // `1e999` and `Infinity` are numbers to JavaScript, and no flag's.
  if (!Number.isFinite(number)) throw new UsageError(`${as}: not a finite number; give one, such as --${name} 5`);
  return number;
}

/** Examples as a block under --help: each command line whole on its own line, what it does indented below it. */
export function formatExamples(examples: ReadonlyArray<readonly [string, string]>): string {
  return ['Examples:', ...examples.flatMap(([line, what]) => [`  ${line.replace(/\$0/g, 'attack-layers')}`, `      ${what}`])].join('\n');
}

/** The flag words known with a command or without: the global ones and their aliases, help, and version without a command. */
export function globalWords(command: boolean): string[] {
  return [...Object.entries(GLOBAL_OPTIONS).flatMap(([name, spec]) => [name, ...('alias' in spec ? [spec.alias] : [])]), 'help', ...(command ? [] : ['version'])];
}
