import { PRE_PLATFORM } from '../attack/platform-names.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { compareIds } from '../attack/index-bundle.js';
import { missingTeamTechniqueText } from '../attack/not-mitre-text.js';
import { preAttackNumberText, unusedNumberText } from '../attack/technique-id.js';
import type { TacticShortname, TechniqueId, TechniqueRecord } from '../attack/types.js';
import type { Gradient, LayerLink, LayerMetadata, LayerTechnique, LegendItem, NavigatorLayer } from '../layer/layer-types.js';
import { gradientColor } from '../layer/score.js';
import { isHexColor } from '../layer/hex-color.js';
import { DEFAULT_TACTIC_ROW_BACKGROUND } from '../layer/repair-layer.js';
import { aggregateScore } from '../layer/aggregate-score.js';
import { annotateInDomain, otherDomainText, type OtherDomainLookup } from '../attack/other-domains.js';
import { unknownTechniqueText } from '../attack/unknown-technique-text.js';
import { isAnnotated } from '../layer/subtechnique-visibility.js';
import { attackMajor } from '../layer/layer-format.js';
import { filteredOutEntries, hidingRow, platformsShown, shownPlatforms, type FilteredOut } from '../layer/platform-visibility.js';
import { splitTacticText, tacticAdvice } from '../layer/tactic-written.js';
import { compareReleases } from '../attack/release-files.js';
import { readableTextColor } from './colors.js';
import { firstFew } from '../short-list.js';
import { givenOption, inGivenInputs, type GivenAs } from '../errors.js';
import type { SubtechniqueMode } from './export-choices.js';

/** How the matrix is built from a layer. */
export interface MatrixOptions {
  /**
   * Overrides the layer's own choice: `expanded` shows every sub-technique, `annotated` the sub-techniques of parents
   * with a sub-technique annotated under any tactic, shown or not (or `showSubtechniques`), `none` none. Default: the layer's `layout` and
   * `showSubtechniques` entries, as Navigator reads them.
   */
  subtechniques?: SubtechniqueMode;
  /** Looks up IDs the layer's domain does not know in the other domains, so that the note says where they belong. */
  otherDomains?: OtherDomainLookup;
  /** The platform filter is read as showing every platform (`exportRelease`'s `everyPlatform`). */
  everyPlatform?: boolean;
  /**
   * How the layer's stage filter hid PRE-ATT&CK (`stagesHidingPreAttack`: `filters.stages` without `prepare`, or none in
   * format 2.x/3.x; format 4 dropped it; the export input's `preAttackHidden`): the techniques ATT&CK 8 took over from
   * it, on the platform `PRE`, are not drawn.
   */
  preAttackHidden?: string;
  /** How `notDrawn` names `subtechniques` and the commands it advises (the CLI's `--subtechniques`, `attack-layers upgrade`; see `GivenAs`). */
  givenAs?: GivenAs;
}

/** Navigator's gradient when a layer has none: red, yellow, green over 0..100. */
export const DEFAULT_GRADIENT: Gradient = { colors: ['#ff6666', '#ffe766', '#8ec843'], minValue: 0, maxValue: 100 };
/**
 * The text colour of a disabled technique, as Navigator's SVG export greys it (mitre-attack/attack-navigator
 * nav-app/src/app/svg-export/renderable-objects/renderable-technique.ts, textColor: `'#aaaaaa'`).
 */
export const DISABLED_TEXT = '#aaaaaa';

/** One technique or sub-technique as drawn under one tactic. */
export interface MatrixCell {
  id: TechniqueId;
  name: string;
  tactic: TacticShortname;
  subtechnique: boolean;
  score?: number;
  comment?: string;
  metadata: LayerMetadata[];
  links: LayerLink[];
  /** Carries something Navigator shows (score, colour, comment, metadata, links, or disabled). */
  annotated: boolean;
  enabled: boolean;
  /**
   * Navigator's aggregate of a technique's score and its sub-techniques' under this tactic, when the layer shows
   * aggregate scores (`layout.showAggregateScores`) and one of them is scored: it colours and sorts the cell there.
   */
  aggregateScore?: number;
  /**
   * Background colour: the entry's explicit colour, else its aggregate's or its score's gradient colour; none for a
   * plain or disabled cell.
   */
  fill?: string;
  /** Text colour, chosen for contrast with the fill. */
  text: string;
  /** Sub-techniques shown under this technique in this tactic (empty when collapsed or when it has none). */
  subtechniques: MatrixCell[];
  /** How many sub-techniques it has under the layer's filters (shown or not). */
  subtechniqueCount: number;
  /** Annotated sub-techniques that are collapsed under this technique, so not visible. */
  collapsedAnnotated: number;
}

/** One tactic column. */
export interface MatrixColumn {
  tactic: TacticShortname;
  /** The tactic's display name. */
  name: string;
  /** TA0001... */
  tacticId: string;
  cells: MatrixCell[];
}

/** Why an annotated layer entry does not appear in the picture. */
export type NotDrawnReason = 'unknown' | 'revoked' | 'deprecated' | 'tactic-mismatch' | 'platform-filter' | 'collapsed' | 'replaced';

