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
import { indentOf } from '../yaml-syntax-cause.js';
import { yamlTextErrors, type YamlErrors } from '../yaml-syntax-issues.js';

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

/**
 * A text's syntax error as js-yaml's events parser reports it (the first only: it stops there), none when it parses:
 * the parse that yamlSyntaxIssues mends again and again, so that a reader that reads with js-yaml lists every error of
 * a file as the `yaml` package's readers do. Text nested too deeply to parse is said to have no more errors.
 */
export function jsYamlErrors(text: string): YamlErrors {
  try {
    parseYamlDocuments(text, 0);
    return { errors: [] };
  } catch (error) {
    if (error instanceof RangeError) return { errors: [] };
    if (!(error instanceof YamlSyntaxError)) throw error;
    return { errors: [{ reason: error.reason, line: error.line, column: error.column }], other: () => yamlTextErrors(text) };
  }
}

const NULL_WORDS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);

/** A key given again in one mapping: where, and the line the mapping first gave it on. */
export interface DuplicateKey {
  key: string;
  line: number;
  column: number;
  firstLine: number;
}

/**
 * Parse every document of a YAML text; each is its top node (null for an empty document), built `depth` levels deep
 * (1: the top node's own scalars only). A key given twice in one mapping is a syntax error, unless `duplicates` is
 * given: each is then pushed there and the mapping keeps the last value, as PyYAML reads it.
 * @throws YamlSyntaxError at the first syntax error (or duplicate key, without `duplicates`).
 */
export function parseYamlDocuments(text: string, depth: number, duplicates?: DuplicateKey[]): (YamlNode | null)[] {
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
    /** Each key so far, with where it starts. */
    keys?: Map<string, number>;
    expectKey: boolean;
    key: string | null;
    isKey: boolean;
  }
  const docs: (YamlNode | null)[] = [];
  const stack: Open[] = [];
  let doc: YamlNode | null = null;
  // The anchors (`&name`) set so far in the document: an alias to none is an error, as js-yaml's load and PyYAML say
  // (`Image|endswith: *\certutil.exe`, a wildcard not quoted, reads as an alias), not a value silently missing.
  let anchors = new Set<string>();
  const anchorOf = (event: { anchorStart: number; anchorEnd: number }): string | undefined => (event.anchorStart < 0 ? undefined : text.slice(event.anchorStart, event.anchorEnd));
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
      anchors = new Set();
    } else if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      const anchor = anchorOf(event);
      if (anchor !== undefined) anchors.add(anchor);
      const parent = stack[stack.length - 1];
      const isKey = parent?.keys !== undefined && parent.expectKey;
      let node: YamlSeq | YamlMap | undefined;
      if (stack.length < depth && !isKey) {
        node = event.type === EVENT_ID.SEQUENCE ? { kind: 'seq', start: event.start, items: [] } : { kind: 'map', start: event.start, pairs: new Map() };
      }
      if (!isKey) place(node ?? { kind: 'deep', start: event.start });
      stack.push({ node, expectKey: true, key: null, isKey, ...(event.type === EVENT_ID.MAPPING ? { keys: new Map<string, number>() } : {}) });
    } else if (event.type === EVENT_ID.SCALAR || event.type === EVENT_ID.ALIAS) {
      const anchor = anchorOf(event);
      if (event.type === EVENT_ID.ALIAS && !anchors.has(anchor ?? '')) {
        const at = lineColumn(text, event.anchorStart - 1);
        throw new YamlSyntaxError(`unidentified alias "${anchor ?? ''}"`, at.line, at.column);
      }
      if (event.type === EVENT_ID.SCALAR && anchor !== undefined) anchors.add(anchor);
      const parent = stack[stack.length - 1];
      const node: YamlNode = event.type === EVENT_ID.SCALAR ? scalar(event) : { kind: 'alias', start: event.anchorStart };
      if (parent?.keys && parent.expectKey) {
        // A mapping key: a duplicate is an error, as in every YAML 1.2 loader; its value comes next.
        const key = node.kind === 'scalar' ? (node.text ?? '') : null;
        const first = key === null ? undefined : parent.keys.get(key);
        if (first !== undefined) {
          const at = lineColumn(text, node.start);
          if (!duplicates) throw new YamlSyntaxError(`duplicated mapping key "${key}"`, at.line, at.column);
          duplicates.push({ key: key!, ...at, firstLine: lineColumn(text, first).line });
        } else if (key !== null) parent.keys.set(key, node.start);
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

  /** The 1-based line and column of an offset (a node's start), as a problem's place. */
  place(offset: number): { line: number; column: number } {
    const line = this.line(offset);
    return { line, column: offset - this.starts![line - 1]! + 1 };
  }

  /** The comment after a node on its line (`status: deprecated # reason` -> `reason`), if any. */
  trailingComment(end: number): string | undefined {
    const lineEnd = this.text.indexOf('\n', end);
    const rest = this.text.slice(end, lineEnd === -1 ? undefined : lineEnd);
    return /^[ \t]+#[ \t]*(.*?)\s*$/.exec(rest)?.[1];
  }
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
