/** Exit codes of the CLI; library callers can read them from `error.exitCode`. */
export const ExitCode = {
  ok: 0,
  input: 1,
  usage: 2,
  bug: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** One problem found in a file: where it is and what is wrong. */
export interface Issue {
  /** JSON path (`/techniques/2/tactic`) or empty for the whole document. */
  path: string;
  /** 1-based line, when the format has lines and it is known. */
  line?: number;
  /** 1-based column of `line`, when known. */
  column?: number;
  message: string;
}

/** Base class of every error this package throws on purpose. */
export class AttackLayersError extends Error {
  readonly exitCode: ExitCode = ExitCode.input;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input (a campaign, a layer, a bundle, a reference) is wrong. */
export class InputError extends AttackLayersError {
  readonly file?: string;
  readonly line?: number;
  /** 1-based column of `line`, when known (a YAML syntax error). */
  readonly column?: number;
  constructor(message: string, facts: { file?: string; line?: number; column?: number; cause?: unknown } = {}) {
    super(message, { cause: facts.cause });
    this.file = facts.file;
    this.line = facts.line;
    if (facts.column !== undefined) this.column = facts.column;
  }
}

/** A file does not match its JSON Schema (every problem is listed in `issues`); `advice` ends the message. */
export class SchemaValidationError extends InputError {
  readonly issues: readonly Issue[];
  /** What the file should have been (`campaign file`), and the advice that ends the message, for a caller listing every issue. */
  readonly what: string;
  readonly advice?: string;
  constructor(file: string, what: string, issues: readonly Issue[], advice?: string) {
    const first = issues[0];
    const where = first ? `${first.line ? `line ${first.line}, ` : ''}${first.path || '/'}: ${first.message}` : '';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super(`${file}: not a valid ${what}: ${where}${more}${advice ? `; ${advice}` : ''}`, { file, line: first?.line });
    this.issues = issues;
    this.what = what;
    this.advice = advice;
  }
}

/**
 * A file that is not valid YAML: every syntax error a person can act on, as `issues` (path '', each with its line,
 * column and what to write), listed as a schema's problems are. The message names the first, as a parser does.
 */
export class InvalidYamlError extends SchemaValidationError {
  /** `message`: the reader's own words for the first error, when it has always said them so (`file:line: not valid YAML: …`). */
  constructor(file: string, what: string, issues: readonly Issue[], message?: string) {
    super(file, what, issues);
    const first = issues[0];
    const where = first?.line ? `line ${first.line}${first.column ? `, column ${first.column}` : ''}: ` : '';
    this.message = message ?? `${file}: ${where}${first?.message ?? 'invalid YAML'}${moreErrors(issues)}`;
  }
}

/** What a message naming the first of several syntax errors ends with: ` (and 2 more errors)`, or nothing for one. */
export function moreErrors(issues: readonly Issue[]): string {
  return issues.length > 1 ? ` (and ${issues.length - 1} more error${issues.length > 2 ? 's' : ''})` : '';
}

/**
 * Syntax errors numbered on one line, each at its line and column, so that all can be mended before the next run:
 * `(1) line 1, column 41: …; (2) line 4, column 43: …`; `prefix`, words each message starts with that the line says once.
 */
export function numberedIssues(issues: readonly Issue[], prefix = ''): string {
  const said = (message: string) => (prefix && message.startsWith(prefix) ? message.slice(prefix.length) : message);
  return issues.map((issue, index) => `(${index + 1}) ${issue.line ? `line ${issue.line}${issue.column ? `, column ${issue.column}` : ''}: ` : ''}${said(issue.message)}`).join('; ');
}

/** An ATT&CK ID the loaded release does not know. */
export class UnknownTechniqueError extends InputError {
  readonly ref: string;
  constructor(ref: string, message: string) {
    super(message);
    this.ref = ref;
  }
}

/** Generated output on disk differs from what the tool would write now. */
export class StaleOutputError extends InputError {
  readonly files: readonly string[];
  constructor(files: readonly string[], message: string) {
    super(message);
    this.files = files;
  }
}

/** No ATT&CK data could be found or read. */
export class AttackDataError extends InputError {}

/**
 * A file given as an ATT&CK release (`--attack`, `data add`) is not one: not JSON, or JSON that is no STIX bundle.
 * `file` names it, so that a caller can say what the file is instead (the CLI tells a campaign, a layer or text).
 */
export class NotAReleaseError extends AttackDataError {}

/**
 * The command was called wrongly: bad flag, missing argument, a value or a combination of flags the command cannot
 * take, no such file (then `file` names it).
 */
export class UsageError extends AttackLayersError {
  override readonly exitCode: ExitCode = ExitCode.usage;
  /**
   * The file or folder the call named that cannot be used (missing, unreadable, not the kind asked for), when the error
   * is about one. A CLI points to its help for every other usage error; the help cannot say where a file is.
   */
  readonly file?: string;
  constructor(message: string, facts: { file?: string; cause?: unknown } = {}) {
    super(message, { cause: facts.cause });
    if (facts.file !== undefined) this.file = facts.file;
  }
}

/**
 * How a message names the options a caller gave: by default as the library's options (`attack`, `envDir`, `force:
 * true`); the CLI gives its own words (`--attack`, `ATTACK_STIX_DIR`, `--force`), so that each caller reads back what it gave.
 */
export interface GivenAs {
  attack?: string;
  envDir?: string;
  force?: string;
  /** The options below take a value; `givenOption` says one with it (`domain: 'mobile-attack'`, the CLI's `--domain mobile`). */
  domain?: string;
  /** `fetchRelease`'s `version` (the CLI's `--attack-release`) and `indexUrl` (`--index-url`). */
  version?: string;
  indexUrl?: string;
  /** `parseExportInput`'s `layer` (the CLI's `--layer`). */
  layer?: string;
  /** `readAtomicTests`'s path (the CLI's `--tests`). */
  tests?: string;
  /** The paths of `readCoverageInputs` and `readThreatInputs` (the CLI's `--coverage`, `--threat`): see `givenInput`. */
  coverage?: string;
  threat?: string;
  /** `extractReport`'s and `reportActor`'s `actor`, and `extractReport`'s `campaigns` (the CLI's `--actor`, `--campaigns` and `--no-campaigns`). */
  actor?: string;
  campaigns?: string;
  /**
   * `extract`'s `--suggest`, which notes on a report's text advise: without it, a note names `suggestTechniques`, whose
   * suggestions `renderCampaignSkeleton` writes as comments.
   */
  suggest?: string;
  /** `reviewGaps`'s `outsideView` (the CLI's `--outside-view`). */
  outsideView?: string;
  /** The report a gap review is written as: `formatGapJson`, `formatGapCsv` (the CLI's `--report json`, `--report csv`). */
  report?: string;
  /** `renderLayerFiles`'s `aggregate` and its `minCampaigns` (the CLI's `--aggregate`, `--min-campaigns`). */
  aggregate?: string;
  minCampaigns?: string;
  /** `upgradeReleases`'s `to` (the CLI's `--to`). */
  to?: string;
  /**
   * `resolveAttackObject`'s `kind` (the CLI's `--type`); `locateAttackObject`'s `release` (`--attack-release`), which
   * also names the release a gap review's notes advise reviewing in (`resolveCoverage`, `reviewGaps`: by default the
   * `target` AttackIndex to pass).
   */
  kind?: string;
  release?: string;
  /** `comparisonTargets`'s `given` objects (the CLI's `--with`). */
  given?: string;
  /** `combineLayers`'s `normalize` (the CLI's `--normalize`, `--no-normalize`). */
  normalize?: string;
  /** The `scale` of coverage layers (`readCoverageInputs`; the CLI's `--scale`), and of threat layers (`readThreatInputs`; `--threat-scale`). */
  scale?: string;
  threatScale?: string;
  /** `matrixModel`'s `subtechniques` (the CLI's `--subtechniques`). */
  subtechniques?: string;
  /** `upgradeLayer`'s and `mergeEntries`'s `mergeScore` (the CLI's `--merge-score`). */
  mergeScore?: string;
  /**
   * The program a message's advice to run another command names (the CLI's `attack-layers`: `attack-layers data
   * fetch`); without it, a message names the library function that does that command's work (`fetchRelease`): see `inGivenInputs`.
   */
  command?: string;
}

/** The option a key names where it is not the key: `readThreatInputs` takes a threat layer's scale as `scale`. */
const OPTION_NAMES: Partial<Record<keyof GivenAs, string>> = { threatScale: 'scale' };

/** A value of an option as a message names it: a program's literal (`'mobile-attack'`, `[0, 1]`). */
function literal(value: string | number | boolean | readonly (string | number)[]): string {
  if (typeof value === 'string') return `'${value.replace(/[\\']/g, '\\$&')}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return String(value);
}

/** The word that names option `key` in a message: the caller's (`givenAs`, the CLI's flag), else the option's name. */
export function givenName(givenAs: GivenAs | undefined, key: Exclude<keyof GivenAs, 'force'>): string {
  return givenAs?.[key] ?? OPTION_NAMES[key] ?? key;
}

/**
 * Option `key` given `value` as a message names it: a flag and its value when the caller's word is a flag (`--domain
 * mobile`; `asFlag` is the value as the flag takes it, a boolean the flag or its `--no-` form), else the option as a
 * program passes it (`domain: 'mobile-attack'`), so that each caller reads back what it would give.
 */
export function givenOption(
  givenAs: GivenAs | undefined,
  key: Exclude<keyof GivenAs, 'force'>,
  value: string | number | boolean | readonly (string | number)[],
  asFlag?: string,
): string {
  const word = givenName(givenAs, key);
  if (!word.startsWith('-')) return `${word}: ${literal(value)}`;
  if (typeof value === 'boolean') return value ? word : word.replace(/^--/, '--no-');
  return `${word} ${asFlag ?? (Array.isArray(value) ? value.join(',') : String(value))}`;
}

/** Option `key` with words for its value (`1 to 3`): `--layer 1 to 3` as a flag, `layer: 1 to 3` as an option. */
export function givenWords(givenAs: GivenAs | undefined, key: Exclude<keyof GivenAs, 'force'>, words: string): string {
  const word = givenName(givenAs, key);
  return `${word}${word.startsWith('-') ? ' ' : ': '}${words}`;
}

/** The functions that read what gap's `--coverage`, `--threat` and `--tests` name, as a program gives them its paths. */
const INPUT_READERS = { coverage: 'readCoverageInputs', threat: 'readThreatInputs', tests: 'readAtomicTests' } as const;

/** A review input as the caller gives it: its flag (the CLI's `--coverage`), else the function a program passes it to (`readCoverageInputs`). */
export function givenInput(givenAs: GivenAs | undefined, key: keyof typeof INPUT_READERS): string {
  return givenAs?.[key] ?? INPUT_READERS[key];
}

/** The library function that does the work of a command that messages of the review advise, as a program calls it. */
const COMMAND_FUNCTIONS: Readonly<Record<string, string>> = {
  'attack-object': 'renderAttackObjectLayer',
  combine: 'combineLayers',
  compare: 'compareCampaign',
  'data add': 'addRelease',
  'data fetch': 'fetchRelease',
  'data list': 'AttackLibrary.files',
  'data log-sources': 'DetectionModel.logSources()',
  export: 'parseExportInput',
  extract: 'extractReport',
  gap: 'reviewGaps',
  normalize: 'normalizeCampaign',
  render: 'renderLayerFiles',
  suggest: 'suggestTechniques',
  upgrade: 'upgradeLayer',
  validate: 'validateLayer',
};

/** `--domain ics` as the option a program passes: `domain: 'ics-attack'`. */
const domainOption = (value: string): string => `domain: ${literal(`${value}-attack`)}`;

/**
 * The calls, arguments and all, that do the work of a command a message advises with its arguments: each flag the
 * command takes there as the option it is (`--attack-release 12`: fetchRelease's `version: '12'`), and the call given
 * the command's other words and those options; undefined where the call cannot say them (a placeholder: `<name>`).
 */
const COMMAND_CALLS: Readonly<Record<string, { flags: Readonly<Record<string, (value: string) => string>>; call: (words: readonly string[], options: string) => string | undefined }>> = {
  'data fetch': {
    flags: { '--domain': domainOption, '--attack-release': (value) => `version: ${literal(value)}` },
    call: (words, options) => (words.length ? undefined : `fetchRelease({ ${options} })`),
  },
  // upgradeLayer takes the release to write for; upgradeReleases picks it from a library by `to`, as upgrade does.
  upgrade: {
    flags: { '--to': (value) => `to: ${literal(value)}` },
    call: (words, options) => (words.length ? undefined : `upgradeLayer(…, upgradeReleases(…, { ${options} }).target)`),
  },
  // An object is found before its layer is rendered (renderAttackObjectLayer takes it).
  'attack-object': {
    flags: { '--domain': domainOption },
    call: ([query, ...more], options) => (query && !more.length && !query.startsWith('<') ? `locateAttackObject(…, ${literal(query)}${options ? `, { ${options} }` : ''})` : undefined),
  },
  technique: { flags: {}, call: ([id, ...more]) => (id && !more.length && !id.startsWith('<') ? `AttackIndex.technique(${literal(id)})` : undefined) },
};

/**
 * The CLI's global flags a message advises giving with a value (`` `--attack <file|folder>` ``: the ATT&CK data to
 * load), as the call a program makes with that value: `` `loadAttack({ attack: '<file|folder>' })` ``.
 */
const FLAG_CALLS: Readonly<Record<string, (value: string) => string>> = {
  '--attack': (value) => `loadAttack({ attack: ${literal(value)} })`,
};

/**
 * An advised command's words after its name (` --domain ics --attack-release 12`) as the call that does its work
 * (`COMMAND_CALLS`): `fetchRelease({ domain: 'ics-attack', version: '12' })`; with no words, or words the call cannot
 * say (a flag it does not take), the function alone (`COMMAND_FUNCTIONS`); undefined for a command of neither table.
 */
function commandCall(command: string, rest: string): string | undefined {
  const known = COMMAND_CALLS[command];
  const words = rest.split(' ').filter(Boolean);
  if (!known || !words.length) return COMMAND_FUNCTIONS[command];
  const positional: string[] = [];
  const options: string[] = [];
  for (let at = 0; at < words.length; at++) {
    const word = words[at]!;
    if (!word.startsWith('--')) positional.push(word);
    else {
      const option = known.flags[word];
      const value = words[++at];
      if (!option || value === undefined || value.startsWith('--')) return COMMAND_FUNCTIONS[command];
      options.push(option(value));
    }
  }
  return known.call(positional, options.join(', ')) ?? COMMAND_FUNCTIONS[command];
}

/**
 * A message in the CLI's words (`give gap --coverage the rules that fire on them`, `give it to --threat`, `use
 * normalize, render or compare`, `a layer from attack-object`, `` `attack-layers data fetch --domain ics` ``) in the
 * caller's: as it is for the CLI (`givenAs` its FLAG_WORDS), else the function a program calls (`give
 * readCoverageInputs the rules`, `give it to readThreatInputs`, `use normalizeCampaign, renderLayerFiles or
 * compareCampaign`, `a layer from renderAttackObjectLayer`), a command run in backticks as the call with its arguments
 * (`` `fetchRelease({ domain: 'ics-attack' })` ``: `commandCall`), a global flag given in backticks as the call that
 * takes it (`` `--attack <file|folder>` ``: `FLAG_CALLS`); a path given "as" a flag is given as a path of the
 * function: `give rules/ itself as --coverage`, `give rules/ itself as a path of readCoverageInputs`.
 */
export function inGivenInputs(message: string, givenAs: GivenAs | undefined): string {
  const inputs = message.replace(/(\bas )?(?:\bgap )?--(coverage|threat|tests)(?![\w-])/g, (written, as: string | undefined, key: keyof typeof INPUT_READERS) => {
    const given = givenInput(givenAs, key);
    return given === `--${key}` ? written : `${as ? 'as a path of ' : ''}${given}`;
  });
  if (givenAs?.command) return inputs;
  const command = `(?:${Object.keys(COMMAND_FUNCTIONS).join('|')})`;
  const run = `(?:${[...new Set([...Object.keys(COMMAND_FUNCTIONS), ...Object.keys(COMMAND_CALLS)])].join('|')})`;
  const named = (words: string): string => words.replace(new RegExp(command, 'g'), (word) => COMMAND_FUNCTIONS[word]!);
  // A command is a command where the message runs it (in backticks), uses it or takes something from it.
  return inputs
    .replace(new RegExp(`\`attack-layers (${run})((?: [^\`]*)?)\``, 'g'), (written, word: string, rest: string) => {
      const call = commandCall(word, rest);
      return call ? `\`${call}\`` : written;
    })
    .replace(new RegExp(`\`(${Object.keys(FLAG_CALLS).join('|')}) ([^\`]+)\``, 'g'), (_written, flag: string, value: string) => `\`${FLAG_CALLS[flag]!(value)}\``)
    .replace(new RegExp(`\\b(use|from) (${command}(?:(?:, | or )${command})*)\\b|\\b(${command}) takes\\b`, 'g'), (written, verb: string | undefined, words: string | undefined, subject: string | undefined) =>
      verb ? `${verb} ${named(words!)}` : `${COMMAND_FUNCTIONS[subject!]} takes`,
    );
}