/**
 * Annotated entries of the layer that the matrix does not show, with one line saying why and what to do: an entry, or
 * the entries of one technique not drawn for the same reason with the same annotation (a layer of an older tool writes
 * a revoked T1179 under persistence and credential-access), whose line names the tactics they were under.
 */
export interface NotDrawn {
  techniqueID: TechniqueId;
  /** The tactics the entries name, each once, in layer order; empty when none names one. */
  tactics: TacticShortname[];
  /** The entries' positions in `techniques`, in layer order. */
  entries: number[];
  reason: NotDrawnReason;
  message: string;
}

/** How many entries `notDrawn` lists (a line may stand for several). */
export function entriesNotDrawn(notDrawn: readonly NotDrawn[]): number {
  return notDrawn.reduce((count, item) => count + item.entries.length, 0);
}

/** One annotated entry of the layer as a row of a flat table. */
export interface TableRow {
  technique: TechniqueId;
  /** `Parent: Sub` for a sub-technique; empty when the release does not know the ID. */
  name: string;
  /** Tactic display names: the entry's tactic, or every tactic of the technique. */
  tactics: string[];
  score?: number;
  /** The colour the matrix gives it (explicit or from the gradient); empty when none or disabled. */
  color: string;
  comment: string;
  metadata: LayerMetadata[];
  links: LayerLink[];
  enabled: boolean;
  /** Why it is not drawn, or that a later entry repeats it alike; else empty. */
  note: string;
}

/** A layer laid out as Navigator's matrix for one ATT&CK release: what every renderer draws, computed once. */
export interface MatrixModel {
  name: string;
  description: string;
  domain: string;
  /** The release drawn, e.g. `18.1`. */
  release: string;
  /** The layer's `versions.attack`, when it has one. */
  declaredAttack?: string;
  showID: boolean;
  showName: boolean;
  gradient: Gradient;
  /** True when the layer has no gradient of its own and Navigator's default applies. */
  defaultGradient: boolean;
  /**
   * True when a technique the matrix shows carries a score: only then does Navigator's SVG export draw the gradient.
   * Shown means past the platform filter and `hideDisabled`, collapsed or not (a sub-technique is shown with its parent).
   */
  scored: boolean;
  legend: LegendItem[];
  /**
   * The tactic header row's colours when the layer shows a background there (`showTacticRowBackground`): its
   * `tacticRowBackground` (Navigator's `#dddddd` when it names none) and black or white text, whichever reads better,
   * as Navigator draws the row on screen, in its SVG export and in its Excel export. Undefined when it shows none.
   */
  tacticRow?: { fill: string; text: string };
  /** The layer's platform filter; undefined when it shows every platform, or names every platform of the release drawn. */
  platforms?: string[];
  hideDisabled: boolean;
  /**
   * How techniques with sub-techniques are coloured and sorted when the layer shows aggregate scores
   * (`layout.showAggregateScores`): the function (Navigator's default, `average`, when the layer names none) and
   * whether unscored sub-techniques count as 0 (`countUnscored`). Undefined when it does not.
   */
  aggregate?: { function: 'average' | 'min' | 'max' | 'sum'; countUnscored: boolean };
  subtechniques: SubtechniqueMode | 'layer';
  columns: MatrixColumn[];
  /** Tactics of the release with no technique left to show (Navigator hides their column). */
  emptyTactics: string[];
  /** Those of `emptyTactics` that have techniques on the layer's platforms, every one disabled and hidden (`hideDisabled`). */
  disabledTactics: string[];
  /** Those of `emptyTactics` whose techniques run on `PRE` alone, hidden by the layer's stage filter (`preAttackHidden`). */
  stagesHidden?: string[];
  /** How the layer's stage filter hid them (`preAttackHidden`), set with `stagesHidden`. */
  stagesHiddenBy?: string;
  notDrawn: NotDrawn[];
  /**
   * What to say of `notDrawn` where every line counts (stderr, the picture's note): its lines, but the collapsed
   * sub-techniques (by the layer, or because the caller asked for none) in one line, counted, their IDs shortened
   * (notDrawnSaid). The table exports list every entry.
   */
  notDrawnSaid: string[];
  /**
   * Technique IDs of entries that carry nothing Navigator shows (no score, colour, comment, link or metadata, nor
   * `showSubtechniques`), in layer order: a list of IDs alone, as some generators write. Navigator shows nothing of
   * them and leaves them out of its own export; so does this one, and says so.
   */
  bare: string[];
  /**
   * How many entries only set `showSubtechniques` (no score, colour, comment, link or metadata): a parent drawn
   * expanded, as `combine`, DeTT&CT and Navigator write one for each parent of an annotated sub-technique. Not in `rows`.
   */
  layoutOnly: number;
  /** Annotated entries, highest score first, then by technique ID and tactic. */
  rows: TableRow[];
  metadata: LayerMetadata[];
  links: LayerLink[];
}

type Annotation = Omit<LayerTechnique, 'techniqueID' | 'tactic'>;

