import { nameKey } from '../attack/attack-index.js';
import type { TechniqueId } from '../attack/types.js';

/**
 * Shorthand that reports write instead of a technique's name (a former name such as `DLL Side-Loading` needs no entry:
 * names of revoked techniques are read anyway), with the technique it stands for in ATT&CK 18.1 (an ID
 * that a later release revokes is followed to its replacement). Only abbreviations with one reading are listed: `SMB`
 * (Windows Admin Shares? SMB protocol?) is not. A reference resolved through this table has the status `alias`.
 */
const TECHNIQUE_ALIASES: ReadonlyArray<readonly [written: string, id: TechniqueId]> = [
  ['WMI', 'T1047'],
  ['RDP', 'T1021.001'],
  ['WinRM', 'T1021.006'],
  ['BITS', 'T1197'],
  ['UAC bypass', 'T1548.002'],
  ['bypass UAC', 'T1548.002'],
  ['DLL sideloading', 'T1574.002'],
  ['DLL hijacking', 'T1574.001'],
  ['COM hijacking', 'T1546.015'],
  ['pass-the-hash', 'T1550.002'],
  ['PtH', 'T1550.002'],
  ['pass-the-ticket', 'T1550.003'],
  ['PtT', 'T1550.003'],
  ['LSASS dumping', 'T1003.001'],
  ['LSASS dump', 'T1003.001'],
  ['Kerberoast', 'T1558.003'],
  ['AS-REP roasting', 'T1558.004'],
  ['keylogger', 'T1056.001'],
];

/** Fold shorthand for lookups: case, spaces and hyphens aside (`DLL Side-Loading`, `dll sideloading`). */
function aliasKey(text: string): string {
  return nameKey(text).replace(/[\s-]+/g, '');
}

const byKey = new Map(TECHNIQUE_ALIASES.map(([written, id]) => [aliasKey(written), { written, id }] as const));

/** The technique a shorthand stands for, with the table's spelling of it, or undefined. */
export function techniqueAlias(text: string): { written: string; id: TechniqueId } | undefined {
  return text.length > 40 ? undefined : byKey.get(aliasKey(text));
}
