import { tacticDisplayName } from '../normalize/tactic-text.js';
import type { FoldedText } from '../normalize/tokenize-references.js';
import type { ReportSpan } from './extract-references.js';

/** What a text names: a technique with sub-techniques, another technique, or none. */
export type NamedKind = 'parent' | 'technique' | undefined;

/** A technique named without an ID on a line that is nothing but names: a breadcrumb or a list item. */
export interface NamedLineItem {
  /** The name as the resolver reads it: a technique's, or `Parent: Sub` (`Command and Scripting Interpreter: PowerShell`). */
  name: string;
  /** The tactics the line names before it (`Execution » …`, `Execution: …`), as written. */
  tactics: string[];
  /** Where the line's text is written, its list marker left out. */
  span: ReportSpan;
  /** The line's text as written, its list marker left out. */
  written: string;
  form: 'breadcrumb' | 'list item' | 'heading';
  /**
   * Whether the line's shape says it names techniques whatever the names are (a tactic before `»`, a technique before
   * `-` or `:`): a name that is none is then reported; after a tactic and a colon alone (`Impact: files encrypted`) it
   * may be a sentence, and is passed over. So is the name of a list item with a count (`* Audio Capture - 1`) in a list
   * of such items most of which name techniques: one that names none is reported.
   */
  sure: boolean;
  /**
   * A name after a tactic and a colon that names no technique of the release (`Credential Access: Credential Dumping`),
   * in a list another of whose items does, or written as ATT&CK writes a name (`Persistence: Compromise Client Software
   * Binary`, alone): it may be an older name, which only older releases tell.
   */
  older?: boolean;
}

