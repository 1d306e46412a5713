import { AttackLibrary, defaultCacheDir, UsageError, type AnySideData, type AttackDataOptions, type Domain, type LoadProgress } from '../attack/index.js';
import { STDIN } from './options.js';
import { isDumbTerminal } from './terminal-text.js';

/** A writable text stream: process.stdout in the bin, a buffer in tests. */
export interface Out {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** The terminal's width, when it is one. */
  columns?: number;
  /** Draw a progress line in place of the last one ('' clears it); run() gives stderr this (terminal-text.ts). */
  progress?: (line: string) => unknown;
}

/** What a command may touch: its streams and the environment. Only cli/ reads these. */
export interface CliContext {
  stdout: Out;
  stderr: Out;
  /** The bytes of standard input, read when a command is given `-` (the bin reads fd 0; tests pass their own). */
  stdin?: () => Uint8Array | Promise<Uint8Array>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Options every command takes (lib/cli/options.ts, GLOBAL_OPTIONS). */
export interface GlobalArgs {
  attack?: string;
  'attack-release'?: string;
  domain?: Domain;
  quiet?: boolean;
}

/** The user cache folder: `$XDG_CACHE_HOME/attack-layers` or `~/.cache/attack-layers`. */
export function cacheDir(context: CliContext): string {
  return defaultCacheDir({ XDG_CACHE_HOME: context.env['XDG_CACHE_HOME'], HOME: context.env['HOME'] });
}

const STEPS: Readonly<Record<LoadProgress['step'], string>> = {
  cached: 'reading the cached index',
  read: 'reading',
  parse: 'parsing (the first time only: the index is cached)',
  index: 'indexing (the first time only: the index is cached)',
  done: '',
};

/** The runs that have said they use the snapshot: once is enough (attack-object and gap load every domain's). */
const saidSnapshot = new WeakSet<CliContext>();

/**
 * What this run shows of loading releases: each step on a terminal, rewritten in place (a first load takes seconds),
 * and once, whatever stderr is, which snapshot release is used and how to get a newer one: for the first release read
 * from it (the other domains' releases a command reads beside it are the same snapshot's).
 */
function loadProgress(context: CliContext, args: GlobalArgs, sayOrigin: boolean): (progress: LoadProgress) => void {
  const live = showsProgress(context, args);
  return ({ file, origin, step, label, notes }) => {
    // A release loaded in the middle of a command's work (an older one, reached as references need it) shows its steps,
    // then gives the command's own progress line back, which is not left cleared for the rest of the work.
    if (live) context.stderr.progress?.(step === 'done' ? (standing.get(context) ?? '') : `loading ATT&CK ${file.split(/[\\/]/).pop()}: ${STEPS[step]}`);
    if (sayOrigin && step === 'done' && origin === 'snapshot' && !saidSnapshot.has(context)) {
      saidSnapshot.add(context);
      note(context, args, `note: using ATT&CK ${label} from the snapshot shipped with attack-layers; \`attack-layers data fetch\` gets the newest release`);
    }
    // A team's bundle (a Workbench export, a TAXII envelope, several domains merged) is read otherwise than MITRE's
    // releases: each way is said once per run (`note`), whichever command loads it.
    for (const text of step === 'done' ? (notes ?? []) : []) note(context, args, `warning: ${file}: ${text}`);
  };
}

/** The words the library's messages name its options with, as the CLI gives them: flags and the environment. */
export const FLAG_WORDS = {
  attack: '--attack',
  envDir: 'ATTACK_STIX_DIR',
  force: '--force',
  domain: '--domain',
  version: '--attack-release',
  release: '--attack-release',
  indexUrl: '--index-url',
  layer: '--layer',
  tests: '--tests',
  coverage: '--coverage',
  threat: '--threat',
  actor: '--actor',
  campaigns: '--campaigns',
  suggest: '--suggest',
  aggregate: '--aggregate',
  minCampaigns: '--min-campaigns',
  to: '--to',
  kind: '--type',
  given: '--with',
  normalize: '--normalize',
  scale: '--scale',
  threatScale: '--threat-scale',
  subtechniques: '--subtechniques',
  mergeScore: '--merge-score',
  outsideView: '--outside-view',
  report: '--report',
  command: 'attack-layers',
} as const;

/**
 * Where to look for ATT&CK data for this run: `--attack`, `ATTACK_STIX_DIR`, the cache, the snapshot. `sayOrigin`:
 * whether to note the use of the snapshot (`data list` shows where each release is from anyway).
 */
export function attackDataOptions(context: CliContext, args: GlobalArgs, sayOrigin = true): AttackDataOptions {
  return {
    attack: args.attack,
    envDir: context.env['ATTACK_STIX_DIR'] || undefined,
    cacheDir: cacheDir(context),
    release: args['attack-release'],
    onProgress: loadProgress(context, args, sayOrigin),
    givenAs: FLAG_WORDS,
  };
}

/**
 * The releases visible to this run. `sideData`: what the command will read beside the index (e.g. `DETECTION_DATA`),
 * built from the same parse when a release is indexed cold.
 */
export function attackLibrary(context: CliContext, args: GlobalArgs, sayOrigin = true, sideData?: readonly AnySideData[]): AttackLibrary {
  return new AttackLibrary({ ...attackDataOptions(context, args, sayOrigin), ...(sideData ? { sideData } : {}) });
}

/** What was said on stderr in each run, so that a warning met at several steps is said once. */
const said = new WeakMap<CliContext, Set<string>>();

/** Report a note or a warning on stderr, unless --quiet; the same message only once per run. */
export function note(context: CliContext, args: GlobalArgs, message: string): void {
  if (args.quiet) return;
  let seen = said.get(context);
  if (!seen) said.set(context, (seen = new Set()));
  if (seen.has(message)) return;
  seen.add(message);
  context.stderr.write(`${message}\n`);
}

/**
 * A warning on stderr, in the one form every command writes: `warning: <file>: <what>` (the file or place first after
 * `warning:`, as the message gives it); said once, and not under --quiet (`note`).
 */
export function warn(context: CliContext, args: GlobalArgs, message: string): void {
  note(context, args, `warning: ${message}`);
}

/**
 * Report lines on stderr that belong together, unless --quiet: a heading and what it holds (a layer's name and each
 * change made to it), all said even when an earlier block said the same line, since it is said of another layer.
 */
export function noteBlock(context: CliContext, args: GlobalArgs, lines: readonly string[]): void {
  if (args.quiet) return;
  for (const line of lines) context.stderr.write(`${line}\n`);
}

/** Whether to show progress: stderr is a terminal (not TERM=dumb) and not --quiet. Progress lines are rewritten in place. */
export function showsProgress(context: CliContext, args: GlobalArgs): boolean {
  return context.stderr.isTTY === true && !isDumbTerminal(context.env) && !args.quiet;
}

/** Each run's own progress line (not a release's loading steps), drawn again once a release is loaded. */
const standing = new WeakMap<CliContext, string>();

/** Show a progress line on stderr in place of the last one; '' clears it. Only where `showsProgress`. */
export function progressLine(context: CliContext, line: string): void {
  standing.set(context, line);
  context.stderr.progress?.(line);
}

/** Print a value as 2-space JSON on stdout. */
export function printJson(context: CliContext, value: unknown): void {
  context.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

const stdinBytes = new WeakMap<CliContext, Uint8Array>();

const isList = (value: unknown): value is ReadonlyArray<string | undefined> => Array.isArray(value);

/**
 * Standard input's bytes when one of `paths` is `-` (read once per run), else undefined: what the library's readers
 * take as `{ stdin }`. `paths` may be given by flag (`{ '--threat': [...], '--tests': [...] }`), so that `-` given to two
 * of them is refused naming both. @throws UsageError when `-` is given twice, or there is no standard input to read.
 */
export async function readStdin(
  context: CliContext,
  paths: ReadonlyArray<string | undefined> | Readonly<Record<string, ReadonlyArray<string | undefined>>>,
): Promise<Uint8Array | undefined> {
  const byFlag: Readonly<Record<string, ReadonlyArray<string | undefined>>> = isList(paths) ? { '': paths } : paths;
  const flags = Object.entries(byFlag).flatMap(([flag, list]) => list.filter((path) => path === STDIN).map(() => flag));
  if (!flags.length) return undefined;
  if (flags.length > 1) {
    const named = [...new Set(flags)];
    const where = named[0] === '' ? '' : named.length === 1 ? ` to ${named[0]} twice` : ` to ${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
    const advice = named[0] === '' ? '' : ': save all but one of them to a file and name it';
    throw new UsageError(`- (standard input) is given more than once${where}; it can be read once${advice}`);
  }
  let bytes = stdinBytes.get(context);
  if (!bytes) {
    if (!context.stdin) throw new UsageError('- (standard input) cannot be read here; name a file');
    bytes = await context.stdin();
    stdinBytes.set(context, bytes);
  }
  return bytes;
}
