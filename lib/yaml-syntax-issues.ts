import { createRequire } from 'node:module';
import type { LineCounter, YAMLError } from 'yaml';
import type { Issue } from './errors.js';
import { blankOrComment, FIELD_LINE, indentOf, LIST_ITEM, mendLine, sourceLines, syntaxErrorCause, type SyntaxCause } from './yaml-syntax-cause.js';

/**
 * One syntax error as a YAML parser reported it: its words (first line, no place), its 1-based line and column, and
 * its code when the parser gives one (the `yaml` package's BAD_DQ_ESCAPE). Either parser the tool reads YAML with (the
 * `yaml` package, js-yaml's events) is turned into these, so that every reader lists its errors the same way.
 */
export interface YamlParserError {
  reason: string;
  line: number;
  column: number;
  code?: string;
}

/**
 * What parsing a YAML text gave: its syntax errors, in the order of the text (js-yaml stops at the first). `other`:
 * the errors the `yaml` package reports for the same text, asked for when the cause of the first is not known (js-yaml
 * says "deficient indentation" of a quote not closed, which the `yaml` package names).
 */
export interface YamlErrors {
  errors: readonly YamlParserError[];
  other?: () => YamlErrors;
}

// yaml costs tens of milliseconds to load; it is loaded when a reader of js-yaml meets an error of unknown cause.
const require = createRequire(import.meta.url);

/** The syntax errors the `yaml` package reports for a text of one or several documents. */
export function yamlTextErrors(text: string): YamlErrors {
  const Y = require('yaml') as typeof import('yaml');
  const lineCounter = new Y.LineCounter();
  try {
    return yamlPackageErrors(Y.parseAllDocuments(text, { lineCounter }).flatMap((doc) => ('errors' in doc ? doc.errors : [])), lineCounter);
  } catch {
    return { errors: [] }; // nested too deeply for the package's stack: nothing more is known
  }
}

/** The `yaml` package's errors of a text as YamlParserErrors. */
export function yamlPackageErrors(errors: readonly YAMLError[], lineCounter: LineCounter): YamlErrors {
  return {
    errors: errors.map((error) => {
      const { line, col: column } = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
      const reason = (error.message.split('\n')[0] ?? error.message).replace(/\s+at line \d+, column \d+:?$/, '');
      return { reason, line, column, code: error.code };
    }),
  };
}

/**
 * How a reader says its syntax errors: `keys`, the fields of each kind of mapping of its format (a field one space out
 * or without its ":" is named only among them); `prefix`, what each issue's message starts with (`invalid YAML`);
 * `parserWords`, how an error of unknown cause is said in the parser's words.
 */
export interface YamlSyntaxOptions {
  keys?: readonly (readonly string[])[];
  prefix?: string;
  parserWords?: (reason: string, column: number) => string;
}

/** More syntax errors than this are not looked for: a file this broken is not YAML someone meant to write. */
const MOST_MENDED = 40;

/**
 * Every syntax error of a YAML text a person can act on, each as an Issue (path '', its line and column, what is
 * wrong and what to write), in the order of the text. The `yaml` package reports each error its parser meets after the
 * first, but does not say which follow from another (a line indented with a tab gives 12, a list item one space out
 * 14): so each error whose cause is known is mended in memory as its message says and the text parsed again, and only
 * errors still there are listed. After an error that cannot be mended, the errors met after it are listed, one a line,
 * each saying that it may follow from it. `mended`: the text with every error mended, when all could be (its lines are
 * the text's), to read what else is wrong with it (a duplicate key).
 */
export function yamlSyntaxIssues(text: string, parse: (text: string) => YamlErrors, options: YamlSyntaxOptions = {}): { issues: Issue[]; mended?: string } {
  const found = mendedIssues(text, parse, options);
  return { ...found, issues: inLineOrder(found.issues) };
}

/**
 * Issues in the order of their lines, those of one line as they came (an error found once those before it were
 * mended may stand above them: js-yaml says a duplicate key only when the whole text parses).
 */
export const inLineOrder = (issues: readonly Issue[]): Issue[] => [...issues].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));

