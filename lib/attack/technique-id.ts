/** The one definition of an ATT&CK technique ID; every pattern and message derives from it. */
export const TECHNIQUE_ID_FORMAT = { prefix: 'T', digits: 4, subDigits: 3, example: 'T1566.001' } as const;

/** A canonical technique or sub-technique ID, anchored: `T1566` or `T1566.001`. */
export const TECHNIQUE_ID = new RegExp(
  `^${TECHNIQUE_ID_FORMAT.prefix}\\d{${TECHNIQUE_ID_FORMAT.digits}}(\\.\\d{${TECHNIQUE_ID_FORMAT.subDigits}})?$`,
);

/** True for a canonical technique ID (`T1566.001`), false for anything else (`t1566/001`, `TA0001`). */
export function isTechniqueId(value: string): boolean {
  return TECHNIQUE_ID.test(value);
}

/**
 * A technique ID of an ATT&CK Workbench organization namespace: Workbench, with a namespace prefix set (letters, which it
 * writes in capitals), numbers the techniques it creates `<PREFIX>-T<4 digits>` from the namespace's range start (1000
 * unless set) and their sub-techniques `<parent>.<3 digits>` (`ACME-T1000`, `ACME-T1000.001`), under the `mitre-attack`
 * source: mitre-attack/attack-workbench-rest-api, app/lib/attack-id-generator.js (generateAttackId, commit
 * 3b71eb59a082e860318562b4abaa6d21840428d9). Anchored; group 1 is the prefix. `PRE-T1156` is PRE-ATT&CK's, not a namespace's
 * (`PRE_ATTACK_ID`).
 */
export const NAMESPACED_TECHNIQUE_ID = new RegExp(
  `^(?!PRE-)([A-Z]+)-${TECHNIQUE_ID_FORMAT.prefix}\\d{${TECHNIQUE_ID_FORMAT.digits}}(\\.\\d{${TECHNIQUE_ID_FORMAT.subDigits}})?$`,
);

/**
 * The pattern of a technique ID ATT&CK's or a Workbench namespace's, unanchored, for patterns that find one among other
 * text (a rule's tag, a line): `T1566.001`, `ACME-T1000.001` (its prefix in capitals unless the pattern ignores case); no
 * capture group.
 */
export const INDEXED_TECHNIQUE_ID_SOURCE =
  `(?:(?!PRE-)[A-Z]+-)?${TECHNIQUE_ID_FORMAT.prefix}\\d{${TECHNIQUE_ID_FORMAT.digits}}(?:\\.\\d{${TECHNIQUE_ID_FORMAT.subDigits}})?`;

/**
 * The same for free text read without regard to case (a YARA-L meta value): the ID in either case (`t1204`), a namespace's
 * prefix only in capitals, as Workbench writes it. Words before an ID are no prefix: `initial-access-t1566` is T1566, never
 * a namespace `ACCESS`'s technique. Use it without the `i` flag.
 */
export const TEXT_TECHNIQUE_ID_SOURCE =
  `(?:(?!PRE-)[A-Z]+-)?[${TECHNIQUE_ID_FORMAT.prefix}${TECHNIQUE_ID_FORMAT.prefix.toLowerCase()}]\\d{${TECHNIQUE_ID_FORMAT.digits}}(?:\\.\\d{${TECHNIQUE_ID_FORMAT.subDigits}})?`;

/** True for a technique ID of a Workbench organization namespace (`ACME-T1000`, `ACME-T1000.001`), false for anything else (`T1566`). */
export function isNamespacedTechniqueId(value: string): boolean {
  return NAMESPACED_TECHNIQUE_ID.test(value);
}

/** What an ID of a Workbench organization namespace is, said the same way by normalize and validate: `ACME-T1000 is an ID of … (prefix ACME), a team's own technique that no MITRE release has`. */
export function namespacedTechniqueText(id: string): string {
  return namespacedText(id, 'technique');
}

/** The objects other than techniques Workbench numbers, by the letters of their IDs, as ATT&CK's own are (G0007, S0002, C0010, M1040, DS0005). */
export const NAMESPACED_OBJECT_KINDS = { G: 'group', S: 'software', C: 'campaign', M: 'mitigation', DS: 'data source' } as const;

