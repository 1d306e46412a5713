import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { parseConfStanzas, parseSavedSearches, parseSplunkSearchesCsv, parseSplunkSearchesJson } from '../../lib/coverage/read-splunk-conf.js';
import { kindOf, kindOfText, kindOfValue } from '../../lib/input-kind.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { freshTmpDir } from '../helpers/attack.js';

// An excerpt of ESCU's savedsearches.conf as security_content built it: splunk/security_content (Apache-2.0)
// bin/contentctl_project/contentctl_infrastructure/tests/adapter/data/default_reference/savedsearches.conf at
// 3e96701688e9444aa1327f67d151c735ae815870, its first detection (action.escu.* lines, the risk message and the search
// shortened) and its baseline.
const ESCU_DEFAULT = [
  '### ESCU DETECTIONS ###',
  '',
  '[ESCU - Attempted Credential Dump From Registry via Reg exe - Rule]',
  'action.escu = 0',
  'action.escu.mappings = {"cis20": ["CIS 3", "CIS 5", "CIS 16"], "kill_chain_phases": ["Actions on Objectives"], "mitre_attack": ["T1003.002", "T1003"], "nist": ["DE.CM"]}',
  'action.escu.search_type = detection',
  'action.risk = 1',
  'action.risk.param._risk_score = 0',
  'cron_schedule = 0 * * * *',
  'action.correlationsearch.enabled = 1',
  'action.correlationsearch.label = ESCU - Attempted Credential Dump From Registry via Reg exe - Rule',
  'action.correlationsearch.annotations = {"analytic_story": ["Credential Dumping", "DarkSide Ransomware"], "cis20": ["CIS 3", "CIS 5", "CIS 16"], "confidence": 100, "impact": 90, "kill_chain_phases": ["Actions on Objectives"], "mitre_attack": ["T1003.002", "T1003"], "nist": ["DE.CM"]}',
  'schedule_window = auto',
  'action.notable = 1',
  'action.notable.param.severity = high',
  'disabled = true',
  'enableSched = 1',
  'search = | tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where `process_reg` OR `process_cmd` Processes.process=*save* by Processes.dest',
  '',
  '### ESCU BASELINES ###',
  '',
  '[ESCU - Previously Seen Users In CloudTrail - Update]',
  'action.escu = 0',
  'action.escu.search_type = support',
  'cron_schedule = 0 * * * *',
  'disabled = true',
  'search = | tstats earliest(_time) as firstTime from datamodel=Authentication by Authentication.user | outputlookup previously_seen_users_console_logins',
  '',
].join('\n');

describe('parseSavedSearches (Splunk savedsearches.conf)', () => {
  it("reads a correlation search's ATT&CK annotations and honours disabled; a baseline is no detection (ESCU's own file)", () => {
    const outcome = parseSavedSearches(ESCU_DEFAULT, 'savedsearches.conf');
    expect('items' in outcome && outcome.items).to.deep.equal([
      { ignored: { line: 16, name: 'ESCU - Attempted Credential Dump From Registry via Reg exe - Rule', reason: 'disabled in Splunk (disabled = true)' } },
    ]);
    const enabled = parseSavedSearches(ESCU_DEFAULT.replace('disabled = true', 'disabled = 0'), 'savedsearches.conf');
    const rules = 'items' in enabled ? enabled.items.flatMap((item) => ('rule' in item ? [item.rule] : [])) : [];
    expect(rules.map((r) => [r.name, r.refs.map((ref) => [ref.id, ref.line]), r.level, r.levelReason])).to.deep.equal([
      [
        'ESCU - Attempted Credential Dump From Registry via Reg exe - Rule',
        [['T1003.002', 12], ['T1003', 12]],
        0.9,
        'splunk search deployed in Splunk, type TTP (its actions: a notable event) -> 0.9',
      ],
    ]);
  });

  it('reads values a backslash carries onto the next line, and the keys of [default] in every stanza', () => {
    // The shape of an app's savedsearches.conf (TheLawsOfChaos/escu_companion writes its description and search so).
    const stanzas = parseConfStanzas(['[default]', 'disabled = 1', '', '[Alert]', 'description = one\\', 'two', '# a comment', 'search = | makeresults \\', '| stats count', ''].join('\n'));
    expect(stanzas).to.deep.equal([
      {
        name: 'Alert',
        line: 4,
        keys: { disabled: { value: '1', line: 2 }, description: { value: 'one\ntwo', line: 5 }, search: { value: '| makeresults \n| stats count', line: 8 } },
      },
    ]);
  });

  it('says a file of no correlation search holds no detection, and reports annotations that are no JSON', () => {
    expect(parseSavedSearches('[Weekly report]\nsearch = index=_internal | stats count\n', 'savedsearches.conf')).to.deep.equal({
      items: [],
      notes: [{ line: 1, message: 'none of its 1 saved searches is a correlation search or has ATT&CK annotations (action.correlationsearch.annotations): no detection' }],
      splunkConf: [{ name: 'Weekly report', line: 1, keys: { search: { value: 'index=_internal | stats count', line: 2 } } }],
    });
    const broken = parseSavedSearches('[Rule]\naction.correlationsearch.annotations = {"mitre_attack": ["T1110"\n', 'savedsearches.conf');
    expect('items' in broken && broken.items[0] && 'invalid' in broken.items[0] && broken.items[0].invalid.line).to.equal(2);
  });
});

