import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

// No public text of a PDF advisory as `pdftotext -layout` writes it was found to quote; these rows are ours, set in its
// layout: each column starts where its header's cell does, a cell too wide for its column wraps onto the lines under
// it at the same column, the other cells of those lines blank (CISA's and the NCSC's advisories' `Tactic | Technique |
// ID | Use` tables, as poppler writes them).
const table = [
  'Table 2: ATT&CK techniques seen',
  '',
  '   Tactic             Technique                              ID            Use',
  '',
  '   Initial Access     Exploit Public-Facing Application      T1190         The actors exploited a flaw in',
  '                                                                           the VPN appliance.',
  '                      Phishing: Spearphishing Link           T1566.002     Emails carried links to a',
  '                                                                           cloud storage page.',
  '   Execution          Command and Scripting                  T1059.003     The actors ran batch files.',
  '                      Interpreter: Windows Command',
  '                      Shell',
  '   Command and        Application Layer Protocol: Web        T1071.001     The implant beaconed over',
  '   Control            Protocols                                            HTTPS.',
  '',
  'The actors then moved laterally with stolen credentials (T1078).',
].join('\n');

describe('readLayoutTables (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.line, ref.name, ref.tactics, ref.resolution?.ids]);
  const rule = (lines: string) =>
    `read: a table set in columns of spaces, as \`pdftotext -layout\` writes a PDF's table, read by its header's columns, a cell's lines wrapped under it joined: lines ${lines}`;

  it('reads a row by its header\'s columns: the tactic apart from the name, the name\'s wrapped lines joined', () => {
    // Before: "Initial Access Phishing: Spearphishing" for T1566.001, its second line lost.
    const text = ['Tactic            Technique                   ID', 'Initial Access    Phishing: Spearphishing     T1566.001', '                  Attachment'].join('\n');
    const report = extractReport(text, { target });
    expect(rows(text)).to.deep.equal([[2, 'Phishing: Spearphishing Attachment', ['Initial Access'], ['T1566.001']]]);
    expect(report.references[0]!.resolution?.trail).to.include(rule('2-3'));
  });

  it('gives a row whose tactic cell is blank the tactic above it, a tactic wrapped over two lines, and each row its use', () => {
    // Before: T1566.002 and T1071.001 had no tactic, T1059.003 was named "Command and Scripting".
    expect(rows(table)).to.deep.equal([
      [5, 'Exploit Public-Facing Application', ['Initial Access'], ['T1190']],
      [7, 'Phishing: Spearphishing Link', ['Initial Access'], ['T1566.002']],
      [9, 'Command and Scripting Interpreter: Windows Command Shell', ['Execution'], ['T1059.003']],
      [12, 'Application Layer Protocol: Web Protocols', ['Command and Control'], ['T1071.001']],
      [15, undefined, [], ['T1078']],
    ]);
    const uses = extractReport(table, { target }).references.map((ref) => ref.evidence?.map((each) => each.text));
    expect(uses.slice(0, 2)).to.deep.equal([['The actors exploited a flaw in the VPN appliance.'], ['Emails carried links to a cloud storage page.']]);
  });

  it('joins an ID cut in its cell, its rest under it, where the release has the ID; else reads it as written and says so', () => {
    const cut = (rest: string) =>
      ['Tactic            Technique                   ID', 'Initial Access    Phishing: Spearphishing     T1566.0-', `                  Attachment                  ${rest}`].join('\n');
    const joined = extractReport(cut('01'), { target });
    expect(joined.references.map((ref) => [ref.name, ref.resolution?.ids])).to.deep.equal([['Phishing: Spearphishing Attachment', ['T1566.001']]]);
    expect(joined.references[0]!.resolution?.trail.some((step) => step.startsWith('read: an ID split by a line break'))).to.equal(true);
    const unknown = extractReport(cut('09'), { target });
    expect(unknown.references.map((ref) => ref.resolution?.ids)).to.deep.equal([[]]);
    expect(unknown.notes.join('\n')).to.include('would make T1566.009, which ATT&CK 18.1 does not have: read as written, not joined');
  });

  it('reads no table without a header of its columns, nor past a line that runs over them', () => {
    // Lines set in columns under no header keep the reading they had (a tactic cell before the ID).
    expect(extractReferences('Initial Access    T1566.001   Spearphishing Attachment\n').map((ref) => ref.raw)).to.deep.equal(['T1566.001 | Spearphishing Attachment']);
    // A sentence under the header is no row, and the ID in it no table's.
    const prose = 'Tactic    Technique    ID\nThe actors sent phishing emails with attachments (T1566.001) to staff.\n';
    expect(extractReferences(prose).map((ref) => [ref.raw, ref.tactics])).to.deep.equal([['attachments (T1566.001)', []]]);
    // A short sentence in the first column right under a row is no line of its tactic cell (a long one runs over the columns).
    const note = 'Tactic      Technique        ID\nExecution   PowerShell       T1059.001\nSeen once.\n';
    expect(extractReferences(note).map((ref) => [ref.name, ref.tactics])).to.deep.equal([['PowerShell', ['Execution']]]);
  });
});
