/**
 * Tactics written as a list in one value (`"Persistence, Privilege Escalation"`, `"defense-evasion/persistence"`,
 * `"Persistence and Privilege Escalation"`), as tables of techniques write them and tools copy them into layer entries
 * and campaign files. Commas, semicolons and line breaks separate list items only. A slash, a bar, a plus, `&` and the
 * word "and" also stand inside what is no list (`Command and Control`, `Command & Control`, `N/A`), so they separate
 * only where each part they make is a tactic; where the parts can be grouped into tactics in two ways, nothing is guessed.
 */

/** How a value written as a list of tactics reads. */
export interface TacticListReading {
  /** The parts, in the order written and trimmed: tactics, or text that a caller reads (or refuses) as one. */
  parts: string[];
  /** Parts that can be read as tactics in more than one way, with each way. */
  ambiguous: Array<{ text: string; readings: string[][] }>;
}

const ITEM_SEPARATOR = /\s*[,;\n]\s*/;
// Captured, so that a part keeps the joiner it was written with (`Command & Control`).
const JOINER = /(\s*[/\\|+&]\s*|\s+and\s+)/i;
// A list longer than every tactic of a domain is no list of tactics; it is never split into readings.
const MAX_PIECES = 20;

/**
 * The readings of `pieces` (text and joiners alternating, as `split(JOINER)` leaves them) as groups of consecutive
 * pieces that are each a tactic; at most two, since a second one already makes the text ambiguous.
 */
function readings(pieces: readonly string[], isTactic: (part: string) => boolean): string[][] {
  const count = (pieces.length + 1) / 2;
  // from[i]: the readings of pieces i.. (at most two each), filled from the end.
  const from: string[][][] = [];
  from[count] = [[]];
  for (let i = count - 1; i >= 0; i--) {
    const found: string[][] = [];
    for (let j = i; j < count && found.length < 2; j++) {
      const part = pieces.slice(2 * i, 2 * j + 1).join('').trim();
      if (!isTactic(part)) continue;
      for (const rest of from[j + 1]!) {
        if (found.length < 2) found.push([part, ...rest]);
      }
    }
    from[i] = found;
  }
  return from[0]!;
}

/**
 * Read a value written as one tactic or a list of them: each item between commas (semicolons, line breaks) is split at
 * its joiners when exactly one way of grouping its pieces makes each group a tactic (`isTactic`), else kept whole (for
 * the caller to read as one tactic, or to refuse); an item grouped into tactics in two ways is `ambiguous`.
 */
export function splitTacticList(value: string, isTactic: (part: string) => boolean): TacticListReading {
  const parts: string[] = [];
  const ambiguous: TacticListReading['ambiguous'] = [];
  for (const item of value.split(ITEM_SEPARATOR).map((text) => text.trim())) {
    if (item === '') continue;
    const pieces = item.split(JOINER);
    const found = pieces.length > 1 && pieces.length <= 2 * MAX_PIECES ? readings(pieces, isTactic) : [];
    if (found.length > 1) ambiguous.push({ text: item, readings: found });
    else parts.push(...(found[0] ?? [item]));
  }
  return { parts, ambiguous };
}

/**
 * The tactics that joiners make of text that is no tactic and no list of them (`Persistence` in `Persistence and Foo`):
 * runs of its pieces, the longest first from the left, that are each a tactic; none when the text has no joiner.
 */
export function tacticsWithin(text: string, isTactic: (part: string) => boolean): string[] {
  const pieces = text.trim().split(JOINER);
  const count = (pieces.length + 1) / 2;
  if (count < 2 || count > MAX_PIECES) return [];
  const found: string[] = [];
  for (let i = 0; i < count; i++) {
    for (let j = count - 1; j >= i; j--) {
      const part = pieces.slice(2 * i, 2 * j + 1).join('').trim();
      if (j - i === count - 1 || !isTactic(part)) continue;
      found.push(part);
      i = j;
      break;
    }
  }
  return found;
}
