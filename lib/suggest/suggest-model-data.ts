import type { Domain, TechniqueId } from '../attack/types.js';

/** What a document of the suggestion model is: where ATT&CK says something about a technique. */
export type SuggestDocKind = 'name' | 'description' | 'procedure' | 'detection';

/** One labelled text of the release: a technique's name, a sentence of its description, a procedure example, an analytic. */
export interface SuggestDoc {
  /** Index into `SuggestModelData.techniques`. */
  technique: number;
  kind: SuggestDocKind;
  /** The text as ATT&CK writes it (plain text, no citation markers). */
  text: string;
  /** Procedures: the ATT&CK ID of the group, software or campaign whose example it is. */
  owner?: string;
  /** Feature ids and their counts, as pairs: `[feature, count, feature, count, ...]`, features ascending. */
  features: number[];
  /** Number of features (the document length BM25 normalises by). */
  length: number;
  /** Procedures: indexes into `SuggestModelData.sources`, the sources the example cites. */
  sources?: number[];
}

/**
 * The suggestion model of one release: every current technique and the labelled texts ATT&CK holds for it, as
 * features. It is what the model cache stores (`<cache>/index/<sha256>.suggest.v<format>.json`), keyed like the
 * index by the release file's sha256; `SUGGEST_MODEL_FORMAT` changes whenever its shape or features do.
 */
export interface SuggestModelData {
  format: number;
  sha256: string;
  domain: Domain;
  release: string;
  /** Current techniques (neither revoked nor deprecated), sorted by ID; `name` is `Parent: Sub` for a sub-technique. */
  techniques: { id: TechniqueId; name: string }[];
  /** The feature vocabulary: stems and stem pairs (`schedul task`). */
  features: string[];
  docs: SuggestDoc[];
  /** The URLs procedures cite, normalised by `sourceKey`. */
  sources: string[];
  /** Names and aliases of the release's groups and campaigns, lower case, longest first: left out of a passage. */
  actorNames: string[];
}

export const SUGGEST_MODEL_FORMAT = 2;

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
