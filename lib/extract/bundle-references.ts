import { nameKey } from '../attack/attack-index.js';
import { isThreatIntelBundle } from '../attack/index-bundle.js';
import { givenOption, InputError, type GivenAs } from '../errors.js';
import type { ExtractedReference } from './extract-references.js';
import { readIdInName } from './id-in-name.js';
import { isSoftwareGalaxy, readSoftwareName, softwareOnce, type NamedSoftware } from './named-software.js';
import type { ReportEvidence } from './report-evidence.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { withVectrObjects } from './vectr-objects.js';

/** The `source_name` of an ATT&CK ID in `external_references`, and the `kill_chain_name` of its tactics, per domain. */
const ATTACK_SOURCES = new Set(['mitre-attack', 'mitre-mobile-attack', 'mitre-ics-attack']);
/**
 * The `source_name`s of an ATT&CK ID: the domains', and PRE-ATT&CK's (retired in ATT&CK 8, whose phases are no tactic),
 * as ATT&CK's own older data and OpenCTI's test data write it (`mitre-pre-attack`, T1369), for normalize to explain.
 */
const ATTACK_ID_SOURCES = new Set([...ATTACK_SOURCES, 'mitre-pre-attack']);

/** The actor a bundle is about, by the first of these types it holds exactly one of (named). */
const ACTOR_TYPES = ['intrusion-set', 'campaign', 'threat-actor'];

/** A bundle of threat intelligence read as a report: its technique references and the actor it is about. */
export interface BundleReport {
  references: ExtractedReference[];
  /** The name of the bundle's one intrusion set (else campaign, else threat actor), else, holding none, of its one report. */
  name?: string;
  /** The name of the bundle's one report object (OpenCTI's export of a report): the title of the report it was written from. */
  title?: string;
  /**
   * The actors of the first of those types the bundle holds, when it holds several (a feed's export of two groups), each
   * with the techniques its `uses` relationships point to (ATT&CK IDs, or names without one), in bundle order.
   */
  actors?: Array<{ type: string; name: string; techniques: string[] }>;
  /**
   * The actor chosen by `BundleOptions.actor`: its name, which the campaign's `name:` and `actor:` take. In a bundle of no
   * actor object, the one its MISP threat-actor attributes name (or `BundleOptions.actor` chooses): the `actor:` only.
   */
  actor?: string;
  /**
   * The actors the bundle attributes to the chosen one (`attributed-to` relationships, followed through an intrusion set
   * to a threat actor), whose `uses` are taken too, as references' `usedBy` writes them (`campaign SolarWinds Compromise
   * (C0024)`).
   */
  attributed?: string[];
  /** The campaigns the bundle attributes to the chosen actor, left out by `BundleOptions.campaigns: false`, labelled so. */
  campaignsLeftOut?: string[];
  /** What the reader leaves to the analyst (several actors named in MISP's threat-actor attributes). */
  notes?: string[];
  /** The ATT&CK software the input names (`bundleSoftware`; a MISP event's clusters and tags), not yet looked up, in order of first place. */
  software?: NamedSoftware[];
}

/** Which actor of a bundle to read, and the file's name for the error that none or several match. */
export interface BundleOptions {
  /**
   * An intrusion set (else campaign, else threat actor) by its name, an alias, its ATT&CK ID or its STIX id, in any case:
   * only the attack-patterns its `uses` relationships point to are references, cited by those relationships alone.
   */
  actor?: string;
  /**
   * False: of what the bundle attributes to the chosen actor, leave the campaigns out (their `uses` and the techniques
   * only they used), for the actor's own `uses` alone (with, for a threat actor, those of its intrusion sets).
   */
  campaigns?: boolean;
  /** The bundle's file as messages name it. */
  file?: string;
  /** How messages name `actor` and `campaigns` (the CLI's `--actor`, `--no-campaigns`; see `GivenAs`). */
  givenAs?: GivenAs;
}

/**
 * How a note names the way to keep one actor's techniques: `` `extract --actor NAME` `` as the CLI's flag (`givenAs`),
 * `` `extractReport`'s `actor` option `` as a program passes it.
 */
export function actorAdvice(givenAs: GivenAs | undefined): string {
  return givenAs?.actor ? `\`extract ${givenAs.actor} NAME\`` : "`extractReport`'s `actor` option";
}

