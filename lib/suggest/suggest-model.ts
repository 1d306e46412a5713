import type { TechniqueId } from '../attack/types.js';
import { isContentWord, stemOf, textFeatures, textWords } from './text-terms.js';
import { SUGGEST_DOC_KINDS, type SuggestDocKind, type SuggestModelData } from './suggest-model-data.js';

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
  /** Leave these documents (by number) out of the evidence, e.g. procedure examples citing the report being scored. */
  exclude?: (doc: number) => boolean;
}

// BM25's usual constants; the weight of each kind of text; how much the second and third best texts of a technique
// add to its best. Chosen on the evaluation set (see the README), where they were measured one at a time.
const K1 = 1.2;
const B = 0.75;
const KIND_WEIGHTS: Readonly<Record<SuggestDocKind, number>> = { name: 1.5, description: 0.7, procedure: 1, detection: 0.5 };
const DECAY = [1, 0.7, 0.5, 0.3];
const DEPTH = DECAY.length;
// A sub-technique's texts are evidence for its parent too, a little weaker: reports often name only the parent.
const CHILD_WEIGHT = 0.9;
// A passage that says a technique's own name (`JavaScript`, `Virtual Private Server`) gets that name's idf again.
const NAME_PHRASE_WEIGHT = 1;
// A text counts for its technique only when it scores at least this share of the passage's best text.
const MIN_SHARE = 0.2;
const WHY_TEXT_LENGTH = 140;

/** Whether a technique with this score ranks above an entry: a higher score, or the same and a lower number (ID). */
function outranks(score: number, technique: number, entry: { technique: number; score: number }): boolean {
  return score > entry.score || (score === entry.score && technique < entry.technique);
}

/**
 * A suggestion model ready to rank: the stored data, the BM25 weight of every posting, and scratch arrays reused
 * from passage to passage (ranking adds numbers into arrays indexed by document and technique; no maps).
 */
export class SuggestModel {
  readonly data: SuggestModelData;
  /** The BM25 term weight (idf x saturated tf x kind weight) of each posting: ranking only adds them up. */
  private readonly weights: Float32Array;
  private readonly idf: Float64Array;
  private readonly parentOf: Int32Array;
  /** Names of groups and campaigns as word sequences, by their first word. */
  private readonly actors = new Map<string, string[][]>();
  /** Each technique's own name (the sub-technique part) as stems, by its first stem; and its summed idf. */
  private readonly namePhrases = new Map<string, { technique: number; stems: string[] }[]>();
  private readonly nameIdf: Float64Array;
  // Scratch, reset after each passage.
  private readonly docScore: Float64Array;
  private readonly touchedDocs: Int32Array;
  private readonly top: Float64Array;
  private readonly topCount: Uint8Array;
  private readonly bestDoc: Int32Array;

