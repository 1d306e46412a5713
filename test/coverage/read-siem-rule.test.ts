import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import type { CoverageInput } from '../../lib/coverage/coverage-types.js';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { ELASTIC_WEIGHTS, SENTINEL_WEIGHTS, SPLUNK_WEIGHTS } from '../../lib/coverage/read-siem-rule.js';
import { parseElasticExport } from '../../lib/coverage/read-elastic-export.js';
import { parseSentinelExport } from '../../lib/coverage/read-sentinel-export.js';
import { kindOfValue } from '../../lib/input-kind.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AttackLibrary } from '../../lib/attack/load.js';
import { InputError, UsageError } from '../../lib/errors.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { resolveCoverage } from '../../lib/coverage/gap-review.js';
import { freshTmpDir, stixDir, testCacheDir } from '../helpers/attack.js';

const fixtures = fileURLToPath(new URL('../fixtures/coverage/siem', import.meta.url));
const rel = (file: string): string => file.slice(fixtures.length + 1).split(sep).join('/');

describe('readRuleFolder (Splunk, Sentinel, Elastic and Sigma rules in one folder)', () => {
  let input: CoverageInput;
  before(() => {
    input = readRuleFolder(fixtures);
  });

  it('ends every file in one of rule, ignored, invalid, and names a mixed folder `rules`', () => {
    expect(input.kind).to.equal('rules');
    expect(input.counts).to.deep.equal({ items: 14, rules: 10, ignored: 3, invalid: 1 });
    expect(input.rules.map((rule) => [rule.kind, rel(rule.file)])).to.deep.equal([
      ['elastic', 'elastic/rules/windows/credential_access_memory_dump_utilities.toml'],
      ['elastic', 'elastic/rules/windows/execution_encoded_powershell_dev.toml'],
      ['elastic', 'elastic/rules_building_block/execution_shell_from_web_server.toml'],
      ['sentinel', 'sentinel/Detections/PotentialKerberoasting.yaml'],
      ['sentinel', 'sentinel/Detections/SignInFromTorExitNode.yaml'],
      ['sentinel', 'sentinel/Hunting Queries/ProcdumpOfLsass.yaml'],
      ['sigma', 'sigma/proc_creation_win_rundll32_comsvcs.yml'],
      ['splunk', 'splunk/endpoint/encoded_powershell_anomaly.yml'],
      ['splunk', 'splunk/endpoint/linux_cron_job_added.yml'],
      ['splunk', 'splunk/endpoint/lsass_memory_dump_via_comsvcs.yml'],
    ]);
  });

  it('names a folder of one format by it', () => {
    expect(readRuleFolder(join(fixtures, 'splunk')).kind).to.equal('splunk');
    expect(readRuleFolder(join(fixtures, 'sentinel')).kind).to.equal('sentinel');
    expect(readRuleFolder(join(fixtures, 'elastic')).kind).to.equal('elastic');
    expect(readRuleFolder(join(fixtures, 'sigma')).kind).to.equal('sigma');
  });

  // [file, weight, reason, platforms] as each fixture's comment works them out.
  const weights: [string, number, string, string[] | undefined][] = [
    ['splunk/endpoint/lsass_memory_dump_via_comsvcs.yml', 0.9, 'splunk status production, type TTP -> 0.9', ['Windows']],
    ['splunk/endpoint/encoded_powershell_anomaly.yml', 0.3, 'splunk status experimental, type Anomaly -> 0.3', ['Windows', 'Linux', 'macOS']],
    ['splunk/endpoint/linux_cron_job_added.yml', 0.25, 'splunk status production, type Hunting -> 0.25', ['Linux']],
    ['sentinel/Detections/PotentialKerberoasting.yaml', 0.75, 'sentinel analytic rule, severity Medium -> 0.75', ['Windows']],
    ['sentinel/Detections/SignInFromTorExitNode.yaml', 0.9, 'sentinel analytic rule, severity High -> 0.9', ['Azure AD']],
    ['sentinel/Hunting Queries/ProcdumpOfLsass.yaml', 0.25, 'sentinel hunting query (no severity, no schedule) -> 0.25', ['Windows']],
    ['elastic/rules/windows/credential_access_memory_dump_utilities.toml', 0.9, 'elastic maturity production, severity high -> 0.9', ['Windows']],
    ['elastic/rules/windows/execution_encoded_powershell_dev.toml', 0.45, 'elastic maturity development, unknown severity "severe" (counted as medium) -> 0.45', undefined],
    ['elastic/rules_building_block/execution_shell_from_web_server.toml', 0.25, 'elastic maturity production, building block (no alert of its own) -> 0.25', ['Linux']],
  ];
  for (const [file, level, reason, platforms] of weights) {
    it(`weighs ${file} ${level} (${reason.split(' -> ')[0]}), platforms ${platforms?.join(', ') ?? 'all'}`, () => {
      const rule = input.rules.find((r) => rel(r.file) === file);
      expect(rule?.level).to.equal(level);
      expect(rule?.levelReason).to.equal(reason);
      expect(rule?.platforms).to.deep.equal(platforms);
    });
  }

  // [file, event categories]: EQL's `process where`, and none from a KQL query that tests no event.category.
  const categories: [string, string[] | undefined][] = [
    ['elastic/rules/windows/credential_access_memory_dump_utilities.toml', ['process']],
    ['elastic/rules_building_block/execution_shell_from_web_server.toml', ['process']],
    ['elastic/rules/windows/execution_encoded_powershell_dev.toml', undefined],
  ];
  for (const [file, expected] of categories) {
    it(`keeps the event categories ${file}'s query reads: ${expected?.join(', ') ?? 'none'}`, () => {
      expect(input.rules.find((r) => rel(r.file) === file)?.eventCategories).to.deep.equal(expected);
    });
  }

  /** An Elastic rule of one query, as parseRuleFile reads it. */
  const ruleOfQuery = (query: string) => {
    const toml = `[metadata]\nmaturity = "production"\n[rule]\nname = "x"\nindex = ["winlogbeat-*"]\nseverity = "low"\nquery = '''\n${query}\n'''\n[[rule.threat]]\nframework = "MITRE ATT&CK"\n[[rule.threat.technique]]\nid = "T1059"\n`;
    const outcome = parseRuleFile(toml, 'x.toml');
    return 'rule' in outcome ? outcome.rule : undefined;
  };

  it('reads KQL\'s event.category and each category of an EQL sequence', () => {
    const read = (query: string) => ruleOfQuery(query)?.eventCategories;
    expect(read('event.category:process and process.name:"at.exe"')).to.deep.equal(['process']);
    expect(read('sequence by host.id with maxspan=1m\n  [process where event.type == "start"]\n  [network where true]')).to.deep.equal(['process', 'network']);
    expect(read('any where event.code == "4688"')).to.equal(undefined);
  });

  it('marks an EQL sequence or sample of several categories as reading each of them, never a KQL list of categories', () => {
    const sequence = (query: string) => ruleOfQuery(query)?.eventSequence;
    expect(sequence('sequence by host.id with maxspan=1m\n  [process where event.type == "start"]\n  [network where true]')).to.equal(true);
    expect(sequence('/* a comment first */\nsample by host.id [process where true] [file where true]')).to.equal(true);
    // One category twice is a rule of that category.
    expect(sequence('sequence by host.id [process where true] [process where true]')).to.equal(undefined);
    expect(sequence('event.category : ("process" or "network")')).to.equal(undefined);
  });

  it('reads Splunk techniques at the top level and, in older files, under tags, with their lines, revoked IDs as written', () => {
    const newer = input.rules.find((r) => r.name === 'LSASS Memory Dump via Comsvcs');
    expect(newer?.refs).to.deep.equal([{ raw: 'T1003.001', line: 24, id: 'T1003.001' }]);
    expect(newer?.id).to.equal('0f6e4c1a-3b2d-4f5e-9a8b-7c6d5e4f3a21');
    expect(newer?.line).to.equal(2);
    const older = input.rules.find((r) => r.name === 'Encoded PowerShell Command Line');
    expect(older?.refs).to.deep.equal([
      { raw: 'T1059.001', line: 19, id: 'T1059.001' },
      { raw: 'T1086', line: 20, id: 'T1086' },
    ]);
    expect(older?.dataSources).to.deep.equal(['Sysmon EventID 1', 'CrowdStrike ProcessRollup2']);
  });

  it("reads Sentinel's relevantTechniques and its connectors as data sources", () => {
    const rule = input.rules.find((r) => r.name === 'Potential Kerberoasting');
    expect(rule?.refs).to.deep.equal([{ raw: 'T1208', line: 18, id: 'T1208' }]);
    expect(rule?.dataSources).to.deep.equal(['SecurityEvents']);
  });

  it("reads a parent Sentinel lists beside its own sub-techniques through them only, as the deployed rule's Export reads it", () => {
    // Azure/Azure-Sentinel Hunting Queries/SigninLogs/LowAndSlowPasswordAttempt.yaml @429fe78 (MIT licence), its
    // description and query shortened.
    const yaml = [
      'id: 3d217bb4-9cc2-4aba-838a-48e606e910e6',
      'name: Low & slow password attempts with volatile IP addresses ',
      'description: |',
      "  'This hunting query will identify instances where a single user account has seen a high incidence of failed attempts from highly volatile IP addresses'",
      'requiredDataConnectors:',
      '  - connectorId: AzureActiveDirectory',
      '    dataTypes:',
      '      - SigninLogs',
      'tactics:',
      '  - InitialAccess',
      '  - CredentialAccess',
      'relevantTechniques:',
      '  - T1078',
      '  - T1078.004',
      '  - T1110',
      '  - T1110.004',
      '  - T1110.003',
      'query: |',
      '  SigninLogs',
      '  | where ResultType has_any("50055","50126")',
      '',
    ].join('\n');
    const outcome = parseRuleFile(yaml, 'LowAndSlowPasswordAttempt.yaml');
    const refs = 'rule' in outcome ? outcome.rule.refs : [];
    expect(refs.map((ref) => [ref.raw, ref.line])).to.deep.equal([
      ['T1078.004', 14],
      ['T1110.004', 16],
      ['T1110.003', 17],
    ]);
    // Deployed, Sentinel keeps each sub-technique's parent in `techniques` beside `subTechniques`; its Export reads the same.
    const deployed = {
      id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/alertRules/3d217bb4',
      name: '3d217bb4',
      type: 'Microsoft.SecurityInsights/alertRules',
      kind: 'Scheduled',
      properties: {
        displayName: 'Low & slow password attempts with volatile IP addresses',
        severity: 'Medium',
        enabled: true,
        tactics: ['InitialAccess', 'CredentialAccess'],
        techniques: ['T1078', 'T1110'],
        subTechniques: ['T1078.004', 'T1110.004', 'T1110.003'],
        query: 'SigninLogs',
      },
    };
    const exported = parseSentinelExport(deployed, JSON.stringify(deployed, null, 2), 'rule.json');
    expect(exported.rules[0]?.refs.map((ref) => ref.raw)).to.deep.equal(refs.map((ref) => ref.raw));
  });

  it("reads a Sentinel YAML rule written in the API's spelling (techniques, subTechniques, enabled), and ignores it disabled", () => {
    // The shape of tim-detections/sentinel-detections rules/identity/mfa-fatigue/entraid_mfa_fatigue_correlation_v1.yaml
    // @1a6e43f5 (no licence stated: our own minimal rule): `enabled: true`, `tactics`, then `techniques: [T1110, T1621]`
    // where Azure-Sentinel writes relevantTechniques. It was ignored as "no ATT&CK technique (tactics only: …)".
    const yaml = (enabled: string) =>
      [
        'id: 2b7c0f1e-0000-4000-8000-000000000001',
        'name: Push prompts declined, then a sign-in',
        'kind: Scheduled',
        'severity: High',
        `enabled: ${enabled}`,
        'queryFrequency: 1h',
        'tactics:',
        '  - CredentialAccess',
        'techniques:',
        '  - T1110',
        '  - T1621',
        'subTechniques:',
        '  - T1110.003',
        'query: |',
        '  SigninLogs',
        '',
      ].join('\n');
    const outcome = parseRuleFile(yaml('true'), 'mfa.yaml');
    // The parent beside its own sub-technique counts through it, as Sentinel's Export reads the same fields.
    expect('rule' in outcome ? outcome.rule.refs.map((ref) => [ref.raw, ref.line]) : outcome).to.deep.equal([
      ['T1621', 11],
      ['T1110.003', 13],
    ]);
    expect(parseRuleFile(yaml('false'), 'mfa.yaml')).to.deep.equal({ ignored: { line: 5, name: 'Push prompts declined, then a sign-in', reason: 'disabled in Sentinel (enabled: false)' } });
  });

  it("reads Elastic's techniques through their sub-techniques when they list some, with the lines of their ids", () => {
    const rule = input.rules.find((r) => r.name === 'Memory Dump Utilities Run Against LSASS or NTDS');
    expect(rule?.refs).to.deep.equal([
      { raw: 'T1003.001', line: 37, id: 'T1003.001' },
      { raw: 'T1003.003', line: 42, id: 'T1003.003' },
      { raw: 'T1218.011', line: 58, id: 'T1218.011' },
    ]);
    expect(rule?.line).to.equal(18);
    expect(rule?.id).to.equal('8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e');
    expect(rule?.dataSources).to.deep.equal(['logs-endpoint.events.process-*', 'winlogbeat-*']);
    const parentOnly = input.rules.find((r) => r.name === 'Shell Started by a Web Server');
    expect(parentOnly?.refs).to.deep.equal([{ raw: 'T1059', line: 27, id: 'T1059' }]);
  });

  it('ignores deprecated detections, Splunk baselines and Sentinel rules named [Deprecated], saying why', () => {
    expect(input.ignored.map((item) => [rel(item.file), item.line, item.reason])).to.deep.equal([
      ['elastic/rules/_deprecated/persistence_old_run_key.toml', 5, 'maturity deprecated'],
      ['sentinel/Detections/DeprecatedMailForwarding.yaml', 3, 'deprecated: its name says so'],
      ['splunk/deprecated/wmic_remote_process.yml', 5, 'status deprecated'],
    ]);
    // A baseline given alone is listed as ignored; in a folder it is left out, named in one note.
    const baseline = readRuleFolder(join(fixtures, 'splunk', 'endpoint', 'baseline_of_admin_logons.yml'));
    expect(baseline.ignored.map((item) => [item.line, item.reason])).to.deep.equal([[6, 'type Baseline: it detects nothing by itself']]);
  });

  it("leaves out security_content's baselines of every age, without a type or of type batch, in one note, and no detection", () => {
    // Short reconstructions of splunk/security_content baselines (Apache-2.0): baselines/baseline_of_cloud_instances_launched.yml
    // of 2020 (no type, its detection under tags.detections), baselines/baseline_of_smb_traffic___mltk.yml (type batch,
    // tags.detections) and baselines/count_of_unique_ips_connecting_to_ports.yml (type batch, neither technique nor
    // detections, kept in baselines/); a detection of type batch and one without a type, each naming its technique, stay.
    const dir = freshTmpDir('splunk-baselines');
    const search = (name: string, lines: string[]) => [`name: ${name}`, "id: b01bd274-f661-4f9c-bd9f-cf23ff6ae0bc", 'version: 1', "search: '| tstats count from datamodel=Change by _time span=1h'", ...lines, ''].join('\n');
    const files: Readonly<Record<string, string>> = {
      'baselines/baseline_of_cloud_instances_launched.yml': search('Baseline Of Cloud Instances Launched', ['tags:', '  analytic_story:', '  - Cloud Cryptomining', '  detections:', '  - Abnormally High Number Of Cloud Instances Launched']),
      'baselines/baseline_of_smb_traffic___mltk.yml': search('Baseline of SMB Traffic - MLTK', ['tags:', '  detections:', '  - SMB Traffic Spike - MLTK', 'type: batch']),
      'baselines/count_of_unique_ips_connecting_to_ports.yml': search('Count of Unique IPs Connecting to Ports', ['type: batch', 'tags:', '  product:', '  - Splunk Enterprise']),
      'detections/network/smb_traffic_spike.yml': search('SMB Traffic Spike', ['type: batch', 'tags:', '  mitre_attack_id:', '  - T1021.002']),
      'detections/cloud/cloud_instances_launched.yml': search('Abnormally High Number Of Cloud Instances Launched', ['tags:', '  mitre_attack_id:', '  - T1078.004']),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const read = readRuleFolder(dir);
    expect(read.counts).to.deep.equal({ items: 2, rules: 2, ignored: 0, invalid: 0 });
    expect(read.rules.map((rule) => rule.name)).to.deep.equal(['Abnormally High Number Of Cloud Instances Launched', 'SMB Traffic Spike']);
    // The detections are read as before: without a type counted as Hunting, batch as TTP, each noted.
    expect(read.problems.map((problem) => relative(dir, problem.file).split(sep).join('/'))).to.deep.equal(['detections/cloud/cloud_instances_launched.yml', 'detections/network/smb_traffic_spike.yml']);
    expect(read.notes).to.deep.equal([
      `${dir}: 3 Splunk baselines are left out (baselines/ 3; first baselines/baseline_of_cloud_instances_launched.yml): a baseline builds a lookup or a model that detections read and detects nothing by itself (type Baseline; an earlier one no type or batch, naming the detections it feeds under tags.detections or kept in baselines/)`,
    ]);
    const alone = readRuleFolder(join(dir, 'baselines', 'baseline_of_cloud_instances_launched.yml'));
    expect(alone.ignored.map((item) => item.reason)).to.deep.equal(['a Splunk baseline (no type, it names the detections it feeds under tags.detections): it detects nothing by itself']);
    expect(alone.problems).to.deep.equal([]);
  });

  it('reads a Sublime Security rule given alone to --coverage as a rule folder of it, its one rule ignored saying why, as a Splunk baseline alone is', () => {
    // The same reconstruction of sublime-security/sublime-rules' detection-rules/*.yml layout as below. It was refused
    // (exit 1) while the same rule in a folder was left out with a note (exit 0): one mechanism now, that of the rule
    // kinds that count nothing (baselines, response tasks), the review standing with the input's no-coverage note.
    const dir = freshTmpDir('sublime-rule-alone');
    const file = join(dir, 'attachment_script_in_image.yml');
    writeFileSync(
      file,
      ['name: "Attachment: script inside an image file"', 'type: "rule"', 'severity: "high"', 'source: |', '  type.inbound and any(attachments, .file_extension =~ "svg")',
        'tactics_and_techniques:', '  - "Scripting"', ''].join('\n'),
    );
    const [input, ...more] = readCoverageInputs([file]);
    expect(more).to.deep.equal([]);
    expect([input!.kind, input!.counts, input!.problems]).to.deep.equal(['rules', { items: 1, rules: 0, ignored: 1, invalid: 0 }, []]);
    expect(input!.ignored).to.deep.equal([
      {
        file,
        line: 1,
        name: 'Attachment: script inside an image file',
        reason:
          'a Sublime Security rule: its tactics_and_techniques and attack_types are Sublime\'s own names ("Scripting", "Social engineering"), ' +
          'not ATT&CK techniques, so it says no technique it detects; list the techniques such rules detect in a detections file (name, techniques)',
      },
    ]);
  });

  it("leaves out Sublime Security's rules in one note saying their taxonomy is not ATT&CK's, and reads the rules beside them", () => {
    // A reconstruction of the layout of sublime-security/sublime-rules' detection-rules/*.yml (2539_attachment_svg_embedded_js.yml
    // @1a7f278b): name, type "rule", severity, an MQL source, and Sublime's own attack_types, tactics_and_techniques and
    // detection_methods; the values here are ours. A Sentinel rule beside it is read.
    const dir = freshTmpDir('sublime-rules');
    mkdirSync(join(dir, 'detection-rules'), { recursive: true });
    writeFileSync(
      join(dir, 'detection-rules', 'attachment_script_in_image.yml'),
      ['name: "Attachment: script inside an image file"', 'type: "rule"', 'severity: "high"', 'source: |', '  type.inbound and any(attachments, .file_extension =~ "svg")',
        'attack_types:', '  - "Malware/Ransomware"', 'tactics_and_techniques:', '  - "Scripting"', 'detection_methods:', '  - "File analysis"', ''].join('\n'),
    );
    writeFileSync(join(dir, 'sentinel.yaml'), 'name: Y\nseverity: High\nqueryFrequency: 1h\nquery: q\nrelevantTechniques: [T1110]\n');
    const read = readRuleFolder(dir);
    expect(read.counts).to.deep.equal({ items: 1, rules: 1, ignored: 0, invalid: 0 });
    expect(read.notes).to.deep.equal([
      `${dir}: 1 Sublime Security rule is left out (detection-rules/ 1; first detection-rules/attachment_script_in_image.yml): its tactics_and_techniques and attack_types are Sublime's own names ("Scripting", "Social engineering"), ` +
        'not ATT&CK techniques, so such a rule says no technique it detects; list the techniques they detect in a detections file (name, techniques)',
    ]);
  });

  it('leaves out a YAML file of several documents none of which is a rule (an osquery pack for Fleet), as one of one such document', () => {
    // A reconstruction of the layout of teoseller/osquery-attck's fleet_windows_yaml/windows_scheduled_tasks.yaml @95b45bdd
    // (fleetctl specs: a document of kind pack, then one of kind query, each under apiVersion and spec); each document
    // was an invalid Sigma rule ("missing title, detection, logsource") and the folder "2 invalid".
    const dir = freshTmpDir('fleet-pack');
    mkdirSync(join(dir, 'fleet_windows_yaml'), { recursive: true });
    writeFileSync(
      join(dir, 'fleet_windows_yaml', 'windows_services.yaml'),
      ['---', 'apiVersion: v1', 'kind: pack', 'spec:', '  name: windows_services', '  queries:', '  - name: Services', '    query: Services', '    interval: 3600',
        '---', 'apiVersion: v1', 'kind: query', 'spec:', '  name: Services', '  description: Services installed - ATT&CK T1543', '  query: select name, path from services;', ''].join('\n'),
    );
    writeFileSync(join(dir, 'sentinel.yaml'), 'name: Y\nseverity: High\nqueryFrequency: 1h\nquery: q\nrelevantTechniques: [T1110]\n');
    const read = readRuleFolder(dir);
    expect(read.counts).to.deep.equal({ items: 1, rules: 1, ignored: 0, invalid: 0 });
    expect(read.notes).to.deep.equal([
      `${dir}: 1 file of YAML holds no rule of any format read and is left out (fleet_windows_yaml/ 1; first fleet_windows_yaml/windows_services.yaml): ` +
        'a rule needs its format\'s keys: Sigma "title", "logsource" and "detection", Splunk "name" and "search", Sentinel "name" and "query"',
    ]);
  });

  it("leaves out security_content's response tasks and investigations of every age in one note, even one listing a technique", () => {
    // Short reconstructions of splunk/security_content searches an analyst runs during a response (Apache-2.0):
    // response_tasks/get_all_aws_activity_from_city.yml @bbdd2bd8 (type response), response_tasks/
    // get_process_file_activity.yml @151bbbaa (no type, inputs), investigations/get_dns_server_history_for_a_host.yml
    // @056a5968 (type Investigation), responses/get_process_info.yml @8950b88d (no type, inputs); one without inputs kept
    // in response_tasks/, and one of type response listing a technique. A detection of the time without a type stays.
    const dir = freshTmpDir('splunk-response-tasks');
    const search = (name: string, lines: string[]) => [`name: ${name}`, 'id: 0abeeb40-1255-4b68-91d1-7a7eb410c4b8', 'version: 1', "search: '| search sourcetype=aws:cloudtrail City=$City$ | table _time, user, eventName'", ...lines, ''].join('\n');
    const files: Readonly<Record<string, string>> = {
      'response_tasks/get_all_aws_activity_from_city.yml': search('Get All AWS Activity From City', ['inputs:', '- City', 'tags:', '  analytics_story:', '  - AWS Suspicious Provisioning Activities', 'type: response']),
      'response_tasks/get_process_file_activity.yml': search('Get Process File Activity', ['inputs:', '- process_id', '- dest']),
      'response_tasks/get_notable_history.yml': search('Get Notable History', ['tags:', '  analytics_story:', '  - Lateral Movement']),
      'response_tasks/quarantine_host_search.yml': search('Quarantine Host Search', ['type: response', 'tags:', '  mitre_attack_id:', '  - T1021.002']),
      'investigations/get_dns_server_history_for_a_host.yml': search('Get DNS Server History for a host', ['type: Investigation']),
      'responses/get_process_info.yml': search('Get Process Info', ['inputs:', '- dest', '- process_name']),
      'detections/cloud/cloud_instances_launched.yml': search('Abnormally High Number Of Cloud Instances Launched', ['tags:', '  mitre_attack_id:', '  - T1078.004']),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const read = readRuleFolder(dir);
    expect(read.counts).to.deep.equal({ items: 1, rules: 1, ignored: 0, invalid: 0 });
    expect(read.rules.map((rule) => rule.name)).to.deep.equal(['Abnormally High Number Of Cloud Instances Launched']);
    // Only the detection is noted (no type); the response tasks are named in one note, not one each.
    expect(read.problems.map((problem) => relative(dir, problem.file).split(sep).join('/'))).to.deep.equal(['detections/cloud/cloud_instances_launched.yml']);
    expect(read.notes).to.deep.equal([
      `${dir}: 6 Splunk response tasks are left out (response_tasks/ 4, investigations/ 1, responses/ 1; first investigations/get_dns_server_history_for_a_host.yml): a response task is a search an analyst runs on an entity of a notable during a response and detects nothing by itself, whatever techniques it lists (type Investigation or response; an earlier one no type, taking inputs or kept in response_tasks/, responses/ or investigations/)`,
    ]);
    const alone = (name: string) => readRuleFolder(join(dir, name)).ignored.map((item) => item.reason);
    expect(alone('response_tasks/get_process_file_activity.yml')).to.deep.equal([
      'a Splunk response task (no type, it takes the inputs an analyst gives it): a search an analyst runs during a response, it detects nothing by itself',
    ]);
    expect(alone('response_tasks/get_notable_history.yml')).to.deep.equal([
      'a Splunk response task (no type, kept in response_tasks/): a search an analyst runs during a response, it detects nothing by itself',
    ]);
    expect(alone('response_tasks/quarantine_host_search.yml')).to.deep.equal(['type response: a search an analyst runs during a response, it detects nothing by itself']);
  });

  it('says what a folder holds when none of its files is a rule of a format read (Markdown without a query it reads)', () => {
    // Reconstructions in our own words of Markdown that is no query file this reader takes: a table of IDs with no
    // query, and a query in an untagged block with no MITRE ATT&CK heading (Bert-JanP's query files, read by
    // read-kql-markdown.ts, have both a "MITRE ATT&CK Technique(s)" heading and ```KQL blocks). A .kql file is read
    // (read-kql-file.ts).
    const dir = freshTmpDir('kql-queries');
    const files: Readonly<Record<string, string>> = {
      'Defender For Endpoint/ShadowCopyDeletion.md': ['# Shadow copies deleted', '', '| Technique ID | Title |', '| --- | --- |', '| T1490 | Inhibit System Recovery |', '', '```', 'DeviceProcessEvents', "| where ProcessCommandLine has 'delete shadows'", '```', ''].join('\n'),
      'Defender For Endpoint/Ransomware/RansomNote.md': ['# Ransom note written', '', '| Technique ID | Title |', '| --- | --- |', '| T1486 | Data Encrypted for Impact |', ''].join('\n'),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const read = readRuleFolder(dir);
    expect(read.counts).to.deep.equal({ items: 0, rules: 0, ignored: 0, invalid: 0 });
    expect(read.notes).to.deep.equal([
      `${dir}: none of its 2 files (2 .md) is a rule of a format read here (Sigma, Splunk (security_content), Sentinel, Elastic (detection-rules), Sekoia, LimaCharlie, Wazuh, Falco, YARA-L (Google SecOps), Panther or Suricata rules, KQL queries kept as .kql files, or KQL, SPL, ES|QL or Kibana queries kept as Markdown (.md)); files of other kinds, such as Markdown without a \`\`\`kql block or a MITRE ATT&CK heading or label, are not read, whatever techniques they name: list the techniques they detect in a detections file (docs/gap.md) to count them`,
    ]);
    // An empty folder is refused as a wrong path (test/cli/gap.test.ts), not read as a folder of no rule.
    expect(() => readRuleFolder(freshTmpDir('no-files'))).to.throw(UsageError, /: the folder holds no file, so no rule to count; /);
  });

  it("names an input whose every rule is ignored by the format its files were read in, not sigma (Elastic's rules/_deprecated/ is elastic)", () => {
    const named = (...path: string[]) => readRuleFolder(join(fixtures, ...path)).kind;
    expect(named('elastic', 'rules', '_deprecated')).to.equal('elastic');
    expect(named('splunk', 'deprecated')).to.equal('splunk');
    expect(named('sentinel', 'Detections', 'DeprecatedMailForwarding.yaml')).to.equal('sentinel');
    // Elastic's and Splunk's deprecated rules together, every one ignored: several formats, as when rules mix.
    const dir = freshTmpDir('ignored-rules-mixed');
    for (const [from, to] of [
      [['elastic', 'rules', '_deprecated', 'persistence_old_run_key.toml'], 'persistence_old_run_key.toml'],
      [['splunk', 'deprecated', 'wmic_remote_process.yml'], 'wmic_remote_process.yml'],
    ] as const) {
      writeFileSync(join(dir, to), readFileSync(join(fixtures, ...from)));
    }
    const mixed = readRuleFolder(dir);
    expect([mixed.kind, mixed.counts.rules, mixed.counts.ignored]).to.deep.equal(['rules', 0, 2]);
    // Files no format reads (every one invalid) still name it sigma, as before.
    const broken = readRuleFolder(join(fixtures, 'elastic', 'broken'));
    expect([broken.kind, broken.counts.invalid]).to.deep.equal(['sigma', 1]);
  });

  it("ignores the rules of Elastic's `rules/_deprecated /` (its folder of 2023, named with a trailing space) as those of `rules/_deprecated/`", () => {
    // elastic/detection-rules, rules/_deprecated /defense_evasion_potential_processherpaderping.toml (Elastic License v2):
    // its one rule there says maturity deprecated; a rule moved there whose maturity still says production is retired
    // by its folder, as in rules/_deprecated/. The fields are a short reconstruction of that file's.
    const dir = freshTmpDir('elastic-deprecated-space');
    const rule = (maturity: string, name: string) =>
      `[metadata]\ncreation_date = "2020/10/27"\ndeprecation_date = "2023/12/14"\nmaturity = "${maturity}"\n\n[rule]\nauthor = ["Elastic"]\n` +
      `name = "${name}"\nrule_id = "ccc55af4-9882-4c67-87b4-449a7ae8079c"\nseverity = "high"\ntype = "eql"\nquery = '''\nprocess where true\n'''\n\n` +
      '[[rule.threat]]\nframework = "MITRE ATT&CK"\n[[rule.threat.technique]]\nid = "T1036"\nname = "Masquerading"\n\n' +
      '[rule.threat.tactic]\nid = "TA0005"\nname = "Defense Evasion"\n';
    mkdirSync(join(dir, 'rules', '_deprecated '), { recursive: true });
    writeFileSync(join(dir, 'rules', '_deprecated ', 'defense_evasion_potential_processherpaderping.toml'), rule('deprecated', 'Potential Process Herpaderping Attempt'));
    writeFileSync(join(dir, 'rules', '_deprecated ', 'moved_rule.toml'), rule('production', 'Moved Rule'));
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts.rules, read.counts.ignored]).to.deep.equal(['elastic', 0, 2]);
    expect(read.ignored.map((item) => [item.file.slice(dir.length + 1).split(sep).join('/'), item.name, item.reason])).to.deep.equal([
      ['rules/_deprecated /defense_evasion_potential_processherpaderping.toml', 'Potential Process Herpaderping Attempt', 'maturity deprecated'],
      ['rules/_deprecated /moved_rule.toml', 'Moved Rule', 'under rules/_deprecated /: a folder of deprecated rules, not deployed'],
    ]);
  });

  it("ignores the rules of security_content's removed/ and SigmaHQ's unsupported/, each folder named in one note saying why", () => {
    // splunk/security_content's removed/detections/ (a detection moved there: status removed, deprecation_info) and
    // removed/baselines/; SigmaHQ/sigma's unsupported/ (status unsupported) and deprecated/. Short reconstructions of
    // removed/detections/detect_mimikatz_using_loaded_images.yml and unsupported/windows/win_remote_schtask.yml, and
    // of such files whose status still says production or test, as a rule moved there may.
    const dir = freshTmpDir('retired-folders');
    for (const sub of [['removed', 'detections'], ['unsupported', 'windows'], ['deprecated', 'windows'], ['rules', 'windows']]) mkdirSync(join(dir, ...sub), { recursive: true });
    const splunk = (name: string, status: string) => `name: ${name}\nstatus: ${status}\ntype: TTP\nsearch: '\`sysmon\` EventCode=7'\nmitre_attack_id:\n  - T1003.001\n`;
    const sigma = (title: string, status: string, tag: string) =>
      `title: ${title}\nstatus: ${status}\ntags:\n    - ${tag}\nlogsource:\n    product: windows\n    service: security\ndetection:\n    sel:\n        EventID: 4698\n    condition: sel\nlevel: medium\n`;
    writeFileSync(join(dir, 'removed', 'detections', 'detect_mimikatz_using_loaded_images.yml'), splunk('Detect Mimikatz Using Loaded Images', 'removed'));
    writeFileSync(join(dir, 'removed', 'detections', 'moved_detection.yml'), splunk('Moved Detection', 'production'));
    writeFileSync(join(dir, 'unsupported', 'windows', 'win_remote_schtask.yml'), sigma('Remote Schtasks Creation', 'unsupported', 'attack.t1053.005'));
    writeFileSync(join(dir, 'unsupported', 'windows', 'moved_rule.yml'), sigma('Moved Rule', 'test', 'attack.t1053.005'));
    writeFileSync(join(dir, 'deprecated', 'windows', 'old_rule.yml'), sigma('Old Rule', 'deprecated', 'attack.t1059.001'));
    writeFileSync(join(dir, 'rules', 'windows', 'live_rule.yml'), sigma('Live Rule', 'test', 'attack.t1059.001'));
    const read = readRuleFolder(dir);
    expect(read.rules.map((rule) => rule.name)).to.deep.equal(['Live Rule']);
    expect(read.ignored.map((item) => [item.file.slice(dir.length + 1).split(sep).join('/'), item.reason])).to.deep.equal([
      ['deprecated/windows/old_rule.yml', 'status deprecated'],
      ['removed/detections/detect_mimikatz_using_loaded_images.yml', 'status removed'],
      ['removed/detections/moved_detection.yml', 'under removed/: a folder of removed rules, not deployed'],
      ['unsupported/windows/moved_rule.yml', 'under unsupported/: a folder of rules that cannot be used as they are (unsupported), not deployed'],
      ['unsupported/windows/win_remote_schtask.yml', 'status unsupported'],
    ]);
    expect(read.notes).to.deep.equal([
      `${dir}: under deprecated/: 1 rule ignored, a folder of deprecated rules, not deployed`,
      `${dir}: under removed/: 2 rules ignored, a folder of removed rules, not deployed`,
      `${dir}: under unsupported/: 2 rules ignored, a folder of rules that cannot be used as they are (unsupported), not deployed`,
    ]);
  });

  it('reports TOML that does not parse and TOML that is no rule, and notes what a rule holds that is no ATT&CK technique', () => {
    expect(input.problems.map((p) => [rel(p.file), p.line, p.message, p.skipped])).to.deep.equal([
      ['elastic/broken/unclosed_array.toml', 7, 'not valid TOML: invalid value (column 1); fix the syntax or move the file out of the rules folder', true],
      ['elastic/rules/windows/execution_encoded_powershell_dev.toml', 13, 'a threat of framework "MITRE ATLAS" is not ATT&CK; its techniques are left out', false],
      ['elastic/rules/windows/execution_encoded_powershell_dev.toml', 13, 'unknown severity "severe"; counted as medium. Use one of critical, high, medium, low', false],
      ['splunk/endpoint/linux_cron_job_added.yml', 13, '"Persistence" is not a technique ID (T1234 or T1234.001); it is skipped', false],
    ]);
    // A TOML file with no [rule] table (pyproject.toml) is no rule: left out of the items, named in one note.
    expect(input.notes).to.deep.equal([
      `${fixtures}: under elastic/rules/_deprecated/: 1 rule ignored, a folder of deprecated rules, not deployed`,
      `${fixtures}: under splunk/deprecated/: 1 rule ignored, a folder of deprecated rules, not deployed`,
      `${fixtures}: 1 file of TOML holds no rule of any format read and is left out (elastic/ 1; first elastic/broken/pyproject.toml): an Elastic rule needs a [rule] table, a hunting query a [hunt] table`,
      `${fixtures}: 1 Splunk baseline is left out (splunk/ 1; first splunk/endpoint/baseline_of_admin_logons.yml): a baseline builds a lookup or a model that detections read and detects nothing by itself (type Baseline; an earlier one no type or batch, naming the detections it feeds under tags.detections or kept in baselines/)`,
    ]);
  });

  describe('an Elastic rule cut short, as an interrupted download leaves it', () => {
    // elastic/detection-rules' credential_access_memory_dump_utilities.toml (the fixture's excerpt, cited in its README),
    // cut in the middle of a line: before, the parser's words, `not valid TOML: invalid value (column 16); fix the syntax`.
    const whole = readFileSync(join(fixtures, 'elastic/rules/windows/credential_access_memory_dump_utilities.toml'), 'utf8');
    const cutAt = (marker: string, after: number): string => whole.slice(0, whole.indexOf(marker) + after);
    const lineCount = (text: string): number => text.split('\n').length;
    const invalid = (text: string) => {
      const outcome = parseRuleFile(text, 'cut.toml');
      return 'invalid' in outcome ? outcome.invalid : undefined;
    };
    const ids = (text: string) => {
      const outcome = parseRuleFile(text, 'whole.toml');
      return 'rule' in outcome ? outcome.rule.refs.map((ref) => ref.id) : undefined;
    };
    const rows: Array<readonly [label: string, text: string, says: string]> = [
      ['after a key, its value missing (updated_date = )', cutAt('updated_date = ', 'updated_date = '.length), 'invalid value at column 16'],
      ['inside a quoted value (name = "Cr…)', cutAt('name = "Credential', 'name = "Cr'.length), 'unfinished string at column 8'],
      ["inside the query's ''' string, a line after it opened", cutAt('process where', 'process where'.length), 'a string opened on line '],
    ];
    for (const [label, text, says] of rows) {
      it(`says the file is cut short where it ends, and to download it again: ${label}`, () => {
        const outcome = invalid(text);
        expect(outcome?.line).to.equal(lineCount(text));
        expect(outcome?.message).to.match(new RegExp(`^the file is cut short: it ends in the middle of line ${lineCount(text)}, with no line end \\(`));
        expect(outcome?.message).to.contain(says).and.to.contain('as an interrupted download leaves a file; download it again, or move it out of the rules folder');
      });
    }

    it('keeps the parser\'s words for a file whose last line ends (a query never closed, written so)', () => {
      const text = cutAt('process where', 0) + 'process where true\n';
      expect(invalid(text)?.message).to.match(/^not valid TOML: unfinished string \(column \d+\); fix the syntax/);
    });

    it('reads a whole rule that lacks only its last line end', () => {
      expect(ids(whole)).to.have.length.above(0);
      expect(ids(whole.trimEnd())).to.deep.equal(ids(whole));
    });
  });

  it("ignores a Sentinel rule in a file without an extension whose id a .yaml rule of the folder has, as Azure-Sentinel's stray copy", () => {
    // Azure/Azure-Sentinel (MIT) kept Solutions/Okta Single Sign-On/Analytic Rules/User Session Impersonation(Okta), no
    // extension, beside `User Session Impersonation(Okta).yaml`, both id 35846296-4052-4de2-8098-beb6bb5f2203; its
    // validation reads *.yaml only. Short reconstructions of their fields; a file without an extension of an id of its own is read.
    const dir = freshTmpDir('sentinel-stray');
    const rule = (id: string, technique: string) =>
      [`id: ${id}`, 'name: User Session Impersonation(Okta)', 'severity: Medium', 'queryFrequency: 6h', 'queryPeriod: 6h', 'tactics:', '  - PrivilegeEscalation', 'relevantTechniques:', `  - ${technique}`, 'query: |', '  Okta_CL', '  | where eventType_s == "user.session.impersonation.initiate"', 'kind: Scheduled', ''].join('\n');
    const rules = join(dir, 'Solutions', 'Okta Single Sign-On', 'Analytic Rules');
    mkdirSync(rules, { recursive: true });
    writeFileSync(join(rules, 'User Session Impersonation(Okta)'), rule('35846296-4052-4de2-8098-beb6bb5f2203', 'T1098'));
    writeFileSync(join(rules, 'User Session Impersonation(Okta).yaml'), rule('35846296-4052-4de2-8098-beb6bb5f2203', 'T1656'));
    writeFileSync(join(rules, 'Own Rule'), rule('0b7c3e55-0000-4000-8000-000000000001', 'T1078'));
    const read = readRuleFolder(dir);
    const rel = (file: string) => relative(dir, file).split(sep).join('/');
    expect(read.rules.map((r) => [rel(r.file), r.refs.map((ref) => ref.id)])).to.deep.equal([
      ['Solutions/Okta Single Sign-On/Analytic Rules/Own Rule', ['T1078']],
      ['Solutions/Okta Single Sign-On/Analytic Rules/User Session Impersonation(Okta).yaml', ['T1656']],
    ]);
    expect(read.ignored.map((item) => [rel(item.file), item.reason])).to.deep.equal([
      [
        'Solutions/Okta Single Sign-On/Analytic Rules/User Session Impersonation(Okta)',
        'a copy, in a file without an extension, of the Sentinel rule of Solutions/Okta Single Sign-On/Analytic Rules/User Session Impersonation(Okta).yaml (id 35846296-4052-4de2-8098-beb6bb5f2203): Azure-Sentinel reads *.yaml files only, one template per id',
      ],
    ]);
    expect(read.problems.map((problem) => rel(problem.file))).to.deep.equal(['Solutions/Okta Single Sign-On/Analytic Rules/Own Rule']);
    // Given alone, the file is read as the rule it holds.
    expect(readRuleFolder(join(rules, 'User Session Impersonation(Okta)')).counts.rules).to.equal(1);
  });

  it('reads a rule file published without an extension (The DFIR Report\'s AdFind_Recon), with a note, and no other file without one', () => {
    const dir = freshTmpDir('rules-no-extension');
    const sigma = ['title: AdFind Recon', 'tags:', '    - attack.T1018', 'logsource:', '    product: windows', 'detection:', '    sel: {CommandLine|contains: adfind}', '    condition: sel', ''];
    writeFileSync(join(dir, 'AdFind_Recon'), sigma.join('\n'));
    writeFileSync(join(dir, 'LICENSE'), 'MIT License\n\nname: not a rule\n');
    writeFileSync(join(dir, 'Makefile'), 'test:\n\tnpm test\n');
    const read = readRuleFolder(dir);
    expect(read.counts).to.deep.equal({ items: 1, rules: 1, ignored: 0, invalid: 0 });
    expect(read.rules.map((rule) => [rule.name, rule.refs[0]?.id])).to.deep.equal([['AdFind Recon', 'T1018']]);
    expect(read.problems).to.deep.equal([
      { file: join(dir, 'AdFind_Recon'), line: 1, message: 'the file name has no extension; read as a YAML rule (name it .yml)', skipped: false },
    ]);
  });

  it("reads Splunk's JSON detections of 2017-2019 (mitre_attack by name), and no other JSON file", () => {
    // The shape of security_content's detections/cred_dump_via_reg.json (spec_version 2): an investigation's name
    // comes before the detection's, tactics and techniques share mitre_attack.
    const detection = (mitre: string[], correlation: object) =>
      JSON.stringify(
        { detect: { splunk: { correlation_rule: correlation } }, id: 'd-1', investigations: [{ name: 'Get Process Info' }], mappings: { mitre_attack: mitre }, name: 'Credential Dump Via Reg.exe', spec_version: 2 },
        null,
        4,
      );
    const dir = freshTmpDir('rules-splunk-json');
    writeFileSync(join(dir, 'cred_dump_via_reg.json'), detection(['Credential Access', 'Scheduled Task'], { notable: { rule_title: 't' }, search: 's' }));
    writeFileSync(join(dir, 'attrib.json'), detection(['Defense Evasion', 'Persistence'], [{ risk: { risk_score: 50 } }, { search: 's' }]));
    writeFileSync(join(dir, 'package.json'), '{ "name": "not-a-rule" }\n');
    const read = readRuleFolder(dir);
    expect(read.counts).to.deep.equal({ items: 2, rules: 1, ignored: 1, invalid: 0 });
    expect(read.rules).to.deep.equal([
      {
        kind: 'splunk',
        name: 'Credential Dump Via Reg.exe',
        file: join(dir, 'cred_dump_via_reg.json'),
        line: 24,
        refs: [{ raw: 'Scheduled Task', line: 21 }],
        level: 0.54,
        levelReason: 'splunk no status (counted as experimental), type TTP (its search: a notable) -> 0.54',
        id: 'd-1',
        tactics: ['Credential Access'],
        tags: [{ raw: 'Credential Access', line: 20 }],
      },
    ]);
    expect(read.ignored).to.deep.equal([
      { file: join(dir, 'attrib.json'), line: 28, name: 'Credential Dump Via Reg.exe', reason: 'no ATT&CK technique (mitre_attack names tactics only: Defense Evasion, Persistence)' },
    ]);
  });

  it('reads a Sentinel export of alert rules kept as JSON in a rule folder (Sentinel-as-code), and no Content Hub package', () => {
    // tim-detections/sentinel-detections keeps rules/identity/mfa-fatigue/entraid_mfa_fatigue_correlation_v1.json (an
    // ARM template of one alertRules resource, @4a0c4552) beside the rule's YAML; a repository may keep only such files.
    // They were left out of the folder without a word (or, alone in a subfolder, said to be "no rule of a format read
    // here (… Sentinel …)"). Our own minimal template in its shape.
    const template = (resources: object[]) =>
      JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources }, null, 2);
    const alertRule = (displayName: string, enabled: boolean) => ({
      type: 'Microsoft.SecurityInsights/alertRules',
      apiVersion: '2024-01-01-preview',
      name: 'd7a819b2-3e4f-4a6c-9d8b-1e2f3a4b5c6d',
      kind: 'Scheduled',
      properties: { displayName, severity: 'High', enabled, query: 'SigninLogs', tactics: ['CredentialAccess'], techniques: ['T1110', 'T1621'] },
    });
    const dir = freshTmpDir('rules-sentinel-json');
    mkdirSync(join(dir, 'identity/mfa-fatigue'), { recursive: true });
    writeFileSync(join(dir, 'identity/mfa-fatigue/mfa_fatigue.json'), template([alertRule('MFA fatigue', true)]));
    writeFileSync(join(dir, 'identity/mfa-fatigue/mfa_fatigue_off.json'), template([alertRule('MFA fatigue (off)', false)]));
    // A Content Hub package nests its rules as templates of the YAML rules beside it: not read again.
    writeFileSync(
      join(dir, 'mainTemplate.json'),
      template([{ type: 'Microsoft.OperationalInsights/workspaces/providers/contentTemplates', properties: { mainTemplate: { resources: [alertRule('Packaged', true)] } } }]),
    );
    writeFileSync(join(dir, 'package.json'), '{ "name": "not-a-rule" }\n');
    const read = readRuleFolder(dir);
    const at = (file: string) => relative(dir, file).split(sep).join('/');
    expect([read.kind, read.counts]).to.deep.equal(['sentinel', { items: 2, rules: 1, ignored: 1, invalid: 0 }]);
    expect(read.rules.map((rule) => [at(rule.file), rule.line, rule.name, rule.refs.map((ref) => ref.id), rule.level])).to.deep.equal([
      ['identity/mfa-fatigue/mfa_fatigue.json', 11, 'MFA fatigue', ['T1110', 'T1621'], 0.9],
    ]);
    expect(read.ignored.map((item) => [at(item.file), item.line, item.reason])).to.deep.equal([['identity/mfa-fatigue/mfa_fatigue_off.json', 11, 'disabled in Sentinel (enabled: false)']]);
  });

  it('counts a Sentinel rule kept as YAML and as its export (ARM JSON) beside it once, at the YAML', () => {
    // tim-detections/sentinel-detections rules/identity/mfa-fatigue/ keeps entraid_mfa_fatigue_correlation_v1.yaml and
    // .json (@4a0c4552), one rule: the ARM template's displayName is the YAML's name, its resource name another GUID than
    // the YAML's id. Both were counted ("2 rules read", the rule listed twice under each technique). Our own minimal files
    // in their shapes; a rule of another name, or in another folder, is another rule.
    const yaml = (name: string) => `id: 9f2f5d8a-6b3a-4b88-9f8d-3c9d1a4e7b11\nname: ${name}\nkind: Scheduled\nseverity: High\nenabled: true\ntactics:\n  - CredentialAccess\ntechniques:\n  - T1110\n  - T1621\nquery: |\n  SigninLogs\n`;
    const arm = (...names: string[]) =>
      JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        contentVersion: '1.0.0.0',
        resources: names.map((displayName) => ({
          type: 'Microsoft.SecurityInsights/alertRules',
          name: 'd7a819b2-3e4f-4a6c-9d8b-1e2f3a4b5c6d',
          kind: 'Scheduled',
          properties: { displayName, severity: 'High', enabled: true, query: 'SigninLogs', tactics: ['CredentialAccess'], techniques: ['T1110', 'T1621'] },
        })),
      }, null, 2);
    const dir = freshTmpDir('rules-sentinel-yaml-json');
    mkdirSync(join(dir, 'mfa-fatigue'), { recursive: true });
    mkdirSync(join(dir, 'other'), { recursive: true });
    writeFileSync(join(dir, 'mfa-fatigue/mfa_fatigue_v1.yaml'), yaml('MFA Fatigue With Success'));
    writeFileSync(join(dir, 'mfa-fatigue/mfa_fatigue_v1.json'), arm('MFA fatigue with success', 'MFA fatigue, legacy'));
    writeFileSync(join(dir, 'other/mfa_fatigue.json'), arm('MFA Fatigue With Success'));
    const read = readRuleFolder(dir);
    const at = (file: string) => relative(dir, file).split(sep).join('/');
    expect(read.rules.map((rule) => [at(rule.file), rule.name])).to.deep.equal([
      ['mfa-fatigue/mfa_fatigue_v1.json', 'MFA fatigue, legacy'],
      ['mfa-fatigue/mfa_fatigue_v1.yaml', 'MFA Fatigue With Success'],
      ['other/mfa_fatigue.json', 'MFA Fatigue With Success'],
    ]);
    expect(read.ignored.map((item) => [at(item.file), item.name, item.reason])).to.deep.equal([
      [
        'mfa-fatigue/mfa_fatigue_v1.json',
        'MFA fatigue with success',
        'the Sentinel rule of mfa-fatigue/mfa_fatigue_v1.yaml again, as its export beside it (named alike): one rule kept in two forms is one detection, counted there; if it is another rule, give its displayName a name of its own',
      ],
    ]);
    // The folder's note on its exports says which of their rules were ignored so, why, and what to do, in the caller's
    // words: it said only that each of their rules was "counted as one of the folder's".
    const twins = (givenAs?: { coverage: string; command: string }) =>
      `${dir}: 2 .json files are read as exports of deployed rules, each of their rules counted as one of the folder's: 2 of Sentinel exports of analytic rules (first mfa-fatigue/mfa_fatigue_v1.json); ` +
      '1 of their rules is ignored as the Sentinel rule of a YAML file beside it, named alike (first mfa-fatigue/mfa_fatigue_v1.json, the rule of mfa-fatigue/mfa_fatigue_v1.yaml): ' +
      'one detection kept in two forms counts once, at its YAML; nothing to do where the export is that rule deployed ' +
      `(leave the export out of the folder given to ${givenAs ? '--coverage' : 'readCoverageInputs'} to drop this note), and where it is another rule, give its displayName a name of its own`;
    expect(read.notes).to.deep.equal([twins()]);
    const cli = { coverage: '--coverage', command: 'gap' };
    expect(readRuleFolder(dir, { givenAs: cli }).notes).to.deep.equal([twins(cli)]);
  });

  it('gives the same input from its cache on a second read', () => {
    const cacheDir = freshTmpDir('siem-cache');
    const first = readRuleFolder(fixtures, { cacheDir });
    expect(readRuleFolder(fixtures, { cacheDir })).to.deep.equal(first);
    expect(first).to.deep.equal(input);
  });
});

