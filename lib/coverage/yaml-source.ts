import { createRequire } from 'node:module';
import type { Document, LineCounter, YAMLError } from 'yaml';
import { InputError } from '../errors.js';
import { parseYamlDocument } from '../yaml-value.js';
import { syntaxErrorCause } from '../yaml-syntax-cause.js';

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

/** A yaml parse error as one line without the source excerpt, and its line. */
export function yamlErrorText(error: YAMLError): { message: string; line?: number } {
  const first = error.message.split('\n')[0] ?? error.message;
  return { message: first.replace(/ at line \d+, column \d+:?$/, ''), line: error.linePos?.[0].line };
}

/**
 * YAML text parsed as one document with a line counter, for a reader that reports lines. @throws InputError at the
 * first syntax error (`file:line: not valid YAML: ...; fix the syntax`), or for text nested too deeply.
 */
export function parseYamlSource(text: string, file: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new (yaml().LineCounter)();
  const doc = parseYamlDocument(text, file, { lineCounter });
  const error = doc.errors[0];
  if (error) {
    const { message, line: at } = yamlErrorText(error);
    const column = error.linePos?.[0].col;
    const known = at && column ? syntaxErrorCause(text, message, at, column) : undefined;
    const line = known?.line ?? at;
    throw new InputError(`${file}${line ? `:${line}` : ''}: not valid YAML: ${known?.cause ?? `${message}; fix the syntax`}`, { file, line, cause: error });
  }
  return { doc, lineCounter };
}
