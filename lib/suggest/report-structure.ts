/**
 * A report's own structure rather than its account of an attack: headings and labels of its parts, the names of its
 * tables' columns, metadata fields, a mail's greetings and sign-offs, and advice to defenders.
 */
import { isCommonEnglishWord } from '../common-words.js';
import { DATE_WORDS } from './bylines.js';
import { isHeadline, madeOfWords } from './page-furniture.js';
import { FIGURE, isCaption, isListItem } from './split-passages.js';
import { isContentWord, textWords, withoutIndicators } from './text-terms.js';

// A mail's greeting or sign-off, the whole passage: "Dear Team,", "Hi all", "Best regards,", "Thanks". A blog's
// sign-off wishes its readers well, maybe naming them (Malwarebytes Labs' weekly round-ups end `Stay safe!`, which got
// Impair Defenses: Safe Mode Boot 100, `Stay safe, everyone!` and `Safe surfing, everyone!`; `Happy hunting!`).
const WELL_WISH = String.raw`(?:stay|be)\s+(?:safe|secure|vigilant|protected)|safe\s+(?:surfing|browsing)|happy\s+(?:hunting|patching)`;
const READERS = String.raw`(?:,?\s+(?:everyone|everybody|all|folks|friends|out\s+there))?`;
const SALUTATION = new RegExp(
  String.raw`^(?:(?:dear|hi|hello|hey|greetings)(?:\s+[\p{L}.'’-]+){0,4}|(?:(?:best|kind|warm|warmest|many)\s+)?(?:regards|thanks)(?:\s+(?:again|all|team))?|thank you(?:\s+(?:all|again))?|sincerely|cheers|(?:${WELL_WISH})${READERS})\s*[,.!:]?$`,
  'iu',
);

// A write-up thanks whoever helped, by name, alone (The DFIR Report's Conti case as ChronoCTI keeps it: `Thanks Maxime!`,
// which got Process Discovery 100 on the name, `Thanks Brad!`): a thanks and one to three capitalised words (`Thanks to
// Mimikatz, the actor…` says more, and is read).
const THANKS_NAME = /^(?:(?:[Mm]any|[Ss]pecial|[Bb]ig)\s+thanks|[Tt]hanks|[Tt]hank\s+you)(?:\s+to)?(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}(?:\s+again)?\s*[,.!]?$/u;

/** Whether a passage is only a mail's greeting or sign-off (`Dear Team,`, `Best regards,`), a blog's (`Stay safe!`), or a thanks by name (`Thanks Maxime!`). */
export function isSalutation(text: string): boolean {
  return SALUTATION.test(text.trim()) || THANKS_NAME.test(text.trim());
}

