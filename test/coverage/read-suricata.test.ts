import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { SURICATA_WEIGHTS } from '../../lib/coverage/read-suricata.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { freshTmpDir } from '../helpers/attack.js';
import { ruleItems } from '../helpers/rule-outcomes.js';

// Short reconstructions in our words of the shapes of Emerging Threats Open rules (rules.emergingthreats.net,
// `suricata.rules` as suricata-update writes it): a DNS rule mapped by metadata to a technique and its tactic (sid
// 2046444), the same rule commented out as a duplicate (2046582, `deprecation_reason Duplicate`), a JA3 "(set)" rule
// that only sets a flow bit (2028831, `flowbits:noalert`, mapped to T1001), a HUNTING rule of Critical severity (2030707),
// a rule without MITRE metadata (2012241); and of a team's local.rules naming sub-techniques in `mitre_subtechnique_id`
// beside the parent, `none` where there is none ("Suricata MITRE ATT&CK Rules — Generated from aler.sh").
const rules = [
  '# Emerging Threats',
  '#',
  'alert dns $HOME_NET any -> any any (msg:"ET MALWARE Spyware CnC Domain in DNS Lookup"; dns.query; content:"example.test"; sid:2046444; rev:1; metadata:created_at 2023_06_21, signature_severity Major, mitre_tactic_id TA0042, mitre_tactic_name Resource_Development, mitre_technique_id T1583, mitre_technique_name Acquire_Infrastructure;)',
  '# alert dns $HOME_NET any -> any any (msg:"ET MALWARE Spyware CnC Domain in DNS Lookup"; dns.query; content:"example.test"; sid:2046582; rev:2; metadata:deprecation_reason Duplicate, signature_severity Major, mitre_technique_id T1583;)',
  'alert tls $HOME_NET any -> $EXTERNAL_NET any (msg:"ET JA3 Hash - Suspected C2 Framework (set)"; ja3.hash; content:"00"; flowbits:set,ET.c2.ja3; flowbits:noalert; sid:2028831; rev:1; metadata:signature_severity Major, mitre_tactic_id TA0011, mitre_technique_id T1001;)',
  'alert http $HOME_NET any -> $EXTERNAL_NET any (msg:"ET HUNTING Form submitted to a form hosting site"; http.host; content:"forms.example"; sid:2030707; rev:2; metadata:former_category HUNTING, signature_severity Critical, mitre_tactic_id TA0001, mitre_technique_id T1566, mitre_technique_name Phishing;)',
  'alert tcp $EXTERNAL_NET any -> $HOME_NET any (msg:"ET WEB_CLIENT Encoded Iframe Tag"; content:"%69%66"; sid:2012241; rev:2; metadata:signature_severity Major;)',
  'alert tcp any any -> $HOME_NET any (msg:"MITRE T1595 Active Scanning"; flags:S; metadata:mitre_tactic_id TA0043, mitre_technique_id T1595, mitre_subtechnique_id none; sid:100001; rev:3;)',
  'alert http any any -> $HOME_NET any (msg:"MITRE T1595.002 Scanner \\"Nikto\\"\\; user agent"; \\',
  '  http.user_agent; content:"Nikto"; \\',
  '  metadata:mitre_technique_id T1595, mitre_subtechnique_id T1595.002; sid:100002; rev:2;)',
  'pass ip $HOME_NET any -> $HOME_NET any (msg:"Internal scanner allowed"; sid:100003; metadata:mitre_technique_id T1046;)',
  'drop tcp any any -> $HOME_NET 22 (msg:"SSH brute force"; sid:100004; metadata:signature_severity High, mitre_technique_id T1110.001, mitre_technique_id Brute_Force;)',
  'alert tcp any any -> any any (msg:"no sid"; metadata:mitre_technique_id T1190;)',
  '',
].join('\n');

