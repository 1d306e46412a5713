import { readFileSync } from 'node:fs';
import { isJsonObject, type JsonObject } from '../json-value.js';
import { schemaUrl } from '../schemas.js';

// The fields a campaign file has (schemas/campaign.schema.json) and other formats' names for them that normalize reads
// as them (read-campaign.ts's repairs): one rule telling a campaign file from another list of techniques.

/** A field's name folded as people vary it: case, and "_", "-" or a space between its words (`Attack-Version`, `attackVersion`). */
export const foldField = (key: string) => key.toLowerCase().replace(/[\s_-]/g, '');

/**
 * The fields other formats name a technique or software by, which an entry written by hand from them has instead of
 * `ref`, folded (case, `_` and `-` aside): a Navigator layer's `techniqueID`, DeTT&CT's and Attack Flow's `technique_id`
 * and `software_id`, a spreadsheet's `Technique ID`, `id`.
 */
export const REF_FIELDS: Readonly<Record<'techniques' | 'software', readonly string[]>> = {
  techniques: ['techniqueid', 'technique', 'id', 'attackid', 'mitreid', 'ttp', 'mitretechnique', 'mitretechniqueid', 'attacktechnique'],
  software: ['softwareid', 'software', 'id', 'attackid', 'mitreid'],
};
/** The fields that name it beside such a field (`technique_name`, `name`), folded as those are. */
export const NAME_FIELDS: Readonly<Record<'techniques' | 'software', readonly string[]>> = {
  techniques: ['techniquename', 'name'],
  software: ['softwarename', 'name'],
};

/**
 * The fields other formats give a technique entry's tactic and confidence in, folded as REF_FIELDS are: by an ATT&CK
 * ID (`tactic_id`) or by a name or word (`tactic_name`, `confidence_band`).
 */
export const OTHER_FIELD_NAMES: Readonly<Record<'tactic' | 'confidence', { ids: readonly string[]; names: readonly string[] }>> = {
  tactic: { ids: ['tacticid', 'mitretacticid'], names: ['tacticname', 'tactics', 'mitretactic', 'mitretactics', 'attacktactic', 'killchainphase'] },
  confidence: { ids: [], names: ['confidenceband', 'confidencelevel'] },
};

let schemaJson: Record<string, unknown> | undefined;
export function campaignSchema(): Record<string, unknown> {
  return (schemaJson ??= JSON.parse(readFileSync(schemaUrl('campaign'), 'utf8')) as Record<string, unknown>);
}

/** The fields the schema allows for the mapping at a JSON path, read from the schema itself. */
export function allowedFields(path: readonly string[]): string[] {
  const schema = campaignSchema() as {
    properties: Record<string, unknown>;
    $defs: Record<string, { properties?: Record<string, unknown>; else?: { properties?: Record<string, unknown> } }>;
  };
  const keys = (properties?: Record<string, unknown>) => Object.keys(properties ?? {});
  if (path.length === 0) return keys(schema.properties);
  if (path.length === 2 && path[0] === 'techniques') return keys(schema.$defs['techniqueEntry']?.properties);
  if (path.length === 2 && path[0] === 'software') return keys(schema.$defs['softwareEntry']?.properties);
  if (path.length === 2 && path[0] === 'sources') return keys(schema.$defs['source']?.else?.properties);
  return [];
}

/** A technique entry's fields as normalize reads them: the schema's, in any case, and other formats' names for them. */
const readsAsEntryField = (key: string): boolean => {
  const folded = foldField(key);
  return (
    allowedFields(['techniques', '0']).some((field) => foldField(field) === folded) ||
    REF_FIELDS.techniques.includes(folded) ||
    NAME_FIELDS.techniques.includes(folded) ||
    Object.values(OTHER_FIELD_NAMES).some(({ ids, names }) => ids.includes(folded) || names.includes(folded))
  );
};

/**
 * Whether a mapping has a campaign file's own shape: a `name` and a `techniques` list beside only a campaign's fields
 * (in any case), each entry a text or a mapping of fields normalize reads, its own or another format's names for them
 * (`technique_id`, `technique_name`, `tactic_id`, `tactic_name`, `confidence_band`: a threat feed's `mitre_ttps`
 * pasted under `techniques:`). Such a file is a campaign file to every command; a TTP list (`ttps:`, a playbook's
 * `steps:`, TTPForge's `mitre:`, an entry's `procedure:`) has other fields and is not.
 */
export function hasCampaignShape(value: JsonObject): boolean {
  const fields = allowedFields([]).map(foldField);
  const techniques = value['techniques'];
  return (
    typeof value['name'] === 'string' &&
    Array.isArray(techniques) &&
    Object.keys(value).every((key) => fields.includes(foldField(key))) &&
    techniques.every((entry) => typeof entry === 'string' || (isJsonObject(entry) && Object.keys(entry).every(readsAsEntryField)))
  );
}
