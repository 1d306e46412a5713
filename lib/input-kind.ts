import { dirname, extname, join } from 'node:path';
import { InputError } from './errors.js';
import { isThreatIntelBundle, THREAT_INTEL_BUNDLE, THREAT_INTEL_BUNDLE_USE } from './attack/index-bundle.js';
import { jsonTextRepairs, parseJsonText } from './json-text.js';
import { MAX_ALIAS_COUNT, parseYamlDocument } from './yaml-value.js';
import { isJsonObject, type JsonObject } from './json-value.js';
import { STDIN, STDIN_NAME } from './read-text.js';
import { isMispEvent } from './extract/misp-event-references.js';
import { attackFlowFormat } from './extract/attack-flow-references.js';
import { isTtpList } from './extract/ttp-list-shape.js';
import { hasCampaignShape } from './campaign/campaign-fields.js';
import { isScytheThreat } from './extract/scythe-threat-references.js';
import { firstFew } from './short-list.js';
import { fieldMeant } from './campaign/suggest-field.js';
import { readsAsDetection } from './coverage/detection-fields.js';

/** The kinds of file users hand the tool, told apart by their content. */
export type InputKind =
  | 'campaign'
  | 'layer'
  | 'stix-bundle'
  | 'stix-threat-intel'
  | 'misp-event'
  | 'attack-flow'
  | 'gap-report'
  | 'sigma-rule'
  | 'detections'
  | 'sentinel-export'
  | 'qradar-mappings'
  | 'sumo-rules'
  | 'splunk-searches'
  | 'defender-rules'
  | 'datadog-rules'
  | 'dettect-techniques'
  | 'dettect-data-sources'
  | 'dettect-groups'
  | 'car-analytic'
  | 'atomic-tests'
  | 'attack-sightings'
  | 'emulation-plan'
  | 'ttp-list'
  | 'caldera-adversary'
  | 'attack-mapping'
  | 'attack-data-sheet'
  | 'layer-addresses'
  | 'report-text'
  | 'gap-report-text';

/**
 * What a review wrote, as against what it read: a gap report given to gap (as its threat or coverage) or to extract,
 * where the layers `gap` writes beside its report (lib/cli/commands/gap.ts) are what those read.
 */
const REVIEW_OUTPUT =
  'gap --coverage reads the rules or detections a review read, or the coverage layer gap wrote beside its report (<beside:coverage.layer.json>); ' +
  "the review's gaps are drawn in <beside:gap.layer.json>";

/** What each kind is called, and what to do with it: the words of every "wrong kind of file" message. */
const KINDS: Readonly<Record<InputKind, readonly [name: string, use: string]>> = {
  campaign: ['a campaign file', 'use normalize, render or compare (gap takes it as --threat)'],
  layer: ['an ATT&CK Navigator layer', 'use validate, upgrade, combine or export (gap takes it as --threat or --coverage; compare sets it against an ATT&CK group, campaign or software)'],
  'stix-bundle': ['an ATT&CK STIX bundle', 'give it with --attack <file>, or add it to the cache with `attack-layers data add`; for the techniques of a group, software or campaign it holds, `attack-layers attack-object <name>`'],
  'stix-threat-intel': [THREAT_INTEL_BUNDLE, THREAT_INTEL_BUNDLE_USE],
  'misp-event': [
    "a MISP event in MISP's JSON format (or a list of them, or the attributes of a search)",
    'to map the ATT&CK techniques its galaxies and tags name, make a campaign file of them with `attack-layers extract <file>` and review it',
  ],
  'attack-flow': [
    'an Attack Flow (its STIX bundle of attack-action objects, or an Attack Flow Builder .afb or Designer .afd file)',
    'to map the ATT&CK techniques its actions name, make a campaign file of them with `attack-layers extract <file>` and review it',
  ],
  'gap-report': ['a gap report (gap --report json)', `use export to draw or tabulate it; it is no threat or coverage: ${REVIEW_OUTPUT}`],
  // Its Markdown or CSV given to export: the CSV's `technique` column had it said to be a detections file, and gap
  // --coverage read its rows as detections; extract read the Markdown as a threat report.
  'gap-report-text': [
    "gap's report as Markdown or CSV (gap --report md or csv)",
    `it reports a review, and is no threat, coverage or report to extract from: ${REVIEW_OUTPUT}; ` +
      'export tabulates the review from its JSON: run gap again with --report json (--force to replace the review) and export that gap-report.json (the CSV opens in a spreadsheet as it is)',
  ],
  'sigma-rule': ['a Sigma rule', 'give it (or its folder) to gap --coverage'],
  detections: ['a detections file', 'give it to gap --coverage'],
  'sentinel-export': ['a Microsoft Sentinel export of analytic rules (an ARM template)', 'give it to gap --coverage'],
  'qradar-mappings': ["QRadar's MITRE mappings of its rules (Use Case Manager)", 'give it to gap --coverage'],
  'sumo-rules': ['Sumo Logic Cloud SIEM rules (its API\'s list, or its content catalog)', 'give it to gap --coverage'],
  'datadog-rules': ['Datadog Cloud SIEM detection rules (its API\'s list, or one rule)', 'give it to gap --coverage'],
  'defender-rules': ['Microsoft Defender XDR custom detection rules (Microsoft Graph\'s detectionRules)', 'give it to gap --coverage'],
  'splunk-searches': ["Splunk's saved searches as its REST API lists them (saved/searches?output_mode=json, or | rest results as CSV, JSON or JSON lines)", 'give it to gap --coverage'],
  'dettect-techniques': ['a DeTT&CT technique administration file', 'give it to gap --coverage'],
  'dettect-data-sources': [
    'a DeTT&CT data source administration file',
    'gap --coverage reads DeTT&CT technique administration files (file_type: technique-administration), which score detections per technique',
  ],
  'dettect-groups': [
    'a DeTT&CT group administration file',
    'to map the ATT&CK techniques of its groups, make a campaign file of them with `attack-layers extract <file>` (--actor NAME for one group) and review it; ' +
      'gap --coverage reads DeTT&CT technique administration files (file_type: technique-administration)',
  ],
  'car-analytic': [
    'a MITRE CAR analytic',
    'it holds what an analytic could detect (its "coverage") and implementations to write a rule from, no deployed rule: ' +
      'give gap --coverage the rules you deployed from it, or list them in a detections file (name, techniques, coverage)',
  ],
  'atomic-tests': [
    'Atomic Red Team tests (a test file, or an index of them)',
    "its tests run a technique and detect nothing, and are no adversary's doing: give gap --coverage the rules that fire on them, " +
      'and gap --threat what an adversary does (a campaign file, or a layer of a group from attack-object); ' +
      'to list the tests that exercise each threat technique, give them to gap --tests',
  ],
  'emulation-plan': [
    "an adversary emulation plan (MITRE CTID's Adversary Emulation Library YAML, CALDERA abilities: steps with a tactic and technique: attack_id, or a SCYTHE threat: steps tagged att&ck-technique:)",
    'to map the ATT&CK techniques of its steps, make a campaign file of them with `attack-layers extract <file>` and review it',
  ],
  'ttp-list': [
    "a list of an actor's techniques (TTPs: `ttps:`, `ttp_definitions:`, a playbook's `steps:` or `tasks:` with each technique's ID, or a file's own `mitre:` block of them)",
    'to map its techniques, make a campaign file of them with `attack-layers extract <file>` (each entry\'s tactic and procedure kept) and review it',
  ],
  'caldera-adversary': [
    'a CALDERA adversary profile (its atomic_ordering lists abilities by their ids, and names no technique)',
    "to map its techniques, make a campaign file with `attack-layers extract` of the emulation plan it was made from (CTID's Emulation_Plan/yaml), or of its abilities' files (data/abilities/**/<id>.yml), which name each ability's technique and tactic",
  ],
  'attack-mapping': [
    "a mapping of ATT&CK techniques to another framework (VERIS actions, security controls, vulnerabilities), as CTID's ATT&CK to VERIS, Mappings Explorer and Security Stack Mappings publish them",
    "it relates techniques to that framework's items, and is neither what an adversary did nor a rule you deployed: " +
      "for its techniques in Navigator, use the layers its project publishes beside it (Mappings Explorer's and Security Stack Mappings' layers, attack_to_veris's frameworks/veris/layers), which validate, upgrade, combine, export and gap read",
  ],
  'attack-data-sheet': [
    "ATT&CK's own data as a table (a sheet of mitreattack-python's attackToExcel as JSON records: ID, STIX ID, name, tactics …)",
    "it lists what ATT&CK holds, not what an adversary did or what you detect: for the techniques of a group, software or campaign, `attack-layers attack-object <name>`; to look techniques up, `attack-layers technique <IDs>`; ATT&CK itself is read from its STIX bundle (--attack)",
  ],
  'layer-addresses': [
    'a list of the addresses of JSON files (URLs ending .json, alone or in records such as { title, url }), as an index of published Navigator layers lists them',
    "attack-layers reads the files it is given and fetches nothing but ATT&CK's own data (`attack-layers data fetch`): download the layers its URLs name, then give the files to validate, upgrade, combine, export or gap (--threat or --coverage)",
  ],
  'report-text': [
    "a report's text",
    'make a campaign file of its technique references with `attack-layers extract <file> > campaign.yaml`, review it, then normalize or render that',
  ],
  'attack-sightings': [
    "ATT&CK technique sightings (a list of objects with a sightingType and their techniques, as MISP's attack-sightings export writes them)",
    "to map the techniques, export the event in MISP's JSON format (returnFormat json) and make a campaign file of its ATT&CK galaxies with `attack-layers extract <file>`",
  ],
};

