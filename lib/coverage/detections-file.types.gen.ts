// Generated from schemas/detections.schema.json by scripts/generate-types.mjs (npm run types). Do not edit: change the schema.

/**
 * A defender's inventory of detections and the ATT&CK techniques each one covers, as the team writes them. Written in YAML (1.2) or JSON: a list of detections, or an object with a `detections` list. (The same columns can be given as CSV; see lib/coverage/read-detections.ts.) Technique references are kept as written and resolved against ATT&CK later.
 */
export type DetectionsFile =
  | DetectionList
  | {
      detections: DetectionList;
      /**
       * Free text about the inventory: whose it is, when it was taken.
       */
      description?: string;
    };
export type DetectionList = Detection[];

/**
 * One detection (a SIEM rule, an EDR analytic, a hunting query) and what it covers.
 */
export interface Detection {
  /**
   * The detection's name as the team knows it.
   */
  name: string;
  /**
   * The detection's identifier in the team's tooling, if any.
   */
  id?: string;
  /**
   * ATT&CK technique references in any shape ('T1059.001', 'T1086', 'PowerShell (T1086)'): a list, or one text where ';', '|' or line breaks separate references. A detection without techniques is ignored.
   */
  techniques?: string | string[];
  /**
   * How well the detection covers its techniques: a number 0-100 (percent) or a word: none 0, low 25, medium 50, high 100 (lower case; a CSV file may use any case). Missing means full coverage: the detection is deployed and nobody said otherwise.
   */
  coverage?: number | ('none' | 'low' | 'medium' | 'high');
  /**
   * ATT&CK platforms the detection runs on ('Windows', 'Linux', 'macOS', 'IaaS'...): a list or one text separated by ';', '|' or ','.
   */
  platforms?: string | string[];
  /**
   * The data the detection reads, as the team names it: a list or one text separated by ';', '|' or ','.
   */
  data_sources?: string | string[];
  /**
   * Free text, e.g. known blind spots.
   */
  comment?: string;
}
