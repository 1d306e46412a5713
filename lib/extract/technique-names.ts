import type { AttackIndex } from '../attack/attack-index.js';
import type { FoldedText } from '../normalize/tokenize-references.js';
import { isCommonEnglishWord } from '../common-words.js';

/** A technique of the release named in a report's text without an ID: its first mention. */
export interface NamedTechnique {
  id: string;
  name: string;
  /** 1-based line of its first mention. */
  line: number;
  /** The older name it was written with there (`Credential Dumping`, T1003's before ATT&CK 7), when not its current one. */
  written?: string;
}

const WORD = /[\p{L}\p{N}]+/gu;

interface NameWords {
  /** Techniques by the words of their names as ATT&CK writes them, joined by spaces. */
  byWords: Map<string, { id: string; name: string }>;
  /** The same in lower case, for a list item that is a name and nothing else. */
  byLowerWords: Map<string, { id: string; name: string }>;
  /** Most words in a name. */
  longest: number;
}

const nameWords = new WeakMap<AttackIndex, NameWords>();

// A file type's word that is also a technique's whole (short) name: ATT&CK 17 renamed T1574.001 `DLL` (DLL Search Order
// Hijacking and DLL Side-Loading merged into it), and prose writes `DLL` for the file (`downloaded a DLL file`, `the
// DLL file is loaded and executed on memory`, JPCERT/CC's TSCookie post): of 27 distinct places saved report text
// writes it outside `DLL side-loading`, `hijacking`, `search order` and `injection` (The DFIR Report's Conti and IcedID
// case, JPCERT/CC, Trend Micro's BlackCat malvertising post, Red Canary's 2020 Threat Detection Report's `DLL
// monitoring`, Intezer, dropzone.ai), none names the technique: the file, a data source, part of another name (`Winlogon
// Helper DLL`). Alone in prose it names none; `Hijack Execution Flow: DLL` still does, and so does a line or list item
// that is the name and nothing else.
const FILE_TYPE_NAMES: ReadonlySet<string> = new Set(['DLL']);

/** Whether a technique's name is one word that prose writes for something else (`isCommonEnglishWord`, `FILE_TYPE_NAMES`). */
const proseWord = (written: string, words: readonly string[]): boolean => words.length === 1 && (isCommonEnglishWord(written) || FILE_TYPE_NAMES.has(written));

/** The names of the release's current techniques (`Network Sniffing`, `Phishing: Spearphishing Link`) by their words. */
function indexNames(index: AttackIndex): NameWords {
  let found = nameWords.get(index);
  if (found) return found;
  const byWords = new Map<string, { id: string; name: string }>();
  const byLowerWords = new Map<string, { id: string; name: string }>();
  let longest = 1;
  for (const technique of index.currentTechniques()) {
    const parent = technique.parent ? index.technique(technique.parent) : undefined;
    for (const written of [technique.name, ...(parent ? [`${parent.name}: ${technique.name}`] : [])]) {
      const words = written.match(WORD) ?? [];
      // One word in common use (`Tool`, `Credentials`) starts many a sentence.
      if (words.length === 1 && isCommonEnglishWord(written)) continue;
      longest = Math.max(longest, words.length);
      const key = words.join(' ');
      // A file type's word (`DLL`) is the name only as a line or list item of its own.
      const forms = proseWord(written, words) ? ([[byLowerWords, key.toLowerCase()]] as const) : ([[byWords, key], [byLowerWords, key.toLowerCase()]] as const);
      // A name two techniques share (`Virtual Private Server`) names neither for sure.
      for (const [names, written] of forms) {
        if (names.has(written) && names.get(written)!.id !== technique.id) names.set(written, { id: '', name: '' });
        else names.set(written, { id: technique.id, name: technique.name });
      }
    }
  }
  found = { byWords, byLowerWords, longest };
  nameWords.set(index, found);
  return found;
}

