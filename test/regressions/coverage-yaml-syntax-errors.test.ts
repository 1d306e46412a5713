/**
 * Every YAML syntax error of a coverage input listed at its place, as campaign files list theirs (yamlSyntaxIssues), not
 * the first alone. Real files broken the way people break them, in memory at run time:
 *   test/fixtures/coverage/detections/detections.yml (the project's detections file) and dettect/techniques.yaml;
 *   the log sources file of README "Coverage gap review" (--log-sources), in its shape;
 *   real SigmaHQ rules of ../shared/sigma (the August 2026 snapshot, SigmaHQ/sigma, Detection Rule License 1.1), copied
 *   into a test folder, never committed: rules/windows/process_creation/proc_creation_win_certutil_download_direct_ip.yml
 *   and the other rules of its folder.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { parseDetectionsYaml } from '../../lib/coverage/read-detections.js';
import { parseAtomicTests } from '../../lib/coverage/atomic-tests.js';
import { parseDettectTechniques } from '../../lib/coverage/read-dettect.js';
import { parseLogSourcesYaml } from '../../lib/coverage/read-log-sources.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { InvalidYamlError } from '../../lib/errors.js';
import { freshTmpDir, repoRoot, runCli } from '../helpers/attack.js';

const fixtures = resolve(repoRoot, 'test/fixtures/coverage');
const SIGMA = resolve(repoRoot, '../shared/sigma/rules/windows/process_creation');
const CERTUTIL = 'proc_creation_win_certutil_download_direct_ip.yml';

/** `text` with each [before, after] replaced once, failing when `before` is not there (the fixture changed). */
function broken(text: string, changes: readonly (readonly [string, string])[]): string {
  return changes.reduce((out, [before, after]) => {
    expect(out, before).to.contain(before);
    return out.replace(before, after);
  }, text);
}

/** A fresh folder holding copies of the real SigmaHQ certutil rules of ../shared/sigma, and their names. */
function certutilRules(prefix: string): { dir: string; names: string[] } {
  const dir = freshTmpDir(prefix);
  const names = readdirSync(SIGMA).filter((name) => name.startsWith('proc_creation_win_certutil'));
  for (const name of names) copyFileSync(join(SIGMA, name), join(dir, name));
  return { dir, names };
}

/** The 1-based line of the first line of `text` holding `part`. */
const lineOf = (text: string, part: string): number => text.split('\n').findIndex((line) => line.includes(part)) + 1;

/**
 * The syntax errors a rule file's one problem numbers (`not valid YAML: 3 syntax errors: (1) line 1, column 16: …; (2) …`),
 * each as [line, column, its first clause], or the problem's own when it is one error.
 */
function syntaxErrors(problem: { line?: number; column?: number; message: string }): [number | undefined, number | undefined, string][] {
  const many = /^not valid YAML: (\d+) syntax errors: (.*)$/s.exec(problem.message);
  if (!many) return [[problem.line, problem.column, problem.message.split(';')[0]!]];
  const parts = many[2]!.split(/; (?=\(\d+\) line )/);
  expect(parts).to.have.length(Number(many[1]));
  return parts.map((part, index) => {
    const [, n, line, column, text] = /^\((\d+)\) line (\d+)(?:, column (\d+))?: (.*)$/s.exec(part) ?? [];
    expect(Number(n), part).to.equal(index + 1);
    return [Number(line), column === undefined ? undefined : Number(column), `not valid YAML: ${text!.split(';')[0]}`];
  });
}

/** The error a parse throws, as an InvalidYamlError. */
function thrown(parse: () => unknown): InvalidYamlError {
  try {
    parse();
  } catch (error) {
    expect(error).to.be.instanceOf(InvalidYamlError);
    return error as InvalidYamlError;
  }
  throw new Error('no error thrown');
}

