/**
 * What a report says of a reference's use apart from the reference itself (a table's Use cell, an Attack Flow action's
 * description, a STIX `uses` relationship's), kept as its parts from where it is read to where it is written, so that
 * no writer reads them back out of a text.
 */
export interface ReportEvidence {
  /** The text as the input writes it, its lines joined. */
  text: string;
  /** 1-based line of the input the text stands on; absent for a bundle's relationship when its place is unknown. */
  line?: number;
  /** Of a bundle's relationship, the actor whose use it tells when that is not the chosen one (`campaign SolarWinds Compromise (C0024)`). */
  by?: string;
}

/**
 * One evidence as one line, as `extract --json` writes it: its place, then its text in JSON quotes (`line 3: "the
 * cell"`, `line 12482, campaign SolarWinds Compromise (C0024): "…"`), or the quoted text alone when it has no place.
 * `cited`: lines the reader already names (an item's `source:`), left out of the place.
 */
export function evidenceLine(evidence: ReportEvidence, cited: ReadonlySet<number> = new Set()): string {
  const place = [...(evidence.line === undefined || cited.has(evidence.line) ? [] : [`line ${evidence.line}`]), ...(evidence.by ? [evidence.by] : [])].join(', ');
  return `${place ? `${place}: ` : ''}${JSON.stringify(evidence.text)}`;
}

/** The evidence of `earlier` and `later`, each once (the same text at the same place is one), in the order met. */
export function joinedEvidence(earlier: readonly ReportEvidence[], later: readonly ReportEvidence[]): ReportEvidence[] {
  const byLine = new Map<string, ReportEvidence>();
  for (const evidence of [...earlier, ...later]) if (!byLine.has(evidenceLine(evidence))) byLine.set(evidenceLine(evidence), evidence);
  return [...byLine.values()];
}

/** References as `extract --json` writes them: each evidence as one line (`evidenceLine`), in its place among the fields. */
export function withEvidenceLines<T extends { evidence?: readonly ReportEvidence[] }>(references: readonly T[]): Array<Omit<T, 'evidence'> & { evidence?: string[] }> {
  return references.map((ref) => {
    const { evidence, ...rest } = ref;
    // The spread keeps `evidence` where the reference has it, among its fields in their documented order.
    return evidence ? { ...ref, evidence: evidence.map((said) => evidenceLine(said)) } : rest;
  });
}
