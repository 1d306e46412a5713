/**
 * Delivery by mail: the techniques whose messages reach their victim as mail, and the data of mail a rule may read.
 * A phishing mail that reached a Windows victim passed through the mail service first, where a rule of mail data sees
 * it: such a rule counts for a technique delivered by mail on every platform of the threat (countsForDelivery, in the
 * gap review and a rules library alike), though the data it reads is of another platform (Office Suite). A rule of sign-ins does not: it
 * sees one kind of phishing only, the one whose link leads to a sign-in or a consent (Elastic's
 * initial_access_identity_illicit_consent_grant_via_registered_application.toml, T1566.002, reads Microsoft 365's audit
 * for "Consent to application."), which a threat of Identity Provider names.
 */
import { esqlIndexes } from './esql-source.js';
import { workspaceApps } from './workspace-apps.js';
import { ecsEmailFields, ELASTIC_GATEWAY_DATASETS, EMAIL_GATEWAY_KQL_SOURCES, EMAIL_GATEWAY_SOURCETYPES, elasticDataNames, elasticDatasets, foldedLogType, indexDataset, keepsEcsEmailCategory, negatedAt, neededTableNames, splunkSearchMacros, splunkSearchTerms } from './source-platforms.js';

/**
 * The techniques delivered by mail, as ATT&CK describes them, with why: every release's (Spearphishing Attachment and
 * Link were T1193 and T1192 until ATT&CK 7 revoked them for T1566.001 and T1566.002). Left out: those delivered through
 * another channel, Spearphishing via Service (T1566.003, T1598.001; T1194 before 7: "third party services rather than
 * directly via enterprise email channels") and Spearphishing Voice (T1566.004, T1598.004).
 */
export const MAIL_DELIVERED_TECHNIQUES: Readonly<Record<string, string>> = {
  T1566: 'Phishing: "adversaries may send victims emails containing malicious attachments or links"',
  'T1566.001': '"malware attached to an email"',
  'T1566.002': '"links to download malware contained in email"',
  T1193: 'Spearphishing Attachment before ATT&CK 7: "malware attached to an email"',
  T1192: 'Spearphishing Link before ATT&CK 7: "links to download malware contained in email"',
  T1598: 'Phishing for Information: "the exchange of emails, instant messages, or other electronic conversation means"',
  'T1598.002': '"adversaries attach a file to the spearphishing email"',
  'T1598.003': '"the malicious emails contain links"',
  T1534: 'Internal Spearphishing: Spearphishing Attachment or Link sent from an account of the organization',
};

/** Whether ATT&CK describes the technique as delivered by mail (MAIL_DELIVERED_TECHNIQUES). */
export function isMailDelivered(id: string): boolean {
  return Object.hasOwn(MAIL_DELIVERED_TECHNIQUES, id);
}

/**
 * Whether a rule counts for a technique delivered by mail (MAIL_DELIVERED_TECHNIQUES) on platforms it does not fire on:
 * when it reads mail, where the message passes on its way to a victim of any platform (an EmailEvents query of
 * T1566.001 for a threat on Windows). A rule of sign-ins or devices does not. The gap review's test for a coverage rule
 * and a rules library's alike.
 */
export function countsForDelivery(id: string, rule: { mailData?: readonly string[] }): boolean {
  return !!rule.mailData?.length && isMailDelivered(id);
}

/**
 * What every report says of a rule counted for delivery: `counted for delivery: reads mail (EmailEvents)`; of a rules
 * library's rule proposed so, which counts for nothing until run, `lead` `for delivery`.
 */
export function deliveryText(rule: { delivery?: readonly string[] }, lead = 'counted for delivery'): string | undefined {
  return rule.delivery ? `${lead}: reads mail (${rule.delivery.join(', ')})` : undefined;
}

/** How a rules library's rule proposed for delivery is said (deliveryText): it counts for nothing until run. */
export const LIBRARY_DELIVERY = 'for delivery';

