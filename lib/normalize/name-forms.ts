import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import type { TechniqueRecord } from '../attack/types.js';

/**
 * A technique's name as writers change its words without misspelling any: another number of a word (`Email Address`
 * for T1589.002 Email Addresses), a verb for ATT&CK's word in -ing (`Password Spray` for T1110.003 Password Spraying),
 * `Exploitation of` for ATT&CK's `Exploit` (`Exploitation of Public Facing Application` for T1190), a name followed by
 * `attacks` (`Brute force attacks`). Each quirk is one labelled rule; a name is read through them only when it is no
 * name of the release as written, and every name they reach is returned, so that two readings are reported, not chosen.
 */

/** A name's words: its folded key's runs of letters and digits (punctuation, hyphens and the colon aside). */
export const nameWords = (name: string): string[] => nameKey(name).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Rules that rewrite the words written as a whole, before they are compared word by word. */
const PHRASE_RULES: ReadonlyArray<readonly [label: string, apply: (words: readonly string[]) => string[] | undefined]> = [
  [
    '"Exploitation of" for ATT&CK\'s "Exploit" (Exploitation of Public Facing Application: Exploit Public-Facing Application)',
    (words) => (words.length > 2 && words[0] === 'exploitation' && words[1] === 'of' ? ['exploit', ...words.slice(2)] : undefined),
  ],
  [
    'a name followed by "attacks" (Brute force attacks: Brute Force)',
    (words) => (words.length > 2 && /^attacks?$/.test(words[words.length - 1]!) ? words.slice(0, -1) : undefined),
  ],
];

/** Rules that read one written word as a word of a name (`written`, `known`: both folded). */
const WORD_RULES: ReadonlyArray<readonly [label: string, matches: (written: string, known: string) => boolean]> = [
  [
    'a word in the other number (Email Address: Email Addresses)',
    (written, known) => {
      const plural = (one: string, many: string): boolean =>
        many === `${one}s` || many === `${one}es` || (one.endsWith('y') && many === `${one.slice(0, -1)}ies`);
      return written.length > 2 && known.length > 2 && (plural(written, known) || plural(known, written));
    },
  ],
  [
    "a verb for ATT&CK's word in -ing (Password Spray: Password Spraying)",
    (written, known) =>
      written.length > 3 &&
      (known === `${written}ing` || known === `${written}${written.slice(-1)}ing` || (written.endsWith('e') && known === `${written.slice(0, -1)}ing`)),
  ],
];

/** A name of the release reached by the rules, with the labels of the rules that reached it. */
export interface NameForm {
  /** The release's folded name (a key of `AttackIndex.names()`). */
  key: string;
  techniques: readonly TechniqueRecord[];
  rules: string[];
}

/**
 * The names of the release that `name` is, word for word, through the rules: each written word the name's word or one
 * a word rule reads as it, after a phrase rule or none, at least one rule used. Every such name, in the release's order.
 */
export function nameForms(name: string, index: AttackIndex): NameForm[] {
  const written = nameWords(name);
  if (written.length < 2) return [];
  const readings: Array<{ words: readonly string[]; rules: string[] }> = [{ words: written, rules: [] }];
  for (const [label, apply] of PHRASE_RULES) {
    const words = apply(written);
    if (words) readings.push({ words, rules: [label] });
  }
  const found: NameForm[] = [];
  for (const [key, techniques] of index.names()) {
    const words = nameWords(key);
    for (const reading of readings) {
      if (words.length !== reading.words.length) continue;
      const rules = [...reading.rules];
      const same = words.every((word, i) => {
        const mine = reading.words[i]!;
        if (mine === word) return true;
        const rule = WORD_RULES.find(([, matches]) => matches(mine, word));
        if (rule && !rules.includes(rule[0])) rules.push(rule[0]);
        return !!rule;
      });
      if (same && rules.length) {
        found.push({ key, techniques, rules });
        break;
      }
    }
  }
  return found;
}

/**
 * The current techniques whose name begins with the words written and goes on (`Spearphishing`: Spearphishing Attachment,
 * Link, Voice...; `Command and Scripting`: Command and Scripting Interpreter), by their own name or their `Parent: Sub`
 * name; a sub-technique reached only by its parent's words is left to its parent, named once.
 */
export function namesCutShort(name: string, index: AttackIndex): TechniqueRecord[] {
  const written = nameWords(name);
  if (!written.length) return [];
  const goesOn = (words: readonly string[]): boolean => words.length > written.length && written.every((word, i) => words[i] === word);
  const found = new Map<string, TechniqueRecord>();
  for (const [key, techniques] of index.names()) {
    if (!goesOn(nameWords(key))) continue;
    for (const technique of techniques) {
      if (technique.revoked || technique.deprecated) continue;
      found.set(technique.id, technique);
    }
  }
  return [...found.values()].filter((t) => !(t.parent && found.has(t.parent) && !goesOn(nameWords(t.name))));
}