// The words of a report's parts and of the field names of a summary: a heading (`= CeranaKeeper - Indicators of
// Compromise`, `## Executive Summary`) or a label introducing a list (`Associated Threat Actors:`, `Attack
// Techniques:`, `Key Points: Malware Utilized:` in a mailed advisory) made of them says where the behaviour is
// described, not what it is. A word naming a behaviour is none of them, so `Credential Dumping:` and `Persistence via
// Run keys:` are read. "Threat", "attack" and "techniques" are here because only a whole label of such words is left
// out: in a sentence they are read.
const REPORT_WORDS = new Set(
  (
    'indicators indicator compromise iocs ioc hashes executive summary introduction conclusion conclusions appendix ' +
    'timeline recommendations recommendation mitigations mitigation references reference acknowledgements acknowledgments table contents overview key points ' +
    'associated threat actors actor attack techniques tactics ttps malware utilized infection vectors mapping sources ' +
    'date author severity'
  ).split(' '),
);
// A Markdown or AsciiDoc heading's mark, a list mark, and a section's number (`4.1`, `A.`).
export const HEADING_MARK = /^\s*(?:#{1,6}|={1,6})\s+/;
const LABEL = /^[^.!?。]*:$/u;

// A figure's or a table's number alone, its caption cut off as the sentence after it (Unit 42's `Figure 1. Screenshot of
// BlackSuit leak site.` gives `Figure 1.`, which got Software Discovery 100): the caption is read.
const FIGURE_NUMBER = new RegExp(`${FIGURE}[.:]?\\s*$`, 'i');
const MAX_FIGURE_NUMBER = 24;

// A summary's label alone on its line, with no heading's mark (dropzone.ai's post opens with `TL;DR`, which got
// Encrypted Channel: Asymmetric Cryptography 100): `TL;DR` (`TLDR`, `tl;dr:`), its summary in the passages after it.
const SUMMARY_LABEL = /^\s*(?:#{1,6}\s+)?(?:\*\*|__)?tl;?\s?dr(?:\*\*|__)?\s*[:.]?\s*$/iu;

/**
 * Whether a passage is a heading or a label of a report's structure (`REPORT_WORDS`): its words are such words and
 * names (no common English word, as `CeranaKeeper`, `ATT&CK`), at least one of them a report word. A heading has a
 * Markdown or AsciiDoc mark; a label ends with a colon and holds no sentence. A figure's number alone (`Figure 1.`) is
 * one, and so is a summary's label alone (`TL;DR`).
 */
export function isReportStructure(text: string): boolean {
  if (text.length <= MAX_FIGURE_NUMBER && (FIGURE_NUMBER.test(text) || SUMMARY_LABEL.test(text))) return true;
  if (text.length <= MAX_DOCUMENT_TITLE && isDocumentTitle(text)) return true;
  const heading = HEADING_MARK.test(text);
  // (Whether it ends with a colon asked first: most passages do not, and the whole text was copied and read to know.)
  if (!heading && !(/:\s*$/.test(text) && LABEL.test(text.trim()))) return isIocHeading(text) || isBareHeading(text) || isAudienceHeading(text);
  const words = textWords(text.replace(HEADING_MARK, '').replace(LIST_MARK, '')).filter(isContentWord);
  return words.some((word) => REPORT_WORDS.has(word)) && words.every((word) => REPORT_WORDS.has(word) || !isCommonEnglishWord(word));
}

// A report's own title, on its cover or as its first heading, naming only the kind of document it is (cchopin/threat-
// reports' Mirai-EIW report: `# Cyber Threat Intelligence Report`, which got Search Closed Sources: Threat Intel Vendors
// 97, as the daily reports of another public repository open, `# Cyber Threat Intelligence Report` / `**Date:** …`; the
// Red Canary 2020 Threat Detection Report as Markdown: `# 2020 Threat Detection Report`, Automated Collection 99.8): a
// document's noun, the words of a kind of report, vendors' names, a year, a month or a quarter, two words at least,
// with or without a heading's mark. A title that says what was done (`BlackCat ransomware implicated in attack on …`) has other words, and
// is read.
const DOCUMENT_NOUNS = new Set('report reports advisory bulletin briefing digest whitepaper review'.split(' '));
const DOCUMENT_TITLE_WORDS = new Set([
  ...DATE_WORDS,
  ...(
    'cyber cybersecurity security threat threats intelligence cti detection landscape annual quarterly monthly weekly daily ' +
    'mid midyear year years in the of and global state flash technical incident special edition q1 q2 q3 q4 h1 h2'
  ).split(' '),
]);
const MAX_DOCUMENT_TITLE = 80;

/**
 * Whether a passage is a report's title naming only its kind (`Cyber Threat Intelligence Report`, `2020 Threat Detection
 * Report`): two words at least (a site's section, `Reports`, is a menu's item).
 */
function isDocumentTitle(text: string): boolean {
  const title = text.replace(HEADING_MARK, '');
  return !/[.!?;,:]\s/.test(title) && textWords(title).length >= 2 && madeOfWords(title, DOCUMENT_NOUNS, DOCUMENT_TITLE_WORDS);
}

// A heading of the indicators without a heading's mark, as a page scraped to text or a PDF writes it (ESET's `IoCs`,
// `Indicators of Compromise`, Sekoia's `IOCs & Technical Details`): report words only, among them the indicators'.
const IOC_HEADING_WORDS = new Set([...REPORT_WORDS, 'technical', 'details']);
const MAX_IOC_HEADING = 60;

/** Whether a passage is a heading of the indicators of compromise without a mark (`IoCs`, `Indicators of Compromise`). */
function isIocHeading(text: string): boolean {
  if (text.length > MAX_IOC_HEADING || !/ioc|indicator/i.test(text) || /[.!?;,:]/.test(text)) return false;
  const words = textWords(text).filter(isContentWord);
  return (
    words.every((word) => IOC_HEADING_WORDS.has(word)) &&
    (words.some((word) => word === 'iocs' || word === 'ioc') || (words.includes('compromise') && words.some((word) => word.startsWith('indicator'))))
  );
}

// A heading of the report's parts without a heading's mark, as a PDF as text writes it (the DE&TH guide's `References`
// above its list of addresses, which got Template Injection 97): only the words of a document's parts, no names, no
// mark (`Persistence`, `Lateral Movement` and `Malware` are read). A guide's sections too (CISA, NSA, FBI and MS-ISAC's
// Phishing Guidance as text: `DEFINITION`, which got Dynamic Data Exchange, `MITIGATIONS`, Disable or Modify Tools).
// A post's `Timeline` too (Mandiant's ALPHV post of April 2023, its heading set apart from the sentence it was glued
// to in a one-line scrape: Search Threat Vendor Data 100), and its `Attack Phases`, `Exposure` (Environmental Keying
// 96.1) and `Detection Opportunities`; a report's ranking of techniques and the parts of each technique's chapter (the
// Red Canary 2020 Threat Detection Report as text: `Top Techniques`, which got Virtualization/Sandbox Evasion 63.6 on
// `techniques`; `Analysis`, `Detection`, `Testing`, Office Application Startup: Office Test 100). A column's name
// alone (`Techniques` under `Tactic` in a table flattened one cell per line) is a table's header cell (`isColumnNames`).
const BARE_HEADING_WORDS = new Set(
  (
    'executive summary introduction conclusion conclusions appendix recommendations references reference acknowledgements acknowledgments table contents ' +
    'overview key findings background mitigations definition definitions timeline attack phases exposure detection opportunities ' +
    'top techniques analysis testing'
  ).split(' '),
);
const MAX_BARE_HEADING = 40;

/** Whether a passage is a heading of the report's parts without a mark (`References`, `Executive Summary`), not a column's name alone. */
function isBareHeading(text: string): boolean {
  if (text.length > MAX_BARE_HEADING || /[^\p{L}\s]/u.test(text.trim())) return false;
  const words = textWords(text).filter(isContentWord);
  return words.length > 0 && words.every((word) => BARE_HEADING_WORDS.has(word)) && !isColumnNames(text);
}

// A heading in capitals that names whom the advice after it is for, as a joint advisory or guide sets its mitigations
// apart (CISA, NSA, FBI and MS-ISAC's Phishing Guidance as text: `MITIGATIONS` / `ALL ORGANIZATIONS`, which got Gather
// Victim Org Information 99.1, then `SMALL- AND MEDIUM-SIZED BUSINESSES`, `SOFTWARE MANUFACTURERS`; `NETWORK
// DEFENDERS`): only the words of such readers, the last one of them a kind of reader (AUDIENCE_NOUNS). A heading in
// capitals is no sentence; one in lower case (`Targeted organizations`) may be a behaviour's words, and is read.
const AUDIENCE_NOUNS = new Set('organizations organisations defenders manufacturers businesses vendors developers administrators operators owners users individuals entities agencies'.split(' '));
const AUDIENCE_WORDS = new Set([
  ...AUDIENCE_NOUNS,
  ...'all network software small medium sized critical infrastructure system systems it ot government private sector and for end'.split(' '),
]);
const MAX_AUDIENCE_HEADING = 60;

/** Whether a passage is a heading in capitals naming whom the advice after it is for (`ALL ORGANIZATIONS`, `NETWORK DEFENDERS`). */
function isAudienceHeading(text: string): boolean {
  if (text.length > MAX_AUDIENCE_HEADING || /\p{Ll}|[^\p{L}\s-]/u.test(text)) return false;
  const words = textWords(text);
  return words.length > 0 && AUDIENCE_NOUNS.has(words.at(-1)!) && words.every((word) => AUDIENCE_WORDS.has(word));
}

// A figure's label as pdftotext writes it among the figure's list items (the Dragos 2022 review's ransomware kill chain:
// `•  Disable or Modify Tools` / `Recon` / `•  Remote Services: Exploit SMB…`, and its stages `Weaponization`,
// `Deliver`, `Install/`, `C2` between two items): one word alone (`Recon`, read as reconnaissance, got Account
// Discovery: Domain Account 100), no sentence. A short behaviour has more words (`Initial access gained through
// Log4Shell`); a word after a paragraph, or before one, is a heading (read, as `Persistence` is). Chinese, Japanese and
// Korean text is left out: a line of it without a space is no one word (`DADBOD認証情報窃盗`, a table's row in a list).
const FIGURE_LABEL = /^\p{L}[\p{L}\p{N}&-]*\/?$/u;
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

// A chart's labels and data, as pdftotext writes a chart beside the text, each a block of its own: a run of short
// passages (at most MAX_CHART_LABEL_WORDS words, no sentence's end, no list item, no caption), up to the last of them
// that is a chart's datum (a number or a share alone: `70%`, `-17`, `2019`; a count and its unit in lower case: `247
// incidents`; or a label ending with one: `Loss of view: 1%`): a heading after the chart (`KEY FI NDI NG #2` / `Poor
// Security Perimeters` after `2022`), or after a caption with no chart, is read. Right after a caption (`isCaption`)
// MIN_CHART_DATA data make the run a chart's (the Dragos 2022 review's `FIGURE 13: IN 2022 , EXTERNAL` … `FROM 70% TO
// 53%.` then `100%`, `CHANGE`, `-17`, `70%` … `2022`: `CHANGE` got Indicator Removal: Timestomp 100; `FIGURE 9: WHERE
// DO VULNERABILITIES RESIDE ?` then its legend, `Advisories ‘deep within’` / `control network` / `83%` …). A legend set
// apart from its caption, text between them (the same review's Figure 8: `Loss of view:` / `1%` … 34 lines after
// `FIGURE 8: LOSS OF VIEW, LOSS OF CONTROL, OR BOTH`, each got a technique: Remote System Discovery 100 for the first;
// Figure 7's `Advisories with no patch when announced` / `30%` …), is known by its data alone: at least
// MIN_LEGEND_DATA of them, each label beside one (at most MAX_LEGEND_GAP passages with no datum in a row, from the run's
// start: a label wrapped over two blocks, `Advisories for which Dragos` / `provided missing mitigation advice` / `53%`).
const MAX_CHART_LABEL_WORDS = 8;
const MIN_CHART_DATA = 2;
const MIN_LEGEND_DATA = 3;
const MAX_LEGEND_GAP = 2;
// (One decimal point at most: an IP address under a table's caption is an indicator, no datum.) An amount may have a
// currency's mark and a `+`, and its unit a capital (BakerHostetler's 2023 incident response report, a page of charts:
// `$90+ Million`, which got Valid Accounts 100; `14.2 Days`, Develop Capabilities: Digital Certificates 96.1).
const CHART_DATUM = /(?:^|\s|:)[-+−]?[$€£¥]?\d[\d,]*(?:\.\d+)?\+?\s*%?(?:\s\p{L}\p{Ll}*)?$/u;
// A caption in capitals, as a designed report sets its charts' and tables' titles (`FIGURE 8: LOSS OF VIEW, LOSS OF
// CONTROL , OR B OTH`, which got Remote System Discovery 100; `TABL E  2:  RANSOMWARE G ROU P S AND SEC TORS/R EGIONS
// TARGETED`), names what the figure counts or lists: a figure's label too. A caption in sentence case (`Figure 5:
// PowerShell command used to download the loader`) is read.
const NO_LOWER_CASE = /^[^\p{Ll}]*$/u;

/**
 * The passages (by index) that are a figure's labels: one word each (`FIGURE_LABEL`), alone or several in a row,
 * between two list items (`isListItem`), as a figure's stages stand among its items in pdftotext's output; a caption in
 * capitals (NO_LOWER_CASE); and a chart's labels and legend (see MAX_CHART_LABEL_WORDS).
 */
export function figureLabelPassages(passages: readonly { text: string }[]): Set<number> {
  const labels = new Set<number>();
  let run: number[] = [];
  let afterItem = false;
  passages.forEach((passage, i) => {
    const text = passage.text.trim();
    if (afterItem && FIGURE_LABEL.test(text) && !UNSPACED_SCRIPT.test(text)) {
      run.push(i);
      return;
    }
    afterItem = isListItem(text);
    if (afterItem) for (const label of run) labels.add(label);
    run = [];
  });
  passages.forEach((passage, i) => {
    if (isCaption(passage.text) && NO_LOWER_CASE.test(passage.text)) labels.add(i);
  });
  const short = passages.map((passage) => isChartLabel(passage.text));
  for (let first = 0; first < passages.length; first++) {
    if (!short[first] || short[first - 1]) continue;
    for (const label of chartLabels(passages, short, first, first > 0 && isCaption(passages[first - 1]!.text))) labels.add(label);
  }
  return labels;
}

/** Whether a passage may be a chart's label or datum: short (unless `long`), no sentence's end, no list item, no caption. */
function isChartLabel(text: string, long = false): boolean {
  const trimmed = text.trim();
  return !/[.!?]\s|[.!?;]$/.test(trimmed) && !isListItem(trimmed) && !isCaption(trimmed) && (long || textWords(trimmed).length <= MAX_CHART_LABEL_WORDS);
}

/**
 * The passages (by index) of a chart's labels in the run of them (`short`: `isChartLabel` of each passage) that begins
 * at `first`, right after its caption or not (see MAX_CHART_LABEL_WORDS).
 */
function chartLabels(passages: readonly { text: string }[], short: readonly boolean[], first: number, afterCaption: boolean): number[] {
  let data = 0;
  let end = first;
  let gap = 0;
  // Whether each datum is followed by its label, one passage, up to the last datum (`64%` / `scored higher after Dragos
  // research` / `31%` / `scored lower` / `4%` …).
  let paired = true;
  // The labels before the first datum: a chart's title and the names of its series.
  let leading = 0;
  for (let i = first; i < passages.length && short[i]; i++) {
    if (!CHART_DATUM.test(passages[i]!.text.trim())) continue;
    if (data === 0) leading = i - first;
    else gap = Math.max(gap, i - end);
    if (data > 0 && i - end !== 1) paired = false;
    data++;
    end = i + 1;
  }
  // Before the first datum, a title and the series' names, as many as the data at most (BakerHostetler's `Ransomware
  // Timeline` / four series / `2020 Average` / `8 Days` …, each ranked: `Demand to Payment` got Financial Theft 100).
  const legend = data >= MIN_LEGEND_DATA && gap <= MAX_LEGEND_GAP && (leading <= MAX_LEGEND_GAP || leading <= data);
  const chart = afterCaption ? data >= MIN_CHART_DATA : legend;
  if (!chart) return [];
  // The last datum's label after it, when each datum is followed by its label: longer than a label between data may be
  // (the Dragos 2026 Year in Review as text, a chart of CVSS corrections: `4%` / `had incorrect attributes that did not
  // affect the score`, which got Hide Artifacts 95.8), but no sentence.
  if (paired && leading === 0 && data >= MIN_CHART_DATA && end < passages.length && isChartLabel(passages[end]!.text, true)) end++;
  return Array.from({ length: end - first }, (_, k) => first + k).filter((i) => /\p{L}/u.test(passages[i]!.text));
}

// Advice to defenders, as advisories give it (a "Mitigations" list, "Organizations should enable MFA"): what to guard
// against, not what an adversary did. An imperative at the start (after a list mark, and an adverb such as
// "Regularly"), but not a noun (`Use of common malware`, `Review of logs`); defenders as the subject of "should";
// "we recommend", "it is recommended". "Users should not have been able to ..." says what went wrong, not what to do.
// A sentence about the actor ("The actor disabled MFA") is none of these.
const ADVICE_VERB =
  'ensure|enable|implement|apply|patch|update|upgrade|monitor|restrict|limit|consider|review|prevent|avoid|require|enforce|' +
  'configure|deploy|audit|educate|train|maintain|establish|adopt|segment|harden|back up|verify|validate|rotate|prioriti[sz]e|' +
  'protect|adhere|utili[sz]e|use|employ|follow|keep|disallow|mandate|instruct|encourage|never|do not|don[’\']t';
// A list mark before the imperative (a Word document's bullets as text extraction gives them too: U+F0B7, U+F0A7, and
// its second level's letter o before a capital, `o Enable DMARC policies…`); the word after it is written with a capital
// (a wrapped line of a sentence, `update SSL certificates. Equifax developed`, is no imperative).
export const LIST_MARK = /^\s*(?:[-–*•●■◆▪‣・\uF0B7\uF0A7]\s*|\d{1,2}[.)]\s+|o\s+(?=\p{Lu}))?/u;
const IMPERATIVE = new RegExp(
  `^(?:(?:regularly|continuously|always|periodically|immediately|also|then)\\s+)?(?:${ADVICE_VERB})\\b(?!\\s+of\\b|\\s*[:\\-–—]|\\s*$)`,
  'i',
);
const DEFENDERS_SHOULD =
  /\b(?:organi[sz]ations?|administrators?|admins?|defenders?|users?|companies|enterprises|entities|customers|businesses|msps?|service providers|teams?|you|we)\s+(?:should(?!\s+(?:not\s+)?have\b)|ought to|are (?:strongly )?(?:advised|encouraged|urged))\b/i;
const RECOMMEND =
  /\b(?:we|i|cisa|fbi|nsa|ncsc|agencies|authors?)\s+(?:strongly\s+|also\s+|highly\s+)?(?:recommend|advise|encourage|urge)s?\b|\b(?:it is|is|are)\s+(?:strongly\s+|highly\s+)?(?:recommended|advised|advisable)\b|^\s*(?:recommendations?|mitigations?)\s*:/i;
// A word that each of them holds, looked for first: most passages hold none, and the two patterns tried every name of
// a defender or an agency at every word.
const ADVICE_WORD = /should|ought|advis|encourag|urge|recommend|mitigation/i;
// Japanese advice: a request to the reader (〜してください, but not ご覧ください or 参照してください, "see ...") or a
// recommendation (推奨).
const ADVICE_JA = /(?<!ご覧|参照して)(?:ください|下さい)|推奨/;

/** Whether a passage advises defenders (see ADVICE_VERB and the patterns after it) rather than saying what an adversary did. */
export function isAdvice(text: string): boolean {
  const start = text.replace(LIST_MARK, '');
  return (/^\p{Lu}/u.test(start) && IMPERATIVE.test(start)) || (ADVICE_WORD.test(text) && (DEFENDERS_SHOULD.test(text) || RECOMMEND.test(text))) || ADVICE_JA.test(text);
}

// The names of a table's columns, as threat reports' tables of indicators and of ATT&CK techniques write them
// (ESET's `SHA-1 | Filename | ESET detection name | Description`, `IP | Provider | First seen | Last seen | Details`,
// `Tactic | ID | Name | Description`). A page scraped to text, or a PDF, flattens a table one cell per line, and each
// header cell stands alone; a few such words (with vendor names and numbers: `SHA-1`, `Sub-technique ID`) are no
// behaviour, and one other word makes a passage read (`File and Directory Discovery`, `Pass the Hash`).
const COLUMN_WORDS = new Set(
  (
    'id ids name names description filename filenames file files hash hashes sha sha1 sha256 md5 ip ips address ' +
    'addresses domain domains url urls hostname provider first last seen details tactic tactics technique techniques ' +
    'sub procedure procedures detection type value notes comment comments'
  ).split(' '),
);
const MAX_COLUMN_WORDS = 4;
// A cell as it stands alone: words, a hyphen, a slash, an ampersand, and a colon after them; no heading or list mark, no
// markup (`<details>`, `// description = """`), which say other things than a column's name.
const BARE_CELL = /^[\p{L}\p{N}][\p{L}\p{N} /&-]*:?$/u;

/** Whether a passage is only the names of a table's columns (`ID`, `Last seen`, `ESET detection name`): a header cell standing alone. */
export function isColumnNames(text: string): boolean {
  return text.length <= 40 && BARE_CELL.test(text) && textWords(text).length <= MAX_COLUMN_WORDS && madeOfWords(text, COLUMN_WORDS);
}

// The fields of a document's or a rule's metadata, written outside a front matter: a scraped page's header
// (`**Source**: https://…`), a feed archive's record (`document_id: "…"`, `published_at: "…"`), a Sigma or Elastic
// rule's fields (`status: experimental`, `author: Florian Roth`, `**Severity**: high`, `// creation_date =
// "2021/01/27"`, a detection page's `**Tier:** Hunting`, `**Robustness:** 2`, `**Confidence:** HIGH`), an indicator's
// label (`MD5: …`). Keys as written lower-cased, their words joined by `_` (`Risk score`: `risk_score`). Each key says
// what its value may be, so that a value that says more is read (`Source: a phishing email`, `Status: exfiltrated to
// the actor's server`): an address, an ID, a number or a date (no word but months: `date: March 3, 2025`); a level or a
// kind (one or two words: `experimental`, `high`, `eql`); names (capitalised: `Florian Roth`, `Threat Intelligence
// Team`, a licence's `CC BY 4.0 - https://…`, its address read out); an image's credit (a page's `Image: Midjourney`,
// `Image credit: Getty Images via Reuters`) or a source (an address, a date or such a credit: `Source: Shutterstock`).
// A title, a description or a summary is the text's own, and a field of a behaviour (`Persistence:`) is read. A report's
// cover gives its own fields (cchopin/threat-reports' Mirai-EIW report: `**Incident Reference:** Mirai/XMRig Double
// Compromise **Analysis Date:** 2026-02-06`, which got Resource Hijacking: Compute Hijacking 100, `**Classification:**
// TLP:CLEAR`, Clear Windows Event Logs 97.8; another public repository's daily reports: `**Report ID:** CTI-2026-0316`).
type MetadataKind = 'address or date' | 'level' | 'names' | 'credit' | 'source';
const METADATA_KEYS: ReadonlyMap<string, MetadataKind> = new Map([
  ...(
    'id uuid guid document_id schema_version version rule_id content_hash md5 sha1 sha256 source_id date created modified ' +
    'updated creation_date updated_date published published_at publish_date first_seen_at last_seen_at fetched_at ' +
    'fetch_date timestamp risk_score url canonical_url link permalink analysis_date report_date'
  )
    .split(' ')
    .map((key) => [key, 'address or date'] as const),
  ...(
    'status level severity maturity tlp lang language layout draft toc comments rule_type tier robustness confidence ' +
    'fidelity priority classification report_id'
  )
    .split(' ')
    .map((key) => [key, 'level'] as const),
  ...'author authors company company_key license prepared_by prepared_for incident_reference'.split(' ').map((key) => [key, 'names'] as const),
  // A document site's uploader, a name or a word (vdocuments.mx's `Upload: others`, which got Exfiltration to Cloud
  // Storage 95.5).
  ...'upload uploader uploaded_by'.split(' ').map((key) => [key, 'level'] as const),
  ...'image images image_credit image_credits image_source photo photos photo_credit picture illustration credit credits'
    .split(' ')
    .map((key) => [key, 'credit'] as const),
  ['source', 'source'],
]);
// A field: a key (a list mark, a comment's `//` or bold marks around it) and `:` or `=`, at a passage's start or after
// the previous field's value (`// rule_id = "…" // severity = "medium"`, fields joined by the passage's lines).
const METADATA_FIELD = /(?:^|\s)(?:\/\/\s*|[-*+]\s+)?(?:\*\*|__)?([A-Za-z]\w*(?:[ -][A-Za-z]\w*)?)(?:\*\*|__)?\s?[:=](?:\*\*|__)?(?=\s|$)/gu;
// A field at a passage's start, as the first of its fields must be: asked before all of them are looked for.
const METADATA_FIELD_FIRST = new RegExp(`^(?:${METADATA_FIELD.source})`, 'u');
// How many words a level has at most, and names (`Joseliyo Sanchez, @Joseliyo_Jstnk`).
const MAX_LEVEL_WORDS = 2;
const MAX_NAMES_WORDS = 6;

/** Whether a field's value is what its key says it may be (`METADATA_KEYS`). */
function isMetadataValue(kind: MetadataKind, value: string): boolean {
  if (kind === 'source') return isMetadataValue('address or date', value) || isMetadataValue('credit', value);
  // A credit names whoever made the image, `via` or `by` whoever gave it; a quote, a path or a rule's `=` says more (a
  // Sigma rule's `Image: 'C:\Windows\…'`).
  if (kind === 'credit') return !/['"`\\=]/.test(value) && isMetadataValue('names', value.replace(/\b(?:via|by)\b/g, ''));
  // Words with digits are IDs, versions, hashes and dates; an address is read out before names are checked (a licence's
  // `CC BY 4.0 - https://creativecommons.org/licenses/by/4.0/`).
  const bare = withoutIndicators(value);
  const words = textWords(bare).filter((word) => !/\d/.test(word));
  if (kind === 'address or date') return words.every((word) => DATE_WORDS.has(word));
  if (kind === 'level') return words.length <= MAX_LEVEL_WORDS;
  return words.length <= MAX_NAMES_WORDS && !/(?:^|[\s,"'[(])\p{Ll}/u.test(bare.replace(/\band\b/g, ''));
}

// A caption that only credits its figure: the figure's or the table's number before the field (`Figure 3: Source: Trend
// Micro`, which got Obtain Capabilities: Tool 94.6), and brackets around it (`(Source: Shutterstock)`).
const CAPTION_NUMBER = new RegExp(`${FIGURE}[.:]\\s*`, 'i');
const BRACKETED = /^\s*\((.*)\)\s*$/su;
// Japanese writes the source (出典) of a figure, a table or a quote with a full-width colon, after the figure's number
// or in brackets: what it names is whom the figure comes from, an agency, a report's title in 「」, a remark in brackets
// (a security-awareness deck's `出典：警察庁／フィッシング対策協議会／IPA（数値は当日最新を確認）`, which got Phishing 100 on
// the council's name; `出典：警察庁「サイバー空間をめぐる脅威の情勢等について」（半期公表・令和6〜7年）より作成。`). One
// sentence at most (no 。！？ before its end), at most MAX_SOURCE_JA characters after the key.
const SOURCE_JA = /^\s*(?:図\s*\d{1,3}\s*[：:.．]?\s*)?[（(]?出典\s*[：:]\s*([^。！？\n]+)。?[）)]?\s*$/u;
const MAX_SOURCE_JA = 200;

// An address under its label, no colon between (cyber.vumetric.com's news digest: `News URL` / `https://nakedsecurity
// .sophos.com/2020/05/11/…`, joined as a passage, got Ingress Tool Transfer 97.2; `Source link`, `Original URL`): at
// most three words, the last naming an address, then the address alone.
const LABELLED_ADDRESS = /^\s*(?:\p{L}+\s+){0,2}(?:url|link|address|source)\s*:?\s+(?:https?:\/\/|www\.)\S+\s*$/iu;
// What every LABELLED_ADDRESS holds, looked for first (most passages have no address).
const ADDRESS_START = /:\/\/|www\./i;

// A document's version alone, as a guide's title page gives it (the DE&TH guide as text: `Ver. 1.1.`, which got System
// Information Discovery 100 on `ver`, the command's name; `Version 2.0`, `Rev. 3`).
const VERSION_LABEL = /^\s*(?:version|ver\.?|rev\.?|revision)\s*\d{1,3}(?:\.\d{1,3}){0,3}\.?\s*$/i;
// A document's Traffic Light Protocol label alone, as FIRST's standard writes it, no space after the colon (`TLP:CLEAR`
// alone on the first page of CISA, NSA, FBI and MS-ISAC's Phishing Guidance as text, which got Indicator Removal: Clear
// Windows Event Logs 97.8; `TLP:AMBER+STRICT`, TLP 1.0's `TLP:WHITE`). `TLP: WHITE` is a field (`tlp`) already.
const TLP_LABEL = /^\s*TLP:(?:CLEAR|WHITE|GREEN|AMBER(?:\+STRICT)?|RED)\s*$/i;

/**
 * Whether a passage is only fields of metadata (`METADATA_KEYS`), each with its kind of value: a source, a date, an ID,
 * a status, an author; also after a figure's number (`CAPTION_NUMBER`), a Japanese source (`SOURCE_JA`), an address
 * under its label (`LABELLED_ADDRESS`), a document's version alone (`VERSION_LABEL`) and its TLP label (`TLP_LABEL`).
 */
export function isMetadataFields(whole: string): boolean {
  if (whole.length > 400) return false;
  if ((ADDRESS_START.test(whole) && LABELLED_ADDRESS.test(whole)) || VERSION_LABEL.test(whole) || TLP_LABEL.test(whole)) return true;
  const source = SOURCE_JA.exec(whole);
  if (source) return source[1]!.length <= MAX_SOURCE_JA;
  if (!whole.includes(':') && !whole.includes('=')) return false;
  const text = whole.replace(CAPTION_NUMBER, '').replace(BRACKETED, '$1');
  if (!METADATA_FIELD_FIRST.test(text)) return false;
  const fields = [...text.matchAll(METADATA_FIELD)];
  if (fields[0]?.index !== 0) return false;
  return fields.every((field, i) => {
    const kind = METADATA_KEYS.get(field[1]!.replace(/(\p{Ll})(\p{Lu})/gu, '$1_$2').toLowerCase().replace(/[ -]/g, '_'));
    return kind !== undefined && isMetadataValue(kind, text.slice(field.index + field[0].length, fields[i + 1]?.index ?? text.length));
  });
}

// A post's title said again by its page: a scraped page gives it in its metadata (`**Title**: BlackCat ransomware hits
// Azure Storage with Sphynx encryptor`), above the post, after the breadcrumb, and again above its comment form
// (Securelist's `AZORult spreads as a fake ProtonVPN installer`). A title is given by a heading, a `Title:` field or a
// line of its own (a blank line after it), shaped as a title (`isHeadline`, its mark or key aside) of at least
// MIN_TITLE_WORDS words; it is read there, and a later passage the same (shaped as a title too) is the title again. A
// front matter's title is none (not ranked: the heading after it is read), nor is a sentence said again within a
// paragraph or a list one a line, nor a short heading (`Persistence`, a table's cell `Scheduled Task`).
const TITLE_FIELD = /^(?:\*\*|__)?title(?:\*\*|__)?\s?:(?:\*\*|__)?\s*/i;
const MIN_TITLE_WORDS = 4;
// What no title holds (`isHeadline`), wherever a passage has it, its mark or key aside (they have none of these
// characters): a sentence's end before more text, a trailing `.`, `,`, `;` or `:`, a `|`. Most passages are sentences,
// passed over without making their title.
const NO_TITLE = /[.!?;]\s+\S|[.,;:]\s*$|\|/;

/** The passages (by index) that say again a title given by an earlier passage (see TITLE_FIELD): its first is read. */
export function repeatedTitlePassages(passages: readonly { line: number; text: string; structure?: unknown }[]): Set<number> {
  const titles = new Set<string>();
  const repeated = new Set<number>();
  passages.forEach((passage, i) => {
    // A title is short: most passages are passed over at once.
    if (passage.text.length > 300 || passage.structure || NO_TITLE.test(passage.text)) return;
    const title = passage.text.replace(HEADING_MARK, '').replace(TITLE_FIELD, '').trim().replace(/\s+/g, ' ');
    if (title.split(' ').length < MIN_TITLE_WORDS || !isHeadline(title)) return;
    if (titles.has(title)) repeated.add(i);
    else if (title !== passage.text.trim() || (!passage.text.includes('\n') && blankLineAfter(passages, i))) titles.add(title);
  });
  return repeated;
}

/** Whether the next passage with letters after a one-line passage starts after a blank line (or there is none). */
function blankLineAfter(passages: readonly { line: number; text: string }[], i: number): boolean {
  // (Searched in place: a copy of the passages after each title was quadratic in a long report.)
  for (let j = i + 1; j < passages.length; j++) if (/\p{L}/u.test(passages[j]!.text)) return passages[j]!.line >= passages[i]!.line + 2;
  return true;
}

// A table of contents, as a PDF's text keeps it (the Red Canary 2020 Threat Detection Report as a public repository
// keeps it converted to text: `Table of contents` / `INTRODUCTIO NT O PT ECHNIQUE S06` / `Whats new in 202003` / `Behind
// the data04` / `Meet the authors05`, each part's page number glued to its title, which got Winlogon Helper DLL 100, Windows
// Service 97.4, Fast Flux DNS 95.1, File and Directory Discovery 100): its label (`Table of contents`, `Contents`), then
// entries, each ending with its page number (after a space, dot leaders or glued to the title) or with the leaders (the
// number after them a passage of its own), no sentence's end, or a page number alone; up to the first passage that is none, at most MAX_CONTENTS_ENTRIES.
const CONTENTS_LABEL = /^(?:table\s+of\s+)?contents\s*:?$/iu;
const MAX_CONTENTS_ENTRY = 300;
const MAX_CONTENTS_ENTRIES = 60;

/** Whether a passage is an entry of a table of contents: a title ending with its page number, or the number alone. */
function isContentsEntry(text: string): boolean {
  const entry = text.trim();
  // (Dot leaders end a sentence for the splitter: the number after them is a passage of its own.)
  return entry.length <= MAX_CONTENTS_ENTRY && /(?:\d|\.{3,}|…)$/u.test(entry) && !/[.!?]\s+\p{Lu}\p{Ll}/u.test(entry.replace(/\.{2,}|…+/gu, ' ')) && (/\p{L}/u.test(entry) || /^\d{1,3}$/u.test(entry));
}

// A web page's table of contents above the post, with no page numbers (eSentire's ALPHV/BlackCat post as
// GenAI-Threat-Intelligence-Research keeps it: `IN THIS POST` / `About NitrogenThe Criminal Origins of ALPHV/BlackCat
// Ransomware GroupALPHV/BlackCat Ransomware Group, Ruthless and Despicable…`, its sections' headings glued into one line,
// which got Data Encrypted for Impact 100): its label (`In this post`, `On this page`, `Jump to`), then the headings, each
// capitalised with no sentence's end, maybe glued where a lower-case letter meets a capital.
const WEB_CONTENTS_LABEL = /^(?:in\s+this\s+(?:post|article|blog(?:\s+post)?|report|page|guide|write-?up)|on\s+this\s+page|jump\s+to(?:\s+(?:a\s+)?section)?)\s*:?$/iu;
const MAX_WEB_CONTENTS_HEADING = 150;
const HEADINGS_JOINT = /(?<=\p{Ll})(?=\p{Lu}\p{Ll})/u;

/** Whether a passage is the headings of a web page's table of contents: capitalised, no sentence's end, maybe glued. */
function isWebContentsEntry(text: string): boolean {
  return text.trim().split(HEADINGS_JOINT).every((heading) => heading.length <= MAX_WEB_CONTENTS_HEADING && /^[\p{Lu}\d]/u.test(heading) && !/[.!?]\s|[.!?:;,]$/u.test(heading));
}

/**
 * The passages (by index) of a table of contents: its label (`CONTENTS_LABEL`) and the entries right after it
 * (`isContentsEntry`), or a web page's (`WEB_CONTENTS_LABEL`) and its headings (`isWebContentsEntry`).
 */
export function tableOfContentsPassages(passages: readonly { text: string }[]): Set<number> {
  const contents = new Set<number>();
  passages.forEach((passage, i) => {
    const label = passage.text.trim().replace(HEADING_MARK, '').replace(/[*_]/g, '');
    const web = WEB_CONTENTS_LABEL.test(label);
    if (!web && !CONTENTS_LABEL.test(label)) return;
    const entries: number[] = [];
    for (let j = i + 1; j < passages.length && entries.length < MAX_CONTENTS_ENTRIES; j++) {
      const text = passages[j]!.text;
      if (!/\S/u.test(text)) continue;
      if (!(web ? isWebContentsEntry(text) : isContentsEntry(text))) break;
      entries.push(j);
    }
    if (entries.length) for (const k of [i, ...entries]) contents.add(k);
  });
  return contents;
}
