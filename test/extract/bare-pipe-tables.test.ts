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
});