/**
 * The KQL tables of mail (Defender for Office 365's, in Defender XDR's advanced hunting and Sentinel alike): every
 * message delivered (EmailEvents), its attachments and links (EmailAttachmentInfo, EmailUrlInfo: Bert-JanP's "Office
 * 365/Email - ISOAttachmentRecieved.md", T1566.001), what befell it after delivery (EmailPostDeliveryEvents), and the
 * clicks on its links that Safe Links rewrote (UrlClickEvents). Azure-Sentinel's "TI map Email entity to EmailEvents"
 * (Solutions/Threat Intelligence (NEW)/Analytic Rules/EmailEntity_EmailEvents_Updated.yaml, T1566) reads EmailEvents.
 * UrlClickEvents holds Safe Links' clicks in Teams and the Office apps too, told by its `Workload` ("The application from
 * which the user clicked on the link, with the values being Email, Office, and Teams": MicrosoftDocs/defender-docs
 * defender-xdr/advanced-hunting-urlclickevents-table.md): a query that keeps only the clicks of other workloads
 * (keepsOtherWorkloads) reads no mail there. An email gateway's logs of messages (EMAIL_GATEWAY_KQL_SOURCES: Proofpoint's,
 * Mimecast's) are mail too; its audit of its own console is not.
 */
const KQL_MAIL_TABLES = /^(?:EmailEvents|EmailAttachmentInfo|EmailUrlInfo|EmailPostDeliveryEvents|UrlClickEvents)$/i;
const isKqlMailTable = (table: string): boolean => KQL_MAIL_TABLES.test(table) || EMAIL_GATEWAY_KQL_SOURCES.test(table);

/**
 * Splunk's data of mail: security_content's `data_source` `G Suite Gmail` and the macros `gsuite_gmail`
 * (detections/cloud/gsuite_email_suspicious_attachment.yml, T1566.001) and `o365_messagetrace` (Exchange Online's message
 * trace). The Microsoft 365 management activity feed (`o365_management_activity`, data source `Office 365 Universal Audit
 * Log`) holds Entra ID's and SharePoint's events too: a search of it reads mail when it asks for one of Defender for
 * Office 365's records of a delivered message (M365_MAIL_RECORDS), as a Sigma rule or an Elastic rule of it does.
 */
const SPLUNK_MAIL_SOURCES = /^(?:g suite gmail|gsuite_gmail|o365_messagetrace|office 365 reporting message trace)$/i;
const SPLUNK_AUDIT_FEED = /^(?:o365_management_activity|(?:office 365|o365) universal audit log)$/i;
// The same data as a search names its source type (the Microsoft Office 365 add-on's, as SPLUNK_SOURCETYPES reads them):
// a team's own search of the message trace, `index=o365 sourcetype="o365:reporting:messagetrace" Status=Delivered`;
// and an email gateway's message logs (EMAIL_GATEWAY_SOURCETYPES: `pps_messagelog`, `cisco:esa:textmail`).
const SPLUNK_MESSAGE_TRACE = /^(?:ms:)?o365:(?:reporting:)?messagetrace$/i;
const isSplunkMailSourcetype = (name: string): boolean => SPLUNK_MESSAGE_TRACE.test(name) || EMAIL_GATEWAY_SOURCETYPES.test(name);
const SPLUNK_AUDIT_FEED_SOURCETYPES = /^(?:ms:)?o365:management(?::activity)?$/i;

