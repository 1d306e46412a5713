import type { AttackIndex } from '../attack/attack-index.js';
import { compareIds } from '../attack/index-bundle.js';
import { isWebAddress } from '../web-address.js';
import type { ActorRecord, Domain, ObjectDetails, ProcedureIndexData, ProcedureRecord, StixId, TechniqueId } from '../attack/types.js';
import { givenOption, InputError, UsageError, type GivenAs } from '../errors.js';
import {
  currentTechnique,
  describeObject,
  objectKind,
  objectRef,
  objectsOfKind,
  objectTitle,
} from '../normalize/resolve-attack-object.js';
import type { AttackObjectKind } from '../normalize/attack-object-kinds.js';
import type { LayerLink, LayerMetadata, LayerTechnique, LegendItem, NavigatorLayer } from './layer-types.js';
import { expandParents, GENERATOR, LAYOUT, layerShell, type RenderedLayer } from './render-layer.js';
import { compareEntries } from './serialize-layer.js';
import { gradientColor, legendSteps, ofAll, plural, WHITE_TO_RED, writeNearTopAsTop } from './score.js';
import { unshownTechniqueWarnings } from './platform-visibility.js';
import { teamObjectsText, teamObjectText } from '../attack/not-mitre-text.js';
import { LAYER_SUFFIX, layerFileName, type LayerFile } from './write-layers.js';
import { fitsPage, tooltipTitle } from './tooltip-fit.js';
import { platformAdvice, readPlatformName } from '../attack/platform-names.js';

/** Options of the attack-object layers. */
export interface ObjectLayerOptions {
  /** `versions.navigator` (default `NAVIGATOR_VERSION`). */
  navigatorVersion?: string;
  /**
   * A group's layer also shows the techniques of the ATT&CK campaigns attributed to it (as attack.mitre.org's
   * group pages do), those used only in its campaigns in `CAMPAIGN_COLOR`. No effect on software and campaigns.
   */
  campaigns?: boolean;
  /**
   * Only the techniques that run on one of these platforms, as the release writes them (`readObjectPlatforms`); the
   * layer's platform filter is set to them. Default: every technique.
   */
  platforms?: readonly string[];
  /**
   * How the notes returned name `campaigns` (the CLI's `--campaigns`; by default `campaigns: true`). A layer's
   * description names the CLI's flag whoever renders it: analysts read it in Navigator, where the command is what they run.
   */
  givenAs?: GivenAs;
}

/** How a layer's description names the `campaigns` option: as the flag of the command analysts run. */
const DESCRIPTION_WORDS: GivenAs = { campaigns: '--campaigns' };

/** The colour of a technique a group's layer shows only because a campaign attributed to the group uses it. */
export const CAMPAIGN_COLOR = '#ffb366';

/** Options of `renderObjectFrequencyLayer`. */
export interface FrequencyLayerOptions extends Pick<ObjectLayerOptions, 'navigatorVersion' | 'givenAs' | 'platforms'> {
  /** The layer's name (default: the objects' names). */
  name?: string;
  /**
   * A group counts as using what the ATT&CK campaigns attributed to it use (as `campaigns` of an object's layer shows
   * them), each such procedure naming its campaign. No effect on software and campaigns.
   */
  campaigns?: boolean;
}

/** A frequency layer, and notes for the user: the techniques its groups' campaigns use that it leaves out. */
export interface FrequencyLayer extends RenderedLayer {
  notes: string[];
}

/** One procedure of an object, with the technique its relationship names and the current one it counts for. */
interface Procedure {
  record: ProcedureRecord;
  /** The campaign attributed to the object whose procedure this is, in a frequency layer of groups with their campaigns. */
  via?: ActorRecord;
  /** Why the technique shown is not the one the relationship names (a revoked technique's replacement). */
  note?: string;
}

/** The procedures of each object, by the current technique they count for. */
interface Uses {
  byTechnique: Map<TechniqueId, Map<ActorRecord, Procedure[]>>;
  /** Relationships left out (deprecated or unknown targets), one line each. */
  warnings: string[];
  /** `uses` relationships read, per object. */
  relationships: Map<ActorRecord, number>;
}

function detailsOf(object: ActorRecord, data: ProcedureIndexData): ObjectDetails {
  const details = data.objects[object.stixId];
  if (!details) {
    throw new InputError(`${objectRef(object)}: the procedures given were read from another release than the index; load both from the same file`);
  }
  return details;
}

/**
 * Map every object's `uses` relationships to current techniques; revoked ones follow their replacement. With
 * `campaignsOf`, an object's procedures include those of its campaigns, each naming its campaign (`via`).
 */
function collectUses(objects: readonly ActorRecord[], index: AttackIndex, data: ProcedureIndexData, campaignsOf?: (object: ActorRecord) => ActorRecord[]): Uses {
  const byTechnique = new Map<TechniqueId, Map<ActorRecord, Procedure[]>>();
  const warnings: string[] = [];
  const relationships = new Map<ActorRecord, number>();
  for (const object of objects) {
    for (const source of [object, ...(campaignsOf?.(object) ?? [])]) {
      const { procedures } = detailsOf(source, data);
      relationships.set(object, (relationships.get(object) ?? 0) + procedures.length);
      for (const record of procedures) {
        const named = index.techniqueByStixId(record.technique);
        const current = named ? currentTechnique(named, index) : { note: `${record.technique}, which is not a technique with an ATT&CK ID; left out` };
        if (current.note) warnings.push(`${objectRef(source)} uses ${current.note} (${record.relationship})`);
        if (!current.technique) continue;
        const users = byTechnique.get(current.technique.id) ?? new Map<ActorRecord, Procedure[]>();
        const procedure: Procedure = { record, ...(source !== object ? { via: source } : {}), ...(current.note ? { note: current.note } : {}) };
        users.set(object, [...(users.get(object) ?? []), procedure]);
        byTechnique.set(current.technique.id, users);
      }
    }
  }
  return { byTechnique: new Map([...byTechnique].sort(([a], [b]) => compareIds(a, b))), warnings, relationships };
}

/** A procedure of `object` as one line of comment: ATT&CK's text (the team's, of a team's object), and the redirect when the technique was revoked. */
function procedureText(procedure: Procedure, object: ActorRecord): string {
  const own = procedure.record.text || `(${object.custom ? "the team's data" : 'ATT&CK'} gives no procedure text; see the sources)`;
  const text = procedure.via ? `in ${objectRef(procedure.via)}: ${own}` : own;
  return procedure.note ? `${text} [${procedure.note}]` : text;
}