/** The ATT&CK data flags of the CLI and the `GivenAs` key of the option a program passes for each. */
const DATA_FLAGS: Readonly<Record<string, 'release' | 'attack'>> = { '--attack-release': 'release', '--attack': 'attack' };

/**
 * A message of the ATT&CK data readers (lib/attack) in the caller's words: `inGivenInputs` (the advice to fetch a
 * release names its options as `fetchRelease` takes them), where the flags `--attack-release` and `--attack` outside
 * that advice name the options `release` and `attack` (`givenName`); the CLI's words (`givenAs.command`) stay as they are.
 */
export function inGivenDataWords(message: string, givenAs: GivenAs | undefined): string {
  if (givenAs?.command) return inGivenInputs(message, givenAs);
  return inGivenInputs(message, givenAs).replace(/(?<![\w-])(--attack-release|--attack)(?![\w-])/g, (flag) => givenName(givenAs, DATA_FLAGS[flag]!));
}

/**
 * What `read` returns, an AttackLayersError it throws said in the caller's words (`inGivenInputs`): the edge of a
 * library call whose messages, its readers' and those of the readers they call (a campaign's), advise what to give where.
 * `say`: the words of the messages (the ATT&CK data readers': `inGivenDataWords`).
 */
export function withGivenInputs<T>(read: () => T, givenAs: GivenAs | undefined, say: (message: string, givenAs: GivenAs | undefined) => string = inGivenInputs): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof AttackLayersError) error.message = say(error.message, givenAs);
    throw error;
  }
}

