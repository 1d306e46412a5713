import { findTechniqueIds } from '../normalize/parse-reference.js';
import { isAttackStages } from './attack-stages.js';
import { authorBioPassages, bylinePassages, isByline, isDatedBanner, isDateLine, seriesBoxPassages } from './bylines.js';
import { codeLabelPassages, indicatorRowText, isDetectionNames, isDetectionVerdict, isQueryLine, isRuleSyntax, withoutDetectionNames, yaraRulePassages } from './detection-syntax.js';
import { htmlText } from './html-text.js';
import { imageCaptionPassages } from './image-captions.js';
import {
  cookieBannerPassages,
  formPassages,
  isBreadcrumb,
  isGluedMenu,
  isLinksOnly,
  isPageFurniture,
  isPageNumber,
  menuLabelPassages,
  menuRunPassages,
  runningHeaders,
  withoutGluedMenu,
  withoutRunningHeader,
} from './page-furniture.js';
import { documentLanguage, suggestPassageText, type DocumentLanguage } from './passage-language.js';
import { advertisementPassages, commentSectionPassages, isAlsoStory, postNavigationPassages, relatedPostsPassages, servicesSectionPassages, tagListPassages } from './post-lists.js';
import { isPlaceNamesOnly } from './place-names.js';
import { pullQuotePassages } from './pull-quotes.js';
import { figureLabelPassages, isAdvice, isColumnNames, isMetadataFields, isReportStructure, isSalutation, repeatedTitlePassages, tableOfContentsPassages } from './report-structure.js';
import { isMarkupLine, splitPassages, type Passage, type PassageStructure } from './split-passages.js';
import type { SuggestCandidate, SuggestModel } from './suggest-model.js';
import { isToolNamesOnly } from './tool-names.js';
import { isVendorNamesOnly, withoutReporters } from './vendor-names.js';

/** The suggestions for one passage of a report. */
export interface PassageSuggestions {
  /** 1-based line of the input where the passage starts. */
  line: number;
  text: string;
  candidates: SuggestCandidate[];
  /**
   * With candidates: how many words of the passage the first candidate's evidence holds (see `RankedPassage`). 1 says
   * that the best suggestion rests on a single word, as for a heading, a menu or a page's boilerplate ("Activity
   * overview", "We use cookies"): check that the passage describes a behaviour at all.
   */
  wordsInCommon?: number;
  /** Why a passage has no candidates or how it was read: it cites IDs (that is `extract`'s), its language. */
  note?: string;
  /**
   * With candidates: the passage advises defenders ("Organizations should enable MFA", a list of mitigations), so its
   * candidates are what it guards against, not what an adversary did (`ADVICE_NOTE`).
   */
  advice?: true;
}

/** What the readable forms say of a passage whose suggestions rest on one word (`wordsInCommon` 1). */
export const ONE_WORD = 'the first suggestion rests on one word of it: check that it describes a behaviour';

/** The note of a markup line with `lines` (`:toc:`, `[options="header"]`, `----`): it is not ranked. */
export const MARKUP_NOTE = 'markup (AsciiDoc or Markdown), not text: not ranked';

/** The note of a table's header row (its column names): it is not ranked. */
export const TABLE_HEADER_NOTE = "a table's header row (column names), not text: not ranked";

/** The note of a line of a page's front matter (`---` / `layout: post` / `tags: [...]` / `---`): it is not ranked. */
export const FRONT_MATTER_NOTE = "the page's front matter (its metadata: title, tags, summary), which its text says again: not ranked";

/** The note of a template tag on lines of its own (`{% include news-card.html … %}`, `{{ page.title }}`): it is not ranked. */
export const TEMPLATE_NOTE = "a template tag (Liquid, Jinja, Hugo), filled in when the page is built, not text: not ranked";

// The notes of passages that are no text of the report, by what they are.
const STRUCTURE_NOTES: Readonly<Record<PassageStructure, string>> = {
  'table header': TABLE_HEADER_NOTE,
  'front matter': FRONT_MATTER_NOTE,
  'template tag': TEMPLATE_NOTE,
};

