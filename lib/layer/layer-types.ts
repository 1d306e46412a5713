import type { Domain, TacticShortname, TechniqueId } from '../attack/types.js';

/** The layer format version this package reads and writes. */
export const LAYER_FORMAT = '4.5';

/** The ATT&CK, Navigator and layer format versions a layer was written for (`versions`). */
export interface Versions {
  /** ATT&CK major version, e.g. `"18"`; without it Navigator opens the layer in its newest release. */
  attack?: string;
  /** The Navigator version that wrote the layer; format 4.5 requires at least `"4.9.0"`. */
  navigator: string;
  /** The layer format version: always `"4.5"`. */
  layer: '4.5';
}

/** Which techniques the matrix shows (`filters`). */
export interface Filters {
  /** Only techniques tagged with one of these platforms are shown (default: all of the domain's). */
  platforms?: string[];
}

/** How the matrix is laid out (`layout`). */
export interface Layout {
  /** The matrix layout (default `side`). */
  layout?: 'side' | 'flat' | 'mini';
  /** How a technique's score is aggregated with its sub-techniques' (default `average`). */
  aggregateFunction?: 'average' | 'min' | 'max' | 'sum';
  /** Show ATT&CK IDs (default false). */
  showID?: boolean;
  /** Show names (default true). */
  showName?: boolean;
  /** Show aggregate scores (default false). */
  showAggregateScores?: boolean;
  /** Count unscored techniques when averaging (default false). */
  countUnscored?: boolean;
  /** Which sub-techniques are expanded under their parent (default `none`). */
  expandedSubtechniques?: 'none' | 'annotated' | 'all';
}

/** The colour scale that turns scores into colours (`gradient`). */
export interface Gradient {
  /** Hexadecimal colours from `minValue` to `maxValue`; at least two. */
  colors: string[];
  /** The score that gets the first colour. */
  minValue: number;
  /** The score that gets the last colour; must be greater than `minValue`. */
  maxValue: number;
}

/** One legend entry (`legendItems[]`). */
export interface LegendItem {
  label: string;
  /** A hexadecimal colour. */
  color: string;
}

/** A separator in a metadata tooltip or a link menu. */
export interface Divider {
  divider: true;
}

/** A name/value pair of a layer or technique, or a divider (`metadata[]`). */
export type LayerMetadata = { name: string; value: string } | Divider;

/** A labelled hyperlink of a layer or technique, or a divider (`links[]`); the URL starts with a protocol. */
export type LayerLink = { label: string; url: string } | Divider;

/** The annotation of one technique or sub-technique, under one tactic or all of its tactics (`techniques[]`). */
export interface LayerTechnique {
  /** `T1234` or `T1234.001`. */
  techniqueID: TechniqueId;
  /** The tactic the annotation applies to; without it, it applies under every tactic of the technique. */
  tactic?: TacticShortname;
  /** The score, coloured by the gradient; absent or null means unscored. */
  score?: number | null;
  /** An explicit hexadecimal colour overriding the score's; `""` means none. */
  color?: string;
  comment?: string;
  /** Default true. */
  enabled?: boolean;
  metadata?: LayerMetadata[];
  links?: LayerLink[];
  /** Expand this technique's sub-techniques by default. */
  showSubtechniques?: boolean;
}

/**
 * One ATT&CK Navigator layer in format 4.5, as `schemas/layer-4.5.schema.json` defines it. Fields the format does
 * not define are allowed by the schema and kept by `serializeLayer`, but not typed here.
 */
export interface NavigatorLayer {
  name: string;
  versions?: Versions;
  domain: Domain;
  /** The URL of the custom collection or STIX bundle the layer was built from. */
  customDataURL?: string;
  description?: string;
  filters?: Filters;
  /** 0 name ascending, 1 name descending, 2 score ascending, 3 score descending. */
  sorting?: 0 | 1 | 2 | 3;
  layout?: Layout;
  /** Omit disabled techniques instead of greying them out. */
  hideDisabled?: boolean;
  techniques?: LayerTechnique[];
  gradient?: Gradient;
  legendItems?: LegendItem[];
  showTacticRowBackground?: boolean;
  /** A hexadecimal colour (default `#dddddd`). */
  tacticRowBackground?: string;
  selectTechniquesAcrossTactics?: boolean;
  selectSubtechniquesWithParent?: boolean;
  selectVisibleTechniques?: boolean;
  metadata?: LayerMetadata[];
  links?: LayerLink[];
}
