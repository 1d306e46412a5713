import type { Confidence } from '../campaign/campaign-types.js';
import { UsageError } from '../errors.js';
import { useOneOf } from '../name-distance.js';
import { confidenceValue, CONFIDENCE_VALUES } from '../normalize/normalize-campaign.js';
import type { NormalizedCampaign, NormalizedTechnique } from '../normalize/normalize-types.js';
import { canonicalColor, channels, isHexColor } from './hex-color.js';
import type { Gradient, LayerTechnique, LegendItem } from './layer-types.js';

/** The names of the scoring models, as `render --score` takes them. */
export const SCORE_MODEL_NAMES = ['presence', 'confidence', 'frequency', 'recency'] as const;
export type ScoreModelName = (typeof SCORE_MODEL_NAMES)[number];

/** One campaign's use of one technique: what a model scores. */
export interface TechniqueUse {
  campaign: NormalizedCampaign;
  technique: NormalizedTechnique;
}

/** What a model needs besides the uses; the caller passes the date, the library reads no clock. */
export interface ScoreContext {
  /** Campaigns in the layer: 1 for a campaign's own layer, N for an aggregate. */
  campaigns: number;
  /** The recency model's half-life in days. */
  halfLifeDays: number;
  /** The recency model's reference date (YYYY-MM-DD); undated campaigns and a missing date weigh 0. */
  asOf?: string;
  /**
   * For a model that counts campaigns, the scores an observed entry of the layer can have: from the sum of the N
   * smallest campaign weights (N: the aggregate's minimum campaigns, else 1) to the sum of all of them (every campaign
   * reports it). Legend items outside it are for no entry.
   */
  keptRange?: KeptRange;
}

/** The lowest and highest score an observed entry of a layer can have under a model that counts campaigns. */
export interface KeptRange {
  lowest: number;
  highest: number;
}

/** A scoring model: how a technique's uses become a score, and the gradient and legend that go with it. */
export interface ScoreModel {
  name: ScoreModelName;
  /** One sentence, for `--help`, the README and the layer's description. */
  description: string;
  /** The formula, for the README. */
  formula: string;
  /** How the model behaves in the layer of one campaign. */
  singleCampaign: string;
  /**
   * The model counts campaigns (its scale is 0..N): in an aggregate, a campaign's explicit score, on its own layer's
   * scale, is not one of them, so it is named in the explanation and not counted.
   */
  countsCampaigns: boolean;
  /** What one reporting campaign adds to the score, for the models that count campaigns (the value is their sum). */
  weight?(campaign: NormalizedCampaign, context: ScoreContext): number;
  /** The model's value for a technique from some uses of it (all observed, or all inferred). */
  value(uses: readonly TechniqueUse[], context: ScoreContext): number;
  /** Why a technique got its value, in a few words (`confidence: medium = 50`). */
  explain(uses: readonly TechniqueUse[], context: ScoreContext): string;
  gradient(context: ScoreContext): Gradient;
  /** Legend items for observed techniques, coloured as `gradient` (the model's, or a wider one) colours them. */
  legend(context: ScoreContext, gradient: Gradient): LegendItem[];
}

/**
 * Inferred-only techniques (documented in ATT&CK for the campaign's software, never written in the campaign) score
 * half of what the model would give them if observed, and are painted with `INFERRED_COLOR` whatever their score, so
 * they form their own band that cannot be mistaken for observed ones.
 */
export const INFERRED_WEIGHT = 0.5;
/** The colour of inferred-only techniques: a grey blue, outside every model's white-to-red gradient. */
export const INFERRED_COLOR = '#a6bddb';
/** The legend label of that colour. */
export const INFERRED_LABEL = 'inferred from software (not observed)';
/** The confidence assumed when neither the technique nor the campaign gives one. */
export const DEFAULT_CONFIDENCE: Confidence = 'medium';
/** The recency model's default half-life: a campaign a year older weighs half as much. */
export const DEFAULT_HALF_LIFE_DAYS = 365;

