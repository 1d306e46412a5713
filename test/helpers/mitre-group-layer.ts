/**
 * attack.mitre.org's Navigator layer of a group (`G0016-enterprise-layer.json`), rebuilt from a release bundle without
 * lib/, as mitre-attack/attack-website builds it: `modules/util/buildhelpers.py` at
 * 86b235bc0c0d3f17fb09f157359aae5c2338cf61 (`technique_used_helper`, `get_navigator_layers`, `build_base_layer`,
 * `get_technique_layer_object`, `colorMap`) over the group's `uses` and, inherited, those of every campaign
 * `attributed-to` it that is not revoked (README, "attack.mitre.org's layers"). Written in our own words.
 */
import { rawAttackId, rawObjectById, type RawUses } from './raw-uses.js';

/** attack-website's `colorMap`: used by the object, inherited from a campaign only, both. */
export const MITRE_COLORS = { own: '#66b1ff', campaign: '#ff6666', both: '#ff66f4' } as const;

interface Used {
  id: string;
  color: 1 | 2 | 3;
  descr?: string;
  /** A parent added for its sub-technique, until the group or a campaign uses it itself. */
  placeholder?: boolean;
}

/** The group's enterprise layer as attack.mitre.org serves it, and the campaigns it inherits techniques from (their ATT&CK IDs). */
export function mitreGroupLayer(raw: RawUses, groupId: string, version = '18'): { layer: Record<string, unknown>; campaigns: string[] } {
  const group = rawObjectById(raw, groupId);
  const campaigns = raw.attributions
    .filter((r) => r['target_ref'] === group.id)
    .map((r) => raw.objects.get(String(r['source_ref'])))
    .filter((c) => c !== undefined && c.type === 'campaign' && !c['revoked']);
  const used = new Map<string, Used>();
  const add = (owner: string, inherited: boolean) => {
    for (const relationship of raw.uses.filter((r) => r['source_ref'] === owner)) {
      const technique = raw.objects.get(String(relationship['target_ref']));
      if (!technique || technique['revoked'] || technique['x_mitre_deprecated']) continue;
      const id = rawAttackId(technique)!;
      const descr = relationship['description'] as string | undefined;
      const parent = id.includes('.') ? id.split('.')[0]! : undefined;
      if (parent && !used.has(parent)) used.set(parent, { id: parent, color: 1, placeholder: true });
      const found = used.get(id);
      // technique_used_helper: a technique met again through a campaign turns pink, and a parent first added for its
      // sub-technique becomes used, keeping its colour.
      if (found?.placeholder) used.set(id, { ...found, placeholder: false, ...(descr ? { descr } : {}), ...(inherited ? { color: 3 } : {}) });
      else if (found && inherited) used.set(id, { ...found, color: 3 });
      else if (!found) used.set(id, { id, color: inherited ? 2 : 1, ...(descr ? { descr } : {}) });
    }
  };
  add(group.id, false);
  for (const campaign of campaigns) add(campaign!.id, true);
  const colorOf = { 1: MITRE_COLORS.own, 2: MITRE_COLORS.campaign, 3: MITRE_COLORS.both } as const;
  const hasSubs = (id: string) => [...used.keys()].some((other) => other.startsWith(`${id}.`));
  const techniques = [...used.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((t) =>
      t.placeholder
        ? { techniqueID: t.id, showSubtechniques: true }
        : { techniqueID: t.id, ...(t.descr ? { comment: t.descr } : {}), score: 1, color: colorOf[t.color], showSubtechniques: t.id.includes('.') || hasSubs(t.id) },
    );
  const name = String(group['name']);
  return {
    campaigns: campaigns.map((c) => rawAttackId(c!)!).sort(),
    layer: {
      description: `Enterprise techniques used by ${name}, ATT&CK group ${groupId} (v${String(group['x_mitre_version'])})`,
      name: `${name} (${groupId})`,
      domain: 'enterprise-attack',
      versions: { layer: '4.5', attack: version, navigator: '5.1.0' },
      techniques,
      gradient: { colors: ['#ffffff', MITRE_COLORS.own], minValue: 0, maxValue: 1 },
      legendItems: [
        { label: `used by ${name}`, color: MITRE_COLORS.own },
        { label: `used by a campaign attributed to ${name}`, color: MITRE_COLORS.campaign },
        { label: `used by ${name} and used by a campaign attributed to ${name}`, color: MITRE_COLORS.both },
      ],
    },
  };
}
