/**
 * The lists and boxes a blog sets around or inside a post: other posts (titles, dates, authors, teasers), its tags or
 * categories, and a sponsor's advertisement.
 */
import { isDate, isPersonName } from './bylines.js';
import { isHeadline, isPageFurniture } from './page-furniture.js';
import { HEADING_MARK, isReportStructure, LIST_MARK } from './report-structure.js';
import { textWords } from './text-terms.js';
import { mayNameVendor, VENDOR } from './vendor-names.js';

// A blog's list of tags or categories: a label (`Tags`, `Categories`, `Trending topics`, `Filed under:`) and short
// entries after it, one a line (`Malware` / `Ransomware` / `Cyber Threat Intelligence`, a tag cloud scraped to text) or
// after its colon (`Tags: Malware, Ransomware, APT`). Such a word alone is read (a heading: `Ransomware`, `Credential
// Dumping`); only after the label is it a tag.
const TAG_LABEL_WORDS = new Set('tags tag topics topic themes theme trending popular categories category keywords labels filed under posted in all related'.split(' '));
const TAG_LABEL_KEY_WORDS = new Set('tags tag topics topic themes theme categories category keywords labels'.split(' '));
// A table's row may give the label in its first cell and the entries in its second, and the label may name the site
// (Unit 42's `| Related Unit 42 Topics | BlackSuit Ransomware , Royal Ransomware , Ignoble Scorpius`).
const TAG_ROW = /^\|\s*([^|]{1,60}?)\s*\|\s*([^|]*?)\s*\|?$/;
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
  const row = text.startsWith('|') ? TAG_ROW.exec(text) : null;
  const colon = row ? -1 : text.indexOf(':');
  const label = row ? row[1]! : colon < 0 ? text : text.slice(0, colon);
  if (label.length > 30) return undefined;
  let words = textWords(label);
  if (!words.some((word) => TAG_LABEL_KEY_WORDS.has(word))) return undefined;
  if (mayNameVendor(words)) words = textWords(label.replace(VENDOR, ' '));
  if (!words.every((word) => TAG_LABEL_WORDS.has(word))) return undefined;
  if (row) return row[2]!;
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

// A list of other posts under its label, as a scraped page ends (BleepingComputer's `You may also like:` / `Popular
// Stories` / `Hackers used new Windows Defender zero-day to drop DarkMe malware`, Securelist's `From the same authors`,
// Threatpost's `Suggested articles`): the titles of other posts, their dates, authors and sections, and their teasers.
// A title names a behaviour as a sentence does; only after such a label is it another post's. The label may be a
// heading (BleepingComputer's page saved as Markdown: `### Related Articles:`), and the titles after it may be glued into
// one line by scraping (`…ransomware attack claimsNew RustDoor macOS malware impersonates Visual Studio updateMGM…`).
// A list of webinars is one too (Securelist's `GReAT webinars` / `13 May 2021, 1:00pm` / `GReAT Ideas. Balalaika
// Edition` / its speakers), under a label of a word and `webinars`: `Webinars` alone is a menu's item. A weekly round-up
// lists other sites' news under `Other cybersecurity news` or `As for the rest of the news…` (Malwarebytes Labs' "A week
// in security" posts of 2016 and 2021: `news`, read as `new`, got Create or Modify System Process: Windows Service 96.3). Imperva's blog lists
// its other posts under `Trending` (its 8220 gang post as GenAI-Threat-Intelligence-Research keeps it: the label got
// Search Open Websites/Domains: Search Engines 100, `CVE-2023-22524: RCE Vulnerability in Atlassian Companion for macOS`
// Exploitation for Client Execution 100); `Trending topics` is a list of tags (`tagListPassages`).
const RELATED_LABEL =
  /^(?:related(?:\s+(?:articles?|posts?|content|stories|reading|news))?|read\s+(?:also|next)|you\s+(?:may|might)\s+also\s+(?:like|enjoy)|suggested\s+(?:articles?|posts?|reading|reports?)|read\s+the\s+latest(?:\s+from\s+\p{L}[\p{L}\p{N}.&-]*)?|recommended\s+(?:articles?|posts?|reading|for\s+you)|popular\s+(?:stories|posts|articles)|(?:latest|recent|more)\s+(?:posts|articles|stories)|(?:read\s+)?similar\s+(?:articles?|posts?|stories)|(?:other\s+)?(?:stories|articles|posts)\s+you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)|post\s+navigation|from\s+the\s+same\s+authors?|in\s+the\s+same\s+category|[\p{L}-]+\s+webinars|(?:other|more)\s+(?:[\p{L}-]+\s+)?news|(?:as\s+for\s+)?the\s+rest\s+of\s+the\s+news|trending(?:\s+now)?(?!\s+topics))\s*:?\s*/iu;
