import type { Campaign, Confidence } from '../campaign/campaign-types.js';
import type { Domain, TacticShortname, TechniqueId } from '../attack/types.js';

/**
 * How a reference came to its current technique(s):
 * - `current`: the ID is current in the target release (and any name beside it agrees);
 * - `revoked`: the ID was revoked; its revoked-by chain leads to the current ID;
 * - `deprecated`: the ID is deprecated; not substituted, its description's current pointers of the domain are the
 *   candidates (read as validate and upgrade read them: revoked ones followed, other domains' named in the note);
 * - `renamed`: the ID is current but was written with an older name, or a name of a revoked technique was used;
 * - `name`: no ID; resolved by the technique's exact current name;
 * - `fuzzy`: no exact name; resolved by a close name (a typo), said in the note;
 * - `alias`: no name; resolved by a common abbreviation (`WMI`, `RDP`, `UAC bypass`) from a documented table;
 * - `ambiguous`: several techniques fit and nothing decided between them; the candidates are listed;
 * - `other domain`: an ID the target release does not know that another domain's release has (ICS T0800 in an
 *   enterprise campaign); named with its domain in the note, never mapped (needs the other domains' lookup);
 * - `unknown`: nothing fits; candidates and hints are listed;
 * - `inferred`: not written in the campaign: documented in ATT&CK for software the campaign names.
 */
export type ReferenceStatus =
  | 'current'
  | 'revoked'
  | 'deprecated'
  | 'renamed'
  | 'name'
  | 'fuzzy'
  | 'alias'
  | 'ambiguous'
  | 'other domain'
  | 'unknown'
  | 'inferred';

/** Statuses that leave a reference without a technique; `--strict` fails on them. */
export const UNRESOLVED_STATUSES: readonly ReferenceStatus[] = ['unknown', 'other domain', 'ambiguous', 'deprecated'];

/** The unresolved statuses as words for messages: `unknown, other domain, ambiguous or deprecated`. */
export const UNRESOLVED_STATUS_TEXT = `${UNRESOLVED_STATUSES.slice(0, -1).join(', ')} or ${UNRESOLVED_STATUSES.at(-1)}`;

/** A technique a reference might mean, with why. */
export interface Candidate {
  id: TechniqueId;
  name: string;
  tactics: TacticShortname[];
  why: string;
}

/** The tactics written with a reference, as read and as checked. */
export interface TacticReading {
  /** As written. */
  written: string[];
  /** Read as shortnames of the target release, in matrix order. */
  read: TacticShortname[];
  /** Written tactics that could not be read (each also a warning). */
  unreadable: string[];
}

/** What one reference resolves to, before campaign-level details are attached. */
export interface Resolution {
  status: ReferenceStatus;
  /** The current technique IDs it resolves to; empty when none. */
  ids: TechniqueId[];
  /** One human-readable sentence (or a few) saying how it was resolved. */
  note: string;
  /** The decisions taken, in order, each labelled by the rule that took it. */
  trail: string[];
  tactics: TacticReading;
  /** For each resolved ID, the tactics under which the reference places it (valid ones only). */
  placed: Record<TechniqueId, TacticShortname[]>;
  candidates: Candidate[];
  warnings: string[];
}

/** One reference as written in a campaign, and what it resolved to. */
export interface ReferenceResult extends Resolution {
  raw: string;
  /** JSON path in the campaign file (`/techniques/3`), or `/software/0` for inferred ones. */
  path: string;
  line?: number;
  /** The entry's confidence, else the campaign's default (then `confidenceDefault` says so). */
  confidence?: Confidence;
  /** True when `confidence` is the campaign's default (its top-level `confidence`): the entry gives none. */
  confidenceDefault?: true;
  score?: number;
  /** The analyst's note (for an inferred reference: the note on the software it comes from). */
  comment?: string;
  evidence?: string;
  /** Where in the report the reference is (a section, table, page). */
  source?: string;
  /** The campaign's sources it comes from, as written (`report:`); none: every source. */
  reports?: string[];
  platforms?: string[];
  /** For inferred references: the software they come from. */
  software?: { id: string; name: string };
}

/** One current technique after merging every reference that resolved to it. */
export interface NormalizedTechnique {
  id: TechniqueId;
  name: string;
  /** Tactics the campaign placed it under, valid ones only, in matrix order; empty = not placed (all its tactics). */
  tactics: TacticShortname[];
  /** All tactics of the technique in the target release. */
  techniqueTactics: TacticShortname[];
  parent?: TechniqueId;
  /** Written in the campaign (as opposed to only inferred from software). */
  observed: boolean;
  /** Indexes into `references` of the references that produced it. */
  references: number[];
  /** Software whose documented use of the technique inferred it. */
  software: { id: string; name: string }[];
  /** The highest confidence of its references (one written on an entry before the campaign's default, at a tie). */
  confidence?: Confidence;
  /** True when `confidence` is the campaign's default, no reference of that confidence giving its own. */
  confidenceDefault?: true;
  /** An explicit score given in the campaign (the highest, when several). */
  score?: number;
  warnings: string[];
}

/** Resolution of the campaign's actor or one software entry. */
export interface ActorResult {
  raw: string;
  path: string;
  line?: number;
  id?: string;
  name?: string;
  /**
   * The object of another domain the name is, when the campaign's domain has none (APT29, enterprise's, as an ICS
   * campaign's actor), or only a deprecated one (Triton in enterprise: S0609 TRITON, deprecated; ICS's S1009 Triton).
   */
  otherDomain?: { id: string; name: string; domain: Domain };
  note: string;
  warnings: string[];
}

/** A campaign with every reference resolved, explained or reported. */
export interface NormalizedCampaign {
  id: string;
  name: string;
  file: string;
  campaign: Campaign;
  attack: {
    domain: Domain;
    /** The release the techniques are brought to. */
    release: string;
    /** The release the report's IDs were checked against first (`attack_version`), when available. */
    source?: string;
  };
  actor?: ActorResult;
  software: ActorResult[];
  references: ReferenceResult[];
  techniques: NormalizedTechnique[];
  /** Campaign-level findings (unavailable attack_version, unknown actor...). */
  warnings: string[];
  /** Advice on the whole campaign: most references are of another domain (`re-run with --domain ics`). */
  notes?: string[];
}
