import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { SIBLING_NUMBER_RULE, SUB_COLUMN_RULE } from '../../lib/extract/sibling-numbers.js';
import { loadRelease } from '../helpers/attack.js';

// A Ukrainian government report's table of Gamaredon's techniques has a column for the technique's ID and one for the
// sub-technique's number; a row of the same technique writes the number alone (`T1566 .001 Spearphishing Attachment …`,
// then `.002 Spearphishing Link`). Its PDF text, as quoted in a public actor profile on GitHub (find_string "T1566 .001"),
// lost T1566.002 and T1059.005. The texts below are short reconstructions of its layout, descriptions reworded.
describe('siblingNumbersInLines (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const ids = (text: string) => extractReport(text, { target }).references.map((ref) => ref.resolution?.ids.join(','));

  it('reads a sub-technique written as its number alone after its technique\'s row, run on as PDF-to-text writes it', () => {
    const text =
      'Initial Access T1566 .001 Spearphishing Attachment The group sends emails with attachments or links .002 Spearphishing Link ' +
      'Execution T1059 .001 PowerShell The group runs ps1 scripts .005 Visual Basic The group runs vbs scripts T1106 Native API\n';
    expect(ids(text)).to.deep.equal(['T1566.001', 'T1566.002', 'T1059.001', 'T1059.005', 'T1106']);
  });

  it('reads the number in a table\'s cells, completing its technique\'s ID in the same row and naming a sibling in the rows after', () => {
    const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.resolution?.ids.join(','), ref.name, ref.tactics]);
    expect(rows('| Initial Access | T1566 | .001 | Spearphishing Attachment |\n| | | .002 | Spearphishing Link |\n')).to.deep.equal([
      ['T1566.001', 'Spearphishing Attachment', ['Initial Access']],
      ['T1566.002', 'Spearphishing Link', []],
    ]);
    expect(rows('Execution\tT1059\t.001\tPowerShell\truns ps1 scripts\n\t\t.005\tVisual Basic\truns vbs scripts\n').map((row) => row[0])).to.deep.equal(['T1059.001', 'T1059.005']);
  });

  // ATT&CK's own pages list a technique's sub-techniques so (a data source's "Domain ID Name Detects" table,
  // attack.mitre.org/datasources/DS0017, © The MITRE Corporation, reproduced under the ATT&CK terms of use; descriptions
  // shortened): each number on a line of its own, a paragraph between.
  it('reads numbers on lines of their own after their technique\'s row, with the most words that name the sub-technique', () => {
    const text = [
      'Domain ID Name Detects',
      'Enterprise T1548 Abuse Elevation Control Mechanism',
      '',
      'Monitor executed commands that may circumvent mechanisms designed to control elevate privileges.',
      '',
      '.001 Setuid and Setgid',
      '',
      'Monitor for execution of utilities, like chmod.',
      '',
      '.003 Sudo and Sudo Caching',
      '',
      'Monitor executed commands that may perform sudo caching.',
      '',
      'Enterprise T1134 Access Token Manipulation',
      '',
      '.001 Token Impersonation/Theft',
      '',
    ].join('\n');
    const rows = extractReport(text, { target }).references.map((ref) => [ref.resolution?.ids.join(','), ref.name]);
    expect(rows).to.deep.equal([
      ['T1548', 'Abuse Elevation Control Mechanism'],
      ['T1548.001', 'Setuid and Setgid'],
      ['T1548.003', 'Sudo and Sudo Caching'],
      ['T1134', 'Access Token Manipulation'],
      ['T1134.001', 'Token Impersonation/Theft'],
    ]);
  });

  it('names the reading in the trail', () => {
    const refs = extractReport('T1566 .001 Spearphishing Attachment .002 Spearphishing Link\n', { target }).references;
    expect(refs[1]!.resolution!.trail).to.include(`read: ${SIBLING_NUMBER_RULE}`);
  });

  it('reads no number that the words after it do not name as that sub-technique, nor one with no technique before it', () => {
    // No ID before it.
    expect(ids('.002 Spearphishing Link\n')).to.deep.equal([]);
    // No name after it: a version, a section.
    expect(ids('T1059 was seen in build .005 of the loader\n')).to.deep.equal(['T1059']);
    // Another sub-technique's name: T1059.002 is AppleScript, Visual Basic is T1059.005.
    expect(ids('| T1059 | .002 | Visual Basic |\n')).to.deep.equal(['T1059']);
    // The technique has no such sub-technique.
    expect(ids('T1566.001 Spearphishing Attachment .005 Visual Basic\n')).to.deep.equal(['T1566.001']);
    // Part of a longer number.
    expect(ids('T1059 PowerShell 3.001 PowerShell\n')).to.deep.equal(['T1059']);
  });

  // SOC write-ups on GitHub lay out their mapping with the sub-technique's number in a column of its own, under a header
  // that says so, and often no name after it: `| Stage | Tactic | Technique | ID | Sub-technique | Detected By |` over
  // `| 2 | Initial Access | Brute Force | T1110 | .003 | DET-001 |` (find_string "| T1059 | .001"), a detection repository's
  // coverage table `| Tactic | Technique ID | Sub-technique | Name |` with `| T1218 | .005 / .010 / .011 |`. Our own
  // minimal rows in those shapes.
  describe('a number alone in a column its header calls the sub-technique\'s', () => {
    const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.resolution?.ids.join(','), ref.tactics]);

    it('reads it with its row\'s technique ID, which it completes, under the row\'s tactic', () => {
      const table = [
        '| Stage | Tactic | Technique | ID | Sub-technique | Detected By |',
        '|---|---|---|---|---|---|',
        '| 1 | Recon | Gather Victim Network Info | T1590 | .005 | N/A (external) |',
        '| 2 | Initial Access | Brute Force | T1110 | .003 | DET-001 |',
        '| 3 | Execution | Command & Scripting | T1059 | .001 | DET-002 |',
        '| 7 | Discovery | Cloud Service Discovery | T1526 | - | DET-008 |',
      ].join('\n');
      expect(rows(table)).to.deep.equal([
        ['T1590.005', ['Reconnaissance']],
        ['T1110.003', ['Initial Access']],
        ['T1059.001', ['Execution']],
        ['T1526', ['Discovery']],
      ]);
      expect(extractReport(table, { target }).references[0]!.resolution!.trail).to.include(`read: ${SUB_COLUMN_RULE}`);
    });

    it('reads each of several numbers in the cell, and none of a range (.001-.013), which names no one sub-technique', () => {
      const table = [
        '| Tactic | Technique ID | Sub-technique | Severity |',
        '|---|---|---|---|',
        '| Defence Evasion | T1218 | .005 / .010 / .011 | High |',
        '',
        '| Technique | Sub-Tech | Evidence Source |',
        '|-----------|----------|----------------|',
        '| T1055 | .001-.013 | malfind, vadinfo |',
      ].join('\n');
      expect(rows(table).map((row) => row[0])).to.deep.equal(['T1218.005', 'T1218.010', 'T1218.011', 'T1055']);
    });

    it('reads no number alone under a header that is no sub-technique column\'s (a version, a count)', () => {
      expect(rows('| Technique | Build |\n|---|---|\n| T1059 | .005 |\n').map((row) => row[0])).to.deep.equal(['T1059']);
    });
  });
});