describe('parseSavedSearches (`splunk btool savedsearches list --debug` saved as savedsearches.conf)', () => {
  // btool --debug writes each line of the merged configuration after the .conf file it came from, padded to the longest
  // path, its keys sorted (the shape of btool's output as Splunk tutorials print it for inputs.conf). The stanzas are
  // ESCU's above, one turned on in the app's local/ file, and a report.
  const etc = '/opt/splunk/etc';
  const escu = `${etc}/apps/DA-ESS-ContentUpdate/default/savedsearches.conf`;
  const local = `${etc}/apps/DA-ESS-ContentUpdate/local/savedsearches.conf`;
  const system = `${etc}/system/default/savedsearches.conf`;
  const debug = (lines: ReadonlyArray<readonly [string, string]>): string => lines.map(([conf, line]) => `${conf.padEnd(escu.length + 1)}${line}`).join('\n');
  const text = debug([
    [escu, '[ESCU - Attempted Credential Dump From Registry via Reg exe - Rule]'],
    [escu, 'action.correlationsearch.annotations = {"analytic_story": ["Credential Dumping"], "mitre_attack": ["T1003.002", "T1003"], "nist": ["DE.CM"]}'],
    [escu, 'action.correlationsearch.enabled = 1'],
    [escu, 'action.correlationsearch.label = ESCU - Attempted Credential Dump From Registry via Reg exe - Rule'],
    [escu, 'action.notable = 1'],
    [system, 'alert.track = 0'],
    [local, 'disabled = 0'],
    [escu, 'search = | tstats count from datamodel=Endpoint.Processes where Processes.process=*save* by Processes.dest'],
    [escu, '[ESCU - Windows Credentials from Password Stores Query - Rule]'],
    [escu, 'action.correlationsearch.annotations = {"mitre_attack": ["T1555"]}'],
    [escu, 'action.correlationsearch.enabled = 1'],
    [escu, 'disabled = true'],
    [system, '[Errors in the last hour]'],
    [system, 'disabled = 0'],
    [system, 'search = index=_internal " error " NOT debug source=*splunkd.log*'],
  ]);

  it('reads each line after its .conf file: a search turned on in local/ counts, one disabled is ignored naming where, a report is none', () => {
    const outcome = parseSavedSearches(text, 'savedsearches.conf');
    expect('items' in outcome && outcome.notes).to.deep.equal([
      { line: 1, message: "read as `splunk btool savedsearches list --debug` output, as Splunk merged it: each line's .conf file (3) set apart" },
    ]);
    const items = 'items' in outcome ? outcome.items : [];
    expect(items.map((item) => ('rule' in item ? [item.rule.name, item.rule.line, item.rule.refs.map((ref) => [ref.id, ref.line]), item.rule.level] : item))).to.deep.equal([
      ['ESCU - Attempted Credential Dump From Registry via Reg exe - Rule', 1, [['T1003.002', 2], ['T1003', 2]], 0.9],
      { ignored: { line: 12, name: 'ESCU - Windows Credentials from Password Stores Query - Rule', reason: `disabled in Splunk (disabled = true, set in ${escu})` } },
    ]);
  });

  it('reads a Windows path before each line, and no line of a .conf file that merely starts with a path', () => {
    const windows = text.replaceAll(`${etc}/`, 'C:\\Program Files\\Splunk\\etc\\').replaceAll('/', '\\');
    const outcome = parseSavedSearches(windows, 'savedsearches.conf');
    expect('items' in outcome && outcome.items.map((item) => ('rule' in item ? item.rule.refs.map((ref) => ref.id) : 'ignored'))).to.deep.equal([['T1003.002', 'T1003'], 'ignored']);
    // A plain .conf file keeps its keys whole.
    expect(parseConfStanzas('[Rule]\nsearch = index=main source=/var/log/x.conf  x\n')[0]?.keys['search']).to.deep.equal({ value: 'index=main source=/var/log/x.conf  x', line: 2 });
  });
});

