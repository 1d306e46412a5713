/**
 * `attack-layers gap --tests`: the Atomic Red Team tests of each threat technique on its platforms, in every report
 * and the gap layer. Fixtures: test/fixtures/atomic-tests (see test/coverage/atomic-tests.test.ts; the CSV index and
 * T1003.008.yaml are excerpts of redcanaryco/atomic-red-team, MIT License).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseCsv } from '../../lib/coverage/parse-csv.js';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { readWorkbook } from '../export/workbook.js';

const atomics = 'test/fixtures/atomic-tests/atomics';
const index = `${atomics}/Indexes/Indexes-CSV/index.csv`;

describe('attack-layers gap --tests', () => {
  let dir: string;
  let threat: string;
  const review = async (tests: string, report: string): Promise<{ code: number; stderr: string; out: string }> => {
    const out = join(dir, `${report}-${tests.replace(/\W+/g, '-')}`);
    const result = await runCli(['gap', '--threat', threat, '--coverage', 'test/fixtures/gap/detections.csv', '--tests', tests, '--out', out, '--report', report]);
    return { code: result.code, stderr: result.stderr, out };
  };
  before(() => {
    dir = freshTmpDir('gap-tests');
    threat = join(dir, 'threat.json');
    // A threat on Linux and Windows: T1003.008 has Linux tests, T1059.001 the Windows test written as revoked T1086, T1095 none.
    writeFileSync(
      threat,
      JSON.stringify({
        name: 'threat',
        domain: 'enterprise-attack',
        versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
        techniques: ['T1003.008', 'T1059.001', 'T1095'].map((techniqueID) => ({ techniqueID, score: 100 })),
      }),
    );
  });

  // One test file of an atomics folder that is no test file (invalid YAML, a file cut short) refused every test.
  it('leaves out a file of the atomics folder that is no test file, saying why, lists the others, and exits 1', async () => {
    const folder = join(dir, 'atomics-one-broken');
    cpSync(atomics, folder, { recursive: true });
    mkdirSync(join(folder, 'T1095'));
    writeFileSync(join(folder, 'T1095', 'T1095.yaml'), 'attack_technique: T1095\ndisplay_name: x\natomic_tests:\n  - name: [broken\n');
    const { code, stderr, out } = await review(folder, 'md');
    expect(code).to.equal(1);
    const why = `Atomic Red Team tests ${folder}: left out: ${join(folder, 'T1095', 'T1095.yaml')}: not valid YAML`;
    expect(stderr).to.contain(why);
    expect(stderr).to.contain('1 file found in the folders given was left out (why, above); the review of the rest was written');
    const report = readFileSync(join(out, 'gap-report.md'), 'utf8');
    expect(report).to.contain(why);
    expect(report).to.match(/Atomic Red Team tests: .*: \d+ tests/);
  });

  it("lists each row's tests on its platforms in the JSON report (valid by its schema), counts the gaps with and without, notes the revoked ID", async () => {
    const { code, stderr, out } = await review(atomics, 'json');
    expect(code).to.equal(0);
    const report = JSON.parse(readFileSync(join(out, 'gap-report.json'), 'utf8')) as GapReportData;
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    const tests = Object.fromEntries(report.rows.map((row) => [row.id, row.tests?.map((t) => `${t.name} ${t.platforms?.join('+')} ${t.executor}`)]));
    expect(tests).to.deep.equal({
      'T1003.008': ['Access /etc/shadow (Local) Linux bash', 'Access /etc/passwd (Local) Linux sh'],
      'T1059.001': ['Run a script block that lists processes Windows powershell'],
      T1095: [],
    });
    expect(report.tests).to.deep.equal({ source: atomics, tests: 4, gapsWithTests: 2, gapsWithRelatedOnly: 0, gapsWithout: 1 });
    expect(stderr).to.contain(`Atomic Red Team tests ${atomics}: revoked IDs counted under their replacement: T1086 -> T1059.001 (1)`);
    // The workbook export of the report has the tests as its last column but outside_view, library_rules, newer_tags and the procedure and data source columns.
    const file = join(out, 'gaps.xlsx');
    expect((await runCli(['export', join(out, 'gap-report.json'), '--out', file])).code).to.equal(0);
    const sheet = (await readWorkbook(readFileSync(file))).getWorksheet('Gaps')!;
    const header = (sheet.getRow(1).values as unknown[]).filter(Boolean);
    expect(header.slice(-8)).to.deep.equal(['tests', 'outside_view', 'library_rules', 'newer_tags', 'procedure', 'procedure_place', 'procedures', 'data_sources']);
    const row = report.rows.findIndex((r) => r.id === 'T1059.001') + 2;
    expect(sheet.getRow(row).getCell(header.indexOf('tests') + 1).value).to.equal('Run a script block that lists processes [00000000-0000-4000-8000-000000001086] (powershell)');
  });

  it('adds a Tests column and the summary to the Markdown, and the tests to the gap layer (comment and metadata)', async () => {
    const { code, out } = await review(index, 'md');
    expect(code).to.equal(0);
    const md = readFileSync(join(out, 'gap-report.md'), 'utf8');
    expect(md).to.contain(`- Atomic Red Team tests: \`${index}\`: 8 tests; gaps with tests on their platforms: 1 of 3 (2 without)`);
    expect(md).to.match(/\| Coverage \| Rules \| Tests \| Priority \|/);
    // The Markdown names at most three tests a cell (the JSON, CSV and workbook list every one); T1003.008's row also
    // lists the three of its parent T1003 (index.csv names no platform: they count on Linux), counted apart.
    expect(md).to.contain("| tests: 4 own, 3 of its parent (Access /etc/shadow (Local); Access /etc/passwd (Local); Access /etc/{shadow,passwd} with a standard bin that's not cat; and 4 more) |");
    expect(md).to.contain('Atomic Red Team tests: 4 own, 3 of its parent (Access /etc/shadow (Local);');
    const layer = JSON.parse(readFileSync(join(out, 'gap.layer.json'), 'utf8')) as NavigatorLayer;
    const entry = layer.techniques!.find((t) => t.techniqueID === 'T1003.008')!;
    expect(entry.comment).to.contain('Atomic Red Team tests: 4 own, 3 of its parent (Access /etc/shadow (Local);');
    expect(entry.metadata?.flatMap((m) => ('name' in m && m.name === 'atomic test' ? [m.value] : []))).to.deep.equal([
      'Access /etc/shadow (Local) [3723ab77-c546-403c-8fb4-bb577033b235]',
      'Access /etc/passwd (Local) [60e860b6-8ae6-49db-ad07-5e73edd88f5d]',
      "Access /etc/{shadow,passwd} with a standard bin that's not cat [df1a55ae-019d-4120-bc35-94f4bc5c4b0a]",
      'Access /etc/{shadow,passwd} with shell builtins [f5aa6543-6cb2-4fae-b9c2-b96e14721713]',
      "Gsecdump [96345bfc-8ae7-4b6a-80b7-223200f24ef9] (parent's test)",
      "Credential Dumping with NPPSpy [9e2173c0-ba26-4cdf-b0ed-8c54b27e3ad6] (parent's test)",
      "Dump svchost.exe to gather RDP credentials [d400090a-d8ca-4be0-982e-c70598a23de9] (parent's test)",
    ]);
    // A gap no test runs on says so in words, not `tests: 0` (which filled 46 of 48 rows of a review against a
    // 45-test excerpt of index.csv): `none` in the Tests cell, as the Rules column says it.
    expect(layer.techniques!.find((t) => t.techniqueID === 'T1095')!.comment).to.contain('Atomic Red Team tests: none on its platforms');
    expect(md.split('\n').find((line) => line.includes('| T1095 |'))).to.match(/ \| none \| \d+(\.\d+)? \|$/);
    expect(md).to.not.contain('tests: 0 |');
  });

  it("lists a parent row's sub-techniques' tests, labelled and counted apart; a sub-technique row gets no sibling's", async () => {
    // In the folder T1003 has no test of its own, T1003.008 two on Linux; T1003.001, a sibling, gets none of them.
    const file = join(dir, 'parent.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'parent',
        domain: 'enterprise-attack',
        versions: { attack: '18', navigator: '5.1.0', layer: '4.5' },
        techniques: ['T1003', 'T1003.001', 'T1003.008'].map((techniqueID) => ({ techniqueID, score: 100 })),
      }),
    );
    const run = async (report: string): Promise<string> => {
      const out = join(dir, `parent-${report}`);
      const result = await runCli(['gap', '--threat', file, '--coverage', 'test/fixtures/gap/detections.csv', '--tests', atomics, '--out', out, '--report', report]);
      expect(result.code).to.equal(0);
      return out;
    };
    const report = JSON.parse(readFileSync(join(await run('json'), 'gap-report.json'), 'utf8')) as GapReportData;
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
    const rows = Object.fromEntries(report.rows.map((row) => [row.id, row.tests?.map((t) => `${t.name}${t.via ? ` via ${t.via}` : ''}`)]));
    expect(rows).to.deep.equal({
      T1003: ['Access /etc/shadow (Local) via T1003.008', 'Access /etc/passwd (Local) via T1003.008'],
      'T1003.001': [],
      'T1003.008': ['Access /etc/shadow (Local)', 'Access /etc/passwd (Local)'],
    });
    expect(report.tests).to.deep.equal({ source: atomics, tests: 4, gapsWithTests: 1, gapsWithRelatedOnly: 1, gapsWithout: 1 });
    const md = readFileSync(join(await run('md'), 'gap-report.md'), 'utf8');
    expect(md).to.contain("gaps with tests on their platforms: 1 of 3 (1 with only a sub-technique's or the parent's test, exercising them in part; 1 without)");
    expect(md).to.contain('| tests: 0 own, 2 of its sub-techniques (Access /etc/shadow (Local) (via T1003.008); Access /etc/passwd (Local) (via T1003.008)) |');
    expect(md).to.contain("run them to check the rule written for it (a sub-technique's test exercises it only in part).");
  });

  it('appends a tests column, before outside_view, library_rules, newer_tags and the procedure and data source columns, to the CSV report, and a tests row to its sections', async () => {
    const { code, out } = await review(`${atomics}/T1003.008/T1003.008.yaml`, 'csv');
    expect(code).to.equal(0);
    const [header, ...rows] = parseCsv(readFileSync(join(out, 'gap-report.csv'), 'utf8')).rows.map((row) => row.cells);
    expect(header!.slice(-8)).to.deep.equal(['tests', 'outside_view', 'library_rules', 'newer_tags', 'procedure', 'procedure_place', 'procedures', 'data_sources']);
    const technique = rows.find((cells) => cells[0] === 'technique' && cells[2] === 'T1003.008')!;
    expect(technique[header!.indexOf('tests')]).to.equal('Access /etc/shadow (Local) [3723ab77-c546-403c-8fb4-bb577033b235] (bash);Access /etc/passwd (Local) [60e860b6-8ae6-49db-ad07-5e73edd88f5d] (sh)');
    expect(rows.find((cells) => cells[0] === 'tests')).to.include('gaps with tests on their platforms: 1 of 3 (2 without)');
  });

  it('reads the tests from standard input (--tests -), as --threat and --coverage read -, and refuses - given to two inputs of one run', async () => {
    const file = `${atomics}/T1003.008/T1003.008.yaml`;
    const argv = (tests: string, out: string, threatPath = threat) => ['gap', '--threat', threatPath, '--coverage', 'test/fixtures/gap/detections.csv', '--tests', tests, '--out', join(dir, out), '--report', 'json'];
    const named = await runCli(argv(file, 'stdin-file'));
    const piped = await runCli(argv('-', 'stdin-piped'), {}, { stdin: readFileSync(file) });
    expect([piped.code, named.code]).to.deep.equal([0, 0]);
    const rows = (out: string) => (JSON.parse(readFileSync(join(dir, out, 'gap-report.json'), 'utf8')) as GapReportData).rows.map((row) => [row.id, row.tests?.map((t) => t.name)]);
    expect(rows('stdin-piped')).to.deep.equal(rows('stdin-file'));
    expect((JSON.parse(readFileSync(join(dir, 'stdin-piped', 'gap-report.json'), 'utf8')) as GapReportData).tests?.source).to.equal('<stdin>');
    // Standard input can be read once: the message names the two flags given it.
    const twice = await runCli(argv('-', 'stdin-twice', '-'), {}, { stdin: readFileSync(threat) });
    expect([twice.code, twice.stderr]).to.deep.equal([
      2,
      'attack-layers gap: - (standard input) is given more than once to --threat and --tests; it can be read once: save all but one of them to a file and name it\nRun `attack-layers gap --help` for usage.\n',
    ]);
  });

  it('refuses tests given as coverage, pointing to --tests; and a --tests path that names nothing (exit 2)', async () => {
    const refused = await runCli(['gap', '--threat', threat, '--coverage', index, '--out', join(dir, 'refused')]);
    expect(refused.code).to.equal(1);
    expect(refused.stderr).to.contain('to list the tests that exercise each threat technique, give them to gap --tests');
    const missing = await runCli(['gap', '--threat', threat, '--coverage', 'test/fixtures/gap/detections.csv', '--tests', join(dir, 'nothing'), '--out', join(dir, 'missing')]);
    expect([missing.code, missing.stderr]).to.deep.equal([2, `attack-layers gap: --tests ${join(dir, 'nothing')}: no such file or folder; give an atomics folder, atomics/Indexes/index.yaml, Indexes-CSV/index.csv or an atomics/Txxxx/Txxxx.yaml file of Atomic Red Team\n`]);
  });
});
