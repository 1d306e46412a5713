/** Where a pattern's source is read: the source and the place reached. */
interface Reader {
  source: string;
  at: number;
}

// Escapes of one literal character; any other escape (`\w`, `\s`, `\d`, `\B`) is a class or an assertion.
const LITERAL_ESCAPES = new Set('.\\$%/-()[]{}|?*+^&#@!:;,\'" '.split(''));

/**
 * The characters (ASCII, lower case) a match of a pattern can begin with, where its source says them plainly: literal
 * characters, `\.`-style escapes, classes of letters and groups of alternatives, after `\b` and through optional atoms
 * (`(?:crypto-?)?miner`). Undefined when it cannot tell (`\w`, `.`, a look-around, a non-ASCII character, the `u` or
 * `v` flag, whose case folding reaches beyond ASCII), so that a caller tries such a pattern everywhere.
 */
export function firstCharacters(pattern: RegExp): Set<string> | undefined {
  if (/[uv]/.test(pattern.flags)) return undefined;
  const reader = { source: pattern.source, at: 0 };
  const chars = alternatives(reader);
  return chars && reader.at === reader.source.length ? chars : undefined;
}

/** The first characters of alternatives separated by `|`, up to a `)` or the end (the reader stops there). */
function alternatives(reader: Reader): Set<string> | undefined {
  let all: Set<string> | undefined = new Set();
  for (;;) {
    const chars = sequence(reader);
    all = all && chars ? new Set([...all, ...chars]) : undefined;
    if (reader.source[reader.at] !== '|') return all;
    reader.at++;
  }
}

/** The first characters of one alternative: its first atom's, and the next one's while that atom may be left out. */
function sequence(reader: Reader): Set<string> | undefined {
  const { source } = reader;
  let chars: Set<string> | undefined = new Set();
  for (;;) {
    if (source.startsWith('\\b', reader.at)) {
      reader.at += 2;
      continue;
    }
    if (reader.at >= source.length || source[reader.at] === '|' || source[reader.at] === ')') {
      // The alternative may match nothing: it can begin with anything that follows it.
      skipRest(reader);
      return undefined;
    }
    const atom = atomCharacters(reader);
    chars = chars && atom ? new Set([...chars, ...atom]) : undefined;
    const optional = /^(?:[?*]|\{0[,}])/.test(source.slice(reader.at, reader.at + 3));
    skipQuantifier(reader);
    if (!optional) {
      skipRest(reader);
      return chars;
    }
  }
}

/** The first characters of the atom at the reader, which is read past. */
function atomCharacters(reader: Reader): Set<string> | undefined {
  const { source } = reader;
  const c = source[reader.at]!;
  if (c === '\\') {
    const next = source[reader.at + 1] ?? '';
    reader.at += 2;
    return LITERAL_ESCAPES.has(next) ? lowered([next]) : undefined;
  }
  if (c === '(') {
    const group = source.startsWith('(?:', reader.at);
    reader.at += group ? 3 : 1;
    // A look-around or a named group: not read.
    const chars = group || source[reader.at] !== '?' ? alternatives(reader) : undefined;
    skipRest(reader);
    reader.at++;
    return chars;
  }
  if (c === '[') return classCharacters(reader);
  reader.at++;
  return c === '.' || c === '^' || c === '$' ? undefined : lowered([c]);
}

/** The characters of a class (`[a-z]`, `[aä]`); undefined for a negated class or one with an escape. */
function classCharacters(reader: Reader): Set<string> | undefined {
  const end = classEnd(reader.source, reader.at);
  const body = reader.source.slice(reader.at + 1, end);
  reader.at = end + 1;
  if (body.startsWith('^') || body.includes('\\')) return undefined;
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let code = body.charCodeAt(i); code <= body.charCodeAt(i + 2); code++) chars.push(String.fromCharCode(code));
      i += 2;
    } else chars.push(body[i]!);
  }
  return lowered(chars);
}

/** Characters in lower case; undefined when one is not ASCII. */
function lowered(chars: readonly string[]): Set<string> | undefined {
  return chars.every((c) => c.charCodeAt(0) < 128) ? new Set(chars.map((c) => c.toLowerCase())) : undefined;
}

function skipQuantifier(reader: Reader): void {
  const quantifier = /^(?:[?*+]|\{\d*,?\d*\})\??/.exec(reader.source.slice(reader.at));
  if (quantifier) reader.at += quantifier[0].length;
}

/** Read past the rest of an alternative: to the next `|` or `)` at its own depth, or the end. */
function skipRest(reader: Reader): void {
  const { source } = reader;
  let depth = 0;
  for (; reader.at < source.length; reader.at++) {
    const c = source[reader.at]!;
    if (c === '\\') reader.at++;
    else if (c === '[') reader.at = classEnd(source, reader.at);
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return;
    else if (c === '|' && depth === 0) return;
  }
}

/** Where the class opened at `open` closes (its `]`, not an escaped one), or the source's end. */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return Math.min(i, source.length);
}