/**
 * An ID of a group, software, campaign, mitigation or data source of a Workbench organization namespace, numbered as its
 * techniques are (`<PREFIX>-G<range start>`: `ACME-G1000`, `ACME-S1000`, `ACME-DS1000`; same source as
 * NAMESPACED_TECHNIQUE_ID). Anchored; group 1 is the prefix, group 2 the kind's letters.
 */
export const NAMESPACED_OBJECT_ID = new RegExp(`^(?!PRE-)([A-Z]+)-(${Object.keys(NAMESPACED_OBJECT_KINDS).join('|')})\\d{${TECHNIQUE_ID_FORMAT.digits}}$`);

/** True for an ID of a group, software, campaign, mitigation or data source of a Workbench organization namespace (`ACME-G1000`), false for anything else (`G0007`, `ACME-T1000`). */
export function isNamespacedObjectId(value: string): boolean {
  return NAMESPACED_OBJECT_ID.test(value);
}

/** What an ID of a namespace's other object is, as `namespacedTechniqueText` says a technique's: `ACME-G1000 is an ID of … (prefix ACME), a team's own group that no MITRE release has`. */
export function namespacedObjectText(id: string): string {
  const letters = NAMESPACED_OBJECT_ID.exec(id)?.[2] as keyof typeof NAMESPACED_OBJECT_KINDS | undefined;
  return namespacedText(id, letters ? NAMESPACED_OBJECT_KINDS[letters] : 'object');
}

function namespacedText(id: string, kind: string): string {
  return `${id} is an ID of an ATT&CK Workbench organization namespace (prefix ${id.slice(0, id.indexOf('-'))}), a team's own ${kind} that no MITRE release has`;
}

/**
 * How far past the newest technique number of the releases at hand an ID may be numbered and still be a newer MITRE
 * release's. ATT&CK numbers each new technique above its newest (Enterprise and Mobile share one sequence), a few dozen
 * a release at most: 67 numbers from 6.3's newest (T1539) to 8.2's (T1606), over two releases and PRE-ATT&CK's merge;
 * 18.1's newest is T1681, and the IDs SigmaHQ tags since ATT&CK 19 run to T1690. A team numbers its own techniques far
 * from MITRE's (T9001): no coming release will have them.
 */
export const NEWER_RELEASE_SPAN = 100;

/**
 * An ATT&CK technique ID as the texts that reach an unknown ID's message write it (a Sigma tag's `attack.t0896`, a layer's
 * `t1551.004`), in its canonical form (`T0896`, `T1551.004`); undefined for anything else.
 */
export function taggedTechniqueId(text: string): string | undefined {
  const match = /^(?:attack\.)?(t\d{4}(?:\.\d{3})?)$/i.exec(text.trim());
  return match ? match[1]!.toUpperCase() : undefined;
}

/** The number of a technique ID in any spelling `taggedTechniqueId` reads (`attack.t1685.001` -> 1685); undefined for anything else. */
export function techniqueNumber(text: string): number | undefined {
  const id = taggedTechniqueId(text);
  return id === undefined ? undefined : Number(id.slice(1, 5));
}

/** A technique number as its ID writes it (1681 -> `T1681`). */
export function numberId(number: number): string {
  return `${TECHNIQUE_ID_FORMAT.prefix}${String(number).padStart(TECHNIQUE_ID_FORMAT.digits, '0')}`;
}

/** True for an ID (`T9001`, `T9001.001`, `attack.t9001`) numbered further past `newest`, a technique number, than a newer MITRE release numbers. */
export function isNumberedFarPast(id: string, newest: number): boolean {
  const number = techniqueNumber(id);
  return number !== undefined && number > newest + NEWER_RELEASE_SPAN;
}

/** True for an ID a technique of an index may have: ATT&CK's (`T1566.001`) or a Workbench namespace's (`ACME-T1000.001`). */
export function isIndexedTechniqueId(value: string): boolean {
  return isTechniqueId(value) || isNamespacedTechniqueId(value);
}

