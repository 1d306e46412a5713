/**
 * A rule of mail data (Defender for Office 365's EmailEvents, Splunk's `gsuite_gmail`, the Microsoft 365 audit feed's
 * TIMailData records) fires on Office Suite or Google Workspace, and did not count for a phishing threat on Windows
 * alone: `gap` listed it under "Not counted, for other platforms", though the phishing that reached the Windows victim
 * passed through the mail it reads. It now counts for a technique delivered by mail (lib/coverage/mail-delivery.ts), and
 * every report says why: "counted for delivery: reads mail (EmailEvents)". A rule of sign-ins or consents tagged
 * T1566.002 still does not, nor does a mail rule for Spearphishing via Service. Rules: test/fixtures/coverage/mail-delivery
 * (its README names the public rules each is shaped after).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import { countsForDelivery, elasticMailData, isMailDelivered, kqlMailData, pantherTestsGmail, sigmaMailData, splunkMailData } from '../../lib/coverage/mail-delivery.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { parseCsv } from '../../lib/coverage/parse-csv.js';
import { parseDefenderRules } from '../../lib/coverage/read-defender-rules.js';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { parseSentinelExport } from '../../lib/coverage/read-sentinel-export.js';
import { schemaIssues } from '../../lib/schemas.js';
import { freshTmpDir, runCli, stixDir } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const rules = 'test/fixtures/coverage/mail-delivery';
const IDS = ['T1566', 'T1566.001', 'T1566.002', 'T1566.003'];
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** The rows of `gap` (JSON) run on a Windows threat layer of `ids` with the rules of `coverage`, in a fresh folder named `name`. */
const gapRowsOnWindows = async (name: string, coverage: string, ids: readonly string[]): Promise<GapReportData['rows']> => {
  const out = freshTmpDir(name);
  writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ids)));
  const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', coverage, '--out', join(out, 'json'), '--report', 'json', '--quiet']);
  expect(run.code, run.stderr).to.equal(0);
  return readJson<GapReportData>(join(out, 'json', 'gap-report.json')).rows;
};