/** yamlSyntaxIssues' issues in the order they were found. */
function mendedIssues(text: string, parse: (text: string) => YamlErrors, options: YamlSyntaxOptions): { issues: Issue[]; mended?: string } {
  const { keys = [] } = options;
  const toIssue = issueOf(options);
  const issues: Issue[] = [];
  let current = text;
  let parsed = parse(text);
  for (let round = 0; round < MOST_MENDED; round++) {
    const first = parsed.errors[0];
    if (!first) return { issues, mended: current };
    const found = knownCause(current, first, parsed, parse, keys);
    // A mending that left the same error where it was did not mend it: it is listed once, as one not mended.
    const again = issues.some((issue) => issue.line === found.line && issue.message === toIssue(found).message);
    if (!again) issues.push(toIssue(found));
    const mended = again ? undefined : bestMending(found, parse);
    if (mended === undefined || mended === current) {
      issues.push(...followingIssues(current, parsed, options, found.line));
      return { issues };
    }
    current = mended;
    parsed = parse(current);
  }
  return { issues };
}

/** Of a cause's mendings and its mended text, the one the parser reads with the fewest errors, the first at a tie. */
function bestMending(found: SyntaxCause, parse: (text: string) => YamlErrors): string | undefined {
  const texts = [...(found.mendings ?? []), ...(found.mended === undefined ? [] : [found.mended])];
  if (texts.length < 2) return found.mended;
  let best: { text: string; errors: number } | undefined;
  for (const text of texts) {
    const errors = parse(text).errors.length;
    if (!best || errors < best.errors) best = { text, errors };
    if (errors === 0) break;
  }
  return best!.text;
}

// What the parser says of each token after the document it read ended early: the rest of the file, token by token.
const STREAM_TOKEN = /in YAML stream/;

/**
 * The errors of `parsed` after its first (on line `first`, not mended), each saying it may follow from it: one a line,
 * an error whose cause is known preferred to the parser's words; the tokens the parser met after the document ended
 * early are one issue, at the first of them, saying that the rest of the file was not read. A parser that stops at its
 * first error (js-yaml) has its `other` parser's errors below that line listed instead.
 */
function followingIssues(text: string, parsed: YamlErrors, options: YamlSyntaxOptions, first: number): Issue[] {
  const { keys = [], prefix = 'invalid YAML' } = options;
  const toIssue = issueOf(options);
  const byLine = new Map<number, { issue: Issue; parserWords: boolean }>();
  const after = `; it may follow from the error on line ${first}: mend that one first`;
  // js-yaml stops at its first error: the errors met after it are the `yaml` package's, those below its line.
  const laterErrors = parsed.errors.length > 1 || !parsed.other ? parsed.errors.slice(1) : parsed.other().errors.filter((error) => error.line > first);
  for (const later of laterErrors) {
    if (STREAM_TOKEN.test(later.reason)) {
      const { line, column } = later;
      const message = `${prefix}: the parser read no further than this line, after the error on line ${first}: the lines from here on are not checked; mend that error and run again`;
      byLine.set(line, { issue: { path: '', line, column, message }, parserWords: false });
      break;
    }
    const next = causeOf(text, later, keys);
    const listed = byLine.get(next.line);
    if (next.line === first || (listed && (next.parserWords || !listed.parserWords))) continue;
    byLine.set(next.line, { issue: toIssue(next, after), parserWords: next.parserWords === true });
  }
  return [...byLine.values()].map(({ issue }) => issue).sort((a, b) => a.line! - b.line!);
}

/** A cause as an Issue, as `options` say it; `after` ends its message. */
const issueOf =
  ({ prefix = 'invalid YAML', parserWords = (reason: string) => `${reason.replace(/\.$/, '')} (the YAML parser's words); compare the line with the lines around it` }: YamlSyntaxOptions) =>
  (found: SyntaxCause & { parserWords?: boolean; reason?: string }, after = ''): Issue => ({
    path: '',
    line: found.line,
    ...(found.column !== undefined ? { column: found.column } : {}),
    message: `${prefix}: ${found.parserWords ? parserWords(found.reason ?? found.cause, found.column ?? 0) : found.cause}${after}`,
  });

/**
 * The cause of a text's first error, or, when it is not known, the cause the other parser's first error (or its first
 * of a known cause at or above that line) gives, when that is known and mending it mends the first error (the text
 * parses past its line, or stops next at an error whose cause is known): so a reader keeps its parser's words where
 * the other's reading would not mend what it stopped at.
 */