describe('parseRuleFile (Splunk and Sentinel cases)', () => {
  const cases: [what: string, text: string, expected: unknown, file?: string][] = [
    [
      'a Splunk detection without a type: counted as Hunting, noted',
      'name: X\nstatus: production\nsearch: "| tstats count"\nmitre_attack_id: [T1047]\n',
      {
        rule: { kind: 'splunk', name: 'X', file: 'f.yml', line: 1, refs: [{ raw: 'T1047', line: 4, id: 'T1047' }], level: 0.25, levelReason: 'splunk status production, no type (counted as Hunting) -> 0.25' },
        notes: [{ line: 1, message: 'no type; counted as Hunting. Use one of TTP, Correlation, Anomaly, Hunting' }],
      },
    ],
    [
      'a Splunk detection of an unknown status: counted as experimental, noted',
      'name: X\nstatus: beta\ntype: TTP\nsearch: s\nmitre_attack_id:\n  - T1047\n',
      {
        rule: { kind: 'splunk', name: 'X', file: 'f.yml', line: 1, refs: [{ raw: 'T1047', line: 6, id: 'T1047' }], level: 0.54, levelReason: 'splunk unknown status "beta" (counted as experimental), type TTP -> 0.54' },
        notes: [{ line: 2, message: 'unknown status "beta"; counted as experimental. Use one of production, experimental, validation' }],
      },
    ],
    ['a Splunk detection with no technique: ignored', 'name: X\nstatus: production\ntype: TTP\nsearch: s\n', { ignored: { line: 1, name: 'X', reason: 'no ATT&CK technique' } }],
    // Splunk searches shared with their metadata in comment() macros write `mitre_attack_id: T1036.003, T1189` (a
    // public write-up of macOS Odyssey Infostealer detections); as a detection's field, such an item was one unknown ID.
    [
      'a Splunk detection whose mitre_attack_id lists several IDs in one item: each read, noted',
      'name: X\nstatus: production\ntype: TTP\nsearch: s\ntags:\n  mitre_attack_id: T1036.003, T1189\n',
      {
        rule: { kind: 'splunk', name: 'X', file: 'f.yml', line: 1, refs: [{ raw: 'T1036.003', line: 6, id: 'T1036.003' }, { raw: 'T1189', line: 6, id: 'T1189' }], level: 0.9, levelReason: 'splunk status production, type TTP -> 0.9' },
        notes: [{ line: 6, message: '"T1036.003, T1189" lists 2 technique IDs in one item; each is read (write one item per ID)' }],
      },
    ],
    [
      'a list item of an ID and a word stays one item that is no ID',
      'name: X\nstatus: production\ntype: TTP\nsearch: s\nmitre_attack_id:\n  - T1047 Persistence\n',
      { ignored: { line: 1, name: 'X', reason: 'no ATT&CK technique' }, notes: [{ line: 6, message: '"T1047 Persistence" is not a technique ID (T1234 or T1234.001); it is skipped' }] },
    ],
    // security_content of 2020-2021 (spec/detections.spec.json: type batch | streaming): how a detection runs, read
    // as what Splunk then did with it.
    ...(
      [
        ['batch', 0.9, 'TTP', "security_content's type of 2020-2021 for a scheduled search, which ESCU deployed as a correlation search raising a notable"],
        ['streaming', 0.5, 'Anomaly', "security_content's type of 2020-2021 for a Splunk Behavioral Analytics (SSA) detection on the event stream, whose findings add risk to an entity"],
        // splunk/security_content@eb9b85a3 detections/endpoint/attempted_credential_dump_from_registry_via_reg_exe___ssa.yml
        ['SSA', 0.5, 'Anomaly', "security_content's type of 2020 for a Splunk Behavioral Analytics (SSA) detection, before it was named streaming; its findings add risk to an entity"],
      ] as const
    ).map(([type, level, as, means]): [string, string, unknown] => [
      `a Splunk detection of type ${type} (2020-2021): weighed as ${as}, noted`,
      `name: X\nstatus: production\ntype: ${type}\nsearch: s\ntags:\n  mitre_attack_id:\n  - T1003.001\n`,
      {
        rule: { kind: 'splunk', name: 'X', file: 'f.yml', line: 1, refs: [{ raw: 'T1003.001', line: 7, id: 'T1003.001' }], level, levelReason: `splunk status production, type ${type} (weighed as ${as}) -> ${level}` },
        notes: [{ line: 3, message: `type ${type}: ${means}; weighed as ${as}` }],
      },
    ]),
    [
      "a Sentinel rule's tactics, as written and with their lines, to check against the release",
      'name: Y\nseverity: High\nqueryFrequency: 1h\nquery: q\ntactics:\n  - CredentialAccess\n  - PreAttack\nrelevantTechniques: [T1110]\n',
      {
        rule: {
          kind: 'sentinel',
          name: 'Y',
          file: 'f.yml',
          line: 1,
          refs: [{ raw: 'T1110', line: 8, id: 'T1110' }],
          level: 0.9,
          levelReason: 'sentinel analytic rule, severity High -> 0.9',
          tactics: ['CredentialAccess', 'PreAttack'],
          tags: [
            { raw: 'CredentialAccess', line: 6 },
            { raw: 'PreAttack', line: 7 },
          ],
        },
      },
    ],
    [
      'a Sentinel rule with an unknown severity: counted as Medium',
      'name: Y\nseverity: Severe\nqueryFrequency: 1h\nquery: q\nrelevantTechniques: T1110\n',
      {
        rule: { kind: 'sentinel', name: 'Y', file: 'f.yml', line: 1, refs: [{ raw: 'T1110', line: 5, id: 'T1110' }], level: 0.75, levelReason: 'sentinel analytic rule, unknown severity "Severe" (counted as Medium) -> 0.75' },
        notes: [{ line: 1, message: 'unknown severity "Severe"; counted as Medium. Use one of High, Medium, Low, Informational' }],
      },
    ],
    [
      'a named file of neither format (a Splunk story)',
      'name: Credential Dumping\nnarrative: Adversaries dump credentials.\n',
      { invalid: { line: 1, message: 'not a detection rule: a Sigma rule has "title", "logsource" and "detection", a Splunk detection "name" and "search", a Sentinel rule "name" and "query"' }, noRule: 'yaml' },
    ],
    [
      'a Sentinel rule marked deprecated in its file name only (as Azure-Sentinel marks some)',
      'name: Solorigate Network Beacon\nseverity: Medium\nqueryFrequency: 1d\nquery: q\nrelevantTechniques: [T1102]\n',
      { ignored: { line: 1, name: 'Solorigate Network Beacon', reason: 'deprecated: its file name says so' } },
      'Solutions/Legacy IOC based Threat Protection/Analytic Rules/Solorigate-Network-Beacon[Deprecated].yaml',
    ],
    ['a rule whose name is not text', 'name: [a, b]\nquery: q\n', { invalid: { line: 1, message: 'not a Sentinel rule: "name" is not text' } }],
    [
      // Splunk's SSA detections of 2020 (attempted_credential_dump_from_registry_via_reg_exe___ssa.yml): PyYAML reads them.
      'a Splunk detection whose quoted search continues at column 0: read as PyYAML reads it, noted',
      "name: X\ntype: TTP\nstatus: production\nsearch: '\n| from read_ssa_enriched_events()\n| where cmd_line != null\n'\ntags:\n  mitre_attack_id:\n  - T1003\n",
      {
        rule: { kind: 'splunk', name: 'X', file: 'f.yml', line: 1, refs: [{ raw: 'T1003', line: 10, id: 'T1003' }], level: 0.9, levelReason: 'splunk status production, type TTP -> 0.9' },
        notes: [
          {
            line: 5,
            message: 'lines 5-7 continue a quoted value without indenting it, which YAML does not allow (deficient indentation); read as PyYAML reads them. Indent them to fix the file',
          },
        ],
      },
    ],
    [
      'a file that is still no YAML after that reading: the value at the key\'s indentation, then the [ not closed',
      "name: X\nsearch: '\n| s\n'\ntags: [\n",
      {
        invalid: {
          line: 3,
          column: 1,
          // One problem for the file, its two errors numbered in it (before, the second was a note of its own).
          message:
            'not valid YAML: 2 syntax errors: (1) line 3, column 1: lines 3-4 continue the value of "search" (line 2) at the key\'s own indentation, so YAML ends the value before them and reads them as a key without ":"; indent them 2 spaces more than "search", or write the value as a block: search: |; (2) line 5, column 7: the list [ opened on this line is not closed; end it with ] on this line (or indent its next lines under its key)',
        },
      },
    ],
  ];
  for (const [what, text, expected, file = 'f.yml'] of cases) {
    it(what, () => {
      expect(parseRuleFile(text, file)).to.deep.equal(expected);
    });
  }

  it("reads a rule Kibana holds written as TOML (its fields at the top, [[threat]]) as a deployed rule, and a disabled one as ignored", () => {
    const kibana = [
      'name = "Possible SharpHound Collection Options"',
      'rule_id = "9d1f2e3a-4b5c-4d6e-8f70-a1b2c3d4e5f6"',
      'enabled = true',
      'severity = "high"',
      'tags = [ "Windows", "Alert" ]',
      '[[threat]]',
      'framework = "MITRE ATT&CK"',
      '  [[threat.technique]]',
      '  id = "T1087"',
      '  name = "Account Discovery"',
      '    [[threat.technique.subtechnique]]',
      '    id = "T1087.002"',
      '    name = "Domain Account"',
      '',
    ].join('\n');
    expect(parseRuleFile(kibana, 'f.toml')).to.deep.equal({
      rule: {
        kind: 'elastic',
        name: 'Possible SharpHound Collection Options',
        file: 'f.toml',
        line: 1,
        refs: [{ raw: 'T1087.002', line: 12, id: 'T1087.002' }],
        level: 0.9,
        levelReason: 'elastic rule deployed in Kibana, severity high -> 0.9',
        id: '9d1f2e3a-4b5c-4d6e-8f70-a1b2c3d4e5f6',
        platforms: ['Windows'],
      },
    });
    expect(parseRuleFile(kibana.replace('enabled = true', 'enabled = false'), 'f.toml')).to.deep.equal({
      ignored: { line: 1, name: 'Possible SharpHound Collection Options', reason: 'disabled in Kibana (enabled: false)' },
    });
  });

  it('reads an Elastic Defend behavior rule ([[threat]] beside [rule], os_list, no maturity or severity) as a production rule of medium severity', () => {
    // The layout of elastic/protections-artifacts behavior/rules/credential_access_lsass_memory_dump_via_minidumpwritedump.toml,
    // reconstructed: its techniques were read as none, the rule ignored ("no ATT&CK technique").
    const behavior = [
      '[rule]',
      'description = "Access to LSASS through a memory dump API."',
      'id = "0a1b2c3d-0000-4000-8000-000000000001"',
      'name = "LSASS dump through a debugging API"',
      'os_list = ["windows"]',
      "query = '''",
      'any where event.category : "api" and Target.process.name : "lsass.exe"',
      "'''",
      'min_endpoint_version = "8.7.0"',
      '[[actions]]',
      'action = "kill_process"',
      'field = "process.entity_id"',
      '[[threat]]',
      'framework = "MITRE ATT&CK"',
      '[[threat.technique]]',
      'id = "T1003"',
      'name = "OS Credential Dumping"',
      '[[threat.technique.subtechnique]]',
      'id = "T1003.001"',
      'name = "LSASS Memory"',
      '[threat.tactic]',
      'id = "TA0006"',
      'name = "Credential Access"',
      '[internal]',
      'min_endpoint_version = "8.7.0"',
      '',
    ].join('\n');
    const level = ELASTIC_WEIGHTS.maturity.production * ELASTIC_WEIGHTS.severity.medium;
    expect(parseRuleFile(behavior, 'behavior/rules/credential_access_lsass_dump.toml')).to.deep.equal({
      rule: {
        kind: 'elastic',
        name: 'LSASS dump through a debugging API',
        file: 'behavior/rules/credential_access_lsass_dump.toml',
        line: 4,
        refs: [{ raw: 'T1003.001', line: 19, id: 'T1003.001' }],
        level,
        levelReason: `elastic Defend behavior rule (runs on the endpoint, counted as production), no severity (counted as medium) -> ${level}`,
        tactics: ['TA0006'],
        tags: [{ raw: 'TA0006', line: 22 }],
        platforms: ['Windows'],
        // Its query's `api where …`: ECS's category of Elastic Defend's API events.
        eventCategories: ['api'],
      },
    });
    // A detection rule's [rule] without a threat of its own stays a rule naming no technique, whatever the file holds beside it.
    const detection = ['[metadata]', 'maturity = "production"', '[rule]', 'name = "No threat"', 'severity = "high"', '[[threat]]', 'framework = "MITRE ATT&CK"', '[[threat.technique]]', 'id = "T1003"', ''].join('\n');
    expect(parseRuleFile(detection, 'f.toml')).to.have.property('ignored');
  });

  it('ignores an Elastic rule whose [rule] table says enabled = false, as a disabled rule of a Kibana export', () => {
    // The shape of a lab's detection-as-code fixture (find_string id 62514169189): `enabled = false` in `[rule]`.
    const rule = (enabled: string): string =>
      ['[metadata]', 'creation_date = "2026/01/02"', '[rule]', 'author = ["Lab Author"]', enabled, 'name = "Archive, inspect"', 'severity = "medium"', 'type = "query"',
        '[[rule.threat]]', 'framework = "MITRE ATT&CK"', '[rule.threat.tactic]', 'id = "TA0009"', 'name = "Collection"',
        '[[rule.threat.technique]]', 'id = "T1074"', 'name = "Data Staged"', '[[rule.threat.technique.subtechnique]]', 'id = "T1074.001"', 'name = "Local Data Staging"', ''].join('\n');
    expect(parseRuleFile(rule('enabled = false'), 'f.toml')).to.deep.equal({ ignored: { line: 5, name: 'Archive, inspect', reason: 'disabled (enabled = false)' } });
    const enabled = parseRuleFile(rule('enabled = true'), 'f.toml');
    expect(enabled).to.have.property('rule').that.deep.include({ refs: [{ raw: 'T1074.001', line: 18, id: 'T1074.001' }] });
  });

  /** The platforms parseRuleFile reads of an Elastic rule of that name, technique and `tags` (a TOML list's items). */
  const elasticPlatforms = (name: string, technique: string, tags: string): unknown => {
    const toml = ['[metadata]', 'maturity = "production"', '[rule]', `name = "${name}"`, 'severity = "medium"', `tags = [${tags}]`,
      '[[rule.threat]]', 'framework = "MITRE ATT&CK"', '[[rule.threat.technique]]', `id = "${technique}"`, ''].join('\n');
    const outcome = parseRuleFile(toml, 'f.toml');
    return 'rule' in outcome ? outcome.rule.platforms : outcome;
  };

  it('reads the bare OS tags of Elastic rules written before 2023 ("Windows", not "OS: Windows") as their platforms', () => {
    // The shape of detection-rules 2020-2022 (rules/windows/command_and_control_remote_file_copy_scripts.toml, 2022).
    const platforms = (tags: string): unknown => elasticPlatforms('Remote File Download via Script Interpreter', 'T1105', tags);
    expect(platforms('"Elastic", "Host", "Windows", "Threat Detection", "Command and Control"')).to.deep.equal(['Windows']);
    expect(platforms('"Elastic", "Host", "Linux", "macOS"')).to.deep.equal(['Linux', 'macOS']);
    expect(platforms('"Domain: Endpoint", "OS: Windows"')).to.deep.equal(['Windows']);
    expect(platforms('"Elastic", "Host", "Threat Detection"')).to.equal(undefined);
  });

  it('reads the Platform tags of Elastic rules as their ATT&CK platforms (Platform: AWS, Platform: Windows)', () => {
    // elastic/detection-rules at 0972ffaa91eaa4c7bd91f9ab82a531127333a2e6,
    // rules/integrations/aws/credential_access_root_console_failure_brute_force.toml (Elastic License 2.0; its shape
    // written here): T1110 (which runs on Windows, Linux, macOS and more), tags "Domain: Cloud", "Platform: AWS". Its
    // tag vocabulary (detection_rules/schemas/definitions.py, EXPECTED_RULE_TAGS) names the others.
    const platforms = (tags: string): unknown => elasticPlatforms('AWS Management Console Brute Force of Root User Identity', 'T1110', tags);
    expect(platforms('"Domain: Cloud", "Platform: AWS", "Data Source: AWS CloudTrail", "Rule Type: Threshold", "Tactic: Credential Access"')).to.deep.equal(['AWS']);
    expect(platforms('"Domain: Endpoint", "Platform: Windows", "Platform: macOS"')).to.deep.equal(['Windows', 'macOS']);
    expect(platforms('"Platform: Entra ID", "Platform: Microsoft 365", "Platform: Kubernetes", "Platform: GCP", "Platform: Azure"')).to.deep.equal([
      'Azure AD',
      'Office 365',
      'Containers',
      'GCP',
      'Azure',
    ]);
    expect(platforms('"Domain: Cloud", "Platform: Wiz"')).to.equal(undefined);
  });

  it('reads a Splunk detection whose every data source is AWS CloudTrail as an AWS rule', () => {
    // splunk/security_content (Apache-2.0) at 01d534add7d2d760dfb2faac32ab1ad336acceaf, detections/cloud/aws_createloginprofile.yml:
    // T1136 (Create Account, which runs on Windows too) from two CloudTrail events; asl_aws_create_access_key.yml at
    // 22d38c50b395abb4ba3799c0b7250776920e2d43 reads Amazon Security Lake's `ASL AWS CloudTrail`. Shapes written here.
    const detection = (sources: string[]): unknown => {
      const outcome = parseRuleFile(
        ['name: AWS CreateLoginProfile', 'status: production', 'type: TTP', 'data_source:', ...sources.map((source) => `- ${source}`), "search: '`cloudtrail` eventName = CreateLoginProfile'", 'tags:', '  asset_type: AWS Account', '  mitre_attack_id:', '  - T1136.003', '  - T1136', ''].join('\n'),
        'aws_createloginprofile.yml',
      );
      return 'rule' in outcome ? outcome.rule.platforms : outcome;
    };
    expect(detection(['AWS CloudTrail CreateLoginProfile', 'AWS CloudTrail ConsoleLogin'])).to.deep.equal(['AWS']);
    expect(detection(['ASL AWS CloudTrail'])).to.deep.equal(['AWS']);
    // A search of AWS and Windows logs together fires on both (it counted everywhere before source-platforms.ts).
    expect(detection(['AWS CloudTrail ConsoleLogin', 'Sysmon EventID 1'])).to.deep.equal(['AWS', 'Windows']);
    expect(detection(['Sysmon EventID 1', 'Windows Event Log Security 4688'])).to.deep.equal(['Windows']);
  });

  it('reads a Sentinel rule whose every connector is AWS (AWS, AWSS3) as an AWS rule', () => {
    // Azure/Azure-Sentinel (MIT) at 0a27e7edad968005ab17cab4fd1e9718a9d8e83f,
    // Solutions/Amazon Web Services/Analytic Rules/AWS_ConsoleLogonWithoutMFA.yaml: T1078 (Valid Accounts, which runs on
    // Windows too) from the AWS and AWSS3 connectors' AWSCloudTrail. Its shape written here.
    const rule = (connectors: string[]): unknown => {
      const outcome = parseRuleFile(
        ['id: d25b1998-a592-4bc5-8a3a-92b39eedb1bc', 'name: Login to AWS Management Console without MFA', 'severity: Low', 'requiredDataConnectors:',
          ...connectors.flatMap((id) => [`  - connectorId: ${id}`, '    dataTypes:', '      - AWSCloudTrail']), 'queryFrequency: 1d', 'queryPeriod: 1d',
          'relevantTechniques:', '  - T1078', 'query: |', '  AWSCloudTrail', '  | where EventName =~ "ConsoleLogin"', 'kind: Scheduled', ''].join('\n'),
        'AWS_ConsoleLogonWithoutMFA.yaml',
      );
      return 'rule' in outcome ? outcome.rule.platforms : outcome;
    };
    expect(rule(['AWS', 'AWSS3'])).to.deep.equal(['AWS']);
    // The tables its query reads decide before its connectors: AWSCloudTrail only, whatever else it lists.
    expect(rule(['AWS', 'SecurityEvents'])).to.deep.equal(['AWS']);
  });

  it('reads the cloud a Data Source tag names as the platform of an Elastic rule without Platform tags', () => {
    // elastic/detection-rules at 0042eb1179768107c05f70ebec1b33a117748d9b,
    // rules/integrations/aws/credential_access_iam_user_addition_to_group.toml (Elastic License 2.0; its shape written
    // here): T1098, which runs on Windows too, tags "Domain: Cloud", "Data Source: AWS", "Data Source: Amazon Web Services".
    const platforms = (tags: string): unknown => elasticPlatforms('AWS IAM User Addition to Group', 'T1098', tags);
    expect(platforms('"Domain: Cloud", "Data Source: AWS", "Data Source: Amazon Web Services", "Use Case: Identity and Access Audit"')).to.deep.equal(['AWS']);
    expect(platforms('"Domain: Cloud", "Data Source: Google Cloud Platform", "Data Source: GCP"')).to.deep.equal(['GCP']);
    // Okta is an identity provider, written by the name ATT&CK gave that platform before 16.0, as source-platforms.ts does.
    expect(platforms('"Domain: Identity", "Data Source: Okta"')).to.deep.equal(['Azure AD']);
    // Elastic writes Data Source: Azure on Azure activity rules and on Entra ID sign-in rules alike: no platform from it
    // (rules/integrations/azure/credential_access_entra_id_suspicious_signin.toml at the same commit: T1528, T1566.002).
    expect(platforms('"Domain: Cloud", "Data Source: Azure"')).to.equal(undefined);
    expect(platforms('"Domain: Cloud", "Domain: SaaS", "Data Source: Azure", "Data Source: Entra ID", "Data Source: Entra ID Sign-in"')).to.deep.equal(['Azure AD']);
  });

  it('reads the cloud a rule of before 2023 names in a bare tag, as its OS (Windows) was', () => {
    // elastic/detection-rules (Elastic License; shapes written here): rules/aws/defense_evasion_cloudtrail_logging_deleted.toml
    // of 2020, "AWS CloudTrail Log Deleted", T1562.001 (which runs on Windows too): tags "Elastic", "Cloud", "AWS";
    // rules/gcp/persistence_gcp_service_account_created.toml (T1136): "GCP"; rules/okta/
    // persistence_administrator_role_assigned_to_okta_user.toml (T1098): "Okta". They counted on every platform.
    const platforms = (tags: string): unknown => elasticPlatforms('AWS CloudTrail Log Deleted', 'T1562.001', tags);
    expect(platforms('"Elastic", "Cloud", "AWS", "Continuous Monitoring", "SecOps", "Log Auditing"')).to.deep.equal(['AWS']);
    expect(platforms('"Elastic", "Cloud", "AWS", "Amazon Web Services", "Continuous Monitoring"')).to.deep.equal(['AWS']);
    expect(platforms('"Elastic", "Cloud", "GCP", "Continuous Monitoring", "SecOps", "Identity and Access"')).to.deep.equal(['GCP']);
    expect(platforms('"Elastic", "Okta", "SecOps", "Monitoring", "Continuous Monitoring"')).to.deep.equal(['Azure AD']);
    expect(platforms('"Elastic", "Cloud", "Microsoft 365", "Continuous Monitoring"')).to.deep.equal(['Office 365']);
    expect(platforms('"Elastic", "Cloud", "Google Workspace", "Continuous Monitoring"')).to.deep.equal(['Google Workspace']);
    // A bare Azure says no more than Data Source: Azure: Azure AD rules wore it too.
    expect(platforms('"Elastic", "Cloud", "Azure", "Continuous Monitoring"')).to.equal(undefined);
  });

  it('notes a Splunk, Sentinel or Elastic rule without techniques whose references link to a technique page, with the field to list it in', () => {
    const link = 'https://attack.mitre.org/techniques/T1059/001/';
    const splunk = parseRuleFile(`name: X\nstatus: production\ntype: TTP\nsearch: s\nreferences:\n  - ${link}\n`, 'f.yml');
    expect(splunk).to.deep.equal({
      ignored: { line: 1, name: 'X', reason: 'no ATT&CK technique (its references link to T1059.001)' },
      notes: [
        {
          line: 6,
          message: 'no ATT&CK technique, but its references link to the ATT&CK page of T1059.001; the rule is not counted (a reference is a source, not what the rule detects): if it detects that technique, list T1059.001 under mitre_attack_id',
        },
      ],
    });
    expect(parseRuleFile(`name: Y\nseverity: High\nquery: q\nreferences: [${link}]\n`, 'f.yml').notes?.[0]?.message).to.match(/list T1059\.001 under relevantTechniques$/);
    const elastic = parseRuleFile(['[metadata]', 'maturity = "production"', '[rule]', 'name = "Z"', `references = ["${link}"]`, ''].join('\n'), 'f.toml');
    expect(elastic.notes).to.deep.equal([
      {
        line: 4,
        message: 'no ATT&CK technique, but its references link to the ATT&CK page of T1059.001; the rule is not counted (a reference is a source, not what the rule detects): if it detects that technique, list T1059.001 as techniques of its threat (framework "MITRE ATT&CK")',
      },
    ]);
  });

  it('names the tactics a Sentinel, Elastic or YARA-L rule mapped instead of techniques in the reason it is ignored', () => {
    // A hunting query as Azure-Sentinel (MIT) writes one mapped to tactics only: "Uncommon Port for Organization"
    // (code index file id 13567183240), its query shortened.
    const sentinel = [
      'id: 8812a547-13e6-4d0c-b38d-476fb7351c52',
      'name: Uncommon Port for Organization',
      'requiredDataConnectors:',
      '  - connectorId: AzureFirewall',
      'tactics:',
      '  - Defense Evasion',
      '  - Exfiltration',
      '  - CommandAndControl',
      'relevantTechniques: []',
      'query: "AZFWNetworkRule | distinct DestinationPort"',
      '',
    ].join('\n');
    expect(parseRuleFile(sentinel, 'f.yaml')).to.deep.equal({
      ignored: { line: 2, name: 'Uncommon Port for Organization', reason: 'no ATT&CK technique (tactics only: Defense Evasion, Exfiltration, CommandAndControl)' },
    });
    // An Elastic rule whose threat names a tactic and no technique, as detection-rules writes some machine learning rules.
    const elastic = ['[metadata]', 'maturity = "production"', '[rule]', 'name = "Z"', 'severity = "low"', '[[rule.threat]]', 'framework = "MITRE ATT&CK"', '[rule.threat.tactic]', 'id = "TA0011"', 'name = "Command and Control"', ''];
    expect(parseRuleFile(elastic.join('\n'), 'f.toml')).to.deep.equal({ ignored: { line: 4, name: 'Z', reason: 'no ATT&CK technique (tactics only: TA0011)' } });
    const yaraL = ['rule r {', '  meta:', '    mitre_attack_tactic = "Discovery, Collection"', '    severity = "Low"', '  events:', '    $e.metadata.event_type = "USER_LOGIN"', '  condition:', '    $e', '}', ''];
    expect(parseRuleFile(yaraL.join('\n'), 'f.yaral')).to.deep.equal({ ignored: { line: 1, name: 'r', reason: 'no ATT&CK technique (tactics only: Discovery, Collection)' } });
  });

  it('reads a file with `title` and `logsource` as Sigma even when it has `name` and `query` too', () => {
    const outcome = parseRuleFile('title: T\nname: N\nquery: q\nlogsource:\n  product: windows\ndetection:\n  sel: {a: 1}\n  condition: sel\ntags: [attack.t1047]\n', 'f.yml');
    expect('rule' in outcome && outcome.rule.kind).to.equal('sigma');
  });

  it('keeps the weight tables on one scale with Sigma: every weight in (0, 1]', () => {
    const all = [...Object.values(SPLUNK_WEIGHTS.status), ...Object.values(SPLUNK_WEIGHTS.type), ...Object.values(SENTINEL_WEIGHTS.severity), SENTINEL_WEIGHTS.hunting, ...Object.values(ELASTIC_WEIGHTS.maturity), ...Object.values(ELASTIC_WEIGHTS.severity), ELASTIC_WEIGHTS.buildingBlock];
    for (const weight of all) expect(weight).to.be.greaterThan(0).and.at.most(1);
  });
});