// `written` is left out where the older name is the current one but for case (T1081's `Credentials in Files`, T1552.001's
// `Credentials In Files`): the report writes the current name.
type OlderName = { id: string; name: string; written?: string };
const olderByTarget = new WeakMap<AttackIndex, WeakMap<AttackIndex, { byWords: Map<string, OlderName>; longest: number }>>();

/**
 * The names a release (`index`) gave techniques that the target names otherwise, by their words, with the current
 * technique each now is (a renamed one's, a revoked one's replacement): `Credential Dumping` in 6.3 is T1003 OS
 * Credential Dumping. The target's own revoked techniques give theirs (`Windows Admin Shares`, T1077, is T1021.002).
 * A name the target gives a technique (`Spearphishing Attachment`) is left out, and so is one several techniques had.
 */
function indexOlderNames(index: AttackIndex, target: AttackIndex): { byWords: Map<string, OlderName>; longest: number } {
  const cached = olderByTarget.get(target)?.get(index);
  if (cached) return cached;
  const current = indexNames(target).byWords;
  const byWords = new Map<string, OlderName>();
  let longest = 1;
  for (const technique of index.allTechniques()) {
    if (index === target && !technique.revoked) continue;
    const here = index === target ? technique : (target.techniqueByStixId(technique.stixId) ?? target.technique(technique.id));
    const final = here?.revoked ? target.revocationChain(here.id).final : here;
    if (!final || final.revoked || final.deprecated) continue;
    const parent = technique.parent ? index.technique(technique.parent) : undefined;
    for (const written of [technique.name, ...(parent ? [`${parent.name}: ${technique.name}`] : [])]) {
      const words = written.match(WORD) ?? [];
      const key = words.join(' ');
      if (current.has(key) || proseWord(written, words)) continue;
      longest = Math.max(longest, words.length);
      const known = byWords.get(key);
      const finalParent = final.parent ? target.technique(final.parent) : undefined;
      const currentNames = [final.name, ...(finalParent ? [`${finalParent.name}: ${final.name}`] : [])].map((name) => (name.match(WORD) ?? []).join(' ').toLowerCase());
      const older = currentNames.includes(key.toLowerCase()) ? {} : { written };
      byWords.set(key, known && known.id !== final.id ? { id: '', name: '', ...older } : { id: final.id, name: final.name, ...older });
    }
  }
  const found = { byWords, longest };
  const forTarget = olderByTarget.get(target) ?? new WeakMap();
  forTarget.set(index, found);
  olderByTarget.set(target, forTarget);
  return found;
}

/** The older names of the target's techniques in the releases given, and in the target's revoked techniques. */
function olderNames(target: AttackIndex, releases: Iterable<AttackIndex>): { byWords: Map<string, OlderName>; longest: number } {
  const byWords = new Map<string, OlderName>();
  let longest = 1;
  for (const index of [target, ...releases]) {
    const names = indexOlderNames(index, target);
    longest = Math.max(longest, names.longest);
    for (const [key, name] of names.byWords) {
      const known = byWords.get(key);
      // The newest release's older name of a technique decides: `releases` come newest first.
      if (!known) byWords.set(key, name);
      else if (known.id !== name.id) byWords.set(key, { ...known, id: '' });
    }
  }
  return { byWords, longest };
}

/** A line or list item (`* `, `- `, `1. `) and its text, a markdown link's address left out. */
const LIST_ITEM = /^\s{0,12}(?:(?:[-*+•●▪◦]|\d{1,3}[.)])\s+)?(.+)$/u;
const LINK_ADDRESS = /\]\([^()\s]*\)/g;

/**
 * The technique a line or list item names when its words are a name's and nothing else, in any case (`* Exploitation
 * for client execution`; `Powershell` alone, a PDF's attack diagram flattened to text).
 */
function listItemName(text: string, byLowerWords: NameWords['byLowerWords']): { id: string; name: string } | undefined {
  const item = LIST_ITEM.exec(text)?.[1];
  if (!item) return undefined;
  const words = item.replace(LINK_ADDRESS, ' ').match(WORD);
  return words ? byLowerWords.get(words.join(' ').toLowerCase()) : undefined;
}

