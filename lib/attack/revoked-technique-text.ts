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
