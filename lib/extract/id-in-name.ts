// MISP's galaxy clusters write the ID after the name (`Spearphishing Attachment - T1566.001`), and so do the
// attack-patterns MISP's STIX converter makes of them (Cisco Talos's bundles); tags written by hand put it first
// (`T1566 - Phishing`, `T1059.001`), as Unit 42's playbooks do in an attack-pattern's name (`T1505.003: Web Shell`).
const ID_AFTER = /^(.*?)\s+[-–]\s+(T\d{4}(?:\.\d{3})?)$/i;
const ID_BEFORE = /^(T\d{4}(?:\.\d{3})?)(?:\s*[:\-–]\s*(.*))?$/i;

/** The technique ID and name a name written with its ID holds, ID last or first; the value alone as a name without one. Pure. */
export function readIdInName(value: string): { id?: string; name?: string } {
  const after = ID_AFTER.exec(value);
  if (after) return { id: after[2]!.toUpperCase(), ...(after[1]!.trim() ? { name: after[1]!.trim() } : {}) };
  const before = ID_BEFORE.exec(value);
  if (before) return { id: before[1]!.toUpperCase(), ...(before[2]?.trim() ? { name: before[2].trim() } : {}) };
  return { name: value };
}
