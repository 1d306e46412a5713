import { nameKey } from '../attack/attack-index.js';
import { tacticIdInAnyCase, techniqueIdInAnyCase } from '../attack/technique-id.js';
import { InputError } from '../errors.js';
import { jsonStringLines, parseJsonText } from '../json-text.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import type { BundleOptions, BundleReport } from './bundle-references.js';
import type { ExtractedReference } from './extract-references.js';
import { readIdInName } from './id-in-name.js';

/**
 * The formats of MITRE CTID's Attack Flow (center-for-threat-informed-defense/attack-flow): a STIX 2.1 bundle of
 * `attack-flow` and `attack-action` objects (its extension of STIX, Attack Flow 2); the file of Attack Flow Builder
 * (`.afb`): its objects, each with its template (`"template": "action"` up to builder 2.2, `"id": "action"` with an
 * `instance` since builder 3) and its `properties` as [key, value] pairs; and the file of the first version's Attack
 * Flow Designer (`.afd`): `nodes`, each of a `type` (`action`) with a `payload` whose `name` writes the ID before the
 * technique's name (`T1204.002 User Execution: Malicious File`).
 */
export type AttackFlowFormat = 'stix' | 'builder' | 'designer';

/** What messages call each format. */
const FORMAT_NAMES: Readonly<Record<AttackFlowFormat, string>> = {
  stix: 'an Attack Flow STIX bundle',
  builder: 'an Attack Flow Builder file',
  designer: 'an Attack Flow Designer file',
};

// The extensions of the Builder's (`.afbx` in the corpus too) and the Designer's files: a file so named that is no JSON is a broken flow, not prose.
const FLOW_EXTENSION = /\.(afbx?|afd)$/i;
// What an Attack Flow's JSON writes and a report's prose does not: its STIX types and the Builder's template names.
const FLOW_WORDS = /"attack-action"|"attack-flow"|"attack_flow_v\d+"|"template"\s*:\s*"action"/;

// Attack Flow's own technique IDs are ATT&CK's (`T1566.001`, in any case: `techniqueIdInAnyCase`); its builder also offers
// MITRE ATLAS's (`AML.T0051`).
// An ID of ATT&CK's shape miswritten (`T1566.01`, `T15661`): resolved as written, so that what is wrong is said.
const ATTACK_LIKE = /^T\d/i;
// `T1189 Drive-by Compromise`, `T1021.002 Remote Services: SMB/Windows Admin Shares`: the Designer's names.
const ID_THEN_NAME = /^(T\d{4}(?:\.\d{3})?)\s+(\S.*)$/i;

/** A field of an action that writes its technique or tactic again (`technique_ref`, a builder 3 `ttp`'s), and what it names. */
interface OtherWriting {
  /** The field, as a note calls it (`technique_ref`, `ttp technique`). */
  field: string;
  /** Its value as written (`attack-pattern--5d0d3609-…`, `T1608`). */
  value: string;
  /** The ID it names (`T1505.003`). */
  id: string;
}

