import type { AttackIndex } from '../attack/attack-index.js';
import { fullName } from '../attack/full-name.js';
import { cleanName, holdsSentenceWord, type FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';
import { slashedNameParts } from './slashed-names.js';

/**
 * The words that join two technique names before their IDs, in the languages whose reports extract reads:
 * `Spearphishing Attachment and Spearphishing Link (T1566.001/T1566.002)`, Spanish `y`, Portuguese and Italian `e`,
 * French `et`, German `und`, Catalan `i`, Russian `и`, Korean `및`, Japanese `と`/`及び`, Chinese `和`/`及`; and the
 * commas of a longer list (`A, B and C`). Latin words need spaces around them; CJK ones stand between the names.
 */
const JOINER = /\s*,\s*(?:(?:and|y|e|et|und|i|и)\s+)?|\s+(?:and|y|e|et|und|i|и|및)\s+|\s*(?:及び|と|和|及|、)\s*/giu;

/** A part of a joined name: where it stands in the name's text. */
interface Part {
  start: number;
  end: number;
}

/** Known names that hold a joining word themselves (`File and Directory Discovery`), as lower-case text. */
function namesWithJoiners(target: AttackIndex): string[] {
  return [...target.names().keys()].filter((key) => /\s(?:and|y|e|et|und|i)\s|,/.test(key));
}

/** The parts of a name at its joining words, never inside a technique name that holds one (`Command and Scripting Interpreter`). */
function splitJoined(text: string, protectedNames: readonly string[]): Part[] {
  const lower = text.toLowerCase();
  const kept: Part[] = [];
  for (const name of protectedNames) {
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1)) kept.push({ start: at, end: at + name.length });
  }
  const parts: Part[] = [];
  let start = 0;
  for (const match of text.matchAll(JOINER)) {
    const inside = kept.some((span) => match.index < span.end && match.index + match[0].length > span.start);
    if (inside || match.index === 0) continue;
    parts.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  parts.push({ start, end: text.length });
  return parts.filter((part) => part.end > part.start);
}

/** What pairing did to the references of a report: the references, and a warning for some of them. */
export interface JoinedNames {
  references: ExtractedReference[];
  warnings: Map<ExtractedReference, string>;
}

/**
 * Pair joined names with the IDs after them, in order: `A y B (T1566.001/T1566.002)` reads A as T1566.001 and B as
 * T1566.002, where the tokenizer gave both IDs the whole of `A y B`. Only where the whole is no technique name of the
 * release, every ID stands alone, and the names count as many as the IDs; where they count differently, each
 * reference keeps the whole and gets a warning saying so. A whole that is the name of one of the IDs (`T1069.001 /
 * T1007（System Service Discovery）`) is that ID's only; the others are written without a name. Names parted by spaced
 * slashes are paired as a table's cell's are, where each part names a technique (`namesTechnique`, `slashedNameParts`: `Input
 * Capture / Phishing for Information (T1056 / T1598)`), unless a parent's name and a colon lead them. Pure.
 */
