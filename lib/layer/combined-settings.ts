/**
 * The layer-level settings of a combined layer (its view: sorting, layout, aggregate scores, selection behaviour,
 * tactic row background; its platform filter and hideDisabled), from those of its inputs. Navigator's own "create layer
 * from other layers" copies the filters of one layer its user picks and leaves every other setting at its default
 * (viewmodels.service.ts `layerLayerOperation`); a command line cannot ask which layer, so each setting follows a rule:
 *
 * | inputs | what the combined layer writes |
 * |---|---|
 * | none states it | combine's own choice (sorting by score, side layout with IDs and names, annotated sub-techniques expanded), else nothing (Navigator's default) |
 * | those that state it agree (one alone included) | theirs: the TDaC layer's `aggregateFunction: "sum"` and `showAggregateScores` stay |
 * | they differ | the setting's rule (`SETTING_RULES`): Navigator's default, or what shows the most (IDs and names shown, the most expanded sub-techniques, the union of the platform filters); one warning per setting names each value with its layers and what was written |
 */
import { DEFAULT_TACTIC_ROW_BACKGROUND, NAVIGATOR_SETTING_DEFAULTS } from './repair-layer.js';
import type { Layout, LayerTechnique, NavigatorLayer } from './layer-types.js';
import { paintedColour } from './score.js';
import { layerList } from './layer-list.js';
import { addedFor, platformsShowing, unfilteredWarning } from './platform-visibility.js';
import type { AttackIndex } from '../attack/attack-index.js';
import { PRE_PLATFORM } from '../attack/platform-names.js';
import { compareText } from '../compare-text.js';

type SettingValue = string | number | boolean;

/** What this module reads of an input layer: its platform filter, hideDisabled and view settings (and its entries, for hideDisabled). */
export type LayerSettings = Pick<
  NavigatorLayer,
  | 'filters'
  | 'hideDisabled'
  | 'sorting'
  | 'layout'
  | 'showTacticRowBackground'
  | 'tacticRowBackground'
  | 'selectTechniquesAcrossTactics'
  | 'selectSubtechniquesWithParent'
  | 'selectVisibleTechniques'
> &
  Partial<Pick<NavigatorLayer, 'techniques'>>;

/** A layer's settings as this module reads them, without its entries: what `compareLayer` keeps for the comparison layer. */
export function layerSettings(layer: LayerSettings): LayerSettings {
  const keys = ['filters', 'hideDisabled', 'sorting', 'layout', 'showTacticRowBackground', 'tacticRowBackground', 'selectTechniquesAcrossTactics', 'selectSubtechniquesWithParent', 'selectVisibleTechniques'] as const;
  return Object.fromEntries(keys.flatMap((key) => (layer[key] === undefined ? [] : [[key, layer[key]]]))) as LayerSettings;
}

/**
 * How a writer other than combine departs from combine's rules: what it writes where no input states a setting
 * (`unstated`, in place of combine's own), settings it never takes from its inputs (`own`: the value and why, said
 * when an input states another), and how its warnings name the inputs' platform filter (`filterOf`).
 */
export interface SettingsWriter {
  unstated?: Readonly<Record<string, SettingValue>>;
  own?: Readonly<Record<string, Chosen>>;
  filterOf?: string;
}

/** What a combined layer writes for a setting its inputs give differently, and why, as its warning says it. */
export interface Chosen {
  value: SettingValue;
  why: string;
}

/** One setting: its JSON pointer in a layer, what combine writes when no input states it, and its rule where they differ. */
interface SettingRule {
  path: string;
  unstated?: SettingValue;
  differ: (stated: readonly SettingValue[]) => Chosen;
}

/** Navigator 5.1's default for a setting, which it shows where the layer says nothing. */
function navigatorDefault(path: string): () => Chosen {
  return () => ({ value: NAVIGATOR_SETTING_DEFAULTS[path] as SettingValue, why: "Navigator's default" });
}