/**
 * The cited sources of some procedures as links, in order of citation, each label once (a second source of the
 * same name, with another URL, gets its number); sources without a usable URL come back as names.
 */
function citedLinks(procedures: readonly Procedure[], data: ProcedureIndexData): { links: LayerLink[]; unlinked: string[] } {
  const links: Array<{ label: string; url: string }> = [];
  const unlinked: string[] = [];
  const seen = new Map<string, number>();
  // The source table holds each name and URL once, so distinct numbers are distinct sources.
  for (const number of new Set(procedures.flatMap((procedure) => procedure.record.sources))) {
    const source = data.sources[number];
    if (!source) continue;
    // A layer link needs a web address (http or https, as every link this tool writes); anything else, no URL or another
    // scheme (a custom bundle's `javascript:`), is kept as a name, not dropped.
    if (!isWebAddress(source.url)) {
      const shown = source.url ? `${source.name} (${source.url})` : source.name;
      if (!unlinked.includes(shown)) unlinked.push(shown);
      continue;
    }
    const same = (seen.get(source.name) ?? 0) + 1;
    seen.set(source.name, same);
    links.push({ label: same > 1 ? `${source.name} (${same})` : source.name, url: source.url });
  }
  return { links, unlinked };
}

/** A comment line for each procedure; others than `owner`'s are prefixed with their object. */
function procedureLines(users: Map<ActorRecord, Procedure[]>, owner: ActorRecord | undefined): string[] {
  return [...users].flatMap(([object, list]) => list.map((p) => (object === owner ? procedureText(p, object) : `[${owner ? objectRef(object) : object.id}] ${procedureText(p, object)}`)));
}

/**
 * The entries of a layer: one per technique. With an `owner` (one object's layer), score 1, its own procedures plain
 * and its attributed campaigns' prefixed, in `CAMPAIGN_COLOR` when only they use it; without, scored by how many of
 * the objects use it.
 */
function techniqueEntries(uses: Uses, data: ProcedureIndexData, owner?: ActorRecord): LayerTechnique[] {
  const total = uses.relationships.size;
  const entries: LayerTechnique[] = [];
  for (const [id, users] of uses.byTechnique) {
    const { links, unlinked } = citedLinks([...users.values()].flat(), data);
    const metadata: LayerMetadata[] = [];
    const lines = procedureLines(users, owner);
    if (!owner) {
      // Of one object, `used by 1 of 1` says nothing its name does not.
      lines.unshift(`used by ${total === 1 ? '' : `${ofAll(users.size, total)}: `}${[...users.keys()].map(objectTitle).join(', ')}`);
      metadata.push({ name: 'used by', value: `${users.size} of ${total}` });
    }
    for (const [object, list] of users) {
      if (!owner) metadata.push({ divider: true }, { name: 'object', value: objectRef(object) });
      else if (object !== owner) metadata.push({ name: 'campaign', value: objectRef(object) });
      for (const procedure of list) {
        if (procedure.via) metadata.push({ name: 'campaign', value: objectRef(procedure.via) });
        metadata.push({ name: 'relationship', value: procedure.record.relationship });
      }
    }
    for (const name of unlinked) metadata.push({ name: 'source (no URL)', value: name });
    entries.push({
      techniqueID: id,
      score: owner ? 1 : users.size,
      ...(owner && !users.has(owner) ? { color: CAMPAIGN_COLOR } : {}),
      comment: lines.join(' | '),
      metadata,
      ...(links.length ? { links } : {}),
    });
  }
  return entries;
}

/**
 * The current ATT&CK campaigns attributed to a group (`attributed-to`, neither revoked nor deprecated), by ID; none
 * for software and campaigns. What `attack-object --campaigns` adds to a group's layer and `compare` counts as the group's.
 */
export function attributedCampaigns(group: ActorRecord, index: AttackIndex, data: ProcedureIndexData): ActorRecord[] {
  if (group.type !== 'intrusion-set') return [];
  return index.data.campaigns.filter(
    (campaign) => !campaign.revoked && !campaign.deprecated && data.objects[campaign.stixId]?.attributedTo?.includes(group.stixId),
  );
}

/** The techniques a group's layer leaves out without its campaigns, and the campaigns that use them. */
interface CampaignTechniques {
  count: number;
  campaigns: ActorRecord[];
}

/**
 * For a group's layer without its campaigns: the campaigns attributed to it that use techniques it does not use
 * itself, and how many (`undefined` when there are none). mitreattack-python's `get_techniques_used_by_group` and
 * the group's layer on attack.mitre.org count those techniques as the group's, so a layer without them must say so.
 */
function campaignTechniquesLeftOut(group: ActorRecord, index: AttackIndex, data: ProcedureIndexData, own: Uses, platforms?: readonly string[]): CampaignTechniques | undefined {
  const campaigns = attributedCampaigns(group, index, data);
  if (!campaigns.length) return undefined;
  // Of a layer of some platforms, those the campaigns use there: --campaigns would add no other.
  const count = [...collectUses(campaigns, index, data).byTechnique.keys()].filter((id) => !own.byTechnique.has(id) && runsOn(id, platforms, index)).length;
  return count ? { count, campaigns } : undefined;
}

/** `left` in one line: where they are not (`are not in this layer`) and what `--campaigns` (`givenAs`) does. */
function campaignsLeftOutLine(group: ActorRecord, left: CampaignTechniques, where: string, adds: string, givenAs: GivenAs | undefined): string {
  return (
    `${plural(left.count, 'technique')} used only in the ${plural(left.campaigns.length, 'campaign')} ${group.custom ? "the team's data" : 'ATT&CK'} attributes to ${objectTitle(group)} ` +
    `(${left.campaigns.map(objectRef).join(', ')}) ${left.count === 1 ? 'is' : 'are'} ${where}; ${givenOption(givenAs, 'campaigns', true)} ${adds}, ` +
    "as mitreattack-python's get_techniques_used_by_group counts them"
  );
}

