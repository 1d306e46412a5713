/**
 * Fields of technique entries that no layer format names (CTID's security-stack-mappings write `score_num`,
 * `score_display` and `category` on each entry; other generators `techniqueName`, `aggregateScore`). Navigator 5.1's
 * TechniqueVM reads only the format's fields: such a field shows nowhere and is gone from the layer Navigator saves.
 * mitreattack-python's Technique loader refuses every one but `aggregateScore` (UnknownTechniqueProperty), and with
 * it the whole layer. `validate` and `upgrade` say so once per layer.
 */
import { compareText } from '../compare-text.js';
import { escapePointer, isJsonObject } from '../json-value.js';
import { TECHNIQUE_KEYS } from './serialize-layer.js';

/** The one field of no format that mitreattack-python's Technique loader reads (its own aggregate score). */
const MITREATTACK_PYTHON_FIELDS: readonly string[] = ['aggregateScore'];

/** Which unknown fields a layer's entries hold: their names, sorted, how many entries hold one, and the first's path. */
export interface UnknownEntryFields {
  fields: string[];
  entries: number;
  /** The JSON pointer of the first such field, in the layer as read (`/techniques/0/score_num`). */
  first: string;
}

/**
 * The fields of no layer format on `entries` (the repaired layer's, whose misspelt fields are read already), or
 * undefined when there are none. `origins` gives each entry's position in the layer as read, for the path.
 */
export function unknownEntryFields(entries: readonly unknown[], origins: readonly number[] = []): UnknownEntryFields | undefined {
  const fields = new Set<string>();
  let count = 0;
  let first: string | undefined;
  entries.forEach((entry, at) => {
    if (!isJsonObject(entry)) return;
    const own = Object.keys(entry).filter((key) => !TECHNIQUE_KEYS.includes(key));
    if (!own.length) return;
    count += 1;
    first ??= `/techniques/${origins[at] ?? at}/${escapePointer(own[0]!)}`;
    for (const key of own) fields.add(key);
  });
  return first === undefined ? undefined : { fields: [...fields].sort(compareText), entries: count, first };
}

/**
 * What Navigator 5.1 and mitreattack-python do with such fields, after their names: `fields category, score_num of 4
 * entries (first /techniques/0/score_num) are in no layer format: Navigator 5.1 shows them nowhere …`.
 */
export function unknownEntryFieldsText({ fields, entries, first }: UnknownEntryFields): string {
  const one = fields.length === 1;
  const them = one ? 'it' : 'them';
  const refused = fields.filter((field) => !MITREATTACK_PYTHON_FIELDS.includes(field));
  const python = refused.length
    ? `, and mitreattack-python refuses a layer with ${refused.length === fields.length ? them : refused.join(', ')} (UnknownTechniqueProperty)`
    : '';
  return (
    `${one ? 'field' : 'fields'} ${fields.join(', ')} of ${entries === 1 ? '1 entry' : `${entries} entries`} (first ${first}) ${one ? 'is' : 'are'} in no layer format: ` +
    `Navigator 5.1 shows ${them} nowhere and leaves ${them} out of a layer it saves${python}`
  );
}
