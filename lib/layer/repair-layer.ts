/**
 * The one reading step every layer goes through before anything else looks at it (upgrade, validate, export,
 * combine, the gap review's threat and coverage layers): real layers carry small faults that Navigator tolerates,
 * and each one that has a single obvious repair is repaired here and reported with its JSON path. An entry that
 * cannot be repaired is reported (with what it held) and left out; only a value that is not a layer at all is refused.
 */
import { noKindValueMessage } from '../input-kind.js';
import { readFileSync } from 'node:fs';
import { scriptScheme } from '../web-address.js';
import tinycolor from 'tinycolor2';
import { canonicalTechniqueId, ICS_TECHNIQUE_ID, isNamespacedTechniqueId, NAMESPACED_OBJECT_KINDS } from '../attack/technique-id.js';
import { KNOWN_TACTIC_SHORTNAMES } from '../attack/known-tactics.js';
import { NAVIGATOR_PLATFORM_MAPPINGS } from '../attack/platform-names.js';
import { InputError } from '../errors.js';
import { jsonTextRepairs } from '../json-text.js';
import { closestWord, editDistance } from '../name-distance.js';
import { tacticIdAndName } from '../normalize/read-tactic.js';
import { splitTacticList, tacticsWithin, type TacticListReading } from '../normalize/tactic-list.js';
import { tacticWords } from '../normalize/tactic-names.js';
import { STDIN_NAME } from '../read-text.js';
import { schemaUrl } from '../schemas.js';
import { escapePointer, isJsonObject, type JsonObject } from '../json-value.js';
import type { Domain } from '../attack/types.js';
import { ATLAS_ID, atlasIdMessage, customData, domainInWords, layerFormat, misspeltDomain, NAVIGATOR_OLD_DOMAINS, PRE_ATTACK_ID, PRE_ATTACK_MERGED, STIX_DOMAIN_NAMES } from './layer-format.js';
import { HEX_COLOR } from './hex-color.js';
import { isAnnotated } from './subtechnique-visibility.js';
import { LAYER_ALERT, STOPS_IN_TAB, stopsUnopened, type NavigatorStop } from './navigator-loader.js';
import { firstElided } from '../short-list.js';

/** One repair made to a layer as read: where (JSON pointer into the layer as read), what was done, and what came of it. */
export interface LayerRepair {
  /** A JSON pointer into the layer as read; empty for a fault of the file around it (`arrayLayers`). */
  path: string;
  repair: string;
  /**
   * Set when the repair left something out rather than repairing it: `entry`, a whole technique entry (`upgrade`
   * counts it as removed); `part`, anything else (a metadata item, a link, a legend item, a gradient colour, a
   * platform name, a field).
   */
  leftOut?: 'entry' | 'part';
  /**
   * What was left out, as read at `path`, when it held something an analyst wrote (`holdsSomething`; an entry must be
   * an object too): `upgrade` keeps it in the layer's "removed by upgrade" metadata, `combine` in "left out by combine".
   */
  held?: unknown;
  /** True when the real Navigator is known to open a layer with this fault as read (../shared/NAVIGATOR.md). */
  navigatorTolerates?: true;
  /**
   * Set when Navigator 5.1 opens the layer but shows the annotation nowhere (`validate` makes the fault an error): true
   * when it keys an entry by its `techniqueID` and `tactic` exactly as written, so a repaired one matches no cell;
   * otherwise what it does instead, a phrase after "Navigator 5.1".
   */
  navigatorHides?: true | string;
  /**
   * What Navigator 5.1 does instead of opening the layer as read, a phrase after "Navigator 5.1": the alert it stops
   * with, or the dialog it opens the layer after (`validate` makes the fault an error).
   */
  navigatorAlert?: string;
  /**
   * Set with `navigatorAlert` when Navigator 5.1 stops reading the layer at the fault, its loader throwing (tabs.component.ts):
   * before it opens a tab for it (`stopsUnopened`) or in the tab it opened, before it fills the matrix's cells
   * (`STOPS_IN_TAB`), so nothing of what the matrix shows or hides applies.
   */
  navigatorStops?: NavigatorStop;
  /**
   * Set for a fault of the text, not of the layer it holds (a comment, a comma JSON does not allow; `parseJsonText`
   * with `repair`): the text is no JSON, so Navigator 5.1 opens no tab for it (`validate` makes it a schema error).
   */
  notJson?: true;
}

/** What a repair did, beyond its line: what it left out (a whole entry: why) and whether Navigator tolerates the fault. */
interface Outcome {
  leftOut?: 'part' | { entry: string };
  /**
   * For a field read as another (`colour` as `color`): the pointer of the field it was read as, so that what later
   * repairs say there is said at the field as read (`/techniques/0/colour`), and what they leave out is kept.
   */
  renamed?: string;
  navigatorTolerates?: boolean;
  navigatorHides?: boolean | string;
  navigatorAlert?: string;
  navigatorStops?: NavigatorStop;
}

/** A technique entry `repairLayer` left out: where it was, why, and the entry as read. */
export interface LeftOutEntry {
  /** Its position in the input's `techniques`. */
  at: number;
  /** Why it was left out (`techniqueID "PRE-T1156" is not a technique ID`). */
  why: string;
  entry: unknown;
  /** True when it held something an analyst wrote (its repair's `held`), so that `upgrade` keeps it. */
  kept: boolean;
}

/** A layer after `repairLayer`: the repaired copy, the repairs, and where each technique entry was in the input. */
export interface RepairedLayer {
  layer: JsonObject;
  repairs: LayerRepair[];
  /** For each entry of `layer.techniques`, its position in the input's `techniques`. */
  entryOrigins: number[];
  /** The technique entries left out, in input order (each has its line in `repairs` too). */
  leftOut: LeftOutEntry[];
}

/** Log a repair, with its outcome when it left something out or Navigator is known to tolerate the fault. */
type Log = (path: string, repair: string, outcome?: Outcome) => void;

/** How `repairLayer` reads what a layer leaves to its reader. */
export interface RepairOptions {
  /**
   * The domain a layer that states none is read in: by default enterprise-attack (which Navigator's own layers and
   * every command here read by default), unless all its technique IDs are ICS IDs (T0800), which read it in
   * ics-attack; a domain given here (the user's `--domain`, as `sourcesDomain` passes it) whatever its IDs; `false`
   * leaves it unstated, for a reader that gives such a layer a domain of its own (the gap review reads it in the
   * review's domain).
   */
  unstatedDomain?: Domain | false;
}

const LEFT_OUT: Outcome = { leftOut: 'part' };

/**
 * An item of a layer's list (a technique entry, a metadata item, a link, a legend item) that is no object (`null`, a
 * number, text): Navigator 5.1's readers test a field `in` it (`'tactic' in`, Metadata and Link `deserialize`, the
 * legend's `'label' in`), a type error for null or a number, and parse text as JSON, so reading the layer stops there.
 */
const NOT_AN_OBJECT: Outcome = {
  ...LEFT_OUT,
  navigatorStops: 'in-tab',
  navigatorAlert: `fails reading it, as it reads each item as an object (text as JSON), and ${STOPS_IN_TAB}`,
};

/**
 * A list (metadata, links, legend items) written as empty text, as a generator writes an unset one (`"metadata": ""`):
 * Navigator 5.1 iterates it and finds no item (navigator-loader.ts), so it holds nothing to keep.
 */
const EMPTY_TEXT_LIST = '"" (empty text where a list goes) holds no item, as Navigator 5.1 reads it; left out';
const EMPTY_TEXT_OUTCOME: Outcome = { ...LEFT_OUT, navigatorTolerates: true };

/** Leaves out an entry's or the layer's list field written as empty text, logged at its path; true if it did. */
function leftOutEmptyTextList(owner: JsonObject, key: string, fields: Readonly<Record<string, { type?: unknown }>>, path: string, log: Log): boolean {
  if (owner[key] !== '' || fields[key]?.type !== 'array') return false;
  delete owner[key];
  log(`${path}/${escapePointer(key)}`, EMPTY_TEXT_LIST, EMPTY_TEXT_OUTCOME);
  return true;
}

/**
 * A list written as a number, true or false, or an object that is none of its items (`"metadata": 5`, `"links": true`,
 * `"links": {}`), as read after the readings of text, of one item and of a record of fields: there is no item to read it
 * as, so it is left out, and `upgrade` and `combine` keep what it held as written (`held`). Navigator 5.1 iterates it and
 * fails (navigator-loader.ts, `navigatorLoaderFaults`), which `validate` says of each entry Navigator reads; a platform
 * filter of 0 or false, or technique entries written as a number, it reads nothing from and opens the layer.
 */
function leftOutUnreadList(owner: JsonObject, key: string, path: string, log: Log): void {
  const value = owner[key];
  if (value === undefined || value === null || typeof value === 'string' || Array.isArray(value)) return;
  delete owner[key];
  const [item, items] = LIST_ITEMS[key] ?? ['item', 'items'];
  const what = typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'true or false' : `an object that is no ${item}`;
  log(`${path}/${escapePointer(key)}`, `${shown(value)} is ${what}, where a list of ${items} goes, and holds no item to read it as; left out`, LEFT_OUT);
}

/** What each list of a layer holds, by its field, one and many, as `leftOutUnreadList` says it. */
const LIST_ITEMS: Readonly<Record<string, readonly [item: string, items: string]>> = {
  techniques: ['technique entry', 'technique entries'],
  metadata: ['metadata item', 'metadata items'],
  links: ['link', 'links'],
  legendItems: ['legend item', 'legend items'],
  platforms: ['platform name', 'platform names'],
};

/**
 * A list (metadata, links, legend items) written as text that says something (`"metadata": "seen twice"`, `"links":
 * "https://…"`), as a generator writes a single note: Navigator 5.1 reads the text one character at a time as items and
 * stops at the first (navigator-loader.ts, `listFault`), so nothing of the layer shows. Nothing is lost by reading it as
 * what it says: a link's address as a link labelled with it, any other text as a metadata item of the same entry (or of
 * the layer) named by its field, which Navigator shows in the tooltip (or the layer's metadata) as written.
 */
function readTextLists(owner: JsonObject, fields: readonly string[], path: string, log: Log): void {
  const alert = { navigatorStops: 'in-tab' as const, navigatorAlert: `reads the text one character at a time as items and fails at the first, and ${STOPS_IN_TAB}` };
  for (const key of fields) {
    const text = owner[key];
    if (typeof text !== 'string' || text.trim() === '') continue;
    const at = `${path}/${key}`;
    const url = text.trim();
    if (key === 'links' && /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(url) && !scriptScheme(url)) {
      owner[key] = [{ label: url, url }];
      log(at, `${shown(text)} is text, where a list of links goes; read as the link ${JSON.stringify({ label: url, url })}`, alert);
      continue;
    }
    delete owner[key];
    const item = { name: key, value: text };
    const metadata = owner['metadata'];
    owner['metadata'] = [...(Array.isArray(metadata) ? metadata : []), item];
    const list = key === 'metadata' ? 'metadata items goes' : key === 'links' ? 'links goes, and no address (https://…)' : 'legend items goes, and no colour to make one of';
    log(at, `${shown(text)} is text, where a list of ${list}; kept as the metadata item ${JSON.stringify(item)}${path ? ' of the entry' : ' of the layer'}`, alert);
  }
}

/** An entry's tactic that says no tactic is known (`"Unknown"`), which names none. */
const NO_TACTIC_KNOWN = /^\s*unknown\s*$/i;

/**
 * The gradient Navigator gives a layer (its Gradient class: the red-green preset over 0..100), for the parts of a
 * gradient that state none Navigator can use.
 */
const NAVIGATOR_GRADIENT = { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 } as const;