function knownCause(
  text: string,
  first: YamlParserError,
  parsed: YamlErrors,
  parse: (text: string) => YamlErrors,
  keys: readonly (readonly string[])[],
): SyntaxCause & { parserWords?: boolean; reason?: string } {
  const found = causeOf(text, first, keys);
  // The other's first error, or a later one of a known cause at or above where the parser stopped (a quote not closed
  // on line 8 that the `yaml` package reports at the file's end, after a \c it read inside the quote).
  const others = found.parserWords ? (parsed.other?.().errors ?? []) : [];
  for (const [index, other] of others.entries()) {
    const instead = causeOf(text, other, keys);
    if ((index > 0 && instead.line > first.line) || instead.parserWords || instead.mended === undefined) continue;
    const next = parse(instead.mended).errors[0];
    if (!next || next.line > first.line || !causeOf(instead.mended, next, keys).parserWords) return instead;
  }
  return found;
}

/** The cause of one syntax error: a mistake named in the file's author's words, or the parser's (`parserWords`). */
function causeOf(text: string, error: YamlParserError, keys: readonly (readonly string[])[]): SyntaxCause & { parserWords?: boolean; reason?: string } {
  const { line, column, reason } = error;
  const lines = sourceLines(text);
  const quote = /Missing closing (["'])quote/.exec(reason);
  return (
    misindentedField(lines, line, keys) ??
    syntaxErrorCause(text, reason, line, column, keys) ??
    (quote ? unclosedQuote(lines, line, column, quote[1]!) : undefined) ??
    (error.code === 'BAD_DQ_ESCAPE' ? badEscape(lines, line, column, reason) : undefined) ??
    (error.code === 'UNEXPECTED_TOKEN' ? quoteInsideQuotes(lines, line, column) : undefined) ??
    (error.code === 'BAD_SCALAR_START' ? reservedStart(lines, line, column) : undefined) ??
    (/^unidentified alias|^bad indentation of a mapping entry/.test(reason) ? aliasValue(lines, line, column) : undefined) ??
    (/sequence items must start|block sequence may not be used|Sequence item without/i.test(reason) ? listItemIndentation(lines, line) : undefined) ??
    (/Flow (?:sequence|mapping) in block collection/.test(reason) ? unclosedFlow(lines, line) : undefined) ?? { line, column, cause: reason, reason, parserWords: true }
  );
}

// Where a quoted value may start: at the line's start, after a key's ":", a list item's "-", or inside [ ] or { }.
const VALUE_START = /(^|:[ \t]+|^[ \t]*-[ \t]+|[[{,][ \t]*)$/;

/**
 * A value opened with a quote that its line does not close (`ref: "Spearphising Link (T1192)`): the parser reads on
 * into the lines below for its end, and reports where it gave up, at the end of the line or of the file.
 */
function unclosedQuote(lines: readonly string[], line: number, column: number, quote: string): SyntaxCause {
  // The line the value starts on: the error's, or the nearest above with a quote where a value starts.
  let at = line - 1;
  const opening = (source: string) => [...source].findIndex((char, index) => char === quote && VALUE_START.test(source.slice(0, index)));
  while (at > 0 && opening(lines[at] ?? '') < 0) at--;
  const start = opening(lines[at] ?? '');
  if (start < 0) return { line, column, cause: `a ${quote} quote is not closed; close it where its value ends` };
  const inside = quote === '"' ? 'a " inside it is written \\"' : "a ' inside it is written ''";
  return {
    line: at + 1,
    column: start + 1,
    cause:
      `the value opened with ${quote} (column ${start + 1}) is not closed on its line, so YAML reads on into the lines below for its end; ` +
      `write the closing ${quote} where the value ends (${inside})`,
    // Closed at the line's end, inside a [ ] or { } closed there.
    mended: mendLine(lines, at, (source) => source.replace(/([\]}]*[ \t]*)$/, `${quote}$1`)),
  };
}

// A value in quotes, a " one with its escapes, a ' one with its '' inside.
const QUOTED = String.raw`(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')`;
// Values in quotes, two or more, separated by commas: a list written without its [ ] (`"EventCode=1", "EventCode=3"`).
const BARE_LIST = new RegExp(`^${QUOTED}(?:[ \t]*,[ \t]*${QUOTED})+$`);

/**
 * A quoted value that goes on after its closing quote (`actor: "APT32 "OceanLotus""`, a quote inside written as is;
 * `'it''s' fine'`): the parser takes the value to end at the first quote not escaped and the rest for more. Said with
 * the value quoted again as meant: its inner quotes escaped, or in the other quote when nothing in it needs escaping
 * there; values in quotes separated by commas are a list written without its [ ]. Undefined when the error's line
 * holds no quoted value closed before the error's column.
 */
function quoteInsideQuotes(lines: readonly string[], line: number, column: number): SyntaxCause | undefined {
  const source = lines[line - 1] ?? '';
  const start = [...source].findIndex((char, index) => (char === '"' || char === "'") && VALUE_START.test(source.slice(0, index)));
  if (start < 0) return undefined;
  const quote = source[start]!;
  // The first quote that ends the value: not a '' inside a '…' value, nor a \" inside a "…" one.
  const ending = quote === '"' ? /\\.|"/g : /''|'/g;
  ending.lastIndex = start + 1;
  let close = -1;
  for (let match = ending.exec(source); match; match = ending.exec(source)) {
    if (match[0] === quote) {
      close = match.index;
      break;
    }
  }
  if (close < 0 || close + 1 >= column) return undefined;
  const whole = source.slice(start).trimEnd();
  const at = `the value's closing ${quote} comes at column ${close + 1}, before the line ends, and YAML cannot read what follows it`;
  if (BARE_LIST.test(whole)) {
    const list = `[${whole}]`;
    return {
      line,
      column: close + 1,
      cause: `${at}: values in quotes separated by commas are a list only inside [ ]; write ${list}`,
      mended: mendLine(lines, line - 1, () => `${source.slice(0, start)}${list}`),
    };
  }
  const inner = whole.endsWith(quote) && whole.length > 1 ? whole.slice(1, -1) : whole.slice(1);
  // The value as its author meant it, each quote inside it a quote; undefined when it holds escapes of "…" (\n, \\).
  const meant = quote === "'" ? inner.replace(/''|'/g, "'") : /\\[^"]/.test(inner) ? undefined : inner.replace(/\\"/g, '"');
  const same = quote === "'" ? `'${inner.replace(/''|'/g, "''")}'` : `"${inner.replace(/\\.|"/g, (all) => (all === '"' ? '\\"' : all))}"`;
  const other = meant === undefined || (quote === "'" && /["\\]/.test(meant)) ? undefined : quote === "'" ? `"${meant}"` : `'${meant.replace(/'/g, "''")}'`;
  return {
    line,
    column: close + 1,
    cause: `${at}; for a ${quote} inside the value write ${quote === '"' ? '\\"' : "''"}${other ? `, or quote it with the other quote: ${other}` : `: ${same}`}`,
    mended: mendLine(lines, line - 1, () => `${source.slice(0, start)}${other ?? same}`),
  };
}

/**
 * A plain value that starts with a character YAML keeps for later use (`actor: @APT32`, a handle; `` `cmd` ``), with
 * its directive indicator (`default: %tmp%\lsass.DMP`, a Windows environment variable) or with its alias indicator
 * (`Image|endswith: *\certutil.exe`, a Sigma wildcard), an alias to an anchor set nowhere above it. Inside [ ] or { }
 * (`techniques: [*a, *b]`, `tags: [@APT32, x]`) the value ends at the next `,`, `]` or `}`; elsewhere at the line's
 * end. An alias whose anchor is set below it (`&a` on a later line) is said as such: YAML reads an alias only after
 * its anchor. Undefined when the value holds ": " (a key), or, outside [ ] and { }, a `,`, `]` or `}`.
 */
function reservedStart(lines: readonly string[], line: number, column: number): SyntaxCause | undefined {
  const source = lines[line - 1] ?? '';
  const flow = insideFlow(source, column - 1);
  const rest = source.slice(column - 1);
  const value = (flow ? /^[^,\]}]*/.exec(rest)![0] : rest.replace(/[ \t]+#.*$/, '')).trimEnd();
  if (!/^[@`%*]/.test(value) || /:(?:[ \t]|$)/.test(value) || (!flow && /[,\]}]/.test(value))) return undefined;
  const quoted = `'${value.replace(/'/g, "''")}'`;
  // Inside [ ] or { } its first character is made plain, so that the values after it keep their columns.
  const mended = mendLine(lines, line - 1, () => (flow ? `${source.slice(0, column - 1)}_${source.slice(column)}` : `${source.slice(0, column - 1)}${quoted}`));
  const name = /^\*(\S*)/.exec(value)?.[1];
  const below = name === undefined ? -1 : lines.findIndex((other, index) => index >= line && anchorAt(other, name));
  if (below >= 0) {
    return {
      line,
      column,
      cause:
        `${value} is an alias of the anchor &${name}, which is set below it (line ${below + 1}), and YAML reads an alias only after its anchor; ` +
        `set &${name} on the first of the values it names and write *${name} after it, or write the value out`,
      mended,
    };
  }
  const alias = name === undefined ? '' : `, which reads it as an alias (of an anchor &${name}, set nowhere)`;
  return { line, column, cause: `a value not quoted cannot start with ${value[0]} in YAML${alias}; quote it: ${quoted}`, mended };
}

