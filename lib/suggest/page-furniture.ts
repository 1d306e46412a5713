/**
 * A web page's furniture around the post, as a scraped page keeps it: cookie banners, legal and share links, links
 * alone, breadcrumbs, and the site's menus (one item a line, or glued into one line).
 */
import { BRACKETS } from './bylines.js';
import { LINK_TARGET } from './passage-language.js';
import { textWords } from './text-terms.js';
import { MONTH_ABBREVIATIONS, MONTHS, mayNameVendor, VENDOR } from './vendor-names.js';

// One or more Markdown links and nothing else beside a list or heading mark, as a site's menu (`+ [Email & Spam
// Trends](https://...)`, and items whose lines were joined: `+ [Threat Source Newsletter](...) + [Beers with Talos
// Podcast](...)`), a post's category (`[ransomware](/category/ransomware/)`) or its "Related posts" and "Previous
// post" links (`[Previous Post ...](...)[Next Post ...](...)`) are scraped: the titles of other pages. A link may be an
// image (a logo, an advertisement's banner: The Hacker News's `[![DFIR Retainer Services](data:image/png;base64...)](https://…)`),
// and an image without a text (`![](…)`) says nothing either. An address may have a title after it
// (`[![Linux Rootkit PUMAKIT](data:image/png;base64... "Linux Rootkit PUMAKIT")](https://…)`). A link's text may run
// over several lines, a blank line among them (The Hacker News's `Trending News`: `[![Stop Alert Chaos…](data:image/svg+xml;base64... "Stop Alert Chaos…")`
// ⏎ ⏎ `Stop Alert Chaos: Context Is the Key to Effective Incident Response](https://…)`): a passage that opens with the
// rest of a link's text, no bracket in it, and its address (LINK_END) is of the link opened before it.
const ADDRESS = String.raw`\([^()\s]{0,600}(?:\s{1,4}"[^"\n]{0,300}")?\)`;
const LINK = String.raw`\[(?:!\[[^\]\n]{0,300}\]${ADDRESS}|[^\]\n]{0,300})\]${ADDRESS}|!\[\]${ADDRESS}`;
const LINK_END = String.raw`[^[\]\n]{1,300}\]${ADDRESS}\s{0,4}`;
const LINK_ITEM = String.raw`(?:[-*+•]\s{1,4})?(?:${LINK})\s{0,4}`;
const LINKS_ONLY = new RegExp(String.raw`^\s{0,8}(?:#{1,6}\s{1,4})?(?:${LINK_END}(?:${LINK_ITEM})*|(?:${LINK_ITEM})+)$`);

