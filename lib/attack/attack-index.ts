import type {
  ActorRecord,
  AttackIndexData,
  Domain,
  StixId,
  TacticRecord,
  TacticShortname,
  TechniqueId,
  TechniqueRecord,
} from './types.js';
import type { ReleaseHistory } from './later-release.js';

/** The result of following a technique's `revoked-by` relationships to their end. */
export interface RevocationChain {
  /** Every technique on the way, the starting one first and the final replacement last. */
  steps: TechniqueRecord[];
  /** The last technique reached, which is not revoked, or undefined when the chain breaks (no replacement known). */
  final?: TechniqueRecord;
  /**
   * The steps this release no longer records, taken from another release at hand (`history`): mobile-attack 18.1 keeps
   * T1454 revoked with no `revoked-by` relationship; mobile-attack 9.0 records T1454 revoked by T1477.
   */
  recordedElsewhere?: RecordedElsewhere[];
}

/** A `revoked-by` step the release lacks, as another release of the domain records it. */
export interface RecordedElsewhere {
  /** The revoked technique, as the release keeps it. */
  revoked: TechniqueRecord;
  /** Its replacement, as the release keeps it. */
  replacement: TechniqueRecord;
  /** The release that records the step (`mobile-attack 9.0`). */
  release: string;
}

/** Fold a name for lookups: Unicode-compatible forms, case, punctuation variants and spacing do not matter. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‐-―−]/g, '-')
    .replace(/[’‘`]/g, "'")
    .replace(/&/g, ' and ')
    // A hyphen between two words is a space: writers join `Man-in-the-Browser`, which ATT&CK wrote apart (T1185's old
    // name), as ATT&CK joins its own shortnames (`command-and-control`); no two names of an enterprise release from 3.0
    // to 18.1 differ by that alone.
    .replace(/(?<=\p{L})-(?=\p{L})/gu, ' ')
    // A double colon between a technique and its sub-technique is the colon: Mandiant's capa writes
    // `Scheduled Task/Job::At` for T1053.002 `Scheduled Task/Job: At`; no name of a release has one.
    .replace(/\s*::\s*/g, ': ')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

// A name of letters then digits (`APT41`, `TA505`, `FIN7`, ATT&CK's alias `TG-3390`) is written with the two together,
// apart or hyphenated: CYFIRMA titles a report "The Origins of APT 41 and ShadowPad Lineage", and text writes `APT-29`.
const LETTERS_THEN_DIGITS = /^(\p{L}+)[ -]?(\p{N}+)$/u;

/**
 * A name of letters then digits, together or apart by a space or hyphen, as its letters and its digits (`APT 41`,
 * `apt-41` and `APT41` alike); undefined for any other name.
 */
