import type { TechniqueId } from '../attack/types.js';
import { expandPassage } from './query-expansion.js';
import { isContentWord, stemOf, textWords, withoutIndicators, writtenWords } from './text-terms.js';
import { writeUnitTfIdf } from './train-classifier.js';
import { featureIdf, SUGGEST_DOC_KINDS, type SuggestDocKind, type SuggestModelData } from './suggest-model-data.js';

/** A technique proposed for a passage. */
export interface SuggestCandidate {
  id: TechniqueId;
  /** `Parent: Sub` for a sub-technique. */
  name: string;
  /**
   * Relevance within the passage, 0 to 100: 20 % the technique's BM25 score over the release's texts and 80 % the
   * classifier's, each as a share of the passage's best (see docs/suggest.md); candidates come in this order.
   */
  score: number;
  /** The words that matched and the ATT&CK text that matched them best (or the words the classifier weighed), for the analyst to judge. */
  why: string;
}

/** A passage's candidates, and how much of the passage the first one's evidence holds. */
export interface RankedPassage {
  candidates: SuggestCandidate[];
  /**
   * How many words of the passage (its own, or the ATT&CK words the glossary read it as) the first candidate's
   * evidence holds: its best matching text's words, or the words the classifier weighs for it (see `why`). 0 when
   * there are no candidates.
   */
  wordsInCommon: number;
}

/** How to rank: how many candidates, and (for evaluations) documents to leave out. */
export interface RankOptions {
  top?: number;
  /** Leave these documents (by number) out of the evidence, e.g. procedure examples citing the report being scored. */
  exclude?: (doc: number) => boolean;
}

// How much the second, third and fourth best texts of a technique add to its best (the BM25 weights of the texts
// themselves are in the model: build-suggest-model.ts). Chosen on the first 110 evaluation sentences, measured one at
// a time (see eval/README.md).
const DECAY = [1, 0.7, 0.5, 0.3];
const DEPTH = DECAY.length;
// A sub-technique's texts are evidence for its parent too, a little weaker: reports often name only the parent.
const CHILD_WEIGHT = 0.9;
// A passage that says a technique's own name (`JavaScript`, `Virtual Private Server`) gets that name's idf again.
const NAME_PHRASE_WEIGHT = 1;
// A text counts for its technique only when it scores at least this share of the passage's best text.
const MIN_SHARE = 0.2;
// BM25 leaves out the words found in more than this share of all texts: half its work, and on the development part
// (see eval/README.md) no loss.
const COMMON_SHARE = 0.05;
// The classifier's share in the combined score (the rest is BM25's; each is normalised by the passage's best): low
// when choosing which techniques to list (BM25 finds the right one among the first five more often), high when
// ordering them (the classifier puts it first more often). Chosen on the development part of the evaluation set,
// within what keeps the acceptance checks of test/suggest (see eval/README.md).
const SELECT_CLASSIFIER_SHARE = 0.1;
const ORDER_CLASSIFIER_SHARE = 0.8;
// Candidates are chosen and ordered five at a time (the evaluation's top 5), so that the first k of any --top are
// the same techniques in the same order: --top 1 is the first of --top 5, --top 10 begins with --top 5.
const BLOCK = 5;
const WHY_TEXT_LENGTH = 140;
// The weight of the ATT&CK words the glossary reads a passage's phrasing as, against 1 for the passage's own words.
const EXPANSION_WEIGHT = 0.5;

// "APT" (advanced persistent threat), as reports write it: capitals, alone or plural. Lower-case `apt` is the package
// manager and is kept.
const THREAT_ACTOR_WORD = /\bAPTs?\b/g;

/** Each stem of a passage's query as `why` shows it: the word written, or the ATT&CK word and the written words read as it. */
type Surface = Map<string, { word: string; from?: string[] }>;

/** What ranking asks of a word of a passage (`wordFacts`): looked up once per model, not once per question. */
interface WordFacts {
  word: string;
  /** The names of groups and campaigns that begin with it (`actors`). */
  names: readonly { words: readonly string[]; written?: readonly string[] }[] | undefined;
  /** Whether it carries meaning for ranking (`isContentWord`). */
  content: boolean;
  stem: string;
  /** Its stem's feature (`featureOf`). */
  feature: number;
  /** The features of the pairs of stems it begins, by the second stem's feature, looked up so far (`pairFeature`). */
  pairs: Map<number, number> | undefined;
}