/** The note of a row of an indicator table whose other cells have no words: it is not ranked. */
export const INDICATOR_ROW_NOTE = 'a row of indicators (hashes, addresses, file names, detection names), no text: not ranked';

/** The note of a row of an indicator table with a cell of text: only that was ranked. */
export const INDICATOR_ROW_TEXT_NOTE = 'a row of indicators: only its text was read, not its hashes, addresses, file names or detection names';

/** The note of a passage that only names security vendors, products or news sites (`ESET`, a list of sources): not ranked. */
export const VENDOR_NOTE = 'names of security vendors, products or news sites only, no behaviour: not ranked';

/** The note of a passage that is only a list of names of software, tools or groups (`LIGOLO and REVSOCKS.`): not ranked. */
export const TOOL_NAMES_NOTE = 'names of software, tools or groups only (which, not what was done: the sentences around say that), no behaviour: not ranked';

/** The note of a passage that only names places (a site's editions by region, a list of countries: `Europe`, `United States`): not ranked. */
export const PLACE_NOTE = "names of places only (a site's editions by region, a list of countries), no behaviour: not ranked";

/** The note of a passage that is only a mail's greeting or sign-off (`Dear Team,`, `Best regards,`): not ranked. */
export const SALUTATION_NOTE = 'a greeting or a sign-off, no behaviour: not ranked';

/** The note of a heading or a label of the report's structure (`= X - Indicators of Compromise`, `Associated Threat Actors:`): not ranked. */
export const REPORT_STRUCTURE_NOTE = "a heading or a label of the report's parts (indicators, summary, threat actors...), no behaviour: not ranked";

/** The note of a passage that is only stages of an attack (`Defense Evasion`, `Complete Mission`): a section's heading, a label, a tactic's cell. */
export const ATTACK_STAGE_NOTE = "an attack's stage only (an ATT&CK tactic, a stage of an attack lifecycle: a section's heading, a label, a table's tactic cell), no technique: not ranked";

/** The note of a passage that is only links (a site's menu item, a category, a list of other posts): not ranked. */
export const LINKS_NOTE = "links only (a site's menu, a category, other posts), no sentence of the report: not ranked";

/** The note of a passage that is only a web page's furniture (cookies, legal links, share buttons, newsletter): not ranked. */
export const PAGE_FURNITURE_NOTE = "a web page's furniture (cookies, legal links, sharing, newsletter, other posts, reading time), no behaviour: not ranked";

/** The note of a passage that is only a table's column names (`ID`, `Description`), a cell of a flattened header: not ranked. */
export const COLUMN_NAMES_NOTE = "column names only (a table's header, flattened one cell per line), not text: not ranked";

/** The note of a passage that is only fields of metadata (`**Source**: https://…`, `status: experimental`): not ranked. */
export const METADATA_NOTE = 'metadata fields only (source, author, date, ID, version, status...), no behaviour: not ranked';

/** The note of a byline (`By John Smith`, `Jane Doe · 5 min read · March 3, 2025`): not ranked. */
export const BYLINE_NOTE = 'a byline (authors, a research team, a date, a reading time), no behaviour: not ranked';

/** The note of a note about the post's author (`Sergiu is a news reporter who…`, `Email or Twitter DMs for tips.`): not ranked. */
export const AUTHOR_BIO_NOTE = "a note about the post's author (who they are, how to reach them), no behaviour: not ranked";

/** The note of a date or a time alone on its line (`September 16, 2023`, `10:11 AM`), as a page sets it beside its byline: not ranked. */
export const DATE_NOTE = 'a date or a time alone, no behaviour: not ranked';

/** The note of a blog's banner, its name in capitals and the post's date (`<<<NEWS FROM THE LAB - Wednesday, July 22, 2015>>>`): not ranked. */
export const BANNER_NOTE = "a blog's banner (its name in capitals and the post's date), no behaviour: not ranked";

/** The note of a pull quote, words of a sentence before it set again beside the text (`pullQuotePassages`): not ranked. */
export const PULL_QUOTE_NOTE = 'a pull quote (words of a sentence before it, set again beside the text), ranked where they are first given: not ranked here';

/** The note of a site's menu scraped into one line, its items run together (`White papersThreat reports`): not ranked. */
export const GLUED_MENU_NOTE = "a site's menu glued into one line by scraping (items run together), no sentence: not ranked";

