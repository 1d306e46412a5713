/**
 * The Navigator layer format 4.5 as TypeScript types: generated from `schemas/layer-4.5.schema.json` into
 * `layer.types.gen.ts`, and named here as the rest of the code knows them. Fields the format does not define are
 * allowed by the schema and kept by `serializeLayer`, but not typed.
 */
export type { NavigatorLayer, Versions, Filters, Layout, Gradient, LegendItem, Divider } from './layer.types.gen.js';
export type {
  /** The annotation of one technique or sub-technique, under one tactic or all of its tactics (`techniques[]`). */
  Technique as LayerTechnique,
  /** A name/value pair of a layer or technique, or a divider (`metadata[]`). */
  MetadataItem as LayerMetadata,
  /** A labelled hyperlink of a layer or technique, or a divider (`links[]`). */
  LinkItem as LayerLink,
} from './layer.types.gen.js';

/** The layer format version this package reads and writes. */
export const LAYER_FORMAT = '4.5';