describe('attack-layers gap: a rule of mail data counts for a phishing threat on Windows, for delivery', () => {
  let out: string;
  let report: GapReportData;

  /** The gap run on a Windows threat layer of IDS into `out/<format>`, at `--min-coverage` `min`. */
  const gap = async (format: string, min = '50'): Promise<string> => {
    const dir = join(out, `${format}-${min}`);
    const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', rules, '--out', dir, '--report', format, '--min-coverage', min, '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    return dir;
  };
  const row = (id: string) => report.rows.find((r) => r.id === id)!;

  before(async () => {
    out = freshTmpDir('gap-mail-delivery');
    writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], IDS)));
    report = readJson(join(await gap('json'), 'gap-report.json'));
  });

  it('counts the mail rules of T1566.001 on Windows, each saying what mail it reads; the device rule as before', () => {
    expect(row('T1566.001').rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['Outlook Spawning a Script Host', undefined],
      ['GSuite Email Suspicious Attachment', ['G Suite Gmail', 'gsuite_gmail']],
      ['O365 Threat Intelligence Suspicious Email Delivered', ['Office 365 Universal Audit Log (TIMailData)']],
    ]);
    expect([row('T1566.001').platformsCovered, row('T1566.001').otherPlatformRules]).to.deep.equal([['Windows'], []]);
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
  });

  it('counts the EmailEvents query of T1566.002, not the consent rules of the same technique, which read no mail', () => {
    const link = row('T1566.002');
    expect(link.rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['Phishing link delivered to an inbox', ['EmailEvents', 'EmailUrlInfo']],
      ['O365 Threat Intelligence Suspicious Email Delivered', ['Office 365 Universal Audit Log (TIMailData)']],
    ]);
    expect(link.otherPlatformRules.map((r) => [r.name, r.platforms])).to.deep.equal([
      ['O365 OAuth Consent Granted by User', ['Identity Provider', 'Office Suite']],
      ['M365 Identity OAuth Illicit Consent Grant by Rare Client and User', ['Office Suite']],
    ]);
  });

  it('counts the Gmail rule for T1566 Phishing too; T1566.003 Spearphishing via Service stays a gap', () => {
    expect(row('T1566').rules.map((r) => [r.name, r.delivery])).to.deep.equal([['GSuite Email Suspicious Attachment', ['G Suite Gmail', 'gsuite_gmail']]]);
    expect([row('T1566.003').gap, row('T1566.003').rules]).to.deep.equal([true, []]);
  });

  it('says why in the review\'s notes, the Markdown, the CSV and the gap layer\'s comment', async () => {
    expect(report.notes.find((note) => note.startsWith('counted for delivery'))).to.equal(
      'counted for delivery: 3 techniques delivered by mail by rules that read mail, though their data is of another platform: a phishing mail passes the mail service on its way to a victim of any platform ' +
        '(T1566 Phishing (Windows; G Suite Gmail, gsuite_gmail), T1566.001 Spearphishing Attachment (Windows; G Suite Gmail, Office 365 Universal Audit Log (TIMailData), gsuite_gmail), ' +
        'T1566.002 Spearphishing Link (Windows; EmailEvents, EmailUrlInfo, Office 365 Universal Audit Log (TIMailData)))',
    );
    const markdown = readFileSync(join(await gap('md', '95'), 'gap-report.md'), 'utf8');
    expect(markdown).to.contain('Phishing link delivered to an inbox (75%; counted for delivery: reads mail (EmailEvents, EmailUrlInfo))');
    expect(markdown).to.contain(
      '\nCounted for delivery, as a phishing mail passes the mail service on its way to a victim of any platform: ' +
        'Phishing link delivered to an inbox reads mail (EmailEvents, EmailUrlInfo); O365 Threat Intelligence Suspicious Email Delivered reads mail (Office 365 Universal Audit Log (TIMailData)).\n',
    );
    const [header, ...lines] = parseCsv(readFileSync(join(await gap('csv'), 'gap-report.csv'), 'utf8')).rows.map((line) => line.cells);
    const csv = lines.find((line) => line[header!.indexOf('technique')] === 'T1566')!;
    expect(csv[header!.indexOf('rules')]).to.equal('GSuite Email Suspicious Attachment, counted for delivery: reads mail (G Suite Gmail, gsuite_gmail)');
    const layer = readJson<NavigatorLayer>(join(out, 'md-95', 'gap.layer.json'));
    const entry = layer.techniques!.find((t) => t.techniqueID === 'T1566.002')!;
    expect(entry.comment!.split('\n')[1]).to.equal(
      'counted for delivery, as a phishing mail passes the mail service on its way to a victim of any platform: ' +
        'Phishing link delivered to an inbox reads mail (EmailEvents, EmailUrlInfo); O365 Threat Intelligence Suspicious Email Delivered reads mail (Office 365 Universal Audit Log (TIMailData))',
    );
  });
});