/** The gradient of presence and count scores: white to red. */
export const WHITE_TO_RED: readonly string[] = ['#ffffff', '#ff6666'];
const WHITE_YELLOW_RED = ['#ffffff', '#ffe766', '#ff6666'];
const DAY_MS = 86_400_000;

/** Round to 3 decimals, so sums of powers print the same everywhere. */
export function roundScore(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * A campaign date (YYYY-MM-DD, YYYY-MM or YYYY) as days since 1970-01-01, taking the first day of a month or year;
 * undefined when it is not such a date.
 */
export function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2020-02-31 over into March; a date that does not round-trip is not a date.
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return time / DAY_MS;
}

/** The date the recency model ages a campaign from: last seen, else published, else first seen. */
export function campaignDate(result: NormalizedCampaign): string | undefined {
  const { lastSeen, published, firstSeen } = result.campaign;
  return [lastSeen, published, firstSeen].find((date) => date !== undefined && dayNumber(date) !== undefined);
}

/** The newest of every date (first seen, last seen, published) of some campaigns, as YYYY-MM-DD. */
export function newestCampaignDate(results: readonly NormalizedCampaign[]): string | undefined {
  const days = results
    .flatMap(({ campaign }) => [campaign.firstSeen, campaign.lastSeen, campaign.published])
    .map((date) => (date === undefined ? undefined : dayNumber(date)))
    .filter((day): day is number => day !== undefined);
  return days.length ? new Date(days.reduce((a, b) => Math.max(a, b)) * DAY_MS).toISOString().slice(0, 10) : undefined;
}

/** A campaign's recency weight: 0.5^(age / half-life), age in days from its date to `asOf` (never negative). */
export function recencyWeight(result: NormalizedCampaign, context: ScoreContext): number {
  const date = campaignDate(result);
  const asOf = context.asOf === undefined ? undefined : dayNumber(context.asOf);
  if (date === undefined || asOf === undefined) return 0;
  const age = Math.max(0, asOf - dayNumber(date)!);
  return 0.5 ** (age / context.halfLifeDays);
}

/**
 * Where a score sits on a gradient: 0 at minValue, 1 at maxValue, beyond them outside 0..1. Navigator's getHexColor
 * tests maxValue first: with ends that are equal (a threshold, as CTID's green_seen layer's 1..1), a score of maxValue
 * or more is at 1 and a lower one at 0.
 */
export function gradientPosition(score: number, minValue: number, maxValue: number): number {
  const span = maxValue - minValue;
  return span > 0 ? (score - minValue) / span : score >= maxValue ? 1 : 0;
}

/**
 * A colour as Navigator paints it, to compare by value: case, spaces, the short form and an opaque alpha aside
 * (`#F00`, `#ff0000ff` and `#f00f` are `#ff0000`: `canonicalColor`); text that is no hex colour is only trimmed and
 * lower-cased.
 */
export function paintedColour(colour: unknown): string | undefined {
  if (typeof colour !== 'string') return undefined;
  const text = colour.trim().toLowerCase();
  return isHexColor(text) ? canonicalColor(text) : text;
}

/** How many colours Navigator 5.1's table of a gradient holds (gradient.ts updateGradient: `tinygradient(colors).rgb(100)`). */
const NAVIGATOR_GRADIENT_STEPS = 100;

const stepTables = new Map<string, readonly string[]>();

/**
 * Navigator 5.1's colour table of a gradient: tinygradient 1.1.5's `rgb(100)` (mistic100/tinygradient, index.js at
 * 0cef5b2b3a90a1839295b20b0532beef6d69a01b): the 99 steps shared between the evenly spaced colours by rounding
 * (computeSubsteps: 49 and 50 for three colours), each run from its colour towards the next in equal RGB steps, the
 * last colour closing the table; each entry is written as tinycolor's hex, channels rounded.
 */
