import { isJsonObject, type JsonObject } from '../json-value.js';

/**
 * Where Navigator 5.1 stops reading a layer of a file: `unopened`, before upgradeLayer opens a tab for it, where
 * loadObjAsLayer's catch alerts and goes on with the file's next layer (`stopsUnopened`); `in-tab`, in
 * ViewModel.deserialize, after the tab opens (`STOPS_IN_TAB`), where it may fail in a promise nothing catches, so that
 * the file's later layers never open (`neverOpenedText`).
 */
export type NavigatorStop = 'unopened' | 'in-tab';

/**
 * A field of a layer, as written, that Navigator 5.1's loader reads otherwise than the layer format says: `stops` when
 * reading it throws, so that Navigator stops reading the layer (`STOPS_IN_TAB`) and fills none of its matrix's cells;
 * otherwise what it ignores of it. `text` goes after the schema's own message at `path`.
 */
export interface LoaderFault {
  path: string;
  stops: NavigatorStop | false;
  text: string;
  /** For a technique entry's own list, the entry's place in the layer as written. */
  entry?: number;
}

/**
 * The alert of loadObjAsLayer's catch, where Navigator 5.1 fails reading a layer of a file before it opens a tab for it.
 * readJSONFile reads the elements of an array of layers in turn, each in that try of its own, and goes on with the next
 * (tabs.component.ts at fa7a6017; an older one, 0070cefa, stopped the whole file at the first element that threw).
 */
export const LAYER_ALERT = 'ERROR parsing layer, check the javascript console for more information.';

/**
 * What Navigator 5.1 does at a fault its loader throws at before upgradeLayer opens a tab for the layer, a phrase after
 * "Navigator 5.1 … and": loadObjAsLayer's catch alerts and destroys the layer's view (deserializeDomainVersionID, the
 * domain looked up, customDataURL's newLayerFromURL alerting at its own faults before it opens one), so no tab opens
 * (mitre-attack/attack-navigator nav-app/src/app/tabs/tabs.component.ts at fa7a6017820f97f172be896d093c57a91387f372).
 */
export function stopsUnopened(alert = LAYER_ALERT): string {
  return `stops with the alert "${alert}" instead of opening the layer`;
}

/**
 * What Navigator 5.1 does at a fault `ViewModel.deserialize` throws at, a phrase after "Navigator 5.1 … and"
 * (mitre-attack/attack-navigator nav-app/src/app/tabs/tabs.component.ts at fa7a6017820f97f172be896d093c57a91387f372,
 * upgradeLayer, as readJSONFile runs it for an uploaded file). It opens the layer's tab first, then deserializes: where
 * the release's data is loaded already (`dataLoaded`: a layer of that domain and release opened before in the session;
 * DataService loads none at start), it deserializes at once, inside the promise whose catch alerts "ERROR parsing
 * file…"; otherwise it deserializes in `loadDomainData(…).then(…)`, a promise nothing catches, so Navigator logs the
 * error in its console, shows no alert, and never settles upgradeLayer (a file's later layers do not open). Either way
 * loadVMData, which fills the matrix's cells, never runs. That is a layer opened in its own release: one of the newest
 * release, or an older one whose "Upgrade layer version?" the user declines. Taking that workflow, Navigator first
 * deserializes without the technique entries, before it opens a tab, and alerts at a fault outside them; at one in them
 * it opens the upgraded layer's tab and fails reading the old layer's entries in a subscription's callback (a console
 * error). The phrase says only the first path.
 */
export const STOPS_IN_TAB =
  `stops reading the layer in the tab it opens for it in the layer's release, with the alert "ERROR parsing file, check the javascript console for more ` +
  'information." where it has loaded that release already (a layer of it opened or created earlier in the session), else with only an error in its console';

/**
 * The lists Navigator 5.1 reads with `for (… of …)`, by pointer end, and what a list of them holds: a number, true or
 * text there throws (mitre-attack/attack-navigator nav-app/src/app/classes/view-model.ts at
 * fa7a6017820f97f172be896d093c57a91387f372, deserialize: `for (let item of obj.legendItems)`, `for (let metadataObj of
 * obj.metadata)`, `for (let link of obj.links)`; technique-vm.ts TechniqueVM.deserialize, the entry's own): a number or
 * true is "not iterable", and text is read one character at a time, each an item that `'label' in` rejects or that
 * Metadata and Link `deserialize` parse as JSON, which fails or gives a number `'name' in` rejects. Empty text holds no
 * item, so Navigator reads none. An object is "not iterable" too: one that is an item of the list (PowerShell's list of
 * one) the repair reports already, and its caller says it once; null the repair reports.
 */
