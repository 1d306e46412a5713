import { expect } from 'chai';
import { sourceKey } from '../../lib/index.js';
import { appendBase, citations, refuseCited, units, withoutCitations } from '../../scripts/mine-inline-sentences.mjs';

/** The lines of a web page's table saved as text: one cell to a line, two blank lines between them. */
const savedAsText = (...cells: string[]) => cells.join('\n\n\n');

describe('the rules that build the report-prose sentences (scripts/mine-inline-sentences.mjs)', () => {
  describe('a table saved one cell to a line', () => {
    it('reads rows whose ID has two cells before it (a tactic and a technique name on every row)', () => {
      const body = savedAsText(
        'MITRE ATT&CK techniques used by this actor',
        'Tactic', 'Technique', 'ID', 'Description',
        'Discovery', 'Process Discovery', 'T1057', 'The loader lists running processes every five seconds.',
        'Collection', 'Clipboard Data', 'T1115', 'The stealer replaces wallet addresses it finds in the clipboard.',
      );
      expect(units({ body }).filter((unit) => unit.cell)).to.deep.equal([
        { text: '[T1057] The loader lists running processes every five seconds.', cell: true },
        { text: '[T1115] The stealer replaces wallet addresses it finds in the clipboard.', cell: true },
      ]);
    });

    it('reads a header set in bold and a Notes column, and goes on past a cell broken over lines', () => {
      const body = savedAsText(
        '## MITRE ATT&CK techniques',
        '**Tactic**', '**Technique**', '**ID**', '**Notes**',
        'Command and Control', 'Web Service: Dead Drop Resolver', 'T1102.001', 'The Telegram Bot API at', 'api.telegram.org', 'was used to receive stolen data.',
        'Impact', 'Financial Theft', 'T1657', 'A stolen recovery seed gives full access to the victim wallet.',
      );
      expect(units({ body }).filter((unit) => unit.cell).map((unit) => unit.text)).to.deep.equal([
        '[T1102.001] The Telegram Bot API at',
        '[T1657] A stolen recovery seed gives full access to the victim wallet.',
      ]);
    });

    it('reads a Technique column as the ID column when the line under the header is a technique ID', () => {
      const body = savedAsText(
        'TA0003: Persistence',
        'Technique', 'Technique Description', 'Observed Activity',
        'T1136.001', 'Create Account: Local Account', 'The threat actor created a local administrator account.',
        'Mitigation', 'New account creation should be audited.',
      );
      expect(units({ body }).filter((unit) => unit.cell).map((unit) => unit.text)).to.deep.equal([
        '[T1136.001] The threat actor created a local administrator account.',
      ]);
      // A Technique column of names (an ID column after it) stays a column of names.
      const named = savedAsText(
        'Tactic', 'Technique', 'ID', 'Notes',
        'Discovery', 'Process Discovery', 'T1057', 'The loader lists running processes every five seconds.',
      );
      expect(units({ body: named }).filter((unit) => unit.cell).map((unit) => unit.text)).to.deep.equal([
        '[T1057] The loader lists running processes every five seconds.',
      ]);
    });

    it('ends the table after twice as many lines as its header has cells, none opening a row', () => {
      const body = savedAsText(
        'Tactic', 'ID', 'Name', 'Description',
        'Discovery', 'T1057', 'Process Discovery', 'The loader lists running processes every five seconds.',
        'Related articles', 'Subscribe', 'Share', 'Discussion', 'About us', 'Contact us', 'Privacy', 'Legal', 'Cookies',
        'T1115', 'Clipboard Data', 'A line that stands after the table, not a cell of it.',
      );
      expect(units({ body }).filter((unit) => unit.cell).map((unit) => unit.text)).to.deep.equal([
        '[T1057] The loader lists running processes every five seconds.',
      ]);
    });
  });

  describe('citations', () => {
    it('takes out a footnote number standing between spaces, as a page scraped to text writes it', () => {
      const { text } = citations('The actor dumped local credentials (T1003.002) [16] . [13] The DLL was side-loaded.');
      expect(text).to.equal('The actor dumped local credentials (⟦T1003.002|T1003.002⟧) . The DLL was side-loaded.');
    });

    it('keeps a period written inside the brackets of a citation as the end of the sentence', () => {
      expect(withoutCitations('They hid the browser from the user (⟦T1564.003|T1564.003⟧.)')).to.equal('They hid the browser from the user.');
      expect(withoutCitations('They used scheduled tasks (⟦T1053.005|T1053.005⟧) to run it.')).to.equal('They used scheduled tasks to run it.');
    });
  });

  describe('--append', () => {
    // Rows as committed, with spacing and key order JSON.stringify would not write: they must come back as they are.
    const committed = [
      '{"text": "The actor sends links to fake sign-in pages.", "id": "T1566.002", "source": "https://a.example/report"}',
      '{"id":"T1078","text":"The actor signs in with the stolen passwords.","source":"https://a.example/report"}',
      '{"text":"The backdoor lists the files of each drive.","id":"T1083","source":"https://b.example/post"}',
    ].join('\n') + '\n';

    it('keeps the committed rows byte for byte when a new document is added, with their texts as seen', () => {
      const base = appendBase(committed, ['https://c.example/new']);
      expect(base.lines.join('\n') + '\n').to.equal(committed);
      expect([...base.texts]).to.deep.equal([
        'The actor sends links to fake sign-in pages.',
        'The actor signs in with the stolen passwords.',
        'The backdoor lists the files of each drive.',
      ]);
    });

    it('replaces the rows of a document added before, which stand at the end, so that running it twice adds nothing', () => {
      const base = appendBase(committed, ['https://b.example/post', 'https://c.example/new']);
      expect(base.lines).to.deep.equal(committed.split('\n').slice(0, 2));
      expect(base.texts.has('The backdoor lists the files of each drive.')).to.equal(false);
    });

    it('refuses a document that has rows before the end, naming the line', () => {
      expect(() => appendBase(committed, ['https://a.example/report'], 'rows.jsonl')).to.throw(
        /^rows\.jsonl:1: https:\/\/a\.example\/report has rows among the earlier documents/,
      );
    });
  });

  describe('--part: a part of its own takes documents new to eval/', () => {
    const evalRows = [
      { text: 'The actor signs in with the stolen passwords.', source: 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-341a', reports: [] },
      { text: 'Set up a VPN profile.', flow: 'corpus/X.json', reports: ['https://www.welivesecurity.com/en/eset-research/some-post/'] },
    ];
    const doc = (name: string, source: string, also: string[] = []) => ({ name, source, url: source, also, body: '', lineUnits: false });

    it('refuses a document whose address a row cites, as its source or among its reports, written otherwise', () => {
      expect(() => refuseCited([doc('advisory.md', 'https://cisa.gov/news-events/cybersecurity-advisories/aa23-341a/')], evalRows, sourceKey)).to.throw(
        /^advisory\.md: https:\/\/cisa\.gov\/news-events\/cybersecurity-advisories\/aa23-341a\/ is already cited by a row of eval/,
      );
      expect(() => refuseCited([doc('copy.md', 'owner/repo/post.md@abc', ['http://welivesecurity.com/en/eset-research/some-post'])], evalRows, sourceKey)).to.throw(
        /^copy\.md: /,
      );
    });

    it('takes a document no row cites', () => {
      expect(() => refuseCited([doc('new.md', 'https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-270a')], evalRows, sourceKey)).not.to.throw();
    });
  });
});