function navigatorStepTable(colors: readonly string[]): readonly string[] {
  const key = colors.join(' ');
  const cached = stepTables.get(key);
  if (cached) return cached;
  const stops = colors.map(channels);
  const segments = stops.length - 1;
  const substeps = stops.slice(1).map((_, i) => Math.max(1, Math.round((NAVIGATOR_GRADIENT_STEPS - 1) * ((i + 1) / segments - i / segments))));
  // tinygradient then adds to the first smallest or takes from the first largest run until the table holds 100.
  for (let total = 1 + substeps.reduce((a, b) => a + b, 0); total !== NAVIGATOR_GRADIENT_STEPS; ) {
    const grow = total < NAVIGATOR_GRADIENT_STEPS;
    const at = substeps.indexOf(grow ? Math.min(...substeps) : Math.max(...substeps));
    substeps[at]! += grow ? 1 : -1;
    total += grow ? 1 : -1;
  }
  const hex = (rgb: readonly number[]): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  const table: string[] = [];
  substeps.forEach((steps, i) => {
    const [from, to] = [stops[i]!, stops[i + 1]!];
    for (let k = 0; k < steps; k++) table.push(hex(from.map((c, j) => c + ((to[j]! - c) / steps) * k)));
  });
  table.push(hex(stops[segments]!));
  stepTables.set(key, table);
  return table;
}

/**
 * Where Navigator 5.1 looks a score up in its colour table (gradient.ts getHexColor): the first entry at or below
 * minValue, the last at or above maxValue (tested first), else `Math.round` of the score's place on the gradient in
 * hundredths. That is 100, past the table's last entry, for a score in the last half-hundredth below maxValue (99.5
 * to 99.999 on 0..100, 0.995 to 0.999 on 0..1): Navigator 5.1 then throws a TypeError (`toHexString` of undefined)
 * instead of a colour (gradient.ts at 0454b41d6cad58638fc79a28a6a1d561d33b2e8f); versions after it take the last entry
 * (mitre-attack/attack-navigator pull request #687, merged December 2025, gradient.ts at e0df3ea2).
 */
function navigatorStepIndex(gradient: Gradient, score: number): number {
  const { minValue, maxValue } = gradient;
  if (score >= maxValue) return NAVIGATOR_GRADIENT_STEPS - 1;
  if (score <= minValue) return 0;
  return Math.round(((score - minValue) / (maxValue - minValue)) * 100);
}

/** Whether Navigator 5.1 fails to colour `score` on `gradient` (`navigatorStepIndex`): a score just below the top. */
export function failsNavigatorGradient(gradient: Gradient, score: number): boolean {
  return gradient.colors.length > 1 && navigatorStepIndex(gradient, score) >= NAVIGATOR_GRADIENT_STEPS;
}

/** What a layer says of a score Navigator 5.1 cannot colour (`failsNavigatorGradient`), which it writes as the top. */
export function writtenAsTopText(score: number, top: number): string {
  return `${score} lies in the last half-hundredth below the gradient's top ${top}, where Navigator 5.1 fails to colour a score: written as ${top}, which it paints with the colour later versions give ${score}`;
}

/**
 * Write each score of `entries` that Navigator 5.1 cannot colour on `gradient` (`failsNavigatorGradient`) as the
 * gradient's top, the colour later versions give it (Navigator 5.1 throws instead of colouring it): the one way every
 * writer of scores does it. With `explain`, such an entry's metadata starts with a `score` item saying so
 * (`writtenAsTopText`). Returns one line naming the entries changed (the first 8) for the writer's warnings, undefined
 * when none is.
 */
export function writeNearTopAsTop(entries: readonly LayerTechnique[], gradient: Gradient, options: { explain?: boolean } = {}): string | undefined {
  const top = gradient.maxValue;
  const topped = entries.filter((entry) => typeof entry.score === 'number' && failsNavigatorGradient(gradient, entry.score));
  if (!topped.length) return undefined;
  const listed = topped.slice(0, 8).map((entry) => `${entry.techniqueID} ${entry.score}`).join(', ');
  for (const entry of topped) {
    if (options.explain) entry.metadata = [{ name: 'score', value: writtenAsTopText(entry.score!, top) }, ...(entry.metadata ?? [])];
    entry.score = top;
  }
  return (
    `${topped.length === 1 ? '1 score' : `${topped.length} scores`} (${listed}${topped.length > 8 ? ', …' : ''}) ${topped.length === 1 ? 'lies' : 'lie'} in the last ` +
    `half-hundredth below the gradient's top ${top}, where Navigator 5.1 fails to colour a score: written as ${top}, which it paints with the colour later versions give ${topped.length === 1 ? 'it' : 'them'}`
  );
}

