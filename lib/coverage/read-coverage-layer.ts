/**
 * A Navigator layer as coverage: each scored technique entry is a rule named after the layer (and the entry's
 * comment). The score is placed on a scale: `level = (score - min) / (max - min)`, clamped to 0..1, where min and
 * max come from `options.scale`, else from the layer's `gradient` (minValue, maxValue), else 0..100 (Navigator's
 * default gradient). That is the reading Navigator itself gives a score: the gradient's ends are "none" and "full".
 * A coverage layer read on its own gradient gets a note when that reading is likely not its author's (see gradientNote).
 *
 * Read as threat (`role: 'threat'`), an entry without a score that Navigator shows annotated (a colour, a comment,
 * metadata or links) weighs 1, as a technique a campaign observed: layers that list an actor's techniques by
 * highlighting them (Navigator's own Bear_APT.json sample) say "used", not "used a little". As coverage such an
 * entry says nothing about how well the technique is detected, so it is ignored with the reason "no score", unless its
 * layer's legend says the level of its colour (CyberBlue's green "Full Detection", red "No Detection": legendLabelLevel);
 * every such reading, and every entry the legend could not read, is said in a note (legendNote). An entry without a
 * score whose metadata gives DeTT&CT scores (its visibility-and-detection overlay, which colours a kind) is read by
 * its detection score instead (dettectMetadataScores).
 *
 * A DeTT&CT visibility score (a layer whose legend is its visibility scoring table, an entry's metadata, a colour its
 * legend labels `Visibility score N: …`) is kept as visibility, never coverage, as a DeTT&CT file's is (read-dettect.ts):
 * the entry is ignored as a rule and the review reports the score beside the technique.
 */
import { heldObjects } from './threat-aggregates.js';
import type { LineCounter } from 'yaml';
import { givenInput, givenName, givenWords, inGivenInputs, InputError, UsageError, type GivenAs } from '../errors.js';
import { parseJsonRepairingLayers } from '../input-kind.js';
import { isJsonObject, type JsonObject } from '../json-value.js';
import {
  coverageInput,
  DETTECT_VISIBILITY_SCORES,
  layerLabel,
  roundLevel,
  VISIBILITY_ONLY_REASON,
  LAYOUT_ONLY_REASON,
  type CoverageIgnored,
  type CoverageInput,
  type CoverageProblem,
  type CoverageRule,
  type CoverageVisibility,
} from './coverage-types.js';
import { dettectDetectionLevel } from './read-dettect.js';
import { lineOf, yaml } from './yaml-source.js';
import { inputName, readTextFile, type InputOptions } from '../read-text.js';
import { tacticIdAndName } from '../normalize/read-tactic.js';
import { repairLayer, repairLine, unstatedDomainText, unstatedLayerDomain, type RepairedLayer } from '../layer/repair-layer.js';
import { statedLayerDomain } from '../layer/layer-domain.js';
import { assertAttackLayer, filterRelease, stagesHidingPreAttack } from '../layer/layer-format.js';
import { describeSource, layerSources } from '../layer/combine-layers.js';
import { gradientPosition, paintedColour } from '../layer/score.js';
import { firstFew } from '../short-list.js';
import { TECHNIQUE_KEYS } from '../layer/serialize-layer.js';
import type { Domain } from '../attack/types.js';

/** Navigator's default gradient when a layer has none. */
export const DEFAULT_LAYER_SCALE: readonly [number, number] = [0, 100];

export interface CoverageLayerOptions {
  /** The scores that mean no and full coverage; overrides every layer's gradient. */
  scale?: [number, number];
  /** `threat`: annotated entries without a score count with weight 1 (see above); default `coverage`. */
  role?: 'threat' | 'coverage';
  /**
   * True: a file whose layers state different domains gives every layer, each with its `domain`, for the caller to
   * keep those of the review's domain (`layersOfDomain`); else such a file is refused.
   */
  mixedDomains?: boolean;
  /** How notes name the scale (`scale`; the CLI's `--scale`, `--threat-scale` for a threat layer: see `GivenAs`). */
  givenAs?: GivenAs;
}

/** A scale as the notes advise it, in the caller's words: `--scale 0,1` (`--threat-scale` for a threat layer) or `scale: [0, 1]`. */
type ScaleOption = (low: number | 'N', high: number | 'N') => string;

function scaleOption(givenAs: GivenAs | undefined, role: 'threat' | 'coverage'): ScaleOption {
  const key = role === 'threat' ? 'threatScale' : 'scale';
  const flag = givenName(givenAs, key).startsWith('-');
  return (low, high) => givenWords(givenAs, key, flag ? `${low},${high}` : `[${low}, ${high}]`);
}

/** What a threat layer entry without a score must carry to count: what Navigator shows on the matrix or on hover. */
function annotations(entry: Record<string, unknown>): string[] {
  const text = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
  const list = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  return [
    ...(text(entry['color']) ? [`colour ${String(entry['color']).trim()}`] : []),
    ...(text(entry['comment']) ? ['comment'] : []),
    ...(list(entry['metadata']) ? ['metadata'] : []),
    ...(list(entry['links']) ? ['links'] : []),
  ];
}

/**
 * Read a Navigator layer file as coverage (or threat, with `role`): one input per layer, a JSON array of layers
 * (Navigator's multi-layer file) giving one per element, named as combine and export name them (`file (layer 2)`).
 * Entries that are disabled or have no score (as threat: no score and no annotation) are ignored with a reason;
 * entries without a technique ID are reported and skipped.
 * @throws UsageError when the file cannot be read or `options.scale` is not [min, max] with min < max;
 * InputError (with line) for invalid JSON, something that is not a layer, an empty array or an element that is not
 * an object, a gradient whose max is below its min (equal ends are a threshold, read as Navigator paints them), a PRE-ATT&CK layer or one drawn from its own data (`assertAttackLayer`), a domain that is
 * not an ATT&CK domain, or layers of different domains in one file.
 */
export function readCoverageLayers(file: string, options: CoverageLayerOptions & InputOptions = {}): CoverageInput[] {
  const text = readTextFile(file, file, options);
  return parseCoverageLayers(text, inputName(file), options);
}

/**
 * Read layer JSON text as coverage (pure), one input per layer; see readCoverageLayers. `value` is the text parsed,
 * when the caller has already parsed it (to tell a layer from a campaign).
 */
