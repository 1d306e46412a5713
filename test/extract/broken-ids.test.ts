import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
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
      expect(ref?.resolution?.warnings[0]).to.equal(`"${written}" at the end of line 1 and "${rest}" starting line 2 read as ${id}: one ID split by a line break, as PDF-to-text leaves a hyphenated word; check the text`);
      expect(ref?.resolution?.trail[0]).to.match(/^read: an ID split by a hyphenated line break or a soft hyphen/);
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

  it('leaves the reader\'s own joins (T1059.⏎001, T1059⏎.001) as they were', () => {
    const [ref] = read('PowerShell T1059.\n001 ran scripts.\n').references;
    expect([ref?.raw, ref?.resolution?.ids]).to.deep.equal(['PowerShell T1059.\n001', ['T1059.001']]);
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
