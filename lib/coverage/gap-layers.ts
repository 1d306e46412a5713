import type { AttackIndex } from '../attack/attack-index.js';
import type { DetectionModel } from '../attack/detection-model.js';
import { isWebAddress } from '../web-address.js';
import type { TacticShortname, TechniqueId } from '../attack/types.js';
import { LAYER_FORMAT, type LayerLink, type LayerMetadata, type LayerTechnique, type NavigatorLayer } from '../layer/layer-types.js';
import { DEFAULT_NAVIGATOR_VERSION } from '../layer/layer-format.js';
import { plural, writeNearTopAsTop } from '../layer/score.js';
import { DETECTION_CLASS_TEXT, type GapDetection } from './gap-detection.js';
import { COVERAGE_FILTER_TEXT, GAP_FORMULAS, offThreatPlatformText, rowDeliveryText, ruleLevelText, parentOnlyText, priorityFormula, subtechniqueMeanText, visibilityText, type CoveredTechnique, type GapReview, type GapRow, type RowVisibility } from './gap-review.js';
import { compareText } from '../compare-text.js';
import type { CollectedLogSources } from './read-log-sources.js';
import { testsText, testVia } from './atomic-tests.js';
import { libraryCell, libraryText } from './gap-library.js';
import { coveredOnText, platformList } from './stated-platforms.js';
import { firstOfMany, fittedEntry, tooltipTitle } from '../layer/tooltip-fit.js';

/** Up to this many rules, an entry names every one; past it, the first RULES_SHOWN_OF_MANY and how many more. */
const RULES_IN_COMMENT = 10;
/**
 * A long list is cut shorter than RULES_IN_COMMENT: its rules stand in both the comment and the metadata of the entry,
 * and Navigator 5.1 shows both in a tooltip it never scrolls (10 of T1027's 84 Sigma rules, under T1027.013: ~1,170px,
 * past a 1080p page's ~950px; 5: ~840px). The gap report lists every rule.
 */
const RULES_SHOWN_OF_MANY = 5;
/** Where the rules an entry does not name are. */
const GAP_REPORT_RULES = 'the gap report lists every rule';
const percent = (value: number): string => `${Math.round(value * 100)}%`;

function ruleLines(rules: CoveredTechnique['rules']): string[] {
  return firstOfMany(rules.map((rule) => ruleLevelText(rule, percent)), RULES_IN_COMMENT, RULES_SHOWN_OF_MANY, GAP_REPORT_RULES);
}