const LISTS: ReadonlyArray<readonly [field: string, holds: string]> = [
  ['metadata', 'metadata items such as {"name": "…", "value": "…"}'],
  ['links', 'links such as {"label": "…", "url": "https://…"}'],
  ['legendItems', 'legend items such as {"label": "…", "color": "#ff6666"}'],
];

/** The settings Navigator 5.1 reads as objects, with what a layer writes there (`'showID' in obj.layout`, `obj.gradient.colors`). */
const OBJECTS: ReadonlyArray<readonly [field: string, example: string, reads: string]> = [
  // Gradient.deserialize (gradient.ts) iterates `obj.colors`: undefined for anything but an object, which is "not iterable".
  ['gradient', '{"colors": ["#ffffff", "#ff6666"], "minValue": 0, "maxValue": 100}', 'iterates its colours ("is not iterable" in its console)'],
  // LayoutOptions.deserialize (layout-options.ts) tests `'showID' in` it: a type error for a number, true or text; a list has no setting.
  ['layout', '{"layout": "side", "showID": false}', 'tests its fields with `in` (a type error)'],
];

/** Whether a value is one that Navigator 5.1 iterates and fails at: anything but a list, null or empty text. */
function failsIterating(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && !Array.isArray(value);
}

function listFault(value: unknown, path: string, holds: string, entry: boolean): LoaderFault | undefined {
  if (value === '') return { path, stops: false, text: `Navigator 5.1 reads no item from empty text and opens the layer without any; write a list of ${holds}, or leave the field out` };
  if (!failsIterating(value)) return undefined;
  const what = typeof value === 'string' ? 'reads the text one character at a time as items and fails at the first' : 'fails iterating it ("is not iterable" in its console)';
  return { path, stops: 'in-tab', text: `Navigator 5.1${entry ? ', reading the entry,' : ''} ${what}, and ${STOPS_IN_TAB}; write a list of ${holds}, or leave the field out` };
}

/**
 * Where Navigator 5.1's loader reads a layer's field (as written, `asRead`) otherwise than as the layer format's list or
 * object: where it throws (a list written as a number, text or an object, a platform filter that is no list, a gradient or layout
 * that is no object, versions that are no object) and where it ignores it (technique entries written as a number: it
 * counts the entries of a list; a platform filter of 0 or ""). A fault of a technique entry's own list (`entry` set)
 * holds only where Navigator reads that entry, which the caller tells from the release the layer opens in.
 */