/** The note of a list of tags or categories, its label and its entries (`Trending topics` / `Malware` / `Ransomware`): not ranked. */
export const TAG_LIST_NOTE = 'a list of tags or categories (its label and its entries), no behaviour: not ranked';

/** The note of a site's menu saved one item a line (`Products` / `Solutions` / `Partners` / `Resources`): not ranked. */
export const MENU_NOTE = "a site's menu (short items one a line, naming the site's parts), no sentence: not ranked";

/** The note of an image's caption or text that says what the picture is (`Screenshot of the phishing page`): not ranked. */
export const IMAGE_CAPTION_NOTE = "an image's caption or text (a screenshot, a photo or a picture of …), not the report's text: not ranked";

/** The note of a breadcrumb, the page's place in its site (`Home > Blog > Threat Research`): not ranked. */
export const BREADCRUMB_NOTE = "a breadcrumb (the page's place in its site: Home > Blog > …), no behaviour: not ranked";

/** The note of a passage that is only anti-virus detection names (`HEUR:Trojan.Win32.Generic`, `Trojan.Apost.FEC2`): not ranked. */
export const DETECTION_NAMES_NOTE = "detection names only (an anti-virus product's names for samples), no behaviour: not ranked";

/** The note of a vendor's sentence that gives only its products' name for a sample (`Kaspersky products detect this threat as HEUR:…`): not ranked. */
export const DETECTION_VERDICT_NOTE = "a product's detection name for a sample (… detect this threat as HEUR:Trojan…), no behaviour: not ranked";

/** The note of a detection rule's syntax in a page (YARA meta fields or a condition, Sigma's keys): not ranked. */
export const RULE_SYNTAX_NOTE = "a detection rule's syntax (a YARA rule, its meta fields, strings or condition; Sigma's keys or condition), not the report's text: not ranked";

/** The note of a hunting query's line quoted in a page (KQL's `| where …`, Splunk's `| stats …`): not ranked. */
export const QUERY_NOTE = "a hunting query's syntax (KQL, Splunk SPL: a line after a pipe), not the report's text: not ranked";

/** The note of a list of other posts, its label and their titles, dates and teasers (`You may also like:`): not ranked. */
export const RELATED_POSTS_NOTE = "a list of other posts (its label, their titles, dates, authors and teasers), not the report's text: not ranked";

/** The note of a sponsor's advertisement in a page, its headline, blurb and call (`Get the whitepaper`): not ranked. */
export const ADVERTISEMENT_NOTE = "an advertisement (a sponsor's headline, blurb and call to action), not the report's text: not ranked";

/** The note of a PDF's running header or footer alone, its page number aside (`ICS/OT CYBERSECURITY YEAR IN REVIEW 202258`): not ranked. */
export const RUNNING_HEADER_NOTE = "a page's running header or footer (the report's title on every page, a page number), not the report's text: not ranked";

/** The note of a table of contents (its label, its parts' titles and page numbers): not ranked. */
export const CONTENTS_NOTE = "a table of contents (its label, the parts' titles and page numbers), not the report's text: not ranked";

/** The note of readers' comments below a post (their heading, each commenter's name and date, what they wrote): not ranked. */
export const COMMENTS_NOTE = "readers' comments below the post (their heading, who wrote each and when, what they wrote), not the report's text: not ranked";

/** The note of a post's title said again by its page (above the post, after the breadcrumb, above the comments): not ranked. */
export const REPEATED_TITLE_NOTE = "the post's title (or a heading) said again by the page, ranked where it is first given: not ranked here";

