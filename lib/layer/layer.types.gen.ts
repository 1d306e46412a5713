// Generated from schemas/layer-4.5.schema.json by scripts/generate-types.mjs (npm run types). Do not edit: change the schema.

/**
 * A name/value pair or a divider.
 */
export type MetadataItem = Divider | Metadata;
/**
 * A link or a divider.
 */
export type LinkItem = Divider | Link;
/**
 * A hexadecimal RGB colour as Navigator writes it: #rgb, #rrggbb, or with alpha #rgba, #rrggbbaa.
 */
export type HexColor = string;

/**
 * One ATT&CK Navigator layer as defined by the Navigator's layer format 4.5 (layers/spec/v4.5/layerformat.md in mitre-attack/attack-navigator). Fields the format does not define are allowed, as Navigator ignores them. A layer file may also hold a JSON array of such layers; validate each element against this schema.
 */
export interface NavigatorLayer {
  /**
   * The name of the layer, shown on its tab.
   */
  name: string;
  versions?: Versions;
  /**
   * The ATT&CK technology domain of the layer.
   */
  domain: 'enterprise-attack' | 'mobile-attack' | 'ics-attack';
  /**
   * The URL of the custom collection or STIX bundle from which the layer was built.
   */
  customDataURL?: string;
  /**
   * Free-form text that describes the contents or intent of the layer.
   */
  description?: string;
  filters?: Filters;
  /**
   * Technique order within a tactic: 0 name ascending, 1 name descending, 2 score ascending, 3 score descending.
   */
  sorting?: 0 | 1 | 2 | 3;
  layout?: Layout;
  /**
   * Omit disabled techniques from the view instead of greying them out (default false).
   */
  hideDisabled?: boolean;
  /**
   * Annotations of techniques and sub-techniques.
   */
  techniques?: Technique[];
  gradient?: Gradient;
  /**
   * Entries of the layer's legend.
   */
  legendItems?: LegendItem[];
  /**
   * Colour the tactic header row with tacticRowBackground (default false).
   */
  showTacticRowBackground?: boolean;
  /**
   * A hexadecimal RGB colour as Navigator writes it: #rgb, #rrggbb, or with alpha #rgba, #rrggbbaa.
   */
  tacticRowBackground?: string;
  /**
   * Selecting a technique selects it under every tactic it belongs to (default true).
   */
  selectTechniquesAcrossTactics?: boolean;
  /**
   * Selecting a technique also selects its sub-techniques (default true).
   */
  selectSubtechniquesWithParent?: boolean;
  /**
   * Selections skip hidden techniques (default false).
   */
  selectVisibleTechniques?: boolean;
  /**
   * User-defined name/value pairs of the layer, with optional dividers.
   */
  metadata?: MetadataItem[];
  /**
   * User-assigned links of the layer, with optional dividers.
   */
  links?: LinkItem[];
}
/**
 * The ATT&CK, Navigator and layer format versions the layer was written for.
 */
export interface Versions {
  /**
   * The ATT&CK major version the layer is for, e.g. "18"; Navigator reads the first number. Without it, Navigator opens the layer in its newest release.
   */
  attack?: string;
  /**
   * The Navigator version that wrote the layer; format 4.5 requires at least "4.9.0".
   */
  navigator: string;
  /**
   * The layer format version; must be "4.5". Older layers can be converted with `attack-layers upgrade`.
   */
  layer: '4.5';
}
/**
 * Which techniques the matrix shows.
 */
export interface Filters {
  /**
   * Only techniques tagged with one of these platforms are shown (default: every platform of the domain).
   */
  platforms?: string[];
}
/**
 * How the matrix is laid out.
 */
export interface Layout {
  /**
   * The layout of the matrix (default "side").
   */
  layout?: 'side' | 'flat' | 'mini';
  /**
   * How a technique's score is aggregated with its sub-techniques' scores (default "average").
   */
  aggregateFunction?: 'average' | 'min' | 'max' | 'sum';
  /**
   * Show the ATT&CK IDs of techniques and tactics (default false).
   */
  showID?: boolean;
  /**
   * Show the names of techniques and tactics (default true).
   */
  showName?: boolean;
  /**
   * Show the aggregate scores of techniques and their sub-techniques (default false).
   */
  showAggregateScores?: boolean;
  /**
   * Count unscored techniques when averaging aggregate scores (default false).
   */
  countUnscored?: boolean;
  /**
   * Which sub-techniques are expanded under their parent: none, those annotated, or all (default "none").
   */
  expandedSubtechniques?: 'none' | 'annotated' | 'all';
}
/**
 * The annotation of one technique or sub-technique, under one tactic or under all of its tactics.
 */
export interface Technique {
  /**
   * The ATT&CK ID of the technique (T1234) or sub-technique (T1234.001), or one of an ATT&CK Workbench organization namespace (ACME-T1000, ACME-T1000.001), which Navigator shows when it loads that namespace's data.
   */
  techniqueID: string;
  /**
   * The shortname of the tactic the annotation applies to, e.g. "lateral-movement"; without it, it applies under every tactic of the technique.
   */
  tactic?: string;
  /**
   * The score of the technique, coloured by the gradient; absent or null means unscored.
   */
  score?: number | null;
  /**
   * An explicit hexadecimal colour (#rgb, #rrggbb, #rgba, #rrggbbaa) that overrides the score's colour; "" means none.
   */
  color?: string;
  /**
   * Free text shown in the technique's tooltip.
   */
  comment?: string;
  /**
   * Whether the technique is enabled in the layer (default true).
   */
  enabled?: boolean;
  /**
   * User-defined name/value pairs of the technique, with optional dividers.
   */
  metadata?: MetadataItem[];
  /**
   * User-assigned links of the technique, with optional dividers.
   */
  links?: LinkItem[];
  /**
   * Expand this technique's sub-techniques by default (default false).
   */
  showSubtechniques?: boolean;
}
/**
 * A horizontal separator in a metadata tooltip or link menu.
 */
export interface Divider {
  /**
   * Always true: show a separator here.
   */
  divider: true;
}
/**
 * A name/value pair.
 */
export interface Metadata {
  /**
   * The name of the metadata; Navigator 5.1 shows no item without one (its Metadata.valid()).
   */
  name: string;
  /**
   * The value of the metadata; Navigator 5.1 shows no item without one (its Metadata.valid()).
   */
  value: string;
}
/**
 * A labelled hyperlink.
 */
export interface Link {
  /**
   * The label of the link; Navigator 5.1 shows no link without one (its Link.valid()).
   */
  label: string;
  /**
   * The URL to open; it must start with a protocol such as https://.
   */
  url: string;
}
/**
 * The colour scale that turns scores into colours (default red to green, 0 to 100).
 */
export interface Gradient {
  /**
   * The hexadecimal colours of the scale from minValue to maxValue; at least two.
   *
   * @minItems 2
   */
  colors: HexColor[];
  /**
   * The score that gets the first colour.
   */
  minValue: number;
  /**
   * The score that gets the last colour; must be greater than minValue.
   */
  maxValue: number;
}
/**
 * One legend entry: a label and its colour.
 */
export interface LegendItem {
  /**
   * The text of the legend entry.
   */
  label: string;
  /**
   * A hexadecimal RGB colour as Navigator writes it: #rgb, #rrggbb, or with alpha #rgba, #rrggbbaa.
   */
  color: string;
}
