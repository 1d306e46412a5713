import type { TechniqueRecord } from './types.js';

/** At most this many IDs are named in a note; the rest are counted. */
const NAMED_IN_NOTE = 5;

/** Items named up to `NAMED_IN_NOTE`, the rest counted: `A, B, C, D, E and 2 more`. */
export function namedList(items: readonly string[]): string {
  const named = items.slice(0, NAMED_IN_NOTE).join(', ');
  return items.length > NAMED_IN_NOTE ? `${named} and ${items.length - NAMED_IN_NOTE} more` : named;
}

/**
 * How techniques of someone other than MITRE (`TechniqueRecord.custom`: T9001, ACME-T1000) are said, by the note of
 * the bundle that holds them (whichever command loads it) and by validate for a layer's entries of them: what they
 * are, and that ATT&CK Navigator shows a layer's entries of them only with `data` (`this bundle`, the file) loaded.
 */
export function notMitreText(techniques: readonly Pick<TechniqueRecord, 'id' | 'name'>[], data: string): string {
  return (
    `${techniques.length} technique${techniques.length === 1 ? ' is' : 's are'} not MITRE's (created by another identity than MITRE's): ` +
    `${namedList(techniques.map((technique) => `${technique.id} ${JSON.stringify(technique.name)}`))}; ` +
    `ATT&CK Navigator shows a layer's entries of them only when it loads ${data} as its data: with MITRE's data it hides them without a word`
  );
}