/**
 * What Navigator 5.1 does with a gradient's colours it cannot build its colour scale from, or undefined when it builds
 * one (its own default colours, when one of the layer's is no colour: Gradient.deserialize tests each first). Fewer
 * than two colours make no scale (tinygradient throws "Invalid number of stops (< 2)"), and colours that are no list
 * cannot be read (`for … of` a missing one throws): either way ViewModel.deserialize stops at the gradient, before the
 * legend, the technique entries, the metadata and the layout, and the loader stops there (`STOPS_IN_TAB`).
 */
function gradientColoursAlert(colors: unknown): string | undefined {
  const stops = Array.isArray(colors) && colors.every((color) => typeof color === 'string' && tinycolor(color).isValid());
  const fails = Array.isArray(colors) ? stops && colors.length < 2 : typeof colors !== 'string' || colors === '';
  if (!fails) return undefined;
  const logged = Array.isArray(colors) ? '"Invalid number of stops (< 2)"' : '"is not iterable"';
  return `builds no colour scale from it (${logged} in its console), before it reads the legend, technique entries, metadata and layout, and ${STOPS_IN_TAB}`;
}

/**
 * The gradient a layer's one colour stands for: white to it, the shape of Navigator 5.1's own one-colour presets
 * (gradient.ts: transparentred `#ffffff00` to `#ff6666`, transparentblue) and of the threat layers written here, so a
 * threat layer's one red keeps its top scores red. Undefined for white, or a colour that shows none (alpha 0): white to
 * white paints no score, and Navigator's default gradient is used instead.
 */
function oneColourGradient(color: string): string[] | undefined {
  const read = tinycolor(color);
  if (read.getAlpha() === 0 || read.toHex() === 'ffffff') return undefined;
  return ['#ffffff', color];
}

/** What Navigator 5.1 does with a legend item whose label is missing or not text. */
const LEGEND_LABEL = 'shows no legend item without a label of text (its console: "LegendItem required field \'label\' not present" or "legendItem label field is not a string")';

/** Navigator maps only its own old names (mitre-enterprise, mitre-mobile) and throws "is an invalid domain" (tabs.component.ts). */
function unknownDomainOutcome(stated: unknown): Outcome {
  return {
    navigatorStops: 'unopened',
    navigatorAlert: `knows no domain ${shown(stated)} ("is an invalid domain" in its console) and ${stopsUnopened()}`,
  };
}

const TACTIC = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** A tactic's ATT&CK ID, which layers written by hand put where a technique's goes (`"techniqueID": "TA0002"`). */
const TACTIC_ID = /^TA\d{4}$/i;
/**
 * The ID of another ATT&CK object (G0016, S0002, C0010, M1036, DS0009), which a tool that writes every ATT&CK tag of its
 * findings as an entry puts where a technique's goes: Hayabusa's ttp-visualize writes each of a rule's MitreTags so.
 */
const OBJECT_ID = new RegExp(`^(${Object.keys(NAMESPACED_OBJECT_KINDS).join('|')})\\d{4}$`, 'i');

/**
 * What an entry whose techniqueID is another ATT&CK object's ID says: the object, and, for what uses techniques, how to
 * draw them, in words `inGivenInputs` gives a program as its calls: "a layer from renderAttackObjectLayer draws the
 * techniques it uses: `locateAttackObject(…, 'S0002')`", the call that finds the object the layer is rendered from.
 */
function objectIdText(raw: string): string {
  const id = raw.trim().toUpperCase();
  const letters = OBJECT_ID.exec(id)![1] as keyof typeof NAMESPACED_OBJECT_KINDS;
  const kind = NAMESPACED_OBJECT_KINDS[letters];
  const uses = ['G', 'S', 'C'].includes(letters) ? `; a layer from attack-object draws the techniques it uses: \`attack-layers attack-object ${id}\`` : '';
  return `techniqueID ${shown(raw)} is the ID of an ATT&CK ${kind}, not a technique's: a layer annotates techniques${uses}`;
}

/** Platform names of layer formats up to 2.x (and of hand-written layers), as this reading takes them. */
const OLD_PLATFORM_NAMES: Readonly<Record<string, string>> = {
  windows: 'Windows',
  linux: 'Linux',
  mac: 'macOS',
  macos: 'macOS',
  android: 'Android',
  ios: 'iOS',
};

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * A colour as hex, which layers written here hold: stray spaces and extra or missing hashes removed, and any other
 * colour Navigator reads (it takes what tinycolor2 parses: `cornflowerblue`, `rgb(100, 149, 237)`, `hsl(...)`) written
 * as its hex (`#6495ed`; `#rrggbbaa` when not opaque). Undefined when it is no colour.
 */
export function repairColor(value: string): string | undefined {
  const fixed = `#${value.trim().replace(/^#+/, '')}`;
  if (HEX_COLOR.test(fixed)) return fixed;
  const parsed = tinycolor(value.trim());
  if (!parsed.isValid()) return undefined;
  return parsed.getAlpha() < 1 ? parsed.toHex8String() : parsed.toHexString();
}

/** Navigator opens colours with a trailing space (NAVIGATOR.md); other colour faults are not recorded. */
function colorOutcome(raw: string, fixed: string): Outcome {
  return { navigatorTolerates: raw.trimEnd() === fixed };
}

/**
 * A technique ID as written in real layers (`T1078 `, `t1078`, `T1036.`, `T1059/001`), or of an ATT&CK Workbench
 * organization namespace (`ACME-T1000.001`, in capitals), or undefined.
 */
function readTechniqueId(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const written = value.trim().replace(/\.$/, '');
  return isNamespacedTechniqueId(written.toUpperCase()) ? written.toUpperCase() : canonicalTechniqueId(written);
}

/**
 * The domain a layer that states none is read in, and why: ics-attack when each of its technique IDs (as read, IDs
 * that are none aside) is an ICS ID (`T0846`), since ATT&CK for ICS numbers its techniques from T0800 and enterprise and
 * mobile from T1000; otherwise `fallback`. Mobile shares enterprise's numbering, so only a release can tell its IDs.
 */
export function unstatedLayerDomain(layer: JsonObject, fallback: Domain = 'enterprise-attack'): { domain: Domain; icsIds?: string[] } {
  const entries = Array.isArray(layer['techniques']) ? layer['techniques'] : [];
  const ids = entries.flatMap((entry) => (isJsonObject(entry) ? (readTechniqueId(entry['techniqueID']) ?? []) : []));
  if (ids.length === 0 || !ids.every((id) => ICS_TECHNIQUE_ID.test(id))) return { domain: fallback };
  return { domain: 'ics-attack', icsIds: [...new Set(ids)] };
}

/**
 * What the repair says of a layer that states no domain, read as `unstatedLayerDomain` reads it (`/domain: missing;
 * read as "ics-attack", since its technique IDs are all ICS IDs (T0800, …)`); `gap` says it in the same words.
 */
export function unstatedDomainText({ domain, icsIds, given }: { domain: Domain; icsIds?: readonly string[]; given?: boolean }): string {
  if (given) return `missing; read as ${shown(domain)}, the domain --domain gives (write "domain": ${shown(domain)} to state it in the layer)`;
  const why = icsIds
    ? `, since its technique IDs are all ICS IDs (${firstElided(icsIds)}; ATT&CK for ICS numbers its techniques from T0800, enterprise and mobile from T1000); write "domain": "ics-attack"`
    : ' (write "domain": "mobile-attack" or "ics-attack" for a layer of those)';
  return `missing; read as ${shown(domain)}${why}`;
}

/**
 * A tactic shortname from `Defense Evasion`, ` defense-evasion `, `defense_evasion`, `Command & Control`, and from words
 * run together that spell a known tactic (`InitialAccess`, as Defender's AlertInfo Category names it); undefined when
 * it is not one.
 */
function readTactic(value: string): string | undefined {
  // A shortname as Navigator writes it reads as itself (every one is lower case, hyphenated, with no TA ID), taken
  // first: most entries of most layers hold one, and the readings below cost a tenth of an upgrade.
  if (KNOWN_TACTIC_SHORTNAMES.has(value)) return value;
  // A TA ID with a tactic's name (`TA0001 - Initial Access`, `Persistence (TA0003)`) is read by the name, which means one
  // tactic in every domain, where the ID means another in each: a reader that has the release checks the ID
  // (`readTacticIdAndName`). A name that is no tactic leaves the ID, read as a bare `TA0005` is.
  const pair = tacticIdAndName(value);
  if (pair) {
    const byName = readTactic(pair.name);
    return byName !== undefined && KNOWN_TACTIC_SHORTNAMES.has(byName) ? byName : pair.id.toLowerCase();
  }
  const shortname = (text: string): string => text.trim().toLowerCase().replace(/\s*&\s*/g, ' and ').replace(/[\s_]+/g, '-');
  const fixed = shortname(value);
  const spelt = shortname(tacticWords(value.trim()));
  if (!KNOWN_TACTIC_SHORTNAMES.has(fixed) && KNOWN_TACTIC_SHORTNAMES.has(spelt)) return spelt;
  return TACTIC.test(fixed) ? fixed : undefined;
}

/** Whether text reads as the shortname of a tactic of some ATT&CK domain (`Privilege Escalation`, `command & control`). */
function isKnownTactic(text: string): boolean {
  const tactic = readTactic(text);
  return tactic !== undefined && KNOWN_TACTIC_SHORTNAMES.has(tactic);
}

/**
 * Tactics written as a list: in one string (`"defense-evasion, privilege-escalation"`, `"Defense Evasion; Impact"`,
 * `"Persistence and Privilege Escalation"`, `"Collection/Exfiltration"`; splitTacticList says where such a string is
 * split) or as a JSON list of them (`["Persistence", "Privilege Escalation"]`). The distinct shortnames, the parts that
 * read as none, and the parts that read as tactics in two ways; undefined when the value holds no list.
 */
function readTacticList(value: unknown): { tactics: string[]; others: unknown[]; ambiguous: TacticListReading['ambiguous'] } | undefined {
  const items = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!items?.length) return undefined;
  const parts: string[] = [];
  const others: unknown[] = [];
  const ambiguous: TacticListReading['ambiguous'] = [];
  for (const item of items) {
    if (typeof item !== 'string') {
      others.push(item);
      continue;
    }
    const read = splitTacticList(item, isKnownTactic);
    parts.push(...read.parts);
    ambiguous.push(...read.ambiguous);
  }
  if (typeof value === 'string' && parts.length < 2 && !ambiguous.length) return undefined;
  const tactics: string[] = [];
  for (const part of parts) {
    const tactic = readTactic(part);
    if (tactic === undefined) others.push(part);
    else if (!tactics.includes(tactic)) tactics.push(tactic);
  }
  return { tactics, others, ambiguous };
}

/** The tactics of an entry's `tactic` as read, when it was written as a list (`"Defense Evasion, Impact"`); else undefined. */
export function listedTactics(tactic: unknown): string[] | undefined {
  const listed = readTacticList(tactic);
  return listed?.tactics.length ? listed.tactics : undefined;
}

/** The fields of a metadata item (format 4.5; Navigator's Metadata class reads no other). */
const METADATA_ITEM_FIELDS = ['name', 'value', 'divider'] as const;

/** The fields of a link (format 4.5; Navigator's Link class reads no other). */
const LINK_FIELDS = ['label', 'url', 'divider'] as const;

/** Whether an item's field holds something: text that is not blank, or a value that is no text (a number). */
function hasText(item: JsonObject, key: string): boolean {
  const value = item[key];
  return value !== undefined && value !== null && (typeof value !== 'string' || value.trim() !== '');
}

/**
 * A `divider` beside a metadata item's name and value, or a link's URL, left out: Navigator 5.1 reads such an item by
 * them and never by the divider (its Metadata and Link `deserialize` test `'name' in` and `'url' in` first), so a
 * generator's `"divider": false` on every item is no divider, and the item shows as written.
 */
