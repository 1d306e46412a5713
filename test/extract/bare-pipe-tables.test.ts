import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';

// "The pipes on either end of the table are optional" (GitHub Flavored Markdown spec, tables extension), and GitHub
// renders such tables; documentation writes them (apache/pulsar's docs: `Topic name|Hash code|…` over `|---|---|---`,
// its rows `t1|0x10000000|100/s|10M/s`). The tables below are ours, in that shape, with ATT&CK IDs.
describe('readBarePipeTables: a Markdown table row without outer pipes reads a pipe as a cell border', () => {
  // Each reference with the ID and the name as written where its span and its name's span say, on the report's line.
  const rows = (text: string) => {
    const lines = text.split('\n');
    const at = (span: { line: number; start: number; end: number } | undefined) => (span ? lines[span.line - 1]!.slice(span.start, span.end) : undefined);
    return extractReferences(text).map((ref) => [ref.raw, ref.ids, ref.name, ref.line, at(ref.span), at(ref.nameSpan)]);
  };

  it('reads `T1059.001|003|PowerShell` under `Technique|Count|Name` and `---|---|---` as T1059.001 and its name (the row was lost)', () => {
    const table = ['Technique|Count|Name', '---|---|---', 'T1059.001|003|PowerShell', 'T1105|12|Ingress Tool Transfer'].join('\n');
    expect(rows(table)).to.deep.equal([
      ['T1059.001 | PowerShell', ['T1059.001'], 'PowerShell', 3, 'T1059.001', 'PowerShell'],
      ['T1105 | Ingress Tool Transfer', ['T1105'], 'Ingress Tool Transfer', 4, 'T1105', 'Ingress Tool Transfer'],
    ]);
  });

  it('reads a table with a pipe at one end only, and spaced cells, as well', () => {
    const table = ['Technique ID | Sub-technique', '|:---|---:', 'T1059.001|003', ' T1021.001 | 004 |'].join('\n');
    expect(rows(table).map((row) => row[1])).to.deep.equal([['T1059.001'], ['T1021.001']]);
  });

  it('still reads `T1059.001|003` as the two siblings outside a table: in prose, and after the table\'s last row', () => {
    const text = ['The rule matches T1059.001|003 here.', '', 'Technique|Name', '---|---', 'T1105|Ingress Tool Transfer', '', 'Then T1021.001|004 again.'].join('\n');
    expect(rows(text).map((row) => [row[1], row[3]])).to.deep.equal([
      [['T1059.001', 'T1059.003'], 1],
      [['T1105'], 5],
      [['T1021.001', 'T1021.004'], 7],
    ]);
  });

  // A detection note's regex alternation in prose (`T1059.001|003|004`, the form `T1059.001/003` takes in a rule's
  // comment): a line whose only pipes are inside an ID is no row; the lines around a line say whether it is one.
  it('reads `The actor ran T1059.001|003|004 here.` as the three siblings (a line with two pipes was taken for a row: nothing)', () => {
    expect(rows('The actor ran T1059.001|003|004 here.')).to.deep.equal([
      ['T1059.001|003|004', ['T1059.001', 'T1059.003', 'T1059.004'], undefined, 1, 'T1059.001|003|004', undefined],
    ]);
  });

  it('reads such a sentence right under a table with outer pipes as a sentence, no row of it (was T1059.001 named "004 here.")', () => {
    const text = ['| Technique | Sub | Name |', '|---|---|---|', '| T1059 | 001 | PowerShell |', 'The actor ran T1059.001|003|004 here.'].join('\n');
    expect(rows(text).map((row) => [row[1], row[2], row[3]])).to.deep.equal([
      [['T1059'], 'PowerShell', 3],
      [['T1059.001', 'T1059.003', 'T1059.004'], undefined, 4],
    ]);
  });

  it('reads `T1059.001|003|PowerShell` as a row beside a row of its shape, a header or another row, with no delimiter row (was lost)', () => {
    expect(rows(['Technique|Sub|Name', 'T1059.001|003|PowerShell'].join('\n')).map((row) => [row[1], row[2]])).to.deep.equal([[['T1059.001'], 'PowerShell']]);
    expect(rows(['T1059.001|003|PowerShell', 'T1059.002|001|AppleScript'].join('\n')).map((row) => [row[1], row[2]])).to.deep.equal([
      [['T1059.001'], 'PowerShell'],
      [['T1059.002'], 'AppleScript'],
    ]);
  });

  it('reads siblings in a spaced row\'s cell (`Execution | T1059.001|003 | PowerShell`) as that cell\'s, its other pipes the borders (was lost)', () => {
    const text = ['Tactic | Technique | Name', 'Execution | T1059.001|003 | PowerShell'].join('\n');
    expect(rows(text).map((row) => [row[1], row[2], row[4]])).to.deep.equal([[['T1059.001', 'T1059.003'], 'PowerShell', 'T1059.001|003']]);
  });

  // A shell pipeline written in a sentence, as intrusion reports quote the commands run (`whoami | findstr`, `net group
  // … /domain | findstr`, the filter Sigma's "Security Tools Keyword Lookup Via Findstr.EXE" rule describes: "Attackers
  // often pipe the results of recon commands such as "tasklist" or "whoami" to "findstr""). The lines are ours, in that
  // shape: no report we could quote writes one beside an ID.
  describe('a sentence quoting a shell pipeline is no table row on its own', () => {
    it('reads `Run whoami | findstr admin | more (T1059.003) on hosts.` as T1059.003 with no name (was "findstr admin | T1059.003")', () => {
      expect(rows('Run whoami | findstr admin | more (T1059.003) on hosts.')).to.deep.equal([['T1059.003', ['T1059.003'], undefined, 1, 'T1059.003', undefined]]);
    });

    it('reads the name the sentence gives, as for a sentence with no pipe (was "more, Permission Groups Discovery: Domain Groups")', () => {
      const line = 'cmd.exe /c net group "domain admins" /domain | findstr /v "---" | more, Permission Groups Discovery: Domain Groups (T1069.002).';
      expect(rows(line).map((row) => [row[1], row[2]])).to.deep.equal([[['T1069.002'], 'Permission Groups Discovery: Domain Groups']]);
    });

    it('reads a pipeline in a code span beside an ID as a sentence too (was a row: its name ran into the code)', () => {
      expect(rows('Run `whoami | findstr admin | more` (T1059.003) on hosts.').map((row) => [row[1], row[2]])).to.deep.equal([[['T1059.003'], undefined]]);
      expect(rows('T1057 Process Discovery: `tasklist | findstr lsass | more`').map((row) => [row[0], row[2]])).to.deep.equal([['T1057 Process Discovery:', 'Process Discovery']]);
    });

    it('reads two such sentences one over the other as sentences, not as a table\'s rows', () => {
      const text = ['Run whoami | findstr admin | more (T1059.003) on hosts.', 'Then tasklist | findstr sql | sort (T1057) on hosts.'].join('\n');
      expect(rows(text).map((row) => [row[0], row[2]])).to.deep.equal([
        ['T1059.003', undefined],
        ['T1057', undefined],
      ]);
    });

    it('still reads a row alone as a row: its cells hold their IDs whole, or do not run commands', () => {
      const tactics = (text: string) => extractReferences(text).map((ref) => [ref.ids, ref.name, ref.tactics]);
      expect(tactics('Execution | T1059.001 | PowerShell')).to.deep.equal([[['T1059.001'], 'PowerShell', ['Execution']]]);
      expect(tactics('Discovery | whoami | T1033')).to.deep.equal([[['T1033'], 'whoami', ['Discovery']]]);
      expect(tactics('Execution | PowerShell | ran T1059.001 here').map((row) => [row[0], row[2]])).to.deep.equal([[['T1059.001'], ['Execution']]]);
    });
  });
});
