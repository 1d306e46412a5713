import { expect } from 'chai';
import { escapeRegExp } from '../../lib/normalize/tactic-text.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { resolveReference } from '../../lib/normalize/resolve-reference.js';
import { READING_RULES } from '../../lib/normalize/tokenize-references.js';
import { otherDomainLookup } from '../../lib/attack/index.js';
import type { Domain } from '../../lib/attack/types.js';
import { loadRelease } from '../helpers/attack.js';

describe('extractReport', () => {
  describe('technique names without an ID', () => {
    const read = (text: string, domain: 'enterprise-attack' | 'ics-attack' = 'enterprise-attack') => extractReport(text, { target: loadRelease('18.1', domain) });
    const rows = (text: string, domain?: 'enterprise-attack' | 'ics-attack') =>
      read(text, domain).references.map((ref) => [ref.line, ref.raw, ref.ids, ref.tactics, ref.resolution?.status, ref.resolution?.ids]);

    it('reads a cell of a technique column that names a technique as a reference, with its row\'s tactic', () => {
      // A lab write-up's mapping table that cites names only (`| Taktik | Technik |`), merged tactic cells left empty.
      const text = [
        '| Tactic | Technique |', '|---|---|', '| Discovery | Network Sniffing |', '| | Remote System Discovery |',
        '| Credential Access | OS Credential Dumping |', '| Execution | Comand and Scripting Interpreter: PowerShell<br>Native API |',
        '| Credential Access | Bash History |', '| Lateral Movement | RDP |', '| Defense Evasion | — |', '',
        '| Taktik | Technik | Beschreibung |', '|---|---|---|', '| Credential Access | Pass the Hash | über SMB |',
      ].join('\n');
      expect(rows(text)).to.deep.equal([
        [3, 'Network Sniffing', [], ['Discovery'], 'name', ['T1040']],
        [4, 'Remote System Discovery', [], ['Discovery'], 'name', ['T1018']],
        [5, 'OS Credential Dumping', [], ['Credential Access'], 'name', ['T1003']],
        // A typo and the `Parent: Sub` form, each line of a cell by itself.
        [6, 'Comand and Scripting Interpreter: PowerShell', [], ['Execution'], 'fuzzy', ['T1059.001']],
        [6, 'Native API', [], ['Execution'], 'name', ['T1106']],
        // An old name (revoked T1139's) and a common abbreviation, as the normalizer reads them.
        [7, 'Bash History', [], ['Credential Access'], 'renamed', ['T1552.003']],
        [8, 'RDP', [], ['Lateral Movement'], 'alias', ['T1021.001']],
        [13, 'Pass the Hash', [], ['Credential Access'], 'name', ['T1550.002']],
      ]);
    });

    it('reads a name written without its spaces beside its ID or in a technique column, with a warning', () => {
      // PDF-to-text of the ATT&CK tables of Genians' Konni reports of 2023 (20230926_threat_inteligence_report_konniapt.pdf),
      // as a public Japanese actor profile quotes them (found by the library's find_string "CommandandScriptingInterpreter"):
      // `Execution T1059.001 CommandandScriptingInterpreter:PowerShell …`, `T1057 Process DiscoveryT1082
      // SystemInformationDiscoveryT1083 FileandDirectoryDiscoveryCollection T1119 AutomatedCollection…`. Reconstructed
      // here, with a table of names alone so written and one name beside another technique's ID.
      const text = [
        'Execution T1059.001 CommandandScriptingInterpreter:PowerShell T1059.005 CommandandScriptingInterpreter:Visual Basic',
        'Discovery T1082 SystemInformationDiscoveryT1083 FileandDirectoryDiscoveryCollection T1119 AutomatedCollection',
        'SpearphishingAttachment (T1059) ran it.',
        '',
        '| Tactic | Technique |', '|---|---|',
        '| Privilege Escalation | ExploitationforPrivilegeEscalation |',
        '| Persistence | BootorLogonAutostartExecution:RegistryRunKeys/StartupFolder |',
      ].join('\n');
      const spaced = (written: string, name: string) => `name "${written}" is written without its spaces; read as "${name}"`;
      expect(read(text).references.map((ref) => [ref.line, ref.raw, ref.resolution?.status, ref.resolution?.ids, ref.resolution?.warnings[0]])).to.deep.equal([
        [1, 'CommandandScriptingInterpreter:PowerShell (T1059.001)', 'current', ['T1059.001'], spaced('CommandandScriptingInterpreter:PowerShell', 'Command and Scripting Interpreter: PowerShell')],
        [1, 'CommandandScriptingInterpreter:Visual Basic (T1059.005)', 'current', ['T1059.005'], spaced('CommandandScriptingInterpreter:Visual Basic', 'Command and Scripting Interpreter: Visual Basic')],
        [2, 'SystemInformationDiscovery (T1082)', 'current', ['T1082'], spaced('SystemInformationDiscovery', 'System Information Discovery')],
        [2, 'FileandDirectoryDiscovery (T1083)', 'current', ['T1083'], spaced('FileandDirectoryDiscovery', 'File and Directory Discovery')],
        [2, 'AutomatedCollection (T1119)', 'current', ['T1119'], spaced('AutomatedCollection', 'Automated Collection')],
        [3, 'SpearphishingAttachment (T1059)', 'ambiguous', [], spaced('SpearphishingAttachment', 'Spearphishing Attachment')],
        [7, 'ExploitationforPrivilegeEscalation', 'name', ['T1068'], spaced('ExploitationforPrivilegeEscalation', 'Exploitation for Privilege Escalation')],
        [8, 'BootorLogonAutostartExecution:RegistryRunKeys/StartupFolder', 'name', ['T1547.001'], spaced('BootorLogonAutostartExecution:RegistryRunKeys/StartupFolder', 'Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder')],
      ]);
    });

    it('reads no name outside a technique column: prose, a `Name` column of tools, a column without a header', () => {
      const text = [
        'The actor used Phishing, then Network Sniffing and OS Credential Dumping.', '',
        '| Name | Purpose |', '|---|---|', '| PowerShell | scripts |', '',
        '| Discovery | Network Sniffing |',
      ].join('\n');
      expect(read(text).references).to.deep.equal([]);
    });

    it('reads a name two techniques share by each row\'s own tactic, and merges rows of one technique', () => {
      // A names-only mapping table (as the Elastic CUBA post's list names `Create Account - Local Account`) cites a shared
      // name under two tactics: each row's tactic says which technique it is; merged first, the two were ambiguous.
      const text = [
        '| Tactic | Technique |', '|---|---|', '| Reconnaissance | Spearphishing Link |', '| Initial Access | Spearphishing Link |',
        '| Initial Access | Valid Accounts |', '| Persistence | Local Account |', '| | Valid Accounts |', '| Discovery | Local Account |',
      ].join('\n');
      expect(rows(text)).to.deep.equal([
        [3, 'Spearphishing Link', [], ['Reconnaissance'], 'name', ['T1598.003']],
        [4, 'Spearphishing Link', [], ['Initial Access'], 'name', ['T1566.002']],
        // A name of one technique is one reference, with the tactics of all its rows.
        [5, 'Valid Accounts', [], ['Initial Access', 'Persistence'], 'name', ['T1078']],
        [6, 'Local Account', [], ['Persistence'], 'name', ['T1136.001']],
        [8, 'Local Account', [], ['Discovery'], 'name', ['T1087.001']],
      ]);
    });

    it('reads the names a technique column\'s cell lists with commas, each by itself', () => {
      // A GitHub write-up's `| Tactics | Techniques |` table (code index file id 22943656228) lists two names a cell; no
      // technique's name holds a comma or a semicolon, in any release.
      const text = [
        '| Tactics | Techniques |', '|---|---|', '| Initial Access | Phishing, Exploit Public-Facing App |',
        '| Persistence | Registry Run Keys / Startup Folder, Scheduled Tasks |', '| Discovery | System Information Discovery; Process Discovery |',
      ].join('\n');
      const report = read(text);
      expect(rows(text)).to.deep.equal([
        [3, 'Phishing', [], ['Initial Access'], 'name', ['T1566']],
        [4, 'Registry Run Keys / Startup Folder', [], ['Persistence'], 'name', ['T1547.001']],
        [4, 'Scheduled Tasks', [], ['Persistence'], 'fuzzy', ['T1053.005']],
        [5, 'System Information Discovery', [], ['Discovery'], 'name', ['T1082']],
        [5, 'Process Discovery', [], ['Discovery'], 'name', ['T1057']],
      ]);
      // An item that names none is reported by itself.
      expect(report.notes[0]).to.include('line 3 "Exploit Public-Facing App" (similar: T1190 Exploit Public-Facing Application)');
    });

    it('reports the cells of a technique column that name no technique, and names the release', () => {
      const report = read('| Tactic | Technique |\n|---|---|\n| Impact | Modify Firmware |\n| Discovery | Network Sniffing |\n| Execution | — |\n');
      expect(report.references.map((ref) => ref.raw)).to.deep.equal(['Network Sniffing']);
      expect(report.notes).to.deep.equal([
        '1 cell of a technique column names no technique of ATT&CK enterprise-attack 18.1, so it is no reference: line 3 "Modify Firmware" (check the name, or the domain; ' +
          "names of older releases are read only with one at hand: `fetchRelease` (version: '6.3') gets the last before sub-techniques)",
      ]);
      // The CLI names its command and flag (FLAG_WORDS), as before.
      const cli = extractReport('| Tactic | Technique |\n|---|---|\n| Impact | Modify Firmware |\n', { target: loadRelease('18.1') }, { givenAs: { version: '--attack-release', command: 'attack-layers' } });
      expect(cli.notes[0]).to.include('`attack-layers data fetch --attack-release 6.3` gets the last before sub-techniques)');
    });

    it('reads the column after a tactic column as the technique column where the header names neither (| Tactic | Behaviour | Notes |)', () => {
      const en = read('| Tactic | Behaviour | Notes |\n|---|---|---|\n| Initial Access | Spearphishing Attachment | lure documents |\n');
      expect(en.references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([['Spearphishing Attachment', ['Initial Access'], ['T1566.001']]]);
      // A column whose header says it holds no name (a description) is none.
      expect(read('| Tactic | Description |\n|---|---|\n| Execution | The actor ran scripts |\n').notes).to.deep.equal([]);
    });

    it('reads a Chinese 具体行为 (specific behaviour) column as what was done, each row\'s evidence, not a technique column', () => {
      // Real tables' 具体行为 columns hold sentences of what was done (`| 职责 | 具体行为 |` over `| 需求翻译 |
      // 把模糊的业务需求拆成可执行的独立 Issue |`, code index file 59843876790); the header as Chinese mapping tables write
      // it, the rows in our own words. Before, each sentence was read as the ID's name (`投递带宏的诱饵文档 (T1566.001)`),
      // and with no ID column as a technique column's cell naming no technique.
      const zh = read('| ATT&CK阶段 | 技术 | 具体行为 |\n|---|---|---|\n| 初始访问 | T1566.001 | 投递带宏的诱饵文档 |\n| 执行 | T1059.001 | 执行PowerShell脚本 |\n');
      expect(zh.references.map((ref) => [ref.ids, ref.name, ref.tactics, ref.evidence?.map((said) => said.text)])).to.deep.equal([
        [['T1566.001'], undefined, ['Initial Access'], ['投递带宏的诱饵文档']],
        [['T1059.001'], undefined, ['Execution'], ['执行PowerShell脚本']],
      ]);
      const noIds = read('| ATT&CK阶段 | 具体行为 | 注释 |\n|---|---|---|\n| 初始访问 | 投递带宏的诱饵文档 | 邮件附件 |\n');
      expect([noIds.references, noIds.notes]).to.deep.equal([[], []]);
    });

    it('says what a technique column\'s cell names when it is a software or a group, apart from the cells that name nothing', () => {
      // A GitHub write-up's names-only mapping table (code index file id 58412073764) puts the tool under Lateral
      // Movement (`| Lateral Movement | PsExec |`); reconstructed, with a group's name added.
      const text = '| Tactic | Technique |\n|---|---|\n| Lateral Movement | PsExec |\n| Execution | APT29 |\n| Defense Evasion | Obfuscation |\n';
      const report = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] });
      expect(report.references).to.deep.equal([]);
      expect(report.notes).to.deep.equal([
        '1 cell of a technique column names no technique of ATT&CK enterprise-attack 18.1, so it is no reference: line 5 "Obfuscation" (check the name, or the domain)',
        '2 cells of a technique column name a group or software of ATT&CK enterprise-attack 18.1, not a technique, so they are no references: ' +
          'line 3 "PsExec" (software S0029 PsExec), line 4 "APT29" (group G0016 APT29) ' +
          "(software goes under `software:`, whose documented techniques come in as inferred; a group is the campaign's `actor:`)",
      ]);
      // The skeleton's objects hold them already.
      expect(report.objects.map((object) => object.id)).to.include.members(['S0029', 'G0016']);
    });

    it('lists a cell that names no technique with the names it comes close to, and says older releases\' names need them at hand', () => {
      // GitHub write-ups' names-only mapping tables (`| Credential Access | Credential Dumping |`, T1003's name before
      // ATT&CK 7) read with the one release the tool ships: the note said only "check the names, or the domain".
      const text = '| Tactic | Technique |\n|---|---|\n| Credential Access | Credential Dumping |\n| Defense Evasion | Obfuscation |\n';
      const [note] = read(text).notes;
      expect(note).to.include('line 3 "Credential Dumping" (similar: T1003 OS Credential Dumping');
      expect(note).to.match(/ \(check the names, or the domain; names of older releases are read only with one at hand: `fetchRelease` \(version: '6\.3'\)/);
      // With an older release at hand, the old name is read (T1003, renamed), and the note gives no such advice.
      const withHistory = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] });
      expect(withHistory.references.map((ref) => [ref.raw, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([['Credential Dumping', 'renamed', ['T1003']]]);
      expect(withHistory.notes).to.deep.equal([
        '1 cell of a technique column names no technique of ATT&CK enterprise-attack 18.1, so it is no reference: line 4 "Obfuscation" (check the name, or the domain)',
      ]);
    });

    it('reads names against the release it is given (ICS names with ICS data)', () => {
      const text = '| Taktik | Technik |\n|---|---|\n| Discovery | Network Sniffing |\n| Inhibit Response Function | Activate Firmware Update Mode |\n';
      expect(rows(text, 'ics-attack').map((row) => row[5])).to.deep.equal([['T0842'], ['T0800']]);
      expect(rows(text).map((row) => row[5])).to.deep.equal([['T1040']]);
    });

    it("reads ICS's own tactics in a table's tactic column, for the IDs of a cell of several", () => {
      // An OT range's threat model in Portuguese (code index file 69868557297): `| Inhibit Response Function | Block
      // Reporting Message (T0804); Modify Alarm Settings (T0835) | … |`; and an IOCONTROL threat report's table (code
      // index file 743444564): `| Impair Process Control | T0806 | Brute Force I/O |`. In our own words.
      const text = [
        '| Tática | Técnica (ID) | No laboratório |',
        '|---|---|---|',
        '| Discovery | Remote System Discovery (T0846) | varredura da rede |',
        '| Inhibit Response Function | Block Reporting Message (T0804); Alarm Suppression (T0878) | alarmes escondidos |',
        '| Impair Process Control | Unauthorized Command Message (T0855); Modify Parameter (T0836) | escrita de registradores |',
        '| Impact | Loss of Control (T0827) | parada |',
      ].join('\n');
      expect(read(text, 'ics-attack').references.map((ref) => [ref.ids[0], ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        ['T0846', ['Discovery'], []],
        ['T0804', ['Inhibit Response Function'], []],
        ['T0878', ['Inhibit Response Function'], []],
        ['T0855', ['Impair Process Control'], []],
        ['T0836', ['Impair Process Control'], []],
        ['T0827', ['Impact'], []],
      ]);
      // Read with Enterprise data, the ICS tactic is said to be none of the release's, not the row above's.
      const t0855 = read(text).references.find((ref) => ref.ids[0] === 'T0855');
      expect(t0855?.tactics).to.deep.equal(['Impair Process Control']);
    });

    it('points to suggest when the report names more techniques without an ID than it cites', () => {
      const prose = 'The actor used Phishing, then Network Sniffing.\nThen Remote System Discovery followed.\nOS Credential Dumping (T1003) came last.\n';
      const [note] = read(prose).notes;
      // `Phishing` is an English word in common use, which starts many a sentence: it is no hint.
      expect(note).to.match(/^the report names 2 techniques without an ID \(T1040 Network Sniffing at line 1, T1018 Remote System Discovery at line 2\)/);
      expect(note).to.include('`suggestTechniques` ranks them');
      // Lower-case words (`phishing`, `search engines`) are no names; cited techniques' names are no hint either.
      expect(read('Users are lured via search engines and phishing.\nNetwork Sniffing (T1040) and T1018 Remote System Discovery.\n').notes).to.deep.equal([]);
    });

    it('reads a list of techniques and their sub-techniques without IDs as references by name, in any case; one that names none is noted', () => {
      // Elastic Security Labs' FORMBOOK post (2022, elastic/security-research) lists its techniques in sentence case, a
      // dash for the colon, under a prose link that cites two by address; reconstructed, the post states no licence.
      const text = [
        'shared [initial access](https://attack.mitre.org/techniques/T1566/001) and [execution](https://attack.mitre.org/techniques/T1203) TTPs',
        '', 'Observed techniques/sub techniques', '',
        '* Acquire infrastructure - server', '* Obtain capabilities - malware and exploits', '* Stage capabilities - upload malware',
        '* Phishing - attachment', '* Command and scripting interpreter - PowerShell', '* Exploitation for client execution',
      ].join('\n');
      const report = read(text);
      expect(report.references.map((ref) => [ref.line, ref.raw, ref.resolution?.ids])).to.deep.equal([
        [1, 'https://attack.mitre.org/techniques/T1566/001', ['T1566.001']],
        [1, 'https://attack.mitre.org/techniques/T1203', ['T1203']],
        [5, 'Acquire infrastructure: server', ['T1583.004']],
        // Two sub-techniques in one item are two references.
        [6, 'Obtain capabilities: malware', ['T1588.001']],
        [6, 'Obtain capabilities: exploits', ['T1588.005']],
        [7, 'Stage capabilities: upload malware', ['T1608.001']],
        // T1566 Phishing has one sub-technique whose name ends with `attachment`: before, no reference, only a note.
        [8, 'Phishing: attachment', ['T1566.001']],
        [9, 'Command and scripting interpreter: PowerShell', ['T1059.001']],
        // A name alone is read in a list of such items.
        [10, 'Exploitation for client execution', ['T1203']],
      ]);
      expect(report.references[2]!.resolution?.warnings).to.deep.equal(['read by name from the list item "Acquire infrastructure - server", no ID written: check that it is the technique meant']);
      // Read in another form than ATT&CK's, it says which technique it was read as, which the skeleton's `ref:` does not.
      expect(report.references[6]!.resolution?.warnings).to.deep.equal([
        'read by name from the list item "Phishing - attachment", no ID written: "Phishing: attachment" is T1566.001 Phishing: Spearphishing Attachment, ' +
          'by the last word of its name ("attachment"), the only sub-technique of T1566 Phishing whose name ends so; check that it is the technique meant',
      ]);
      expect(report.notes).to.deep.equal([]);
      // An item whose words end the names of two sub-techniques is still noted, not guessed.
      expect(read('Observed techniques\n\n* Phishing - attachment\n* Command and scripting interpreter - shell\n').notes[0]).to.include('line 4 "Command and scripting interpreter: shell"');
      // In a sentence, or with other words in the item, lower-case words stay prose.
      expect(read('The actor relied on exploitation for client execution.\n* We saw exploitation for client execution\n').notes).to.deep.equal([]);
    });

    it('counts a parent named on the line of its own sub-technique as one item with it', () => {
      // The Elastic CUBA post's list (2022) names a parent and its sub-techniques on one item (`Scheduled Task/Job -
      // Scheduled Task`): the note counted each parent apart, 16 techniques for a list of 12. Reconstructed, names only;
      // a parent named alone elsewhere counts there.
      const text = [
        // Its lines as PDF text gives them, without the list's marks (a list so marked is read as references: see above).
        'Techniques seen:', '', 'Command and Scripting Interpreter - PowerShell, Windows Command Shell', 'Scheduled Task/Job - Scheduled Task',
        'Data Encrypted for Impact', '', 'Command and Scripting Interpreter was used again later.',
      ].join('\n');
      expect(read(text).notes[0]).to.match(
        /^the report names 5 techniques without an ID \(T1059\.001 Command and Scripting Interpreter: PowerShell at line 3, T1059\.003 Command and Scripting Interpreter: Windows Command Shell at line 3, T1053\.005 Scheduled Task\/Job: Scheduled Task at line 4, T1486 Data Encrypted for Impact at line 5, T1059 Command and Scripting Interpreter at line 7\)/,
      );
    });

    it('counts a name a technique had in an older release, with its current name and ID; one inside a current name is that one', () => {
      // MITRE's APT29 emulation plan for ATT&CK Evaluations round 2 (2020, as OTRF publishes it) heads each step with the
      // names of its day: `**Technique:** Remote File Copy, / Obfuscated Files or Information`. Reconstructed lines.
      const text = [
        '### 3.A — Deploy Stealth Toolkit', '**Technique:** Remote File Copy, / Obfuscated Files or Information', '',
        '### 6.A — Credentials Access', '**Technique:** Credential Dumping, / Masquerading', '',
        '### 8.C — Lateral Movement', '**Technique:** Windows Admin Shares, / Valid Accounts', '', 'Data Encrypted for Impact came last.',
      ].join('\n');
      const older = (id: string, name: string, written: string, line: number): string => `${id} ${name} (written "${written}", an older name) at line ${line}`;
      const withHistory = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] });
      // `Data Encrypted` was T1022's name (now T1560 Archive Collected Data): inside `Data Encrypted for Impact`, it is T1486's.
      expect(withHistory.notes[0]).to.match(new RegExp(`^the report names 6 techniques without an ID \\(${escapeRegExp([
        'T1027 Obfuscated Files or Information at line 2', older('T1105', 'Ingress Tool Transfer', 'Remote File Copy', 2), older('T1003', 'OS Credential Dumping', 'Credential Dumping', 5),
        'T1078 Valid Accounts at line 8', older('T1021.002', 'Remote Services: SMB/Windows Admin Shares', 'Windows Admin Shares', 8), 'T1486 Data Encrypted for Impact at line 10',
      ].join(', '))}\\)`));
      // Without older releases at hand, the release's revoked techniques still give theirs (T1077 Windows Admin Shares).
      expect(read(text).notes[0]).to.include(older('T1021.002', 'Remote Services: SMB/Windows Admin Shares', 'Windows Admin Shares', 8)).and.not.include('Remote File Copy');
    });

    it('counts an older name that is the current one but for case as the current name', () => {
      // T1081 was `Credentials in Files` (ATT&CK 6.3; revoked by T1552.001, `Credentials In Files`): a line in the style of
      // the APT29 emulation plan's step headings above, written with 6.3's name. Constructed.
      const text = ['### 6.B — Credentials Access', '**Technique:** Credentials in Files, / Valid Accounts'].join('\n');
      const withHistory = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] });
      for (const { notes } of [withHistory, read(text)]) {
        expect(notes[0]).to.match(/^the report names 2 techniques without an ID /).and.include('T1552.001 Unsecured Credentials: Credentials In Files at line 2').and.not.include('an older name');
      }
    });

    it('does not read DLL, a file type\'s word, in prose as T1574.001 (named DLL since ATT&CK 17); its full name still counts', () => {
      // Sentences in the manner of JPCERT/CC's TSCookie post (2018) and a DFIR case, reworded: the DLL is the file.
      const text = ['The sample downloaded a DLL file and loaded it on memory.', 'The actor ran the DLL through rundll32.', 'Network Sniffing followed.'].join('\n');
      for (const report of [read(text), extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('17.1')] })]) {
        expect(report.notes.join('\n')).to.include('T1040 Network Sniffing at line 3').and.not.include('T1574.001');
      }
      expect(read('They used Hijack Execution Flow: DLL, then Network Sniffing.').notes[0]).to.include('T1574.001 Hijack Execution Flow: DLL at line 1');
    });

    it('counts a line that is a technique\'s name and nothing else, in any case, among the names without an ID', () => {
      // SE Labs' EDR test report (2022, PDF text) flattens its attack diagrams to a name a line, `Powershell` among them.
      const text = ['Example Wizard Spider Attack', '', 'Delivery', '', 'Execution', '', 'Windows Command Shell', '', 'Powershell', '', 'Scheduled task'].join('\n');
      expect(read(text).notes[0]).to.match(/^the report names 3 techniques without an ID \(T1059\.003 Command and Scripting Interpreter: Windows Command Shell at line 7, T1059\.001 Command and Scripting Interpreter: PowerShell at line 9, T1053\.005 Scheduled Task\/Job: Scheduled Task at line 11\)/);
    });
  });

  it('checks the name beside an ID in every form, dash, colon, brackets or table cell, against the ID (reports5 09)', () => {
    // ZOVARK's scoreboard lists vectors as `T1071-001: DNS Tunneling Data Exfil`: read as T1071.001, Web Protocols.
    const text = [
      '- T1071-001: DNS Tunneling Data Exfil', '- T1071.002: DNS Tunneling', '- DNS Tunneling (T1071.003)', '',
      '| ID | Technique |', '|---|---|', '| T1071-005 | DNS Beaconing |',
    ].join('\n');
    const report = extractReport(text, { target: loadRelease('18.1') });
    expect(report.references.map((ref) => [ref.ids[0], ref.resolution?.warnings.map((w) => /holds "DNS", the name of T1071\.004 .* while/.test(w))])).to.deep.equal([
      ['T1071.001', [true]],
      ['T1071.002', [true]],
      ['T1071.003', [true]],
      ['T1071.005', [true]],
    ]);
  });

  describe('a table whose header puts the tactic after the ID (`Rule Technique Name MITRE ID Tactic`, a SOC lab\'s report as PDF text)', () => {
    it('says in a note which rows name no tactic there, rather than nothing', () => {
      const text = [
        'Rule Technique Name MITRE ID Tactic',
        '1 Remote System Discovery T1018 Discovery',
        '2 OS Credential Dumping: LSASS Memory T1003.001 Credential Theft',
        '3 Account Discovery: Local Account T1087.001',
      ].join('\n');
      const report = extractReport(text, { target: loadRelease('18.1') });
      expect(report.references.map((ref) => [ref.ids, ref.tactics])).to.deep.equal([[['T1018'], ['Discovery']], [['T1003.001'], []], [['T1087.001'], []]]);
      expect(report.notes).to.deep.equal([
        'no tactic read for 2 rows of a table whose header puts the tactic after the ID: line 3: "Credential Theft" after the ID is no tactic (header on line 1), ' +
          'line 4: nothing follows the ID (header on line 1) (write their tactic: by hand)',
      ]);
    });
  });

  describe("a tactic glued before a technique's name, a table's cells run together (`PersistenceValid Accounts(T1078)`)", () => {
    // Stefan Behling's blog, "MITRE ATT&CK in der Praxis: Angriffe nachvollziehen" (https://www.stefanbehling.tech/?p=97),
    // its Phase | Taktik | Technik tables scraped with the cells run together (test/corpus/reports/behling-attack-praxis-de.yaml).
    const text = [
      'PhaseTaktikTechnik',
      'Initial AccessSupply Chain Compromise(T1195)',
      'PersistenceValid Accounts(T1078)',
      'ExecutionUser ExecutionMalicious File (T1204.002)',
      'ExfiltrationData Encrypted for Impact(T1486)',
      'ReconnaissanceAufklärungActive Scanning (T1595)',
      'Command and ControlC2-KommunikationEncrypted Channel (T1573)',
    ].join('\n');
    const report = extractReport(text, { target: loadRelease('18.1') });
    const read = report.references.map((ref) => [ref.raw, ref.name, ref.tactics]);

    it("reads the tactic as the row's and the rest as the name where the rest names the ID's technique, and says so", () => {
      expect(read.slice(0, 2)).to.deep.equal([
        ['Supply Chain Compromise(T1195)', 'Supply Chain Compromise', ['Initial Access']],
        ['Valid Accounts(T1078)', 'Valid Accounts', ['Persistence']],
      ]);
      expect(report.references[1]!.span).to.deep.equal({ line: 3, start: 11, end: 32 });
      expect(report.references[1]!.resolution!.trail[0]).to.match(/^read: a tactic glued before its technique's name.*: "PersistenceValid Accounts" as Persistence and "Valid Accounts"$/);
      expect(report.references[1]!.resolution!.warnings).to.deep.equal([]);
    });

    it("reads it before a parent's and a sub-technique's names run together as their cells were", () => {
      expect(read[2]).to.deep.equal(['User ExecutionMalicious File (T1204.002)', 'User ExecutionMalicious File', ['Execution']]);
    });

    it('warns where the tactic read is not the technique\'s, as the row writes it', () => {
      expect(read[3]).to.deep.equal(['Data Encrypted for Impact(T1486)', 'Data Encrypted for Impact', ['Exfiltration']]);
      expect(report.references[3]!.resolution!.warnings).to.deep.equal(['Exfiltration is not a tactic of T1486 Data Encrypted for Impact: it is Impact only in ATT&CK 18.1']);
    });

    it("reads it with the tactic's German name between (a Taktik cell: Aufklärung, Reconnaissance in tactic-names.ts), and says so", () => {
      expect(read[4]).to.deep.equal(['Active Scanning (T1595)', 'Active Scanning', ['Reconnaissance']]);
      expect(report.references[4]!.resolution!.trail[0]).to.match(/: "ReconnaissanceAufklärungActive Scanning" as Reconnaissance, "Aufklärung" its name in another language, and "Active Scanning"$/);
      // The same in a Markdown table, the ID in a cell of its own (our words, with Microsoft's German `Erstzugriff`).
      const cells = extractReport('| Taktik | Technik |\n|---|---|\n| Initial AccessErstzugriffPhishing | T1566 |', { target: loadRelease('18.1') }).references[0]!;
      expect([cells.name, cells.tactics, cells.resolution!.warnings]).to.deep.equal(['Phishing', ['Initial Access'], []]);
    });

    it("leaves the name as written where the rest is no name of the ID's technique (a German cell between that names no tactic)", () => {
      expect(read[5]).to.deep.equal(['Command and ControlC2-KommunikationEncrypted Channel (T1573)', 'Command and ControlC2-KommunikationEncrypted Channel', []]);
      // Nor another tactic's name in German: Ausführung is Execution's.
      const other = extractReport('ReconnaissanceAusführungActive Scanning (T1595)', { target: loadRelease('18.1') }).references[0]!;
      expect([other.name, other.tactics]).to.deep.equal(['ReconnaissanceAusführungActive Scanning', []]);
      // Nor is a technique's name that begins with a tactic's word with a space after it cut (`Exfiltration Over …`).
      const spaced = extractReport('Exfiltration Over Web Service (T1567)', { target: loadRelease('18.1') }).references[0]!;
      expect([spaced.name, spaced.tactics]).to.deep.equal(['Exfiltration Over Web Service', []]);
    });
  });

  it('says, among its notes, a quoted Chinese name before a word for a group that no group is found for (“毒云藤”组织)', () => {
    // A Chinese mobile threat review names 360's 毒云藤（APT-C-01）, which ATT&CK has no group for; here quoted (ours).
    const report = extractReport('360安全团队曝光的“毒云藤”组织对我国政府进行了长期的网络间谍活动。\n海莲花组织使用了 T1566.001。', { target: loadRelease('18.1') });
    expect(report.objects.map((o) => o.id)).to.deep.equal(['G0050']);
    expect(report.notes.filter((note) => note.includes('毒云藤'))).to.have.length(1);
  });

  it('says who 肚脑虫 and 毒云藤 are, quoted or not, and that ATT&CK holds no group for them, reading no group', () => {
      // Qi-Anxin's and 360's names (anquanke.com/post/id/186254: `Donot APT组织（肚脑虫）`; 360's `毒云藤（APT-C-01）`), in
      // sentences of ours. Before, an unquoted 肚脑虫组织 gave no note at all.
      const report = extractReport('肚脑虫组织（APT-C-35）针对南亚发起攻击，使用了 T1566.001。\n“毒云藤”组织也使用了 T1566.001。', { target: loadRelease('18.1') });
      expect(report.objects).to.deep.equal([]);
      expect(report.notes).to.deep.equal([
        'line 1: "肚脑虫" is the group known as Donot Team or Donot or APT-C-35, which ATT&CK 18.1 holds no group for (by that name, an alias or its code): write the actor by hand',
        'line 2: "毒云藤" is the group known as APT-C-01 or GreenSpot, which ATT&CK 18.1 holds no group for (by that name, an alias or its code): write the actor by hand',
      ]);
  });

  it("says, among its notes, a Chinese name whose English name in brackets is another group's, and reads the English name", () => {
    // The layout of Tencent's `响尾蛇（SideWinder）APT组织` (s.tencent.com/research/report/659.html) with names that disagree (ours).
    const report = extractReport('白象（APT28）组织使用了 T1566.001。\n响尾蛇（SideWinder）APT组织', { target: loadRelease('18.1') });
    expect(report.objects.map((o) => o.id)).to.deep.equal(['G0007', 'G0121']);
    expect(report.notes).to.include(
      'line 1: "白象" is G0040 Patchwork by extract\'s glossary of Chinese and Korean group names, but the name in its brackets, "APT28", is G0007 APT28: read as the name in brackets; check which group the report means',
    );
    expect(report.notes.filter((note) => note.includes('响尾蛇'))).to.deep.equal([]);
  });

  describe('a T and five digits (`T10593`)', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });

    it('reports T10593 as a malformed ID with both readings as candidates (T1059.003, T1059 with a footnote 3), reading neither', () => {
      const text = ['Execution', 'The actor ran batch scripts through the Windows Command Shell (T10593) and later T10593 again.'].join('\n');
      const refs = read(text).references;
      // Each mention is an item, as each `T1566.01` is: one that places no technique merges with none.
      expect(refs.map((ref) => [ref.line, ref.raw, ref.ids, ref.malformed, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        [2, 'T10593', [], 'T10593', 'unknown', []],
        [2, 'T10593', [], 'T10593', 'unknown', []],
      ]);
      expect(text.split('\n')[1]!.slice(refs[0]!.span.start, refs[0]!.span.end)).to.equal('T10593');
      const { note, candidates } = refs[0]!.resolution!;
      expect(note).to.equal(
        'malformed ID "T10593": a technique ID has four digits; did you mean T1059.003 Command and Scripting Interpreter: Windows Command Shell (the sub-technique .003) ' +
          "or T1059 Command and Scripting Interpreter (a footnote's 3 glued to it)? It is not read as either: check the text",
      );
      expect(candidates!.map((c) => c.id)).to.deep.equal(['T1059.003', 'T1059']);
      // As a sub-technique number of two digits is (`T1566.01`): a malformed ID, reported with what it may mean.
      expect(read('Phishing links (T1566.01).').references[0]!.resolution!.note).to.match(/^malformed ID "T1566\.01": .*did you mean T1566\.001/);
    });

    it('reads a sub-technique number of two digits at a sentence\'s end as malformed, not as the name of the ID before it', () => {
      // A sentence of our own in the shape a sweep of real report text found (h440): T1003.01 became T1059.001's name,
      // and T1059.001 came out unresolved.
      const refs = read('They used T1059.001 and T1003.01.').references;
      expect(refs.map((ref) => [ref.raw, ref.ids, ref.name, ref.malformed, ref.resolution?.status])).to.deep.equal([
        ['T1059.001', ['T1059.001'], undefined, undefined, 'current'],
        ['T1003.01', [], undefined, 'T1003.01', 'unknown'],
      ]);
      expect(refs[1]!.resolution!.note).to.match(/^malformed ID "T1003\.01": .*did you mean T1003\.001/);
    });

    it("takes its table row's tactic as its neighbours' IDs do (| Execution | T10593 | Windows Command Shell |)", () => {
      // A tactic | ID | technique table (ours) with one ID typed with its dot and zeros lost, as in the cases above.
      const text = ['| Tactic | ID | Technique |', '|---|---|---|', '| Execution | T1059.001 | PowerShell |', '| Execution | T10593 | Windows Command Shell |', '| Persistence | T1547.001 | Registry Run Keys |'].join('\n');
      const refs = read(text).references.filter((ref) => ref.ids.length || ref.malformed);
      expect(refs.map((ref) => [ref.line, ref.ids, ref.malformed, ref.tactics])).to.deep.equal([
        [3, ['T1059.001'], undefined, ['Execution']],
        [4, [], 'T10593', ['Execution']],
        [5, ['T1547.001'], undefined, ['Persistence']],
      ]);
    });

    it('offers first the technique the name beside it names, where that is the word with a digit too many (T10146 for T1046)', () => {
      // crocodyli's Akira "megazord" TTP table (ThreatActors-TTPs Akira/Megazord-TTP.md, MIT licence) writes
      // `| Discovery | Network Service Discovery   (T10146) | … |`: T1046 with a 1 typed into it. It was offered as T1014
      // Rootkit with a footnote's 6, the name beside it unsaid. Our own lines in that shape.
      const refs = read(['- Network Service Discovery (T10146)', '- Remote System Discovery T10188', '- Rootkit (T10146)'].join('\n')).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status, ref.resolution?.ids, ref.resolution?.candidates?.map((c) => c.id)])).to.deep.equal([
        ['T10146', 'Network Service Discovery', 'unknown', [], ['T1046', 'T1014']],
        ['T10188', 'Remote System Discovery', 'unknown', [], ['T1018']],
        ['T10146', 'Rootkit', 'unknown', [], ['T1014']],
      ]);
      expect(refs[0]!.resolution!.note).to.equal(
        'malformed ID "T10146": a technique ID has four digits; did you mean T1046 Network Service Discovery (a digit too many, which the name "Network Service Discovery" beside it names) ' +
          "or T1014 Rootkit (a footnote's 6 glued to it)? It is not read as either: check the text",
      );
      // A name of the technique of one of its readings says so (T1018 with a footnote's 8, or a digit too many: one reading).
      expect(refs[1]!.resolution!.note).to.equal(
        'malformed ID "T10188": a technique ID has four digits; did you mean T1018 Remote System Discovery (a footnote\'s 8 glued to it, which the name "Remote System Discovery" beside it names)? It is not read as it: check the text',
      );
    });

    it('is one reference in a technique column\'s cell, its name beside it, not a reference by name as well (T10146, T10466 for T1046)', () => {
      // The Megazord table's own row (above) and a sweep's `| Network Service Discovery (T10466) |`, in table rows: the cell
      // was also read as a name without an ID, a second reference that read T1046 silently, by name, beside the flagged one.
      const refs = read(['| Tactic | Technique | Details |', '|---|---|---|', '| Discovery | Network Service Discovery   (T10146) | scans the hosts |', '| Discovery | Network Service Discovery (T10466) | again |'].join('\n')).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.tactics, ref.resolution?.status, ref.resolution?.candidates?.map((c) => c.id)])).to.deep.equal([
        ['T10146', 'Network Service Discovery', ['Discovery'], 'unknown', ['T1046', 'T1014']],
        ['T10466', 'Network Service Discovery', ['Discovery'], 'unknown', ['T1046']],
      ]);
    });

    it('says the name beside it inside a sentence as in a table cell, the sentence\'s words before the name no part of it (T10466)', () => {
      // Our own sentence around the sweep's cell above: in prose the words before the ID were read as one name, "They ran
      // Network Service Discovery", which names nothing, so the note offered T1046 without the name beside it.
      const note = 'malformed ID "T10466": a technique ID has four digits; did you mean T1046 Network Service Discovery (a footnote\'s 6 glued to it, which the name "Network Service Discovery" beside it names)? It is not read as it: check the text';
      const table = read(['| Technique | Details |', '|---|---|', '| Network Service Discovery (T10466) | scans |'].join('\n')).references;
      const prose = read('They ran Network Service Discovery (T10466) against the subnet.').references;
      for (const refs of [table, prose]) {
        expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.note])).to.deep.equal([['T10466', 'Network Service Discovery', note]]);
      }
      // Words that name no reading's technique stay unsaid: T1046 alone, no name.
      const plain = read('They ran a quick sweep (T10466) against the subnet.').references;
      expect(plain.map((ref) => [ref.raw, ref.name, ref.resolution?.candidates?.map((c) => c.id)])).to.deep.equal([['T10466', undefined, ['T1046']]]);
    });

    it('gives only the readings the release has (T10019: T1001, no T1001.009), and reads no other T and five digits', () => {
      const refs = read('See T10019. A model T12345, a time 20130719T105931Z, t10593 (a variable), T10593.5 and T105931.').references;
      expect(refs.map((ref) => [ref.raw, ref.resolution?.candidates?.map((c) => c.id)])).to.deep.equal([['T10019', ['T1001']]]);
    });
  });

  describe("IDs of ATT&CK for ICS's first wiki (T816 for T0816)", () => {
    const ics = (text: string) => extractReport(text, { target: loadRelease('18.1', 'ics-attack') });

    it('reads T816 as T0816 where the name beside it is that technique\'s, says so, and writes the ID as ATT&CK writes it now', () => {
      // Armis's 2020 blog series on ATT&CK for ICS (part 5, https://www.armis.com/blog/mitre-attck-for-ics-practical-applications-part-5/)
      // cites the wiki's IDs: 'MITRE defines T816: Device Restart/Shutdown as follows'; our lines in that shape.
      const text = ['The wiki defines T816: Device Restart/Shutdown as below.', 'Valid Accounts (T859) came first.'].join('\n');
      const refs = ics(text).references;
      expect(refs.map((ref) => [ref.raw, ref.ids, ref.name, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        ['Device Restart/Shutdown (T0816)', ['T0816'], 'Device Restart/Shutdown', 'current', ["T816 read as T0816: the name after it is that technique's; check the text"]],
        ['Valid Accounts (T0859)', ['T0859'], 'Valid Accounts', 'current', ["T859 read as T0859: the name before it is that technique's; check the text"]],
      ]);
      expect(refs[0]!.resolution!.trail[0]).to.match(/^read: an ID of ATT&CK for ICS's first wiki .*: "T816" as T0816$/);
    });

    it('reads a wiki ID of a technique ATT&CK has since deprecated (T875: Change Program State), and says it is deprecated', () => {
      // Armis's series, part 2 (https://www.armis.com/blog/mitre-attck-techniques-for-ics-practical-applications-part-2/,
      // 2020): 'So, what is this technique called T875: Change Program State?'. T0875 is deprecated in ICS 18.1; the
      // citation was dropped unsaid, as only current techniques were read.
      const refs = ics('So, what is this technique called T875: Change Program State?\nEngineering Workstation Compromise (T818) came first.').references;
      expect(refs.map((ref) => [ref.raw, ref.ids, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        ['Change Program State (T0875)', ['T0875'], 'deprecated', ["T875 read as T0875: the name after it is that technique's; check the text"]],
        ['Engineering Workstation Compromise (T0818)', ['T0818'], 'deprecated', ["T818 read as T0818: the name before it is that technique's; check the text"]],
      ]);
      // A deprecated technique's name elsewhere vouches for nothing: only its own wiki ID.
      expect(ics('Change Program State (T816) came first.').references).to.deep.equal([]);
    });

    it('reads no T and three digits without that technique\'s name beside it, nor in an Enterprise run, and notes none', () => {
      const text = 'The T800 terminator, a T816 model, Valid Accounts T816 and Device Restart/Shutdown T859.';
      const read = ics(text);
      // The names alone are noted as names without an ID, as before; no note takes a T and three digits for an ID.
      expect([read.references, read.notes.filter((note) => /T8\d\d\b/.test(note))]).to.deep.equal([[], []]);
      expect(extractReport('MITRE defines T816: Device Restart/Shutdown.', { target: loadRelease('18.1') }).references).to.deep.equal([]);
    });
  });

  describe('IDs with one of their four digits lost (T106 for T1068)', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });

    it('reads T106 as T1068 where the name before it is that technique\'s, and says so', () => {
      // StealthCup (arXiv 2511.17761v1, 2025), Table 3 as pdftotext writes it, one cell a line: the paper's row
      // 'Exploitation for Privilege Escalation - T106' cites T1068, its last digit lost.
      const text = ['Privilege Escalation', 'Exploitation for Privilege Escalation - T106', '✓', '2'].join('\n');
      const refs = read(text).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.ids, ref.name, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        [2, 'Exploitation for Privilege Escalation - T1068', ['T1068'], 'Exploitation for Privilege Escalation', 'current', ["T106 read as T1068: the name before it is that technique's; check the text"]],
      ]);
      expect(refs[0]!.resolution!.trail[0]).to.match(/^read: a technique's ID with one of its four digits lost .*: "T106" as T1068$/);
    });

    it('gives the repaired ID the tactic its row stands under, as the rows around it have theirs', () => {
      // StealthCup (arXiv 2511.17761v1), Table 3: the T106 row is the first under its tactic cell, Privilege Escalation;
      // the rows before it are Execution's. It had no tactic; the rows around it had theirs.
      const text = [
        'Execution', 'Command and Scripting Interpreter: Unix Shell T1059.004', '✓', '0',
        'Privilege Escalation', 'Exploitation for Privilege Escalation - T106', '✓', '2',
        'Scheduled Task/Job: Scheduled Task - T1053.005', '✓', '3',
      ].join('\n');
      expect(read(text).references.map((ref) => [ref.line, ref.ids, ref.tactics])).to.deep.equal([
        [2, ['T1059.004'], ['Execution']],
        [6, ['T1068'], ['Privilege Escalation']],
        [9, ['T1053.005'], ['Privilege Escalation']],
      ]);
    });

    it('gives an ID repaired in a Markdown table row its tactic cell, carried down past an empty one', () => {
      const text = [
        '| Tactic | Technique | ID |', '|---|---|---|', '| Privilege Escalation | Valid Accounts | T1078 |',
        '| | Exploitation for Privilege Escalation - T106 | |',
        '', 'Out of the table, Exploitation for Privilege Escalation - T106 has none.',
      ].join('\n');
      // The cell was read twice before: as a name (`read as undefined`, with the tactic) and as the ID (without it).
      expect(read(text).references.map((ref) => [ref.line, ref.raw, ref.ids, ref.tactics])).to.deep.equal([
        [3, 'Valid Accounts | T1078', ['T1078'], ['Privilege Escalation']],
        [4, 'Exploitation for Privilege Escalation - T1068', ['T1068'], ['Privilege Escalation']],
        [6, 'Exploitation for Privilege Escalation - T1068', ['T1068'], []],
      ]);
    });

    it('reads no T and three digits without the name of a technique whose ID it is with a digit put back, and notes none', () => {
      const text = 'The T106 model, Valid Accounts - T106, Exploitation for Privilege Escalation - T1O6 and T106.';
      const read1 = read(text);
      expect([read1.references.map((ref) => ref.raw), read1.notes.filter((note) => /T1\d\d\b/.test(note))]).to.deep.equal([[], []]);
    });
  });

  describe('IDs whose T OCR read as a 7 or a 1', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });

    it('reads 71021.001 and 71114 as IDs where the name before each is that technique\'s, and says so', () => {
      // The shape of OCR'd CISA/NSA advisory tables (reports4 01-en-ocr-cisa-gru.txt line 29, 21-en-ocr-cisa-lumma.txt).
      const text = [
        'Lateral Movement Remote Desktop Protocol 71021.001 Moved laterally within the network using RDP.',
        'Tactic/Technique Title ID Use Email Collection 71114 Retrieved sensitive data from email servers.',
      ].join('\n');
      const refs = read(text).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.ids, ref.name, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        [1, 'Remote Desktop Protocol T1021.001', ['T1021.001'], 'Remote Desktop Protocol', 'current', ['T1021.001']],
        [2, 'Email Collection T1114', ['T1114'], 'Email Collection', 'current', ['T1114']],
      ]);
      expect(refs[0]!.resolution!.warnings).to.deep.equal(["71021.001 read as T1021.001: the name before it is that technique's; check the text"]);
      expect(refs[1]!.resolution!.trail[0]).to.match(/^read: a T read by OCR as 7 or 1 .*: "71114" as T1114$/);
      expect(text.split('\n')[0]!.slice(refs[0]!.span.start, refs[0]!.span.end)).to.equal('Remote Desktop Protocol 71021.001');
    });

    it('reads no such word without a name before it that is the same technique\'s', () => {
      const text = [
        'We counted 71114 events and 11566.002 hits on port 71021.',
        // The parent's name before a sub-technique's number, another technique's name, a name after the number.
        'Phishing 71566.001 Attachment; Email Collection 71012; 71114 Email Collection.',
        '| Email Collection | 71114 |',
      ].join('\n');
      expect(read(text).references).to.deep.equal([]);
    });

    it('reads such a word where the name around it, set on two lines of its cell, is that technique\'s, and says so', () => {
      // The flattened table of AA25-141B (reports4 21-en-ocr-cisa-lumma.txt line 4): names broken around the numbers.
      const text = 'Phishing T1566 Phishing: Spearphishing 71566.001 Attachment Phishing: 11566.002 Spearphishing Link Browser Information . 71217 Discovery';
      const { references, notes } = read(text);
      expect(references.map((ref) => [ref.raw, ref.ids, ref.name, ref.resolution?.warnings])).to.deep.equal([
        ['Phishing T1566', ['T1566'], 'Phishing', []],
        ['Phishing: Spearphishing Attachment (T1566.001)', ['T1566.001'], 'Phishing: Spearphishing Attachment', ["71566.001 read as T1566.001: the name around it is that technique's; check the text"]],
        ['Phishing: Spearphishing Link (T1566.002)', ['T1566.002'], 'Phishing: Spearphishing Link', ["11566.002 read as T1566.002: the name around it is that technique's; check the text"]],
        ['Browser Information Discovery (T1217)', ['T1217'], 'Browser Information Discovery', ["71217 read as T1217: the name around it is that technique's; check the text"]],
      ]);
      expect(notes).to.deep.equal([]);
    });

    it('notes such a word on a line that cites techniques, where no name vouches for it; elsewhere it is a number', () => {
      const text = ['Phishing T1566 Phishing: Spearphishing 71566.001 Link Phishing: 11566.002 | Spearphishing Link', 'We counted 71114 events on 11566 hosts.'].join('\n');
      const { references, notes } = read(text);
      expect(references.map((ref) => ref.ids)).to.deep.equal([['T1566']]);
      expect(notes).to.deep.equal([
        '2 numbers on lines that cite techniques may be technique IDs whose T OCR read as 7 or 1, with no name of that technique before them, ' +
          'so they are not read: line 1 "71566.001" (T1566.001?), line 1 "11566.002" (T1566.002?) (check the text; add what is an ID to the campaign)',
      ]);
      expect(read('Email Collection 71114 and Remote Desktop Protocol 71021.001 were used.').notes).to.deep.equal([]);
    });
  });

  describe('IDs written with a space after the T (T 1078) or inside the digits (T15 47.001), or a letter glued after (T1053.005a)', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });

    it('reads such a word where the name before it is that technique\'s, and says so; else notes it, not passing it over', () => {
      // PDF-to-text shapes of a TTP table's rows (the SSSCIP Gamaredon table's `T1053 .005 Scheduled Task`, reworded, as
      // a previous helper's sample of such pages wrote them): `Valid Accounts T 1078`, `Scheduled Task T1053.005a`. A
      // space after the T alone may be no ID: `T 2020`, and the Chinese vehicle video standard JT/T 1078 (a Go source
      // comment on public GitHub, `// videodemo — JT/T 1078 视频链路…`) are neither read nor noted.
      const text = [
        'Valid Accounts T 1078 were used.',
        'Scheduled Task T1053.005a was created.',
        'Then T 1078 again, and T1059a.',
        '// videodemo — JT/T 1078 视频链路端到端演示工具',
        'See Table T 2020.',
      ].join('\n');
      const { references, notes } = read(text);
      expect(references.map((ref) => [ref.line, ref.raw, ref.ids, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        [1, 'Valid Accounts T1078', ['T1078'], 'current', ["T 1078 read as T1078: the name before it is that technique's; check the text"]],
        [2, 'Scheduled Task T1053.005', ['T1053.005'], 'current', ["T1053.005a read as T1053.005: the name before it is that technique's; check the text"]],
      ]);
      expect(references[0]!.resolution!.trail[0]).to.match(/^read: a space after the T of a technique's ID .*: "T 1078" as T1078$/);
      expect(notes).to.deep.equal([
        '2 words may be technique IDs written with a space after the T or inside the digits, or a letter glued after, with no name of that technique before them, ' +
          'so they are not read: line 3 "T 1078" (T1078?), line 3 "T1059a" (T1059?) (check the text; add what is an ID to the campaign)',
      ]);
    });

    it('reads an ID with a space inside its four digits (T15 47.001) where the name before it is that technique\'s; else notes it', () => {
      // PDF-to-text of the ATT&CK annex of an APT43 report, as quoted in a public GitHub file (a Japanese APT43 actor
      // profile in Markdown, found by the library's find_string "T15 47.001"): `T15 47.001: Registry Run Keys / Startup
      // Folder T15 47.004 Winlogon Helper DLL T15 47.009 Shortcut Modification`. Reconstructed here, name first (line 1,
      // 2), and in the annex's order, ID first (line 3), where the name before each number is another technique's or none.
      // `T1 2020`, `T19 99` (no technique), a longer run of numbers, a split sub-technique number are neither read nor noted;
      // a sub-technique's alone in brackets is the reader's own (`[T107 1.001]`, above), not noted again.
      const text = [
        'Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder T15 47.001 was used.',
        'Winlogon Helper DLL T154 7.004 and Shortcut Modification T1 547.009',
        'T15 47.001: Registry Run Keys / Startup Folder T15 47.004 Winlogon Helper DLL',
        'See Table T1 2020, T19 99, T15 47 12 and T15 47.0 01.',
        'Web Protocols (T10 71.001)',
      ].join('\n');
      const { references, notes } = read(text);
      expect(references.map((ref) => [ref.line, ref.raw, ref.ids, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        [1, 'Registry Run Keys / Startup Folder T1547.001', ['T1547.001'], 'current', ["T15 47.001 read as T1547.001: the name before it is that technique's; check the text"]],
        [2, 'Winlogon Helper DLL T1547.004', ['T1547.004'], 'current', ["T154 7.004 read as T1547.004: the name before it is that technique's; check the text"]],
        [2, 'Shortcut Modification T1547.009', ['T1547.009'], 'current', ["T1 547.009 read as T1547.009: the name before it is that technique's; check the text"]],
        [5, 'Web Protocols (T1071.001)', ['T1071.001'], 'current', ['"T10 71.001" was read as T1071.001, the space among its digits left out (OCR): check the text']],
      ]);
      expect(references[0]!.resolution!.trail[0]).to.match(/^read: a space inside the four digits of a technique's ID .*: "T15 47.001" as T1547.001$/);
      expect(notes).to.deep.equal([
        '2 words may be technique IDs written with a space after the T or inside the digits, or a letter glued after, with no name of that technique before them, ' +
          'so they are not read: line 3 "T15 47.001" (T1547.001?), line 3 "T15 47.004" (T1547.004?) (check the text; add what is an ID to the campaign)',
      ]);
    });

    it('reads such a word alone in brackets right after its technique\'s name (`Valid Accounts (T 1078)`); else notes it', () => {
      // The report form `Name (ID)` of the `T15 47.004` split of an APT43 report's ATT&CK annex (a Japanese APT43 actor
      // profile in Markdown, found by the library's find_string "T15 47.004", which writes the IDs first), reconstructed.
      // Not read: a bracket that holds other words, or that does not close right after the word, or a name of another
      // technique. A sub-technique's split in brackets is the reader's own (line 1), as before. The reference read from
      // the name and bracket keeps its repair to itself: the reader's reference from the same start (line 3) is not said
      // to be read from `71114`.
      const text = [
        'Boot or Logon Autostart Execution (T15 47): Registry Run Keys / Startup Folder (T15 47.001), Winlogon Helper DLL (T154 7.004)',
        'Valid Accounts (T 1078) and Scheduled Task [T1053.005a]',
        'Email Collection (71114) and T1003',
        'Valid Accounts (see T 1078), Valid Accounts (T 1078 or so), Scheduled Task (T 1078), Valid Accounts [T 1078)',
      ].join('\n');
      const { references, notes } = read(text);
      expect(references.map((ref) => [ref.line, ref.raw, ref.ids, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        [1, 'Boot or Logon Autostart Execution (T1547)', ['T1547'], 'current', ["T15 47 read as T1547: the name before it is that technique's; check the text"]],
        [1, 'Registry Run Keys / Startup Folder (T1547.001)', ['T1547.001'], 'current', ['"T15 47.001" was read as T1547.001, the space among its digits left out (OCR): check the text']],
        [1, 'Winlogon Helper DLL (T1547.004)', ['T1547.004'], 'current', ['"T154 7.004" was read as T1547.004, the space among its digits left out (OCR): check the text']],
        [2, 'Valid Accounts (T1078)', ['T1078'], 'current', ["T 1078 read as T1078: the name before it is that technique's; check the text"]],
        [2, 'Scheduled Task [T1053.005]', ['T1053.005'], 'current', ["T1053.005a read as T1053.005: the name before it is that technique's; check the text"]],
        [3, 'Email Collection (71114) and T1003', ['T1003'], 'ambiguous', [
          'T1003 and "Email Collection" disagree: T1003 is OS Credential Dumping, while "Email Collection" is T1114 Email Collection; write the one you mean',
        ]],
        [3, 'Email Collection (T1114)', ['T1114'], 'current', ["71114 read as T1114: the name before it is that technique's; check the text"]],
      ]);
      expect(references[3]!.resolution!.trail[0]).to.match(/^read: a space after the T of a technique's ID .*: "T 1078" as T1078$/);
      expect(notes).to.deep.equal([
        '4 words may be technique IDs written with a space after the T or inside the digits, or a letter glued after, with no name of that technique before them, ' +
          'so they are not read: line 4 "T 1078" (T1078?), line 4 "T 1078" (T1078?), line 4 "T 1078" (T1078?), line 4 "T 1078" (T1078?) (check the text; add what is an ID to the campaign)',
      ]);
    });
  });

  describe('a sub-technique number split by a space (T1055.0 12)', () => {
    it('is one malformed ID, reported with the ID it may be, not read as it, nor cut short to T1055.0', () => {
      // PDF-to-text of a TTP table sets a space inside the sub-technique number (`Process Injection (T1055.0 12)`, the
      // shape a previous helper's sample of such pages recorded); the name before it is the parent's, so it does not tell.
      const text = ['Process Injection (T1055.0 12) was seen.', 'Phishing (T1566.0 1) and T1055.0 123.'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.malformed, ref.ids, ref.resolution?.status, ref.resolution?.candidates.map((c) => c.id)])).to.deep.equal([
        [1, 'T1055.0 12', [], 'unknown', ['T1055.012']],
        // Digits that do not make three are the text's: the ID is malformed as before.
        [2, 'T1566.0', [], 'unknown', []],
        [2, 'T1055.0', [], 'unknown', []],
      ]);
      expect(refs[0]!.resolution!.note).to.equal(
        'malformed ID "T1055.0 12": a space splits its sub-technique number, which is not read as one; did you mean T1055.012 Process Injection: Process Hollowing?',
      );
    });
  });

  describe('a tactic\'s abbreviation in prose before an ID', () => {
    it('is the sentence\'s word, not the ID\'s tactic: no false tactic warning (send it to C2 T1120)', () => {
      // A Ukrainian government report's Gamaredon TTP table as PDF-to-text runs its cells together (quoted by a public
      // actor profile on GitHub; reworded): the row's description ends in `…send it to C2`, the next row's ID follows.
      const text =
        'Discovery T1082 System Information Discovery First stage scripts collect system information and send it to C2 ' +
        'T1120 Peripheral Device Discovery Malware looks for removable drives.';
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [['T1082'], ['Discovery'], []],
        [['T1120'], [], []],
      ]);
    });
  });

  describe('lines of tactics and techniques without IDs (breadcrumbs, list items)', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });
    const rows = (text: string) => read(text).references.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.ids]);

    it('reads a breadcrumb `Tactic » Technique » Sub-technique` as a reference by name, under its tactic, and says it was read by name', () => {
      // CISA's "FY20 RVA Results" infographic (TLP:WHITE, PDF text) draws its attack paths as `Tactic » Technique`; vendor
      // pages and Navigator exports print a sub-technique as a third part. Reconstructed lines, not the infographic's text.
      const text = ['Attack Path 1', 'Execution » Command and Scripting Interpreter » PowerShell', 'Collection » Data from Local System', 'Initial Access » Valid Accounts', '» 45%'].join('\n');
      expect(rows(text)).to.deep.equal([
        [2, 'Command and Scripting Interpreter: PowerShell', ['Execution'], 'name', ['T1059.001']],
        [3, 'Data from Local System', ['Collection'], 'name', ['T1005']],
        [4, 'Valid Accounts', ['Initial Access'], 'name', ['T1078']],
      ]);
      expect(read(text).references[0]!.resolution?.warnings).to.deep.equal([
        'read by name from the breadcrumb "Execution » Command and Scripting Interpreter » PowerShell", no ID written: check that it is the technique meant',
      ]);
    });

    it('reads each name of a breadcrumb part that lists several, and notes a part that names no technique (PDF columns run together)', () => {
      // The same infographic's text, where pdftotext ran a neighbouring column's words into the line.
      const report = read(['Defense Evasion » Process Injection and MSHTA', 'Discovery » Network Sniffing Execution Discovery'].join('\n'));
      expect(report.references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([
        ['Process Injection', ['Defense Evasion'], ['T1055']],
        ['MSHTA', ['Defense Evasion'], ['T1218.005']],
      ]);
      expect(report.notes).to.deep.equal([
        '1 name on lines of tactics and techniques without IDs (a breadcrumb `Tactic » Technique`, a list item `Technique - Sub-technique` or `Technique - count`) names no technique of ATT&CK enterprise-attack 18.1, ' +
          'so it is no reference: line 2 "Network Sniffing Execution Discovery" (check the name)',
      ]);
    });

    it('leaves a name two techniques of the tactic share unresolved, with both, never guessed', () => {
      // `Virtual Private Server` is T1583.003 and T1584.003, both Resource Development.
      expect(rows('Resource Development » Virtual Private Server')).to.deep.equal([[1, 'Virtual Private Server', ['Resource Development'], 'ambiguous', []]]);
    });

    it('reads a list item `Tactic: Technique` and `Technique: Sub-technique`; a tactic before words that name nothing is passed over', () => {
      // D3 Labs' "In the Wild 2024" ranking, as MSSP Alert printed it (test/corpus/reports/msspalert-d3-in-the-wild-2024.yaml),
      // and a `Parent: Sub` item as detection write-ups list them.
      const text = [
        '  1. Execution: Command and Scripting Interpreter (52.2%)', '  2. Credential Access: Unmapped (3.8%)', '  3. Initial Access: Spearphishing (2.57%)',
        '', '* Phishing: Spearphishing Attachment', '* Scheduled Task/Job: Cron',
      ].join('\n');
      expect(rows(text)).to.deep.equal([
        [1, 'Command and Scripting Interpreter', ['Execution'], 'name', ['T1059']],
        [5, 'Phishing: Spearphishing Attachment', [], 'name', ['T1566.001']],
        [6, 'Scheduled Task/Job: Cron', [], 'name', ['T1053.003']],
      ]);
      expect(read(text).notes).to.deep.equal([]);
      // A one-word sub-technique's name (`Tool`, T1588.002) before a colon is no parent; a tactic before a sentence is none.
      expect(rows('- Tool: Mimikatz\n- Impact: files were encrypted\n')).to.deep.equal([]);
    });

    it('reads an older name after a tactic (`Credential Access: Credential Dumping`) in a list of `Tactic: Technique` items, older releases at hand', () => {
      // A ranking in the shape of D3's above, with T1003's name before ATT&CK 7 (constructed line 2); breadcrumbs and
      // `Technique - Sub` items read older names already.
      const text = ['  1. Execution: Command and Scripting Interpreter (52.2%)', '  2. Credential Access: Credential Dumping (4.1%)', '  3. Impact: files were encrypted'].join('\n');
      const withHistory = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] });
      expect(withHistory.references.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([
        [1, 'Command and Scripting Interpreter', ['Execution'], ['T1059']],
        [2, 'Credential Dumping', ['Credential Access'], ['T1003']],
      ]);
      expect(withHistory.references[1]!.resolution?.warnings[0]).to.match(/^read by name from the list item "Credential Access: Credential Dumping/);
    });

    // timb-machine/attack-ti's threat-crank extracts (e.g. enterprise/region/russia/ATT&CK-v2.0.md; no licence stated, so
    // lines of our own in its shape) list each technique by name with a count under `# Validate the following attacks`,
    // then phases, platforms and data sources with counts. Only names of parents were read, as `Data Encoding: 2` (the
    // count as a sub-technique), the others passed over.
    it('reads a list of names with counts (`* Audio Capture - 1`) as names, reports a name no release knows, and reads no list of other things with counts', () => {
      const text = [
        '# Validate the following attacks', '', '* Audio Capture - 1', '* Data Encoding - 2', '* Credential Dumping - 4', '* Registry Run Keys / Start Folder - 2', '* Valid Accounts - 2',
        '', '# Validate the following phases', '', '* collection - 10', '* discovery - 6',
        '', '# Validate the following platforms', '', '* Linux - 64', '* Network Devices - 42', '* Windows - 92', '* macOS - 64',
        '', '# Validate the following data sources', '', '* File monitoring - 45', '* PowerShell logs - 4', '* Process monitoring - 51',
      ].join('\n');
      const without = read(text);
      expect(without.references.map((ref) => [ref.line, ref.raw, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        [3, 'Audio Capture', 'name', ['T1123']],
        [4, 'Data Encoding', 'name', ['T1132']],
        // ATT&CK 2's name, one word from T1547.001's: read as it, and said.
        [6, 'Registry Run Keys / Start Folder', 'fuzzy', ['T1547.001']],
        [7, 'Valid Accounts', 'name', ['T1078']],
      ]);
      expect(without.references[0]!.resolution?.warnings).to.deep.equal(['read by name from the list item "Audio Capture - 1", no ID written: check that it is the technique meant']);
      // Without older releases, a name they know is reported, never passed over.
      expect(without.notes.filter((note) => note.includes('no technique of ATT&CK'))).to.deep.equal([
        '1 name on lines of tactics and techniques without IDs (a breadcrumb `Tactic » Technique`, a list item `Technique - Sub-technique` or `Technique - count`) names no technique of ATT&CK enterprise-attack 18.1, ' +
          'so it is no reference: line 5 "Credential Dumping" (check the name)',
      ]);
      // With them, each older name is read as the technique it is now.
      const withHistory = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] });
      expect(withHistory.references.map((ref) => [ref.line, ref.raw, ref.resolution?.ids])).to.deep.equal([
        [3, 'Audio Capture', ['T1123']],
        [4, 'Data Encoding', ['T1132']],
        [5, 'Credential Dumping', ['T1003']],
        [6, 'Registry Run Keys / Start Folder', ['T1547.001']],
        [7, 'Valid Accounts', ['T1078']],
      ]);
      expect(withHistory.notes.filter((note) => note.includes('no technique of ATT&CK'))).to.deep.equal([]);
    });

    // An incident write-up's `ATT&CK mapping` list (code index file 2560323023) and a threat-actor compendium's `TTPs` list
    // (SixMap, 2025; code index file 22230272751) name T1003 by its name before ATT&CK 7 among current names, and were
    // read; the same item alone, or in a list of older names only (`Persistence: Compromise Client Software Binary`,
    // T1554's name in ATT&CK 14.1), was not, and no warning said which technique an older name is now.
    it('reads a `Tactic: Technique` item by an older name alone where it is written as a name, saying the technique it is now', () => {
      const history = () => [loadRelease('14.1'), loadRelease('6.3')];
      const text = ['- Persistence: Compromise Client Software Binary', '', '- Credential Access: Credential Dumping', '- Command and Control: Standard Application Layer Protocol'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1'), history }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [1, 'Compromise Client Software Binary', ['Persistence'], 'renamed', ['T1554'], [
          'read by name from the list item "Persistence: Compromise Client Software Binary", no ID written: "Compromise Client Software Binary" is T1554 Compromise Host Software Binary, by its name in ATT&CK 14.1 (T1554); check that it is the technique meant',
        ]],
        [3, 'Credential Dumping', ['Credential Access'], 'renamed', ['T1003'], [
          'read by name from the list item "Credential Access: Credential Dumping", no ID written: "Credential Dumping" is T1003 OS Credential Dumping, by its name in ATT&CK 6.3 (T1003); check that it is the technique meant',
        ]],
        [4, 'Standard Application Layer Protocol', ['Command and Control'], 'renamed', ['T1071'], [
          'read by name from the list item "Command and Control: Standard Application Layer Protocol", no ID written: "Standard Application Layer Protocol" is T1071 Application Layer Protocol, by its name in ATT&CK 6.3 (T1071); check that it is the technique meant',
        ]],
      ]);
      // Words in lower case after a tactic may be a sentence: alone, they are not asked of older releases; nor is an item
      // without older releases at hand.
      expect(extractReport('- Credential Access: Credential dumping\n- Impact: files were encrypted', { target: loadRelease('18.1'), history }).references).to.deep.equal([]);
      expect(extractReport(text, { target: loadRelease('18.1') }).references).to.deep.equal([]);
    });
    // The same incident write-up's `ATT&CK mapping` list (code index file 2560323023) has `- Persistence: Registry Run Keys,
    // Scheduled Tasks`: `Scheduled Tasks` was read (T1053.005, a close name), `Registry Run Keys` not at all, though it is
    // a part of T1547.001's name `Registry Run Keys / Startup Folder` and of no other technique. In our own words.
    it('reads a `Tactic: Technique` item that is one part of a technique\'s name of that tactic, and says so; never one of another tactic', () => {
      const text = ['- Persistence: Registry Run Keys, Scheduled Tasks', '- Privilege Escalation: Startup Folders', '- Execution: Registry Run Keys', '- Persistence: Run Keys'].join('\n');
      // Older releases at hand, as `extract` has them: the item is read once.
      const refs = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        [1, 'Registry Run Keys', ['Persistence'], 'fuzzy', ['T1547.001']],
        [1, 'Scheduled Tasks', ['Persistence'], 'fuzzy', ['T1053.005']],
        [2, 'Startup Folders', ['Privilege Escalation'], 'fuzzy', ['T1547.001']],
      ]);
      const note =
        '"Registry Run Keys" is T1547.001 Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder, by a part of its name ("Registry Run Keys / Startup Folder"), the only technique of Persistence so named';
      expect(refs[0]!.resolution?.note).to.equal(note);
      // The warning says it too, which the skeleton's `ref: "Registry Run Keys"` does not.
      expect(refs[0]!.resolution?.warnings[0]).to.equal(`read by name from the list item "Persistence: Registry Run Keys, Scheduled Tasks", no ID written: ${note}; check that it is the technique meant`);
      // Without a tactic, a part of a name is no name.
      expect(extractReport('- Execution: Command and Scripting Interpreter\n- Registry Run Keys', { target: loadRelease('18.1') }).references.map((ref) => ref.raw)).to.deep.equal([
        'Command and Scripting Interpreter',
      ]);
    });
  });

  describe('a list of techniques linked to ATT&CK, some items linked to a tactic\'s page', () => {
    it('reads an item that is a technique\'s name linked to a tactic\'s page by name, under that tactic, and says so, where before it was dropped without a word', () => {
      // Elastic Security Labs' SHELLTER post (2025, https://www.elastic.co/security-labs/taking-shellter), its Markdown
      // source as a public repository keeps it: two techniques of its list link to their tactic's page, not their own.
      const text = [
        '### Techniques',
        '',
        '- [Application Layer Protocol](https://attack.mitre.org/techniques/T1071/)',
        '- [Data from Local System](https://attack.mitre.org/tactics/TA0009/)',
        '- [Content Injection](https://attack.mitre.org/tactics/TA0001/)',
        '- [Obtain Capabilities](https://attack.mitre.org/techniques/T1588/)',
      ].join('\n');
      const report = extractReport(text, { target: loadRelease('18.1') });
      expect(report.references.map((ref) => [ref.line, ref.resolution?.status, ref.resolution?.ids, ref.tactics])).to.deep.equal([
        [3, 'current', ['T1071'], []],
        [4, 'name', ['T1005'], ['Collection']],
        [5, 'name', ['T1659'], ['Initial Access']],
        [6, 'current', ['T1588'], []],
      ]);
      // The tactic its address names is checked as a written tactic is.
      const other = extractReport(text.replace('tactics/TA0009/', 'tactics/TA0004/'), { target: loadRelease('18.1') });
      expect(other.references[1]!.resolution?.warnings[1]).to.match(/^Privilege Escalation is not a tactic of T1005 Data from Local System/);
      expect(report.references[1]!.resolution?.warnings[0]).to.equal(
        'read by name from the list item "[Data from Local System](https://attack.mitre.org/tactics/TA0009/)", no ID written: check that it is the technique meant',
      );
      // A tactic's name linked to its page is no technique (`- [Collection](…/tactics/TA0009/)` in the post's list of tactics).
      expect(extractReport('### Tactics\n\n- [Collection](https://attack.mitre.org/tactics/TA0009/)\n', { target: loadRelease('18.1') }).references).to.deep.equal([]);
    });
  });

  describe('names joined by `or` in a list item', () => {
    // An incident-response write-up's `ATT&CK mapping` list (code index file 2560323023): `- Initial Access: Phishing or
    // Exploit Public-Facing Application` was not read, `or` not parting names. In our own words.
    it('are read each, where each is a technique\'s whole name', () => {
      const text = [
        '- Initial Access: Phishing or Exploit Public-Facing Application',
        '- Execution: Scheduled Task, User Execution or Exploitation for Client Execution',
        '- Defense Evasion: Obfuscated Files or Information',
        '- Impact: Data Destruction or a wiper',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([
        [1, 'Phishing', ['Initial Access'], ['T1566']],
        [1, 'Exploit Public-Facing Application', ['Initial Access'], ['T1190']],
        [2, 'Scheduled Task', ['Execution'], ['T1053.005']],
        [2, 'User Execution', ['Execution'], ['T1204']],
        [2, 'Exploitation for Client Execution', ['Execution'], ['T1203']],
        [3, 'Obfuscated Files or Information', ['Defense Evasion'], ['T1027']],
      ]);
    });
  });

  describe('a Markdown heading of a tactic and a technique, no ID', () => {
    // An ELK threat hunting cheat-sheet ("THP Cheat Sheet ELK and Splunk", code index files 6753570464, 6751342082) heads
    // each hunt `## Credential Access: Credential Dumping`, `## Execution: Mshta`, `## Persistence: DCSync Attack`; the same
    // words as a list item were read, as a heading not at all. In our own words.
    it('is read as the list item of the same words is, a reference by name that says so', () => {
      const history = () => [loadRelease('6.3')];
      const text = [
        '# Hunting notes',
        '## Credential Access: Credential Dumping',
        'Fields to check: the parent process and its command line.',
        '### Persistence: Scheduled Task ###',
        '## Execution: Mshta',
        '## Persistence: Golden Ticket Hunt',
        '## Initial Access: how they got in',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1'), history }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.ids, ref.resolution?.warnings[0]])).to.deep.equal([
        [2, 'Credential Dumping', ['Credential Access'], 'renamed', ['T1003'],
          'read by name from the heading "Credential Access: Credential Dumping", no ID written: "Credential Dumping" is T1003 OS Credential Dumping, by its name in ATT&CK 6.3 (T1003); check that it is the technique meant'],
        // T1053.005's name, and T1053's own in 6.3 (the cheat-sheet is older than ATT&CK 7): both are candidates, none is read.
        [4, 'Scheduled Task', ['Persistence'], 'name', ['T1053.005'], 'read by name from the heading "Persistence: Scheduled Task", no ID written: check that it is the technique meant'],
        [5, 'Mshta', ['Execution'], 'name', ['T1218.005'], 'read by name from the heading "Execution: Mshta", no ID written: check that it is the technique meant'],
      ]);
    });
  });

  describe('a list of technique names under a Markdown heading of a tactic, no ID', () => {
    // KISA's TTPs mappings as SAN2G1/caldera-attack-automation keeps them (data/mapping_table/kisa_ttps/kisa_ttps1.md)
    // head each tactic `## Discovery` and list its techniques by name below, `- Process Discovery`, some by the names of
    // ATT&CK 6 (`- New Service`, `- Credential Dumping`): none was read, as no item names a tactic or a sub-technique, and
    // an item that does (`- Command and Scripting Interpreter: PowerShell`, kisa_ttps11.md) was read with no tactic. In
    // our own words.
    it('reads each item as `Tactic: Name` is, the heading its tactic, until the next heading or a line of prose', () => {
      const history = () => [loadRelease('6.3')];
      const text = [
        '## Persistence',
        '- New Service',
        '- Web Shell',
        '',
        '## Execution',
        '- Command and Scripting Interpreter: PowerShell',
        '## Discovery',
        '- Process Discovery',
        '- none',
        'The operators then moved on.',
        '- Remote System Discovery',
        '## Notes',
        '- Process Discovery',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1'), history }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([
        [2, 'New Service', ['Persistence'], ['T1543.003']],
        [3, 'Web Shell', ['Persistence'], ['T1505.003']],
        [6, 'Command and Scripting Interpreter: PowerShell', ['Execution'], ['T1059.001']],
        [8, 'Process Discovery', ['Discovery'], ['T1057']],
      ]);
    });
  });

  describe('a technique named again without an ID, under another tactic', () => {
    // KISA's TTPs mappings (SAN2G1/caldera-attack-automation data/mapping_table/kisa_ttps/kisa_ttps1.md) list `Valid
    // Accounts` under Initial Access, Persistence and Privilege Escalation, and `Web Shell` under Persistence and
    // Privilege Escalation: each was an item of its own, where an ID written again joins the first. In our own words.
    it('adds its tactics and its line to the first item, whose tactics are then checked together', () => {
      const text = [
        '## Initial Access',
        '- Valid Accounts',
        '## Persistence',
        '- Valid Accounts',
        '- Web Shell',
        '## Privilege Escalation',
        '- Web Shell',
        '- Valid Accounts',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.lines, ref.raw, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [2, [2, 4, 8], 'Valid Accounts', ['Initial Access', 'Persistence', 'Privilege Escalation'], ['T1078'],
          ['read by name from the list item "Valid Accounts", no ID written: check that it is the technique meant']],
        [5, [5, 7], 'Web Shell', ['Persistence', 'Privilege Escalation'], ['T1505.003'], [
          'read by name from the list item "Web Shell", no ID written: check that it is the technique meant',
          'Privilege Escalation no longer applies: T1505.003 Web Shell is Persistence only in ATT&CK 18.1',
        ]],
      ]);
    });
  });

  describe('a name in a language other than English beside an ID', () => {
    // crocodyli's Rhysida TTP table (ThreatActors-TTPs Rhysida/Rhysida-TTP.md) names techniques in Portuguese, each cell
    // above its ID's (`Remoção do Indicador: Exclusão de Arquivos` over `T1070.004`), its details in Portuguese: six
    // names were warned of as words that "may name a tool". In our own words, rows set on one line each.
    it('is said to be in that language, not checked against its ID, where that can be told; a tool\'s name is not', () => {
      const text = [
        '| Tática | Técnica | ID | Detalhes |',
        '|---|---|---|---|',
        '| Persistência | Tarefa agendada diária | T1053.005 | O ransomware cria uma tarefa para ser executado a cada dia, com o nome do grupo. |',
        '| Evasão de Defesa | Remoção de rastros: Apagar arquivos | T1070.004 | O binário se apaga depois da execução e da criptografia dos arquivos. |',
        '| Impacto | Dados cifrados para extorsão | T1486 | Os arquivos das vítimas são cifrados com uma chave da família ChaCha. |',
        '| Impacto | Inibe a Restauração | T1490 | Apaga as cópias de sombra com o vssadmin para que não sejam restauradas. |',
        '| Exfiltração | Mega.nz | T1567.002 | Os dados são enviados para a nuvem do serviço. |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        ['Tarefa agendada diária', 'current', ['"Tarefa agendada diária" is written in Portuguese, not in English, in which ATT&CK names its techniques, so it was not checked against T1053.005 Scheduled Task/Job: Scheduled Task (read by the ID alone); check that it names that technique']],
        ['Remoção de rastros: Apagar arquivos', 'current', ['"Remoção de rastros: Apagar arquivos" is written in Portuguese, not in English, in which ATT&CK names its techniques, so it was not checked against T1070.004 Indicator Removal: File Deletion (read by the ID alone); check that it names that technique']],
        ['Dados cifrados para extorsão', 'current', ['"Dados cifrados para extorsão" is written in Portuguese, not in English, in which ATT&CK names its techniques, so it was not checked against T1486 Data Encrypted for Impact (read by the ID alone); check that it names that technique']],
        ['Inibe a Restauração', 'current', ['"Inibe a Restauração" is written in Portuguese, not in English, in which ATT&CK names its techniques, so it was not checked against T1490 Inhibit System Recovery (read by the ID alone); check that it names that technique']],
        ['Mega.nz', 'current', [
          '"Mega.nz" is no name of T1567.002 Exfiltration Over Web Service: Exfiltration to Cloud Storage, nor of any technique: read by the ID alone; check that it is the technique meant (the words may name a tool, a service or a target)',
        ]],
      ]);
      // Without the report's language, function words of several languages say only that it is not English; a name
      // with none and no letter English does not write is not told apart from a tool's.
      const alone = extractReport('| Exclusão de Arquivos | T1070.004 |\n| Tarefa agendada diária | T1053.005 |\n| Ferramenta Rclone | T1567.002 |', { target: loadRelease('18.1') }).references;
      expect(alone.map((ref) => ref.resolution?.warnings[0]?.replace(/, in which .*/, ''))).to.deep.equal([
        '"Exclusão de Arquivos" is not written in English',
        '"Tarefa agendada diária" is not written in English',
        '"Ferramenta Rclone" is no name of T1567.002 Exfiltration Over Web Service: Exfiltration to Cloud Storage, nor of any technique: read by the ID alone; check that it is the technique meant (the words may name a tool, a service or a target)',
      ]);
    });

    it('is said to be in that language where one part of a `Parent: Sub` name holds no English word and the other one a loan', () => {
      // crocodyli/ThreatActors-TTPs 3AM/3AM-TTP.md (MIT licence; test/corpus/reports/crocodyli-3am-ransomware-grid-table-pt.yaml):
      // `Prejudicar Defesas: Desative ou Modifique o Firewall do Sistema.` over T1562.004 got no note, its `Firewall` an
      // English word, though `Remoção do Indicador: Limpar logs de eventos do Windows.` two rows under it did.
      const text = [
        '| Tática | Técnica | | Detalhes |', '|---|---|---|---|',
        '| Evasão de Defesas (TA0005) | Prejudicar Defesas: Desative ou Modifique o Firewall do Sistema. | T1562.004 | O ator altera a política do Firewall. |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => ref.resolution?.warnings[0]?.replace(/, in which .*/, ''))).to.deep.equal([
        '"Prejudicar Defesas: Desative ou Modifique o Firewall do Sistema" is written in Portuguese, not in English',
      ]);
    });
  });

  describe('a name in a language other than English after an ID and a dash, in prose', () => {
    // Hatchepsoute/AFRINTEL's July 2026 French report (section 8, no licence stated) writes each technique as `T1190 -
    // Exploit Public-Facing Application`; written so with the name in French, our own lines, the name was dropped
    // (its lower-case words read as a sentence's) with no word, where the same name in a table's cell is warned of.
    it('is read whole and said to be in that language, as in a table\'s cell', () => {
      const text = [
        'Les techniques observées :',
        '',
        'T1566.001 – Hameçonnage ciblé avec pièce jointe',
        '',
        'T1053.005 - Tâche planifiée créée à chaque démarrage',
        '',
        'T1486 - Chiffrement des données',
      ].join('\n');
      const said = (report: string): unknown[] => extractReport(report, { target: loadRelease('18.1') }).references.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings]);
      expect(said(text)[0]).to.deep.equal([
        'Hameçonnage ciblé avec pièce jointe',
        ['T1566.001'],
        ['"Hameçonnage ciblé avec pièce jointe" is written in French, not in English, in which ATT&CK names its techniques, so it was not checked against T1566.001 Phishing: Spearphishing Attachment (read by the ID alone); check that it names that technique'],
      ]);
      // Each is said as the same name in a table's row is.
      const rows = ['T1566.001 | Hameçonnage ciblé avec pièce jointe', 'T1053.005 | Tâche planifiée créée à chaque démarrage', 'T1486 | Chiffrement des données'];
      expect(said(text)).to.deep.equal(said(['Les techniques observées :', '', '| ID | Technique |', '|---|---|', ...rows.map((row) => `| ${row} |`)].join('\n')));
    });
  });

  describe('a name in a language other than English in a French report\'s tables', () => {
    // cchopin/threat-reports MIRAI-EIW-2026-02/02_threat_intelligence_FR.md (February 2026, no licence stated), section 6
    // "Mapping MITRE ATT&CK": one table per tactic, `| Technique | ID | Description |`, the names in French. Before, names
    // holding a word English writes too (`Modification`, `Suppression`) or one of the technique's own (`service`) were
    // said to be words that may name a tool, or to share only a general word.
    it('says each is not English where its words say so', () => {
      const text = [
        '### 6.3 Persistance',
        '',
        '| Technique | ID | Description |',
        '|-----------|----|-------------|',
        '| Modification des processus système | T1543 | Scripts rc.d init |',
        '',
        '### 6.4 Évasion des défenses',
        '',
        '| Technique | ID | Description |',
        '|-----------|----|-------------|',
        '| Suppression d\'indicateurs | T1070 | Auto-suppression après exécution |',
        '',
        '### 6.6 Impact',
        '',
        '| Technique | ID | Description |',
        '|-----------|----|-------------|',
        '| Déni de service réseau | T1498 | Attaques DDoS (SYN flood) |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      // (`des` is German too, `de` Spanish, Portuguese and Dutch: a table this short does not tell the report's language, so
      // such a name is said not to be English.)
      const notEnglish = (name: string, technique: string): string =>
        `"${name}" is not written in English, in which ATT&CK names its techniques, so it was not checked against ${technique} (read by the ID alone); check that it names that technique`;
      expect(refs.map((ref) => [ref.name, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['Modification des processus système', ['Persistence'], ['T1543'], [notEnglish('Modification des processus système', 'T1543 Create or Modify System Process')]],
        ['Suppression d\'indicateurs', ['Defense Evasion'], ['T1070'], [notEnglish('Suppression d\'indicateurs', 'T1070 Indicator Removal')]],
        ['Déni de service réseau', ['Impact'], ['T1498'], [notEnglish('Déni de service réseau', 'T1498 Network Denial of Service')]],
      ]);
    });
  });

  describe('a table as `pdftotext -layout` sets it, its columns two spaces or more apart', () => {
    const read = (text: string) =>
      extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.warnings.length]);
    // Rows of Desync InfoSec's Chinese table (below) and our Japanese ones, each tactic cell over a row that leaves its own
    // blank, with a blank line after each pair.
    const mergedRows = [
      ['凭据访问', 'T1003.001', 'OS 凭据转储：LSASS 内存'],
      ['', 'T1003.003', 'OS 凭据转储：NTDS'],
      ['初期アクセス', 'T1566.001', 'スピアフィッシング添付ファイル'],
      ['', 'T1566.002', 'スピアフィッシングリンク'],
      ['横向移动 (TA0008)', 'T1021.002', '远程服务：SMB/Windows 管理共享'],
      ['', 'T1021.001', '远程服务：远程桌面协议'],
    ];
    /** The rows set `gap` spaces apart, a blank tactic cell padded to the width `width` gives the one above it. */
    const setRows = (gap: number, width: (text: string) => number): string[] =>
      mergedRows.flatMap(([tactic, id, name], i) => [
        `${tactic ? tactic : ' '.repeat(width(mergedRows[i - 1]![0]!))}${' '.repeat(gap)}${id}${' '.repeat(gap)}${name}`,
        ...(tactic ? [] : ['']),
      ]);

    it('reads the name cell after the ID, in any language, and the tactic cell before it', () => {
      // Rows of the ATT&CK table of Desync InfoSec's Chinese translation of a Microsoft Security Blog post (2026-04-18,
      // https://mp.weixin.qq.com/s/qdvt3VufhfRpoHj2vS9eIQ), as PDF-to-text leaves it (test/corpus/reports/
      // desync-infosec-predictive-shielding-zh.yaml): before, the Chinese names were dropped (`T1190` alone).
      const text = ['  战术  技术ID  技术名称', '  初始访问  T1190  利用面向公众的应用程序', '  持久化/权限提升  T1098  账户操作'].join('\n');
      expect(read(text)).to.deep.equal([
        [2, 'T1190 | 利用面向公众的应用程序', ['Initial Access'], 'current', 0],
        [3, 'T1098 | 账户操作', ['Persistence', 'Privilege Escalation'], 'current', 0],
      ]);
    });

    it('carries a Chinese or Japanese tactic cell down to the rows under it that leave theirs blank, lined up with its ID', () => {
      // Desync InfoSec's Chinese table (above) writes `凭据访问` again on T1003.003's row; a PDF that merges the cell leaves
      // it blank, and pdftotext -layout starts that row where the ID column starts, counting each character one column
      // (xpdf/poppler TextBlock::coalesce). The Japanese rows are our own, in the layout of the same table.
      const text = [
        '战术    技术ID     技术名称',
        // A tactic cell with its TA ID (横向移动 (TA0008)): the rows under it get the tactic as the row naming it does
        // (before, its name alone).
        ...setRows(2, (text) => text.length).slice(0, -1),
        // Not lined up with the ID column above: no continuation, no tactic guessed.
        '            T1190  利用面向公众的应用程序',
      ].join('\n');
      expect(read(text).map(([line, , tactics]) => [line, tactics])).to.deep.equal([
        [2, ['Credential Access']],
        [3, ['Credential Access']],
        [5, ['Initial Access']],
        [6, ['Initial Access']],
        [8, ['Lateral Movement']],
        [9, ['Lateral Movement']],
        [10, []],
      ]);
      // Without a release to check them against, the tactics are as read: the same, TA ID and all, on both rows.
      const unchecked = extractReport(text).references.filter((ref) => ref.line === 8 || ref.line === 9);
      expect(unchecked.map((ref) => ref.tactics)).to.deep.equal([['TA0008: Lateral Movement'], ['TA0008: Lateral Movement']]);
    });

    it('reads the name cell of a row led by its tactic\'s TA ID as it reads one led by the tactic\'s name', () => {
      // The TTP table of a public Chinese APT report template (`| ATT&CK 战术 | 技术 | 备注 |` over `| TA0001 | T1566.001 |
      // 鱼叉式钓鱼附件 |`, `| TA0005 | T1562.001 | 关闭 Windows Defender |`, a skill note "APT组织分析与归因", section 4),
      // set in a PDF and read back by poppler 22.12's `pdftotext -layout`, which wrote these lines; T1566.002's row, its
      // tactic cell merged, and the two T1027 rows are ours. Before, the Chinese names were taken for words going on
      // after the ID and dropped (`T1566.001` alone), and T1566.002 got no name.
      const text = [
        'ATT&CK 战术   技术          备注',
        'TA0001      T1566.001   鱼叉式钓鱼附件',
        '            T1566.002   鱼叉式钓鱼链接',
        'TA0005      T1562.001   关闭 Windows Defender',
        'TA0005      T1027       Obfuscated Files or Information',
        'TA0005      T1027       Scheduled Task',
      ].join('\n');
      expect(read(text)).to.deep.equal([
        [2, 'T1566.001 | 鱼叉式钓鱼附件', ['Initial Access'], 'current', 0],
        [3, 'T1566.002 | 鱼叉式钓鱼链接', ['Initial Access'], 'current', 0],
        // A name in Chinese but for the product it acts on (`关闭 Windows Defender`, turn off Windows Defender) is one extract
        // cannot check: the note on names in other scripts says so, no warning that it names no technique.
        [4, 'T1562.001 | 关闭 Windows Defender', ['Defense Evasion'], 'current', 0],
        [5, 'T1027 | Obfuscated Files or Information', ['Defense Evasion'], 'current', 0],
        [6, 'T1027 | Scheduled Task', ['Defense Evasion'], 'ambiguous', 1],
      ]);
      // The same rows led by the tactic's name read alike.
      const named = read(['Initial Access    T1566.001   鱼叉式钓鱼附件', '                  T1566.002   鱼叉式钓鱼链接'].join('\n'));
      expect(named.slice(0, 2).map(([, raw]) => raw)).to.deep.equal(['T1566.001 | 鱼叉式钓鱼附件', 'T1566.002 | 鱼叉式钓鱼链接']);
    });

    it('carries a tactic cell down to the rows lined up with its next cell by display width, a Chinese or Japanese character two columns', () => {
      // poppler's pdftotext -layout pads a row to a count of characters (above); a table padded in a monospaced font (a
      // report's code block, an editor, Python's tabulate with wcwidth, pandoc, whose doclayout counts a character's
      // Unicode width) lines its columns up by display width, each East Asian Wide character two columns. Desync
      // InfoSec's rows (above) and our Japanese ones, so padded (Han and kana two columns each).
      const columns = (text: string): number => [...text].reduce((sum, char) => sum + (/[\u3040-\u30ff\u4e00-\u9fff]/.test(char) ? 2 : 1), 0);
      const text = [
        ...setRows(4, columns).slice(0, -1),
        // Lined up by neither count (17 characters, 21 columns, before T1021.002): no continuation, no tactic guessed.
        '                  T1190  利用面向公众的应用程序',
      ].join('\n');
      expect(read(text)).to.deep.equal([
        [1, 'T1003.001 | OS 凭据转储：LSASS 内存', ['Credential Access'], 'current', 0],
        [2, 'T1003.003 | OS 凭据转储：NTDS', ['Credential Access'], 'current', 0],
        [4, 'T1566.001 | スピアフィッシング添付ファイル', ['Initial Access'], 'current', 0],
        [5, 'T1566.002 | スピアフィッシングリンク', ['Initial Access'], 'current', 0],
        [7, 'T1021.002 | 远程服务：SMB/Windows 管理共享', ['Lateral Movement'], 'current', 0],
        [8, 'T1021.001 | 远程服务：远程桌面协议', ['Lateral Movement'], 'current', 0],
        [9, 'T1190', [], 'current', 0],
      ]);
      // Each Chinese or Japanese name is said to be left unchecked, a fullwidth colon in it or not (before, the four with
      // one, checked as folded, `OS 凭据转储:NTDS`, were left out of the note).
      const note = extractReport(text, { target: loadRelease('18.1') }).notes.find((each) => each.includes('a script other than Latin'));
      expect(note).to.include('6 names beside their IDs').and.include('line 2 "OS 凭据转储：NTDS" beside T1003.003').and.include('line 8 "远程服务：远程桌面协议" beside T1021.001');
    });

    it('checks an English name cell against its ID, and says when they disagree', () => {
      // The layout of a vendor appendix as `pdftotext -layout` writes it (our own rows).
      const text = ['Tactic            ID           Technique', 'Execution         T1059.001    PowerShell', 'Initial Access    T1190        Scheduled Task'].join('\n');
      expect(read(text)).to.deep.equal([
        [2, 'T1059.001 | PowerShell', ['Execution'], 'current', 0],
        [3, 'T1190 | Scheduled Task', ['Initial Access'], 'ambiguous', 1],
      ]);
    });

    it('reads no cells in a sentence set apart by two spaces, nor where the first cell names no tactic', () => {
      const rows = read(['The actor ran it.  T1190  was seen on the edge host', 'Loader stage  T1027  Obfuscated Files or Information'].join('\n'));
      expect(rows.map(([, raw]) => raw)).to.not.include.members(['T1190 | was seen on the edge host', 'T1027 | Obfuscated Files or Information']);
    });
  });

  describe('a name in a table\'s cell beside its ID\'s', () => {
    it('reads a technique column\'s cell that ends in a full stop as the name, without the full stop', () => {
      // crocodyli's 3AM TTP table (ThreatActors-TTPs 3AM/3AM-TTP.md, MIT licence), a grid table under `Tática | Técnica |
      // | Detalhes`: three of its eleven cells end in a full stop (`Dados   criptografados para impacto.` beside `T1486`),
      // and were read as sentences, their IDs left without a name (no check of the name, no word of its language). Our
      // own rows, in the table's shape. A cell of one or two words keeps its full stop, an abbreviation's (`Privilege Esc.`).
      const text = [
        '| Tática | Técnica | ID | Detalhes |', '|---|---|---|---|',
        '| Impacto | Dados   criptografados para impacto. | T1486 | O ransomware cifra os arquivos. |',
        '| Coleta | Data from Local System. | T1486 | Os arquivos são cifrados. |',
        '| Evasão de Defesas | Impair Defenses: Disable or Modify System Firewall. | T1562.004 | Muda a política do firewall. |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.status, ref.resolution?.warnings[0]?.replace(/, (?:in which|while) .*/, '')])).to.deep.equal([
        ['Dados criptografados para impacto', 'current', '"Dados criptografados para impacto" is not written in English'],
        ['Data from Local System', 'ambiguous', 'T1486 and "Data from Local System" disagree: T1486 is Data Encrypted for Impact'],
        ['Impair Defenses: Disable or Modify System Firewall', 'current', undefined],
      ]);
    });

    it('reads a justification column\'s cell as evidence, not as the name, unless it is a technique\'s name whole', () => {
      // The layout of abdelrahman72-22/cti-reports 'Yellow Rat Analysis Report.md' (no licence stated; our own rows):
      // `| Tactic | Technique | Justification |`, IDs in the technique column; its cell `Process hollowing into …` was read
      // as T1055.012's name. A Kimsuky write-up's `| Tactic | Technique | Description |` writes the names there.
      const text = [
        '| Tactic | Technique | Justification |', '|---|---|---|',
        '| Privilege Escalation | T1055.012 | Hollowed process `notepad.exe` runs the payload |',
        '| Discovery | T1016 | Network configuration gathered by the loader |',
        '| Discovery | T1046 | Network Service Discovery |',
        '', '| Tactic | Technique | Description |', '|---|---|---|', '| Collection | T1114 | Email Collection |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.evidence, ref.resolution?.ids])).to.deep.equal([
        ['T1055.012', undefined, [{ line: 3, text: 'Hollowed process `notepad.exe` runs the payload' }], ['T1055.012']],
        ['T1016', undefined, [{ line: 4, text: 'Network configuration gathered by the loader' }], ['T1016']],
        ['T1046 | Network Service Discovery', 'Network Service Discovery', undefined, ['T1046']],
        ['T1114 | Email Collection', 'Email Collection', undefined, ['T1114']],
      ]);
    });

    it('reads a Spanish, Portuguese or German description column\'s cell as evidence, not as the ID\'s name', () => {
      // A Spanish SOC incident report on GitHub (LetsDefend SOC267, "Informe de Incidente - Attempt to Steal Credentials
      // from the PowerShell History", its section 6): `| Táctica | Técnica | Sub-técnica | Descripción |`. Its short
      // description `El usuario ejecuta \`project.ps1\`` was read as T1204's name (the ref `T1204 | El usuario…`).
      const text = [
        '| Táctica | Técnica | Sub-técnica | Descripción |', '|---|---|---|---|',
        '| Ejecución | T1204 | T1204.002 | El usuario ejecuta `project.ps1` |',
        '', '| Tática | Técnica | Descrição |', '|---|---|---|', '| Execução | T1059.001 | Script lançado pelo usuário |',
        '', '| Taktik | Technik | Beschreibung |', '|---|---|---|', '| Ausführung | T1047 | Befehle über WMI gestartet |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.evidence?.map((said) => said.text), ref.tactics])).to.deep.equal([
        ['T1204', undefined, ['El usuario ejecuta `project.ps1`'], ['Execution']],
        ['T1204.002', undefined, ['El usuario ejecuta `project.ps1`'], ['Execution']],
        ['T1059.001', undefined, ['Script lançado pelo usuário'], ['Execution']],
        ['T1047', undefined, ['Befehle über WMI gestartet'], ['Execution']],
      ]);
    });

    it('reads an advisory\'s Use column\'s cell as the reference\'s evidence (CISA AA24-109A)', () => {
      // CISA/FBI/EC3/NCSC-NL joint advisory AA24-109A (#StopRansomware: Akira Ransomware; a US government work), its
      // Table 2 as a blog made it Markdown: `| **Technique Title** | **ID** | **Use** |`; the use, the procedure seen, was
      // dropped. A write-up drawn from an advisory heads it `Use in this campaign` (our own row in that layout).
      const text = [
        '#### **Table 2: Credential Access**', '', '| **Technique Title** | **ID** | **Use** |', '| --- | --- | --- |',
        '| OS Credential Dumping | T1003 | Akira threat actors use tools like Mimikatz and LaZagne to dump credentials. |',
        '| OS Credential Dumping: LSASS Memory | T1003.001 | Akira threat actors attempt to access credential material stored in the process memory of the LSASS. |',
        '', '| Tactic | Technique | ID | Use in this campaign |', '|---|---|---|---|',
        '| Discovery | Process Discovery | T1057 | Listed running processes with the loader\'s `ps` command |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.tactics, ref.evidence, ref.resolution?.ids])).to.deep.equal([
        ['OS Credential Dumping | T1003', ['Credential Access'], [{ line: 5, text: 'Akira threat actors use tools like Mimikatz and LaZagne to dump credentials.' }], ['T1003']],
        [
          'OS Credential Dumping: LSASS Memory | T1003.001',
          ['Credential Access'],
          [{ line: 6, text: 'Akira threat actors attempt to access credential material stored in the process memory of the LSASS.' }],
          ['T1003.001'],
        ],
        ['Process Discovery | T1057', ['Discovery'], [{ line: 10, text: 'Listed running processes with the loader\'s `ps` command' }], ['T1057']],
      ]);
    });

    it('reads the Use cell of a table of one cell per line as evidence, its lines joined, up to the next row', () => {
      // AA24-109A's Table 2 and 3 rows (CISA/FBI; a US government work) set one cell per line as PDF text writes a table
      // (the layout of Intel 471's retail report converted from PDF): a use wrapped over two lines is one cell; without
      // blank lines between the cells, the next row's name (`Domain Trust Discovery`, right above its ID) ends it. The
      // wrapped `credentials.` is a technique's name (T1589.001) in lower case: it goes on with the sentence.
      const text = [
        'Table 2: Credential Access', '', 'Technique Title', '', 'ID', '', 'Use', '',
        'OS Credential Dumping', '', 'T1003', '', 'Akira threat actors use tools like Mimikatz and LaZagne to dump', 'credentials.', '',
        'Table 3: Discovery', 'Technique Title', 'ID', 'Use', 'System Information Discovery', 'T1082',
        'Akira threat actors use tools like PCHunter64 to acquire detailed process and system', 'information.',
        'Domain Trust Discovery', 'T1482', 'Akira threat actors use the net Windows command to enumerate domain information.',
        'Process Discovery', 'T1057', 'Listed processes.', '', 'The actors went on to encrypt the servers.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.tactics, ref.evidence])).to.deep.equal([
        ['OS Credential Dumping | T1003', ['Credential Access'], [{ line: 13, text: 'Akira threat actors use tools like Mimikatz and LaZagne to dump credentials.' }]],
        ['System Information Discovery | T1082', ['Discovery'], [{ line: 22, text: 'Akira threat actors use tools like PCHunter64 to acquire detailed process and system information.' }]],
        ['Domain Trust Discovery | T1482', ['Discovery'], [{ line: 26, text: 'Akira threat actors use the net Windows command to enumerate domain information.' }]],
        ['Process Discovery | T1057', ['Discovery'], [{ line: 29, text: 'Listed processes.' }]],
      ]);
    });

    it('ends the last row\'s Use cell where the prose after the table starts, with no blank line between', () => {
      // AA24-109A's Table 3 row (CISA/FBI; a US government work) as PDF text sets it, its table followed right away by
      // prose (our sentences, in the advisory's layout): before, the last row's evidence ran on into them. A paragraph
      // wrapped at the page's width is wider than the cell; a page scraped to text writes it as one line, a sentence.
      const rows = ['Table 3: Discovery', 'Technique Title', 'ID', 'Use', 'System Information Discovery', 'T1082', 'Akira threat actors use tools like PCHunter64 to acquire detailed process and system', 'information.'];
      const wrapped = [...rows, 'The authoring agencies recommend that organizations apply the mitigations below to reduce the risk of', 'compromise by Akira ransomware.', 'Mitigations'];
      const scraped = [...rows, 'These mitigations apply to all critical infrastructure organizations.', 'Mitigations'];
      const said = 'Akira threat actors use tools like PCHunter64 to acquire detailed process and system information.';
      for (const text of [wrapped, scraped]) {
        const refs = extractReport(text.join('\n'), { target: loadRelease('18.1') }).references;
        expect(refs.map((ref) => [ref.raw, ref.tactics, ref.evidence])).to.deep.equal([['System Information Discovery | T1082', ['Discovery'], [{ line: 7, text: said }]]]);
      }
    });

    it('reads the Procedure cell after the name cell of a table of one cell per line as evidence', () => {
      // The NCSC's advisories head their ATT&CK table `Tactic | ID | Technique | Procedure` (AA23-341A on Star Blizzard,
      // NCSC-led, as cisa.gov's page scraped to text sets it: one cell per line, two blank lines between cells). The
      // name cell stands between the ID and the procedure: before, no row had evidence. Our own rows in that layout.
      const cells = [
        'Tactic', 'ID', 'Technique', 'Procedure',
        'Reconnaissance', 'T1593', 'Search Open Websites/Domains', 'The actor searched social media for its targets.',
        'Credential Access', 'T1539', 'Steal Web Session Cookie', 'The actor stole session cookies with a phishing kit.',
      ];
      const text = ['MITRE ATT&CK', '', ...cells.flatMap((cell) => [cell, '', ''])].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.tactics, ref.evidence])).to.deep.equal([
        ['T1593 | Search Open Websites/Domains', ['Reconnaissance'], [{ line: 24, text: 'The actor searched social media for its targets.' }]],
        ['T1539 | Steal Web Session Cookie', ['Credential Access'], [{ line: 36, text: 'The actor stole session cookies with a phishing kit.' }]],
      ]);
    });

    it('takes no name from the ends of the cells beside the ID\'s', () => {
      // cchopin/threat-reports MIRAI-EIW-2026-02/02_threat_intelligence_FR.md (February 2026, no licence stated), section
      // 6.5: `| Port non standard | T1571 | Port 6969 pour le C2 |` was named "non standard Port" (T1571 Non-Standard Port). Its PINEAPPLE sibling (cchopin/threat-reports PINEAPPLE-2026-02/rapport_FR.md,
      // section 3.3) writes `| Signed binary proxy | T1218 | Execution depuis python.exe … |`, named "Signed binary proxy
      // Execution", T1218's name in ATT&CK 10.1 made of the name's cell and the first word of the description's.
      const port = '| Technique | ID | Description |\n|-----------|----|-------------|\n| Port non standard | T1571 | Port 6969 pour le C2 |';
      expect(extractReport(port, { target: loadRelease('18.1') }).references.map((ref) => [ref.name, ref.resolution?.ids])).to.deep.equal([['Port non standard', ['T1571']]]);
      const signed = '| Technique | MITRE ATT&CK | Detail |\n|---|---|---|\n| Signed binary proxy | T1218 | Execution depuis python.exe (binaire signe Microsoft) |';
      const history = () => [loadRelease('10.1')];
      expect(extractReport(signed, { target: loadRelease('18.1'), history }).references.map((ref) => ref.name)).to.deep.equal(['Signed binary proxy']);
    });
  });

  describe('a name in a language other than English before its ID in a sentence', () => {
    // A Spanish or Portuguese report names a technique by Microsoft's localized name, in sentence case and with or
    // without its accents (`Inyección de procesos`, T1055's Spanish name; `Execucao de comandos`), beside its ID in a
    // sentence. Before, only the words after the first were read (`de procesos`), as a sentence's, with no warning.
    // Our own sentences.
    it('is read whole, from its first word, and said to be in that language', () => {
      const text = [
        'El actor usa Inyección de procesos (T1055) en memoria.',
        'Luego, Execucao de comandos (T1059) y Descubrimiento de archivos y directorios (T1083).',
        'El grupo usó inyección de procesos (T1055.012) en el cargador.',
        'We saw Process injection (T1055.002) and then usa inyeccion de procesos (T1055.003).',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.warnings[0]?.replace(/, in which .*/, '')])).to.deep.equal([
        [1, 'Inyección de procesos', '"Inyección de procesos" is written in Spanish, not in English'],
        [2, 'Execucao de comandos', '"Execucao de comandos" is written in Spanish, not in English'],
        [2, 'Descubrimiento de archivos y directorios', '"Descubrimiento de archivos y directorios" is written in Spanish, not in English'],
        [3, 'inyección de procesos', undefined],
        // One word in lower case before the ID is the sentence's, not a name: the reference is its ID, the words its evidence.
        [4, undefined, undefined],
        [4, 'inyeccion de procesos', undefined],
      ]);
    });
  });

  describe('a name in a language other than English after its ID', () => {
    // A Spanish write-up keeps the English word of a loan (`Phishing`) in its own name of T1566.001, after a dash or a
    // colon, in a line, an item or a table's cell; before, only `Phishing` was read, the words in lower case being taken
    // for a sentence's. A Spanish course's reference list writes `MITRE ATT&CK, técnica T1059.001 (PowerShell) — <…>`
    // and a Spanish CALDERA lab `Emular la técnica T1059.001 mediante:` (both on GitHub, no licence stated; lines
    // reconstructed): the words ending in `técnica` introduce the ID, no name, as `Emulate the technique T1059.001` is
    // none. Our own sentences otherwise.
    it('is read whole, up to its clause\'s end, and said not to be checked', () => {
      const text = [
        'T1566.001 - Phishing con adjunto malicioso',
        '- T1566.002: Phishing con enlace malicioso',
        '| Acceso inicial | T1566.001 - Phishing dirigido con archivo adjunto |',
        'El actor usó T1204.002 - Phishing con adjunto malicioso, enviado a los empleados.',
        'El actor usó T1598.002 - Phishing con adjunto malicioso para el acceso inicial de la red.',
        'Se observó la técnica T1059.003 (Windows Command Shell) en el equipo.',
        'T1566 - Phishing with a malicious attachment',
        '- MITRE ATT&CK, técnica T1059.001 (PowerShell)',
        '- Emular la técnica T1059.005 mediante:',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.warnings[0]?.replace(/ \(read by .*|, in which .*/, '')])).to.deep.equal([
        [1, 'Phishing con adjunto malicioso', '"Phishing con adjunto malicioso" is written in Spanish, not in English'],
        [2, 'Phishing con enlace malicioso', '"Phishing con enlace malicioso" is written in Spanish, not in English'],
        [3, 'Phishing dirigido con archivo adjunto', '"Phishing dirigido con archivo adjunto" is written in Spanish, not in English'],
        [4, 'Phishing con adjunto malicioso', '"Phishing con adjunto malicioso" is written in Spanish, not in English'],
        // (A sentence going on past six words in lower case: the name is left as read, and is checked as an English one.)
        [5, 'Phishing', '"Phishing" is words of T1598.002 Phishing for Information: Spearphishing Attachment, cut short, but the name of T1566 Phishing; T1598.002 kept as written: check that it is the technique meant'],
        [6, 'Windows Command Shell', undefined],
        [7, 'Phishing', undefined],
        [8, 'PowerShell', undefined],
        [9, undefined, undefined],
      ]);
    });
  });

  describe('a name in a script other than Latin beside an ID', () => {
    it('is said not to be checked against its ID, there being no technique names in that script to check it with', () => {
      // A Chinese WeChat article on ATT&CK v16 (安全喷子, 2024; no licence stated, lines reconstructed) numbers its items
      // `（1）语音钓鱼（T1566.004）：…`: voice phishing is T1566.004's, QR-code phishing is not T1598.003's name.
      const text = ['（1）语音钓鱼（T1566.004）：攻击者冒充可信方打电话。', '（2）二维码钓鱼（T1598.003）：攻击者发送二维码。', 'Financial Theft（T1657）'].join('\n');
      const report = extractReport(text, { target: loadRelease('18.1') });
      expect(report.references.map((ref) => [ref.name, ref.resolution?.ids])).to.deep.equal([
        ['语音钓鱼', ['T1566.004']],
        ['二维码钓鱼', ['T1598.003']],
        ['Financial Theft', ['T1657']],
      ]);
      expect(report.notes).to.deep.equal([
        '2 names beside their IDs are written in a script other than Latin, in which ATT&CK and this tool have no technique names, so they were not checked against them (read by the ID alone): ' +
          'line 1 "语音钓鱼" beside T1566.004, line 2 "二维码钓鱼" beside T1598.003 (check that each names the technique of its ID)',
      ]);
    });
  });

  describe('a tactic of a newer release than the one read with', () => {
    it('places a technique written under Stealth or Defense Impairment (ATT&CK 19) under Defense Evasion, its tactic in 18.1, and says so', () => {
      // A CyberDefenders lab write-up on DanaBot (public GitHub, found with find_string "| Stealth | T1"; no licence stated:
      // its mapping table reconstructed) maps to ATT&CK 19, whose Stealth and Defense Impairment split Defense Evasion.
      const text = [
        '| Tactic | Techniques |', '|---|---|',
        '| Execution | T1059.007 Command and Scripting Interpreter: JavaScript |',
        '| Stealth | T1218.011 System Binary Proxy Execution: Rundll32 |',
        '| Stealth | T1070.004 Indicator Removal: File Deletion |',
        '| Defense Impairment | T1562.001 Impair Defenses: Disable or Modify Tools |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      const placed = (tactic: string, technique: string): string =>
        `tactic "${tactic}" is a tactic of ATT&CK 19, which split it off Defense Evasion; ${technique} is under Defense Evasion in ATT&CK enterprise-attack 18.1: placed there`;
      expect(refs.map((ref) => [ref.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [['T1059.007'], ['Execution'], []],
        [['T1218.011'], ['Stealth'], [placed('Stealth', 'T1218.011 System Binary Proxy Execution: Rundll32')]],
        [['T1070.004'], ['Stealth'], [placed('Stealth', 'T1070.004 Indicator Removal: File Deletion')]],
        [['T1562.001'], ['Defense Impairment'], [placed('Defense Impairment', 'T1562.001 Impair Defenses: Disable or Modify Tools')]],
      ]);
    });
  });

  describe('IDs read by a guess (out of a longer word, from digits a space split)', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });
    const rows = (text: string) => read(text).references.map((ref) => [ref.line, ref.ids, ref.name, ref.resolution?.status, ref.resolution?.warnings]);

    it('reads an ID glued to a word in capitals before it, and says so', () => {
      // M-Trends 2024's Lateral Movement chart as PDF-to-text writes it (cells run together), and a scraped list.
      const text = [
        'Lateral MovementT1021.004: SSHT1021.002: SMB/Windows Admin SharesT1021.005: VNCT1570: Lateral Tool Transfer',
        'The actor performed lateral movement over SSHT1570 to reach the hosts.',
        // A word in capitals with a T of its own.
        'Web traffic went out over HTTPT1071.001 to the server.',
      ].join('\n');
      const glued = (word: string, id: string) => `"${word}${id}" was read as ${id}, glued to the word in capitals "${word}" before it: check the text`;
      expect(rows(text)).to.deep.equal([
        [1, ['T1021.004'], 'SSH', 'current', []],
        [1, ['T1021.002'], 'SMB/Windows Admin Shares', 'current', [glued('SSH', 'T1021.002')]],
        [1, ['T1021.005'], 'VNC', 'current', []],
        [1, ['T1570'], 'Lateral Tool Transfer', 'current', [glued('VNC', 'T1570')]],
        [2, ['T1570'], 'SSH', 'current', [glued('SSH', 'T1570')]],
        // HTTP is a protocol T1071.001's description names ("HTTP/S and WebSocket"): no mismatch to warn of.
        [3, ['T1071.001'], 'HTTP', 'current', [glued('HTTP', 'T1071.001')]],
      ]);
      expect(read(text).references[4]!.resolution!.trail[0]).to.equal('read: an ID glued to a word in capitals before it is split off (over SSHT1570)');
    });

    // The Red Canary 2020 Threat Detection Report's Process Injection test fetches `atomics/T1055/src/x64/T1055.dll` to
    // `$env:TEMP\\T1055.dll`; its PDF-to-text (`… \\-OutFile $env:TEMPT1055\\.dll`) gave two references read as T1055 glued
    // to TEMP. Reconstructed in our own words, with the same path and file names.
    it('reads an Atomic Red Team test\'s folder once as its technique, saying it is a path, and no file named for the technique', () => {
      const text = ['Get atomics/T1055/src/x64/T1055.dll first.', 'Invoke-WebRequest atomicsT1055srcx64T1055\\.dll \\-OutFile $env:TEMPT1055\\.dll', 'TEMPT1055\\.dll'].join('\n');
      expect(rows(text)).to.deep.equal([
        [1, ['T1055'], undefined, 'current', ['"atomics/T1055/" is the folder of an Atomic Red Team test (a path, not a citation): read as T1055; check that the report means the technique']],
      ]);
    });

    // Emulation and detection repositories name a technique's script or test after its ID: a README's tree of modules
    // (`│   │   │   └── T1003.001.ps1` under `credential_access/`, the RedSim framework's README), a lab guide's listing of
    // an Atomic Red Team folder (`# Expected: T1003.001.md  T1003.001.yaml  src/`), a design note's box of modules
    // (`│   T1555.003.sh  T1543.001.sh  T1059.001.ps1    │`) and its `T1588.001-yara-scan.sh`. Before, `.ps1` after an ID
    // made it no reference, and `.sh`, `.md` or `.yaml` became its name (`T1003.001.yaml`, name `.yaml`; `T1543.001.sh`
    // named `.sh T1059.001.ps1`). Reconstructed in our own words, with the same layouts and file names.
    it('reads a file named for a technique as the technique, without a name, saying it is a file\'s name', () => {
      const text = [
        'modules/',
        '│   ├── credential_access/',
        '│   │   └── T1003.001.ps1',
        '│   └── lateral_movement/',
        '│       └── T1021.004.sh',
        '# Expected: T1547.001.md  T1547.001.yaml  src/',
        '│   T1555.003.sh  T1543.001.sh  T1059.001.ps1    │',
        '# T1588.001-yara-scan.sh',
      ].join('\n');
      const file = (name: string, id: string): string => `"${name}" is the name of a file named for a technique (a path, not a citation): read as ${id}; check that the report means the technique`;
      expect(rows(text)).to.deep.equal([
        [3, ['T1003.001'], undefined, 'current', [file('T1003.001.ps1', 'T1003.001')]],
        [5, ['T1021.004'], undefined, 'current', [file('T1021.004.sh', 'T1021.004')]],
        [6, ['T1547.001'], undefined, 'current', [file('T1547.001.md', 'T1547.001')]],
        [7, ['T1555.003'], undefined, 'current', [file('T1555.003.sh', 'T1555.003')]],
        [7, ['T1543.001'], undefined, 'current', [file('T1543.001.sh', 'T1543.001')]],
        [7, ['T1059.001'], undefined, 'current', [file('T1059.001.ps1', 'T1059.001')]],
        [8, ['T1588.001'], undefined, 'current', [file('T1588.001-yara-scan.sh', 'T1588.001')]],
      ]);
      // A Markdown link to the file (a detection page's table of sources) is one reference; the warning names the file.
      const link = '| atomic-red-team | [T1547.001.md](https://github.com/redcanaryco/atomic-red-team/blob/master/atomics/T1547.001/T1547.001.md) | the BootExecute value |';
      expect(rows(link)).to.deep.equal([[1, ['T1547.001'], undefined, 'current', [file('T1547.001.md', 'T1547.001')]]]);
    });

    it('reads a sub-technique with a footnote\'s number glued to it where the release has that sub-technique, else says it is unreadable', () => {
      const text = ['PowerShell T1059.00112 was used to run the loader.', 'The actor then used Mshta T1218.0053.', 'See also T1059.01712 in the appendix.'].join('\n');
      expect(rows(text)).to.deep.equal([
        [1, ['T1059.001'], 'PowerShell', 'current', ['"T1059.00112" was read as T1059.001 with a footnote 12 glued to it: check the text']],
        [2, ['T1218.005'], 'Mshta', 'current', ['"T1218.0053" was read as T1218.005 with a footnote 3 glued to it: check the text']],
        [3, ['T1059.017'], undefined, 'unknown', ['"T1059.01712" is unreadable: T1059.017, with a footnote 12 glued to it, is no technique of ATT&CK 18.1; check the text']],
      ]);
    });

    // A CISA advisory's page read by OCR (LummaC2, AA25-141B): `the implant will attempt a POST request [T107 1.001]` was
    // no reference at all.
    it('reads a sub-technique ID whose digits a space split, alone in brackets, and says so', () => {
      const text = ['After each domain is decoded, the implant will attempt a POST request [T107 1.001] (see Figure 3).', 'Web Protocols (T10 71.001)', 'See [T100 2.001].'].join('\n');
      expect(rows(text)).to.deep.equal([
        [1, ['T1071.001'], undefined, 'current', ['"T107 1.001" was read as T1071.001, the space among its digits left out (OCR): check the text']],
        [2, ['T1071.001'], 'Web Protocols', 'current', ['"T10 71.001" was read as T1071.001, the space among its digits left out (OCR): check the text']],
        [3, ['T1002.001'], undefined, 'unknown', ['"T100 2.001" was read as T1002.001, the space among its digits left out (OCR): check the text']],
      ]);
      expect(read(text).references[0]!.resolution!.trail[0]).to.equal("read: a space among an ID's digits is left out where the ID stands alone in brackets, as OCR writes it ([T107 1.001])");
    });
  });

  describe('what extract repairs, normalize reads as it is', () => {
    const target = loadRelease('18.1');
    const read = (text: string) => extractReport(text, { target }).references;
    // Each reference's `raw` is the skeleton's `ref:`, which `normalize` resolves with `resolveReference`.
    const again = (raw: string) => resolveReference({ raw }, { target });

    it('writes an ID read from an OCR misreading as ATT&CK writes it, the repair said once, by extract', () => {
      // `Web Protocols T107 1.001`: before, the skeleton kept the word as written, which normalize read as unknown.
      const text = ['Application Layer Protocol: Web Protocols T107 1.001', 'Email Collection 71114', 'the implant will attempt a POST request [T107 1.001] (see Figure 3).'].join('\n');
      const refs = read(text);
      expect(refs.map((ref) => [ref.raw, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['Web Protocols T1071.001', ['T1071.001'], ["T107 1.001 read as T1071.001: the name before it is that technique's; check the text"]],
        ['Email Collection T1114', ['T1114'], ["71114 read as T1114: the name before it is that technique's; check the text"]],
        ['T1071.001', ['T1071.001'], ['"T107 1.001" was read as T1071.001, the space among its digits left out (OCR): check the text']],
      ]);
      for (const ref of refs) expect([again(ref.raw).status, again(ref.raw).ids, again(ref.raw).warnings], ref.raw).to.deep.equal(['current', ref.resolution!.ids, []]);
    });

    it('gives each ID of a name parted by slashes its own part of it, in order, where each part fits its ID', () => {
      // crocodyli/ThreatActors-TTPs Akira's TTP table (MIT licence), its row as written: `Remote Services: RDP / SSH
      // (T1021.001 / T1021.004)` gave two references each warned of, "RDP / SSH" being neither sub-technique's name whole.
      // 8Base's `Web Service / Cloud Tunnel (T1071.004 / T1219)` (its `Web Service` T1102's name) stays warned of.
      const text = [
        '| Tactic | Technique | Details |', '|---|---|---|',
        '| **Lateral Movement** | Remote Services: RDP / SSH (T1021.001 / T1021.004) | Use of **RDP**, **SSH**, and **Impacket** modules for remote execution. |',
        '| Command and Control | Web Service / Cloud Tunnel (T1071.004 / T1219) | Tunnels out through a cloud service. |',
      ].join('\n');
      const refs = read(text);
      expect(refs.map((ref) => [ref.raw, ref.resolution?.ids, ref.resolution?.warnings.length])).to.deep.equal([
        ['Remote Services: RDP (T1021.001)', ['T1021.001'], 0],
        ['Remote Services: SSH (T1021.004)', ['T1021.004'], 0],
        ['Web Service / Cloud Tunnel (T1071.004)', [], 1],
        ['Web Service / Cloud Tunnel (T1219)', [], 1],
      ]);
      for (const ref of refs.slice(0, 2)) expect([again(ref.raw).status, again(ref.raw).ids, again(ref.raw).warnings], ref.raw).to.deep.equal(['current', ref.resolution!.ids, []]);
    });

    it('reads a Sysmon rule name (technique_id=…,technique_name=…) as the ID with its name after it, OCR\'s 1 for the T too', () => {
      // olafhartong/sysmon-modular's rule names (12_13_14_registry_event/include_windows_defender_tampering.xml, commit
      // 05ba7a68030d7280f2bffcd789ceafd6c73cef02: `name="technique_id=T1089,technique_name=Disabling Security Tools"`), as
      // write-ups of Sysmon events quote them (`RuleName: technique_id=T1546.009,technique_name=AppCert DLLs`, and the
      // rule set's own mislabel `technique_id=T1047,technique_name=File System Permissions Weakness`; public GitHub
      // write-ups found by the library's find_string "RuleName: technique_id="). Before, the name was `RuleName: technique_id`.
      const text = [
        'RuleName: technique_id=T1546.009,technique_name=AppCert DLLs',
        'The central event carries RuleName `technique_id=T1562.001,technique_name=Disable or Modify Tools`: a registry value set.',
        'RuleName: technique_id=T1047,technique_name=File System Permissions Weakness',
        '<TargetObject name="technique_id=T1089,technique_name=Disabling Security Tools" condition="begin with">HKLM\\SOFTWARE</TargetObject>',
        'RuleName: technique_id=11562.001,technique_name=Disable or Modify Tools',
      ].join('\n');
      const refs = read(text);
      expect(refs.map((ref) => [ref.line, ref.raw, ref.name, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        [1, 'T1546.009,technique_name=AppCert DLLs', 'AppCert DLLs', 'current', ['T1546.009']],
        [2, 'T1562.001,technique_name=Disable or Modify Tools', 'Disable or Modify Tools', 'current', ['T1562.001']],
        [3, 'T1047,technique_name=File System Permissions Weakness', 'File System Permissions Weakness', 'ambiguous', []],
        [4, 'T1089,technique_name=Disabling Security Tools', 'Disabling Security Tools', 'revoked', ['T1562.001']],
        [5, 'T1562.001,technique_name=Disable or Modify Tools', 'Disable or Modify Tools', 'current', ['T1562.001']],
      ]);
      expect(refs[4]!.resolution!.warnings).to.deep.equal(["11562.001 read as T1562.001: the name after it is that technique's; check the text"]);
      for (const ref of refs) expect([again(ref.raw).status, again(ref.raw).ids], ref.raw).to.deep.equal([ref.resolution!.status, ref.resolution!.ids]);
    });

    it('ends a Sysmon rule\'s name at the event\'s next field that OCR ran onto its line (The DFIR Report, 2025)', () => {
      // The DFIR Report's LockBit intrusion (2025), its Sysmon screenshots as apps-dfir/Security-Operations OCR'd them
      // (test/corpus/reports/dfir-report-lockbit-2025-sysmon-ocr.yaml): each event run into one line, the T read as 1.
      // Before, the name ran on to the next field (`User Execution  RuleName UtcTime`), so no name vouched for the ID and
      // the three techniques were read as names without an ID.
      const text = [
        'Process Create: technique_id=11204, technique_name=User Execution  RuleName UtcTime: ProcessGuid: {f3cacc6d-144c-65b9-662f-98000000900} ProcessId: 6732',
        'Registry value set: RuleName: technique_id=11562.001, technique_name=Disable or Modify Tools EventType: SetValue  UtcTime:  ProcessId: 1432',
        'CreateRemoteThread detected RuleName: technique_id=11055, technique_name=Process Injection UtcTime:  SourceProcessId: 13172',
        'RuleName: technique_id=T1047, technique_name=Windows Management Instrumentation UtcTime: 2024-02-16',
      ].join('\n');
      const refs = read(text);
      expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        [1, 'User Execution', 'current', ['T1204']],
        [2, 'Disable or Modify Tools', 'current', ['T1562.001']],
        [3, 'Process Injection', 'current', ['T1055']],
        [4, 'Windows Management Instrumentation', 'current', ['T1047']],
      ]);
      expect(refs[0]!.resolution!.warnings).to.deep.equal(["11204 read as T1204: the name after it is that technique's; check the text"]);
      expect(refs[3]!.resolution!.warnings).to.deep.equal([]);
    });

    it('takes one word in lower case before an ID in brackets for the sentence\'s, the ID the reference and the words its evidence', () => {
      // AA25-141B's OCR text (test/corpus/reports/cisa-lummac2-aa25-141b-ocr.yaml): `payloads [T1566.001, T1566.002]` was
      // two references named `payloads`, with no warning. A word in capitals is a name, warned of (`HTTPS (T1071.001)`);
      // a lower-case word that names the technique is kept (`powershell`).
      const text = ['Threat actors frequently use spearphishing hyperlinks and attachments to deploy LummaC2 malware payloads [T1566.001, T1566.002].', 'They sent payloads (T1566.001) and ran powershell (T1059.001) over HTTPS (T1071.001).'].join('\n');
      expect(read(text).map((ref) => [ref.line, ref.raw, ref.name, ref.evidence?.map((said) => said.text), ref.resolution?.warnings.length])).to.deep.equal([
        [1, 'T1566.001', undefined, ['payloads [T1566.001, T1566.002]'], 0],
        [1, 'T1566.002', undefined, ['payloads [T1566.001, T1566.002]'], 0],
        [2, 'powershell (T1059.001)', 'powershell', undefined, 0],
        [2, 'HTTPS (T1071.001)', 'HTTPS', undefined, 1],
      ]);
    });

    it('takes several words in lower case before an ID for the sentence\'s too, where they name no technique, and keeps a technique\'s name in lower case', () => {
      // CTID's FIN6 Intelligence Summary (test/corpus/reports/ctid-fin6-intelligence-summary.yaml, Apache-2.0): `legitimate
      // but compromised credentials [(T1078)](…)` was a reference named `but compromised credentials`, `remote access
      // applications [(T1133)]` one named `remote access applications`, each of which normalize then compared to its ID's
      // name. Dark Reading's 2024 top techniques (test/corpus/reports/darkreading-top-techniques-2024-json.yaml):
      // `command and scripting interpreters (T1059)`. A technique's own name in lower case stays (`spearphishing
      // attachment`, `powershell`; `credentials from password stores`, written as ATT&CK
      // writes it), and so does a name in another language (`tâche planifiée`, French for a scheduled task).
      const text = [
        'FIN6 has been known to attain initial access to target organizations by using legitimate but compromised credentials [(T1078)](https://attack.mitre.org/techniques/T1078/) coupled with legitimate remote access applications [(T1133)](https://attack.mitre.org/techniques/T1133/).',
        'Of the hundreds of documented MITRE ATT&CK techniques, two dominate the field: command and scripting interpreters (T1059) and credentials from password stores (T1555).',
        'They sent a spearphishing attachment (T1566.001), then ran powershell (T1059.001).',
        '- tâche planifiée (T1053.005)',
      ].join('\n');
      expect(read(text).map((ref) => [ref.line, ref.raw, ref.name, ref.evidence?.map((said) => said.text)])).to.deep.equal([
        [1, '[(T1078)](https://attack.mitre.org/techniques/T1078/)', undefined, ['but compromised credentials [(T1078)](https://attack.mitre.org/techniques/T1078/)']],
        [1, '[(T1133)](https://attack.mitre.org/techniques/T1133/)', undefined, ['remote access applications [(T1133)](https://attack.mitre.org/techniques/T1133/)']],
        [2, 'T1059', undefined, ['scripting interpreters (T1059)']],
        [2, 'Credentials from Password Stores (T1555)', 'Credentials from Password Stores', undefined],
        [3, 'spearphishing attachment (T1566.001)', 'spearphishing attachment', undefined],
        [3, 'powershell (T1059.001)', 'powershell', undefined],
        [4, 'tâche planifiée (T1053.005)', 'tâche planifiée', undefined],
      ]);
    });
  });

  describe('a table scraped one cell per line with a Domain column before the ID', () => {
    it('takes the cell after the ID for its name, not the domain\'s cell before it, and keeps no border of its row', () => {
      // A mirror of ATT&CK's M1011 page (test/corpus/reports/ysecurity-m1011-mobile-mirror.yaml): before, each ID was named
      // `mobile |`, with no warning.
      const text = ['mobile |', 'T1626 |', 'Abuse Elevation Control Mechanism |', '- |', 'mobile |', 'T1429 |', 'Audio Capture |', 'Users should be wary of granting applications dangerous permissions. |'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1', 'mobile-attack') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.name, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        [2, 'T1626 | Abuse Elevation Control Mechanism', 'Abuse Elevation Control Mechanism', 'current', []],
        [6, 'T1429 | Audio Capture', 'Audio Capture', 'current', []],
      ]);
    });
  });

  describe('a domain\'s word in a bracket after an ID', () => {
    // NCSC's Infamous Chisel report as PDF text (test/corpus/reports/ncsc-infamous-chisel-2023-mar-mobile-rows.yaml)
    // writes `T1420 (Mobile) File and Directory Discovery`: "Mobile" was taken for each technique's name, with a warning
    // that it names none, and the real name after the bracket was lost.
    it('takes no `(Mobile)` for a name, and reads the technique\'s name after the bracket, else the ID alone', () => {
      const text =
        'Discovery T1420 (Mobile) File and Directory Discovery Infamous Chisel - netd enumerates multiple data directories to discover files of interest. ' +
        'T1430 (Mobile) Location Tracking Infamous Chisel - netd collects GPS information. T1426 (Mobile) netd collects various system information.';
      const refs = extractReport(text, { target: loadRelease('18.1', 'mobile-attack') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        ['File and Directory Discovery (T1420)', 'File and Directory Discovery', 'current', []],
        ['Location Tracking (T1430)', 'Location Tracking', 'current', []],
        ['T1426', undefined, 'current', []],
      ]);
      // So in an enterprise report (`T1059 (Enterprise)`).
      const enterprise = extractReport('Execution T1059 (Enterprise) Command and Scripting Interpreter was used.', { target: loadRelease('18.1') }).references;
      expect(enterprise.map((ref) => [ref.raw, ref.name, ref.resolution?.warnings])).to.deep.equal([['Command and Scripting Interpreter (T1059)', 'Command and Scripting Interpreter', []]]);
    });
  });

  describe("a page's footnotes of IDs run into its text, as PDF text sets them", () => {
    it('reads no footnote label as a name or as evidence (the Snake advisory, AA23-129A)', () => {
      // CISA/FBI/NSA joint advisory AA23-129A (a US government work) as PDF text, quoted by a public actor profile on
      // GitHub (proshiba/threatactor-intel-analysis, profiles/turla/generated/profile-ja.md; test/corpus/reports/
      // cisa-snake-aa23-129a-pdf-footnotes.yaml): `N MITRE ATT&CK IDs:` footnotes after the page's last words. Before,
      // `0x227 and 0x228 30 MITRE ATT&CK IDs` was T1001's name, warned of as no technique's, and
      // `15MITRE ATT&CK IDs: [T1104]` T1104's evidence.
      const text = [
        'Commands will be queued in this Container until the implant is ready to execute them. 15MITRE ATT&CK IDs: [T1104]',
        'These keys were saved in the 0x2 Container in the 0x227 and 0x228 30 MITRE ATT&CK IDs: [T1001], [T1104] 31 MITRE ATT&CK IDs: [T1074], [T1119], [T1560.003]',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.evidence, ref.resolution?.warnings])).to.deep.equal([
        ['T1104', undefined, undefined, []],
        ['T1001', undefined, undefined, []],
        ['T1074', undefined, undefined, []],
        ['T1119', undefined, undefined, []],
        ['T1560.003', undefined, undefined, []],
      ]);
    });
  });

  describe('HTML character references in scraped text', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });

    it('takes no `MITRE ATT&amp;CK` for a name, and reads the name after the ID (a page\'s reference list)', () => {
      // A GitHub page's references (find_string id 56731855992) and a reference list numbered in brackets.
      const text = ['  <li>MITRE ATT&amp;CK T1555.004 — Windows Credential Manager</li>', '[3] MITRE ATT&amp;CK T1059.001 &ndash; PowerShell'].join('\n');
      expect(read(text).references.map((ref) => [ref.line, ref.ids, ref.name, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        [1, ['T1555.004'], 'Windows Credential Manager', 'current', []],
        [2, ['T1059.001'], 'PowerShell', 'current', []],
      ]);
    });

    it('reads a dash written as a character reference as a dash: no part of the name, which is written whole', () => {
      // The QNET mshta post as a GitHub mirror scraped it (/tmp/s40-extract/pages/ms-qnet-mshta.txt line 30).
      const [ref] = read('MITRE ATT&amp;CK T1204 &#8212; User Execution').references;
      expect([ref?.raw, ref?.name, ref?.resolution?.warnings]).to.deep.equal(['T1204 &#8212; User Execution', 'User Execution', []]);
    });

    it('reads a tactic cell whose `&` is written `&amp;`', () => {
      const text = ['| Tactic | ID | Technique |', '|---|---|---|', '| Command &amp; Control | T1071.001 | Web Protocols |'].join('\n');
      expect(read(text).references.map((ref) => [ref.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([[['T1071.001'], ['Command and Control'], []]]);
    });
  });

  describe('a tactic with its TA ID before the technique, on a flattened row', () => {
    // Cyble's Mobile table flattened to rows (reports6 02-en-cyble-mobile-flat.md): the TA ID is a link's text.
    const row = (tactic: string, id: string, name: string, technique: string) =>
      `${tactic} ([${id}](https://attack.mitre.org/tactics/${id}) ) ${name} ([${technique}](https://attack.mitre.org/techniques/${technique}/) ) OverlayPhantom does it`;
    const text = [row('Initial Access', 'TA0027', 'Phishing', 'T1660'), '', row('Credential Access', 'TA0030', 'Abuse Accessibility Features', 'T1453')].join('\n');

    it('is the technique\'s tactic, checked against the TA ID', () => {
      const refs = extractReport(text, { target: loadRelease('18.1', 'mobile-attack') }).references;
      expect(refs.map((ref) => [ref.ids, ref.tactics, ref.resolution?.status])).to.deep.equal([
        [['T1660'], ['Initial Access'], 'current'],
        [['T1453'], ['Credential Access'], 'current'],
      ]);
      // The author wrote Mobile's Defense Evasion ID beside Credential Access, which T1453 has (and Defense Evasion not).
      expect(refs[1]?.resolution?.warnings).to.deep.equal([
        'tactic "TA0030: Credential Access": TA0030 is Defense Evasion, not Credential Access; T1453 Abuse Accessibility Features has Credential Access, not Defense Evasion: ' +
          'it was read as Credential Access (check which the report means)',
      ]);
    });

    it('says, with another domain\'s release, that the TA ID is not that domain\'s', () => {
      const [ref] = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(ref?.resolution?.warnings).to.deep.equal([
        'tactic "TA0027: Initial Access": ATT&CK enterprise-attack 18.1 has no TA0027; it was read by its name, Initial Access (check the ID, or the domain)',
      ]);
    });
  });

  describe('a tactic\'s name with a TA ID of another tactic', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.ids[0], ref.tactics, ref.resolution?.warnings]);
    const pair = (written: string, id: string, other: string, kept: string) =>
      `tactic "${written}": ${id}; ${other}: it was read as ${kept} (check which the report means)`;

    it('keeps the one of the two the technique has, from a heading, a tactic cell or a caption, and names both', () => {
      const text = [
        '## Initial Access (TA0002)',
        '- T1566.001',
        '',
        '| Tactic | ID |',
        '|---|---|',
        '| Persistence (TA0001) | T1547.001 |',
        '',
        'Table 3. Discovery (TA0008)',
        'T1083 File and Directory Discovery',
      ];
      expect(read(text.join('\n'))).to.deep.equal([
        ['T1566.001', ['Initial Access'], [pair('TA0002: Initial Access', 'TA0002 is Execution, not Initial Access', 'T1566.001 Spearphishing Attachment has Initial Access, not Execution', 'Initial Access')]],
        ['T1547.001', ['Persistence'], [pair('TA0001: Persistence', 'TA0001 is Initial Access, not Persistence', 'T1547.001 Registry Run Keys / Startup Folder has Persistence, not Initial Access', 'Persistence')]],
        ['T1083', ['Discovery'], [pair('TA0008: Discovery', 'TA0008 is Lateral Movement, not Discovery', 'T1083 File and Directory Discovery has Discovery, not Lateral Movement', 'Discovery')]],
      ]);
    });

    it('keeps neither when the technique has both or neither', () => {
      expect(read('Table 4. Persistence (TA0004)\nT1053.005 Scheduled Task\n\nT1105 (TA0002: Initial Access)')).to.deep.equal([
        ['T1053.005', [], ['tactic "TA0004: Persistence": TA0004 is Privilege Escalation, not Persistence; T1053.005 Scheduled Task has both: neither was kept (write the tactic the report means)']],
        ['T1105', [], ['tactic "TA0002: Initial Access": TA0002 is Execution, not Initial Access; T1105 Ingress Tool Transfer has neither: neither was kept (write the tactic the report means)']],
      ]);
    });

    it('is the tactic both name, without a warning, where they agree', () => {
      expect(read('## Initial Access (TA0001)\n- T1566.001\n\nTable 5. Discovery (TA0007)\nT1083')).to.deep.equal([
        ['T1566.001', ['Initial Access'], []],
        ['T1083', ['Discovery'], []],
      ]);
    });
    describe('in a leading label with the TA ID first (`TA0002 - Initial Access: Phishing T1566.002`)', () => {
      const refs = (text: string) =>
        extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.name, ref.tactics, ref.resolution?.warnings, ref.resolution?.trail[0]]);
      const parent = 'name check: the name "Phishing" is that of T1566, the parent technique of T1566.002; read as the sub-technique the ID names';

      it('reads the technique\'s name after the label and checks the label\'s TA ID and name as a pair', () => {
        expect(refs('- TA0002 - Initial Access: Phishing T1566.002')).to.deep.equal([
          ['Phishing', ['Initial Access'], [pair('TA0002: Initial Access', 'TA0002 is Execution, not Initial Access', 'T1566.002 Spearphishing Link has Initial Access, not Execution', 'Initial Access')], parent],
        ]);
        expect(refs('TA0001 – Initial Access: Spearphishing Link (T1566.002)')).to.deep.equal([['Spearphishing Link', ['Initial Access'], [], undefined]]);
      });

      it('is the tactic both name, without a warning, where they agree', () => {
        expect(refs('- TA0001 - Initial Access: Phishing T1566.002')).to.deep.equal([['Phishing', ['Initial Access'], [], parent]]);
      });

      it('pairs the ID with the first of several tactics, the others read as they are written', () => {
        const warning = 'tactic "TA0003: Execution": TA0003 is Persistence, not Execution; T1053.005 Scheduled Task has both: neither was kept (write the tactic the report means)';
        expect(refs('TA0003 - Execution, Persistence: Scheduled Task T1053.005')).to.deep.equal([['Scheduled Task', ['Persistence'], [warning], `tactic check: ${warning}`]]);
        expect(refs('TA0002 - Execution, Persistence: Scheduled Task T1053.005')).to.deep.equal([['Scheduled Task', ['Execution', 'Persistence'], [], undefined]]);
      });
    });
  });

  describe('a leading label written as a tactic name\'s words joined by a conjunction', () => {
    it('is that tactic, as in a tactic line (`Defensa y Evasión: Ofuscación T1027`)', () => {
      const refs = extractReport('- Defensa y Evasión: Ofuscación T1027', { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.tactics])).to.deep.equal([['Ofuscación T1027', 'Ofuscación', ['Defense Evasion']]]);
    });
  });

  describe('a tactic before a bracket that holds the reference (`### Execution (User Execution: Malicious File - T1204.002)`)', () => {
    // A SOC lab's incident write-up (code index file 55668083451): each heading of its WS01 section is a tactic, then the
    // technique's name and ID in brackets, some set in bold, an anchor after them. The tactic was read as no tactic, and
    // the name cut (`Malicious File`) or run into it (`Credential Access (OS Credential Dumping: LSASS Memory`).
    it('is the label of the reference: its tactic, and the name in the bracket is the reference\'s', () => {
      const text = [
        '### Execution (User Execution: Malicious File - T1204.002) {#3667b0eb61a4809a8811fe1004234adc}',
        '### Command & Control (**Application Layer Protocol: Web Protocols - T1071.001)** {#3667b0eb61a480f682cdca72731ddfd2}',
        '### Privilege Escalation (**Abuse Elevation Control Mechanism: Bypass User Account Control -** T1548.002) {#3667b0eb61a48005be13d085dd431d14}',
        '### Credential Access (**OS Credential Dumping: LSASS Memory -**T1003.001) {#3667b0eb61a480ec8e71f50356015917}',
        '- Execution (PowerShell, T1059.001)',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.name, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [1, 'User Execution: Malicious File', ['Execution'], ['T1204.002'], []],
        [2, 'Application Layer Protocol: Web Protocols', ['Command and Control'], ['T1071.001'], []],
        [3, 'Abuse Elevation Control Mechanism: Bypass User Account Control', ['Privilege Escalation'], ['T1548.002'], []],
        [4, 'OS Credential Dumping: LSASS Memory', ['Credential Access'], ['T1003.001'], []],
        [5, 'PowerShell', ['Execution'], ['T1059.001'], []],
      ]);
      // A bracket that does not hold the rest of the line, with the ID, is no label's end.
      const prose = extractReport('Execution (the first stage) ran PowerShell T1059.001 on the host.', { target: loadRelease('18.1') }).references;
      expect(prose.map((ref) => [ref.raw, ref.tactics])).to.deep.equal([['PowerShell T1059.001', []]]);
    });
  });

  describe('leading labels of clauses on one line, after `;`', () => {
    const rows = (text: string) =>
      extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.raw, ref.name, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings]);

    it('gives each clause the tactic of its own label, not the line\'s first, and keeps the label out of the name', () => {
      // A list item mapping several techniques, one tactic per clause (the previous helper's probe of real summaries).
      expect(rows('- Execution: PowerShell (T1059.001); Persistence: Registry Run Keys (T1547.001)')).to.deep.equal([
        ['PowerShell (T1059.001)', 'PowerShell', ['Execution'], ['T1059.001'], []],
        ['Registry Run Keys (T1547.001)', 'Registry Run Keys', ['Persistence'], ['T1547.001'], []],
      ]);
      expect(rows('Execution: T1059.001; Persistence: T1547.001, T1053.005').map((row) => row[2])).to.deep.equal([['Execution'], ['Persistence'], ['Persistence']]);
    });

    it('leaves a clause without a label of its own under the line\'s label', () => {
      expect(rows('Execution: Native API (T1106); Windows Command Shell (T1059.003)').map((row) => row[2])).to.deep.equal([['Execution'], ['Execution']]);
    });
  });

  describe('leading labels of clauses on one line, after the end of a sentence', () => {
    const rows = (text: string) => extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.name, ref.tactics, ref.resolution?.warnings]);

    // A summary written one labelled sentence after another: the second label was read as part of the name
    // (`. Execution: Malicious File`) under the first tactic, and past a short line's length (prose) no name was read.
    it('gives each sentence the tactic of its own label and keeps the label out of the name, in a short line as in a long one', () => {
      const expected = [
        ['Spearphishing Link', ['Initial Access'], []],
        ['Malicious File', ['Execution'], []],
      ];
      expect(rows('Initial Access: Spearphishing Link (T1566.002). Execution: Malicious File (T1204.002).')).to.deep.equal(expected);
      expect(rows('Initial Access: Spearphishing Link T1566.002. Execution: Malicious File T1204.002.')).to.deep.equal(expected);
      expect(
        rows('Initial Access: Spearphishing Link (T1566.002). Execution: Malicious File (T1204.002). Persistence: Scheduled Task (T1053.005). Command and Control: Web Protocols (T1071.001).'),
      ).to.deep.equal([...expected, ['Scheduled Task', ['Persistence'], []], ['Web Protocols', ['Command and Control'], []]]);
      expect(rows('The actor sent a link. Initial Access: Spearphishing Link (T1566.002).')).to.deep.equal([expected[0]]);
    });

    // Recorded Future's PDF appendix quoted as one line (`Tactic: Technique ATT&CK Code Resource Development: Acquire
    // Infrastructure: Domains T1583.001 …`): each name held its tactic label, or followed one, and no reference had a tactic.
    it('reads a tactic label inside or right before a name in a long line as the reference\'s tactic, no part of its name', () => {
      const text =
        'THREAT ANALYSIS Appendix B — MITRE ATT&CK Techniques Tactic: Technique ATT&CK Code Resource Development: Acquire Infrastructure: Domains T1583.001 ' +
        'Resource Development: Acquire Infrastructure: Server T1583.004 Initial Access : Spearphishing Link T1566.002 Execution: Exploitation for Client Execution T1203 26';
      expect(rows(text)).to.deep.equal([
        ['Acquire Infrastructure: Domains', ['Resource Development'], []],
        ['Acquire Infrastructure: Server', ['Resource Development'], []],
        ['Spearphishing Link', ['Initial Access'], []],
        ['Exploitation for Client Execution', ['Execution'], []],
      ]);
      // A tactic's one word that ends a technique's name before its colon is none.
      const names = 'The actor used many tools across the environment and we saw System Binary Proxy Execution: Mshta T1218.005 and Account Discovery: Local Account T1087.001 over several days.';
      expect(rows(names)).to.deep.equal([
        ['System Binary Proxy Execution: Mshta', [], []],
        ['Account Discovery: Local Account', [], []],
      ]);
    });

    // Unit 42's Ignoble Scorpius threat assessment (https://unit42.paloaltonetworks.com/threat-assessment-blacksuit-ransomware-ignoble-scorpius/,
    // an archived Markdown copy: find_string 'Palo Alto Networks customers are better protected', id 57698027292) lists each
    // XQL query's techniques as `- T1047 Execution - Windows Management Instrumentation`: no reference had a tactic, and
    // T1047 was warned of as words of T1546.003 cut short, its tactic read as part of its name.
    it('reads a tactic label between an ID and its name as the reference\'s tactic, no part of its name', () => {
      const text = ['#### MITRE ATT&CK TTP IDs', '', '- T1059.001 Execution - Command and Scripting Interpreter: PowerShell', '', '- T1047 Execution - Windows Management Instrumentation', '',
        '- T1003.001 Credential Access - OS Credential Dumping: LSASS Memory'].join('\n');
      expect(rows(text)).to.deep.equal([
        ['Command and Scripting Interpreter: PowerShell', ['Execution'], []],
        ['Windows Management Instrumentation', ['Execution'], []],
        ['OS Credential Dumping: LSASS Memory', ['Credential Access'], []],
      ]);
      // A name that opens with a tactic's word is no label (`Execution Guardrails`).
      expect(rows('- T1480 Execution Guardrails - Environmental Keying')).to.deep.equal([['Execution Guardrails - Environmental Keying', [], []]]);
    });

    // ESET's Machete white paper's ATT&CK table quoted as one line (`Tactic ID Name Description Initial Access T1192
    // Spearphishing Link …`): the tactic cell of the row's first technique ran into its ID, and T1192 had no tactic.
    it('reads a tactic\'s full name right before an ID as its tactic where the technique\'s name follows the ID', () => {
      const text =
        'MITRE ATT&CK techniques Tactic ID Name Description Initial Access T1192 Spearphishing Link Emails contain a link to download a compressed file from an external server. ' +
        'T1193 Spearphishing Attachment Emails contain a zipped file with malicious contents.';
      // T1193's row, whose tactic cell the table merged with the row above, goes on under it (see the next test).
      expect(rows(text)).to.deep.equal([
        ['Spearphishing Link', ['Initial Access'], []],
        ['Spearphishing Attachment', ['Initial Access'], []],
      ]);
      // A tactic the technique does not have in the release is still the row's, and resolving says so.
      const other = 'MITRE ATT&CK techniques Tactic ID Name Description Execution T1192 Spearphishing Link Emails contain a link to download a compressed file from an external server.';
      expect(rows(other)).to.deep.equal([['Spearphishing Link', ['Execution'], ['Execution is not a tactic of T1566.002 Spearphishing Link: it is Initial Access only in ATT&CK 18.1']]]);
    });

    // ANY.RUN's Lazarus IT-workers post printed to PDF (test/corpus/reports/anyrun-lazarus-it-workers-2025-printed-ttp-table.yaml)
    // writes T1090 under Defense Evasion, a tactic ATT&CK 18.1 does not give it: extract gave the reference no tactic and said
    // nothing, where a wrong tactic is said elsewhere.
    it('says a tactic cell before an ID that the technique whose exact name follows does not have, not dropping it', () => {
      const text =
        'Initial Access T1566 — Phishing Mass phishing via GitHub pull requests targeting developers Defense Evasion T1090 — Proxy Use of AstrillVPN to hide real location ' +
        'Discovery T1082 — System Information Discovery Use of DXDIAG to obtain system information';
      expect(rows(text)).to.deep.equal([
        ['Phishing', ['Initial Access'], []],
        ['Proxy', ['Defense Evasion'], ['Defense Evasion is not a tactic of T1090 Proxy: it is Command and Control only in ATT&CK 18.1']],
        ['System Information Discovery', ['Discovery'], []],
      ]);
      // Nor does the wrong tactic go on to a row after it without a tactic cell of its own.
      expect(rows('Defense Evasion T1090 — Proxy Use of AstrillVPN to hide real location T1016 — System Network Configuration Discovery Use of netspeedtest')).to.deep.equal([
        ['Proxy', ['Defense Evasion'], ['Defense Evasion is not a tactic of T1090 Proxy: it is Command and Control only in ATT&CK 18.1']],
        ['System Network Configuration Discovery', [], []],
      ]);
    });

    // Genians' Konni report of July 2023, its ATT&CK table as PDF text, one line (`Tactic Technique Description
    // Reconnaissance T1598.002 … Execution T1059.001 … PowerShell T1059.003 … Windows Command Shell …`; this line is ours,
    // in that layout, with ATT&CK's names): the tactic cell stands before a tactic's first row only, and 13 of its 20 IDs
    // had a tactic. The ones after took none, and T1027.001, whose name the reader had taken from before its ID, took
    // `Execution` from the words `Autostart Execution:` of the row before.
    it('reads the rows after a tactic\'s first row under that tactic, up to the next tactic cell, in a table flattened to one line', () => {
      const text =
        'a. MITRE ATT&CK Matrix Tactic Technique Description Execution T1059.001 Command and Scripting Interpreter: PowerShell ' +
        'T1204.002 User Execution: Malicious File Persistence T1547.001 Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder ' +
        'Defense Evasion T1027.001 Obfuscated Files or Information: Binary Padding T1140 Deobfuscate/Decode Files or Information ' +
        'Command and Control T1001 Data Obfuscation T1132.001 Data Encoding: Standard Encoding [Table 18] MITRE ATT&CK, Tactics and Techniques';
      expect(rows(text)).to.deep.equal([
        ['Command and Scripting Interpreter: PowerShell', ['Execution'], []],
        ['User Execution: Malicious File', ['Execution'], []],
        ['Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', ['Persistence'], []],
        ['Obfuscated Files or Information: Binary Padding', ['Defense Evasion'], []],
        ['Deobfuscate/Decode Files or Information', ['Defense Evasion'], []],
        ['Data Obfuscation', ['Command and Control'], []],
        ['Data Encoding: Standard Encoding', ['Command and Control'], []],
      ]);
      // ESET's tables (Machete, 2019; Gamaredon, 2024) hold a description cell: a row whose description ends a sentence
      // right before the next ID goes on under the tactic; a tactic cell after the sentence starts the next.
      const described =
        'Tactic ID Name Description Credential Access T1555.003 Credentials from Password Stores: Credentials from Web Browsers A stealer takes the passwords browsers keep. ' +
        'T1539 Steal Web Session Cookie Another one takes their cookies. Discovery T1083 File and Directory Discovery It looks for files by extension.';
      expect(rows(described)).to.deep.equal([
        ['Credentials from Password Stores: Credentials from Web Browsers', ['Credential Access'], []],
        ['Steal Web Session Cookie', ['Credential Access'], []],
        ['File and Directory Discovery', ['Discovery'], []],
      ]);
      // T1059.003 is no Persistence technique: the rows after it take no tactic from above it either.
      const other = 'Tactic Technique Description Persistence T1547.001 Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder T1059.003 Command and Scripting Interpreter: Windows Command Shell T1053.005 Scheduled Task/Job: Scheduled Task';
      expect(rows(other)).to.deep.equal([
        ['Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', ['Persistence'], []],
        ['Command and Scripting Interpreter: Windows Command Shell', [], []],
        ['Scheduled Task/Job: Scheduled Task', [], []],
      ]);
      // A name read past its technique's that ends in a tactic's name may hold the next row's tactic cell (`Deobfuscate/
      // DecodeFiles or Information Discovery T1057`, words run together in Genians' Konni report of September 2023): the
      // next row is read as a first one, by the tactic right before its ID, not under the tactic before (T1056 is a
      // Credential Access technique too).
      const past = 'Tactic ID Name Description Credential Access T1003 OS Credential Dumping Memory is dumped. T1555 Credentials from Browser Stores Collection T1056 Input Capture Keys are logged.';
      expect(rows(past).map(([name, tactics]) => [name, tactics])).to.deep.equal([
        ['OS Credential Dumping', ['Credential Access']],
        ['Credentials from Browser Stores Collection', ['Credential Access']],
        ['Input Capture', ['Collection']],
      ]);
    });

    // Genians' Konni report of September 2023 as PDF-to-text writes `…CommandandScriptingInterpreter:Visual Basic T1204.002
    // User Execution:Malicious File Persistence T1053.005 ScheduledTask/Job:ScheduledTask…`: a name written with its
    // spaces but none after its colon. Before, T1204.002 was named `Basic`, the last word of the row before (a warning),
    // and took no tactic; with the names spaced, it was named the row before's `Command and Scripting Interpreter: Visual
    // Basic` (ambiguous). Reconstructed in that layout, with ATT&CK's names.
    it('reads a name whose colon has no space after it as that name beside its ID, in a table flattened to one line', () => {
      const run = 'Tactic Technique Description Execution T1059.005 CommandandScriptingInterpreter:Visual Basic T1204.002 User Execution:Malicious File Persistence T1053.005 ScheduledTask/Job:ScheduledTask';
      const spaced = 'Tactic Technique Description Execution T1059.005 Command and Scripting Interpreter: Visual Basic T1204.002 User Execution:Malicious File Persistence T1053.005 Scheduled Task/Job: Scheduled Task';
      for (const text of [run, spaced]) {
        expect(extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.ids, ref.name, ref.tactics, ref.resolution?.status])).to.deep.equal([
          [['T1059.005'], text === run ? 'CommandandScriptingInterpreter:Visual Basic' : 'Command and Scripting Interpreter: Visual Basic', ['Execution'], 'current'],
          [['T1204.002'], 'User Execution:Malicious File', ['Execution'], 'current'],
          [['T1053.005'], text === run ? 'ScheduledTask/Job:ScheduledTask' : 'Scheduled Task/Job: Scheduled Task', ['Persistence'], 'current'],
        ]);
      }
    });

    // Recorded Future's DPRK appendix quoted as one line: `… System Information Discovery T1082 Acquire Infrastructure :
    // Domains T1583.001` was named `Domains`, the colon set apart by a space ending the name.
    it('reads a name whose colon a space sets apart whole', () => {
      const text =
        'Appendix C MITRE ATT&CK Techniques Tactic: Technique ATT&CK Code Initial Access : Spearphishing Attachment T1566.001 Phishing: Spearphishing via Service T1566.003 ' +
        'Command and Scripting Interpreter: JavaScript T1059.007 System Information Discovery T1082 Acquire Infrastructure : Domains T1583.001';
      expect(rows(text)).to.deep.equal([
        ['Spearphishing Attachment', ['Initial Access'], []],
        ['Phishing: Spearphishing via Service', [], []],
        ['Command and Scripting Interpreter: JavaScript', [], []],
        ['System Information Discovery', [], []],
        ['Acquire Infrastructure : Domains', [], []],
      ]);
    });
  });

  describe('a sub-technique\'s dot escaped as Markdown escapes it (`T1021\\.004`)', () => {
    it('reads the sub-technique, its name beside it, and names the repair in the trail', () => {
      // M-Trends 2024 as a Markdown conversion stores its Lateral Movement chart (`T1021\.004: SSHT1021\.002: SMB…`).
      const refs = extractReport('- T1021\\.004: SSH\n- T1550\\.002: Pass the Hash\n', { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.ids, ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['T1021\\.004: SSH', ['T1021.004'], 'SSH', ['T1021.004'], []],
        ['T1550\\.002: Pass the Hash', ['T1550.002'], 'Pass the Hash', ['T1550.002'], []],
      ]);
      expect(refs[0]?.resolution?.trail).to.include('read: a Markdown escape before a punctuation character is dropped (T1021\\.004, Remote File Copy (T1105\\))');
    });
  });

  describe('a name cell parted by spaced slashes beside an ID cell of as many IDs', () => {
    // A SOC write-up's ATT&CK table kept as Markdown in a public repository (find_string index file 71352271046), its
    // row: before, neither ID took a name, and the row's words were lost.
    it('gives each ID its part where each part names a technique, and none where the slash parts one name', () => {
      const text = [
        '| Tactic | Technique | ID | How it appeared |',
        '|---|---|---|---|',
        '| Credential Access | Input Capture / Phishing for Information | T1056 / T1598 | Fake login page |',
        '| Lateral Movement | Remote Services: RDP / SSH | T1021.001 / T1021.004 | sessions |',
        '| Persistence | Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder | T1547 / T1547.001 | Run key |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids, ref.name, ref.resolution?.ids])).to.deep.equal([
        [['T1056'], 'Input Capture', ['T1056']],
        [['T1598'], 'Phishing for Information', ['T1598']],
        [['T1021.001'], 'Remote Services: RDP', ['T1021.001']],
        [['T1021.004'], 'SSH', ['T1021.004']],
        [['T1547'], undefined, ['T1547']],
        [['T1547.001'], undefined, ['T1547.001']],
      ]);
      // The report's own slip stays said: T1598 is a Reconnaissance technique.
      expect(refs[1]?.resolution?.warnings).to.deep.equal(['Credential Access is not a tactic of T1598 Phishing for Information: it is Reconnaissance only in ATT&CK 18.1']);
    });
  });

  describe('zero-width characters a web page hides in its text (U+200B, U+2060, U+FEFF)', () => {
    // A page's text copied from the browser keeps the zero-width spaces its HTML holds (a WeChat post's text ends in
    // U+200B: tofrankie/blog issue #296; pages put them where a long word may break). Our own lines in that shape:
    // before, the ID with one inside was missed without a word, and the names beside one carried it.
    it('reads an ID with one inside it, and leaves those beside a name out of the name, saying so in the trail', () => {
      const text = ['T1\u200b059.006 Python', 'PowerShell\u200b T1059.001', 'T1021.002\u2060 SMB/Windows Admin Shares', '| Persistence | \ufeffT1547.001 | Registry Run Keys |'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.ids, ref.name, ref.resolution?.ids])).to.deep.equal([
        [1, ['T1059.006'], 'Python', ['T1059.006']],
        [2, ['T1059.001'], 'PowerShell', ['T1059.001']],
        [3, ['T1021.002'], 'SMB/Windows Admin Shares', ['T1021.002']],
        [4, ['T1547.001'], 'Registry Run Keys', ['T1547.001']],
      ]);
      expect(refs[0]?.resolution?.trail).to.include(`read: ${READING_RULES.find((rule) => rule.startsWith('a zero-width space'))}`);
    });
  });

  describe('a name written around its ID', () => {
    it('is the reference\'s name where it is exactly that technique\'s and the name read is not (an OCR\'d table, reports4 21 and 01)', () => {
      const text = [
        'Obfuscated Files or . T1027 Information Masquerading T1036 Deobfuscate/Decode',
        'User Execution: Malicious Link | T1204.001 Used malicious links to run code.',
        // A name as read that holds the exact name is kept as written: the normalizer reads it whole.
        '- Command-Line Interface: PowerShell (T1059.001)',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status])).to.deep.equal([
        ['Obfuscated Files or Information (T1027)', 'Obfuscated Files or Information', 'current'],
        ['Masquerading (T1036)', 'Masquerading', 'current'],
        ['User Execution: Malicious Link (T1204.001)', 'User Execution: Malicious Link', 'current'],
        ['Command-Line Interface: PowerShell (T1059.001)', 'Command-Line Interface: PowerShell', 'current'],
      ]);
      expect(text.split('\n')[0]!.slice(refs[0]!.nameSpan!.start, refs[0]!.nameSpan!.end)).to.equal('Obfuscated Files or . T1027 Information');
    });

    it('is the reference\'s name where it is the common abbreviation of that technique (tasklist T1047 WMI)', () => {
      // A Ukrainian government report's Gamaredon TTP table as PDF-to-text runs its cells together (quoted by a public
      // actor profile on GitHub; reworded): the row before ends in the tool `tasklist`, glued before the ID of WMI's row.
      const text = 'Scripts launch downloaded tasklist T1047 WMI Group uses WMI commands in code to retrieve system information';
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['WMI (T1047)', 'WMI', 'current', ['T1047'], []],
      ]);
    });

    it('is the technique\'s full name where the words right before the name read complete it, past eight words', () => {
      // A SOC lab's write-up (code index file 55668083451): `### Persistence (**Boot or Logon Autostart Execution: Registry
      // Run Keys / Startup Folder - T1547.001)** {#…}`, eleven words, was named from `Autostart`.
      const text = [
        '### Persistence (**Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder - T1547.001)** {#3667b0eb61a480eeb9a2d4a7116d5102}',
        'They changed File and Directory Permissions Modification: Linux and Mac File and Directory Permissions Modification (T1222.002) on hosts.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        ['Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', ['Persistence'], []],
        ['File and Directory Permissions Modification: Linux and Mac File and Directory Permissions Modification', [], []],
      ]);
      const lines = text.split('\n');
      const read = refs[0]!.nameSpan ?? refs[0]!.span;
      expect(lines[0]!.slice(read.start, read.end)).to.match(/^Boot or Logon Autostart/);
      expect(lines[1]!.slice(refs[1]!.span.start, refs[1]!.span.end)).to.match(/^File and Directory Permissions Modification: Linux.*\(T1222\.002\)$/);
    });

    it('is the technique\'s full name where the words right after the name read complete it, past eight words, a slash among them', () => {
      // Deloitte's threat library slides as PDF text (find_string index file 43499837094) flatten a ranked table onto one
      // line: `… 6 T1060 - Registry Run Keys / Start Folder 7 T1057 - …`, cut at the slash. In our own words, with the
      // current names of ten words and of a slash.
      const text = 'Top: 1 T1071.001 - Web Protocols 2 T1547.001 - Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder 3 T1060 - Registry Run Keys / Start Folder 4 T1033 - System Owner / User Discovery 5 T1571 - Non-Standard Port';
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids[0], ref.name, ref.resolution?.status])).to.deep.equal([
        ['T1071.001', 'Web Protocols', 'current'],
        ['T1547.001', 'Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', 'current'],
        ['T1060', 'Registry Run Keys / Start Folder', 'revoked'],
        ['T1033', 'System Owner / User Discovery', 'current'],
        ['T1571', 'Non-Standard Port', 'current'],
      ]);
      const read = refs[1]!.nameSpan ?? refs[1]!.span;
      expect(text.slice(read.start, read.end)).to.match(/Startup Folder$/);
    });

    it('is the words before a dash where the bracket after the ID names no technique (`- Credential Dumping - T1003 (APT33)`)', () => {
      // An ICS threat summary's lists (code index file 14704857593): each technique, its ID, and the groups or incidents
      // it was seen in, in brackets; the bracket was read as the name where the name before the dash was an old one.
      const text = ['- Credential Dumping - T1003 (APT33)', '- Man in the Middle - T1557 (Australian Modbus)', '- Execution - T1059.001 (PowerShell)'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('8.2'), loadRelease('6.3')] }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status, ref.resolution?.ids])).to.deep.equal([
        ['Credential Dumping (T1003)', 'Credential Dumping', 'renamed', ['T1003']],
        ['Man in the Middle (T1557)', 'Man in the Middle', 'renamed', ['T1557']],
        // A bracket that names the technique stays its name; the tactic before the dash is a label.
        ['T1059.001 (PowerShell)', 'PowerShell', 'current', ['T1059.001']],
      ]);
    });

    it('is the words before a dash for an ID of another domain too, named by that domain\'s release (`- Modify Program - T0889 (Indian Nuclear)`)', () => {
      // The same ICS summary (code index file 14704857593) lists Enterprise and ICS techniques side by side: in either
      // domain's run, the other domain's IDs kept the bracket (the incident) as their name and lost the name before the
      // dash, so the campaign the note advises for them would carry "Indian Nuclear". Our lines, in its layout.
      const text = ['- Modify Program - T0889 (Indian Nuclear)', '- Unauthorized Command Message - T0855 (Australian Modbus)', '- Valid Accounts - T1078 (Volt Typhoon)'].join('\n');
      const release = (domain: Domain) => loadRelease('18.1', domain);
      const read = (domain: 'enterprise-attack' | 'ics-attack') =>
        extractReport(text, { target: release(domain), otherDomains: otherDomainLookup(domain, release) }).references.map((ref) => [ref.raw, ref.name, ref.resolution?.status]);
      expect(read('enterprise-attack')).to.deep.equal([
        ['Modify Program (T0889)', 'Modify Program', 'other domain'],
        ['Unauthorized Command Message (T0855)', 'Unauthorized Command Message', 'other domain'],
        ['Valid Accounts (T1078)', 'Valid Accounts', 'current'],
      ]);
      expect(read('ics-attack')).to.deep.equal([
        ['Modify Program (T0889)', 'Modify Program', 'current'],
        ['Unauthorized Command Message (T0855)', 'Unauthorized Command Message', 'current'],
        ['Valid Accounts (T1078)', 'Valid Accounts', 'other domain'],
      ]);
    });

    it('is read by that domain\'s release for an ID of another domain, the next cell\'s words glued to it left out', () => {
      // Our own rows in the layout of Genians' Konni tables as PDF text (above: `T1057 Process DiscoveryT1082
      // SystemInformationDiscovery…`), with an ICS and a Mobile ID among them: the target's IDs had their names read and
      // the words run into them dropped; the other domains' kept the glued text (`T0866 Exploitation of Remote
      // ServicesThe`) as their ref in the skeleton. ESET's 2026 ScarCruft post runs its Mobile table so
      // (`T1513Screen CaptureAndroid BirdCall can take screenshots.`).
      const text = [
        'Lateral Movement T1021.001 Remote Desktop ProtocolThe actor T0866 Exploitation of Remote ServicesThe actor',
        'Collection T1430 Location TrackingThe app T1513 Screen CaptureThe app T0843 Program DownloadCollection',
      ].join('\n');
      const release = (domain: Domain) => loadRelease('18.1', domain);
      const others = (['mobile-attack', 'ics-attack'] as const).map(release);
      const refs = extractReport(text, { target: release('enterprise-attack'), otherDomains: otherDomainLookup('enterprise-attack', release), otherReleases: () => others }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status])).to.deep.equal([
        ['Remote Desktop Protocol (T1021.001)', 'Remote Desktop Protocol', 'current'],
        ['Exploitation of Remote Services (T0866)', 'Exploitation of Remote Services', 'other domain'],
        ['Location Tracking (T1430)', 'Location Tracking', 'other domain'],
        // Mobile's Screen Capture, not a typo of Enterprise's T1113 of the same name.
        ['Screen Capture (T1513)', 'Screen Capture', 'other domain'],
        ['Program Download (T0843)', 'Program Download', 'other domain'],
      ]);
    });

    it('is a name the technique had in an older release right after its ID, the row\'s or the sentence\'s words after it left out', () => {
      // ESET's Machete white paper (2019), its ATT&CK table as PDF text (`T1071 Standard Application Layer Protocol FTP and
      // HTTP are used for …`), and a detection write-up's field (`Persistence: T1554 Compromise Client Software Binary
      // (low)`, code index file 61835385716): the words after an older name were read with it, a name of no technique,
      // and the ID decided alone (T1105's with a warning that its name names none). Our lines, in those layouts.
      const text = [
        'Command and Control T1008 Fallback Channels The implant falls back to HTTP. T1105 Remote File Copy The implant downloads further files. T1071 Standard Application Layer Protocol FTP and HTTP carry its commands.',
        '- MITRE ATT&CK: Persistence: T1554 Compromise Client Software Binary (low)',
      ].join('\n');
      const history = () => [loadRelease('14.1'), loadRelease('6.3')];
      const refs = extractReport(text, { target: loadRelease('18.1'), history }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status, ref.resolution?.note, ref.resolution?.warnings])).to.deep.equal([
        ['Fallback Channels (T1008)', 'Fallback Channels', 'current', 'T1008 Fallback Channels is current in ATT&CK 18.1', []],
        ['Remote File Copy (T1105)', 'Remote File Copy', 'renamed', 'T1105 was written with its older name "Remote File Copy"; it is now Ingress Tool Transfer', []],
        ['Standard Application Layer Protocol (T1071)', 'Standard Application Layer Protocol', 'renamed', 'T1071 was written with its older name "Standard Application Layer Protocol"; it is now Application Layer Protocol', []],
        ['Compromise Client Software Binary (T1554)', 'Compromise Client Software Binary', 'renamed', 'T1554 was written with its older name "Compromise Client Software Binary"; it is now Compromise Host Software Binary', []],
      ]);
      // Only a name of the ID's own technique is so read; without older releases the words stay as written, for the ID to decide.
      expect(extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => ref.name)).to.deep.equal(['Fallback Channels', 'Remote File Copy The', 'Standard Application Layer Protocol FTP and HTTP', 'Compromise Client Software Binary (low)']);
    });

    it('is the exact name right after the ID and its dash where the next cell\'s first word, read with it, makes a misspelling of it', () => {
      // ANY.RUN's post "Smile, You're on Camera" (Medium, December 2025) printed to PDF, its TTP table's Tactic, Technique
      // and Procedure cells run into one line (quoted by a public actor profile on GitHub, code index file 59201573080):
      // `T1016 — System Network Configuration Discovery Use of netspeedtest …` was read with the procedure's first word,
      // `… Discovery Use`, a name the resolver forgives as a misspelling, so the campaign's ref carried it.
      const text = 'Use of systeminfo to obtain system information T1016 — System Network Configuration Discovery Use of netspeedtest Google searches for “where is my location”';
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status, ref.resolution?.note])).to.deep.equal([
        ['System Network Configuration Discovery (T1016)', 'System Network Configuration Discovery', 'current', 'T1016 System Network Configuration Discovery is current in ATT&CK 18.1'],
      ]);
      expect(text.slice(refs[0]!.nameSpan!.start, refs[0]!.nameSpan!.end)).to.equal('System Network Configuration Discovery');
      // Words after the exact name that make a name the technique had stay with it, older releases at hand: NEC's top-10
      // ranking (test/corpus/reports/nec-attack-top10-vol2-2021.yaml) writes T1070 with its name before ATT&CK 12.
      const ranked = extractReport('  5 T1070 Indicator Removal on Host new window[10] 85 10', { target: loadRelease('18.1'), history: () => [loadRelease('8.2')] }).references;
      expect(ranked.map((ref) => [ref.raw, ref.resolution?.status])).to.deep.equal([['T1070 Indicator Removal on Host', 'renamed']]);
    });

    it('is the exact name right before the ID where the words read with it name no technique (a PDF\'s page header run into a heading)', () => {
      // Kaspersky's Incident Response Analyst report 2023 as PDF text: each page's running header, its section tabs, runs
      // into the first line of the page. An old name holding an exact one stays whole, as the normalizer reads it.
      const text = [
        'Incident Response      Analyst report 2023Initial vectors Attack duration Trends in the 2023 Protocol Tunneling T1572, Scheduled Task/Job T1053',
        '- Command-Line Interface: PowerShell (T1059.001)',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1'), history: () => [loadRelease('6.3')] }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.status])).to.deep.equal([
        ['Protocol Tunneling (T1572)', 'Protocol Tunneling', 'current'],
        ['Scheduled Task/Job T1053', 'Scheduled Task/Job', 'current'],
        ['Command-Line Interface: PowerShell (T1059.001)', 'Command-Line Interface: PowerShell', 'current'],
      ]);
    });

    it('is the exact name right after the ID where the next cell\'s word in lower case ran into its last word, with a warning', () => {
      // The QNET mshta post's table as a GitHub mirror scraped it (/tmp/s40-extract/pages/ms-qnet-mshta.txt line 5).
      const text =
        'Command and ControlT1071.001Application Layer Protocol: Web Protocolsmshta.exe initiated outbound HTTP/HTTPS communication.ExecutionT1059Command and Scripting InterpreterHTA-delivered script content executed';
      const read = (line: string) => extractReport(line, { target: loadRelease('18.1') });
      const refs = read(text).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [
          'Application Layer Protocol: Web Protocols (T1071.001)',
          'Application Layer Protocol: Web Protocols',
          ['Command and Control'],
          ['the name "Application Layer Protocol: Web Protocols" was read up to where the next cell\'s text ran into its last word ("Protocolsmshta.exe"): check the text'],
        ],
        ['Command and Scripting Interpreter (T1059)', 'Command and Scripting Interpreter', ['Execution'], []],
      ]);
      // Without the exact name whole before the word, nothing is cut: `Web Protocolmshta.exe`.
      const [typo] = read('Command and ControlT1071.001Application Layer Protocol: Web Protocolmshta.exe initiated it.ExecutionT1059Command and Scripting Interpreter').references;
      expect(typo?.name).to.equal('Application Layer Protocol: Web Protocolmshta.exe');
    });

    it('is the exact name right after the ID, longer than the words read after one, where the next cell\'s capital ran into it', () => {
      // ESET's ScarCruft/BirdCall post (2026) as a mirror saved its ATT&CK tables, cells run together (code index file
      // 61840217466): `Initial AccessT1474.003Supply Chain Compromise: Compromise Software Supply ChainScarCruft performed…`
      // in its Mobile table, the same name under T1195.002 in its Enterprise one. In our own words.
      const row = (id: string) => `Initial Access${id}Supply Chain Compromise: Compromise Software Supply ChainScarCruft poisoned the game site's downloads.`;
      const mobile = extractReport(row('T1474.003'), { target: loadRelease('18.1', 'mobile-attack') }).references;
      const enterprise = extractReport(row('T1195.002'), { target: loadRelease('18.1') }).references;
      for (const [refs, id] of [[mobile, 'T1474.003'], [enterprise, 'T1195.002']] as const) {
        expect(refs.map((ref) => [ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
          [`Supply Chain Compromise: Compromise Software Supply Chain (${id})`, ['Initial Access'], 'current', []],
        ]);
      }
    });

    it('is the name a line break cut, where the next line or the end of the line before completes it to that technique\'s exact name', () => {
      // Kaspersky's Incident Response Analyst report 2023 as PDF text: a heatmap's items wrapped at the column's width,
      // a case's heading wrapped after a reference before it; a sentence after an ID, and an item cut mid-name where the
      // next line does not complete it, stay as read (the sentence before the ID is no name).
      const text = [
        'T1053.005: Scheduled Task/Job: Scheduled', 'Task', '',
        'Log Enumeration T1654, Command and Scripting Interpreter: Windows Command', 'Shell T1059:003', '',
        'T1070.004: Indicator Removal: File', 'Deletion scripts ran', '',
        'The tool ran T1105', 'Ingress Tool Transfer',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.ids.join('+'), ref.resolution?.warnings.length])).to.deep.equal([
        ['Scheduled Task/Job: Scheduled Task (T1053.005)', 'Scheduled Task/Job: Scheduled Task', 'T1053.005', 0],
        ['Log Enumeration T1654', 'Log Enumeration', 'T1654', 0],
        ['Command and Scripting Interpreter: Windows Command Shell (T1059:003)', 'Command and Scripting Interpreter: Windows Command Shell', 'T1059.003', 0],
        ['T1070.004: Indicator Removal: File', 'Indicator Removal: File', 'T1070.004', 0],
        // A sentence's words before the ID are no name (`withNamesOutOfSentences`): the ID alone.
        ['T1105', undefined, 'T1105', 0],
      ]);
      const lines = text.split('\n');
      const shell = refs[2]!.nameSpan!;
      expect([shell.line, lines[shell.line - 1]!.slice(shell.start, shell.end)]).to.deep.equal([4, 'Command and Scripting Interpreter: Windows Command']);
    });

    it('is a name set on three lines, after its ID or before it, where the lines together are that technique\'s exact name', () => {
      // A narrow cell of a PDF's table, as PDF-to-text writes it (Kaspersky's Incident Response Analyst report 2023, its
      // heatmap: /tmp/s35-extract/kaspersky-ir-2023-heatmap.txt line 207); a line holding an ID is no part of another's name.
      const text = [
        'T1547.001: Boot or Logon Autostart', 'Execution: Registry Run Keys / Startup', 'Folder', '',
        'T1548.002 Abuse Elevation', 'Control Mechanism: Bypass', 'User Account Control', '',
        'Windows', 'Management Instrumentation', 'Event Subscription T1546.003', '',
        'T1105 Ingress', 'T1059 Tool', 'Transfer',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.nameSpan?.line])).to.deep.equal([
        ['Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder (T1547.001)', 'Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', 1],
        ['Abuse Elevation Control Mechanism: Bypass User Account Control (T1548.002)', 'Abuse Elevation Control Mechanism: Bypass User Account Control', 5],
        ['Windows Management Instrumentation Event Subscription (T1546.003)', 'Windows Management Instrumentation Event Subscription', 9],
        ['T1105 Ingress', 'Ingress', undefined],
        ['T1059 Tool', 'Tool', undefined],
      ]);
    });
  });

  describe('a table header that names a tactic', () => {
    it('gives the tactic to the rows under it, as a tactic row does (a CISA table converted from PDF)', () => {
      // crocodyli/ThreatActors-TTPs 8base/8Base-TTP.md at d260c26: the caption's tactic became the first table's header,
      // the next tactics rows of their own; T1053, listed under three tactics, kept only the two of the rows.
      const text = [
        // A header of several tactic columns (a matrix) gives none of them to its rows.
        '| Technique | Initial Access | Execution |', '|---|---|---|', '| T1078 | yes | no |', '',
        '| Execution                         | ID        |', '| --------------------------------- | --------- |', '| Technique Title                   | T1053     |',
        '| Command and Scripting Interpreter | T1059     |', '| --------------------------------- | --------- |', '| Persistence                       |           |',
        '| --------------------------------- | --------- |', '| Technique Title                   | T1053     |', '| Boot or Logon Autostart Execution | T1547     |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids[0], ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        ['T1078', [], []],
        ['T1053', ['Execution', 'Persistence'], []],
        ['T1059', ['Execution'], []],
        ['T1547', ['Persistence'], []],
      ]);
    });
  });

  describe('a key/value table describing one technique', () => {
    it('reads its name and tactic fields, before or after its ID, and no field as a header', () => {
      // A lab write-up's mapping table, then a metadata table whose tactic field comes after the technique's (two real pages).
      const text = [
        '## MITRE ATT&CK Mapping', '', '| Field | Value |', '|---|---|', '| **Tactic** | Persistence |', '| **Technique ID** | T1053.003 |',
        '| **Technique Name** | Scheduled Task/Job: Cron |', '| **Procedure** | Adversary created cron jobs and systemd services to maintain persistent access |', '',
        '## Metadata', '| Attribute | Details |', '|---|---|', '| **Technique ID** | CA-FORCE-002 |', '| **MITRE ATT&CK v18.1** | T1187 |',
        '| **Tactic** | Credential Access |', '| **Platforms** | Windows AD (All versions 2016-2025) |',
      ].join('\n');
      const { references, notes } = extractReport(text, { target: loadRelease('18.1') });
      expect(references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        ['T1053.003 | Scheduled Task/Job: Cron', ['Persistence'], 'current', []],
        ['T1187', ['Credential Access'], 'current', []],
      ]);
      // `**Procedure**` and `**Platforms**` are keys, not cells of a technique column.
      expect(notes).to.deep.equal([]);
    });

    it('reads the keys that name the framework first (`MITRE Tactic`, `MITRE Technique`, `MITRE ID`)', () => {
      // Two detection write-ups' tables (the key before the ID names it, or holds the name).
      const text = [
        '| Field | Value |', '|-------|-------|', '| Version | 1.1.0 |', '| MITRE Technique | Exfiltration Over Alternative Protocol |', '| MITRE ID | T1048 |',
        '| MITRE Tactic | Exfiltration |', '| Severity | High |', '',
        '| Field | Value |', '|-------|-------|', '| MITRE Tactic | Command and Control (TA0011) |', '| MITRE Technique | Application Layer Protocol: DNS (T1071.004) |',
      ].join('\n');
      expect(extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.raw, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        ['Exfiltration Over Alternative Protocol | T1048', ['Exfiltration'], []],
        ['Application Layer Protocol: DNS (T1071.004)', ['Command and Control'], []],
      ]);
    });

    it('takes no name field for a table of several techniques', () => {
      const text = ['| Field | Value |', '|---|---|', '| Technique ID | T1059.001 |', '| Technique Name | PowerShell |', '| Technique ID | T1053.005 |'].join('\n');
      expect(extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => ref.raw)).to.deep.equal(['T1059.001', 'T1053.005']);
    });
  });

  describe('a technique written as lines of fields (`Key: value`)', () => {
    it('gives the ID field its record\'s name and tactic fields, before or after it', () => {
      // Three real write-ups: a list with the tactic after the ID, plain lines with the name before it, and nested lists.
      const text = [
        '## MITRE ATT&CK Mapping', '- **Technique ID:** T1110.001', '- **Technique Name:** Brute Force: Password Guessing', '- **Tactic:** Credential Access', '',
        '### ATT&CK Mapping', '', '**Technique Name:** Brute Force  ', '**ATT&CK ID:** T1110  ', '**ATT&CK Tactic:** Credential Access  ', '',
        '- **Tactic:** Collection', '  - **Technique ID:** T1213', '  - **Technique Name:** Data from Information Repositories',
        '  - **Description:** Using GraphQL API to bypass record-level restrictions.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.tactics, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        ['T1110.001 | Brute Force: Password Guessing', ['Credential Access'], 'current', []],
        ['Brute Force | T1110', ['Credential Access'], 'current', []],
        ['T1213 | Data from Information Repositories', ['Collection'], 'current', []],
      ]);
    });

    it('reads fields set one per paragraph, blank lines between them, record by record', () => {
      // A write-up's fields, each its own paragraph (as a docx or a web page made text writes them): the key of the line
      // beside a bare ID is no part of its name, and each record's tactic is its own.
      const text = [
        'Technique ID: T1059.001', '', 'Technique Name: Command and Scripting Interpreter: PowerShell', '', 'Tactic: Execution', '',
        'Procedure: The actor ran an encoded PowerShell command.', '', 'Technique ID: T1053.005', '', 'Technique Name: Scheduled Task', '',
        'Tactic: Persistence', '', 'Technique: T1105', '', 'Name: Ingress Tool Transfer', '', 'Tactic: Command and Control',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        ['T1059.001 | Command and Scripting Interpreter: PowerShell', 'Command and Scripting Interpreter: PowerShell', ['Execution'], []],
        ['T1053.005 | Scheduled Task', 'Scheduled Task', ['Persistence'], []],
        ['T1105 | Ingress Tool Transfer', 'Ingress Tool Transfer', ['Command and Control'], []],
      ]);
    });

    it('takes no other field of the record for the name of an ID field (`Detection ID: DET-001` above `Technique: T1059.001`)', () => {
      // A detection write-up's test record, in a code block.
      const text = ['```text', 'Detection ID: DET-001', 'Technique: T1059.001', 'Scenario: Encoded PowerShell execution', '', 'Expected:', '```'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.warnings])).to.deep.equal([['T1059.001', undefined, []]]);
    });

    it('reads fields set on one line, separated by `|`, their keys in Markdown bold (`**Tactic**: … | **Technique**: T1574.001`)', () => {
      // A write-up's summary line per technique (the previous helper's probe of real Markdown write-ups).
      const text = [
        '**Tactic**: Defense Evasion, Persistence | **Technique**: T1574.001', '',
        '- **Tactics**: Execution | **ID**: T1059.001 | **Name**: Command and Scripting Interpreter: PowerShell',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['T1574.001', undefined, ['Defense Evasion', 'Persistence'], ['T1574.001'], []],
        ['T1059.001 | Command and Scripting Interpreter: PowerShell', 'Command and Scripting Interpreter: PowerShell', ['Execution'], ['T1059.001'], []],
      ]);
    });

    it('takes no name field for a record of several IDs', () => {
      const text = ['- **Technique ID:** T1059.001', '- **Technique Name:** PowerShell', '- **Technique ID:** T1053.005'].join('\n');
      expect(extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => ref.raw)).to.deep.equal(['T1059.001', 'T1053.005']);
    });
  });

  describe('a name beside an ID that names something else', () => {
    it('says so when the name is no technique\'s and shares no word with the ID\'s (`Mega.nz (T1567.002)`)', () => {
      // A ransomware write-up's list: the cloud service and the tool stand where the technique's name would.
      const text = ['- Mega.nz (T1567.002)', '- DLL Injection (T1055.001)', '- The data went to cloud storage (T1537).'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [
          'Mega.nz',
          ['T1567.002'],
          [
            '"Mega.nz" is no name of T1567.002 Exfiltration Over Web Service: Exfiltration to Cloud Storage, nor of any technique: read by the ID alone; ' +
              'check that it is the technique meant (the words may name a tool, a service or a target)',
          ],
        ],
        // The technique's own shorthand; words of a sentence, in lower case, that describe what was done are no name.
        ['DLL Injection', ['T1055.001'], []],
        [undefined, ['T1537'], []],
      ]);
    });

    // XQL hunting queries' headers in a public repository (find_string 'MITRE ATT&CK TTP ID', id 45082504300: `// MITRE
    // ATT&CK TTP ID: T1070.006, T1564.001`), the label Unit 42's threat briefs give each query: the label was read as the
    // name both IDs share, and each was warned of as naming no technique. `Technique IDs:` and `ATT&CK IDs:` were not.
    it('reads the framework\'s name and TTP before ID, or TTPs, as a label, no name (`// MITRE ATT&CK TTP ID: T1070.006, T1564.001`)', () => {
      const text = ['// MITRE ATT&CK TTP ID: T1070.006, T1564.001', 'MITRE ATT&CK IDs: T1059.001, T1105', 'TTPs: T1047, T1057'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.warnings.length])).to.deep.equal([
        ['T1070.006', undefined, 0],
        ['T1564.001', undefined, 0],
        ['T1059.001', undefined, 0],
        ['T1105', undefined, 0],
        ['T1047', undefined, 0],
        ['T1057', undefined, 0],
      ]);
    });

    // Labels that say the IDs after them are a mapping, as public write-ups write them (find_string 'Mapped techniques: T1',
    // ids 27486235476 and 59708696774; 'techniques observed: T1', id 52425737604; 'Related techniques: T1', id 30863086293;
    // 'ATT&CK mapping: T1', ids 39597922801 and 26199563353): each was read as the name every ID after it shares, and
    // each ID was warned of as naming no technique.
    it('reads `Mapped Techniques:`, `MITRE ATT&CK techniques observed:`, `Related Techniques:` and `ATT&CK mapping:` as labels, no names', () => {
      const text = ['Mapped Techniques: T1110, T1021.001', 'MITRE ATT&CK techniques observed: T1195.001, T1059.006.', 'Related Techniques: T1133, T1566',
        'MITRE ATT&CK Mapping: T1110.003', 'MITRE ATT&CK mapping: T1021 / T1210'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.warnings.length])).to.deep.equal(
        ['T1110', 'T1021.001', 'T1195.001', 'T1059.006', 'T1133', 'T1566', 'T1110.003', 'T1021', 'T1210'].map((id) => [id, undefined, 0]),
      );
      // A name after the ID is still its name.
      expect(extractReport('Mapped Techniques: T1566 Phishing, T1078 Valid Accounts', { target: loadRelease('18.1') }).references.map((ref) => ref.name)).to.deep.equal(['Phishing', 'Valid Accounts']);
    });

    // Unit 42's Ignoble Scorpius threat assessment (https://unit42.paloaltonetworks.com/threat-assessment-blacksuit-ransomware-ignoble-scorpius/,
    // an archived Markdown copy: find_string 'Palo Alto Networks customers are better protected', id 57698027292): `making
    // use of RDP ( T1021.001 ), SMB ( T1021.002 ) and PsExec ( T1570 )`. PsExec (S0029) is ATT&CK software that ATT&CK
    // records as using T1570, and was warned of as naming no technique.
    it('says nothing, but in the trail, when the name is ATT&CK software that ATT&CK records as using the technique (`PsExec ( T1570 )`)', () => {
      const text = ['- PsExec ( T1570 )', '- Rclone (T1567.002)', '- Mimikatz (T1486)'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings.length])).to.deep.equal([
        ['PsExec', ['T1570'], 0],
        ['Rclone', ['T1567.002'], 0],
        // Mimikatz (S0002) does not encrypt data: the name still disagrees with the ID.
        ['Mimikatz', ['T1486'], 1],
      ]);
      expect(refs[0]!.resolution?.trail).to.include('name check: "PsExec" names S0029 PsExec, software ATT&CK records as using T1570');
    });

    it('says nothing when the name holds a sub-technique\'s whole name beside its parent\'s ID, with words of the writer\'s own (ClearFake write-up)', () => {
      // Our own words in the layout of a researcher's TTP table (screem500/cti-reports, 001-clearfake-iran/report_en.md:
      // `| C2 (separate case) | Web Protocols (Beacon) | T1071 |`): the words around the sub-technique's name say how it
      // was used; `Web Protocols` alone beside T1071 is taken as it stands. A tool's name beside it is still said.
      const text = [
        '| Tactic | Technique | ID |',
        '|---|---|---|',
        '| Command and Control | Web Protocols (Beacon) | T1071 |',
        '| Execution | PowerShell - loader | T1059 |',
        '| Exfiltration | Mega.nz (sync client) | T1567 |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings.length])).to.deep.equal([
        ['Web Protocols (Beacon)', ['T1071'], 0],
        ['PowerShell - loader', ['T1059'], 0],
        ['Mega.nz (sync client)', ['T1567'], 1],
      ]);
    });

    it('says the name\'s finding beside a warning on the row\'s tactic, and a tactic neither technique of a disagreement has', () => {
      // Our own rows in the layout of the ClearFake TTP table above, each with a tactic its technique does not have: the
      // name that is no technique's, or is another technique's, is said as well as the tactic.
      const text = [
        '| Tactic | Technique | ID |',
        '|---|---|---|',
        '| Command and Control | Mega.nz (sync client) | T1567 |',
        '| Persistence | Windows Shell | T1059.001 |',
        '| Persistence | Windows Command Shell | T1059.001 |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [
          'Mega.nz (sync client)',
          ['T1567'],
          [
            'Command and Control is not a tactic of T1567 Exfiltration Over Web Service: it is Exfiltration only in ATT&CK 18.1',
            '"Mega.nz (sync client)" is no name of T1567 Exfiltration Over Web Service, nor of any technique: read by the ID alone; check that it is the technique meant (the words may name a tool, a service or a target)',
          ],
        ],
        [
          'Windows Shell',
          ['T1059.001'],
          [
            'Persistence is not a tactic of T1059.001 PowerShell: it is Execution only in ATT&CK 18.1',
            '"Windows Shell" is no name of T1059.001 Command and Scripting Interpreter: PowerShell, nor of any technique: read by the ID alone; check that it is the technique meant (the words may name a tool, a service or a target)',
          ],
        ],
        [
          'Windows Command Shell',
          [],
          [
            'T1059.001 and "Windows Command Shell" disagree: T1059.001 is PowerShell, while "Windows Command Shell" is T1059.003 Command and Scripting Interpreter: Windows Command Shell; write the one you mean',
            'Persistence is a tactic of neither T1059.001 Command and Scripting Interpreter: PowerShell nor T1059.003 Command and Scripting Interpreter: Windows Command Shell: their tactics in ATT&CK 18.1 are Execution',
          ],
        ],
      ]);
    });

    it('says nothing when a word in capitals of the name abbreviates words of the technique\'s (`UAC 우회`, UAC bypass)', () => {
      // A Korean index of Windows attack techniques: '| 전술 | 기법 | ATT&CK | 페이지 |' over '| 권한 상승 | UAC 우회 | T1548.002 | … |'.
      const text = ['| 전술 | 기법 | ATT&CK |', '|---|---|---|', '| 권한 상승 | UAC 우회 | T1548.002 |', '| 탐색 | AD 열거 | T1087 |'].join('\n');
      const report = extractReport(text, { target: loadRelease('18.1') });
      expect(report.references.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings.length])).to.deep.equal([
        ['UAC 우회', ['T1548.002'], 0],
        // Two letters that happen to be the initials of its name's words (Account Discovery) are no abbreviation of it: the
        // name, in Korean but for them (AD enumeration), is one extract cannot check, which the note on names in other
        // scripts says, not a warning that it names no technique.
        ['AD 열거', ['T1087'], 0],
      ]);
      expect(report.notes.find((note) => note.includes('written in a script other than Latin'))).to.include('line 4 "AD 열거" beside T1087');
    });

    // A security audit's coverage map: `T1556.002 (Password Policy Bypass)` passed, sharing `Password` with T1556.002's
    // name (Modify Authentication Process: Password Filter DLL) and nothing of it.
    it('says so when the name shares with the technique\'s only words many techniques\' names hold', () => {
      const text = [
        '- T1556.002 (Password Policy Bypass)', '- T1003.001 (Memory Dump)', '- T1566.001 (Spearphishing Email)', '- T1110.003 (Password Spray)', '- T1613 (Resource Discovery)',
        '- T1021 (Remote Svc)', '- T1136 (New User Account Creation)',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [
          'Password Policy Bypass',
          ['T1556.002'],
          [
            '"Password Policy Bypass" is no name of T1556.002 Modify Authentication Process: Password Filter DLL, nor of any technique, and shares with it only ' +
              '"password", a word of many techniques\' names: read by the ID alone; check that it is the technique meant',
          ],
        ],
        // A word few techniques' names hold ties the name to the technique (LSASS Memory, Spearphishing Attachment); so
        // does another form of a word of it (`Spray`, Password Spraying's `Spraying`).
        ['Memory Dump', ['T1003.001'], []],
        ['Spearphishing Email', ['T1566.001'], []],
        ['Password Spray', ['T1110.003'], []],
        // Two words shared tie it too (Container and Resource Discovery).
        ['Resource Discovery', ['T1613'], []],
        // A shortening of a word of it does too (`Svc`, Remote Services); so does its noun for its verb (`Creation`, a lab
        // write-up's `**Attack 4 — New User Account Creation (T1136)**`, code index file 56759666164).
        ['Remote Svc', ['T1021'], []],
        ['New User Account Creation', ['T1136'], []],
      ]);
    });

    // An incident report's findings (`**Exfiltration over FTP (T1048.003)**`, code index file 56851395869) and an
    // injection methodology's heading (`Classic Remote Thread Injection`, file 62730925706): right names that share with
    // the technique's name one word many techniques' names hold, and more that ATT&CK's names say otherwise.
    it('takes a word in capitals for the name it spells, and a parent\'s sub-techniques\' words as its own', () => {
      const text = [
        '- Exfiltration over FTP (T1048)', '- Exfiltration over FTP (T1048.003)', '- Classic Remote Thread Injection (T1055)',
        '- Exfiltration over FTP (T1041)', '- Exfiltration over FTP (T1567)', '- Classic Remote Thread Injection (T1055.002)',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        // FTP spells File Transfer Protocols (T1071.002's name): a protocol, as T1048's name says; T1055.003 is Thread
        // Execution Hijacking.
        ['Exfiltration over FTP', ['T1048'], []],
        ['Exfiltration over FTP', ['T1048.003'], []],
        ['Classic Remote Thread Injection', ['T1055'], []],
        // Exfiltration Over C2 Channel and Exfiltration Over Web Service say nothing of a protocol: the name rests on one word.
        [
          'Exfiltration over FTP',
          ['T1041'],
          ['"Exfiltration over FTP" is no name of T1041 Exfiltration Over C2 Channel, nor of any technique, and shares with it only "exfiltration", a word of many techniques\' names: read by the ID alone; check that it is the technique meant'],
        ],
        [
          'Exfiltration over FTP',
          ['T1567'],
          ['"Exfiltration over FTP" is no name of T1567 Exfiltration Over Web Service, nor of any technique, and shares with it only "exfiltration", a word of many techniques\' names: read by the ID alone; check that it is the technique meant'],
        ],
        // Of a sub-technique, the words its siblings' names hold are theirs: the name may mean one of them.
        [
          'Classic Remote Thread Injection',
          ['T1055.002'],
          [
            '"Classic Remote Thread Injection" is no name of T1055.002 Process Injection: Portable Executable Injection, nor of any technique, and shares with it only "injection", ' +
              'a word of many techniques\' names ("thread" is a word of T1055.003 Thread Execution Hijacking, T1055.005 Thread Local Storage): read by the ID alone; check that it is the technique meant',
          ],
        ],
      ]);
    });

    it('says so too when the ID was cited before with its own name, and keeps that mention apart', () => {
      // A detection write-up's table: a detection's name where the technique's stands, after the technique's own row.
      const text = ['They used Exfiltration to Cloud Storage (T1567.002) to leak the files.', '', '- Mega.nz (T1567.002)'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.lines ?? [ref.line], ref.resolution?.warnings.length])).to.deep.equal([
        ['Exfiltration to Cloud Storage', [1], 0],
        ['Mega.nz', [3], 1],
      ]);
    });
  });

  describe('an ID written again with its parent\'s name and other words (`Parent: words`)', () => {
    it('is checked as a reference of its own, and warned of where its words name no sub-technique', () => {
      // An incident write-up: the parent's name with the ID in prose, then a table row naming the tool for the sub-technique.
      const text = [
        'The actor used OS Credential Dumping (T1003.001) on the server.', '',
        '| Technique | ID |', '|---|---|', '| OS Credential Dumping: mimikatz.exe | T1003.001 |', '',
        'Later, Command and Scripting Interpreter: PowerShell (T1059.001) ran, and PowerShell (T1059.001) again.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.lines ?? [ref.line], ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['OS Credential Dumping', [1], ['T1003.001'], []],
        [
          'OS Credential Dumping: mimikatz.exe',
          [5],
          ['T1003.001'],
          ['"mimikatz.exe" in the name "OS Credential Dumping: mimikatz.exe" is not T1003.001 OS Credential Dumping: LSASS Memory; T1003.001 kept as written: check it'],
        ],
        // A name and its `Parent: Sub` form agree: one reference, cited on its line once.
        ['Command and Scripting Interpreter: PowerShell', [7], ['T1059.001'], []],
      ]);
    });
  });

  describe('an ID written first without a name, then with one', () => {
    it('keeps the later mention\'s name, and the first one\'s words as evidence', () => {
      // KvXbyte/trace_output-portfolio- 'research_node[threats]/threat_reports/blackcat_ransomware.md' (no licence stated;
      // our own lines in its shape): its Key TTPs list cites `registry autoruns (T1547.001)`, its mapping list
      // `T1547.001 — Boot/Logon Autostart Execution: Registry Run Keys`; the merged reference kept no name.
      const text = [
        '- **Persistence:** Scheduled jobs (T1053), registry autoruns (T1547.001)', '',
        '## Mapping', '- T1547.001 — Boot/Logon Autostart Execution: Registry Run Keys', '- T1053 — Scheduled Task/Job',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      const t1547 = refs.find((ref) => ref.ids[0] === 'T1547.001')!;
      expect([t1547.name, t1547.lines, t1547.tactics, t1547.evidence?.map((said) => said.text), t1547.resolution?.warnings]).to.deep.equal([
        'Boot/Logon Autostart Execution: Registry Run Keys',
        [1, 4],
        ['Persistence'],
        ['registry autoruns (T1547.001)'],
        [],
      ]);
    });
    it("takes a table row's name over prose words that are no name of its technique, the prose kept as evidence", () => {
      // CISA's BlackTech advisory AA23-270A (a US government work) as PDF text, two lines of the corpus report
      // test/corpus/reports/cisa-blacktech-aa23-270a-pdf-page-headers.yaml, trimmed: its prose `(FTP) server [T1071.002]`
      // (`server` is T1583.004's and T1584.004's name) and its appendix's row `File Transfer Protocols T1071.002`. Before,
      // the merged reference was `server [T1071.002]`.
      const text = [
        'The actors have also used SNScan for enumeration [TA0007], and a local file transfer protocol (FTP) server [T1071.002] to move data through the victim network.',
        'File Transfer Protocols T1071.002 BlackTech actors use FTP to move data through a victim’s network or to deliver scripts for compromising routers. Proxy T1090 BlackTech actors use compromised routers to proxy traffic.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      const ftp = refs.find((ref) => ref.ids[0] === 'T1071.002')!;
      expect([ftp.raw, ftp.name, ftp.lines, ftp.evidence, ftp.resolution?.warnings]).to.deep.equal([
        'File Transfer Protocols T1071.002',
        'File Transfer Protocols',
        [1, 2],
        [{ text: 'server [T1071.002]', line: 1 }],
        [],
      ]);
    });

    it('keeps a first name that draws a warning, and one of its technique, over a later name', () => {
      const text = ['They used Spearphishing Link (T1566.001) and PowerShell (T1059.001).', '', '| T1566.001 | Phishing: Spearphishing Attachment |', '| T1059.001 | Command and Scripting Interpreter: PowerShell |'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      // Our own lines: a name another technique's (warned) stays, the row's name a reference of its own; `PowerShell` is
      // T1059.001's own, and the row's longer name tells nothing more.
      expect(refs.map((ref) => [ref.raw, ref.lines, ref.resolution?.warnings.length])).to.deep.equal([
        ['Spearphishing Link (T1566.001)', undefined, 1],
        ['PowerShell (T1059.001)', [1, 4], 0],
        ['T1566.001 | Phishing: Spearphishing Attachment', undefined, 0],
      ]);
    });
  });

  describe('words before an ID that are not written as a name', () => {
    it('takes no sentence\'s opening words, no words ending in a small word and no path for a name', () => {
      // An ATT&CK cheat-sheet's Atomic Red Team command (`Get-AtomicTechnique -Path atomics/T1059.001/T1059.001.yaml |`),
      // and prose that cites an ID without naming it.
      const text = [
        'Get-AtomicTechnique -Path atomics/T1059.001/T1059.001.yaml |',
        'See T1003 for details.',
        'Also PowerShell (T1059.001) ran, as did Create Account T1136.',
        'Refer to T1082 and T1005.',
        '- Use Alternate Authentication Material (T1550)',
        '- At (T1053.002)',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        // Line 1's ID takes the name written for it on line 3 (a reference without a name takes a later one).
        [3, 'PowerShell', ['T1059.001'], []],
        [2, undefined, ['T1003'], []],
        // The capitalized opening word is dropped; a stop word that begins a technique's name (`Create`, `Use`, `At`) is kept.
        [3, 'Create Account', ['T1136'], []],
        [4, undefined, ['T1082'], []],
        [4, undefined, ['T1005'], []],
        [5, 'Use Alternate Authentication Material', ['T1550'], []],
        [6, 'At', ['T1053.002'], []],
      ]);
      // The name written for T1059.001 again on line 3 agrees with it: one reference, cited on both lines.
      expect(refs[0]!.lines).to.deep.equal([1, 3]);
    });

    it('takes no sentence\'s opening adverb and no PowerShell command for a name', () => {
      // An ATT&CK cheat-sheet's Atomic Red Team command (`Invoke-AtomicTest T1059.001 -TestNumbers 1`) and prose that
      // opens a sentence with an adverb.
      const text = [
        'Invoke-AtomicTest T1082 -TestNumbers 1',
        'Notably T1059 was used to run scripts.',
        'Additionally T1003 followed the loader.',
        'However T1105 was seen.',
        'Notably PowerShell (T1059.001) ran the loader.',
        'Supply Chain Compromise (T1195) was the way in.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [1, undefined, ['T1082'], []],
        [2, undefined, ['T1059'], []],
        [3, undefined, ['T1003'], []],
        [4, undefined, ['T1105'], []],
        // The adverb is dropped from the run; a word in -ly that begins a technique's name (`Supply`) is kept.
        [5, 'PowerShell', ['T1059.001'], []],
        [6, 'Supply Chain Compromise', ['T1195'], []],
      ]);
    });
  });

  describe('words after an ID that are not written as a name', () => {
    it('takes no lower-case words of the sentence going on after an ID for its name, and still reads a name written after it', () => {
      // Short lines are read as references, the words after the ID as its name: prose verbs there name nothing, and
      // were kept silently (a lower-case name that names no technique draws no warning). Each line is a report.
      const target = loadRelease('18.1');
      const read = (line: string) => extractReport(line, { target }).references.map((ref) => [ref.raw, ref.name, ref.resolution?.status, ref.resolution?.warnings.length]);
      expect(
        [
          'However T1003 followed.',
          'T1003 proceeded quickly',
          'T1105 and',
          'T1003 OS Credential Dumping',
          'T1003 - OS Credential Dumping',
          'T1003: OS Credential Dumping',
          'T1003 (OS Credential Dumping)',
          // Lower-case words that are a technique's (older) name, or another technique's, or share a word with the ID's
          // technique's name, are a name still; so are lower-case words in brackets, written as a name.
          'T1003 credential dumping',
          'T1003 process injection',
          'T1055.001 dll injection',
          'T1003 (lsass memory dump)',
        ].map(read),
      ).to.deep.equal([
        [['T1003', undefined, 'current', 0]],
        [['T1003', undefined, 'current', 0]],
        [['T1105', undefined, 'current', 0]],
        [['T1003 OS Credential Dumping', 'OS Credential Dumping', 'current', 0]],
        [['T1003 - OS Credential Dumping', 'OS Credential Dumping', 'current', 0]],
        [['T1003: OS Credential Dumping', 'OS Credential Dumping', 'current', 0]],
        [['T1003 (OS Credential Dumping)', 'OS Credential Dumping', 'current', 0]],
        [['T1003 credential dumping', 'credential dumping', 'current', 0]],
        [['T1003 process injection', 'process injection', 'ambiguous', 1]],
        [['T1055.001 dll injection', 'dll injection', 'current', 0]],
        [['T1003 (lsass memory dump)', 'lsass memory dump', 'current', 0]],
      ]);
    });

    it('takes none after siblings either (`Used T1059.001|003 here.`, `T1059.001/003 here`), and still reads a name written after them', () => {
      // The sentence's `here` was the siblings' name (the reference `T1059.001|003 here`), though no technique's.
      const target = loadRelease('18.1');
      const read = (line: string) => extractReport(line, { target }).references.map((ref) => [ref.raw, ref.ids, ref.name]);
      expect(['Used T1059.001|003 here.', 'Used T1059.001/003 here.', 'T1059.001/003 PowerShell and cmd'].map(read)).to.deep.equal([
        [['T1059.001|003', ['T1059.001', 'T1059.003'], undefined]],
        [['T1059.001/003', ['T1059.001', 'T1059.003'], undefined]],
        [['T1059.001/003 PowerShell and cmd', ['T1059.001', 'T1059.003'], 'PowerShell and cmd']],
      ]);
    });
  });

  describe('a wiki link (`[[target|text]]`)', () => {
    it('reads its text, not its target, a page\'s name that holds another ID', () => {
      // An Obsidian knowledge base's page generated from Atomic Red Team: the link's target is the parent technique's page.
      const text = ['## ATT&CK Mapping', '', '- [[kb/attack/techniques/T1059-command_and_scripting_interpreter|T1059.001]]', '- [[T1105]]'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.ids, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['[[kb/attack/techniques/T1059-command_and_scripting_interpreter|T1059.001]]', undefined, ['T1059.001'], ['T1059.001'], []],
        ['T1105', undefined, ['T1105'], ['T1105'], []],
      ]);
    });
  });

  describe('a sub-technique column beside the technique column', () => {
    it('completes the technique\'s name as `Parent: Sub`, unless its cell holds no name', () => {
      // An incident write-up's ATT&CK matrix (`| **Tactic** | **Technique** | **Sub-Technique** | **ID** | **Context** |`).
      const text = [
        '| **Tactic** | **Technique** | **Sub-Technique** | **ID** | **Context** |', '| --- | --- | --- | --- | --- |',
        '| **Collection** | Data from Local System | — | `T1005` | Accessed and staged sensitive files |',
        '| **Command & Control** | Application Layer Protocol | Web Protocols | `T1071.001` | C2 via `file.io` |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.tactics, ref.resolution?.note])).to.deep.equal([
        ['Data from Local System | T1005', 'Data from Local System', ['Collection'], 'T1005 Data from Local System is current in ATT&CK 18.1'],
        [
          'Application Layer Protocol: Web Protocols | T1071.001',
          'Application Layer Protocol: Web Protocols',
          ['Command and Control'],
          'T1071.001 Application Layer Protocol: Web Protocols is current in ATT&CK 18.1',
        ],
      ]);
    });
  });

  describe('an ID in Markdown marks inside its brackets', () => {
    it('writes the reference with its closing bracket (`Valid Accounts (`T1078`)`)', () => {
      // An incident write-up's timeline cells and a sentence with a bold ID.
      const text = ['| Event | MITRE Technique |', '| --- | --- |', '| RDP access | Valid Accounts (`T1078`) |', '', 'They ran PowerShell (**T1059.001**) scripts.'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.raw, ref.name, ref.resolution?.ids])).to.deep.equal([
        ['Valid Accounts (`T1078`)', 'Valid Accounts', ['T1078']],
        ['PowerShell (**T1059.001**)', 'PowerShell', ['T1059.001']],
      ]);
    });
  });

  describe('a table\'s own tactic', () => {
    it('ends with its table: a section row, a header\'s tactic cell or a tactic field is no later table\'s', () => {
      // A mapping table with section rows (`| **Persistence** | |`), then, after a blank line, a table of indicators.
      const text = [
        '| Technique | ID |', '|---|---|', '| **Execution** | |', '| PowerShell | T1059.001 |', '| **Persistence** | |', '| Scheduled Task | T1053.005 |', '',
        '| Indicator | Technique |', '|---|---|', '| evil.exe | T1105 |', '',
        '| Execution | ID |', '|---|---|', '| PowerShell | T1059.001 |', '',
        'Related files:', '', '| File | Technique |', '|---|---|', '| run.ps1 | T1105 |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [4, ['T1059.001'], ['Execution'], []],
        [6, ['T1053.005'], ['Persistence'], []],
        [10, ['T1105'], [], []],
      ]);
    });

    it('holds over the header right under it, a delimiter row between (ALPHV\'s tables, an advisory\'s made Markdown)', () => {
      // The tactic of the caption became the first header, the table's own the second: `| Execution | | |`, `|---|`,
      // `| Technique Title | ID | Use |`, `|---|`; the second header ended the tactic, and every ID had none.
      const text = [
        '| Initial Access | ID | Use |', '|---|---|---|', '| Technique Title | ID | Use |', '|---|---|---|', '| External Remote Services | T1133 | Insecure RDP was exploited. |', '',
        '| Execution | | |', '|---|---|---|', '| Technique Title | ID | Use |', '|---|---|---|', '| Native API | T1106 | It uses native API. |',
        '| Defense Evasion | | |', '|---|---|---|', '| Technique Title | ID | Use |', '|---|---|---|', '| Masquerading | T1036 | A renamed scanner. |',
        // After rows of its own, a header is another table's: the tactic ends.
        '| Technique Title | ID | Use |', '|---|---|---|', '| Modify Registry | T1112 | It sets MaxMpxCt. |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.ids, ref.tactics])).to.deep.equal([
        [5, ['T1133'], ['Initial Access']],
        [11, ['T1106'], ['Execution']],
        [16, ['T1036'], ['Defense Evasion']],
        [19, ['T1112'], []],
      ]);
    });
  });

  describe('a heading that names two tactics (a report laid out by stage)', () => {
    it('gives each ID under it those of the two its technique has, and both where it has neither', () => {
      // Our own rows in the layout of a threat-hunting report's `MITRE ATT&CK Use by Attack Stage` (library file
      // "Cobalt Strike Threat Hunting Research", rahul0216: `### Persistence and Privilege Escalation` over a
      // `| Technique | ID | … |` table of T1543.003, T1548.002, T1134.001), and a stage heading with a slash over prose.
      const text = [
        '### Persistence and Privilege Escalation', '',
        '| Technique | ID | Behavior |', '|---|---|---|',
        '| Windows Service | T1543.003 | Installs a service for persistence |',
        '| Bypass User Account Control | T1548.002 | Bypasses UAC |',
        '| Create Account: Local Account | T1136.001 | Adds a local administrator |',
        '| PowerShell | T1059.001 | Runs the installer script |', '',
        '### Defense Evasion / Credential Access', '',
        'The operator cleared the Security log (T1070.001) and dumped LSASS memory (T1003.001).',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids[0], ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        ['T1543.003', ['Persistence', 'Privilege Escalation'], []],
        ['T1548.002', ['Privilege Escalation'], []],
        ['T1136.001', ['Persistence'], []],
        ['T1059.001', ['Persistence', 'Privilege Escalation'], ['Persistence, Privilege Escalation are not tactics of T1059.001 PowerShell: it is Execution only in ATT&CK 18.1']],
        ['T1070.001', ['Defense Evasion'], []],
        ['T1003.001', ['Credential Access'], []],
      ]);
    });

    it('keeps both without ATT&CK data, which alone tells whose they are', () => {
      const text = ['## Persistence and Privilege Escalation', '', '- T1548.002 Bypass User Account Control'].join('\n');
      expect(extractReport(text).references.map((ref) => ref.tactics)).to.deep.equal([['Persistence', 'Privilege Escalation']]);
    });
  });

  describe('a row of several techniques', () => {
    it('shares the tactics of its tactic cell among them: each takes those its techniques have (a Korean DFIR page)', () => {
      // `| 초기 접근 / 실행 | 피싱 → 사용자 실행 | T1566, T1204 |`: every ID took both tactics, and a warning for one.
      const text = [
        '| 전술 | 기법 | ATT&CK |', '|---|---|---|',
        '| 초기 접근 / 실행 | 피싱 → 사용자 실행 | T1566, T1204 |',
        '| 자격 증명 접근 / 지속성 | Golden, Silver 티켓과 Pass-the-Ticket | T1558.001/.002, T1550.003 |',
        // One technique alone keeps its row's tactics, and the warning that it has not all of them.
        '| 실행 / 방어 회피 | PowerShell 크래들 | T1059.001 |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.ids, ref.tactics, ref.resolution?.warnings.length])).to.deep.equal([
        [3, ['T1566'], ['Initial Access'], 0],
        [3, ['T1204'], ['Execution'], 0],
        [4, ['T1558.001', 'T1558.002'], ['Credential Access'], 0],
        // Pass the Ticket has neither: both stay, with the warning.
        [4, ['T1550.003'], ['Credential Access', 'Persistence'], 1],
        [5, ['T1059.001'], ['Execution', 'Defense Evasion'], 1],
      ]);
    });
  });

  describe('a grid table (pandoc, reStructuredText)', () => {
    it('reads each row, its cells wrapped over several lines, as a Markdown table\'s, with its tactic column', () => {
      // The shape pandoc writes for a report converted from docx (`pandoc -t markdown`): `+---+` borders, `+===+` under the
      // header, a name and its ID wrapped over three lines of a cell.
      const text = [
        '+-------------------+-------------------------+------------------------+',
        '| Tactic            | Technique               | Procedure              |',
        '+===================+=========================+========================+',
        '| Execution         | Command and Scripting   | The actor ran          |',
        '|                   | Interpreter: PowerShell | PowerShell scripts.    |',
        '|                   | (T1059.001)             |                        |',
        '+-------------------+-------------------------+------------------------+',
        '| Credential Access | OS Credential Dumping:  | Mimikatz dumped LSASS. |',
        '|                   | LSASS Memory            |                        |',
        '|                   | (T1003.001)             |                        |',
        '+-------------------+-------------------------+------------------------+',
        '',
        '+-----------+-----------------------+',
        '| ID        | Technique             |',
        '+===========+=======================+',
        '| T1566.001 | Phishing:             |',
        '|           | Spearphishing         |',
        '|           | Attachment            |',
        '+-----------+-----------------------+',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [4, 'Command and Scripting Interpreter: PowerShell (T1059.001)', ['Execution'], ['T1059.001'], []],
        [8, 'OS Credential Dumping: LSASS Memory (T1003.001)', ['Credential Access'], ['T1003.001'], []],
        // The second table has no tactic column: the first one's tactic is not its rows'.
        [16, 'T1566.001 | Phishing: Spearphishing Attachment', [], ['T1566.001'], []],
      ]);
      // Spans point at the lines as written: the name's first line, the ID's own line and place.
      expect(refs[0]!.span).to.deep.equal({ line: 4, start: 22, end: 43 });
      expect(refs[2]!.span).to.deep.equal({ line: 16, start: 2, end: 11 });
      expect(refs[2]!.nameSpan).to.deep.equal({ line: 16, start: 14, end: 23 });
    });

    it('reads pandoc\'s simple and multiline tables as it reads grid tables', () => {
      // `pandoc -t markdown` writes a docx table as one of these when its cells allow: a header over runs of dashes, one
      // line per row (simple), or rows set apart by blank lines between two lines of dashes, cells wrapped (multiline).
      const text = [
        '  Tactic              Technique                                        Procedure',
        '  ------------------- ------------------------------------------------ ----------------------',
        '  Execution           Command and Scripting Interpreter (T1059.001)    The actor ran scripts.',
        '  Credential Access   OS Credential Dumping: LSASS Memory (T1003.001)  Mimikatz dumped LSASS.',
        '',
        '-------------------------------------------------------------------------',
        '  Tactic              Technique                  Procedure',
        '  ------------------- -------------------------- ------------------------',
        '  Persistence         Scheduled Task/Job:        A task ran daily.',
        '                      Scheduled Task',
        '                      (T1053.005)',
        '',
        '  Discovery           System Information         The actor ran',
        '                      Discovery (T1082)          systeminfo.',
        '-------------------------------------------------------------------------',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [3, 'Command and Scripting Interpreter (T1059.001)', ['Execution'], ['T1059.001'], []],
        [4, 'OS Credential Dumping: LSASS Memory (T1003.001)', ['Credential Access'], ['T1003.001'], []],
        [9, 'Scheduled Task/Job: Scheduled Task (T1053.005)', ['Persistence'], ['T1053.005'], []],
        [13, 'System Information Discovery (T1082)', ['Discovery'], ['T1082'], []],
      ]);
      // Spans point at the lines as written.
      expect(refs[2]!.span).to.deep.equal({ line: 9, start: 22, end: 41 });
    });

    it('reads pandoc\'s simple and multiline tables without a header as it reads them with one', () => {
      // `pandoc -f html -t markdown` of a table without a header row (2.17): its rows between two lines of the columns'
      // dashes, one line per row (simple) or, with blank lines between rows, cells wrapped (multiline).
      const text = [
        'Observed techniques:',
        '',
        '  ------------- ----------------------------------------------- -----------',
        '  Execution     Command and Scripting Interpreter: PowerShell   T1059.001',
        '  Persistence   Scheduled Task/Job: Scheduled Task              T1053.005',
        '  ------------- ----------------------------------------------- -----------',
        '',
        '--------------  ------------------------------  ---------',
        'Credential      OS Credential Dumping:          T1003.001',
        'Access          LSASS Memory',
        '',
        'Discovery       System Information Discovery    T1082',
        '--------------  ------------------------------  ---------',
        '',
        'The actor then moved on.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [4, 'Command and Scripting Interpreter: PowerShell | T1059.001', ['Execution'], ['T1059.001'], []],
        [5, 'Scheduled Task/Job: Scheduled Task | T1053.005', ['Persistence'], ['T1053.005'], []],
        [9, 'OS Credential Dumping: LSASS Memory | T1003.001', ['Credential Access'], ['T1003.001'], []],
        [12, 'System Information Discovery | T1082', ['Discovery'], ['T1082'], []],
      ]);
      // Spans point at the lines as written.
      expect(refs[2]!.span).to.deep.equal({ line: 9, start: 48, end: 57 });
      expect(refs[2]!.nameSpan).to.deep.equal({ line: 9, start: 16, end: 38 });
    });

    it('reads a Chinese or Japanese simple table whose columns line up by display width, as pandoc pads them', () => {
      // pandoc pads a simple table's cells by their Unicode width (doclayout), each Chinese or Japanese character two
      // columns, so that `技术编号` starts at the dashes' column on screen, not at their index. Desync InfoSec's rows
      // (test/corpus/reports/desync-infosec-predictive-shielding-zh.yaml) and one of ours, so written. Before, the cells
      // were cut at the dashes' indexes, through the IDs (`T1566.001` as `T156` and `6.001`), and no reference was read.
      const text = [
        '战术            技术编号     技术名称',
        '--------------  -----------  ------------------------------',
        '初始访问        T1190        利用面向公众的应用程序',
        '凭据访问        T1003.001    OS 凭据转储：LSASS 内存',
        '初期アクセス    T1566.001    スピアフィッシング添付ファイル',
        '执行            T1059.001    PowerShell',
        '',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids])).to.deep.equal([
        [3, 'T1190 | 利用面向公众的应用程序', ['Initial Access'], ['T1190']],
        // (A table's row is read folded, as a grid table's: its fullwidth colon as `:`.)
        [4, 'T1003.001 | OS 凭据转储:LSASS 内存', ['Credential Access'], ['T1003.001']],
        [5, 'T1566.001 | スピアフィッシング添付ファイル', ['Initial Access'], ['T1566.001']],
        [6, 'T1059.001 | PowerShell', ['Execution'], ['T1059.001']],
      ]);
      // Spans point at the lines as written.
      expect(refs[1]!.span).to.deep.equal({ line: 4, start: 12, end: 21 });
    });

    it('reads a last row that no border closes as a row, up to the line that is none', () => {
      // A table cut off by a page's end, or whose closing border was lost, with the report going on after it.
      const text = [
        '+-------------+-----------------------+',
        '| Tactic      | Technique             |',
        '+=============+=======================+',
        '| Persistence | Scheduled Task/Job:   |',
        '|             | Scheduled Task        |',
        '|             | (T1053.005)           |',
        '',
        'The actor then moved on.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [4, 'Scheduled Task/Job: Scheduled Task (T1053.005)', ['Persistence'], ['T1053.005'], []],
      ]);
    });
  });

  describe('a link whose text cites the technique its address names', () => {
    it('is one reference, named by the words after the ID in its text', () => {
      // A page's references list, a metadata table's cell, and a sentence citing a link so written.
      const text = [
        '- [T1055.001 - DLL Injection](https://attack.mitre.org/techniques/T1055/001/)',
        '| **MITRE ATT&CK v18.1** | [T1187 - Forced Authentication](https://attack.mitre.org/techniques/T1187/) |',
        'The loader relies on [T1055 - Process Injection](https://attack.mitre.org/techniques/T1055/) to hide in explorer.exe.',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids, ref.name, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
        [['T1055.001'], 'DLL Injection', 'current', []],
        [['T1187'], 'Forced Authentication', 'current', []],
        [['T1055'], 'Process Injection', 'current', []],
      ]);
    });
  });

  describe('a tactic cell some of whose parts name no tactic', () => {
    it('gives the tactics it names, and says which parts it passed over', () => {
      // reports6 08-ko-ironworm-table.md line 49.
      const text = '| Tactic | Technique | ID |\n|---|---|---|\n| Lateral / Propagation | Lateral Tool Transfer | T1570 |\n| Execution | Native API | T1106 |\n';
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [['T1570'], ['Lateral Movement'], ['the tactic cell "Lateral / Propagation" was read as Lateral Movement: "Propagation" names no tactic']],
        [['T1106'], ['Execution'], []],
      ]);
    });
  });

  describe('a row\'s cell that names a tactic and a part that is none, outside a tactic column', () => {
    it('gives the tactic of the one such cell, a middle dot separating Japanese items, and says which part it passed over', () => {
      // Re-told from a Japanese detection note's ATT&CK table (code index file 70275017008, section 3): `| 段階 | 代表
      // Technique | 本ノートの検知 |` (stage, technique, this note's detection), its stage cells `実行・ツール` (execution and
      // tools) and `探索/横移動` (discovery and lateral movement, as that note writes it); no header names a tactic column.
      const text = [
        '| 段階 | 代表 Technique | 本ノートの検知 |', '|---|---|---|',
        '| 実行・ツール | T1059 Command and Scripting Interpreter | R2 |',
        '| 探索/横移動 | T1021 Remote Services | R2・認証ログ |',
        '| コマンド・アンド・コントロール | T1071 Application Layer Protocol | R4 |',
        '| Persistence / Tools | T1543.003 Windows Service | EDR |',
        // Two such cells, or a part that is a clause, give none.
        '| Persistence / Tools | T1053.005 Scheduled Task | Discovery / Ops |',
        '| Execution, then the loader waits for its task | T1106 Native API | |',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [['T1059'], ['Execution'], ['the tactic cell "実行・ツール" was read as Execution: "ツール" names no tactic']],
        // 横移動 is Lateral Movement too: the cell names two tactics, which the row's one technique keeps, as written.
        [['T1021'], ['Discovery', 'Lateral Movement'], ['Discovery is not a tactic of T1021 Remote Services: it is Lateral Movement only in ATT&CK 18.1']],
        [['T1071'], ['Command and Control'], []],
        [['T1543.003'], ['Persistence'], ['the tactic cell "Persistence / Tools" was read as Persistence: "Tools" names no tactic']],
        [['T1053.005'], [], []],
        [['T1106'], [], []],
      ]);
    });
  });

  describe('IDs inside a longer word', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });

    it('reads no ID joined to a word before it, and notes it where its line does not cite it otherwise', () => {
      // An EDR test plan's detector column (reports6 10-ja-edr-eval-atomic.md line 23), and a PRE-ATT&CK ID.
      const text = [
        '| ID | Name | Detector |',
        '|---|---|---|',
        '| T1059.001 | PowerShell | chain-T1059.001 |',
        '| T1021.001/002 | RDP / SMB | chain-T1021.x |',
        'Stage Capabilities (PRE-T1156) was seen.',
      ].join('\n');
      const { references, notes } = read(text);
      expect(references.map((ref) => [ref.line, ref.ids])).to.deep.equal([
        [3, ['T1059.001']],
        [4, ['T1021.001', 'T1021.002']],
      ]);
      expect(notes).to.deep.equal([
        '2 IDs stand inside a longer word (a detector\'s, a test\'s or a tag\'s name, an ID of another scheme), so they are not read: ' +
          'line 4 "chain-T1021.x" (T1021?), line 5 "PRE-T1156" (T1156?) (check the text; add what is a reference to the campaign)',
      ]);
    });

    // The Red Canary 2020 Threat Detection Report's Process Injection test, as its PDF-to-text writes it (slashes and
    // backslashes lost: `atomicsT1055srcx64T1055\.dll \-OutFile $env:TEMPT1055\.dll`), and a dropper's path with the ID
    // glued to its file's name. Reconstructed in our own words, with the same paths. Before, such IDs were passed over
    // without a word, where the report cites the technique nowhere else.
    it('reads no ID glued to a word in a path or a file\'s name, and notes it where the report cites that technique nowhere else', () => {
      const lines = [
        'Invoke-WebRequest atomicsT1055srcx64T1055\\.dll \\-OutFile $env:TEMPT1055\\.dll',
        'The stage writes C:\\Users\\Public\\payloadT1059.001 and /tmp/stageT1105 before it runs.',
        'Part numbers GT1000 and MT1055, a hash 9fT1O59ab, base64 /9j/abcT1059+x and QUJDRFT1059ZGVm are no IDs.',
      ];
      const { references, notes } = read(lines.join('\n'));
      expect(references).to.deep.equal([]);
      expect(notes).to.deep.equal([
        '3 IDs of techniques the report cites nowhere else are glued to a word in a path or a file\'s name (a path PDF-to-text ran together, a file named for its technique), so they are not read: ' +
          'line 1 "$env:TEMPT1055\\.dll" (T1055?), line 2 "C:\\Users\\Public\\payloadT1059.001" (T1059.001?), line 2 "/tmp/stageT1105" (T1105?) (check the text; add what is a reference to the campaign)',
      ]);
      // Where the report cites the technique, the test's file beside it says nothing new.
      expect(read(['Process Injection (T1055) was tested.', lines[0]!].join('\n')).notes).to.deep.equal([]);
    });

    // CrowdStrike's 2023 Threat Hunting Report, as PDF-to-text wrote its footnotes (converted to Markdown and stored on
    // GitHub; re-told in our own words, with the same addresses): `see the MITRE website:
    // https:attack.mitre.orgtechniquesT1556008\.`, `(https:attack.mitre.orgtechniquesT1558003\)or …`, every slash
    // lost. Before, no reference was read in them, without a word, though two of them cite techniques the report's text
    // names nowhere else by ID. A Windows path run together the same way is no plain repair: which folder or file the ID
    // was cannot be told, so it is noted as the paths above are.
    it('reads an ATT&CK URL whose slashes PDF-to-text dropped as the URL, and notes a Windows path run together', () => {
      const text = [
        'For more on this sub-technique, see the MITRE website: https:attack.mitre.orgtechniquesT1556008\\. All rights reserved.',
        'See the MITRE website (https:attack.mitre.orgtechniquesT1558003\\)or our article.',
        '7For more on this technique: https:attack.mitre.orgtechniquesT1078',
        'Not an address: attack.mitre.orgtechniquesT15560089 and attack.mitre.orgtechniquesT1556x.',
        'The loader ran C:WindowsSystem32T1059.ps1 at logon.',
      ].join('\n');
      const { references, notes } = read(text);
      const trail = ['read: an ATT&CK URL stands for its technique (/techniques/T1566/001/)', 'read: an ATT&CK URL whose slashes PDF-to-text dropped is read as the URL (https:attack.mitre.orgtechniquesT1556008)'];
      expect(references.map((ref) => [ref.line, ref.raw, ref.ids, ref.name, ref.resolution?.trail])).to.deep.equal([
        [1, 'https:attack.mitre.orgtechniquesT1556008', ['T1556.008'], undefined, trail],
        [2, 'https:attack.mitre.orgtechniquesT1558003', ['T1558.003'], undefined, trail],
        [3, 'https:attack.mitre.orgtechniquesT1078', ['T1078'], undefined, trail],
      ]);
      expect(notes).to.deep.equal([
        '1 ID of a technique the report cites nowhere else is glued to a word in a path or a file\'s name (a path PDF-to-text ran together, a file named for its technique), so it is not read: ' +
          'line 5 "C:WindowsSystem32T1059.ps1" (T1059?) (check the text; add what is a reference to the campaign)',
      ]);
    });
  });

  describe('a tactic in brackets right after a reference', () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') });
    const rows = (text: string) => read(text).references.map((ref) => [ref.line, ref.ids, ref.name, ref.tactics, ref.resolution?.warnings]);

    it('is that reference\'s tactic, not its neighbour\'s, and a pair label before them is none', () => {
      // A paper's table of technique pairs, as PDF-to-text flattens it (reports6 04-en-pdf-paper-hyphen.txt, Table 11).
      const text = [
        '(C1) T1204.001: Malicious Link (TA0002: Execution) ∧T1566.002: Spearphishing Link (TA0001: Initial Access)',
        '(C2) T1204.002: Malicious File (TA0002: Execution) ∧T1566.001: Spearphishing Attachment (TA0001: Initial Access)',
        '(C25) T1020: Automated Exfiltration (TA0010: Exfiltration) ∧T1119: Automated Collection (TA0009)',
        '(C26) T1585.001: Social Media Accounts (TA0042: Resource Development) ∧T1566.003: Spearphishing via Service (Initial access)',
      ].join('\n');
      expect(rows(text)).to.deep.equal([
        [1, ['T1204.001'], 'Malicious Link', ['Execution'], []],
        [1, ['T1566.002'], 'Spearphishing Link', ['Initial Access'], []],
        [2, ['T1204.002'], 'Malicious File', ['Execution'], []],
        [2, ['T1566.001'], 'Spearphishing Attachment', ['Initial Access'], []],
        // The names the pairs' reading could not place stand right beside their IDs, exactly: they are theirs.
        [3, ['T1020'], 'Automated Exfiltration', ['Exfiltration'], []],
        [3, ['T1119'], 'Automated Collection', ['Collection'], []],
        [4, ['T1585.001'], 'Social Media Accounts', ['Resource Development'], []],
        [4, ['T1566.003'], 'Spearphishing via Service', ['Initial Access'], []],
      ]);
    });

    it('is the one of its TA ID and name that the technique has, with a warning naming both, when they disagree', () => {
      const [ref] = read('T1204.002: Malicious File (TA0001: Execution) was opened by the user on the first day of the intrusion').references;
      expect(ref?.tactics).to.deep.equal(['Execution']);
      expect(ref?.resolution?.warnings).to.deep.equal([
        'tactic "TA0001: Execution": TA0001 is Initial Access, not Execution; T1204.002 Malicious File has Execution, not Initial Access: it was read as Execution (check which the report means)',
      ]);
    });
  });

  describe("what the lines' reader could not read", () => {
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') });

    it('says so where names after IDs cannot be paired because the last bracket closes on the next line', () => {
      // A playbook's two-column table as PDF-to-text gives it: the cell's label is cut in two, and the name of the last ID
      // on the first line is in brackets on the next.
      const text = [
        'Step Action',
        "Triage Pull the message headers and the link's landing page",
        'ATT&CK T1566.002 (Spearphishing Link), T1204 (User Execution), T1105',
        'techniques (Ingress Tool Transfer), T1071 (Application Layer Protocol)',
      ].join('\n');
      const report = read(text);
      expect(report.references.map((ref) => ref.raw)).to.deep.equal(['T1566.002', 'T1204', 'T1105', 'T1071 (Application Layer Protocol)']);
      expect(report.notes).to.deep.equal([
        'line 3: the names in "ATT&CK T1566.002 (Spearphishing Link), T1204 (User Execution), T1105" could not be paired with its 3 ID groups; each ID was read by itself (write each name beside its own ID)',
      ]);
      // Without ATT&CK data, too.
      expect(extractReport(text).notes).to.deep.equal(report.notes);
    });
  });

  describe('a table drawn in box-drawing characters (capa, rich)', () => {
    it('reads its rows as a Markdown table\'s, an empty tactic cell taking the one above, `::` as the sub-technique\'s colon', () => {
      // The shape of Mandiant capa's ATT&CK table as rich prints it (a public malware-analysis write-up quotes one for a
      // CryptBot sample; our rows): heavy borders around the header, a tactic in capitals once per group of techniques,
      // `Technique::Sub-technique`; then the same table as a Windows console shows it, its rules `¦`, its borders `+---`.
      const text = [
        '┍━━━━━━━━━━━━━━━━━┯━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┑',
        '│ ATT&CK Tactic   │ ATT&CK Technique                                     │',
        '┝━━━━━━━━━━━━━━━━━┿━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┥',
        '│ DEFENSE EVASION │ Obfuscated Files or Information T1027                │',
        '│                 │ Virtualization/Sandbox Evasion::System Checks T1497.001 │',
        '├─────────────────┼──────────────────────────────────────────────────────┤',
        '│ PERSISTENCE     │ Scheduled Task/Job::At T1053.002                     │',
        '┕━━━━━━━━━━━━━━━━━┷━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┙',
        '',
        ' ----------------+------------------------------------------------------',
        '¦ ATT&CK Tactic   ¦ ATT&CK Technique                                     ¦',
        ' ----------------+------------------------------------------------------',
        '¦ EXECUTION       ¦ Command and Scripting Interpreter::PowerShell T1059.001 ¦',
        '¦                 ¦ Shared Modules T1129                                 ¦',
        '+-----------------+------------------------------------------------------¦',
        '¦ IMPACT          ¦ Resource Hijacking T1496                             ¦',
        ' ----------------+------------------------------------------------------',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.name, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        [4, 'Obfuscated Files or Information', ['Defense Evasion'], ['T1027'], []],
        [5, 'Virtualization/Sandbox Evasion::System Checks', ['Defense Evasion'], ['T1497.001'], []],
        [7, 'Scheduled Task/Job::At', ['Persistence'], ['T1053.002'], []],
        [13, 'Command and Scripting Interpreter::PowerShell', ['Execution'], ['T1059.001'], []],
        [14, 'Shared Modules', ['Execution'], ['T1129'], []],
        [16, 'Resource Hijacking', ['Impact'], ['T1496'], []],
      ]);
      // Spans point at the lines as written: the name and its ID in their cell.
      expect(refs[1]!.span).to.deep.equal({ line: 5, start: 20, end: 75 });
    });

    // capa's ATT&CK table as public write-ups quote it (a TryHackMe "CAPA: The Basics" write-up's cryptbot.bin run; a
    // GitHub README's UPX-packed sample, capa 4's tabulate form `Name:: T1027`), our rows, run into one line as a scrape
    // or a paste without line breaks leaves it: drawn by rich (box rules and borders), by tabulate (`|`, `+---+`), and
    // rich's rows without their borders. Each row's tactic cell is its own, an empty one the row's above; never the next
    // row's (T1497.001 is a Discovery technique too, T1053.005 an Execution one).
    const rows = [
      ['DEFENSE EVASION', 'Obfuscated Files or Information [T1027]'],
      ['', 'Virtualization/Sandbox Evasion::System Checks [T1497.001]'],
      ['DISCOVERY', 'File and Directory Discovery [T1083]'],
      ['EXECUTION', 'Shared Modules [T1129]'],
      ['PERSISTENCE', 'Scheduled Task/Job::Scheduled Task [T1053.005]'],
    ];
    const expected = [
      ['T1027', ['Defense Evasion']],
      ['T1497.001', ['Defense Evasion']],
      ['T1083', ['Discovery']],
      ['T1129', ['Execution']],
      ['T1053.005', ['Persistence']],
    ];
    const oneLine = (lines: string[]) => lines.join(' ');
    const read = (text: string) => extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.resolution?.ids[0], ref.tactics]);
    const cells = (rule: string, [tactic, technique]: string[]) => `${rule} ${tactic!.padEnd(16)} ${rule} ${technique!.padEnd(60)} ${rule}`;

    it('reads a table rich drew, run into one line, row by row', () => {
      const border = (left: string, middle: string, right: string) => `${left}${'─'.repeat(18)}${middle}${'─'.repeat(62)}${right}`;
      const text = oneLine([
        border('┌', '┬', '┐'), cells('│', ['ATT&CK Tactic', 'ATT&CK Technique']), border('├', '┼', '┤'),
        ...rows.map((row) => cells('│', row)), border('└', '┴', '┘'),
      ]);
      expect(read(text)).to.deep.equal(expected);
      // Its rows without borders, as a page's text keeps them.
      expect(read(oneLine([cells('│', ['ATT&CK Tactic', 'ATT&CK Technique']), ...rows.map((row) => cells('│', row))]))).to.deep.equal(expected);
    });

    it('reads a table tabulate drew, run into one line, row by row', () => {
      const border = `+${'-'.repeat(18)}+${'-'.repeat(62)}+`;
      const text = oneLine([border, cells('|', ['ATT&CK Tactic', 'ATT&CK Technique']), `|${'-'.repeat(18)}+${'-'.repeat(62)}|`, ...rows.map((row) => cells('|', row)), border]);
      expect(read(text)).to.deep.equal(expected);
    });

    it("reads capa's notation `Tactic::Technique [ID]`: the tactic is the reference's, no part of its name", () => {
      // capa's `-vv` output (a public write-up's run: `att&ck       Defense Evasion::Reflective Code Loading [T1620]`), a
      // rule's mapping as capa's older JSON and capa2yara's meta write it (`"Defense Evasion::Obfuscated Files or
      // Information::Software Packing [T1027.002]"`), two mappings on one line; our lines. A technique's name that ends in
      // a tactic's word (`Account Discovery::Domain Account`) is no label.
      const text = [
        'att&ck       Defense Evasion::Reflective Code Loading [T1620]',
        '        "att&ck": ["Defense Evasion::Obfuscated Files or Information::Software Packing [T1027.002]"],',
        '\tattack = "Discovery::Account Discovery::Domain Account [T1087.002]"',
        'att&ck       Execution::Scheduled Task/Job::At [T1053.002], Persistence::Scheduled Task/Job::At [T1053.002]',
      ].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [1, 'Reflective Code Loading', ['T1620'], ['Defense Evasion'], []],
        [2, 'Obfuscated Files or Information::Software Packing', ['T1027.002'], ['Defense Evasion'], []],
        [3, 'Account Discovery::Domain Account', ['T1087.002'], ['Discovery'], []],
        [4, 'Scheduled Task/Job::At', ['T1053.002'], ['Execution', 'Persistence'], []],
      ]);
    });

    it('reads `TA0002::T1059.001`, the notation with IDs: the tactic is the reference\'s, the words before its bracket its name', () => {
      // WatchGuard's Internet Security Report Q1 2024 as converted to Markdown (test/corpus/reports/watchguard-isr-q1-2024-
      // glued-tactic-ids.yaml): the technique was read, without its tactic or the name before the bracket. `::` before a
      // technique's name is skipped for an ID (capa 4's `Obfuscated Files or Information:: T1027`, a technique's name before
      // it); a tactic's ID is never one.
      const text = ['number of PowerShell (TA0002::T1059\\.001\\), having the most', 'service persistence(TA0003::T1543\\.005\\) ranking ninth. Examples'].join('\n');
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.line, ref.raw, ref.name, ref.resolution?.ids, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
        [1, 'PowerShell (TA0002::T1059\\.001\\)', 'PowerShell', ['T1059.001'], ['Execution'], []],
        [2, 'service persistence(TA0003::T1543\\.005\\)', 'service persistence', ['T1543.005'], ['Persistence'], []],
      ]);
      expect(refs[0]!.resolution?.trail).to.include(`read: ${READING_RULES.find((rule) => rule.startsWith("a tactic's ID before `::`"))}`);
    });

    it("reads the tactic of capa's JSON ATT&CK spec (`\"tactic\"` beside `\"id\"`), printed over lines or on one", () => {
      // capa's result document (`capa -j`) as a public malware-triage report quotes a rule's `attack` list; our rule.
      const spec = { parts: ['Defense Evasion', 'Obfuscated Files or Information', 'Software Packing'], tactic: 'Defense Evasion', technique: 'Obfuscated Files or Information', subtechnique: 'Software Packing', id: 'T1027.002' };
      const doc = { rules: { 'packed with UPX': { meta: { name: 'packed with UPX', attack: [spec] } }, 'schedule task via at': { meta: { attack: [{ parts: ['Persistence', 'Scheduled Task/Job', 'At'], tactic: 'Persistence', technique: 'Scheduled Task/Job', subtechnique: 'At', id: 'T1053.002' }] } } } };
      for (const text of [JSON.stringify(doc, null, 2), JSON.stringify(doc)]) {
        expect(read(text)).to.deep.equal([
          ['T1027.002', ['Defense Evasion']],
          ['T1053.002', ['Persistence']],
        ]);
      }
    });
  });

  describe('a technique\'s full name of more words than are read after an ID', () => {
    it('is the name when it follows the ID whole, and the tactic before the ID is the row\'s', () => {
      // The layout of NCSC's "Smooth Operator" ATT&CK table as a PDF's text quoted on one line (a public actor profile
      // quotes it; our rows): tactic, ID, the technique's full name of nine or ten words, the procedure.
      const text = 'Tactic ID Technique Procedure Initial Access T1195.001 Supply Chain Compromise: Compromise Software ' +
        'Dependencies and Development Tools The implant ships inside a trojanised installer. Persistence T1547.001 Boot or ' +
        'Logon Autostart Execution: Registry Run Keys / Startup Folder A Run key starts it at logon.';
      const refs = extractReport(text, { target: loadRelease('18.1') }).references;
      expect(refs.map((ref) => [ref.name, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
        ['Supply Chain Compromise: Compromise Software Dependencies and Development Tools', ['Initial Access'], ['T1195.001'], []],
        ['Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', ['Persistence'], ['T1547.001'], []],
      ]);
    });
  });

  describe('a section that announces ATT&CK techniques and holds none', () => {
    const sectionNotes = (text: string): string[] => extractReport(text, { target: loadRelease('18.1') }).notes.filter((note) => note.includes('holds no technique'));

    it('says which heading\'s section holds no reference (its table an image), and nothing of one that holds some', () => {
      // The layout of Trend Micro's "8220 Gang Evolves With New Strategies" (2023) scraped to text (TomInTheBytes/GenAI-
      // Threat-Intelligence-Research): its `MITRE ATT&CK` heading over a table set as an image, so nothing under it but
      // the page's tags. Our own lines.
      const text = [
        'Gang Moves To New Loaders', '', 'The actor ran a PowerShell script to fetch the miner.', '', 'Indicators of Compromise', '',
        'SHA256', 'Detection', '', ' ', 'MITRE ATT&CK', '', '', '', 'Tags', '', 'Malware', '|', 'Cyber Crime',
      ].join('\n');
      expect(sectionNotes(text)).to.deep.equal([
        'line 11: the section "MITRE ATT&CK" holds no technique extract could read (a table kept as an image?); map it by hand from the original report',
      ]);
      // A Markdown heading's section ends at the next heading of its level: an ID past it is another section's.
      const marked = '# Report\n\n## Tactics, Techniques and Procedures\n\n![ATT&CK table](ttps.png)\n\n## Indicators\n\nThe loader (T1105) fetched it.';
      expect(sectionNotes(marked)).to.deep.equal([
        'line 3: the section "Tactics, Techniques and Procedures" holds no technique extract could read (a table kept as an image?); map it by hand from the original report',
      ]);
      // A section that holds references, as a table or scraped one cell a line, or names, and a sentence, say nothing.
      const table = '## 4. TTP Analysis (MITRE ATT&CK)\n\n### Execution\n\n| Tactic | Technique |\n|---|---|\n| Execution | T1059.001 |\n\n## Indicators\n\nNone.';
      expect(sectionNotes(table)).to.deep.equal([]);
      const scraped = 'Title\n\nMITRE ATT&CK techniques\nThis table was built using version 13 of the MITRE ATT&CK framework.\n\nTactic\n\nID\n\nInitial Access\n\nT1190';
      expect(sectionNotes(scraped)).to.deep.equal([]);
      const names = '**MITRE ATT&CK**\n\n| Tactic | Technique |\n|---|---|\n| Discovery | Network Sniffing |';
      expect(sectionNotes(names)).to.deep.equal([]);
      const sentence = 'The ATT&CK techniques are in the figure below.\n\nWe map them to MITRE ATT&CK in the appendix.';
      expect(sectionNotes(sentence)).to.deep.equal([]);
    });

    it('reads an appendix\'s heading, its number, a trade mark and a dash aside (BlackBerry: APPENDIX 3 – Detailed MITRE ATT&CK® Mapping)', () => {
      // BlackBerry's "Silent Skimmer" post (2023) scraped to text ends in appendices; its third, `APPENDIX 3 – Detailed MITRE
      // ATT&CK® Mapping`, holds `Available upon request` only (the mapping is in the private report). Before, the appendix's
      // label, the ® and `Detailed` made it no heading, and extract said nothing. Our own lines in that layout.
      const text = [
        'The actor ran a PowerShell script to replace the checkout page.', '', 'APPENDIX 2 – Applied Countermeasures', '',
        'Available upon request – see below.', '', '', 'APPENDIX 3 – Detailed MITRE ATT&CK® Mapping', '', 'Tactic/ Technique/ Context', '',
        'Available upon request – see below.', '', 'Related Reading',
      ].join('\n');
      expect(sectionNotes(text)).to.deep.equal([
        'line 8: the section "Detailed MITRE ATT&CK® Mapping" holds no technique extract could read (a table kept as an image?); map it by hand from the original report',
      ]);
      expect(sectionNotes('Annex B: MITRE ATT&CK\u2122 Techniques\n\n| Tactic | ID |\n|---|---|\n| Execution | T1059.001 |')).to.deep.equal([]);
    });
  });
});
