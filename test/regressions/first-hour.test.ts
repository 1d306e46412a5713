/**
 * Issue 12, "the first hour": each defect a new user met, as a test that failed before it was fixed. (The contract
 * itself, command by command, is test/cli/contract.test.ts; the snapshot and the quick start have their own files.)
 */
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshTmpDir, runCli, stixFile } from '../helpers/attack.js';

const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';
/** A campaign with an unknown reference (T1999, line 36) and a deprecated one (Scripting (T1064), line 39). */
const UNPLACED = 'test/fixtures/render/golden-campaign.yaml';
const ANSI = /\u001b\[[0-9;]*m/g;

const JSON_CAMPAIGN = 'test/fixtures/campaigns/every-field.json';
const SIGMA_RULE = 'test/fixtures/gap/sigma/windows/proc_creation_win_regsvr32_scriptlet.yml';
const DETECTIONS_YAML = 'test/fixtures/coverage/detections/detections.yml';

/** `gap` with a threat and a coverage input, into a new folder. */
function gapArgs(threat: string, coverage: string, out = join(freshTmpDir('gap'), 'review')): string[] {
  return ['gap', '--threat', threat, '--coverage', coverage, '--out', out];
}

function campaignFile(text: string): string {
  const file = join(freshTmpDir('first-hour'), 'campaign.yaml');
  writeFileSync(file, text);
  return file;
}

describe('regressions: the first hour (issue 12)', () => {
  describe('tables', () => {
    it('piped, a table has its full text (notes were cut at 120 characters)', async () => {
      const { stdout } = await runCli(['normalize', APT32, '--quiet']);
      expect(stdout).to.include('the name "Spearphising Link" was read as a misspelling of Phishing: Spearphishing Link');
      expect(stdout).to.not.include('…');
    });

    it('on a terminal, it fits its width without cutting an ID, and colours statuses unless NO_COLOR is set', async () => {
      const { stdout } = await runCli(['normalize', APT32, '--quiet'], {}, { tty: { columns: 80 } });
      const rows = stdout.split('\n').filter((line) => /^\d+ {2,}/.test(line.replace(ANSI, '')));
      expect(rows).to.have.length(6);
      for (const row of rows) {
        expect(row.replace(ANSI, '').length, row).to.be.at.most(80);
        expect(row.replace(ANSI, '')).to.match(/ T\d{4}(\.\d{3})? /);
      }
      expect(stdout).to.include('\u001b[33mrevoked');
      const plain = await runCli(['normalize', APT32, '--quiet'], { NO_COLOR: '1' }, { tty: { columns: 80 } });
      expect(plain.stdout).to.not.match(ANSI);
    });
  });

  describe('a file of the wrong kind says what it is', () => {
    // The message names the file in what it says to run (`--attack <file>` filled in).
    const BUNDLE = join(freshTmpDir('bundle'), 'enterprise.json');
    const cases: ReadonlyArray<readonly [what: string, argv: () => string[], says: string]> = [
      // validate takes campaign files too (test/cli/validate-campaign.test.ts); another kind of YAML it names.
      ['a layer given to normalize', () => ['normalize', 'layers/all.layer.json'], 'layers/all.layer.json: this is an ATT&CK Navigator layer, not a campaign file; use validate, upgrade, combine or export'],
      ['a campaign given to upgrade', () => ['upgrade', APT32], `${APT32}: this is a campaign file, not an ATT&CK Navigator layer`],
      [
        'a STIX bundle given to combine',
        () => {
          const file = BUNDLE;
          writeFileSync(file, JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [] }));
          return ['combine', file, 'layers/all.layer.json', '--op', 'max'];
        },
        `this is an ATT&CK STIX bundle, not an ATT&CK Navigator layer; give it with --attack ${BUNDLE}, or add it to the cache with \`attack-layers data add\`; for the techniques of a group, software or campaign it holds, \`attack-layers attack-object <name>\``,
      ],
      ['a gzip file given to normalize', () => ['normalize', stixFile('ics-attack-18.1.json.gz')], 'this is a gzip file; decompress it first (gunzip)'],
      // gap --coverage takes layers, detections files, rule folders and rule files; --threat takes campaigns and layers.
      [
        'a campaign given to gap --coverage',
        () => gapArgs(APT32, APT32),
        `${APT32}: this is a campaign file, not a detections file; use normalize, render or compare (gap takes it as --threat)`,
      ],
      [
        'a JSON campaign given to gap --coverage (it was read as a layer)',
        () => gapArgs(APT32, JSON_CAMPAIGN),
        `${JSON_CAMPAIGN}: this is a campaign file, not an ATT&CK Navigator layer or a detections file or a DeTT&CT technique administration file or a Microsoft Sentinel export of analytic rules (an ARM template); use normalize, render or compare (gap takes it as --threat)`,
      ],
      ['a detections file given to gap --threat', () => gapArgs(DETECTIONS_YAML, DETECTIONS_YAML), `${DETECTIONS_YAML}: this is a detections file, not a campaign file; give it to gap --coverage`],
      ['a detections file given to validate', () => ['validate', DETECTIONS_YAML], `${DETECTIONS_YAML}: this is a detections file, not a campaign file or an ATT&CK Navigator layer; give it to gap --coverage`],
    ];
    for (const [what, argv, says] of cases) {
      it(what, async () => {
        const result = await runCli([...argv(), '--quiet']);
        expect(result.code).to.equal(1);
        expect(result.stderr + result.stdout).to.include(says);
      });
    }

    it('a gap report given to gap --coverage', async () => {
      const out = join(freshTmpDir('gap-report'), 'review');
      expect((await runCli(gapArgs(APT32, DETECTIONS_YAML, out).concat('--report', 'json', '--quiet'))).code).to.equal(0);
      const report = join(out, 'gap-report.json');
      const result = await runCli([...gapArgs(APT32, report), '--quiet']);
      expect(result.code).to.equal(1);
      expect(result.stderr).to.include(
        `${report}: this is a gap report (gap --report json), not an ATT&CK Navigator layer or a detections file or a DeTT&CT technique administration file or a Microsoft Sentinel export of analytic rules (an ARM template); use export to draw or tabulate it`,
      );
    });
  });

  it('reads one Sigma rule given to gap --coverage as a folder of that rule (it was refused: "give its folder")', async () => {
    const result = await runCli(gapArgs(APT32, SIGMA_RULE));
    expect(result.code).to.equal(0);
    expect(result.stderr).to.include(`${SIGMA_RULE}: 1 rule read, 0 ignored, 0 invalid`);
  });

  it('says a warning once per run, however many steps meet it (a detections file given twice)', async () => {
    const broken = 'test/fixtures/gap/detections-broken.csv';
    const result = await runCli(['gap', '--threat', APT32, '--coverage', broken, broken, '--out', freshTmpDir('twice')]);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith(`${broken}:`));
    expect(lines).to.have.length.greaterThan(0);
    expect(new Set(lines).size).to.equal(lines.length);
  });

  describe('references that could not be placed: counted, listed, and --strict', () => {
    it('--quiet silences warnings and the summary, not errors', async () => {
      expect((await runCli(['normalize', UNPLACED, '--quiet'])).stderr).to.equal('');
      const strict = await runCli(['normalize', UNPLACED, '--quiet', '--strict']);
      expect(strict.code).to.equal(1);
      expect(strict.stderr).to.equal(
        `attack-layers normalize: --strict: 2 references could not be placed on a technique: ${UNPLACED}:36: unknown: T1999; ${UNPLACED}:39: deprecated: Scripting (T1064)\n`,
      );
    });

    it('render counts them in its summary, and under --strict exits 1 writing nothing', async () => {
      const out = freshTmpDir('strict-render');
      const lenient = await runCli(['render', UNPLACED, '--out', out]);
      expect(lenient.code).to.equal(0);
      expect(lenient.stderr).to.include('2 references left out of the layers (unknown, other domain, ambiguous or deprecated):\n');
      const strictOut = freshTmpDir('strict-render');
      const strict = await runCli(['render', UNPLACED, '--out', strictOut, '--strict']);
      expect(strict.code).to.equal(1);
      expect(readdirSync(strictOut)).to.deep.equal([]);
    });

    it('compare lists each reference it could not place (one of them vanished), and --strict exits 1', async () => {
      const text = await runCli(['compare', UNPLACED, '--with', 'G0050']);
      expect(text.code).to.equal(0);
      expect(text.stdout).to.include(`2 references not compared: not placed on a technique (unknown, other domain, ambiguous or deprecated):\n  ${UNPLACED}:36: unknown: T1999\n  ${UNPLACED}:39: deprecated: Scripting (T1064)\n`);
      const json = JSON.parse((await runCli(['compare', UNPLACED, '--with', 'G0050', '--json', '--quiet'])).stdout) as { unplaced: string[] };
      expect(json.unplaced).to.have.length(2);
      expect((await runCli(['compare', UNPLACED, '--with', 'G0050', '--strict', '--quiet'])).code).to.equal(1);
    });
  });

  describe('campaigns as people write them', () => {
    it('reads the actor "APT 32" as APT32, spacing aside (the README promised it)', async () => {
      const file = campaignFile('name: x\nactor: APT 32\ntechniques:\n  - T1193\n');
      const [result] = JSON.parse((await runCli(['normalize', file, '--json', '--quiet'])).stdout) as { actor: { id?: string; note: string } }[];
      expect(result!.actor).to.deep.include({ id: 'G0050', note: 'group G0050 APT32 (written as "APT 32", spacing aside)' });
      const layer = await runCli(['attack-object', 'APT 32']);
      expect([layer.code, layer.stderr]).to.deep.equal([0, 'note: "APT 32" is read as G0050 APT32 (spacing aside)\n']);
    });

    it('reads an unquoted "- Acquire Infrastructure: Virtual Private Server" as that name, saying so', async () => {
      const file = campaignFile('name: x\ntechniques:\n  - Acquire Infrastructure: Virtual Private Server\n');
      const result = await runCli(['normalize', file, '--json', '--quiet']);
      expect(result.code, result.stderr).to.equal(0);
      const [campaign] = JSON.parse(result.stdout) as { references: { raw: string; ids: string[] }[]; warnings: string[] }[];
      expect(campaign!.references.map((r) => [r.raw, r.ids])).to.deep.equal([['Acquire Infrastructure: Virtual Private Server', ['T1583.003']]]);
      expect(campaign!.warnings[0]).to.match(/^line 3: \/techniques\/0: "Acquire Infrastructure: Virtual Private Server" read as one name/);
    });

    it('takes domain: mobile in a campaign, and --domain for a campaign that names none', async () => {
      const named = campaignFile('name: x\ndomain: mobile\ntechniques:\n  - T1404\n');
      const unnamed = campaignFile('name: x\ntechniques:\n  - T1404\n');
      for (const argv of [[named], [unnamed, '--domain', 'mobile']]) {
        const [result] = JSON.parse((await runCli(['normalize', ...argv, '--json', '--quiet'])).stdout) as { attack: { domain: string }; techniques: { id: string }[] }[];
        expect([result!.attack.domain, result!.techniques.map((t) => t.id)]).to.deep.equal(['mobile-attack', ['T1404']]);
      }
    });
  });

  it('validate --attack-release 14.1 does not claim the installed 18 is missing', async () => {
    const result = await runCli(['validate', 'layers/all.layer.json', '--attack-release', '14.1']);
    expect(result.stdout + result.stderr).to.not.include('not available');
    expect(result.stdout).to.include('is not a technique in enterprise-attack 14.1');
  });

  it('shows the steps of a first load on a terminal only', async () => {
    const argv = ['technique', 'T0800', '--attack', stixFile('ics-attack-18.1.json.gz')];
    const tty = await runCli(argv, { XDG_CACHE_HOME: freshTmpDir('progress') }, { tty: { columns: 100 } });
    expect(tty.code).to.equal(0);
    expect(tty.stderr).to.include('\r\u001b[Kloading ATT&CK ics-attack-18.1.json.gz: indexing (the first time only: the index is cached)');
    const piped = await runCli(argv, { XDG_CACHE_HOME: freshTmpDir('progress') });
    expect([piped.code, piped.stderr]).to.deep.equal([0, '']);
  });

  it('writes coverage as a percentage in every report, as --min-coverage takes it', async () => {
    const out = freshTmpDir('percent');
    expect((await runCli(['gap', '--threat', APT32, '--coverage', 'test/fixtures/gap/detections.csv', '--out', out, '--report', 'json', '--quiet'])).code).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as { minCoverage: number; rows: { id: string; coverage: number }[] };
    expect(report.minCoverage).to.equal(50);
    // detections.csv says "low" for T1193 (T1566.001) and 20 for T1095: 25 and 20 percent.
    expect(report.rows.filter((r) => ['T1566.001', 'T1095'].includes(r.id)).map((r) => [r.id, r.coverage]).sort()).to.deep.equal([
      ['T1095', 20],
      ['T1566.001', 25],
    ]);
    expect(existsSync(join(out, 'gap-report.json'))).to.equal(true);
  });
});