const ANNOTATION_KEYS = ['score', 'color', 'comment', 'enabled', 'metadata', 'links', 'showSubtechniques'] as const;

/** What an entry sets of a technique's cell in Navigator: every field but the technique and tactic it names. */
function annotationOf(entry: LayerTechnique): Annotation {
  const annotation: Annotation = {};
  for (const field of ANNOTATION_KEYS) if (entry[field] !== undefined) (annotation as Record<string, unknown>)[field] = entry[field];
  return annotation;
}

/** Sorting by name as Navigator does it, with a fixed locale so that output does not depend on the machine. */
const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'en');

function fullName(record: TechniqueRecord, index: AttackIndex): string {
  const parent = record.parent ? index.technique(record.parent) : undefined;
  return parent ? `${parent.name}: ${record.name}` : record.name;
}

/** Where an entry's annotation gave way to a later entry's: the tactic, and the later entry's position. */
type Replaced = Map<number, { tactic: TacticShortname; by: number }[]>;

/**
 * Navigator applies entries in order to the technique under its tactic, or under every tactic when it names none, each
 * making a new annotation there (ViewModel.setTechniqueVM replaces the one before): so a later entry of a technique
 * and tactic replaces an earlier one whole (SCYTHE's exports colour T1059 under execution, then repeat it with no
 * colour). `replaced` lists, by entry, where an annotation that differed gave way so; `repeated`, where a later entry
 * wrote the same again (alchici/ThreatIntel's "Kill Chain" layer writes T1003 and T1059 twice alike), which loses
 * nothing but is one cell, not two.
 */
function annotationsByCell(entries: readonly LayerTechnique[], index: AttackIndex): { cells: Map<string, Annotation>; replaced: Replaced; repeated: Replaced } {
  const cells = new Map<string, { annotation: Annotation; at: number }>();
  const replaced: Replaced = new Map();
  const repeated: Replaced = new Map();
  entries.forEach((entry, at) => {
    const record = index.technique(entry.techniqueID);
    if (!record || record.revoked || record.deprecated) return;
    const tactics = entry.tactic ? record.tactics.filter((t) => t === entry.tactic) : record.tactics;
    const annotation = annotationOf(entry);
    for (const tactic of tactics) {
      const key = `${record.id}|${tactic}`;
      const before = cells.get(key);
      if (before) {
        const gaveWay = JSON.stringify(before.annotation) === JSON.stringify(annotation) ? repeated : replaced;
        gaveWay.set(before.at, [...(gaveWay.get(before.at) ?? []), { tactic, by: at }]);
      }
      cells.set(key, { annotation, at });
    }
  });
  return { cells: new Map([...cells].map(([key, { annotation }]) => [key, annotation])), replaced, repeated };
}

/** The colour a cell takes: its own (`HEX_COLOR`: renderers write it as it is), else its score's on the gradient. */
function colorOf(annotation: Annotation | undefined, gradient: Gradient): string | undefined {
  if (!annotation || annotation.enabled === false) return undefined;
  if (isHexColor(annotation.color)) return annotation.color;
  return typeof annotation.score === 'number' ? gradientColor(gradient, annotation.score) : undefined;
}

/** Navigator's sort orders: 0 name A-Z, 1 name Z-A, 2 score ascending, 3 score descending (ties by name). */
function sortCells(cells: MatrixCell[], sorting: number, unscored: number): MatrixCell[] {
  const score = (cell: MatrixCell): number => cell.aggregateScore ?? cell.score ?? unscored;
  return cells.sort((a, b) => {
    if (sorting === 1) return byName(b, a);
    if (sorting === 2) return score(a) - score(b) || byName(a, b);
    if (sorting === 3) return score(b) - score(a) || byName(a, b);
    return byName(a, b);
  });
}

/**
 * Lay out a layer as Navigator draws it for one release: tactics as columns in matrix order, current techniques of
 * the layer's platforms, colours from the entry's colour or the gradient, disabled ones greyed (or hidden with
 * `hideDisabled`), sub-techniques expanded as the layer or `options` say. Annotated entries the picture cannot
 * show (unknown, revoked, deprecated, wrong tactic, filtered out, collapsed) are listed in `notDrawn`.
 */
