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

  it('combine does not carry showAggregateScores: it writes its own layout', async () => {
    const dir = freshTmpDir('aggregate-near-top');
    writeFileSync(join(dir, 'purpleops.json'), JSON.stringify(purpleOpsNearTop()));
    const result = await runCli(['combine', join(dir, 'purpleops.json'), join(dir, 'purpleops.json'), '--op', 'max', '--out', join(dir, 'c.json')]);
    expect(result.code, result.stderr).to.equal(0);
    const combined = JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')) as Layer;
    expect(combined.layout['showAggregateScores']).to.equal(undefined);
  });
});
