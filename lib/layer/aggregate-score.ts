import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/types.js';
import { isJsonObject } from '../json-value.js';
import { hidingRow } from './platform-visibility.js';
import type { GradientRange } from './score-range.js';
import { failsNavigatorGradient } from './score.js';
import { cellId, cellKey, cellTactic, keptCells, navigatorCells, releaseTacticsOf } from './navigator-cells.js';

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

/** A technique's cell under one tactic as Navigator 5.1 reads it from the entries (`readCells`). */
interface NavigatorCell {
  score?: number;
  enabled: boolean;
  /** The position of the entry that set it. */
  at: number;
}

/**
 * The cells a layer's technique entries set, as Navigator 5.1 reads them, by `cellKey` (`T1059^execution`): each entry
 * fills the cells `navigatorCells` says, the last entry of a cell winning whole (setTechniqueVM), so that only a
 * technique's exact ID under one of its tactics' shortnames is a cell of the matrix ("Execution" keys none). The cell
 * holds a score only from a number and is disabled only by `false` (technique-vm.ts deserialize at 38460258: `typeof
 * obj.score === 'number'`, `typeof obj.enabled === 'boolean'`): `"99"` is no score, `"false"` disables nothing.
 */
function readCells(entries: readonly unknown[], index: AttackIndex): Map<string, NavigatorCell> {
  const cells = new Map<string, NavigatorCell>();
  navigatorCells(entries, releaseTacticsOf(index)).forEach((entry, at) => {
    const written = entries[at];
    if (!isJsonObject(written)) return;
    const score = typeof written['score'] === 'number' ? written['score'] : undefined;
    for (const cell of keptCells(entry)) cells.set(cell, { ...(score === undefined ? {} : { score }), enabled: written['enabled'] !== false, at });
  });
  return cells;
}

/** What Navigator 5.1 leaves out of a tactic's column: the platforms the filter shows, and whether it hides disabled techniques. */
export interface ColumnOptions {
  /** The platforms shown, as `platformsShown` reads the filter; undefined, every platform. */
  shown?: ReadonlySet<string>;
  hideDisabled?: boolean;
}

/**
 * A layer's tactic columns as Navigator 5.1 draws them from `entries` as written (`readCells`), and where it
 * computes an aggregate score (`computed`): for a technique with sub-techniques under the tactic that the platform
 * filter and `hideDisabled` keep in its column (ViewModel.filterTechniques), only as it sorts the column
 * (ViewModel.sortTechniques' comparator calls calculateAggregateScore), so never in a column left with one technique.
 */
function navigatorColumns(entries: readonly unknown[], index: AttackIndex, options: ColumnOptions) {
  const cells = readCells(entries, index);
  const current = (record: TechniqueRecord | undefined): record is TechniqueRecord => !!record && !record.revoked && !record.deprecated;
  const shows = (record: TechniqueRecord): boolean => !options.shown || !hidingRow(record, index, options.shown);
  const subsOf = (record: TechniqueRecord, tactic: string) => index.children(record.id).filter((sub) => current(sub) && sub.tactics.includes(tactic));
  const cellOf = (record: TechniqueRecord, tactic: string) => cells.get(cellKey(record.id, tactic));
  // ViewModel.filterTechniques: the platform filter, and with hideDisabled a disabled technique unless a sub-technique of
  // it is enabled on a platform shown (isSubtechniqueEnabled).
  const inColumn = (record: TechniqueRecord, tactic: string): boolean =>
    shows(record) && !(options.hideDisabled && cellOf(record, tactic)?.enabled === false && !subsOf(record, tactic).some((sub) => cellOf(sub, tactic)?.enabled !== false && shows(sub)));
  const columns = new Map<string, number>();
  const columnSize = (tactic: string): number => {
    if (!columns.has(tactic)) columns.set(tactic, index.currentTechniques().filter((record) => !record.parent && record.tactics.includes(tactic) && inColumn(record, tactic)).length);
    return columns.get(tactic)!;
  };
  // Array.prototype.sort calls no comparator for a column of one technique: Navigator computes no aggregate there.
  const computed = (parent: TechniqueRecord, tactic: string): boolean => subsOf(parent, tactic).length > 0 && inColumn(parent, tactic) && columnSize(tactic) >= 2;
  return { cells, current, subsOf, cellOf, computed };
}

/**
 * Whether Navigator 5.1 computes an aggregate score for technique `parent` under `tactic`, and so shows its
 * sub-techniques' scores there, collapsed or not: the layout as it reads it sets `showAggregateScores`, and it computes
 * one there (`navigatorColumns`). `failingAggregates` reads a layer so.
 */
export function aggregateComputed(entries: readonly unknown[], layout: unknown, index: AttackIndex, options: ColumnOptions = {}): (parent: string, tactic: string) => boolean {
  if (!isJsonObject(layout) || layout['showAggregateScores'] !== true) return () => false;
  const { current, computed } = navigatorColumns(entries, index, options);
  return (parent, tactic) => {
    const record = index.technique(parent);
    return current(record) && computed(record, tactic);
  };
}

/**
 * The aggregate scores of a layer with `layout.showAggregateScores` that Navigator 5.1 fails to colour: one in the last
 * half-hundredth below the gradient's top (`failsNavigatorGradient`), where its getHexColor throws a TypeError as it
 * sorts and draws the matrix. Computed from `entries` as Navigator reads them (`readCells`: a score written as
 * text is none), so validate passes the entries as written, not as repaired. Navigator aggregates per tactic column,
 * every sub-technique of the technique counted, whatever its platforms, enabled or not; it computes an aggregate only
 * as it sorts a column (ViewModel.sortTechniques' comparator), so never for a technique the platform filter (`shown`,
 * as `platformsShown` reads it) or `hideDisabled` leaves out of its column, nor in a column left with one technique.
 * One equal to a score of its own that fails too is left out: that score is said, and mended, on its own.
 */
export function failingAggregates(
  entries: readonly unknown[],
  layout: unknown,
  range: GradientRange,
  index: AttackIndex,
  options: ColumnOptions = {},
): FailingAggregate[] {
  if (!isJsonObject(layout) || layout['showAggregateScores'] !== true) return [];
  const chosen: AggregateLayout = {
    ...(typeof layout['aggregateFunction'] === 'string' ? { aggregateFunction: layout['aggregateFunction'] } : {}),
    countUnscored: layout['countUnscored'] === true,
  };
  // Colours aside: where Navigator 5.1 looks a score up depends on the range alone (score.ts navigatorStepIndex).
  const gradient = { colors: ['#ffffff', '#000000'], ...range };
  const { cells, current, subsOf, cellOf, computed } = navigatorColumns(entries, index, options);
  const families = new Set<string>();
  for (const [key, cell] of cells) {
    const id = cellId(key);
    if (cell.score !== undefined) families.add(cellKey(index.technique(id)?.parent ?? id, cellTactic(key)));
  }
  const found: FailingAggregate[] = [];
  for (const family of [...families].sort()) {
    const [id, tactic] = [cellId(family), cellTactic(family)];
    const parent = index.technique(id);
    if (!current(parent) || !computed(parent, tactic)) continue;
    const subs = subsOf(parent, tactic);
    const cell = (record: TechniqueRecord) => cellOf(record, tactic);
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
