import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { AttackLayersError, ExitCode, NotAReleaseError, OutputError, OutputExistsError, SchemaValidationError, InvalidYamlError, UsageError } from '../attack/index.js';
import { commands, commandName, type CommandSpec } from './commands/index.js';
import type { CliContext } from './context.js';
import { terminalOut } from './terminal-text.js';
import { GLOBAL_OPTIONS, MEANT_ELSEWHERE, STDIN, STDIN_TOKEN, declare, formatExamples, globalWords, type CommandDeclaration } from './options.js';
import { usageMessage } from './usage.js';
import { PROBLEMS_LISTED } from './repeated-lines.js';

// yargs 17's CommonJS build, one file, loads in a fraction of the time of yargs 18's ~40 ES modules; require() it, as
// its ESM wrapper would load its many-module ESM build instead. `yargs/yargs` is the plain factory: `yargs` would also
// build a parser of process.argv that nothing uses.
const require = createRequire(import.meta.url);
const yargs = require('yargs/yargs') as typeof import('yargs/yargs');
// Our own version, not the one yargs would guess from the main module (which, for an ES module bin, is the package.json
// found from the working folder).
const { version } = require('../../package.json') as { version: string };

/** The command named, and its declaration once loaded. */
interface Chosen {
  spec: CommandSpec;
  declaration?: CommandDeclaration;
}

/** A usage error found by yargs (unknown flag, missing argument): exit 2. */
class YargsUsage extends Error {}

/** The part of yargs 17's internals that keeps a command's help text (not in @types/yargs). */
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } };
}

/**
 * After calling a command's handler, yargs renders that command's whole help text and keeps it for a later
 * showHelp() (lib/command.js, cacheHelpMessage). We never call showHelp(), and fail() throws rather than print help,
 * so the text is never used; rendering it (cliui, string-width on every word) is ~9 ms of every run. Should yargs'
 * internals change, this does nothing and yargs caches the text as before.
 */
