import { isCommonEnglishWord } from '../common-words.js';
import { isContentWord, textWords, withoutIndicators } from './text-terms.js';

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

/** Whether a table cell names a sample rather than saying anything: an indicator, a file's name, a detection name. */
function isIdentifierCell(cell: string): boolean {
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

// Security vendors, their research teams and products, and the agencies and news sites that report on attacks: who
// reported or detected, never what was done. Matched whole, case-insensitively; "Microsoft" alone is a vendor here,
// but only a passage made of such names (and SOURCE_WORDS) is left unranked, so "Microsoft Office" in a sentence is read.
const VENDOR_NAMES = [
  'ESET', 'WeLiveSecurity', 'Kaspersky', 'Securelist', 'Symantec', 'Broadcom', 'Mandiant', 'FireEye', 'Google', 'Google TAG',
  'Threat Analysis Group', 'CrowdStrike', 'CrowdStrike Falcon', 'Palo Alto Networks', 'Unit 42', 'Cortex XDR', 'Check Point',
  'Check Point Research', 'Cisco', 'Cisco Talos', 'Talos', 'Trend Micro', 'Sophos', 'Sophos X-Ops', 'McAfee', 'Trellix',
  'Proofpoint', 'SentinelOne', 'SentinelLabs', 'Secureworks', 'Counter Threat Unit', 'IBM', 'IBM X-Force', 'X-Force',
  'Fortinet', 'FortiGuard Labs', 'Recorded Future', 'Insikt Group', 'Bitdefender', 'Avast', 'Avira', 'Malwarebytes',
  'Zscaler', 'ThreatLabz', 'Volexity', 'Arctic Wolf', 'Huntress', 'Red Canary', 'Rapid7', 'Tenable', 'Qualys', 'Cybereason',
  'Elastic Security Labs', 'Group-IB', 'Positive Technologies', 'Dr.Web', 'Doctor Web', 'F-Secure', 'WithSecure',
  'NCC Group', 'Fox-IT', 'Lookout', 'Zimperium', 'Netskope', 'Akamai', 'Cloudflare', 'Darktrace', 'Kroll', 'Morphisec',
  'BlackBerry', 'Cylance', 'Carbon Black', 'VMware Carbon Black', 'VirusTotal', 'Microsoft', 'Microsoft Threat Intelligence',
  'MSTIC', 'Microsoft Defender', 'Microsoft Defender for Endpoint', 'Defender for Endpoint', 'Windows Defender',
  'Microsoft Sentinel', 'Symantec Endpoint Protection', 'ESET NOD32', 'CISA', 'FBI', 'NSA', 'NCSC', 'US-CERT', 'JPCERT/CC',
  'CERT-UA', 'BleepingComputer', 'TechCrunch', 'SecurityWeek', 'The Record', 'Dark Reading', 'The Hacker News',
  'Krebs on Security', 'Reuters', 'Bloomberg', 'Axios', 'NBC News',
];
const VENDOR_NAME = `(?<![\\p{L}\\p{N}])(?:${[...VENDOR_NAMES].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`;
const VENDOR = new RegExp(VENDOR_NAME, 'giu');
// One word of each name, its longest (`networks` of Palo Alto Networks), as `textWords` gives it: a text without any of
// them holds no name, and most passages are passed over without running the regular expressions of the names.
const VENDOR_KEY_WORDS = new Set(VENDOR_NAMES.map((name) => textWords(name).reduce((a, b) => (b.length > a.length ? b : a))));

/** Whether a text may hold a vendor's name (`VENDOR_KEY_WORDS`); when not, it surely holds none. */
function mayNameVendor(words: readonly string[]): boolean {
  return words.some((word) => VENDOR_KEY_WORDS.has(word));
}
// Such names as who reported, in a sentence: `Kaspersky discovered`, `FireEye researchers noted`, `Palo Alto Networks and
// IBM confirm`, `Check Point Research, Palo Alto Networks, and IBM — have confirmed`, `according to ESET`.
const REPORTING_VERB = '(?:confirm|report|observ|found|discover|notic|note|said|say|attribut|assess|identif|track|publish|describ|detect|warn|reveal|uncover|disclos|link)';
const REPORTER = new RegExp(
  `\\baccording to\\s+${VENDOR_NAME}|${VENDOR_NAME}(?:\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)${VENDOR_NAME})*` +
    `(?=(?:\\s+(?:threat\\s+)?(?:intelligence\\s+)?(?:researchers?|analysts?|experts?|teams?))?\\s*[—–-]?\\s*(?:(?:have|has|had|also)\\s+)*${REPORTING_VERB})`,
  'giu',
);
// The months of a date, written out and shortened.
const MONTHS = 'january february march april may june july august september october november december';
const MONTH_ABBREVIATIONS = 'jan feb mar apr jun jul aug sep sept oct nov dec';
// Words that go with such names in a list of sources ("Check Point Research, Palo Alto Networks, IBM — Threat
// Intelligence Reports", "Arctic Wolf — Incident Analysis, March 2026"): no behaviour either.
const SOURCE_WORDS = new Set(
  (
    'and or the of by via from on in at und et y sources source references reference see also threat threats intelligence ' +
    'research researchers report reports reporting labs lab team teams blog blogs analysis analyses advisory advisories ' +
    `incident incidents security news update updates alert alerts bulletin whitepaper paper article ${MONTHS}`
  ).split(' '),
);

/** Whether a passage is only names of security vendors, their products or news sites (`ESET`, `Microsoft Defender`, a list of sources). */
export function isVendorNamesOnly(text: string): boolean {
  if (!mayNameVendor(textWords(text))) return false;
  let names = 0;
  const rest = text.replace(VENDOR, () => {
    names++;
    return ' ';
  });
  return names > 0 && textWords(rest).every((word) => SOURCE_WORDS.has(word) || /^\d+$/.test(word));
}

// A mail's greeting or sign-off, the whole passage: "Dear Team,", "Hi all", "Best regards,", "Thanks".
const SALUTATION = /^(?:(?:dear|hi|hello|hey|greetings)(?:\s+[\p{L}.'’-]+){0,4}|(?:(?:best|kind|warm|warmest|many)\s+)?(?:regards|thanks)(?:\s+(?:again|all|team))?|thank you(?:\s+(?:all|again))?|sincerely|cheers)\s*[,.!:]?$/iu;

/** Whether a passage is only a mail's greeting or sign-off (`Dear Team,`, `Best regards,`). */
export function isSalutation(text: string): boolean {
  return SALUTATION.test(text.trim());
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
const HEADING_MARK = /^\s*(?:#{1,6}|={1,6})\s+/;
const LABEL = /^[^.!?。]*:$/u;

/**
 * Whether a passage is a heading or a label of a report's structure (`REPORT_WORDS`): its words are such words and
 * names (no common English word, as `CeranaKeeper`, `ATT&CK`), at least one of them a report word. A heading has a
 * Markdown or AsciiDoc mark; a label ends with a colon and holds no sentence.
 */
export function isReportStructure(text: string): boolean {
  const heading = HEADING_MARK.test(text);
  if (!heading && !LABEL.test(text.trim())) return isIocHeading(text);
  const words = textWords(text.replace(HEADING_MARK, '').replace(LIST_MARK, '')).filter(isContentWord);
  return words.some((word) => REPORT_WORDS.has(word)) && words.every((word) => REPORT_WORDS.has(word) || !isCommonEnglishWord(word));
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

// Advice to defenders, as advisories give it (a "Mitigations" list, "Organizations should enable MFA"): what to guard
// against, not what an adversary did. An imperative at the start (after a list mark, and an adverb such as
// "Regularly"), but not a noun (`Use of common malware`, `Review of logs`); defenders as the subject of "should";
// "we recommend", "it is recommended". "Users should not have been able to ..." says what went wrong, not what to do.
// A sentence about the actor ("The actor disabled MFA") is none of these.
const ADVICE_VERB =
  'ensure|enable|implement|apply|patch|update|upgrade|monitor|restrict|limit|consider|review|prevent|avoid|require|enforce|' +
  'configure|deploy|audit|educate|train|maintain|establish|adopt|segment|harden|back up|verify|validate|rotate|prioriti[sz]e|' +
  'protect|adhere|utili[sz]e|use|employ|follow|keep|disallow|mandate|instruct|encourage|never|do not|don[’\']t';
// A list mark before the imperative; the word after it is written with a capital (a wrapped line of a sentence,
// `update SSL certificates. Equifax developed`, is no imperative).
const LIST_MARK = /^\s*(?:[-*•●■◆▪‣・]\s*|\d{1,2}[.)]\s+)?/;
const IMPERATIVE = new RegExp(
  `^(?:(?:regularly|continuously|always|periodically|immediately|also|then)\\s+)?(?:${ADVICE_VERB})\\b(?!\\s+of\\b|\\s*[:\\-–—]|\\s*$)`,
  'i',
);
const DEFENDERS_SHOULD =
  /\b(?:organi[sz]ations?|administrators?|admins?|defenders?|users?|companies|enterprises|entities|customers|businesses|msps?|service providers|teams?|you|we)\s+(?:should(?!\s+(?:not\s+)?have\b)|ought to|are (?:strongly )?(?:advised|encouraged|urged))\b/i;
const RECOMMEND =
  /\b(?:we|i|cisa|fbi|nsa|ncsc|agencies|authors?)\s+(?:strongly\s+|also\s+|highly\s+)?(?:recommend|advise|encourage|urge)s?\b|\b(?:it is|is|are)\s+(?:strongly\s+|highly\s+)?(?:recommended|advised|advisable)\b|^\s*(?:recommendations?|mitigations?)\s*:/i;
// Japanese advice: a request to the reader (〜してください, but not ご覧ください or 参照してください, "see ...") or a
// recommendation (推奨).
const ADVICE_JA = /(?<!ご覧|参照して)(?:ください|下さい)|推奨/;

/** Whether a passage advises defenders (see ADVICE_VERB and the patterns after it) rather than saying what an adversary did. */
export function isAdvice(text: string): boolean {
  const start = text.replace(LIST_MARK, '');
  return (/^\p{Lu}/u.test(start) && IMPERATIVE.test(start)) || DEFENDERS_SHOULD.test(text) || RECOMMEND.test(text) || ADVICE_JA.test(text);
}

/**
 * A text without the names of the vendors that reported what it says (`REPORTER`): who reported says nothing of what
 * was done, and their names match ATT&CK's texts about their products ("Palo Alto Networks" and a procedure example
 * exploiting a Palo Alto Networks appliance). A name that is no reporter (`a Fortinet VPN appliance`) is kept.
 */
export function withoutReporters(text: string): string {
  return mayNameVendor(textWords(text)) ? text.replace(REPORTER, ' ') : text;
}

// One or more Markdown links and nothing else beside a list or heading mark, as a site's menu (`+ [Email & Spam
// Trends](https://...)`, and items whose lines were joined: `+ [Threat Source Newsletter](...) + [Beers with Talos
// Podcast](...)`), a post's category (`[ransomware](/category/ransomware/)`) or its "Related posts" and "Previous
// post" links (`[Previous Post ...](...)[Next Post ...](...)`) are scraped: the titles of other pages.
const LINKS_ONLY = /^\s{0,8}(?:#{1,6}\s{1,4})?(?:(?:[-*+•]\s{1,4})?\[[^\]\n]{0,300}\]\([^()\s]{0,600}\)\s{0,4})+$/;

/** Whether a passage is only links (a menu item, a category, a list of other posts), no sentence of the report's own. */
export function isLinksOnly(text: string): boolean {
  return text.length <= 4000 && LINKS_ONLY.test(text);
}

// A site's menu scraped into one line runs its items together, no space between them (ESET's `TIPS & ADVICEBUSINESS
// SECURITYESET RESEARCHAbout ESET ResearchBlogpostsPodcastsWhite papersThreat reports…`). Where two items meet, a
// lower-case letter is followed by a capital, or capitals by a capitalised word (`RESEARCHAbout`); names of API
// functions do that too (`VirtualAllocEx`), but an item of several words glued to the next begins a word in lower
// case (`papersThreat`, `onlineSocial`), which a name of a function does not, and a menu has no sentence's marks.
// Latin letters only (what suggest ranks): without Unicode classes, the joints of a passage are counted 30 times faster.
const GLUE = /[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]|[A-ZÀ-ÖØ-Þ]{2}[a-zß-öø-ÿ]{2}/g;
const LETTER_TOKEN = /(?<!\S)\p{L}+(?!\S)/gu;
const SENTENCE_MARKS = /[.,;!?()]/;
const MIN_GLUE = 6;
const MIN_GLUED_ITEMS = 3;

/** Whether a passage is a site's menu glued into one line (`GLUE`): many items run together, several of them of more than one word. */
export function isGluedMenu(text: string): boolean {
  // Most passages are a sentence, or have few joints: passed over before the tokens are read.
  return text.length >= 40 && !SENTENCE_MARKS.test(text) && (text.match(GLUE)?.length ?? 0) >= MIN_GLUE && gluedItems(text);
}

/** Whether a text runs many items together (`GLUE`), several of them of more than one word. */
function gluedItems(text: string): boolean {
  let glue = 0;
  let items = 0;
  // Only tokens of letters: a hash or an ssdeep digest (`49152:9lDeYNeYunc…`) is no menu.
  for (const [token] of text.matchAll(LETTER_TOKEN)) {
    const joints = token.match(GLUE)?.length ?? 0;
    glue += joints;
    if (joints && /^[a-zß-öø-ÿ]/.test(token)) items++;
  }
  return glue >= MIN_GLUE && items >= MIN_GLUED_ITEMS;
}

// A whole page scraped into one line glues its menu to the article's first sentence (Kaspersky's press release: `…|
// KasperskySkip to main contentSolutions for:Home ProductsSmall Business 1-50 employees…Corporate NewsFebruary 18,
// 2020New AZORult campaign abuses popular VPN service to steal cryptocurrencyKaspersky researchers have detected an
// unusual malicious campaign…`): the text before the passage's first sentence's end, up to its last joint of a
// lower-case letter and a capital, is the menu when it runs items together as a glued menu does (`gluedItems`). The
// sentence after it is read.
const LOWER_UPPER = /[a-zß-öø-ÿ](?=[A-ZÀ-ÖØ-Þ])/g;
const SENTENCE_END = /[.!?;]/;

/** A passage without the site's menu glued before its first sentence (see LOWER_UPPER), or the passage as it is. */
export function withoutGluedMenu(text: string): string {
  const end = text.search(SENTENCE_END);
  const head = end < 0 ? text : text.slice(0, end);
  // Most passages have no such joint before their first sentence's end, or few: passed over before the tokens are read.
  if (head.length < 40 || !GLUE_JOINT.test(head) || (head.match(GLUE)?.length ?? 0) < MIN_GLUE) return text;
  let cut = 0;
  for (const joint of head.matchAll(LOWER_UPPER)) cut = joint.index + 1;
  return cut && gluedItems(head.slice(0, cut)) ? text.slice(cut) : text;
}

// A breadcrumb: where a page stands in its site, from its home page on (`Home > Blog > Threat Research`, `Home /
// Research /`, Sekoia's `Accueil » Research & Threat Intelligence » TURLA’s new phishing-based reconnaissance
// campaign…`). Its last part may be the post's title; the parts between are a few words each. A slash sets parts apart
// only with a space beside it (`Home/office routers` is no breadcrumb).
const BREADCRUMB_HOME = /^(?:home|accueil|inicio|início|startseite|главная)(?:\s*[>»›|]|\s+\/)/iu;
const BREADCRUMB_APART = /\s*[>»›|]\s*|\s+\/\s*|\s*\/\s+|\s*\/$/u;
const MAX_BREADCRUMB_PART = 40;

/** Whether a passage is a breadcrumb (`Home > Blog > Threat Research`): the page's place in its site, no behaviour. */
export function isBreadcrumb(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 300 || !BREADCRUMB_HOME.test(trimmed)) return false;
  const parts = trimmed.split(BREADCRUMB_APART).filter(Boolean);
  const title = parts.at(-1)!;
  return (
    parts.length >= 2 &&
    parts.slice(1, -1).every((part) => part.length <= MAX_BREADCRUMB_PART && !/[.!?;:]/.test(part)) &&
    !/[.!]$|[.!?]\s/.test(title)
  );
}

// The words of a web page's furniture, as a scraped page keeps it around the post: the cookie banner ("Manage
// Cookies"), legal links ("Privacy Policy", "Terms and conditions", "Copyright © ESET, All Rights Reserved"), share
// buttons ("Share this post:", BleepingComputer's "Follow us:"), newsletter boxes ("Sign up for our newsletters", "Let us keep you up to date"), lists
// of other posts ("Related Articles", "Previous Blog Post"), the reading time ("May 27, 2026 · 11 min read"), log-in
// and contact links. A passage made only of them (with vendor names, numbers, dates) says nothing of an attack; one
// word that is none of them ("Share the VPN credentials") makes it read.
const FURNITURE_WORDS = new Set(
  (
    'cookie cookies consent preferences manage privacy policy policies terms conditions legal information imprint ' +
    'copyright rights reserved share sharing article articles post posts blog blogs related similar recent popular ' +
    'previous next subscribe subscription newsletter newsletters sign signup login logout log register contact ' +
    'sitemap rss feed skip main content read reading later also stay tuned comments comment closed link copied ' +
    'learn more request demo free trial facebook twitter linkedin youtube instagram reddit min mins minute minutes ' +
    'keep date let about follow'
  ).split(' '),
);
// Small words that go with them ("Sign up for our newsletters", "Skip to main content"), and the months of a date.
const FURNITURE_GLUE = new Set(
  (
    `the a an and or to for of our your you us we with on in this it up out at by all is are be ${MONTHS} ${MONTH_ABBREVIATIONS}`
  ).split(' '),
);

/**
 * Whether a text's words, without vendors' names, are all of a kind (`kind`, at least one of them), small words that go
 * with them (`glue`) or numbers.
 */
function madeOfWords(text: string, kind: ReadonlySet<string>, glue: ReadonlySet<string> = new Set()): boolean {
  // Taking vendor names out only takes words away: a text without a word of the kind has none after, and one without
  // a vendor's word is left as it is (the names' regular expression runs on few passages: mayNameVendor).
  const all = textWords(text);
  if (!all.some((word) => kind.has(word))) return false;
  const words = mayNameVendor(all) ? textWords(text.replace(VENDOR, ' ')) : all;
  return words.some((word) => kind.has(word)) && words.every((word) => kind.has(word) || glue.has(word) || /^\d+$/.test(word));
}

/** Whether a passage is only a web page's furniture (cookies, legal links, share buttons, newsletter, other posts). */
export function isPageFurniture(text: string): boolean {
  return text.length <= 300 && madeOfWords(text, FURNITURE_WORDS, FURNITURE_GLUE);
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
// rule's fields (`status: experimental`, `author: Florian Roth`, `**Severity**: high`, `// creation_date = "2021/01/27"`),
// an indicator's label (`MD5: …`). Keys as written lower-cased, their words joined by `_` (`Risk score`: `risk_score`).
// Each key says what its value may be, so that a value that says more is read (`Source: a phishing email`, `Status:
// exfiltrated to the actor's server`): an address, an ID, a number or a date (no word but months: `date: March 3,
// 2025`); a level or a kind (one or two words: `experimental`, `high`, `eql`); names (capitalised: `Florian Roth`,
// `Threat Intelligence Team`). A title, a description or a summary is the text's own, and a field of a behaviour
// (`Persistence:`) is read.
const METADATA_KEYS: ReadonlyMap<string, 'address or date' | 'level' | 'names'> = new Map([
  ...(
    'id uuid guid document_id schema_version version rule_id content_hash md5 sha1 sha256 source_id date created modified ' +
    'updated creation_date updated_date published published_at publish_date first_seen_at last_seen_at fetched_at ' +
    'fetch_date timestamp risk_score source url canonical_url link permalink'
  )
    .split(' ')
    .map((key) => [key, 'address or date'] as const),
  ...'status level severity maturity tlp lang language layout draft toc comments rule_type'.split(' ').map((key) => [key, 'level'] as const),
  ...'author authors company company_key license'.split(' ').map((key) => [key, 'names'] as const),
]);
// A field: a key (a list mark, a comment's `//` or bold marks around it) and `:` or `=`, at a passage's start or after
// the previous field's value (`// rule_id = "…" // severity = "medium"`, fields joined by the passage's lines).
const METADATA_FIELD = /(?:^|\s)(?:\/\/\s*|[-*+]\s+)?(?:\*\*|__)?([A-Za-z]\w*(?:[ -][A-Za-z]\w*)?)(?:\*\*|__)?\s?[:=](?:\*\*|__)?(?=\s|$)/gu;
// How many words a level has at most, and names (`Joseliyo Sanchez, @Joseliyo_Jstnk`).
const MAX_LEVEL_WORDS = 2;
const MAX_NAMES_WORDS = 6;

/** Whether a field's value is what its key says it may be (`METADATA_KEYS`). */
function isMetadataValue(kind: 'address or date' | 'level' | 'names', value: string): boolean {
  // Words with digits are IDs, versions, hashes and dates.
  const words = textWords(withoutIndicators(value)).filter((word) => !/\d/.test(word));
  if (kind === 'address or date') return words.every((word) => DATE_WORDS.has(word));
  if (kind === 'level') return words.length <= MAX_LEVEL_WORDS;
  return words.length <= MAX_NAMES_WORDS && !/(?:^|[\s,"'[(])\p{Ll}/u.test(value.replace(/\band\b/g, ''));
}

/** Whether a passage is only fields of metadata (`METADATA_KEYS`), each with its kind of value: a source, a date, an ID, a status, an author. */
export function isMetadataFields(text: string): boolean {
  if (text.length > 400 || (!text.includes(':') && !text.includes('='))) return false;
  const fields = [...text.matchAll(METADATA_FIELD)];
  if (fields[0]?.index !== 0) return false;
  return fields.every((field, i) => {
    const kind = METADATA_KEYS.get(field[1]!.replace(/(\p{Ll})(\p{Lu})/gu, '$1_$2').toLowerCase().replace(/[ -]/g, '_'));
    return kind !== undefined && isMetadataValue(kind, text.slice(field.index + field[0].length, fields[i + 1]?.index ?? text.length));
  });
}

// A byline: who wrote a post, and when. Its parts are set apart by a middle dot, a bar, a bullet or a dash ("Jane Doe
// · 5 min read · March 3, 2025"); one is the authors, after "By" or not, the others a date or a reading time.
const BYLINE_PARTS = /\s+[·|•—–-]\s+/u;
const BY = /^(?:(?:written|posted|published)\s+)?by\s+|^authors?:\s*/iu;
// The authors are people and research teams, set apart by commas, "and" and "&" (not inside brackets).
const AUTHORS_APART = /(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?![^()]*\))/u;
// A team's words, and the words one of them must have ("the Proofpoint Threat Research Team", "Unit 42"; an acronym
// expanded in brackets: "TDR (Threat Detection & Research)").
const TEAM_WORDS = new Set('threat threats research researchers intelligence detection response incident team teams labs lab unit analysis analysts center centre hunting and'.split(' '));
const TEAM_KEY_WORDS = new Set('team teams research researchers labs lab unit'.split(' '));
const BRACKETS = /\s*\([^()]{0,80}\)/gu;
// A person's name: two to four words, each a capitalised word (`Aimé`, `O’Brien`), an initial (`C.`) or a particle
// (`Pierre Le Bourhis`, `van der Berg`).
const NAME_PARTICLES = 'de da di du del la le van von der den bin al'.split(' ');
const NAME_WORD = new RegExp(`^(?:\\p{Lu}[\\p{Ll}’'-]*\\p{Ll}|\\p{Lu}\\.|${NAME_PARTICLES.join('|')})$`, 'u');
// A date or a reading time: months, days, numbers and these words ("5 min read", "Updated March 3, 2025").
const DATE_WORDS = new Set(
  (
    `${MONTHS} ${MONTH_ABBREVIATIONS} monday tuesday wednesday thursday friday saturday sunday min mins minute minutes ` +
    'read reading updated update last published posted on at am pm utc gmt'
  ).split(' '),
);

// The words in lower case a byline may have: the others are capitalised names, teams, months and numbers.
const BYLINE_LOWER_WORDS = new Set([...DATE_WORDS, ...'and by the written posted published'.split(' '), ...NAME_PARTICLES]);
// A word in lower case (Latin letters: what suggest ranks); without Unicode classes, read fast.
const LOWER_WORD = /(?:^|[^A-Za-zÀ-ÖØ-öø-ÿ0-9’'-])([a-zß-öø-ÿ]+)/g;

/** Whether a passage is a byline: authors after "By", or authors with a research team, a date or a reading time. */
export function isByline(text: string): boolean {
  if (text.length > 200 || !/^\p{Lu}/u.test(text)) return false;
  // A sentence has a word in lower case that no byline has ("sent", "used"): passed over at the first.
  LOWER_WORD.lastIndex = 0;
  for (let word = LOWER_WORD.exec(text); word; word = LOWER_WORD.exec(text)) if (!BYLINE_LOWER_WORDS.has(word[1]!)) return false;
  const parts = text.trim().split(BYLINE_PARTS);
  const dates = parts.filter((part) => onlyDateWords(textWords(part)));
  const authors = parts.filter((part) => !dates.includes(part));
  if (authors.length !== 1) return false;
  const by = BY.exec(authors[0]!);
  let team = false;
  const people = authors[0]!.slice(by?.[0].length ?? 0).split(AUTHORS_APART);
  const named = people.every((item) => {
    if (isTeam(item)) return (team = true);
    // Without "By", a name has a word that is no common English word ("Cobalt Strike" is a tool); after it, no verb's
    // form ("By Exploiting Public-Facing Applications" is a heading).
    if (!by) return isPersonName(item);
    const words = item.trim().split(/\s+/);
    return words.length >= 2 && words.length <= 4 && words.every((word) => NAME_WORD.test(word)) && !words.some((word) => /(?:ing|ed)$/.test(word) && isCommonEnglishWord(word));
  });
  return named && (!!by || team || dates.some((part) => textWords(part).length > 0));
}

/** Whether an author of a byline is a research team: `the Proofpoint Threat Research Team`, `TDR (Threat Detection & Research)`. */
function isTeam(item: string): boolean {
  const bracketed = [...item.matchAll(BRACKETS)].map((match) => match[0]);
  const bare = item.replace(BRACKETS, '').replace(/^\s*the\s+/i, '').trim();
  const words = textWords(mayNameVendor(textWords(bare)) ? bare.replace(VENDOR, ' ') : bare);
  const teamWords = (list: readonly string[]): boolean => list.length > 0 && list.every((word) => TEAM_WORDS.has(word)) && list.some((word) => TEAM_KEY_WORDS.has(word));
  // An acronym with its expansion in brackets.
  if (bracketed.length === 1 && /^\p{Lu}{2,6}$/u.test(bare)) return teamWords(textWords(bracketed[0]!));
  return teamWords(words);
}

// A blog's list of tags or categories: a label (`Tags`, `Categories`, `Trending topics`, `Filed under:`) and short
// entries after it, one a line (`Malware` / `Ransomware` / `Cyber Threat Intelligence`, a tag cloud scraped to text) or
// after its colon (`Tags: Malware, Ransomware, APT`). Such a word alone is read (a heading: `Ransomware`, `Credential
// Dumping`); only after the label is it a tag.
const TAG_LABEL_WORDS = new Set('tags tag topics topic trending popular categories category keywords labels filed under posted in all related'.split(' '));
const TAG_LABEL_KEY_WORDS = new Set('tags tag topics topic categories category keywords labels'.split(' '));
const TAG_LIST_APART = /\s*[,·|•]\s*/u;
// An entry: one to three words, no sentence's marks, no colon (`**Version**: 5` is a field), no heading mark.
const MAX_TAG_WORDS = 3;
const MAX_TAG_LENGTH = 40;
// How many entries a list has at most: a longer run of short passages is more than a tag cloud.
const MAX_TAGS = 40;

/** Whether a text is an entry of a list of tags: one to three words, beside a list mark. */
function isTagEntry(text: string): boolean {
  if (text.length > MAX_TAG_LENGTH || /[.!?;:]/.test(text) || HEADING_MARK.test(text)) return false;
  const words = textWords(text).length;
  return words >= 1 && words <= MAX_TAG_WORDS;
}

/** A list of tags' label and what follows its colon (`Tags: a, b` gives `a, b`; `Trending topics` gives ''), or undefined. */
function tagLabelRest(text: string): string | undefined {
  if (text.length > 300) return undefined;
  const colon = text.indexOf(':');
  const label = colon < 0 ? text : text.slice(0, colon);
  if (label.length > 30) return undefined;
  const words = textWords(label);
  if (!words.some((word) => TAG_LABEL_KEY_WORDS.has(word)) || !words.every((word) => TAG_LABEL_WORDS.has(word))) return undefined;
  return colon < 0 ? '' : text.slice(colon + 1).replace(/^[*_\s]+/, '');
}

/**
 * The passages (by index) that are a list of tags or categories: a label and its entries on the same passage, or a
 * label alone and the entries (`isTagEntry`) that follow it, up to MAX_TAGS, empty passages (`--lines`) passed over.
 */
export function tagListPassages(texts: readonly string[]): Set<number> {
  const tags = new Set<number>();
  for (let i = 0; i < texts.length; i++) {
    const rest = tagLabelRest(texts[i]!.trim());
    if (rest === undefined) continue;
    if (rest) {
      if (rest.split(TAG_LIST_APART).every((entry) => !entry || isTagEntry(entry))) tags.add(i);
      continue;
    }
    tags.add(i);
    let entries = 0;
    for (let j = i + 1; j < texts.length && entries < MAX_TAGS; j++) {
      if (!texts[j]!.trim()) continue;
      if (!isTagEntry(texts[j]!.replace(LIST_MARK, ''))) break;
      tags.add(j);
      entries++;
      i = j;
    }
  }
  return tags;
}

// A site's menu saved one item a line (Proofpoint's `Products` / `Solutions` / `Partners` / `Resources` / `Company`, then
// its products `Email Protection` / `Cloud Security` / `Threat Response`; Threatpost's `Podcasts` / `Malware` /
// `Webinars`): short lines of capitalised words, no sentence, in a run. Such a line alone is read (a heading: `Lateral
// Movement`, `Email Collection`), and so is a run of them (a list of techniques, a table's cells one a line); only a run
// that names the site's parts is a menu: at least MIN_NAV_ITEMS of its items are made only of NAV_WORDS (and the words of
// a page's furniture), which name no behaviour.
const NAV_WORDS = new Set(
  (
    'home products product solutions solution partners partner resources resource company support login contact contacts ' +
    'careers blog blogs news events webinars webinar podcasts podcast pricing customers customer stories industries ' +
    'services downloads download forums forum community glossary sitemap press center centre account accounts platform ' +
    'videos topics topic categories tags latest featured popular tutorials faq help deals view show search menu close ' +
    'business personal overview library english deutsch español français italiano português'
  ).split(' '),
);
const NAV_ITEM_WORDS = new Set([...NAV_WORDS, ...FURNITURE_WORDS]);
const MIN_NAV_ITEMS = 2;
const MIN_MENU_ITEMS = 4;
const MAX_MENU_ITEM_LENGTH = 60;
const MAX_MENU_ITEM_WORDS = 6;
// An item: no sentence's marks but a call's `!` at its end (BleepingComputer's `Send us a Tip!`), no colon (`Tags:`
// labels, `Author: …`), no quote, a comma only in brackets (`English (Europe, Middle East, Africa)`).
const NOT_MENU_ITEM = /[.!?;:"“”…|#[\]]/;
// Its words begin with a capital or a digit (or are of a script without capitals: `日本語`), a word such as `eLearning`
// or `iOS` too, or are small words that go between (`Solutions by Topic`, `Find a Partner`).
const MENU_ITEM_WORD = /^(?:[\p{Lu}\p{N}&+/(-]|\p{Ll}\p{Lu}|(?:and|of|for|by|in|on|to|the|a|an|or|with|your|our|my|us|all|&)$)|^[^\p{Lu}\p{Ll}]*\p{Lo}/u;
// A menu item glued to its blurb by scraping (`Premium ServicesLeverage proactive expertise….`, `BlogKeep up with the
// latest news….`): an item, then a capital right after its last letter, and a sentence's end (a title with a name in
// it, `ProLock ransomware increases payment demand`, has none).
// Its prefilter, with Latin letters (what suggest ranks; without Unicode classes, read fast).
const GLUE_JOINT = /[a-zß-öø-ÿ0-9)][A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]/;
const GLUED_ITEM = /^([^.!?;:"“”…|#[\]]{1,60}?[\p{Ll}\p{N})])(?=\p{Lu}\p{Ll})/u;

/** Whether a text is an item of a menu: a few capitalised words, no sentence (`Cloud Security`, `English (Americas)`). */
function isMenuItem(text: string): boolean {
  if (text.length > MAX_MENU_ITEM_LENGTH || NOT_MENU_ITEM.test(text.replace(/!$/, '')) || text.replace(BRACKETS, '').includes(',')) return false;
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= MAX_MENU_ITEM_WORDS && words.every((word) => MENU_ITEM_WORD.test(word));
}

// A menu's section may list other posts by their titles (BleepingComputer's `News` / `Featured` / `Latest` / `Microsoft:
// New critical Exchange bug exploited as zero-day` / `Turla hackers backdoor NGOs with new TinyTurla-NG malware` / …
// `Tutorials`): a headline (capitalised, no sentence's end) in a run, one of whose last HEADLINE_AFTER_NAV members names
// the site's parts or is a headline (a title may be shaped as an item: `CryptoLocker Ransomware Information Guide and
// FAQ`). Such a title alone is read, and so is one at a run's end (the post's own title after the menu).
const HEADLINE_AFTER_NAV = 3;
const MAX_HEADLINE = 150;

/** Whether a text is shaped as a post's title: capitalised, at most MAX_HEADLINE characters, no sentence's end or colon at its end. */
function isHeadline(text: string): boolean {
  return text.length <= MAX_HEADLINE && /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?;]\s|[.,;:]$|[|#]/.test(text);
}

/**
 * The passages (by index) that are a site's menu saved one item a line: runs of items (`isMenuItem`; an item glued to
 * its blurb, with the blurb's other sentences on its line, inside a run but not at its end; headlines of other posts
 * after its sections' items, inside a run but not at its end) of at least MIN_MENU_ITEMS items, MIN_NAV_ITEMS of them
 * naming the site's parts (`NAV_WORDS`). Empty passages (`--lines`) are passed over.
 */
export function menuRunPassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const menu = new Set<number>();
  // Each member of the run: an item (glued to its blurb or not) and whether it names the site's parts, a sentence of
  // the blurb before it, or a headline.
  let run: { index: number; item: boolean; glued: boolean; nav: boolean; headline?: true }[] = [];
  const close = (): void => {
    if (!run.length) return;
    // A post's first paragraph glued to its heading may follow a menu: a run does not end with a glued item.
    while (run.length && (run.at(-1)!.glued || !run.at(-1)!.item)) run.pop();
    if (run.filter((member) => member.item).length >= MIN_MENU_ITEMS && run.filter((member) => member.nav).length >= MIN_NAV_ITEMS) {
      for (const member of run) menu.add(member.index);
    }
    run = [];
  };
  passages.forEach((passage, i) => {
    const text = passage.text.trim();
    // A line without letters (a phone number in a menu) neither ends a run nor is listed by sentence.
    if (!/\p{L}/u.test(text)) return;
    const item = isMenuItem(text);
    // A glued item's joint is within its first MAX_MENU_ITEM_LENGTH characters: most sentences have none.
    const glued = item || text.length > 400 || !'.!?'.includes(text.at(-1)!) || !GLUE_JOINT.test(text.slice(0, MAX_MENU_ITEM_LENGTH + 2)) ? undefined : GLUED_ITEM.exec(text)?.[1];
    if (item || (glued !== undefined && isMenuItem(glued))) {
      run.push({ index: i, item: true, glued: glued !== undefined, nav: madeOfWords(glued ?? text, NAV_ITEM_WORDS, FURNITURE_GLUE) });
      return;
    }
    // The blurb's other sentences, on the glued item's line.
    const last = run.at(-1);
    if (last && (last.glued || (!last.item && !last.headline)) && passages[last.index]!.line === passage.line) run.push({ index: i, item: false, glued: false, nav: false });
    else if (run.slice(-HEADLINE_AFTER_NAV).some((member) => member.nav || member.headline) && isHeadline(text)) run.push({ index: i, item: false, glued: false, nav: false, headline: true });
    else close();
  });
  close();
  return menu;
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
 * that passage or the next) to the passage where its braces close, within MAX_RULE_PASSAGES: its meta fields of any key
 * (`os = "windows"`), its strings, its condition. A rule whose braces do not close is left to the passages' own checks.
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
          for (let k = i; k <= j; k++) if (/\p{L}/u.test(passages[k]!.text)) rules.add(k);
          i = j;
        }
        break;
      } else if (j > i) break;
    }
  }
  return rules;
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

// A list of other posts under its label, as a scraped page ends (BleepingComputer's `You may also like:` / `Popular
// Stories` / `Hackers used new Windows Defender zero-day to drop DarkMe malware`, Securelist's `From the same authors`,
// Threatpost's `Suggested articles`): the titles of other posts, their dates, authors and sections, and their teasers.
// A title names a behaviour as a sentence does; only after such a label is it another post's. The label may be a
// heading (BleepingComputer's page saved as Markdown: `### Related Articles:`), and the titles after it may be glued into
// one line by scraping (`…ransomware attack claimsNew RustDoor macOS malware impersonates Visual Studio updateMGM…`).
const RELATED_LABEL =
  /^(?:related(?:\s+(?:articles?|posts?|content|stories|reading|news))?|read\s+(?:also|next)|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|suggested\s+(?:articles?|posts?|reading)|recommended\s+(?:articles?|posts?|reading|for\s+you)|popular\s+(?:stories|posts|articles)|(?:latest|recent|more)\s+(?:posts|articles|stories)|from\s+the\s+same\s+authors?|in\s+the\s+same\s+category)\s*:?\s*/iu;
const MAX_RELATED_ENTRY = 300;
const MAX_RELATED = 60;
// Where two titles glued together meet: a letter in lower case, a digit or a bracket, then a capitalised word.
const TITLES_JOINT = /(?<=[\p{Ll}\p{N})])(?=\p{Lu}\p{Ll})/u;

/**
 * What a text is in a list of other posts: a date or an author (`'byline'`: `January 11, 2021`, `Stan Kaminsky`), a
 * title or a section (`'entry'`: no sentence's end), a teaser (`'teaser'`: a sentence), or none of them.
 */
function relatedEntry(text: string): 'byline' | 'entry' | 'teaser' | undefined {
  if (HEADING_MARK.test(text)) return undefined;
  // Titles glued into one line are each a title.
  if (text.length > MAX_RELATED_ENTRY) return text.split(TITLES_JOINT).every((title) => title.length <= MAX_RELATED_ENTRY && relatedEntry(title) === 'entry') ? 'entry' : undefined;
  // A teaser is a sentence or two; a title may end with `?`, or with `!` (Securelist's `Targeted ransomware: it’s not just
  // about encrypting your data!`) when it is a headline.
  if (/[.!]["”’)]?$|[.!?]\s/.test(text) && !(text.endsWith('!') && isHeadline(text.slice(0, -1)))) return 'teaser';
  if (/[;:]$/.test(text)) return undefined;
  return isPersonName(text) || isDate(text) ? 'byline' : 'entry';
}

/**
 * The passages (by index) that are a list of other posts: a label (`RELATED_LABEL`, maybe a heading; entries on its
 * passage after it too) and the entries after it (`relatedEntry`), up to MAX_RELATED. A teaser (with the other
 * sentences on its line) follows an entry and is kept only when a date or an author follows it, as each post of such a
 * list has one: a section's heading and its paragraph after the label (the report's own text) end the list. Passages
 * without letters (empty ones with `--lines`) are passed over.
 */
export function relatedPostsPassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const related = new Set<number>();
  for (let i = 0; i < passages.length; i++) {
    const labelText = passages[i]!.text.trim().replace(HEADING_MARK, '');
    const found = RELATED_LABEL.exec(labelText);
    if (!found) continue;
    const label = i;
    const rest = labelText.slice(found[0].length);
    if (rest && relatedEntry(rest) !== 'entry' && relatedEntry(rest) !== 'byline') continue;
    related.add(i);
    // The teasers read since the last entry, kept when a date or an author follows them.
    let teasers: number[] = [];
    let entries = 0;
    // The passage read before, with letters.
    let previous = label;
    for (let j = i + 1; j < passages.length && entries < MAX_RELATED; j++) {
      const text = passages[j]!.text.trim();
      // A line without letters (a separator, a count of comments) is passed over.
      if (!/\p{L}/u.test(text)) continue;
      const kind = relatedEntry(text);
      const after = previous;
      previous = j;
      if (kind === 'teaser' && (teasers.length === 0 ? after !== label && related.has(after) : passages[after]!.line === passages[j]!.line)) {
        teasers.push(j);
        continue;
      }
      if (kind === undefined || kind === 'teaser' || (teasers.length && kind !== 'byline')) break;
      for (const teaser of teasers) related.add(teaser);
      teasers = [];
      related.add(j);
      entries++;
      i = j;
    }
  }
  return related;
}

// A byline with neither "By", a team nor a date on its line: scraped pages set the authors on lines of their own, under
// a label (Securelist's `Authors` / `Dmitry Bestuzhev`) or beside the post's date (Kaspersky's blog: `Pavel Shoshin` /
// `April 9, 2019`). A person's name alone is read (it may be a tool's: `Brute Ratel`); beside those, it is a byline.
const AUTHOR_LABEL = /^(?:authors?|author\(s\)|written by|posted by|about the authors?)\s*:?$/i;
const MAX_AUTHORS = 10;
const MAX_AUTHOR_LINE = 60;

/** Whether a text is a person's name: two to four capitalised words or initials, one of them no common English word. */
function isPersonName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 4 && words.every((word) => NAME_WORD.test(word)) && words.some((word) => !isCommonEnglishWord(word.replace(/[’'.-]/g, '')));
}

/** Whether a text is only a date (`April 9, 2019`, `18 Feb 2020`): a date's words and at least one number. */
function isDate(text: string): boolean {
  const words = textWords(text);
  return words.some((word) => /^\d+$/.test(word)) && onlyDateWords(words);
}

/** Whether words are only a date's words and numbers (`april`, `9`, `2019`; none at all too). */
function onlyDateWords(words: readonly string[]): boolean {
  return words.every((word) => DATE_WORDS.has(word) || /^\d+$/.test(word));
}

/**
 * The passages (by index) that are bylines on lines of their own: an author label (`AUTHOR_LABEL`) and the persons'
 * names after it (up to MAX_AUTHORS), and a person's name right before or after a date. Passages without letters (empty
 * ones with `--lines`) are passed over.
 */
export function bylinePassages(passages: readonly { text: string }[]): Set<number> {
  const bylines = new Set<number>();
  // The passage with letters next to one, before it (`step` -1) or after it.
  const beside = (from: number, step: number): number | undefined => {
    for (let i = from + step; i >= 0 && i < passages.length; i += step) if (/\p{L}/u.test(passages[i]!.text)) return i;
    return undefined;
  };
  passages.forEach((passage, index) => {
    // A label or a name is short: most passages are passed over at once.
    if (passage.text.length > MAX_AUTHOR_LINE) return;
    const text = passage.text.trim();
    if (AUTHOR_LABEL.test(text)) {
      bylines.add(index);
      for (let next = beside(index, 1), names = 0; next !== undefined && names < MAX_AUTHORS && isPersonName(passages[next]!.text); next = beside(next, 1), names++) bylines.add(next);
    } else if (isPersonName(text) && [beside(index, -1), beside(index, 1)].some((other) => other !== undefined && isDate(passages[other]!.text))) {
      bylines.add(index);
    }
  });
  return bylines;
}
