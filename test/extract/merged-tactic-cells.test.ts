import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

/** Each reference's ID, name, tactics and evidence, as `extractReferences` reads a text. */
const read = (text: string) => extractReferences(text).map((ref) => [ref.ids.join(' '), ref.name, ref.tactics, ref.evidence?.map((said) => said.text)]);

// Rows of the ATT&CK table of ESET's report on TheWizards (Spellbinder, WizardNet), kept as Markdown in a public
// repository (search tool index file 45028746286). The tactic cell spans its techniques' rows on ESET's page; the
// converter wrote the rows under the first without it, their cells shifted left and an empty cell last.
const THE_WIZARDS = [
  '| **Tactic** | **ID** | **Name** | **Description** |',
  '| --- | --- | --- | --- |',
  '| **Resource Development** | [*T1583.001*](https://attack.mitre.org/versions/v16/techniques/T1583/001/) | Acquire Infrastructure: Domains | TheWizards has registered the domains hao[.]com, ssl-dns[.]com, and mkdmcdn[.]com. |',
  '| [*T1583.004*](https://attack.mitre.org/versions/v16/techniques/T1583/004/) | Acquire Infrastructure: Server | TheWizards acquired servers for hosting tools, C&C, and to serve malicious updates. | |',
  '| **Execution** | [*T1059.003*](https://attack.mitre.org/versions/v16/techniques/T1059/003/) | Command and Scripting Interpreter: Windows Command Shell | TheWizards uses cmd.exe to execute commands to download and execute tools. |',
  '| [*T1106*](https://attack.mitre.org/versions/v16/techniques/T1106/) | Native API | WizardNet uses CreateProcessA to execute processes it injects shellcode into. | |',
].join('\n');

// Rows of ESET's FamousSparrow (SparroWocky) table, kept as Markdown (search tool index file 69476457388): the rows
// under a tactic's first are one cell short.
const FAMOUS_SPARROW = [
  '| **Tactic** | **ID** | **Name** | **Description** |',
  '| --- | --- | --- | --- |',
  '| **Resource Development** | [T1583.003](https://attack.mitre.org/versions/v19/techniques/T1583/003) | Acquire Infrastructure: Virtual Private Server | FamousSparrow has acquired servers to use for C&C and delivery servers for SparroWocky. |',
  '| [T1587.001](https://attack.mitre.org/versions/v19/techniques/T1587/001) | Develop Capabilities: Malware | FamousSparrow has developed SparroWocky and its loader. |',
  '| **Discovery** | [T1083](https://attack.mitre.org/versions/v19/techniques/T1083) | File and Directory Discovery | SparroWocky can list files and directories on mapped drives. |',
].join('\n');

