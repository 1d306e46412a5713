import { homedir } from 'node:os';
import { join } from 'node:path';
import { AttackLibrary, type AttackDataOptions } from '../attack/index.js';

/** A writable text stream: process.stdout in the bin, a buffer in tests. */
export interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** What a command may touch: its streams and the environment. Only cli/ reads these. */
export interface CliContext {
  stdout: Out;
  stderr: Out;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Options every command takes. */
export interface GlobalArgs {
  attack?: string;
  'attack-release'?: string;
  quiet?: boolean;
}

/** The user cache folder: `$XDG_CACHE_HOME/attack-layers` or `~/.cache/attack-layers`. */
export function cacheDir(context: CliContext): string {
  const base = context.env['XDG_CACHE_HOME'] || join(context.env['HOME'] || homedir(), '.cache');
  return join(base, 'attack-layers');
}

/** Where to look for ATT&CK data for this run: `--attack`, then `ATTACK_STIX_DIR`, then the cache. */
export function attackDataOptions(context: CliContext, args: GlobalArgs): AttackDataOptions {
  return {
    attack: args.attack,
    envDir: context.env['ATTACK_STIX_DIR'] || undefined,
    cacheDir: cacheDir(context),
    release: args['attack-release'],
  };
}

/** The releases visible to this run. */
export function attackLibrary(context: CliContext, args: GlobalArgs): AttackLibrary {
  return new AttackLibrary(attackDataOptions(context, args));
}

/** Report progress or a warning on stderr, unless --quiet. */
export function note(context: CliContext, args: GlobalArgs, message: string): void {
  if (!args.quiet) context.stderr.write(`${message}\n`);
}

/** Print a value as 2-space JSON on stdout. */
export function printJson(context: CliContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
