import type { ReportEvidence } from './report-evidence.js';
import type { ExtractedReference } from './extract-references.js';

/** A technique a structured input names at a place: a step of an emulation plan, an entry of a TTP list. */
export interface PlacedTechnique {
  /** The technique as written: its ID, else its name. */
  written: string;
  /** Its canonical ATT&CK ID, when `written` is one. */
  id?: string;
  line: number;
  col: number;
  tactics: string[];
  evidence: ReportEvidence[];
  /** Where it is named, as the reference's `from` says it. */
  from: string;
}

/**
 * Add a technique named at a place to the references by `key`: a new reference, or, for a technique named before, its
 * line, place, tactics and evidence added to the one already there (one reference citing every place).
 */
export function addPlacedReference(references: Map<string, ExtractedReference>, key: string, placed: PlacedTechnique): void {
  const { written, id, line, col, tactics, evidence, from } = placed;
  const seen = references.get(key);
  if (seen) {
    seen.lines = [...new Set([...(seen.lines ?? [seen.line]), line])].sort((a, b) => a - b);
    seen.from = [...(seen.from ?? []), from];
    seen.tactics = [...new Set([...seen.tactics, ...tactics])];
    if (evidence.length) seen.evidence = [...(seen.evidence ?? []), ...evidence];
    return;
  }
  references.set(key, {
    raw: written,
    line,
    ids: id ? [id] : [],
    ...(id ? {} : { name: written }),
    tactics,
    span: { line, start: col - 1, end: col - 1 + written.length },
    ...(evidence.length ? { evidence } : {}),
    from: [from],
  });
}