export function parseCoverageLayers(text: string, file: string, options: CoverageLayerOptions = {}, value: unknown = parseJsonRepairingLayers(text, file)): CoverageInput[] {
  const scale = options.scale;
  if (scale && !(scale.length === 2 && Number.isFinite(scale[0]) && Number.isFinite(scale[1]) && scale[0] < scale[1])) {
    throw new UsageError(`coverage scale ${JSON.stringify(scale)} must be [min, max] with min < max, e.g. [0, 100]`);
  }
  const scaleOf = scaleOption(options.givenAs, options.role ?? 'coverage');
  const lines = entryLines(text);
  const isArray = Array.isArray(value);
  const domains = new Map<Domain, string[]>();
  const inputs = layerSources(value, file).map((source) => {
    const layerIndex = source.position ?? 0;
    const layer = source.value;
    const where = isArray ? `layer ${layerIndex + 1}` : 'the layer';
    const layerLine = lines(layerIndex, isArray);
    const rules: CoverageRule[] = [];
    const ignored: CoverageIgnored[] = [];
    const problems: CoverageProblem[] = [];
    const visibility: CoverageVisibility[] = [];
    const platforms = new Set<string>();
    // A PRE-ATT&CK layer gets the message every command gives, with the layer's place in an array.
    assertAttackLayer(layer, file, isArray ? `/${layerIndex}` : '');
    let repaired: RepairedLayer;
    try {
      // A layer that states no domain is read in the review's domain (review-domain.ts), not the repair's default.
      repaired = repairLayer(layer, `${file}${layerLine ? `:${layerLine}` : ''}`, { unstatedDomain: false });
    } catch (error) {
      throw new InputError(`${file}${layerLine ? `:${layerLine}` : ''}: ${where} is not a Navigator layer (no "techniques" list); export the layer from Navigator`, {
        file,
        line: layerLine,
        cause: error,
      });
    }
    const fields = repaired.layer;
    const domain = statedLayerDomain(fields, `${file}${layerLine ? `:${layerLine}` : ''}${isArray ? ` (${where})` : ''}`, file);
    if (domain) domains.set(domain, [...(domains.get(domain) ?? []), where]);
    // As validate and upgrade read it: a threat layer of ICS IDs alone is ICS when nothing states a domain (readThreatInputs).
    const read = domain || options.role !== 'threat' ? undefined : unstatedLayerDomain(fields);
    const unstatedIcs = read?.icsIds ? { file, ...(layerLine === undefined ? {} : { line: layerLine }), message: `${where}: /domain: ${unstatedDomainText(read)}`, skipped: false } : undefined;
    const techniques = Array.isArray(fields['techniques']) ? (fields['techniques'] as Record<string, unknown>[]) : [];
    const inputEntries = Array.isArray((layer as Record<string, unknown>)['techniques']) ? ((layer as Record<string, unknown>)['techniques'] as unknown[]) : [];
    const items = inputEntries.length;
    for (const repair of repaired.repairs) {
      const entry = /^\/techniques\/(\d+)/.exec(repair.path)?.[1];
      const line = entry === undefined ? layerLine : lines(layerIndex, isArray, Number(entry));
      problems.push({ file, ...(line === undefined ? {} : { line }), message: `${where}: ${repairLine(repair)}`, skipped: repair.leftOut === 'entry' });
    }
    const filters = fields['filters'] as { platforms?: unknown } | undefined;
    if (Array.isArray(filters?.platforms)) for (const platform of filters.platforms) if (typeof platform === 'string') platforms.add(platform);
    const layerName = typeof fields['name'] === 'string' && fields['name'].trim() !== '' ? fields['name'] : describeSource(source);
    // The rules each entry names, where the layer's generator wrote one metadata item or link per rule it counts.
    const named = options.role === 'threat' ? undefined : namedRules(techniques);
    const [min, max, scaleText] = layerScale(fields, scale, file, layerLine);
    const scored: ScoredEntry[] = [];
    // Threat entries that weigh 1 for being annotated without a score (mixedWeightsNote).
    const unscored: string[] = [];
    // Their colours, for a threat layer that paints categories no score orders (colourOrderNote).
    const unscoredColours: string[] = [];
    const legend = options.role === 'threat' ? new Map<string, LegendItemLevel[]>() : legendLevels(fields);
    // Entries read through the legend, by legend item; entries it could not read, by why.
    const legendRead = new Map<LegendItemLevel, number>();
    const unread = new Map<string, string[]>();
    // A gradient of one colour paints no level: Navigator shows each entry's own colour (DeTT&CT's detection layers
    // score 0..5 on a grey 0..10000 and colour each entry by its legend), so a coloured entry is read by that colour.
    const oneColour = !scale && options.role !== 'threat' && legend.size > 0 && oneColourGradient(fields, min, max) !== undefined;
    // Scores that are all one number say no level either, when the entries' own colours, which Navigator shows over the
    // gradient's, are legend items of different levels: a red-team report generator scores every technique it used 1
    // and paints it "Detected" (#ff6666) or "Undetected" (#66ff66) on a gradient 0..1, so that every one read 100%.
    const oneScore = oneColour || scale || options.role === 'threat' || legend.size === 0 ? undefined : scoreSayingNoLevel(techniques, legend);
    const paintsNoLevel = oneColour || oneScore !== undefined;
    let readByColour = 0;
    // A legend that is DeTT&CT's scoring table says the scores are DeTT&CT's, whatever the gradient: its layers of
    // format 4.2 and before write none, so they were read on Navigator's 0..100 (visibility 4 as 4 %).
    const table = scale || options.role === 'threat' ? undefined : dettectScoreTable(legend, techniques);
    let readByTable = 0;
    // A threat layer that scores some entries above 0 says with a bare 0 a technique not used: mitreattack-python's
    // usage layers list every technique of the matrix, 0, and those the group or software uses, 1. A 0 that shows
    // something else is kept: DeTT&CT's group layers score a technique only its groups' software uses 0 (the count
    // of groups), painted "Src. of tech. is only software" and listing that software in its metadata.
    const scoresUse = options.role === 'threat' && techniques.some((entry) => typeof entry['score'] === 'number' && entry['score'] > 0 && entry['enabled'] !== false);
    // A threat layer whose scores pick the categories its legend names, each at a stop of its gradient painted that
    // item's colour: ATT&CK Evaluations' Carbanak+FIN7 scope layer scores 1 "Carbanak", 2 "FIN7", 3 "Carbanak+FIN7" on
    // 1..3, and its Carbanak techniques weighed 0, as not used. Each weighs 1 (categoryNote).
    // As coverage they are no coverage levels either (when no legend label says one): each scored entry is covered.
    const levelled = [...legend.values()].flat().some((item) => item.level !== undefined || item.visibility !== undefined);
    const categories = !scale && !levelled && !paintsNoLevel && !table ? scoreCategories(fields, techniques, min, max) : undefined;
    const outside: (ScoredEntry & { at: number; counted: string; place: { file: string; line?: number; path?: string } })[] = [];
    // Entries without a score read by the DeTT&CT scores of their metadata (a detection score, or visibility alone).
    const dettectRead: { techniqueID: string; score?: number; level?: number; visibility?: number }[] = [];
    // A line shared by entries (a layer on one line, as sigma2attack writes it) says nothing: their JSON path does.
    const entryLines = techniques.map((_, i) => lines(layerIndex, isArray, repaired.entryOrigins[i] ?? i));
    const shared = new Set(entryLines.filter((line, i) => line !== undefined && entryLines.indexOf(line) !== i));
    // A threat entry Navigator shows in a legend category that says its technique was not tested (a pentest heat-map's
    // grey "Non testée") is no threat seen: left out, each by its category (notTestedNote).
    const labels = legendLabels(fields);
    const untested = new Map<string, string[]>();
    techniques.forEach((entry, i) => {
      const path = `${isArray ? `/${layerIndex}` : ''}/techniques/${repaired.entryOrigins[i] ?? i}`;
      const line = shared.has(entryLines[i]) ? undefined : entryLines[i];
      const at = { file, ...(line === undefined ? {} : { line }), ...(shared.has(entryLines[i]) ? { path } : {}) };
      const { techniqueID, tactic, score, enabled, comment } = entry as { techniqueID: string } & Record<string, unknown>;
      if (enabled === false) {
        ignored.push({ ...at, name: techniqueID, reason: 'enabled: false' });
        return;
      }
      const shownAs = options.role === 'threat' ? shownCategory(entry, labels, categories) : undefined;
      if (shownAs !== undefined && saysNotTested(shownAs)) {
        ignored.push({ ...at, name: techniqueID, reason: `shown as "${shownAs}", its legend's category for a technique not tested: no threat seen` });
        untested.set(shownAs, [...(untested.get(shownAs) ?? []), techniqueID]);
        return;
      }
      // A DeTT&CT visibility score: the log data, reported beside the technique, never coverage.
      const visible = (visibilityScore: number): void => {
        visibility.push({ kind: 'layer', name: layerName, ...at, refs: [{ raw: techniqueID, ...(line === undefined ? {} : { line }), ...(at.path ? { path: at.path } : {}) }], score: visibilityScore });
      };
      // A parent that only shows its sub-techniques expanded is layout, as threat or as coverage: Navigator writes
      // one beside an annotated sub-technique (F5 Labs' layer: T1595 beside its coloured T1595.002).
      if ((score === undefined || score === null) && entry['showSubtechniques'] === true && !annotations(entry).length) {
        ignored.push({ ...at, name: techniqueID, reason: LAYOUT_ONLY_REASON });
        return;
      }
      let level: number;
      let levelReason: string;
      let shownColour: ReturnType<typeof byLegend>;
      const dettect = (score === undefined || score === null) && options.role !== 'threat' ? dettectMetadataScores(entry['metadata']) : undefined;
      if (dettect) {
        // DeTT&CT's visibility-and-detection overlay colours a kind (visibility, detection, both), not a score: the
        // detection score its metadata gives is the level, as a DeTT&CT file's own score is read; its visibility score
        // is reported beside it.
        if (dettect.visibility) visible(dettect.visibility);
        if (dettect.detection === undefined) {
          const reason = dettect.visibility ? VISIBILITY_ONLY_REASON : 'no score, and its metadata gives no DeTT&CT detection score and visibility 0 (none)';
          ignored.push({ ...at, name: techniqueID, reason });
          dettectRead.push({ techniqueID, ...(dettect.visibility ? { visibility: dettect.visibility } : {}) });
          return;
        }
        level = dettectDetectionLevel(dettect.detection);
        levelReason = `no score; its metadata's DeTT&CT detection score ${dettect.detection} / 5 -> ${level}, whatever its colour`;
        dettectRead.push({ techniqueID, score: dettect.detection, level });
      } else if ((score === undefined || score === null) && options.role !== 'threat') {
        // A colour-only coverage layer says its levels in its legend ("Full Detection" green, "No Detection" red).
        const read = legend.size ? byLegend(legend, entry['color'], comment) : undefined;
        if (read && 'visibility' in read) {
          visible(read.visibility);
          ignored.push({ ...at, name: techniqueID, reason: VISIBILITY_ONLY_REASON });
          legendRead.set(read.item, (legendRead.get(read.item) ?? 0) + 1);
          return;
        }
        if (!read || 'ignored' in read) {
          ignored.push({ ...at, name: techniqueID, reason: read?.ignored ?? 'no score' });
          if (read && read.ignored !== 'no score') unread.set(read.ignored, [...(unread.get(read.ignored) ?? []), techniqueID]);
          return;
        }
        level = read.level;
        levelReason = read.reason;
        legendRead.set(read.item, (legendRead.get(read.item) ?? 0) + 1);
      } else if (score === undefined || score === null) {
        const shown = annotations(entry);
        if (!shown.length) {
          ignored.push({ ...at, name: techniqueID, reason: 'no score and nothing annotated (no colour, comment, metadata or links)' });
          return;
        }
        level = 1;
        levelReason = `no score, annotated (${shown.join(', ')}) -> 1, as a technique a campaign observed`;
        unscored.push(techniqueID);
        const colour = paintedColour(entry['color']);
        if (colour) unscoredColours.push(colour);
      } else if (typeof score !== 'number') {
        return;
      } else if (table?.kind === 'visibility') {
        visible(score);
        ignored.push({ ...at, name: techniqueID, reason: VISIBILITY_ONLY_REASON });
        legendRead.set(table.items.get(score)!, (legendRead.get(table.items.get(score)!) ?? 0) + 1);
        readByTable += 1;
        return;
      } else if (table) {
        const item = table.items.get(score)!;
        level = item.level!;
        levelReason = `score ${score}, a DeTT&CT ${table.kind} score (its legend is DeTT&CT's ${table.kind} scoring table): "${item.label}" -> ${level}`;
        legendRead.set(item, (legendRead.get(item) ?? 0) + 1);
        readByTable += 1;
      } else if (paintsNoLevel && 'level' in (shownColour = byLegend(legend, entry['color'], comment))) {
        level = shownColour.level;
        levelReason =
          oneScore === undefined
            ? `score ${score} on ${scaleText}, one colour, paints no level; colour ${paintedColour(entry['color'])}, legend "${shownColour.item.label}" -> ${level}`
            : `score ${score}, every scored entry's, says no level; colour ${paintedColour(entry['color'])}, legend "${shownColour.item.label}" -> ${level}`;
        legendRead.set(shownColour.item, (legendRead.get(shownColour.item) ?? 0) + 1);
        readByColour += 1;
      } else if (categories) {
        level = 1;
        levelReason = `score ${score}, the stop of its gradient its legend names "${categories.get(score)}", a category, not a level -> 1${options.role === 'threat' ? '' : ' (covered)'}`;
        const own = paintedColour(entry['color']);
        scored.push({ score, level, techniqueID, ...(typeof comment === 'string' && comment.trim() !== '' ? { comment: comment.trim() } : {}), ...(own ? { colour: own } : {}) });
      } else {
        // Equal ends are a threshold: Navigator paints a score of maxValue or more with the last colour, a lower one with the first.
        const exact = gradientPosition(score, min, max);
        level = roundLevel(Math.min(1, Math.max(0, exact)));
        if (scoresUse && score <= 0 && level === 0 && !annotations(entry).length) {
          ignored.push({ ...at, name: techniqueID, reason: `score ${score}, nothing annotated, weighs 0 where other entries score above 0: a technique not used` });
          return;
        }
        const clamped = exact < 0 || exact > 1;
        // Said as the report says it: coverage as a percentage, threat as a weight.
        const counted = options.role === 'threat' ? `threat ${level}` : `${level * 100}%`;
        // Scores past the scale are said once per layer, below (outsideScale).
        if (clamped) outside.push({ score, level, techniqueID, at: repaired.entryOrigins[i] ?? i, counted, place: at });
        levelReason = `score ${score} on ${scaleText} -> ${level}${clamped ? ' (clamped)' : ''}`;
        const own = paintedColour(entry['color']);
        scored.push({ score, level, techniqueID, ...(typeof comment === 'string' && comment.trim() !== '' ? { comment: comment.trim() } : {}), ...(own ? { colour: own } : {}) });
      }
      const text = typeof comment === 'string' && comment.trim() !== '' ? comment.trim() : undefined;
      const names = named?.names.get(entry);
      if (names?.length) levelReason += `; the entry names ${names.length === 1 ? 'the rule' : `its ${names.length} rules`} in its ${named!.field}`;
      const rule: CoverageRule = {
        kind: 'layer',
        name: names?.length ? `${layerName}: ${firstFew(names)}` : text === undefined ? layerName : `${layerName}: ${text}`,
        ...at,
        refs: [{ raw: techniqueID, ...(line === undefined ? {} : { line }), ...(at.path ? { path: at.path } : {}) }],
        level,
        levelReason,
      };
      if (names && names.length > 1) rule.names = names;
      // A TA ID with a name (`TA0002: Persistence`), which the repair read by the name, is kept as written: the review
      // reads its ID in the release (threatFromLayer).
      const asRead = inputEntries[repaired.entryOrigins[i] ?? i];
      const written = isJsonObject(asRead) && typeof asRead['tactic'] === 'string' && tacticIdAndName(asRead['tactic']) ? asRead['tactic'] : tactic;
      if (typeof written === 'string' && written !== '') rule.tactics = [written];
      if (text !== undefined) rule.comment = text;
      // What a threat entry's comment cites (a procedure's references): the gap report's "how it was used" names them.
      const cited = options.role === 'threat' ? entryLinks(entry['links']) : [];
      if (cited.length) rule.links = cited;
      rules.push(rule);
    });
    problems.push(...outsideScale(outside, [min, max, scaleText], { prefix: isArray ? `/${layerIndex}` : '', given: scale !== undefined, scaleOf }).map((message) => ({ file, ...(layerLine === undefined ? {} : { line: layerLine }), message: `${where}: ${message}`, skipped: false, ...(scale ? {} : { sumsUp: true }) })));
    // Past the layer's own gradient each entry is listed too, for the report: stderr shows the line above (`sumsUp`) alone.
    if (!scale) for (const { place, techniqueID, score, counted } of outside) problems.push({ ...place, message: `${techniqueID}: score ${score} is outside ${scaleText}; counted as ${counted}`, skipped: false, summarized: true });
    const input = coverageInput('layer', describeSource(source), 1, items, { rules, ignored, problems });
    input.layerName = layerName;
    if (visibility.length) input.visibility = visibility;
    // How the layer's scores read, over its entries of the review's domain: `otherDomain` (each technique ID of another
    // domain, with that domain) is known at review (recountedLayerNotes). A scale the user gave is the user's reading.
    const readingNotes = (otherDomain: ReadonlyMap<string, string>, reviewDomain?: string): string[] | undefined => {
      const kept = scored.filter(({ techniqueID }) => !otherDomain.has(techniqueID));
      const keptUnscored = unscored.filter((techniqueID) => !otherDomain.has(techniqueID));
      const aside = otherDomainAside([...scored.map(({ techniqueID }) => techniqueID), ...unscored], otherDomain, reviewDomain);
      let notes: string[] | undefined;
      const counts = scale || categories ? undefined : countNote(input.source, layerName, fields, [min, max, scaleText], kept, options.role ?? 'coverage', scaleOf);
      const note = scale
        ? undefined
        : categories
          ? categoryNote(input.source, layerName, categories, legendLabels(fields), kept, options.role ?? 'coverage', options.givenAs, scaleOf)
          : gradientNote(input.source, layerName, fields, [min, max, scaleText], kept, options.role ?? 'coverage', counts !== undefined, scaleOf);
      if (note) notes = [note + aside];
      else if (counts) notes = [counts + aside];
      const small = note || counts || scale || gradientEnds(fields) ? undefined : smallScoresNote(input.source, layerName, scaleText, kept, options.role ?? 'coverage', scaleOf);
      if (small) notes = [small + aside];
      const numbers = kept.length || options.role === 'threat' ? undefined : unreadNumbersNote(input.source, layerName, scaleText, techniques);
      if (numbers) notes = [numbers];
      const mixed = mixedWeightsNote(input.source, layerName, [min, max, scaleText], kept, keptUnscored);
      if (mixed) notes = [...(notes ?? []), mixed + aside];
      const notTested = notTestedNote(input.source, layerName, untested);
      if (notTested) notes = [...(notes ?? []), notTested];
      const order = colourOrderNote(input.source, layerName, fields, unscoredColours);
      if (order) notes = [...(notes ?? []), order];
      const colours = table
        ? dettectTableNote(input.source, layerName, table.kind, legend, legendRead, readByTable)
        : legendNote(input.source, layerName, legend, legendRead, unread, scaleOf, readByColour ? { count: readByColour, scaleText, ...(oneScore === undefined ? {} : { oneScore }) } : undefined);
      if (colours) notes = [...(notes ?? []), colours];
      const overlay = [...legend.values()].flat().some(({ label }) => /^visibility and detection$/i.test(label));
      const dettectNote = dettectMetadataNote(input.source, layerName, dettectRead, overlay);
      if (dettectNote) notes = [...(notes ?? []), dettectNote];
      // The notes' advice on what to give (`give gap --coverage the DeTT&CT file`) names it as the caller gives it.
      return notes?.map((said) => inGivenInputs(said, options.givenAs));
    };
    const notes = readingNotes(new Map());
    if (notes) input.notes = notes;
    const versions = fields['versions'];
    const attackVersion = isJsonObject(versions) && (typeof versions['attack'] === 'string' || typeof versions['attack'] === 'number') ? String(versions['attack']) : undefined;
    const hidesPreAttack = stagesHidingPreAttack(layer);
    const era = attackVersion ? undefined : filterRelease(layer);
    const holds = options.role === 'threat' ? heldObjects(fields['metadata']) : undefined;
    const layerInput: CoverageInput = {
      ...input,
      ...(holds ? { holds } : {}),
      ...(platforms.size ? { platforms: [...platforms] } : {}),
      ...(domain ? { domain } : {}),
      ...(unstatedIcs ? { unstatedIcs } : {}),
      ...(attackVersion ? { attackVersion } : {}),
      ...(hidesPreAttack ? { hidesPreAttack } : {}),
      ...(era ? { filterRelease: era } : {}),
    };
    readingNotesOf.set(layerInput, readingNotes);
    return layerInput;
  });
  if (domains.size > 1 && !options.mixedDomains) {
    const list = [...domains].map(([domain, places]) => `${domain} (${places.join(', ')})`).join('; ');
    throw new InputError(`${file}: its layers are of different ATT&CK domains: ${list}; give each domain's layers in a file of their own`, { file });
  }
  return inputs;
}

