import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

// ../shared/NAVIGATOR.md: a layer of ATT&CK 6 to 17, uploaded to Navigator 5.1, opens only after "Upgrade layer
// version? … Do you want to open the workflow to upgrade this layer to ATT&CK v18?". render, attack-object and upgrade
// said so of what they wrote for an older release on request; compare --out, gap and combine wrote such layers without
// a word (found by /tmp/h275-audit.mjs, every writer's layers checked against NAVIGATOR.md; `npm run audit-layers`,
// scripts/audit-layer-writers.mjs, does it now).
const DIALOG =
  'Navigator 5.1 opens it from a file only after asking "Upgrade layer version? … Do you want to open the workflow to upgrade this layer to ATT&CK v18?" ' +
  '(declined, it opens in ATT&CK 14); a layer for ATT&CK 18 opens with no dialog\n';
const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';

function attackOf(file: string): unknown {
  return (JSON.parse(readFileSync(file, 'utf8')) as { versions: { attack: string } }).versions.attack;
}

describe('layers written for an older ATT&CK release than Navigator 5.1 opens without a dialog', () => {
  it('compare --out says the comparison layer opens only after the upgrade dialog, of a campaign and of a layer', async () => {
    const dir = freshTmpDir('opening-compare');
    const campaign = await runCli(['compare', APT32, '--attack-release', '14', '--out', join(dir, 'c.json')]);
    expect(campaign.code).to.equal(0);
    expect(attackOf(join(dir, 'c.json'))).to.equal('14');
    expect(campaign.stderr).to.include(`warning: the layer is written for ATT&CK enterprise-attack 14: ${DIALOG}`);
    // Navigator's own sample layer (Bear_APT.json, test/fixtures/layers/navigator), compared as a layer.
    const layer = await runCli(['compare', 'test/fixtures/layers/navigator/Bear_APT.json', '--with', 'G0007', '--attack-release', '14', '--out', join(dir, 'l.json')]);
    expect(layer.code).to.equal(0);
    expect(attackOf(join(dir, 'l.json'))).to.equal('14');
    expect(layer.stderr).to.include(`warning: the layer is written for ATT&CK enterprise-attack 14: ${DIALOG}`);
    // Without --out no layer is written, and none is warned of; of ATT&CK 18 none either.
    expect((await runCli(['compare', APT32, '--attack-release', '14'])).stderr).not.to.include('Upgrade layer version?');
    expect((await runCli(['compare', APT32, '--out', join(dir, 'c18.json')])).stderr).not.to.include('Upgrade layer version?');
  });

  it('gap says its coverage and gap layers open only after the upgrade dialog', async () => {
    const out = join(freshTmpDir('opening-gap'), 'review');
    const result = await runCli(['gap', '--threat', APT32, '--coverage', 'test/fixtures/gap/detections.csv', '--attack-release', '14', '--out', out]);
    expect(result.code).to.equal(0);
    expect(attackOf(join(out, 'gap.layer.json'))).to.equal('14');
    expect(result.stderr).to.include(`warning: 2 layers are written for ATT&CK enterprise-attack 14: ${DIALOG.replace('opens it', 'opens them').replace('it opens', 'they open')}`);
  });

  it('combine says the combined layer opens only after the upgrade dialog, on stdout as in a file', async () => {
    const dir = freshTmpDir('opening-combine');
    const inputs = ['test/fixtures/layers/combine/a.json', 'test/fixtures/layers/combine/b.json', '--op', 'sum', '--attack-release', '14'];
    const file = await runCli(['combine', ...inputs, '--out', join(dir, 'k.json')]);
    expect(file.code).to.equal(0);
    expect(attackOf(join(dir, 'k.json'))).to.equal('14');
    expect(file.stderr).to.include(`warning: the layer is written for ATT&CK enterprise-attack 14: ${DIALOG}`);
    const stdout = await runCli(['combine', ...inputs]);
    expect(stdout.stderr).to.include(`warning: the layer is written for ATT&CK enterprise-attack 14: ${DIALOG}`);
    expect((await runCli(['combine', ...inputs.slice(0, 4)])).stderr).not.to.include('Upgrade layer version?');
  });
});

describe('layers whose every score Navigator 5.1 colours on the layer\'s own gradient', () => {
  // scripts/audit-layer-writers.mjs: `upgrade --merge-score sum` added merged scores past the gradient's top and kept the gradient,
  // so Navigator coloured the sum as the top (3 + 1 on 0..3 painted as 3) and validate warned score-out-of-range of the
  // layer upgrade had just written. combine's sum widens its gradient to hold every score; upgrade now does too.
  it('upgrade --merge-score sum widens the gradient to hold a sum of merged scores, and says so', async () => {
    const out = join(freshTmpDir('opening-sum'), 'u.json');
    const result = await runCli(['upgrade', 'test/fixtures/layers/layer-4.5-attack12.json', '--merge-score', 'sum', '--out', out]);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(readFileSync(out, 'utf8')) as { gradient: { minValue: number; maxValue: number }; techniques: Array<{ techniqueID: string; score?: number }> };
    expect(layer.techniques.find((entry) => entry.techniqueID === 'T1574.001')!.score).to.equal(4);
    expect(layer.gradient).to.include({ minValue: 0, maxValue: 4 });
    expect(result.stderr).to.include(
      "/gradient: 0..3 -> 0..4: a sum of merged scores (T1574.001 under defense-evasion 3 + 1 = 4) off the gradient, widened to hold it, else Navigator would colour it as the gradient's end",
    );
    expect(result.stderr).not.to.include('outside the gradient');
    const validate = await runCli(['validate', out, '--json']);
    expect(JSON.parse(validate.stdout)).to.deep.equal([{ file: out, errors: 0, warnings: 0, findings: [] }]);
    // max, min and mean stay on the gradient: it is kept as written.
    for (const rule of ['max', 'min', 'mean']) {
      const kept = join(freshTmpDir('opening-sum'), `${rule}.json`);
      expect((await runCli(['upgrade', 'test/fixtures/layers/layer-4.5-attack12.json', '--merge-score', rule, '--out', kept])).code).to.equal(0);
      expect((JSON.parse(readFileSync(kept, 'utf8')) as { gradient: object }).gradient, rule).to.include({ minValue: 0, maxValue: 3 });
    }
  });
});