/** Whether 0-based `index` of a line stands inside a [ ] or { } opened on that line (quoted text aside). */
function insideFlow(source: string, index: number): boolean {
  const before = source.slice(0, index).replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
  return [...before].reduce((depth, char) => depth + (char === '[' || char === '{' ? 1 : char === ']' || char === '}' ? -1 : 0), 0) > 0;
}

/** Whether a line sets the anchor `&name` (at a value's start, not inside text). */
const anchorAt = (source: string, name: string): boolean =>
  [...source.matchAll(/&(\S+)/g)].some((match) => match[1]!.replace(/[,\]}]+$/, '') === name && VALUE_START.test(source.slice(0, match.index)));

/**
 * A plain value on `line` that starts with `*` at or before `column` (`Image|endswith: *\certutil.exe`, `- *urlcache* -f`,
 * Sigma wildcards): YAML reads it as an alias, of an anchor set nowhere, and what follows its name as more (js-yaml:
 * "unidentified alias", or "bad indentation of a mapping entry" at the text after it).
 */
function aliasValue(lines: readonly string[], line: number, column: number): SyntaxCause | undefined {
  const source = lines[line - 1] ?? '';
  const start = [...source].findIndex((char, index) => char === '*' && index < column && VALUE_START.test(source.slice(0, index)));
  return start < 0 ? undefined : reservedStart(lines, line, start + 1);
}

