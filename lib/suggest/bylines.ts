/** Bylines: who wrote a post and when (authors, research teams, persons' names, dates, reading times). */
import { isCommonEnglishWord } from '../common-words.js';
import { LOWER_UPPER } from './page-furniture.js';
import { textWords } from './text-terms.js';
import { MONTH_ABBREVIATIONS, MONTHS, mayNameVendor, VENDOR } from './vendor-names.js';

// A byline: who wrote a post, and when. Its parts are set apart by a middle dot, a bar, a bullet or a dash ("Jane Doe
// · 5 min read · March 3, 2025"); one is the authors, after "By" or not, the others a date or a reading time. A blog
// theme may set its time apart by an at sign (F-Secure's News from the Lab as scraped: `Posted by Artturi @ 11:59 GMT`).
const BYLINE_PARTS = /\s+[·|•—–@-]\s+/u;
// A blog theme's post meta may end with the post's tags after their label, in lower case as tags are written
// (love2150.github.io's `June 30, 2026 · Brandon Love · Tags: blue-team, cybersecurity, letsdefendio`): that part says
// what the post is filed under, and the byline before it is read without it.
const TAGS_PART = /\s+[·|•—–-]\s+(?:tags?|categories|category|topics?|filed under)\s*:[^·|•]*$/iu;
// Whoever wrote, reviewed, translated or edited it (a translation's credit: `Reviewed by Toru Tanimura`).
const BY = /^(?:(?:written|posted|published|reviewed|translated|edited)\s+)?by\s+|^authors?:\s*/iu;
// A Japanese page names its credit's field before it (`日本語版:Reviewed by Toru Tanimura`, the reviewer of the Japanese
// edition, at the end of the APT32 seed, which got User Execution: Malicious File on "reviewed"): the label is left out.
const JAPANESE_LABEL = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー]{1,10}\s*[:：]\s*/u;
// The authors are people and research teams, set apart by commas, "and" and "&" (not inside brackets).
const AUTHORS_APART = /(?:\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?![^()]*\))/u;
// A team's words, and the words one of them must have ("the Proofpoint Threat Research Team", "Unit 42"; an acronym
// expanded in brackets: "TDR (Threat Detection & Research)").
const TEAM_WORDS = new Set('threat threats research researchers intelligence detection response incident team teams labs lab unit analysis analysts center centre hunting and'.split(' '));
const TEAM_KEY_WORDS = new Set('team teams research researchers labs lab unit'.split(' '));
export const BRACKETS = /\s*\([^()]{0,80}\)/gu;
// A person's name: two to four words, each a capitalised word (`Aimé`, `O’Brien`), an initial (`C.`) or a particle
// (`Pierre Le Bourhis`, `van der Berg`).
const NAME_PARTICLES = 'de da di du del la le van von der den bin al'.split(' ');
const NAME_WORD = new RegExp(`^(?:\\p{Lu}[\\p{Ll}’'-]*\\p{Ll}|\\p{Lu}\\.|${NAME_PARTICLES.join('|')})$`, 'u');
// A date or a reading time: months, days, numbers and these words ("5 min read", "Updated March 3, 2025").
export const DATE_WORDS = new Set(
  (
    `${MONTHS} ${MONTH_ABBREVIATIONS} monday tuesday wednesday thursday friday saturday sunday min mins minute minutes ` +
    'read reading updated update last published posted on at am pm utc gmt'
  ).split(' '),
);

