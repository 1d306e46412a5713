/**
 * Enterprise tactics that a later ATT&CK release split off an earlier tactic: the new shortname -> the tactic it came
 * from, and the release that split it. Known here before a release file of it is: a layer or rule tagged with one
 * comes from that release.
 */
export const TACTIC_SPLITS: Readonly<Record<string, { from: string; since: string }>> = {
  stealth: { from: 'defense-evasion', since: '19' },
  'defense-impairment': { from: 'defense-evasion', since: '19' },
};
