/**
 * Words that tell a report is about another ATT&CK domain than Enterprise: the devices, stores and protocols that
 * ATT&CK for Mobile and ATT&CK for ICS describe. `suggest` ranks against one domain's techniques; a passage about an
 * Android app's permissions or a PLC's logic finds only poor Enterprise candidates, so the user hears which domain to
 * try. Acronyms are matched in their own case (Cisco's "IOS" is no iPhone).
 */
const DOMAIN_WORDS: ReadonlyArray<readonly [domain: 'mobile' | 'ics', what: string, words: RegExp]> = [
  [
    'mobile',
    'mobile devices or apps',
    /\b(?:[Aa]ndroid|iOS|iPhones?|iPads?|APKs?|Google Play|Play Store|App Store|[Aa]ccessibility [Ss]ervices?|[Ss]martphones?|[Jj]ailbr(?:eak|oken))\b|\.apk\b/g,
  ],
  [
    'ics',
    'industrial control systems',
    /\b(?:PLCs?|HMIs?|SCADA|Modbus|DNP3|RTUs?|[Ll]adder logic|[Pp]rogrammable logic controllers?|[Hh]uman[- ][Mm]achine [Ii]nterfaces?|[Ss]afety [Ii]nstrumented [Ss]ystems?|OPC[ -]UA|IEC[ -]?(?:61850|60870-5-104|104)|[Ee]ngineering [Ww]orkstations?)\b/g,
  ],
];

/** A domain the passages' words point to: how many of them name its words, and the first three words found. */
export interface DomainHint {
  domain: 'mobile' | 'ics';
  /** What the words name, for a message: `mobile devices or apps`, `industrial control systems`. */
  what: string;
  passages: number;
  of: number;
  words: string[];
}

/**
 * The domain other than Enterprise that a fifth or more of the passages (two at least) name words of, the one most
 * name when both do; undefined when none does. A report of Windows intrusions that mentions an Android implant once is
 * no mobile report.
 */
export function domainHint(passages: readonly { text: string }[]): DomainHint | undefined {
  let best: DomainHint | undefined;
  for (const [domain, what, pattern] of DOMAIN_WORDS) {
    const words: string[] = [];
    let naming = 0;
    for (const { text } of passages) {
      const found = text.match(pattern);
      if (!found) continue;
      naming++;
      for (const word of found) if (!words.some((w) => w.toLowerCase() === word.toLowerCase())) words.push(word);
    }
    if (naming >= 2 && naming * 5 >= passages.length && (!best || naming > best.passages)) {
      best = { domain, what, passages: naming, of: passages.length, words: words.slice(0, 3) };
    }
  }
  return best;
}
