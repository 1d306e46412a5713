import type { AttackIndex } from '../attack/attack-index.js';
import type { ExtractedReference } from './extract-references.js';
import { TACTIC_NAMES } from '../normalize/tactic-names.js';

/** The reading rule by which a tactic glued before a technique's name is the reference's tactic, said in its trail. */
export const GLUED_TACTIC_RULE = "a tactic glued before its technique's name, as a table's cells run together leave it, is its row's tactic (PersistenceValid Accounts(T1078))";

/** What reading glued tactics did: the references, and for each one repaired (by its span's key) what was read. */
export interface GluedTactics {
  references: ExtractedReference[];
  read: Map<string, string>;
}

/**
 * The same tactic's name in another language glued after it, before the technique's name: a bilingual table's cell
 * between (`ReconnaissanceAufklärungActive Scanning (T1595)`, Stefan Behling's German blog table of Phase | Taktik |
 * Technik scraped, German `Aufklärung` for Reconnaissance; `Initial AccessErstzugriffPhishing`). Only the names
 * `TACTIC_NAMES` documents for that tactic (Microsoft's German security documentation's `Erstzugriff`, `Ausführung`,
 * `Persistenz`, …), longest first, and only before a capital: `C2-Kommunikation` and `Datenabfluss` of the same table
 * are no such names, and their rows are read as written.
 */
function translationAfter(tactic: string, rest: string): string | undefined {
  const row = TACTIC_NAMES.find(([display]) => display === tactic)?.slice(1) ?? [];
  return [...row]
    .sort((a, b) => b.length - a.length)
    .find((name) => rest.toLowerCase().startsWith(name.toLowerCase()) && /^\p{Lu}/u.test(rest.slice(name.length)));
}

/**
 * Read a tactic's name glued before a technique's name (`PersistenceValid Accounts(T1078)`, a German blog's table of
 * Phase | Taktik | Technik whose cells ran together when scraped) as the row's tactic, the rest as the name. Only where
 * the tactic is one of the release's, in any case, the name after it starts with a capital, and that name is one of
 * the ID's technique (`names`), or its parent's name and its own run together as its cells were
 * (`ExecutionUser ExecutionMalicious File (T1204.002)`): the one reading; so with that tactic's name in another language
 * between (`translationAfter`). Not in a row whose tactic column gave its
 * tactics. `key` names a reference as the caller keeps it. Pure.
 */
export function withGluedTactics(references: readonly ExtractedReference[], target: AttackIndex, names: (name: string, id: string) => boolean, key: (ref: ExtractedReference) => string): GluedTactics {
  // Longest first: `Command and Control` before a shorter name it might begin with.
  const tactics = target
    .tactics()
    .map((tactic) => tactic.name)
    .sort((a, b) => b.length - a.length);
  const read = new Map<string, string>();
  const repaired = references.map((ref) => {
    const id = ref.ids[0];
    const written = ref.name;
    if (ref.ids.length !== 1 || !id || written === undefined || ref.tacticColumn !== undefined) return ref;
    const tactic = tactics.find((name) => written.toLowerCase().startsWith(name.toLowerCase()) && /^\p{Lu}/u.test(written.slice(name.length)));
    if (!tactic) return ref;
    const translated = translationAfter(tactic, written.slice(tactic.length));
    const cut = tactic.length + (translated?.length ?? 0);
    const rest = written.slice(cut);
    const technique = target.technique(id);
    const parent = technique?.parent ? target.technique(technique.parent) : undefined;
    const runTogether = parent !== undefined && rest === `${parent.name}${technique!.name}`;
    if (!runTogether && (names(written, id) || !names(rest, id))) return ref;
    const glued = written.slice(0, cut);
    // The name stands in the reference as written (`PersistenceValid Accounts(T1078)`) or apart from it (another cell).
    const inRaw = ref.raw.indexOf(written);
    const raw = inRaw >= 0 ? ref.raw.slice(0, inRaw) + ref.raw.slice(inRaw + glued.length) : ref.raw;
    const span = !ref.nameSpan && inRaw === 0 ? { ...ref.span, start: ref.span.start + glued.length } : ref.span;
    const nameSpan = ref.nameSpan ? { ...ref.nameSpan, start: ref.nameSpan.start + glued.length } : undefined;
    const repair: ExtractedReference = { ...ref, raw, name: rest, tactics: [tactic], span, ...(nameSpan ? { nameSpan } : {}) };
    const between = translated ? `, "${written.slice(tactic.length, cut)}" its name in another language,` : '';
    read.set(key(repair), `"${written}" as ${tactic}${between} and "${rest}"`);
    return repair;
  });
  return { references: repaired, read };
}
