import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import type { TacticShortname, TechniqueRecord } from '../attack/types.js';
import { TACTIC_NAMES, TACTIC_SHORT_FORMS, tacticShortname } from './tactic-names.js';
import { splitTacticList } from './tactic-list.js';
import { misspeltTacticName, tacticsNear } from './tactic-text.js';

/**
 * Other ways reports write tactic names, folded with `nameKey`: every written form of `TACTIC_NAMES` (British
 * spelling, C2, the names of the ATT&CK Japanese translation, which the seed reports use) and the short forms. ICS
 * names its Defense Evasion `Evasion` (TA0103), which a tactic column's short form reads as Defense Evasion (`| Evasion |
 * T0849 | Masquerading |`, an IOCONTROL threat report's ATT&CK for ICS table): a release without Defense Evasion reads
 * that as its Evasion; one with it never gets so far (`readTactic` tries the text as written first).
 */
export const TACTIC_SYNONYMS: Readonly<Record<string, TacticShortname>> = Object.fromEntries([
  ...TACTIC_NAMES.flatMap(([display, ...written]) => written.map((text) => [nameKey(text), tacticShortname(display)] as const)),
  ...Object.entries(TACTIC_SHORT_FORMS).map(([text, display]) => [nameKey(text), tacticShortname(display)] as const),
  [nameKey('Defense Evasion'), 'evasion'],
]);

// A TA ID and a tactic name written together (`TA0002: Execution`, as extract keeps a bracket after a reference).
const ID_AND_NAME = /^(TA\d{4})\s{0,3}[:：\-–—]\s{0,3}(\S.{0,60})$/i;
// The same with a space alone between them (`TA0006 Credential Access`); a name holds no other TA ID (`TA0005 TA0003`).
const ID_SPACE_NAME = /^(TA\d{4})\s{1,3}(?!.*TA\d{4})(\p{L}.{0,60})$/iu;
// A tactic name with its TA ID in brackets after it (`Persistence (TA0003)`, `Initial Access [TA0001]`), as ATT&CK's
// own tactic pages and tables of techniques write it.
const NAME_AND_ID = /^(?!.*TA\d{4}.*TA\d{4})(\p{L}[^[(（【]{0,60}?)\s{0,3}[[(（【]\s{0,3}(TA\d{4})\s{0,3}[\])）】]$/iu;
// A TA ID with its name in brackets after it (`TA0043 (Reconnaissance)`).
const ID_AND_BRACKETED_NAME = /^(TA\d{4})\s{0,3}[[(（【]\s{0,3}(?!.*TA\d{4})(\p{L}[^\])）】]{0,60}?)\s{0,3}[\])）】]$/iu;

/**
 * A TA ID and a tactic name written together in one of the ways above (`TA0002: Execution`, `TA0002 - Execution`,
 * `TA0002 Execution`, `TA0002 (Execution)`, `Execution (TA0002)`): the ID (upper case) and the name as written; undefined for other text. Campaign
 * files and layer entries are read by it alike; whether the two name one tactic only a release can say.
 */
export function tacticIdAndName(written: string): { id: string; name: string } | undefined {
  const text = written.normalize('NFKC').trim();
  const [, id, name] = ID_AND_NAME.exec(text) ?? ID_SPACE_NAME.exec(text) ?? ID_AND_BRACKETED_NAME.exec(text) ?? [];
  if (id && name) return { id: id.toUpperCase(), name: name.trim() };
  const [, named, bracketed] = NAME_AND_ID.exec(text) ?? [];
  return named && bracketed ? { id: bracketed.toUpperCase(), name: named.trim() } : undefined;
}