/** DeTT&CT's `file_type` values (`techniques-administration` is how its wiki writes one) and their kinds. */
const DETTECT_KINDS: Readonly<Record<string, InputKind>> = {
  'technique-administration': 'dettect-techniques',
  'techniques-administration': 'dettect-techniques',
  'data-source-administration': 'dettect-data-sources',
  'group-administration': 'dettect-groups',
};


const techniquesOf = (value: JsonObject): unknown[] => (Array.isArray(value['techniques']) ? (value['techniques'] as unknown[]) : []);

/**
 * A layer states its format (`versions`, or `version` before 4.0: "2.2", "3.0") or has entries with `techniqueID`. A
 * `version` of three parts alone is another file's own version (a package.json's "1.0.0", a SARIF log's "2.1.0"), not a
 * layer's format, unless the file has a layer's `domain` or `techniques` beside it.
 */
const isLayerLike = (value: JsonObject): boolean =>
  'versions' in value ||
  ('version' in value && (!/^\d+\.\d+\.\d+/.test(String(value['version'])) || 'domain' in value || 'techniques' in value)) ||
  techniquesOf(value).some((t) => isJsonObject(t) && 'techniqueID' in t);

/**
 * An array of layers (Navigator's multi-layer file): some element is layer-like or states a `domain` (which a
 * detection never has), and none writes a technique as text, as detections and campaigns do. Every element counts,
 * not only the first: a first layer with no entries and no `versions` looks like a detection without techniques.
 */
const isLayerArray = (value: unknown[]): boolean =>
  value.some((item) => isJsonObject(item) && (isLayerLike(item) || 'domain' in item)) &&
  !value.some((item) => isJsonObject(item) && (typeof item['techniques'] === 'string' || techniquesOf(item).some((t) => typeof t === 'string')));

/**
 * The kind of a parsed JSON or YAML value, when it is clearly one (undefined otherwise). A layer and a campaign may
 * both have `domain` and `techniques`: a campaign's techniques are texts or `{ ref }` mappings, a layer's have
 * `techniqueID`, and a layer states its format (`versions`, or `version` before 4.0). An array is told by all its
 * elements (`isLayerArray`). A STIX bundle is an ATT&CK release, or threat intelligence that names techniques
 * (`isThreatIntelBundle`: by whether ATT&CK's matrix, tactics or collection are among its objects); a MISP event is
 * told by its `Event` (`isMispEvent`); an Attack Flow by its actions' and flow's objects (`attackFlowFormat`). A
 * mapping of ATT&CK to another framework (`isAttackMapping`) and ATT&CK's own data as records (`STIX ID`) have a
 * campaign's or a layer's fields too, and are told before either.
 */
