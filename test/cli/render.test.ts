import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, hasStackTrace, runCli, snapshotCacheHome } from '../helpers/attack.js';

const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';
const GOLDEN = 'test/fixtures/render/golden-campaign.yaml';
const SECOND = 'test/fixtures/render/golden-second.yaml';
// T1117 Regsvr32 under Execution and Defense Evasion is T1218.010, Defense Evasion only (normalize's warning at line 47).
const APT32_TACTICS =
  `note: 1 reference's tactics are not all kept in the layers: 1 under fewer tactics than written (${APT32}:47 T1218.010 without Execution); ` +
  `\`attack-layers normalize ${APT32}\` lists every one with why\n`;

function read(path: string): string {
  return readFileSync(path, 'utf8');
}

describe('attack-layers render', () => {
  it('writes one layer per campaign and the aggregate, and prints their paths', async () => {
    const out = join(freshTmpDir('render'), 'layers');
    const result = await runCli(['render', APT32, SECOND, '--out', out, '--aggregate', 'All campaigns']);
    expect(result.stderr).to.equal(APT32_TACTICS);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.equal(
      ['apt32-covid19-wuhan', 'golden-second', 'all-campaigns'].map((name) => `${out}/${name}.layer.json\n`).join(''),
    );
    expect(readdirSync(out).sort()).to.deep.equal(['all-campaigns.layer.json', 'apt32-covid19-wuhan.layer.json', 'golden-second.layer.json']);
    for (const file of readdirSync(out)) {
      const layer = JSON.parse(read(join(out, file))) as { name: string };
      expect(schemaIssues('layer-4.5', layer), file).to.deep.equal([]);
    }
    expect((JSON.parse(read(join(out, 'all-campaigns.layer.json'))) as { name: string }).name).to.equal('All campaigns');
  });

  it('keeps in the aggregate, with --min-campaigns, what that many campaigns report; refuses it without --aggregate', async () => {
    const out = join(freshTmpDir('render-min'), 'layers');
    const result = await runCli(['render', GOLDEN, SECOND, '--out', out, '--aggregate', 'common', '--score', 'frequency', '--min-campaigns', '2', '-q']);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(read(join(out, 'common.layer.json'))) as { techniques: Array<{ score?: number }>; metadata: unknown[] };
    expect(layer.techniques.filter((entry) => entry.score !== undefined).map((entry) => entry.score)).to.satisfy((scores: number[]) => scores.length > 0 && scores.every((score) => score === 2));
    expect(layer.metadata).to.deep.include({ name: 'minimum campaigns', value: '2 of 2' });
    const alone = await runCli(['render', GOLDEN, '--out', join(out, 'x'), '--min-campaigns', '2']);
    expect([alone.code, alone.stderr]).to.deep.equal([2, 'attack-layers render: --min-campaigns applies to the aggregate layer: give --aggregate <name> too\nRun `attack-layers render --help` for usage.\n']);
  });

  // It said `aggregate layer "common": minimum campaigns 3 is not a whole number …`, naming no flag to mend.
  it('refuses a --min-campaigns above the number of campaigns, or below 1, naming the flag', async () => {
    const out = join(freshTmpDir('render-min-range'), 'layers');
    for (const min of ['3', '0']) {
      const result = await runCli(['render', GOLDEN, SECOND, '--out', out, '--aggregate', 'common', '--min-campaigns', min, '-q']);
      expect([result.code, result.stderr]).to.deep.equal([2, `attack-layers render: --min-campaigns ${min}: give a whole number from 1 to 2, the number of campaigns in aggregate layer "common"\nRun \`attack-layers render --help\` for usage.\n`]);
    }
    expect(existsSync(out)).to.equal(false);
  });

  it('warns that layers written for an older release on request open in Navigator 5.1 only after its upgrade dialog, or not at all', async () => {
    // NAVIGATOR.md: a layer of ATT&CK 6 to 17 opens from a file only after "Upgrade layer version?"; one of 5 or older
    // fails with "ERROR parsing layer…". The layers were written without a word.
    const dir = freshTmpDir('render-older');
    const older = await runCli(['render', APT32, SECOND, '--out', join(dir, 'v14'), '--attack-release', '14.1']);
    expect(older.code).to.equal(0);
    expect(older.stderr).to.equal(
      'warning: 2 layers are written for ATT&CK enterprise-attack 14: Navigator 5.1 opens them from a file only after asking ' +
        '"Upgrade layer version? … Do you want to open the workflow to upgrade this layer to ATT&CK v18?" (declined, they open in ATT&CK 14); ' +
        'a layer for ATT&CK 18 opens with no dialog\n' +
        APT32_TACTICS,
    );
    const refused = await runCli(['render', APT32, '--out', join(dir, 'v3'), '--attack-release', '3.0']);
    expect(refused.code).to.equal(0);
    expect(refused.stderr).to.include(
      'warning: the layer is written for ATT&CK enterprise-attack 3: Navigator 5.1 has no ATT&CK 3 (it has 6 to 18) and refuses it with "ERROR parsing layer…", opening no tab; ' +
        'a layer for ATT&CK 18 opens there\n',
    );
  });

  it('refuses to aggregate campaigns of several domains, naming the campaigns of each and saying to render each domain apart', async () => {
    // Campaigns of our own in the shape of a mobile and an ICS report's mappings (an Android SOC project's kill chain,
    // code index file 67484321933; an OT summary's list, code index file 14704857593), beside an Enterprise one: a
    // campaigns folder of every domain. The refusal named only the domains, and advised --attack-release, which
    // changes no domain.
    const dir = freshTmpDir('render-domains');
    const mobile = join(dir, 'android-killchain.yaml');
    const ics = join(dir, 'ot-summary.yaml');
    writeFileSync(mobile, 'name: Android kill chain\ndomain: mobile-attack\ntechniques:\n  - T1422 System Network Configuration Discovery\n  - T1541 Foreground Persistence\n');
    writeFileSync(ics, 'name: OT summary\ndomain: ics-attack\ntechniques:\n  - Rogue Master (T0848)\n  - Unauthorized Command Message (T0855)\n');
    const out = join(dir, 'layers');
    const result = await runCli(['render', APT32, mobile, ics, '--out', out, '--aggregate', 'all']);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include(
      'aggregate layer "all": the campaigns are in different ATT&CK releases or domains (enterprise-attack 18.1: apt32-covid19-wuhan; mobile-attack 18.1: android-killchain; ics-attack 18.1: ot-summary); ' +
        "a layer has one: render each domain's campaigns in a run of their own, each with its --aggregate\n",
    );
    expect(existsSync(out)).to.equal(false);
  });

  // render said nothing of them: an entry under every tactic of its technique, or without a tactic the report gave it,
  // was to be found only in normalize's table or the layer's comments.
  it('says which references are placed under other tactics than written, on stderr only, and --quiet silences it', async () => {
    const dir = freshTmpDir('render-tactics');
    const file = join(dir, 'tactics.yaml');
    writeFileSync(
      file,
      'name: Tactics\ntechniques:\n  - {ref: T1047, tactic: Persistence}\n  - {ref: T1117, tactic: [Execution, Defense Evasion]}\n' +
        '  - {ref: T1059.001, tactic: N/A}\n  - {ref: T1003, tactic: Credential Access}\n',
    );
    const out = join(dir, 'layers');
    const loud = await runCli(['render', file, '--out', out]);
    expect([loud.code, loud.stdout]).to.deep.equal([0, `${out}/tactics.layer.json\n`]);
    expect(loud.stderr).to.equal(
      "note: 3 references' tactics are not all kept in the layers: " +
        `2 under every tactic of its technique, no tactic written being one of its (${file}:3 T1047 without Persistence, ${file}:5 T1059.001 without "N/A"); ` +
        `1 under fewer tactics than written (${file}:4 T1218.010 without Execution); \`attack-layers normalize ${file}\` lists every one with why\n`,
    );
    const quiet = await runCli(['render', file, '--out', out, '--force', '--quiet']);
    expect([quiet.code, quiet.stdout, quiet.stderr]).to.deep.equal([0, `${out}/tactics.layer.json\n`, '']);
  });

  // It said `attack-layers normalize <stdin>`, which a shell reads as input from a file named stdin, and named a file
  // holding a space unquoted.
  it('names the normalize command to run as a shell takes it: a file with a space quoted, standard input as -', async () => {
    const dir = freshTmpDir('render-tactics-command');
    const file = join(dir, 'APT32 report.yaml');
    writeFileSync(file, 'name: Tactics\ntechniques:\n  - {ref: T1117, tactic: [Execution, Defense Evasion]}\n');
    const named = await runCli(['render', file, '--out', join(dir, 'a')]);
    expect(named.stderr).to.contain(`(${file}:3 T1218.010 without Execution); \`attack-layers normalize '${file}'\` lists every one with why\n`);
    const piped = await runCli(['render', '-', '--out', join(dir, 'b')], {}, { stdin: readFileSync(file) });
    expect(piped.stderr).to.contain('(<stdin>:3 T1218.010 without Execution); `attack-layers normalize -` lists every one with why\n');
  });

  it('reports unresolved references on stderr, and --quiet silences them', async () => {
    const out = freshTmpDir('render');
    const loud = await runCli(['render', GOLDEN, '--out', out]);
    expect(loud.code).to.equal(0);
    expect(loud.stderr).to.include(`warning: ${GOLDEN}: unresolved reference "T1999" (line 36, unknown)`);
    expect(loud.stderr).to.include(`warning: ${GOLDEN}: unresolved reference "Scripting (T1064)" (line 39, deprecated)`);
    expect(loud.stdout).to.equal(`${out}/golden-campaign.layer.json\n`);
    const quiet = await runCli(['render', GOLDEN, '--out', freshTmpDir('render'), '--quiet']);
    expect([quiet.code, quiet.stderr]).to.deep.equal([0, '']);
  });

  it('renders byte-identical files twice', async () => {
    const [a, b] = [freshTmpDir('render'), freshTmpDir('render')];
    for (const out of [a, b]) {
      const result = await runCli(['render', APT32, GOLDEN, '--out', out, '--aggregate', 'all', '--score', 'recency', '-q']);
      expect(result.code).to.equal(0);
    }
    for (const file of readdirSync(a)) expect(read(join(b, file)), file).to.equal(read(join(a, file)));
  });

  it('keeps a campaign id like ../../x inside --out', async () => {
    const root = freshTmpDir('escape');
    const campaign = join(root, 'evil.yaml');
    writeFileSync(campaign, 'name: Escape\nid: ../../x\ntechniques: [T1566.001]\n');
    const out = join(root, 'a', 'b', 'out');
    const result = await runCli(['render', campaign, '--out', out]);
    expect(result.code).to.equal(0);
    expect(result.stdout).to.equal(`${out}/x.layer.json\n`);
    expect(readdirSync(out)).to.deep.equal(['x.layer.json']);
    expect(readdirSync(root).sort()).to.deep.equal(['a', 'evil.yaml']);
    expect(readdirSync(join(root, 'a'))).to.deep.equal(['b']);
  });

  it('does not overwrite existing files without --force, and writes none of the others either (exit 2)', async () => {
    const out = freshTmpDir('render');
    writeFileSync(join(out, 'golden-second.layer.json'), 'keep me\n');
    const refused = await runCli(['render', APT32, SECOND, '--out', out]);
    expect(refused.code).to.equal(2);
    expect(refused.stderr).to.equal(`attack-layers render: ${out}/golden-second.layer.json already exists with other content; pass --force to overwrite it\n`);
    expect(refused.stdout).to.equal('');
    expect(readdirSync(out)).to.deep.equal(['golden-second.layer.json']);
    expect(read(join(out, 'golden-second.layer.json'))).to.equal('keep me\n');

    const forced = await runCli(['render', APT32, SECOND, '--out', out, '--force']);
    expect(forced.code).to.equal(0);
    expect(read(join(out, 'golden-second.layer.json'))).to.match(/^\{\n {2}"name": "Golden second campaign"/);
  });

  // The first hour's walkthrough: `render campaigns --out out`, then `render campaigns --out out --aggregate
  // apt32-akira` exited 2 with `out/apt32-covid19-wuhan.layer.json already exists; pass --force to overwrite it`, and
  // --force rewrote every layer. A layer file that holds the very layer loses nothing: it is left untouched and said so.
  it('adds an aggregate beside layers rendered before without --force, leaving them untouched, and names each layer that differs', async () => {
    const out = freshTmpDir('render-later');
    expect((await runCli(['render', APT32, SECOND, '--out', out, '--quiet'])).code).to.equal(0);
    const times = () => ['apt32-covid19-wuhan', 'golden-second'].map((name) => statSync(join(out, `${name}.layer.json`)).mtimeMs);
    const before = times();
    const later = await runCli(['render', APT32, SECOND, '--out', out, '--aggregate', 'apt32-akira']);
    expect([later.code, later.stdout], later.stderr).to.deep.equal([0, `${out}/apt32-covid19-wuhan.layer.json\n${out}/golden-second.layer.json\n${out}/apt32-akira.layer.json\n`]);
    expect(later.stderr).to.contain(`${out}/apt32-covid19-wuhan.layer.json, ${out}/golden-second.layer.json: unchanged, they hold this content already\n`);
    expect(times()).to.deep.equal(before);
    expect(readdirSync(out).sort()).to.deep.equal(['apt32-akira.layer.json', 'apt32-covid19-wuhan.layer.json', 'golden-second.layer.json']);
    // Layers that another run would change are each named; nothing is written.
    for (const name of ['apt32-covid19-wuhan', 'apt32-akira']) writeFileSync(join(out, `${name}.layer.json`), 'mine\n');
    const refused = await runCli(['render', APT32, SECOND, '--out', out, '--aggregate', 'apt32-akira', '--quiet']);
    expect([refused.code, refused.stderr]).to.deep.equal([
      2,
      `attack-layers render: ${out}/apt32-covid19-wuhan.layer.json, ${out}/apt32-akira.layer.json already exist with other content; pass --force to overwrite them\n`,
    ]);
    expect(read(join(out, 'apt32-akira.layer.json'))).to.equal('mine\n');
  });

  // On a fresh clone with no ATT&CK data configured, `npm run layers -- --check` said the committed layers were out of
  // date and to rewrite them, though what differs is the release the APT32 campaign states (6.3), not in the snapshot.
  it('--check says a stated release not here is what changes the layers, rather than to rewrite them', async () => {
    const result = await runCli(['render', 'campaigns', '--out', 'layers', '--aggregate', 'all', '--check'], {
      ATTACK_STIX_DIR: undefined,
      XDG_CACHE_HOME: snapshotCacheHome(),
    });
    expect(result.code).to.equal(1);
    expect(result.stderr).to.include('attack_version 6.3: that release is not available');
    expect(result.stderr).to.include(
      'but attack_version 6.3 of campaigns/apt32-covid19-wuhan.yaml is not available in this run (the warning above), which changes the layers: get it and check again before rewriting them\n',
    );
    expect(result.stderr).to.not.include('with --force, to rewrite them');
  });

  it('--check exits 0 when the layers are up to date and 1 listing the stale or missing ones, writing nothing', async () => {
    const out = freshTmpDir('render');
    expect((await runCli(['render', APT32, SECOND, '--out', out, '--aggregate', 'all'])).code).to.equal(0);
    const fresh = await runCli(['render', APT32, SECOND, '--out', out, '--aggregate', 'all', '--check']);
    expect([fresh.code, fresh.stdout, fresh.stderr]).to.deep.equal([0, '', `3 layers in ${out} up to date\n`]);

    const edited = join(out, 'apt32-covid19-wuhan.layer.json');
    writeFileSync(edited, read(edited).replace('"score": 100', '"score": 99'));
    const stale = await runCli(['render', APT32, SECOND, '--out', out, '--aggregate', 'all', '--check']);
    expect(stale.code).to.equal(1);
    expect(stale.stderr).to.equal(
      `attack-layers render: 1 layer is missing or out of date in ${out}: ${edited}; run the same command without --check, with --force, to rewrite them\n`,
    );
    const otherModel = await runCli(['render', APT32, SECOND, '--out', out, '--aggregate', 'all', '--check', '--score', 'frequency']);
    expect(otherModel.code).to.equal(1);
    expect(otherModel.stderr).to.include('3 layers are missing or out of date');

    const empty = freshTmpDir('render');
    expect((await runCli(['render', APT32, '--out', empty, '--check'])).code).to.equal(1);
    expect(readdirSync(empty)).to.deep.equal([]);
  });

  it('uses --as-of and --half-life for recency', async () => {
    const out = freshTmpDir('render');
    const result = await runCli(['render', APT32, '--out', out, '--score', 'recency', '--as-of', '2022-03-31', '--half-life', '729']);
    expect(result.code).to.equal(0);
    const layer = JSON.parse(read(join(out, 'apt32-covid19-wuhan.layer.json'))) as { techniques: Array<{ techniqueID: string; score?: number }> };
    expect(layer.techniques.find((entry) => entry.techniqueID === 'T1204')?.score).to.equal(0.5);
  });

  // The example said `--score recency --check`, and exited 1 on the clone's layers/, which are presence layers.
  it("--help's --check example passes on the layers/ the repository holds", async () => {
    const { declaration } = await import('../../lib/cli/declarations/render.js');
    const example = declaration.examples?.find(([line]) => line.includes('--check'))?.[0];
    const result = await runCli(example!.split(' ').slice(1));
    expect([result.code, result.stderr]).to.deep.equal([0, '3 layers in layers up to date\n']);
  });

  // `render campaigns --out rr --as-of 2020-01-01` (presence, the default) was taken without a word, its date unused.
  it('warns that --as-of and --half-life apply to --score recency only, and uses neither otherwise', async () => {
    const out = freshTmpDir('render');
    const result = await runCli(['render', APT32, '--out', out, '--as-of', '2020-01-01', '--half-life', '30']);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stderr).to.equal('warning: --as-of and --half-life apply to --score recency only; the presence scores do not use them\n' + APT32_TACTICS);
    const one = await runCli(['render', APT32, '--out', freshTmpDir('render'), '--score', 'confidence', '--half-life', '30']);
    expect(one.stderr).to.equal('warning: --half-life applies to --score recency only; the confidence scores do not use it\n' + APT32_TACTICS);
    const recency = await runCli(['render', APT32, '--out', freshTmpDir('render'), '--score', 'recency', '--as-of', '2020-01-01']);
    expect([recency.code, recency.stderr]).to.deep.equal([0, APT32_TACTICS]);
  });

  const usage: ReadonlyArray<readonly [string, string[], string]> = [
    ['an aggregate named like a campaign', [APT32, '--aggregate', 'APT32-COVID19-Wuhan'], 'would be written to apt32-covid19-wuhan.layer.json, the layer of campaign "apt32-covid19-wuhan"'],
    ['an --as-of that is not a date', [APT32, '--as-of', '22.04.2020'], '--as-of "22.04.2020" is not a date'],
    ['a --half-life of 0', [APT32, '--half-life', '0'], '--half-life 0 is not a positive number'],
    ['an unknown --score', [APT32, '--score', 'popularity'], '--score popularity: use one of presence, confidence, frequency, recency'],
    ['no --out', [APT32], '--out is required'],
    ['a missing campaign file', ['campaigns/nope.yaml'], 'campaigns/nope.yaml'],
  ];
  for (const [label, argv, message] of usage) {
    it(`exits 2 for ${label}, writing nothing`, async () => {
      const out = join(freshTmpDir('render'), 'out');
      const result = await runCli(['render', ...argv, ...(argv.includes('--out') || label === 'no --out' ? [] : ['--out', out])]);
      expect(result.code).to.equal(2);
      expect(result.stderr).to.include(message);
      expect(hasStackTrace(result.stderr)).to.equal(false);
      expect(existsSync(out)).to.equal(false);
    });
  }
});