// A blog's series may list its other posts after a sentence ending with a colon (dropzone.ai's `Previous AI SOC Diaries
// entries include:`, which got Obtain Capabilities: Artificial Intelligence 99.3, and its list of titles): other or
// earlier posts, entries or episodes, maybe `in this series`, then `include` or `are` and the colon (`Other posts by the
// actor advertised:` is a sentence, read). Only the list's items (beside a list
// mark, and what is on their lines) are its entries: the heading after the list is the post's own.
const SERIES_LABEL =
  /^(?:the\s+)?(?:previous|earlier|past|other|older|more)\b[^.!?:;]{0,60}?\b(?:entries|posts|articles|installments|instalments|episodes|editions|issues|parts)(?:\s+(?:in|of|from)\s+(?:this|the|our)\s+[^.!?:;]{0,30}?series)?(?:\s+(?:include|are|so\s+far))?\s*:$/iu;
// A blog's weekly round-up lists its own posts of the week after a label that names the blog (Malwarebytes Labs' `Last
// week on Malwarebytes Labs:`, which got Impair Defenses: Disable or Modify Tools 90.8, then its posts' titles, as
// reposted by redpacketsecurity.com): read as a series' label is.
const ROUNDUP_LABEL = /^(?:[Ll]ast|[Tt]his|[Pp]ast|[Pp]revious)\s+(?:week|month)\s+on\s+(?:the\s+)?\p{Lu}[^.!?:;]{0,60}:$/u;
const MAX_SERIES_LABEL = 120;
const MAX_RELATED_ENTRY = 300;
const MAX_RELATED = 60;
const MAX_UNDATED_POSTS = 5;
const INITIALISM = /\b(?:\p{Lu}\.){2,}/gu;
// Where two titles glued together meet: a letter in lower case, a digit or a bracket, then a capitalised word.
const TITLES_JOINT = /(?<=[\p{Ll}\p{N})])(?=\p{Lu}\p{Ll})/u;

// A scraped page may glue the label to the page's furniture before it on one line (ZDNET's BlackCat/Oiltanking post as
// GenAI-Threat-Intelligence-Research keeps it: `Community Guidelines     Related`, its comment box's link and the label,
// then three other stories' titles, `Samsung Galaxy S24 users report more concerning display issues on Reddit`, which
// got System Network Connections Discovery 65.7): the label last, up to four words, after furniture only.
const LABEL_LAST_WORD = /\b(?:related|next|also|like|enjoy|reading|articles?|posts?|stories|content|news|navigation|authors?|category|webinars)\s*:?\s*$/iu;
const MAX_LABEL_WORDS = 4;

/**
 * The end of a text that LABEL_LAST_WORD may match: its last LABEL_END characters, its white space and a colon after
 * them aside (LABEL_LAST_WORD tried each word of the whole passage, and only its last can end it).
 */
function labelEnd(text: string): string {
  const trimmed = text.trimEnd();
  const bare = trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : trimmed;
  return bare.slice(-LABEL_END);
}
// The longest label word (`navigation`) and the character before it, where LABEL_LAST_WORD's `\b` looks.
const LABEL_END = 'navigation'.length + 1;