export function kindOfValue(value: unknown): InputKind | undefined {
  // An array is told by its first object: an element before it that is no object (null in a file of layers) is left out by its reader.
  const first: unknown = Array.isArray(value) ? value.find(isJsonObject) : value;
  if (!isJsonObject(first)) return isJsonAddressList(value) ? 'layer-addresses' : undefined;
  const other = nonRuleKind(first);
  if (other) return other;
  // MITRE CTID's Attack Flow: a STIX bundle of attack-action objects (threat intelligence too), a Builder or Designer file.
  if (attackFlowFormat(first)) return 'attack-flow';
  if (first['type'] === 'bundle' && Array.isArray(first['objects'])) return isThreatIntelBundle(first['objects']) ? 'stix-threat-intel' : 'stix-bundle';
  // MISP's own format: `{ Event }`, the REST search's `{ response: [{ Event }] }` or `{ response: { Attribute } }` (misp-event-references.ts).
  if (isMispEvent(value)) return 'misp-event';
  // CTID's Adversary Emulation Library (its `emulation_plan_details`, then steps) and CALDERA's abilities: `technique: { attack_id }`.
  // SCYTHE's threats (scythe-io/community-threats `*_scythe_threat.json`): steps whose tags name their techniques.
  if ('emulation_plan_details' in first || isEmulationStep(first) || isScytheThreat(first)) return 'emulation-plan';
  // CALDERA's adversary profiles (mitre/stockpile data/adversaries/*.yml): abilities by their ids, in order.
  if (Array.isArray(first['atomic_ordering']) && typeof first['name'] === 'string') return 'caldera-adversary';
  // Sentinel's analytic rules: an ARM template of them (Export), the REST API's list, or a Content Hub package.
  if (sentinelAlertRules(value)) return 'sentinel-export';
  // QRadar's Use Case Manager: a list of { rulename, mapping } (read-qradar-mappings.ts).
  if (Array.isArray(value) && value.some((item) => isJsonObject(item) && typeof item['rulename'] === 'string' && isJsonObject(item['mapping']))) return 'qradar-mappings';
  if (sumoRules(value)) return 'sumo-rules';
  if (splunkSavedSearches(value) || savedSearchRows(value)) return 'splunk-searches';
  if (defenderDetectionRules(value)) return 'defender-rules';
  if (datadogRules(value)) return 'datadog-rules';
  if ('rows' in first && 'formulas' in first && !('techniques' in first)) return 'gap-report';
  // MISP's attack-sightings export (app/Lib/Export/AttackSightingsExport.php): a list of { id, sightingType, startTime,
  // endTime, detectionType, techniques: [{ techniqueID }] }, whose techniques read like a layer's entries.
  if ((typeof first['sightingType'] === 'string' || typeof first['sighting_type'] === 'string') && Array.isArray(first['techniques'])) return 'attack-sightings';
  if ('logsource' in first && 'detection' in first) return 'sigma-rule';
  // Its records have a `domain` and a `version` as a layer has: told before layers are.
  if (typeof first['STIX ID'] === 'string') return 'attack-data-sheet';
  // Its `attack_version` and `techniques` are a campaign's fields, its `version` a layer's: told before either.
  if (isAttackMapping(first)) return 'attack-mapping';
  // An actor's techniques as analysts and red teams list them: `ttps: [{ technique_id, tactic, procedure }]` (ttp-list-shape.ts).
  if (!Array.isArray(value) && isTtpList(first)) return 'ttp-list';
  const techniques = techniquesOf(first);
  const layerLike = isLayerLike(first) || (Array.isArray(value) && isLayerArray(value));
  // A detections file is a list of detections, or a mapping with a `detections` list; a campaign is one mapping. A list's
  // detection may name its fields as teams do (`technique_id`), as read-detections reads them (readsAsDetection).
  if (Array.isArray(first['detections']) && !('techniques' in first)) return 'detections';
  if (Array.isArray(value) && ('techniques' in first || readsAsDetection(first)) && !layerLike) return 'detections';
  // A layer that states its format and whose entries are mostly entries (`techniqueID`) is a layer with a few bad ones
  // (a bare "T1059" among them), which its reader leaves out saying so, not a campaign.
  const campaignItems = techniques.filter((t) => typeof t === 'string' || (isJsonObject(t) && 'ref' in t)).length;
  const layerEntries = techniques.filter((t) => isJsonObject(t) && 'techniqueID' in t).length;
  const statedLayer = isJsonObject(first['versions']) && layerEntries > campaignItems;
  // `techniques` as a mapping (of IDs, or of tactics to IDs) beside a campaign's `name` is a campaign written by hand;
  // a layer's is a list.
  const mapped = !Array.isArray(value) && typeof first['name'] === 'string' && isJsonObject(first['techniques']) && !layerLike;
  // A campaign's own shape whose entries name their fields as a feed does (`technique_id:`) is read as normalize reads it.
  const shaped = !Array.isArray(value) && !layerLike && hasCampaignShape(first);
  if ('attack_version' in first || (campaignItems > 0 && !statedLayer) || mapped || shaped) return 'campaign';
  if (layerLike) return 'layer';
  return isJsonAddressList(value) ? 'layer-addresses' : undefined;
}

// The address of a JSON file: an http(s) URL whose path ends .json (`…/Stealer%20Malware/combined.json`).
const JSON_URL = /^https?:\/\/[^\s?#]+\.json(?:[?#]\S*)?$/i;

/**
 * A list of the addresses of JSON files: each item a URL of one, or a record holding one (tropChaud's
 * Cyber-Adversary-Heatmaps, "Current Intelligence Reports/current_intel_index.json": `{ title, url }` of each layer it
 * publishes). Told last, when the list is of no other kind: a layer or a detection has no such field at its top.
 */
const isJsonAddressList = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => (typeof item === 'string' ? JSON_URL.test(item.trim()) : isJsonObject(item) && Object.values(item).some((field) => typeof field === 'string' && JSON_URL.test(field.trim()))));

// A Sentinel alert rule as Azure writes it: `type` …/alertRules (Microsoft.SecurityInsights/alertRules, or
// Microsoft.OperationalInsights/workspaces/providers/alertRules in an ARM template); its `properties` say the rule.
const isAlertRule = (value: unknown): value is JsonObject => isJsonObject(value) && typeof value['type'] === 'string' && /\/alertRules$/i.test(value['type']);
// An analytic rule template of a Content Hub solution package (Solutions/*/Package/mainTemplate.json): what a
// workspace may create a rule from, inside a contentTemplates resource's mainTemplate.
const isAlertRuleTemplate = (value: unknown): value is JsonObject =>
  isJsonObject(value) && typeof value['type'] === 'string' && /\/alertRuleTemplates$/i.test(value['type']) && isJsonObject(value['properties']);

/** An analytic rule template of a Content Hub package and the package resource (contentTemplates, templateSpecs) that holds it. */
export interface SentinelTemplate {
  template: JsonObject;
  resource: JsonObject;
}

/**
 * The Sentinel analytic rules a JSON value holds and how it holds them: the resources of an ARM template (the portal's
 * Export; `type` …/alertRules, whatever else they hold), the `value` list the REST API returns (GET …/alertRules), a list of rules (az sentinel alert-rule list) or
 * one rule (GET …/alertRules/{id}); `templates`, the analytic rule templates of a Content Hub solution package, each with
 * the resource that holds it.
 * Undefined when it holds none.
 */
