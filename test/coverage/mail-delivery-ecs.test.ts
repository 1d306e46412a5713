/**
 * An Elastic rule reads mail by ECS's email fields (elastic/ecs schemas/email.yml) or by an email gateway's module
 * (`event.module: proofpoint_tap`), where it names no data stream. Rules: test/fixtures/coverage/mail-delivery-ecs (its
 * README names the shapes each follows).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import { elasticMailData } from '../../lib/coverage/mail-delivery.js';
import { parseRuleFile } from '../../lib/coverage/read-rule-folder.js';
import { ecsEmailFields, elasticGatewayPlatforms } from '../../lib/coverage/source-platforms.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const rules = 'test/fixtures/coverage/mail-delivery-ecs';

describe('ecsEmailFields: the fields of ECS\'s email field set a query reads', () => {
  const cases: [what: string, query: string, fields: string[]][] = [
    // elastic/detection-rules rules/threat_intel/threat_intel_indicator_match_email.toml's query.
    ['Threat Intel Email Indicator Match\'s KQL', 'email.from.address:* or email.sender.address:* or email.reply_to.address:* or email.to.address:*', ['email.from.address', 'email.sender.address', 'email.reply_to.address', 'email.to.address']],
    ['an EQL test of an attachment', 'any where email.attachments.file.extension in ("iso", "img")', ['email.attachments.file.extension']],
    ['an ES|QL test of the subject', 'from logs-* | where email.subject like "*invoice*"', ['email.subject']],
    ['not another field set\'s email (user.email, threat.indicator.email.address)', 'user.email:* and threat.indicator.email.address:*', []],
    ['not text inside a value', 'process.command_line : *email.subject*', []],
    ['not a field the query leaves out', 'event.dataset : "okta.system" and not email.direction : "outbound"', []],
  ];
  for (const [what, query, fields] of cases) it(`reads ${what}`, () => expect(ecsEmailFields(query)).to.deep.equal(fields));
});

describe('elasticMailData: ECS\'s email fields, and a gateway\'s module', () => {
  // elastic/integrations: packages/proofpoint_tap/data_stream/*/fields/base-fields.yml (`event.module` proofpoint_tap),
  // packages/proofpoint/data_stream/emailsecurity and elastic/beats x-pack/filebeat/module/proofpoint (`event.module`
  // proofpoint, "Proofpoint Email Security logs"), packages/mimecast/data_stream (audit_events, threat_intel_malware_grid
  // beside siem_logs: the module `mimecast` alone is no mail).
  const cases: [what: string, indexes: string[], query: string, mail: string[], platforms: string[] | undefined][] = [
    ['the email fields of a query over logs-*', ['filebeat-*', 'logs-*'], 'email.from.address:* or email.sender.address:*', ['ECS email fields (email.from.address, email.sender.address)'], ['Office 365']],
    ['the module proofpoint_tap', ['logs-*'], 'event.module: proofpoint_tap and x : y', ['proofpoint_tap'], ['Office 365']],
    ['Filebeat\'s module proofpoint (Proofpoint Email Security)', ['filebeat-*'], 'event.module : "proofpoint" and x : y', ['proofpoint'], ['Office 365']],
    ['its data stream proofpoint.emailsecurity', ['logs-*'], 'event.dataset : "proofpoint.emailsecurity"', ['proofpoint.emailsecurity'], ['Office 365']],
    ['no mail of the module mimecast alone (its console audit, its threat feeds)', ['logs-*'], 'event.module : "mimecast" and x : y', [], undefined],
    ['no mail of proofpoint_on_demand alone (its audit)', ['logs-*'], 'event.module : "proofpoint_on_demand"', [], undefined],
    ['the data stream before the module', ['logs-*'], 'event.module : "mimecast" and event.dataset : "mimecast.ttp_url_logs"', ['mimecast.ttp_url_logs'], ['Office 365']],
    ['the email fields of the Microsoft 365 audit, which fires where it did', ['logs-o365.audit-*'], 'email.subject : "Invoice"', ['ECS email fields (email.subject)'], undefined],
    ['no threat intelligence feed\'s email indicator', ['logs-ti_*'], 'event.module:(threatintel or ti_*) and threat.indicator.email.address:*', [], undefined],
    // ECS's email category (elastic/ecs rfcs/text/0010-email.md: "add `event.category: email`"), as hunting queries
    // written for Elastic test it (`event.category:email and email.attachments.file.extension:(exe or …)`): our own
    // minimal queries in that shape; no elastic/detection-rules rule in the index tests it.
    ['ECS\'s email category (KQL, bare)', ['logs-*'], 'event.category:email and file.extension:(exe or js)', ['ECS email category (event.category: email)'], ['Office 365']],
    ['ECS\'s email category (KQL, quoted, among others)', ['logs-*'], 'event.category : ("email" or "network") and event.type : "info"', ['ECS email category (event.category: email)'], ['Office 365']],
    ['ECS\'s email category (EQL)', ['logs-*'], 'any where event.category == "email" and url.domain : "bit.ly"', ['ECS email category (event.category: email)'], ['Office 365']],
    ['no mail of a query that leaves the email category out', ['logs-*'], 'event.category : "network" and not event.category : "email"', [], undefined],
  ];
  for (const [what, indexes, query, mail, platforms] of cases) {
    it(`reads ${what}`, () => expect([elasticMailData(indexes, query), elasticGatewayPlatforms(indexes, query)]).to.deep.equal([mail, platforms]));
  }
});

