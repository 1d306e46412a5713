/**
 * What to build for a gap: ATT&CK's detection strategies for the technique, their analytics on the threat's
 * platforms with the log sources each needs, and the mitigations; with a log sources file, whether the gap can be
 * closed with what is collected.
 *
 * Classes (DETECTION_CLASSES), over the analytics of the technique's detection strategies whose platforms meet the
 * threat's platforms:
 *   buildable now     some analytic has every log source it names collected (a name with all its channels, or the
 *                     channel the analytic names): write the rule;
 *   needs telemetry   analytics exist, but each misses some log source; the missing ones of the closest analytic
 *                     (fewest missing) are named;
 *   no analytic       no analytic of the technique is for these platforms (or the technique has no strategy).
 */
import type { DetectionModel } from '../attack/detection-model.js';
import type { AnalyticRecord, LogSourceRef, TechniqueId } from '../attack/types.js';
import { compareText } from '../compare-text.js';
import type { CollectedLogSources } from './read-log-sources.js';

export const DETECTION_CLASSES = ['buildable', 'needs-telemetry', 'no-analytic'] as const;
export type DetectionClass = (typeof DETECTION_CLASSES)[number];

/** How each class reads in reports. */
export const DETECTION_CLASS_TEXT: Readonly<Record<DetectionClass, string>> = {
  buildable: 'buildable now',
  'needs-telemetry': 'needs telemetry',
  'no-analytic': 'no analytic for these platforms',
};

/** An analytic as the review shows it: with the log sources missing, when a log sources file was given. */
export interface GapAnalytic {
  id: string;
  url?: string;
  /** The analytic's own lists, shared with the release's detection data: read-only. */
  readonly platforms: readonly string[];
  readonly logSources: readonly LogSourceRef[];
  description: string;
  /** The log sources not collected ([] when all are); absent without a log sources file. */
  missing?: LogSourceRef[];
}

export interface GapStrategy {
  id: string;
  name: string;
  url?: string;
  /** Its analytics for the threat's platforms. */
  analytics: GapAnalytic[];
  /** How many of its analytics are for other platforms only (left out). */
  otherPlatforms: number;
}

export interface GapMitigation {
  id: string;
  name: string;
  url?: string;
  /** What ATT&CK says the mitigation does against this technique. */
  text: string;
}

/** What ATT&CK offers to close one gap. */
export interface GapDetection {
  strategies: GapStrategy[];
  mitigations: GapMitigation[];
  /** Present when the release has detection strategies and a log sources file was given. */
  class?: DetectionClass;
  /**
   * needs-telemetry: the log sources missing for the closest analytic(s), sorted by name: a name not collected at all
   * alone (`NSM:Flow`), a name collected in part with the channels missing (`WinEventLog:Sysmon (EventCode=23)`).
   */
  missing?: string[];
  /** buildable: the analytics whose log sources are all collected. */
  buildableWith?: string[];
}

function gapAnalytic(analytic: AnalyticRecord, collected: CollectedLogSources | undefined): GapAnalytic {
  return {
    id: analytic.id,
    ...(analytic.url ? { url: analytic.url } : {}),
    platforms: analytic.platforms,
    logSources: analytic.logSources,
    description: analytic.description,
    ...(collected ? { missing: analytic.logSources.filter((source) => !collected.collects(source)) } : {}),
  };
}

/** ATT&CK's advice for one technique on some platforms, classed against the collected log sources when given. */
export function detectionAdvice(
  id: TechniqueId,
  platforms: readonly string[],
  model: DetectionModel,
  collected?: CollectedLogSources,
): GapDetection {
  const strategies = model.strategies(id).map(({ strategy, analytics }): GapStrategy => {
    const fitting = analytics.filter((analytic) => analytic.platforms.some((platform) => platforms.includes(platform)));
    return {
      id: strategy.id,
      name: strategy.name,
      ...(strategy.url ? { url: strategy.url } : {}),
      analytics: fitting.map((analytic) => gapAnalytic(analytic, collected)),
      otherPlatforms: analytics.length - fitting.length,
    };
  });
  const mitigations = model.mitigations(id).map(({ mitigation, text }) => ({
    id: mitigation.id,
    name: mitigation.name,
    ...(mitigation.url ? { url: mitigation.url } : {}),
    text,
  }));
  const detection: GapDetection = { strategies, mitigations };
  if (!model.hasStrategies || !collected) return detection;
  const analytics = strategies.flatMap((strategy) => strategy.analytics);
  // An analytic that names no log source cannot be checked against what is collected, so it makes nothing buildable.
  const checkable = analytics.filter((analytic) => analytic.logSources.length > 0);
  if (!checkable.length) return { ...detection, class: 'no-analytic' };
  const buildable = checkable.filter((analytic) => analytic.missing?.length === 0);
  if (buildable.length) return { ...detection, class: 'buildable', buildableWith: buildable.map((analytic) => analytic.id) };
  const fewest = Math.min(...checkable.map((analytic) => new Set(analytic.missing!.map((source) => source.name)).size));
  // A name the file lists with some channels is collected: what is missing is a channel of it, and `needs telemetry:
  // WinEventLog:Sysmon` alone would read as Sysmon not being collected at all.
  const channels = new Map<string, Set<string>>();
  for (const analytic of checkable) {
    if (new Set(analytic.missing!.map((source) => source.name)).size !== fewest) continue;
    for (const source of analytic.missing!) {
      const missing = channels.get(source.name) ?? channels.set(source.name, new Set()).get(source.name)!;
      if (source.channel && collected.listsName(source.name)) missing.add(source.channel);
    }
  }
  const missing = [...channels.keys()]
    .sort(compareText)
    .map((name) => (channels.get(name)!.size ? `${name} (${[...channels.get(name)!].sort(compareText).join('; ')})` : name));
  return { ...detection, class: 'needs-telemetry', missing };
}

/** The order of classes in the ranking, within equal priority: buildable gaps first. */
export function classRank(detection: GapDetection | undefined): number {
  const index = detection?.class ? DETECTION_CLASSES.indexOf(detection.class) : -1;
  return index === -1 ? DETECTION_CLASSES.length : index;
}
