/**
 * `attack-layers validate` of campaign files: read by the reader normalize and render use, checked against the real
 * releases (ATTACK_STIX_DIR), on the real campaigns/ and broken copies of them.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, runCli } from '../helpers/attack.js';

const APT32 = 'campaigns/apt32-covid19-wuhan.yaml';

interface Finding {
  severity: string;
  code: string;
  path: string;
  line?: number;
  column?: number;
  message: string;
}
interface FileFindings {
  file: string;
  errors: number;
  warnings: number;
  findings: Finding[];
}

/** A copy of the real APT32 campaign in a fresh folder, with `edit` applied to its text (which must change it). */
function brokenCopy(name: string, edit: (text: string) => string): string {
  const text = readFileSync(APT32, 'utf8');
  const changed = edit(text);
  expect(changed).to.not.equal(text);
  const file = join(freshTmpDir('validate-campaign'), name);
  writeFileSync(file, changed);
  return file;
}

async function findings(file: string): Promise<{ code: number; files: FileFindings[] }> {
  const result = await runCli(['validate', file, '--json']);
  return { code: result.code, files: JSON.parse(result.stdout) as FileFindings[] };
}

describe('attack-layers validate: campaign files', () => {
  it('checks the real campaigns/ folder: exit 0, the revoked IDs and the tactic Regsvr32 lost as warnings at their lines', async () => {
    const result = await runCli(['validate', 'campaigns']);
    expect(result.code).to.equal(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).to.equal(
      'warning: revoked-technique: campaigns/apt32-covid19-wuhan.yaml:31: /techniques/0: "Spearphishing Attachment (T1193)": T1193 Spearphishing Attachment was revoked by T1566.001 Phishing: Spearphishing Attachment',
    );
    expect(lines).to.include(
      'warning: tactic-mismatch: campaigns/apt32-covid19-wuhan.yaml:47: /techniques/2: "Regsvr32 (T1117)": Execution no longer applies: T1218.010 Regsvr32 is Defense Evasion only in ATT&CK 18.1',
    );
    expect(result.stderr).to.contain('2 files: 0 errors, 6 warnings');
    // The JSON has the layers' shape: one object per file, every finding of the five revoked IDs.
    const { files } = await findings('campaigns');
    expect(files.map((f) => [f.file, f.errors, f.warnings])).to.deep.equal([
      [APT32, 0, 6],
      ['campaigns/temp-periscope-cambodia-2018.yaml', 0, 0],
    ]);
    expect(files[0]!.findings.filter((f) => f.code === 'revoked-technique').map((f) => f.line)).to.deep.equal([31, 39, 47, 63, 69]);
    expect(Object.keys(files[0]!.findings[0]!)).to.deep.equal(['severity', 'code', 'path', 'line', 'message']);
  });

  it('gives a YAML syntax error of a broken copy at file:line:column, exit 1', async () => {
    // An unclosed flow list, `tactic: [Initial Access`, on line 32 of the real file.
    const file = brokenCopy('syntax.yaml', (text) => text.replace('    tactic: Initial Access\n', '    tactic: [Initial Access\n'));
    const result = await runCli(['validate', file]);
    expect(result.code).to.equal(1);
    // Said on the line that opens the list, at its [, as the campaign reader lists syntax errors.
    expect(result.stdout).to.match(
      new RegExp(`^error: schema: ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:32:13: /: invalid YAML: the list \\[ opened on this line is not closed`),
    );
    expect(result.stderr).to.contain('normalize --strict and render --strict refuse the campaign');
  });

  it('gives every schema problem at its line and column, as the campaign reader lists them', async () => {
    const file = brokenCopy('schema.yaml', (text) =>
      text.replace('confidence: medium\nplatforms', 'confidance: medium\nplatforms').replace('    confidence: high\n', '    confidence: very high\n'),
    );
    const { code, files } = await findings(file);
    expect(code).to.equal(1);
    expect(files[0]!.findings.map((f) => [f.severity, f.code, f.path, f.line, f.column])).to.deep.equal([
      ['error', 'schema', '/confidance', 27, 1],
      ['error', 'schema', '/techniques/1/confidence', 41, 17],
    ]);
    expect(files[0]!.findings[0]!.message).to.equal(`${file}:27:1: /confidance: unknown field "confidance" (did you mean "confidence"?)`);
  });

  it('makes an error of each reference render leaves out (the four normalize --strict refuses), a warning of a tactic mismatch', async () => {
    const file = brokenCopy('refs.yaml', (text) =>
      text.replace(
        '  - ref: User Execution (T1204)',
        '  - T9999\n  - Scripting (T1064)\n  - T0800\n  - Spearphishing\n  - ref: User Execution (T1204)\n    tactic: Persistence\n  - ref: User Execution (T1204)',
      ),
    );
    const { code, files } = await findings(file);
    expect(code).to.equal(1);
    const errors = files[0]!.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.line]);
    expect(errors).to.deep.equal([
      ['unknown-technique', 55],
      ['deprecated-technique', 56],
      ['other-domain-technique', 57],
      ['ambiguous-reference', 58],
    ]);
    expect(files[0]!.findings.find((f) => f.line === 59)).to.include({ severity: 'warning', code: 'tactic-mismatch' });
    // The same references normalize --strict refuses, through the same reading.
    const strict = await runCli(['normalize', file, '--strict']);
    expect(strict.code).to.equal(1);
    expect(strict.stderr).to.contain('4 references could not be placed on a technique');
    // Beside a layer's errors, the last line says what each file's errors mean, the campaign's after the layer's.
    const both = await runCli(['validate', 'test/fixtures/layers/old-format-3.0.json', file]);
    expect(both.stderr.trimEnd().split('\n').at(-1)).to.match(
      /: Navigator would drop or hide what they concern; .*"Outdated Layer" dialog .*; in the campaign files, render leaves those references out of the layer; normalize --strict and render --strict refuse the campaign$/,
    );
  });

  it('reads a folder of layers and campaign files: each layer as alone, a YAML file of another kind not checked, and said', async () => {
    const dir = freshTmpDir('validate-mixed');
    for (const name of ['apt32-covid19-wuhan.layer.json', 'all.layer.json']) copyFileSync(join('layers', name), join(dir, name));
    copyFileSync(APT32, join(dir, 'apt32-covid19-wuhan.yaml'));
    // A Sigma rule's layout, in our words: logsource and detection make it one.
    writeFileSync(join(dir, 'rule.yml'), 'title: a rule\nlogsource:\n  product: windows\ndetection:\n  sel:\n    Image: x.exe\n  condition: sel\n');
    const result = await runCli(['validate', dir, '--json']);
    expect(result.code).to.equal(0);
    const files = JSON.parse(result.stdout) as FileFindings[];
    expect(files.map((f) => f.file.slice(dir.length + 1))).to.deep.equal(['all.layer.json', 'apt32-covid19-wuhan.layer.json', 'apt32-covid19-wuhan.yaml']);
    const alone = JSON.parse((await runCli(['validate', join(dir, 'all.layer.json'), '--json'])).stdout) as FileFindings[];
    expect(files[0]).to.deep.equal(alone[0]);
    expect(result.stderr).to.contain(`not checked: ${join(dir, 'rule.yml')}: this is a Sigma rule, not a campaign file or an ATT&CK Navigator layer`);
  });

  // Before: exit 0, `not checked: …` for each file and nothing else, as if the folder were valid; combine and upgrade
  // refuse such a folder (exit 1).
  it('refuses a folder of no layer or campaign file, saying why each is none (exit 1), as combine and upgrade do', async () => {
    const dir = freshTmpDir('validate-none-checked');
    writeFileSync(join(dir, 'rule.yml'), 'title: a rule\nlogsource:\n  product: windows\ndetection:\n  sel:\n    Image: x.exe\n  condition: sel\n');
    writeFileSync(join(dir, 'package.json'), readFileSync('package.json'));
    const result = await runCli(['validate', dir]);
    expect([result.code, result.stdout]).to.deep.equal([1, '']);
    expect(result.stderr).to.match(new RegExp(`^attack-layers validate: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no file there is an ATT&CK Navigator layer or a campaign file:\n`));
    expect(result.stderr).to.contain(`\n  ${join(dir, 'rule.yml')}: this is a Sigma rule, not a campaign file or an ATT&CK Navigator layer; give it (or its folder) to gap --coverage\n`);
    expect(result.stderr).to.contain(`\n  ${join(dir, 'package.json')}: this is JSON of no kind attack-layers reads`);
  });

  it('gives a file of another kind given by name its own code, wrong-kind, not a layer\'s schema (exit 1)', async () => {
    // Before: `"code": "schema"` for each, as for a layer that breaks Navigator's format.
    const dir = freshTmpDir('validate-wrong-kind');
    const groups = join(dir, 'groups.yaml');
    copyFileSync('test/fixtures/coverage/dettect/groups.yaml', groups);
    // A Sigma rule's layout, in our words; an Attack Flow Builder file (test/fixtures/attack-flow, its source there).
    writeFileSync(join(dir, 'rule.yml'), 'title: a rule\nlogsource:\n  product: windows\ndetection:\n  sel:\n    Image: x.exe\n  condition: sel\n');
    copyFileSync('test/fixtures/attack-flow/ivanti-vulnerabilities.afb', join(dir, 'flow.afb'));
    // A layer with a schema error keeps `schema`.
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ name: 'bad', domain: 'enterprise-attack', versions: { layer: '4.5', navigator: '5.1.0' }, techniques: 'T1059' }));
    const names = ['groups.yaml', 'rule.yml', 'flow.afb', 'bad.json'];
    const result = await runCli(['validate', ...names.map((name) => join(dir, name)), '--json']);
    expect(result.code).to.equal(1);
    const files = JSON.parse(result.stdout) as FileFindings[];
    expect(files.map((f) => [f.file.slice(dir.length + 1), f.errors, f.findings.map((x) => x.code)])).to.deep.equal([
      ['groups.yaml', 1, ['wrong-kind']],
      ['rule.yml', 1, ['wrong-kind']],
      ['flow.afb', 1, ['wrong-kind']],
      ['bad.json', 1, ['schema']],
    ]);
    expect(files[0]!.findings[0]!.message).to.include(`make a campaign file of them with \`attack-layers extract ${groups}\``).and.not.include('<file>');
    expect(files[1]!.findings[0]!.message).to.equal(`${join(dir, 'rule.yml')}: this is a Sigma rule, not a campaign file or an ATT&CK Navigator layer; give it (or its folder) to gap --coverage`);
    expect(files[2]!.findings[0]!.message).to.include(`${join(dir, 'flow.afb')}: this is an Attack Flow (`).and.include(`attack-layers extract ${join(dir, 'flow.afb')}`);
    // The last line says what a file of another kind is, beside what a layer's schema error means.
    const summary = (await runCli(['validate', join(dir, 'bad.json'), join(dir, 'flow.afb')])).stderr.trimEnd().split('\n').at(-1)!;
    expect(summary).to.include(': the layer does not follow the Navigator layer format; ').and.include(`; ${join(dir, 'flow.afb')}: this is an Attack Flow (`);
  });

  it("says a report's text given by name (Markdown, text) or piped is a report, and how to map it: extract (exit 1)", async () => {
    // Before, each was read as a layer: `report.md: line 1, column 1: invalid JSON: unexpected "#" (expected a value)`.
    const dir = freshTmpDir('validate-report-text');
    const prose = 'The actors sent spearphishing attachments (T1566.001) to staff of the ministry in March.\nOnce inside, they ran PowerShell (T1059.001) to load the second stage from memory.\n';
    writeFileSync(join(dir, 'report.md'), `# Operation in our words\n\n${prose}`);
    writeFileSync(join(dir, 'notes.txt'), prose);
    for (const name of ['report.md', 'notes.txt']) {
      const file = join(dir, name);
      const result = await runCli(['validate', file]);
      expect(result.code, name).to.equal(1);
      expect(result.stdout, name).to.equal(
        `error: wrong-kind: ${file}: this is a report's text, not a campaign file or an ATT&CK Navigator layer; make a campaign file of its technique references with \`attack-layers extract ${file} > campaign.yaml\`, review it, then normalize or render that\n`,
      );
    }
    const piped = await runCli(['validate', '-'], {}, { stdin: prose });
    expect(piped.code).to.equal(1);
    expect(piped.stdout).to.include("<stdin>: this is a report's text, not a campaign file or an ATT&CK Navigator layer").and.include('`attack-layers extract - > campaign.yaml`');
    // A layer whose text is broken is still a layer with a JSON error.
    writeFileSync(join(dir, 'broken.json'), '{"name": "x", "techniques": [');
    expect((await runCli(['validate', join(dir, 'broken.json')])).stdout).to.include('error: schema: ').and.include('invalid JSON');
  });

  it('ends 30 Sigma rules given by name with a line that needs no cut: a few named, each kind counted (exit 1)', async () => {
    // SigmaHQ rules (test/fixtures/gap/sigma/windows, each citing its source) at paths as deep as a checkout's, six of
    // each, beside a DeTT&CT group file and the real layers/; before, the last line named every file and said each
    // one's message, 9,000 characters cut in the middle ("… [9181 characters cut] …") with most file names lost.
    const dir = freshTmpDir('validate-many-kinds');
    const fixtures = 'test/fixtures/gap/sigma/windows';
    const rules = readdirSync(fixtures).flatMap((name) =>
      [1, 2, 3, 4, 5, 6].map((copy) => {
        const folder = join(dir, 'sigma', 'rules', 'windows', 'builtin', `application_error_and_crash_reports_${copy}`, 'microsoft_windows_defender_operational');
        mkdirSync(folder, { recursive: true });
        copyFileSync(join(fixtures, name), join(folder, name));
        return join(folder, name);
      }),
    );
    expect(rules).to.have.length(30);
    const groups = join(dir, 'groups.yaml');
    copyFileSync('test/fixtures/coverage/dettect/groups.yaml', groups);
    const result = await runCli(['validate', ...rules, groups, 'layers']);
    expect(result.code).to.equal(1);
    // Each file of another kind on a line of its own, with what reads it.
    const lines = result.stdout.trimEnd().split('\n');
    for (const rule of rules) expect(lines).to.include(`error: wrong-kind: ${rule}: this is a Sigma rule, not a campaign file or an ATT&CK Navigator layer; give it (or its folder) to gap --coverage`);
    expect(lines.filter((line) => line.startsWith(`error: wrong-kind: ${groups}: `))).to.have.length(1);
    const summary = result.stderr.trimEnd().split('\n').at(-1)!;
    expect(summary).to.not.include('characters cut');
    expect(summary.length).to.be.below(1000);
    expect(summary).to.equal(
      `attack-layers validate: 31 errors in 31 files (${rules.slice(0, 3).join(', ')} and 28 more, each named in its findings): ` +
        "31 files are of another kind, not a campaign file or a layer (each one's finding says what reads it): a Sigma rule (30 files), a DeTT&CT group administration file (1 file)",
    );
    // --json names every one.
    const json = JSON.parse((await runCli(['validate', ...rules, groups, 'layers', '--json'])).stdout) as FileFindings[];
    expect(json.filter((f) => f.errors).map((f) => f.file).sort()).to.deep.equal([...rules, groups].sort());
  });

  it('reads a campaign given as JSON, and one on standard input', async () => {
    const { files } = await findings('test/fixtures/campaigns/every-field.json');
    expect(files[0]!.findings.map((f) => f.code)).to.include('revoked-technique');
    const stdin = await runCli(['validate', '-'], {}, { stdin: readFileSync(APT32, 'utf8') });
    expect(stdin.stdout.split('\n')[0]).to.match(/^warning: revoked-technique: \S+:31: \/techniques\/0: /);
  });
});
