import { expect } from 'chai';
import { formatTable } from '../../lib/cli/format-table.js';

describe('formatTable with wide characters', () => {
  it('aligns columns by the columns a terminal draws, two for each Japanese character', () => {
    const table = formatTable(['line', 'reference', 'status'], [[3, 'Spearphishing Attachment', 'current'], [8, 'スピアフィッシング添付ファイル', 'unknown']]);
    const lines = table.trimEnd().split('\n');
    // スピアフィッシング添付ファイル is 15 characters and 30 columns: the status column starts at column 38 on every line.
    const columnOf = (line: string, word: string) => [...line.slice(0, line.indexOf(word))].reduce((w, c) => w + (/[\u3000-\u9fff]/.test(c) ? 2 : 1), 0);
    expect(lines.map((line, i) => columnOf(line, ['status', 'current', 'unknown'][i]!))).to.deep.equal([38, 38, 38]);
  });

  it('cuts a wide text to the width in columns, with …', () => {
    const table = formatTable(['reference', 'note'], [['スピアフィッシング添付ファイル', 'x']], { width: 20, color: false }, { flexible: [0] });
    // 20 columns: the note column (4 wide) and its gap leave the reference 14: six characters (12) and … (1), a column
    // to spare, where a seventh would not fit.
    expect(table.split('\n')[1]).to.equal('スピアフィッ…   x');
  });
});