/**
 * The colour Navigator 5.1 paints a score with: the entry of its 100-colour table (`navigatorStepTable`) the score
 * looks up (`navigatorStepIndex`), not the exact interpolation, from which it differs by a few RGB units (medium
 * confidence, 50 on white-yellow-red, is `#ffe466`, not the yellow `#ffe766` itself). A score Navigator 5.1 fails to
 * colour (`failsNavigatorGradient`) gets the top colour, as later versions give it.
 */
export function gradientColor(gradient: Gradient, score: number): string {
  const colors = gradient.colors.map((color) => paintedColour(color) ?? color);
  if (colors.length < 2) return colors[0] ?? '#ffffff';
  const table = navigatorStepTable(colors);
  return table[Math.min(table.length - 1, navigatorStepIndex(gradient, score))]!;
}

function distinctCampaigns(uses: readonly TechniqueUse[]): NormalizedCampaign[] {
  return [...new Map(uses.map((use) => [use.campaign.id, use.campaign])).values()];
}

/**
 * How many of `n` things a count is, as a layer's text says it: `1 of 2`, `both`, `all 40`, and `1 of 1` (for one thing
 * `all 1` says nothing a name would not). Attack-object frequency layers count objects with it (`used by both`), render's
 * aggregates campaigns (`reported by both campaigns`), where they said `2 of 2` and `all 2`.
 */
export function ofAll(count: number, n: number): string {
  return count < n || n === 1 ? `${count} of ${n}` : n === 2 ? 'both' : `all ${n}`;
}

/** `1 technique`, `2 techniques`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The confidence a use counts with: the technique's, else the campaign's default, else medium. */
export function useConfidence(use: TechniqueUse): Confidence {
  return use.technique.confidence ?? use.campaign.campaign.confidence ?? DEFAULT_CONFIDENCE;
}

/** Legend items coloured on the gradient; those outside the scores an entry kept can have are left out. */
function legendFor(gradient: Gradient, items: ReadonlyArray<readonly [value: number, label: string]>, context: ScoreContext): LegendItem[] {
  const { lowest, highest } = context.keptRange ?? { lowest: -Infinity, highest: Infinity };
  return items
    .filter(([value]) => value >= lowest && value <= highest)
    .map(([value, label]) => ({ label, color: gradientColor(gradient, value) }));
}

/**
 * The scores an observed entry reported by at least `minCampaigns` of the campaigns can have under a model that counts
 * campaigns: from the sum of the smallest weights (frequency: minCampaigns; recency: the oldest campaigns' weights) to
 * the sum of every weight (frequency: the number of campaigns; recency: less, unless every campaign was seen on the
 * as-of date). Undefined for the other models.
 */
export function keptScoreRange(model: ScoreModel, results: readonly NormalizedCampaign[], minCampaigns: number, context: ScoreContext): KeptRange | undefined {
  if (!model.weight) return undefined;
  const weights = results.map((result) => model.weight!(result, context)).sort((a, b) => a - b);
  const sum = (some: readonly number[]): number => roundScore(some.reduce((total, weight) => total + weight, 0));
  return { lowest: sum(weights.slice(0, minCampaigns)), highest: sum(weights) };
}

/** Up to about 6 legend values from 1 to n: every one while n <= 10. */
export function legendSteps(n: number): number[] {
  if (n <= 10) return Array.from({ length: n }, (_, i) => i + 1);
  return [...new Set([1, ...[1, 2, 3, 4].map((q) => Math.round((q * n) / 5)), n])].sort((a, b) => a - b);
}

