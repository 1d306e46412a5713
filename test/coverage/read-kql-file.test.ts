/**
 * KQL queries kept as `.kql` files (lib/coverage/read-kql-file.ts). The fixtures are short reconstructions, in our own
 * words and values, of the layouts of real query files, each named where it is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'chai';
import { kqlComments, parseKqlFile } from '../../lib/coverage/read-kql-file.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { freshTmpDir } from '../helpers/attack.js';

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

// mhartson310/Sentinel-KQL-Library, kql-queries/identity/impossible-travel.kql @9580f3a7: a header block between
// `// ====` rules (Name, MITRE ATT&CK, Severity, Tactics, Data Sources), a description, the query; an ID in a string
// of the query and a table named like one are no mapping.
const HARTSON = lines(
  '// ============================================',
  '// QUERY METADATA',
  '// ============================================',
  '// Name: Sign-ins too far apart to travel',
  '// MITRE ATT&CK: T1078 - Valid Accounts',
  '// Severity: High',
  '// Tactics: Initial Access, Defense Evasion',
  '// ============================================',
  '',
  '// DESCRIPTION:',
  '// Two successful sign-ins from distant cities within hours.',
  'SigninLogs',
  '| where ResultType == 0  // successful only',
  '| where AppDisplayName != "T1110 lab"',
  '| join kind=leftanti (T1021_CL) on UserPrincipalName',
);

// maverick-sahu/kql-detection-rules, rules/Shadow Copy Deletion Commands/Shadow-Copy-Deletion-Commands.kql @266fe5e3:
// `// Key   : value` lines, the technique after "MITRE Technique", an en dash before its name.
const SAHU = lines(
  '// Rule Name      : Shadow copies deleted',
  '// MITRE Tactic   : Impact',
  '// MITRE Technique: T1490 – Inhibit System Recovery',
  '// Severity       : Critical',
  '//',
  'DeviceProcessEvents',
  '| where ProcessCommandLine has_any ("vssadmin delete shadows", "wbadmin delete catalog")',
);

// dushanka-p/detection-engineering-microsoft, detections/de-endp-001-powershell-inmemory-download-cradle/rule.kql
// @ea0b685b: lower-case IDs, a primary and related ones, no name line.
const DUSHANKA = lines('// de-endp-001', '// powershell download cradle', '// primary technique: t1059.001', '// related: t1105, t1071.001', '', 'let lookback = 7d;', 'DeviceProcessEvents', '| where Timestamp > ago(lookback)');

// reprise99/Sentinel-Queries, Active Directory/SecurityEvent-AccountSetPasswordNotRequired.kql @cbd12c1d: a line of
// description and the connector it needs, no technique; an event ID in a string.
const REPRISE = lines('//Alert when an account is set to password not required', '', '//Data connector required for this query - Windows Security Events', '', 'SecurityEvent', '| where EventID == "4738"');

describe('parseKqlFile (KQL queries kept as .kql files)', () => {
  const read = (text: string, file = 'q.kql') => {
    const outcome = parseKqlFile(text, file);
    return 'rule' in outcome ? [outcome.rule.kind, outcome.rule.name, outcome.rule.line, outcome.rule.refs.map((ref) => `${ref.id}:${ref.line}`), outcome.rule.level] : outcome;
  };

  for (const [layout, text, expected] of [
    ["mhartson310's header block: named by its Name line; IDs in the query's strings and names not read", HARTSON, ['kql', 'Sign-ins too far apart to travel', 4, ['T1078:5'], 1]],
    ["maverick-sahu's Rule Name and MITRE Technique lines", SAHU, ['kql', 'Shadow copies deleted', 1, ['T1490:3'], 1]],
    ["dushanka-p's lower-case IDs, no name line: named by its file", DUSHANKA, ['kql', 'rule.kql', 1, ['T1059.001:3', 'T1105:4', 'T1071.001:4'], 1]],
  ] as const) {
    it(`reads one rule of the techniques its comments name: ${layout}`, () => {
      expect(read(text, 'detections/de-endp-001/rule.kql')).to.deep.equal(expected);
    });
  }

  it('ignores a query that names no technique as any rule naming none is (no ATT&CK technique), named by its file', () => {
    expect(parseKqlFile(REPRISE, 'Active Directory/SecurityEvent-AccountSetPasswordNotRequired.kql')).to.deep.equal({
      ignored: { line: 1, name: 'SecurityEvent-AccountSetPasswordNotRequired.kql', reason: 'no ATT&CK technique' },
    });
    // A link to a technique's page is a reference, not a mapping: the rule is still ignored, with a note saying how to claim it.
    const linked = parseKqlFile(lines('// See https://attack.mitre.org/techniques/T1490/', 'DeviceProcessEvents'), 'q.kql');
    expect(linked).to.deep.equal({
      ignored: { line: 1, name: 'q.kql', reason: 'no ATT&CK technique (its references link to T1490)' },
      notes: [
        {
          line: 1,
          message:
            'no ATT&CK technique, but its references link to the ATT&CK page of T1490; the rule is not counted (a reference is a source, not what the rule detects): ' +
            'if it detects that technique, name it in a comment above the query: // MITRE ATT&CK: T1490',
        },
      ],
    });
  });

  it('finds comments outside string literals only: quoted, verbatim, escaped and multi-line strings hold no comment', () => {
    const text = lines('T | where a == "http://x//y" // one', "| where b == @'c:\\dir\\' // two", '| where c == "a \\" // not" // three', '| extend d = ```', '// inside', '```', '// four');
    expect(kqlComments(text).map((comment) => [comment.text.trim(), comment.line, comment.leading])).to.deep.equal([
      ['one', 1, false],
      ['two', 2, false],
      ['three', 3, false],
      ['four', 7, false],
    ]);
  });
});

describe('readRuleFolder and --coverage with .kql files', () => {
  it('reads a folder of them (kind kql) beside Sigma rules, each file one rule; one .kql file given alone too', () => {
    const dir = freshTmpDir('kql-files');
    const files: Readonly<Record<string, string>> = {
      'Active Directory/SecurityEvent-AccountSetPasswordNotRequired.kql': REPRISE,
      'identity/impossible-travel.kql': HARTSON,
      'rules/Shadow Copy Deletion Commands/Shadow-Copy-Deletion-Commands.kql': SAHU,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts, read.notes]).to.deep.equal(['kql', { items: 3, rules: 2, ignored: 1, invalid: 0 }, undefined]);
    expect(read.rules.map((rule) => [rule.name, rule.file.slice(dir.length + 1), rule.refs.map((ref) => ref.id)])).to.deep.equal([
      ['Sign-ins too far apart to travel', 'identity/impossible-travel.kql', ['T1078']],
      ['Shadow copies deleted', 'rules/Shadow Copy Deletion Commands/Shadow-Copy-Deletion-Commands.kql', ['T1490']],
    ]);
    expect(read.ignored.map((item) => [item.file.slice(dir.length + 1), item.name, item.reason])).to.deep.equal([
      ['Active Directory/SecurityEvent-AccountSetPasswordNotRequired.kql', 'SecurityEvent-AccountSetPasswordNotRequired.kql', 'no ATT&CK technique'],
    ]);
    // Read again through the rule cache: the same rules, named by this run's paths.
    const cacheDir = freshTmpDir('kql-files-cache');
    readRuleFolder(dir, { cacheDir });
    expect(readRuleFolder(dir, { cacheDir }).rules.map((rule) => [rule.name, rule.file])).to.deep.equal(read.rules.map((rule) => [rule.name, rule.file]));
    // A Sigma rule beside them: one input of both kinds (rules).
    writeFileSync(join(dir, 'sigma.yml'), lines('title: Shadow copies deleted by vssadmin', 'logsource:', '  category: process_creation', '  product: windows', 'detection:', '  sel:', '    CommandLine|contains: delete shadows', '  condition: sel', 'tags:', '  - attack.t1490'));
    const mixed = readRuleFolder(dir);
    expect([mixed.kind, mixed.counts]).to.deep.equal(['rules', { items: 4, rules: 3, ignored: 1, invalid: 0 }]);
    const [alone, ...more] = readCoverageInputs([join(dir, 'identity/impossible-travel.kql')]);
    expect(more).to.deep.equal([]);
    expect([alone!.kind, alone!.counts, alone!.rules.map((rule) => rule.name)]).to.deep.equal(['kql', { items: 1, rules: 1, ignored: 0, invalid: 0 }, ['Sign-ins too far apart to travel']]);
    // A .kql file that is no text (a zip archive saved under that name) is invalid, saying what it is, in an input named kql.
    writeFileSync(join(dir, 'export.kql'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const [zip] = readCoverageInputs([join(dir, 'export.kql')]);
    expect([zip!.kind, zip!.problems.map((problem) => [problem.file, problem.message])]).to.deep.equal([
      'kql',
      [[join(dir, 'export.kql'), 'this is a zip archive (an .xlsx or .docx file is one); save or export it as CSV, JSON or text first']],
    ]);
  });
});

describe('readRuleFolder: a .kql query without a name comment, in a folder of its own under a file name that says nothing', () => {
  // dushanka-p/detection-engineering-microsoft keeps each detection in a folder of its own, its query in rule.kql
  // (detections/de-endp-001-powershell-inmemory-download-cradle/rule.kql @ea0b685b, no name line); and
  // davidecaria/dac-sentinel-mcaps-test-01 keeps eight queries as src/AnalyticRules/<area>/<rule>/query.kql @d214fbe1
  // (EntraID-passwordSpray: a SigninLogs query, no comment), their techniques in metadata.bicep beside them. Every
  // such rule was named rule.kql or query.kql.
  it('names it by its folder when its file name is a generic word or another file of the input has it', () => {
    const dir = freshTmpDir('kql-folder-names');
    const files: Readonly<Record<string, string>> = {
      'detections/de-endp-001-powershell-download-cradle/rule.kql': DUSHANKA,
      'AnalyticRules/AzureAD/EntraID-passwordSpray/query.kql': lines('SigninLogs', '| where ResultType != 0', '| summarize Failures = count(), Users = dcount(UserPrincipalName) by IPAddress'),
      // Named alike in two folders, a name of no generic word: each named by its folder.
      'endpoint/encoded-powershell/powershell.kql': lines('// technique: T1059.001', 'DeviceProcessEvents', '| where ProcessCommandLine has "-enc"'),
      'server/encoded-powershell-2/powershell.kql': lines('// technique: T1059.001', 'SecurityEvent', '| where CommandLine has "-enc"'),
      // A name comment, or a file name of its own, stays the rule's name.
      'identity/impossible-travel/rule.kql': HARTSON,
      'Active Directory/SecurityEvent-AccountSetPasswordNotRequired.kql': REPRISE,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const read = readRuleFolder(dir);
    expect(read.rules.map((rule) => [rule.file.slice(dir.length + 1), rule.name])).to.deep.equal([
      ['detections/de-endp-001-powershell-download-cradle/rule.kql', 'de-endp-001-powershell-download-cradle'],
      ['endpoint/encoded-powershell/powershell.kql', 'encoded-powershell'],
      ['identity/impossible-travel/rule.kql', 'Sign-ins too far apart to travel'],
      ['server/encoded-powershell-2/powershell.kql', 'encoded-powershell-2'],
    ]);
    expect(read.ignored.map((item) => [item.file.slice(dir.length + 1), item.name])).to.deep.equal([
      ['Active Directory/SecurityEvent-AccountSetPasswordNotRequired.kql', 'SecurityEvent-AccountSetPasswordNotRequired.kql'],
      ['AnalyticRules/AzureAD/EntraID-passwordSpray/query.kql', 'EntraID-passwordSpray'],
    ]);
    // Given alone, the file of a generic name is named by its folder too.
    const [alone] = readCoverageInputs([join(dir, 'detections/de-endp-001-powershell-download-cradle/rule.kql')]);
    expect(alone!.rules.map((rule) => rule.name)).to.deep.equal(['de-endp-001-powershell-download-cradle']);
  });
});