export function sentinelAlertRules(value: unknown): { shape: 'arm' | 'rest' | 'list' | 'one'; rules: JsonObject[]; templates: SentinelTemplate[] } | undefined {
  const found = (shape: 'arm' | 'rest' | 'list' | 'one', items: unknown[]) => {
    const rules = items.filter(isAlertRule);
    const templates =
      shape === 'arm'
        ? items.flatMap((item) => {
            const main = isJsonObject(item) && isJsonObject(item['properties']) ? item['properties']['mainTemplate'] : undefined;
            return isJsonObject(main) && Array.isArray(main['resources'])
              ? main['resources'].filter(isAlertRuleTemplate).map((template) => ({ template, resource: item as JsonObject }))
              : [];
          })
        : [];
    return rules.length || templates.length ? { shape, rules, templates } : undefined;
  };
  if (Array.isArray(value)) return found('list', value);
  if (!isJsonObject(value)) return undefined;
  // An ARM template's resources (its `$schema` is not needed to tell them).
  if (Array.isArray(value['resources'])) return found('arm', value['resources']);
  if (Array.isArray(value['value'])) return found('rest', value['value']);
  return isAlertRule(value) ? { shape: 'one', rules: [value], templates: [] } : undefined;
}

// A Sumo Logic Cloud SIEM rule: a name, its tags (`_mitreAttackTechnique:T1046`) and its score, as the API
// (`scoreMapping`, `enabled`) or the content catalog (`score_mapping`, `enabled_by_default`) writes them; a first
// seen or outlier rule has a `score` of its own instead (the catalog's FIRST-S… rules: `"score": 3`).
const isSumoRule = (value: unknown): value is JsonObject =>
  isJsonObject(value) &&
  typeof value['name'] === 'string' &&
  Array.isArray(value['tags']) &&
  ('scoreMapping' in value || 'score_mapping' in value || typeof value['score'] === 'number');

/**
 * The Sumo Logic Cloud SIEM rules a JSON value holds and how: the API's `{ data: { objects } }` (GET /sec/v1/rules),
 * a list of rules, or the content catalog's rules by id (SumoLogic/cloud-siem-content-catalog audit/rules.json).
 * Undefined when it holds none.
 */
export function sumoRules(value: unknown): { shape: 'api' | 'list' | 'catalog'; rules: JsonObject[] } | undefined {
  const found = (shape: 'api' | 'list' | 'catalog', items: unknown[]) => {
    const rules = items.filter(isSumoRule);
    return rules.length ? { shape, rules } : undefined;
  };
  if (Array.isArray(value)) return found('list', value);
  if (!isJsonObject(value)) return undefined;
  const data = value['data'];
  if (isJsonObject(data) && Array.isArray(data['objects'])) return found('api', data['objects']);
  return found('catalog', Object.values(value));
}

/**
 * Whether a CSV header row is that of `| rest /servicesNS/-/-/saved/searches` results (a search's fields by their
 * savedsearches.conf keys, as Splunk exports a search's results): a `title` column, the search's name, and a column of
 * the keys that make a search a detection (`action.correlationsearch.*`, ESCU's `action.escu.mappings`).
 */
export function isSavedSearchesHeader(cells: readonly string[]): boolean {
  const names = cells.map((cell) => cell.trim());
  return names.includes('title') && names.some((name) => name.startsWith('action.correlationsearch.') || name === 'action.escu.mappings');
}

/**
 * The rows of `| rest /servicesNS/-/-/saved/searches` results as Splunk writes a search's results in JSON (`{ results:
 * [ … ] }`, output_mode=json) or as a list of them: each row a search's fields by their savedsearches.conf keys, named
 * by its `title`; told by a row whose fields are such a header (isSavedSearchesHeader). Undefined when the value holds none.
 */
export function savedSearchRows(value: unknown): JsonObject[] | undefined {
  const rows = Array.isArray(value) ? value : isJsonObject(value) && Array.isArray(value['results']) ? value['results'] : undefined;
  const titled = (rows ?? []).filter((row): row is JsonObject => isJsonObject(row) && typeof row['title'] === 'string');
  return titled.some((row) => isSavedSearchesHeader(Object.keys(row))) ? titled : undefined;
}

// How a line of Splunk's JSON export starts: its first key, `preview` (or `result`, when a writer leaves it out).
const RESULT_LINE_START = /^\s*\{\s*"(?:preview|result)"\s*:/;

/**
 * Search results as Splunk writes them in JSON lines (Splunk Web's Export > JSON, search/jobs/export?output_mode=json):
 * one `{"preview": false, "result": { … }}` per line, `result` a row of the results. Told by the first line that starts
 * so (`{"preview"` or `{"result"`, as Splunk writes its keys) and is JSON being such an object; undefined otherwise (a
 * layer or other JSON written on one line is not parsed here). A line that is no JSON, or no row, is given by its
 * number (`unread`), and the rows are read as a list of them is (savedSearchRows).
 */
export function splunkResultLines(text: string): { rows: JsonObject[]; unread: { line: number; message: string }[] } | undefined {
  const lines = text.split('\n');
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line) as unknown;
    } catch (error) {
      return error as Error;
    }
  };
  let first: unknown;
  for (const line of lines) {
    if (!RESULT_LINE_START.test(line)) continue;
    first = parse(line.trim());
    if (!(first instanceof Error)) break;
  }
  if (!isJsonObject(first) || !isJsonObject(first['result']) || !('preview' in first)) return undefined;
  const rows: JsonObject[] = [];
  const unread: { line: number; message: string }[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim()) return;
    const value = parse(raw.trim());
    if (value instanceof Error) unread.push({ line: i + 1, message: `not JSON (${value.message}); each line of Splunk's JSON export is one result; skipped` });
    else if (isJsonObject(value) && isJsonObject(value['result'])) rows.push(value['result']);
    else unread.push({ line: i + 1, message: 'no "result" object; each line of Splunk\'s JSON export is one result; skipped' });
  });
  return { rows, unread };
}

/**
 * The saved searches of Splunk's REST API (GET /servicesNS/-/-/saved/searches?output_mode=json): `{ entry: [ … ] }`,
 * each entry a search named by `name`, its savedsearches.conf keys in `content` (every saved search has a `search`),
 * told from the API's other lists with a `search` (search jobs) by where they are (`origin`, an entry's `id`:
 * …/saved/searches) or by a correlation search's keys. Undefined when the value holds none.
 */
export function splunkSavedSearches(value: unknown): JsonObject[] | undefined {
  if (!isJsonObject(value) || !Array.isArray(value['entry'])) return undefined;
  const saved = (place: unknown) => typeof place === 'string' && /\/saved\/searches(?:\/|$)/.test(place);
  const entries = value['entry'].filter(
    (entry): entry is JsonObject =>
      isJsonObject(entry) &&
      typeof entry['name'] === 'string' &&
      isJsonObject(entry['content']) &&
      'search' in entry['content'] &&
      (saved(value['origin']) || saved(entry['id']) || Object.keys(entry['content']).some((key) => key.startsWith('action.correlationsearch.'))),
  );
  return entries.length ? entries : undefined;
}