// Passages that describe no behaviour, with the note that says so; the first that applies is given.
const UNRANKED: ReadonlyArray<readonly [is: (text: string) => boolean, note: string]> = [
  // Who reported or detected it ("ESET", "Check Point Research, Palo Alto Networks, IBM — Threat Intelligence Reports").
  [isVendorNamesOnly, VENDOR_NOTE],
  // A mailed advisory's "Dear Team," and "Best regards,".
  [isSalutation, SALUTATION_NOTE],
  // Where a report's parts begin ("= CeranaKeeper - Indicators of Compromise", "Associated Threat Actors:").
  [isReportStructure, REPORT_STRUCTURE_NOTE],
  // A scraped page's menu and link lists ("+ [Email & Spam Trends](https://...)").
  [isLinksOnly, LINKS_NOTE],
  // Or the page's place in the site ("Home > Blog > Threat Research").
  [isBreadcrumb, BREADCRUMB_NOTE],
  // Or that menu scraped into one line, its items run together ("White papersThreat reportsFEATURED").
  [isGluedMenu, GLUED_MENU_NOTE],
  // Or another story's title inside the post, after `Also:` ("Also: Apple, SonicWall, Internet Explorer vulnerabilities added to CISA list").
  [isAlsoStory, RELATED_POSTS_NOTE],
  // And its cookie banner, footer, share buttons and newsletter box ("Manage Cookies", "Share Article").
  [isPageFurniture, PAGE_FURNITURE_NOTE],
  // Its cells of detection names ("Trojan.Apost.FEC2, Trojan.Apost.FEC3, fe_ml_heuristic") too.
  [isDetectionNames, DETECTION_NAMES_NOTE],
  // Or a vendor's sentence giving only such a name ("Kaspersky products detect this threat as HEUR:Trojan-PSW.Win32.Azorult.gen").
  [isDetectionVerdict, DETECTION_VERDICT_NOTE],
  // A table flattened one cell per line: its header cells ("ID", "Name", "Description") stand alone.
  [isColumnNames, COLUMN_NAMES_NOTE],
  // A page's or a rule's metadata outside a front matter ("**Source**: https://…", "status: experimental").
  [isMetadataFields, METADATA_NOTE],
  // A YARA or Sigma rule's meta fields, keys and condition ("condition: any of them", "detection: selection: Image|endswith:").
  [isRuleSyntax, RULE_SYNTAX_NOTE],
  // Who wrote it and when ("Joshua Miller, Crista Giering and the Proofpoint Threat Research Team").
  [isByline, BYLINE_NOTE],
  // The blog's name and the post's date above it ("<<<NEWS FROM THE LAB - Wednesday, July 22, 2015>>>").
  [isDatedBanner, BANNER_NOTE],
  // A PDF's page number in its footer ("Page 11 of 14 | Product ID: AA25-141B").
  [isPageNumber, RUNNING_HEADER_NOTE],
];

/**
 * The note of a figure's label among its list items (`Recon`, `Weaponization` beside a kill chain's techniques), of a
 * chart's label or legend (`CHANGE`, `Loss of view: 1%`), or of a caption in capitals (`FIGURE 8: LOSS OF VIEW …`): not ranked.
 */
export const FIGURE_LABEL_NOTE =
  "a figure's label (one word between its list's items: a stage, a column; a chart's label or legend; a caption in capitals, a chart's or a table's title), no behaviour: not ranked";

/** The note of a passage with candidates that advises defenders (`advice`). */
export const ADVICE_NOTE = 'advice to defenders (a recommendation), not what an adversary did: its candidates are what it guards against';

/** How to suggest: by sentence or by line, how many candidates, the lowest score shown, and who hears of progress. */
export interface SuggestOptions {
  lines?: boolean;
  top?: number;
  minScore?: number;
  /** Called after each passage, with how many are done and how many there are. */
  onProgress?: (done: number, total: number) => void;
  /** The text is an HTML page (`isHtmlPage`): read its text (`htmlText`), line for line. */
  html?: boolean;
}

/**
 * The passages (by index) that are page furniture only by the passages around them, each with its note, in the order
 * they are checked (a passage two of them find gets the first's note): a YARA rule's lines by its first line and its
 * braces, a list's tags by the label above them, a menu's items by the run they stand in and its labels by the links
 * around them, a log-in or comment form's fields by theirs, an advertisement's headline and blurb by its call to
 * action, other posts' titles and teasers by their list's label, authors' names on lines of their own by their label
 * or the date beside them, a note about the author by their name before it, the post's title by its first, an image's
 * caption (and the rest of its text on its line), and a date or a time alone.
 */