describe('parseElasticExport (a Kibana export of Elastic rules)', () => {
  const file = fileURLToPath(new URL('../fixtures/coverage/elastic-export/rules_export.ndjson', import.meta.url));
  const input = parseElasticExport(readFileSync(file, 'utf8'), 'rules_export.ndjson');

  it('reads the rules of the export, one per line, and nothing of its exception list and summary lines', () => {
    expect(input.kind).to.equal('elastic');
    expect(input.counts).to.deep.equal({ items: 5, rules: 3, ignored: 1, invalid: 1 });
    expect(input.rules.map((rule) => [rule.line, rule.name, rule.refs.map((ref) => ref.raw), rule.level, rule.platforms])).to.deep.equal([
      [1, 'LSASS Memory Read by an Unsigned Process', ['T1003.001'], 0.9, ['Windows']],
      [3, 'Shell Started by a Web Server', ['T1059'], 0.25, ['Linux']],
      [4, 'Encoded PowerShell Command', ['T1086'], 0.75, undefined],
    ]);
    expect(input.rules[0]?.levelReason).to.equal('elastic rule deployed in Kibana, severity high -> 0.9');
    expect(input.rules[0]?.id).to.equal('4c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f');
  });

  it('ignores a disabled rule and reports a line that is no JSON, with its number', () => {
    expect(input.ignored).to.deep.equal([{ file: 'rules_export.ndjson', line: 2, name: 'Service Created From a Temporary Folder', reason: 'disabled in Kibana (enabled: false)' }]);
    expect(input.problems.map((p) => [p.line, p.skipped])).to.deep.equal([[6, true]]);
    expect(input.problems[0]?.message).to.match(/^not JSON \(.*\); each line of a Kibana export is one JSON object$/);
  });
});

