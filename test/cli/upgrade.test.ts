import { expect } from 'chai';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import type { LayerUpgradeReport } from '../../lib/layer/upgrade-report.js';
import { validateLayer } from '../../lib/layer/validate-layer.js';
import { rawMatrix } from '../export/raw-matrix.js';
import { freshTmpDir, hasStackTrace, loadRelease, readRawBundle, runCli, stixFile } from '../helpers/attack.js';

/** The platforms of a release's current techniques, read straight from its file in the shared folder. */
function bundlePlatforms(file: string): string[] {
  const platforms = new Set<string>();
  for (const o of readRawBundle(stixFile(file)).objects) {
    if (o.type === 'attack-pattern' && !o['revoked'] && !o['x_mitre_deprecated']) for (const p of (o['x_mitre_platforms'] as string[] | undefined) ?? []) platforms.add(p);
  }
  return [...platforms].sort();
}

const fixtures = 'test/fixtures/layers';

/** A folder holding copies of some layer fixtures, one of them in a sub-folder. */
function layerFolder(): string {
  const dir = freshTmpDir('upgrade-in');
  mkdirSync(join(dir, 'old'));
  copyFileSync(`${fixtures}/old-format-3.0.json`, join(dir, 'old', 'phishing.json'));
  copyFileSync(`${fixtures}/old-format-4.2.json`, join(dir, 'powershell.json'));
  copyFileSync(`${fixtures}/layer-4.5-attack12.json`, join(dir, 'loaders.json'));
  return dir;
}

