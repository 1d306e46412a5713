import { closestWord as closest, useOneOf } from '../attack/index.js';

/** What a usage message may name: the command run (if any), its flags and positionals, and the other commands. */
export interface UsageFacts {
  /** The command's name (`render`), undefined when no command was chosen. */
  command?: string;
  /** The command's positionals, as its usage line names them, with their --help text. */
  positionals: ReadonlyArray<{ name: string; describe?: string }>;
  /** Every flag word the command takes (its own, the shared ones, the global ones, aliases). */
  flags: readonly string[];
  /** The descriptions of the command's flags, by name. */
  describe: Readonly<Record<string, string | undefined>>;
  /** Flags the command used to take, and what replaced each. */
  renamed?: Readonly<Record<string, string>>;
  /** Flags the command does not take that other tools use for what one of its options does, and that option. */
  meant?: Readonly<Record<string, { option: string; what: string; note: string }>>;
  /** What a command that takes no `--out` prints on stdout, and the redirect that saves it. */
  prints?: { what: string; redirect: string };
  /** Every command name. */
  commands: readonly string[];
  /** The arguments as given, to tell an unknown flag (`--scor`) from an unexpected word (`scor`). */
  argv: readonly string[];
}

const flag = (name: string): string => (name.length === 1 ? `-${name}` : `--${name}`);
const camel = (word: string): string => word.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A yargs usage message in the command's own words: flags written as flags (`--out`, not `out`), a did-you-mean for
 * a misspelled flag or command, what a missing argument is for. Messages yargs may word otherwise pass through.
 */
export function usageMessage(message: string, facts: UsageFacts): string {
  let match: RegExpExecArray | null;
  // `attack-layers -v` is no command: yargs says only to name one.
  const shortVersion = facts.command ? undefined : facts.argv.find((arg) => arg === '-v' || arg === '-V');
  if (shortVersion) return unknownWord(shortVersion.slice(1), facts);
  const early = facts.command ? undefined : flagsBeforeCommand(facts);
  if (early) return early;
  if ((match = /^Unknown arguments?: (.*)$/s.exec(message))) {
    const words = match[1]!.split(', ');
    // yargs names `--half-lfe` twice, also as halfLfe.
    const shown = words.filter((word) => !words.some((other) => other !== word && camel(other) === word));
    if (facts.command) return shown.map((word) => unknownWord(word, facts)).join('; ');
    // Without a known command, the command the user meant is the first word written bare (`rendr campaigns --out x`:
    // rendr, not out); the others are its arguments.
    const command = shown.find((word) => facts.argv.includes(word)) ?? shown[0]!;
    return unknownWord(command, facts);
  }
  if ((match = /^Missing required arguments?: (.*)$/s.exec(message))) {
    // yargs says what is missing before what is unknown: `--output x` for `--out x` is both, and the second says why.
    // `gap --sigma rules` is `--coverage is required` and `unknown option --sigma`: said once, as the option meant.
    const meantOptions = unknownFlags(facts).map((word) => facts.meant?.[word]?.option);
    return [
      ...match[1]!.split(', ').filter((name) => !meantOptions.includes(name)).map((name) => {
        const positional = facts.positionals.find((p) => p.name === name);
        if (positional) return missingPositional(positional);
        const what = facts.describe[name];
        return `${flag(name)} is required${what ? ` (${what})` : ''}`;
      }),
      // `--operation intersect` for the required `--op`: a missing flag the unknown one begins with is the one meant.
      ...unknownFlags(facts).map((word) => unknownWord(word, facts, match![1]!.split(', '))),
    ].join('; ');
  }
  if (/^Not enough non-option arguments/.test(message)) {
    const positional = facts.positionals[0];
    // `normalize --josn campaigns`: the unknown flag took the file as its value, which is why none is left.
    return [positional ? missingPositional(positional) : 'a command needs more arguments', ...unknownFlags(facts).map((word) => unknownWord(word, facts, [], true))].join('; ');
  }
  if ((match = /^Too many non-option arguments: got (\d+), maximum of (\d+)$/.exec(message))) {
    return `too many arguments: ${match[1]} given, at most ${match[2]} (${facts.positionals.map((p) => `<${p.name}>`).join(' ')})`;
  }
  if ((match = /^Not enough arguments following: (.*)$/.exec(message))) {
    return `${flag(match[1]!)} needs a value${facts.describe[match[1]!] ? ` (${facts.describe[match[1]!]})` : ''}`;
  }
  if ((match = /^Invalid values?:\s+Argument: (\S+), Given: (.*), Choices: (.*)$/s.exec(message))) {
    const given = match[2]!.replace(/^"|"$/g, '');
    const choices = match[3]!.split(', ').map((choice) => choice.replace(/^"|"$/g, ''));
    // A positional with choices (`data <action>`) is named as the usage line names it, not as a flag.
    const name = facts.positionals.some((p) => p.name === match![1]) ? `<${match[1]}>` : flag(match[1]!);
    return `${name} ${given}: ${useOneOf(given, choices)}`;
  }
  if ((match = /^Arguments (\S+) and (\S+) are mutually exclusive$/.exec(message))) {
    return `${flag(match[1]!)} and ${flag(match[2]!)} cannot be used together; give one of them`;
  }
  if ((match = /^Did you mean (.*)\?$/.exec(message))) return `unknown command; did you mean ${match[1]}?`;
  return message;
}