describe('a Kibana export of Elastic rules in a rule folder', () => {
  const exported = readFileSync(fileURLToPath(new URL('../fixtures/coverage/elastic-export/rules_export.ndjson', import.meta.url)), 'utf8');

  it('reads its rules as the folder\'s, as it reads the export given alone (it was "no rule of a format read here")', () => {
    const dir = freshTmpDir('kibana-export-folder');
    writeFileSync(join(dir, 'rules_export.ndjson'), exported);
    // Events exported as NDJSON name no rule_id: no rule file, left out of the count.
    writeFileSync(join(dir, 'events.ndjson'), '{"@timestamp":"2024-01-01T00:00:00Z","event":{"action":"DeleteTrail"}}\n');
    const alone = parseElasticExport(exported, join(dir, 'rules_export.ndjson'));
    const input = readRuleFolder(dir);
    expect(input.counts).to.deep.equal(alone.counts);
    expect(input.rules.map((rule) => [rule.name, rule.line, rule.refs.map((ref) => ref.raw), rule.level, rule.platforms])).to.deep.equal(
      alone.rules.map((rule) => [rule.name, rule.line, rule.refs.map((ref) => ref.raw), rule.level, rule.platforms]),
    );
    expect(input.ignored.map((item) => item.name)).to.deep.equal(['Service Created From a Temporary Folder']);
  });
});