/** The line on the techniques only the group's campaigns use, as the description says it and as the caller's note (`givenAs`). */
function campaignsLeftOut(group: ActorRecord, index: AttackIndex, data: ProcedureIndexData, own: Uses, givenAs: GivenAs | undefined, platforms?: readonly string[]): { described: string; note: string } | undefined {
  const left = campaignTechniquesLeftOut(group, index, data, own, platforms);
  return left && { described: campaignsLeftOutLine(group, left, 'not in this layer', 'adds them', DESCRIPTION_WORDS), note: campaignsLeftOutLine(group, left, 'not in this layer', 'adds them', givenAs) };
}

function kindWord(object: ActorRecord): string {
  const kind = objectKind(object);
  return kind === 'software' ? `software (${object.type})` : kind;
}

/** The current objects of some STIX ids (revoked ones as their replacement), each once, by ATT&CK ID. */
function currentObjects(stixIds: readonly StixId[], index: AttackIndex): ActorRecord[] {
  const found = new Map<string, ActorRecord>();
  for (const stixId of stixIds) {
    const object = index.byStixId(stixId);
    if (!object || !('aliases' in object)) continue;
    const current = index.finalActor(object);
    if (!current.revoked && !current.deprecated) found.set(current.stixId, current);
  }
  return [...found.values()].sort((a, b) => compareIds(a.id, b.id));
}

/**
 * What ATT&CK says an object works with, beyond techniques: the software a group or campaign uses, and the groups and
 * campaigns that use a software (mitreattack-python's get_software_used_by_group and get_groups_using_software read
 * the same `uses` relationships). A red team emulating a group needs its tools as much as its techniques.
 */
function softwareMetadata(object: ActorRecord, details: ObjectDetails, index: AttackIndex, data: ProcedureIndexData): LayerMetadata[] {
  if (objectKind(object) !== 'software') {
    const software = currentObjects(details.software ?? [], index);
    return [
      ...(software.length ? [{ name: 'software used', value: software.map(objectRef).join(', ') }] : []),
      ...throughCampaigns('software used (through campaigns)', campaignSoftware(object, index, data), software),
    ];
  }
  const users = Object.entries(data.objects)
    .filter(([, other]) => other.software?.includes(object.stixId))
    .map(([stixId]) => stixId as StixId);
  const current = currentObjects(users, index);
  return [
    ...(current.length ? [{ name: 'used by', value: current.map(objectRef).join(', ') }] : []),
    ...throughCampaigns('used by (through campaigns)', campaignGroups(current, index, data), current),
  ];
}

/** What a group's attributed campaigns use, by software, with the campaigns that use each. */
function campaignSoftware(group: ActorRecord, index: AttackIndex, data: ProcedureIndexData): Map<ActorRecord, ActorRecord[]> {
  const found = new Map<ActorRecord, ActorRecord[]>();
  for (const campaign of attributedCampaigns(group, index, data)) {
    for (const software of currentObjects(data.objects[campaign.stixId]?.software ?? [], index)) found.set(software, [...(found.get(software) ?? []), campaign]);
  }
  return found;
}

/** The groups that the campaigns among `users` (of a software) are attributed to, with those campaigns. */
function campaignGroups(users: readonly ActorRecord[], index: AttackIndex, data: ProcedureIndexData): Map<ActorRecord, ActorRecord[]> {
  const found = new Map<ActorRecord, ActorRecord[]>();
  for (const campaign of users.filter((user) => user.type === 'campaign')) {
    for (const group of currentObjects(data.objects[campaign.stixId]?.attributedTo ?? [], index)) found.set(group, [...(found.get(group) ?? []), campaign]);
  }
  return found;
}

/**
 * The objects a group has only through the campaigns attributed to it, each with those campaigns' IDs:
 * mitreattack-python's get_software_used_by_group and get_groups_using_software count them
 * (add_inherited_campaign_relationships), and so do attack.mitre.org's group and software pages; without them, HEXANE's
 * (G1001) layer named none of the 6 software of its campaign C0038, Impacket among them.
 */
function throughCampaigns(name: string, found: Map<ActorRecord, ActorRecord[]>, direct: readonly ActorRecord[]): LayerMetadata[] {
  const only = [...found].filter(([object]) => !direct.some((other) => other.stixId === object.stixId)).sort(([a], [b]) => compareIds(a.id, b.id));
  if (!only.length) return [];
  return [{ name, value: only.map(([object, campaigns]) => `${objectRef(object)} (${campaigns.map((campaign) => campaign.id).join(', ')})`).join(', ') }];
}

function objectMetadata(object: ActorRecord, details: ObjectDetails, index: AttackIndex, data: ProcedureIndexData): LayerMetadata[] {
  const version = [details.version && `v${details.version}`, details.modified && `modified ${details.modified}`].filter(Boolean).join(', ');
  const attributed = (details.attributedTo ?? [])
    .map((stixId) => index.byStixId(stixId))
    .filter((group): group is ActorRecord => group !== undefined && 'aliases' in group)
    .map(objectRef);
  return [
    { name: 'ATT&CK ID', value: object.id },
    { name: 'name', value: object.name },
    { name: 'type', value: kindWord(object) },
    ...(object.aliases.length ? [{ name: 'aliases', value: object.aliases.join(', ') }] : []),
    ...(details.url ? [{ name: 'ATT&CK URL', value: details.url }] : []),
    ...(version ? [{ name: 'object version', value: version }] : []),
    ...(object.firstSeen || object.lastSeen ? [{ name: 'seen', value: `${object.firstSeen?.slice(0, 10) ?? '?'} to ${object.lastSeen?.slice(0, 10) ?? '?'}` }] : []),
    ...(attributed.length ? [{ name: 'attributed to', value: attributed.join(', ') }] : []),
    ...softwareMetadata(object, details, index, data),
    ...(object.deprecated ? [{ name: 'status', value: `deprecated in ATT&CK ${index.release}` }] : []),
  ];
}

function pageLink(object: ActorRecord, details: ObjectDetails): LayerLink[] {
  return details.url ? [{ label: `${objectTitle(object)} on attack.mitre.org`, url: details.url }] : [];
}

function leftOutLine(warnings: readonly string[]): string | undefined {
  return warnings.length ? `Not in the layer or shown under a replacement: ${warnings.join('; ')}.` : undefined;
}

/**
 * The legend of an object's layer. attack.mitre.org's layer of the same object paints in other colours, and its red
 * means "only in a campaign", where ours means "used by the object": an analyst who opens both side by side reads
 * each colour's meaning in the legend, with the colour the other layer gives it. Our red stays: it is every threat
 * layer's here (`render`, `--score frequency`), and `gap` paints coverage in MITRE's blue (#66b1ff: half covered).
 */