// The words in lower case a byline may have: the others are capitalised names, teams, months and numbers.
const BYLINE_LOWER_WORDS = new Set([...DATE_WORDS, ...'and by the written posted published reviewed translated edited'.split(' '), ...NAME_PARTICLES]);
// A word in lower case (Latin letters: what suggest ranks); without Unicode classes, read fast. A name that begins in
// lower case before a capital (`eSentire`) is none.
const LOWER_WORD = /(?:^|[^A-Za-zÀ-ÖØ-öø-ÿ0-9’'-])([a-zß-öø-ÿ]+)(?![A-ZÀ-ÖØ-Þ])/g;

// A news site's byline scraped with its parts glued together (The Hacker News's `**Nov 06, 2025**Ravie
// LakshmananMalware / Vulnerability`): a date first, maybe in bold, glued to the author's name, and the post's
// categories glued after it, each a capitalised word or more, set apart by a slash, a comma or `&`. Where a lower-case
// letter meets a capital, the glued parts meet.
const GLUED_DATE = /^[*_]{0,2}([\p{L}\d ,.]{6,30}?)[*_]{0,2}(?=\p{Lu})/u;
const GLUED_CATEGORIES = /^\p{Lu}[\p{L}-]*(?:\s*(?:[/,&]\s*|\s)\p{Lu}[\p{L}-]*)*$/u;

/** Whether a passage is a byline glued by scraping (`GLUED_DATE`): a date, an author's name, the post's categories. */
function isGluedByline(text: string): boolean {
  const date = GLUED_DATE.exec(text);
  if (!date || !isDate(date[1]!)) return false;
  const [name, ...categories] = text.slice(date[0].length).replace(LOWER_UPPER, '$&\n').split('\n');
  return isPersonName(name!) && categories.every((part) => GLUED_CATEGORIES.test(part.trim()));
}

// A blog's post meta may glue its reading time to the post's category, after a label (symantec-enterprise-blogs's
// `Posted: 3 Min ReadExpert Perspectives`, which got Web Protocols 100): a date or a reading time (its words of
// DATE_WORDS and numbers, `Posted:` among them), then where a lower-case letter meets a capital, the categories.
const GLUED_POST_META = /^[\p{L}\d ,.:]{3,40}?\p{Ll}(?=\p{Lu})/u;

/** Whether a passage is a date or a reading time glued to the post's categories (`GLUED_POST_META`). */
function isGluedPostMeta(text: string): boolean {
  const meta = GLUED_POST_META.exec(text);
  if (!meta || !/\d/.test(meta[0]) || !onlyDateWords(textWords(meta[0]))) return false;
  return text.slice(meta[0].length).replace(LOWER_UPPER, '$&\n').split('\n').every((part) => GLUED_CATEGORIES.test(part.trim()));
}

// A blog theme's line under the post that says when it was posted, alone (Krebs on Security's, as
// GenAI-Threat-Intelligence-Research keeps its ALPHV/BlackCat post saved as Markdown: `This entry was posted on Friday
// 28th of January 2022 08:18 AM`, which got Application Layer Protocol: Web Protocols 97.7): `posted`, `published` or
// `updated on`, maybe after `This entry was`, then a date (ordinals and `of` read as a date's).
const POSTED_ON = /^\s*(?:this\s+(?:entry|post|article|story)\s+was\s+)?(?:last\s+)?(?:posted|published|updated)\s+on\s+(.{4,60}?)\s*\.?\s*$/iu;
// An embedded tweet's credit under its text (Intezer's CCleaner post saved the same way: `— Costin Raiu (@craiu)
// September 19, 2017`): a dash, the author's name, their handle in brackets, and the date.
const TWEET_CREDIT = /^\s*[—–-]\s*[^()\n]{1,60}?\s*\(@\w{1,30}\)\s+(.{4,40}?)\s*$/u;

/** Whether a passage is a date in a post's words (`POSTED_ON`) or an embedded tweet's credit (`TWEET_CREDIT`). */
function isPostedDate(text: string): boolean {
  const date = POSTED_ON.exec(text) ?? TWEET_CREDIT.exec(text);
  return !!date && isDate(date[1]!.replace(/(\d)(?:st|nd|rd|th)\b/g, '$1').replace(/\bof\b/gi, ' '));
}

// A credit, a sentence of its own at a report's head or end: who did the work, wrote or reviewed the report (The DFIR
// Report's posts saved as Markdown: `Analysis and reporting completed by [@\_pete\_0](…), [Zach Stanford](…) (aka
// [@svch0st](…)), and guest contributor [Kelsey Merriman](…) …`, which got Virtualization/Sandbox Evasion 77.1, and
// `Analysis and reporting completed by [Angelo\_Violetti](…), and reviewed by [Zach Stanford](…).`, 97.6; ETH Zürich's
// page on its MEGA attacks: `This research was conducted by [Prof. Dr. Martin R. Albrecht](…), [Miro Haller](…), …`;
// Sophos's `Written by` joined to its first author, `Written by Linda Smith,`, which got Command and Scripting
// Interpreter: Python 97.2, as did ZDNET's `Written by Jonathan Greig, Contributor Feb. 2, 2022 at 7:56 a.m. PT`): the
// work's words (`Analysis and reporting`, `This research`, none), a verb of doing it and `by`, then only names, handles
// and links to them, a role (`guest contributor`), the next credit (`and reviewed by`), a date and a time. Files
// `written by the malware`, an intrusion `conducted by APT29` are read: `the malware` is no name, an intrusion no work.
const CREDIT =
  /^(?:(?:this|the|our)\s+)?(?:(?:analysis|reporting|report|research|investigation|writing|review|post|article|blog)(?:\s*,\s*|\s+and\s+|\s+&\s+|\s+))*(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:completed|conducted|written|performed|authored|prepared|compiled|researched|produced)\s+by\s+/iu;
const CREDIT_LOWER_WORDS = new Set([...DATE_WORDS, ...'and by reviewed edited with help from guest contributor contributors aka of the'.split(' ')]);
const LINK_TEXT = /!?\[([^\]\n]*)\]\([^()\s]*\)/gu;
const HANDLE = /@[\w\\.-]+|\b[ap]\.m\.?/giu;
const MAX_CREDIT = 400;

/** Whether a passage is a credit: who did the work, after its words and `completed by`, `written by` (`CREDIT`). */
export function isCredit(passage: string): boolean {
  if (passage.length > MAX_CREDIT) return false;
  const credit = CREDIT.exec(passage.trim());
  if (!credit) return false;
  const names = passage.trim().slice(credit[0].length).replace(LINK_TEXT, '$1').replace(HANDLE, ' ');
  if (!/\p{Lu}/u.test(names)) return false;
  LOWER_WORD.lastIndex = 0;
  for (let word = LOWER_WORD.exec(names); word; word = LOWER_WORD.exec(names)) if (!CREDIT_LOWER_WORDS.has(word[1]!)) return false;
  return true;
}

// A byline whose parts a scraped page set apart by spaces only, the authors' names, the date and the reading time
// (Imperva's blog as GenAI-Threat-Intelligence-Research keeps its 8220 gang post: `Daniel Johnston Dec 14, 2023  3 min
// read` under the post's title, which got Query Registry 97.9, and `Erez Hasson,  Gabi Stapel Nov 8, 2023  13 min
// read` under each title of its `Trending` list): the names, then from a month's name on only a date's words, a reading
// time last. Without the reading time, a name and a date are a reader's comment's line as much (`commentSectionPassages`).
const SPACED_DATE = new RegExp(`^(.+?)\\s+((?:${[...MONTHS.split(' '), ...MONTH_ABBREVIATIONS.split(' ')].join('|')})\\.?\\s+\\d.*\\bmins?\\s+read)\\s*$`, 'iu');

/** Whether a passage is authors' names, a date and a reading time set apart by spaces only (`SPACED_DATE`). */
function isSpacedByline(text: string): boolean {
  const byline = SPACED_DATE.exec(text);
  return !!byline && onlyDateWords(textWords(byline[2]!)) && byline[1]!.split(AUTHORS_APART).every((name) => isPersonName(name));
}

// A report's thanks to those who helped, a sentence of its own at its end (Mandiant's ALPHV post of April 2023 as
// GenAI-Threat-Intelligence-Research keeps it scraped into one line: `AcknowledgementsWith special thanks to Nick
// Richard for technical review.`, its heading glued, which got Traffic Signaling 91.1): maybe the heading, then `(With)
// (special) thanks to` or `We (would like to) thank`, names, and maybe what for, in a credit's words (`for technical
// review`, `for their help with this research`). `Thanks to a misconfigured server, the actor…` is read: `a` is no name.
const THANKS = /^(?:acknowledge?ments?\s*:?\s*)?(?:(?:with\s+)?(?:(?:special|many|our)\s+)?thanks\s+(?:go(?:es)?\s+)?to|we\s+(?:would\s+(?:also\s+)?like\s+to\s+)?(?:also\s+)?thank)\s+(?=\p{Lu}|@|\[)/iu;
const THANKS_LOWER_WORDS = new Set(
  [...CREDIT_LOWER_WORDS, ...'for their his her technical review reviewing help assistance contribution contributions support input feedback insight insights research analysis report blog post this work team teams at'.split(' ')],
);

/** Whether a passage is a report's thanks to those who helped (`THANKS`): names, and what for in a credit's words. */
function isThanks(passage: string): boolean {
  const text = passage.trim();
  const thanks = text.length <= MAX_CREDIT ? THANKS.exec(text) : null;
  if (!thanks) return false;
  const names = text.slice(thanks[0].length).replace(LINK_TEXT, '$1').replace(HANDLE, ' ');
  LOWER_WORD.lastIndex = 0;
  for (let word = LOWER_WORD.exec(names); word; word = LOWER_WORD.exec(names)) if (!THANKS_LOWER_WORDS.has(word[1]!)) return false;
  return true;
}

/**
 * Whether a passage is a byline: authors after "By" (or "Reviewed by", "Translated by"; a Japanese label before it
 * left out), or authors with a research team, a date or a reading time.
 */
export function isByline(passage: string): boolean {
  if (isCredit(passage) || isThanks(passage)) return true;
  if (passage.length > 200) return false;
  const text = passage.replace(JAPANESE_LABEL, '').replace(TAGS_PART, '');
  if (/read\s*$/i.test(text) && isSpacedByline(text.trim())) return true;
  // A byline glued by scraping begins with a date, maybe in bold: passed over unless its first character is a digit or a mark.
  if (/^[*_\d]|^\p{Lu}\p{Ll}{2,8}\.? \d/u.test(text) && isGluedByline(text)) return true;
  if (/^\p{Lu}\p{Ll}{2,8}:? \d/u.test(text) && isGluedPostMeta(text)) return true;
  if (/^\s*(?:[—–-]|this|posted|published|updated|last)/iu.test(text) && isPostedDate(text)) return true;
  if (!/^\p{Lu}/u.test(text)) return false;
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
    if (isTeam(item, !!by)) return (team = true);
    // Without "By", a name has a word that is no common English word ("Cobalt Strike" is a tool); after it, no verb's
    // form ("By Exploiting Public-Facing Applications" is a heading). Beside a date or a time, a first name alone
    // (`Posted by Artturi @ 11:59 GMT`).
    if (!by) return isPersonName(item);
    const words = item.trim().split(/\s+/);
    return words.length >= (dates.length ? 1 : 2) && words.length <= 4 && words.every((word) => NAME_WORD.test(word)) && !words.some((word) => /(?:ing|ed)$/.test(word) && isCommonEnglishWord(word));
  });
  return named && (!!by || team || dates.some((part) => textWords(part).length > 0));
}

