import { compareIds } from '../attack/index-bundle.js';
import type { TechniqueId } from '../attack/types.js';
import { stemOf, textFeatures, textStems, textWords, isContentWord } from './text-terms.js';
import type { SuggestDoc, SuggestDocKind, SuggestModelData } from './suggest-model-data.js';

/** A technique proposed for a passage. */
export interface SuggestCandidate {
  id: TechniqueId;
  /** `Parent: Sub` for a sub-technique. */
  name: string;
  /** Relevance (BM25 over the release's texts, see the README); higher is better, 0 is no evidence. */
  score: number;
  /** The words that matched and the ATT&CK text that matched them best, for the analyst to judge. */
  why: string;
}

/** How to rank: how many candidates, and (for evaluations) documents to leave out. */
export interface RankOptions {
  top?: number;
  /** Leave these documents out of the evidence, e.g. procedure examples citing the report being scored. */
  exclude?: (doc: SuggestDoc) => boolean;
}

// BM25's usual constants; the weight of each kind of text; how much the second and third best texts of a technique
// add to its best. Chosen on the evaluation set (see the README), where they were measured one at a time.
const K1 = 1.2;
const B = 0.75;
const KIND_WEIGHTS: Readonly<Record<SuggestDocKind, number>> = { name: 1.5, description: 0.7, procedure: 1, detection: 0.5 };
const DECAY = [1, 0.7, 0.5, 0.3];
// A sub-technique's texts are evidence for its parent too, a little weaker: reports often name only the parent.
const CHILD_WEIGHT = 0.9;
// A passage that says a technique's own name (`JavaScript`, `Virtual Private Server`) gets that name's idf again.
const NAME_PHRASE_WEIGHT = 1;
const WHY_TEXT_LENGTH = 140;

/** A suggestion model ready to rank: the stored data and its inverted index. */
export class SuggestModel {
  readonly data: SuggestModelData;
  private readonly postings = new Map<number, { docs: Int32Array; weights: Float32Array }>();
  private readonly featureIds: Map<string, number>;
  private readonly parentOf: (number | undefined)[];
  private readonly actorPattern?: RegExp;
  /** Each technique's own name (the sub-technique part) as stems, and their summed idf. */
  private readonly namePhrases: { stems: string[]; idf: number }[];

