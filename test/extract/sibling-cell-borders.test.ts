import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';

// Markdown tables written without spaces round their pipes are common: mitreattack-python's Markdown exports
// (`|mitre-attack|enterprise-attack|Windows|T1059.001|PowerShell|`, in many repositories' group pages) and analysts'
// notes (`|Activity|MITRE Technique|`⏎`|PowerShell Execution|T1059.001|`). A column of numbers after the ID column (a
// count, a score, a sub-technique's number) then reads `|T1059.001|003|`; the tables below are ours, in that shape.
describe('extractReferences: a pipe in a table row is a cell border, no sibling separator', () => {
  const rows = (text: string) => extractReferences(text).map((ref) => [ref.raw, ref.ids, ref.name]);

  it('reads `|T1059.001|003|PowerShell|` as T1059.001 and its name, `003` the next cell (the row was lost)', () => {
    const table = ['|Technique|Count|Name|', '|---|---|---|', '|T1059.001|003|PowerShell|', '|T1105|12|Ingress Tool Transfer|'].join('\n');
    expect(rows(table)).to.deep.equal([
      ['T1059.001 | PowerShell', ['T1059.001'], 'PowerShell'],
      ['T1105 | Ingress Tool Transfer', ['T1105'], 'Ingress Tool Transfer'],
    ]);
    // A sub-technique column's number after a sub-technique's ID, and a spaced row with an unspaced pipe in its cell.
    expect(rows('|Technique ID|Sub-technique|\n|---|---|\n|T1059.001|003|\n').map((row) => row[1])).to.deep.equal([['T1059.001']]);
    expect(rows('| Technique | Hits |\n|---|---|\n| T1059.001|003 | 4 |\n').map((row) => row[1])).to.deep.equal([['T1059.001']]);
  });

  it('still reads `T1059.001|003` in prose as the two siblings (a detection note\'s regex alternation)', () => {
    expect(rows('The rule matches T1059.001|003 (PowerShell or Windows Command Shell).\n').map((row) => row[1])).to.deep.equal([['T1059.001', 'T1059.003']]);
  });
});
