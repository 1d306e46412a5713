import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

// Plain pdftotext writes a table one cell a line and a cell too wide for its column over lines of its own (the StealthCup
// table in test/corpus/reports/arxiv-stealthcup-2025-volt-typhoon-table.yaml is one cell a line); our rows below, in
// that layout, wrap a name cell as a narrow two-column PDF table does.
describe('readWrappedNames (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.line, ref.name, ref.resolution?.ids, ref.resolution?.trail[0]]);
  const rule = (lines: string) => `read: a technique name wrapped over lines of its own, as PDF-to-text writes a narrow table cell, joined where the lines together are exactly a technique's name: lines ${lines}`;

  it('joins a name wrapped over two or three lines before its ID, where together they are exactly the technique\'s name', () => {
    // Before: T1566.001 was named "Attachment", T1547.001 "Startup Folder".
    const text = ['Tactic', 'Technique', 'ID', 'Initial Access', 'Spearphishing', 'Attachment', 'T1566.001', 'Persistence', 'Registry Run', 'Keys / Startup', 'Folder', 'T1547.001'].join('\n');
    expect(rows(text)).to.deep.equal([
      [5, 'Spearphishing Attachment', ['T1566.001'], rule('5-6')],
      [9, 'Registry Run Keys / Startup Folder', ['T1547.001'], rule('9-11')],
    ]);
  });

  it('joins a name wrapped at a hyphen with nothing between, the hyphen kept or left out, whichever makes the name', () => {
    // Before: T1190 was named "Facing Application", T1566.001 "phishing Attachment".
    const text = ['Tactic', 'Technique', 'ID', 'Initial Access', 'Exploit Public-', 'Facing Application', 'T1190', 'Spear-', 'phishing Attachment', 'T1566.001'].join('\n');
    expect(rows(text)).to.deep.equal([
      [5, 'Exploit Public-Facing Application', ['T1190'], rule('5-6')],
      [8, 'Spearphishing Attachment', ['T1566.001'], rule('8-9')],
    ]);
    expect(extractReport(text, { target }).references.map((ref) => ref.tactics)).to.deep.equal([['Initial Access'], ['Initial Access']]);
  });

  it('joins a name wrapped after its ID', () => {
    expect(rows('T1566.001\nSpearphishing\nAttachment\n')).to.deep.equal([[1, 'Spearphishing Attachment', ['T1566.001'], rule('2-3')]]);
  });

  it('joins no lines that together are no technique\'s name, nor a line that is a name alone', () => {
    // `Initial Access` + `Spearphishing` is no name: the row's name stays what it was.
    expect(rows('Initial Access\nSpearphishing\nT1566.001\n').map((row) => row[3])).to.not.include(rule('1-2'));
    // `Phishing` is a name alone: not joined to the line after it.
    expect(rows('Phishing\nAttachment\nT1566\n').map((row) => row[1])).to.not.include('Phishing Attachment');
  });
});