export function navigatorLoaderFaults(asRead: JsonObject): LoaderFault[] {
  const faults: LoaderFault[] = [];
  const versions = asRead['versions'];
  // deserializeDomainVersionID tests `'attack' in obj.versions`; a list has no such field and is read as stating nothing.
  if ('versions' in asRead && versions !== null && typeof versions !== 'object') {
    faults.push({
      path: '/versions',
      stops: 'unopened',
      text: `Navigator 5.1 tests its fields with \`in\` (a type error) and ${stopsUnopened()}; write an object such as {"attack": "18", "navigator": "5.1.0", "layer": "4.5"} (\`attack-layers upgrade\` writes one)`,
    });
  }
  const techniques = asRead['techniques'];
  // deserialize reads `obj.techniques.length` and then iterates: text is read one character at a time, and `'tactic' in
  // "T"` is a type error; a number or true has no length, so Navigator reads no entry from it.
  if (typeof techniques === 'string' && techniques !== '') {
    faults.push({
      path: '/techniques',
      stops: 'in-tab',
      text: `Navigator 5.1 reads the text one character at a time as entries (\`'tactic' in\` each, a type error) and ${STOPS_IN_TAB}; write a list of entries such as [{"techniqueID": "T1059", "score": 1}]`,
    });
  } else if (techniques === '' || typeof techniques === 'number' || typeof techniques === 'boolean') {
    faults.push({
      path: '/techniques',
      stops: false,
      text: 'Navigator 5.1 reads no entry from it (it counts the entries of a list) and opens the layer with none; write a list of entries such as [{"techniqueID": "T1059", "score": 1}]',
    });
  }
  for (const [field, holds] of LISTS) {
    const fault = listFault(asRead[field], `/${field}`, holds, false);
    if (fault) faults.push(fault);
  }
  for (const [field, example, reads] of OBJECTS) {
    const value = asRead[field];
    if (value === undefined || value === null || isJsonObject(value) || (field === 'layout' && Array.isArray(value))) continue;
    faults.push({ path: `/${field}`, stops: 'in-tab', text: `Navigator 5.1 ${reads} and ${STOPS_IN_TAB}; write an object such as ${example}, or leave it out for Navigator's default` });
  }
  // Filter.deserialize (filter.ts at 33541d9b) reads `filters.platforms` where it is truthy and iterates it: a number,
  // true or an object is "not iterable". Text it reads a character at a time, and then fails at its `forEach`: the
  // repair reads it as a list of one and says so. 0, false, "" or null it reads nothing from.
  const filters = asRead['filters'];
  const platforms = isJsonObject(filters) ? filters['platforms'] : undefined;
  const writeList = 'write a list of platform names such as ["Windows", "Linux"], or leave it out to show every platform';
  if (platforms !== undefined && !Array.isArray(platforms) && (!platforms || typeof platforms !== 'string')) {
    faults.push({
      path: '/filters/platforms',
      stops: platforms ? 'in-tab' : false,
      text: platforms
        ? `Navigator 5.1 fails iterating it ("is not iterable" in its console), and ${STOPS_IN_TAB}; ${writeList}`
        : `Navigator 5.1 reads no platform from it and shows every platform; ${writeList}`,
    });
  }
  if (Array.isArray(techniques)) {
    techniques.forEach((entry, at) => {
      if (!isJsonObject(entry)) return;
      for (const [field, holds] of LISTS.slice(0, 2)) {
        const fault = listFault(entry[field], `/techniques/${at}/${field}`, holds, true);
        if (fault) faults.push({ ...fault, entry: at });
      }
    });
  }
  return faults;
}

/**
 * Whether Navigator 5.1 reads a file holding this one object as a list of layers: readJSONFile and loadLayerFromURL test
 * `layerFile?.length` and, where it is truthy, iterate the file (`for (let layer of layerFile)`), which an object is not
 * (mitre-attack/attack-navigator nav-app/src/app/tabs/tabs.component.ts at fa7a6017820f97f172be896d093c57a91387f372,
 * readJSONFile). That throws outside loadObjAsLayer's try: a console error, no alert, and no tab. A length of 0, "",
 * false or null is falsy, and the object is read as one layer, which ignores the field.
 */
export function readsAsLayerList(file: JsonObject): boolean {
  const length = file['length'];
  return length !== undefined && length !== null && length !== 0 && length !== '' && length !== false;
}

/** What Navigator 5.1 does with a file `readsAsLayerList`, a phrase after "Navigator 5.1". */
export const LAYER_LIST_READ =
  'reads a file of one object whose "length" is set (not 0, "", false or null) as a list of layers, fails iterating the object ("is not iterable" in its console) and opens no tab, with no alert';

/**
 * A bound of a layer's gradient as Navigator 5.1 compares a score with it: Gradient.deserialize takes `minValue` and
 * `maxValue` as written (gradient.ts at 0454b41d), and getHexColor compares and subtracts, so text or null is read as
 * JavaScript reads it as a number, and a missing bound (undefined) or an object is none.
 */
function navigatorBound(value: unknown): number {
  return value === undefined || (typeof value === 'object' && value !== null) ? Number.NaN : Number(value);
}

/** A technique entry's score Navigator 5.1 would colour between gradient bounds it reads as no number. */
export interface UnscaledScore {
  /** The entry's place in the layer as written. */
  entry: number;
  id: unknown;
  score: number;
  /** For a score Navigator does not read: why (`EntryReading`). */
  unread?: Exclude<EntryReading, 'read'>;
}

