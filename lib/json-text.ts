import { InputError } from './errors.js';

/**
 * Parse JSON text, and when it is not JSON say where and why: `file: line 3, column 7: invalid JSON: ...`.
 * @throws InputError naming the file, line and column.
 */
export function parseJsonText(source: string, file: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    // V8's messages give no position for some errors (Node 20), so find the place with a small scanner.
    const { offset, reason } = jsonSyntaxError(source);
    const before = source.slice(0, offset).split('\n');
    const line = before.length;
    const column = (before.at(-1)?.length ?? 0) + 1;
    throw new InputError(`${file}: line ${line}, column ${column}: invalid JSON: ${reason}`, { file, line, cause: error });
  }
}

/** Where and why `text` is not JSON (RFC 8259); only called once JSON.parse has failed. */
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
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          skipSpace();
          if (text[i] !== '"') throw unexpected('a "quoted" field name');
          string();
          skipSpace();
          if (text[i] !== ':') throw unexpected("':'");
          i++;
        }
        value();
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === close) return void i++;
        throw unexpected(`',' or '${close}'`);
      }
    }
    if (c === '"') return string();
    if (match(/-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null/y)) return;
    throw unexpected('a value');
  };
  try {
    value();
    skipSpace();
    if (i < text.length) throw unexpected('nothing after the JSON value');
  } catch (stop) {
    if (stop instanceof Stop) return { offset: i, reason: stop.reason };
    throw stop;
  }
  return { offset: i, reason: 'not valid JSON' };
}
