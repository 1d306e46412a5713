import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import { UsageError } from '../../lib/errors.js';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { SIGMA_WEIGHTS, sigmaLevel } from '../../lib/coverage/read-sigma.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { freshTmpDir, stixDir, testCacheDir } from '../helpers/attack.js';

const fixtures = fileURLToPath(new URL('../fixtures/coverage/sigma', import.meta.url));
const realSigma = fileURLToPath(new URL('../../../shared/sigma', import.meta.url));

/** Every *.yml / *.yaml under a folder, found without the code under test (hidden folders excluded). */
function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.ya?ml$/i.test(path) && !path.split(sep).some((part) => part.startsWith('.')))
    .map((path) => join(dir, path));
}

function expectBookkeeping(input: CoverageInput): void {
  expect(input.counts.rules).to.equal(input.rules.length);
  expect(input.counts.ignored).to.equal(input.ignored.length);
  expect(input.counts.invalid).to.equal(input.problems.filter((problem) => problem.skipped).length);
  expect(input.counts.rules + input.counts.ignored + input.counts.invalid).to.equal(input.counts.items);
}

describe('readRuleFolder (hand-written fixture folder)', () => {
  let input: CoverageInput;
  before(() => {
    input = readRuleFolder(fixtures);
  });
  const rel = (file: string): string => file.slice(fixtures.length + 1).split(sep).join('/');

  it('looks at every .yml/.yaml file and ends each in exactly one of rule, ignored, invalid, leaving out one that holds no rule', () => {
    expect(input.files).to.equal(7);
    expect(input.counts).to.deep.equal({ items: 7, rules: 4, ignored: 2, invalid: 1 });
    expect(input.files).to.equal(yamlFilesUnder(fixtures).length - 1);
    expectBookkeeping(input);
  });

  it('walks folders in sorted order', () => {
    expect(input.rules.map((rule) => rel(rule.file))).to.deep.equal([
      'linux/proc_creation_lnx_future_technique.yml',
      'macos/proc_creation_macos_osascript_collection.yml',
      'windows/proc_creation_win_office_spawn_child.yml',
      'windows/proc_creation_win_powershell_encoded_cmd.yml',
    ]);
  });

  it('keeps technique tags as written, old IDs included, with their lines', () => {
    const rule = input.rules.find((r) => r.name === 'Suspicious Encoded PowerShell Command Line');
    expect(rule?.refs).to.deep.equal([
      { raw: 'attack.t1059.001', line: 11, column: 7, id: 'T1059.001' },
      { raw: 'attack.t1086', line: 12, column: 7, id: 'T1086' },
    ]);
    expect(rule?.id).to.equal('0b8d3f5e-1c2a-4e7b-9f61-3a2d5c7e9b10');
    expect(rule?.line).to.equal(1);
  });

  it('keeps attack.t1193 between current tags, and tactic tags apart from techniques', () => {
    const rule = input.rules.find((r) => r.name === 'Office Application Spawning a Script Interpreter');
    expect(rule?.refs.map((ref) => ref.raw)).to.deep.equal(['attack.t1566.001', 'attack.t1193', 'attack.t1204.002']);
    expect(rule?.tactics).to.deep.equal(['initial-access', 'execution']);
  });

  it('keeps an unknown technique (attack.t9999) as a ref and drops group tags (attack.g0007)', () => {
    const rule = input.rules.find((r) => r.refs.some((ref) => ref.raw === 'attack.t9999'));
    expect(rule?.refs).to.deep.equal([{ raw: 'attack.t9999', line: 9, column: 7, id: 'T9999' }]);
    expect(rule?.tactics).to.deep.equal(['defense-impairment']);
  });

  it('weights each rule by status and level, and says how', () => {
    expect(input.rules.map((rule) => [rule.level, rule.levelReason])).to.deep.equal([
      // Tagged detection.threat-hunting: 0.25 in place of its level, low.
      [0.15, 'sigma status experimental, threat hunting (detection.threat-hunting: a starting point for a hunt) -> 0.15'],
      [1, 'sigma status stable, level critical -> 1'],
      [0.6, 'sigma status test, level medium -> 0.6'],
      [0.9, 'sigma status stable, level high -> 0.9'],
    ]);
  });

  it('maps logsource product to platforms and category/service to data sources', () => {
    expect(input.rules.map((rule) => [rule.platforms, rule.dataSources])).to.deep.equal([
      [['Linux'], ['process_creation']],
      [['macOS'], ['process_creation', 'unified_log']],
      [['Windows'], ['process_creation']],
      [['Windows'], ['process_creation']],
    ]);
  });

  it('reads a rule collection (action: global) as one rule with the global title and tags', () => {
    const rule = input.rules.find((r) => rel(r.file).startsWith('macos/'));
    expect(rule?.name).to.equal('AppleScript Run From The Command Line');
    expect(rule?.refs).to.deep.equal([{ raw: 'attack.t1059.002', line: 9, column: 7, id: 'T1059.002' }]);
  });

  it('ignores a deprecated rule with the reason from its status comment, and a rule without technique tags', () => {
    expect(input.ignored.map((i) => [rel(i.file), i.line, i.reason])).to.deep.equal([
      [
        'linux/auditd_lnx_system_info_discovery.yml',
        1,
        'no ATT&CK technique tag (tactics and object tags only: attack.discovery, attack.s0002; a group, software, campaign, mitigation or data source tag names who or what, not a technique the rule detects)',
      ],
      ['windows/image_load_win_powershell_module.yml', 3, 'status deprecated (In favour of 0b8d3f5e-1c2a-4e7b-9f61-3a2d5c7e9b10)'],
    ]);
  });

  it('leaves the campaign files of a folder given as coverage out, saying they go to --threat (campaigns/ as --coverage)', () => {
    // Before: `2 files of YAML hold no rule of any format read …: a rule needs its format's keys: Sigma "title", …`.
    const dir = join(freshTmpDir('sigma-campaigns'), 'campaigns');
    cpSync(fileURLToPath(new URL('../../campaigns', import.meta.url)), dir, { recursive: true });
    const read = readRuleFolder(dir);
    expect([read.rules.length, read.problems.length]).to.deep.equal([0, 0]);
    const note = `${dir}: 2 campaign files are left out (./ 2; first apt32-covid19-wuhan.yaml): a campaign file lists what an adversary does, not what you detect: give it (or its folder) to`;
    expect(read.notes).to.deep.equal([`${note} readThreatInputs`]);
    // As the CLI reads the folder (its flags: FLAG_WORDS's --threat).
    expect(readRuleFolder(dir, { givenAs: { threat: '--threat' } }).notes).to.deep.equal([`${note} --threat`]);
    // Given alone, it stays the one invalid file, saying what it is.
    const one = parseRuleFile(readFileSync(join(dir, 'apt32-covid19-wuhan.yaml'), 'utf8'), 'apt32-covid19-wuhan.yaml');
    expect('invalid' in one && one.invalid.message).to.equal('this is a campaign file, not a detection rule; use normalize, render or compare (gap takes it as --threat)');
  });

  it('reports a file that is not YAML, with its line, names a YAML file that holds no rule in a note, and goes on', () => {
    // js-yaml stops at line 4, "deficient indentation"; the tags' [ not closed on line 3 is what to mend, named as
    // campaign files name it (yamlSyntaxIssues, the `yaml` package's reading, taken as it mends what js-yaml stopped at).
    expect(input.problems.map((p) => [rel(p.file), p.line, p.skipped])).to.deep.equal([['broken/not_yaml.yml', 3, true]]);
    expect(input.problems[0]?.message).to.equal('not valid YAML: the list [ opened on this line is not closed; end it with ] on this line (or indent its next lines under its key)');
    expect(input.notes).to.deep.equal([
      `${fixtures}: 1 file of YAML holds no rule of any format read and is left out (broken/ 1; first broken/pipeline_config.yaml): a rule needs its format's keys: Sigma "title", "logsource" and "detection", Splunk "name" and "search", Sentinel "name" and "query"`,
    ]);
  });

  it('still refuses one file given alone that holds no rule, as invalid', () => {
    const one = readRuleFolder(join(fixtures, 'broken', 'pipeline_config.yaml'));
    expect([one.counts.invalid, one.notes]).to.deep.equal([1, undefined]);
  });

  it('reads a single rule file as a folder of one', () => {
    const one = readRuleFolder(join(fixtures, 'windows', 'proc_creation_win_office_spawn_child.yml'));
    expect(one.counts).to.deep.equal({ items: 1, rules: 1, ignored: 0, invalid: 0 });
  });

  it('throws UsageError for a path that does not exist', () => {
    expect(() => readRuleFolder(join(fixtures, 'no-such-folder'))).to.throw(UsageError, /no-such-folder: cannot read it \(ENOENT\)/);
  });
});

