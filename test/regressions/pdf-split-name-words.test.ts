/**
 * A technique's name whose word PDF-to-text split with a space is still its name. ESET's white paper on Gamaredon
 * ("Cyberespionage the Gamaredon way", 2024), its ATT&CK table's PDF text as quoted in a public actor profile on GitHub,
 * has `T1518.001 Softwa re Discovery: Security Software Discovery` and `T1074.001 Data Staged: Local Data Stagin g`; a
 * Ukrainian government report's table has `T1559 .001 Inter-Process Communication: Compon ent Object Model`. extract
 * named T1518.001 "Softwa" and warned that it was no name of it, and named T1559.001 with words of the row before
 * ("system"). The lines below are written for this test after that layout (ID, name, description run on one line).
 */
import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

describe('a name with a word PDF-to-text split by a space', () => {
  const target = loadRelease('18.1');
  const names = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.resolution?.ids.join(','), ref.name, ref.resolution?.warnings.length]);

  it('is read with the word joined again, where the words after the ID are then its technique\'s exact name', () => {
    expect(names('Discovery T1083 File and Directory Discovery The tool searches for files. T1518.001 Softwa re Discovery: Security Software Discovery The tool lists security products.\n')).to.deep.equal([
      ['T1083', 'File and Directory Discovery', 0],
      ['T1518.001', 'Software Discovery: Security Software Discovery', 0],
    ]);
    expect(names('T1106 Native API The scripts call CreateProcess. T1559 .001 Inter-Process Communication: Compon ent Object Model The group embeds macros in documents.\n')).to.deep.equal([
      ['T1106', 'Native API', 0],
      ['T1559.001', 'Inter-Process Communication: Component Object Model', 0],
    ]);
  });

  it('joins no two words of which the second starts with a capital, nor words that make no name of the ID', () => {
    // `Discovery Security` is no split word; `Softwa re Discovery` beside T1083 names another technique.
    expect(names('T1518.001 Discovery Security The tool lists products.\n').map((row) => row[1])).to.not.include('DiscoverySecurity');
    expect(names('T1083 Softwa re Discovery The tool lists products.\n').map((row) => row[1])).to.not.include('Software Discovery');
  });
});
