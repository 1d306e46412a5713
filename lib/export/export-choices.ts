/** The formats `export` writes. */
export const EXPORT_FORMATS = ['svg', 'html', 'xlsx', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How sub-techniques are shown under their parents, as `export --subtechniques` takes it. */
export const SUBTECHNIQUE_MODES = ['expanded', 'annotated', 'none'] as const;
export type SubtechniqueMode = (typeof SUBTECHNIQUE_MODES)[number];

/** How the Matrix sheet lays out sub-techniques, as `export --subtechnique-layout` takes it. */
export const SUBTECHNIQUE_LAYOUTS = ['side', 'flat'] as const;
export type SubtechniqueLayout = (typeof SUBTECHNIQUE_LAYOUTS)[number];
