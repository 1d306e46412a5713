import { expect } from 'chai';
import { extractReferences } from '../../lib/extract/extract-references.js';
import { parseReference } from '../../lib/normalize/parse-reference.js';
import { NFKC_WINDOW, READING_RULES, cleanName, foldText, joinLines, scanIds, tokenizeReferences, withoutMarkdownEscapes } from '../../lib/normalize/tokenize-references.js';
import { readCorpus } from '../corpus/corpus.js';

const rule = (start: string): string => {
  const found = READING_RULES.find((label) => label.startsWith(start));
  if (!found) throw new Error(`no reading rule starts with "${start}"`);
  return found;
};

describe('scanIds', () => {
  // [text, IDs of each token, the rules of the first token, the written text of the first token]
  const rows: ReadonlyArray<readonly [text: string, ids: string[][], rules: string[], written: string]> = [
    ['T1566.001', [['T1566.001']], [], 'T1566.001'],
    ['TT1001', [['T1001']], [rule('a doubled T')], 'TT1001'],
    ['see T 1569.002 here', [['T1569.002']], [rule('a space after the T')], 'T 1569.002'],
    ['T1059,001 PowerShell', [['T1059.001']], [rule('a comma stands for')], 'T1059,001'],
    // Kaspersky's Incident Response Analyst report 2023 as PDF text: 'OS Credential Dumping: NTDS — T1003:003'.
    ['Create or Modify System Process: Windows Service T1543:003', [['T1543.003']], [rule('a colon separates')], 'T1543:003'],
    ['T1059: Command and Scripting Interpreter', [['T1059']], [], 'T1059'],
    ['t1059 .001', [['T1059.001']], [rule('a lower-case t'), rule('a space before the dot')], 't1059 .001'],
    ['T1566.001 and .002', [['T1566.001', 'T1566.002']], [rule('sibling sub-techniques')], 'T1566.001 and .002'],
    ['T1566[.001,.002]', [['T1566.001', 'T1566.002']], [rule('sub-techniques in brackets')], 'T1566[.001,.002]'],
    ['T1566.001/.002', [['T1566.001', 'T1566.002']], [rule('sibling sub-techniques')], 'T1566.001/.002'],
    // Three siblings or more after slashes, no dots: a campaign write-up's attack flow (`Webshell + PowerShell / CMD /
    // Python Backdoors (T1059.001/003/006)`), a SIEM's docs (`T1110.001, T1059.001/003/004, T1003`). Was no ID at all:
    // the slash after `003` was read as a longer number's.
    ['(T1059.001/003/006)', [['T1059.001', 'T1059.003', 'T1059.006']], [rule('sibling sub-techniques')], 'T1059.001/003/006'],
    ['T1110.001, T1059.001/003/004, T1003', [['T1110.001'], ['T1059.001', 'T1059.003', 'T1059.004'], ['T1003']], [], 'T1110.001'],
    // A red-team roadmap's Markdown table of technique IDs (`| Phase 2 (Network+AD) | T1021, T1557.001, T1550.002/3,
    // T1003.001/6, T1558.003/4 | …`, `T1055.001/4/12`, `T1546.003/15`): siblings by their number alone, without the zeros.
    // A minimal row of our own in its shape.
    ['T1550.002/3, T1055.001/4/12, T1546.003/15', [['T1550.002', 'T1550.003'], ['T1055.001', 'T1055.004', 'T1055.012'], ['T1546.003', 'T1546.015']], [rule('sibling sub-techniques written by their number alone')], 'T1550.002/3'],
    // A SOC playbook's kill-chain table (`| Initial Access | T1566.001/.002, … T1190, T1078/.004 | …`): the technique and
    // its sub-technique. A minimal row of our own in its shape.
    ['T1190, T1078/.004 | Mail gateway', [['T1190'], ['T1078', 'T1078.004']], [], 'T1190'],
    ['T1078/.004', [['T1078', 'T1078.004']], [rule('a technique and its sub-technique')], 'T1078/.004'],
    // Atomic Red Team's short form of a technique's tests (`Invoke-AtomicTest T1559-1,2,3`, which
    // redcanaryco/invoke-atomicredteam's Public/Invoke-AtomicTest.ps1 splits at the hyphen), as a purple-team write-up
    // quotes Invoke-AtomicTest's output (`Executing test: T1003.001-3 Dump LSASS.exe Memory using comsvcs.dll`) or a
    // table cell names a test (`| Outflank Dumpert (Atomic T1003.001-3) |`). Minimal lines of our own in their shape.
    ['Executing test: T1003.001-3 Dump LSASS.exe Memory using comsvcs.dll', [['T1003.001']], [rule('Atomic Red Team test numbers')], 'T1003.001-3'],
    ['Invoke-AtomicTest T1559-1,2,3', [['T1559']], [rule('Atomic Red Team test numbers')], 'T1559-1,2,3'],
    // A chart's labels run together in a report converted to Markdown (WatchGuard's Internet Security Report Q1 2024, in
    // test/corpus/reports): a tactic's ID glued before a technique's.
    ['TA0007TA0011T1561.001Discovery', [['T1561.001']], [rule('an ID glued to a tactic'), rule('an ID glued to the word after')], 'T1561.001'],
    // `T1059.00[1,5]`: CTID adversary_emulation_library, Blind Eagle scenario table (Apache-2.0).
    ['T1059.00[1,5] PowerShell, VBS', [['T1059.001', 'T1059.005']], [rule('sub-technique numbers completed')], 'T1059.00[1,5]'],
    ['T1059.[001, 005]', [['T1059.001', 'T1059.005']], [rule('sub-technique numbers completed')], 'T1059.[001, 005]'],
    ['(T1003.00[1,2,3])', [['T1003.001', 'T1003.002', 'T1003.003']], [rule('sub-technique numbers completed')], 'T1003.00[1,2,3]'],
    ['T1059.00{1,5}', [[]], [], 'T1059.00{1,5}'],
    ['T1059.0[1,15]', [[]], [], 'T1059.0[1,15]'],
    ['T1059.[1,5]', [[]], [], 'T1059.[1,5]'],
    ['T1003.001-.003', [['T1003.001', 'T1003.002', 'T1003.003']], [rule('a range of sub-techniques')], 'T1003.001-.003'],
    // Shapes a sweep of real report text found read short (h440); minimal lines of our own in their shapes. A regex's
    // alternation in a detection note (`T1059.001|003`); a range with a wave dash, as Japanese text writes one
    // (`T1003.001〜T1003.003`); a shell's brace expansion (`T1053.{003,005} / T1543.{001,003,004}` in a Markdown table of an
    // emulation tool's catalog, stored in the search tool's code corpus).
    ['T1059.001|003 PowerShell, cmd', [['T1059.001', 'T1059.003']], [rule('sibling sub-techniques written as a shorthand')], 'T1059.001|003'],
    ['| T1059.001 | 003 |', [['T1059.001']], [], 'T1059.001'],
    ['(T1003.001〜T1003.003)', [['T1003.001', 'T1003.002', 'T1003.003']], [rule('a range of sub-techniques')], 'T1003.001〜T1003.003'],
    ['T1003.001〜.003', [['T1003.001', 'T1003.002', 'T1003.003']], [rule('a range of sub-techniques')], 'T1003.001〜.003'],
    ['T1055.{001,012}', [['T1055.001', 'T1055.012']], [rule('sub-technique numbers completed')], 'T1055.{001,012}'],
    ['T1053.{003,005} / T1543.{001,003,004}', [['T1053.003', 'T1053.005'], ['T1543.001', 'T1543.003', 'T1543.004']], [rule('sub-technique numbers completed')], 'T1053.{003,005}'],
    ['T1059.{1,5}', [[]], [], 'T1059.{1,5}'],
    // A malformed ID at a sentence's end is one, its full stop the sentence's: not left out, not the ID before's name.
    ['They used T1059.001 and T1003.01.', [['T1059.001'], []], [], 'T1059.001'],
    ['T1003.001 - T1003.004', [['T1003.001', 'T1003.002', 'T1003.003', 'T1003.004']], [rule('a range of sub-techniques')], 'T1003.001 - T1003.004'],
    // `T1192~1194`: NEC's security blog (2020-05-08, Japanese), on ATT&CK's beta sub-techniques: "ベータ版T1566と現行版T1192~1194の関係".
    ['ベータ版T1566と現行版T1192~1194の関係', [['T1566'], ['T1192', 'T1193', 'T1194']], [], 'T1566'],
    ['T1192 〜 T1194', [['T1192', 'T1193', 'T1194']], [rule('a range of techniques written with a tilde')], 'T1192 〜 T1194'],
    ['T1059~1047', [['T1059']], [], 'T1059'],
    ['T1059~1099', [['T1059']], [], 'T1059'],
    ['Initial AccessT1566.001Phishing', [['T1566.001']], [rule('an ID glued to the word before'), rule('an ID glued to the word after')], 'T1566.001'],
    ['T1059.001T1106', [['T1059.001'], ['T1106']], [], 'T1059.001'],
    // A hyphen after an ID joins a list, not a word: both are read.
    ['T1059-T1106', [['T1059'], ['T1106']], [], 'T1059'],
    ['AttachmentT1106Native API', [['T1106']], [rule('an ID glued to the word before'), rule('an ID glued to the word after')], 'T1106'],
    // A scraped blog's ATT&CK table, its cells run together: a description's last word, the next row's tactic, its ID.
    ['keyboard activityExecutionT1059.004Command', [['T1059.004']], [rule('an ID glued to the word before'), rule('an ID glued to the word after')], 'T1059.004'],
    ['PythonDiscoveryT1043Commonly Used Port', [['T1043']], [rule('an ID glued to the word before'), rule('an ID glued to the word after')], 'T1043'],
    // A one-word name cell between two IDs (a Zscaler ThreatLabz post's ID | Technique Name table, scraped): both read.
    ['T1598PhishingT1059Command', [['T1598'], ['T1059']], [rule('an ID glued to the word after')], 'T1598'],
    // A cell's sentence, its full stop glued to the next row's tactic cell (a Microsoft blog post, scraped).
    ['a second-stage payload.ExecutionT1059Command', [['T1059']], [rule('an ID glued to the word before'), rule('an ID glued to the word after')], 'T1059'],
    // A word in capitals run into the next cell (M-Trends 2024's chart as PDF-to-text writes it: `T1021.004: SSHT1021.002:`).
    ['T1021.004: SSHT1021.002: SMB', [['T1021.004'], ['T1021.002']], [], 'T1021.004'],
    ['over SSHT1570', [['T1570']], [rule('an ID glued to a word in capitals')], 'T1570'],
    ['Remote Services: RDPT1021.002 — Remote Services', [['T1021.002']], [rule('an ID glued to a word in capitals')], 'T1021.002'],
    // A footnote's number glued to a sub-technique, as PDF-to-text writes a superscript.
    ['PowerShell T1059.00112 was', [['T1059.001']], [rule('a footnote number glued')], 'T1059.00112'],
    ['T1218.0053.', [['T1218.005']], [rule('a footnote number glued')], 'T1218.0053'],
    // A Markdown conversion's escaped dot (M-Trends 2024 stored as Markdown: `T1021\.004: SSH`).
    ['T1021\\.004: SSH', [['T1021.004']], [rule('a Markdown escape before a punctuation')], 'T1021\\.004'],
    ['https://attack.mitre.org/techniques/T1566/001/ more', [['T1566.001']], [rule('an ATT&CK URL')], 'https://attack.mitre.org/techniques/T1566/001/'],
    ['T1566.01', [[]], [], 'T1566.01'],
    // IDs as a scan or a PDF's font leaves them: a letter O for a zero, l or I for a one, a space after the dot.
    ['Command and Scripting Interpreter (T1O59)', [['T1059']], [rule('a letter O, l or I')], 'T1O59'],
    ['PowerShell Tl059.001', [['T1059.001']], [rule('a letter O, l or I')], 'Tl059.001'],
    ['TI059.OO3 Windows Command Shell', [['T1059.003']], [rule('a letter O, l or I')], 'TI059.OO3'],
    ['Windows Command Shell: T1059. 003', [['T1059.003']], [rule('a space after the dot')], 'T1059. 003'],
    // A number after a sentence's full stop is no sub-technique: theirs start with 0.
    ['via T1105. 250 files', [['T1105']], [], 'T1105'],
    // pdftotext of a heading set in spaced capitals, as in Red Canary's 2020 Threat Detection Report.
    ['T E C H N I Q U E   T 1 1 9 3', [['T1193']], [rule('an ID spaced out')], 'T 1 1 9 3'],
    ['T 1 0 6 4 :   S C R I P T I N G', [['T1064']], [rule('an ID spaced out')], 'T 1 0 6 4'],
    ['T 1 0 5 9 . 0 0 1   P O W E R S H E L L', [['T1059.001']], [rule('an ID spaced out')], 'T 1 0 5 9 . 0 0 1'],
    // OCR of a CISA advisory's page (LummaC2, AA25-141B): a space among a sub-technique ID's digits, the ID alone in brackets.
    ['attempt a POST request [T107 1.001] (see Figure 3)', [['T1071.001']], [rule('a space among an ID')], 'T107 1.001'],
    ['(T10 71.001)', [['T1071.001']], [rule('a space among an ID')], 'T10 71.001'],
    // A file named for a technique, as Atomic Red Team and emulation repositories name a test's files (a lab guide's
    // `# Expected: T1003.001.md  T1003.001.yaml  src/`; a design note's `T1588.001-yara-scan.sh`): the whole file's name.
    ['│   │   └── T1059.001.ps1', [['T1059.001']], [rule('a file named for a technique')], 'T1059.001.ps1'],
    ['T1003.001.md  T1003.001.yaml  src/', [['T1003.001'], ['T1003.001']], [rule('a file named for a technique')], 'T1003.001.md'],
    ['# T1588.001-yara-scan.sh', [['T1588.001']], [rule('a file named for a technique')], 'T1588.001-yara-scan.sh'],
    ['then inject $env:TEMP\\T1055.dll', [['T1055']], [rule('a file named for a technique')], 'T1055.dll'],
    // A path that names the ID before its file does: the folder is the reference, the file not read again.
    ['atomics/T1055/src/x64/T1055.dll', [['T1055']], [], 'T1055'],
  ];
  for (const [text, ids, rules, written] of rows) {
    it(`${JSON.stringify(text)} -> ${ids.map((group) => group.join('+') || 'malformed').join(', ')}`, () => {
      const tokens = scanIds(text);
      expect(tokens.map((token) => token.ids)).to.deep.equal(ids);
      expect(tokens[0]?.rules).to.deep.equal(rules);
      expect(text.slice(tokens[0]?.start, tokens[0]?.end)).to.equal(written);
    });
  }

  it('reads no siblings that run on into a longer number (T1059.001/003/2020), as before', () => {
    expect(scanIds('T1059.001/003/2020')).to.deep.equal([]);
  });

  it('marks a sub-technique number of one or two digits as malformed (T1566.01), not as T1566', () => {
    expect(scanIds('T1566.01 and T1059.1')).to.deep.equal([
      { ids: [], start: 0, end: 8, rules: [], malformed: 'T1566.01' },
      { ids: [], start: 13, end: 20, rules: [], malformed: 'T1059.1' },
    ]);
  });

  const lookAlikes = [
    'XT12345',
    'T12345',
    'T1234.5678',
    'T1193-2020',
    'CVE-2017-11882',
    'TA0001 G0050 S0227',
    'T 2020',
    'tT1106',
    'aBcT1059x',
    'xYzAbcT1059',
    // Capitals: two letters (`GMT1200`, a time), a longer run, capitals glued to other letters, a quoted identifier.
    'GMT1200',
    'XYZABCT1059',
    'xYzABCT1059',
    'AbcDEFT1059',
    '"SSHT1023"',
    // A footnote is read only after a sub-technique's number, which starts with 0; a decimal goes on after it.
    'T1059.1234',
    // A short sub-technique number that a dot and more go on from: a version or a file's name, no ID.
    'T1003.01.2',
    'T1003.01.exe',
    // A number after a slash is a sibling only where it stands alone (not a decimal, a year or a zero).
    'T1059.001/3.5',
    'T1566.001/2024',
    'T1059.001/0',
    'T1059.001/3/2024',
    // A hyphen's number is a test's only where it has one or two digits and stands alone.
    'T1003.001-3.5',
    'T1059-10x',
    // Capitals before a tactic's ID make a longer word, not a tactic's ID.
    'DATA0001T1059',
    'T1059.00112.5',
    '+abcT1059+',
    'ATT&CK v17',
    'TTT1001',
    // Look-alike letters are read only in a word of their own: not in a hash, a file name, a path or an identifier,
    // nor in a word without two real digits.
    '9fT1O59ab0c',
    'TI059.exe',
    '/opt/T1O59/x',
    'id_T1O59',
    // An ID joined to a word before it by a hyphen is part of a longer identifier: a detector's name (reports6
    // 10-ja-edr-eval-atomic.md, `| T1021.001/002 | ... | chain-T1021.x |`), a PRE-ATT&CK ID, not enterprise T1156.
    'chain-T1021.x',
    'PRE-T1156',
    // A file's name whose ID is glued to a word (`$env:TEMPT1055.dll`, a path PDF-to-text ran together; a file a
    // repository names `test-atomic-T1059.001.ps1`), or a longer number's.
    '$env:TEMPT1055.dll',
    'test-atomic-T1059.001.ps1',
    'T1193-2020.txt',
    'T1O59-x',
    'T1O59a',
    'TOOIl',
    // A spaced-out ID is read only when no spaced letter or digit goes on the word.
    'T 1 1 9 3 4',
    'A T 1 1 9 3',
    'T 1 1 9 3 A',
    'T 1 1 9',
    // Digits a space splits are read only in brackets, as a sub-technique ID of four digits and three.
    'T107 1.001',
    '[T107 1]',
    '[T107 1.001 and more]',
    '[T107  1.001]',
    '[T10 7 1.001]',
  ];
  for (const text of lookAlikes) {
    it(`finds no ID in ${JSON.stringify(text)}`, () => expect(scanIds(text)).to.deep.equal([]));
  }
});

