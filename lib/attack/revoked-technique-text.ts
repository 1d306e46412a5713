import type { RevocationChain } from './attack-index.js';

/**
 * How a revoked technique is said, by normalize for a reference and by validate for a layer entry: `T1086 PowerShell
 * was revoked by T1059.001 PowerShell`, with the chain followed when it has more than one step (`(via T1073 -> T1574.002
 * -> T1574.001)`), or `... was revoked and ATT&CK 18.1 records no replacement`. `subject` and `replacement` are written
 * as the caller names techniques; `chain` holds the IDs from the revoked one to its replacement; `release` names the
 * release as the caller says it (`ATT&CK 18.1`).
 */
export function revokedTechniqueText(subject: string, replacement: string | undefined, chain: readonly string[], release: string): string {
  if (replacement === undefined) return `${subject} was revoked and ${release} records no replacement`;
  return `${subject} was revoked by ${replacement}${chain.length > 2 ? ` (via ${chain.join(' -> ')})` : ''}`;
}

/**
 * Where a chain's steps come from when the release has lost some (`RevocationChain.recordedElsewhere`), said after the
 * replacement by every command: `, a revocation ATT&CK mobile-attack 18.1 no longer records (ATT&CK mobile-attack 9.0
 * records T1454 -> T1477)`; empty for a chain the release records whole.
 */
export function recordedElsewhereText(chain: RevocationChain, release: string): string {
  const steps = chain.recordedElsewhere ?? [];
  if (!steps.length) return '';
  const said = steps.map((step) => `ATT&CK ${step.release} records ${step.revoked.id} -> ${step.replacement.id}`).join('; ');
  return `, a revocation ${release} no longer records (${said})`;
}