const UNRANKED_RUNS: ReadonlyArray<readonly [find: (passages: readonly { line: number; text: string }[]) => ReadonlySet<number>, note: string]> = [
  [yaraRulePassages, RULE_SYNTAX_NOTE],
  [(passages) => tagListPassages(passages.map((passage) => passage.text)), TAG_LIST_NOTE],
  // A label of a menu's section between its links ("* [Free eBooks](…)" / "About Site" / "* [About THN](…)").
  [menuLabelPassages, MENU_NOTE],
  [formPassages, PAGE_FURNITURE_NOTE],
  // A cookie banner's sentences and what stands between them ("These cookies are strictly necessary so that you can…").
  [cookieBannerPassages, PAGE_FURNITURE_NOTE],
  // A sponsor's advertisement inside the post ("## Test every layer…" / its blurb / "Get the whitepaper").
  [advertisementPassages, ADVERTISEMENT_NOTE],
  // A vendor's box of its services ("## The DFIR Report Services" / "* Threat Feed: Focuses on tracking Command and Control frameworks…").
  [servicesSectionPassages, ADVERTISEMENT_NOTE],
  [relatedPostsPassages, RELATED_POSTS_NOTE],
  // A post's navigation glued to its author's name ("Jay RosenbergIntezer Community Tip: …Evidence Aurora Operation…").
  [postNavigationPassages, RELATED_POSTS_NOTE],
  // A table of contents ("Table of contents" / "Behind the data04" / "Meet the authors05").
  [tableOfContentsPassages, CONTENTS_NOTE],
  // Readers' comments below the post ("16 thoughts on “…”" / "Steve January 28, 2022" / what Steve wrote), before
  // bylines: a commenter's line is a name and a date.
  [commentSectionPassages, COMMENTS_NOTE],
  [bylinePassages, BYLINE_NOTE],
  // A note about the author after their name ("Sergiu is a news reporter who has covered …").
  [authorBioPassages, AUTHOR_BIO_NOTE],
  // A blog series' box: its name and who writes it ("Inside the SOC" / "… Inside the SOC is exclusively authored by these experts…").
  [seriesBoxPassages, AUTHOR_BIO_NOTE],
  // A menu's run, after the lists that say more of what they are (a log-in form's fields, other posts' titles, authors'
  // names are short capitalised lines too, in sentence case or not: `Remember Me`, `Latest Webinars`, `Boris Larin`).
  [menuRunPassages, MENU_NOTE],
  // The post's title said again ("BlackCat ransomware hits Azure Storage with Sphynx encryptor" after the breadcrumb).
  [repeatedTitlePassages, REPEATED_TITLE_NOTE],
  // An image's caption or text that says what the picture is ("![Image 1 is a screenshot of …", its other sentences).
  [imageCaptionPassages, IMAGE_CAPTION_NOTE],
  // A date or a time alone on its line ("September 16, 2023", "10:11 AM"), last: a list or a byline it stands in says more.
  [(passages) => new Set(passages.flatMap((passage, i) => (isDateLine(passage.text) ? [i] : []))), DATE_NOTE],
];

/**
 * Suggest techniques for the passages of a report's text that cite no technique ID. By sentence, passages that cite
 * IDs are left out (`extract` reads them); with `lines`, every line gets its entry, with a note when it cites IDs or
 * is markup (`isMarkupLine`), and none when it has no words. Pure and deterministic.
 */