describe('attack-layers upgrade', () => {
  it('prints one upgraded layer on stdout and what changed on stderr', async () => {
    const result = await runCli(['upgrade', `${fixtures}/old-format-4.2.json`]);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(result.stdout) as NavigatorLayer;
    expect(layer.versions).to.deep.equal({ attack: '18', navigator: '5.1.0', layer: '4.5' });
    expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
    expect(result.stderr).to.contain(`${fixtures}/old-format-4.2.json: 3 kept, 1 remapped, 2 merged`);
    expect(result.stderr).to.contain('/techniques/2: T1193 (Spearphishing Attachment) is revoked; replaced by T1566.001');
  });

  it('upgrades a folder into --out, keeping its sub-folders, with a Markdown report on stdout', async () => {
    const input = layerFolder();
    const out = join(freshTmpDir('upgrade-out'), 'v18');
    const result = await runCli(['upgrade', input, '--out', out, '--report', 'md']);
    expect(result.code, result.stderr).to.equal(0);
    for (const file of ['old/phishing.json', 'powershell.json', 'loaders.json']) {
      const layer = JSON.parse(readFileSync(join(out, file), 'utf8')) as NavigatorLayer;
      expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') }), file).to.deep.equal([]);
    }
    expect(result.stdout).to.match(/^# Layer upgrade report\n\n3 layers, 3 changed\./);
    // validate takes the folder too, and finds nothing.
    expect(await runCli(['validate', out])).to.deep.equal({ code: 0, stdout: '', stderr: '' });
    expect((await runCli(['validate', input])).code).to.equal(1);
    expect(result.stdout).to.contain('| `/techniques/3` | T1064 Scripting (execution) | removed | — |');
    expect(result.stdout).to.contain('T1574.001 was "DLL Search Order Hijacking" in enterprise-attack 12.1 and is "DLL" in enterprise-attack 18.1');
    // The same upgrade again replaces nothing: each file holds its layer already.
    const same = await runCli(['upgrade', input, '--out', out, '--quiet']);
    expect([same.code, same.stderr]).to.deep.equal([0, '']);
    // Nothing of other content is replaced without --force: each such file is named.
    for (const file of ['old/phishing.json', 'powershell.json']) writeFileSync(join(out, file), '{}\n');
    const again = await runCli(['upgrade', input, '--out', out]);
    expect(again.code).to.equal(2);
    expect(again.stderr).to.contain(`${join(out, 'old/phishing.json')}, ${join(out, 'powershell.json')} already exist with other content; pass --force to overwrite them\n`);
    expect(readFileSync(join(out, 'powershell.json'), 'utf8')).to.equal('{}\n');
    expect((await runCli(['upgrade', input, '--out', out, '--force'])).code).to.equal(0);
  });

  // The Markdown report showed a note's code spans as escaped backticks ("the old \\`version\\` key"): notes are ours,
  // and their code spans are code. Layer shaped as RafidHasan121/CS6411FinalProject's navigator_layer.json writes it
  // ("version": "4.5" at the top level), its name holding Markdown that must stay text.
  it('writes the notes of its Markdown report with their code spans as code, and the input they quote as text', async () => {
    const dir = freshTmpDir('upgrade-md-code');
    const value = { version: '4.5', name: 'APT *x* <b>', domain: 'enterprise-attack', techniques: [{ techniqueID: 'T1110', score: 1 }] };
    writeFileSync(join(dir, 'old.json'), JSON.stringify(value));
    const result = await runCli(['upgrade', join(dir, 'old.json'), '--out', join(dir, 'new.json'), '--report', 'md', '--report-out', join(dir, 'report.md')]);
    expect(result.code, result.stderr).to.equal(0);
    const report = readFileSync(join(dir, 'report.md'), 'utf8');
    expect(report).to.contain('- `/version`: format 4.5 was stated under the old `version` key; moved to `versions.layer`');
    expect(report).to.not.contain('\\`');
    expect(report).to.contain('## APT \\*x\\* &lt;b&gt;');
  });

  // The layer on stdout was printed before the report file was refused: `> new.json` got a whole layer, exit 2.
  it('prints no layer on stdout when its --report-out file is refused', async () => {
    const dir = freshTmpDir('upgrade-report-exists');
    writeFileSync(join(dir, 'report.md'), 'last week\'s report\n');
    const result = await runCli(['upgrade', `${fixtures}/old-format-4.2.json`, '--report', 'md', '--report-out', join(dir, 'report.md')]);
    expect(result.code).to.equal(2);
    expect(result.stderr).to.contain('report.md already exists with other content; pass --force to overwrite it');
    expect(result.stdout).to.equal('');
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).to.equal('last week\'s report\n');
  });

  /**
   * A coverage layer in our own words after splunk/security_content's AsyncRAT coverage layer: a 0..5 gradient, the
   * techniques scored as given (in that order).
   */
  const asyncRatCoverage = (scores: Record<string, number>) => ({
    name: 'AsyncRAT coverage',
    versions: { attack: '14', navigator: '4.9.1', layer: '4.5' },
    domain: 'enterprise-attack',
    gradient: { colors: ['#ffffff', '#66b1ff'], minValue: 0, maxValue: 5 },
    techniques: Object.entries(scores).map(([techniqueID, score]) => ({ techniqueID, score })),
  });

  // upgrade kept scores off the gradient without a word while validate warned score-out-of-range. Layer in our own
  // words after splunk/security_content's AsyncRAT coverage layer: a 0..5 gradient, T1059 scored 7 and T1059.001 6.
  it('reports scores outside the gradient, kept as written, in its Markdown and JSON reports', async () => {
    const dir = freshTmpDir('upgrade-score-range');
    writeFileSync(join(dir, 'asyncrat.json'), JSON.stringify(asyncRatCoverage({ T1059: 7, 'T1059.001': 6, 'T1547.001': 2 })));
    const run = async (report: 'md' | 'json') => {
      const out = join(dir, `report.${report}`);
      const result = await runCli(['upgrade', join(dir, 'asyncrat.json'), '--to', '18.1', '--out', join(dir, `new-${report}.json`), '--report', report, '--report-out', out]);
      expect(result.code, result.stderr).to.equal(0);
      return readFileSync(out, 'utf8');
    };
    const [entry] = JSON.parse(await run('json')) as LayerUpgradeReport[];
    expect(entry!.scoresOutOfRange.map(({ path, techniqueID, score }) => [path, techniqueID, score])).to.deep.equal([
      ['/techniques/0/score', 'T1059', 7],
      ['/techniques/1/score', 'T1059.001', 6],
    ]);
    const layer = JSON.parse(readFileSync(join(dir, 'new-json.json'), 'utf8')) as NavigatorLayer;
    expect(layer.techniques!.map((t) => t.score)).to.deep.equal([7, 6, 2]);
    // The note is validate's own warning about the upgraded layer.
    const warnings = validateLayer(layer, { attackFor: () => loadRelease('18.1') }).filter((f) => f.code === 'score-out-of-range');
    expect(warnings.map((f) => f.message)).to.deep.equal(entry!.scoresOutOfRange.map((f) => `${f.path}: ${f.message}`));
    const md = await run('md');
    expect(md).to.contain('Scores outside the gradient, kept as written');
    expect(md).to.contain(
      "- `/techniques/0/score`: T1059 has score 7, outside the gradient 0..5; Navigator colours it as the gradient's end (5): widen the gradient (its minValue and maxValue) or fix the score",
    );
  });

  // Without --report, upgrade's stderr listed every change but not the scores off the gradient that its report and
  // validate name. Layer in our own words after splunk/security_content's AsyncRAT coverage layer (0..5 gradient, T1059
  // scored 7), with more such scores than the line shows.
  it('names the scores outside the gradient on stderr without --report: how many, the first few, what to do', async () => {
    const dir = freshTmpDir('upgrade-score-range-stderr');
    const scores = { T1059: 7, 'T1059.001': 6, 'T1547.001': 2, T1105: 9, T1112: -1 };
    writeFileSync(join(dir, 'asyncrat.json'), JSON.stringify(asyncRatCoverage(scores)));
    const result = await runCli(['upgrade', join(dir, 'asyncrat.json'), '--to', '18.1', '--out', join(dir, 'new.json')]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.contain(
      '  /gradient: 4 scores outside the gradient 0..5, kept as written (T1059 7, T1059.001 6, T1105 9 and 1 more): ' +
        "Navigator colours them as the gradient's nearest end (an entry's own colour, if it has one); widen the gradient " +
        "(its minValue and maxValue) or fix the scores (validate's score-out-of-range, and --report, say each)\n",
    );
    // The report says each of the same four.
    const report = await runCli(['upgrade', join(dir, 'asyncrat.json'), '--to', '18.1', '--out', join(dir, 'new2.json'), '--report', 'json', '--report-out', join(dir, 'r.json')]);
    const [entry] = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as LayerUpgradeReport[];
    expect(entry!.scoresOutOfRange.map((found) => found.techniqueID)).to.deep.equal(['T1059', 'T1059.001', 'T1105', 'T1112']);
    expect(report.stderr).to.not.contain('/gradient:');
  });

  // `upgrade old.json --check` said "1 of 1 layers would change (old.json); run … on them".
  it('--check of one layer says the layer would change, and of layers that none could be upgraded when none could', async () => {
    const folder = freshTmpDir('upgrade-check-one');
    const old = join(folder, 'old.json');
    copyFileSync(`${fixtures}/layer-4.5-attack12.json`, old);
    const one = await runCli(['upgrade', old, '--check', '--quiet']);
    expect([one.code, one.stderr]).to.deep.equal([1, `attack-layers upgrade: the layer would change (${old}); run \`attack-layers upgrade --in-place\` on it\n`]);
    const bad = join(folder, 'bad');
    mkdirSync(bad);
    for (const name of ['a.json', 'b.json']) writeFileSync(join(bad, name), '{\n');
    const none = await runCli(['upgrade', bad, '--check', '--quiet']);
    expect(none.code).to.equal(1);
    expect(none.stderr).to.match(/^attack-layers upgrade: none of the 2 layer files could be upgraded: .*a\.json: line 2, column 1: invalid JSON/);
  });

  it('--check of many layers lists each on its own line and ends with a line naming three and counting the rest', async () => {
    // Eight copies of Navigator's own Bear APT layer (test/fixtures/layers/public, README there), format 2.x: each would
    // change. Before, the last line named every one: with many long names, a line cut in the middle.
    const folder = freshTmpDir('upgrade-check-many');
    const names = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => join(folder, `bear-apt-copy-${n}.json`));
    for (const name of names) copyFileSync(`${fixtures}/public/navigator-bear-apt.json`, name);
    const check = await runCli(['upgrade', folder, '--check', '--quiet']);
    expect(check.code).to.equal(1);
    expect(check.stderr).to.equal(
      names.map((name) => `  ${name}\n`).join('') +
        `attack-layers upgrade: 8 of 8 layers would change (${names.slice(0, 3).join(', ')} and 5 more, each listed above); run \`attack-layers upgrade --in-place\` on them\n`,
    );
  });

  it('--in-place rewrites only the files that change; --check then passes', async () => {
    const input = layerFolder();
    const current = join(input, 'current.json');
    writeFileSync(current, readFileSync(join(input, 'powershell.json')));
    expect((await runCli(['upgrade', current, '--in-place', '--quiet'])).code).to.equal(0);
    const before = statSync(current).mtimeMs;
    const bytes = readFileSync(current, 'utf8');

    const check = await runCli(['upgrade', input, '--check']);
    expect(check.code).to.equal(1);
    expect(check.stderr).to.contain('3 of 4 layers would change');
    expect(readFileSync(join(input, 'loaders.json'), 'utf8')).to.equal(readFileSync(`${fixtures}/layer-4.5-attack12.json`, 'utf8'));

    const result = await runCli(['upgrade', input, '--in-place']);
    expect(result.code, result.stderr).to.equal(0);
    expect(statSync(current).mtimeMs).to.equal(before);
    expect(readFileSync(current, 'utf8')).to.equal(bytes);
    expect((JSON.parse(readFileSync(join(input, 'loaders.json'), 'utf8')) as NavigatorLayer).versions?.attack).to.equal('18');
    const after = await runCli(['upgrade', input, '--check']);
    expect([after.code, after.stderr]).to.deep.equal([0, after.stderr]);
    expect(after.stderr).to.not.contain('would change');
  });

  // A colleague's layer upgraded with `--out` naming the layer itself (or `--out .` beside it) was replaced without
  // --force, exit 0, where `--out other.json` that exists is refused: the original was lost with no word.
  it('refuses an --out that names the layer given, without --force, and points to --in-place', async () => {
    const dir = freshTmpDir('upgrade-self');
    const file = join(dir, 'colleague.json');
    copyFileSync(`${fixtures}/old-format-3.0.json`, file);
    const original = readFileSync(file, 'utf8');
    for (const out of [file, dir, join(dir, '.', 'colleague.json')]) {
      const result = await runCli(['upgrade', file, '--out', out]);
      expect([result.code, result.stdout], out).to.deep.equal([2, '']);
      expect(result.stderr).to.contain(`--out would replace the layer being upgraded (${file}): pass --in-place to replace it`);
      expect(readFileSync(file, 'utf8')).to.equal(original);
    }
    const forced = await runCli(['upgrade', file, '--out', file, '--force', '--quiet']);
    expect(forced.code, forced.stderr).to.equal(0);
    expect((JSON.parse(readFileSync(file, 'utf8')) as NavigatorLayer).versions?.layer).to.equal('4.5');
  });

  it('writes a JSON report with a row per entry, and upgrades to an older release with --to', async () => {
    const out = freshTmpDir('upgrade-to');
    const result = await runCli(['upgrade', `${fixtures}/layer-4.5-attack6.json`, '--to', '14.1', '--out', join(out, 'x.json'), '--report', 'json']);
    expect(result.code, result.stderr).to.equal(0);
    const [report] = JSON.parse(result.stdout) as LayerUpgradeReport[];
    expect(report?.to.attack).to.equal('enterprise-attack 14.1');
    expect(report?.from).to.deep.equal({ format: '4.5', attack: '6', matchedIn: 'enterprise-attack 6.3' });
    expect(report?.techniques).to.have.length(8);
    expect((JSON.parse(readFileSync(join(out, 'x.json'), 'utf8')) as NavigatorLayer).versions?.attack).to.equal('14');
  });

  it('upgrades every layer of a file holding an array', async () => {
    const result = await runCli(['upgrade', `${fixtures}/navigator/spec-4.5-multi-example.json`, '--quiet']);
    expect(result.code).to.equal(0);
    const layers = JSON.parse(result.stdout) as NavigatorLayer[];
    expect(layers).to.have.length(2);
    for (const layer of layers) expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
  });

  it('says in the report that --merge-score sum adds merged counts only when no --merge-score was given', async () => {
    // The tester's repro-7.json, a sigma2attack heatmap: revoked T1168 (1 rule) merges into T1053 (2 rules).
    const file = join(freshTmpDir('upgrade-merge'), 'sigma.json');
    writeFileSync(
      file,
      JSON.stringify({
        domain: 'mitre-enterprise',
        name: 'Sigma rules heatmap',
        gradient: { colors: ['#ffffff', '#ff6666'], maxValue: 8, minValue: 0 },
        version: '2.2',
        techniques: [{ techniqueID: 'T1168', score: 1, comment: 'a.yml' }, { techniqueID: 'T1053', score: 2, comment: 'b.yml\nc.yml' }],
      }),
    );
    const notes = async (extra: string[]) => {
      const result = await runCli(['upgrade', file, '--report', 'json', '--out', join(freshTmpDir('upgrade-merge'), 'o.json'), ...extra]);
      expect(result.code, result.stderr).to.equal(0);
      return (JSON.parse(result.stdout) as LayerUpgradeReport[]).flatMap((report) => report.techniques.flatMap((t) => t.notes)).join('\n');
    };
    expect(await notes([])).to.contain('scores 1, 2 became 2 (max); if they count rules or tests, --merge-score sum adds them');
    expect(await notes(['--merge-score', 'max'])).to.contain('scores 1, 2 became 2 (max)').and.not.contain('--merge-score sum');
  });

  it('goes on past a bad file in a batch, then exits 1 naming it', async () => {
    const input = layerFolder();
    writeFileSync(join(input, 'broken.json'), '{ "name": "x", ');
    const out = freshTmpDir('upgrade-bad');
    const result = await runCli(['upgrade', input, '--out', out]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.match(/1 of 4 layer files could not be upgraded \(the others were\): .*broken\.json/);
    expect(hasStackTrace(result.stderr)).to.equal(false);
    expect(existsSync(join(out, 'powershell.json'))).to.equal(true);
    expect(existsSync(join(out, 'broken.json'))).to.equal(false);
  });

  describe('downgrades', () => {
    const v19 = `${fixtures}/attack-19.json`;
    /** The current techniques of 18.1 and their tactics, straight from the bundle. */
    const tactics18 = (): Map<string, string[]> => new Map(rawMatrix().current.map((t) => [t.id, t.tactics]));

    it('refuses a layer of a newer release than the newest here (ATT&CK 19) without --to, saying it is a downgrade', async () => {
      const result = await runCli(['upgrade', v19]);
      expect([result.code, result.stdout]).to.deep.equal([1, '']);
      expect(result.stderr).to.match(
        /the layer is for ATT&CK 19, newer than enterprise-attack 18\.1, the newest available here: writing it for 18\.1 is a downgrade that moves or removes entries; .*or pass --to 18\.1 to downgrade on purpose/,
      );
    });

    it('asks for no release that may not exist: a layer of ATT&CK 25 gets `data fetch` (the newest), not `--attack-release 25`', async () => {
      const v25 = join(freshTmpDir('upgrade-25'), 'attack-25.json');
      writeFileSync(v25, readFileSync(v19, 'utf8').replace(/"attack":\s*"19"/, '"attack": "25"'));
      const result = await runCli(['upgrade', v25]);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.contain('if ATT&CK 25 is out, get it (`attack-layers data fetch` gets the newest), or pass --to 18.1 to downgrade on purpose');
      expect(result.stderr).to.not.contain('--attack-release');
    });

    it('downgrades it with --to 18.1: a warning on stderr, and the report lists each entry moved off the tactics 18.1 lacks', async () => {
      const out = join(freshTmpDir('downgrade'), 'v18.json');
      const result = await runCli(['upgrade', v19, '--to', '18.1', '--out', out, '--report', 'json']);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.contain(`warning: ${v19}: a downgrade from ATT&CK 19 to enterprise-attack 18.1:`);
      const [report] = JSON.parse(result.stdout) as LayerUpgradeReport[];
      expect(report!.settings.map((s) => s.message).join('\n')).to.contain('a downgrade from ATT&CK 19 to enterprise-attack 18.1');
      const tactics = tactics18();
      const input = (JSON.parse(readFileSync(v19, 'utf8')) as NavigatorLayer).techniques!;
      const moved = input.filter((entry) => !tactics.get(entry.techniqueID)!.includes(entry.tactic!));
      expect(moved.map((entry) => entry.tactic)).to.have.members(['stealth', 'defense-impairment', 'stealth', 'stealth']);
      for (const entry of moved) {
        const row = report!.techniques.find((t) => t.techniqueID === entry.techniqueID)!;
        expect(row.changes, entry.techniqueID).to.deep.equal(['moved-tactic']);
        // Back to defense-evasion, which the release has the technique under, even for T1078 (also initial access…).
        expect(tactics.get(entry.techniqueID)).to.include('defense-evasion');
        expect(row.to.map((t) => t.tactic)).to.deep.equal(['defense-evasion']);
      }
      const layer = JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer;
      expect(layer.techniques!.find((t) => t.techniqueID === 'T1078')).to.deep.include({ tactic: 'defense-evasion', score: 4, comment: 'a domain admin account' });
      expect(validateLayer(layer, { attackFor: () => loadRelease('18.1') })).to.deep.equal([]);
    });

    // Navigator reads versions.navigator nowhere (attack-navigator nav-app/src/app/classes/view-model.ts,
    // deserializeDomainVersionID, reads versions.attack and versions.layer): upgrade never lowers it.
    it('keeps versions.navigator of the newer Navigator that wrote the file (5.2.0) through a downgrade, and says why', async () => {
      const ours = (JSON.parse(readFileSync('layers/all.layer.json', 'utf8')) as NavigatorLayer).versions?.navigator;
      const given = (JSON.parse(readFileSync(v19, 'utf8')) as NavigatorLayer).versions?.navigator;
      expect([given, ours]).to.deep.equal(['5.2.0', '5.1.0']);
      const out = join(freshTmpDir('downgrade'), 'v18.json');
      const result = await runCli(['upgrade', v19, '--to', '18.1', '--out', out, '--report', 'json']);
      expect(result.code, result.stderr).to.equal(0);
      expect((JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer).versions?.navigator).to.equal(given);
      const [report] = JSON.parse(result.stdout) as LayerUpgradeReport[];
      expect(report!.settings).to.deep.include({
        path: '/versions/navigator',
        message: `${given} kept, newer than ${ours}, the Navigator version attack-layers writes layers for: upgrade raises an older number to it and keeps a newer one (Navigator reads this field nowhere)`,
      });
    });

    // Navigator's own Bear APT sample (test/fixtures/layers/public/navigator-bear-apt.json: Navigator 5.1.1, ATT&CK 17)
    // was written 5.1.0 ("5.1.1 -> 5.1.0") beside a 5.3.0 export of ATT&CK 18 kept as it was.
    it('keeps 5.1.1 of a layer brought from ATT&CK 17 to 18, as it keeps 5.3.0 of a layer of 18, and raises 5.0.1', async () => {
      const bear = 'test/fixtures/layers/public/navigator-bear-apt.json';
      const dir = freshTmpDir('navigator-version');
      const result = await runCli(['upgrade', bear, '--out', join(dir, 'bear.json'), '--report', 'json']);
      expect(result.code, result.stderr).to.equal(0);
      expect((JSON.parse(readFileSync(join(dir, 'bear.json'), 'utf8')) as NavigatorLayer).versions).to.deep.equal({ attack: '18', navigator: '5.1.1', layer: '4.5' });
      const [report] = JSON.parse(result.stdout) as LayerUpgradeReport[];
      expect(report!.settings.filter((setting) => setting.path.startsWith('/versions/'))).to.deep.equal([
        { path: '/versions/attack', message: '17 -> 18' },
        { path: '/versions/navigator', message: '5.1.1 kept, newer than 5.1.0, the Navigator version attack-layers writes layers for: upgrade raises an older number to it and keeps a newer one (Navigator reads this field nowhere)' },
      ]);
      const older = join(dir, 'older.json');
      writeFileSync(older, JSON.stringify({ ...(JSON.parse(readFileSync(bear, 'utf8')) as object), versions: { attack: '17', navigator: '5.0.1', layer: '4.5' } }));
      const raised = await runCli(['upgrade', older, '--out', join(dir, 'raised.json'), '--report', 'json']);
      expect((JSON.parse(readFileSync(join(dir, 'raised.json'), 'utf8')) as NavigatorLayer).versions?.navigator).to.equal('5.1.0');
      expect((JSON.parse(raised.stdout) as LayerUpgradeReport[])[0]!.settings).to.deep.include({
        path: '/versions/navigator',
        message: '5.0.1 -> 5.1.0, the Navigator version attack-layers writes layers for: upgrade raises an older number to it and keeps a newer one (Navigator reads this field nowhere)',
      });
    });

    // A university unit's layer.json (dinhdung6/COS30015-IT-Security), saved by Navigator 5.3.0 for ATT&CK 18 in format
    // 4.5, in our words: `upgrade --check` called it stale for its navigator version alone, and --in-place wrote 5.1.0 there.
    it('keeps versions.navigator of a newer Navigator when the layer is already of the release: --check passes', async () => {
      const dir = freshTmpDir('newer-navigator');
      const file = join(dir, 'layer.json');
      const layer = {
        name: 'layer',
        versions: { attack: '18', navigator: '5.3.0', layer: '4.5' },
        domain: 'enterprise-attack',
        layout: { layout: 'side', expandedSubtechniques: 'annotated' },
        techniques: [{ techniqueID: 'T1071.001', tactic: 'command-and-control', score: 1 }, { techniqueID: 'T1072', tactic: 'execution', score: 1 }],
      };
      writeFileSync(file, JSON.stringify(layer, null, '\t'));
      const check = await runCli(['upgrade', file, '--check']);
      expect([check.code, check.stderr]).to.deep.equal([0, `${file}: 2 kept (unchanged)\n`]);
      const out = join(dir, 'out.json');
      const written = await runCli(['upgrade', file, '--out', out, '--report', 'json']);
      const [report] = JSON.parse(written.stdout) as LayerUpgradeReport[];
      expect(report!.settings.map((setting) => setting.path)).to.not.include('/versions/navigator');
      expect((JSON.parse(readFileSync(out, 'utf8')) as NavigatorLayer).versions?.navigator).to.equal('5.3.0');
    });

    // Tyghn's AgentTesla layer (this session's sweep of published layers), in our words: a Navigator 5.3.0 export whose
    // entries are in Navigator's order, not ours; `--check` called it stale and `--in-place` rewrote it for that alone.
    it('leaves a layer whose entries are only in another order: --check passes, --in-place writes nothing', async () => {
      const dir = freshTmpDir('order-only');
      const file = join(dir, 'layer.json');
      const text = JSON.stringify({
        name: 'layer',
        versions: { attack: '18', navigator: '5.3.0', layer: '4.5' },
        domain: 'enterprise-attack',
        layout: { layout: 'side', expandedSubtechniques: 'all' },
        techniques: [{ techniqueID: 'T1561', tactic: 'impact', color: '#fd8d3c' }, { techniqueID: 'T1047', tactic: 'execution', color: '#fd8d3c' }],
      }, null, '\t');
      writeFileSync(file, text);
      const check = await runCli(['upgrade', file, '--check']);
      expect([check.code, check.stderr]).to.deep.equal([0, `${file}: 2 kept (unchanged)\n`]);
      const inPlace = await runCli(['upgrade', file, '--in-place']);
      expect(inPlace.code, inPlace.stderr).to.equal(0);
      expect(readFileSync(file, 'utf8')).to.equal(text);
    });

    it('says downgrade for a layer of 18 brought to 14.1 with --to, and lists the techniques 14.1 lacks as removed, kept in metadata', async () => {
      const dir = freshTmpDir('downgrade');
      // T1665 is current in 18.1 and absent from the 14.1 bundle.
      const v14 = readRawBundle(stixFile('enterprise-attack-14.1.json.gz')).objects.filter((o) => o.type === 'attack-pattern');
      expect(v14.some((o) => JSON.stringify(o['external_references']).includes('"T1665"'))).to.equal(false);
      expect(tactics18().has('T1665')).to.equal(true);
      const file = join(dir, 'v18.json');
      writeFileSync(file, JSON.stringify({ name: 'x', domain: 'enterprise-attack', versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
        techniques: [{ techniqueID: 'T1059.001', score: 1 }, { techniqueID: 'T1665', score: 2, comment: 'new in 15' }] }));
      const result = await runCli(['upgrade', file, '--to', '14.1', '--out', join(dir, 'v14.json')]);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.contain(`warning: ${file}: a downgrade from ATT&CK 18 to enterprise-attack 14.1:`);
      expect(result.stderr).to.contain('/techniques/1: T1665 (Hide Infrastructure) of enterprise-attack 18.1 does not exist in enterprise-attack 14.1; removed');
      const layer = JSON.parse(readFileSync(join(dir, 'v14.json'), 'utf8')) as NavigatorLayer;
      expect(layer.techniques!.map((t) => t.techniqueID)).to.deep.equal(['T1059.001']);
      expect(JSON.stringify(layer.metadata)).to.contain('new in 15');
      // Written for 14.1 on purpose: Navigator 5.1 asks to upgrade it when it is opened, and validate says so alone.
      expect(validateLayer(layer, { attackFor: () => loadRelease('14.1') }).map((f) => f.code)).to.deep.equal(['upgrade-prompt']);
    });

    // Yamato Security's WELA heatmap (WELA.ps1, Export-MitreHeatmap) states ATT&CK 18 and tags sub-techniques; brought
    // to 6.3, which has none, every entry was removed. The techniques 18.1 revoked into them, or their parents, are 6.3's.
    it('carries a sub-technique to what 6.3 had: the technique revoked into it (T1059.001 -> T1086), else its parent (T1053.005 -> T1053)', async () => {
      const dir = freshTmpDir('downgrade');
      const file = join(dir, 'wela.json');
      writeFileSync(file, JSON.stringify({ name: 'WELA detection heatmap', domain: 'enterprise-attack', versions: { navigator: '5.2.0', layer: '4.5', attack: '18' },
        techniques: [
          { comment: 'PowerShell Download', showSubtechniques: true, score: 50, techniqueID: 'T1059.001' },
          { comment: 'Schtasks Creation', showSubtechniques: true, score: 0, techniqueID: 'T1053.005' },
          { comment: 'Defender Disabled', showSubtechniques: true, score: 100, techniqueID: 'T1562.001' },
          // T1560 Archive Collected Data: 18.1 revoked both T1002 and T1022 into it, so neither is it
          { comment: 'Archive', score: 100, techniqueID: 'T1560' },
        ] }));
      const result = await runCli(['upgrade', file, '--to', '6.3', '--out', join(dir, 'v6.json')]);
      expect(result.code, result.stderr).to.equal(0);
      expect(result.stderr).to.contain('/techniques/0: T1059.001 (PowerShell) of enterprise-attack 18.1 is T1086 (PowerShell) in enterprise-attack 6.3, which enterprise-attack 18.1 revoked into it');
      expect(result.stderr).to.contain('/techniques/1: T1053.005 (Scheduled Task) of enterprise-attack 18.1, a sub-technique, does not exist in enterprise-attack 6.3; the annotation moved to its parent, T1053 (Scheduled Task) there');
      expect(result.stderr).to.contain(
        '/techniques/3: T1560 (Archive Collected Data) of enterprise-attack 18.1 does not exist in enterprise-attack 6.3; removed (enterprise-attack 18.1 revoked ' +
          'T1002 (Data Compressed), T1022 (Data Encrypted) of enterprise-attack 6.3 into it, and no one of them is the technique: annotate those meant)',
      );
      const layer = JSON.parse(readFileSync(join(dir, 'v6.json'), 'utf8')) as NavigatorLayer;
      expect(layer.techniques!.map((t) => [t.techniqueID, t.score, t.comment])).to.deep.equal([
        ['T1053', 0, 'Schtasks Creation'],
        ['T1086', 50, 'PowerShell Download'],
        ['T1089', 100, 'Defender Disabled'],
      ]);
      // T1086 and T1089 come back to T1059.001 and T1562.001 by themselves (18.1 revoked them into those); T1053 keeps
      // T1053.005 as it was, which no upgrade would otherwise bring back.
      expect(layer.techniques!.map((t) => t.metadata)).to.deep.equal([
        [
          { name: 'downgraded from', value: 'T1053.005' },
          { name: 'merged by downgrade', value: 'T1053.005 (/techniques/1)' },
        ],
        [{ name: 'downgraded from', value: 'T1059.001' }],
        [{ name: 'downgraded from', value: 'T1562.001' }],
      ]);
      expect(layer.metadata).to.deep.equal([
        {
          name: 'removed by downgrade',
          value:
            '/techniques/3: T1560 (Archive Collected Data) of enterprise-attack 18.1 does not exist in enterprise-attack 6.3; removed (enterprise-attack 18.1 revoked ' +
            'T1002 (Data Compressed), T1022 (Data Encrypted) of enterprise-attack 6.3 into it, and no one of them is the technique: annotate those meant). ' +
            'The entry was: {"comment":"Archive","score":100,"techniqueID":"T1560"}',
        },
        {
          name: 'merged by downgrade',
          value:
            '/techniques/1: T1053.005 of enterprise-attack 18.1, moved into T1053 of enterprise-attack 6.3; an upgrade to a release that has T1053.005 writes it again. ' +
            'The entry was: {"comment":"Schtasks Creation","showSubtechniques":true,"score":0,"techniqueID":"T1053.005"}',
        },
      ]);
    });

    // Mobile 18.1 revoked T1448 Carrier Billing Fraud, T1452 Manipulate App Store Rankings or Ratings and T1472
    // Generate Fraudulent Advertising Revenue of Mobile 9.0 into T1643 Generate Traffic from Victim (mobile-attack-18.1's
    // revoked-by relationships). Brought to 9.0, T1643 was removed with no word of them, as T1560 was of T1002 and T1022.
    it('names the techniques several were revoked into when it removes an entry: Mobile T1643 brought to 9.0', async () => {
      const dir = freshTmpDir('downgrade');
      const file = join(dir, 'mobile.json');
      writeFileSync(file, JSON.stringify({ name: 'fraud', domain: 'mobile-attack', versions: { navigator: '5.1.0', layer: '4.5', attack: '18' },
        techniques: [{ techniqueID: 'T1643', score: 3, comment: 'SMS toll fraud' }] }));
      const down = await runCli(['upgrade', file, '--to', '9.0', '--out', join(dir, 'v9.json')]);
      expect(down.code, down.stderr).to.equal(0);
      const note =
        '/techniques/0: T1643 (Generate Traffic from Victim) of mobile-attack 18.1 does not exist in mobile-attack 9.0; removed (mobile-attack 18.1 revoked ' +
        'T1448 (Carrier Billing Fraud), T1452 (Manipulate App Store Rankings or Ratings), T1472 (Generate Fraudulent Advertising Revenue) of mobile-attack 9.0 ' +
        'into it, and no one of them is the technique: annotate those meant)';
      expect(down.stderr).to.contain(note);
      const v9 = JSON.parse(readFileSync(join(dir, 'v9.json'), 'utf8')) as NavigatorLayer;
      expect(v9.metadata).to.deep.equal([{ name: 'removed by downgrade', value: `${note}. The entry was: {"techniqueID":"T1643","score":3,"comment":"SMS toll fraud"}` }]);
      const up = await runCli(['upgrade', join(dir, 'v9.json'), '--to', '18.1', '--out', join(dir, 'v18.json')]);
      expect(up.code, up.stderr).to.equal(0);
      expect((JSON.parse(readFileSync(join(dir, 'v18.json'), 'utf8')) as NavigatorLayer).techniques).to.deep.equal([{ techniqueID: 'T1643', score: 3, comment: 'SMS toll fraud' }]);
    });

    // The same WELA heatmap, with three Scheduled Task sub-techniques, down to 6.3 and back up to 18.1. Before, the
    // downgrade wrote "upgraded from" items and said an upgrade's words, and the way back gave T1059.001 two items,
    // "upgraded from" T1059.001 and "upgraded from" T1086.
    // The way back then left T1053 holding the three, "kept on T1053; annotate each of them again": the sub-techniques
    // and their own scores, colours and comments were lost. The downgrade keeps each in a "merged by downgrade" item.
    it('says a downgrade as one, and a round trip back to 18.1 gives back each entry as it was', async () => {
      const dir = freshTmpDir('downgrade');
      const file = join(dir, 'wela.json');
      writeFileSync(file, JSON.stringify({ name: 'WELA detection heatmap', domain: 'enterprise-attack', versions: { navigator: '5.2.0', layer: '4.5', attack: '18' },
        techniques: [
          { comment: 'PowerShell Download', score: 50, techniqueID: 'T1059.001' },
          { comment: 'Schtasks Creation', score: 0, techniqueID: 'T1053.005', color: '#ff0000' },
          { comment: 'Cron', score: 30, techniqueID: 'T1053.003', color: '#00ff00' },
          { comment: 'At', score: 80, techniqueID: 'T1053.002', metadata: [{ name: 'rule', value: 'at.yml' }] },
        ] }));
      const down = await runCli(['upgrade', file, '--to', '6.3', '--out', join(dir, 'v6.json'), '--report', 'md', '--report-out', join(dir, 'down.md')]);
      expect(down.code, down.stderr).to.equal(0);
      expect(down.stderr).to.contain('wela.json: downgraded to enterprise-attack 6.3: 4 remapped, 3 merged ->');
      const markdown = readFileSync(join(dir, 'down.md'), 'utf8');
      expect(markdown).to.contain('# Layer downgrade report');
      expect(markdown).to.contain('Downgraded from format 4.5, ATT&CK 18 to format 4.5, enterprise-attack 6.3');
      // The three sub-techniques merge into T1053 of 6.3, as upgrade's merges do: the highest score, the first colour
      // (the other kept with its entry), every comment and metadata item, and the report names the entries.
      expect(markdown).to.contain('merged with /techniques/2, /techniques/3 (all T1053): scores 0, 30, 80 became 80 (max)');
      expect(markdown).to.contain('of /techniques/2 kept in the layer\'s "merged by downgrade" items');
      const v6 = JSON.parse(readFileSync(join(dir, 'v6.json'), 'utf8')) as NavigatorLayer;
      expect(v6.techniques!.find((t) => t.techniqueID === 'T1053')).to.deep.include({
        score: 80,
        color: '#ff0000',
        comment: 'T1053.005: Schtasks Creation\nT1053.003: Cron\nT1053.002: At',
        metadata: [
          { name: 'downgraded from', value: 'T1053.005' },
          { name: 'downgraded from', value: 'T1053.003' },
          { name: 'rule', value: 'at.yml' },
          { name: 'downgraded from', value: 'T1053.002' },
          { name: 'merged by downgrade', value: 'T1053.005 (/techniques/1)' },
          { name: 'merged by downgrade', value: 'T1053.003 (/techniques/2)' },
          { name: 'merged by downgrade', value: 'T1053.002 (/techniques/3)' },
        ],
      });
      expect(v6.metadata).to.deep.equal(
        [
          ['/techniques/1', 'T1053.005', '{"comment":"Schtasks Creation","score":0,"techniqueID":"T1053.005","color":"#ff0000"}'],
          ['/techniques/2', 'T1053.003', '{"comment":"Cron","score":30,"techniqueID":"T1053.003","color":"#00ff00"}'],
          ['/techniques/3', 'T1053.002', '{"comment":"At","score":80,"techniqueID":"T1053.002","metadata":[{"name":"rule","value":"at.yml"}]}'],
        ].map(([path, id, entry]) => ({
          name: 'merged by downgrade',
          value: `${path}: ${id} of enterprise-attack 18.1, merged into T1053 of enterprise-attack 6.3; an upgrade to a release that has ${id} writes it again. The entry was: ${entry}`,
        })),
      );

      const up = await runCli(['upgrade', join(dir, 'v6.json'), '--out', join(dir, 'v18.json')]);
      expect(up.code, up.stderr).to.equal(0);
      expect(up.stderr).not.to.contain('downgraded to');
      expect(up.stderr).to.contain(`/techniques/1: T1059.001 is the ID the entry was written under before it became T1086: back to it, its "downgraded from" item removed`);
      expect(up.stderr).to.contain(
        '/techniques/0: T1053 split into T1053.005, T1053.003, T1053.002, each as it was before a downgrade merged them into T1053 ("merged by downgrade" items), ' +
          'as enterprise-attack 18.1 has them',
      );
      expect(up.stderr).to.contain('v6.json: 1 remapped, 1 split ->');
      const v18 = JSON.parse(readFileSync(join(dir, 'v18.json'), 'utf8')) as NavigatorLayer;
      expect(v18.techniques).to.deep.equal([
        { techniqueID: 'T1053.002', score: 80, comment: 'At', metadata: [{ name: 'rule', value: 'at.yml' }] },
        { techniqueID: 'T1053.003', score: 30, color: '#00ff00', comment: 'Cron' },
        { techniqueID: 'T1053.005', score: 0, color: '#ff0000', comment: 'Schtasks Creation' },
        { techniqueID: 'T1059.001', score: 50, comment: 'PowerShell Download' },
      ]);
    });
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['several files without --out', [`${fixtures}/old-format-3.0.json`, `${fixtures}/old-format-4.2.json`], /write them with --out <folder> or --in-place/],
    ['a report with the layer on stdout', [`${fixtures}/old-format-3.0.json`, '--report', 'md'], /add --report-out <file>/],
    ['--out with --in-place', [`${fixtures}/old-format-3.0.json`, '--out', 'x', '--in-place'], /--out and --in-place cannot be used together/],
    ['a missing file', ['no/such/layer.json'], /no\/such\/layer\.json: no such file or folder/],
  ];
  for (const [label, args, message] of usage) {
    it(`exits 2 for ${label}`, async () => {
      const result = await runCli(['upgrade', ...args]);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.match(message);
    });
  }

  // A user with only the shipped release, or 18.1 alone, has no 14.1 or 8.2 to tell a Navigator 4.x filter of every
  // platform of its release by: the platform lists attack-layers ships (release-platforms.gen.ts) stand for them.
  it('widens a filter of every platform of ATT&CK 14 or 8, under their names, with only 18.1 installed; validate and export hide nothing by it', async () => {
    const only = freshTmpDir('only-18.1');
    symlinkSync(stixFile('enterprise-attack-18.1.json.gz'), join(only, 'enterprise-attack-18.1.json.gz'));
    const newest = bundlePlatforms('enterprise-attack-18.1.json.gz');
    for (const [release, major, navigator] of [['14.1', '14', '4.9.1'], ['8.2', '8', '4.2']] as const) {
      const listed = bundlePlatforms(`enterprise-attack-${release}.json.gz`);
      expect(listed.filter((p) => !newest.includes(p)), release).to.not.deep.equal([]);
      const file = join(freshTmpDir('every-platform'), `attack-${major}.json`);
      const layer = {
        name: `every platform of ${release}`,
        versions: { attack: major, navigator, layer: '4.5' },
        domain: 'enterprise-attack',
        filters: { platforms: listed },
        techniques: [{ techniqueID: 'T1003', score: 1 }],
      };
      writeFileSync(file, JSON.stringify(layer));
      const result = await runCli(['upgrade', file], { ATTACK_STIX_DIR: only });
      expect(result.code, result.stderr).to.equal(0);
      const out = JSON.parse(result.stdout) as NavigatorLayer;
      expect([...(out.filters?.platforms ?? [])].sort(), release).to.deep.equal(newest);
      expect(out.filters?.platforms).to.include.members(['ESXi', 'Containers', 'Identity Provider']);
      expect(result.stderr).to.contain(
        `the filter listed every platform of enterprise-attack ${release}, in whose platform names it is written (the layer is for ATT&CK ${major}; ` +
          'its platform list as attack-layers ships it: the release is not installed here), so it keeps showing every platform',
      );
      // Checked and drawn in 18.1 as it stands, T1675 (ESXi only) is neither hidden nor left out.
      const esxi = join(dirname(file), `attack-${major}-esxi.json`);
      writeFileSync(esxi, JSON.stringify({ ...layer, techniques: [...layer.techniques, { techniqueID: 'T1675', score: 1 }] }));
      const checked = await runCli(['validate', esxi, '--json'], { ATTACK_STIX_DIR: only });
      expect(checked.stdout, release).to.not.contain('filtered-out-technique');
      expect(checked.stdout, release).to.contain(`filters.platforms lists every platform of enterprise-attack ${release}, in whose platform names it is written`);
      const drawn = await runCli(['export', esxi, '--format', 'csv'], { ATTACK_STIX_DIR: only });
      expect(drawn.code, drawn.stderr).to.equal(0);
      expect(drawn.stdout.split('\n').find((line) => line.startsWith('T1675,')), release).to.not.contain('not drawn');
    }
  });

  // A layer of ATT&CK 3 lists its every platform under names 18.1 still has (Windows, Linux, macOS): with 3.0 not
  // installed, the nearest release here (18.1) would read it as a choice; the shipped list of 3.0 says it is not.
  it('widens a filter of every platform of ATT&CK 3 (Windows, Linux, macOS) with only 18.1 installed; validate hides nothing by it', async () => {
    const only = freshTmpDir('only-18.1-v3');
    symlinkSync(stixFile('enterprise-attack-18.1.json.gz'), join(only, 'enterprise-attack-18.1.json.gz'));
    const file = join(freshTmpDir('every-platform-3'), 'attack-3.json');
    const layer = {
      name: 'every platform of 3.0',
      versions: { attack: '3', navigator: '2.1', layer: '2.1' },
      domain: 'enterprise-attack',
      filters: { platforms: ['Windows', 'Linux', 'macOS'] },
      techniques: [{ techniqueID: 'T1003', score: 1 }, { techniqueID: 'T1675', score: 1 }],
    };
    writeFileSync(file, JSON.stringify(layer));
    const result = await runCli(['upgrade', file], { ATTACK_STIX_DIR: only });
    expect(result.code, result.stderr).to.equal(0);
    const out = JSON.parse(result.stdout) as NavigatorLayer;
    // Every platform but PRE: the layer, of format 2.1, writes no filters.stages, which Navigator 2.x read as ["act"].
    expect([...(out.filters?.platforms ?? [])].sort()).to.deep.equal(bundlePlatforms('enterprise-attack-18.1.json.gz').filter((platform) => platform !== 'PRE'));
    expect(result.stderr).to.contain('the filter listed every platform of enterprise-attack 3.0, in whose platform names it is written (the layer is for ATT&CK 3;');
    expect(result.stderr).to.contain('PRE not added: the layer (format 2.1) writes no filters.stages: Navigator 2.x read that as ["act"], without "prepare", which hid PRE-ATT&CK');
    const checked = await runCli(['validate', file, '--json'], { ATTACK_STIX_DIR: only });
    expect(checked.stdout).to.not.contain('filtered-out-technique');
  });

  // A txt2stix API test's navigator_data (find_string id 34225568174) is a list of two layers, each stating "version":
  // "4.5"; reconstructed. Both get the same changes, and each layer's block says them, not the first alone.
  it('says each layer\'s changes under it, even where an earlier layer of the run had the same ones', async () => {
    const file = join(freshTmpDir('two-layers'), 'navigator_layer.json');
    writeFileSync(file, JSON.stringify([
      { version: '4.5', name: 'ICS', domain: 'ics-attack', techniques: [{ techniqueID: 'T0887', score: 1 }] },
      { version: '4.5', name: 'Mobile', domain: 'mobile-attack', techniques: [{ techniqueID: 'T1406', score: 1 }] },
    ]));
    const result = await runCli(['upgrade', file]);
    expect(result.code, result.stderr).to.equal(0);
    const blocks = result.stderr.split(/^(?=\S)/m).filter((block) => block.includes('(layer '));
    expect(blocks).to.have.length(2);
    for (const block of blocks) {
      expect(block).to.contain('  /versions/navigator: set to 5.1.0\n');
      expect(block).to.contain('  /versions/attack: set to 18\n');
    }
  });

  it('exits 1 for a release that is not available', async () => {
    const result = await runCli(['upgrade', `${fixtures}/old-format-3.0.json`, '--to', '2.0']);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.match(/ATT&CK enterprise-attack 2\.0 is not available \(have: 3\.0, 6\.3/);
  });
});