/** The technique a sub-technique ID is of (`T1566.001`: `T1566`; `ACME-T1000.001`: `ACME-T1000`), or undefined for a technique ID. */
export function parentTechniqueId(id: string): string | undefined {
  const dot = id.lastIndexOf('.');
  return dot < 0 ? undefined : id.slice(0, dot);
}

/**
 * A technique ID as rules, galaxies and flows list it, in either case (`t1059.001`), in its canonical form (`T1059.001`);
 * undefined for anything else, a sub-technique written with another separator (`T1059/001`) too.
 */
export function techniqueIdInAnyCase(value: string): string | undefined {
  const upper = value.toUpperCase();
  return isTechniqueId(upper) ? upper : undefined;
}

/**
 * A technique ID as a team's rules and detections list it, in either case: ATT&CK's (`t1059.001`: `T1059.001`) or one of
 * a Workbench organization namespace (`acme-t1000.001`: `ACME-T1000.001`), in its canonical form; undefined for anything
 * else. Coverage inputs read technique IDs by it, so that a team's own technique counts where the team's data holds it.
 */
export function indexedTechniqueIdInAnyCase(value: string): string | undefined {
  const upper = value.toUpperCase();
  return isIndexedTechniqueId(upper) ? upper : undefined;
}

/** A tactic ID as rules and flows list it, in either case (`ta0002`), in its canonical form (`TA0002`); undefined for anything else. */
export function tacticIdInAnyCase(value: string): string | undefined {
  const upper = value.toUpperCase();
  return /^TA\d{4}$/.test(upper) ? upper : undefined;
}

/**
 * A technique ID of ATT&CK for ICS, by its shape alone: ICS numbers its techniques from T0800 and has no sub-techniques,
 * where enterprise and mobile number theirs from T1000 (ICS 18.1 holds T0800 to T0895; no enterprise release from 3.0
 * to 18.1 and no mobile release holds a T0 number, counted over ../shared's releases).
 */
export const ICS_TECHNIQUE_ID = new RegExp(`^${TECHNIQUE_ID_FORMAT.prefix}0\\d{${TECHNIQUE_ID_FORMAT.digits - 1}}$`);

/**
 * The canonical form of a technique ID written in any usual way (`t1566/001`, `T1566-001`, full-width `Ｔ１１９３`),
 * or undefined when the text is not just an ID.
 */
export function canonicalTechniqueId(value: string): string | undefined {
  const match = /^T(\d{4})(?:\s*[./\-_]\s*(\d{3}))?$/.exec(value.normalize('NFKC').trim().toUpperCase());
  if (!match) return undefined;
  return match[2] ? `T${match[1]}.${match[2]}` : `T${match[1]}`;
}

/** PRE-ATT&CK technique IDs as layers and reports wrote them before October 2018, when its techniques got T numbers (`PRE-T1156`). */
export const PRE_ATTACK_ID = /^PRE-T\d{4}(\.\d{3})?$/i;

/** What became of PRE-ATT&CK, said the same way by every message about a PRE-ATT&CK layer or ID. */
export const PRE_ATTACK_MERGED = 'ATT&CK 8 (October 2020) merged PRE-ATT&CK into enterprise-attack';

/** Where PRE-ATT&CK's techniques went, for a message about one of them. */
export const PRE_ATTACK_SUCCESSORS =
  "PRE-ATT&CK's techniques were deprecated or revoked, their behaviour now enterprise techniques of Reconnaissance (TA0043) and Resource Development (TA0042)";

/**
 * Technique numbers no enterprise, mobile or ICS release uses, where PRE-ATT&CK numbered its own (T1311 Dynamic DNS,
 * T1254 Conduct active scanning): none of enterprise 3.0 to 18.1, mobile 18.1 or ICS 18.1 holds a technique from T1224
 * to T1397 (counted over ../shared's releases; new techniques are numbered above the newest, T1681 in 18.1), so no
 * newer release will. PRE-ATT&CK's own releases are no data attack-layers reads: no revocation leads from them.
 */
const PRE_ATTACK_NUMBERS = [1224, 1397] as const;