/**
 * The techniques of a release that a report names without an ID, as ATT&CK writes them (whole words, same case: prose
 * is full of `phishing` and `search engines`), or in any case as a line or list item that is a name and nothing else
 * (an Elastic post's `* Exploitation for client execution`, `* Acquire infrastructure - server`), on lines that hold no
 * reference (`skipLines`) and leaving out those in `known` (found as references). For a note pointing to `suggest`,
 * which reads names in prose; extract makes references of names only in a table's technique column. A parent named on
 * the line of one of its sub-techniques is left out (that sub-technique's full name holds it). Linear in the text's
 * length.
 */
export function namesWithoutIds(
  lines: readonly FoldedText[],
  index: AttackIndex,
  known: ReadonlySet<string>,
  skipLines: ReadonlySet<number>,
  older: Iterable<AttackIndex> = [],
): NamedTechnique[] {
  const { byWords, byLowerWords, longest: longestCurrent } = indexNames(index);
  const old = olderNames(index, older);
  const longest = Math.max(longestCurrent, old.longest);
  // The first words of every name, for the search from a word to stop where no name goes on so: most words start none.
  const starts = new Set<string>();
  for (const key of [...byWords.keys(), ...old.byWords.keys()]) {
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) starts.add(key.slice(0, at));
    starts.add(key);
  }
  // Every line each technique is named on, in the order of first mention, and the older name it was first written with.
  const named = new Map<string, { name: string; lines: Set<number>; written?: string }>();
  const mention = (technique: { id: string; name: string; written?: string } | undefined, line: number): void => {
    if (!technique?.id || known.has(technique.id)) return;
    const entry = { name: technique.name, lines: new Set<number>(), ...(technique.written ? { written: technique.written } : {}) };
    (named.get(technique.id) ?? named.set(technique.id, entry).get(technique.id)!).lines.add(line);
  };
  for (const [i, folded] of lines.entries()) {
    if (skipLines.has(i + 1)) continue;
    mention(listItemName(folded.text, byLowerWords), i + 1);
    const words = [...folded.text.matchAll(WORD)].map((match) => match[0]);
    // Where a current name is written (`Data Encrypted for Impact`), an older one inside it (`Data Encrypted`, T1022's) is not.
    const current: Array<readonly [start: number, end: number]> = [];
    const olderAt: Array<{ start: number; end: number; technique: OlderName }> = [];
    for (let first = 0; first < words.length; first++) {
      let key = '';
      for (let n = 0; n < longest && first + n < words.length; n++) {
        key = n ? `${key} ${words[first + n]}` : words[first]!;
        if (!starts.has(key)) break;
        if (byWords.has(key)) current.push([first, first + n]);
        mention(byWords.get(key), i + 1);
        const older = old.byWords.get(key);
        if (older) olderAt.push({ start: first, end: first + n, technique: older });
      }
    }
    for (const { start, end, technique } of olderAt) if (!current.some(([from, to]) => from <= start && end <= to)) mention(technique, i + 1);
  }
  // `Command and Scripting Interpreter: PowerShell`, `Scheduled Task/Job: Scheduled Task`: a parent named on the line of
  // one of its sub-techniques is part of that sub-technique's name, one item with it; it counts where it is named alone.
  const beside = new Set([...named].flatMap(([id, { lines }]) => (id.includes('.') ? [...lines].map((line) => `${id.split('.')[0]} ${line}`) : [])));
  const found: NamedTechnique[] = [];
  for (const [id, { name, lines, written }] of named) {
    const line = [...lines].find((each) => !beside.has(`${id} ${each}`));
    if (line !== undefined) found.push({ id, name, line, ...(written ? { written } : {}) });
  }
  return found.sort((a, b) => a.line - b.line);
}