function baseLayer(index: AttackIndex, name: string, description: string): NavigatorLayer {
  return {
    name,
    versions: { attack: index.major, navigator: DEFAULT_NAVIGATOR_VERSION, layer: LAYER_FORMAT },
    domain: index.domain,
    description,
    sorting: 3,
    layout: { layout: 'side', showID: true, showName: true, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
  };
}

/** Parents of annotated sub-techniques get `showSubtechniques` so the annotation is visible when the layer opens. */
function showSubtechniques(entries: LayerTechnique[], index: AttackIndex): LayerTechnique[] {
  const parents = new Set(entries.map((entry) => index.technique(entry.techniqueID)?.parent).filter((p): p is TechniqueId => !!p));
  const present = new Set(entries.map((entry) => entry.techniqueID));
  for (const entry of entries) if (parents.has(entry.techniqueID)) entry.showSubtechniques = true;
  for (const parent of parents) if (!present.has(parent)) entries.push({ techniqueID: parent, showSubtechniques: true });
  return entries.sort((a, b) => (a.techniqueID < b.techniqueID ? -1 : a.techniqueID > b.techniqueID ? 1 : 0));
}

/** The visibility scores the coverage inputs give each technique, on any platform, best first (as a review row lists them). */
function visibilityById(review: GapReview): Map<TechniqueId, RowVisibility[]> {
  const byId = new Map<TechniqueId, RowVisibility[]>();
  for (const { visibility, ids } of review.coverage.visibility ?? []) {
    const { name, score, file, line, path } = visibility;
    for (const id of ids) byId.set(id, [...(byId.get(id) ?? []), { name, score, file, ...(line !== undefined ? { line } : {}), ...(path ? { path } : {}) }]);
  }
  for (const list of byId.values()) list.sort((a, b) => b.score - a.score || compareText(a.name, b.name) || compareText(a.file, b.file));
  return byId;
}

/**
 * What a coverage layer entry's rules cover: a rule at 0% covers nothing (attackcov writes every technique of the
 * matrix, `no detection` at 0), so it is said apart, not counted among the rules that cover it.
 */
function coveredByText(coverage: number, rules: CoveredTechnique['rules']): string {
  const counting = rules.filter((rule) => rule.level > 0);
  const atZero = rules.filter((rule) => rule.level <= 0);
  const zeroText = `${plural(atZero.length, 'rule')} at 0%, covering nothing: ${ruleLines(atZero).join('; ')}`;
  if (!counting.length) return `not covered: ${zeroText}`;
  return `covered ${percent(coverage)} by ${plural(counting.length, 'rule')}: ${ruleLines(counting).join('; ')}${atZero.length ? `; ${zeroText}` : ''}`;
}

/**
 * The coverage layer: every technique the coverage detects, scored 0-100 by coverage, with its rules in the comment.
 * DeTT&CT visibility scores given for a technique are said in its comment and metadata, never in its score: a
 * technique visible and not detected gets an entry without score (no colour: not covered) saying that its log data is there.
 */
export function renderCoverageLayer(review: GapReview, index: AttackIndex, name = 'Detection coverage'): NavigatorLayer {
  const visible = visibilityById(review);
  const visibilityMetadata = (id: TechniqueId): LayerMetadata[] => (visible.get(id) ?? []).map((entry) => ({ name: 'visibility, not counted', value: visibilityText([entry]) }));
  const techniques = review.covered.map((covered): LayerTechnique => {
    const seen = visible.get(covered.id);
    const comment = [
      covered.partial
        ? `partially covered, only through sub-techniques ${covered.coveredSubtechniques.join(', ')}: ${percent(covered.coverage)}, ${subtechniqueMeanText(covered.subtechniques, percent)}`
        : coveredByText(covered.coverage, covered.rules),
      ...(seen ? [`visibility, not counted as coverage: ${visibilityText(seen)}`] : []),
    ].join('\n');
    const metadata: LayerMetadata[] = [
      { name: 'coverage', value: covered.partial ? `partial (${percent(covered.coverage)})` : percent(covered.coverage) },
      ...ruleLines(covered.rules).map((rule) => ({ name: 'rule', value: rule })),
      ...visibilityMetadata(covered.id),
    ];
    return { techniqueID: covered.id, score: Math.round(covered.coverage * 100), comment, metadata };
  });
  const detected = new Set(review.covered.map((covered) => covered.id));
  for (const [id, seen] of [...visible].sort(([a], [b]) => compareText(a, b))) {
    if (detected.has(id) || !index.technique(id)) continue;
    techniques.push({
      techniqueID: id,
      comment: `not covered: visible, no detection (the log data is there: write the rule): ${visibilityText(seen)}`,
      metadata: [{ name: 'coverage', value: 'none (0%)' }, ...visibilityMetadata(id)],
    });
  }
  return {
    ...baseLayer(
      index,
      name,
      `What the coverage inputs detect (${review.coverage.inputs.map((i) => `${i.kind} ${i.source}`).join(', ')}). ${GAP_FORMULAS.coverage}.` +
        (visible.size ? ' DeTT&CT visibility scores are said in comments and metadata, never in scores: an entry without score is visible, not detected.' : ''),
    ),
    techniques: showSubtechniques(techniques, index),
    gradient: { colors: ['#ffffff', '#66b1ff', '#1a7f37'], minValue: 0, maxValue: 100 },
    legendItems: [
      { label: 'not covered (0%)', color: '#ffffff' },
      { label: 'half covered (50%)', color: '#66b1ff' },
      { label: 'fully covered (100%)', color: '#1a7f37' },
    ],
    metadata: [
      { name: 'generated by', value: 'attack-layers gap' },
      { name: 'ATT&CK', value: `${index.domain} ${index.release}` },
    ],
  };
}

/**
 * A gap's score in the gap layer: its priority x 100 (one decimal), so that the gradient runs over whole numbers (0 to
 * 100 or more). mitreattack-python refuses a gradient whose bounds are not whole numbers or span fewer than its colours
 * less one (0..1, 0..1.5), and with it the whole layer; Navigator colours both alike.
 */
const GAP_SCORE_SCALE = 100;

/** A gap of PRE-ATT&CK's tactics only (`preAttack`), as its comment says it. */
const OUTSIDE_VIEW_TEXT = 'outside view: Reconnaissance or Resource Development only, before the compromise, which ATT&CK says mostly takes place outside the visibility of the target organization';

/** How many library rules a gap's metadata names (the JSON report lists every one). */
const LIBRARY_SHOWN = 3;

/** How many Atomic Red Team tests a gap's comment names (its metadata lists every one). */
const TESTS_SHOWN = 5;
const gapScore = (priority: number): number => Math.round(priority * GAP_SCORE_SCALE * 10) / 10;

/** The gap layer's gradient, from the lowest priority to the highest. */
const GAP_COLOURS = ['#fff3b0', '#f4a259', '#bc4b51'];

/** The gap layer: threat techniques below the coverage threshold, scored by priority = threat x (1 - coverage), x 100. */
export function renderGapLayer(review: GapReview, index: AttackIndex, name = 'Coverage gaps'): NavigatorLayer {
  const max = Math.max(1, ...review.gaps.map((row) => row.priority));
  const top = Math.ceil(gapScore(max));
  const highest = Math.max(0, ...review.gaps.map((row) => row.priority));
  const entries = review.gaps.flatMap((row: GapRow, i): LayerTechnique[] => {
    // The report's gap number: Navigator sorts by score, then by name, and cannot show the report's order within a
    // score (buildable first, in view first, the higher threat), so a layer entry names its place in the report.
    const rank = `${i + 1} of ${review.gaps.length}`;
    const status = row.status === 'partial'
      ? `partially covered through ${row.coveredSubtechniques.join(', ')} (${subtechniqueMeanText(row.subtechniques, percent)})`
      : row.rules.length ? `covered ${percent(row.coverage)}` : 'not covered';
    const on = coveredOnText(row.platforms, row.platformsCovered, platformList);
    const commentOf = (mitigationIds: boolean): string => [
      `gap ${rank} in the report's ranking; priority ${row.priority} = threat ${row.threat} x (1 - coverage ${percent(row.coverage)}); ${status}${on}; used by ${row.sources.join(', ')}`,
      ...(row.threatPlatforms ? [offThreatPlatformText(row)!] : []),
      ...(rowDeliveryText(row) ? [rowDeliveryText(row)!] : []),
      ...(row.parentRules?.length ? [parentOnlyText(row.id, ruleLines(row.parentRules).join('; '))] : []),
      // The log data to see it is there (DeTT&CT visibility): the gap is a rule to write, not telemetry to collect.
      ...(row.visibility?.length
        ? [`${row.rules.length || row.status === 'partial' ? 'visibility, not counted as coverage' : 'visible, no detection (the log data is there: write the rule)'}: ${visibilityText(row.visibility)}`]
        : []),
      // Atomic Red Team tests to exercise a rule written for it (--tests): `tests: none on its platforms` says there is none to run.
      ...(row.tests ? [`Atomic Red Team ${testsText(row.tests, { shown: TESTS_SHOWN })}`] : []),
      ...(row.preAttack ? [OUTSIDE_VIEW_TEXT] : []),
      // Public rules not run (--rules-library): where to start; the JSON report lists every one.
      ...(row.library ? [`rules library, not run: ${libraryText(row.library, row.libraryElsewhere, 0)}`] : []),
      ...detectionLines(row.detection, mitigationIds),
    ].join('\n');
    const metadata: LayerMetadata[] = [
      { name: 'rank', value: rank },
      { name: 'priority', value: String(row.priority) },
      { name: 'threat', value: String(row.threat) },
      { name: 'coverage', value: `${percent(row.coverage)} (${row.status})` },
      { name: 'platforms', value: platformList(row.platforms) },
      ...(row.threatPlatforms ? [{ name: 'threat platforms, none its own', value: platformList(row.threatPlatforms) }] : []),
      ...(row.preAttack ? [{ name: 'outside view', value: 'Reconnaissance or Resource Development only' }] : []),
      ...(row.detection?.class ? [{ name: 'detection', value: DETECTION_CLASS_TEXT[row.detection.class] }] : []),
      ...(row.detection?.missing ?? []).map((source) => ({ name: 'missing log source', value: source })),
      ...row.sources.map((source) => ({ name: 'used by', value: source })),
      ...ruleLines(row.rules).map((rule) => ({ name: 'rule', value: rule })),
      ...ruleLines(row.parentRules ?? []).map((rule) => ({ name: 'parent rule, not counted', value: rule })),
      ...(row.visibility ?? []).map((entry) => ({ name: 'visibility, not counted', value: visibilityText([entry]) })),
      ...(row.tests ?? []).map((test) => ({ name: 'atomic test', value: `${test.name}${test.guid ? ` [${test.guid}]` : ''}${test.via ? ` (${testVia(test)})` : ''}` })),
      // The first few library rules, the rest counted: Navigator shows every metadata item in the cell's tooltip.
      ...(row.library ?? []).slice(0, LIBRARY_SHOWN).map((rule) => ({ name: 'library rule', value: libraryCell(rule) })),
      ...(row.library && row.library.length > LIBRARY_SHOWN ? [{ name: 'library rules', value: `and ${row.library.length - LIBRARY_SHOWN} more (listed in the JSON report)` }] : []),
    ];
    const links = detectionLinks(row.detection);
    const technique = index.technique(row.id)!;
    // Placed under some tactics only: one entry per tactic; placed everywhere: one entry without a tactic.
    const tactics = row.tactics.length && row.tactics.length < technique.tactics.length ? row.tactics : [undefined];
    const entryOf = (tactic: TacticShortname | undefined, mitigationIds: boolean): LayerTechnique =>
      ({ techniqueID: row.id, ...(tactic ? { tactic } : {}), score: gapScore(row.priority), comment: commentOf(mitigationIds), metadata, ...(links.length ? { links } : {}) });
    // Navigator 5.1 shows comment and metadata in a tooltip it never cuts or scrolls: past a 1080p page, the mitigations
    // are named by ID (the entry's links name each one), then the entry is cut where the gap report has the rest.
    return tactics.map((tactic) => fittedEntry(tooltipTitle(row.id, index), [() => entryOf(tactic, false), () => entryOf(tactic, true)], GAP_REPORT_REST));
  });
  const gradient = { colors: GAP_COLOURS, minValue: 0, maxValue: top };
  // The top is the highest score rounded up: a highest priority of 0.996 (threat 0.996, not covered) scores 99.6 of
  // 100, where Navigator 5.1 cannot colour it. Said in the entry's metadata; its comment keeps the priority.
  writeNearTopAsTop(entries, gradient, { explain: true });
  return {
    ...baseLayer(
      index,
      name,
      `Threat techniques covered below ${percent(review.minCoverage)} (or only partially), by priority (score = priority x ${GAP_SCORE_SCALE}). ${priorityFormula(review.outsideView, review.givenAs)}; ${GAP_FORMULAS.threat}; ${COVERAGE_FILTER_TEXT}.`,
    ),
    techniques: showSubtechniques(entries, index),
    gradient,
    // One item per colour of the gradient, at the priority it paints (the top is at least 1, whatever the gaps).
    legendItems: GAP_COLOURS.map((color, i) => {
      const score = Math.round(((top * i) / (GAP_COLOURS.length - 1)) * 10) / 10;
      return { label: `priority ${score / GAP_SCORE_SCALE} (score ${score})${i === GAP_COLOURS.length - 1 ? `; highest gap: priority ${highest}` : ''}`, color };
    }),
    metadata: [
      { name: 'generated by', value: 'attack-layers gap' },
      { name: 'ATT&CK', value: `${index.domain} ${index.release}` },
      { name: 'threshold', value: percent(review.minCoverage) },
    ],
  };
}

/** Where the rest of a gap entry too tall for Navigator's tooltip is (`fittedEntry`). */
const GAP_REPORT_REST = 'the gap report has all of it';

/**
 * The detection advice of a gap as comment lines: class, strategies with their analytics' log sources, mitigations
 * (`mitigationIds`: by ID alone where the entry links the mitigation's page, which names it).
 */
function detectionLines(detection: GapDetection | undefined, mitigationIds = false): string[] {
  if (!detection) return [];
  const lines: string[] = [];
  if (detection.class) lines.push(`${DETECTION_CLASS_TEXT[detection.class]}${detection.missing?.length ? `: missing ${detection.missing.join(', ')}` : ''}`);
  for (const strategy of detection.strategies) {
    const analytics = strategy.analytics.map((a) => `${a.id} (${a.logSources.map((s) => s.name).filter((n, i, all) => all.indexOf(n) === i).join(', ')})`);
    lines.push(`${strategy.id} ${strategy.name}: ${analytics.join('; ') || 'no analytic for these platforms'}`);
  }
  const linked = (m: GapDetection['mitigations'][number]): boolean => mitigationIds && isWebAddress(m.url);
  const named = mitigationIds && detection.mitigations.some(linked) ? ' (by ID: the links name each one)' : '';
  if (detection.mitigations.length) lines.push(`mitigations${named}: ${detection.mitigations.map((m) => (linked(m) ? m.id : `${m.id} ${m.name}`)).join(', ')}`);
  return lines;
}

/** Links to the attack.mitre.org pages of a gap's detection strategies and mitigations (web addresses only, as every link written). */
function detectionLinks(detection: GapDetection | undefined): LayerLink[] {
  if (!detection) return [];
  return [
    ...detection.strategies.filter((s) => isWebAddress(s.url)).map((s) => ({ label: `${s.id} ${s.name}`, url: s.url! })),
    ...detection.mitigations.filter((m) => isWebAddress(m.url)).map((m) => ({ label: `${m.id} ${m.name}`, url: m.url! })),
  ];
}

/**
 * The visibility layer: every current technique for which the log sources of at least one of its analytics (on the
 * given platforms) are all collected, scored 0-100 by the share of such analytics among its analytics there.
 */
export function renderVisibilityLayer(
  model: DetectionModel,
  collected: CollectedLogSources,
  index: AttackIndex,
  platforms: readonly string[],
  name = 'Log source visibility',
): NavigatorLayer {
  const techniques: LayerTechnique[] = [];
  for (const technique of index.currentTechniques()) {
    const strategies = model.strategies(technique.id);
    const analytics = strategies.flatMap((s) => s.analytics).filter((a) => a.platforms.some((p) => platforms.includes(p)));
    const visible = analytics.filter((a) => a.logSources.length && a.logSources.every((source) => collected.collects(source)));
    if (!visible.length) continue;
    const score = Math.round((100 * visible.length) / analytics.length);
    techniques.push({
      techniqueID: technique.id,
      score,
      comment:
        `you collect the log sources of ${visible.length} of its ${analytics.length} analytics for ${platforms.join(', ')}: ` +
        visible.map((a) => `${a.id} (${a.logSources.map((s) => `${s.name}${s.channel ? ` ${s.channel}` : ''}`).join('; ')})`).join('; '),
      metadata: visible.map((a) => ({ name: 'analytic', value: `${a.id} (${platformList(a.platforms)})` })),
      links: strategies.filter((s) => isWebAddress(s.strategy.url)).map((s) => ({ label: `${s.strategy.id} ${s.strategy.name}`, url: s.strategy.url! })),
    });
  }
  return {
    ...baseLayer(
      index,
      name,
      `Techniques for which the log sources of at least one ATT&CK analytic for ${platforms.join(', ')} are collected (${collected.input.file}). ` +
        'score = 100 x analytics whose log sources are all collected / analytics of the technique for these platforms.',
    ),
    techniques: showSubtechniques(techniques, index),
    gradient: { colors: ['#ffffff', '#9ecae1', '#3182bd'], minValue: 0, maxValue: 100 },
    legendItems: [
      { label: 'the sources of some analytics collected', color: '#9ecae1' },
      { label: 'the sources of every analytic collected', color: '#3182bd' },
    ],
    metadata: [
      { name: 'generated by', value: 'attack-layers gap' },
      { name: 'ATT&CK', value: `${index.domain} ${index.release}` },
      { name: 'log sources', value: collected.input.file },
    ],
  };
}
