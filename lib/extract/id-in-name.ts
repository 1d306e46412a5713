// MISP's galaxy clusters write the ID after the name (`Spearphishing Attachment - T1566.001`, `BISCUIT - S0017`), and
// so do the attack-patterns, malware and tools MISP's STIX converter makes of them (Cisco Talos's bundles); tags written
// by hand put it first (`T1566 - Phishing`, `T1059.001`), as Unit 42's playbooks do in an attack-pattern's name
// (`T1505.003: Web Shell`).
const ID_PATTERNS = {
  technique: 'T\\d{4}(?:\\.\\d{3})?',
  software: 'S\\d{4}',
} as const;

/** Which kind of ATT&CK ID a name may carry: a technique's (T1134, T1547.001) or a software's (S0017). */
export type IdInNameKind = keyof typeof ID_PATTERNS;

const PATTERNS = Object.fromEntries(
  Object.entries(ID_PATTERNS).map(([kind, id]) => [kind, { after: new RegExp(`^(.*?)\\s+[-–]\\s+(${id})$`, 'i'), before: new RegExp(`^(${id})(?:\\s*[:\\-–]\\s*(.*))?$`, 'i') }]),
) as Record<IdInNameKind, { after: RegExp; before: RegExp }>;

/** The ID of `kind` and name a name written with its ID holds, ID last or first; the value alone as a name without one. Pure. */
export function readIdInName(value: string, kind: IdInNameKind = 'technique'): { id?: string; name?: string } {
  const { after, before } = PATTERNS[kind];
  const last = after.exec(value);
  if (last) return { id: last[2]!.toUpperCase(), ...(last[1]!.trim() ? { name: last[1]!.trim() } : {}) };
  const first = before.exec(value);
  if (first) return { id: first[1]!.toUpperCase(), ...(first[2]?.trim() ? { name: first[2].trim() } : {}) };
  return { name: value };
}