// Escapes YAML reads in a "…" value (YAML 1.2 §5.7), the ones with hex digits aside.
const ESCAPES = new Set([...'0abtnvfre "/\\N_LP\t']);

/** A backslash in a "…" value that starts no escape YAML knows (`"C:\Users\…"`, a Windows path; `"\d+"`, a regular expression). */
function badEscape(lines: readonly string[], line: number, column: number, reason: string): SyntaxCause {
  const escape = /escape sequence (\\.)/.exec(reason)?.[1] ?? 'the backslash';
  return {
    line,
    column,
    cause:
      `${escape} in a "…" value is no escape YAML knows (a Windows path or a regular expression?); write the value in single quotes, ` +
      `where a backslash is itself ('C:\\Users\\…'; a ' inside is written ''), or double each backslash`,
    mended: mendLine(lines, line - 1, (source) => source.replace(/\\(.?)/g, (all, next: string) => (ESCAPES.has(next) ? all : `\\\\${next}`))),
  };
}


/**
 * A field (`   confidence: medium`, `  platforms: [Windows]`) on or next to `line` that starts at another column than the
 * field on the line above it (no list item's first), a field of the same mapping (`keys` holds the fields of each kind of mapping): one space
 * too many or too few. Parsers read a deeper one as the value above going on, a shallower one as a new list item or
 * mapping, and name neither. Undefined when no such line is there.
 */
