import { formatCsv, markdownCell as cell, markdownCode, markdownText as text } from '../table-text.js';
import type { CoverageInput } from './coverage-types.js';
import { GAP_FORMULAS, type GapReview, type GapRow, type TacticSummary, type UnresolvedRef } from './gap-review.js';
import { compareText } from '../compare-text.js';

/** Unresolved references of one kind, counted, with where they were seen. */
export interface UnresolvedGroup {
  raw: string;
  status: string;
  note: string;
  count: number;
  places: string[];
}

/** A coverage input as the report summarizes it. */
export type GapReportInput = Pick<CoverageInput, 'kind' | 'source' | 'files' | 'counts' | 'ignored' | 'problems'>;

/**
 * The review as the report holds it (what `gap --report json` writes): plain data, from which the Markdown and CSV
 * reports, and `export`'s tables, are made.
 */
export interface GapReportData {
  attack: { domain: string; release: string };
  minCoverage: number;
  formulas: Record<string, string>;
  threats: GapReview['threats'];
  tactics: TacticSummary[];
  /** Every threat technique, ranked, with whether it is a gap. */
  rows: (GapRow & { gap: boolean })[];
  inputs: GapReportInput[];
  unresolved: UnresolvedGroup[];
}

const percent = (value: number): string => `${Math.round(value * 100)}%`;
const RULES_SHOWN = 5;

function ruleList(row: Pick<GapRow, 'status' | 'coveredSubtechniques' | 'rules'>): string {
  if (row.status === 'partial') return `partial, through ${row.coveredSubtechniques.join(', ')}`;
  if (!row.rules.length) return 'none';
  const shown = row.rules.slice(0, RULES_SHOWN).map((rule) => `${rule.name} (${percent(rule.level)})`);
  return row.rules.length > RULES_SHOWN ? `${shown.join('; ')}; and ${row.rules.length - RULES_SHOWN} more` : shown.join('; ');
}

function inputLine(input: GapReportInput): string {
  const { items, rules, ignored, invalid } = input.counts;
  const unit = input.kind === 'sigma' ? 'rule files' : input.kind === 'layer' ? 'layer entries' : 'detections';
  return `${text(input.kind)} ${markdownCode(input.source)}: ${text(items)} ${unit} = ${text(rules)} read + ${text(ignored)} ignored + ${text(invalid)} invalid`;
}

/** Unresolved references grouped by reference and status, most frequent first. */
export function groupUnresolved(list: readonly UnresolvedRef[]): UnresolvedGroup[] {
  const groups = new Map<string, UnresolvedGroup>();
  for (const ref of list) {
    const key = `${ref.status}\u0000${ref.raw.toLowerCase()}`;
    const group = groups.get(key) ?? { raw: ref.raw, status: ref.status, note: ref.note, count: 0, places: [] };
    group.count++;
    group.places.push(`${ref.file}${ref.line ? `:${ref.line}` : ''}`);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || compareText(a.raw, b.raw));
}

/** The review as Markdown, readable on its own: what was compared, the ranked gaps, per-tactic coverage, the inputs. */
export function formatGapMarkdown(review: GapReview): string {
  return formatGapReportMarkdown(gapJson(review));
}

