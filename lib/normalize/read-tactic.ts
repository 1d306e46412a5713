import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import type { TacticShortname } from '../attack/types.js';
import { TACTIC_NAMES, TACTIC_SHORT_FORMS, tacticShortname } from './tactic-names.js';

/**
 * Other ways reports write tactic names, folded with `nameKey`: every written form of `TACTIC_NAMES` (British
 * spelling, C2, the names of the ATT&CK Japanese translation, which the seed reports use) and the short forms.
 */
export const TACTIC_SYNONYMS: Readonly<Record<string, TacticShortname>> = Object.fromEntries([
  ...TACTIC_NAMES.flatMap(([display, ...written]) => written.map((text) => [nameKey(text), tacticShortname(display)] as const)),
  ...Object.entries(TACTIC_SHORT_FORMS).map(([text, display]) => [nameKey(text), tacticShortname(display)] as const),
]);

/** Labelled ways of reading a tactic as written; the first that the release recognises wins. */
const tacticReadings: ReadonlyArray<readonly [label: string, read: (text: string) => string | undefined]> = [
  ['as written', (text) => text],
  ['by its TA ID (Initial Access [TA0001])', (text) => /\bTA\d{4}\b/i.exec(text)?.[0]?.toUpperCase()],
  ['without bracketed or parenthesised parts', (text) => text.replace(/[[(（【].*?[\])）】]/g, '')],
  ['hyphens and underscores as spaces (Defense-Evasion)', (text) => text.replace(/[-_]+/g, ' ')],
  ['spaces as hyphens (defense evasion)', (text) => text.trim().replace(/\s+/g, '-')],
];

/**
 * Read a tactic written in any common form — display name, shortname, `TA0011`, `Command & Control`,
 * `Initial Access [TA0001]`, a Japanese name — as a shortname the release knows; undefined when it cannot be read.
 */
export function readTactic(written: string, index: AttackIndex): TacticShortname | undefined {
  const text = written.normalize('NFKC').trim();
  if (!text) return undefined;
  for (const [, read] of tacticReadings) {
    const candidate = read(text);
    if (!candidate?.trim()) continue;
    const tactic = index.tactic(candidate);
    if (tactic) return tactic.shortname;
    const synonym = TACTIC_SYNONYMS[nameKey(candidate)];
    if (synonym && index.tactic(synonym)) return synonym;
  }
  return undefined;
}
