import { nameKey } from '../attack/attack-index.js';
import { techniqueIdInAnyCase } from '../attack/technique-id.js';
import type { Domain } from '../attack/types.js';
import { InputError, type GivenAs } from '../errors.js';
import { jsonStringLines } from '../json-text.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { actorAdvice, givenActor, type BundleOptions, type BundleReport } from './bundle-references.js';
import type { ExtractedReference } from './extract-references.js';
import type { ReportEvidence } from './report-evidence.js';
import { readIdInName } from './id-in-name.js';
import { isSoftwareGalaxy, readSoftwareName, softwareOnce, type NamedSoftware } from './named-software.js';

/**
 * MISP's galaxies of ATT&CK techniques, by the domain each holds: `mitre-attack-pattern` (today's, of every domain: a
 * cluster's `kill_chain` tells which), and the older per-domain ones an event tagged before 2019 keeps.
 */
const TECHNIQUE_GALAXIES: Readonly<Record<string, Domain | undefined>> = {
  'mitre-attack-pattern': undefined,
  'mitre-enterprise-attack-attack-pattern': 'enterprise-attack',
  'mitre-pre-attack-attack-pattern': 'enterprise-attack',
  'mitre-mobile-attack-attack-pattern': 'mobile-attack',
  'mitre-ics-techniques': 'ics-attack',
  // Tidal Cyber's (MISP/misp-galaxy galaxies/tidal-technique.json, namespace tidal): its clusters are named as ATT&CK's
  // techniques are, without the ID, which `meta.technique_attack_id` gives (`Bypass User Account Control`, T1548.002).
  technique: undefined,
};

/** The keys of a cluster's `meta` that give its ATT&CK technique ID: MISP's ATT&CK galaxies', Tidal's. */
const TECHNIQUE_ID_KEYS = ['external_id', 'technique_attack_id'];

/** The kill chains of a cluster's `meta.kill_chain` (`mitre-attack:execution`) and their domains; PRE-ATT&CK's phases are no tactic. */
const KILL_CHAINS: Readonly<Record<string, Domain>> = {
  'mitre-attack': 'enterprise-attack',
  'mitre-mobile-attack': 'mobile-attack',
  'mitre-ics-attack': 'ics-attack',
};

/**
 * Galaxies of the actor an event is about: MISP's threat actors, ATT&CK's groups (`APT28 - G0007`), older per-domain
 * ones, and Tidal Cyber's groups (galaxies/tidal-groups.json, type `groups`).
 */
const isActorGalaxy = (type: string): boolean => type === 'threat-actor' || type === 'groups' || /(^|-)intrusion-set$/.test(type);

// `APT28 - G0007`: an ATT&CK group's cluster; the name is before the ID.
const GROUP_ID = /^(.*?)\s+-\s+(G\d{4})$/i;
// `misp-galaxy:mitre-attack-pattern="Spearphishing Attachment - T1566.001"`.
const GALAXY_TAG = /^misp-galaxy:([\w.-]+)="(.*)"$/s;

