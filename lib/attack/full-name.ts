import type { AttackIndex } from './attack-index.js';
import type { TechniqueRecord } from './types.js';

/** `Phishing: Spearphishing Attachment` for a sub-technique, the plain name otherwise. */
export function fullName(index: AttackIndex, technique: TechniqueRecord): string {
  const parent = technique.parent ? index.technique(technique.parent) : undefined;
  return parent ? `${parent.name}: ${technique.name}` : technique.name;
}
