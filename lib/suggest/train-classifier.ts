import { indexArray, type SuggestClassifier } from './suggest-model-data.js';

/** The labelled examples a classifier learns from: each document's features and counts, as pairs, and its class. */
export interface TrainingSet {
  /** Per example: `[feature, count, feature, count, ...]`. */
  features: readonly Int32Array[];
  labels: Int32Array;
  featureCount: number;
  classCount: number;
  /** Inverse document frequency of each feature, to weight the counts. */
  idf: Float64Array;
}

// Passes over the training set and the largest step a single example may take (PA-I's aggressiveness C).
const EPOCHS = 4;
const AGGRESSIVENESS = 1;
// Averaged weights smaller than this are dropped: 7 in 10, which changed little on the development part (see
// eval/README.md), and ranking reads a third as many.
const KEEP_ABOVE = 0.1;

/**
 * An example's features as a tf-idf vector of unit length: (1 + ln count) x idf per feature, then normalised.
 * The same weighting is applied to a passage when the classifier ranks it (`writeUnitTfIdf`).
 */
export function unitTfIdf(pairs: ArrayLike<number>, idf: Float64Array): { features: Int32Array; values: Float64Array } {
  const n = pairs.length / 2;
  const features = new Int32Array(n);
  const counts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    features[i] = pairs[2 * i]!;
    counts[i] = pairs[2 * i + 1]!;
  }
  const values = new Float64Array(n);
  writeUnitTfIdf(features, counts, (f) => idf[f]!, values);
  return { features, values };
}

/**
 * The unit tf-idf values of features with their counts, written into `values` (as long as the features at least);
 * `idfOf` gives a feature's idf (a model computes only those of a passage's features, not all of them when loaded).
 */
export function writeUnitTfIdf(features: ArrayLike<number>, counts: ArrayLike<number>, idfOf: (feature: number) => number, values: Float64Array): void {
  const n = features.length;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const v = (1 + Math.log(counts[i]!)) * idfOf(features[i]!);
    values[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < n; i++) values[i]! /= norm;
}

/**
 * Train a multiclass linear classifier (a linear SVM with the multiclass hinge loss, learnt online by passive-aggressive
 * updates and averaged over every step): for each example in turn, if its class does not beat the best-scoring other
 * class by a margin of 1, move the example's features towards its class and away from that rival by the smallest step
 * that restores the margin (at most AGGRESSIVENESS). Only classes an example's features already speak for compete,
 * so the weights stay sparse. Deterministic: a fixed visiting order (a stride through the examples), a fixed number of
 * passes, no randomness. Pure.
 */
export function trainClassifier(set: TrainingSet): SuggestClassifier {
  const { labels, classCount, featureCount, idf } = set;
  const examples = set.features.map((pairs) => unitTfIdf(pairs, idf));
  // Each feature keeps its classes and their weights side by side (grown by doubling), so that scoring reads memory
  // in order; `position` finds a (feature, class) pair's place for an update.
  const classesOf: Int32Array[] = Array.from({ length: featureCount }, () => new Int32Array(0));
  const weightsOf: Float64Array[] = Array.from({ length: featureCount }, () => new Float64Array(0));
  const sumsOf: Float64Array[] = Array.from({ length: featureCount }, () => new Float64Array(0));
  const lengthOf = new Int32Array(featureCount);
  const position = new Map<number, number>();
  const placeOf = (f: number, c: number): number => {
    const key = f * classCount + c;
    const known = position.get(key);
    if (known !== undefined) return known;
    const at = lengthOf[f]!++;
    if (at >= classesOf[f]!.length) {
      const capacity = Math.max(4, at * 2);
      const classes = new Int32Array(capacity);
      classes.set(classesOf[f]!);
      classesOf[f] = classes;
      const weights = new Float64Array(capacity);
      weights.set(weightsOf[f]!);
      weightsOf[f] = weights;
      const sums = new Float64Array(capacity);
      sums.set(sumsOf[f]!);
      sumsOf[f] = sums;
    }
    classesOf[f]![at] = c;
    position.set(key, at);
    return at;
  };
  const scores = new Float64Array(classCount);
  const n = examples.length;
  // A stride coprime with n visits every example once per pass, mixing classes (documents are grouped by kind).
  let stride = Math.max(1, Math.floor(n * 0.618));
  while (gcd(stride, n) !== 1) stride++;
  let step = 1;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let k = 0, e = 0; k < n; k++, e = (e + stride) % n, step++) {
      const { features, values } = examples[e]!;
      const label = labels[e]!;
      for (let i = 0; i < features.length; i++) {
        const f = features[i]!;
        const classes = classesOf[f]!;
        const weights = weightsOf[f]!;
        const value = values[i]!;
        for (let j = 0, end = lengthOf[f]!; j < end; j++) scores[classes[j]!]! += weights[j]! * value;
      }
      // The rival: the best-scoring other class among those the features speak for (a score of exactly 0 is none).
      let rival = -1;
      for (let c = 0; c < classCount; c++) {
        if (c !== label && scores[c] !== 0 && (rival < 0 || scores[c]! > scores[rival]!)) rival = c;
      }
      const own = scores[label]!;
      const other = rival < 0 ? 0 : scores[rival]!;
      scores.fill(0);
      const loss = 1 - own + other;
      if (loss <= 0) continue;
      // |x| = 1, so moving x towards one class and away from another changes the margin by 2 tau.
      const tau = Math.min(AGGRESSIVENESS, loss / (rival < 0 ? 1 : 2));
      for (let i = 0; i < features.length; i++) {
        const f = features[i]!;
        const delta = tau * values[i]!;
        const up = placeOf(f, label);
        weightsOf[f]![up]! += delta;
        sumsOf[f]![up]! += step * delta;
        if (rival < 0) continue;
        const down = placeOf(f, rival);
        weightsOf[f]![down]! -= delta;
        sumsOf[f]![down]! -= step * delta;
      }
    }
  }
  // Averaged weights (w - u / steps), kept per feature, classes ascending.
  const start = new Int32Array(featureCount + 1);
  const technique: number[] = [];
  const weight: number[] = [];
  for (let f = 0; f < featureCount; f++) {
    const order = Array.from({ length: lengthOf[f]! }, (_, j) => j).sort((a, b) => classesOf[f]![a]! - classesOf[f]![b]!);
    for (const j of order) {
      const value = weightsOf[f]![j]! - sumsOf[f]![j]! / step;
      if (Math.abs(value) < KEEP_ABOVE) continue;
      technique.push(classesOf[f]![j]!);
      weight.push(value);
    }
    start[f + 1] = technique.length;
  }
  return { start, technique: indexArray(technique, classCount), weight: Float32Array.from(weight) };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
