/**
 * `gap --coverage` fed what a detection engineer has, with the mistakes a person makes: each input kind of README
 * "Coverage gap review", one real small example made wrong one way per row, run through the CLI on a temp copy. Every
 * row requires no stack trace, the exit code the README gives, each message at its `file:line` with what to do, and
 * the good entries still counted (the summary's `N read, I ignored, V invalid`).
 *
 * Inputs, changed in memory at run time and written to a temp folder, never committed:
 *   test/fixtures/coverage/detections/detections.yml and detections.csv (the project's detections files);
 *   test/fixtures/coverage/dettect/techniques.yaml (a DeTT&CT technique administration file, format 1.2);
 *   test/fixtures/coverage/siem/{splunk,sentinel,elastic} (excerpts of splunk/security_content, Azure/Azure-Sentinel,
 *   elastic/detection-rules, cited in that folder's README.md);
 *   the 10 `proc_creation_win_certutil_*.yml` rules of ../shared/sigma/rules/windows/process_creation (SigmaHQ/sigma, the
 *   August 2026 snapshot, Detection Rule License 1.1);
 *   a --log-sources file in the shape of README "--log-sources <file>".
 */
import { cpSync, existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'chai';
import { freshTmpDir, hasStackTrace, repoRoot, runCli } from '../helpers/attack.js';

const fixtures = resolve(repoRoot, 'test/fixtures/coverage');
const SIGMA = resolve(repoRoot, '../shared/sigma/rules/windows/process_creation');
const CERTUTIL = 'proc_creation_win_certutil_download_direct_ip.yml';
const text = (path: string): string => readFileSync(join(fixtures, path), 'utf8');

/** `source` with each [before, after] replaced once, failing when `before` is not there (the fixture changed). */
function changed(source: string, ...changes: (readonly [string, string])[]): string {
  return changes.reduce((out, [before, after]) => {
    expect(out, before).to.contain(before);
    return out.replace(before, after);
  }, source);
}

const BOM = '\uFEFF';
const crlf = (source: string): string => source.replace(/\r?\n/g, '\r\n');
const lf = (source: string): string => source.replace(/\r\n/g, '\n');

/** One mistake: the input it makes (a path under `dir`), the exit code, what stderr says, and the summary's counts. */
interface Row {
  label: string;
  make: (dir: string) => string;
  code: 0 | 1;
  /** Text stderr holds, each naming the file (`{file}` is the input's path) and mostly its line. */
  says: string[];
  /** The summary's counts of the input, `4 detections read, 1 ignored, 2 invalid`, when the review is written. */
  counts?: string;
  /** Text the Markdown report holds besides. */
  report?: string[];
  /** Extra arguments of the run. */
  argv?: (dir: string) => string[];
}

/** A file named `name` in `dir` holding `content`; its path. */
function file(dir: string, name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A copy of the real SigmaHQ certutil rules in `dir`/sigma, with `change` applied to the one rule named CERTUTIL. */
function certutilRules(dir: string, change?: (rule: string) => string | undefined): string {
  const folder = join(dir, 'sigma');
  cpSync(SIGMA, folder, { recursive: true, filter: (source) => source === SIGMA || /proc_creation_win_certutil_[^/]*\.yml$/.test(source) });
  const rule = join(folder, CERTUTIL);
  const after = change?.(readFileSync(rule, 'utf8'));
  if (after !== undefined) writeFileSync(rule, after);
  return folder;
}

const DETECTIONS = text('detections/detections.yml');
// The fixture's own mistakes, said in every row that keeps them.
const DETECTIONS_OWN = ['{file}:25: detection 6 "Broken coverage": coverage "very high" is not a number 0-100 or one of none, low, medium, high', '{file}:26: detection 7 "Typo in a field": unknown field "techiques"'];
const DETECTIONS_CSV = text('detections/detections.csv');
const DETTECT = text('dettect/techniques.yaml');
const DETTECT_OWN = ['{file}:71: technique 7 has no technique_id; give it one, e.g. technique_id: T1059.001', '{file}:82: T1027 detection: score_logbook entry 1: score 7 is not a DeTT&CT detection score (-1 to 5)'];
const LOG_SOURCES = '- WinEventLog:Security\n- name: WinEventLog:Sysmon\n  channels: [EventCode=1]\n';

const rows: Row[] = [
  // A detections file (YAML).
  {
    label: 'detections: a sub-technique written with a comma (T1059,001) is read, the repair said with its line',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['    - T1059.001', '    - T1059,001'])),
    code: 0,
    says: [...DETECTIONS_OWN, '"T1059,001" ({file}:5) as T1059.001: a comma stands for the dot of a sub-technique (T1059,001); write each as its ID (T1059.001)'],
    counts: '4 detections read, 1 ignored, 2 invalid',
  },
  {
    label: 'detections: a sub-technique number of one digit (t1059.1) is a reference not resolved, the ID it may mean named',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['    - T1059.001', '    - t1059.1'])),
    code: 0,
    says: [...DETECTIONS_OWN, '1 reference not resolved (listed in the report)'],
    counts: '4 detections read, 1 ignored, 2 invalid',
    report: ['malformed ID "t1059.1": a sub-technique number has three digits; did you mean T1059.001 Command and Scripting Interpreter: PowerShell? | {file}:5 |'],
  },
  {
    // SigmaHQ's pySigma validators test T-1059.001 among the technique values people write wrong
    // (test_validator_simulation_invalid_technique, a `simulation:` entry's technique); the one obvious reading is the
    // ID without its hyphen.
    label: 'detections: an ID with a hyphen after the T (T-1059) is read as T1059, the repair said with its line',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['    - T1059.001', '    - T-1059'])),
    code: 0,
    says: [...DETECTIONS_OWN, '"T-1059" ({file}:5) as T1059: a hyphen after the T (T-1059); write each as its ID (T1059.001)'],
    counts: '4 detections read, 1 ignored, 2 invalid',
  },
  {
    label: 'detections: an ID with a hyphen after the T and three digits (T-105) is a malformed ID, at its line',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['    - T1059.001', '    - T-105'])),
    code: 0,
    says: [...DETECTIONS_OWN, '1 reference not resolved (listed in the report)'],
    counts: '4 detections read, 1 ignored, 2 invalid',
    report: ['| T-105 | unknown | 1 | malformed ID "T-105": a technique ID is a T and four digits (T1059), a sub-technique\'s a dot and three more (T1059.001); write it as ATT&CK does | {file}:5 |'],
  },
  {
    label: 'detections: coverage written as a percentage (80%) is read as 80, with a note',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['  coverage: 40', '  coverage: 80%'])),
    code: 0,
    says: [...DETECTIONS_OWN, '{file}:13: detection 2 "Proxy: rare user agents": coverage "80%" read as 80% -> 0.8; write a number 0-100 or one of none, low, medium, high'],
    counts: '4 detections read, 1 ignored, 2 invalid',
  },
  {
    label: 'detections: coverage quoted ("high") is read as the word',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['  coverage: 40', '  coverage: "high"'])),
    code: 0,
    says: DETECTIONS_OWN,
    counts: '4 detections read, 1 ignored, 2 invalid',
  },
  {
    label: 'detections: coverage out of its range (150) leaves that detection out, saying what coverage takes',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['  coverage: 40', '  coverage: 150'])),
    code: 0,
    says: [...DETECTIONS_OWN, '{file}:13: detection 2 "Proxy: rare user agents": coverage 150 is not a number 0-100 or one of none, low, medium, high'],
    counts: '3 detections read, 1 ignored, 3 invalid',
  },
  {
    label: 'detections: a field of the wrong type (platforms: 5) leaves that detection out, naming the types it takes',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['  platforms: [Windows]', '  platforms: 5'])),
    code: 0,
    says: [...DETECTIONS_OWN, '{file}:8: detection 1 "EDR: encoded PowerShell": platforms must be text or a list'],
    counts: '3 detections read, 1 ignored, 3 invalid',
  },
  {
    label: 'detections: a key given twice leaves that detection out, naming both lines, not the file',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['  coverage: high\n', '  coverage: high\n  coverage: low\n'])),
    code: 0,
    says: ['{file}:8: detection 1 "EDR: encoded PowerShell": duplicate key "coverage" (first given on line 7); give each field once', '{file}:26: detection 6'],
    counts: '3 detections read, 1 ignored, 3 invalid',
  },
  {
    label: 'detections: a byte-order mark and CRLF line ends change nothing, the lines included',
    make: (dir) => file(dir, 'd.yml', BOM + crlf(DETECTIONS)),
    code: 0,
    says: DETECTIONS_OWN,
    counts: '4 detections read, 1 ignored, 2 invalid',
  },
  {
    label: 'detections: a tab in the indentation is refused at its line, with what to write (exit 1)',
    make: (dir) => file(dir, 'd.yml', changed(DETECTIONS, ['  coverage: high', '\tcoverage: high'])),
    code: 1,
    says: ['{file}:7: not valid YAML: line 7 is indented with a tab, which YAML does not allow; indent with spaces only'],
  },
  {
    label: 'detections: a file cut short inside a quoted value is refused at its line (exit 1)',
    make: (dir) => file(dir, 'd.yml', DETECTIONS.slice(0, 400)),
    code: 1,
    says: ["{file}:15: not valid YAML: the value opened with ' (column 9) is not closed on its line"],
  },
  {
    label: 'detections: an empty file is refused saying what to list (exit 1)',
    make: (dir) => file(dir, 'd.yml', ''),
    code: 1,
    says: ['{file}: the file is empty; list detections with a name and techniques'],
  },
  {
    label: 'detections: a file of only comments is refused as empty (exit 1)',
    make: (dir) => file(dir, 'd.yml', '# detections to come\n# (none yet)\n'),
    code: 1,
    says: ['{file}: the file is empty; list detections with a name and techniques'],
  },
  // A detections file (CSV); the fixture's line ends are CRLF.
  {
    label: 'detections CSV: LF and CRLF line ends give the same lines',
    make: (dir) => file(dir, 'd.csv', lf(DETECTIONS_CSV)),
    code: 0,
    says: ['{file}:7: the row has 3 fields but the header has 6; quote fields that contain commas', '{file}:9: a quoted field opened on line 9 is never closed', '{file}:11: detection "Bad coverage": coverage "lots" is not a number 0-100'],
    counts: '5 detections read, 1 ignored, 3 invalid',
  },
  {
    label: 'detections CSV: a byte-order mark changes nothing',
    make: (dir) => file(dir, 'd.csv', BOM + DETECTIONS_CSV),
    code: 0,
    says: ['{file}:1: unknown column "owner" is not read', '{file}:7: the row has 3 fields but the header has 6'],
    counts: '5 detections read, 1 ignored, 3 invalid',
  },
  {
    label: 'detections CSV: coverage out of its range (150) leaves that row out, the others read',
    make: (dir) => file(dir, 'd.csv', changed(DETECTIONS_CSV, ['T1021.002,100', 'T1021.002,150'])),
    code: 0,
    says: ['{file}:12: detection "Last row": coverage "150" is not a number 0-100 or one of none, low, medium, high'],
    counts: '4 detections read, 1 ignored, 4 invalid',
  },
  {
    label: 'detections CSV: columns separated by semicolons, as a spreadsheet writes CSV in much of Europe, are read so, with a note',
    make: (dir) => file(dir, 'd.csv', 'name;techniques;coverage\nEDR: encoded PowerShell;T1059.001;high\nProxy;"T1071.001;T1071.004";40\nToo few fields;T1003\n'),
    code: 0,
    says: [
      '{file}:1: the columns are separated by semicolons (;), not commas, as spreadsheets write CSV where the comma is the decimal mark; read so',
      '{file}:4: the row has 2 fields but the header has 3; quote fields that contain semicolons',
    ],
    counts: '2 detections read, 0 ignored, 1 invalid',
  },
  {
    label: 'detections CSV: columns separated by tabs (TSV) are read so, with a note',
    make: (dir) => file(dir, 'd.csv', 'name\ttechniques\tcoverage\nEDR: encoded PowerShell\tT1059.001\thigh\nProxy\tT1071.001\t40\n'),
    code: 0,
    says: ['{file}:1: the columns are separated by tabs (TSV), not commas; read so'],
    counts: '2 detections read, 0 ignored, 0 invalid',
  },
  {
    label: 'detections CSV: an empty file is refused, naming the columns (exit 1)',
    make: (dir) => file(dir, 'd.csv', ''),
    code: 1,
    says: ['{file}: no header row; the first row must name the columns (name, id, techniques, coverage, platforms, data_sources, comment)'],
  },
  // A DeTT&CT technique administration file.
  {
    label: 'DeTT&CT: a score written as a word ("high") leaves that detection object out, saying the range',
    make: (dir) => file(dir, 't.yaml', changed(DETTECT, ['            score: 4', '            score: "high"'])),
    code: 0,
    says: [...DETTECT_OWN, '{file}:27: T1566.001 detection 1: score_logbook entry 2: score "high" is not a DeTT&CT detection score (-1 to 5)'],
    counts: '5 detection objects read, 2 ignored, 3 invalid',
  },
  {
    label: 'DeTT&CT: a technique_id written with a comma (T1204,002) is read, the repair said with its line',
    make: (dir) => file(dir, 't.yaml', changed(DETTECT, ['  - technique_id: T1204.002', '  - technique_id: T1204,002'])),
    code: 0,
    says: [...DETTECT_OWN, '"T1204,002" ({file}:34) as T1204.002: a comma stands for the dot of a sub-technique'],
    counts: '6 detection objects read, 2 ignored, 2 invalid',
  },
  {
    label: 'DeTT&CT: a key given twice in a technique leaves that technique out, not the file',
    make: (dir) => file(dir, 't.yaml', changed(DETTECT, ['    technique_name: Spearphishing Attachment\n', '    technique_name: Spearphishing Attachment\n    technique_name: Spearphishing\n'])),
    code: 0,
    says: ['{file}:20: T1566.001: duplicate key "technique_name" (first given on line 19); give each field once; the technique is left out', '{file}:72: technique 7 has no technique_id'],
    counts: '4 detection objects read, 2 ignored, 3 invalid',
  },
  {
    label: 'DeTT&CT: a byte-order mark and CRLF line ends change nothing, the lines included',
    make: (dir) => file(dir, 't.yaml', BOM + crlf(DETTECT)),
    code: 0,
    says: DETTECT_OWN,
    counts: '6 detection objects read, 2 ignored, 2 invalid',
  },
  // A folder of real SigmaHQ rules, one of them made wrong.
  {
    label: 'Sigma folder: one rule emptied is one invalid file, the other nine read',
    make: (dir) => certutilRules(dir, () => ''),
    code: 0,
    says: [`{file}/${CERTUTIL}:1: empty file; not a Sigma rule`],
    counts: '9 rules read, 0 ignored, 1 invalid',
  },
  {
    label: 'Sigma folder: a rule with no tags is ignored, saying why, the others read',
    make: (dir) => certutilRules(dir, (rule) => rule.replace(/^tags:\n(?: {4}- .*\n)+/m, '')),
    code: 0,
    says: [],
    counts: '9 rules read, 1 ignored, 0 invalid',
    report: ['no ATT&CK technique tag'],
  },
  {
    label: 'Sigma folder: a tag with a hyphen after the T (attack.t-1105) is read as attack.t1105, the repair said at the tag',
    make: (dir) => certutilRules(dir, (rule) => changed(rule, ['    - attack.t1105', '    - attack.t-1105'])),
    code: 0,
    says: [`"attack.t-1105" ({file}/${CERTUTIL}:25:7) as T1105: a hyphen after the T (T-1059)`],
    counts: '10 rules read, 0 ignored, 0 invalid',
  },
  {
    label: 'Sigma folder: a key given twice in one rule makes that file invalid at its line, the others read',
    make: (dir) => certutilRules(dir, (rule) => changed(rule, ['\nlevel: ', '\nlevel: high\nlevel: '])),
    code: 0,
    says: [`{file}/${CERTUTIL}:`, 'not valid YAML: duplicated mapping key "level"; fix the syntax or move the file out of the rules folder'],
    counts: '9 rules read, 0 ignored, 1 invalid',
  },
  {
    label: 'Sigma folder: a rule with a byte-order mark and CRLF line ends is read as the others',
    make: (dir) => certutilRules(dir, (rule) => BOM + crlf(rule)),
    code: 0,
    says: [],
    counts: '10 rules read, 0 ignored, 0 invalid',
  },
  {
    label: 'Sigma folder: a link to a rule that is gone is one invalid file saying so, the others read',
    make: (dir) => {
      const folder = certutilRules(dir);
      symlinkSync(join(dir, 'gone.yml'), join(folder, 'zz_gone.yml'));
      return folder;
    },
    code: 0,
    says: [`{file}/zz_gone.yml: a link to {dir}/gone.yml, which does not exist; mend the link or remove it`],
    counts: '10 rules read, 0 ignored, 1 invalid',
  },
  {
    label: 'Sigma folder: a rule cut short before its detection is left out with a note naming it, the others read',
    make: (dir) => certutilRules(dir, (rule) => rule.slice(0, 700)),
    code: 0,
    says: [`1 file of YAML holds no rule of any format read and is left out (./ 1; first ${CERTUTIL})`],
    counts: '9 rules read, 0 ignored, 0 invalid',
  },
  // Splunk, Sentinel and Elastic rules (the siem fixtures).
  {
    label: 'Splunk: a mitre_attack_id item that is no ID is skipped at its line, the rule and the others read',
    make: (dir) => {
      cpSync(join(fixtures, 'siem/splunk'), join(dir, 'splunk'), { recursive: true });
      const rule = join(dir, 'splunk/endpoint/encoded_powershell_anomaly.yml');
      writeFileSync(rule, changed(readFileSync(rule, 'utf8'), ['    - T1086\n', '    - T1086\n    - Execution\n']));
      return join(dir, 'splunk');
    },
    code: 0,
    says: ['{file}/endpoint/encoded_powershell_anomaly.yml:21: "Execution" is not a technique ID (T1234 or T1234.001); it is skipped'],
    counts: '3 rules read, 1 ignored, 0 invalid',
  },
  {
    label: 'Splunk: a mitre_attack_id of a sub-technique written with a comma (T1059,001) or a hyphen after the T (T-1059) is read as it, with a note',
    make: (dir) => {
      cpSync(join(fixtures, 'siem/splunk'), join(dir, 'splunk'), { recursive: true });
      const rule = join(dir, 'splunk/endpoint/encoded_powershell_anomaly.yml');
      writeFileSync(rule, changed(readFileSync(rule, 'utf8'), ['    - T1059.001\n', '    - T1059,001\n    - T-1059\n']));
      return join(dir, 'splunk');
    },
    code: 0,
    says: [
      '{file}/endpoint/encoded_powershell_anomaly.yml:19: "T1059,001" read as T1059.001, the one ID it can be; write it as ATT&CK does (T1059.001)',
      '{file}/endpoint/encoded_powershell_anomaly.yml:20: "T-1059" read as T1059, the one ID it can be; write it as ATT&CK does (T1059)',
    ],
    counts: '3 rules read, 1 ignored, 0 invalid',
  },
  {
    label: 'Sentinel: an empty rule file among good ones is one invalid file',
    make: (dir) => {
      cpSync(join(fixtures, 'siem/sentinel'), join(dir, 'sentinel'), { recursive: true });
      writeFileSync(join(dir, 'sentinel/Detections/Empty.yaml'), '');
      return join(dir, 'sentinel');
    },
    code: 0,
    says: ['{file}/Detections/Empty.yaml:1: empty file'],
    counts: '3 rules read, 1 ignored, 1 invalid',
  },
  {
    label: 'Elastic: a rule file cut short is one invalid file at its line, the others read',
    make: (dir) => {
      cpSync(join(fixtures, 'siem/elastic/rules'), join(dir, 'elastic'), { recursive: true });
      const rule = readFileSync(join(dir, 'elastic/windows/credential_access_memory_dump_utilities.toml'), 'utf8');
      writeFileSync(join(dir, 'elastic/windows/cut.toml'), rule.slice(0, 300));
      return join(dir, 'elastic');
    },
    code: 0,
    // Before: `cut.toml:7: not valid TOML: invalid value (column 16); fix the syntax …`, the parser's words for a file
    // that ends in the middle of `updated_date = `.
    says: [
      '{file}/windows/cut.toml:7: the file is cut short: it ends in the middle of line 7, with no line end (invalid value at column 16), as an interrupted download leaves a file; download it again, or move it out of the rules folder',
    ],
    counts: '2 rules read, 1 ignored, 1 invalid',
  },
  // A --log-sources file beside the project's detections file.
  ...(
    [
      ['a byte-order mark and CRLF line ends change nothing', BOM + crlf(LOG_SOURCES), 0, []],
      [
        'a key given twice is said at its line, naming the first and which is read, the file read',
        LOG_SOURCES + '  channels: [EventCode=3]\n',
        0,
        ['{file}:4:3: duplicate key "channels" (first given on line 3); give each field once; the last one is read'],
      ],
      ['a tab in the indentation is refused at its line (exit 1)', LOG_SOURCES.replace('  channels', '\tchannels'), 1, ['{file}:3: not valid YAML: line 3 is indented with a tab']],
      ['a list cut short is refused at its line (exit 1)', LOG_SOURCES.replace(']', ''), 1, ['{file}:3: not valid YAML: the list [ opened on this line is not closed']],
      ['an empty file is refused saying what to list (exit 1)', '', 1, ['{file}: the file is empty; list the log sources you collect']],
      ['a name of the wrong type is said at its line, the others read', '- WinEventLog:Security\n- name: 5\n', 0, ['log sources {file}:2: "5" is not a log source of any analytic']],
    ] as const
  ).map(
    ([what, content, code, says]): Row => ({
      label: `--log-sources: ${what}`,
      make: (dir) => file(dir, 'logs.yml', content),
      argv: () => ['--coverage', join(fixtures, 'detections/detections.yml')],
      code,
      says: [...says],
    }),
  ),
];

