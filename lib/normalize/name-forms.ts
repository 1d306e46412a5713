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

/** Whether a written word is read as a known one: the same, or through a word rule; the rule's label, or '' for the same. */
function wordReading(written: string, known: string): string | undefined {
  if (written === known) return '';
  return WORD_RULES.find(([, matches]) => matches(written, known))?.[0];
}

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
        const rule = wordReading(reading.words[i]!, word);
        if (rule && !rules.includes(rule)) rules.push(rule);
        return rule !== undefined;
      });
      if (same && rules.length) {
        found.push({ key, techniques, rules });
        break;
      }
    }
  }
  return found;
}

// Words that join a name's words, as writers put them in or leave them out (`Discovery of System Information`,
// `Spearphishing via Attachment`, `Obfuscated Files and Information`). In the enterprise releases from 3.0 to 18.1 no two
// techniques' names have the same other words in another order, and only T1566.003 Spearphishing via Service and
// T1598.001 Spearphishing Service differ by these words alone: a name written with those words reaches both, ambiguous.
const LINKING_WORDS = new Set('a an and by for from in of on or over the through to using via with'.split(' '));

// A writer's word for what is done with the technique, after its name (`Accessibility Feature Abuse`).
const DONE_WITH = /^(?:abuse|abused|abusing)$/;

/** A name's words other than linking ones, and without a last word that says it is abused (`DONE_WITH`). */
function contentWords(name: string): string[] {
  const words = nameWords(name).filter((word) => !LINKING_WORDS.has(word));
  return words.length > 2 && DONE_WITH.test(words[words.length - 1]!) ? words.slice(0, -1) : words;
}

/** The rules that pair each written word with a known word of its own (`wordReading`), in any order; undefined when none do. */
function pairedWords(written: readonly string[], known: readonly string[]): string[] | undefined {
  if (written.length !== known.length) return undefined;
  const used = new Array<boolean>(known.length).fill(false);
  const rules: string[] = [];
  const pair = (at: number): boolean => {
    if (at === written.length) return true;
    for (let k = 0; k < known.length; k++) {
      if (used[k]) continue;
      const rule = wordReading(written[at]!, known[k]!);
      if (rule === undefined) continue;
      used[k] = true;
      rules.push(rule);
      if (pair(at + 1)) return true;
      used[k] = false;
      rules.pop();
    }
    return false;
  };
  return pair(0) ? rules.filter(Boolean) : undefined;
}

/** Labels of how a name's words were reordered or joined, for the trail and the note. */
const REORDER_RULES = {
  order: 'the same words in another order (Registry Query: Query Registry)',
  linking: 'other small words joining them (Discovery of System Information: System Information Discovery)',
  doneWith: 'a word of the writer\'s own saying it is abused after the name (Accessibility Feature Abuse: Accessibility Features)',
  apart: 'a word of the name written as two (Spear Phishing: Spearphishing)',
} as const;

/**
 * `written` with two words next to each other written as one where so they are a word of `known` that the first is not
 * (`spear phishing`: Spearphishing, as reports spell ATT&CK's word apart or with a hyphen); undefined where none are.
 */
function wordsJoined(written: readonly string[], known: readonly string[]): string[] | undefined {
  const joined: string[] = [];
  for (let i = 0; i < written.length; i++) {
    const both = `${written[i]!}${written[i + 1] ?? ''}`;
    const apart = i + 1 < written.length && !known.includes(written[i]!) && known.some((word) => wordReading(both, word) !== undefined);
    joined.push(apart ? both : written[i]!);
    if (apart) i++;
  }
  return joined.length < written.length ? joined : undefined;
}

/** The linking words among a name's words, as a key: which, not how often or where. */
const linksOf = (words: readonly string[]): string => [...new Set(words.filter((word) => LINKING_WORDS.has(word)))].sort().join(' ');

// Per release: its names with their content words and linking words, computed once (every unknown name is compared with all).
const contentNamesOf = new WeakMap<AttackIndex, ReadonlyArray<{ key: string; techniques: readonly TechniqueRecord[]; known: string[]; knownLinks: string }>>();

function contentNames(index: AttackIndex): ReadonlyArray<{ key: string; techniques: readonly TechniqueRecord[]; known: string[]; knownLinks: string }> {
  let names = contentNamesOf.get(index);
  if (!names) {
    names = [...index.names()].map(([key, techniques]) => ({ key, techniques, known: contentWords(key), knownLinks: linksOf(nameWords(key)) }));
    contentNamesOf.set(index, names);
  }
  return names;
}

/**
 * The names of the release that `name` is in its words other than linking ones, in any order (`Registry query`: Query
 * Registry; `Hijacking DLL Search Order`: DLL Search Order Hijacking; `Discovery of System Information`), each word its own
 * or one a word rule reads as it (`Task Scheduled`, `Accessibility Feature Abuse`), or two that are one word of the name
 * written apart (`Spear Phishing via Attachment`), with the labels of what differs: what a
 * writer does with a name without misspelling it, read when `nameForms` and every close name have read nothing. Two
 * content words at least, written and known, and no small word first or last; every such name, in the release's order.
 */
export function reorderedNameForms(name: string, index: AttackIndex): NameForm[] {
  const written = contentWords(name);
  const all = nameWords(name);
  // Small words join a name's words, never begin or end it: `Native API The` is a name and the next sentence's first word.
  if (written.length < 2 || LINKING_WORDS.has(all[0]!) || LINKING_WORDS.has(all[all.length - 1]!)) return [];
  const found: NameForm[] = [];
  for (const { key, techniques, known, knownLinks } of contentNames(index)) {
    const joined = known.length < written.length ? wordsJoined(written, known) : undefined;
    const words = joined ?? written;
    const rules = pairedWords(words, known);
    if (!rules) continue;
    const inOrder = known.every((word, i) => wordReading(words[i]!, word) !== undefined);
    const labels = [
      ...(inOrder ? [] : [REORDER_RULES.order]),
      ...(linksOf(all) !== knownLinks ? [REORDER_RULES.linking] : []),
      ...(all.filter((word) => !LINKING_WORDS.has(word)).length > written.length ? [REORDER_RULES.doneWith] : []),
      ...(joined ? [REORDER_RULES.apart] : []),
      ...new Set(rules),
    ];
    if (labels.length) found.push({ key, techniques, rules: labels });
  }
  return found;
}

/**
 * The current techniques whose name begins with the words written and goes on (`Spearphishing`, `Spear phishing`:
 * Spearphishing Attachment, Link, Voice...; `Command and Scripting`: Command and Scripting Interpreter), by their own name or their `Parent: Sub`
 * name; a sub-technique reached only by its parent's words is left to its parent, named once.
 */
export function namesCutShort(name: string, index: AttackIndex): TechniqueRecord[] {
  const written = nameWords(name);
  if (!written.length) return [];
  // `Spear phishing`, `Spear-Phishing`: the words may run together where the name's are one (Spearphishing).
  const compact = written.join('');
  const goesOn = (words: readonly string[]): boolean => words.some((_, end) => end > 0 && words.slice(0, end).join('') === compact);
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