/** The actor given, as messages name it: `actor: 'APT29'` as a program passes it, `--actor "APT29"` as the CLI's flag. */
export function givenActor(givenAs: GivenAs | undefined, wanted: string): string {
  return givenOption(givenAs, 'actor', wanted, JSON.stringify(wanted));
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Read a STIX bundle of threat intelligence (`isThreatIntelBundle`: a Unit 42 playbook, a MISP or OpenCTI export) as
 * a report; undefined for any other text. Each attack-pattern object is a reference, in bundle order: its ATT&CK ID
 * (`external_id` of `source_name` mitre-attack, mitre-mobile-attack or mitre-ics-attack) with its name, or its name
 * alone when it has no ATT&CK ID (its own description then its evidence too); its tactics, the `phase_name`s of its ATT&CK `kill_chain_phases`; its line, where
 * the object's `"id"` is written, and the lines of the `uses` relationships that point to it, whose descriptions are
 * its evidence (Unit 42: `"Seen in emails sent from multiple countries"`). The attack-pattern's description, and
 * IDs cited in it (ATT&CK's own text, copied), are no reference. Its malware and tool objects that name an ATT&CK
 * software are its `software` (`bundleSoftware`). With `options.actor`, only that actor's (`chosenActor`).
 * Pure. @throws InputError naming the file and the bundle's actors when `options.actor` names none of them, or several.
 */
export function bundleReport(source: string, options: BundleOptions = {}): BundleReport | undefined {
  if (!/^\s*\{/.test(source)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (!isJsonObject(value) || value['type'] !== 'bundle' || !Array.isArray(value['objects']) || !isThreatIntelBundle(value['objects'])) return undefined;
  // VECTR's assessments come as objects of its own, read as the STIX objects they stand for (`withVectrObjects`).
  const objects = withVectrObjects(value['objects'].filter(isJsonObject));
  const lineStarts = [0];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  // Where `"id": "<id>"` is written: the object's own place, not a reference to it from a report's `object_refs`.
  const placeOf = (id: string): { line: number; start: number; end: number } | undefined => {
    const match = new RegExp(`"id"\\s*:\\s*"${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(source);
    if (!match) return undefined;
    let line = lineStarts.length;
    while (lineStarts[line - 1]! > match.index) line--;
    const start = match.index - lineStarts[line - 1]!;
    return { line, start, end: start + match[0].length };
  };
  // A bundle holding no actor object may name its actor in MISP's threat-actor attributes; `options.actor` chooses among them.
  const attributeActors = objects.some((object) => ACTOR_TYPES.includes(String(object['type']))) ? [] : actorAttributes(objects, placeOf);
  const attributeActor = attributeActors.length ? chosenAttributeActor(attributeActors, options.actor, options.file ?? 'the bundle', options.givenAs) : undefined;
  const chosen = options.actor === undefined || attributeActors.length ? undefined : chosenActor(objects, options.actor, options.file ?? 'the bundle', options.givenAs);
  // What the chosen actor did includes what the bundle attributes to it: ATT&CK's own data attributes its campaigns
  // (C0024 SolarWinds Compromise) to groups (APT29) and ties techniques to the campaign, not again to the group.
  const reached = chosen ? attributedActors(objects, chosen.id) : [];
  const leftOut = options.campaigns === false ? reached.filter((actor) => actor.type === 'campaign') : [];
  const attributed = reached.filter((actor) => !leftOut.includes(actor));
  const labelOf = new Map<string, string>(chosen ? [[chosen.id, chosen.name], ...attributed.map((actor) => [actor.id, actor.label] as const)] : []);
  const usedAt = new Map<string, number[]>();
  // The attack-patterns the chosen actor's `uses` relationships (and those of the actors attributed to it) point to.
  const used = new Set<string>();
  const evidence = new Map<string, ReportEvidence[]>();
  const usedBy = new Map<string, string[]>();
  for (const object of objects) {
    const [id, target, description, source] = [text(object['id']), text(object['target_ref']), text(object['description']), text(object['source_ref'])];
    if (object['type'] !== 'relationship' || object['relationship_type'] !== 'uses' || !id || !target) continue;
    if (chosen && !labelOf.has(source ?? '')) continue;
    used.add(target);
    const by = source === chosen?.id ? undefined : labelOf.get(source ?? '');
    if (chosen) usedBy.set(target, [...new Set([...(usedBy.get(target) ?? []), labelOf.get(source!)!])]);
    const line = placeOf(id)?.line;
    if (line !== undefined) usedAt.set(target, [...(usedAt.get(target) ?? []), line]);
    if (description) evidence.set(target, [...(evidence.get(target) ?? []), { ...(line === undefined ? {} : { line }), ...(by ? { by } : {}), text: description }]);
  }
  // Which actor used each technique matters only when there are several to tell apart: the chosen one first, then the
  // others in bundle order.
  const order = [...labelOf.values()];
  const usersOf = (stixId: string): string[] | undefined => {
    const users = usedBy.get(stixId);
    return attributed.length && users ? [...users].sort((a, b) => order.indexOf(a) - order.indexOf(b)) : undefined;
  };
  const references: ExtractedReference[] = [];
  const techniqueOf = new Map<string, string>();
  for (const object of objects) {
    const stixId = text(object['id']);
    if (object['type'] !== 'attack-pattern' || !stixId || (chosen && !used.has(stixId))) continue;
    const written = text(object['name']);
    // The name may carry the ID (Unit 42: `T1505.003: Web Shell`; MISP's converter: `Access Token Manipulation - T1134`),
    // the one ATT&CK ID of an attack-pattern whose external_references give only a CAPEC ID.
    const inName = written ? readIdInName(written) : {};
    const attackId = attackIdOf(object) ?? inName.id;
    if (!attackId && !written) continue;
    const name = inName.id && inName.id === attackId ? inName.name : written;
    const place = placeOf(stixId) ?? { line: 1, start: 0, end: 0 };
    const phases = Array.isArray(object['kill_chain_phases']) ? object['kill_chain_phases'].filter(isJsonObject) : [];
    const tactics = [...new Set(phases.flatMap((phase) => (ATTACK_SOURCES.has(String(phase['kill_chain_name'])) && text(phase['phase_name']) ? [text(phase['phase_name'])!] : [])))];
    if (attackId ?? name) techniqueOf.set(stixId, attackId ?? name!);
    const lines = [...new Set([place.line, ...(usedAt.get(stixId) ?? [])])].sort((a, b) => a - b);
    // An attack-pattern of no ATT&CK ID is the producer's own (OASIS's Poison Ivy bundle: "Spear Phishing Attack Pattern
    // used by admin@338"): its description says what was seen, evidence for the analyst (and `--suggest`) to resolve it.
    // One with an ATT&CK ID carries ATT&CK's text, no evidence.
    const ownDescription = attackId ? undefined : text(object['description']);
    const said = [...(ownDescription ? [{ line: place.line, text: ownDescription }] : []), ...(evidence.get(stixId) ?? [])];
    references.push({
      raw: attackId ? (name ? `${name} (${attackId})` : attackId) : name!,
      line: place.line,
      ...(lines.length > 1 ? { lines } : {}),
      ids: attackId ? [attackId] : [],
      ...(name ? { name } : {}),
      tactics,
      span: place,
      ...(said.length ? { evidence: said } : {}),
      ...(usersOf(stixId) ? { usedBy: usersOf(stixId)! } : {}),
    });
  }
  const software = bundleSoftware(objects, placeOf, chosen ? used : undefined);
  const withSoftware = software.length ? { software } : {};
  const named = (type: string): string[] => objects.flatMap((object) => (object['type'] === type && text(object['name']) ? [text(object['name'])!] : []));
  // OpenCTI's export of a report about one intrusion set: the campaign is named for the actor, its source for the report.
  const title = reportTitle(objects);
  const withTitle = title ? { title } : {};
  if (chosen) {
    return {
      references,
      ...withSoftware,
      ...withTitle,
      name: chosen.name,
      actor: chosen.name,
      ...(attributed.length ? { attributed: attributed.map((actor) => actor.label) } : {}),
      ...(leftOut.length ? { campaignsLeftOut: leftOut.map((actor) => actor.label) } : {}),
    };
  }
  const name = ACTOR_TYPES.map(named).find((names) => names.length === 1)?.[0];
  // Several actors of one type: which technique each uses, by the relationships that say so.
  const type = ACTOR_TYPES.find((actorType) => named(actorType).length > 0);
  const several = type ? objects.filter((object) => object['type'] === type && text(object['name'])) : [];
  const actors =
    several.length > 1
      ? several.map((actor) => {
          const uses = objects.filter((object) => object['type'] === 'relationship' && object['relationship_type'] === 'uses' && object['source_ref'] === actor['id']);
          const techniques = [...new Set(uses.flatMap((use) => techniqueOf.get(String(use['target_ref'])) ?? []))];
          return { type: type!, name: text(actor['name'])!, techniques };
        })
      : undefined;
  // A bundle about no actor is named for its one report: MISP's STIX export of an event (Cisco Talos's bundles) writes the
  // event's info, which names a MISP event's campaign, as the report's name.
  const bundleName = name ?? (type ? undefined : withTitle.title);
  const notes = [
    ...(attributeActors.length > 1 && !attributeActor ? [severalAttributeActors(attributeActors, options.givenAs)] : []),
    ...(objects.some((object) => object['type'] === 'attack-pattern') ? [] : [noTechniques(objects)]),
  ];
  return {
    references,
    ...(bundleName ? { name: bundleName } : {}),
    ...withTitle,
    ...(attributeActor ? { actor: attributeActor } : {}),
    ...(actors ? { actors } : {}),
    ...withSoftware,
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The actors a bundle names in MISP's attributes of type `threat-actor` ("A string identifying the threat actor",
 * category Attribution), which MISP's STIX export writes as custom objects (Cisco Talos's bundles: `x-misp-attribute`,
 * `x_misp_type` `threat-actor`, `x_misp_value` the name), one per name, each with where it is written, in bundle order.
 */
function actorAttributes(objects: readonly JsonObject[], placeOf: (id: string) => { line: number } | undefined): Array<{ name: string; from: string }> {
  const found = new Map<string, { name: string; from: string }>();
  for (const object of objects) {
    const [id, name] = [text(object['id']), text(object['x_misp_value'])];
    if (object['type'] !== 'x-misp-attribute' || object['x_misp_type'] !== 'threat-actor' || !name || found.has(nameKey(name))) continue;
    const line = id ? placeOf(id)?.line : undefined;
    found.set(nameKey(name), { name, from: `${String(id)}${line === undefined ? '' : `, line ${line}`}` });
  }
  return [...found.values()];
}

/**
 * The actor of a bundle's threat-actor attributes (`actorAttributes`): the one `wanted` names (in any case), else the
 * only one; none of several. @throws InputError naming `file` and the attributes' actors when `wanted` names none.
 */
function chosenAttributeActor(actors: ReadonlyArray<{ name: string }>, wanted: string | undefined, file: string, givenAs: GivenAs | undefined): string | undefined {
  if (wanted === undefined) return actors.length === 1 ? actors[0]!.name : undefined;
  const match = actors.find((actor) => nameKey(actor.name) === nameKey(wanted));
  if (match) return match.name;
  throw new InputError(
    `${file}: ${givenActor(givenAs, wanted)} names none of the bundle's actors: it holds no intrusion set, campaign or threat actor, and its MISP threat-actor attributes name ${actors.map((actor) => actor.name).join(', ')}`,
    { file },
  );
}

/** What a note says of a bundle whose threat-actor attributes name several actors. */
function severalAttributeActors(actors: ReadonlyArray<{ name: string; from: string }>, givenAs: GivenAs | undefined): string {
  return (
    `the bundle's MISP threat-actor attributes name ${actors.length} actors (${actors.map((actor) => `${actor.name} at ${actor.from}`).join('; ')}), so the campaign has no actor: ` +
    `${actorAdvice(givenAs)} names the one meant`
  );
}

/**
 * The title of the report a bundle was written from: its one named report (OpenCTI's export of a report), else, of
 * several, the one no other report holds in its `object_refs` (a Unit 42 playbook's own report, `API Hammering
 * Technique`, whose `object_refs` hold one "ATOM Campaign Report" per campaign); undefined otherwise.
 */
function reportTitle(objects: readonly JsonObject[]): string | undefined {
  const reports = objects.filter((object) => object['type'] === 'report' && text(object['name']));
  if (reports.length <= 1) return text(reports[0]?.['name']);
  const held = new Set(reports.flatMap((report) => (Array.isArray(report['object_refs']) ? report['object_refs'] : [])));
  const roots = reports.filter((report) => !held.has(report['id']));
  return roots.length === 1 ? text(roots[0]!['name']) : undefined;
}

/**
 * What a note says of a bundle that holds no attack-pattern (an OpenCTI report exported with its indicators and
 * malware alone): the campaign has no technique, which objects it holds, and where the techniques are to be had.
 */
function noTechniques(objects: readonly JsonObject[]): string {
  const counts = new Map<string, number>();
  for (const object of objects) counts.set(String(object['type']), (counts.get(String(object['type'])) ?? 0) + 1);
  const held = [...counts].map(([type, count]) => `${count} ${type}`).join(', ');
  return (
    `the bundle holds no attack-pattern object (it holds ${held || 'no object'}), so the campaign has no technique: ` +
    'export it again with the techniques it names (attack-pattern objects, and the uses relationships to them), or map them by hand from the report it was written from'
  );
}

/** The galaxy MISP's STIX converter made an object of: `misp:galaxy-type="mitre-malware"` among its labels, else its `misp-category` kill chain phase. */
function mispGalaxyOf(object: JsonObject): string | undefined {
  const labels = Array.isArray(object['labels']) ? object['labels'] : [];
  const label = labels.map((each) => /^misp:galaxy-type="(.+)"$/.exec(String(each))?.[1]).find(Boolean);
  const phases = Array.isArray(object['kill_chain_phases']) ? object['kill_chain_phases'].filter(isJsonObject) : [];
  return label ?? phases.map((phase) => (phase['kill_chain_name'] === 'misp-category' ? text(phase['phase_name']) : undefined)).find(Boolean);
}

/**
 * The ATT&CK software of a bundle's malware and tool objects, as a MISP event's `mitre-malware` and `mitre-tool`
 * clusters are read (`readSoftwareName`): an object whose name carries its S-ID (`BISCUIT - S0017`, as MISP's STIX
 * converter names them), whose ATT&CK reference gives one, or that MISP made of an ATT&CK software galaxy; each cites
 * where its object is written. Others (a Malpedia cluster's `TinyTurla`) name no ATT&CK software. With `used`, only the
 * objects the chosen actor's `uses` relationships point to.
 */
function bundleSoftware(objects: readonly JsonObject[], placeOf: (id: string) => { line: number } | undefined, used?: ReadonlySet<string>): NamedSoftware[] {
  const places = objects.flatMap((object) => {
    const [stixId, written, type] = [text(object['id']), text(object['name']), String(object['type'])];
    if ((type !== 'malware' && type !== 'tool') || !stixId || !written || (used && !used.has(stixId))) return [];
    const galaxy = mispGalaxyOf(object);
    const read = readSoftwareName(written, [attackIdOf(object)]);
    if (!read.id && !(galaxy && isSoftwareGalaxy(galaxy))) return [];
    return [{ written, ...read, line: placeOf(stixId)?.line ?? 1, from: `${stixId} (${galaxy && isSoftwareGalaxy(galaxy) ? galaxy : type})` }];
  });
  return softwareOnce(places);
}

/**
 * The actors (`ACTOR_TYPES`) whose `attributed-to` relationships lead to `actorId`, directly (a campaign attributed to
 * an intrusion set) or through another (a campaign attributed to an intrusion set that is attributed to a threat
 * actor), in bundle order, each with its label: its type, name and ATT&CK ID (`campaign SolarWinds Compromise (C0024)`).
 */
function attributedActors(objects: readonly JsonObject[], actorId: string): Array<{ id: string; type: string; label: string }> {
  const attributions = objects.filter((object) => object['type'] === 'relationship' && object['relationship_type'] === 'attributed-to');
  const reached = new Set([actorId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const relationship of attributions) {
      const source = text(relationship['source_ref']);
      if (!source || reached.has(source) || !reached.has(String(relationship['target_ref']))) continue;
      reached.add(source);
      grew = true;
    }
  }
  return objects.flatMap((object) => {
    const [id, name] = [text(object['id']), text(object['name'])];
    if (!id || !name || id === actorId || !reached.has(id) || !ACTOR_TYPES.includes(String(object['type']))) return [];
    const attackId = attackIdOf(object);
    const label = `${String(object['type']).replace('-', ' ')} ${name}${attackId && nameKey(attackId) !== nameKey(name) ? ` (${attackId})` : ''}`;
    return [{ id, type: String(object['type']), label }];
  });
}

/**
 * OpenCTI's extension for ATT&CK's own properties (opencti-graphql src/types/stix-extensions.ts `STIX_EXT_MITRE`), in
 * which its STIX 2.1 export writes an attack-pattern's ATT&CK ID as `id` (stix-2-1-converter.ts `buildMITREExtensions`).
 */
const OPENCTI_MITRE_EXTENSION = 'extension-definition--322b8f77-262a-4cb8-a915-1e441e00329b';

/**
 * An object's ATT&CK ID: the `external_id` of its reference whose `source_name` is an ATT&CK domain's; else the one
 * OpenCTI keeps as `x_mitre_id` (its STIX 2.0 export, and what connectors built on pycti write), `x_opencti_external_id`
 * (OpenCTI's own test data, tests/data/DATA-TEST-STIX2_v2.json) or in its ATT&CK extension (its STIX 2.1 export), which
 * an attack-pattern made in OpenCTI, or by a connector from a report, has with no ATT&CK reference.
 */
function attackIdOf(object: JsonObject): string | undefined {
  const refs = Array.isArray(object['external_references']) ? object['external_references'].filter(isJsonObject) : [];
  const extensions = isJsonObject(object['extensions']) ? object['extensions'] : {};
  const openCti = isJsonObject(extensions[OPENCTI_MITRE_EXTENSION]) ? extensions[OPENCTI_MITRE_EXTENSION] : {};
  const ids = [...refs.map((ref) => (ATTACK_ID_SOURCES.has(String(ref['source_name'])) ? ref['external_id'] : undefined)), object['x_mitre_id'], object['x_opencti_external_id'], openCti['id']];
  return ids.map((id) => text(id)?.toUpperCase()).find(Boolean);
}

const ACTOR_WORDS: Readonly<Record<string, string>> = { 'intrusion-set': 'intrusion sets', campaign: 'campaigns', 'threat-actor': 'threat actors' };

/**
 * The actor `wanted` names: of the first of `ACTOR_TYPES` that has one matching, the object whose name, an alias
 * (`aliases`), ATT&CK ID (`external_id` of an ATT&CK source) or STIX id is `wanted` in any case.
 * @throws InputError naming `file`, `wanted` and the bundle's actors, when none matches or several of one type do.
 */
function chosenActor(objects: readonly JsonObject[], wanted: string, file: string, givenAs: GivenAs | undefined): { id: string; name: string } {
  const key = nameKey(wanted);
  const actors = objects.filter((object) => ACTOR_TYPES.includes(String(object['type'])) && text(object['id']) && text(object['name']));
  const keys = (actor: JsonObject): string[] => {
    const refs = Array.isArray(actor['external_references']) ? actor['external_references'].filter(isJsonObject) : [];
    const aliases = Array.isArray(actor['aliases']) ? actor['aliases'] : [];
    const ids = refs.flatMap((ref) => (ATTACK_SOURCES.has(String(ref['source_name'])) ? [ref['external_id']] : []));
    return [actor['id'], actor['name'], ...aliases, ...ids].flatMap((value) => (text(value) ? [nameKey(text(value)!)] : []));
  };
  const type = ACTOR_TYPES.find((actorType) => actors.some((actor) => actor['type'] === actorType && keys(actor).includes(key)));
  const matching = actors.filter((actor) => actor['type'] === type && keys(actor).includes(key));
  const listing = ACTOR_TYPES.flatMap((actorType) => {
    const names = actors.filter((actor) => actor['type'] === actorType).map((actor) => text(actor['name'])!);
    return names.length ? [`${ACTOR_WORDS[actorType]}: ${names.join(', ')}`] : [];
  });
  if (matching.length === 1) return { id: text(matching[0]!['id'])!, name: text(matching[0]!['name'])! };
  if (matching.length > 1) {
    const which = matching.map((actor) => `${text(actor['name'])} (${text(actor['id'])})`).join(', ');
    throw new InputError(`${file}: ${givenActor(givenAs, wanted)} names ${matching.length} ${ACTOR_WORDS[type!]} of the bundle: ${which}; give the STIX id of the one meant`, { file });
  }
  throw new InputError(
    `${file}: ${givenActor(givenAs, wanted)} names no intrusion set, campaign or threat actor of the bundle ` +
      `(by name, alias, ATT&CK ID or STIX id); ${listing.length ? `it holds ${listing.join('; ')}` : 'it holds none'}`,
    { file },
  );
}
