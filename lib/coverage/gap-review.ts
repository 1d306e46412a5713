import type { AttackIndex } from '../attack/attack-index.js';
import type { TacticShortname, TechniqueId } from '../attack/types.js';
import { UNRESOLVED_STATUSES, type NormalizedCampaign } from '../normalize/normalize-types.js';
import { resolveReference } from '../normalize/resolve-reference.js';
import type { CoverageInput, CoverageRule } from './coverage-types.js';
import { compareText } from '../compare-text.js';

/**
 * Threat and coverage, and what the review makes of them.
 *
 * - Threat score of a technique: the sum over threat sources of the source's weight for it. A campaign weighs 1 for
 *   a technique it observed and 0.5 for one only inferred from its software; a threat layer weighs its normalized
 *   score (0..1 over the layer's gradient).
 * - Coverage of a technique: the best level (0..1) among the rules that reference it directly. Sub-technique rules
 *   do not cover the parent: a parent covered only through some sub-techniques is `partial`, at the mean level of
 *   its current sub-techniques; parent rules do not cover sub-techniques either.
 * - Priority = threat score x (1 - coverage). A gap is a threat technique whose coverage is below `minCoverage`.
 * - Per tactic: threat-weighted coverage = sum(threat x coverage) / sum(threat), over the tactic's threat techniques.
 */
export const GAP_FORMULAS = {
  threat: 'threat = sum over sources of weight (campaign: observed 1, inferred only 0.5; layer: score scaled to 0..1)',
  coverage: 'coverage = best level (0..1) of the rules referencing the technique; parents covered only through sub-techniques are partial, at the mean of their sub-techniques',
  priority: 'priority = threat x (1 - coverage)',
  tactic: 'tactic coverage = sum(threat x coverage) / sum(threat)',
} as const;

/** One source of threat: a campaign or a threat layer, resolved to current techniques. */
export interface ThreatSource {
  name: string;
  kind: 'campaign' | 'layer';
  techniques: { id: TechniqueId; weight: number; tactics: TacticShortname[] }[];
}

/** A coverage rule with its references resolved. */
export interface ResolvedRule {
  rule: CoverageRule;
  ids: TechniqueId[];
}

/** A reference in coverage or threat input that did not resolve to a current technique. */
export interface UnresolvedRef {
  raw: string;
  file: string;
  line?: number;
  rule?: string;
  status: string;
  note: string;
}

/** Coverage inputs after resolution, with their bookkeeping. */
export interface ResolvedCoverage {
  inputs: CoverageInput[];
  rules: ResolvedRule[];
  unresolved: UnresolvedRef[];
}

export type CoverageStatus = 'covered' | 'low' | 'partial' | 'none';

/** What one threat technique looks like in the review. */
export interface GapRow {
  id: TechniqueId;
  name: string;
  tactics: TacticShortname[];
  threat: number;
  sources: string[];
  coverage: number;
  status: CoverageStatus;
  /** Rules covering it directly, best first. */
  rules: { name: string; level: number; file: string; line?: number }[];
  /** For a partial parent: its sub-techniques that are covered. */
  coveredSubtechniques: TechniqueId[];
  priority: number;
}

/** The coverage of a technique, threat or not. */
export interface CoveredTechnique {
  id: TechniqueId;
  name: string;
  coverage: number;
  partial: boolean;
  rules: GapRow['rules'];
  coveredSubtechniques: TechniqueId[];
}

export interface TacticSummary {
  tactic: TacticShortname;
  name: string;
  techniques: number;
  gaps: number;
  threat: number;
  /** Threat-weighted coverage, 0..1. */
  coverage: number;
}

