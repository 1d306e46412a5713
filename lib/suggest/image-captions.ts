// An image's caption or its text, where it says what the picture is: a screenshot, a photo, a picture of something
// (a Markdown save of Unit 42's "Meddler-in-the-Middle Phishing Attacks Explained" keeps each image's text: `![Image 1
// is a screenshot of the Phishing-as-a-Service platform caffeine, which provides features and tools for threat actors
// at cost. ](…)`, which got Screen Capture 100 on "screenshot"; a write-up's `*Screenshot of the phishing page:*` above
// its image, `> Screenshot of the phishing email received in Outlook.` below it; Unit 42's `Figure 1. Screenshot of
// BlackSuit leak site.`). It begins, after a list's or an image's marks, with a picture's noun and `of` or `showing`,
// or with an image's number and `is a screenshot`; the rest of an image's text on its line (`The image on the left is a
// fake login page…`) is the caption's too. A sentence where the picture is what the malware takes, sends or stores
// (`Screenshots of the desktop are taken every minute and uploaded to the C2.`) is read, as is a caption that says what
// was done in other words (`Figure 5: PowerShell command used to download the loader`).
const PICTURE = String.raw`(?:screen[\s-]?shot|screen[\s-]capture|screen[\s-]?grab|snapshot|photo(?:graph)?|picture|image|illustration)s?`;
const LEAD = String.raw`^[\s!>*_•-]*\[?[\s*_]*`;
const IMAGE_CAPTION = new RegExp(
  `${LEAD}(?:(?:an?|the)\\s+)?${PICTURE}\\s+(?:of|showing|depicting)\\s|${LEAD}(?:image|figure|fig\\.|picture|photo|screenshot)\\s*\\d+\\s+(?:is|shows)\\s+(?:an?\\s+)?${PICTURE}\\b`,
  'iu',
);
// The picture as what the malware does something with: such a sentence describes a behaviour.
const PICTURE_TAKEN = /\b(?:taken|takes|took|capture[sd]?|sen(?:t|ds?)|upload(?:s|ed)?|exfiltrat(?:es|ed)|sav(?:es|ed)|stor(?:es|ed)|collect(?:s|ed)|grabbed|transmit(?:s|ted))\b/i;
// A caption is a sentence or two; an image's text on a line of its own (`--lines`) may be longer.
const MAX_CAPTION = 400;
const MAX_IMAGE_TEXT = 1000;
// An image's text begins `![` and ends `](` before its address.
const IMAGE_TEXT_START = /^\s*!\[/;

// An image's text said again and glued, as a post's row of default pictures leaves it (Darktrace's blog posts as the
// pages corpus stores them: `Default blog imageDefault blog image…`, six times, which got Web Service: Bidirectional
// Communication 100): a phrase of at most five words ending with a picture's noun, at least twice in a row, alone.
const PICTURE_NOUN = /image|photo|picture|thumbnail|illustration/i;
const REPEATED_IMAGE_TEXT = /^\s*((?:[\p{L}\p{N}’'-]+\s+){0,4}(?:image|photo|picture|thumbnail|illustration)s?)(?:\s*\1)+\s*$/iu;

// A figure's caption without its number, as a scraped page keeps it under the picture it lost (SentinelOne's 8220 Gang
// post of October 2022, as GenAI-Threat-Intelligence-Research keeps it: `Visual Context of 8220 Gang Infrastructure
// Roles` between two sections, which got Command and Scripting Interpreter: Visual Basic 100, and `GreyNoise Trend of
// CVE-2019-2725 Crawlers` after the paragraph that shows it, Exploitation for Client Execution 100): a noun phrase
// shaped as a title (no sentence's end, at most MAX_CHART_CAPTION_WORDS words) whose head is a kind of figure (a graph,
// a chart, a diagram, a map, a trend, a timeline, an overview…) and `of` what it shows, the source's name or two
// before it. A scraped heading has the same shape, and a heading of that kind names what the section shows, not what
// was done; a short line naming a behaviour (`Decoded PowerShell payload`, `Custom bash download function:`, `Infection
// chain`) may be a heading or a caption alike, and is read.
const FIGURE_NOUNS = ['visual context', 'visuali[sz]ation', 'graph', 'chart', 'diagram', 'flow ?chart', 'map', 'heat ?map', 'trend', 'infographic', 'overview', 'timeline'];
const CHART_CAPTION = new RegExp(
  String.raw`^\s*(?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,2}(?:${FIGURE_NOUNS.map((noun) => noun.replace(/(^|\s)([a-z])/g, (_, space: string, letter: string) => `${space}[${letter.toUpperCase()}${letter}]`)).join('|')})s?\s+of\s+\S`,
  'u',
);
const MAX_CHART_CAPTION_WORDS = 12;
const MAX_CHART_CAPTION = 100;

/** Whether a passage is a figure's caption without its number, a noun phrase naming a kind of figure (CHART_CAPTION). */
function isChartCaption(text: string): boolean {
  return text.length <= MAX_CHART_CAPTION && !/[.!?;:,]\s|[.!?;:,]$/.test(text.trim()) && text.trim().split(/\s+/).length <= MAX_CHART_CAPTION_WORDS && CHART_CAPTION.test(text);
}

/**
 * Whether a passage is an image's caption or text that says what the picture is (IMAGE_CAPTION, not PICTURE_TAKEN), a
 * figure's caption without its number (CHART_CAPTION), or an image's text said again (REPEATED_IMAGE_TEXT).
 */
export function isImageCaption(text: string): boolean {
  if (text.length <= MAX_IMAGE_TEXT && PICTURE_NOUN.test(text) && REPEATED_IMAGE_TEXT.test(text)) return true;
  if (isChartCaption(text)) return true;
  const image = IMAGE_TEXT_START.test(text);
  // (An image's address is no text of it: `…/wp-content/uploads/…` uploads nothing.)
  return text.length <= (image ? MAX_IMAGE_TEXT : MAX_CAPTION) && IMAGE_CAPTION.test(text) && !PICTURE_TAKEN.test(image ? text.split('](')[0]! : text);
}

/**
 * The passages (by index) that are an image's caption or text (`isImageCaption`), and, when the caption is the start
 * of an image's text (`![…`), the passages after it on its line up to the one that closes it (`](`).
 */
export function imageCaptionPassages(passages: readonly { line: number; text: string }[]): Set<number> {
  const captions = new Set<number>();
  passages.forEach((passage, i) => {
    if (!isImageCaption(passage.text)) return;
    captions.add(i);
    if (!IMAGE_TEXT_START.test(passage.text) || passage.text.includes('](')) return;
    for (let j = i + 1; j < passages.length && passages[j]!.line === passage.line; j++) {
      captions.add(j);
      if (passages[j]!.text.includes('](')) break;
    }
  });
  return captions;
}
