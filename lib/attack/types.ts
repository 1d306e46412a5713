/** An ATT&CK technique or sub-technique ID such as `T1566` or `T1566.001`. */
export type TechniqueId = string & { readonly __brand?: 'TechniqueId' };
/** A STIX identifier such as `attack-pattern--0042a9f5-...`. */
export type StixId = string & { readonly __brand?: 'StixId' };
/** A tactic's shortname as used in `kill_chain_phases` and Navigator layers, e.g. `defense-evasion`. */
export type TacticShortname = string & { readonly __brand?: 'TacticShortname' };

/** The three ATT&CK domains, spelled as STIX bundles and Navigator layers spell them. */
export const DOMAINS = ['enterprise-attack', 'mobile-attack', 'ics-attack'] as const;
export type Domain = (typeof DOMAINS)[number];

/** `source_name` of the external reference that carries an object's ATT&CK ID, per domain. */
export const ATTACK_SOURCE_NAMES: Readonly<Record<Domain, string>> = {
  'enterprise-attack': 'mitre-attack',
  'mobile-attack': 'mitre-mobile-attack',
  'ics-attack': 'mitre-ics-attack',
};

export type StixVersion = '2.0' | '2.1';

/** Where a release file came from, as `data list` reports it. */
export interface ReleaseSource {
  readonly file: string;
  /** sha256 of the file's bytes as stored (compressed or not). */
  readonly sha256: string;
  readonly origin?: string;
}

export interface TacticRecord {
  readonly id: string;
  readonly stixId: StixId;
  readonly shortname: TacticShortname;
  readonly name: string;
}

export interface TechniqueRecord {
  readonly id: TechniqueId;
  readonly stixId: StixId;
  readonly name: string;
  /** Tactic shortnames in matrix order. */
  readonly tactics: readonly TacticShortname[];
  readonly platforms: readonly string[];
  readonly subtechnique: boolean;
  /** Parent technique ID for a sub-technique. */
  readonly parent?: TechniqueId;
  readonly revoked: boolean;
  readonly deprecated: boolean;
  /** The STIX id named by this technique's `revoked-by` relationship (one step). */
  readonly revokedBy?: StixId;
  /** For a deprecated technique: technique IDs its description points to, in order of mention. */
  readonly deprecationPointers?: readonly TechniqueId[];
  /** The first sentence of the description, for explanations. */
  readonly summary: string;
  /**
   * The words of 2 to 6 capitals its description writes, sorted, when it writes any (T1048's alternate protocols: `DNS`,
   * `FTP`, `SMB`, ...): what a name written for it may name (`Exfiltration over SMB`).
   */
  readonly acronyms?: readonly string[];
  /**
   * True for a technique of someone other than MITRE (its `created_by_ref` names another identity, as ATT&CK Workbench
   * writes an organization's own objects): ATT&CK Navigator shows it only when it loads the same bundle as its data.
   */
  readonly custom?: true;
}

/** A group, software or campaign: a named thing with aliases that uses techniques. */
export interface ActorRecord {
  readonly id: string;
  readonly stixId: StixId;
  readonly type: 'intrusion-set' | 'malware' | 'tool' | 'campaign';
  readonly name: string;
  readonly aliases: readonly string[];
  readonly revoked: boolean;
  readonly deprecated: boolean;
  readonly revokedBy?: StixId;
  /** IDs of the techniques this object `uses`, sorted. */
  readonly techniques: readonly TechniqueId[];
  /** Campaigns: first and last seen dates (ISO), when given. */
  readonly firstSeen?: string;
  readonly lastSeen?: string;
  /** True for a team's own object, as for a technique (`TechniqueRecord.custom`): a group ATT&CK Workbench made (ACME-G1000). */
  readonly custom?: true;
}

/**
 * The compact, serializable form of one release's index. It is what the index cache stores, so it holds
 * only what lookups need, and `INDEX_FORMAT` changes whenever its shape does.
 */
export interface AttackIndexData {
  readonly format: number;
  readonly domain: Domain;
  readonly release: string;
  readonly stixVersion: StixVersion;
  readonly source: ReleaseSource;
  /** Number of STIX objects in the bundle, by type. */
  readonly objectCounts: Readonly<Record<string, number>>;
  readonly tactics: readonly TacticRecord[];
  readonly techniques: readonly TechniqueRecord[];
  readonly groups: readonly ActorRecord[];
  readonly software: readonly ActorRecord[];
  readonly campaigns: readonly ActorRecord[];
  /**
   * What was read otherwise than in a MITRE release, or left out, one sentence each (a TAXII envelope, a Workbench
   * collection, techniques of another domain or with IDs of another form, techniques not MITRE's); none for a release.
   */
  readonly notes?: readonly string[];
}

export const INDEX_FORMAT = 5;

