/** How the scores of technique entries that land on one technique and tactic combine. */
export const MERGE_SCORES = ['max', 'min', 'sum', 'mean'] as const;
export type MergeScore = (typeof MERGE_SCORES)[number];
