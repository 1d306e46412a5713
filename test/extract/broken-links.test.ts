import { expect } from 'chai';
import { emptiedBrackets, joinBrokenLinks } from '../../lib/extract/broken-links.js';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

// Pepe Berba, "Hunting for Persistence in Linux (Part 3): Systemd, Timers, and Cron" (2022), its Markdown source:
// https://pberba.github.io/security/2022/01/30/linux-threat-hunting-for-persistence-systemd-timers-cron/ (excerpt).
const BERBA = [
  "In this blogpost, we'll discuss how attackers can create services and scheduled tasks for persistence by going through the following techniques: ",
  '*   [Create or Modify System Process: Systemd Service',
  '](https://attack.mitre.org/techniques/T1543/002/)',
  '*   [Scheduled Task/Job: Systemd Timers](https://attack.mitre.org/techniques/T1053/006/)',
].join('\n');

// The layout of a CISA advisory's technique table (AA22-074A, https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-074a)
// as an HTML-to-Markdown converter leaves it where the cell's link holds a line break, in our words.
const CISA = [
  '| Technique Title | ID | Use |',
  '| --- | --- | --- |',
  '| Exploit Public-Facing Application | [',
  'T1190',
  '](https://attack.mitre.org/versions/v10/techniques/T1190/) | The actors exploited a vulnerable server. |',
  '| Valid Accounts | [',
  '',
  'T1078',
  '',
  '](https://attack.mitre.org/versions/v10/techniques/T1078/) | The actors used a compromised account. |',
].join('\n');

describe('joinBrokenLinks', () => {
  it('writes a link broken across lines on the line that opens it, the lines it took left empty', () => {
    const joined = joinBrokenLinks(CISA).split('\n');
    expect(joined).to.have.length(CISA.split('\n').length);
    expect(joined[2]).to.equal('| Exploit Public-Facing Application | [T1190](https://attack.mitre.org/versions/v10/techniques/T1190/) | The actors exploited a vulnerable server. |');
    expect(joined.slice(3, 5)).to.deep.equal(['', '']);
    expect(joined[5]).to.equal('| Valid Accounts | [T1078](https://attack.mitre.org/versions/v10/techniques/T1078/) | The actors used a compromised account. |');
    expect(joinBrokenLinks(BERBA).split('\n')[1]).to.equal('*   [Create or Modify System Process: Systemd Service](https://attack.mitre.org/techniques/T1543/002/)');
  });

  // [text, why it is no broken link]
  const kept: ReadonlyArray<readonly [string, string]> = [
    ['see [1]\n](https://example.com/)', 'the bracket is closed on its line'],
    ['a [\n\n\n\n\n\nT1190\n](https://attack.mitre.org/techniques/T1190/)', 'the text runs over more than four lines'],
    ['a [\nT1190 [x]\n](https://attack.mitre.org/techniques/T1190/)', 'a bracket stands between'],
    ['a [\n\n](https://attack.mitre.org/techniques/T1190/)', 'no text inside'],
    ['a [\nT1190\n] (https://attack.mitre.org/techniques/T1190/)', 'no address right after the bracket'],
  ];
  for (const [text, why] of kept) {
    it(`keeps the text as it is when ${why}`, () => expect(joinBrokenLinks(text)).to.equal(text));
  }
});

describe('extract: a Markdown link broken across lines', () => {
  it("reads a scraped table's ID links as the table's cells, with their names, uses and lines", () => {
    const { references } = extractReport(CISA, { target: loadRelease('18.1') });
    expect(references.map((ref) => [ref.raw, ref.line, ref.name, ref.evidence?.map((e) => e.text), ref.resolution?.ids])).to.deep.equal([
      ['Exploit Public-Facing Application | [T1190](https://attack.mitre.org/versions/v10/techniques/T1190/)', 3, 'Exploit Public-Facing Application', ['The actors exploited a vulnerable server.'], ['T1190']],
      ['Valid Accounts | [T1078](https://attack.mitre.org/versions/v10/techniques/T1078/)', 6, 'Valid Accounts', ['The actors used a compromised account.'], ['T1078']],
    ]);
  });

  it("reads a list item's link whose text the converter ended with a line break as one link, its text and its address", () => {
    const refs = extractReferences(BERBA);
    expect(refs.map((ref) => [ref.raw, ref.line, ref.ids])).to.deep.equal([
      ['[Create or Modify System Process: Systemd Service](https://attack.mitre.org/techniques/T1543/002/)', 2, ['T1543.002']],
      ['[Scheduled Task/Job: Systemd Timers](https://attack.mitre.org/techniques/T1053/006/)', 4, ['T1053.006']],
    ]);
  });
});

// CISA and FBI, AA22-074A (https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-074a), its Technical Details as
// a public repository's scraped copy keeps them: each bracketed, linked ID (`[TA0001]`, `[T1078]`) lost with its link,
// the brackets left on two lines (excerpt).
const AA22_074A = [
  'This advisory uses the MITRE ATT&CK® for Enterprise framework, version 10. See Appendix A for a table of the threat actors’ activity mapped to MITRE ATT&CK tactics and techniques.',
  'Russian state-sponsored cyber actors gained initial access [',
  '] to the victim organization via compromised credentials [',
  '] and enrolling a new device in the organization’s Duo MFA. The actors gained the credentials [',
  '] via brute-force password guessing attack [',
  '], allowing them access to a victim account with a simple, predictable password.',
  'Using the compromised account, Russian state-sponsored cyber actors performed privilege escalation [',
  '] via exploitation of the “PrintNightmare” vulnerability (',
  '] to obtain administrator privileges.',
  '- A core Windows Operating System process used to perform the Transmission Control Protocol (TCP)/IP Ping command; used to test network connectivity to a remote host [',
  '] and is frequently used by actors for network discovery [',
  '- A standard Windows executable file that opens the built-in registry editor [',
].join('\n');

describe('emptiedBrackets', () => {
  it('finds the brackets a scraper left empty where it dropped a linked ID, by line and last words', () => {
    const found = emptiedBrackets(AA22_074A.split('\n'));
    expect(found.map((place) => place.line)).to.deep.equal([2, 3, 4, 5, 7, 8, 10, 11, 12]);
    expect(found[0]).to.deep.equal({ line: 2, written: 'actors gained initial access [' });
  });

  it('finds none in code, a bracket that holds text, or one closed by a link', () => {
    expect(emptiedBrackets(['const ids = [', '];', 'techniques: (', ']'])).to.deep.equal([]);
    expect(emptiedBrackets(['gained initial access [TA0001] to the victim', 'via compromised credentials [T1078]'])).to.deep.equal([]);
    expect(emptiedBrackets(['| Valid Accounts | [', '](https://attack.mitre.org/techniques/T1078/) |'])).to.deep.equal([]);
  });
});

describe('extract: brackets a scraper left empty', () => {
  it('says where a report that speaks of ATT&CK lost its linked IDs, where before it read nothing without a word', () => {
    const report = extractReport(AA22_074A, { target: loadRelease('18.1') });
    expect(report.references).to.deep.equal([]);
    const note = report.notes.find((text) => text.includes('brackets are empty'));
    expect(note).to.match(/^9 brackets are empty where the report had a link, .*: line 2 "actors gained initial access \[", line 3 "organization via compromised credentials \[", /);
    // Without ATT&CK in the text, empty brackets are not taken for its IDs.
    expect(extractReport(AA22_074A.replace(/MITRE ATT&CK®?/g, 'the framework'), { target: loadRelease('18.1') }).notes.some((text) => text.includes('brackets are empty'))).to.equal(false);
  });
});
