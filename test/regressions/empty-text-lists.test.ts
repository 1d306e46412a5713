/**
 * A layer generator on GitHub (find_string id 24167431412, its repository not named by the index) writes each entry's
 * `"metadata": ""` and its `versions` under the old key `version`, as an object. Navigator 5.1 reads no item from empty
 * text and opens the layer. `validate` said so, but as a schema error, while `upgrade`, `combine` and `export` refused
 * the whole file ("/techniques/0/metadata: must be array", exit 1), so no command but `gap` could read the layer. Empty
 * text where a list goes now holds nothing and is left out, with one report line each; `combine` named the layer's
 * format "[object Object]" (the `version` object as text), now "4.0", the number the upgrade read in it.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

// test/fixtures/layers/public/README.md: our own techniques in the layout that generator writes.
const LAYER = join(repoRoot, 'test/fixtures/layers/public/selection-script-version-object-4.0.json');
const CAMPAIGN_LAYER = join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json');

interface Finding {
  severity: string;
  code: string;
  path: string;
  message: string;
}

describe('lists written as empty text ("metadata": "")', () => {
  const dir = freshTmpDir('empty-text-lists');

  it('validate says each once, as a repair Navigator tolerates (a warning), not as a schema error', async () => {
    const result = await runCli(['validate', LAYER, '--json']);
    const findings = (JSON.parse(result.stdout) as Array<{ findings: Finding[] }>)[0]!.findings;
    const said = findings.filter((f) => /^\/techniques\/\d+\/metadata$/.test(f.path));
    expect(said.map((f) => [f.severity, f.code, f.path])).to.deep.equal([
      ['warning', 'repaired', '/techniques/0/metadata'],
      ['warning', 'repaired', '/techniques/1/metadata'],
    ]);
    expect(said[0]!.message).to.equal(
      `${LAYER}: /techniques/0/metadata: "" (empty text where a list goes) holds no item, as Navigator 5.1 reads it; left out (Navigator tolerates this; \`attack-layers upgrade\` leaves it out)`,
    );
  });

  it('upgrade writes the layer with every comment and score, and reports each list left out', async () => {
    const out = join(dir, 'upgraded.json');
    const result = await runCli(['upgrade', LAYER, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain('/techniques/1/metadata: "" (empty text where a list goes) holds no item, as Navigator 5.1 reads it; left out');
    const written = JSON.parse(readFileSync(out, 'utf8')) as { techniques: Array<Record<string, unknown>> };
    expect(written.techniques.map((e) => [e['techniqueID'], e['tactic'], e['score'], e['comment'], 'metadata' in e])).to.deep.equal([
      ['T1018', 'discovery', 1, 'Hosts listed with net view', false],
      ['T1069', 'discovery', 1, 'Permission groups listed with net group', false],
    ]);
    const check = await runCli(['validate', out]);
    expect(check.code, check.stdout).to.equal(0);
  });

  it('combine reads it, naming the format it upgraded from by its number', async () => {
    const result = await runCli(['combine', LAYER, CAMPAIGN_LAYER, '--op', 'union', '--out', join(dir, 'combined.json')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(`${LAYER}: upgraded from layer format 4.0, ATT&CK 8 to layer format 4.5`);
    expect(result.stderr).not.to.contain('[object Object]');
  });

  it('export writes each technique with its comment', async () => {
    const result = await runCli(['export', LAYER, '--format', 'csv']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout).to.contain('Hosts listed with net view').and.to.contain('Permission groups listed with net group');
  });
});
