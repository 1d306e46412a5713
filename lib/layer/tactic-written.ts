import type { AttackIndex } from '../attack/attack-index.js';
import { KNOWN_TACTIC_SHORTNAMES } from '../attack/known-tactics.js';
import { formerTactic, laterTacticName } from '../attack/tactic-splits.js';
import type { TacticRecord, TacticShortname, TechniqueRecord } from '../attack/types.js';
import { readTactic, readTacticPair, tacticIdAndNameWarning, tacticPairConflict } from '../normalize/read-tactic.js';

/**
 * The tactic of `index` that an entry's `tactic` names other than by its shortname: by its TA ID (`"TA0002"`, which
 * the repair reads as `ta0002`); undefined when it is a shortname or names no tactic there. Navigator matches an
 * entry's tactic by shortname only, and shows such an annotation nowhere.
 */
export function tacticWrittenOtherwise(tactic: string, index: AttackIndex): TacticRecord | undefined {
  const named = index.tactic(tactic);
  return named && named.shortname !== tactic ? named : undefined;
}

/**
 * What a tactic written as its TA ID (`tacticWrittenOtherwise`) is read as, in the words every reader of a layer says
 * it: `tactic TA0002 is the ID of execution (Execution) in enterprise-attack 18.1; read as execution`.
 */
export function tacticIdNote(named: TacticRecord, index: AttackIndex): string {
  return `tactic ${named.id} is the ID of ${named.shortname} (${named.name}) in ${index.label}; read as ${named.shortname}`;
}

/** What to set an entry's tactic to, for a finding: `set tactic to execution (TA0002 is its ID; …)`, or `fallback`. */
export function tacticAdvice(tactic: string, index: AttackIndex, fallback: string): string {
  const named = tacticWrittenOtherwise(tactic, index);
  return named ? `set tactic to ${named.shortname} (${named.id} is its ID; Navigator reads a tactic by its shortname only)` : fallback;
}

/**
 * What validate and export say of an entry of `record` under a tactic a later release split off, which `index` does not
 * have (ATT&CK 19's stealth, off defense-evasion): where that release has the technique, and where the annotation goes
 * here (`Stealth is the tactic ATT&CK 19 split off defense-evasion, under which enterprise-attack 18.1 has T1078; …`).
 * `newerLayer`: the layer is of a release newer than `index`, which upgrade writes for `index` on purpose (`--to`).
 * Undefined for any other tactic, or a technique not under the one the tactic came from.
 */
export function splitTacticText(tactic: string, record: TechniqueRecord, index: AttackIndex, newerLayer: boolean): string | undefined {
  const split = tacticWrittenOtherwise(tactic, index) ? undefined : formerTactic(tactic, record.tactics);
  if (!split) return undefined;
  return (
    `${laterTacticName(split.shortname)} is the tactic ATT&CK ${split.since} split off ${split.from}, under which ${index.label} has ${record.id}; ` +
    (newerLayer ? `\`attack-layers upgrade --to ${index.release}\` moves the annotation there` : `set tactic to ${split.from} (\`attack-layers upgrade\` moves the annotation there)`)
  );
}

/**
 * An entry's tactic as written (`TA0002: Persistence`, `Execution (TA0002)`), when it is a TA ID with a tactic's name,
 * read in `index`, which the repair (release-blind) could not: it read the name. Where the ID names another tactic of
 * the release, the entry is read as a campaign's tactic is (`readTacticPair`): under the one of the two that its
 * technique has, when only one is, else under none (`tactic` undefined: every tactic of the technique); where the
 * release has no such ID, by the name. With a note saying so; undefined when it is no such pair or the two agree.
 */
export function readTacticIdAndName(written: unknown, technique: TechniqueRecord | undefined, index: AttackIndex): { tactic?: TacticShortname; note: string } | undefined {
  // A shortname holds no TA ID: most entries' tactic, passed over without the pair's regexps.
  if (typeof written !== 'string' || KNOWN_TACTIC_SHORTNAMES.has(written)) return undefined;
  const conflict = tacticPairConflict(written, index);
  if (conflict) {
    const { kept, warning } = readTacticPair(written, conflict, technique ? [technique] : [], index, 'the layer');
    return kept ? { tactic: kept, note: warning } : { note: `${warning}; the tactic is removed, so the annotation applies under every tactic of the technique` };
  }
  const note = tacticIdAndNameWarning(written, index);
  const tactic = note ? readTactic(written, index) : undefined;
  return note ? { ...(tactic ? { tactic } : {}), note } : undefined;
}

/**
 * A repaired layer's entries read in `index` where their tactic was written as a TA ID with a name: `written` holds
 * each entry's tactic as the file wrote it, by position. A copy of the entries, each such tactic as
 * `readTacticIdAndName` reads it, and what it said of each (`T1059: tactic "TA0002: Persistence": …`).
 */
export function readWrittenTacticPairs<Entry extends { techniqueID: string; tactic?: string }>(entries: readonly Entry[], written: readonly unknown[], index: AttackIndex): { entries: Entry[]; notes: string[] } {
  const notes: string[] = [];
  const read = entries.map((entry, at) => {
    const pair = readTacticIdAndName(written[at], index.technique(entry.techniqueID), index);
    if (!pair) return entry;
    notes.push(`${entry.techniqueID}: ${pair.note}`);
    const { tactic: _, ...rest } = entry;
    return (pair.tactic ? { ...rest, tactic: pair.tactic } : rest) as Entry;
  });
  return { entries: read, notes };
}