describe('regressions: gap --coverage fed each input kind with the mistakes people make', function () {
  this.timeout(120000);
  before(function () {
    if (!existsSync(join(SIGMA, CERTUTIL))) this.skip();
  });

  for (const row of rows) {
    it(row.label, async () => {
      const dir = freshTmpDir('coverage-mistake');
      const input = row.make(dir);
      const logSources = row.argv !== undefined;
      const out = join(dir, 'review');
      const argv = ['gap', '--threat', 'campaigns', ...(logSources ? [...row.argv!(dir), '--log-sources', input] : ['--coverage', input]), '--out', out];
      const { code, stderr } = await runCli(argv);
      expect(hasStackTrace(stderr), stderr).to.equal(false);
      expect(code, stderr).to.equal(row.code);
      const place = (said: string) => said.replaceAll('{file}', input).replaceAll('{dir}', dir);
      for (const said of row.says) expect(stderr, stderr).to.contain(place(said));
      if (row.code !== 0) {
        // Refused: one line naming the file, and nothing written.
        expect(stderr.trimEnd().split('\n')[0]).to.match(new RegExp(`^attack-layers gap: ${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        expect(existsSync(out)).to.equal(false);
        return;
      }
      if (row.counts) expect(stderr, stderr).to.contain(`${input}: ${row.counts}`);
      const report = readFileSync(join(out, 'gap-report.md'), 'utf8');
      for (const said of row.report ?? []) expect(report).to.contain(place(said));
    });
  }
});