/** The whole review. */
export interface GapReview {
  attack: { domain: string; release: string };
  minCoverage: number;
  threats: { name: string; kind: string; techniques: number }[];
  rows: GapRow[];
  gaps: GapRow[];
  tactics: TacticSummary[];
  covered: CoveredTechnique[];
  coverage: ResolvedCoverage;
  threatUnresolved: UnresolvedRef[];
}

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** Resolve every coverage rule's references through the normalization engine, so old IDs (T1086) still count. */
export function resolveCoverage(inputs: readonly CoverageInput[], target: AttackIndex): ResolvedCoverage {
  const cache = new Map<string, ReturnType<typeof resolveReference>>();
  const rules: ResolvedRule[] = [];
  const unresolved: UnresolvedRef[] = [];
  for (const input of inputs) {
    for (const rule of input.rules) {
      const ids = new Set<TechniqueId>();
      for (const ref of rule.refs) {
        // A Sigma tag names its ID after `attack.`; resolving the ID alone spares a name check of "attack".
        const text = ref.id ?? ref.raw;
        let resolution = cache.get(text);
        if (!resolution) cache.set(text, (resolution = resolveReference({ raw: text }, { target })));
        for (const id of resolution.ids) ids.add(id);
        if (!resolution.ids.length) {
          unresolved.push({ raw: ref.raw, file: rule.file, line: ref.line ?? rule.line, rule: rule.name, status: resolution.status, note: resolution.note });
        }
      }
      rules.push({ rule, ids: [...ids].sort() });
    }
  }
  return { inputs: [...inputs], rules, unresolved };
}

/** Campaigns as threat sources: observed techniques weigh 1, those only inferred from software 0.5. */
export function threatFromCampaigns(results: readonly NormalizedCampaign[]): ThreatSource[] {
  return results.map((result) => ({
    name: result.name,
    kind: 'campaign',
    techniques: result.techniques.map((t) => ({ id: t.id, weight: t.observed ? 1 : 0.5, tactics: t.tactics })),
  }));
}

/** A Navigator layer as a threat source, read like coverage (scores scaled to 0..1) and normalized (T1086 -> T1059.001). */
export function threatFromLayer(input: CoverageInput, target: AttackIndex): { source: ThreatSource; unresolved: UnresolvedRef[] } {
  const resolved = resolveCoverage([input], target);
  const byId = new Map<TechniqueId, { id: TechniqueId; weight: number; tactics: TacticShortname[] }>();
  for (const { rule, ids } of resolved.rules) {
    for (const id of ids) {
      const entry = byId.get(id) ?? { id, weight: 0, tactics: [] };
      entry.weight = Math.max(entry.weight, rule.level);
      const technique = target.technique(id)!;
      for (const tactic of rule.tactics ?? []) {
        const shortname = target.tactic(tactic)?.shortname;
        if (shortname && technique.tactics.includes(shortname) && !entry.tactics.includes(shortname)) entry.tactics.push(shortname);
      }
      byId.set(id, entry);
    }
  }
  return { source: { name: input.source, kind: 'layer', techniques: [...byId.values()] }, unresolved: resolved.unresolved };
}