describe('readRuleFolder with a cache folder', () => {
  it('gives what a parse gives, from the cache on the second read, and parses a changed file again', () => {
    const dir = join(freshTmpDir('sigma-copy'), 'rules');
    cpSync(fixtures, dir, { recursive: true });
    const cacheDir = freshTmpDir('sigma-cache');
    const parsed = readRuleFolder(dir);
    expect(readRuleFolder(dir, { cacheDir })).to.deep.equal(parsed);
    expect(readdirSync(join(cacheDir, 'rules'))).to.have.length(1);
    expect(readRuleFolder(dir, { cacheDir })).to.deep.equal(parsed);
    // A file changed since (another size): read again, not taken from the cache.
    const file = join(dir, 'windows', 'proc_creation_win_office_spawn_child.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^level: .*$/m, 'level: informational'));
    const again = readRuleFolder(dir, { cacheDir });
    expect(again.rules.find((rule) => rule.file === file)?.levelReason).to.match(/level informational/);
    expect(again).to.deep.equal(readRuleFolder(dir));
  });
});

describe('parseRuleFile', () => {
  const rule = (extra: string): string =>
    `title: T\nstatus: test\nlevel: high\ntags:\n  - attack.t1059\nlogsource:\n  product: windows\ndetection:\n  condition: x\n${extra}`;
  const cases: ReadonlyArray<readonly [string, string, unknown]> = [
    ['an empty file', '', { invalid: { line: 1, message: 'empty file; not a Sigma rule' } }],
    ['a YAML list', '- a\n- b\n', { invalid: { line: 1, message: 'not a Sigma rule: the document is not a mapping' } }],
    [
      'a correlation rule without a technique tag',
      'title: C\ncorrelation:\n  type: event_count\n',
      { ignored: { line: 1, name: 'C', reason: 'no ATT&CK technique tag' } },
    ],
    ['a rule without logsource', 'title: T\ndetection:\n  condition: x\n', { invalid: { line: 1, message: 'not a Sigma rule: missing "logsource"' } }],
    ['a title that is a list', 'title: [a]\nlogsource: {}\ndetection: {}\n', { invalid: { line: 1, column: 8, message: 'not a Sigma rule: "title" is not text' } }],
    [
      'a duplicate key deep in the detection',
      'title: D\nlogsource: {}\ndetection:\n  sel:\n    Image: a\n    Image: b\n',
      { invalid: { line: 6, column: 5, message: 'not valid YAML: duplicated mapping key "Image"; fix the syntax or move the file out of the rules folder' } },
    ],
    ['an empty title', 'title:\nlogsource: {}\ndetection: {}\n', { invalid: { line: 1, column: 1, message: 'not a Sigma rule: "title" is not text' } }],
    [
      // N1ghtFury74's Winlogon Helper DLL rule: js-yaml says only "bad indentation of a mapping entry (column 41)".
      'a title holding ": " unquoted',
      'title: Boot or Logon Autostart Execution: Winlogon Helper DLL\nlogsource: {}\ndetection: {}\n',
      {
        invalid: {
          line: 1,
          column: 41,
          message:
            'not valid YAML: the value of "title" is not quoted and holds ": " (column 41), which YAML reads as the start of a mapping inside it; ' +
            "quote the value: title: '…' (write '' for a ' inside)",
        },
      },
    ],
    [
      'a value ending in ":" deeper in the rule, after a comment holding one',
      'title: T\nlogsource: {}\ndetection:\n  sel:\n    Image: C:\\Tools: # see: x\n  condition: sel\n',
      {
        invalid: {
          line: 5,
          column: 20,
          message:
            'not valid YAML: the value of "Image" is not quoted and ends in ":" (column 20), which YAML reads as the start of a mapping inside it; ' +
            "quote the value: Image: '…' (write '' for a ' inside)",
        },
      },
    ],
    [
      'an error elsewhere on a line whose quoted value holds ": " (said as the parser says it)',
      'title: "a: b"\n  x: 1\nlogsource: {}\n',
      { invalid: { line: 2, column: 3, message: 'not valid YAML: bad indentation of a mapping entry; fix the syntax or move the file out of the rules folder' } },
    ],
    [
      // A Splunk search pasted under `description: |` with its lines after the first at column 0: js-yaml reads lines 4-8
      // as one key and reports line 9, where it finds the ":" of the next key.
      'a pasted Splunk search whose lines are not indented under its block',
      [
        'title: Excessive Failed Logons',
        'description: |',
        '  | tstats count from datamodel=Authentication',
        'where Authentication.action=failure by Authentication.src',
        '| `drop_dm_object_name(Authentication)`',
        '| where count > 50',
        '| eval rate=count/60',
        '| `excessive_failed_logons_filter`',
        'logsource:',
        '  product: windows',
        'detection: {}',
        '',
      ].join('\n'),
      {
        invalid: {
          line: 4,
          column: 1,
          message:
            'not valid YAML: lines 4-8 continue the block of "description" (line 2) at the key\'s own indentation, so YAML ends the value before them and reads them as a key without ":"; ' +
            'indent them 2 spaces more than "description", as the lines of the block above',
        },
      },
    ],
    [
      'a pasted Splunk search over several unquoted lines, one holding ": "',
      ['title: T', 'description: index=auth action=failure', '    | stats count by src', '    | eval msg="source: ".src', '    | sort - count', 'logsource: {}', 'detection: {}', ''].join('\n'),
      {
        invalid: {
          line: 4,
          column: 23,
          message:
            'not valid YAML: the value of "description" (line 2) goes on over several lines without quotes and line 4 holds ": " (column 23), which YAML reads as the start of a mapping inside it; ' +
            'write the value as a block, its lines indented under the key: description: |',
        },
      },
    ],
    ['unsupported status', 'title: U\nstatus: unsupported\nlogsource: {}\ndetection: {}\n', { ignored: { line: 2, name: 'U', reason: 'status unsupported' } }],
    // The tags of SigmaHQ's rules/network/zeek/zeek_default_cobalt_strike_certificate.yml (a tactic and S0154 Cobalt
    // Strike) and of a rule tagged with a software alone: the object tags are said, not left out of the reason.
    [
      'a rule tagged with a tactic and a software',
      'title: Default Cobalt Strike Certificate\nlogsource: {product: zeek, service: x509}\ntags:\n  - attack.command-and-control\n  - attack.s0154\ndetection: {}\n',
      {
        ignored: {
          line: 1,
          name: 'Default Cobalt Strike Certificate',
          reason:
            'no ATT&CK technique tag (tactics and object tags only: attack.command-and-control, attack.s0154; a group, software, campaign, mitigation or data source tag names who or what, not a technique the rule detects)',
        },
      },
    ],
    [
      'a rule tagged with a software and a group only',
      'title: Mimikatz Use\nlogsource: {product: windows}\ntags:\n  - attack.s0002\n  - attack.g0016\ndetection: {}\n',
      {
        ignored: {
          line: 1,
          name: 'Mimikatz Use',
          reason: 'no ATT&CK technique tag (object tags only: attack.s0002, attack.g0016; a group, software, campaign, mitigation or data source tag names who or what, not a technique the rule detects)',
        },
      },
    ],
  ];
  for (const [label, text, expected] of cases) {
    it(`reads ${label}`, () => {
      expect(parseRuleFile(text, 'x.yml')).to.deep.equal(expected);
    });
  }

  it('reads each of several rules in one file as a rule of its own, as pySigma does', () => {
    const outcome = parseRuleFile(`${rule('')}---\n${rule('').replace('title: T', 'title: U')}`, 'x.yml');
    expect('items' in outcome && outcome.items.map((item) => ('rule' in item ? [item.rule.name, item.rule.line] : item))).to.deep.equal([
      ['T', 1],
      ['U', 11],
    ]);
  });

  describe('a file of a correlation rule and the rules it names (Sigma 2.0)', () => {
    // The shape of hayabusa-rules' Sec_4648_Med_ExplicitLogon_PW-Spray_Correlation.yml: the correlation rule carries
    // the technique tag, status and level; the rule it counts (by name) has no tag and no alert of its own.
    const correlation = (generate: string) =>
      [
        'title: PW Spray',
        'id: 49d15187-4203-4e11-8acd-8736f25b6608',
        'status: test',
        'tags:',
        '    - attack.t1110.003',
        '    - attack.credential-access',
        'correlation:',
        '    type: value_count',
        '    rules:',
        '        - explicit_logon',
        '    group-by:',
        '        - IpAddress',
        '    timespan: 5m',
        '    condition:',
        '        gte: 5',
        '        field: TargetUserName',
        generate,
        'level: medium',
        '---',
        'title: Explicit Logon',
        'id: ab1accc0-b6e2-4841-8dfb-5902581392c3',
        'name: explicit_logon',
        'status: test',
        'tags:',
        'logsource:',
        '    product: windows',
        '    service: security',
        'detection:',
        '    selection:',
        '        EventID: 4648',
        '    condition: selection',
        'level: medium',
        '',
      ].join('\n');

    it('counts the correlation rule for its tags on the platforms of the rule it names, and ignores that rule, which raises no alert', () => {
      const outcome = parseRuleFile(correlation(''), 'x.yml');
      expect('items' in outcome && outcome.items).to.deep.equal([
        {
          rule: {
            kind: 'sigma',
            name: 'PW Spray',
            file: 'x.yml',
            line: 1,
            refs: [{ raw: 'attack.t1110.003', line: 5, column: 7, id: 'T1110.003' }],
            level: 0.6,
            levelReason: 'sigma status test, level medium -> 0.6',
            id: '49d15187-4203-4e11-8acd-8736f25b6608',
            tactics: ['credential-access'],
            tags: [{ raw: 'attack.credential-access', line: 6, column: 7 }],
            platforms: ['Windows'],
            dataSources: ['security'],
            // A correlation reads the logs of the rule it names: what proposing it from a library checks.
            sigma: { status: 'test', level: 'medium', logsources: [{ product: 'windows', service: 'security' }] },
          },
        },
        {
          ignored: {
            line: 20,
            name: 'Explicit Logon',
            reason: 'a rule of correlation rule "PW Spray" (line 1), which counts for it: without "generate: true" it raises no alert of its own',
          },
        },
      ]);
    });

    it('counts the rule it names as well when the correlation says generate: true', () => {
      const outcome = parseRuleFile(correlation('    generate: true'), 'x.yml');
      expect('items' in outcome && outcome.items.map((item) => Object.keys(item))).to.deep.equal([['rule'], ['ignored']]);
      // The named rule has no tag of its own: ignored for that, not for the correlation.
      expect('items' in outcome && 'ignored' in outcome.items[1]! && outcome.items[1].ignored.reason).to.equal('no ATT&CK technique tag');
    });

    it('counts a correlation rule whose rules no file read holds on every platform, saying so', () => {
      const outcome = parseRuleFile(correlation('').split('---')[0]!, 'x.yml');
      expect('rule' in outcome && outcome.rule.platforms).to.equal(undefined);
      expect(outcome.notes).to.deep.equal([
        { line: 1, message: 'correlation rule names "explicit_logon", which no rule read has as its id or name; it counts on every platform: read the folder that holds that rule with it' },
      ]);
    });

    describe('with the rules it names in other files of the folder', () => {
      // The correlation and its base rule in two files, as a team splits them (pySigma resolves correlation.rules over
      // every file it reads: sigma-cli's test_convert_correlations_across_inputs). The base rule carries the tag here.
      const [correlationText, baseText] = correlation('').split('---\n') as [string, string];
      const tagged = baseText.replace('tags:\n', 'tags:\n    - attack.t1110.003\n');
      const folder = (files: Record<string, string>): CoverageInput => {
        const dir = freshTmpDir('sigma-correlation-files');
        for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
        return readRuleFolder(dir);
      };
      const rel = (input: CoverageInput) => (file: string) => file.slice(input.source.length + 1);

      it('takes the platforms and data sources of the rule it names, and ignores that rule, naming the correlation and its file', () => {
        const input = folder({ 'mr_pw_spray.yml': correlationText, 'explicit_logon.yml': tagged });
        expect(input.rules.map((r) => [r.name, r.platforms, r.dataSources])).to.deep.equal([['PW Spray', ['Windows'], ['security']]]);
        expect(input.ignored.map((i) => [rel(input)(i.file), i.line, i.reason])).to.deep.equal([
          ['explicit_logon.yml', 1, `a rule of correlation rule "PW Spray" (${join(input.source, 'mr_pw_spray.yml')}:1), which counts for it: without "generate: true" it raises no alert of its own`],
        ]);
        expect(input.problems).to.deep.equal([]);
      });

      it('finds a rule by its id written in capitals or in braces, as pySigma compares ids as UUIDs, and counts such a copy once', () => {
        const upper = correlationText.replace('        - explicit_logon\n', "        - '{AB1ACCC0-B6E2-4841-8DFB-5902581392C3}'\n");
        const input = folder({ 'mr_pw_spray.yml': upper, 'explicit_logon.yml': tagged });
        expect(input.rules.map((r) => [r.name, r.platforms])).to.deep.equal([['PW Spray', ['Windows']]]);
        expect(input.ignored.map((i) => [rel(input)(i.file), i.reason.split(',')[0]])).to.deep.equal([
          ['explicit_logon.yml', `a rule of correlation rule "PW Spray" (${join(input.source, 'mr_pw_spray.yml')}:1)`],
        ]);
        expect(input.problems).to.deep.equal([]);
        const copies = folder({ 'a.yml': tagged, 'b.yml': tagged.replace('ab1accc0-b6e2-4841-8dfb-5902581392c3', 'AB1ACCC0-B6E2-4841-8DFB-5902581392C3') });
        expect(copies.ignored.map((i) => [rel(copies)(i.file), i.reason.split(',')[0]])).to.deep.equal([['b.yml', 'Sigma rule id AB1ACCC0-B6E2-4841-8DFB-5902581392C3 again']]);
        const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
        expect(resolveCoverage([input], library.release('enterprise-attack', '18.1')).rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['PW Spray', ['T1110.003']]]);
      });

      it('counts the rule it names as well with generate: true, under correlation: or at the top level (the latter noted)', () => {
        const inner = folder({ 'mr_pw_spray.yml': correlationText.replace('level: medium', '    generate: true\nlevel: medium'), 'explicit_logon.yml': tagged });
        expect(inner.rules.map((r) => r.name)).to.deep.equal(['Explicit Logon', 'PW Spray']);
        expect(inner.problems).to.deep.equal([]);
        const top = folder({ 'mr_pw_spray.yml': `${correlationText}generate: true\n`, 'explicit_logon.yml': tagged });
        expect(top.rules.map((r) => r.name)).to.deep.equal(['Explicit Logon', 'PW Spray']);
        expect(top.problems.map((p) => [rel(top)(p.file), p.line, p.message])).to.deep.equal([
          [
            'mr_pw_spray.yml',
            19,
            '"generate: true" is read at the top level, where the Sigma specification places it; pySigma reads it only under "correlation:", and converted with pySigma the rules it names raise no alert of their own: move it under "correlation:"',
          ],
        ]);
      });

      it('counts for the technique tags of the rules it names when it has none of its own, noted, and covers T1110.003 of enterprise-attack 18.1', () => {
        const untagged = correlationText.replace('tags:\n    - attack.t1110.003\n    - attack.credential-access\n', '');
        const input = folder({ 'mr_pw_spray.yml': untagged, 'explicit_logon.yml': tagged });
        expect(input.counts).to.deep.equal({ items: 2, rules: 1, ignored: 1, invalid: 0 });
        const [rule] = input.rules;
        expect([rule!.name, rule!.refs, rule!.platforms, rule!.levelReason]).to.deep.equal([
          'PW Spray',
          [{ raw: 'attack.t1110.003', line: 7, id: 'T1110.003' }],
          ['Windows'],
          'sigma status test, level medium -> 0.6',
        ]);
        expect(input.problems.map((p) => [p.line, p.message])).to.deep.equal([[1, 'no technique tag of its own: it counts for those of the rules it names, T1110.003']]);
        const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
        const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
        expect(resolved.rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['PW Spray', ['T1110.003']]]);
      });

      it('counts for the technique tags of a rule of its own file when it has none of its own', () => {
        const text = correlation('').replace('tags:\n    - attack.t1110.003\n    - attack.credential-access\n', '').replace('tags:\nlogsource', 'tags:\n    - attack.t1110.003\nlogsource');
        const outcome = parseRuleFile(text, 'x.yml');
        expect('items' in outcome && outcome.items.map((item) => ('rule' in item ? [item.rule.name, item.rule.refs] : Object.keys(item)))).to.deep.equal([
          ['PW Spray', [{ raw: 'attack.t1110.003', line: 7, id: 'T1110.003' }]],
          ['ignored'],
        ]);
      });

      it('takes the techniques of the rules it names in its own file and in another alike, when it has none of its own', () => {
        // One rule named is kept beside the correlation, the other in a file of its own: both are settled the same way.
        const untagged = correlation('').replace('tags:\n    - attack.t1110.003\n    - attack.credential-access\n', '').replace('        - explicit_logon\n', '        - explicit_logon\n        - valid_account\n');
        const withTag = untagged.replace('tags:\nlogsource', 'tags:\n    - attack.t1110.003\nlogsource');
        const other = tagged.replace('name: explicit_logon', 'name: valid_account').replace('ab1accc0-b6e2-4841-8dfb-5902581392c3', 'ab1accc0-b6e2-4841-8dfb-5902581392c5').replace('attack.t1110.003', 'attack.t1078.002');
        const input = folder({ 'mr_pw_spray.yml': withTag, 'valid_account.yml': other });
        expect(input.rules.map((r) => [r.name, r.refs.map((ref) => [ref.id, ref.line]), r.platforms])).to.deep.equal([['PW Spray', [['T1110.003', 7], ['T1078.002', 8]], ['Windows']]]);
        expect(input.ignored.map((i) => [rel(input)(i.file), i.reason.split(',')[0]])).to.deep.equal([
          ['mr_pw_spray.yml', 'a rule of correlation rule "PW Spray" (line 1)'],
          ['valid_account.yml', `a rule of correlation rule "PW Spray" (${join(input.source, 'mr_pw_spray.yml')}:1)`],
        ]);
        const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
        const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
        expect(resolved.rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['PW Spray', ['T1078.002', 'T1110.003']]]);
      });

      // A team keeps SigmaHQ's rule and its own copy of it (same id) in two folders: that was two rules, the copy
      // counted on its own even where a correlation took the first for its own.
      const tree = (files: Record<string, string>): CoverageInput => {
        const dir = freshTmpDir('sigma-copies');
        for (const [name, text] of Object.entries(files)) {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          writeFileSync(join(dir, name), text);
        }
        return readRuleFolder(dir);
      };

      it('counts a rule whose id two files define once, the first read, and ignores the copy, naming where the counted one is and how pySigma differs', () => {
        const input = tree({ 'sigma/explicit_logon.yml': tagged, 'custom/explicit_logon.yml': tagged });
        expect(input.rules.map((r) => [rel(input)(r.file), r.line, r.name])).to.deep.equal([[`custom${sep}explicit_logon.yml`, 1, 'Explicit Logon']]);
        expect(input.ignored.map((i) => [rel(input)(i.file), i.line, i.reason])).to.deep.equal([
          [
            `sigma${sep}explicit_logon.yml`,
            1,
            `Sigma rule id ab1accc0-b6e2-4841-8dfb-5902581392c3 again, first read at ${join(input.source, 'custom', 'explicit_logon.yml')}:1, which counts for both: ` +
              'one rule kept in two places is one detection (files are read depth first, names by code point; pySigma raises no error but converts both, and gives a correlation naming the id the last it loads); give this rule an id of its own if it is another rule',
          ],
        ]);
        const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
        const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
        expect(resolved.rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['Explicit Logon', ['T1110.003']]]);
      });

      it('gives a correlation the first copy of a rule it names, and ignores the other copy rather than counting it on its own', () => {
        const input = tree({ 'a/explicit_logon.yml': tagged, 'b/explicit_logon.yml': tagged, 'mr_pw_spray.yml': correlationText });
        expect(input.rules.map((r) => [r.name, r.platforms])).to.deep.equal([['PW Spray', ['Windows']]]);
        expect(input.ignored.map((i) => [rel(input)(i.file), i.reason.split(',')[0]])).to.deep.equal([
          [`a${sep}explicit_logon.yml`, 'a rule of correlation rule "PW Spray" (' + join(input.source, 'mr_pw_spray.yml') + ':1)'],
          [`b${sep}explicit_logon.yml`, `Sigma rule id ab1accc0-b6e2-4841-8dfb-5902581392c3 again`],
        ]);
        expect(input.problems).to.deep.equal([]);
      });

      it('notes a name two different rules have, where a correlation names it, and takes the last read, as pySigma does', () => {
        // pySigma's SigmaCollection maps each name to the last rule it loads (names_to_rules), and the other still converts.
        const linux = tagged.replace('ab1accc0-b6e2-4841-8dfb-5902581392c3', 'ab1accc0-b6e2-4841-8dfb-5902581392c4').replace('product: windows', 'product: linux');
        const input = tree({ 'a/explicit_logon.yml': tagged, 'b/explicit_logon.yml': linux, 'mr_pw_spray.yml': correlationText });
        expect(input.rules.map((r) => [r.name, r.platforms])).to.deep.equal([
          ['Explicit Logon', ['Windows']],
          ['PW Spray', ['Linux']],
        ]);
        const [a, b] = ['a', 'b'].map((folder) => `${join(input.source, folder, 'explicit_logon.yml')}:1`);
        expect(input.problems.map((p) => [rel(input)(p.file), p.line, p.skipped, p.message])).to.deep.equal([
          [
            'mr_pw_spray.yml',
            10,
            false,
            `"explicit_logon" is the id or name of 2 rules read (${a}, ${b}); the correlation takes the last read, ${b}, as pySigma does (files are read depth first, names by code point): give each rule a name of its own`,
          ],
        ]);
      });

      it('follows a correlation it names in another file to that correlation\'s rules, and ignores the correlation it names, which raises no alert of its own', () => {
        // pySigma disables the output of every rule a correlation names, a correlation rule as well: only the outermost
        // correlation of a chain is converted to a query.
        const chained = ['title: Spray Then Success', 'id: 9b0c7f0e-1111-4c1e-9d0a-3f2b8c6d7e01', 'status: test', 'correlation:', '    type: temporal', '    rules:', '        - 49d15187-4203-4e11-8acd-8736f25b6608', '    group-by:', '        - IpAddress', '    timespan: 1h', 'level: high', ''].join('\n');
        const input = folder({ 'mr_chain.yml': chained, 'mr_pw_spray.yml': correlation('') });
        expect(input.rules.map((r) => [r.name, r.refs.map((ref) => ref.id), r.platforms])).to.deep.equal([['Spray Then Success', ['T1110.003'], ['Windows']]]);
        expect(input.ignored.map((i) => [rel(input)(i.file), i.line, i.reason.split(',')[0]])).to.deep.equal([
          ['mr_pw_spray.yml', 1, `a rule of correlation rule "Spray Then Success" (${join(input.source, 'mr_chain.yml')}:1)`],
          ['mr_pw_spray.yml', 20, 'a rule of correlation rule "PW Spray" (line 1)'],
        ]);
        const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
        const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
        expect(resolved.rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['Spray Then Success', ['T1110.003']]]);
      });
    });

    describe('a chain of correlations in one file (the specification\'s "failed logins followed by a successful login")', () => {
      // The shape of the Sigma correlation specification's example: an outer temporal_ordered correlation naming an
      // event_count correlation and a rule by name, the event_count correlation naming another rule; only the outer one
      // has a status, a level and (here) a technique tag.
      const chain = (outerRules: readonly string[], outerExtra = '') =>
        [
          'title: Failed Logins Then Success',
          'id: 0f2d7c55-0b8e-4d55-9a0e-2c1f4a7b9e01',
          'status: experimental',
          'correlation:',
          '    type: temporal_ordered',
          '    rules:',
          ...outerRules.map((name) => `        - ${name}`),
          '    group-by:',
          '        - User',
          '    timespan: 10m',
          ...(outerExtra ? [outerExtra] : []),
          'tags:',
          '    - attack.t1110.001',
          'level: high',
          '---',
          'title: Many failed logins',
          'id: 0f2d7c55-0b8e-4d55-9a0e-2c1f4a7b9e02',
          'name: many_failed',
          'correlation:',
          '    type: event_count',
          '    rules:',
          '        - failed_login',
          '    group-by:',
          '        - User',
          '    timespan: 10m',
          '    condition:',
          '        gte: 10',
          '---',
          'title: Failed login',
          'id: 0f2d7c55-0b8e-4d55-9a0e-2c1f4a7b9e03',
          'name: failed_login',
          'tags:',
          '    - attack.t1110.001',
          'logsource:',
          '    product: windows',
          '    service: security',
          'detection:',
          '    selection:',
          '        EventID: 4625',
          '    condition: selection',
          '---',
          'title: Successful login',
          'id: 0f2d7c55-0b8e-4d55-9a0e-2c1f4a7b9e04',
          'name: successful_login',
          'logsource:',
          '    product: windows',
          '    service: security',
          'detection:',
          '    selection:',
          '        EventID: 4624',
          '    condition: selection',
          '',
        ].join('\n');
      const items = (text: string) => {
        const outcome = parseRuleFile(text, 'x.yml');
        return 'items' in outcome ? outcome.items : [];
      };
      const summary = (text: string) => items(text).map((item) => ('rule' in item ? ['rule', item.rule.name, item.rule.platforms] : 'ignored' in item ? ['ignored', item.ignored.line, item.ignored.reason.split(',')[0]] : ['invalid', item.invalid.line, item.invalid.message]));

      it('counts the outer correlation only: the correlation it names raises no alert of its own, as each rule named', () => {
        expect(summary(chain(['many_failed', 'successful_login']))).to.deep.equal([
          ['rule', 'Failed Logins Then Success', ['Windows']],
          ['ignored', 16, 'a rule of correlation rule "Failed Logins Then Success" (line 1)'],
          ['ignored', 29, 'a rule of correlation rule "Many failed logins" (line 16)'],
          ['ignored', 42, 'a rule of correlation rule "Failed Logins Then Success" (line 1)'],
        ]);
      });

      it('says a rule two correlations of the chain name is of the nearer one, whatever the order of the names', () => {
        for (const names of [['failed_login', 'many_failed', 'successful_login'], ['many_failed', 'failed_login', 'successful_login']]) {
          const failed = items(chain(names)).find((item) => 'ignored' in item && item.ignored.name === 'Failed login');
          expect(failed && 'ignored' in failed && failed.ignored.reason.split(',')[0], names.join(', ')).to.equal('a rule of correlation rule "Many failed logins" (line 17)');
        }
      });

      it('counts the correlation it names and the rule it names with generate: true, the rule named by the inner one still not', () => {
        expect(summary(chain(['many_failed', 'successful_login'], '    generate: true'))).to.deep.equal([
          ['rule', 'Failed Logins Then Success', ['Windows']],
          ['rule', 'Many failed logins', ['Windows']],
          ['ignored', 30, 'a rule of correlation rule "Many failed logins" (line 17)'],
          ['ignored', 43, 'no ATT&CK technique tag'],
        ]);
      });

      it('reads generate: yes as true and generate: off as false, as pySigma\'s YAML reader (PyYAML, YAML 1.1) does', () => {
        expect(summary(chain(['many_failed', 'successful_login'], '    generate: yes')).map((item) => item[0])).to.deep.equal(['rule', 'rule', 'ignored', 'ignored']);
        expect(items(chain(['many_failed', 'successful_login'], '    generate: yes')).flatMap((item) => item.notes ?? [])).to.deep.equal([
          { line: 17, message: 'no technique tag of its own: it counts for those of the rules it names, T1110.001' },
        ]);
        expect(summary(chain(['many_failed', 'successful_login'], '    generate: off')).map((item) => item[0])).to.deep.equal(['rule', 'ignored', 'ignored', 'ignored']);
        expect(items(chain(['many_failed', 'successful_login'], '    generate: maybe')).flatMap((item) => item.notes ?? [])).to.deep.equal([
          { line: 12, column: 15, message: '"generate: maybe" is not true or false; read as false (the rules it names raise no alert of their own)' },
        ]);
      });

      it('counts the rules it names with generate: true at the top level, noted as pySigma does not read it there', () => {
        const outcome = parseRuleFile(chain(['many_failed', 'successful_login'], 'generate: true'), 'x.yml');
        expect(summary(chain(['many_failed', 'successful_login'], 'generate: true')).map((item) => item[0])).to.deep.equal(['rule', 'rule', 'ignored', 'ignored']);
        expect(outcome.notes ?? ('items' in outcome ? outcome.items.flatMap((item) => item.notes ?? []) : [])).to.deep.equal([
          {
            line: 12,
            column: 11,
            message:
              '"generate: true" is read at the top level, where the Sigma specification places it; pySigma reads it only under "correlation:", and converted with pySigma the rules it names raise no alert of their own: move it under "correlation:"',
          },
          { line: 17, message: 'no technique tag of its own: it counts for those of the rules it names, T1110.001' },
        ]);
      });

      it('notes a name two documents of the file share, takes the last as pySigma does, and counts the first on its own', () => {
        // The rule named successful_login renamed failed_login (tagged T1078): two documents of the file have that name.
        const text = chain(['many_failed']).replace('name: successful_login\n', 'name: failed_login\ntags:\n    - attack.t1078\n');
        expect(summary(text)).to.deep.equal([
          ['rule', 'Failed Logins Then Success', ['Windows']],
          ['ignored', 15, 'a rule of correlation rule "Failed Logins Then Success" (line 1)'],
          ['rule', 'Failed login', ['Windows']],
          ['ignored', 41, 'a rule of correlation rule "Many failed logins" (line 15)'],
        ]);
        const notes = items(text).flatMap((item) => item.notes ?? []);
        expect(notes).to.deep.equal([
          {
            line: 21,
            message:
              '"failed_login" is the id or name of 2 rules read (x.yml:28, x.yml:41); the correlation takes the last read, x.yml:41, as pySigma does (files are read depth first, names by code point): give each rule a name of its own',
          },
        ]);
      });

      it('reports a rule it names without "logsource" as invalid, not as a rule of the correlation, and counts the correlation on every platform', () => {
        // The specification's field-alias example writes its named rules without logsource; pySigma refuses such a rule.
        const text = chain(['many_failed', 'successful_login']).replace('name: successful_login\nlogsource:\n    product: windows\n    service: security\n', 'name: successful_login\n');
        expect(summary(text)).to.deep.equal([
          ['rule', 'Failed Logins Then Success', undefined],
          ['ignored', 16, 'a rule of correlation rule "Failed Logins Then Success" (line 1)'],
          ['ignored', 29, 'a rule of correlation rule "Many failed logins" (line 16)'],
          ['invalid', 42, 'not a Sigma rule: missing "logsource"'],
        ]);
      });

      it('covers T1110.001 of enterprise-attack 18.1 once, by the outer correlation', () => {
        const dir = freshTmpDir('sigma-correlation-chain');
        writeFileSync(join(dir, 'mr_failed_then_success.yml'), chain(['many_failed', 'successful_login']));
        const input = readRuleFolder(dir);
        expect(input.counts).to.deep.equal({ items: 4, rules: 1, ignored: 3, invalid: 0 });
        const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
        const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
        expect(resolved.rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['Failed Logins Then Success', ['T1110.001']]]);
      });
    });

    it('covers T1110.003 of enterprise-attack 18.1 in a folder holding the file', () => {
      const dir = freshTmpDir('sigma-correlation');
      writeFileSync(join(dir, 'pw_spray_correlation.yml'), correlation(''));
      const input = readRuleFolder(dir);
      expect(input.counts).to.deep.equal({ items: 2, rules: 1, ignored: 1, invalid: 0 });
      const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
      const resolved = resolveCoverage([input], library.release('enterprise-attack', '18.1'));
      expect(resolved.rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['PW Spray', ['T1110.003']]]);
    });
  });

  it('reads a technique tagged twice (in any case) once and notes each repeat, which sigma-cli counts again', () => {
    const text = 'title: T\nstatus: test\nlevel: high\nlogsource: {product: windows}\ntags:\n  - attack.t1059.001\n  - attack.T1059.001\n  - attack.t1059\n  - attack.t1059.001\ndetection: {}\n';
    const outcome = parseRuleFile(text, 'x.yml');
    expect('rule' in outcome && outcome.rule.refs.map((ref) => [ref.id, ref.line])).to.deep.equal([
      ['T1059.001', 6],
      ['T1059', 8],
    ]);
    expect(outcome.notes?.map((note) => [note.line, note.message])).to.deep.equal([
      [7, 'tag "attack.T1059.001" names T1059.001 again (first at line 6): the rule counts once for it, where sigma-cli\'s analyze attack counts it again for each repeat; delete the repeat'],
      [9, 'tag "attack.t1059.001" names T1059.001 again (first at line 6): the rule counts once for it, where sigma-cli\'s analyze attack counts it again for each repeat; delete the repeat'],
    ]);
  });

  it('counts an unknown status as experimental and notes it', () => {
    const outcome = parseRuleFile(rule('').replace('status: test', 'status: production'), 'x.yml');
    expect('rule' in outcome && outcome.rule.levelReason).to.equal(
      'sigma unknown status "production" (counted as experimental), level high -> 0.54',
    );
    expect(outcome.notes?.[0]?.message).to.match(/^unknown status "production"; counted as experimental/);
  });

  it('ignores a rule without technique tags whose references link to a technique page, noting the technique and the tag to write', () => {
    // The shape of N1ghtFury74's Winlogon Helper DLL rule: the technique only in a reference URL.
    const text = ['title: Winlogon Helper DLL', 'references:', '  - https://example.com/blog', '  - https://attack.mitre.org/techniques/T1547/004/', 'logsource:', '  product: windows', 'detection:', '  sel: {EventID: 13}', '  condition: sel', ''].join('\n');
    expect(parseRuleFile(text, 'x.yml')).to.deep.equal({
      ignored: { line: 1, name: 'Winlogon Helper DLL', reason: 'no ATT&CK technique tag (its references link to T1547.004)' },
      notes: [
        {
          line: 4,
          message:
            'no ATT&CK technique tag, but its references link to the ATT&CK page of T1547.004; the rule is not counted (a reference is a source, not what the rule detects): ' +
            'if it detects that technique, tag it attack.t1547.004',
        },
      ],
    });
    // The old wiki's pages and a release's copies name techniques too; a tactic's page or a technique tag says nothing here.
    const wiki = text.replace('https://example.com/blog', 'https://attack.mitre.org/wiki/Technique/T1086').replace('attack.mitre.org/techniques', 'attack.mitre.org/versions/v8/techniques');
    expect(parseRuleFile(wiki, 'x.yml').notes?.[0]?.message).to.contain('link to the ATT&CK page of T1086, T1547.004;').and.contain('tag it attack.t1086, attack.t1547.004');
    expect(parseRuleFile(text.replace('techniques/T1547/004/', 'tactics/TA0003/'), 'x.yml')).to.deep.equal({ ignored: { line: 1, name: 'Winlogon Helper DLL', reason: 'no ATT&CK technique tag' } });
    expect('rule' in parseRuleFile(`${text}tags: [attack.t1547.004]\n`, 'x.yml')).to.equal(true);
  });

  it('skips tactic, group, software, data source and non-ATT&CK tags', () => {
    const text = rule('').replace(
      '  - attack.t1059\n',
      '  - attack.defense_evasion\n  - attack.g0007\n  - attack.s0002\n  - attack.ds0005\n  - car.2013-07-002\n  - cve.2021-1675\n  - attack.T1059.001\n',
    );
    const outcome = parseRuleFile(text, 'x.yml');
    expect('rule' in outcome && outcome.rule.refs).to.deep.equal([{ raw: 'attack.T1059.001', line: 11, column: 5, id: 'T1059.001' }]);
    expect('rule' in outcome && outcome.rule.tactics).to.deep.equal(['defense_evasion']);
    expect(outcome.notes).to.equal(undefined);
  });

  it('weighs a threat hunting rule (detection.threat-hunting) 0.25 in place of its level, as a hunting query of another format', () => {
    const outcome = parseRuleFile(rule('').replace('  - attack.t1059\n', '  - attack.t1059\n  - detection.threat-hunting\n'), 'x.yml');
    expect('rule' in outcome && [outcome.rule.level, outcome.rule.levelReason]).to.deep.equal([
      0.2,
      'sigma status test, threat hunting (detection.threat-hunting: a starting point for a hunt) -> 0.2',
    ]);
  });

  it('notes an ATT&CK tag of no shape it reads, with its line, and counts the rule by its other tags', () => {
    // hayabusa-rules' Hidden User Account Created! (Sec_4720_High_AcctCreated_PossibleHiddenUserAcct.yml) tagged attack.11136.001.
    const text = rule('').replace('  - attack.t1059\n', '  - attack.persistence\n  - attack.11136.001\n  - attack.t1059\n');
    const outcome = parseRuleFile(text, 'x.yml');
    expect('rule' in outcome && outcome.rule.refs.map((ref) => ref.raw)).to.deep.equal(['attack.t1059']);
    expect(outcome.notes).to.deep.equal([
      {
        line: 6,
        column: 5,
        message:
          'tag "attack.11136.001" is no ATT&CK tag: neither a technique (attack.t1136.001), a tactic (attack.persistence) nor an object (attack.g0007); it is skipped: write the technique as attack.t followed by its ID',
      },
    ]);
  });
});

