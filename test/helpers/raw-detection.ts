/**
 * What a release says about detecting and mitigating each technique, read straight from the bundle (not through
 * lib/), for tests that compute their expectations independently: ATT&CK 18's detection strategies (`detects`), the
 * analytics they list (`x_mitre_analytic_refs`) with `x_mitre_platforms` and `x_mitre_log_source_references`, and the
 * `mitigates` relationships of course-of-action objects. Memoized per file.
 */
import { readRawBundle, type RawStixObject } from './attack.js';

export interface RawAnalytic {
  id: string;
  platforms: string[];
  logSources: { name: string; channel: string }[];
}

export interface RawDetection {
  /** By technique ATT&CK ID (current techniques only): its strategies' IDs, their analytics, its mitigations' IDs. */
  techniques: Map<string, { strategies: string[]; analytics: RawAnalytic[]; mitigations: string[] }>;
  /** Every live analytic. */
  analytics: RawAnalytic[];
}

const cache = new Map<string, RawDetection>();

const attackId = (o: RawStixObject | undefined): string | undefined =>
  (o?.['external_references'] as { source_name?: string; external_id?: string }[] | undefined)?.find((r) => r.source_name === 'mitre-attack')?.external_id;
const live = (o: RawStixObject): boolean => !o['revoked'] && !o['x_mitre_deprecated'];

/** Read (once) the detection strategies, analytics and mitigations of a release file, by technique. */
export function rawDetection(file: string): RawDetection {
  let found = cache.get(file);
  if (found) return found;
  const byId = new Map<string, RawStixObject>();
  const objects = readRawBundle(file).objects;
  for (const o of objects) byId.set(o.id, o);
  const analyticOf = (o: RawStixObject): RawAnalytic => ({
    id: attackId(o)!,
    platforms: (o['x_mitre_platforms'] as string[] | undefined) ?? [],
    // Names and channels as written less surrounding spaces (18.1 writes "networkconfig " once); the channel "None"
    // (127 log sources of 18.1) names no channel.
    logSources: ((o['x_mitre_log_source_references'] as { name: string; channel?: string }[] | undefined) ?? []).map((r) => ({
      name: r.name.trim(),
      channel: /^none$/i.test((r.channel ?? '').trim()) ? '' : (r.channel ?? '').trim(),
    })),
  });
  const techniques: RawDetection['techniques'] = new Map();
  for (const o of objects) {
    if (o.type === 'attack-pattern' && live(o)) techniques.set(attackId(o)!, { strategies: [], analytics: [], mitigations: [] });
  }
  for (const r of objects) {
    if (r.type !== 'relationship' || !live(r)) continue;
    const source = byId.get(r['source_ref'] as string);
    const target = byId.get(r['target_ref'] as string);
    const entry = techniques.get(attackId(target) ?? '');
    if (!source || !target || target.type !== 'attack-pattern' || !live(target) || !live(source) || !entry) continue;
    if (r['relationship_type'] === 'detects' && source.type === 'x-mitre-detection-strategy') {
      entry.strategies.push(attackId(source)!);
      for (const ref of (source['x_mitre_analytic_refs'] as string[] | undefined) ?? []) {
        const analytic = byId.get(ref);
        if (analytic && live(analytic)) entry.analytics.push(analyticOf(analytic));
      }
    }
    if (r['relationship_type'] === 'mitigates' && source.type === 'course-of-action') entry.mitigations.push(attackId(source)!);
  }
  const analytics = objects.filter((o) => o.type === 'x-mitre-analytic' && live(o)).map(analyticOf);
  found = { techniques, analytics };
  cache.set(file, found);
  return found;
}
