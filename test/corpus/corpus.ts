/**
 * The references corpus: short excerpts of real, published reports (test/corpus/reports/*.yaml), each reference
 * transcribed as written with the IDs the report cites and the current technique(s) it means, decided by hand.
 * `scoreCorpus` runs the library on it: `resolveReference` on each reference as written, and `extractReferences` on
 * each excerpt.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { UNRESOLVED_STATUSES } from '../../lib/normalize/normalize-types.js';
import { resolveReference, type ResolveContext } from '../../lib/normalize/resolve-reference.js';
import { repoRoot } from '../helpers/attack.js';
import type { Domain } from '../../lib/attack/types.js';

export const CORPUS_DIR = join(repoRoot, 'test/corpus/reports');

/** One reference of a report, as transcribed. */
export interface CorpusReference {
  written: string;
  /** The technique IDs the report writes (canonical form); what `extract` should find. */
  cites: string[];
  /** The current ATT&CK techniques the text means; empty when it means none for sure (then a warning is right). */
  means: string[];
}

export interface CorpusReport {
  file: string;
  source: string;
  title: string;
  publisher: string;
  language: string;
  /** The ATT&CK domain the report's IDs are of (`mobile-attack`, `ics-attack`); enterprise-attack when absent. */
  domain?: Domain;
  excerpt: string;
  references: CorpusReference[];
}

export function readCorpus(dir = CORPUS_DIR): CorpusReport[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: name, ...(parse(readFileSync(join(dir, name), 'utf8')) as Omit<CorpusReport, 'file'>) }));
}

/** How one reference fared. */
export interface ReferenceOutcome {
  report: string;
  written: string;
  means: string[];
  got: string[];
  status: string;
  note: string;
  verdict: 'right' | 'flagged' | 'silent wrong';
}

export interface CorpusScore {
  reports: number;
  references: number;
  right: number;
  /** Wrong, but the resolution says so (unresolved status or a warning). */
  flagged: number;
  silentWrong: number;
  outcomes: ReferenceOutcome[];
  /** IDs the reports cite, and how many of them `extract` found. */
  cited: number;
  found: number;
  missed: Array<{ report: string; id: string }>;
  /** IDs `extract` found that no reference cites. */
  extra: Array<{ report: string; id: string }>;
}

const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

/**
 * Score the library on the corpus against one ATT&CK release context; a report of another domain (`domain:`) is resolved
 * in the context `contextOf` gives for it.
 */
export function scoreCorpus(reports: readonly CorpusReport[], enterprise: ResolveContext, contextOf?: (domain: Domain) => ResolveContext): CorpusScore {
  const outcomes: ReferenceOutcome[] = [];
  let cited = 0;
  let found = 0;
  const missed: CorpusScore['missed'] = [];
  const extra: CorpusScore['extra'] = [];
  for (const report of reports) {
    const context = report.domain && report.domain !== 'enterprise-attack' && contextOf ? contextOf(report.domain) : enterprise;
    for (const reference of report.references) {
      const result = resolveReference({ raw: reference.written }, context);
      const flaggedByResult = UNRESOLVED_STATUSES.includes(result.status) || result.warnings.length > 0;
      const right = reference.means.length ? sameSet(result.ids, reference.means) : !result.ids.length && flaggedByResult;
      outcomes.push({
        report: report.file,
        written: reference.written,
        means: reference.means,
        got: result.ids,
        status: result.status,
        note: result.note,
        verdict: right ? 'right' : flaggedByResult ? 'flagged' : 'silent wrong',
      });
    }
    const extracted = new Set(extractReferences(report.excerpt).flatMap((ref) => ref.ids));
    const citedIds = new Set(report.references.flatMap((reference) => reference.cites));
    for (const id of citedIds) {
      cited++;
      if (extracted.has(id)) found++;
      else missed.push({ report: report.file, id });
    }
    for (const id of extracted) if (!citedIds.has(id)) extra.push({ report: report.file, id });
  }
  return {
    reports: reports.length,
    references: outcomes.length,
    right: outcomes.filter((o) => o.verdict === 'right').length,
    flagged: outcomes.filter((o) => o.verdict === 'flagged').length,
    silentWrong: outcomes.filter((o) => o.verdict === 'silent wrong').length,
    outcomes,
    cited,
    found,
    missed,
    extra,
  };
}

const percent = (part: number, whole: number): string => `${whole ? ((100 * part) / whole).toFixed(1) : '0.0'} %`;

/** The two figures, and every reference that was not right. */
export function formatCorpusScore(score: CorpusScore): string {
  const lines = [
    `corpus: ${score.reports} reports, ${score.references} references`,
    `references right: ${score.right}/${score.references} (${percent(score.right, score.references)}); ` +
      `flagged: ${score.flagged}; silent wrong: ${score.silentWrong}`,
    `IDs found by extract: ${score.found}/${score.cited} (${percent(score.found, score.cited)}); ` +
      `found but not cited: ${score.extra.length}`,
  ];
  for (const o of score.outcomes.filter((outcome) => outcome.verdict !== 'right')) {
    lines.push(`  ${o.verdict}: ${o.report}: "${o.written}" means ${o.means.join(', ') || 'none'}, got ${o.got.join(', ') || 'none'} (${o.status}: ${o.note})`);
  }
  for (const m of score.missed) lines.push(`  missed by extract: ${m.report}: ${m.id}`);
  for (const e of score.extra) lines.push(`  found by extract, not cited: ${e.report}: ${e.id}`);
  return lines.join('\n');
}