// A Defender XDR custom detection rule as Microsoft Graph writes it (microsoft.graph.security.detectionRule): its
// query (`queryCondition`) and what it does when the query returns rows (`detectionAction`, the alert it raises).
const isDetectionRule = (value: unknown): value is JsonObject =>
  isJsonObject(value) && isJsonObject(value['queryCondition']) && isJsonObject(value['detectionAction']);

// A Datadog detection rule as its API writes it: a name, its tags (`technique:T1110-brute-force`) and its cases,
// each with the status (severity) of the signal it raises.
const isDatadogRule = (value: unknown): value is JsonObject =>
  isJsonObject(value) && typeof value['name'] === 'string' && Array.isArray(value['tags']) && Array.isArray(value['cases']);

/**
 * The rules a JSON value holds and how, for a format whose API lists them under one key (`envelope`): that list (`api`,
 * the shape's name for it), a plain list of rules, or one rule alone. Undefined when it holds none.
 */
function listedRules<Api extends string>(
  value: unknown,
  isRule: (item: unknown) => item is JsonObject,
  envelope: string,
  api: Api,
): { shape: Api | 'list' | 'one'; rules: JsonObject[] } | undefined {
  const found = (shape: Api | 'list' | 'one', items: unknown[]) => {
    const rules = items.filter(isRule);
    return rules.length ? { shape, rules } : undefined;
  };
  if (Array.isArray(value)) return found('list', value);
  if (isJsonObject(value) && Array.isArray(value[envelope])) return found(api, value[envelope]);
  return found('one', [value]);
}

/**
 * The Datadog detection rules a JSON value holds and how: the API's `{ data: [ … ] }` (GET
 * /api/v2/security_monitoring/rules), a list of rules, or one. Undefined when it holds none.
 */
export function datadogRules(value: unknown): { shape: 'api' | 'list' | 'one'; rules: JsonObject[] } | undefined {
  return listedRules(value, isDatadogRule, 'data', 'api');
}

/**
 * The Defender XDR custom detection rules a JSON value holds and how: Microsoft Graph's `{ value: [ … ] }` (GET
 * /beta/security/rules/detectionRules), a list of rules, or one. Undefined when it holds none.
 */
export function defenderDetectionRules(value: unknown): { shape: 'graph' | 'list' | 'one'; rules: JsonObject[] } | undefined {
  return listedRules(value, isDetectionRule, 'value', 'graph');
}

/**
 * The kind of a YAML or JSON mapping that is told by its own fields and is no rule: a DeTT&CT file (`file_type`), a
 * MITRE CAR analytic (`id: CAR-2013-04-002` with `coverage` or `implementations`, mitre-attack/car's analytics/*.yaml),
 * Atomic Red Team tests (`attack_technique` with `atomic_tests`, atomics/T*\/T*.yaml). What kindOfValue tells
 * first, and what a rule folder names a file by that holds no rule (read-sigma.ts); `fields` are the top-level keys,
 * each with its text when it is one.
 */
export function nonRuleKind(fields: Readonly<Record<string, unknown>>): InputKind | undefined {
  const fileType = fields['file_type'];
  const dettect = typeof fileType === 'string' ? DETTECT_KINDS[fileType.trim().toLowerCase()] : undefined;
  if (dettect) return dettect;
  const id = fields['id'];
  if (typeof id === 'string' && CAR_ID.test(id.trim()) && ('coverage' in fields || 'implementations' in fields)) return 'car-analytic';
  if ('attack_technique' in fields && 'atomic_tests' in fields) return 'atomic-tests';
  return undefined;
}

/**
 * A mapping of ATT&CK techniques to another framework's items, in the shapes CTID's projects publish: ATT&CK to VERIS
 * (attack_to_veris's `ATT&CK-VERIS Backhaul.json`, techniques with a `technique_number`; its attack_veris_mappings.json,
 * VERIS actions by technique ID under `attack_to_veris`), Mappings Explorer (`mapping_objects` with an
 * `attack_object_id`) and Security Stack Mappings (techniques with their `technique-scores`).
 */
const isAttackMapping = (value: JsonObject): boolean =>
  isJsonObject(value['attack_to_veris']) ||
  (Array.isArray(value['mapping_objects']) && value['mapping_objects'].some((item) => isJsonObject(item) && 'attack_object_id' in item)) ||
  techniquesOf(value).some((t) => isJsonObject(t) && ('technique_number' in t || 'technique-scores' in t));

/** A step of an emulation plan, or a CALDERA ability: a `tactic` and a `technique` mapping with its `attack_id`. */
const isEmulationStep = (value: JsonObject): boolean => 'tactic' in value && isJsonObject(value['technique']) && 'attack_id' in value['technique'];