function objectLegend(object: ActorRecord, viaCampaigns: boolean): LegendItem[] {
  const title = objectTitle(object);
  // attack.mitre.org has no layer of a team's own object.
  if (object.custom) {
    return [{ label: `used by ${title}${viaCampaigns ? ' itself' : ''}`, color: WHITE_TO_RED[1]! }, ...(viaCampaigns ? [{ label: `only in a campaign attributed to ${title}`, color: CAMPAIGN_COLOR }] : [])];
  }
  return [
    viaCampaigns
      ? { label: `used by ${title} itself (attack.mitre.org's layer: blue; pink when a campaign uses it too)`, color: WHITE_TO_RED[1]! }
      : { label: `used by ${title} (attack.mitre.org's layer: blue)`, color: WHITE_TO_RED[1]! },
    ...(viaCampaigns ? [{ label: `only in a campaign attributed to ${title} (attack.mitre.org's layer: red)`, color: CAMPAIGN_COLOR }] : []),
  ];
}

/**
 * Platform names as a release writes them (`windows`, `Windwos`: Windows; `Office 365`: Office Suite in 18.1), each
 * read otherwise than written said in `notes`.
 * @throws UsageError for a name that is no platform of the release, naming its platforms.
 */
export function readObjectPlatforms(names: readonly string[], index: AttackIndex): { platforms: string[]; notes: string[] } {
  const platforms: string[] = [];
  const notes: string[] = [];
  for (const name of names.flatMap((each) => each.split(',')).map((each) => each.trim()).filter(Boolean)) {
    const read = readPlatformName(name, index.platforms());
    if (!read) throw new UsageError(`"${name}" is not a platform of ATT&CK ${index.label}; ${platformAdvice('give', index.platforms())}`);
    // `windows` is Windows as written, case aside; `Windwos` or `Office 365` is read as another name, said.
    if (read.how && read.platform.toLowerCase() !== name.toLowerCase()) notes.push(`platform "${name}" is read as ${read.platform} (${read.how})`);
    if (!platforms.includes(read.platform)) platforms.push(read.platform);
  }
  return { platforms, notes };
}

/** Whether a technique runs on one of `platforms` (any technique, without them); one the release gives none runs on none. */
function runsOn(id: TechniqueId, platforms: readonly string[] | undefined, index: AttackIndex): boolean {
  return !platforms?.length || (index.technique(id)?.platforms ?? []).some((platform) => platforms.includes(platform));
}

/**
 * The entries whose technique runs on one of `platforms` (all without), and the techniques left out: a red team
 * emulating an actor on Windows hosts plans what runs there. A technique the release gives no platforms is left out,
 * as Navigator's platform filter hides it.
 */
function onPlatforms(entries: readonly LayerTechnique[], platforms: readonly string[] | undefined, index: AttackIndex): { kept: LayerTechnique[]; line?: string; left: number } {
  if (!platforms?.length) return { kept: [...entries], left: 0 };
  const kept = entries.filter((entry) => runsOn(entry.techniqueID, platforms, index));
  const left = entries.filter((entry) => !kept.includes(entry)).map((entry) => entry.techniqueID);
  const shown = left.length > 10 ? `${left.slice(0, 10).join(', ')} and ${left.length - 10} more` : left.join(', ');
  return {
    kept,
    left: left.length,
    line: `Only techniques that run on ${platforms.join(' or ')} (the layer's platform filter)` + (left.length ? `: ${plural(left.length, 'technique')} of other platforms left out (${shown}).` : '; none left out.'),
  };
}

/**
 * Render the layer of one group, software or campaign: every technique it `uses` in the release, scored 1, with
 * ATT&CK's procedure text as the comment and the sources it cites as links; the object's ID, aliases, type and ATT&CK
 * page in the layer's metadata. A relationship to a revoked technique counts for its replacement (said in the comment
 * and the warnings); one to a deprecated technique is left out (said in the description and the warnings).
 * @throws InputError when the procedures were read from another release than the index.
 */
export function renderAttackObjectLayer(
  object: ActorRecord,
  index: AttackIndex,
  data: ProcedureIndexData,
  options: ObjectLayerOptions = {},
): ObjectLayer {
  const details = detailsOf(object, data);
  const campaigns = options.campaigns ? attributedCampaigns(object, index, data) : [];
  const uses = collectUses([object, ...campaigns], index, data);
  const leftOutCampaigns = options.campaigns ? undefined : campaignsLeftOut(object, index, data, uses, options.givenAs, options.platforms);
  const { kept: entries, line: platformLine, left: offPlatforms } = onPlatforms(techniqueEntries(uses, data, object), options.platforms, index);
  const viaCampaigns = entries.filter((entry) => entry.color === CAMPAIGN_COLOR).length;
  const kind = kindWord(object);
  const description = [
    // A team's own group (ATT&CK Workbench's ACME-G1000) is no ATT&CK group, and its procedures are the team's.
    `Techniques the ${object.custom ? "team's" : 'ATT&CK'} ${kind} ${objectTitle(object)} uses, according to ATT&CK ${index.label}` +
      (object.custom ? `; ${teamObjectText(kind)}` : '') +
      (object.aliases.length ? `; also known as ${object.aliases.join(', ')}.` : '.'),
    details.summary || undefined,
    `${plural(entries.length, 'technique')} from ${plural(uses.relationships.get(object) ?? 0, '"uses" relationship')}` +
      (options.campaigns ? ` and those of ${plural(campaigns.length, 'campaign')} attributed to it${campaigns.length ? ` (${campaigns.map(objectRef).join(', ')}; ${viaCampaigns} only through them)` : ''}` : '') +
      `; each technique's comment is ${object.custom ? "the team's" : "ATT&CK's"} procedure text and its links the sources cited; score 1 = used.`,
    leftOutCampaigns && `${leftOutCampaigns.described[0]!.toUpperCase()}${leftOutCampaigns.described.slice(1)}.`,
    platformLine,
    leftOutLine(uses.warnings),
  ].filter((line): line is string => line !== undefined);
  const layer: NavigatorLayer = {
    name: objectTitle(object),
    ...layerShell(index, options),
    description: description.join('\n'),
    ...(options.platforms?.length ? { filters: { platforms: [...options.platforms] } } : {}),
    sorting: 0,
    layout: { ...LAYOUT },
    hideDisabled: false,
    techniques: expandParents(entries, index).sort(compareEntries),
    gradient: { colors: [...WHITE_TO_RED], minValue: 0, maxValue: 1 },
    legendItems: objectLegend(object, viaCampaigns > 0),
    metadata: [
      ...objectMetadata(object, details, index, data),
      ...(options.campaigns ? [{ name: 'campaigns included', value: campaigns.map(objectRef).join(', ') || 'none attributed' }] : []),
      { name: 'ATT&CK release', value: index.label },
      { name: 'score', value: 'presence: 1 = used' },
      { name: 'generated by', value: GENERATOR },
    ],
  };
  const links = pageLink(object, details);
  if (links.length) layer.links = links;
  const warnings = [...uses.warnings, ...unshownTechniqueWarnings(layer.techniques ?? [], index)];
  return { layer, warnings, notes: leftOutCampaigns ? [leftOutCampaigns.note] : [], offPlatforms };
}