const presence: ScoreModel = {
  name: 'presence',
  countsCampaigns: false,
  description: 'every observed technique scores 100, a technique only inferred from software 50',
  formula: 'score = 100 if any campaign reports the technique, else 100 × 0.5 = 50 (inferred from software only)',
  singleCampaign: 'the same as in an aggregate',
  value: () => 100,
  explain: () => 'presence: 100',
  gradient: () => ({ colors: [...WHITE_TO_RED], minValue: 0, maxValue: 100 }),
  legend(context, gradient) {
    return legendFor(gradient, [[100, `observed in ${context.campaigns === 1 ? 'the campaign' : 'a campaign'} (100)`]], context);
  },
};

const confidence: ScoreModel = {
  name: 'confidence',
  countsCampaigns: false,
  description: `the analyst's confidence in the report: low ${CONFIDENCE_VALUES.low}, medium ${CONFIDENCE_VALUES.medium}, high ${CONFIDENCE_VALUES.high}, or the number given (0–100)`,
  formula:
    `score = max over campaigns of confidence(technique), where low = ${CONFIDENCE_VALUES.low}, medium = ${CONFIDENCE_VALUES.medium}, ` +
    `high = ${CONFIDENCE_VALUES.high}, a number counts as itself, and a technique without one takes the campaign's ` +
    `default, else medium; inferred-only techniques get half of the campaign's default`,
  singleCampaign: 'the same as in an aggregate',
  value: (uses) => uses.reduce((best, use) => Math.max(best, confidenceValue(useConfidence(use))), -Infinity),
  explain(uses, context) {
    const best = uses.reduce((a, b) => (confidenceValue(useConfidence(b)) > confidenceValue(useConfidence(a)) ? b : a));
    const word = useConfidence(best);
    const value = `confidence: ${typeof word === 'number' ? word : `${word} = ${this.value([best], context)}`}`;
    const origin = (use: TechniqueUse): string | undefined =>
      use.technique.confidence === undefined
        ? use.campaign.campaign.confidence === undefined ? 'assumed' : "the campaign's default"
        : use.technique.confidenceDefault ? "the campaign's default" : undefined;
    if (context.campaigns === 1) return `${value}${origin(best) ? `, ${origin(best)}` : ''}`;
    // In an aggregate, the campaigns that gave the top value (ties: each), so the reader can trace the cell.
    const top = uses.filter((use) => confidenceValue(useConfidence(use)) === confidenceValue(word));
    const by = distinctCampaigns(top).map((campaign) => {
      const why = origin(top.find((use) => use.campaign.id === campaign.id)!);
      return why ? `${campaign.id} (${why})` : campaign.id;
    });
    return `${value} in ${by.join(', ')}`;
  },
  gradient: () => ({ colors: WHITE_YELLOW_RED, minValue: 0, maxValue: 100 }),
  legend(context, gradient) {
    return legendFor(gradient, [
      [CONFIDENCE_VALUES.low, `low confidence (${CONFIDENCE_VALUES.low})`],
      [CONFIDENCE_VALUES.medium, `medium confidence (${CONFIDENCE_VALUES.medium})`],
      [CONFIDENCE_VALUES.high, `high confidence (${CONFIDENCE_VALUES.high})`],
    ], context);
  },
};

const frequency: ScoreModel = {
  name: 'frequency',
  countsCampaigns: true,
  description: "the number of campaigns that report the technique (under the entry's tactic, where the campaigns place it under some)",
  formula: 'score = number of campaigns that report the technique (inferred-only: 0.5 × the number that infer it); gradient 0..N campaigns',
  singleCampaign: 'every observed technique scores 1 and an inferred-only one 0.5, on a gradient from 0 to 1: presence on a 0..1 scale',
  weight: () => 1,
  value: (uses) => distinctCampaigns(uses).length,
  explain: (uses) => `frequency: ${uses.some((use) => use.technique.observed) ? 'reported in' : 'inferred in'} ${plural(distinctCampaigns(uses).length, 'campaign')}: ${distinctCampaigns(uses).map((campaign) => campaign.id).join(', ')}`,
  gradient: (context) => ({ colors: [...WHITE_TO_RED], minValue: 0, maxValue: Math.max(1, context.campaigns) }),
  legend(context, gradient) {
    const n = Math.max(1, context.campaigns);
    return legendFor(gradient, legendSteps(n).map((k) => [k, `used in ${plural(k, 'campaign')}`] as const), context);
  },
};

