import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

// Two rows of the ATT&CK table of ESET's report on TheWizards (Spellbinder, WizardNet), kept as Markdown in a public
// repository (find_string index file 45028746286): each ID is a link whose text is set in italics, `[*T1583.001*](…)`.
// Before, the emphasis marks between the link's bracket and the ID hid the link, so the row's name was not read (the
// references were the bare IDs, their names unchecked); now the link is read as one without the marks is.
const ROWS = [
  '| **Tactic** | **ID** | **Name** | **Description** |',
  '| --- | --- | --- | --- |',
  '| **Resource Development** | [*T1583.001*](https://attack.mitre.org/versions/v16/techniques/T1583/001/) | Acquire Infrastructure: Domains | TheWizards has registered the domains hao[.]com, ssl-dns[.]com, and mkdmcdn[.]com. |',
  '| **Defense Evasion** | [*T1480.002*](https://attack.mitre.org/versions/v16/techniques/T1480/002/) | Execution Guardrails: Mutual Exclusion | WizardNet creates a mutex to prevent other instances of the backdoor from running. |',
].join('\n');

describe('Markdown links whose text is an ID set in emphasis (through extractReport, ATT&CK 18.1)', () => {
  it('reads the row\'s name beside an ID linked as [*T1583.001*](…), as beside [T1583.001](…)', () => {
    const target = loadRelease('18.1');
    const read = (text: string) => extractReport(text, { target }).references.map((ref) => [ref.ids[0], ref.name, ref.tactics]);
    expect(read(ROWS)).to.deep.equal([
      ['T1583.001', 'Acquire Infrastructure: Domains', ['Resource Development']],
      ['T1480.002', 'Execution Guardrails: Mutual Exclusion', ['Defense Evasion']],
    ]);
    expect(read(ROWS.replaceAll('*](', '](').replaceAll('[*', '['))).to.deep.equal(read(ROWS));
    expect(read(ROWS.replaceAll('*](', '__](').replaceAll('[*', '[__'))).to.deep.equal(read(ROWS));
  });
});