/** Whether a passage is only links (a menu item, a category, a list of other posts), no sentence of the report's own. */
export function isLinksOnly(text: string): boolean {
  // (Every link has `](` between its text and its address: a passage without it is passed over before LINKS_ONLY.)
  return text.length <= 4000 && text.includes('](') && LINKS_ONLY.test(text);
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
// sentence after it is read. A mark with a letter or a digit right after it ends no sentence there: Mandiant's ALPHV post
// of April 2023, scraped into one line, glues menu items that end with `New!` to their blurbs (`Proactive Exposure
// Management New!Reduce exposures before adversaries act`), before the post's title and its first sentence.
export const LOWER_UPPER = /[a-zß-öø-ÿ](?=[A-ZÀ-ÖØ-Þ])/g;
const SENTENCE_END = /[.!?;](?![\p{L}\d])/u;

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
// Scraped without its marks, a breadcrumb glues its parts to one another and to the post's title
// (BleepingComputer's `HomeNewsSecurityBlackCat ransomware hits Azure Storage with Sphynx encryptor`): the home page's
// word glued to two capitalised words or more (`HomeKit` is a name), and no sentence's end after them.
const GLUED_BREADCRUMB = /^(?:Home|Accueil|Inicio|Início|Startseite)(?:\p{Lu}\p{Ll}+){2}/u;
// A Japanese page's, the home page's word in Latin letters glued to its sections (IPA's `HOME情報セキュリティ情報セキュリティ
// 対策ウイルス対策コンピュータウイルス・不正アクセスの届出状況[2010年8月分]について`, which got Outlook Home Page 100 on
// `HOME`), no sentence's end (`。`) after it.
const GLUED_BREADCRUMB_JA = /^(?:HOME|Home)(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/u;

// A news archive's breadcrumb may begin at its section, the post's year (and month) among its parts
// (cyber.vumetric.com's `Security News > 2020 > May > Celebrity personal data taken in ransomware attack`, which got
// Impair Defenses: Disable or Modify Tools 83.8): parts set apart by `>`, `»` or `›`, one between the first and the
// last a year. A process tree (`winword.exe > cmd.exe > powershell.exe`) has none.
const DATED_APART = /\s+[>»›]\s+/u;
const YEAR_PART = /^(?:19|20)\d{2}$/;

/** Whether a text is a dated breadcrumb (`DATED_APART`, `YEAR_PART`): a section first, a year among the parts. */
function isDatedBreadcrumb(text: string): boolean {
  // (Most passages have no such mark: split by a regular expression, each was copied into an array of one.)
  // (Nor one of its marks, looked for first: a run of spaces before each word was tried as the start of one.)
  if (!(text.includes('>') || text.includes('»') || text.includes('›')) || !DATED_APART.test(text)) return false;
  const parts = text.split(DATED_APART);
  return parts.length >= 3 && /^\p{Lu}/u.test(parts[0]!) && parts.slice(1, -1).some((part) => YEAR_PART.test(part));
}

/** Whether a passage is a breadcrumb (`Home > Blog > Threat Research`): the page's place in its site, no behaviour. */
export function isBreadcrumb(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > 300) return false;
  if (GLUED_BREADCRUMB.test(trimmed)) return !/[.!?;]\s|[.!]$/.test(trimmed);
  if (GLUED_BREADCRUMB_JA.test(trimmed)) return !/[。！？]/.test(trimmed);
  if (!BREADCRUMB_HOME.test(trimmed) && !isDatedBreadcrumb(trimmed)) return false;
  const parts = trimmed.split(BREADCRUMB_APART).filter(Boolean);
  const title = parts.at(-1)!;
  return (
    parts.length >= 2 &&
    parts.slice(1, -1).every((part) => part.length <= MAX_BREADCRUMB_PART && !/[.!?;:]/.test(part)) &&
    !/[.!]$|[.!?]\s/.test(title)
  );
}

// The words of a web page's furniture, as a scraped page keeps it around the post: the cookie banner ("Manage
// Cookies"), legal links ("Privacy Policy", "Terms and conditions", "Copyright © ESET, All Rights Reserved",
// BleepingComputer's "Terms of Use - Privacy Policy - Ethics Statement - Affiliate Disclosure", Securelist's
// "Registered trademarks and service marks are the property of their respective owners." and "License Agreement"), an
// advertisement's call ("Get the whitepaper"), share buttons ("Share this post:", BleepingComputer's "Follow us:"),
// newsletter boxes ("Sign up for our newsletters", "Let us keep you up to date"), lists of other posts ("Related
// Articles", "Previous Blog Post"), the reading time ("May 27, 2026 · 11 min read"), log-in and contact links. A
// passage made only of them (with vendor names, numbers, dates) says nothing of an attack; one word that is none of
// them ("Share the VPN credentials") makes it read. A news site's call to follow it and its slogan are of them too
// (The Hacker News's `Found this article interesting?` / `Follow us on [Google News](…), [Twitter](…) and
// [LinkedIn](…) to read more exclusive content we post.`, `#1 Trusted Cybersecurity News Platform`, `Followed by 5.20+
// million`, `Contact/Tip Us`); its links' addresses are no words of it. A news photo's credit names its stock agency
// (Ars Technica's `Getty Images` under its picture, which got User Execution: Malicious Image; `Image: Shutterstock`).
// A pop-up's button and its call to join (statetechmagazine.com's `Close`, which got Search Closed Sources 100, and
// `Join the Insider Program`, Registry Run Keys 99.2), and a document site's count of views (vdocuments.mx's `0 views`,
// Remote System Discovery 100) are of them too. So is a document's handling mark, which a PDF prints on every page (the
// Dragos 2026 Year in Review as text: `Proprietary & Confidential.` after its copyright notice, Impair Defenses 100).
// So are an advertisement's slot, its label alone, and a newsletter box's call and thanks (Krebs on Security's ALPHV
// post saved as Markdown: `Advertisement`, four times, each Acquire Infrastructure: Malvertising 100; Sophos News's
// `Subscribe to get the latest updates in your inbox.` and `You’re now subscribed!`, Publish/Subscribe Protocols 100;
// ZDNET's footer `Cookie Settings |`, Steal Web Session Cookie 100, and `Advertise |`).
const FURNITURE_WORDS = new Set(
  (
    'close join views likes proprietary confidential ' +
    'cookie cookies consent preferences manage privacy policy policies terms conditions legal information imprint ' +
    'copyright rights reserved share sharing article articles post posts blog blogs related similar recent popular ' +
    'previous next subscribe subscription newsletter newsletters sign signup login logout log register contact ' +
    'sitemap rss feed skip main content read reading later also stay tuned comments comment closed link copied ' +
    'learn more request demo free trial facebook twitter linkedin youtube instagram reddit min mins minute minutes ' +
    'keep date let about follow ethics statement affiliate disclosure trademark trademarks registered respective owners ' +
    'license licence agreement whitepaper whitepapers ebook social media found interesting followed followers trusted ' +
    'getty shutterstock istock istockphoto unsplash alamy fotolia pexels pixabay depositphotos dreamstime ' +
    'advertisement advertisements advertising advertise inbox subscribed pricing guidelines'
  ).split(' '),
);
// Small words that go with them ("Sign up for our newsletters", "Skip to main content"), the months of a date, a
// news site's words that are none alone (`News`, `Platform`: a menu's item, a table's header), a credit's (`Image`,
// `Photo`: a caption), a blog's widgets' (Blogger's `Search This Blog`, `Blog Archive`, `Show all posts`), and what a
// pop-up invites to join (`Insider Program`, `Members`), and the parts of a report published as web pages that its
// share buttons name (BakerHostetler's 2023 incident response report: `Share this chapter`, which got Network Share
// Discovery 100). A call to try the product or book a demo (`Book a demo`), a news site's links below its post to its
// standards and its comment box's rules (ZDNET's `Editorial standards Show Comments`, which got Data Encoding 58, and
// `Community Guidelines Related`, Disable or Modify Tools 90), and the company that owns the site, after its copyright
// (ZDNET's `© 2024 ZDNET, A Red Ventures company. All rights reserved.`, Acquire Infrastructure: Domains 100).
const FURNITURE_GLUE = new Set(
  (
    `the a an and or to for of our your you us we with on in this it up out at by all is are be use service marks property their get select country region google news exclusive million tip cybersecurity platform image images photo photos credit stock search archive archives show showing insider insiders program programme members membership chapter chapters section page now settings re today book try editorial standards community company ${MONTHS} ${MONTH_ABBREVIATIONS}`
  ).split(' '),
);

/**
 * Whether a text's words, without vendors' names, are all of a kind (`kind`, at least one of them), small words that go
 * with them (`glue`) or numbers.
 */
export function madeOfWords(text: string, kind: ReadonlySet<string>, glue: ReadonlySet<string> = new Set()): boolean {
  // Taking vendor names out only takes words away: a text without a word of the kind has none after, and one without
  // a vendor's word is left as it is (the names' regular expression runs on few passages: mayNameVendor).
  const all = textWords(text);
  if (!all.some((word) => kind.has(word))) return false;
  const words = mayNameVendor(all) ? textWords(text.replace(VENDOR, ' ')) : all;
  return words.some((word) => kind.has(word)) && words.every((word) => kind.has(word) || glue.has(word) || /^\d+$/.test(word));
}

// A copyright notice names its holder, whoever it is (BleepingComputer's `Copyright @ 2003 - 2024 Bleeping Computer® LLC
// - All Rights Reserved`, Securelist's `© 2024 AO Kaspersky Lab. All Rights Reserved.`): the mark and a year first, then
// capitalised names, numbers and the furniture's words. A word in lower case of another kind (`© 2024 attackers …`)
// makes it read. A page scraped into one line glues the footer's links after it (Kaspersky's `© 2024 AO Kaspersky
// LabPrivacy Policy • Online Tracking Opt-Out Guide • … • License Agreement B2BContact UsAbout UsPartnersBlog…Select
// your countryGlobal`): its words are read apart where a lower-case letter meets a capital.
// A PDF's footer may lose the mark to text extraction and keep the year (the Zscaler ThreatLabz 2024 Ransomware Report
// as text: `2024 Zscaler, Inc. All rights reserved.`, which got Masquerading: Right-to-Left Override 100): a year first
// with `All rights reserved` after it is a notice too. So is the mark with no year before `All rights reserved` (the
// Dragos 2026 Year in Review as text, on every page: `© Dragos, Inc. All Rights Reserved. Proprietary & Confidential.`,
// whose first sentence got Masquerading: Right-to-Left Override 100).
const MARK = /^\s*(?:copyright\s*(?:©|\(c\)|@)?|©)/i;
const COPYRIGHT = new RegExp(`${MARK.source}\\s*\\d{4}\\b`, 'i');
const YEAR_FIRST = /^\s*\d{4}\b/;
const RIGHTS_RESERVED = /\ball rights reserved\b/i;
const MAX_COPYRIGHT = 400;
// The holder may be named by its site's address, in lower case (Intezer's footer: `© intezer.com 2024 All rights reserved`).
const SITE_NAME = /^[\p{Ll}\p{N}-]+(?:\.[\p{Ll}\p{N}-]+)*\.(?:com|net|org|io|ai|co|info)$/u;

/** Whether a passage is a copyright notice (`COPYRIGHT`): the mark, a year or `All rights reserved`, the holder's name and the furniture's words. */
function isCopyrightNotice(text: string): boolean {
  if (text.length > MAX_COPYRIGHT || !(COPYRIGHT.test(text) || ((YEAR_FIRST.test(text) || MARK.test(text)) && RIGHTS_RESERVED.test(text)))) return false;
  return text.replace(LOWER_UPPER, '$& ').split(/\s+/).every((token) => {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return !/\p{Ll}/u.test(word.charAt(0)) || FURNITURE_WORDS.has(word) || FURNITURE_GLUE.has(word) || SITE_NAME.test(word);
  });
}

// A post published again elsewhere says where it was first published (love2150.github.io's `Originally published on
// Medium: https://medium.com/@…`, which got Exfiltration Over Physical Medium 100; `This article originally appeared
// on …`): the note's words, then the site's name (capitalised), its address, a date and small words, no other sentence.
// A blog's feed says so after each post it carries (WordPress's `The post A week in security (February 21 – February
// 27) appeared first on Malwarebytes Labs.`, kept by redpacketsecurity.com's repost): the post's title between.
const SYNDICATION = /^\s*(?:this (?:article|post|story|blog post) (?:was )?)?(?:originally|first) (?:published|posted|appeared)\b/i;
const FEED_FOOTER = /^\s*the post\s.{1,300}?\sappeared first on\b/i;
const BARE_ADDRESS = /\b(?:https?:\/\/|www\.)\S+/gi;

/** Whether a passage says where the post was first published (`SYNDICATION`, `FEED_FOOTER`), and nothing else. */
function isSyndicationNote(text: string): boolean {
  const note = SYNDICATION.exec(text) ?? FEED_FOOTER.exec(text);
  if (!note) return false;
  const rest = text.slice(note.index + note[0].length).replace(LINK_TARGET, ']').replace(BARE_ADDRESS, ' ');
  if (/[.!?;]\s+\S/.test(rest)) return false;
  return rest.split(/\s+/).every((token) => {
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    return !/^\p{Ll}/u.test(word) || FURNITURE_GLUE.has(word) || FURNITURE_WORDS.has(word);
  });
}

// A blog's archive page says what it lists above the posts (cysecurity.news, a Blogger site: `Showing posts with label
// Ransomware attack.`, which got Data Encrypted for Impact 96.5; a WordPress mirror of Malwarebytes Labs: `Archive for
// author: makoadmin`; `Posts tagged ransomware`, `Category Archives: Malware`), and its footer credits the platform
// (`Powered by Blogger.`, which got Power Settings 100): a label of that shape and a name, no other sentence. A TypePad
// blog's category page counts its posts (JPCERT/CC's English blog, blog.jpcert.or.jp/jpcert_news/: `58 posts categorized
// "#JPCERT news" Feed`, which got a candidate on one word).
const ARCHIVE_HEADING = /^\s*(?:showing posts (?:with label|from|for)\b|posts tagged\b|\d+ posts? (?:categorized|tagged)\b|archives? for (?:the )?(?:(?:author|category|tag|label|month|day|year)\b|[‘'"“])|(?:author|category|tag|label|monthly|yearly|daily) archives?\s*:)/iu;
const MAX_ARCHIVE_HEADING = 120;
// The platform's credit is its name alone, up to three capitalised words (`Powered by Cobalt Strike, the implant…` is read).
const POWERED_BY = /^\s*[Pp]owered by\s+\p{Lu}[\p{L}\p{N}.-]*(?:\s+\p{Lu}[\p{L}\p{N}.-]*){0,2}\s*[.!]?\s*$/u;

/** Whether a passage is an archive page's heading (`Showing posts with label …`) or a platform's credit (`Powered by Blogger.`). */
function isArchiveHeading(text: string): boolean {
  return text.length <= MAX_ARCHIVE_HEADING && ((ARCHIVE_HEADING.test(text) && !/[.!?;]\s+\S/.test(text.trim())) || POWERED_BY.test(text));
}

// A comment box's heading may name who comments (firstxw.com's `User comments`, which got Dead Drop Resolver 78;
// `Reader comments`, `Visitors' comments`): before `comments`, that word is the furniture's (`User` alone is read).
const COMMENTERS = /\b(?:users?|readers?|visitors?|members?)['’]?(?=\s+comments\b)/giu;
// (Its word, looked for first: most passages have none, and COMMENTERS tried each word of each passage.)
const COMMENTS_WORD = /comments/iu;

// A page's call to click its banner or its picture to read more (statetechmagazine.com's `Click the banner below to
// learn more about cyber resilience.`, which got User Execution: Malicious File 99.4): `Click` first, a banner or a
// picture below or above it, then to learn or read more, subscribe or enlarge it; one sentence. A lure's `Click the
// link below to verify your account` names no banner, and is read.
const CLICK_THE_BANNER =
  /^\s*click (?:on )?(?:the|this|our) (?:banner|image|picture|graphic|infographic|ad|advertisement)s? (?:below|above)\s+(?:to (?:learn|read|find out|discover|see) more|to (?:subscribe|register|sign up|enlarge)|for more)\b[^.!?]*[.!]?\s*$/iu;

// A newsletter box's call to subscribe for what comes next, one sentence (Sophos News's `Subscribe to get the latest
// updates in your inbox.`, Publish/Subscribe Protocols 100). (`Latest` is no furniture's word: `Latest Posts` labels a
// list of other posts.)
const NEWSLETTER_CALL = /^\s*subscribe\s+(?:to|for|and)\b[^.!?]{0,80}\b(?:inbox|newsletters?|updates|news|digest)\b[^.!?]{0,40}[.!]?\s*$/iu;

// A site's appeal to its readers for support (redpacketsecurity.com, which reposts other blogs' posts: `If you like the
// site, please consider joining the telegram channel or supporting us on Patreon using the button below.`, which got
// Web Service 92.4): if they like the site or its posts, to support, follow, join or donate. One sentence, which asks
// nothing a lure asks (to download, install, click, open, run or enable something).
const SUPPORT_APPEAL =
  /^(?![^.!?]*\b(?:download|install|click|open|run|enable|execute)\w*)\s*if you (?:like|liked|enjoy|enjoyed|find|found|appreciate)\s+(?:the|this|our|my)\s+(?:site|blog|website|post|article|content|work|newsletter)\b[^.!?]{0,200}\b(?:support|supporting|donate|donating|donation|patreon|ko-fi|subscribe|subscribing|follow|following|join|joining|share|sharing)\b[^.!?]{0,200}[.!]?\s*$/iu;
// How it begins, tried first: SUPPORT_APPEAL's look-ahead reads the whole first sentence of every passage before it.
const SUPPORT_APPEAL_START = /^\s*if you /iu;
// A repost's link to the post it copies (the same site's `Original Source` after each post), alone.
const ORIGINAL_LINK = /^\s*(?:original|originally)\s+(?:source|post|article|link|story)\s*:?\s*$/iu;

// A report's note about itself, one sentence (The DFIR Report's posts saved as Markdown: `This report was previously
// provided to our All Intel customers as a Threat Actor Insight Report.`, which got File and Directory Discovery 59.4;
// `This case was first published as a Private Threat Brief for customers in April of 2024.`; `An audio version of this
// report can be found on Spotify, …`, Audio Capture 100; `If you’re interested in receiving reports like this, please
// contact us.`; `If you would like to get an email when we publish a new report, please subscribe here.`,
// Publish/Subscribe Protocols 100; `Eight new rules were created from this report and added to our Private Detection
// Ruleset.`): where it was first given to customers, its audio or video version, a call to receive the next ones, the
// rules it gave, what it does told of nothing in particular (`This blog explores its findings.`).
const REPORT_NOTES = [
  /^(?:this|the)\s+(?:report|case|post|article|research|analysis|blog(?:\s+post)?)\s+(?:was|is|has\s+been)\s+(?:first\s+|previously\s+|originally\s+|also\s+)?(?:published|provided|released|shared|made\s+available|available)\b[^.!?]*\b(?:customers?|subscribers?|clients?|members?)\b/iu,
  /^an?\s+(?:audio|video|pdf|podcast|printable)\s+version\s+of\s+this\s+(?:report|post|article|blog(?:\s+post)?|case)\b/iu,
  /^if\s+you(?:['’]re|\s+are)\s+interested\s+in\s+(?:receiving|getting|reading)\s+(?:more\s+)?(?:reports|posts|research|content|updates)\b[^.!?]*\b(?:contact|subscribe|sign\s+up|reach\s+out)\b/iu,
  /^if\s+you\s+would\s+like\s+to\s+(?:get|receive)\s+an?\s+(?:e-?mail|notification|alert)\s+when\s+we\s+publish\b/iu,
  /^[\p{L}\d-]+\s+new\s+(?:rules|detections|signatures|sigma\s+rules)\s+were\s+(?:created|written|derived)\s+from\s+this\s+(?:report|case|intrusion)\b/iu,
  // What the post does, told of nothing in particular (Darktrace's Sodinokibi post as the pages corpus stores it: `This
  // blog explores its findings.`, which got Web Service: Bidirectional Communication 98.7).
  /^this\s+(?:blog(?:\s+post)?|post|article|report|write-?up)\s+(?:explores|covers|details|describes|examines|discusses|outlines|presents|summari[sz]es|shares|reviews|analy[sz]es)\s+(?:its|our|the|these|their)\s+(?:(?:main|key|full)\s+)?(?:findings|results|observations|conclusions|insights)\s*[.!]?$/iu,
];

const MAX_REPORT_NOTE = 300;
// A sentence that names the attack in lower case (`first published by the actor … with the stolen credentials`) is the
// report's own (a product's name, `Threat Actor Insight Report`, is capitalised).
const REPORT_NOTE_ATTACK = /\b(?:actors?|attackers?|adversar\w*|malware|stolen|stole|victims?|implants?|exploit\w*|credentials?|ransomware)\b/u;

/** Whether a passage is one sentence of a report's note about itself (`REPORT_NOTES`). */
function isReportNote(text: string): boolean {
  // (Its links' addresses aside: an audio version names its podcasts' links.)
  if (!/^\s*(?:[-*+•]\s+)?(?:this|the|an?|if|[\p{L}\d-]+\s+new)\s/iu.test(text)) return false;
  const sentence = text.replace(/^\s*(?:[-*+•]\s+)?/u, '').replace(LINK_TARGET, ']').replace(/[[\]]/g, '');
  return sentence.length <= MAX_REPORT_NOTE && !/[.!?]\s+\S/.test(sentence.trim()) && !REPORT_NOTE_ATTACK.test(sentence) && REPORT_NOTES.some((note) => note.test(sentence));
}

// A page template's placeholder left unfilled (BakerHostetler's 2023 incident response report, a page of charts:
// `[title here]` above each of its stats, which got Application Window Discovery 100): a field's word or two and
// `here` (`[insert image here]`, `[Your Name Here]`) in brackets, alone.
const PLACEHOLDER = /^\s*[[{<]\s*(?:insert\s+|your\s+|add\s+)?(?:\p{L}+\s+){0,2}(?:goes\s+)?here\s*[\]}>]\s*$/iu;

// A news site's box recommending its own buying guide, set inside a post (ZDNET's BlackCat/Oiltanking post as
// GenAI-Threat-Intelligence-Research keeps it: `ZDNET Recommends The best security key While robust passwords help you
// secure your valuable online accounts, hardware-based two-factor authentication takes that security to the next
// level.`, glued after a paragraph's sentence, which got Multi-Factor Authentication Interception 100; ZDNet's 2021
// Lazarus post: `ZDNet Recommends The best antivirus software and apps A roundup of …`): the site's name, up to three
// capitalised words, and `Recommends` capitalised, then the guide's title and blurb. `Microsoft recommends that…` is advice.
const RECOMMENDS_BOX = /^\s*\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+\p{Lu}[\p{L}\p{N}.&'’-]*){0,2}\s+Recommends\b(?![\s:]+that\b)/u;
const MAX_RECOMMENDS_BOX = 400;

// A vendor's pitch to the reader in its page's footer (Intezer's blog posts as GenAI-Threat-Intelligence-Research keeps
// them: `Count on Intezer’s Autonomous SOC solution to handle your Level 1 SOC. Leave the SOC grunt work to Intezer.`,
// which got System Time Discovery 99.6 and Data Encrypted for Impact 98.5): one sentence that tells the reader to count
// on or rely on a product, or to try it (its name capitalised right after the verb), or to leave the work to it
// (its name last). It names no attack's word (`REPORT_NOTE_ATTACK`): `Leave the malware to run for an hour` is read.
const VENDOR_PITCH = /^\s*(?:(?:[Cc]ount|[Rr]ely)\s+on|[Tt]ry)\s+\p{Lu}[^.!?]{0,150}[.!]?\s*$|^\s*[Ll]eave\s+(?:the|your|all)\s[^.!?]{1,80}\sto\s+\p{Lu}[\p{L}\p{N}’'-]*(?:\s+\p{Lu}[\p{L}\p{N}’'-]*){0,2}\s*[.!]?\s*$/u;
const PITCH_START = /^\s*(?:[Cc]ount|[Rr]ely|[Tt]ry|[Ll]eave)\s/u;

/** Whether a passage is a vendor's pitch to the reader (`VENDOR_PITCH`), one sentence or more, with no word of an attack. */
function isVendorPitch(text: string): boolean {
  // (With `--lines`, the footer's line holds both sentences.)
  return PITCH_START.test(text) && !REPORT_NOTE_ATTACK.test(text) && text.trim().split(/(?<=[.!])\s+/).every((sentence) => VENDOR_PITCH.test(sentence));
}

// A vendor's call to action on its page, one sentence or a button's words (eSentire's blog posts as
// GenAI-Threat-Intelligence-Research keeps them: `Want to learn more on how to achieve Cyber Resilience?` / `TALK TO AN
// EXPERT` beside the post's head, which got Process Discovery 61.8 and Unsecured Credentials: Credentials In Files 91.6;
// `Want to learn more? Connect with an eSentire Security Specialist.`, System Network Connections Discovery 97.6; `ARE
// YOU EXPERIENCING A SECURITY INCIDENT OR HAVE YOU BEEN BREACHED?`, Email Hiding Rules 96.6; Imperva's blog posts'
// pop-ups: `Want to see Imperva in action?`, Process Discovery 93.7, `Fill out the form and our experts will be in
// touch shortly to book your personal demo.`, Outlook Forms 97.6, `An Imperva security specialist will contact you
// shortly.`, Security Software Discovery 86.4, `Keep an eye on that inbox for the latest news and industry updates.`,
// Ingress Tool Transfer 100, and its banner's `Under DDoS Attack?`, Network Denial of Service 94.1; SentinelOne's
// `Experiencing a Breach?` before its phone number): a question that offers more or a demo, a call to talk to the
// vendor's experts, a form's promise that they will call, a newsletter's thanks, a hotline's question. A sentence that
// says what an attacker did is none of these shapes (`The actor asked the victim to fill out the form with…`).
const CALLS_TO_ACTION = [
  /^want\s+to\s+(?:learn|know|hear|find\s+out|read)\s+more\b[^.!?]{0,100}\?$/iu,
  /^want\s+to\s+see\s+\p{Lu}[^.!?]{0,40}\s+in\s+action\s*\?$/iu,
  /^(?:talk|speak|chat|connect)\s+(?:to|with)\s+(?:an?|our|the)\s+(?:[\p{L}-]+\s+){0,3}(?:experts?|specialists?|advisors?|advisers?|representatives?)\s*[.!]?$/iu,
  /^(?:fill\s+(?:out|in)|complete|submit)\s+(?:the|this|our)\s+form\b[^.!?]{0,150}\b(?:contact|in\s+touch|demo|call)\b[^.!?]*[.!]?$/iu,
  /^an?\s+(?:[\p{L}-]+\s+){0,3}(?:specialists?|experts?|representatives?|advisors?|advisers?)\s+will\s+(?:contact|call|reach\s+out\s+to|be\s+in\s+touch\s+with)\s+you\b[^.!?]*[.!]?$/iu,
  /^keep\s+an\s+eye\s+on\s+(?:your|that|the)\s+inbox\b[^.!?]*[.!]?$/iu,
  /^(?:are\s+you\s+)?(?:experiencing\s+an?\s+(?:security\s+|cyber\s*)?(?:incident|breach|attack)|under\s+(?:an?\s+)?(?:ddos\s+|cyber\s*)?attack)\b[^.!?]{0,60}\?/iu,
];
const MAX_CALL_TO_ACTION = 200;
// How a call begins, tried first: most passages begin otherwise.
const CALL_START = /^\s*(?:want|talk|speak|chat|connect|fill|complete|submit|an?|keep|are|experiencing|under)\s/iu;

/** Whether a passage is a vendor's call to action, each of its sentences (`CALLS_TO_ACTION`). */
function isCallToAction(text: string): boolean {
  if (text.length > MAX_CALL_TO_ACTION || !CALL_START.test(text)) return false;
  // (The sentences of a call on one line, `Want to learn more? Connect with …`; a hotline's number glued after its question.)
  return text.trim().split(/(?<=[.!?])\s+/).every((sentence) => CALLS_TO_ACTION.some((call) => call.test(sentence)));
}

/** A text without the words that say who comments (`COMMENTERS`): `User comments` is read as `comments`. */
function withoutCommenters(text: string): string {
  return COMMENTS_WORD.test(text) ? text.replace(COMMENTERS, ' ') : text;
}

/** Whether a passage is only a web page's furniture (cookies, legal links, share buttons, newsletter, other posts, a copyright notice, a syndication note, an archive's heading, a call to click a banner, a template's placeholder, a site's appeal for support, a repost's link to its original, a vendor's call to action). */
export function isPageFurniture(text: string): boolean {
  return (
    isReportNote(text) ||
    (text.length <= MAX_RECOMMENDS_BOX && RECOMMENDS_BOX.test(text)) ||
    (text.length <= 300 &&
    (madeOfWords(withoutCommenters(text.replace(LINK_TARGET, ']')), FURNITURE_WORDS, FURNITURE_GLUE) ||
      isCopyrightNotice(text) ||
      isSyndicationNote(text) ||
      isArchiveHeading(text) ||
      CLICK_THE_BANNER.test(text) ||
      NEWSLETTER_CALL.test(text) ||
      PLACEHOLDER.test(text) ||
      isVendorPitch(text) ||
      isCallToAction(text) ||
      (SUPPORT_APPEAL_START.test(text) && SUPPORT_APPEAL.test(text)) ||
      ORIGINAL_LINK.test(text) ||
      isBarMenu(text)))
  );
}

// A site's menu on one line, its items set apart by bars (F-Secure's News from the Lab as scraped: `ARCHIVES | SEARCH`,
// which got Archive via Utility 85.9): at least two items, all of them menus' and furniture's words (NAV_ITEM_WORDS,
// FURNITURE_GLUE). A table's row begins with a bar, and a breadcrumb with its home (`isBreadcrumb`).
const MENU_BAR = /\s+\|\s+/;

/** Whether a line is a menu's items set apart by bars (`MENU_BAR`): `ARCHIVES | SEARCH`. */
function isBarMenu(text: string): boolean {
  return text.includes('|') && MENU_BAR.test(text) && !text.trimStart().startsWith('|') && madeOfWords(text, NAV_ITEM_WORDS, FURNITURE_GLUE);
}

// A log-in or comment form scraped to text, one field or link a line (BleepingComputer's `Login` / `Username` /
// `Password` / `Remember Me` / `Sign in anonymously` / `Sign in with Twitter` / `Not a member yet? Register Now`, its
// comment box `Post a Comment Community Rules` / `You need to login in order to post a comment` / `Not a member yet?
// Register Now`, Securelist's `Your email address will not be published. Required fields are marked *` / `Name *` /
// `Email *` / `Cancel`): short lines of its words, in a run, one of them the password's, a comment's, or a field marked
// as required (`Email *`). Such a word alone is read (`Password`, a heading), and so is a line with another word
// (`Password Spraying`, `The actor posted comments`); only a run of at least MIN_FORM_ITEMS with such a key is a form.
const FORM_WORDS = new Set(
  (
    'username usernames user name password passwords remember me forgot forgotten reset sign signed in anonymously ' +
    'member members not yet now account email e-mail logged reply leave cancel submit website community rules need ' +
    'order required field fields marked address will published save browser time'
  ).split(' '),
);
const FORM_ITEM_WORDS = new Set([...FORM_WORDS, ...FURNITURE_WORDS]);
// The key of a form: the password, a comment, or the mark of a required field after its name (not Markdown's bold).
const FORM_KEY = /password|comment|\p{L}\s?\*(?!\*)/iu;
const MAX_FORM_ITEM = 80;
const MIN_FORM_ITEMS = 3;

/**
 * The passages (by index) of a log-in or comment form scraped one field a line: runs of short passages made of its
 * words (`FORM_WORDS`, the furniture's), at least MIN_FORM_ITEMS, one of them with a form's key (`FORM_KEY`). Passages
 * without letters (empty ones with `--lines`) are passed over.
 */
export function formPassages(passages: readonly { text: string }[]): Set<number> {
  const form = new Set<number>();
  let run: number[] = [];
  let key = false;
  const close = (): void => {
    if (run.length >= MIN_FORM_ITEMS && key) for (const index of run) form.add(index);
    run = [];
    key = false;
  };
  passages.forEach((passage, i) => {
    if (!/\p{L}/u.test(passage.text)) return;
    // An item is short: most passages end a run at once.
    if (passage.text.length > MAX_FORM_ITEM || !madeOfWords(passage.text, FORM_ITEM_WORDS, FURNITURE_GLUE)) return close();
    run.push(i);
    if (FORM_KEY.test(passage.text)) key = true;
  });
  close();
  return form;
}

// A cookie banner scraped with the page (The Register's, as GenAI-Threat-Intelligence-Research keeps its Amnesty
// International post of 2012 saved as Markdown: `Oh no, you're thinking, yet another cookie pop-up.` / `Well, sorry,
// it's the law.` / `We measure how many people read us, and ensure you see relevant ads, by storing cookies on your
// device.` / … / `Necessary. Always active` / `These cookies are strictly necessary so that you can navigate the site…`,
// whose sentences about cookies got Steal Web Session Cookie 95-100 and `Always active` Process Discovery 85.8): the
// site tells its reader (`we`, `our`, `you`, `your`) about its cookies in a consent's words (`accept`, `consent`,
// `settings`, `necessary`, `analytics`, `ads`, `device`, `site`…), and no word of an attack's (`steal`, `session`,
// `malware`, `browser`, `infected`…: `The stealer takes the cookies from your browser` is read). Such a sentence is of the banner,
// and so are the passages between two of them at most MAX_COOKIE_BANNER_GAP passages apart (`Well, sorry, it's the
// law.`, `Tailored Advertising.`); a short passage of the furniture's words that names cookies (`Manage Cookie
// Preferences`) is one of them too. The box's button (`Accept`, `Decline`, `Reject all`: a line of its own) and its pointer
// to the site's policy (`Visit our Privacy Policy to learn more.`) come after its sentence (eSentire's box, as
// GenAI-Threat-Intelligence-Research keeps its post on ALPHV/BlackCat and Google Ads saved as Markdown: `Cookies allow us
// to deliver the best possible experience for you on our website - … Visit our Privacy Policy to learn more.` then
// `Accept`, which got Bookmark Discovery 91.4 and Multi-Stage Channels 97.8): such a passage is the banner's when it
// follows one of its passages at most MAX_COOKIE_BANNER_GAP passages apart, never alone (`Accept` elsewhere, a sentence
// about a privacy policy, `The implant accepts connections on port 443.` are read). Other boxes write their buttons
// first, and so does a scrape that keeps the page's order: a Shopify store's consent box as a site crawl keeps it
// (elevaremarket.com, found with find_string) reads `Manage consent preferences`, `Reject all`, `Accept all`, then `We
// use cookies to optimize website functionality…`; a button is the banner's as far before one of its passages.
const COOKIE = /\bcookies?\b/i;
const COOKIE_BUTTON = /^(?:accept|decline|reject|deny|allow|agree|i accept|i agree|got it|ok)(?: all)?(?: cookies)?[.!]?$/i;
const COOKIE_POLICY_POINTER =
  /^(?:please )?(?:visit|see|read|view|review|check) (?:our|the) (?:privacy|cookies?) (?:policy|notice|statement)(?: (?:to learn more|for more (?:information|details)|to find out more|for details))?\.?$/i;
const COOKIE_CONSENT =
  /\b(?:accept|accepted|accepting|consent|preferences?|settings?|necessary|essential|strictly|analytics|advertising|advertisers|ads?|policy|privacy|manage|customi[sz]e|choices|opt|technologies|device|site|sites|website|websites|experience|pop-?up|banner|visits?|functional|performance|targeting)\b/i;
const COOKIE_READER = /\b(?:we|our|us|you|your|you['’]re)\b/i;
const COOKIE_ATTACK =
  /\b(?:steal\w*|stole|stolen|theft|thie\w+|grab\w*|harvest\w*|exfiltrat\w*|hijack\w*|attack\w*|actors?|adversar\w+|malware|malicious|threats?|stealers?|infostealers?|credentials?|tokens?|sessions?|phish\w*|compromis\w*|victims?|inject\w*|browsers?|forg\w+|replay\w*|infect\w*|payloads?|implants?|backdoors?|exploit\w*|watering)\b/i;
const MAX_COOKIE_SENTENCE = 400;
const MAX_COOKIE_BANNER_GAP = 4;

/** Whether a passage is a cookie banner's: its sentence about the site's cookies, or its furniture naming them. */
function isCookieBannerPassage(text: string): boolean {
  if (text.length > MAX_COOKIE_SENTENCE || !COOKIE.test(text) || COOKIE_ATTACK.test(text)) return false;
  return (COOKIE_READER.test(text) && COOKIE_CONSENT.test(text)) || isPageFurniture(text);
}

/** Whether a passage is a cookie banner's button or its pointer to the site's policy, the banner's only beside it. */
function isCookieBannerControl(text: string): boolean {
  const line = text.trim();
  return COOKIE_BUTTON.test(line) || COOKIE_POLICY_POINTER.test(line);
}

/**
 * The passages (by index) of a cookie banner (`isCookieBannerPassage`): its passages and those between two of them,
 * at most MAX_COOKIE_BANNER_GAP passages with letters apart (empty ones, with `--lines`, are passed over), and its
 * buttons and policy pointer (`isCookieBannerControl`) as far before or after it: a box writes its buttons after its
 * sentence or before it, so the passages are read in both directions.
 */
export function cookieBannerPassages(passages: readonly { text: string }[]): Set<number> {
  const kinds = passages.map((passage) =>
    !/\p{L}/u.test(passage.text) ? 'empty' : isCookieBannerPassage(passage.text) ? 'banner' : isCookieBannerControl(passage.text) ? 'control' : 'other',
  );
  const banner = new Set<number>();
  const order = kinds.map((_, i) => i);
  for (const indices of [order, order.toReversed()]) {
    // The last passage of the banner met (by index) and how many passages with letters came since.
    let last = -1;
    let since = 0;
    for (const i of indices) {
      if (kinds[i] === 'empty') continue;
      since++;
      const near = last >= 0 && since <= MAX_COOKIE_BANNER_GAP;
      if (kinds[i] !== 'banner' && !(near && kinds[i] === 'control')) continue;
      if (near) for (let k = Math.min(last, i) + 1; k < Math.max(last, i); k++) banner.add(k);
      banner.add(i);
      last = i;
      since = 0;
    }
  }
  return banner;
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

/**
 * Whether a text is shaped as an item of a list saved one a line, no sentence: one to MAX_MENU_ITEM_WORDS words, at most
 * MAX_MENU_ITEM_LENGTH characters, no sentence's marks (`NOT_MENU_ITEM`, a comma only in brackets).
 */
export function isItemShaped(text: string): boolean {
  if (text.length > MAX_MENU_ITEM_LENGTH || NOT_MENU_ITEM.test(text.replace(/!$/, '')) || text.replace(BRACKETS, '').includes(',')) return false;
  const words = text.split(/\s+/).filter(Boolean).length;
  return words > 0 && words <= MAX_MENU_ITEM_WORDS;
}

// A menu may be written in sentence case (Securelist's `Financial threats` / `Secure environment (IoT)` / `Spam and
// Phishing`, `Dark mode off`; `Threat intelligence`, `Contact us`): its first word capitalised, others in lower case.
const SENTENCE_CASE_WORD = /^\p{Ll}[\p{Ll}\p{N}'’&/-]*$/u;

/**
 * Whether a text is an item of a menu: shaped as an item (`isItemShaped`), its first word capitalised (`Cloud Security`,
 * `English (Americas)`), the others too or in lower case (`Threat intelligence`).
 */
function isMenuItem(text: string): boolean {
  if (!isItemShaped(text)) return false;
  const [first, ...rest] = text.split(/\s+/).filter(Boolean);
  return MENU_ITEM_WORD.test(first!) && rest.every((word) => MENU_ITEM_WORD.test(word) || SENTENCE_CASE_WORD.test(word));
}

// A menu's section may list other posts by their titles (BleepingComputer's `News` / `Featured` / `Latest` / `Microsoft:
// New critical Exchange bug exploited as zero-day` / `Turla hackers backdoor NGOs with new TinyTurla-NG malware` / …
// `Tutorials`): a headline (capitalised, no sentence's end) in a run, one of whose last HEADLINE_AFTER_NAV members names
// the site's parts or is a headline (a title may be shaped as an item: `CryptoLocker Ransomware Information Guide and
// FAQ`). Such a title alone is read, and so is one at a run's end (the post's own title after the menu).
const HEADLINE_AFTER_NAV = 3;
const MAX_HEADLINE = 150;

/** Whether a text is shaped as a post's title: capitalised, at most MAX_HEADLINE characters, no sentence's end or colon at its end. */
export function isHeadline(text: string): boolean {
  return text.length <= MAX_HEADLINE && /^[\p{Lu}\p{N}]/u.test(text) && !/[.!?;]\s|[.,;:]$|[|#]/.test(text);
}

// A menu of links names its sections by labels between them (The Hacker News's `* [Free eBooks](…)` / `About Site` /
// `* [About THN](…)`): an item (`isMenuItem`) right between two passages of links only, passages without letters
// passed over. A label after links, above a paragraph, is read (a heading: `Lateral Movement`).

/** The passages (by index) that label a menu's section: items between two passages of links only (`isLinksOnly`). */
export function menuLabelPassages(passages: readonly { text: string }[]): Set<number> {
  const labels = new Set<number>();
  const withLetters = passages.flatMap((passage, i) => (/\p{L}/u.test(passage.text) ? [i] : []));
  withLetters.forEach((index, k) => {
    const before = withLetters[k - 1];
    const after = withLetters[k + 1];
    // An item is short: most passages are passed over at once.
    if (before === undefined || after === undefined || !isMenuItem(passages[index]!.text.trim())) return;
    if (isLinksOnly(passages[before]!.text) && isLinksOnly(passages[after]!.text)) labels.add(index);
  });
  return labels;
}

// A site's mega-menu lists sections, not all of them naming the site's parts (Proofpoint's `Solutions by Topic` /
// `Combat Email and Cloud ThreatsProtect your people from email and cloud threats…` / … / `Solutions by Industry` /
// `Federal Government` / `Higher Education`, which got Account Access Removal 95.1 and Financial Theft 100; `Threat Hub`
// / `Ransomware Hub`, Data Encrypted for Impact 100), with short blurbs between them (`Get free research and resources
// to help you protect against threats…`, Service Stop 100). A run of at least MIN_MENU_ITEMS items with a glued item or
// a site's part among them (a list of techniques has neither) is the menu's too when it stands at most MAX_MENU_GAP
// passages from a menu's run, and so are those passages (each at most MAX_MENU_GAP_LENGTH characters) and a run's
// glued items at its end: the menu goes on after them.
const MAX_MENU_GAP = 3;
const MAX_MENU_GAP_LENGTH = 200;

/**
 * The passages (by index) that are a site's menu saved one item a line: runs of items (`isMenuItem`; an item glued to
 * its blurb, with the blurb's other sentences on its line, inside a run but not at its end; headlines of other posts
 * after its sections' items, inside a run but not at its end) of at least MIN_MENU_ITEMS items, MIN_NAV_ITEMS of them
 * naming the site's parts (`NAV_WORDS`); and the runs and passages next to them (MAX_MENU_GAP). Empty passages
 * (`--lines`) are passed over.
 */
export function menuRunPassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const menu = new Set<number>();
  // Each member of the run: an item (glued to its blurb or not) and whether it names the site's parts, a sentence of
  // the blurb before it, or a headline.
  let run: { index: number; item: boolean; glued: boolean; nav: boolean; headline?: true }[] = [];
  // The runs that are a menu's, or may be as its neighbours: their members, and whether they are a menu's.
  const runs: { members: number[]; menu: boolean }[] = [];
  const close = (): void => {
    if (!run.length) return;
    const all = run.map((member) => member.index);
    // A post's first paragraph glued to its heading may follow a menu: a run does not end with a glued item.
    const mayBe = run.filter((member) => member.item).length >= MIN_MENU_ITEMS && run.some((member) => member.glued || member.nav);
    while (run.length && (run.at(-1)!.glued || !run.at(-1)!.item)) run.pop();
    if (run.filter((member) => member.item).length >= MIN_MENU_ITEMS && run.filter((member) => member.nav).length >= MIN_NAV_ITEMS) {
      for (const member of run) menu.add(member.index);
      runs.push({ members: all, menu: true });
    } else if (mayBe) runs.push({ members: all, menu: false });
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
  // (Most pages have no menu's run: nothing to join.)
  if (menu.size) joinMenuRuns(passages, runs, menu);
  return menu;
}

/** Adds to `menu` the runs next to a menu's run (MAX_MENU_GAP), whole, and the passages between, until none is added. */
function joinMenuRuns(passages: readonly { text: string }[], runs: readonly { members: number[]; menu: boolean }[], menu: Set<number>): void {
  // The passages with letters strictly between two runs, or undefined when they are too many or too long.
  const between = (from: number, to: number): number[] | undefined => {
    const gap: number[] = [];
    for (let i = from + 1; i < to; i++) {
      const text = passages[i]!.text;
      if (!/\p{L}/u.test(text)) continue;
      if (gap.length === MAX_MENU_GAP || text.length > MAX_MENU_GAP_LENGTH) return undefined;
      gap.push(i);
    }
    return gap;
  };
  const joined = new Set<number>();
  for (let added = true; added; ) {
    added = false;
    for (let k = 0; k + 1 < runs.length; k++) {
      const [a, b] = [runs[k]!, runs[k + 1]!];
      if (joined.has(k) || !(a.menu || b.menu)) continue;
      const gap = between(a.members.at(-1)!, b.members[0]!);
      if (!gap) continue;
      for (const i of [...a.members, ...gap, ...b.members]) menu.add(i);
      a.menu = b.menu = true;
      joined.add(k);
      added = true;
    }
  }
}

// A PDF's running header or footer, as text extraction writes it on every page: the report's title, a page number glued
// to it or after a space, and on some pages the next page's first words glued after it (the Dragos ICS/OT 2022 review as
// text: `ICS/OT CYBERSECURITY YEAR IN REVIEW 2022`, `ICS/OT CYBERSECURITY YEAR IN REVIEW 202258`, which got Data
// Destruction 97.7, `…REVIEW 2022Fifty-one percent of the advisories with a patch…`). It is a line of its own shaped
// as a title (`isHeadline`, no sentence's end; see TITLE_BAR) of at least MIN_RUNNING_WORDS words, said again at the start of lines
// (`runningRest`) at least MIN_RUNNING_PAGES times in all, MIN_RUNNING_GAP lines apart or more on average, as pages are
// (a table's cells said again stand closer: `Manufacturing, Food & Beverage` in the same review's table). A heading said
// again with a sentence after a space (`Remote Desktop Protocol` / `Remote Desktop Protocol (RDP) was used …`) is none.
const MIN_RUNNING_WORDS = 3;
// A title and its subtitle set apart by a bar between spaces (the Dragos 2026 Year in Review as text: `9TH ANNUAL YEAR
// IN REVIEW  |  OT/ICS CYBERSECURITY REPORT` alone at the top of its pages, Data Destruction 96.1 each): a bar inside
// the line, not a table's row, which begins with one.
const TITLE_BAR = / \| /g;
const MIN_RUNNING_PAGES = 3;
const MIN_RUNNING_GAP = 15;
// A page number after a space at a line's end (`runningRest`).
const PAGE_NUMBER_AFTER = / \d{1,3}$/;
// Lines are looked up by their first characters, as many as a header has at least: each line is compared with the
// headers that may begin it, not with every line.
const RUNNING_KEY = 12;

// A page's number as a PDF's footer gives it, alone (`Page 3 of 14`, which got Office Application Startup: Outlook Home
// Page 100), and in a CISA advisory with the advisory's ID and its TLP label beside it (`Page 11 of 14 | Product ID:
// AA25-141B`, the LummaC2 advisory's footer as text, which got Security Software Discovery 90.5; `Page 6 of 31 |
// Product ID: AA24-109A TLP:CLEAR`).
const PAGE_NUMBER = /^\s*page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*\|\s*(?:product|document|report)\s+id:\s*[A-Z0-9][\w.-]*)?(?:\s*\|?\s*TLP:(?:CLEAR|WHITE|GREEN|AMBER(?:\+STRICT)?|RED))?\s*$/i;

/** Whether a passage is a page's number alone, with the document's ID and TLP label beside it or not (`PAGE_NUMBER`). */
export function isPageNumber(text: string): boolean {
  return text.length <= 100 && PAGE_NUMBER.test(text);
}

/**
 * What follows a running header at the start of a passage or a line/**
 * What follows a running header at the start of a passage or a line: nothing, a page number after a space, or what is
 * glued to it (`58`, `Fifty-one percent of…`); undefined when the text does not begin with it so.
 */
function runningRest(text: string, header: string): string | undefined {
  if (!text.startsWith(header)) return undefined;
  const rest = text.slice(header.length);
  return rest === '' || /^\S/.test(rest) || /^ \d{1,3}$/.test(rest) ? rest.trim() : undefined;
}

// A running header or footer may never stand alone: glued before each page's first words, and after a footer (the
// Dragos 2026 Year in Review as text: `© Dragos, Inc. All Rights Reserved. Proprietary & Confidential.9TH ANNUAL YEAR IN
// REVIEW  |  OT/ICS CYBERSECURITY REPORTUPDATED FEBRUARY 2026In 2025, hacktivist groups also started…`, the sentence
// read with the title and the footer). It is the part all lines beginning alike share (each line's first RUNNING_KEY
// characters), as pages are (MIN_RUNNING_GAP) and at least MIN_RUNNING_PAGES times glued: the next words follow it with
// no space and begin with a capital or a digit, and it ends with no letter (`…2026`, `…Confidential.`), so no word of
// a sentence is cut in two (lines of prose beginning alike part at a space or inside a word). Each line is read again
// without it, for a title glued after a footer. A header with a sentence's end inside is also found by what follows its
// sentences' ends, as a passage split by sentence begins there (`Proprietary & Confidential.9TH ANNUAL…`).
const GLUED_RUNNING_ROUNDS = 3;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=\p{Lu})/gu;

/** The part all of the lines share at their start (their longest common prefix). */
function commonStart(lines: readonly string[]): string {
  let start = lines[0]!;
  for (const line of lines) {
    let k = 0;
    while (k < start.length && k < line.length && start[k] === line[k]) k++;
    start = start.slice(0, k);
  }
  return start;
}

/** Whether lines at `at` (in order) stand as far apart on average as a document's pages (MIN_RUNNING_GAP). */
function pagesApart(at: readonly number[]): boolean {
  return (at.at(-1)! - at[0]!) / (at.length - 1) >= MIN_RUNNING_GAP;
}

/** The numbers of the lines long enough to begin a running header, by their first RUNNING_KEY characters. */
function linesByStart(lines: readonly string[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (line.length < RUNNING_KEY) return;
    const key = line.slice(0, RUNNING_KEY);
    const same = byKey.get(key);
    if (same) same.push(i);
    else byKey.set(key, [i]);
  });
  return byKey;
}

/** The running headers and footers glued before each page's first words, never alone (see GLUED_RUNNING_ROUNDS). */
function gluedRunningHeaders(lines: readonly string[]): string[] {
  const headers: string[] = [];
  let rests = lines.slice();
  for (let round = 0; round < GLUED_RUNNING_ROUNDS; round++) {
    const byKey = linesByStart(rests);
    const found: string[] = [];
    for (const same of byKey.values()) {
      if (same.length < MIN_RUNNING_PAGES || !pagesApart(same)) continue;
      const header = commonStart(same.map((i) => rests[i]!));
      if (header.split(' ').length < MIN_RUNNING_WORDS || /[\p{L}\s]$/u.test(header)) continue;
      const glued = same.filter((i) => /^[\p{Lu}\p{N}]/u.test(rests[i]!.slice(header.length)));
      if (glued.length >= MIN_RUNNING_PAGES && same.every((i) => runningRest(rests[i]!, header) !== undefined)) found.push(header);
    }
    if (!found.length) break;
    headers.push(...found);
    rests = rests.map((line) => {
      const header = found.find((h) => line.startsWith(h));
      return header === undefined ? line : line.slice(header.length);
    });
  }
  // A passage split by sentence begins at a sentence's end inside a header: what follows it is one too.
  return headers.flatMap((header) => {
    const tails: string[] = [];
    for (const match of header.matchAll(SENTENCE_BREAK)) tails.push(header.slice(match.index + match[0].length));
    return [header, ...tails.filter((tail) => tail.split(' ').length >= MIN_RUNNING_WORDS)];
  });
}

/** The running headers and footers of a text extracted from a PDF (see MIN_RUNNING_PAGES), longest first. */
export function runningHeaders(text: string): string[] {
  // White space as a passage has it, runs made one space (only runs and other spaces replaced: much faster on a long text).
  const lines = text.split(/\r\n|\r|\n/).map((line) => line.replace(/\s{2,}|[^\S ]/g, ' ').trim());
  const byKey = linesByStart(lines);
  const headers = new Set<string>();
  for (const same of byKey.values()) {
    if (same.length < MIN_RUNNING_PAGES) continue;
    // In order, the lines that begin with a line follow it: each is compared with the lines after it up to the first
    // that does not (a log's lines with the same first characters are not compared with one another).
    // A header with a page number glued (`…REVIEW 202210`) begins others (`…REVIEW 2022105`): a line that begins with a
    // header found, which comes before it in order, is none.
    const sorted = same.map((i) => lines[i]!).sort();
    // A footer numbered after a space on every page never stands alone (CISA's Phishing Guidance as text: `CISA | NSA |
    // FBI | MS-ISAC TLP:CLEAR 3`, `… 4`, `… 5`): each line without its page number is tried as well, before the lines.
    const candidates = [...new Set(sorted.flatMap((line) => [line.replace(PAGE_NUMBER_AFTER, ''), line]))].sort();
    let last: string | undefined;
    let first = 0;
    candidates.forEach((line) => {
      if (last !== undefined && runningRest(line, last) !== undefined) return;
      if (line.split(' ').length < MIN_RUNNING_WORDS || !isHeadline(line.replace(TITLE_BAR, ' ')) || /[.!?]$/.test(line)) return;
      // The lines that begin with a candidate follow it in order (the candidates are in order too).
      while (first < sorted.length && sorted[first]! < line) first++;
      let count = 0;
      for (let q = first; q < sorted.length && sorted[q]!.startsWith(line); q++) if (runningRest(sorted[q]!, line) !== undefined) count++;
      if (count < MIN_RUNNING_PAGES) return;
      const at = same.filter((i) => runningRest(lines[i]!, line) !== undefined);
      if (!pagesApart(at)) return;
      headers.add(line);
      last = line;
    });
  }
  for (const header of gluedRunningHeaders(lines)) headers.add(header);
  for (const footer of lineEndFooters(lines)) headers.add(footer);
  return [...headers].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

// A running footer glued to the end of each page's last line, its page number after it (CISA, NSA, FBI and MS-ISAC's
// Phishing Guidance as text: `…the cybersecurity posture of their customers. CISA | NSA | FBI | MS-ISAC TLP:CLEAR 3`,
// `portal. CISA | NSA | FBI | MS-ISAC TLP:CLEAR 4`, `…see CISA’s CISA | NSA | FBI | MS-ISAC TLP:CLEAR 6`, the footer
// read as a sentence of its own, Clear Windows Event Logs 97.8, or as the end of one). It is the part lines ending
// alike share at their end (their last RUNNING_KEY characters before the number), from a word's start, shaped as a
// title (`isHeadline`, no sentence's end) of at least MIN_RUNNING_WORDS words, at least MIN_RUNNING_PAGES times as far
// apart as pages are (MIN_RUNNING_GAP), with the pages' numbers after it growing from one line to the next: lines of
// prose that end alike carry no page number.
const PAGE_NUMBER_END = /^(.*\S) (\d{1,3})$/;

/** The running footers glued to the end of a page's last line, a page number after them (see PAGE_NUMBER_END). */
function lineEndFooters(lines: readonly string[]): string[] {
  const byEnd = new Map<string, { at: number; text: string; page: number }[]>();
  lines.forEach((line, i) => {
    const numbered = PAGE_NUMBER_END.exec(line);
    if (!numbered || numbered[1]!.length < RUNNING_KEY) return;
    const text = numbered[1]!;
    const key = text.slice(-RUNNING_KEY);
    const same = byEnd.get(key);
    const entry = { at: i, text, page: Number(numbered[2]) };
    if (same) same.push(entry);
    else byEnd.set(key, [entry]);
  });
  const footers: string[] = [];
  for (const same of byEnd.values()) {
    if (same.length < MIN_RUNNING_PAGES || !pagesApart(same.map((entry) => entry.at))) continue;
    if (same.some((entry, k) => k > 0 && entry.page <= same[k - 1]!.page)) continue;
    let footer = commonEnd(same.map((entry) => entry.text));
    // From a word's start: where a line has a letter right before it, its first word is cut off.
    if (same.some((entry) => entry.text.length > footer.length && !/\s$/.test(entry.text.slice(0, -footer.length)))) footer = footer.replace(/^\S*\s*/, '');
    footer = footer.trim();
    if (footer.split(' ').length >= MIN_RUNNING_WORDS && isHeadline(footer.replace(TITLE_BAR, ' ')) && !/[.!?]$/.test(footer)) footers.push(footer);
  }
  return footers;
}

/** The part all of the texts share at their end (their longest common suffix). */
function commonEnd(texts: readonly string[]): string {
  let end = texts[0]!;
  for (const text of texts) {
    let k = 0;
    while (k < end.length && k < text.length && end[end.length - 1 - k] === text[text.length - 1 - k]) k++;
    end = end.slice(end.length - k);
  }
  return end;
}

/**
 * Where a running footer glued to the end of a line begins (`lineEndFooters`: a header or footer and its page number
 * after it, after a space and some text), or undefined when the line ends with none. Without a page number after it, a
 * header's words at a line's end may be a sentence's (`…as the 2022 Year in Review`), and stay.
 */
export function runningFooterStart(line: string, headers: readonly string[]): number | undefined {
  const text = line.replace(/\s+$/, '');
  if (!PAGE_NUMBER_AFTER.test(text)) return undefined;
  const bare = text.replace(PAGE_NUMBER_AFTER, '');
  for (const header of headers) {
    if (bare.length > header.length && bare.endsWith(header) && /\s/.test(bare[bare.length - header.length - 1]!)) return bare.length - header.length;
  }
  return undefined;
}

/**
 * A passage without the running header it begins with (`runningHeaders`, `runningRest`), and whether that was all of it
 * but a page number (`ICS/OT CYBERSECURITY YEAR IN REVIEW 202258`); the passage as it is when it begins with none.
 */
export function withoutRunningHeader(text: string, headers: readonly string[]): { text: string; header: boolean } {
  // A header glued after another (a report's title after its footer) is taken off too.
  let rest: string | undefined;
  for (let found = true; found; ) {
    found = false;
    for (const header of headers) {
      const after = runningRest(rest ?? text, header);
      if (after === undefined) continue;
      rest = after;
      found = rest !== '';
      break;
    }
  }
  return rest === undefined ? { text, header: false } : { text: rest, header: /^\d{0,3}$/.test(rest) };
}
