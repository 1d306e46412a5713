import { compareText } from '../compare-text.js';
import type { AttackIndex } from './attack-index.js';
import type {
  AnalyticRecord,
  DetectionIndexData,
  DetectionStrategyRecord,
  MitigationRecord,
  MitigationUse,
  TechniqueId,
} from './types.js';

/** A detection strategy of a technique with its analytics. */
export interface TechniqueStrategy {
  strategy: DetectionStrategyRecord;
  analytics: AnalyticRecord[];
}

/** How often the release's analytics name a log source, and on which platforms, by channel. */
export interface LogSourceUse {
  name: string;
  /** Analytics that need the log source (any channel). */
  analytics: number;
  platforms: string[];
  channels: { channel?: string; analytics: number }[];
}

/** One release's detection strategies, analytics and mitigations, looked up by technique. */
export class DetectionModel {
  readonly data: DetectionIndexData;
  private readonly index: AttackIndex;
  private readonly analyticById = new Map<string, AnalyticRecord>();
  private readonly strategiesOf = new Map<string, DetectionStrategyRecord[]>();
  private readonly mitigationById = new Map<string, MitigationRecord>();

  constructor(data: DetectionIndexData, index: AttackIndex) {
    this.data = data;
    this.index = index;
    for (const analytic of data.analytics) this.analyticById.set(analytic.id, analytic);
    for (const mitigation of data.mitigations) this.mitigationById.set(mitigation.id, mitigation);
    for (const strategy of data.strategies) {
      for (const technique of strategy.techniques) {
        const list = this.strategiesOf.get(technique);
        if (list) list.push(strategy);
        else this.strategiesOf.set(technique, [strategy]);
      }
    }
  }

  /** Whether the release has detection strategies at all (ATT&CK 18 introduced them). */
  get hasStrategies(): boolean {
    return this.data.strategies.length > 0;
  }

  /** The detection strategies of a technique (by ID) with their analytics, in ATT&CK's order. */
  strategies(id: TechniqueId): TechniqueStrategy[] {
    const technique = this.index.technique(id);
    if (!technique) return [];
    return (this.strategiesOf.get(technique.stixId) ?? []).map((strategy) => ({
      strategy,
      analytics: strategy.analytics
        .map((analyticId) => this.analyticById.get(analyticId))
        .filter((analytic): analytic is AnalyticRecord => analytic !== undefined),
    }));
  }

  /** The mitigations of a technique with what ATT&CK says each does against it, by mitigation ID. */
  mitigations(id: TechniqueId): { mitigation: MitigationRecord; text: string }[] {
    const technique = this.index.technique(id);
    const uses: readonly MitigationUse[] = technique ? (this.data.mitigates[technique.stixId] ?? []) : [];
    return uses.flatMap((use) => {
      const mitigation = this.mitigationById.get(use.mitigation);
      return mitigation ? [{ mitigation, text: use.text }] : [];
    });
  }

  /** An analytic by ID (`AN0110`). */
  analytic(id: string): AnalyticRecord | undefined {
    return this.analyticById.get(id);
  }

  /**
   * The log sources the release's analytics name (of one platform, when given), most needed first: how many
   * analytics need each, on which platforms, and by channel.
   */
  logSources(platform?: string): LogSourceUse[] {
    const byName = new Map<string, { analytics: Set<string>; platforms: Set<string>; channels: Map<string, Set<string>> }>();
    for (const analytic of this.data.analytics) {
      if (platform && !analytic.platforms.includes(platform)) continue;
      for (const source of analytic.logSources) {
        let entry = byName.get(source.name);
        if (!entry) byName.set(source.name, (entry = { analytics: new Set(), platforms: new Set(), channels: new Map() }));
        entry.analytics.add(analytic.id);
        for (const p of analytic.platforms) if (!platform || p === platform) entry.platforms.add(p);
        const channel = source.channel ?? '';
        let users = entry.channels.get(channel);
        if (!users) entry.channels.set(channel, (users = new Set()));
        users.add(analytic.id);
      }
    }
    return [...byName.entries()]
      .map(([name, entry]) => ({
        name,
        analytics: entry.analytics.size,
        platforms: [...entry.platforms].sort(compareText),
        channels: [...entry.channels.entries()]
          .map(([channel, users]) => ({ ...(channel ? { channel } : {}), analytics: users.size }))
          .sort((a, b) => b.analytics - a.analytics || compareText(a.channel ?? '', b.channel ?? '')),
      }))
      .sort((a, b) => b.analytics - a.analytics || compareText(a.name, b.name));
  }
}