// A TTP list's YAML (isTtpList): a key of its lists, at the top or one mapping down, and an entry's technique ID; or
// an ATT&CK block (TTPForge's `mitre:`), at the top or one mapping down, and an entry opening with a technique's ID.
const TTP_LIST_LINE = /^(?: {2})?(?:ttps|ttp_definitions|mitre_ttps|techniques|attack_techniques|steps|playbooks|tasks):[ \t]*(?:#.*)?$/m;
const TTP_ENTRY_LINE = /^[ \t]*(?:-[ \t]+)?(?:technique_id|technique|tid|mitre_id|attack_id|id):[ \t]*['"]?T\d{4}(?:\.\d{3})?['"]?[ \t]*(?:#.*)?$/m;
const ATTACK_BLOCK_LINE = /^(?: {2})?(?:mitre|mitre_attack):[ \t]*(?:#.*)?$/m;
const BLOCK_ENTRY_LINE = /^[ \t]+-[ \t]+['"]?T\d{4}(?:\.\d{3})?(?![\d.])/m;

const CAR_ID = /^CAR-\d{4}-\d{2}-\d{3}$/;

/**
 * The name of an Atomic Red Team Navigator layer (atomics/Indexes/Attack-Navigator-Layers/*.json) that a value is or
 * holds (an array of layers: the first such), as Atomic Red Team writes them: named `Atomic Red Team` or `Atomic Red
 * Team (<platform>)` and described as that name followed by ` MITRE ATT&CK Navigator Layer` (its generators,
 * bin/generate-atomic-docs.rb's get_layer and atomic_red_team/doc_generator.py's _get_layer). Each score counts the
 * technique's tests, or is 100 for "Has at least one test": tests, which detect nothing. Undefined for any other value.
 */
export function atomicRedTeamLayerName(value: unknown): string | undefined {
  for (const layer of Array.isArray(value) ? value : [value]) {
    if (!isJsonObject(layer) || typeof layer['name'] !== 'string' || typeof layer['description'] !== 'string') continue;
    const name = layer['name'].trim();
    if (/^Atomic Red Team(?: \([^()]+\))?$/.test(name) && layer['description'].trim() === `${name} MITRE ATT&CK Navigator Layer`) return name;
  }
  return undefined;
}

/**
 * Why an Atomic Red Team layer (atomicRedTeamLayerName) is neither coverage nor threat, and what to give instead: the
 * words KINDS gives its tests, as its indexes are refused on either side.
 */
export function atomicRedTeamLayerMessage(file: string, name: string): string {
  return (
    `${file}: this is "${name}", Atomic Red Team's Navigator layer of its tests (atomics/Indexes/Attack-Navigator-Layers), ` +
    `whose scores count each technique's tests, not detections or an adversary's use of it; ${KINDS['atomic-tests'][1]}`
  );
}

/**
 * What a file of a kind that is no rule is, and what to do with it, as a rule folder says it of one of its files; a
 * command it says to run says `<file>`, for withFileNamed to fill in.
 */
export function notARuleMessage(kind: InputKind): string {
  const [name, use] = KINDS[kind];
  return `this is ${name}, not a detection rule; ${use}`;
}

/** The kind of a DeTT&CT file by its `file_type` line (`file_type: group-administration`), read before it is parsed. */
export function dettectKindOfText(text: string): InputKind | undefined {
  const fileType = /^file_type[ \t]*:[ \t]*(['"]?)([\w-]+)\1[ \t]*(?:#.*)?$/m.exec(text)?.[2]?.toLowerCase();
  return fileType === undefined ? undefined : DETTECT_KINDS[fileType];
}

/** Whether YAML text parses to a mapping of a campaign's own shape (hasCampaignShape). */
function campaignShapedYaml(text: string): boolean {
  try {
    const doc = parseYamlDocument(text, '');
    const value: unknown = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return isJsonObject(value) && hasCampaignShape(value);
  } catch {
    return false;
  }
}

/** The kind of a file's text that is not JSON: YAML campaigns, Sigma rules, detections and DeTT&CT files, CSV detections. */
export function kindOfText(text: string): InputKind | undefined {
  const dettect = dettectKindOfText(text);
  if (dettect) return dettect;
  if (/^id:[ \t]*['"]?CAR-\d{4}-\d{2}-\d{3}['"]?[ \t]*$/m.test(text) && /^(coverage|implementations):/m.test(text)) return 'car-analytic';
  if (/^attack_technique:/m.test(text) && /^atomic_tests:/m.test(text)) return 'atomic-tests';
  // Atomic Red Team's indexes of its tests: atomics/Indexes/*index.yaml (tactic, technique ID, its atomic_tests) and
  // Indexes-CSV/*index.csv (one row per test).
  if (/^ {2}T\d{4}(?:\.\d{3})?:[ \t]*$/m.test(text) && /^ {4}atomic_tests:/m.test(text)) return 'atomic-tests';
  if (/^Tactic,Technique #,Technique Name,Test #,Test Name,/.test(text.trimStart())) return 'atomic-tests';
  if (isGapReportText(text)) return 'gap-report-text';
  if (/^logsource:/m.test(text) && /^detection:/m.test(text)) return 'sigma-rule';
  if (/^atomic_ordering:/m.test(text) && /^name:/m.test(text)) return 'caldera-adversary';
  // An adversary emulation plan (CTID's `- emulation_plan_details:`) or CALDERA abilities: steps whose `technique:` has an `attack_id:`.
  if (/^- emulation_plan_details:/m.test(text) || (/^[ \t-]*tactic:/m.test(text) && /^[ \t-]*technique:[ \t]*\r?\n[ \t]+attack_id:/m.test(text))) return 'emulation-plan';
  // Security Stack Mappings' YAML: techniques with their `technique-scores`, beside a `name` as a campaign's.
  if (/^techniques:/m.test(text) && /^[ \t-]*technique-scores:/m.test(text)) return 'attack-mapping';
  // YAML detections, told before a TTP list, whose key and entry lines a detection's `techniques:` and `technique: T1110`
  // are too: a top-level list of items with techniques, or a `detections:` list (a campaign has `techniques:`).
  if (!/^techniques:/m.test(text) && (/^detections:/m.test(text) || (/^- /m.test(text) && /^(- |\s+)techniques:/m.test(text)))) return 'detections';
  // An actor's techniques: a list key at the top (or one mapping down) and an entry naming a technique's ID.
  // A campaign's own shape (`name:`, `techniques:` of a feed's `technique_id:`) is told by its value, as kindOfValue tells it.
  if ((TTP_LIST_LINE.test(text) || ATTACK_BLOCK_LINE.test(text)) && (TTP_ENTRY_LINE.test(text) || (ATTACK_BLOCK_LINE.test(text) && BLOCK_ENTRY_LINE.test(text)))) {
    return /^techniques:/m.test(text) && /^name:/m.test(text) && campaignShapedYaml(text) ? 'campaign' : 'ttp-list';
  }
  if (/^techniques:/m.test(text) && /^(name|actor|attack_version):/m.test(text)) return 'campaign';
  const header = text.trimStart().split('\n')[0] ?? '';
  if (header.includes(',') && isSavedSearchesHeader(header.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')))) return 'splunk-searches';
  if (header.includes(',') && /(^|,)\s*"?techniques?"?\s*(,|$)/i.test(header) && columnNames(header)) return 'detections';
  return undefined;
}

/**
 * Whether a text is gap's own report (lib/coverage/gap-report.ts), told by how it starts: the Markdown's heading and the
 * line after it that says when a technique is a gap (a page titled "Coverage gap review" has no such line), or the
 * CSV's header. Told before the CSV kinds, and as a whole document (kindOfDocument): where a report is expected, the
 * Markdown was read as one.
 */
function isGapReportText(text: string): boolean {
  const start = text.trimStart();
  return /^# Coverage gap review\r?\n(?:\r?\n)*ATT&CK [^\n]*\. A technique is a gap when /.test(start) || start.startsWith('section,rank,technique,name,tactics,threat,');
}

// How many words a column's name in a CSV header may have.
const COLUMN_WORDS = 6;

/**
 * Whether a line's comma-separated parts are all short enough to be column names: a report's line is not, though it
 * has a part that is `Techniques` (`… MITRE ATT&CK: The Adversarial Tactics, Techniques, and Common Knowledge …`, a PDF's
 * page of ATT&CK's table run into one line).
 */
function columnNames(line: string): boolean {
  return line.split(',').every((cell) => cell.trim().split(/\s+/).length <= COLUMN_WORDS);
}

/** True when text starts like JSON (`{` or `[` after white space): how files without a telling extension are told. */
export function startsLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

/** The kind of a file's text, JSON or not, when it is clearly one. */
export function kindOf(text: string): InputKind | undefined {
  if (startsLikeJson(text)) {
    try {
      return kindOfValue(JSON.parse(text));
    } catch {
      const lines = splunkResultLines(text);
      return lines && savedSearchRows(lines.rows) ? 'splunk-searches' : undefined;
    }
  }
  return kindOfText(text);
}

/** What a kind of file is called in messages: `a Sigma rule`, `a DeTT&CT group administration file`. */
export function kindName(kind: InputKind): string {
  return KINDS[kind][0];
}

/**
 * The message for a file of one kind given where another is expected: what it is, and what to do with it, the file
 * named in any command it says to run. `expected` is the kinds a command reads, or what it reads in words (`a report's text`).
 */
export function wrongKindMessage(file: string, kind: InputKind, expected: readonly InputKind[] | string): string {
  const [name, use] = KINDS[kind];
  return `${file}: this is ${name}, not ${typeof expected === 'string' ? expected : expected.map((e) => KINDS[e][0]).join(' or ')}; ${withFileNamed(use, file)}`;
}

/**
 * A message whose command to run says `<file>` with the file in its place (`attack-layers extract groups.yaml`), ready
 * to copy into a shell, and `<beside:NAME>` with the file NAME in the same folder (`review/coverage.layer.json` beside
 * `review/gap-report.csv`; NAME alone beside standard input). A message kept before its file was named as the run
 * names it (notARuleMessage's, cached by rule folder, whose folder a later run may give another way) is filled in
 * where it meets its file.
 */
export function withFileNamed(message: string, file: string): string {
  const stdin = file === STDIN_NAME;
  return message
    .replaceAll('<file>', stdin ? STDIN : shellWord(file))
    .replaceAll(/<beside:([^<>]+)>/g, (_, name: string) => shellWord(stdin ? name : join(dirname(file), name)));
}

/** Top-level fields that only a campaign file or a layer has: JSON or YAML with one is meant as one of them. */
const CAMPAIGN_OR_LAYER_FIELDS = [
  'techniques', 'actor', 'attack_version', 'sources', 'software', 'compare_with', 'first_seen', 'last_seen', 'published',
  'versions', 'domain', 'gradient', 'legendItems', 'filters', 'layout', 'sorting', 'hideDisabled', 'selectTechniquesAcrossTactics',
];
/** Top-level fields a campaign file or a layer has that many other files have too (a package.json's `name`). */
const SHARED_FIELDS = ['name', 'id', 'description', 'version', 'tags', 'platforms', 'confidence', 'metadata', 'links'];

/**
 * The top-level keys of a parsed JSON or YAML value of no kind the tool reads (kindOfValue tells it as none): a
 * mapping, or a list whose first mapping is one, with none of a campaign's or a layer's own fields
 * (CAMPAIGN_OR_LAYER_FIELDS), unless it is meant as one of them with mistakes: its keys that surely mean one of their
 * fields (fieldMeant: another word analysts write for it, `threat_actor`, `ttps`, or a slip, `tecniques`, `nam`) are
 * all its keys, or at least as many as its others with one of them a field of their own. A SARIF log (`$schema`, `runs`
 * beside its `version`), a TheHive case, a CSV's rows as records, a CI workflow, a Helm chart (name, description and
 * version, which many files have) and a page's front matter (title, author: two letters from `actor`, but another word)
 * are of no kind. Undefined for any other value: a campaign or layer with mistakes in it is said to have them by its
 * reader.
 */
export function keysOfNoKind(value: unknown): string[] | undefined {
  const first: unknown = Array.isArray(value) ? value.find(isJsonObject) : value;
  if (!isJsonObject(first)) return undefined;
  const keys = Object.keys(first);
  // The keys first: a layer's `techniques` end it before kindOfValue, which reads each of a layer's entries (10 ms of 200,000).
  if (keys.some((key) => CAMPAIGN_OR_LAYER_FIELDS.includes(key)) || kindOfValue(value)) return undefined;
  const fields = [...CAMPAIGN_OR_LAYER_FIELDS, ...SHARED_FIELDS];
  const meant = keys.flatMap((key) => fieldMeant(key, fields) ?? []);
  // A file whose every key is a field (`name: x` alone) is a campaign missing the rest; one with others too must have
  // a field only campaigns and layers have, not only the name, description and version many files have.
  if (meant.length === keys.length) return undefined;
  const own = meant.some((field) => CAMPAIGN_OR_LAYER_FIELDS.includes(field));
  return own && meant.length >= keys.length - meant.length ? undefined : keys;
}

/**
 * Where a parsed value of no kind the tool reads has its keys, and which (keysOfNoKind): `its keys at the top are "a",
 * "b"`, or `a list whose first item (/0) has the keys "a", "b"`. Undefined for a value of a kind, or that keysOfNoKind
 * does not decide on.
 */
export function noKindKeysText(value: unknown): string | undefined {
  const keys = keysOfNoKind(value);
  if (!keys) return undefined;
  const where = Array.isArray(value) ? `a list whose first item (/${value.findIndex(isJsonObject)}) has the keys` : 'its keys at the top are';
  return `${where} ${firstFew(keys.map((key) => JSON.stringify(key)), 6)}`;
}

/**
 * What a file of JSON or YAML of no kind the tool reads is (keysOfNoKind: where it decided, its keys at the top or its
 * first item's), what the kinds that it is not have, and what to do: extract reads the IDs and names its text holds,
 * as a report's. Undefined for a file of a kind, or whose text parses as neither.
 */
export function noKindMessage(text: string, file: string): string | undefined {
  const parsed = parseJsonOrYaml(text, file);
  return parsed && noKindValueMessage(parsed.value, parsed.format, file);
}

/** noKindMessage of a value already parsed from a file's `format` (a layer reader's JSON). */
export function noKindValueMessage(value: unknown, format: 'JSON' | 'YAML', file: string): string | undefined {
  const text = noKindText(value, format, file);
  return text && `${file}: ${text}`;
}

/** noKindValueMessage without the file before it, for a finding that names its file itself (validate's). */
export function noKindText(value: unknown, format: 'JSON' | 'YAML', file: string): string | undefined {
  const keys = noKindKeysText(value);
  if (!keys) return undefined;
  return (
    `this is ${format} of no kind attack-layers reads: ${keys}; ` +
    'a campaign file has "name" and "techniques" (technique references), a Navigator layer "techniques" (entries with "techniqueID"), "domain" and "versions"; ' +
    withFileNamed("if its text names ATT&CK techniques, `attack-layers extract <file>` reads their IDs and names as a report's, into a campaign file to review", file)
  );
}

/**
 * A file's text parsed as JSON (when it starts like JSON) or YAML (when it is named .yaml or .yml: a report's lines
 * `Title: …`, `Author: …` parse as a YAML mapping too), when it parses without error; undefined otherwise.
 */
function parseJsonOrYaml(text: string, file: string): { format: 'JSON' | 'YAML'; value: unknown } | undefined {
  try {
    if (startsLikeJson(text)) return { format: 'JSON', value: JSON.parse(text) as unknown };
    if (!/\.ya?ml$/i.test(file)) return undefined;
    const doc = parseYamlDocument(text, '');
    return doc.errors.length ? undefined : { format: 'YAML', value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch {
    return undefined;
  }
}

/** Extensions of a report's text, which no campaign file or layer has. */
const REPORT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm'];

/**
 * Whether a file that did not read as a campaign or a layer is a report's text: named as one (`.txt`, `.md`, `.html`),
 * or prose (2 lines of 6 words or more) with no line that starts a campaign's field (`name:`, `techniques:`, `- ref:`),
 * which a campaign file with mistakes in it still has.
 */
export function looksLikeReport(text: string, file: string): boolean {
  if (REPORT_EXTENSIONS.includes(extname(file).toLowerCase())) return true;
  if (/^[ \t]*(?:-[ \t]+)?(?:name|techniques|ref|actor|attack_version|sources|software)[ \t]*:/m.test(text)) return false;
  return text.split(/\r?\n|\r/).filter((line) => line.trim().split(/\s+/).length >= 6).length >= 2;
}

/**
 * A file name as one word of a POSIX shell: as written when it holds only characters no shell reads otherwise
 * (`groups.yaml`, `C:/intel/apt29.json`), else in single quotes, a quote in it written `'\''` (`'APT29 groups.yaml'`,
 * `'it'\''s.yaml'`).
 */
export function shellWord(file: string): string {
  return /^[\w./:@%+,=-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
}

/**
 * The kind of a file whose whole text is a document of a known kind, or undefined: JSON (a layer, a STIX bundle, a
 * gap report), YAML that parses without error to a mapping or a list (a campaign, a Sigma rule, a DeTT&CT file) or
 * CSV (detections), where prose is expected. kindOfText's patterns alone would take a report for one: a report that
 * shows a Sigma rule (`logsource:`, `detection:` at the start of lines), or whose title is `Techniques, tactics and
 * procedures of ...` (a CSV header's `techniques` column); the whole text must be read as the document.
 */
export function kindOfDocument(text: string): InputKind | undefined {
  if (startsLikeJson(text)) return kindOf(text);
  const kind = kindOfText(text);
  if (!kind) return undefined;
  // Told by how the whole text starts, and neither YAML nor CSV throughout (the Markdown report).
  if (kind === 'gap-report-text') return kind;
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  // CSV: every line (of the first 20) has a comma; a report's sentences do not.
  if (lines.slice(0, 20).every((line) => line.includes(','))) return kind;
  let value: unknown;
  try {
    const doc = parseYamlDocument(text, '');
    if (doc.errors.length) return undefined;
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null ? (kindOfValue(value) ?? kind) : undefined;
}

/**
 * JSON text plainly of a kind by its keys, even where it does not parse: what it is meant as, and what to do once its
 * JSON is fixed. A Navigator layer writes `"techniqueID":` keys; a STIX bundle (an ATT&CK release, threat
 * intelligence, an Attack Flow) `"type": "bundle"`.
 */
const BUNDLE_AGAIN = 'get the whole file again from where it came (`attack-layers data fetch` for an ATT&CK release)';
const JSON_SIGNS: ReadonlyArray<readonly [sign: RegExp, meant: string, then: string]> = [
  [/"techniqueID"\s*:/, KINDS.layer[0], `then ${KINDS.layer[1]}`],
  [/"type"\s*:\s*"bundle"/, 'a STIX bundle', `or ${BUNDLE_AGAIN}`],
];

/**
 * The kind of JSON text that is plainly a Navigator layer or a STIX bundle by its keys (JSON_SIGNS) where prose is
 * expected, though no other reader took it: a hand-edited layer with a comment or a trailing comma, which the layer
 * readers repair, or a layer or bundle broken in the middle (a download cut short), or a bundle without its
 * `objects` list. Such text was read as a report, its keys and brackets taken for references. Undefined for any
 * other text.
 * @throws InputError naming the line and column of a fault no repair undoes, or the missing `objects`, and what the
 *   file is meant to be.
 */
export function kindOfJsonText(text: string, file: string): InputKind | undefined {
  const sign = startsLikeJson(text) ? JSON_SIGNS.find(([pattern]) => pattern.test(text)) : undefined;
  if (!sign) return undefined;
  const [, meant, then] = sign;
  let value: unknown;
  try {
    value = parseJsonRepairingLayers(text, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    throw new InputError(`${error.message}; the file is meant as ${meant}: fix its JSON, ${then}`, { file, line: error.line, cause: error });
  }
  const kind = kindOfValue(value);
  if (!kind && isJsonObject(value) && value['type'] === 'bundle' && !Array.isArray(value['objects'])) {
    throw new InputError(
      `${file}: a STIX bundle ("type": "bundle") ${'objects' in value ? 'whose "objects" is not a list' : 'with no "objects" list'}, so nothing in it to read: ` +
        BUNDLE_AGAIN,
      { file },
    );
  }
  return kind;
}

/**
 * Parse JSON text where a Navigator layer may be (`parseJsonText`): a layer's text, often edited by hand, is read with
 * its comments and extra commas removed (`jsonTextRepairs` lists them, and the layer reader reports them as repairs);
 * the text of any other kind is refused for them, as `parseJsonText` refuses it.
 * @throws InputError naming the file, line and column of what is not JSON.
 */
export function parseJsonRepairingLayers(text: string, file: string): unknown {
  const value = parseJsonText(text, file, { repair: true });
  if (jsonTextRepairs(value).length && kindOfValue(value) !== 'layer') return parseJsonText(text, file);
  return value;
}

/**
 * Parse JSON text meant to be of the `expected` kinds. When it is not JSON, or JSON of another kind, the error says
 * what the file is instead (a campaign given to validate, a layer given to normalize, a STIX bundle).
 * @throws InputError for a file of another kind, or JSON that is not valid (with line and column).
 */
export function parseJsonAs(text: string, file: string, expected: readonly InputKind[]): unknown {
  let value: unknown;
  try {
    value = parseJsonRepairingLayers(text, file);
  } catch (error) {
    const kind = kindOfText(text);
    if (kind && !expected.includes(kind)) throw new InputError(wrongKindMessage(file, kind, expected), { file, cause: error });
    throw error;
  }
  assertKind(value, file, expected);
  return value;
}

/** @throws InputError when a parsed value is clearly of a kind other than the `expected` ones. */
export function assertKind(value: unknown, file: string, expected: readonly InputKind[]): void {
  const kind = kindOfValue(value);
  if (kind && !expected.includes(kind)) throw new InputError(wrongKindMessage(file, kind, expected), { file });
}