/**
 * How many objects an overview entry names, the first by ID. Navigator 5.1 shows an entry's whole comment and every
 * metadata item in its tooltip, 300px wide at 8pt and never cut or scrolled, so one of more than about 70 lines
 * (3,000 characters) runs off a 1080p screen: T1105 of every software's procedures was 40,000 characters and 1,156
 * metadata items. 20 names (about 350 characters) and a few items keep the tallest entry near 20 lines.
 */
export const OVERVIEW_NAMED = 20;

const KIND_PLURALS: Record<AttackObjectKind, string> = { group: 'groups', software: 'software', campaign: 'campaigns' };

/** The ATT&CK page of a technique, whose Procedure Examples name every ATT&CK object that uses it, with its procedure. */
function techniquePage(id: TechniqueId, index: AttackIndex): LayerLink[] {
  const technique = index.technique(id);
  return technique && !technique.custom ? [{ label: `${id} on attack.mitre.org: its Procedure Examples name every ATT&CK object that uses it`, url: `https://attack.mitre.org/techniques/${id.replace('.', '/')}/` }] : [];
}

/**
 * An entry naming the first `OVERVIEW_NAMED` of a technique's users by ID, counting the rest and saying where they and the
 * procedures are: every entry of an overview of a kind, and an entry of named objects whose procedures would make a
 * tooltip taller than a screen.
 */
function compactEntry(id: TechniqueId, byObject: Map<ActorRecord, Procedure[]>, total: number, kinds: string, lookups: Lookups, index: AttackIndex): LayerTechnique {
  const users = [...byObject.keys()].sort((a, b) => compareIds(a.id, b.id));
  const named = users.slice(0, OVERVIEW_NAMED).map(objectRef);
  const more = users.length - named.length;
  const links = techniquePage(id, index);
  return {
    techniqueID: id,
    score: users.length,
    comment: `Used by ${ofAll(users.length, total)} ${kinds}${lookups.counted}: ${named.join(', ')}` + (more ? `, and ${more} more (the first ${OVERVIEW_NAMED} by ID named).` : '.'),
    metadata: [
      { name: 'used by', value: `${users.length} of ${total} ${kinds}` },
      ...(more ? [{ name: 'not named', value: `${more}, after the first ${OVERVIEW_NAMED} by ID; ${links.length ? "the technique's page (the link) names every ATT&CK one" : 'each one\'s layer (below) has this technique'}` }] : []),
      { name: 'procedures', value: `each one's layer: ${lookups.one}; all: ${lookups.all}` },
    ],
    ...(links.length ? { links } : {}),
  };
}

/** What a compact entry says was counted for each object, and the commands that render the layers it points to. */
interface Lookups {
  /** Beside the count: `, each with its campaigns` with `--campaigns`, else nothing. */
  counted: string;
  one: string;
  all: string;
}

/**
 * A compact entry's words for what was counted and where the procedures are: with `campaigns` (the CLI's
 * `--campaigns`), a group's count is its campaigns' too, and its own layer shows them only with the flag; without it,
 * `… and 14 more` read as the groups' own techniques where the count held their campaigns'.
 */
function compactLookups(kinds: string, overview: AttackObjectKind | undefined, campaigns: boolean): Lookups {
  const flag = campaigns ? ' --campaigns' : '';
  return {
    counted: campaigns ? ', each with the campaigns attributed to it' : '',
    one: `attack-object <ID>${flag}`,
    all: overview ? `attack-object --all ${kinds} --out <dir>` : `attack-object <the IDs of the layer's objects (its metadata)>${flag} --out <dir>`,
  };
}

/**
 * The entries of a frequency layer: of an overview of a kind, every entry compact (`compactEntry`); of named objects,
 * each with its users' procedures (`techniqueEntries`) unless its tooltip would run off the screen, then compact.
 */
function frequencyEntries(uses: Uses, index: AttackIndex, data: ProcedureIndexData, overview: AttackObjectKind | undefined, campaigns: boolean): { entries: LayerTechnique[]; compacted: TechniqueId[] } {
  const total = uses.relationships.size;
  const objects = [...uses.relationships.keys()];
  const kind = overview ?? (objects.every((object) => objectKind(object) === objectKind(objects[0]!)) ? objectKind(objects[0]!) : undefined);
  const kinds = kind ? KIND_PLURALS[kind] : 'objects';
  const lookups = compactLookups(kinds, overview, campaigns);
  const full = overview ? [] : techniqueEntries(uses, data);
  const compacted: TechniqueId[] = [];
  const entries = [...uses.byTechnique].map(([id, byObject], i) => {
    const entry = full[i];
    if (entry && fitsPage(entry, tooltipTitle(id, index))) return entry;
    if (!overview) compacted.push(id);
    return compactEntry(id, byObject, total, kinds, lookups, index);
  });
  return { entries, compacted };
}

/**
 * Render one layer across several groups, software or campaigns: each technique scored by how many of them use it
 * (gradient 0..N), its comment naming them with each one's procedure text, its links the sources they cite; an entry whose
 * tooltip would run off a 1080p screen names the first `OVERVIEW_NAMED` by ID and counts the rest, as `warnings` and the description say.
 * @throws UsageError for no objects or an object given twice; InputError when the procedures are of another release.
 */
export function renderObjectFrequencyLayer(
  objects: readonly ActorRecord[],
  index: AttackIndex,
  data: ProcedureIndexData,
  options: FrequencyLayerOptions = {},
): FrequencyLayer {
  return frequencyLayer(objects, index, data, options);
}

