import { AttackDataError } from '../errors.js';
import { compareText } from '../compare-text.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { plainDescription } from '../attack/attack-text.js';
import { isBundle, isStixObject, type StixObject } from '../attack/index-bundle.js';
import { isContentWord, stemOf, textFeatures, textWords, withoutIndicators, writtenWords } from './text-terms.js';
import { StringTable, Vocabulary } from './string-table.js';
import { trainClassifier } from './train-classifier.js';
import { indexArray, inverseDocumentFrequency, SUGGEST_DOC_KINDS, SUGGEST_MODEL_FORMAT, sourceKey, type SuggestDocKind, type SuggestDocs, type SuggestModelData } from './suggest-model-data.js';

/** The STIX fields the model reads beyond those indexing reads. */
interface ModelStixObject extends StixObject {
  x_mitre_detection?: string;
  x_mitre_analytic_refs?: string[];
  external_references?: { source_name?: string; external_id?: string; url?: string }[];
}

/** How to build: procedure examples to leave out (an evaluation leaves out those citing the reports it scores). */
export interface BuildOptions {
  /**
   * Called with the `sourceKey`s a procedure example cites and the ATT&CK ID of the group, software or campaign whose
   * example it is (empty when it has none); true leaves the example out of the model.
   */
  leaveOut?: (sources: readonly string[], owner: string) => boolean;
}

const OWNER_TYPES: ReadonlySet<string> = new Set(['intrusion-set', 'malware', 'tool', 'campaign']);

/**
 * Build the suggestion model of a release from its parsed bundle: for every current technique, its name, the
 * sentences of its description (and of its detection text in releases before 18), the procedure examples of the
 * groups, software and campaigns that use it (a `uses` relationship to a revoked technique counts for its
 * replacement), and the analytics of the detection strategies that detect it. In a procedure, the words of the
 * owner's own name and aliases are left out ("APT32 has used ..."): they name who, not what. Pure.
 * @throws AttackDataError when the value is not a STIX bundle.
 */
export function buildSuggestModel(bundle: unknown, index: AttackIndex, options: BuildOptions = {}): SuggestModelData {
  const { file, sha256 } = index.data.source;
  if (!isBundle(bundle)) {
    throw new AttackDataError(`${file}: not a STIX bundle; use an ATT&CK release file such as enterprise-attack-18.1.json`, { file });
  }
  const current = index.currentTechniques();
  const techniques = current.map((technique) => {
    const parent = technique.parent ? index.technique(technique.parent) : undefined;
    return { id: technique.id, name: parent ? `${parent.name}: ${technique.name}` : technique.name };
  });
  const position = new Map(current.map((technique, i) => [technique.stixId, i]));
  // A relationship to a revoked technique counts for the end of its revoked-by chain; a deprecated one for none.
  const techniqueOf = (stixId: string | undefined): number | undefined => {
    if (!stixId) return undefined;
    const direct = position.get(stixId);
    if (direct !== undefined) return direct;
    const record = index.techniqueByStixId(stixId);
    const final = record ? index.revocationChain(record).final : undefined;
    return final && !final.deprecated ? position.get(final.stixId) : undefined;
  };

  const objects = new Map<string, ModelStixObject>();
  for (const object of bundle.objects) if (isStixObject(object)) objects.set(object.id, object);

  // Names and aliases of groups and campaigns, as ATT&CK writes them.
  const actorNames = new Set<string>();
  for (const object of objects.values()) {
    if (object.type !== 'intrusion-set' && object.type !== 'campaign') continue;
    for (const name of [object.name ?? '', ...(object.aliases ?? [])]) if (name.trim().length > 2) actorNames.add(name.trim());
  }
  const builder = new DocBuilder(actorNames);
  techniques.forEach((technique, i) => builder.add(i, 'name', technique.name));
  for (const [i, technique] of current.entries()) {
    const object = objects.get(technique.stixId);
    for (const sentence of sentencesOf(object?.description)) builder.add(i, 'description', sentence);
    for (const sentence of sentencesOf(object?.x_mitre_detection)) builder.add(i, 'detection', sentence);
  }
  for (const object of objects.values()) {
    if (object.type !== 'relationship' || object.revoked || object.x_mitre_deprecated) continue;
    const technique = techniqueOf(object.target_ref);
    const source = object.source_ref ? objects.get(object.source_ref) : undefined;
    if (technique === undefined || !source) continue;
    if (object.relationship_type === 'uses' && OWNER_TYPES.has(source.type)) {
      const { text } = plainDescription(object.description ?? '');
      const urls = (object.external_references ?? []).flatMap((ref) => (ref.url?.trim() ? [ref.url] : []));
      const owner = attackId(source);
      if (options.leaveOut?.(urls.map(sourceKey), owner ?? '')) continue;
      builder.add(technique, 'procedure', text, { owner, ownerWords: nameWords(source), urls });
    } else if (object.relationship_type === 'detects' && source.type === 'x-mitre-detection-strategy') {
      for (const ref of source.x_mitre_analytic_refs ?? []) {
        const analytic = objects.get(ref);
        if (analytic?.description) builder.add(technique, 'detection', plainDescription(analytic.description).text);
      }
    }
  }
  const indexed = builder.finish();
  // A name that ATT&CK's texts also write in lower case is a word as well (CHROMIUM: `chromium-based browsers`; Tick:
  // `the machine's tick count`): kept as written, for a passage to lose it only where it is written as a name. A name
  // ATT&CK itself writes in lower case (`admin@338`) cannot be told from a word by its case, and stays a name.
  const isWord = (name: string): boolean => name !== name.toLowerCase() && builder.writtenAsWords.has(textWords(name).join(' '));
  const wordNames = [...actorNames].filter(isWord);
  const otherNames = new Set([...actorNames].filter((name) => !isWord(name)).map((name) => name.toLowerCase()));
  return {
    format: SUGGEST_MODEL_FORMAT,
    sha256,
    domain: index.domain,
    release: index.release,
    techniques,
    ...indexed,
    classifier: trainClassifier({
      features: builder.docFeatures,
      labels: indexed.docs.technique,
      featureCount: indexed.features.size,
      classCount: techniques.length,
      idf: inverseDocumentFrequency(indexed.postings.start, indexed.docs.technique.length),
    }),
    actorNames: [...otherNames].sort(compareText),
    actorWordNames: wordNames.sort(compareText),
  };
}