/**
 * A command's flags written before it (`--json normalize x.yaml`), where only the global ones go: yargs took the
 * command for the flag's value and named the file as the command (`unknown command "x.yaml"`). Undefined when no
 * command is named, or only global flags come before it.
 */
function flagsBeforeCommand(facts: UsageFacts): string | undefined {
  const at = facts.argv.findIndex((arg) => facts.commands.includes(arg));
  if (at < 1) return undefined;
  const before = unknownFlags({ ...facts, argv: facts.argv.slice(0, at) });
  if (!before.length) return undefined;
  const written = facts.argv.slice(0, at).filter((arg) => before.includes(arg.replace(/^-+(no-)?/, '').split('=')[0]!));
  const command = facts.argv[at]!;
  return `${written.join(' ')} ${written.length === 1 ? 'is' : 'are'} written before the command ${command}; a command's own flags go after it: attack-layers ${command} ${written.join(' ')} …`;
}

function missingPositional(positional: { name: string; describe?: string }): string {
  return `missing <${positional.name}>${positional.describe ? `: ${positional.describe}` : ''}`;
}

/** The flags written that the command does not take, as yargs names them (`--no-such` is `such`). */
function unknownFlags(facts: UsageFacts): string[] {
  return facts.argv
    .filter((arg) => arg.startsWith('-') && arg !== '-' && arg !== '--')
    .map((arg) => arg.replace(/^-+(no-)?/, '').split('=')[0]!)
    .filter((word) => word && !/^\d/.test(word) && !facts.flags.includes(word) && !facts.flags.includes(camel(word)));
}

/**
 * The one flag of 3 letters or more that `bare` is with a letter left out (`ot`: out), which closestWord does not
 * name in a word under 5 letters; undefined when none or several are.
 */
function letterLeftOut(bare: string, flags: readonly string[]): string | undefined {
  const word = bare.toLowerCase();
  const found = flags.filter(
    (known) => known.length >= 3 && known.length === word.length + 1 && [...known].some((_, at) => known.slice(0, at) + known.slice(at + 1) === word),
  );
  return new Set(found).size === 1 ? found[0] : undefined;
}

/** The flag words users write for an output file: `--out` (as the other commands take it), `--output`, `-o`. */
const OUT_WORDS: readonly string[] = ['out', 'output', 'o'];

/** Short flags other tools give the meaning of one of ours: `-o file` is `--out file` (gcc, curl, sort, pandoc). */
const SHORT_ELSEWHERE: Readonly<Record<string, string>> = { o: 'out' };