export function pairJoinedNames(
  references: readonly ExtractedReference[],
  lines: readonly FoldedText[],
  target: AttackIndex,
  namesTechnique?: (name: string) => boolean,
  namesId?: (name: string, id: string) => boolean,
): JoinedNames {
  const warnings = new Map<ExtractedReference, string>();
  const groups = new Map<string, ExtractedReference[]>();
  for (const ref of references) {
    const at = ref.nameSpan;
    if (ref.name === undefined || !at || at.line !== ref.span.line || ref.ids.length !== 1 || ref.malformed) continue;
    const key = `${at.line}:${at.start}:${at.end}`;
    groups.set(key, [...(groups.get(key) ?? []), ref]);
  }
  const replaced = new Map<ExtractedReference, ExtractedReference>();
  let protectedNames: string[] | undefined;
  for (const group of groups.values()) {
    const first = group[0]!;
    const line = lines[first.line - 1];
    if (group.length < 2 || !line) continue;
    protectedNames ??= namesWithJoiners(target);
    const listed = namesId ? listedNames(line.original, group, protectedNames, namesId, target) : undefined;
    if (listed) {
      for (const [k, ref] of group.entries()) replaced.set(ref, withPart(ref, line, listed.parts[k]!));
      if (listed.unpaired.length) {
        const message = unpairedMessage(listed.unpaired, group.map((ref) => ref.ids[0]!), target);
        for (const ref of group) warnings.set(replaced.get(ref)!, message);
      }
      continue;
    }
    const named = target.techniquesByName(first.name!);
    if (named.length) {
      // A list of IDs whose names each follow their own ID: the name after the last is not the others' (a parent's
      // name, `Command and Scripting Interpreter (T1059.001, T1059.003)`, is every one's).
      const owners = group.filter((ref) => named.some((technique) => technique.id === ref.ids[0]));
      if (owners.length === 1) for (const ref of group) if (ref !== owners[0]) replaced.set(ref, withoutName(ref, line));
      continue;
    }
    const nameSpan = first.nameSpan!;
    const written = line.original.slice(nameSpan.start, nameSpan.end);
    const joined = splitJoined(written, protectedNames);
    // `Remote Services: RDP / SSH (T1021.001 / T1021.004)`: parts after a parent's name and a colon are its
    // sub-techniques', which resolving pairs each with the parent's name (`slashPairedNames`: `Remote Services: SSH`).
    const slashed = joined.length < 2 && namesTechnique && !/^[^/]*:/.test(written);
    const parts = slashed ? slashedNameParts(written, group.length, (part) => namesTechnique(written.slice(part.start, part.end))) : joined;
    if (parts.length < 2) continue;
    parts[0] = namedEnd(written, parts[0]!, (name) => target.techniquesByName(name).length > 0);
    const names = parts.map((part) => cleanName(written.slice(part.start, part.end)));
    if (parts.length !== group.length || names.some((name) => name === undefined)) {
      const ids = group.map((ref) => ref.ids[0]).join(', ');
      const message = `"${first.name}" joins ${parts.length} names beside ${group.length} IDs (${ids}); each ID was read by itself: write each name beside its own ID`;
      for (const ref of group) warnings.set(ref, message);
      continue;
    }
    for (const [k, ref] of group.entries()) replaced.set(ref, withPart(ref, line, { start: nameSpan.start + parts[k]!.start, end: nameSpan.start + parts[k]!.end }));
  }
  return { references: references.map((ref) => replaced.get(ref) ?? ref), warnings };
}

/**
 * The first part of a joined name from where a technique's name starts in it: the tokenizer's name may begin with the
 * sentence's own words (`We observed Exfiltration Over C2 Channel and Data Staged (T1041, T1074)` named T1041 "We
 * observed Exfiltration Over C2 Channel", `We saw …` "saw Exfiltration Over C2 Channel"). Where the part is no
 * technique's name (`isName`, as the release writes one) but its last words are, the longest such end; else the part as
 * it is. Never past a colon: what is before one is a parent's name (`Obtain Capabilities: Malware`).
 */
function namedEnd(text: string, part: Part, isName: (name: string) => boolean): Part {
  const piece = text.slice(part.start, part.end);
  if (isName(piece.trim())) return part;
  for (const space of piece.matchAll(/\s+(?=\S)/gu)) {
    if (piece.slice(0, space.index).includes(':')) break;
    const start = part.start + space.index + space[0].length;
    if (isName(text.slice(start, part.end).trim())) return { start, end: part.end };
  }
  return part;
}

