import { isCommonEnglishWord } from '../common-words.js';
import { isAttackStages } from './attack-stages.js';
import { BLOCK_BREAK } from './html-text.js';
import { delimitedRowText, delimitedTable } from './delimited-table.js';
import { readColumns } from './layout-columns.js';
import { isBreadcrumb, isHeadline, isItemShaped, runningFooterStart, withoutRunningHeader } from './page-furniture.js';
import { MONTHS } from './vendor-names.js';

/** A passage of a report: a sentence, or with `lines` one input line, and the 1-based line where it starts. */
export interface Passage {
  line: number;
  text: string;
  /**
   * The passage is no text of the report: a table's header row (`tableHeaderLines`: column names), a line of the
   * page's front matter (`frontMatterLines`: its metadata, which the page's text says again), or a template tag on
   * lines of its own (`templateTagBlocks`: a static site's include or variable, filled in when the page is built).
   */
  structure?: PassageStructure;
  /**
   * A row of a delimited table (CSV, TSV: `delimitedTable`) is a record: what of it is read, the cells of its columns
   * of text without indicators (`delimitedRowText`), '' when it has none.
   */
  recordText?: string;
}

/** What a passage that is no text of the report is: see `Passage.structure`. */
export type PassageStructure = 'table header' | 'front matter' | 'template tag';