describe('attack-layers gap: Elastic rules of ECS email fields or a gateway module, on a Windows phishing threat', () => {
  let rows: GapReportData['rows'];
  const row = (id: string) => rows.find((r) => r.id === id)!;

  before(async () => {
    const out = freshTmpDir('gap-mail-ecs');
    writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Windows'], ['T1566', 'T1566.001', 'T1078'])));
    const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', rules, '--out', join(out, 'json'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    rows = (JSON.parse(readFileSync(join(out, 'json', 'gap-report.json'), 'utf8')) as GapReportData).rows;
  });

  it('counts them for delivery, saying what they read; not the module of Mimecast\'s console and feeds', () => {
    expect(row('T1566').rules.map((r) => [r.name, r.delivery])).to.deep.equal([
      ['Threat intel email indicator matched a message', ['ECS email fields (email.from.address, email.sender.address, email.reply_to.address, email.to.address)']],
      ['Mimecast event of a listed sender by module', undefined],
    ]);
    expect(row('T1566.001').rules.map((r) => [r.name, r.delivery])).to.deep.equal([['Proofpoint TAP malware message by module', ['proofpoint_tap']]]);
  });

  it('counts the module rule tagged Valid Accounts on Office Suite alone, where it counted on Windows', () => {
    expect([row('T1078').rules, row('T1078').otherPlatformRules.map((r) => [r.name, r.platforms])]).to.deep.equal([[], [['Proofpoint TAP malware message by module', ['Office Suite']]]]);
  });

  it('says what each rule reads of mail in what parseRuleFile returns', () => {
    const mailOf = (file: string) => {
      const outcome = parseRuleFile(readFileSync(join(rules, file), 'utf8'), file);
      return 'rule' in outcome ? [outcome.rule.mailData ?? [], outcome.rule.platforms] : outcome;
    };
    expect(['elastic/threat_intel_email_indicator_match.toml', 'elastic/proofpoint_tap_module_attachment.toml', 'elastic/mimecast_module_any_event.toml'].map(mailOf)).to.deep.equal([
      [['ECS email fields (email.from.address, email.sender.address, email.reply_to.address, email.to.address)'], ['Office 365']],
      [['proofpoint_tap'], ['Office 365']],
      [[], undefined],
    ]);
  });
});
