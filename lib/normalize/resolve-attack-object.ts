import { lettersThenDigits, nameKey, type AttackIndex } from '../attack/attack-index.js';
import { compareIds } from '../attack/index-bundle.js';
import { canonicalTechniqueId } from '../attack/technique-id.js';
import type { AttackLibrary } from '../attack/load.js';
import { libraryOtherReleases } from '../attack/other-domains.js';
import { DOMAINS, type ActorRecord, type Domain, type StixId, type TechniqueId, type TechniqueRecord } from '../attack/types.js';
import { AttackDataError, AttackLayersError, AttackObjectError, givenOption, inGivenInputs, type GivenAs } from '../errors.js';
import { isCommonEnglishWord } from '../common-words.js';
import { placeWord } from '../place-words.js';
import { editDistance } from '../name-distance.js';
import { fullName } from './resolve-reference.js';
import { ATTACK_OBJECT_KINDS, type AttackObjectKind } from './attack-object-kinds.js';


/** The form of a group's, software's or campaign's ATT&CK ID (G0050, S0227, C0021). */
const OBJECT_ID = /^[GSC]\d{4}$/i;

const KIND_TYPES: Readonly<Record<AttackObjectKind, readonly ActorRecord['type'][]>> = {
  group: ['intrusion-set'],
  software: ['malware', 'tool'],
  campaign: ['campaign'],
};

/** Whether an object is a group, software or campaign. */
export function objectKind(object: ActorRecord): AttackObjectKind {
  return object.type === 'intrusion-set' ? 'group' : object.type === 'campaign' ? 'campaign' : 'software';
}

/** `G0050 APT32`, or just `C0021` for an object whose name is its ID, for lists and messages. */
export function objectRef(object: { id: string; name: string }): string {
  return object.name === object.id ? object.id : `${object.id} ${object.name}`;
}

/** `APT32 (G0050)`, or just `C0021` for an object whose name is its ID, for titles. */
export function objectTitle(object: { id: string; name: string }): string {
  return object.name === object.id ? object.id : `${object.name} (${object.id})`;
}

/** `G0050 APT32 (group)`, for messages. */
export function describeObject(object: ActorRecord): string {
  return `${objectRef(object)} (${objectKind(object)}${object.deprecated ? ', deprecated' : object.revoked ? ', revoked' : ''})`;
}

/** Every object of a kind in a release, revoked and deprecated ones included, sorted by ID. */
export function objectsOfKind(index: AttackIndex, kind: AttackObjectKind): readonly ActorRecord[] {
  return kind === 'group' ? index.data.groups : kind === 'software' ? index.data.software : index.data.campaigns;
}

/** An object found by a name, alias or ID, and how it was found. */
export interface ResolvedObject {
  /** The name, alias or ID as given. */
  query: string;
  /** The object: current unless the query named a deprecated one and nothing else. */
  object: ActorRecord;
  /** What the user should know: a revoked object's replacement, an alias, other objects the name also fits. */
  notes: string[];
}

interface Match {
  object: ActorRecord;
  /** How the query met it: its ATT&CK ID or name (exact), or one of its aliases. */
  by: 'id' | 'name' | 'alias';
  /** The object the query matched, before following revoked-by. */
  matched: ActorRecord;
}

// When a name fits several objects, these decide, in order; each applies only when it leaves some candidates.
const PREFERENCES: ReadonlyArray<readonly [label: string, keep: (match: Match) => boolean]> = [
  ['a current object wins over a deprecated one', (match) => !match.object.deprecated],
  ["an object's ID or own name wins over another's alias", (match) => match.by !== 'alias'],
];

/**
 * What a comparison with nothing to compare with asks for: the objects to compare with, as the caller gives them
 * (`givenAs.given`: the CLI's `--with <group|campaign|software>`), by default the function's `given` list.
 */
export function givenObjects(givenAs?: GivenAs): string {
  return givenAs?.given ? `${givenAs.given} <group|campaign|software>` : 'given: the ATT&CK groups, campaigns or software to compare with (ID or name)';
}

/**
 * How a caller that takes no kind picks one of the objects an ambiguous name names: by its ID, given as the caller
 * gives objects (`givenAs.given`: the CLI's `--with G0008`), by default the function's `given` list (`given: ['G0008']`).
 */
export function givenIds(givenAs?: GivenAs): (ids: readonly string[]) => string {
  return (ids) => `write the ATT&CK ID: ${ids.map((id) => givenOption(givenAs, 'given', [id])).join(' or ')}`;
}

/**
 * Find a group, software or campaign by ATT&CK ID, name or alias (case, spacing and punctuation variants aside),
 * following revoked-by to the current object. When the name fits several objects, a current one wins over a
 * deprecated one and an ID or own name over an alias; the others are named in `notes`.
 * `givenAs` names `kind` in messages (the CLI's `--type`), and the lookups notes and errors advise (the CLI's
 * `attack-layers attack-object C0002`, by default `locateAttackObject(…, 'C0002')`: see `inGivenInputs`); a caller that
 * takes no kind (compare's `given`, a campaign's `compare_with`) says with `writeId` how to write one of the objects an
 * ambiguous name names, by its ID. A name that fits nothing is read as a short form (`Lazarus`: G0032 Lazarus Group,
 * `readShortForm`) unless `shortForms` is false, as for a name that must name its object as written.
 * @throws AttackObjectError when nothing fits (with the closest names) or several objects still do (with each).
 */
