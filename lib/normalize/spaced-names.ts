import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import { isCommonEnglishWord } from '../common-words.js';
import { techniqueAlias } from './technique-aliases.js';

/**
 * A technique's name written with its spaces lost, as PDF-to-text gives the tables of some vendors' PDFs
 * (`CommandandScriptingInterpreter:PowerShell`, `Phishingfor Information:SpearphishingAttachment`, `ScheduledTask/Job:ScheduledTask`
 * in Genians' Konni reports of 2023): its compact form, the name in lower case without spaces, is that of one name
 * of the release (a technique's own or its `Parent: Sub` name).
 */
const compactKey = (key: string): string => key.replace(/\s+/g, '');

/** Where a key's spaces stand, as offsets in its compact form. */
function spaceOffsets(key: string): Set<number> {
  const offsets = new Set<number>();
  let at = 0;
  for (const c of key) {
    if (/\s/.test(c)) offsets.add(at);
    else at += c.length;
  }
  return offsets;
}

/** Whether `written` only lacks spaces of `known` (both keys, of one compact form): no space of its own (`Softwa re`). */
const onlyLacksSpaces = (written: string, known: string): boolean => {
  const knownOffsets = spaceOffsets(known);
  return [...spaceOffsets(written)].every((offset) => knownOffsets.has(offset));
};

// Per release: its names (as written by ATT&CK) by compact form; null where two names share one.
const compactNamesOf = new WeakMap<AttackIndex, Map<string, string | null>>();

function compactNames(index: AttackIndex): Map<string, string | null> {
  let names = compactNamesOf.get(index);
  if (names) return names;
  names = new Map();
  for (const [key, techniques] of index.names()) {
    const compact = compactKey(key);
    if (compact === key) continue;
    // The name as the release writes it: the technique's own, or its `Parent: Sub` name.
    const technique = techniques[0]!;
    const parent = technique.parent ? index.technique(technique.parent) : undefined;
    const written = nameKey(technique.name) === key || !parent ? technique.name : `${parent.name}: ${technique.name}`;
    const before = names.get(compact);
    names.set(compact, before === undefined || nameKey(before ?? '') === key ? written : null);
  }
  compactNamesOf.set(index, names);
  return names;
}

/**
 * The name of `target` that `name` writes without (some of) its spaces, as the release writes it
 * (`CommandandScriptingInterpreter` → `Command and Scripting Interpreter`), else an older name so written, from the
 * first of `older` that has it, consulted only for a name that runs a small letter into a capital (`CredentialDumping`)
 * and each loaded only when reached; undefined when `name` is a name of the release as written or an abbreviation the
 * normalizer's table holds (`DLL sideloading`), its compact form is an English word in common use, two names of the
 * release share it, or it has a space the name has not (`Softwa re Discovery`, a word PDF-to-text split). Pure.
 */
export function spacedName(name: string, target: AttackIndex, older: () => Iterable<AttackIndex> = () => []): string | undefined {
  const key = nameKey(name);
  const compact = compactKey(key);
  // A colon with no space after it (`User Execution:Malicious File`) loses no space of the name: it is read as the name.
  const colonSpaced = nameKey(name.replace(/\s*:\s*/g, ': '));
  if (target.names().has(key) || target.names().has(colonSpaced) || isCommonEnglishWord(compact) || techniqueAlias(name)) return undefined;
  const read = (spaced: string | null | undefined): string | undefined => (spaced && onlyLacksSpaces(key, nameKey(spaced)) ? spaced : undefined);
  const spaced = compactNames(target).get(compact);
  if (spaced !== undefined || !/\p{Ll}\p{Lu}/u.test(name)) return read(spaced);
  for (const index of older()) {
    if (index.names().has(key)) return undefined;
    const old = compactNames(index).get(compact);
    if (old !== undefined) return read(old);
  }
  return undefined;
}
