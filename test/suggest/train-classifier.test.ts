import { expect } from 'chai';
import { trainClassifier, unitTfIdf, type TrainingSet } from '../../lib/suggest/train-classifier.js';

/** Three classes, each with its own two words and a word all share; features 0-6. */
function trainingSet(): TrainingSet {
  const examples: [features: number[], label: number][] = [
    [[0, 1, 6], 0],
    [[0, 6], 0],
    [[1, 6], 0],
    [[2, 3, 6], 1],
    [[2, 6], 1],
    [[3], 1],
    [[4, 5, 6], 2],
    [[5, 6], 2],
    [[4], 2],
  ];
  return {
    features: examples.map(([features]) => Int32Array.from(features.flatMap((f) => [f, 1]))),
    labels: Int32Array.from(examples, ([, label]) => label),
    featureCount: 7,
    classCount: 3,
    idf: Float64Array.from([1, 1, 1, 1, 1, 1, 0.2]),
  };
}

/** The classifier's score of each class for some features (weights x unit tf-idf values). */
function scores(classifier: ReturnType<typeof trainClassifier>, set: TrainingSet, features: number[]): number[] {
  const { features: ids, values } = unitTfIdf(features.flatMap((f) => [f, 1]), set.idf);
  const out = [0, 0, 0];
  ids.forEach((f, i) => {
    for (let j = classifier.start[f]!; j < classifier.start[f + 1]!; j++) out[classifier.technique[j]!]! += classifier.weight[j]! * values[i]!;
  });
  return out;
}

describe('trainClassifier', () => {
  it("ranks each class's own words first for that class", () => {
    const set = trainingSet();
    const classifier = trainClassifier(set);
    const best = (features: number[]) => {
      const s = scores(classifier, set, features);
      return s.indexOf(Math.max(...s));
    };
    expect([best([0]), best([1]), best([2]), best([3]), best([4]), best([5])]).to.deep.equal([0, 0, 1, 1, 2, 2]);
  });

  it('is deterministic: the same set gives the same weights', () => {
    const first = trainClassifier(trainingSet());
    const second = trainClassifier(trainingSet());
    expect(Array.from(second.start)).to.deep.equal(Array.from(first.start));
    expect(Array.from(second.technique)).to.deep.equal(Array.from(first.technique));
    expect(Array.from(second.weight)).to.deep.equal(Array.from(first.weight));
  });

  it('keeps, per feature, the classes in ascending order (ranking finds a weight by binary search)', () => {
    const classifier = trainClassifier(trainingSet());
    for (let f = 0; f < 7; f++) {
      const classes = Array.from(classifier.technique.subarray(classifier.start[f]!, classifier.start[f + 1]!));
      expect(classes).to.deep.equal([...classes].sort((a, b) => a - b));
    }
  });
});

describe('unitTfIdf', () => {
  it('weighs counts by 1 + ln(count) x idf and scales the vector to unit length', () => {
    const { features, values } = unitTfIdf([3, 1, 5, 2], Float64Array.from([0, 0, 0, 2, 0, 1]));
    const raw = [2, 1 + Math.log(2)];
    const norm = Math.hypot(...raw);
    expect(Array.from(features)).to.deep.equal([3, 5]);
    expect(Array.from(values)).to.deep.equal(raw.map((v) => v / norm));
  });
});
