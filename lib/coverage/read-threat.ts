import { basename, extname, join } from 'node:path';
import { compareText } from '../compare-text.js';
import type { AttackLibrary } from '../attack/load.js';
import { campaignPaths, parseCampaign, readCampaigns, type CampaignReadOptions } from '../campaign/read-campaign.js';
import { FolderFiles } from '../folder-files.js';
import { givenInput, inGivenInputs, InputError, SchemaValidationError, UsageError, withGivenInputs, type GivenAs } from '../errors.js';
import { atomicRedTeamLayerMessage, atomicRedTeamLayerName, keysOfNoKind, kindOfText, kindOfValue, parseJsonRepairingLayers, savedSearchRows, splunkResultLines, startsLikeJson, wrongKindMessage, type InputKind } from '../input-kind.js';
import { inputName, readFolder, readTextFile, statInput, STDIN, type InputOptions } from '../read-text.js';
import { campaignReleases, normalizeCampaign } from '../normalize/normalize-campaign.js';
import type { NormalizedCampaign } from '../normalize/normalize-types.js';
import type { CoverageInput } from './coverage-types.js';
import { parseCoverageLayers, type CoverageLayerOptions } from './read-coverage-layer.js';
import { parseDetectionsText, parseDetectionsYaml } from './read-detections.js';
import { parseDettectTechniques } from './read-dettect.js';
import { parseElasticExport } from './read-elastic-export.js';
import { parseQradarMappings } from './read-qradar-mappings.js';
import { parseSplunkSearchesCsv, parseSplunkSearchesJson } from './read-splunk-conf.js';
import { ruleExportReader } from './rule-exports.js';
import { holdsSublimeRule, holdsYamlRule, looksLikeKqlMarkdownFile, looksLikePantherPython, looksLikeRule, looksLikeSuricataFile, readRuleFolder } from './read-rule-folder.js';
import { RULE_FILE_FORMATS, RULE_FOLDER_FORMATS } from './rule-formats.js';
import { assertCoverageDomain, layersOfDomain, ofSeveralDomains, severalDomainsError, threatDomain, type ReviewDomain } from './review-domain.js';
import type { Domain } from '../attack/types.js';
import { firstElided } from '../short-list.js';
import { leaveOutAggregates, type ThreatLeftOut } from './threat-aggregates.js';

/** A file's text, and its parsed value when it is JSON: read once, for the reader of its kind to use. */
interface ReadFile {
  text: string;
  /** Absent when the text is not JSON (standard input holding YAML). */
  json?: { value: unknown };
}

/**
 * A `.json` file's (or standard input's) text, with its parsed value when it is JSON; undefined for another file,
 * which is not read.
 */
function jsonFile(file: string, input: InputOptions): ReadFile | undefined {
  if (file !== STDIN && extname(file).toLowerCase() !== '.json') return undefined;
  const text = readTextFile(file, file, input);
  // Standard input has no extension: JSON is what starts like JSON.
  if (file === STDIN && !startsLikeJson(text)) return { text };
  return { text, json: { value: parseJsonRepairingLayers(text, file) } };
}

/** True when a file read by `jsonFile` holds a Navigator layer, or an array of them, rather than a campaign. */
function holdsLayer(read: ReadFile | undefined): read is ReadFile & { json: { value: unknown } } {
  return read?.json !== undefined && kindOfValue(read.json.value) === 'layer';
}

/**
 * A `.json` file's (or standard input's) text and parsed value when it holds a Navigator layer, or an array of them,
 * rather than a campaign (`kindOfValue` tells them apart); undefined otherwise. Read once, for the reader to use.
 */
function layerFile(file: string, input: InputOptions): { text: string; value: unknown } | undefined {
  const read = jsonFile(file, input);
  return holdsLayer(read) ? { text: read.text, value: read.json.value } : undefined;
}