describe('sigmaLevel (SIGMA_WEIGHTS)', () => {
  const cases: ReadonlyArray<readonly [string | undefined, string | undefined, number, string]> = [
    ['stable', 'critical', 1, 'sigma status stable, level critical -> 1'],
    ['stable', 'high', 0.9, 'sigma status stable, level high -> 0.9'],
    ['test', 'medium', 0.6, 'sigma status test, level medium -> 0.6'],
    ['experimental', 'informational', 0.15, 'sigma status experimental, level informational -> 0.15'],
    [undefined, 'low', 0.3, 'sigma no status (counted as experimental), level low -> 0.3'],
    ['test', undefined, 0.6, 'sigma status test, no level (counted as medium) -> 0.6'],
  ];
  for (const [status, level, weight, reason] of cases) {
    it(`weights status ${status ?? '(none)'}, level ${level ?? '(none)'} as ${weight}`, () => {
      expect(sigmaLevel(status, level)).to.deep.equal({ level: weight, levelReason: reason });
    });
  }

  it('gives every status and level combination a weight in (0, 1]', () => {
    for (const status of Object.values(SIGMA_WEIGHTS.status)) {
      for (const level of Object.values(SIGMA_WEIGHTS.level)) expect(status * level).to.be.within(0.01, 1);
    }
  });
});