export function matrixModel(layer: NavigatorLayer, index: AttackIndex, options: MatrixOptions = {}): MatrixModel {
  const entries = layer.techniques ?? [];
  // A layer that skipped validation may carry anything; a gradient that cannot colour falls back to Navigator's.
  const own = layer.gradient;
  const gradient = own && own.colors.length >= 2 && own.colors.every(isHexColor) ? own : DEFAULT_GRADIENT;
  // An empty platform list shows every platform in Navigator; a name renamed since the layer's release is read as its new one.
  const filter = options.everyPlatform ? undefined : layer.filters?.platforms;
  // Navigator 2.x and 3.x drew PRE-ATT&CK's tactics only for the stage "prepare": ATT&CK 8 made them Reconnaissance
  // and Resource Development, whose techniques run on PRE alone.
  // The layer's filter as it chose (every platform: `platforms: all`), whatever the stage filter hides as well.
  const platforms = shownPlatforms(filter, index, layer.versions?.attack);
  const preHidden = options.preAttackHidden !== undefined && index.platforms().includes(PRE_PLATFORM);
  const listed = preHidden ? [...(platforms ?? index.platforms())].filter((platform) => platform !== PRE_PLATFORM) : filter;
  // Drawn as validate reads the filter (platform-visibility.ts): a sub-technique only in its parent's row, a technique
  // without platforms (ICS 18.1's T0895) under no filter.
  const shown = platformsShown(listed, index, layer.versions?.attack);
  const drawn = (record: TechniqueRecord): boolean => !hidingRow(record, index, shown);
  const hideDisabled = layer.hideDisabled === true;
  const sorting = layer.sorting ?? 0;
  const expandedLayout = layer.layout?.expandedSubtechniques;
  const mode = options.subtechniques ?? (expandedLayout === 'all' ? 'expanded' : expandedLayout === 'annotated' ? 'annotated' : 'layer');
  const { cells: annotations, replaced, repeated } = annotationsByCell(entries, index);

  const current = index.currentTechniques();
  const children = new Map<TechniqueId, TechniqueRecord[]>();
  for (const record of current) if (record.parent) children.set(record.parent, [...(children.get(record.parent) ?? []), record]);
  // Navigator's "annotated" layout expands a technique under every tactic of it when one of its sub-techniques is
  // annotated under any tactic, whether the platform filter or hideDisabled shows that one or not (ViewModel's
  // initTechniqueVMs, before any filter): so its other sub-techniques show there too.
  const annotatedFamilies = new Set<TechniqueId>();
  for (const [key, annotation] of annotations) {
    const parent = index.technique(key.slice(0, key.indexOf('|')))?.parent;
    if (parent && isAnnotated(annotation)) annotatedFamilies.add(parent);
  }

  const cellOf = (record: TechniqueRecord, tactic: TacticShortname): MatrixCell => {
    const annotation = annotations.get(`${record.id}|${tactic}`);
    const fill = colorOf(annotation, gradient);
    const enabled = annotation?.enabled !== false;
    return {
      id: record.id,
      name: record.name,
      tactic,
      subtechnique: record.subtechnique,
      ...(typeof annotation?.score === 'number' ? { score: annotation.score } : {}),
      ...(annotation?.comment ? { comment: annotation.comment } : {}),
      metadata: annotation?.metadata ?? [],
      links: annotation?.links ?? [],
      annotated: annotation ? isAnnotated(annotation) : false,
      enabled,
      ...(fill ? { fill } : {}),
      text: enabled ? readableTextColor(fill ?? '#ffffff') : DISABLED_TEXT,
      subtechniques: [],
      subtechniqueCount: 0,
      collapsedAnnotated: 0,
    };
  };

  const collapsed: { id: TechniqueId; parent: TechniqueId; tactic: TacticShortname }[] = [];
  const emptyTactics: string[] = [];
  const disabledTactics: string[] = [];
  const columns: MatrixColumn[] = [];
  let scored = false;
  for (const tactic of index.tactics()) {
    const cells: MatrixCell[] = [];
    let onTheirPlatforms = 0;
    for (const record of current) {
      if (record.subtechnique || !record.tactics.includes(tactic.shortname) || !drawn(record)) continue;
      onTheirPlatforms++;
      const cell = cellOf(record, tactic.shortname);
      const family = (children.get(record.id) ?? []).filter((sub) => sub.tactics.includes(tactic.shortname));
      if (layer.layout?.showAggregateScores === true && family.length) {
        // Navigator aggregates every sub-technique of the technique, whatever the platform filter shows.
        const scoreAt = (id: TechniqueId): number | undefined => annotations.get(`${id}|${tactic.shortname}`)?.score ?? undefined;
        const aggregate = aggregateScore(scoreAt(record.id), family.map((sub) => scoreAt(sub.id)), layer.layout);
        if (aggregate !== undefined) {
          cell.aggregateScore = aggregate;
          const own = annotations.get(`${record.id}|${tactic.shortname}`)?.color;
          if (cell.enabled && !isHexColor(own)) {
            cell.fill = gradientColor(gradient, aggregate);
            cell.text = readableTextColor(cell.fill);
          }
        }
      }
      const subs = (children.get(record.id) ?? [])
        .filter((sub) => sub.tactics.includes(tactic.shortname) && drawn(sub))
        .map((sub) => cellOf(sub, tactic.shortname))
        .filter((sub) => !(hideDisabled && !sub.enabled));
      // Navigator keeps a disabled parent visible while one of its sub-techniques is enabled.
      if (hideDisabled && !cell.enabled && !subs.some((sub) => sub.enabled)) continue;
      // Navigator's SVG export looks for a score among the techniques its filters leave visible (ViewModel's
      // getVisibleTechniquesList): a technique's sub-techniques are visible with it, whatever their own platforms,
      // enabled state or collapse.
      const isScored = (id: TechniqueId): boolean => typeof annotations.get(`${id}|${tactic.shortname}`)?.score === 'number';
      if (isScored(record.id) || family.some((sub) => isScored(sub.id))) scored = true;
      const flagged = annotations.get(`${record.id}|${tactic.shortname}`)?.showSubtechniques === true;
      const expand =
        mode === 'expanded' || (mode !== 'none' && flagged) || (mode === 'annotated' && annotatedFamilies.has(record.id));
      cell.subtechniqueCount = subs.length;
      if (expand) cell.subtechniques = sortCells(subs, sorting, 0);
      else {
        cell.collapsedAnnotated = subs.filter((sub) => sub.annotated).length;
        for (const sub of subs) if (sub.annotated) collapsed.push({ id: sub.id, parent: record.id, tactic: tactic.shortname });
      }
      cells.push(cell);
    }
    if (!cells.length) {
      emptyTactics.push(tactic.name);
      if (onTheirPlatforms) disabledTactics.push(tactic.name);
      continue;
    }
    columns.push({ tactic: tactic.shortname, name: tactic.name, tacticId: tactic.id, cells: sortCells(cells, sorting, Number.NEGATIVE_INFINITY) });
  }

  const onPreAlone = (tactic: string): boolean =>
    current.filter((record) => !record.subtechnique && record.tactics.includes(tactic)).every((record) => record.platforms.length > 0 && record.platforms.every((platform) => platform === PRE_PLATFORM));
  const stagesHidden = preHidden ? index.tactics().filter((tactic) => emptyTactics.includes(tactic.name) && onPreAlone(tactic.shortname)).map((tactic) => tactic.name) : [];
  const filteredOut = filteredOutEntries(entries, index, listed, layer.versions?.attack);
  const notes = entryNotes(entries, index, { platforms, filteredOut, stated: attackMajor(layer.versions?.attack) }, collapsed, replaced, options);
  const notDrawn = notDrawnLines(notes, entries);
  const rows = tableRows(entries, index, gradient, notes, repeated, hideDisabled);
  return {
    name: layer.name,
    description: layer.description ?? '',
    domain: layer.domain,
    release: index.release,
    ...(layer.versions?.attack ? { declaredAttack: layer.versions.attack } : {}),
    showID: layer.layout?.showID === true,
    showName: layer.layout?.showName !== false,
    gradient,
    defaultGradient: gradient === DEFAULT_GRADIENT,
    scored,
    legend: (layer.legendItems ?? []).filter((item) => isHexColor(item.color)),
    ...tacticRowOf(layer),
    ...(platforms && !listsEveryPlatform(platforms, index) ? { platforms: [...platforms] } : {}),
    hideDisabled,
    ...(layer.layout?.showAggregateScores === true
      ? { aggregate: { function: layer.layout.aggregateFunction ?? 'average', countUnscored: layer.layout.countUnscored === true } }
      : {}),
    subtechniques: options.subtechniques ?? 'layer',
    columns,
    emptyTactics,
    disabledTactics,
    ...(stagesHidden.length ? { stagesHidden, stagesHiddenBy: options.preAttackHidden! } : {}),
    notDrawn,
    notDrawnSaid: notDrawnSaid(notDrawn, options),
    bare: entries.filter((entry) => !isAnnotated(entry) && entry.showSubtechniques !== true).map((entry) => entry.techniqueID),
    layoutOnly: entries.filter((entry) => !isAnnotated(entry) && entry.showSubtechniques === true).length,
    rows,
    metadata: layer.metadata ?? [],
    links: layer.links ?? [],
  };
}