export function resolveAttackObject(
  index: AttackIndex,
  query: string,
  options: { kind?: AttackObjectKind; givenAs?: GivenAs; writeId?: (ids: readonly string[]) => string; shortForms?: boolean } = {},
): ResolvedObject {
  const labelled = readLabelledId(index, query);
  if (labelled) return resolveLabelled(index, query, labelled, options);
  const asWritten = nameKey(query);
  const stixId = stixIdOf(query);
  const byStixId = stixId ? index.byStixId(stixId) : undefined;
  const types = options.kind ? KIND_TYPES[options.kind] : undefined;
  const { key, how } = stixId ? { key: asWritten, how: undefined } : objectKeyReading(index, query, types);
  const all = stixId ? (byStixId && 'aliases' in byStixId ? [byStixId] : []) : index.actors(key);
  const fitting = all.filter((object) => !types || types.includes(object.type));
  const what = options.kind ?? 'group, software or campaign';
  if (!fitting.length && stixId) {
    const other = byStixId && !('aliases' in byStixId) ? `the STIX id of ${'shortname' in byStixId ? `the tactic ${byStixId.id} ${byStixId.name}` : `the technique ${byStixId.id} ${fullName(index, byStixId)}`}` : undefined;
    throw new AttackObjectError(
      query,
      all.map(describeObject),
      `"${query}" is ` +
        (all.length
          ? `the STIX id of ${describeObject(all[0]!)}, not a ${what}`
          : (other ?? `a STIX id that no object of ATT&CK ${index.label} has (a platform such as OpenCTI or MISP gives objects STIX ids of its own)`) +
            '; name a group, software or campaign by its ATT&CK ID, name or alias (G0050, APT32, S0227, C0021)'),
    );
  }
  if (!fitting.length) {
    const others = all.map((object) => describeObject(index.finalActor(object)));
    if (others.length) {
      // A deprecated object alone: where ATT&CK moved it (G0014 Night Dragon: C0002) is what the user can look up.
      const only = new Set(all.map((object) => index.finalActor(object))).size === 1 ? index.finalActor(all[0]!) : undefined;
      const moved = only?.deprecated ? namesakeAdvice(currentNamesakes(index, only), undefined, options.givenAs) : '';
      throw new AttackObjectError(query, others, `"${query}" is not a ${what} in ATT&CK ${index.label}: it names ${[...new Set(others)].join(', ')}${moved}`);
    }
    const unsuffixed = withoutVendorSuffix(index, query, options);
    if (unsuffixed) return unsuffixed;
    const paired = options.shortForms === false ? undefined : namePairReading(index, query, options.kind);
    if (paired && 'object' in paired) return { query, object: paired.object, notes: [`"${query}" is read as ${objectRef(paired.object)} (${paired.how})`] };
    if (paired) throw new AttackObjectError(query, paired.candidates, `"${query}": ${paired.refusal}, in ATT&CK ${index.label}; give one name, or the ATT&CK ID`);
    const padded = paddedId(query);
    if (padded && index.actors(padded).length) {
      const found = resolveAttackObject(index, padded, options);
      return { ...found, query, notes: [`"${query}" is read as ${objectRef(found.object)} (the ID's number written with four digits, as ATT&CK writes IDs)`, ...found.notes] };
    }
    const otherKind = techniqueOrTactic(index, query, options.givenAs);
    if (otherKind) {
      throw new AttackObjectError(query, [], `"${query}" is ${otherKind}, not a ${what}; name one by its ATT&CK ID, name or alias (G0050, APT32, S0227, C0021)`);
    }
    // The objects whose IDs are a digit or two away from an unknown ID (S0405 in enterprise: S0005, S0045, S0105) are
    // no kin of the one meant, which may be of another domain or release: say the ID is unknown, not offer them.
    if (OBJECT_ID.test(query.trim())) {
      throw new AttackObjectError(query, [], `no ${what} has the ATT&CK ID ${query.trim().toUpperCase()} in ATT&CK ${index.label}; check the ID, or name the object by its name or an alias`);
    }
    const shortened = options.shortForms === false ? undefined : readShortForm(index, query, options);
    if (shortened) return shortened;
    const operation = options.shortForms === false ? undefined : withOperationWord(index, query, options);
    if (operation) return operation;
    // `Storm-0558` (Microsoft's) or `UNC3890` (Mandiant's): the others of a vendor's series a digit away are other
    // clusters, no kin of it, as IDs a digit away are.
    const series = numberedSeries(index, query, types);
    // `Sandworm Group`, no name's neighbour, is offered what `Sandworm` is.
    // `Jade Sleet`, `Lace Tempest`: a vendor's family word names a country or a motive, not a group; one of the family
    // is offered only for a misspelling of its own words (`Fansy Bear`), not for another name of the family.
    const family = series ? undefined : familyNames(index, query, types);
    const closest = ([key, ...vendorNames(query).map(({ name }) => nameKey(name))].map((near) => closestObjects(index, near, types)).find((found) => found.length) ?? []).filter(
      ({ object, alias }) => !series?.names.some((name) => name.object === object) && (!family || editDistance(key, nameKey(alias ?? object.name), 2) <= 2),
    );
    if (family && !closest.length) {
      throw new AttackObjectError(query, family.names.map(({ object }) => objectRef(object)), `no ${what} "${query}" in ATT&CK ${index.label}; ${familyText(family, query)}`);
    }
    throw new AttackObjectError(
      query,
      closest.map(({ object }) => objectRef(object)),
      `no ${what} "${query}" in ATT&CK ${index.label}` +
        (series ? `; ${seriesText(series)}` : '') +
        (closest.length
          ? `; did you mean ${closest.map(({ object, alias }) => `${objectRef(object)}${alias ? ` (alias ${alias})` : ''}`).join(', ')}?`
          : series
            ? '; check the number, or name the object by another of its names'
            : '; check the spelling, or write its ATT&CK ID (G0050, S0227, C0021)'),
    );
  }

  const byObject = new Map<string, Match>();
  for (const matched of fitting) {
    const object = index.finalActor(matched);
    const by = stixId || nameKey(matched.id) === key ? 'id' : nameKey(matched.name) === key ? 'name' : 'alias';
    const previous = byObject.get(object.stixId);
    if (!previous || (previous.by === 'alias' && by !== 'alias')) byObject.set(object.stixId, { object, by, matched });
  }
  let candidates = [...byObject.values()];
  const notes: string[] = [];
  for (const [label, keep] of PREFERENCES) {
    const kept = candidates.filter(keep);
    if (!kept.length || kept.length === candidates.length) continue;
    const dropped = candidates.filter((match) => !keep(match)).map((match) => describeObject(match.object));
    notes.push(`"${query}" also names ${dropped.join(', ')}; ${label}`);
    candidates = kept;
  }
  if (candidates.length > 1) {
    const names = candidates.map((match) => describeObject(match.object)).sort();
    throw new AttackObjectError(
      query,
      names,
      `"${query}" names ${candidates.length} objects in ATT&CK ${index.label}: ${names.join(', ')}; ` +
        (options.writeId
          ? options.writeId(candidates.map((match) => match.object.id).sort(compareIds))
          : 'write the ATT&CK ID' + (options.kind ? '' : ` or pass ${options.givenAs?.kind ? `${options.givenAs.kind} group|software|campaign` : "kind: 'group', 'software' or 'campaign'"}`)),
    );
  }
  const { object, by, matched } = candidates[0]!;
  if (matched.revoked && matched.stixId !== object.stixId) {
    notes.unshift(`${objectRef(matched)} was revoked by ${objectRef(object)} in ATT&CK ${index.release}; using ${object.id}`);
  } else if (by === 'alias') {
    notes.unshift(`"${query}" is an alias of ${objectRef(object)}`);
  }
  if (object.deprecated) notes.push(`${objectRef(object)} is deprecated in ATT&CK ${index.release}${namesakeAdvice(currentNamesakes(index, object), undefined, options.givenAs)}`);
  if (!how && !stixId && !options.kind) notes.push(...spacedNamesakes(index, query, object, options.givenAs));
  if (how) notes.unshift(`"${query}" is read as ${objectRef(object)} (${how})`);
  if (stixId) notes.unshift(`"${query}" is the STIX id of ${objectRef(matched)}`);
  else notes.push(...techniqueNamesakes(index, query, options.givenAs));
  return { query, object, notes };
}

/**
 * The current techniques whose own name a query is, words as written aside, as a software's name may be (S0122
 * Pass-The-Hash Toolkit, `Pass-The-Hash`, and T1550.002 Pass the Hash; S0110 at and T1053.002 At): an analyst may mean
 * the technique, so a note names it and its lookup in the caller's words (`givenAs`: the CLI's `attack-layers technique`).
 */
