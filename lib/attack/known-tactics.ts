import { TACTIC_SPLITS } from './tactic-splits.js';
import type { Domain } from './types.js';

/**
 * The tactic shortnames of every ATT&CK domain, known before a release file is: enterprise's since 3.0, mobile's and
 * ICS's, and the ones a later release adds (TACTIC_SPLITS). A layer is repaired before its release is read, and a tactic
 * written as a list (`"Persistence and Privilege Escalation"`, `"Collection/Exfiltration"`) is split only into these,
 * since text other than a list holds "and" and "/" too (`Command and Control`, `N/A`). A test checks the set against
 * every release of ATTACK_STIX_DIR.
 */
export const KNOWN_TACTIC_SHORTNAMES: ReadonlySet<string> = new Set([
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'defense-evasion',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
  // Mobile's own.
  'network-effects',
  'remote-service-effects',
  // ICS's own.
  'evasion',
  'inhibit-response-function',
  'impair-process-control',
  ...Object.keys(TACTIC_SPLITS),
]);

/**
 * The tactics an older release of a domain had that its newest (18.1) has not, as [shortname, TA ID]: Mobile's Network
 * Effects and Remote Service Effects, of mobile-attack 9.0 (18.1 keeps them deprecated). A reference's tactic among
 * them is looked for in the older releases at hand, to say whose it was; no other text is, so that a misspelt tactic
 * loads no older release. A test checks the list against every release of ATTACK_STIX_DIR.
 */
export const RETIRED_TACTICS: Readonly<Partial<Record<Domain, ReadonlyArray<readonly [shortname: string, id: string]>>>> = {
  'mobile-attack': [
    ['network-effects', 'TA0038'],
    ['remote-service-effects', 'TA0039'],
  ],
};
