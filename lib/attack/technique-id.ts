/** The one definition of an ATT&CK technique ID; every pattern and message derives from it. */
export const TECHNIQUE_ID_FORMAT = { prefix: 'T', digits: 4, subDigits: 3, example: 'T1566.001' } as const;

/** A canonical technique or sub-technique ID, anchored: `T1566` or `T1566.001`. */
export const TECHNIQUE_ID = new RegExp(
  `^${TECHNIQUE_ID_FORMAT.prefix}\\d{${TECHNIQUE_ID_FORMAT.digits}}(\\.\\d{${TECHNIQUE_ID_FORMAT.subDigits}})?$`,
);

/** True for a canonical technique ID (`T1566.001`), false for anything else (`t1566/001`, `TA0001`). */
export function isTechniqueId(value: string): boolean {
  return TECHNIQUE_ID.test(value);
}

/**
 * The canonical form of a technique ID written in any usual way (`t1566/001`, `T1566-001`, full-width `Ｔ１１９３`),
 * or undefined when the text is not just an ID.
 */
export function canonicalTechniqueId(value: string): string | undefined {
  const match = /^T(\d{4})(?:\s*[./\-_]\s*(\d{3}))?$/.exec(value.normalize('NFKC').trim().toUpperCase());
  if (!match) return undefined;
  return match[2] ? `T${match[1]}.${match[2]}` : `T${match[1]}`;
}
