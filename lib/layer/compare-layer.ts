/**
 * A Navigator layer's techniques set against those ATT&CK documents for a group, campaign or software, as
 * `compareCampaign` sets a campaign's: the layer is read as `combine` reads one (`readLayerSources` ->
 * `sourcesDomain` -> `upgradeSources`: repaired, format 4.5, upgraded to the release), then each entry is read:
 *
 * | entry | read as |
 * |---|---|
 * | `enabled: false` | left out, listed: its author switched it off (Navigator greys it out or hides it) |
 * | a score above 0, or a colour, comment, metadata or links (whatever the score) | the layer's: compared |
 * | a score of 0 or less and nothing else | left out, listed: a technique not used (mitreattack-python's usage layers score every technique 0 and those used 1) |
 * | no score and nothing else (`showSubtechniques` alone, to expand a parent) | says nothing: not compared, not listed |
 *
 * A technique counts once, whatever its entries (one per tactic in tropChaud's heatmaps); each entry is kept, as
 * upgraded, for the comparison layer. Entries under a tactic the technique does not have were moved by the upgrade,
 * which says so.
 */
import type { AttackIndex } from '../attack/attack-index.js';
import type { ActorRecord, TechniqueId } from '../attack/types.js';
import { AttackObjectError, UsageError, type GivenAs } from '../errors.js';
import { findAttackObjects } from '../extract/find-attack-objects.js';
import { compareReported, comparedObject, type CampaignComparison, type ComparedTechnique, type CompareOptions } from '../normalize/compare-campaign.js';
import type { AttackObjectKind } from '../normalize/attack-object-kinds.js';
import { givenIds, givenObjects, objectKind, objectRef, resolveAttackObject, type ResolvedObject } from '../normalize/resolve-attack-object.js';
import type { CombineInput, SourcesKeeping } from './combine-layers.js';
import type { Gradient, LayerLink, LayerMetadata, LayerTechnique, LegendItem, NavigatorLayer } from './layer-types.js';
import { layerSettings, type LayerSettings } from './combined-settings.js';
import { isToolItem, LEFT_OUT_BY_COMPARE_NAME } from './tool-items.js';

/** Where `upgradeSources` keeps, for compare, the entries it leaves out (unknown or deprecated techniques). */
export const COMPARE_KEEPING: SourcesKeeping = { name: LEFT_OUT_BY_COMPARE_NAME, layer: 'the comparison layer', entries: "the comparison layer's entries" };

/** A technique of the layer, compared, with the layer's entries for it (one per tactic it is written under). */
export interface LayerComparedTechnique extends ComparedTechnique {
  entries: LayerTechnique[];
}

/** An entry of the layer that is not compared, and why. */
export interface LayerEntryLeftOut {
  techniqueID: string;
  tactic?: string;
  reason: string;
}

/** A layer's techniques set against an ATT&CK object's; `campaign` names the layer (its name, and its file as `id` and `file`). */
export interface LayerComparison extends CampaignComparison {
  techniques: LayerComparedTechnique[];
  layer: {
    /** `a.json`, or `a.json (layer 2)` in a file of several layers. */
    source: string;
    name: string;
    /** The layer's entries that are not compared: disabled, or scored 0 with nothing else. */
    leftOut: LayerEntryLeftOut[];
    /** The layer's own metadata, what its upgrade left out (`COMPARE_KEEPING` items) among it, and its links, which the comparison layer carries. */
    metadata: LayerMetadata[];
    links: LayerLink[];
    /** The layer's legend, which names the colours its entries had before the comparison coloured them by status. */
    legendItems: LegendItem[];
    /** The layer's platform filter, hideDisabled and view settings (`layerSettings`), which the comparison layer keeps (`keptSettings`). */
    settings: LayerSettings;
    /** The layer's gradient, on whose scale its scores are, which the comparison layer keeps with them. */
    gradient?: Gradient;
  };
}

/**
 * What the layer's author wrote beside a score. The tool's own items (`isToolItem`) are not, nor a divider alone:
 * mitreattack-python's generated layer scores every technique 0 and its revoked T1547.011, upgraded to T1647 with an
 * `upgraded from` item, was compared as a technique the layer uses, while its other entries of score 0 were left out
 * as techniques not used; so was T1053.005 of score 0, downgraded to 6.3 onto T1053 with a `merged by downgrade` item.
 */
function annotated(entry: LayerTechnique): boolean {
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const metadata = (entry.metadata ?? []).filter((item) => 'name' in item && !isToolItem(item));
  return text(entry.color) || text(entry.comment) || metadata.length > 0 || (entry.links?.length ?? 0) > 0;
}

/**
 * How `compareLayer` reads one entry: `compared`, or left out with the reason (`undefined` reason: it says nothing,
 * such as an entry that only expands a parent's sub-techniques).
 */
