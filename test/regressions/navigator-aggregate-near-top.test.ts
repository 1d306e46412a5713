/**
 * With `layout.showAggregateScores`, ATT&CK Navigator 5.1 colours the aggregate score it computes for a technique from
 * its sub-techniques with the same getHexColor that throws on a score in the last half-hundredth below the gradient's
 * top (gradient.ts at 0454b41d6cad58638fc79a28a6a1d561d33b2e8f; fixed after 5.1 by attack-navigator pull request #687).
 * The computation, mitre-attack/attack-navigator nav-app/src/app/classes/view-model.ts at
 * fa7a6017820f97f172be896d093c57a91387f372, ViewModel.calculateAggregateScore:
 *   let score = tvm.score.length > 0 ? Number(tvm.score) : 0;          // the technique's own score, 0 when unscored
 *   let scores = [score];                                               // ... which min, max and sum take
 *   technique.subtechniques.forEach(... if (svm.score.length > 0) { validTechniquesCount += 1; scores.push(scoreNum); })
 *   if (validTechniquesCount === 0) return ... Number.NEGATIVE_INFINITY; // nothing scored: no colour looked up
 *   case 'average': default: aggScore = score / (countUnscored ? technique.subtechniques.length + 1 : validTechniquesCount)
 *   aggScore = aggScore.toFixed(2);
 *   tvm.aggregateScoreColor = this.gradient.getHexColor(aggScore.toString());
 * It runs from sortTechniques, for the techniques filterTechniques keeps (platform filter, hideDisabled), as Navigator
 * sorts and draws each tactic's column; matrix/cell.ts paints tvm.aggregateScoreColor.
 *
 * The layer: PurpleOps' export layout (test/fixtures/layers/public/purpleops-navigator-4.5.json, average, aggregate
 * scores on), with T1059 scored 100 and its T1059.001 99 under execution: the aggregate 99.5 throws.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerTechnique } from '../../lib/layer/layer-types.js';
import { failingAggregates } from '../../lib/layer/aggregate-score.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';
import { freshTmpDir, loadRelease, repoRoot, runCli } from '../helpers/attack.js';

type Layer = { layout: Record<string, unknown>; techniques: LayerTechnique[]; gradient?: unknown; filters?: unknown; hideDisabled?: boolean };

/** PurpleOps' layer with T1059 100 and T1059.001 99 under execution (where the fixture has T1059.001 67). */
export function purpleOpsNearTop(): Layer {
  const layer = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/public/purpleops-navigator-4.5.json'), 'utf8')) as Layer;
  const sub = layer.techniques.find((entry) => entry.techniqueID === 'T1059.001' && entry.tactic === 'execution')!;
  sub.score = 99;
  layer.techniques.push({ techniqueID: 'T1059', tactic: 'execution', score: 100 });
  return layer;
}

/** `attack-layers upgrade` of `layer`, which must succeed: its stderr and the layer it wrote. */
async function upgraded(layer: Layer): Promise<{ stderr: string; layer: Layer }> {
  const dir = freshTmpDir('aggregate-near-top');
  writeFileSync(join(dir, 'in.json'), JSON.stringify(layer));
  const result = await runCli(['upgrade', join(dir, 'in.json'), '--out', join(dir, 'up.json')]);
  expect(result.code, result.stderr).to.equal(0);
  return { stderr: result.stderr, layer: JSON.parse(readFileSync(join(dir, 'up.json'), 'utf8')) as Layer };
}