/** Each layer input's reading notes, recounted over the entries of a review's domain (recountedLayerNotes). */
const readingNotesOf = new WeakMap<CoverageInput, (otherDomain: ReadonlyMap<string, string>, reviewDomain: string) => string[] | undefined>();

/**
 * The notes on how a layer's scores read (counts, a gradient's minimum, small scores, unscored entries among scored
 * ones), counted over its entries of the review's domain alone: `otherDomain` maps each technique ID of another domain
 * the layer holds to that domain (Enterprise T1018 in DeTT&CT's Rapid7 Q1 2019 mobile layer, which counted among its
 * scored entries). Undefined when the input is no layer read here or holds no such ID: its notes stand.
 */
export function recountedLayerNotes(input: CoverageInput, otherDomain: ReadonlyMap<string, string>, reviewDomain: string): string[] | undefined {
  const recount = readingNotesOf.get(input);
  if (!recount || !input.rules.some((rule) => rule.refs.some((ref) => otherDomain.has(ref.raw)))) return undefined;
  return recount(otherDomain, reviewDomain);
}

/** What a note counting a layer's entries says of those of another domain: `; not counted: T1018, a technique of enterprise-attack, not of mobile-attack`. */
function otherDomainAside(techniqueIDs: readonly string[], otherDomain: ReadonlyMap<string, string>, reviewDomain: string | undefined): string {
  const leftOut = [...new Set(techniqueIDs.filter((id) => otherDomain.has(id)))];
  if (!leftOut.length) return '';
  const domains = [...new Set(leftOut.map((id) => otherDomain.get(id)!))];
  const of = `${leftOut.length === 1 ? 'a technique' : 'techniques'} of ${domains.join(' and ')}${reviewDomain ? `, not of ${reviewDomain}` : ''}`;
  return `; not counted among its entries: ${firstFew(leftOut)}, ${of} (listed as not resolved)`;
}

/**
 * One line for the entries of a layer scored above its scale, one for those below: how many, how they count, their
 * scores and the first few. Past a scale the user gave (counts on --scale 0,1) that is the user's reading, and the
 * first few are named by JSON path. Past the layer's own gradient it is likely not the author's (Navigator's Wizard
 * Spider sample scores 35 entries 2 on a gradient 0..1), so the line names the first few IDs and the scale that
 * reads every score, and each entry is listed in the report besides (the line `sumsUp` its entries' problems, each `summarized`).
 */
function outsideScale(
  outside: readonly (ScoredEntry & { at: number; counted: string })[],
  [min, max, scaleText]: [number, number, string],
  { prefix, given, scaleOf }: { prefix: string; given: boolean; scaleOf: ScaleOption },
): string[] {
  const scores = outside.map(({ score }) => score);
  const [low, high] = [Math.min(min, ...scores), Math.max(max, ...scores)];
  return (['above', 'below'] as const).flatMap((side) => {
    const these = outside.filter(({ level }) => (side === 'above' ? level === 1 : level === 0));
    if (!these.length) return [];
    const entries = these.length === 1 ? '1 entry scores' : `${these.length} entries score`;
    if (given) {
      const shown = firstFew(these.map(({ at, techniqueID, score }) => `${prefix}/techniques/${at} (${techniqueID} ${score})`));
      return [`${entries} ${side} ${scaleText}, counted as ${these[0]!.counted}: ${shown}`];
    }
    const [least, most] = [Math.min(...these.map(({ score }) => score)), Math.max(...these.map(({ score }) => score))];
    return [
      `${entries} ${least === most ? least : `${least} to ${most}`}, ${side} ${scaleText}, counted as ${these[0]!.counted}: ${firstFew(these.map(({ techniqueID }) => techniqueID))}; ` +
        `to read every score on its own level, review with ${scaleOf(low, high)} or give the layer the gradient ${low}..${high}`,
    ];
  });
}

/** The [min, max] a layer's scores are read on, and how to say where it came from. */
function layerScale(
  layer: Record<string, unknown>,
  scale: [number, number] | undefined,
  file: string,
  line: number | undefined,
): [number, number, string] {
  if (scale) return [scale[0], scale[1], `the given scale ${scale[0]}..${scale[1]}`];
  const ends = gradientEnds(layer);
  if (!ends) {
    const [min, max] = DEFAULT_LAYER_SCALE;
    return [min, max, `the default scale ${min}..${max} (no gradient)`];
  }
  const [minValue, maxValue] = ends;
  if (maxValue < minValue) {
    throw new InputError(
      `${file}${line ? `:${line}` : ''}: the layer's gradient has minValue ${minValue} and maxValue ${maxValue}; maxValue must be greater, or pass a scale`,
      { file, line },
    );
  }
  if (maxValue === minValue) return [minValue, maxValue, `the layer gradient ${minValue}..${maxValue} (a threshold: ${maxValue} or more is full, as Navigator paints it)`];
  return [minValue, maxValue, `the layer gradient ${minValue}..${maxValue}`];
}

/** A layer's gradient's minValue and maxValue, when it states both as numbers; else Navigator paints it on its default. */
function gradientEnds(layer: Record<string, unknown>): [number, number] | undefined {
  const { minValue, maxValue } = (layer['gradient'] as { minValue?: unknown; maxValue?: unknown } | undefined) ?? {};
  return typeof minValue === 'number' && typeof maxValue === 'number' ? [minValue, maxValue] : undefined;
}

/** The largest score a layer without gradient may hold for its scores to read as levels or counts rather than percentages. */
const SMALL_SCORE = 10;

/**
 * What a layer without a gradient must say when its scores are small whole numbers (at most 10, at least one above 0)
 * or fractions (every one from 0 to 1, some not whole). Navigator paints such a layer on its default 0..100, and so it
 * is read, but a tool that writes levels (1..3, DeTT&CT's 0..5), counts of reports or rules, or ratios (CIS-CAT's pass
 * ratio, 9/9 = 1.0) without a gradient likely meant the largest, or 1, as full: read on 0..100 a threat layer's
 * techniques all weigh 0.1 or less (a mobile layer scoring each technique used 1 weighs each 0.01, and a campaign's
 * technique counts 100 times as much), a coverage layer's rules count as 10 % or less (a ratio as 1 % at most). Not
 * re-read: a percentage of 5, or of 0.5, is a percentage; the note says how to give the scale. Undefined when the
 * scores are not such.
 */
/**
 * A threat layer that scores some entries and annotates others without a score (a colour-only group layer summed with
 * scored ones by `combine`): each unscored entry weighs 1, as much as the top of the gradient, so it ranks above the
 * scored entries below the top, whatever the scores meant. Said, with how many of each, since the ranking turns on it.
 */
function mixedWeightsNote(source: string, layerName: string, [, max, scaleText]: [number, number, string], scored: readonly ScoredEntry[], unscored: readonly string[]): string | undefined {
  const below = scored.filter(({ level }) => level < 1);
  if (!unscored.length || !below.length) return undefined;
  const name = layerLabel('threat', source, layerName);
  const entries = (count: number) => (count === 1 ? '1 entry' : `${count} entries`);
  return (
    `${name}: ${entries(unscored.length)} without a score but annotated (${firstFew(unscored)}) ${unscored.length === 1 ? 'weighs 1' : 'weigh 1 each'}, as a score of ${max}, the top of ${scaleText}, ` +
    `while ${below.length === scored.length ? `its ${entries(scored.length)} with a score` : `${below.length} of its ${entries(scored.length)} with a score`} ` +
    `weigh less (${firstFew(below.map(({ techniqueID, level }) => `${techniqueID} ${level}`))}), ` +
    `so the unscored rank above them; give the unscored entries the scores they mean (docs/gap.md)`
  );
}

/** Words that make a legend label a level or a rank, not a category (a number standing alone: "Level 1", not "FIN7"). */
const ORDER_WORDS = /\b\d|\b(?:none|no|low|lower|medium|moderate|high|higher|critical|severe|minor|major|minimal|partial|full|fully|strong|weak|good|poor|fair|excellent|basic|likely|unlikely|most|least|more|less)\b/i;

/**
 * The categories a threat layer's scores pick, by score: when its legend has two items or more, one for each colour
 * of its gradient (each a stop: min, then evenly up to max), none of their labels says a level or a rank, and every
 * scored entry scores one of those stops. ATT&CK Evaluations' Carbanak+FIN7 scope layer (attack-evals'
 * `CarbanakFin7_Navigator_layer.json`) paints 1 "Carbanak" blue, 2 "FIN7" red and 3 "Carbanak+FIN7" yellow on 1..3.
 * Undefined otherwise.
 */