describe("parseSplunkSearchesJson (Splunk's REST API: GET /servicesNS/-/-/saved/searches?output_mode=json)", () => {
  // The REST API's envelope as Splunk's own examples print it (splunk-rest-examples: entry, generator, links, messages,
  // origin, updated; each entry's acl, author, content, id, links, name, updated, keys sorted by `python -m json.tool`),
  // its entries' content the keys of ESCU's savedsearches.conf above: a reconstruction.
  const entry = (name: string, content: Record<string, unknown>) => ({
    acl: { app: 'DA-ESS-ContentUpdate', owner: 'nobody', sharing: 'global' },
    author: 'nobody',
    content,
    id: `https://localhost:8089/servicesNS/nobody/DA-ESS-ContentUpdate/saved/searches/${encodeURIComponent(name)}`,
    name,
    updated: '2024-05-02T10:11:18+00:00',
  });
  const rest = {
    entry: [
      entry('ESCU - Attempted Credential Dump From Registry via Reg exe - Rule', {
        'action.correlationsearch.annotations': '{"analytic_story": ["Credential Dumping"], "mitre_attack": ["T1003.002", "T1003"], "nist": ["DE.CM"]}',
        'action.correlationsearch.enabled': '1',
        'action.correlationsearch.label': 'ESCU - Attempted Credential Dump From Registry via Reg exe - Rule',
        'action.notable': true,
        'action.risk': true,
        disabled: false,
        search: '| tstats count from datamodel=Endpoint.Processes by Processes.dest',
      }),
      entry('ESCU - Windows Credentials from Password Stores Query - Rule', {
        'action.correlationsearch.annotations': '{"mitre_attack": ["T1555"]}',
        'action.correlationsearch.enabled': '1',
        disabled: true,
        search: '| tstats count from datamodel=Endpoint.Processes by Processes.dest',
      }),
      entry('ESCU - Malformed Annotations - Rule', {
        'action.correlationsearch.annotations': '{"mitre_attack": ["T1110"',
        'action.correlationsearch.enabled': '1',
        disabled: false,
        search: 'index=main',
      }),
      entry('Errors in the last hour', { disabled: false, search: 'index=_internal " error " NOT debug source=*splunkd.log*' }),
    ],
    generator: { build: '2f8cf215be08', version: '9.2.1' },
    links: {},
    messages: [],
    origin: 'https://localhost:8089/servicesNS/-/-/saved/searches',
    updated: '2024-05-02T10:11:18+00:00',
  };
  const text = JSON.stringify(rest, null, 4);
  const lineOf = (written: string) => text.split('\n').findIndex((line) => line.includes(written)) + 1;

  it('reads each entry as a savedsearches.conf stanza: one enabled counts, one disabled is ignored, bad annotations are reported at their line', () => {
    const input = parseSplunkSearchesJson(rest, text, 'searches.json');
    expect([input.kind, input.counts]).to.deep.equal(['splunk', { items: 4, rules: 1, ignored: 1, invalid: 1 }]);
    expect(input.rules.map((r) => [r.name, r.line, r.refs.map((ref) => [ref.id, ref.line]), r.level])).to.deep.equal([
      [
        'ESCU - Attempted Credential Dump From Registry via Reg exe - Rule',
        lineOf('"name": "ESCU - Attempted Credential'),
        [['T1003.002', lineOf('"mitre_attack\\": [\\"T1003.002')], ['T1003', lineOf('"mitre_attack\\": [\\"T1003.002')]],
        0.9,
      ],
    ]);
    expect(input.ignored.map((item) => [item.name, item.line, item.reason])).to.deep.equal([
      ['ESCU - Windows Credentials from Password Stores Query - Rule', lineOf('"name": "ESCU - Windows Credentials'), 'disabled in Splunk (disabled = true)'],
    ]);
    expect(input.problems.map((p) => [p.file, p.line, p.skipped])).to.deep.equal([['searches.json', lineOf('"mitre_attack\\": [\\"T1110'), true]]);
  });

  it('is told from other JSON and read by --coverage from a .json file', () => {
    expect(kindOfValue(rest)).to.equal('splunk-searches');
    expect(kindOfValue({ entry: [{ name: 'simple_eai_persistent', content: { 'eai:acl': null } }] })).to.equal(undefined);
    // A list of search jobs (GET /services/search/jobs) has a search in each entry too.
    expect(kindOfValue({ entry: [{ name: 'search index=main', id: 'https://localhost:8089/services/search/jobs/1704067200.12345', content: { search: 'search index=main' } }] })).to.equal(undefined);
    const dir = freshTmpDir('splunk-rest');
    writeFileSync(join(dir, 'saved-searches.json'), text);
    const [input] = readCoverageInputs([join(dir, 'saved-searches.json')]);
    expect([input?.kind, input?.counts.rules, input?.notes]).to.deep.equal([
      'splunk',
      1,
      [`${join(dir, 'saved-searches.json')}: read as Splunk's saved searches from its REST API (entry[].content of saved/searches), each as a savedsearches.conf stanza`],
    ]);
  });
});

