import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { WAZUH_WEIGHTS } from '../../lib/coverage/read-wazuh.js';
import { freshTmpDir } from '../helpers/attack.js';
import { ruleItems } from '../helpers/rule-outcomes.js';

// The shape of wazuh/wazuh ruleset/rules/0305-dropbear_rules.xml: a comment, a group of rules, a grouping rule of
// level 0, a rule with a technique, one of level 0 with a technique (a successful login), one without.
const dropbear = `<!--
  -  Dropbear rules <rule id="1" level="9"> in a comment is no rule
-->
<group name="syslog,sshd,dropbear,">
  <rule id="51000" level="0" noalert="1">
    <decoded_as>dropbear</decoded_as>
    <description>Grouping for dropbear rules.</description>
  </rule>
  <rule id="51007" level="10" frequency="8" timeframe="120">
    <if_matched_sid>51003</if_matched_sid>
    <description>Dropbear: brute force </description>
    <description>attempt &amp; more.</description>
    <mitre>
      <id>T1110</id>
      <id>Brute Force</id>
    </mitre>
  </rule>
  <rule id="51009" level="0">
    <description>Dropbear: User successfully logged in using a password.</description>
    <mitre><id>T1078</id></mitre>
  </rule>
  <rule id="51006" level="2">
    <description>Dropbear: Client exited before authentication.</description>
    <info type="link">https://attack.mitre.org/techniques/T1046/</info>
  </rule>
</group>
<group name="local,">
  <rule id="100002" level="15"><description>Local: severe</description><mitre><id>T1078.003</id></mitre></rule>
  <rule id="100003" level="high"><description>Local: a level that is no number</description></rule>
  <rule id="100004" level="12"><description>Local: never closed</description>
  <rule id="100005" level="7"><description>Local: after it</description><mitre><id>T1059</id></mitre></rule>
</group>
`;