/** Sub-technique expansion from the least to the most shown. */
const EXPANSION = ['none', 'annotated', 'all'];

/** The settings combine decides, in the order its warnings say them; `hideDisabled` and the platform filter have their own rules below. */
const SETTING_RULES: readonly SettingRule[] = [
  // The combined scores are what the layer is for: the highest first.
  { path: '/sorting', unstated: 3, differ: () => ({ value: 3, why: "combine's own order, the highest combined score first" }) },
  { path: '/layout/layout', unstated: 'side', differ: navigatorDefault('/layout/layout') },
  { path: '/layout/showID', unstated: true, differ: () => ({ value: true, why: 'shown, as a layer shows them' }) },
  { path: '/layout/showName', unstated: true, differ: () => ({ value: true, why: 'shown, as a layer shows them' }) },
  // NAVIGATOR.md: an annotated sub-technique is invisible collapsed; the inputs' own upgrade gave the parents of a layer
  // that collapses them on purpose `showSubtechniques`, which the combined entries keep.
  {
    path: '/layout/expandedSubtechniques',
    unstated: 'annotated',
    differ: (stated) => ({
      value: EXPANSION[Math.max(...stated.map((value) => EXPANSION.indexOf(String(value))))] ?? 'annotated',
      why: 'the most expanded of them, so that no sub-technique a layer shows is collapsed',
    }),
  },
  { path: '/layout/aggregateFunction', differ: navigatorDefault('/layout/aggregateFunction') },
  { path: '/layout/showAggregateScores', differ: navigatorDefault('/layout/showAggregateScores') },
  { path: '/layout/countUnscored', differ: navigatorDefault('/layout/countUnscored') },
  { path: '/showTacticRowBackground', differ: navigatorDefault('/showTacticRowBackground') },
  { path: '/tacticRowBackground', differ: () => ({ value: DEFAULT_TACTIC_ROW_BACKGROUND, why: "Navigator's default" }) },
  { path: '/selectTechniquesAcrossTactics', differ: navigatorDefault('/selectTechniquesAcrossTactics') },
  { path: '/selectSubtechniquesWithParent', differ: navigatorDefault('/selectSubtechniquesWithParent') },
  { path: '/selectVisibleTechniques', differ: navigatorDefault('/selectVisibleTechniques') },
];

/** `layout.aggregateFunction` for `/layout/aggregateFunction`, as a warning names a setting. */
function settingName(path: string): string {
  return path.slice(1).replace('/', '.');
}

