import { InputError } from './errors.js';
import { escapeRegExp } from './escape-reg-exp.js';
import { escapePointer } from './json-value.js';

/**
 * How deep JSON from input may nest. Layers, campaigns and gap reports are under 10 levels; far deeper values
 * overflow the stack of recursive code (JSON.stringify fails at ~4,000 levels, structuredClone at ~3,000).
 */
export const MAX_JSON_DEPTH = 100;

/** A fault of hand-edited JSON that `parseJsonText` repaired when asked to: where it was, and what was done. */
export interface JsonTextRepair {
  line: number;
  column: number;
  repair: string;
  /** A comment's text as written (`// scored by hand`), which a reader keeps rather than lose what the user wrote. */
  removed?: string;
}

/** The repairs made to the text each value was parsed from (`parseJsonText` with `repair`), by the value. */
const textRepairs = new WeakMap<object, readonly JsonTextRepair[]>();

/** The repairs `parseJsonText` made to the text `value` was parsed from: none unless it was asked to repair. */
export function jsonTextRepairs(value: unknown): readonly JsonTextRepair[] {
  return (typeof value === 'object' && value !== null && textRepairs.get(value)) || [];
}

/** Give `to` the text repairs of `from` (a layer of a file of several: the file's repairs go with its first layer). */
export function carryJsonTextRepairs(from: unknown, to: unknown): void {
  const repairs = jsonTextRepairs(from);
  if (repairs.length && typeof to === 'object' && to !== null) textRepairs.set(to, repairs);
}

/**
 * Parse JSON text, and when it is not JSON say where and why: `file: line 3, column 7: invalid JSON: ...`. Values
 * nested deeper than `MAX_JSON_DEPTH` are refused the same way. With `repair`, what hand-edited JSON holds that JSON
 * does not allow but JavaScript and editors do (`//` and `/* *\/` comments, a comma before `]` or `}`) is removed
 * when the text is JSON without it, each removal kept for `jsonTextRepairs` to report.
 * @throws InputError naming the file, line and column.
 */
export function parseJsonText(source: string, file: string, options: { repair?: boolean } = {}): unknown {
  // An empty file is most often one a failed download or command left behind (`curl … > layer.json`): "unexpected
  // end of the file" at line 1, column 1 would send its reader looking for a fault in JSON that is not there.
  if (!/\S/u.test(source)) {
    const what = source === '' ? 'it is empty' : 'it holds only blank space';
    throw new InputError(`${file}: no JSON in it: ${what}; give the whole file (a download, or a command's output sent to it, that failed leaves it empty)`, { file, line: 1 });
  }
  let value: unknown;
  try {
    value = JSON.parse(source) as unknown;
  } catch (error) {
    const extras = options.repair ? blankJsonExtras(source) : undefined;
    const text = extras?.text ?? source;
    try {
      if (!extras) throw error;
      value = JSON.parse(text) as unknown;
    } catch {
      // V8's messages give no position for some errors (Node 20), so find the place with a small scanner. The text
      // without comments and extra commas keeps every line and column: the place is that of a fault left.
      const { offset, reason } = jsonSyntaxError(text);
      throw positionError(source, file, offset, `invalid JSON: ${reason}${endsCut(text, offset) ? CUT_ADVICE : ''}`, error);
    }
    if (typeof value === 'object' && value !== null) {
      textRepairs.set(value, extras.repairs.map(({ offset, ...rest }) => ({ ...lineAndColumn(source, offset), ...rest })));
    }
  }
  if (typeof value === 'object' && value !== null) {
    const deep = tooDeepAt(source);
    if (deep !== undefined) throw positionError(source, file, deep, `JSON nested deeper than ${MAX_JSON_DEPTH} levels; no file of this kind nests so deep`);
  }
  return value;
}

/** What a JSON fault at the end of the text says: the most common cause is a download or copy that stopped. */
const CUT_ADVICE = '; the file ends there: give the whole file if it was cut short (a download or copy that stopped)';

/**
 * Whether the fault at `offset` is the end of the text: nothing but blank space follows it, or it opens a string that
 * no quote closes (a layer cut in the middle of a comment).
 */
function endsCut(text: string, offset: number): boolean {
  return !/\S/.test(text.slice(offset)) || (text[offset] === '"' && !text.includes('"', offset + 1));
}

/**
 * Where and why text that `JSON.parse` refused is not JSON: the line and column (1-based) and the reason, as
 * `parseJsonText` says them (V8's own messages give no position for some errors).
 */
export function jsonSyntaxPlace(text: string): { line: number; column: number; reason: string } {
  const { offset, reason } = jsonSyntaxError(text);
  return { ...lineAndColumn(text, offset), reason };
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = source.indexOf('\n'); at !== -1 && at < offset; at = source.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function positionError(source: string, file: string, offset: number, message: string, cause?: unknown): InputError {
  const { line, column } = lineAndColumn(source, offset);
  return new InputError(`${file}: line ${line}, column ${column}: ${message}`, { file, line, column, cause });
}

/**
 * `text` with its comments (`//` to the end of the line, `/* … *\/`) and each comma before a `]` or `}` replaced by
 * spaces (the line breaks in a comment kept), so that every other character keeps its line and column; undefined when
 * it holds none, or an unterminated comment. Outside strings only.
 */
function blankJsonExtras(text: string): { text: string; repairs: { offset: number; repair: string; removed?: string }[] } | undefined {
  const chars = text.split('');
  const repairs: { offset: number; repair: string; removed?: string }[] = [];
  const blank = (from: number, to: number) => {
    for (let at = from; at < to; at++) if (chars[at] !== '\n' && chars[at] !== '\r') chars[at] = ' ';
  };
  const commas: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
    } else if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const to = end === -1 ? text.length : end;
      repairs.push({ offset: i, repair: 'a // comment removed (JSON has no comments)', removed: text.slice(i, to) });
      blank(i, to);
      i = to - 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      repairs.push({ offset: i, repair: 'a /* */ comment removed (JSON has no comments)', removed: text.slice(i, end + 2) });
      blank(i, end + 2);
      i = end + 1;
    } else if (c === ',') commas.push(i);
  }
  for (const comma of commas) {
    let next = comma + 1;
    while (next < chars.length && /\s/.test(chars[next]!)) next++;
    if (chars[next] === ']' || chars[next] === '}') {
      repairs.push({ offset: comma, repair: `a comma before "${chars[next]}" removed (JSON allows none after the last item)` });
      blank(comma, comma + 1);
    }
  }
  if (!repairs.length) return undefined;
  repairs.sort((a, b) => a.offset - b.offset);
  return { text: chars.join(''), repairs };
}