/**
 * Defender for Office 365's records of a delivered message in the Microsoft 365 management activity feed, by the name a
 * report gives each, and how a query asks for it (a Splunk search's `Operation=TIMailData`, an Elastic query's
 * `event.action:TIMailData` or `event.code == "ThreatIntelligence"`):
 * - its record of a message (Operation TIMailData: security_content's o365_threat_intelligence_suspicious_email_delivered.yml,
 *   T1566.001 and T1566.002: `Workload=ThreatIntelligence Operation=TIMailData`);
 * - the record type of those records, ThreatIntelligence ("Phishing and malware events from Exchange Online Protection and
 *   Microsoft Defender for Office 365", the Management Activity API's RecordType 28, which Elastic's o365 integration writes to
 *   `event.code`: detection-rules' rules/integrations/o365/initial_access_defender_for_m365_threat_intelligence_signal.toml,
 *   T1566, `event.dataset: "o365.audit" and event.code: "ThreatIntelligence"`); not ThreatIntelligenceUrl or
 *   ThreatIntelligenceAtpContent, Safe Links' clicks in any Office app and files in SharePoint, OneDrive and Teams;
 * - the alert Defender raises when a user reports a message delivered to them (detection-rules'
 *   initial_access_o365_user_reported_phish_malware.toml, T1566.001 and T1566.002: `rule.name:"Email reported by user as
 *   malware or phish"`; security_content's o365_email_reported_by_user_found_malicious.yml: `Name="Email reported by user as*"`).
 * An inbox rule (`New-InboxRule`), a transport rule or an anti-phishing policy changed is the administration of a mailbox or
 * of the mail service, not a message delivered: a rule of them reads no mail.
 */
