import type { AttackIndex } from '../attack/attack-index.js';
import { objectRef, objectTitle } from '../normalize/resolve-attack-object.js';
import type { CampaignComparison, ComparedTechnique, ComparisonStatus, NamedCampaign } from '../normalize/compare-campaign.js';
import type { LayerMetadata, LayerTechnique, LegendItem, NavigatorLayer } from './layer-types.js';
import { isLayerComparison, type LayerComparedTechnique } from './compare-layer.js';
import { expandParents, GENERATOR, layerShell } from './render-layer.js';
import { keptSettings, type SettingsWriter } from './combined-settings.js';
import { compareEntries } from './serialize-layer.js';
import { paintedColour, plural } from './score.js';

/** The colour of each comparison status in a comparison layer, and of the object's techniques the campaign does not mention. */
export const COMPARISON_COLORS: Readonly<Record<ComparisonStatus | 'unmentioned', string>> = {
  attributed: '#8ec843',
  // Known to ATT&CK as attributed's green is, through a campaign: teal, apart from green, yellow and red.
  campaign: '#66c2a5',
  related: '#ffe766',
  new: '#ff6666',
  unmentioned: '#d9d9d9',
};

/** `C0023 Operation Ghost, C0024 SolarWinds Compromise`. */
export const campaignList = (campaigns: readonly NamedCampaign[]): string => campaigns.map((c) => `${c.id} ${c.name}`).join(', ');

/** `campaign C0023 Operation Ghost`, `campaigns C0023 …, C0024 …`: the campaigns attributed to the object that use a technique. */
const throughCampaigns = (campaigns: readonly NamedCampaign[]): string => `${campaigns.length === 1 ? 'campaign' : 'campaigns'} ${campaignList(campaigns)}`;

function statusComment(technique: ComparedTechnique, who: string, reported = `reported as ${technique.reportedAs.map((raw) => `"${raw}"`).join(', ')}`): string {
  if (technique.status === 'attributed') return `${reported}; ATT&CK documents ${who} using it`;
  if (technique.status === 'campaign') return `${reported}; attributed through ${throughCampaigns(technique.campaigns)}: ATT&CK documents it for the ${technique.campaigns.length === 1 ? 'campaign' : 'campaigns'} it attributes to ${who}`;
  if (technique.status === 'new') return `${reported}; new: ATT&CK does not document ${who} using it`;
  const relations = technique.related.map(
    (r) => `${r.relation === 'parent' ? 'its parent' : 'its sub-technique'} ${r.id} ${r.name}${r.campaigns ? ` (through ${throughCampaigns(r.campaigns)})` : ''}`,
  );
  return `${reported}; related: ATT&CK documents ${who} using ${relations.join(', ')}`;
}

/** A compared technique's status, and the campaigns it is attributed through, as its entry's metadata. */
function statusMetadata(technique: ComparedTechnique): Array<{ name: string; value: string }> {
  return [{ name: 'status', value: technique.status }, ...(technique.campaigns.length ? [{ name: 'campaigns', value: campaignList(technique.campaigns) }] : [])];
}

/** Name of the item that keeps the colour a layer gave an entry, which the comparison layer colours by status. */
export const LAYER_COLOUR_NAME = "the layer's colour";

/**
 * The colour `entry` had in its layer, as an item: `#7FFF00 (Protect - Significant)`, with the labels the layer's
 * `legend` gives it (by value, as Navigator paints it). None for an entry without one, which its score coloured.
 */
function layerColour(entry: LayerTechnique, legend: readonly LegendItem[]): LayerMetadata[] {
  const colour = paintedColour(entry.color);
  if (!colour) return [];
  const labels = [...new Set(legend.filter((item) => paintedColour(item.color) === colour).map((item) => item.label.trim()))].filter(Boolean);
  return [{ name: LAYER_COLOUR_NAME, value: `${entry.color!.trim()}${labels.length ? ` (${labels.join('; ')})` : ''}` }];
}

/**
 * How a comparison layer departs from combine's rules for the settings it keeps from the layer compared: sorted by name
 * where the layer says nothing (combine sorts by its combined score; here the status colours, not the scores, are what
 * the layer shows), and no aggregate scores. Every technique of a comparison layer is coloured by its status, which
 * Navigator 5.1 paints before an aggregate; an aggregate would paint only the parents that have no status, those of a
 * compared sub-technique, in the layer's gradient, a colour read as a status (CTID's layers colour their gradient with
 * the status colours' own red, yellow and green).
 */
const COMPARISON_SETTINGS: SettingsWriter = {
  unstated: { '/sorting': 0 },
  own: {
    '/layout/showAggregateScores': {
      value: false,
      why:
        "as every technique of the comparison layer is coloured by its status: an aggregate would paint only the parents without one, in the layer's gradient, " +
        "a colour that reads as a status; each score is kept in its entry",
    },
  },
  filterOf: "the layer's",
};

/** A comparison layer and what was said of the layer's settings it keeps (`keptSettings`). */
export interface ComparisonLayer {
  layer: NavigatorLayer;
  warnings: string[];
}

/**
 * Render a comparison as a layer: the campaign's techniques coloured by status (attributed, through a campaign, related, new) and the
 * object's techniques the campaign does not mention in grey, each with a comment saying why, and a legend. A layer's
 * comparison keeps the layer's platform filter, hideDisabled and view settings as combine keeps its inputs'
 * (`keptSettings`, with `COMPARISON_SETTINGS`: the filter widened where it would hide a technique of the comparison,
 * each said in `warnings`), and its metadata and links.
 */
