/** The operations of `combineLayers`, each with its score expression over layers a, b, c…. */
export const COMBINE_OPS = {
  sum: 'a + b + …',
  max: 'max(a, b, …)',
  min: 'min(a, b, …)',
  mean: '(a + b + …) / n over the layers that score it',
  diff: 'a - b - … (missing scores count as 0)',
  intersect: 'min(a, b, …), only where every layer scores or colours it',
  union: 'max(a, b, …), wherever any layer has it',
} as const;
export type CombineOp = keyof typeof COMBINE_OPS;
