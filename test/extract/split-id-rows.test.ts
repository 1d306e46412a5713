import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { SPLIT_ID_ROW_RULE } from '../../lib/extract/split-id-rows.js';
import { loadRelease } from '../helpers/attack.js';

describe('readSplitIdRows (through extractReferences and extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const rows = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.line, ref.raw, ref.ids, ref.tactics, ref.resolution?.ids]);

  // A PDF table's narrow ID column made Markdown (the shape PDF-to-Markdown converters leave a wrapped row in; our rows):
  // each ID cell's sub-technique number in the next row's cell, the name cell wrapped over the two rows too. Before, the
  // rows were read as T1059 and T1053 (`Command and Scripting`), and `Scheduled Task` as a name of its own.
  const markdown = [
    '| Tactic | ID | Technique |', '|---|---|---|',
    '| Execution | T1059. | Command and Scripting |', '| | 001 | Interpreter: PowerShell |',
    '| Persistence | T1053 | Scheduled Task/Job: |', '| | .005 | Scheduled Task |',
    '| Discovery | T1082 | System Information Discovery |',
  ].join('\n');

  it('joins an ID cell to the sub-technique number in the cell under it, and the row\'s other cells to theirs', () => {
    expect(rows(markdown)).to.deep.equal([
      [3, 'T1059.001 | Command and Scripting Interpreter: PowerShell', ['T1059.001'], ['Execution'], ['T1059.001']],
      [5, 'T1053.005 | Scheduled Task/Job: Scheduled Task', ['T1053.005'], ['Persistence'], ['T1053.005']],
      [7, 'T1082 | System Information Discovery', ['T1082'], ['Discovery'], ['T1082']],
    ]);
    expect(extractReferences(markdown).map((ref) => [ref.span.line, ref.ids, ref.name])).to.deep.equal([
      [3, ['T1059.001'], 'Command and Scripting Interpreter: PowerShell'],
      [5, ['T1053.005'], 'Scheduled Task/Job: Scheduled Task'],
      [7, ['T1082'], 'System Information Discovery'],
    ]);
  });

  it('says the join, with what each row wrote', () => {
    const [first] = extractReport(markdown, { target }).references;
    expect(first?.resolution?.warnings).to.deep.equal([
      '"T1059." and "001" in the row under it (line 4) read as T1059.001: one cell split over two table rows; check the text',
    ]);
    expect(first?.resolution?.trail).to.include(`read: ${SPLIT_ID_ROW_RULE}`);
  });

  it('joins a grid table\'s row to the row under it past the border between them', () => {
    const grid = [
      '+-----------+--------+-------------+', '| Tactic    | ID     | Technique   |', '+===========+========+=============+',
      '| Execution | T1059. | Command and |', '|           |        | Scripting   |', '+-----------+--------+-------------+',
      '|           | 001    | Interpreter |', '|           |        | PowerShell  |', '+-----------+--------+-------------+',
    ].join('\n');
    expect(rows(grid)).to.deep.equal([[4, 'T1059.001 | Command and Scripting Interpreter PowerShell', ['T1059.001'], ['Execution'], ['T1059.001']]]);
  });

  it('joins nothing where the cell under the ID is more than three digits, or the dot is on neither side or both', () => {
    const text = [
      '| Tactic | ID | Technique |', '|---|---|---|',
      '| Execution | T1059 | Command and Scripting Interpreter |', '| | 001 | |',
      '| Persistence | T1053. | Scheduled Task/Job |', '| | .005 | |',
      '| Discovery | T1082. | System Information Discovery |', '| | 001 ran | |',
      '| Discovery | T1083 | File and Directory Discovery |', '| | 0010 | |',
    ].join('\n');
    expect(rows(text).map((row) => row[2])).to.deep.equal([['T1059'], ['T1053'], ['T1082'], ['T1083']]);
    expect(extractReport(text, { target }).references.flatMap((ref) => ref.resolution?.warnings ?? [])).to.deep.equal([]);
  });
});