function scoreCategories(layer: Record<string, unknown>, entries: readonly Record<string, unknown>[], min: number, max: number): Map<number, string> | undefined {
  const gradient = layer['gradient'];
  const legend = layer['legendItems'];
  if (min >= max || !isJsonObject(gradient) || !Array.isArray(gradient['colors']) || !Array.isArray(legend)) return undefined;
  const stops = gradient['colors'].map(paintedColour);
  if (stops.length < 2 || legend.length !== stops.length || new Set(stops).size !== stops.length) return undefined;
  const labels = new Map<string, string>();
  for (const item of legend) {
    const colour = isJsonObject(item) ? paintedColour(item['color']) : undefined;
    const label = isJsonObject(item) && typeof item['label'] === 'string' ? item['label'].trim() : '';
    if (!colour || !label || ORDER_WORDS.test(label) || labels.has(colour)) return undefined;
    labels.set(colour, label);
  }
  const categories = new Map<number, string>();
  for (const [k, colour] of stops.entries()) {
    const label = colour === undefined ? undefined : labels.get(colour);
    if (label === undefined) return undefined;
    categories.set(min + ((max - min) * k) / (stops.length - 1), label);
  }
  const scores = entries.filter((entry) => typeof entry['score'] === 'number' && entry['enabled'] !== false).map((entry) => entry['score'] as number);
  return scores.length && scores.every((score) => categories.has(score)) ? categories : undefined;
}

/**
 * What a layer whose scores pick legend categories (scoreCategories) is read as: as threat every scored entry weighs 1;
 * as coverage every scored entry is covered, the categories being no coverage levels (a layer of threat groups given as
 * coverage, or of the tools that cover each technique).
 */
function categoryNote(
  source: string,
  layerName: string,
  categories: ReadonlyMap<number, string>,
  labels: ReadonlyMap<string, string>,
  scored: readonly ScoredEntry[],
  role: 'threat' | 'coverage',
  givenAs: GivenAs | undefined,
  scaleOf: ScaleOption,
): string {
  // Navigator 5.1 shows an entry's own colour over its score's: one that is another category's colour is what the
  // analyst saw and meant (a pentest heat-map's T1485 scored 0 "Exploitée" but coloured grey, "Non testée").
  const names = new Set(categories.values());
  const category = (entry: ScoredEntry): string | undefined => {
    const shown = entry.colour === undefined ? undefined : labels.get(entry.colour);
    return shown !== undefined && names.has(shown) ? shown : categories.get(entry.score);
  };
  const recoloured = scored.filter((entry) => category(entry) !== categories.get(entry.score));
  const count = (label: string): number => scored.filter((entry) => category(entry) === label).length;
  const named = [...categories].map(([score, label]) => `${score} "${label}" (${count(label) === 1 ? '1 entry' : `${count(label)} entries`})`);
  const byColour = recoloured.length
    ? `; ${firstFew(recoloured.map((entry) => `${entry.techniqueID} scored ${entry.score} "${categories.get(entry.score)}" but coloured "${category(entry)}"`))}: ` +
      `counted by ${recoloured.length === 1 ? 'its colour, which Navigator 5.1 shows' : 'their colours, which Navigator 5.1 shows'} over the score's`
    : '';
  const picked = `${layerLabel(role, source, layerName)}: its scores pick the categories its legend names, each score a stop of its gradient painted that item's colour (${named.join(', ')}${byColour})`;
  if (role === 'coverage') {
    const scores = [...categories.keys()];
    return (
      `${picked}, no coverage levels: every scored entry is read as covered (100%); if the categories are threat groups or campaigns, ` +
      `review it as threat (${givenInput(givenAs, 'threat')}); if its scores are levels, review with ${scaleOf(0, Math.max(...scores))} (docs/gap.md)`
    );
  }
  return (
    `${picked}, an order the review does not read: every scored entry weighs 1; ` +
    'if a category means more threat than another, give its entries higher scores on a gradient of one order (docs/gap.md)'
  );
}

/** Whether a legend label says its techniques were not tested (`NOT_TESTED`), so that a threat entry shown in it weighs none. */
function saysNotTested(label: string): boolean {
  return NOT_TESTED.test(label);
}

/**
 * The legend category Navigator 5.1 shows a threat entry in: its own colour's label, which it paints over the score's,
 * else, when the scores pick categories (`scoreCategories`), its score's; undefined when neither says one.
 */
function shownCategory(entry: JsonObject, labels: ReadonlyMap<string, string>, categories: ReadonlyMap<number, string> | undefined): string | undefined {
  const own = paintedColour(entry['color']);
  const byColour = own === undefined ? undefined : labels.get(own);
  if (byColour !== undefined) return byColour;
  return typeof entry['score'] === 'number' ? categories?.get(entry['score']) : undefined;
}

/** What a threat layer's note says of its entries left out as not tested (`saysNotTested`), by category; undefined for none. */
function notTestedNote(source: string, layerName: string, untested: ReadonlyMap<string, readonly string[]>): string | undefined {
  if (!untested.size) return undefined;
  const each = [...untested].map(([label, ids]) => `${ids.length === 1 ? '1 entry' : `${ids.length} entries`} shown as "${label}" (${firstFew(ids)})`);
  return (
    `${layerLabel('threat', source, layerName)}: left out of the threat, ${each.join('; ')}: a category its legend gives techniques not tested, ` +
    'so no threat was seen there, whatever the score'
  );
}

/** A layer's legend labels by the colour each item paints (the first item of a colour), trimmed. */
function legendLabels(fields: Record<string, unknown>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const item of Array.isArray(fields['legendItems']) ? fields['legendItems'] : []) {
    const colour = isJsonObject(item) ? paintedColour(item['color']) : undefined;
    if (colour && typeof item['label'] === 'string' && item['label'].trim() && !labels.has(colour)) labels.set(colour, item['label'].trim());
  }
  return labels;
}

/**
 * What a threat layer must say when its unscored entries, each weighing 1, show two colours or more: a heatmap painted
 * by hand (CTID's insider-threat exfil_heat.json: red, orange and yellow, no score, no legend) ranks its techniques by
 * colour, an order the review cannot read (a colour is no level, a legend free text), so every one weighs the same.
 */
