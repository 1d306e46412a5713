import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

// Our own lines in the shapes of two write-ups kept as Markdown in public repositories (find_string index files
// 58680965441 and 55290602306): a LetsDefend phishing case's "Mapping Restraint", which names in a code block the
// technique it did not map, and the Northpeak Descent hunt's analyst note, which keeps pass-the-hash a hypothesis.
const RESTRAINT = [
  '| Tactic | Technique | ID | Evidence |',
  '|---|---|---|---|',
  '| Initial Access | Spearphishing Attachment | **T1566.001** | Malicious attachment sent to the recipient |',
  '',
  'The alert names a task scheduler, but nothing shows a scheduled task on the endpoint.',
  '',
  'Therefore I did **not** map:',
  '',
  '```text',
  'T1053.005 — Scheduled Task/Job: Scheduled Task',
  '```',
  '',
  '> **Analyst note:** NTLM was seen. This does not independently prove pass-the-hash, so `T1550.002` should remain a hypothesis.',
].join('\n');

const warningsOf = (text: string): Array<[string[], string[]]> =>
  extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.ids, ref.resolution?.warnings ?? []]);

describe('deniedMention (through extractReport, ATT&CK 18.1)', () => {
  it('warns of an ID the report says it did not map or kept a hypothesis, quoting the words (before: both read as claimed, no word)', () => {
    expect(warningsOf(RESTRAINT)).to.deep.equal([
      [['T1566.001'], []],
      [['T1053.005'], ['T1053.005 is written where the report says it was not seen or not mapped (line 7, which introduces it, says "did not map"): keep it only where the report claims it']],
      [['T1550.002'], ['T1550.002 is written where the report says it was not seen or not mapped (its clause says "remain a hypothesis"): keep it only where the report claims it']],
    ]);
  });

  it('warns of each item of a list a line saying what was not observed introduces, not of a list under another line', () => {
    const text = ['The following techniques were not observed:', '- T1048 Exfiltration Over Alternative Protocol', '- T1567.002 Exfiltration to Cloud Storage', '', 'Observed:', '- T1021.001 Remote Desktop Protocol'].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids, warnings.map((warning) => warning.replace(/ \(.*/, ''))])).to.deep.equal([
      [['T1048'], ['T1048 is written where the report says it was not seen or not mapped']],
      [['T1567.002'], ['T1567.002 is written where the report says it was not seen or not mapped']],
      [['T1021.001'], []],
    ]);
  });

  // A denial says nothing of an ID in another clause, nor does a defence that missed a technique, nor a table's cell.
  const unwarned: ReadonlyArray<readonly [label: string, text: string]> = [
    ['another clause of the sentence', 'There was no evidence of data encryption, but backups were deleted (T1490).'],
    ['a clause after a comma that opens one', 'Although the operators had not been seen before, they dumped LSASS (T1003.001).'],
    ['a defence that missed it', 'Defender did not detect the packed payload (T1027.002).'],
    ['a table row', '| Discovery | T1082 | System Information Discovery | not observed on other hosts |'],
  ];
  for (const [label, text] of unwarned) {
    it(`warns of nothing in ${label}`, () => {
      expect(warningsOf(text).flatMap(([, warnings]) => warnings)).to.deep.equal([]);
    });
  }
});
