import { isJsonObject, type JsonObject } from '../json-value.js';

// How a file of an actor's techniques (a TTP list) is told: the keys of its lists and of its entries' techniques.

// An ATT&CK technique ID as a list writes it, in any case.
export const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;

/**
 * The keys that hold an actor's techniques in the TTP files analysts and red teams keep: ThreatActor.info's `ttps:`
 * (WellKnitTech/ThreatActor.info docs/schema.md), a case template's `ttp_definitions:`, a playbook's `steps:`, a
 * profile's `attack_techniques:` by tactic (adversaryvillage/threat-actor-profiles data/actors/*.json), `techniques:`.
 */
export const TTP_LIST_KEYS = ['ttps', 'ttp_definitions', 'mitre_ttps', 'techniques', 'attack_techniques', 'steps'] as const;
/** An entry's technique, in the order asked: `id` only where it is an ATT&CK ID (a step's own id is not). */
export const ID_FIELDS = ['technique_id', 'technique', 'tid', 'mitre_id', 'attack_id', 'id'] as const;
/** Whether a value is an ATT&CK technique ID as text. */
export const isTechniqueId = (value: unknown): boolean => typeof value === 'string' && TECHNIQUE_ID.test(value.trim());

/** The lists of entries a mapping holds under TTP_LIST_KEYS, at its top or one mapping down (`attack_flow: { steps }`); a list by tactic gives its lists. */
function entryLists(value: JsonObject, depth = 0): unknown[][] {
  return Object.entries(value).flatMap(([key, field]): unknown[][] => {
    if ((TTP_LIST_KEYS as readonly string[]).includes(key)) {
      if (Array.isArray(field)) return [field];
      if (isJsonObject(field)) return Object.values(field).filter(Array.isArray);
    }
    return depth === 0 && isJsonObject(field) ? entryLists(field, 1) : [];
  });
}

/**
 * Whether a parsed mapping is a list of an actor's techniques of no format the tool reads otherwise: under one of
 * TTP_LIST_KEYS, entries that are mappings, one of them naming an ATT&CK ID by a technique field (`technique_id`,
 * `technique`, `tid`, `mitre_id`, `id`). A campaign's entries (`ref`, or text), a layer's (`techniqueID`) and a file
 * stating a campaign's or a layer's format (`attack_version`, `versions`) are not.
 */
export function isTtpList(value: JsonObject): boolean {
  if ('attack_version' in value || 'versions' in value) return false;
  const lists = entryLists(value);
  const entries = lists.flat();
  if (entries.some((entry) => typeof entry === 'string' || (isJsonObject(entry) && ('ref' in entry || 'techniqueID' in entry)))) return false;
  return entries.some((entry) => isJsonObject(entry) && ID_FIELDS.some((field) => isTechniqueId(entry[field])));
}