describe('regressions: every YAML syntax error of a coverage input, at its line and column', () => {
  // Three mistakes a detection engineer types: a name holding ": " unquoted, a field indented with a tab, a [ list not closed.
  const detections = broken(readFileSync(join(fixtures, 'detections/detections.yml'), 'utf8'), [
    ["- name: 'Proxy: rare user agents'", '- name: Proxy: rare user agents'],
    ['  comment: blind to password-protected archives', '\tcomment: blind to password-protected archives'],
    ['  techniques: [T1204]', '  techniques: [T1204'],
  ]);

  it('a detections file broken three ways lists the three, each at its line and column, with what to write', () => {
    const error = thrown(() => parseDetectionsYaml(detections, 'd.yml'));
    expect(error.issues.map(({ line, column }) => [line, column])).to.deep.equal([
      [lineOf(detections, 'Proxy: rare'), 14],
      [lineOf(detections, '\tcomment'), 1],
      [lineOf(detections, '[T1204'), 15],
    ]);
    expect(error.issues.map((issue) => issue.message)).to.satisfy((messages: string[]) => messages.every((message) => message.startsWith('not valid YAML: ')));
    expect(error.issues[0]!.message).to.contain(`quote the value: name: '…'`);
    expect(error.issues[1]!.message).to.contain('is indented with a tab');
    expect(error.issues[2]!.message).to.contain('the list [ opened on this line is not closed; end it with ]');
    // The message names the first, as the reader always has, and says that more follow.
    expect(error.message).to.match(/^d\.yml:11: not valid YAML: the value of "name" is not quoted .* \(and 2 more errors\)$/);
  });

  it('gap prints the three at file:line:column and exits 1', async () => {
    const dir = freshTmpDir('coverage-yaml');
    const file = join(dir, 'detections.yml');
    writeFileSync(file, detections);
    const threat = join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml');
    const result = await runCli(['gap', '--threat', threat, '--coverage', file, '--out', join(dir, 'out')]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain(`${file}: not a valid detections file: 3 problems:`);
    expect(result.stderr).to.contain(`  ${file}:11:14: not valid YAML: the value of "name"`);
    expect(result.stderr).to.contain(`  ${file}:${lineOf(detections, '\tcomment')}:1: not valid YAML: line ${lineOf(detections, '\tcomment')} is indented with a tab`);
    expect(result.stderr).to.contain(`  ${file}:${lineOf(detections, '[T1204')}:15: not valid YAML: the list [ opened`);
    expect(existsSync(join(dir, 'out'))).to.equal(false);
  });

  it('a detections file of one error keeps its one-line message', () => {
    const one = broken(readFileSync(join(fixtures, 'detections/detections.yml'), 'utf8'), [["- name: 'Proxy: rare user agents'", '- name: Proxy: rare user agents']]);
    const error = thrown(() => parseDetectionsYaml(one, 'd.yml'));
    expect(error.issues).to.have.length(1);
    expect(error.message).to.equal(
      `d.yml:11: not valid YAML: the value of "name" is not quoted and holds ": " (column 14), which YAML reads as the start of a mapping inside it; quote the value: name: '…' (write '' for a ' inside)`,
    );
  });

  it('a log sources file (README --log-sources) with a channel list not closed and a name holding ": " lists both', () => {
    const text = '# what we collect\n- WinEventLog:Sysmon\n- name: WinEventLog:Security\n  channels: [EventCode=4688, EventCode=4624\n- name: Process: Process Creation\n';
    const error = thrown(() => parseLogSourcesYaml(text, 'l.yml'));
    expect(error.issues.map(({ line, column, message }) => [line, column, message.split(';')[0]])).to.deep.equal([
      [4, 13, 'not valid YAML: the list [ opened on this line is not closed'],
      [5, 16, 'not valid YAML: the value of "name" is not quoted and holds ": " (column 16), which YAML reads as the start of a mapping inside it'],
    ]);
    expect(error.what).to.equal('log sources file');
  });

  it('a DeTT&CT technique administration file: a field one space out and a tab, both listed', () => {
    const text = broken(readFileSync(join(fixtures, 'dettect/techniques.yaml'), 'utf8'), [
      ['domain: enterprise-attack', ' domain: enterprise-attack'],
      ["        comment: ''", "\t\tcomment: ''"],
    ]);
    const error = thrown(() => parseDettectTechniques(text, 't.yaml'));
    const messages = error.issues.map(({ line, message }) => `${line}: ${message}`);
    expect(messages).to.have.length(2);
    expect(messages[0]).to.match(new RegExp(`^${lineOf(text, ' domain:')}: not valid YAML: "domain" starts at column 2, but "name" above it`));
    expect(messages[1]).to.match(new RegExp(`^${lineOf(text, "\t\tcomment")}: not valid YAML: line \\d+ is indented with a tab`));
  });

  describe('a folder of real Sigma rules with one broken three ways', function () {
    before(function () {
      if (!existsSync(join(SIGMA, CERTUTIL))) this.skip();
    });

    it("lists the broken rule's three problems, at its lines, and reads every other rule of the folder", () => {
      const { dir, names } = certutilRules('sigma-broken');
      // A title holding ": ", a line indented with a tab, a Windows path in "…": each as people write them.
      const text = broken(readFileSync(join(SIGMA, CERTUTIL), 'utf8'), [
        ['title: Suspicious File Downloaded From Direct IP Via Certutil.EXE', 'title: Certutil: Suspicious File Downloaded From Direct IP'],
        ['    product: windows', '\tproduct: windows'],
        ["        - Image|endswith: '\\certutil.exe'", '        - Image|endswith: "\\certutil.exe"'],
      ]);
      writeFileSync(join(dir, CERTUTIL), text);
      const input = readRuleFolder(dir);
      const problems = input.problems.filter((problem) => problem.file.endsWith(CERTUTIL));
      // One file that cannot be read is one problem, at its first error (`file:line:column`); its three errors are
      // numbered inside it, each at its line and column, as a campaign file's are. Before: three problems, the second
      // and third counted as problems of rules read.
      expect(problems.map(({ line, column, skipped }) => [line, column, skipped])).to.deep.equal([[1, 16, true]]);
      expect(syntaxErrors(problems[0]!)).to.deep.equal([
        [1, 16, 'not valid YAML: the value of "title" is not quoted and holds ": " (column 16), which YAML reads as the start of a mapping inside it'],
        [lineOf(text, '\tproduct'), 1, `not valid YAML: line ${lineOf(text, '\tproduct')} is indented with a tab, which YAML does not allow`],
        [
          lineOf(text, '"\\certutil.exe"'),
          text.split('\n')[lineOf(text, '"\\certutil.exe"') - 1]!.indexOf('\\c') + 1,
          'not valid YAML: \\c in a "…" value is no escape YAML knows (a Windows path or a regular expression?)',
        ],
      ]);
      // Every other rule is read: the folder is not refused for one file.
      expect(new Set(input.rules.map((rule) => rule.file.split(/[\\/]/).pop())).size).to.equal(names.length - 1);
      expect(input.problems.filter((problem) => problem.skipped)).to.have.length(1);
    });
  });

  // A folder read leaves out a file it cannot read and reads the rest; its "left out" line named the first error and
  // "(and 2 more errors)": it now says all three, numbered, on the one line stderr and the report give each file.
  it("a folder of campaigns with one broken three ways: render's left-out line lists the three, and the other is rendered", async () => {
    const dir = freshTmpDir('campaigns-broken');
    const out = freshTmpDir('campaigns-out');
    const campaigns = join(repoRoot, 'campaigns');
    for (const name of readdirSync(campaigns)) copyFileSync(join(campaigns, name), join(dir, name));
    const text = broken(readFileSync(join(campaigns, 'apt32-covid19-wuhan.yaml'), 'utf8'), [
      ['actor: APT32\n', 'actor: @APT32\n'],
      ['tags: [covid-19, china, government, espionage]', 'tags: [covid-19, china, government, espionage'],
      ['    tactic: Initial Access\n    confidence: medium', '\ttactic: Initial Access\n    confidence: medium'],
    ]);
    const file = join(dir, 'apt32-covid19-wuhan.yaml');
    writeFileSync(file, text);
    const result = await runCli(['render', dir, '--out', out]);
    expect(result.code).to.equal(1);
    const line = result.stderr.split('\n').find((said) => said.startsWith(`left out: ${file}`));
    expect(line).to.equal(
      `left out: ${file}: 3 YAML syntax errors: ` +
        `(1) line 6, column 8: invalid YAML: a value not quoted cannot start with @ in YAML; quote it: '@APT32'; ` +
        `(2) line ${lineOf(text, 'tags: [')}, column 7: invalid YAML: the list [ opened on this line is not closed; end it with ] on this line (or indent its next lines under its key); ` +
        `(3) line ${lineOf(text, '\ttactic')}, column 1: invalid YAML: line ${lineOf(text, '\ttactic')} is indented with a tab, which YAML does not allow; indent with spaces only (set your editor to insert spaces for a tab)`,
    );
    expect(readdirSync(out)).to.deep.equal(['temp-periscope-cambodia-2018.layer.json']);
  });

  // test/fixtures/atomic-tests/atomics/T1003.008/T1003.008.yaml, an excerpt of redcanaryco/atomic-red-team (MIT): its
  // display_name unquoted (it holds ": ") and a line indented with a tab.
  it('an Atomic Red Team test file broken two ways is left out of --tests naming both, and the other tests are read', async () => {
    const folder = freshTmpDir('atomics-broken');
    cpSync(join(repoRoot, 'test/fixtures/atomic-tests/atomics'), folder, { recursive: true });
    const file = join(folder, 'T1003.008', 'T1003.008.yaml');
    const text = broken(readFileSync(file, 'utf8'), [
      ["display_name: 'OS Credential Dumping: /etc/passwd, /etc/master.passwd and /etc/shadow'", 'display_name: OS Credential Dumping: /etc/passwd, /etc/master.passwd and /etc/shadow'],
      ['      type: path\n      default: /tmp/T1003.008.txt', '\ttype: path\n      default: /tmp/T1003.008.txt'],
    ]);
    writeFileSync(file, text);
    const out = join(freshTmpDir('atomics-out'), 'review');
    const threat = join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml');
    const result = await runCli(['gap', '--threat', threat, '--coverage', join(repoRoot, 'test/fixtures/gap/detections.csv'), '--tests', folder, '--out', out]);
    expect(result.code).to.equal(1);
    expect(result.stderr).to.contain(
      `left out: ${file}: 2 YAML syntax errors: (1) line 4, column 36: not valid YAML: the value of "display_name" is not quoted and holds ": " (column 36)`,
    );
    expect(result.stderr).to.contain(`(2) line ${lineOf(text, '\ttype')}, column 1: not valid YAML: line ${lineOf(text, '\ttype')} is indented with a tab`);
    expect(existsSync(join(out, 'gap-report.md'))).to.equal(true);
  });

  // js-yaml, which reads rules, log sources and Atomic Red Team tests, stops at its first error: when its cause is not
  // known (nothing to mend), the errors the `yaml` package meets below it are listed after it, as for a campaign file,
  // each saying it may follow from it; before, the first was the only one.
  describe('a first error of unknown cause, in a file read with js-yaml: its line and column, then the errors below it', () => {
    // redcanaryco/atomic-red-team atomics/T1003.001/T1003.001.yaml (MIT License, Copyright (c) 2018 Red Canary), commit
    // 9f2ea7901c217bd2a43602bf5c048d0aa0978a12: the test "Dump LSASS with createdump.exe from .Net v5", an excerpt, its
    // command's second line (PowerShell's call operator &) written as the command itself, with no "|", and a tab.
    it('an Atomic Red Team test whose command starts with PowerShell\'s "&" unquoted, and a tab below: both', () => {
      const text = [
        'attack_technique: T1003.001',
        'display_name: "OS Credential Dumping: LSASS Memory"',
        'atomic_tests:',
        '- name: Dump LSASS with createdump.exe from .Net v5',
        '  auto_generated_guid: 9d0072c8-7cca-45c4-bd14-f852cfa35cf0',
        '  supported_platforms:',
        '  - windows',
        '  executor:',
        '    command: & "$exePath" -u -f $env:Temp\\dotnet-lsass.dmp (Get-Process lsass).id',
        '    cleanup_command: |',
        '      Remove-Item $env:Temp\\dotnet-lsass.dmp -ErrorAction Ignore',
        '    name: powershell',
        '\televation_required: true',
        '',
      ].join('\n');
      const error = thrown(() => parseAtomicTests(text, 'T1003.001.yaml'));
      expect(error.issues.map(({ line, column, message }) => [line, column, message])).to.deep.equal([
        [9, 15, 'not valid YAML: name of an anchor node must contain at least one character'],
        [
          13,
          1,
          'not valid YAML: line 13 is indented with a tab, which YAML does not allow; indent with spaces only (set your editor to insert spaces for a tab); ' +
            'it may follow from the error on line 9: mend that one first',
        ],
      ]);
      expect(error.message).to.equal('T1003.001.yaml: not valid YAML: name of an anchor node must contain at least one character (line 9, column 15) (and 1 more error)');
    });

    // The same file's test "Offline Credential Theft With Mimikatz", an excerpt, its input_file default ('%tmp%\lsass.DMP'
    // there) written without its quotes: a value YAML cannot start with %, a known cause now, mended, and the tab below
    // listed as an error of its own.
    it('an Atomic Red Team test whose default is %tmp%\\lsass.DMP unquoted, and a tab below: both, each with what to write', () => {
      const text = [
        'attack_technique: T1003.001',
        'display_name: "OS Credential Dumping: LSASS Memory"',
        'atomic_tests:',
        '- name: Offline Credential Theft With Mimikatz',
        '  auto_generated_guid: 453acf13-1dbd-47d7-b28a-172ce9228023',
        '  supported_platforms:',
        '  - windows',
        '  input_arguments:',
        '    input_file:',
        '      description: Path of the Lsass dump',
        '      type: path',
        '      default: %tmp%\\lsass.DMP',
        '  executor:',
        '    command: |',
        '      #{mimikatz_exe} "sekurlsa::minidump #{input_file}" "sekurlsa::logonpasswords full" exit',
        '    name: command_prompt',
        '\televation_required: true',
        '',
      ].join('\n');
      const error = thrown(() => parseAtomicTests(text, 'T1003.001.yaml'));
      expect(error.issues.map(({ line, column, message }) => [line, column, message.split(';')[0]])).to.deep.equal([
        [12, 16, "not valid YAML: a value not quoted cannot start with % in YAML"],
        [17, 1, 'not valid YAML: line 17 is indented with a tab, which YAML does not allow'],
      ]);
      expect(error.issues[0]!.message).to.match(/; quote it: '%tmp%\\lsass\.DMP'$/);
    });

    it('a log sources file with a channels list written without [ ]: said as a list, with its [ ]', () => {
      const text = '# what we collect\n- name: WinEventLog:Security\n  channels: "EventCode=4688", "EventCode=4624"\n- name: NSM:Flow\n';
      const error = thrown(() => parseLogSourcesYaml(text, 'l.yml'));
      expect(error.issues.map(({ line, column, message }) => [line, column, message])).to.deep.equal([
        [
          3,
          28,
          `not valid YAML: the value's closing " comes at column 28, before the line ends, and YAML cannot read what follows it: values in quotes separated by commas are a list only inside [ ]; write ["EventCode=4688", "EventCode=4624"]`,
        ],
      ]);
    });

    it('a log sources file with two [ ] lists for one channels: the error at its column, and where the parser stopped reading', () => {
      const text = '# what we collect\n- WinEventLog:Sysmon\n- name: WinEventLog:Security\n  channels: [EventCode=4688], [EventCode=4624]\n- name: NSM:Flow\n\tchannels: [None]\n';
      const error = thrown(() => parseLogSourcesYaml(text, 'l.yml'));
      expect(error.issues.map(({ line, column, message }) => [line, column, message])).to.deep.equal([
        [4, 29, 'not valid YAML: bad indentation of a mapping entry (column 29); fix the syntax'],
        [6, 10, 'not valid YAML: the parser read no further than this line, after the error on line 4: the lines from here on are not checked; mend that error and run again'],
      ]);
    });
  });

  // `status:` comes after `related:`'s list, back at the column of the rule's fields: it was named "one space out"
  // against `type:` (a field of a Splunk detection too) and mended to its column, which gave two more false errors; and
  // js-yaml's "deficient indentation" of a "…" not closed was said in its words, the `yaml` package naming the quote
  // only after a \c it read inside it.
  // A Sigma wildcard written without quotes (`*\certutil.exe`): YAML reads a value starting with * as an alias, of an
  // anchor set nowhere. js-yaml's event parser took it for one and the rule was counted with the value missing, or said
  // "bad indentation of a mapping entry" when more followed; it is now named as a value starting with % is, and
  // quoted in memory, so that the errors after it are errors of their own. pySigma (PyYAML) refuses such a rule too.
  // A field one space in after a nested block ends that block: its mapping is the one enclosing it. ` status:` after
  // `related:`'s items was said to belong at column 7, with the items' "type"; it belongs at column 1, with "related".
  it('a real Sigma rule whose status is one space in, after its related list: start it at column 1, as "related"', function () {
    if (!existsSync(join(SIGMA, CERTUTIL))) this.skip();
    const { dir } = certutilRules('sigma-status-in');
    const text = broken(readFileSync(join(SIGMA, CERTUTIL), 'utf8'), [['\nstatus: test', '\n status: test']]);
    writeFileSync(join(dir, CERTUTIL), text);
    const problems = readRuleFolder(dir).problems.filter((problem) => problem.file.endsWith(CERTUTIL));
    expect(problems.map(({ line, column, message }) => [line, column, message])).to.deep.equal([
      [
        lineOf(text, ' status: test'),
        2,
        `not valid YAML: "status" starts at column 2, but "related" above it (line ${lineOf(text, 'related:')}), a field of the same mapping, at column 1; start it at column 1 (the fields of one mapping start at the same column)`,
      ],
    ]);
  });

  // js-yaml says a key given twice only once the whole text parses: the duplicate on line 9 was found after the tab
  // on line 77 was mended, and listed after it. Issues are listed in the order of their lines.
  it('a real Sigma rule with status given twice and a tab far below: both, in the order of their lines', function () {
    if (!existsSync(join(SIGMA, CERTUTIL))) this.skip();
    const { dir } = certutilRules('sigma-duplicate-order');
    const text = broken(readFileSync(join(SIGMA, CERTUTIL), 'utf8'), [
      ['\nstatus: test', '\nstatus: test\nstatus: experimental'],
      ['    - Unknown', '\t- Unknown'],
    ]);
    writeFileSync(join(dir, CERTUTIL), text);
    const problems = readRuleFolder(dir).problems.filter((problem) => problem.file.endsWith(CERTUTIL));
    expect(problems.map(({ line, skipped }) => [line, skipped])).to.deep.equal([[lineOf(text, 'status: experimental'), true]]);
    expect(syntaxErrors(problems[0]!).map(([line, , message]) => [line, message])).to.deep.equal([
      [lineOf(text, 'status: experimental'), 'not valid YAML: duplicated mapping key "status"'],
      [lineOf(text, '\t- Unknown'), `not valid YAML: line ${lineOf(text, '\t- Unknown')} is indented with a tab, which YAML does not allow`],
    ]);
  });

  describe('a real Sigma rule with a wildcard not quoted', function () {
    before(function () {
      if (!existsSync(join(SIGMA, CERTUTIL))) this.skip();
    });

    it('`Image|endswith: *\\certutil.exe`: named at its line and column, with the value quoted, the rest of the folder read', () => {
      const { dir, names } = certutilRules('sigma-alias');
      const text = broken(readFileSync(join(SIGMA, CERTUTIL), 'utf8'), [["        - Image|endswith: '\\certutil.exe'", '        - Image|endswith: *\\certutil.exe']]);
      writeFileSync(join(dir, CERTUTIL), text);
      const input = readRuleFolder(dir);
      const line = lineOf(text, '*\\certutil.exe');
      expect(input.problems.filter((problem) => problem.file.endsWith(CERTUTIL)).map(({ line, column, skipped, message }) => [line, column, skipped, message])).to.deep.equal([
        [
          line,
          text.split('\n')[line - 1]!.indexOf('*') + 1,
          true,
          "not valid YAML: a value not quoted cannot start with * in YAML, which reads it as an alias (of an anchor &\\certutil.exe, set nowhere); quote it: '*\\certutil.exe'",
        ],
      ]);
      expect(input.rules).to.have.length(names.length - 1);
    });

    it('`- *urlcache* -f` in a list, and a tab below: both, each an error of its own', () => {
      const { dir, names } = certutilRules('sigma-alias-list');
      const text = broken(readFileSync(join(SIGMA, CERTUTIL), 'utf8'), [
        ["            - 'urlcache '", '            - *urlcache* -f'],
        ['    - Unknown', '\t- Unknown'],
      ]);
      writeFileSync(join(dir, CERTUTIL), text);
      const input = readRuleFolder(dir);
      const tab = lineOf(text, '\t- Unknown');
      const problems = input.problems.filter((problem) => problem.file.endsWith(CERTUTIL));
      expect(problems.map(({ line, column, skipped }) => [line, column, skipped])).to.deep.equal([[lineOf(text, '*urlcache*'), 15, true]]);
      expect(syntaxErrors(problems[0]!)).to.deep.equal([
        [lineOf(text, '*urlcache*'), 15, 'not valid YAML: a value not quoted cannot start with * in YAML, which reads it as an alias (of an anchor &urlcache*, set nowhere)'],
        [tab, 1, `not valid YAML: line ${tab} is indented with a tab, which YAML does not allow`],
      ]);
      expect(problems[0]!.message).to.match(/; quote it: '\*urlcache\* -f'; \(2\) line /);
      expect(input.rules).to.have.length(names.length - 1);
    });

    it('--coverage of the one rule file: gap says it at file:line:column', async () => {
      const dir = freshTmpDir('sigma-alias-gap');
      const file = join(dir, CERTUTIL);
      const text = broken(readFileSync(join(SIGMA, CERTUTIL), 'utf8'), [["        - Image|endswith: '\\certutil.exe'", '        - Image|endswith: *\\certutil.exe']]);
      writeFileSync(file, text);
      const result = await runCli(['gap', '--threat', join(repoRoot, 'campaigns/apt32-covid19-wuhan.yaml'), '--coverage', file, '--out', join(dir, 'out')]);
      const line = lineOf(text, '*\\certutil.exe');
      expect(result.stderr).to.contain(`${file}:${line}:${text.split('\n')[line - 1]!.indexOf('*') + 1}: not valid YAML: a value not quoted cannot start with *`);
    });
  });

  describe('a real Sigma rule whose status quote is not closed, after its related list', function () {
    before(function () {
      if (!existsSync(join(SIGMA, CERTUTIL))) this.skip();
    });

    for (const quote of ["'", '"']) {
      it(`status: ${quote}test: the one error, the quote at line 8, column 9, no field said out of place`, () => {
        const dir = freshTmpDir('sigma-status-quote');
        const text = broken(readFileSync(join(SIGMA, CERTUTIL), 'utf8'), [['status: test', `status: ${quote}test`]]);
        writeFileSync(join(dir, CERTUTIL), text);
        const { problems } = readRuleFolder(dir);
        expect(problems.map(({ line, skipped, message }) => [line, skipped, message.split(';')[0]])).to.deep.equal([
          [8, true, `not valid YAML: the value opened with ${quote} (column 9) is not closed on its line, so YAML reads on into the lines below for its end`],
        ]);
      });
    }
  });
});
