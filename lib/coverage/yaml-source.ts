import { createRequire } from 'node:module';
import type { LineCounter, YAMLError } from 'yaml';

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