describe("parseElasticExport: what the export's summary line says the file lacks", () => {
  // The rule line and summary of Kibana's _export API asked for rules "a" and "b" when it holds only "a" (the shape of
  // Kibana's own export tests: missing_rules lists each rule_id it did not find).
  const rule = JSON.stringify({
    rule_id: 'a',
    name: 'LSASS Memory Read',
    enabled: true,
    severity: 'high',
    threat: [{ framework: 'MITRE ATT&CK', tactic: { id: 'TA0006', name: 'Credential Access', reference: '' }, technique: [{ id: 'T1003', name: 'OS Credential Dumping', reference: '', subtechnique: [{ id: 'T1003.001', name: 'LSASS Memory', reference: '' }] }] }],
  });
  const exportOf = (summary: object) => `${rule}\n${JSON.stringify(summary)}\n`;

  it('notes the rules Kibana did not export, by rule_id, at the summary line', () => {
    const input = parseElasticExport(exportOf({ exported_count: 1, exported_rules_count: 1, missing_rules: [{ rule_id: 'b' }], missing_rules_count: 1 }), 'export.ndjson');
    expect(input.counts).to.deep.equal({ items: 1, rules: 1, ignored: 0, invalid: 0 });
    expect(input.problems).to.deep.equal([
      {
        file: 'export.ndjson',
        line: 2,
        message: "the export's summary lists 1 rule Kibana did not export (missing_rules: b): not in this file, so not counted; check their rule_id in Kibana and export again",
        skipped: false,
      },
    ]);
  });

  it('notes a file holding fewer rule lines than the summary says were exported', () => {
    const input = parseElasticExport(exportOf({ exported_count: 3, exported_rules_count: 3, missing_rules: [], missing_rules_count: 0 }), 'export.ndjson');
    expect(input.problems.map((problem) => [problem.line, problem.message])).to.deep.equal([
      [2, "the export's summary says 3 rules were exported, and the file holds 1: it was cut short or edited since; export it again to review every rule"],
    ]);
  });

  it('says nothing when the summary agrees with the file (Kibana 7 writes no exported_rules_count)', () => {
    expect(parseElasticExport(exportOf({ exported_count: 1, exported_rules_count: 1, missing_rules: [], missing_rules_count: 0 }), 'x.ndjson').problems).to.deep.equal([]);
    expect(parseElasticExport(exportOf({ exported_count: 1, missing_rules: [], missing_rules_count: 0 }), 'x.ndjson').problems).to.deep.equal([]);
  });
});

