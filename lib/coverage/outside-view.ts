/**
 * Where gaps of Reconnaissance or Resource Development only (`preAttack`) rank: `last`, after every technique in view
 * (ATT&CK: these "largely occur outside the visibility of the target organization", so most teams cannot build
 * rules for them in their own telemetry), or `priority`, by priority alone, in view breaking ties only.
 */
export type OutsideViewRanking = 'last' | 'priority';
export const OUTSIDE_VIEW_RANKINGS: readonly OutsideViewRanking[] = ['last', 'priority'];