/** A source cited by `uses` relationships: its `source_name` and, when it has one, its URL. */
export interface CitedSource {
  readonly name: string;
  readonly url?: string;
}

/** One `uses` relationship from a group, software or campaign to a technique: the procedure ATT&CK documents. */
export interface ProcedureRecord {
  /** The relationship's STIX id. */
  readonly relationship: StixId;
  /** The technique's STIX id (`target_ref`); it may be revoked or deprecated in the release. */
  readonly technique: StixId;
  /** The relationship's description as plain text (see `plainDescription`): no citation markers or Markdown links. */
  readonly text: string;
  /** Indexes into `ProcedureIndexData.sources`: the sources in order of citation, then any others it references. */
  readonly sources: readonly number[];
}

/** What attack-object layers need of a group, software or campaign beyond its `ActorRecord`. */
export interface ObjectDetails {
  /** The object's page on attack.mitre.org (the URL of its ATT&CK external reference). */
  readonly url?: string;
  /** `x_mitre_version` of the object. */
  readonly version?: string;
  /** `modified`, as a date (YYYY-MM-DD). */
  readonly modified?: string;
  /** The first sentence of its description. */
  readonly summary: string;
  /** Its `uses` relationships to techniques, in bundle order (revoked and deprecated relationships left out). */
  readonly procedures: readonly ProcedureRecord[];
  /** Campaigns: the STIX ids of the groups it is `attributed-to`. */
  readonly attributedTo?: readonly StixId[];
  /** Groups and campaigns: the STIX ids of the software (malware, tools) it `uses`, in bundle order. */
  readonly software?: readonly StixId[];
}

/**
 * The procedures of one release file, kept apart from `AttackIndexData` so that loading the index stays fast (they
 * are about 13 times its size); cached under the same content hash, loaded only by commands that show procedures.
 */
export interface ProcedureIndexData {
  readonly format: number;
  /** sha256 of the release file's bytes: the same key as the index's `source.sha256`. */
  readonly sha256: string;
  /** Every cited source once (a release cites ~1,800 sources ~30,000 times), in order of first citation. */
  readonly sources: readonly CitedSource[];
  /** Details by the object's STIX id. */
  readonly objects: Readonly<Record<StixId, ObjectDetails>>;
}

export const PROCEDURE_FORMAT = 3;

/** A log source an analytic needs: ATT&CK's name (`WinEventLog:Sysmon`, `auditd:SYSCALL`) and the channel in it. */
export interface LogSourceRef {
  readonly name: string;
  /** What to look for in it: an event code (`EventCode=1`), a syscall, or a description. */
  readonly channel?: string;
}

/** An ATT&CK analytic (`x-mitre-analytic`, AN0110): how to detect a technique on some platforms, from which logs. */
export interface AnalyticRecord {
  readonly id: string;
  readonly stixId: StixId;
  readonly url?: string;
  readonly platforms: readonly string[];
  readonly logSources: readonly LogSourceRef[];
  /** Its description as plain text. */
  readonly description: string;
}

/** An ATT&CK detection strategy (`x-mitre-detection-strategy`, DET0103): the analytics that detect its techniques. */
export interface DetectionStrategyRecord {
  readonly id: string;
  readonly stixId: StixId;
  readonly name: string;
  readonly url?: string;
  /** Its analytics' IDs (`x_mitre_analytic_refs`), in ATT&CK's order. */
  readonly analytics: readonly string[];
  /** STIX ids of the techniques it `detects`. */
  readonly techniques: readonly StixId[];
}

/** An ATT&CK mitigation (`course-of-action`, M1049). */
export interface MitigationRecord {
  readonly id: string;
  readonly stixId: StixId;
  readonly name: string;
  readonly url?: string;
}

/** One `mitigates` relationship: the mitigation's ID and what ATT&CK says it does against the technique. */
export interface MitigationUse {
  readonly mitigation: string;
  readonly text: string;
}

/**
 * What a release says about detecting and mitigating techniques: ATT&CK 18's detection strategies and analytics
 * (earlier releases have none) and the mitigations. Kept apart from `AttackIndexData` like the procedures, in its own
 * cache file under the same content hash, so loading the index stays as fast for commands that do not need it.
 */
export interface DetectionIndexData {
  readonly format: number;
  /** sha256 of the release file's bytes: the same key as the index's `source.sha256`. */
  readonly sha256: string;
  /** Current detection strategies, sorted by ID. */
  readonly strategies: readonly DetectionStrategyRecord[];
  /** Current analytics, sorted by ID. */
  readonly analytics: readonly AnalyticRecord[];
  /** Current mitigations, sorted by ID. */
  readonly mitigations: readonly MitigationRecord[];
  /** The mitigations of each technique, by the technique's STIX id, sorted by mitigation ID. */
  readonly mitigates: Readonly<Record<StixId, readonly MitigationUse[]>>;
}

export const DETECTION_FORMAT = 2;