/**
 * True when a `.json` file (or standard input) holds a Navigator layer, or an array of them, rather than a campaign;
 * so does a file of another extension whose text is JSON that is a layer (`apt28.layer`, a layer saved as `.txt`).
 */
export function isLayerFile(file: string, input: InputOptions = {}): boolean {
  if (layerFile(file, input) !== undefined) return true;
  if (file === STDIN || extname(file).toLowerCase() === '.json' || !statInput(file)?.isFile()) return false;
  const text = readTextFile(file, file, input);
  if (!startsLikeJson(text)) return false;
  try {
    return kindOfValue(parseJsonRepairingLayers(text, file)) === 'layer';
  } catch {
    // Not JSON after all: the campaign reader says what it is.
    return false;
  }
}

/** The layers of a layer file read by `layerFile`, one input per layer, with `options`. */
function layersOf(path: string, read: { text: string; value: unknown }, options: CoverageLayerOptions): CoverageInput[] {
  return parseCoverageLayers(read.text, inputName(path), options, read.value);
}

function isFolder(path: string): boolean {
  if (path === STDIN) return false;
  const stats = statInput(path);
  if (!stats) throw new UsageError(`${path}: no such file or folder`, { file: path });
  return stats.isDirectory();
}

/** The threat side of a review: campaigns (normalized) and threat layers (read as coverage-shaped entries, one per layer). */
export interface ThreatInputs {
  campaigns: NormalizedCampaign[];
  layers: CoverageInput[];
  /** The review's domain: `input.domain` (`--domain`), else the one the inputs state, else the layers' IDs tell (ICS), else enterprise-attack. */
  domain: ReviewDomain;
  /** Files found in a folder given that are no threat input (invalid JSON, an Atomic Red Team layer, a broken campaign), left out: why, naming the file. */
  leftOut: string[];
  /** Aggregate layers left out because the run gives what they aggregate too (`leaveOutAggregates`): not in `layers`. */
  aggregatesLeftOut: ThreatLeftOut[];
  /** Layers of a file of several domains left out as of another domain than the review's (`layersOfDomain`), a line each. */
  layersLeftOut: string[];
}

/**
 * Read threat paths: campaign files, Navigator layer files and folders of either or both (`-`: the `stdin` of `input`);
 * each layer of a file holding an array of layers is a threat source of its own (`file (layer 2)`).
 * Layers are read first: a campaign that names no domain is read in `input.domain`, else in the layers' domain (the
 * one they state, else ics-attack when each layer holds ICS IDs alone: `ReviewDomain.basis` `technique-ids`).
 * `input.scale`: the scores that weigh 0 and 1 in every threat layer, over each layer's gradient.
 * A layer whose metadata says it aggregates campaigns or objects every one of which another input holds is left out
 * (`aggregatesLeftOut`), since it would count their techniques twice.
 * `givenAs` names `domain` in messages (the CLI's `--domain`), and what to give where (`readCoverageInputs`; the CLI's
 * `gap --coverage`: see `inGivenInputs`).
 * @throws InputError when the inputs state different domains; UsageError when `input.domain` disagrees with one.
 */
export function readThreatInputs(
  paths: readonly string[],
  library: AttackLibrary,
  to?: string,
  options: CampaignReadOptions & { scale?: [number, number]; givenAs?: GivenAs } = {},
): ThreatInputs {
  const read = withGivenInputs(() => threatInputs(paths, library, to, options), options.givenAs);
  return { ...read, leftOut: read.leftOut.map((said) => inGivenInputs(said, options.givenAs)) };
}