function techniqueNamesakes(index: AttackIndex, query: string, givenAs: GivenAs | undefined): string[] {
  const wanted = nameWords(query).join('');
  return index
    .currentTechniques()
    .filter((technique) => nameWords(technique.name).join('') === wanted)
    .map((technique) => `"${query}" is also the name of the technique ${technique.id} ${fullName(index, technique)}: ${inGivenInputs(`\`attack-layers technique ${technique.id}\``, givenAs)} for it`);
}

/**
 * The words reports and vendors put after a software's or group's name, which ATT&CK's names leave out (`PlugX RAT`,
 * `BlackCat ransomware`, `Mimikatz.exe`, `Turla Group`), each with the kind of object it follows.
 */
const VENDOR_SUFFIXES: ReadonlyArray<readonly [suffix: RegExp, kind: AttackObjectKind]> = [
  [/[\s-]+(?:ransomware|malware|RAT|trojan|backdoor|loader|botnet)$/i, 'software'],
  [/\.(?:exe|dll)$/i, 'software'],
  [/[\s-]+(?:threat group|APT group|group|team|threat actor|APT)$/i, 'group'],
];

/**
 * A query's name without each vendor's suffix it ends with, the suffix and the kind it follows (`PlugX RAT`: PlugX,
 * RAT, software).
 */
export function vendorNames(query: string): Array<{ name: string; suffix: string; kind: AttackObjectKind }> {
  const text = query.trim();
  return VENDOR_SUFFIXES.map(([suffix, kind]) => ({ name: text.replace(suffix, ''), kind }))
    .filter(({ name }) => name && name !== text)
    .map(({ name, kind }) => ({ name, suffix: text.slice(name.length).replace(/^[\s-]+/, ''), kind }));
}

/**
 * A query that names no object read without a vendor's suffix, when what is left names one object of the kind the
 * suffix follows (`PlugX RAT`: S0013 PlugX), with a note saying what was left out; undefined otherwise.
 */
function withoutVendorSuffix(index: AttackIndex, query: string, options: { kind?: AttackObjectKind; givenAs?: GivenAs; shortForms?: boolean }): ResolvedObject | undefined {
  for (const { name, suffix, kind } of vendorNames(query)) {
    if (options.kind && options.kind !== kind) continue;
    try {
      // As written: a short form of what is left is `readShortForm`'s, which says it is.
      const found = resolveAttackObject(index, name, { ...options, kind, shortForms: false });
      const note = `"${query}" is read as ${objectRef(found.object)} ("${suffix}" left out)`;
      return { ...found, query, notes: [note, ...found.notes] };
    } catch (error) {
      if (!(error instanceof AttackObjectError)) throw error;
    }
  }
  return undefined;
}

/**
 * A query that names no object read as the name of a campaign ATT&CK calls `Operation …` (C0022 Operation Dream Job,
 * its aliases Operation North Star and Operation Interception; C0014 Operation Wocao; C0012 Operation CuckooBees), as
 * reports and emulation plans write them without the word (`Dream Job`, `North Star`, `Wocao`), when it names one
 * current campaign so, with a note saying the word was added; undefined otherwise. One word prose writes for other
 * things (`proseWord`: `Interception`, `Ghost`) is not read so.
 */
function withOperationWord(index: AttackIndex, query: string, options: { kind?: AttackObjectKind; givenAs?: GivenAs }): ResolvedObject | undefined {
  if (options.kind && options.kind !== 'campaign') return undefined;
  const reading = operationReading(index, query, options.givenAs);
  return reading && { ...reading.found, query, notes: [`"${query}" is read as ${reading.read} (${OPERATION_ADDED})`, ...reading.found.notes] };
}

const OPERATION_ADDED = '"Operation" added, as ATT&CK names the campaign';

/**
 * The current campaign a query names with `Operation ` before it (`Dream Job`: C0022 Operation Dream Job), and how to
 * write what it was read as (`"Operation North Star"` for an alias, which the notes of the campaign name); undefined
 * when it names none, or is a word prose writes for other things.
 */
function operationReading(index: AttackIndex, query: string, givenAs: GivenAs | undefined): { found: ResolvedObject; read: string } | undefined {
  if (/^\s*operation\b/i.test(query) || proseWord(index, query)) return undefined;
  try {
    const named = `Operation ${query.trim()}`;
    const found = resolveAttackObject(index, named, { kind: 'campaign', givenAs, shortForms: false });
    if (found.object.revoked || found.object.deprecated) return undefined;
    // The notes on the name with the word (an alias's, spacing aside) say which object it is.
    return { found, read: found.notes.length ? `"${named}"` : objectRef(found.object) };
  } catch (error) {
    if (!(error instanceof AttackObjectError)) throw error;
    return undefined;
  }
}

// How reports write an actor with another of its names beside it: `APT28 (Fancy Bear)`, `Turla (aka Snake)`,
// `Sandworm / APT44`, `APT29 a.k.a. Cozy Bear`. A slash needs spaces: `Win32/Industroyer` is one name (S0604's alias).
const NAME_PAIRS: readonly RegExp[] = [
  /^(.+?)\s*\(\s*(?:aka|a\.k\.a\.?|also known as)?\s*([^()]+?)\s*\)$/i,
  /^(.+?)\s+(?:\/|aka|a\.k\.a\.?|also known as)\s+(.+)$/i,
];

/**
 * How a query that names no object reads as two names of one (`APT28 (Fancy Bear)`: G0007 APT28, both its names),
 * each read as `resolveAttackObject` reads it alone: the object both name, or the one the other names when one names
 * nothing in ATT&CK (`Scattered Spider (Muddled Libra)`: Unit 42's name, which ATT&CK does not hold); refused naming
 * both when they name two objects (`APT28 (APT29)`). Undefined when the query is no such pair, or neither names one.
 */
export function namePairReading(index: AttackIndex, query: string, kind: AttackObjectKind | undefined): { object: ActorRecord; how: string } | { refusal: string; candidates: string[] } | undefined {
  const pair = NAME_PAIRS.map((pattern) => pattern.exec(query.trim())).find((match) => match !== null);
  if (!pair) return undefined;
  const [first, second] = [pair[1]!.trim(), pair[2]!.trim()];
  const [firstObjects, secondObjects] = [pairObjects(index, first, kind), pairObjects(index, second, kind)];
  const both = firstObjects.filter((object) => secondObjects.some((other) => other.stixId === object.stixId));
  if (both.length === 1) return { object: both[0]!, how: `"${first}" and "${second}" both name it` };
  if (both.length) return undefined;
  const what = kind ?? 'group, software or campaign';
  for (const [named, by, unknown] of [[firstObjects, first, secondObjects.length ? undefined : second], [secondObjects, second, firstObjects.length ? undefined : first]] as const) {
    if (named.length === 1 && unknown) return { object: named[0]!, how: `by "${by}"; "${unknown}" names no ${what} in ATT&CK ${index.label}` };
  }
  if (firstObjects.length !== 1 || secondObjects.length !== 1) return undefined;
  const [one, other] = [firstObjects[0]!, secondObjects[0]!];
  return { refusal: `"${first}" is ${describeObject(one)}, "${second}" ${describeObject(other)}`, candidates: [describeObject(one), describeObject(other)] };
}

/**
 * The objects one name of a pair names: the one it is read as alone, or, when several fit it, each (`Snake`: G0010 Turla
 * and S0022 Uroburos; `Winnti`, the first word of three names; `Voodoo`, a common word that begins Sandworm Team's alias).
 */
function pairObjects(index: AttackIndex, name: string, kind: AttackObjectKind | undefined): ActorRecord[] {
  try {
    return [resolveAttackObject(index, name, { ...(kind ? { kind } : {}) }).object];
  } catch (error) {
    if (!(error instanceof AttackObjectError)) throw error;
    const types = kind ? KIND_TYPES[kind] : undefined;
    const reading = shortFormReading(index, name, kind);
    const ids = reading && 'ids' in reading ? reading.ids : [];
    const named = [objectKeyReading(index, name, types).key, ...ids].flatMap((key) => index.actors(key)).map((object) => index.finalActor(object));
    return [...new Map(named.filter((object) => !types || types.includes(object.type)).map((object) => [object.stixId, object])).values()];
  }
}

/** How many objects the refusal of a short form of several names before saying how many more there are. */
const SHORT_FORM_LISTED = 8;

/**
 * A query that names no object read as a short form, as reports and vendors' tables name actors (`Lazarus`: G0032
 * Lazarus Group), refused naming the objects it may be (`Winnti`), or undefined (`shortFormReading`).
 * @throws AttackObjectError when the words are in several objects' names, or are one word prose writes for other things.
 */
function readShortForm(index: AttackIndex, query: string, options: { kind?: AttackObjectKind; givenAs?: GivenAs; writeId?: (ids: readonly string[]) => string }): ResolvedObject | undefined {
  const reading = shortFormReading(index, query, options.kind);
  const other = reading ? undefined : otherKindShortForm(index, query, options.kind);
  if (other) {
    // `Lazarus --type software`: the group G0032 is what the words are, and the lookup without the kind finds it.
    const lookup = inGivenInputs(`\`attack-layers attack-object ${other.object.id}\``, options.givenAs);
    throw new AttackObjectError(
      query,
      [describeObject(other.object)],
      `no ${options.kind} "${query}" in ATT&CK ${index.label}; it is the ${objectKind(other.object)} ${objectRef(other.object)} (${other.how}): ${lookup}`,
    );
  }
  if (!reading) return undefined;
  if ('object' in reading) {
    return { query, object: reading.object, notes: [`"${query}" is read as ${objectRef(reading.object)} (${reading.how})`, ...techniqueNamesakes(index, query, options.givenAs)] };
  }
  throw new AttackObjectError(
    query,
    reading.candidates,
    `no ${options.kind ?? 'group, software or campaign'} "${query}" in ATT&CK ${index.label}; ${reading.refusal}; ` +
      (options.writeId ? options.writeId(reading.ids) : 'write the name whole, or the ATT&CK ID'),
  );
}

/**
 * How a query that names no object reads as a short form: the object and how it was read (`short for Lazarus Group; no
 * other name holds it`), or why none is read (`its words are in the names of 3: …`) with the objects it may be.
 */
export type ShortFormReading =
  | { object: ActorRecord; how: string }
  | { refusal: string; candidates: string[]; ids: string[] };

