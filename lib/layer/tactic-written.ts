import type { AttackIndex } from '../attack/attack-index.js';
import type { TacticRecord } from '../attack/types.js';

/**
 * The tactic of `index` that an entry's `tactic` names other than by its shortname: by its TA ID (`"TA0002"`, which
 * the repair reads as `ta0002`); undefined when it is a shortname or names no tactic there. Navigator matches an
 * entry's tactic by shortname only, and shows such an annotation nowhere.
 */
export function tacticWrittenOtherwise(tactic: string, index: AttackIndex): TacticRecord | undefined {
  const named = index.tactic(tactic);
  return named && named.shortname !== tactic ? named : undefined;
}

/** What to set an entry's tactic to, for a finding: `set tactic to execution (TA0002 is its ID; …)`, or `fallback`. */
export function tacticAdvice(tactic: string, index: AttackIndex, fallback: string): string {
  const named = tacticWrittenOtherwise(tactic, index);
  return named ? `set tactic to ${named.shortname} (${named.id} is its ID; Navigator reads a tactic by its shortname only)` : fallback;
}