export function suggestTechniques(text: string, model: SuggestModel, options: SuggestOptions = {}): PassageSuggestions[] {
  const plain = options.html ? htmlText(text) : text;
  // A PDF's running header or footer, said again on every page: alone (a page number aside) it is not ranked; glued to
  // the next page's first words, those are read without it; on a line of its own inside a sentence, the sentence is read
  // without it (`splitPassages`).
  const headers = runningHeaders(plain);
  const passages = splitPassages(plain, { lines: options.lines, runningHeaders: headers });
  const language = documentLanguage(plain);
  // The passages known by those around them (`UNRANKED_RUNS`), with their notes.
  const inRun = new Map<number, string>();
  for (const [find, note] of UNRANKED_RUNS) for (const i of find(passages)) if (!inRun.has(i)) inRun.set(i, note);
  // A label alone before a block of code or a query (`Query`, `Query 1 - DeviceProcessEvents`), known by the lines after it.
  const sourceLines = plain.split(/\r\n|\r|\n/);
  for (const i of codeLabelPassages(passages, sourceLines)) if (!inRun.has(i)) inRun.set(i, REPORT_STRUCTURE_NOTE);
  if (headers.length) passages.forEach((passage, i) => !inRun.has(i) && withoutRunningHeader(passage.text, headers).header && inRun.set(i, RUNNING_HEADER_NOTE));
  // By sentence, a figure's labels among its list's items; with `lines`, a word on the line after an item's is as likely
  // its wrapped end, and every line is read. (After the running headers: a chart's labels run on
  // over a page's footer, which keeps its note.)
  if (!options.lines) for (const i of figureLabelPassages(passages)) if (!inRun.has(i)) inRun.set(i, FIGURE_LABEL_NOTE);
  // By sentence, a pull quote said again after the sentence it is part of (with `lines`, a line of its is no sentence).
  if (!options.lines) for (const i of pullQuotePassages(passages)) if (!inRun.has(i)) inRun.set(i, PULL_QUOTE_NOTE);
  // Names of places alone say where, not what was done (ZDNET's editions one a line: `Asia` / `Europe` / `United States`),
  // last: a menu, a chart's labels (`Europe` / `212 incidents`) or a list they stand in says more.
  passages.forEach((passage, i) => !inRun.has(i) && isPlaceNamesOnly(passage.text) && inRun.set(i, PLACE_NOTE));
  // A list of tools' names alone says which, not what was done (`LIGOLO and REVSOCKS.` after the sentence that says it),
  // as late: a menu, a list of tags or other posts they stand in says more.
  const words = techniqueWords(model);
  passages.forEach((passage, i) => !inRun.has(i) && isToolNamesOnly(passage.text, words) && inRun.set(i, TOOL_NAMES_NOTE));
  // The stage of the attack a section tells (`Defense Evasion`, `Complete Mission`: its sentences say what was done), as
  // late: a figure's stages among its items (`Weaponization` / `C2`) and a menu's items are said to be those.
  passages.forEach((passage, i) => !inRun.has(i) && isAttackStages(passage.text) && inRun.set(i, ATTACK_STAGE_NOTE));
  const suggestions: PassageSuggestions[] = [];
  for (let i = 0; i < passages.length; i++) {
    options.onProgress?.(i + 1, passages.length);
    const suggestion = passageSuggestion(passages[i]!, inRun.get(i), headers, model, language, options);
    if (suggestion) suggestions.push(suggestion);
  }
  return suggestions;
}

// The words of the release's techniques' names, lower case, by model: made once for each.
const TECHNIQUE_WORDS = new WeakMap<SuggestModel, ReadonlySet<string>>();

/** The words of the names of a model's techniques, lower case (`powershell`, `rundll32`, `scheduled`, `task`). */
function techniqueWords(model: SuggestModel): ReadonlySet<string> {
  let words = TECHNIQUE_WORDS.get(model);
  if (!words) {
    words = new Set(model.data.techniques.flatMap((technique) => technique.name.toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean)));
    TECHNIQUE_WORDS.set(model, words);
  }
  return words;
}

/**
 * The entry of one passage (`suggestTechniques`), or none (by sentence, a passage that cites IDs or has no words), given
 * the note of the run it stands in (`UNRANKED_RUNS`) and the document's language. A function of its own, not one made
 * for each call of suggestTechniques: what V8 learns running it is kept from one report to the next (a new function
 * each time was run slowly again for each report's first passages).
 */