function skipHelpCache(parser: Argv): void {
  const usage = (parser as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => {};
}

/** `-` back in place of the token it was swapped for before parsing, in every value yargs returns. */
function restoreStdin(value: unknown): unknown {
  if (value === STDIN_TOKEN) return STDIN;
  if (Array.isArray(value)) return value.map(restoreStdin);
  return value;
}

/** The positionals of a command string, `render <campaigns..>` -> campaigns. */
function positionalNames(spec: CommandSpec): string[] {
  return [...spec.command.matchAll(/[<[]([\w-]+)(?:\.\.)?[>\]]/g)].map((match) => match[1]!);
}

/**
 * The input files a command was given that are not there, each as the command says it (`x.json: no such file`,
 * `--threat x.yaml: no such file or folder`), from its arguments as parsed before yargs checked them.
 */
function missingInputs(parsed: Readonly<Record<string, unknown>>, declaration: CommandDeclaration | undefined, cwd: string): string[] {
  return Object.entries(declaration?.inputs ?? {}).flatMap(([name, what]) =>
    [parsed[name] ?? []]
      .flat()
      .filter((value): value is string => typeof value === 'string' && value !== STDIN_TOKEN && value !== '' && !existsSync(resolve(cwd, value)))
      .map((value) => `${declaration?.positionals?.[name] ? '' : `--${name} `}${value}: no such ${what}`),
  );
}

/** The usage error's words: the command's own, with where to read its help; an input file not there is said first. */
function usageText(message: string, argv: readonly string[], chosen: Chosen | undefined, missing: readonly string[] = []): string {
  const declaration = chosen?.declaration;
  const describe: Record<string, string | undefined> = {};
  for (const [name, spec] of Object.entries({ ...GLOBAL_OPTIONS, ...declaration?.options })) describe[name] = spec.describe;
  for (const [name, use] of Object.entries(declaration?.shared ?? {})) describe[name] = typeof use === 'string' ? use : typeof use === 'object' ? use.describe : undefined;
  const name = chosen && commandName(chosen.spec);
  const text = usageMessage(message, {
    command: name,
    positionals: chosen ? positionalNames(chosen.spec).map((p) => ({ name: p, describe: declaration?.positionals?.[p]?.describe })) : [],
    flags: [...Object.keys(describe), ...globalWords(!!chosen), ...Object.keys(declaration?.shared ?? {})],
    describe,
    renamed: declaration?.renamed,
    meant: chosen ? { ...MEANT_ELSEWHERE, ...declaration?.meant } : undefined,
    prints: declaration?.prints,
    commands: commands.map(commandName),
    argv,
  });
  const command = `attack-layers${name ? ` ${name}` : ''}`;
  return `${command}: ${[...missing, text].join('; ')}\n${helpLine(command)}`;
}

/** The line that ends a usage error: where to read what the command takes. */
function helpLine(command: string): string {
  return `Run \`${command} --help\` for usage.\n`;
}

/**
 * Whether an error ends with the help line. Every usage error a handler finds (flags it cannot take together, a value
 * it refuses) ends as yargs' own do; one about a file the call named (no such file, unreadable, an output that exists)
 * does not: the help cannot say where a file is.
 */
function seesHelp(error: AttackLayersError): boolean {
  return error instanceof UsageError && error.file === undefined;
}

/**
 * An error's message, an output file named as the user wrote it: commands resolve `--out x.svg` against the working
 * folder, and the library names the files it was given (`/home/me/x-1.svg already exists`). A file under the working
 * folder is named relative to it (`x-1.svg`); the error keeps the full path as its `file` (each of its `files`).
 */
function errorText(error: AttackLayersError, cwd: string): string {
  if (!(error instanceof OutputError || error instanceof OutputExistsError)) return error.message;
  const files = error instanceof OutputExistsError ? error.files : [error.file];
  let message = error.message;
  for (const file of files) {
    const shown = isAbsolute(file) ? relative(cwd, file) : '';
    if (shown && !shown.startsWith('..') && !isAbsolute(shown)) message = message.split(file).join(shown);
  }
  return message;
}

/**
 * An output path that runs through a file (`--out report.json` where a command writes its files into a folder), as
 * the flag that gave it: which flag, what is a file, and what to give. Undefined when no output flag holds that file.
 */
function notAFolderText(error: OutputError, args: Readonly<Record<string, unknown>>, cwd: string): string | undefined {
  if (error.notAFolder === undefined) return folderGivenText(error, args, cwd);
  const blocking = resolve(cwd, error.notAFolder);
  for (const flag of ['out', 'report-out']) {
    const value = args[flag];
    if (typeof value !== 'string') continue;
    const out = resolve(cwd, value);
    if (out !== blocking && !out.startsWith(`${blocking}${sep}`)) continue;
    const inside = relative(out, resolve(cwd, error.file));
    if (out === blocking && inside && !inside.startsWith('..')) {
      return `--${flag} ${value} is a file, but --${flag} names the folder this command writes ${inside} into; give a folder (it is made when missing), or remove or rename the file`;
    }
    const shown = relative(cwd, blocking);
    return `--${flag} ${value}: ${shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : blocking} is a file, not a folder; give --${flag} a path whose folders are folders`;
  }
  return undefined;
}

/**
 * A folder given as the flag that names one output file (`compare x.yaml --out /tmp`), as that flag: it said
 * `/tmp is a folder; give the name of a file to write`, naming no flag. Undefined when no output flag names it.
 */
function folderGivenText(error: OutputError, args: Readonly<Record<string, unknown>>, cwd: string): string | undefined {
  if (!statSync(error.file, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const flag = ['out', 'report-out'].find((name) => typeof args[name] === 'string' && resolve(cwd, args[name]) === resolve(cwd, error.file));
  return flag && `--${flag} ${String(args[flag])} is a folder; give --${flag} the name of the file to write (in that folder or elsewhere)`;
}

/**
 * A file refused for several problems: every one on its own line as `file:line:column: path: message` (the place an
 * editor jumps to), the first PROBLEMS_LISTED of them, so that all can be mended at once; the error's message names only
 * the first.
 */
function issueList(error: SchemaValidationError): string {
  const file = error.file ?? '';
  const place = (issue: SchemaValidationError['issues'][number]) =>
    `${file}${issue.line !== undefined ? `:${issue.line}${issue.column !== undefined ? `:${issue.column}` : ''}` : ''}`;
  // A YAML syntax error has no JSON pointer: the file's value is not known.
  const pointer = (issue: SchemaValidationError['issues'][number]) => (error instanceof InvalidYamlError && issue.path === '' ? '' : `${issue.path || '/'}: `);
  const lines = error.issues.slice(0, PROBLEMS_LISTED).map((issue) => `  ${place(issue)}: ${pointer(issue)}${issue.message}`);
  const rest = error.issues.length - PROBLEMS_LISTED;
  if (rest > 0) lines.push(`  and ${rest} more problem${rest === 1 ? '' : 's'}`);
  return `${file}: not a valid ${error.what}: ${error.issues.length} problems${error.advice ? `; ${error.advice}` : ''}:\n${lines.join('\n')}`;
}

/** The flags that may come before a command and take no value: `-q help render` is still help of render. */
const BEFORE_COMMAND = ['-q', '--quiet'];

/**
 * The arguments with help asked as yargs takes it. `attack-layers help render`, as git and npm take it, is `render
 * --help` (yargs takes `help` alone, not with a command); `help rendr` is said of rendr. `rendr --help` showed the
 * help of all commands, exit 0, not saying that rendr is none: it is said of rendr (`unknown command "rendr"; did you
 * mean render?`, exit 2). `-q` or `--quiet` may come before either (`-q help render` said `unknown command "help"`).
 */
function helpAsked(argv: readonly string[]): readonly string[] {
  const words = argv.filter((arg) => !BEFORE_COMMAND.includes(arg));
  const isCommand = (word: string | undefined) => commands.some((spec) => commandName(spec) === word);
  const at = argv.indexOf(words[0]!);
  if (words[0] === 'help' && words.length === 2 && !words[1]!.startsWith('-')) {
    const rest = argv.filter((_, i) => i !== at);
    return isCommand(words[1]) ? [...rest, '--help'] : rest;
  }
  const help = (arg: string) => arg === '--help' || arg === '-h';
  if (words[0] !== undefined && !words[0].startsWith('-') && words[0] !== 'help' && !isCommand(words[0]) && words.some(help)) return argv.filter((arg) => !help(arg));
  return argv;
}

/** The positionals that are words, not files: technique IDs, ATT&CK objects, data's action. */
const WORD_POSITIONALS = ['ids', 'objects', 'action'];

/**
 * Refuse a file argument given as an empty name (`normalize ""`, `--attack "$DIR"` with DIR unset): it was said as
 * `: no such campaign file or folder`, `export ""` as `: is a folder` (the working folder), and `--attack ""` was
 * ignored without a word. @throws UsageError naming the argument.
 */
function assertNamed(args: Readonly<Record<string, unknown>>, chosen: Chosen): void {
  const files = [...positionalNames(chosen.spec).filter((name) => !WORD_POSITIONALS.includes(name)), ...Object.keys(chosen.declaration?.inputs ?? {}), 'attack'];
  for (const name of files) {
    if (![args[name] ?? []].flat().some((value) => typeof value === 'string' && !value.trim())) continue;
    const as = chosen.declaration?.positionals?.[name] ? `<${name}>` : `--${name}`;
    throw new UsageError(`${as} is given an empty name (""); name the file (a shell variable left unset, "$FILE", gives "")`);
  }
}

/**
 * The arguments after `--`, which ends the options as in every POSIX tool, as the files they name: yargs bound none of
 * them to the command's positionals (`normalize -- x.yaml` said `missing <campaigns>`), and a file whose name starts
 * with `-` is named from the working folder (`./-draft.yaml`), so that it is not read as a flag. `-` stays standard input.
 */
function endOfOptions(argv: readonly string[]): readonly string[] {
  const at = argv.indexOf('--');
  if (at < 0) return argv;
  return [...argv.slice(0, at), ...argv.slice(at + 1).map((arg) => (arg.startsWith('-') && arg !== STDIN ? `./${arg}` : arg))];
}

/**
 * Run the CLI on some arguments and return the exit code. The only place where errors become text and exit codes:
 * 1 for bad input, 2 for usage errors, 70 (with a stack trace) for bugs.
 */
export async function run(argv: readonly string[], given: CliContext): Promise<number> {
  // A fresh context per run: what a run has said (warnings once per run) and read (standard input) is kept by it.
  // Every write leaves through terminalOut: text from input is made inert there, once for all commands.
  const context: CliContext = { ...given, stdout: terminalOut(given.stdout, 'data', given.env), stderr: terminalOut(given.stderr, 'messages', given.env) };
  const args = endOfOptions(helpAsked(argv)).map((arg) => (arg === STDIN ? STDIN_TOKEN : arg));
  let chosen: Chosen | undefined;
  // The command's arguments once parsed, so that an error can name the flag that gave its path.
  let parsedArgs: Readonly<Record<string, unknown>> = {};
  let beforeCheck: Readonly<Record<string, unknown>> = {};
  let parser: Argv = yargs(args)
    .scriptName('attack-layers')
    .locale('en')
    .usage('$0 <command> [options]\n\nATT&CK technique references from threat reports -> normalized techniques -> Navigator layers.')
    .strict()
    .demandCommand(1, 'name a command; see --help')
    // In the words of every other option: lower case, saying what it prints (yargs' own are "Show help").
    .help('help', 'show this help')
    .alias('help', 'h')
    .version('version', 'print the version of attack-layers', version)
    .wrap(Math.min(110, context.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own complaints come as a message, or as a YError (a flag without its value); errors of ours (a --domain
      // that is not one) and of the handlers pass through.
      if (error && error.name !== 'YError') throw error;
      throw new YargsUsage(message ?? error?.message ?? 'usage error');
    });
  for (const [name, spec] of Object.entries(GLOBAL_OPTIONS)) parser = parser.option(name, { ...spec, global: true });
  // After a command, --version is no option (declare() turns it off): a command's --help does not list it.
  const commandNamed = args.some((arg) => commands.some((spec) => commandName(spec) === arg));
  parser = parser.group([...Object.keys(GLOBAL_OPTIONS), 'help', ...(commandNamed ? [] : ['version'])], 'Global options:');
  for (const spec of commands) {
    // yargs calls a command's builder only when that command runs (or shows its --help), and awaits it: the place to
    // load its declaration.
    parser = parser.command({
      command: spec.command,
      describe: spec.describe,
      builder: (async (yargs: Argv) => {
        chosen = { spec };
        const { declaration } = await spec.declare();
        chosen.declaration = declaration;
        // The arguments before yargs checks them: a usage error names an input file that is not there first.
        const declared = declare(yargs, declaration, args);
        // A usage line of its own (gap's required flags) replaces yargs' `attack-layers gap` and its description below.
        const usage = declaration.usage;
        return (usage ? declared.usage(`${usage}\n\n${spec.describe}`) : declared).middleware((parsed) => void (beforeCheck = parsed), true);
      }) as never,
      // The command's module, and the library code it reaches, is loaded only now: not for its --help or a usage error.
      handler: (async (parsed: Record<string, unknown>) => {
        const restored = Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, restoreStdin(value)]));
        parsedArgs = restored;
        assertNamed(restored, chosen!);
        return (await spec.load()).handler(context)(restored);
      }) as never,
    });
  }
  skipHelpCache(parser);
  let output = '';
  try {
    await parser.parseAsync(args, {}, (_error, _argv, text) => {
      output = text;
    });
    // A command's examples follow yargs' help text, whole: yargs would wrap a long command line mid-command.
    const examples = chosen?.declaration?.examples;
    if (output && examples?.length && args.some((arg) => arg === '--help' || arg === '-h')) output += `\n\n${formatExamples(examples)}`;
    if (output) context.stdout.write(`${output}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof YargsUsage || (error as Error)?.name === 'YError') {
      context.stderr.write(usageText((error as Error).message, argv, chosen, missingInputs(beforeCheck, chosen?.declaration, context.cwd)));
      return ExitCode.usage;
    }
    if (error instanceof AttackLayersError) {
      // A file given as a release that is none is said to be what it is (loaded only then: it reads every kind of file).
      const instead =
        error instanceof NotAReleaseError
          ? await (await import('./release-file-kind.js')).notAReleaseMessage(error, context)
          : error instanceof OutputError
            ? notAFolderText(error, parsedArgs, context.cwd)
            : undefined;
      const said = instead ?? (error instanceof SchemaValidationError && error.issues.length > 1 ? issueList(error) : errorText(error, context.cwd));
      const command = `attack-layers${chosen ? ` ${commandName(chosen.spec)}` : ''}`;
      context.stderr.write(`${command}: ${said}\n${seesHelp(error) ? helpLine(command) : ''}`);
      return error.exitCode;
    }
    context.stderr.write(`attack-layers: internal error (a bug, please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    return ExitCode.bug;
  } finally {
    // A command that ends with its progress line drawn (one that forgot to clear it) leaves the terminal clean.
    context.stderr.progress?.('');
  }
}