/**
 * What a frequency layer of named objects says of its groups' campaigns: with `campaigns`, which it counts for each
 * group; without, the techniques each group's campaigns use and it does not, left out (a line for the description,
 * one for the caller's notes, as an object's own layer says them).
 */
function frequencyCampaigns(objects: readonly ActorRecord[], index: AttackIndex, data: ProcedureIndexData, options: FrequencyLayerOptions): { described: string[]; notes: string[]; included: string[] } {
  if (options.campaigns) {
    const included = objects.flatMap((object) => {
      const campaigns = attributedCampaigns(object, index, data);
      return campaigns.length ? [`${objectRef(object)}: ${campaigns.map(objectRef).join(', ')}`] : [];
    });
    const described = `A group uses what the campaigns ${objects.some((object) => object.custom) ? 'its data' : 'ATT&CK'} attributes to it use, each such procedure naming its campaign: ${included.join('; ') || 'none attributed'}.`;
    return { described: [described], notes: [], included };
  }
  const described: string[] = [];
  const notes: string[] = [];
  for (const group of objects) {
    const left = campaignTechniquesLeftOut(group, index, data, collectUses([group], index, data), options.platforms);
    if (!left) continue;
    const line = (givenAs: GivenAs | undefined) => campaignsLeftOutLine(group, left, 'not counted for it', 'counts them', givenAs);
    described.push(`${line(DESCRIPTION_WORDS)}.`.replace(/^./, (first) => first.toUpperCase()));
    notes.push(line(options.givenAs));
  }
  return { described, notes, included: [] };
}

/** A frequency layer; of every object of `overview`, or of named objects where a tooltip would pass a screen, its entries are `compactEntry`'s (`frequencyEntries`). */
function frequencyLayer(objects: readonly ActorRecord[], index: AttackIndex, data: ProcedureIndexData, options: FrequencyLayerOptions, overview?: AttackObjectKind): FrequencyLayer {
  if (!objects.length) throw new UsageError('a frequency layer needs at least one group, software or campaign');
  const twice = objects.find((object, i) => objects.findIndex((other) => other.stixId === object.stixId) !== i);
  if (twice) throw new UsageError(`${twice.id} ${twice.name} is given twice; name each object once`);
  // An overview of every object of a kind counts each as ATT&CK lists it, as mitreattack-python's overview does.
  const campaigns = overview ? { described: [], notes: [], included: [] } : frequencyCampaigns(objects, index, data, options);
  const uses = collectUses(objects, index, data, options.campaigns && !overview ? (object) => attributedCampaigns(object, index, data) : undefined);
  const frequency = frequencyEntries(uses, index, data, overview, options.campaigns === true && !overview);
  const { kept: entries, line: platformLine } = onPlatforms(frequency.entries, options.platforms, index);
  const compacted = frequency.compacted.filter((id) => entries.some((entry) => entry.techniqueID === id));
  const compactedNote = compactedLine(compacted);
  const n = objects.length;
  const shared = entries.filter((entry) => entry.score === n).length;
  const listed = objects.map(objectTitle);
  const gradient = { colors: [...WHITE_TO_RED], minValue: 0, maxValue: n };
  // Of 200 objects or more, a technique all but a few of them use (199 of 200) lies where Navigator 5.1 cannot colour it.
  const topped = writeNearTopAsTop(entries, gradient, { explain: true });
  // A team's own objects (ATT&CK Workbench's ACME-G1000) are no ATT&CK objects, and their procedures are the team's.
  const own = objects.filter((object) => object.custom);
  const team = teamObjectsText(own.map(objectTitle), own.length === n);
  const procedures = !team ? "ATT&CK's" : own.length === n ? "the team's" : "ATT&CK's or the team's";
  const comments = overview
    ? `each comment names the first ${OVERVIEW_NAMED} of them by ID and counts the rest (their procedures would make Navigator's ` +
      "tooltip taller than a screen); each technique's link is its page on attack.mitre.org, whose Procedure Examples name " +
      `every ATT&CK one with its procedure; each one's own layer, with its procedures: attack-object <ID>, or ` +
      `attack-object --all ${KIND_PLURALS[overview]} --out <dir> for all.`
    : n === 1 ? `each comment names it, with ${procedures} procedure text.` : `each comment names them, with ${procedures} procedure text for each.`;
  const description = [
    (n === 1 ? `The techniques 1 ${(team?.objects ?? 'ATT&CK objects').replace(/s$/, '')} uses` : `How many of ${n} ${team?.objects ?? 'ATT&CK objects'} use each technique`) +
      `, according to ATT&CK ${index.label}: ${listed.join(', ')}` +
      (team ? `; ${team.whose}.` : '.'),
    `${plural(entries.length, 'technique')}${n === 1 ? '' : ` used by at least one, ${shared} by ${ofAll(n, n)}`}; score = the number of objects using it; ${comments}`,
    ...campaigns.described,
    platformLine,
    compactedNote,
    leftOutLine(uses.warnings),
  ].filter((line): line is string => line !== undefined);
  const layer: NavigatorLayer = {
    name: options.name ?? `${objects.map((object) => object.name).join(', ')}: technique frequency`,
    ...layerShell(index, options),
    description: description.join('\n'),
    ...(options.platforms?.length ? { filters: { platforms: [...options.platforms] } } : {}),
    sorting: 3,
    layout: { ...LAYOUT },
    hideDisabled: false,
    techniques: expandParents(entries, index).sort(compareEntries),
    gradient,
    legendItems: legendSteps(n).map((k) => ({ label: `used by ${n === 1 ? listed[0] : ofAll(k, n)}`, color: gradientColor(gradient, k) })),
    metadata: [
      { name: 'objects', value: objects.map(objectRef).join(', ') },
      ...(options.campaigns && !overview ? [{ name: 'campaigns included', value: campaigns.included.join('; ') || 'none attributed' }] : []),
      { name: 'ATT&CK release', value: index.label },
      { name: 'score', value: n === 1 ? 'frequency: 1 = the object uses the technique' : `frequency: the number of the ${n} objects that use the technique` },
      { name: 'generated by', value: GENERATOR },
    ],
  };
  const links = objects.flatMap((object) => pageLink(object, detailsOf(object, data)));
  if (links.length) layer.links = links;
  const warnings = [...uses.warnings, ...(compactedNote ? [compactedNote] : []), ...(topped ? [topped] : []), ...unshownTechniqueWarnings(layer.techniques ?? [], index)];
  return { layer, warnings, notes: campaigns.notes };
}

