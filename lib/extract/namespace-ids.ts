import type { AttackIndex } from '../attack/attack-index.js';
import { isNamespacedTechniqueId } from '../attack/technique-id.js';
import type { FoldedText } from '../normalize/tokenize-references.js';
import type { ExtractedReference } from './extract-references.js';
import type { IdInWord } from './ids-in-words.js';

/** The words of a report that are technique IDs of an ATT&CK Workbench organization namespace (`ACME-T1000`). */
export interface NamespaceIds {
  /** Those the data loaded holds, the team's own techniques: references, as an ID of ATT&CK's is one. */
  references: ExtractedReference[];
  /** Those it does not hold, for the caller to say what they are and what data to give. */
  unheld: IdInWord[];
}

/**
 * Which words holding an ID joined to the word before it (`idsInWords`) are technique IDs of an ATT&CK Workbench
 * organization namespace, as a team using Workbench cites its own techniques in its reports: the prefix in capitals, as
 * Workbench writes it (`ACME-T1000`: mitre-attack/attack-workbench-rest-api, app/lib/attack-id-generator.js), and either
 * the data loaded holds the whole ID, or the ID after the prefix is no technique of it (T1000, no MITRE technique). A
 * word before an ID the release has stays a longer word's (`MITRE-T1059`, `initial-access-T1566`), never a namespace's.
 */
export function namespaceIdsInWords(inWords: readonly IdInWord[], lines: readonly FoldedText[], target: AttackIndex): NamespaceIds {
  const found: NamespaceIds = { references: [], unheld: [] };
  for (const word of inWords) {
    const { written, line } = word;
    if (word.kind !== 'joined' || !isNamespacedTechniqueId(written)) continue;
    if (!target.technique(written)) {
      if (!target.technique(written.slice(written.indexOf('-') + 1))) found.unheld.push(word);
      continue;
    }
    const start = lines[line - 1]?.original.indexOf(written) ?? -1;
    if (start < 0) continue;
    found.references.push({ raw: written, line, ids: [written], tactics: [], span: { line, start, end: start + written.length } });
  }
  return found;
}
