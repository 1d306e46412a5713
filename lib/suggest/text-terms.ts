import { stemmer } from 'stemmer';

// Function words and the verbs every procedure example repeats ("APT32 has used ... to ..."): they say nothing about
// which technique a sentence describes.
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also an and any are as at be been before being below between both but by can ' +
    'could did do does doing done during each either else ever few for from further had has have having he her here hers ' +
    'him his how however i if in into is it its itself just may me might more most must my no nor not now of off on once ' +
    'one only or other our ours out over own per same several she should so some such than that the their theirs them ' +
    'then there these they this those through thus to too under until up upon us use used uses using utilize utilized ' +
    'utilizes via was we were what when where whether which while who whom why will with within without would you your ' +
    'ability able abilities capable capability also leverage leveraged leverages employ employed employs'
  ).split(' '),
);

// A URL's scheme, also defanged (`hxxps[:]//`), as a pattern's source.
const SCHEME = String.raw`(?:https?|hxxps?|ftp)(?:\[:\]|:)\/\/`;
// Quotes, brackets and the marks of a code span before a token (`10.1.0.5`; AsciiDoc's `+…+`; a table's `|`): no part of it.
const LEADING_MARKS = /^[("'“<`+|]+/;
const URL_START = new RegExp(`^${SCHEME}`, 'i');
// The host an address (lower case, dots undefanged) is at, after its scheme if it has one.
const HOST = new RegExp(String.raw`^(?:${SCHEME})?([a-z0-9.-]+)`);

// Indicators name infrastructure, not behaviour, and their pieces match unrelated words (`chemscalere[.]com` gives
// `com`, the Component Object Model; a URL's path `/nspx30-sophisticated-aitm-enabled-implant` gives AiTM). Each
// whitespace-separated token is tested alone (linear on any input).
const INDICATOR_TESTS: ReadonlyArray<readonly [label: string, test: (token: string) => boolean]> = [
  ['a URL, also defanged (hxxp, [:])', (token) => URL_START.test(token)],
  ['anything with a defanged dot', (token) => token.includes('[.]') || token.includes('(.)')],
  ['an e-mail address', (token) => /^[^@\s]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(token)],
  [
    'a host name under a common top-level domain, or any beginning with www., with its port and path',
    (token) =>
      /^(?:(?:[a-z0-9-]+\.)+(?:com|net|org|info|biz|io|xyz|top|online|site|club|ru|cn|su|tk|pw|cc)|www\.(?:[a-z0-9-]+\.)+[a-z]{2,})(?::\d+)?(?:\/\S*)?$/i.test(token),
  ],
  ['an IPv4 address', (token) => /^\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?$/.test(token)],
  ['a hash (32 hex digits or more)', (token) => token.length >= 32 && /^[a-f0-9]+$/i.test(token)],
];
// A URL wherever it is in a run of ASCII (`:https://…` after a Chinese colon folded by NFKC), from its scheme on.
const URL_IN_RUN = new RegExp(String.raw`(?<![a-z0-9])${SCHEME}[!-~]*`, 'gi');
// A letter of another script than Latin.
const OTHER_SCRIPT = /(?!\p{Script=Latin})\p{L}/u;

// Well-known legitimate services, by registered domain (or host): in a passage, an address of one is removed like any
// indicator but the service's name is kept in its place, since it is what the passage says was used (`exfiltrated the
// archives to mega[.]nz` is Exfiltration to Cloud Storage; `hxxps://pastebin[.]com/raw/…` a payload on a web service;
// `api.telegram[.]org` a bot's C2), as plain `MEGA` or `Pastebin` is read. Only services whose very use is evidence of a
// technique (cloud storage, paste sites, code hosting, messengers used as C2, tunnels) and which no attacker owns: any
// other domain is the attacker's and goes (`chemscalere[.]com`). ATT&CK's own texts (build-suggest-model.ts) are read
// without them: they name these services plainly (MEGA, Pastebin, Dropbox in procedure examples), and only 7 of
// 18.1's texts hold such an address (`pastebin.com`, `dropbox.com` in analytics), whose reading retrained the
// classifier and moved unrelated rankings for no sentence better read.
const SERVICES: ReadonlyMap<string, string> = new Map([
  ...['mega.nz', 'mega.co.nz', 'mega.io'].map((domain) => [domain, 'mega'] as const),
  ['pastebin.com', 'pastebin'],
  ...['github.com', 'githubusercontent.com', 'github.io'].map((domain) => [domain, 'github'] as const),
  ...['telegram.org', 't.me'].map((domain) => [domain, 'telegram'] as const),
  ...['discord.com', 'discordapp.com', 'discord.gg'].map((domain) => [domain, 'discord'] as const),
  ['drive.google.com', 'google drive'],
  ['docs.google.com', 'google docs'],
  ...['dropbox.com', 'dropboxusercontent.com'].map((domain) => [domain, 'dropbox'] as const),
  ...['onedrive.live.com', '1drv.ms'].map((domain) => [domain, 'onedrive'] as const),
  ...['ngrok.io', 'ngrok.app', 'ngrok-free.app'].map((domain) => [domain, 'ngrok'] as const),
]);

/**
 * A text with its indicators (URLs, domain names, e-mail and IP addresses, hashes) replaced by spaces; with `services`,
 * an address of a well-known service (`SERVICES`) by the service's name (` mega `), as the model reads a passage.
 */
export function withoutIndicators(text: string, services = false): string {
  const replaced = (token: string): string => (services && serviceOf(token)) || ' ';
  return text.replace(MAY_BE_INDICATOR, (token) => {
    if (!OTHER_SCRIPT.test(token)) return isIndicator(token) ? replaced(token) : token;
    // A script written without spaces glues indicators to its words (`本文翻译自：https://…如若转载`,
    // `chemscalere[.]comとscsnewstoday[.]comの`): each run of printable ASCII is tested alone, and the words kept.
    return token.replace(/[!-~]+/g, (run) => (isIndicator(run) ? replaced(run) : run.replace(URL_IN_RUN, replaced)));
  });
}

// The whitespace-separated tokens that may be indicators: every indicator holds `.`, `:` or `@` before the marks that
// may end it (`isIndicator` reads it without them), or is at least 32 characters long (a hash). Only they are looked
// at; the rest of the text (most words, and a sentence's last word with its full stop: one in every passage, each read
// by a function call) is kept as it is, unsplit.
const MAY_BE_INDICATOR = /(?<!\S)(?:[^\s.:@]*[.:@]\S*?[^\s)"'”>,.;:!?`+|]\S*|\S{32,})/g;

/** Whether a token (or a run of ASCII in one) is an indicator: one of INDICATOR_TESTS, without the marks around it. */
function isIndicator(token: string): boolean {
  // The marks around it (LEADING_MARKS, and a sentence's after it) are no part of it.
  const bare = token.replace(LEADING_MARKS, '').replace(/[)"'”>,.;:!?`+|]+$/, '');
  return !!bare && INDICATOR_TESTS.some(([, test]) => test(bare));
}

/** The name of the well-known service (`SERVICES`) an address (a URL or a host name, defanged or not) is at, in spaces. */
function serviceOf(token: string): string | undefined {
  const address = token.replace(LEADING_MARKS, '').replace(/\[\.\]|\(\.\)/g, '.').toLowerCase();
  // An e-mail address names its sender, not a service used.
  if (address.includes('@')) return undefined;
  const host = HOST.exec(address)?.[1]?.replace(/\.+$/, '');
  // The host and each domain it is under (`raw.githubusercontent.com`, `githubusercontent.com`, `com`).
  for (let at = 0; host && at >= 0; at = host.indexOf('.', at) + 1 || -1) {
    const name = SERVICES.get(host.slice(at));
    if (name) return ` ${name} `;
  }
  return undefined;
}

/**
 * The words of a text, lower-cased and NFKC-folded: runs of letters and digits (`rundll32.exe` gives `rundll32`, `exe`).
 * The checks of a passage each ask for the words of the same text (`suggestTechniques`: vendors' names, page furniture,
 * reporters): the last text's words are kept and given again, so read-only.
 */
export function textWords(text: string): readonly string[] {
  if (text === lastText) return lastWords;
  lastText = text;
  // ASCII text (most English passages) is its own NFKC form, and its letters and digits are these: the same words,
  // without the Unicode tables.
  lastWords = (ASCII.test(text) ? text.toLowerCase().match(/[a-z0-9]+/g) : text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu)) ?? [];
  return lastWords;
}
let lastText = '';
let lastWords: readonly string[] = [];

/**
 * The words of a text as written, NFKC-folded but not lower-cased, for the checks that ask how a word is written (a
 * name in capitals, `CHROMIUM`, or a word, `chromium-based`): the runs `textWords` gives, one for one, but where a
 * letter's lower case is no letter (Turkish `İ`); a caller compares the counts.
 */
export function writtenWords(text: string): readonly string[] {
  return (ASCII.test(text) ? text.match(/[A-Za-z0-9]+/g) : text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu)) ?? [];
}

const ASCII = /^[\x00-\x7f]*$/;

/** Whether a word carries meaning for ranking: not a function word, not a bare number, not one character. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/** The stem of a word (Porter), cached: a release has ~20,000 distinct words and millions of occurrences. */
const stems = new Map<string, string>();
export function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = /\d/.test(word) ? word : stemmer(word);
    stems.set(word, stem);
  }
  return stem;
}

/**
 * The features of a text for ranking: its content stems, and each pair of neighbouring content stems as a phrase
 * (`spearphish attach`), which tells "scheduled task" from "task" and "scheduled" apart.
 */
export function textFeatures(stemsInOrder: readonly string[]): string[] {
  const features: string[] = [...stemsInOrder];
  for (let i = 1; i < stemsInOrder.length; i++) features.push(`${stemsInOrder[i - 1]} ${stemsInOrder[i]}`);
  return features;
}