/** Collects documents, numbering features and sources in order of first use; then indexes them. */
class DocBuilder {
  private readonly features: string[] = [];
  private readonly featureIds = new Map<string, number>();
  private readonly sources: string[] = [];
  private readonly sourceIds = new Map<string, number>();
  private readonly technique: number[] = [];
  private readonly kind: number[] = [];
  private readonly length: number[] = [];
  private readonly text: string[] = [];
  private readonly owner: string[] = [];
  private readonly docSources: number[][] = [];
  /** Per document: its feature ids and counts, as pairs, features ascending. */
  readonly docFeatures: Int32Array[] = [];
  /** The names of groups and campaigns as lower-case words, by their first word. */
  private readonly names = new Map<string, string[][]>();
  /** Those of them the texts write in lower case somewhere, as words (`tick count`), their words joined by a space. */
  readonly writtenAsWords = new Set<string>();

  constructor(names: Iterable<string>) {
    for (const name of names) {
      const words = [...textWords(name)];
      if (words.length) this.names.set(words[0]!, [...(this.names.get(words[0]!) ?? []), words]);
    }
  }

  add(technique: number, kind: SuggestDocKind, text: string, extra: { owner?: string; ownerWords?: ReadonlySet<string>; urls?: string[] } = {}): void {
    const plain = withoutIndicators(text);
    this.noteNamesWrittenAsWords(plain);
    const words = textWords(plain).filter((word) => isContentWord(word) && !extra.ownerWords?.has(word));
    if (!words.length) return;
    const counts = new Map<number, number>();
    const features = textFeatures(words.map(stemOf));
    for (const feature of features) {
      let id = this.featureIds.get(feature);
      if (id === undefined) {
        id = this.features.push(feature) - 1;
        this.featureIds.set(feature, id);
      }
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    this.docFeatures.push(Int32Array.from([...counts.entries()].sort((a, b) => a[0] - b[0]).flat()));
    this.technique.push(technique);
    this.kind.push(SUGGEST_DOC_KINDS.indexOf(kind));
    this.length.push(features.length);
    this.text.push(text);
    this.owner.push(extra.owner ?? '');
    this.docSources.push([...new Set((extra.urls ?? []).map((url) => this.source(url)))]);
  }

  /** Notes the names of groups and campaigns a text writes in lower case, each of their words (`writtenAsWords`). */
  private noteNamesWrittenAsWords(plain: string): void {
    const words = textWords(plain);
    const written = writtenWords(plain);
    if (written.length !== words.length) return;
    words.forEach((word, i) => {
      if (written[i] !== word) return;
      for (const name of this.names.get(word) ?? []) {
        if (name.every((part, j) => words[i + j] === part && written[i + j] === part)) this.writtenAsWords.add(name.join(' '));
      }
    });
  }

  /** The documents, the vocabulary and the inverted index. */
  finish(): Pick<SuggestModelData, 'features' | 'docs' | 'postings' | 'sources'> {
    const sourceStart = new Int32Array(this.docSources.length + 1);
    this.docSources.forEach((ids, d) => (sourceStart[d + 1] = sourceStart[d]! + ids.length));
    const docs: SuggestDocs = {
      technique: Int32Array.from(this.technique),
      kind: Uint8Array.from(this.kind),
      length: Int32Array.from(this.length),
      text: StringTable.from(this.text),
      owner: StringTable.from(this.owner),
      sourceStart,
      sourceIds: Int32Array.from(this.docSources.flat()),
    };
    // Postings: count the documents of each feature, then fill them in document order (so each list is ascending).
    const start = new Int32Array(this.features.length + 1);
    for (const pairs of this.docFeatures) for (let i = 0; i < pairs.length; i += 2) start[pairs[i]! + 1]!++;
    for (let f = 0; f < this.features.length; f++) start[f + 1]! += start[f]!;
    const fill = start.slice(0, -1);
    const doc = new Int32Array(start[this.features.length]!);
    const count = new Int32Array(doc.length);
    this.docFeatures.forEach((pairs, d) => {
      for (let i = 0; i < pairs.length; i += 2) {
        const at = fill[pairs[i]!]!++;
        doc[at] = d;
        count[at] = pairs[i + 1]!;
      }
    });
    const weight = bm25Weights(start, doc, count, docs);
    return { features: Vocabulary.from(this.features), docs, postings: { start, doc: indexArray(doc, docs.technique.length), weight }, sources: this.sources };
  }

  private source(url: string): number {
    const key = sourceKey(url);
    let id = this.sourceIds.get(key);
    if (id === undefined) {
      id = this.sources.push(key) - 1;
      this.sourceIds.set(key, id);
    }
    return id;
  }
}

// BM25's usual constants and the weight of each kind of text, chosen on the first 110 evaluation sentences, measured
// one at a time (see eval/README.md).
const K1 = 1.2;
const B = 0.75;
const KIND_WEIGHTS: Readonly<Record<SuggestDocKind, number>> = { name: 1.5, description: 0.7, procedure: 1, detection: 0.5 };

/** The BM25 weight of each posting: idf x count (K1 + 1) / (count + K1 (1 - B + B length / average length)) x kind weight. */
function bm25Weights(start: Int32Array, doc: Int32Array, count: Int32Array, docs: SuggestDocs): Float32Array {
  const n = docs.technique.length;
  let total = 0;
  for (let d = 0; d < n; d++) total += docs.length[d]!;
  const average = total / Math.max(1, n);
  const idf = inverseDocumentFrequency(start, n);
  const kindWeight = SUGGEST_DOC_KINDS.map((kind) => KIND_WEIGHTS[kind]);
  const weight = new Float32Array(doc.length);
  for (let f = 0; f + 1 < start.length; f++) {
    for (let i = start[f]!; i < start[f + 1]!; i++) {
      const d = doc[i]!;
      const tf = count[i]!;
      weight[i] = idf[f]! * kindWeight[docs.kind[d]!]! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * docs.length[d]!) / average)));
    }
  }
  return weight;
}

function attackId(object: ModelStixObject): string | undefined {
  return object.external_references?.find((ref) => ref.source_name?.startsWith('mitre') && ref.external_id)?.external_id;
}

/** The words of an object's name and aliases. */
function nameWords(object: ModelStixObject): ReadonlySet<string> {
  const names = [object.name ?? '', ...(object.aliases ?? []), ...(object.x_mitre_aliases ?? [])];
  return new Set(names.flatMap(textWords));
}

/** The sentences of an ATT&CK description as plain text. */
function sentencesOf(description: string | undefined): string[] {
  if (!description) return [];
  return plainDescription(description)
    .text.split(/(?<=[.!?])\s+(?=[A-Z(`"])/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}
