/**
 * YAML read through js-yaml's event parser: every document checked for syntax (and duplicate keys, which the event
 * stream leaves to its consumer), and only the top of each document built as light nodes with source offsets.
 *
 * Why: reading 3,900 Sigma rules, a full document model (the `yaml` package's parseAllDocuments, about 5 times
 * slower) spends most of its time on `detection` blocks that coverage never looks at; js-yaml's `parseEvents` checks
 * the same syntax and gives offsets, from which lines are computed only where a message or a reference needs one.
 */
import { createRequire } from 'node:module';
import type { Event, ScalarEvent } from 'js-yaml';

// js-yaml is needed by the coverage commands only, so it is required on first use.
const require = createRequire(import.meta.url);
let jsYaml: typeof import('js-yaml') | undefined;
const jsYamlModule = (): typeof import('js-yaml') => (jsYaml ??= require('js-yaml') as typeof import('js-yaml'));

/** A scalar: its text (null for an empty or `null`/`~` plain scalar) and where its value starts and ends. */
export interface YamlScalar {
  kind: 'scalar';
  text: string | null;
  start: number;
  end: number;
}

export interface YamlSeq {
  kind: 'seq';
  start: number;
  items: YamlNode[];
}

export interface YamlMap {
  kind: 'map';
  start: number;
  /** Pairs with a scalar key, in order; keys that are not scalars are left out. */
  pairs: Map<string, YamlNode>;
}

/** An alias, or a collection deeper than the depth asked for (its contents were checked but not built). */
export interface YamlOther {
  kind: 'alias' | 'deep';
  start: number;
}

export type YamlNode = YamlScalar | YamlSeq | YamlMap | YamlOther;

/** A syntax error: js-yaml's reason and the 1-based line and column. */
export class YamlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} (line ${line}, column ${column})`);
  }
}

const NULL_WORDS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);

/**
 * Parse every document of a YAML text; each is its top node (null for an empty document), built `depth` levels deep
 * (1: the top node's own scalars only). @throws YamlSyntaxError at the first syntax error or duplicate key.
 */
export function parseYamlDocuments(text: string, depth: number): (YamlNode | null)[] {
  const js = jsYamlModule();
  const { EVENT_ID, SCALAR_STYLE } = js;
  let events: Event[];
  try {
    events = js.parseEvents(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? String(error);
    throw new YamlSyntaxError(reason, (mark?.line ?? 0) + 1, (mark?.column ?? 0) + 1);
  }
  const scalar = (event: ScalarEvent): YamlScalar => {
    const value = event.valueStart < 0 ? '' : js.getScalarValue(text, event);
    const isNull = event.style === SCALAR_STYLE.PLAIN && event.tagStart < 0 && NULL_WORDS.has(value);
    return { kind: 'scalar', text: isNull ? null : value, start: Math.max(event.valueStart, 0), end: Math.max(event.valueEnd, 0) };
  };
  // An open collection: the node being built (undefined below `depth`); for a mapping, its keys so far, whether a
  // key or a value comes next, and the pending key; `isKey` for a collection written as a mapping key.
  interface Open {
    node?: YamlSeq | YamlMap;
    keys?: Set<string>;
    expectKey: boolean;
    key: string | null;
    isKey: boolean;
  }
  const docs: (YamlNode | null)[] = [];
  const stack: Open[] = [];
  let doc: YamlNode | null = null;
  // Put a finished value into its parent; in a mapping it is the value of the pending key.
  const place = (node: YamlNode): void => {
    const parent = stack[stack.length - 1];
    if (!parent) doc = node;
    else if (parent.node?.kind === 'seq') parent.node.items.push(node);
    else if (parent.keys) {
      if (parent.node?.kind === 'map' && parent.key !== null) parent.node.pairs.set(parent.key, node);
      parent.expectKey = true;
    }
  };
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      doc = null;
    } else if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      const parent = stack[stack.length - 1];
      const isKey = parent?.keys !== undefined && parent.expectKey;
      let node: YamlSeq | YamlMap | undefined;
      if (stack.length < depth && !isKey) {
        node = event.type === EVENT_ID.SEQUENCE ? { kind: 'seq', start: event.start, items: [] } : { kind: 'map', start: event.start, pairs: new Map() };
      }
      if (!isKey) place(node ?? { kind: 'deep', start: event.start });
      stack.push({ node, expectKey: true, key: null, isKey, ...(event.type === EVENT_ID.MAPPING ? { keys: new Set<string>() } : {}) });
    } else if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS) {
      const parent = stack[stack.length - 1];
      const node: YamlNode = event.type === EVENT_ID.SCALAR ? scalar(event) : { kind: 'alias', start: event.anchorStart };
      if (parent?.keys && parent.expectKey) {
        // A mapping key: a duplicate is an error, as in every YAML 1.2 loader; its value comes next.
        const key = node.kind === 'scalar' ? (node.text ?? '') : null;
        if (key !== null && parent.keys.has(key)) {
          const at = lineColumn(text, node.start);
          throw new YamlSyntaxError(`duplicated mapping key "${key}"`, at.line, at.column);
        }
        if (key !== null) parent.keys.add(key);
        parent.key = key;
        parent.expectKey = false;
      } else place(node);
    } else if (event.type === EVENT_ID.POP) {
      const closed = stack.pop();
      if (!closed) docs.push(doc);
      else if (closed.isKey) {
        const parent = stack[stack.length - 1]!;
        parent.key = null;
        parent.expectKey = false;
      }
    }
  }
  return docs;
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Lines of offsets in one text, counted once. */
export class LineIndex {
  private starts?: number[];
  constructor(private readonly text: string) {}

  /** The 1-based line of an offset. */
  line(offset: number): number {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** The comment after a node on its line (`status: deprecated # reason` -> `reason`), if any. */
  trailingComment(end: number): string | undefined {
    const lineEnd = this.text.indexOf('\n', end);
    const rest = this.text.slice(end, lineEnd === -1 ? undefined : lineEnd);
    return /^[ \t]+#[ \t]*(.*?)\s*$/.exec(rest)?.[1];
  }
}

