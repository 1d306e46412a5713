// Generated from schemas/campaign.schema.json by scripts/generate-types.mjs (npm run types). Do not edit: change the schema.

/**
 * A report: its URL, or a mapping with its url and/or title.
 */
export type Source =
  | {
      [k: string]: unknown;
    }
  | {
      /**
       * Where the report can be read.
       */
      url?: string;
    };
/**
 * Platforms the campaign touched, as ATT&CK names them.
 */
export type StringList = string[];
/**
 * Free-form labels for finding and grouping campaigns.
 */
export type StringList1 = string[];
/**
 * One technique reference: the text as written, or a mapping with `ref` and details.
 */
export type Technique = Ref | TechniqueEntry;
/**
 * The reference as written in the report. It may span several lines (a table cell that wrapped); it is kept as written.
 */
export type Ref = string;
/**
 * Platforms the technique was seen on, when narrower than the campaign's.
 */
export type StringList2 = string[];
/**
 * One software reference: a name, alias or ID as written, or a mapping with `ref` and details.
 */
export type Software = Ref | SoftwareEntry;

/**
 * What an analyst writes down from one or more threat reports about one intrusion: who, when, where it was reported, and the ATT&CK techniques and software the reports name, written as the reports write them. Written in YAML (1.2) or JSON; keys are snake_case. attack-layers normalizes the references to a current ATT&CK release and renders Navigator layers from them.
 */
export interface CampaignFile {
  /**
   * A short human-readable name for the campaign; it becomes the layer's name.
   */
  name: string;
  /**
   * A stable identifier for the campaign, used for output file names. Defaults to the campaign file's name without its extension.
   */
  id?: string;
  /**
   * The group behind the campaign as the report names it: an ATT&CK group name, one of its aliases, or its ATT&CK ID.
   */
  actor?: string;
  /**
   * ATT&CK objects to compare the campaign's techniques with (`attack-layers compare`): groups, campaigns or software, by ATT&CK ID, name or alias. Without it, compare uses the actor.
   *
   * @minItems 1
   */
  compare_with?: string | string[];
  /**
   * Free text: what happened, and anything a reader of the layer should know. Becomes the layer's description.
   */
  description?: string;
  /**
   * When the activity was first seen, as precisely as the report says: YYYY-MM-DD, YYYY-MM or YYYY.
   */
  first_seen?: string | number;
  /**
   * When the activity was last seen, as precisely as the report says: YYYY-MM-DD, YYYY-MM or YYYY.
   */
  last_seen?: string | number;
  /**
   * When the (main) report was published: YYYY-MM-DD, YYYY-MM or YYYY.
   */
  published?: string | number;
  /**
   * The reports the campaign was written from: each a URL, or a mapping with a url and/or a title.
   */
  sources?: Source[];
  /**
   * The ATT&CK matrix the techniques belong to; enterprise, mobile and ics stand for enterprise-attack, mobile-attack and ics-attack. Default: the CLI's --domain, else enterprise-attack.
   */
  domain?: 'enterprise-attack' | 'mobile-attack' | 'ics-attack' | 'enterprise' | 'mobile' | 'ics';
  /**
   * The ATT&CK release the report's technique IDs and names come from, e.g. "6.3" for a report written in early 2020. References are first read in that release, then brought to the current one (revoked IDs follow their replacements). Write it as a string; a YAML number such as 6.3 is read exactly as written (10.10 stays "10.10"). A major version alone, as advisories write it ("This advisory uses the MITRE ATT&CK for Enterprise framework, version 12"), is read as the newest release of that version at hand (12.1). Leave it out when unsure.
   */
  attack_version?: string | number;
  /**
   * How sure the analyst is that the techniques were used, for every technique that gives no confidence of its own.
   */
  confidence?:
    | ('low' | 'medium' | 'high')
    | {
        [k: string]: unknown;
      };
  platforms?: StringList;
  tags?: StringList1;
  /**
   * The techniques the report names or describes, each written as the report writes it: an ATT&CK ID, a name, or both ("Spearphishing Attachment (T1193)"), old and revoked IDs included. An entry is either that text alone or a mapping with `ref` and details.
   */
  techniques?: Technique[];
  /**
   * Malware and tools the report names: an ATT&CK software name, alias or ID, or a mapping with `ref` and details. By default the techniques ATT&CK documents for each one are added to the campaign as inferred techniques.
   */
  software?: Software[];
}
export interface TechniqueEntry {
  /**
   * The reference as written in the report. It may span several lines (a table cell that wrapped); it is kept as written.
   */
  ref: string;
  /**
   * The tactic(s) the report lists the technique under, by name or shortname. Without it, the technique counts under all its tactics.
   */
  tactic?: string | string[];
  /**
   * How sure the analyst is that the technique was used; overrides the campaign's default confidence.
   */
  confidence?:
    | ('low' | 'medium' | 'high')
    | {
        [k: string]: unknown;
      };
  /**
   * An explicit score for the technique in the layer; overrides the scoring model.
   */
  score?: number;
  /**
   * The analyst's note: why this technique, what the report says (in English when the report is not).
   */
  comment?: string;
  /**
   * The report's own words that support the technique, quoted as written.
   */
  evidence?: string;
  /**
   * Which of the campaign's `sources` the reference comes from, when the campaign was written from several reports: the url or the title of one source (case and spacing aside), or a list of them. The layer links the technique to those reports only, and names them in its metadata; without it, the technique is linked to every source.
   *
   * @minItems 1
   */
  report?: string | string[];
  /**
   * Where in the report the reference is: a section, table, figure or page.
   */
  source?: string;
  platforms?: StringList2;
}
export interface SoftwareEntry {
  /**
   * The reference as written in the report. It may span several lines (a table cell that wrapped); it is kept as written.
   */
  ref: string;
  /**
   * The analyst's note on this software.
   */
  comment?: string;
  /**
   * Add the techniques ATT&CK documents for this software to the campaign as inferred techniques.
   */
  infer?: boolean;
}