/** readThreatInputs, its messages in the CLI's words where a reader's are (KINDS'). */
function threatInputs(
  paths: readonly string[],
  library: AttackLibrary,
  to: string | undefined,
  { scale, givenAs, ...input }: CampaignReadOptions & { scale?: [number, number]; givenAs?: GivenAs },
): ThreatInputs {
  // Each file read once: a layer file's text and value go to the layer reader, a JSON campaign's to the campaign
  // parser (a YAML campaign is read by readCampaigns). A folder stands for its files, so that a folder of published
  // layers (DeTT&CT's threat-report layers) is read as threat layers, as validate and upgrade read it.
  // A file found in a folder that is no threat input is left out, saying why, and the review made from the others; one
  // named on its own is refused, as is a folder none of whose files is read.
  const files = new FolderFiles(paths.flatMap((path) => (isFolder(path) ? campaignPaths([path]) : [{ path, found: false }])));
  const read = files.paths.flatMap((path) => files.read(path, () => [{ path, file: jsonFile(path, input) }]) ?? []);
  // Atomic Red Team's own layers map what its tests can run, as its indexes list them: what an adversary does is the threat.
  const layerFiles = read.flatMap(({ path, file }) =>
    files.read(path, () => {
      if (!holdsLayer(file)) return [];
      const atomic = atomicRedTeamLayerName(file.json.value);
      if (atomic) throw new InputError(atomicRedTeamLayerMessage(inputName(path), atomic), { file: inputName(path) });
      return [{ path, layers: layersOf(path, { text: file.text, value: file.json.value }, { ...input, ...(scale ? { scale } : {}), ...(givenAs ? { givenAs } : {}), role: 'threat', mixedDomains: true }) }];
    }) ?? [],
  );
  const { files: domainFiles, leftOut: layersLeftOut } = keepReviewDomainLayers(layerFiles, input.domain, givenAs);
  const layers = domainFiles.flatMap((file) => file.layers);
  const stated = layers.flatMap((layer) => (layer.domain ? [{ domain: layer.domain, source: layer.source }] : []));
  // Layers that state no domain and hold ICS IDs alone make the review ICS when nothing states a domain, as
  // validate and upgrade read such a layer; a layer of other IDs among them leaves it to the default, as an ID mix does.
  const unstatedLayers = layers.filter((layer) => !layer.domain);
  const ics = unstatedLayers.length && unstatedLayers.every((layer) => layer.unstatedIcs) ? { domain: 'ics-attack' as const, sources: unstatedLayers.map((layer) => layer.source) } : undefined;
  const fromLayers = threatDomain(stated, input.domain, ics, givenAs);
  const options = { ...input, domain: fromLayers.domain };
  const campaigns = read
    .filter(({ file }) => !holdsLayer(file))
    .flatMap(({ path, file }) =>
      files.read(path, () =>
        (file ? [parseCampaign(file.text, inputName(path), options, file.json)] : readCampaigns([path], options)).map((campaign) => normalizeCampaign(campaign, campaignReleases(campaign, library, to, givenAs ? { givenAs } : {}))),
      ) ?? [],
    );
  files.assertSomeRead(paths, layers.length > 0 || campaigns.length > 0, 'a threat input (a campaign file or a Navigator layer)');
  // A campaign in another domain than the one it was read in states its own.
  const domain = threatDomain([...stated, ...campaigns.map((campaign) => ({ domain: campaign.attack.domain, source: campaign.file }))], input.domain, ics, givenAs);
  // Said in the repair's words where the layers' IDs chose the domain and no campaign stated another.
  if (fromLayers.basis === 'technique-ids' && domain.domain === fromLayers.domain) for (const layer of unstatedLayers) layer.problems.unshift(layer.unstatedIcs!);
  // An aggregate layer given beside the campaigns it was made from would count each of their techniques twice.
  const aggregates = leaveOutAggregates(campaigns, layers);
  return { campaigns, layers: aggregates.layers, domain, leftOut: files.leftOut, aggregatesLeftOut: aggregates.leftOut, layersLeftOut };
}

/**
 * A threat file whose layers are of several domains (an enterprise and a mobile layer in one Navigator file) is read
 * in the review's domain: `--domain` (`given`), else the one the other threat layers state. Its layers of another
 * domain are left out, a line each; with nothing to say the domain, the file is refused naming each layer's domain.
 * Left as they are when the other layers disagree among themselves, or no layer of the file is of that domain: the
 * review's domain check refuses them, as it refuses such inputs of one layer each.
 */
