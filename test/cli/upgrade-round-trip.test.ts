import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import type { LayerUpgradeReport } from '../../lib/layer/upgrade-report.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { freshTmpDir, loadRelease, runCli } from '../helpers/attack.js';

// Navigator's Bear APT sample (mitre-attack/attack-navigator, layers/samples/Bear_APT.json, Apache-2.0; see
// test/fixtures/layers/public/README.md): 126 entries of ATT&CK 17, each coloured and commented, 71 of them sub-techniques.
const bear = 'test/fixtures/layers/public/navigator-bear-apt.json';

function readLayer(file: string): NavigatorLayer {
  return JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer;
}

/** Bear APT brought to 18.1, then downgraded to 6.3 (no sub-techniques): the two files and the downgrade's report. */
async function downgradedBear(dir: string): Promise<{ v18: string; v6: string }> {
  const v18 = join(dir, 'bear-18.json');
  const v6 = join(dir, 'bear-6.json');
  expect((await runCli(['upgrade', bear, '--out', v18])).code).to.equal(0);
  const down = await runCli(['upgrade', v18, '--to', '6.3', '--out', v6]);
  expect(down.code, down.stderr).to.equal(0);
  expect(down.stderr).to.contain('bear-18.json: downgraded to enterprise-attack 6.3: 39 kept, 68 remapped, 8 renamed, 31 merged, 7 removed ->');
  return { v18, v6 };
}