export function lettersThenDigits(name: string): { letters: string; digits: string } | undefined {
  const match = LETTERS_THEN_DIGITS.exec(name.trim());
  return match ? { letters: match[1]!, digits: match[2]! } : undefined;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/**
 * One ATT&CK release of one domain, indexed for lookups. Build it with `loadAttack` (files, cache) or
 * `new AttackIndex(indexBundle(json, hints))` (pure).
 */
export class AttackIndex {
  readonly data: AttackIndexData;
  private readonly byId = new Map<string, TechniqueRecord>();
  private readonly byStix = new Map<string, TechniqueRecord | TacticRecord>();
  private readonly childrenOf = new Map<string, TechniqueRecord[]>();
  private readonly tacticByKey = new Map<string, TacticRecord>();
  // The name and alias lookups fold some 4,000 names (NFKC and all): built on first use, so that a run that looks
  // techniques up by ID only (`attack-layers technique T1193`) does not pay for them.
  private nameIndex?: Map<string, TechniqueRecord[]>;
  private actorIndex?: Map<string, ActorRecord[]>;
  // Groups, software and campaigns are indexed on first use too: a cached index reads them only then (index-cache.ts).
  private actorByStix?: Map<string, ActorRecord>;
  private platformList?: readonly string[];
  /**
   * The other releases of the domain at hand, newest first, each loaded when reached (`AttackLibrary` sets it): a
   * revocation chain this release breaks is continued by the first of them that records the missing step.
   */
  history?: ReleaseHistory;
  private readonly elsewhere = new Map<StixId, RecordedElsewhere | undefined>();

  constructor(data: AttackIndexData) {
    this.data = data;
    for (const technique of data.techniques) {
      // An ID can appear twice in a bundle (an old revoked object beside a current one); the current one wins.
      const previous = this.byId.get(technique.id);
      if (!previous || (previous.revoked && !technique.revoked)) this.byId.set(technique.id, technique);
      this.byStix.set(technique.stixId, technique);
      if (technique.parent) pushTo(this.childrenOf, technique.parent, technique);
    }
    for (const tactic of data.tactics) {
      this.byStix.set(tactic.stixId, tactic);
      for (const key of [tactic.id, tactic.shortname, tactic.name]) if (key) this.tacticByKey.set(nameKey(key), tactic);
    }
    // The lists lookups return are frozen: an index may be shared by every caller of the process (loaded-releases.ts).
    for (const list of this.childrenOf.values()) Object.freeze(list);
  }

  private get actorsByStix(): Map<string, ActorRecord> {
    this.actorByStix ??= new Map([...this.data.groups, ...this.data.software, ...this.data.campaigns].map((actor) => [actor.stixId, actor]));
    return this.actorByStix;
  }

  private get byName(): Map<string, TechniqueRecord[]> {
    if (!this.nameIndex) {
      this.nameIndex = new Map();
      for (const technique of this.data.techniques) {
        pushTo(this.nameIndex, nameKey(technique.name), technique);
        const parent = technique.parent ? this.byId.get(technique.parent) : undefined;
        if (parent) pushTo(this.nameIndex, nameKey(`${parent.name}: ${technique.name}`), technique);
      }
      for (const list of this.nameIndex.values()) Object.freeze(list);
    }
    return this.nameIndex;
  }

  private get actorsByKey(): Map<string, ActorRecord[]> {
    if (!this.actorIndex) {
      this.actorIndex = new Map();
      for (const actor of [...this.data.groups, ...this.data.software, ...this.data.campaigns]) {
        for (const key of [actor.id, actor.name, ...actor.aliases]) pushTo(this.actorIndex, nameKey(key), actor);
      }
      for (const list of this.actorIndex.values()) Object.freeze(list);
    }
    return this.actorIndex;
  }

  get domain(): Domain {
    return this.data.domain;
  }

  /** The release, e.g. `18.1`. */
  get release(): string {
    return this.data.release;
  }

  /** The major version, as Navigator's `versions.attack` expects it (`18`). */
  get major(): string {
    return this.data.release.split('.')[0] ?? this.data.release;
  }

  /** `enterprise-attack 18.1`, for messages. */
  get label(): string {
    return `${this.data.domain} ${this.data.release}`;
  }

  /** A technique or sub-technique by its exact ATT&CK ID (`T1566.001`), revoked and deprecated ones included. */
  technique(id: TechniqueId): TechniqueRecord | undefined {
    return this.byId.get(id);
  }

  /** A technique, tactic, group, software or campaign by STIX id. */
  byStixId(stixId: StixId): TechniqueRecord | ActorRecord | TacticRecord | undefined {
    return this.byStix.get(stixId) ?? this.actorsByStix.get(stixId);
  }

  /** A technique by STIX id (the id stays the same across releases, which is what makes cross-release mapping exact). */
  techniqueByStixId(stixId: StixId): TechniqueRecord | undefined {
    const found = this.byStix.get(stixId);
    return found && 'subtechnique' in found ? found : undefined;
  }

  /** Every technique and sub-technique in the release, revoked and deprecated ones included, sorted by ID. */
  allTechniques(): readonly TechniqueRecord[] {
    return this.data.techniques;
  }

  /** Techniques that are neither revoked nor deprecated: what the release's matrix shows. */
  currentTechniques(): TechniqueRecord[] {
    return this.data.techniques.filter((technique) => !technique.revoked && !technique.deprecated);
  }

  /** Sub-techniques of a technique, current and not, sorted by ID. */
  children(id: TechniqueId): readonly TechniqueRecord[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** Techniques whose name (or `Parent: Sub` name) matches, case and spacing aside; revoked ones included. */
  techniquesByName(name: string): readonly TechniqueRecord[] {
    return this.byName.get(nameKey(name)) ?? [];
  }

  /** Every distinct folded name known to the index, with the techniques that carry it (for tolerant matching). */
  names(): ReadonlyMap<string, readonly TechniqueRecord[]> {
    return this.byName;
  }

  /**
   * Follow `revoked-by` relationships from a technique to the first one that is not revoked. Given an ID, the chain
   * starts at the current object of that ID; given a record (say, found by STIX id), at that very object.
   */
  revocationChain(from: TechniqueId | TechniqueRecord): RevocationChain {
    const start = typeof from === 'string' ? this.byId.get(from) : from;
    if (!start) return { steps: [] };
    const steps = [start];
    const recordedElsewhere: RecordedElsewhere[] = [];
    const chain = (final?: TechniqueRecord): RevocationChain => ({ steps, ...(final ? { final } : {}), ...(recordedElsewhere.length ? { recordedElsewhere } : {}) });
    let current = start;
    while (current.revoked) {
      let next = current.revokedBy ? this.techniqueByStixId(current.revokedBy) : undefined;
      if (!next) {
        const step = this.stepElsewhere(current);
        if (step) recordedElsewhere.push(step);
        next = step?.replacement;
      }
      if (!next || steps.includes(next)) return chain();
      steps.push(next);
      current = next;
    }
    return chain(current);
  }

  /** The `revoked-by` step of a revoked technique that has none here, from the newest other release that records one this release can follow. */
  private stepElsewhere(revoked: TechniqueRecord): RecordedElsewhere | undefined {
    if (this.elsewhere.has(revoked.stixId)) return this.elsewhere.get(revoked.stixId);
    let found: RecordedElsewhere | undefined;
    for (const other of this.history?.() ?? []) {
      const named = other.techniqueByStixId(revoked.stixId)?.revokedBy;
      const replacement = named ? this.techniqueByStixId(named) : undefined;
      if (replacement && replacement !== revoked) {
        found = { revoked, replacement, release: other.label };
        break;
      }
    }
    this.elsewhere.set(revoked.stixId, found);
    return found;
  }

  /** The platforms of the release's current techniques (`Windows`, `IaaS`…), sorted. */
  platforms(): readonly string[] {
    this.platformList ??= Object.freeze([...new Set(this.currentTechniques().flatMap((technique) => technique.platforms))].sort());
    return this.platformList;
  }

  /**
   * Platforms only the release's revoked or deprecated techniques state, its current ones none (ICS 18.1's deprecated
   * techniques keep `Control Server`, `Engineering Workstation`…, the platforms of older ATT&CK for ICS releases,
   * where every current one states "None"), sorted.
   */
  formerPlatforms(): readonly string[] {
    const current = new Set(this.platforms());
    return [...new Set(this.allTechniques().flatMap((technique) => technique.platforms))].filter((platform) => !current.has(platform)).sort();
  }

  /** Tactics in matrix order. */
  tactics(): readonly TacticRecord[] {
    return this.data.tactics;
  }

  /** A tactic by shortname, display name or TA ID, case and spacing aside (`Defense Evasion`, `defense-evasion`, `TA0005`). */
  tactic(key: string): TacticRecord | undefined {
    return this.tacticByKey.get(nameKey(key));
  }

  /** The display name of a tactic shortname (the shortname itself when the release does not know it). */
  tacticName(shortname: TacticShortname): string {
    return this.tacticByKey.get(nameKey(shortname))?.name ?? shortname;
  }

  /** Groups, software and campaigns whose ID, name or alias matches, case and spacing aside. */
  actors(key: string): readonly ActorRecord[] {
    return this.actorsByKey.get(nameKey(key)) ?? [];
  }

  /** Follow `revoked-by` from a group, software or campaign to the object that replaced it. */
  finalActor(actor: ActorRecord): ActorRecord {
    let current = actor;
    const seen = new Set<string>();
    while (current.revoked && current.revokedBy && !seen.has(current.stixId)) {
      seen.add(current.stixId);
      const next = this.actorsByStix.get(current.revokedBy);
      if (!next || !('aliases' in next)) break;
      current = next;
    }
    return current;
  }
}
