import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import {
  COVERAGE_WORDS,
  coverageLevel,
  NO_COVERAGE_GIVEN,
  parseDetectionsCsv,
  parseDetectionsYaml,
  readDetections,
  splitTechniques,
} from '../../lib/coverage/read-detections.js';
import { InputError, SchemaValidationError, UsageError } from '../../lib/errors.js';
import { schemaUrl } from '../../lib/schemas.js';
import { freshTmpDir } from '../helpers/attack.js';

const fixtures = fileURLToPath(new URL('../fixtures/coverage/detections', import.meta.url));

function expectBookkeeping(input: CoverageInput): void {
  expect(input.counts.rules).to.equal(input.rules.length);
  expect(input.counts.ignored).to.equal(input.ignored.length);
  expect(input.counts.invalid).to.equal(input.problems.filter((problem) => problem.skipped).length);
  expect(input.counts.rules + input.counts.ignored + input.counts.invalid).to.equal(input.counts.items);
}

describe('readDetections (YAML)', () => {
  let input: CoverageInput;
  before(() => {
    input = readDetections(join(fixtures, 'detections.yml'));
  });

  it('ends each of the 7 detections as a rule, ignored or a problem', () => {
    expect(input.files).to.equal(1);
    expect(input.counts).to.deep.equal({ items: 7, rules: 4, ignored: 1, invalid: 2 });
    expectBookkeeping(input);
  });

  it('keeps technique references as written, each with its line', () => {
    expect(input.rules.map((rule) => [rule.name, rule.line, rule.refs])).to.deep.equal([
      ['EDR: encoded PowerShell', 2, [{ raw: 'T1059.001', line: 5 }, { raw: 'PowerShell (T1086)', line: 6 }]],
      ['Proxy: rare user agents', 11, [{ raw: 'T1071.001', line: 12 }]],
      ['Mail gateway: macro attachments', 15, [{ raw: 'Spearphishing Attachment (T1193)', line: 16 }, { raw: 'T1566.001', line: 16 }]],
      ['Legacy AV', 20, [{ raw: 'T1204', line: 21 }]],
    ]);
  });

  it('turns coverage words and numbers into levels, and counts a missing coverage as full', () => {
    expect(input.rules.map((rule) => [rule.level, rule.levelReason])).to.deep.equal([
      [1, 'coverage high -> 1'],
      [0.4, 'coverage 40% -> 0.4'],
      [1, NO_COVERAGE_GIVEN],
      [0, 'coverage none -> 0'],
    ]);
  });

  it('keeps id, platforms, data sources and comment', () => {
    expect(input.rules[0]).to.deep.include({ id: 'EDR-0042', platforms: ['Windows'], dataSources: ['Process: Process Creation'] });
    expect(input.rules[1]?.dataSources).to.deep.equal(['Network Traffic: Network Traffic Content']);
    expect(input.rules[2]?.comment).to.equal('blind to password-protected archives');
  });

  it('ignores a detection without techniques', () => {
    expect(input.ignored).to.deep.equal([
      { file: join(fixtures, 'detections.yml'), line: 18, name: 'Asset inventory export', reason: 'no technique reference' },
    ]);
  });

  it('reports items that break the schema, with their lines, and reads the rest', () => {
    expect(input.problems.map((p) => [p.line, p.message, p.skipped])).to.deep.equal([
      [25, 'detection 6 "Broken coverage": coverage "very high" is not a number 0-100 or one of none, low, medium, high', true],
      [26, 'detection 7 "Typo in a field": unknown field "techiques"', true],
    ]);
  });

  it('reads the object form { detections: [...] } and keeps an unknown ID (T9999)', () => {
    const wrapped = readDetections(join(fixtures, 'wrapped.yaml'));
    expect(wrapped.counts).to.deep.equal({ items: 1, rules: 1, ignored: 0, invalid: 0 });
    expect(wrapped.rules[0]?.refs).to.deep.equal([{ raw: 'T1003.001', line: 4 }, { raw: 'T9999', line: 4 }]);
  });

  it('reports a broken item of the object form with the line of its first problem', () => {
    const text = 'detections:\n  - name: a\n    techniques: [T1059, 3]\n  - name: b\n    techniques: T1003\n';
    const wrapped = parseDetectionsYaml(text, 'w.yml');
    expect(wrapped.counts).to.deep.equal({ items: 2, rules: 1, ignored: 0, invalid: 1 });
    expect(wrapped.problems).to.deep.equal([{ file: 'w.yml', line: 3, message: 'detection 1 "a": techniques/1 must be string', skipped: true }]);
  });

  it('throws SchemaValidationError, with the line, when the file is not a detections list', () => {
    expect(() => readDetections(join(fixtures, 'not-a-list.yml')))
      .to.throw(SchemaValidationError, /not-a-list\.yml: not a valid detections file: line 1, \/: missing required field "detections"/)
      .with.property('line', 1);
  });

  // A [ list not closed is named at its own line (1), where it is mended, not at the next line, where the parser gave up:
  // the same cause campaign files say, as every YAML reader now lists its errors through yamlSyntaxIssues.
  it('throws InputError with file and line for a YAML syntax error', () => {
    expect(() => readDetections(join(fixtures, 'not-yaml.yml')))
      .to.throw(InputError, /^\S*not-yaml\.yml:1: not valid YAML: the list \[ opened on this line is not closed; end it with \]/)
      .with.property('line', 1);
  });

  it('says of a YAML syntax error caused by an unquoted value holding ": " what it is and to quote it', () => {
    expect(() => parseDetectionsYaml('- name: Boot or Logon Autostart Execution: Winlogon\n  techniques: [T1547.004]\n', 'd.yml')).to.throw(
      InputError,
      `d.yml:1: not valid YAML: the value of "name" is not quoted and holds ": " (column 42), which YAML reads as the start of a mapping inside it; quote the value: name: '…' (write '' for a ' inside)`,
    );
  });

  it('names the line of a pasted query (yaml reports it at its key) that holds ": ", and what to do', () => {
    const text = ['- name: Excessive failed logons', '  techniques: [T1110]', '  query: index=auth action=failure', '    | stats count by src', '    | eval msg="source: ".src', '    | where count > 50', ''].join('\n');
    expect(() => parseDetectionsYaml(text, 'd.yml'))
      .to.throw(
        InputError,
        'd.yml:5: not valid YAML: the value of "query" (line 3) goes on over several lines without quotes and line 5 holds ": " (column 23), which YAML reads as the start of a mapping inside it; write the value as a block, its lines indented under the key: query: |',
      )
      .with.property('line', 5);
  });

  it('names the first line of a pasted query block whose lines are not indented under it, not the next key', () => {
    const text = ['- name: Excessive failed logons', '  techniques: [T1110]', '  query: |', '    index=auth action=failure', '  | stats count by src', '  | where count > 50', '  coverage: high', ''].join('\n');
    expect(() => parseDetectionsYaml(text, 'd.yml'))
      .to.throw(InputError, /^d\.yml:5: not valid YAML: lines 5-6 continue the block of "query" \(line 3\) at the key's own indentation.*indent them 2 spaces more than "query"/)
      .with.property('line', 5);
  });

  it('throws InputError for an empty file', () => {
    expect(() => parseDetectionsYaml('# nothing\n', 'empty.yml')).to.throw(InputError, /empty\.yml: the file is empty/);
  });

  it('reads JSON through the same schema', () => {
    const json = parseDetectionsYaml('[{"name": "a", "techniques": ["T1059"], "coverage": 50}]', 'd.json');
    expect(json.rules.map((rule) => [rule.name, rule.level, rule.refs])).to.deep.equal([['a', 0.5, [{ raw: 'T1059', line: 1 }]]]);
  });

  it('throws UsageError for another extension or a missing file; a missing file is said to be missing, whatever its extension', () => {
    const text = join(freshTmpDir('detections-txt'), 'detections.txt');
    writeFileSync(text, 'name,techniques\na,T1059\n');
    expect(() => readDetections(text)).to.throw(UsageError, /must end in \.csv, \.yml, \.yaml or \.json/);
    expect(() => readDetections(join(fixtures, 'missing.csv'))).to.throw(UsageError, /missing\.csv: no such file/);
    expect(() => readDetections(join(fixtures, 'missing.txt'))).to.throw(UsageError, /missing\.txt: no such file/);
  });
});

describe('readDetections (CSV)', () => {
  let input: CoverageInput;
  const file = join(fixtures, 'detections.csv');
  before(() => {
    input = readDetections(file);
  });

  it('ends each of the 9 data rows as a rule, ignored or a problem (blank rows are not counted)', () => {
    expect(input.counts).to.deep.equal({ items: 9, rules: 5, ignored: 1, invalid: 3 });
    expectBookkeeping(input);
  });

  it('reads quoted fields, doubled quotes, CRLF, line breaks inside a cell, and several refs per cell', () => {
    expect(input.rules.map((rule) => [rule.name, rule.line, rule.refs.map((ref) => ref.raw)])).to.deep.equal([
      ['EDR: encoded PowerShell', 2, ['T1059.001', 'PowerShell (T1086)']],
      ['Proxy rare user agents', 3, ['T1071.001']],
      ['Mail "macro" attachments', 4, ['Spearphishing Attachment (T1193)', 'T1566.001']],
      ['File discovery', 8, ['T1082', 'T1083']],
      ['Last row', 12, ['T1021.001', 'T1021.002']],
    ]);
    expect(input.rules.every((rule) => rule.refs.every((ref) => ref.line === rule.line))).to.equal(true);
  });

  it('reads coverage words in any case and percentages', () => {
    expect(input.rules.map((rule) => rule.levelReason)).to.deep.equal([
      'coverage high -> 1',
      'coverage 40% -> 0.4',
      'coverage medium -> 0.5',
      'coverage 25% -> 0.25',
      'coverage 100% -> 1',
    ]);
  });

  it('splits platforms on ";" and ","', () => {
    expect(input.rules[1]?.platforms).to.deep.equal(['Windows', 'Linux', 'macOS']);
  });

  it('reports broken rows with their lines, and an unknown column without skipping anything', () => {
    expect(input.problems.map((p) => [p.line, p.skipped, p.message])).to.deep.equal([
      [1, false, 'unknown column "owner" is not read; the columns are name, id, techniques, coverage, platforms, data_sources, comment'],
      [7, true, 'the row has 3 fields but the header has 6; quote fields that contain commas'],
      [9, true, 'a quoted field opened on line 9 is never closed; close it with " (write "" for a quote inside)'],
      [11, true, 'detection "Bad coverage": coverage "lots" is not a number 0-100 or one of none, low, medium, high'],
    ]);
    expect(input.problems.every((p) => p.file === file)).to.equal(true);
  });

  it('ignores a row without techniques', () => {
    expect(input.ignored.map((i) => [i.line, i.name, i.reason])).to.deep.equal([[6, 'Asset inventory export', 'no technique reference']]);
  });

  it('throws InputError when a required column is missing', () => {
    expect(() => readDetections(join(fixtures, 'no-techniques-column.csv')))
      .to.throw(InputError, /no-techniques-column\.csv:1: the header has no "techniques" column/)
      .with.property('line', 1);
  });

  it('throws InputError for an empty file and for a broken header', () => {
    expect(() => parseDetectionsCsv('', 'e.csv')).to.throw(InputError, /e\.csv: no header row/);
    expect(() => parseDetectionsCsv('"name,techniques\n', 'h.csv')).to.throw(InputError, /h\.csv:1: no header row/);
    expect(() => parseDetectionsCsv('"name,techniques\na,T1059\n', 'h.csv')).to.throw(InputError, /h\.csv:1: the header row is broken/);
    expect(() => parseDetectionsCsv('"name"x,techniques\na,T1059\n', 'h.csv')).to.throw(InputError, /h\.csv:1: the header row is broken/);
  });

  it('reads a CSV of two columns without a header, a technique and a detection per row (dettectinator\'s import_techniques.csv), with a note', () => {
    const csv = parseDetectionsCsv('T1574.011,A malicious service name was registered on the machine\nT1574,A suspicious symbolic link was created\nT1569.002,Suspicious remote activity', 'i.csv');
    expect(csv.rules.map((rule) => [rule.line, rule.name, rule.refs.map((ref) => ref.raw), rule.level])).to.deep.equal([
      [1, 'A malicious service name was registered on the machine', ['T1574.011'], 1],
      [2, 'A suspicious symbolic link was created', ['T1574'], 1],
      [3, 'Suspicious remote activity', ['T1569.002'], 1],
    ]);
    expect(csv.problems).to.deep.equal([
      { file: 'i.csv', line: 1, message: 'no header row: the first row is a detection; read column 1 as techniques and column 2 as name', skipped: false },
    ]);
    // A first row whose ID is written as the rows after it may write theirs (`T1574/011`) is a detection too, not a header.
    const slash = parseDetectionsCsv('T1574/011,A malicious service name was registered on the machine\nT1574,A suspicious symbolic link was created', 's.csv');
    expect(slash.rules.map((rule) => [rule.line, rule.name, rule.refs.map((ref) => ref.raw)])).to.deep.equal([
      [1, 'A malicious service name was registered on the machine', ['T1574/011']],
      [2, 'A suspicious symbolic link was created', ['T1574']],
    ]);
    // Any other first row without the required columns is still a header that misses them.
    expect(() => parseDetectionsCsv('Title,Severity\nA,high\n', 'h.csv')).to.throw(InputError, /h\.csv:1: the header has no "techniques" column/);
  });

  it('accepts header names in any case, with spaces for underscores', () => {
    const csv = parseDetectionsCsv('Name,Techniques,Data Sources\nA,T1059,Process\n', 'h.csv');
    expect(csv.rules[0]).to.deep.include({ name: 'A', dataSources: ['Process'], levelReason: NO_COVERAGE_GIVEN });
    expect(csv.problems).to.deep.equal([]);
  });
});

describe('parseDetectionsCsv: header names as SIEM and rule exports write them', () => {
  const cases: ReadonlyArray<readonly [header: string, row: string, read: string, name: string, techniques: string[]]> = [
    ['technique_id,Rule Name', 'T1059.001,Encoded PowerShell', '"technique_id" as techniques, "Rule Name" as name', 'Encoded PowerShell', ['T1059.001']],
    ['detection,technique,rule_id', 'LSASS access,T1003.001,R-7', '"detection" as name, "technique" as techniques, "rule_id" as id', 'LSASS access', ['T1003.001']],
    ['Title,MITRE ATT&CK ID,Platform,Data Source', 'Shadow copy deleted,T1490,Windows,Process', '"Title" as name, "MITRE ATT&CK ID" as techniques, "Platform" as platforms, "Data Source" as data_sources', 'Shadow copy deleted', ['T1490']],
    ['rule_name,mitre_attack_id', 'Cron job,T1053.003', '"rule_name" as name, "mitre_attack_id" as techniques', 'Cron job', ['T1053.003']],
  ];
  for (const [header, row, read, name, techniques] of cases) {
    it(`reads "${header}", with a note naming the columns read`, () => {
      const csv = parseDetectionsCsv(`${header}\n${row}\n`, 'siem.csv');
      expect(csv.rules.map((rule) => [rule.name, rule.refs.map((ref) => ref.raw)])).to.deep.equal([[name, techniques]]);
      expect(csv.problems).to.deep.equal([{ file: 'siem.csv', line: 1, message: `read column ${read}`, skipped: false }]);
    });
  }

  it('reads the column of IDs over one of names, and a column named as the format names it over its synonym', () => {
    const ids = parseDetectionsCsv('Technique,Technique ID,Rule\nCommand and Scripting Interpreter,T1059,Shell\n', 'ids.csv');
    expect(ids.rules.map((rule) => [rule.name, rule.refs.map((ref) => ref.raw)])).to.deep.equal([['Shell', ['T1059']]]);
    expect(ids.problems.map((problem) => problem.message)).to.deep.equal([
      'read column "Technique ID" as techniques, "Rule" as name',
      'unknown column "Technique" is not read; the columns are name, id, techniques, coverage, platforms, data_sources, comment',
    ]);
    const named = parseDetectionsCsv('name,Rule Name,techniques\nA,B,T1059\n', 'named.csv');
    expect(named.rules.map((rule) => rule.name)).to.deep.equal(['A']);
  });

  it('still refuses a header of no recognisable name or techniques column (a search is a query, a technique name no ID), naming the accepted ones', () => {
    expect(() => parseDetectionsCsv('search,tactic,technique_name\nindex=main,Execution,PowerShell\n', 'splunk.csv')).to.throw(
      InputError,
      'splunk.csv:1: the header has no "name" column; name the columns name, id, techniques, coverage, platforms, data_sources, comment ' +
        '(or rule, detection, alert, analytic, use case or signature, with or without "name" or "title"; search name, query name or title)',
    );
    expect(() => parseDetectionsCsv('Rule Name,technique_name\nA,PowerShell\n', 'names.csv')).to.throw(
      InputError,
      'names.csv:1: the header has no "techniques" column; name the columns name, id, techniques, coverage, platforms, data_sources, comment ' +
        '(or technique, technique_id, TTPs, MITRE ATT&CK ID and the like)',
    );
  });
});

describe('coverageLevel', () => {
  const cases: ReadonlyArray<readonly [number | string | undefined, unknown]> = [
    [undefined, { level: 1, levelReason: 'no coverage given, counted as full -> 1' }],
    ['none', { level: 0, levelReason: 'coverage none -> 0' }],
    ['low', { level: 0.25, levelReason: 'coverage low -> 0.25' }],
    ['Medium', { level: 0.5, levelReason: 'coverage medium -> 0.5' }],
    ['HIGH', { level: 1, levelReason: 'coverage high -> 1' }],
    [0, { level: 0, levelReason: 'coverage 0% -> 0' }],
    [33.3, { level: 0.333, levelReason: 'coverage 33.3% -> 0.333' }],
    ['75 %', { level: 0.75, levelReason: 'coverage 75% -> 0.75' }],
    [101, { error: 'coverage "101" is not a number 0-100 or one of none, low, medium, high' }],
    ['-5', { error: 'coverage "-5" is not a number 0-100 or one of none, low, medium, high' }],
  ];
  for (const [coverage, expected] of cases) {
    it(`reads ${JSON.stringify(coverage)}`, () => {
      expect(coverageLevel(coverage)).to.deep.equal(expected);
    });
  }

  it('knows the same words as the schema', () => {
    const schema = JSON.parse(readFileSync(schemaUrl('detections'), 'utf8')) as {
      $defs: { detection: { properties: { coverage: { else: { enum: string[] } } } } };
    };
    expect(schema.$defs.detection.properties.coverage.else.enum).to.deep.equal(Object.keys(COVERAGE_WORDS));
  });
});

describe('splitTechniques', () => {
  const cases: ReadonlyArray<readonly [string, string[]]> = [
    ['T1059.001;T1086', ['T1059.001', 'T1086']],
    [' T1059.001 | T1086 ', ['T1059.001', 'T1086']],
    ['T1059.001\nT1086', ['T1059.001', 'T1086']],
    ['T1059.001, T1086', ['T1059.001', 'T1086']],
    ['PowerShell (T1086), Windows Command Shell (T1059.003)', ['PowerShell (T1086)', 'Windows Command Shell (T1059.003)']],
    ['Obfuscation, encoded (T1027)', ['Obfuscation, encoded (T1027)']],
    [';;', []],
  ];
  for (const [cell, expected] of cases) {
    it(`splits ${JSON.stringify(cell)}`, () => {
      expect(splitTechniques(cell)).to.deep.equal(expected);
    });
  }
});
