/**
 * Names of software and tools in a list and nothing else (`LIGOLO and REVSOCKS.`): which tools, not what was done with
 * them.
 */
import { isCommonEnglishWord } from '../common-words.js';
import { expandPassage } from './query-expansion.js';

// A report sometimes sets the tools of a step apart in a short sentence of their own, after the one that says what was
// done (`… tunnelled its traffic out through two proxies.` / `LIGOLO and REVSOCKS.`). Split off, such a passage is
// ranked only on the names' words in ATT&CK's procedure examples: REVSOCKS got Proxy 100 on one group's example that
// names a tool "similar to" revsocks, LIGOLO Obtain Capabilities: Tool 9.3 on a list of tools a group obtained; the
// behaviour is in the sentence before. A list of at least MIN_NAMES names (set apart by commas, slashes, `&` or `and`,
// maybe a list's mark before and a full stop after), each one or two words with a capital letter, none a word of common
// English (`Cobalt Strike` is read) nor of a technique's name (`PowerShell and WMI` is read), and none an acronym of up
// to four capitals (`RDP and SMB` name protocols, which techniques are named by), is such a list. A tool the glossary
// reads as its behaviour (`Mimikatz` as OS credential dumping) makes it read, through that: so ATT&CK's knowledge of a
// well-known tool ranks it. One name alone (a section's heading, a table's cell) is read. Groups' names so listed
// (`APT28 and APT29.`) are of the kind: the model leaves them out of a passage, which had no candidates and no note.
const NAMES_APART = /\s*(?:[,/;]|\s&\s|\s+and\s+)\s*/u;
const NAME_WORD = /^\p{L}[\p{L}\d._+-]*$/u;
const ACRONYM = /^\p{Lu}{2,4}$/u;
const MAX_NAMES_TEXT = 120;
const MIN_NAMES = 2;

/**
 * Whether a passage is only a list of names of software or tools (`LIGOLO and REVSOCKS.`): words with a capital letter,
 * no common English word, no word of a technique's name (`techniqueWords`, lower case), no short acronym, and no
 * name the glossary reads as a behaviour.
 */
export function isToolNamesOnly(text: string, techniqueWords: ReadonlySet<string>): boolean {
  if (text.length > MAX_NAMES_TEXT) return false;
  const bare = text.trim().replace(/^[-*•▪]\s+/u, '').replace(/[.:]$/u, '');
  if (!bare || /[.!?]\s/.test(bare)) return false;
  const names = bare.split(NAMES_APART);
  if (names.length < MIN_NAMES || names.some((name) => !name)) return false;
  const words = names.map((name) => name.split(/\s+/));
  // The shape first (cheap), then the words' list, loaded on first use.
  if (!words.every((name) => name.length <= 2 && name.every((word) => NAME_WORD.test(word) && /\p{Lu}/u.test(word) && !ACRONYM.test(word)))) return false;
  if (words.flat().some((word) => isCommonEnglishWord(word) || techniqueWords.has(word.toLowerCase()))) return false;
  return expandPassage(bare).length === 0;
}
