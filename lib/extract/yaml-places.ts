import type { Document, Node } from 'yaml';
import { createRequire } from 'node:module';
import { InvalidYamlError } from '../errors.js';
import { parseYamlDocument } from '../yaml-value.js';
import { yamlSyntaxIssues, yamlTextErrors } from '../yaml-syntax-issues.js';

// yaml costs tens of milliseconds to load; it is loaded when a structured YAML input (a DeTT&CT group file, an emulation plan) is read.
const require = createRequire(import.meta.url);

/** A YAML document read for its nodes and where they are written, as the readers of structured YAML inputs use it. */
export interface PlacedYaml {
  /** The yaml package, for its node guards (`isMap`, `isSeq`, `isScalar`). */
  Y: typeof import('yaml');
  doc: Document.Parsed;
  /** Where a node starts: 1-based line and column (line 1, column 1 for a node of no place). */
  at: (node: unknown) => { line: number; col: number };
  /** A scalar node's text or number as text, trimmed; undefined for an empty one or any other node. */
  text: (node: unknown) => string | undefined;
}

/**
 * Parse a structured input's YAML for its nodes and their places (`what` names the input in messages: `DeTT&CT group
 * file`). Pure.
 * @throws InvalidYamlError naming the file, line and column of each syntax error.
 */
export function readPlacedYaml(source: string, file: string, what: string): PlacedYaml {
  const Y = require('yaml') as typeof import('yaml');
  const lineCounter = new Y.LineCounter();
  const doc = parseYamlDocument(source, file, { lineCounter });
  if (doc.errors.length) throw new InvalidYamlError(file, what, yamlSyntaxIssues(source, yamlTextErrors).issues);
  const at = (node: unknown): { line: number; col: number } => lineCounter.linePos((node as Node | undefined)?.range?.[0] ?? 0);
  const text = (node: unknown): string | undefined => {
    const value = Y.isScalar(node) ? node.value : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
  };
  return { Y, doc, at, text };
}