const recency: ScoreModel = {
  name: 'recency',
  countsCampaigns: true,
  description: 'campaigns weighted by age: a campaign seen on the as-of date counts 1, one a half-life older 0.5',
  formula:
    'score = Σ over campaigns reporting the technique of 0.5^(age / half-life), age = as-of − the campaign\'s last_seen ' +
    '(else published, else first_seen; YYYY-MM and YYYY mean their first day; never negative; undated campaigns count 0); ' +
    'inferred-only: 0.5 × the same sum over the campaigns that infer it; gradient 0 to every campaign\'s weight added up (at least 1)',
  singleCampaign: "every observed technique scores the campaign's weight (1 when it was seen on the as-of date), on a gradient from 0 to 1",
  weight: recencyWeight,
  value: (uses, context) => distinctCampaigns(uses).reduce((sum, campaign) => sum + recencyWeight(campaign, context), 0),
  explain(uses, context) {
    const terms = distinctCampaigns(uses).map((campaign) => {
      const date = campaignDate(campaign);
      return date ? `${campaign.id} ${date}: ${roundScore(recencyWeight(campaign, context))}` : `${campaign.id}: undated, 0`;
    });
    return `recency as of ${context.asOf ?? '(no date)'}, half-life ${context.halfLifeDays} days: ${terms.join(' + ')}`;
  },
  // The top is the highest score an entry can have, every campaign's weight added up (at least 1, a campaign seen on the
  // as-of date), not N: N is reached only when every campaign was seen on the as-of date, and on 0..N the scores of
  // ten campaigns spread over six years (at most 2.119 of 10) were all painted within a fifth of the way from white, #ffdfdf at most.
  gradient: (context) => ({ colors: [...WHITE_TO_RED], minValue: 0, maxValue: Math.max(1, context.keptRange?.highest ?? context.campaigns) }),
  legend(context, gradient) {
    const asOf = context.asOf ?? 'the as-of date';
    // The top item is what every campaign reporting a technique adds up to: N only when all were seen on the as-of date.
    const top = context.keptRange?.highest ?? context.campaigns;
    const items: Array<readonly [number, string]> = [
      [0.5, `one campaign seen ${context.halfLifeDays} days (one half-life) before ${asOf} (0.5)`] as const,
      [1, `one campaign seen on ${asOf} (1)`] as const,
    ].filter(([value]) => value < top);
    const n = context.campaigns;
    items.push([top, n === 1 ? `observed in the campaign (${top})` : top === n ? `${ofAll(n, n)} campaigns seen on ${asOf} (${n})` : `reported by ${ofAll(n, n)} campaigns (${top})`]);
    return legendFor(gradient, items, context);
  },
};

/** Every scoring model, by name; the README's table is generated from it. */
export const SCORE_MODELS: Readonly<Record<ScoreModelName, ScoreModel>> = { presence, confidence, frequency, recency };

/** A model by name. @throws UsageError naming the models when there is no such model. */
export function scoreModel(name: string): ScoreModel {
  const model = (SCORE_MODELS as Record<string, ScoreModel | undefined>)[name];
  if (!model) throw new UsageError(`no scoring model "${name}"; ${useOneOf(name, SCORE_MODEL_NAMES)}`);
  return model;
}

/** A technique's score and how it came about. */
export interface TechniqueScore {
  score: number;
  /** `explicit` when a campaign gave the score, which always wins over the model. */
  basis: 'explicit' | 'model';
  /** No campaign reports it: it is only inferred from software (see `INFERRED_WEIGHT`). */
  inferred: boolean;
  /** Why, in a few words, for the technique's metadata. */
  explanation: string;
  /** The explicit score as a campaign gave it, when it lay outside the model's range and the score is the nearer end. */
  given?: number;
}

