import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
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

    it('reads no name outside a technique column: prose, a `Name` column of tools, a column without a header', () => {
      const text = [
        'The actor used Phishing, then Network Sniffing and OS Credential Dumping.', '',
        '| Name | Purpose |', '|---|---|', '| PowerShell | scripts |', '',
        '| Discovery | Network Sniffing |',
      ].join('\n');
      expect(read(text).references).to.deep.equal([]);
    });

    it('reports the cells of a technique column that name no technique, and names the release', () => {
      const report = read('| Tactic | Technique |\n|---|---|\n| Impact | Modify Firmware |\n| Discovery | Network Sniffing |\n| Execution | — |\n');
      expect(report.references.map((ref) => ref.raw)).to.deep.equal(['Network Sniffing']);
      expect(report.notes).to.deep.equal([
        '1 cell of a technique column names no technique of ATT&CK enterprise-attack 18.1, so it is no reference: line 3 "Modify Firmware" (check the name, or the domain)',
      ]);
    });

    it('reads names against the release it is given (ICS names with ICS data)', () => {
      const text = '| Taktik | Technik |\n|---|---|\n| Discovery | Network Sniffing |\n| Inhibit Response Function | Activate Firmware Update Mode |\n';
      expect(rows(text, 'ics-attack').map((row) => row[5])).to.deep.equal([['T0842'], ['T0800']]);
      expect(rows(text).map((row) => row[5])).to.deep.equal([['T1040']]);
    });

    it('points to suggest when the report names more techniques without an ID than it cites', () => {
      const prose = 'The actor used Phishing, then Network Sniffing.\nThen Remote System Discovery followed.\nOS Credential Dumping (T1003) came last.\n';
      const [note] = read(prose).notes;
      // `Phishing` is an English word in common use, which starts many a sentence: it is no hint.
      expect(note).to.match(/^the report names 2 techniques without an ID \(Network Sniffing at line 1, Remote System Discovery at line 2\)/);
      expect(note).to.include('`attack-layers suggest`');
      // Lower-case words (`phishing`, `search engines`) are no names; cited techniques' names are no hint either.
      expect(read('Users are lured via search engines and phishing.\nNetwork Sniffing (T1040) and T1018 Remote System Discovery.\n').notes).to.deep.equal([]);
    });
  });
});