/**
 * Whether a platform filter, as read (`shownPlatforms`), names every platform of the release drawn, as Navigator writes its
 * whole list into a layer it exports: it chose none, and the picture shows every platform, said `platforms: all` as for a
 * layer without a filter (Adedoja/HTB-ATT-CK-Navigator's layer lists all 11 of 18.1's and was headed with the 11).
 * The matrix is drawn from the filter as written all the same: a technique the release gives no platforms (ICS 18.1's
 * T0895) shows under no filter, and is said to be left out.
 */
function listsEveryPlatform(platforms: ReadonlySet<string>, index: AttackIndex): boolean {
  return index.platforms().every((platform) => platforms.has(platform));
}

/** The model's `tacticRow`, as a spread: nothing when the layer shows no tactic row background. */
function tacticRowOf(layer: NavigatorLayer): { tacticRow?: { fill: string; text: string } } {
  if (layer.showTacticRowBackground !== true) return {};
  // A layer that skipped validation may carry anything; a colour that cannot fill falls back to Navigator's.
  const own = layer.tacticRowBackground;
  const fill = isHexColor(own) ? own : DEFAULT_TACTIC_ROW_BACKGROUND;
  return { tacticRow: { fill, text: readableTextColor(fill) } };
}

/** What export says of entries that carry no annotation (`MatrixModel.bare`): neither Navigator nor the export shows them. */
export function bareEntriesNote(ids: readonly string[]): string {
  const many = ids.length > 1;
  return (
    `${ids.length} entr${many ? 'ies' : 'y'} (${firstFew([...ids])}) carr${many ? 'y' : 'ies'} no annotation (no score, colour, comment, link or metadata): ` +
    `Navigator shows nothing of ${many ? 'them' : 'it'}, and neither does this export; give ${many ? 'them' : 'it'} a score or colour to show ${many ? 'them' : 'it'}`
  );
}

