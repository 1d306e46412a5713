import { LANGUAGE_NOT_SUPPORTED, suggestTechniques, type AttackIndex, type NormalizedCampaign, type PassageSuggestions, type ReferenceResult } from '../index.js';
import type { CliContext, GlobalArgs } from './context.js';
import { suggestModel } from './suggest-model.js';

/** How many techniques `normalize --suggest` proposes for a reference. */
const SUGGESTED = 3;

/**
 * What `suggest` ranks for the words of each reference left unknown (`steals browser cookies`, `Credential Dumping from
 * LSASS`, a name in Japanese), by its index in the campaign's references: for the analyst to review, never taken as the
 * reference. A reference citing an ID (`T9999`) is none of suggest's, and a passage without candidates is left out,
 * unless its language is one suggest does not read (`Фишинг`, a Russian table's name): its note then says why none.
 */
export function unknownSuggestions(context: CliContext, args: GlobalArgs, result: NormalizedCampaign, index: AttackIndex): Map<number, PassageSuggestions> {
  const out = new Map<number, PassageSuggestions>();
  const unknown = unknownNames(result);
  if (!unknown.length) return out;
  const model = suggestModel(context, args, index);
  for (const [i, reference] of unknown) {
    const [passage] = suggestTechniques(reference.raw, model, { lines: true, top: SUGGESTED });
    if (passage?.candidates.length || passage?.note?.startsWith(LANGUAGE_NOT_SUPPORTED)) out.set(i, passage!);
  }
  return out;
}

/** The references written in the campaign and left unknown, by index: those `--suggest` ranks techniques for. */
export function unknownNames(result: NormalizedCampaign): [number, ReferenceResult][] {
  return result.references.flatMap((reference, i) => (reference.status === 'unknown' && reference.raw.trim() ? [[i, reference] as [number, ReferenceResult]] : []));
}