/** The campaigns of some uses, by ID, each once: `c0017, c0024`. */
function campaignIds(uses: readonly TechniqueUse[]): string {
  return distinctCampaigns(uses).map((campaign) => campaign.id).join(', ');
}

/**
 * Score one technique from its uses in the layer's campaigns. An explicit score given in a campaign is that campaign's
 * value for the technique, taken at the nearer end of the model's range when it lies outside it (`given` keeps it):
 * in one campaign's layer it wins over the model; in an aggregate, `presence` and
 * `confidence` take the highest of the campaigns' values (explicit ones and the model's over the other campaigns),
 * and `frequency` and `recency`, which count campaigns, count each reporting campaign whatever score it gives (the
 * explanation names those it did not take). Techniques no campaign reports score `INFERRED_WEIGHT` × the model's value
 * over the campaigns that infer them. Rounded to 3 decimals.
 */
export function scoreTechnique(uses: readonly TechniqueUse[], model: ScoreModel, context: ScoreContext): TechniqueScore {
  const scored = exactScore(uses, model, context);
  const gradient = model.gradient(context);
  if (!failsNavigatorGradient(gradient, scored.score)) return scored;
  // Navigator 5.1 throws instead of colouring such a score; the top is the colour later versions paint it with.
  return { ...scored, score: gradient.maxValue, explanation: `${scored.explanation}; ${writtenAsTopText(scored.score, gradient.maxValue)}` };
}

/** `scoreTechnique` before a score Navigator 5.1 cannot colour is taken to the gradient's top. */
function exactScore(uses: readonly TechniqueUse[], model: ScoreModel, context: ScoreContext): TechniqueScore {
  const observed = uses.filter((use) => use.technique.observed);
  if (!observed.length) {
    const score = roundScore(INFERRED_WEIGHT * model.value(uses, context));
    return { score, basis: 'model', inferred: true, explanation: `${model.explain(uses, context)}; inferred only: × ${INFERRED_WEIGHT} = ${score}` };
  }
  const giving = observed.filter((use) => use.technique.score !== undefined);
  const explicit = giving.reduce((best, use) => Math.max(best, use.technique.score!), -Infinity);
  const aggregate = context.campaigns > 1;
  if (giving.length && aggregate && model.countsCampaigns) {
    const scores = giving.map((use) => `${use.technique.score} in ${use.campaign.id}`).join(', ');
    return {
      score: roundScore(model.value(observed, context)),
      basis: 'model',
      inferred: false,
      explanation: `${model.explain(observed, context)}; explicit score ${scores} not taken: ${model.name} counts campaigns`,
    };
  }
  const others = observed.filter((use) => use.technique.score === undefined);
  const modelled = others.length ? roundScore(model.value(others, context)) : -Infinity;
  // Navigator paints a score beyond the gradient as its end (getHexColor); the score is that end, so the gradient and
  // legend stay the model's instead of widening and paling every other colour, and the metadata keeps what was given.
  const { minValue, maxValue } = model.gradient(context);
  const taken = Math.min(maxValue, Math.max(minValue, explicit));
  if (giving.length && taken >= modelled) {
    const by = aggregate ? `in ${campaignIds(giving.filter((use) => use.technique.score === explicit))}` : 'in the campaign';
    if (taken !== explicit) {
      const explanation = `explicit: ${explicit} given ${by}, outside the ${model.name} model's range ${minValue}..${maxValue}: taken as ${taken}, overrides the model`;
      return { score: taken, basis: 'explicit', inferred: false, explanation, given: explicit };
    }
    return { score: explicit, basis: 'explicit', inferred: false, explanation: `explicit: given ${by}, overrides the model` };
  }
  const beside = giving.length ? `; higher than the explicit score ${explicit} given in ${campaignIds(giving)}` : '';
  return { score: modelled, basis: 'model', inferred: false, explanation: `${model.explain(others, context)}${beside}` };
}