function misindentedField(lines: readonly string[], line: number, keys: readonly (readonly string[])[]): SyntaxCause | undefined {
  for (const at of [line - 1, line, line - 2]) {
    const [, lead = '', field = ''] = FIELD_LINE.exec(lines[at] ?? '') ?? [];
    // A tab is said as such (syntaxErrorCause); a list item's line may be the one out of place itself.
    if (!field || /[-\t]/.test(lead)) continue;
    let above = at - 1;
    while (above >= 0 && blankOrComment(lines[above]!)) above--;
    const [, aboveLead = '', aboveField = ''] = FIELD_LINE.exec(lines[above] ?? '') ?? [];
    const value = (lines[above] ?? '').slice(aboveLead.length + aboveField.length).replace(/^[ \t]*:/, '').replace(/(^|[ \t])#.*$/, '').trim();
    // A field with no value on its line holds the deeper lines below it.
    // A line deeper than it that is no field of a mapping (a block's text, a list's item) ends there: it is compared
    // with the fields of the mappings enclosing that line (` domain:` after `sources:`'s titles written as blocks).
    // So does a list item that is a plain value (`- cambodia` of `tags:`'s list, at the key's column): it has no fields.
    const deeper =
      above >= 0 &&
      (!aboveField || /-/.test(aboveLead)) &&
      !/\t/.test(lines[above]!) &&
      (indentOf(lines[above]!) > lead.length || (!aboveField && LIST_ITEM.test(lines[above]!)));
    if (!deeper && (!aboveField || /[-\t]/.test(aboveLead) || aboveLead.length === lead.length || (value === '' && aboveLead.length < lead.length))) continue;
    // A field that ends a deeper mapping, back at the column of a field above it (`status:` after `related:`'s items).
    if ((deeper || lead.length < aboveLead.length) && startsFieldAt(lines, above, lead.length)) continue;
    // Shallower than the field above, it ends that field's mapping: its own is the nearest enclosing one whose fields
    // it is among (` status:` after `related:`'s `- id:` and `type:` is a field of the rule, as `related:` is).
    const sibling = deeper || lead.length < aboveLead.length ? enclosingField(lines, above, lead.length, field, keys) : { at: above, field: aboveField, column: aboveLead.length };
    if (!sibling || sibling.column === lead.length) continue;
    const { at: other, field: otherField, column: width } = sibling;
    if (!keys.some((fields) => fields.includes(field) && fields.includes(otherField))) continue;
    return {
      line: at + 1,
      column: lead.length + 1,
      cause:
        `"${field}" starts at column ${lead.length + 1}, but "${otherField}" above it (line ${other + 1}), a field of the same mapping, at column ${width + 1}; ` +
        `start it at column ${width + 1} (the fields of one mapping start at the same column)`,
      mended: mendLine(lines, at, (old) => `${' '.repeat(width)}${old.trimStart()}`),
    };
  }
  return undefined;
}

/**
 * The field whose mapping a field written at 0-based `lead`, shallower than the field on line index `at`, most likely
 * belongs to: of that field's mapping and the mappings enclosing it (each at a column less than the one below it), the
 * nearest to `lead` whose fields are of the same kind as `field` (the deeper on a tie): `   confidence:` after
 * `    tactic:` stays in its technique's mapping, ` status:` after `related:`'s `type:` is the rule's, as `related:`.
 */
function enclosingField(lines: readonly string[], at: number, lead: number, field: string, keys: readonly (readonly string[])[]): { at: number; field: string; column: number } | undefined {
  const [, aboveLead = '', aboveField = ''] = FIELD_LINE.exec(lines[at]!) ?? [];
  // The line's own field, when it is one of a mapping (no list item's first).
  let best = aboveField && !aboveLead.includes('-') ? { at, field: aboveField, column: aboveLead.length } : undefined;
  // A list item's line may sit at its key's own column (`tags:` then `- a`): the key, past the list's other items, is
  // among the fields its mapping's field could be.
  const item = LIST_ITEM.test(lines[at]!) ? indentOf(lines[at]!) : -1;
  let limit = indentOf(lines[at]!) + (item >= 0 ? 1 : 0);
  for (let above = at - 1; above >= 0 && limit > 0; above--) {
    const source = lines[above]!;
    if (blankOrComment(source) || indentOf(source) >= limit || (indentOf(source) === item && LIST_ITEM.test(source))) continue;
    limit = indentOf(source);
    const [, fieldLead = '', other = ''] = FIELD_LINE.exec(source) ?? [];
    // A list item's line (`- id: …`): its field is of a mapping already seen.
    if (!other || fieldLead.includes('-') || !keys.some((fields) => fields.includes(field) && fields.includes(other))) continue;
    if (!best || Math.abs(fieldLead.length - lead) < Math.abs(best.column - lead)) best = { at: above, field: other, column: fieldLead.length };
  }
  return best;
}

/** Whether a field or list item starts at 0-based `column` on a line above line index `at`, with no shallower line between. */
function startsFieldAt(lines: readonly string[], at: number, column: number): boolean {
  for (let above = at - 1; above >= 0; above--) {
    const source = lines[above]!;
    if (blankOrComment(source)) continue;
    const indent = indentOf(source);
    if (indent === column || FIELD_LINE.exec(source)?.[1]?.length === column) return true;
    if (indent < column) return false;
  }
  return false;
}

/**
 * A list item (`- ref: …`) on or next to `line` that starts at another column than the items of its list (the
 * nearest item above, or below, with only deeper lines between): the parser reads it as a new list, or as a key.
 */
function listItemIndentation(lines: readonly string[], line: number): SyntaxCause | undefined {
  for (const at of [line - 1, line - 2, line]) {
    const source = lines[at];
    if (source === undefined || !LIST_ITEM.test(source)) continue;
    const indent = indentOf(source);
    const sibling = siblingItem(lines, at, indent, -1) ?? siblingItem(lines, at, indent, 1);
    if (!sibling) continue;
    const [other, width] = sibling;
    return {
      line: at + 1,
      column: indent + 1,
      cause:
        `the list item starts at column ${indent + 1}, but the items of its list start at column ${width + 1} (line ${other + 1}); ` +
        `start it at column ${width + 1}, as they do (every item of a list starts at the same column, its fields 2 columns after the "-")`,
      mended: mendLine(lines, at, (old) => `${' '.repeat(width)}${old.trimStart()}`),
    };
  }
  return undefined;
}

/** The nearest list item from line index `at` going `step`, at another column, with only deeper lines between. */
function siblingItem(lines: readonly string[], at: number, indent: number, step: number): [number, number] | undefined {
  let shallowest = Infinity;
  for (let other = at + step; other >= 0 && other < lines.length; other += step) {
    const source = lines[other]!;
    if (blankOrComment(source)) continue;
    const width = indentOf(source);
    if (LIST_ITEM.test(source) && width !== indent && shallowest > Math.max(width, indent)) return [other, width];
    if (width <= indent) return undefined;
    shallowest = Math.min(shallowest, width);
  }
  return undefined;
}

/**
 * A list or mapping written inline (`tags: [covid-19, china`) that is not closed: the parser reports the line after
 * it. The nearest line above that opens more brackets than it closes, placed at the first bracket left open: the
 * message names it, as PyYAML's "while parsing a flow sequence" places it, and an editor jumps to it.
 */
function unclosedFlow(lines: readonly string[], line: number): SyntaxCause | undefined {
  for (let at = line - 2; at >= 0; at--) {
    const source = lines[at]!;
    if (blankOrComment(source)) continue;
    // Quoted text blanked, not removed, so that the brackets keep their columns.
    const chars = [...source.replace(/"[^"]*"|'[^']*'/g, (quoted) => ' '.repeat(quoted.length))];
    const open = chars.reduce((depth, char) => depth + (char === '[' || char === '{' ? 1 : char === ']' || char === '}' ? -1 : 0), 0);
    if (open <= 0) return undefined;
    const bracket = source.includes('{') && !source.includes('[') ? '}' : ']';
    const unclosed: number[] = [];
    chars.forEach((char, index) => {
      if (char === '[' || char === '{') unclosed.push(index);
      else if (char === ']' || char === '}') unclosed.pop();
    });
    const opener = bracket === ']' ? '[' : '{';
    const first = unclosed.find((index) => chars[index] === opener) ?? unclosed[0] ?? source.trimEnd().length;
    return {
      line: at + 1,
      column: first + 1,
      cause: `the ${bracket === ']' ? 'list [' : 'mapping {'} opened on this line is not closed; end it with ${bracket} on this line (or indent its next lines under its key)`,
      mended: mendLine(lines, at, (old) => `${old.trimEnd()}${bracket.repeat(open)}`),
    };
  }
  return undefined;
}