/** Compare threat with coverage: every threat technique ranked by priority, the gaps, and a per-tactic summary. */
export function reviewGaps(
  threats: readonly ThreatSource[],
  coverage: ResolvedCoverage,
  target: AttackIndex,
  options: { minCoverage: number; threatUnresolved?: UnresolvedRef[] },
): GapReview {
  const direct = new Map<TechniqueId, GapRow['rules']>();
  for (const { rule, ids } of coverage.rules) {
    for (const id of ids) {
      const list = direct.get(id) ?? [];
      list.push({ name: rule.name, level: rule.level, file: rule.file, ...(rule.line !== undefined ? { line: rule.line } : {}) });
      direct.set(id, list);
    }
  }
  for (const list of direct.values()) list.sort((a, b) => b.level - a.level || compareText(a.name, b.name) || compareText(a.file, b.file));

  const coverageOf = (id: TechniqueId): CoveredTechnique => {
    const technique = target.technique(id)!;
    const rules = direct.get(id) ?? [];
    const best = rules[0]?.level ?? 0;
    const subs = technique.subtechnique ? [] : target.children(id).filter((c) => !c.revoked && !c.deprecated);
    const coveredSubtechniques = subs.filter((s) => direct.has(s.id)).map((s) => s.id);
    if (!rules.length && coveredSubtechniques.length) {
      const mean = subs.reduce((sum, s) => sum + (direct.get(s.id)?.[0]?.level ?? 0), 0) / subs.length;
      return { id, name: technique.name, coverage: round(mean), partial: true, rules, coveredSubtechniques };
    }
    return { id, name: technique.name, coverage: round(best), partial: false, rules, coveredSubtechniques };
  };

  const threat = new Map<TechniqueId, { weight: number; tactics: Set<TacticShortname>; unplaced: boolean; sources: string[] }>();
  for (const source of threats) {
    for (const t of source.techniques) {
      const entry = threat.get(t.id) ?? { weight: 0, tactics: new Set(), unplaced: false, sources: [] };
      entry.weight += t.weight;
      if (!t.tactics.length) entry.unplaced = true;
      for (const tactic of t.tactics) entry.tactics.add(tactic);
      if (!entry.sources.includes(source.name)) entry.sources.push(source.name);
      threat.set(t.id, entry);
    }
  }

  const rows: GapRow[] = [...threat.entries()].map(([id, t]) => {
    const technique = target.technique(id)!;
    const covered = coverageOf(id);
    const status: CoverageStatus = covered.partial
      ? 'partial'
      : covered.coverage === 0
        ? 'none'
        : covered.coverage >= options.minCoverage
          ? 'covered'
          : 'low';
    return {
      id,
      name: technique.name,
      // A technique some source did not place under a tactic counts under all its tactics.
      tactics: t.unplaced ? technique.tactics : technique.tactics.filter((tactic) => t.tactics.has(tactic)),
      threat: round(t.weight),
      sources: t.sources.sort(),
      coverage: covered.coverage,
      status,
      rules: covered.rules,
      coveredSubtechniques: covered.coveredSubtechniques,
      priority: round(t.weight * (1 - covered.coverage)),
    };
  });
  rows.sort((a, b) => b.priority - a.priority || b.threat - a.threat || (a.id < b.id ? -1 : 1));
  const gaps = rows.filter((row) => row.coverage < options.minCoverage || row.status === 'partial');

  const tactics: TacticSummary[] = target
    .tactics()
    .map((tactic) => {
      const under = rows.filter((row) => row.tactics.includes(tactic.shortname));
      const weight = under.reduce((sum, row) => sum + row.threat, 0);
      return {
        tactic: tactic.shortname,
        name: tactic.name,
        techniques: under.length,
        gaps: under.filter((row) => gaps.includes(row)).length,
        threat: round(weight),
        coverage: weight ? round(under.reduce((sum, row) => sum + row.threat * row.coverage, 0) / weight) : 0,
      };
    })
    .filter((summary) => summary.techniques > 0);

  const coveredIds = new Set<TechniqueId>(direct.keys());
  for (const id of direct.keys()) {
    const parent = target.technique(id)?.parent;
    if (parent) coveredIds.add(parent);
  }
  const covered = [...coveredIds].sort().map(coverageOf).filter((c) => c.coverage > 0 || c.rules.length);

  return {
    attack: { domain: target.domain, release: target.release },
    minCoverage: options.minCoverage,
    threats: threats.map((t) => ({ name: t.name, kind: t.kind, techniques: t.techniques.length })),
    rows,
    gaps,
    tactics,
    covered,
    coverage,
    threatUnresolved: options.threatUnresolved ?? [],
  };
}

/** The threat side's references that a campaign left unresolved, in the same shape as coverage ones. */
export function campaignUnresolved(results: readonly NormalizedCampaign[]): UnresolvedRef[] {
  return results.flatMap((result) =>
    result.references
      .filter((ref) => UNRESOLVED_STATUSES.includes(ref.status))
      .map((ref) => ({ raw: ref.raw, file: result.file, ...(ref.line !== undefined ? { line: ref.line } : {}), status: ref.status, note: ref.note })),
  );
}