function sideDivider(item: JsonObject, at: string, reader: 'Metadata' | 'Link', log: Log): void {
  const beside = reader === 'Metadata' ? 'a name and value' : 'a URL';
  log(`${at}/divider`, `${shown(item['divider'])} beside ${beside}, which Navigator 5.1 reads the item by (${reader}.deserialize), not as a divider; left out`);
  delete item['divider'];
}

/**
 * A metadata item written as a record of fields of its own (`{"module_path": "…", "declared": true, "detections": 2}`,
 * as KittySploit's Navigator export writes one per module), none of them a metadata item's field or a misspelling of
 * one: each field that holds something as a name and its value as text, in the order written; undefined for any
 * other item.
 */
function recordFields(item: JsonObject): Array<[name: string, value: string]> | undefined {
  const keys = Object.keys(item);
  if (keys.some((key) => (METADATA_ITEM_FIELDS as readonly string[]).includes(key) || meantField(key, METADATA_ITEM_FIELDS) !== undefined)) return undefined;
  const fields = keys.filter((key) => key.trim() !== '' && holdsSomething(item[key]));
  if (!fields.length) return undefined;
  return fields.map((key) => {
    const value = item[key];
    return [key, typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)];
  });
}

/** Metadata items: items with no name or no value, which Navigator 5.1 does not show, are left out (reported). */
function repairMetadata(items: unknown, path: string, log: Log): unknown {
  // The record of fields an item holds, written where the list goes (`"metadata": {"module_path": "…"}`): Navigator 5.1
  // fails iterating it and stops there; its items are read as a record written in a list is.
  const record = isJsonObject(items) ? recordFields(items) : undefined;
  if (record) {
    log(path, `an object of fields of its own (${record.map(([name]) => name).join(', ')}), not a list of metadata items; read as an item per field, named by it`, {
      navigatorStops: 'in-tab',
      navigatorAlert: `fails iterating it ("is not iterable" in its console), and ${STOPS_IN_TAB}`,
    });
    return record.map(([name, value]) => ({ name, value }));
  }
  if (!Array.isArray(items)) return items;
  const out: unknown[] = [];
  items.forEach((item, i) => {
    const at = `${path}/${i}`;
    if (!isJsonObject(item)) return log(at, `${shown(item)} is not a metadata item; left out`, Array.isArray(item) ? LEFT_OUT : NOT_AN_OBJECT);
    const record = recordFields(item);
    if (record) {
      // Navigator 5.1 shows no item without a name and a value (Metadata.valid), so none of what the record holds; read
      // as an item per field it shows each as "field: value", and a divider keeps each record's items together, as
      // CTID's mapping layers divide their groups of items.
      if (out.length) out.push({ divider: true });
      out.push(...record.map(([name, value]) => ({ name, value })));
      const names = record.map(([name]) => name).join(', ');
      return log(at, `metadata item with fields of its own (${names}) and no name or value; read as an item per field, named by it, after a divider from any item before it`, {
        navigatorHides: 'shows no metadata item without a name and a value (Metadata.valid), so nothing of this one',
      });
    }
    leaveOutUnknownFields(item, METADATA_ITEM_FIELDS, at, 'metadata item', log);
    if ('divider' in item && hasText(item, 'name') && hasText(item, 'value')) sideDivider(item, at, 'Metadata', log);
    if ('divider' in item) {
      out.push({ divider: true });
      if (item['divider'] !== true) log(`${at}/divider`, `${shown(item['divider'])} read as true (a divider)`);
      // Navigator 5.1 reads an item with a name by its name and value, and shows none without a value: as a divider it shows.
      for (const key of ['name', 'value'] as const) {
        if (key in item) log(`${at}/${key}`, `${shown(item[key])} beside a divider without ${key === 'name' ? 'a value' : 'a name'}, which Navigator 5.1 would not show; left out`, LEFT_OUT);
      }
      return;
    }
    // mitreattack-python's divider: { name: "DIVIDER", value: true }.
    if (item['name'] === 'DIVIDER' && typeof item['value'] === 'boolean') {
      out.push({ divider: true });
      return log(at, 'mitreattack-python\'s divider {"name": "DIVIDER"} read as a divider');
    }
    const name = item['name'];
    if (typeof name !== 'string' || name.trim() === '') return log(at, `metadata item ${shown(item)} has no name; left out`, LEFT_OUT);
    const value = item['value'];
    // NAVIGATOR.md: Navigator opens a layer whose metadata items lack a value, but by its source it shows no such item
    // (Metadata.valid() wants a name and a value that are not empty), so an item written so would be hidden: it is
    // left out, and upgrade keeps it, as it was, where it shows.
    if (value === undefined || value === null || value === '') {
      return log(at, `metadata item ${shown(item)} has no value, and Navigator 5.1 shows no item without one; left out`, { ...LEFT_OUT, navigatorTolerates: true });
    }
    if (typeof value === 'string') return void out.push(item);
    const fixed = typeof value === 'object' ? JSON.stringify(value) : String(value);
    out.push({ ...item, value: fixed });
    log(`${at}/value`, `${shown(value)} written as the text "${fixed}"`, { navigatorHides: TYPE_ONLY.metadata });
  });
  return out;
}

/** Links: a link without a label is labelled with its URL; one without a URL is left out (reported). */
function repairLinks(items: unknown, path: string, log: Log): unknown {
  if (!Array.isArray(items)) return items;
  const out: unknown[] = [];
  items.forEach((item, i) => {
    const at = `${path}/${i}`;
    if (!isJsonObject(item)) return log(at, `${shown(item)} is not a link; left out`, Array.isArray(item) ? LEFT_OUT : NOT_AN_OBJECT);
    leaveOutUnknownFields(item, LINK_FIELDS, at, 'link', log);
    if ('divider' in item && hasText(item, 'url')) sideDivider(item, at, 'Link', log);
    if ('divider' in item) return void out.push({ divider: true });
    const url = typeof item['url'] === 'string' ? item['url'].trim() : '';
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) return log(at, `link ${shown(item)} has no URL with a scheme (https://…); left out`, LEFT_OUT);
    const script = scriptScheme(url);
    // Not written into a layer this tool writes, whoever wrote the layer it reads: a click on it would run its code.
    if (script) return log(at, `link ${shown(item)} is a ${script}: address, which runs or embeds code when opened, not a page to read; left out`, LEFT_OUT);
    const label = typeof item['label'] === 'string' && item['label'].trim() !== '' ? item['label'] : url;
    // Navigator 5.1 shows no link without a label (Link.valid()).
    if (label !== item['label']) log(`${at}/label`, `no label, and Navigator 5.1 shows no link without one; labelled with its URL`, { navigatorHides: 'shows that link nowhere' });
    if (url !== item['url']) log(`${at}/url`, 'stray spaces removed');
    out.push({ ...item, label, url });
  });
  return out;
}

/**
 * Put `value`, an entry's field as read, in place of what was written, logging it when they differ; when it could not
 * be read (undefined), log why at `unreadable`'s path and return false, so that the entry is left out. The fields read
 * so, `techniqueID` and `tactic`, are the ones Navigator 5.1 finds an entry's cell by, as written (its ViewModel and
 * TechniqueVM compare them with `==` and join them into the cell's key): a value read otherwise than written is one
 * Navigator shows nowhere.
 */
function readField(entry: JsonObject, key: string, value: string | undefined, path: string, log: Log, unreadable: [at: string, why: string]): boolean {
  const raw = entry[key];
  if (value === undefined) {
    log(unreadable[0], `${unreadable[1]}; the entry is left out: ${shown(entry)}`, { leftOut: { entry: unreadable[1] } });
    return false;
  }
  if (value !== raw) log(`${path}/${key}`, `${shown(raw)} read as ${value}`, { navigatorHides: true });
  entry[key] = value;
  return true;
}

const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { true: true, false: false };

/** What Navigator 5.1, which reads a technique entry's fields only by their names, does without one of these misspelt. */
const SHOWN_WITHOUT = 'reads a field only by the name the format gives it and shows the entry without it';
const HIDDEN_IF_MISSPELT: Readonly<Record<string, string>> = {
  techniqueID: 'reads a field only by the name the format gives it, finds no technique for the entry and drops it',
  score: SHOWN_WITHOUT,
  color: SHOWN_WITHOUT,
  comment: SHOWN_WITHOUT,
  enabled: SHOWN_WITHOUT,
  metadata: SHOWN_WITHOUT,
  links: SHOWN_WITHOUT,
};

/**
 * What Navigator 5.1 shows of an entry's field, or a metadata item's value, written as another type than its own:
 * TechniqueVM.deserialize (technique-vm.ts at 38460258) and Metadata.deserialize test each field's type, log a
 * TypeError and keep their default, so the annotation written there is not shown.
 */
const TYPE_ONLY = {
  score: 'reads a score only from a number (a TypeError in its console for text) and shows the entry unscored',
  comment: 'reads a comment only from text (a TypeError in its console) and shows none',
  enabled: 'reads enabled only from true or false (a TypeError in its console for text) and shows the technique enabled',
  metadata: 'reads a metadata value only from text (a TypeError in its console) and shows no item without one',
  showSubtechniques: 'reads showSubtechniques only from true or false (a TypeError in its console for text) and keeps the annotated sub-techniques collapsed, where nobody sees them',
} as const;

/**
 * A showSubtechniques of text Navigator 5.1 does not read hides something only where the layout does not expand
 * sub-techniques and an annotated sub-technique of that technique has an entry: elsewhere the repair hides nothing.
 * `layout` is the layout as Navigator reads it (`navigatorSettings`): only `expandedSubtechniques` written "annotated"
 * or "all" expands them (ViewModel.initTechniqueVMs at fa7a6017); the layout option (side, flat, mini) expands none.
 */
