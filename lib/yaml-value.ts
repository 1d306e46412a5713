import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { InputError, type Issue } from './errors.js';
import { escapePointer } from './json-value.js';

// yaml costs tens of milliseconds to load; it is loaded when a YAML document is read.
const require = createRequire(import.meta.url);
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');

/**
 * Parse YAML text into a document (the `yaml` package's document API, its errors in `doc.errors`). Text nested so
 * deeply that the package's recursive parser runs out of stack (20 KB of `a: a: a: ...` on one line will) is an
 * InputError, not a crash. A carriage return alone ends a line, as YAML 1.2 says (§5.4, b-break; classic Mac OS
 * editors end lines so), though the package reads only LF and CRLF: it is read as LF, which keeps every offset.
 * @throws InputError naming the file.
 */
export function parseYamlDocument(text: string, file: string, options: Parameters<typeof import('yaml').parseDocument>[1] = {}): Document.Parsed {
  try {
    const Y = yaml();
    const doc = Y.parseDocument(text.replace(/\r(?!\n)/g, '\n'), options);
    // An alias of an anchor set nowhere above (`actor: *APT32`, a value not quoted) is an error of the text, as
    // js-yaml and PyYAML say, rather than one of reading the value later.
    if (!doc.errors.length) {
      Y.visit(doc, {
        Alias(_key, node) {
          const start = node.range?.[0];
          if (start !== undefined && node.resolve(doc) === undefined) doc.errors.push(new Y.YAMLParseError([start, start + 1], 'BAD_ALIAS', `unidentified alias "${node.source}"`));
        },
      });
    }
    return doc;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InputError(`${file}: not valid YAML: it nests too deeply to be read (${error.message}); fix the structure`, { file, cause: error });
  }
}

/** More alias expansions than this is treated as a billion-laughs attack, not a file someone wrote. */
export const MAX_ALIAS_COUNT = 100;

const lineAt = (lineCounter: LineCounter, node: unknown): number | undefined => {
  const start = (node as { range?: readonly number[] } | null | undefined)?.range?.[0];
  return start === undefined ? undefined : lineCounter.linePos(start).line;
};

/**
 * The plain JavaScript value of a parsed YAML document (campaigns, detections files), refusing alias bombs (more than
 * `MAX_ALIAS_COUNT` alias expansions) and aliases to a node that contains them, with the file and line.
 * @throws InputError naming the file and the line of the alias.
 */
export function yamlDocumentValue(doc: Document, lineCounter: LineCounter, file: string): unknown {
  const Y = yaml();
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let line: number | undefined;
    Y.visit(doc, {
      Alias(_key, node) {
        line = lineAt(lineCounter, node);
        return Y.visit.BREAK;
      },
    });
    throw new InputError(
      `${file}: ${line ? `line ${line}: ` : ''}refused: the YAML aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies, ` +
        `which looks like an alias bomb; write the values out instead (${error.message})`,
      { file, line, cause: error },
    );
  }
  const cycle = findCycle(value);
  if (cycle) {
    const line = lineAt(lineCounter, doc.getIn(cycle, true));
    throw new InputError(
      `${file}: ${line ? `line ${line}: ` : ''}refused: a YAML alias at /${cycle.join('/')} refers to a node that contains it; write the value out instead`,
      { file, line },
    );
  }
  return value;
}

/** The path of the first value that contains itself (an alias to its own ancestor), if any. Iterative: any depth. */
function findCycle(root: unknown): (string | number)[] | undefined {
  type Frame = { value: object; path: (string | number)[]; entries: [string | number, unknown][]; next: number };
  const frame = (value: object, path: (string | number)[]): Frame => ({
    value,
    path,
    entries: Array.isArray(value) ? value.map((v, i): [number, unknown] => [i, v]) : Object.entries(value),
    next: 0,
  });
  if (typeof root !== 'object' || root === null) return undefined;
  const open = new Set<object>([root]);
  const stack: Frame[] = [frame(root, [])];
  while (stack.length) {
    const top = stack.at(-1)!;
    const entry = top.entries[top.next++];
    if (!entry) {
      open.delete(top.value);
      stack.pop();
      continue;
    }
    const [key, child] = entry;
    if (typeof child !== 'object' || child === null) continue;
    if (open.has(child)) return [...top.path, key];
    open.add(child);
    stack.push(frame(child, [...top.path, key]));
  }
  return undefined;
}

/**
 * Each key of a mapping that an earlier key of the same mapping already gave, at its line and column, with its JSON
 * path: `duplicate key "x" (first given on line 7); give each field once`, then `more(key)` where the reader has more
 * to say of that key. Aliases are not followed: an aliased mapping is checked where its anchor is.
 */
export function duplicateKeyIssues(doc: Document, lineCounter: LineCounter, more: (key: string) => string = () => ''): Issue[] {
  const Y = yaml();
  const placeOf = (node: unknown) => {
    const start = (node as { range?: readonly number[] } | null | undefined)?.range?.[0];
    return start === undefined ? undefined : lineCounter.linePos(start);
  };
  const issues: Issue[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Y.isMap(node)) {
      const seen = new Map<string, number | undefined>();
      for (const pair of node.items) {
        const key = Y.isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const childPath = `${path}/${escapePointer(key)}`;
        if (seen.has(key)) {
          const place = placeOf(pair.key);
          const first = seen.get(key);
          issues.push({
            path: childPath,
            ...(place ? { line: place.line, column: place.col } : {}),
            message: `duplicate key "${key}"${first ? ` (first given on line ${first})` : ''}; give each field once${more(key)}`,
          });
        } else seen.set(key, placeOf(pair.key)?.line);
        walk(pair.value, childPath);
      }
    } else if (Y.isSeq(node)) node.items.forEach((item, index) => walk(item, `${path}/${index}`));
  };
  walk(doc.contents, '');
  return issues;
}
