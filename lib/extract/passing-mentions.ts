/**
 * Where a report names a group only in passing, as no actor of its own: in an ATT&CK Evaluation's name, in the page's
 * furniture around the post (a list of other posts, a menu, links alone), as `suggest` finds them, or as an example or a
 * comparison (`threat groups such as APT28 and FIN13`).
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

// What opens an example or a comparison in prose, and a list of names after it up to the one read: ENISA's Threat
// Landscape 2025 (`Russia-nexus threat groups such as APT28, APT29, Turla, and GoldenJackal`), a write-up on JSP web
// shells (`used in the past by threat groups such as APT28 and FIN13`), a malware analysis (`a significant behavioral
// indicator of high-tier malware/packers (e.g., Lazarus Group or APT29)`), an essay on zero trust (`Threat actors such
// as APT29 (Cozy Bear), LAPSUS$, and Scattered Spider demonstrated repeatedly …`), and `groups like`, `similar to what`.
// Only a group's name is read so, so `like` before other words (`like before`) and `such as` before a tool's name
// (`tools such as Mimikatz`) say nothing of it.
const EXAMPLE_WORDS = /such\s+as|e\.\s?g\b|for\s+(?:example|instance)|like|similar\s+to/i;
const TRIGGER = String.raw`(?:\bsuch\s+as|\be\.\s?g\.?,?|\bfor\s+(?:example|instance),?|\blike|\bsimilar\s+to(?:\s+(?:what|how|those\s+of|that\s+of|the\s+ones?\s+(?:of|used\s+by)))?)`;
// A name of the list before the one read, up to four words and the bracket of an alias after it (`APT29 (Cozy Bear)`).
const ITEM = String.raw`[\p{L}\p{N}][\p{L}\p{N}.$&+'’-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}.$&+'’-]*){0,3}(?:\s*\([^()]{0,40}\))?`;
const SEPARATOR = String.raw`(?:\s*,\s*(?:(?:and|or)\s+)?|\s+(?:and|or|&)\s+|\s*\/\s*)`;
// The name read may stand in the bracket of one before it (`APT29 (Cozy Bear)`), or in quotes.
const EXAMPLE_BEFORE = new RegExp(`${TRIGGER}\\s+(?:the\\s+)?(?:${ITEM}${SEPARATOR}(?:the\\s+)?)*(?:${ITEM}\\s*\\(|[("'“‘])?$`, 'iu');

/**
 * Whether the name at `start` of a line stands as an example or a comparison: after `such as`, `e.g.`, `for example`,
 * `groups like`, `similar to (what)`, alone or in a list of names that follows one (`EXAMPLE_BEFORE`).
 */
export function inExample(line: string, start: number): boolean {
  const before = line.slice(Math.max(0, start - 160), start);
  return EXAMPLE_WORDS.test(before) && EXAMPLE_BEFORE.test(before);
}