function keepCollapsingRepairs(repairs: LayerRepair[], entries: readonly JsonObject[], entryOrigins: readonly number[], layout: unknown): void {
  const expands = isJsonObject(layout) && (layout['expandedSubtechniques'] === 'annotated' || layout['expandedSubtechniques'] === 'all');
  for (const repair of repairs) {
    if (repair.navigatorHides !== TYPE_ONLY.showSubtechniques) continue;
    const id = entries[entryOrigins.indexOf(Number(/^\/techniques\/(\d+)\//.exec(repair.path)?.[1]))]?.['techniqueID'];
    const annotatedSub = entries.some((entry) => typeof entry['techniqueID'] === 'string' && entry['techniqueID'].startsWith(`${String(id)}.`) && isAnnotated(entry));
    if (expands || !annotatedSub) delete repair.navigatorHides;
  }
}

/** The fields of a layer's gradient (format 4.5; Navigator's Gradient class reads no other). */
const GRADIENT_FIELDS = ['colors', 'minValue', 'maxValue'] as const;

/**
 * The field of `fields` that a field no format has stands for, when only one can be meant: the one it misspells
 * (`colour`, `commnet`, `Score`: closestWord, case, `-` and `_` aside) when no other field is as close, else the one
 * it shortens (`min`, `desc`: three letters or more that start one field only). Undefined otherwise: a field a
 * generator writes on purpose (CTID's `score_num`, `techniqueName`) is close to none.
 */
function meantField(key: string, fields: readonly string[]): string | undefined {
  const fold = (text: string): string => text.toLowerCase().replace(/[\s_-]/g, '');
  const near = closestWord(key, fields);
  if (near !== undefined) {
    const distance = editDistance(fold(key), fold(near), 2);
    const others = fields.filter((field) => field !== near && editDistance(fold(key), fold(field), distance) <= distance);
    return others.length ? undefined : near;
  }
  const folded = fold(key);
  const started = folded.length >= 3 ? fields.filter((field) => fold(field).startsWith(folded)) : [];
  return started.length === 1 ? started[0] : undefined;
}

/**
 * Fields of `owner` that no format has, each read as the field it stands for (`meantField`) when that field is not
 * written too and the value is one `fits` takes, the change logged at its path as `what` names the object ("technique
 * entry"). The others are left as they are and returned, for the caller to keep or leave out.
 */
function readMisspeltFields(
  owner: JsonObject,
  fields: readonly string[],
  path: string,
  what: string,
  log: Log,
  fits: (field: string, value: unknown) => boolean = () => true,
  hides: (field: string) => string | undefined = () => undefined,
): string[] {
  const unknown: string[] = [];
  for (const key of Object.keys(owner)) {
    if (fields.includes(key)) continue;
    const meant = meantField(key, fields);
    const value = owner[key];
    if (meant === undefined || meant in owner || !fits(meant, value)) {
      unknown.push(key);
      continue;
    }
    delete owner[key];
    owner[meant] = value;
    log(`${path}/${escapePointer(key)}`, `"${key}" is no ${what} field (${ignoredText(`${path}/${meant}`, value)}); read as ${meant}`, {
      renamed: `${path}/${escapePointer(meant)}`,
      ...(hides(meant) ? { navigatorHides: hides(meant) } : {}),
    });
  }
  return unknown;
}

/**
 * `readMisspeltFields`, then each field of `owner` that stands for none left out, the change logged at its path, so
 * that a layer written holds only its format's fields: Navigator 5.1 ignores such a field and saves the layer without it,
 * and `upgrade` keeps it, as it was, in the "removed by upgrade" metadata. `spared` fields are neither read nor left
 * out (the stage filter of formats 2.x and 3.x, which the format migration reads).
 */
function leaveOutUnknownFields(
  owner: JsonObject,
  fields: readonly string[],
  path: string,
  what: string,
  log: Log,
  fits?: (field: string, value: unknown) => boolean,
  spared: readonly string[] = [],
): void {
  const unknown = readMisspeltFields(owner, [...fields, ...spared], path, what, log, (field, value) => !spared.includes(field) && (fits?.(field, value) ?? true));
  for (const key of unknown) {
    delete owner[key];
    log(`${path}/${escapePointer(key)}`, `"${key}" is no ${what} field (Navigator ignores it); left out`, LEFT_OUT);
  }
}

/**
 * Repairs of one technique entry, in order; each returns false when the entry cannot be kept. `path` is the entry's
 * pointer in the layer as read.
 */
const ENTRY_RULES: ReadonlyArray<readonly [label: string, apply: (entry: JsonObject, path: string, log: Log) => boolean]> = [
  [
    'an empty entry ({}) is left out',
    (entry, path, log) => {
      if (Object.keys(entry).length) return true;
      // NAVIGATOR.md: Navigator opens layers with empty entries.
      log(path, 'empty entry {}; left out', { leftOut: { entry: 'empty entry {}' }, navigatorTolerates: true });
      return false;
    },
  ],
  [
    'a field no format has is the one it misspells or shortens (colour, commnet, Score, techniqueId), when only one can be meant; any other is kept as written',
    (entry, path, log) => {
      // Navigator reads only the format's fields: `"colour"` or `"Score"` is an annotation it shows nowhere, and an entry
      // without `techniqueID` one it drops (a misspelt tactic it reads as none, and shows the entry under every tactic).
      // A field a generator writes on purpose (CTID's score_num and category, techniqueName) is close to none and stays,
      // as combine and the gap review read it (keepUnknownFields, unreadNumbersNote).
      readMisspeltFields(entry, Object.keys(techniqueFields()), path, 'technique entry', log, fitsEntryField, (field) =>
        Object.hasOwn(HIDDEN_IF_MISSPELT, field) ? HIDDEN_IF_MISSPELT[field] : undefined,
      );
      return true;
    },
  ],
  [
    'a technique ID with stray spaces, a trailing dot, lower case or another separator is read as the ID',
    (entry, path, log) => {
      const raw = entry['techniqueID'];
      const unreadable =
        raw === undefined
          ? 'no techniqueID'
          : typeof raw === 'string' && PRE_ATTACK_ID.test(raw.trim())
            ? `techniqueID ${shown(raw)} is a PRE-ATT&CK ID, of no ATT&CK domain since ${PRE_ATTACK_MERGED}: annotate the enterprise technique that fits`
            : typeof raw === 'string' && TACTIC_ID.test(raw.trim())
              ? `techniqueID ${shown(raw)} is a tactic's ID, not a technique's: a layer annotates techniques (under a tactic with "tactic"); annotate the techniques the entry is about`
              : typeof raw === 'string' && ATLAS_ID.test(raw.trim())
                ? atlasIdMessage(raw)
                : typeof raw === 'string' && OBJECT_ID.test(raw.trim())
                  ? objectIdText(raw)
                  : `techniqueID ${shown(raw)} is not a technique ID`;
      return readField(entry, 'techniqueID', readTechniqueId(raw), path, log, [path, unreadable]);
    },
  ],
  [
    'a tactic written as a name (Defense Evasion), or as a TA ID with a name (TA0005 - Defense Evasion), is its shortname; one that cannot be read leaves the entry out',
    (entry, path, log) => {
      const raw = entry['tactic'];
      if (raw === undefined) return true;
      if (raw === null || raw === '') {
        delete entry['tactic'];
        // Navigator's TechniqueVM.deserialize, by its source: an empty tactic alerts once per entry and keys the
        // annotation to no cell. A null one is taken as the tactic "null", shown nowhere, without a word.
        const alert = `shows the alert "WARNING: The tactic field on the technique ID ${String(entry['techniqueID'])} is not defined. Annotations for this technique may not be restored." and shows the annotation nowhere`;
        log(`${path}/tactic`, `${shown(raw)} removed (the annotation applies under every tactic)`, { ...LEFT_OUT, ...(raw === '' ? { navigatorAlert: alert } : { navigatorHides: true }) });
        return true;
      }
      // "Unknown" says that no tactic is known, as an empty tactic does: it is no tactic's shortname (`unknown`), and
      // Navigator keys it to no cell. Removed, the annotation applies under every tactic of the technique.
      if (typeof raw === 'string' && NO_TACTIC_KNOWN.test(raw)) {
        delete entry['tactic'];
        log(`${path}/tactic`, `${shown(raw)} says no tactic is known; removed (the annotation applies under every tactic)`, { ...LEFT_OUT, navigatorHides: true });
        return true;
      }
      const listed = readTacticList(raw);
      if (listed) {
        const { tactics, others, ambiguous } = listed;
        for (const other of others) log(`${path}/tactic`, `${shown(other)} in the list ${shown(raw)} is not a tactic; that part left out (name a tactic of the technique there)`, LEFT_OUT);
        for (const { text, readings } of ambiguous) {
          const ways = readings.map((reading) => reading.map((part) => readTactic(part) ?? part).join(' + ')).join(' or ');
          log(`${path}/tactic`, `${shown(text)} in ${shown(raw)} reads as tactics in more than one way (${ways}); that part left out (write one entry per tactic)`, LEFT_OUT);
        }
        if (tactics.length) {
          // Expanded into one entry per tactic by repairLayer: Navigator keys the written list to no cell.
          entry['tactic'] = tactics;
          log(`${path}/tactic`, `${shown(raw)} is a list of tactics; read as one entry under each: ${tactics.join(', ')} (write one entry per tactic)`, { navigatorHides: true });
          return true;
        }
        if (typeof raw !== 'string' || ambiguous.length) return readField(entry, 'tactic', undefined, path, log, [`${path}/tactic`, `${shown(raw)} is not a tactic`]);
      }
      // Text that joins a tactic to what is none (`Persistence and Foo`) is neither a tactic nor a list of them
      // (splitTacticList): not read as a tactic's shortname (`persistence-and-foo`) but removed, the annotation kept
      // under every tactic, as a campaign file's tactic that reads as none is ignored.
      const within = typeof raw === 'string' && !isKnownTactic(raw) ? tacticsWithin(raw, isKnownTactic) : [];
      if (within.length) {
        delete entry['tactic'];
        const parts = within.map((part) => readTactic(part) ?? part).join(', ');
        log(`${path}/tactic`, `${shown(raw)} is not a tactic, nor a list of them: only a part of it is one (${parts}); removed (the annotation applies under every tactic; write one entry per tactic)`, { ...LEFT_OUT, navigatorHides: true });
        return true;
      }
      // A bare TA ID (`TA0002`) is a tactic that only a reader with the release can name, and each says it once: upgrade
      // reads it as that tactic (`execution`), validate and export say to write its shortname (tactic-written.ts). Kept
      // in lower case as every tactic is read, without a word here: that repairs nothing (`ta0002` is no shortname either).
      if (typeof raw === 'string' && TACTIC_ID.test(raw.trim())) {
        entry['tactic'] = raw.trim().toLowerCase();
        return true;
      }
      const tactic = typeof raw === 'string' ? readTactic(raw) : undefined;
      return readField(entry, 'tactic', tactic, path, log, [`${path}/tactic`, `${shown(raw)} is not a tactic`]);
    },
  ],
  [
    'score null or "" means unscored; a number written as text is that number',
    (entry, path, log) => {
      const score = entry['score'];
      if (score === undefined || (typeof score === 'number' && Number.isFinite(score))) return true;
      const text = typeof score === 'string' ? score.trim() : undefined;
      if (text !== undefined && text !== '' && Number.isFinite(Number(text))) {
        entry['score'] = Number(text);
        log(`${path}/score`, `${shown(score)} read as ${Number(text)}`, { navigatorHides: TYPE_ONLY.score });
        return true;
      }
      delete entry['score'];
      // NAVIGATOR.md: Navigator opens a null score (logging a type error).
      log(`${path}/score`, `${shown(score)} ${score === null || text === '' ? 'means unscored; removed' : 'is not a number; removed (unscored)'}`, {
        ...LEFT_OUT,
        navigatorTolerates: score === null,
      });
      return true;
    },
  ],
  [
    'a colour with stray spaces or a doubled hash ("#0d47a1 ", "##ffffff") is read as the colour; one that is no colour is removed',
    (entry, path, log) => {
      const color = entry['color'];
      if (color === undefined || color === '') return true;
      const fixed = typeof color === 'string' ? (color.trim() === '' ? '' : repairColor(color)) : undefined;
      if (fixed === color) return true;
      if (fixed === undefined) {
        delete entry['color'];
        log(`${path}/color`, `${shown(color)} is not a colour; removed`, LEFT_OUT);
      } else {
        entry['color'] = fixed;
        log(`${path}/color`, `${shown(color)} read as ${shown(fixed)}`, colorOutcome(color as string, fixed));
      }
      return true;
    },
  ],
  [
    'enabled and showSubtechniques written as text ("true") are booleans; a comment that is not text becomes text',
    (entry, path, log) => {
      for (const key of ['enabled', 'showSubtechniques'] as const) {
        const value = entry[key];
        if (value === undefined || typeof value === 'boolean') continue;
        const fixed = typeof value === 'string' ? BOOLEAN_TEXT[value.trim().toLowerCase()] : typeof value === 'number' ? value !== 0 : undefined;
        if (fixed === undefined) delete entry[key];
        else entry[key] = fixed;
        // Navigator keeps its default (enabled, collapsed) for text: what is lost is a false enabled, or a true
        // showSubtechniques (where it hides something: keepCollapsingRepairs).
        const lost = key === 'enabled' ? fixed === false : fixed === true;
        const hides = lost ? { navigatorHides: TYPE_ONLY[key] } : {};
        log(`${path}/${key}`, fixed === undefined ? `${shown(value)} is not true or false; removed` : `${shown(value)} read as ${fixed}`, fixed === undefined ? LEFT_OUT : hides);
      }
      const comment = entry['comment'];
      if (comment !== undefined && typeof comment !== 'string') {
        if (comment === null) delete entry['comment'];
        else entry['comment'] = typeof comment === 'object' ? JSON.stringify(comment) : String(comment);
        log(`${path}/comment`, comment === null ? 'null removed' : `${shown(comment)} written as text`, comment === null ? LEFT_OUT : { navigatorHides: TYPE_ONLY.comment });
      }
      return true;
    },
  ],
  [
    'a list written as text that says something ("metadata": "seen twice", "links": "https://…") is read as what it says: a link, else a metadata item named by its field',
    (entry, path, log) => {
      readTextLists(entry, ['metadata', 'links'], path, log);
      return true;
    },
  ],
  [
    'metadata items without a value keep their name; links without a label take their URL',
    (entry, path, log) => {
      if ('metadata' in entry) entry['metadata'] = repairMetadata(entry['metadata'], `${path}/metadata`, log);
      if ('links' in entry) entry['links'] = repairLinks(entry['links'], `${path}/links`, log);
      return true;
    },
  ],
  [
    'any other field that is null (metadata, links), or a list written as empty text ("metadata": ""), holds nothing and is left out',
    (entry, path, log) => {
      for (const key of Object.keys(entry)) {
        if (leftOutEmptyTextList(entry, key, techniqueFields(), path, log)) continue;
        if (techniqueFields()[key]?.type === 'array') leftOutUnreadList(entry, key, path, log);
        if (entry[key] !== null) continue;
        delete entry[key];
        log(`${path}/${escapePointer(key)}`, 'null holds nothing; left out', LEFT_OUT);
      }
      return true;
    },
  ],
];

/** A top-level property of the layer schema: its JSON type or its values. */
interface LayerProperty {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, LayerProperty>;
}

let layerProperties: Readonly<Record<string, LayerProperty>> | undefined;

/** The top-level properties of format 4.5, read once from the shipped schema (schemas/layer-4.5.schema.json). */
function layerFields(): Readonly<Record<string, LayerProperty>> {
  return (layerProperties ??= (JSON.parse(readFileSync(schemaUrl('layer-4.5'), 'utf8')) as { properties: Record<string, LayerProperty> }).properties);
}

let techniqueProperties: Readonly<Record<string, { type?: string | string[] }>> | undefined;

/** The fields of a technique entry of format 4.5, read once from the shipped schema. */
function techniqueFields(): Readonly<Record<string, { type?: string | string[] }>> {
  return (techniqueProperties ??= (JSON.parse(readFileSync(schemaUrl('layer-4.5'), 'utf8')) as { $defs: { technique: { properties: Record<string, { type?: string | string[] }> } } }).$defs.technique.properties);
}

/**
 * Whether an entry's value may be read as the field it misspells: of the field's type, or of a form the entry's rules
 * read as it (a score or `enabled` written as text, tactics as a list); an object is no comment. A value the field's
 * rule would leave out (`"colour": "pale"`, `"Score": "high"`) stays where it is, so that nothing written is lost.
 */
function fitsEntryField(field: string, value: unknown): boolean {
  const type = techniqueFields()[field]?.type;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (field === 'color') return text !== undefined && (text === '' || repairColor(text) !== undefined);
  if (text !== undefined && types.includes('number')) return text !== '' && Number.isFinite(Number(text));
  if (text !== undefined && types.includes('boolean')) return BOOLEAN_TEXT[text.toLowerCase()] !== undefined;
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return types.includes(actual) || (field === 'tactic' && actual === 'array');
}

/** Whether a value is of the type (or among the values) the schema gives a top-level property. */
function fitsField(field: string, value: unknown): boolean {
  const { type, enum: values } = layerFields()[field] ?? {};
  if (values) return values.includes(value);
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value;
  return type === undefined || type === actual || (type === 'integer' && Number.isInteger(value));
}

/** Settings read elsewhere: the domain decides how the layer is read at all, a customDataURL has its own repair. */
const SETTINGS_READ_ELSEWHERE: readonly string[] = ['domain', 'customDataURL'];

/**
 * A layer setting (text, a number, true or false, or one of fixed values) as the schema's `property` takes it: the
 * value itself, the value text holds (`"false"`, `"3"`, `" Side"`), a number or boolean written as text where text is
 * wanted, or undefined when it is none of the field's values.
 */
function readSetting(value: unknown, property: LayerProperty): unknown {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (property.enum) {
    if (property.enum.includes(value)) return value;
    return property.enum.find((option) => text !== undefined && text !== '' && (typeof option === 'number' ? option === Number(text) : option === text.toLowerCase()));
  }
  switch (property.type) {
    case 'boolean':
      return typeof value === 'boolean' ? value : text === undefined ? undefined : BOOLEAN_TEXT[text.toLowerCase()];
    case 'string':
      return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'number':
    case 'integer': {
      const number = typeof value === 'number' ? value : text !== undefined && text !== '' ? Number(text) : NaN;
      return Number.isFinite(number) && (property.type === 'number' || Number.isInteger(number)) ? number : undefined;
    }
    default:
      return value;
  }
}

/** What a setting must be, for a report line: `true or false`, `one of "side", "flat", "mini"`. */
function settingKind(property: LayerProperty): string {
  if (property.enum) return `one of ${property.enum.map((option) => JSON.stringify(option)).join(', ')}`;
  return property.type === 'boolean' ? 'true or false' : property.type === 'string' ? 'text' : 'a number';
}

/** Navigator 5.1's tactic row background when a layer shows one (`showTacticRowBackground`) and names no colour (view-model.ts: `tacticRowBackground = "#dddddd"`). */
export const DEFAULT_TACTIC_ROW_BACKGROUND = '#dddddd';

/**
 * The settings Navigator 5.1 reads only from a value of their type, written as it is, and the default it keeps for any
 * other (a TypeError or "invalid … option" in its console): mitre-attack/attack-navigator view-model.ts deserialize at
 * fa7a6017 (`typeof obj.hideDisabled === 'boolean'`, `typeof obj.sorting === 'number'`, …) and layout-options.ts
 * deserialize at 0e66913e (`typeof rep.layout === 'string'`, then `layoutOptions.includes`, so "Flat" is no layout).
 */
export const NAVIGATOR_SETTING_DEFAULTS: Readonly<Record<string, unknown>> = {
  '/sorting': 0,
  '/hideDisabled': false,
  '/showTacticRowBackground': false,
  '/selectTechniquesAcrossTactics': true,
  '/selectSubtechniquesWithParent': false,
  '/selectVisibleTechniques': false,
  '/layout/layout': 'side',
  '/layout/aggregateFunction': 'average',
  '/layout/showID': false,
  '/layout/showName': true,
  '/layout/showAggregateScores': false,
  '/layout/countUnscored': false,
  '/layout/expandedSubtechniques': 'none',
};

/**
 * The settings of a repaired layer as Navigator 5.1 shows them: each one the repair read otherwise than written
 * (`"hideDisabled": "true"`, `"expandedSubtechniques": "Annotated"`, a misspelt layout option) is Navigator's default,
 * which it keeps for such a value; the others as repaired. `asRead` is the layer the repair read, `repaired` its result.
 */
export function navigatorSettings(asRead: JsonObject, repaired: JsonObject): JsonObject {
  const layout = isJsonObject(repaired['layout']) ? { ...repaired['layout'] } : undefined;
  const shown: JsonObject = { ...repaired, ...(layout ? { layout } : {}) };
  for (const [at, fallback] of Object.entries(NAVIGATOR_SETTING_DEFAULTS)) {
    const [, first, second] = at.split('/') as [string, string, string | undefined];
    const read = second === undefined ? asRead[first] : isJsonObject(asRead[first]) ? asRead[first][second] : undefined;
    const owner = second === undefined ? shown : layout;
    const key = second ?? first;
    if (owner && owner[key] !== undefined && owner[key] !== read) owner[key] = fallback as JsonObject[string];
  }
  return shown;
}

/**
 * What Navigator 5.1 does with a field it does not know, written for the setting at `at` (`"hideDisable": true`): it
 * ignores it, and keeps its default for that setting, which is said where the value written is another.
 */
function ignoredText(at: string, value: unknown): string {
  const fallback = NAVIGATOR_SETTING_DEFAULTS[at];
  return at in NAVIGATOR_SETTING_DEFAULTS && fallback !== value ? `Navigator ignores it and keeps its default, ${shown(fallback)}` : 'Navigator ignores it';
}

/**
 * What Navigator 5.1 does with a setting the repair read otherwise than written ("false" as false, "Flat" as "flat"),
 * after "read as …": it keeps its default, which the author did not write; empty for a setting it does not read so, or
 * when its default is what the repair read.
 */
function navigatorSettingText(at: string, property: LayerProperty, read: unknown): string {
  if (!(at in NAVIGATOR_SETTING_DEFAULTS) || NAVIGATOR_SETTING_DEFAULTS[at] === read) return '';
  const takes = property.enum
    ? typeof property.enum[0] === 'number'
      ? 'only a number'
      : `only ${property.enum.map((option) => JSON.stringify(option)).join(', ')} as written`
    : `only ${settingKind(property)}`;
  return ` (Navigator 5.1 takes ${takes} there and keeps its default, ${shown(NAVIGATOR_SETTING_DEFAULTS[at])})`;
}

/**
 * A setting's value that is another tool's word for one of its values, by the setting's pointer and the word in lower
 * case: what to write instead. Navigator 5.1 takes only its own values, so such a word is still left out (as it keeps
 * its default), but the line says which value was likely meant.
 */
const OTHER_TOOLS_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // `attack-layers export --subtechniques expanded` names showing every sub-technique so; a layer says it with "all".
  '/layout/expandedSubtechniques': {
    expanded: 'write "all" to show every sub-technique under its parent ("expanded" is `attack-layers export --subtechniques`\' word for it), or "annotated" for those of annotated ones',
  },
};

/**
 * The layer's settings, and its layout's, read as their fields take them (`readSetting`), each change logged at its
 * path; one that is none of its field's values is left out, so that its default applies, as Navigator reads most of
 * them (it logs a type error, or warns of an invalid option, and keeps its default: view-model.ts and
 * layout-options.ts deserialize).
 */
function repairSettings(owner: JsonObject, properties: Readonly<Record<string, LayerProperty>>, path: string, log: Log): void {
  for (const [key, property] of Object.entries(properties)) {
    const value = owner[key];
    if (value === undefined || value === null || SETTINGS_READ_ELSEWHERE.includes(key) || ['object', 'array'].includes(property.type ?? '')) continue;
    const fixed = readSetting(value, property);
    if (fixed === value) continue;
    const at = `${path}/${escapePointer(key)}`;
    if (fixed === undefined) {
      delete owner[key];
      const instead = typeof value === 'string' ? OTHER_TOOLS_WORDS[at]?.[value.trim().toLowerCase()] : undefined;
      log(at, `${shown(value)} is not ${settingKind(property)}; left out (the default applies)${instead ? `; ${instead}` : ''}`, LEFT_OUT);
    } else {
      owner[key] = fixed;
      log(at, `${shown(value)} read as ${shown(fixed)}${navigatorSettingText(at, property, fixed)}`);
    }
  }
}

/** Fields of older formats that the format migration reads (layer-format.ts): `version`, `viewMode`, `viewFullTable`. */
const OLD_FORMAT_FIELDS: readonly string[] = ['version', 'viewMode', 'viewFullTable'];

/** Repairs of the layer outside its technique entries, in order. */
const LAYER_RULES: ReadonlyArray<readonly [label: string, apply: (layer: JsonObject, log: Log, file: string, options: RepairOptions) => void]> = [
  [
    'a layer field that is null (a Go layer library writes every unset field so), or a list written as empty text, holds nothing and is left out',
    (layer, log) => {
      const fields = layerFields();
      for (const key of Object.keys(layer)) {
        if (leftOutEmptyTextList(layer, key, fields, '', log)) continue;
        if (layer[key] !== null) continue;
        delete layer[key];
        // Navigator reads into an object or list field (`rep.platforms`, `for (… of obj.metadata)`) and fails; a null
        // text, number or boolean it only logs.
        const structured = ['object', 'array'].includes(fields[key]?.type ?? '');
        log(`/${escapePointer(key)}`, 'null holds nothing; left out', {
          ...LEFT_OUT,
          ...(structured ? { navigatorStops: 'in-tab', navigatorAlert: `fails reading into it (a type error), and ${STOPS_IN_TAB}` } : {}),
        });
      }
    },
  ],
  [
    'a field no layer format has is the one it misspells (hideDisable) or shortens (desc), when only one can be meant, else left out',
    (layer, log) => {
      const fields = Object.keys(layerFields());
      for (const key of Object.keys(layer)) {
        // A field of older formats holds a number or text; one holding an object is the misspelling of a field of
        // format 4 (`"version": {"attack": "8", "layer": "4.0"}`, as a layer generator on GitHub writes `versions`).
        if (fields.includes(key) || (OLD_FORMAT_FIELDS.includes(key) && !isJsonObject(layer[key]))) continue;
        // DeTT&CT's layers write `hideDisable`; Navigator ignores what it does not know, and mitreattack-python refuses
        // the whole layer (UnknownLayerProperty). A value of another type than the field's is no misspelling of it
        // (`filter: "Windows"` would make the layer invalid as `filters`).
        const meant = meantField(key, fields);
        const value = layer[key];
        delete layer[key];
        if (meant && !(meant in layer) && fitsField(meant, value)) {
          layer[meant] = value;
          if (!OLD_FORMAT_FIELDS.includes(key)) log(`/${escapePointer(key)}`, `"${key}" is no layer field (${ignoredText(`/${meant}`, value)}); read as ${meant}`, { renamed: `/${escapePointer(meant)}` });
          else {
            // Navigator reads it as the format number of formats up to 4.0 ("[object Object]"), and the layer's release as its newest.
            log(`/${escapePointer(key)}`, `"${key}" holding an object is no layer field (formats up to 4.0 wrote the format's number there); read as ${meant}`, {
              navigatorAlert: `reads it as a format number, "[object Object]", and opens the layer only after an "Outdated Layer" warning, in its newest ATT&CK release whatever ${escapePointer(key)}.attack says`,
            });
          }
        } else {
          log(`/${escapePointer(key)}`, `"${key}" is no layer field (Navigator ignores it); left out`, LEFT_OUT);
        }
      }
    },
  ],
  [
    'a layer that states no domain is read in ics-attack when all its technique IDs are ICS IDs (T0800), else in the default domain, enterprise-attack: Navigator refuses it',
    (layer, log, _file, options) => {
      if (layer['domain'] !== undefined || options.unstatedDomain === false) return;
      // Read as enterprise, each ICS ID would be reported as another domain's.
      const read = options.unstatedDomain ? { domain: options.unstatedDomain, given: true } : unstatedLayerDomain(layer);
      layer['domain'] = read.domain;
      // Navigator 5.1 reads the missing field as the domain "undefined" (view-model.ts deserializeDomainVersionID),
      // finds no such data and throws "Error: 'undefined' (v13) is an invalid domain." (tabs.component.ts).
      log('/domain', unstatedDomainText(read), {
        navigatorStops: 'unopened',
        navigatorAlert: `reads the domain as "undefined" ("is an invalid domain" in its console) and ${stopsUnopened()}`,
      });
    },
  ],
  [
    "a domain written as ATT&CK's STIX name for it (mitre-attack) is that domain: Navigator refuses it",
    (layer, log) => {
      const stated = layer['domain'];
      const domain = typeof stated === 'string' ? STIX_DOMAIN_NAMES[stated] : undefined;
      if (!domain) return;
      layer['domain'] = domain;
      log('/domain', `${shown(stated)}, ATT&CK's name for ${domain} in its STIX data, read as ${shown(domain)}`, unknownDomainOutcome(stated));
    },
  ],
  [
    'a layer of format 4.0 or later that names its domain as format 3 did (mitre-enterprise, mitre-mobile) is read in that domain, as Navigator reads it',
    (layer, log) => {
      const stated = layer['domain'];
      // An older format's name is converted with its format (migrateLayerFormat); Navigator maps these two names in a
      // layer of any format (view-model.ts, domain_backwards_compatibility), but no `mitre-ics`. MITRE CAR's
      // car_attack.json states format 4.5 and "mitre-enterprise".
      if (layerFormat(layer).source !== 'versions.layer' || typeof stated !== 'string' || !(stated in NAVIGATOR_OLD_DOMAINS)) return;
      layer['domain'] = NAVIGATOR_OLD_DOMAINS[stated]!;
      log('/domain', `${shown(stated)}, the domain's name in layer formats before 4.0, in a layer of format ${String((layer['versions'] as JsonObject)['layer'])}; read as ${shown(NAVIGATOR_OLD_DOMAINS[stated])}`, {
        navigatorTolerates: true,
      });
    },
  ],
  [
    'a domain written by its short or display name (enterprise, "Mobile ATT&CK", ICS), or a typo or two from one of ATT&CK\'s (enterprise-atack), is that domain: Navigator refuses it',
    (layer, log) => {
      const stated = layer['domain'];
      const named = domainInWords(stated);
      const domain = named ?? misspeltDomain(stated);
      if (!domain) return;
      layer['domain'] = domain;
      const why = named ? 'is not a domain name Navigator knows; read as' : 'is no ATT&CK domain; read as';
      log('/domain', `${shown(stated)} ${why} ${shown(domain)}${named ? '' : ', the one it misspells'} (write "domain": ${shown(domain)})`, unknownDomainOutcome(stated));
    },
  ],
  [
    "a customDataURL of a layer of ATT&CK's own domains is left out: Navigator would load the layer from it as custom data",
    (layer, log) => {
      // Navigator 5.1 reads every layer holding the field as drawn from that data (`'customDataURL' in obj`), whatever
      // its domain: "" is an invalid URL, and ATT&CK's own domain and release conflict with the data it has, each
      // an alert instead of the layer. A layer of a domain of its own (`customData`) is refused before the repair.
      if (!('customDataURL' in layer) || customData(layer)) return;
      const url = layer['customDataURL'];
      delete layer['customDataURL'];
      const named = typeof url === 'string' && url.trim() !== '';
      log(
        '/customDataURL',
        `${shown(url)}: a layer of ${shown(layer['domain'])} is drawn from Navigator's own ATT&CK releases, but Navigator reads any layer with a customDataURL ` +
          `as custom data loaded from it${named ? '' : ', and this one names none'}; left out`,
        {
          ...LEFT_OUT,
          navigatorStops: 'unopened',
          navigatorAlert: stopsUnopened(named ? 'ERROR the domain and version specified conflict with an existing set of ATT&CK data' : 'ERROR: invalid url'),
        },
      );
    },
  ],
  [
    'settings written as text of their type ("hideDisabled": "false", layout "showID": "true", "sorting": "3") are that value; one that is none of its values is left out; a misspelt layout option is the one it misspells',
    (layer, log) => {
      const fields = layerFields();
      repairSettings(layer, fields, '', log);
      const layout = layer['layout'];
      const properties = fields['layout']?.properties;
      if (!isJsonObject(layout) || !properties) return;
      // A misspelt layout option (`showIDs`) Navigator ignores; one no option is close to (`expandedSubdomains`, as an
      // ICS coverage generator on GitHub writes) is left out.
      leaveOutUnknownFields(layout, Object.keys(properties), '/layout', 'layout', log, (field, value) => readSetting(value, properties[field]!) !== undefined);
      repairSettings(layout, properties, '/layout', log);
    },
  ],
  [
    'versions written as numbers ("attack": 14, "layer": 4.5) are that text, as every format wrote them',
    (layer, log) => {
      const versions = layer['versions'];
      if (!isJsonObject(versions)) return;
      for (const key of ['attack', 'navigator', 'layer'] as const) {
        const value = versions[key];
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        versions[key] = String(value);
        // Navigator 5.1 reads the release only from text (view-model.ts deserializeDomainVersionID: "TypeError: attack
        // version field is not a string" in the console), so it shows such a layer in its newest release, without the
        // upgrade prompt an older one gets; the format number it reads with String(), as the repair does.
        const navigator = key === 'attack' ? ' (Navigator 5.1 reads only text there: it opens the layer in its newest release, as one that states none)' : '';
        log(`/versions/${key}`, `the number ${value} read as the text ${shown(String(value))}${navigator}`, key === 'layer' ? { navigatorTolerates: true } : undefined);
      }
    },
  ],
  [
    'a release that holds no number ("attack": "enterprise-attack", "") states none and is left out',
    (layer, log) => {
      const versions = layer['versions'];
      if (!isJsonObject(versions) || typeof versions['attack'] !== 'string' || /\d/.test(versions['attack'])) return;
      const value = versions['attack'];
      delete versions['attack'];
      // Navigator 5.1 reads the release as its first number (view-model.ts: `obj.versions.attack.match(/\d+/g)[0]`):
      // text without one fails there, inside the try of its loader; an empty text it reads as its newest release.
      const navigator: Outcome =
        value === ''
          ? { navigatorTolerates: true }
          : { navigatorStops: 'unopened', navigatorAlert: `finds no number in it ("Cannot read properties of null" in its console) and ${stopsUnopened()}` };
      log('/versions/attack', `${shown(value)} holds no release number; left out, so the layer is read in the newest release, as one that states none`, { ...LEFT_OUT, ...navigator });
    },
  ],
  [
    'a release written with words around its number ("ATT&CK v13.1", "enterprise-attack 14") is that number, the release Navigator reads in it',
    (layer, log) => {
      const versions = layer['versions'];
      const value = isJsonObject(versions) ? versions['attack'] : undefined;
      // The format's own shape of a release ("18", "v18.1"), as the schema states it.
      const shape = new RegExp(layerFields()['versions']?.properties?.['attack']?.pattern ?? '^$');
      if (!isJsonObject(versions) || typeof value !== 'string' || shape.test(value)) return;
      const number = /\d+(?:\.\d+)*/.exec(value)?.[0];
      if (number === undefined) return;
      versions['attack'] = number;
      // Navigator 5.1 reads the release as the first number in the text (view-model.ts deserializeDomainVersionID at
      // fa7a6017: `obj.versions.attack.match(/\d+/g)[0]`) and opens the layer in that release as it would "13".
      log('/versions/attack', `${shown(value)} read as ${shown(number)}, the release Navigator 5.1 reads in it (its first number, ${number.split('.')[0]})`, { navigatorTolerates: true });
    },
  ],
  [
    "a layer without a name (or a blank one) is named after its file: Navigator would title its tab \"loading layer...\"",
    (layer, log, file) => {
      const name = layer['name'];
      if (typeof name === 'string' && name.trim() !== '') return;
      const named = nameOfFile(file);
      layer['name'] = named ?? 'layer';
      log('/name', `${name === undefined ? 'missing' : `${shown(name)} is blank`}; set to ${shown(layer['name'])}${named ? ', the name of its file' : ''}`);
    },
  ],
  [
    'filters that are no object (a list of filter objects, as NetAttackAI writes them) filter nothing and are left out',
    (layer, log) => {
      if (!('filters' in layer) || isJsonObject(layer['filters'])) return;
      const filters = layer['filters'];
      delete layer['filters'];
      // Navigator 5.1 reads `rep.platforms` of whatever the field holds (filter.ts deserialize): a list or a text has
      // none, so the layer opens without a word on every platform of its release, as one without filters does.
      const what = Array.isArray(filters) ? 'a list' : typeof filters === 'string' ? 'a text' : `a ${typeof filters}`;
      log('/filters', `${shown(filters)} is ${what}, not a filters object: Navigator reads no platform filter from it and shows every platform; left out`, LEFT_OUT);
    },
  ],
  [
    'a filters field no format has is platforms when it misspells it; platform names of format 2.x (windows, linux, mac, android, ios) are the names Navigator maps them to',
    (layer, log) => {
      const filters = layer['filters'];
      // Format 4.5's filters hold platforms only (`stages`, of older formats, has its own migration).
      if (isJsonObject(filters)) leaveOutUnknownFields(filters, ['platforms'], '/filters', 'filters', log, (_field, value) => Array.isArray(value), ['stages']);
      if (!isJsonObject(filters) || !Array.isArray(filters['platforms'])) return;
      const out: unknown[] = [];
      filters['platforms'].forEach((platform, i) => {
        if (typeof platform !== 'string' || platform.trim() === '') return log(`/filters/platforms/${i}`, `${shown(platform)} is not a platform name; left out`, LEFT_OUT);
        const name = OLD_PLATFORM_NAMES[platform.trim().toLowerCase()] ?? platform.trim();
        if (name !== platform) {
          // Navigator maps format 2.x's names exactly as written (NAVIGATOR_PLATFORM_MAPPINGS; NAVIGATOR.md records
          // windows, linux and mac); any other spelling it keeps as written, a platform of no technique.
          const mapped = NAVIGATOR_PLATFORM_MAPPINGS[platform] === name;
          const navigator = mapped ? ' (as Navigator reads it)' : `; Navigator matches ${shown(platform)} to no platform, so it does not show ${shown(name)}'s techniques`;
          log(`/filters/platforms/${i}`, `${shown(platform)} read as ${shown(name)}${navigator}`, { navigatorTolerates: mapped });
        }
        if (!out.includes(name)) out.push(name);
      });
      filters['platforms'] = out;
    },
  ],
  [
    "gradient and legend colours with stray spaces or a doubled hash are read as the colour (and a legend item's written under colour); a gradient field no format has is the one it misspells or shortens (min), else left out; a gradient's bound written as text is that number, and a missing one Navigator's default",
    (layer, log) => {
      const gradient = layer['gradient'];
      if (isJsonObject(gradient)) {
        // Navigator's Gradient reads only colors, minValue and maxValue (gradient.ts deserialize). TTP Profiler writes
        // `"min": 0, "max": 1`: Navigator ignores them and draws its scores (0.41, 0.82) on its default 0..100.
        leaveOutUnknownFields(gradient, GRADIENT_FIELDS, '/gradient', 'gradient', log);
        for (const key of ['minValue', 'maxValue'] as const) {
          const value = gradient[key];
          if (typeof value === 'number' && Number.isFinite(value)) continue;
          if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
            gradient[key] = Number(value);
            log(`/gradient/${key}`, `${shown(value)} read as ${Number(value)}`);
            continue;
          }
          // Attack2Jira writes a gradient of colours only. Navigator's Gradient starts at 0..100; 5.1 then reads the
          // missing bound as undefined, and a scored cell's colour fails (`unscaledScores`, which validate says with the
          // entries Navigator reads, the release known).
          gradient[key] = NAVIGATOR_GRADIENT[key];
          const set = `set to ${NAVIGATOR_GRADIENT[key]}, the ${key} of Navigator's default gradient`;
          if (value === undefined) log(`/gradient/${key}`, `missing; ${set}`);
          else log(`/gradient/${key}`, `${shown(value)} is not a number; left out and ${set}`, LEFT_OUT);
        }
        const alert = gradientColoursAlert(gradient['colors']);
        if (Array.isArray(gradient['colors'])) {
          const colors = gradient['colors'].map((color, i) => {
            const fixed = typeof color === 'string' ? repairColor(color) : undefined;
            if (fixed !== color) {
              if (fixed) log(`/gradient/colors/${i}`, `${shown(color)} read as ${shown(fixed)}`, colorOutcome(color as string, fixed));
              else log(`/gradient/colors/${i}`, `${shown(color)} is not a colour; left out`, LEFT_OUT);
            }
            return fixed;
          });
          gradient['colors'] = colors.filter((color) => color !== undefined);
        }
        // Fewer than two colours is no scale (tinygradient refuses it); Navigator keeps its default colours when the
        // layer's are not all colours (gradient.ts deserialize), as its own test layer `"colors": [3, 4]` shows.
        const colors = gradient['colors'];
        const first: unknown = Array.isArray(colors) && colors.length === 1 ? colors[0] : undefined;
        const only = typeof first === 'string' ? oneColourGradient(first) : undefined;
        if (only) {
          gradient['colors'] = only;
          log('/gradient/colors', `one colour, ${shown(first)}, where a gradient needs two; set to ${shown(only)}, white to that colour, as Navigator's own one-colour presets run (transparent to red or blue), so the top scores keep it`, alert ? { navigatorAlert: alert, navigatorStops: 'in-tab' } : undefined);
        } else if (!Array.isArray(colors) || colors.length < 2) {
          gradient['colors'] = [...NAVIGATOR_GRADIENT.colors];
          const what =
            colors === undefined
              ? 'missing'
              : typeof first === 'string'
                ? `one colour, ${shown(first)}, where a gradient needs two, and white to it would paint no score`
                : Array.isArray(colors)
                  ? `${colors.length ? 'one colour' : 'no colour'} left, where a gradient needs two`
                  : `${shown(colors)} is not a list of colours`;
          const outcome = { ...(colors === undefined || Array.isArray(colors) ? {} : LEFT_OUT), ...(alert ? { navigatorAlert: alert, navigatorStops: 'in-tab' as const } : {}) };
          log('/gradient/colors', `${what}; set to ${shown(NAVIGATOR_GRADIENT.colors)}, the colours of Navigator's default gradient`, outcome);
        }
      }
      if (Array.isArray(layer['legendItems'])) {
        layer['legendItems'] = layer['legendItems'].flatMap((item, i) => {
          // A legend item written with `colour` has its colour there; Navigator 5.1 shows it without one.
          if (isJsonObject(item)) leaveOutUnknownFields(item, ['label', 'color'], `/legendItems/${i}`, 'legend item', log);
          const color = isJsonObject(item) && typeof item['color'] === 'string' ? repairColor(item['color']) : undefined;
          if (!isJsonObject(item) || !color) {
            if (isJsonObject(item) || Array.isArray(item)) log(`/legendItems/${i}`, `legend item ${shown(item)} has no colour; left out`, LEFT_OUT);
            else log(`/legendItems/${i}`, `${shown(item)} is not a legend item; left out`, NOT_AN_OBJECT);
            return [];
          }
          if (color !== item['color']) log(`/legendItems/${i}/color`, `${shown(item['color'])} read as ${shown(color)}`, colorOutcome(item['color'] as string, color));
          const label = typeof item['label'] === 'string' ? item['label'] : item['label'] === undefined || item['label'] === null ? '' : String(item['label']);
          // Navigator 5.1 shows a legend item only with a label of text (ViewModel.deserialize skips any other).
          if (label !== item['label']) log(`/legendItems/${i}/label`, `${shown(item['label'])} read as ${shown(label)}`, { navigatorHides: LEGEND_LABEL });
          return [{ ...item, label, color }];
        });
      }
      const background = layer['tacticRowBackground'];
      if (background !== undefined) {
        const fixed = typeof background === 'string' ? repairColor(background) : undefined;
        if (fixed !== background) {
          if (fixed) layer['tacticRowBackground'] = fixed;
          else delete layer['tacticRowBackground'];
          if (fixed) log('/tacticRowBackground', `${shown(background)} read as ${shown(fixed)}`, colorOutcome(background as string, fixed));
          else log('/tacticRowBackground', `${shown(background)} is not a colour; removed`, LEFT_OUT);
        }
      }
    },
  ],
  [
    'a list of the layer written as text that says something ("legendItems": "x") is read as what it says: a link, else a metadata item of the layer named by its field',
    (layer, log) => readTextLists(layer, ['metadata', 'links', 'legendItems'], '', log),
  ],
  [
    "the layer's metadata items without a value keep their name; links without a label take their URL",
    (layer, log) => {
      if ('metadata' in layer) layer['metadata'] = repairMetadata(layer['metadata'], '/metadata', log);
      if ('links' in layer) layer['links'] = repairLinks(layer['links'], '/links', log);
    },
  ],
  [
    'a list of the layer written as a number, true or false, or an object that is none of its items ("metadata": 5, "platforms": true) holds no item to read it as, and is left out',
    (layer, log) => {
      for (const key of ['techniques', 'metadata', 'links', 'legendItems']) leftOutUnreadList(layer, key, '', log);
      if (isJsonObject(layer['filters'])) leftOutUnreadList(layer['filters'], 'platforms', '/filters', log);
    },
  ],
];

/**
 * A layer's name from the file it was read from (`dir/apt29.json` and `apt29.layer.json` -> `apt29`, `all.json (layer
 * 2)` -> `all (layer 2)`, `coverage.json:12` -> `coverage`); undefined for standard input or no file.
 */
function nameOfFile(file: string): string | undefined {
  const [, path = file, layerNumber = ''] = /^(.*?)(?::\d+)?( \(layer \d+\))?$/.exec(file) ?? [];
  const base = path.split(/[\\/]/).pop()!.replace(/(?:\.layer)?(?:\.json)?(?:\.gz)?$/i, '');
  return base === '' || base === '-' || base === STDIN_NAME || file === DEFAULT_FILE ? undefined : `${base}${layerNumber}`;
}

/** What messages call a layer read from no file. */
const DEFAULT_FILE = 'layer';

/** Fields of which a layer has at least one; a JSON object with none of them is not a layer. */
const LAYER_FIELDS = ['techniques', 'domain', 'versions', 'version', 'gradient', 'layout', 'filters', 'viewMode'];

/**
 * True when a value left out holds something an analyst wrote, to be kept by upgrade: text that is not blank, a
 * number, true or false, or an array or object holding one (`{}`, `null`, `""`, `{"score": null}` hold nothing).
 */
export function holdsSomething(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(holdsSomething);
  return isJsonObject(value) && Object.values(value).some(holdsSomething);
}

/** The value at a JSON pointer (`/techniques/0/metadata/1`) in `root`, or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (Array.isArray(node) || isJsonObject(node) ? (node as Record<string, unknown>)[key] : undefined), root);
}

/** True when a parsed value looks like a Navigator layer at all (whatever its faults). */
export function looksLikeLayer(value: unknown): value is JsonObject {
  return isJsonObject(value) && LAYER_FIELDS.some((field) => field in value);
}

/** An element of an array of layers that is no layer, left out: its place in the array, the repair said, and what Navigator 5.1 does at it. */
export interface LeftOutLayer {
  position: number;
  repair: string;
  navigatorAlert: string;
}

/** The elements left out of a file's array of layers, by the first layer kept, which reports them (`repairLayer`). */
const leftOutLayers = new WeakMap<object, readonly LeftOutLayer[]>();

/**
 * The layers of a file holding an array of them: each element that looks like a layer (`looksLikeLayer`) with its
 * place, and each that does not (`null`, a number, text, `{}`) left out, saying what Navigator 5.1 does at it
 * (tabs.component.ts, readJSONFile and loadObjAsLayer, load the elements in turn). Pure: `carryLeftOutLayers` has them
 * reported.
 */
export function arrayLayers(value: readonly unknown[]): { layers: Array<{ position: number; value: JsonObject }>; leftOut: LeftOutLayer[] } {
  const layers: Array<{ position: number; value: JsonObject }> = [];
  const leftOut: LeftOutLayer[] = [];
  value.forEach((element, position) => {
    if (looksLikeLayer(element)) return layers.push({ position, value: element });
    const where = `${position ? `layer ${position + 1}` : 'the first layer'} of the file (/${position})`;
    // Navigator reads `name` and tests `'versions' in` it: null, a number or true throws, and text is parsed as JSON.
    // Each element is read in a try of its own (loadObjAsLayer), so that one failing is skipped and the next is read.
    if (typeof element !== 'object' || element === null) {
      leftOut.push({
        position,
        repair: `${where}: ${shown(element)} is not a layer; left out`,
        navigatorAlert: `fails reading it as a layer and skips it with the alert "${LAYER_ALERT}", opening the file's other layers`,
      });
    } else {
      const what = Array.isArray(element) ? 'an array' : "an object with none of a layer's fields (techniques, domain, versions)";
      leftOut.push({
        position,
        repair: `${where}: ${shown(element)} is not a layer but ${what}; left out`,
        navigatorAlert: `opens no tab for it: after an "Outdated Layer" warning (it states no layer format) it finds no domain and skips it with the alert "${LAYER_ALERT}", opening the file's other layers`,
      });
    }
    return undefined;
  });
  return { layers, leftOut };
}

/** Have the first layer kept (`to`) report the elements left out of its file (`arrayLayers`) with its own repairs. */
export function carryLeftOutLayers(to: object | undefined, leftOut: readonly LeftOutLayer[]): void {
  if (to && leftOut.length) leftOutLayers.set(to, leftOut);
}

/**
 * Lists that a layer may hold one item of written as that item, as Windows PowerShell's ConvertTo-Json writes them: the
 * pointer's end, what the item is called, and whether a value is such an item (a platform is text, the others objects).
 */
const LIST_OF_ONE: ReadonlyArray<readonly [at: string, item: string, isItem: (value: unknown) => boolean]> = [
  ['/techniques', 'technique entry', (value) => isJsonObject(value) && 'techniqueID' in value],
  ['/metadata', 'metadata item', (value) => isJsonObject(value) && ('name' in value || 'value' in value || 'divider' in value)],
  ['/links', 'link', (value) => isJsonObject(value) && ('url' in value || 'label' in value || 'divider' in value)],
  ['/legendItems', 'legend item', (value) => isJsonObject(value) && ('label' in value || 'color' in value)],
  ['/filters/platforms', 'platform', (value) => typeof value === 'string' && value.trim() !== ''],
];

/**
 * The layer with each list written as its one item (`"metadata": {"name": …}`, `"platforms": "Windows"`) made a list of
 * it, in the layer and in its technique entries (their metadata and links), and the pointers of those lists; the layer
 * itself when there are none.
 */
function listsOfOne(value: JsonObject): { layer: JsonObject; single: string[] } {
  const single: string[] = [];
  const wrap = (owner: JsonObject, at: string, key: string, isItem: (value: unknown) => boolean): JsonObject => {
    if (!isItem(owner[key])) return owner;
    single.push(`${at}/${key}`);
    return { ...owner, [key]: [owner[key]] };
  };
  let layer = value;
  for (const [at, , isItem] of LIST_OF_ONE) {
    if (at === '/filters/platforms') {
      if (isJsonObject(layer['filters'])) {
        const filters = wrap(layer['filters'], '/filters', 'platforms', isItem);
        if (filters !== layer['filters']) layer = { ...layer, filters };
      }
    } else layer = wrap(layer, '', at.slice(1), isItem);
  }
  if (Array.isArray(layer['techniques'])) {
    const entries = layer['techniques'].map((entry: unknown, i) => {
      if (!isJsonObject(entry)) return entry;
      let read = entry;
      for (const [at, , isItem] of LIST_OF_ONE.filter(([key]) => key === '/metadata' || key === '/links')) read = wrap(read, `/techniques/${i}`, at.slice(1), isItem);
      return read;
    });
    if (entries.some((entry, i) => entry !== (layer['techniques'] as unknown[])[i])) layer = { ...layer, techniques: entries };
  }
  return { layer, single };
}

/**
 * Repair a parsed layer as read (any format) by the labelled rules above: a copy comes back with one repair per
 * change, each with its JSON pointer in the layer as read, and where each remaining technique entry was. The input
 * is not changed; `options` says how to read what the layer leaves unstated. @throws InputError naming the file when the value is not a layer at all.
 */
export function repairLayer(value: unknown, file = DEFAULT_FILE, options: RepairOptions = {}): RepairedLayer {
  // JSON of another program (a package.json, a SARIF log) has a layer's `name` or `version` among keys of its own.
  const noKind = isJsonObject(value) ? noKindValueMessage(value, 'JSON', file) : undefined;
  if (noKind) throw new InputError(noKind, { file });
  if (!looksLikeLayer(value)) {
    const what = Array.isArray(value) ? 'an array, not one layer' : isJsonObject(value) ? 'a JSON object without techniques, domain, versions or any other field of a layer' : `${shown(value)}`;
    throw new InputError(`${file}: not an ATT&CK Navigator layer (${what}); give a layer file as Navigator saves it`, { file });
  }
  // Windows PowerShell's ConvertTo-Json writes a list that a foreach filled with one item as that item (a Sentinel rules
  // converter's layer of one technique; a metadata item, link, legend item or platform alike): each is read as a list
  // of it, here and as the repairs below read it.
  const { layer: asRead, single } = listsOfOne(value);
  const layer = structuredClone(asRead);
  const repairs: LayerRepair[] = [];
  const leftOut: LeftOutEntry[] = [];
  const input = Array.isArray(asRead['techniques']) ? (asRead['techniques'] as unknown[]) : [];
  let current = 0;
  // Fields read as others (`colour` as `color`): each pointer as repaired, with the pointer of the field as read.
  const renamed = new Map<string, string>();
  const log: Log = (at, repair, outcome = {}) => {
    let path = at;
    for (const [to, from] of renamed) if (at === to || at.startsWith(`${to}/`)) path = from + at.slice(to.length);
    if (outcome.renamed) renamed.set(outcome.renamed, path);
    const left = outcome.leftOut;
    // What was left out as read, not as the rules before this one changed it: the entry, or the part at `path`.
    const was = left === undefined ? undefined : structuredClone(left === 'part' ? valueAt(asRead, path) : input[current]);
    const held = left !== undefined && (left === 'part' || isJsonObject(was)) && holdsSomething(was);
    repairs.push({
      path,
      repair,
      ...(left === undefined ? {} : { leftOut: left === 'part' ? 'part' : 'entry' }),
      ...(held ? { held: was } : {}),
      ...(outcome.navigatorTolerates ? { navigatorTolerates: true as const } : {}),
      ...(outcome.navigatorHides ? { navigatorHides: outcome.navigatorHides === true ? (true as const) : outcome.navigatorHides } : {}),
      ...(outcome.navigatorAlert ? { navigatorAlert: outcome.navigatorAlert } : {}),
      ...(outcome.navigatorAlert && outcome.navigatorStops ? { navigatorStops: outcome.navigatorStops } : {}),
    });
    if (typeof left === 'object') leftOut.push({ at: current, why: left.entry, entry: was, kept: held });
  };
  // What the text held that JSON does not allow (parseJsonText with `repair`: comments, a comma before `]` or `}`).
  // A comment is left out of the layer, and kept by `upgrade` and `combine` as other parts left out are when it says
  // anything (`//` alone says nothing): it is the user's own note.
  for (const { line, column, repair, removed } of jsonTextRepairs(value)) {
    const held = removed !== undefined && holdsSomething(removed.replace(/^\/[/*]|\*\/$/g, ''));
    repairs.push({ path: '/', repair: `line ${line}, column ${column}: ${repair}`, ...(removed === undefined ? {} : { leftOut: 'part' as const }), ...(held ? { held: removed } : {}), notJson: true });
  }
  // Elements of the file's array of layers that are no layer, carried by its first layer (`carryLeftOutLayers`).
  for (const { repair, navigatorAlert } of leftOutLayers.get(value) ?? []) repairs.push({ path: '', repair, leftOut: 'part', navigatorAlert });
  for (const path of single) {
    if (path === '/techniques') {
      log(path, 'one technique entry written as itself, not in a list (Windows PowerShell writes a list of one item so); read as a list of it, /techniques/0', {
        navigatorHides: 'reads no entry from it (it counts the entries of a list) and opens the layer with none',
      });
    } else {
      log(path, `one ${LIST_OF_ONE.find(([at]) => path.endsWith(at))![1]} written as itself, not in a list (Windows PowerShell writes a list of one item so); read as a list of it, ${path}/0`, {
        navigatorStops: 'in-tab',
        navigatorAlert: `fails reading it as a list (a type error), and ${STOPS_IN_TAB}`,
      });
    }
  }
  const entryOrigins: number[] = [];
  if (Array.isArray(layer['techniques'])) {
    const kept: JsonObject[] = [];
    layer['techniques'].forEach((entry: unknown, at) => {
      const path = `/techniques/${at}`;
      current = at;
      if (!isJsonObject(entry)) {
        const alert = Array.isArray(entry) ? {} : { navigatorAlert: NOT_AN_OBJECT.navigatorAlert, navigatorStops: 'in-tab' as const };
        return log(path, `${shown(entry)} is not a technique entry; left out`, { leftOut: { entry: `${shown(entry)} is not a technique entry` }, ...alert });
      }
      const first = repairs.length;
      if (ENTRY_RULES.every(([, apply]) => apply(entry, path, log))) {
        const tactics = entry['tactic'];
        for (const one of Array.isArray(tactics) ? tactics.map((tactic) => ({ ...structuredClone(entry), tactic })) : [entry]) {
          kept.push(one);
          entryOrigins.push(at);
        }
        // An entry that carries nothing Navigator shows (LLM-made layers list bare IDs and tactics) hides nothing.
        if (!isAnnotated(entry) && entry['showSubtechniques'] !== true) for (const repair of repairs.slice(first)) delete repair.navigatorHides;
      }
    });
    layer['techniques'] = kept;
  }
  for (const [, apply] of LAYER_RULES) apply(layer, log, file, options);
  // Whether the layout expands sub-techniques as Navigator reads it: "Annotated" or a misspelt field expands none there.
  if (Array.isArray(layer['techniques'])) keepCollapsingRepairs(repairs, layer['techniques'] as JsonObject[], entryOrigins, navigatorSettings(asRead, layer)['layout']);
  return { layer, repairs, entryOrigins, leftOut };
}

/** `/techniques/3/score` of the repaired layer as the pointer into the layer as read (`/techniques/5/score`). */
export function originalPath(path: string, entryOrigins: readonly number[]): string {
  return path.replace(/^\/techniques\/(\d+)/, (whole, at: string) => {
    const origin = entryOrigins[Number(at)];
    return origin === undefined ? whole : `/techniques/${origin}`;
  });
}

/** A repair as one line: `/techniques/3/color: "#0d47a1 " read as "#0d47a1"`; one of the file, not the layer (no path), as it is. */
export function repairLine(repair: LayerRepair): string {
  return repair.path ? `${repair.path}: ${repair.repair}` : repair.repair;
}

/**
 * A repair as a command that wrote the repaired layer reports it: `(repaired)` when it was; a repair that left
 * something out says so in its own words (`…; left out`, `…; removed`), so nothing is added.
 */
export function repairMessage(repair: LayerRepair): string {
  return `${repairLine(repair)}${repair.leftOut ? '' : ' (repaired)'}`;
}
