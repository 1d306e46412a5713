import { expect } from 'chai';
import { extractReport } from '../../lib/extract/extract-report.js';
import { loadRelease } from '../helpers/attack.js';

describe('pairJoinedNames (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');
  const read = (text: string) =>
    extractReport(text, { target }).references.map((ref) => ({ ids: ref.ids, name: ref.name, raw: ref.raw, status: ref.resolution?.status, warnings: ref.resolution?.warnings }));

  // The tester's Spanish scrape (reports3 repro-4): `y` joined the names, and T1566.001 was read beside "Spearphishing Link".
  const joined: Array<[language: string, text: string]> = [
    ['English', 'Initial access through Spearphishing Attachment and Spearphishing Link (T1566.001/T1566.002).'],
    ['Spanish', 'Aumento de intentos de acceso inicial a través de Spearphishing Attachment y Spearphishing Link (T1566.001/T1566.002).'],
    ['French', '- Spearphishing Attachment et Spearphishing Link (T1566.001, T1566.002)'],
    ['German', 'Der Zugriff erfolgte über Spearphishing Attachment und Spearphishing Link (T1566.001/T1566.002).'],
    ['Portuguese', '- Spearphishing Attachment e Spearphishing Link (T1566.001, T1566.002)'],
  ];
  for (const [language, text] of joined) {
    it(`pairs two names joined by the ${language} "and" with the two IDs after them, in order`, () => {
      expect(read(text)).to.deep.equal([
        { ids: ['T1566.001'], name: 'Spearphishing Attachment', raw: 'Spearphishing Attachment (T1566.001)', status: 'current', warnings: [] },
        { ids: ['T1566.002'], name: 'Spearphishing Link', raw: 'Spearphishing Link (T1566.002)', status: 'current', warnings: [] },
      ]);
    });
  }

  it('pairs Japanese names joined by と, and a list of three (A, B and C)', () => {
    expect(read('ユーザー実行と悪意のあるファイル（T1204、T1204.002）').map((ref) => ref.name)).to.deep.equal(['ユーザー実行', '悪意のあるファイル']);
    expect(read('- PowerShell, Windows Command Shell and Visual Basic (T1059.001, T1059.003, T1059.005)').map((ref) => [ref.ids[0], ref.name, ref.status])).to.deep.equal([
      ['T1059.001', 'PowerShell', 'current'],
      ['T1059.003', 'Windows Command Shell', 'current'],
      ['T1059.005', 'Visual Basic', 'current'],
    ]);
  });

  // A DFIR write-up's sentence (our own line, in the shape `We observed A and B (ID, ID).`): the tokenizer's name took
  // the sentence's first words with the first name, which then named T1041 "We observed Exfiltration Over C2 Channel".
  it('starts the first of joined names where a technique\'s name starts, not with the sentence\'s words before it', () => {
    expect(read('We observed Exfiltration Over C2 Channel and Data Staged (T1041, T1074).').map((ref) => [ref.ids[0], ref.name, ref.raw])).to.deep.equal([
      ['T1041', 'Exfiltration Over C2 Channel', 'Exfiltration Over C2 Channel (T1041)'],
      ['T1074', 'Data Staged', 'Data Staged (T1074)'],
    ]);
    expect(read('We observed Command and Scripting Interpreter and Data Staged (T1059, T1074).').map((ref) => ref.name)).to.deep.equal(['Command and Scripting Interpreter', 'Data Staged']);
    // A name with words before it that a tolerant reading still takes for the name ("saw Exfiltration Over C2 Channel").
    expect(read('We saw Exfiltration Over C2 Channel and Data Staged (T1041, T1074).').map((ref) => ref.name)).to.deep.equal(['Exfiltration Over C2 Channel', 'Data Staged']);
  });

  // Our own sentences, in the shape above, whose names together run past one name's eight words: the reach before a
  // bracket of IDs is one name's per ID, so the first name is read whole ("Over C2 Channel" before), whatever words it
  // shares with the next (`Exfiltration Over …`, `Exploitation for …`, `Scheduled …`, `Remote …`).
  const longJoined: Array<[text: string, names: string[]]> = [
    ['We observed Exfiltration Over C2 Channel and Exfiltration Over Alternative Protocol (T1041, T1048).', ['Exfiltration Over C2 Channel', 'Exfiltration Over Alternative Protocol']],
    ['The actor used Exploitation for Privilege Escalation and Exploitation for Defense Evasion (T1068, T1211).', ['Exploitation for Privilege Escalation', 'Exploitation for Defense Evasion']],
    ['In 2023 we saw Boot or Logon Autostart Execution and Boot or Logon Initialization Scripts (T1547, T1037).', ['Boot or Logon Autostart Execution', 'Boot or Logon Initialization Scripts']],
    ['We saw Scheduled Task and Scheduled Transfer (T1053.005, T1029).', ['Scheduled Task', 'Scheduled Transfer']],
    ['We saw Remote Services and Remote System Discovery (T1021, T1018).', ['Remote Services', 'Remote System Discovery']],
  ];
  for (const [text, names] of longJoined) {
    it(`reads each of joined names whole where together they pass one name's words: ${names.join(' and ')}`, () => {
      expect(read(text).map((ref) => [ref.name, ref.raw, ref.warnings])).to.deep.equal(names.map((name, k) => [name, `${name} (${/\(([^)]*)\)/.exec(text)![1]!.split(', ')[k]})`, []]));
    });
  }

  // Our own lines, in the shape of an incident write-up's ATT&CK list (`A, B and C (ID, ID, ID)`): the tokenizer's name
  // stops at a comma, so the names before the first comma were not read, and every ID was read alone with a warning.
  it('pairs a comma list of names with a bracket of as many IDs, in order, where each name fits its ID', () => {
    const exfiltration = ['Exfiltration Over C2 Channel', 'Exfiltration Over Web Service', 'Exfiltration Over Alternative Protocol'];
    for (const text of [
      '- Exfiltration Over C2 Channel, Exfiltration Over Web Service and Exfiltration Over Alternative Protocol (T1041, T1567, T1048)',
      '- Exfiltration Over C2 Channel, Exfiltration Over Web Service, Exfiltration Over Alternative Protocol (T1041, T1567, T1048)',
      'We observed Exfiltration Over C2 Channel, Exfiltration Over Web Service and Exfiltration Over Alternative Protocol (T1041, T1567, T1048).',
    ]) {
      expect(read(text).map((ref) => [ref.ids[0], ref.name, ref.raw, ref.warnings])).to.deep.equal(
        exfiltration.map((name, k) => [['T1041', 'T1567', 'T1048'][k], name, `${name} (${['T1041', 'T1567', 'T1048'][k]})`, []]),
      );
    }
    // A name the resolver reads by a close spelling fits its ID too, and is checked as it is written.
    expect(read('We observed Exfiltration Over C2 Chanel, Exfiltration Over Web Service and Exfiltration Over Alternative Protocol (T1041, T1567, T1048).').map((ref) => ref.name)).to.deep.equal([
      'Exfiltration Over C2 Chanel',
      ...exfiltration.slice(1),
    ]);
  });

  it('leaves out a tactic before the names, and pairs nothing where the names do not fit their IDs in order', () => {
    expect(read('- Initial Access, Spearphishing Attachment and Spearphishing Link (T1566.001, T1566.002)').map((ref) => [ref.ids[0], ref.name, ref.warnings])).to.deep.equal([
      ['T1566.001', 'Spearphishing Attachment', []],
      ['T1566.002', 'Spearphishing Link', []],
    ]);
    // The names in another order than the IDs: each ID alone, as before.
    const swapped = read('- Exfiltration Over Web Service, Exfiltration Over C2 Channel and Exfiltration Over Alternative Protocol (T1041, T1567, T1048)');
    expect(swapped.map((ref) => ref.warnings?.[0]?.replace(/"[^"]*"/, 'NAME'))).to.deep.equal(Array(3).fill('NAME joins 2 names beside 3 IDs (T1041, T1567, T1048); each ID was read by itself: write each name beside its own ID'));
    // A sentence whose comma list is not the names: the names right before the IDs, as before.
    expect(read('On hosts A, B and C we saw PowerShell and WMI (T1059.001, T1047).').map((ref) => ref.name)).to.deep.equal(['PowerShell', 'WMI']);
  });

  // Our own list items in the shape of SixMap's energy-sector report's TTP lists (see tokenize-references.test.ts), with
  // an item that has no ID before the named one: before, T1053 had no name, so nothing checked it.
  it('names the last item of a comma list in sentence case by its words, the items before it having no ID', () => {
    expect(read('- Web shells, Scheduled tasks (T1053)').map((ref) => [ref.ids[0], ref.name, ref.raw, ref.warnings])).to.deep.equal([['T1053', 'Scheduled tasks', 'Scheduled tasks (T1053)', []]]);
    expect(read('- Overall, Mimikatz dumped credentials (T1003)').map((ref) => [ref.name, ref.warnings])).to.deep.equal([[undefined, []]]);
  });

  it('never splits a technique name that holds the word (Command and Scripting Interpreter, File and Directory Discovery)', () => {
    expect(read('- Command and Scripting Interpreter (T1059.001, T1059.003)').map((ref) => ref.name)).to.deep.equal([
      'Command and Scripting Interpreter',
      'Command and Scripting Interpreter',
    ]);
    expect(read('- File and Directory Discovery and System Information Discovery (T1083, T1082)').map((ref) => ref.name)).to.deep.equal([
      'File and Directory Discovery',
      'System Information Discovery',
    ]);
  });

  it('gives a technique name beside a list of IDs to the one ID it names, and to none of the others', () => {
    // reports6 10-ja-edr-eval-atomic.md line 101: each name follows its own ID; T1069.001 has none of its own.
    expect(read('T1069.001 / T1007（System Service Discovery）/ T1135（Network Share Discovery）')).to.deep.equal([
      { ids: ['T1069.001'], name: undefined, raw: 'T1069.001', status: 'current', warnings: [] },
      { ids: ['T1007'], name: 'System Service Discovery', raw: 'T1007 (System Service Discovery)', status: 'current', warnings: [] },
      { ids: ['T1135'], name: 'Network Share Discovery', raw: 'T1135（Network Share Discovery）', status: 'current', warnings: [] },
    ]);
    // Before the IDs too; a parent's name, every ID's, stays every one's.
    expect(read('- Web Protocols (T1071.001, T1573.002)').map((ref) => [ref.ids[0], ref.name, ref.status])).to.deep.equal([
      ['T1071.001', 'Web Protocols', 'current'],
      ['T1573.002', undefined, 'current'],
    ]);
  });

  it('keeps the whole name and says so when the names count differently from the IDs and do not fit them in order', () => {
    const refs = read('- Scheduled Task and PowerShell and Windows Command Shell (T1059.003, T1059.001)');
    expect(refs.map((ref) => ref.name)).to.deep.equal(Array(2).fill('Scheduled Task and PowerShell and Windows Command Shell'));
    for (const ref of refs) {
      expect(ref.warnings).to.deep.equal([
        '"Scheduled Task and PowerShell and Windows Command Shell" joins 3 names beside 2 IDs (T1059.003, T1059.001); each ID was read by itself: write each name beside its own ID',
      ]);
    }
  });

  // Our own lines (h495 found no real report text in this shape): a list of more names than IDs, each ID's name among
  // them. Before, the names right before the bracket were paired in order (WMI as T1059.001, BITS Jobs as T1047, each
  // warned of as disagreeing), or the whole kept for both IDs with a warning (Scheduled Task). Now each ID takes the name
  // that fits it, and a name of another technique, given no ID, is said.
  it('pairs each ID with the name of a longer list that fits it, and says which of the others name a technique', () => {
    const bits = '"BITS Jobs" names T1197 BITS Jobs, listed with the names of T1059.001, T1047 but given no ID: not read as a reference; add T1197 if the report claims it';
    for (const text of ['On hosts A, B and C we saw PowerShell, WMI and BITS Jobs (T1059.001, T1047).', '- BITS Jobs, PowerShell and WMI (T1059.001, T1047)']) {
      expect(read(text).map((ref) => [ref.ids[0], ref.name, ref.raw, ref.warnings])).to.deep.equal([
        ['T1059.001', 'PowerShell', 'PowerShell (T1059.001)', [bits]],
        ['T1047', 'WMI', 'WMI (T1047)', [bits]],
      ]);
    }
    const scheduled = '"Scheduled Task" names T1053.005 Scheduled Task/Job: Scheduled Task, listed with the names of T1059.001, T1059.003 but given no ID: not read as a reference; add T1053.005 if the report claims it';
    expect(read('- PowerShell and Windows Command Shell and Scheduled Task (T1059.001, T1059.003)').map((ref) => [ref.name, ref.warnings])).to.deep.equal([
      ['PowerShell', [scheduled]],
      ['Windows Command Shell', [scheduled]],
    ]);
    // A name of no technique (a tool's) is left out unsaid, and so is the parent's name of the IDs' sub-techniques.
    expect(read('- Command and Scripting Interpreter, PowerShell and Windows Command Shell (T1059.001, T1059.003)').map((ref) => [ref.name, ref.warnings])).to.deep.equal([
      ['PowerShell', []],
      ['Windows Command Shell', []],
    ]);
    expect(read('- PowerShell, Cobalt Strike and WMI (T1059.001, T1047)').map((ref) => [ref.name, ref.warnings])).to.deep.equal([
      ['PowerShell', []],
      ['WMI', []],
    ]);
  });

  // Our own lines: a later mention of an ID whose joined names draw a warning is checked as it stands; before, the
  // warning was looked up by the first mention's object alone, so the later mention merged into the first, unwarned.
  it('keeps apart, with its warning, a later mention of an ID beside names that count differently from the IDs', () => {
    const refs = read(['The actor ran PowerShell (T1059.001).', '- Scheduled Task and PowerShell and Windows Command Shell (T1059.003, T1059.001)'].join('\n'));
    const whole = 'Scheduled Task and PowerShell and Windows Command Shell';
    expect(refs.map((ref) => [ref.raw, ref.warnings?.length])).to.deep.equal([
      ['PowerShell (T1059.001)', 0],
      [`${whole} (T1059.003)`, 1],
      [`${whole} (T1059.001)`, 1],
    ]);
  });

  // The SOC write-up's table row of f276f743 (find_string index file 71352271046), `| Input Capture / Phishing for
  // Information | T1056 / T1598 |`, written as a sentence and a list item, our own lines: before, both IDs took the whole
  // name, T1056 warned of as disagreeing with half of it.
  it('pairs names parted by spaced slashes with the IDs after them, in order, where each part names a technique', () => {
    for (const text of ['The actor used Input Capture / Phishing for Information (T1056 / T1598) to steal credentials.', '- Input Capture / Phishing for Information: T1056 / T1598']) {
      expect(read(text).map((ref) => [ref.ids[0], ref.name, ref.status])).to.deep.equal([
        ['T1056', 'Input Capture', 'current'],
        ['T1598', 'Phishing for Information', 'current'],
      ]);
    }
    // Parts after a parent's name and a colon are its sub-techniques', each given the parent's name as before.
    expect(read('Lateral movement used Remote Services: RDP / SSH (T1021.001 / T1021.004).').map((ref) => [ref.ids[0], ref.name])).to.deep.equal([
      ['T1021.001', 'Remote Services: RDP'],
      ['T1021.004', 'Remote Services: SSH'],
    ]);
  });

  it('never parts a name at a slash that parts one technique\'s name, nor where a part names none', () => {
    expect(read('- Registry Run Keys / Startup Folder (T1547 / T1547.001)').map((ref) => ref.name)).to.deep.equal([undefined, 'Registry Run Keys / Startup Folder']);
    expect(read('- Persistence via Registry Run Keys / Startup Folder (T1547.001 / T1547)').map((ref) => ref.name)).to.deep.equal([
      'Persistence via Registry Run Keys / Startup Folder',
      'Persistence via Registry Run Keys / Startup Folder',
    ]);
  });
});

describe('IDs read from look-alike letters (through extractReport, ATT&CK 18.1)', () => {
  const target = loadRelease('18.1');

  it('reads T1O59 as T1059 and says so in the trail', () => {
    const [ref] = extractReport('The loader ran Command and Scripting Interpreter (T1O59).', { target }).references;
    expect(ref?.resolution?.status).to.equal('current');
    expect(ref?.resolution?.ids).to.deep.equal(['T1059']);
    expect(ref?.resolution?.trail).to.include('read: a letter O, l or I read as the digit it looks like, as OCR and PDF fonts do (T1O59, Tl059, TI059)');
  });

  it('warns when the ID read is not in the release: it may be no ID at all', () => {
    const [ref] = extractReport('Serial TI000 shipped.', { target }).references;
    expect(ref?.resolution?.status).to.equal('unknown');
    expect(ref?.resolution?.warnings).to.deep.equal(['"TI000" was read as T1000 (letters taken for digits), which ATT&CK 18.1 does not have: check the text; it may be no technique ID']);
  });
});
