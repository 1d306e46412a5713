import { expect } from 'chai';
import { parse } from 'yaml';
import { renderCampaignSkeleton } from '../../lib/extract/campaign-skeleton.js';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { evidenceLine, withEvidenceLines, type ReportEvidence } from '../../lib/extract/report-evidence.js';

// A Use cell that quotes what the actor ran: quotes, colons and the words `line 2:` inside the text, which a writer
// reading the evidence back out of `line N: "…"` could take for a place. The layout is that of the Technique Title | ID |
// Use tables of CISA/FBI advisory AA24-109A (Akira; a US government work, public domain); the rows are in our own words.
const QUOTED_USE = 'The actors ran "cmd.exe /c echo line 2: done" and wrote: "C:\\Temp\\a.bat", line 9: "x"';
const TABLE = [
  '| Technique Title | ID | Use |',
  '|---|---|---|',
  `| Windows Command Shell | T1059.003 | ${QUOTED_USE} |`,
  '| Valid Accounts | T1078 | Used valid accounts: "svc_backup" |',
].join('\n');

// One cell per line (AA24-109A's tables as a page scraped to text): the Use cell stands on the line after the ID's, so its
// place is said in the skeleton, which cites the row's name line.
const CELLS = ['Technique Title', 'ID', 'Use', '', 'Windows Command Shell', 'T1059.003', QUOTED_USE, ''].join('\n');

describe('report-evidence', () => {
  describe('evidenceLine', () => {
    const rows: Array<[ReportEvidence, number[], string]> = [
      [{ line: 3, text: 'the cell' }, [], 'line 3: "the cell"'],
      [{ line: 3, text: 'said: "line 2: x"' }, [], 'line 3: "said: \\"line 2: x\\""'],
      [{ line: 3, text: 'the cell' }, [3], '"the cell"'],
      [{ line: 12482, by: 'campaign SolarWinds Compromise (C0024)', text: 'used 7-Zip' }, [], 'line 12482, campaign SolarWinds Compromise (C0024): "used 7-Zip"'],
      [{ line: 12482, by: 'campaign SolarWinds Compromise (C0024)', text: 'used 7-Zip' }, [12482], 'campaign SolarWinds Compromise (C0024): "used 7-Zip"'],
      [{ text: 'no place' }, [], '"no place"'],
    ];
    for (const [evidence, cited, expected] of rows) {
      it(`${JSON.stringify(evidence)}${cited.length ? ` (line ${cited.join(', ')} cited)` : ''} -> ${expected}`, () => {
        expect(evidenceLine(evidence, new Set(cited))).to.equal(expected);
      });
    }
  });

  describe('a Use cell holding quotes, colons and `line 2:`', () => {
    it('is kept as its line and its text as written', () => {
      expect(extractReferences(TABLE).map((ref) => [ref.ids, ref.evidence])).to.deep.equal([
        [['T1059.003'], [{ line: 3, text: QUOTED_USE }]],
        [['T1078'], [{ line: 4, text: 'Used valid accounts: "svc_backup"' }]],
      ]);
    });

    it('is the skeleton\'s evidence: field as written where source: cites its line, with its place and quotes where not', () => {
      const read = (text: string) =>
        (parse(renderCampaignSkeleton(extractReferences(text), { name: 'x', reportFile: 'r.txt' })) as { techniques: Array<{ evidence?: string; source: string }> }).techniques;
      expect(read(TABLE).map((t) => [t.evidence, t.source])).to.deep.equal([
        [QUOTED_USE, 'r.txt:3'],
        ['Used valid accounts: "svc_backup"', 'r.txt:4'],
      ]);
      expect(read(CELLS).map((t) => [t.evidence, t.source])).to.deep.equal([[`line 7: ${JSON.stringify(QUOTED_USE)}`, 'r.txt:5']]);
    });

    it('is one line for --json, `line N: "…"`, in its place among the reference\'s fields', () => {
      const [ref] = withEvidenceLines(extractReferences(TABLE));
      expect(ref!.evidence).to.deep.equal([`line 3: ${JSON.stringify(QUOTED_USE)}`]);
      expect(Object.keys(ref!)).to.deep.equal(Object.keys(extractReferences(TABLE)[0]!));
    });
  });
});
