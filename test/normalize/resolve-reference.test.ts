import { expect } from 'chai';
import { nameKnownAtHand, resolveReference, resolveReferenceWarnings, type ResolveContext } from '../../lib/normalize/resolve-reference.js';
import { readTactic } from '../../lib/normalize/read-tactic.js';
import type { ReferenceStatus } from '../../lib/normalize/normalize-types.js';
import { loadRelease } from '../helpers/attack.js';
import { otherDomainLookupIn, otherDomainNamesIn } from '../../lib/attack/other-domains.js';

describe('resolveReference (ATT&CK enterprise 18.1)', () => {
  let context: ResolveContext;
  before(() => {
    const target = loadRelease('18.1');
    context = { target, history: () => [loadRelease('6.3')] };
  });

  const rows: ReadonlyArray<readonly [raw: string, tactics: string[], status: ReferenceStatus, ids: string[]]> = [
    ['Spearphishing Attachment (T1193)', [], 'revoked', ['T1566.001']],
    ['T1192', [], 'revoked', ['T1566.002']],
    ['Regsvr32 (T1117)', ['Execution', 'Defense Evasion'], 'revoked', ['T1218.010']],
    ['T1204', [], 'current', ['T1204']],
    ['T1032', [], 'revoked', ['T1573']],
    ['T1094', [], 'revoked', ['T1095']],
    ['t1566/001', [], 'current', ['T1566.001']],
    ['T1566-001', [], 'current', ['T1566.001']],
    ['Ｔ１１９３', [], 'revoked', ['T1566.001']],
    ['T1193 - Spearphishing Attachment', [], 'revoked', ['T1566.001']],
    ['T1193: Spearphishing Attachment', [], 'revoked', ['T1566.001']],
    ['スピアフィッシングの添付ファイル（T1193）', [], 'revoked', ['T1566.001']],
    ['Spearphishing\nAttachment (T1193)', [], 'revoked', ['T1566.001']],
    ['Windows Admin Shares (T1077)', [], 'revoked', ['T1021.002']],
    ['T1064', [], 'deprecated', []],
    ['Scripting (T1064)', [], 'deprecated', []],
    ['Spearphising Link', ['Initial Access'], 'fuzzy', ['T1566.002']],
    ['Spearphishing Link', [], 'ambiguous', []],
    ['Spearphishing Link', ['Reconnaissance'], 'name', ['T1598.003']],
    ['Spearphishing Link', ['initial-access'], 'name', ['T1566.002']],
    ['T1077: Network Share Discovery', [], 'ambiguous', []],
    ['T1685', [], 'unknown', []],
    ['Command-Line Interface (T1059)', [], 'renamed', ['T1059']],
    // A hyphen between words is a space, both ways: 6.3 wrote "Man in the Browser" and "Command-Line Interface".
    ['Man-in-the-Browser (T1185)', [], 'renamed', ['T1185']],
    ['Command Line Interface (T1059)', [], 'renamed', ['T1059']],
    ['PowerShell', [], 'name', ['T1059.001']],
    ['Command and Scripting Interpreter: PowerShell', [], 'name', ['T1059.001']],
    ['PowerShell (T1086)', [], 'revoked', ['T1059.001']],
    ['Frobnicate the Flux Capacitor', [], 'unknown', []],
    ['T1059.001, T1059.003', [], 'current', ['T1059.001', 'T1059.003']],
  ];
  for (const [raw, tactics, status, ids] of rows) {
    it(`resolves ${JSON.stringify(raw)}${tactics.length ? ` under ${tactics.join(', ')}` : ''} as ${status} ${ids.join(', ') || '(none)'}`, () => {
      const result = resolveReference({ raw, tactics }, context);
      expect(result.status, result.note).to.equal(status);
      expect(result.ids).to.deep.equal(ids);
      expect(result.note).to.be.a('string').and.not.equal('');
    });
  }

  it('warns that Execution no longer applies to T1117 -> T1218.010 and keeps Defense Evasion', () => {
    const result = resolveReference({ raw: 'Regsvr32 (T1117)', tactics: ['Execution', 'Defense Evasion'] }, context);
    expect(result.placed).to.deep.equal({ 'T1218.010': ['defense-evasion'] });
    expect(result.warnings.join(' ')).to.match(/Execution no longer applies/);
    expect(result.note).to.match(/T1117 Regsvr32 was revoked by T1218\.010/);
  });

  // Technique tables that tools keep write a technique's tactics in one cell, joined by a slash, "and" or "&" (find_string
  // ids 54628170078 and 54943296213: "Defense Evasion/Persistence" on T1197 and T1078; 13323953424: "Persistence and
  // Privilege Escalation"); a campaign copied from one holds them in one string.
  it('reads a tactic written as a list in one string as its tactics, saying so, and keeps Command and Control one tactic', () => {
    const listed = resolveReference({ raw: 'Registry Run Keys (T1547.001)', tactics: ['Persistence and Privilege Escalation'] }, context);
    expect(listed.tactics.read).to.deep.equal(['persistence', 'privilege-escalation']);
    expect(listed.placed).to.deep.equal({ 'T1547.001': ['persistence', 'privilege-escalation'] });
    expect(listed.warnings).to.deep.equal([
      'tactic "Persistence and Privilege Escalation" is a list of tactics in one string; read as "Persistence", "Privilege Escalation" (write tactic: [Persistence, Privilege Escalation])',
    ]);
    const slashed = resolveReference({ raw: 'T1078', tactics: ['Defense Evasion/Persistence'] }, context);
    expect(slashed.placed).to.deep.equal({ T1078: ['persistence', 'defense-evasion'] });
    const mixed = resolveReference({ raw: 'T1048', tactics: ['Exfiltration & Command and Control'] }, context);
    expect(mixed.tactics.read).to.deep.equal(['command-and-control', 'exfiltration']);
    expect(mixed.tactics.unreadable).to.deep.equal([]);
    // One tactic whose name holds "and", and text whose parts are not all tactics, are not split.
    const c2 = resolveReference({ raw: 'T1071.001', tactics: ['Command and Control'] }, context);
    expect([c2.tactics.read, c2.warnings]).to.deep.equal([['command-and-control'], []]);
    const foo = resolveReference({ raw: 'T1036', tactics: ['Persistence and Foo'] }, context);
    expect([foo.tactics.read, foo.tactics.unreadable]).to.deep.equal([[], ['Persistence and Foo']]);
    // As a layer's such tactic is removed (repairLayer), it is ignored, the part that is a tactic named.
    expect(foo.warnings).to.deep.equal([
      'tactic "Persistence and Foo" is not a tactic of ATT&CK enterprise-attack 18.1, nor a list of them: only a part of it is one (Persistence); it was ignored (write a name like Defense Evasion, a shortname or a TA ID)',
    ]);
  });

  it("names one of the release's own tactics in the advice for a tactic it has not (Impact in ICS, which has no Defense Evasion)", () => {
    // A rail threat assessment's ATT&CK for ICS table (code index file 1168741397) puts T0882 under `| Exfiltration |`,
    // a tactic ICS has not; the advice said to "write a name like Defense Evasion", which ICS has not either.
    const ics = resolveReference({ raw: 'T0882', tactics: ['Exfiltration'] }, { target: loadRelease('18.1', 'ics-attack') });
    expect(ics.warnings).to.deep.equal(['tactic "Exfiltration" is not a tactic of ATT&CK ics-attack 18.1; it was ignored (write a name like Impact, a shortname or a TA ID)']);
  });

  it('places a technique under Stealth (ATT&CK 19) under Defense Evasion when 18.1 has it there, as upgrade does; else ignores the tactic, saying whose it is', () => {
    // A French incident write-up's ATT&CK 19 table (find_string "Defense Evasion »"; no licence stated, rows reconstructed):
    // `| Furtivité (Stealth) | T1027 Charge encodée (base64) |`, and T1078, also under Persistence and Initial Access.
    const obfuscated = resolveReference({ raw: 'T1027', tactics: ['Stealth'] }, context);
    const said = 'tactic "Stealth" is a tactic of ATT&CK 19, which split it off Defense Evasion; T1027 Obfuscated Files or Information is under Defense Evasion in ATT&CK enterprise-attack 18.1: placed there';
    expect([obfuscated.tactics.read, obfuscated.tactics.unreadable, obfuscated.placed, obfuscated.warnings]).to.deep.equal([['defense-evasion'], [], { T1027: ['defense-evasion'] }, [said]]);
    expect(resolveReference({ raw: 'T1078', tactics: ['Stealth', 'Persistence'] }, context).placed).to.deep.equal({ T1078: ['persistence', 'defense-evasion'] });
    // T1059.007 is Execution only in 18.1: Stealth is no tactic of it there, and nothing is placed by it.
    const script = resolveReference({ raw: 'T1059.007', tactics: ['Stealth'] }, context);
    expect([script.tactics.read, script.tactics.unreadable, script.warnings]).to.deep.equal([
      [],
      ['Stealth'],
      ['tactic "Stealth" is a tactic of ATT&CK 19, which split it off Defense Evasion, not of ATT&CK enterprise-attack 18.1; it was ignored (get ATT&CK 19 with `attack-layers data fetch` and read the report with it)'],
    ]);
  });

  it('says "no longer applies" of a tactic an older release gave the technique (T1105 under Lateral Movement, as in 6.3)', () => {
    const result = resolveReference({ raw: 'T1105', tactics: ['Lateral Movement'] }, context);
    expect(result.warnings).to.deep.equal(['Lateral Movement no longer applies: T1105 Ingress Tool Transfer is Command and Control only in ATT&CK 18.1']);
    // T1218.010 written by itself: T1117 Regsvr32, revoked into it, was under Execution.
    const regsvr32 = resolveReference({ raw: 'T1218.010', tactics: ['Execution'] }, { target: context.target });
    expect(regsvr32.warnings).to.deep.equal(['Execution no longer applies: T1218.010 Regsvr32 is Defense Evasion only in ATT&CK 18.1']);
  });

  it('says a tactic the technique never had is not a tactic of it, not that it no longer applies (T1083 under Reconnaissance)', () => {
    // A Korean table row (`| 정찰 | T1083 | 파일 및 디렉터리 탐색 |`): the writer's slip, not a change in ATT&CK.
    const result = resolveReference({ raw: 'T1083', tactics: ['Reconnaissance', 'Lateral Movement', 'Discovery'] }, context);
    expect(result.placed).to.deep.equal({ T1083: ['discovery'] });
    expect(result.warnings).to.deep.equal([
      'Reconnaissance, Lateral Movement are not tactics of T1083 File and Directory Discovery: it is Discovery only in ATT&CK 18.1',
    ]);
  });

  it('names both candidates when the ID and the name disagree (T1077: Network Share Discovery)', () => {
    const result = resolveReference({ raw: 'T1077: Network Share Discovery' }, context);
    expect(result.candidates.map((c) => c.id).sort()).to.deep.equal(['T1021.002', 'T1135']);
    expect(result.note).to.match(/disagree/);
  });

  it('reads one word that is the bare name of a sub-technique of another technique as the tool or protocol used (SSH (T1048.002))', () => {
    const ssh = resolveReference({ raw: 'SSH (T1048.002)' }, context);
    expect([ssh.status, ssh.ids]).to.deep.equal(['current', ['T1048.002']]);
    expect(ssh.note).to.match(/"SSH" is also the name of T1021\.004 .*T1048\.002 kept as written/);
    const tool = resolveReference({ raw: 'PowerShell (T1105)' }, context);
    expect([tool.status, tool.ids]).to.deep.equal(['current', ['T1105']]);
    // A sibling's name, and a name of several words, still disagree with the ID.
    const sibling = resolveReference({ raw: 'PowerShell (T1059.003)' }, context);
    expect(sibling.status).to.equal('ambiguous');
    expect(sibling.candidates.map((c) => c.id).sort()).to.deep.equal(['T1059.001', 'T1059.003']);
    expect(resolveReference({ raw: 'Process Injection (T1003)' }, context).status).to.equal('ambiguous');
  });

  // A real audit report's ATT&CK map: `| **Discovery** | T1590.005 (Wordlist Scanning via key enum), … |` passed silently,
  // T1590.005 being IP Addresses; `Wordlist Scanning: key enum` already disagreed.
  it('checks a technique\'s name before the writer\'s own words after `via`, `using`, `with`, `through` or a dash', () => {
    const read = (raw: string) => {
      const result = resolveReference({ raw }, context);
      return [result.status, result.ids, result.candidates.map((c) => c.id), result.warnings];
    };
    expect(read('T1590.005 (Wordlist Scanning via key enum)')).to.deep.equal([
      'ambiguous',
      [],
      ['T1590.005', 'T1595.003'],
      ['T1590.005 and "Wordlist Scanning via key enum" disagree: T1590.005 is IP Addresses, while "Wordlist Scanning" is T1595.003 Active Scanning: Wordlist Scanning; write the one you mean'],
    ]);
    expect(read('Phishing - a lure (T1003)').slice(0, 3)).to.deep.equal(['ambiguous', [], ['T1003', 'T1566']]);
    // The ID's own name, its parent's or its sub-technique's agrees; a name that holds the word is whole (`Spearphishing
    // via Service`); a tool's word before them is read as the tool used, as alone.
    expect(read('T1190 (Exploit Public-Facing Application via SQLi)')).to.deep.equal(['current', ['T1190'], [], []]);
    expect(read('Process Injection using hollowing (T1055.012)')).to.deep.equal(['current', ['T1055.012'], [], []]);
    expect(read('Spearphishing via Service (T1566.003)')).to.deep.equal(['current', ['T1566.003'], [], []]);
    const tool = resolveReference({ raw: 'PowerShell via a download cradle (T1105)' }, context);
    expect([tool.status, tool.ids, tool.warnings]).to.deep.equal(['current', ['T1105'], []]);
    expect(tool.note).to.match(/"PowerShell" is also the name of T1059\.001 .*T1105 kept as written/);
  });

  // crocodyli's 8Base TTP mapping (8base/8Base-TTP.md): `| Exfiltration | Exfiltration Over Other Network Mediums / RClone &
  // Cloud (T1567) | … |` passed silently, T1011's name pluralised, then the writer's words after a slash. In our own words.
  it('checks a misspelling of another technique\'s name before the writer\'s own words, a slash among their marks, as its exact name', () => {
    const read = (raw: string) => {
      const result = resolveReference({ raw }, context);
      return [result.status, result.candidates.map((c) => c.id), result.warnings];
    };
    expect(read('Exfiltration Over Other Network Mediums / a sync tool (T1567)')).to.deep.equal([
      'ambiguous',
      ['T1567', 'T1011'],
      ['T1567 and "Exfiltration Over Other Network Mediums / a sync tool" disagree: T1567 is Exfiltration Over Web Service, while "Exfiltration Over Other Network Mediums" is T1011 Exfiltration Over Other Network Medium; write the one you mean'],
    ]);
    expect(read('Exfiltration Over Other Network Medium / a sync tool (T1567)').slice(0, 2)).to.deep.equal(['ambiguous', ['T1567', 'T1011']]);
    expect(read('Exfiltration Over Other Network Mediums via a sync tool (T1567)').slice(0, 2)).to.deep.equal(['ambiguous', ['T1567', 'T1011']]);
    // The ID's own name misspelt agrees; a slash before a technique's name, or before words holding the ID's technique's
    // name, joins two names (`Phishing / Web Portal CaptureClicked Link` beside T1566 and T1056.003, a scraped table).
    expect(read('Remote Service - RDP (T1021.001)')).to.deep.equal(['current', [], []]);
    expect(read('PowerShell / Windows Command Shell (T1059.003)')).to.deep.equal(['current', [], []]);
    expect(read('Phishing / Web Portal CaptureClicked Link (T1056.003)')).to.deep.equal(['current', [], []]);
  });

  it('pairs the parts of a name parted by slashes with the IDs written for it, in order, where each part fits its own ID', () => {
    // crocodyli/ThreatActors-TTPs Akira's TTP table (MIT licence): `| **Lateral Movement** | Remote Services: RDP / SSH
    // (T1021.001 / T1021.004) | … |` was warned of twice, "RDP / SSH" being neither sub-technique's name whole.
    const read = (raw: string) => {
      const result = resolveReference({ raw }, context);
      return [result.status, result.ids, result.warnings.map((warning) => warning.replace(/ in the name .*/, ''))];
    };
    expect(read('Remote Services: RDP / SSH (T1021.001 / T1021.004)')).to.deep.equal(['current', ['T1021.001', 'T1021.004'], []]);
    // `Remote Services: WMI` is no name of T1047 Windows Management Instrumentation: the parent's name goes with each part.
    expect(read('Remote Services: SMB/WMI (T1021.002, T1047)')[2]).to.not.be.empty;
    // Each part must be its own ID's: in another order, or as many parts as IDs but one of them no name of its ID, the
    // warnings stay (8Base's `Web Service / Cloud Tunnel (T1071.004 / T1219)`: "Web Service" is T1102's name).
    expect(read('Remote Services: SSH / RDP (T1021.001 / T1021.004)')).to.deep.equal(['current', ['T1021.001', 'T1021.004'], ['"SSH / RDP"', '"SSH / RDP"']]);
    expect(read('Remote Services: RDP / SSH / VNC (T1021.001 / T1021.004)')[2]).to.have.length(2);
    expect(read('Web Service / Cloud Tunnel (T1071.004 / T1219)')[0]).to.equal('ambiguous');
  });

  it("catches a sibling's name beside a sub-technique ID even when several techniques share the name (T1566.002 Spearphishing Attachment)", () => {
    // "Spearphishing Attachment" is T1566.001 and T1598.002: shared, but a name all the same.
    const swapped = resolveReference({ raw: 'Spearphishing Attachment (T1566.002)' }, context);
    expect(swapped.status).to.equal('ambiguous');
    expect(swapped.candidates.map((c) => c.id)).to.deep.equal(['T1566.002', 'T1566.001']);
    expect(swapped.note).to.equal(
      'T1566.002 and "Spearphishing Attachment" disagree: T1566.002 is Spearphishing Link, while "Spearphishing Attachment" is ' +
        'T1566.001 Phishing: Spearphishing Attachment; write the one you mean',
    );
    expect(resolveReference({ raw: 'T1566.001 Spearphishing Link' }, context).status).to.equal('ambiguous');
    // Through a revocation: T1192 is Spearphishing Link, now T1566.002.
    expect(resolveReference({ raw: 'Spearphishing Attachment (T1192)' }, context).candidates.map((c) => c.id)).to.deep.equal(['T1566.002', 'T1566.001']);
    // No family member holds the name: every technique that has it is named.
    const outside = resolveReference({ raw: 'Spearphishing Attachment (T1204.002)' }, context);
    expect(outside.candidates.map((c) => c.id)).to.deep.equal(['T1204.002', 'T1566.001', 'T1598.002']);
    // The ID's family chooses among the techniques that share the name: the parent with a sub-technique's name agrees.
    for (const [raw, id, closer] of [['Spearphishing Attachment (T1566)', 'T1566', 'T1566.001'], ['Spearphishing Attachment (T1598)', 'T1598', 'T1598.002']] as const) {
      const parent = resolveReference({ raw }, context);
      expect([parent.status, parent.ids]).to.deep.equal(['current', [id]]);
      expect(parent.note).to.contain(`is closer to ${closer} `);
    }
    // And the name itself beside its own ID agrees, as before.
    expect(resolveReference({ raw: 'Spearphishing Link (T1566.002)' }, context).status).to.equal('current');
  });

  it('reads lower-case words beside an ID that name another technique as a description: the ID stands, with a warning', () => {
    // "malicious links [T1566.002]" (a Conti write-up): T1204.001 is User Execution: Malicious Link.
    const prose = resolveReference({ raw: 'malicious links [T1566.002]' }, context);
    expect([prose.status, prose.ids]).to.deep.equal(['current', ['T1566.002']]);
    expect(prose.warnings).to.deep.equal([
      'the words "malicious links" beside T1566.002 are the name of T1204.001 User Execution: Malicious Link; read as a description, T1566.002 kept as written: check that it is the technique meant',
    ]);
    // Written as a name (Title Case), the same words disagree with the ID; so does another technique's exact name in
    // lower case (a hand-written campaign means it).
    expect(resolveReference({ raw: 'Malicious Link (T1566.002)' }, context).status).to.equal('ambiguous');
    expect(resolveReference({ raw: 'process injection (T1003)' }, context).status).to.equal('ambiguous');
    expect(resolveReference({ raw: 'spearphishing attachment (T1566.002)' }, context).status).to.equal('ambiguous');
  });

  it('reads lower-case words that are only another family\'s sub-technique name as a description (AA23-341A: email account [T1078])', () => {
    // The NCSC's Star Blizzard advisory (AA23-341A): "to log in to a target's email account [T1078]". `Email Account` is
    // T1087.003's own name, without its parent's: the sentence's object, not a second technique. Before, T1078 was
    // ambiguous ("write the one you mean").
    const prose = resolveReference({ raw: 'email account [T1078]' }, context);
    expect([prose.status, prose.ids]).to.deep.equal(['current', ['T1078']]);
    expect(prose.warnings).to.deep.equal([
      'the words "email account" beside T1078 are the name of T1087.003 Account Discovery: Email Account; read as a description, T1078 kept as written: check that it is the technique meant',
    ]);
    // Written as a name, or as the whole name with its parent's, it still disagrees.
    expect(resolveReference({ raw: 'Email Account (T1078)' }, context).status).to.equal('ambiguous');
    expect(resolveReference({ raw: 'account discovery: email account (T1078)' }, context).status).to.equal('ambiguous');
  });

  it('warns when words that name no technique hold a sibling sub-technique\'s name (reports5 09: T1071-001: DNS Tunneling Data Exfil)', () => {
    const dns = resolveReference({ raw: 'T1071-001: DNS Tunneling Data Exfil' }, context);
    expect([dns.status, dns.ids]).to.deep.equal(['current', ['T1071.001']]);
    expect(dns.warnings).to.deep.equal([
      '"DNS Tunneling Data Exfil" beside T1071.001 holds "DNS", the name of T1071.004 Application Layer Protocol: DNS, while T1071.001 is ' +
        'Application Layer Protocol: Web Protocols; T1071.001 kept as written: check that it is the technique meant',
    ]);
    // The ID's own name among the words, a name serving that sibling's ID too, or no sibling's name: nothing to say.
    expect(resolveReference({ raw: 'Web Protocols over DNS (T1071.001)' }, context).warnings).to.deep.equal([]);
    expect(resolveReference({ raw: 'T1059.001/.007 PowerShell/JScript' }, context).warnings).to.deep.equal([]);
    expect(resolveReference({ raw: 'T1055-001: Process Injection via CreateRemoteThread' }, context).warnings).to.deep.equal([]);
    // A sibling's one-word name in common English use (T1053.002 At) is no sign.
    expect(resolveReference({ raw: 'Task at Logon (T1053.005)' }, context).warnings).to.deep.equal([]);
  });

  it('checks a name written as a technique, a colon and words of its own against the ID (Active Scanning: port scan)', () => {
    // A real HTB write-up's table: the technique before the colon is not the ID's.
    const other = resolveReference({ raw: 'Active Scanning: port scan | T1046' }, context);
    expect(other.status).to.equal('ambiguous');
    expect(other.note).to.equal(
      'T1046 and "Active Scanning: port scan" disagree: T1046 is Network Service Discovery, while "Active Scanning" is T1595 Active Scanning; write the one you mean',
    );
    // The ID's own parent with words that are not its sub-technique's name: the ID stands, with a warning.
    const php = resolveReference({ raw: 'Command and Scripting Interpreter: PHP | T1059.006' }, context);
    expect([php.status, php.ids]).to.deep.equal(['current', ['T1059.006']]);
    expect(php.warnings).to.deep.equal([
      '"PHP" in the name "Command and Scripting Interpreter: PHP" is not T1059.006 Command and Scripting Interpreter: Python; T1059.006 kept as written: check it',
    ]);
    // A long parent name does not make a short sub-technique name a typo of another ("PHP" is not "Python" nor "Lua").
    expect(php.note).to.not.match(/misspelling/);
    // A real typo in either part still is one.
    expect(resolveReference({ raw: 'Command and Scripting Interpreter: PowerShel (T1059.001)' }, context).note).to.match(/read as a misspelling of Command and Scripting Interpreter: PowerShell/);
    expect(resolveReference({ raw: 'OS Credential Dump: LSASS Memory' }, context).ids).to.deep.equal(['T1003.001']);
    // The technique before the colon may be any of the ID's family: "Scheduled Task" (T1053's old name) is T1053.005 now.
    expect(resolveReference({ raw: 'Scheduled Task: At (T1053.002)' }, context)).to.deep.include({ status: 'current', ids: ['T1053.002'], warnings: [] });
    expect(resolveReference({ raw: 'active scanning: port scan | T1046' }, context).status).to.equal('ambiguous');
  });

  describe('a name, then its technique\'s ID with one digit lost (`Exploitation for Privilege Escalation - T106`)', () => {
    // StealthCup (arXiv 2511.17761v1, 2025), Table 3 as pdftotext writes it (test/corpus/reports/arxiv-stealthcup-2025-volt-typhoon-table.yaml).
    it('reads it as the technique the name is exactly, whose ID is the three digits with one put back, and warns', () => {
      const read = resolveReference({ raw: 'Exploitation for Privilege Escalation - T106' }, context);
      expect([read.status, read.ids, read.warnings]).to.deep.equal(['name', ['T1068'], ["T106 read as T1068: the name before it is that technique's; check the text"]]);
      expect(read.trail).to.include('read: a technique\'s ID with one of its four digits lost (T106 for T1068), taken only where the name beside it is that technique\'s: "T106" as T1068');
    });

    it('offers, for a sub-technique number cut short (T1059.00), the sub-technique it begins whose name the name beside it holds, never reading it', () => {
      // The same table's 'Command and Scripting Interpreter PowerShell - T1059.00'.
      const read = resolveReference({ raw: 'Command and Scripting Interpreter PowerShell - T1059.00' }, context);
      expect([read.status, read.ids, read.candidates.map((c) => c.id)]).to.deep.equal(['unknown', [], ['T1059.001']]);
      expect(read.note).to.equal('malformed ID "T1059.00": a sub-technique number has three digits; did you mean T1059.001 Command and Scripting Interpreter: PowerShell, the one whose number it begins and whose name "Command and Scripting Interpreter PowerShell" holds? It is not read as it: check the text');
      // Without a name that holds one sub-technique's, nothing is offered, as before.
      for (const raw of ['T1059.00', 'Scripting Interpreter - T1059.00', 'Valid Accounts: Cloud T1078.00']) expect(resolveReference({ raw }, context).candidates, raw).to.deep.equal([]);
    });

    it('reads no such word beside a name whose ID it cannot be, nor beside no exact name', () => {
      expect(resolveReference({ raw: 'Valid Accounts - T106' }, context)).to.deep.include({ status: 'unknown', ids: [], warnings: [] });
      expect(resolveReference({ raw: 'Exploitation for Privilege Escalations - T106' }, context).warnings).to.deep.equal([]);
    });
  });

  describe("an ID of ATT&CK for ICS's first wiki beside its name (`T816: Device Restart/Shutdown`)", () => {
    // Armis's 2020 posts on ATT&CK for ICS (test/corpus/reports/armis-attack-ics-practical-applications-2020-wiki-ids.yaml):
    // 'MITRE defines T816: Device Restart/Shutdown as follows', 'what is this technique called T875: Change Program State?'.
    const ics = (raw: string) => resolveReference({ raw }, { target: loadRelease('18.1', 'ics-attack') });

    it('reads it as the technique the name is exactly, whose ID is the digits after a 0, and warns', () => {
      const read = ics('T816: Device Restart/Shutdown');
      expect([read.status, read.ids, read.warnings]).to.deep.equal(['name', ['T0816'], ["T816 read as T0816: the name after it is that technique's; check the text"]]);
      expect(read.trail).to.include('read: an ID of ATT&CK for ICS\'s first wiki (T816), which ATT&CK gave a 0 in 2020 (T0816), taken only where the name beside it is that technique\'s: "T816" as T0816');
      expect([ics('Valid Accounts (T859)').ids, ics('Valid Accounts - T859').warnings]).to.deep.equal([['T0859'], ["T859 read as T0859: the name before it is that technique's; check the text"]]);
    });

    it('says a technique deprecated since is deprecated (T875: Change Program State), and reads no wiki ID beside another name', () => {
      const read = ics('T875: Change Program State');
      expect([read.status, read.ids, read.warnings]).to.deep.equal(['deprecated', [], ["T875 read as T0875: the name after it is that technique's; check the text"]]);
      expect(read.note).to.match(/^T0875 Change Program State is deprecated in ATT&CK 18\.1/);
      expect(ics('T816: Valid Accounts')).to.deep.include({ ids: [], warnings: [] });
      // Enterprise has no T0816: without the other domains at hand the words are read as the name they are.
      expect(resolveReference({ raw: 'T816: Device Restart/Shutdown' }, context).warnings).to.deep.equal([]);
    });

    it('says, in an Enterprise campaign, that it is an ICS technique, as the ID T0816 would be', () => {
      // Before: unknown, '"T816: Device Restart/Shutdown" is not the name of a technique in ATT&CK enterprise-attack 18.1'.
      const releases = () => [loadRelease('18.1', 'ics-attack')];
      const withIcs: ResolveContext = { ...context, otherDomains: otherDomainLookupIn(releases), otherDomainNames: otherDomainNamesIn(releases) };
      const read = resolveReference({ raw: 'T816: Device Restart/Shutdown' }, withIcs);
      expect([read.status, read.ids, read.warnings]).to.deep.equal(['other domain', [], ["T816 read as T0816: the name after it is that technique's; check the text"]]);
      expect(read.note).to.match(/^T0816 is an ICS technique \(Device Restart\/Shutdown in ics-attack 18\.1\), not in enterprise-attack/);
      expect(resolveReference({ raw: 'T816: Valid Accounts' }, withIcs).warnings).to.deep.equal([]);
    });
  });

  describe("a sub-technique's parent's name and its own run together, no colon between (`PhishingSpearphishing Attachment`)", () => {
    // Stefan Behling's blog (https://www.stefanbehling.tech/?p=97), its Taktik | Technik cells scraped together, less its
    // Phase cell (test/corpus/reports/behling-attack-praxis-de.yaml); a PDF report on Prilex as text writes the heading
    // `PHISHINGSPEARPHISHING VIA SERVICE`, its colon lost; and a table's Technique and Sub-technique cells, a space between
    // (our words).
    const rows: Array<[raw: string, id: string, parent: string, full: string]> = [
      ['PhishingSpearphishing Attachment (T1566.001)', 'T1566.001', 'T1566 Phishing', 'Phishing: Spearphishing Attachment'],
      ['Command and Scripting InterpreterPowerShell (T1059.001)', 'T1059.001', 'T1059 Command and Scripting Interpreter', 'Command and Scripting Interpreter: PowerShell'],
      ['PHISHINGSPEARPHISHING VIA SERVICE (T1566.003)', 'T1566.003', 'T1566 Phishing', 'Phishing: Spearphishing via Service'],
      ['| Remote Services Remote Desktop Protocol | T1021.001 |', 'T1021.001', 'T1021 Remote Services', 'Remote Services: Remote Desktop Protocol'],
    ];
    for (const [raw, id, parent, full] of rows) {
      it(`reads ${JSON.stringify(raw)} as ${full}, saying so, not as a misspelling`, () => {
        const read = resolveReference({ raw }, context);
        expect([read.status, read.ids, read.warnings]).to.deep.equal(['current', [id], []]);
        expect(read.note).to.match(new RegExp(`is the names of ${parent} and ${id} .+ run together \\(a table's two cells, or a colon lost\\); read as ${full}$`));
        expect(read.note).to.not.match(/misspelling/);
      });
    }

    it('keeps a misspelling of the two run together a misspelling', () => {
      expect(resolveReference({ raw: 'PhishingSpearphising Attachment (T1566.001)' }, context).note).to.match(/read as a misspelling of Phishing: Spearphishing Attachment$/);
    });
  });

  it('reads the own words after the ID\'s parent as its sub-technique when they are an alias of it or words of its name', () => {
    // Real lab write-ups' tables: `Remote Services: RDP - T1021.001`, `Credentials from Password Stores: Browsers`.
    for (const [raw, id] of [
      ['Remote Services: RDP - T1021.001', 'T1021.001'],
      ['Remote Services: WinRM - T1021.006', 'T1021.006'],
      ['Credentials from Password Stores: Browsers (T1555.003)', 'T1555.003'],
    ] as const) {
      expect(resolveReference({ raw }, context), raw).to.deep.include({ status: 'current', ids: [id], warnings: [] });
    }
  });

  it('reads a word in capitals after the ID\'s parent as the words of its sub-technique\'s name it abbreviates', () => {
    // Elastic Security Labs' PHANTOMPULSE post: `[Process Injection: DLL Injection](https://attack.mitre.org/techniques/T1055/001/)`.
    for (const [raw, id] of [
      ['Process Injection: DLL Injection (T1055.001)', 'T1055.001'],
      ['Event Triggered Execution: WMI Event Subscription (T1546.003)', 'T1546.003'],
      ['Remote Services: SMB (T1021.002)', 'T1021.002'],
    ] as const) {
      expect(resolveReference({ raw }, context), raw).to.deep.include({ status: 'current', ids: [id], warnings: [] });
    }
    // Capitals that abbreviate no run of its name's words are still words of the writer's own.
    expect(resolveReference({ raw: 'Process Injection: PE Injection (T1055.001)' }, context).warnings).to.deep.equal([
      '"PE Injection" in the name "Process Injection: PE Injection" is not T1055.001 Process Injection: Dynamic-link Library Injection; T1055.001 kept as written: check it',
    ]);
  });

  it('reads a name cut short, a run of the words of the ID\'s technique\'s name, as the ID; a tactic settles a clash with another\'s name', () => {
    // A Spanish Purple Team README's matrix: each cell is an ID and the first or last words of its name, cut to the width.
    const exploit = resolveReference({ raw: 'T1190 Exploit', tactics: ['Initial Access'] }, context);
    expect(exploit).to.deep.include({ status: 'current', ids: ['T1190'], warnings: [] });
    expect(exploit.note).to.contain('"Exploit" is words of T1190 Exploit Public-Facing Application, cut short; read as T1190');
    // Close to other techniques' names only (T1587.004, T1588.005 Exploits), with no tactic at all.
    expect(resolveReference({ raw: 'T1190 Exploit' }, context)).to.deep.include({ status: 'current', ids: ['T1190'], warnings: [] });
    // "Web Service" is T1102's own name too: under Exfiltration, T1567's tactic and not T1102's, the ID stands.
    const web = resolveReference({ raw: 'T1567 Web Service', tactics: ['Exfiltration'] }, context);
    expect(web).to.deep.include({ status: 'current', ids: ['T1567'], warnings: [] });
    expect(web.note).to.contain('the tactic Exfiltration is T1567\'s, not theirs: T1567 kept as written');
    // With no tactic to settle it the ID stands, said as a warning; under T1102's tactic only, the two disagree.
    expect(resolveReference({ raw: 'T1567 Web Service' }, context)).to.deep.include({
      status: 'current',
      ids: ['T1567'],
      warnings: ['"Web Service" is words of T1567 Exfiltration Over Web Service, cut short, but the name of T1102 Web Service; T1567 kept as written: check that it is the technique meant'],
    });
    expect(resolveReference({ raw: 'T1567 Web Service', tactics: ['Command and Control'] }, context).status).to.equal('ambiguous');
    // Words that are no run of the ID's name still disagree.
    expect(resolveReference({ raw: 'Web Service (T1048)' }, context).status).to.equal('ambiguous');
  });

  it('reads a label in capitals that abbreviates the first words of the ID\'s own name as the ID, with a note', () => {
    // Sacabambaspis's README (matrix9neonebuchadnezzar2199-sketch/Sacabambaspis, README.md at 922cf26, in test/corpus):
    // `T1546.003（WMI）`. "WMI" is T1047's alias, but also the initials of Windows Management Instrumentation Event
    // Subscription's first words; before, the reference was ambiguous.
    for (const raw of ['T1546.003（WMI）', 'T1546.003 (WMI)']) {
      const wmi = resolveReference({ raw }, context);
      expect(wmi, raw).to.deep.include({ status: 'current', ids: ['T1546.003'], warnings: [] });
      expect(wmi.note).to.contain(`"WMI" abbreviates the first words of T1546.003's name, Windows Management Instrumentation Event Subscription (it is also an alias of T1047 Windows Management Instrumentation): read as T1546.003`);
    }
    // English labels that are the start of the ID's own name already agree.
    for (const [raw, id] of [['T1003.001 (LSASS)', 'T1003.001'], ['T1071.001 (Web)', 'T1071.001'], ['T1059.001 (PowerShell)', 'T1059.001'], ['T1047 (WMI)', 'T1047']] as const) {
      expect(resolveReference({ raw }, context), raw).to.deep.include({ status: 'current', ids: [id], warnings: [] });
    }
    // A label that names another technique, and abbreviates none of the ID's name, still disagrees.
    for (const raw of ['T1059.001 (WMI)', 'T1546.003 (RDP)', 'T1546.003 (Scheduled Task)']) {
      expect(resolveReference({ raw }, context).status, raw).to.equal('ambiguous');
    }
  });

  it('warns of words beside an ID that are another technique\'s name cut short, not the ID\'s', () => {
    // A 2025 paper's kill-chain graph (Fig. 3) labels a node `T1601` over `Modify System Process`: T1601 is Modify System
    // Image, and the words are the end of T1543 Create or Modify System Process. Before, the ID was taken without a word.
    const raw = 'T1601 Modify System Process';
    expect(resolveReference({ raw }, context)).to.deep.include({
      status: 'current',
      ids: ['T1601'],
      warnings: ['"Modify System Process" is words of T1543 Create or Modify System Process, cut short, not of T1601 Modify System Image; T1601 kept as written: check that it is the technique meant'],
    });
    // The ID's own name cut short, and words of the writer's own, still draw no such warning.
    expect(resolveReference({ raw: 'T1072 Deployment Tools' }, context).warnings).to.deep.equal([]);
    expect(resolveReference({ raw: 'Remote Services: SSH | T1021.004' }, context).warnings).to.deep.equal([]);
  });

  it('reads a sub-technique number ATT&CK never gave, under its parent\'s name, as the parent, and says so', () => {
    // DarthHavoc/security's README (2023) lists a sample's techniques as `Name (ID)`: `Automated Collection (T1119.002)`,
    // `Screen Capture (T1113.001)`, `Exfiltration Over Command and Control Channel (T1041.004)` (T1041's name until
    // ATT&CK 9), `Registry Run Keys / Startup Folder (T1060.001)` (T1060, revoked by T1547.001). Each was unknown before.
    const context82 = { ...context, history: () => [loadRelease('6.3'), loadRelease('8.2')] };
    const rows: ReadonlyArray<readonly [raw: string, id: string]> = [
      ['Automated Collection (T1119.002)', 'T1119'],
      ['Screen Capture (T1113.001)', 'T1113'],
      ['Exfiltration Over Command and Control Channel (T1041.004)', 'T1041'],
      ['Registry Run Keys / Startup Folder (T1060.001)', 'T1547.001'],
    ];
    for (const [raw, id] of rows) {
      const result = resolveReference({ raw }, context82);
      expect(result, raw).to.deep.include({ status: 'fuzzy', ids: [id] });
      expect(result.note, raw).to.contain(`is not a technique in ATT&CK enterprise-attack 18.1`).and.to.contain(`read as ${id}`);
    }
    expect(resolveReference({ raw: 'Registry Run Keys / Startup Folder (T1060.001)' }, context82).note).to.contain('which T1060, the technique its number is under, became');
    // A name that is not the parent's (`PowerShell (T1064.001)`: T1059.001, and T1064 is deprecated) stays unknown; so
    // does a bare number with no name.
    expect(resolveReference({ raw: 'PowerShell (T1064.001)' }, context82)).to.deep.include({ status: 'unknown', ids: [] });
    expect(resolveReference({ raw: 'T1119.002' }, context82)).to.deep.include({ status: 'unknown', ids: [] });
    expect(resolveReference({ raw: 'Input Capture (T1119.002)' }, context82)).to.deep.include({ status: 'unknown', ids: [] });
  });

  it('reads a dash set off by spaces between a technique and its sub-technique as the colon, older names too', () => {
    // A threat profile's list (`T1574.001: Hijack Execution Flow - DLL Search Order Hijacking`) and an incident timeline's
    // (`T1003.001: Credential Dumping - LSASS Memory (Mimikatz)`), written without their IDs: each was unknown before.
    // T1574.001's old name is that of ATT&CK 8.2, the first releases with sub-techniques.
    const dll = resolveReference({ raw: 'Hijack Execution Flow - DLL Search Order Hijacking' }, { ...context, history: () => [loadRelease('8.2')] });
    expect(dll).to.deep.include({ status: 'renamed', ids: ['T1574.001'] });
    expect(dll.note).to.contain('read as "Hijack Execution Flow: DLL Search Order Hijacking"');
    expect(resolveReference({ raw: 'Credential Dumping - LSASS Memory' }, context)).to.deep.include({ status: 'fuzzy', ids: ['T1003.001'] });
    expect(resolveReference({ raw: 'Impair Defenses – Disable or Modify Tools' }, context)).to.deep.include({ status: 'name', ids: ['T1562.001'] });
    // A name with a dash whose colon form names no technique is still unknown, never guessed.
    expect(resolveReference({ raw: 'Data Encrypted for Impact - Ransomware Payload' }, context).ids).to.deep.equal([]);
  });

  it('reads a technique\'s name and the last words of one of its sub-techniques\' names as that sub-technique', () => {
    // Elastic Security Labs' FORMBOOK report (2022) lists its techniques by name alone, `Phishing - attachment` among them:
    // unknown before (similar: T1566.001, T1598.002), though T1566 Phishing has one sub-technique whose name ends so.
    const attachment = resolveReference({ raw: 'Phishing - attachment' }, context);
    expect(attachment).to.deep.include({ status: 'fuzzy', ids: ['T1566.001'] });
    expect(attachment.note).to.contain('the only sub-technique of T1566 Phishing whose name ends so');
    expect(resolveReference({ raw: 'Phishing: Voice' }, context).ids).to.deep.equal(['T1566.004']);
    // Two sub-techniques end so (Unix Shell, Windows Command Shell): not guessed.
    expect(resolveReference({ raw: 'Command and Scripting Interpreter: Shell' }, context).ids).to.deep.equal([]);
    // Only whole words count (`ment` ends no word of Spearphishing Attachment), and only the technique named before the colon.
    expect(resolveReference({ raw: 'Phishing: ment' }, context).ids).to.deep.equal([]);
    expect(resolveReference({ raw: 'Valid Accounts: Attachment' }, context).ids).to.deep.equal([]);
  });

  it('reads a technique\'s name before words of the writer\'s own in brackets as that name', () => {
    // A ransomware incident timeline's `T1486: Data Encrypted for Impact (Ransomware)`, written without its ID; report
    // tables' `Windows Management Instrumentation (WMI)`: each was unknown before.
    const ransomware = resolveReference({ raw: 'Data Encrypted for Impact (Ransomware)' }, context);
    expect(ransomware).to.deep.include({ status: 'name', ids: ['T1486'] });
    expect(ransomware.note).to.contain('the words in brackets ("Ransomware") the writer\'s own');
    expect(resolveReference({ raw: 'Windows Management Instrumentation (WMI)' }, context).ids).to.deep.equal(['T1047']);
    // One word that is the bare name of other techniques' sub-techniques is the protocol used.
    expect(resolveReference({ raw: 'Exfiltration Over Alternative Protocol (DNS)' }, context).ids).to.deep.equal(['T1048']);
    // Words in brackets that name another technique are no gloss: the name is read whole, as before.
    expect(resolveReference({ raw: 'Phishing (Spearphishing Attachment)' }, context).ids).to.deep.equal(['T1566.001']);
    expect(resolveReference({ raw: 'Valid Accounts (Process Injection)' }, context).ids).to.deep.equal([]);
  });

  it('names the deprecation pointers of T1064 as candidates without substituting them', () => {
    const result = resolveReference({ raw: 'T1064' }, context);
    expect(result.candidates.map((c) => c.id)).to.include('T1059');
    expect(result.ids).to.deep.equal([]);
  });

  it('lists both techniques that share the name "Spearphishing Link" when no tactic decides', () => {
    const result = resolveReference({ raw: 'Spearphishing Link' }, context);
    expect(result.candidates.map((c) => c.id)).to.deep.equal(['T1566.002', 'T1598.003']);
  });

  it('hints at fetching a newer release for an ID the release does not know (T1685)', () => {
    expect(resolveReference({ raw: 'T1685' }, context).note).to.match(/^T1685 is not a technique in enterprise-attack 18\.1: its number is past 18\.1's newest technique \(T1681\).*data fetch --attack-release N/);
  });

  it('says of a PRE-ATT&CK number (T1311 Dynamic DNS, in an Elastic post) that no release will have it, rather than to fetch one', () => {
    const note = resolveReference({ raw: '[Dynamic DNS](https://attack.mitre.org/techniques/T1311/)' }, context).note;
    expect(note).to.match(/^T1311 is in no enterprise, mobile or ICS release \(none has a technique from T1224 to T1397, where PRE-ATT&CK numbered its techniques/);
    expect(note).to.not.match(/data fetch/);
    // The range holds no technique of any release here (mobile 9.0's oldest numbers included).
    const releases = [
      ...['3.0', '6.3', '8.2', '10.1', '12.1', '14.1', '16.1', '17.1', '18.1'].map((r) => loadRelease(r)),
      loadRelease('18.1', 'mobile-attack'),
      loadRelease('9.0', 'mobile-attack'),
      loadRelease('18.1', 'ics-attack'),
    ];
    const inRange = releases.flatMap((index) => index.allTechniques().filter((t) => Number(t.id.slice(1, 5)) >= 1224 && Number(t.id.slice(1, 5)) <= 1397).map((t) => `${index.label} ${t.id}`));
    expect(inRange).to.deep.equal([]);
  });

  // PRE-ATT&CK's T1247 "Acquire OSINT data sets and information", PRE-T1024 before October 2018 (mitre/cti
  // pre-attack/pre-attack.json, ATT&CK terms of use); Navigator's April 2018 update layer writes PRE-T1156 (Apache-2.0,
  // test/fixtures/layers/public/README.md).
  it('reports a PRE-ATT&CK ID as of that retired domain, never unknown, with where its behaviour went (Reconnaissance, Resource Development)', () => {
    const sixThree = { target: loadRelease('18.1'), source: loadRelease('6.3') };
    for (const raw of ['Acquire OSINT data sets and information (T1247)', 'PRE-T1024', 'PRE-T1156', '[Dynamic DNS](https://attack.mitre.org/techniques/T1311/)']) {
      const result = resolveReference({ raw }, sixThree);
      expect([raw, result.status, result.ids]).to.deep.equal([raw, 'other domain', []]);
      expect(result.note, raw).to.contain(
        "PRE-ATT&CK's techniques were deprecated or revoked, their behaviour now enterprise techniques of Reconnaissance (TA0043) and Resource Development (TA0042); " +
          'attack-layers has no PRE-ATT&CK data to follow',
      );
      // Not "not in ATT&CK 6.3, the release the campaign says its IDs came from": no enterprise release has it.
      expect(result.warnings, raw).to.deep.equal([]);
    }
    expect(resolveReference({ raw: 'PRE-T1024' }, context).note).to.match(/^"PRE-T1024" is a PRE-ATT&CK ID, as PRE-ATT&CK numbered its techniques before October 2018; ATT&CK 8/);
  });

  // MITRE ATLAS's IDs as its atlas-data (mitre-atlas/atlas-data, Apache-2.0) writes them: AML.T0043 Craft Adversarial
  // Data, AML.T0012 Valid Accounts, AML.T0051.000 LLM Prompt Injection: Direct. Their numbers were read as ATT&CK IDs,
  // "not a technique in ATT&CK 18.1; if it comes from a newer ATT&CK release, get it with data fetch".
  it('reports a MITRE ATLAS ID as ATLAS\'s, not as an ATT&CK ID a newer release may have', () => {
    for (const [raw, id] of [['AML.T0043', 'AML.T0043'], ['AML.T0012 Valid Accounts', 'AML.T0012'], ['Craft Adversarial Data (AML.T0043)', 'AML.T0043'], ['aml.t0051.000', 'AML.T0051.000']] as const) {
      const result = resolveReference({ raw }, context);
      expect([raw, result.status, result.ids]).to.deep.equal([raw, 'unknown', []]);
      expect(result.note, raw).to.match(new RegExp(`^${id.replace(/\./g, '\\.')} is a MITRE ATLAS technique \\(attacks on AI-enabled systems\\), not ATT&CK's`));
      expect(result.note, raw).not.to.contain('newer ATT&CK release');
    }
    // An ATT&CK ID beside it is read as ever.
    expect(resolveReference({ raw: 'T1566.001 Spearphishing Attachment' }, context).status).to.equal('current');
  });

  // ATLAS gives the ATT&CK techniques it adapts their ATT&CK names (atlas-data: AML.T0012 Valid Accounts, AML.T0049
  // Exploit Public-Facing Application). Before, the name was not said: nothing told the analyst which ATT&CK technique
  // the report's words name, nor that it was not taken.
  it('names the ATT&CK technique an ATLAS ID\'s name is also the name of, as a candidate, without reading it', () => {
    const result = resolveReference({ raw: 'AML.T0012 Valid Accounts' }, context);
    expect([result.status, result.ids, result.candidates.map((c) => [c.id, c.why])]).to.deep.equal([
      'unknown',
      [],
      [['T1078', 'the ATT&CK technique named "Valid Accounts", written beside the ATLAS ID']],
    ]);
    expect(result.note).to.match(
      /; the name written beside it, "Valid Accounts", is ATT&CK's T1078 Valid Accounts too, which ATLAS adapts: it is not read as T1078, the ID written being ATLAS's \(write T1078 if the report means ATT&CK's technique\)$/,
    );
    // A name of ATLAS's own is none of ATT&CK's: nothing more is said.
    expect(resolveReference({ raw: 'Craft Adversarial Data (AML.T0043)' }, context).candidates).to.deep.equal([]);
  });

  it('reports an unreadable tactic as a warning on the reference, not a failure', () => {
    const result = resolveReference({ raw: 'T1566.001', tactics: ['Initial Access', 'Teleportation'] }, context);
    expect(result.status).to.equal('current');
    expect(result.tactics.unreadable).to.deep.equal(['Teleportation']);
    expect(result.placed).to.deep.equal({ 'T1566.001': ['initial-access'] });
    expect(result.warnings.join(' ')).to.match(/Teleportation/);
  });

  it('looks for no similar names with similarNames false, and resolves every name as it otherwise does', () => {
    // What extract's OCR check asks (`ran a command on host number 71059`): the words before a number, by name alone.
    const names = ['ran a command on host number', 'Scheduled Tasks Run', 'Spearphishing Atachment', 'Email Collection', 'Scheduled Task', 'PowerShel', 'Data from Local System', 'on host', 'T1059 Command'];
    for (const raw of names) {
      const full = resolveReference({ raw }, context);
      const bare = resolveReference({ raw }, context, { similarNames: false });
      expect([bare.status, bare.ids, bare.warnings], raw).to.deep.equal([full.status, full.ids, full.warnings]);
      if (full.status !== 'unknown') expect(bare, raw).to.deep.equal(full);
    }
    const unknown = resolveReference({ raw: 'Scheduled Tasks Run' }, context, { similarNames: false });
    expect(resolveReference({ raw: 'Scheduled Tasks Run' }, context).candidates.map((c) => c.id)).to.deep.equal(['T1053', 'T1053.005']);
    expect([unknown.status, unknown.candidates, unknown.note]).to.deep.equal(['unknown', [], '"Scheduled Tasks Run" is not the name of a technique in ATT&CK enterprise-attack 18.1']);
  });

  it('places a reference under the one of a disagreeing TA ID and name its technique has, and under neither when it has both', () => {
    const byName = resolveReference({ raw: 'T1204.002', tactics: ['TA0001: Execution'] }, context);
    expect([byName.tactics.read, byName.placed]).to.deep.equal([['execution'], { 'T1204.002': ['execution'] }]);
    const byId = resolveReference({ raw: 'T1204.002', tactics: ['TA0002: Initial Access'] }, context);
    expect([byId.tactics.read, byId.placed]).to.deep.equal([['execution'], { 'T1204.002': ['execution'] }]);
    const both = resolveReference({ raw: 'T1053.005', tactics: ['TA0004: Persistence'] }, context);
    expect([both.tactics.read, both.placed, both.warnings.length]).to.deep.equal([[], { 'T1053.005': [] }, 1]);
    expect(both.warnings[0]).to.match(/TA0004 is Privilege Escalation, not Persistence; T1053\.005 Scheduled Task has both: neither was kept/);
  });

  it('reads an ID through the release the report used first (attack_version 6.3)', () => {
    const result = resolveReference({ raw: 'Command-Line Interface (T1059)' }, { target: loadRelease('18.1'), source: loadRelease('6.3') });
    expect(result.status).to.equal('renamed');
    expect(result.trail.join(' ')).to.match(/6\.3/);
  });
});

describe('resolveReference: older releases are loaded only when a reference needs them', () => {
  /** A history that records which releases the resolver reached, loading each only when reached. */
  const recording = (releases: string[]): { context: ResolveContext; reached: string[] } => {
    const reached: string[] = [];
    const context: ResolveContext = {
      target: loadRelease('18.1'),
      history: function* () {
        for (const release of releases) {
          reached.push(release);
          yield loadRelease(release);
        }
      },
    };
    return { context, reached };
  };

  it('reads "Spearphising Link (T1192)" as a misspelling without reaching any older release', () => {
    const { context, reached } = recording(['17.1', '16.1', '6.3']);
    const result = resolveReference({ raw: 'Spearphising Link (T1192)' }, context);
    expect([result.status, result.ids]).to.deep.equal(['revoked', ['T1566.002']]);
    expect(reached).to.deep.equal([]);
  });

  // extract asks older releases for an older name among the words read beside an ID (`T1105 Remote File Copy Machete can
  // download …`, ESET's Machete table) only where the resolver would ask them of that name.
  for (const [name, id, known] of [
    ['Spearphising Link', 'T1192', true],
    ['Process Injection', 'T1055.001', true],
    ['Ingress Tool Transfer', 'T1105', true],
    ['Remote File Copy', 'T1105', false],
    ['Remote File Copy Machete', 'T1105', false],
  ] as const) {
    it(`says whether "${name}" beside ${id} is read without older releases (${known}), as resolving it does`, () => {
      const { context, reached } = recording(['6.3']);
      expect(nameKnownAtHand(name, id, context.target)).to.equal(known);
      resolveReference({ raw: `${name} (${id})` }, context);
      expect(reached.length === 0).to.equal(known);
    });
  }

  it('stops at the first older release that knows a name ("Command-Line Interface" is 6.3\'s name of T1059)', () => {
    const { context, reached } = recording(['6.3', '3.0']);
    const result = resolveReference({ raw: 'Command-Line Interface' }, context);
    expect([result.status, result.ids]).to.deep.equal(['renamed', ['T1059']]);
    expect(reached).to.deep.equal(['6.3']);
  });
});

describe('readTactic', () => {
  const rows: ReadonlyArray<readonly [string, string | undefined]> = [
    ['Defense Evasion', 'defense-evasion'],
    ['defense-evasion', 'defense-evasion'],
    ['TA0011', 'command-and-control'],
    ['Command & Control', 'command-and-control'],
    ['Command and Control', 'command-and-control'],
    ['C2', 'command-and-control'],
    ['Initial Access [TA0001]', 'initial-access'],
    ['ＩＮＩＴＩＡＬ　ＡＣＣＥＳＳ', 'initial-access'],
    ['Defence Evasion', 'defense-evasion'],
    ['防御回避', 'defense-evasion'],
    ['Privilege_Escalation', 'privilege-escalation'],
    ['exfil', 'exfiltration'],
    ['Recon', 'reconnaissance'],
    ['CnC', 'command-and-control'],
    ['Priv Escalation', 'privilege-escalation'],
    ['PrivEsc', 'privilege-escalation'],
    ['Cred. Access', 'credential-access'],
    ['Lateral Mvmt', 'lateral-movement'],
    ['Def Evasion', 'defense-evasion'],
    ['横展開', 'lateral-movement'],
    ['コマンド＆コントロール', 'command-and-control'],
    ['Teleportation', undefined],
  ];
  for (const [written, expected] of rows) {
    it(`reads ${JSON.stringify(written)} as ${expected ?? 'nothing'}`, () => {
      expect(readTactic(written, loadRelease('18.1'))).to.equal(expected);
    });
  }

  it("reads Defense Evasion as ICS's Evasion in a release that has no Defense Evasion, and Mobile's as its own", () => {
    // An IOCONTROL threat report's ATT&CK for ICS table (code index file 743444564) writes `| Evasion | T0849 |
    // Masquerading |`, which a tactic column reads as Defense Evasion (its short form in Enterprise tables).
    const ics = loadRelease('18.1', 'ics-attack');
    expect(['Defense Evasion', 'Evasion', 'TA0103'].map((written) => readTactic(written, ics))).to.deep.equal(['evasion', 'evasion', 'evasion']);
    expect(readTactic('Defense Evasion', loadRelease('18.1', 'mobile-attack'))).to.equal('defense-evasion');
    expect(readTactic('Evasion', loadRelease('18.1'))).to.equal('defense-evasion');
  });
});

describe('resolveReferenceWarnings', () => {
  // Each warning says what it is about, so that `extract` keeps the checks of a name beside a warning on the row's
  // tactic without reading the warning's words (those of a tactic once all began `tactic "`, or stood in the trail).
  const rows: Array<[string, { raw: string; tactics?: string[] }, string[]]> = [
    ['a tactic the technique does not have', { raw: 'Valid Accounts (T1078)', tactics: ['Execution'] }, ['tactic']],
    ['a tactic no release has', { raw: 'T1078', tactics: ['Lateral Propagation'] }, ['tactic']],
    ['a list of tactics in one string', { raw: 'T1547.001', tactics: ['Persistence, Privilege Escalation'] }, ['tactic']],
    ['a name written without its spaces', { raw: 'CommandandScriptingInterpreter:PowerShell (T1059.001)' }, ['reference']],
    ['both, in the order of the warnings', { raw: 'CommandandScriptingInterpreter:PowerShell (T1059.001)', tactics: ['Lateral Propagation', 'Exfiltration'] }, ['tactic', 'reference', 'tactic']],
  ];
  for (const [what, input, kinds] of rows) {
    it(`${what}: ${kinds.join(', ')}`, () => {
      const { resolution, warnings } = resolveReferenceWarnings(input, { target: loadRelease('18.1') });
      expect(warnings.map((warning) => warning.message)).to.deep.equal(resolution.warnings);
      expect(warnings.map((warning) => warning.kind)).to.deep.equal(kinds);
    });
  }
});