describe('regression: aggregate scores Navigator 5.1 fails to colour', () => {
  const index = loadRelease('18.1');
  const range = { minValue: 0, maxValue: 100 };

  it('finds the aggregate 99.5 of T1059 (100) and T1059.001 (99) under execution, averaged as Navigator does', () => {
    const layer = purpleOpsNearTop();
    expect(failingAggregates(layer.techniques, layer.layout, range, index)).to.deep.equal([
      { techniqueID: 'T1059', tactic: 'execution', aggregate: 99.5, by: 'average', from: ['T1059 100', 'T1059.001 99'], at: layer.techniques.length - 1 },
    ]);
    // The fixture as published aggregates nothing near the top.
    const published = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/layers/public/purpleops-navigator-4.5.json'), 'utf8')) as Layer;
    expect(failingAggregates(published.techniques, published.layout, range, index)).to.deep.equal([]);
  });

  const cases: Array<[string, Record<string, unknown>, number | undefined]> = [
    // max and min are one of the scores: 100 and 99 give 100 and 99, which Navigator colours.
    ['max', { aggregateFunction: 'max' }, undefined],
    ['min', { aggregateFunction: 'min' }, undefined],
    // The sum is 199, above the top: painted as the top.
    ['sum', { aggregateFunction: 'sum' }, undefined],
    // countUnscored divides by T1059's 5 sub-techniques and itself: 199 / 6 = 33.17.
    ['average counting unscored sub-techniques', { countUnscored: true }, undefined],
    ['no aggregate scores shown', { showAggregateScores: false }, undefined],
  ];
  for (const [what, layout, aggregate] of cases) {
    it(`computes by the layout: ${what}`, () => {
      const layer = purpleOpsNearTop();
      const found = failingAggregates(layer.techniques, { ...layer.layout, ...layout }, range, index);
      expect(found.map((one) => one.aggregate)).to.deep.equal(aggregate === undefined ? [] : [aggregate]);
    });
  }

  it('counts an unscored technique as 0 in a sum: T1059.001 50 and T1059.003 49.6 sum to 99.6', () => {
    const layer = purpleOpsNearTop();
    layer.techniques = layer.techniques.filter((entry) => entry.techniqueID !== 'T1059');
    layer.techniques.push({ techniqueID: 'T1059.003', tactic: 'execution', score: 49.6 });
    layer.techniques.find((entry) => entry.techniqueID === 'T1059.001')!.score = 50;
    const found = failingAggregates(layer.techniques, { ...layer.layout, aggregateFunction: 'sum' }, range, index);
    expect(found.map((one) => [one.techniqueID, one.aggregate, one.from])).to.deep.equal([['T1059', 99.6, ['T1059.001 50', 'T1059.003 49.6']]]);
  });

  it('leaves out a technique the platform filter hides, which Navigator does not aggregate', () => {
    const layer = purpleOpsNearTop();
    // T1059 runs on ESXi, IaaS, Identity Provider, Linux, macOS, Network Devices, Office Suite and Windows in ATT&CK 18.1: a filter of Containers hides it.
    expect(failingAggregates(layer.techniques, layer.layout, range, index, { shown: new Set(['Containers']) })).to.deep.equal([]);
    expect(failingAggregates(layer.techniques, layer.layout, range, index, { shown: new Set(['ESXi']) })).to.have.length(1);
  });

  it('validate warns, naming the technique, its tactic and the aggregate', () => {
    const layer = purpleOpsNearTop();
    const found = validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'purpleops.json' }).filter((finding) => finding.code === 'score-out-of-range');
    expect(found.map((finding) => [finding.severity, finding.code, finding.path])).to.deep.equal([['warning', 'score-out-of-range', `/techniques/${layer.techniques.length - 1}`]]);
    expect(found[0]!.message).to.equal(
      "purpleops.json: /techniques/10: T1059 under execution has aggregate score 99.5 (layout.showAggregateScores: the average of T1059 100, T1059.001 99), in the last half-hundredth below the gradient's top 100, " +
        'which Navigator 5.1 fails to colour (its getHexColor looks one past its 100-colour table and throws a TypeError as it draws the matrix): ' +
        'change a score so that the aggregate leaves that range, raise maxValue, or set layout.showAggregateScores to false',
    );
  });

  // Navigator 5.1 reads showAggregateScores only as true or false and aggregateFunction only as one of its options
  // written as such (layout-options.ts deserialize at 0e66913e: `typeof rep.showAggregateScores === "boolean"`,
  // `aggregateFunctionOptions.includes`), keeping its defaults (false, "average") for anything else, as Navigator's own
  // spec checks ("should handle non-boolean showAggregateScores field", find_string id 40742617397): validate judges
  // the aggregate by those, not by the repaired values.
  it('validate says nothing of an aggregate under showAggregateScores "true", which Navigator 5.1 reads as false, and no aggregate in the collapsed warning', () => {
    const layer = purpleOpsNearTop();
    layer.layout['showAggregateScores'] = 'true';
    const findings = validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'purpleops.json' });
    expect(findings.filter((finding) => finding.code === 'score-out-of-range')).to.deep.equal([]);
    expect(findings.find((finding) => finding.path === '/layout/showAggregateScores')?.message).to.include('"true" read as true (Navigator 5.1 takes only true or false there and keeps its default, false)');
    const collapsed = findings.find((finding) => finding.code === 'hidden-subtechnique' && finding.path === '/techniques/0');
    expect(collapsed?.message).to.include('T1059.001 (PowerShell) is annotated but collapsed under T1059 in execution, so nobody sees it:');
  });

  it('validate warns of the average 99.5 under aggregateFunction "Max", which Navigator 5.1 reads as its default "average"', () => {
    const layer = purpleOpsNearTop();
    layer.layout['aggregateFunction'] = 'Max';
    const found = validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'purpleops.json' }).filter((finding) => finding.code === 'score-out-of-range');
    expect(found.map((finding) => finding.path)).to.deep.equal([`/techniques/${layer.techniques.length - 1}`]);
    expect(found[0]!.message).to.include('T1059 under execution has aggregate score 99.5 (layout.showAggregateScores: the average of T1059 100, T1059.001 99)');
  });

  it('upgrade turns aggregate scores off, every score kept as written, and says so; the layer written passes validate', async () => {
    const { stderr, layer } = await upgraded(purpleOpsNearTop());
    expect(stderr).to.include(
      '/layout/showAggregateScores: true -> false: an aggregate score, T1059 under execution 99.5 (the average of T1059 100, T1059.001 99), ' +
        "lies in the last half-hundredth below the gradient's top 100, where Navigator 5.1 fails to colour one as it draws the matrix; every score is kept as written",
    );
    expect(layer.layout['showAggregateScores']).to.equal(false);
    expect(layer.techniques.filter((entry) => entry.techniqueID.startsWith('T1059')).map((entry) => [entry.techniqueID, entry.score])).to.deep.equal([
      ['T1059', 100],
      ['T1059.001', 99],
    ]);
    const findings = validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'up.json' });
    expect(findings.filter((finding) => finding.code === 'score-out-of-range')).to.deep.equal([]);
  });

  it('upgrade keeps aggregate scores on when writing a score as the top mends the aggregate too (max of T1059 50, T1059.001 99.7)', async () => {
    const layer = purpleOpsNearTop();
    layer.layout['aggregateFunction'] = 'max';
    layer.techniques.find((entry) => entry.techniqueID === 'T1059')!.score = 50;
    layer.techniques.find((entry) => entry.techniqueID === 'T1059.001')!.score = 99.7;
    const { stderr, layer: written } = await upgraded(layer);
    expect(stderr).to.include("/techniques: 1 score (T1059.001 99.7) lies in the last half-hundredth below the gradient's top 100");
    expect(stderr).not.to.include('/layout/showAggregateScores');
    expect(written.layout['showAggregateScores']).to.equal(true);
    expect(failingAggregates(written.techniques, written.layout, range, index)).to.deep.equal([]);
  });

  // combine carries the inputs' showAggregateScores (lib/layer/combined-settings.ts); over the combined scores, the
  // aggregate Navigator 5.1 fails to colour turns it off, as upgrade does, said on stderr.
  it('combine carries showAggregateScores, and turns it off where Navigator 5.1 fails to colour an aggregate of the combined scores', async () => {
    const dir = freshTmpDir('aggregate-near-top');
    writeFileSync(join(dir, 'purpleops.json'), JSON.stringify(purpleOpsNearTop()));
    const result = await runCli(['combine', join(dir, 'purpleops.json'), join(dir, 'purpleops.json'), '--op', 'max', '--out', join(dir, 'c.json')]);
    expect(result.code, result.stderr).to.equal(0);
    const combined = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as Layer;
    expect(combined.layout['showAggregateScores']).to.equal(false);
    expect(result.stderr).to.include(
      "warning: the combined layer's layout.showAggregateScores: true -> false: an aggregate score, T1059 under execution 99.5 (the average of T1059 100, T1059.001 99), lies in the last half-hundredth",
    );
  });
});

