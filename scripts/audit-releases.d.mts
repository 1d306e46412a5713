import type { AttackIndex, Resolution, ResolveContext, ResolutionWarning, ReferenceInput, UpgradedLayer, UpgradeOptions } from '../lib/index.js';

/** The classes of an outcome, in the table's order. */
export declare const CLASSES: readonly string[];
/** The forms each technique is written in. */
export declare const FORMS: readonly string[];
/** The forms written with a tactic. */
export declare const TACTIC_FORMS: readonly string[];
/** A parsed bundle, as JSON.parse gives it. */
export interface RawBundle {
  objects: readonly { type: string; id: string; [key: string]: unknown }[];
}
/** What the raw bundles say: objects by STIX id, `revoked-by` steps (the newest bundle's first). */
export interface RawOracle {
  byStix: Map<string, { type: string; id: string; [key: string]: unknown }>;
  revokedBy: Map<string, string>;
}
export declare function rawOracle(newest: RawBundle, ...older: RawBundle[]): RawOracle;
/** What the newest bundle says a technique (by STIX id) is now. */
export interface Expected {
  status: 'current' | 'revoked' | 'deprecated' | 'absent';
  ids: string[];
  /** The deprecated technique's ID (at the chain's end). */
  final?: string;
}
export declare function expectedOf(oracle: RawOracle, stixId: string): Expected;
export declare function classify(got: Resolution, want: Expected, target: AttackIndex): string;
export declare function classifyTactic(resolution: Resolution, tacticWarnings: readonly string[], finalTactics: readonly string[], tactic: string): 'kept' | 'said' | 'wrong' | undefined;
/** One technique written in one form, and what it gave. */
export interface AuditRow {
  form: string;
  ref: string;
  id: string;
  want: Expected;
  /** The resolution; for a `layer entry`, where `upgrade` put the annotation (`upgraded`, or `removed`) and its notes. */
  got: Pick<Resolution, 'ids' | 'note'> & { status: string };
  cls: string;
  tactic?: string;
  tacticCls?: 'kept' | 'said' | 'wrong';
  tacticWarnings?: string[];
}
export declare function auditRelease(
  old: AttackIndex,
  context: ResolveContext,
  oracle: RawOracle,
  resolve: (input: ReferenceInput, context: ResolveContext) => { resolution: Resolution; warnings: ResolutionWarning[] },
): AuditRow[];
export declare function tally(rows: readonly AuditRow[]): {
  counts: Record<string, Record<string, number>>;
  tactics: Record<string, { kept: number; said: number; wrong: number }>;
};
/** Audit `upgrade` (`upgradeLayer`) on a layer of `old` annotating every technique under each of its tactics. */
export declare function auditUpgrade(
  old: AttackIndex,
  target: AttackIndex,
  oracle: RawOracle,
  upgrade: (value: unknown, target: AttackIndex, options: UpgradeOptions) => UpgradedLayer,
): AuditRow[];
