/**
 * Technique references as people write them, taken from public files that were not read before (each group cites the
 * file, by its id in the find_string index of public GitHub files): names with and without IDs, MISP galaxy tags
 * (`Name - ID`), lists under tactic headings, tables. Each row is what the writer meant: one reading (`T1190`), a
 * reference that must be flagged, not read as it stands (`FLAG`: the name and the ID disagree), or an ambiguous one whose
 * candidates must all be named (`AMBIG:`). Resolved against ATT&CK 18.1 with 6.3 as history.
 *
 * Before the word-form and cut-short rules (main at eb601fc), with `Input capture (keylogging)` read as T1056.001: 131
 * right, 5 flagged, 1 silently wrong (`Password Spray (T1110.002)` kept T1110.002, Password Cracking). After: 137 right.
 * (`Scheduled Task` under Persistence, a 2020s playbook's, is T1053.005 by today's name, as main read it; T1053's name
 * before ATT&CK 7 is said in the note.)
 */
import { expect } from 'chai';
import { resolveReferenceWarnings, type ResolveContext } from '../../lib/normalize/resolve-reference.js';
import { loadRelease } from '../helpers/attack.js';

describe('names as people write them (137 references from public files)', () => {
  let context: ResolveContext;
  before(() => {
    context = { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] };
  });

  // [reference as written, tactics written with it, expected: IDs | FLAG | AMBIG:candidates]
  const rows: ReadonlyArray<readonly [raw: string, tactics: string[], expected: string]> = [
    // find_string index file 53273205273: a Lazarus Group threat intelligence report (Markdown), TTPs under tactic headings.
    ["Spearphishing (T1566)", [], "T1566"],
    ["PowerShell (T1059.001)", [], "T1059.001"],
    ["Command shell (T1059.003)", [], "T1059.003"],
    ["Registry run keys (T1547)", [], "T1547"],
    ["Scheduled tasks (T1053)", [], "T1053"],
    ["Credential dumping (T1003)", [], "T1003"],
    ["Obfuscation (T1027)", [], "T1027"],
    ["Timestomping (T1070.006)", [], "T1070.006"],
    ["SMB (T1021.002)", [], "T1021.002"],
    ["RDP (T1021.001)", [], "T1021.001"],
    ["HTTPS (T1071)", [], "T1071"],
    ["C2 channels (T1041)", [], "T1041"],
    // find_string index file 61024495028: a threat actor profile (text), TTPs list.
    ["Scheduled Tasks (T1053.005)", [], "T1053.005"],
    ["Obfuscated files (T1027)", [], "T1027"],
    ["Application Layer Protocol (T1071)", [], "T1071"],
    ["Data Encrypted for Impact (T1486)", [], "T1486"],
    // find_string index file 41158339363: a threat-intel driven test plan (Markdown), key techniques of APT29.
    ["Spearphishing (T1566.001)", [], "T1566.001"],
    ["PowerShell/Bash scripting (T1059.001/T1059.003)", [], "T1059.001,T1059.003"],
    ["Custom C2 protocols (T1071)", [], "T1071"],
    // find_string index file 66431069974: a Splunk SOC lab README, detection rules mapped to techniques.
    ["Brute Force (T1110)", [], "T1110"],
    ["PowerShell Abuse (T1059)", [], "T1059"],
    ["Suspicious Processes (T1087)", [], "T1087"],
    ["Network Reconnaissance (T1046)", [], "T1046"],
    ["Credential Dumping (T1003)", [], "T1003"],
    ["Lateral Movement (T1021)", [], "T1021"],
    // find_string index file 70900468669: a CLI threat report template (Python), technique per tactic.
    ["Registry Run Keys (T1547.001)", [], "T1547.001"],
    ["Valid Accounts (T1078)", [], "T1078"],
    ["File Deletion (T1070.004)", [], "T1070.004"],
    ["Network Service Scanning (T1046)", [], "T1046"],
    ["Remote Services (T1021)", [], "T1021"],
    ["Data Staged (T1074)", [], "T1074"],
    // find_string index file 6286369339: an intrusion write-up (RDP password spray to RansomHub), MITRE ATT&CK Mapping.
    ["Password Spray (T1110.002)", [], "FLAG"],
    ["System Network Discovery (T1046)", [], "T1046"],
    ["File/Directory Discovery (T1083)", [], "T1083"],
    ["Remote Desktop Protocol (T1021.001)", [], "T1021.001"],
    ["SMB (T1021.002)", [], "T1021.002"],
    ["Rclone over SFTP (T1095)", [], "T1095"],
    ["Data Encrypted for Impact – Ransomware (T1486)", [], "T1486"],
    // find_string index file 10428782104: a threat hunting guide (Markdown), hunt steps.
    ["OS Credential Dumping (T1003)", [], "T1003"],
    ["Unsecured Credentials (T1552)", [], "T1552"],
    // find_string index file 56751544819: CTI study notes (Markdown), examples.
    ["T1486 – Data Encrypted for Impact", [], "T1486"],
    // find_string index file 35313790519: a Sigma generation prompt (Python), detection logic rules.
    ["phishing (T1566)", [], "T1566"],
    // find_string index file 61329716839: a threat-intelligence dashboard (Python), actor profiles' ttps.
    ["Living off the Land (T1218)", [], "T1218"],
    ["Lateral Tool Transfer (T1570)", [], "T1570"],
    ["Supply Chain Compromise (T1195)", [], "T1195"],
    ["OAuth Abuse (T1528)", [], "T1528"],
    ["Steganography C2 (T1001)", [], "T1001"],
    ["WMI Execution (T1047)", [], "T1047"],
    ["Watering Hole (T1189)", [], "T1189"],
    ["Supply Chain (T1195)", [], "T1195"],
    ["RAT Deployment (T1105)", [], "T1105"],
    ["MFA Fatigue (T1621)", [], "T1621"],
    ["QakBot dropper (T1204)", [], "T1204"],
    ["VPN Abuse (T1133)", [], "T1133"],
    // find_string index file 12046462439: a security architecture report (Markdown), vulnerabilities and risks.
    ["Active Scanning [T1595]", [], "T1595"],
    ["Impair Defenses [T1562]", [], "T1562"],
    ["Downgrade Attack [T1562.010]", [], "T1562.010"],
    ["Disable or Modify System Firewall [T1562.004]", [], "T1562.004"],
    ["Phishing [T1566]", [], "T1566"],
    ["Exploitation of Public-Facing Applications [T1190]", [], "T1190"],
    ["Exploitation for Defense Evasion [T1211]", [], "T1211"],
    ["Financial Theft [T1657]", [], "T1657"],
    ["Gather Victim Identity Information [T1589]", [], "T1589"],
    ["Exploitation of Public Facing Application [T1190]", [], "T1190"],
    ["Drive-by Compromise [T1189]", [], "T1189"],
    ["Adversary-in-the-Middle [T1557]", [], "T1557"],
    ["Credentials from Password Stores [T1555]", [], "T1555"],
    ["Forced Authentication [T1187]", [], "T1187"],
    // find_string index file 56377503507: an IAM security checklist after CISA's CPGs (text), TTPs / Risks Addressed.
    ["Brute Force - Password Guessing (T1110.001)", [], "T1110.001"],
    ["Brute Force - Password Cracking (T1110.002)", [], "T1110.002"],
    ["Brute Force - Password Spraying (T1110.003)", [], "T1110.003"],
    ["Brute Force - Credential Stuffing (T1110.004)", [], "T1110.004"],
    ["Valid Accounts - Default Accounts (T1078.001)", [], "T1078.001"],
    ["Remote Services - RDP (T1021.001)", [], "T1021.001"],
    ["Remote Services - SSH (T1021.004)", [], "T1021.004"],
    ["Hardware Additions (T1200)", [], "T1200"],
    ["Browser Extensions (T1176)", [], "T1176"],
    ["Phishing - Spearphishing Attachment (T1566.001)", [], "T1566.001"],
    ["User Execution - Malicious File (T1204.002)", [], "T1204.002"],
    ["Exploit Public-Facing Application (T0819)", [], "FLAG"],
    ["Replication Through Removable Media (T1091)", [], "T1091"],
    ["Man-in-the-Middle attacks (T1557)", [], "T1557"],
    ["Credential theft (T1552)", [], "T1552"],
    ["Kerberos ticket forging (T1558)", [], "T1558"],
    ["OS credential dumping (T1003)", [], "T1003"],
    ["Active Scanning / Vulnerability Scanning (T1595.002)", [], "T1595.002"],
    ["Remote Service Exploitation (T1210)", [], "T1210"],
    ["Exposure of External Remote Services (T1133)", [], "T1133"],
    ["Remote Desktop Protocol (RDP) Exposure (T1021.001)", [], "T1021.001"],
    ["Data Destruction (T1485)", [], "T1485"],
    ["Ransomware (T1486)", [], "T1486"],
    ["System Recovery Inhibition (T1490)", [], "T1490"],
    ["Network Discovery (T1046)", [], "T1046"],
    ["Trusted Relationship Exploits (T1199)", [], "T1199"],
    ["Network Sniffing (T1040)", [], "T1040"],
    // find_string index file 62585773855: ATT&CK study notes (Markdown), Initial Access table.
    ["Spear phishing attachment", ["Initial Access"], "T1566.001"],
    ["Spear phishing link", ["Initial Access"], "T1566.002"],
    // find_string index file 25810296145: CTI notes (Markdown), tactic/technique/procedure example.
    ["Spear Phishing Attachment", ["Initial Access"], "T1566.001"],
    // find_string index file 56391224425: an email hunting query pack (Python), mitre_technique field.
    ["T1566.001 – Spear Phishing Attachment", [], "T1566.001"],
    // find_string index file 51929887377: incident response notes (Markdown), common initial access.
    ["Exploitation of public-facing applications", [], "T1190"],
    // find_string index file 51779085853: a keyword-to-technique table (Python).
    ["exploitation of public-facing application", [], "T1190"],
    // find_string index file 59180972420: an exfiltration detection playbook (Markdown), common initial access and persistence.
    ["Exploitation of Public Facing Application", ["Initial Access"], "T1190"],
    ["Phishing", ["Initial Access"], "T1566"],
    ["Scheduled Task", ["Persistence"], "T1053.005"],
    ["Registry Run Keys", ["Persistence"], "T1547.001"],
    ["Web Shells", ["Persistence"], "T1505.003"],
    // find_string index file 22850003234: a threat report as PDF text, top three MITRE techniques.
    ["exploitation of remote services", [], "T1210"],
    ["exploitation for privilege escalation", [], "T1068"],
    // find_string index file 55274586619: ATT&CK notes (Markdown), techniques under tactic headings.
    ["Credential dumping", ["Credential Access"], "T1003"],
    ["Input capture (keylogging)", ["Credential Access"], "T1056.001"],
    // find_string index file 21875920704: a MISP event script (Python), galaxy tag.
    ["Network Denial of Service - T1498", [], "T1498"],
    // find_string index file 70290333953: a MISP import script (Python), ATTACK_TAGS.
    ["Phishing - T1566", [], "T1566"],
    ["Spearphishing Link - T1566.002", [], "T1566.002"],
    ["Domains - T1583.001", [], "T1583.001"],
    ["Compromise Infrastructure - T1584", [], "T1584"],
    // find_string index file 27687271914: misp-stix tests (Python), galaxy tag of an older name.
    ["Code Signing - T1116", [], "T1553.002"],
    // find_string index file 53756525439: a MISP connector (Python), tag format comment.
    ["PowerShell - T1059.001", [], "T1059.001"],
    // find_string index file 14704857593: a MISP dashboard widget guide (Markdown), expected techniques.
    ["Spearphishing Attachment - T1566.001", [], "T1566.001"],
    ["Exploitation for Privilege Escalation - T1068", [], "T1068"],
    ["Screen Capture - T1113", [], "T1113"],
    ["External Remote Services - T1133", [], "T1133"],
    // find_string index file 37459816216: a techniques export (TypeScript), technique_name.
    ["Stored Data Manipulation", ["Impact"], "T1565.001"],
    // find_string index file 58538511813: an OSINT tool (Rust), comment mapping a PGP lookup.
    ["email address (T1589.002)", [], "T1589.002"],
    ["Email Address", ["Reconnaissance"], "T1589.002"],
    // find_string index file 55274586619: ATT&CK notes (Markdown), techniques under tactic headings.
    ["Brute force attacks", ["Credential Access"], "T1110"],
    ["Password spraying", ["Credential Access"], "T1110.003"],
    ["Account discovery", ["Discovery"], "T1087"],
    ["Network service scanning", ["Discovery"], "T1046"],
    ["File and directory discovery", ["Discovery"], "T1083"],
    ["System information discovery", ["Discovery"], "T1082"],
    ["Indicator removal on host", ["Defense Evasion"], "T1070"],
    ["Process injection", ["Defense Evasion"], "T1055"],
    // find_string index file 22561958963: a malware analysis report (Markdown), ATT&CK table.
    ["Input Capture (Keylogging) | T1056.001", [], "T1056.001"],
    ["PowerShell Defender Exclusion | T1562.001", [], "T1562.001"],
    ["FTP for C2 Communication | T1071.002", [], "T1071.002"],
    // find_string index file 51933514457: an incident simulation (Python), technique tuples.
    ["Remote Services (SSH) T1021", [], "T1021"],
    ["Exfiltration Over C2 Channel T1041", [], "T1041"],
  ];
  for (const [raw, tactics, expected] of rows) {
    it(`${JSON.stringify(raw)}${tactics.length ? ` under ${tactics.join(', ')}` : ''} -> ${expected}`, () => {
      const { resolution, warnings } = resolveReferenceWarnings({ raw, tactics }, context);
      const said = [resolution.note, ...warnings.map((w) => w.message)].join('\n');
      if (expected === 'FLAG') {
        expect(resolution.ids.length === 0 || warnings.length > 0, `read without a word: ${said}`).to.equal(true);
      } else if (expected.startsWith('AMBIG:')) {
        expect(resolution.status, said).to.equal('ambiguous');
        expect(resolution.ids).to.deep.equal([]);
        expect(resolution.candidates.map((c) => c.id)).to.include.members(expected.slice('AMBIG:'.length).split(','));
      } else {
        expect(resolution.ids, said).to.deep.equal(expected.split(','));
      }
    });
  }
});

