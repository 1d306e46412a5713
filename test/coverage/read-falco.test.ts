import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { AttackLibrary } from '../../lib/attack/load.js';
import { coverageInput } from '../../lib/coverage/coverage-types.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { domainReleases } from '../../lib/normalize/normalize-campaign.js';
import { FALCO_WEIGHTS } from '../../lib/coverage/read-falco.js';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { freshTmpDir, stixDir, testCacheDir } from '../helpers/attack.js';
import { ruleItems } from '../helpers/rule-outcomes.js';

// The shape of falcosecurity/rules' files: a list of version requirements, macros, lists and rules, tags holding the
// maturity, mitre_ tactics and technique IDs (falco-deprecated_rules.yaml, the MITRE checker's falco_rules_test.yaml).
const rules = [
  '- required_engine_version: 0.31.0',
  '- macro: container',
  '  condition: (container.id != host)',
  '- list: shell_binaries',
  '  items: [bash, sh]',
  '- rule: Terminal shell in container',
  '  desc: A shell was spawned in a container.',
  '  condition: spawned_process and container and proc.name in (shell_binaries)',
  '  output: Shell spawned (user=%user.name)',
  '  priority: NOTICE',
  '  tags: [maturity_stable, container, shell, mitre_execution, T1059]',
  '- rule: Read sensitive file untrusted',
  '  condition: open_read and sensitive_files',
  '  output: Sensitive file opened (file=%fd.name)',
  '  priority: WARNING',
  '  tags: [maturity_incubating, host, MITRE_TA0006_credential_access, MITRE_T1555_credentials_from_password_stores, T1552.001]',
  '- rule: Contact K8S API Server From Container',
  '  condition: k8s_api_server',
  '  output: Unexpected connection (connection=%fd.name)',
  '  priority: Critical',
  '  source: k8s_audit',
  '  tags: [maturity_sandbox, k8s, mitre_discovery, TA0007, T1613]',
  '- rule: Disallowed SSH Connection',
  '  condition: inbound_outbound and ssh_port',
  '  enabled: false',
  '  output: Disallowed SSH Connection',
  '  priority: NOTICE',
  '  tags: [host, mitre_lateral_movement, T1021.004]',
  '- rule: Outbound Connection to C2 Servers',
  '  condition: outbound',
  '  output: Outbound connection to C2 server',
  '  priority: WARNING',
  '  tags: [maturity_deprecated, host, mitre_command_and_control, TA0011]',
  '- rule: Terminal shell in container',
  '  append: true',
  '  condition: and not proc.pname = sshd',
  '- rule: Launch Privileged Container',
  '  enabled: false',
  '- rule: Schedule Cron Jobs',
  '  condition: open_write and fd.name startswith /etc/cron',
  '  output: Cron jobs were scheduled',
  '  priority: LOUD',
  '  source: aws_cloudtrail',
  '  tags: [host, mitre_persistance, mitre_escape, T1053.003]',
  '- rule: No technique',
  '  condition: never_true',
  '  output: x',
  '  priority: DEBUG',
  '  tags: [host]',
  '',
].join('\n');