/** The line saying which entries of named objects name only their first users, and where the rest and their procedures are. */
function compactedLine(compacted: readonly TechniqueId[]): string | undefined {
  if (!compacted.length) return undefined;
  const shown = compacted.length > 10 ? `${compacted.slice(0, 10).join(', ')} and ${compacted.length - 10} more` : compacted.join(', ');
  return `${plural(compacted.length, 'technique')} (${shown}) would have a tooltip taller than a 1080p screen in Navigator with every user's procedures: ` +
    `each names the first ${OVERVIEW_NAMED} users by ID and counts the rest; the procedures of each are in its own layer (attack-object <ID>).`;
}

/** The frequency layer of every current object of a kind, and the current objects it leaves out. */
export interface AllObjectsFrequencyLayer extends RenderedLayer {
  /** Current objects with no technique in the release's domain (G0017 DragonOK), not counted, by ID. */
  unused: ActorRecord[];
  /** With `platforms`, current objects whose techniques all run on other platforms, not counted either, by ID. */
  offPlatforms: ActorRecord[];
}

/**
 * Render one layer over every current group, software or campaign of a release that uses a technique in its domain,
 * each technique scored by how many of them use it: mitreattack-python's `layerGenerator_cli --overview-type group`
 * (OverviewLayerGenerator): each entry names the first `OVERVIEW_NAMED` of them and where the procedures are (`compactEntry`).
 * Revoked and deprecated objects are not counted.
 * @throws InputError when the procedures are of another release.
 */
export function renderAllObjectsFrequencyLayer(
  kind: AttackObjectKind,
  index: AttackIndex,
  data: ProcedureIndexData,
  options: FrequencyLayerOptions = {},
): AllObjectsFrequencyLayer {
  const current = objectsOfKind(index, kind).filter((object) => !object.revoked && !object.deprecated);
  const used = collectUses(current, index, data).byTechnique;
  const uses = (object: ActorRecord, platforms?: readonly string[]): boolean => [...used].some(([id, byObject]) => byObject.has(object) && runsOn(id, platforms, index));
  // Of some platforms, "used by k of N" counts those with a technique there: an object with none (a mobile campaign on
  // Linux) would be counted in N as if it used none of the techniques it cannot.
  const users = current.filter((object) => uses(object, options.platforms));
  const name = options.name ?? `ATT&CK ${KIND_PLURALS[kind]} of ${index.label}: technique frequency`;
  const others = current.filter((object) => !users.includes(object));
  return {
    ...frequencyLayer(users, index, data, { ...options, name }, kind),
    unused: others.filter((object) => !uses(object)),
    offPlatforms: others.filter((object) => uses(object)),
  };
}

/**
 * The file name of an object's layer: its ATT&CK ID and a safe form of its name, `G0050-apt32.layer.json`; with a
 * domain (for an object with layers in several), the domain before the suffix: `G0088-temp-veles.ics.layer.json`.
 */
export function objectLayerFileName(object: ActorRecord, domain?: Domain): string {
  const id = object.id.replace(/[^A-Za-z0-9]+/g, '') || 'object';
  // A dot in the name (TEMP.Veles) would read as the domain's: the name's words are joined by dashes only.
  const stem = layerFileName(object.name.replace(/\./g, ' ')).slice(0, -LAYER_SUFFIX.length);
  const suffix = `${domain ? `.${domain.replace(/-attack$/, '')}` : ''}${LAYER_SUFFIX}`;
  // A name with nothing usable left (layerFileName's hash fallback), or that is the ID (C0021), adds nothing to it.
  return /^layer-[0-9a-f]{12}$/.test(stem) || stem === id.toLowerCase() ? `${id}${suffix}` : `${id}-${stem}${suffix}`;
}

// How long the IDs of a frequency layer's file name may grow, as layerFileName keeps a name's stem.
const MAX_ID_LIST = 100;

/**
 * The file name of a frequency layer: its objects' ATT&CK IDs as `objectLayerFileName` writes them, in the order
 * given, `G0007-G0016-G0050-frequency.layer.json`; past 100 characters, the first IDs and how many more.
 */
export function frequencyLayerFileName(objects: readonly ActorRecord[]): string {
  const ids = objects.map((object) => object.id.replace(/[^A-Za-z0-9]+/g, '') || 'object');
  let kept = ids.length;
  const stem = (): string => ids.slice(0, kept).join('-') + (kept < ids.length ? `-and-${ids.length - kept}-more` : '');
  while (kept > 1 && stem().length > MAX_ID_LIST) kept -= 1;
  return `${stem()}-frequency${LAYER_SUFFIX}`;
}

/** One ATT&CK release with the procedures read from it. */
export interface ObjectRelease {
  index: AttackIndex;
  data: ProcedureIndexData;
}

/** An object's layer, with what its user should know that is no fault (techniques of its campaigns left out). */
export interface ObjectLayer extends RenderedLayer {
  notes: string[];
  /** How many of its techniques run on none of the `platforms` asked for, and are left out (0 without them). */
  offPlatforms: number;
}

/** An object's layer in one domain. */
export interface DomainObjectLayer extends ObjectLayer {
  index: AttackIndex;
  /** The file name: with the domain when the object has layers in several domains. */
  file: string;
  /** Why the layer is empty, when it is. */
  empty?: string;
  /**
   * Techniques of the group's campaigns in a domain where the group uses none itself, which therefore gets no layer
   * (G0056 PROMETHIUM: 20 mobile techniques of C0033), one line per domain; the same on every layer of the object.
   */
  elsewhere: string[];
  /**
   * The domains where the object uses techniques, none of which runs on the `platforms` asked for, which therefore get
   * no layer (G0034 Sandworm Team on Windows: mobile and ICS), in one line; none without `platforms`.
   */
  offPlatformDomains: string[];
}

/**
 * An object's layers in the domains where it has techniques: groups such as G1028 APT-C-23 (mobile) or G0088
 * TEMP.Veles (ICS and enterprise) are in every domain's bundle but use techniques of some only. `releases` are one per
 * domain, the first the one the object was found in; an object with techniques in none gets that one's layer, empty,
 * with the reason.
 */