/**
 * Whether Navigator 5.1 reads a technique entry into a cell it colours: `read`; `no-technique`, an entry without a
 * tactic and no current technique of its ID in the release; `replaced`, one whose every cell a later entry takes over
 * (`navigatorCells`).
 */
export type EntryReading = 'read' | 'no-technique' | 'replaced';

/**
 * Where Navigator 5.1 fails colouring a layer's scores with its gradient as written: getHexColor returns an end colour
 * for a score at or beyond a bound, and otherwise indexes its 100-colour table by the score's place between the bounds,
 * which is no number where a bound is none, so that `gradientRGB[NaN].toHexString()` throws (gradient.ts at 0454b41d).
 * ViewModel.deserialize colours last (updateGradient) the entries it read: every one with a tactic, and one without only
 * through the release's current technique of its ID (view-model.ts at fa7a6017), which `reads` tells, the caller
 * knowing the release. `bound` is the first bound Navigator reads as no number; `read` the scores it fails at, in the
 * layer's order (it stops at the first), `unread` the other entries' scores between the bounds. Navigator reads a score
 * only as a number (technique-vm.ts). Undefined where the bounds are numbers, or no score falls between them.
 */
export function unscaledScores(asRead: JsonObject, reads: (entry: number) => EntryReading): { bound: 'minValue' | 'maxValue'; read: UnscaledScore[]; unread: UnscaledScore[] } | undefined {
  const gradient = asRead['gradient'];
  if (!isJsonObject(gradient)) return undefined;
  const min = navigatorBound(gradient['minValue']);
  const max = navigatorBound(gradient['maxValue']);
  if (!Number.isNaN(min) && !Number.isNaN(max)) return undefined;
  const read: UnscaledScore[] = [];
  const unread: UnscaledScore[] = [];
  (Array.isArray(asRead['techniques']) ? asRead['techniques'] : []).forEach((entry, at) => {
    const score = isJsonObject(entry) ? entry['score'] : undefined;
    if (typeof score !== 'number' || score >= max || score <= min) return;
    const reading = reads(at);
    const found = { entry: at, id: isJsonObject(entry) ? entry['techniqueID'] : undefined, score };
    if (reading === 'read') read.push(found);
    else unread.push({ ...found, unread: reading });
  });
  return read.length || unread.length ? { bound: Number.isNaN(min) ? 'minValue' : 'maxValue', read, unread } : undefined;
}

function scoreOf({ id, score }: UnscaledScore): string {
  return `${typeof id === 'string' ? `${id}'s ` : 'a '}score ${score}`;
}

/**
 * What Navigator 5.1 does with a gradient's bound it reads as no number (`unscaledScores`), a phrase after "Navigator
 * 5.1", for an entry it reads; undefined where it reads none of the scores between the bounds.
 */
export function unscaledScoresText(found: { read: readonly UnscaledScore[]; unread: readonly UnscaledScore[] }): string | undefined {
  const [first] = found.read;
  if (!first) return undefined;
  const more = found.read.length > 1 ? `, the first of the ${found.read.length} scores it reads between the bounds` : '';
  const unread = found.unread.length;
  const groups = (['no-technique', 'replaced'] as const).flatMap((reading) => {
    const scores = found.unread.filter((score) => score.unread === reading);
    if (!scores.length) return [];
    const ids = scores.slice(0, 3).map((score) => (typeof score.id === 'string' ? score.id : 'no ID'));
    const one = scores.length === 1;
    const which =
      reading === 'no-technique'
        ? `${one ? 'which has' : 'which have'} no tactic and no current technique of the layer's release`
        : `${one ? 'whose cells a later entry' : 'whose cells later entries'} of the same technique and tactic ${one ? 'takes' : 'take'} over`;
    return [{ ids: `${ids.join(', ')}${scores.length > 3 ? ` and ${scores.length - 3} more` : ''}`, which }];
  });
  // One reason: `(T1999, T1086), which have …`; both: `(T1999, which has …; T1003, whose cells …)`.
  const said = groups.length === 1 ? `(${groups[0]!.ids}), ${groups[0]!.which}` : `(${groups.map(({ ids, which }) => `${ids}, ${which}`).join('; ')})`;
  const skipped = unread ? `; it reads none of the ${unread === 1 ? 'other entry' : `${unread} other entries`} scored between them ${said}` : '';
  return `reads the bound as no number, fails colouring ${scoreOf(first)}${more} ("Cannot read properties of undefined" in its console) and ${STOPS_IN_TAB}${skipped}`;
}

