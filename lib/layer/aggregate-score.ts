import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/types.js';
import { isJsonObject } from '../json-value.js';
import { hidingRow } from './platform-visibility.js';
import type { GradientRange } from './score-range.js';
import { failsNavigatorGradient } from './score.js';

/** The layout options Navigator computes a technique's aggregate score by. */
export interface AggregateLayout {
  aggregateFunction?: string;
  countUnscored?: boolean;
}

/**
 * A technique's aggregate score as Navigator 5.1 computes it (ViewModel.calculateAggregateScore, whose colour it paints
 * before the score's): the technique's own score (0 when it has none, still taken by min, max and sum) and its scored
 * sub-techniques' under the tactic, by `aggregateFunction`; the average divides by the scored ones, or by all the
 * sub-techniques and the technique with `countUnscored`; rounded to two decimals. Undefined when none is scored.
 */
export function aggregateScore(own: number | undefined, subScores: readonly (number | undefined)[], layout: AggregateLayout | undefined): number | undefined {
  const scored = subScores.filter((score): score is number => score !== undefined);
  const valid = scored.length + (own === undefined ? 0 : 1);
  if (!valid) return undefined;
  const scores = [own ?? 0, ...scored];
  const sum = scores.reduce((a, b) => a + b, 0);
  const value =
    layout?.aggregateFunction === 'min'
      ? Math.min(...scores)
      : layout?.aggregateFunction === 'max'
        ? Math.max(...scores)
        : layout?.aggregateFunction === 'sum'
          ? sum
          : sum / (layout?.countUnscored === true ? subScores.length + 1 : valid);
  return Number(value.toFixed(2));
}

/** An aggregate score Navigator 5.1 fails to colour (`failingAggregates`). */
export interface FailingAggregate {
  techniqueID: string;
  tactic: string;
  aggregate: number;
  /** The function it is computed by, as Navigator reads `layout.aggregateFunction` (average unless min, max or sum). */
  by: string;
  /** The scores it is computed from, `T1059 100`, the technique's first. */
  from: string[];
  /** The position of the technique's own entry there, when it has one. */
  at?: number;
}

/**
 * The aggregate scores of a layer with `layout.showAggregateScores` that Navigator 5.1 fails to colour: one in the last
 * half-hundredth below the gradient's top (`failsNavigatorGradient`), where its getHexColor throws a TypeError as it
 * sorts and draws the matrix. Counted as Navigator counts them: each entry sets its technique's score under its tactic,
 * or under every tactic of it (a later entry replacing an earlier one whole); techniques the platform filter (`shown`,
 * as `platformsShown` reads it) or `hideDisabled` leaves out are not aggregated. One equal to a score of its own that
 * fails too is left out: that score is said, and mended, on its own.
 */
export function failingAggregates(
  entries: readonly unknown[],
  layout: unknown,
  range: GradientRange,
  index: AttackIndex,
  options: { shown?: ReadonlySet<string>; hideDisabled?: boolean } = {},
): FailingAggregate[] {
  if (!isJsonObject(layout) || layout['showAggregateScores'] !== true) return [];
  const chosen: AggregateLayout = {
    ...(typeof layout['aggregateFunction'] === 'string' ? { aggregateFunction: layout['aggregateFunction'] } : {}),
    countUnscored: layout['countUnscored'] === true,
  };
  // Colours aside: where Navigator 5.1 looks a score up depends on the range alone (score.ts navigatorStepIndex).
  const gradient = { colors: ['#ffffff', '#000000'], ...range };
  const cells = new Map<string, { score?: number; enabled: boolean; at: number }>();
  const families = new Set<string>();
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry) || typeof entry['techniqueID'] !== 'string') return;
    const record = index.technique(entry['techniqueID']);
    if (!record || record.revoked || record.deprecated) return;
    const tactics = typeof entry['tactic'] === 'string' ? record.tactics.filter((t) => t === entry['tactic']) : record.tactics;
    const score = typeof entry['score'] === 'number' ? entry['score'] : undefined;
    for (const tactic of tactics) {
      cells.set(`${record.id}|${tactic}`, { ...(score === undefined ? {} : { score }), enabled: entry['enabled'] !== false, at });
      if (score !== undefined) families.add(`${record.parent ?? record.id}|${tactic}`);
    }
  });
  const current = (record: TechniqueRecord | undefined): record is TechniqueRecord => !!record && !record.revoked && !record.deprecated;
  const shows = (record: TechniqueRecord): boolean => !options.shown || !hidingRow(record, index, options.shown);
  const found: FailingAggregate[] = [];
  for (const family of [...families].sort()) {
    const [id, tactic] = family.split('|') as [string, string];
    const parent = index.technique(id);
    if (!current(parent) || !shows(parent)) continue;
    const subs = index.children(parent.id).filter((sub) => current(sub) && sub.tactics.includes(tactic));
    if (!subs.length) continue;
    const cell = (record: TechniqueRecord) => cells.get(`${record.id}|${tactic}`);
    // Navigator keeps a disabled technique of a hideDisabled layer while a sub-technique of it is enabled on a platform shown.
    if (options.hideDisabled && cell(parent)?.enabled === false && !subs.some((sub) => cell(sub)?.enabled !== false && shows(sub))) continue;
    const aggregate = aggregateScore(cell(parent)?.score, subs.map((sub) => cell(sub)?.score), chosen);
    if (aggregate === undefined || !failsNavigatorGradient(gradient, aggregate)) continue;
    const counted = [parent, ...subs].filter((record) => cell(record)?.score !== undefined);
    if (counted.some((record) => cell(record)!.score === aggregate && failsNavigatorGradient(gradient, aggregate))) continue;
    const by = ['min', 'max', 'sum'].includes(chosen.aggregateFunction ?? '') ? chosen.aggregateFunction! : 'average';
    const at = cell(parent)?.at;
    found.push({ techniqueID: parent.id, tactic, aggregate, by, from: counted.map((record) => `${record.id} ${cell(record)!.score}`), ...(at === undefined ? {} : { at }) });
  }
  return found;
}

/** What `validate` says of an aggregate Navigator 5.1 fails to colour. */
export function failingAggregateText(found: FailingAggregate, range: GradientRange): string {
  return (
    `${found.techniqueID} under ${found.tactic} has aggregate score ${found.aggregate} (layout.showAggregateScores: the ${found.by} of ${found.from.join(', ')}), ` +
    `in the last half-hundredth below the gradient's top ${range.maxValue}, which Navigator 5.1 fails to colour (its getHexColor looks one past its ` +
    `100-colour table and throws a TypeError as it draws the matrix): change a score so that the aggregate leaves that range, raise maxValue, or set layout.showAggregateScores to false`
  );
}
