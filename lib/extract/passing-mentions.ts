/**
 * Where a report names a group only in passing, as no actor of its own: in an ATT&CK Evaluation's name, or in the page's
 * furniture around the post (a list of other posts, a menu, links alone), as `suggest` finds them.
 */
import { isGluedMenu, isLinksOnly, isPageFurniture } from '../suggest/page-furniture.js';
import { advertisementPassages, isAlsoStory, relatedPostsPassages } from '../suggest/post-lists.js';

// MITRE's ATT&CK Evaluations are named after the groups they emulate (APT3, APT29, Carbanak+FIN7, Wizard Spider and
// Sandworm, Turla, menuPass and ALPHV BlackCat), and vendors advertise their results: Dark Reading's page on BlackCat
// (Securin, 2022, as GenAI-Threat-Intelligence-Research keeps it) lists the white paper `Use the 2023 MITRE ATT&CK
// Evaluation Results for Turla to Inform EDR Buying Decisions` among other pages' titles, which made Turla its actor. A
// name right after `ATT&CK Evaluation(s)` and a few words (`Results for`, `Round 5:`), or before `evaluation(s)`
// (`the Turla evaluation`, `Carbanak+FIN7 Evaluations`), within one clause, is the evaluation's.
const EVALUATION_BEFORE = /\bATT&CK®?\s+(?:[\p{L}\p{N}]+\s+){0,2}?Evaluations?\b[^.!?;\n]{0,40}$/iu;
const EVALUATION_AFTER = /^(?:\s*(?:\+|&|and)\s*[\p{L}\p{N} ]{1,25}?)?\s+(?:ATT&CK®?\s+)?Evaluations?\b/iu;

/** Whether the name at `start`-`end` of a line stands in an ATT&CK Evaluation's name (`EVALUATION_BEFORE`, `EVALUATION_AFTER`). */
export function inEvaluationName(line: string, start: number, end: number): boolean {
  if (!/evaluation/i.test(line)) return false;
  return EVALUATION_BEFORE.test(line.slice(Math.max(0, start - 120), start)) || EVALUATION_AFTER.test(line.slice(end, end + 60));
}

/**
 * The lines (1-based) that are the page's furniture by `suggest`'s readers, a line for a passage: links alone (a menu,
 * a list of other posts as Markdown), a menu glued into one line, another story's title after `Also:`, a cookie
 * banner's or a footer's words, an advertisement, and the titles and teasers of other posts under their label
 * (`Related Articles:`). A group named there is another page's subject. Not a breadcrumb: its last part is the post's
 * own title.
 */
export function furnitureLines(lines: readonly string[]): Set<number> {
  const passages = lines.map((text, i) => ({ line: i + 1, text }));
  const found = new Set<number>();
  const one = (text: string): boolean => !!text.trim() && (isLinksOnly(text) || isGluedMenu(text) || isAlsoStory(text) || isPageFurniture(text));
  passages.forEach((passage) => one(passage.text) && found.add(passage.line));
  for (const runs of [relatedPostsPassages(passages), advertisementPassages(passages)]) for (const i of runs) found.add(i + 1);
  return found;
}
