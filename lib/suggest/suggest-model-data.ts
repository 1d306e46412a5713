import type { Domain, TechniqueId } from '../attack/types.js';
import { StringTable, Vocabulary } from './string-table.js';
import { decodeSections, encodeSections, type Section } from './typed-sections.js';

/** What a document of the suggestion model is: where ATT&CK says something about a technique. */
export const SUGGEST_DOC_KINDS = ['name', 'description', 'procedure', 'detection'] as const;
export type SuggestDocKind = (typeof SUGGEST_DOC_KINDS)[number];

/**
 * The labelled texts of a release, one per document (a technique's name, a sentence of its description, a procedure
 * example, an analytic), as parallel arrays indexed by document number.
 */
export interface SuggestDocs {
  /** Index into `SuggestModelData.techniques`. */
  technique: Int32Array;
  /** Index into `SUGGEST_DOC_KINDS`. */
  kind: Uint8Array;
  /** Number of features (the document length BM25 normalises by). */
  length: Int32Array;
  /** The text as ATT&CK writes it (plain text, no citation markers). */
  text: StringTable;
  /** Procedures: the ATT&CK ID of the group, software or campaign whose example it is; else empty. */
  owner: StringTable;
  /** The sources a procedure cites: indexes into `SuggestModelData.sources`, from `sourceStart[d]` to `sourceStart[d + 1]`. */
  sourceStart: Int32Array;
  sourceIds: Int32Array;
}

/**
 * Numbers of documents or techniques, in 16 bits when every number fits (a release has some 24,000 documents and 700
 * techniques): ranking reads them by the hundred thousand, and half the bytes are read faster, and the cache file is
 * smaller.
 */
export type IndexArray = Uint16Array | Int32Array;

/** Numbers from 0 to `count` - 1 as an `IndexArray`: 16 bits when `count` allows. */
export function indexArray(values: ArrayLike<number>, count: number): IndexArray {
  return count <= 0x10000 ? Uint16Array.from(values) : Int32Array.from(values);
}

/**
 * An inverted index: the documents (ascending) holding feature f, from `start[f]` to `start[f + 1]`, and the BM25
 * weight the feature gives each of them (idf x saturated count x the document kind's weight), so that ranking only
 * adds weights up.
 */
export interface SuggestPostings {
  start: Int32Array;
  doc: IndexArray;
  weight: Float32Array;
}

/**
 * A linear classifier over the same features: for feature f, the techniques it speaks for and the weight, from
 * `start[f]` to `start[f + 1]`; a passage's score for a technique is the sum over its tf-idf features of weight x value.
 */
export interface SuggestClassifier {
  start: Int32Array;
  technique: IndexArray;
  weight: Float32Array;
}

/**
 * The suggestion model of one release: every current technique, the labelled texts ATT&CK holds for it as features,
 * and the inverted index over them. It is what the model cache stores (`<cache>/index/<sha256>.suggest.v<format>.bin`),
 * keyed like the index by the release file's sha256; `SUGGEST_MODEL_FORMAT` changes whenever its shape or features do.
 */
export interface SuggestModelData {
  format: number;
  sha256: string;
  domain: Domain;
  release: string;
  /** Current techniques (neither revoked nor deprecated), sorted by ID; `name` is `Parent: Sub` for a sub-technique. */
  techniques: { id: TechniqueId; name: string }[];
  /** The feature vocabulary: stems and stem pairs (`schedul task`). */
  features: Vocabulary;
  docs: SuggestDocs;
  postings: SuggestPostings;
  classifier?: SuggestClassifier;
  /** The URLs procedures cite, normalised by `sourceKey`. */
  sources: string[];
  /** Names and aliases of the release's groups and campaigns, lower case: left out of a passage. */
  actorNames: string[];
  /**
   * Those names that ATT&CK's texts also write in lower case, as words (CHROMIUM: `chromium-based browsers`; Tick:
   * `tick count`), as ATT&CK writes them: left out of a passage only where written so or in capitals.
   */
  actorWordNames: string[];
}

export const SUGGEST_MODEL_FORMAT = 10;

