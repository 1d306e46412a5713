import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

describe('joinSplitIds (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const read = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.raw, ref.ids, ref.resolution?.ids, ref.resolution?.status]);

  // pdftotext wraps a table cell inside an ID (the tester's OCR repro, reports4 repro-3: "T1059.\n001" read as T1059).
  it('joins a sub-technique number that a line break split from its technique, either side of the dot', () => {
    expect(read('PowerShell T1059.\n001 ran scripts.\n')).to.deep.equal([['PowerShell T1059.\n001', ['T1059.001'], ['T1059.001'], 'current']]);
    expect(read('| Windows Command Shell | T1059\n.003 |\n')).to.deep.equal([['Windows Command Shell | T1059\n.003', ['T1059.003'], ['T1059.003'], 'current']]);
  });

  // A bare ID on its line takes its name from the line beside it: the number's line is the ID's own, its number no name.
  it('joins an ID alone on its line, the number\'s line after it not taken as its name with the number', () => {
    const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.raw, ref.name, ref.nameSpan, ref.resolution?.ids]);
    expect(rows('T1059.\n001 PowerShell\n')).to.deep.equal([['T1059.\n001 | PowerShell', 'PowerShell', { line: 2, start: 4, end: 14 }, ['T1059.001']]]);
    expect(rows('T1059.\n001\n')).to.deep.equal([['T1059.\n001', undefined, undefined, ['T1059.001']]]);
    expect(rows('PowerShell\nT1059.\n001\n')).to.deep.equal([['PowerShell | T1059.\n001', 'PowerShell', { line: 1, start: 0, end: 10 }, ['T1059.001']]]);
  });

  // The words after the number are the words right after the ID, as on one line: lower-case words that name no technique
  // and share no word with its name are the sentence going on, no name (they were kept as the name, `ran the payload`).
  it('reads the words after a split ID\'s number as the words right after the ID on one line', () => {
    const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.raw, ref.name, ref.nameSpan, ref.resolution?.ids]);
    expect(rows('T1059.\n001 ran the payload\n')).to.deep.equal([['T1059.\n001', undefined, undefined, ['T1059.001']]]);
    expect(rows('T1059\n.001 ran the payload\n')).to.deep.equal([['T1059\n.001', undefined, undefined, ['T1059.001']]]);
    expect(rows('T1059.001 ran the payload\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    // A lone word of a sentence after the number is no name, as on one line (`T1059.`⏎`001 ran` kept `ran`).
    expect(rows('T1059.\n001 ran\n')).to.deep.equal([['T1059.\n001', undefined, undefined, ['T1059.001']]]);
    expect(rows('T1059.001 ran\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    // A name there is kept, as on one line.
    expect(rows('T1059.\n001 powershell script\n')).to.deep.equal([['T1059.\n001 | powershell script', 'powershell script', { line: 2, start: 4, end: 21 }, ['T1059.001']]]);
  });

  // A table's narrow ID column, pdftotext: several rows of one technique, each ID split from its own number (our rows,
  // in the shape of the one-row repro above). Read as one technique cited three times, T1059.003 alone was kept.
  it('joins each row of one technique split from its own number, rows apart', () => {
    const text = ['Execution', 'T1059.', '001', 'PowerShell', 'T1059.', '003', 'Windows Command Shell', 'T1059.', '005', 'Visual Basic'].join('\n');
    expect(extractReport(text, { target }).references.map((ref) => [ref.line, ref.ids, ref.tactics, ref.resolution?.ids])).to.deep.equal([
      [2, ['T1059.001'], ['Execution'], ['T1059.001']],
      [5, ['T1059.003'], ['Execution'], ['T1059.003']],
      [8, ['T1059.005'], ['Execution'], ['T1059.005']],
    ]);
    // Two in prose, the second's break on the line of the first's number (T1059.003 was lost in T1059.001).
    const prose = 'The actors used Windows Command Shell (T1059.\n003) and PowerShell (T1059\n.001) and scheduled tasks (T1053.005\n) to persist.\n';
    expect(read(prose).map((row) => row[1])).to.deep.equal([['T1059.003'], ['T1059.001'], ['T1053.005']]);
  });

  it('names the join in the trail', () => {
    const [ref] = extractReport('PowerShell T1059.\n001 ran scripts.\n', { target }).references;
    expect(ref?.resolution?.trail).to.include('read: line breaks joined (a wrapped cell)');
  });

  it('leaves a number that is no sub-technique, or one the release lacks, on its own line', () => {
    expect(read('PowerShell T1059.\n100 hosts ran it.\n').map((ref) => ref[1])).to.deep.equal([['T1059']]);
    expect(read('Phishing T1566.\n009 mails were sent.\n').map((ref) => ref[1])).to.deep.equal([['T1566']]);
    expect(read('PowerShell T1059\n001 ran scripts.\n').map((ref) => ref[1])).to.deep.equal([['T1059']]);
  });
});