describe('readRuleFolder (real SigmaHQ rules in ../shared/sigma)', function () {
  let input: CoverageInput;
  let expected: string[];
  // Not a timing: reading the folder is measured by `npm run bench` ("gap review sigma"), never by a test.
  this.timeout(60_000);
  before(function () {
    if (!existsSync(realSigma)) this.skip();
    expected = yamlFilesUnder(realSigma);
    input = readRuleFolder(realSigma);
  });
  const under = (folder: string, file: string): boolean => file.startsWith(join(realSigma, folder) + sep);

  it('finds the ~3,900 rule files of the folder', () => {
    expect(expected.length).to.be.above(3500);
  });

  it('accounts for every .yml file found by an independent walk', () => {
    expect(input.files).to.equal(expected.length);
    expect(input.counts.items).to.equal(expected.length);
    expectBookkeeping(input);
    const seen = [...input.rules, ...input.ignored, ...input.problems.filter((p) => p.skipped)].map((x) => x.file).sort();
    expect(seen).to.deep.equal([...expected].sort());
  });

  it('ignores exactly the files whose status is deprecated or unsupported', () => {
    const byStatus = expected.filter((file) => /^status:\s*(deprecated|unsupported)\b/m.test(readFileSync(file, 'utf8'))).sort();
    const ignoredByStatus = input.ignored.filter((i) => /^status (deprecated|unsupported)/.test(i.reason)).map((i) => i.file).sort();
    expect(ignoredByStatus).to.deep.equal(byStatus);
    expect(byStatus.length).to.be.above(150);
  });

  it('ignores the deprecated PowerShell rule that carries attack.t1086', () => {
    const file = join(realSigma, 'deprecated', 'windows', 'sysmon_powershell_execution_moduleload.yml');
    expect(readFileSync(file, 'utf8')).to.include('attack.t1086');
    expect(input.ignored.find((i) => i.file === file)).to.deep.equal({ file, line: 4, name: 'PowerShell Execution', reason: 'status deprecated' });
  });

  it('ignores the rules under deprecated/ that still have a live status, as SigmaHQ keeps there only rules it deprecated', () => {
    expect(input.rules.filter((rule) => under('deprecated', rule.file))).to.deep.equal([]);
    const byFolder = input.ignored.filter((ignored) => ignored.reason === 'under deprecated/: a folder of deprecated rules, not deployed');
    expect(byFolder.length).to.be.within(1, 10);
    expect(byFolder.every((ignored) => under('deprecated', ignored.file) && !/^status:\s*(deprecated|unsupported)\b/m.test(readFileSync(ignored.file, 'utf8')))).to.equal(true);
  });

  it('keeps attack.t1685 (newer than the newest release here) as a ref of the kill rule', () => {
    const file = join(realSigma, 'rules-threat-hunting', 'linux', 'process_creation', 'proc_creation_lnx_susp_process_termination_via_kill.yml');
    const rule = input.rules.find((r) => r.file === file);
    expect(rule).to.deep.include({
      name: 'Terminate Linux Process Via Kill',
      refs: [{ raw: 'attack.t1685', line: 14, column: 7, id: 'T1685' }],
      tactics: ['defense-impairment'],
      platforms: ['Linux'],
      dataSources: ['process_creation'],
      level: 0.2,
      levelReason: 'sigma status test, threat hunting (detection.threat-hunting: a starting point for a hunt) -> 0.2',
    });
  });

  it('puts every ref on the line of the file where its tag is written', () => {
    const lines = new Map<string, string[]>();
    for (const rule of input.rules) {
      if (!lines.has(rule.file)) lines.set(rule.file, readFileSync(rule.file, 'utf8').split(/\r?\n/));
      for (const ref of rule.refs) {
        expect(ref.raw).to.match(/^attack\.t\d/i);
        expect(lines.get(rule.file)?.[(ref.line ?? 0) - 1], `${rule.file}:${ref.line}`).to.include(ref.raw);
      }
    }
  });

  it("weighs every rule of rules-threat-hunting/, each tagged detection.threat-hunting, as a hunting rule: status x 0.25", () => {
    const hunting = input.rules.filter((r) => r.file.split(sep).includes('rules-threat-hunting'));
    expect(hunting.length).to.be.above(100);
    for (const r of hunting) {
      expect(readFileSync(r.file, 'utf8'), r.file).to.match(/^\s*-\s*detection\.threat-hunting\s*$/m);
      expect(r.levelReason, r.file).to.match(/^sigma (?:status|no status) .*, threat hunting \(detection\.threat-hunting: a starting point for a hunt\) -> /);
      expect(r.level).to.be.at.most(SIGMA_WEIGHTS.hunting);
    }
  });

  it('ignores rules without a technique tag, and every rule has at least one ref', () => {
    expect(input.rules.every((rule) => rule.refs.length > 0)).to.equal(true);
    const untagged = input.ignored.filter((i) => /^no ATT&CK technique tag(?: \((?:tactics|tactics and object tags|object tags) only: [^)]*\))?$/.test(i.reason));
    expect(untagged.length).to.be.above(100);
    for (const i of untagged.slice(0, 50)) expect(readFileSync(i.file, 'utf8')).not.to.match(/^\s*-\s*attack\.t\d/m);
  });
});