describe('parseSplunkSearchesCsv (the results of | rest /servicesNS/-/-/saved/searches exported as CSV)', () => {
  // A README of a script turning them into a layer ("Splunk Searches to MITRE ATT&CK Navigation Layer", find_string id
  // 16850318958) exports `| rest /servicesNS/-/-/saved/searches splunk_server=local count=0 | … | table title
  // mitre_technique action.correlationsearch.annotations` as CSV; Microsoft's Sentinel SIEM migration guide tables
  // title, search, actions, action.correlationsearch.annotations and .enabled of the same search. Rows of those
  // columns with disabled, as Splunk exports a search's results (every field quoted, quotes doubled), the searches of
  // the REST test above: a reconstruction.
  const csv = [
    '"title","disabled","search","actions","action.correlationsearch.enabled","action.correlationsearch.annotations","action.notable","action.risk"',
    '"ESCU - Attempted Credential Dump From Registry via Reg exe - Rule","0","| tstats count from datamodel=Endpoint.Processes by Processes.dest","notable, risk","1","{""analytic_story"": [""Credential Dumping""], ""mitre_attack"": [""T1003.002"", ""T1003""]}","1","1"',
    '"ESCU - Windows Credentials from Password Stores Query - Rule","1","| tstats count from datamodel=Endpoint.Processes by Processes.dest","risk","1","{""mitre_attack"": [""T1555""]}","0","1"',
    '"Errors in the last hour","0","index=_internal "" error "" NOT debug source=*splunkd.log*","","","","",""',
    '',
  ].join('\n');

  it('reads each row as the savedsearches.conf stanza named by its title: one enabled counts, one disabled is ignored, a report is none', () => {
    const input = parseSplunkSearchesCsv(csv, 'searches.csv');
    expect([input.kind, input.counts]).to.deep.equal(['splunk', { items: 3, rules: 1, ignored: 1, invalid: 0 }]);
    expect(input.rules.map((r) => [r.name, r.line, r.refs.map((ref) => [ref.id, ref.line]), r.level])).to.deep.equal([
      ['ESCU - Attempted Credential Dump From Registry via Reg exe - Rule', 2, [['T1003.002', 2], ['T1003', 2]], 0.9],
    ]);
    expect(input.ignored.map((item) => [item.name, item.line, item.reason])).to.deep.equal([
      ['ESCU - Windows Credentials from Password Stores Query - Rule', 3, 'disabled in Splunk (disabled = 1)'],
    ]);
    expect(input.problems).to.deep.equal([]);
  });

  it('is told from a detections CSV and read by --coverage from a .csv file', () => {
    expect(kindOfText(csv)).to.equal('splunk-searches');
    expect(kindOfText('name,techniques\nRule,T1003\n')).to.equal('detections');
    const dir = freshTmpDir('splunk-rest-csv');
    writeFileSync(join(dir, 'saved-searches.csv'), csv);
    const [input] = readCoverageInputs([join(dir, 'saved-searches.csv')]);
    expect([input?.kind, input?.counts.rules, input?.notes]).to.deep.equal([
      'splunk',
      1,
      [`${join(dir, 'saved-searches.csv')}: read as the results of | rest /servicesNS/-/-/saved/searches exported as CSV, each row (named by its title) as a savedsearches.conf stanza`],
    ]);
  });
});