const COMPANY_FIRST = /^(\p{L}*\p{Lu}[\p{L}\d-]*)\s+(?=\p{Lu})/u;

/** Whether an author of a byline is a research team: `the Proofpoint Threat Research Team`, `TDR (Threat Detection & Research)`. */
function isTeam(item: string, afterBy = false): boolean {
  const bracketed = [...item.matchAll(BRACKETS)].map((match) => match[0]);
  // After "By", a company's own name first, no common English word (eSentire's `BY eSentire Threat Response Unit (TRU)`,
  // which got Masquerading: Masquerade Task or Service 98.3): the team is named by the words after it. (Without "By", a
  // name and `Team` may be a group's: Dragos's `DAIXIN TEAM`.)
  const bare = item.replace(BRACKETS, '').replace(/^\s*the\s+/i, '').trim().replace(COMPANY_FIRST, (name, word: string) => (afterBy && !isCommonEnglishWord(word.toLowerCase()) ? '' : name));
  const words = textWords(mayNameVendor(textWords(bare)) ? bare.replace(VENDOR, ' ') : bare);
  const teamWords = (list: readonly string[]): boolean => list.length > 0 && list.every((word) => TEAM_WORDS.has(word)) && list.some((word) => TEAM_KEY_WORDS.has(word));
  // An acronym with its expansion in brackets.
  if (bracketed.length === 1 && /^\p{Lu}{2,6}$/u.test(bare)) return teamWords(textWords(bracketed[0]!));
  return teamWords(words);
}

