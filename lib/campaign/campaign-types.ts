import type { Domain } from '../attack/types.js';

/** How sure the analyst is: a word, or a number from 0 to 100. */
export type Confidence = 'low' | 'medium' | 'high' | number;

/** One technique reference of a campaign, as written in the file. */
export interface CampaignTechniqueEntry {
  /** The reference exactly as written (an ID, a name, both; possibly several lines). */
  ref: string;
  /** Tactics as written (names or shortnames); empty when the entry gives none. */
  tactics: string[];
  /** The entry's own confidence; when absent, `Campaign.confidence` applies (the reader does not copy it here). */
  confidence?: Confidence;
  score?: number;
  comment?: string;
  evidence?: string;
  /** Where in the report the reference is. */
  source?: string;
  /** The campaign's sources the reference comes from, as written (a url or title of one of `Campaign.sources`). */
  reports?: string[];
  platforms?: string[];
  /** 1-based line of the entry in the campaign file. */
  line?: number;
  /** JSON path of the entry, e.g. `/techniques/3`. */
  path: string;
}

/** One software reference of a campaign. */
export interface CampaignSoftwareEntry {
  /** The software as written: a name, alias or ATT&CK ID. */
  ref: string;
  comment?: string;
  /** Pull in the techniques ATT&CK documents for this software (default true). */
  infer: boolean;
  line?: number;
  /** JSON path of the entry, e.g. `/software/0`. */
  path: string;
}

/** A report the campaign was written from. */
export interface CampaignSource {
  url?: string;
  title?: string;
}

/** A campaign file after reading: defaults applied, camelCase, every entry with its place in the file. */
export interface Campaign {
  /** The file it was read from, as given. */
  file: string;
  /** `id` from the file, or the file name without its extension. */
  id: string;
  name: string;
  description?: string;
  /** The actor as written (group name, alias or ID). */
  actor?: { ref: string; line?: number };
  /** ATT&CK objects to compare the campaign with (`compare_with`), as written. */
  compareWith?: { ref: string; line?: number; path: string }[];
  /** Dates as written: YYYY-MM-DD, YYYY-MM or YYYY. */
  firstSeen?: string;
  lastSeen?: string;
  published?: string;
  sources: CampaignSource[];
  domain: Domain;
  /** The ATT&CK release the report's IDs come from, e.g. "6.3". */
  attackVersion?: string;
  /** Default confidence for entries that give none. */
  confidence?: Confidence;
  platforms: string[];
  tags: string[];
  techniques: CampaignTechniqueEntry[];
  software: CampaignSoftwareEntry[];
  /** What the reader repaired in the file (an unquoted `- Name: Sub-name` read as one name), one line each. */
  repairs?: string[];
  /**
   * Entries of `techniques`, `software`, `sources`, `compare_with`, `platforms` or `tags` the reader could not read and left out (the rest of the campaign
   * is read as usual), each with its JSON path, line and what is wrong and what to write instead.
   */
  leftOut?: { path: string; line?: number; column?: number; message: string }[];
  /**
   * Values of a technique's `report:` that name none of `sources` (the reference is read, and linked to every source),
   * each with the JSON pointer and line of the value as written (`/techniques/2/report`, `/techniques/2/report/1`).
   */
  unknownReports?: { path: string; line?: number; report: string; message: string }[];
}