/**
 * Why no release has a technique ID whose number is one PRE-ATT&CK numbered its techniques with (`T1254 is in no
 * enterprise, mobile or ICS release (…)`); undefined for any other ID, and for a sub-technique ID (PRE-ATT&CK had none).
 */
export function preAttackNumberText(id: string): string | undefined {
  const canonical = taggedTechniqueId(id);
  const number = Number(canonical?.slice(1, 5));
  if (!canonical || canonical.includes('.') || !(number >= PRE_ATTACK_NUMBERS[0] && number <= PRE_ATTACK_NUMBERS[1])) return undefined;
  return (
    `${id} is in no enterprise, mobile or ICS release (none has a technique from T${PRE_ATTACK_NUMBERS[0]} to ` +
    `T${PRE_ATTACK_NUMBERS[1]}, where PRE-ATT&CK numbered its techniques; ATT&CK 8 retired PRE-ATT&CK in October 2020)`
  );
}

/**
 * Technique numbers below the newest that no enterprise, mobile or ICS release used (counted over ../shared's releases:
 * enterprise 3.0 to 18.1, mobile 18.1 and ICS 18.1, which keep every revoked and deprecated ID; PRE-ATT&CK's range
 * aside). ATT&CK numbers a new technique above its newest, so no later release will use them either. ATT&CK v7-beta
 * (March 2020, the sub-techniques beta) numbered techniques that ATT&CK 7 numbered otherwise: T1551 (Navigator's own
 * heatmap sample scored T1551.001 to T1551.004) is one of these numbers.
 */
export const UNUSED_NUMBERS: ReadonlySet<number> = new Set([1000, 1479, 1511, 1515, 1524, 1545, 1549, 1551, 1607]);

/**
 * Where what a v7-beta ID became is recorded, as no release is: ATT&CK 7's change log lists what changed since the beta
 * ("Compared to v7.0-beta", its errata: medium.com/mitre-attack, "ATT&CK with Sub-Techniques is Now Just ATT&CK", July
 * 2020), and the beta's STIX data was the subtechniques branch of mitre/cti (mitre/cti issue 78). Not the v6-to-v7
 * crosswalks, which start from 6.3. A T1551.x under defense-evasion (mitreattack-python's heatmap sample writes T1551.003
 * there) looks like today's T1070.x (Indicator Removal), but nothing here records it, so no ID is named.
 */
const BETA_RECORDS = 'look it up in ATT&CK 7\'s change log, under "Compared to v7.0-beta", or in the beta\'s STIX data (mitre/cti, branch subtechniques)';

/** The newest technique number of the releases UNUSED_NUMBERS was counted over, as its message names it. */
const NEWEST_COUNTED = 'T1681 in 18.1';

/**
 * Why no release has a technique ID whose number no release used (`T1551.004 is in no enterprise, mobile or ICS
 * release (…)`), saying that a sub-technique of one has a pre-release's shape; undefined for any other ID.
 */
export function unusedNumberText(id: string): string | undefined {
  const canonical = taggedTechniqueId(id);
  const number = Number(canonical?.slice(1, 5));
  if (!canonical || !UNUSED_NUMBERS.has(number)) return undefined;
  const none = `${id} is in no enterprise, mobile or ICS release (ATT&CK left ${numberId(number)} unused, below its newest number, ${NEWEST_COUNTED})`;
  return canonical.includes('.')
    ? `${none}: it has the shape of a pre-release's sub-technique, such as ATT&CK v7-beta's (March 2020), whose IDs ATT&CK 7 ` +
        `partly changed; no release here records what it became: ${BETA_RECORDS}`
    : none;
}

/** Why an ID whose number alone says it is in no release is in none (a PRE-ATT&CK number, an unused one); else undefined. */
export function noReleaseNumberText(id: string): string | undefined {
  return preAttackNumberText(id) ?? unusedNumberText(id);
}

/** The technique IDs a T and three digits may be with the one digit it lost put back (`106`: T1068, T1106, T1060, …). */
export function withDigitPutBack(digits: string): string[] {
  return [...new Set([0, 1, 2, 3].flatMap((at) => [...'0123456789'].map((digit) => `T${digits.slice(0, at)}${digit}${digits.slice(at)}`)))];
}