/** Whether a sequence of words holds another's at a place. */
function startsAt(words: readonly string[], at: number, part: readonly string[]): boolean {
  for (let j = 0; j < part.length; j++) if (words[at + j] !== part[j]) return false;
  return true;
}

/** Whether a technique with this score ranks above an entry: a higher score, or the same and a lower number (ID). */
function outranks(score: number, technique: number, entryScore: number, entryTechnique: number): boolean {
  return score > entryScore || (score === entryScore && technique < entryTechnique);
}

/**
 * A suggestion model ready to rank: the stored data, the BM25 weight of every posting, and scratch arrays reused
 * from passage to passage (ranking adds numbers into arrays indexed by document and technique; no maps).
 */
export class SuggestModel {
  readonly data: SuggestModelData;
  /** A feature's idf, computed when a passage asks for it: a passage has a few dozen features, the model 100,000. */
  private readonly idfOf: (feature: number) => number;
  private readonly parentOf: Int32Array;
  /**
   * Names of groups and campaigns as word sequences, by their first word; a name that is also a word (`actorWordNames`)
   * with its words as ATT&CK writes them, to be matched only when written so or in capitals.
   */
  private readonly actors = new Map<string, { words: readonly string[]; written?: readonly string[] }[]>();
  /** Each technique's own name (the sub-technique part) as stems, by its first stem; and its summed idf. */
  private readonly namePhrases = new Map<string, { technique: number; stems: string[] }[]>();
  private readonly nameIdf: Float64Array;
  // Scratch, reset after each passage.
  private readonly docScore: Float64Array;
  /** The documents BM25 keeps (at least MIN_SHARE of the best) and their scores. */
  private readonly keptDocs: Int32Array;
  private readonly keptScores: Float64Array;
  /**
   * Each technique's DEPTH best text scores, descending, 0 in the places not filled (every text BM25 keeps scores above
   * 0): no count of them is kept, and a technique's first text is the one that finds its best place 0.
   */
  private readonly top: Float64Array;
  private readonly bestDoc: Int32Array;
  private readonly lexical: Float64Array;
  private readonly learnt: Float64Array;
  /** The techniques BM25 scored for the passage, in the order first scored (the first `lexicalCount`). */
  private readonly lexicalList: Int32Array;
  /** The sub-techniques, whose classifier scores their parents inherit (`classify`). */
  private readonly subTechniques: Int32Array;
  /** Each feature's place in the passage's query + 1 (0: not in it). */
  private readonly queryAt: Int32Array;
  /** The classifier's value of each feature of the passage's query (grown as passages need). */
  private queryValues = new Float64Array(64);
  /** The feature numbers of the stems (and the glossary's features) looked up so far (`featureOf`). */
  private readonly featureNumbers = new Map<string, number>();
  /** The facts of the passages' words looked up so far (`wordFacts`). */
  private readonly facts = new Map<string, WordFacts>();
  /**
   * What `why` says of each document it quoted so far, after whose it is, built once: for a name, its text and how
   * many distinct content stems it has; for another text, its kind's label and the rest (`: "…"`, ` (G0007): "…"`).
   */
  private readonly docQuotes: ({ text: string; words: number } | { label: string; rest: string } | undefined)[];