/** A MISP event (or a list of them, or the attributes of a search) read as a report: its technique references, name, date, actor and notes. */
// A link attribute's value that a campaign's source url may be (the campaign schema's format uri): a web address.
const WEB_ADDRESS = /^https?:\/\/[^\s"<>]+$/i;

export interface MispEventReport extends BundleReport {
  /** What the references leave out, for the analyst: tags and clusters placed nowhere, malformed entries, several events or actors. */
  notes: string[];
  /** The event's `date` (YYYY-MM-DD), when it has one: the campaign's `first_seen`. */
  firstSeen?: string;
  /** The address of the analysis the event links (its first `link` attribute that is a web address): the source's `url`. */
  url?: string;
  /** The domain of the references' galaxies, when all of them that say one say the same one other than enterprise. */
  domain?: Domain;
  /** The software of its `mitre-malware` and `mitre-tool` clusters and tags, not yet looked up in ATT&CK, in order of first place. */
  software: MispSoftware[];
}

/** An ATT&CK software as a MISP event's clusters and tags name it (`BISCUIT - S0017`): one per ID, else per name. */
export type MispSoftware = NamedSoftware;

/** One technique as a cluster or a tag names it, and where. */
interface Named {
  id?: string;
  name?: string;
  tactics: string[];
  domain?: Domain;
  line: number;
  from: string;
  /** Of a cluster or tag on an attribute: the attribute, what the event ties the technique to (`attributeEvidence`). */
  evidence?: ReportEvidence;
}

interface Actor {
  name: string;
  keys: string[];
  from: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
// A cluster's meta value: MISP's event JSON writes each as a list, a galaxy's own cluster file (Tidal's) as one text.
const values = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The events of a parsed JSON value, each with its place (a JSON path): `{ Event }`, the REST search's
 * `{ response: [{ Event }] }`, or a list of `{ Event }`.
 */
function eventsOf(value: unknown): Array<{ event: unknown; where: string }> | undefined {
  if (Array.isArray(value)) {
    return value.length && value.every((item) => isJsonObject(item) && 'Event' in item) ? value.map((item, e) => ({ event: (item as JsonObject)['Event'], where: `[${e}].Event` })) : undefined;
  }
  if (!isJsonObject(value)) return undefined;
  if (isJsonObject(value['Event'])) return [{ event: value['Event'], where: 'Event' }];
  const response = value['response'];
  if (Array.isArray(response) && response.some((item) => isJsonObject(item) && 'Event' in item)) {
    return response.map((item, e) => ({ event: isJsonObject(item) ? item['Event'] : item, where: `response[${e}].Event` }));
  }
  return undefined;
}

/** A place's JSON pointer: `Event.Galaxy[0].GalaxyCluster[1]` is `/Event/Galaxy/0/GalaxyCluster/1`. */
const pointerOf = (where: string): string => `/${where.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '').split('.').join('/')}`;

/** The attributes of `/attributes/restSearch`'s answer, `{ response: { Attribute: [...] } }`, each with its place. */
function attributesOf(value: unknown): Array<{ attribute: unknown; where: string }> | undefined {
  const response = isJsonObject(value) ? value['response'] : undefined;
  if (!isJsonObject(response) || !Array.isArray(response['Attribute'])) return undefined;
  return response['Attribute'].map((attribute, a) => ({ attribute, where: `response.Attribute[${a}]` }));
}

/** True when a parsed JSON value is a MISP event in MISP's own format, a list of them (`eventsOf`), or the attributes of a search (`attributesOf`). */
export function isMispEvent(value: unknown): boolean {
  return eventsOf(value) !== undefined || attributesOf(value) !== undefined;
}

/**
 * Read a MISP event in MISP's JSON format (`{ "Event": … }`, as the UI's download and `/events/view` give it; a list of
 * them, `{ "response": [{ "Event": … }] }`, as `/events/restSearch` returns; or the attributes `/attributes/restSearch`
 * returns, `{ "response": { "Attribute": [...] } }`, each with its own tags and its event's, marked `inherited`) as a
 * report; undefined for any other text. An attribute of a search names its event in each place it gives (`event 42`),
 * and an event's tag it inherits is read at its first place only; the name is the `info` of its one event.
 * Techniques are the clusters of ATT&CK's attack-pattern galaxies (`TECHNIQUE_GALAXIES`) and the tags that name them
 * (`misp-galaxy:mitre-attack-pattern="Spearphishing Attachment - T1566.001"`), on the event, its attributes and its
 * objects' attributes: by the ID the value ends with (a cluster's `meta.external_id` may be a CAPEC ID), tactics from
 * `meta.kill_chain`; one reference per technique, citing every place (`from`, `lines`). The campaign's name is the
 * event's `info`, its `first_seen` its `date`; the actor is the one threat-actor or intrusion-set cluster or tag,
 * else the one `threat-actor` attribute (`options.actor` chooses among several); the software, that of `mitre-malware` and `mitre-tool` clusters and tags
 * (`BISCUIT - S0017`, looked up in ATT&CK by `mispSoftwareObjects`). Tags and clusters placed nowhere, malformed entries and event reports
 * (Markdown, not read) are noted. Pure.
 * @throws InputError naming the file and the event's actors when `options.actor` names none of them, or several.
 */
export function mispEventReport(source: string, options: BundleOptions = {}): MispEventReport | undefined {
  if (!/^\s*[[{]/.test(source)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return undefined;
  }
  const attributes = attributesOf(value);
  const events = attributes ? [] : eventsOf(value);
  if (!events) return undefined;
  // Each place's own line: a technique cluster or tag the event writes in several places is cited at each of them.
  const stringLines = jsonStringLines(source);
  const lineAt = (where: string, key: string): number => stringLines.get(`${pointerOf(where)}/${key}`) ?? 1;
  // An attribute a technique's cluster or tag is on is what the event ties the technique to: its type and value, and
  // the analyst's comment (`ip-dst 203.0.113.50: C2 server`), the evidence of each technique it tags.
  const attributeEvidence = (attribute: JsonObject, where: string): ReportEvidence | undefined => {
    const [type, value, comment] = [text(attribute['type']), text(String(attribute['value'] ?? '')), text(attribute['comment'])];
    if (!value && !comment) return undefined;
    const said = [type && value ? `${type} ${value}` : value, comment].filter(Boolean).join(': ');
    return { text: said, line: lineAt(where, value ? 'value' : 'comment') };
  };
  const named: Named[] = [];
  const actors: Actor[] = [];
  // MISP's attribute type `threat-actor` ("A string identifying the threat actor", category Attribution): the actor
  // where no cluster or tag names one (Cisco Talos's events write the actor so, as their STIX exports show).
  const attributeActors: Actor[] = [];
  const readActorAttribute = (attribute: JsonObject, where: string): void => {
    const name = attribute['type'] === 'threat-actor' ? text(attribute['value']) : undefined;
    if (name) attributeActors.push({ name, keys: [nameKey(name)], from: `${where} (threat-actor attribute)` });
  };
  // MISP's attribute type `link` (category External analysis): where the event's analysis is published, such as the
  // vendor's blog post ESET's events link; said when the event tags no technique, for the analyst to map it from there.
  const links: string[] = [];
  const linkUrls: string[] = [];
  const readLink = (attribute: JsonObject, where: string): void => {
    const url = attribute['type'] === 'link' ? text(attribute['value']) : undefined;
    if (!url) return;
    links.push(`${url} (${where}, line ${lineAt(where, 'value')})`);
    if (WEB_ADDRESS.test(url.trim()) && !linkUrls.includes(url.trim())) linkUrls.push(url.trim());
  };
  const software: Array<{ written: string; id?: string; name?: string; line: number; from: string }> = [];
  const readSoftware = (written: string, externalIds: unknown[], line: number, from: string): void => {
    software.push({ written, ...readSoftwareName(written, externalIds), line, from });
  };
  const unplaced = new Set<string>();
  const malformed: string[] = [];
  const infos: string[] = [];
  const dates: string[] = [];
  // An event's reports (EventReport, MISP 2.4.140 and later) are Markdown an analyst wrote: text, not galaxies.
  const eventReports: string[] = [];

  // `about` says whose an attribute of a search is (`event 42`), after the galaxy's type or `tag` in its places.
  const readCluster = (galaxy: string, cluster: JsonObject, where: string, about = '', evidence?: ReportEvidence): void => {
    const written = text(cluster['value']);
    if (!written) {
      malformed.push(`${where} has no value`);
      return;
    }
    const line = lineAt(where, 'value');
    const meta = isJsonObject(cluster['meta']) ? cluster['meta'] : {};
    if (galaxy in TECHNIQUE_GALAXIES) {
      const read = readIdInName(written);
      // A cluster's external_id is its ATT&CK ID, or in MISP's own examples a CAPEC ID: only an ATT&CK ID stands in for one the value lacks.
      // ATT&CK for ICS's first wiki numbered its techniques T800 to T882, as MISP's `mitre-ics-techniques` clusters keep
      // them (`meta["Technique ID"]`, the value a bare name); ATT&CK gave each a 0 when ICS joined it in 2020 (T0800).
      const icsIds = list(meta['Technique ID']).map(text).flatMap((each) => (each && /^T\d{3}$/i.test(each) ? [`T0${each.slice(1)}`] : []));
      const id = read.id ?? TECHNIQUE_ID_KEYS.flatMap((key) => values(meta[key])).flatMap((each) => techniqueIdInAnyCase(text(each) ?? '') ?? []).at(0) ?? icsIds[0];
      const chains = list(meta['kill_chain']).flatMap((each) => (text(each) ? [text(each)!.split(':')] : []));
      const tactics = [...new Set(chains.flatMap(([chain, phase]) => (chain && phase && KILL_CHAINS[chain] ? [phase] : [])))];
      const domain = TECHNIQUE_GALAXIES[galaxy] ?? chains.map(([chain]) => (chain ? KILL_CHAINS[chain] : undefined)).find(Boolean);
      named.push({ ...(id ? { id } : {}), ...(read.name && read.name !== id ? { name: read.name } : {}), tactics, ...(domain ? { domain } : {}), line, from: `${where} (${galaxy}${about})`, ...(evidence ? { evidence } : {}) });
    } else if (isActorGalaxy(galaxy)) {
      const group = GROUP_ID.exec(written);
      const synonyms = list(meta['synonyms']).flatMap((each) => (text(each) ? [text(each)!] : []));
      const name = group ? group[1]!.trim() : written;
      actors.push({ name, keys: [written, name, ...(group ? [group[2]!] : []), ...synonyms].map(nameKey), from: where });
    } else if (isSoftwareGalaxy(galaxy)) {
      // Tidal's clusters give the S-ID as `software_attack_id`: ATT&CK's where its `source` is MITRE; Tidal numbers the
      // software it adds itself from S5000 (`7-Zip`, S5023, source `Tidal Cyber`), which is no ATT&CK ID.
      const tidalIds = values(meta['source']).includes('MITRE') ? values(meta['software_attack_id']) : [];
      readSoftware(written, [...list(meta['external_id']), ...tidalIds], line, `${where} (${galaxy}${about})`);
    } else {
      unplaced.add(`misp-galaxy:${galaxy}="${written}"`);
    }
  };

  // A list field of MISP's format (`Galaxy`, `Tag`, `Attribute`, `Object`): its items, none when absent; noted when it is no list.
  const listed = (owner: JsonObject, field: string, where: string): unknown[] => {
    const value = owner[field];
    if (value !== undefined && !Array.isArray(value)) malformed.push(`${where}.${field} is no list`);
    return list(value);
  };

  const readGalaxies = (owner: JsonObject, where: string, about = '', evidence?: ReportEvidence): void => {
    listed(owner, 'Galaxy', where).forEach((galaxy, g) => {
      const at = `${where}.Galaxy[${g}]`;
      const type = isJsonObject(galaxy) ? text(galaxy['type']) : undefined;
      if (!isJsonObject(galaxy) || !type || !Array.isArray(galaxy['GalaxyCluster'])) {
        malformed.push(`${at} has no type or no GalaxyCluster list`);
        return;
      }
      galaxy['GalaxyCluster'].forEach((cluster, c) => {
        if (isJsonObject(cluster)) readCluster(text(cluster['type']) ?? type, cluster, `${at}.GalaxyCluster[${c}]`, about, evidence);
        else malformed.push(`${at}.GalaxyCluster[${c}] is no object`);
      });
    });
  };

  // An event's tag a search copies onto each of the event's attributes (`inherited`): read at its first place only.
  const inheritedRead = new Set<string>();
  // A galaxy's clusters are also written as tags; the tag alone stands for a cluster the export left out.
  const readTags = (owner: JsonObject, where: string, event?: string, evidence?: ReportEvidence): void => {
    listed(owner, 'Tag', where).forEach((tag, t) => {
      const at = `${where}.Tag[${t}]`;
      const name = isJsonObject(tag) ? text(tag['name']) : undefined;
      if (!name) {
        malformed.push(`${at} has no name`);
        return;
      }
      const inherited = event !== undefined && isJsonObject(tag) && [1, '1', true].includes(tag['inherited'] as never);
      if (inherited && inheritedRead.has(`${event} ${name}`)) return;
      if (inherited) inheritedRead.add(`${event} ${name}`);
      const label = event === undefined ? 'tag' : inherited ? `tag inherited from ${event}` : `tag, ${event}`;
      const line = lineAt(at, 'name');
      const galaxy = GALAXY_TAG.exec(name);
      const type = galaxy?.[1];
      const written = galaxy?.[2]?.replace(/\\"/g, '"').trim();
      if (type && written && type in TECHNIQUE_GALAXIES) {
        const read = readIdInName(written);
        const domain = TECHNIQUE_GALAXIES[type];
        named.push({ ...(read.id ? { id: read.id } : {}), ...(read.name ? { name: read.name } : {}), tactics: [], ...(domain ? { domain } : {}), line, from: `${at} (${label})`, ...(evidence ? { evidence } : {}) });
      } else if (type && written && isActorGalaxy(type)) {
        const group = GROUP_ID.exec(written);
        const actor = group ? group[1]!.trim() : written;
        actors.push({ name: actor, keys: [written, actor, ...(group ? [group[2]!] : [])].map(nameKey), from: at });
      } else if (type && written && isSoftwareGalaxy(type)) {
        readSoftware(written, [], line, `${at} (${label})`);
      } else {
        unplaced.add(name);
      }
    });
  };

  const readAttributes = (owner: JsonObject, where: string): void => {
    listed(owner, 'Attribute', where).forEach((attribute, a) => {
      const at = `${where}.Attribute[${a}]`;
      if (!isJsonObject(attribute)) {
        malformed.push(`${at} is no object`);
        return;
      }
      const evidence = attributeEvidence(attribute, at);
      readGalaxies(attribute, at, '', evidence);
      readActorAttribute(attribute, at);
      readLink(attribute, at);
      readTags(attribute, at, undefined, evidence);
    });
  };

  events.forEach(({ event, where }) => {
    if (!isJsonObject(event)) {
      malformed.push(`${where} is no object`);
      return;
    }
    const info = text(event['info']);
    if (info) infos.push(info);
    const date = text(event['date']);
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) dates.push(date);
    list(event['EventReport']).forEach((report, r) => {
      if (isJsonObject(report) && text(report['content'])) eventReports.push(`${where}.EventReport[${r}]${text(report['name']) ? ` "${text(report['name'])}"` : ''}`);
    });
    readGalaxies(event, where);
    readTags(event, where);
    readAttributes(event, where);
    listed(event, 'Object', where).forEach((object, o) => {
      if (isJsonObject(object)) readAttributes(object, `${where}.Object[${o}]`);
      else malformed.push(`${where}.Object[${o}] is no object`);
    });
  });

  // The attributes of a search: each is read as an event's attribute is, and says which event it is of.
  const searchEvents = new Map<string, string | undefined>();
  attributes?.forEach(({ attribute, where }) => {
    if (!isJsonObject(attribute)) {
      malformed.push(`${where} is no object`);
      return;
    }
    const of = isJsonObject(attribute['Event']) ? attribute['Event'] : {};
    const id = text(String(attribute['event_id'] ?? of['id'] ?? '')) ?? '?';
    if (!searchEvents.has(id) || !searchEvents.get(id)) searchEvents.set(id, text(of['info']));
    const date = text(of['date']);
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) dates.push(date);
    const evidence = attributeEvidence(attribute, where);
    readGalaxies(attribute, where, `, event ${id}`, evidence);
    readActorAttribute(attribute, `${where}, event ${id}`);
    readTags(attribute, where, `event ${id}`, evidence);
  });
  if (searchEvents.size === 1) {
    const [info] = searchEvents.values();
    if (info) infos.push(info);
  }

  // One reference per technique (by ID, else by name), in the order of its first place; every place is cited.
  const byKey = new Map<string, Named[]>();
  // A tag writes its cluster's value: one that gives no ID (Tidal's `Bypass User Account Control`; ATT&CK for ICS's first
  // galaxy's bare names) is the technique of the one ID clusters and tags of that name give, when one does.
  const idsByName = new Map<string, Set<string>>();
  for (const each of named) if (each.id && each.name) idsByName.set(nameKey(each.name), (idsByName.get(nameKey(each.name)) ?? new Set()).add(each.id));
  const idOfName = (name: string | undefined): string | undefined => {
    const ids = name ? idsByName.get(nameKey(name)) : undefined;
    return ids?.size === 1 ? [...ids][0] : undefined;
  };
  for (const each of named) {
    const key = each.id ?? idOfName(each.name) ?? nameKey(each.name ?? '');
    if (!key) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), each]);
  }
  const references: ExtractedReference[] = [...byKey.values()].map((places) => {
    const first = places[0]!;
    const id = places.map((place) => place.id).find(Boolean) ?? idOfName(first.name);
    const name = places.map((place) => place.name).find(Boolean);
    const lines = [...new Set(places.map((place) => place.line))].sort((a, b) => a - b);
    // An attribute's cluster and its tag are one place: its evidence once.
    const evidence = [...new Map(places.flatMap((place) => (place.evidence ? [[`${place.evidence.line} ${place.evidence.text}`, place.evidence] as const] : []))).values()];
    return {
      raw: id ? (name ? `${name} (${id})` : id) : name!,
      line: lines[0]!,
      ...(lines.length > 1 ? { lines } : {}),
      ids: id ? [id] : [],
      ...(name ? { name } : {}),
      tactics: [...new Set(places.flatMap((place) => place.tactics))],
      span: { line: lines[0]!, start: 0, end: 0 },
      from: places.map((place) => `${place.from}, line ${place.line}`),
      ...(evidence.length ? { evidence } : {}),
    };
  });

  const notes: string[] = [];
  // The actors the clusters and tags name, else those the threat-actor attributes do.
  const byGalaxy = actors.length > 0 || attributeActors.length === 0;
  const distinct = [...new Map((byGalaxy ? actors : attributeActors).map((actor) => [nameKey(actor.name), actor])).values()];
  let actor: string | undefined;
  if (options.actor !== undefined) actor = chosenActor(distinct, options.actor, options.file ?? 'the event', byGalaxy, options.givenAs);
  else if (distinct.length === 1) actor = distinct[0]!.name;
  else if (distinct.length > 1) {
    notes.push(
      `the event names ${distinct.length} actors (${distinct.map((each) => `${each.name} at ${each.from}`).join('; ')}), so the campaign has no actor: ` +
        `${actorAdvice(options.givenAs)} names the one meant`,
    );
  }
  if (searchEvents.size > 1) {
    const held = [...searchEvents].map(([id, info]) => `${id}${info ? ` ${JSON.stringify(info)}` : ''}`);
    notes.push(
      `the search's attributes are of ${searchEvents.size} MISP events (${held.slice(0, 8).join(', ')}${held.length > 8 ? ', ...' : ''}): the campaign holds the techniques of all and is named after the file; ` +
        'where they are separate campaigns, search each event alone (`eventid`)',
    );
  }
  if (events.length > 1) {
    notes.push(`the file holds ${events.length} MISP events (${infos.map((info) => JSON.stringify(info)).join(', ')}): the campaign holds the techniques of all and is named after the file; where they are separate campaigns, extract each event alone`);
  }
  if (!references.length) {
    notes.push(
      'the event tags no ATT&CK technique (no cluster or tag of an attack-pattern galaxy, mitre-attack-pattern), so the campaign has none: ' +
        (links.length
          ? `map the techniques by hand from the analysis it links: ${links.slice(0, 3).join('; ')}${links.length > 3 ? `; and ${links.length - 3} more` : ''}`
          : 'map them by hand from the report the event was written from'),
    );
  }
  if (unplaced.size) {
    const tags = [...unplaced].sort((a, b) => Number(!a.startsWith('misp-galaxy:')) - Number(!b.startsWith('misp-galaxy:')));
    notes.push(
      `${tags.length} tag${tags.length === 1 ? '' : 's'} and galaxy cluster${tags.length === 1 ? '' : 's'} name no ATT&CK technique, software or actor, so they are not read: ` +
        `${tags.slice(0, 8).join(', ')}${tags.length > 8 ? ', ...' : ''} (mitigations and other galaxies: add what matters to the campaign by hand)`,
    );
  }
  if (eventReports.length) {
    notes.push(
      `${eventReports.length} event report${eventReports.length === 1 ? '' : 's'} (${eventReports.join(', ')}) ${eventReports.length === 1 ? 'is' : 'are'} Markdown, not galaxies or tags, ` +
        'so only the techniques tagged on the event are read: to read what a report cites, save its content as text and extract that',
    );
  }
  if (malformed.length) {
    notes.push(`${malformed.length} entr${malformed.length === 1 ? 'y is' : 'ies are'} not of MISP's format and ${malformed.length === 1 ? 'was' : 'were'} skipped, the rest read: ${malformed.slice(0, 8).join('; ')}${malformed.length > 8 ? '; ...' : ''}`);
  }
  const domains = new Set(named.flatMap((each) => (each.domain ? [each.domain] : [])));
  const [only] = domains;
  const domain = domains.size === 1 && only !== 'enterprise-attack' ? only : undefined;
  const name = events.length === 1 || searchEvents.size === 1 ? infos[0] : undefined;
  const firstSeen = dates.length ? [...dates].sort()[0] : undefined;
  // The first analysis linked is the source's url; the others are named for the analyst to add as sources.
  const [url] = linkUrls;
  if (linkUrls.length > 1) {
    notes.push(`the event links ${linkUrls.length} analyses: the source's url is the first, ${url}; add the others under sources if the campaign is theirs too: ${linkUrls.slice(1, 4).join(', ')}${linkUrls.length > 4 ? `, and ${linkUrls.length - 4} more` : ''}`);
  }
  return {
    references,
    notes,
    // One software per ID (else per name), citing every place, as a technique is.
    software: softwareOnce(software),
    ...(name ? { name } : {}),
    ...(actor ? { actor } : {}),
    ...(firstSeen ? { firstSeen } : {}),
    ...(url ? { url } : {}),
    ...(domain ? { domain } : {}),
  };
}