function keepReviewDomainLayers<T extends { path: string; layers: CoverageInput[] }>(
  layerFiles: readonly T[],
  given: Domain | undefined,
  givenAs: GivenAs | undefined,
): { files: T[]; leftOut: string[] } {
  const mixed = new Set(layerFiles.filter((file) => ofSeveralDomains(file.layers)));
  if (!mixed.size) return { files: [...layerFiles], leftOut: [] };
  const stated = new Set(layerFiles.filter((file) => !mixed.has(file)).flatMap((file) => file.layers.flatMap((layer) => (layer.domain ? [layer.domain] : []))));
  const domain = given ?? (stated.size === 1 ? [...stated][0] : undefined);
  if (!domain && stated.size > 1) return { files: [...layerFiles], leftOut: [] };
  const leftOut: string[] = [];
  const files = layerFiles.map((file) => {
    if (!mixed.has(file)) return file;
    if (!domain) throw severalDomainsError(inputName(file.path), file.layers, givenAs);
    const read = layersOfDomain(file.layers, domain, 'threat', givenAs);
    if (!read) return file;
    leftOut.push(...read.leftOut);
    return { ...file, layers: read.kept };
  });
  return { files, leftOut };
}

// Rule files whose extension or name no other input shares: Wazuh rules, YARA-L rules, an Elastic rule, a KQL query, Splunk saved searches.
const RULE_FILE_OF_ITS_OWN = /\.(?:xml|yaral|toml|kql)$|(?:^|[\\/])savedsearches\.conf$/i;

/** What `--coverage` (`coverage`, as the caller gives it: `givenInput`) reads from a YAML file, for the message refusing one that is none of them. */
const yamlCoverage = (coverage: string): string =>
  `it is no rule either: ${coverage} reads a YAML file as a detections list (a list, or "detections:", of items with "name" and "techniques"), ` +
  'a DeTT&CT technique administration file ("file_type: technique-administration") or one rule: Sigma ("title", "logsource", "detection"), ' +
  'Splunk ("name", "search"), Sentinel ("name", "query"), Falco (a list of "- rule:" items) or Panther ("AnalysisType")';

/** What `--coverage` (`coverage`) reads from a `.jsonl` file, for the message refusing one that is none. */
const noCoverageJsonl = (coverage: string): string =>
  `not a coverage input: ${coverage} reads a .jsonl file` +
  ' as the results of | rest /servicesNS/-/-/saved/searches exported by Splunk Web as JSON ' +
  '(a {"preview": false, "result": {…}} object a line, each result with a "title" and an action.correlationsearch.* field)';

/** The kinds of file `--coverage` takes (besides a folder of rules and a Kibana export of Elastic rules). */
const COVERAGE_KINDS = ['layer', 'detections', 'dettect-techniques', 'sentinel-export'] as const;

/**
 * Read coverage paths by kind: a folder is detection rules: Sigma, Splunk, Sentinel, Elastic (through their cache with
 * `cacheDir`), and so is one rule file (a `.toml`, `.xml` or `.yaral` file, YAML holding a rule: holdsYamlRule), a `.ndjson` file a Kibana export of Elastic rules (`parseElasticExport`), a `.json` file a
 * Navigator coverage layer or an array of them, one input per layer (or a detections list written as JSON), a
 * DeTT&CT technique administration file (`file_type: technique-administration`) its detections, and a `.csv`,
 * `.yaml` or `.yml` file a detections file; `-` (the `stdin` of `options`) is a layer when it is one, else read as a
 * file is. With `domain` (the review's), a coverage layer or DeTT&CT file must state that domain or none.
 * @throws InputError for a file of another kind (a campaign, a gap report, a STIX bundle, a DeTT&CT data source or
 * group administration file), saying what it is; for an input of another domain than the review's (UsageError when
 * `domain` set it; `givenAs` names it, as the CLI's `--domain`).
 */