/**
 * Read a query that names no object as a short form (`Lazarus`: G0032 Lazarus Group; `Sandworm`: G0034 Sandworm Team),
 * or, that failing, without a vendor's suffix of the kind it follows (`Sandworm Group`): when the name or an alias of
 * one current object of the kind begins with its words and no other object's holds them, it is that object. When
 * several hold them (`Winnti`: the group G0044 Winnti Group and the software S0141 Winnti for Windows; `LockBit
 * ransomware`: S1199 LockBit 2.0 and S1202 LockBit 3.0), or the words are one that prose writes for other things
 * (`proseWord`: `Sea`, G1041 Sea Turtle; `Midnight`, APT29's alias Midnight Blizzard; `PowerShell`, S0363 Empire's alias
 * PowerShell Empire), none is read and each is named. Undefined when no name begins with the words.
 */
export function shortFormReading(index: AttackIndex, query: string, kind: AttackObjectKind | undefined): ShortFormReading | undefined {
  const readings = [{ name: query, kind, suffix: '' }, ...vendorNames(query).filter((each) => !kind || each.kind === kind)];
  for (const { name, kind: kindRead, suffix } of readings) {
    // Two letters are in too many names by chance (`at`, S0110, is a name of its own).
    if (nameWords(name).join('').length < 3) continue;
    const holders = shortFormHolders(index, name, kindRead);
    if (!holders.some(({ first }) => first)) continue;
    const left = suffix ? `"${suffix}" left out` : '';
    const only = holders.length === 1 ? holders[0]! : undefined;
    // One word prose writes for other things is that more often than a name (`Sea` of G1041 Sea Turtle, `PowerShell` of
    // S0363 Empire's alias PowerShell Empire).
    const prose = only && !only.whole && (proseWord(index, name) ?? campaignWord(only, name));
    if (only && !prose) return { object: only.object, how: `${[left, shortFormHow(only, name)].filter(Boolean).join(', ')}; no other name holds it` };
    // The objects a name of which begins with the words first, by their own name before an alias, then by ID.
    holders.sort((a, b) => Number(b.first) - Number(a.first) || Number(aliasOf(a) !== '') - Number(aliasOf(b) !== '') || compareIds(a.object.id, b.object.id));
    const listed = holders.slice(0, SHORT_FORM_LISTED).map((holder) => `${objectRef(holder.object)}${aliasOf(holder) ? ` (alias ${aliasOf(holder)})` : ''}`);
    const more = holders.length > SHORT_FORM_LISTED ? ` and ${holders.length - SHORT_FORM_LISTED} more` : '';
    const words = suffix ? `"${name}" ("${suffix}" left out) is` : 'its words are';
    return {
      refusal: prose
        ? `${suffix ? `"${name}" ("${suffix}" left out)` : `"${name}"`} is ${prose}, read as no name's short form alone: ${listed[0]} begins with it`
        : `${words} in the names of ${holders.length}: ${listed.join(', ')}${more}`,
      candidates: holders.map(({ object }) => objectRef(object)),
      ids: [...new Set(holders.map(({ object }) => object.id))].sort(compareIds),
    };
  }
  return undefined;
}

/**
 * A query no object of `kind` holds, read as a short form of one object of another kind (`Lazarus` for software: the
 * group G0032 Lazarus Group; `Sandworm Group`: G0034 Sandworm Team, "Group" left out): in ATT&CK, as that kind.
 * Undefined without a kind, or when the words read as no one object (several, or a common word).
 */
export function otherKindShortForm(index: AttackIndex, query: string, kind: AttackObjectKind | undefined): { object: ActorRecord; how: string } | undefined {
  if (!kind) return undefined;
  const reading = shortFormReading(index, query, undefined);
  if (reading && 'object' in reading && objectKind(reading.object) !== kind) return { object: reading.object, how: reading.how.replace(/; no other name holds it$/, '') };
  // `Dream Job --type group`: the campaign C0022 Operation Dream Job, which said "check the spelling".
  const operation = kind === 'campaign' ? undefined : operationReading(index, query, undefined);
  return operation && { object: operation.found.object, how: operation.read === objectRef(operation.found.object) ? OPERATION_ADDED : `read as ${operation.read}, ${OPERATION_ADDED}` };
}

/**
 * What a name of one word is besides a name's first word, when prose writes it for other things: a common English word
 * (`isCommonEnglishWord`: `Sea`, `Midnight`), a number (`2015`), a place's or a people's word (`placeWord`: `Beijing`,
 * `Gaza`, `Lebanese`), or a word of a current technique's name (`PowerShell`, `SharePoint`); undefined for a word of
 * names only (`Lazarus`, `Sandworm`, `Gamaredon`).
 */
function proseWord(index: AttackIndex, name: string): string | undefined {
  const words = articleless(name);
  if (words.length !== 1) return undefined;
  const [word] = words as [string];
  if (isCommonEnglishWord(word)) return 'a common English word';
  if (/^\d+$/.test(word)) return 'a number';
  const place = placeWord(word);
  if (place) return place;
  const technique = index.currentTechniques().find((each) => nameWords(each.name).includes(word));
  return technique ? `a word of the technique ${technique.id} ${fullName(index, technique)}` : undefined;
}

/**
 * What a name of one word that a campaign's name alone begins with is: the word the campaign is named after, not the
 * campaign. A campaign's name says what happened and to what or by what, its first word the company, product, people or
 * tool (`SolarWinds`, C0024 SolarWinds Compromise; `Salesforce`, C0059; `Indian`, C0043 Indian Critical Infrastructure
 * Intrusions; `FrostyGoop`, C0041 FrostyGoop Incident and ICS's software S1165). Undefined for any other holder.
 */
function campaignWord(holder: ShortFormHolder, name: string): string | undefined {
  return objectKind(holder.object) === 'campaign' && articleless(name).length === 1 ? 'the word a campaign is named after' : undefined;
}

/**
 * How a holder's name is read from the query: `short for Lazarus Group`, `short for its alias Fancy Bear`, or, for its
 * words whole but for an article, `its alias The Dukes, "The" aside`; nothing for its own name as `written`.
 */
function shortFormHow(holder: ShortFormHolder, written: string): string {
  const alias = aliasOf(holder);
  const named = alias ? `its alias ${alias}` : holder.name;
  // The name as written, once a vendor's suffix is left out (`Turla Group`, for software: G0010 Turla), says no more;
  // its words punctuated otherwise (`Temp Veles`: G0088 TEMP.Veles; `APTC36`: G0099 APT-C-36) say so.
  if (holder.whole && nameWords(holder.name).join('') === nameWords(written).join('')) {
    return alias ? `its alias ${alias}` : nameKey(holder.name) === nameKey(written) ? '' : 'punctuation and spacing aside';
  }
  return holder.whole ? `${named}, "The" aside` : `short for ${named}`;
}

/** An object whose name or alias `name` holds the words of a query, and whether they are its first words, or all of them. */
interface ShortFormHolder {
  object: ActorRecord;
  name: string;
  first: boolean;
  /** The query's words are the name's, an article aside (`Dukes`: APT29's alias The Dukes; `The Lazarus Group`). */
  whole: boolean;
}

/** The alias a holder holds the words in, or '' for its own name. */
function aliasOf({ object, name }: ShortFormHolder): string {
  return name === object.name ? '' : name;
}

/** The current objects of a kind (any when undefined) whose name or an alias holds the words of `written` in a row. */
function shortFormHolders(index: AttackIndex, written: string, kind: AttackObjectKind | undefined): ShortFormHolder[] {
  const types = kind ? KIND_TYPES[kind] : undefined;
  return [...index.data.groups, ...index.data.software, ...index.data.campaigns]
    .filter((object) => !object.revoked && !object.deprecated && (!types || types.includes(object.type)))
    .flatMap((object) => {
      const names = objectNames(object);
      const first = names.find((name) => isShortForm(written, name));
      const name = first ?? names.find((each) => holdsWords(each, written, 'anywhere'));
      const whole = first !== undefined && articleless(first).join('') === articleless(written).join('');
      return name ? [{ object, name, first: first !== undefined, whole }] : [];
    });
}

/**
 * The current objects of a release that bear a deprecated object's name (as ID, name or alias, case aside): where
 * ATT&CK moved its content, as far as a name tells (G0014 Night Dragon -> campaign C0002 Night Dragon; ICS's S1008
 * Stuxnet -> S0603 Stuxnet; G0104 Sharpshooter -> C0013 Operation Sharpshooter).
 */
