/**
 * The names of security vendors, their products, and the agencies and news sites that report on attacks: who reported
 * or detected, never what was done.
 */
import { textWords } from './text-terms.js';

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
export const VENDOR = new RegExp(VENDOR_NAME, 'giu');
// One word of each name, its longest (`networks` of Palo Alto Networks), as `textWords` gives it: a text without any of
// them holds no name, and most passages are passed over without running the regular expressions of the names.
const VENDOR_KEY_WORDS = new Set(VENDOR_NAMES.map((name) => textWords(name).reduce((a, b) => (b.length > a.length ? b : a))));

/** Whether a text may hold a vendor's name (`VENDOR_KEY_WORDS`); when not, it surely holds none. */
export function mayNameVendor(words: readonly string[]): boolean {
  // (The checks of a passage ask it of the same words, the array `textWords` keeps, three or four times: the last
  // answer is kept with them.)
  if (words !== askedWords) {
    askedWords = words;
    mayName = words.some((word) => VENDOR_KEY_WORDS.has(word));
  }
  return mayName;
}
let askedWords: readonly string[] | undefined;
let mayName = false;
// Such names as who reported, in a sentence: `Kaspersky discovered`, `FireEye researchers noted`, `Palo Alto Networks and
// IBM confirm`, `Check Point Research, Palo Alto Networks, and IBM — have confirmed`, `according to ESET`. The last name
// may be its lab's (F-Secure's CloudDuke post: `we also saw Palo Alto Networks and Kaspersky Labs publish research on
// malware components…`, which got Exploit Public-Facing Application 100 on `palo`, `alto`, `networks`; `McAfee Labs`).
const REPORTING_VERB = '(?:confirm|report|observ|found|discover|notic|note|said|say|attribut|assess|identif|track|publish|describ|detect|warn|reveal|uncover|disclos|link)';
const REPORTER = new RegExp(
  `\\baccording to\\s+${VENDOR_NAME}|${VENDOR_NAME}(?:\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*&\\s*)${VENDOR_NAME})*` +
    `(?=(?:\\s+labs?)?(?:\\s+(?:threat\\s+)?(?:intelligence\\s+)?(?:researchers?|analysts?|experts?|teams?))?\\s*[—–-]?\\s*(?:(?:have|has|had|also)\\s+)*${REPORTING_VERB})`,
  'giu',
);
// The months of a date, written out and shortened.
export const MONTHS = 'january february march april may june july august september october november december';
export const MONTH_ABBREVIATIONS = 'jan feb mar apr jun jul aug sep sept oct nov dec';
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

/**
 * A text without the names of the vendors that reported what it says (`REPORTER`): who reported says nothing of what
 * was done, and their names match ATT&CK's texts about their products ("Palo Alto Networks" and a procedure example
 * exploiting a Palo Alto Networks appliance). A name that is no reporter (`a Fortinet VPN appliance`) is kept.
 */
export function withoutReporters(text: string): string {
  return mayNameVendor(textWords(text)) ? text.replace(REPORTER, ' ') : text;
}
