import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import type { LayerUpgradeReport } from '../../lib/layer/upgrade-report.js';
import { TOOLTIP, tooltipHeight } from '../../lib/layer/tooltip-height.js';
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
    // The entry Navigator shows names each entry merged into it, in a row; the layer's metadata, which no tooltip
    // shows, keeps each whole, beside what the downgrade removed.
    const t1003 = down.techniques!.find((entry) => entry.techniqueID === 'T1003')!;
    expect(t1003.metadata!.filter((item) => 'name' in item && item.name === 'merged by downgrade').map((item) => ('value' in item ? item.value : ''))).to.deep.equal([
      'T1003 (/techniques/1)',
      'T1003.001 (/techniques/2)',
      'T1003.002 (/techniques/3)',
      'T1003.003 (/techniques/4)',
      'T1003.004 (/techniques/5)',
    ]);
    expect(down.metadata!.map((item) => ('name' in item ? item.name : 'divider'))).to.deep.equal([...Array(7).fill('removed by downgrade'), ...Array(43).fill('merged by downgrade')]);
    expect(down.metadata!.map((item) => ('value' in item ? item.value : ''))).to.include(
      '/techniques/2: T1003.001 of enterprise-attack 18.1, merged into T1003 of enterprise-attack 6.3; an upgrade to a release that has T1003.001 writes it again. ' +
        'The entry was: {"techniqueID":"T1003.001","color":"#ff6666","comment":"used by Fancy Bear, VOODOO BEAR"}',
    );
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

  // Two downgrades in a row, 18.1 -> 8.2 -> 6.3, then back: the second merged entries the first had merged already
  // (T1059 of 8.2, holding T1059.009 of 18.1, with T1059.006 into T1059 of 6.3), and removed some (T1553 of 8.2, holding
  // T1553.005). Before, the way back left APT29 (G0016) with 91 entries of 98: T1059, T1098, T1553, T1556 and T1586
  // "not split" or "kept on" their parents, and two dividers ending the layer's metadata.
  it('gives back APT29 (G0016, attack-object) of 18.1 byte for byte after two downgrades in a row, 8.2 then 6.3', async () => {
    const dir = freshTmpDir('round-trip');
    expect((await runCli(['attack-object', 'G0016', '--out', dir])).code).to.equal(0);
    const v18 = join(dir, 'G0016-apt29.layer.json');
    const [v8, v6, back] = ['v8.json', 'v6.json', 'back.json'].map((name) => join(dir, name)) as [string, string, string];
    for (const [from, to, release] of [[v18, v8, '8.2'], [v8, v6, '6.3'], [v6, back, '18.1']] as const) {
      const step = await runCli(['upgrade', from, '--to', release, '--out', to]);
      expect(step.code, step.stderr).to.equal(0);
      expect(step.stderr).not.to.contain('not split');
    }
    expect(readFileSync(back, 'utf8')).to.equal(readFileSync(v18, 'utf8'));
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
      ...[
        ['/techniques/0', 'T1003.001', '{"techniqueID":"T1003.001","tactic":"credential-access","score":3}'],
        ['/techniques/1', 'T1003.002', '{"techniqueID":"T1003.002","tactic":"credential-access","score":2}'],
      ].map(([path, id, entry]) => ({
        name: 'merged by downgrade',
        value: `${path}: ${id} of enterprise-attack 18.1, merged into T1003 of enterprise-attack 6.3; an upgrade to a release that has ${id} writes it again. The entry was: ${entry}`,
      })),
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

  // Five groups' frequency layer of ATT&CK 18.1 (attack-object … --score frequency, with ATT&CK's procedure text for
  // each group) brought to 6.3, which has no sub-techniques: T1027 held its eight entries' comments and metadata, and
  // each of them whole as JSON in an item of its own, a tooltip of ~4,170px in Navigator 5.1 (four 1080p pages; it
  // is never cut or scrolled). The entries merged are now kept whole in the layer's metadata, which no tooltip shows,
  // and an entry still too tall names each in a row, with its score and the start of its comment.
  describe('a frequency layer of five groups, with their procedures', () => {
    let dir: string;
    let v18: string;
    before(async () => {
      dir = freshTmpDir('round-trip');
      const made = await runCli(['attack-object', 'APT28', 'APT29', 'APT32', 'Turla', 'Lazarus Group', '--score', 'frequency', '--out', dir]);
      expect(made.code, made.stderr).to.equal(0);
      v18 = join(dir, 'G0007-G0016-G0050-G0010-G0032-frequency.layer.json');
    });

    // Before, the way back from 14.1 -> 8.2 -> 6.3 left T1027 merged, "annotated since": 14.1's T1027 and 18.1's were
    // both /techniques/23, and its rows were read as 18.1's. From 8.2 -> 6.3 -> 3.0, T1504 of 6.3 (T1546.013 of 8.2),
    // T1487, T1488 and T1527, removed in 3.0, stayed in "removed by downgrade" items: 18.1 has them as revoked techniques.
    // From 12.1 -> 6.3 by --merge-score sum, T1021 of 6.3 held two rows "T1021 (/techniques/17)", 18.1's and 12.1's,
    // both read as the earlier downgrade's; and the gradient each downgrade widened (0..5 -> 0..8, 0..8 -> 0..13) left
    // the second's item, and two dividers, in the layer's metadata.
    for (const [rule, chain] of [['max', ['14.1', '8.2', '6.3']], ['max', ['8.2', '6.3', '3.0']], ['sum', ['12.1', '6.3']]] as const) {
      it(`comes back byte for byte from ${chain.join(' then ')} by --merge-score ${rule}`, async () => {
        let from = v18;
        for (const release of [...chain, '18.1']) {
          const to = join(dir, `chain-${rule}-${chain.join('-')}-${release}.json`);
          const step = await runCli(['upgrade', from, '--to', release, '--merge-score', rule, '--out', to]);
          expect(step.code, step.stderr).to.equal(0);
          expect(step.stderr).not.to.contain('not split');
          from = to;
        }
        expect(readFileSync(from, 'utf8')).to.equal(readFileSync(v18, 'utf8'));
      });
    }

    for (const rule of ['sum', 'max', 'min', 'mean']) {
      it(`downgraded to 6.3 by --merge-score ${rule}, shows every entry within a 1080p page, and comes back byte for byte`, async () => {
        const v6 = join(dir, `frequency-6-${rule}.json`);
        const down = await runCli(['upgrade', v18, '--to', '6.3', '--merge-score', rule, '--out', v6]);
        expect(down.code, down.stderr).to.equal(0);
        const layer = readLayer(v6);
        const v63 = loadRelease('6.3');
        const tall = layer.techniques!
          .map((entry) => ({ id: entry.techniqueID, px: tooltipHeight(entry as Parameters<typeof tooltipHeight>[0], `${v63.technique(entry.techniqueID!)?.name} (${entry.techniqueID})`) }))
          .filter(({ px }) => px > TOOLTIP.page);
        expect(tall, rule).to.deep.equal([]);
        const back = join(dir, `frequency-back-${rule}.json`);
        const up = await runCli(['upgrade', v6, '--out', back]);
        expect(up.code, up.stderr).to.equal(0);
        expect(up.stderr, rule).not.to.contain('not split');
        expect(readFileSync(back, 'utf8'), rule).to.equal(readFileSync(v18, 'utf8'));
      });
    }

    it('names each entry merged into T1027 in a row, with its score and the start of its comment, each kept whole in the layer', async () => {
      const v6 = join(dir, 'frequency-6.json');
      const down = await runCli(['upgrade', v18, '--to', '6.3', '--merge-score', 'sum', '--out', v6]);
      expect(down.code, down.stderr).to.equal(0);
      expect(down.stderr).to.contain(
        '/techniques/23: T1027 would be ~1638px tall in Navigator 5.1\'s tooltip with the comments and metadata of the 8 entries merged into it, ' +
          'taller than a 1080p page: written without them, each named in a "merged by downgrade" row with its score and the start of its comment, and kept whole in the layer\'s "merged by downgrade" items',
      );
      const layer = readLayer(v6);
      const t1027 = layer.techniques!.find((entry) => entry.techniqueID === 'T1027')!;
      expect(t1027).to.include({ score: 11 }).and.not.to.have.property('comment');
      const rows = t1027.metadata!.map((item) => ('value' in item ? `${item.name}: ${item.value}` : 'divider'));
      expect(rows).to.have.length(8);
      expect(rows[0]).to.equal('merged by downgrade: T1027 (/techniques/23)');
      expect(rows[1]).to.equal(
        'merged by downgrade: T1027.006 (/techniques/27): score 1; used by 1 of 5: APT29 (G0016) | [G0016] APT29 has embedded an ISO file within an HTML attachment that contained JavaScript code to initiate malware execution.',
      );
      expect(rows[4]).to.match(/^merged by downgrade: T1027\.010 \(\/techniques\/30\): score 2; used by 2 of 5: APT32 \(G0050\), Turla \(G0010\) \| .*…$/);
      const kept = layer.metadata!.filter((item) => 'name' in item && item.name === 'merged by downgrade').map((item) => ('value' in item ? item.value : ''));
      const t1027010 = kept.find((value) => value.startsWith('/techniques/30: T1027.010 of enterprise-attack 18.1, merged into T1027 of enterprise-attack 6.3; '))!;
      const original = readLayer(v18).techniques!.find((entry) => entry.techniqueID === 'T1027.010');
      expect(JSON.parse(t1027010.slice(t1027010.indexOf('The entry was: ') + 'The entry was: '.length))).to.deep.equal(original);
    });

    // A comment written on T1027 in the older release is the analyst's: the entry stays merged, its rows and the items
    // they name with it, as the way back writes the rest again and takes the items of those out.
    it('keeps merged an entry annotated since, and the items its rows name, taking out those of the entries split', async () => {
      const v6 = join(dir, 'frequency-6-annotated.json');
      expect((await runCli(['upgrade', v18, '--to', '6.3', '--merge-score', 'sum', '--out', v6])).code).to.equal(0);
      const layer = readLayer(v6);
      layer.techniques!.find((entry) => entry.techniqueID === 'T1027')!.comment = 'seen in our incident 2024-17';
      writeFileSync(v6, JSON.stringify(layer));
      const back = join(dir, 'frequency-back-annotated.json');
      const up = await runCli(['upgrade', v6, '--out', back]);
      expect(up.code, up.stderr).to.equal(0);
      expect(up.stderr).to.contain('T1027 holds entries a downgrade merged into it ("merged by downgrade" items): its comment is not what the downgrade wrote (annotated since)');
      const upgraded = readLayer(back);
      const t1027 = upgraded.techniques!.find((entry) => entry.techniqueID === 'T1027')!;
      expect(t1027.comment).to.equal('seen in our incident 2024-17');
      const named = t1027.metadata!.map((item) => ('value' in item ? /^(\S+) \((\S+)\)/.exec(item.value)!.slice(1).reverse().join(': ') : ''));
      const kept = upgraded.metadata!.filter((item) => 'name' in item && item.name === 'merged by downgrade').map((item) => ('value' in item ? item.value : ''));
      expect(kept.map((value) => /^\S+: \S+/.exec(value)![0])).to.deep.equal(named);
      expect(upgraded.techniques!.map((entry) => entry.techniqueID)).to.include('T1003.001').and.not.to.include('T1027.006');
    });
  });

  // attack-layers before b1f50317's successor kept each entry a downgrade merged whole on the entry it merged into (test/fixtures/layers/downgraded/README.md).
  it('gives back a layer downgraded by an earlier attack-layers, which kept the entries merged on the entry written, byte for byte', async () => {
    const dir = freshTmpDir('round-trip');
    const fixtures = 'test/fixtures/layers/downgraded';
    const v18 = join(dir, 'detection-rules-18.json');
    expect((await runCli(['upgrade', join(fixtures, 'detection-rules-18.json'), '--out', v18])).code).to.equal(0);
    const old = readLayer(join(fixtures, 'detection-rules-6.3-b1f50317.json'));
    const items = old.techniques!.find((entry) => entry.techniqueID === 'T1003')!.metadata!.map((item) => ('value' in item ? item.value : ''));
    expect(items.filter((value) => value.startsWith('/techniques/0: T1003.001 of enterprise-attack 18.1, merged into T1003 of enterprise-attack 6.3; '))).to.have.length(1);
    const back = join(dir, 'detection-rules-back.json');
    const up = await runCli(['upgrade', join(fixtures, 'detection-rules-6.3-b1f50317.json'), '--out', back]);
    expect(up.code, up.stderr).to.equal(0);
    expect(up.stderr).to.contain('1 remapped, 3 split, 1 restored ->');
    expect(readFileSync(back, 'utf8')).to.equal(readFileSync(v18, 'utf8'));
  });
});