export function layerEntryReading(entry: LayerTechnique): { compared: true } | { compared: false; reason?: string } {
  if (entry.enabled === false) return { compared: false, reason: 'disabled (enabled: false): its author switched it off' };
  if (annotated(entry)) return { compared: true };
  if (typeof entry.score === 'number') {
    return entry.score > 0 ? { compared: true } : { compared: false, reason: `score ${entry.score} and nothing else annotated: a technique not used` };
  }
  return { compared: false };
}

/** What one entry writes beside its tactic, for the comparison's "in the layer" column: its score, colour and comment. */
function annotationText(entry: LayerTechnique): string {
  const comment = entry.comment?.replace(/\s+/g, ' ').trim();
  return [
    typeof entry.score === 'number' ? `score ${entry.score}` : undefined,
    entry.color ? entry.color : undefined,
    comment ? `"${comment.length > 60 ? `${comment.slice(0, 59)}…` : comment}"` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * How a technique's entries write it, for the "in the layer" column: each annotation once, after the tactics it is
 * written under. ATT&CK's group layers write a technique once per tactic with the same score and comment, which was
 * said once per tactic (cloud-analytics' TeamTNT_G0139.json: T1543.003 `persistence score 1 "[TeamTNT](…"; privilege-escalation
 * score 1 "[TeamTNT](…"`), now `persistence, privilege-escalation score 1 "[TeamTNT](…"`.
 */
function entriesText(entries: readonly LayerTechnique[]): string[] {
  const tacticsOf = new Map<string, Set<string>>();
  for (const entry of entries) {
    const annotation = annotationText(entry);
    tacticsOf.set(annotation, (tacticsOf.get(annotation) ?? new Set()).add(entry.tactic ?? 'every tactic'));
  }
  return [...tacticsOf].map(([annotation, tactics]) => [[...tactics].join(', '), annotation].filter(Boolean).join(' '));
}

/**
 * Compare a layer (upgraded to `index`'s release by `upgradeSources`) with an ATT&CK object: which of the layer's
 * techniques ATT&CK attributes to it, which to the campaigns attributed to it (`options.campaigns`), which only
 * through a parent or sub-technique, which are new, and which of the object's the layer does not mention. Entries are read as the table above says.
 */
export function compareLayer(input: CombineInput, object: ActorRecord, index: AttackIndex, options: CompareOptions = {}): LayerComparison {
  const layer = input.layer;
  const source = input.source ?? layer.name;
  const byId = new Map<TechniqueId, LayerTechnique[]>();
  const leftOut: LayerEntryLeftOut[] = [];
  for (const entry of layer.techniques ?? []) {
    const reading = layerEntryReading(entry);
    if (reading.compared) byId.set(entry.techniqueID, [...(byId.get(entry.techniqueID) ?? []), entry]);
    else if (reading.reason) leftOut.push({ techniqueID: entry.techniqueID, ...(entry.tactic ? { tactic: entry.tactic } : {}), reason: reading.reason });
  }
  const ids = [...byId.keys()];
  // Entries that say nothing are passed over in silence beside ones that do; a layer of nothing else is told so, or its
  // comparison reads as if the layer held no entry (fragkiskosk/LOCKBIT-3-BLACK-MITRE-TTP's layer.json: 123 entries,
  // each only showSubtechniques: true, as Navigator saves its "expand sub-techniques" of every technique).
  const silent = (layer.techniques ?? []).length - leftOut.length;
  const nothingSaid =
    !ids.length && silent > 0
      ? [
          `${source}: ${leftOut.length ? `the other ${silent} of its entries` : silent === 1 ? 'its one entry' : `its ${silent} entries`} ` +
            `${silent === 1 ? 'says' : 'say'} nothing to compare: no score above 0, colour, comment, ` +
            'metadata or links (at most showSubtechniques, which only expands a technique); score or colour the techniques the layer means',
        ]
      : [];
  const compared = compareReported(
    ids.map((id) => {
      const parent = index.technique(id)?.parent;
      return { id, ...(parent ? { parent } : {}), reportedAs: entriesText(byId.get(id)!) };
    }),
    object,
    index,
    options,
  );
  return {
    campaign: { id: source, name: layer.name, file: source },
    attack: { domain: index.domain, release: index.release },
    object: comparedObject(object),
    techniques: compared.techniques.map((technique) => ({ ...technique, entries: byId.get(technique.id)! })),
    unmentioned: compared.unmentioned,
    campaigns: compared.campaigns,
    counts: { ...compared.counts, inferredOnly: 0 },
    warnings: [...nothingSaid, ...compared.warnings],
    layer: {
      source,
      name: layer.name,
      leftOut,
      metadata: layer.metadata ?? [],
      links: layer.links ?? [],
      legendItems: layer.legendItems ?? [],
      settings: layerSettings(layer),
      ...(layer.gradient ? { gradient: layer.gradient } : {}),
    },
  };
}

/** True for a comparison of a layer (`compareLayer`), not of a campaign. */
export function isLayerComparison(comparison: CampaignComparison): comparison is LayerComparison {
  return 'layer' in comparison;
}

// DeTT&CT's group layers (`dettect.py group -g apt28 -l`; rabobank-cdc/DeTTECT group_mapping.py, generate_group_heat_map)
// describe themselves as `stage: attack | platform(s): Windows | group(s): apt28, g0010 | overlay group(s): `, the groups
// as given on its command line, lower-cased; the overlay's groups are not the layer's.
const DETTECT_GROUPS = /(?:^|\|)\s*group\(s\):([^|]*)/;

/**
 * The ATT&CK groups a DeTT&CT group layer's description lists, each looked up as `--with` looks one up (ID, name or
 * alias, case aside): DeTT&CT lower-cases them (`g0007`, `fancy bear`), which `findAttackObjects` holds to be prose. A
 * listed name no group has (a group administration file's own, `MITRE Engenuity (15 Most Observed Techniques)`) is
 * no ATT&CK group, and `all` (every group) names none.
 */
function dettectGroups(description: string, index: AttackIndex): Array<{ id: string; name: string; kind: AttackObjectKind; written: string }> {
  const list = DETTECT_GROUPS.exec(description)?.[1] ?? '';
  return list.split(',').flatMap((written) => {
    const ref = written.trim();
    if (!ref || ref === 'all') return [];
    try {
      const { object } = resolveAttackObject(index, ref, { kind: 'group' });
      return [{ id: object.id, name: object.name, kind: objectKind(object), written: ref }];
    } catch (error) {
      if (error instanceof AttackObjectError) return [];
      throw error;
    }
  });
}

/**
 * The objects to compare a layer with: the ones given (`--with`), else the one ATT&CK group, campaign or software
 * the layer's name and description name (by name, alias or ID, as `extract` finds them in a report, and the groups of
 * a DeTT&CT group layer's `group(s):` list, `dettectGroups`), else, where they name several, the one its name alone
 * names, said in a note.
 * `givenAs` names `given` in messages (the CLI's `--with`; see `givenObjects`).
 * @throws UsageError when nothing is given and they name none, or several (listed); AttackObjectError for a given
 * name that fits nothing (`resolveAttackObject`).
 */
export function layerComparisonTargets(layer: NavigatorLayer, source: string, index: AttackIndex, given: readonly string[] = [], givenAs?: GivenAs): ResolvedObject[] {
  if (given.length) return given.map((ref) => resolveAttackObject(index, ref, { writeId: givenIds(givenAs), ...(givenAs ? { givenAs } : {}) }));
  const text = [layer.name, layer.description ?? ''].join('\n');
  const found: Array<{ id: string; name: string; kind: AttackObjectKind; written: string }> = findAttackObjects(text, index);
  const listed = dettectGroups(layer.description ?? '', index);
  for (const group of listed) if (!found.some((object) => object.id === group.id)) found.push(group);
  // A layer is named for what it shows: attack-object's "APT29 (G0016)" describes the campaigns ATT&CK attributes to
  // APT29 (C0023, C0024) and "SolarWinds Compromise (C0024)" the group it is attributed to, which are not its subject.
  // A DeTT&CT layer's list of groups is its subject, whatever its name says.
  const named = found.length > 1 ? findAttackObjects(layer.name, index) : [];
  const only = found.length === 1 ? found[0] : named.length === 1 && listed.every((group) => group.id === named[0]!.id) ? named[0] : undefined;
  if (only) {
    const resolved = resolveAttackObject(index, only.id, givenAs ? { givenAs } : {});
    const others = found.filter((object) => object.id !== only.id).map((object) => `${object.id} ${object.name}, ${object.kind}`);
    const how = others.length
      ? `the layer's name names ("${only.written}"; its description also names ${others.join('; ')})`
      : `the layer's name and description name ("${only.written}")`;
    const note = `${source}: compared with ${only.kind} ${objectRef(resolved.object)}, the one ATT&CK group, campaign or software ${how}; ${givenAs?.given ?? 'given objects'} compare${givenAs?.given ? 's' : ''} it with another`;
    return [{ ...resolved, query: only.written, notes: [note, ...resolved.notes] }];
  }
  const what = found.length
    ? `its name and description name several ATT&CK objects (${found.map((object) => `${object.id} ${object.name}, ${object.kind}`).join('; ')})`
    : 'its name and description name no ATT&CK group, campaign or software';
  throw new UsageError(`${source}: nothing to compare layer "${layer.name}" with: ${what}; pass ${givenObjects(givenAs)}`);
}
