/**
 * What a rule leaves out of its data is not read (negatedAt, over the whole expression a negation governs), and an
 * Elastic rule of an email gateway's data streams reads mail. Rules: test/fixtures/coverage/mail-delivery-exclusions
 * (its README names the shapes each follows).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import { elasticMailData, splunkMailData } from '../../lib/coverage/mail-delivery.js';
import { parseRuleFile } from '../../lib/coverage/read-rule-folder.js';
import { negatedAt, splunkSearchTerms } from '../../lib/coverage/source-platforms.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const rules = 'test/fixtures/coverage/mail-delivery-exclusions';

/** Whether the term `term` (its first occurrence after `from`) of `query` is negated. */
const negated = (query: string, term: string, from = 0): boolean => negatedAt(query, query.indexOf(term, from));

describe('negatedAt: a negation governs the whole expression it opens', () => {
  const cases: [what: string, query: string, term: string, negated: boolean][] = [
    // A real search's shape: `… NOT sourcetype IN (archimedes:operation, archimedes:scheduler) earliest=-30d`.
    ['a value deep in a negated IN list', 'index=email NOT sourcetype IN (pps_messagelog, pps_maillog) action=deliver', 'pps_maillog', true],
    ['a term after the list closes', 'index=email NOT sourcetype IN (pps_messagelog) sourcetype=cisco:esa:textmail', 'sourcetype=cisco', false],
    ['a term deep in nested parentheses of `| search NOT (…)`', 'index=email | search NOT (host=a OR (sourcetype=pps_messagelog AND b=c))', 'sourcetype=', true],
    ['an argument of a negated call, `| where NOT match(sourcetype, …)`', 'index=email | where NOT match(sourcetype, "pps_messagelog")', 'sourcetype', true],
    // Lucene's `NOT event.dataset:(elastic_agent* OR windows.perfmon* OR system.cpu*)`, KQL's and EQL's lists alike.
    ['a value of a negated KQL list', 'file.extension:iso and not event.dataset : ("proofpoint_tap.message_delivered" or "mimecast.ttp_ap_logs")', 'mimecast', true],
    ['a value of a negated EQL `in` list', 'any where not event.dataset in ("o365.audit", "proofpoint_tap.message_delivered")', 'proofpoint_tap', true],
    ['a term after a negated comparison, not in it', 'NOT index=main sourcetype IN (pps_messagelog)', 'pps_messagelog', false],
    ['a word that only starts with "not" (nothing(…))', 'eval x=nothing(sourcetype=pps_messagelog)', 'sourcetype', false],
    ['a group after a negated word, which SPL ANDs (`NOT error (…)`)', 'index=email NOT error (sourcetype=pps_messagelog OR sourcetype=pps_maillog)', 'sourcetype', false],
  ];
  for (const [what, query, term, expected] of cases) it(`${expected ? 'negates' : 'does not negate'} ${what}`, () => expect(negated(query, term)).to.equal(expected));
});

describe('splunkSearchTerms: a list of source types is read, and left out when negated', () => {
  it('reads `sourcetype IN (a, "b")` as each source type', () => {
    expect(splunkSearchTerms('index=email sourcetype IN (pps_messagelog, "pps_maillog") | stats count')).to.deep.equal({ indexes: ['email'], sources: ['pps_messagelog', 'pps_maillog'] });
  });
  it('reads none of `NOT sourcetype IN (a, b)`', () => {
    expect(splunkSearchTerms('index=proofpoint NOT sourcetype IN (pps_messagelog, pps_maillog) action=login')).to.deep.equal({ indexes: ['proofpoint'], sources: [] });
  });
  // `| where match(…)` tests the field by a regular expression; `like(…)` by SQL's `%`. An end the expression leaves
  // open is a wildcard, as in `sourcetype=*x`; one that is no name (a class, a repeat) says nothing.
  const patterns: [query: string, sources: string[]][] = [
    ['index=email | where match(sourcetype, "^(?:pps_messagelog|pps_maillog)$")', ['pps_messagelog', 'pps_maillog']],
    ['index=main | where match(sourcetype, "^WinEventLog:Security$") | stats count', ['WinEventLog:Security']],
    ['index=main | where match(sourcetype, "^aws:cloudtrail") OR match(source, "/var/log/auth\\.log$")', ['aws:cloudtrail*', '*/var/log/auth.log']],
    ['index=main | where like(sourcetype, "aws:%")', ['aws:*']],
    ['index=main | where match(sourcetype, "^\\d{4}-\\d{2}")', []],
    ['index=email | where NOT match(sourcetype, "^pps_messagelog$")', []],
  ];
  for (const [query, sources] of patterns) it(`reads \`${query.slice(query.indexOf('|'))}\` as ${sources.length ? sources.join(', ') : 'no source type'}`, () => expect(splunkSearchTerms(query).sources).to.deep.equal(sources));
  it('reads mail where a search keeps the gateway\'s message logs, none where it leaves them out', () => {
    expect(splunkMailData([], 'index=email sourcetype IN (pps_messagelog, pps_maillog)')).to.deep.equal(['pps_messagelog', 'pps_maillog']);
    expect(splunkMailData([], 'index=email NOT sourcetype IN (pps_messagelog, pps_maillog)')).to.deep.equal([]);
  });
});

