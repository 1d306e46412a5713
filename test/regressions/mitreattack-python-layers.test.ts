/**
 * Layers mitreattack-python writes, as gap, compare and combine read them (sources: test/fixtures/layers/public/README.md).
 *
 * - `mitreattack-python-gen-test.json`: its generated layer of a mitigation (`mitreattack/gen_test.json`), every
 *   technique scored 0 and one of them revoked since (T1547.011, now T1647). compare left out each entry of score 0
 *   as a technique not used, but listed T1647 as "new": the upgrade's own `upgraded from` item was read as an annotation.
 */
import { expect } from 'chai';
import { join } from 'node:path';
import { repoRoot, runCli } from '../helpers/attack.js';

const PUBLIC = join(repoRoot, 'test/fixtures/layers/public');
const GENERATED = join(PUBLIC, 'mitreattack-python-gen-test.json');

interface Comparison {
  techniques: Array<{ id: string; status: string }>;
  layer: { leftOut: Array<{ techniqueID: string; reason: string }> };
}

describe('mitreattack-python layers', () => {
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
});