export function currentNamesakes(index: AttackIndex, object: ActorRecord): ActorRecord[] {
  const found = new Map<string, ActorRecord>();
  for (const name of [object.name, `Operation ${object.name}`]) {
    for (const other of index.actors(name)) {
      if (!other.revoked && !other.deprecated && other.stixId !== object.stixId) found.set(other.stixId, other);
    }
  }
  return [...found.values()].sort((a, b) => compareIds(a.id, b.id));
}

/**
 * `; C0002 Night Dragon (campaign) bears its name: `attack-layers attack-object C0002``, or nothing; the lookup in the
 * caller's words (`givenAs`; by default `locateAttackObject(…, 'C0002')`).
 */
function namesakeAdvice(namesakes: readonly ActorRecord[], domain: Domain | undefined, givenAs: GivenAs | undefined): string {
  if (!namesakes.length) return '';
  const flag = domain ? ` --domain ${domain.replace(/-attack$/, '')}` : '';
  const lookup = inGivenInputs(`\`attack-layers attack-object ${namesakes[0]!.id}${flag}\``, givenAs);
  return `; ${namesakes.map(describeObject).join(', ')}${domain ? ` of ${domain}` : ''} ${namesakes.length > 1 ? 'bear' : 'bears'} its name: ${lookup}`;
}

/**
 * An ATT&CK ID written with its object's name, as this tool's messages and layer names write them (`G0032 Lazarus
 * Group`, `APT28 (G0007)`) and as users copy them from there or from attack.mitre.org: the ID and the name apart.
 */
function labelledId(query: string): { id: string; name: string } | undefined {
  const text = query.trim();
  const first = /^([GSC]\d{4})[\s:,-]+(.+)$/i.exec(text);
  if (first) return { id: first[1]!.toUpperCase(), name: first[2]!.trim() };
  const last = /^(.+?)\s*\(([GSC]\d{4})\)$/i.exec(text);
  return last ? { id: last[2]!.toUpperCase(), name: last[1]!.trim() } : undefined;
}

/**
 * How an ID written with a name reads: by its ID when the name is that object's (`reading` says how, when not as
 * written), or the two objects apart.
 */
export type LabelledReading =
  | { fits: true; id: string; reading?: string }
  | { fits: false; objects: string[]; mismatch: string };

/**
 * Read an ID written with a name (`APT32 (G0050)`, `G0032 Lazarus Group`): by the ID when the name is that object's
 * (or, for a revoked one, its replacement's), or a short form of its name or an alias that names no other object
 * (`G0034 Sandworm`, G0034 Sandworm Team), or either with a vendor's suffix of the ID's kind (`S0013 PlugX RAT`);
 * `reading` says which. Else what the ID and the name each are (`the ID is S0154 Cobalt Strike (software), the name
 * S0002 Mimikatz (software), in ATT&CK enterprise-attack 18.1`), so that no caller picks one. Undefined when the text is
 * no such pair or no object has the ID.
 */
export function readLabelledId(index: AttackIndex, query: string): LabelledReading | undefined {
  const labelled = labelledId(query);
  const byId = labelled ? index.actors(labelled.id) : [];
  if (!labelled || !byId.length) return undefined;
  return readIdName(index, labelled.id, byId, labelled.name);
}

/** `readLabelledId`'s reading of the name written beside the ID `id`, which names the objects `byId`. */
function readIdName(index: AttackIndex, id: string, byId: readonly ActorRecord[], name: string): LabelledReading {
  const named = index.actors(objectKey(index, name));
  const fits = (object: ActorRecord): boolean =>
    named.some((other) => other.stixId === object.stixId || index.finalActor(other).stixId === index.finalActor(object).stixId);
  if (byId.some(fits)) return { fits: true, id };
  // Reports and campaign files shorten a name after its ID (`G0034 Sandworm`, `S0154 CobaltStrike`): read by the ID
  // unless the words are another object's own name or alias, which names two objects.
  const shortFor = named.length ? undefined : byId.flatMap((object) => [object, index.finalActor(object)]).flatMap(objectNames).find((each) => isShortForm(name, each));
  if (shortFor) return { fits: true, id, reading: `"${name}" short for ${shortFor}` };
  const shortened = named.length ? [] : shortFormObjects(index, name);
  if (!named.length && !shortened.length) {
    // `S0013 PlugX RAT`, `G0010 Turla Group`: the name read without a vendor's suffix, as the name alone is, when the
    // suffix follows the ID's kind; `S0013 Emotet loader` names S0367 Emotet, `S0030 Carbanak Group` the group G0008.
    for (const unsuffixed of vendorNames(name)) {
      if (!byId.some((object) => objectKind(object) === unsuffixed.kind)) {
        const ofKind = index.actors(objectKey(index, unsuffixed.name)).filter((object) => objectKind(object) === unsuffixed.kind);
        if (ofKind.length) return idNameMismatch(index, byId, `the name ${describeObject(ofKind[0]!)}`, ofKind.slice(0, 1));
        continue;
      }
      const reading = readIdName(index, id, byId, unsuffixed.name);
      if (reading.fits) return { ...reading, reading: [`"${unsuffixed.suffix}" left out`, reading.reading].filter(Boolean).join(', ') };
      if (reading.objects.length > byId.length) return reading;
    }
  }
  if (named[0]) return idNameMismatch(index, byId, `the name ${describeObject(named[0])}`, named.slice(0, 1));
  return shortened.length
    ? idNameMismatch(index, byId, `the name "${name}" short for ${shortened.map(describeObject).join(' or ')}`, shortened)
    : idNameMismatch(index, byId, `the name "${name}" none of its names`, []);
}

/** An ID and a name of two objects: what each is (`the ID is G0034 Sandworm Team (group), the name …`). */
function idNameMismatch(index: AttackIndex, byId: readonly ActorRecord[], name: string, named: readonly ActorRecord[]): LabelledReading {
  return {
    fits: false,
    objects: [...byId, ...named].map(describeObject),
    mismatch: `the ID is ${describeObject(byId[0]!)}, ${name}, in ATT&CK ${index.label}`,
  };
}

/** An object's name and aliases. */
function objectNames(object: ActorRecord): string[] {
  return [object.name, ...object.aliases];
}

