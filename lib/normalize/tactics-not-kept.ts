import type { AttackIndex } from '../attack/attack-index.js';
import type { TechniqueId } from '../attack/types.js';
import type { NormalizedCampaign } from './normalize-types.js';

/**
 * A reference placed under fewer tactics than it was written with, as the layer shows it: under every tactic of its
 * technique when none written is one of its (`widened`: `Persistence` for T1047, or a tactic that cannot be read), else
 * without the ones its technique no longer has or never had (`Execution` for T1117, now T1218.010, Defense Evasion only).
 */
export interface TacticNotKept {
  file: string;
  line?: number;
  raw: string;
  id: TechniqueId;
  /** The tactics written that the technique is not placed under: display names, or the text of one that cannot be read. */
  dropped: string[];
  /** True when no tactic written is kept, so that the technique shows under every one of its tactics. */
  widened: boolean;
}

/** The references of a campaign whose written tactics the layer does not keep, one item per technique, in file order. */
export function tacticsNotKept(result: NormalizedCampaign, index: AttackIndex): TacticNotKept[] {
  const found: TacticNotKept[] = [];
  for (const reference of result.references) {
    if (!reference.tactics.written.length) continue;
    for (const id of reference.ids) {
      const placed = reference.placed[id] ?? [];
      const dropped = [
        ...reference.tactics.read.filter((tactic) => !placed.includes(tactic)).map((tactic) => index.tacticName(tactic)),
        ...reference.tactics.unreadable.map((text) => `"${text}"`),
      ];
      if (!dropped.length) continue;
      found.push({ file: result.file, ...(reference.line !== undefined ? { line: reference.line } : {}), raw: reference.raw, id, dropped, widened: !placed.length });
    }
  }
  return found;
}
