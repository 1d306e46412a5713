/**
 * `combine --op union` of two published layers on different scales: ATT&CK's Wizard Spider group layer, scored on a
 * gradient 0..1 (mitre-attack/attack-navigator layers/data/samples/Wizard_Spider-G0102-Updated.json at commit
 * 7891a53da5f258bb565ffc48d95465a3a4a389a2, Apache-2.0), and the layer format 4.5 example, scored 0..100
 * (layers/spec/v4.5/layerformat.md of the same repository). Without --normalize, combine warned but wrote a gradient
 * over 0..100, so every technique Wizard Spider uses (score 1) was painted 1% of the way from white: a nearly white
 * layer in Navigator. Now scores on different ranges are rescaled to 0..1 on each layer's own gradient by default,
 * saying so, and --no-normalize keeps the raw scores.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { gradientPosition } from '../../lib/layer/score.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

const WIZARD = 'test/fixtures/layers/navigator/Wizard_Spider-G0102-Updated.json';
const SPEC = 'test/fixtures/layers/navigator/spec-4.5-example.json';

/** The techniques a layer file scores exactly `score` with no colour of their own: the gradient paints them. */
function paintedBy(file: string, score: number): string[] {
  const layer = JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer;
  return (layer.techniques ?? []).filter((t) => t.score === score && !t.color).map((t) => t.techniqueID);
}

/** Where on its gradient the combined layer paints each entry of `ids` (0 the low end, 1 the high). */
function positions(layer: NavigatorLayer, ids: readonly string[]): number[] {
  const { minValue, maxValue } = layer.gradient!;
  return (layer.techniques ?? []).filter((t) => ids.includes(t.techniqueID) && t.score !== undefined).map((t) => gradientPosition(t.score!, minValue, maxValue));
}

async function union(...flags: string[]): Promise<{ layer: NavigatorLayer; stderr: string; file: string }> {
  const file = join(freshTmpDir('combine-ranges'), 'union.json');
  const result = await runCli(['combine', WIZARD, SPEC, '--op', 'union', '--out', file, ...flags]);
  expect(result.code, result.stderr).to.equal(0);
  return { layer: JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer, stderr: result.stderr, file };
}

describe('regressions: combine of a layer scored 0..1 and one scored 0..100', () => {
  const wizardUses = paintedBy(WIZARD, 1);

  it('the published layers are what the test needs: Wizard Spider on 0..1 (its uses scored 1), the example on 0..100', () => {
    expect(wizardUses.length).to.equal(25);
    expect((JSON.parse(readFileSync(WIZARD, 'utf8')) as NavigatorLayer).gradient).to.include({ minValue: 0, maxValue: 1 });
    expect((JSON.parse(readFileSync(SPEC, 'utf8')) as NavigatorLayer).gradient).to.include({ minValue: 0, maxValue: 100 });
  });

  it('rescales each to 0..1 by default, says so, and writes a layer Navigator shows: every use of Wizard Spider at least mid-gradient', async () => {
    const { layer, stderr, file } = await union();
    expect(stderr).to.contain(
      'warning: the layers score on different ranges ("Wizard Spider (G0102)" 0..1, "example layer" 0..100): each layer\'s scores were rescaled to 0..1 on its own gradient first, ' +
        'so that they mean the same and the combined gradient shows every layer; pass --no-normalize to keep the raw scores',
    );
    expect(layer.description).to.contain('Each layer\'s scores were first rescaled to 0..1 on its own gradient (the layers score on different ranges:');
    // Wizard Spider's new techniques score 2 on its 0..1 gradient: the combined gradient reaches them.
    expect(layer.gradient).to.include({ minValue: 0, maxValue: 2 });
    const painted = positions(layer, wizardUses);
    expect(painted.length).to.be.at.least(wizardUses.length);
    expect(Math.min(...painted)).to.be.at.least(0.5);
    // The example's 100 (T1110.001) is Wizard Spider's 1, where both mean the top of their gradient.
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1110.001')?.score).to.equal(1);
    expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
    const index = loadRelease('18.1');
    expect(validateLayer(layer, { attackFor: () => index }).filter((f) => f.severity === 'error')).to.deep.equal([]);
    const validated = await runCli(['validate', file]);
    expect(validated.code, validated.stderr).to.equal(0);
    expect(validated.stderr).to.not.match(/error/i);
  });

  it('--no-normalize keeps the raw scores, over 0..100, and warns that the 0..1 layer is painted near white', async () => {
    const { layer, stderr } = await union('--no-normalize');
    expect(stderr).to.contain('so their scores do not mean the same, and the combined gradient, over the widest range, paints the scores of a narrower one near its low end');
    expect(layer.gradient).to.include({ minValue: 0, maxValue: 100 });
    expect(Math.max(...positions(layer, wizardUses))).to.be.at.most(0.01);
    expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
  });

  it('--normalize rescales them as the default does, without the warning', async () => {
    const [byDefault, asked] = await Promise.all([union(), union('--normalize')]);
    expect(asked.layer.techniques).to.deep.equal(byDefault.layer.techniques);
    expect(asked.layer.gradient).to.deep.equal(byDefault.layer.gradient);
    expect(asked.stderr).to.not.contain('score on different ranges');
  });
});