// Three saved searches as | rest /servicesNS/-/-/saved/searches gives them, by their savedsearches.conf keys (a
// correlation search mapped to techniques, a disabled one, a plain search): a reconstruction, read as JSON rows and as
// JSON lines below.
const SAVED_SEARCH_ROWS = [
  {
    title: 'ESCU - Attempted Credential Dump From Registry via Reg exe - Rule',
    disabled: '0',
    search: '| tstats count from datamodel=Endpoint.Processes by Processes.dest',
    'action.correlationsearch.enabled': '1',
    'action.correlationsearch.annotations': '{"mitre_attack": ["T1003.002", "T1003"]}',
    'action.notable': '1',
  },
  { title: 'ESCU - Windows Credentials from Password Stores Query - Rule', disabled: '1', search: '| tstats count', 'action.correlationsearch.enabled': '1', 'action.correlationsearch.annotations': '{"mitre_attack": ["T1555"]}' },
  { title: 'Errors in the last hour', disabled: '0', search: 'index=_internal', 'action.correlationsearch.enabled': '', 'action.correlationsearch.annotations': '' },
];

describe('parseSplunkSearchesJson (the results of | rest /servicesNS/-/-/saved/searches as JSON)', () => {
  // The CSV test's rows as Splunk writes a search's results in JSON (output_mode=json: preview, init_offset, messages,
  // fields, results), each row's fields by their savedsearches.conf keys: a reconstruction.
  const rows = SAVED_SEARCH_ROWS;
  const results = { preview: false, init_offset: 0, messages: [], fields: Object.keys(rows[0]!).map((name) => ({ name })), results: rows };
  const text = JSON.stringify(results, null, 2);
  const lineOf = (written: string) => text.split('\n').findIndex((line) => line.includes(written)) + 1;

  it("reads each row as the stanza named by its title, at its title's line; an empty field is no key", () => {
    expect(kindOfValue(results)).to.equal('splunk-searches');
    expect(kindOfValue(rows)).to.equal('splunk-searches');
    const input = parseSplunkSearchesJson(results, text, 'searches.json');
    expect([input.kind, input.counts, input.problems]).to.deep.equal(['splunk', { items: 3, rules: 1, ignored: 1, invalid: 0 }, []]);
    expect(input.rules.map((r) => [r.name, r.line, r.refs.map((ref) => ref.id), r.level])).to.deep.equal([
      ['ESCU - Attempted Credential Dump From Registry via Reg exe - Rule', lineOf('"title": "ESCU - Attempted'), ['T1003.002', 'T1003'], 0.9],
    ]);
    expect(input.ignored.map((item) => [item.name, item.reason])).to.deep.equal([['ESCU - Windows Credentials from Password Stores Query - Rule', 'disabled in Splunk (disabled = 1)']]);
    expect(input.notes).to.deep.equal(['searches.json: read as the results of | rest /servicesNS/-/-/saved/searches as JSON, each row (named by its title) as a savedsearches.conf stanza']);
  });
});