/** The offset of the first bracket that opens a level deeper than `MAX_JSON_DEPTH` in valid JSON text, if any. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip a string: to the next quote that no backslash escapes.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return undefined;
}

/** Where and why `text` is not JSON (RFC 8259); only called once JSON.parse has failed. No recursion: any depth. */
function jsonSyntaxError(text: string): { offset: number; reason: string } {
  let i = 0;
  class Stop {
    constructor(readonly reason: string) {}
  }
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const unexpected = (expected: string) =>
    new Stop(i >= text.length ? `unexpected end of the file (expected ${expected})` : `unexpected ${JSON.stringify(text[i])} (expected ${expected})`);
  const match = (pattern: RegExp) => {
    pattern.lastIndex = i;
    const found = pattern.exec(text);
    if (found) i += found[0].length;
    return found !== null;
  };
  const string = () => {
    if (!match(/"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y)) throw new Stop('unterminated string, or a control character or bad escape in it');
  };
  // The containers open around the current place, innermost last.
  const open: ('{' | '[')[] = [];
  const member = () => {
    skipSpace();
    if (text[i] !== '"') throw unexpected('a "quoted" field name');
    string();
    skipSpace();
    if (text[i] !== ':') throw unexpected("':'");
    i++;
  };
  try {
    for (;;) {
      // A value is expected here.
      skipSpace();
      const c = text[i];
      if (c === '{' || c === '[') {
        i++;
        skipSpace();
        const close = c === '{' ? '}' : ']';
        if (text[i] !== close) {
          open.push(c);
          if (c === '{') member();
          continue;
        }
        i++;
      } else if (c === '"') string();
      else if (!match(/-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null/y)) throw unexpected('a value');
      // After a value: a comma for the next one, or the end of containers.
      for (;;) {
        const container = open.at(-1);
        if (!container) {
          skipSpace();
          if (i < text.length) throw unexpected('nothing after the JSON value');
          return { offset: i, reason: 'not valid JSON' };
        }
        skipSpace();
        const close = container === '{' ? '}' : ']';
        if (text[i] === ',') {
          i++;
          if (container === '{') member();
          break;
        }
        if (text[i] !== close) throw unexpected(`',' or '${close}'`);
        i++;
        open.pop();
      }
    }
  } catch (stop) {
    if (stop instanceof Stop) return { offset: i, reason: stop.reason };
    throw stop;
  }
}

/**
 * The line (1-based) where a JSON text writes `key` with the text `value` on one line (`"displayName": "Spray"`), for
 * readers of exports whose parsed value keeps no lines; undefined when no line does. A value is matched as JSON reads
 * it, however the file escapes it (Python's json.dumps writes `\u2019` for `’`), and a value written on several lines
 * (two rules of one name) gives each call the next of them, in the order of the text. The lines are found once, so a
 * catalog of thousands of rules (Sumo Logic's audit/rules.json, 3.5 MB) is read in one pass.
 */
export function jsonValueLines(text: string, key: string): (value: string) => number | undefined {
  const written = new Map<string, number[]>();
  const pair = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`, 'g');
  text.split('\n').forEach((line, index) => {
    for (const [, quoted] of line.matchAll(pair)) {
      const value = JSON.parse(quoted!) as string;
      const lines = written.get(value);
      if (lines) lines.push(index + 1);
      else written.set(value, [index + 1]);
    }
  });
  const given = new Map<string, number>();
  return (value) => {
    const lines = written.get(value);
    if (!lines) return undefined;
    const count = given.get(value) ?? 0;
    given.set(value, count + 1);
    return lines[Math.min(count, lines.length - 1)];
  };
}

/**
 * The line (1-based) where valid JSON text writes each string value, by its JSON pointer (`/Event/Tag/0/name`), for
 * readers that cite a value the text may write in several places: a value's line is that of its own place, whatever
 * order the reader visits them in (`jsonValueLines` gives a value's lines in the text's order). One pass, no recursion.
 */
export function jsonStringLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  // The containers open around the current place, innermost last: an object's current key, an array's current index.
  const open: Array<{ key?: string; index?: number }> = [];
  let line = 1;
  let expectKey = false;
  const pointer = (): string => open.map((each) => `/${each.index ?? escapePointer(each.key ?? '')}`).join('');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      const value = text.slice(start, i + 1);
      const inner = open.at(-1);
      if (expectKey && inner) {
        inner.key = JSON.parse(value) as string;
        expectKey = false;
      } else lines.set(pointer(), line);
    } else if (c === '{') {
      open.push({});
      expectKey = true;
    } else if (c === '[') {
      open.push({ index: 0 });
      expectKey = false;
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
    } else if (c === ',') {
      const inner = open.at(-1);
      if (inner?.index !== undefined) inner.index++;
      else expectKey = true;
    }
  }
  return lines;
}
