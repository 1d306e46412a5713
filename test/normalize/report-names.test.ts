/**
 * Technique names as real reports and tables write them without an ID (or beside one, the name read alone here), each
 * group citing the public file it comes from by its id in the find_string index of public GitHub files: old names of
 * ATT&CK 6 to 12 (`Credential Dumping`, `Standard Application Layer Protocol`, `Remote File Copy`), sub-techniques
 * without their parent (`LSASS Memory`), with it after a colon or a dash, British spellings (`Virtualisation`,
 * `Impair Defences`), typos, `&` for `and`, names several techniques share and a tactic column that decides.
 * Resolved against ATT&CK 18.1 with the enterprise releases 3.0 to 17.1 as history, as the CLI reads them, and again in
 * a campaign that states ATT&CK 8.2.
 *
 * Expected: the IDs, `AMBIG:` and the candidates, `UNKNOWN` or `DEPRECATED` (reported, never guessed). Of the 119 rows,
 * main at 03323c1 left 14 unresolved that are read now: `OS Credential Dumping - LSASS` and `OS Credential Dumping:
 * LSASS` (twice) ambiguous among one candidate, `OS Credential Dumping - SAM`, `Remote Services: RDP`, `Remote Services -
 * WinRM`, four `Boot/Logon Autostart Execution` forms and four `Local`/`Domain Account Discovery` unknown; and it read
 * `Local Accounts` under Discovery as T1078.003 Valid Accounts: Local Accounts, with a warning that Discovery is none of
 * its tactics, where the table meant T1087.001 Account Discovery: Local Account. The rows still `UNKNOWN` are
 * paraphrases (`Command History Cleared`, `Disable System Firewall`), reported with the close names as candidates.
 */
import { expect } from 'chai';
import type { AttackIndex } from '../../lib/attack/attack-index.js';
import { resolveReferenceWarnings, type ResolveContext } from '../../lib/normalize/resolve-reference.js';
import type { Resolution } from '../../lib/normalize/normalize-types.js';
import { loadRelease } from '../helpers/attack.js';

/** What a resolution reads as, in the rows' terms. */
function reading(resolution: Resolution): string {
  if (resolution.status === 'ambiguous') return `AMBIG:${resolution.candidates.map((c) => c.id).join(',')}`;
  return resolution.ids.length ? resolution.ids.join(',') : resolution.status.toUpperCase();
}