/**
 * The heading of the list of what is not drawn, the same in the picture's notes and the Markdown export. It says no
 * more than that: the lines say why, and some (`--subtechniques none`) are what the caller asked for, which Navigator
 * would show (the picture's heading said `… that Navigator would not show either` of those too).
 */
export function notDrawnHeading(count: number): string {
  return `Not drawn in the matrix (${count} entr${count === 1 ? 'y' : 'ies'}):`;
}

/** Why one annotated entry is not drawn: `text` follows its technique ID (`T1138: <text>`) or `not drawn: ` in its row. */
interface EntryNote {
  techniqueID: TechniqueId;
  tactic?: TacticShortname;
  entry: number;
  reason: NotDrawnReason;
  text: string;
}

function entryNotes(
  entries: readonly LayerTechnique[],
  index: AttackIndex,
  { platforms, filteredOut, stated }: { platforms: ReadonlySet<string> | undefined; filteredOut: ReadonlyMap<number, FilteredOut>; stated: string | undefined },
  collapsed: readonly { id: TechniqueId; parent: TechniqueId; tactic: TacticShortname }[],
  replaced: Replaced,
  options: MatrixOptions,
): EntryNote[] {
  const list: EntryNote[] = [];
  const label = index.label;
  const newerLayer = stated !== undefined && compareReleases(stated, index.major) > 0;
  // By technique, so that each entry looks up its own (a layer may hold 200,000 entries).
  const collapsedById = new Map<TechniqueId, TacticShortname[]>();
  for (const c of collapsed) {
    const tactics = collapsedById.get(c.id);
    if (tactics) tactics.push(c.tactic);
    else collapsedById.set(c.id, [c.tactic]);
  }
  entries.forEach((entry, at) => {
    if (!isAnnotated(entry)) return;
    const id = entry.techniqueID;
    const add = (reason: NotDrawnReason, message: string): void => {
      const text = inGivenInputs(`${id}: ${message}`, options.givenAs).slice(id.length + 2);
      list.push({ techniqueID: id, ...(entry.tactic ? { tactic: entry.tactic } : {}), entry: at, reason, text });
    };
    const record = index.technique(id);
    if (!record) {
      const foreign = options.otherDomains?.(id);
      const preAttack = preAttackNumberText(id);
      if (foreign) return add('unknown', `${otherDomainText(foreign, index.domain)}; draw it in a layer of ${foreign.domain}`);
      const unused = unusedNumberText(id);
      if (preAttack) return add('unknown', `${preAttack.slice(id.length + 1)}: annotate the enterprise technique that fits`);
      const team = missingTeamTechniqueText(id, index, { does: 'draws it' });
      if (team) return add('unknown', team.slice(id.length + 1));
      if (unused) return add('unknown', `${unused.slice(id.length + 1)}: annotate the technique that fits`);
      // T9001 (a team's number), T1685 (a newer release's) and an ID of a newer release at hand say so, as validate,
      // upgrade and combine say them.
      const known = unknownTechniqueText(id, index, {
        does: 'draws it',
        withIt: 'export the layer with it',
        inRelease: (later) => `draw the layer in it (${givenOption(options.givenAs, 'release', later.release)})`,
        inDomain: annotateInDomain,
      });
      return add('unknown', known ? known.slice(id.length + 1).replace(/^is /, '') : `not a technique in ${label}; fix the ID`);
    }
    if (record.revoked) {
      const final = index.revocationChain(id).final;
      return add('revoked', `revoked in ${label}${final ? `, replaced by ${final.id} ${fullName(final, index)}` : ''}; run \`attack-layers upgrade\``);
    }
    if (record.deprecated) return add('deprecated', `${fullName(record, index)} is deprecated in ${label}; move the annotation or remove it`);
    if (entry.tactic && !record.tactics.includes(entry.tactic)) {
      // ATT&CK 19's stealth in a layer drawn in 18.1: said as validate says it, with where the annotation goes.
      const split = splitTacticText(entry.tactic, record, index, newerLayer);
      if (split) return add('tactic-mismatch', `not under ${entry.tactic} in ${label}: ${split}`);
      return add('tactic-mismatch', `not under ${entry.tactic} in ${label} (its tactics: ${record.tactics.join(', ')}); ${tacticAdvice(entry.tactic, index, 'fix the tactic')}`);
    }
    const hidden = filteredOut.get(at);
    if (hidden) return add('platform-filter', platformFilterText(hidden, index, platforms, stated));
    const gaveWay = replaced.get(at);
    if (gaveWay) {
      // Positions are the repaired layer's, which may differ from the file's: the tactic says where.
      const where = [...new Set(gaveWay.map(({ tactic }) => tactic))].join(', ');
      return add('replaced', `replaced under ${where} by a later entry of ${id} (Navigator shows only the last entry of a technique under a tactic); merge them, as \`attack-layers upgrade\` does`);
    }
    const hiddenUnder = (collapsedById.get(id) ?? []).filter((tactic) => !entry.tactic || tactic === entry.tactic);
    if (hiddenUnder.length) {
      const how = options.subtechniques === 'none' ? ` because of ${givenOption(options.givenAs, 'subtechniques', 'none')}` : `; pass ${givenOption(options.givenAs, 'subtechniques', 'annotated')} to show it`;
      add('collapsed', `collapsed under ${record.parent} in ${[...new Set(hiddenUnder)].join(', ')}${how}`);
    }
  });
  return list;
}