describe('attack-layers gap: SigmaHQ\'s Microsoft 365 rule of TIMailData counts for a Windows phishing threat, for delivery', () => {
  // SigmaHQ/sigma (Detection Rule License 1.1) rules/cloud/m365/audit/microsoft365_suspicious_email_delivered.yml, copied
  // from ../shared/sigma at run time, never committed: `product: m365`, `service: audit`, `Operation: 'TIMailData'`.
  const sigma = join(stixDir(), '../sigma/rules/cloud/m365/audit/microsoft365_suspicious_email_delivered.yml');

  it('reads it as mail, and counts it for T1566.001 on Windows', async function () {
    if (!existsSync(sigma)) this.skip();
    const dir = freshTmpDir('gap-mail-sigma');
    mkdirSync(join(dir, 'rules'));
    copyFileSync(sigma, join(dir, 'rules', 'delivered.yml'));
    writeFileSync(join(dir, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1566.001'])));
    const run = await runCli(['gap', '--threat', join(dir, 'threat.json'), '--coverage', join(dir, 'rules'), '--out', join(dir, 'out'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const [row] = readJson<GapReportData>(join(dir, 'out', 'gap-report.json')).rows;
    expect([row!.id, row!.rules.map((r) => [r.name, r.delivery]), row!.otherPlatformRules]).to.deep.equal([
      'T1566.001', [['Suspicious Email Delivered In Microsoft 365', ['m365 audit (TIMailData)']]], [],
    ]);
  });

  it('proposes it from a rules library for a Windows gap of T1566.001, for delivery, where it was "for Office Suite only"', async function () {
    if (!existsSync(sigma)) this.skip();
    const dir = freshTmpDir('gap-mail-library');
    mkdirSync(join(dir, 'library'));
    copyFileSync(sigma, join(dir, 'library', 'delivered.yml'));
    writeFileSync(join(dir, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1566.001'])));
    const args = ['gap', '--threat', join(dir, 'threat.json'), '--coverage', 'test/fixtures/coverage/cloud-kql/kql', '--rules-library', join(dir, 'library'), '--quiet'];
    const run = await runCli([...args, '--out', join(dir, 'json'), '--report', 'json']);
    expect(run.code, run.stderr).to.equal(0);
    const report = readJson<GapReportData>(join(dir, 'json', 'gap-report.json'));
    const row = report.rows.find((r) => r.id === 'T1566.001')!;
    expect([row.library?.map((r) => [r.name, r.delivery]), row.libraryElsewhere]).to.deep.equal([[['Suspicious Email Delivered In Microsoft 365', ['m365 audit (TIMailData)']]], undefined]);
    expect(schemaIssues('gap-report', report)).to.deep.equal([]);
  });
});

describe('attack-layers gap: the Microsoft 365 audit\'s records of delivered mail, in an Elastic rule or a Splunk search, count for a Windows phishing threat', () => {
  let report: GapReportData;
  const row = (id: string) => report.rows.find((r) => r.id === id)!;

  before(async () => {
    const out = freshTmpDir('gap-mail-m365');
    writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1566', 'T1566.001', 'T1566.002'])));
    const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', 'test/fixtures/coverage/mail-delivery-m365', '--out', join(out, 'json'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    report = readJson(join(out, 'json', 'gap-report.json'));
  });

  it('counts Elastic\'s rule of the alert on a message a user reported, and Splunk\'s, for T1566.001 on Windows', () => {
    expect(row('T1566.001').rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['O365 Email Reported By User Found Malicious', ['O365 Universal Audit Log (Email reported by user as malware or phish)']],
      ['O365 Email Reported by User as Malware or Phish', ['o365.audit (Email reported by user as malware or phish)']],
    ]);
    expect(row('T1566.001').otherPlatformRules).to.deep.equal([]);
  });

  it('counts Elastic\'s rule of ThreatIntelligence records for T1566; not its rule of a Safe Links policy disabled, which reads no mail', () => {
    expect(row('T1566').rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['O365 Email Reported By User Found Malicious', ['O365 Universal Audit Log (Email reported by user as malware or phish)']],
      ['Threat Intelligence Signal - Microsoft Defender for Office 365', ['o365.audit (ThreatIntelligence)']],
    ]);
    expect(row('T1566').otherPlatformRules.map((r) => [r.name, r.platforms])).to.deep.equal([['M365 Exchange Safe Link Policy Disabled', ['Office Suite']]]);
  });
});

describe('attack-layers gap: a query of Safe Links clicks in Teams reads no mail, one of clicks in mail does', () => {
  it('counts the query of mail\'s clicks for T1566.002 on Windows, not the one that keeps Teams\' (Workload == "Teams")', async () => {
    const out = freshTmpDir('gap-mail-clicks');
    writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1566.002'])));
    const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', 'test/fixtures/coverage/mail-delivery-clicks', '--out', join(out, 'json'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const [row] = readJson<GapReportData>(join(out, 'json', 'gap-report.json')).rows;
    expect([row!.rules.map((r) => [r.name, r.delivery]), row!.otherPlatformRules.map((r) => [r.name, r.platforms])]).to.deep.equal([
      [['Phishing link clicked in a mail', ['UrlClickEvents']]],
      [['Phishing link clicked in a Teams chat', ['Office Suite', 'SaaS']]],
    ]);
  });
});

describe('attack-layers gap: a Panther rule whose Python keeps Gmail\'s events counts for a Windows phishing threat, for delivery', () => {
  // test/fixtures/coverage/mail-delivery-panther: pypanther classes; mail-delivery-panther-yaml: panther-analysis YAML
  // files, each naming its Python beside it (Filename:), as gsuite_links_clicked_in_spam_email.yml does (READMEs there).
  for (const [format, folder] of [['pypanther', 'mail-delivery-panther'], ['panther-analysis YAML', 'mail-delivery-panther-yaml']]) {
    it(`counts the ${format} rule that keeps Gmail's events for T1566.002; not the one of a Gmail setting an admin changed`, async () => {
      const rows = await gapRowsOnWindows(`gap-${folder}`, `test/fixtures/coverage/${folder}`, ['T1566', 'T1566.002']);
      const row = (id: string) => rows.find((r) => r.id === id)!;
      expect(row('T1566.002').rules.map((r) => [r.name, r.delivery])).to.deep.equal([['Link clicked in a Gmail message marked spam', ['GSuite.ActivityEvent (gmail)']]]);
      // GSuite.ActivityEvent holds the admin console's and the accounts' events too: Identity Provider beside Office Suite.
      expect([row('T1566').rules, row('T1566').otherPlatformRules.map((r) => [r.name, r.platforms])]).to.deep.equal([
        [],
        [['Gmail pre-delivery scanning disabled by an admin', ['Identity Provider', 'Office Suite']]],
      ]);
    });
  }

  it('reads the Python of a panther-analysis YAML given alone too, from the rule cache as from the file', () => {
    const cacheDir = freshTmpDir('gap-mail-panther-yaml-cache');
    const mailOf = () => readRuleFolder('test/fixtures/coverage/mail-delivery-panther-yaml/gsuite_spam_link_clicked.yml', { cacheDir }).rules.map((rule) => rule.mailData);
    expect([mailOf(), mailOf()]).to.deep.equal([[['GSuite.ActivityEvent (gmail)']], [['GSuite.ActivityEvent (gmail)']]]);
  });
});

describe('attack-layers gap: an email gateway\'s message logs count for a Windows phishing threat, for delivery; its console\'s audit does not read mail', () => {
  // test/fixtures/coverage/mail-delivery-gateway (README there): Azure-Sentinel's Proofpoint TAP and Mimecast rules, our
  // own saved searches of Proofpoint's and Cisco Secure Email's logs. Before, each read data of no known platform and
  // counted on every platform, saying nothing of mail; the Mimecast console's logons counted so too, and still do.
  let rows: GapReportData['rows'];
  const row = (id: string) => rows.find((r) => r.id === id)!;

  before(async () => {
    rows = await gapRowsOnWindows('gap-mail-gateway', 'test/fixtures/coverage/mail-delivery-gateway', ['T1566', 'T1566.001', 'T1566.002', 'T1110']);
  });

  it('counts Proofpoint\'s, Mimecast\'s and Cisco Secure Email\'s message logs for delivery, each saying what it reads', () => {
    expect(['T1566', 'T1566.001', 'T1566.002'].map((id) => row(id).rules.map((r) => [r.name, r.delivery]))).to.deep.equal([
      [['Mimecast Cloud Gateway URL Protect', ['MimecastCG']]],
      [['Proofpoint message with an executable attachment', ['pps_messagelog']], ['Proofpoint TAP malware attachment delivered', ['ProofpointTAPEvent']]],
      [['Cisco ESA message with a link to a new domain', ['cisco:esa:textmail']]],
    ]);
  });

  it('reads no mail in the Mimecast console\'s audit: its logon rule counts for T1110 as before, not for delivery', () => {
    expect(row('T1110').rules.map((r) => [r.name, r.delivery])).to.deep.equal([['Mimecast console logon failures', undefined]]);
  });

  it('reads a gateway\'s tables, parsers and source types of messages as mail, not those of its administration', () => {
    expect(kqlMailData([['ProofPointTAPClicksPermitted_CL'], ['ProofpointPOD_message_CL'], ['MimecastTTPUrl_CL'], ['MimecastAudit'], ['MimecastAudit_CL']])).to.deep.equal(['ProofPointTAPClicksPermitted_CL', 'ProofpointPOD_message_CL', 'MimecastTTPUrl_CL']);
    expect(splunkMailData([], 'index=proofpoint sourcetype=proofpoint_tap_siem classification=phish')).to.deep.equal(['proofpoint_tap_siem']);
    expect(splunkMailData([], 'index=email sourcetype=cisco:esa:http OR sourcetype=cisco:esa:authentication action=failure')).to.deep.equal([]);
  });

  it('reads the tables of Mimecast\'s connectors of 2024 on as mail: its gateway\'s, its Targeted Threat Protection\'s, its Cloud Integrated\'s', () => {
    // Azure-Sentinel Solutions/Mimecast/Parsers: MimecastCG reads Seg_Cg_CL, MimecastDLP Seg_Dlp_CL, MimecastTTPUrl
    // Ttp_Url_CL, MimecastCloudIntegrated Cloud_Integrated_CL (Data Connectors/MimecastCloudIntegrated: MimecastCIAPI).
    // Before, a query of these tables read no mail and counted on every platform.
    const tables = ['Seg_Cg_CL', 'Seg_Dlp_CL', 'Ttp_Attachment_CL', 'Ttp_Impersonation_CL', 'Ttp_Url_CL', 'Cloud_Integrated_CL', 'MimecastCloudIntegrated'];
    expect(kqlMailData(tables.map((table) => [table]))).to.deep.equal(tables);
    expect(kqlMailData([['Audit_CL']])).to.deep.equal([]);
  });
});

describe('mail-delivery: the techniques delivered by mail and the data of mail', () => {
  // ATT&CK 18.1's descriptions: by email (T1566.001 "malware attached to an email"), or through another channel.
  const delivered: [string, boolean][] = [
    ['T1566', true], ['T1566.001', true], ['T1566.002', true], ['T1566.003', false], ['T1566.004', false],
    ['T1598', true], ['T1598.001', false], ['T1598.002', true], ['T1598.003', true], ['T1598.004', false],
    ['T1534', true], ['T1193', true], ['T1192', true], ['T1194', false], ['T1059.001', false],
  ];
  for (const [id, mail] of delivered) it(`${id} is ${mail ? '' : 'not '}delivered by mail`, () => expect(isMailDelivered(id)).to.equal(mail));

  it('a rule of mail counts for Spearphishing Attachment on any platform, not for Spearphishing via Service; a rule of no mail never', () => {
    expect([countsForDelivery('T1566.001', { mailData: ['EmailEvents'] }), countsForDelivery('T1566.003', { mailData: ['EmailEvents'] }), countsForDelivery('T1566.001', {})]).to.deep.equal([true, false, false]);
  });

  it('reads the mail tables a KQL query needs, not one it may run without', () => {
    expect(kqlMailData([['EmailEvents'], ['DeviceProcessEvents'], ['EmailUrlInfo (optional: leftouter join)']])).to.deep.equal(['EmailEvents']);
  });

  it('reads UrlClickEvents as mail unless the query keeps only the clicks of other workloads than mail', () => {
    const clicks = (query: string) => kqlMailData([['UrlClickEvents']], query);
    expect(clicks('UrlClickEvents | where Workload == "Teams"')).to.deep.equal([]);
    expect(clicks("UrlClickEvents\n| where ThreatTypes has 'Phish' and Workload in ('Teams', 'Office')")).to.deep.equal([]);
    expect(clicks('UrlClickEvents | where Workload != "Email"')).to.deep.equal([]);
    expect(clicks('UrlClickEvents | where Workload in ("Email", "Teams")')).to.deep.equal(['UrlClickEvents']);
    expect(clicks('UrlClickEvents | where Workload == "Teams" or Url has "teams"')).to.deep.equal(['UrlClickEvents']);
    expect(clicks('UrlClickEvents | where ActionType == "ClickAllowed"')).to.deep.equal(['UrlClickEvents']);
    expect(kqlMailData([['EmailEvents'], ['UrlClickEvents']], 'EmailEvents | join UrlClickEvents on NetworkMessageId | where Workload =~ "Teams"')).to.deep.equal(['EmailEvents']);
  });

  it('reads the query of a Sentinel YAML rule, a Sentinel export and a Defender XDR custom detection so, as a .kql file\'s', () => {
    const teams = 'UrlClickEvents | where Workload == "Teams"';
    const mail = 'UrlClickEvents | where Workload == "Email"';
    const yaml = (query: string) => parseRuleFile(`id: 1\nname: Link clicked\nseverity: Medium\nrelevantTechniques:\n  - T1566.002\nquery: |\n  ${query}\n`, 'clicked.yaml');
    const exported = (query: string) =>
      parseSentinelExport({ type: 'Microsoft.SecurityInsights/alertRules', kind: 'Scheduled', properties: { displayName: 'Link clicked', severity: 'Medium', techniques: ['T1566'], subTechniques: ['T1566.002'], query } }, '{}', 'rule.json').rules[0]!;
    const defender = (queryText: string) =>
      parseDefenderRules({ value: [{ id: '1', displayName: 'Link clicked', status: 'enabled', queryCondition: { queryText }, detectionAction: { alertTemplate: { severity: 'medium', mitreTechniques: ['T1566.002'] } } }] }, '{}', 'rules.json').rules[0]!;
    const mailOf = (outcome: ReturnType<typeof parseRuleFile>) => ('rule' in outcome ? outcome.rule.mailData : 'no rule');
    expect([mailOf(yaml(teams)), mailOf(yaml(mail))]).to.deep.equal([undefined, ['UrlClickEvents']]);
    expect([exported(teams).mailData, exported(mail).mailData]).to.deep.equal([undefined, ['UrlClickEvents']]);
    expect([defender(teams).mailData, defender(mail).mailData]).to.deep.equal([undefined, ['UrlClickEvents']]);
  });

  it('reads the Microsoft 365 audit feed as mail only where the search asks for TIMailData', () => {
    expect(splunkMailData(['o365_management_activity'], '`o365_management_activity` Workload=ThreatIntelligence Operation=TIMailData')).to.deep.equal(['o365_management_activity (TIMailData)']);
    expect(splunkMailData(['o365_management_activity'], '`o365_management_activity` Operation="Consent to application."')).to.deep.equal([]);
    expect(splunkMailData(['o365_messagetrace'], '`o365_messagetrace` Status=Delivered')).to.deep.equal(['o365_messagetrace']);
  });

  it('reads a Splunk search of the message trace or the management activity feed by the source type it names, as a team\'s own search does', () => {
    // The message trace as teams search it (index=o365 sourcetype="o365:reporting:messagetrace" Status IN ("Delivered", "Quarantined")).
    expect(splunkMailData([], 'index=o365 sourcetype="o365:reporting:messagetrace" Status=Delivered')).to.deep.equal(['o365:reporting:messagetrace']);
    expect(splunkMailData([], 'index=o365 sourcetype=o365:management:activity Workload=ThreatIntelligence Operation=TIMailData')).to.deep.equal(['o365:management:activity (TIMailData)']);
    expect(splunkMailData([], 'index=o365 sourcetype=o365:management:activity Workload=Exchange Operation=New-InboxRule')).to.deep.equal([]);
    expect(splunkMailData([], 'index=o365 NOT sourcetype="o365:reporting:messagetrace" Status=Delivered')).to.deep.equal([]);
    // security_content's data source of the message trace (o365_email_send_and_hard_delete_exfiltration_behavior.yml).
    expect(splunkMailData(['Office 365 Reporting Message Trace'], undefined)).to.deep.equal(['Office 365 Reporting Message Trace']);
  });

  /** The gap run in `format` on a Windows threat of T1566.001 with one rule file, `name` holding `lines`: the report's path. */
  const gapOfOneRule = async (name: string, lines: readonly string[], format: 'json' | 'md'): Promise<string> => {
    const dir = freshTmpDir(`gap-mail-${name.replace(/\W/g, '-')}`);
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', name), [...lines, ''].join('\n'));
    writeFileSync(join(dir, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1566.001'])));
    const run = await runCli(['gap', '--threat', join(dir, 'threat.json'), '--coverage', join(dir, 'rules'), '--out', join(dir, 'out'), '--report', format, '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    return join(dir, 'out', `gap-report.${format}`);
  };

  /** The lines of a savedsearches.conf stanza, a correlation search `name` annotated T1566.001, of `search`. */
  const savedSearchOfT1566001 = (name: string, search: string): string[] => [
    `[${name}]`,
    'action.correlationsearch.enabled = 1',
    'action.correlationsearch.annotations = {"mitre_attack": ["T1566.001"]}',
    'action.notable = 1',
    'enableSched = 1',
    `search = ${search}`,
  ];

  it('counts a saved search of the message trace for a Windows threat of T1566.001, for delivery', async () => {
    const report = await gapOfOneRule('savedsearches.conf', savedSearchOfT1566001('Phishing attachment delivered', 'index=o365 sourcetype="o365:reporting:messagetrace" Status=Delivered Subject="*invoice*" | stats count by RecipientAddress'), 'json');
    const [row] = readJson<GapReportData>(report).rows;
    expect([row!.rules.map((r) => [r.name, r.delivery]), row!.otherPlatformRules]).to.deep.equal([[['Phishing attachment delivered', ['o365:reporting:messagetrace']]], []]);
  });

  it('counts an SPL hunt kept as Markdown of the message trace for a Windows threat of T1566.001, for delivery, as the saved search', async () => {
    // Our own minimal hunt, in the layout of Bert-JanP/Hunting-Queries-Detection-Rules (a `MITRE ATT&CK Technique(s)`
    // table over the query), its search a team's own of the message trace. It counted before "for Office Suite only".
    const report = await gapOfOneRule('invoice-attachment.md', [
      '# Invoice attachment delivered',
      '',
      '## MITRE ATT&CK Technique(s)',
      '',
      '| Technique ID | Title | Link |',
      '| --- | --- | --- |',
      '| T1566.001 | Phishing: Spearphishing Attachment | https://attack.mitre.org/techniques/T1566/001/ |',
      '',
      '## Query',
      '',
      '```spl',
      'index=o365 sourcetype="o365:reporting:messagetrace" Status=Delivered Subject="*invoice*"',
      '| stats count by RecipientAddress, SenderAddress',
      '```',
    ], 'md');
    expect(readFileSync(report, 'utf8')).to.contain('Invoice attachment delivered (100%; counted for delivery: reads mail (o365:reporting:messagetrace))');
  });

  it('does not count a saved search that only leaves the audit feed\'s records of mail out (NOT Operation=TIMailData) for delivery', async () => {
    // Our own, in the shape of security_content's searches of the feed (o365_threat_intelligence_suspicious_email_delivered.yml):
    // Exchange's events of the feed, Defender's records of delivered messages left out. It was counted "for delivery".
    const search = 'index=o365 sourcetype=o365:management:activity Workload=Exchange NOT Operation=TIMailData ForwardingSmtpAddress=* | stats count by UserId';
    const report = await gapOfOneRule('savedsearches.conf', savedSearchOfT1566001('Mail forwarding set on a mailbox', search), 'json');
    const [row] = readJson<GapReportData>(report).rows;
    expect([row!.rules, row!.otherPlatformRules.map((r) => [r.name, r.platforms])]).to.deep.equal([[], [['Mail forwarding set on a mailbox', ['Identity Provider', 'Office Suite']]]]);
  });

  it('reads no mail where a search or query only leaves the mail records or the mail data out', () => {
    expect(splunkMailData([], 'index=o365 sourcetype=o365:management:activity NOT Operation=TIMailData')).to.deep.equal([]);
    expect(splunkMailData([], 'index=o365 sourcetype=o365:management:activity NOT (Operation=TIMailData OR Operation=AlertEntityGenerated)')).to.deep.equal([]);
    expect(splunkMailData([], 'index=o365 sourcetype=o365:management:activity Operation!=TIMailData')).to.deep.equal([]);
    expect(splunkMailData([], 'index=o365 sourcetype=o365:management:activity NOT Workload=AzureActiveDirectory Operation=TIMailData')).to.deep.equal(['o365:management:activity (TIMailData)']);
    expect(splunkMailData([], 'index=email NOT (sourcetype=pps_messagelog OR sourcetype=cisco:esa:textmail) action=deliver')).to.deep.equal([]);
    expect(elasticMailData(['logs-o365.audit-*'], 'event.dataset:o365.audit and not event.action:TIMailData')).to.deep.equal([]);
    expect(elasticMailData(['logs-o365.audit-*'], 'event.dataset:o365.audit and NOT (event.code:"ThreatIntelligence" or event.action:"New-InboxRule")')).to.deep.equal([]);
    expect(elasticMailData([], 'from logs-o365.audit-* | where not event.code == "ThreatIntelligence"')).to.deep.equal([]);
    expect(elasticMailData(['logs-o365.audit-*'], 'event.dataset:o365.audit and not rule.name:"Email reported by user as malware or phish"')).to.deep.equal([]);
    expect(elasticMailData(['logs-o365.audit-*'], 'event.dataset:o365.audit and not user.id:"svc" and event.action:TIMailData')).to.deep.equal(['o365.audit (TIMailData)']);
  });

  /** The kind and mail data of a query kept as Markdown in a ````language` block, in cyb3rmik3/KQL-threat-hunting-queries' layout. */
  const markdownMail = (language: string, query: string) => {
    const outcome = parseRuleFile(`# Mail delivered\n\n## MITRE ATT&CK Mapping\n\n- Technique ID: T1566.001\n\n\`\`\`${language}\n${query}\n\`\`\`\n`, 'hunt.md');
    return 'rule' in outcome ? [outcome.rule.kind, outcome.rule.mailData] : 'no rule';
  };

  it('reads an SPL search kept as Markdown as mail by its macros, as a saved search; a KQL one\'s tables as before', () => {
    expect(markdownMail('spl', '`o365_management_activity` Workload=ThreatIntelligence Operation=TIMailData')).to.deep.equal(['splunk', ['o365_management_activity (TIMailData)']]);
    expect(markdownMail('spl', '`o365_management_activity` Operation=New-InboxRule')).to.deep.equal(['splunk', undefined]);
    expect(markdownMail('kql', 'EmailEvents | where DeliveryAction == "Delivered"')).to.deep.equal(['kql', ['EmailEvents']]);
  });

  it('reads a Panther rule as Gmail\'s where its Python compares the Workspace application to "gmail", not where a parameter names Gmail', () => {
    expect(pantherTestsGmail('if event.deep_get("id", "applicationName", default="<UNKNOWN_APPLICATION>") != "gmail":\n    return False')).to.equal(true);
    expect(pantherTestsGmail('if event.deep_get("id", "applicationName", default="").lower() != "admin":\n    return False\nreturn event.deep_get("parameters", "APPLICATION_NAME").lower() == "gmail"')).to.equal(false);
    // A test's log of the rule (RuleTest(log={"id": {"applicationName": "gmail"}})) is no test of the rule's.
    expect(pantherTestsGmail('log={"id": {"applicationName": "gmail"}}')).to.equal(false);
  });

  it('reads an Elastic rule of the Microsoft 365 audit as mail where its query asks for a record of delivered mail, not an inbox rule', () => {
    expect(elasticMailData(['logs-o365.audit-*'], 'event.dataset:o365.audit and event.action:TIMailData')).to.deep.equal(['o365.audit (TIMailData)']);
    expect(elasticMailData([], 'from logs-o365.audit-* | where event.code == "ThreatIntelligence"')).to.deep.equal(['o365.audit (ThreatIntelligence)']);
    expect(elasticMailData(['logs-o365.audit-*'], 'event.dataset:o365.audit and event.code:"ThreatIntelligenceUrl"')).to.deep.equal([]);
    // detection-rules' collection_microsoft_365_new_inbox_rule.toml: a mailbox's administration, no message delivered.
    expect(elasticMailData(['logs-o365.audit-*'], 'event.dataset:o365.audit and event.provider:Exchange and event.action:("New-InboxRule" or "Set-InboxRule")')).to.deep.equal([]);
    expect(elasticMailData(['logs-endpoint.events.*'], 'event.action:TIMailData')).to.deep.equal([]);
  });

  it('reads no mail in a Sigma rule of Microsoft 365\'s audit whose condition only negates the selection of TIMailData', () => {
    // Our own, in the shape of SigmaHQ's rules/cloud/m365/audit/microsoft365_suspicious_email_delivered.yml (m365 audit,
    // `Operation: 'TIMailData'`), its records of delivered messages as a filter. Read as mail before, whatever the condition.
    const sigma = (condition: string) => {
      const outcome = parseRuleFile(
        [
          'title: Exchange event of the audit feed', 'id: 4e0c2a51-8f7d-4b3a-9c6e-2d1f0a9b8c71', 'status: test', 'tags:', '    - attack.initial-access', '    - attack.t1566.001',
          'logsource:', '    product: m365', '    service: audit', 'detection:', '    selection:', '        Workload: Exchange', '    filter_mail:', "        Operation: 'TIMailData'",
          `    condition: ${condition}`, 'level: medium', '',
        ].join('\n'),
        'rule.yml',
      );
      return 'rule' in outcome ? outcome.rule.mailData : 'no rule';
    };
    expect(['selection and not filter_mail', 'selection and not 1 of filter_*', 'selection and not (filter_mail or selection)', 'selection and filter_mail', 'selection and 1 of filter_*'].map(sigma)).to.deep.equal([
      undefined, undefined, undefined, ['m365 audit (TIMailData)'], ['m365 audit (TIMailData)'],
    ]);
  });

  it('reads a Sigma rule of Microsoft 365\'s audit as mail only where its detection asks for Operation TIMailData', () => {
    expect(sigmaMailData({ product: 'm365', service: 'audit' }, ['TIMailData'])).to.deep.equal(['m365 audit (TIMailData)']);
    expect(sigmaMailData({ product: 'm365', service: 'audit' }, ['Consent to application.'])).to.deep.equal([]);
    expect(sigmaMailData({ product: 'm365', service: 'threat_management' }, ['TIMailData'])).to.deep.equal([]);
  });
});
