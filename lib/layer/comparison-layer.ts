import type { AttackIndex } from '../attack/attack-index.js';
import { objectRef, objectTitle } from '../normalize/resolve-attack-object.js';
import type { CampaignComparison, ComparedTechnique, ComparisonStatus } from '../normalize/compare-campaign.js';
import type { LayerTechnique, NavigatorLayer } from './layer-types.js';
import { isLayerComparison, type LayerComparedTechnique } from './compare-layer.js';
import { compareEntries, expandParents, GENERATOR, LAYOUT, layerShell } from './render-layer.js';

/** The colour of each comparison status in a comparison layer, and of the object's techniques the campaign does not mention. */
export const COMPARISON_COLORS: Readonly<Record<ComparisonStatus | 'unmentioned', string>> = {
  attributed: '#8ec843',
  related: '#ffe766',
  new: '#ff6666',
  unmentioned: '#d9d9d9',
};

function statusComment(technique: ComparedTechnique, who: string, reported = `reported as ${technique.reportedAs.map((raw) => `"${raw}"`).join(', ')}`): string {
  if (technique.status === 'attributed') return `${reported}; ATT&CK documents ${who} using it`;
  if (technique.status === 'new') return `${reported}; new: ATT&CK does not document ${who} using it`;
  const relations = technique.related.map((r) => `${r.relation === 'parent' ? 'its parent' : 'its sub-technique'} ${r.id} ${r.name}`);
  return `${reported}; related: ATT&CK documents ${who} using ${relations.join(', ')}`;
}

/**
 * Render a comparison as a layer: the campaign's techniques coloured by status (attributed, related, new) and the
 * object's techniques the campaign does not mention in grey, each with a comment saying why, and a legend.
 */
export function renderComparisonLayer(comparison: CampaignComparison, index: AttackIndex, options: { navigatorVersion?: string } = {}): NavigatorLayer {
  const { campaign, object, counts } = comparison;
  const who = objectTitle(object);
  const layer = isLayerComparison(comparison) ? comparison.layer : undefined;
  // What is compared, as the legend and comments say it: a campaign reports techniques, a layer has them.
  const reported = layer ? 'in the layer' : 'reported';
  const layerEntries = (technique: LayerComparedTechnique): LayerTechnique[] =>
    // A layer's entries keep their tactic, score, comment, links and metadata: the status colours them and leads the comment.
    technique.entries.map((entry) => ({
      ...entry,
      color: COMPARISON_COLORS[technique.status],
      comment: [statusComment(technique, who, 'in the layer'), entry.comment?.trim() ? `the layer: ${entry.comment.trim()}` : ''].filter(Boolean).join('\n'),
      metadata: [{ name: 'status', value: technique.status }, ...(entry.metadata ?? [])],
    }));
  const entries: LayerTechnique[] = [
    ...comparison.techniques.flatMap((technique) =>
      layer
        ? layerEntries(technique as LayerComparedTechnique)
        : [
            {
              techniqueID: technique.id,
              color: COMPARISON_COLORS[technique.status],
              comment: statusComment(technique, who),
              metadata: [{ name: 'status', value: technique.status }],
            },
          ],
    ),
    ...comparison.unmentioned.map((technique) => ({
      techniqueID: technique.id,
      color: COMPARISON_COLORS.unmentioned,
      comment: `ATT&CK documents ${who} using it; ${layer ? 'the layer does not have it' : 'the campaign does not report it'}`,
      metadata: [{ name: 'status', value: 'not mentioned' }],
    })),
  ];
  return {
    name: `${campaign.name} vs ${who}`,
    ...layerShell(index, options),
    description: [
      layer
        ? `The techniques of layer "${layer.name}" (${layer.source}), compared with those ATT&CK ${index.label} documents for the ${object.kind} ${who}.`
        : `The techniques campaign ${campaign.id} reports, compared with those ATT&CK ${index.label} documents for the ${object.kind} ${who}.`,
      `${counts.reported} ${reported}: ${counts.attributed} attributed, ${counts.related} related (a parent or sub-technique is), ${counts.new} new; ` +
        `${counts.unmentioned} of the ${object.kind}'s ${counts.object} techniques not mentioned.`,
      ...(layer?.leftOut.length
        ? [`${layer.leftOut.length} of the layer's entries not compared: ${layer.leftOut.map((entry) => `${entry.techniqueID}${entry.tactic ? ` (${entry.tactic})` : ''}: ${entry.reason}`).join('; ')}.`]
        : []),
    ].join('\n'),
    sorting: 0,
    layout: { ...LAYOUT },
    hideDisabled: false,
    techniques: expandParents(entries, index).sort(compareEntries),
    legendItems: [
      { label: `${reported}, attributed to ${object.name} in ATT&CK`, color: COMPARISON_COLORS.attributed },
      { label: `${reported}, related: ATT&CK has its parent or a sub-technique`, color: COMPARISON_COLORS.related },
      { label: `${reported}, new: not in ATT&CK for ${object.name}`, color: COMPARISON_COLORS.new },
      { label: `in ATT&CK for ${object.name}, ${layer ? 'not in the layer' : 'not reported'}`, color: COMPARISON_COLORS.unmentioned },
    ],
    metadata: [
      layer ? { name: 'layer', value: `${layer.name} (${layer.source})` } : { name: 'campaign', value: `${campaign.id} (${campaign.file})` },
      { name: 'compared with', value: `${objectRef(object)} (${object.kind})` },
      { name: 'ATT&CK release', value: index.label },
      { name: 'generated by', value: GENERATOR },
      ...(layer?.kept.length ? [{ divider: true } as const, ...layer.kept] : []),
    ],
  };
}
