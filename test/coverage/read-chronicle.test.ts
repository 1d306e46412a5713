import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { AttackLibrary } from '../../lib/attack/load.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { freshTmpDir, stixDir, testCacheDir } from '../helpers/attack.js';
import { ruleItems, tacticTags } from '../helpers/rule-outcomes.js';

// The shape of chronicle/detection-rules' community rules: a licence comment, meta as the style guide asks (tactic,
// technique name, its URL, the ATT&CK version, type, severity), an outcome repeating the technique ID.
const yaral = (meta: string[], outcome: string[] = []): string =>
  [
    '/*',
    ' * Licensed under the Apache License, Version 2.0; // not a comment in a comment',
    ' */',
    '',
    'rule aws_delete_vpc_flow_logs {',
    '',
    '  meta:',
    '    author = "Google Cloud Security"',
    '    description = "Detects when AWS VPC Flow Logs are deleted. See https://example.org/a//b"',
    ...meta.map((line) => `    ${line}`),
    '',
    '  events:',
    '    $e.metadata.product_event_type = "DeleteFlowLogs" // T9999 in a comment',
    '',
    ...(outcome.length ? ['  outcome:', ...outcome.map((line) => `    ${line}`), ''] : []),
    '  condition:',
    '    $e',
    '}',
    '',
  ].join('\n');

const styleGuide = [
  'rule_name = "AWS Delete VPC Flow Logs"',
  'mitre_attack_tactic = "Defense Evasion"',
  'mitre_attack_technique = "Impair Defenses: Disable or Modify Cloud Logs"',
  'mitre_attack_url = "https://attack.mitre.org/techniques/T1562/008/"',
  'mitre_attack_version = "v13.1"',
  'type = "alert"',
  'severity = "Low"',
  'data_source = "AWS CloudTrail"',
];