/**
 * Files the tool was asked to write exist (with other content than it would write, where it knows the content) and
 * `force` (the CLI's `--force`) was not given.
 */
export class OutputExistsError extends UsageError {
  /** The first file refused. */
  override readonly file: string;
  /** Every file refused, `file` first. */
  readonly files: readonly string[];
  /** `message`: the whole message, or the words that name `force` in the usual one (`givenAs`). */
  constructor(file: string, message: string | GivenAs = {}, files: readonly string[] = [file]) {
    super(typeof message === 'string' ? message : `${file} already exists; pass ${message.force ?? 'force: true'} to overwrite it`);
    this.file = file;
    this.files = files;
  }
}

/** An output cannot be written where it was asked to go: a folder, no permission, a read-only disk, not a regular file. */
export class OutputError extends UsageError {
  override readonly file: string;
  /** The part of the path that is a file where a folder must be (`out.json` of `out.json/a.layer.json`), when that is why. */
  readonly notAFolder?: string;
  constructor(file: string, message: string, cause?: unknown, facts: { notAFolder?: string } = {}) {
    super(message, { cause });
    this.file = file;
    this.notAFolder = facts.notAFolder;
  }
}

/** A group, software or campaign name, alias or ID that the release does not know, or that names several objects. */
export class AttackObjectError extends InputError {
  readonly query: string;
  /** For an ambiguous name, the objects it names; for an unknown one, the closest names (`G0050 APT32`). */
  readonly candidates: readonly string[];
  constructor(query: string, candidates: readonly string[], message: string) {
    super(message);
    this.query = query;
    this.candidates = candidates;
  }
}
