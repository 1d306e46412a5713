/**
 * An ATT&CK domain written in a reference: `T1420 (Mobile) File and Directory Discovery` (NCSC's Infamous Chisel
 * report), `T0866 (ICS)`, `[Mobile] T1398`, `ICS: T0866`, `Mobile - T1474.003`, `Obfuscated Files or Information
 * (Mobile ATT&CK)`. The domain named decides which release reads the reference; the rest is read as any reference.
 */
import type { Domain } from '../attack/types.js';

/** A domain named in a reference, as written, and the reference without it. */
export interface DomainLabel {
  domain: Domain;
  /** The label as written (`(Mobile)`, `ICS:`). */
  written: string;
  /** The reference without the label (`T1420 File and Directory Discovery`). */
  rest: string;
}

const DOMAIN_OF_WORD: Readonly<Record<string, Domain>> = { enterprise: 'enterprise-attack', mobile: 'mobile-attack', ics: 'ics-attack' };

// `Mobile`, `Mobile ATT&CK`, `ATT&CK for ICS`, `MITRE ATT&CK Enterprise`, `ICS matrix`: a domain's word, with the words
// ATT&CK's own pages put around it. No technique's name holds one so (only mobile's "Abuse of iOS Enterprise App
// Signing Key" holds such a word, within its name, never in brackets or before a colon).
const WORDS = String.raw`(?:MITRE\s+)?(?:ATT&CK\s+(?:for\s+)?)?(enterprise|mobile|ics)(?:\s+ATT&CK)?(?:\s+(?:matrix|domain))?`;
const IN_BRACKETS = new RegExp(String.raw`\s*(?:\(\s*${WORDS}\s*\)|\[\s*${WORDS}\s*\])\s*`, 'gi');
const LEADING = new RegExp(String.raw`^\s*${WORDS}\s*(?::|\s[-–—]\s)\s*(?=\S)`, 'i');

/** The domain a reference names, in brackets anywhere in it or before a colon or dash that opens it; one domain only. Pure. */
export function readDomainLabel(raw: string): DomainLabel | undefined {
  const bracketed = [...raw.matchAll(IN_BRACKETS)];
  if (bracketed.length === 1) {
    const match = bracketed[0]!;
    const word = (match[1] ?? match[2])!;
    const rest = `${raw.slice(0, match.index)} ${raw.slice(match.index + match[0].length)}`.trim();
    return rest ? { domain: DOMAIN_OF_WORD[word.toLowerCase()]!, written: match[0].trim(), rest } : undefined;
  }
  if (bracketed.length) return undefined;
  const leading = LEADING.exec(raw);
  if (!leading) return undefined;
  return { domain: DOMAIN_OF_WORD[leading[1]!.toLowerCase()]!, written: leading[0].trim(), rest: raw.slice(leading[0].length).trim() };
}