describe('parseRuleFile (Suricata and Snort rules)', () => {
  const items = ruleItems(parseRuleFile(rules, 'local.rules'));
  const rule = (i: number) => (items[i] && 'rule' in items[i]! ? items[i].rule : undefined);

  it('reads each rule line as an item, commented out or not, a line ending in \\ going on on the next; other comments are no items', () => {
    expect(items).to.have.length(10);
  });

  it('covers the mitre_technique_id of its metadata, weighed by signature_severity, with its mitre_tactic_id tactics, named by msg', () => {
    const { kind, name, id, file, line, refs, level, levelReason, platforms, dataSources, tactics, tags } = rule(0)!;
    expect([kind, name, id, file, line, level, levelReason]).to.deep.equal(['suricata', 'ET MALWARE Spyware CnC Domain in DNS Lookup', '2046444', 'local.rules', 3, 0.9, 'suricata alert, signature_severity Major -> 0.9']);
    expect([refs, tactics, tags, platforms, dataSources]).to.deep.equal([[{ raw: 'T1583', line: 3, id: 'T1583' }], ['TA0042'], [{ raw: 'TA0042', line: 3 }], undefined, ['dns']]);
    expect([rule(3)?.refs.map((ref) => ref.id), rule(3)?.level]).to.deep.equal([['T1566'], 1]);
  });

  it('ignores a commented-out rule, one that raises no alert (flowbits:noalert, pass) and one without technique metadata, saying why', () => {
    expect([items[1], items[2], items[4], items[7]]).to.deep.equal([
      { ignored: { line: 4, name: 'ET MALWARE Spyware CnC Domain in DNS Lookup', reason: 'commented out (#): disabled, Suricata does not load it' } },
      { ignored: { line: 5, name: 'ET JA3 Hash - Suspected C2 Framework (set)', reason: 'flowbits:noalert: raises no alert, sets a flag for other rules' } },
      { ignored: { line: 7, name: 'ET WEB_CLIENT Encoded Iframe Tag', reason: 'no mitre_technique_id metadata' } },
      { ignored: { line: 12, name: 'Internal scanner allowed', reason: 'action pass: raises no alert' } },
    ]);
    const deprecated = ruleItems(parseRuleFile(rules.split('\n')[3]!.replace(/^# /, ''), 'x.rules'));
    expect(deprecated).to.deep.equal([{ ignored: { line: 1, name: 'ET MALWARE Spyware CnC Domain in DNS Lookup', reason: 'deprecated (metadata deprecation_reason Duplicate)' } }]);
  });

  it('reads mitre_subtechnique_id beside the parent as the sub-technique only, skips none, and a rule without signature_severity counts as medium', () => {
    expect([rule(5)?.refs.map((ref) => ref.id), rule(5)?.level, rule(5)?.levelReason]).to.deep.equal([['T1595'], 0.75, 'suricata alert, no signature_severity (counted as 0.75) -> 0.75']);
    expect([rule(6)?.name, rule(6)?.line, rule(6)?.refs.map((ref) => ref.id)]).to.deep.equal(['MITRE T1595.002 Scanner "Nikto"; user agent', 9, ['T1595.002']]);
  });

  it('notes an unknown severity and a technique value of no ID shape; a rule without a sid is invalid', () => {
    expect([rule(8)?.refs.map((ref) => ref.id), rule(8)?.level]).to.deep.equal([['T1110.001'], SURICATA_WEIGHTS.missing]);
    expect(items[8]?.notes).to.deep.equal([
      { line: 13, message: 'metadata mitre_technique_id "Brute_Force" is not a technique ID (T1234 or T1234.001); it is skipped' },
      { line: 13, message: `unknown signature_severity "High"; counted as a medium rule (0.75). Use one of Critical, Major, Minor, Informational` },
    ]);
    expect(items[9]).to.deep.equal({ invalid: { line: 14, message: 'a rule without a sid ("no sid"); Suricata refuses it, so it is skipped' } });
  });

  it('takes a folder with .rules files, leaving out other .rules files (auditd), and one .rules file given to --coverage', () => {
    const dir = freshTmpDir('suricata');
    writeFileSync(join(dir, 'local.rules'), rules);
    writeFileSync(join(dir, 'audit.rules'), '-w /etc/passwd -p wa -k identity\n-a always,exit -F arch=b64 -S execve\n');
    const folder = readRuleFolder(dir);
    expect([folder.kind, folder.files, folder.counts]).to.deep.equal(['suricata', 1, { items: 10, rules: 5, ignored: 4, invalid: 1 }]);
    const [one] = readCoverageInputs([join(dir, 'local.rules')]);
    expect([one?.kind, one?.counts.rules]).to.deep.equal(['suricata', 5]);
    expect(() => readCoverageInputs([join(dir, 'audit.rules')])).to.throw(/not a coverage input/);
  });
});