export function renderComparisonLayer(comparison: CampaignComparison, index: AttackIndex, options: { navigatorVersion?: string } = {}): ComparisonLayer {
  const { campaign, object, counts } = comparison;
  const who = objectTitle(object);
  const layer = isLayerComparison(comparison) ? comparison.layer : undefined;
  // What is compared, as the legend and comments say it: a campaign reports techniques, a layer has them.
  const reported = layer ? 'in the layer' : 'reported';
  const layerEntries = (technique: LayerComparedTechnique): LayerTechnique[] =>
    // A layer's entries keep their tactic, score, comment, links and metadata: the status colours them and leads the
    // comment; the colour it replaces is kept as an item, with what the layer's legend calls it.
    technique.entries.map((entry) => ({
      ...entry,
      color: COMPARISON_COLORS[technique.status],
      comment: [statusComment(technique, who, 'in the layer'), entry.comment?.trim() ? `the layer: ${entry.comment.trim()}` : ''].filter(Boolean).join('\n'),
      metadata: [...statusMetadata(technique), ...layerColour(entry, layer?.legendItems ?? []), ...(entry.metadata ?? [])],
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
              metadata: statusMetadata(technique),
            },
          ],
    ),
    ...comparison.unmentioned.map((technique) => ({
      techniqueID: technique.id,
      color: COMPARISON_COLORS.unmentioned,
      comment:
        `ATT&CK documents ${technique.campaigns ? `${throughCampaigns(technique.campaigns)}, attributed to ${who},` : who} using it; ` +
        (layer ? 'the layer does not have it' : 'the campaign does not report it'),
      metadata: [{ name: 'status', value: 'not mentioned' }, ...(technique.campaigns ? [{ name: 'campaigns', value: campaignList(technique.campaigns) }] : [])],
    })),
  ];
  const techniques = expandParents(entries, index).sort(compareEntries);
  const kept = keptSettings(layer ? [layer.settings] : [], layer ? [layer.name] : [], techniques, index, COMPARISON_SETTINGS);
  const written: NavigatorLayer = {
    name: `${campaign.name} vs ${who}`,
    ...layerShell(index, options),
    description: [
      layer
        ? `The techniques of layer "${layer.name}" (${layer.source}), compared with those ATT&CK ${index.label} documents for the ${object.kind} ${who}.`
        : `The techniques campaign ${campaign.id} reports, compared with those ATT&CK ${index.label} documents for the ${object.kind} ${who}.`,
      `${counts.reported} ${reported}: ${counts.attributed} attributed, ` +
        (comparison.campaigns.length ? `${counts.campaign} attributed through its campaigns, ` : '') +
        `${counts.related} related (a parent or sub-technique is), ${counts.new} new; ` +
        `${counts.unmentioned} of the ${object.kind}'s ${plural(counts.object + counts.campaignOnly, 'technique')} not mentioned.`,
      ...(comparison.campaigns.length
        ? [
            `ATT&CK's campaigns attributed to ${who} count as its: ${campaignList(comparison.campaigns)} ` +
              `(${plural(counts.campaignOnly, 'technique')} used by them and not by the ${object.kind} itself).`,
          ]
        : []),
      ...(layer?.leftOut.length
        ? [`${layer.leftOut.length} of the layer's entries not compared: ${layer.leftOut.map((entry) => `${entry.techniqueID}${entry.tactic ? ` (${entry.tactic})` : ''}: ${entry.reason}`).join('; ')}.`]
        : []),
    ].join('\n'),
    ...kept.fields,
    techniques,
    // The layer's scores are kept, so its gradient is: without one Navigator 5.1 reads them on its own 0..100, where a
    // DeTT&CT count of 4210 is off the scale and a 99.7 of a 0..1000 layer fails its colour lookup (gradient.ts
    // getHexColor) and the layer does not open.
    ...(layer?.gradient && entries.some((entry) => typeof entry.score === 'number') ? { gradient: layer.gradient } : {}),
    legendItems: [
      { label: `${reported}, attributed to ${object.name} in ATT&CK`, color: COMPARISON_COLORS.attributed },
      ...(comparison.campaigns.length
        ? [{ label: `${reported}, attributed through a campaign: ATT&CK has it for a campaign attributed to ${object.name}`, color: COMPARISON_COLORS.campaign }]
        : []),
      { label: `${reported}, related: ATT&CK has its parent or a sub-technique`, color: COMPARISON_COLORS.related },
      { label: `${reported}, new: not in ATT&CK for ${object.name}`, color: COMPARISON_COLORS.new },
      { label: `in ATT&CK for ${object.name}, ${layer ? 'not in the layer' : 'not reported'}`, color: COMPARISON_COLORS.unmentioned },
    ],
    metadata: [
      layer ? { name: 'layer', value: `${layer.name} (${layer.source})` } : { name: 'campaign', value: `${campaign.id} (${campaign.file})` },
      { name: 'compared with', value: `${objectRef(object)} (${object.kind})` },
      ...(comparison.campaigns.length ? [{ name: 'with its campaigns', value: campaignList(comparison.campaigns) }] : []),
      { name: 'ATT&CK release', value: index.label },
      { name: 'generated by', value: GENERATOR },
      // The layer's own items, what its upgrade left out among them, follow a divider, as they were.
      ...(layer?.metadata.length ? [{ divider: true } as const, ...layer.metadata] : []),
    ],
    ...(layer?.links.length ? { links: layer.links } : {}),
  };
  return { layer: written, warnings: kept.warnings.map((warning) => `the comparison layer "${written.name}": ${warning}`) };
}
