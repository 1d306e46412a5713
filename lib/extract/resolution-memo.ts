import { resolveReferenceWarnings, type ReferenceInput, type ResolutionWarning, type ResolveContext, type ResolveOptions } from '../normalize/resolve-reference.js';
import type { Resolution } from '../normalize/normalize-types.js';

// How many answers are kept at most (some 100 MB at worst, each with its trail and candidates).
const KEPT = 100_000;

/** What `resolveReferenceWarnings` answers: the resolution, and its warnings with their kinds. */
type Answer = { resolution: Resolution; warnings: ResolutionWarning[] };

/** `resolveReference` against one context, each question answered once; the answers are shared, for reading only. */
export interface AskResolution {
  (input: ReferenceInput, options?: ResolveOptions): Readonly<Resolution>;
  /** `resolveReferenceWarnings`, its answer shared as well: a caller that changes a part of it copies that part first. */
  withWarnings(input: ReferenceInput, options?: ResolveOptions): Readonly<Answer>;
}

/**
 * `resolveReference` against `context`, each name or ID asked once: extract's readers ask of every cell, every phrase
 * before an ID and every line of names whether it names a technique, and a report of megabytes (a vendor's year of reports
 * run together) asks the same few thousand phrases again and again, each costing a comparison with every name of the
 * release. What it answers is shared between the callers, which read it and never change it.
 */
export function resolutionMemo(context: ResolveContext): AskResolution {
  const answers = new Map<string, Answer>();
  const withWarnings = (input: ReferenceInput, options: ResolveOptions = {}): Answer => {
    const key = JSON.stringify([options.similarNames !== false, input.raw, input.tactics ?? []]);
    let answer = answers.get(key);
    if (!answer) {
      // A report of distinct phrases without end is not kept whole: what is asked again is mostly asked soon after.
      if (answers.size >= KEPT) answers.clear();
      answers.set(key, (answer = resolveReferenceWarnings(input, context, options)));
    }
    return answer;
  };
  return Object.assign((input: ReferenceInput, options?: ResolveOptions) => withWarnings(input, options).resolution, { withWarnings });
}
