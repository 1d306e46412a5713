/**
 * The name each of several IDs is given by one name written for them all that lists one part per ID, in their order,
 * parted by slashes: `Remote Services: RDP / SSH (T1021.001 / T1021.004)` (crocodyli's Akira TTP table) gives
 * T1021.001 `Remote Services: RDP` and T1021.004 `Remote Services: SSH`, a parent's name before a colon going with
 * each part. Undefined unless the parts are as many as the IDs and each fits its own (`fits`: the resolver reads it as
 * that technique's name, alias or abbreviation, with no warning); `Web Service / Cloud Tunnel (T1071.004 / T1219)`,
 * whose `Web Service` is T1102's name, gets none.
 */
export function slashPairedNames(name: string, ids: readonly string[], fits: (name: string, id: string) => boolean): string[] | undefined {
  if (ids.length < 2 || !name.includes('/')) return undefined;
  const colon = name.indexOf(':');
  const parent = colon < 0 ? '' : `${name.slice(0, colon).trim()}: `;
  const parts = name.slice(colon + 1).split('/').map((part) => part.trim());
  if (parts.length !== ids.length || parts.some((part) => !part)) return undefined;
  const names = parts.map((part) => `${parent}${part}`);
  return names.every((each, i) => fits(each, ids[i]!)) ? names : undefined;
}