export function renderObjectLayersByDomain(object: ActorRecord, releases: readonly ObjectRelease[], options: ObjectLayerOptions = {}): DomainObjectLayer[] {
  const found = releases.flatMap(({ index, data }) => {
    const own = index.byStixId(object.stixId);
    if (!own || !('aliases' in own) || !data.objects[own.stixId]) return [];
    return [{ index, data, object: own, ...renderAttackObjectLayer(own, index, data, options) }];
  });
  const used = found.filter((item) => item.layer.techniques?.length);
  if (!used.length) {
    const first = found[0];
    if (!first) throw new InputError(`${objectRef(object)} is in none of the releases given; please report this`);
    const where = found.map((item) => item.index.label).join(', ');
    const elsewhere = campaignsElsewhere(found.slice(1), options.givenAs);
    // With --platform, "uses no technique" was said of an object whose techniques all run elsewhere (C0033 on Linux).
    const off = offPlatformText(found, options.platforms);
    const empty = off ? `${objectRef(object)} uses no technique that runs on ${off}` : `${objectRef(object)} uses no technique in ${where}`;
    return [{ ...first, file: objectLayerFileName(first.object), empty, elsewhere, offPlatformDomains: [] }];
  }
  // MITRE's site gives a group a layer in each domain where it or its campaigns use techniques; a domain only its
  // campaigns use gets none here without --campaigns, so the layers written say what is there.
  const unwritten = found.filter((item) => !used.includes(item));
  const elsewhere = campaignsElsewhere(unwritten, options.givenAs);
  const described = campaignsElsewhere(unwritten, DESCRIPTION_WORDS);
  for (const item of used) if (described.length) item.layer.description = [item.layer.description, ...described.map((line) => `${line[0]!.toUpperCase()}${line.slice(1)}.`)].join('\n');
  const off = offPlatformText(unwritten, options.platforms);
  const offPlatformDomains = off ? [`${objectRef(object)} uses no technique that runs on ${off}: no layer for ${unwritten.filter((item) => item.offPlatforms).length === 1 ? 'that domain' : 'those domains'}`] : [];
  return used.map((item) => ({ ...item, file: objectLayerFileName(item.object, used.length > 1 ? item.index.domain : undefined), elsewhere, offPlatformDomains }));
}

/**
 * `Linux in mobile-attack 18.1 (20 techniques, all of other platforms)`: the domains whose techniques all
 * run on none of `platforms`; undefined when there are none.
 */
function offPlatformText(items: ReadonlyArray<{ index: AttackIndex; offPlatforms: number }>, platforms: readonly string[] | undefined): string | undefined {
  const off = items.filter((item) => item.offPlatforms);
  if (!off.length || !platforms?.length) return undefined;
  return `${platforms.join(' or ')} in ${off.map((item) => `${item.index.label} (${plural(item.offPlatforms, 'technique')}, all of other platforms)`).join(' or ')}`;
}

/** For the domains that get no layer of a group: the techniques only its campaigns use there, one line per domain. */
function campaignsElsewhere(unwritten: ReadonlyArray<{ index: AttackIndex; data: ProcedureIndexData; object: ActorRecord; notes: string[] }>, givenAs: GivenAs | undefined): string[] {
  return unwritten.flatMap(({ index, data, object, notes }) => {
    if (!notes.length) return [];
    const left = campaignTechniquesLeftOut(object, index, data, collectUses([object], index, data));
    return left ? [campaignsLeftOutLine(object, left, `in ${index.label}, where it uses none itself and has no layer`, 'adds that layer', givenAs)] : [];
  });
}

/** What `renderAllObjectLayers` rendered and skipped. */
export interface AllObjectLayers {
  files: LayerFile[];
  /** Revoked and deprecated objects, which get no layer, by ID. */
  skipped: { revoked: string[]; deprecated: string[] };
  /** Objects with a layer but no technique in it, each as the reason, which names it (`G0017 DragonOK uses no technique in enterprise-attack 18.1`). */
  empty: string[];
  /** Groups whose layers leave out techniques used only in the campaigns attributed to them (without `campaigns`), by ID. */
  campaignsLeftOut: string[];
  warnings: string[];
}

/**
 * Render a layer for every current group, software or campaign of a release, named by `objectLayerFileName`;
 * revoked and deprecated objects are skipped and listed. With `others` (the other domains' releases), each object's
 * layers are those of `renderObjectLayersByDomain`, and objects only the other domains know are included. `onProgress`
 * is called after each object.
 * @throws InputError when two objects would get the same file name or the procedures are of another release.
 */
export function renderAllObjectLayers(
  kind: AttackObjectKind,
  index: AttackIndex,
  data: ProcedureIndexData,
  options: ObjectLayerOptions & { others?: readonly ObjectRelease[]; onProgress?: (done: number, total: number, object: ActorRecord) => void } = {},
): AllObjectLayers {
  const releases: ObjectRelease[] = [{ index, data }, ...(options.others ?? [])];
  const byStix = new Map<string, ActorRecord>();
  for (const release of releases) for (const object of objectsOfKind(release.index, kind)) if (!byStix.has(object.stixId)) byStix.set(object.stixId, object);
  const all = [...byStix.values()].sort((a, b) => compareIds(a.id, b.id));
  const current = all.filter((object) => !object.revoked && !object.deprecated);
  const result: AllObjectLayers = {
    files: [],
    skipped: { revoked: all.filter((o) => o.revoked).map((o) => o.id), deprecated: all.filter((o) => !o.revoked && o.deprecated).map((o) => o.id) },
    empty: [],
    campaignsLeftOut: [],
    warnings: [],
  };
  const owners = new Map<string, ActorRecord>();
  current.forEach((object, i) => {
    const home = releases.filter((release) => release.index.byStixId(object.stixId));
    for (const rendered of renderObjectLayersByDomain(object, home, options)) {
      const other = owners.get(rendered.file);
      if (other) throw new InputError(`${describeObject(object)} and ${describeObject(other)} would both be written to ${rendered.file}; please report this`);
      owners.set(rendered.file, object);
      result.files.push({ name: rendered.file, layer: rendered.layer });
      result.warnings.push(...rendered.warnings);
      if (rendered.empty) result.empty.push(rendered.empty);
      if ((rendered.notes.length || rendered.elsewhere.length) && !result.campaignsLeftOut.includes(object.id)) result.campaignsLeftOut.push(object.id);
    }
    options.onProgress?.(i + 1, current.length, object);
  });
  return result;
}
