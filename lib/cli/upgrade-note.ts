import type { LayerUpgrade } from '../index.js';
import { linesPerKind, messageKind, ofHiddenTechniques as of } from './repeated-lines.js';

/**
 * What `upgradeSources` changed in one layer read by combine or compare, as one note: the head naming the layer and
 * the release, then each change (a few of each kind, `attack-layers upgrade` listing every one).
 */
export function upgradeNote(upgrade: LayerUpgrade, target: string): string {
  const from = [upgrade.fromFormat && `layer format ${upgrade.fromFormat}`, upgrade.fromAttack && `ATT&CK ${upgrade.fromAttack}`].filter(Boolean);
  const head = `${upgrade.source}: upgraded${from.length ? ` from ${from.join(', ')}` : ''} to layer format 4.5 and ATT&CK ${target}:`;
  // Changes of one kind (the entries of one technique merged) are listed a few at a time.
  const more = (change: string, hidden: number, rest: readonly string[]) => `  and ${hidden} more of this kind${of(rest)} (\`attack-layers upgrade\` of the file lists every one)`;
  return [head, ...linesPerKind(upgrade.changes, messageKind, (change) => `  ${change}`, more)].join('\n');
}