function readSetting(layer: LayerSettings, path: string): SettingValue | undefined {
  const [, first, second] = path.split('/') as [string, string, string | undefined];
  const owner = (second === undefined ? layer : layer.layout) as Record<string, unknown> | undefined;
  const value = owner?.[second ?? first];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** Values compared as Navigator shows them: a colour by value (`#DDD` is `#dddddd`). */
function sameValue(a: SettingValue, b: SettingValue): boolean {
  return typeof a === 'string' && typeof b === 'string' ? (paintedColour(a) ?? a) === (paintedColour(b) ?? b) : a === b;
}

/** The combined layer's view settings and the warnings for those its inputs give differently. */
export interface CombinedSettings {
  /** The top-level settings (`sorting`, `selectTechniquesAcrossTactics`, …) to write. */
  settings: Pick<NavigatorLayer, 'sorting' | 'showTacticRowBackground' | 'tacticRowBackground' | 'selectTechniquesAcrossTactics' | 'selectSubtechniquesWithParent' | 'selectVisibleTechniques'>;
  layout: Layout;
  warnings: string[];
}

/**
 * Each setting of `SETTING_RULES` for the combined layer: the value the inputs that state it agree on (by value; the
 * first layer's spelling), combine's own where none does, else the setting's rule, with a warning naming each value with
 * its layers, those that state none, and what was written. `names` are the inputs' names, in order.
 */
export function combinedSettings(layers: readonly LayerSettings[], names: readonly string[], writer: SettingsWriter = {}): CombinedSettings {
  const written: Record<string, SettingValue> = {};
  const warnings: string[] = [];
  for (const rule of SETTING_RULES) {
    const values = layers.map((layer) => readSetting(layer, rule.path));
    const stated = values.filter((value): value is SettingValue => value !== undefined);
    const first = stated[0];
    const own = writer.own?.[rule.path];
    if (own) {
      if (!stated.length) continue;
      written[rule.path] = own.value;
      const other = [...new Set(stated.filter((value) => !sameValue(value, own.value)))];
      if (!other.length) continue;
      const each = other.map((one) => `${JSON.stringify(one)} in ${layerList(names.filter((_, i) => values[i] !== undefined && sameValue(values[i]!, one)))}`);
      warnings.push(`${settingName(rule.path)} (${each.join('; ')}): wrote ${JSON.stringify(own.value)}, ${own.why}`);
      continue;
    }
    if (first === undefined) {
      const unstated = writer.unstated?.[rule.path] ?? rule.unstated;
      if (unstated !== undefined) written[rule.path] = unstated;
      continue;
    }
    if (stated.every((value) => sameValue(value, first))) {
      written[rule.path] = first;
      continue;
    }
    const { value, why } = rule.differ(stated);
    written[rule.path] = value;
    const distinct = stated.filter((one, i) => stated.findIndex((other) => sameValue(other, one)) === i);
    const each = distinct.map((one) => `${JSON.stringify(one)} in ${layerList(names.filter((_, i) => values[i] !== undefined && sameValue(values[i]!, one)))}`);
    const silent = names.filter((_, i) => values[i] === undefined);
    warnings.push(
      `the layers disagree on ${settingName(rule.path)} (${each.join('; ')}${silent.length ? `; not stated in ${layerList(silent)}` : ''}): ` +
        `wrote ${JSON.stringify(value)}, ${why}`,
    );
  }
  const settings: Record<string, SettingValue> = {};
  const layout: Record<string, SettingValue> = {};
  for (const [path, value] of Object.entries(written)) {
    const [, first, second] = path.split('/') as [string, string, string | undefined];
    if (second === undefined) settings[first] = value;
    else layout[second] = value;
  }
  return { settings: settings as CombinedSettings['settings'], layout: layout as Layout, warnings };
}

/**
 * The platform filter of the combined layer, before it is widened to show its annotated techniques: the inputs' when
 * they agree; where they differ, their union, so that nothing a layer shows is hidden, and none (every platform) when a
 * layer shows every platform (it has none, an empty one, which Navigator reads so, or one of every platform of `index`, PRE aside), with a warning saying which layers list
 * what. The inputs' filters are in the target release's names (`upgradeSources`).
 */
export function combinedPlatforms(layers: readonly LayerSettings[], names: readonly string[], index: AttackIndex, warnings: string[]): string[] | undefined {
  const listed = layers.map((layer) => (layer.filters?.platforms?.length ? [...new Set(layer.filters.platforms)].sort(compareText) : undefined));
  const key = (list: readonly string[] | undefined): string => JSON.stringify(list ?? null);
  if (listed.every((set) => key(set) === key(listed[0]))) return listed[0];
  // A filter of every platform of the release (an old Navigator export's, as upgraded) shows what none shows; so does
  // one of every platform but PRE, which upgrade gives a layer of format 3.0 or older that had none (its stage filter
  // hid PRE-ATT&CK): otherwise such a layer alone made the filters differ, listing ten platforms.
  const shownByAll = index.platforms().filter((platform) => platform !== PRE_PLATFORM);
  const sets = listed.map((set) => (set && shownByAll.every((platform) => set.includes(platform)) ? undefined : set));
  if (sets.every((set) => set === undefined)) return undefined;
  const every = sets.some((set) => set === undefined);
  const union = every ? undefined : [...new Set(sets.flatMap((set) => set ?? []))].sort(compareText);
  const groups = new Map<string, string[]>();
  sets.forEach((set, i) => groups.set(key(set), [...(groups.get(key(set)) ?? []), names[i] ?? '']));
  const each = [...groups].map(([listed, layerNames]) => {
    const list = JSON.parse(listed) as string[] | null;
    return `${list ? list.join(', ') : 'every platform'} in ${layerList(layerNames)}`;
  });
  warnings.push(
    `the layers' platform filters differ (${each.join('; ')}): ` +
      (union ? `the combined layer lists their union, ${union.join(', ')}, so that nothing a layer shows is hidden` : 'the combined layer has none, so that it shows every platform, as a layer without one does'),
  );
  return union;
}

/**
 * The combined layer's `hideDisabled`: the inputs' when they agree. Otherwise a combined entry is disabled only where
 * the layers that disable entries do, so theirs decides: true when every one of them hides disabled entries (a layer
 * builder's group layer, which disables every technique the group does not use, with a changelog layer that disables
 * none), else false (disabled entries show greyed out rather than vanish); a warning says which was kept.
 */
export function combinedHideDisabled(layers: readonly LayerSettings[], names: readonly string[], warnings: string[]): boolean {
  const hides = layers.map((layer) => layer.hideDisabled === true);
  if (hides.every((hide) => hide === hides[0])) return hides[0] ?? false;
  const disabling = layers.flatMap((layer, i) => ((layer.techniques ?? []).some((entry) => entry.enabled === false) ? [i] : []));
  const kept = disabling.length > 0 && disabling.every((i) => hides[i]);
  const list = (hide: boolean): string => layerList(names.filter((_, i) => hides[i] === hide));
  warnings.push(
    `the layers disagree on hideDisabled (true in ${list(true)}; not in ${list(false)}): ` +
      (kept
        ? 'kept true, as every layer with disabled entries hides them'
        : `left false, so disabled entries show greyed out${disabling.length ? ' (not every layer with disabled entries hides them)' : ''}`),
  );
  return kept;
}

/** The settings a layer made from others takes from them (`keptSettings`), to spread into it, with what was said of them. */
export interface KeptSettings {
  fields: Pick<NavigatorLayer, 'filters' | 'hideDisabled'> & CombinedSettings['settings'] & { layout: Layout };
  warnings: string[];
}

/**
 * The settings of a layer made from `layers` (combine's combined layer, compare's comparison layer): the platform filter
 * (`combinedPlatforms`), widened by the platforms of any of `techniques`, its annotated entries, that it would hide
 * (`platformsShowing`, each said), `hideDisabled` (`combinedHideDisabled`, written only when true) and the view settings
 * (`combinedSettings`, as `writer` departs from combine's rules), in that order, each warning once.
 */
export function keptSettings(
  layers: readonly LayerSettings[],
  names: readonly string[],
  techniques: readonly LayerTechnique[],
  index: AttackIndex,
  writer: SettingsWriter = {},
): KeptSettings {
  const warnings: string[] = [];
  const showing = platformsShowing(combinedPlatforms(layers, names, index, warnings) ?? [], techniques, index);
  for (const item of showing.added) {
    warnings.push(`${addedFor(item)} runs on ${item.platforms.join(', ')}, which ${writer.filterOf ?? "the layers'"} platform filter does not list: added to the filter so that Navigator shows it`);
  }
  if (showing.unfiltered) warnings.push(unfilteredWarning(showing.unfiltered, index));
  const hideDisabled = combinedHideDisabled(layers, names, warnings);
  const view = combinedSettings(layers, names, writer);
  warnings.push(...view.warnings);
  return {
    fields: {
      ...(showing.platforms.length ? { filters: { platforms: showing.platforms } } : {}),
      ...(hideDisabled ? { hideDisabled } : {}),
      ...view.settings,
      layout: view.layout,
    },
    warnings,
  };
}