/** One action of a flow as its format writes it, with its place. */
interface FlowAction {
  /** Where it is: a JSON path (`objects[4]`) and its own id. */
  where: string;
  line: number;
  name?: string;
  techniqueId?: string;
  /** The field `techniqueId` is written in (`technique_id`, or a builder 3 `ttp`'s `technique`). */
  techniqueField?: string;
  techniqueRef?: string;
  /** The ATT&CK ID of the technique `techniqueRef` points to: an attack-pattern of the flow, else of the ATT&CK release(s) at hand. */
  refId?: string;
  tacticId?: string;
  /** The field `tacticId` is written in (`tactic_id`, or a `ttp`'s `tactic`). */
  tacticField?: string;
  /** The other fields that write the action's technique or tactic, checked against `techniqueId` and `tacticId`. */
  otherTechniques?: OtherWriting[];
  otherTactics?: OtherWriting[];
  description?: string;
  /** Confidence and execution times, as written, for its provenance. */
  details: string[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** A Builder object's `properties` ([key, value] pairs) as a mapping; none when it has no such list. */
function builderProperties(object: JsonObject): JsonObject {
  const pairs = Array.isArray(object['properties']) ? object['properties'] : [];
  return Object.fromEntries(pairs.flatMap((pair) => (Array.isArray(pair) && typeof pair[0] === 'string' ? [[pair[0], pair[1] as unknown]] : [])));
}

/** A Builder object's template: `template` up to builder 2.2, `id` (with an `instance`) since builder 3. */
const templateOf = (object: JsonObject): string | undefined => text(object['template']) ?? (text(object['instance']) ? text(object['id']) : undefined);

/** The format of a parsed JSON value when it is an Attack Flow (`AttackFlowFormat`); undefined otherwise. */
export function attackFlowFormat(value: unknown): AttackFlowFormat | undefined {
  if (!isJsonObject(value)) return undefined;
  const objects = Array.isArray(value['objects']) ? value['objects'].filter(isJsonObject) : [];
  if (value['type'] === 'bundle') return objects.some((object) => object['type'] === 'attack-flow' || object['type'] === 'attack-action') ? 'stix' : undefined;
  if (objects.some((object) => Array.isArray(object['properties']) && ['flow', 'action'].includes(templateOf(object) ?? ''))) return 'builder';
  const nodes = Array.isArray(value['nodes']) ? value['nodes'].filter(isJsonObject) : [];
  if (nodes.some((node) => node['type'] === 'action' && isJsonObject(node['payload']))) return 'designer';
  return undefined;
}

/** The ATT&CK ID of an attack-pattern a STIX flow holds (`technique_ref`), by its `mitre-attack` external reference. */
function attackPatternIds(objects: readonly JsonObject[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const object of objects) {
    if (object['type'] !== 'attack-pattern' || !text(object['id'])) continue;
    const refs = Array.isArray(object['external_references']) ? object['external_references'].filter(isJsonObject) : [];
    const id = refs.map((ref) => (ref['source_name'] === 'mitre-attack' ? techniqueIdInAnyCase(text(ref['external_id']) ?? '') : undefined)).find(Boolean);
    if (id) ids.set(text(object['id'])!, id);
  }
  return ids;
}

// A STIX timestamp or date (`2023-03-01T09:00:00Z`, `2023-03-01`): its day is a campaign file's date.
const DAY = /^(\d{4}-\d{2}-\d{2})(?:$|T)/;

/** The addresses a flow's external references give, each once, in order. */
function referenceUrls(references: readonly JsonObject[]): string[] {
  return [...new Set(references.flatMap((reference) => text(reference['url']) ?? []))];
}

/** A day a flow says its activity took place; `opens`: a `first_seen`, which starts a time and ends none. */
interface ActivityDay {
  day: string;
  opens: boolean;
}

/**
 * The days a flow's object says its activity took place (an action's `execution_start` and `execution_end`, a campaign's
 * `first_seen` and `last_seen`, the flow's own times when it writes them), as written fields.
 */
function activityDays(fields: JsonObject): ActivityDay[] {
  return ['execution_start', 'execution_end', 'first_seen', 'last_seen'].flatMap((key) => {
    const day = DAY.exec(text(fields[key]) ?? '')?.[1];
    return day ? [{ day, opens: key === 'first_seen' }] : [];
  });
}

/** An action's confidence and execution times, as its provenance says them. */
function actionDetails(fields: JsonObject): string[] {
  const confidence = fields['confidence'];
  return [
    // The Builder up to 2.2 writes the key of a confidence option (a hash), not its value: only a number is said.
    ...(typeof confidence === 'number' ? [`confidence ${confidence}`] : []),
    ...(text(fields['execution_start']) ? [`execution_start ${text(fields['execution_start'])}`] : []),
    ...(text(fields['execution_end']) ? [`execution_end ${text(fields['execution_end'])}`] : []),
  ];
}

/**
 * The actions, the flow's name and description and the actors of an Attack Flow, in the order written, with each
 * action's place (its JSON path, its id, its line).
 */
function readFlow(
  value: JsonObject,
  format: AttackFlowFormat,
  lineOf: (pointer: string) => number,
  attackPatternId: (stixId: string) => string | undefined = () => undefined,
): { actions: FlowAction[]; name?: string; description?: string; actors: string[]; days: ActivityDay[]; urls: string[] } {
  if (format === 'designer') {
    const nodes = Array.isArray(value['nodes']) ? value['nodes'] : [];
    const actions = nodes.flatMap((node, n): FlowAction[] => {
      if (!isJsonObject(node) || node['type'] !== 'action') return [];
      const payload = isJsonObject(node['payload']) ? node['payload'] : {};
      const written = text(payload['name']);
      const byName = written ? (ID_THEN_NAME.exec(written) ?? undefined) : undefined;
      const read = byName ? { id: byName[1]!.toUpperCase(), name: byName[2]!.trim() } : written ? readIdInName(written) : {};
      const description = text(payload['description']);
      return [
        {
          where: `nodes[${n}] (node ${String(node['id'])})`,
          line: lineOf(`/nodes/${n}/payload/name`) || lineOf(`/nodes/${n}/id`),
          ...(read.name ? { name: read.name } : {}),
          ...(read.id ? { techniqueId: read.id } : {}),
          ...(description ? { description } : {}),
          details: text(payload['timestamp']) ? [`timestamp ${text(payload['timestamp'])}`] : [],
        },
      ];
    });
    return { actions, actors: [], days: [], urls: [] };
  }
  const objects = Array.isArray(value['objects']) ? value['objects'] : [];
  const actions: FlowAction[] = [];
  const actors: string[] = [];
  const days: ActivityDay[] = [];
  const urls: string[] = [];
  let name: string | undefined;
  let description: string | undefined;
  if (format === 'stix') {
    const patterns = attackPatternIds(objects.filter(isJsonObject));
    const refId = (ref: string | undefined): string | undefined => (ref ? (patterns.get(ref) ?? attackPatternId(ref)) : undefined);
    objects.forEach((object, o) => {
      if (!isJsonObject(object)) return;
      const id = text(object['id']);
      if (object['type'] === 'attack-flow' && name === undefined) {
        name = text(object['name']);
        description = text(object['description']);
        urls.push(...referenceUrls(Array.isArray(object['external_references']) ? object['external_references'].filter(isJsonObject) : []));
      }
      if ((object['type'] === 'threat-actor' || object['type'] === 'intrusion-set') && text(object['name'])) actors.push(text(object['name'])!);
      // A threat actor's or intrusion set's first_seen is the actor's, not this activity's.
      if (['attack-flow', 'attack-action', 'campaign'].includes(String(object['type']))) days.push(...activityDays(object));
      if (object['type'] !== 'attack-action') return;
      const techniqueRef = text(object['technique_ref']);
      const techniqueId = text(object['technique_id']);
      const pointed = refId(techniqueRef);
      actions.push({
        where: `objects[${o}] (${id ?? 'no id'})`,
        line: lineOf(`/objects/${o}/id`) || lineOf(`/objects/${o}/name`),
        ...(text(object['name']) ? { name: text(object['name'])! } : {}),
        ...(techniqueId ? { techniqueId, techniqueField: 'technique_id' } : {}),
        ...(techniqueRef ? { techniqueRef } : {}),
        ...(pointed ? { refId: pointed } : {}),
        ...(text(object['tactic_id']) ? { tacticId: text(object['tactic_id'])!, tacticField: 'tactic_id' } : {}),
        ...(text(object['description']) ? { description: text(object['description'])! } : {}),
        details: actionDetails(object),
      });
    });
    return { actions, ...(name ? { name } : {}), ...(description ? { description } : {}), actors, days, urls };
  }
  objects.forEach((object, o) => {
    if (!isJsonObject(object)) return;
    const template = templateOf(object);
    const fields = builderProperties(object);
    const own = text(object['instance']) ?? text(object['id']);
    if (template === 'flow' && name === undefined) {
      name = text(fields['name']);
      description = text(fields['description']);
      // The Builder writes each external reference as a [key, properties] pair, its properties as [name, value] pairs.
      const references = Array.isArray(fields['external_references']) ? fields['external_references'] : [];
      urls.push(...referenceUrls(references.flatMap((pair) => (Array.isArray(pair) && Array.isArray(pair[1]) ? [builderProperties({ properties: pair[1] })] : []))));
    }
    if ((template === 'threat_actor' || template === 'intrusion_set') && text(fields['name'])) actors.push(text(fields['name'])!);
    if (['flow', 'action', 'campaign'].includes(template ?? '')) days.push(...activityDays(fields));
    if (template !== 'action') return;
    // Builder 3 writes the technique and tactic as a `ttp` of [key, value] pairs; earlier builders as properties. A file
    // that writes both (a flow migrated, or made by another tool) is read by the properties, the `ttp` checked against them.
    const ttp = Array.isArray(fields['ttp']) ? builderProperties({ properties: fields['ttp'] }) : {};
    const [ttpTechnique, ttpTactic] = [text(ttp['technique']), text(ttp['tactic'])];
    const techniqueId = text(fields['technique_id']) ?? ttpTechnique;
    const tacticId = text(fields['tactic_id']) ?? ttpTactic;
    const ttpAlso = (own: string | undefined, written: string | undefined, field: string): OtherWriting[] =>
      own && written && own !== written ? [{ field, value: written, id: written.toUpperCase() }] : [];
    const pairAt = (key: string): number => (Array.isArray(object['properties']) ? object['properties'].findIndex((pair) => Array.isArray(pair) && pair[0] === key) : -1);
    const namedAt = pairAt('name');
    const techniqueRef = text(fields['technique_ref']);
    const pointed = techniqueRef ? attackPatternId(techniqueRef) : undefined;
    actions.push({
      where: `objects[${o}] (action ${own ?? 'with no id'})`,
      line: (namedAt >= 0 ? lineOf(`/objects/${o}/properties/${namedAt}/1`) : 0) || lineOf(`/objects/${o}/${text(object['instance']) ? 'instance' : 'id'}`),
      ...(text(fields['name']) ? { name: text(fields['name'])! } : {}),
      ...(techniqueId ? { techniqueId, techniqueField: text(fields['technique_id']) ? 'technique_id' : 'ttp technique' } : {}),
      ...(techniqueRef ? { techniqueRef } : {}),
      ...(pointed ? { refId: pointed } : {}),
      ...(tacticId ? { tacticId, tacticField: text(fields['tactic_id']) ? 'tactic_id' : 'ttp tactic' } : {}),
      otherTechniques: ttpAlso(text(fields['technique_id']), ttpTechnique, 'ttp technique'),
      otherTactics: ttpAlso(text(fields['tactic_id']), ttpTactic, 'ttp tactic'),
      ...(text(fields['description']) ? { description: text(fields['description'])! } : {}),
      details: actionDetails(fields),
    });
  });
  return { actions, ...(name ? { name } : {}), ...(description ? { description } : {}), actors, days, urls };
}

/**
 * The fields of an action that name another technique, or another tactic, than the one it is read by: its
 * `technique_ref`'s attack-pattern, its `ttp`'s technique or tactic beside a `technique_id` or `tactic_id` (any case).
 */
function disagreements(action: FlowAction): { techniques: OtherWriting[]; tactics: OtherWriting[] } {
  const ref = action.techniqueRef && action.refId ? [{ field: 'technique_ref', value: action.techniqueRef, id: action.refId }] : [];
  const differs = (own: string | undefined) => (other: OtherWriting): boolean => own !== undefined && own.toUpperCase() !== other.id;
  return {
    techniques: [...(action.otherTechniques ?? []), ...ref].filter(differs(action.techniqueId)),
    tactics: (action.otherTactics ?? []).filter(differs(action.tacticId)),
  };
}

/** How an Attack Flow is read: a bundle's options, and where a `technique_ref` outside the flow is looked up. */
export interface AttackFlowOptions extends BundleOptions {
  /**
   * The ATT&CK ID of an attack-pattern by its STIX id (`attack-pattern--…`, the id ATT&CK's own bundles give), from the
   * ATT&CK release(s) at hand; undefined where none holds it. Without it, an action whose `technique_ref` points outside
   * the flow and that has no `technique_id` is read by its name.
   */
  attackPatternId?: (stixId: string) => string | undefined;
}

/** An Attack Flow read as a report (`attackFlowReport`): a bundle's report, with the flow's description. */
export interface AttackFlowReport extends BundleReport {
  format: AttackFlowFormat;
  /** The flow's description (the `attack-flow` object's, the Builder's flow's): the campaign's `description:`. */
  description?: string;
  /** The address of the flow's one external reference with one (the report it was drawn from): the source's `url:`. */
  url?: string;
  /**
   * The first and the last day the flow says its activity took place (`activityDays`): the campaign's `first_seen:` and
   * `last_seen:`; no last day where the flow gives only a start (a campaign's first_seen, its last_seen null).
   */
  firstSeen?: string;
  lastSeen?: string;
  notes: string[];
}

/**
 * Read an Attack Flow (`AttackFlowFormat`: its STIX bundle, a Builder `.afb` or a Designer `.afd` file, told by its
 * content) as a report; undefined for any other text. Each action is a reference: its `technique_id` (else the ATT&CK
 * ID of the attack-pattern its `technique_ref` points to in the bundle, else in the ATT&CK release(s) at hand,
 * `options.attackPatternId`; where the two name different techniques, the `technique_id`, and a note says so; a
 * Designer's name written after its ID), its
 * name beside it, its `tactic_id` as its tactic (a technique's ID there, in an action of no technique, as its technique,
 * said), its description as evidence and its place (JSON path, id, line, and
 * confidence or execution times when written) as where it comes from. Actions of one name and ID are one reference
 * citing each. An action with a name and no technique is read by its name, which resolving checks as any name; one
 * of another scheme (MITRE ATLAS's `AML.T0051`, which the builder offers) or of neither is not read, and a note says
 * where. The campaign's name and description are the flow's, its actor the one threat actor or intrusion set the flow
 * holds. Pure.
 * @throws InputError naming the file and the place when a file named `.afb`, `.afbx` or `.afd`, or JSON that writes Attack
 * Flow's types, is no valid JSON, and when a flow holds no action.
 */
export function attackFlowReport(source: string, options: AttackFlowOptions = {}): AttackFlowReport | undefined {
  if (!/^\s*[[{]/.test(source)) return undefined;
  const file = options.file ?? 'the flow';
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    if (FLOW_EXTENSION.test(options.file ?? '') || FLOW_WORDS.test(source)) parseJsonText(source, file);
    return undefined;
  }
  const format = attackFlowFormat(value);
  if (!format || !isJsonObject(value)) return undefined;
  const lines = jsonStringLines(source);
  const flow = readFlow(value, format, (pointer) => lines.get(pointer) ?? 0, options.attackPatternId);
  if (!flow.actions.length) {
    throw new InputError(
      `${file}: ${FORMAT_NAMES[format]} with no action, so it names no technique: an action (${format === 'stix' ? 'an attack-action object' : format === 'builder' ? 'an object of the action template' : 'a node of type action'}) gives each; add them in Attack Flow Builder and save again`,
      { file },
    );
  }
  const notes: string[] = [];
  const unread: string[] = [];
  const techniqueAsTactic: string[] = [];
  // Per kind (technique, tactic) and pair of fields, the actions whose two fields disagree, in order.
  const disagree = new Map<string, { kind: string; field: string; other: string; places: string[] }>();
  const byKey = new Map<string, ExtractedReference>();
  const references: ExtractedReference[] = [];
  for (const action of flow.actions) {
    const place = `${action.where}, line ${action.line || 1}`;
    // An action of no technique whose tactic_id is a technique's ID (CTID's flow of CISA AA23-074A: `tactic_id: "T1105"`)
    // is read by it as its technique_id, with no tactic, and said.
    const idAsTactic = !action.techniqueId && !action.refId && action.tacticId ? techniqueIdInAnyCase(action.tacticId) : undefined;
    if (idAsTactic) techniqueAsTactic.push(`${place} "${action.name ?? ''}": ${action.tacticField} ${action.tacticId}`);
    const techniqueId = action.techniqueId ?? action.refId ?? (idAsTactic ? action.tacticId : undefined);
    // A technique_id (or a ttp's technique) and a technique_ref, or a ttp's technique or tactic beside a technique_id or
    // tactic_id, that name two: the first, as written, is read, and the disagreement said.
    const conflicts = disagreements(action);
    const said: string[] = [];
    for (const [kind, own, field, others] of [
      ['technique', action.techniqueId, action.techniqueField, conflicts.techniques],
      ['tactic', action.tacticId, action.tacticField, conflicts.tactics],
    ] as const) {
      for (const other of others) {
        const key = `${kind}|${field}|${other.field}`;
        const entry = disagree.get(key) ?? { kind, field: field!, other: other.field, places: [] };
        entry.places.push(`${place} "${action.name ?? ''}": ${field} ${own}, ${other.field} ${other.value}${other.value.toUpperCase() !== other.id ? ` (${other.id})` : ''}`);
        disagree.set(key, entry);
        said.push(` ${other.field} ${other.value}${other.value.toUpperCase() !== other.id ? ` is ${other.id},` : ' is'} not its ${field} ${own}: check which is meant`);
      }
    }
    if (techniqueId && !ATTACK_LIKE.test(techniqueId)) {
      unread.push(`${place} "${action.name ?? ''}" (${techniqueId}${/^AML\./i.test(techniqueId) ? ', MITRE ATLAS' : ''})`);
      continue;
    }
    if (!techniqueId && !action.name) {
      unread.push(`${place} (no name and no technique_id)`);
      continue;
    }
    const id = techniqueId ? techniqueIdInAnyCase(techniqueId) : undefined;
    const name = action.name;
    const raw = techniqueId ? (name ? `${name} (${id ?? techniqueId})` : (id ?? techniqueId)) : name!;
    const tacticId = !idAsTactic && action.tacticId && tacticIdInAnyCase(action.tacticId);
    const tactics = tacticId ? [tacticId] : [];
    const from = `${place}${action.details.length ? ` (${action.details.join(', ')})` : ''}${action.techniqueRef && !action.techniqueId ? ` technique_ref ${action.techniqueRef}${action.refId ? ` (${action.refId})` : ''}` : ''}${idAsTactic ? ` ${action.tacticField} ${action.tacticId} read as its technique` : ''}${said.join(';')}`;
    const evidence = action.description ? [{ line: action.line || 1, text: action.description }] : [];
    const key = `${nameKey(raw)}|${tactics.join(' ')}`;
    const earlier = byKey.get(key);
    if (earlier) {
      earlier.lines = [...new Set([...(earlier.lines ?? [earlier.line]), action.line || 1])].sort((a, b) => a - b);
      earlier.from = [...(earlier.from ?? []), from];
      if (evidence.length) earlier.evidence = [...(earlier.evidence ?? []), ...evidence];
      continue;
    }
    const reference: ExtractedReference = {
      raw,
      line: action.line || 1,
      ids: id ? [id] : [],
      ...(name ? { name } : {}),
      tactics,
      span: { line: action.line || 1, start: 0, end: 0 },
      ...(techniqueId && !id ? { malformed: techniqueId } : {}),
      ...(evidence.length ? { evidence } : {}),
      from: [from],
    };
    byKey.set(key, reference);
    references.push(reference);
  }
  if (unread.length) {
    notes.push(
      `${unread.length} action${unread.length === 1 ? '' : 's'} name${unread.length === 1 ? 's' : ''} no ATT&CK technique, so ${unread.length === 1 ? 'it is' : 'they are'} no reference: ` +
        `${unread.join('; ')} (an ATT&CK technique_id such as T1566.001 makes an action one)`,
    );
  }
  if (techniqueAsTactic.length) {
    const one = techniqueAsTactic.length === 1;
    notes.push(
      `${techniqueAsTactic.length} action${one ? '' : 's'} of no technique write${one ? 's' : ''} a technique's ID as ${one ? 'its' : 'their'} tactic, read as ${one ? 'its' : 'their'} technique with no tactic: ` +
        `${techniqueAsTactic.join('; ')} (write it as the technique in Attack Flow Builder)`,
    );
  }
  for (const { kind, field, other, places } of disagree.values()) {
    notes.push(
      `${places.length} action${places.length === 1 ? '' : 's'} name${places.length === 1 ? 's' : ''} one ${kind} by ${field} and another by ${other}, and ${places.length === 1 ? 'is' : 'are'} read by the ${field}: ` +
        `${places.join('; ')} (check which is meant and correct the other in Attack Flow Builder)`,
    );
  }
  const actors = [...new Set(flow.actors)];
  const days = flow.days.map((one) => one.day).sort();
  // A last day is one the flow says activity took place on: a campaign's first_seen alone (its last_seen null, the
  // campaign open, as CTID's Muddy Water flow writes it) says when it began, not when it was last seen.
  const lastDays = flow.days.filter((one) => !one.opens).map((one) => one.day);
  const lastSeen = lastDays.length ? days[days.length - 1] : undefined;
  if (actors.length > 1) notes.push(`the flow holds ${actors.length} threat actors or intrusion sets (${actors.join(', ')}), so the campaign has no actor: write the one meant as its actor:`);
  return {
    format,
    references,
    ...(flow.name ? { name: flow.name } : {}),
    ...(flow.description ? { description: flow.description } : {}),
    ...(days.length ? { firstSeen: days[0]! } : {}),
    ...(lastSeen ? { lastSeen } : {}),
    // Of several (Cobalt Kitty's cite Cybereason's report, CrowdStrike's and ATT&CK's pages of the actor), none is chosen.
    ...(flow.urls.length === 1 ? { url: flow.urls[0]! } : {}),
    ...(actors.length === 1 ? { actor: actors[0]! } : {}),
    notes,
  };
}