describe('table rows under a tactic cell merged over them', () => {
  it('reads a row written without its tactic cell, its cells shifted left and one empty last, as under the tactic above (ESET TheWizards)', () => {
    expect(read(THE_WIZARDS)).to.deep.equal([
      ['T1583.001', 'Acquire Infrastructure: Domains', ['Resource Development'], ['TheWizards has registered the domains hao[.]com, ssl-dns[.]com, and mkdmcdn[.]com.']],
      ['T1583.004', 'Acquire Infrastructure: Server', ['Resource Development'], ['TheWizards acquired servers for hosting tools, C&C, and to serve malicious updates.']],
      ['T1059.003', 'Command and Scripting Interpreter: Windows Command Shell', ['Execution'], ['TheWizards uses cmd.exe to execute commands to download and execute tools.']],
      ['T1106', 'Native API', ['Execution'], ['WizardNet uses CreateProcessA to execute processes it injects shellcode into.']],
    ]);
  });

  it('reads such a row one cell short the same way (ESET FamousSparrow)', () => {
    expect(read(FAMOUS_SPARROW)).to.deep.equal([
      ['T1583.003', 'Acquire Infrastructure: Virtual Private Server', ['Resource Development'], ['FamousSparrow has acquired servers to use for C&C and delivery servers for SparroWocky.']],
      ['T1587.001', 'Develop Capabilities: Malware', ['Resource Development'], ['FamousSparrow has developed SparroWocky and its loader.']],
      ['T1083', 'File and Directory Discovery', ['Discovery'], ['SparroWocky can list files and directories on mapped drives.']],
    ]);
  });

  it('reads such rows of a table written without outer pipes the same way (ESET LongNosedGoblin)', () => {
    // ESET's LongNosedGoblin report as Markdown in a public repository (search tool index file 59253788621): its table
    // without outer pipes, each row ended by two spaces, the rows under a tactic's first one cell short.
    const text = [
      '**Tactic** | **ID** | **Name** | **Description**  ',
      '---|---|---|---  ',
      '**Resource Development** | [T1585.003](https://www.welivesecurity.com/<https:/attack.mitre.org/techniques/T1585/003/>) | Establish Accounts: Cloud Accounts | LongNosedGoblin created accounts on cloud-based services for C&C communication.  ',
      '[T1588.001](https://www.welivesecurity.com/<https:/attack.mitre.org/techniques/T1588/001/>) | Obtain Capabilities: Malware | LongNosedGoblin likely used shared malware that we named NosyDoor.  ',
    ].join('\n');
    expect(read(text)).to.deep.equal([
      ['T1585.003', 'Establish Accounts: Cloud Accounts', ['Resource Development'], ['LongNosedGoblin created accounts on cloud-based services for C&C communication.']],
      ['T1588.001', 'Obtain Capabilities: Malware', ['Resource Development'], ['LongNosedGoblin likely used shared malware that we named NosyDoor.']],
    ]);
  });

  // The tactic column after the ID's: a report generator's `| ID | Technique | Tactic | Description |` (search tool index
  // file 60126845948), Sadja18/mitre_docs_ref's `Technique ID | Technique Name | Tactics` (Techniques/Techniques.md); a
  // tactic cell merged over its techniques' rows there, a converter writes the rows under the first with an empty tactic
  // cell, or without it, the description shifted into the tactic column. Our own rows in that shape (no such table found
  // kept as Markdown). Before: T1059.003 without a tactic and its description, and the rows under it lost the tactic too.
  it('reads a row written without a tactic cell after its ID column, its description shifted left, as under the tactic above', () => {
    const text = [
      '| ID | Technique | Tactic | Description |',
      '| --- | --- | --- | --- |',
      '| T1059.001 | PowerShell | Execution | The actor ran encoded PowerShell commands. |',
      '| T1059.003 | Windows Command Shell | The actor ran cmd.exe /c to stage tools. |',
      '| T1106 | Native API | | The loader calls CreateProcessW. |',
      '| T1082 | System Information Discovery | Discovery | The actor ran systeminfo. |',
      '| T1083 | File and Directory Discovery | The implant lists files on mapped drives. | |',
    ].join('\n');
    expect(read(text)).to.deep.equal([
      ['T1059.001', 'PowerShell', ['Execution'], ['The actor ran encoded PowerShell commands.']],
      ['T1059.003', 'Windows Command Shell', ['Execution'], ['The actor ran cmd.exe /c to stage tools.']],
      ['T1106', 'Native API', ['Execution'], ['The loader calls CreateProcessW.']],
      ['T1082', 'System Information Discovery', ['Discovery'], ['The actor ran systeminfo.']],
      ['T1083', 'File and Directory Discovery', ['Discovery'], ['The implant lists files on mapped drives.']],
    ]);
  });

  it('keeps a row one cell short whose tactic cell after its ID names a tactic as it is', () => {
    const text = ['| ID | Technique | Tactic | Description |', '| --- | --- | --- | --- |', '| T1082 | System Information Discovery | Discovery |'].join('\n');
    expect(read(text)).to.deep.equal([['T1082', 'System Information Discovery', ['Discovery'], undefined]]);
  });

  it('leaves a row whose ID stands under the ID column as it is: an empty tactic cell, an empty last cell', () => {
    const text = [
      '| Tactic | ID | Name | Description |',
      '| --- | --- | --- | --- |',
      '| Execution | T1059.003 | Windows Command Shell | The actor ran cmd.exe. |',
      '| | T1106 | Native API | |',
      '| Discovery | T1082 | System Information Discovery | |',
    ].join('\n');
    // The ID written in the technique's cell, the ID column left empty: the row names its tactic where the header puts it.
    const idInNameColumn = ['| Tactic | Technique | ID |', '| --- | --- | --- |', '| Execution | T1059.003 Windows Command Shell | |'].join('\n');
    expect(read(idInNameColumn)).to.deep.equal([['T1059.003', 'Windows Command Shell', ['Execution'], undefined]]);
    expect(read(text)).to.deep.equal([
      ['T1059.003', 'Windows Command Shell', ['Execution'], ['The actor ran cmd.exe.']],
      ['T1106', 'Native API', ['Execution'], undefined],
      ['T1082', 'System Information Discovery', ['Discovery'], undefined],
    ]);
  });
});

