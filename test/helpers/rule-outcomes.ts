import type { RuleFileOutcome, RuleOutcome } from '../../lib/coverage/read-rule-folder.js';

/** The outcomes of a file's rules: its items, or the one outcome of a file of one rule. */
export function ruleItems(outcome: RuleFileOutcome): RuleOutcome[] {
  return 'items' in outcome ? outcome.items : [outcome];
}

/** A rule's expected `tactics` and `tags` from [tactic as written, line] pairs. */
export function tacticTags(pairs: readonly [raw: string, line: number][]): { tactics: string[]; tags: { raw: string; line: number }[] } {
  return { tactics: pairs.map(([raw]) => raw), tags: pairs.map(([raw, line]) => ({ raw, line })) };
}
