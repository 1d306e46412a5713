import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { BROKEN_ID_RULE } from '../../lib/extract/broken-ids.js';
import { loadRelease } from '../helpers/attack.js';

// PDF-to-text keeps the hyphen a PDF's hyphenation wrote at a line's end, the word's rest on the next line ("permit-" ⏎
// "ted", datalab-to/pdftext issue #1, https://github.com/datalab-to/pdftext/issues/1; "capabili- ties",
// Unstructured-IO/unstructured issue #3486, https://github.com/Unstructured-IO/unstructured/issues/3486; pypdf writes the
// hyphen on a line of its own, py-pdf/pypdf issue #544, https://github.com/py-pdf/pypdf/issues/544), and breaks a word
// too long for a narrow table cell anywhere, with no hyphen. No public PDF-to-text dump of a report with an ID so split
// was found (h424 searched the code and pages indexes for the shapes), so the lines below are ours, in those layouts:
// a justified paragraph whose line ends inside a bracketed ID, and a table's narrow ID column.
describe('readBrokenIds (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const read = (text: string) => extractReport(text, { target });
  const ids = (text: string) => read(text).references.map((ref) => [ref.line, ref.ids, ref.resolution?.status]);

  const joined: Array<[string, string, string, string]> = [
    ['a hyphen after the dot', 'The actors mailed a lure document (T1566.-\n001) to the finance team.\n', 'T1566.-', '001'],
    ['a hyphen before the dot', 'The actors mailed a lure document (T1566-\n.001) to the finance team.\n', 'T1566-', '.001'],
    ['a hyphen in place of the dot, across the break', 'The actors mailed a lure document (T1566-\n001) to the finance team.\n', 'T1566-', '001'],
    ['a hyphen inside the number', 'The actors mailed a lure document (T1566.0-\n01) to the finance team.\n', 'T1566.0-', '01'],
    ['a hyphen before the last digit', 'The actors mailed a lure document (T1566.00-\n1) to the finance team.\n', 'T1566.00-', '1'],
    ['a soft hyphen at the break', 'The actors mailed a lure document (T1566.\u00ad\n001) to the finance team.\n', 'T1566.\u00ad', '001'],
    ['no hyphen, a narrow cell broken inside the number', 'Execution  PowerShell  T1059.00\n                       1\n', 'T1059.00', '1'],
    ['no hyphen, broken inside the technique\'s digits', 'They ran PowerShell (T10\n59.001) from a macro.\n', 'T10', '59.001'],
  ];
  for (const [what, text, written, rest] of joined) {
    it(`joins an ID a line break split, ${what}, and says so naming both lines (${JSON.stringify(written)} ⏎ ${JSON.stringify(rest)})`, () => {
      const [ref, ...others] = read(text).references;
      const id = written.startsWith('T1566') ? 'T1566.001' : 'T1059.001';
      expect(others).to.deep.equal([]);
      expect([ref?.ids, ref?.line, ref?.resolution?.status, ref?.resolution?.ids]).to.deep.equal([[id], 1, 'current', [id]]);
      const how = /[-\u00ad]$/.test(written) ? 'a hyphenated word' : 'a word wrapped in a narrow cell or column';
      expect(ref?.resolution?.warnings[0]).to.equal(`"${written}" at the end of line 1 and "${rest}" starting line 2 read as ${id}: one ID split by a line break, as PDF-to-text leaves ${how}; check the text`);
      expect(ref?.resolution?.trail[0]).to.match(/^read: an ID split by a line break \(hyphenated or not\) or a soft hyphen/);
      // The skeleton's ref is the ID as ATT&CK writes it, which normalize reads wherever it stands.
      expect(ref?.raw).to.include(id);
    });
  }

  it('joins an ID with a soft hyphen inside it on one line (read as its parent before)', () => {
    const [ref] = read('The actors mailed a lure document (T1566.\u00ad001) to the finance team.\n').references;
    expect(ref?.resolution?.ids).to.deep.equal(['T1566.001']);
    expect(ref?.resolution?.warnings[0]).to.equal('"T1566.\u00ad001", a soft hyphen inside it, read as T1566.001: one ID with a soft hyphen inside it; check the text');
  });

  it('joins nothing where the two make no technique of the release, and says what they would make', () => {
    const report = read('The actors mailed a lure document (T1566.-\n009) to the finance team.\n');
    expect(report.references.map((ref) => ref.ids)).to.deep.equal([['T1566']]);
    expect(report.notes).to.include('line 1: "T1566.-" at the end of line 1 and "009" starting line 2 would make T1566.009, which ATT&CK 18.1 does not have: read as written, not joined; check the text');
  });

  it('takes no word or path going on after the digits for the rest of an ID', () => {
    expect(ids('The payload T1059.00\n3rd stage ran.\n')).to.deep.equal([[1, [], 'unknown']]);
    // An ATT&CK URL broken inside its path: its rest is not the digits before the slash.
    expect(ids('See https://attack.mitre.org/techniques/T15\n66/001/ for more.\n').map((row) => row[1])).to.not.deep.include(['T1566']);
  });

  // One mechanism joins every split ID: the reader's own join of `T1059.`⏎`001` (split-ids.ts, joinSplitIds) was silent.
  it('joins T1059.⏎001 and T1059⏎.001 as every other split ID, and says so naming both lines', () => {
    const [ref] = read('PowerShell T1059.\n001 ran scripts.\n').references;
    expect([ref?.raw, ref?.resolution?.ids]).to.deep.equal(['PowerShell T1059.001', ['T1059.001']]);
    expect(ref?.resolution?.warnings).to.deep.equal(['"T1059." at the end of line 1 and "001" starting line 2 read as T1059.001: one ID split by a line break, as PDF-to-text leaves a word wrapped in a narrow cell or column; check the text']);
    const [dot] = read('| Windows Command Shell | T1059\n.003 |\n').references;
    expect(dot?.resolution?.warnings[0]).to.match(/^"T1059" at the end of line 1 and ".003" starting line 2 read as T1059.003/);
  });

  // A Sigma rule's tags as a page scraped to text wraps them (SigmaHQ's proc_creation_win_powershell_abnormal_commandline_size.yml
  // tags `attack.execution`, `attack.t1059.001`; the breaks are ours, as a narrow page column hyphenates or cuts a word).
  const tags: Array<[string, string, string]> = [
    ['a hyphen inside the number', 'tags:\n    - attack.execution\n    - attack.t1059.0-\n01\n', 't1059.0-'],
    ['no hyphen, broken inside the number', 'tags:\n    - attack.execution\n    - attack.t1059.00\n1\n', 't1059.00'],
    ['broken inside the technique\'s digits, in a line of tags', 'Tags: attack.execution, attack.t10\n59.001\n', 't10'],
  ];
  for (const [what, text, written] of tags) {
    it(`joins a lower-case Sigma tag a line break split, ${what}, and says so (attack.${written})`, () => {
      const [ref, ...others] = read(text).references;
      expect(others).to.deep.equal([]);
      expect(ref?.resolution?.ids).to.deep.equal(['T1059.001']);
      expect(ref?.resolution?.warnings[0]).to.match(new RegExp(`^"${written.replace('.', '\\.')}" at the end of line \\d and "[\\d.]+" starting line \\d read as T1059\\.001`));
    });
  }

  it('joins no lower-case t that is not a Sigma tag\'s (xattack.t1566.0-⏎01)', () => {
    expect(ids('xattack.t1566.0-\n01\n').map((row) => row[1])).to.deep.equal([[]]);
  });

  it('joins without ATT&CK data where the two make an ID, and says so in the notes', () => {
    const text = 'The actors mailed a lure document (T1566.-\n001) to the finance team.\n';
    expect(extractReferences(text).map((ref) => ref.ids)).to.deep.equal([['T1566.001']]);
    expect(extractReport(text).notes).to.deep.equal(['line 1: "T1566.-" at the end of line 1 and "001" starting line 2 read as T1566.001: one ID split by a line break, as PDF-to-text leaves a hyphenated word; check the text']);
  });
});