describe('parseRuleFile (Falco rules files)', () => {
  const items = ruleItems(parseRuleFile(rules, 'falco_rules.local.yaml'));
  const rule = (i: number) => (items[i] && 'rule' in items[i]! ? items[i].rule : undefined);

  it('reads each `rule:` item as an item, and no macro, list or version requirement', () => {
    expect(items).to.have.length(9);
  });

  it('covers the technique IDs among its tags (MITRE_T1555_… too), weighed by maturity tag times priority, with its tactics and platforms', () => {
    const { kind, name, file, line, refs, level, levelReason, platforms, dataSources, ...tactics } = rule(0)!;
    expect([kind, name, file, line, level, levelReason]).to.deep.equal(['falco', 'Terminal shell in container', 'falco_rules.local.yaml', 6, 0.5, 'falco maturity stable, priority NOTICE -> 0.5']);
    expect([refs, platforms, dataSources]).to.deep.equal([[{ raw: 'T1059', line: 11, id: 'T1059' }], ['Linux', 'Containers'], ['syscall']]);
    expect(tactics).to.deep.equal({ tactics: ['execution'], tags: [{ raw: 'mitre_execution', line: 11 }] });
    expect(rule(1)?.refs.map((ref) => [ref.raw, ref.id])).to.deep.equal([
      ['MITRE_T1555_credentials_from_password_stores', 'T1555'],
      ['T1552.001', 'T1552.001'],
    ]);
    expect([rule(1)?.level, rule(1)?.levelReason, rule(1)?.tactics, rule(1)?.platforms]).to.deep.equal([0.6, 'falco maturity incubating, priority WARNING -> 0.6', ['TA0006'], ['Linux']]);
    // Falco reads priorities whatever their case.
    expect([rule(2)?.level, rule(2)?.tactics, rule(2)?.platforms, rule(2)?.dataSources]).to.deep.equal([0.6, ['discovery', 'TA0007'], ['Containers'], ['k8s_audit']]);
  });

  it('ignores a disabled rule, a deprecated one, and items that only change a rule defined elsewhere, saying why', () => {
    expect(items.slice(3, 7)).to.deep.equal([
      { ignored: { line: 25, name: 'Disallowed SSH Connection', reason: 'disabled (enabled: false)' } },
      { ignored: { line: 29, name: 'Outbound Connection to C2 Servers', reason: 'maturity_deprecated' } },
      { ignored: { line: 34, name: 'Terminal shell in container', reason: 'changes a rule defined elsewhere (append: true), defines none' } },
      { ignored: { line: 37, name: 'Launch Privileged Container', reason: 'changes a rule defined elsewhere (no condition), defines none' } },
    ]);
    expect(items[8]).to.deep.equal({ ignored: { line: 45, name: 'No technique', reason: 'no ATT&CK technique tag' } });
    // falcosecurity/rules tags some rules with their tactic only (`mitre_discovery`): named in the reason.
    const [tacticOnly] = ruleItems(parseRuleFile('- rule: Read sensitive file\n  condition: open_read\n  output: x\n  priority: WARNING\n  tags: [host, mitre_discovery]\n', 'f.yaml'));
    expect(tacticOnly).to.deep.equal({ ignored: { line: 1, name: 'Read sensitive file', reason: 'no ATT&CK technique tag (tactics only: mitre_discovery)' } });
  });

  it("reads tags whose closing bracket is at the indentation of their key, as Falco does (falcosecurity/rules' deprecated rules)", () => {
    // An excerpt of falcosecurity/rules (Apache-2.0) rules/falco-deprecated_rules.yaml at 2efbfb14: js-yaml refuses
    // its `  ]` ("deficient indentation"), PyYAML and yaml-cpp read it; the whole file was invalid.
    const text = [
      '- macro: ssh_port',
      '  condition: (fd.sport=22)',
      '',
      '- rule: Disallowed SSH Connection',
      '  desc: >',
      '    Detect any new SSH connection on port 22 to a host other than',
      '    those in an allowed list of hosts.',
      '  condition: >',
      '    inbound_outbound',
      '    and ssh_port',
      '  enabled: false',
      '  output: >',
      '    Disallowed SSH Connection',
      '    (connection=%fd.name lport=%fd.lport rport=%fd.rport)',
      '  priority: NOTICE',
      '  tags: [',
      '    maturity_deprecated, host, container, network,',
      '    mitre_latera_movement, T1021.004',
      '  ]',
      '',
    ].join('\n');
    const note = { line: 19, message: 'line 19 goes on a [ … ] or { … } value at the indentation of its key, which js-yaml refuses (deficient indentation); read as PyYAML and yaml-cpp (Falco) read it' };
    expect(parseRuleFile(text, 'falco-deprecated_rules.yaml')).to.deep.equal({
      items: [{ ignored: { line: 11, name: 'Disallowed SSH Connection', reason: 'disabled (enabled: false)' } }],
      notes: [note],
    });
    const enabled = ruleItems(parseRuleFile(text.replace('  enabled: false\n', '').replace('maturity_deprecated, ', ''), 'f.yaml'));
    expect(enabled.map((item) => ('rule' in item ? item.rule.refs.map((ref) => ref.id) : item))).to.deep.equal([['T1021.004']]);
  });

  it('notes an unknown priority (counted as WARNING); a rule of another source fires on every platform', () => {
    expect(items[7]).to.deep.include({ notes: [{ line: 42, message: 'unknown priority "LOUD"; counted as WARNING. Use one of ' + Object.keys(FALCO_WEIGHTS.priority).join(', ') }] });
    expect([rule(7)?.level, rule(7)?.platforms]).to.deep.equal([0.75, undefined]);
  });

  it('reads a file of macros and lists only as one file ignored, and one rule written as a mapping with a note', () => {
    expect(parseRuleFile('- macro: never_true\n  condition: (evt.num=0)\n', 'macros.yaml')).to.deep.equal({ ignored: { line: 1, reason: 'Falco rules file with no rule (macros and lists only)' } });
    // The shape of falcosecurity/rules' sandbox proposals (rules/sandbox/*/suspicious_curl.yaml), tags as Falco's.
    const mapping = parseRuleFile('title: Suspicious cURL\ncondition: proc.name = curl\noutput: curl\npriority: WARNING\ntags: [network, mitre_exfiltration, T1048]\n', 'curl.yaml');
    expect('rule' in mapping && [mapping.rule.kind, mapping.rule.name, mapping.rule.level]).to.deep.equal(['falco', 'Suspicious cURL', 0.75]);
    expect(mapping.notes).to.deep.equal([{ line: 1, message: 'one Falco rule written as a mapping; Falco loads a list of items (- rule: …): read as one' }]);
  });

  it('takes one Falco rules file given to --coverage (falco_rules.local.yaml), and one Panther detection, as a folder of that file', () => {
    const dir = freshTmpDir('falco-one');
    writeFileSync(join(dir, 'falco_rules.local.yaml'), rules);
    writeFileSync(join(dir, 'panther.yml'), 'AnalysisType: rule\nRuleID: X\nSeverity: High\nReports:\n  MITRE ATT&CK:\n    - TA0006:T1110\n');
    const [falco, panther] = readCoverageInputs([join(dir, 'falco_rules.local.yaml'), join(dir, 'panther.yml')]);
    expect([falco?.kind, falco?.counts.items, falco?.counts.rules]).to.deep.equal(['falco', 9, 4]);
    expect([panther?.kind, panther?.counts.rules]).to.deep.equal(['panther', 1]);
  });

  it("reads the rules files of a Falco Helm chart values file's customRules at their lines, and takes one given to --coverage", () => {
    // The shape of falcosecurity/rules' rules/custom_rules.yaml, values for falcosecurity/charts' falco chart: customRules
    // maps a file name to a rules file's text, which the chart mounts into /etc/falco/rules.d (our own short rules).
    const values = [
      'driver:',
      '  kind: modern_ebpf',
      'customRules:',
      '  custom_k8s_rules.yaml: |-',
      '    - rule: Network tool in container',
      '      condition: spawned_process and container and network_tool_procs',
      '      output: Network tool launched',
      '      priority: CRITICAL',
      '      tags: [container, mitre_discovery, T1046]',
      '',
      '    - rule: Miner pool connection',
      '      condition: net_miner_pool',
      '      enabled: false',
      '      output: Miner pool',
      '      priority: CRITICAL',
      '      tags: [host, T1496]',
      '  notes.txt: see the runbook',
      '',
    ].join('\n');
    const outcome = parseRuleFile(values, 'values.yaml');
    expect(outcome).to.deep.include({
      notes: [{ line: 4, message: 'Falco Helm chart values: the rules files of customRules (custom_k8s_rules.yaml) read as the chart mounts them into /etc/falco/rules.d' }],
    });
    const [first, second] = ruleItems(outcome);
    expect(first && 'rule' in first && [first.rule.kind, first.rule.name, first.rule.line, first.rule.refs, first.rule.level]).to.deep.equal([
      'falco',
      'Network tool in container',
      5,
      [{ raw: 'T1046', line: 9, id: 'T1046' }],
      1,
    ]);
    expect(second).to.deep.equal({ ignored: { line: 13, name: 'Miner pool connection', reason: 'disabled (enabled: false)' } });
    const dir = freshTmpDir('falco-helm');
    writeFileSync(join(dir, 'values.yaml'), values);
    const [input] = readCoverageInputs([join(dir, 'values.yaml')]);
    expect([input?.kind, input?.counts]).to.deep.equal(['falco', { items: 2, rules: 1, ignored: 1, invalid: 0 }]);
  });

  it('applies the items of a local rules file that switch a rule of another file off or on or replace its priority, as Falco loads them', () => {
    // Falco's documented way to change a default rule ("Overriding rules": `enabled: false` with `override: enabled:
    // replace`; before Falco 0.37, an item of the rule's name with `enabled` and no condition), written in our own short
    // rules of falcosecurity/rules' names.
    const dir = freshTmpDir('falco-local');
    writeFileSync(
      join(dir, 'falco_rules.yaml'),
      [
        '- rule: Terminal shell in container',
        '  condition: spawned_process and container and shell_procs',
        '  output: Shell spawned',
        '  priority: NOTICE',
        '  tags: [maturity_stable, container, mitre_execution, T1059]',
        '- rule: Read sensitive file untrusted',
        '  condition: open_read and sensitive_files',
        '  output: Sensitive file opened',
        '  priority: WARNING',
        '  tags: [maturity_stable, host, T1555]',
        '- rule: Disallowed SSH Connection',
        '  condition: inbound_outbound and ssh_port',
        '  enabled: false',
        '  output: Disallowed SSH Connection',
        '  priority: NOTICE',
        '  tags: [host, T1021.004]',
        '- rule: Write below etc',
        '  condition: write_etc_common',
        '  output: File below /etc opened for writing',
        '  priority: ERROR',
        '  tags: [host, T1098]',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'falco_rules.local.yaml'),
      [
        '- rule: Terminal shell in container',
        '  enabled: false',
        '  override:',
        '    enabled: replace',
        '- rule: Read sensitive file untrusted',
        '  priority: CRITICAL',
        '  override:',
        '    priority: replace',
        '- rule: Disallowed SSH Connection',
        '  enabled: true',
        '- rule: Write below etc',
        '  condition: and not proc.name = puppet',
        '  override:',
        '    condition: append',
        '',
      ].join('\n'),
    );
    const input = readRuleFolder(dir);
    const base = join(dir, 'falco_rules.yaml');
    const local = join(dir, 'falco_rules.local.yaml');
    expect(input.rules.map((r) => [r.name, r.level, r.levelReason])).to.deep.equal([
      ['Read sensitive file untrusted', 1, `falco maturity stable, priority CRITICAL (set by the item at ${local}:5) -> 1`],
      ['Disallowed SSH Connection', 0.5, 'falco no maturity (counted as stable), priority NOTICE -> 0.5'],
      ['Write below etc', 0.9, 'falco no maturity (counted as stable), priority ERROR -> 0.9'],
    ]);
    expect(input.ignored.filter((i) => i.file === base)).to.deep.equal([
      { file: base, line: 1, name: 'Terminal shell in container', reason: `switched off by the item at ${local}:1 (enabled: false)` },
    ]);
    expect(input.problems).to.deep.include({ file: base, line: 11, message: `switched on by the item at ${local}:9 (enabled: true)`, skipped: false });
  });

  it('counts a rule defined twice under one name once, as its last definition, as Falco keeps the last one', () => {
    // Falco ("Overriding rules"): an additional rules file may "override existing" rules; a full `- rule:` item of a name
    // already defined replaces that definition. Our own short rules of falcosecurity/rules' names, redefined in
    // falco_rules.local.yaml (which Falco loads after falco_rules.yaml, though its name sorts first) and in rules.d/,
    // and one defined twice in one file.
    const dir = freshTmpDir('falco-twice');
    mkdirSync(join(dir, 'rules.d'));
    writeFileSync(
      join(dir, 'falco_rules.yaml'),
      [
        '- rule: Read sensitive file untrusted',
        '  condition: open_read and sensitive_files',
        '  output: Sensitive file opened',
        '  priority: WARNING',
        '  tags: [maturity_stable, host, T1555]',
        '- rule: Terminal shell in container',
        '  condition: spawned_process and container',
        '  output: Shell spawned',
        '  priority: NOTICE',
        '  tags: [T1059]',
        '- rule: Terminal shell in container',
        '  condition: spawned_process and container and proc.tty != 0',
        '  output: Shell spawned',
        '  priority: ERROR',
        '  tags: [T1059.004]',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'rules.d', 'custom.yaml'),
      ['- rule: Read sensitive file untrusted', '  condition: open_read and fd.name startswith /etc/shadow', '  output: Shadow read', '  priority: CRITICAL', '  tags: [T1003.008]', ''].join('\n'),
    );
    writeFileSync(
      join(dir, 'falco_rules.local.yaml'),
      ['- rule: Read sensitive file untrusted', '  condition: open_read and fd.name startswith /etc/', '  output: Etc read', '  priority: ERROR', '  tags: [T1552.001]', ''].join('\n'),
    );
    const input = readRuleFolder(dir);
    const base = join(dir, 'falco_rules.yaml');
    const local = join(dir, 'falco_rules.local.yaml');
    const custom = join(dir, 'rules.d', 'custom.yaml');
    expect(input.rules.map((r) => [r.file, r.name, r.level, r.refs.map((ref) => ref.id)])).to.deep.equal([
      [base, 'Terminal shell in container', 0.9, ['T1059.004']],
      [custom, 'Read sensitive file untrusted', 1, ['T1003.008']],
    ]);
    expect(input.ignored).to.deep.equal([
      { file: local, line: 1, name: 'Read sensitive file untrusted', reason: `defined again at ${custom}:1: Falco keeps the last definition of rule "Read sensitive file untrusted"` },
      { file: base, line: 1, name: 'Read sensitive file untrusted', reason: `defined again at ${custom}:1: Falco keeps the last definition of rule "Read sensitive file untrusted"` },
      { file: base, line: 6, name: 'Terminal shell in container', reason: `defined again at ${base}:11: Falco keeps the last definition of rule "Terminal shell in container"` },
    ]);
    // Without rules.d/, the local file's definition is the last Falco loads.
    const withoutRulesD = freshTmpDir('falco-twice-local');
    for (const name of ['falco_rules.yaml', 'falco_rules.local.yaml']) writeFileSync(join(withoutRulesD, name), readFileSync(join(dir, name)));
    expect(readRuleFolder(withoutRulesD).rules.map((r) => [r.file, r.name, r.refs.map((ref) => ref.id)])).to.deep.equal([
      [join(withoutRulesD, 'falco_rules.local.yaml'), 'Read sensitive file untrusted', ['T1552.001']],
      [join(withoutRulesD, 'falco_rules.yaml'), 'Terminal shell in container', ['T1059.004']],
    ]);
  });

  it("ignores the rules of falcosecurity/rules' archive/, named in one note, and lets them replace no live definition", () => {
    // falcosecurity/rules keeps archive/falco-deprecated_rules.yaml beside rules/falco-deprecated_rules.yaml, the same
    // rules in both; archive/README.md: "no longer maintained", "not recommended for use in production environments".
    // Our own short rule of that file's name, enabled in the copy under rules/ to show which definition counts.
    const dir = freshTmpDir('falco-archive');
    mkdirSync(join(dir, 'archive'));
    mkdirSync(join(dir, 'rules'));
    const rule = (priority: string) => ['- rule: Disallowed SSH Connection', '  condition: inbound_outbound and ssh_port', '  output: SSH', `  priority: ${priority}`, '  tags: [host, network, T1021.004]', ''].join('\n');
    writeFileSync(join(dir, 'archive', 'falco-deprecated_rules.yaml'), rule('CRITICAL'));
    writeFileSync(join(dir, 'rules', 'falco-deprecated_rules.yaml'), rule('NOTICE'));
    // archive/application_rules.yaml: macros only, its rules commented out; one item ignored, no rule.
    writeFileSync(join(dir, 'archive', 'application_rules.yaml'), '- required_engine_version: 2\n- macro: elasticsearch_api_port\n  condition: fd.sport=9200\n');
    const input = readRuleFolder(dir);
    expect(input.rules.map((r) => [r.file, r.level])).to.deep.equal([[join(dir, 'rules', 'falco-deprecated_rules.yaml'), 0.5]]);
    expect(input.ignored.map((i) => [i.file, i.reason])).to.deep.equal([
      [join(dir, 'archive', 'application_rules.yaml'), 'Falco rules file with no rule (macros and lists only)'],
      [join(dir, 'archive', 'falco-deprecated_rules.yaml'), 'under archive/: a folder of archived rules, not deployed'],
    ]);
    expect(input.notes).to.deep.equal([`${dir}: under archive/: 1 rule ignored, a folder of archived rules, not deployed`]);
  });

  describe('its tactics, checked against the release as Sigma tactic tags are', () => {
    let library: AttackLibrary;
    before(() => {
      library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    });

    it('knows mitre_execution, MITRE_TA0006_… and TA0007, and lists a misspelt tactic and one that is none', () => {
      const found = items.flatMap((item) => ('rule' in item ? [item.rule] : []));
      const { target, history, otherReleases } = domainReleases(library, 'enterprise-attack', '18.1');
      const resolved = resolveCoverage([coverageInput('falco', 'rules', 1, found.length, { rules: found, ignored: [], problems: [] })], target, { history, otherReleases });
      // No release has them, so a newer one (the advice they had) cannot help: mitre_escape (core_pattern_escape_attempt.yml) is no
      // tactic, mitre_persistance a typo (falco-deprecated_rules.yaml has mitre_latera_movement).
      const none = (tactic: string) => `"${tactic}" is no ATT&CK tactic: no release here has it (enterprise-attack 3.0 to 18.1, mobile-attack 18.1, ics-attack 18.1), and a newer release will not help; `;
      expect(resolved.unresolved.map((u) => [u.raw, u.line, u.status, u.note])).to.deep.equal([
        ['mitre_persistance', 44, 'unknown tactic', `${none('persistance')}the closest tactic is Persistence (TA0003): write that, if it is what the tag means`],
        ['mitre_escape', 44, 'unknown tactic', `${none('escape')}write one of ATT&CK enterprise-attack 18.1's tactics, or leave the tag out`],
      ]);
    });
  });
});