// Words after which a full stop does not end a sentence (a version's `Ver. 1.1.` and `Rev. 3` too, as a PDF's title
// page gives them), after a space or a bracket: a title before a name, inside a Markdown link's text too (a page on ETH
// Zurich's MEGA attacks: `This research was conducted by [Prof. Dr. Martin R. Albrecht](https://malb.io), …` was cut
// after `[Prof.`, and `Dr. Martin R. Albrecht](…), [Miro Haller](…), …` got OS Credential Dumping: /etc/passwd and
// /etc/shadow 100).
const ABBREVIATIONS = /(?:^|[\s([])(?:e\.g|i\.e|etc|vs|cf|al|inc|ltd|corp|fig|no|approx|mr|ms|dr|prof|st|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ver|vol|rev|u\.s|[a-z])\.$/i;
// A time in the morning or the afternoon (`4:26 p.m.`) before its time zone (`ET`, `PT`, `UTC`): no sentence's end.
const TIME_BEFORE_ZONE = /\d\s?[ap]\.m\.$/i;
const TIME_ZONE = /^\s*(?:[ECMP][SD]?T|UTC|GMT|BST|CES?T|IST|JST|AES?T)\b/;
const ZONE_THEN_SENTENCE = /^\s*((?:[ECMP][SD]?T|UTC|GMT|BST|CES?T|IST|JST|AES?T))\s+(?=\p{Lu})/u;
// A list item or a heading marker starts a new passage: its mark (with an en dash, U+F0B7, the Symbol font's bullet
// that pdftotext gives for a Word document's, and U+F0A7, the Wingdings square of its third level) or its number.
const ITEM = /^\s*(?:[-–*•●■◆▪‣・\uF0B7\uF0A7]|\d{1,2}[.)])\s+/;
// A Word document's second-level bullet is a letter o (Courier New), which text extraction gives as one: `o Malicious
// actors may use free, publicly available tools…` under `• Send malicious hyperlinks…` in CISA's Phishing Guidance as
// text, read as going on from the item before it (`• Harden credentials by: o Implementing FIDO…`) or with the next
// (`…tools o Implementing centralized logins…`). Such a line, `o` and a capital, is an item (SUB_ITEM) after an item,
// within ITEM_GAP lines; elsewhere `o` begins a wrapped line of a language that writes it (Portuguese `o Windows …`).
const SUB_ITEM = /^\s*o\s+(?=\p{Lu})/u;
// A bullet alone on its line, as pdftotext writes an item whose text it set apart (Zscaler's 2025 AI Security Report:
// `•` / (blank) / `Breach prediction: Preempt potential breach scenarios…`): the item's start, held over blank lines
// for the line of text after them (not a hyphen or an asterisk alone, which may be markup or a rule).
const BARE_BULLET = /^\s*[•●■◆▪‣・\uF0B7\uF0A7]\s*$/;
// A figure's or a table's number at a line's start (`Figure 13`, `TABLE 2`, `Fig. 4`); with a colon, a full stop or a
// dash after it, a caption (CAPTION), whose lines go on as an item's do: a PDF wraps a caption in a narrow column (the
// Dragos 2022 review's `FIGURE 13: IN 2022 , EXTERNAL` / `CONNEC TIONS TO OT` / `DROPPED SIGNIFICANTLY` / `FROM 70% TO
// 53%.`, whose third line alone got Ingress Tool Transfer 100; Zscaler's 2024 ransomware report's `Figure 13: Map of
// SmokeLoader infections` / `communicating with the Operation Endgame` / `sinkhole. (Source: Zscaler ThreatLabz)`).
// A PDF that spaces its captions' letters leaves spaces inside the word when extracted (the Dragos 2022 review's `FIG
// URE  3 :  RAN SO MWA RE  INC I DEN TS BY CONTINENT`, `TABL E  2:  RANSOMWARE G ROU P S`): one space may stand
// between any two letters of `figure` and `table`.
const spaced = (word: string): string => [...word].join(' ?');
export const FIGURE = String.raw`^\s*(?:${spaced('figure')}|fig\.?|${spaced('table')}|exhibit|image|chart|diagram|listing)\s*\d{1,3}[a-z]?\s*`;
const CAPTION = new RegExp(`${FIGURE}[.:–—-]`, 'i');
// A list, for the width of its column (`itemColumns`): items at most ITEM_GAP lines apart (a blank line, an item's other
// lines, a figure's label between), at least MIN_COLUMN_ITEMS of them.
const ITEM_GAP = 10;
const MIN_COLUMN_ITEMS = 3;
// How much wider than its item's line a wrapped line of a list item may be: the mark and the space after it (`•  `).
const ITEM_MARK_WIDTH = 4;
// A table row (Markdown `| a | b |`, AsciiDoc `|a |b`) is a record: a passage of its own, never joined to the next line.
const ROW = /^\s*\|/;
// A heading (Markdown `## Samples`, AsciiDoc `== Network indicators`) is a passage of its own too.
const HEADING = /^\s*(?:#{1,6}|={1,6})\s+\S/;
// A Markdown table's delimiter row (`|---|:--|`), which makes the row above it the table's header.
const MARKDOWN_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
// An AsciiDoc table's delimiter (`|===`), and block attributes that give the table a header row (`[options="header"]`,
// `[cols="1,2",options="header,footer"]`, `[%header]`).
const ASCIIDOC_TABLE = /^\s*\|={3,}\s*$/;
const ASCIIDOC_HEADER = /^\s*\[[^\]]*(?:options\s*=\s*"?[^"\]]*\bheader\b|%header\b)[^\]]*\]\s*$/;
// AsciiDoc (and Markdown) markup lines, which say how to show the text, not what it says: read as a blank line. An
// attribute entry with a value of at most three words (`:toc:`, `:icons: font`; `:warning: The loader deletes backups.`
// is a sentence), a block attribute list (`[source]`, `[options="header"]`, `[[anchor]]`: words, `.#%=,+-` and quoted
// values only, so `[C:\Temp\a.exe]` is no markup) and a block delimiter (`----`, `====`, `....`, `****`, `|===`, `--`,
// `+`, a code fence). Lines inside a block, such as a listing's file paths and registry keys, are read as before.
const MARKUP = /^\s*(?::!?\w[\w-]*!?:(?:[ \t]+\S+){0,3}|\[\[?(?:, |[\w.#%=,+-]|"[^"]*")*\]?\]|-{4,}|={4,}|\.{4,}|\*{4,}|_{4,}|\+{4,}|\/{4,}|--|\+|[|,:!]={3,}|(?:`{3,}|~{3,})[\w+-]*)\s*$/;
// A footnote mark glued to a sentence's full stop by pdftotext (`breached by Equifax.339  The attackers`): 1 to 3
// digits after the `.`, `!` or `?` that follows a letter (or a closing quote or bracket after one: `Spalding”).354`).
// Where a capital letter follows the mark it ends the sentence, and is no part of it.
const FOOTNOTE_MARK = /(?<=\p{L}["”’)]*[.!?]["”’)]?)\d{1,3}$/u;
const CAPITAL_NEXT = /^\s*["“‘(]?\p{Lu}/u;
// Where a line is cut into pieces, each tested for a sentence's end: after `。！？`, and before the space after `.`, `!`
// or `?` (with a closing quote or bracket) or after a footnote mark glued to one.
const PIECE_END = /(?<=[。！？])|(?<=[.!?]["”’)]?)(?=\s)|(?<=\p{L}["”’)]*[.!?]["”’)]?\d{1,3})(?=\s)/u;
// Scraping may glue two sentences, no space between (Kaspersky's press release: `…interest in the currency has died
// down.AZORult is one of…`): a sentence's end right after a word in lower case (no dot, slash or capital in it: not a
// namespace, `System.Net`, a path or an address) and before a capitalised word that a space follows. Its prefilter, a
// lower-case letter, a sentence's mark and a capital, lets most lines pass at once.
// After a capitalised word (F-Secure's CloudDuke post as scraped: `…the cross-platform support found in SeaDuke.A new set
// of solutions…`) only before a word a sentence opens with (GLUED_OPENER): a name's part after a dot is none
// (`System.Net`, `Microsoft.Office`), nor is a word in capitals (`ASP.NET`) or a letter alone (`U.S.`).
const GLUED_END_HINT = /[a-z][.!?]["”’)]?[A-Z]/;
// Words a sentence opens with that no word in lower case ends with by chance (GLUED_HEADING); GLUED_OPENER adds the
// short ones (`A`, `In`), which only a capitalised word's full stop (GLUED_END) lets stand for one.
const OPENERS = 'The|This|These|Those|Last|First|During|After|Before|When|While|Once|However|Since|Although|According|Upon|Finally|Recently|Today|Our';
const GLUED_OPENER = `A|An|It|In|We|They|${OPENERS}`;
const GLUED_END = new RegExp(
  String.raw`(?<=(?:^|[\s(“"])\p{Ll}{2,}[.!?]["”’)]?)(?=\p{Lu}\p{L}*\s)|(?<=(?:^|[\s(“"])\p{Lu}\p{L}*\p{Ll}[.!?]["”’)]?)(?=(?:${GLUED_OPENER})\s)`,
  'u',
);
// Scraping may glue a heading, which ends with no full stop, to its section's first sentence (F-Secure's News from the
// Lab post on CloudDuke, as a threat-report corpus keeps it: `…the cross-platform SeaDuke malwareLast week, both Symantec
// and Palo Alto Networks published research…`, `…with the CloudDuke malware toolsetLast week, we also saw…`): a word in
// lower case (no capital: no name in camel case, nor a copyright's holder, `Example LabThe loader…`) glued to a word a
// sentence opens with and a space. The heading ends its passage there. A file's name with its extension ends the same
// way (the same post's list of PDB paths glued to the next paragraph: `…\OneDrive\obj\x64\Release\OneDrive.pdbThe
// first of the CloudDuke components…`). Prefiltered by a lower-case letter before a capital, then by a letter in lower
// case before an opener (GLUED_OPENING, which every place GLUED_HEADING cuts at has): GLUED_HEADING looks back over the
// word before every place of a piece, and most pieces with a capital inside a word (`PowerShell`) have no opener glued.
const GLUED_HEADING_HINT = /[a-z][A-Z]/;
const GLUED_HEADING = new RegExp(String.raw`(?<=(?:^|[\s(“"])\p{Ll}{3,}|[\w\\/-]\.\p{Ll}{2,4})(?=(?:${OPENERS})\s)`, 'u');
const GLUED_OPENING = new RegExp(String.raw`\p{Ll}(?:${OPENERS})\s`, 'u');
// A page scraped into one line glues a heading in title case to its section's first sentence too (Mandiant's ALPHV post
// of April 2023, as GenAI-Threat-Intelligence-Research keeps it: `…in the victim network. Defense EvasionDuring
// operations, UNC4466 takes steps to evade detection.`, which got Subvert Trust Controls: Code Signing 89.7, its words
// read as `EvasionDuring`; `Internal ReconnaissanceAfter gaining access…`, `Ingress Tool TransferUNC4466 made heavy use
// of…`, `Attack PhasesInitial Compromise and Establish FootholdIn late 2022, UNC4466 gained access…`, `ExposureAs of this
// blog post's date…`): at a piece's start, capitalised words (small words between them) up to one in lower case after
// its capital, glued to a word a sentence opens with (TITLE_OPENER) or, after two words or more, to a group's or a
// tool's name in capitals and digits (`UNC4466`, `APT41`). A heading of one word is glued to a longer opener only:
// names in camel case end with a short one (`LinkedIn`, `ClickOnce`, `RunOnce`), and `In` opens a sentence only before
// a month, a year or `late`, `early`, `mid` (`TimelineIn March 2021, Veritas published…`). A name glued to a name
// (`OutlookMandiant recommends…`, `Microsoft PowerShell`) is no such joint.
const TITLE_OPENER = String.raw`${OPENERS.replace('|Once', '')}|With|As|In(?=\s(?:${MONTHS.split(' ').map((month) => month[0]!.toUpperCase() + month.slice(1)).join('|')}|\d{4}|late|early|mid)\b)`;
const TITLE_WORD = String.raw`\p{Lu}[\p{L}\p{N}&'’-]*`;
const TITLE_SMALL_WORD = 'and|or|of|the|for|to|in|on|with|a|an|by|at|&';
const TITLE_HEADING = new RegExp(
  String.raw`^\s*(?:${TITLE_WORD}\s+(?:(?:${TITLE_SMALL_WORD})\s+){0,2}){1,7}\p{Lu}\p{Ll}+(?=(?:${TITLE_OPENER}|\p{Lu}{2,}\d+)\s)|^\s*\p{Lu}\p{Ll}{3,}(?=(?:${TITLE_OPENER})\s)`,
  'u',
);
const MAX_TITLE_HEADING = 80;
// The same scrape glues such a heading inside a piece too: after a sentence's full stop glued to a name in capitals
// (`…two tools were deployed, LIGOLO and REVSOCKS.Escalate PrivilegesThe threat actor utilized…`, one passage that got
// OS Credential Dumping: LSASS Memory 100), and after a command line (`…-ErrorAction SilentlyContinueCommand and
// ControlUNC4466 made use of BITS transfers…`). Two words or more, each a capital and letters in lower case (small words
// between), glued before to a sentence's mark or a letter in lower case, and after to what TITLE_HEADING's are. A capital
// after a letter in lower case is as often inside a name in camel case (`…the Decoded PowerShell PayloadThe loader…`
// would give `Shell Payload`): there only a heading known by its words, an attack's stages (`isAttackStages`), is cut.
// Prefiltered by a letter in lower case glued to what follows such a heading (MID_TITLE_HINT). A heading at a piece's
// start (TITLE_HEADING) may hold such a one glued to it (the same post's `Attack PhasesInitial Compromise and Establish
// FootholdIn late 2022, …`, which got User Execution: Malicious Copy and Paste 91.1): the two are pieces of their own.
const MID_TITLE_FOLLOWS = String.raw`(?=(?:${TITLE_OPENER}|\p{Lu}{2,}\d+)\s)`;
const MID_TITLE_HEADING = new RegExp(
  String.raw`(?<=(\p{Ll}|\p{L}[.!?]))(?:\p{Lu}\p{Ll}+\s+(?:(?:${TITLE_SMALL_WORD})\s+){0,2}){1,7}\p{Lu}\p{Ll}+${MID_TITLE_FOLLOWS}`,
  'gu',
);
const MID_TITLE_HINT = new RegExp(String.raw`\p{Ll}(?:${TITLE_OPENER}|\p{Lu}{2,}\d+)\s`, 'u');
// A byline's time glued to the post's first sentence (the same post as scraped: `Posted by Artturi @ 11:59 GMTRecent
// weeks have seen the outing of two new additions…`): a clock's time with its zone or AM/PM, glued to a capitalised
// word, ends its passage there too (the byline is then known as one). Prefiltered by a colon.
const GLUED_TIME = /(?<=\b\d{1,2}:\d{2} ?(?:GMT|UTC|AM|PM))(?=\p{Lu}\p{Ll})/u;
// A piece cut inside a Markdown link's address or title (`[![PUMAKIT](data:image/png;base64... "PUMAKIT")](…)`):
// no sentence ends there, so it is joined to the next. Prefiltered by `](`.
const OPEN_LINK = /\]\([^()\s]{0,600}(?:\s{1,4}"[^"\n]{0,300})?$/;
// A passage cut off in a sentence by a blank line ends with a word or a comma (no `.`, `:`, `;`, bracket or quote, as
// a line of code may), and the line that goes on with it begins with a lower-case letter.
const CUT_OFF = /[\p{L},]$/u;
// A list item's line cut off by a blank line ends with a word, a number or a mark that asks for more (`,`, `;`, `:`,
// `&`, `/`): `Level 3/Level 4`, `connections;`, `Link &`; not with a bracket (a Markdown link's address) or a quote.
const ITEM_CUT_OFF = /[\p{L}\p{N},;:&/]$/u;
const GOES_ON = /^\s*\p{Ll}/u;
// A line that begins with a bracket closed on it, an abbreviation's or a remark's (`(MFA). It is not feasible…`): what
// is in brackets says more of the words before it.
const BRACKET_GOES_ON = /^\s*\([^()\n]{1,40}\)/;
// A code block's delimiter (a Markdown fence, an AsciiDoc listing's `----`): no sentence goes on inside the block.
const CODE_DELIMITER = /^\s*(?:`{3,}|~{3,}|-{4,}\s*$)/;
// How much of a passage's end the tests of a join or a sentence's end look at (more than any word they read).
const TAIL = 256;
// How short a line is, against the text's width (the 90th percentile of its line lengths), to stand alone.
const SHORT_LINE = 0.6;
// A word no sentence ends with: a short line ending with it goes on with the next line (see `splitPassages`).
// A line that is a record, `key: value` (YAML front matter, a mail header), not a sentence's next words.
const RECORD = /^\s*\p{Ll}[\w-]*:(?:\s|$)/u;
const OPEN_END = /(?:^|[\s(])(?:to|of|for|the|a|an|and|or|but|nor|with|by|from|in|on|at|into|onto|as|than|our|your|their|its|his|her|my|this|that|these|those|is|are|was|were|be|been|can|could|may|might|will|would|should|must|not|such|via|about|between|against|whether|which|who|while)$/i;
// A word hyphenated at the end of a line (`attach-`), and the lower-case word that goes on on the next (`ments`).
const BROKEN_WORD = /(?<![\p{L}-])(\p{L}+)-$/u;
const WORD_GOES_ON = /^\s*(\p{Ll}+)/u;
// An invisible hyphen where a word may break: taken out of every passage, and a line ending with it joins the next.
const SOFT_HYPHEN = '\u00AD';

// A site's menu, or a list, saved one item a line with no mark before its items (Securelist's `APT (Targeted attacks)` /
// `Secure environment (IoT)` / `Mobile threats`, `Medium Business 51-999 employees` / `Enterprise 1000+ employees`): a
// run of at least MIN_LIST_RUN lines, no blank line between, each shaped as an item (`isItemShaped`: a few words, no
// sentence's marks) and beginning with a capital or a digit (`isHeadline`), none ending with a word no sentence ends
// with (`OPEN_END`). A sentence wrapped over lines (pdftotext's) has longer lines, or one beginning in lower case, a
// comma or a full stop among them. Its lines are not joined however long they are against the text's width: each is
// read, and checked as a menu's item is with `lines`, alone.
const MIN_LIST_RUN = 3;

/** The lines (0-based) of runs of lines shaped as a list's items (see MIN_LIST_RUN), which are not joined. */
function listRunLines(lines: readonly string[]): Set<number> {
  const listed = new Set<number>();
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= MIN_LIST_RUN) for (const i of run) listed.add(i);
    run = [];
  };
  lines.forEach((line, i) => {
    const text = line.trim();
    if (isItemShaped(text) && isHeadline(text) && !OPEN_END.test(text)) run.push(i);
    else close();
  });
  close();
  return listed;
}

/** The lines (0-based) that are a Word document's second-level items (SUB_ITEM): `o` and a capital, ITEM_GAP lines or fewer after an item. */
function subItemLines(lines: readonly string[]): Set<number> {
  const subItems = new Set<number>();
  let lastItem = -Infinity;
  lines.forEach((line, i) => {
    if (ITEM.test(line)) lastItem = i;
    else if (SUB_ITEM.test(line) && i - lastItem <= ITEM_GAP) {
      subItems.add(i);
      lastItem = i;
    }
  });
  return subItems;
}

/**
 * The width of the column each list item's line (0-based, by index) stands in: the longest line of the items of its
 * list (ITEM_GAP), when it has MIN_COLUMN_ITEMS of them (none otherwise: a width unknown). pdftotext writes the
 * first line of a wrapped item apart from its other lines, a blank line between (the Dragos 2022 review's kill chain:
 * `•  Reuse Valid Accounts and Stolen` / (blank) / `Domain Accounts`); beside the items stand a figure's labels
 * (`Recon`), each as a block of its own. An item's line was wrapped when the next line's first word would not have fit
 * on it in the column (`Domain` after `Stolen`; `Recon` after `•  Disable or Modify Tools` would have).
 */
function itemColumns(lines: readonly string[]): Map<number, number> {
  const columns = new Map<number, number>();
  let list: number[] = [];
  const close = (): void => {
    const width = Math.max(...list.map((i) => lines[i]!.trim().length));
    if (list.length >= MIN_COLUMN_ITEMS) for (const i of list) columns.set(i, width);
    list = [];
  };
  lines.forEach((line, i) => {
    if (!ITEM.test(line)) return;
    if (list.length && i - list.at(-1)! > ITEM_GAP) close();
    list.push(i);
  });
  close();
  return columns;
}

/**
 * How a word hyphenated at a line's end is joined: without the hyphen (`attach-` `ments`: `attachments`, `ex-`
 * `filtrated`), but with it where both halves are English words of three letters or more and the whole is not
 * (`third-` `party`, `command-` `and-control`).
 */
function joinBroken(left: string, right: string): string {
  const word = (half: string): boolean => half.length >= 3 && isCommonEnglishWord(half);
  return word(left) && word(right) && !isCommonEnglishWord(left + right) ? '-' : '';
}

/** Join each piece that ends inside a Markdown link's address or title (`OPEN_LINK`) to the next, in place. */
function joinOpenLinks(pieces: string[]): void {
  for (let k = 0; k + 1 < pieces.length; ) {
    if (OPEN_LINK.test(pieces[k]!)) pieces.splice(k, 2, pieces[k]! + pieces[k + 1]!);
    else k++;
  }
}

/** Whether a line (or a passage) begins with a list item's mark or number (`ITEM`: `•  Native API`, `2. Execution`). */
export function isListItem(line: string): boolean {
  return ITEM.test(line);
}

/** Whether a line (or a passage) begins with a figure's or a table's caption (`CAPTION`: `FIGURE 13: IN 2022`). */
export function isCaption(line: string): boolean {
  return CAPTION.test(line);
}

/** Whether a line is AsciiDoc or Markdown markup (`MARKUP`), which says how to show the text, not what it says. */
export function isMarkupLine(line: string): boolean {
  return MARKUP.test(line);
}

/**
 * The lines (0-based) that are a table's header row: a Markdown row followed by its delimiter row (`|---|---|`), and
 * the first row of an AsciiDoc table (`|===`) whose block attributes ask for a header (`[options="header"]`) or which
 * is followed by a blank line (AsciiDoc's implicit header row).
 */
export function tableHeaderLines(lines: readonly string[]): Set<number> {
  const headers = new Set<number>();
  let open = false;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (ROW.test(line) && next !== undefined && next.includes('|') && MARKDOWN_DELIMITER.test(next)) headers.add(i);
    if (!ASCIIDOC_TABLE.test(line)) return;
    open = !open;
    if (!open || !ROW.test(next ?? '')) return;
    const attributes = lines[i - 1] ?? '';
    const implicit = lines[i + 2]?.trim() === '' && ROW.test(lines[i + 3] ?? '');
    if ((ASCIIDOC_HEADER.test(attributes) && !/%noheader\b/.test(attributes)) || implicit) headers.add(i + 1);
  });
  return headers;
}

// The delimiters of a page's front matter: YAML's `---` (Jekyll, Hugo, Markdown notes; closed by `---` or `...`) and
// TOML's `+++` (Hugo), on the first line. A block longer than this many lines is taken for no front matter.
const FRONT_MATTER = { '---': /^(?:---|\.\.\.)\s*$/, '+++': /^\+\+\+\s*$/ } as const;
const MAX_FRONT_MATTER = 200;
// A line of a front matter: a key and its value (`layout: post`, TOML's `title = "Notes"`, `[params]`), or a value's
// lines after it (indented, a list item, a comment); its first line is a key's.
const FRONT_MATTER_KEY = /^(?:[A-Za-z_][\w.-]*\s*[:=](?:\s|$)|\[[\w.-]+\]\s*$)/;
const FRONT_MATTER_LINE = /^(?:\s|-(?:\s|$)|#|$)/;

/**
 * The lines (0-based) of a page's front matter, delimiters included: the metadata block a static site's page or a
 * note begins with (`---` / `layout: post` / `tags: [Patch, AWS]` / `---`), whose title, tags and summary the page's text
 * says again. Empty when the first line opens none, when no closing line follows within MAX_FRONT_MATTER lines, or
 * when a line between is no key or value (a `---` rule above the text, as an excerpt begins, is no front matter).
 */
export function frontMatterLines(lines: readonly string[]): Set<number> {
  const open = lines[0]?.trim();
  const close = open === '---' || open === '+++' ? FRONT_MATTER[open] : undefined;
  if (!close || !FRONT_MATTER_KEY.test(lines[1] ?? '')) return new Set();
  for (let end = 2; end < lines.length && end <= MAX_FRONT_MATTER; end++) {
    if (close.test(lines[end]!.trim())) return new Set(Array.from({ length: end + 1 }, (_, i) => i));
    if (!FRONT_MATTER_KEY.test(lines[end]!) && !FRONT_MATTER_LINE.test(lines[end]!)) break;
  }
  return new Set();
}

// A template tag's start, on a line of its own: Liquid and Jinja (`{% include card.html %}`, `{{ page.title }}`) and
// Hugo's shortcodes (`{{< figure src="…" >}}`, `{{% notice %}}`). A tag spanning more lines than this is taken for none.
const TEMPLATE_START = /^\s*\{[{%]/;
const MAX_TEMPLATE_TAG = 50;
// What may stand between `{{` and `}}`: a variable, its filters and quoted arguments (`page.title | escape`), not a
// computation or a call (`7*7`, `config.items()`: a template injection's payload is what an attacker sent).
const TEMPLATE_VARIABLE = /^[<%]?[\s\w.|:,'"=/<>%-]*[>%]?$/u;

/**
 * The template tags that stand on lines of their own, from their first line (0-based) to their last: one tag or
 * several, as a static site's source writes them (`{% include news-card.html` / `title="…"` / `%}`, `{{ page.title }}`).
 * A block ends at the end of a line after a closed tag; a tag left open after MAX_TEMPLATE_TAG lines, or text after a
 * tag on its line, makes the lines text. Linear: each line is looked at from at most one start.
 */
export function templateTagBlocks(lines: readonly string[]): Map<number, number> {
  const blocks = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    if (!TEMPLATE_START.test(lines[i]!)) continue;
    const end = templateTagEnd(lines, i);
    if (end === undefined) continue;
    blocks.set(i, end);
    i = end;
  }
  return blocks;
}

/** The last line of the template tags that begin at line `start` (see `templateTagBlocks`), or undefined. */
function templateTagEnd(lines: readonly string[], start: number): number | undefined {
  let line = start;
  let at = 0;
  for (;;) {
    const text = lines[line]!;
    // Between tags: white space, to the line's end (the block may end there) or to the next tag.
    while (at < text.length && /\s/.test(text[at]!)) at++;
    // The first line begins with a tag (TEMPLATE_START): a line's end here comes after one.
    if (at === text.length) return line;
    const open = text.slice(at, at + 2);
    if (open !== '{%' && open !== '{{') return undefined;
    const close = open === '{%' ? '%}' : '}}';
    // The tag's end, on this line or a later one; what stands between is read as one text.
    let inside = '';
    let from = at + 2;
    for (;;) {
      const found = lines[line]!.indexOf(close, from);
      if (found >= 0) {
        inside += lines[line]!.slice(from, found);
        at = found + 2;
        break;
      }
      inside += `${lines[line]!.slice(from)}\n`;
      if (++line >= lines.length || line - start >= MAX_TEMPLATE_TAG) return undefined;
      from = 0;
    }
    if (open === '{%' ? !/^-?\s*[A-Za-z_]/.test(inside) : !TEMPLATE_VARIABLE.test(inside.trim())) return undefined;
  }
}

/**
 * A line's pieces, where sentences may end (PIECE_END), then where two sentences (GLUED_END), a heading and a sentence
 * (GLUED_HEADING) or a time and a sentence (GLUED_TIME) were glued. In one loop: splitting the line, then each piece
 * three times over into arrays of one, was a tenth of splitting a text of sentences.
 */
function linePieces(line: string): string[] {
  const pieces: string[] = [];
  for (const sentence of line.trim().split(PIECE_END)) {
    if (GLUED_END_HINT.test(sentence)) for (const piece of sentence.split(GLUED_END)) headingPieces(piece, pieces);
    else headingPieces(sentence, pieces);
  }
  return pieces;
}

/**
 * The pieces of a piece cut where a heading in title case at its start (TITLE_HEADING), a heading (GLUED_HEADING), then
 * a time (GLUED_TIME), was glued, added to `pieces`.
 */
function headingPieces(piece: string, pieces: string[]): void {
  // A heading in title case glued at the piece's start (TITLE_HEADING) is a piece of its own.
  const title = GLUED_HEADING_HINT.test(piece) ? TITLE_HEADING.exec(piece) : null;
  if (title && title[0].length <= MAX_TITLE_HEADING) {
    // Two headings glued, the second an attack's stages (`Attack PhasesInitial Compromise and Establish Foothold`): two.
    const inner = MID_TITLE_HINT.test(piece) ? midTitleHeading(piece) : undefined;
    if (inner && inner.index + inner.heading.length === title[0].length) pieces.push(title[0].slice(0, inner.index), inner.heading);
    else pieces.push(title[0]);
    piece = piece.slice(title[0].length);
  }
  // And one glued inside it (MID_TITLE_HEADING): the text before it, the heading, then the rest, read again.
  const mid = GLUED_HEADING_HINT.test(piece) && MID_TITLE_HINT.test(piece) ? midTitleHeading(piece) : undefined;
  if (mid) {
    glueFreePieces(piece.slice(0, mid.index), pieces);
    pieces.push(mid.heading);
    headingPieces(piece.slice(mid.index + mid.heading.length), pieces);
    return;
  }
  glueFreePieces(piece, pieces);
}

/** The first heading glued inside a piece (MID_TITLE_HEADING) that may be cut there, with where it starts, or undefined. */
function midTitleHeading(piece: string): { index: number; heading: string } | undefined {
  MID_TITLE_HEADING.lastIndex = 0;
  for (const match of piece.matchAll(MID_TITLE_HEADING)) {
    if (match[0].length <= MAX_TITLE_HEADING && (/[.!?]$/.test(match[1]!) || isAttackStages(match[0]))) return { index: match.index, heading: match[0] };
  }
  return undefined;
}

/** The pieces of a piece cut where a heading (GLUED_HEADING), then a time (GLUED_TIME), was glued, added to `pieces`. */
function glueFreePieces(piece: string, pieces: string[]): void {
  if (GLUED_HEADING_HINT.test(piece) && GLUED_OPENING.test(piece)) for (const part of piece.split(GLUED_HEADING)) timePieces(part, pieces);
  else timePieces(piece, pieces);
}

/** The pieces of a piece cut where a time was glued (GLUED_TIME), added to `pieces`. */
function timePieces(piece: string, pieces: string[]): void {
  if (piece.includes(':')) pieces.push(...piece.split(GLUED_TIME));
  else pieces.push(piece);
}

/**
 * Split a report's text into passages. By sentence (the default): a sentence ends at `.`, `!` or `?` followed by
 * space and not after an abbreviation (`e.g.`, `Inc.`), or after a letter followed by a footnote mark, space and a
 * capital (`Equifax.339  The`: the mark is left out), at `。！？`, at a blank line (but not inside a sentence cut by a
 * page break: see `CUT_OFF`), before a list item and around a
 * table row (a line starting with `|`), between the lines of a run shaped as a list's items (`listRunLines`); lines
 * wrapped inside a sentence (PDF-to-text) are joined, a word hyphenated at a line's end made whole (`joinBroken`;
 * soft hyphens are taken out, a line ending with one joined with nothing between).
 * A `BLOCK_BREAK` ends a passage too (`htmlText`). With `lines`, every input line is one passage, empty ones too (not
 * the nothing after a final line break). A table's header row (`tableHeaderLines`), the lines of a front matter
 * (`frontMatterLines`) and those of a template tag (`templateTagBlocks`) are marked with their `structure`; by
 * sentence, a front matter is one passage, and so is each template tag. By sentence, a block of two columns side by side
 * (`readColumns`: `pdftotext -layout`'s two-column page) is read column after column, its passages in that order. By
 * sentence, a line that is one of `runningHeaders` (a PDF's running header or footer, a page number aside) is a passage
 * of its own, after the passage it interrupts, which goes on past it.
 */
export function splitPassages(text: string, options: { lines?: boolean; runningHeaders?: readonly string[] } = {}): Passage[] {
  const source = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // A delimited table (CSV, TSV) is read row by row, by sentence as with `lines`: a record of its own each.
  const table = delimitedTable(source);
  if (table) {
    if (source.at(-1) === '') source.pop();
    const first = source.findIndex((line) => line.trim());
    return source.flatMap((line, i): Passage[] => {
      const text = line.replace(/\s+/g, ' ').trim();
      if (!text && !options.lines) return [];
      if (i === first && table.header) return [{ line: i + 1, text, structure: 'table header' }];
      return [{ line: i + 1, text, recordText: text && delimitedRowText(line, table) }];
    });
  }
  // By sentence, two columns side by side (`pdftotext -layout`) are read one after the other (`readColumns`); a
  // passage's line is where it starts in the text.
  const { lines, origin } = options.lines ? { lines: source, origin: undefined } : readColumns(source);
  const lineOf = (index: number): number => (origin ? origin[index]! : index) + 1;
  const headers = tableHeaderLines(lines);
  const front = frontMatterLines(lines);
  const templates = templateTagBlocks(lines);
  const templateLines = new Set([...templates].flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, k) => first + k)));
  const header = (i: number): { structure?: PassageStructure } =>
    headers.has(i) ? { structure: 'table header' } : front.has(i) ? { structure: 'front matter' } : templateLines.has(i) ? { structure: 'template tag' } : {};
  if (options.lines) {
    // A line break ends the line before it: after the last one there is no line (`wc -l`), and an empty text has none.
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.map((line, i) => ({ line: i + 1, text: line.split(BLOCK_BREAK).join(' ').replaceAll(SOFT_HYPHEN, '').replace(/\s{2,}/g, ' ').trim(), ...header(i) }));
  }
  const passages: Passage[] = [];
  // A page's running footer (or header) on a line of its own stands where the page breaks, also inside a sentence (CISA's
  // Phishing Guidance as text: `…For further information, see CISA’s` / `CISA | NSA | FBI | MS-ISAC TLP:CLEAR 6` / the next
  // page's `guidance on…`, read as one passage with the footer in it): it is set apart (`footers`, given after the
  // passage being read), and the lines before and after it are read as if it were not there.
  const runningHeaders = options.runningHeaders ?? [];
  const footerLines = new Set<number>();
  if (runningHeaders.length) {
    lines.forEach((line, i) => {
      if (line.trim() && !line.includes(BLOCK_BREAK) && withoutRunningHeader(line.replace(/\s+/g, ' ').trim(), runningHeaders).header) footerLines.add(i);
    });
  }
  let footers: Passage[] = [];
  const listed = listRunLines(lines);
  const columns = itemColumns(lines);
  // Whether a line (or a part of it) is a list item: its mark (ITEM), or a Word document's second-level bullet (SUB_ITEM).
  const subItems = subItemLines(lines);
  const isItem = (index: number, line: string): boolean => ITEM.test(line) || (subItems.has(index) && SUB_ITEM.test(line));
  // Whether a list item's line (index `at`), a block of its own as pdftotext writes a wrapped item's first line (a blank
  // line before it too: in a list one item a line, the line after a blank one is none of its items), was wrapped before
  // `line`: its first word would not have fit on it in the list's column (`itemColumns`), and the line, beginning with a
  // letter (no page number), fits there (a paragraph after the list is wider).
  const wrappedItem = (at: number, line: string): boolean => {
    const width = columns.get(at) ?? 0;
    const next = line.trim();
    return (
      !lines[at - 1]?.trim() && next.length <= width && /^\p{L}/u.test(next) && lines[at]!.trim().length + 1 + next.split(/\s/, 1)[0]!.length > width
    );
  };
  // Whether a line after a list item's (no blank line between) is wider than the item's list (`itemColumns`, the
  // passage's first line a member of it) by more than a list mark and its indent (ITEM_MARK_WIDTH): a paragraph after the
  // list, as pdftotext writes it (the DE&TH guide's `• C:\Users\Public - Recursive` / `A lot of threat actors will end up
  // dropping their binaries…`), not the item's wrapped line, which fits the list's column.
  const widerThanList = (line: string): boolean => {
    const column = columns.get(start - 1);
    return column !== undefined && line.trim().length > column + ITEM_MARK_WIDTH;
  };
  // A line well short of the text's width that ends without punctuation is a heading, a menu or a byline of a scraped
  // page, not a sentence wrapped by pdftotext (whose lines fill the width): the passage ends with it.
  const lengths = lines.map((line) => line.trim().length).filter(Boolean).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const standsAlone = (line: string): boolean => line.trim().length < SHORT_LINE * width && !/[,;:\-–—(\[]$/u.test(line.trim());
  // A slide deck's text is all short lines: a bullet or a title wrapped into several (`Ensure that log` / `information
  // is aggregated` / `and correlated to enable`). A short line goes on with the next (outside a code block) when it
  // ends with a word no sentence ends with (`Monitoring for` / `DLL Search`), or when the next begins with a lower-case
  // letter, unless the short line ends with a capitalised word after others (a name in a list of names: `Mgame Corp` /
  // `xlgames`; `Underlying` / `message` and `MSP` / `using a dedicated VPN` go on) or the next is a record (`url: …`
  // of a page's front matter). A short line ending with a word in lower case goes on too when the next begins with a
  // bracket closed on it (BRACKET_GOES_ON): a narrow column's sentence, `access remains multi-` / `factor authentication`
  // / `(MFA). It is not feasible…` in the Dragos 2022 review's sidebar.
  const goesOnFrom = (previous: string, line: string): boolean => {
    const words = previous.trim().split(/\s+/);
    const nameEnd = words.length > 1 && /^\p{Lu}\p{Ll}+$/u.test(words.at(-1)!);
    const next = GOES_ON.test(line) || (BRACKET_GOES_ON.test(line) && /\p{Ll}$/u.test(previous.trim()));
    return !inCode && /\p{L}/u.test(previous) && (OPEN_END.test(previous.trim()) || (next && !nameEnd && !RECORD.test(line)));
  };
  // The passage being read, as pieces: tests look only at its end (`tail`), so that a text of thousands of lines with
  // no full stop is read in linear time.
  let pieces: string[] = [];
  let tail = '';
  let long = false;
  let hasText = false;
  let start = 0;
  const add = (piece: string): void => {
    pieces.push(piece);
    tail += piece;
    if (tail.length > 2 * TAIL) {
      tail = tail.slice(-TAIL);
      long = true;
    }
    hasText ||= /\S/.test(piece);
  };
  // The passage's end, with a letter before it when more was written than `tail` holds (so `^` and a look-behind at
  // its start do not take it for the passage's start).
  const end = (): string => (long ? `x${tail}` : tail);
  const flush = (): void => {
    // Each run of white space made one space: only runs of two or more and single tabs or breaks are replaced (on a long
    // passage, replacing every single space took a hundred times as long).
    const trimmed = pieces.join('').replaceAll(SOFT_HYPHEN, '').replace(/\s{2,}|[^\S ]/g, ' ').trim();
    // A table row is a passage of its own, at its own line: a header row is known by that line (a front matter's too).
    if (trimmed) passages.push({ line: lineOf(start - 1), text: trimmed, ...header(start - 1) });
    passages.push(...footers);
    footers = [];
    pieces = [];
    tail = '';
    long = hasText = inItem = inCaption = false;
  };
  // The text after a line's part, for a footnote mark at its end: the next part, or the next line with text.
  const after = (i: number, parts: readonly string[], part: number): string => {
    if (part + 1 < parts.length) return parts[part + 1]!;
    for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim()) return lines[j]!;
    return '';
  };
  // A breadcrumb (`Accueil » Research & Threat Intelligence » TURLA’s new …`) is a line of its own as a heading is, not
  // the start of the sentence after it.
  // (Each line is asked as itself and again as the line before the next: the answer is kept.)
  const aloneAnswers = new Map<string, boolean>();
  const alone = (text: string): boolean => {
    let answer = aloneAnswers.get(text);
    if (answer === undefined) {
      answer = ROW.test(text) || HEADING.test(text) || isBreadcrumb(text);
      aloneAnswers.set(text, answer);
    }
    return answer;
  };
  // pdftotext writes a page's or a column's break as a blank line, also inside a sentence. A passage held over blank
  // lines (`CUT_OFF`, its last line not one that stands alone unless it is a list item, `• Ensure MSP`, outside a code
  // block) goes on with the next line when that begins with a lower-case letter and is text (no list item, table row,
  // heading or markup).
  let lastLine = '';
  let lastIndex = 0;
  let held = false;
  let inCode = false;
  // Whether the passage being read began with a list item or a caption (CAPTION): its lines go on until a blank line,
  // the next item or a sentence's end, however short (a short line stands alone elsewhere); a caption's, in capitals,
  // also when they are shaped as a list's (`OF DRAGOS SERVICES` / `ENGAGEMENTS IDENTIFIED` / `ISSUES WITH NETWORK`).
  let inItem = false;
  let inCaption = false;
  // A front matter is one passage, its lines joined.
  if (front.size) passages.push({ line: lineOf(0), text: lines.slice(0, front.size).join(' ').replace(/\s+/g, ' ').trim(), structure: 'front matter' });
  // A BLOCK_BREAK (an HTML page's block of text ending within a line) ends a passage as a blank line would.
  lines.forEach((given, i) => {
    let whole = given;
    if (front.has(i)) return;
    // A template tag is one passage, its lines joined; the passage before it ends there.
    const template = templates.get(i);
    if (template !== undefined) {
      flush();
      passages.push({ line: lineOf(i), text: lines.slice(i, template + 1).join(' ').replace(/\s+/g, ' ').trim(), structure: 'template tag' });
      held = false;
    }
    if (templateLines.has(i)) return;
    if (footerLines.has(i)) {
      const footer = { line: lineOf(i), text: whole.replace(/\s+/g, ' ').trim() };
      if (hasText) footers.push(footer);
      else passages.push(footer);
      return;
    }
    // A running footer glued to the line's end (`runningFooterStart`) is set apart as one on a line of its own is.
    let footerEnd: Passage | undefined;
    const spaced = runningHeaders.length && !whole.includes(BLOCK_BREAK) ? whole.replace(/\s+/g, ' ') : '';
    const footerAt = spaced ? runningFooterStart(spaced, runningHeaders) : undefined;
    if (footerAt !== undefined) {
      footerEnd = { line: lineOf(i), text: spaced.slice(footerAt).trim() };
      whole = spaced.slice(0, footerAt);
    }
    const parts = whole.split(BLOCK_BREAK);
    parts.forEach((line, part) => {
      let before = i - 1;
      while (footerLines.has(before)) before--;
      const previous = before >= 0 ? lines[before]! : undefined;
      if (CODE_DELIMITER.test(line)) inCode = !inCode;
      if (!line.trim() && parts.length === 1) {
        // (The last line is judged short by its whole width, a running footer cut off its end with it.)
        held ||=
          hasText && !inCode && (BARE_BULLET.test(lastLine) || (isItem(lastIndex, lastLine) ? ITEM_CUT_OFF.test(tail) : CUT_OFF.test(tail) && !standsAlone(lines[lastIndex]!.includes(BLOCK_BREAK) ? lastLine : lines[lastIndex]!))) && !alone(lastLine);
        if (held) return;
      }
      // A list item's line held over a blank line (ITEM_CUT_OFF) goes on with the next when that begins in lower case or
      // the item's line was wrapped (`wrappedItem`: `Stolen` / `Domain Accounts`, `Link &` / `Attachment`); a bullet
      // alone (BARE_BULLET), with the next line beginning with a letter (its text; another bullet or a page number is none).
      const itemText = BARE_BULLET.test(lastLine) ? /^\s*\p{L}/u.test(line) : isItem(lastIndex, lastLine) && wrappedItem(lastIndex, line);
      const goesOn = held && part === 0 && (GOES_ON.test(line) || itemText) && !isMarkupLine(line) && !isItem(i, line) && !alone(line);
      const item = isItem(i, line) || BARE_BULLET.test(line);
      if (!goesOn && (held || part > 0 || !line.trim() || isMarkupLine(line) || item || alone(line) || (inItem && !inCaption && widerThanList(line)) || (previous !== undefined && ((standsAlone(previous) && !inItem && !goesOnFrom(previous, line)) || alone(previous) || (listed.has(i - 1) && listed.has(i) && !inCaption))))) flush();
      held = false;
      if (!line.trim() || isMarkupLine(line)) return;
      lastLine = line;
      lastIndex = i;
      // Join a wrapped line: a space between words, nothing between two Japanese characters, a word hyphenated at the
      // line's end made whole again.
      const broken = pieces.length ? BROKEN_WORD.exec(end()) : null;
      const wordGoesOn = broken ? WORD_GOES_ON.exec(line) : null;
      // A soft hyphen (U+00AD, as some PDFs give their hyphenation) says that the word goes on: joined as it is.
      if (pieces.length && tail.endsWith(SOFT_HYPHEN)) line = line.trimStart();
      else if (broken && wordGoesOn) {
        const joined = joinBroken(broken[1]!, wordGoesOn[1]!);
        pieces[pieces.length - 1] = pieces.at(-1)!.slice(0, -1) + joined;
        tail = tail.slice(0, -1) + joined;
        line = line.trimStart();
      } else if (pieces.length && !(/[\u3000-\u9fff]$/.test(tail) && /^\s*[\u3000-\u9fff]/.test(line))) add(' ');
      if (!hasText) {
        start = i + 1;
        inCaption = part === 0 && isCaption(line);
        inItem = (part === 0 && item) || inCaption;
      }
      const cut = linePieces(line);
      if (line.includes('](')) joinOpenLinks(cut);
      cut.forEach((piece, k) => {
        if (!hasText) start = i + 1;
        const mark = FOOTNOTE_MARK.exec(piece);
        const sentence = mark ? piece.slice(0, mark.index) : piece;
        const endsSentence = (): boolean => !ABBREVIATIONS.test(end().trimEnd().replace(/["”’)]$/, ''));
        if (mark && CAPITAL_NEXT.test(k + 1 < cut.length ? cut[k + 1]! : after(i, parts, part))) {
          // `Fig.3 The` and `U.S.12 The` are no sentence's end: the mark stays.
          add(sentence);
          if (endsSentence()) flush();
          else add(mark[0]);
          return;
        }
        add(piece);
        // A piece in lower case at its end before one with a capital at its start was cut only by GLUED_HEADING (the other
        // cuts follow a sentence's mark or come before a space): a heading glued to the next sentence; one ending with a
        // time, by GLUED_TIME.
        const heading = k + 1 < cut.length && (/\p{Ll}$/u.test(piece) || /\d:\d{2} ?(?:GMT|UTC|AM|PM)$/.test(piece)) && /^\p{Lu}/u.test(cut[k + 1]!);
        // A time's `p.m.` before its zone (Krebs on Security's `Update, Jan 29, 4:26 p.m. ET: Sergey Duckerman has
        // deleted…`, ZDNET's `Feb. 2, 2022 at 7:56 a.m. PT An internal report…`) ends no sentence.
        // A sentence after the zone on the line (ZDNET's) begins after it: the zone ends the time's passage.
        const zoned = TIME_BEFORE_ZONE.test(piece) && TIME_ZONE.test(k + 1 < cut.length ? cut[k + 1]! : after(i, parts, part));
        const zoneThenSentence = zoned && k + 1 < cut.length ? ZONE_THEN_SENTENCE.exec(cut[k + 1]!) : null;
        if (zoneThenSentence) {
          add(` ${zoneThenSentence[1]}`);
          cut[k + 1] = cut[k + 1]!.slice(zoneThenSentence[0].length);
          flush();
          return;
        }
        if (heading || /[。！？]$/u.test(piece) || (/[.!?]["”’)]?$/.test(piece) && endsSentence() && !zoned)) flush();
      });
    });
    if (footerEnd) (hasText ? footers : passages).push(footerEnd);
  });
  flush();
  return passages;
}
