import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

// A short line of a report is read as a list item's cell, all of its words before the ID the name: a sentence's lead-in
// (`They used …`) became the technique's name in the skeleton. Each text below is a short reconstruction, in our own
// words, of the layout named beside it.
describe('withNamesOutOfSentences (through extractReport)', () => {
  const read = (text: string) => extractReport(text, { target: loadRelease('18.1') }).references;
  const named = (text: string) => read(text).map((ref) => [ref.raw, ref.name ?? null]);

  const rows: ReadonlyArray<readonly [what: string, text: string, raw: string, name: string]> = [
    // A helper's probe of extract, as a short write-up's sentence alone on its line ends in its citation.
    ['a pronoun and verb before an old ID (T1117, revoked by T1218.010)', 'They used Regsvr32 (T1117)', 'Regsvr32 (T1117)', 'Regsvr32'],
    // The same, with a software's name before the technique's.
    ['software named before the technique', 'They ran Cobalt Strike via Regsvr32 (T1117)', 'Regsvr32 (T1117)', 'Regsvr32'],
    // A Portuguese Wazuh lab write-up's heading (`### Caso 2: Bypass de Defesa via Regsvr32 (T1218.010)`).
    ['another language\'s heading words before the name', '### Caso 2: Bypass de Defesa via Regsvr32 (T1218.010)', 'Regsvr32 (T1218.010)', 'Regsvr32'],
    ['an article before a sub-technique\'s name', 'They used the Windows Command Shell (T1059.003).', 'Windows Command Shell (T1059.003)', 'Windows Command Shell'],
  ];
  for (const [what, text, raw, name] of rows) {
    it(`names the ID by the words that name its technique, not the sentence: ${what}`, () => {
      expect(named(text)).to.deep.equal([[raw, name]]);
    });
  }

  it('keeps a name written as a name', () => {
    expect(named('Spearphishing Attachment (T1193)')).to.deep.equal([['Spearphishing Attachment (T1193)', 'Spearphishing Attachment']]);
    expect(named('- Regsvr32 (T1117)')).to.deep.equal([['Regsvr32 (T1117)', 'Regsvr32']]);
    // A table's row as PDF-to-text writes it (a SOC rule table): the abbreviation in brackets is no name by itself.
    expect(named('Windows Management Instrumentation (WMI) T1047')).to.deep.equal([['Windows Management Instrumentation (WMI) T1047', 'Windows Management Instrumentation (WMI)']]);
  });

  it('keeps a name that disagrees with its ID, without the sentence, so that its warning is still given', () => {
    const [ref] = read('They used Spearphishing Link (T1193)');
    expect([ref!.raw, ref!.name]).to.deep.equal(['Spearphishing Link (T1193)', 'Spearphishing Link']);
    expect(ref!.resolution!.warnings.join(' ')).to.match(/"Spearphishing Link" disagree/);
  });

  it('reads the ID alone where no words of the sentence name a technique, the sentence kept as evidence', () => {
    const [ref] = read('They deployed Mimikatz (T1003)');
    expect([ref!.raw, ref!.name, ref!.evidence]).to.deep.equal(['T1003', undefined, [{ line: 1, text: 'They deployed Mimikatz (T1003)' }]]);
  });

  // A list of IDs after a sentence's verb shares the verb as its name (`observe (T1041)`), in brackets or not: our own
  // lines in the shape of a DFIR report's denial and an intrusion summary's list. Before, each ID was named by the verb
  // written without brackets (the bracketed case was read right already).
  it('reads a list of IDs alone where the words in lower case before it name no technique and hold no word of one, the words its evidence', () => {
    const rows: ReadonlyArray<readonly [text: string, ids: string[], evidence: string]> = [
      ['We did not observe T1041 or T1048.', ['T1041', 'T1048'], 'observe T1041 or T1048'],
      ['Data was exfiltrated T1041, T1048 and T1567.', ['T1041', 'T1048', 'T1567'], 'exfiltrated T1041, T1048 and T1567'],
      ['Exfiltration was attempted (T1041, T1048).', ['T1041', 'T1048'], 'attempted (T1041, T1048)'],
    ];
    for (const [text, ids, evidence] of rows) {
      expect(read(text).map((ref) => [ref.raw, ref.name ?? null, ref.evidence?.map((said) => said.text)])).to.deep.equal(ids.map((id) => [id, null, [evidence]]));
    }
  });

  it('keeps words in lower case before a list of IDs that name a technique or hold a word of its name', () => {
    expect(named('The group relies on spearphishing T1566.001 or T1566.002.')).to.deep.equal([
      ['spearphishing (T1566.001)', 'spearphishing'],
      ['spearphishing (T1566.002)', 'spearphishing'],
    ]);
    expect(named('They relied on scheduled tasks (T1053, T1053.005).')).to.deep.equal([
      ['scheduled tasks (T1053)', 'scheduled tasks'],
      ['scheduled tasks (T1053.005)', 'scheduled tasks'],
    ]);
  });

  it('without ATT&CK data, leaves out only the sentence\'s opening words', () => {
    const refs = extractReport('They used the Windows Command Shell (T1059.003).\n\nThey ran Cobalt Strike via Regsvr32 (T1117)').references;
    expect(refs.map((ref) => ref.name)).to.deep.equal(['Windows Command Shell', 'Cobalt Strike via Regsvr32']);
  });
});