  constructor(data: SuggestModelData) {
    this.data = data;
    this.featureIds = new Map(data.features.map((feature, i) => [feature, i]));
    // Who did it (TEMP.Periscope, APT32) says nothing of what was done, and its words match unrelated texts (%temp%).
    if (data.actorNames.length) {
      const escaped = data.actorNames.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      this.actorPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    }
    const byId = new Map(data.techniques.map((technique, i) => [technique.id, i]));
    this.parentOf = data.techniques.map((technique) => (technique.id.includes('.') ? byId.get(technique.id.split('.')[0]!) : undefined));
    const n = data.docs.length;
    const average = data.docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, n);
    const lists = new Map<number, { docs: number[]; tfs: number[] }>();
    data.docs.forEach((doc, d) => {
      for (let i = 0; i < doc.features.length; i += 2) {
        const feature = doc.features[i]!;
        let list = lists.get(feature);
        if (!list) lists.set(feature, (list = { docs: [], tfs: [] }));
        list.docs.push(d);
        list.tfs.push(doc.features[i + 1]!);
      }
    });
    const idfOf = (stem: string): number => {
      const df = lists.get(this.featureIds.get(stem) ?? -1)?.docs.length ?? 0;
      return df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0;
    };
    this.namePhrases = data.techniques.map((technique) => {
      const stems = textStems(technique.name.split(': ').pop() ?? technique.name);
      return { stems, idf: stems.reduce((sum, stem) => sum + idfOf(stem), 0) };
    });
    // Each posting carries its whole BM25 term weight (idf x saturated tf x kind weight): ranking only adds them up.
    for (const [feature, list] of lists) {
      const df = list.docs.length;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const weights = new Float32Array(df);
      list.docs.forEach((d, i) => {
        const doc = data.docs[d]!;
        const tf = list.tfs[i]!;
        weights[i] = idf * KIND_WEIGHTS[doc.kind] * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / average)));
      });
      this.postings.set(feature, { docs: Int32Array.from(list.docs), weights });
    }
  }

  /** Techniques for a passage of English text, best first (ties by ID); none when no word of it is known. */
  rank(text: string, options: RankOptions = {}): SuggestCandidate[] {
    const top = options.top ?? 5;
    const words = textWords(this.actorPattern ? text.replace(this.actorPattern, ' ') : text).filter(isContentWord);
    const surface = new Map<string, string>();
    for (const word of words) if (!surface.has(stemOf(word))) surface.set(stemOf(word), word);
    const query = [...new Set(textFeatures(words.map(stemOf)))].flatMap((feature) => {
      const id = this.featureIds.get(feature);
      return id === undefined ? [] : [id];
    });
    const scores = new Map<number, number>();
    for (const feature of query) {
      const posting = this.postings.get(feature)!;
      for (let i = 0; i < posting.docs.length; i++) {
        const d = posting.docs[i]!;
        scores.set(d, (scores.get(d) ?? 0) + posting.weights[i]!);
      }
    }
    // A technique's score: its best text, plus a decreasing part of its next three best.
    const best = new Map<number, { doc: number; score: number }[]>();
    for (const [d, score] of scores) {
      const doc = this.data.docs[d]!;
      if (options.exclude?.(doc)) continue;
      let list = best.get(doc.technique);
      if (!list) best.set(doc.technique, (list = []));
      list.push({ doc: d, score });
      const parent = this.parentOf[doc.technique];
      if (parent !== undefined) {
        let parentList = best.get(parent);
        if (!parentList) best.set(parent, (parentList = []));
        parentList.push({ doc: d, score: score * CHILD_WEIGHT });
      }
    }
    const queryStems = ` ${words.map(stemOf).join(' ')} `;
    const ranked = [...best.entries()].map(([technique, list]) => {
      list.sort((a, b) => b.score - a.score || a.doc - b.doc);
      const phrase = this.namePhrases[technique]!;
      const said = phrase.stems.length > 0 && queryStems.includes(` ${phrase.stems.join(' ')} `);
      const score =
        list.slice(0, DECAY.length).reduce((sum, entry, i) => sum + entry.score * DECAY[i]!, 0) + (said ? phrase.idf * NAME_PHRASE_WEIGHT : 0);
      return { technique, score, doc: list[0]!.doc };
    });
    ranked.sort((a, b) => b.score - a.score || compareIds(this.data.techniques[a.technique]!.id, this.data.techniques[b.technique]!.id));
    return ranked.slice(0, top).map(({ technique, score, doc }) => {
      const { id, name } = this.data.techniques[technique]!;
      return { id, name, score: Math.round(score * 10) / 10, why: this.why(this.data.docs[doc]!, technique, query, surface) };
    });
  }

  private why(doc: SuggestDoc, technique: number, query: readonly number[], surface: ReadonlyMap<string, string>): string {
    const inDoc = new Set<number>();
    for (let i = 0; i < doc.features.length; i += 2) inDoc.add(doc.features[i]!);
    const matched = query
      .filter((feature) => inDoc.has(feature))
      .map((feature) => this.data.features[feature]!)
      .filter((feature) => !feature.includes(' '))
      .map((stem) => surface.get(stem) ?? stem);
    const words = matched.length ? `words ${matched.slice(0, 6).map((word) => `"${word}"`).join(', ')}` : 'phrases';
    const text = doc.text.length > WHY_TEXT_LENGTH ? `${doc.text.slice(0, WHY_TEXT_LENGTH - 1).trimEnd()}…` : doc.text;
    // A parent's evidence may be a text of one of its sub-techniques: say whose.
    const whose = doc.technique === technique ? '' : ` of ${this.data.techniques[doc.technique]!.id}`;
    const where =
      doc.kind === 'name'
        ? `the name${whose || ' of the technique'}`
        : doc.kind === 'procedure'
          ? `procedure example${whose}${doc.owner ? ` (${doc.owner})` : ''}: "${text}"`
          : `${doc.kind === 'description' ? 'description' : 'detection text'}${whose}: "${text}"`;
    return `${words}; ${where}`;
  }
}
