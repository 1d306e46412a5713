import type { Resolution } from '../normalize/normalize-types.js';
import { resolveReference, type ResolveContext } from '../normalize/resolve-reference.js';
import { foldLines } from '../normalize/tokenize-references.js';
import { referencesInLines, type ExtractedReference } from './extract-references.js';
import { objectsInLines, type FoundAttackObject } from './find-attack-objects.js';

/** A reference found in a report, with what it resolves to when ATT&CK data is at hand. */
export interface ReportReference extends ExtractedReference {
  resolution?: Pick<Resolution, 'status' | 'ids' | 'note' | 'candidates' | 'warnings' | 'trail'>;
}

/** What a report holds: its technique references and the groups, software and campaigns it names. */
export interface ExtractedReport {
  references: ReportReference[];
  objects: FoundAttackObject[];
}

/**
 * Read a report's text: the technique references (`extractReferences`), and, with a release to resolve against, each
 * reference's resolution and the ATT&CK groups, software and campaigns it names (`findAttackObjects`). Pure.
 */
export function extractReport(text: string, context?: ResolveContext): ExtractedReport {
  // Both readers work on the same folded lines: the text is split and folded once.
  const lines = foldLines(text);
  const references = referencesInLines(lines);
  if (!context) return { references, objects: [] };
  return {
    references: references.map((ref) => {
      const { status, ids, note, candidates, warnings, trail } = resolveReference({ raw: ref.raw, tactics: ref.tactics }, context);
      return { ...ref, resolution: { status, ids, note, candidates, warnings, trail } };
    }),
    objects: objectsInLines(lines, context.target),
  };
}
