import { isJsonObject, type JsonObject } from '../json-value.js';
import { firstFew } from '../short-list.js';

/** The score range a layer's gradient colours: minValue..maxValue. */
export interface GradientRange {
  minValue: number;
  maxValue: number;
}

/** Navigator's default gradient, which applies when a layer has none. */
export const DEFAULT_GRADIENT: GradientRange = { minValue: 0, maxValue: 100 };

/** An entry whose score lies outside its layer's gradient, and what Navigator makes of it. */
export interface ScoreOutOfRange {
  /** Position of the entry in the layer's `techniques`. */
  at: number;
  techniqueID: string;
  score: number;
  range: GradientRange;
  /** The sentence `validate`'s `score-out-of-range` warning and `upgrade`'s report give. */
  message: string;
}

/**
 * The range the layer's gradient colours scores in, or undefined when no score is off it (ends that are equal make a
 * threshold: Navigator paints a score of maxValue or more with the last colour before it looks at minValue) or the
 * gradient cannot be read (no numbers, or maxValue below minValue, which `validate` reports as `gradient-range`).
 */
export function gradientRange(layer: JsonObject): GradientRange | undefined {
  const gradient = layer['gradient'];
  if (gradient === undefined) return DEFAULT_GRADIENT;
  if (!isJsonObject(gradient)) return undefined;
  const { minValue, maxValue } = gradient;
  if (typeof minValue !== 'number' || typeof maxValue !== 'number' || maxValue <= minValue) return undefined;
  return { minValue, maxValue };
}

/**
 * The gradient a score is off, and what widens it, as a message names them: a layer without one is read by Navigator
 * on its default 0..100 (`gradientRange` gives `DEFAULT_GRADIENT` itself then), which the layer cannot widen but by
 * stating one: a count of rules or detections (292) written without a gradient.
 */
export function gradientWords(range: GradientRange): { gradient: string; widen: string } {
  return range === DEFAULT_GRADIENT
    ? { gradient: `Navigator's default gradient ${range.minValue}..${range.maxValue} (the layer states none)`, widen: 'add a gradient whose minValue and maxValue span the scores' }
    : { gradient: `the gradient ${range.minValue}..${range.maxValue}`, widen: 'widen the gradient (its minValue and maxValue)' };
}

/** The entries whose score is outside `range` (Splunk's AsyncRAT coverage layer scores T1059 7 on a 0..5 gradient). */
export function scoresOutOfRange(entries: readonly unknown[], range: GradientRange): ScoreOutOfRange[] {
  const found: ScoreOutOfRange[] = [];
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry) || typeof entry['score'] !== 'number') return;
    const score = entry['score'];
    if (score >= range.minValue && score <= range.maxValue) return;
    // An entry's own colour is what Navigator paints, whatever its score (../shared/NAVIGATOR.md, README "Export").
    const own = typeof entry['color'] === 'string' && entry['color'] !== '' ? entry['color'] : undefined;
    const techniqueID = String(entry['techniqueID']);
    const { gradient, widen } = gradientWords(range);
    const message =
      `${techniqueID} has score ${score}, outside ${gradient}; ` +
      (own
        ? `Navigator paints its own colour ${own}, not the score's, but the score is off the layer's scale wherever it is read as a score (hover, combine, gap)`
        : `Navigator colours it as the gradient's ${score > range.maxValue ? `end (${range.maxValue})` : `start (${range.minValue})`}`) +
      `: ${widen} or fix the score`;
    found.push({ at, techniqueID, score, range, message });
  });
  return found;
}

/** An entry's score that a merge of entries added up (upgrade's `mergeScore: 'sum'`), and the scores it added. */
export interface SummedScore {
  /** The technique, and its tactic where the entry has one, as the upgrade's notes name it. */
  where: string;
  score: number;
  from: readonly number[];
}

/**
 * Widens the layer's own gradient to hold the sums a merge wrote off it where every score it added was on it (counts
 * of rules, 3 + 1 on 0..3), as combine's sum widens its gradient to hold every score: a sum off the gradient is
 * coloured as its end, like the largest count, and `validate` warns `score-out-of-range`. A score off the gradient as
 * written stays off it (`scoresOutOfRange` says so). Returns the change in words, or undefined when there is none.
 */
export function widenForSums(layer: JsonObject, sums: readonly SummedScore[]): string | undefined {
  const gradient = layer['gradient'];
  const range = gradientRange(layer);
  if (!isJsonObject(gradient) || !range) return undefined;
  const on = (score: number): boolean => score >= range.minValue && score <= range.maxValue;
  const off = sums.filter(({ score, from }) => !on(score) && from.every(on));
  if (!off.length) return undefined;
  const scores = off.map(({ score }) => score);
  const widened = { minValue: Math.min(range.minValue, ...scores), maxValue: Math.max(range.maxValue, ...scores) };
  gradient['minValue'] = widened.minValue;
  gradient['maxValue'] = widened.maxValue;
  const listed = firstFew(off.map(({ where, score, from }) => `${where} ${from.join(' + ')} = ${score}`));
  return (
    `${range.minValue}..${range.maxValue} -> ${widened.minValue}..${widened.maxValue}: ` +
    `${off.length === 1 ? 'a sum' : `${off.length} sums`} of merged scores (${listed}) off the gradient, widened to hold ` +
    `${off.length === 1 ? 'it' : 'them'}, else Navigator would colour ${off.length === 1 ? 'it' : 'them'} as the gradient's end`
  );
}