/**
 * The lines of `notDrawn`, in layer order: entries of a technique that say the same are one line, which names the
 * tactics they were under (the attack-evals Carbanak+FIN7 layer writes the revoked T1179 under persistence and
 * credential-access, which read as the same line twice); those whose annotations differ (score, colour, comment...)
 * stay a line each, each naming its own tactics, so that every line is told from the others.
 */
function notDrawnLines(notes: readonly EntryNote[], entries: readonly LayerTechnique[]): NotDrawn[] {
  const alike = new Map<string, EntryNote[]>();
  for (const note of notes) {
    const key = `${note.techniqueID}|${note.reason}|${note.text}`;
    const listed = alike.get(key);
    if (listed) listed.push(note);
    else alike.set(key, [note]);
  }
  const lines: NotDrawn[] = [];
  for (const same of alike.values()) {
    const byAnnotation = new Map<string, EntryNote[]>();
    for (const note of same) {
      const key = JSON.stringify(annotationOf(entries[note.entry]!));
      const listed = byAnnotation.get(key);
      if (listed) listed.push(note);
      else byAnnotation.set(key, [note]);
    }
    for (const group of byAnnotation.values()) {
      const { techniqueID: id, reason, text } = group[0]!;
      const where = same.length > 1 ? ` (${tacticsText(group)})` : '';
      lines.push({ techniqueID: id, tactics: [...new Set(group.flatMap((note) => (note.tactic ? [note.tactic] : [])))], entries: group.map((note) => note.entry), reason, message: `${id}${where}: ${text}` });
    }
  }
  return lines.sort((a, b) => a.entries[0]! - b.entries[0]!);
}

/**
 * The lines of `notDrawn` to say where every line counts (MatrixModel.notDrawnSaid): the collapsed sub-techniques
 * are one line where the first of them was, counted, the first few named, since each says the same: collapsed
 * because the caller asked for none (26 lines for a two-campaign aggregate under `--subtechniques none`), or by the
 * layer, which one option undoes for all of them (73 lines for a Navigator layer saved with `expandedSubtechniques:
 * none`, bryanherdianto/blue-team-wazuh-lab mitre/layer.json). One line overall, not one per parent: the act is one
 * option for all of them, and a line per parent would still be dozens. Any other line stays, being something to act on.
 */
function notDrawnSaid(notDrawn: readonly NotDrawn[], options: MatrixOptions): string[] {
  const chosen = new Set(notDrawn.filter((item) => item.reason === 'collapsed'));
  // Counted by technique: one sub-technique collapsed under two tactics is one, and said as its own notes say it.
  const ids = [...new Set([...chosen].map((item) => item.techniqueID))];
  if (ids.length < 2) return notDrawn.map((item) => item.message);
  const why =
    options.subtechniques === 'none'
      ? `because of ${givenOption(options.givenAs, 'subtechniques', 'none')}`
      : `by the layer; pass ${givenOption(options.givenAs, 'subtechniques', 'annotated')} to show them`;
  const line = `${ids.length} annotated sub-techniques (${firstFew(ids)}): collapsed under their parents ${why}; the csv, md and xlsx exports list each`;
  const first = notDrawn.findIndex((item) => chosen.has(item));
  return notDrawn.flatMap((item, at) => (at === first ? [line] : chosen.has(item) ? [] : [item.message]));
}

/** Where some entries of a technique were: `under persistence, credential-access`; one naming no tactic is under every one. */
function tacticsText(group: readonly EntryNote[]): string {
  const tactics = [...new Set(group.map((note) => note.tactic ?? 'every tactic'))];
  return `${group.length > tactics.length ? `${group.length} entries, ` : ''}under ${tactics.join(', ')}`;
}

/**
 * Why the platform filter hides an entry: its technique, or the parent in whose row a sub-technique shows (T1020 for
 * T1020.001 under IaaS), runs on none of the layer's `platforms`, or has no platforms at all (ICS 18.1's T0895). What
 * Navigator 5.1 shows is said of the release drawn only when the layer is of it (its major `stated`, or none, which
 * Navigator opens in its newest): a layer of another release it opens in that one, where the technique may have
 * platforms or not be at all (ATT&CK added T0895 in ICS 15), and this export, drawing it in `index` for want of that
 * release, can say only what `index` gives.
 */
