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

// A TA ID and a tactic name written together (`TA0002: Execution`, as extract keeps a bracket after a reference).
const ID_AND_NAME = /^(TA\d{4})\s{0,3}[:：\-–—]\s{0,3}(\S.{0,60})$/i;

/** Labelled ways of reading a tactic as written; the first that the release recognises wins. */
const tacticReadings: ReadonlyArray<readonly [label: string, read: (text: string) => string | undefined]> = [
  ['as written', (text) => text],
  ['by its TA ID (Initial Access [TA0001])', (text) => /\bTA\d{4}\b/i.exec(text)?.[0]?.toUpperCase()],
  ['without bracketed or parenthesised parts', (text) => text.replace(/[[(（【].*?[\])）】]/g, '')],
  ['by the name beside a TA ID the release does not have (TA0027: Initial Access)', (text) => ID_AND_NAME.exec(text)?.[2]],
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

/**
 * Whether a TA ID written with a tactic name (`TA0002: Initial Access`) names another tactic than the name, or none of
 * the release: a warning saying which tactic was read and why; undefined when both agree, or the text is no such pair.
 */
export function tacticIdAndNameWarning(written: string, index: AttackIndex): string | undefined {
  const [, id, name] = ID_AND_NAME.exec(written.normalize('NFKC').trim()) ?? [];
  if (!id || !name) return undefined;
  const byId = index.tactic(id.toUpperCase());
  const byName = readTactic(name, index);
  if (!byName || byId?.shortname === byName) return undefined;
  const named = index.tacticName(byName);
  return byId
    ? `tactic "${written}": ${id.toUpperCase()} is ${byId.name}, not ${named}; it was read as ${byId.name} (check which the report means)`
    : `tactic "${written}": ATT&CK ${index.label} has no ${id.toUpperCase()}; it was read by its name, ${named} (check the ID, or the domain)`;
}
