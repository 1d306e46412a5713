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

/** Whether a passage is an image's caption or text that says what the picture is (IMAGE_CAPTION, not PICTURE_TAKEN), or an image's text said again (REPEATED_IMAGE_TEXT). */
export function isImageCaption(text: string): boolean {
  if (text.length <= MAX_IMAGE_TEXT && PICTURE_NOUN.test(text) && REPEATED_IMAGE_TEXT.test(text)) return true;
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
