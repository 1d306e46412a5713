import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nameKey } from '../../lib/attack/attack-index.js';
import { extractReferences, type ExtractedReference } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { NFKC_WINDOW } from '../../lib/normalize/tokenize-references.js';
import { readCorpus } from '../corpus/corpus.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';

const seed = (file: string): string => readFileSync(resolve(repoRoot, '../shared/seeds', file), 'utf8');
const APT32 = '003_78441eb4cb887801.txt';
const PERISCOPE = '000_9001b8a6a998de5e.txt';

/** The parts of a reference a row of expectations states. */
type Row = Pick<ExtractedReference, 'raw' | 'line' | 'ids' | 'tactics'> & { name?: string };

/** A reference as a row states it (its spans are checked apart). */
function row(ref: ExtractedReference | undefined): Row | undefined {
  if (!ref) return undefined;
  const { raw, line, ids, name, tactics } = ref;
  return { raw, line, ids, ...(name !== undefined ? { name } : {}), tactics };
}

function check(text: string, expected: Row[]): void {
  expect(extractReferences(text).map(row)).to.deep.equal(expected);
}

describe('extractReferences', () => {
  describe('tactics as reports write them (shapes from real pages)', () => {
    const tactics = (text: string): Array<[string, string[]]> => extractReferences(text).map((ref) => [ref.ids.join('+'), ref.tactics]);

    it('reads the tactic of a table row broken after its ID cell from the row of cells after it (NEC\'s ranking as a page scrape)', () => {
      // The layout of NEC's top-10 technique ranking (https://jpn.nec.com/cybersecurity/blog/230714/index.html, as the
      // pages corpus scraped it), re-told with other rows: each row broken after its cells, `<rank> (<count>) |`, `<ID>
      // <name> |`, then `<tactic> | <earlier ranks> |`, under `攻撃手口(Technique) | 目的(Tactic) | …`.
      const text = [
        '順位 (出現数) |', '攻撃手口(Technique) | 目的(Tactic) | 前回 | 前々回 |', '---|---|---|---|---|',
        '1位 (98) |', 'T1105 Ingress Tool Transfer (ツール転送) |', 'Command and Control(コマンド&コントロール) | 2位 | 1位 |',
        '2位 (61) |', 'T1082 System Information Discovery |', 'Discovery (探索) | 3位 | - |',
        // A row after it led by no tactic cell, or an ID line that is no cell of a broken row, gives no tactic.
        '3位 (40) |', 'T1047 Windows Management Instrumentation |', '4位 | Execution |',
        'T1053.005 Scheduled Task', 'Persistence | 5位 |',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1105', ['Command and Control']],
        ['T1082', ['Discovery']],
        ['T1047', []],
        ['T1053.005', []],
      ]);
    });

    it('reads the tactic after the ID where a header of words run together puts it there, and drops the row number (a SOC lab\'s rule table)', () => {
      // The layout of a SOC lab's detection-rule report as PDF text (the code index's file 56112342669, its repository
      // not named), re-told with other rows: `Rule Technique Name MITRE ID Tactic`, each row `<n> <name> <ID> <tactic>`.
      const text = [
        'Rule Technique Name MITRE ID Tactic',
        '',
        '1 Command & Scripting Interpreter:Windows Command Shell T1059.003 Execution',
        '2 Boot or Logon Autostart Execution: Registry Run Keys T1547.001 Persistence / Privilege Escalation',
        '3 Remote System Discovery T1018 Discovery',
        '',
        'Response steps',
      ].join('\n');
      check(text, [
        { raw: 'Command & Scripting Interpreter:Windows Command Shell T1059.003', line: 3, ids: ['T1059.003'], name: 'Command & Scripting Interpreter:Windows Command Shell', tactics: ['Execution'] },
        { raw: 'Boot or Logon Autostart Execution: Registry Run Keys T1547.001', line: 4, ids: ['T1547.001'], name: 'Boot or Logon Autostart Execution: Registry Run Keys', tactics: ['Persistence', 'Privilege Escalation'] },
        { raw: 'Remote System Discovery T1018', line: 5, ids: ['T1018'], name: 'Remote System Discovery', tactics: ['Discovery'] },
      ]);
      const [first] = extractReferences(text);
      expect(text.split('\n')[2]!.slice(first!.span.start, first!.span.end)).to.equal(first!.raw);
    });

    it('gives a one-cell-per-line row whose tactic cell is merged with the row above that row\'s tactic (reports6 01)', () => {
      // A scraped ESET page: each cell on a line of its own, blank lines between, the tactic written on a group's first
      // row only; the lines after the table are no row of it.
      const cells = (...texts: string[]): string[] => texts.flatMap((text) => [text, '', '']);
      const text = [
        ...cells('Tactic', 'ID', 'Name', 'Description'),
        ...cells('Execution', 'T1059.003', 'Command and Scripting Interpreter: Windows Command Shell', 'The backdoor runs the commands it receives with the Windows command shell.'),
        ...cells('T1569.002', 'System Services: Service Execution', 'The backdoor installs itself as a service and starts its loop when the service runs.'),
        ...cells('Persistence', 'T1543.003', 'Create or Modify System Process: Windows Service', 'The backdoor persists as a service set to start automatically.'),
        ...cells('Let us keep you up to date', 'Sign up for our newsletters', 'Subscribe', 'T1027'),
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1059.003', ['Execution']],
        ['T1569.002', ['Execution']],
        ['T1543.003', ['Persistence']],
        ['T1027', []],
      ]);
    });

    it('reads a row\'s tactic from the cell that names one where its Tactic column holds no tactic', () => {
      // An ICS risk-scenario mapping (GitHub): its `Tactic` column holds the technique's name, its `Phase` column the
      // tactic. A tactic column whose cells are tactics still gives them, a blank cell its row above's.
      const text = [
        '| Phase | Tactic | Technique ID | Description |', '| :--- | :--- | :--- | :--- |',
        '| **Initial Access** | External Remote Services | **T0822** | Use of VPN/Jump Host for entry. |',
        '| **Lateral Movement** | Remote Services | **T0886** | Moving from DMZ to EWS/HMI. |',
        '', '| Tactic | Technique | ID |', '|---|---|---|', '| Execution | PowerShell | T1059.001 |', '| | Windows Command Shell | T1059.003 |',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T0822', ['Initial Access']],
        ['T0886', ['Lateral Movement']],
        ['T1059.001', ['Execution']],
        ['T1059.003', ['Execution']],
      ]);
    });

    it('keeps a tactic row over the rows under it in a table of one cell per line whose rows end in a sentence', () => {
      // Intel 471's retail report (2021) converted from PDF: `Technique Title`, `ID`, `Use` one per line, a tactic row
      // (`Initial Access [TA0001]`) over its rows; each row's use, a sentence, ended the tactic row's reach after one
      // row. The sentence after the table still ends it.
      const text = [
        'Technique Title', '', 'ID', '', 'Use', '',
        'Initial Access [TA0001]', '', 'Exploit Public-Facing Application', '', 'T1190', '', 'Threat actors leveraged vulnerabilities to gain initial access.', '',
        'Valid Accounts', '', 'T1078', '', 'Threat actors will obtain and abuse credentials of existing retail customer accounts to gain initial access.', '',
        'Execution [TA0002]', '', 'Command and Scripting Interpreter: JavaScript', '', 'T1059.007', '', 'Digital skimming attacks and JS sniffers use malicious JS code to execute.', '',
        '10 Copyright 2021 Intel 471 Inc.', '', 'The actors later ran their ransomware on the servers they reached, as analysts saw in 2022.', 'They also used T1486 there.',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1190', ['TA0001: Initial Access']],
        ['T1078', ['TA0001: Initial Access']],
        ['T1059.007', ['TA0002: Execution']],
        ['T1486', []],
      ]);
    });

    it('takes a tactic written as its TA ID, a colon and its name for the label of the IDs under it, not of those above', () => {
      // Kaspersky's Incident Response Analyst report 2023 as PDF text: its ATT&CK heatmap lists `TA0043: Reconnaissance`
      // above `T1595: Active Scanning` items, a share under each; the first item took the next label, the ones under it none.
      const text = [
        'T1053.005: Scheduled Task/Job: Scheduled', 'Task', '', '2.04%', '',
        'TA0043: Reconnaissance', '', 'T1595.002: Active Scanning: Vulnerability', 'Scanning', '', 'T1592: Gather Victim Host Information', '', '0.68%', '',
        'TA0042: Resource Development', '', 'T1587.001: Develop Capabilities: Malware', '', '4.08%',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1053.005', []],
        ['T1595.002', ['TA0043: Reconnaissance']],
        ['T1592', ['TA0043: Reconnaissance']],
        ['T1587.001', ['TA0042: Resource Development']],
      ]);
    });

    it('reads a tactic qualified by a word or a remark in brackets, and the parts of a tactic cell that are tactics (reports6 15, 13, 08)', () => {
      // A GitBook page's `### Relevant Reconnaissance` over a table flattened to one line; an author's tactic cell with a
      // remark; a Korean report's `Lateral / Propagation`, whose second part is no tactic.
      const heading = ['### Relevant Reconnaissance', '', '<table><tr><td>T1591</td><td>Gather Victim Org Information</td></tr></table>'];
      const table = ['| Tactic | Technique | ID |', '|---|---|---|', '| Command & Control (adjacent) | Rogue AP | T1557 |', '| Lateral / Propagation | Self-replication | T1195 |'];
      expect(tactics([...heading, '', ...table].join('\n'))).to.deep.equal([
        ['T1591', ['Reconnaissance']],
        ['T1557', ['Command and Control']],
        ['T1195', ['Lateral Movement']],
      ]);
      // Other words with a tactic are no tactic: `Impact Assessment` ends the section above it.
      expect(tactics('### Execution\n\n- T1059\n\n### Impact Assessment\n\n- T1486')).to.deep.equal([
        ['T1059', ['Execution']],
        ['T1486', []],
      ]);
    });

    it('reads a Portuguese key/value row naming the tactic, and a French tactic column (reports6 16, 13)', () => {
      const worksheet = ['| Comando: **tasklist /v** | |', '|---|---|', '| **NOME DA TÁCTICA:** | Discovery |', '| **ID DA TÉCNICA:** | T1057 |'];
      const note = ['| Tactique | Technique / Sub-technique | ID |', '|---|---|---|', '| Impact / Exfil | Data Destruction | T1485 |'];
      expect(tactics([...worksheet, '', ...note].join('\n'))).to.deep.equal([
        ['T1057', ['Discovery']],
        ['T1485', ['Impact', 'Exfiltration']],
      ]);
    });

    it('reads a Spanish tactic column\'s other names (Acceso con Credenciales, Sigilo: ATT&CK 19\'s Stealth) as tactics, not as the names of the IDs', () => {
      // The layout of a Spanish LetsDefend case write-up's `6. Mapeo MITRE ATT&CK` (the code index's file 61315532395, its
      // repository not named), re-told with other descriptions: `| Táctica | Técnica | Sub-técnica | Descripción |`.
      const text = [
        '| Táctica | Técnica | Sub-técnica | Descripción |',
        '|---|---|---|---|',
        '| Acceso con Credenciales | T1110 | T1110.004 | El atacante prueba contra SSH credenciales filtradas en otros servicios |',
        '| Sigilo | T1027 | T1027.013 | El atacante codifica sus ficheros en base64 para que no se detecten sus cadenas |',
      ].join('\n');
      check(text, [
        { raw: 'T1110', line: 3, ids: ['T1110'], tactics: ['Credential Access'] },
        { raw: 'T1110.004', line: 3, ids: ['T1110.004'], tactics: ['Credential Access'] },
        { raw: 'T1027', line: 4, ids: ['T1027'], tactics: ['Stealth'] },
        { raw: 'T1027.013', line: 4, ids: ['T1027.013'], tactics: ['Stealth'] },
      ]);
    });

    it('reads tactics joined by a plus in a tactic column as the row\'s tactics, not as the name of its ID (a Spanish SOC timeline)', () => {
      // The layout of a Spanish SOC course's attack timeline (the code index's file 62994101500, its repository not named):
      // `HORA | EVENTO | ID WINDOWS | TÁCTICA | TÉCNICA | ACCIÓN`, a row's tactics joined by `+`; other events here.
      const text = [
        'HORA | EVENTO | ID WINDOWS | TÁCTICA | TÉCNICA | ACCIÓN',
        '-----|--------|------------|---------|---------|--------',
        '02:10| Cifrado de los discos | 4688 | Ejecución+Impacto | T1486 | CONTENER',
        '02:40| Script ofuscado | 4104 | Ejecución + Evasión de defensa | T1027 | MATAR PROCESO',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1486', ['Execution', 'Impact']],
        ['T1027', ['Execution', 'Defense Evasion']],
      ]);
      expect(extractReferences(text).map((ref) => ref.name ?? '')).to.not.include('Ejecución+Impacto');
    });

    it('reads a Dutch tactic column and its tactics as Microsoft\'s nl-NL documentation writes them', () => {
      // Header words of Microsoft Defender's nl-NL `| Tactiek | … |` table, tactic names of its app governance guide;
      // the rows are our own: no Dutch report with IDs was found.
      const text = [
        '| Tactiek | Techniek | ID |',
        '|---|---|---|',
        '| Initiële toegang | Phishing | T1566 |',
        '| Ontwijking van verdediging | Impair Defenses | T1562 |',
        '| Toegang tot referenties | OS Credential Dumping | T1003 |',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1566', ['Initial Access']],
        ['T1562', ['Defense Evasion']],
        ['T1003', ['Credential Access']],
      ]);
      expect(extractReferences(text).map((ref) => ref.name)).to.deep.equal(['Phishing', 'Impair Defenses', 'OS Credential Dumping']);
    });

    it('reads a header in another script by its English gloss in brackets (reports6 06)', () => {
      // A Russian DFIR table: `| Тактика (TACTIC) | Техника (TECHNIQUE) | ID |`; `Technique (ID)` stays no ID header.
      const text = [
        '| Тактика (TACTIC) | Техника (TECHNIQUE) | ID |',
        '|---|---|---|',
        '| Persistence / Priv Esc | Scheduled Task/Job | T1053 |',
        '',
        '| Technique (ID) | Tactic |',
        '|---|---|',
        '| Phishing (T1566) | Initial Access |',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.ids[0], ref.name, ref.tactics, ref.tacticColumn])).to.deep.equal([
        ['T1053', 'Scheduled Task/Job', ['Persistence', 'Privilege Escalation'], 'Persistence / Priv Esc'],
        ['T1566', 'Phishing', ['Initial Access'], 'Initial Access'],
      ]);
    });

    it('reads the short forms of a tactic field in a tactic column, and only there (reports6 06, 08)', () => {
      // Analysts' tables: `Persistence / Evasion` (a Korean report), `Command and Control / Exfil`, `Persistence / Priv Esc`.
      const table = [
        '| 전술 | 기법 | ID |',
        '| --- | --- | --- |',
        '| Persistence / Evasion | Rootkit (eBPF) | T1014 |',
        '| Command and Control / Exfil | Application Layer Protocol: Web Protocols | T1071.001 |',
        '| Persistence / Priv Esc | Scheduled Task/Job | T1053 |',
      ];
      const other = ['| Stage | ID |', '| --- | --- |', '| Evasion | T1027 |'];
      expect(tactics([...table, '', ...other].join('\n'))).to.deep.equal([
        ['T1014', ['Persistence', 'Defense Evasion']],
        ['T1071.001', ['Command and Control', 'Exfiltration']],
        ['T1053', ['Persistence', 'Privilege Escalation']],
        ['T1027', []],
      ]);
    });

    it('reads the short forms real tables write for tactics in a tactic column and a matrix header, and not in a line of text', () => {
      // A Volatility plugin map's `| Priv Escalation | TA0004 |`, a French detection table's `| Cred. Access |` and
      // `| Lateral Mvmt |`, a Spanish Purple Team README's matrix header `| Persistence | Priv Escalation |`.
      const table = [
        '| Tactic | Technique | ID |', '|---|---|---|',
        '| Priv Escalation | Abuse Elevation Control Mechanism | T1548 |',
        '| Cred. Access | LSASS Memory | T1003.001 |',
        '| Lateral Mvmt | SMB/Windows Admin Shares | T1021.002 |',
        '| Def Evasion | Masquerading | T1036 |',
      ];
      const matrix = ['| Recon | Init Access | PrivEsc | Lat Mov | Res Dev |', '|---|---|---|---|---|', '| T1595 Scanning | T1566 Phishing | T1134 Token | T1570 Tool | T1583 Acquire |'];
      const line = ['Cred Access', '', 'T1555 Credentials from Password Stores'];
      expect(tactics([...table, '', ...matrix, '', ...line].join('\n'))).to.deep.equal([
        ['T1548', ['Privilege Escalation']],
        ['T1003.001', ['Credential Access']],
        ['T1021.002', ['Lateral Movement']],
        ['T1036', ['Defense Evasion']],
        ['T1595', ['Reconnaissance']],
        ['T1566', ['Initial Access']],
        ['T1134', ['Privilege Escalation']],
        ['T1570', ['Lateral Movement']],
        ['T1583', ['Resource Development']],
        ['T1555', []],
      ]);
    });

    it('reads a short form with abbreviation dots as the tactic of a row of IDs without a header (a box-drawn heat map)', () => {
      // MaikCyberSec/Threat-Hunting- README.md (https://github.com/MaikCyberSec/Threat-Hunting-), its ATT&CK heat map: one
      // row per tactic, `│ Privilege Esc. │ T1078 │` under `│ Persistence │ … T1078 │`. Without the short form, the second
      // T1078 was read as the first's, Persistence only. A line of such a short form alone names nothing, nor does a row's
      // cell under a header that names no tactic column (\`| Stage | ID |\`, the test above).
      const text = [
        ' ┌──────────────────────┬──────────────────────────┐',
        ' │ Persistence          │ T1547.001  T1078         │',
        ' │ Privilege Esc.       │ T1078                    │',
        ' │ Priv.Esc.            │ T1068                    │',
        ' │ Persist.             │ T1543.001                │',
        ' └──────────────────────┴──────────────────────────┘',
        '',
        'Persist.',
        '',
        'T1053.005 was seen too.',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1547.001', ['Persistence']],
        ['T1078', ['Persistence', 'Privilege Escalation']],
        ['T1068', ['Privilege Escalation']],
        ['T1543.001', ['Persistence']],
        ['T1053.005', []],
      ]);
    });

    it('reads a matrix header broken over two lines, each column\'s words in two cells (a box-drawn matrix)', () => {
      // joebat10's DFIR report template (cyber-homelab, \`8. Analyse ATT&CK\`): a box-drawn matrix whose header breaks
      // \`Initial Access\` over two rows, with short forms \`Persist.\` and \`Priv.Esc.\`. Before: no ID had a tactic.
      const box = [
        '┌────────────────────────────────────────────────────┐',
        '│ Initial    │ Execution  │ Persist.  │ Priv.Esc.     │',
        '│ Access     │            │           │               │',
        '├────────────┼────────────┼───────────┼───────────────┤',
        '│ T1566.001  │ T1059.001  │ T1547.001 │ T1068         │',
        '│ Spearphish │ PowerShell │ Run Keys  │ Exploit       │',
        '└────────────┴────────────┴───────────┴───────────────┘',
      ];
      expect(tactics(box.join('\n'))).to.deep.equal([
        ['T1566.001', ['Initial Access']],
        ['T1059.001', ['Execution']],
        ['T1547.001', ['Persistence']],
        ['T1068', ['Privilege Escalation']],
      ]);
    });

    it('reads a tactic label set in Markdown bold or after a list marker, and keeps it out of the name', () => {
      // A Japanese Sentinel write-up's `①Credential Access：...` (NFKC makes ① a 1), Markdown write-ups' bold labels.
      const text = [
        '①Credential Access：Password Spray Attack（T1110）',
        '**Execution:** PowerShell (T1059.001)',
        '__Persistence__: Scheduled Task (T1053.005)',
        '(4) Discovery: Account Discovery (T1087)',
        '* Impact - Data Encrypted for Impact (T1486)',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.ids.join('+'), ref.name, ref.tactics])).to.deep.equal([
        ['T1110', 'Password Spray Attack', ['Credential Access']],
        ['T1059.001', 'PowerShell', ['Execution']],
        ['T1053.005', 'Scheduled Task', ['Persistence']],
        ['T1087', 'Account Discovery', ['Discovery']],
        ['T1486', 'Data Encrypted for Impact', ['Impact']],
      ]);
    });

    it('reads a bold label with its TA ID at the start of a sentence as the tactic of its IDs', () => {
      // A Chinese forensics article on LLM-assisted attacks labels each paragraph `**执行阶段（Execution, TA0002）**：…`;
      // its English form, a label with its TA ID in Markdown bold (reconstructed; no licence stated), was read
      // without bold only: `**` before it was text before the label.
      const sentence = 'the payload ran PowerShell scripts (T1059.001) and Python scripts (T1059.006), chosen to be the least visible.';
      for (const label of ['Execution (TA0002):', '**Execution (TA0002)**:', '**Execution (TA0002):**', '__Execution [TA0002]__:']) {
        expect(tactics(`${label} ${sentence}\n`), label).to.deep.equal([
          ['T1059.001', ['TA0002: Execution']],
          ['T1059.006', ['TA0002: Execution']],
        ]);
      }
      // Inside a sentence, bold tactic text is no label.
      expect(tactics(`The payload ran PowerShell scripts (T1059.001) in **Execution (TA0002)** of the sample.\n`)).to.deep.equal([['T1059.001', []]]);
    });

    it('reads a label whose bracket holds the tactic\'s English name before its TA ID, after its name as a stage (执行阶段（Execution, TA0002）)', () => {
      // A Chinese forensics article on LLM-assisted attacks (its section 0x03, reconstructed; no licence stated) labels
      // each paragraph of its attack chain with the tactic as a stage (阶段) and, in a bracket, its English name and TA ID.
      const sentence = 'LLM生成的Payload通过多种执行机制触发，包括PowerShell脚本（T1059.001）、Python脚本（T1059.006）等。';
      for (const label of ['**执行阶段（Execution, TA0002）**：', '执行阶段（Execution, TA0002）：', '**执行阶段（TA0002）**：', '**执行（Execution，TA0002）**：', '**Execution (Execution, TA0002)**:']) {
        expect(tactics(`${label}${sentence}\n`), label).to.deep.equal([
          ['T1059.001', ['TA0002: Execution']],
          ['T1059.006', ['TA0002: Execution']],
        ]);
      }
      // The name and the ID are a pair, checked as one: the ID of another tactic is said.
      expect(tactics(`**持久化阶段（Persistence, TA0002）**：注册表修改（T1547.001）。\n`)).to.deep.equal([['T1547.001', ['TA0002: Persistence']]]);
      // In the middle of a sentence such a bracket is no label.
      expect(tactics(`攻击者在执行阶段（Execution, TA0002）使用了PowerShell脚本（T1059.001）。\n`)).to.deep.equal([['T1059.001', []]]);
    });

    it('reads a tactic stated as a field of a rule file: YARA meta, a Sigma tag, an Elastic rule page', () => {
      // Shapes of reports5: YARA rules' `mitre_att_tactic = "TA0006"` (01), a Sigma rule's tags (13), Elastic's
      // prebuilt-rule page, whose tactic's Reference URL line stands between the tactic and the technique (10).
      const yara = ['rule kerberoast {', '    meta:', '        mitre_att_tactic = "TA0006"', '        mitre_att_technique = "T1558.003"', '    strings:', '        $ = "kerberoast" nocase', '}'];
      const sigma = ['tags:', '    - attack.defense-evasion', '    - attack.t1218', 'logsource:', '    product: windows'];
      const elastic = [
        '* Tactic:',
        '    * Name: Privilege Escalation',
        '    * ID: TA0004',
        '    * Reference URL: [https://attack.mitre.org/tactics/TA0004/](https://attack.mitre.org/tactics/TA0004/)',
        '* Technique:',
        '    * Name: Abuse Elevation Control Mechanism',
        '    * ID: T1548',
      ];
      expect(tactics([...yara, '', ...sigma, '', ...elastic].join('\n'))).to.deep.equal([
        // A tactic's ID is named once the release is known (extractReport).
        ['T1558.003', ['TA0006']],
        ['T1218', ['Defense Evasion']],
        ['T1548', ['TA0004']],
      ]);
    });

    it('gives a Sigma rule\'s tactic tags to all its technique tags, before or after them (reports5 12, SigmaHQ rules)', () => {
      // The Atomic Threat Coverage page of "Encoded IEX" tags `attack.t1086`, `attack.t1140`, then `attack.execution`;
      // SigmaHQ tags a tactic before its techniques, and `attack.stealth`, ATT&CK 19's, which 18.1 does not have: given as
      // written, for the release to say so (extractReport). A rule's tactic tags are all its techniques' (withSigmaTags):
      // without a release which of them ATT&CK puts each under is not known, so each takes them all; T1140, tagged in
      // two rules, takes both's.
      const after = ['tags:', '    - attack.t1086', '    - attack.t1140', '    - attack.execution', 'logsource:'];
      const before = ['tags:', '    - attack.execution', '    - attack.t1059.001', '    - attack.persistence', '    - attack.t1053.005', 'logsource:'];
      const unknown = ['tags:', '    - attack.stealth', '    - attack.t1027', '    - attack.execution', '    - attack.t1140', 'logsource:'];
      const none = ['tags:', '    - attack.t1078', 'logsource:', '    product: windows'];
      expect(tactics([...after, '', ...before, '', ...unknown, '', ...none].join('\n'))).to.deep.equal([
        ['T1086', ['Execution']],
        ['T1140', ['Execution', 'Stealth']],
        ['T1059.001', ['Execution', 'Persistence']],
        ['T1053.005', ['Execution', 'Persistence']],
        ['T1027', ['Stealth', 'Execution']],
        ['T1078', []],
      ]);
    });

    it('gives an Elastic rule\'s threat tactic to every technique of its block, not to the next block (reports5 15)', () => {
      // detection-rules' TOML, commented out in a Go file: the tactic table comes after the technique and sub-technique.
      const block = (technique: string, sub: string, tactic: string): string[] => [
        '// [[rule.threat]]',
        '// framework = "MITRE ATT&CK"',
        '// [[rule.threat.technique]]',
        `// id = "${technique}"`,
        `// reference = "https://attack.mitre.org/techniques/${technique}/"`,
        '// [[rule.threat.technique.subtechnique]]',
        `// id = "${sub}"`,
        '',
        '// [rule.threat.tactic]',
        `// name = "${tactic}"`,
      ];
      const text = [...block('T1574', 'T1574.006', 'Privilege Escalation'), ...block('T1053', 'T1053.005', 'Persistence'), '', 'package rules', 'T1105'];
      expect(tactics(text.join('\n'))).to.deep.equal([
        ['T1574', ['Privilege Escalation']],
        ['T1574.006', ['Privilege Escalation']],
        ['T1053', ['Persistence']],
        ['T1053.005', ['Persistence']],
        ['T1105', []],
      ]);
    });

    it('gives a JSON threat entry\'s tactic to its techniques, after them or before, printed or one rule a line (Kibana exports)', () => {
      // An Elastic rule as JSON: detection-rules' TOML order (technique array, then tactic object), pretty-printed.
      const technique = (id: string, name: string, sub?: string): string[] => [
        '        {',
        `          "id": "${id}",`,
        `          "name": "${name}",`,
        `          "reference": "https://attack.mitre.org/techniques/${id}/"${sub ? ',' : ''}`,
        ...(sub ? ['          "subtechnique": [', `            { "id": "${sub}", "reference": "https://attack.mitre.org/techniques/${sub.replace('.', '/')}/" }`, '          ]'] : []),
        '        }',
      ];
      const entry = (tactic: [string, string], techniques: string[]): string[] => [
        '    {',
        '      "framework": "MITRE ATT&CK",',
        '      "technique": [',
        ...techniques,
        '      ],',
        `      "tactic": { "id": "${tactic[0]}", "name": "${tactic[1]}", "reference": "https://attack.mitre.org/tactics/${tactic[0]}/" }`,
        '    }',
      ];
      const printed = [
        '{',
        '  "name": "Encoded PowerShell",',
        '  "threat": [',
        ...entry(['TA0002', 'Execution'], technique('T1059', 'Command and Scripting Interpreter', 'T1059.001')),
        '    ,',
        ...entry(['TA0005', 'Defense Evasion'], technique('T1027', 'Obfuscated Files or Information')),
        '  ]',
        '}',
      ];
      // A Kibana export: one rule a line, keys as Kibana writes them (tactic first), an ES|QL query with pipes.
      const exported = JSON.stringify({
        name: 'Scheduled task',
        query: 'from logs-* | where process.name == "schtasks.exe" | keep host.name',
        threat: [{ framework: 'MITRE ATT&CK', tactic: { id: 'TA0003', name: 'Persistence' }, technique: [{ id: 'T1053', subtechnique: [{ id: 'T1053.005' }] }] }],
      });
      expect(tactics([...printed, exported, 'T1105'].join('\n'))).to.deep.equal([
        ['T1059', ['Execution']],
        ['T1059.001', ['Execution']],
        ['T1027', ['Defense Evasion']],
        ['T1053', ['Persistence']],
        ['T1053.005', ['Persistence']],
        ['T1105', []],
      ]);
    });

    it('gives a key/value table\'s tactic row to the technique rows under it (reports5 12, Atomic Threat Coverage)', () => {
      const link = (id: string, name: string): string => `[${id}: ${name}](https://attack.mitre.org/x/${id})`;
      const text = [
        '| Title                | Encoded IEX |',
        '|:---------------------|:------------|',
        `| ATT&amp;CK Tactic    | <ul><li>${link('TA0002', 'Execution')}</li><li>${link('TA0005', 'Defense Evasion')}</li></ul> |`,
        `| ATT&amp;CK Technique | <ul><li>${link('T1086', 'PowerShell')}</li><li>${link('T1140', 'Deobfuscate')}</li></ul> |`,
        '',
        '| Tactic | Execution Guardrails |',
        '| T1480  | |',
      ];
      // Each name with its TA ID, as the pair extractReport checks against the release.
      expect(tactics(text.join('\n'))).to.deep.equal([
        ['T1086', ['TA0002: Execution', 'TA0005: Defense Evasion']],
        ['T1140', ['TA0002: Execution', 'TA0005: Defense Evasion']],
        ['T1480', []],
      ]);
    });

    it('reads no tactic from a field whose value only begins with a tactic name (Execution Guardrails)', () => {
      const text = ['description = "Execution of a payload"', 'mitre_att_technique = "T1204"', '', '* Name: Execution Guardrails', '* ID: T1480'].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1204', []],
        ['T1480', []],
      ]);
    });

    it('keeps a Markdown heading\'s tactic through the prose of its section, and never gives it to the IDs above it', () => {
      // A Conti write-up: `### Execution - TA0002`, a paragraph, then the technique; the next section's heading after it.
      const text = '### Execution\n\nThe actor ran things.\n\nNative API - T1106\n\n### Persistence\n\nRegistry Run Keys - T1547.001\n\n## Indicators\n\nSee T1105.\n';
      expect(tactics(text)).to.deep.equal([
        ['T1106', ['Execution']],
        ['T1547.001', ['Persistence']],
        // A heading that names no tactic ends the section.
        ['T1105', []],
      ]);
    });

    it('reads numbered headings, misspelt tactic names, and a TA ID beside a name in another language', () => {
      const text = [
        '### 6.5 Command and Control', 'Web Protocols - T1071.001', '',
        // A StealthCup paper's table, flattened one cell per line by pdftotext, with its typos.
        'Reconaissance', 'T1595', 'Persistance', 'T1547.001', 'Privilage Escalation', 'T1068', '',
        '| 战术 | 技术 | 描述 |', '|---|---|---|', '| TA0001：初始访问 | T1566.001 | 鱼叉式钓鱼 |', '| TA0002：Исполнение | T1059 | x |',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1071.001', ['Command and Control']],
        ['T1595', ['Reconnaissance']],
        ['T1547.001', ['Persistence']],
        ['T1068', ['Privilege Escalation']],
        ['T1566.001', ['TA0001: Initial Access']],
        // A name in a script not read here (Russian): the TA ID says the tactic.
        ['T1059', ['TA0002']],
      ]);
      // Short words a typo from a tactic are no tactic, nor is a sentence beside a TA ID.
      expect(tactics('Impacts\nT1486\n')).to.deep.equal([['T1486', []]]);
      expect(tactics('TA0005 is where it hid.\nT1027\n')).to.deep.equal([['T1027', []]]);
    });

    it('reads the tactic column of Chinese and Korean ATT&CK tables, and takes the name from the name cell, not the tactic', () => {
      // A Korean cloud write-up's table (`| 초기 접근 | T1078.004 | 유효 클라우드 계정 |`) and a Chinese WeChat analysis's.
      // Under a column headed `설명` or `说明` (description), the cells are the rows' evidence, as under `Description`
      // (`extractReport` reads one that is a technique's name whole as its name).
      const korean = extractReferences('| 전술 | 기법 | 설명 |\n|---|---|---|\n| 초기 접근 | T1190 | 퍼블릭 애플리케이션 취약점 |\n| 권한 상승 | T1068 | 커널 취약점 |\n');
      expect(korean.map((ref) => [ref.ids[0], ref.name, ref.tactics, ref.evidence?.map((said) => said.text)])).to.deep.equal([
        ['T1190', undefined, ['Initial Access'], ['퍼블릭 애플리케이션 취약점']],
        ['T1068', undefined, ['Privilege Escalation'], ['커널 취약점']],
      ]);
      const chinese = extractReferences('| 战术 | 技术 | 说明 |\n|---|---|---|\n| 执行 | T1059.001 | PowerShell |\n| 横向移动 | T1021.006 | Windows Remote Management |\n');
      expect(chinese.map((ref) => [ref.ids[0], ref.name, ref.tactics, ref.evidence?.map((said) => said.text)])).to.deep.equal([
        ['T1059.001', undefined, ['Execution'], ['PowerShell']],
        ['T1021.006', undefined, ['Lateral Movement'], ['Windows Remote Management']],
      ]);
    });

    it('reads the further Japanese tactic names of real tables and vendors\' documentation as the tactic, not as the name of the row\'s ID', () => {
      // Short reconstructions, other rows: NEC's security blog's top-10 table (`| T1036 Masquerading (偽装) |
      // Defense Evasion(防御策の回避) |`, the Japanese alone here), the MITRE ATT&CK coverage table of a Windows forensic
      // tool's README (`| データ窃取 | T1041（C2 チャネル経由） |`), a SOC blog's tactic list (`Exfiltration(データ流出)`)
      // and a detection note's table (`| 探索/横移動 | T1046 / 認証異常 |`).
      const table = [
        '| 戦術 | ID |',
        '|---|---|',
        '| 防御策の回避 | T1036 |',
        '| データ窃取 | T1041 |',
        '| データ流出 | T1567 |',
        '| 探索/横移動 | T1021 |',
      ].join('\n');
      expect(extractReferences(`${table}\n`).map((ref) => [ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
        ['T1036', undefined, ['Defense Evasion']],
        ['T1041', undefined, ['Exfiltration']],
        ['T1567', undefined, ['Exfiltration']],
        ['T1021', undefined, ['Discovery', 'Lateral Movement']],
      ]);
      // The renderings of IBM's Japanese documentation (its page on MITRE ATT&CK mapping, `| MITRE ATT&CK 戦術 | 説明 |`:
      // `| コレクション | データを収集します。 |`) and of Microsoft's ja-jp API reference (`コマンドとコントロール`).
      const vendors = ['| 戦術 | ID |', '|---|---|', '| コレクション | T1005 |', '| コマンドと制御 | T1071 |', '| コマンドとコントロール | T1105 |',
        '| 資格情報へのアクセス | T1003 |', '| 特権の昇格 | T1068 |', '| インパクト | T1486 |'].join('\n');
      expect(extractReferences(`${vendors}\n`).map((ref) => [ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
        ['T1005', undefined, ['Collection']],
        ['T1071', undefined, ['Command and Control']],
        ['T1105', undefined, ['Command and Control']],
        ['T1003', undefined, ['Credential Access']],
        ['T1068', undefined, ['Privilege Escalation']],
        ['T1486', undefined, ['Impact']],
      ]);
    });

    it('reads the tactic column of Traditional Chinese ATT&CK tables', () => {
      // A reconstruction of a Taiwanese weekly threat report's table (its header's tactic stage, its tactic cells, a
      // cell merged with the one above, and IDs; the other cells shortened): `| 戰術階段 | TTP ID 與技術名稱 | 關聯事件 |`
      // over `| **初始存取** | T1566.002 Spearphishing Link | … |` and `| | T1190 Exploit Public-Facing Application | … |`.
      const table = [
        '| 戰術階段 | 技術名稱 | ID |',
        '|---|---|---|',
        '| **初始存取** | Spearphishing Link | T1566.002 |',
        '| | Exploit Public-Facing Application | T1190 |',
        '| **執行** | Unix Shell | T1059.004 |',
        '| **防禦規避** | Protocol Tunneling | T1572 |',
        '| **憑證存取** | Steal Web Session Cookie | T1539 |',
        '| **橫向移動** | Remote Services | T1021 |',
        '| **蒐集** | Data from Cloud Storage | T1530 |',
        '| **滲漏** | Exfiltration Over Web Service | T1567 |',
        '| **資源開發** | Acquire Infrastructure: Virtual Private Server | T1583.003 |',
        '| **命令與控制** | Web Protocols | T1071.001 |',
      ].join('\n');
      expect(extractReferences(`${table}\n`).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([
        ['T1566.002', ['Initial Access']],
        ['T1190', ['Initial Access']],
        ['T1059.004', ['Execution']],
        ['T1572', ['Defense Evasion']],
        ['T1539', ['Credential Access']],
        ['T1021', ['Lateral Movement']],
        ['T1530', ['Collection']],
        ['T1567', ['Exfiltration']],
        ['T1583.003', ['Resource Development']],
        ['T1071.001', ['Command and Control']],
      ]);
    });

    it('reads Taiwanese notes\' own tactic words (衝擊, 持續潛伏, 防禦逃脫) in a tactic column and as headings, not in a sentence', () => {
      // A GitHub note's list of the 14 tactics (`5.Persistence 持續潛伏`, `7.Defense Evasion 防禦逃脫`, `14.Impact 衝擊`) and
      // an incident report template's heading `### 3.6 衝擊（Impact）`; the rows and the sentence are ours. Before, `衝擊`
      // was no tactic: T1490's row had none.
      const table = ['| 戰術 | ID | 技術名稱 |', '|---|---|---|', '| 持續潛伏 | T1053.005 | Scheduled Task |', '| 防禦逃脫 | T1027 | Obfuscated Files or Information |', '| 衝擊 | T1490 | Inhibit System Recovery |'].join('\n');
      expect(extractReferences(`${table}\n`).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([
        ['T1053.005', ['Persistence']],
        ['T1027', ['Defense Evasion']],
        ['T1490', ['Impact']],
      ]);
      expect(extractReferences('### 衝擊\n攻擊者刪除了卷影複本 (T1490)。\n').map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([['T1490', ['Impact']]]);
      expect(extractReferences('這次攻擊的衝擊很大，攻擊者刪除了卷影複本 (T1490)。\n').map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([['T1490', []]]);
    });

    it('reads the tactic names of IBM\'s Chinese documentation, the Chinese Wikipedia and a Taiwanese article in a tactic column', () => {
      // Our own table, its tactic cells as they write them: ibm.com/docs/zh (UAX, MITRE ATT&CK mapping: 防御逃逸, 渗出), the
      // Chinese Wikipedia's ATT&CK article (資源建立, 初步存取, 程式執行, 特权提升 and 特權提昇, 網路橫向移動, 收集信息, 指揮控制),
      // iThome's ithome.com.tw/articles/10391236 (持續性, 資料竊取). Before, none was read and the cell was taken for the
      // ID's name (`渗出 | T1567.002`).
      const rows: ReadonlyArray<readonly [cell: string, id: string, tactic: string]> = [
        ['資源建立', 'T1583.001', 'Resource Development'],
        ['初步存取', 'T1566.001', 'Initial Access'],
        ['程式執行', 'T1059.001', 'Execution'],
        ['持續性', 'T1547.001', 'Persistence'],
        ['特權提升', 'T1055', 'Privilege Escalation'],
        ['防禦逃逸', 'T1027', 'Defense Evasion'],
        ['網路橫向移動', 'T1021.001', 'Lateral Movement'],
        ['收集信息', 'T1005', 'Collection'],
        ['指揮控制', 'T1071.001', 'Command and Control'],
        ['資料竊取', 'T1041', 'Exfiltration'],
        ['渗出', 'T1567.002', 'Exfiltration'],
      ];
      const table = ['| 戰術 | 技術 ID | 名稱 |', '| --- | --- | --- |', ...rows.map(([cell, id]) => `| ${cell} | ${id} | 名稱 |`)].join('\n');
      expect(extractReferences(`${table}\n`).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal(rows.map(([, id, tactic]) => [id, [tactic]]));
    });

    it('reads the tactic column and labels of Spanish, Portuguese, French, German and Italian reports', () => {
      // A Spanish incident write-up's table (`| **Acceso Inicial** | ... | T1190 |`, `Mando y Control`).
      const spanish = extractReferences(
        '| Táctica | Técnica | ID |\n| :--- | :--- | :--- |\n| **Acceso Inicial** | Explotación de Aplicación Pública | T1190 |\n| **Mando y Control** | Transferencia de Herramientas | T1105 |\n',
      );
      expect(spanish.map((ref) => [ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
        ['T1190', 'Explotación de Aplicación Pública', ['Initial Access']],
        ['T1105', 'Transferencia de Herramientas', ['Command and Control']],
      ]);
      const text = [
        '### Persistência', 'T1136.002', '',
        '- Élévation de privilèges : Exploitation for Privilege Escalation (T1068)',
        '**Ausführung:** PowerShell (T1059.001)',
        'Evasione delle difese (TA0005): Obfuscated Files or Information (T1027)',
        '| Rechteausweitung | T1548.002 |',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1136.002', ['Persistence']],
        ['T1068', ['Privilege Escalation']],
        ['T1059.001', ['Execution']],
        // A name with its TA ID is kept as the pair, for extractReport to check them against the release.
        ['T1027', ['TA0005: Defense Evasion']],
        ['T1548.002', ['Privilege Escalation']],
      ]);
    });

    it('gives a table caption\'s tactic to the rows under it, up to the table\'s end or the next caption (CISA/NSA advisories)', () => {
      // A joint advisory's appendix: `Table 5: Execution` over a `Technique Title | ID | Use` table, one table per tactic.
      const text = [
        'Table 5: Execution', '| Technique Title | ID | Use |', '|---|---|---|', '| User Execution: Malicious Link | T1204.001 | Used malicious links. |',
        '| Command and Scripting Interpreter: PowerShell | T1059.001 | Ran scripts. |', '',
        'The actors also used T1105 later on.', '| x | T1106 |', '',
        // Rows flattened to a line each by pdftotext: the caption holds through them, up to a caption naming no tactic.
        'Table 8. Credential Access', 'Technique Title ID Use', 'Brute Force T1110 Sent requests with encoded credentials.',
        'Table 9. BRICKSTORM Initiation Checks', 'Checked things T1497 in the sandbox.',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1204.001', ['Execution']],
        ['T1059.001', ['Execution']],
        ['T1105', []],
        ['T1106', []],
        ['T1110', ['Credential Access']],
        ['T1497', []],
      ]);
    });

    it('ends a caption\'s tactic where its table ends: a blank line, then prose or a heading', () => {
      // pdftotext of an advisory's appendix (our rows, in the shape of the one above): a row a line, then the text going on.
      // The sentence after the table and the IDs under it took the caption's Execution before.
      const text = [
        'Table 3: Execution', 'Technique Title ID Use', 'PowerShell T1059.001 Ran scripts.', 'Windows Command Shell T1059.003 Ran commands.', '',
        'The actors later dumped credentials with Mimikatz (T1003.001).', 'T1082 System Information Discovery', '',
        'Table 4: Discovery', 'Technique Title ID Use', 'Process Discovery T1057 Listed processes.', '', '## Remediation', 'T1105',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1059.001', ['Execution']],
        ['T1059.003', ['Execution']],
        ['T1003.001', []],
        ['T1082', []],
        ['T1057', ['Discovery']],
        ['T1105', []],
      ]);
    });

    it('gives each caption made a heading its tactic up to the next one (CISA AA24-109A\'s tables republished in Markdown)', () => {
      // test/corpus/reports/cisa-akira-aa24-109a-markdown-captions.yaml: `#### **Table 6: Command and Control**` over its
      // `| **Technique Title** | **ID** | **Use** |` table, rules (---) between some tables, `## Conclusion` after the last.
      const report = readCorpus().find((each) => each.file === 'cisa-akira-aa24-109a-markdown-captions.yaml')!;
      const byTactic = new Map<string, string[]>();
      for (const [id, [tactic, ...more]] of tactics(report.excerpt)) {
        expect(more, id).to.deep.equal([]);
        byTactic.set(tactic!, [...(byTactic.get(tactic!) ?? []), id]);
      }
      expect(Object.fromEntries(byTactic)).to.deep.equal({
        'Initial Access': ['T1078', 'T1190', 'T1133', 'T1566.001', 'T1566.002'],
        'Credential Access': ['T1003', 'T1003.001'],
        'Command and Control': ['T1219', 'T1090'],
        Collection: ['T1560.001'],
        Exfiltration: ['T1048', 'T1537', 'T1567.002'],
        Impact: ['T1486', 'T1490', 'T1657'],
      });
    });

    it('keeps a caption\'s tactic past a blank line to more rows, and through a use cell of one cell per line', () => {
      // Intel 471's and CISA's tables converted from PDF, one cell a line, blank lines between the cells.
      const text = [
        'Table 5: Execution', '', 'Technique Title', '', 'ID', '', 'Use', '', 'PowerShell', '', 'T1059.001', '',
        'The actors ran PowerShell scripts to stage the payload.', '', 'Windows Command Shell', '', 'T1059.003', '',
        'Native API T1106',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1059.001', ['Execution']],
        ['T1059.003', ['Execution']],
        ['T1106', ['Execution']],
      ]);
    });

    it('gives a caption in a page flattened to one line its tactic up to the next caption in that line, and no further', () => {
      // An OCR'd CISA/NSA/FBI advisory: each page one line, captions and rows run together.
      const text = [
        '> Logistics  TLP:CLEAR  See Table 2 through Table 14 for all the techniques.  Table 2: Reconnaissance  Tactic/Technique Title ID Use Gather Victim Identity T1589.002 Conducted contact information...',
        '> Logistics  TLP:CLEAR Tactic/Technique Title ID Use Content Injection T1659 Leveraged a WinRAR vulnerability. Table 5: Execution Tactic/Technique Title ID Use User Execution: Malicious Link | T1204.001 Used malicious links...',
      ].join('\n');
      expect(tactics(text)).to.deep.equal([
        ['T1589.002', ['Reconnaissance']],
        ['T1659', []],
        ['T1204.001', ['Execution']],
      ]);
    });

    it('reads a tactic written where a name stands as the reference\'s tactic (Execution（T1059.001）)', () => {
      // A Chinese write-up's chain of events: `Initial Access（T1566.001）→ Execution（T1059.001）→ ...`.
      const refs = extractReferences('Initial Access（T1566.001）→ Execution（T1059.001）→ Lateral Movement（T1021.001）\n');
      expect(refs.map((ref) => [ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
        ['T1566.001', undefined, ['Initial Access']],
        ['T1059.001', undefined, ['Execution']],
        ['T1021.001', undefined, ['Lateral Movement']],
      ]);
    });
  });

  it('prefers a name written with the ID to one guessed from the line beside a bare ID, met earlier', () => {
    // A StealthCup paper (pdftotext): a figure's list puts "N/A" above a bare T1588.005; its table names it later.
    const refs = extractReferences('Figure 3. Tools used\n\nN/A\nT1588.005\n\nLater in the text:\n\nObtain Capabilities: Exploits - T1588.005\n');
    expect(refs.map((ref) => [ref.ids[0], ref.name, ref.line])).to.deep.equal([['T1588.005', 'Obtain Capabilities: Exploits', 8]]);
    // The other way round, the name written with the ID stays.
    const kept = extractReferences('Obtain Capabilities: Exploits - T1588.005\n\nN/A\nT1588.005\n');
    expect(kept.map((ref) => [ref.ids[0], ref.name, ref.line])).to.deep.equal([['T1588.005', 'Obtain Capabilities: Exploits', 1]]);
  });

  describe(`the APT32 seed report (${APT32}): an ATT&CK table of one cell per line, with old IDs`, () => {
    const refs = extractReferences(seed(APT32));
    // As the table gives them: the report's typo "Spearphising" included, Regsvr32 under two tactics.
    const expected: Row[] = [
      { raw: 'Spearphishing Attachment (T1193)', line: 109, ids: ['T1193'], name: 'Spearphishing Attachment', tactics: ['Initial Access'] },
      { raw: 'Spearphising Link (T1192)', line: 109, ids: ['T1192'], name: 'Spearphising Link', tactics: ['Initial Access'] },
      { raw: 'Regsvr32 (T1117)', line: 113, ids: ['T1117'], name: 'Regsvr32', tactics: ['Execution', 'Defense Evasion'] },
      { raw: 'User Execution (T1204)', line: 113, ids: ['T1204'], name: 'User Execution', tactics: ['Execution'] },
      { raw: 'Standard Cryptographic Protocol (T1032)', line: 121, ids: ['T1032'], name: 'Standard Cryptographic Protocol', tactics: ['Command and Control'] },
      { raw: 'Custom Command and Control Protocol (T1094)', line: 121, ids: ['T1094'], name: 'Custom Command and Control Protocol', tactics: ['Command and Control'] },
    ];

    it('yields exactly the six IDs T1193, T1192, T1117, T1204, T1032, T1094, in order', () => {
      expect(refs.flatMap((ref) => ref.ids)).to.deep.equal(['T1193', 'T1192', 'T1117', 'T1204', 'T1032', 'T1094']);
    });
    for (const [i, expectedRow] of expected.entries()) {
      it(`reads ${expectedRow.ids[0]} as "${expectedRow.name}" under ${expectedRow.tactics.join(' and ')} (line ${expectedRow.line})`, () =>
        expect(row(refs[i])).to.deep.equal(expectedRow));
    }
    it('gives each raw text as it stands on its line of the report', () => {
      const lines = seed(APT32).split('\n');
      for (const ref of refs) expect(lines[ref.line - 1]).to.include(ref.raw);
    });
    it('reads the names ATT&CK 6.3 gives those IDs (but for the report\'s typo "Spearphising")', () => {
      const attack = loadRelease('6.3');
      for (const ref of refs) {
        const id = ref.ids[0] as string;
        const official = attack.technique(id)?.name ?? '';
        if (id === 'T1192') expect(official).to.equal('Spearphishing Link');
        else expect(nameKey(ref.name ?? ''), id).to.equal(nameKey(official));
      }
    });
    it('reads tactics ATT&CK 6.3 knows by those names', () => {
      const attack = loadRelease('6.3');
      for (const tactic of refs.flatMap((ref) => ref.tactics)) expect(attack.tactic(tactic)?.name, tactic).to.equal(tactic);
    });
  });

  it('takes no name from a field of a rule file or a JSON member beside a bare ID (reports5: YARA meta, TOML, MISP)', () => {
    const text = [
      '    meta:',
      '        mitre_att_technique = "T1110.003"',
      '        tool_owner = "Outflank"',
      '',
      '// [[rule.threat.technique]]',
      '// id = "T1574"',
      '',
      '      {"name": "merlino:name=\\"Advanced Multistage Attack Detection\\""},',
      '      {"name": "misp-galaxy:mitre-attack-pattern=\\"T1498\\""},',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids.join('+'), ref.name, ref.raw])).to.deep.equal([
      ['T1110.003', undefined, 'T1110.003'],
      ['T1574', undefined, 'T1574'],
      ['T1498', undefined, 'T1498'],
    ]);
  });

  it(`finds nothing in the TEMP.Periscope seed report (${PERISCOPE}), which has no technique IDs`, () => {
    check(seed(PERISCOPE), []);
  });

  it('names an ID written as a label alone on its line by the line after it (reports6 04)', () => {
    // One word per line, as PDF-to-text leaves a narrow table column: the line before is the last row's.
    const text = ['obfuscated code, obfuscated pay-', 'loads', 'T1566.001:', 'Spearphishing', 'Attachment,', 'T1140:', 'De-', 'obfuscation'].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.name, ref.line])).to.deep.equal([
      ['T1566.001', 'Spearphishing', 3],
      ['T1140', 'De-', 6],
    ]);
  });

  it('takes no key of a key/value row for a name (reports6 16)', () => {
    // A worksheet converted from docx by pandoc: one table of `| **KEY:** | value |` rows per command.
    const text = ['| Command: **tasklist /v** | |', '|---|---|', '| **TECHNIQUE NAME:** | Process Discovery |', '| **ID DA TÉCNICA:** | T1057 |', '| Tool | T1016 |'].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.name])).to.deep.equal([
      ['T1057', undefined],
      ['T1016', 'Tool'],
    ]);
  });

  it('reads a technique key in any language as a label: its value is the reference, the tactic key above it stands (reports6 14)', () => {
    // A Spanish incident plan's ATT&CK list: lower-case `de` made the value a sentence, which ended the tactic's reach.
    const lines = (tactic: string, technique: string, name: string) => [`- **${tactic}: Persistencia**`, `  - ${technique}: ${name} (T1601)`, '    - Descripción: Los atacantes pueden modificarla.'];
    const rows = [
      ['Táctica', 'Técnica', 'Manipulación de Configuración de Dispositivos'],
      ['Tactic', 'Technique', 'Modify System Image'],
      ['Tattica', 'Tecnica', 'Manipolazione della configurazione dei dispositivi'],
      ['Tatica', 'Tecnica', 'Manipulação da configuração de dispositivos'],
      ['Tactique', 'Technique', 'Manipulation de la configuration des appareils'],
      ['Taktik', 'Technik', 'Manipulation der Gerätekonfiguration'],
    ] as const;
    for (const [tactic, technique, name] of rows) {
      expect(extractReferences(lines(tactic, technique, name).join('\n')).map((ref) => [ref.raw, ref.name, ref.tactics])).to.deep.equal([[`${name} (T1601)`, name, ['Persistence']]]);
    }
    // A sentence after the key is still one: read as prose, its name only the words before the bracket.
    expect(extractReferences('Technique: the attackers changed the image of the router (T1601) so that it persists.')[0]?.name).to.equal('router');
  });

  it('reads the name after an ID and a dash inside a bracket up to the bracket\'s end, its last word included', () => {
    // KvXbyte/trace_output-portfolio- 'research_node[threats]/threat_reports/blackcat_ransomware.md' (no licence stated;
    // our own lines in its shape): `- **Exfiltration:** Rclone for data theft (T1041 – Exfiltration Over C2 Channel)`
    // was read as "Exfiltration Over C2", the word glued to the closing bracket dropped; `(T1059 - PowerShell)` had none.
    const text = [
      '- **Exfiltration:** Rclone for data theft (T1041 – Exfiltration Over C2 Channel)',
      'The actors used PowerShell (T1059.001 - Command and Scripting Interpreter: PowerShell) to run scripts.',
      'They ran commands [T1059 - Command and Scripting Interpreter].',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.name])).to.deep.equal([
      ['T1041', 'Exfiltration Over C2 Channel'],
      ['T1059.001', 'Command and Scripting Interpreter: PowerShell'],
      ['T1059', 'Command and Scripting Interpreter'],
    ]);
  });

  it('reads a technique column\'s cell as a name though it has another language\'s small words (3AM ransomware, Portuguese)', () => {
    // A Portuguese write-up's table of the 3AM ransomware (grid tables, `Tática | Técnica | | Detalhes`): `de`, `ou`, `do`
    // made a cell of five words or more a sentence, and only its short names (`Parada de Serviço`) were read.
    const text = [
      '| Tática | Técnica | ID | Detalhes |', '|---|---|---|---|',
      '| Escalação de Privilégios (TA0004) | Criar ou modificar processo do sistema | T1543.003 | O ator usou o PsExec. |',
      '| Impacto (TA0040) | Inibir a recuperação do sistema | T1490 | apagou as cópias de sombra do disco |',
      '| | Parada de Serviço | T1489 | |',
      // A full stop ending the cell is the cell's, not a sentence's (three such cells of the 3AM table's eleven).
      '| | Dados criptografados para impacto. | T1486 | |', '',
      // Outside a technique column, such words are a description: no name.
      '| ID | Observação |', '|---|---|', '| T1070.004 | apagou os arquivos do disco depois |',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.line, ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
      [3, 'T1543.003', 'Criar ou modificar processo do sistema', ['TA0004: Privilege Escalation']],
      [4, 'T1490', 'Inibir a recuperação do sistema', ['TA0040: Impact']],
      [5, 'T1489', 'Parada de Serviço', ['TA0040: Impact']],
      [6, 'T1486', 'Dados criptografados para impacto', ['TA0040: Impact']],
      [10, 'T1070.004', undefined, []],
    ]);
  });

  it('reads a short sentence in Korean or Russian as a sentence, its words in lower case or without case counted as English ones are', () => {
    // A Russian threat-hunting course's hypotheses (chapter 10.1; reconstructed, no licence stated) and a Korean sentence in
    // the shape of a Korean incident note's: only words in [a-z] were counted, so these lines were read as table-like
    // text, the whole sentence before the bracket its name.
    const names = (text: string): Array<[string, string | undefined]> => extractReferences(text).map((ref) => [ref.ids.join('+'), ref.name]);
    expect(names('H-003: Данные эксфильтруются через DNS-туннелирование (T1048.003)\n')).to.deep.equal([['T1048.003', undefined]]);
    expect(names('затем атакующий использовал PowerShell (T1059.001)\n')).to.deep.equal([['T1059.001', 'PowerShell']]);
    expect(names('Атакующий использовал Scheduled Task (T1053.005) для входа.\n')).to.deep.equal([['T1053.005', 'Scheduled Task']]);
    expect(names('공격자는 Valid Accounts (T1078)를 사용했다.\n')).to.deep.equal([['T1078', 'Valid Accounts']]);
    expect(names('공격자는 Remote Desktop Protocol (T1021.001)로 접근했다\n')).to.deep.equal([['T1021.001', 'Remote Desktop Protocol']]);
    // Tables stay tables: English names with their small words, and a Korean note's technique cell with Korean words in it.
    const table = [
      '| 전술 | 기법 | ID |', '|------|------|----|',
      '| Initial Access | Exploit Public-Facing Application (CVE-2025-29927 인증 우회) | T1190 |',
      '| Exfiltration | Exfiltration Over Alternative Protocol: Exfiltration Over Unencrypted Non-C2 Protocol | T1048.003 |',
    ].join('\n');
    expect(names(table)).to.deep.equal([
      ['T1190', 'Exploit Public-Facing Application (CVE-2025-29927 인증 우회)'],
      ['T1048.003', 'Exfiltration Over Alternative Protocol: Exfiltration Over Unencrypted Non-C2 Protocol'],
    ]);
    // A short item is one too, in any script.
    expect(names('- Exfiltration Over Unencrypted Non-C2 Protocol T1048.003\n- 공격자 계정 사용 T1078\n')).to.deep.equal([
      ['T1048.003', 'Exfiltration Over Unencrypted Non-C2 Protocol'],
      ['T1078', '공격자 계정 사용'],
    ]);
  });

  it('keeps apart a mention named by the row above with a name of its own, and its warning (Rhysida\'s second T1021.002)', () => {
    // Each of the write-up's cells of two paragraphs became two rows: a name, then the ID under it.
    const text = [
      '| Tática | Técnica | Detalhes |', '|:---:|:---:|:---:|',
      '| Movimentação Lateral | Remote Services: PsExec | Utilização da ferramenta PsExec para execução remota |', '| TA0008 | T1021.002 | |',
      '| | Remote Services: Cobalt Strike | Utilização da ferramenta para movimentação lateral |', '| | T1021.002 | |',
      // A mention whose name agrees with the ID tells nothing more: it joins the first.
      '| | Remote Services: SMB/Windows Admin Shares | Compartilhamentos administrativos |', '| | T1021.002 | |',
    ].join('\n');
    const refs = extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') }).references;
    expect(refs.map((ref) => [ref.line, ref.name, ref.tactics, ref.resolution?.ids, ref.resolution?.warnings, ref.lines])).to.deep.equal([
      [3, 'Remote Services: PsExec', ['Lateral Movement'], ['T1021.002'], [
        '"PsExec" in the name "Remote Services: PsExec" is not T1021.002 Remote Services: SMB/Windows Admin Shares; T1021.002 kept as written: check it',
      ], [3, 7]],
      [5, 'Remote Services: Cobalt Strike', ['Lateral Movement'], ['T1021.002'], [
        '"Cobalt Strike" in the name "Remote Services: Cobalt Strike" is not T1021.002 Remote Services: SMB/Windows Admin Shares; T1021.002 kept as written: check it',
      ], undefined],
    ]);
  });

  it('names each ID of a table whose cells ran together on one line by its name cell, cut where the next cell starts (Microsoft blog, scraped)', () => {
    // A Microsoft Security Blog post as a blog mirror scraped it: Tactic, Technique ID, Technique name and How it presents
    // run together, each name glued to the description after it (`SSHThreat`), each ID to the cells before it.
    const text = [
      'TacticTechnique IDTechnique nameHow it presentsLateral MovementT1021.004Remote Services: SSHThe actor used SSH to reach the host',
      'ExecutionT1059.004Command and Scripting Interpreter: Unix ShellThe actor ran a shell scriptT1059.006Command and Scripting Interpreter: PythonDiscoveryT1083File and Directory DiscoveryCollectionT1005Data from Local SystemThe scan results were kept',
      // A description that starts with a word in capitals (`InterpreterHTA-delivered`).
      'ExecutionT1059Command and Scripting InterpreterHTA-delivered script content ran in the mshta.exe process',
    ].join('\n');
    const refs = extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') }).references;
    expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.ids])).to.deep.equal([
      [1, 'Remote Services: SSH', ['T1021.004']],
      [2, 'Command and Scripting Interpreter: Unix Shell', ['T1059.004']],
      [2, 'Command and Scripting Interpreter: Python', ['T1059.006']],
      [2, 'File and Directory Discovery', ['T1083']],
      [2, 'Data from Local System', ['T1005']],
      [3, 'Command and Scripting Interpreter', ['T1059']],
    ]);
    // No name warning is left: each name read is its technique's exact name.
    expect(refs.flatMap((ref) => ref.resolution?.warnings ?? []).filter((warning) => / name /.test(warning))).to.deep.equal([]);
  });

  it('gives each ID of a table\'s rows run together on one line the tactic glued before it, and a row without one the tactic above (Microsoft blog, scraped)', () => {
    // Each row's tactic cell is glued to the description before it (`hostExecution`, `SSHCommand and Control`); a row
    // under the same tactic has none (`…scriptT1059.006`). The line's first tactic is its first row's, not every row's.
    const text = [
      'Tactic Technique ID Technique name How it presents',
      'ExecutionT1059.004Command and Scripting Interpreter: Unix ShellThe actor ran a shell scriptT1059.006Command and Scripting Interpreter: PythonDiscoveryT1083File and Directory DiscoveryThe actor listed filesCollectionT1005Data from Local SystemThe results went out over SSHCommand and ControlT1105Ingress Tool TransferTools came with wget',
    ].join('\n');
    const refs = extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') }).references;
    expect(refs.map((ref) => [ref.resolution?.ids, ref.name, ref.tactics, ref.resolution?.warnings])).to.deep.equal([
      [['T1059.004'], 'Command and Scripting Interpreter: Unix Shell', ['Execution'], []],
      [['T1059.006'], 'Command and Scripting Interpreter: Python', ['Execution'], []],
      [['T1083'], 'File and Directory Discovery', ['Discovery'], []],
      [['T1005'], 'Data from Local System', ['Collection'], []],
      [['T1105'], 'Ingress Tool Transfer', ['Command and Control'], []],
    ]);
  });

  it('reads a scraped table\'s rows run together past a character reference\'s semicolon (Microsoft blog, scraped)', () => {
    // `&#8230;` is a scraped page's ellipsis: its semicolon is no clause's end, so both rows are read as rows of one table.
    const text = 'TacticTechnique IDTechnique nameObserved detailsExecutionT1204.002User Execution: Malicious FileThe user opened a file on device a31&#8230;b13.Defense EvasionT1218.005System Binary Proxy Execution: MshtaThe binary ran the script.';
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([
      ['T1204.002', ['Execution']],
      ['T1218.005', ['Defense Evasion']],
    ]);
  });

  it('keeps every tactic of a list separated by semicolons, in a row run together or in brackets after a name', () => {
    // The F5/Confluence post's table, scraped (Microsoft blog via a GitHub mirror, /tmp/s40-extract/pages): the row's
    // tactic cell lists three tactics, which the semicolons split into clauses, leaving the row only the last.
    const text = [
      'PersistenceT1505Server Software ComponentPersistent access to the Confluence web server through web shellDefense Evasion; Persistence; Privilege EscalationT1078.002Valid Accounts: Domain AccountsUsed the domain credentials of the Confluence server for subsequent attacksCredential AccessT1187Forced AuthenticationThreat actor targeted the hosts',
      'T1053.005 Scheduled Task (Execution; Persistence; Privilege Escalation)',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([
      ['T1505', ['Persistence']],
      ['T1078.002', ['Defense Evasion', 'Persistence', 'Privilege Escalation']],
      ['T1187', ['Credential Access']],
      ['T1053.005', ['Execution', 'Persistence', 'Privilege Escalation']],
    ]);
  });

  it('gives items keyed by their ID, each a sentence, the tactic line above them (Microsoft blog, scraped)', () => {
    // The post's list of techniques under tactic lines, its Markdown headings lost: `ID Name: what was done.`
    const text = [
      'Initial Access', '',
      'T1566.004 Phishing: Spearphishing Voice: Calling staff as IT support to get access.', '',
      'Persistence', '',
      'T1671 Cloud Application Integration: Connected apps kept access to the tenant.', '',
      // A sentence that is no item keyed by its ID still ends the tactic line's reach.
      'Collection', '',
      'Data was taken from the CRM (T1213.004).', '',
      'T1567 Exfiltration Over Web Service: A fake loader sent the data out.',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([
      ['T1566.004', ['Initial Access']],
      ['T1671', ['Persistence']],
      ['T1213.004', []],
      ['T1567', []],
    ]);
  });

  it('keeps a tactic line\'s tactic past the sentence ending in a colon that introduces its IDs (Unit 42 threat assessment, scraped)', () => {
    // Our own words in the layout of Unit 42's "Threat Assessment: BlackCat Ransomware" courses-of-action table as a
    // page scrape leaves it (TomInTheBytes/GenAI-Threat-Intelligence-Research, knowledge/documents/reports/ALPHV,
    // BlackCat Gang/Threat_Assessment:_BlackCat_Ransomware.md): a tactic row, a lead-in sentence, the techniques, then
    // the products' rows, with no tactic of their own.
    const text = [
      'Discovery', '', '',
      'The steps below counter these techniques:',
      'Process Discovery [T1057], File and Directory Discovery [T1083]', '',
      'ENDPOINT AGENT',
      'Turn on behaviour blocking in the malware profile', '', '',
      'Lateral Movement', '', '',
      'The steps below counter these techniques:',
      'Lateral Tool Transfer [T1570]', '',
      'FIREWALL',
      'Block every file type on all decoders', '',
      // A sentence that ends in a colon after anything but a tactic line still ends the tactic's reach.
      'Exfiltration', '',
      'Check that every URL is logged',
      'These are the techniques seen:',
      'Exfiltration to Cloud Storage [T1567.002]', '',
      // So does a key (a Splunk rule's, its kill chain phase named as a tactic is): it is no sentence.
      'kill_chain_phases:', '- Lateral Movement',
      'mitre_attack_id:', '- T1087.004',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([
      ['T1057', ['Discovery']],
      ['T1083', ['Discovery']],
      ['T1570', ['Lateral Movement']],
      ['T1567.002', []],
      ['T1087.004', []],
    ]);
  });

  it('reads a line listing names and IDs with commas as a list, not a sentence, however many words it holds (Unit 42 threat assessment, scraped)', () => {
    // The same table's last row in our own words: three techniques on one line, more than twelve words in all.
    const text = [
      'Impact', '',
      'Data Encrypted for Impact [T1486], Service Stop [T1489], Inhibit System Recovery [T1490]', '',
      'Collection', '',
      // A sentence whose clauses hold IDs is still one: the tactic line above does not reach it.
      'The actor staged the files locally [T1074.001], then archived them with a utility [T1560.001].',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.tactics])).to.deep.equal([
      ['T1486', ['Impact']],
      ['T1489', ['Impact']],
      ['T1490', ['Impact']],
      ['T1074.001', []],
      ['T1560.001', []],
    ]);
    // Clauses whose words are not a name's are a sentence's, each ID named by the words before it, as before (a
    // `layers combine` log line of our own tool's wording).
    const log = '/techniques/2: T1117 (Regsvr32) is revoked; replaced by T1218.010 (Regsvr32)';
    expect(extractReferences(log).map((ref) => [ref.ids[0], ref.name])).to.deep.equal([
      ['T1117', 'Regsvr32'],
      ['T1218.010', 'Regsvr32'],
    ]);
    // Nor is an item led by a key in lower case a name (a campaign file's `evidence:` field): the key is no part of it.
    const field = 'evidence: Standard Cryptographic Protocol (T1032), Custom Command and Control Protocol (T1094)';
    expect(extractReferences(field).map((ref) => [ref.ids[0], ref.name])).to.deep.equal([
      ['T1032', 'Standard Cryptographic Protocol'],
      ['T1094', 'Custom Command and Control Protocol'],
    ]);
  });

  it('reads an Arabic table\'s headers: the technique column\'s cells are names, the tactic column\'s tactics (a Gulf researcher\'s report)', () => {
    // Our own words in the layout of screem500/cti-reports, 002-kikimora-qatarat/report_ar.md, section 6: Arabic headers
    // (tactic, technique, identifier), tactics in English, names in Arabic with ATT&CK's in brackets.
    const text = [
      '| التكتيك | التقنية | المعرف |',
      '|---------|---------|--------|',
      '| Execution | تشغيل ملف خبيث (User Execution) | T1204.002 |',
      '| Defense Evasion | تعطيل برامج الحماية (Impair Defenses) | T1562.001 |',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
      ['T1204.002', 'تشغيل ملف خبيث (User Execution)', ['Execution']],
      ['T1562.001', 'تعطيل برامج الحماية (Impair Defenses)', ['Defense Evasion']],
    ]);
  });

  it('takes no name for a hunt table\'s ID from its data source or query cell (a French CTI digest)', () => {
    // `TTP associé` is the column of the row's ID; the cells beside it say where and how to hunt, not what it is named.
    const text = [
      '| Hypothèse | TTP associé | Source de données | Requête / Méthode de recherche |', '|---|---|---|---|',
      '| Des VM QEMU cachées tournent | T1564.006 | Logs EDR / Process | `process_name == "qemu-system-x86_64.exe"` |',
      '| Hypothesis | Associated TTP | Data source | Query |', '|---|---|---|---|',
      '| Tasks run the loader | T1053.005 | Security / 4698 | `EventID=4698` |',
    ].join('\n');
    const refs = extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') }).references;
    expect(refs.map((ref) => [ref.line, ref.name, ref.resolution?.ids, ref.resolution?.warnings])).to.deep.equal([
      [3, undefined, ['T1564.006'], []],
      [6, undefined, ['T1053.005'], []],
    ]);
  });

  it('takes no name for an ID from a cell whose header says it records or detects it, nor from cells past that one (an Azure note, detection READMEs)', () => {
    // Re-told layouts: a Japanese note on ATT&CK in Azure (code index file 68748531432, section 13 `戦術と検知の対応表`):
    // `| 戦術 | 代表技術（ID） | 既定で残る記録 | …`, the records Azure keeps by default beside each row's IDs; a traffic
    // detection page (file 63281152504: `| ID | Detection | Logic | Data source | ATT&CK | Severity |`); a Wazuh lab's
    // coverage (file 55589145183: `| ID | Detection | Custom Rule | Log Source | MITRE ATT&CK |`); a SOC lab's matrix
    // (file 42041449344: `| Technique ID | Detection Coverage | Alert Volume |`).
    const text = [
      '| 戦術 | 代表技術（ID） | 既定で残る記録 | 記録が欠ける条件 |', '|---|---|---|---|',
      '| 権限昇格 | T1548.005、T1098.003 | elevateAccess、ロール割り当て | 一件ずつは正当 |', '',
      '| ID | Detection | Logic | Data source | ATT&CK | Severity |', '|---|---|---|---|---|---|',
      '| OUT-02 | DGA activity | Many NXDOMAIN answers for one host | DNS logs | T1568.002 | high |', '',
      '| ID | Detection | Custom Rule | Log Source | MITRE ATT&CK |', '|---|---|---|---|---|',
      '| DET-002 | New local account | 100101 | Windows Security logs | T1136.001 |', '',
      '| Technique ID | Detection Coverage | Alert Volume |', '|---|---|---|',
      '| T1003.001 | 95% | 8/day |', '',
      // A name column still names the IDs beside it, and a row whose cells do not line up with the header's (AsciiDoc's
      // row span `.2+|`, which splits as a cell more) is read as without a header.
      '| ID | Technique | Notes |', '|---|---|---|', '| T1059.001 | PowerShell | seen twice |', '',
      '|===', '|Tactic |ID |Notes', '.2+|Persistence |T1053.005 |Scheduled Task |', '|===',
    ].join('\n');
    const refs = extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') }).references;
    expect(refs.map((ref) => [ref.line, ref.ids[0], ref.name, ref.resolution?.warnings])).to.deep.equal([
      [3, 'T1548.005', undefined, []],
      [3, 'T1098.003', undefined, []],
      [7, 'T1568.002', undefined, []],
      [11, 'T1136.001', undefined, []],
      [15, 'T1003.001', undefined, []],
      [19, 'T1059.001', 'PowerShell', []],
      [23, 'T1053.005', 'Scheduled Task', []],
    ]);
  });

  it('takes no name for an ID from a column of a rule, its logic, the table it queries or its result, a header of no column\'s role included', () => {
    // Re-told layouts: a Wazuh SOC lab's `| Detection | Data Source | Built-in Rule | Custom Rule | MITRE | Result |`
    // (code index file 56768725933, section 7 "Custom Rules Developed"), no column of which has a role: the rule numbers
    // have no letter, so the data source cell (`Linux auth.log`) was T1110's name; the query indexes of Defender and
    // Sentinel hunting notes in KQL (file 55508259024: `| # | Query | Use Case | Key Table |`), here with an ID column;
    // a detection page's `Logic` (file 63281152504).
    const text = [
      '| Detection | Data Source | Built-in Rule | Custom Rule | MITRE | Result |', '|---|---|---:|---:|---|---|',
      '| SSH brute force | Linux `auth.log` | 5712 | 100100 | T1110 | Passed |',
      '| Suspicious PowerShell | Sysmon Event ID 1 | 61603 | 100120 | T1059.001 | Passed |', '',
      '| Technique ID | Key Table | Logic |', '|---|---|---|',
      '| T1003.001 | DeviceEvents | LSASS opened by an unsigned process |', '',
      // A name column still names the IDs beside it, and a header of no role and no such column is no header here.
      '| Custom Rule | Technique | ID |', '|---|---|---|', '| 100130 | Exploit Public-Facing Application | T1190 |', '',
      '| Host | Seen |', '|---|---|', '| Valid Accounts | T1078 |',
    ].join('\n');
    const refs = extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') }).references;
    expect(refs.map((ref) => [ref.line, ref.ids[0], ref.name, ref.resolution?.warnings])).to.deep.equal([
      [3, 'T1110', undefined, []],
      [4, 'T1059.001', undefined, []],
      [8, 'T1003.001', undefined, []],
      [12, 'T1190', 'Exploit Public-Facing Application', []],
      [16, 'T1078', 'Valid Accounts', []],
    ]);
  });

  it('gives the IDs of a matrix\'s cells the tactic of their column (a README\'s mapping, Exabeam\'s content pages)', () => {
    // A header of tactic columns over technique cells: the row held no tactic, nor did the table.
    const text = [
      '| Reconnaissance | Initial Access | Lateral Moves | Command and Control |', '|:---:|:---:|:---:|:---:|',
      '| T1595 Scanning | T1566 Phishing | T1021 Remote Svc | |',
      '| | [Valid Accounts](https://attack.mitre.org/techniques/T1078)<br><br> | T1570 | T1105 |', '',
      // A table after it, a blank line between, has none of its columns.
      '| ID | Name |', '|---|---|', '| T1110 | Brute Force |',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.line, ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
      [3, 'T1595', 'Scanning', ['Reconnaissance']],
      [3, 'T1566', 'Phishing', ['Initial Access']],
      // A column whose header names no tactic has none; a cell's ID alone takes no name from the cells beside it.
      [3, 'T1021', 'Remote Svc', []],
      [4, 'T1078', 'Valid Accounts', ['Initial Access']],
      [4, 'T1570', undefined, []],
      [4, 'T1105', undefined, ['Command and Control']],
      [8, 'T1110', 'Brute Force', []],
    ]);
  });

  it('names the IDs of a row that goes on from the row above with that row\'s technique cell (Rhysida, Portuguese, from docx)', () => {
    // Each cell of two paragraphs became two rows: the tactic and the technique's name, then the TA ID and the ID.
    const text = [
      '| Tática | Técnica | Detalhes |', '|:---:|:---:|:---:|',
      '| Acesso Inicial | Phishing | Rhysida usa iscas de phishing. |', '| TA0001 | T1566 | |',
      '| Execução | Interpretador de Comandos e Scripts: PowerShell | Usa o PowerShell. |', '| | T1059.001 | |',
      // A row with words of its own is a row of its own: its ID takes no name from above.
      '| Impacto | Inibe a Recuperação do Sistema | Executa o vssadmin. |', '| | T1490 | Remove as cópias de sombra dos volumes. |',
    ].join('\n');
    // With ATT&CK data, the name above (`Phishing`, a technique's) is no reference of its own beside its ID's.
    const refs = extractReport(text, { target: loadRelease('18.1', 'enterprise-attack') }).references;
    expect(refs.map((ref) => [ref.line, ref.raw, ref.name, ref.tactics, ref.resolution?.ids])).to.deep.equal([
      [3, 'Phishing | T1566', 'Phishing', ['Initial Access'], ['T1566']],
      [5, 'Interpretador de Comandos e Scripts: PowerShell | T1059.001', 'Interpretador de Comandos e Scripts: PowerShell', ['Execution'], ['T1059.001']],
      [8, 'T1490', undefined, ['Impact'], ['T1490']],
    ]);
  });

  it('carries the tactic cell of a row without ID to the rows under it without ATT&CK data too (Rhysida, Portuguese)', () => {
    // `| TA0005 | Remoção do Indicador: … |` holds the name of the ID in the row below: without ATT&CK data (no names
    // looked up), its tactic was not read, and the ID under it took the tactic of the last row of IDs, TA0002.
    const text = [
      '| Tática | Técnica | Detalhes |', '|:---:|:---:|:---:|',
      '| TA0002 | T1059.003 | |',
      '| TA0005 | Remoção do Indicador: Exclusão de Arquivos | Rhysida se exclui após a execução. |', '| | T1070.004 | |',
    ].join('\n');
    expect(extractReferences(text).map((ref) => [ref.line, ref.ids[0], ref.tactics])).to.deep.equal([
      [3, 'T1059.003', ['TA0002']],
      [4, 'T1070.004', ['TA0005']],
    ]);
  });

  it('reads a tactic label whose name has a conjunction inside (reports6 14 `Táctica: Defensa y Evasión`)', () => {
    const text = ['- **Táctica: Defensa y Evasión**', '  - Técnica: Ofuscación de Comunicaciones (T1573)', '- **Táctica: Ejecución y Persistencia**', '  - T1053.005'];
    expect(extractReferences(text.join('\n')).map((ref) => [ref.ids, ref.tactics])).to.deep.equal([
      [['T1573'], ['Defense Evasion']],
      [['T1053.005'], ['Execution', 'Persistence']],
    ]);
  });

  it('reads an HTML table set on one line row by row, each name from its cell (reports6 15)', () => {
    // A GitBook page's table: the whole table on one line, a description cell with sentences in each row.
    const table =
      '<table><thead><tr><th>Technique</th><th width="125">ID</th><th>Description</th></tr></thead><tbody>' +
      '<tr><td>Phishing: Spearphishing Attachment</td><td>T1566.001</td><td>Malicious attachment to gain access</td></tr>' +
      '<tr><td>Valid Accounts: Cloud Accounts</td><td>T1078.004</td><td>Compromised cloud credentials</td></tr></tbody></table>';
    const idFirst = '<table><tr><th>ID</th><th>Technique</th></tr><tr><td>T1059.001</td><td>PowerShell</td><td>Runs the script</td></tr></table>';
    expect(extractReferences(['### Initial Access', '', table, '', '### Execution', '', idFirst].join('\n')).map((ref) => [ref.ids, ref.name, ref.tactics])).to.deep.equal([
      [['T1566.001'], 'Phishing: Spearphishing Attachment', ['Initial Access']],
      [['T1078.004'], 'Valid Accounts: Cloud Accounts', ['Initial Access']],
      [['T1059.001'], 'PowerShell', ['Execution']],
    ]);
  });

  it('reads names without the HTML tags and character references around or inside them', () => {
    const text = [
      '| Tactic | Technique | ID |',
      '|---|---|---|',
      '| Execution | <strong>Command and Scripting Interpreter</strong> | T1059 |',
      '| Persistence | Registry Run Keys /<br>Startup Folder | T1547.001 |',
      '',
      '<li><strong>Phishing: Spearphishing Link</strong> (T1566.002)</li>',
      '<p>Valid Accounts<br>T1078</p>',
      '- **T1003.001** &ndash; LSASS Memory<br>',
      '- Account Discovery <span class="id">(T1087)</span>',
    ];
    expect(extractReferences(text.join('\n')).map((ref) => ref.name)).to.deep.equal([
      'Command and Scripting Interpreter',
      'Registry Run Keys / Startup Folder',
      'Phishing: Spearphishing Link',
      'Valid Accounts',
      'LSASS Memory',
      'Account Discovery',
    ]);
  });

  it('takes no column header\'s word beside an ID for a name (a CISA table whose IDs a PDF conversion moved a row up)', () => {
    const table = ['| Defense Evasion                   |           |', '| --------------------------------- | --------- |', '| Technique Title                   | T1027     |', '| Modify Registry                   | T1112     |'];
    expect(extractReferences(table.join('\n')).map((ref) => [ref.ids[0], ref.name ?? null])).to.deep.equal([
      ['T1027', null],
      ['T1112', 'Modify Registry'],
    ]);
  });

  it('takes no count cell or cell with an ID inside a word for a name, and no line beside a spaced-out heading\'s ID (reports5 08, 03)', () => {
    const table = ['| Meta-Dataset | Datasets | MITRE Techniques |', '|---|---|---|', '| [dumping-t1003](meta/dumping-t1003/) | 7 | T1003.001-.003 |'];
    const heading = ['2020 Threat Detection Report', '', 'T E C H N I Q U E   T 1 1 9 3', '', 'Definition'];
    expect(extractReferences([...table, '', ...heading].join('\n')).map((ref) => [ref.raw, ref.name, ref.line, ref.lines])).to.deep.equal([
      // `dumping-t1003` names a dataset: an ID joined to a word is no reference, and its cell no technique's name.
      ['T1003.001-.003', undefined, 3, undefined],
      ['T 1 1 9 3', undefined, 7, undefined],
    ]);
  });

  it('reads an Atomic Red Team path once as its technique, a file named for a technique as it, and no such file glued to a word (Red Canary 2020 Threat Detection Report)', () => {
    // The Process Injection section's test of the Red Canary 2020 Threat Detection Report: a PowerShell line fetching
    // `atomics/T1055/src/x64/T1055.dll` to `$env:TEMP\T1055.dll`, then its telemetry `T1055.dll`; as PDF-to-text writes
    // it, slashes and backslashes lost and dots escaped (`atomicsT1055srcx64T1055\.dll \-OutFile $env:TEMPT1055\.dll`).
    // Reconstructed in our own words, with the same paths and file names.
    check(
      [
        'Fetch the test from atomics/T1055/src/x64/T1055.dll first.',
        'Invoke-WebRequest atomicsT1055srcx64T1055\\.dll \\-OutFile $env:TEMPT1055\\.dll',
        'then inject $env:TEMP\\T1055.dll; telemetry: T1055.dll, T1055-x64.exe and T1059.001.ps1',
      ].join('\n'),
      [
        { raw: 'T1055', line: 1, ids: ['T1055'], tactics: [] },
        { raw: 'T1059.001.ps1', line: 3, ids: ['T1059.001'], tactics: [] },
      ],
    );
    // The path's file (`atomics/T1055/src/x64/T1055.dll`) is the folder's reference; the files of line 3 cite T1055 again,
    // the PDF-to-text's `TEMPT1055.dll` (glued to `TEMP`) not at all.
    expect(extractReferences('Fetch the test from atomics/T1055/src/x64/T1055.dll first.\nInvoke-WebRequest $env:TEMPT1055\\.dll\nthen inject $env:TEMP\\T1055.dll').map((ref) => ref.lines)).to.deep.equal([[1, 3]]);
  });

  it('reads MITRE ATLAS\'s prefix as part of the ID, no name, and the words beside it as its name', () => {
    // ATLAS IDs as atlas-data (mitre-atlas/atlas-data, Apache-2.0) and Attack Flow Builder write them. Before, `AML` was
    // the name of each, and the words after the ID were dropped. Reconstructed in our own words.
    check(['AML.T0012 Valid Accounts', 'Craft Adversarial Data (AML.T0043)', 'The agent ran AML.T0051.000 to leak data.'].join('\n'), [
      { raw: 'AML.T0012 Valid Accounts', line: 1, ids: ['T0012'], name: 'Valid Accounts', tactics: [] },
      { raw: 'Craft Adversarial Data (AML.T0043)', line: 2, ids: ['T0043'], name: 'Craft Adversarial Data', tactics: [] },
      { raw: 'AML.T0051.000', line: 3, ids: ['T0051.000'], tactics: [] },
    ]);
  });

  it('takes no key in snake case before an ID for its name (an emulation framework\'s module specification in YAML)', () => {
    // The RedSim framework's README specifies a module in YAML (`module_id: T1003.001`, `name: OS Credential Dumping - LSASS
    // Memory`, then `technique: T1003 - OS Credential Dumping`); a DeTT&CT techniques file keys its records
    // `technique_id: T1059.001`. Before, `module_id` and `technique_id` were the IDs' names. Reconstructed in our own words.
    check(
      ['module_id: T1003.001', 'platform: Windows', '', 'techniques:', '  - technique_id: T1059.001', '    technique_name: PowerShell'].join('\n'),
      [
        { raw: 'T1003.001', line: 1, ids: ['T1003.001'], tactics: [] },
        { raw: 'T1059.001', line: 5, ids: ['T1059.001'], tactics: [] },
      ],
    );
  });

  it('finds nothing in text with look-alikes: CVE, hashes, TA/G/S IDs, test IDs, T-numbers in longer words', () => {
    check(
      [
        'Exploits CVE-2017-11882 and CVE-2018-0802; MD5: d739f10933c11bd6db9677f91893986c.',
        '  • A150-096 - Malicious File Transfer - APT32, METALJACK, Download',
        'Group G0050 used S0227 under TA0005 Defense Evasion.',
        'Ticket XT12345, model T12345, build T1193-2020, address 112.66.188.28',
      ].join('\n'),
      [],
    );
  });

  describe('the use after a row\'s ID under a header whose columns PDF text ran together (Technique Title ID Use)', () => {
    const evidence = (text: string) => extractReferences(text).map((ref) => [ref.line, ref.ids[0], ref.name, ref.evidence]);

    it('reads the use after each row\'s ID, with the lines it wraps onto, as the row\'s evidence (AA24-109A as PDF text)', () => {
      // CISA/FBI/EC3/NCSC-NL advisory AA24-109A (Akira; a US government work, public domain): its tables as PDF text that
      // lost their columns, each row on a line, a long use wrapped onto the next line.
      const text = [
        'Table 3: Initial Access',
        'Technique Title ID Use',
        'Valid Accounts T1078 Akira threat actors obtain and abuse credentials of existing accounts as a means of',
        'gaining initial access.',
        'External Remote Services T1133 Akira threat actors have used remote access services, such as RDP/VPN connection to gain initial access.',
        '',
        'Table 4: Credential Access',
        'Tactic/Technique Title ID Use',
        'Credential Access TA0006 Akira threat actors sought credentials on the hosts they',
        'reached, as described below.',
        'OS Credential Dumping T1003 Akira threat actors use tools like Mimikatz and LaZagne to dump credentials.',
      ].join('\n');
      expect(evidence(text)).to.deep.equal([
        [3, 'T1078', 'Valid Accounts', [{ line: 3, text: 'Akira threat actors obtain and abuse credentials of existing accounts as a means of gaining initial access.' }]],
        [5, 'T1133', 'External Remote Services', [{ line: 5, text: 'Akira threat actors have used remote access services, such as RDP/VPN connection to gain initial access.' }]],
        [11, 'T1003', 'OS Credential Dumping', [{ line: 11, text: 'Akira threat actors use tools like Mimikatz and LaZagne to dump credentials.' }]],
      ]);
    });

    it('reads no evidence where the row\'s shape is not sure: a name wrapped into the use, a use that ends no sentence, several IDs on a line', () => {
      // The shapes of AA25-141A's tables as OCR reads them (apps-dfir/Security-Operations, its pages 27 and 28): a name
      // wrapped around its ID (`Exploit Public-Facing` ... `Application T1190 initial access …`), a name's rest at the
      // start of the use's next line; a page run into one line. In our own words, but the uses quoted; only T1659's
      // use is sure.
      const text = [
        'Technique Title ID Use',
        'Exploit Public-Facing Exploited public vulnerabilities and SQL injection to gain',
        'Application T1190 initial access to targeted entities.',
        '',
        'Technique Title ID Use',
        'Content Injection T1659 Leveraged a WinRAR vulnerability allowing for the',
        'execution of arbitrary code embedded in an archive.',
        'Valid Accounts T1078 Used valid accounts',
        'Brute Force T1110 Used credential guessing to gain initial access to targeted entities. Email Collection T1114 Retrieved data.',
        'Phishing: Spearphishing T1566.001 Used phishing emails with',
        'Attachment malicious attachments to gain access.',
        '',
        'Technique Title ID Use Recommendations',
        'Command and Scripting Interpreter T1059 Used PowerShell. Monitor PowerShell.',
        '',
        'The actors ran PowerShell T1059.001 They then moved on.',
      ].join('\n');
      expect(evidence(text)).to.deep.equal([
        [3, 'T1190', 'Application', undefined],
        [6, 'T1659', 'Content Injection', [{ line: 6, text: 'Leveraged a WinRAR vulnerability allowing for the execution of arbitrary code embedded in an archive.' }]],
        [8, 'T1078', 'Valid Accounts', undefined],
        [9, 'T1110', 'Brute Force', undefined],
        [9, 'T1114', 'Email Collection', undefined],
        [10, 'T1566.001', 'Phishing: Spearphishing', undefined],
        [14, 'T1059', 'Command and Scripting Interpreter', undefined],
        [16, 'T1059.001', 'PowerShell', undefined],
      ]);
    });
  });

  describe('synthetic reports', () => {
    it('a cell that names its IDs itself lends no name from the next cell to an ID it leaves unnamed', () => {
      // A German honeypot report's table (reports6 11-de-honeypot-bold-ids.md): the parent in bold, then its sub-technique.
      const text = ['| Taktik | Technik | Beschreibung |', '|---|---|---|', '| Execution | **T1059** / **T1059.004** Unix Shell | alle Kampagnen mit Kommandos |'].join('\n');
      expect(extractReferences(text).map((ref) => [ref.ids, ref.name, ref.tactics])).to.deep.equal([
        [['T1059'], undefined, ['Execution']],
        [['T1059.004'], 'Unix Shell', ['Execution']],
      ]);
    });

    it('a comment mark before a name in a YAML list, and a numbered label before a step\'s name, are no part of it', () => {
      // A Korean digest's front matter (reports6 09-ko-digest-yaml-tactics.md); a CTID emulation plan (reports6 05-en-ctid-menupass-plan.md).
      const text = [
        'mitre_attack:',
        '    - T1203  # Exploitation for Client Execution',
        '',
        '#### Alternative Procedure 1: Remote Services - Remote Desktop Protocol ([T1021.001](https://attack.mitre.org/techniques/T1021/001))',
        // A lab write-up's attacks (code index file 56759666164): a label and its number before a dash.
        '**Attack 2 — Network Reconnaissance (T1046)**',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.line, ref.ids, ref.name])).to.deep.equal([
        [2, ['T1203'], 'Exploitation for Client Execution'],
        [4, ['T1021.001'], 'Remote Services - Remote Desktop Protocol'],
        [5, ['T1046'], 'Network Reconnaissance'],
      ]);
    });

    it('Markdown backslash escapes, as a PDF or page converted to Markdown writes them, are read as the characters they escape', () => {
      // Red Canary's 2020 Threat Detection Report as PDF text a converter escaped (find_string index file 23057191732):
      // `Remote File Copy (T1105\)`; an HTML page made Markdown escapes a list's dash and brackets. In our own words.
      const text = [
        'Injection is often paired with Remote File Copy (T1105\\) and Admin Shares (T1077\\).',
        '\\- Spearphishing Link \\(T1566.002\\)',
        'It ran PowerShell \\[T1059.001\\] next.',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.line, ref.ids, ref.name, ref.raw])).to.deep.equal([
        [1, ['T1105'], 'Remote File Copy', 'Remote File Copy (T1105\\)'],
        [1, ['T1077'], 'Admin Shares', 'Admin Shares (T1077\\)'],
        [2, ['T1566.002'], 'Spearphishing Link', 'Spearphishing Link \\(T1566.002\\)'],
        [3, ['T1059.001'], 'PowerShell', 'PowerShell \\[T1059.001\\]'],
      ]);
    });

    it('a table set in columns of spaces: a row whose tactic cell is blank, merged with the rows above, is under their tactic', () => {
      // Korean hunting-course notes' matrix in a code block (find_string index file 52285390001), as pdftotext -layout
      // also sets a PDF table's merged tactic cells; rows in our own words, a short form of a tactic column among them.
      const text = [
        'Tactic              Technique           Where to hunt',
        'Initial Access      T1190 Exploit       odd web requests',
        '                    T1566 Phishing      attachment opened',
        '',
        'Priv Escalation     T1548.003 Sudo      sudo misuse',
        '                    T1068 Exploitation  kernel exploit',
        'Notes on the hunt:',
        '                    T1070.004 File Del  logs wiped',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.line, ref.ids, ref.tactics])).to.deep.equal([
        [2, ['T1190'], ['Initial Access']],
        [3, ['T1566'], ['Initial Access']],
        [5, ['T1548.003'], ['Privilege Escalation']],
        [6, ['T1068'], ['Privilege Escalation']],
        // Text that is no row of the table ends its tactic's reach.
        [8, ['T1070.004'], []],
      ]);
    });

    it('a name read across a run of spaces is written in the reference as it stands, up to its last word', () => {
      // The same Korean matrix (find_string index file 52285390001): the name's words are one space apart once read, so
      // its end was counted short of the text (`T1566 Phishing      메일 첨`). In our own words.
      const text = ['T1566 Phishing      메일 첨부 실행', 'T1136 Create Acct   sudoers 수정'].join('\n');
      expect(extractReferences(text).map((ref) => [ref.raw, ref.name])).to.deep.equal([
        ['T1566 Phishing      메일 첨부 실행', 'Phishing 메일 첨부 실행'],
        ['T1136 Create Acct   sudoers 수정', 'Create Acct sudoers 수정'],
      ]);
    });

    it('a row of a tactic and its TA ID in cells of their own, no technique ID, heads the rows under it', () => {
      // HC3's Rhysida analyst note's table as a Markdown file transcribes it (crocodyli/ThreatActors-TTPs
      // Rhysida/Rhysida-TTP.md): `| Technique | ID |`, tactics as rows with their TA ID. Rows in our own words.
      const text = [
        '| Technique | ID |',
        '|---|---|',
        '| Reconnaissance | TA0043 |',
        '| Active Scanning | T1595 |',
        '| | |',
        '| TA0001 | Initial Access |',
        '| Phishing | T1566 |',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.ids, ref.tactics])).to.deep.equal([
        [['T1595'], ['TA0043: Reconnaissance']],
        [['T1566'], ['TA0001: Initial Access']],
      ]);
    });

    it('an in-page link\'s target is no reference, nor part of the name its text gives after the ID', () => {
      // Red Canary's 2020 Threat Detection Report as a Markdown conversion (find_string index file 22282697269): a table
      // of contents of links to its sections, anchors made of their text. In our own words.
      const text = ['- [Technique T1055: Process Injection](#technique-t1055-process-injection)', '- [T1105 Remote File Copy](#t1105-remote-file-copy)'].join('\n');
      expect(extractReferences(text).map((ref) => [ref.ids, ref.name, ref.raw])).to.deep.equal([
        [['T1055'], 'Process Injection', 'T1055: Process Injection'],
        [['T1105'], 'Remote File Copy', 'T1105 Remote File Copy'],
      ]);
    });

    it('the next row\'s number after a name, in a ranked table flattened to one line, is no part of the reference', () => {
      // Deloitte's threat library slides as PDF text (find_string index file 43499837094): `# Technique Name 1 T1071 -
      // Standard App Layer Protocol 2 T1082 - …`. In our own words.
      const text = 'Most used: 1 T1071 - Standard App Layer Protocol 2 T1082 - System Information Discovery 3 T1086 - PowerShell';
      expect(extractReferences(text).map((ref) => [ref.raw, ref.name])).to.deep.equal([
        ['T1071 - Standard App Layer Protocol', 'Standard App Layer Protocol'],
        ['T1082 - System Information Discovery', 'System Information Discovery'],
        ['T1086 - PowerShell', 'PowerShell'],
      ]);
    });

    it("a sentence after a name's colon is the text the name labels, not a sub-technique's name", () => {
      // ATT&CK's procedure examples listed under each technique's ID and name, as DOE CyOTE tool pages list the cases
      // of ATT&CK for ICS (dark-carbon-code/CyoTE-Tool-Wiz chunks_md/CyOTE_Tool_45__20250623192146__related_cases.md):
      // `- T0813 - Denial of Control: In the [Maroochy Water Breach](…), the adversary …`. In our own words.
      const text = [
        '- T0813 - Denial of Control: In the Maroochy case, the intruder locked the investigator out.',
        '- T0807 - Command-Line Interface: During the 2016 Ukraine attack, the operators gave the payload a parameter.',
        '- T1059.001 - Command and Scripting Interpreter: PowerShell: During the intrusion, scripts ran in PowerShell.',
        '- T1053.002 - Scheduled Task/Job: At: the jobs ran nightly.',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.ids[0], ref.name])).to.deep.equal([
        ['T0813', 'Denial of Control'],
        ['T0807', 'Command-Line Interface'],
        ['T1059.001', 'Command and Scripting Interpreter: PowerShell'],
        ['T1053.002', 'Scheduled Task/Job: At'],
      ]);
    });

    it('an HTML table as pandoc leaves it in Markdown: its tags are no names', () => {
      // A docx made Markdown by pandoc (reports6 16-pt-pandoc-kv-tables.md): a key/value table, a cell of paragraphs.
      const text = [
        '<tr class="odd">',
        '<td><strong>ID DA TÉCNICA:</strong></td>',
        '<td>T1566.001</td>',
        '</tr>',
        '<td><p>T1204.002 - User Execution: Malicious File</p>',
        '<p>T1588.002 - Obtain Capabilities: Tool</p></td>',
      ].join('\n');
      expect(extractReferences(text).map((ref) => [ref.line, ref.ids, ref.name])).to.deep.equal([
        [3, ['T1566.001'], undefined],
        [5, ['T1204.002'], 'User Execution: Malicious File'],
        [6, ['T1588.002'], 'Obtain Capabilities: Tool'],
      ]);
    });

    it('an English pipe table | Tactic | Technique | ID |, with a merged tactic cell and a row naming two tactics', () => {
      check(
        [
          '## ATT&CK mapping',
          '',
          '| Tactic | Technique | ID |',
          '|---|---|---|',
          '| Initial Access | Spearphishing Attachment | T1566.001 |',
          '| Execution | PowerShell | T1059.001 |',
          '| | Windows Command Shell | T1059.003 |',
          '| Execution, Persistence | Scheduled Task | T1053.005 |',
          '',
          'More text follows.',
        ].join('\n'),
        [
          { raw: 'Spearphishing Attachment | T1566.001', line: 5, ids: ['T1566.001'], name: 'Spearphishing Attachment', tactics: ['Initial Access'] },
          { raw: 'PowerShell | T1059.001', line: 6, ids: ['T1059.001'], name: 'PowerShell', tactics: ['Execution'] },
          { raw: 'Windows Command Shell | T1059.003', line: 7, ids: ['T1059.003'], name: 'Windows Command Shell', tactics: ['Execution'] },
          { raw: 'Scheduled Task | T1053.005', line: 8, ids: ['T1053.005'], name: 'Scheduled Task', tactics: ['Execution', 'Persistence'] },
        ],
      );
    });

    it('comma-separated values under a header naming technique_id, technique_name and tactic, as a Markdown table is read', () => {
      // A purple-team CSV export's shape: the ID column is not the first, and a quoted cell holds commas.
      check(
        [
          'exercise_id,test_id,technique_id,technique_name,tactic,telemetry_sources,notes',
          'PT-1,ATOMIC-001,T1087.002,Domain Account Discovery,Discovery,"Sysmon,WinSec",alerted',
          'PT-1,ATOMIC-002,T1003.001,"LSASS Memory","Credential Access",Sysmon,"said ""missed"", no alert"',
          // An export that leaves out the empty cells at the end of a row.
          'PT-1,,T1021.002,SMB Admin Shares,Lateral Movement,"WinSec,Zeek"',
          '',
          'After the run, T1059.001 was, as planned, tried by hand.',
        ].join('\n'),
        [
          ...[
            ['T1087.002', 'Domain Account Discovery', 'Discovery'],
            ['T1003.001', 'LSASS Memory', 'Credential Access'],
            ['T1021.002', 'SMB Admin Shares', 'Lateral Movement'],
          ].map(([id, name, tactic], i) => ({ raw: `${id!} | ${name!}`, line: i + 2, ids: [id!], name: name!, tactics: [tactic!] })),
          // A sentence after the table, its commas making fewer cells than the header's, takes no tactic from its rows.
          { raw: 'T1059.001', line: 6, ids: ['T1059.001'], tactics: [] },
        ],
      );
    });

    it('semicolon-separated values, as Excel writes CSV where the comma is the decimal mark, split at the header\'s separator', () => {
      // A German spreadsheet export: `;` between cells, a comma inside a cell that is no separator.
      check(
        [
          'Taktik;Technik-ID;Technik;Bemerkung',
          'Execution;T1059.001;PowerShell;Skripte, signiert',
          'Credential Access;T1003.001;LSASS Memory;"dump; via procdump"',
        ].join('\n'),
        [
          { raw: 'T1059.001 | PowerShell', line: 2, ids: ['T1059.001'], name: 'PowerShell', tactics: ['Execution'] },
          { raw: 'T1003.001 | LSASS Memory', line: 3, ids: ['T1003.001'], name: 'LSASS Memory', tactics: ['Credential Access'] },
        ],
      );
    });

    it('tab-separated values under a header of snake_case column names: the name from technique_name, not the cell beside the ID', () => {
      check(
        ['technique_id\tstep_title\ttechnique_name\ttactic', 'T1059.001\tRun the loader\tPowerShell\tExecution'].join('\n'),
        [{ raw: 'T1059.001 | PowerShell', line: 2, ids: ['T1059.001'], name: 'PowerShell', tactics: ['Execution'] }],
      );
    });

    it('a sentence with commas is no comma-separated row, even after a line that names columns', () => {
      check(
        ['Tactic, technique and ID were noted.', 'They ran T1059.001, then T1003.001, as planned.'].join('\n'),
        [
          { raw: 'T1059.001', line: 2, ids: ['T1059.001'], tactics: [] },
          { raw: 'T1003.001', line: 2, ids: ['T1003.001'], tactics: [] },
        ],
      );
    });

    it('a STIX bundle\'s external_id takes no name from the JSON lines around it', () => {
      const bundle = ['      "external_references": [', '        {', '          "source_name": "mitre-attack",', '          "external_id": "T1566.001"', '        }', '      ]'];
      check(bundle.join('\n'), [{ raw: 'T1566.001', line: 4, ids: ['T1566.001'], tactics: [] }]);
    });

    it('"ID (Name)" in a table cell is written with its closing bracket (the tester\'s Korean STIX note, line 72)', () => {
      check(['| 주요 TTPs | T1566.001 (Spearphishing), T1059 (Command Execution) |', '| TTP | T1083（File and Directory Discovery） |'].join('\n'), [
        { raw: 'T1566.001 (Spearphishing)', line: 1, ids: ['T1566.001'], name: 'Spearphishing', tactics: [] },
        { raw: 'T1059 (Command Execution)', line: 1, ids: ['T1059'], name: 'Command Execution', tactics: [] },
        { raw: 'T1083（File and Directory Discovery）', line: 2, ids: ['T1083'], name: 'File and Directory Discovery', tactics: [] },
      ]);
    });

    it('a Markdown table whose cells hold several lines at <br>: each line of a cell read by itself', () => {
      // The shape of MITRE CTID's emulation plans (Blind Eagle): "ID Name<br>ID Name" in the technique column.
      check(
        [
          '| Red Team Activity | ATT&CK Technique | Relevent CTI Report |',
          '| --- | --- | --- |',
          '| Fiber prepares URL and download AsyncRAT | T1105 Ingress Tool Transfer<br>T1150 Deobfuscate/Decode Files or Information<br/>T1102 Web Service | https://lab52.io/blog/x/<br>https://blogs.blackberry.com/y |',
          '',
          '| ID | Name |',
          '| --- | --- |',
          '| T1555.003<br>T1555.004 | Credentials from Web Browsers<br />Windows Credential Manager |',
        ].join('\n'),
        [
          { raw: 'T1105 Ingress Tool Transfer', line: 3, ids: ['T1105'], name: 'Ingress Tool Transfer', tactics: [] },
          { raw: 'T1150 Deobfuscate/Decode Files or Information', line: 3, ids: ['T1150'], name: 'Deobfuscate/Decode Files or Information', tactics: [] },
          { raw: 'T1102 Web Service', line: 3, ids: ['T1102'], name: 'Web Service', tactics: [] },
          { raw: 'T1555.003 | Credentials from Web Browsers', line: 7, ids: ['T1555.003'], name: 'Credentials from Web Browsers', tactics: [] },
          { raw: 'T1555.004 | Windows Credential Manager', line: 7, ids: ['T1555.004'], name: 'Windows Credential Manager', tactics: [] },
        ],
      );
    });

    it('a table with the ID first and one cell naming two IDs, names paired in order', () => {
      check(
        [
          '| ID | Name | Tactics |',
          '| --- | --- | --- |',
          '| T1566.001 | Spearphishing Attachment | Initial Access |',
          '| T1059.001, T1059.003 | PowerShell, Windows Command Shell | Execution |',
        ].join('\n'),
        [
          { raw: 'T1566.001 | Spearphishing Attachment', line: 3, ids: ['T1566.001'], name: 'Spearphishing Attachment', tactics: ['Initial Access'] },
          { raw: 'T1059.001 | PowerShell', line: 4, ids: ['T1059.001'], name: 'PowerShell', tactics: ['Execution'] },
          { raw: 'T1059.003 | Windows Command Shell', line: 4, ids: ['T1059.003'], name: 'Windows Command Shell', tactics: ['Execution'] },
        ],
      );
    });

    it('a tab-separated table pasted from a spreadsheet', () => {
      check('Tactic\tTechnique\tID\nInitial Access\tSpearphishing Link\tT1566.002\nDiscovery\tSystem Information Discovery\tT1082', [
        { raw: 'Spearphishing Link | T1566.002', line: 2, ids: ['T1566.002'], name: 'Spearphishing Link', tactics: ['Initial Access'] },
        { raw: 'System Information Discovery | T1082', line: 3, ids: ['T1082'], name: 'System Information Discovery', tactics: ['Discovery'] },
      ]);
    });

    it('a Japanese table that repeats an ID under two tactics gives one reference with both', () => {
      check(
        [
          '| 戦術 | テクニック | ID |',
          '|---|---|---|',
          '| 防御回避 | Regsvr32 | T1117 |',
          '| 実行 | Regsvr32 | T1117 |',
          '| コマンド＆コントロール | 独自プロトコル | T1094 |',
        ].join('\n'),
        [
          { raw: 'Regsvr32 | T1117', line: 3, ids: ['T1117'], name: 'Regsvr32', tactics: ['Defense Evasion', 'Execution'] },
          { raw: '独自プロトコル | T1094', line: 5, ids: ['T1094'], name: '独自プロトコル', tactics: ['Command and Control'] },
        ],
      );
    });

    it('one cell per line with Tactic / Technique / ID headers: a bare ID takes the name of the cell before it', () => {
      check(
        ['Tactic', '', 'Technique', '', 'ID', '', 'Initial Access', '', 'Spearphishing Attachment', '', 'T1193', '', '実行', '', 'User Execution', '', 'T1204'].join(
          '\n',
        ),
        [
          { raw: 'Spearphishing Attachment | T1193', line: 9, ids: ['T1193'], name: 'Spearphishing Attachment', tactics: ['Initial Access'] },
          { raw: 'User Execution | T1204', line: 15, ids: ['T1204'], name: 'User Execution', tactics: ['Execution'] },
        ],
      );
    });

    it("a Markdown heading is no name cell of the ID on the line under it (DarthHavoc/security's README)", () => {
      // https://github.com/DarthHavoc/security/blob/2992a5ce2b4c155d891de3d1b70bc605afafcfc7/README.md: its title, then an
      // indented list of `Name (ID)`, the first a tactic's name (test/corpus/reports/darthhavoc-security-readme-ttps.yaml).
      const refs = extractReferences(['# security', '    Execution (T1059)', '        Execution Flow (T1059.004)'].join('\n'));
      expect(refs.map((ref) => [ref.raw, ref.name, ref.tactics])).to.deep.equal([
        ['T1059', undefined, ['Execution']],
        ['Execution Flow (T1059.004)', 'Execution Flow', []],
      ]);
      // A line of text that is no heading still names the bare ID under it.
      expect(extractReferences(['security', '    Execution (T1059)'].join('\n'))[0]!.raw).to.equal('security | T1059');
    });

    it('one cell per line with the ID first: a bare ID takes the name of the cell after it', () => {
      check(['ID', 'Technique', 'T1193', 'Spearphishing Attachment', 'T1192', 'Spearphishing Link'].join('\n'), [
        { raw: 'T1193 | Spearphishing Attachment', line: 3, ids: ['T1193'], name: 'Spearphishing Attachment', tactics: [] },
        { raw: 'T1192 | Spearphishing Link', line: 5, ids: ['T1192'], name: 'Spearphishing Link', tactics: [] },
      ]);
    });

    it('a cell of several IDs one per line over a cell of as many names: each ID takes the name in its place', () => {
      // Securelist's "Lazarus covets COVID-19-related intelligence" (2020), its `MITRE ATT&CK Mapping.` table scraped to
      // text: a tactic cell, its IDs one per line, then their names one per line. Before, the last ID took the first name
      // (`T1569.002 | Command and Scripting Interpreter: Windows Command Shell`, a false disagreement) and the others none.
      // Our own reconstruction of two of its rows.
      const text = [
        'Tactic', '', 'Technique.', '', 'Technique Name.', '', '',
        'Execution', 'T1059.003', 'T1569.002', 'Command and Scripting Interpreter: Windows Command Shell', 'System Services: Service Execution', '', '',
        'Lateral Movement', 'T1021.002', 'SMB/Windows Admin Shares',
      ].join('\n');
      check(text, [
        { raw: 'T1059.003 | Command and Scripting Interpreter: Windows Command Shell', line: 9, ids: ['T1059.003'], name: 'Command and Scripting Interpreter: Windows Command Shell', tactics: ['Execution'] },
        { raw: 'T1569.002 | System Services: Service Execution', line: 10, ids: ['T1569.002'], name: 'System Services: Service Execution', tactics: ['Execution'] },
        { raw: 'T1021.002 | SMB/Windows Admin Shares', line: 16, ids: ['T1021.002'], name: 'SMB/Windows Admin Shares', tactics: ['Lateral Movement'] },
      ]);
    });

    it('prose: "T1059.001 (PowerShell)", "Name (ID)", ATT&CK URLs and markdown links', () => {
      check(
        [
          'The actor used T1059.001 (PowerShell) to run scripts, then sent Spearphishing Attachment (T1566.001) emails.',
          'See https://attack.mitre.org/techniques/T1105/ for details; the loader abused [Regsvr32](https://attack.mitre.org/techniques/T1218/010).',
        ].join('\n'),
        [
          { raw: 'T1059.001 (PowerShell)', line: 1, ids: ['T1059.001'], name: 'PowerShell', tactics: [] },
          { raw: 'Spearphishing Attachment (T1566.001)', line: 1, ids: ['T1566.001'], name: 'Spearphishing Attachment', tactics: [] },
          { raw: 'https://attack.mitre.org/techniques/T1105/', line: 2, ids: ['T1105'], tactics: [] },
          { raw: '[Regsvr32](https://attack.mitre.org/techniques/T1218/010)', line: 2, ids: ['T1218.010'], name: 'Regsvr32', tactics: [] },
        ],
      );
    });

    it('prose: an ID in code marks takes the Title Case words after the marks as its name, not the words before them', () => {
      // A SOC investigation's README: '## MITRE ATT&CK Techniques Observed', then one line of IDs in code marks.
      check(
        [
          '`T1566.002` Spearphishing Link · `T1585.001` Establish Accounts · `T1071.001` Web Protocols · `T1204.001` User Execution: Malicious Link · `T1090` Proxy/Redirect Infrastructure',
          'The mapping adds mobile `T1406` and the loader ran `T1059.001` PowerShell scripts.',
        ].join('\n'),
        [
          { raw: '`T1566.002` Spearphishing Link', line: 1, ids: ['T1566.002'], name: 'Spearphishing Link', tactics: [] },
          { raw: '`T1585.001` Establish Accounts', line: 1, ids: ['T1585.001'], name: 'Establish Accounts', tactics: [] },
          { raw: '`T1071.001` Web Protocols', line: 1, ids: ['T1071.001'], name: 'Web Protocols', tactics: [] },
          { raw: '`T1204.001` User Execution: Malicious Link', line: 1, ids: ['T1204.001'], name: 'User Execution: Malicious Link', tactics: [] },
          { raw: '`T1090` Proxy/Redirect Infrastructure', line: 1, ids: ['T1090'], name: 'Proxy/Redirect Infrastructure', tactics: [] },
          { raw: 'T1406', line: 2, ids: ['T1406'], tactics: [] },
          { raw: '`T1059.001` PowerShell', line: 2, ids: ['T1059.001'], name: 'PowerShell', tactics: [] },
        ],
      );
    });

    it('ends a name at a middle dot, as at a comma, in a table cell listing several IDs and names', () => {
      // A Korean incident write-up's ATT&CK summary: '| 전술 | 기법 |' over rows of items parted by middle dots.
      check(['| 전술 | 기법 |', '|------|------|', '| Command & Control | T1105 Ingress Tool Transfer · T1197 BITS Jobs |'].join('\n'), [
        { raw: 'T1105 Ingress Tool Transfer', line: 3, ids: ['T1105'], name: 'Ingress Tool Transfer', tactics: ['Command and Control'] },
        { raw: 'T1197 BITS Jobs', line: 3, ids: ['T1197'], name: 'BITS Jobs', tactics: ['Command and Control'] },
      ]);
    });

    it('takes no name from a cell that is a link whose text has no letter, a source\'s footnote', () => {
      // A CTI digest of CISA PDFs: '| Technique | Sources |' over '| T1012: Query Registry | [2](inputs/….pdf) |', an ID
      // whose name the generator left empty citing its source as a numbered link.
      check(
        [
          '| Technique | Sources |',
          '|-----------|---------|',
          '| T1627.001:  | [1](inputs/CSA_RUSSIAN_GRU_TARGET_LOGISTICS.pdf) |',
          '| T1012: Query Registry | [2](inputs/aa25-141b.pdf) |',
          '| T1082 | [System Information Discovery](https://example.org/discovery) |',
        ].join('\n'),
        [
          { raw: 'T1627.001', line: 3, ids: ['T1627.001'], tactics: [] },
          { raw: 'T1012: Query Registry', line: 4, ids: ['T1012'], name: 'Query Registry', tactics: [] },
          { raw: 'T1082 | [System Information Discovery](https://example.org/discovery)', line: 5, ids: ['T1082'], name: '[System Information Discovery](https://example.org/discovery)', tactics: [] },
        ],
      );
    });

    it('a list item that is a markdown link to ATT&CK is written with the link\'s brackets, named by its text', () => {
      // Elastic Security Labs' posts list their techniques so ('Techniques represent how an adversary achieves...').
      check(
        [
          '-   [Native API](https://attack.mitre.org/techniques/T1106/)',
          '- **[Hijack Execution Flow: DLL](https://attack.mitre.org/techniques/T1574/001/)**',
          'x [Regsvr32](https://attack.mitre.org/techniques/T1218/010)',
        ].join('\n'),
        [
          { raw: '[Native API](https://attack.mitre.org/techniques/T1106/)', line: 1, ids: ['T1106'], name: 'Native API', tactics: [] },
          {
            raw: '**[Hijack Execution Flow: DLL](https://attack.mitre.org/techniques/T1574/001/)**',
            line: 2,
            ids: ['T1574.001'],
            name: 'Hijack Execution Flow: DLL',
            tactics: [],
          },
          { raw: '[Regsvr32](https://attack.mitre.org/techniques/T1218/010)', line: 3, ids: ['T1218.010'], name: 'Regsvr32', tactics: [] },
        ],
      );
    });

    it('prose: an ID written as the text of its own ATT&CK link, in brackets or not, takes the words before it as its name', () => {
      // The shapes of MITRE CTID's intelligence summaries (menuPass, OilRig, FIN6, Carbanak).
      const link = (id: string): string => `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
      check(
        [
          `The group has persisted its malware by scheduling tasks ([T1053.005](${link('T1053.005')})) and used code-signing certificates ([T1553.002](${link('T1553.002')})).`,
          `FIN6 has used legitimate remote access applications [(T1133)](${link('T1133')}) and custom scripts [(T1059)](${link('T1059')}) in its operations.`,
          `They hosted malicious files on Google Docs and PasteBin ([T1101.002](${link('T1102.002')})) to expand their command and control.`,
        ].join('\n'),
        [
          { raw: `scheduling tasks ([T1053.005](${link('T1053.005')}))`, line: 1, ids: ['T1053.005'], name: 'scheduling tasks', tactics: [] },
          { raw: `code-signing certificates ([T1553.002](${link('T1553.002')}))`, line: 1, ids: ['T1553.002'], name: 'code-signing certificates', tactics: [] },
          { raw: `remote access applications [(T1133)](${link('T1133')})`, line: 2, ids: ['T1133'], name: 'remote access applications', tactics: [] },
          { raw: `custom scripts [(T1059)](${link('T1059')})`, line: 2, ids: ['T1059'], name: 'custom scripts', tactics: [] },
          // The link's text and address name different techniques: two references, as before.
          { raw: 'T1101.002', line: 3, ids: ['T1101.002'], tactics: [] },
          { raw: link('T1102.002'), line: 3, ids: ['T1102.002'], tactics: [] },
        ],
      );
    });

    it('a list: "- T1566.001: Spearphishing Attachment" and its variants, under markdown tactic headings', () => {
      check(
        [
          '### Initial Access',
          '- T1566.001: Spearphishing Attachment',
          '### Execution',
          '* [T1059.001] PowerShell',
          '1. t1059/003 – Windows Command Shell',
          '- T1059.005/.007',
        ].join('\n'),
        [
          { raw: 'T1566.001: Spearphishing Attachment', line: 2, ids: ['T1566.001'], name: 'Spearphishing Attachment', tactics: ['Initial Access'] },
          { raw: '[T1059.001] PowerShell', line: 4, ids: ['T1059.001'], name: 'PowerShell', tactics: ['Execution'] },
          { raw: 't1059/003 – Windows Command Shell', line: 5, ids: ['T1059.003'], name: 'Windows Command Shell', tactics: ['Execution'] },
          { raw: 'T1059.005/.007', line: 6, ids: ['T1059.005', 'T1059.007'], tactics: ['Execution'] },
        ],
      );
    });

    it('Japanese lines: full-width IDs, tactic headings, a tactic prefix, and prose that names the same technique', () => {
      check(
        [
          '攻撃者はスピアフィッシングの添付ファイル（T1193）を使用しました。',
          '初期アクセス',
          'スピアフィッシングの添付ファイル（T1193）',
          'コマンド＆コントロール',
          'Ｔ１０７１．００１',
          '実行：PowerShell（T1059.001）、Windows コマンドシェル（T1059.003）',
        ].join('\n'),
        [
          { raw: 'スピアフィッシングの添付ファイル（T1193）', line: 1, ids: ['T1193'], name: 'スピアフィッシングの添付ファイル', tactics: ['Initial Access'] },
          { raw: 'Ｔ１０７１．００１', line: 5, ids: ['T1071.001'], tactics: ['Command and Control'] },
          { raw: 'PowerShell（T1059.001）', line: 6, ids: ['T1059.001'], name: 'PowerShell', tactics: ['Execution'] },
          { raw: 'Windows コマンドシェル（T1059.003）', line: 6, ids: ['T1059.003'], name: 'Windows コマンドシェル', tactics: ['Execution'] },
        ],
      );
    });

    it('a bracket of Japanese words glued to a name in Latin script is a note on the name, not part of it', () => {
      // Japanese sets no space before a bracket: NEC's top-10 list as ScanNetSecurity printed it (`T1059 Command and
      // Scripting Interpreter(コマンドとスクリプトインタプリタ)`) and a detection note's table (`| C2 | T1071 Application
      // Layer Protocol（メッセージング悪用） |`), re-told with other rows. A bracket of Latin words stays (`Scheduled
      // Task/Job(cron/timer)`), and so does a name in Japanese alone.
      check(
        ['T1105 Ingress Tool Transfer(ツールの転送)', '| 持ち出し | T1041 Exfiltration Over C2 Channel（C2 経由の送信） |', 'T1053 Scheduled Task/Job(cron/timer)', 'T1036 偽装（ファイル名）'].join('\n'),
        [
          { raw: 'T1105 Ingress Tool Transfer', line: 1, ids: ['T1105'], name: 'Ingress Tool Transfer', tactics: [] },
          { raw: 'T1041 Exfiltration Over C2 Channel', line: 2, ids: ['T1041'], name: 'Exfiltration Over C2 Channel', tactics: ['Exfiltration'] },
          { raw: 'T1053 Scheduled Task/Job(cron/timer)', line: 3, ids: ['T1053'], name: 'Scheduled Task/Job(cron/timer)', tactics: [] },
          { raw: 'T1036 偽装（ファイル名）', line: 4, ids: ['T1036'], name: '偽装(ファイル名)', tactics: [] },
        ],
      );
    });

    it('a Japanese "and the like" after an ID, with a bracket of what it covers, is no name, nor does it send for one in the row', () => {
      // A detection note's table (the same as above) writes `| 実行・ツール | T1059 など（自動ツール実行） | EDR 連続実行、R2 |`:
      // T1059 and the like (automated tool execution); its stage cell is execution and tools, its last cell the note's
      // detections. Before, `など(自動ツール実行)` was T1059's name; with no name in its own cell, the stage cell or the
      // detections cell was. Re-told with other rows; `等` is the same word in kanji.
      check(
        [
          '| 実行・ツール | T1059 など（自動ツール実行） | EDR 連続実行、R2 |',
          'T1105など（ツールの転送）',
          '| 持ち出し | T1041 Exfiltration Over C2 Channel 等 |',
          '| 永続化・ツール | T1053 |',
        ].join('\n'),
        [
          { raw: 'T1059', line: 1, ids: ['T1059'], tactics: ['Execution'] },
          { raw: 'T1105', line: 2, ids: ['T1105'], tactics: [] },
          { raw: 'T1041 Exfiltration Over C2 Channel', line: 3, ids: ['T1041'], name: 'Exfiltration Over C2 Channel', tactics: ['Exfiltration'] },
          { raw: 'T1053', line: 4, ids: ['T1053'], tactics: ['Persistence'] },
        ],
      );
    });

    it('one cell per line with the tactic after its ID: each row takes the tactic that follows it', () => {
      check(
        ['1位', 'コマンドとスクリプトインタプリタ', 'T1059 Command and Scripting Interpreter', '実行', 'Execution', '2位', 'T1105 Ingress Tool Transfer', 'C2', 'Command and Control'].join('\n'),
        [
          { raw: 'T1059 Command and Scripting Interpreter', line: 3, ids: ['T1059'], name: 'Command and Scripting Interpreter', tactics: ['Execution'] },
          { raw: 'T1105 Ingress Tool Transfer', line: 7, ids: ['T1105'], name: 'Ingress Tool Transfer', tactics: ['Command and Control'] },
        ],
      );
    });

    it('a label before the ID is no name: "1位(出現数152):T1059 Command and Scripting Interpreter"', () => {
      check('1位(出現数152):T1059 Command and Scripting Interpreter', [
        { raw: 'T1059 Command and Scripting Interpreter', line: 1, ids: ['T1059'], name: 'Command and Scripting Interpreter', tactics: [] },
      ]);
    });

    // An incident write-up's key techniques, grouped under labels that are no tactics: the label before the first ID
    // of each item was read as its name (a false warning that it names no technique).
    it('a label that is no tactic before an ID with its name after is no name: "Privilege/Account: T1136.001 Create local accounts"', () => {
      check(['- Access/Accounts: T1136.001 Create local accounts, T1098 Account Manipulation; new admin shells', '- Lateral: T1021.001 was used after hours'].join('\n'), [
        { raw: 'T1136.001 Create local accounts', line: 1, ids: ['T1136.001'], name: 'Create local accounts', tactics: [] },
        { raw: 'T1098 Account Manipulation', line: 1, ids: ['T1098'], name: 'Account Manipulation', tactics: [] },
        // No name after the ID: the words before stay its name, as before.
        { raw: 'Lateral: T1021.001', line: 2, ids: ['T1021.001'], name: 'Lateral', tactics: [] },
      ]);
    });

    // A Japanese blog on ATT&CK (ohwhsmm7.blog, 2025): `アラートやインシデントを「T1566(Phishing)」のような共通IDで共有します`
    // was named "(Phishing)」のような共通IDで共有します", the rest of its sentence.
    it('a bracket right after the ID that closes before the sentence goes on holds the name: 「T1566(Phishing)」のような', () => {
      check(['- 会話の統一:インシデントを「T1566(Phishing)」のような共通IDで共有します', '- 「T1059.001（PowerShell）」で実行された'].join('\n'), [
        { raw: 'T1566(Phishing)', line: 1, ids: ['T1566'], name: 'Phishing', tactics: [] },
        { raw: 'T1059.001（PowerShell）', line: 2, ids: ['T1059.001'], name: 'PowerShell', tactics: [] },
      ]);
    });

    it('a technique written again: the first mention with a name, and the tactics of every mention, in order', () => {
      check(['Execution', '', 'T1059', '', 'Persistence', '- T1059: Command and Scripting Interpreter', '', 'Defense Evasion', '- T1059 used again'].join('\n'), [
        {
          raw: 'T1059: Command and Scripting Interpreter',
          line: 6,
          ids: ['T1059'],
          name: 'Command and Scripting Interpreter',
          tactics: ['Execution', 'Persistence', 'Defense Evasion'],
        },
      ]);
    });

    it('a tactic after its ID reaches a technique written twice, both times (the ID line waits for the line after it)', () => {
      check(['T1059', 'Execution', 'T1106', 'Execution', 'T1059', 'Persistence'].join('\n'), [
        { raw: 'T1059', line: 1, ids: ['T1059'], tactics: ['Execution', 'Persistence'] },
        { raw: 'T1106', line: 3, ids: ['T1106'], tactics: ['Execution'] },
      ]);
    });

    it('a name cell names one bare ID, however many blank lines stand around it (the next takes the cell after it)', () => {
      check(['T1566.001', '', 'Spearphishing Attachment', '', '', 'T1059', '', 'Native API', '', 'T1106'].join('\n'), [
        { raw: 'T1566.001 | Spearphishing Attachment', line: 1, ids: ['T1566.001'], name: 'Spearphishing Attachment', tactics: [] },
        { raw: 'T1059 | Native API', line: 6, ids: ['T1059'], name: 'Native API', tactics: [] },
        { raw: 'T1106', line: 10, ids: ['T1106'], tactics: [] },
      ]);
    });

    it('a prose paragraph ends a tactic section: IDs after it get no tactic from above', () => {
      check(['Initial Access', 'T1566.001', 'This paragraph is about something else entirely, as prose is.', 'T1105'].join('\n'), [
        { raw: 'T1566.001', line: 2, ids: ['T1566.001'], tactics: ['Initial Access'] },
        { raw: 'T1105', line: 4, ids: ['T1105'], tactics: [] },
      ]);
    });
  });

  describe(`one line longer than the folding window (${NFKC_WINDOW} characters) made of the corpus excerpts, as a PDF-to-text dump leaves them`, () => {
    const excerpts = readCorpus().map((report) => report.excerpt.split('\n').join(' '));
    const unit = excerpts.join(' ');
    const repeats = Math.ceil((2.5 * NFKC_WINDOW) / unit.length);
    // A full-width ID (no corpus report cites T1491) placed over the end of the second window, and one in the last.
    const line = `${unit.repeat(repeats).slice(0, 2 * NFKC_WINDOW - 3)} Ｔ１４９１ ${unit} Ｔ１５２９．`;

    it('reads the full-width IDs in later windows, with their spans in the line as written', () => {
      const refs = extractReferences(line);
      for (const [id, written] of [['T1491', 'Ｔ１４９１'], ['T1529', 'Ｔ１５２９']] as const) {
        const ref = refs.find((r) => r.ids.includes(id));
        expect(ref, id).to.not.equal(undefined);
        expect(line.slice(ref!.span.start, ref!.span.end)).to.contain(written);
      }
    });

    it('finds every technique ID the corpus reports cite, once each, on line 1', () => {
      const refs = extractReferences(line);
      const found = new Set(refs.flatMap((ref) => ref.ids));
      const cited = new Set(readCorpus().flatMap((report) => report.references.flatMap((ref) => ref.cites)));
      expect([...cited].filter((id) => !found.has(id))).to.deep.equal([]);
      expect(refs.every((ref) => ref.line === 1)).to.equal(true);
      const keys = refs.map((ref) => ref.malformed ?? ref.ids.join(' '));
      expect(keys.length).to.equal(new Set(keys).size);
    });
  });

  describe('Chinese brackets and words before IDs', () => {
    it('reads Chinese title brackets 《》 around an ID as brackets, the name after them (《T1566.002》鱼叉式钓鱼链接)', () => {
      // Our own line in the form of a Chinese technique list. Before, the ID's name was the label and the bracket before
      // it, `技术编号:《` (technique number), and the reference as written `技术编号：《T1566.002`.
      const [ref] = extractReferences('技术编号：《T1566.002》鱼叉式钓鱼链接');
      expect([ref?.raw, ref?.ids, ref?.name]).to.deep.equal(['《T1566.002》鱼叉式钓鱼链接', ['T1566.002'], '鱼叉式钓鱼链接']);
    });

    // The ID and the name read of each reference in a text.
    const idsAndNames = (text: string): Array<[string, string | undefined]> => extractReferences(text).map((ref) => [ref.ids.join(' '), ref.name]);

    it('takes a label of technique number or ID in Chinese or Korean for no name (`技术编号：T1566.002`, `기법 ID: T1021.001`)', () => {
      // Our own labels, as a Chinese or Korean form writes a field: before, each label was the ID's name.
      expect(idsAndNames('技术编号：T1566.002\n编号：T1003.001\n기법 ID: T1021.001\n')).to.deep.equal([['T1566.002', undefined], ['T1003.001', undefined], ['T1021.001', undefined]]);
    });

    it('gives IDs after a Chinese verb no name: `涉及T1566.001、T1204.002和T1547.001` (involves) names none of the three', () => {
      expect(idsAndNames('涉及T1566.001、T1204.002和T1547.001。')).to.deep.equal([['T1566.001', undefined], ['T1204.002', undefined], ['T1547.001', undefined]]);
    });
  });
});
