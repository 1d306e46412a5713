import type { ExtractedReference } from './extract-references.js';

/** The lines a reference is cited on: `lines`, or its one `line`. */
export function citedLines(ref: Pick<ExtractedReference, 'line' | 'lines'>): number[] {
  return ref.lines ?? [ref.line];
}