/** A gap report (`gap --report json`) as Markdown: the same text `gap --report md` writes. */
export function formatGapReportMarkdown(review: GapReportData): string {
  const gaps = review.rows.filter((row) => row.gap);
  const lines: string[] = [
    '# Coverage gap review',
    '',
    `ATT&CK ${text(review.attack.domain)} ${text(review.attack.release)}. A technique is a gap when its coverage is below ${percent(review.minCoverage)}, ` +
      'or when it is covered only through some of its sub-techniques (partial).',
    '',
    `- Threat: ${review.threats.map((t) => `${text(t.name)} (${text(t.kind)}, ${text(t.techniques)} techniques)`).join('; ') || 'none'}`,
    `- Coverage: ${review.inputs.map(inputLine).join('; ') || 'none'}`,
    `- ${review.rows.length} threat techniques, ${gaps.length} gaps, ${review.rows.length - gaps.length} covered.`,
    '',
    '## Coverage by tactic',
    '',
    '| Tactic | Threat techniques | Gaps | Threat-weighted coverage |',
    '|---|---:|---:|---:|',
    ...review.tactics.map((t) => `| ${cell(t.name)} | ${cell(t.techniques)} | ${cell(t.gaps)} | ${percent(t.coverage)} |`),
    '',
    '## Gaps, highest priority first',
    '',
    '| # | Technique | Name | Tactics | Threat | Used by | Coverage | Rules | Priority |',
    '|---:|---|---|---|---:|---|---:|---|---:|',
    ...gaps.map(
      (row, i) =>
        `| ${i + 1} | ${cell(row.id)} | ${cell(row.name)} | ${cell(row.tactics.join(', '))} | ${cell(row.threat)} | ${cell(row.sources.join('; '))} | ` +
        `${percent(row.coverage)}${row.status === 'partial' ? ' (partial)' : ''} | ${cell(ruleList(row))} | ${cell(row.priority)} |`,
    ),
  ];
  const coveredRows = review.rows.filter((row) => !row.gap);
  if (coveredRows.length) {
    lines.push(
      '',
      '## Covered threat techniques',
      '',
      '| Technique | Name | Threat | Coverage | Rules |',
      '|---|---|---:|---:|---|',
      ...coveredRows.map((row) => `| ${cell(row.id)} | ${cell(row.name)} | ${cell(row.threat)} | ${percent(row.coverage)} | ${cell(ruleList(row))} |`),
    );
  }
  lines.push('', '## Inputs', '');
  for (const input of review.inputs) {
    lines.push(`- ${inputLine(input)}`);
    const reasons = new Map<string, number>();
    for (const ignored of input.ignored) reasons.set(ignored.reason, (reasons.get(ignored.reason) ?? 0) + 1);
    for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))) lines.push(`  - ignored ${count}: ${text(reason)}`);
    for (const problem of input.problems) {
      lines.push(`  - ${problem.skipped ? 'invalid' : 'problem'}: ${text(`${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`)}`);
    }
  }
  const unresolved = review.unresolved;
  if (unresolved.length) {
    lines.push('', '## References not resolved to a current technique', '', '| Reference | Status | Times | Note | First seen at |', '|---|---|---:|---|---|');
    for (const group of unresolved) lines.push(`| ${cell(group.raw)} | ${cell(group.status)} | ${cell(group.count)} | ${cell(group.note)} | ${cell(group.places[0])} |`);
  }
  lines.push('', '## How the numbers are computed', '', ...Object.values(review.formulas).map((formula) => `- ${text(formula)}`));
  return `${lines.join('\n')}\n`;
}

/** The columns of the ranked table of a gap report, as CSV and spreadsheets have them. */
export const GAP_TABLE_HEADER = ['rank', 'technique', 'name', 'tactics', 'threat', 'used_by', 'coverage', 'status', 'gap', 'rules', 'priority'] as const;

/** The ranked rows of a gap report as table rows, one per threat technique, in the report's order. */
export function gapTableRows(review: Pick<GapReportData, 'rows'>): (string | number)[][] {
  return review.rows.map((row, i) => [
    i + 1,
    row.id,
    row.name,
    row.tactics.join(';'),
    row.threat,
    row.sources.join(';'),
    row.coverage,
    row.status,
    row.gap ? 'yes' : 'no',
    row.status === 'partial' ? row.coveredSubtechniques.join(';') : row.rules.map((rule) => rule.name).join(';'),
    row.priority,
  ]);
}

/** The ranked rows as CSV (RFC 4180), one per threat technique, gaps first by priority. */
export function formatGapCsv(review: GapReview): string {
  return formatGapReportCsv(gapJson(review));
}

/** A gap report (`gap --report json`) as CSV: the same text `gap --report csv` writes. */
export function formatGapReportCsv(review: Pick<GapReportData, 'rows'>): string {
  return formatCsv(GAP_TABLE_HEADER, gapTableRows(review));
}

/** The review as plain JSON data (inputs summarized, not repeated whole). */
export function gapJson(review: GapReview): GapReportData {
  return {
    attack: review.attack,
    minCoverage: review.minCoverage,
    formulas: GAP_FORMULAS,
    threats: review.threats,
    tactics: review.tactics,
    rows: review.rows.map((row) => ({ ...row, gap: review.gaps.includes(row) })),
    inputs: review.coverage.inputs.map((input) => ({
      kind: input.kind,
      source: input.source,
      files: input.files,
      counts: input.counts,
      ignored: input.ignored,
      problems: input.problems,
    })),
    unresolved: groupUnresolved([...review.coverage.unresolved, ...review.threatUnresolved]),
  };
}