// The layout of an HTML ATT&CK table whose tactic cell spans its techniques' rows (`<td rowspan="3"><strong>Privilege
// Escalation</strong></td>`), as a malware analysis report in a public repository sets it (search tool index file
// 41607302271); rows and words ours, fewer columns.
describe('HTML tables whose tactic cell spans rows (rowspan)', () => {
  const rows = (cells: string[][]) => cells.map((row) => `<tr>${row.join('')}</tr>`);
  const TABLE = [
    '<tr><th>Tactic</th><th>ID</th><th>Name</th><th>Evidence</th></tr>',
    ...rows([
      ['<td rowspan="2"><strong>Privilege Escalation</strong></td>', '<td>T1055</td>', '<td>Process Injection</td>', '<td>Injected into rundll32.exe.</td>'],
      ['<td>T1134</td>', '<td>Access Token Manipulation</td>', '<td>Runs as SYSTEM.</td>'],
      ['<td>Execution</td>', '<td>T1559</td>', '<td>Inter-Process Communication</td>', '<td>Calls DeviceIoControl.</td>'],
    ]),
  ];
  const expected = [
    ['T1055', 'Process Injection', ['Privilege Escalation'], ['Injected into rundll32.exe.']],
    ['T1134', 'Access Token Manipulation', ['Privilege Escalation'], ['Runs as SYSTEM.']],
    ['T1559', 'Inter-Process Communication', ['Execution'], ['Calls DeviceIoControl.']],
  ];

  it('gives the rows under the spanning cell its tactic, each cell under its column, rows on one line each', () => {
    expect(read(['<table>', ...TABLE, '</table>'].join('\n'))).to.deep.equal(expected);
  });

  it('leaves a table of more rows than lines as it is: the lines after it keep their IDs', () => {
    const refs = extractReferences(['<table>' + TABLE.join('') + '</table>', 'After the table, the actor used T1105.', 'And T1082.', 'And T1083.'].join('\n'));
    expect(refs.map((ref) => [ref.ids.join(' '), ref.line])).to.deep.include.members([
      ['T1105', 2],
      ['T1082', 3],
      ['T1083', 4],
    ]);
  });

  // A whole table on one line, its tactic cells spanning rows: the layout of `twoRowspanBlocks`, a fixture of a report
  // site's parser recording its published tables (search tool index file 63112010976); our words and rows. Its rows are
  // read one by one, each first cell read by its tags. Before: T1059.001 and T1547.001 without a name (the tactic cell
  // before the ID), T1059.003 and T1543.003 without a tactic and written `T1059.003</td><td>Windows Command Shell`.
  it('reads a whole table on one line row by row: a first cell naming a tactic is no name, and the rows under it take it', () => {
    const line =
      '<table><thead><tr><th>Tactic</th><th>Technique ID</th><th>Technique Name</th><th>Evidence</th></tr></thead><tbody>' +
      '<tr><td rowspan="2">Execution</td><td>T1059.001</td><td>PowerShell</td><td>encoded command</td></tr>' +
      '<tr><td>T1059.003</td><td>Windows Command Shell</td><td>cmd.exe spawn</td></tr>' +
      '<tr><td rowspan="2">Persistence</td><td>T1547.001</td><td>Registry Run Keys / Startup Folder</td><td>HKCU Run value</td></tr>' +
      '<tr><td>T1543.003</td><td>Windows Service</td><td>service created</td></tr>' +
      '</tbody></table>';
    expect(extractReferences(line).map((ref) => [ref.raw, ref.name, ref.tactics])).to.deep.equal([
      ['T1059.001 | PowerShell', 'PowerShell', ['Execution']],
      ['T1059.003 | Windows Command Shell', 'Windows Command Shell', ['Execution']],
      ['T1547.001 | Registry Run Keys / Startup Folder', 'Registry Run Keys / Startup Folder', ['Persistence']],
      ['T1543.003 | Windows Service', 'Windows Service', ['Persistence']],
    ]);
  });

  it('does so with each cell on a line of its own', () => {
    expect(read(['<table>', ...TABLE.flatMap((row) => row.replace(/(<\/t[dh]>)/g, '$1\n').split('\n')), '</table>'].join('\n'))).to.deep.equal(expected);
  });
});