/** A reference named by one part of its line (`part`, where it stands in the line's text), as a pair of a joined name. */
function withPart(ref: ExtractedReference, line: FoldedText, part: Part): ExtractedReference {
  const idText = line.original.slice(ref.span.start, ref.span.end);
  const piece = line.original.slice(part.start, part.end);
  const partText = piece.trim();
  const start = part.start + (piece.length - piece.trimStart().length);
  return {
    ...ref,
    raw: start < ref.span.start ? `${partText} (${idText})` : `${idText} (${partText})`,
    name: cleanName(partText)!,
    nameSpan: { line: ref.nameSpan!.line, start, end: start + partText.length },
  };
}

// Where the clause of a list of names before a bracket of IDs starts: after a list's mark, a label's colon, a
// semicolon, an opening bracket or a sentence's end.
const CLAUSE_START = /^\s*(?:[-*•+]|\d{1,2}[.)])\s+|[:;([\]]\s*|[.!?]\s+/gu;

/** The names of a list paired with the IDs of a bracket after it: where each ID's stands, and the list's other techniques. */
interface ListedNames {
  /** Where each ID's name stands in the line's text, in the IDs' order. */
  parts: Part[];
  /** The list's names that are ATT&CK techniques' other than the IDs', which the bracket gives no ID. */
  unpaired: string[];
}

/**
 * The names of a comma list before a bracket of IDs, paired with them, where the tokenizer's name holds another number
 * of them: `Exfiltration Over C2 Channel, Exfiltration Over Web Service and Exfiltration Over Alternative Protocol
 * (T1041, T1567, T1048)` (its name stopped at the first comma, two names beside three IDs), `Initial Access,
 * Spearphishing Attachment and Spearphishing Link (T1566.001, T1566.002)` (a tactic before the names, three beside two),
 * or as many whose order does not fit the IDs'. The last names of the clause, as many as the IDs, where each is read by
 * the resolver as its own ID's technique, its parent or a sub-technique of it (`namesId`), none holding a sentence's
 * word; the first of the clause cut to where such a name starts in it (`The actor used Credential Dumping, …`:
 * `Credential Dumping`, T1003's old name). Else the names of the clause that fit the IDs, in the IDs' order, each from
 * where such a name starts in it, where every ID has one: `On hosts A, B and C we saw PowerShell, WMI and BITS Jobs
 * (T1059.001, T1047)` pairs PowerShell and WMI, and BITS Jobs, T1197's name, is unpaired (`target`). Undefined where the
 * tokenizer's name holds as many names as IDs, each fitting its own, and the clause names no other technique (paired as
 * it is), or where no pairing is found. Each part is where the name stands in `text`, the line's.
 */
function listedNames(
  text: string,
  group: readonly ExtractedReference[],
  protectedNames: readonly string[],
  namesId: (name: string, id: string) => boolean,
  target: AttackIndex,
): ListedNames | undefined {
  const nameSpan = group[0]!.nameSpan!;
  if (nameSpan.start > group[0]!.span.start) return undefined;
  const fitsId = (name: string | undefined, id: string): boolean => name !== undefined && !holdsSentenceWord(name) && namesId(name, id);
  const idOf = (k: number): string => group[k]!.ids[0]!;
  const written = text.slice(nameSpan.start, nameSpan.end);
  const own = splitJoined(written, protectedNames);
  if (own.length === group.length) own[0] = namedEnd(written, own[0]!, (name) => fitsId(cleanName(name), idOf(0)));
  const ownFits = own.length === group.length && own.every((part, k) => fitsId(cleanName(written.slice(part.start, part.end)), idOf(k)));
  let from = 0;
  for (const match of text.slice(0, nameSpan.start).matchAll(CLAUSE_START)) from = match.index + match[0].length;
  const clause = text.slice(from, nameSpan.end);
  const all = splitJoined(clause, protectedNames);
  if (all.length < group.length) return undefined;
  // A name of the clause that fits the `k`th ID, from where such a name starts in it (`C we saw PowerShell`), or undefined.
  const fitted = (part: Part, k: number): Part | undefined => {
    const cut = namedEnd(clause, part, (name) => fitsId(cleanName(name), idOf(k)));
    return fitsId(cleanName(clause.slice(cut.start, cut.end)), idOf(k)) ? cut : undefined;
  };
  const paired = inOrder(all, group.length, fitted) ?? byFit(all, group.length, fitted);
  if (!paired) return undefined;
  const ids = group.map((ref) => ref.ids[0]!);
  const unpaired = all
    .filter((_, i) => !paired.taken.includes(i))
    .map((part) => cleanName(clause.slice(part.start, part.end)))
    .filter((name): name is string => name !== undefined && namesOtherTechnique(name, ids, target));
  if (ownFits && !unpaired.length) return undefined;
  return { parts: paired.parts.map((part) => ({ start: from + part.start, end: from + part.end })), unpaired };
}

/** Names of a list paired with IDs: where each ID's stands (in the list's text), and which of the list's it is. */
interface Pairing {
  parts: Part[];
  taken: number[];
}

/**
 * The last `count` names of a list (`all`), each fitting the ID of its place (`fitted`), the first cut
 * to where a name starts where the list holds no more; else undefined.
 */
function inOrder(all: readonly Part[], count: number, fitted: (part: Part, k: number) => Part | undefined): Pairing | undefined {
  const taken = [...all.keys()].slice(all.length - count);
  const parts = taken.map((i) => all[i]!);
  if (all.length === count) parts[0] = fitted(parts[0]!, 0) ?? parts[0]!;
  return parts.every((part, k) => fitted(part, k)?.start === part.start) ? { parts, taken } : undefined;
}

/** Each ID, in order, paired with the first name of a list after the one the ID before it took that fits it (`fitted`); else undefined. */
function byFit(all: readonly Part[], count: number, fitted: (part: Part, k: number) => Part | undefined): Pairing | undefined {
  const taken: number[] = [];
  const parts: Part[] = [];
  for (let k = 0; k < count; k++) {
    const after = taken[taken.length - 1] ?? -1;
    const at = all.findIndex((part, i) => i > after && fitted(part, k) !== undefined);
    if (at < 0) return undefined;
    taken.push(at);
    parts.push(fitted(all[at]!, k)!);
  }
  return { parts, taken };
}

/**
 * What is said of the names of a list that the bracket of IDs after it gives none of (`BITS Jobs` before `(T1059.001,
 * T1047)`): each technique it names, and that no reference was read for it.
 */
function unpairedMessage(names: readonly string[], ids: readonly string[], target: AttackIndex): string {
  const techniques = names.map((name) => target.techniquesByName(name).find((each) => !each.revoked && !each.deprecated)!);
  const said = names.map((name, k) => `"${name}" names ${techniques[k]!.id} ${fullName(target, techniques[k]!)}`).join(', ');
  const added = techniques.map((technique) => technique.id).join(', ');
  return `${said}, listed with the names of ${ids.join(', ')} but given no ID: not read as a reference; add ${added} if the report claims ${names.length === 1 ? 'it' : 'them'}`;
}

/**
 * Whether a name is, exactly, the name of a current technique of another family than those of `ids` (`BITS Jobs`,
 * T1197); a parent's name before its sub-techniques' (`Command and Scripting Interpreter, PowerShell and …`) is theirs.
 */
function namesOtherTechnique(name: string, ids: readonly string[], target: AttackIndex): boolean {
  const named = target.techniquesByName(name).filter((technique) => !technique.revoked && !technique.deprecated);
  const family = (id: string): string => id.split('.')[0]!;
  return named.length > 0 && named.every((technique) => !ids.some((id) => family(id) === family(technique.id)));
}

/** A reference without the name it was given: written as its ID alone. */
function withoutName(ref: ExtractedReference, line: FoldedText): ExtractedReference {
  const { name: _name, nameSpan: _nameSpan, ...rest } = ref;
  return { ...rest, raw: line.original.slice(ref.span.start, ref.span.end) };
}
