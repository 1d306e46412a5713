/**
 * Navigator's own heatmap sample (attack-navigator `layers/data/samples/heatmap_layer.json` at 13b7d51c) scores
 * T1551, T1551.001 to T1551.004: IDs of ATT&CK v7-beta (March 2020, the sub-techniques beta), which ATT&CK 7 numbered
 * otherwise. Every command said only "T1551.003 is not a technique of enterprise-attack 18.1", and `gap` (through
 * normalization) advised `data fetch` for "a newer ATT&CK release", where no release has the number or ever will.
 * They now say that no release used the number and, for a sub-technique, that it has a pre-release's shape, without
 * naming a successor, which no release here records.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UNUSED_NUMBERS, noReleaseNumberText, unusedNumberText } from '../../lib/attack/technique-id.js';
import { freshTmpDir, rawAttackId, readRawBundle, repoRoot, runCli, stixDir, stixFile } from '../helpers/attack.js';

// test/fixtures/layers/public/README.md: an excerpt of Navigator's heatmap sample, format 3.0.
const HEATMAP = join(repoRoot, 'test/fixtures/layers/public/navigator-heatmap-v7-beta-3.0.json');
// A coverage layer of colours alone (its legend says no level): the review reads the threat's IDs all the same.
const BEAR = join(repoRoot, 'test/fixtures/layers/public/navigator-bear-apt.json');
const BETA = ['T1551.003', 'T1551.002', 'T1551.001', 'T1551.004'];
const PRE_RELEASE = "it has the shape of a pre-release's sub-technique, such as ATT&CK v7-beta's (March 2020)";
const NO_RELEASE = 'is in no enterprise, mobile or ICS release (ATT&CK left T1551 unused, below its newest number, T1681 in 18.1)';

describe('IDs of numbers no release used (ATT&CK v7-beta sub-techniques)', () => {
  const dir = freshTmpDir('pre-release-ids');

  it('the unused numbers are those that no release here holds, below the newest, PRE-ATT&CK\'s range aside', () => {
    const used = new Set<number>();
    const files = readdirSync(stixDir()).filter((name) => name.endsWith('.json.gz'));
    expect(files.length).to.be.greaterThan(5);
    for (const name of files) {
      for (const o of readRawBundle(stixFile(name)).objects) if (o.type === 'attack-pattern') used.add(Number(rawAttackId(o).slice(1, 5)));
    }
    const newest = Math.max(...[...used].filter((n) => n < 2000));
    expect(newest).to.equal(1681);
    const unused = [];
    for (let n = 1000; n <= newest; n++) if (!used.has(n) && (n < 1224 || n > 1397)) unused.push(n);
    expect(unused).to.deep.equal([...UNUSED_NUMBERS]);
  });

  it('says a sub-technique of such a number has a pre-release\'s shape, the number alone only that no release has it', () => {
    // Where to look, as no release here records it: ATT&CK 7's change log ("Compared to v7.0-beta") and the beta's STIX
    // data (mitre/cti's subtechniques branch), per MITRE's July 2020 post and mitre/cti issue 78.
    expect(unusedNumberText('T1551.004')).to.equal(
      `T1551.004 ${NO_RELEASE}: ${PRE_RELEASE}, whose IDs ATT&CK 7 partly changed; no release here records what it became: ` +
        'look it up in ATT&CK 7\'s change log, under "Compared to v7.0-beta", or in the beta\'s STIX data (mitre/cti, branch subtechniques)',
    );
    expect(unusedNumberText('T1551')).to.equal(`T1551 ${NO_RELEASE}`);
    expect(unusedNumberText('T1070.004')).to.equal(undefined);
    expect(unusedNumberText('T9999')).to.equal(undefined);
    expect(noReleaseNumberText('T1254')).to.contain('where PRE-ATT&CK numbered its techniques');
    expect(noReleaseNumberText('T1551.001')).to.contain(PRE_RELEASE);
  });

  it('validate says so of each beta ID, without advising a release to fetch', async () => {
    const result = await runCli(['validate', HEATMAP, '--json']);
    expect(result.code).to.equal(1);
    const findings = (JSON.parse(result.stdout) as { findings: { code: string; path: string; message: string }[] }[])[0]!.findings;
    const unknown = findings.filter((f) => f.code === 'unknown-technique');
    expect(unknown.map((f) => f.path)).to.deep.equal(['/techniques/2', '/techniques/3', '/techniques/4', '/techniques/5', '/techniques/6']);
    for (const f of unknown.slice(0, 4)) expect(f.message).to.contain(PRE_RELEASE);
    expect(unknown[4]!.message).to.contain(`T1551 ${NO_RELEASE}`).and.not.contain('pre-release');
    for (const f of unknown) expect(f.message).not.to.match(/data fetch|T1070/);
  });

  it('upgrade says so, keeps each score in the metadata, and writes a layer validate passes', async () => {
    const out = join(dir, 'up.json');
    const result = await runCli(['upgrade', HEATMAP, '--out', out]);
    expect(result.code, result.stderr).to.equal(0);
    for (const id of BETA) expect(result.stderr).to.contain(`${id} ${NO_RELEASE}: ${PRE_RELEASE}`);
    const layer = JSON.parse(readFileSync(out, 'utf8')) as { techniques: { techniqueID: string }[]; metadata: { name: string; value: string }[] };
    expect(layer.techniques.map((t) => t.techniqueID)).to.deep.equal(['T1546.004', 'T1548']);
    const kept = layer.metadata.filter((m) => m.name === 'removed by upgrade').map((m) => m.value);
    expect(kept).to.have.length(5);
    expect(kept[3]).to.contain('The entry was: {"techniqueID":"T1551.004","score":80}');
    expect((await runCli(['validate', out])).code).to.equal(0);
  });

  it('combine, export and gap (the layer as threat) say the same, where gap advised data fetch', async () => {
    const combined = await runCli(['combine', HEATMAP, HEATMAP, '--op', 'max', '--out', join(dir, 'c.json')]);
    expect(combined.code, combined.stderr).to.equal(0);
    expect(combined.stderr).to.contain(`/techniques/2: T1551.003 ${NO_RELEASE}: ${PRE_RELEASE}`);
    const exported = await runCli(['export', HEATMAP, '--format', 'csv']);
    expect(exported.stderr).to.contain(`not drawn: T1551.004: ${NO_RELEASE}: ${PRE_RELEASE}`);
    const gap = await runCli(['gap', '--threat', HEATMAP, '--coverage', BEAR, '--out', join(dir, 'gap')]);
    expect(gap.code, gap.stderr).to.equal(0);
    const report = readFileSync(join(dir, 'gap', 'gap-report.md'), 'utf8');
    expect(report).to.contain(`| T1551.004 | unknown | 1 | T1551.004 ${NO_RELEASE}: ${PRE_RELEASE}`);
    expect(report).not.to.contain('T1551.004 is not a technique');
  });
});