/**
 * The aggregate Navigator 5.1 computes from the layer as written, not as repaired, case by case, each by the source line
 * it follows (mitre-attack/attack-navigator, nav-app/src/app/classes/view-model.ts at fa7a6017 `deserialize`,
 * `filterTechniques`, `isSubtechniqueEnabled`, `sortTechniques`, `calculateAggregateScore`; technique-vm.ts at 38460258
 * `deserialize`; stix/technique.ts at 0454b41d `get_technique_tactic_id`). The layer: `purpleOpsNearTop` (T1059 100 and
 * T1059.001 99 under execution, average), changed as each case says.
 */
describe('regression: aggregate scores as Navigator 5.1 reads the layer as written', () => {
  const validate = (layer: unknown) => validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'purpleops.json' });
  const aggregates = (layer: unknown): string[] =>
    validate(layer)
      .filter((finding) => finding.code === 'score-out-of-range')
      .map((finding) => `${finding.path} ${/^\S+ \S+ (T\S+ under \S+ has aggregate score \S+ \(layout\.showAggregateScores: [^)]*\))/.exec(finding.message)?.[1] ?? finding.message}`);
  const sub = (layer: Layer): Record<string, unknown> => layer.techniques.find((entry) => entry.techniqueID === 'T1059.001')! as unknown as Record<string, unknown>;
  const top = (layer: Layer): string => `/techniques/${layer.techniques.length - 1}`;
  const warned = (layer: Layer) => [`${top(layer)} T1059 under execution has aggregate score 99.5 (layout.showAggregateScores: the average of T1059 100, T1059.001 99)`];

  // technique-vm.ts deserialize: `if (typeof obj.score === 'number') this.score = String(obj.score); else console.error('TypeError: …')`.
  it('counts no score written as text: T1059.001 "99" leaves T1059 its own 100 (the text score stays an error of its own)', () => {
    const layer = purpleOpsNearTop();
    sub(layer)['score'] = '99';
    expect(aggregates(layer)).to.deep.equal([]);
    expect(validate(layer).filter((finding) => finding.path === '/techniques/0/score').map((finding) => [finding.severity, finding.code])).to.deep.equal([['error', 'repaired']]);
  });

  // The same reading for the collapsed sub-technique: its text score shows in no aggregate either.
  it('says a collapsed T1059.001 scored "99" shows nowhere, not "in T1059\'s aggregate score"', () => {
    const layer = purpleOpsNearTop();
    sub(layer)['score'] = '99';
    const collapsed = validate(layer).find((finding) => finding.code === 'hidden-subtechnique' && finding.path === '/techniques/0');
    expect(collapsed?.message).to.include('T1059.001 (PowerShell) is annotated but collapsed under T1059 in execution, so nobody sees it:');
    sub(layer)['score'] = 99;
    expect(validate(layer).find((finding) => finding.code === 'hidden-subtechnique' && finding.path === '/techniques/0')?.message).to.include("so only its score shows, in T1059's aggregate score");
  });

  // view-model.ts deserialize: `if ('tactic' in objTechnique)` the entry is keyed `techniqueID + '^' + tactic` as written
  // (technique-vm.ts deserialize), and a cell's key is `attackID + '^' + tactic.shortname` (technique.ts
  // get_technique_tactic_id): a tactic's name, a null tactic or a lower-case ID keys no cell; a misspelt score field is
  // no field TechniqueVM.deserialize reads.
  const unread: Array<[string, (entry: Record<string, unknown>) => void]> = [
    ['the tactic written as its name, "Execution"', (entry) => (entry['tactic'] = 'Execution')],
    ['a null tactic', (entry) => (entry['tactic'] = null)],
    ['the ID in lower case, "t1059.001"', (entry) => (entry['techniqueID'] = 't1059.001')],
    ['the score field misspelt, "Score"', (entry) => ((entry['Score'] = entry['score']), delete entry['score'])],
  ];
  for (const [what, change] of unread) {
    it(`counts no sub-technique entry Navigator keys to no cell: ${what}`, () => {
      const layer = purpleOpsNearTop();
      change(sub(layer));
      expect(aggregates(layer)).to.deep.equal([]);
    });
  }

  // view-model.ts deserialize: an entry without a `tactic` field (here a misspelt "tactc", which the repair reads as the
  // tactic) is set under every tactic of its technique, execution too.
  it('counts an entry without a tactic field under every tactic: T1059.001 with "tactc": "persistence" is in execution', () => {
    const layer = purpleOpsNearTop();
    const entry = sub(layer);
    delete entry['tactic'];
    entry['tactc'] = 'persistence';
    expect(aggregates(layer)).to.deep.equal(warned(layer));
  });

  // technique-vm.ts deserialize: `if (typeof obj.enabled === 'boolean') this.enabled = obj.enabled`; view-model.ts
  // filterTechniques hides, under hideDisabled, a disabled technique none of whose sub-techniques is enabled
  // (isSubtechniqueEnabled): T1020's only sub-technique is T1020.001 (ATT&CK 18.1).
  it('takes enabled "false" as enabled: T1020 (100, "false") and T1020.001 (99, false) under hideDisabled aggregate 99.5', () => {
    const layer = purpleOpsNearTop();
    layer.hideDisabled = true;
    layer.techniques.push({ techniqueID: 'T1020', tactic: 'exfiltration', score: 100, enabled: 'false' as unknown as boolean }, { techniqueID: 'T1020.001', tactic: 'exfiltration', score: 99, enabled: false });
    const found = aggregates(layer).filter((line) => line.includes('T1020'));
    expect(found).to.deep.equal([`${top(layer).replace(/\d+$/, String(layer.techniques.length - 2))} T1020 under exfiltration has aggregate score 99.5 (layout.showAggregateScores: the average of T1020 100, T1020.001 99)`]);
    layer.techniques[layer.techniques.length - 2]!.enabled = false;
    expect(aggregates(layer).filter((line) => line.includes('T1020'))).to.deep.equal([]);
  });

  // calculateAggregateScore reads every sub-technique's score, `enabled` aside, whatever its platforms
  // (`technique.subtechniques.forEach`): only the parent's row is filtered (filterTechniques).
  it('counts a disabled sub-technique, and one of a platform the filter hides (T1059.001 runs on Windows only)', () => {
    const disabled = purpleOpsNearTop();
    sub(disabled)['enabled'] = false;
    disabled.hideDisabled = true;
    expect(aggregates(disabled)).to.deep.equal(warned(disabled));
    const linux = purpleOpsNearTop();
    linux.filters = { platforms: ['Linux'] };
    expect(aggregates(linux)).to.deep.equal(warned(linux));
  });

  // sortTechniques computes the aggregate in the comparator it hands Array.prototype.sort, which calls none for a list of
  // one: under a filter of Identity Provider, ATT&CK 18.1's execution column holds T1059 alone, and Navigator paints it
  // by its own score (matrix/cell.ts getTechniqueBackground: no aggregateScore).
  it('finds no aggregate in a column of one technique: execution under a filter of Identity Provider', () => {
    const alone = purpleOpsNearTop();
    alone.filters = { platforms: ['Identity Provider'] };
    expect(aggregates(alone)).to.deep.equal([]);
    const two = purpleOpsNearTop();
    two.filters = { platforms: ['Identity Provider', 'Linux'] };
    expect(aggregates(two)).to.deep.equal(warned(two));
  });

  // filter.ts Filter.deserialize at 33541d9b: `if (isStringArray(rep.platforms))` takes the list, else logs a TypeError
  // and keeps no selection, which initPlatformOptions fills with every platform; a field other than `platforms` it does
  // not read. The repair drops the item 5 and reads "Platforms" as platforms: Navigator filters nothing in either.
  it('reads the platform filter as Navigator does: ["Identity Provider", 5] and a misspelt "Platforms" filter nothing', () => {
    for (const filters of [{ platforms: ['Identity Provider', 5] }, { Platforms: ['Identity Provider'] }]) {
      const layer = purpleOpsNearTop();
      layer.filters = filters;
      expect(aggregates(layer), JSON.stringify(filters)).to.deep.equal(warned(layer));
    }
  });

  // The checks of what Navigator hides read the filter the same way (platform-visibility.ts navigatorPlatformFilter): a
  // filter Navigator does not read hides nothing, and filters out no collapsed sub-technique (T1059.001 runs on Windows).
  // view-model.ts filterTechniques at fa7a6017 matches `this.filters.platforms.selection`, which Filter.deserialize left
  // as every platform (initPlatformOptions).
  it('hides nothing by a platform filter Navigator does not read: ["Identity Provider", 5], "Platforms"', () => {
    const hiddenBy = (layer: Layer) => validate(layer).filter((finding) => ['filtered-out-technique', 'hidden-subtechnique'].includes(finding.code)).map((finding) => `${finding.code} ${finding.path}`);
    const unfiltered = hiddenBy(purpleOpsNearTop());
    expect(unfiltered).to.include('hidden-subtechnique /techniques/0');
    for (const filters of [{ platforms: ['Identity Provider', 5] }, { Platforms: ['Identity Provider'] }]) {
      const layer = purpleOpsNearTop();
      layer.filters = filters;
      expect(hiddenBy(layer), JSON.stringify(filters)).to.deep.equal(unfiltered);
    }
  });

  // isSubtechniqueEnabled (view-model.ts at fa7a6017) keeps a disabled T1020 while T1020.001 (Network Devices, IaaS) is
  // enabled on a platform of the selection: every platform, for a filter Navigator does not read.
  it('keeps a disabled T1020 shown by T1020.001 under hideDisabled when Navigator reads no filter from ["Windows", 5]', () => {
    const layer = purpleOpsNearTop();
    layer.hideDisabled = true;
    layer.techniques.push({ techniqueID: 'T1020', tactic: 'exfiltration', score: 5, enabled: false });
    const hidden = (filters: unknown) => validate({ ...layer, filters }).filter((finding) => finding.code === 'hidden-disabled').map((finding) => finding.path);
    expect(hidden({ platforms: ['Windows'] })).to.deep.equal([top(layer)]);
    expect(hidden({ platforms: ['Windows', 5] })).to.deep.equal([]);
  });

  // sortTechniques computes an aggregate only as it sorts a column of two or more: under a filter of Identity Provider
  // T1059 is alone under execution, and its collapsed T1059.009 (Cloud API, Identity Provider among its platforms) shows
  // in no aggregate score there.
  it('says a collapsed sub-technique shows in its parent\'s aggregate score only where Navigator computes one', () => {
    const collapsed = (platforms: string[]) => {
      const layer = purpleOpsNearTop();
      layer.filters = { platforms };
      layer.techniques.push({ techniqueID: 'T1059.009', tactic: 'execution', score: 50 });
      return validate(layer).find((finding) => finding.code === 'hidden-subtechnique' && finding.path === top(layer))?.message;
    };
    expect(collapsed(['Identity Provider'])).to.include('T1059.009 (Cloud API) is annotated but collapsed under T1059 in execution, so nobody sees it:');
    expect(collapsed(['Identity Provider', 'Linux'])).to.include("in execution, so only its score shows, in T1059's aggregate score; nobody sees the rest of it");
  });

  // calculateAggregateScore(technique, tactic) reads each cell under the tactic of the column it sorts.
  it('aggregates per tactic column: T1053 100 under execution and T1053.005 99 under each of its tactics warn under execution only', () => {
    const layer = purpleOpsNearTop();
    layer.techniques.push({ techniqueID: 'T1053', tactic: 'execution', score: 100 }, { techniqueID: 'T1053.005', score: 99 });
    expect(aggregates(layer).filter((line) => line.includes('T1053'))).to.deep.equal([
      `/techniques/${layer.techniques.length - 2} T1053 under execution has aggregate score 99.5 (layout.showAggregateScores: the average of T1053 100, T1053.005 99)`,
    ]);
  });

  it('points at the parent entry as written when the repair leaves an earlier entry out or splits one', () => {
    const layer = purpleOpsNearTop();
    layer.techniques.unshift({} as LayerTechnique, { techniqueID: 'T1003', tactic: 'Credential Access, Discovery' as string, score: 1 });
    expect(aggregates(layer)).to.deep.equal(warned(layer));
  });
});