describe('attack-layers upgrade: a round trip through an older release', () => {
  // Before, the way back from 6.3 left 100 entries of 126: T1003 held what T1003.001 to T1003.004 were (their comments
  // joined, one colour), "kept on T1003; annotate each of them again", and the 7 techniques 6.3 lacks (T1555, T1560…)
  // stayed in "removed by upgrade" items.
  it('gives back Bear APT of 18.1 byte for byte: each merged sub-technique split out again, each removed entry restored', async () => {
    const dir = freshTmpDir('round-trip');
    const { v18, v6 } = await downgradedBear(dir);
    const down = readLayer(v6);
    // What the downgrade merged is on the entry Navigator shows, as metadata items; what it removed, in the layer's.
    const t1003 = down.techniques!.find((entry) => entry.techniqueID === 'T1003')!;
    expect(t1003.metadata!.filter((item) => 'name' in item && item.name === 'merged by downgrade').map((item) => ('value' in item ? item.value : '')).at(1)).to.equal(
      '/techniques/2: T1003.001 of enterprise-attack 18.1, merged into T1003 of enterprise-attack 6.3; an upgrade to a release that has T1003.001 writes it again. ' +
        'The entry was: {"techniqueID":"T1003.001","color":"#ff6666","comment":"used by Fancy Bear, VOODOO BEAR"}',
    );
    expect(down.metadata!.map((item) => ('name' in item ? item.name : 'divider'))).to.deep.equal(Array(7).fill('removed by downgrade'));
    expect(validateLayer(down, { attackFor: () => loadRelease('6.3') }).filter((finding) => finding.severity === 'error')).to.deep.equal([]);

    const back = join(dir, 'bear-back.json');
    const reportFile = join(dir, 'back.json');
    const up = await runCli(['upgrade', v6, '--out', back, '--report', 'json', '--report-out', reportFile]);
    expect(up.code, up.stderr).to.equal(0);
    expect(readFileSync(back, 'utf8')).to.equal(readFileSync(v18, 'utf8'));
    const [report] = JSON.parse(readFileSync(reportFile, 'utf8')) as LayerUpgradeReport[];
    expect(report!.counts).to.deep.include({ split: 24, restored: 7, merged: 0, removed: 0 });
    const notes = report!.techniques.flatMap((entry) => entry.notes.map((note) => `${entry.path}: ${note}`));
    expect(notes).to.include(
      '/techniques/1: T1003 split into T1003, T1003.001, T1003.002, T1003.003, T1003.004, each as it was before a downgrade merged them into T1003 ("merged by downgrade" items), as enterprise-attack 18.1 has them',
    );
    expect(notes).to.include('/metadata/1: T1560, removed from the layer and kept in its "removed by downgrade" item, is a technique of enterprise-attack 18.1: written again as it was');
  });

  // The downgrade's --merge-score is written nowhere in the layer: the way back, by default, checked the merged score
  // against the highest alone, and left every merge scored otherwise as it was, "annotated since" (24 entries not split).
  it('gives back a scored Bear APT of 18.1 byte for byte after a downgrade by every --merge-score', async () => {
    const dir = freshTmpDir('round-trip');
    const plain = join(dir, 'bear-18.json');
    expect((await runCli(['upgrade', bear, '--out', plain])).code).to.equal(0);
    const scored = readLayer(plain);
    scored.techniques!.forEach((entry, at) => (entry.score = (at % 4) + 1));
    writeFileSync(plain, JSON.stringify(scored));
    const v18 = join(dir, 'bear-scored-18.json');
    expect((await runCli(['upgrade', plain, '--out', v18])).code).to.equal(0);
    // T1003 and T1003.001 to T1003.004, scored 2, 3, 4, 1, 2, become one T1003 in 6.3.
    const merged = { max: 4, min: 1, sum: 12, mean: 2.4 };
    for (const [rule, score] of Object.entries(merged)) {
      const v6 = join(dir, `bear-6-${rule}.json`);
      const down = await runCli(['upgrade', v18, '--to', '6.3', '--merge-score', rule, '--out', v6]);
      expect(down.code, down.stderr).to.equal(0);
      expect(readLayer(v6).techniques!.find((entry) => entry.techniqueID === 'T1003')!.score, rule).to.equal(score);
      const back = join(dir, `bear-back-${rule}.json`);
      const up = await runCli(['upgrade', v6, '--out', back]);
      expect(up.code, up.stderr).to.equal(0);
      expect(up.stderr, rule).not.to.contain('not split');
      expect(readFileSync(back, 'utf8'), rule).to.equal(readFileSync(v18, 'utf8'));
    }
    // A score no rule gives from the entries merged (7: not 4, 1, 12 or 2.4) was set since: T1003 stays merged.
    const edited = readLayer(join(dir, 'bear-6-sum.json'));
    edited.techniques!.find((entry) => entry.techniqueID === 'T1003')!.score = 7;
    writeFileSync(join(dir, 'bear-6-edited.json'), JSON.stringify(edited));
    const up = await runCli(['upgrade', join(dir, 'bear-6-edited.json'), '--out', join(dir, 'bear-back-edited.json')]);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stderr).to.contain('/techniques/1: T1003 holds entries a downgrade merged into it ("merged by downgrade" items): its score is not what the downgrade wrote (annotated since)');
  });

  // upgrade --merge-score sum widens the gradient to hold a sum of merged scores past its end (3 + 2 on 0..3). A
  // downgrade did not, so that the way back gave the layer back: the layer it wrote kept T1003 5 on 0..3, which
  // Navigator paints as 3 and validate warned score-out-of-range of. It widens now, keeps the gradient as it was in a
  // "removed by downgrade" item, and the way back, splitting T1003 again, writes it back.
  function countsLayer(): Record<string, unknown> {
    return {
      name: 'credential dumping rules', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, domain: 'enterprise-attack',
      layout: { layout: 'side', expandedSubtechniques: 'annotated' },
      techniques: [
        { techniqueID: 'T1003.001', tactic: 'credential-access', score: 3 },
        { techniqueID: 'T1003.002', tactic: 'credential-access', score: 2 },
        { techniqueID: 'T1059.001', tactic: 'execution', score: 3 },
      ],
      gradient: { colors: ['#ffffff', '#ff6666'], minValue: 0, maxValue: 3 },
      legendItems: [{ label: '3 or more rules', color: '#ff6666' }],
      metadata: [{ name: 'owner', value: 'detection engineering' }],
    };
  }
  async function downgradedCounts(dir: string): Promise<{ v18: string; v6: string; stderr: string }> {
    writeFileSync(join(dir, 'counts.json'), JSON.stringify(countsLayer()));
    const v18 = join(dir, 'counts-18.json');
    expect((await runCli(['upgrade', join(dir, 'counts.json'), '--out', v18])).code).to.equal(0);
    const v6 = join(dir, 'counts-6.json');
    const down = await runCli(['upgrade', v18, '--to', '6.3', '--merge-score', 'sum', '--out', v6]);
    expect(down.code, down.stderr).to.equal(0);
    return { v18, v6, stderr: down.stderr };
  }

  it('widens the gradient for a sum of a downgrade, and gives back the layer of counts byte for byte, its gradient too', async () => {
    const dir = freshTmpDir('round-trip');
    const { v18, v6, stderr } = await downgradedCounts(dir);
    const down = readLayer(v6);
    expect(down.techniques!.find((entry) => entry.techniqueID === 'T1003')!.score).to.equal(5);
    expect(down.gradient).to.include({ minValue: 0, maxValue: 5 });
    expect(stderr).to.contain(
      "/gradient: 0..3 -> 0..5: a sum of merged scores (T1003 under credential-access 3 + 2 = 5) off the gradient, widened to hold it, else Navigator would colour it as the gradient's end; " +
        'legend item "3 or more rules" (#ff6666) is the colour 0..3 gave a score of 3, which 0..5 paints #ffa2a2: kept as written',
    );
    expect(down.metadata).to.deep.equal([
      { name: 'owner', value: 'detection engineering' },
      { divider: true },
      {
        name: 'removed by downgrade',
        value:
          '/gradient: 0..3 -> 0..5 to hold a sum of merged scores (T1003 under credential-access 3 + 2 = 5); an upgrade that splits those merges again writes it back. ' +
          'The gradient was: {"colors":["#ffffff","#ff6666"],"minValue":0,"maxValue":3}',
      },
    ]);
    expect(down.legendItems).to.deep.equal(countsLayer()['legendItems']);
    expect(validateLayer(down, { attackFor: () => loadRelease('6.3') }).map((finding) => finding.code)).not.to.include('score-out-of-range');
    const back = join(dir, 'counts-back.json');
    const up = await runCli(['upgrade', v6, '--out', back]);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stderr).to.contain(
      '/gradient: 0..5 -> 0..3, as it was before a downgrade widened it to hold the sums of the merges split again (T1003 under credential-access 5 = 3 + 2); its "removed by downgrade" item taken out',
    );
    expect(readFileSync(back, 'utf8')).to.equal(readFileSync(v18, 'utf8'));
  });

  it('keeps a gradient changed since the downgrade that widened it, and its item, and says so', async () => {
    const dir = freshTmpDir('round-trip');
    const { v6 } = await downgradedCounts(dir);
    const edited = readLayer(v6);
    edited.gradient!.maxValue = 10;
    writeFileSync(v6, JSON.stringify(edited));
    const back = join(dir, 'counts-back.json');
    const up = await runCli(['upgrade', v6, '--out', back]);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stderr).to.contain(
      '/gradient: 0..10 kept, not narrowed to 0..3, the gradient before a downgrade widened it to 0..5 for the merges split again (T1003 under credential-access 5 = 3 + 2): ' +
        'changed since, or widened for a merge not split; its "removed by downgrade" item kept; narrow it by hand where no score needs it',
    );
    const layer = readLayer(back);
    expect(layer.gradient).to.include({ minValue: 0, maxValue: 10 });
    expect(layer.techniques!.map((entry) => entry.techniqueID)).to.deep.equal(['T1003.001', 'T1003.002', 'T1059.001']);
    expect(JSON.stringify(layer.metadata)).to.contain('The gradient was: ');
  });

  it('keeps merged an entry annotated since the downgrade, and says why, splitting the others', async () => {
    const dir = freshTmpDir('round-trip');
    const { v6 } = await downgradedBear(dir);
    const down = readLayer(v6);
    down.techniques!.find((entry) => entry.techniqueID === 'T1003')!.score = 100;
    writeFileSync(v6, JSON.stringify(down));
    const back = join(dir, 'bear-back.json');
    const up = await runCli(['upgrade', v6, '--out', back]);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stderr).to.contain(
      '/techniques/1: T1003 holds entries a downgrade merged into it ("merged by downgrade" items): its score is not what the downgrade wrote (annotated since); ' +
        'not split, so as not to lose that: split it by hand',
    );
    const ids = readLayer(back).techniques!.map((entry) => entry.techniqueID);
    expect(ids).to.include('T1003').and.not.to.include('T1003.001');
    expect(ids).to.include('T1021.001');
  });

  // The items are text anyone can edit in the older release: one that no longer holds an entry of the format leaves
  // its entry merged, and a removed entry that is not one (a score written as text) stays kept, rather than fail.
  it('leaves merged an entry whose item was edited into no entry, and kept a removed entry that is no entry of format 4.5', async () => {
    const dir = freshTmpDir('round-trip');
    const { v6 } = await downgradedBear(dir);
    const text = readFileSync(v6, 'utf8')
      .replace('\\"techniqueID\\":\\"T1003.001\\",\\"color\\":\\"#ff6666\\"', '\\"techniqueID\\":\\"T1003.001\\",\\"score\\":\\"high\\"')
      .replace('{\\"techniqueID\\":\\"T1560\\",', '{\\"techniqueID\\":\\"T1560\\",\\"score\\":\\"high\\",');
    expect(text).to.contain('\\"score\\":\\"high\\",\\"comment\\":\\"used by Fancy Bear, VOODOO BEAR');
    writeFileSync(v6, text);
    const back = join(dir, 'bear-back.json');
    const up = await runCli(['upgrade', v6, '--out', back]);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stderr).to.contain('/techniques/1: T1003 holds entries a downgrade merged into it ("merged by downgrade" items): a "merged by downgrade" item holds no entry of format 4.5 that can be read; not split');
    expect(up.stderr).to.contain('6 restored');
    const layer = readLayer(back);
    expect(layer.techniques!.map((entry) => entry.techniqueID)).to.include('T1003').and.not.to.include('T1560');
    expect(JSON.stringify(layer.metadata)).to.contain('T1560');
  });

  // A layer downgraded before this release kept its removed entries as "removed by upgrade" items: read back the same.
  it('restores entries kept under the old name, "removed by upgrade"', async () => {
    const dir = freshTmpDir('round-trip');
    const { v18, v6 } = await downgradedBear(dir);
    writeFileSync(v6, readFileSync(v6, 'utf8').replaceAll('"removed by downgrade"', '"removed by upgrade"'));
    const back = join(dir, 'bear-back.json');
    const up = await runCli(['upgrade', v6, '--out', back]);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stderr).to.contain('7 restored');
    expect(readLayer(back).techniques).to.deep.equal(readLayer(v18).techniques);
    expect(readLayer(back).metadata).to.equal(undefined);
  });
});