describe('parseRuleFile (Google SecOps YARA-L rules, .yaral)', () => {
  it("covers the technique of its mitre_attack_url, weighed by severity, named by rule_name, with its tactics and data sources", () => {
    expect(parseRuleFile(yaral(styleGuide, ['$mitre_attack_technique_id = "T1562.008"']), 'aws.yaral')).to.deep.equal({
      rule: {
        kind: 'chronicle',
        name: 'AWS Delete VPC Flow Logs',
        file: 'aws.yaral',
        line: 5,
        refs: [{ raw: 'T1562.008', line: 13, id: 'T1562.008' }],
        level: 0.5,
        levelReason: 'chronicle type alert, severity Low -> 0.5',
        ...tacticTags([['Defense Evasion', 11]]),
        dataSources: ['AWS CloudTrail'],
      },
    });
  });

  it('reads the ID of an outcome, of a mitre or technique key; a rule without one by its technique name', () => {
    const refs = (meta: string[], outcome: string[] = []) => {
      const outcome_ = parseRuleFile(yaral(meta, outcome), 'r.yaral');
      return 'rule' in outcome_ ? outcome_.rule.refs.map((ref) => [ref.raw, ref.id]) : outcome_;
    };
    expect(refs(['severity = "High"'], ['$mitre_attack_technique_id = array_distinct("T1021.002")'])).to.deep.equal([['T1021.002', 'T1021.002']]);
    // SOC Prime's rules in chronicle/detection-rules: mitre = "Execution, t1204".
    expect(refs(['mitre = "Execution, t1204"'])).to.deep.equal([['t1204', 'T1204']]);
    // A team's Workbench namespace is written in capitals; words joined to an ID by hyphens are no namespace.
    expect(refs(['mitre = "initial-access-t1566, Initial-Access-T1078"'])).to.deep.equal([['t1566', 'T1566'], ['T1078', 'T1078']]);
    expect(refs(['mitre = "ACME-T1000"'])).to.deep.equal([['ACME-T1000', 'ACME-T1000']]);
    expect(refs(['mitre_attack_technique = "Valid Accounts"', 'mitre_attack_tactic = "Defense Evasion, Persistence"'])).to.deep.equal([['Valid Accounts', undefined]]);
  });

  it('weighs a hunt rule 0.25, notes an unknown severity (counted as Medium), counts a missing one as Medium', () => {
    const rule = (meta: string[]) => parseRuleFile(yaral(['mitre_attack_url = "https://attack.mitre.org/techniques/T1078/"', ...meta]), 'r.yaral');
    expect(rule(['type = "hunt"', 'severity = "High"'])).to.deep.include({ rule: { kind: 'chronicle', name: 'aws_delete_vpc_flow_logs', file: 'r.yaral', line: 5, refs: [{ raw: 'T1078', line: 10, id: 'T1078' }], level: 0.25, levelReason: 'chronicle type hunt (a hunting rule) -> 0.25' } });
    const severe = rule(['severity = "Severe"']);
    expect('rule' in severe && severe.rule.levelReason).to.equal('chronicle unknown severity "Severe" (counted as Medium) -> 0.75');
    expect(severe.notes?.[0]?.line).to.equal(11);
    const none = rule([]);
    expect('rule' in none && none.rule.levelReason).to.equal('chronicle no severity (counted as Medium) -> 0.75');
  });

  it('ignores a rule whose only technique is a page its reference links, with a note; reads each rule of a file of several', () => {
    const linked = parseRuleFile(yaral(['reference = "https://attack.mitre.org/techniques/T1021/002/"']), 'r.yaral');
    expect(linked).to.deep.include({ ignored: { line: 5, name: 'aws_delete_vpc_flow_logs', reason: 'no ATT&CK technique (its references link to T1021.002)' } });
    expect(linked.notes?.[0]?.message).to.contain('mitre_attack_url = "https://attack.mitre.org/techniques/T1021/002/"');
    const two = parseRuleFile(`${yaral(['mitre = "T1059"'])}\n${yaral(['mitre = "T1110"']).replace('rule aws_delete_vpc_flow_logs', 'rule second')}`, 'two.yaral');
    expect(ruleItems(two).map((item) => ('rule' in item ? [item.rule.name, item.rule.line, item.rule.refs[0]?.id] : item))).to.deep.equal([
      ['aws_delete_vpc_flow_logs', 5, 'T1059'],
      ['second', 23, 'T1110'],
    ]);
  });

  it('ignores the rules of a folder named _deprecated or deprecated, of every format, and no rule of another folder', () => {
    // chronicle/detection-rules keeps retired rules in rules/_deprecated/; SigmaHQ and Splunk's security_content in deprecated/.
    const dir = freshTmpDir('yaral-deprecated');
    const sigma = (status: string) => `title: Old Rule\nstatus: ${status}\nlogsource:\n  product: windows\ndetection:\n  sel: {Image: x.exe}\n  condition: sel\ntags:\n  - attack.t1059\n`;
    const files: Readonly<Record<string, string>> = {
      'rules/_deprecated/mitre_attack/T1548_002_uac_bypass.yaral': yaral(styleGuide),
      'rules/community/aws_delete_vpc_flow_logs.yaral': yaral(styleGuide),
      'deprecated/windows/old_rule.yml': sigma('test'),
      'deprecated/windows/marked_rule.yml': sigma('deprecated'),
      'rules/Deprecated/0305-dropbear_rules.xml': '<group name="sshd,">\n  <rule id="51009" level="10">\n    <mitre><id>T1110</id></mitre>\n  </rule>\n</group>\n',
      'deprecated_rules/undeprecated.yml': sigma('stable'),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const input = readRuleFolder(dir);
    const rel = (file: string) => relative(dir, file).split(sep).join('/');
    expect(input.rules.map((rule) => rel(rule.file))).to.deep.equal(['deprecated_rules/undeprecated.yml', 'rules/community/aws_delete_vpc_flow_logs.yaral']);
    expect(input.ignored.map((ignored) => [rel(ignored.file), ignored.line, ignored.reason])).to.deep.equal([
      ['deprecated/windows/marked_rule.yml', 2, 'status deprecated'],
      ['deprecated/windows/old_rule.yml', 1, 'under deprecated/: a folder of deprecated rules, not deployed'],
      ['rules/Deprecated/0305-dropbear_rules.xml', 2, 'under rules/Deprecated/: a folder of deprecated rules, not deployed'],
      ['rules/_deprecated/mitre_attack/T1548_002_uac_bypass.yaral', 5, 'under rules/_deprecated/: a folder of deprecated rules, not deployed'],
    ]);
    // The folder given is the user's choice: a deprecated folder given itself is read.
    expect(readRuleFolder(join(dir, 'rules', '_deprecated')).counts.rules).to.equal(1);
  });

  it('ignores the rules of a tool\'s test data and of SigmaHQ\'s other/, one note per folder, and counts them when that folder is given', () => {
    // Reconstructed layouts: chronicle/detection-rules tools/content_manager/content_manager/test_data/rules/rule_1.yaral
    // (a hunt for whoami, T1033, read by the content manager's tests), elastic/detection-rules tests/data/ and SigmaHQ's
    // other/godmode_sigma_rule.yml ("PoC rule", beside rules-threat-hunting/); a team's own tests/ and other/ hold real rules.
    const dir = freshTmpDir('yaral-test-data');
    const sigma = (title: string) => `title: ${title}\nstatus: test\nlogsource:\n  product: windows\ndetection:\n  sel: {Image: x.exe}\n  condition: sel\ntags:\n  - attack.t1059\n`;
    const files: Readonly<Record<string, string>> = {
      'tools/content_manager/content_manager/test_data/rules/rule_1.yaral': yaral(styleGuide),
      'rules/community/aws_delete_vpc_flow_logs.yaral': yaral(styleGuide),
      'tests/data/dummy_rule.yml': sigma('Sample rule for unit tests'),
      'tests/windows/team_rule.yml': sigma('Team Rule Under Test'),
      'sigma/other/godmode_sigma_rule.yml': sigma('Godmode Sigma Rule'),
      'sigma/rules-threat-hunting/windows/hunt.yml': sigma('Hunt'),
      'team/other/misc_rule.yml': sigma('Misc Rule'),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const input = readRuleFolder(dir);
    const rel = (file: string) => relative(dir, file).split(sep).join('/');
    expect(input.rules.map((rule) => rel(rule.file))).to.deep.equal([
      'rules/community/aws_delete_vpc_flow_logs.yaral',
      'sigma/rules-threat-hunting/windows/hunt.yml',
      'team/other/misc_rule.yml',
      'tests/windows/team_rule.yml',
    ]);
    expect(input.ignored.map((ignored) => [rel(ignored.file), ignored.reason])).to.deep.equal([
      ['sigma/other/godmode_sigma_rule.yml', "under sigma/other/: SigmaHQ's folder of files other than its three types of rules (a proof-of-concept rule), not deployed"],
      ['tests/data/dummy_rule.yml', "under tests/data/: a folder of a tool's test data, not deployed"],
      ['tools/content_manager/content_manager/test_data/rules/rule_1.yaral', "under tools/content_manager/content_manager/test_data/: a folder of a tool's test data, not deployed"],
    ]);
    const testData = join(dir, 'tools', 'content_manager', 'content_manager', 'test_data');
    expect(input.notes).to.include(
      `${dir}: under tools/content_manager/content_manager/test_data/: 1 rule ignored, a folder of a tool's test data, not deployed; to count it, give ${testData}/ itself as a path of readCoverageInputs`,
    );
    expect(input.notes?.filter((note) => note.includes('sigma/other/') || note.includes('tests/data/'))).to.have.length(2);
    // Given itself, a folder of test data is read as any folder.
    expect(readRuleFolder(testData).counts.rules).to.equal(1);
    expect(readRuleFolder(join(dir, 'sigma', 'other')).counts.rules).to.equal(1);
  });

  it('says nothing of how a retired rule reads: only its folder, in one note', () => {
    // chronicle/detection-rules rules/_deprecated/mitre_attack/T1053_005_windows_creation_of_scheduled_task.yaral (Apache
    // 2.0): its meta names no technique, only a `reference` to the technique page, which a live rule is noted for.
    const rule = (name: string) =>
      `rule ${name}\n{\n  meta:\n    author = "Google Cloud Security"\n    description = "Creation of scheduled task using command line"\n` +
      '    reference = "https://attack.mitre.org/techniques/T1053/005/"\n    yara_version = "YL2.0"\n\n  events:\n' +
      '    re.regex($e1.principal.process.command_line, `schtasks /create`) nocase\n\n  condition:\n    $e1\n}\n';
    const dir = freshTmpDir('yaral-deprecated-notes');
    mkdirSync(join(dir, 'rules', '_deprecated', 'mitre_attack'), { recursive: true });
    mkdirSync(join(dir, 'rules', 'community'), { recursive: true });
    writeFileSync(join(dir, 'rules', '_deprecated', 'mitre_attack', 'T1053_005_windows_creation_of_scheduled_task.yaral'), rule('T1053_005_windows_creation_of_scheduled_task'));
    writeFileSync(join(dir, 'rules', 'community', 'live_task.yaral'), rule('live_task'));
    const input = readRuleFolder(dir);
    expect(input.problems.map((problem) => relative(dir, problem.file).split(sep).join('/'))).to.deep.equal(['rules/community/live_task.yaral']);
    expect(input.notes).to.deep.equal([`${dir}: under rules/_deprecated/: 1 rule ignored, a folder of deprecated rules, not deployed`]);
  });

  it('reads a YARA-L rule published without an extension (chronicle/detection-rules community/okta), with a note, in a folder', () => {
    const dir = freshTmpDir('yaral');
    writeFileSync(join(dir, 'okta_new_api_token_created'), yaral(styleGuide));
    writeFileSync(join(dir, 'README'), 'rule of thumb {\nno meta here\n');
    const input = readRuleFolder(dir);
    expect([input.kind, input.files, input.counts.rules]).to.deep.equal(['chronicle', 1, 1]);
    expect(input.problems.map((p) => p.message)).to.deep.equal(['the file name has no extension; read as a YARA-L rule (name it .yaral)']);
  });

  // chronicle/detection-rules (Apache-2.0) at 9b6d3cc44f37952b170d1a1768b8c4e2c084eea5 states where each rule fires:
  // rules/community/aws/cloudtrail/aws_backup_plan_deleted.yaral (T1490) `platform = "AWS"`,
  // microsoft/adfs/adfs_dkm_key_access.yaral `platform = "Windows"`, microsoft/entra_id/entra_id_application_creation.yaral
  // `platform = "azure"`, github/github_application_installed.yaral `platform = "GitHub"`; shapes written here.
  it('fires on the ATT&CK platforms its platform names, any case; on every platform when it names none', () => {
    const platforms = (platform: string) => {
      const outcome = parseRuleFile(yaral(['mitre_attack_url = "https://attack.mitre.org/techniques/T1490/"', 'severity = "Low"', `platform = "${platform}"`]), 'r.yaral');
      return 'rule' in outcome ? outcome.rule.platforms : outcome;
    };
    expect(platforms('AWS')).to.deep.equal(['AWS']);
    expect(platforms('Windows')).to.deep.equal(['Windows']);
    expect(platforms('azure')).to.deep.equal(['Azure']);
    expect(platforms('Windows, linux')).to.deep.equal(['Windows', 'Linux']);
    expect(platforms('GitHub')).to.equal(undefined);
  });

  // chronicle/detection-rules (Apache-2.0), soc_prime_rules/: Sigma rules SOC Prime translated keep the Sigma logsource in
  // meta: threat_hunting/linux/possible_bind_or_reverse_shell_via_netcat__auditbeat_for_linux.yaral (`product = "linux"`,
  // `service = "auditbeat"`, `mitre = "Command And Control, t1008, Execution, t1059, t1072"`),
  // ioc_sigma/windows/bitsadmin_download__sysmon.yaral (`product = "windows"`, `service = "sysmon"`, T1204, T1059). They
  // counted on every platform: the netcat rule covered T1059 on Windows. Shapes written here.
  it('fires where the Sigma logsource its meta keeps (product, service) fires, when it states no platform', () => {
    const platforms = (meta: string[]) => {
      const outcome = parseRuleFile(yaral(['mitre = "Command And Control, t1008, Execution, t1059, t1072"', ...meta]), 'r.yaral');
      return 'rule' in outcome ? outcome.rule.platforms : outcome;
    };
    expect(platforms(['product = "linux"', 'service = "auditbeat"'])).to.deep.equal(['Linux']);
    expect(platforms(['product = "windows"', 'service = "sysmon"'])).to.deep.equal(['Windows']);
    expect(platforms(['product = "azure"', 'service = "signinlogs"'])).to.deep.equal(['Identity Provider']);
    // A platform stated decides; a product Sigma's table does not know, or none (a proxy rule's service alone), says nothing.
    expect(platforms(['platform = "Windows"', 'product = "linux"'])).to.deep.equal(['Windows']);
    expect(platforms(['product = "acme_edr"'])).to.equal(undefined);
    expect(platforms(['service = "proxy"'])).to.equal(undefined);
  });

  // chronicle/detection-rules (Apache-2.0) at 95b8b8dca234297f8e8137a16150fd6b5209d3e0,
  // rules/community/microsoft/adfs/adfs_dkm_key_access.yaral: `tactic = "TA0006"` beside `technique = "T1552.004"`.
  it('reads the tactic of a community rule that writes tactic beside technique', () => {
    const outcome = parseRuleFile(yaral(['rule_name = "ADFS DKM Key Access"', 'type = "alert"', 'tactic = "TA0006"', 'technique = "T1552.004"', 'platform = "Windows"', 'severity = "High"']), 'r.yaral');
    expect('rule' in outcome && [outcome.rule.refs.map((ref) => ref.id), outcome.rule.tactics, outcome.rule.tags, outcome.rule.platforms]).to.deep.equal([
      ['T1552.004'],
      ['TA0006'],
      [{ raw: 'TA0006', line: 12 }],
      ['Windows'],
    ]);
  });

  describe('its tactics, checked against the release', () => {
    let index: AttackIndex;
    before(() => {
      index = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() }).release('enterprise-attack', '18.1');
    });

    it('resolves its technique by name when it gives no ID, and lists a tactic the release does not know', () => {
      const outcome = parseRuleFile(yaral(['mitre_attack_tactic = "Initial Access, Stealth"', 'mitre_attack_technique = "Valid Accounts"']), 'r.yaral');
      const rules = 'rule' in outcome ? [outcome.rule] : [];
      const resolved = resolveCoverage([{ kind: 'chronicle', source: 'r', files: 1, rules, ignored: [], problems: [], counts: { items: 1, rules: 1, ignored: 0, invalid: 0 } }], index);
      expect(resolved.rules[0]?.ids).to.deep.equal(['T1078']);
      expect(resolved.unresolved.map((u) => [u.raw, u.status])).to.deep.equal([['Stealth', 'unknown tactic']]);
    });

    it('counts an AWS rule for its technique on IaaS, not on Windows (aws_backup_plan_deleted: T1490, platform AWS)', () => {
      const outcome = parseRuleFile(yaral(['mitre_attack_url = "https://attack.mitre.org/techniques/T1490/"', 'platform = "AWS"', 'severity = "Low"']), 'r.yaral');
      const rules = 'rule' in outcome ? [outcome.rule] : [];
      const resolved = resolveCoverage([{ kind: 'chronicle', source: 'r', files: 1, rules, ignored: [], problems: [], counts: { items: 1, rules: 1, ignored: 0, invalid: 0 } }], index);
      expect(resolved.rules.map((rule) => [rule.ids, rule.platforms])).to.deep.equal([[['T1490'], ['IaaS']]]);
    });
  });
});