describe('Markdown links whose text and address name different techniques (through extractReport, ATT&CK 18.1)', () => {
  it('reads both and says so, naming both (ESET TheWizards: [*T1055*](…/T1055/004))', () => {
    const text = [
      '| **Tactic** | **ID** | **Name** | **Description** |',
      '| --- | --- | --- | --- |',
      '| **Defense Evasion** | [*T1480.002*](https://attack.mitre.org/versions/v16/techniques/T1480/002/) | Execution Guardrails: Mutual Exclusion | WizardNet creates a mutex to prevent other instances of the backdoor from running. |',
      '| [*T1055*](https://attack.mitre.org/versions/v16/techniques/T1055/004) | Process Injection | WizardNet injects shellcode into another process. | |',
    ].join('\n');
    const report = extractReport(text, { target: loadRelease('18.1') });
    expect(report.references.map((ref) => [ref.ids.join(' '), ref.tactics])).to.deep.equal([
      ['T1480.002', ['Defense Evasion']],
      ['T1055', ['Defense Evasion']],
      ['T1055.004', ['Defense Evasion']],
    ]);
    expect(report.notes).to.include(
      'line 4: the link "[*T1055*](https://attack.mitre.org/versions/v16/techniques/T1055/004)" shows T1055 but leads to T1055.004: both were read; keep the one the report means',
    );
  });
});

describe('a table whose Tactic column holds the IDs (Error404osint/-PHANTOM-TAURUS---APT--, mitre-detailed.md)', () => {
  it('reads no tactic from a Description cell that names one: it tells what was seen, and is the row\'s evidence', () => {
    // The DISCOVERY table of a Russian GitHub matrix of Phantom Taurus (commit 8e83817717f978b8d8952f17957eb9351db03eb2):
    // the IDs stand under `Tactic`, and the Description cell `Reconnaissance` says what the discovery served. Before, it
    // was read as the row's tactic, which drew the warning that T1083 is Discovery only. A cell of no evidence column that
    // names a tactic is still the row's (`| Phase | Tactic | Technique ID |`, above). The Tools cell is evidence too.
    const text = [
      '| Tactic | Technique | Description | Tools | Detection |',
      '|--------|-----------|-------------|-------|-----------|',
      '| T1083 | File and Directory Discovery | Reconnaissance | Yasso | Process monitoring |',
    ].join('\n');
    expect(read(text)).to.deep.equal([['T1083', 'File and Directory Discovery', [], ['Reconnaissance', 'Yasso']]]);
  });
});