// A byline with neither "By", a team nor a date on its line: scraped pages set the authors on lines of their own, under
// a label (Securelist's `Authors` / `Dmitry Bestuzhev`) or beside the post's date (Kaspersky's blog: `Pavel Shoshin` /
// `April 9, 2019`). A person's name alone is read (it may be a tool's: `Brute Ratel`); beside those, it is a byline.
const AUTHOR_LABEL = /^(?:authors?|author\(s\)|written by|posted by|about the authors?)\s*:?$/i;
// The author's job under their name, on a line of its own (Darktrace's blog as stored text: `Written by` / `Max
// Heinemeyer` / `Global Field CISO`, which got Obfuscated Files or Information: LNK Icon Smuggling 98.3): capitalised
// words, maybe `of`, `and`, `&` between, the last a job's (a title's initials, `CISO`, `CTO`, `VP`, or `Researcher`,
// `Analyst`, `Director`…), or a job's of a field (`Director of Threat Intelligence`). Right after a byline only: alone, `Incident Response Lead` or `Threat Hunter` may be a heading.
const AUTHOR_JOB =
  /^(?:\p{Lu}[\p{L}’'.-]*\s+(?:(?:of|and|&|for)\s+)?){0,5}(?:C[A-Z]?[EIOTS]O|VP|SVP|EVP|Researcher|Analyst|Director|Engineer|Manager|Lead|Officer|Architect|Consultant|President|Head|Specialist|Strategist|Evangelist|Reporter|Editor|Writer|Contributor|Scientist|Hunter|Responder|Investigator|Principal|Fellow|Founder|Co-Founder)s?(?:\s+(?:of|for)\s+\p{Lu}[\p{L}’'.-]*(?:\s+(?:&\s+)?\p{Lu}[\p{L}’'.-]*){0,3})?$/u;
const MAX_AUTHORS = 10;
const MAX_AUTHOR_LINE = 60;

/** Whether a text is a person's name: two to four capitalised words or initials, one of them no common English word. */
export function isPersonName(text: string): boolean {
  // (Most texts have more words: they are not split.)
  if (!TWO_TO_FOUR_WORDS.test(text)) return false;
  const words = text.trim().split(/\s+/);
  return words.every((word) => NAME_WORD.test(word)) && words.some((word) => !isCommonEnglishWord(word.replace(/[’'.-]/g, '')));
}

// Two to four words, spaces around them: as many as a person's name has.
const TWO_TO_FOUR_WORDS = /^\s*\S+(?:\s+\S+){1,3}\s*$/;

/** Whether a text is only a date (`April 9, 2019`, `18 Feb 2020`): a date's words and at least one number. */
export function isDate(text: string): boolean {
  const words = textWords(text);
  return words.some((word) => /^\d+$/.test(word)) && onlyDateWords(words);
}

/** Whether words are only a date's words and numbers (`april`, `9`, `2019`; a time's `00pm` of `1:00pm`; none at all too). */
function onlyDateWords(words: readonly string[]): boolean {
  return words.every((word) => DATE_WORDS.has(word) || /^\d+(?:am|pm)?$/.test(word));
}

// A date or a time alone on its line, as a page sets it beside its byline (BleepingComputer's `September 16, 2023` /
// `10:11 AM`, Securelist's webinar `13 May 2021, 1:00pm`). A line of numbers only (a count of comments) is none.
const MAX_DATE_LINE = 60;

/** Whether a passage is only a date or a time (`10:11 AM`, `* June 8, 2026`), with a word of a date's. */
export function isDateLine(text: string): boolean {
  return text.length <= MAX_DATE_LINE && /\p{L}/u.test(text) && isDate(text);
}

// A blog's banner above each post: the blog's name in capitals, a dash or a bar, and the post's date, set between marks
// or not (F-Secure's News from the Lab as a threat-report corpus keeps a post: `<<<NEWS FROM THE LAB - Wednesday, July
// 22, 2015>>>`, which got Multiband Communication 95.2; the blog's archived pages: `NEWS FROM THE LAB - Friday, March 5,
// 2010`). The date has a month's or a day's name (`isDate`, not a year alone: a report's running title `… REVIEW 2022`
// is a running header's matter); marks around the line (`<<<` … `>>>`, `***` … `***`) are the banner's frame.
const BANNER_FRAME = /^\s*(?:<{2,}|\*{3,}|={3,}|~{3,}|-{3,})\s*(.*?)\s*(?:>{2,}|\*{3,}|={3,}|~{3,}|-{3,})\s*$/;
const DATED_BANNER = /^(\p{Lu}[^\p{Ll}|]*?)\s+[-–—|]\s+(.*\p{L}.*)$/u;
const MAX_BANNER = 100;

/** Whether a passage is a blog's banner: its name in capitals and a date (`NEWS FROM THE LAB - Friday, March 5, 2010`), framed by marks or not. */
export function isDatedBanner(text: string): boolean {
  if (text.length > MAX_BANNER || !/\d/.test(text)) return false;
  const banner = DATED_BANNER.exec(BANNER_FRAME.exec(text)?.[1] ?? text.trim());
  return banner !== null && /\p{Lu}{2}/u.test(banner[1]!) && isDate(banner[2]!);
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
    } else if (AUTHOR_JOB.test(text)) {
      const before = beside(index, -1);
      if (before !== undefined && (bylines.has(before) || isByline(passages[before]!.text))) bylines.add(index);
    }
  });
  return bylines;
}

// A note about the post's author at its end, as news sites set it under the author's name (BleepingComputer's `Sergiu
// Gatlan` / `Sergiu is a news reporter who has covered the latest cybersecurity and technology developments for over a
// decade. Email or Twitter DMs for tips.`): a sentence whose subject is the author, by a name or first name given
// earlier by a byline or a person's name alone, that says what they are (`is a news reporter`, `is a senior researcher
// at`), with the other sentences of its paragraph. A sentence about anyone else (`Lazarus is a threat group`), or about
// the author doing anything else, is read. The roles are those of the people who write a vendor's posts (Sophos News's
// `Linda is an incident lead in the Rapid Response team at Sophos, with experience…`, which got Data from Information
// Repositories: Code Repositories 100; Virus Bulletin's speakers: `Mingyen Hsieh is an enthusiast in APT investigation,
// threat intelligence, reverse engineering and sandboxing.`, Search Closed Sources: Threat Intel Vendors 92.4), or
// their years of experience (`… has over 15 years of experience in …`). Under a label `About the author` (Sophos News
// sets one above each author's name and note), the first sentence after the name that begins with a word of it is such
// a note whatever it says (`Rajat is an incident response analyst at Sophos.`), with the other sentences of its
// paragraph (`He specializes in … customer environments infected with ransomware, crypto miners and unauthorized
// access.`).
const AUTHOR_ROLE = /^(\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3})\s+(?:(?:is|was)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,4}?(?:news\s+)?(?:reporter|journalist|writer|editor|researcher|analyst|author|contributor|correspondent|engineer|specialist|expert|consultant|founder|director|lead|manager|head|officer|scientist|architect|hunter|responder|professor|strategist|evangelist|investigator|practitioner|fellow|enthusiast)s?\b|has\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+)?\d+\+?\s+years\b)/u;
const MAX_BIO = 400;
// The label above a note about the author (`About the Author`, `About the authors:`), maybe a Markdown heading.
const ABOUT_AUTHOR = /^(?:#{1,6}\s+)?about the authors?\s*:?$/i;
// The first word of a sentence, its subject when it is the author's name (`Rajat is …`, `Linda’s passion for …`).
const FIRST_NAME = /^\p{Lu}[\p{Ll}’'-]*\p{Ll}(?=’s\b|'s\b|\s)/u;
// Passages up to this long are passed over between the label and the note (the author's name, a role, a link).
const MAX_NAME_LINE = 60;

/**
 * The passages (by index) that are a note about the post's author (AUTHOR_ROLE): its first sentence, after a byline or a
 * person's name alone that names the author, and the passages after it on its line; under a label `About the author`
 * (ABOUT_AUTHOR), the first sentence after the names that begins with a word of them, whatever it says.
 */
export function authorBioPassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const bio = new Set<number>();
  // The words of the names given so far by bylines and names alone.
  const names = new Set<string>();
  // Whether an `About the author` label stands above, with names only (or nothing) between.
  let labelled = false;
  passages.forEach((passage, i) => {
    const text = passage.text.trim();
    // Under its label, the note is the author's paragraph (one passage with `lines`).
    if (labelled && text.length > MAX_NAME_LINE) {
      labelled = false;
      if (names.has(FIRST_NAME.exec(text)?.[0] ?? '')) {
        for (let j = i; j < passages.length && passages[j]!.line === passage.line; j++) bio.add(j);
        return;
      }
    }
    // A byline or a name is short, and so is such a note: most passages are passed over at once.
    if (text.length > MAX_BIO) return;
    if (text.length <= MAX_NAME_LINE && ABOUT_AUTHOR.test(text)) {
      labelled = true;
      return;
    }
    if (isPersonName(text) || isByline(text)) {
      for (const word of text.replace(BY, '').split(/[\s,]+/)) if (NAME_WORD.test(word)) names.add(word);
      return;
    }
    const subject = names.size ? AUTHOR_ROLE.exec(text)?.[1] : undefined;
    if (subject?.split(/\s+/).every((word) => names.has(word))) {
      bio.add(i);
      for (let j = i + 1; j < passages.length && passages[j]!.line === passage.line; j++) bio.add(j);
    }
  });
  return bio;
}

// A blog series' box above the post: the series' name on a line of its own, then a paragraph about who writes it, one of
// whose sentences says so by the name (Darktrace's blog as the pages corpus stores its Sodinokibi post: `Inside the
// SOC` / `Darktrace cyber analysts are world-class experts in threat intelligence, threat hunting and incident
// response, … Inside the SOC is exclusively authored by these experts, providing analysis of cyber incidents…`, which
// got Obfuscated Files or Information: Embedded Payloads 94.6, Search Closed Sources: Threat Intel Vendors 97.2 and
// Virtualization/Sandbox Evasion 99). The name, then `(series) is (exclusively) authored, written or produced by`.
const MAX_SERIES_NAME = 60;
const SERIES_AUTHORED = /^(?:the\s+)?(?:series\s+)?is\s+(?:\p{Ll}+\s+)?(?:authored|written|produced|curated|run|brought\s+to\s+you)\s+by\b/iu;

/**
 * The passages (by index) of a blog series' box: a name alone on its line (capitalised, at most MAX_SERIES_NAME
 * characters, no sentence's end) and the passages of the next line, one of which says that the series of that name is
 * written by someone (`SERIES_AUTHORED`).
 */
export function seriesBoxPassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const box = new Set<number>();
  passages.forEach((passage, i) => {
    const name = passage.text.trim();
    const next = passages[i + 1];
    if (name.length > MAX_SERIES_NAME || !/^\p{Lu}/u.test(name) || /[.!?:;]$/.test(name) || !next || next.line === passage.line) return;
    const paragraph: number[] = [];
    for (let j = i + 1; j < passages.length && passages[j]!.line === next.line; j++) paragraph.push(j);
    const said = paragraph.some((j) => {
      const text = passages[j]!.text.trim();
      const at = text.indexOf(name);
      // (At a sentence's start: with `lines`, the paragraph's line holds its sentences.)
      return at >= 0 && /(?:^|[.!?]\s+)(?:(?:the|our)\s+)?$/i.test(text.slice(0, at)) && SERIES_AUTHORED.test(text.slice(at + name.length).trimStart());
    });
    if (said) for (const j of [i, ...paragraph]) box.add(j);
  });
  return box;
}