export function readCoverageInputs(
  paths: readonly string[],
  options: { scale?: [number, number]; cacheDir?: string; domain?: ReviewDomain; givenAs?: GivenAs } & InputOptions = {},
): CoverageInput[] {
  const { domain, givenAs, ...read } = options;
  return withGivenInputs(() => paths.flatMap((path) => {
    // A layer file of several domains gives the layers of the review's domain, the others named in a note.
    let inputs = readCoverageInput(path, { ...read, ...(givenAs ? { givenAs } : {}), ...(domain ? { mixedDomains: true } : {}) });
    const kept = domain && ofSeveralDomains(inputs) ? layersOfDomain(inputs, domain.domain, 'coverage', givenAs) : undefined;
    if (kept) {
      inputs = kept.kept;
      inputs[0]!.notes = [...kept.leftOut, ...(inputs[0]!.notes ?? [])];
    }
    for (const input of inputs) if (domain && input.domain) assertCoverageDomain({ domain: input.domain, source: input.source }, domain, givenAs);
    return inputs;
  }), givenAs);
}

/**
 * Kinds of file told by their text that hold no coverage, though their text would read as a detections file's: each
 * refused saying what it is (wrongKindMessage). gap's CSV report, read as detections, counted its rows' rules.
 */
const NO_COVERAGE: readonly InputKind[] = ['dettect-data-sources', 'dettect-groups', 'car-analytic', 'atomic-tests', 'emulation-plan', 'caldera-adversary', 'gap-report-text'];