// The cases of split-ids.ts (joinSplitIds), which joined `T1059.`⏎`001` and `T1059`⏎`.001` apart from readBrokenIds and
// said nothing: readBrokenIds joins them now, and says so.
describe('readBrokenIds: a break with no hyphen beside the dot (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const read = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.raw, ref.ids, ref.resolution?.ids, ref.resolution?.status]);

  // pdftotext wraps a table cell inside an ID (the tester's OCR repro, reports4 repro-3: "T1059.\n001" read as T1059).
  it('joins a sub-technique number that a line break split from its technique, either side of the dot', () => {
    expect(read('PowerShell T1059.\n001 ran scripts.\n')).to.deep.equal([['PowerShell T1059.001', ['T1059.001'], ['T1059.001'], 'current']]);
    expect(read('| Windows Command Shell | T1059\n.003 |\n')).to.deep.equal([['Windows Command Shell | T1059.003', ['T1059.003'], ['T1059.003'], 'current']]);
  });

  // A bare ID on its line takes its name from the line beside it: the number's line is the ID's own, its number no name.
  it('joins an ID alone on its line, the number\'s line after it not taken as its name with the number', () => {
    const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.raw, ref.name, ref.nameSpan, ref.resolution?.ids]);
    expect(rows('T1059.\n001 PowerShell\n')).to.deep.equal([['T1059.001 | PowerShell', 'PowerShell', { line: 2, start: 4, end: 14 }, ['T1059.001']]]);
    expect(rows('T1059.\n001\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    expect(rows('PowerShell\nT1059.\n001\n')).to.deep.equal([['PowerShell | T1059.001', 'PowerShell', { line: 1, start: 0, end: 10 }, ['T1059.001']]]);
  });

  // The words after the number are the words right after the ID, as on one line: lower-case words that name no technique
  // and share no word with its name are the sentence going on, no name (they were kept as the name, `ran the payload`).
  it('reads the words after a split ID\'s number as the words right after the ID on one line', () => {
    const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.raw, ref.name, ref.nameSpan, ref.resolution?.ids]);
    expect(rows('T1059.\n001 ran the payload\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    expect(rows('T1059\n.001 ran the payload\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    expect(rows('T1059.001 ran the payload\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    // A lone word of a sentence after the number is no name, as on one line (`T1059.`⏎`001 ran` kept `ran`).
    expect(rows('T1059.\n001 ran\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    expect(rows('T1059.001 ran\n')).to.deep.equal([['T1059.001', undefined, undefined, ['T1059.001']]]);
    // A name there is kept, as on one line.
    expect(rows('T1059.\n001 powershell script\n')).to.deep.equal([['T1059.001 | powershell script', 'powershell script', { line: 2, start: 4, end: 21 }, ['T1059.001']]]);
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
    expect(ref?.resolution?.trail[0]).to.equal(`read: ${BROKEN_ID_RULE}`);
  });

  it('leaves a number that is no sub-technique, or one the release lacks, on its own line', () => {
    expect(read('PowerShell T1059.\n100 hosts ran it.\n').map((ref) => ref[1])).to.deep.equal([['T1059']]);
    expect(read('Phishing T1566.\n009 mails were sent.\n').map((ref) => ref[1])).to.deep.equal([['T1566']]);
    expect(read('PowerShell T1059\n001 ran scripts.\n').map((ref) => ref[1])).to.deep.equal([['T1059']]);
    // A number no sub-technique's starts with (every one's starts with 0) is the sentence going on, not said; one that
    // could be a sub-technique the release lacks is said, as any split ID's is.
    expect(extractReport('PowerShell T1059.\n100 hosts ran it.\n', { target }).notes).to.deep.equal([]);
    expect(extractReport('Phishing T1566.\n009 mails were sent.\n', { target }).notes).to.deep.equal([
      'line 1: "T1566." at the end of line 1 and "009" starting line 2 would make T1566.009, which ATT&CK 18.1 does not have: read as written, not joined; check the text',
    ]);
  });
});