describe('--coverage: the results of | rest /servicesNS/-/-/saved/searches in JSON lines (Splunk Web Export > JSON)', () => {
  // Splunk writes a search's results in JSON as one `{"preview":false,"result":{…}}` object a line (Splunk Web's
  // Export > JSON, as search/jobs/export?output_mode=json streams them; help.splunk.com, Search Manual, "Export data
  // using the Splunk REST API", and public code that reads that export line by line, found with the library's
  // find_string). The JSON rows test's searches so, with a line cut short: a reconstruction, nothing of a source copied.
  const rows = SAVED_SEARCH_ROWS;
  const written = rows.map((result) => JSON.stringify({ preview: false, result }));
  // The second search's line cut short (line 2), then the third (line 3), and the first written again after (line 4).
  const text = [written[1], written[0]!.slice(0, 60), written[2], written[0], ''].join('\n');

  it("reads each result line as the JSON rows' row, at its line; a line that is no JSON is reported by its number, the file still read", () => {
    expect(kindOf(text)).to.equal('splunk-searches');
    for (const name of ['saved-searches.jsonl', 'saved-searches.json']) {
      const dir = freshTmpDir('splunk-rest-jsonl');
      writeFileSync(join(dir, name), text);
      const [input] = readCoverageInputs([join(dir, name)]);
      expect([input?.kind, input?.counts]).to.deep.equal(['splunk', { items: 4, rules: 1, ignored: 1, invalid: 1 }]);
      expect(input?.rules.map((r) => [r.name, r.line, r.refs.map((ref) => ref.id), r.level])).to.deep.equal([
        ['ESCU - Attempted Credential Dump From Registry via Reg exe - Rule', 4, ['T1003.002', 'T1003'], 0.9],
      ]);
      expect(input?.ignored.map((item) => [item.name, item.line, item.reason])).to.deep.equal([
        ['ESCU - Windows Credentials from Password Stores Query - Rule', 1, 'disabled in Splunk (disabled = 1)'],
      ]);
      expect(input?.problems.map((p) => [p.line, p.skipped, p.message.replace(/ \(.*\)/, '')])).to.deep.equal([[2, true, "not JSON; each line of Splunk's JSON export is one result; skipped"]]);
      expect(input?.notes).to.deep.equal([`${join(dir, name)}: read as the results of | rest /servicesNS/-/-/saved/searches as JSON lines, each row (named by its title) as a savedsearches.conf stanza`]);
    }
  });
});

describe('readRuleFolder and --coverage (Splunk savedsearches.conf)', () => {
  it("reads an app's local/savedsearches.conf over its default/ one, as Splunk does: ESCU's search turned on there counts", () => {
    // A deployment's local/ file as Splunk writes it when a search is enabled (a reconstruction), and a search of its own.
    const dir = freshTmpDir('splunk-conf');
    mkdirSync(join(dir, 'DA-ESS-ContentUpdate', 'default'), { recursive: true });
    mkdirSync(join(dir, 'DA-ESS-ContentUpdate', 'local'));
    writeFileSync(join(dir, 'DA-ESS-ContentUpdate', 'default', 'savedsearches.conf'), ESCU_DEFAULT);
    const local = [
      '[ESCU - Attempted Credential Dump From Registry via Reg exe - Rule]',
      'disabled = 0',
      '',
      '[Custom - Encoded PowerShell - Rule]',
      'action.correlationsearch.enabled = 1',
      'action.correlationsearch.label = Custom - Encoded PowerShell - Rule',
      'action.correlationsearch.annotations = {"mitre_attack": ["T1059.001"]}',
      'action.risk = 1',
      'search = index=wineventlog EventCode=4104 ScriptBlockText="*-enc*"',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'DA-ESS-ContentUpdate', 'local', 'savedsearches.conf'), local);
    const input = readRuleFolder(dir);
    expect(input.kind).to.equal('splunk');
    expect(input.counts).to.deep.equal({ items: 2, rules: 2, ignored: 0, invalid: 0 });
    expect(input.rules.map((r) => [r.name, r.refs.map((ref) => ref.id), r.level])).to.deep.equal([
      ['ESCU - Attempted Credential Dump From Registry via Reg exe - Rule', ['T1003.002', 'T1003'], 0.9],
      ['Custom - Encoded PowerShell - Rule', ['T1059.001'], 0.5],
    ]);
    expect(input.problems.map((p) => [p.line, p.message])).to.deep.equal([
      [3, 'read with local/savedsearches.conf over default/, as Splunk does: disabled = 0 (local/savedsearches.conf:2)'],
    ]);
    // The same from the cache, and one file given to --coverage is read as a folder of it.
    const cacheDir = freshTmpDir('splunk-conf-cache');
    readRuleFolder(dir, { cacheDir });
    expect(readRuleFolder(dir, { cacheDir })).to.deep.equal(input);
    const [alone] = readCoverageInputs([join(dir, 'DA-ESS-ContentUpdate', 'default', 'savedsearches.conf')]);
    expect(alone?.counts).to.deep.equal({ items: 1, rules: 0, ignored: 1, invalid: 0 });
  });
});