  constructor(data: SuggestModelData) {
    this.data = data;
    const { docs, postings, techniques } = data;
    const n = docs.technique.length;
    this.idfOf = (f) => featureIdf(postings.start, n, f);
    const byId = new Map(techniques.map((technique, i) => [technique.id, i]));
    this.parentOf = Int32Array.from(techniques, (technique) => (technique.id.includes('.') ? (byId.get(technique.id.split('.')[0]!) ?? -1) : -1));
    const addActor = (name: string, written?: readonly string[]): void => {
      const words = textWords(name);
      if (!words.length) return;
      const list = this.actors.get(words[0]!) ?? [];
      list.push({ words, written });
      this.actors.set(words[0]!, list);
    };
    for (const name of data.actorNames) addActor(name);
    for (const name of data.actorWordNames) addActor(name, writtenWords(name));
    // Longest name first, so that `apt28 nearest neighbor campaign` is removed before `apt28`.
    for (const list of this.actors.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.nameIdf = new Float64Array(techniques.length);
    techniques.forEach((technique, t) => {
      const stems = textWords(technique.name.split(': ').pop() ?? technique.name).filter(isContentWord).map(stemOf);
      if (!stems.length) return;
      this.nameIdf[t] = stems.reduce((sum, stem) => {
        const f = data.features.lookup(stem);
        return sum + (f < 0 ? 0 : this.idfOf(f));
      }, 0);
      const list = this.namePhrases.get(stems[0]!) ?? [];
      list.push({ technique: t, stems });
      this.namePhrases.set(stems[0]!, list);
    });
    this.docScore = new Float64Array(n);
    this.keptDocs = new Int32Array(n);
    this.keptScores = new Float64Array(n);
    this.top = new Float64Array(techniques.length * DEPTH);
    this.bestDoc = new Int32Array(techniques.length);
    this.lexical = new Float64Array(techniques.length);
    this.learnt = new Float64Array(techniques.length);
    this.lexicalList = new Int32Array(techniques.length);
    this.subTechniques = Int32Array.from(techniques.keys()).filter((t) => this.parentOf[t]! >= 0);
    this.queryAt = new Int32Array(data.features.size);
    // (Made as long as the documents: an empty array written at scattered places became a dictionary, and reading it was
    // a quarter of `why`'s own time in a CPU profile.)
    this.docQuotes = new Array(n);
  }

  /**
   * The number of a stem's feature (-1: none), each stem looked up once: the words of a report are mostly words seen
   * before, like their stems (`stemOf`). Pairs of a passage's stems are looked up each time.
   */
  private featureOf(stem: string): number {
    let f = this.featureNumbers.get(stem);
    if (f === undefined) {
      f = this.data.features.lookup(stem);
      this.featureNumbers.set(stem, f);
    }
    return f;
  }

  /**
   * What ranking asks of a word, looked up once: a passage's words are mostly words seen before, and asking the names,
   * the function words, the stems and the features each in its own map was a tenth of ranking in a CPU profile.
   */
  private wordFacts(word: string): WordFacts {
    let facts = this.facts.get(word);
    if (facts === undefined) {
      const stem = stemOf(word);
      facts = { word, names: this.actors.get(word), content: isContentWord(word), stem, feature: this.featureOf(stem), pairs: undefined };
      this.facts.set(word, facts);
    }
    return facts;
  }

  /**
   * The feature of the pair of two words' stems (-1: none), each pair looked up once, as `featureOf`: a passage's pairs
   * are mostly pairs seen before, and their text is then not written and hashed again. Kept with the first word's
   * facts, by the second's feature: one map less to ask than by both features.
   */
  private pairFeature(first: WordFacts, second: WordFacts): number {
    const pairs = (first.pairs ??= new Map());
    let f = pairs.get(second.feature);
    if (f === undefined) {
      f = this.data.features.lookup(`${first.stem} ${second.stem}`);
      pairs.set(second.feature, f);
    }
    return f;
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

  /**
   * The words of a passage as the model reads them: indicators (an address of a well-known service as its name,
   * `mega[.]nz` as `mega`), names of groups and campaigns and the word `APT` removed, then content words only.
   */
  passageWords(text: string): string[] {
    return this.contentWords(withoutIndicators(text, true)).map((facts) => facts.word);
  }

  /** `passageWords` of a text whose indicators are removed already, with their facts. */
  private contentWords(plain: string): WordFacts[] {
    // Who did it (TEMP.Periscope, APT32, "a Chinese APT") says nothing of what was done, and its words match unrelated
    // texts (%temp%; `apt`, the package manager of ATT&CK's Linux texts); nor do indicators (chemscalere[.]com).
    // A name that is also a word is one where written as ATT&CK writes it or in capitals (`CHROMIUM`, `Tick`), and a
    // word elsewhere (`Chromium-based browsers`, `tick count`); the words as written are read only for such a name.
    const text = plain.replace(THREAT_ACTOR_WORD, ' ');
    const words = textWords(text);
    let written: readonly string[] | undefined;
    const writtenAsName = (name: readonly string[], at: number): boolean => {
      written ??= writtenWords(text);
      if (written.length !== words.length) return true;
      return name.every((word, j) => written![at + j] === word) || name.every((_, j) => written![at + j] === written![at + j]!.toUpperCase());
    };
    const kept: WordFacts[] = [];
    for (let i = 0; i < words.length; ) {
      const facts = this.wordFacts(words[i]!);
      // (Most words begin no name: no function is made for them.)
      const names = facts.names;
      const match = names === undefined ? undefined : names.find((name) => startsAt(words, i, name.words) && (!name.written || writtenAsName(name.written, i)));
      if (match) {
        i += match.words.length;
        continue;
      }
      if (facts.content) kept.push(facts);
      i++;
    }
    return kept;
  }

  /** Techniques for a passage of English text, best first (ties by ID); none when no word of it is known. */
  rank(text: string, options: RankOptions = {}): SuggestCandidate[] {
    return this.rankPassage(text, options).candidates;
  }

  /** The same candidates, and how many of the passage's words the first one's evidence holds. */
  rankPassage(text: string, options: RankOptions = {}): RankedPassage {
    const top = Math.max(1, options.top ?? 5);
    // The glossary reads the text the passage's words come from: a URL's path (`…/keylogger-screenshot-capture`) is
    // no phrasing of the passage.
    const plain = withoutIndicators(text, true);
    const words = this.contentWords(plain);
    const stems = words.map((facts) => facts.stem);
    // How `why` shows each stem: the passage's own word, or the ATT&CK word and the written words read as it.
    const surface: Surface = new Map();
    for (const { word, stem } of words) if (!surface.has(stem)) surface.set(stem, { word });
    // The passage's known features, each once, in order of first appearance (with its text, for `why`), counts and
    // weights: its own at 1, then the ATT&CK words the glossary reads its phrasing as (query-expansion.ts), lower.
    const query: number[] = [];
    const queryText: string[] = [];
    const queryCount: number[] = [];
    const queryWeight: number[] = [];
    const add = (feature: string, f: number, weight: number): void => {
      if (f < 0) return;
      const at = this.queryAt[f]! - 1;
      if (at >= 0) {
        if (weight === 1) queryCount[at]!++;
        return;
      }
      this.queryAt[f] = query.push(f);
      queryText.push(feature);
      queryCount.push(1);
      queryWeight.push(weight);
    };
    // The passage's features as `textFeatures` gives them, its stems then their pairs; a pair is looked up only when
    // both its stems are known, since a text's features are all its stems and all their pairs (build-suggest-model.ts).
    const known = words.map((facts) => facts.feature);
    stems.forEach((stem, i) => add(stem, known[i]!, 1));
    for (let i = 1; i < stems.length; i++) {
      if (known[i - 1]! < 0 || known[i]! < 0) continue;
      const f = this.pairFeature(words[i - 1]!, words[i]!);
      // (Its text is written only for a feature new to the query: `add` keeps no other.)
      add(f >= 0 && this.queryAt[f] === 0 ? `${stems[i - 1]} ${stems[i]}` : '', f, 1);
    }
    const readings: { stems: readonly string[]; weight: number }[] = [{ stems, weight: 1 }];
    for (const expansion of expandPassage(plain)) {
      readings.push({ stems: expansion.stems, weight: EXPANSION_WEIGHT });
      expansion.stems.forEach((stem, i) => {
        const entry = surface.get(stem) ?? surface.set(stem, { word: expansion.words[i]!, from: [] }).get(stem)!;
        entry.from?.push(expansion.written);
      });
      for (const feature of expansion.features) add(feature, this.featureOf(feature), EXPANSION_WEIGHT);
    }
    // Both rankers, then each technique's share of the best of each (a technique without BM25 evidence can still
    // come from the classifier, and the other way round).
    // The techniques whose own name the passage says, in its words or as the glossary reads them (at its weight).
    const said = new Map<number, number>();
    for (const { stems, weight } of readings) this.namesSaid(stems, weight, said);
    const lexicalCount = this.bm25(query, queryWeight, said, options.exclude);
    this.classify(query, queryCount, queryWeight);
    const { lexicalList, lexical, learnt } = this;
    let bestLexical = 0;
    let bestLearnt = 0;
    for (let k = 0; k < lexicalCount; k++) if (lexical[lexicalList[k]!]! > bestLexical) bestLexical = lexical[lexicalList[k]!]!;
    for (let t = 0; t < learnt.length; t++) if (learnt[t]! > bestLearnt) bestLearnt = learnt[t]!;
    const lexicalScale = bestLexical > 0 ? 1 / bestLexical : 0;
    const learntScale = bestLearnt > 0 ? 1 / bestLearnt : 0;
    const combined = (t: number, share: number): number =>
      (1 - share) * lexical[t]! * lexicalScale + share * Math.max(0, learnt[t]!) * learntScale;
    // The `top` best by the selecting score, rounded up to whole blocks (outranks() is a total order, so visiting order
    // does not matter)...
    const pool = Math.ceil(top / BLOCK) * BLOCK;
    // (The chosen techniques and their scores side by side, best first: no object for each technique offered.)
    const chosen: number[] = [];
    const chosenScore: number[] = [];
    const offer = (t: number): void => {
      const score = combined(t, SELECT_CLASSIFIER_SHARE);
      if (score <= 0 || (chosen.length === pool && !outranks(score, t, chosenScore[pool - 1]!, chosen[pool - 1]!))) return;
      let i = chosen.length === pool ? pool - 1 : chosen.length;
      for (; i > 0 && outranks(score, t, chosenScore[i - 1]!, chosen[i - 1]!); i--) {
        chosen[i] = chosen[i - 1]!;
        chosenScore[i] = chosenScore[i - 1]!;
      }
      chosen[i] = t;
      chosenScore[i] = score;
    };
    for (let k = 0; k < lexicalCount; k++) offer(lexicalList[k]!);
    // The others: those only the classifier scores above 0 (a technique BM25 scored has a positive lexical score). Their
    // selecting score is their classifier score's share alone: once the pool is full, one whose classifier score is not
    // above `least` (the pool's last score as a classifier score, a millionth lower for rounding) scores below the
    // pool's last, and offer() would turn it down; most are, and are passed over by one comparison.
    const least = chosen.length === pool ? (chosenScore[pool - 1]! / (SELECT_CLASSIFIER_SHARE * learntScale)) * (1 - 1e-6) : 0;
    for (let t = 0; t < learnt.length; t++) if (learnt[t]! > least && lexical[t] === 0) offer(t);
    // ... each block of them listed by the ordering score, the first `top` kept.
    const best: { technique: number; score: number }[] = [];
    for (let b = 0; b < chosen.length && best.length < top; b += BLOCK) {
      // (Sorted by insertion into `best` itself: a block has at most BLOCK.)
      const first = best.length;
      for (let k = b; k < b + BLOCK && k < chosen.length; k++) {
        const technique = chosen[k]!;
        const entry = { technique, score: combined(technique, ORDER_CLASSIFIER_SHARE) };
        let i = best.push(entry) - 1;
        for (; i > first && outranks(entry.score, technique, best[i - 1]!.score, best[i - 1]!.technique); i--) best[i] = best[i - 1]!;
        best[i] = entry;
      }
    }
    best.length = Math.min(best.length, top);
    // How many words the first candidate's evidence holds: its best text's words, which its `why` finds too (found once),
    // or the classifier's weighed words.
    let wordsInCommon = 0;
    const ranked = best.map(({ technique, score }, k) => {
      const { id, name } = this.data.techniques[technique]!;
      let why: string;
      if (lexical[technique]! > 0) {
        const doc = this.bestDoc[technique]!;
        const held = this.heldWords(doc, query, queryText);
        if (k === 0) wordsInCommon = held.length;
        why = this.why(doc, technique, held, queryText, surface, said);
      } else {
        if (k === 0) wordsInCommon = query.filter((f, i) => !queryText[i]!.includes(' ') && this.learntWeight(f, technique) > 0).length;
        why = this.learntWhy(technique, query, queryText, surface);
      }
      return { id, name, score: Math.round(score * 1000) / 10, why };
    });
    for (let k = 0; k < lexicalCount; k++) lexical[lexicalList[k]!] = 0;
    learnt.fill(0);
    for (const f of query) this.queryAt[f] = 0;
    return { candidates: ranked, wordsInCommon };
  }

  /** The places in the query of its single words (not pairs) that a document holds, in query order. */
  private heldWords(doc: number, query: readonly number[], queryText: readonly string[]): number[] {
    const held: number[] = [];
    for (let i = 0; i < query.length; i++) if (!queryText[i]!.includes(' ') && this.holds(doc, query[i]!)) held.push(i);
    return held;
  }

  /** BM25 of a passage's features against every text, summed per technique (see docs/suggest.md), into `lexical`: the techniques scored. */
  private bm25(query: readonly number[], queryWeight: readonly number[], said: ReadonlyMap<number, number>, exclude: ((doc: number) => boolean) | undefined): number {
    const { docScore, top: best4, bestDoc, parentOf } = this;
    const { start, doc: postingDoc, weight: weights } = this.data.postings;
    const docTechnique = this.data.docs.technique;
    // Words in more than COMMON_SHARE of all texts (execute, file, system) are left to the classifier: they rank
    // nothing here and were half of the work.
    const common = COMMON_SHARE * this.docCount;
    let floor = 0;
    for (let q = 0; q < query.length; q++) {
      const f = query[q]!;
      const end = start[f + 1]!;
      if (end - start[f]! > common) continue;
      const w = queryWeight[q]!;
      for (let i = start[f]!; i < end; i++) {
        const d = postingDoc[i]!;
        const score = docScore[d]! + weights[i]! * w;
        docScore[d] = score;
        if (score > floor) floor = score;
      }
    }
    // Texts far below the passage's best text change no ranking worth showing, and skipping them saves most of the work.
    // (Excluded texts may hold the best score: the best is taken among the others.)
    if (exclude) floor = this.bestScore(query, exclude);
    floor *= MIN_SHARE;
    // The texts kept, with their scores, in the order first scored: the same postings read again, each text at its
    // first (its score, then 0 once reset: every posting weighs more than 0, so a text scored is above 0). Reading them
    // again, each score reset whatever it is, was faster than listing each text when first scored and reading that list
    // (a fifth of BM25's time). Most texts are below the floor: a tight loop over them, and the techniques' work below
    // only for the few kept, is a quarter faster than both in one.
    const { keptDocs, keptScores } = this;
    let kept = 0;
    for (let q = 0; q < query.length; q++) {
      const f = query[q]!;
      const end = start[f + 1]!;
      if (end - start[f]! > common) continue;
      for (let i = start[f]!; i < end; i++) {
        const d = postingDoc[i]!;
        const score = docScore[d]!;
        docScore[d] = 0;
        if (score < floor || score === 0 || (exclude !== undefined && exclude(d))) continue;
        keptDocs[kept] = d;
        keptScores[kept++] = score;
      }
    }
    // A technique's score: its best text, plus a decreasing part of its next best (kept in descending order, with
    // the number of the best text); a sub-technique's texts count for its parent too.
    const list = this.lexicalList;
    let scored = 0;
    for (let k = 0; k < kept; k++) {
      const d = keptDocs[k]!;
      let score = keptScores[k]!;
      for (let t = docTechnique[d]!; t >= 0; t = parentOf[t]!, score *= CHILD_WEIGHT) {
        const base = t * DEPTH;
        const first = best4[base]!;
        if (first === 0) {
          list[scored++] = t;
          best4[base] = score;
          bestDoc[t] = d;
          continue;
        }
        if (score > first || (score === first && d < bestDoc[t]!)) bestDoc[t] = d;
        if (score <= best4[base + DEPTH - 1]!) continue;
        let i = DEPTH - 1;
        for (; i > 0 && best4[base + i - 1]! < score; i--) best4[base + i] = best4[base + i - 1]!;
        best4[base + i] = score;
      }
    }
    const { nameIdf, lexical } = this;
    // (Most passages say no technique's name: no lookup then.)
    const anySaid = said.size > 0;
    for (let k = 0; k < scored; k++) {
      const t = list[k]!;
      let score = anySaid ? nameIdf[t]! * NAME_PHRASE_WEIGHT * (said.get(t) ?? 0) : 0;
      // (A place not filled adds 0.)
      for (let i = 0; i < DEPTH; i++) {
        score += best4[t * DEPTH + i]! * DECAY[i]!;
        best4[t * DEPTH + i] = 0;
      }
      lexical[t] = score;
    }
    return scored;
  }

  /** The best score in `docScore` of a text of BM25's postings for a query that is not excluded. */
  private bestScore(query: readonly number[], exclude: (doc: number) => boolean): number {
    const { start, doc: postingDoc } = this.data.postings;
    const common = COMMON_SHARE * this.docCount;
    let best = 0;
    for (let q = 0; q < query.length; q++) {
      const f = query[q]!;
      if (start[f + 1]! - start[f]! > common) continue;
      for (let i = start[f]!; i < start[f + 1]!; i++) {
        const d = postingDoc[i]!;
        if (this.docScore[d]! > best && !exclude(d)) best = this.docScore[d]!;
      }
    }
    return best;
  }

  /**
   * The classifier's score (its weights times the passage's tf-idf features) of every technique, into `learnt` (0 for
   * those its features do not speak for); a parent scores at least CHILD_WEIGHT of its best sub-technique (ranking
   * reads only scores above 0). No list of the techniques scored is kept: asking, for each of a passage's some 600
   * weights, whether its technique was seen cost more than reading all 700 scores afterwards.
   */
  private classify(query: readonly number[], counts: readonly number[], queryWeight: readonly number[]): void {
    const classifier = this.data.classifier;
    if (!classifier) return;
    const { learnt, parentOf, subTechniques } = this;
    if (this.queryValues.length < query.length) this.queryValues = new Float64Array(2 * query.length);
    const values = this.queryValues;
    writeUnitTfIdf(query, counts, this.idfOf, values);
    for (let i = 0; i < query.length; i++) values[i]! *= queryWeight[i]!;
    const { start, technique: classes, weight } = classifier;
    for (let i = 0; i < query.length; i++) {
      const f = query[i]!;
      const value = values[i]!;
      for (let j = start[f]!, end = start[f + 1]!; j < end; j++) learnt[classes[j]!]! += weight[j]! * value;
    }
    for (let k = 0; k < subTechniques.length; k++) {
      const t = subTechniques[k]!;
      const inherited = learnt[t]! * CHILD_WEIGHT;
      if (inherited > learnt[parentOf[t]!]!) learnt[parentOf[t]!] = inherited;
    }
  }

  /** The classifier's weight of a feature for a technique (binary search in the feature's classes, ascending). */
  private learntWeight(f: number, technique: number): number {
    const classifier = this.data.classifier!;
    let lo = classifier.start[f]!;
    let hi = classifier.start[f + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = classifier.technique[mid]!;
      if (t === technique) return classifier.weight[mid]!;
      if (t < technique) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Why the classifier proposes a technique no ATT&CK text matched: the passage's words it weighs most for it. */
  private learntWhy(technique: number, query: readonly number[], queryText: readonly string[], surface: Surface): string {
    const weighed = query
      .map((f, i) => ({ text: queryText[i]!, weight: this.learntWeight(f, technique) }))
      .filter((entry) => entry.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
      .slice(0, 6)
      .map((entry) => {
        const stems = entry.text.split(' ');
        const from = [...new Set(stems.flatMap((stem) => surface.get(stem)?.from ?? []))];
        return `"${stems.map((stem) => surface.get(stem)?.word ?? stem).join(' ')}"${from.length ? ` (read from ${from.map((f) => `"${f}"`).join(' or ')})` : ''}`;
      });
    return `learnt from ATT&CK's texts of ${this.data.techniques[technique]!.id}: words ${weighed.join(', ') || '(none weighed)'}`;
  }

  /** The techniques whose own name a reading of the passage says, as consecutive stems, into `said` with the reading's weight (the highest of the readings that say it). */
  private namesSaid(stems: readonly string[], weight: number, said: Map<number, number>): void {
    for (let i = 0; i < stems.length; i++) {
      // (Most stems begin no technique's name.)
      const phrases = this.namePhrases.get(stems[i]!);
      if (phrases === undefined) continue;
      for (const phrase of phrases) {
        if (startsAt(stems, i, phrase.stems)) said.set(phrase.technique, Math.max(weight, said.get(phrase.technique) ?? 0));
      }
    }
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

  /** Glossed words of a passage by the written words they were read from (`"PTH" read as "pass", "hash"`), each under the one that explains most. */
  private readingsOf(glossed: readonly { word: string; from: readonly string[] }[]): string[] {
    const explains = new Map<string, number>();
    for (const { from } of glossed) for (const written of from) explains.set(written, (explains.get(written) ?? 0) + 1);
    const read = new Map<string, string[]>();
    for (const { word, from } of glossed) {
      const written = from.reduce((best, f) => (explains.get(f)! > explains.get(best)! ? f : best));
      read.set(written, [...(read.get(written) ?? []), `"${word}"`]);
    }
    return [...read].map(([written, attack]) => `"${written}" read as ${attack.join(', ')}`);
  }

  /** Why a text matched, given the places in the query of the single words it holds (`heldWords`). */
  private why(doc: number, technique: number, held: readonly number[], queryText: readonly string[], surface: Surface, said: ReadonlyMap<number, unknown>): string {
    const { docs } = this.data;
    // The first six single words of the passage that the text holds: its own, then those read through the glossary,
    // by the written words they were read from (a word several readings give goes to the one that explains most).
    const ownWords: string[] = [];
    const glossed: { word: string; from: string[] }[] = [];
    for (let k = 0; k < held.length && k < 6; k++) {
      const stem = queryText[held[k]!]!;
      const entry = surface.get(stem);
      if (entry?.from) glossed.push({ word: entry.word, from: entry.from });
      else ownWords.push(entry?.word ?? stem);
    }
    // (Joined once: added word by word, a `why` was a chain of a dozen small strings, kept with the report's results and
    // copied by the collector: a fifth of the memory that the results of the bench's 4,270 sentences hold.)
    const own = ownWords.length ? `words "${ownWords.join('", "')}"` : '';
    // (Most texts hold only the passage's own words: no readings to group.)
    const words = glossed.length ? [...(own ? [own] : []), ...this.readingsOf(glossed)].join('; ') : own || 'phrases';
    // A parent's evidence may be a text of one of its sub-techniques: say whose.
    const whose = docs.technique[doc] === technique ? '' : ` of ${this.data.techniques[docs.technique[doc]!]!.id}`;
    const quote = (this.docQuotes[doc] ??= this.docQuote(doc));
    if ('words' in quote) {
      if (said.has(docs.technique[doc]!)) return `${words}; the name${whose || ' of the technique'}`;
      // Some words of a name are no name said ("clear" of Clear Windows Event Logs): say how many, and which name.
      const share = held.length === quote.words ? `all ${quote.words} words` : `${held.length} of the ${quote.words} words`;
      return `${words}; ${share} of ${whose ? `the name${whose}` : 'its name'} "${quote.text}"`;
    }
    return `${words}; ${quote.label}${whose}${quote.rest}`;
  }

  /** What `why` says of a document after whose it is (`docQuotes`). */
  private docQuote(doc: number): { text: string; words: number } | { label: string; rest: string } {
    const { docs } = this.data;
    const kind = this.docKind(doc);
    const full = docs.text.get(doc);
    if (kind === 'name') return { text: full, words: new Set(textWords(full).filter(isContentWord).map(stemOf)).size };
    const text = full.length > WHY_TEXT_LENGTH ? `${full.slice(0, WHY_TEXT_LENGTH - 1).trimEnd()}…` : full;
    if (kind !== 'procedure') return { label: kind === 'description' ? 'description' : 'detection text', rest: `: "${text}"` };
    const owner = docs.owner.get(doc);
    return { label: 'procedure example', rest: `${owner ? ` (${owner})` : ''}: "${text}"` };
  }
}