describe('names as reports write them (119 names from 55 public files, and a 2019 matrix)', () => {
  let today: ResolveContext;
  let of82: ResolveContext;
  let of63: ResolveContext;
  before(() => {
    const target: AttackIndex = loadRelease('18.1');
    const history = (): AttackIndex[] => ['17.1', '16.1', '14.1', '12.1', '10.1', '8.2', '6.3', '3.0'].map((release) => loadRelease(release));
    today = { target, history };
    of82 = { target, source: loadRelease('8.2'), history };
    of63 = { target, source: loadRelease('6.3'), history };
  });

  // [name as written, tactics written with it, read today, read in a campaign of ATT&CK 8.2 (where it differs)]
  const rows: ReadonlyArray<readonly [raw: string, tactics: string[], expected: string, stated82?: string]> = [
    // find_string index file 1191741757: a SOAR integration README (Markdown) listing MISP galaxy tags of ATT&CK 6-era names, `Name - T1234`.
    ["Registry Run Keys / Start Folder", [], "T1547.001"],
    ["Input Capture", [], "T1056"],
    ["Code Signing", [], "T1553.002"],
    ["Process Discovery", [], "T1057"],
    ["Remote File Copy", [], "T1105"],
    ["Security Software Discovery", [], "T1518.001"],
    ["Credential Dumping", [], "T1003"],
    ["Query Registry", [], "T1012"],
    ["Standard Application Layer Protocol", [], "T1071"],
    ["Web Service", [], "T1102"],
    ["Exfiltration Over Command and Control Channel", [], "T1041"],
    ["Deobfuscate/Decode Files or Information", [], "T1140"],
    ["Custom Command and Control Protocol", [], "T1095"],
    ["Data Encoding", [], "T1132"],
    ["Uncommonly Used Port", [], "T1571"],
    // find_string index file 31005051388: an adversary-simulation batch script, `Technique: Scripting (T1064)`.
    ["Scripting", [], "DEPRECATED"],
    // find_string index file 53580630850: a detection lab README, table of Tactic | `Parent - Sub` technique | ID.
    ["OS Credential Dumping - LSASS Memory", ["Credential Access"], "T1003.001"],
    ["Scheduled Task/Job", ["Persistence"], "T1053"],
    ["Create/Modify System Process - Windows Service", ["Persistence"], "T1543.003"],
    ["Use Alternate Authentication Material - Pass the Hash", ["Lateral Movement"], "T1550.002"],
    ["Boot or Logon Autostart - Registry Run Keys", ["Persistence"], "UNKNOWN"],
    ["Application Layer Protocol", ["Command and Control"], "T1071"],
    // find_string index file 52967993656: a red-team plan (Spanish), `TTP: T1070.004 - Indicator Removal - File Deletion`.
    ["Indicator Removal - File Deletion", [], "T1070.004"],
    ["Impair Defenses - Disable or Modify Tools", [], "T1562.001"],
    ["Remote Services - Remote Desktop Protocol", [], "T1021.001"],
    // find_string index file 59692505956: a detection test report, `| T1110.001 | Brute Force - Password Guessing |`.
    ["Brute Force - Password Guessing", [], "T1110.001"],
    ["Command and Scripting Interpreter - PowerShell", [], "T1059.001"],
    ["Scheduled Task/Job - Scheduled Task", [], "T1053.005"],
    // find_string index file 55717978425: a credential-access cheat sheet (Spanish), `| OS Credential Dumping - LSASS | T1003.001 |`.
    ["OS Credential Dumping - LSASS", [], "T1003.001"],
    ["OS Credential Dumping - SAM", [], "T1003.002"],
    ["OS Credential Dumping - NTDS", [], "T1003.003"],
    ["Kerberoasting", [], "T1558.003"],
    ["AS-REP Roasting", [], "T1558.004"],
    // find_string index file 1340309903: a pentest write-up, `T1003.006: OS Credential Dumping - LSASS Memory` (a wrong ID), `T1021.003: Remote Services - WinRM`.
    ["Remote Services - SMB/Windows Admin Shares", [], "T1021.002"],
    ["Remote Services - WinRM", [], "T1021.006"],
    ["Windows Admin Shares", [], "T1021.002"],
    // find_string index file 70073946792: a ransomware kill-chain figure, `T1486 (Data Encrypted for Impact - Mass File Rename)`.
    ["Data Encrypted for Impact - Mass File Rename", [], "UNKNOWN"],
    // find_string index file 52031018945: a malware analysis (British spelling), `| **Virtualisation/Sandbox Evasion** | T1497 |`.
    ["Virtualisation/Sandbox Evasion", [], "T1497"],
    // find_string index file 71601841279: a NetSupport RAT write-up, `| Defence evasion | T1497.001 Virtualisation/Sandbox Evasion: System Checks |`.
    ["Virtualisation/Sandbox Evasion: System Checks", ["Defence evasion"], "T1497.001"],
    ["Masquerading: Match Legitimate Name or Location", ["Defence evasion"], "T1036.005"],
    // find_string index file 54973421817: a SOC use-case register, `| Defence Evasion | T1562 | Impair Defences |`.
    ["Impair Defences", ["Defence Evasion"], "T1562"],
    // find_string index file 55369475332: an incident report, `| Defence Evasion | T1562.001 - Impair Defences: Disable or Modify Tools |`.
    ["Impair Defences: Disable or Modify Tools", ["Defence Evasion"], "T1562.001"],
    // find_string index file 57477450967: a container-security guide, `| Defence Evasion | Impair Defences: Disable Cloud Logs | T1562.008 |`.
    // In a campaign of 8.2 it is that release's `Impair Defenses: Disable Cloud Logs` (T1562.008) misspelt, read in its
    // names since the stated release reads a name's forms (unknown there too before).
    ["Impair Defences: Disable Cloud Logs", ["Defence Evasion"], "UNKNOWN", "T1562.008"],
    // find_string index file 55369475332: an incident report, `| Defence Evasion | T1562.001 - Impair Defences: Disable or Modify Tools |`.
    ["Indicator Removal: Clear Windows Event Logs", ["Defence Evasion"], "T1070.001"],
    // find_string index file 61610593712: a Salesforce Aura misconfiguration write-up, `Tactic: Discovery`, `T1087.002 (Account Discovery: Domain Accounts)`.
    ["Account Discovery: Domain Accounts", ["Discovery"], "T1087.002"],
    // find_string index file 1411767902: a red-team tool menu, `T1087.001 - Account Discovery: Local Accounts`.
    ["Account Discovery: Local Accounts", [], "T1087.001"],
    // find_string index file 67626263029: an intrusion write-up, `T1069.002 – Permission Group Discovery: Domain Groups`, `T1035 – Service Execution (PSExec)`.
    ["Permission Group Discovery: Domain Groups", [], "T1069.002"],
    ["Service Execution", [], "T1569.002"],
    // find_string index file 6432308800: a Linux forensics write-up, `T1136.001 — Create Account: Local Accounts`.
    ["Create Account: Local Accounts", ["Persistence"], "T1136.001"],
    // find_string index file 63146143533: an AD attack lab report, `| Discovery | Domain Account Discovery | T1087.002 |`.
    ["Domain Account Discovery", ["Discovery"], "T1087.002"],
    // find_string index file 70087333773: a process-tree investigation, `net user` | `**T1087.001:** Local Account Discovery`.
    ["Local Account Discovery", [], "T1087.001"],
    // find_string index file 56868788118: a command-line classifier, `"T1087.001", "Local Account Discovery", "Discovery"`.
    ["Local Account Discovery", ["Discovery"], "T1087.001"],
    // find_string index file 71322595698: a technique name table (TypeScript), `'T1087.002': 'Domain Account Discovery'`.
    ["Domain Account Discovery", [], "T1087.002"],
    // find_string index file 59692324789: a DFIR-style table (French), `| Discovery | Domain Account | T1087.002 |`.
    ["Domain Account", ["Discovery"], "T1087.002"],
    ["Domain Groups", ["Discovery"], "T1069.002"],
    ["Domain Trust Discovery", ["Discovery"], "T1482"],
    ["Remote Desktop Protocol", ["Lateral Movement"], "T1021.001"],
    // find_string index file 63146143533: an AD attack lab report, `| Discovery | Domain Account Discovery | T1087.002 |`.
    ["Network Service Scanning", ["Discovery"], "T1046"],
    ["Password Spraying", ["Credential Access"], "T1110.003"],
    ["Credentials from Password Stores", ["Credential Access"], "T1555"],
    // find_string index file 55142188444: an incident timeline, `| Credential Access | OS Credential Dumping: LSASS | T1003.001 |`.
    ["DLL Side-Loading", ["Defense Evasion"], "T1574.001"],
    ["OS Credential Dumping: LSASS", ["Credential Access"], "T1003.001"],
    // find_string index file 48431369861: an incident timeline, `| Defense Evasion | Command History Cleared | T1070.003 |`.
    ["Command History Cleared", ["Defense Evasion"], "UNKNOWN"],
    // find_string index file 54567034077: an ATT&CK coverage table, `| Persistence | Scheduled Task | T1053.005 |`.
    ["Scheduled Task", ["Persistence"], "T1053.005"],
    ["PowerShell", ["Execution"], "T1059.001"],
    ["Exfiltration Over C2 Channel", ["Exfiltration"], "T1041"],
    // find_string index file 70395414857: a threat profile, `| Credential Access | LLMNR/NBT-NS Poisoning and SMB Relay | T1557.001 |`.
    ["LLMNR/NBT-NS Poisoning and SMB Relay", ["Credential Access"], "T1557.001"],
    ["SMB/Windows Admin Shares", ["Lateral Movement"], "T1021.002"],
    // find_string index file 71040567706: an AI-agent intrusion write-up, `| Credential Access | Group Policy Preferences (cpassword) | T1552.006 |`.
    ["Group Policy Preferences (cpassword)", ["Credential Access"], "UNKNOWN"],
    ["Additional Email Delegate Permissions (forwarding)", ["Persistence"], "UNKNOWN"],
    ["Indicator Removal", ["Defense Evasion"], "T1070"],
    ["External Remote Services (VPN)", ["Lateral Movement"], "T1133"],
    // find_string index file 65771834753: an incident dashboard (TypeScript), `Command & Scripting Interpreter` under Execution.
    ["Command & Scripting Interpreter", ["Execution"], "T1059"],
    // find_string index file 27343004528: a phishing lab report, `| T1059.003 | Command & Scripting Interpreter: Windows CMD |`.
    ["Command & Scripting Interpreter: PowerShell", [], "T1059.001"],
    ["Command & Scripting Interpreter: Windows CMD", [], "UNKNOWN"],
    // find_string index file 54602972678: a WAF alert mapper, `Command & Scripting Interpreter: Unix Shell` under Execution.
    ["Command & Scripting Interpreter: Unix Shell", ["Execution"], "T1059.004"],
    // find_string index file 57156680828: a SIEM dashboard (PHP), `T1543.003 => Create/Modify System Service`, `Registry Run Keys`, `Disable System Firewall`.
    ["Create/Modify System Service", [], "UNKNOWN"],
    ["Registry Run Keys", [], "AMBIG:T1547.001"],
    ["Disable System Firewall", [], "UNKNOWN"],
    // find_string index file 53761332368: a malware triage script, `T1547 — Boot/Logon Autostart Execution`.
    ["Boot/Logon Autostart Execution", [], "T1547"],
    // find_string index file 69876053678: a SOC dashboard, `SMB / Windows Admin Shares` under Lateral Movement.
    ["SMB / Windows Admin Shares", ["Lateral Movement"], "T1021.002"],
    // find_string index file 62027598235: a brute-force investigation report, `| Remote Services: RDP | T1021.001 |`, `| Password Guessing | T1110.001 |`.
    ["Remote Services: RDP", [], "T1021.001"],
    ["Password Guessing", [], "T1110.001"],
    // find_string index file 55719867504: a detection scenario table, `| Discovery | Account Discovery: Domain Account | T1087.002 |`.
    ["Account Discovery: Domain Account", ["Discovery"], "T1087.002"],
    // find_string index file 56927188930: a detection content roadmap, `| Remote Services: SMB / Windows Admin Shares | T1021.002 |`.
    ["Remote Services: SMB / Windows Admin Shares", [], "T1021.002"],
    // find_string index file 36429008755: a simulated incident (Python), `Valid Accounts: Domain Accounts` under Persistence, `OS Credential Dumping: LSASS`.
    ["Valid Accounts: Domain Accounts", ["Persistence"], "T1078.002"],
    ["OS Credential Dumping: LSASS", ["Credential Access"], "T1003.001"],
    // find_string index file 6451639462: a red-team practice README, `Initial Access	Drive by Compromise`.
    ["Drive by Compromise", ["Initial Access"], "T1189"],
    // find_string index file 51941295704: a detection coverage map, `"T1562.001": {"name": "Disable Security Tools", "tactic": "Defense Evasion"}`.
    ["Disable Security Tools", ["Defense Evasion"], "T1562.001"],
    // find_string index file 52473797804: a ransomware incident report, `| T1562.001 | Disable Security Tools |`, `| T1003.001 | LSASS Memory |`.
    ["Disable Security Tools", [], "T1562.001"],
    ["LSASS Memory", [], "T1003.001"],
    ["Clear Windows Event Logs", [], "T1070.001"],
    ["Inhibit System Recovery", [], "T1490"],
    // find_string index file 58022832719: a detection gap analysis, `| T1055.012 | Process Hollowing |`.
    ["Process Hollowing", [], "T1055.012"],
    // find_string index file 62585773855: a security course, Initial Access table: `Spear phishing attachment`, `Spear phishing link`.
    ["Spear phishing attachment", ["Initial Access"], "T1566.001"],
    ["Spear phishing link", ["Initial Access"], "T1566.002"],
    // find_string index file 53366212689: an agent design document, `"name": "Spear Phishing Attachment"`.
    ["Spear Phishing Attachment", [], "AMBIG:T1566.001,T1598.002"],
    // find_string index file 25678344277: a malvertising threat profile, Initial Access: `T1566.001: Spearphishing Attachment`, `T1078.004: Valid Accounts: Cloud Accounts`.
    ["Spearphishing Attachment", ["Initial Access"], "T1566.001"],
    ["Valid Accounts: Cloud Accounts", ["Initial Access"], "T1078.004"],
    ["Cloud Accounts", ["Initial Access"], "T1078.004"],
    ["Cloud Accounts", [], "AMBIG:T1078.004,T1585.003,T1586.003", "T1078.004"],
    // find_string index file 29182961423: an IR playbook, `T1087.002 – Account Discovery: Domain Accounts / Local Accounts`.
    ["Local Accounts", ["Discovery"], "T1087.001"],
    // find_string index file 37077913539: an ATT&CK matrix of 2019 as a Markdown table (tactic columns).
    ["Bash History", ["Credential Access"], "T1552.003"],
    // find_string index file 45986646383: a SOC dashboard (Python), `"T1547": {"name": "Boot/Logon Autostart Execution", "tactic": "Persistence"}`.
    ["Boot/Logon Autostart Execution", ["Persistence"], "T1547"],
    // find_string index file 3600789487: a persistence technique list, `| Boot/Logon Initialization Scripts | T1037 |`.
    ["Boot/Logon Initialization Scripts", [], "T1037"],
    // find_string index file 70133688097: a phishing scenario (Vietnamese), `T1547.001: Boot/Logon Autostart Execution - Registry Run Keys`.
    ["Boot/Logon Autostart Execution - Registry Run Keys", [], "T1547.001"],
    // find_string index file 56077384192: an incident playbook (Italian), `T1547.001 — Boot/Logon Autostart Execution: Registry Run Keys`.
    ["Boot/Logon Autostart Execution: Registry Run Keys", [], "T1547.001"],
    // find_string index file 53580630850: a detection lab README, table of Tactic | `Parent - Sub` technique | ID.
    ["Create/Modify System Process - Windows Service", [], "T1543.003"],
    // find_string index file 6286369339: an intrusion write-up (RDP password spray to RansomHub), `File/Directory Discovery (T1083)`.
    // Its words are T1083 File and Directory Discovery's, a slash for the "and" (unknown before the reading of other small words).
    ["File/Directory Discovery", [], "T1083"],
    // find_string index file 20319839969: a TTP list, `Initial Access (TA0001)`: `Phising (T1566)`, `Spearphising Attachment (.001)`.
    ["Spearphising Attachment", ["Initial Access"], "T1566.001"],
    ["Phising", ["Initial Access"], "T1566"],
    // find_string index file 43734595195: a Dragonfly attack walk-through, names without IDs: `Spearphising Attachment`, `Powershell`, `Windows Command Shell`, `Malicious File`.
    ["Spearphising Attachment", [], "AMBIG:T1566.001,T1598.002"],
    ["Powershell", [], "T1059.001"],
    ["Windows Command Shell", [], "T1059.003"],
    ["Malicious File", [], "T1204.002"],
    // find_string index file 65991795164: a SIEM test, `mitre_tactic="Initial Access"`, `mitre_technique_name="Exploit Public Facing Application"`.
    ["Exploit Public Facing Application", ["Initial Access"], "T1190"],
    // find_string index file 59717775956: a phishing analysis, `T1027 (Obfuscated Files)`, `T1140 (Deobfuscate/Decode)`, `T1548.002 (Bypass UAC)`.
    ["Obfuscated Files", [], "AMBIG:T1027"],
    ["Deobfuscate/Decode", [], "AMBIG:T1140"],
    ["Bypass UAC", [], "T1548.002"],
  ];
  for (const [raw, tactics, expected, stated82] of rows) {
    it(`reads "${raw}"${tactics.length ? ` under ${tactics.join(', ')}` : ''} as ${expected}`, () => {
      expect(reading(resolveReferenceWarnings({ raw, tactics }, today).resolution)).to.equal(expected);
      expect(reading(resolveReferenceWarnings({ raw, tactics }, of82).resolution), 'in a campaign of ATT&CK 8.2').to.equal(stated82 ?? expected);
    });
  }

  it('says how a parent\'s name and a part of its sub-technique\'s were read (first words, initials, abbreviation)', () => {
    const note = (raw: string): string => resolveReferenceWarnings({ raw }, today).resolution.note;
    expect(note('OS Credential Dumping: LSASS')).to.match(/by the first word of its name \("LSASS"\), the only sub-technique of T1003 OS Credential Dumping whose name begins so$/);
    expect(note('OS Credential Dumping - SAM')).to.match(/^"OS Credential Dumping - SAM" read as "OS Credential Dumping: SAM": .* is T1003\.002 OS Credential Dumping: Security Account Manager, by the initials of its name \("SAM"\)/);
    expect(note('Remote Services - WinRM')).to.match(/T1021\.006 Remote Services: Windows Remote Management, by a common abbreviation of its name \("WinRM"\)/);
    // Two sub-techniques so written, or words of none, are never guessed.
    for (const raw of ['Command and Scripting Interpreter: Shell', 'Impair Defenses: Disable', 'Remote Services: SMB Relay']) {
      expect(resolveReferenceWarnings({ raw }, today).resolution.ids, raw).to.deep.equal([]);
    }
  });

  it('lets a tactic column choose the other number of a name shared across families (Local Accounts under Discovery)', () => {
    const read = resolveReferenceWarnings({ raw: 'Local Accounts', tactics: ['Discovery'] }, today);
    expect(read.resolution.status).to.equal('fuzzy');
    expect(read.resolution.note).to.match(/the tactic Discovery chose it over T1078\.003 Valid Accounts: Local Accounts \(Initial Access, Persistence, Privilege Escalation, Defense Evasion\), whose exact name it is/);
    expect(read.warnings).to.deep.equal([]);
    // A tactic the exact name's technique has keeps it.
    expect(reading(resolveReferenceWarnings({ raw: 'Local Accounts', tactics: ['Persistence'] }, today).resolution)).to.equal('T1078.003');
    expect(reading(resolveReferenceWarnings({ raw: 'Local Accounts' }, today).resolution)).to.equal('T1078.003');
  });

  it('reads a slash for the "or" of a name, and says so (Boot/Logon Autostart Execution)', () => {
    const read = resolveReferenceWarnings({ raw: 'Boot/Logon Autostart Execution' }, today).resolution;
    expect([read.status, read.ids]).to.deep.equal(['fuzzy', ['T1547']]);
    expect(read.note).to.match(/^"Boot\/Logon Autostart Execution" read as "Boot or Logon Autostart Execution" \(a slash for "or"\)/);
    // A name ATT&CK writes with a slash stays its own; words that are no name after the slash either stay unknown.
    expect(reading(resolveReferenceWarnings({ raw: 'System Owner/User Discovery' }, today).resolution)).to.equal('T1033');
    expect(reading(resolveReferenceWarnings({ raw: 'Data Staged/Collected' }, today).resolution)).to.equal('UNKNOWN');
  });

  // find_string index file 37077913539: ATT&CK's matrix of 2019 (release 5/6) as a Markdown table, each cell under its
  // tactic's column; the names are ATT&CK's own.
  const matrix: Readonly<Record<string, readonly string[]>> = {
    'initial-access': ["Drive-by Compromise", "Exploit Public-Facing Application", "External Remote Services", "Hardware Additions", "Replication Through Removable Media", "Spearphishing Attachment", "Spearphishing Link", "Spearphishing via Service", "Supply Chain Compromise", "Trusted Relationship", "Valid Accounts"],
    'execution': ["AppleScript", "CMSTP", "Command-Line Interface", "Compiled HTML File", "Control Panel Items", "Dynamic Data Exchange", "Execution through API", "Execution through Module Load", "Exploitation for Client Execution", "Graphical User Interface", "InstallUtil", "LSASS Driver", "Launchctl", "Local Job Scheduling", "Mshta", "PowerShell", "Regsvcs/Regasm", "Regsvr32", "Rundll32", "Scheduled Task", "Scripting", "Service Execution", "Signed Binary Proxy Execution", "Signed Script Proxy Execution", "Source", "Space after Filename", "Third-party Software", "Trap", "Trusted Developer Utilities", "User Execution", "Windows Management Instrumentation", "Windows Remote Management", "XSL Script Processing"],
    'persistence': [".bash_profile and .bashrc", "Accessibility Features", "Account Manipulation", "AppCert DLLs", "AppInit DLLs", "Application Shimming", "Authentication Package", "BITS Jobs", "Bootkit", "Browser Extensions", "Change Default File Association", "Component Firmware", "Component Object Model Hijacking", "Create Account", "DLL Search Order Hijacking", "Dylib Hijacking", "External Remote Services", "File System Permissions Weakness", "Hidden Files and Directories", "Hooking", "Hypervisor", "Image File Execution Options Injection", "Kernel Modules and Extensions", "LC_LOAD_DYLIB Addition", "LSASS Driver", "Launch Agent", "Launch Daemon", "Launchctl", "Local Job Scheduling", "Login Item", "Logon Scripts", "Modify Existing Service", "Netsh Helper DLL", "New Service", "Office Application Startup", "Path Interception", "Plist Modification", "Port Knocking", "Port Monitors", "Rc.common", "Re-opened Applications", "Redundant Access", "Registry Run Keys / Startup Folder", "SIP and Trust Provider Hijacking", "Scheduled Task", "Screensaver", "Security Support Provider", "Service Registry Permissions Weakness", "Setuid and Setgid", "Shortcut Modification", "Startup Items", "System Firmware", "Systemd Service", "Time Providers", "Trap", "Valid Accounts", "Web Shell", "Windows Management Instrumentation Event Subscription", "Winlogon Helper DLL"],
    'privilege-escalation': ["Access Token Manipulation", "Accessibility Features", "AppCert DLLs", "AppInit DLLs", "Application Shimming", "Bypass User Account Control", "DLL Search Order Hijacking", "Dylib Hijacking", "Exploitation for Privilege Escalation", "Extra Window Memory Injection", "File System Permissions Weakness", "Hooking", "Image File Execution Options Injection", "Launch Daemon", "New Service", "Path Interception", "Plist Modification", "Port Monitors", "Process Injection", "SID-History Injection", "Scheduled Task", "Service Registry Permissions Weakness", "Setuid and Setgid", "Startup Items", "Sudo", "Sudo Caching", "Valid Accounts", "Web Shell"],
    'defense-evasion': ["Access Token Manipulation", "BITS Jobs", "Binary Padding", "Bypass User Account Control", "CMSTP", "Clear Command History", "Code Signing", "Compile After Delivery", "Compiled HTML File", "Component Firmware", "Component Object Model Hijacking", "Control Panel Items", "DCShadow", "DLL Search Order Hijacking", "DLL Side-Loading", "Deobfuscate/Decode Files or Information", "Disabling Security Tools", "Execution Guardrails", "Exploitation for Defense Evasion", "Extra Window Memory Injection", "File Deletion", "File Permissions Modification", "File System Logical Offsets", "Gatekeeper Bypass", "Group Policy Modification", "HISTCONTROL", "Hidden Files and Directories", "Hidden Users", "Hidden Window", "Image File Execution Options Injection", "Indicator Blocking", "Indicator Removal from Tools", "Indicator Removal on Host", "Indirect Command Execution", "Install Root Certificate", "InstallUtil", "LC_MAIN Hijacking", "Launchctl", "Masquerading", "Modify Registry", "Mshta", "NTFS File Attributes", "Network Share Connection Removal", "Obfuscated Files or Information", "Plist Modification", "Port Knocking", "Process Doppelgänging", "Process Hollowing", "Process Injection", "Redundant Access", "Regsvcs/Regasm", "Regsvr32", "Rootkit", "Rundll32", "SIP and Trust Provider Hijacking", "Scripting", "Signed Binary Proxy Execution", "Signed Script Proxy Execution", "Software Packing", "Space after Filename", "Template Injection", "Timestomp", "Trusted Developer Utilities", "Valid Accounts", "Virtualization/Sandbox Evasion", "Web Service", "XSL Script Processing"],
    'credential-access': ["Account Manipulation", "Bash History", "Brute Force", "Credential Dumping", "Credentials in Files", "Credentials in Registry", "Exploitation for Credential Access", "Forced Authentication", "Hooking", "Input Capture", "Input Prompt", "Kerberoasting", "Keychain", "LLMNR/NBT-NS Poisoning and Relay", "Network Sniffing", "Password Filter DLL", "Private Keys", "Securityd Memory", "Two-Factor Authentication Interception"],
    'discovery': ["Account Discovery", "Application Window Discovery", "Browser Bookmark Discovery", "Domain Trust Discovery", "File and Directory Discovery", "Network Service Scanning", "Network Share Discovery", "Network Sniffing", "Password Policy Discovery", "Peripheral Device Discovery", "Permission Groups Discovery", "Process Discovery", "Query Registry", "Remote System Discovery", "Security Software Discovery", "System Information Discovery", "System Network Configuration Discovery", "System Network Connections Discovery", "System Owner/User Discovery", "System Service Discovery", "System Time Discovery", "Virtualization/Sandbox Evasion"],
    'lateral-movement': ["AppleScript", "Application Deployment Software", "Distributed Component Object Model", "Exploitation of Remote Services", "Logon Scripts", "Pass the Hash", "Pass the Ticket", "Remote Desktop Protocol", "Remote File Copy", "Remote Services", "Replication Through Removable Media", "SSH Hijacking", "Shared Webroot", "Taint Shared Content", "Third-party Software", "Windows Admin Shares", "Windows Remote Management"],
    'collection': ["Audio Capture", "Automated Collection", "Clipboard Data", "Data Staged", "Data from Information Repositories", "Data from Local System", "Data from Network Shared Drive", "Data from Removable Media", "Email Collection", "Input Capture", "Man in the Browser", "Screen Capture", "Video Capture"],
    'exfiltration': ["Automated Exfiltration", "Data Compressed", "Data Encrypted", "Data Transfer Size Limits", "Exfiltration Over Alternative Protocol", "Exfiltration Over Command and Control Channel", "Exfiltration Over Other Network Medium", "Exfiltration Over Physical Medium", "Scheduled Transfer"],
    'command-and-control': ["Commonly Used Port", "Communication Through Removable Media", "Connection Proxy", "Custom Command and Control Protocol", "Custom Cryptographic Protocol", "Data Encoding", "Data Obfuscation", "Domain Fronting", "Domain Generation Algorithms", "Fallback Channels", "Multi-Stage Channels", "Multi-hop Proxy", "Multiband Communication", "Multilayer Encryption", "Port Knocking", "Remote Access Tools", "Remote File Copy", "Standard Application Layer Protocol", "Standard Cryptographic Protocol", "Standard Non-Application Layer Protocol", "Uncommonly Used Port", "Web Service"],
  };
  for (const [release, label] of [['18.1', 'today'], ['6.3', 'in a campaign of ATT&CK 6.3']] as const) {
    it(`reads every cell of the 2019 matrix under its column's tactic ${label}: no name unknown, ambiguous or a guess`, () => {
      const context = release === '18.1' ? today : of63;
      const missed: string[] = [];
      for (const [tactic, names] of Object.entries(matrix)) {
        for (const raw of names) {
          const { status } = resolveReferenceWarnings({ raw, tactics: [tactic] }, context).resolution;
          if (!['name', 'renamed', 'deprecated'].includes(status)) missed.push(`${tactic}: ${raw} (${status})`);
        }
      }
      expect(missed).to.deep.equal([]);
    });
  }
});
