/**
 * Layers mitreattack-python writes, as gap, compare and combine read them (sources: test/fixtures/layers/public/README.md).
 *
 * - `mitreattack-python-gen-test.json`: its generated layer of a mitigation (`mitreattack/gen_test.json`), every
 *   technique scored 0 and one of them revoked since (T1547.011, now T1647). compare left out each entry of score 0
 *   as a technique not used, but listed T1647 as "new": the upgrade's own `upgraded from` item was read as an annotation.
 * - `mitreattack-python-changelog-enterprise-mobile-4.5.json`: its changelog layers of ATT&CK 17 for enterprise and
 *   mobile, in one Navigator file of two layers (Navigator opens one tab each). gap refused the file whole, as threat or
 *   as coverage; compare --with APT29 stopped at the mobile layer; combine --domain enterprise refused it too.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const PUBLIC = join(repoRoot, 'test/fixtures/layers/public');
const GENERATED = join(PUBLIC, 'mitreattack-python-gen-test.json');
const CHANGELOG = join(PUBLIC, 'mitreattack-python-changelog-enterprise-mobile-4.5.json');
const DETECTIONS = join(repoRoot, 'test/fixtures/gap/detections.csv');
const ENTERPRISE_THREAT = join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json');
const LEFT_OUT = /mitreattack-python-changelog-enterprise-mobile-4\.5\.json \(layer 2\): a (threat|coverage) layer of mobile-attack, left out of this review of enterprise-attack/;

interface Comparison {
  techniques: Array<{ id: string; status: string }>;
  layer: { leftOut: Array<{ techniqueID: string; reason: string }> };
}

describe('mitreattack-python layers', () => {
  const dir = freshTmpDir('mitreattack-python-layers');

  describe('a generated layer scoring every technique 0, one of them revoked', () => {
    it('compare leaves the revoked entry out as a technique not used, as it leaves out the others', async () => {
      const result = await runCli(['compare', GENERATED, '--with', 'APT29', '--json']);
      expect(result.code, result.stderr).to.equal(0);
      const [comparison] = (JSON.parse(result.stdout) as { comparisons: Comparison[] }).comparisons;
      expect(comparison!.techniques.map((t) => t.id)).to.deep.equal([]);
      const leftOut = comparison!.layer.leftOut;
      expect(leftOut.map((entry) => entry.techniqueID)).to.include('T1647');
      expect(leftOut.find((entry) => entry.techniqueID === 'T1647')?.reason).to.match(/^score 0 and nothing else annotated/);
      expect(leftOut).to.have.length(6);
    });
  });

  describe('a file of an enterprise and a mobile layer', () => {
    it('gap as the threat, with nothing to say the domain, is refused naming each layer and its domain, and how to choose', async () => {
      const result = await runCli(['gap', '--threat', CHANGELOG, '--coverage', DETECTIONS, '--out', join(dir, 'none')]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.contain('its layers are of different ATT&CK domains: enterprise-attack (layer 1); mobile-attack (layer 2)');
      expect(result.stderr).to.contain('pass --domain enterprise or --domain mobile');
    });

    it('gap as the threat with --domain reviews that domain\'s layer and names the other', async () => {
      for (const [domain, kept, other] of [
        ['enterprise', 'layer 1', 'layer 2'],
        ['mobile', 'layer 2', 'layer 1'],
      ] as const) {
        const out = join(dir, `threat-${domain}`);
        const result = await runCli(['gap', '--threat', CHANGELOG, '--domain', domain, '--coverage', DETECTIONS, '--out', out]);
        expect(result.code, result.stderr).to.equal(0);
        expect(result.stderr).to.match(new RegExp(`threat \\S*changelog-enterprise-mobile-4\\.5\\.json \\(${kept}\\): 4 entries read`));
        expect(result.stderr).to.not.match(new RegExp(`threat \\S*\\(${other}\\): `));
        expect(result.stderr).to.match(new RegExp(`\\(${other}\\): a threat layer of \\S+, left out of this review of ${domain}-attack`));
        expect(readFileSync(join(out, 'gap-report.md'), 'utf8')).to.match(new RegExp(`\\(${other}\\): a threat layer of`));
      }
    });

    it('gap as the threat beside an enterprise threat reviews enterprise, the mobile layer named as left out', async () => {
      const result = await runCli(['gap', '--threat', CHANGELOG, ENTERPRISE_THREAT, '--coverage', DETECTIONS, '--out', join(dir, 'beside')]);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.match(LEFT_OUT);
    });

    it('gap as the coverage of an enterprise threat reads the enterprise layer and names the mobile one', async () => {
      const out = join(dir, 'coverage');
      const result = await runCli(['gap', '--threat', ENTERPRISE_THREAT, '--coverage', CHANGELOG, '--out', out]);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.match(/changelog-enterprise-mobile-4\.5\.json \(layer 1\): 0 entries read, 4 ignored/);
      expect(result.stderr).to.match(LEFT_OUT);
      expect(readFileSync(join(out, 'gap-report.md'), 'utf8')).to.match(LEFT_OUT);
    });

    it('compare --with an enterprise group compares the enterprise layer and says why the mobile one is not', async () => {
      const result = await runCli(['compare', CHANGELOG, '--with', 'APT29', '--json']);
      expect(result.code, result.stderr).to.equal(0);
      const { comparisons } = JSON.parse(result.stdout) as { comparisons: Array<{ attack: { domain: string } }> };
      expect(comparisons.map((c) => c.attack.domain)).to.deep.equal(['enterprise-attack']);
      // Where the group is, once, after the layer it concerns (not the layer's name again, nor advice to compare it in mobile).
      expect(result.stderr).to.match(/\(layer 2\): a layer of mobile-attack, not compared: --with "APT29" is G0016 APT29 \(group\) of ATT&CK enterprise-attack 18\.1, not of mobile-attack\n/);
    });

    it('compare --with an object of neither domain is refused as before', async () => {
      const result = await runCli(['compare', CHANGELOG, '--with', 'NoSuchGroupAnywhere']);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.contain('no group, software or campaign "NoSuchGroupAnywhere" in ATT&CK enterprise-attack');
    });

    it('combine --domain combines that domain\'s layer and names the other; without it the refusal says so', async () => {
      const out = join(dir, 'combined.json');
      const result = await runCli(['combine', CHANGELOG, GENERATED, '--op', 'max', '--domain', 'enterprise', '--out', out]);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.contain('(layer 2): a layer of mobile-attack, left out: --domain is enterprise-attack');
      const combined = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
      expect(combined.domain).to.equal('enterprise-attack');
      expect((combined.techniques ?? []).map((t) => t.techniqueID)).to.include('T1675');
      const refused = await runCli(['combine', CHANGELOG, GENERATED, '--op', 'max', '--out', join(dir, 'refused.json')]);
      expect(refused.code).to.equal(1);
      expect(refused.stderr).to.contain('mobile-attack (');
      expect(refused.stderr).to.contain('--domain keeps that domain');
    });
  });
});