function passageSuggestion(
  passage: Passage,
  inRun: string | undefined,
  headers: readonly string[],
  model: SuggestModel,
  language: DocumentLanguage,
  options: SuggestOptions,
): PassageSuggestions | undefined {
  const top = options.top ?? 5;
  const minScore = options.minScore ?? 0;
  // By sentence, markup lines are no passages (splitPassages); with `lines`, such a line keeps its entry and its text.
  if (options.lines && isMarkupLine(passage.text)) return { ...passage, candidates: [], note: MARKUP_NOTE };
  const folded = passage.text.normalize('NFKC');
  // (Every ID has digits: a passage without any is not scanned for one.)
  const ids = /\d/.test(folded) ? findTechniqueIds(folded).flatMap((match) => match.ids) : [];
  if (ids.length) {
    return options.lines ? { ...passage, candidates: [], note: `cites ${[...new Set(ids)].join(', ')}: see extract` } : undefined;
  }
  const { structure } = passage;
  // (Written out, not `...entry` of a rest pattern: that copies by a slow path, once for every passage.)
  const entry = { line: passage.line, text: passage.text };
  // A header row names the columns, a front matter holds the page's metadata, a template tag is filled in when the
  // page is built, and the indicator cells of a row (an IoC table's hash, file name and detection name:
  // `OneDrive.exe`, `Python/Agent.AGT`) name a sample: none says what was done.
  if (structure) return { ...entry, candidates: [], note: STRUCTURE_NOTES[structure] };
  // A query's line begins with a pipe, as a table's row does: it is known before the row's cells are read.
  if (isQueryLine(passage.text)) return { ...entry, candidates: [], note: QUERY_NOTE };
  // A delimited table's row (CSV, TSV) is read by its cells of text, as a table row is by those that name no sample.
  const row = passage.recordText ?? indicatorRowText(passage.text);
  if (row === '') return { ...entry, candidates: [], note: INDICATOR_ROW_NOTE };
  // Who reported it, a greeting, a heading of the report's parts say nothing of what was done (`UNRANKED`).
  for (const [is, note] of UNRANKED) if (is(row ?? passage.text)) return { ...entry, candidates: [], note };
  // Nor a passage known by those around it: a tag of a list, a menu's item, another post's title, an author's name.
  if (inRun) return { ...entry, candidates: [], note: inRun };
  // Nor do the vendors that reported it ("Palo Alto Networks and IBM confirm that ..."), the names their products
  // give samples ("detected as HEUR:Trojan-PSW.Win32.Azorult.gen"), a site's menu glued before the passage's first
  // sentence ("…Corporate NewsFebruary 18, 2020New AZORult campaign…"), or a PDF's running header glued before it
  // ("ICS/OT CYBERSECURITY YEAR IN REVIEW 2022Fifty-one percent of…"): they are not read.
  const own = headers.length ? withoutRunningHeader(row ?? passage.text, headers).text : (row ?? passage.text);
  const read = suggestPassageText(withoutGluedMenu(withoutDetectionNames(withoutReporters(own))), language);
  const ranked = read.text ? model.rankPassage(read.text, { top }) : { candidates: [], wordsInCommon: 0 };
  const candidates = ranked.candidates.filter((candidate) => candidate.score > 0 && candidate.score >= minScore);
  if (!options.lines && !read.note && !candidates.length && !/\p{L}/u.test(passage.text)) return undefined;
  // Advice names techniques to guard against: its candidates are listed, marked (and left out of a skeleton).
  const advice = candidates.length > 0 && isAdvice(row ?? passage.text);
  let note = advice ? ADVICE_NOTE : '';
  if (row !== undefined) note += `${note ? '; ' : ''}${INDICATOR_ROW_TEXT_NOTE}`;
  if (read.note) note += `${note ? '; ' : ''}${read.note}`;
  // (Its fields set one by one, in the order the JSON gives them: spreading the optional ones copied an object each
  // by a slow path, for every passage ranked.)
  const suggestion: PassageSuggestions = { line: entry.line, text: entry.text, candidates };
  if (candidates.length) suggestion.wordsInCommon = ranked.wordsInCommon;
  if (note) suggestion.note = note;
  if (advice) suggestion.advice = true;
  return suggestion;
}

/**
 * The passages with candidates by text, each list in order: a text said again (a page's running header or footer in
 * pdftotext's output) has its first passage first, where the readable forms list its candidates once.
 */
export function passagesByText(passages: readonly PassageSuggestions[]): Map<string, PassageSuggestions[]> {
  const byText = new Map<string, PassageSuggestions[]>();
  for (const passage of passages) {
    if (passage.candidates.length) byText.set(passage.text, [...(byText.get(passage.text) ?? []), passage]);
  }
  return byText;
}