/**
 * The actor `wanted` names among an event's threat-actor and intrusion-set clusters and tags (`byGalaxy`): by its value,
 * its name without an ATT&CK group ID (`APT28 - G0007`), that ID or a synonym, in any case; else among its threat-actor
 * attributes, by value.
 * @throws InputError naming `file`, `wanted` and the event's actors when none matches or several do.
 */
function chosenActor(actors: readonly Actor[], wanted: string, file: string, byGalaxy: boolean, givenAs: GivenAs | undefined): string {
  const key = nameKey(wanted);
  const matching = actors.filter((actor) => actor.keys.includes(key));
  if (matching.length === 1) return matching[0]!.name;
  const names = actors.map((actor) => actor.name).join(', ');
  throw new InputError(
    matching.length > 1
      ? `${file}: ${givenActor(givenAs, wanted)} names ${matching.length} actors of the MISP event (${matching.map((actor) => `${actor.name} at ${actor.from}`).join('; ')}); give the one meant by its full name`
      : `${file}: ${givenActor(givenAs, wanted)} names no ${byGalaxy ? 'threat-actor or intrusion-set cluster or tag of the MISP event (by name, synonym or ATT&CK ID)' : 'threat-actor cluster, tag or attribute of the MISP event (by name)'}; ${names ? `it names ${names}` : 'it names none'}`,
    { file },
  );
}