describe('render and normalize of a folder with a file that is no campaign', () => {
  // The repository's campaigns/ with one file cut short beside them: every campaign was refused for that one file.
  const folder = (): string => {
    const dir = freshTmpDir('render-left-out');
    for (const name of ['apt32-covid19-wuhan.yaml', 'temp-periscope-cambodia-2018.yaml']) writeFileSync(join(dir, name), readFileSync(join('campaigns', name), 'utf8'));
    writeFileSync(join(dir, 'cut.json'), '{"name": "x", "techniques": [\n');
    return dir;
  };
  const why = (dir: string) => `left out: ${join(dir, 'cut.json')}: line 2, column 1: invalid JSON: unexpected end of the file (expected a value); the file ends there: give the whole file if it was cut short (a download or copy that stopped)`;

  it('render writes the layers of the others, names the file left out and why, and exits 1; under --strict it writes nothing', async () => {
    const dir = folder();
    const run = await runCli(['render', dir, '--out', join(dir, 'out')]);
    expect(run.code).to.equal(1);
    expect(readdirSync(join(dir, 'out')).sort()).to.deep.equal(['apt32-covid19-wuhan.layer.json', 'temp-periscope-cambodia-2018.layer.json']);
    expect(run.stderr).to.contain(why(dir));
    expect(run.stderr).to.contain('1 file found in the folders given was left out (why, above); the layers of the rest were written');
    const strict = await runCli(['render', dir, '--out', join(dir, 'strict'), '--strict']);
    expect(strict.code).to.equal(1);
    expect(existsSync(join(dir, 'strict'))).to.equal(false);
    expect(strict.stderr).to.contain('nothing was written (--strict)');
  });

  it('normalize and render given a DeTT&CT group file by name say what it is, and the extract command to run names it', async () => {
    // Before: `… make a campaign file of them with \`attack-layers extract <file>\` …`, the file not filled in.
    const dir = freshTmpDir('render-wrong-kind');
    const groups = join(dir, 'groups.yaml');
    writeFileSync(groups, readFileSync('test/fixtures/coverage/dettect/groups.yaml', 'utf8'));
    for (const argv of [['normalize', groups], ['render', groups, '--out', join(dir, 'out')]]) {
      const run = await runCli(argv);
      expect(run.code, argv[0]).to.equal(1);
      expect(run.stderr, argv[0]).to.contain(
        `${groups}: this is a DeTT&CT group administration file, not a campaign file; to map the ATT&CK techniques of its groups, make a campaign file of them with \`attack-layers extract ${groups}\` (--actor NAME for one group)`,
      );
      expect(run.stderr, argv[0]).not.to.contain('<file>');
    }
    // A name a shell would split or read otherwise is quoted in the command, ready to copy; the file is named as is.
    const spaced = join(dir, "team's groups.yaml");
    writeFileSync(spaced, readFileSync('test/fixtures/coverage/dettect/groups.yaml', 'utf8'));
    const run = await runCli(['normalize', spaced]);
    expect(run.code).to.equal(1);
    expect(run.stderr).to.contain(`${spaced}: this is a DeTT&CT group administration file`);
    expect(run.stderr).to.contain(`\`attack-layers extract '${spaced.replace("'", "'\\''")}'\` (--actor NAME for one group)`);
  });

  it('normalize prints the others, names the file left out and why, and exits 1', async () => {
    const dir = folder();
    const run = await runCli(['normalize', dir, '--json']);
    expect(run.code).to.equal(1);
    expect((JSON.parse(run.stdout) as { id: string }[]).map((c) => c.id)).to.deep.equal(['apt32-covid19-wuhan', 'temp-periscope-cambodia-2018']);
    expect(run.stderr).to.contain(why(dir));
    expect(run.stderr).to.contain('the rest was normalized');
  });
});
