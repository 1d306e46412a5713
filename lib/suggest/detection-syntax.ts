/**
 * What detection tools write, quoted in a report: anti-virus detection names, a table of indicators' rows, and YARA
 * and Sigma rules' syntax. What a sample is called or how it is detected, not what it does.
 */
import { madeOfWords } from './page-furniture.js';
import { withoutIndicators } from './text-terms.js';

// A cell of a table row, without the marks of a code span around it (Markdown `` `a.dll` ``, AsciiDoc `` `+a.dll+` ``).
const CODE_MARKS = /^[`+]+|[`+]+$/g;
// A file's name alone, no folder (`minibrowser_shell.dll`, `comx3.dll.txt`, `WIN.cfg`): what a sample was called.
const FILE_NAME = /^[\p{L}\p{N}_$~-][\p{L}\p{N}_.$~-]*\.[a-z0-9]{1,5}$/iu;
// An anti-virus detection name: a platform, a slash, a family and its variant (ESET's `Win32/TrojanDropper.Agent.SWR`,
// `Python/Agent.AGT`; Microsoft's `Trojan:Win32/Agent.A!MTB`).
const DETECTION_NAME = /^(?:[a-z][\w-]*:)?[a-z][\w-]*\/[\w-]+(?:[.!][\w-]+)+$/i;
// Or a kind of malware and at least two more parts set apart by dots (Kaspersky's `HEUR:Trojan-PSW.Win32.Azorult.gen`,
// `Backdoor.Win64.Agent.a`; FireEye's `Trojan.Apost.FEC2`, `Generic.mg.d739f10933c11bd6`): the kind first, so that a
// namespace (`Microsoft.Win32.Registry`) is none.
const DOTTED_DETECTION_NAME =
  /^(?:[a-z]+(?:-[a-z]+)*:){0,2}(?:trojan|backdoor|worm|virus|exploit|ransom|adware|downloader|dropper|hacktool|risktool|riskware|rootkit|dangerousobject|net-worm|email-worm|virtool|spyware|generic|pua|pup)(?:-[a-z]+)?(?:\.[\w-]+){2,}$/i;
// A vendor's tag beside such names (FireEye's `fe_ml_heuristic`): one token of lower-case words joined by `_`.
const DETECTION_TAG = /^[a-z]+(?:_[a-z]+)+$/;
const BARE_WORD = /(?:^|[\s,])[A-Za-z]+(?=[\s,]|$)/;

/** Whether a token is an anti-virus detection name (`Win32/Agent.AGT`, `Trojan:Win32/Agent.A!MTB`, `HEUR:Trojan.Win32.Generic`). */
function isDetectionName(token: string): boolean {
  return DETECTION_NAME.test(token) || DOTTED_DETECTION_NAME.test(token);
}

// A detection name in a sentence (`Kaspersky products detect this threat as HEUR:Trojan-PSW.Win32.Azorult.gen`, `a file
// detected as HEUR:Trojan.AndroidOS.Ztorg.a`): a dotted one (`DOTTED_DETECTION_NAME`), or one written with a slash after
// a platform (ESET's `Win32/Filecoder.AESNI.C`, Microsoft's `Trojan:Win32/Agent.A!MTB`), so that a path (`tmp/ld.py`) is
// kept. Its parts are words of malware's kinds and families, which match ATT&CK's texts about them (`Trojan-PSW`,
// `Win32`). Its prefilter: two separators in a token, as every such name has.
const DETECTION_NAME_IN_TEXT = /^(?:[a-z]+(?:-[a-z]+)*:)?(?:win32|win64|msil|linux|osx|macos|android|androidos|ios|js|vbs|html|java|php|python|powershell|bat|perl|script|doc|x97m|w97m|o97m|swf|multi|unix|elf)\/[\w-]+(?:[.!][\w-]+)+$/i;
const TWO_SEPARATORS = /[./][\w-]+[.!][\w-]/;

