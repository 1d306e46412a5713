/**
 * The field a campaign file's unknown field most likely means, for read-campaign's did-you-mean and for telling a
 * campaign file written with other words (`threat_actor`, `ttps`) from a file of no kind the tool reads (input-kind).
 */
import { closestWord, editDistance, foldedWord, typoLimit } from '../name-distance.js';

/** Other words analysts write for a field. */
const SYNONYMS: Readonly<Record<string, string>> = {
  id: 'ref',
  technique: 'ref',
  technique_id: 'ref',
  group: 'actor',
  compare: 'compare_with',
  compare_to: 'compare_with',
  threat_actor: 'actor',
  malware: 'software',
  tools: 'software',
  references: 'sources',
  reports: 'sources',
  link: 'url',
  ttps: 'techniques',
  version: 'attack_version',
};

/**
 * The allowed field an unknown one most likely means: a synonym, another spelling, or a small typo of either
 * (`refrences` is a typo of the synonym `references`: sources). An allowed field is preferred at equal distance.
 */
export function suggestField(field: string, allowed: readonly string[]): string | undefined {
  const synonyms = Object.keys(SYNONYMS).filter((word) => allowed.includes(SYNONYMS[word]!));
  const closest = closestWord(field, [...allowed, ...synonyms]);
  return closest === undefined || allowed.includes(closest) ? closest : SYNONYMS[closest];
}

/**
 * The allowed field a key surely means, for telling a file's kind by its keys (input-kind): the field itself or a
 * synonym of it (case, `-` and `_` aside: `Threat_Actor`, `ttps`), or a slip of one: one letter missed, added, changed
 * or swapped (`nam`, `tecniques`), one in eight in a long word (typoLimit). A word merely near a field is another word,
 * which other files have for other things: `author` is two edits from `actor`, `steps` from `ttps`, `action` from
 * `actor`; suggestField still offers them as a hint.
 */
export function fieldMeant(key: string, allowed: readonly string[]): string | undefined {
  const field = suggestField(key, allowed);
  if (field === undefined) return undefined;
  const folded = foldedWord(key);
  const limit = Math.max(1, typoLimit(folded.length));
  const spellings = [field, ...Object.keys(SYNONYMS).filter((word) => SYNONYMS[word] === field)];
  return spellings.some((word) => editDistance(folded, foldedWord(word), limit) <= limit) ? field : undefined;
}
