/**
 * PurpleOps (CyberCX-STA/PurpleOps, blueprints/assessment_export.py at 5e052541) exports an assessment as a layer whose
 * `versions` holds only `"layer": "4.5"`: its code says `"navigator"` is "Required" but gives no warning in Navigator,
 * as NAVIGATOR.md observes of a layer without `versions.attack`. `validate` made the missing `navigator` a schema
 * error (exit 1, "the layer does not follow the Navigator layer format"); it is now a warning saying that Navigator
 * opens the layer without a word and that `upgrade` sets it. The layer is PurpleOps' layout, written by its code: an
 * entry per tactic of every technique, a score only where a test ran, gradient colours as 8-digit hex.
 */
import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

// test/fixtures/layers/public/README.md: a layer in PurpleOps' exportnavigator layout.
const PURPLEOPS = join(repoRoot, 'test/fixtures/layers/public/purpleops-navigator-4.5.json');

describe('a layer whose versions state no navigator (PurpleOps)', () => {
  const dir = freshTmpDir('no-navigator-version');

  it('validate warns, exit 0, where it made a schema error', async () => {
    const result = await runCli(['validate', PURPLEOPS, '--json']);
    expect(result.code, result.stdout).to.equal(0);
    const findings = (JSON.parse(result.stdout) as { findings: { severity: string; code: string; path: string; message: string }[] }[])[0]!.findings;
    expect(findings.filter((f) => f.severity === 'error')).to.deep.equal([]);
    expect(findings.find((f) => f.path === '/versions')).to.deep.equal({
      severity: 'warning',
      code: 'schema',
      path: '/versions',
      message: `${PURPLEOPS}: /versions: missing required field "navigator": the layer format requires it, but Navigator 5.1 opens the layer without a word; \`attack-layers upgrade\` sets it to 5.1.0`,
    });
  });

  it('a versions without layer is still an error (Navigator warns "Outdated Layer")', async () => {
    const layer = JSON.parse(readFileSync(PURPLEOPS, 'utf8')) as Record<string, unknown>;
    const file = join(dir, 'no-layer.json');
    writeFileSync(file, JSON.stringify({ ...layer, versions: { navigator: '5.1.0' } }));
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
  });

  it('upgrade sets the version and keeps every entry, score and 8-digit colour; the result validates clean', async () => {
    const out = join(dir, 'up.json');
    const result = await runCli(['upgrade', PURPLEOPS, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain('/versions/navigator: set to 5.1.0');
    const before = JSON.parse(readFileSync(PURPLEOPS, 'utf8')) as { techniques: { techniqueID: string; tactic: string; score?: number }[] };
    const after = JSON.parse(readFileSync(out, 'utf8')) as { versions: Record<string, string>; gradient: { colors: string[] }; techniques: { techniqueID: string; tactic: string; score?: number }[] };
    expect(after.versions).to.deep.equal({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(after.gradient.colors).to.deep.equal(['#ff6666ff', '#ffe766ff', '#8ec843ff']);
    const key = (t: { techniqueID: string; tactic: string; score?: number }): string => `${t.techniqueID} ${t.tactic} ${t.score ?? '-'}`;
    expect(after.techniques.map(key).sort()).to.deep.equal(before.techniques.map(key).sort());
    const again = await runCli(['validate', out]);
    expect(again.code, again.stdout).to.equal(0);
  });

  it('combine and gap read it as a coverage layer of its scores', async () => {
    const combined = await runCli(['combine', PURPLEOPS, PURPLEOPS, '--op', 'max', '--out', join(dir, 'c.json')]);
    expect(combined.code, combined.stderr).to.equal(0);
    const gap = await runCli(['gap', '--threat', PURPLEOPS, '--coverage', PURPLEOPS, '--out', join(dir, 'gap'), '--report', 'json']);
    expect(gap.code, gap.stderr).to.equal(0);
  });
});
