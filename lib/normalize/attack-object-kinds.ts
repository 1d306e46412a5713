/** The kinds of ATT&CK object that use techniques, as `--type` and `--all` name them. */
export const ATTACK_OBJECT_KINDS = ['group', 'software', 'campaign'] as const;
export type AttackObjectKind = (typeof ATTACK_OBJECT_KINDS)[number];
