/**
 * The colour ATT&CK Navigator 5.1 paints a score with is an entry of a 100-colour table, not the exact interpolation:
 * mitre-attack/attack-navigator, nav-app/src/app/classes/gradient.ts at 0454b41d6cad58638fc79a28a6a1d561d33b2e8f,
 * updateGradient `gradientRGB = tinygradient(colors).rgb(100)` and getHexColor
 * `gradientRGB[Math.round((value - minValue) / (maxValue - minValue) * 100)]`, with tinygradient 1.1.5
 * (mistic100/tinygradient, index.js at 0cef5b2b3a90a1839295b20b0532beef6d69a01b). Our legend items and exports
 * interpolated exactly, so a legend swatch differed from the cell it names: medium confidence (50, on white, yellow,
 * red) was `#ffe766` in our legend and `#ffe466` in Navigator.
 *
 * That index is 100, one past the table, for a score in the last half-hundredth below maxValue: Navigator 5.1 throws
 * a TypeError instead of a colour (fixed after it: mitre-attack/attack-navigator pull request #687, "Prune value to
 * the maximum possible index of the gradientRGB array", merged December 2025; gradient.ts at e0df3ea2).
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { failsNavigatorGradient, gradientColor } from '../../lib/layer/score.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { attackFor, attackLibrary } from '../layer/attack-data.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const gradient = (colors: string[], minValue = 0, maxValue = 100) => ({ colors, minValue, maxValue });

describe('regression: scores coloured as Navigator 5.1 colours them (its 100-step table)', () => {
  // Navigator's own test of getHexColor (nav-app/src/app/services/viewmodels.service.spec.ts): the default red-green
  // gradient paints 3 as #ff6e66; with its first colour removed and the last repeated, 7 is #efe361 and 200 #8ec843.
  const navigatorOwn: Array<[string[], number, string]> = [
    [['#ff6666', '#ffe766', '#8ec843'], 3, '#ff6e66'],
    [['#ffe766', '#8ec843', '#8ec843'], 7, '#efe361'],
    [['#ffe766', '#8ec843', '#8ec843'], 200, '#8ec843'],
    // Ours: medium confidence on the confidence model's white, yellow, red is a step past the yellow.
    [['#ffffff', '#ffe766', '#ff6666'], 50, '#ffe466'],
  ];
  for (const [colors, score, painted] of navigatorOwn) {
    it(`paints ${score} on ${colors.join(', ')} as ${painted}`, () => {
      expect(gradientColor(gradient(colors), score)).to.equal(painted);
    });
  }

  it('tells the scores Navigator 5.1 fails to colour: the last half-hundredth below the top, not the top itself', () => {
    const unit = gradient(['#ffffff', '#ff6666'], 0, 1);
    expect([0.994, 0.995, 0.998, 1, 1.5].map((score) => failsNavigatorGradient(unit, score))).to.deep.equal([false, true, true, false, false]);
    expect(failsNavigatorGradient(gradient(['#ffffff', '#ff6666']), 99.5)).to.equal(true);
    expect(gradientColor(unit, 0.998)).to.equal('#ff6666');
  });

  it('render --score confidence: the legend swatch of medium confidence is the colour Navigator paints its cells', async () => {
    const dir = freshTmpDir('gradient-steps');
    writeFileSync(join(dir, 'c.yaml'), 'name: Steps\ndomain: enterprise-attack\nconfidence: medium\ntechniques:\n  - ref: T1059.001\n');
    const result = await runCli(['render', join(dir, 'c.yaml'), '--score', 'confidence', '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).to.equal(0);
    const layer = JSON.parse(readFileSync(join(dir, 'out', 'c.layer.json'), 'utf8')) as NavigatorLayer;
    const medium = layer.legendItems?.find((item) => item.label.startsWith('medium'));
    expect(medium?.color).to.equal('#ffe466');
  });

  it('render --score recency: a score Navigator 5.1 cannot colour (0.998 of 1) is written as the top, and says so', async () => {
    const dir = freshTmpDir('gradient-steps');
    // Seen one day before the as-of date: 0.5^(1/365) = 0.998.
    writeFileSync(join(dir, 'r.yaml'), 'name: Recent\ndomain: enterprise-attack\nlast_seen: 2024-05-01\ntechniques:\n  - ref: T1059.001\n');
    const result = await runCli(['render', join(dir, 'r.yaml'), '--score', 'recency', '--as-of', '2024-05-02', '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).to.equal(0);
    const layer = JSON.parse(readFileSync(join(dir, 'out', 'r.layer.json'), 'utf8')) as NavigatorLayer;
    const entry = layer.techniques?.find((technique) => technique.techniqueID === 'T1059.001');
    expect(entry?.score).to.equal(1);
    expect(JSON.stringify(entry?.metadata?.[0])).to.include('0.998 lies in the last half-hundredth below the gradient\'s top 1, where Navigator 5.1 fails to colour a score: written as 1');
  });

  it('combine: a result score Navigator 5.1 cannot colour (max 997 on 0..1000) is written as the top, with a warning', async () => {
    const dir = freshTmpDir('gradient-steps');
    const layer = (name: string, techniques: object[]) => ({
      name, versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack',
      gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 1000 }, techniques,
    });
    writeFileSync(join(dir, 'a.json'), JSON.stringify(layer('a', [{ techniqueID: 'T1059', score: 1000 }, { techniqueID: 'T1005', score: 997 }])));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(layer('b', [{ techniqueID: 'T1005', score: 500 }])));
    const result = await runCli(['combine', join(dir, 'a.json'), join(dir, 'b.json'), '--op', 'max', '--out', join(dir, 'max.json')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include('1 score (T1005 997) lies in the last half-hundredth below the gradient\'s top 1000, where Navigator 5.1 fails to colour a score: written as 1000');
    const combined = JSON.parse(readFileSync(join(dir, 'max.json'), 'utf8')) as NavigatorLayer;
    expect(combined.techniques?.find((entry) => entry.techniqueID === 'T1005')?.score).to.equal(1000);
  });

  it('gap: a priority Navigator 5.1 cannot colour (0.998: threat 0.998, not covered: 99.8 of 100) is written as the top, and says so', async () => {
    // The threat is the recency layer render wrote of campaigns/apt32-covid19-wuhan.yaml before it had the guard
    // (03323c1d, `render --score recency --as-of 2020-04-02`: last seen 2020-04, a day before, 0.998 of 1), as a team
    // keeps one; detections.csv covers two of its six techniques (T1095 at 20 %, T1566.001 low), not the other four.
    const dir = freshTmpDir('gradient-steps');
    const threat = join(repoRoot, 'test/fixtures/gap/apt32-wuhan-recency-before-5.1-guard.layer.json');
    const result = await runCli(['gap', '--threat', threat, '--coverage', join(repoRoot, 'test/fixtures/gap/detections.csv'), '--out', join(dir, 'out')]);
    expect(result.code, result.stderr).to.equal(0);
    const layer = JSON.parse(readFileSync(join(dir, 'out', 'gap.layer.json'), 'utf8')) as NavigatorLayer;
    expect(layer.gradient?.maxValue).to.equal(100);
    const scores = (layer.techniques ?? []).filter((entry) => entry.score !== undefined);
    // Before: T1204, T1218.010, T1566.002 and T1573 scored 99.8, which Navigator 5.1 throws on.
    const topped = scores.filter((entry) => entry.score === 100);
    expect(topped.map((entry) => entry.techniqueID)).to.deep.equal(['T1204', 'T1218.010', 'T1566.002', 'T1573']);
    for (const entry of topped) {
      expect(entry.metadata?.[0]).to.deep.equal({
        name: 'score',
        value: "99.8 lies in the last half-hundredth below the gradient's top 100, where Navigator 5.1 fails to colour a score: written as 100, which it paints with the colour later versions give 99.8",
      });
      expect(entry.comment).to.include('priority 0.998 = threat 0.998 x (1 - coverage 0%)');
    }
    expect(scores.filter((entry) => failsNavigatorGradient(layer.gradient!, entry.score!))).to.deep.equal([]);
  });

  it('upgrade: a score Navigator 5.1 cannot colour (0.998 of 1) is written as the top, by the same rule, and says so', async () => {
    // The recency layer render wrote before it had the guard (see the gap case above): upgrade kept its six 0.998s.
    const dir = freshTmpDir('gradient-steps');
    const result = await runCli(['upgrade', join(repoRoot, 'test/fixtures/gap/apt32-wuhan-recency-before-5.1-guard.layer.json'), '--out', join(dir, 'up.json')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.include(
      "/techniques: 6 scores (T1095 0.998, T1204 0.998, T1218.010 0.998, T1566.001 0.998, T1566.002 0.998, T1573 0.998) lie in the last half-hundredth below the gradient's top 1, " +
        'where Navigator 5.1 fails to colour a score: written as 1, which it paints with the colour later versions give them',
    );
    const layer = JSON.parse(readFileSync(join(dir, 'up.json'), 'utf8')) as NavigatorLayer;
    const scored = (layer.techniques ?? []).filter((entry) => entry.score !== undefined);
    expect(scored.map((entry) => entry.score)).to.deep.equal([1, 1, 1, 1, 1, 1]);
    for (const entry of scored) expect(JSON.stringify(entry.metadata?.[0])).to.match(/"value":"0\.998 lies in the last half-hundredth below the gradient's top 1, .*: written as 1, /);
    // Upgraded again, it is as written: nothing near the top is left.
    const again = await runCli(['upgrade', join(dir, 'up.json'), '--check']);
    expect(again.code, again.stderr).to.equal(0);
  });

  it('validate: warns of a score Navigator 5.1 fails to colour (99.7 on 0..100)', () => {
    const layer = { name: 'top', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1059', score: 99.7 }, { techniqueID: 'T1005', score: 100 }] };
    const found = validateLayer(layer, { attackFor: attackFor(attackLibrary()), file: 'top.json' }).filter((finding) => finding.code === 'score-out-of-range');
    expect(found.map((finding) => finding.path)).to.deep.equal(['/techniques/0/score']);
    expect(found[0]!.message).to.include('T1059 has score 99.7, in the last half-hundredth below the gradient\'s top 100, which Navigator 5.1 fails to colour');
  });
});