/** '' when a text is the page's furniture (`isPageFurniture`) with a label of other posts (`RELATED_LABEL`) last, else undefined. */
function labelAfterFurniture(text: string): '' | undefined {
  if (!LABEL_LAST_WORD.test(labelEnd(text))) return undefined;
  const words = text.split(/\s+/);
  for (let n = 1; n <= MAX_LABEL_WORDS && n < words.length; n++) {
    const label = words.slice(-n).join(' ');
    if (RELATED_LABEL.exec(label)?.[0].length === label.length && isPageFurniture(words.slice(0, -n).join(' '))) return '';
  }
  return undefined;
}

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
  // (An initialism's full stops, `U.S.`, end no sentence: Krebs on Security's `U.S. Internet Leaked Years of Internal,
  // Customer Emails` under `Recent Posts` is a title.)
  const sentences = text.replace(INITIALISM, 'X');
  if (/[.!]["”’)]?$|[.!?]\s/.test(sentences) && !(text.endsWith('!') && isHeadline(text.slice(0, -1)))) return 'teaser';
  if (/[;:]$/.test(text)) return undefined;
  return isPersonName(text) || isDate(text) ? 'byline' : 'entry';
}

/**
 * The passages (by index) that are a list of other posts: a label (`RELATED_LABEL`, maybe a heading; entries on its
 * passage after it too) and the entries after it (`relatedEntry`), up to MAX_RELATED. A teaser (with the other
 * sentences on its line) follows an entry and is kept only when a date or an author follows it, as each post of such a
 * list has one, or when posts without dates (titles and teasers, up to MAX_UNDATED_POSTS) end the list right before
 * the page's furniture (`isPageFurniture`): a section's heading and its paragraph after the label (the report's own
 * text) end the list. Passages
 * without letters (empty ones with `--lines`) are passed over.
 */
export function relatedPostsPassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const related = new Set<number>();
  for (let i = 0; i < passages.length; i++) {
    const labelText = passages[i]!.text.trim().replace(HEADING_MARK, '');
    const series = labelText.length <= MAX_SERIES_LABEL && (SERIES_LABEL.test(labelText) || ROUNDUP_LABEL.test(labelText));
    const found = series ? labelText : (RELATED_LABEL.exec(labelText)?.[0] ?? labelAfterFurniture(labelText));
    if (found === undefined) continue;
    const label = i;
    const rest = found === '' ? '' : labelText.slice(found.length);
    if (rest && relatedEntry(rest) !== 'entry' && relatedEntry(rest) !== 'byline') continue;
    related.add(i);
    // The teasers read since the last entry, kept when a date or an author follows them.
    let teasers: number[] = [];
    // Titles and teasers after a teaser that no date or author followed (Securelist's `Reports` / a title / its teaser
    // / a title / its teaser, then the page's footer): kept when the page's furniture follows them, at most
    // MAX_UNDATED_POSTS titles.
    let undated: number[] = [];
    let undatedPosts = 0;
    let entries = 0;
    // The passage read before, with letters.
    let previous = label;
    for (let j = i + 1; j < passages.length && entries < MAX_RELATED; j++) {
      const text = passages[j]!.text.trim();
      // A line without letters (a separator, a count of comments) is passed over.
      if (!/\p{L}/u.test(text)) continue;
      // Readers' comments after the list are theirs (`commentSectionPassages`).
      if (isCommentsHeading(text)) break;
      // After a series' label, the list's items only (SERIES_LABEL).
      if (series && !/^[-–*•●■◆▪‣・]\s|^\d{1,2}[.)]\s/u.test(text) && passages[previous]!.line !== passages[j]!.line) break;
      const kind = relatedEntry(text);
      const after = previous;
      previous = j;
      // A teaser's other sentences on its line (a title with a full stop in it: `GReAT Ideas. Balalaika Edition`) are its.
      const teaser =
        teasers.length === 0 ? kind === 'teaser' && after !== label && (related.has(after) || undated.includes(after)) : (kind === 'teaser' || kind === 'entry') && passages[after]!.line === passages[j]!.line;
      if (teaser) {
        teasers.push(j);
        continue;
      }
      if (teasers.length && kind === 'entry' && undatedPosts < MAX_UNDATED_POSTS && !isPageFurniture(text)) {
        undated.push(...teasers, j);
        undatedPosts++;
        teasers = [];
        continue;
      }
      if (undated.length && kind !== 'byline') {
        if (isPageFurniture(text)) for (const k of [...undated, ...teasers]) related.add(k);
        break;
      }
      if (kind === undefined || kind === 'teaser' || (teasers.length && kind !== 'byline')) {
        // The last title's teaser, the page's furniture right after it, is the list's too (ZDNET's list ends with a
        // title, then the site's slogan and its footer's links glued on one line, then its copyright notice).
        if (teasers.length && isPageFurniture(text)) for (const k of teasers) related.add(k);
        break;
      }
      for (const k of [...undated, ...teasers]) related.add(k);
      undated = [];
      undatedPosts = 0;
      teasers = [];
      related.add(j);
      entries++;
      i = j;
    }
  }
  return related;
}