// A line `key: value` (or `- key: value`): the key, where its value starts, and the value.
const KEY_VALUE_LINE = /^(\s*(?:-\s+)?)([^\s#'"[\]{},:][^#]*?):[ \t]+(.*)$/;
// What starts a value that is not plain text: a quote, a flow collection, a block scalar, an anchor, alias or tag.
const NOT_PLAIN = /^['"[{|>&*!%@`#]/;

/** A text's lines, a carriage return at their end aside. */
const sourceLines = (text: string): string[] => text.split('\n').map((source) => source.replace(/\r$/, ''));
/** How many spaces and tabs a line starts with. */
const indentOf = (source: string): number => /^[ \t]*/.exec(source)![0].length;
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

function plainColon(text: string, line: number, column: number): { line: number; cause: string } | undefined {
  const lines = sourceLines(text);
  // The key line whose value holds the error's line: that line, or a key line above it of which every line between is
  // a more indented continuation.
  let at = line - 1;
  while (at > 0 && lines[at]!.trim() !== '' && !KEY_LINE.test(lines[at]!)) at--;
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
// A line that is a mapping key (`how_to_implement:`, `- name: x`): keys of rule files are plain words.
const KEY_LINE = /^[ \t]*(?:-[ \t]+)?[\w.$-]+[ \t]*:(?:[ \t]|$)/;
// A block scalar's indicator as a key's whole value: `search: |`, `query: >-`, `description: |2`.
const BLOCK_INDICATOR = /:[ \t]+[|>][+-]?\d?[+-]?[ \t]*(?:#.*)?$/;

/**
 * The line and cause of a YAML syntax error (`reason` at 1-based `line` and `column`, as a parser said it) when it
 * has one of two causes it does not name: a plain value holding ": " (plainColonCause), or lines that continue a
 * value (a Splunk or KQL query pasted under `search: |`) at its key's indentation (unindentedContinuation), which
 * js-yaml reports at the next key, lines after they start. Undefined when neither is the cause.
 */
export function syntaxErrorCause(text: string, reason: string, line: number, column: number): { line: number; cause: string } | undefined {
  const colon = plainColon(text, line, column);
  if (colon) return colon;
  return MULTILINE_KEY.test(reason) ? unindentedContinuation(text, line) : undefined;
}

/**
 * Lines that continue a value without being indented under its key, around `line` (a line of them, or the key line
 * after them, where js-yaml reports them): YAML ends the value before them and reads them as one key over several
 * lines. The first of them and what to do; undefined when the lines around `line` are not such lines.
 */
function unindentedContinuation(text: string, line: number): { line: number; cause: string } | undefined {
  const lines = sourceLines(text);
  const part = (source: string | undefined, width: number): boolean =>
    source !== undefined && source.trim() !== '' && !source.trimStart().startsWith('#') && indentOf(source) === width && !KEY_LINE.test(source);
  let at = line - 1;
  if (KEY_LINE.test(lines[at] ?? '')) at--;
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
  if (ownerLine === undefined || indentOf(ownerLine) !== width || !KEY_LINE.test(ownerLine)) return undefined;
  const key = /^[ \t]*(?:-[ \t]+)?([\w.$-]+)/.exec(ownerLine)![1]!;
  const span = first === last ? `line ${first + 1}` : `lines ${first + 1}-${last + 1}`;
  const block = BLOCK_INDICATOR.test(ownerLine);
  const body = lines.slice(owner + 1, first).find((source) => source.trim() !== '');
  const depth = block && body !== undefined ? indentOf(body) - width : 2;
  return {
    line: first + 1,
    cause:
      `${span} ${first === last ? 'continues' : 'continue'} the ${block ? 'block' : 'value'} of "${key}" (line ${owner + 1}) at the key's own indentation, so YAML ends the value ` +
      `before ${first === last ? 'it' : 'them'} and reads ${first === last ? 'it' : 'them'} as a key without ":"; indent ${first === last ? 'it' : 'them'} ${depth} spaces more than "${key}"` +
      (block ? ', as the lines of the block above' : `, or write the value as a block: ${key}: |`),
  };
}

/** A scalar node's text; undefined for any other node, an empty or `null` scalar, or no node. */
export function scalarText(node: YamlNode | undefined): string | undefined {
  return node?.kind === 'scalar' && node.text !== null ? node.text : undefined;
}

/** The items of a list, or one node as a list of one: what a field that takes one value or several holds. */
export function itemsOf(node: YamlNode | undefined): YamlNode[] {
  return node?.kind === 'seq' ? node.items : node ? [node] : [];
}

/** The texts of a list of scalars (or of one scalar), each with its line; other items are left out. */
export function listItems(node: YamlNode | undefined, lines: LineIndex): { text: string; line: number }[] {
  return itemsOf(node).flatMap((item) => {
    const text = scalarText(item);
    return text === undefined ? [] : [{ text, line: lines.line(item.start) }];
  });
}

// A key whose value opens a quoted scalar: `search: '…`, `- query: "…` (keys of rule files are plain words).
const QUOTED_VALUE = /^([ \t]*)(?:-[ \t]+)?[\w.$-]+[ \t]*:[ \t]+(['"])/;

/** Where a quoted scalar's text closes in `rest` (the text after its opening quote), or -1 when it goes on. */
function closingQuote(rest: string, quote: string): number {
  for (let i = 0; i < rest.length; i++) {
    if (quote === "'" && rest[i] === "'") {
      if (rest[i + 1] === "'") i++;
      else return i;
    } else if (quote === '"' && rest[i] === '\\') i++;
    else if (quote === '"' && rest[i] === '"') return i;
  }
  return -1;
}

/**
 * The text with the continuation lines of multi-line quoted values indented past their key, and the line ranges
 * (1-based) it indented; undefined when there are none. YAML requires those lines to be indented, PyYAML (which
 * Splunk's, Sentinel's and Sigma's own tools use) does not; line folding drops leading spaces, so every value reads
 * the same, and every line keeps its number.
 */
export function indentQuotedContinuations(text: string): { text: string; ranges: [number, number][] } | undefined {
  const lines = text.split('\n');
  const ranges: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = QUOTED_VALUE.exec(lines[i]!);
    if (!open) continue;
    const [matched, indent, quote] = open as unknown as [string, string, string];
    if (closingQuote(lines[i]!.slice(matched.length), quote) >= 0) continue;
    let first: number | undefined;
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j]!;
      const own = indentOf(line);
      if (line.trim() !== '' && own <= indent.length) {
        lines[j] = ' '.repeat(indent.length + 1 - own) + line;
        first ??= j + 1;
        const last = ranges.at(-1);
        if (last && last[0] === first) last[1] = j + 1;
        else ranges.push([first, j + 1]);
      }
      i = j;
      if (closingQuote(line, quote) >= 0) break;
    }
  }
  return ranges.length ? { text: lines.join('\n'), ranges } : undefined;
}

// A key whose value opens a flow collection: `tags: [`, `- tags: {` (the text after the bracket follows).
const FLOW_VALUE = /^[ \t]*(?:-[ \t]+)?[\w.$-]+[ \t]*:[ \t]+(?=[[{])/;

/** How far a line opens (+) or closes (-) flow collections, brackets inside quotes aside. */
function flowDepth(line: string): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return depth;
}

/**
 * The text with the lines that go on a multi-line flow collection at (or before) the indentation of its key indented
 * one space past it, and the line ranges (1-based) it indented; undefined when there are none. falcosecurity/rules
 * closes its tags so (`  tags: [` … `  ]` under `- rule:`): js-yaml refuses it ("deficient indentation"), PyYAML and
 * yaml-cpp, which Falco uses, read it. Spaces between flow items mean nothing, so every value reads the same, and
 * every line keeps its number.
 */
export function indentFlowContinuations(text: string): { text: string; ranges: [number, number][] } | undefined {
  const lines = text.split('\n');
  const ranges: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FLOW_VALUE.exec(lines[i]!);
    if (!open) continue;
    // The column of the key, past a list item's dash.
    const key = /^[ \t]*(?:-[ \t]+)?/.exec(lines[i]!)![0].length;
    let depth = flowDepth(lines[i]!.slice(open[0].length));
    for (let j = i + 1; j < lines.length && depth > 0; j++) {
      const line = lines[j]!;
      if (line.trim() !== '' && indentOf(line) <= key) {
        lines[j] = ' '.repeat(key + 1 - indentOf(line)) + line;
        const last = ranges.at(-1);
        if (last && last[1] === j) last[1] = j + 1;
        else ranges.push([j + 1, j + 1]);
      }
      depth += flowDepth(line);
      i = j;
    }
  }
  return ranges.length ? { text: lines.join('\n'), ranges } : undefined;
}