describe('names as people write them: the readings are said', () => {
  let context: ResolveContext;
  before(() => {
    context = { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] };
  });
  const note = (raw: string): string => resolveReferenceWarnings({ raw }, context).resolution.note;

  it('names the rule that read a name in another form', () => {
    expect(note('Email Address')).to.match(/T1589\.002 .*Email Addresses, by a word in the other number/);
    expect(note('Exploitation of Public Facing Application')).to.match(/T1190 Exploit Public-Facing Application, by "Exploitation of" for ATT&CK's "Exploit"/);
    expect(note('Brute force attacks')).to.match(/T1110 Brute Force, by a name followed by "attacks"/);
  });

  it('flags a name cut short with every technique it begins (Spearphishing, Command and Scripting), reading none', () => {
    const spear = resolveReferenceWarnings({ raw: 'Spearphishing' }, context).resolution;
    expect(spear.status).to.equal('ambiguous');
    expect(spear.candidates.map((c) => c.id)).to.deep.equal(['T1566.001', 'T1566.002', 'T1566.003', 'T1566.004', 'T1598.001', 'T1598.002', 'T1598.003', 'T1598.004']);
    expect(spear.note).to.match(/a name cut short/);
    const command = resolveReferenceWarnings({ raw: 'Command and Scripting' }, context).resolution;
    expect(command.candidates.map((c) => c.id)).to.deep.equal(['T1059']);
    expect(command.note).to.match(/T1059 Command and Scripting Interpreter \(or one of its sub-techniques\)/);
    // Under a tactic, the candidates of that tactic.
    const underRecon = resolveReferenceWarnings({ raw: 'Spearphishing', tactics: ['Reconnaissance'] }, context).resolution;
    expect(underRecon.candidates.map((c) => c.id)).to.deep.equal(['T1598.001', 'T1598.002', 'T1598.003', 'T1598.004']);
  });

  it('does not call a word that begins more than a dozen names a name cut short (Data)', () => {
    const data = resolveReferenceWarnings({ raw: 'Data' }, context).resolution;
    expect(data.status).to.equal('unknown');
    expect(data.note).not.to.match(/cut short/);
  });

  it("reads a sub-technique's name that was its parent's own before as today's, and says so (Scheduled Task: T1053.005, T1053 in 6.3)", () => {
    // Two readings, but one obvious: the old T1053's content is what T1053.005 holds, and a report of today means it.
    const alone = resolveReferenceWarnings({ raw: 'Scheduled Task' }, context).resolution;
    expect(alone.ids).to.deep.equal(['T1053.005']);
    expect(alone.note).to.match(/"Scheduled Task" was the name of T1053 itself \(now Scheduled Task\/Job\) in ATT&CK 6\.3: if the report is that old and means T1053, write T1053/);
    for (const raw of ['Scheduled Tasks', 'Scheduled Tsak']) {
      const resolution = resolveReferenceWarnings({ raw }, context).resolution;
      expect(resolution.ids, raw).to.deep.equal(['T1053.005']);
      expect(resolution.note, raw).to.match(/was the name of T1053 itself/);
    }
    // Beside an ID, or with its parent's name written, nothing more to say.
    for (const raw of ['Scheduled Task (T1053.005)', 'Scheduled Task / Job: Scheduled Task']) {
      const resolution = resolveReferenceWarnings({ raw }, context).resolution;
      expect(resolution.ids, raw).to.deep.equal(['T1053.005']);
      expect(resolution.note, raw).not.to.match(/was the name of T1053 itself/);
    }
    // A sub-technique's name that never was its parent's says nothing of it.
    expect(resolveReferenceWarnings({ raw: 'LSASS Memory' }, context).resolution.note).not.to.match(/was the name of/);
  });
});