describe('tokenizeReferences', () => {
  it('pairs names that stand before their IDs, run together on one line, each with its own span', () => {
    const text = 'Command and Scripting Interpreter - T1059External Proxy - T1090.002Remote Desktop Protocol - T1021.001';
    const { refs } = tokenizeReferences(text);
    expect(refs.map((ref) => [ref.ids, ref.name, text.slice(ref.span.start, ref.span.end)])).to.deep.equal([
      [['T1059'], 'Command and Scripting Interpreter', 'Command and Scripting Interpreter - T1059'],
      [['T1090.002'], 'External Proxy', 'External Proxy - T1090.002'],
      [['T1021.001'], 'Remote Desktop Protocol', 'Remote Desktop Protocol - T1021.001'],
    ]);
    expect(refs[0]?.rules).to.include(rule('name-ID pairs'));
  });

  it('pairs names that stand after their IDs', () => {
    const { refs } = tokenizeReferences('T1566.001Phishing: Spearphishing AttachmentT1106Native API');
    expect(refs.map((ref) => [ref.ids, ref.name])).to.deep.equal([
      [['T1566.001'], 'Phishing: Spearphishing Attachment'],
      [['T1106'], 'Native API'],
    ]);
  });

  it('names an ID by the field keyed as its name after it (a Sysmon rule name), not by the fields before it', () => {
    // olafhartong/sysmon-modular's rule names (12_13_14_registry_event/include_windows_defender_tampering.xml, commit
    // 05ba7a68030d7280f2bffcd789ceafd6c73cef02), in an event's RuleName, a tag's attribute, a JSON-like log.
    const rows: ReadonlyArray<readonly [text: string, mode: 'reference' | 'prose', name: string]> = [
      ['RuleName: technique_id=T1546.009,technique_name=AppCert DLLs', 'reference', 'AppCert DLLs'],
      ['<TargetObject name="technique_id=T1089,technique_name=Disabling Security Tools" condition="begin with">HKLM</TargetObject>', 'reference', 'Disabling Security Tools'],
      ['The record is tagged `RuleName: technique_id=T1083,technique_name=File and Directory Discovery` by Sysmon.', 'prose', 'File and Directory Discovery'],
      ['{"technique_id": "T1059.001", "technique_name": "PowerShell", "phase": "execution"}', 'reference', 'PowerShell'],
      ['technique_id=T1547.001,technique_name=Registry Run Keys / Start Folder,phase_name=Persistence', 'reference', 'Registry Run Keys / Start Folder'],
    ];
    for (const [text, mode, name] of rows) expect(tokenizeReferences(text, mode).refs.map((ref) => ref.name), text).to.deep.equal([name]);
  });

  it('gives one name to the IDs of one bracket, and says it is shared', () => {
    const { refs } = tokenizeReferences('C2 over HTTPS (T1071.001, T1573.002)');
    expect(refs.map((ref) => [ref.ids, ref.name, ref.sharedName])).to.deep.equal([
      [['T1071.001'], 'C2 over HTTPS', true],
      [['T1573.002'], 'C2 over HTTPS', true],
    ]);
  });

  it('warns, and pairs no name, when it cannot tell which names go with which IDs', () => {
    const { refs, warnings } = tokenizeReferences('Name one T1059 name two T1106 name three');
    expect(refs.map((ref) => [ref.ids, ref.name])).to.deep.equal([
      [['T1059'], undefined],
      [['T1106'], undefined],
    ]);
    expect(warnings.join(' ')).to.match(/could not be paired with its 2 ID groups/);
  });

  it('pairs each ID with the name after it in a labelled list of `ID Name, ID Name` items', () => {
    // Mandiant's SUNBURST post (2020-12-13, https://cloud.google.com/blog/topics/threat-intelligence/evasive-attacker-leverages-solarwinds-supply-chain-compromises-with-sunburst-backdoor),
    // as a public write-up quotes it: before, text on both ends left the names unpaired, with a warning.
    const text = 'MITRE ATT&CK Techniques Observed: T1012 Query Registry, T1071.004 Application Layer Protocol: DNS, T1584 Compromise Infrastructure.';
    const { refs, warnings } = tokenizeReferences(text);
    expect(refs.map((ref) => [ref.ids, ref.name])).to.deep.equal([
      [['T1012'], 'Query Registry'],
      [['T1071.004'], 'Application Layer Protocol: DNS'],
      [['T1584'], 'Compromise Infrastructure'],
    ]);
    expect(warnings).to.deep.equal([]);
    expect(extractReferences(text).map((ref) => ref.name)).to.deep.equal(['Query Registry', 'Application Layer Protocol: DNS', 'Compromise Infrastructure']);
  });

  it('reads, in a sentence, every tactic of a list written where the name stands, not its last alone', () => {
    // CISA's #StopRansomware advisory on LockBit 3.0 (AA23-075A, https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-075a):
    // before, the words beside the ID were `privilege escalation` only, and Persistence was lost.
    const tactics = (text: string) => tokenizeReferences(text, 'prose').refs.map((ref) => ref.tactics);
    expect(tactics('* Enabling automatic logon for persistence and privilege escalation [T1547]')).to.deep.equal([['Persistence', 'Privilege Escalation']]);
    expect(tactics('used for defense evasion, persistence and privilege escalation (T1574.002)')).to.deep.equal([['Defense Evasion', 'Persistence', 'Privilege Escalation']]);
    expect(tactics('It ran whoami for discovery (T1033) and moved on.')).to.deep.equal([['Discovery']]);
    expect(extractReferences('* Enabling automatic logon for persistence and privilege escalation [T1547]')[0]?.tactics).to.deep.equal(['Persistence', 'Privilege Escalation']);
  });

  it('reads, in a sentence, only the words beside an ID as its name', () => {
    const text = 'The group sent spearphishing emails (t1566/001) and used T1059.001 (PowerShell) later';
    const { refs } = tokenizeReferences(text, 'prose');
    expect(refs.map((ref) => [ref.ids, ref.name, text.slice(ref.span.start, ref.span.end)])).to.deep.equal([
      [['T1566.001'], 'spearphishing emails', 'spearphishing emails (t1566/001)'],
      [['T1059.001'], 'PowerShell', 'T1059.001 (PowerShell)'],
    ]);
  });

  // reports5: CALDERA's APT3 evaluation notes (`2.B.1 – System Owner / User Discovery (T1033) via ...`) and Sysmon
  // notes (`MITRE ATT&CK Framework: [Scripting (T1064)](…), [Command-Line Interface (T1059)](…)`).
  it('reads a name with a slash set apart, or a link text\'s opening bracket before it, whole', () => {
    const names = (text: string): Array<[string[], string | undefined]> => tokenizeReferences(text, 'prose').refs.map((ref) => [ref.ids, ref.name]);
    expect(names('2.B.1 – System Owner / User Discovery (T1033) via Command-Line Interface (T1059)')).to.deep.equal([
      [['T1033'], 'System Owner / User Discovery'],
      [['T1059'], 'Command-Line Interface'],
    ]);
    expect(names('Framework: [Scripting (T1064)](https://x.test/a), [Command-Line Interface (T1059)](https://x.test/b)')).to.deep.equal([
      [['T1064'], 'Scripting'],
      [['T1059'], 'Command-Line Interface'],
    ]);
    expect(names('we saw (Valid Accounts (T1078)) and / T1053')).to.deep.equal([
      [['T1078'], 'Valid Accounts'],
      [['T1053'], undefined],
    ]);
  });

  // `…into victim networks.([T1199](…))`: CTID adversary_emulation_library, menuPass intelligence summary (Apache-2.0).
  const link = (id: string): string => `[${id}](https://attack.mitre.org/techniques/${id.replace('.', '/')}/)`;
  const named = (text: string): Array<string | undefined> => tokenizeReferences(text, 'prose').refs.map((ref) => ref.name);
  it('names a citation glued to its sentence\'s full stop as it names one after a space', () => {
    expect(named(`The group moved into victim networks.(${link('T1199')})`)).to.deep.equal(['victim networks']);
    expect(named(`The group moved into victim networks (${link('T1199')})`)).to.deep.equal(['victim networks']);
    const text = `They abused trusted vendors.(${link('T1199')}) Then they used Valid Accounts.(T1078)`;
    expect(tokenizeReferences(text, 'prose').refs.map((ref) => [ref.name, text.slice(ref.span.start, ref.span.end)])).to.deep.equal([
      ['trusted vendors', `trusted vendors.(${link('T1199')})`],
      ['Valid Accounts', 'Valid Accounts.(T1078)'],
    ]);
  });

  // SixMap's energy-sector report (2025, its TTP lists as a Markdown copy keeps them, find_string index file 54061456418;
  // no licence stated, so our own lines in their shape): names in sentence case, a label read apart before them. Before,
  // `Registry run keys` (a stop word inside), `Scheduled tasks` and `Custom C2 protocols` gave their IDs no name.
  it('names the items of a list in sentence case by their words, not a sentence that starts or goes on so', () => {
    expect(named('Registry run keys (T1547.001), Scheduled tasks (T1053.005)')).to.deep.equal(['Registry run keys', 'Scheduled tasks']);
    expect(named('Email collection (T1114), Screen capture (T1113)')).to.deep.equal(['Email collection', 'Screen capture']);
    expect(named('Custom C2 protocols (T1095), Web service (T1102)')).to.deep.equal(['Custom C2 protocols', 'Web service']);
    expect(named('- Persistence: Registry run keys (T1547.001)')).to.deep.equal(['Registry run keys']);
    // A sentence's words are read as before (extract leaves "dumped credentials" out as a sentence's, `sentence-names`).
    expect(named('Mimikatz dumped credentials (T1003) on the server.')).to.deep.equal(['dumped credentials']);
    expect(named('However, Mimikatz dumped credentials (T1003).')).to.deep.equal(['dumped credentials']);
    expect(named('Mimikatz dumped credentials (T1003), then they moved with RDP (T1021.001).')).to.deep.equal(['dumped credentials', 'RDP']);
  });

  // The same lists with an item that has no ID of its own before the named one (our own lines in their shape: `Web
  // shells, Scheduled tasks (T1053)`): the item's sentence comma before the name made it no list's item, so T1053 had none.
  it('names the last of a list\'s items in sentence case after the items before it that have no ID', () => {
    expect(named('Web shells, Scheduled tasks (T1053)')).to.deep.equal(['Scheduled tasks']);
    expect(named('- Persistence: Web shells, Scheduled tasks (T1053.005), Registry run keys (T1547.001)')).to.deep.equal(['Scheduled tasks', 'Registry run keys']);
    expect(named('Persistence: Registry run keys (T1547.001), Web shells, Scheduled tasks (T1053.005)')).to.deep.equal(['Registry run keys', 'Scheduled tasks']);
    // A sentence's comma, or a sentence's verb, makes no list (`dumped credentials`, which extract leaves out).
    expect(named('However, Mimikatz dumped credentials (T1003).')).to.deep.equal(['dumped credentials']);
    expect(named('Overall, Mimikatz dumped credentials (T1003)')).to.deep.equal(['dumped credentials']);
    expect(named('In the end, Scheduled tasks (T1053) ran it.')).to.deep.equal([undefined]);
  });

  it('names an ID in a Chinese or Japanese sentence by the name in Latin script glued to the words before it', () => {
    // A Chinese WeChat article on ATT&CK v16 (安全喷子, 2024-12-25, as a public feed archive keeps it; no licence stated,
    // so a faithful reconstruction of its sentences): Chinese sets no space before the Latin name, and the whole run
    // (`检测到大量Cron`) was no word of a name, so T1053.003 got none and T1059.004, T1027.006 the last word only.
    const sentence = (text: string): Array<string | undefined> => tokenizeReferences(foldText(text).text, 'prose').refs.map((ref) => ref.name);
    expect(sentence('医疗环境中Linux系统的使用比预期要普遍，检测到大量Cron (T1053.003)和Unix Shell (T1059.004)的使用，医疗机构的IT架构比表面看起来要复杂得多')).to.deep.equal([
      'Cron',
      'Unix Shell',
    ]);
    expect(sentence('更严格的安全控制会推动攻击者采用更复杂和隐蔽的技术。主要侧重于独特攻击技术包括：HTML Smuggling（T1027.006），一种高级的文件传递技术。')).to.deep.equal([
      'HTML Smuggling',
    ]);
    expect(sentence('攻撃者はPowerShell（T1059.001）を使用した。')).to.deep.equal(['PowerShell']);
    // A Chinese name glued to the ID is read as before.
    expect(sentence('利用合法的Windows系统组件进行攻击（分布式组件对象模型T1559.001）。')).to.deep.equal(['分布式组件对象模型']);
  });

  it('names an ID written Name/ID by the words in Latin script glued to the Chinese text before them', () => {
    // beefed.ai's Chinese sample brief (test/corpus/reports/beefed-threat-brief-zh.yaml): a table's cells ran together,
    // so the row's Chinese words (targets: SMEs, supply-chain partners) were glued to the name of its first TTP, and the
    // whole run was the name, warned of as no technique's: now `Phishing`, T1566.001's parent, with no warning.
    const names = (text: string): Array<string | undefined> => tokenizeReferences(foldText(text).text).refs.map((ref) => ref.name);
    expect(names('NovaSpectre财务收益与市场竞争情报中小企业、供应链合作伙伴Phishing/T1566.001; Spearphishing Link/T1566.002')).to.deep.equal([
      'Phishing',
      'Spearphishing Link',
    ]);
    // A Chinese name, alone or before the Latin words, is kept as it is.
    expect(names('计划任务/T1053; 有效账户利用(T1078)')).to.deep.equal(['计划任务', '有效账户利用']);
  });

  it('takes words in capitals alone glued after Chinese words for no name: they end a Chinese compound', () => {
    // A Chinese forensics article on LLM-assisted attacks (no licence stated: its sentence reconstructed): 云存储API is
    // "cloud storage API", and "API" beside T1567 drew the warning that it is no name of Exfiltration Over Web Service.
    const sentence = (text: string): Array<string | undefined> => tokenizeReferences(foldText(text).text, 'prose').refs.map((ref) => ref.name);
    expect(sentence('例如，将敏感数据通过DNS隧道（T1048.003）、HTTPS POST（T1041）或云存储API（T1567）外传。')).to.deep.equal(['隧道', undefined, undefined]);
    expect(sentence('检测到大量Cron (T1053.003)的使用。')).to.deep.equal(['Cron']);
  });

  it('takes a Chinese run ending in a verb or a label before an ID for no name (涉及, involves; 阶段使用了, the stage used)', () => {
    // Our own sentences, as Chinese reports write IDs in prose: the words glued before the ID are the sentence's. Before,
    // `涉及` named all three IDs of its list, and `阶段使用了` T1106.
    const sentence = (text: string): Array<string | undefined> => tokenizeReferences(foldText(text).text, 'prose').refs.map((ref) => ref.name);
    expect(sentence('涉及T1566.001、T1204.002和T1547.001。')).to.deep.equal([undefined, undefined, undefined]);
    expect(sentence('ＴＡ０００２（执行）阶段使用了T1106。')).to.deep.equal([undefined]);
    expect(sentence('使用T1027.002。攻击者通过T1059执行命令。')).to.deep.equal([undefined, undefined]);
    // A name before its ID is kept, and so is one that begins with such a word (利用面向公众的应用程序, Exploit
    // Public-Facing Application, as Chinese translations write T1190; 使用计划任务, use a scheduled task).
    expect(sentence('凭据转储T1003.001；利用面向公众的应用程序（T1190）；使用计划任务（T1053.005）。')).to.deep.equal(['凭据转储', '利用面向公众的应用程序', '使用计划任务']);
  });

  it('names an ID by the words in Latin script that Chinese or Japanese words are glued after, the head of their compound', () => {
    // The same article (section 0x03, reconstructed; no licence stated): PowerShell脚本 is "PowerShell script", and the
    // IDs were named by the Chinese word for script alone.
    const sentence = (text: string): Array<string | undefined> => tokenizeReferences(foldText(text).text, 'prose').refs.map((ref) => ref.name);
    expect(sentence('LLM生成的Payload通过多种执行机制触发，包括PowerShell脚本（T1059.001）、Python脚本（T1059.006）、命令行接口（T1059.003）等。')).to.deep.equal([
      'PowerShell',
      'Python',
      '命令行接口',
    ]);
    expect(sentence('攻撃者はPowerShellスクリプト（T1059.001）を実行した。')).to.deep.equal(['PowerShell']);
    // The reference as written reads so too (a campaign skeleton's item, a table's cell).
    expect(tokenizeReferences(foldText('PowerShell脚本（T1059.001）').text).refs.map((ref) => ref.name)).to.deep.equal(['PowerShell']);
    // An acronym glued to the Chinese words before it ends their compound: the words after it name the ID, as before.
    expect(sentence('将敏感数据通过DNS隧道（T1048.003）外传。')).to.deep.equal(['隧道']);
  });

  // A Microsoft Security Blog post as a Korean blog mirror scraped it: its "MITRE ATT&CK techniques observed" table
  // with every cell run together on one line (Tactic, Technique ID, Technique name, How it presents).
  it('names an ID glued to the word after it by the words after it, not by the cells run into it before', () => {
    const text = 'TacticTechnique IDTechnique nameHow it presentsDiscoveryT1083File and Directory Discovery, with ls and findCollectionT1005Data from Local System';
    expect(tokenizeReferences(text, 'prose').refs.map((ref) => [ref.ids, ref.name])).to.deep.equal([
      [['T1083'], 'File and Directory Discovery'],
      [['T1005'], 'Data from Local System'],
    ]);
    // A name and a dash before an ID still name it, though the ID is glued to the next name.
    expect(named('Command and Scripting Interpreter – T1059External Proxy – T1090.002')).to.deep.equal(['Command and Scripting Interpreter', 'External Proxy']);
  });

  it('gives each ID of a table\'s rows run together the tactic glued before it, or the last one before it', () => {
    const read = (text: string) => {
      const { refs, tactics } = tokenizeReferences(text, 'prose');
      return { refs: refs.map((ref) => [ref.ids[0], ref.name, ref.tactics]), line: tactics.flatMap((piece) => piece.tactics) };
    };
    expect(read('Lateral MovementT1021.004Remote Services: SSHThe actor used SSH to reach itT1570Lateral Tool TransferCredential AccessT1187Forced Authentication')).to.deep.equal({
      refs: [
        ['T1021.004', 'Remote Services: SSHThe', ['Lateral Movement']],
        ['T1570', 'Lateral Tool Transfer', ['Lateral Movement']],
        ['T1187', 'Forced Authentication', ['Credential Access']],
      ],
      line: [],
    });
    // A tactic cell with a remark after it (`(Prevented)`), and an ID glued to a bracket.
    expect(read('Discovery / ExecutionT1057Process DiscoveryThe detections fired.Command and Control (Prevented)T1105Ingress Tool TransferIsolation cut the link').refs).to.deep.equal([
      ['T1057', 'Process DiscoveryThe', ['Discovery', 'Execution']],
      ['T1105', 'Ingress Tool TransferIsolation', ['Command and Control']],
    ]);
    // One tactic glued before the first ID labels the line, as before.
    expect(read('Initial AccessT1566.001Phishing: Spearphishing AttachmentT1106Native API').line).to.deep.equal(['Initial Access']);
  });

  it('takes a word in lower case glued before an ID in rows run together for a description\'s last word, no tactic', () => {
    // The layout of a project README's table (Technique ID | Technique Name | Relevance) as a scrape runs it together
    // (reconstructed, our words): the description cells end in `exfiltration` and `collection`, glued to the next IDs.
    const text = 'Technique IDTechnique NameRelevanceT1052.001Exfiltration Over Physical Medium: Exfiltration over USBFiles were kept on a stick for later exfiltrationT1119Automated CollectionA script gathered the files, an automated collectionT1048Exfiltration Over Alternative ProtocolTraffic was checked';
    for (const mode of ['prose', 'reference'] as const) {
      expect(tokenizeReferences(text, mode).refs.map((ref) => [ref.ids[0], ref.tactics]), mode).to.deep.equal([
        ['T1052.001', undefined],
        ['T1119', undefined],
        ['T1048', undefined],
      ]);
    }
  });

  it('gives the IDs of a scraped table\'s cell of ID: Name items the tactic cell glued to the row before, a space after it', () => {
    // The layout of a Mandiant blog post's MITRE ATT&CK table (ATT&CK Tactic Category | Techniques) as a scrape of the
    // page runs it together (reconstructed: its header and ATT&CK's own names and tactics).
    const text = 'ATT&CK Tactic CategoryTechniquesImpact T1486: Data Encrypted for Impact T1529: System Shutdown/RebootExecution T1047: Windows Management Instrumentation T1059.001: PowerShellDiscovery T1007: System Service DiscoveryResource Development T1583.003: Virtual Private Server';
    expect(tokenizeReferences(text, 'prose').refs.map((ref) => [ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
      ['T1486', 'Data Encrypted for Impact', ['Impact']],
      ['T1529', 'System Shutdown/Reboot', ['Impact']],
      ['T1047', 'Windows Management Instrumentation', ['Execution']],
      ['T1059.001', 'PowerShell', ['Execution']],
      ['T1007', 'System Service Discovery', ['Discovery']],
      ['T1583.003', 'Virtual Private Server', ['Resource Development']],
    ]);
    expect(tokenizeReferences(text).refs.map((ref) => ref.tactics)).to.deep.equal([['Impact'], ['Impact'], ['Execution'], ['Execution'], ['Discovery'], ['Resource Development']]);
    // A tactic's word after a space, as a sentence writes it, is no tactic cell: `the Execution T1059`.
    expect(tokenizeReferences('In the Execution T1059: PowerShell and the Discovery T1007: System Service Discovery', 'prose').refs.map((ref) => ref.tactics)).to.deep.equal([undefined, undefined]);
  });

  it('takes no tactic from the words that end an ID\'s own name before it, its spaces lost (Genians\' Konni APT Chronicle)', () => {
    // Genians' "The Konni APT Chronicle" (PDF), its table of Name | ID rows as PDF-to-text writes it, quoted by a public
    // actor profile: `…eDeletion T1070.004SystemInformationDiscovery T1082FileandDirectoryDiscovery T1083ProcessDiscovery
    // T1057ExfiltrationOverC2Channel T1041…`. `Discovery` ends each name; before, it was read as a tactic cell glued to
    // the word before it, and given to the rows after as well (T1041 and T1071 under Discovery). Reconstructed in that layout.
    const text = 'FileDeletion T1070.004SystemInformationDiscovery T1082ProcessDiscovery T1057ExfiltrationOverC2Channel T1041ApplicationLayerProtocol T1071';
    expect(tokenizeReferences(text).refs.map((ref) => [ref.ids[0], ref.name, ref.tactics])).to.deep.equal([
      ['T1070.004', 'FileDeletion', undefined],
      ['T1082', 'SystemInformationDiscovery', undefined],
      ['T1057', 'ProcessDiscovery', undefined],
      ['T1041', 'ExfiltrationOverC2Channel', undefined],
      ['T1071', 'ApplicationLayerProtocol', undefined],
    ]);
  });

  it('names each ID of a table\'s rows run together whose last cell is the ID by the cells glued before it, and its tactic by the first', () => {
    // The layout of a write-up's "MITRE ATT&CK TTPs" table (Tactic | Technique | Pattern ID) as a scrape of its HTML
    // runs the cells together (reconstructed: its header and ATT&CK's own names and tactics); the last ID ends the line.
    const text = 'TacticTechniquePattern IDCommand and ControlProxyT1090Command and ControlProtocol TunnelingT1572DiscoveryNetwork Service DiscoveryT1046ExfiltrationExfiltration Over Web ServicesT1567';
    for (const mode of ['prose', 'reference'] as const) {
      expect(tokenizeReferences(text, mode).refs.map((ref) => [ref.ids[0], ref.name, ref.tactics]), mode).to.deep.equal([
        ['T1090', 'Proxy', ['Command and Control']],
        ['T1572', 'Protocol Tunneling', ['Command and Control']],
        ['T1046', 'Network Service Discovery', ['Discovery']],
        ['T1567', 'Exfiltration Over Web Services', ['Exfiltration']],
      ]);
    }
    // A name that only begins with a tactic's word, a space after it, is one name (Exfiltration Over C2 Channel).
    expect(tokenizeReferences('DiscoveryProcess DiscoveryT1057ExfiltrationExfiltration Over C2 ChannelT1041', 'prose').refs.map((ref) => [ref.name, ref.tactics])).to.deep.equal([
      ['Process Discovery', ['Discovery']],
      ['Exfiltration Over C2 Channel', ['Exfiltration']],
    ]);
  });

  it('takes no name from the sentence before an ID', () => {
    // A stop not glued to the bracket, or a link glued to it without one: the ID may begin the next sentence.
    expect(named(`The group moved into victim networks. (${link('T1199')})`)).to.deep.equal([undefined]);
    expect(named(`The group moved into victim networks.${link('T1199')} followed`)).to.deep.equal([undefined]);
    expect(named('Persistence was achieved.(T1053.005)')).to.deep.equal([undefined]);
    // Title Case words stop at the sentence's end: "Acme Corp." is not part of the name.
    expect(named(`Seen at Acme Corp. Trusted Relationship (${link('T1199')})`)).to.deep.equal(['Trusted Relationship']);
    expect(named(`Seen at Acme Corp. Trusted Relationship.(${link('T1199')})`)).to.deep.equal(['Trusted Relationship']);
  });

  it('reads the name written right after an ID in prose when none is written before it', () => {
    // Sentences of real pages (test/corpus/reports; an article quoted in the stop note): the name after each ID.
    expect(named('An example is the T1506 input capture. These are techniques')).to.deep.equal(['input capture']);
    expect(named('techniques were T1021 Remote Services and T1018 Remote System Discovery, T1047 Windows Management Instrumentation.'))
      .to.deep.equal(['Remote Services', 'Remote System Discovery', 'Windows Management Instrumentation']);
    expect(named('The most common technique was T1055 Process Injection[1] that allows evading')).to.deep.equal(['Process Injection']);
    expect(named('The group used T1566.002 Spearphishing Attachment to deliver the loader.')).to.deep.equal(['Spearphishing Attachment']);
    // A name before the ID still comes first; the words after it are then not a name.
    expect(named('They used Valid Accounts T1078 Then moved on.')).to.deep.equal(['Valid Accounts']);
    // Not a name: a small word first, one lower-case word (as often a verb), a stop word.
    expect(named('The group used TT1001 and Mimikatz.')).to.deep.equal([undefined]);
    expect(named('and after that T1003 followed.')).to.deep.equal([undefined]);
    expect(named('and after that T1003 was used.')).to.deep.equal([undefined]);
    // Lower-case words are a name only after a determiner (`the T1506 input capture`); else the sentence goes on.
    expect(named('and after that T1003 followed quickly.')).to.deep.equal([undefined]);
    expect(named('It used a T1105 tool transfer.')).to.deep.equal(['tool transfer']);
  });

  it('reads "Name - ID" pairs run together on one line as each ID with the name before its dash', () => {
    // The DFIR Report's "MITRE ATT&CK" paragraph, as a page's text gives it: 38 pairs on one line, each name then
    // ` - ` then its ID. The words after an ID there are the next pair's name.
    expect(named('Create Account - T1136 Credentials from Password Stores - T1555 Data Encrypted for Impact - T1486 DLL - T1574.001'))
      .to.deep.equal(['Create Account', 'Credentials from Password Stores', 'Data Encrypted for Impact', 'DLL']);
    expect(named('Command Obfuscation – T1027.010 Domain Groups — T1069.002')).to.deep.equal(['Command Obfuscation', 'Domain Groups']);
    // Lower-case words before a dash are the sentence, not a name: the words after the ID still are.
    expect(named('the actor created accounts - T1136 Create Account was seen.')).to.deep.equal(['Create Account']);
  });

  it('takes no name from the attack. of a Sigma tag', () => {
    // A Sigma rule quoted in a Chinese write-up: `- attack.t1016` under `tags:`.
    expect(named('    - attack.t1016')).to.deep.equal([undefined]);
    expect(named('MITRE ATT&CK: T1016')).to.deep.equal([undefined]);
  });

  it('takes no number for a name: a scraped top-ten table\'s rank before the ID', () => {
    // NEC's top-ten page as scraped: rank, ID, name, a link's text, two counts.
    expect(named('5 T1070 Indicator Removal on Host new window[10] 85 10')).to.deep.equal(['Indicator Removal on Host']);
    // Its rows as a table's cells give the name with the link's text and the counts after it: they are cut off.
    expect(cleanName('Indicator Removal on Host new window[10] 85 10')).to.equal('Indicator Removal on Host');
    expect(cleanName('Deobfuscate/Decode Files or Information (opens in a new window) 79')).to.equal('Deobfuscate/Decode Files or Information');
    expect(cleanName('Exfiltration Over C2 Channel')).to.equal('Exfiltration Over C2 Channel');
  });

  it('names an ID with a colon after it by the text after the colon, not the item before it (reports6 04)', () => {
    // A paper's table of `ID: Name` items, flattened and hyphen-broken by PDF-to-text: the line starts with the tail
    // of the item before.
    const named = (text: string): Array<string | undefined> => tokenizeReferences(text, 'reference').refs.map((ref) => ref.name);
    expect(named('erShell, T1005: Data from Local Systems')).to.deep.equal(['Data from Local Systems']);
    expect(named('tion Discovery, T1083: File and Directory Discovery, T1005:')).to.deep.equal(['File and Directory Discovery', undefined]);
    expect(named('Spearphishing Attachment - T1566.001: sent to staff')).to.deep.equal(['Spearphishing Attachment']);
  });

  it('closes up a name spaced out letter by letter, and takes the word Technique alone for none (reports5 03)', () => {
    // pdftotext of Red Canary's 2020 report: headings set in spaced capitals, each on a line of its own.
    const named = (text: string): Array<string | undefined> => tokenizeReferences(text, 'reference').refs.map((ref) => ref.name);
    expect(named('T 1 0 6 4 :   S C R I P T I N G')).to.deep.equal(['SCRIPTING']);
    expect(named('T 1 1 9 3 :   S P E A R P H I S H I N G   A T T A C H M E N T')).to.deep.equal(['SPEARPHISHING ATTACHMENT']);
    expect(named('T E C H N I Q U E   T 1 1 9 3')).to.deep.equal([undefined]);
    expect(cleanName('Technique')).to.equal(undefined);
    expect(cleanName('A B')).to.equal('A B');
    expect(cleanName('Data from Local System')).to.equal('Data from Local System');
  });

  it('takes a footnote\'s label of IDs for no name, its number and the page\'s last words before it as well', () => {
    // The Snake advisory (AA23-129A) as PDF text, quoted by a public actor profile on GitHub
    // (proshiba/threatactor-intel-analysis, profiles/turla/generated/profile-ja.md): each page's footnotes list the IDs
    // of its paragraphs, run into the text after its last words. Each footnote's first ID was named by its label
    // (`5 MITRE ATT&CK IDs`), and warned about as no technique's name.
    const named = (text: string): Array<string | undefined> => tokenizeReferences(text, 'reference').refs.map((ref) => ref.name);
    expect(named('as long as it implements 4 MITRE ATT&CK IDs: [T0840], [T1003] 5 MITRE ATT&CK IDs: [T1190], [T1570]')).to.deep.equal([undefined, undefined, undefined, undefined]);
    expect(cleanName('15MITRE ATT&CK IDs')).to.equal(undefined);
    expect(cleanName('0x227 and 0x228 30 MITRE ATT&CK IDs')).to.equal(undefined);
    expect(cleanName('11 MITRE ATT&CK')).to.equal(undefined);
    // A name with a number before words is still a name.
    expect(cleanName('Add Office 365 Global Administrator Role')).to.equal('Add Office 365 Global Administrator Role');
  });

  it('takes no kramdown attribute list after a link for part of the name', () => {
    // A Taiwanese weekly threat report's table, a Jekyll page's Markdown (no licence stated: a row reconstructed):
    // `| **初始存取** | [T1566.002](https://attack.mitre.org/techniques/T1566/002/){: .ttp-ref } Spearphishing Link | … |`.
    const cell = '[T1566.002](https://attack.mitre.org/techniques/T1566/002/){: .ttp-ref } Spearphishing Link';
    expect(tokenizeReferences(cell, 'reference').refs.map((ref) => ref.name)).to.deep.equal(['Spearphishing Link']);
    expect(cleanName('{: .ttp-ref } Exploit Public-Facing Application')).to.equal('Exploit Public-Facing Application');
  });

  it('takes the word for technique in another language before IDs for no name, as Technique', () => {
    // A Russian threat-hunting course's table of sources for hypotheses (a reconstruction of its row, no licence
    // stated): `| **MITRE ATT&CK** | Техники T1059, T1078, T1547 |`, each ID named "Техники" and warned about.
    const named = (text: string): Array<string | undefined> => tokenizeReferences(text, 'reference').refs.map((ref) => ref.name);
    expect(named('Техники T1059, T1078, T1547')).to.deep.equal([undefined, undefined, undefined]);
    for (const word of ['Техника', 'техники', 'Técnica', 'Técnicas', 'Tecnica', 'Tecniche', 'Technik', 'Techniken', 'Techniques', '技术', '技術', '기법', 'テクニック', '手法']) {
      expect(named(`${word} T1078`), word).to.deep.equal([undefined]);
    }
    // A name that holds the word is a name.
    expect(named('Técnica de phishing T1566')).to.deep.equal(['Técnica de phishing']);
  });

  // An item or a line of a file, read as a reference (not a sentence).
  const namedItem = (text: string): Array<string | undefined> => tokenizeReferences(text, 'reference').refs.map((ref) => ref.name);

  it('takes no name from the JSON key before a quoted ID (a STIX bundle\'s "external_id": "T1566.001")', () => {
    expect(namedItem('"external_id": "T1566.001"')).to.deep.equal([undefined]);
    expect(namedItem('"external_id": "T1566.001",')).to.deep.equal([undefined]);
  });

  it('takes the name from the value the ID stands in, not from the field\'s key (reports5: YARA meta, MISP tags, TOML)', () => {
    expect(namedItem('        mitre_att_technique = "T1558.003"')).to.deep.equal([undefined]);
    expect(namedItem('// id = "T1574.006"')).to.deep.equal([undefined]);
    expect(namedItem('    * ID: T1548')).to.deep.equal([undefined]);
    expect(namedItem('"name": "misp-galaxy:mitre-attack-pattern=\\"Code Signing - T1116\\""')).to.deep.equal(['Code Signing']);
    expect(namedItem('{"name": "misp-galaxy:mitre-attack-pattern=\\"T1498\\""},')).to.deep.equal([undefined]);
    expect(namedItem('* Reference URL: [https://attack.mitre.org/techniques/T1548/](https://attack.mitre.org/techniques/T1548/)')[0]).to.equal(undefined);
    // What closes a MISP tag after its ID, and a comment naming ATT&CK, are no name either.
    expect(namedItem('{"name": "misp-galaxy:mitre-attack-pattern=\\"T1234\\""}  // MITRE ATT&CK')).to.deep.equal([undefined]);
    // A name in quotes of its own keeps them out of the way; the quote closing it opens nothing.
    expect(namedItem('"Spearphishing Attachment" (T1566.001)')).to.deep.equal(['Spearphishing Attachment']);
  });

  it('takes the text of a link left open before the ID, and no step number (reports5: Sysmon notes, CALDERA evals)', () => {
    // The link's address only repeats the technique its text cites.
    expect(namedItem('MITRE ATT&CK Framework: [Uncommonly Used Port (T1065)](https://attack.mitre.org/techniques/T1065)')).to.deep.equal(['Uncommonly Used Port']);
    // A heading's marks are cut by extract, and its en dash folded, before the tokenizer reads the line.
    expect(namedItem('1.B.1 - Registry Run Keys / Start Folder (T1060)')).to.deep.equal(['Registry Run Keys / Start Folder']);
    expect(namedItem('5.A.1 - Credential Dumping (T1003)')).to.deep.equal(['Credential Dumping']);
    expect(namedItem('Phishing: Spearphishing Attachment (T1566.001)')).to.deep.equal(['Phishing: Spearphishing Attachment']);
  });

  it('cuts a bold label before the name, as on a slide (**Headline:** Uncovering ... (T1087.002 & T1069.002))', () => {
    expect(namedItem('**Headline:** Uncovering Stealthy Domain Discovery Techniques (T1087.002 & T1069.002)')).to.deep.equal([
      'Uncovering Stealthy Domain Discovery Techniques',
      'Uncovering Stealthy Domain Discovery Techniques',
    ]);
    // A technique's own `Parent: Sub` name is no label.
    expect(namedItem('Phishing: Spearphishing Attachment (T1566.001)')).to.deep.equal(['Phishing: Spearphishing Attachment']);
  });

  it('takes no connective before a name for part of it (reports5 04: ... (T1057) via Execution through API (T1106))', () => {
    const read = (text: string): Array<[string | undefined, string]> =>
      tokenizeReferences(text, 'reference').refs.map((ref) => [ref.name, text.slice(ref.span.start, ref.span.end)]);
    expect(read('2.C.1 - Process Discovery (T1057) via Execution through API (T1106)')).to.deep.equal([
      ['Process Discovery', 'Process Discovery (T1057)'],
      ['Execution through API', 'Execution through API (T1106)'],
    ]);
    expect(read('1.A.1 - User Execution (T1204) via Scripting (T1064) with PowerShell (T1086)').map(([name]) => name)).to.deep.equal(['User Execution', 'Scripting', 'PowerShell']);
    expect(read('Create Account (T1136) using Graphical User Interface (T1061)').map(([name]) => name)).to.deep.equal(['Create Account', 'Graphical User Interface']);
    // Only before a name: lower-case words after it are the writer's own.
    expect(read('with residual discovery (T1087)').map(([name]) => name)).to.deep.equal(['with residual discovery']);
  });

  it('reads a name set in Markdown bold, italics or code, and writes the reference with its marks whole', () => {
    const read = (text: string, mode: 'reference' | 'prose'): Array<[string | undefined, string]> =>
      tokenizeReferences(text, mode).refs.map((ref) => [ref.name, text.slice(ref.span.start, ref.span.end)]);
    expect(read('**PowerShell** (T1059.001)', 'reference')).to.deep.equal([['PowerShell', '**PowerShell** (T1059.001)']]);
    expect(read('__Scheduled Task__ (T1053.005)', 'reference')).to.deep.equal([['Scheduled Task', '__Scheduled Task__ (T1053.005)']]);
    expect(read('*Rundll32* (T1218.011)', 'reference')).to.deep.equal([['Rundll32', '*Rundll32* (T1218.011)']]);
    expect(read('`Regsvr32` (T1218.010)', 'reference')).to.deep.equal([['Regsvr32', '`Regsvr32` (T1218.010)']]);
    expect(read('T1059.001 (**PowerShell**)', 'reference')).to.deep.equal([['PowerShell', 'T1059.001 (**PowerShell**)']]);
    expect(read('**T1059.001** PowerShell', 'reference')).to.deep.equal([['PowerShell', '**T1059.001** PowerShell']]);
    // In a sentence, the marks begin the name: the word before them is the sentence's.
    expect(read('The actor ran **PowerShell** (T1059.001) to stage tools.', 'prose')).to.deep.equal([['PowerShell', '**PowerShell** (T1059.001)']]);
    expect(read('Then __Scheduled Task__ (T1053.005) kept it.', 'prose')).to.deep.equal([['Scheduled Task', '__Scheduled Task__ (T1053.005)']]);
    expect(read('It ran *Rundll32* (T1218.011), then `Regsvr32` (T1218.010) on the box.', 'prose')).to.deep.equal([
      ['Rundll32', '*Rundll32* (T1218.011)'],
      ['Regsvr32', '`Regsvr32` (T1218.010)'],
    ]);
    expect(read('It was seen as T1059.001: **PowerShell** on the host.', 'prose')).to.deep.equal([['PowerShell', 'T1059.001: **PowerShell**']]);
    // Marks whose pair is past the ID set a sentence apart, not a name (reports5 14, a course's checkpoint question).
    expect(read('**Selecionar T1059 autoriza qualquer Event ID?**', 'prose')).to.deep.equal([[undefined, 'T1059']]);
    // Marks whose pair closes right after the ID's bracket set the name and its ID apart: an incident report's findings
    // list (code index file 56851395869: `- **Exfiltration over FTP (T1048.003)** — DMZ FTP RETR 226: …`) read `FTP` alone.
    expect(read('- **Exfiltration over FTP (T1048.003)** — DMZ FTP RETR 226: the archive left.', 'prose')).to.deep.equal([
      ['Exfiltration over FTP', '**Exfiltration over FTP (T1048.003)**'],
    ]);
    expect(read('The actor ran **Scheduled Task (T1053.005)** twice.', 'prose')).to.deep.equal([['Scheduled Task', '**Scheduled Task (T1053.005)**']]);
    // So do marks that close after the ID and the bracket around name and ID (a write-up's heading, file 55668083451).
    expect(read('Persistence (**Registry Run Keys / Startup Folder - T1547.001)**', 'prose')).to.deep.equal([
      ['Registry Run Keys / Startup Folder', '**Registry Run Keys / Startup Folder - T1547.001'],
    ]);
    // Underscores inside a word are no marks (`mitre_att_technique`).
    expect(cleanName('__Valid_Accounts__')).to.equal('Valid_Accounts');
  });
});

describe('joinLines', () => {
  it('joins wrapped lines with a space, Japanese without one, and blank lines away', () => {
    expect(joinLines('Spearphishing  \n  Attachment')).to.equal('Spearphishing Attachment');
    expect(joinLines('スピアフィッシングの\n添付ファイル')).to.equal('スピアフィッシングの添付ファイル');
    expect(joinLines('a\n\n\n b')).to.equal('a b');
  });
});

// A line longer than NFKC_WINDOW is checked window by window: folding must give what NFKC gives the whole line.
describe('foldText on a line longer than its window', () => {
  const text = readCorpus()
    .map((report) => report.excerpt.split('\n').join(' '))
    .join(' ');
  const prose = text.repeat(Math.ceil((3 * NFKC_WINDOW) / text.length)).slice(0, 3 * NFKC_WINDOW);
  const at = (position: number, insert: string): string => `${prose.slice(0, position)}${insert}${prose.slice(position)}`;
  const rows: ReadonlyArray<readonly [label: string, line: string]> = [
    ['real report text only (folded already)', prose],
    ['an e and its combining accent on either side of the window end', at(NFKC_WINDOW - 1, 'e\u0301')],
    ['a half-width kana and its voicing mark on either side of the window end', at(NFKC_WINDOW - 1, 'ｶﾞ')],
    ['a full-width ID in the last window only', at(prose.length - 10, ' Ｔ１０５９．００１ ')],
  ];
  for (const [label, line] of rows) {
    it(`folds ${label} as NFKC folds the whole line`, () => {
      // The corpus's Markdown escapes (`\-`) are read as the characters they escape, after NFKC.
      expect(foldText(line).text).to.equal(withoutMarkdownEscapes(line.normalize('NFKC').replace(/[‐‑‒–—―−]/g, '-')));
    });
  }
});

// Long hostile strings// Long hostile strings: each must be read with the right result. A regular expression that backtracks
// catastrophically, or a quadratic loop, would not finish these within the test's time-out (the speed itself is
// measured by `npm run bench`, which shows the time growing linearly with the size).
describe('hostile long input', () => {
  const n = 100_000;
  const rows: ReadonlyArray<readonly [label: string, text: () => string, ids: string[]]> = [
    ['100,000 spaces inside a reference', () => `Name${' '.repeat(n)}x (T1059)`, ['T1059']],
    ['100,000 spaces and tabs before line breaks', () => `T1059${' \t'.repeat(n / 2)}\n\n\nx`, ['T1059']],
    ['100,000 opening brackets', () => `${'('.repeat(n)}T1059`, ['T1059']],
    ['a run of 100,000 lower-case letters glued to an ID', () => `${'a'.repeat(n)}T1059`, []],
    ['100,000 Ts', () => 'T'.repeat(n), []],
    ['100,000 pipes', () => `${'|'.repeat(n)}T1059`, ['T1059']],
    ['100,000 dots after an ID', () => `T1059${'.'.repeat(n)}001`, ['T1059']],
    ['5,000 IDs run together', () => 'T1111'.repeat(n / 20), ['T1111']],
    ['3,500 bracketed IDs', () => '[T1059]'.repeat(n / 28), ['T1059']],
    ['10,000 siblings in one shorthand', () => `T1003.001${'/.002'.repeat(n / 5)}`, ['T1003.001', 'T1003.002']],
    ['3,000 table cells', () => '| T1059 '.repeat(n / 32), ['T1059']],
    ['1,000 markdown links', () => '[x](https://attack.mitre.org/techniques/T1059)'.repeat(n / 100), ['T1059']],
    ['1,000 markdown links citing their ID in their text', () => '[T1059 - x](https://attack.mitre.org/techniques/T1059)'.repeat(n / 100), ['T1059']],
    ['1,000 ATT&CK addresses after 100,000 characters without a bracket', () => `${'a'.repeat(n)} ${'](https://attack.mitre.org/techniques/T1059)'.repeat(1000)}`, ['T1059']],
    ['4,000 full-width IDs', () => 'Ｔ１０５９　'.repeat(n / 25), ['T1059']],
    ['1,000 tactic clauses', () => 'Execution: a T1059; '.repeat(n / 100), ['T1059']],
    ['1,000 lines of a tactic heading and an ID', () => 'Initial Access\nT1566.001\n'.repeat(n / 100), ['T1566.001']],
    ['100,000 Japanese characters before an ID', () => `${'あ'.repeat(n)}（T1059）`, ['T1059']],
    // More references on one line than a function call takes arguments (a spread into push() would overflow).
    ['150,000 IDs on one line', () => 'T1059 '.repeat(150_000), ['T1059']],
  ];
  for (const [label, text, ids] of rows) {
    it(`reads ${label} (normalize and extract)`, () => {
      const input = text();
      expect(parseReference(input).ids).to.deep.equal(ids);
      expect([...new Set(extractReferences(input).flatMap((ref) => ref.ids))]).to.deep.equal(ids);
    });
  }
});
