import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { readLostLetters } from '../../lib/extract/lost-letters.js';
import { loadRelease } from '../helpers/attack.js';

// A write-up of the Kapeka backdoor ("Understanding the 'Kapeka' Backdoor: Detailed Analysis by APT44") printed to PDF,
// its ATT&CK table run into one line by PDF-to-text, and every small `i` lost with the font's glyph (the PDF's text as a
// public actor profile on GitHub quotes it, code index file 59163779746).
const KAPEKA =
  "17 Executon T1059.003 Command and Scrptng Interpreter: Wndows Command Shell Persstence T1547.001 Boot or Logon Autostart Executon: Regstry Run Keys / Startup Folder Dscovery T1082 System Informaton Dscovery Defense Evason T1112 Modfy Regstry Defense Evason T1218.011 System Bnary Proxy Executon: Rundll32 Defense Evason T1036 Masqueradng Command and Control T1071.001 Applcaton Layer Protocol: Web Protocols Mtre Attack Understandng the 'Kapeka' Backdoor: Detaled Analyss by APT44";

describe('readLostLetters', () => {
  const target = loadRelease('18.1');

  it('reads a line that lost every small i with the letter back in the words of ATT&CK names, the others as written', () => {
    const read = readLostLetters(KAPEKA, target)!;
    expect(read.text).to.match(/^17 Execution T1059\.003 Command and Scripting Interpreter: Windows Command Shell Persistence T1547\.001 /);
    // `Mtre`, `Understandng`, `Detaled`, `Analyss` are no words of ATT&CK's names: they stay as written.
    expect(read.text).to.match(/Application Layer Protocol: Web Protocols Mtre Attack Understandng the 'Kapeka' Backdoor: Detaled Analyss by APT44$/);
    expect(read.lines.map((line) => line.line)).to.deep.equal([1]);
    expect(read.lines[0]!.words.slice(0, 3)).to.deep.equal([
      { written: 'Executon', read: 'Execution' },
      { written: 'Scrptng', read: 'Scripting' },
      { written: 'Wndows', read: 'Windows' },
    ]);
  });

  it('leaves alone a line with an i, and a short line without one', () => {
    expect(readLostLetters(KAPEKA.replace('Detaled', 'Detailed'), target)).to.equal(undefined);
    expect(readLostLetters('Executon T1059.003 Command and Scrptng Interpreter: Wndows Command Shell', target)).to.equal(undefined);
  });
});

describe('extractReport on a line that lost every small i', () => {
  it('reads each row\'s tactic and name, and says which words it read with the letter back', () => {
    const report = extractReport(KAPEKA, { target: loadRelease('18.1') });
    expect(report.references.map((ref) => [ref.ids, ref.name, ref.tactics, ref.resolution?.status, ref.resolution?.warnings])).to.deep.equal([
      [['T1059.003'], 'Command and Scripting Interpreter: Windows Command Shell', ['Execution'], 'current', []],
      [['T1547.001'], 'Boot or Logon Autostart Execution: Registry Run Keys / Startup Folder', ['Persistence'], 'current', []],
      [['T1082'], 'System Information Discovery', ['Discovery'], 'current', []],
      [['T1112'], 'Modify Registry', ['Defense Evasion'], 'current', []],
      [['T1218.011'], 'System Binary Proxy Execution: Rundll32', ['Defense Evasion'], 'current', []],
      [['T1036'], 'Masquerading', ['Defense Evasion'], 'current', []],
      [['T1071.001'], 'Application Layer Protocol: Web Protocols', ['Command and Control'], 'current', []],
    ]);
    expect(report.notes.filter((note) => note.includes('lost every small "i"'))).to.deep.equal([
      'line 1: the text lost every small "i" (a PDF font\'s), read with it put back in the words of ATT&CK\'s names: "Executon" as Execution, "Scrptng" as Scripting, "Wndows" as Windows, "Persstence" as Persistence, "Regstry" as Registry, "Dscovery" as Discovery, "Informaton" as Information, "Evason" as Evasion, "Modfy" as Modify, "Bnary" as Binary, "Masqueradng" as Masquerading, "Applcaton" as Application; check each reference against the report',
    ]);
  });
});