describe('parseRuleFile (Wazuh rules, .xml)', () => {
  const items = ruleItems(parseRuleFile(dropbear, 'local_rules.xml'));

  it('reads every <rule> of every group as an item, in the order of the file, and nothing in a comment', () => {
    expect(items.map((item) => ('rule' in item ? ['rule', item.rule.line] : 'ignored' in item ? ['ignored', item.ignored.line] : ['invalid', item.invalid.line]))).to.deep.equal([
      ['ignored', 5],
      ['rule', 9],
      ['ignored', 18],
      ['ignored', 22],
      ['rule', 28],
      ['invalid', 29],
      ['invalid', 30],
      ['rule', 31],
    ]);
  });

  it('covers the <mitre><id> techniques of a rule, weighed by its level, named by its descriptions; notes an id that is no technique', () => {
    expect(items[1]).to.deep.equal({
      rule: {
        kind: 'wazuh',
        name: 'Dropbear: brute force attempt & more.',
        id: '51007',
        file: 'local_rules.xml',
        line: 9,
        refs: [{ raw: 'T1110', line: 14, id: 'T1110' }],
        level: 0.75,
        levelReason: 'wazuh level 10 (may be of security relevance) -> 0.75',
      },
      notes: [{ line: 15, message: '"Brute Force" is not a technique ID (T1234 or T1234.001); it is skipped' }],
      wazuh: { id: '51007', overwrite: false, ifSid: ['51003'], groups: ['syslog', 'sshd', 'dropbear'] },
    });
    expect(items[4]).to.deep.include({ rule: { kind: 'wazuh', name: 'Local: severe', id: '100002', file: 'local_rules.xml', line: 28, refs: [{ raw: 'T1078.003', line: 28, id: 'T1078.003' }], level: 1, levelReason: 'wazuh level 15 (severe attack) -> 1' } });
  });

  it('ignores a rule of level 0 (no alert), even with a technique, and one without a technique, noting a technique page it links', () => {
    expect(items[0]).to.deep.equal({ ignored: { line: 5, name: 'Grouping for dropbear rules.', reason: 'level 0: Wazuh raises no alert for it' }, wazuh: { id: '51000', overwrite: false, groups: ['syslog', 'sshd', 'dropbear'] } });
    expect(items[2]).to.deep.equal({
      ignored: { line: 18, name: 'Dropbear: User successfully logged in using a password.', reason: 'level 0: Wazuh raises no alert for it' },
      wazuh: { id: '51009', overwrite: false, groups: ['syslog', 'sshd', 'dropbear'] },
    });
    expect('ignored' in items[3]! && items[3].ignored.reason).to.equal('no ATT&CK technique (its references link to T1046)');
    expect(items[3]?.notes?.[0]?.message).to.contain('add <mitre><id>T1046</id></mitre> to it');
  });

  it('reports a rule whose level is no number and a rule not closed, with their lines, and reads the rule after it', () => {
    expect(items[5]).to.deep.equal({ invalid: { line: 29, message: 'rule 100003 has level "high", not a number: Wazuh refuses it; it is skipped' } });
    expect(items[6]).to.deep.equal({ invalid: { line: 30, message: 'a <rule> element that is not closed before the next rule or the end of the file; it is skipped' } });
    expect('rule' in items[7]! && items[7].rule.refs.map((ref) => ref.id)).to.deep.equal(['T1059']);
  });

  // Wazuh's own Windows rules say so in their group (ruleset/rules/0435-ms_logs_rules.xml: `windows,windows_logs,`;
  // 0580-win-security_rules.xml, 0595-win-sysmon_rules.xml: `windows,…`), its Linux audit rules by their decoder and
  // fields (0365-auditd_rules.xml: decoded_as auditd, audit.type); a team's local rule by the Windows event channel's
  // win.* fields. Before, every Wazuh rule counted on every platform: a Linux threat's T1070 was covered 50 % by
  // 0435's Windows log clearing rules.
  it('reads the platform a rule says its events come from (its groups, decoder, category or fields), else none', () => {
    const platformOf = (text: string) => ruleItems(parseRuleFile(text, 'r.xml')).map((item) => ('rule' in item ? (item.rule.platforms ?? 'any') : 'not a rule'));
    const rule = (body: string) => `  <rule id="9" level="5">\n    <description>d</description>\n${body}    <mitre><id>T1070</id></mitre>\n  </rule>\n`;
    const group = (name: string, ...rules: string[]) => `<group name="${name}">\n${rules.join('')}</group>\n`;
    expect(platformOf(group('windows,windows_logs,', rule('    <if_sid>18101</if_sid>\n')))).to.deep.equal([['Windows']]);
    expect(platformOf(group('local,', rule('    <group>macOS,usb-detect,</group>\n'), rule('    <if_group>windows</if_group>\n')))).to.deep.equal([['macOS'], ['Windows']]);
    expect(platformOf(group('sysmon,attack,', rule('    <if_group>sysmon</if_group>\n    <field name="win.eventdata.targetImage" type="pcre2">(?i)lsass\\.exe</field>\n')))).to.deep.equal([['Windows']]);
    expect(platformOf(group('sysmon,linux,', rule('    <decoded_as>sysmon-event1</decoded_as>\n')))).to.deep.equal([['Linux']]);
    expect(platformOf(group('audit,', rule('    <decoded_as>auditd</decoded_as>\n'), rule('    <if_sid>80700</if_sid>\n    <field name="audit.type">ANOM_ABEND</field>\n')))).to.deep.equal([['Linux'], ['Linux']]);
    expect(platformOf(group('local,systemd,', rule('')))).to.deep.equal([['Linux']]);
    expect(platformOf(group('windows,', rule('    <category>windows</category>\n')))).to.deep.equal([['Windows']]);
    // Groups naming two systems: the rule fires on both.
    expect(platformOf(group('windows,linux,', rule('')))).to.deep.equal([['Windows', 'Linux']]);
    // sshd and syslog run on many systems, a kernel's messages come from several, and a group name is no substring match.
    expect(platformOf(group('syslog,sshd,dropbear,', rule('    <decoded_as>kernel</decoded_as>\n'), rule('    <group>windows_like,linuxbox,</group>\n')))).to.deep.equal(['any', 'any']);
  });

  it('reports a rule whose overwrite is neither yes nor no (Wazuh refuses it), and reads the rules beside it', () => {
    const text = `<group name="local,">
  <rule id="5710" level="10" overwrite="true">
    <description>sshd: attempt to login using a non-existent user</description>
    <mitre><id>T1110</id></mitre>
  </rule>
  <rule id="5712" level="10" overwrite="no">
    <description>sshd: brute force</description>
    <mitre><id>T1110</id></mitre>
  </rule>
</group>
`;
    const [bad, good] = ruleItems(parseRuleFile(text, 'local_rules.xml'));
    expect(bad).to.deep.equal({
      invalid: {
        line: 2,
        message:
          'rule 5710 has overwrite="true": Wazuh takes only "yes" or "no" and refuses the rule ("Invalid overwrite"); it is skipped. ' +
          'Write overwrite="yes" to replace the rule of that id, or leave the attribute out',
      },
    });
    expect(good && 'rule' in good && good.wazuh).to.deep.equal({ id: '5712', overwrite: false, groups: ['local'] });
  });

  // Wazuh's classification of rule levels, on Sigma's scale.
  const levels: [number, number][] = [
    [1, 0.25],
    [2, 0.25],
    [3, 0.5],
    [6, 0.5],
    [7, 0.75],
    [11, 0.75],
    [12, 0.9],
    [14, 0.9],
    [15, 1],
    [16, 1],
  ];
  for (const [level, weight] of levels) {
    it(`weighs a rule of level ${level} ${weight}`, () => {
      const one = parseRuleFile(`<group name="x,"><rule id="9" level="${level}"><description>d</description><mitre><id>T1110</id></mitre></rule></group>`, 'r.xml');
      const item = ruleItems(one)[0];
      expect(item && 'rule' in item ? item.rule.level : undefined).to.equal(weight);
      expect(WAZUH_WEIGHTS.find((band) => level >= band.from)?.weight).to.equal(weight);
    });
  }
});