/** A text with the anti-virus detection names in it replaced by spaces (`DETECTION_NAME_IN_TEXT`, `DOTTED_DETECTION_NAME`). */
export function withoutDetectionNames(text: string): string {
  if (!TWO_SEPARATORS.test(text)) return text;
  return text
    .split(/(\s+)/)
    .map((token) => {
      if (!TWO_SEPARATORS.test(token)) return token;
      // Quotes and brackets around it, a sentence's end and a wildcard (`Trojan.Win64.Agent.*`) after it are no part of it.
      const bare = token.replace(/^[("'“‘`]+/, '').replace(/[)"'”’`,.;:!?*]+$/, '');
      return DOTTED_DETECTION_NAME.test(bare) || DETECTION_NAME_IN_TEXT.test(bare) ? ' ' : token;
    })
    .join('');
}

/**
 * Whether a passage is only detection names, set apart by commas or spaces, maybe with a vendor's tags (a table's cell
 * flattened one a line: FireEye's `Trojan.Apost.FEC2, Trojan.Apost.FEC3, fe_ml_heuristic`).
 */
export function isDetectionNames(text: string): boolean {
  // A word of letters alone (`The actor …`) is no name: a sentence is passed over at its first.
  if (text.length > 300 || (!text.includes('.') && !text.includes('/')) || BARE_WORD.test(text)) return false;
  const tokens = text.replace(CODE_MARKS, '').trim().split(/\s*,\s*|\s+/).filter(Boolean);
  return tokens.every((token) => isDetectionName(token) || DETECTION_TAG.test(token)) && tokens.some(isDetectionName);
}

// A vendor's sentence that gives its products' name for a sample (Securelist's `Kaspersky products detect this threat as
// HEUR:Trojan-PSW.Win32.Azorult.gen`, `ESET detects it as Win32/Agent.AGT`): without the name (withoutDetectionNames)
// and the vendor's, what is left says only that a product detects it, and its words match ATT&CK's Security Software
// Discovery. A word of another kind (`the dropper installs a payload detected as …`) makes it read.
const VERDICT_WORDS = new Set('product products solution solutions detect detects detected detection detections'.split(' '));
const VERDICT_GLUE = new Set('this these that it them threat threats sample samples file files as our their the a an is are was were all and or by with under name names'.split(' '));
const MAX_VERDICT = 300;

/** Whether a passage is a vendor's detection name for a sample and nothing else (`Kaspersky products detect this threat as HEUR:…`). */
export function isDetectionVerdict(text: string): boolean {
  if (text.length > MAX_VERDICT || !TWO_SEPARATORS.test(text)) return false;
  const rest = withoutDetectionNames(text);
  return rest !== text && madeOfWords(rest, VERDICT_WORDS, VERDICT_GLUE);
}

/** Whether a table cell names a sample rather than saying anything: an indicator, a file's name, a detection name. */
export function isIdentifierCell(cell: string): boolean {
  const bare = cell.trim().replace(CODE_MARKS, '').trim();
  if (!bare) return false;
  // A code span of one token (`` `EACore.dll` ``, a mutex) is a name too; a path or a registry key (`\`) may say where
  // a sample persists, and is read.
  const coded = /^`[^`]+`$/.test(cell.trim()) && !/[\s\\/]/.test(bare);
  return !withoutIndicators(bare).trim() || FILE_NAME.test(bare) || isDetectionName(bare) || coded;
}

/**
 * A table row's text without the cells that name samples (hashes, addresses, file names, detection names), when it
 * has such cells: an ESET IoC table's `` |`625BEF…` |`minibrowser_shell.dll` |Win32/Agent.AFYI |NSPX30 initial dropper. ``
 * is read as `NSPX30 initial dropper.`. Undefined for a row without them, and for text that is no row.
 */
export function indicatorRowText(text: string): string | undefined {
  if (!text.trimStart().startsWith('|')) return undefined;
  const cells = text.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  if (!cells.some(isIdentifierCell)) return undefined;
  return cells
    .filter((cell) => !isIdentifierCell(cell) && /\p{L}/u.test(cell))
    .map((cell) => cell.trim())
    .join(' ');
}

// A detection rule's syntax in a page, apart from the rule's meaning: YARA's meta fields (`meta: id = "…" version =
// "1.0" description = "Detects external logo embedded in DOCX documents"`, `author = "…"`) and conditions (`condition:
// $s1 in (filesize-400..filesize) and $s2 …`, `condition: any of them`), Sigma's condition (`condition: selection and not
// filter`) and the keys of its detection and log source (`detection: selection: Image|endswith:`, `logsource: category:
// process_creation`, `product: windows`). A YARA description is a sentence, but the rule's, not the report's.
const YARA_META_FIELD = /\s*([A-Za-z]\w*)\s*=\s*(?:"(?:[^"\\]|\\.)*"|-?\d+|true|false)/y;
const YARA_META_KEY = /^(?:author|description|reference|references|date|hash\d*|sha\d*|md5|version|id|uuid|source|tlp|classification|score|severity|family|malware\w*|intrusion_set|actor|threat_name|license|created|modified|\w+_date|mitre_\w+|tool_\w+)$/;
// What a condition holds besides names: strings' names (`$s1`, `#a`, `@b[1]`, `!c`), numbers, operators, brackets, and
// these words.
const CONDITION_TOKENS = /[$#@!]\w*\*?|\b0x[0-9a-f]+\b|\b\d+\b|\buint(?:8|16|32)(?:be)?\b|\b(?:and|or|not|of|them|any|all|none|in|at|for|filesize|entrypoint)\b|[()[\]=<>.,*+\-|]/g;
// A Sigma condition's names of selections and filters (`selection_img`, `filter_main`, `1 of selection*`).
const SIGMA_NAME = /^(?:(?:selection|filter|sel|keywords?|exclusion|susp|main)\w*|\w+_\w+)\*?$/;
// Sigma's keys, with the one-word value of a log source's.
const SIGMA_KEY = /\s*(?:(?:detection|selection\w*|filter\w*|logsource|keywords|fields|falsepositives):|(?:category|product|service):\s+[a-z][a-z0-9_-]*|[A-Za-z]\w*(?:\|\w+)+:)/y;
// YARA's strings (`strings: $s1 = "powershell.exe" ascii wide nocase`, `$h = { 4D 5A ?? 00 }`, `$r = /cmd\.exe/ nocase`):
// a text, hex bytes or a regular expression, and modifiers. What a sample holds, not what the report says: `$s2 =
// ".DownloadFile(" ascii wide` got Standard Encoding (T1132.001) 95.4. A `strings:` section may be long.
const YARA_STRING = /\s*\$\w*\s*=\s*(?:"(?:[^"\\]|\\.)*"|\{[^{}]*\}|\/(?:[^/\\\n]|\\.)+\/[is]*)(?:\s+(?:ascii|wide|nocase|fullword|private|xor|base64|base64wide)(?:\([^)]*\))?)*/y;
const MAX_YARA_STRINGS = 4000;
const YARA_STRING_MARK = /\s(?:ascii|wide|nocase|fullword|private|xor|base64|base64wide)\b|=\s*\{/;
// A YARA rule's sections' labels alone, as a page scraped one line at a time sets them.
const YARA_SECTION = /^(?:meta|strings|condition):$/;

/** Whether a passage is only a detection rule's syntax: YARA meta fields, strings or a condition, Sigma's keys or condition. */
export function isRuleSyntax(text: string): boolean {
  if (text.length > MAX_YARA_STRINGS || (!text.includes(':') && !text.includes('='))) return false;
  const trimmed = text.trim();
  // Outside `strings:`, a string needs a modifier or hex bytes: `$path = "C:\\Users\\Public\\a.exe"` may be PowerShell's.
  if (trimmed.startsWith('strings:')) return fieldsThroughout(trimmed.slice('strings:'.length), YARA_STRING, () => true) || YARA_SECTION.test(trimmed);
  if (trimmed.startsWith('$')) return YARA_STRING_MARK.test(trimmed) && fieldsThroughout(trimmed, YARA_STRING, () => true);
  if (text.length > 600) return false;
  if (YARA_SECTION.test(trimmed)) return true;
  // Its keys are in lower case but a Sigma field's (`Image|endswith:`): a sentence's capital passes it over.
  if (!/^[a-z$]/.test(trimmed) && !trimmed.includes('|')) return false;
  const condition = /^condition:\s*/.exec(trimmed);
  if (condition) {
    const names = trimmed.slice(condition[0].length).replace(CONDITION_TOKENS, ' ').trim();
    return !names || names.split(/\s+/).every((name) => SIGMA_NAME.test(name));
  }
  return fieldsThroughout(trimmed.replace(/^meta:\s*/, ''), YARA_META_FIELD, (key) => trimmed.startsWith('meta:') || YARA_META_KEY.test(key)) ||
    fieldsThroughout(trimmed, SIGMA_KEY, () => true);
}

// A hunting query's line after its first, an operator after a pipe, as a report quotes the query (the DE&TH guide's KQL,
// `DeviceProcessEvents` / `| where FolderPath matches regex @'(?i)C\:\\ProgramData…'`, which got Match Legitimate
// Resource Name or Location 100 as a table's row; Splunk's SPL, `| stats values(stage) as stages by src_ip`): the
// query's syntax, not the report's text. A table's row ends with a pipe; a query's line does not.
const QUERY_OPERATOR =
  /^\s*\|\s*(?:where|project(?:-\w+)?|extend|summarize|join|sort|order|take|limit|top|distinct|count|mv-expand|mv-apply|parse|render|lookup|union|invoke|make-series|evaluate|stats|eval|table|search|rex|dedup|rename|fields|tstats|append|inputlookup|timechart|bin|head|tail|savedsearch|spath|makeresults)\b(?!.*\|\s*$)/i;

/** Whether a passage is a line of a hunting query after its first (`QUERY_OPERATOR`: `| where …`, `| stats …`). */
export function isQueryLine(text: string): boolean {
  return text.length <= 2000 && QUERY_OPERATOR.test(text);
}

// A label alone before a block of code or a query, naming what the block is (the DE&TH guide's `Query 1 -
// DeviceProcessEvents` before its KQL, which got Query Registry 100; `Query`, `Hunting query:`, `Command`): a word
// for a block, maybe a kind before it, a number and a name after it. Such a word before a sentence is read (a heading).
const CODE_LABEL =
  /^(?:(?:hunting|detection|sample|example|kql|kusto|splunk|spl|sigma|yara|powershell)\s+)?(?:query|queries|command|commands|command\s+line|code|rule|search|script|output|syntax|snippet|listing)(?:\s+#?\d{1,3})?(?:\s*[-–—:]\s*[\p{L}\d][\w.-]*)?\s*:?$/iu;
// What begins a block of code: a Markdown fence or an AsciiDoc listing's delimiter.
const CODE_FENCE = /^\s*(?:`{3,}|~{3,}|-{4,}\s*$)/;
// A query's first line, a table's name alone (`DeviceProcessEvents`, `index=proxy`): one word, no space.
const QUERY_SOURCE = /^\s*[A-Za-z_][\w=.*:-]*\s*$/;

/**
 * The passages (by index) that are a label of a block of code or a query (`CODE_LABEL`), on a line of their own (of
 * `lines`, the text's), the next line with text a code fence, a query's line (`isQueryLine`), or a query's source (one
 * word) with a query's line after it.
 */
export function codeLabelPassages(passages: readonly { line: number; text: string }[], lines: readonly string[]): Set<number> {
  const labels = new Set<number>();
  passages.forEach((passage, i) => {
    // A label is short: most passages are passed over at once.
    if (passage.text.length > 60 || !CODE_LABEL.test(passage.text.trim()) || lines[passage.line - 1]?.trim() !== passage.text.trim()) return;
    let next = passage.line;
    while (next < lines.length && !lines[next]!.trim()) next++;
    const first = lines[next] ?? '';
    const second = lines[next + 1] ?? '';
    if (CODE_FENCE.test(first) || isQueryLine(first) || (QUERY_SOURCE.test(first) && isQueryLine(second))) labels.add(i);
  });
  return labels;
}

// A YARA rule's first line (`rule MALWARE_Win_DLAgent10`, `private rule Loader : apt {`): its name has a capital, a digit or
// `_` (`rule out` is English), or the rule's brace follows it. The rule goes on to the brace that closes it.
const YARA_RULE_START = /^(?:(?:private|global)\s+)*rule\s+([A-Za-z_]\w*)(?:\s*:\s*\w+(?:\s+\w+)*)?\s*(\{|$)/;
const MAX_RULE_PASSAGES = 500;

/** How far a text opens braces (`{` less `}`), apart from quoted texts (`$s = "{%s}"`). */
function braceDepth(text: string): number {
  if (!text.includes('{') && !text.includes('}')) return 0;
  const bare = text.replace(/"(?:[^"\\]|\\.)*"/g, '');
  return (bare.match(/\{/g)?.length ?? 0) - (bare.match(/\}/g)?.length ?? 0);
}

/**
 * The passages (by index) of YARA rules quoted in a page, from the rule's first line (`YARA_RULE_START`, its brace on
 * that passage or the next; a block comment right before it too: `ruleComment`) to the passage where its braces close,
 * within MAX_RULE_PASSAGES: its meta fields of any key (`os = "windows"`), its strings, its condition. A rule whose
 * braces do not close is left to the passages' own checks.
 */
export function yaraRulePassages(passages: readonly { text: string }[]): Set<number> {
  const rules = new Set<number>();
  for (let i = 0; i < passages.length; i++) {
    const text = passages[i]!.text.trimStart();
    if (!text.startsWith('rule') && !text.startsWith('private') && !text.startsWith('global')) continue;
    const start = YARA_RULE_START.exec(text);
    if (!start || (!start[2] && !/[A-Z0-9_]/.test(start[1]!) && !passages[i + 1]?.text.trim().startsWith('{'))) continue;
    let depth = 0;
    let opened = false;
    for (let j = i; j < passages.length && j - i < MAX_RULE_PASSAGES; j++) {
      depth += braceDepth(passages[j]!.text);
      // The rule's brace opens on its first passage or the next (a rule on one passage opens and closes there).
      const opensHere = j <= i + 1 && passages[j]!.text.includes('{');
      if (depth > 0) opened = true;
      else if (opened || opensHere) {
        if (depth === 0) {
          // A brace alone on its line gets no note, as a line without letters elsewhere (by sentence, no passage).
          for (let k = ruleComment(passages, i); k <= j; k++) if (/\p{L}/u.test(passages[k]!.text)) rules.add(k);
          i = j;
        }
        break;
      } else if (j > i) break;
    }
  }
  return rules;
}

// A block comment right before a YARA rule is the rule's (a rule set's header, as yarGen writes it: `/*` / `Yara Rule Set`
// / `Identifier: Dual-RAT Campaign - Quasar RAT and NjRAT/XWorm` / `Author: …` / `License: …` / `*/`), within
// MAX_RULE_COMMENT passages.
const MAX_RULE_COMMENT = 40;

/** The index of the first passage of a block comment (`/*` … `*\/`) right before a rule's first passage, or the rule's. */
function ruleComment(passages: readonly { text: string }[], rule: number): number {
  let end = rule - 1;
  while (end >= 0 && !passages[end]!.text.trim()) end--;
  if (end < 0 || !passages[end]!.text.trim().endsWith('*/')) return rule;
  for (let start = end; start >= 0 && end - start < MAX_RULE_COMMENT; start--) {
    const text = passages[start]!.text.trim();
    if (text.startsWith('/*')) return start;
    if (start < end && text.includes('*/')) return rule;
  }
  return rule;
}

/** Whether a text is one or more matches of a sticky pattern (`y`), end to end, each with a first group the test takes. */
function fieldsThroughout(text: string, field: RegExp, keyAllowed: (key: string) => boolean): boolean {
  field.lastIndex = 0;
  let fields = 0;
  while (field.lastIndex < text.length) {
    const match = field.exec(text);
    if (!match || (match[1] !== undefined && !keyAllowed(match[1]))) return false;
    fields++;
  }
  return fields > 0;
}