/** The bytes of the model cache file. Pure. */
export function encodeSuggestModel(data: SuggestModelData): Uint8Array {
  const { format, sha256, domain, release, techniques, sources, actorNames, actorWordNames, features, docs, postings, classifier } = data;
  const sections: Record<string, Section> = {
    featureBytes: features.strings.bytes,
    featureOffsets: features.strings.offsets,
    featureSlots: features.slots,
    docTechnique: docs.technique,
    docKind: docs.kind,
    docLength: docs.length,
    docTextBytes: docs.text.bytes,
    docTextOffsets: docs.text.offsets,
    docOwnerBytes: docs.owner.bytes,
    docOwnerOffsets: docs.owner.offsets,
    docSourceStart: docs.sourceStart,
    docSourceIds: docs.sourceIds,
    postingStart: postings.start,
    postingDoc: postings.doc,
    postingWeight: postings.weight,
  };
  if (classifier) {
    Object.assign(sections, {
      classifierStart: classifier.start,
      classifierTechnique: classifier.technique,
      classifierWeight: classifier.weight,
    });
  }
  return encodeSections({ format, sha256, domain, release, techniques, sources, actorNames, actorWordNames }, sections);
}

/** The model in a cache file's bytes, or undefined when they are not a model of this format. Pure. */
export function decodeSuggestModel(bytes: Uint8Array): SuggestModelData | undefined {
  const decoded = decodeSections(bytes);
  if (!decoded || decoded.header['format'] !== SUGGEST_MODEL_FORMAT) return undefined;
  const { header, sections } = decoded;
  const get = <T extends Section>(name: string): T => {
    const section = sections.get(name);
    if (!section) throw new Error(`suggestion model file: no section ${name}`);
    return section as T;
  };
  try {
    const classifier: SuggestClassifier | undefined = sections.has('classifierStart')
      ? { start: get('classifierStart'), technique: get('classifierTechnique'), weight: get('classifierWeight') }
      : undefined;
    return {
      ...(header as unknown as Pick<SuggestModelData, 'format' | 'sha256' | 'domain' | 'release' | 'techniques' | 'sources' | 'actorNames' | 'actorWordNames'>),
      features: new Vocabulary(new StringTable(get('featureBytes'), get('featureOffsets')), get('featureSlots')),
      docs: {
        technique: get('docTechnique'),
        kind: get('docKind'),
        length: get('docLength'),
        text: new StringTable(get('docTextBytes'), get('docTextOffsets')),
        owner: new StringTable(get('docOwnerBytes'), get('docOwnerOffsets')),
        sourceStart: get('docSourceStart'),
        sourceIds: get('docSourceIds'),
      },
      postings: { start: get('postingStart'), doc: get('postingDoc'), weight: get('postingWeight') },
      ...(classifier ? { classifier } : {}),
    };
  } catch {
    return undefined;
  }
}

/** BM25's idf of feature f: ln(1 + (N - df + 0.5) / (df + 0.5)), N documents, df of them holding the feature. */
export function featureIdf(start: Int32Array, documents: number, f: number): number {
  const df = start[f + 1]! - start[f]!;
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** `featureIdf` of every feature. */
export function inverseDocumentFrequency(start: Int32Array, documents: number): Float64Array {
  const idf = new Float64Array(start.length - 1);
  for (let f = 0; f < idf.length; f++) idf[f] = featureIdf(start, documents, f);
  return idf;
}

/**
 * A cited source's URL as a comparable key: no scheme, `www.`, query, fragment or trailing slash, lower case; a CISA
 * advisory by its code (`cisa:aa22-320a`), since its pages moved from us-cert.cisa.gov/ncas/alerts to
 * cisa.gov/news-events/cybersecurity-advisories.
 */
export function sourceKey(url: string): string {
  const lower = url.trim().toLowerCase();
  const cisa = /cisa\.gov\/.*\b(aa\d{2}-\d{3}[a-z])\b/.exec(lower);
  if (cisa) return `cisa:${cisa[1]}`;
  return lower
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}