  constructor(data: SuggestModelData) {
    this.data = data;
    const { docs, postings, techniques } = data;
    const n = docs.technique.length;
    let total = 0;
    for (let d = 0; d < n; d++) total += docs.length[d]!;
    const average = total / Math.max(1, n);
    const features = postings.start.length - 1;
    this.idf = new Float64Array(features);
    this.weights = new Float32Array(postings.doc.length);
    const kindWeight = SUGGEST_DOC_KINDS.map((kind) => KIND_WEIGHTS[kind]);
    for (let f = 0; f < features; f++) {
      const from = postings.start[f]!;
      const to = postings.start[f + 1]!;
      const df = to - from;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      this.idf[f] = idf;
      for (let i = from; i < to; i++) {
        const d = postings.doc[i]!;
        const tf = postings.count[i]!;
        this.weights[i] = idf * kindWeight[docs.kind[d]!]! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * docs.length[d]!) / average)));
      }
    }
    const byId = new Map(techniques.map((technique, i) => [technique.id, i]));
    this.parentOf = Int32Array.from(techniques, (technique) => (technique.id.includes('.') ? (byId.get(technique.id.split('.')[0]!) ?? -1) : -1));
    for (const name of data.actorNames) {
      const words = textWords(name);
      if (!words.length) continue;
      const list = this.actors.get(words[0]!) ?? [];
      list.push(words);
      this.actors.set(words[0]!, list);
    }
    // Longest name first, so that `apt28 nearest neighbor campaign` is removed before `apt28`.
    for (const list of this.actors.values()) list.sort((a, b) => b.length - a.length);
    this.nameIdf = new Float64Array(techniques.length);
    techniques.forEach((technique, t) => {
      const stems = textWords(technique.name.split(': ').pop() ?? technique.name).filter(isContentWord).map(stemOf);
      if (!stems.length) return;
      this.nameIdf[t] = stems.reduce((sum, stem) => {
        const f = data.features.lookup(stem);
        return sum + (f < 0 ? 0 : this.idf[f]!);
      }, 0);
      const list = this.namePhrases.get(stems[0]!) ?? [];
      list.push({ technique: t, stems });
      this.namePhrases.set(stems[0]!, list);
    });
    this.docScore = new Float64Array(n);
    this.touchedDocs = new Int32Array(n);
    this.top = new Float64Array(techniques.length * DEPTH);
    this.topCount = new Uint8Array(techniques.length);
    this.bestDoc = new Int32Array(techniques.length);
  }

  /** How many documents the model holds. */
  get docCount(): number {
    return this.data.docs.technique.length;
  }

  /** What kind of text a document is. */
  docKind(doc: number): SuggestDocKind {
    return SUGGEST_DOC_KINDS[this.data.docs.kind[doc]!]!;
  }

  /** The sources a document cites, as `sourceKey`s. */
  docSources(doc: number): string[] {
    const { sourceStart, sourceIds } = this.data.docs;
    return Array.from(sourceIds.subarray(sourceStart[doc]!, sourceStart[doc + 1]!), (id) => this.data.sources[id]!);
  }

  /** The words of a passage as the model reads them: names of groups and campaigns removed, then content words only. */
  passageWords(text: string): string[] {
    // Who did it (TEMP.Periscope, APT32) says nothing of what was done, and its words match unrelated texts (%temp%).
    const words = textWords(text);
    const kept: string[] = [];
    for (let i = 0; i < words.length; ) {
      const match = this.actors.get(words[i]!)?.find((name) => name.every((word, j) => words[i + j] === word));
      if (match) {
        i += match.length;
        continue;
      }
      if (isContentWord(words[i]!)) kept.push(words[i]!);
      i++;
    }
    return kept;
  }

  /** Techniques for a passage of English text, best first (ties by ID); none when no word of it is known. */
  rank(text: string, options: RankOptions = {}): SuggestCandidate[] {
    const top = Math.max(1, options.top ?? 5);
    const words = this.passageWords(text);
    const stems = words.map(stemOf);
    const surface = new Map<string, string>();
    words.forEach((word, i) => surface.has(stems[i]!) || surface.set(stems[i]!, word));
    // The passage's known features, each once, in order of first appearance (with its text, for `why`).
    const query: number[] = [];
    const queryText: string[] = [];
    for (const feature of new Set(textFeatures(stems))) {
      const f = this.data.features.lookup(feature);
      if (f < 0) continue;
      query.push(f);
      queryText.push(feature);
    }

    // BM25 of every document holding a query feature.
    const { docScore, touchedDocs, weights, top: best4, topCount, bestDoc, parentOf } = this;
    const { start, doc: postingDoc } = this.data.postings;
    const docTechnique = this.data.docs.technique;
    let touched = 0;
    for (const f of query) {
      for (let i = start[f]!, end = start[f + 1]!; i < end; i++) {
        const d = postingDoc[i]!;
        if (docScore[d] === 0) touchedDocs[touched++] = d;
        docScore[d]! += weights[i]!;
      }
    }
    // Texts far below the passage's best text change no ranking worth showing, and skipping them saves most of the work.
    const exclude = options.exclude;
    let floor = 0;
    for (let k = 0; k < touched; k++) {
      const d = touchedDocs[k]!;
      if (docScore[d]! > floor && !exclude?.(d)) floor = docScore[d]!;
    }
    floor *= MIN_SHARE;
    // A technique's score: its best text, plus a decreasing part of its next best (kept in descending order, with
    // the number of the best text); a sub-technique's texts count for its parent too.
    const techniques: number[] = [];
    for (let k = 0; k < touched; k++) {
      const d = touchedDocs[k]!;
      let score = docScore[d]!;
      docScore[d] = 0;
      if (score < floor || exclude?.(d)) continue;
      for (let t = docTechnique[d]!; t >= 0; t = parentOf[t]!, score *= CHILD_WEIGHT) {
        const count = topCount[t]!;
        const base = t * DEPTH;
        if (count === 0) {
          techniques.push(t);
          best4[base] = score;
          bestDoc[t] = d;
          topCount[t] = 1;
          continue;
        }
        if (score > best4[base]! || (score === best4[base]! && d < bestDoc[t]!)) bestDoc[t] = d;
        if (count === DEPTH && score <= best4[base + DEPTH - 1]!) continue;
        let i = count < DEPTH ? count : DEPTH - 1;
        if (count < DEPTH) topCount[t] = count + 1;
        for (; i > 0 && best4[base + i - 1]! < score; i--) best4[base + i] = best4[base + i - 1]!;
        best4[base + i] = score;
      }
    }
    // Final scores, then the best `top` by selection (techniques are numbered in ID order: a tie goes to the lower ID).
    const said = this.namesSaid(stems);
    const best: { technique: number; score: number }[] = [];
    for (const t of techniques) {
      let score = said.has(t) ? this.nameIdf[t]! * NAME_PHRASE_WEIGHT : 0;
      for (let i = 0; i < this.topCount[t]!; i++) score += this.top[t * DEPTH + i]! * DECAY[i]!;
      this.topCount[t] = 0;
      if (best.length === top && !outranks(score, t, best[top - 1]!)) continue;
      let i = best.length === top ? top - 1 : best.push({ technique: t, score }) - 1;
      for (; i > 0 && outranks(score, t, best[i - 1]!); i--) best[i] = best[i - 1]!;
      best[i] = { technique: t, score };
    }
    return best.map(({ technique, score }) => {
      const { id, name } = this.data.techniques[technique]!;
      return { id, name, score: Math.round(score * 10) / 10, why: this.why(this.bestDoc[technique]!, technique, query, queryText, surface) };
    });
  }

  /** The techniques whose own name the passage says, as consecutive stems. */
  private namesSaid(stems: readonly string[]): Set<number> {
    const said = new Set<number>();
    stems.forEach((stem, i) => {
      for (const phrase of this.namePhrases.get(stem) ?? []) {
        if (phrase.stems.every((s, j) => stems[i + j] === s)) said.add(phrase.technique);
      }
    });
    return said;
  }

  /** Whether a document holds a feature (binary search in the feature's ascending postings). */
  private holds(doc: number, f: number): boolean {
    const { start, doc: docs } = this.data.postings;
    let lo = start[f]!;
    let hi = start[f + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = docs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private why(doc: number, technique: number, query: readonly number[], queryText: readonly string[], surface: ReadonlyMap<string, string>): string {
    const { docs } = this.data;
    const matched = query
      .flatMap((f, i) => (!queryText[i]!.includes(' ') && this.holds(doc, f) ? [queryText[i]!] : []))
      .map((stem) => surface.get(stem) ?? stem);
    const words = matched.length ? `words ${matched.slice(0, 6).map((word) => `"${word}"`).join(', ')}` : 'phrases';
    const full = docs.text.get(doc);
    const text = full.length > WHY_TEXT_LENGTH ? `${full.slice(0, WHY_TEXT_LENGTH - 1).trimEnd()}…` : full;
    // A parent's evidence may be a text of one of its sub-techniques: say whose.
    const owner = docs.owner.get(doc);
    const kind = this.docKind(doc);
    const whose = docs.technique[doc] === technique ? '' : ` of ${this.data.techniques[docs.technique[doc]!]!.id}`;
    const where =
      kind === 'name'
        ? `the name${whose || ' of the technique'}`
        : kind === 'procedure'
          ? `procedure example${whose}${owner ? ` (${owner})` : ''}: "${text}"`
          : `${kind === 'description' ? 'description' : 'detection text'}${whose}: "${text}"`;
    return `${words}; ${where}`;
  }
}