describe('parseSentinelExport (a Sentinel export of analytic rules, an ARM template)', () => {
  const file = fileURLToPath(new URL('../fixtures/coverage/sentinel-export/analytic_rules_export.json', import.meta.url));
  const text = readFileSync(file, 'utf8');
  const value: unknown = JSON.parse(text);
  const input = parseSentinelExport(value, text, 'export.json');

  it('is told from other JSON by its template schema and alert-rule resources', () => {
    expect(kindOfValue(value)).to.equal('sentinel-export');
    expect(kindOfValue({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', resources: [{ type: 'Microsoft.Web/sites' }] })).to.equal(undefined);
  });

  it('reads each alert rule: sub-techniques for their listed parent, severity as the weight, the line of its displayName', () => {
    expect(input.counts).to.deep.equal({ items: 4, rules: 2, ignored: 2, invalid: 0 });
    expect(input.rules.map((rule) => [rule.line, rule.name, rule.refs.map((ref) => ref.raw), rule.levelReason])).to.deep.equal([
      [17, 'Password spray against many accounts', ['T1110.003'], 'sentinel analytic rule deployed (Scheduled), severity High -> 0.9'],
      [41, 'Kerberoasting: many RC4 service tickets', ['T1208'], 'sentinel analytic rule deployed (NRT), severity Medium -> 0.75'],
    ]);
    expect(input.rules[0]?.id).to.equal('2b3c4d5e-0002-4f60-9bac-1d2e3f4a5b61');
  });

  it('ignores a disabled rule and one without a technique, and notes a technique that is no ID', () => {
    expect(input.ignored.map((item) => [item.line, item.reason])).to.deep.equal([
      [56, 'disabled in Sentinel (enabled: false)'],
      [72, 'no ATT&CK technique'],
    ]);
    expect(input.problems).to.deep.equal([{ file: 'export.json', line: 41, message: '"Credential Access" is not a technique ID (T1234 or T1234.001); it is skipped', skipped: false }]);
  });

  describe('alert rules as the REST API returns them, and a Content Hub package', () => {
    // The shape of GET …/alertRules (Microsoft's REST reference: { value: [ { id, name, etag, type, kind, properties } ] })
    // and of one rule's GET (a README's sample output, /tmp/s41-gap/real/sentinel-rest-get-rule.json).
    const rule = (displayName: string, techniques: string[], enabled = true) => ({
      id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/w/providers/Microsoft.SecurityInsights/alertRules/${displayName.length}`,
      name: String(displayName.length),
      etag: '"0300bf09-0000-0000-0000-5c37296e0000"',
      type: 'Microsoft.SecurityInsights/alertRules',
      kind: 'Scheduled',
      properties: { displayName, severity: 'High', enabled, tactics: ['CredentialAccess'], techniques, query: 'SigninLogs' },
    });
    const list = { value: [rule('Password spray against many accounts', ['T1110']), rule('Notify dns query events', [], false)] };

    it('is told from other JSON: a value list, a list and one rule of type …/alertRules', () => {
      expect([list, list.value, list.value[0]].map(kindOfValue)).to.deep.equal(['sentinel-export', 'sentinel-export', 'sentinel-export']);
      expect(kindOfValue({ value: [{ type: 'Microsoft.Web/sites', properties: {} }] })).to.equal(undefined);
    });

    it('reads the REST list as an Export, saying so, and covers T1110 of enterprise-attack 18.1', () => {
      const text = JSON.stringify(list, null, 2);
      const read = parseSentinelExport(list, text, 'rules.json');
      expect(read.counts).to.deep.equal({ items: 2, rules: 1, ignored: 1, invalid: 0 });
      expect(read.notes).to.deep.equal(["rules.json: read as the REST API's list of Sentinel alert rules (value: GET …/alertRules); each counts as a rule of an Export does"]);
      expect(read.ignored.map((item) => item.reason)).to.deep.equal(['disabled in Sentinel (enabled: false)']);
      const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
      const resolved = resolveCoverage([read], library.release('enterprise-attack', '18.1'));
      expect(resolved.rules.map((r) => [r.rule.name, r.ids])).to.deep.equal([['Password spray against many accounts', ['T1110']]]);
    });

    it("ignores each analytic rule template of a Content Hub solution package's mainTemplate, saying a workspace does not run it", () => {
      // The shape of Azure-Sentinel's Solutions/*/Package/mainTemplate.json: contentTemplates whose mainTemplate holds an AlertRuleTemplates resource.
      const template = {
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        resources: [
          {
            type: 'Microsoft.OperationalInsights/workspaces/providers/contentTemplates',
            properties: {
              contentKind: 'AnalyticsRule',
              mainTemplate: {
                resources: [{ type: 'Microsoft.SecurityInsights/AlertRuleTemplates', kind: 'Scheduled', properties: { displayName: '1Password - Changes to SSO configuration', techniques: ['T1556'] } }],
              },
            },
          },
        ],
      };
      expect(kindOfValue(template)).to.equal('sentinel-export');
      const read = parseSentinelExport(template, JSON.stringify(template, null, 2), 'mainTemplate.json');
      expect(read.counts).to.deep.equal({ items: 1, rules: 0, ignored: 1, invalid: 0 });
      expect(read.ignored).to.deep.equal([
        {
          file: 'mainTemplate.json',
          line: 14,
          name: '1Password - Changes to SSO configuration',
          reason: 'an analytic rule template of a Content Hub solution package, which a workspace runs only once a rule is created from it: export the rules enabled in Sentinel > Analytics',
        },
      ]);
    });

    it('gives two templates of one name in a newer package, which writes each name twice, each its own line', () => {
      // The newer packaging (Azure-Sentinel's Solutions/*/Package/mainTemplate.json since contentTemplates): the rule's
      // displayName inside mainTemplate, then again in the contentTemplates resource's own properties.
      const content = (techniques: string[]) => ({
        type: 'Microsoft.OperationalInsights/workspaces/providers/contentTemplates',
        properties: {
          contentKind: 'AnalyticsRule',
          mainTemplate: {
            resources: [{ type: 'Microsoft.SecurityInsights/AlertRuleTemplates', kind: 'Scheduled', properties: { displayName: 'Dev-0270 WMIC  Discovery', techniques } }],
          },
          displayName: 'Dev-0270 WMIC  Discovery',
        },
      });
      const template = { resources: [content(['T1047']), content(['T1082'])] };
      const text = JSON.stringify(template, null, 2);
      const written = text.split('\n').flatMap((line, i) => (line.includes('"displayName"') ? [i + 1] : []));
      expect(written).to.have.length(4);
      const read = parseSentinelExport(template, text, 'mainTemplate.json');
      // Each template's line is its own rule's displayName: the first and the third written, not the first and the second.
      expect(read.ignored.map((item) => item.line)).to.deep.equal([written[0], written[2]]);
    });
  });
});

describe('Sekoia.io rules (SEKOIA-IO/Community sigma_rules/, format version 2.0)', () => {
  // The shape of SEKOIA-IO/Community's sigma_rules/host/attrib_hiding_files.yml and correlation_iso-lnk_chain.yml:
  // its name in `rule`, a Sigma `detection` (or a `correlation` of Sigma documents), `alert_severity` 0-100, `attack`.
  const sekoia = (body: string, severity = 'alert_severity: 50\n') =>
    [
      'version: 2.0',
      'uuid: 7b4dabe9-63e4-4361-8623-f47d96649722',
      'rule: Hiding Files With Attrib.exe',
      'description: >-',
      '  Detects usage of attrib.exe to hide files from users.',
      'effort: advanced',
      body,
      'alert_category: intrusions',
      `${severity}attack:`,
      '  - T1564.001',
      'data_sources:',
      '  - Process command-line parameters',
      '  - Windows event logs',
      '',
    ].join('\n');
  const detection = "detection:\n  selection1:\n    process.name: 'attrib.exe'\n  condition: selection1";
  const correlation = 'correlation: |\n  name: iso_created\n  detection:\n    selection:\n      file.extension: iso\n    condition: selection\n  ---\n  action: correlation\n  type: temporal\n  rule:\n    - iso_created\n  timespan: 5m';

  it('reads a rule: its attack techniques, alert_severity / 100, its uuid and data sources', () => {
    expect(parseRuleFile(sekoia(detection), 'attrib_hiding_files.yml')).to.deep.equal({
      rule: {
        kind: 'sekoia',
        name: 'Hiding Files With Attrib.exe',
        file: 'attrib_hiding_files.yml',
        line: 3,
        refs: [{ raw: 'T1564.001', line: 14, id: 'T1564.001' }],
        level: 0.5,
        levelReason: 'sekoia alert_severity 50 / 100 -> 0.5',
        id: '7b4dabe9-63e4-4361-8623-f47d96649722',
        dataSources: ['Process command-line parameters', 'Windows event logs'],
      },
    });
  });

  it('reads a correlation rule as one rule, and notes a missing alert_severity', () => {
    const outcome = parseRuleFile(sekoia(correlation, ''), 'correlation_iso-lnk_chain.yml');
    expect('rule' in outcome && [outcome.rule.kind, outcome.rule.refs.map((ref) => ref.id), outcome.rule.levelReason]).to.deep.equal([
      'sekoia',
      ['T1564.001'],
      'sekoia alert_severity (none, counted as 50) / 100 -> 0.5',
    ]);
    expect(outcome.notes).to.deep.equal([{ line: 3, message: 'alert_severity missing; counted as 50' }]);
  });

  it('covers T1564.001 of enterprise-attack 18.1 in a folder of Sekoia rules', () => {
    const dir = freshTmpDir('sekoia-rules');
    writeFileSync(join(dir, 'attrib_hiding_files.yml'), sekoia(detection));
    const input = readRuleFolder(dir);
    expect([input.kind, input.counts]).to.deep.equal(['sekoia', { items: 1, rules: 1, ignored: 0, invalid: 0 }]);
    const library = new AttackLibrary({ envDir: stixDir(), cacheDir: testCacheDir() });
    expect(resolveCoverage([input], library.release('enterprise-attack', '18.1')).rules.map((r) => r.ids)).to.deep.equal([['T1564.001']]);
  });
});

describe('parseRuleFile (an Elastic ES|QL rule, which states no index)', () => {
  // The shape of elastic/detection-rules' rules/linux/credential_access_credential_dumping_esql.toml: `type = "esql"`,
  // `language = "esql"`, no `index`, the query's source command naming the indexes over two lines; our own short text.
  const toml = (index: string) =>
    [
      '[metadata]',
      'maturity = "production"',
      '',
      '[rule]',
      'language = "esql"',
      'name = "ESQL Unshadow Run"',
      'risk_score = 47',
      'rule_id = "00000000-0000-4000-8000-000000000002"',
      'severity = "medium"',
      'tags = ["OS: Linux"]',
      'type = "esql"',
      ...(index ? [index] : []),
      "query = '''",
      '// the unshadow utility of John the Ripper',
      'from logs-endpoint.events.*, logs-endpoint.events.process*',
      '    | where host.os.type == "linux" and process.name == "unshadow"',
      "'''",
      '',
      '[[rule.threat]]',
      'framework = "MITRE ATT&CK"',
      '[[rule.threat.technique]]',
      'id = "T1003"',
      'name = "OS Credential Dumping"',
      '',
    ].join('\n');
  const dataSources = (text: string) => {
    const outcome = parseRuleFile(text, 'esql.toml');
    return 'rule' in outcome ? outcome.rule.dataSources : outcome;
  };

  it('reads the indexes its query reads from (it stated none, so its log source was not stated)', () => {
    expect(dataSources(toml(''))).to.deep.equal(['logs-endpoint.events.*', 'logs-endpoint.events.process*']);
  });

  it('keeps an index it states', () => {
    expect(dataSources(toml('index = ["logs-endpoint.events.process-*"]'))).to.deep.equal(['logs-endpoint.events.process-*']);
  });
});

describe('parseRuleFile (Elastic hunting queries, a [hunt] table)', () => {
  // The shape of elastic/detection-rules' hunting/aws/queries/*.toml (iam_user_activity_with_no_mfa_session.toml): a
  // [hunt] table with name, uuid, integration and the technique IDs in `mitre`; our own short query text.
  const hunt = [
    '[hunt]',
    'author = "Elastic"',
    'description = "Finds IAM user activity without an MFA session."',
    'integration = ["aws.cloudtrail"]',
    'uuid = "00000000-0000-4000-8000-000000000001"',
    'name = "IAM User Activity with No MFA Session"',
    'language = ["ES|QL"]',
    "mitre = ['TA0001', 'T1078', 'T1078.004', 'Valid Accounts']",
    "query = ['''from logs-aws.cloudtrail-* | stats count(*) by event.action''']",
    '',
  ].join('\n');

  it('covers the technique IDs of its mitre list at the weight of a hunting query, a parent through its sub-technique, an item of no ID noted', () => {
    expect(parseRuleFile(hunt, 'hunt.toml')).to.deep.equal({
      rule: {
        kind: 'elastic',
        name: 'IAM User Activity with No MFA Session',
        id: '00000000-0000-4000-8000-000000000001',
        file: 'hunt.toml',
        line: 6,
        refs: [{ raw: 'T1078.004', line: 8, id: 'T1078.004' }],
        level: ELASTIC_WEIGHTS.hunting,
        levelReason: 'elastic hunting query (run by a hunter, no alert) -> 0.25',
        dataSources: ['aws.cloudtrail'],
        tactics: ['TA0001'],
        tags: [{ raw: 'TA0001', line: 8 }],
      },
      notes: [{ line: 8, message: 'a mitre item "Valid Accounts" is not a technique ID (T1234 or T1234.001); it is skipped' }],
    });
  });

  it('ignores a hunting query without a technique, and takes a folder of them as elastic', () => {
    expect(parseRuleFile(hunt.replace(/^mitre = .*$/m, 'mitre = []'), 'hunt.toml')).to.deep.equal({
      ignored: { line: 6, name: 'IAM User Activity with No MFA Session', reason: 'no ATT&CK technique in its mitre list' },
    });
    const dir = freshTmpDir('elastic-hunt');
    writeFileSync(join(dir, 'iam_user_activity_with_no_mfa_session.toml'), hunt);
    const input = readRuleFolder(dir);
    expect([input.kind, input.counts]).to.deep.equal(['elastic', { items: 1, rules: 1, ignored: 0, invalid: 0 }]);
  });
});
