import type { AttackIndex } from '../attack/attack-index.js';
import { formerTactic, laterTactic, laterTacticName } from '../attack/tactic-splits.js';
import { readTactic } from '../normalize/read-tactic.js';
import { tacticDisplayName } from '../normalize/tactic-text.js';
import type { FoldedText } from '../normalize/tokenize-references.js';
import { citedLines } from './cited-lines.js';
import type { ExtractedReference } from './extract-references.js';

/** A Sigma rule's tags quoted in a report: the lines they stand on, and its tactic tags. */
export interface SigmaTagList {
  /** The 1-based lines of the list, first to last. */
  first: number;
  last: number;
  /** The tactic tags as written (`attack.command_and_control`), in order. */
  tacticTags: string[];
  /** The tags of each of its lines, with where each starts. */
  tags: Map<number, Array<{ tag: string; start: number }>>;
}

// A tag of a namespace of Sigma's tags specification and its name after the dot (`attack.t1059.001`,
// `attack.command-and-control`, `cve.2021-44228`, `detection.threat-hunting`, `car.2016-04-005`): SigmaHQ/sigma-
// specification, Tags_specification.md; pySigma's SigmaRuleTag splits a tag at its first dot. Its end may be cut by a
// line break (`attack.t1059.`, `attack.t1059.0-`).
const TAG = /(?<![\p{L}\p{N}_.-])(?:attack|car|cve|d3fend|detection|stp|tlp)\.[\p{L}\p{N}_.-]*/giu;
// What a line of tags holds besides them: a YAML list's dash, a JSON array's brackets, quotes and commas, Markdown's
// marks, and a key or label `tags` (`tags:`, `"tags": [`, `**Tags:**`, a table's `| Tags |` cell).
const TAG_LINE_REST = /^[\s*,;|[\]{}"'`-]*(?:tags[\s"'`*]*[:=|][\s*,;|[\]{}"'`-]*)?$/i;
// A `tags` key's array among a line's other fields, up to its end or the line's (`"tags": ["attack.t1105"]}`, `tags: [attack.t1105]`).
const TAGS_ARRAY = /(?<![\p{L}\p{N}_])["']?tags["']?\s*:\s*\[([^\]]*)/iu;
// The rest of a tag that a line break cut (`attack.t1059.`⏎`001,`, as PDF-to-text leaves it), at the next line's start.
const TAG_REST = /^\s*\.?\d{1,3}(?=[\s,;"'\]]|$)/;
// A tactic tag: `attack.` and a name with no digit (`attack.t1059` and `attack.g0010` are a technique's and a group's).
const TACTIC_TAG = /^attack\.[a-z][a-z_-]*$/i;
// A technique tag, and where its ID starts after `attack.`.
const TECHNIQUE_TAG = /^attack\.t\d/i;
const PREFIX = 'attack.'.length;

/**
 * The tags on a line of nothing else (see `TAG_LINE_REST`), with where each starts, or none where the line holds only
 * the rest of the last line's last tag (`afterTag`); or those of a `tags` array on a line of other fields too (a rule as
 * one line of JSON, `{"title": …, "tags": ["attack.execution", "attack.t1059.001"]}`), a list of its own (`alone`: the
 * next line may be another rule's); undefined for any other line.
 */
function lineTags(text: string, afterTag: boolean): { tags: Array<{ tag: string; start: number }>; alone?: true } | undefined {
  if (text.length > 2000) return undefined;
  const tags = [...text.matchAll(TAG)].map((match) => ({ tag: match[0], start: match.index }));
  let rest = text.replace(TAG, ' ');
  // The rest of the last line's last tag (`001, attack.t1105` after `attack.t1059.`).
  const cut = afterTag ? TAG_REST.exec(rest) : null;
  if (cut) rest = rest.slice(cut[0].length);
  if ((tags.length || cut) && TAG_LINE_REST.test(rest)) return { tags };
  const array = TAGS_ARRAY.exec(text);
  if (!array || !TAG_LINE_REST.test(array[1]!.replace(TAG, ' '))) return undefined;
  const [start, end] = [array.index + array[0].length - array[1]!.length, array.index + array[0].length];
  const inArray = tags.filter((tag) => tag.start >= start && tag.start < end);
  return inArray.length ? { tags: inArray, alone: true } : undefined;
}

/**
 * The Sigma tag lists a report quotes: runs of lines that hold Sigma tags and nothing else but a YAML list's, a JSON
 * array's or a `Tags:` label's marks (`- attack.t1059.001`, `"tags": ["attack.execution", "attack.t1105"]`,
 * `Tags: attack.t1059.001, attack.t1105`), a tag cut by a line break joined to its rest. Pure.
 */
export function sigmaTagLists(lines: readonly FoldedText[]): SigmaTagList[] {
  const lists: SigmaTagList[] = [];
  let open: SigmaTagList | undefined;
  let afterTag = false;
  for (const [i, line] of lines.entries()) {
    const read = lineTags(line.original, afterTag);
    const last = read?.tags.at(-1);
    afterTag = !!last && last.start + last.tag.length === line.original.trimEnd().length;
    if (!read) {
      open = undefined;
      continue;
    }
    const { tags, alone } = read;
    if (!open || alone) lists.push((open = { first: i + 1, last: i + 1, tags: new Map(), tacticTags: [] }));
    open.last = i + 1;
    open.tags.set(i + 1, tags);
    open.tacticTags.push(...tags.filter(({ tag }) => TACTIC_TAG.test(tag)).map(({ tag }) => tag));
    if (alone) open = undefined;
  }
  return lists;
}

/**
 * References read from a report's Sigma tag lists (`sigmaTagLists`) as the tags they are: each is its ID as the tag
 * writes it, with no name (`Tags: attack` is none); where the list has tactic tags, they are the rule's tactics for its
 * techniques together, as Sigma means them. With a release each technique takes those of them ATT&CK puts it under: one,
 * several (said in a note), or none (said too: it takes its own); a list's tactic tag the release does not know is said.
 * Without one, which tactics a technique is under is not known: each takes them all, as the rule states them (the names
 * of every release's tactics, ATT&CK 19's `attack.stealth` among them), for a caller with a release to check.
 */
export function withSigmaTags(references: readonly ExtractedReference[], lines: readonly FoldedText[], target?: AttackIndex): { references: ExtractedReference[]; notes: string[] } {
  const lists = sigmaTagLists(lines);
  if (!lists.length) return { references: [...references], notes: [] };
  // A list's tactics as the release's shortnames, a tag it has no tactic of left out; without one, as display names.
  const tacticsOf = new Map(lists.map((list) => [list, [...new Set(list.tacticTags.flatMap((tag) => (target ? readTactic(tag.slice(PREFIX), target) : tacticDisplayName(tag.slice(PREFIX))) ?? []))]]));
  const listOf = (ref: ExtractedReference): SigmaTagList | undefined => lists.find((list) => ref.span.line >= list.first && ref.span.line <= list.last);
  const said = new Map<SigmaTagList, { several: string[]; none: string[] }>();
  // The tactics a technique takes from a list's tactic tags, each said where it is under several or none of them.
  const tacticsIn = (list: SigmaTagList, id: string): string[] => {
    if (!target) return tacticsOf.get(list)!;
    const own = target.technique(id)?.tactics ?? [];
    const listed = tacticsOf.get(list)!;
    // A tactic a later release split off one this release has (SigmaHQ's `attack.stealth`, ATT&CK 19's, off Defense
    // Evasion) stands for that one where the technique is under it: written as the rule names it, for the resolver to
    // place and say so (formerTactic), as it does a tactic written so anywhere else.
    const former = new Map<string, string>();
    for (const tag of list.tacticTags) {
      const later = formerTactic(tag.slice(PREFIX), own);
      if (later && !former.has(later.from)) former.set(later.from, laterTacticName(later.shortname));
    }
    // In the matrix's order, as a layer lists them.
    const tactics = target.tactics().map((tactic) => tactic.shortname).filter((tactic) => (listed.includes(tactic) || former.has(tactic)) && own.includes(tactic));
    const notes = said.get(list) ?? said.set(list, { several: [], none: [] }).get(list)!;
    if (tactics.length > 1) notes.several.push(`${id} (${tactics.map((tactic) => target.tacticName(tactic)).join(', ')})`);
    if (!tactics.length && own.length) notes.none.push(`${id} (${own.map((tactic) => target.tacticName(tactic)).join(', ')})`);
    return tactics.map((tactic) => (listed.includes(tactic) ? target.tacticName(tactic) : former.get(tactic)!));
  };
  const read = references.map((ref) => {
    const list = listOf(ref);
    const id = ref.ids[0];
    if (ref.ids.length !== 1 || !id) return ref;
    const tag = list?.tags.get(ref.span.line)?.find(({ tag, start }) => TECHNIQUE_TAG.test(tag) && start + PREFIX >= ref.span.start && start + PREFIX < ref.span.end);
    // The other lists with tactic tags its ID is tagged in, on the lines it is cited on (merged into one reference): it
    // takes their tactics too.
    const others = citedLines(ref)
      .filter((line) => line !== ref.span.line || !tag)
      .flatMap((line) => lists.filter((other) => other !== list && other.tacticTags.length && other.tags.get(line)?.some((one) => one.tag.slice(PREFIX).toUpperCase() === id)));
    const tagged = [...new Set([...(list?.tacticTags.length && tag ? [list] : []), ...others])];
    const tactics = (own: readonly string[]): string[] => [...new Set([...own, ...tagged.flatMap((other) => tacticsIn(other, id))])];
    // Written first elsewhere (`atomics/T1136.001/T1136.001.md` in the rule's references) and tagged after: its own
    // tactics and its tags'.
    if (!list || !tag) return tagged.length ? { ...ref, tactics: tactics(ref.tactics) } : ref;
    const { name: _name, nameSpan: _nameSpan, ...bare } = ref;
    const start = tag.start + PREFIX;
    const raw = /attack\.(t[\s\S]*)$/i.exec(ref.raw)?.[1] ?? ref.raw;
    const span = { ...ref.span, start, end: ref.raw.includes('\n') ? ref.span.end : Math.min(ref.span.end, tag.start + tag.tag.length) };
    // The tactics the walk gave a tag's line are no tactics of it: a list's tags give them.
    return tagged.length ? { ...bare, raw, span, tactics: tactics([]) } : { ...bare, raw, span };
  });
  if (!target) return { references: read, notes: [] };
  const notes: string[] = [];
  for (const list of lists) {
    const { several = [], none = [] } = said.get(list) ?? {};
    // A later release's tactic (`attack.stealth`) is said of each technique it places (the resolver's warning), not here.
    const unknown = list.tacticTags.filter((tag) => !readTactic(tag.slice(PREFIX), target) && !laterTactic(tag.slice(PREFIX)));
    if (!several.length && !none.length && !unknown.length) continue;
    const parts = [
      ...(several.length ? [`${several.join(', ')} ${several.length === 1 ? 'is' : 'are'} under several of them and take${several.length === 1 ? 's' : ''} each`] : []),
      ...(none.length ? [`${none.join(', ')} ${none.length === 1 ? 'is' : 'are'} under none of them and keep${none.length === 1 ? 's' : ''} ${none.length === 1 ? 'its' : 'their'} own`] : []),
      ...(unknown.length ? [`${unknown.join(', ')} name${unknown.length === 1 ? 's' : ''} no tactic of ATT&CK ${target.label} (a later release's?) and ${unknown.length === 1 ? 'is' : 'are'} left out`] : []),
    ];
    const where = list.first === list.last ? `line ${list.first}` : `lines ${list.first}-${list.last}`;
    notes.push(
      `${where}: a Sigma rule's tactic tags (${list.tacticTags.join(', ')}) are its tactics for all its techniques together, so each technique takes those of them ATT&CK ${target.label} puts it under: ` +
        `${parts.join('; ')} (check which the report means)`,
    );
  }
  return { references: read, notes };
}