// A post's navigation under it, scraped into one line: the author's name glued to the titles of the posts before and
// after it (Intezer's blog posts as GenAI-Threat-Intelligence-Research keeps them: `Jay RosenbergIntezer Community
// Tip: How to Optimize ssdeep Comparisons with ElasticSearchEvidence Aurora Operation Still Active Part 2: …`, which got
// Obtain Capabilities: Malware 96.2, and `intezer_adminNotPetya Returns as Bad RabbitSilence of the Moles`, Web Service
// 88.8). The author is the one a byline of the page names (`…Supply Chain Attack Through CCleanerWritten by Jay
// Rosenberg - 20 September 2017`): their name (or handle) first, a capital glued to it, no sentence's end after it.
// (The byline may be glued to the title before it: its `Written` begins after a lower-case letter.)
const WRITTEN_BY = /(?:\b[Ww]ritten|\b[Pp]osted|\b[Pp]ublished|(?<=\p{Ll})(?:Written|Posted|Published))\s+by\s+([\p{L}\d_.-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,3}?)\s+[-–—|·]\s/gu;
const MAX_NAVIGATION = 400;

/** The passages (by index) that are a post's navigation glued to its author's name (`WRITTEN_BY`) first. */
export function postNavigationPassages(passages: readonly { text: string }[]): Set<number> {
  const navigation = new Set<number>();
  const authors = new Set<string>();
  passages.forEach((passage, i) => {
    const text = passage.text.trim();
    for (const name of authors) {
      if (text.length <= MAX_NAVIGATION && text.startsWith(name) && /^\p{Lu}/u.test(text.slice(name.length)) && !/[.!?]["”’)]?(?:\s|$)/u.test(text.replace(INITIALISM, 'X'))) navigation.add(i);
    }
    if (/\bby\s/i.test(text)) for (const match of text.matchAll(WRITTEN_BY)) authors.add(match[1]!);
  });
  return navigation;
}

// A sponsor's advertisement inside a post (BleepingComputer's, saved as Markdown: `## Test every layer before attackers
// do` / `Security teams log 54% of successful attacks…` / `The Picus whitepaper shows how breach and attack simulation
// tests your SIEM and EDR rules…` / `Get the whitepaper`): a heading, a short blurb, and a call to action that offers
// something (`AD_CALL`), the offer named by the heading or the blurb. A section that ends with a call to download a
// report (`Download the full report`) offers none of these, and a heading of the report's parts (`## Conclusion`) is
// no sponsor's.
const AD_OFFER = 'white ?papers?|e-?books?|guides?|webinars?|demos?|trials?|checklists?|cheat ?sheets?|playbooks?|summit';
const AD_CALL = new RegExp(
  `^(?:get|download|register|watch|try|request|claim|grab|book|start|join|reserve|save)\\s+(?:(?:the|your|a|an|our|it|my|for|free|instant|on-demand|now)\\s+){0,3}(?:${AD_OFFER}|now|today|free|(?:a|your)\\s+seat)\\s*[!.]?$`,
  'i',
);
const AD_OFFER_WORD = new RegExp(`\\b(?:${AD_OFFER})\\b`, 'i');
// A vendor's pop-up boxes, as a scraped page keeps them after its footer (Imperva's blog posts as
// GenAI-Threat-Intelligence-Research keeps them: `×` / `Protect Against Business Logic Abuse` / `Identify key
// capabilities to prevent attacks targeting your business logic` / `Download Now`, whose blurb got Ingress Tool Transfer
// 100; `×` / `Prevoty is now part of the Imperva Runtime Protection` / `Protection against zero-day attacks` / … /
// `Learn more here`), open with the box's close button alone (POPUP_CLOSE) where an advertisement in the post opens
// with a heading, and offer a report as well (`Free Report`); the close button says what the box is, and the offer need
// not be named. A box inside the page opens with its call to try the product (the same posts' `Try Imperva for Free` /
// `Protect your business for 30 days on Imperva.`, Gather Victim Org Information: Identify Business Tempo 97.9 / `Start
// Now`, Registry Run Keys 96.3).
const POPUP_CLOSE = /^\s*[×✕✖⨯]\s*$/u;
const TRY_FREE = /^\s*try\s+\p{Lu}[\p{L}\p{N}.&-]*(?:\s+\p{Lu}[\p{L}\p{N}.&-]*){0,2}\s+(?:for\s+)?free\s*[.!]?\s*$/iu;
const POPUP_CALL = /^(?:learn\s+more(?:\s+here)?|(?:get\s+(?:the\s+)?)?free\s+report|read\s+the\s+report)\s*[!.]?$/i;
const MAX_AD_CALL = 40;
// A pop-up box may quote a customer instead (the same posts: `×` / `“Imperva prevented 10,000 attacks in the first 4 hours
// of Black Friday weekend with no latency to our online customers.”`, which got Scheduled Transfer 100, / `Top 3 US
// Retailer`, Exploit Public-Facing Application 90.7): after its close button, a quotation, from its opening quotation
// mark to its closing one (QUOTE_OPEN, QUOTE_CLOSE: at most MAX_AD_BLURB passages, MAX_AD_LENGTH characters), and who
// said it, the passage after it when that is short and no sentence (QUOTE_SOURCE).
const QUOTE_OPEN = /^\s*[“"«]\s*\p{L}/u;
const QUOTE_CLOSE = /[”"»]\s*$/u;
const QUOTE_SOURCE = /^[^.!?“”"]{1,80}$/u;
const MAX_QUOTE_SOURCE_WORDS = 8;
// A call of two or three capitalised words at the end of a passage, after a word in lower case (`…your business logic Download Now`).
const GLUED_CALL = /\p{Ll}\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,2})\s*[!.]?$/u;
// How long an advertisement's blurb is at most: passages with letters between the heading and the call, characters.
const MAX_AD_BLURB = 5;
const MAX_AD_LENGTH = 800;

/**
 * The passages (by index) of a sponsor's advertisement or a vendor's pop-up box: a call to action (`AD_CALL`, or
 * `POPUP_CALL` in a pop-up box), and at most MAX_AD_BLURB passages with letters before it the box's start and the blurb
 * between (at least one passage, at most MAX_AD_LENGTH characters). The start is a pop-up's close button or a box's call
 * to try the product (`POPUP_CLOSE`, `TRY_FREE`), or a Markdown heading, none of the report's parts, when the heading or
 * the blurb names the offer (`AD_OFFER`).
 */
export function advertisementPassages(passages: readonly { text: string }[]): Set<number> {
  const ads = new Set<number>(testimonialPassages(passages));
  passages.forEach((passage, call) => {
    // A call is short: most passages are passed over at once, but for a pop-up's blurb whose last line is its call
    // (`Identify key capabilities to prevent attacks targeting your business logic` / `Download Now`, joined as a
    // sentence's wrapped lines are).
    const glued = passage.text.length > MAX_AD_CALL && passage.text.length <= MAX_AD_LENGTH ? GLUED_CALL.exec(passage.text) : null;
    if (passage.text.length > MAX_AD_CALL && !glued) return;
    const callText = glued ? glued[1]!.trim() : passage.text.trim();
    const popupCall = POPUP_CALL.test(callText);
    if (!popupCall && !AD_CALL.test(callText)) return;
    const blurb: number[] = [];
    let length = glued ? passage.text.length : 0;
    for (let i = call - 1; i >= 0 && blurb.length <= MAX_AD_BLURB && length <= MAX_AD_LENGTH; i--) {
      const text = passages[i]!.text;
      // A pop-up's close button, or a box's call to try the product, opens it: its passages are the advertisement's.
      if (POPUP_CLOSE.test(text) || TRY_FREE.test(text)) {
        if (blurb.length && blurb.length <= MAX_AD_BLURB && length <= MAX_AD_LENGTH) for (const j of [i, ...blurb, call]) ads.add(j);
        return;
      }
      if (!/\p{L}/u.test(text)) continue;
      if (HEADING_MARK.test(text)) {
        // (A pop-up's own calls, `Learn more here`, and a call glued to its blurb are no sponsor's below a heading.)
        if (popupCall || glued) return;
        const named = AD_OFFER_WORD.test(text) || blurb.some((j) => AD_OFFER_WORD.test(passages[j]!.text));
        if (blurb.length && blurb.length <= MAX_AD_BLURB && length <= MAX_AD_LENGTH && named && !isReportStructure(text)) {
          for (const j of [i, ...blurb, call]) ads.add(j);
        }
        return;
      }
      blurb.push(i);
      length += text.length;
    }
  });
  return ads;
}

/** The passages (by index) of a pop-up box that quotes a customer (see QUOTE_OPEN): its close button, the quotation, who said it. */
function testimonialPassages(passages: readonly { text: string }[]): number[] {
  const found: number[] = [];
  passages.forEach((passage, close) => {
    if (!POPUP_CLOSE.test(passage.text)) return;
    let start = close + 1;
    while (start < passages.length && !/\p{L}/u.test(passages[start]!.text)) start++;
    if (start >= passages.length || !QUOTE_OPEN.test(passages[start]!.text)) return;
    let length = 0;
    for (let end = start; end < passages.length && end - start < MAX_AD_BLURB && length <= MAX_AD_LENGTH; end++) {
      length += passages[end]!.text.length;
      if (!QUOTE_CLOSE.test(passages[end]!.text) || length > MAX_AD_LENGTH) continue;
      const source = passages[end + 1]?.text.trim();
      const said = source !== undefined && QUOTE_SOURCE.test(source) && textWords(source).length <= MAX_QUOTE_SOURCE_WORDS ? [end + 1] : [];
      found.push(close, ...Array.from({ length: end - start + 1 }, (_, k) => start + k), ...said);
      return;
    }
  });
  return found;
}

// Readers' comments below a post (Krebs on Security's ALPHV/BlackCat post of January 2022, as
// GenAI-Threat-Intelligence-Research keeps it saved as Markdown: `16 thoughts on “Who Wrote the ALPHV/BlackCat
// Ransomware Strain?”`, which got Data Encrypted for Impact 100, then `Steve January 28, 2022` / `Saying a programming
// language is considered more secure than C or C++ …`, which got System Language Discovery 95.2, `acecode January 28,
// 2022` / `No doubt Rust and Golang are getting popular in malware development, great investigation.`, Develop
// Capabilities: Malware 100): a heading that counts them (`COMMENTS_HEADING`: thoughts, comments, responses or replies,
// on or to the post's title, or alone), and right after it a commenter's line, a name or a handle and the date
// (`COMMENTER`); each comment goes on up to the next commenter's line, at most MAX_COMMENT passages. The section ends
// with the page's furniture (`Comments are closed.`, `Leave a Reply`) or a passage past a comment's reach. A heading
// with no commenter's line after it is the heading alone (a count alone, `16 Comments` beside the byline, is the
// furniture's, `isPageFurniture`, which is told first).
const COMMENTS_HEADING =
  /^\d{1,5}\s+(?:thoughts?|comments?|responses?|replies|reactions?)(?:\s+(?:on|to)\s+[“"‘'«].{1,200}[”"’'»])?\s*:?$|^(?:comments|responses|replies)\s*\(\d{1,5}\)$/iu;
const COMMENT_DATE =
  /\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?)\s*$/iu;
const MAX_COMMENTER = 60;
const MAX_COMMENT = 20;

/** Whether a passage is the heading of readers' comments (`COMMENTS_HEADING`: `16 thoughts on “…”`, `12 Comments`). */
function isCommentsHeading(text: string): boolean {
  return COMMENTS_HEADING.test(text.trim().replace(HEADING_MARK, ''));
}

/** Whether a passage is a commenter's line: a name or a handle (no sentence's end), then the date of the comment. */
function isCommenterLine(text: string): boolean {
  const date = COMMENT_DATE.exec(text.trim());
  if (!date || !isDate(date[1]!)) return false;
  const name = text.trim().slice(0, date.index);
  return name.length > 0 && name.length <= MAX_COMMENTER && /\p{L}/u.test(name) && !/[.!?;:]\s|[.!?;:]$/u.test(name);
}

/**
 * The passages (by index) of readers' comments below a post: the heading that counts them (`COMMENTS_HEADING`), and,
 * when a commenter's line (`isCommenterLine`) follows it, each comment (its commenter's line and the passages up to
 * the next, at most MAX_COMMENT), up to the page's furniture. Passages without letters are passed over.
 */
export function commentSectionPassages(passages: readonly { text: string }[]): Set<number> {
  const comments = new Set<number>();
  for (let i = 0; i < passages.length; i++) {
    if (!isCommentsHeading(passages[i]!.text)) continue;
    const heading = i;
    // The passages of the comment read since its commenter's line (-1: none yet).
    let body = -1;
    for (let j = i + 1; j < passages.length; j++) {
      const text = passages[j]!.text;
      if (!/\p{L}/u.test(text)) continue;
      if (isCommenterLine(text)) {
        body = 0;
      } else if (body < 0 || body >= MAX_COMMENT || isPageFurniture(text)) {
        break;
      } else {
        body++;
      }
      comments.add(j);
      i = j;
    }
    comments.add(heading);
  }
  return comments;
}

// A vendor's box of its services inside the post (The DFIR Report's, as its posts are saved as Markdown: `## [The DFIR
// Report Services](#services)` / `* [Private Threat Briefs](…): 20+ private DFIR reports annually.` / `* [Threat
// Feed](…): Focuses on tracking Command and Control frameworks like Cobalt Strike, Metasploit, Sliver, etc.`, which got
// Exfiltration Over C2 Channel 96.3 / … / `[Contact us](…) today for pricing or demo!`): a heading naming its services
// (`Our Services`, `The … Services`: `Remote Services` names no one's) and the passages under it, up to the next heading,
// at most MAX_SERVICES passages.
const SERVICES_HEADING = /^(?:our|the\s+[^.!?:;]{1,40}?)\s+services\s*:?$/iu;
const MAX_SERVICES = 12;

/** The passages (by index) of a vendor's box of its services (`SERVICES_HEADING`): the heading and what is under it. */
export function servicesSectionPassages(passages: readonly { text: string }[]): Set<number> {
  const services = new Set<number>();
  passages.forEach((passage, i) => {
    if (!HEADING_MARK.test(passage.text)) return;
    const heading = passage.text.replace(HEADING_MARK, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_]/g, '').trim();
    if (!SERVICES_HEADING.test(heading)) return;
    services.add(i);
    let count = 0;
    for (let j = i + 1; j < passages.length && count < MAX_SERVICES; j++) {
      const text = passages[j]!.text;
      if (HEADING_MARK.test(text)) break;
      if (!/\p{L}/u.test(text)) continue;
      services.add(j);
      count++;
    }
  });
  return services;
}

// A news site sets another story's title inside its post, after `Also:` (ZDNET's posts: `Also: Apple, SonicWall,
// Internet Explorer vulnerabilities added to CISA list` glued between two paragraphs of its BlackCat/Oiltanking post,
// which got Exploitation for Client Execution 100; `**Also:** [**Best printers for your home office**](…)` in its
// PrintNightmare post saved as Markdown, and `**Also:** [**Eufy responds to camera security concerns**](…)` in its Eufy
// post): the label first in its passage, in bold or not, then a link alone or a title (capitalised, no sentence's end or
// full stop at its end: `isHeadline`). A sentence after the label (`Also: The attackers used stolen credentials to log in
// to the VPN.`) is read, and so is a list's item (`- Also: …`).
const ALSO_LABEL = /^(?:\*\*|__)?also(?:\*\*|__)?\s?:(?:\*\*|__)?\s+/iu;
const LINK_TITLE = /^(?:\*\*|__)?\[(?:\*\*|__)?([^\]\n]{1,200}?)(?:\*\*|__)?\]\([^()\s]{1,600}\)(?:\*\*|__)?$/u;

/** Whether a passage is another story's title after `Also:` (ZDNET's `Also: Apple, SonicWall, … added to CISA list`). */
export function isAlsoStory(text: string): boolean {
  const label = ALSO_LABEL.exec(text);
  if (!label) return false;
  const story = text.slice(label[0].length).trim();
  return isHeadline(LINK_TITLE.exec(story)?.[1] ?? story);
}