describe('readRuleFolder and --coverage (Wazuh rule files)', () => {
  it('reads the .xml files that hold Wazuh rules, counting each rule as an item, and no other XML file', () => {
    const dir = freshTmpDir('wazuh-rules');
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'local_rules.xml'), dropbear);
    writeFileSync(join(dir, 'pom.xml'), '<project><modelVersion>4.0.0</modelVersion></project>\n');
    writeFileSync(join(dir, 'sysmonconfig.xml'), '<Sysmon schemaversion="4.50"><EventFiltering><RuleGroup name="" groupRelation="or"></RuleGroup></EventFiltering></Sysmon>\n');
    const input = readRuleFolder(dir);
    expect(input.kind).to.equal('wazuh');
    expect(input.files).to.equal(1);
    expect(input.counts).to.deep.equal({ items: 8, rules: 3, ignored: 3, invalid: 2 });
    // The same from the cache: a file of several rules keeps them all.
    const cacheDir = freshTmpDir('wazuh-cache');
    expect(readRuleFolder(dir, { cacheDir })).to.deep.equal(input);
    expect(readRuleFolder(dir, { cacheDir })).to.deep.equal(input);
  });

  it('counts one definition of a rule id: the one written with overwrite="yes", else the last, ignoring the others saying why', () => {
    // The shape of the change Wazuh's documentation describes: ruleset/rules/0095-sshd_rules.xml's rule 5710 copied into
    // etc/rules/local_rules.xml with another level and overwrite="yes". etc/ is walked before ruleset/ here; Wazuh loads
    // the overwriting rule after the one it replaces.
    const dir = freshTmpDir('wazuh-overwrite');
    const rule = (id: string, level: number, technique: string, attributes = '') =>
      `  <rule id="${id}" level="${level}"${attributes}>\n    <description>sshd: rule ${id} level ${level}</description>\n    <mitre><id>${technique}</id></mitre>\n  </rule>`;
    const files: Readonly<Record<string, string[]>> = {
      'etc/rules/local_rules.xml': [rule('5710', 10, 'T1110', ' overwrite="yes"'), rule('5712', 0, 'T1110', ' overwrite="yes"'), rule('100001', 5, 'T1059')],
      'etc/rules/more_rules.xml': [rule('100001', 7, 'T1059.004')],
      'ruleset/rules/0095-sshd_rules.xml': [rule('5710', 5, 'T1110'), rule('5711', 3, 'T1110'), rule('5712', 10, 'T1110')],
    };
    for (const [name, rules] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), `<group name="sshd,">\n${rules.join('\n')}\n</group>\n`);
    }
    const local = join(dir, 'etc/rules/local_rules.xml');
    const sshd = join(dir, 'ruleset/rules/0095-sshd_rules.xml');
    const input = readRuleFolder(dir);
    expect(input.counts).to.deep.equal({ items: 7, rules: 3, ignored: 4, invalid: 0 });
    expect(input.rules.map((r) => [r.file.slice(dir.length + 1), r.id, r.level])).to.deep.equal([
      ['etc/rules/local_rules.xml', '5710', 0.75],
      ['etc/rules/more_rules.xml', '100001', 0.75],
      ['ruleset/rules/0095-sshd_rules.xml', '5711', 0.5],
    ]);
    const replaced = (id: string, line: number) => `replaced by rule ${id} at ${local}:${line}, written with overwrite="yes", which Wazuh loads in its place`;
    expect(input.ignored.map((i) => [i.file, i.line, i.reason])).to.deep.equal([
      [local, 6, 'level 0: Wazuh raises no alert for it'],
      [local, 10, `rule 100001 is defined again at ${join(dir, 'etc/rules/more_rules.xml')}:2 without overwrite="yes", which Wazuh refuses ("Duplicate rule ID"); the last definition is counted`],
      [sshd, 2, replaced('5710', 2)],
      [sshd, 10, replaced('5712', 6)],
    ]);
  });

  // wazuh/wazuh ruleset/rules/0330-sysmon_rules.xml: rule 184665 (group sysmon_event1) follows if_sid 18100, which
  // 0220-msauth_rules.xml defines with OSSEC's windows category; the T1055 rules 184666… follow if_group
  // sysmon_event1 and say nothing of Windows themselves. Before, they counted on every platform: a Linux threat's T1055
  // was covered 90 % by them.
  it('gives a rule that says no platform those of the rules it follows (if_sid, if_group), across the files of a folder', () => {
    const dir = freshTmpDir('wazuh-inherit');
    const rule = (id: string, level: number, body: string) => `  <rule id="${id}" level="${level}">\n${body}    <description>rule ${id}</description>\n  </rule>\n`;
    const mitre = '    <mitre><id>T1055</id></mitre>\n';
    writeFileSync(
      join(dir, '0220-msauth_rules.xml'),
      `<group name="windows,">\n${rule('18100', 0, '    <category>windows</category>\n')}${rule('18101', 0, '    <if_sid>18100</if_sid>\n')}</group>\n`,
    );
    writeFileSync(
      join(dir, '0330-sysmon_rules.xml'),
      `<group name="sysmon,">\n${rule('184665', 0, '    <if_sid>18100</if_sid>\n    <group>sysmon_event1,</group>\n')}</group>\n` +
        `<group name="sysmon,sysmon_process-anomalies,">\n${rule('184666', 12, `    <if_group>sysmon_event1</if_group>\n${mitre}`)}${rule('184670', 5, `    <if_sid>18101, 184666</if_sid>\n${mitre}`)}</group>\n`,
    );
    writeFileSync(
      join(dir, 'local_rules.xml'),
      `<group name="local,">\n${rule('100001', 0, '    <decoded_as>json</decoded_as>\n')}${rule('100002', 7, `    <if_sid>100001</if_sid>\n${mitre}`)}` +
        `${rule('100003', 7, `    <if_sid>18101, 100001</if_sid>\n${mitre}`)}${rule('100004', 7, `    <if_sid>5716</if_sid>\n${mitre}`)}` +
        `${rule('100005', 7, `    <if_sid>100006</if_sid>\n${mitre}`)}${rule('100006', 7, `    <if_sid>100005</if_sid>\n${mitre}`)}` +
        `${rule('100007', 7, `    <if_group>no_such_group</if_group>\n${mitre}`)}${rule('100008', 7, `    <if_sid>18101</if_sid>\n    <group>linux,</group>\n${mitre}`)}</group>\n`,
    );
    const platforms = (input: ReturnType<typeof readRuleFolder>) => input.rules.map((r) => [r.id, r.platforms ?? 'any']);
    const expected = [
      ['184666', ['Windows']],
      ['184670', ['Windows']],
      // Following a rule that counts everywhere (a JSON decoder), a rule not in the folder, a loop, a group no rule is in.
      ['100002', 'any'],
      ['100003', 'any'],
      ['100004', 'any'],
      ['100005', 'any'],
      ['100006', 'any'],
      ['100007', 'any'],
      // A rule's own platform is its own.
      ['100008', ['Linux']],
    ];
    const input = readRuleFolder(dir);
    expect(platforms(input).sort()).to.deep.equal(expected.sort());
    const cacheDir = freshTmpDir('wazuh-inherit-cache');
    readRuleFolder(dir, { cacheDir });
    expect(readRuleFolder(dir, { cacheDir })).to.deep.equal(input);
  });

  it('takes one Wazuh rule file given to --coverage, as a folder of that file', () => {
    const dir = freshTmpDir('wazuh-one');
    const file = join(dir, 'local_rules.xml');
    writeFileSync(file, dropbear);
    const [input] = readCoverageInputs([file]);
    expect(input?.kind).to.equal('wazuh');
    expect(input?.counts.rules).to.equal(3);
  });
});
