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
// to four capitals (`RDP and SMB` name protocols, which techniques are named by), is such a list, whether the glossary
// knows its tools or not (`Mimikatz and PsExec.`). One name alone is such a passage when the glossary knows it as a
// tool (`Mimikatz.`, `AdFind`): a table's cell or a description split off from the text that says what it did (Trend
// Micro's 2021 midyear report, its table of tools flattened one cell a paragraph; ESET's Sponsor post, the description
// `Mimikatz.` of a file among its indicators) got OS Credential Dumping: LSASS Memory 100 on the name alone. One word
// the glossary does not know (`REVSOCKS`, `Ransomware`, a heading, a hash) may be a word or a name: it is read; so is
// one ending in -ing, which names an activity (`TypoSquatting`), and one the glossary reads as the word it shortens
// (`Recon`, reconnaissance, a figure's label), not as a tool. Groups' names so listed (`APT28 and APT29.`) are of the
// kind: the model leaves them out of a passage, which had no candidates and no note.
const NAMES_APART = /\s*(?:[,/;]|\s&\s|\s+and\s+)\s*/u;
const NAME_WORD = /^\p{L}[\p{L}\d._+-]*$/u;
const ACRONYM = /^\p{Lu}{2,4}$/u;
const MAX_NAMES_TEXT = 120;
const MIN_NAMES = 2;

/**
 * Whether a passage is only names of software or tools: a list of them (`LIGOLO and REVSOCKS.`), or one the glossary
 * knows as a tool (`Mimikatz.`); words with a capital letter, no common English word, no word of a technique's name
 * (`techniqueWords`, lower case), no short acronym.
 */
export function isToolNamesOnly(text: string, techniqueWords: ReadonlySet<string>): boolean {
  if (text.length > MAX_NAMES_TEXT) return false;
  const bare = text.trim().replace(/^[-*•▪]\s+/u, '').replace(/[.:]$/u, '');
  if (!bare || /[.!?]\s/.test(bare)) return false;
  const names = bare.split(NAMES_APART);
  if (names.some((name) => !name)) return false;
  const words = names.map((name) => name.split(/\s+/));
  // The shape first (cheap), then the words' list, loaded on first use.
  if (!words.every((name) => name.length <= 2 && name.every((word) => NAME_WORD.test(word) && /\p{Lu}/u.test(word) && !ACRONYM.test(word)))) return false;
  if (words.flat().some((word) => isCommonEnglishWord(word) || techniqueWords.has(word.toLowerCase()))) return false;
  return names.length >= MIN_NAMES || isKnownTool(bare, words[0]!);
}

/**
 * Whether one name is a tool the glossary knows: read as words of a behaviour (`Mimikatz` as OS credential dumping),
 * not as a word it shortens (`Recon`, reconnaissance: a figure's label), nor ending in -ing (`TypoSquatting`).
 */
function isKnownTool(name: string, words: readonly string[]): boolean {
  if (words.some((word) => /ing$/iu.test(word))) return false;
  const readings = expandPassage(name);
  return readings.length > 0 && !readings.some(({ written, words: read }) => read.some((word) => word.toLowerCase().startsWith(written.toLowerCase())));
}
