import { isJsonObject, type JsonObject } from '../json-value.js';
import { firstFew } from '../short-list.js';
import type { Gradient } from './layer-types.js';
import { gradientColor, paintedColour } from './score.js';

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
    // An entry's own colour is what Navigator paints, whatever its score (../shared/NAVIGATOR.md, docs/export.md).
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

/** A range as messages write it: `0..3`. */
export function rangeText(range: GradientRange): string {
  return `${range.minValue}..${range.maxValue}`;
}

/** The sums of `sums` off `range` whose every added score was on it, and the range that holds them too. */
export function sumsOffRange(range: GradientRange, sums: readonly SummedScore[]): { off: SummedScore[]; widened: GradientRange } {
  const on = (score: number): boolean => score >= range.minValue && score <= range.maxValue;
  const off = sums.filter(({ score, from }) => !on(score) && from.every(on));
  const scores = off.map(({ score }) => score);
  return { off, widened: { minValue: Math.min(range.minValue, ...scores), maxValue: Math.max(range.maxValue, ...scores) } };
}

/** What `widenForSums` changed: the gradient as it was (the whole object, a copy), and the change in words. */
export interface WidenedGradient {
  was: JsonObject;
  /** `0..3 -> 0..4` */
  change: string;
  /** The sums it holds: `a sum of merged scores (T1574.001 under defense-evasion 3 + 1 = 4)`. */
  held: string;
  /** The change, the sums, why, and the legend items that disagree with it now, for the report. */
  message: string;
}

/**
 * Widens the layer's own gradient to hold the sums a merge wrote off it where every score it added was on it (counts
 * of rules, 3 + 1 on 0..3), as combine's sum widens its gradient to hold every score: a sum off the gradient is
 * coloured as its end, like the largest count, and `validate` warns `score-out-of-range`. A score off the gradient as
 * written stays off it (`scoresOutOfRange` says so). Legend items are the author's text, kept as written: the change
 * names those that now disagree with it (`legendOffWidened`). Undefined when nothing changes.
 */
export function widenForSums(layer: JsonObject, sums: readonly SummedScore[]): WidenedGradient | undefined {
  const gradient = layer['gradient'];
  const range = gradientRange(layer);
  if (!isJsonObject(gradient) || !range) return undefined;
  const { off, widened } = sumsOffRange(range, sums);
  if (!off.length) return undefined;
  const was = structuredClone(gradient);
  gradient['minValue'] = widened.minValue;
  gradient['maxValue'] = widened.maxValue;
  const listed = firstFew(off.map(({ where, score, from }) => `${where} ${from.join(' + ')} = ${score}`));
  const change = `${rangeText(range)} -> ${rangeText(widened)}`;
  const held = `${off.length === 1 ? 'a sum' : `${off.length} sums`} of merged scores (${listed})`;
  const legend = legendOffWidened(layer, was, gradient);
  return {
    was,
    change,
    held,
    message:
      `${change}: ${held} off the gradient, widened to hold ${off.length === 1 ? 'it' : 'them'}, ` +
      `else Navigator would colour ${off.length === 1 ? 'it' : 'them'} as the gradient's end${legend ? `; ${legend}` : ''}`,
  };
}

/**
 * The legend items a widened gradient makes disagree with the matrix, in words: each whose colour the gradient `was`
 * painted a score of the layer's entries with (an entry of its own colour aside), which the gradient `now` paints
 * otherwise. Navigator's group layers label their one colour of a score "used by Wizard Spider" on 0..1, Atomic Red
 * Team's theirs "10 or more tests" on 0..10 (Bear APT's and most legends name colours entries have of their own):
 * widened, a score of 1, or 10, is no longer that colour. A label is the layer's author's words, which may name the
 * score or not: the item is kept as written, and said, for the author to recolour or relabel.
 */
function legendOffWidened(layer: JsonObject, was: JsonObject, now: JsonObject): string | undefined {
  const gradient = (object: JsonObject): Gradient => ({
    colors: Array.isArray(object['colors']) ? object['colors'].filter((colour): colour is string => typeof colour === 'string') : [],
    minValue: Number(object['minValue']),
    maxValue: Number(object['maxValue']),
  });
  const [before, after] = [gradient(was), gradient(now)];
  if (before.colors.length < 2) return undefined;
  const entries = Array.isArray(layer['techniques']) ? layer['techniques'] : [];
  const painted = entries.filter((entry): entry is JsonObject => isJsonObject(entry) && typeof entry['score'] === 'number' && !(typeof entry['color'] === 'string' && entry['color'] !== ''));
  // A score off the gradient was painted as its end too, but no legend item was written for it.
  const scores = [...new Set(painted.map((entry) => entry['score'] as number))].filter((score) => score >= before.minValue && score <= before.maxValue).sort((a, b) => a - b);
  const off = (Array.isArray(layer['legendItems']) ? layer['legendItems'] : []).flatMap((item) => {
    if (!isJsonObject(item) || typeof item['label'] !== 'string') return [];
    const colour = paintedColour(item['color']);
    const moved = scores.filter((score) => gradientColor(before, score) === colour && gradientColor(after, score) !== colour);
    return moved.length ? [{ said: `"${item['label']}" (${String(item['color'])})`, moved }] : [];
  });
  if (!off.length) return undefined;
  const moved = [...new Set(off.flatMap((item) => item.moved))].sort((a, b) => a - b);
  const one = off.length === 1;
  return (
    `legend item${one ? '' : 's'} ${firstFew(off.map((item) => item.said))} ${one ? 'is the colour' : 'are the colours'} ${rangeText(before)} gave ` +
    `${moved.length === 1 ? 'a score' : 'scores'} of ${firstFew(moved.map(String))}, which ${rangeText(after)} paints ` +
    `${one && moved.length === 1 ? gradientColor(after, moved[0]!) : 'otherwise'}: kept as written, the layer's author's words; recolour or relabel ${one ? 'it' : 'them'}`
  );
}
