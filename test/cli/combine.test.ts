import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, hasStackTrace, loadRelease, readRawBundle, repoRoot, runCli, stixFile, type CliResult } from '../helpers/attack.js';

const dir = 'test/fixtures/layers/combine';
const a = `${dir}/a.json`;
const b = `${dir}/b.json`;

function scores(layer: NavigatorLayer): Record<string, number | null> {
  return Object.fromEntries((layer.techniques ?? []).map((t) => [`${t.techniqueID}${t.tactic ? `/${t.tactic}` : ''}`, t.score ?? null]));
}

describe('attack-layers combine', () => {
  it('prints the sum of two layers on stdout, valid against the schema and ATT&CK 18.1', async () => {
    const result = await runCli(['combine', a, b, '--op', 'sum']);
    // T1059.001's "encoded commands", which both give, is written once as `Layer A + Layer B: encoded commands`: said.
    expect(result.stderr).to.equal('the combined layer: 1 comment line given by more than one layer written once, naming each ("A + B: …")\n');
    expect(result.code).to.equal(0);
    const layer = JSON.parse(result.stdout) as NavigatorLayer;
    expect(layer.name).to.equal('sum of Layer A, Layer B');
    expect(scores(layer)).to.deep.include({ 'T1059.001': 4, 'T1053.005/execution': 6, 'T1566.001/initial-access': 6, 'T1021.001': 5 });
    expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
    const index = loadRelease('18.1');
    expect(validateLayer(layer, { attackFor: () => index }).filter((f) => f.severity === 'error')).to.deep.equal([]);
  });

  it('combines every layer of a file holding an array, and warns about an unknown technique', async () => {
    const result = await runCli(['combine', `${dir}/pair.json`, '--op', 'mean', '--name', 'Pair']);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(result.stdout) as NavigatorLayer;
    expect([layer.name, scores(layer)]).to.deep.equal(['Pair', { T1003: 3.5 }]);
    expect(result.stderr).to.contain(
      `warning: ${dir}/pair.json (layer 1): /techniques/1: T9999 is numbered far past T1681 of enterprise-attack 18.1, MITRE's newest technique, ` +
        'as a team numbers its own techniques (no newer ATT&CK release will have it), and enterprise-attack 18.1 does not hold it: give the team\'s ATT&CK ' +
        'data built on 18.1 (its ATT&CK Workbench export) as the 18.1 release (`--attack <file|folder>`), which keeps it; else fix the ID; removed (Navigator would not show it); ' +
        'the entry is kept as it was in the combined layer\'s metadata ("left out by combine")',
    );
  });

  describe('entries of techniques Navigator would not show (unknown in the release, deprecated)', () => {
    const file = `${dir}/left-out.json`;
    const written = JSON.parse(readFileSync(file, 'utf8')) as { techniques: Array<Record<string, unknown>> };
    // Straight from the raw 18.1 bundle: the state of each ID the layer names.
    const raw = readRawBundle(stixFile('enterprise-attack-18.1.json.gz'));
    const state = (id: string): string => {
      const found = raw.objects.find(
        (o) => o.type === 'attack-pattern' && (o['external_references'] as Array<Record<string, unknown>>).some((r) => r['source_name'] === 'mitre-attack' && r['external_id'] === id),
      );
      return !found ? 'unknown' : found['revoked'] ? 'revoked' : found['x_mitre_deprecated'] ? 'deprecated' : 'current';
    };
    let run: CliResult;
    let out: string;
    before(async () => {
      out = join(freshTmpDir('combine-left-out'), 'combined.json');
      run = await runCli(['combine', file, b, '--op', 'max', '--out', out]);
    });

    it('leaves them out and keeps each entry as it was, with its file and JSON pointer, in "left out by combine"; warns saying so', () => {
      expect(run.code, run.stderr).to.equal(0);
      expect(written.techniques.map((t) => (t['techniqueID'] ? state(String(t['techniqueID'])) : '{}'))).to.deep.equal(['unknown', 'deprecated', 'current', '{}']);
      const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
      expect(layer.techniques!.map((t) => t.techniqueID)).to.include('T1059').and.not.include.members(['T1685', 'T1064']);
      const kept = (layer.metadata ?? []).flatMap((item) => ('name' in item && item.name === 'left out by combine' ? [item.value] : []));
      const parsed = kept.map((value) => /^(.*): (\/techniques\/\d+): (.*)\. The entry was: (.*)$/.exec(value)!);
      expect(parsed.map((m) => [m[1], m[2]])).to.deep.equal([
        [file, '/techniques/0'],
        [file, '/techniques/1'],
      ]);
      // The entries exactly as written, comments, links and metadata included; the empty entry {} is not kept.
      expect(parsed.map((m) => JSON.parse(m[4]!))).to.deep.equal(written.techniques.slice(0, 2));
      // T1685 is an ATT&CK 19 ID (past 18.1's newest, T1681): said as a newer release's, with the release to fetch.
      expect(run.stderr).to.contain(`warning: ${file}: /techniques/0: T1685 is not a technique in enterprise-attack 18.1: its number is past 18.1's newest technique (T1681)`);
      expect(run.stderr).to.contain(`warning: ${file}: /techniques/1: T1064 (Scripting) is deprecated in enterprise-attack 18.1; removed`);
      expect(run.stderr.match(/kept as it was in the combined layer's metadata \("left out by combine"\)/g)).to.have.length(2);
    });

    it('writes a layer, with the kept entries, that validate passes, the same bytes every time', async () => {
      expect(readFileSync(out, 'utf8')).to.contain('"name": "left out by combine"');
      const validated = await runCli(['validate', out]);
      expect(validated.code, validated.stdout + validated.stderr).to.equal(0);
      expect(validated.stdout + validated.stderr).to.not.match(/error/i);
      const again = await runCli(['combine', file, b, '--op', 'max', '--quiet']);
      expect(again.stdout).to.equal(readFileSync(out, 'utf8'));
    });
  });

  it('names technique IDs of another domain as such, with their JSON path, and keeps their entries in the metadata', async () => {
    // Layer A with an ICS (T0800) and a Mobile (T1406) technique: Navigator drops both silently from an enterprise layer.
    const layerA = JSON.parse(readFileSync(a, 'utf8')) as NavigatorLayer;
    const at = layerA.techniques!.length;
    layerA.techniques!.push({ techniqueID: 'T0800', score: 2, comment: 'seen on the PLC' }, { techniqueID: 'T1406', score: 1 });
    const file = join(freshTmpDir('combine-domains'), 'a-foreign.json');
    writeFileSync(file, JSON.stringify(layerA));
    const result = await runCli(['combine', file, b, '--op', 'max']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain(`/techniques/${at}: T0800 is an ICS technique (`);
    expect(result.stderr).to.contain(`/techniques/${at + 1}: T1406 is a Mobile technique (`);
    expect(result.stderr).to.contain('this layer is enterprise-attack; removed (Navigator drops it silently): annotate it in a layer of ics-attack');
    const layer = JSON.parse(result.stdout) as NavigatorLayer;
    expect(layer.techniques!.map((t) => t.techniqueID)).to.not.include.members(['T0800', 'T1406']);
    const kept = (layer.metadata ?? []).filter((item) => 'value' in item && item.value.includes('"techniqueID":"T0800"'));
    expect(kept.length, 'the removed T0800 entry, comment and all, in the metadata').to.equal(1);
    expect(JSON.stringify(kept)).to.contain('seen on the PLC');
  });

  it('upgrades an old-format layer first, so T1086 merges with T1059.001, and says so on stderr', async () => {
    // Raw scores: the layers score on 0..5 and Navigator's 0..100 (no gradient), which combine would rescale by default.
    const result = await runCli(['combine', `${dir}/old-powershell-3.0.json`, `${dir}/new-powershell.json`, '--op', 'max', '--no-normalize']);
    expect(result.code).to.equal(0);
    expect(scores(JSON.parse(result.stdout) as NavigatorLayer)).to.deep.equal({ 'T1059.001/execution': 3 });
    expect(result.stderr).to.contain(`${dir}/old-powershell-3.0.json: upgraded from layer format 3.0 to layer format 4.5 and ATT&CK enterprise-attack 18.1`);
    expect(result.stderr).to.contain('T1086 (PowerShell) is revoked; replaced by T1059.001 (PowerShell)');
    expect(result.stderr).to.not.contain('new-powershell.json');
  });

  it('warns that a layer of a newer release than the one combined in (ATT&CK 19 in 18.1) is downgraded, as upgrade --to does', async () => {
    // Yamato-Security's WELA writes its Sigma heatmap for ATT&CK 19 (T1562.001 remapped to T1685; find_string id
    // 69380232533); combined in 18.1, its entries under 19's tactics moved or went with no word that it was a downgrade.
    const v19 = 'test/fixtures/layers/attack-19.json';
    const result = await runCli(['combine', v19, `${dir}/new-powershell.json`, '--op', 'max']);
    expect(result.code).to.equal(0);
    expect(result.stderr).to.contain(
      `warning: ${v19}: a downgrade from ATT&CK 19 to enterprise-attack 18.1: entries under techniques or tactics that 18.1 does not have are moved or removed, each one listed`,
    );
    expect(result.stderr).to.not.match(/new-powershell\.json: a downgrade/);
  });

  // attack-object G0016 (APT29) downgraded to 6.3 keeps 50 of its 98 entries in "merged by downgrade" and "removed by
  // downgrade" items. Before, combine read none of them: combined with the APT32 campaign layer in 18.1, the result held
  // 48 entries, not the 98 of the layer as attack-object wrote it; in 6.3, the items were carried with no word.
  describe('a layer downgraded to 6.3 (attack-object G0016), and the items that keep what the downgrade merged or removed', () => {
    const apt32 = 'layers/apt32-covid19-wuhan.layer.json';
    let tmp: string;
    let v18: string;
    let v6: string;
    before(async () => {
      tmp = freshTmpDir('combine-downgraded');
      expect((await runCli(['attack-object', 'G0016', '--out', tmp])).code).to.equal(0);
      v18 = join(tmp, 'G0016-apt29.layer.json');
      v6 = join(tmp, 'g6.json');
      const down = await runCli(['upgrade', v18, '--to', '6.3', '--out', v6]);
      expect(down.code, down.stderr).to.equal(0);
    });

    it('combined in 18.1, writes them again first: the same entries as the layer attack-object wrote', async () => {
      const fromDowngraded = await runCli(['combine', v6, apt32, '--op', 'max']);
      const fromOriginal = await runCli(['combine', v18, apt32, '--op', 'max']);
      expect(fromDowngraded.code, fromDowngraded.stderr).to.equal(0);
      const combined = JSON.parse(fromDowngraded.stdout) as NavigatorLayer;
      expect(combined.techniques).to.have.length(98);
      expect(combined.techniques).to.deep.equal((JSON.parse(fromOriginal.stdout) as NavigatorLayer).techniques);
      expect(JSON.stringify(combined.metadata)).not.to.match(/by downgrade|not combined/);
      expect(fromDowngraded.stderr).to.contain('/techniques/0: T1003 split into T1003, T1003.002, T1003.004, each as it was before a downgrade merged them into T1003');
    });

    it('combined in 6.3, carries them as the input has them and says plainly, on stderr and in the layer, that they are not combined', async () => {
      const result = await runCli(['combine', v6, apt32, '--op', 'max', '--to', '6.3']);
      expect(result.code, result.stderr).to.equal(0);
      const said =
        'its 65 "merged by downgrade" and "removed by downgrade" items, what a downgrade merged or removed, enterprise-attack 6.3 cannot write again: ' +
        `carried in the combined layer's metadata as ${v6} has them, not combined; an upgrade of the combined layer would not split them out of combined ` +
        `entries: combine in a release that has them (combine writes them again first), or upgrade ${v6} to one first`;
      expect(result.stderr).to.contain(`warning: ${v6}: ${said}`);
      const combined = JSON.parse(result.stdout) as NavigatorLayer;
      const metadata = combined.metadata!.map((item) => ('name' in item ? [item.name, item.value] : ['divider']));
      const at = metadata.findIndex(([name, value]) => name === 'file' && value === v6);
      expect(metadata[at + 1]).to.deep.equal(['not combined', said]);
      expect(metadata.filter(([name]) => name === 'merged by downgrade' || name === 'removed by downgrade')).to.have.length(65);
    });
  });

  it('says nothing on stderr with --quiet', async () => {
    const result = await runCli(['combine', `${dir}/old-powershell-3.0.json`, `${dir}/new-powershell.json`, '--op', 'max', '--quiet']);
    expect([result.code, result.stderr]).to.deep.equal([0, '']);
  });

  it('exits 1 for layers of different domains, naming the files', async () => {
    const result = await runCli(['combine', a, `${dir}/mobile.json`, '--op', 'union']);
    expect(result.code).to.equal(1);
    expect(result.stdout).to.equal('');
    expect(result.stderr).to.contain(`enterprise-attack (${a}); mobile-attack (${dir}/mobile.json)`);
    expect(hasStackTrace(result.stderr)).to.equal(false);
  });

  const failures: Array<[string, string[], number, string]> = [
    ['invalid JSON, with its line', [`${dir}/invalid-json.txt`, a], 1, `${dir}/invalid-json.txt: line 5, column`],
    // A platform filter that is no list (7) is left out since (h591), and said: a layout that is no object has no repair.
    ['a layout that is no object, with its path', [`${dir}/bad-layout.json`, a], 1, '/layout: must be object'],
    ['a missing file', [`${dir}/nowhere.json`, a], 2, `${dir}/nowhere.json: no such file`],
    ['a single layer', [a], 2, 'at least two layers'],
  ];
  for (const [label, files, code, message] of failures) {
    it(`exits ${code} for ${label}`, async () => {
      const result = await runCli(['combine', ...files, '--op', 'sum']);
      expect(result.code).to.equal(code);
      expect(result.stderr).to.contain(message);
      expect(hasStackTrace(result.stderr)).to.equal(false);
    });
  }

  it('reads a platform filter written as a number, leaving it out and saying so (it refused the file)', async () => {
    const result = await runCli(['combine', `${dir}/bad-platforms.json`, a, '--op', 'sum']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain('/filters/platforms: 7 is a number, where a list of platform names goes, and holds no item to read it as; left out');
  });

  it('exits 2 for an unknown --op or none', async () => {
    expect((await runCli(['combine', a, b, '--op', 'xor'])).code).to.equal(2);
    expect((await runCli(['combine', a, b])).code).to.equal(2);
  });

  it('counts the entries it wrote in words that fit the count ("1 technique entry", not "1 technique entries")', async () => {
    const folder = freshTmpDir('combine-one');
    const one = { name: 'one', domain: 'enterprise-attack', versions: { layer: '4.5', attack: '18', navigator: '5.1.0' }, techniques: [{ techniqueID: 'T1059', score: 1 }] };
    for (const name of ['x.json', 'y.json']) writeFileSync(join(folder, name), JSON.stringify(one));
    const out = join(folder, 'max.json');
    const result = await runCli(['combine', join(folder, 'x.json'), join(folder, 'y.json'), '--op', 'max', '--out', out]);
    expect([result.code, result.stdout, result.stderr]).to.deep.equal([0, `${out}\n`, 'the combined layer: 1 technique entry (max of 2 layers)\n']);
  });

  it('writes --out, refuses to overwrite it without --force, and overwrites with --force', async () => {
    const out = join(freshTmpDir('combine'), 'combined.json');
    const first = await runCli(['combine', a, b, '--op', 'min', '--out', out]);
    // The path written on stdout, as render, gap and export print theirs (it was `wrote <path>: …` on stderr).
    expect([first.code, first.stdout]).to.deep.equal([0, `${out}\n`]);
    expect(first.stderr).to.not.contain(out);
    const written = readFileSync(out, 'utf8');
    expect(scores(JSON.parse(written) as NavigatorLayer)['T1059.001']).to.equal(1);

    // The same combination again leaves the file as it is: it holds that layer already.
    const same = await runCli(['combine', a, b, '--op', 'min', '--out', out]);
    expect([same.code, same.stdout, same.stderr.split('\n')[0]]).to.deep.equal([0, `${out}\n`, `${out}: unchanged, it holds this content already`]);
    writeFileSync(out, 'keep me');
    const refused = await runCli(['combine', a, b, '--op', 'min', '--out', out]);
    expect([refused.code, refused.stdout, refused.stderr]).to.deep.equal([2, '', `attack-layers combine: ${out} already exists with other content; pass --force to overwrite it\n`]);
    expect(readFileSync(out, 'utf8')).to.equal('keep me');

    const forced = await runCli(['combine', a, b, '--op', 'min', '--out', out, '--force']);
    expect(forced.code).to.equal(0);
    expect(readFileSync(out, 'utf8')).to.equal(written);
  });

  // `combine nowhere.json a.json --out combined.json` with an old combined.json said only that it exists; with --force
  // added, the missing layer: one problem a run. The missing layer is said first, before any layer is read; whether
  // the old file may be replaced is known once the combination is (the same bytes are left alone).
  // `combine <folder>` said `<folder>: is a folder, not a file; name a file in it`, where validate and upgrade read
  // a folder's layers.
  it("reads a folder's .json layers in the order of their paths, and says so", async () => {
    const folder = freshTmpDir('combine-folder');
    // b.json before a.json on the command line, to show the folder's order is the paths', not the copies'.
    writeFileSync(join(folder, 'b.json'), readFileSync(b));
    writeFileSync(join(folder, 'a.json'), readFileSync(a));
    for (const op of ['sum', 'diff']) {
      const files = await runCli(['combine', join(folder, 'a.json'), join(folder, 'b.json'), '--op', op]);
      const read = await runCli(['combine', folder, '--op', op]);
      expect([read.code, read.stdout], op).to.deep.equal([0, files.stdout]);
      expect(read.stderr, op).to.equal(`note: ${folder}: 2 layer files, combined in the order of their paths: a.json, b.json\n${files.stderr}`);
    }
  });

  // `combine <folder>` stopped at the first .json that is no layer (`gap-report.json: this is a gap report …`, exit 1),
  // as upgrade <folder> failed on it: gap writes its JSON report beside its layers, and a project folder has a package.json.
  it('leaves out a file of a folder that is plainly no layer (a gap report, a campaign as JSON, a package.json), saying what it is', async () => {
    const folder = freshTmpDir('combine-not-layers');
    writeFileSync(join(folder, 'a.json'), readFileSync(a));
    writeFileSync(join(folder, 'b.json'), readFileSync(b));
    writeFileSync(join(folder, 'package.json'), readFileSync('package.json'));
    writeFileSync(join(folder, 'campaign.json'), readFileSync('test/fixtures/campaigns/every-field.json'));
    const review = join(freshTmpDir('combine-gap'), 'review');
    const gap = await runCli(['gap', '--threat', 'campaigns/apt32-covid19-wuhan.yaml', '--coverage', 'test/fixtures/gap/detections.csv', '--out', review, '--report', 'json', '-q']);
    expect(gap.code, gap.stderr).to.equal(0);
    writeFileSync(join(folder, 'gap-report.json'), readFileSync(join(review, 'gap-report.json')));
    const files = await runCli(['combine', join(folder, 'a.json'), join(folder, 'b.json'), '--op', 'sum']);
    const read = await runCli(['combine', folder, '--op', 'sum']);
    expect([read.code, read.stdout]).to.deep.equal([0, files.stdout]);
    const said = read.stderr.split('\n').filter((line) => line.startsWith('left out: '));
    expect(said).to.deep.equal([
      `left out: ${folder}/campaign.json: this is a campaign file, not an ATT&CK Navigator layer`,
      `left out: ${folder}/gap-report.json: this is a gap report (gap --report json), not an ATT&CK Navigator layer`,
      `left out: ${folder}/package.json: this is JSON of no kind attack-layers reads (its keys at the top are "name", "version", "description", "license", "type", "engines" and 8 more), not an ATT&CK Navigator layer`,
    ]);
    expect(read.stderr).to.contain(`note: ${folder}: 2 layer files, combined in the order of their paths: a.json, b.json\n`);
    // upgrade reads a folder as combine does: the layers are upgraded, the rest left out.
    const upgraded = await runCli(['upgrade', folder, '--out', join(review, 'upgraded')]);
    expect(upgraded.code, upgraded.stderr).to.equal(0);
    expect(upgraded.stderr.split('\n').filter((line) => line.startsWith('left out: '))).to.deep.equal(said);
    // A folder of no layer at all is refused (exit 1), saying why each file is none.
    const none = freshTmpDir('combine-no-layer');
    writeFileSync(join(none, 'package.json'), readFileSync('package.json'));
    const refused = await runCli(['combine', none, '--op', 'sum']);
    expect([refused.code, refused.stdout, refused.stderr]).to.deep.equal([
      1,
      '',
      `attack-layers combine: ${none}: no file there is an ATT&CK Navigator layer:\n  ${said[2]!.replace('left out: ', '').replace(folder, none)}\n`,
    ]);
  });

  it('says a missing layer file before reading any layer, and an --out that is a folder with it (exit 2)', async () => {
    const out = join(freshTmpDir('combine-both'), 'combined.json');
    writeFileSync(out, 'keep me');
    const refused = await runCli(['combine', `${dir}/nowhere.json`, a, '--op', 'max', '--out', out]);
    expect([refused.code, refused.stdout, refused.stderr]).to.deep.equal([2, '', `attack-layers combine: ${dir}/nowhere.json: no such file or folder\n`]);
    expect(readFileSync(out, 'utf8')).to.equal('keep me');
    const folder = await runCli(['combine', `${dir}/nowhere.json`, a, '--op', 'max', '--out', join(out, '..')]);
    expect([folder.code, folder.stderr]).to.deep.equal([2, `attack-layers combine: ${dir}/nowhere.json: no such file or folder; and ${join(out, '..')} is a folder; give the name of a file to write\n`]);
  });

  it('prints the file it wrote on stdout as --out names it, as export does, and keeps it there under --quiet', async () => {
    const folder = freshTmpDir('combine-relative');
    const combined = await runCli(['combine', join(repoRoot, a), join(repoRoot, b), '--op', 'max', '--out', 'max.json', '--quiet'], {}, { cwd: folder });
    expect([combined.code, combined.stdout, combined.stderr]).to.deep.equal([0, 'max.json\n', '']);
    expect(JSON.parse(readFileSync(join(folder, 'max.json'), 'utf8'))).to.have.property('techniques');
    const exported = await runCli(['export', 'max.json', '--format', 'csv', '--out', 'max.csv', '--quiet'], {}, { cwd: folder });
    expect([exported.code, exported.stdout, exported.stderr]).to.deep.equal([0, 'max.csv\n', '']);
  });

  it('writes byte-identical output on repeat', async () => {
    const argv = ['combine', a, b, `${dir}/c.json`, '--op', 'mean'];
    const once = await runCli(argv);
    const twice = await runCli(argv);
    expect(once.code).to.equal(0);
    expect(twice.stdout).to.equal(once.stdout);
  });
});

// SRA's Threat Simulation Index layer (publayers5 11) lists every ATT&CK ID ever, its revoked ones disabled, and T1021
// five times: combine printed 35 warnings for the entries it left out and five "merged with" lines per technique.
describe('attack-layers combine: many notes of one kind', () => {
  /** `combine --op max` of a layer `name` of these entries and one of T1059 alone, in `dir`. */
  const combineWithOther = async (dir: string, name: string, techniques: object[]) => {
    const layer = { name, domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' }, techniques };
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(layer));
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ ...layer, name: 'other', techniques: [{ techniqueID: 'T1059', score: 1 }] }));
    const run = await runCli(['combine', join(dir, `${name}.json`), join(dir, 'other.json'), '--op', 'max', '--out', join(dir, 'out.json')]);
    expect(run.code, run.stderr).to.equal(0);
    return run;
  };

  it('lists the first three of a kind on stderr, then how many more; the combined layer keeps every entry left out', async () => {
    const dir = freshTmpDir('combine-kinds');
    const revoked = ['T1002', 'T1004', 'T1009', 'T1013', 'T1015'];
    const run = await combineWithOther(dir, 'index', [
      ...revoked.map((techniqueID) => ({ techniqueID, enabled: false })),
      ...[1, 2, 3, 4, 5].map((score) => ({ techniqueID: 'T1021', score })),
    ]);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings.filter((line) => / is revoked; /.test(line))).to.have.length(3);
    expect(warnings).to.include(`warning: ${join(dir, 'index.json')}: /techniques/2: and 2 more of this kind after it, of T1013, T1015, each kept in the combined layer's metadata`);
    // One line for the merge of the five, the first entry's, which says how the scores merged.
    expect(run.stderr.split('\n').filter((line) => / merged with /.test(line))).to.have.length(1);
    const out = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as NavigatorLayer;
    expect(out.metadata?.filter((item) => 'name' in item && item.name === 'left out by combine')).to.have.length(5);
  });

  // NAV 4.8.2-era layers (publayers3 07, publayers5 04) give several techniques two entries each: the merge lines of
  // the first techniques were shown and the rest counted as 'more of this kind', which did not say which techniques.
  it('names the techniques whose merges it does not list', async () => {
    const dir = freshTmpDir('combine-merges');
    const twice = ['T1003', 'T1021', 'T1059', 'T1105', 'T1110'];
    const run = await combineWithOther(dir, 'twice', twice.flatMap((techniqueID) => [{ techniqueID, score: 1 }, { techniqueID, score: 2 }]));
    const merges = run.stderr.split('\n').filter((line) => / merged with /.test(line));
    const shown = new Set(merges.map((line) => /\(all (T\d{4})\)/.exec(line)?.[1]));
    const more = run.stderr.split('\n').find((line) => line.startsWith('  and ') && line.includes('more of this kind'));
    expect(more, run.stderr).to.match(/^ {2}and \d+ more of this kind, of T\d{4}(, T\d{4})* \(`attack-layers upgrade` of the file lists every one\)$/);
    const named = /, of ([^(]*) \(/.exec(more!)![1]!.split(', ');
    // Every technique merged is either listed or named in the count.
    expect([...new Set([...shown, ...named])].sort()).to.deep.equal(twice);
  });
});

// A file given twice (a shell glob that also matches a file named after it) is one layer twice: it was named twice in
// the legend warning, as `"Atomic Red Team (Iaas:GCP) (…/art-….json)", "Atomic Red Team (Iaas:GCP) (…/art-….json)"`,
// its file added to tell apart two layers that are one; and its entries left out were counted again as "1 more".
describe('attack-layers combine: one file given twice (real published layers)', function () {
  this.timeout(60_000);
  // Atomic Red Team's GCP layer (test/fixtures/layers/public/README.md): a legend of two items on its 0..10 gradient.
  const art = 'test/fixtures/layers/public/art-navigator-layer-iaas-gcp-4.4.json';
  // Navigator's Bear_APT sample (test/fixtures/layers/navigator/README.md): two deprecated techniques, T1043 and T1064.
  const bear = 'test/fixtures/layers/navigator/Bear_APT.json';

  it('names the layer once in the legend warning, as given twice, without its file', async () => {
    const run = await runCli(['combine', art, art, '--op', 'sum', '--out', join(freshTmpDir('combine-twice'), 'sum.json')]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.contain(
      'warning: legend items left out of the combined layer: "10 or more tests" (#ce232e), "1 or more tests" (#ffffff) of "Atomic Red Team (Iaas:GCP)" (given twice): ' +
        "a colour of its gradient (0..10), which the combined layer's (#ffffff, #ce232e over 0..20) replaces",
    );
    const layer = JSON.parse(readFileSync(run.stdout.trim(), 'utf8')) as NavigatorLayer;
    expect(layer.name).to.equal('sum of Atomic Red Team (Iaas:GCP), Atomic Red Team (Iaas:GCP)');
  });

  it('still tells apart two files of one name by their files', async () => {
    const dir = freshTmpDir('combine-twice-named');
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync(art));
    const run = await runCli(['combine', art, copy, '--op', 'sum', '--out', join(dir, 'sum.json')]);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stderr).to.contain(`of "Atomic Red Team (Iaas:GCP) (${art})", "Atomic Red Team (Iaas:GCP) (${copy})": a colour of its gradient`);
  });

  it('says each entry it leaves out once, not again as "more of this kind"', async () => {
    const run = await runCli(['combine', bear, bear, '--op', 'max', '--out', join(freshTmpDir('combine-twice-left-out'), 'max.json')]);
    expect(run.code, run.stderr).to.equal(0);
    const leftOut = run.stderr.split('\n').filter((line) => line.startsWith(`warning: ${bear}: /techniques/`));
    expect(leftOut.map((line) => /: (T\d{4}) \(/.exec(line)?.[1])).to.deep.equal(['T1043', 'T1064']);
  });
});

describe('attack-layers combine: entries with a colour and no score (real published layers)', function () {
  this.timeout(60_000);
  // The repository's campaign layers score what a report observed (100) or infers (50) on 0..100. Navigator's Bear_APT
  // sample (Apache-2.0, test/fixtures/layers/navigator/README.md) marks the techniques of every "bear" group #ff6666,
  // its one legend item, with no score; its April 2018 update layer (test/fixtures/layers/public/README.md) colours
  // new techniques #a1d99b and changed ones #fcf26b, as its legend says.
  const campaigns = ['layers/apt32-covid19-wuhan.layer.json', 'layers/temp-periscope-cambodia-2018.layer.json'];
  const bear = 'test/fixtures/layers/navigator/Bear_APT.json';
  const updates = 'test/fixtures/layers/public/navigator-april-2018-updates-2.0.json';
  const read = (file: string): NavigatorLayer => JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer;

  it('sums a one-colour actor layer\'s marks as its range\'s top (100): none is left unscored, and stderr says so', async () => {
    const out = join(freshTmpDir('combine-marks'), 'sum.json');
    const run = await runCli(['combine', ...campaigns, bear, '--op', 'sum', '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    const layer = read(out);
    const shown = (layer.techniques ?? []).filter((t) => t.enabled !== false && t.color);
    expect(shown.filter((t) => t.score === undefined).map((t) => t.techniqueID)).to.deep.equal([]);
    const score = (id: string) => (layer.techniques ?? []).filter((t) => t.techniqueID === id).map((t) => t.score);
    // T1003: inferred in TEMP.Periscope's campaign (50), used by a bear (100); T1001: only a bear uses it.
    expect([read(campaigns[1]!).techniques!.find((t) => t.techniqueID === 'T1003')?.score, score('T1003'), score('T1001')]).to.deep.equal([50, [150], [100]]);
    expect(run.stderr).to.contain(
      'warning: "*Bear APTs": 57 techniques it colours without a score count as marked, scoring 100, the top of Navigator\'s 0..100 (the layer has no gradient): T1001, T1003, T1007 and 54 more; give them scores where they mean less',
    );
    expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
  });

  it('leaves an update layer\'s categories unscored, each keeping its colour, and does not widen the sum\'s gradient for it', async () => {
    const out = join(freshTmpDir('combine-categories'), 'sum.json');
    const run = await runCli(['combine', campaigns[1]!, updates, '--op', 'sum', '--out', out]);
    expect(run.code, run.stderr).to.equal(0);
    const layer = read(out);
    const unscored = (layer.techniques ?? []).filter((t) => t.score === undefined && t.color);
    expect([...new Set(unscored.map((t) => t.color))].sort()).to.deep.equal(['#a1d99b', '#fcf26b']);
    expect(run.stderr).to.contain(
      'warning: "April 2018 Updates": its 39 entries with a colour and no score count for no score, as the layer gives 2 colours ' +
        '(#a1d99b "new techniques", #fcf26b "changed scope, content, or tactics"), categories no score orders; each keeps its colour where no layer scores the technique',
    );
    // Only the campaign layer scores: the sum's gradient is its 0..100, not twice it.
    expect([layer.gradient?.minValue, layer.gradient?.maxValue]).to.deep.equal([0, 100]);
    expect(schemaIssues('layer-4.5', layer)).to.deep.equal([]);
  });
});
