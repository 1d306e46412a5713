import type { CoverageInput } from './coverage-types.js';
import { GAP_FORMULAS, type GapReview, type GapRow, type UnresolvedRef } from './gap-review.js';
import { compareText } from '../compare-text.js';

const percent = (value: number): string => `${Math.round(value * 100)}%`;
const RULES_SHOWN = 5;

function ruleList(row: GapRow): string {
  if (row.status === 'partial') return `partial, through ${row.coveredSubtechniques.join(', ')}`;
  if (!row.rules.length) return 'none';
  const shown = row.rules.slice(0, RULES_SHOWN).map((rule) => `${rule.name} (${percent(rule.level)})`);
  return row.rules.length > RULES_SHOWN ? `${shown.join('; ')}; and ${row.rules.length - RULES_SHOWN} more` : shown.join('; ');
}

function inputLine(input: CoverageInput): string {
  const { items, rules, ignored, invalid } = input.counts;
  const unit = input.kind === 'sigma' ? 'rule files' : input.kind === 'layer' ? 'layer entries' : 'detections';
  return `${input.kind} \`${input.source}\`: ${items} ${unit} = ${rules} read + ${ignored} ignored + ${invalid} invalid`;
}

/** Unresolved references grouped by reference and status, most frequent first. */
export function groupUnresolved(list: readonly UnresolvedRef[]): { raw: string; status: string; note: string; count: number; places: string[] }[] {
  const groups = new Map<string, { raw: string; status: string; note: string; count: number; places: string[] }>();
  for (const ref of list) {
    const key = `${ref.status}\u0000${ref.raw.toLowerCase()}`;
    const group = groups.get(key) ?? { raw: ref.raw, status: ref.status, note: ref.note, count: 0, places: [] };
    group.count++;
    group.places.push(`${ref.file}${ref.line ? `:${ref.line}` : ''}`);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || compareText(a.raw, b.raw));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}

/** The review as Markdown, readable on its own: what was compared, the ranked gaps, per-tactic coverage, the inputs. */
export function formatGapMarkdown(review: GapReview): string {
  const lines: string[] = [
    '# Coverage gap review',
    '',
    `ATT&CK ${review.attack.domain} ${review.attack.release}. A technique is a gap when its coverage is below ${percent(review.minCoverage)}, ` +
      'or when it is covered only through some of its sub-techniques (partial).',
    '',
    `- Threat: ${review.threats.map((t) => `${t.name} (${t.kind}, ${t.techniques} techniques)`).join('; ') || 'none'}`,
    `- Coverage: ${review.coverage.inputs.map(inputLine).join('; ') || 'none'}`,
    `- ${review.rows.length} threat techniques, ${review.gaps.length} gaps, ${review.rows.length - review.gaps.length} covered.`,
    '',
    '## Coverage by tactic',
    '',
    '| Tactic | Threat techniques | Gaps | Threat-weighted coverage |',
    '|---|---:|---:|---:|',
    ...review.tactics.map((t) => `| ${t.name} | ${t.techniques} | ${t.gaps} | ${percent(t.coverage)} |`),
    '',
    '## Gaps, highest priority first',
    '',
    '| # | Technique | Name | Tactics | Threat | Used by | Coverage | Rules | Priority |',
    '|---:|---|---|---|---:|---|---:|---|---:|',
    ...review.gaps.map(
      (row, i) =>
        `| ${i + 1} | ${row.id} | ${cell(row.name)} | ${row.tactics.join(', ')} | ${row.threat} | ${cell(row.sources.join('; '))} | ` +
        `${percent(row.coverage)}${row.status === 'partial' ? ' (partial)' : ''} | ${cell(ruleList(row))} | ${row.priority} |`,
    ),
  ];
  const coveredRows = review.rows.filter((row) => !review.gaps.includes(row));
  if (coveredRows.length) {
    lines.push(
      '',
      '## Covered threat techniques',
      '',
      '| Technique | Name | Threat | Coverage | Rules |',
      '|---|---|---:|---:|---|',
      ...coveredRows.map((row) => `| ${row.id} | ${cell(row.name)} | ${row.threat} | ${percent(row.coverage)} | ${cell(ruleList(row))} |`),
    );
  }
  lines.push('', '## Inputs', '');
  for (const input of review.coverage.inputs) {
    lines.push(`- ${inputLine(input)}`);
    const reasons = new Map<string, number>();
    for (const ignored of input.ignored) reasons.set(ignored.reason, (reasons.get(ignored.reason) ?? 0) + 1);
    for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))) lines.push(`  - ignored ${count}: ${reason}`);
    for (const problem of input.problems) lines.push(`  - ${problem.skipped ? 'invalid' : 'problem'}: ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  }
  const unresolved = groupUnresolved([...review.coverage.unresolved, ...review.threatUnresolved]);
  if (unresolved.length) {
    lines.push('', '## References not resolved to a current technique', '', '| Reference | Status | Times | Note | First seen at |', '|---|---|---:|---|---|');
    for (const group of unresolved) lines.push(`| ${cell(group.raw)} | ${group.status} | ${group.count} | ${cell(group.note)} | ${group.places[0]} |`);
  }
  lines.push('', '## How the numbers are computed', '', ...Object.values(GAP_FORMULAS).map((formula) => `- ${formula}`));
  return `${lines.join('\n')}\n`;
}

function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The ranked rows as CSV (RFC 4180), one per threat technique, gaps first by priority. */
export function formatGapCsv(review: GapReview): string {
  const header = ['rank', 'technique', 'name', 'tactics', 'threat', 'used_by', 'coverage', 'status', 'gap', 'rules', 'priority'];
  const rows = review.rows.map((row, i) => [
    i + 1,
    row.id,
    row.name,
    row.tactics.join(';'),
    row.threat,
    row.sources.join(';'),
    row.coverage,
    row.status,
    review.gaps.includes(row) ? 'yes' : 'no',
    row.status === 'partial' ? row.coveredSubtechniques.join(';') : row.rules.map((rule) => rule.name).join(';'),
    row.priority,
  ]);
  return `${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The review as plain JSON data (inputs summarized, not repeated whole). */
export function gapJson(review: GapReview): unknown {
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