/** One coverage path, read by kind (see readCoverageInputs): one input, or one per layer of a layer file. */
function readCoverageInput(path: string, options: { scale?: [number, number]; cacheDir?: string; mixedDomains?: boolean; givenAs?: GivenAs } & InputOptions): CoverageInput[] {
  // A Wazuh, YARA-L or Elastic rule file is no other kind of input: read as a folder of that one file. So is a rule
  // published without an extension (The DFIR Report's Sigma rules, some YARA-L rules) and Panther's Python, as the
  // folder walk reads them.
  const ruleFile =
    path !== STDIN &&
    (RULE_FILE_OF_ITS_OWN.test(path) ||
      (extname(path) === '' && !isFolder(path) && looksLikeRule(path)) ||
      (extname(path).toLowerCase() === '.py' && !isFolder(path) && looksLikePantherPython(path)) ||
      (extname(path).toLowerCase() === '.rules' && !isFolder(path) && looksLikeSuricataFile(path)) ||
      (/^\.(?:md|markdown)$/i.test(extname(path)) && !isFolder(path) && looksLikeKqlMarkdownFile(path)));
  if (ruleFile) return [readRuleFolder(path, { cacheDir: options.cacheDir, givenAs: options.givenAs })];
  if (isFolder(path)) {
    const { mixedDomains: _, ...folder } = options;
    return readCoverageFolder(path, folder);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.ndjson') return [parseElasticExport(readTextFile(path, path, options), inputName(path))];
  if (path !== STDIN && !['.json', '.jsonl', '.csv', '.yml', '.yaml'].includes(extension)) {
    // Read first: a PDF, a zip archive (an .xlsx export) or a gzip file is said to be so, and what to do with it; so is
    // a file of a kind that is no coverage (gap's Markdown report).
    const text = readTextFile(path, path, options);
    const kind = kindOfText(text);
    if (kind && NO_COVERAGE.includes(kind)) throw new InputError(wrongKindMessage(inputName(path), kind, COVERAGE_KINDS), { file: inputName(path) });
    throw new UsageError(
      `${path}: not a coverage input; ${givenInput(options.givenAs, 'coverage')} takes a folder of rules (${RULE_FOLDER_FORMATS}) or one rule file (${RULE_FILE_FORMATS}), ` +
        "a detections file (.csv, .yml, .yaml, .json), Splunk's | rest saved/searches results (.csv, .json, .jsonl), " +
        'a Navigator coverage layer (.json), a DeTT&CT technique administration file (.yml, .yaml) or a Kibana export of Elastic rules (.ndjson)',
    );
  }
  const text = readTextFile(path, path, options);
  const file = inputName(path);
  // Search results in JSON lines, as Splunk Web exports them (`{"preview":false,"result":{…}}` a line): the rows of
  // `| rest …/saved/searches` are read as its JSON results are, a line that is no result reported by its number.
  const lines = extension === '.jsonl' || ((path === STDIN || extension === '.json') && startsLikeJson(text)) ? splunkResultLines(text) : undefined;
  if (lines && savedSearchRows(lines.rows)) return [parseSplunkSearchesJson(lines.rows, text, file, lines.unread)];
  if (extension === '.jsonl') throw new InputError(`${file}: ${noCoverageJsonl(givenInput(options.givenAs, 'coverage'))}`, { file });
  // One rule (a Sigma rule, a Falco rules file such as falco_rules.local.yaml, a Panther detection) is no detections
  // file: read as a folder of it. A Sigma rule the YAML parser refuses is read so too, to be reported with its line.
  const yamlFile = extension === '.yml' || extension === '.yaml';
  // A Sublime Security rule is read so too, and ignored there saying why (its taxonomy is not ATT&CK's), as in a folder.
  if (path !== STDIN && yamlFile && (kindOfText(text) === 'sigma-rule' || holdsYamlRule(text) || holdsSublimeRule(text))) return [readRuleFolder(path, { cacheDir: options.cacheDir, givenAs: options.givenAs })];
  // Parsed once: the value that tells the kind is the one the layer reader reads (a file that does not start like
  // JSON is told by its text, and the layer reader says why it is no layer).
  const value = (path === STDIN || extension === '.json') && startsLikeJson(text) ? parseJsonRepairingLayers(text, file) : undefined;
  const kind = value === undefined ? kindOfText(text) : kindOfValue(value);
  if (kind === 'dettect-techniques') return [parseDettectTechniques(text, file)];
  if (kind === 'qradar-mappings') return [parseQradarMappings(value, text, file)];
  if (kind === 'splunk-searches') return [value === undefined ? parseSplunkSearchesCsv(text, file) : parseSplunkSearchesJson(value, text, file)];
  // Exports of deployed rules (Sentinel, Defender XDR, Sumo Logic, Datadog), read as a rule folder reads them (rule-exports.ts).
  const exported = ruleExportReader(kind);
  if (exported) return [exported.parse(value, text, file)];
  if (kind && NO_COVERAGE.includes(kind)) throw new InputError(wrongKindMessage(file, kind, COVERAGE_KINDS), { file });
  // Atomic Red Team's own layers count tests, as its YAML and CSV indexes list them: no coverage either (nor threat).
  const atomic = kind === 'layer' ? atomicRedTeamLayerName(value) : undefined;
  if (atomic) throw new InputError(atomicRedTeamLayerMessage(file, atomic), { file });
  if (path === STDIN) return kind === 'layer' ? parseCoverageLayers(text, file, options, value) : [parseDetectionsText(text, path)];
  if (yamlFile && kind === undefined) return [parseDetectionsOrSay(text, path, options.givenAs)];
  if (extension !== '.json') return [parseDetectionsText(text, path)];
  // A detections list written as JSON is read as one; a campaign, a gap report or a bundle is said to be what it is.
  if (kind === 'detections') return [parseDetectionsYaml(text, file)];
  if (kind && kind !== 'layer') throw new InputError(wrongKindMessage(file, kind, COVERAGE_KINDS), { file });
  // A layer's `version` or `name` among keys of another program's own (a package.json, a SARIF log) makes no layer either.
  if (kind === undefined && (isObjectOfNoLayer(value) || keysOfNoKind(value))) throw new InputError(`${file}: ${noCoverageJson(givenInput(options.givenAs, 'coverage'))}`, { file });
  return parseCoverageLayers(text, file, options, value);
}

/**
 * A coverage folder: its rules, or, when it holds no rule file but JSON files at its top (Navigator layers, as CTID
 * publishes its sensor mappings' layers), those files, each read as a --coverage file of its own (one input per
 * layer), so that one that is no layer (invalid JSON, an index of the layers' URLs) is refused naming it, as it is
 * given alone, rather than left unread without a word. Layers beside rules are not read, since a rule repository's
 * layers draw its own rules: a problem says they were left out and how to read them.
 */
function readCoverageFolder(dir: string, options: { scale?: [number, number]; cacheDir?: string; givenAs?: GivenAs } & InputOptions): CoverageInput[] {
  const rules = readRuleFolder(dir, { cacheDir: options.cacheDir, givenAs: options.givenAs });
  const jsonFiles = readFolder(dir)
    .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.') && extname(entry.name).toLowerCase() === '.json')
    .map((entry) => join(dir, entry.name))
    .sort(compareText);
  if (rules.files === 0 && jsonFiles.length) return jsonFiles.flatMap((file) => readCoverageInput(file, options));
  // A JSON file that does not parse (a broken package.json of a rule repository) is no layer, as the rule walk takes it.
  const names = jsonFiles.filter((file) => attempt(() => layerFile(file, options))).map((file) => basename(file));
  if (!names.length) return [rules];
  rules.problems.push({
    file: dir,
    message: `${names.length === 1 ? 'a Navigator layer' : `${names.length} Navigator layers`} beside the rules (${firstElided(names)}) not read: a folder of rules counts its rules; ${ownInput(options.givenAs)}`,
    skipped: false,
  });
  return [rules];
}

/** How a layer beside rules is counted: given as a coverage input of its own (`--coverage` file; a path of `readCoverageInputs`). */
function ownInput(givenAs: GivenAs | undefined): string {
  const coverage = givenInput(givenAs, 'coverage');
  return coverage.startsWith('-') ? `give a layer as a ${coverage} file of its own to count it` : `give a layer to ${coverage} as a path of its own to count it`;
}

/** What `read` returns, or undefined when it throws an InputError. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

// The fields only a Navigator layer has: a JSON object with none of them is no layer, even one to repair.
const LAYER_FIELDS = ['techniques', 'versions', 'version', 'domain', 'gradient', 'legendItems', 'layout', 'filters'];
const noCoverageJson = (coverage: string): string =>
  'JSON of no coverage kind: no Navigator layer (it has none of a layer\'s fields: "techniques", "versions", "domain", "gradient"), ' +
  "no detections list (items with \"name\" and \"techniques\") and no Sentinel export of analytic rules (an ARM template of alertRules, or the REST API's list of them) and no Splunk saved searches of its REST API (entry[].content); " +
  `${coverage} reads those from a .json file, and rule files from a folder (Splunk's JSON detections of 2017-2019 among them): ` +
  'write its detections as a detections file (name, techniques, coverage)';

/** Whether a parsed JSON value is one object with none of a layer's fields (LAYER_FIELDS): a rule or record of another tool. */
function isObjectOfNoLayer(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !LAYER_FIELDS.some((field) => field in value);
}

/** A YAML file's detections; one that is no detections list (and no rule) is refused saying what is read from YAML. */
function parseDetectionsOrSay(text: string, path: string, givenAs: GivenAs | undefined): CoverageInput {
  try {
    return parseDetectionsText(text, path);
  } catch (error) {
    if (!(error instanceof SchemaValidationError)) throw error;
    throw new SchemaValidationError(inputName(path), 'detections file', error.issues, yamlCoverage(givenInput(givenAs, 'coverage')));
  }
}
