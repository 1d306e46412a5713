import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extractReport } from '../../lib/extract/extract-report.js';
import { oneLineTableUses, type ColumnRole } from '../../lib/extract/one-line-table-uses.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';

// ESET's Machete report of 2019 (welivesecurity.com/2019/08/05/sharpening-machete-cyberespionage/), its ATT&CK table
// scraped into one line with its header, as a public repository's actor profile quotes it (found by find_string
// "Tactic ID Name Description Initial Access T1"); kept in the corpus with its source and licence.
const MACHETE = (parse(readFileSync(join(repoRoot, 'test/corpus/reports/eset-machete-2019-one-line-table.yaml'), 'utf8')) as { excerpt: string }).excerpt;

// The shape the NCSC's and CISA's HTML tables take scraped to one line, the name before the ID (`Tactic Technique ID
// Procedure`); our own words.
const NAME_FIRST =
  'MITRE ATT&CK techniques Tactic Technique ID Procedure Initial Access Phishing T1566 The actor sent spearphishing emails with malicious attachments. ' +
  'Execution Command and Scripting Interpreter T1059 The actor ran PowerShell scripts. Scheduled Task/Job T1053 The actor created scheduled tasks.';

const uses = (text: string) =>
  extractReport(text, { target: loadRelease('18.1') }).references.map((ref) => [ref.ids.join(), ref.evidence?.map((said) => said.text) ?? []]);

describe('oneLineTableUses', () => {
  describe('a table a scraped page ran into one line with its header', () => {
    it('gives each row its own use cell as evidence, the next row\'s tactic cell left out (ESET, Machete)', () => {
      expect(uses(MACHETE)).to.deep.equal([
        ['T1192', ['Emails contain a link to download a compressed file from an external server.']],
        ['T1193', ['Emails contain a zipped file with malicious contents.']],
        ['T1204', ['Tries to get users to open links or attachments that will execute the first component of Machete.']],
        // T1053 is in two rows, under Execution and under Persistence: each row's use is its evidence.
        ['T1053', ['Other components of Machete are executed by Windows Task Scheduler.', 'All of the components are scheduled to ensure persistence.']],
        ['T1158', ['Malware files and folders are hidden for persistence.']],
        ['T1027', ['Python scripts are obfuscated.']],
      ]);
    });

    it('reads the name before the ID too (`Tactic Technique ID Procedure`), a row without a tactic cell under the one above', () => {
      expect(uses(NAME_FIRST)).to.deep.equal([
        ['T1566', ['The actor sent spearphishing emails with malicious attachments.']],
        ['T1059', ['The actor ran PowerShell scripts.']],
        ['T1053', ['The actor created scheduled tasks.']],
      ]);
    });
  });

  describe('leaves a row without evidence where its structure is not clear', () => {
    it('without the header before the first row', () => {
      expect(uses(NAME_FIRST.replace('Tactic Technique ID Procedure ', ''))).to.deep.equal([
        ['T1566', []],
        ['T1059', []],
        ['T1053', []],
      ]);
    });

    it('where the header\'s last column is no use\'s (`Tactic ID Name Platform`)', () => {
      expect(uses(MACHETE.replace('Tactic ID Name Description', 'Tactic ID Name Platform')).every(([, said]) => !said?.length)).to.equal(true);
    });

    it('for a row whose name is no technique\'s, or whose use does not end as a sentence does; the others keep theirs', () => {
      const text = MACHETE.replace('T1204 User Execution Tries', 'T1204 Lures Tries').replace('with malicious contents.', 'with malicious contents');
      expect(uses(text).slice(0, 4)).to.deep.equal([
        ['T1192', ['Emails contain a link to download a compressed file from an external server.']],
        ['T1193', []],
        ['T1204', []],
        ['T1053', ['Other components of Machete are executed by Windows Task Scheduler.', 'All of the components are scheduled to ensure persistence.']],
      ]);
    });

    it('for a repeated ID, what stands beside its later mention that tells no use (the corpus file\'s own `means: [T1053]`)', () => {
      // The corpus file whole: its excerpt, then its `references:` list, which names each ID again beside `means: [T1053]`.
      const file = readFileSync(join(repoRoot, 'test/corpus/reports/eset-machete-2019-one-line-table.yaml'), 'utf8');
      expect(uses(file).find(([id]) => id === 'T1053')).to.deep.equal(['T1053', ['Other components of Machete are executed by Windows Task Scheduler.', 'All of the components are scheduled to ensure persistence.']]);
    });
  });

  describe('by itself', () => {
    const roles: Record<string, ColumnRole> = { tactic: 'tactic', id: 'id', name: 'name', technique: 'name', 'technique id': 'id', description: 'evidence' };
    const role = (words: string): ColumnRole | undefined => roles[words.toLowerCase()];
    const ids = (text: string) => [...text.matchAll(/T\d{4}/g)].map((id) => ({ start: id.index, end: id.index + id[0].length }));
    const read = (text: string) => oneLineTableUses(text, ids(text), role, (name) => ['Phishing', 'Native API'].includes(name)).map((span) => span && text.slice(span.start, span.end));

    it('reads a header whichever way its words divide into columns (`Tactic Technique ID Description`, not `Technique ID`)', () => {
      expect(read('Tactic Technique ID Description Initial Access Phishing T1566 Mails were sent to staff. Execution Native API T1106 It called the API directly.')).to.deep.equal([
        'Mails were sent to staff.',
        'It called the API directly.',
      ]);
    });

    it('reads no table where a pipe or a tag stands on the line (`pipeRows`, `htmlRows` read those), or one ID alone', () => {
      expect(read('Tactic ID Name Description | Initial Access T1566 Phishing Mails were sent to staff. T1106 Native API It called the API directly.')).to.deep.equal([]);
      expect(read('Tactic ID Name Description Initial Access T1566 Phishing Mails were sent to staff.')).to.deep.equal([]);
    });
  });
});