// A list item's marker (`- `, `* `, `1. `), and what a line of names may not hold: a table's cell, an ID.
const LIST_MARKER = /^\s{0,12}(?:[-*+•・●▪◦■]|\d{1,3}[.)])\s{1,8}/;
// A Markdown heading's marker (`## `), and the closing marks it may end with (`## Execution: Mshta ##`).
const HEADING_MARKER = /^\s{0,3}#{1,6}\s{1,8}/;
const HEADING_CLOSE = /\s+#+\s*$/;
const NOT_NAMES = /[|`<>{}[\]=]|\bT\d{4}\b|https?:/i;
// A Markdown link to an ATT&CK tactic's page, alone (`[Collection](https://attack.mitre.org/tactics/TA0009/)`).
const TACTIC_LINK = /^\[([^\][|`<>{}=]{1,80})\]\(https?:\/\/attack\.mitre\.org\/tactics\/(TA\d{4})\/?\)$/i;
// `Execution » PowerShell`, `Execution › PowerShell`: a breadcrumb's separators (a page's, a Navigator export's).
const BREADCRUMB = /\s*[»›]\s*/;
// Bold marks, and a bracket of figures after the name (`Phishing (15.44%)`, a ranking's share).
const MARKS = /\*\*|__/g;
const FIGURES = /\s*\(\s*[\d.,%\s]+\)\s*$/;
// A count after a dash (`* Audio Capture - 1`, `* Data Encoding - 2`): how many times a list of techniques saw each, as
// timb-machine/attack-ti's threat-crank extracts list them under `# Validate the following attacks`. No sub-technique's
// name is a number: the count is no `Parent - Sub` part.
const COUNT = /\s+[-–—]\s+\d{1,6}$/;
// `Parent - Sub`, `Parent – Sub`, `Parent: Sub`: where a list item's first part ends.
const PARENT_END = /\s+[-–—]\s+|:\s+/;
// Items of a part that names several (`PowerShell, Windows Command Shell`; `malware and exploits`).
const ITEMS = /\s*,\s*|\s+(?:and|&)\s+/;
// Names given as alternatives (`Phishing or Exploit Public-Facing Application`).
const EITHER = /\s+or\s+/;
// A sentence, not a list of names.
const SENTENCE = /[.!?;](?:\s|$)/;
// More words than a technique and two sub-techniques' names hold: a sentence.
const MAX_WORDS = 14;
// The small words ATT&CK writes in lower case inside a name (`Command and Scripting Interpreter`, `Data from Local System`,
// `Exploitation for Privilege Escalation`).
const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'to', 'for', 'from', 'in', 'on', 'by', 'via', 'with', 'as', 'at']);

/**
 * Whether words are written as ATT&CK writes a technique's name: each word with a capital (or a digit or a mark) first,
 * but the small words after the first (`Exfiltration Over Command and Control Channel`, T1041's name before ATT&CK 8); a
 * sentence after a tactic and a colon is not (`Impact: files were encrypted`).
 */
function writtenAsName(name: string): boolean {
  return name.split(/[\s/]+/).every((word, k) => /^[^\p{Ll}]/u.test(word) || (k > 0 && SMALL_WORDS.has(word)));
}

/**
 * The techniques named without an ID on lines that are nothing but names (on lines not in `skip`):
 * - a breadcrumb of tactic and technique (`Execution » Command and Scripting Interpreter » PowerShell`, some vendors'
 *   pages and Navigator exports; `Initial Access » Valid Accounts`, a CISA infographic), its tactic the reference's;
 * - a list item of a technique and its sub-technique (`- Command and Scripting Interpreter - PowerShell, Windows Command
 *   Shell`, Elastic Security Labs' posts; `* Phishing: Spearphishing Attachment`), or of a tactic and a technique
 *   (`1. Execution: Command and Scripting Interpreter (52.2%)`, D3's ranking);
 * - a Markdown heading so written (`## Credential Access: Credential Dumping`, `## Execution: Mshta`, an ELK threat hunting
 *   cheat-sheet's sections), read as a list item of its own, in a list of none other;
 * - a list item of a technique's name alone under a Markdown heading that is a tactic's name alone (`## Discovery` over
 *   `- Process Discovery`, KISA TTPs mappings as SAN2G1/caldera-attack-automation keeps them), read as `Tactic: Name`
 *   is, the heading's tactic its own, until the next heading or a line of prose.
 * `named` says whether a text names a technique (of the tactics given), and one with sub-techniques (a parent part
 * must). Several names of one part, parted by commas or `and`, are each an item, unless the whole part is one name. A
 * list's items that are a name alone are read with the others. Pure; linear in the text's length.
 */
export function namedLineItems(lines: readonly FoldedText[], skip: ReadonlySet<number>, named: (name: string, tactics?: readonly string[]) => NamedKind): NamedLineItem[] {
  const isTechnique = (name: string): boolean => named(name) !== undefined;
  // A parent part names a technique with sub-techniques: `Tool: Mimikatz` is no sub-technique's name (Tool is T1588.002's).
  const isParent = (name: string): boolean => named(name) === 'parent';
  const found: NamedLineItem[] = [];
  // The list the line's item is in (consecutive list items): its items that are a technique's name and nothing else
  // (`- Exploit Public-Facing Application` among `- Create Account - Local Account`) are read once another is read.
  // Its items after a tactic that name no technique of the release are read as older names once another item names one.
  // How many of its items are a name and a count (`* Audio Capture - 1`), how many of those name a technique of the
  // release, and those that name none.
  let list: { plain: NamedLineItem[]; read: boolean; older: NamedLineItem[]; named: boolean; counted: number; countedNamed: number; countedOther: NamedLineItem[] } = {
    plain: [],
    read: false,
    older: [],
    named: false,
    counted: 0,
    countedNamed: 0,
    countedOther: [],
  };
  const endList = (): void => {
    // A list of names with counts most of which name techniques (threat-crank's `* Audio Capture - 1`) is a list of techniques, whatever else it holds: its other counted names are asked of older
    // releases and, where none knows them, reported (`Registry Run Keys / Start Folder`, ATT&CK 2's name), never passed
    // over. A list of platforms or data sources with counts (`* Linux - 64`, `* File monitoring - 45`) names few.
    const counted = list.counted >= 2 && list.countedNamed * 2 > list.counted;
    if (list.read || counted) found.push(...list.plain);
    if (counted) found.push(...list.countedOther.map((item) => ({ ...item, sure: true, older: true })));
    // An item alone, or in a list of older names only, is asked of older releases where its words are written as a name.
    found.push(...(list.named ? list.older : list.older.filter((item) => writtenAsName(item.name))));
    list = { plain: [], read: false, older: [], named: false, counted: 0, countedNamed: 0, countedOther: [] };
  };
  let afterHeading = false;
  // The tactic a Markdown heading names alone (`## Privilege Escalation`), over the list items that follow it.
  let headingTactic: string | undefined;
  for (const [i, folded] of lines.entries()) {
    const original = folded.original;
    const heading = HEADING_MARKER.exec(original)?.[0];
    const marker = LIST_MARKER.exec(original)?.[0] ?? heading;
    if (!marker || heading || afterHeading) endList();
    afterHeading = heading !== undefined;
    if (heading) {
      const title = original.slice(heading.length).replace(HEADING_CLOSE, '').replace(MARKS, '').trim();
      headingTactic = tacticDisplayName(title) !== undefined ? title : undefined;
    } else if (!marker && original.trim()) headingTactic = undefined;
    const form = heading ? 'heading' : 'list item';
    // A list item read as a reference (`- [Native API](https://attack.mitre.org/techniques/T1106/)`) makes its list one
    // of techniques: its items that are a technique's name alone are read too.
    if (skip.has(i + 1) && marker && !heading) list.read = true;
    // `- [Data from Local System](https://attack.mitre.org/tactics/TA0009/)` (Elastic Security Labs' SHELLTER post): an
    // item that is one link to a tactic's page is its text, a technique's name linked to its tactic by a slip.
    const tacticLink = marker && !heading ? TACTIC_LINK.exec(original.slice(marker.length).trim()) : null;
    const line = tacticLink ? `${marker}${tacticLink[1]!}` : original;
    if (skip.has(i + 1) || line.length > 300 || NOT_NAMES.test(line)) continue;
    const figured = line.slice(marker?.length ?? 0).replace(heading ? HEADING_CLOSE : /$^/, '').replace(MARKS, '').replace(FIGURES, '').trim();
    const count = marker && !heading ? COUNT.exec(figured) : null;
    const body = count ? figured.slice(0, count.index) : figured;
    if (!body || SENTENCE.test(body) || body.split(/\s+/).length > MAX_WORDS) continue;
    const start = original.indexOf(body.slice(0, 8), marker?.length ?? 0);
    const text = heading ? original.replace(HEADING_CLOSE, '') : original.trimEnd();
    const where = { span: { line: i + 1, start: Math.max(start, 0), end: text.length }, written: text.slice(marker?.length ?? 0).trim() };
    // `Phishing or Exploit Public-Facing Application`: names joined by `or` are items where each is a technique's whole
    // name (`Obfuscated Files or Information` is one).
    const either = (item: string): string[] => {
      const names = item.split(EITHER);
      return names.length > 1 && names.every(isTechnique) ? names : [item];
    };
    const items = (part: string): string[] => (isTechnique(part) ? [part] : part.split(ITEMS).filter(Boolean).flatMap(either));
    if (BREADCRUMB.test(body)) {
      const parts = body.split(BREADCRUMB).filter(Boolean);
      const first = parts.findIndex((part) => tacticDisplayName(part) !== undefined);
      let end = first;
      while (end >= 0 && end < parts.length && tacticDisplayName(parts[end]!) !== undefined) end++;
      const rest = parts.slice(end);
      if (first < 0 || !rest.length || rest.length > 2) continue;
      const tactics = parts.slice(first, end);
      const names = rest.length === 1 ? items(rest[0]!) : items(rest[1]!).map((sub) => `${rest[0]}: ${sub}`);
      for (const name of names) found.push({ name, tactics, ...where, form: 'breadcrumb', sure: true });
      continue;
    }
    if (!marker) continue;
    const cut = PARENT_END.exec(body);
    if (!cut) {
      if (headingTactic !== undefined && !heading) {
        // Under a tactic's heading, as after `Tactic: ` on the line: a name of the release, or an older one.
        const item: NamedLineItem = { name: body, tactics: [headingTactic], ...where, form, sure: false };
        if (named(body, [headingTactic]) !== undefined) {
          found.push(item);
          list.named = true;
        } else list.older.push({ ...item, older: true });
      } else {
        const item: NamedLineItem = { name: body, tactics: tacticLink ? [tacticLink[2]!] : [], ...where, form, sure: false };
        const technique = isTechnique(body);
        if (technique) list.plain.push(item);
        if (count) {
          list.counted++;
          if (technique) list.countedNamed++;
          else list.countedOther.push(item);
        }
      }
      continue;
    }
    const before = found.length;
    const first = body.slice(0, cut.index).trim();
    const rest = body.slice(cut.index + cut[0].length).trim();
    if (!rest) continue;
    if (tacticDisplayName(first) !== undefined) {
      // `Initial Access: Phishing: Spearphishing Attachment`: a tactic before a technique and its sub-technique.
      const inner = PARENT_END.exec(rest);
      const parent = inner ? rest.slice(0, inner.index).trim() : undefined;
      const names = parent && isParent(parent) ? items(rest.slice(inner!.index + inner![0].length).trim()).map((sub) => `${parent}: ${sub}`) : items(rest);
      const sure = parent !== undefined && isParent(parent);
      for (const name of names) {
        const item: NamedLineItem = { name, tactics: [first], ...where, form, sure };
        found.push(item);
        // The tactic tells a part of a name (`Persistence: Registry Run Keys`): such an item names a technique of the release.
        if (sure || named(name, [first]) !== undefined) list.named = true;
        else list.older.push({ ...item, older: true });
      }
    } else if (isParent(first)) {
      const tactics = headingTactic !== undefined && !heading ? [headingTactic] : [];
      for (const sub of items(rest)) found.push({ name: `${first}: ${sub}`, tactics, ...where, form, sure: true });
    }
    if (found.length > before) list.read = true;
  }
  endList();
  return found.sort((a, b) => a.span.line - b.span.line);
}
