import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import { AttackLayersError, ExitCode } from '../attack/index.js';
import { commands, type CommandModule } from './commands/index.js';
import type { CliContext } from './context.js';

// yargs 17's CommonJS build, one file, loads in a fraction of the time of yargs 18's ~40 ES modules; require() it, as
// its ESM wrapper would load its many-module ESM build instead. `yargs/yargs` is the plain factory: `yargs` would also
// build a parser of process.argv that nothing uses.
const require = createRequire(import.meta.url);
const yargs = require('yargs/yargs') as typeof import('yargs/yargs');
// Our own version, not the one yargs would guess from the main module (which, for an ES module bin, is the package.json
// found from the working folder).
const { version } = require('../../package.json') as { version: string };

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

/**
 * Run the CLI on some arguments and return the exit code. The only place where errors become text and exit codes:
 * 1 for bad input, 2 for usage errors, 70 (with a stack trace) for bugs.
 */
export async function run(argv: readonly string[], context: CliContext): Promise<number> {
  let parser: Argv = yargs([...argv])
    .scriptName('attack-layers')
    .usage('$0 <command> [options]\n\nATT&CK technique references from threat reports -> normalized techniques -> Navigator layers.')
    .option('attack', {
      type: 'string',
      describe: 'ATT&CK release file or folder (else $ATTACK_STIX_DIR, else the cache)',
      global: true,
    })
    .option('attack-release', {
      type: 'string',
      describe: 'the release to use (e.g. 18.1), or of an --attack file whose name does not say it',
      global: true,
    })
    .option('quiet', { alias: 'q', type: 'boolean', describe: 'no progress or warnings on stderr', global: true })
    .strict()
    .demandCommand(1, 'name a command; see --help')
    .recommendCommands()
    .help()
    .alias('help', 'h')
    .version(version)
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new YargsUsage(message);
    });
  for (const spec of commands) {
    // yargs calls a command's builder only when that command runs (or shows its --help), and awaits it: the place to
    // load its module.
    let module: CommandModule | undefined;
    parser = parser.command({
      command: spec.command,
      describe: spec.describe,
      builder: (async (yargs: Argv) => {
        module = await spec.load();
        return module.builder(yargs);
      }) as never,
      handler: ((args: unknown) => module!.handler(context)(args)) as never,
    });
  }
  skipHelpCache(parser);
  let output = '';
  try {
    await parser.parseAsync([...argv], {}, (_error, _argv, text) => {
      output = text;
    });
    if (output) context.stdout.write(`${output}\n`);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof YargsUsage) {
      context.stderr.write(`attack-layers: ${error.message}\nRun \`attack-layers --help\` for usage.\n`);
      return ExitCode.usage;
    }
    if (error instanceof AttackLayersError) {
      context.stderr.write(`attack-layers: ${error.message}\n`);
      return error.exitCode;
    }
    context.stderr.write(`attack-layers: internal error (a bug, please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
    return ExitCode.bug;
  }
}