/**
 * The release Navigator 5.1 opens a layer in (its domainVersionID): the layer's domain with the first number of
 * `versions.attack` where that is text, else its newest release (view-model.ts deserializeDomainVersionID at fa7a6017).
 * `newest` is that release's major.
 */
export function navigatorReleaseKey(asRead: JsonObject, domain: string, newest: number): string {
  const versions = asRead['versions'];
  const attack = isJsonObject(versions) ? versions['attack'] : undefined;
  const major = typeof attack === 'string' ? /\d+/.exec(attack)?.[0] : undefined;
  return `${domain} ${major ?? newest}`;
}

/** Where a layer of a file stopped Navigator 5.1 in its tab (`NavigatorStop` `in-tab`), for the layers after it. */
export interface FileStop {
  /** The pointer, from the top of the file, of the fault Navigator stops at (`/0/metadata`). */
  at: string;
  /** The layer's place in the file, counted from 1. */
  layer: number;
  /** The release it opens that layer in (`navigatorReleaseKey`). */
  release: string;
}

/**
 * What Navigator 5.1 does with a layer of a file after one it stops reading in its tab (`stop`), where no earlier layer
 * of the file opened in that layer's release: readJSONFile awaits each layer's loadObjAsLayer, which awaits upgradeLayer;
 * upgradeLayer deserializes in `loadDomainData(…).then(…)` where the release's data is not loaded, and nothing catches
 * that promise, so a throw there logs a console error and never settles it, and the loop never reaches the next layer
 * (tabs.component.ts at fa7a6017820f97f172be896d093c57a91387f372, readJSONFile, upgradeLayer). Where a layer of that
 * release was opened earlier in the session, the throw is caught ("ERROR parsing file…") and the next layer opens.
 */
export function neverOpenedText(stop: FileStop): string {
  return (
    `Navigator 5.1 never opens this layer unless it has loaded ATT&CK ${stop.release} earlier in the session: it stops reading layer ${stop.layer} of the file ` +
    `at ${stop.at} with only an error in its console, in a promise nothing catches, and opens none of the file's layers after it (it opens each once the one ` +
    `before has opened); fix ${stop.at} to open this layer. Each other finding of this layer says what Navigator does once the layer is opened alone`
  );
}

/**
 * What Navigator 5.1 does at a fault `ViewModel.deserialize` throws at (`STOPS_IN_TAB`) where a layer before it in the
 * file opened in its release: upgradeLayer deserializes at once, inside the promise whose catch alerts, and readJSONFile
 * goes on with the file's next layer (tabs.component.ts at fa7a6017820f97f172be896d093c57a91387f372, upgradeLayer).
 */
export const STOPS_IN_TAB_ALERTING =
  `stops reading the layer in the tab it opens for it in the layer's release, with the alert "ERROR parsing file, check the javascript console for more ` +
  'information.", as a layer of the file before it opened in that release';

/**
 * How Navigator 5.1 opens a layer of a file, for what is said of it: `neverOpened`, the layer's place in the file
 * (`/2`) where Navigator never opens it (`neverOpenedText`); `releaseLoaded`, where a layer before it opened in its
 * release, so that a stop in its tab alerts (`STOPS_IN_TAB_ALERTING`).
 */
export interface FileOpening {
  neverOpened?: string;
  releaseLoaded?: boolean;
}

/**
 * A finding's text as it holds of a layer opened as `opening` says: of a layer Navigator never opens from its file,
 * said of the layer opened alone (where `STOPS_IN_TAB`'s two outcomes hold), so that nothing claims what Navigator does
 * not do; of one whose release a layer before it loaded, a stop in its tab said with the one outcome that happens.
 */
export function openedInFileText(text: string, opening: FileOpening): string {
  if (opening.neverOpened !== undefined) return `once the layer is opened alone (Navigator 5.1 never opens it from this file, as ${opening.neverOpened} says): ${text}`;
  return opening.releaseLoaded ? text.replaceAll(STOPS_IN_TAB, STOPS_IN_TAB_ALERTING) : text;
}