/** The words of a name, folded as `nameKey` folds it, without punctuation. */
function nameWords(name: string): string[] {
  return nameKey(name).split(/[^\p{L}\p{N}']+/u).filter(Boolean);
}

/**
 * The words of a name without a leading `The`, which MISP's synonyms and reports write or leave out (`Dukes`, ATT&CK's
 * alias The Dukes of APT29 in MISP/misp-galaxy clusters/threat-actor.json; `the Lazarus Group`).
 */
function articleless(name: string): string[] {
  const words = nameWords(name);
  return words.length > 1 && words[0] === 'the' ? words.slice(1) : words;
}

/**
 * Whether `written` is a short form of `name`: its first words (`Sandworm` of Sandworm Team, `Cozy` of the alias Cozy
 * Bear), written together or apart (`CobaltStrike`, `APT 28`), case aside.
 */
function isShortForm(written: string, name: string): boolean {
  return holdsWords(name, written, 'first');
}

/**
 * Whether `name` holds the words of `written` in a row, written together or apart (`Winnti` in Winnti for Windows,
 * `magic` in J-magic), case and a leading `The` of either aside: as its first words only, or anywhere.
 */
function holdsWords(name: string, written: string, where: 'first' | 'anywhere'): boolean {
  const wanted = articleless(written).join('');
  if (!wanted) return false;
  const words = articleless(name);
  for (let start = 0; start < (where === 'first' ? 1 : words.length); start++) {
    let run = '';
    for (const word of words.slice(start)) {
      run += word;
      if (run === wanted) return true;
      if (!wanted.startsWith(run)) break;
    }
  }
  return false;
}

/**
 * The current objects whose name or an alias a name is a short form of (`Lazarus`: G0032 Lazarus Group); none when
 * more than three are (`Operation` begins the aliases of many), which tells nothing.
 */
function shortFormObjects(index: AttackIndex, written: string): ActorRecord[] {
  const found = shortFormHolders(index, written, undefined).filter(({ first }) => first);
  return found.length <= 3 ? found.map(({ object }) => object) : [];
}

/** Resolve `G0032 Lazarus Group` by its ID; an ID and a name of two objects are refused naming both. */
function resolveLabelled(index: AttackIndex, query: string, reading: LabelledReading, options: { kind?: AttackObjectKind }): ResolvedObject {
  if (reading.fits) {
    const found = resolveAttackObject(index, reading.id, options);
    const read = reading.reading ? [`"${query}" is read by its ID as ${objectRef(found.object)} (${reading.reading})`] : [];
    return { ...found, query, notes: [...read, ...found.notes] };
  }
  throw new AttackObjectError(query, reading.objects, `"${query}": ${reading.mismatch}; give the ID or the name alone`);
}

/**
 * The STIX id a query is (`intrusion-set--247cb30b-…`, as mitreattack-python's `get_techniques_used_by_group` and
 * STIX exports name objects), lower-cased; undefined for any other text.
 */
function stixIdOf(query: string): StixId | undefined {
  const id = query.trim().toLowerCase();
  return /^[a-z][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? (id as StixId) : undefined;
}

/**
 * The ATT&CK ID a query of a letter and two or three digits is, its number written with four (`G16`: G0016, `S154`:
 * S0154, as analysts type them); undefined otherwise. One digit (`C2`, command and control) is too often something else.
 */
function paddedId(query: string): string | undefined {
  const parts = /^\s*([GSC])(\d{2,3})\s*$/i.exec(query);
  return parts ? `${parts[1]!.toUpperCase()}${parts[2]!.padStart(4, '0')}` : undefined;
}

/** Whether a release knows the object a query names (by STIX id, ATT&CK ID, name or alias), before any preference. */
function knowsQuery(index: AttackIndex, query: string): boolean {
  const labelled = labelledId(query);
  if (labelled && index.actors(labelled.id).length) return true;
  const padded = paddedId(query);
  if (padded && index.actors(padded).length) return true;
  const stixId = stixIdOf(query);
  return stixId ? index.byStixId(stixId) !== undefined : index.actors(nameKey(query)).length > 0;
}

/**
 * An object found in `index`, with a note naming, for a deprecated one no current object of its release bears the name
 * of, the current namesakes another domain holds (enterprise's S0609 TRITON: `S1009 Triton (software) of ics-attack
 * bears its name`), and the lookup of them in the caller's words (`givenAs`). `others` gives the other domains'
 * releases (`domainReleases`' `otherReleases`), or is the library to take their newest from.
 */
export function withOtherDomainTwins(found: ResolvedObject, index: AttackIndex, others: AttackLibrary | (() => Iterable<AttackIndex>), givenAs?: GivenAs): ResolvedObject {
  if (!found.object.deprecated) return found;
  const twins = otherDomainTwins(typeof others === 'function' ? others() : libraryOtherReleases(others, index.domain)(), index, found.object);
  if (!twins) return found;
  return { ...found, notes: [...found.notes, `${objectRef(found.object)}${namesakeAdvice(twins.objects, twins.index.domain, givenAs).replace(/^;/, ':')}`] };
}

/** The release `release` (the newest when undefined) of each domain but `domain` that a library has, loaded as asked for. */
function* releasesOfOtherDomains(library: AttackLibrary, domain: Domain, release: string | undefined): Generator<AttackIndex> {
  for (const other of DOMAINS.filter((d) => d !== domain)) {
    try {
      yield library.release(other, release);
    } catch (error) {
      if (!(error instanceof AttackLayersError)) throw error;
    }
  }
}

/**
 * For a deprecated object no current one of its release bears the name of, the current namesakes in the first of
 * `releases` of another domain that has some: enterprise's S0609 TRITON was deprecated as added there by mistake, and
 * ICS has S1009 Triton.
 */
export function otherDomainTwins(releases: Iterable<AttackIndex>, index: AttackIndex, object: ActorRecord): { index: AttackIndex; objects: ActorRecord[] } | undefined {
  if (!object.deprecated || currentNamesakes(index, object).length) return undefined;
  for (const other of releases) {
    if (other.domain === index.domain) continue;
    const objects = currentNamesakes(other, object);
    if (objects.length) return { index: other, objects };
  }
  return undefined;
}

/**
 * What a query that names no group, software or campaign is when it is a technique or tactic ID (`T1059`, `TA0001`),
 * which the closest objects' IDs (S1059, G0001) would only hide: the technique and the command that shows it.
 */
function techniqueOrTactic(index: AttackIndex, query: string, givenAs: GivenAs | undefined): string | undefined {
  const id = canonicalTechniqueId(query);
  if (id) {
    const technique = index.technique(id as TechniqueId);
    // The lookup as the caller makes it: `attack-layers technique T1059`, `AttackIndex.technique('T1059')`.
    const lookup = inGivenInputs(`\`attack-layers technique ${id}\``, givenAs);
    return technique ? `the technique ${id} ${fullName(index, technique)} (${lookup} shows it)` : `a technique ID (${lookup} looks it up)`;
  }
  const tactic = /^\s*TA\d{4}\s*$/i.test(query) ? index.tactic(query.trim()) : undefined;
  return tactic ? `the tactic ${tactic.id} ${tactic.name}` : undefined;
}

/**
 * The folded name to look an object up by (`index.actors`): the query as written when an ID, name or alias fits it,
 * else the name or alias that fits it once spaces, and the hyphen of a name of letters then digits, are left out of
 * both (`APT 32` and `APT-32` are APT32), or once a digit written for the letter it looks like is read as that letter
 * (`CL0P` is Clop), else the query as written. `objectKeyReading` says which.
 */
export function objectKey(index: AttackIndex, query: string): string {
  return objectKeyReading(index, query).key;
}

/** Spaces left out, and the hyphen of a name of letters then digits (`APT-29` is APT29, `TG 3390` is TG-3390). */
function compactName(folded: string): string {
  const parts = lettersThenDigits(folded);
  return (parts ? parts.letters + parts.digits : folded).replace(/ /g, '');
}

// How a name that fits no ID, name or alias as written may be written otherwise, in order; the label is the note's.
const NAME_READINGS: ReadonlyArray<readonly [label: string, fold: (folded: string) => string]> = [
  ['spacing aside', compactName],
  // `CL0P` (Clop), as ransomware gangs and the reports quoting them write it: 0 for O, 1 for I or L, either way.
  ['a digit read as the letter it looks like', (folded) => compactName(folded).replace(/0/g, 'o').replace(/[1i]/g, 'l')],
];

/**
 * What a name read as written is, spaced otherwise, when that is another object's name or alias: ATT&CK gives the
 * software S0046 CozyCar the alias CozyBear and APT29 the alias Cozy Bear, and a report writing either may mean the
 * group. The note names it and how to look it up (`givenAs`: the CLI's `attack-layers attack-object G0016`).
 */
function spacedNamesakes(index: AttackIndex, query: string, object: ActorRecord, givenAs: GivenAs | undefined): string[] {
  const key = nameKey(query);
  const wanted = compactName(key);
  const notes: string[] = [];
  for (const other of [...index.data.groups, ...index.data.software, ...index.data.campaigns]) {
    if (other.revoked || other.deprecated || other.stixId === object.stixId) continue;
    const name = objectNames(other).find((each) => nameKey(each) !== key && compactName(nameKey(each)) === wanted);
    if (!name) continue;
    const lookup = inGivenInputs(`\`attack-layers attack-object ${other.id}\``, givenAs);
    notes.push(`"${query}" spaced otherwise, "${name}", is ${name === other.name ? 'the name' : 'an alias'} of ${describeObject(other)}: ${lookup} for it`);
  }
  return notes;
}

/**
 * `objectKey`'s key and how the query was read to find it (`spacing aside`), when not as written. With `types`, a key
 * naming none of those types is passed over for one that does: `CozyBear`, an alias of the software S0046 CozyCar, is
 * APT29's alias Cozy Bear when a group is asked for.
 */
export function objectKeyReading(index: AttackIndex, query: string, types?: readonly ActorRecord['type'][]): { key: string; how?: string } {
  const key = nameKey(query);
  const fits = (folded: string): boolean => index.actors(folded).some((object) => !types || types.includes(object.type));
  if (fits(key)) return { key };
  for (const [how, fold] of NAME_READINGS) {
    const wanted = fold(key);
    for (const object of [...index.data.groups, ...index.data.software, ...index.data.campaigns]) {
      if (types && !types.includes(object.type)) continue;
      for (const name of [object.name, ...object.aliases]) {
        const folded = nameKey(name);
        if (folded !== key && fold(folded) === wanted) return { key: folded, how };
      }
    }
  }
  return { key };
}

/** `G1053 Storm-0501, G1031 Saint Bear (alias Storm-0587), …`, the first `SHORT_FORM_LISTED` and how many more. */
function namesListed(names: ReadonlyArray<{ object: ActorRecord; name: string }>): string {
  const listed = names.slice(0, SHORT_FORM_LISTED).map(({ object, name }) => `${objectRef(object)}${name === object.name ? '' : ` (alias ${name})`}`);
  return listed.join(', ') + (names.length > SHORT_FORM_LISTED ? ` and ${names.length - SHORT_FORM_LISTED} more` : '');
}

/** The names of current objects numbered after the same letters as a query of letters then digits, with the query's parts. */
interface NumberedSeries {
  letters: string;
  digits: string;
  names: Array<{ object: ActorRecord; name: string }>;
}

/**
 * The current objects' names and aliases of letters then digits whose letters are a query's, case aside, and whose number
 * is another (`Storm-0558`: G1053 Storm-0501, G1046 Storm-1811, …), by number; undefined for a query of another form or a
 * series ATT&CK holds none of.
 */
function numberedSeries(index: AttackIndex, query: string, types: readonly ActorRecord['type'][] | undefined): NumberedSeries | undefined {
  const parts = lettersThenDigits(query);
  if (!parts) return undefined;
  const names: NumberedSeries['names'] = [];
  for (const object of [...index.data.groups, ...index.data.software, ...index.data.campaigns]) {
    if (object.revoked || object.deprecated || (types && !types.includes(object.type))) continue;
    for (const name of objectNames(object)) {
      const other = lettersThenDigits(nameKey(name));
      if (other?.letters === nameKey(parts.letters) && other.digits !== parts.digits) names.push({ object, name });
    }
  }
  names.sort((a, b) => Number(lettersThenDigits(nameKey(a.name))!.digits) - Number(lettersThenDigits(nameKey(b.name))!.digits) || compareIds(a.object.id, b.object.id));
  return names.length ? { ...parts, names } : undefined;
}

/** `ATT&CK numbers 5 other names after "Storm" (G1053 Storm-0501, …), none 0558: each is another cluster, however close its number`. */
function seriesText({ letters, digits, names }: NumberedSeries): string {
  return `ATT&CK numbers ${names.length} other ${names.length === 1 ? 'name' : 'names'} after "${letters}" (${namesListed(names)}), none ${digits}: each is another cluster, however close its number`;
}

/** The current objects' names and aliases that end with a query's last word, a vendor's family word, with that word as written. */
interface FamilyNames {
  word: string;
  names: Array<{ object: ActorRecord; name: string }>;
}

/**
 * The current groups' names and aliases of several words that end with the last word of a query of several words, when
 * two groups' or more do (Microsoft's `Sleet` and `Tempest`, CrowdStrike's `Bear` and `Kitten`, Unit 42's `Taurus`), by
 * ID; undefined otherwise, and for a vendor's suffix (`Group`, `Team`), which `vendorNames` reads.
 */
function familyNames(index: AttackIndex, query: string, types: readonly ActorRecord['type'][] | undefined): FamilyNames | undefined {
  const words = articleless(query);
  if (words.length < 2 || (types && !types.includes('intrusion-set')) || vendorNames(query).some(({ kind }) => kind === 'group')) return undefined;
  const last = words.at(-1)!;
  const names: FamilyNames['names'] = [];
  for (const object of index.data.groups) {
    if (object.revoked || object.deprecated) continue;
    const name = objectNames(object).find((each) => articleless(each).length > 1 && articleless(each).at(-1) === last);
    if (name) names.push({ object, name });
  }
  return names.length >= 2 ? { word: query.trim().split(/\s+/).at(-1)!, names } : undefined;
}

/** `ATT&CK names 6 groups "… Sleet" (G0032 Lazarus Group (alias Diamond Sleet), …), not "Jade Sleet": "Sleet" is a vendor's family …`. */
function familyText({ word, names }: FamilyNames, query: string): string {
  return `ATT&CK names ${names.length} groups "… ${word}" (${namesListed(names)}), not "${query.trim()}": "${word}" is a vendor's family of groups, not one group; name it by another of its names, or its ATT&CK ID`;
}

/**
 * Up to five objects whose ID, name or alias is closest to a folded query: one whose name the query begins with or is
 * a short form of first (`Brute Ratel`: S1063 Brute Ratel C4; `PlugX RAT`: S0013 PlugX), then one containing the query
 * or contained in it, then by edit distance to the name or to its first words (`Sandworms`: G0034 Sandworm Team); each with the alias that came closest when no ID or name came as close
 * (`Sandworm`: G0069 MuddyWater by its alias Seedworm), which alone says why it is offered.
 */
function closestObjects(index: AttackIndex, key: string, types: readonly ActorRecord['type'][] | undefined): Array<{ object: ActorRecord; alias?: string }> {
  const limit = Math.max(2, Math.floor(key.length / 3));
  const scored: Array<{ object: ActorRecord; score: number; alias?: string }> = [];
  for (const object of [...index.data.groups, ...index.data.software, ...index.data.campaigns]) {
    if ((types && !types.includes(object.type)) || object.revoked) continue;
    let best = Infinity;
    let alias: string | undefined;
    for (const name of [object.id, object.name, ...object.aliases]) {
      const candidate = nameKey(name);
      const score = isShortForm(key, candidate) || isShortForm(candidate, key) ? 0 : contains(key, candidate) ? 0.5 : Math.min(editDistance(key, candidate, limit), firstWordsDistance(key, candidate, limit));
      if (score < best) [best, alias] = [score, name === object.id || name === object.name ? undefined : name];
    }
    if (best <= limit) scored.push({ object, score: best, ...(alias ? { alias } : {}) });
  }
  return scored
    .sort((a, b) => a.score - b.score || Number(a.alias !== undefined) - Number(b.alias !== undefined) || compareIds(a.object.id, b.object.id))
    .slice(0, 5)
    .map(({ object, alias }) => ({ object, ...(alias ? { alias } : {}) }));
}

/**
 * How far a folded query is from the first words of a longer name, a misspelt short form (`Sandworms`: Sandworm of
 * Sandworm Team, 1), plus a half so that a whole name as far off comes first; Infinity past `limit`.
 */
function firstWordsDistance(key: string, candidate: string, limit: number): number {
  const words = articleless(candidate);
  let best = Infinity;
  for (let count = 1; count < words.length; count++) best = Math.min(best, editDistance(key, words.slice(0, count).join(' '), limit) + 0.5);
  return best;
}

/**
 * Whether one of two folded names holds the other; a name of under four characters only as a whole word, which a longer
 * one holds by chance (S0110 at in `Brute Ratel` and `BlackCat ransomware`).
 */
function contains(key: string, candidate: string): boolean {
  if (key.length < 3) return false;
  const [short, long] = key.length <= candidate.length ? [key, candidate] : [candidate, key];
  return short.length < 4 ? nameWords(long).includes(short) : long.includes(short);
}

/** An object found in one of a library's domains, with the release it was found in. */
export interface LocatedObject extends ResolvedObject {
  index: AttackIndex;
}

/**
 * Find an object in a library: in the given domain, or else in enterprise first and then in the other domains
 * available (an object only mobile or ICS knows is found there, with a note).
 * `givenAs` names `kind`, `domain` and `release` in messages (the CLI's `--type`, `--domain`, `--attack-release`).
 * @throws AttackObjectError when no domain knows it or the name is ambiguous (naming the domain or release that has an
 * object unknown in the one asked for); AttackDataError when the domain's release is not available.
 */
export function locateAttackObject(
  library: AttackLibrary,
  query: string,
  options: { domain?: Domain; release?: string; kind?: AttackObjectKind; givenAs?: GivenAs } = {},
): LocatedObject {
  try {
    return locateInReleases(library, query, options);
  } catch (error) {
    throw (options.release || options.domain) && error instanceof AttackObjectError ? foundElsewhere(library, query, options, error) : error;
  }
}

type LocateOptions = { domain?: Domain; release?: string; kind?: AttackObjectKind; givenAs?: GivenAs };

/**
 * An object unknown in the domain or release asked for may be in another: `C0001 --attack-release 10.1` (campaigns
 * came with ATT&CK 12), `S0405 --domain enterprise` (S0405 Exodus is mobile's). Then the error says where it is and
 * which option to change, rather than offering names of the release asked for alone. The domain asked for is kept
 * before the release: only when no domain of that release knows it is the newest release looked in.
 */
function foundElsewhere(library: AttackLibrary, query: string, options: LocateOptions, error: AttackObjectError): AttackObjectError {
  const { domain, release, givenAs } = options;
  let asked: AttackIndex;
  try {
    asked = library.release(domain ?? 'enterprise-attack', release);
  } catch {
    return error;
  }
  if (knowsQuery(asked, query)) return error;
  // Another domain of the release asked for, the newest release of the domain asked for, then of any domain.
  const tries: LocateOptions[] = [
    ...(domain ? [{ ...options, domain: undefined }] : []),
    ...(release ? [{ ...options, release: undefined }] : []),
    ...(domain && release ? [{ ...options, domain: undefined, release: undefined }] : []),
  ];
  for (const attempt of tries) {
    let found: LocatedObject;
    try {
      found = locateInReleases(library, query, attempt);
    } catch {
      continue;
    }
    if (found.index === asked || !knowsQuery(found.index, query)) continue;
    const advice = [
      found.index.domain !== asked.domain && `give ${givenOption(givenAs, 'domain', found.index.domain, found.index.domain.replace(/-attack$/, ''))}`,
      attempt.release === undefined && release && `leave out ${givenOption(givenAs, 'release', release)}`,
    ].filter(Boolean);
    return new AttackObjectError(
      query,
      [describeObject(found.object)],
      `"${query}" is not in ATT&CK ${asked.label}; it is ${describeObject(found.object)} in ${found.index.label} (${advice.join(' and ')} to use ${found.index.domain === asked.domain ? 'that release' : 'it'})`,
    );
  }
  return error;
}

function locateInReleases(library: AttackLibrary, query: string, options: LocateOptions): LocatedObject {
  if (options.domain) {
    const index = library.release(options.domain, options.release);
    return { ...resolveAttackObject(index, query, options), index };
  }
  let first: AttackIndex | undefined;
  let firstError: AttackLayersError;
  try {
    first = library.release('enterprise-attack', options.release);
  } catch (error) {
    // A release enterprise lacks may be another domain's (mobile 9.0): look there before saying it is missing.
    if (!(error instanceof AttackDataError) || !options.release) throw error;
    firstError = error;
  }
  const inFirst = (index: AttackIndex, shortForms: boolean): LocatedObject => {
    const found = resolveAttackObject(index, query, { ...options, shortForms });
    return { ...withOtherDomainTwins(found, index, () => releasesOfOtherDomains(library, index.domain, options.release), options.givenAs), index };
  };
  if (first) {
    try {
      // A name another domain holds as written (ICS's S1165 FrostyGoop) is that domain's before it is a short form of an
      // enterprise name (C0041 FrostyGoop Incident).
      return inFirst(first, false);
    } catch (error) {
      // A name that fits several objects is an answer; only a name enterprise does not know is looked up elsewhere.
      if (!(error instanceof AttackObjectError) || knowsQuery(first, query)) throw error;
      firstError = error;
    }
  }
  for (const domain of DOMAINS.filter((d) => d !== 'enterprise-attack')) {
    let index: AttackIndex;
    try {
      index = library.release(domain, options.release);
    } catch (error) {
      if (error instanceof AttackLayersError) continue;
      throw error;
    }
    if (!knowsQuery(index, query)) continue;
    const found = resolveAttackObject(index, query, options);
    const where = first ? `"${query}" is not in ${first.label}` : `there is no enterprise-attack ${options.release} here`;
    return { ...found, index, notes: [`${where}; found in ${index.label}`, ...found.notes] };
  }
  if (first) return inFirst(first, true);
  throw firstError!;
}

/**
 * The object a name, alias or ID names in the newest release of another domain than `index`'s, when `index` knows
 * none (S0154 Cobalt Strike, given for an ICS layer): where an object given for a campaign or layer of one domain is.
 * `others` gives the other domains' releases (`domainReleases`' `otherReleases`), or is the library to take them from.
 */
export function locateInOtherDomains(others: AttackLibrary | (() => readonly AttackIndex[]), query: string, index: AttackIndex): LocatedObject | undefined {
  if (knowsQuery(index, query)) return undefined;
  const releases = typeof others === 'function' ? others() : libraryOtherReleases(others, index.domain)();
  for (const other of releases.filter((release) => release.domain !== index.domain)) {
    try {
      if (knowsQuery(other, query)) return { ...resolveAttackObject(other, query), index: other };
    } catch (error) {
      // A name that fits several objects there tells nothing sure.
      if (!(error instanceof AttackLayersError)) throw error;
    }
  }
  return undefined;
}

/** What an object found in another domain is there: `"APT29" is G0016 APT29 (group) of ATT&CK enterprise-attack 18.1`. */
export function foundObjectText(found: LocatedObject): string {
  return `"${found.query}" is ${describeObject(found.object)} of ATT&CK ${found.index.label}`;
}

/**
 * What an object of another domain is, for the campaign or layer of `index` that names it: `"APT29" is G0016 APT29
 * (group) of ATT&CK enterprise-attack 18.1; the campaign is of ics-attack 18.1`.
 */
export function otherDomainObjectText(found: LocatedObject, index: AttackIndex, what: 'campaign' | 'layer'): string {
  return `${foundObjectText(found)}; the ${what} is of ${index.label}`;
}

/**
 * The refusal of an object of another domain to compare a campaign or layer with, at `place` (`campaign.yaml: line 4,
 * compare_with: `, the CLI's `layer.json: --with `): what it is, and to compare with one of the campaign's domain.
 */
export function otherDomainComparisonError(found: LocatedObject, index: AttackIndex, what: 'campaign' | 'layer', place: string): AttackObjectError {
  return new AttackObjectError(
    found.query,
    [describeObject(found.object)],
    `${place}${otherDomainObjectText(found, index, what)}: compare it with a group, campaign or software of ${index.domain}`,
  );
}

/** What a technique named by an ATT&CK relationship is in the release's matrix: itself, its replacement, or nothing. */
export interface CurrentTechnique {
  /** The current technique, when there is one. */
  technique?: TechniqueRecord;
  /** Why it differs from the technique named, or why there is none. */
  note?: string;
}

/** Follow a technique named by a relationship to the current one: revoked ones to their replacement; deprecated ones to none. */
export function currentTechnique(record: TechniqueRecord, index: AttackIndex): CurrentTechnique {
  // A sub-technique with its parent's name, as normalize and technique name it (T1566.001 Phishing: Spearphishing Attachment).
  const named = `${record.id} ${fullName(index, record)}`;
  if (record.deprecated) return { note: `${named} is deprecated in ATT&CK ${index.release}; left out` };
  if (!record.revoked) return { technique: record };
  const final = index.revocationChain(record.id).final;
  if (!final) return { note: `${named} is revoked in ATT&CK ${index.release} with no replacement recorded; left out` };
  if (final.deprecated) return { note: `${named} was revoked by ${final.id}, which is deprecated in ATT&CK ${index.release}; left out` };
  return { technique: final, note: `${named} was revoked by ${final.id} ${fullName(index, final)}; shown as ${final.id}` };
}

/** The current techniques an object uses, each with the IDs ATT&CK's relationships name, and what was left out. */
export function objectTechniques(object: ActorRecord, index: AttackIndex): { techniques: Map<TechniqueId, TechniqueId[]>; warnings: string[] } {
  const techniques = new Map<TechniqueId, TechniqueId[]>();
  const warnings: string[] = [];
  for (const id of object.techniques) {
    const record = index.technique(id);
    const current = record ? currentTechnique(record, index) : { note: `${id} is not a technique in ATT&CK ${index.label}; left out` };
    if (current.note) warnings.push(`${objectRef(object)} uses ${current.note}`);
    if (current.technique) techniques.set(current.technique.id, [...(techniques.get(current.technique.id) ?? []), id]);
  }
  return { techniques: new Map([...techniques].sort(([a], [b]) => compareIds(a, b))), warnings };
}