/** Labelled ways of reading a tactic as written; the first that the release recognises wins. */
const tacticReadings: ReadonlyArray<readonly [label: string, read: (text: string) => string | undefined]> = [
  ['as written', (text) => text],
  ['by its TA ID (Initial Access [TA0001])', (text) => /\bTA\d{4}\b/i.exec(text)?.[0]?.toUpperCase()],
  ['without bracketed or parenthesised parts', (text) => text.replace(/[[(（【].*?[\])）】]/g, '')],
  ['by the name beside a TA ID the release does not have (TA0027: Initial Access)', (text) => tacticIdAndName(text)?.name],
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
 * Whether a TA ID written with a tactic name (`TA0027: Initial Access`) is no TA ID of the release: a warning saying the
 * tactic was read by its name; undefined when the release has the ID, or the text is no such pair.
 */
export function tacticIdAndNameWarning(written: string, index: AttackIndex): string | undefined {
  const { id, name } = tacticIdAndName(written) ?? {};
  if (!id || !name || index.tactic(id)) return undefined;
  const byName = readTactic(name, index);
  return byName ? `tactic "${written}": ATT&CK ${index.label} has no ${id}; it was read by its name, ${index.tacticName(byName)} (check the ID, or the domain)` : undefined;
}

/** A TA ID and a tactic name written together that name two tactics of the release (`TA0002: Initial Access`). */
export interface TacticPairConflict {
  /** The tactic the ID names. */
  byId: TacticShortname;
  /** The tactic the name names. */
  byName: TacticShortname;
}

/** The two tactics of a TA ID and a tactic name written together that disagree; undefined when they agree, or the text is no such pair. */
export function tacticPairConflict(written: string, index: AttackIndex): TacticPairConflict | undefined {
  const { id, name } = tacticIdAndName(written) ?? {};
  const byId = id ? index.tactic(id)?.shortname : undefined;
  const byName = name ? readTactic(name, index) : undefined;
  return byId && byName && byId !== byName ? { byId, byName } : undefined;
}

/**
 * Of a TA ID and a tactic name that disagree (`TA0001: Execution` beside T1204.002), what is certain: the one of the two
 * that the techniques referred to all have, when only one is; else neither. With a warning naming both, and which was kept.
 */
export function readTacticPair(
  written: string,
  conflict: TacticPairConflict,
  techniques: readonly TechniqueRecord[],
  index: AttackIndex,
  writer = 'the report',
): { kept?: TacticShortname; warning: string } {
  const { byId, byName } = conflict;
  const id = tacticIdAndName(written)!.id;
  const said = `tactic "${written}": ${id} is ${index.tacticName(byId)}, not ${index.tacticName(byName)}`;
  const fits = [byName, byId].filter((tactic) => techniques.length > 0 && techniques.every((technique) => technique.tactics.includes(tactic)));
  const which = techniques.map((technique) => `${technique.id} ${technique.name}`).join(', ');
  const has = techniques.length > 1 ? 'have' : 'has';
  if (fits.length === 1) {
    const kept = fits[0]!;
    const other = kept === byId ? byName : byId;
    return { kept, warning: `${said}; ${which} ${has} ${index.tacticName(kept)}, not ${index.tacticName(other)}: it was read as ${index.tacticName(kept)} (check which ${writer} means)` };
  }
  const why = !techniques.length ? 'no technique decides' : fits.length ? `${which} ${has} both` : `${which} ${has} neither`;
  return { warning: `${said}; ${why}: neither was kept (write the tactic ${writer} means)` };
}

/** A tactic field as `resolveReference` reads it: the tactics it holds as written, and what to say of how it was read. */
export interface WrittenTactics {
  /** The tactics as written: the field itself, or the parts of a list written in one string. */
  items: string[];
  /** A warning when the field was read as a list, or holds a part that reads as tactics in two ways. */
  warnings: string[];
}

/**
 * A campaign's tactic as written, or the tactics of a list written in one string (`Persistence and Privilege
 * Escalation`, `defense-evasion/persistence`, `Execution, Persistence`): split where splitTacticList says, each part
 * read against the release, so `Command and Control` stays one tactic; a part that reads as tactics in two ways is
 * kept whole (to be reported as unreadable), not guessed.
 */
export function readWrittenTactics(written: string, index: AttackIndex): WrittenTactics {
  // A misspelt part is a tactic too (`Persistence and Privilige Escalation`): each part is read, and said misspelt, after.
  const isTactic = (part: string): boolean => readTactic(part, index) !== undefined || tacticPairConflict(part, index) !== undefined || readMisspeltTactic(part, index) !== undefined;
  if (isTactic(written)) return { items: [written], warnings: [] };
  const { parts, ambiguous } = splitTacticList(written, isTactic);
  const warnings = ambiguous.map(
    ({ text, readings }) => `tactic "${text}" in "${written}" reads as tactics in more than one way (${readings.map((reading) => reading.join(' + ')).join(' or ')}); write the tactics as a list`,
  );
  if (parts.length + ambiguous.length < 2) return { items: [written], warnings: [] };
  const items = [...parts, ...ambiguous.map(({ text }) => text)];
  const list = `tactic "${written}" is a list of tactics in one string; read as ${parts.map((part) => `"${part}"`).join(', ')} (write tactic: [${parts.join(', ')}])`;
  return { items, warnings: parts.length > 1 ? [list, ...warnings] : warnings };
}

/**
 * A tactic written misspelt beside a reference (`Intial Access`, `Privilige Escalation`, `Exfilitration`, `Lateral
 * Movment`), read as the one tactic of the release it is a typo or two from, as a report's headings are read: with the
 * warning that says so. Undefined for text `readTactic` reads, or that no one tactic is clearly meant by.
 */
export function readMisspeltTactic(written: string, index: AttackIndex): { shortname: TacticShortname; warning: string } | undefined {
  const text = written.normalize('NFKC').trim();
  if (readTactic(text, index)) return undefined;
  const meant = misspeltTacticName(text);
  const shortname = meant ? readTactic(meant, index) : undefined;
  const tactic = shortname ? index.tactic(shortname) : undefined;
  if (!shortname || !tactic) return undefined;
  return { shortname, warning: `tactic "${written}" is misspelt: read as ${tactic.name} (${tactic.id}); write that` };
}

/**
 * What to tell of a tactic that is no tactic of the release but a few typos from some (`Impakt`, too short to be read as
 * Impact): the tactics it is near, and the release's tactics to write; undefined for text near none.
 */
export function nearTacticsAdvice(written: string, index: AttackIndex): string | undefined {
  const near = tacticsNear(written).flatMap((name) => {
    const shortname = readTactic(name, index);
    const tactic = shortname ? index.tactic(shortname) : undefined;
    return tactic ? [`${tactic.name} (${tactic.id})`] : [];
  });
  if (!near.length) return undefined;
  return `it is near ${near.join(' and ')}, not clearly one; write one of ATT&CK ${index.label}'s tactics: ${index.tactics().map((tactic) => tactic.name).join(', ')}`;
}