/**
 * The long flag meant by a short one the command does not take (only -q and -h are short here): the one other tools
 * give it (`-o`: `--out`), else the command's one flag starting with that letter (`-j`: `--json`); undefined for any
 * other word, or when several flags start so (`-f`: `--force` or `--format`).
 */
function shortMeant(written: string, flags: readonly string[]): string | undefined {
  if (!/^-[a-z]$/i.test(written)) return undefined;
  const letter = written.slice(1).toLowerCase();
  const elsewhere = SHORT_ELSEWHERE[letter];
  if (elsewhere && flags.includes(elsewhere)) return elsewhere;
  const found = new Set(flags.filter((known) => known.length > 1 && known.startsWith(letter)));
  return found.size === 1 ? [...found][0] : undefined;
}

function unknownWord(word: string, facts: UsageFacts, missing: readonly string[] = [], tookValue = false): string {
  // As the user wrote it: `--no-such-flag` is reported by yargs as `such-flag`.
  const written = facts.argv.find((arg) => [`--${word}`, `-${word}`, `--no-${word}`].includes(arg.split('=')[0]!))?.split('=')[0];
  if (written) {
    if (!facts.command && (written === '-v' || written === '-V')) return `unknown option ${written}; attack-layers --version prints the version`;
    const now = facts.renamed?.[word];
    if (now) return `${written} is now ${flag(now)}${facts.describe[now] ? ` (${facts.describe[now]})` : ''}`;
    if (facts.prints && OUT_WORDS.includes(word) && !facts.flags.includes('out')) {
      return `unknown option ${written}; ${facts.command} prints ${facts.prints.what} on stdout: redirect it to a file (${facts.prints.redirect})`;
    }
    const meant = facts.meant?.[word];
    if (meant) {
      // Its value as written, `--version 17` or `--version=17`, goes with the option meant.
      const at = facts.argv.findIndex((arg) => arg.split('=')[0] === written);
      const arg = facts.argv[at]!;
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : facts.argv[at + 1]?.startsWith('-') === false ? facts.argv[at + 1] : undefined;
      return `unknown option ${written}; did you mean ${flag(meant.option)}${value ? ` ${value}` : ''} (${meant.what})? (${meant.note})`;
    }
    const bare = written.replace(/^-+/, '');
    // `--output` for `--out`: a flag the written word begins with is meant as surely as one a typo away.
    // A flag of two letters (`--to`, the alias of --attack-release) is one letter from most short words: `gap --top 10`
    // was asked `did you mean --to?`. It is named for a word of its own length only (a slip of a letter in it).
    const judged = facts.flags.filter((known) => known.length > 2 || known.length === bare.length);
    const near =
      shortMeant(written, facts.flags) ??
      closest(bare, judged) ??
      closest(word, judged) ??
      letterLeftOut(bare, facts.flags) ??
      facts.flags.find((known) => known.length >= 3 && bare.startsWith(known)) ??
      missing.find((name) => name.length > 1 && bare.startsWith(name));
    const at = facts.argv.indexOf(written);
    const value = tookValue && at >= 0 && facts.argv[at + 1] !== undefined && !facts.argv[at + 1]!.startsWith('-') ? facts.argv[at + 1] : undefined;
    return `unknown option ${written}${value ? `, which took "${value}" as its value` : ''}${near ? `; did you mean ${flag(near)}?` : ''}`;
  }
  if (!facts.command) {
    // `attack-layers version`, `-v`: the version is a flag here.
    if (word === 'version') return 'unknown command "version"; attack-layers --version prints the version';
    const near = closest(word, facts.commands);
    return `unknown command "${word}"${near ? `; did you mean ${near}?` : ''}`;
  }
  return `unexpected argument "${word}"${facts.positionals.length ? ` (${facts.command} takes ${facts.positionals.map((p) => `<${p.name}>`).join(' ')})` : ''}`;
}