function platformFilterText({ record, row }: FilteredOut, index: AttackIndex, platforms: ReadonlySet<string> | undefined, stated: string | undefined): string {
  const whose = row === record ? fullName(record, index) : `${fullName(record, index)} shows only in the row of its parent ${row.id} (${row.name}), which`;
  if (!row.platforms.length) {
    if (stated !== undefined && stated !== index.major) {
      return (
        `${whose} has no platforms in ${index.label}, the release drawn here, so no platform filter shows it there; ` +
        `the layer is of ATT&CK ${stated}, where Navigator 5.1 draws it and whose ${row.id} is not known here`
      );
    }
    return `${whose} has no platforms in ${index.label}, so Navigator 5.1 shows it under no platform filter`;
  }
  const filter = [...(platforms ?? [])].join(', ');
  const own = row === record ? 'its platforms' : `${row.id}'s platforms`;
  return `${whose} is not on the layer's platforms (${filter}); ${own}: ${row.platforms.join(', ')}; add one to filters.platforms or remove the filter to show it`;
}

function tableRows(
  entries: readonly LayerTechnique[],
  index: AttackIndex,
  gradient: Gradient,
  entryNotes: readonly EntryNote[],
  repeated: Replaced,
  hideDisabled: boolean,
): TableRow[] {
  const notesOf = new Map<number, string[]>();
  for (const n of entryNotes) {
    const notes = notesOf.get(n.entry);
    if (notes) notes.push(`not drawn: ${n.text}`);
    else notesOf.set(n.entry, [`not drawn: ${n.text}`]);
  }
  const rows = entries.flatMap((entry, at): (TableRow & { tactic: string })[] => {
    if (!isAnnotated(entry)) return [];
    const record = index.technique(entry.techniqueID);
    const tactics = entry.tactic ? [entry.tactic] : (record?.tactics ?? []);
    const enabled = entry.enabled !== false;
    const notes = [...(notesOf.get(at) ?? [])];
    // A row per entry, so an entry written again alike says so: the two rows are one cell of the matrix.
    const again = repeated.get(at);
    if (again) notes.push(`repeated alike under ${[...new Set(again.map(({ tactic }) => tactic))].join(', ')} by a later entry of ${entry.techniqueID} (Navigator shows one); delete the repeat`);
    if (!enabled) notes.push(hideDisabled ? 'disabled (hidden)' : 'disabled (greyed out)');
    return [
      {
        technique: entry.techniqueID,
        name: record ? fullName(record, index) : '',
        tactics: tactics.map((t) => index.tacticName(t)),
        tactic: entry.tactic ?? '',
        ...(typeof entry.score === 'number' ? { score: entry.score } : {}),
        color: colorOf(entry, gradient) ?? '',
        comment: entry.comment ?? '',
        metadata: entry.metadata ?? [],
        links: entry.links ?? [],
        enabled,
        note: notes.join('; '),
      },
    ];
  });
  rows.sort(
    (a, b) =>
      (b.score ?? Number.NEGATIVE_INFINITY) - (a.score ?? Number.NEGATIVE_INFINITY) ||
      compareIds(a.technique, b.technique) ||
      a.tactic.localeCompare(b.tactic, 'en'),
  );
  return rows.map(({ tactic: _tactic, ...row }) => row);
}

/** Why tactics are hidden by the layer's stage filter (`stagesHidden`). */
function stagesWhy(count: number, by: string | undefined): string {
  return (
    `${by ?? "the layer's filters.stages left out \"prepare\""}, so the Navigator it was made for (2.x, 3.x) showed the enterprise ` +
    `matrix ("act") alone, not PRE-ATT&CK; ATT&CK 8 made PRE-ATT&CK's tactics ${count === 1 ? 'this one' : 'these'}, whose techniques run on ${PRE_PLATFORM} alone`
  );
}

/** Which tactics the layer's stage filter hides (`stagesHidden`), and why, for the command to say; undefined when none. */
export function stagesHiddenNote(model: Pick<MatrixModel, 'stagesHidden' | 'stagesHiddenBy'>): string | undefined {
  const hidden = model.stagesHidden ?? [];
  return hidden.length ? `${hidden.join(', ')} left out: ${stagesWhy(hidden.length, model.stagesHiddenBy)}` : undefined;
}

/**
 * Why tactics have no column, one text per reason: none of their techniques runs on the layer's platforms, or every
 * one that does is disabled and `hideDisabled` hides it (a layer builder's group layer disables the rest), or the
 * layer's stage filter hid PRE-ATT&CK (`stagesHidden`).
 */
export function emptyTacticReasons(model: Pick<MatrixModel, 'emptyTactics' | 'disabledTactics' | 'platforms' | 'stagesHidden' | 'stagesHiddenBy'>): { tactics: string[]; why: string }[] {
  const disabled = new Set(model.disabledTactics);
  const stages = new Set(model.stagesHidden ?? []);
  const noTechnique = model.emptyTactics.filter((name) => !disabled.has(name) && !stages.has(name));
  return [
    ...(stages.size ? [{ tactics: [...stages], why: stagesWhy(stages.size, model.stagesHiddenBy) }] : []),
    ...(noTechnique.length ? [{ tactics: noTechnique, why: model.platforms ? 'no technique on these platforms' : 'no technique' }] : []),
    ...(model.disabledTactics.length ? [{ tactics: model.disabledTactics, why: 'every technique under them is disabled, and hideDisabled is true' }] : []),
  ];
}
