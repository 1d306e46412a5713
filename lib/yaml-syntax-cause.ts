import { firstFew } from './short-list.js';

/**
 * Why a YAML syntax error happened, in the words of the file's author, for the mistakes parsers do not name, or name
 * without what to do: a plain value holding ": ", lines that continue a value at its key's indentation, and lines
 * indented with a tab (an editor's default). Shared by every reader of
 * hand-written YAML (campaign files, detections and log sources files, Sigma rules), whichever parser reported the error.
 */

// A line `key: value` (or `- key: value`): the key, where its value starts, and the value.
const KEY_VALUE_LINE = /^(\s*(?:-\s+)?)([^\s#'"[\]{},:][^#]*?):[ \t]+(.*)$/;
// What starts a value that is not plain text: a quote, a flow collection, a block scalar, an anchor, alias or tag.
const NOT_PLAIN = /^['"[{|>&*!%@`#]/;

/**
 * A syntax error's place (1-based), why it happened and what to write instead; `mended`, the whole text with that
 * mended as said (or the lines at fault blanked when what they should be is not known), its lines kept, so that parsing
 * it again shows which later errors follow from this one.
 */
export interface SyntaxCause {
  line: number;
  column?: number;
  cause: string;
  mended?: string;
  /**
   * Other mended texts, each another reading of what was meant, tried before `mended`: the one the parser reads with
   * the fewest errors is taken (the first at a tie), so that errors that follow from the mending alone are not listed.
   */
  mendings?: readonly string[];
}

/** The text of `lines` with line index `at` changed by `change`. */
export const mendLine = (lines: readonly string[], at: number, change: (source: string) => string): string =>
  lines.map((source, index) => (index === at ? change(source) : source)).join('\n');

/** A text's lines, a carriage return at their end aside. */
export const sourceLines = (text: string): string[] => text.split('\n').map((source) => source.replace(/\r$/, ''));
/** How many spaces and tabs a line starts with. */
export const indentOf = (source: string): number => /^[ \t]*/.exec(source)![0].length;
/** What a plain value's colon at `index` of `plain` does: ends it, or stands inside it followed by a space. */
const colonSays = (plain: string, index: number): string => (index + 1 === plain.trimEnd().length ? 'ends in ":"' : 'holds ": "');

/**
 * Why a YAML syntax error at `line` and `column` (1-based) happened when the cause is a plain (unquoted) value that
 * holds `: ` or ends in `:` (`title: Boot or Logon Autostart Execution: Winlogon Helper DLL`): YAML reads that colon
 * as the start of a mapping inside the value, and parsers say only "bad indentation of a mapping entry" or "nested
 * mappings are not allowed in compact mappings". A value that goes on over more indented lines (a Splunk query
 * pasted under `description:`, `| eval msg="src: ".src` a few lines down) is read whole: js-yaml reports the line of
 * the colon, yaml the key's line. Undefined when the error is not on such a value.
 */
export function plainColonCause(text: string, line: number, column: number): string | undefined {
  return plainColon(text, line, column)?.cause;
}

function plainColon(text: string, line: number, column: number): SyntaxCause | undefined {
  const lines = sourceLines(text);
  // The key line whose value holds the error's line: that line, or a key line above it of which every line between is
  // a more indented continuation.
  let at = line - 1;
  while (at > 0 && lines[at]!.trim() !== '' && !FIELD_LINE.test(lines[at]!)) at--;
  if (lines.slice(at + 1, line).some((between) => between.trim() === '' || indentOf(between) <= indentOf(lines[at] ?? ''))) return undefined;
  const source = lines[at];
  const match = source === undefined ? null : KEY_VALUE_LINE.exec(source);
  if (!match) return undefined;
  const [, , key = '', value = ''] = match;
  const valueStart = source!.length - value.length;
  if (NOT_PLAIN.test(value) || (at === line - 1 && column <= valueStart)) return undefined;
  const plain = value.replace(/[ \t]#.*$/, '');
  const colon = /:(?:[ \t]|$)/.exec(plain);
  if (colon) {
    return {
      line: at + 1,
      column: valueStart + colon.index + 1,
      mended: mendLine(lines, at, (old) => `${old.slice(0, valueStart + colon.index)} ${old.slice(valueStart + colon.index + 1)}`),
      cause:
        `the value of "${key.trim()}" is not quoted and ${colonSays(plain, colon.index)} (column ${valueStart + colon.index + 1}), which YAML reads as the start of ` +
        `a mapping inside it; quote the value: ${key.trim()}: '…' (write '' for a ' inside)`,
    };
  }
  // Its continuation lines, more indented than the key.
  for (let next = at + 1; next < lines.length && lines[next]!.trim() !== '' && indentOf(lines[next]!) > indentOf(source!); next++) {
    const rest = lines[next]!.replace(/[ \t]#.*$/, '');
    const inner = /:(?:[ \t]|$)/.exec(rest);
    if (!inner) continue;
    return {
      line: next + 1,
      column: inner.index + 1,
      mended: mendLine(lines, next, (old) => `${old.slice(0, inner.index)} ${old.slice(inner.index + 1)}`),
      cause:
        `the value of "${key.trim()}" (line ${at + 1}) goes on over several lines without quotes and line ${next + 1} ${colonSays(rest, inner.index)} (column ${inner.index + 1}), which YAML reads as ` +
        `the start of a mapping inside it; write the value as a block, its lines indented under the key: ${key.trim()}: |`,
    };
  }
  return undefined;
}

// What parsers say when lines that should continue a value sit at its key's indentation and so read as one key
// written over several lines, lacking its ":": js-yaml at the next key's ":" (after the lines), yaml at their first.
const MULTILINE_KEY = /multiline key may not be an implicit key|Implicit keys need to be on a single line/i;
// A line `field: …` or `- field: …` (`how_to_implement:`, `- name: x`): its indentation and dash, and the field (keys
// of rule and campaign files are plain words).
export const FIELD_LINE = /^([ \t]*(?:-[ \t]+)?)([\w.$-]+)[ \t]*:(?:[ \t]|$)/;
// A list item's line: `- x`, `  - ref: …`, a lone `-`.
export const LIST_ITEM = /^[ \t]*-(?:[ \t]|$)/;
/** A line the parser reads nothing of: blank, or a comment alone. */
export const blankOrComment = (source: string): boolean => source.trim() === '' || source.trimStart().startsWith('#');
// A block scalar's indicator as a key's whole value: `search: |`, `query: >-`, `description: |2`.
const BLOCK_INDICATOR = /:[ \t]+[|>][+-]?\d?[+-]?[ \t]*(?:#.*)?$/;

/**
 * The line and cause of a YAML syntax error (`reason` at 1-based `line` and `column`, as a parser said it) when it
 * has one of two causes it does not name: a plain value holding ": " (plainColonCause), or lines that continue a
 * value (a Splunk or KQL query pasted under `search: |`) at its key's indentation (unindentedContinuation), which
 * js-yaml reports at the next key, lines after they start. Undefined when neither is the cause.
 */
export function syntaxErrorCause(
  text: string,
  reason: string,
  line: number,
  column: number,
  keys: readonly (readonly string[])[] = [],
): SyntaxCause | undefined {
  if (TAB_REASON.test(reason)) return tabIndentation(text, line);
  // A tab after spaces is, to the parser, blank space after the indentation: it names the columns that then differ
  // ("All mapping items must start at the same column"), not the tab.
  const tab = tabIndentation(text, line, 1);
  if (tab) return tab;
  const missing = keyWithoutColon(text, line, keys);
  if (missing) return missing;
  const colon = plainColon(text, line, column);
  if (colon) return colon;
  return MULTILINE_KEY.test(reason) ? unindentedContinuation(text, line) : undefined;
}

// What parsers say of a tab in a line's indentation: yaml "Tabs are not allowed as indentation", js-yaml "tab
// characters must not be used in indentation".
const TAB_REASON = /\btab(?:s| characters?)\b.*\bindentation\b/i;

/**
 * Lines indented with a tab, as an editor set to tabs writes them (or a tab typed after spaces): the parser stops at
 * the first and counts an error for each line after it. The line it stopped at (or the first such line) and every such
 * line, to replace them all at once; undefined when no line's indentation holds a tab, or, given `within`, none is
 * that many lines from `line` (the parser did not name a tab, so one far away is not the cause).
 */
function tabIndentation(text: string, line: number, within?: number): SyntaxCause | undefined {
  const lines = sourceLines(text);
  const tabbed = lines.flatMap((source, index) => (/^[ \t]*\t/.test(source) && source.trim() !== '' ? [index + 1] : []));
  const near = within === undefined ? tabbed : tabbed.filter((other) => Math.abs(other - line) <= within);
  if (!near.length) return undefined;
  const at = near.includes(line) ? line : near[0]!;
  const others = tabbed.filter((other) => other !== at).map(String);
  const spaces = /^ */.exec(lines[at - 1]!)![0].length;
  return {
    line: at,
    column: lines[at - 1]!.indexOf('\t') + 1,
    // Which indentation a tab stood for is not known: each line is given that of its like nearby (a list item's of the
    // nearest list item, a field's the column of the nearest field above), of the line above it, of the line below, or
    // two more than the line above (the first line of a block), and failing those it is left blank, to find the
    // errors that do not follow from the tabs. Left blank, a list item's fields join the item above (each a duplicate
    // key), and a block's text the value above it.
    mendings: (['sibling', 'above', 'below', 'deeper'] as const).map((which) => lines.map((source, index) => (tabbed.includes(index + 1) ? reindented(lines, index, which) : source)).join('\n')),
    mended: lines.map((source, index) => (tabbed.includes(index + 1) ? '' : source)).join('\n'),
    cause:
      `line ${at} is indented with a tab${spaces ? ` after ${spaces} space${spaces === 1 ? '' : 's'}` : ''}, which YAML does not allow` +
      (others.length ? ` (so ${others.length === 1 ? 'is line' : 'are lines'} ${firstFew(others, 5)})` : '') +
      `; indent with spaces only (set your editor to insert spaces for a tab)`,
  };
}

/**
 * Line `index` of `lines` with its indentation that of the nearest line above or below it not indented with a tab, or
 * two more than the one above; `sibling`: a list item's that of the nearest list item (above, then below), a field's
 * the column of the nearest field above (after its item's "-").
 */
function reindented(lines: readonly string[], index: number, which: 'sibling' | 'above' | 'below' | 'deeper'): string {
  const text = lines[index]!.trimStart();
  if (which === 'sibling') {
    const item = text.startsWith('- ');
    const like = (source: string) => !/^[ \t]*\t/.test(source) && (item ? LIST_ITEM.test(source) : FIELD_LINE.test(source));
    const near = [...lines.slice(0, index)].reverse().find(like) ?? (item ? lines.slice(index + 1).find(like) : undefined);
    if (near !== undefined) return ' '.repeat(item ? indentOf(near) : wordColumn(near)) + text;
  }
  const step = which === 'below' ? 1 : -1;
  let at = index + step;
  while (at >= 0 && at < lines.length && (blankOrComment(lines[at]!) || /^[ \t]*\t/.test(lines[at]!))) at += step;
  const spaces = at >= 0 && at < lines.length ? /^ */.exec(lines[at]!)![0].length : 0;
  return ' '.repeat(spaces + (which === 'deeper' ? 2 : 0)) + lines[index]!.trimStart();
}

// A line `key value` or `key` alone: a word, then blank space where its ":" was left out, then its value if any.
const KEY_WITHOUT_COLON = /^([ \t]*(?:-[ \t]+)?)([\w.$-]+)(?:[ \t]+(\S.*))?$/;

/** The column (0-based) a line's key or text starts at, after its indentation and a list item's dash. */
const wordColumn = (source: string): number => /^[ \t]*(?:-[ \t]+)?/.exec(source)![0].length;

/**
 * A line near `line` (3 lines either way) that starts with a field of the file's format and no ":" after it
 * (`first_seen 2020-01-06`, `techniques`), at the column of the keys of its mapping (the nearest key line above or
 * below it at that column, a field of the same mapping: `keys` holds the fields of each kind of mapping; a block's
 * text is deeper): the ":" was left out. Parsers blame the lines around it (a key over several lines, a value going
 * on), and indenting it, as said for a value going on, would make the field part of the value above and lose it.
 * When the line above is a plain value that may go on (`description: ... the loader's` then `source code was ...`),
 * the line may as well be that value's, wrapped without its indentation: both readings are said. The nearest such
 * line to `line`; undefined when there is none.
 */
function keyWithoutColon(text: string, line: number, keys: readonly (readonly string[])[]): SyntaxCause | undefined {
  if (!keys.length) return undefined;
  const lines = sourceLines(text);
  /** The field of the nearest key line from `from` going `step` at `column` (deeper lines are values), if any. */
  const sibling = (from: number, step: number, column: number): string | undefined => {
    for (let at = from + step; at >= 0 && at < lines.length; at += step) {
      const source = lines[at]!;
      if (blankOrComment(source) || wordColumn(source) > column) continue;
      const field = FIELD_LINE.exec(source);
      return wordColumn(source) === column && field ? field[2] : undefined;
    }
    return undefined;
  };
  const sameMapping = (word: string, other: string | undefined) => other !== undefined && keys.some((fields) => fields.includes(word) && fields.includes(other));
  const near = [0, -1, 1, -2, 2, -3, 3].map((offset) => line - 1 + offset);
  for (const at of near) {
    const source = lines[at];
    const [, lead = '', word = '', value] = (source !== undefined && KEY_WITHOUT_COLON.exec(source)) || [];
    if (!word || !(sameMapping(word, sibling(at, -1, lead.length)) || sameMapping(word, sibling(at, 1, lead.length)))) continue;
    const column = lead.length + word.length + 1;
    const written = `write ${word}:${value === undefined ? '' : ` ${value.trimEnd()}`}`;
    // A list item's line starts an item: it goes on with no value.
    const goesOn = lead.includes('-') ? undefined : plainValueAbove(lines, at, lead.length);
    return {
      line: at + 1,
      column,
      mended: mendLine(lines, at, (old) => `${old.slice(0, column - 1)}:${old.slice(column - 1)}`),
      cause: goesOn
        ? `"${word}" has no ":" after it, so YAML does not read it as a field, or the line goes on with the value of "${goesOn.key}" (line ${goesOn.line}) ` +
          `without being indented under it: ${written} if it is a field, or indent it 2 spaces more than "${goesOn.key}" if it goes on`
        : `"${word}" has no ":" after it, so YAML does not read it as a field; ${written}`,
    };
  }
  return undefined;
}

/**
 * The key (and its 1-based line) of a plain value, one not quoted, no block and no list or mapping, that ends just above
 * line index `at`, written at `column` (its key there, or lines deeper going on from it): a line at `column` below it
 * may be that value going on. Undefined when the line above ends no such value.
 */
function plainValueAbove(lines: readonly string[], at: number, column: number): { key: string; line: number } | undefined {
  let above = at - 1;
  while (above >= 0 && blankOrComment(lines[above]!)) above--;
  // Lines deeper than the key go on with its value; a key or list item among them is a mapping or list's.
  while (above >= 0 && wordColumn(lines[above]!) > column) {
    if (FIELD_LINE.test(lines[above]!) || /^[ \t]*-[ \t]/.test(lines[above]!)) return undefined;
    above--;
  }
  const source = lines[above];
  const match = source === undefined || wordColumn(source) !== column ? null : KEY_VALUE_LINE.exec(source);
  if (!match) return undefined;
  const value = (match[3] ?? '').replace(/(^|[ \t])#.*$/, '').trim();
  if (value === '' || NOT_PLAIN.test(value)) return undefined;
  return { key: match[2]!.trim(), line: above + 1 };
}

/**
 * Lines that continue a value without being indented under its key, around `line` (a line of them, or the key line
 * after them, where js-yaml reports them): YAML ends the value before them and reads them as one key over several
 * lines. The first of them and what to do; undefined when the lines around `line` are not such lines.
 */
function unindentedContinuation(text: string, line: number): SyntaxCause | undefined {
  const lines = sourceLines(text);
  // A list item at the key's own indentation is the key's list (`tags:` then `- a`), which YAML allows: no such line.
  const part = (source: string | undefined, width: number): boolean =>
    source !== undefined && !blankOrComment(source) && indentOf(source) === width && !FIELD_LINE.test(source) && !LIST_ITEM.test(source);
  let at = line - 1;
  if (FIELD_LINE.test(lines[at] ?? '')) at--;
  const width = indentOf(lines[at] ?? '');
  if (!part(lines[at], width)) return undefined;
  let first = at;
  while (part(lines[first - 1], width)) first--;
  let last = at;
  while (part(lines[last + 1], width)) last++;
  // The key whose value they continue: the nearest key line above at their indentation (deeper lines are its value's).
  let owner = first - 1;
  while (owner >= 0 && (lines[owner]!.trim() === '' || indentOf(lines[owner]!) > width)) owner--;
  const ownerLine = lines[owner];
  if (ownerLine === undefined || indentOf(ownerLine) !== width || !FIELD_LINE.test(ownerLine)) return undefined;
  const key = /^[ \t]*(?:-[ \t]+)?([\w.$-]+)/.exec(ownerLine)![1]!;
  const span = first === last ? `line ${first + 1}` : `lines ${first + 1}-${last + 1}`;
  const block = BLOCK_INDICATOR.test(ownerLine);
  const body = lines.slice(owner + 1, first).find((source) => source.trim() !== '');
  const depth = block && body !== undefined ? indentOf(body) - width : 2;
  return {
    line: first + 1,
    column: width + 1,
    mended: lines.map((source, index) => (index >= first && index <= last ? `${' '.repeat(depth)}${source}` : source)).join('\n'),
    cause:
      `${span} ${first === last ? 'continues' : 'continue'} the ${block ? 'block' : 'value'} of "${key}" (line ${owner + 1}) at the key's own indentation, so YAML ends the value ` +
      `before ${first === last ? 'it' : 'them'} and reads ${first === last ? 'it' : 'them'} as a key without ":"; indent ${first === last ? 'it' : 'them'} ${depth} spaces more than "${key}"` +
      (block ? ', as the lines of the block above' : `, or write the value as a block: ${key}: |`),
  };
}
