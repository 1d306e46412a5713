import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Issue } from './errors.js';
import { packageFileUrl } from './package-files.js';

// ajv costs ~100 ms to load; commands that validate nothing (`technique`) should not pay for it, so it is
// required on first use rather than imported at start-up.
const require = createRequire(import.meta.url);

/** The JSON Schemas shipped in `schemas/`, by file stem. */
export type SchemaName = 'campaign' | 'layer-4.5' | 'detections' | 'log-sources' | 'gap-report';

const validators = new Map<SchemaName, ValidateFunction>();
let ajvInstance: import('ajv').default | undefined;

function ajv(): import('ajv').default {
  if (!ajvInstance) {
    const Ajv = require('ajv/dist/2020.js') as typeof import('ajv').default;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    ajvInstance = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajvInstance);
  }
  return ajvInstance;
}

/** The URL of a schema file shipped in `schemas/`. */
export function schemaUrl(name: SchemaName): URL {
  return packageFileUrl(`schemas/${name}.schema.json`);
}

/** The compiled validator of a shipped schema (compiled once). */
export function validator(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv().compile(JSON.parse(readFileSync(schemaUrl(name), 'utf8')));
    validators.set(name, validate);
  }
  return validate;
}

/** Validate a value against a shipped schema; every problem comes back as `{ path, message }`, none means valid. */
export function schemaIssues(name: SchemaName, value: unknown): Issue[] {
  const validate = validator(name);
  return validate(value) ? [] : (validate.errors ?? []).map(toIssue);
}

/** Turn one ajv error into a readable `{ path, message }`. */
export function toIssue(error: ErrorObject): Issue {
  const params = error.params as Record<string, unknown>;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') message = `unknown field "${String(params['additionalProperty'])}"`;
  else if (error.keyword === 'enum') message = `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  else if (error.keyword === 'required') message = `missing required field "${String(params['missingProperty'])}"`;
  else if (error.keyword === 'type' && String(params['type']).includes(',')) message = `must be ${String(params['type']).split(',').map(typeWords).join(' or ')}`;
  return { path: error.instancePath || '/', message };
}

// What each JSON Schema type is called in a message to the person who wrote the file (ajv says `string,array`).
const TYPE_WORDS: Readonly<Record<string, string>> = { string: 'text', array: 'a list', number: 'a number', integer: 'a whole number', object: 'a mapping', boolean: 'true or false', null: 'null' };
const typeWords = (type: string): string => TYPE_WORDS[type] ?? type;

/**
 * The fields of each kind of mapping a shipped schema describes (every `properties` in it), for a reader to name a
 * field written one space out, or without its ":", among the fields of its own format.
 */
export function schemaFieldLists(name: SchemaName): string[][] {
  const lists: string[][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const { properties } = node as { properties?: unknown };
      if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) lists.push(Object.keys(properties));
      Object.values(node).forEach(walk);
    }
  };
  walk(JSON.parse(readFileSync(schemaUrl(name), 'utf8')));
  return lists;
}