describe('elasticMailData: an email gateway\'s data streams, and the data streams a query leaves out', () => {
  // elastic/integrations: packages/proofpoint_tap (clicks_blocked, clicks_permitted, message_blocked, message_delivered),
  // packages/mimecast/data_stream (siem_logs, ttp_ap_logs, ttp_ip_logs, ttp_url_logs; audit_events, its console's),
  // packages/cisco_secure_email_gateway/data_stream/log (its console's logons beside its mail logs).
  const cases: [what: string, indexes: string[], query: string, mail: string[]][] = [
    ['the data stream a KQL query keeps', ['logs-*'], 'event.dataset : "proofpoint_tap.message_delivered" and x : y', ['proofpoint_tap.message_delivered']],
    ['an EQL query\'s data stream', ['logs-mimecast.*'], 'any where event.dataset == "mimecast.ttp_url_logs"', ['mimecast.ttp_url_logs']],
    ['a wildcard over a package of mail', ['logs-*'], 'event.dataset:proofpoint_tap.* and x:y', ['proofpoint_tap']],
    ['the index, where the query names no data stream', ['logs-proofpoint_tap.*'], 'x : y', ['logs-proofpoint_tap.*']],
    // packages/mimecast/data_stream: dlp_logs (messages a DLP policy matched), message_release_logs (messages released from
    // its hold), cloud_integrated_logs (mail flow and clicks): before, none read mail.
    ['Mimecast\'s data leak prevention of messages', ['logs-*'], 'event.dataset : "mimecast.dlp_logs" and x : y', ['mimecast.dlp_logs']],
    ['the messages Mimecast released from its hold', ['logs-mimecast.message_release_logs-*'], 'x : y', ['logs-mimecast.message_release_logs-*']],
    ['Mimecast Cloud Integrated\'s mail flow and clicks', ['logs-*'], 'event.dataset == "mimecast.cloud_integrated_logs"', ['mimecast.cloud_integrated_logs']],
    ['none of Mimecast\'s console audit', ['logs-mimecast.*'], 'event.dataset : "mimecast.audit_events"', []],
    ['none of the data streams a query leaves out', ['logs-*'], 'file.extension : "iso" and not event.dataset : ("proofpoint_tap.message_delivered" or "mimecast.ttp_ap_logs")', []],
    ['none of Cisco Secure Email\'s one stream of mail and logons', ['logs-cisco_secure_email_gateway.log-*'], 'x : y', []],
    ['none of the Microsoft 365 audit a query leaves out', ['logs-*'], 'event.code : "ThreatIntelligence" and not event.dataset : "o365.audit"', []],
    ['the Microsoft 365 audit a query keeps, as before', ['logs-*'], 'event.dataset : "o365.audit" and event.code : "ThreatIntelligence"', ['o365.audit (ThreatIntelligence)']],
  ];
  for (const [what, indexes, query, mail] of cases) it(`reads ${what}`, () => expect(elasticMailData(indexes, query)).to.deep.equal(mail));
});

describe('attack-layers gap: rules that keep or leave out mail data, on a Windows phishing threat', () => {
  let rows: GapReportData['rows'];
  const row = (id: string) => rows.find((r) => r.id === id)!;

  before(async () => {
    const out = freshTmpDir('gap-mail-exclusions');
    writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1566', 'T1566.001', 'T1566.002', 'T1078'])));
    const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', rules, '--out', join(out, 'json'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    rows = (JSON.parse(readFileSync(join(out, 'json', 'gap-report.json'), 'utf8')) as GapReportData).rows;
  });

  it('counts the gateway rules that keep its message logs for delivery, saying what they read; not the one that leaves them out', () => {
    expect(row('T1566.001').rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['Proofpoint TAP malicious attachment delivered', ['proofpoint_tap.message_delivered']],
      ['Proofpoint message or mail log from a listed sender', ['pps_messagelog', 'pps_maillog']],
      ['Disk image attachment written outside the gateway logs', undefined],
    ]);
    expect(row('T1566.002').rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['Proofpoint message log matched by a where clause', ['pps_messagelog', 'pps_maillog']],
      ['Mimecast URL Protect click allowed', ['mimecast.ttp_url_logs']],
    ]);
    expect(row('T1566').rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['Proofpoint logs other than its message and mail logs', undefined],
      ['Threat intelligence record outside the Microsoft 365 audit', undefined],
    ]);
  });

  it('counts a gateway rule tagged Valid Accounts on Office Suite alone: its message logs see no Windows logon', () => {
    expect([row('T1078').rules, row('T1078').otherPlatformRules.map((r) => [r.name, r.platforms])]).to.deep.equal([[], [['Proofpoint TAP malicious attachment delivered', ['Office Suite']]]]);
  });

  it('says what each rule reads of mail in what parseRuleFile returns', () => {
    const mailOf = (file: string) => {
      const outcome = parseRuleFile(readFileSync(join(rules, file), 'utf8'), file);
      return 'rule' in outcome ? (outcome.rule.mailData ?? []) : outcome;
    };
    expect(['elastic/threat_intelligence_outside_o365_audit.toml', 'elastic/iso_attachment_opened_not_gateway.toml', 'elastic/proofpoint_tap_malicious_attachment_delivered.toml'].map(mailOf)).to.deep.equal([[], [], ['proofpoint_tap.message_delivered']]);
  });
});