function colourOrderNote(source: string, layerName: string, fields: Record<string, unknown>, colours: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const colour of colours) counts.set(colour, (counts.get(colour) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const labels = legendLabels(fields);
  const name = layerLabel('threat', source, layerName);
  const painted = [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(([colour, count]) => `${colour}${labels.has(colour) ? ` "${labels.get(colour)}"` : ''} ${count === 1 ? '1 entry' : `${count} entries`}`);
  return (
    `${name}: its ${colours.length} entries coloured without a score weigh 1 each whatever their colour, and they have ${counts.size} colours ` +
    `(${painted.join(', ')}), an order the review does not read; if a colour means more threat than another, give its entries ` +
    'higher scores (docs/gap.md)'
  );
}

function smallScoresNote(
  source: string,
  layerName: string,
  scaleText: string,
  scored: readonly ScoredEntry[],
  role: 'threat' | 'coverage',
  scaleOf: ScaleOption,
): string | undefined {
  if (!scored.length || !scored.every(({ score }) => score >= 0)) return undefined;
  const largest = Math.max(...scored.map(({ score }) => score));
  const fractions = scored.filter(({ score }) => !Number.isInteger(score));
  if (fractions.length ? largest > 1 || largest === 0 : largest < 1 || largest > SMALL_SCORE) return undefined;
  const threat = role === 'threat';
  const name = layerLabel(role, source, layerName);
  const top = roundLevel(largest / DEFAULT_LAYER_SCALE[1]);
  const weigh = threat ? `weigh ${top} at most` : `count as ${percent(top)}% coverage at most`;
  if (fractions.length) {
    const shown = fractions.slice(0, 3).map(({ techniqueID, score }) => `${techniqueID} ${score}`).join(', ') + (fractions.length > 3 ? ', ...' : '');
    const advice = threat
      ? `if they are ratios or weights with 1 the most, review with ${scaleOf(0, 1)} (1 weighs 1) or give the layer the gradient 0..1; the review ranks gaps by these weights`
      : `if they are ratios with 1 as full coverage, review with ${scaleOf(0, 1)} (1 counts as 100%)`;
    return (
      `${name}: read on ${scaleText}, its ${scored.length} scored entries are between 0 and 1, ${fractions.length} of them fractions (${shown}), ` +
      `and ${weigh}; ${advice} (docs/gap.md)`
    );
  }
  const advice = threat
    ? `if they are levels or counts with ${largest} the most, review with ${scaleOf(0, largest)} (${largest} weighs 1) or give the layer the gradient 0..${largest}; the review ranks gaps by these weights`
    : `if they are levels or counts with ${largest} the most, review with ${scaleOf(0, largest)} (${largest} counts as 100%), or ${scaleOf(0, 1)} if a score of 1 means a rule exists`;
  return `${name}: read on ${scaleText}, its ${scored.length} scored entries are whole numbers up to ${largest} and ${weigh}; ${advice} (docs/gap.md)`;
}

/**
 * What a coverage layer that scores no entry must say when its entries hold numbers in fields Navigator does not read
 * (CTID's security-stack-mappings write `score_num`, 10, 50 or 100 for Minimal, Partial, Significant, and no `score`):
 * Navigator shows no score for them either, so nothing counts, but the numbers may be the coverage meant. Undefined
 * when no entry holds such a number.
 */
function unreadNumbersNote(source: string, layerName: string, scaleText: string, entries: readonly Record<string, unknown>[]): string | undefined {
  const numbers = new Map<string, Set<number>>();
  for (const entry of entries) {
    for (const [key, value] of Object.entries(entry)) {
      if (typeof value !== 'number' || TECHNIQUE_KEYS.includes(key)) continue;
      numbers.set(key, (numbers.get(key) ?? new Set()).add(value));
    }
  }
  if (!numbers.size) return undefined;
  const name = layerLabel('coverage', source, layerName);
  const fields = [...numbers].map(([key, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${key} (${sorted.slice(0, 4).join(', ')}${sorted.length > 4 ? ', …' : ''})`;
  });
  return (
    `${name}: none of its entries has a score, and they hold numbers in ${fields.join(', ')}, ${fields.length === 1 ? 'a field' : 'fields'} Navigator does not read: ` +
    `if that is their coverage, copy it into score (read on ${scaleText}) to count it (docs/gap.md)`
  );
}

/** What one legend item says of coverage: a level, or (`level` undefined) why it says none. */
interface LegendItemLevel {
  label: string;
  colour: string;
  level?: number;
  why?: string;
  /** The DeTT&CT visibility score the label names (`Visibility score 4: Excellent`): visibility, no level. */
  visibility?: number;
  /** How a label that says a test and no level was read by its place in the legend (byLegendPlace), for the note. */
  byPlace?: string;
}

/**
 * Words of a legend label that say how well a technique is detected, with the level each says on its own. Detected,
 * covered, full; the purple-team outcomes an alert fired (Alerted) or the technique was stopped (Blocked, Prevented)
 * are 100 %: purple-team tools count both as detected (PurpleKit's analytics: detection rate = blocked + alerted;
 * a BAS playbook's BLOCKED "prevents execution", ALERTED "fires an alert"). Logged, Telemetry, Visible are partial,
 * 50 % as "Partial" is (the generators that write such legends score it 50 beside the colour): the activity is
 * recorded and nothing alerts ("a log record exists but no alert was generated (requires hunting to find)"), which
 * those tools count as visibility, not detection, and MITRE's ATT&CK Evaluations as a detection of the least context.
 *
 * Each word also in the languages published layers label their legends in beside English: French, Spanish,
 * Portuguese, German (heraclescap/soc-lab-detection-engineering's navigator-layer.json: "Couvert — règle KQL/EQL
 * déclenchée"; a PurpleForge export: "Détecté", "Non détecté"; a NetGuard IDS export: "Detectado (alto)").
 */
const LEVEL_WORDS: ReadonlyArray<readonly [pattern: RegExp, level: number, kind: 'detection' | 'prevention']> = [
  [
    wholeWords(
      'detect(s|ed|ions?)?', 'cover(s|ed|age)?', 'alert(s|ed)?',
      // Participles only where the verb's present differs by an accent ("détecte" says how to detect, as "detects").
      'd[ée]tect(é|ée|és|ées)', 'd[ée]tections?', 'couvert(e|es|s)?', 'couverture', 'alert(é|ée|és|ées)', 'alertes?',
      'detectad[oa]s?', 'detetad[oa]s?', 'detecci[óo]n(es)?', 'dete[cç]?[çc][ãa]o', 'cubiert[oa]s?', 'cobert[oa]s?', 'cobertura', 'alertad[oa]s?',
      'erkannt', 'erkennung(en)?', 'entdeckt', 'detektiert', 'abgedeckt', 'abdeckung', 'alarmiert',
    ),
    1,
    'detection',
  ],
  [
    wholeWords(
      'block(s|ed)?', 'prevent(s|ed|ion)?',
      'bloqu[ée]e?s?', 'emp[êe]ch[ée]e?s?', 'pr[ée]venu', 'pr[ée]vention',
      'bloquead[oa]s?', 'prevenid[oa]s?', 'prevenci[óo]n', 'preven[çc][ãa]o',
      'blockiert', 'verhindert',
    ),
    1,
    'prevention',
  ],
  [
    wholeWords(
      'log(s|ged)?', 'telemetry', 'visib(le|ility)',
      'journalis[ée]e?s?', 't[ée]l[ée]m[ée]trie', 'visibilit[ée]',
      'registrad[oa]s?', 'telemetr[íi]a', 'visibilidade?',
      'protokolliert', 'telemetrie', 'sichtbar(keit)?',
    ),
    0.5,
    'detection',
  ],
];

/**
 * Degree words: beside a word of LEVEL_WORDS they say the level ("Mostly detected" 75 %, "Low coverage" 25 %: the
 * middle of the half between partial and full, or none and partial); alone only "Full" (100 %) and "Partial" (50 %)
 * do. Alone, "High" or "Low" may as well rate a risk or a priority: no level. In the languages of LEVEL_WORDS too.
 */
const DEGREES: ReadonlyArray<readonly [pattern: RegExp, level: number]> = [
  [wholeWords('full(y)?', 'complete(ly)?', 'excellent', 'compl[eè]te?(ment)?', 'complet[oa]', 'vollst[äa]ndig'), 1],
  [
    wholeWords(
      'high(ly)?', 'good', 'strong', 'most(ly)?', 'significant(ly)?', 'substantial(ly)?', 'extensive(ly)?',
      '[ée]lev[ée]e?', 'haute?', 'bonne?', 'alt[oa]', 'buen[oa]', 'bo[am]', 'hoch', 'gut',
    ),
    0.75,
  ],
  [wholeWords('partial(ly)?', 'medium', 'moderate(ly)?', 'some', 'fair', 'partiel(le)?s?', 'partiellement', 'parcial(es)?', 'parcialmente', 'teilweise'), 0.5],
  [
    wholeWords(
      'low', 'minimal(ly)?', 'limited', 'poor(ly)?', 'weak(ly)?', 'basic', 'little', 'few', 'slight(ly)?',
      'faible', 'basse?', 'limit[ée]e?', 'baj[oa]', 'baix[oa]', 'limitad[oa]', 'niedrig', 'gering', 'begrenzt',
    ),
    0.25,
  ],
];

/** A pattern of any of the words, any case, whole: no letter or digit beside it (`\b` takes "é" for a word's end). */
function wholeWords(...words: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.join('|')})(?![\\p{L}\\p{N}_])`, 'iu');
}

/** A label of DeTT&CT's visibility scoring table (`Visibility score 4: Excellent`). */
const DETTECT_VISIBILITY_LABEL = /^visibility score ([0-4]):\s*\S/i;

/**
 * A label that says something was not tested or does not apply: no coverage level, and no threat seen, whatever else it
 * says; in the languages of the layers found that write one: English ("Not tested", a purple-team coverage API's layer;
 * "Untested", ThreatScope's and a detection-run layer builder's; "Not applicable", "N/A") and French ("Non testée", a
 * pentest heat-map's grey, whose method reads "Hors scope → GRIS (non testée)" and "Non applicable (techno absente) →
 * GRIS avec mention N/A"). Whole words: "Tested, not detected" is tested.
 */
const NOT_TESTED = wholeWords(
  '(not|un)[- ]?(tested|run|executed|assessed|evaluated)',
  'not applicable',
  'n/a',
  'non[- ]?test[ée](e|s|es)?',
  'non[- ]?applicable',
  'hors (scope|p[ée]rim[èe]tre)',
);
/**
 * A clause that says there is no detection: with a word of LEVEL_WORDS negated ("No Detection", "Undetected",
 * "Non détecté", "Nicht erkannt"), or alone; in the languages of LEVEL_WORDS.
 */
const NEGATION = wholeWords('no', 'not', 'non', 'without', 'never', 'pas', 'sans', 'aucun(e)?', 'jamais', 'sin', 'ning[uú]n[oa]?', 'nunca', 'n[ãa]o', 'sem', 'nenhum(a)?', 'nicht', 'kein(e|en)?', 'ohne', 'nie');
const NONE_WORDS = wholeWords('gaps?', 'miss(ed|ing)?', 'none', 'lacunes?', 'manquant(e|es|s)?', 'brechas?', 'lacunas?', 'l[üu]cken?', 'fehlend');
/**
 * A heading: a noun of coverage naming what a layer covers ("Coverage for Human Operated Ransomware Techniques", a
 * Sentinel SOC-optimization layer's one legend item, its title; "Detection coverage of Windows techniques";
 * "Couverture des techniques"), with no degree or negation that would make it a level ("Full coverage of endpoints").
 */
const COVERAGE_NOUNS = wholeWords('coverage', 'detections?', 'couverture', 'd[ée]tections?', 'cobertura', 'detecci[óo]n(es)?', 'abdeckung', 'erkennung(en)?');
const HEADING = new RegExp(`${COVERAGE_NOUNS.source}\\s+(?:for|of|against|across|over|pour|de|des|du|para|contra|für|gegen|von)\\s+\\p{L}`, 'iu');
/** Statuses of a test plan: beside them, "Blocked" is a test that could not run (PurpleKit counts a blocked test as untested). */
const PLAN_STATUSES = /\b(planned|scheduled|pending|executing|running|in progress|completed|done|to ?do|on hold)\b/i;

/**
 * The coverage level a legend label says, or why it says none. The label's parts separated by `;` (combine's item
 * for a colour two legends label differently: `Not Detected ("run 1"); Detected ("Red Team Assessment")`) must agree;
 * what is in parentheses (layer names) is left out. In a part, each clause (separated by commas, "/" or "but") is
 * read alone: a negated word of LEVEL_WORDS, a gap, "Missed" or "None" says 0 %, a negated "Blocked" alone nothing
 * (a technique not stopped may be detected); otherwise its words and degree say a level (LEVEL_WORDS, DEGREES). The
 * part says the highest level a clause says ("Logged, not alerted" 50 %), else 0 % if a clause says none
 * ("Executed, no detection"), else nothing. `planLegend`: the legend has a test plan's statuses ("Planned",
 * "Completed"), so "Blocked" is one of them and says nothing.
 */
function legendLabelLevel(label: string, planLegend = false): { level: number } | { why: string; visibility?: number } {
  // DeTT&CT's detection layers label each colour with its scoring table ("Detection score 0: Forensics/Context" …
  // "Detection score 5: Excellent"), and generators copy that legend: the score says the level, as in its files
  // (read by words, score 0 said "Detection", 100 %, and scores 3 and 4 both "good", 75 %). Its group overlay layers
  // write the same table after what the colour marks ("Tech. in detection, score 3: Good", "Tech. in group/campaign
  // + detection score 0: Forensics/Context"; navigator_layer.py's get_layer_template_groups).
  const dettect = /\bdetection,? score (-1|[0-5])\s*:/i.exec(label);
  if (dettect) return { level: Number(dettect[1]) < 0 ? 0 : dettectDetectionLevel(Number(dettect[1])) };
  // Its visibility layers label theirs "Visibility score 1: Minimal" … "4: Excellent": log data, no detection, so no
  // level; the score is reported beside the technique, as a DeTT&CT file's visibility is.
  const visibility = DETTECT_VISIBILITY_LABEL.exec(label);
  if (visibility) {
    const score = Number(visibility[1]);
    return { why: `is DeTT&CT's visibility score ${score} (${DETTECT_VISIBILITY_SCORES[score]}): log data, no detection`, ...(score > 0 ? { visibility: score } : {}) };
  }
  const parts = label.split(/;\s*/).map((part) => labelPartLevel(part.replace(/\([^()]*\)/g, ' '), planLegend));
  const levels = new Set(parts.map((part) => ('level' in part ? part.level : undefined)));
  if (levels.size > 1) return { why: 'says different levels in its parts' };
  return parts[0]!;
}

function labelPartLevel(part: string, planLegend: boolean): { level: number } | { why: string } {
  if (NOT_TESTED.test(part)) return { why: 'says not tested, no coverage level' };
  const positive: number[] = [];
  let none = false;
  let why: string | undefined;
  // "Undetected", "unblocked": the negation the words' own boundaries would hide.
  for (const clause of part.replace(/\bun(?=detect|cover|alert|log|block|prevent)/gi, 'not ').split(/[,/]|\bbut\b/i)) {
    const degree = DEGREES.find(([pattern]) => pattern.test(clause));
    // A heading's noun names a topic, no level: what else the clause says is read.
    const heading = !degree && !NEGATION.test(clause) && HEADING.test(clause);
    const said = heading ? clause.replace(new RegExp(COVERAGE_NOUNS.source, 'giu'), ' ') : clause;
    const words = LEVEL_WORDS.filter(([pattern, , kind]) => pattern.test(said) && !(planLegend && kind === 'prevention'));
    if (heading && !words.length) {
      why ??= `is a heading ("${clause.trim()}"), naming what the layer covers, no coverage level`;
      continue;
    }
    // What else a clause with a degree and no word of LEVEL_WORDS names: CTID's security-stack-mappings label their
    // colours "Protect - Partial", "Respond - Significant", where the degree rates a protection or a response.
    const other = degree ? clause.replace(degree[0], ' ').replace(/[^\p{L}]+/gu, ' ').trim() : '';
    if (NONE_WORDS.test(clause) || (NEGATION.test(clause) && words.some(([, , kind]) => kind === 'detection'))) none = true;
    else if (NEGATION.test(clause) && words.length) why ??= `says "${clause.trim()}" (a technique not stopped may still be detected), no coverage level`;
    // A degree rates how much of what the word says, never more: "Excellent visibility" (DeTT&CT's "Visibility score
    // 4: Excellent") is logged well, 50 %, no detection.
    else if (words.length) positive.push(Math.min(degree ? degree[1] : 1, Math.max(...words.map(([, level]) => level))));
    else if (degree && other && !NEGATION.test(clause)) why ??= `says a degree of "${other}" ("${clause.trim()}"), no detection, no coverage level`;
    else if (degree && degree[1] !== 1 && degree[1] !== 0.5) why ??= `says a degree ("${clause.trim()}") of nothing it names, no coverage level`;
    else if (degree && !NEGATION.test(clause)) positive.push(degree[1]);
    else if (planLegend && LEVEL_WORDS.some(([pattern, , kind]) => kind === 'prevention' && pattern.test(clause))) {
      why ??= `says "${clause.trim()}", a status of a test plan (its legend has planned or completed tests), no coverage level`;
    }
  }
  if (positive.length) return { level: Math.max(...positive) };
  if (none) return { level: 0 };
  return { why: why ?? 'says no coverage level' };
}

/** A layer's legend items by the colour they name (painted: case, spaces, opaque alpha aside), each read by legendLabelLevel. */
function legendLevels(layer: Record<string, unknown>): Map<string, LegendItemLevel[]> {
  const byColour = new Map<string, LegendItemLevel[]>();
  const items = (Array.isArray(layer['legendItems']) ? layer['legendItems'] : []).filter(
    (item): item is { label: string; color: unknown } => isJsonObject(item) && typeof item['label'] === 'string',
  );
  const planLegend = items.some(({ label }) => PLAN_STATUSES.test(label.replace(/\([^()]*\)/g, ' ')));
  // A label that is the layer's name is its title, whatever words it holds ("Detection Coverage").
  const title = typeof layer['name'] === 'string' ? layer['name'].trim().toLowerCase() : undefined;
  const read: LegendItemLevel[] = [];
  for (const item of items) {
    const colour = paintedColour(item.color);
    if (!colour) continue;
    const label = item.label.trim();
    const isTitle = label.toLowerCase() === title;
    read.push({ label, colour, ...(isTitle ? { why: "is the layer's name, its title, no coverage level" } : legendLabelLevel(label, planLegend)) });
  }
  if (!planLegend) byLegendPlace(read, layer['gradient']);
  for (const item of read) byColour.set(item.colour, [...(byColour.get(item.colour) ?? []), item]);
  return byColour;
}

/**
 * A label that says a technique was tested or validated, and nothing of how well it is detected ("Tested
 * (lab-validated)"), or a rule's maturity ("Experimental (pending test)"): no level by its words, one by its place.
 */
const TESTED = /\b(tested|validated|verified|confirmed)\b/i;
const MATURITY = /\b(experimental|stable|production|deployed)\b/i;

/**
 * Read a legend's items that say a test or a rule's maturity and no level by the layer's gradient, where each item's
 * colour is one of its stops (no stop twice) and the items whose words say a level (one at least) sit on the gradient
 * where their levels are, within a quarter: the stop's place is the level Navigator paints there. An ICS rule-coverage generator ("OT Sentinel",
 * generate_navigator_layer.py) paints a tested rule's technique green, "Tested (lab-validated)", an experimental
 * rule's orange, "Experimental (pending test)", and an uncovered one grey, "No coverage", on the gradient grey,
 * orange, green: 100 %, 50 %, 0 %.
 */
function byGradientStop(items: LegendItemLevel[], gradient: unknown): void {
  const stops = isJsonObject(gradient) && Array.isArray(gradient['colors']) ? gradient['colors'].map(paintedColour) : [];
  if (stops.length < 2 || stops.some((stop) => !stop) || new Set(stops).size !== stops.length) return;
  const place = (item: LegendItemLevel): number | undefined => {
    const at = stops.indexOf(item.colour);
    return at === -1 ? undefined : at / (stops.length - 1);
  };
  // At least one item's words say a level, each within a quarter of its stop's: the gradient reads as the legend's words do.
  const worded = items.filter((item) => item.level !== undefined && place(item) !== undefined);
  if (!worded.length || worded.some((item) => Math.abs(item.level! - place(item)!) > 0.25)) return;
  for (const item of items) {
    const words = item.label.replace(/[()]/g, ' ');
    const at = place(item);
    if (at === undefined || item.level !== undefined || item.visibility !== undefined || NOT_TESTED.test(words) || NEGATION.test(words)) continue;
    const said = (TESTED.exec(words) ?? MATURITY.exec(words))?.[0].toLowerCase();
    if (!said) continue;
    item.level = at;
    item.byPlace = `its colour the gradient's stop ${stops.indexOf(item.colour) + 1} of ${stops.length}; "${said}" says no level by itself`;
    delete item.why;
  }
}

/**
 * Read a legend's items that say a test and no level ("Tested (lab-validated)") by their place in it, where it says
 * one: a legend whose items that say a level run from the most covered to the least (or the other way) and that lists
 * the tested item before them all (after them all) puts it at its top, 100 %: "Tested (lab-validated)" above "Partially
 * covered" (50 %) and "Not covered" (0 %). Elsewhere (between two levels, or in a legend whose levels are in no order)
 * it stays unread, its reason saying why. A test plan's legend ("Planned", "Completed") is not read so: there "Tested"
 * is a status.
 */
function byLegendPlace(items: LegendItemLevel[], gradient: unknown): void {
  byGradientStop(items, gradient);
  const levelled = items.flatMap((item, at) => (item.level === undefined ? [] : [{ item, at }]));
  if (!levelled.length) return;
  const levels = levelled.map(({ item }) => item.level!);
  const descending = levels.every((level, i) => i === 0 || level <= levels[i - 1]!);
  const ascending = levels.every((level, i) => i === 0 || level >= levels[i - 1]!);
  const first = levelled[0]!;
  const last = levelled[levelled.length - 1]!;
  for (const [at, item] of items.entries()) {
    const words = item.label.replace(/[()]/g, ' ');
    if (item.level !== undefined || item.visibility !== undefined || !TESTED.test(words) || NOT_TESTED.test(words) || NEGATION.test(words)) continue;
    // Ordered by the legend only where the words say the order: a test beside no level is read by the gradient alone.
    if (item.byPlace) continue;
    const said = TESTED.exec(words)![0].toLowerCase();
    const top = descending && at < first.at ? first : ascending && at > last.at ? last : undefined;
    if (top && new Set(levels).size > 1) {
      item.level = 1;
      item.byPlace = `the top of its legend, ${at < first.at ? 'above' : 'below'} "${top.item.label}" (${percent(top.item.level!)}%), the legend ordered by level; "${said}" says no level by itself`;
      delete item.why;
    } else {
      const others = levelled.map(({ item: other }) => `"${other.label}" ${percent(other.level!)}%`).join(', ');
      const place = new Set(levels).size > 1 ? `it is not at the end of the legend's levels in their order (${others})` : `the legend's other items say one level (${others}), no order to place it by`;
      item.why = `says "${said}", which is no coverage level by itself, and its place in the legend does not say one: ${place}`;
    }
  }
}

/**
 * Whether a comment says a state, as a legend label does ("Detected by Wazuh PowerShell monitoring", "Not detected in
 * the last run", "Executed, no detection"), rather than how to detect: ATT&CK's detection strategies and analytics,
 * which layers copy into comments as what to build, use a word of detection as a topic. There a verb takes an object
 * ("Detects suspicious access to…", "Detect Abuse of…"), or a noun stands without the degree or negation that makes
 * it a state ("Detection Strategy for…", "Beaconing Detection", against "Full detection", "No detection"); and their
 * prose runs longer than a label (STATE_WORDS).
 */
function saysState(comment: string): boolean {
  if (comment.split(/\s+/).length > STATE_WORDS || DETECT_VERBS.test(comment)) return false;
  for (const [, before] of comment.matchAll(new RegExp(`(?:(\\S+)\\s+)?${DETECTION_NOUNS.source}`, 'giu'))) {
    if (!before || !(NEGATION.test(before) || DEGREES.some(([pattern]) => pattern.test(before)))) return false;
  }
  return true;
}
/** A verb that says how to detect ("Detects…", "Détecte…", "Detecta…", "Erkennt…"), in the languages of LEVEL_WORDS. */
const DETECT_VERBS = wholeWords('detect(s|ing)?', 'd[ée]tecte(nt|r)?', 'detecta(n|r)?', 'dete[ct]ta(m|r)?', 'erkennt', 'erkennen');
/** A noun of detection, a topic unless a negation or a degree stands before it, in the languages of LEVEL_WORDS. */
const DETECTION_NOUNS = wholeWords('detections?', 'alerts?', 'alerting', 'd[ée]tections?', 'alertes?', 'detecci[óo]n(es)?', 'dete[cç]?[çc][ãa]o', 'erkennung(en)?', 'alarme?');
/** The most words a comment read as a state may have (CyberBlue's "Detected by Suricata and Wazuh SSH monitoring" has 7). */
const STATE_WORDS = 10;

/**
 * A colour-only coverage entry read through its layer's legend: the level its colour's item says, or why it is ignored
 * (no colour; a colour in no item; an item that says no level; items of that colour that say different levels; a
 * comment, read as a label is, that says detected where the item says none, or the other way round).
 */
function byLegend(
  legend: ReadonlyMap<string, LegendItemLevel[]>,
  color: unknown,
  comment: unknown,
): { level: number; reason: string; item: LegendItemLevel } | { visibility: number; item: LegendItemLevel } | { ignored: string } {
  const colour = paintedColour(color);
  if (!colour) return { ignored: 'no score' };
  const items = legend.get(colour);
  if (!items) return { ignored: `no score, and its colour ${colour} is in no legend item` };
  const levels = new Set(items.map((item) => item.level));
  const item = items[0]!;
  if (levels.size > 1) return { ignored: `no score, and the legend items of its colour ${colour} (${items.map(({ label }) => `"${label}"`).join(', ')}) say different things` };
  const visibilities = new Set(items.map((other) => other.visibility));
  if (item.visibility !== undefined && visibilities.size === 1) return { visibility: item.visibility, item };
  if (item.level === undefined) return { ignored: `no score, and the legend item of its colour ${colour}, "${item.label}", ${item.why}` };
  // CyberBlue's T1059.001 is red, "No Detection", with the comment "Detected by Wazuh PowerShell monitoring": one of
  // the two is wrong, and nothing tells which. Only a plain contradiction counts (detected against none); a comment
  // that says less ("Sysmon process access, no rule", "logged") is a detail, not a contradiction.
  const said = typeof comment === 'string' && comment.trim() !== '' && saysState(comment.trim()) ? legendLabelLevel(comment.trim()) : undefined;
  if (said && 'level' in said && ((said.level === 1 && item.level === 0) || (said.level === 0 && item.level === 1))) {
    const says = (level: number): string => (level === 0 ? 'not detected' : 'detected');
    return {
      ignored:
        `no score, and its comment ("${comment as string}") says ${says(said.level)} where the legend item of its colour ${colour}, "${item.label}", ` +
        `says ${says(item.level)}; which holds is not guessed: make the colour or the comment say what is true`,
    };
  }
  return { level: item.level, reason: `no score; colour ${colour}, legend "${item.label}" -> ${item.level}`, item };
}

/**
 * What a coverage layer read through its legend must say: each legend item read and as what, with how many entries
 * it gave, and the entries the legend could not read, by why. When no item says a level, that the legend cannot be
 * read. Undefined for a layer without colour-only entries or without a legend.
 */
function legendNote(
  source: string,
  layerName: string,
  legend: ReadonlyMap<string, LegendItemLevel[]>,
  read: ReadonlyMap<LegendItemLevel, number>,
  unread: ReadonlyMap<string, string[]>,
  scaleOf: ScaleOption,
  byColour?: { count: number; scaleText: string; oneScore?: number },
): string | undefined {
  if (!read.size && !unread.size) return undefined;
  const name = layerLabel('coverage', source, layerName);
  const notRead = [...unread].map(([why, ids]) => `${ids.length} ${ids.length === 1 ? 'entry' : 'entries'} ignored (${firstFew(ids)}): ${why.replace(/^no score, and /, '')}`);
  const entries = [...read.values()].reduce((a, b) => a + b, 0) + [...unread.values()].reduce((a, b) => a + b.length, 0);
  const items = [...legend.values()].flat();
  if (!items.some((item) => item.level !== undefined || item.visibility !== undefined)) {
    return (
      `${name}: its ${entries} ${entries === 1 ? 'entry has' : 'entries have'} a colour and no score, and its legend says no coverage level ` +
      `(${items.map(({ label, colour }) => `"${label}" ${colour}`).join(', ')}), so none counts; give each covered entry a score on its gradient, ` +
      'or label its legend items with what they detect: "Detected", "Partial", "Not detected" (docs/gap.md)'
    );
  }
  const readings = items
    .filter((item) => item.level !== undefined || (item.visibility !== undefined && read.has(item)))
    .map(
      (item) =>
        `"${item.label}" (${item.colour}) as ${item.level === undefined ? `visibility ${item.visibility}, not coverage` : `${percent(item.level)}%`}` +
        `${item.byPlace ? `, ${item.byPlace}` : ''}` +
        `${read.has(item) ? ` (${read.get(item)} ${read.get(item) === 1 ? 'entry' : 'entries'})` : ''}`,
    );
  if (byColour) {
    const colourOnly = entries - byColour.count;
    const scored = `${byColour.count} scored ${byColour.count === 1 ? 'entry' : 'entries'}${colourOnly ? ` and ${colourOnly} with a colour and no score` : ''}`;
    const why =
      byColour.oneScore === undefined
        ? `${byColour.scaleText} has one colour, so Navigator shows no level in its scores but each entry's own colour`
        : `every scored entry scores ${byColour.oneScore}, which says no level, and Navigator shows each entry's own colour over the gradient's`;
    return (
      `${name}: ${why}: ` +
      `${scored} read by that colour through its legend, ${readings.join(', ')}${notRead.length ? `; ${notRead.join('; ')}` : ''}; ` +
      `if the scores are the coverage meant, review with ${scaleOf(0, 'N')}, N the score of full coverage (docs/gap.md)`
    );
  }
  // DeTT&CT's visibility-and-detection overlay (navigator_layer.py's get_layer_template_layered) colours a kind: both
  // (its "Visibility and detection" item), detection alone (the colour of "Detection score 3"), visibility alone (of
  // "Visibility score 3"), whatever the scores; its entries' metadata give the scores (dettectMetadataScores).
  const overlay = read.size > 0 && items.some(({ label }) => /^visibility and detection$/i.test(label));
  const advice = overlay
    ? "; its legend is DeTT&CT's visibility-and-detection overlay, whose colours say which of visibility and detection a technique has, not a score, " +
      'so these levels are approximate: give gap --coverage the DeTT&CT technique administration file the layer was made from, whose scores are read'
    : '; if the legend means otherwise, give the entries scores';
  // A legend that read no entry says how it reads, not that the entries were read so: a Sentinel SOC-optimization
  // layer paints its techniques #5df542 and gives its legend item #ff0000.
  const how = read.size ? `read through its legend, ${readings.join(', ')}` : `its legend reads none of them (it reads ${readings.join(', ')})`;
  return (
    `${name}: its ${entries} ${entries === 1 ? 'entry has' : 'entries have'} a colour and no score: ${how}` +
    `${notRead.length ? `; ${notRead.join('; ')}` : ''}${advice} (docs/gap.md)`
  );
}

/** A label of DeTT&CT's detection or visibility scoring table, as its layers write their legends (`Visibility score 4: Excellent`). */
const DETTECT_TABLE_LABEL = /^(detection|visibility) score (-?\d):\s*\S/i;

/**
 * The scoring table a layer's legend is, when every item is a label of DeTT&CT's detection table or every one of its
 * visibility table (navigator_layer.py's get_layer_template_detections and get_layer_template_visibility), and every
 * scored entry's score is one the table labels: DeTT&CT writes each entry's detection or visibility score as its score
 * and paints it that score's colour. Its layers of format 4.3 and later put them on a gradient grey at both ends,
 * 0..10000; those of format 4.2 and before write no gradient, so Navigator's 0..100 would read visibility 4 as 4 %. Undefined otherwise.
 */
function dettectScoreTable(
  legend: ReadonlyMap<string, LegendItemLevel[]>,
  entries: readonly Record<string, unknown>[],
): { kind: 'detection' | 'visibility'; items: Map<number, LegendItemLevel> } | undefined {
  const labels = [...legend.values()].flat().map((item) => ({ item, match: DETTECT_TABLE_LABEL.exec(item.label) }));
  if (!labels.length || labels.some(({ match }) => !match)) return undefined;
  const kinds = new Set(labels.map(({ match }) => match![1]!.toLowerCase()));
  if (kinds.size !== 1) return undefined;
  // A detection table's items say levels; a visibility table's say visibility scores, no level.
  if (labels.some(({ item }) => (kinds.has('detection') ? item.level : item.visibility) === undefined)) return undefined;
  const items = new Map(labels.map(({ item, match }) => [Number(match![2]), item]));
  const scores = entries.filter((entry) => typeof entry['score'] === 'number' && entry['enabled'] !== false).map((entry) => entry['score'] as number);
  if (!scores.length || !scores.every((score) => items.has(score))) return undefined;
  return { kind: [...kinds][0] as 'detection' | 'visibility', items };
}

/**
 * What a layer whose legend is DeTT&CT's scoring table (dettectScoreTable) must say: its scored entries are read by
 * their DeTT&CT scores as the table labels them, how many each, and, for visibility, that it rates log data, not detection.
 */
function dettectTableNote(
  source: string,
  layerName: string,
  kind: 'detection' | 'visibility',
  legend: ReadonlyMap<string, LegendItemLevel[]>,
  read: ReadonlyMap<LegendItemLevel, number>,
  count: number,
): string | undefined {
  if (!count) return undefined;
  const name = layerLabel('coverage', source, layerName);
  const entries = (item: LegendItemLevel): string => `${read.get(item)} ${read.get(item) === 1 ? 'entry' : 'entries'}`;
  const readings = [...legend.values()]
    .flat()
    .filter((item) => read.has(item))
    .map((item) => (kind === 'detection' ? `"${item.label}" as ${percent(item.level!)}% (${entries(item)})` : `"${item.label}" (${entries(item)})`));
  const what =
    kind === 'detection'
      ? 'a detection score counts as score / 5, as a DeTT&CT file is read'
      : 'a visibility score rates the log data a technique leaves, which makes a detection possible, not one: none counts as coverage, ' +
        'each is reported beside its technique (visible, no detection), as a DeTT&CT file\'s visibility is; for detection coverage give gap --coverage ' +
        'the DeTT&CT technique administration file, or its detection layer beside this one';
  return (
    `${name}: its legend is DeTT&CT's ${kind} scoring table, so its ${count} scored ${count === 1 ? 'entry is' : 'entries are'} read by ${count === 1 ? 'its' : 'their'} DeTT&CT ${kind} ` +
    `${count === 1 ? 'score' : 'scores'}, whatever the gradient: ${readings.join(', ')}; ${what} (docs/gap.md)`
  );
}

/**
 * The DeTT&CT scores an entry's metadata gives, as DeTT&CT writes its layers: an item `-Detection score` per detection
 * object and `-Visibility score` per visibility object (technique_mapping.py), or one `Detection score` and
 * `Visibility score` for the technique (navigator_layer.py's add_metadata_technique_object). `detection` is the highest
 * detection score from 0 (DeTT&CT scores a technique by its best detection object), undefined when only -1 ("none") or
 * visibility scores are given; `visibility` the highest visibility score above 0 (none), undefined when there is none.
 * Undefined when the metadata gives no such score.
 */
function dettectMetadataScores(metadata: unknown): { detection?: number; visibility?: number } | undefined {
  if (!Array.isArray(metadata)) return undefined;
  const scores = (kind: string): number[] =>
    metadata
      .filter((item) => isJsonObject(item) && typeof item['name'] === 'string' && new RegExp(`^-?${kind} score$`, 'i').test(item['name'].trim()))
      .flatMap((item) => [...String((item as Record<string, unknown>)['value']).matchAll(/-?\d+/g)].map(([n]) => Number(n)))
      .filter((n) => Number.isInteger(n) && n >= -1 && n <= 5);
  const detection = scores('detection');
  const visibility = scores('visibility').filter((n) => n <= 4);
  if (!detection.length && !visibility.length) return undefined;
  const best = Math.max(-1, ...detection);
  const seen = Math.max(0, ...visibility);
  return { ...(best >= 0 ? { detection: best } : {}), ...(seen > 0 ? { visibility: seen } : {}) };
}

/**
 * What a layer must say of its entries read by the DeTT&CT scores of their metadata (dettectMetadataScores): how many,
 * their levels, and those ignored as visibility alone; their colour (DeTT&CT's overlay, `overlay`: visibility, detection
 * or both) was not read. Undefined when no entry was read so.
 */
function dettectMetadataNote(source: string, layerName: string, read: readonly { techniqueID: string; score?: number; level?: number; visibility?: number }[], overlay: boolean): string | undefined {
  if (!read.length) return undefined;
  const name = layerLabel('coverage', source, layerName);
  const scored = read.filter((entry) => entry.score !== undefined);
  const visibility = read.filter((entry) => entry.score === undefined).map(({ techniqueID }) => techniqueID);
  const entries = (count: number): string => (count === 1 ? '1 entry' : `${count} entries`);
  return (
    `${name}: ${entries(read.length)} without a score read by the DeTT&CT scores of ${read.length === 1 ? 'its' : 'their'} metadata, not by ${read.length === 1 ? 'its' : 'their'} colour ` +
    `(DeTT&CT writes each technique's scores there${overlay ? '; the colours of its visibility-and-detection overlay say which of the two a technique has, not how well it is detected' : ''})` +
    `${scored.length ? `: ${firstFew(scored.map(({ techniqueID, score, level }) => `${techniqueID} detection score ${score}: ${percent(level!)}%`))}` : ''}` +
    `${visibility.length ? `; ${entries(visibility.length)} with visibility alone ignored as coverage (${firstFew(visibility)}), each visibility score above 0 reported beside its technique (visible, no detection)` : ''} (docs/gap.md)`
  );
}

/** A level as a percentage, as the report prints it (0.4 -> 40, not 40.00000000000001). */
const percent = (level: number): number => Math.round(level * 1000) / 10;

/**
 * What a layer read on its gradient must say when that reading is likely not the author's. As coverage: half or more
 * of its scored entries at a minimum above 0 (the Wazuh lab's layer scores all 118 detections 1 on a 1..3 gradient:
 * each counts as 0 %, as no rule), or a gradient of one colour (SigmaHQ's coverage layer counts rules on 1..6, red at
 * both ends: the scores are counts the matrix does not show as levels, so 3 rules count as 40 %); a minimum of 0 is
 * left alone there, a score of 0 says "none" on any reading. As threat: any scored entry at a minimum above 0 (SCYTHE's
 * top ransomware TTPs score 20 per family of five using a technique on 20..100: 30 of 66 entries weigh 0, as not
 * used), or every scored entry at the minimum, 0 included (a layer that marks the techniques used with 0 on 0..100,
 * or 1 on 1..5): those weigh 0, so the review ranks none of their gaps above another. Undefined when none of these holds.
 */
function gradientNote(
  source: string,
  layerName: string,
  layer: Record<string, unknown>,
  [min, max, scaleText]: [number, number, string],
  scored: readonly { score: number; level: number }[],
  role: 'threat' | 'coverage',
  countsSaid: boolean,
  scaleOf: ScaleOption,
): string | undefined {
  if (!scored.length) return undefined;
  const threat = role === 'threat';
  // A threat layer's colours are not levels of detection: one colour there says nothing about how it is read.
  const gradientColour = threat ? undefined : oneColourGradient(layer, min, max);
  const oneColour = gradientColour !== undefined;
  // On a threshold gradient (min = max) a score of min is full: only those below it count as none.
  const atMin = scored.filter(({ score, level }) => score <= min && level === 0).length;
  const mostlyAtMin = min !== 0 && atMin * 2 >= scored.length;
  const allAtMin = threat && atMin === scored.length;
  // A threat layer scored what it lists: an entry at a minimum above 0 is a technique used, the least, not one unused.
  // Counts (countNote, which then speaks) weigh 0 at a minimum of 1 for a reason of their own.
  // One below a minimum above 0, or below a threshold (min = max), may well say "not used".
  const partlyAtMin = threat && min > 0 && min < max && scored.some(({ score }) => score === min) && !mostlyAtMin && !countsSaid;
  if (!oneColour && !mostlyAtMin && !allAtMin && !partlyAtMin) return undefined;
  const name = layerLabel(role, source, layerName);
  // Coverage is said as a percentage, threat as a weight, as the report says them.
  const said = (level: number): string => (threat ? String(level) : `${percent(level)}%`);
  const levels = new Map<string, number>();
  for (const { level } of scored) if (level > 0) levels.set(said(level), (levels.get(said(level)) ?? 0) + 1);
  const shown = [...levels].sort(([a, countA], [b, countB]) => countB - countA || parseFloat(a) - parseFloat(b));
  const spread = shown.slice(0, 4).map(([level, count]) => `${level} (${count})`).join(', ') + (shown.length > 4 ? ` and ${shown.length - 4} more levels` : '');
  const colour = oneColour ? `its gradient ${min}..${max} has one colour (${gradientColour}), so Navigator shows no level in its scores; ` : '';
  const one = atMin === 1;
  const counted = threat ? `${one ? 'weighs' : 'weigh'} 0, as ${one ? 'a technique' : 'techniques'} not used` : `${one ? 'counts' : 'count'} as 0% coverage, as no rule`;
  const zero = atMin ? `${atMin} of its ${scored.length} scored entries ${counted} (score ${min} or less)` : `none of its ${scored.length} scored entries counts as 0%`;
  const others = shown.length ? `${atMin ? `, the others ${threat ? 'weigh' : 'as'}` : '; they count as'} ${spread}` : '';
  const rule = min > 0 ? min : 1;
  const advice = partlyAtMin
    ? `if its scores rank the techniques used, review with ${scaleOf(0, max)} (${max} weighs 1, ${min} weighs ${roundLevel(min / max)}) ` +
      `or give the layer the gradient 0..${max}; the review ranks gaps by these weights`
    : threat
      ? `if its scores mark the techniques used, score them above ${min} (${max} weighs 1)` +
        `${min > 0 ? `, or give it the gradient 0..${min} so that ${min} weighs 1` : ''}; the review ranks gaps by these weights`
      : `if a score of ${rule} means a rule exists, review with ${scaleOf(0, rule)} (${rule} and above count as 100%), or ${scaleOf(0, 'N')} with N the score of full coverage`;
  return `${name}: ${colour}read on ${scaleText}, ${zero}${others}; ${advice} (docs/gap.md)`;
}

/**
 * The one colour of a layer's gradient, when it paints every score alike (SigmaHQ's coverage layer: red at both ends;
 * DeTT&CT's detection and visibility layers: grey #aeb6bf at both ends of 0..10000, "to disable" it); undefined for a
 * gradient of several colours, none, or a threshold (min = max), where every score from min up is full already.
 */
/**
 * The one score every scored entry of a coverage layer has, when their colours are legend items of more than one
 * coverage level: the colours, which Navigator shows, say the levels the scores do not. Undefined otherwise.
 */
function scoreSayingNoLevel(entries: readonly Record<string, unknown>[], legend: ReadonlyMap<string, LegendItemLevel[]>): number | undefined {
  const scored = entries.filter((entry) => typeof entry['score'] === 'number' && entry['enabled'] !== false);
  const scores = new Set(scored.map((entry) => entry['score'] as number));
  if (scored.length < 2 || scores.size !== 1) return undefined;
  const read = scored.map((entry) => byLegend(legend, entry['color'], entry['comment']));
  const levels = new Set(read.flatMap((reading) => ('level' in reading ? [reading.level] : [])));
  return levels.size > 1 ? [...scores][0] : undefined;
}

function oneColourGradient(layer: Record<string, unknown>, min: number, max: number): string | undefined {
  const gradient = layer['gradient'] as { colors?: unknown; minValue?: unknown } | undefined;
  if (min === max || !Array.isArray(gradient?.colors) || typeof gradient.minValue !== 'number') return undefined;
  const colours = gradient.colors.map(paintedColour);
  return colours.length > 0 && colours.every((colour) => colour !== undefined && colour !== '' && colour === colours[0]) ? colours[0] : undefined;
}

/**
 * The rules a coverage layer's entries name, by entry, when its generator wrote one metadata item or one link per rule
 * its score counts: elastic/detection-rules' navigator.py gives each technique a metadata item `{ name: <rule name>,
 * value: <type/language> }` and a link `{ label: <rule name>, url }` per rule, its score the number of them; Splunk's
 * contentctl (attack_nav_writer.py) a link `{ label: <detection name>, url: research.splunk.com/… }` per detection,
 * its score their count. Read so when every scored entry's score is the number of its metadata items (each with a name
 * and a value, no divider), else of its links (each with a label), and the names say more than one label repeated
 * (a link "View" on every entry names no rule): some entry has two or more, or the layer has two names or more.
 * Metadata first, the name Elastic gives its rule there. Undefined when no field names rules so.
 */
function namedRules(entries: readonly Record<string, unknown>[]): { field: 'metadata' | 'links'; names: Map<Record<string, unknown>, string[]> } | undefined {
  const scored = entries.filter((entry) => typeof entry['score'] === 'number');
  const fields = [
    ['metadata', 'name', (item: Record<string, unknown>) => typeof item['name'] === 'string' && item['name'].trim() !== '' && 'value' in item && !('divider' in item)],
    ['links', 'label', (item: Record<string, unknown>) => typeof item['label'] === 'string' && item['label'].trim() !== '' && !('divider' in item)],
  ] as const;
  for (const [field, key, names] of fields) {
    const lists = scored.map((entry) => {
      const items = Array.isArray(entry[field]) ? (entry[field] as unknown[]) : [];
      return items.every((item) => isJsonObject(item) && names(item)) && items.length === entry['score'] ? items.map((item) => String((item as Record<string, unknown>)[key]).trim()) : undefined;
    });
    if (!scored.length || lists.some((list) => list === undefined)) continue;
    const all = new Set(lists.flatMap((list) => list!));
    if (!lists.some((list) => list!.length > 1) && all.size < 2) continue;
    return { field, names: new Map(scored.map((entry, i) => [entry, lists[i]!])) };
  }
  return undefined;
}

/** A scored entry as the notes on a layer's reading weigh it. */
interface ScoredEntry {
  score: number;
  level: number;
  techniqueID: string;
  /** The entry's comment, trimmed, when it has one (countNote reads whether it counts the score). */
  comment?: string;
  /** The entry's own colour as Navigator 5.1 paints it, shown over its score's (categoryNote counts it by that). */
  colour?: string;
}

/** Words of a layer's name, description or legend that say its scores count something (sigma2attack: "Sigma rules heatmap"). */
const COUNT_WORDS = /\b(rules?|tests?|counts?|number of)\b/i;
/** A percentage said in a layer's text ("best level (0-100 %)", a legend's "fully covered (100%)"): its scores are no counts. */
const PERCENT_WORDS = /\d\s*%|\bper ?cent(age)?\b/i;
/** A path or an address in a layer's text (`…/test/fixtures/…`, a rule folder's name): its words say nothing of the scores. */
const PATH_LIKE = /\S*[\\/]\S*/g;

/**
 * The other reading a layer gets a note for (beside gradientNote's): whole-number scores that count something, on a
 * gradient from 0 or 1. Read on the gradient, a count of 1 is far from what it says. As coverage: SigmaHQ's
 * sigma2attack scores each technique with its number of rules on 0..<largest count>, so 1 rule counts as 2 % and only
 * the busiest techniques as covered; HawkinsOps' layer counts detections on 1..3, so each technique with one rule
 * counts as 0 %, as none. As threat, on a gradient from 1 only (counts from 0 keep their proportions as weights): a
 * technique counted once weighs 0, as one not used. Scores count when the gradient ends at the largest of them (above
 * 5 and not 100: 0..5 and 0..100 are the usual level and percentage scales), or when the layer's name, description or
 * legend says so (Atomic Red Team: "1 or more tests"; a path's words, `…/test/…`, say nothing), unless its text says they
 * are percentages ("0-100 %", "50%", "percent"). gradientNote speaks first, when half or more sit at the
 * minimum. Undefined when the scores do not look like counts, or no count of 1 or more is read as under 50 % (as
 * coverage) or as 0 (as threat).
 */
function countNote(
  source: string,
  layerName: string,
  layer: Record<string, unknown>,
  [min, max, scaleText]: [number, number, string],
  scored: readonly ScoredEntry[],
  role: 'threat' | 'coverage',
  scaleOf: ScaleOption,
): string | undefined {
  if ((min !== 0 && min !== 1) || max <= 1 || !scored.length || !scored.every(({ score }) => Number.isInteger(score) && score >= 0)) return undefined;
  const threat = role === 'threat';
  if (threat && min === 0) return undefined;
  const largest = Math.max(...scored.map(({ score }) => score));
  const legend = Array.isArray(layer['legendItems']) ? layer['legendItems'].map((item) => (isJsonObject(item) ? item['label'] : undefined)) : [];
  const texts = [['name', layerName], ['description', layer['description']], ...legend.map((label) => ['legend', label])].map(
    ([where, text]) => [where, typeof text === 'string' ? text.replace(PATH_LIKE, ' ') : ''] as const,
  );
  // A layer that says its scores are percentages (attack-layers' own coverage layer: "best level (0-100 %) of the
  // rules") counts nothing, whatever else its words name or its gradient's end.
  if (texts.some(([, text]) => PERCENT_WORDS.test(text))) return undefined;
  const said = texts.map(([where, text]) => [where, COUNT_WORDS.exec(text)?.[0]]).find(([, word]) => word !== undefined);
  // Comments that say each score as a number of rules ("3 Sigma rule(s)", a generator's count beside the score it
  // writes, without a gradient): read on 0..100 as percentages, 3 rules would count as 3 %.
  const commented = scored.filter(({ comment }) => comment !== undefined);
  const counted =
    commented.length > 0 &&
    commented.every(({ score, comment }) => new RegExp(`(?:^|[^\\d.])${score}\\s+(?:[\\w-]+\\s+)?(?:rule|detection|analytic|quer(?:y|ie))`, 'i').test(comment!));
  const why =
    largest === max && max > 5 && max !== 100
      ? `whole numbers on a gradient from ${min} that ends at the largest of them, ${max}`
      : said
        ? `whole numbers, and its ${said[0]} says "${said[1]}"`
        : counted
          ? `whole numbers, and each entry's comment counts its score in rules ("${commented[0]!.comment}")`
          : undefined;
  if (!why) return undefined;
  const name = layerLabel(role, source, layerName);
  if (threat) {
    const none = scored.filter(({ score, level }) => score >= 1 && level === 0);
    if (!none.length) return undefined;
    const listed = none.slice(0, 5).map(({ techniqueID }) => techniqueID).join(', ') + (none.length > 5 ? ', ...' : '');
    return (
      `${name}: its scores look like counts (${why}): read on ${scaleText}, a score of 1 weighs 0, as a technique not used: ` +
      `${none.length} of its ${scored.length} scored entries ${none.length === 1 ? 'weighs 0 though it scores' : 'weigh 0 though they score'} 1 (${listed}); ` +
      `if a score counts what uses the technique, review with ${scaleOf(0, max)} (${max} weighs 1, 1 weighs ${roundLevel(1 / max)}) ` +
      `or give the layer the gradient 0..${max}; the review ranks gaps by these weights (docs/gap.md)`
    );
  }
  const under = scored.filter(({ score, level }) => score >= 1 && level < 0.5);
  if (!under.length) return undefined;
  const listed = under.slice(0, 3).map(({ techniqueID, score, level }) => `${techniqueID} ${score}: ${percent(level)}%`).join(', ') + (under.length > 3 ? ', ...' : '');
  // Tests run a technique and detect nothing: counted as rules they would claim coverage no rule gives.
  const tests = said !== undefined && /^tests?$/i.test(String(said[1]));
  const advice = tests
    ? 'a count of tests run is no coverage, since a test detects nothing: give gap --coverage the rules that fire on them; ' +
      `if a score counts tests that a rule detected, review with ${scaleOf(0, 1)} (1 and above count as 100%), or ${scaleOf(0, 'N')} with N the count of full coverage`
    : `if a score counts rules, review with ${scaleOf(0, 1)} (1 and above count as 100%), or ${scaleOf(0, 'N')} with N the count of full coverage`;
  return (
    `${name}: its scores look like counts (${why}): read on ${scaleText}, a score of 1 counts as ${percent(gradientPosition(1, min, max))}%, and ` +
    `${under.length} of its ${scored.length} scored entries ${under.length === 1 ? 'counts under 50% coverage though it scores' : 'count under 50% coverage though they score'} 1 or more (${listed}); ` +
    `${advice} (docs/gap.md)`
  );
}

/**
 * Lines of layers and technique entries. JSON is valid YAML 1.2 flow, and the yaml parser keeps node ranges,
 * which JSON.parse does not; if the text trips the yaml parser anyway, lines are simply left out.
 */
function entryLines(text: string): (layer: number, isArray: boolean, entry?: number) => number | undefined {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter: LineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  } catch {
    return () => undefined; // nested too deeply for the yaml parser's stack: no lines
  }
  if (doc.errors.length > 0) return () => undefined;
  return (layer, isArray, entry) => {
    const path: (string | number)[] = isArray ? [layer] : [];
    if (entry !== undefined) path.push('techniques', entry);
    return lineOf(lineCounter, path.length === 0 ? doc.contents : doc.getIn(path, true));
  };
}

/** A layer entry's links with a URL, as Navigator writes them (`{ label, url }`); a divider or a link without a URL is none. */
function entryLinks(links: unknown): { label?: string; url: string }[] {
  if (!Array.isArray(links)) return [];
  return links.flatMap((link) => {
    if (!isJsonObject(link) || typeof link['url'] !== 'string' || link['url'].trim() === '') return [];
    const label = typeof link['label'] === 'string' && link['label'].trim() !== '' ? link['label'].trim() : undefined;
    return [{ ...(label ? { label } : {}), url: link['url'].trim() }];
  });
}
