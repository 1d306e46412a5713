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

  // Our own lines in the shapes of two SOC write-ups kept as Markdown in public repositories (find_string index files
  // 70206866713 and 70859022850): a phishing case's `## Techniques Not Mapped` above a `###` heading per technique left
  // out, a brute-force lab's `# 5. Techniques Not Mapped` above `## T1078 — Valid Accounts`; and a list under a heading
  // in bold. Before, none of these IDs was warned of.
  it('warns of each ID under a heading that says its section was not mapped or not observed, up to the next heading of its level', () => {
    const text = [
      '## T1566 — Phishing',
      'The fraudulent email is the initial delivery mechanism.',
      '## Techniques Not Mapped',
      '### T1566.001 — Spearphishing Attachment',
      'Not mapped because no attachment was found.',
      '### T1566.002 — Spearphishing Link',
      '## ATT&CK Assessment',
      '* T1036 — Masquerading',
      '# 5. Techniques Not Mapped',
      '## T1078 — Valid Accounts',
      '**Status:** Not observed',
      '# 6. Final Assessment',
      '**Not observed**',
      '- T1486',
      '**Observed**',
      '- T1059.001',
      '### Not observed in this campaign, but commonly used by the actor',
      '- T1003.001',
    ].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], warnings.map((warning) => /\((.*)\)/.exec(warning)?.[1])])).to.deep.equal([
      ['T1566', []],
      ['T1566.001', ['the heading of its section, line 3, says "Not Mapped"']],
      ['T1566.002', ['the heading of its section, line 3, says "Not Mapped"']],
      ['T1036', []],
      ['T1078', ['the heading of its section, line 9, says "Not Mapped"']],
      ['T1486', ['the heading of its section, line 13, says "Not observed"']],
      ['T1059.001', []],
      ['T1003.001', ['the heading of its section, line 17, says "Not observed"']],
    ]);
  });

  // Our own lines, in the shape of Markdown write-ups that set a section's title with `#` and its parts with `##` (as the
  // brute-force lab above): a denying `#` heading with no other `#` heading after it. Before, its section ran to the
  // document's end, and every finding under `## Findings` or `## Timeline` was warned of as denied.
  it('ends a denying heading\'s section at a heading right under it that is no item of it (an ID, a tactic, a denial)', () => {
    const text = [
      '# Techniques not observed',
      '- T1041 Exfiltration Over C2 Channel',
      '## Credential Access',
      '- T1003.001',
      '## T1566.002 — Spearphishing Link',
      '**Reason:**',
      'No link was found.',
      '#### Rationale',
      '## T1567.002 — Exfiltration to Cloud Storage',
      '## Findings',
      'The actor ran PowerShell (T1059.001).',
      '## Timeline',
      '### T1021.001 — Remote Desktop Protocol',
      '# Out of scope',
      '- T1498 Network Denial of Service',
      '## Recommendations',
      'Block RDP from the internet (T1133).',
    ].join('\n');
    const denials = (warnings: string[]): Array<string | undefined> => warnings.filter((warning) => warning.includes('not seen or not mapped')).map((warning) => /\((.*)\)/.exec(warning)?.[1]);
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], denials(warnings)])).to.deep.equal([
      ['T1041', ['the heading of its section, line 1, says "not observed"']],
      ['T1003.001', ['the heading of its section, line 1, says "not observed"']],
      ['T1566.002', ['the heading of its section, line 1, says "not observed"']],
      ['T1567.002', ['the heading of its section, line 1, says "not observed"']],
      ['T1059.001', []],
      ['T1021.001', []],
      ['T1498', ['the heading of its section, line 14, says "Out of scope"']],
      ['T1133', []],
    ]);
  });

  // Our own lines, in the shape of an assessment's scope statement: `out of scope` in a sentence denies only the list
  // its colon introduces, on its line or under it (before: only a heading's words were read, and none of these was
  // warned of). Words before a colon that deny introduce the list after it as a line above one does (`Not observed:`).
  it('warns of each ID of a list that words saying it was out of scope (or not observed) introduce after a colon', () => {
    const text = [
      'The following techniques were out of scope for this assessment: T1110, T1078.',
      '**Out of scope:** T1498 (Network Denial of Service); in scope: Valid Accounts (T1078.002).',
      'Not observed: T1041, T1048.',
      'Techniques out of scope:',
      '- T1499 Endpoint Denial of Service',
      'Observed: T1059.001, T1003.001',
    ].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], warnings.map((warning) => /\((.*)\)/.exec(warning)?.[1])])).to.deep.equal([
      ['T1110', ['the words that introduce it say "out of scope"']],
      ['T1078', ['the words that introduce it say "out of scope"']],
      ['T1498', ['the words that introduce it say "Out of scope"']],
      ['T1078.002', []],
      ['T1041', ['the words that introduce it say "Not observed"']],
      ['T1048', ['the words that introduce it say "Not observed"']],
      ['T1499', ['line 4, which introduces it, says "out of scope"']],
      ['T1059.001', []],
      ['T1003.001', []],
    ]);
  });

  // Our own lines, in the shape of an assessment's scope statement with the IDs as the sentence's subject: before, `out
  // of scope` in the ID's own clause denied nothing, and none was warned of.
  it('warns of each ID that is the subject of "was out of scope", its names and a list\'s words beside it', () => {
    const text = [
      'T1110 and T1078 were out of scope for this assessment.',
      'Network Denial of Service (T1498) was deemed out of scope.',
      'The techniques T1041 and T1048 were out of scope; T1059.001 was observed.',
    ].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], warnings.map((warning) => /\((.*)\)/.exec(warning)?.[1])])).to.deep.equal([
      ['T1110', ['its clause says "were out of scope"']],
      ['T1078', ['its clause says "were out of scope"']],
      ['T1498', ['its clause says "was deemed out of scope"']],
      ['T1041', ['its clause says "were out of scope"']],
      ['T1048', ['its clause says "were out of scope"']],
      ['T1059.001', []],
    ]);
  });

  // Our own lines: a subject in Title Case is a subject of IDs where its words name techniques (an alias, a name several
  // techniques share, the writer's shorthand sharing a word with the ID's technique) or a tactic; else it names the
  // hosts or sessions that were out of scope, not the technique (below, `warns of nothing in …`).
  it('warns of each ID whose subject of "were out of scope" names techniques or a tactic, in ATT&CK\'s words or the writer\'s', () => {
    const text = [
      'Cloud Accounts (T1078.004) were out of scope.',
      'RDP (T1021.001) and WMI (T1047) were out of scope for this hunt.',
      'SMB Admin Shares (T1021.002) was out of scope.',
      'Lateral Movement Techniques (T1021) were out of scope of the hunt, but the actor used RDP.',
    ].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], warnings.map((warning) => /\((.*)\)/.exec(warning)?.[1])])).to.deep.equal([
      ['T1078.004', ['its clause says "were out of scope"']],
      ['T1021.001', ['its clause says "were out of scope"']],
      ['T1047', ['its clause says "were out of scope"']],
      ['T1021.002', ['its clause says "was out of scope"']],
      ['T1021', ['its clause says "were out of scope"']],
    ]);
  });

  // A subject in Title Case naming what was out of scope besides the technique: the hosts, the sessions (before: each
  // warned of as denied). `Windows Hosts` is warned of as no name of T1059.001, which is another matter.
  it('warns of no ID whose subject of "were out of scope" names hosts or sessions in Title Case', () => {
    const text = ['Windows Hosts (T1059.001) were out of scope.', 'Remote Desktop Protocol (T1021.001) Sessions on the Jump Hosts were out of scope.'].join('\n');
    expect(warningsOf(text).flatMap(([, warnings]) => warnings.filter((warning) => warning.includes('not seen or not mapped')))).to.deep.equal([]);
  });

  // Our own lines, in the shape of an assessment's scope statement: a platform's name (ATT&CK's platform list, `Windows`)
  // or a place's in an estate (`Hosts`, `Domain Controllers`) sharing a word with the ID's technique names it no more
  // than the hosts do (before: T1059.003, T1047 and T1078.002 warned of as denied, `Windows` being in Windows Command
  // Shell and Windows Management Instrumentation, `Domain` in Domain Accounts); a word of the technique's own beside the
  // platform's still names it (`Windows Shell`).
  it('warns of no ID whose subject of "were out of scope" shares only a platform\'s or an estate\'s word with its technique', () => {
    const text = [
      'Windows Hosts (T1059.003) were out of scope.',
      'Windows Workstations and Domain Controllers (T1047) were out of scope for this engagement.',
      'Domain Controllers (T1078.002) were out of scope.',
      'Windows Shell (T1059.003) was out of scope.',
    ].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], warnings.filter((warning) => warning.includes('not seen or not mapped'))])).to.deep.equal([
      ['T1059.003', []],
      ['T1047', []],
      ['T1078.002', []],
      ['T1059.003', ['T1059.003 is written where the report says it was not seen or not mapped (its clause says "was out of scope"): keep it only where the report claims it']],
    ]);
  });

  // Our own lines, in the shape of an assessment's scope statement (no real one found; scoping guides list shares,
  // networks and devices among the assets a test covers or leaves out, purple.tymyrddin.dev/docs/pentesting/scoping): a
  // platform's name counts word by word (`Network`, 18.1's `Network Devices`, the platform's name up to ATT&CK 15) and
  // file shares are a place in the estate, so `Network Shares` names Network Share Discovery no more than `Windows
  // Hosts` names Windows Command Shell (before: T1135 warned of as denied); its own word (`Discovery`) still names it.
  it('warns of no ID whose subject of "were out of scope" is shares on the network, but of one naming the technique\'s action', () => {
    const text = ['Network Shares (T1135) were out of scope.', 'Network Share Discovery (T1135) was out of scope.', 'Network Sniffing (T1040) was out of scope.'].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], warnings.filter((warning) => warning.includes('not seen or not mapped')).length])).to.deep.equal([
      ['T1135', 0],
      ['T1135', 1],
      ['T1040', 1],
    ]);
  });

  // Our own lines: a DFIR report denies one technique of a pair, then claims it further on. Before, the one reference
  // of T1041, merged from both lines, kept the first line's warning.
  it('warns of nothing where the report also writes the ID as it claims one, after denying it', () => {
    const text = ['We did not observe T1041 or T1048.', '', 'Later the archive left over the C2 channel (T1041).'].join('\n');
    expect(warningsOf(text).map(([ids, warnings]) => [ids[0], warnings.length])).to.deep.equal([
      ['T1041', 0],
      ['T1048', 1],
    ]);
  });

  // A denial says nothing of an ID in another clause, nor does a defence that missed a technique, nor a table's cell.
  const unwarned: ReadonlyArray<readonly [label: string, text: string]> = [
    ['another clause of the sentence', 'There was no evidence of data encryption, but backups were deleted (T1490).'],
    ['a clause after a comma that opens one', 'Although the operators had not been seen before, they dumped LSASS (T1003.001).'],
    ['a defence that missed it', 'Defender did not detect the packed payload (T1027.002).'],
    ['a table row', '| Discovery | T1082 | System Information Discovery | not observed on other hosts |'],
    // Novelty, in CTI's usual words: the technique is seen now (before: warned of as denied).
    ['a technique not seen before', 'The actor has not previously been observed using DLL side-loading (T1574.002).'],
    ['a tool never seen before', 'They dropped a web shell never seen before (T1505.003).'],
    ['a heading of what was seen and what was not', '## Observed and not observed techniques\n- T1059.001'],
    // A clause after a comma that opens one with `where`, and the exception to a denial: the report claims the technique.
    ['a clause opened by where', 'There is no evidence of data staging on the file server, where the actor used RDP (T1021.001).'],
    ['the exception to a denial', 'We did not see any sign of defense evasion other than obfuscated scripts (T1027).'],
    ['a sentence set in bold above', '**Note: lateral movement was not observed on any host other than the first one.**\n\nThe actor ran PowerShell (T1059.001).'],
    ['a comment in a code block', '```\n# not observed on this host\nrun T1059.001\n```'],
    ['a section after a denying one', '## Not observed\nNo encryption.\n## Observed\n- T1059.001'],
    // `out of scope` said of something else in the ID's own clause, or introducing another sentence's list.
    ['a clause saying hosts were out of scope', 'Scope: the actor used PowerShell (T1059.001) on hosts that were out of scope for EDR.'],
    ['a subject holding a sentence\'s words', 'PowerShell (T1059.001) ran on hosts that were out of scope for EDR.\nThe T1059.001 hosts were out of scope.\nExecution of T1059.001 on servers was out of scope.'],
    ['a sentence after a list out of scope', 'Out of scope: denial of service. The actor ran PowerShell (T1059.001).'],
  ];
  for (const [label, text] of unwarned) {
    it(`warns of nothing in ${label}`, () => {
      expect(warningsOf(text).flatMap(([, warnings]) => warnings)).to.deep.equal([]);
    });
  }
});