const M365_MAIL_RECORDS: ReadonlyArray<readonly [name: string, asked: RegExp]> = [
  ['TIMailData', /\b(?:Operation|event\.action)\s*(?:==?|:)\s*["']?TIMailData\b/gi],
  ['ThreatIntelligence', /\b(?:RecordType|event\.code)\s*(?:==?|:)\s*["']?ThreatIntelligence\b/gi],
  ['Email reported by user as malware or phish', /\b[\w.]+\s*(?:==?|:)\s*["']Email reported by user as\b/gi],
];

/**
 * The names of the Microsoft 365 mail records (M365_MAIL_RECORDS) a query of the management activity feed asks for; not
 * one it only leaves out (negatedAt: `NOT Operation=TIMailData`, `not event.code:"ThreatIntelligence"`), as a search of
 * the feed's other records that keeps Defender's out does.
 */
function m365MailRecords(query: string): string[] {
  return M365_MAIL_RECORDS.flatMap(([name, asked]) => ([...query.matchAll(asked)].some((match) => !negatedAt(query, match.index)) ? [name] : []));
}

/**
 * The mail data a Sigma rule's variant reads: Microsoft 365's audit (`product: m365`, `service: audit`, the same
 * management activity feed) where its detection asks for Operation TIMailData (SigmaHQ's
 * rules/cloud/m365/audit/microsoft365_suspicious_email_delivered.yml, T1566.001 and T1566.002): `m365 audit (TIMailData)`.
 * `operations`: the values its detection's selections give the field `Operation`.
 */
export function sigmaMailData(logsource: { product?: string; service?: string }, operations: readonly string[]): string[] {
  const audit = logsource.product?.toLowerCase() === 'm365' && logsource.service?.toLowerCase() === 'audit';
  return audit && operations.some((operation) => operation.toLowerCase() === 'timaildata') ? ['m365 audit (TIMailData)'] : [];
}

/**
 * The mail tables a KQL query needs (kqlTableGroups' groups, as kqlQueryPlatforms reads them), by name: `EmailEvents`;
 * not UrlClickEvents where the query (its text, when known) keeps only the clicks of Teams or the Office apps.
 */
export function kqlMailData(groups: readonly (readonly string[])[] | undefined, query?: string): string[] {
  const otherWorkloads = query !== undefined && keepsOtherWorkloads(query);
  return neededTableNames(groups).filter((table) => isKqlMailTable(table) && !(otherWorkloads && /^UrlClickEvents$/i.test(table)));
}

// A quoted KQL string, and a list of them: "Teams", ("Teams", 'Office').
const KQL_STRINGS = String.raw`(?:"[^"]*"|'[^']*')(?:\s*,\s*(?:"[^"]*"|'[^']*'))*`;
// A `where` condition, or one of its `and` parts, that keeps only the workloads it names: Workload == "Teams", Workload in ("Teams", "Office").
const WORKLOAD_KEPT = new RegExp(String.raw`^\(?\s*Workload\s*(?:==|=~|in~?)\s*\(?\s*(${KQL_STRINGS})\s*\)?\s*\)?$`, 'i');
// One that leaves mail's out: Workload != "Email".
const EMAIL_LEFT_OUT = /^\(?\s*Workload\s*(?:!=|!~)\s*["']email["']\s*\)?$/i;

/**
 * Whether a KQL query keeps only the clicks of workloads other than mail (UrlClickEvents' `Workload`): one of its `where`
 * conditions, or of their `and` parts, is `Workload == "Teams"`, `Workload in ("Teams", "Office")` or `Workload != "Email"`
 * (a TeamsPhisher hunt joins CloudAppEvents' Teams messages to UrlClickEvents `| where Workload == "Teams"`). A condition
 * that also keeps other rows (`Workload == "Teams" or Url has "teams"`) keeps some mail.
 */
function keepsOtherWorkloads(query: string): boolean {
  return query.split('|').some((clause) => {
    const condition = /^\s*where\s+([\s\S]*)$/i.exec(clause)?.[1];
    return (condition?.split(/\s+and\s+/i) ?? []).some((part) => {
      const kept = WORKLOAD_KEPT.exec(part.trim());
      return kept ? !/["']email["']/i.test(kept[1]!) : EMAIL_LEFT_OUT.test(part.trim());
    });
  });
}

/**
 * The mail data a Splunk search reads, whatever keeps it (a security_content detection, a saved search, a search kept as
 * Markdown), from the `data_source` names its detection states (`dataSources`, none elsewhere), the macros its search
 * calls (splunkSearchMacros) and the source types it names: `G Suite Gmail`, `gsuite_gmail`, `o365:reporting:messagetrace`,
 * an email gateway's `pps_messagelog`;
 * the management activity feed as `o365_management_activity (TIMailData)` when the search asks for a record of mail
 * (M365_MAIL_RECORDS).
 */
export function splunkMailData(dataSources: readonly string[], search: string | undefined): string[] {
  const names = [...dataSources, ...(search === undefined ? [] : splunkSearchMacros(search))];
  const sourcetypes = search === undefined ? [] : splunkSearchTerms(search).sources;
  const mail = [...names.filter((name) => SPLUNK_MAIL_SOURCES.test(name)), ...sourcetypes.filter(isSplunkMailSourcetype)];
  const feed = names.find((name) => SPLUNK_AUDIT_FEED.test(name)) ?? sourcetypes.find((name) => SPLUNK_AUDIT_FEED_SOURCETYPES.test(name));
  if (feed && search !== undefined) mail.push(...m365MailRecords(search).map((record) => `${feed} (${record})`));
  return [...new Set(mail)];
}

// Gmail's logs of its messages in Elastic's google_workspace package (elastic/integrations packages/google_workspace/
// data_stream/gmail), as Splunk's `gsuite_gmail` is (SPLUNK_MAIL_SOURCES).
const ELASTIC_GMAIL_DATASET = /^google_workspace\.gmail$/i;

/**
 * The mail data an Elastic rule reads:
 * - an email gateway's messages (ELASTIC_GATEWAY_DATASETS), by the data streams its query keeps when it names any
 *   (`event.dataset: "proofpoint_tap.message_delivered"`), else the modules it keeps (`event.module: proofpoint_tap`),
 *   else by its indexes (`logs-proofpoint_tap.*`);
 * - the fields of ECS's email field set its query reads, whatever data it names (ecsEmailFields): Elastic's Threat Intel
 *   Email Indicator Match (detection-rules rules/threat_intel/threat_intel_indicator_match_email.toml) reads `logs-*`
 *   by `email.from.address:* or email.sender.address:* or …`, "an event containing email-related data, such as logs from
 *   email security gateways or email service providers": `ECS email fields (email.from.address, email.sender.address)`;
 * - ECS's email category its query keeps (keepsEcsEmailCategory: `event.category : "email"`), whatever data it names:
 *   `ECS email category (event.category: email)`;
 * - the Microsoft 365 audit (Elastic's o365 integration, data stream `o365.audit`: an index `logs-o365.audit-*`, or
 *   `event.dataset:o365.audit` in its query) where its query asks for one of Defender for Office 365's records of a
 *   delivered message (M365_MAIL_RECORDS): `o365.audit (ThreatIntelligence)`. Its inbox rule and policy rules of the same
 *   feed read none.
 * - Gmail's message log, the google_workspace package's `gmail` data stream (ELASTIC_GMAIL_DATASET), as the gateways':
 *   detection-rules' rules/integrations/google_workspace/collection_google_workspace_gmail_mass_external_sending.toml
 *   (T1534, T1566.001) keeps `data_stream.dataset:"google_workspace.gmail" and event.action:"message_delivered"`.
 * A query that leaves a data stream out (`not event.dataset : "o365.audit"`) reads none of it.
 */
export function elasticMailData(indexes: readonly string[], query: unknown): string[] {
  if (typeof query !== 'string') return [];
  // An ES|QL query given alone names what it reads in its source command (`from logs-o365.audit-*`).
  const read = indexes.length ? indexes : esqlIndexes(query);
  const named = elasticDataNames(query);
  const kept = (streams: RegExp): string[] => (named.length ? named.filter((name) => streams.test(name)) : read.filter((index) => streams.test(indexDataset(index))));
  const gateway = [...kept(ELASTIC_GATEWAY_DATASETS), ...kept(ELASTIC_GMAIL_DATASET)];
  const datasets = elasticDatasets(query);
  const audit = datasets.length ? datasets.some((name) => /^o365\.audit$/i.test(name)) : read.some((index) => /\bo365\b/i.test(index));
  const fields = ecsEmailFields(query);
  return [
    ...gateway,
    ...(audit ? m365MailRecords(query).map((record) => `o365.audit (${record})`) : []),
    ...(fields.length ? [`ECS email fields (${fields.join(', ')})`] : []),
    ...(keepsEcsEmailCategory(query) ? ['ECS email category (event.category: email)'] : []),
  ];
}

/**
 * Whether a Panther rule's Python tests Google Workspace's Gmail events: Panther's GSuite.ActivityEvent holds every
 * Workspace application's activity, told by `id.applicationName`, and pypanther's Gsuite Link Clicked in Spam Email
 * (GSuiteGmailSpamEmailLinkClicked, T1566.002) keeps `event.deep_get("id", "applicationName") != "gmail"` out. The
 * application compared (workspace-apps.ts workspaceApps), not any "gmail" of the rule: a setting of Gmail's changed
 * (pypanther's GSuite Workspace Gmail Pre-Delivery Message Scanning Disabled, T1566) is an event of the admin application
 * (`applicationName … != "admin"`) whose parameter names Gmail.
 */
export function pantherTestsGmail(ruleText: string): boolean {
  return workspaceApps(ruleText).includes('gmail');
}

/**
 * The mail data a Panther rule whose Python tests Gmail's events (pantherTestsGmail) reads: its Workspace log type
 * (`GSuite.ActivityEvent`, `LogType.GSUITE_ACTIVITY_EVENT`), as `GSuite.ActivityEvent (gmail)`.
 */
export function pantherGmailData(logTypes: readonly string[]): string[] {
  return logTypes.some((type) => foldedLogType(type) === 'gsuiteactivityevent') ? ['GSuite.ActivityEvent (gmail)'] : [];
}
