import type { AttackIndex } from '../attack/attack-index.js';
import { isIndexedTechniqueId } from '../attack/technique-id.js';
import { isJsonObject } from '../json-value.js';

/**
 * Which cells of its matrix Navigator 5.1 fills from each technique entry of a layer as written, and which of them a
 * later entry takes over. ViewModel.deserialize keys an entry by `techniqueID^tactic` as written where the entry has a
 * `tactic` (`'tactic' in objTechnique`; an empty one leaves TechniqueVM's key empty), and otherwise under each tactic of
 * the release's current technique of that ID, reading none for an ID it has not, or a revoked or deprecated one; each
 * goes through `setTechniqueVM(tvm)`, which deletes what the key held and sets the new entry: the last entry of a cell
 * wins whole, nothing of the earlier one merged (mitre-attack/attack-navigator nav-app/src/app/classes/view-model.ts at
 * fa7a6017820f97f172be896d093c57a91387f372, deserialize and setTechniqueVM; technique-vm.ts deserialize).
 */
export interface EntryCells {
  /** The cells the entry fills (`T1059^execution`), in the order Navigator fills them. */
  cells: string[];
  /** The cells a later entry takes over, by that entry's place in the layer as written. */
  lostTo: Map<number, string[]>;
}

/** The tactics an entry without one is filled under: those of the release's current technique of the ID, or undefined. */
export type TacticsOf = (id: string) => readonly string[] | undefined;

/**
 * `TacticsOf` in a release: the tactics of its current technique of exactly that ID (ViewModel.deserialize matches
 * `technique.attackID == objTechnique.techniqueID` and reads no revoked or deprecated one).
 */
export function releaseTacticsOf(index: AttackIndex): TacticsOf {
  return (id) => {
    const record = isIndexedTechniqueId(id) ? index.technique(id) : undefined;
    return record && record.id === id && !record.revoked && !record.deprecated ? record.tactics : undefined;
  };
}

/** The cell key Navigator 5.1 gives a technique under a tactic. */
export function cellKey(id: string, tactic: string): string {
  return `${id}^${tactic}`;
}

/** `cellKey`'s technique ID ('' for the empty key of an empty tactic). */
export function cellId(cell: string): string {
  return cell.slice(0, Math.max(0, cell.indexOf('^')));
}

/** `cellKey`'s tactic. */
export function cellTactic(cell: string): string {
  return cell.slice(cell.indexOf('^') + 1);
}

/** The cells of each entry of `techniques` (as written) and which later entries take them over. */
export function navigatorCells(techniques: readonly unknown[], tacticsOf: TacticsOf): EntryCells[] {
  const owner = new Map<string, number>();
  const found: EntryCells[] = techniques.map(() => ({ cells: [], lostTo: new Map() }));
  techniques.forEach((entry, at) => {
    if (!isJsonObject(entry)) return;
    const id = entry['techniqueID'];
    let cells: string[];
    if ('tactic' in entry) {
      // TechniqueVM.deserialize keeps the empty key ('') for a tactic that is "" (it alerts), String() of anything else.
      const tactic = entry['tactic'];
      cells = [tactic === '' ? '' : cellKey(String(id), String(tactic))];
    } else cells = typeof id === 'string' ? (tacticsOf(id) ?? []).map((tactic) => cellKey(id, tactic)) : [];
    found[at]!.cells = cells;
    for (const cell of cells) {
      const before = owner.get(cell);
      if (before !== undefined && before !== at) {
        const lost = found[before]!.lostTo;
        lost.set(at, [...(lost.get(at) ?? []), cell]);
      }
      owner.set(cell, at);
    }
  });
  return found;
}

/** The cells of the entry Navigator 5.1 keeps: those no later entry takes over. */
export function keptCells(entry: EntryCells | undefined): string[] {
  if (!entry) return [];
  const lost = new Set([...entry.lostTo.values()].flat());
  return entry.cells.filter((cell) => !lost.has(cell));
}

/** Whether Navigator 5.1 keeps any cell of the entry: it reads, colours and exports it (shown or not). */
export function keepsCell(entry: EntryCells | undefined): boolean {
  return keptCells(entry).length > 0;
}
