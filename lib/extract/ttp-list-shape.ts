import { hasCampaignShape } from '../campaign/campaign-fields.js';
import { isJsonObject, type JsonObject } from '../json-value.js';

// How a file of an actor's techniques (a TTP list) is told: the keys of its lists and of its entries' techniques.

// An ATT&CK technique ID as a list writes it, in any case.
export const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;

/**
 * The keys that hold an actor's techniques in the TTP files analysts and red teams keep: ThreatActor.info's `ttps:`
 * (WellKnitTech/ThreatActor.info docs/schema.md), a case template's `ttp_definitions:`, a playbook's `steps:`, a
 * profile's `attack_techniques:` by tactic (adversaryvillage/threat-actor-profiles data/actors/*.json), `techniques:`;
 * PurpleSharp's `playbooks:` of `tasks:` (mvelazc0/PurpleSharp PurpleSharp/Playbook.json), whose entries are groups of
 * entries (GROUP_KEYS).
 */
export const TTP_LIST_KEYS = ['ttps', 'ttp_definitions', 'mitre_ttps', 'techniques', 'attack_techniques', 'steps', 'playbooks', 'tasks'] as const;
/** An entry's technique, in the order asked: `id` only where it is an ATT&CK ID (a step's own id is not). */
export const ID_FIELDS = ['technique_id', 'technique', 'tid', 'mitre_id', 'attack_id', 'id'] as const;
/**
 * A file's own ATT&CK mapping, a block of lists: TTPForge's `mitre: { tactics, techniques, subtechniques }`
 * (facebookincubator/ForgeArmory ttps/examples/mitre/mitre.yaml), a dataset's or rule's `mitre_attack: { techniques,
 * tactics }`. Its lists' entries may be texts, an ID and its name (`T1552 Unsecured Credentials`); its `tactics` are
 * its techniques' where an entry states none.
 */
export const ATTACK_BLOCK_KEYS = ['mitre', 'mitre_attack'] as const;
/** The lists of techniques in an ATT&CK block. */
export const BLOCK_LIST_KEYS = ['techniques', 'subtechniques', 'sub_techniques'] as const;
/** An ATT&CK ID opening a text, and the technique's name after it: `"T1552.001 Unsecured Credentials: Credentials In Files"`. */
export const LEADING_ID = /^(T\d{4}(?:\.\d{3})?)(?![\d.])(?:[\s:–—-]+(.*))?$/is;
/** Whether a value is an ATT&CK technique ID as text. */
export const isTechniqueId = (value: unknown): boolean => typeof value === 'string' && TECHNIQUE_ID.test(value.trim());
const isKey = (keys: readonly string[], key: string): boolean => keys.includes(key);

/** A list of entries and whether it is an ATT&CK block's, whose entries may be texts. */
interface EntryList {
  entries: unknown[];
  block: boolean;
}

/** Whether an entry names a technique: an ID by a technique field, or in a block a text opening with one. */
const namesTechnique = (entry: unknown, block: boolean): boolean =>
  (isJsonObject(entry) && ID_FIELDS.some((field) => isTechniqueId(entry[field]))) ||
  isTechniqueId(entry) ||
  (block && typeof entry === 'string' && LEADING_ID.test(entry.trim()));

/** Whether an entry is a group of entries: it holds lists of them (a PurpleSharp playbook's `tasks`). */
export const holdsLists = (entry: unknown): boolean => isJsonObject(entry) && entryLists(entry, 2).length > 0;

/**
 * Whether a list's entries are read as techniques: one names a technique (by ID, or by `technique_name`) or is a group
 * of entries. A list under one of TTP_LIST_KEYS whose entries name none is another list (TTPForge's `steps`, commands).
 */
export const listsTechniques = (entries: unknown[], block: boolean): boolean =>
  entries.some((entry) => namesTechnique(entry, block) || (isJsonObject(entry) && typeof entry['technique_name'] === 'string') || holdsLists(entry));

/**
 * The lists of entries a mapping holds under TTP_LIST_KEYS, at its top or one mapping down (`attack_flow: { steps }`);
 * a list by tactic gives its lists; an entry naming no technique gives the lists it holds (a playbook's `tasks`); an
 * ATT&CK block its lists of techniques.
 */
function entryLists(value: JsonObject, depth = 0): EntryList[] {
  return Object.entries(value).flatMap(([key, field]): EntryList[] => {
    if (isKey(TTP_LIST_KEYS, key)) {
      if (Array.isArray(field)) {
        const groups = field.filter((entry): entry is JsonObject => isJsonObject(entry) && !namesTechnique(entry, false));
        return [{ entries: field, block: false }, ...(depth < 2 ? groups.flatMap((group) => entryLists(group, 2)) : [])];
      }
      if (isJsonObject(field)) return Object.values(field).filter(Array.isArray).map((entries) => ({ entries, block: false }));
    }
    if (isKey(ATTACK_BLOCK_KEYS, key) && isJsonObject(field)) {
      return BLOCK_LIST_KEYS.flatMap((name) => (Array.isArray(field[name]) ? [{ entries: field[name] as unknown[], block: true }] : []));
    }
    return depth === 0 && isJsonObject(field) ? entryLists(field, 1) : [];
  });
}

/**
 * Whether a parsed mapping is a list of an actor's techniques of no format the tool reads otherwise: under one of
 * TTP_LIST_KEYS, entries that are mappings, one of them naming an ATT&CK ID by a technique field (`technique_id`,
 * `technique`, `tid`, `mitre_id`, `id`), or an ATT&CK block (ATTACK_BLOCK_KEYS) listing one. A campaign's entries
 * (`ref`, or text), a layer's (`techniqueID`) and a file stating a campaign's or a layer's format (`attack_version`,
 * `versions`) are not, nor a file of a campaign's own shape whose entries name their fields as other formats do
 * (`hasCampaignShape`: `name:` and `techniques:` of `technique_id`, `tactic_id`), which normalize reads.
 */
export function isTtpList(value: JsonObject): boolean {
  if ('attack_version' in value || 'versions' in value || hasCampaignShape(value)) return false;
  const lists = entryLists(value);
  const campaignLike = (entry: unknown): boolean => typeof entry === 'string' || (isJsonObject(entry) && ('ref' in entry || 'techniqueID' in entry));
  if (lists.some(({ entries, block }) => !block && entries.some(campaignLike))) return false;
  return lists.some(({ entries, block }) => entries.some((entry) => namesTechnique(entry, block)));
}
