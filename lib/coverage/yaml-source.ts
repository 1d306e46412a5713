import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { InvalidYamlError, moreErrors, type Issue } from '../errors.js';
import { duplicateKeyIssues, parseYamlDocument } from '../yaml-value.js';
import { yamlPackageErrors, yamlSyntaxIssues } from '../yaml-syntax-issues.js';

// yaml costs ~40 ms to load and only the coverage commands need it, so it is required on first use.
const require = createRequire(import.meta.url);
let yamlModule: typeof import('yaml') | undefined;

/** The `yaml` package, loaded on first use. */
export function yaml(): typeof import('yaml') {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
}

/** The 1-based line of a node's start, when the node has a range. */
export function lineOf(lineCounter: LineCounter, node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] } | null | undefined)?.range;
  return range?.[0] === undefined ? undefined : lineCounter.linePos(range[0]).line;
}

/**
 * YAML text parsed as one document with a line counter, for a reader that reports lines. `what` the file should be
 * (`detections file`), `keys` the fields of each kind of mapping of its format. A key given twice in one mapping is
 * no syntax error here: each is returned in `duplicates` (its JSON path, place and what to do), for the reader to
 * leave out only the entry that holds it; the document keeps the last value, as PyYAML reads it for DeTT&CT.
 * @throws InvalidYamlError listing every syntax error a person can act on at its line and column (yamlSyntaxIssues),
 * its message naming the first as `file:line: not valid YAML: …`; InputError for text nested too deeply.
 */
export function parseYamlSource(
  text: string,
  file: string,
  what: string,
  keys: readonly (readonly string[])[] = [],
): { doc: Document.Parsed; lineCounter: LineCounter; duplicates: Issue[] } {
  const parse = (source: string) => {
    const lineCounter = new (yaml().LineCounter)();
    return { doc: parseYamlDocument(source, file, { lineCounter, uniqueKeys: false }), lineCounter };
  };
  const { doc, lineCounter } = parse(text);
  if (doc.errors.length) {
    const again = (source: string) => {
      const parsed = source === text ? { doc, lineCounter } : parse(source);
      return yamlPackageErrors(parsed.doc.errors, parsed.lineCounter);
    };
    throw coverageYamlError(file, what, yamlSyntaxIssues(text, again, { keys, prefix: NOT_VALID, parserWords: (reason) => `${reason}; fix the syntax` }).issues);
  }
  return { doc, lineCounter, duplicates: duplicateKeyIssues(doc, lineCounter) };
}

/** What each syntax error of a coverage input starts with. */
export const NOT_VALID = 'not valid YAML';

/**
 * The error of a coverage input that is not valid YAML: every issue listed (the CLI shows each at file:line:column),
 * the message naming the first as these readers always have, `file:line: not valid YAML: …`.
 */
export function coverageYamlError(file: string, what: string, issues: readonly Issue[]): InvalidYamlError {
  const [first] = issues;
  return new InvalidYamlError(file, what, issues, `${file}${first?.line ? `:${first.line}` : ''}: ${first?.message ?? NOT_VALID}${moreErrors(issues)}`);
}
