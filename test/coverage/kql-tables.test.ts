/**
 * kql-tables.ts: the tables a KQL query reads, in groups (a union's tables one group, a join's sides one each). The
 * queries are real: Azure/Azure-Sentinel's Detections/MultipleDataSources/AuditPolicyManipulation_using_auditpol.yaml
 * (0c6c4fecb26522c4d8c531b86fb6e41f7bfab176) and NetworkEndpointCorrelation.yaml
 * (14e70192712333b7f475443b568c1027f79ac588), its Hunting Queries/Microsoft 365 Defender/Campaigns/Bazacall/Cobalt
 * Strike Lateral Movement.yaml (57bf6172589d3982c58600d7b0bc8eb6b09d1c1c), and MicrosoftDocs/microsoft-365-docs
 * microsoft-365/security/defender/advanced-hunting-query-language.md (4387e4534737d4ed3c8375a2de8dbfa314de2730), as
 * test/fixtures/gap/library-kql keeps them, or excerpts of them; and excerpts of Azure/Azure-Sentinel's
 * Detections/SecurityEvent/MultipleFailedFollowedBySuccess.yaml (1b3a0d1aa624fe18a76b0c30e79d800876e64105),
 * NonDCActiveDirectoryReplication.yaml (04bdd79c8459b3fed6cc702e1229a939750bcdbe), UserCreatedAddedToBuiltinAdmins_1d.yaml
 * (13c4accbca8b1680f42c99d17b6082bc6881ad60), PotentialKerberoast.yaml (00b0293a00222d547cdb7a330206401afa60f01b),
 * ADFSKeyExportSysmon.yaml (05704b1dd4da3657e7bb687415cb3ef9e7c7c1de) and Detections/MultipleDataSources/
 * HostAADCorrelation.yaml (1a63bdf721332f22a41aa0088163a88abfe118f8) and AADAWSConsoleCorrelation.yaml
 * (036815610f4f352163aaace4d3f287cd2ae29aeb); excerpts of microsoft/Microsoft-365-Defender-Hunting-Queries' Lateral
 * Movement/Device Logons from Unknown IPs.csl (0b69583f45cefe19dda8c360a509eba5d249a93e), Non-local logons with -500
 * account.txt (4c6548f4e1a706bf9dd60c9f8c7f19a7c83e7d75) and accountlogon.txt (0df73886c5088e2cac35d9baf2849217fe64074a),
 * a query of 2019 over LogonEvents, and Delivery/Open email link.txt (16111da4a55e3ff3e4f00dc6a7fd5d0a78dec22c), one over
 * AlertEvents and MiscEvents; excerpts of Azure/Azure-Sentinel's ASIM rules Detections/ASimNetworkSession/PortScan.yaml
 * (089a8371633f18c8205656818bd253bcd6ef39d1) and Detections/ASimDNS/imDNS_Miners.yaml
 * (01a95d8c91bf73d4551309b3f6f3115361d203ae), Detections/MultipleDataSources/AADHostLoginCorrelation.yaml
 * (036815610f4f352163aaace4d3f287cd2ae29aeb), Hunting Queries/MultipleDataSources/
 * PotentialMicrosoftSecurityServicesTampering.yaml (00ee252c9325e70ad923d8cf3d63d5630f3c6967) and
 * PersistViaIFEORegistryKey.yaml (1567a5a5cf893467addefb02dbddf86ba0b8f8f3), and Microsoft-365-Defender-Hunting-Queries'
 * Lateral Movement/ServiceAccountsPerformingRemotePS.txt (6bd96730c63e21a7b752c00077318016858e3fdd); and Azure-Sentinel's
 * Detections/MultipleDataSources/GainCodeExecutionADFSviaWMI.yaml (054ff603635fda79ab65e33582eb99092094936f). The join kinds follow Kusto's documentation (learn.microsoft.com/kusto/query/
 * join-rightanti: "returns all records from the right side that don't match any record from the left side", alias
 * rightantisemi); DeviceAlertEvents' replacement, learn.microsoft.com's "Migrate advanced hunting queries from Microsoft
 * Defender for Endpoint" ("The AlertInfo and AlertEvidence tables replace the DeviceAlertEvents table").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { kqlQueryCut, kqlTableGroups } from '../../lib/coverage/kql-tables.js';
import { queryCutWarning } from '../../lib/coverage/coverage-types.js';
import { parseKqlFile } from '../../lib/coverage/read-kql-file.js';
import { parseKqlMarkdown } from '../../lib/coverage/read-kql-markdown.js';
import { parseSentinelExport } from '../../lib/coverage/read-sentinel-export.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { freshTmpDir, repoRoot } from '../helpers/attack.js';

const library = join(repoRoot, 'test', 'fixtures', 'gap', 'library-kql');

// Azure-Sentinel's way of reading two sign-in tables alike: a let function called with each table's name.
const AAD_FUNC_CALLS = ['let aadSignin = aadFunc("SigninLogs");', 'let aadNonInt = aadFunc("AADNonInteractiveUserSignInLogs");'];

describe('kqlTableGroups', () => {
  const cases: [what: string, query: string, groups: string[][]][] = [
    ['a table alone', "SecurityEvent\n| where TicketEncryptionType == '0x17'", [['SecurityEvent']]],
    ['a union list: any of its tables', 'union DeviceProcessEvents, DeviceNetworkEvents\n| where Timestamp > ago(7d)\n| where FileName in~ ("powershell.exe", "powershell_ise.exe")', [['DeviceProcessEvents', 'DeviceNetworkEvents']]],
    ["search's list", 'search in (SecurityEvent, Syslog) "mimikatz"', [['SecurityEvent', 'Syslog']]],
    ['a join of a table: each side', 'AlertInfo\n| where Title in("File dropped and launched from remote location")\n// Joining in instances where Cobalt Strike\'s built-in PsExec is used\n| join AlertEvidence on $left.AlertId == $right.AlertId', [['AlertInfo'], ['AlertEvidence']]],
    ['a join of parenthesised queries, with its parameters', "(DeviceFileEvents | where FileName endswith '.dll')\n| join kind=inner hint.strategy=shuffle (DeviceProcessEvents | where ProcessCommandLine has 'rundll32') on DeviceId", [['DeviceFileEvents'], ['DeviceProcessEvents']]],
    ['a let of a table, materialized', "let base = materialize(CommonSecurityLog | where DeviceVendor == 'Vectra Networks');\nbase | count", [['CommonSecurityLog']]],
    ['no table in strings, comments, scalar lets or in~ lists', "let AccountAllowList = dynamic(['SYSTEM']);\n// DeviceEvents\nSigninLogs\n| where UserPrincipalName !in~ (AccountAllowList) and AppDisplayName == \"AuditLogs\"", [['SigninLogs']]],
    ['none in a query that reads no table', 'print 1', []],
    // Subqueries and scalar reads of rows: each a group of its own, as a join's side.
    ['a subquery a row is matched against', "SigninLogs\n| where UserPrincipalName in ((AuditLogs | where OperationName == 'Add member to role' | project UPN))", [['SigninLogs'], ['AuditLogs']]],
    ['a has_any subquery', 'DeviceProcessEvents\n| where ProcessCommandLine has_any (DeviceFileEvents | where FileName endswith ".ps1" | project FileName)', [['DeviceProcessEvents'], ['DeviceFileEvents']]],
    ['toscalar in the middle of an expression', 'SigninLogs\n| where count_ > toscalar(AuditLogs | count)', [['SigninLogs'], ['AuditLogs']]],
    ['a let of rows read as a scalar', 'let threshold = toscalar(AuditLogs | count);\nSigninLogs | where count_ > threshold', [['SigninLogs'], ['AuditLogs']]],
    ['no column in a membership list: a name alone there is no table', 'SigninLogs\n| where UserPrincipalName in (TargetUser)', [['SigninLogs']]],
    ['table("…") as the table it names', 'table("SigninLogs") | where ResultType == 0', [['SigninLogs']]],
    // Windows events narrowed to the events and channel a where filters.
    ['SecurityEvent narrowed by EventID ==', "SecurityEvent\n| where EventID == 4769 and TicketEncryptionType == '0x17'", [['SecurityEvent (EventID 4769)']]],
    ['SecurityEvent narrowed by EventID in (…), in a later where', 'SecurityEvent\n| where TimeGenerated > ago(1d)\n| where EventID in (4624, 4625) and LogonType == 10', [['SecurityEvent (EventID 4624 or 4625)']]],
    ['SecurityEvent narrowed by a let of event IDs', 'let events = dynamic([4720, 4722]);\nSecurityEvent | where EventID in (events)', [['SecurityEvent (EventID 4720 or 4722)']]],
    ['SecurityEvent narrowed by an or of EventID tests', 'SecurityEvent | where (EventID == 4624 and LogonType == 10) or EventID == "4625"', [['SecurityEvent (EventID 4624 or 4625)']]],
    ['SecurityEvent not narrowed by EventID !=, an or with another test, or a where after a join', 'SecurityEvent | where EventID != 4688 or EventID == 4624 or LogonType == 10 | join (Syslog) on Computer | where EventID == 1', [['SecurityEvent'], ['Syslog']]],
    ["WindowsEvent narrowed by Sysmon's channel", "WindowsEvent\n| where Channel == 'Microsoft-Windows-Sysmon/Operational' and EventID == 1", [['WindowsEvent (Microsoft-Windows-Sysmon/Operational EventID 1)']]],
    ['Event narrowed by its channel alone', 'Event | where EventLog == "System"', [['Event (System)']]],
    // Tables that only leave rows out: optional, said so; every other join and in (…) needs its side.
    ['a !in subquery as optional', "SigninLogs\n| where UserPrincipalName !in ((AuditLogs | where OperationName == 'Add member to role' | project UPN))", [['SigninLogs'], ['AuditLogs (optional: !in subquery)']]],
    ['a let of rows used in !in~ as optional', 'let admins = IdentityInfo | project AccountUPN;\nSigninLogs | where UserPrincipalName !in~ (admins)', [['SigninLogs'], ['IdentityInfo (optional: !in~ subquery)']]],
    ['a subquery in not(… in …) as optional, as !in', 'SigninLogs | where not(UserPrincipalName in ((AuditLogs | project UPN)))', [['SigninLogs'], ['AuditLogs (optional: not in subquery)']]],
    ['a subquery in not(… and … !in~ …) as needed, two negations', 'SigninLogs | where not(ResultType == 0 and UserPrincipalName !in~ ((AuditLogs | project UPN)))', [['SigninLogs'], ['AuditLogs']]],
    // The earlier pass's shape, in our words: a subquery or-ed with a plain test lets rows through without its table.
    ['an in subquery or-ed with a plain test as optional', "SigninLogs | where UserPrincipalName in ((AuditLogs | where OperationName == 'Add member to role' | project UPN)) or ResultType == '50126'", [['SigninLogs'], ['AuditLogs (optional: in subquery or-ed with a test)']]],
    ['an in subquery or-ed with a literal list in its parentheses as optional', "SigninLogs | where (UserPrincipalName in ((AuditLogs | project UPN)) or AppId in ('a', 'b')) and ResultType == 0", [['SigninLogs'], ['AuditLogs (optional: in subquery or-ed with a test)']]],
    ['an in subquery and-ed with a plain test as needed', 'SigninLogs | where ResultType == 0 and UserPrincipalName in ((AuditLogs | project UPN))', [['SigninLogs'], ['AuditLogs']]],
    ['a !in subquery or-ed with an in subquery as optional, no alternative', 'SigninLogs | where IPAddress in (SecurityEvent | project IpAddress) or IPAddress !in (Syslog | project HostIP)', [['SigninLogs'], ['SecurityEvent'], ['Syslog (optional: !in subquery)']]],
    ['an in subquery or-ed after a !in subquery as needed, no alternative', 'SigninLogs | where IPAddress !in (Syslog | project HostIP) or IPAddress in (SecurityEvent | project IpAddress)', [['SigninLogs'], ['Syslog (optional: !in subquery)'], ['SecurityEvent']]],
    ['an anti join of a let as optional, with the tables read inside it', 'let known = SecurityEvent | where EventID == 4624 | join (Syslog) on Computer;\nDeviceLogonEvents | join kind=anti (known) on DeviceName', [['DeviceLogonEvents'], ['SecurityEvent (EventID 4624) (optional: anti join)'], ['Syslog (optional: anti join)']]],
    ['leftsemi, inner and default joins as needed', 'DeviceLogonEvents | join kind=leftsemi (DeviceNetworkInfo) on DeviceId | join kind=inner (IdentityLogonEvents) on AccountSid | join (DeviceInfo) on DeviceId', [['DeviceLogonEvents'], ['DeviceNetworkInfo'], ['IdentityLogonEvents'], ['DeviceInfo']]],
    ['innerunique and rightsemi joins as needed: rows survive only where both sides match', 'SigninLogs | join kind=innerunique (AuditLogs) on UPN | join kind=rightsemi (OfficeActivity) on UPN', [['SigninLogs'], ['AuditLogs'], ['OfficeActivity']]],
    ['the left side of a rightanti join as optional, the right side in its place', 'SigninLogs | where ResultType == 0 | join kind=rightanti (AuditLogs | where OperationName == "Add member to role") on UPN', [['SigninLogs (optional: rightanti join)', 'AuditLogs']]],
    ['a rightanti join (rightantisemi) of a name without parentheses, after a join on its left side', 'SigninLogs | join (AADNonInteractiveUserSignInLogs) on UPN | join kind=rightantisemi AuditLogs on UPN', [['SigninLogs (optional: rightantisemi join)', 'AuditLogs'], ['AADNonInteractiveUserSignInLogs (optional: rightantisemi join)']]],
    ["a rightanti join inside a union's branch: the other branches stay alternatives", 'union (SigninLogs | join kind=rightanti (AuditLogs) on UPN), (OfficeActivity | where Operation == "Add member to role.")', [['SigninLogs (optional: rightanti join)', 'AuditLogs', 'OfficeActivity']]],
    ["a union's branches' anti joins each keeping why it is optional", 'union (SigninLogs | join kind=leftanti (AuditLogs) on UPN), (OfficeActivity | where UserId !in ((AzureActivity | project Caller)))', [['SigninLogs', 'OfficeActivity'], ['AuditLogs (optional: leftanti join)'], ['AzureActivity (optional: !in subquery)']]],
    // Before, AzureActivity was needed even with SigninLogs collected, whose branch runs whole without it.
    ["a union branch's needed join side no alternative to another's optional one: needed unless the other branch's rows are", 'union (SigninLogs | join kind=leftanti (AuditLogs) on UPN), (OfficeActivity | join (AzureActivity) on Caller)', [['SigninLogs', 'OfficeActivity'], ['AuditLogs (optional: leftanti join)'], ['SigninLogs', 'AzureActivity']]],
    // A union's branch that needs more than its rows (DeviceAlertEvents: AlertInfo and AlertEvidence; a join's side) is one
    // alternative whole: every choice of one need of each branch is a group, and one that asks more than another is left out.
    ['a union of DeviceAlertEvents and another table: the other enough alone', 'union DeviceAlertEvents, DeviceProcessEvents | where ActionType == "x"', [['AlertInfo (replaces DeviceAlertEvents)', 'DeviceProcessEvents'], ['AlertEvidence (replaces DeviceAlertEvents)', 'DeviceProcessEvents']]],
    ["a union's joined branch and a table, narrowed after the union", 'union (SecurityEvent | join (Syslog) on Computer), WindowsEvent | where EventID == 4688', [['SecurityEvent (EventID 4688)', 'WindowsEvent (EventID 4688)'], ['Syslog', 'WindowsEvent (EventID 4688)']]],
    ['a union of branches that each need the same other table: needed once, no choice asking more', 'union (SigninLogs | join (AuditLogs) on UPN), (AADNonInteractiveUserSignInLogs | join (AuditLogs) on UPN)', [['SigninLogs', 'AADNonInteractiveUserSignInLogs'], ['AuditLogs']]],
    ['a rightanti join of a let that reads the same table as its left side: needed once', 'let Historical = DeviceProcessEvents | where Timestamp > ago(30d);\nDeviceProcessEvents | where Timestamp > ago(1d) | join kind=rightanti (Historical) on DeviceName', [['DeviceProcessEvents']]],
    // leftouter joins and lookups keep every row of their left side: the right side is optional, unless a later where
    // filters on a column it brings, which keeps only the rows it matched.
    ['a lookup (leftouter by default) as optional', 'SigninLogs | lookup (IdentityInfo | project AccountUPN, Department) on $left.UserPrincipalName == $right.AccountUPN', [['SigninLogs'], ['IdentityInfo (optional: leftouter lookup)']]],
    ['a join kind=leftouter of a name as optional, and a lookup kind=inner as needed', 'SigninLogs | join kind=leftouter IdentityInfo on AccountUPN | lookup kind=inner (AuditLogs) on UPN', [['SigninLogs'], ['IdentityInfo (optional: leftouter join)'], ['AuditLogs']]],
    ['a lookup side as needed when a later where keeps its column non-empty (isnotempty, has)', 'SigninLogs | lookup (IdentityInfo | project AccountUPN, Department) on AccountUPN | where ResultType == 0 and isnotempty(Department)', [['SigninLogs'], ['IdentityInfo']]],
    ['a lookup side as needed when a later where tests a column it brings with has', 'SigninLogs | lookup (IdentityInfo | project AccountUPN, Tags) on AccountUPN | where Tags has "VIP"', [['SigninLogs'], ['IdentityInfo']]],
    ['a leftouter side as needed when a where tests its column against a value, or its key as Kusto names the right copy', 'SigninLogs | join kind=leftouter (AuditLogs | project UPN, Op = OperationName) on UPN | join kind=leftouter (OfficeActivity) on UPN | where Op <> "" | where isnotnull(UPN1)', [['SigninLogs'], ['AuditLogs'], ['OfficeActivity']]],
    // Counts of a side's columns after a summarize: `where Net > 0` keeps only groups where a row of the side matched
    // (countif(RemoteUrl has …) counts rows with RemoteUrl), so the side is needed; counts or-ed make their sides
    // alternatives, one needed. The shape of a Defender hunt correlating a process with what it did next, in our words
    // (no public hunting query of exactly this shape was found). Before: both sides optional, the rule reading
    // DeviceProcessEvents alone. `Net == 0` keeps groups where no side row matched: the side stays optional.
    ['a leftouter side needed when a where tests a countif of its column above 0', 'DeviceProcessEvents | join kind=leftouter (DeviceNetworkEvents | project DeviceId, RemoteUrl) on DeviceId | summarize Net = countif(RemoteUrl has "pastebin") by DeviceId | where Net > 0', [['DeviceProcessEvents'], ['DeviceNetworkEvents']]],
    ['leftouter sides as alternatives when a where ors countifs of their columns', 'DeviceProcessEvents | join kind=leftouter (DeviceNetworkEvents | project DeviceId, RemoteUrl) on DeviceId | join kind=leftouter (DeviceFileEvents | project DeviceId, FolderPath) on DeviceId | summarize Net = countif(RemoteUrl has "pastebin"), Files = dcountif(FolderPath, FolderPath has "Temp") by DeviceId | where Net > 0 or Files >= 1', [['DeviceProcessEvents'], ['DeviceNetworkEvents', 'DeviceFileEvents']]],
    ['a leftouter side still optional when a where keeps groups whose countif is 0', 'DeviceProcessEvents | join kind=leftouter (DeviceNetworkEvents | project DeviceId, RemoteUrl) on DeviceId | summarize Net = countif(RemoteUrl has "pastebin") by DeviceId | where Net == 0', [['DeviceProcessEvents'], ['DeviceNetworkEvents (optional: leftouter join)']]],
    // Column ownership: a side whose last operator projects its columns brings those, not every name it reads; the
    // where after the join tests the left side's TimeGenerated (IdentityInfo's was projected away). Before: IdentityInfo needed.
    ['a leftouter side that projects its columns brings those alone, not the names its own where reads', 'SigninLogs | where ResultType == "0" | join kind=leftouter (IdentityInfo | where TimeGenerated > ago(14d) | summarize arg_max(TimeGenerated, *) by AccountUPN | project AccountUPN, Department) on $left.UserPrincipalName == $right.AccountUPN | where TimeGenerated > ago(1d)', [['SigninLogs'], ['IdentityInfo (optional: leftouter join)']]],
    // A side that keeps its table's columns (arg_max(TimeGenerated, *), as Microsoft's Sentinel docs join IdentityInfo:
    // MicrosoftDocs/azure-docs articles/sentinel/investigate-with-ueba.md, commit 5c918e09) brings TimeGenerated as TimeGenerated1, the
    // left's keeping its name: the where after the join tests SigninLogs'. Before: IdentityInfo needed.
    ['a leftouter side of arg_max(…, *) or distinct * brings TimeGenerated as TimeGenerated1, not the one a later where tests', 'SigninLogs | where ResultType == "0" | join kind=leftouter (IdentityInfo | where TimeGenerated > ago(14d) | summarize arg_max(TimeGenerated, *) by AccountUPN) on $left.UserPrincipalName == $right.AccountUPN | join kind=leftouter (AuditLogs | where TimeGenerated > ago(14d) | distinct *) on $left.UserPrincipalName == $right.UPN | where TimeGenerated > ago(1d)', [['SigninLogs'], ['IdentityInfo (optional: leftouter join)'], ['AuditLogs (optional: leftouter join)']]],
    ['a leftouter side of arg_max(…, *) needed when a where tests its TimeGenerated1, or TimeGenerated where the left summarized it away', 'SigninLogs | summarize Count = count() by UserPrincipalName | join kind=leftouter (AuditLogs | where TimeGenerated > ago(1d) | distinct *) on $left.UserPrincipalName == $right.UPN | where TimeGenerated > ago(1d) | join kind=leftouter (IdentityInfo | summarize arg_max(TimeGenerated, *) by AccountUPN) on $left.UserPrincipalName == $right.AccountUPN | where TimeGenerated1 > ago(14d)', [['SigninLogs'], ['AuditLogs'], ['IdentityInfo']]],
    ['a leftouter side needed when a where tests a column it projects, or one its summarize or extend names', 'SigninLogs | join kind=leftouter (IdentityInfo | where TimeGenerated > ago(14d) | project AccountUPN, Department) on $left.UserPrincipalName == $right.AccountUPN | join kind=leftouter (AuditLogs | summarize Ops = count() by UPN = InitiatedBy | extend Seen = true) on $left.UserPrincipalName == $right.UPN | where isnotempty(Department) | where Seen == true', [['SigninLogs'], ['IdentityInfo'], ['AuditLogs']]],
    ['a leftouter side still optional where a filter lets an empty value through (or, != a value, isempty) or tests a column of the left side', 'SigninLogs | summarize Count = count() by UPN | join kind=leftouter (AuditLogs | summarize Ops = count() by UPN | project UPN, Ops, Count) on UPN | where Ops != 0 or isnotempty(Ops) | where isempty(Ops) | where Count > 2 | where isnotempty(UPN)', [['SigninLogs'], ['AuditLogs (optional: leftouter join)']]],
    ['a leftouter side as needed when a where filters on a column of the let it names (a union of two tables)', 'let moves = union (CommonSecurityLog | project DataType = DeviceVendor, DestinationIP), (VMConnection | project DataType = Type, DestinationIP);\nDnsEvents | join kind = leftouter (moves) on $left.IPAddresses == $right.DestinationIP | where isnotempty(DataType)', [['DnsEvents'], ['CommonSecurityLog', 'VMConnection']]],
    // A side that brings all its columns (no project last): which side a column tested after the join is is not told by
    // its name where the left brings all its own too, Kusto keeping the left's name and calling the right's copy `…1`
    // (learn.microsoft.com/kusto/query/join-operator); where the left names its columns (`summarize … by RemoteIP`), any
    // other is the side's. The shapes of public Defender hunts (a DeviceLogonEvents summary by RemoteIP joined kind=leftouter
    // with all of DeviceNetworkEvents, then `where LocalPort == …`; DeviceProcessEvents joined with all of
    // DeviceNetworkEvents), in our words. Before: the first side needed, as it read InitiatingProcessFileName in its own
    // where; the second optional, as LocalPort was no name it read.
    ['a leftouter side of all its columns still optional where a where tests a name it only reads, the left bringing all its own', 'DeviceProcessEvents | where FileName =~ "rundll32.exe" | join kind=leftouter (DeviceNetworkEvents | where InitiatingProcessFileName =~ "rundll32.exe") on DeviceId | where InitiatingProcessFileName =~ "rundll32.exe"', [['DeviceProcessEvents'], ['DeviceNetworkEvents (optional: leftouter join)']]],
    ['a leftouter side of all its columns needed where a where tests a name it makes, or its key as Kusto names the right copy', 'DeviceProcessEvents | join kind=leftouter (DeviceNetworkEvents | extend Dest = RemoteUrl) on DeviceId | where isnotempty(Dest) | join kind=leftouter (DeviceFileEvents | where ActionType == "FileCreated") on DeviceId | where isnotempty(DeviceId1)', [['DeviceProcessEvents'], ['DeviceNetworkEvents'], ['DeviceFileEvents']]],
    ['a leftouter side of all its columns needed where a where tests a column the left, which names its columns, has not', 'DeviceLogonEvents | where ActionType == "LogonFailed" | summarize Failures = count() by RemoteIP | join kind=leftouter (DeviceNetworkEvents) on RemoteIP | where LocalPort == 3389', [['DeviceLogonEvents'], ['DeviceNetworkEvents']]],
    ["a leftouter side of all its columns still optional where a where tests the left's column, or one an extend made after the join", 'DeviceLogonEvents | summarize Failures = count() by RemoteIP | join kind=leftouter (DeviceNetworkEvents) on RemoteIP | where Failures > 5 | extend Port = tostring(LocalPort) | where Port == "3389"', [['DeviceLogonEvents'], ['DeviceNetworkEvents (optional: leftouter join)']]],
    ['a leftouter side needed where a where keeps a column it makes between two times', 'AuditLogs | where OperationName has "Fraud reported" | join kind=leftouter (SigninLogs | where ResultType == "500121" | project-rename SignInTime = TimeGenerated) on CorrelationId | where SignInTime between ((TimeGenerated - 3m) .. (TimeGenerated + 3m))', [['AuditLogs'], ['SigninLogs']]],
    // The mirror: a rightouter join whose right side brings all its columns needs its left side only for a column surely
    // the left's (one it reads or names). Before: SigninLogs needed, as Result was no name AuditLogs' side read.
    ["a rightouter join's left side still optional where a where tests a column the right side of all its columns may bring", 'SigninLogs | join kind=rightouter (AuditLogs | where OperationName has "password") on $left.UserPrincipalName == $right.UPN | where Result == "success"', [['SigninLogs (optional: rightouter join)', 'AuditLogs']]],
    ["a rightouter join's left side needed where a where tests a column the left names, the right side bringing all its columns", 'SigninLogs | summarize Attempts = count() by UserPrincipalName | join kind=rightouter (AuditLogs | where OperationName has "password") on $left.UserPrincipalName == $right.UPN | where Attempts > 3', [['SigninLogs', 'AuditLogs']]],
    // rightouter joins keep every row of their right side, the mirror of leftouter: the left side is optional, unless a
    // later where tests a column the right side does not bring (Kusto's join operator: "kind=rightouter": a row for every
    // row on the right, unmatched cells null). fullouter keeps both sides' rows: either side alone gives rows, alternatives.
    // A test inside an `or` keeps a column non-empty only when every branch does. Before, the first test of the
    // condition was read alone: `isnotempty(Ops) or Count > 2` made AuditLogs needed, `Invocations > 5 or …` CloudAppEvents.
    ['a leftouter side still optional where its column is tested in one branch of an or only', 'SigninLogs | summarize Count = count() by UPN | join kind=leftouter (AuditLogs | summarize Ops = count() by UPN | project UPN, Ops) on UPN | where isnotempty(Ops) or Count > 2', [['SigninLogs'], ['AuditLogs (optional: leftouter join)']]],
    ['a leftouter side as needed where every branch of an or keeps its column non-empty', 'SigninLogs | summarize Count = count() by UPN | join kind=leftouter (AuditLogs | summarize Ops = count() by UPN | project UPN, Ops) on UPN | where (isnotempty(Ops) and Count > 1) or Ops > 2', [['SigninLogs'], ['AuditLogs']]],
    ["a rightouter join's left side still optional where a left column is tested in one branch of an or only", 'CloudAppEvents | summarize Invocations = count() by AccountUpn | join kind=rightouter (IdentityInfo | project AccountUpn, Department) on AccountUpn | where Invocations > 5 or Department has "IT"', [['CloudAppEvents (optional: rightouter join)', 'IdentityInfo']]],
    // Two enrichment sides, a where keeping the rows either matched (the shape of public Defender XDR hunting notes:
    // `| join kind=leftouter (EndpointAlerts) … | join kind=leftouter (EmailThreats) … | where isnotempty(DeviceName)
    // or isnotempty(Subject)`): one of the sides is needed. Before, the first side needed and the second optional.
    ['leftouter sides as alternatives where an or keeps the rows either matched', 'IdentityLogonEvents | summarize by AccountUpn | join kind=leftouter (DeviceLogonEvents | project AccountUpn, DeviceName) on AccountUpn | join kind=leftouter (EmailEvents | project AccountUpn=RecipientEmailAddress, Subject) on AccountUpn | where isnotempty(DeviceName) or isnotempty(Subject)', [['IdentityLogonEvents'], ['DeviceLogonEvents', 'EmailEvents']]],
    ['leftouter sides as alternatives, a side of two tables each an alternative of the other side (DeviceAlertEvents)', 'let EndpointAlerts = DeviceAlertEvents | project DeviceName, AccountName, Title;\nlet EmailThreats = EmailEvents | project RecipientEmailAddress, Subject;\nIdentityLogonEvents | summarize by AccountUpn | join kind=leftouter (EndpointAlerts) on $left.AccountUpn == $right.AccountName | join kind=leftouter (EmailThreats) on $left.AccountUpn == $right.RecipientEmailAddress | where isnotempty(DeviceName) or isnotempty(Subject)', [['IdentityLogonEvents'], ['AlertInfo (replaces DeviceAlertEvents)', 'EmailEvents'], ['AlertEvidence (replaces DeviceAlertEvents)', 'EmailEvents']]],
    ['the left side of a rightouter join as optional, the right side in its place', 'CloudAppEvents | where ActionType == "AgentInvoke" | summarize Invocations = count() by AccountUpn | join kind=rightouter (IdentityInfo | project AccountUpn, Department) on AccountUpn | where Department == "Sales"', [['CloudAppEvents (optional: rightouter join)', 'IdentityInfo']]],
    ['the left side of a rightouter join as needed when a where tests a column the right side does not bring', 'CloudAppEvents | summarize Invocations = count() by AccountUpn | join kind=rightouter (IdentityInfo | project AccountUpn) on AccountUpn | where Invocations > 5', [['CloudAppEvents', 'IdentityInfo']]],
    ["a rightouter join's left side, with the groups it opened, as optional; still so where the filter lets an empty value through", 'SigninLogs | join (AuditLogs) on UPN | join kind=rightouter (IdentityInfo | project UPN, Department) on UPN | where isempty(ResultType) or Department has "IT"', [['SigninLogs (optional: rightouter join)', 'IdentityInfo'], ['AuditLogs (optional: rightouter join)']]],
    ["a fullouter join's sides as alternatives: either side alone gives rows", 'let DEvents = DeviceEvents | where InitiatingProcessFileName has "wmiprvse";\nlet DPEvents = DeviceProcessEvents | where InitiatingProcessFileName has "wmiprvse";\nDEvents | join kind=fullouter (DPEvents) on TimeGenerated | where not(ProcessCommandLine has_any (Allowed))', [['DeviceEvents', 'DeviceProcessEvents']]],
    ["a fullouter join's side as an alternative of the left's rows only: a later join still needs its own", 'SecurityEvent | where EventID == 4688 | join kind=fullouter (Syslog) on Computer | join (AuditLogs) on Computer', [['SecurityEvent (EventID 4688)', 'Syslog'], ['AuditLogs']]],
    ['a table needed anyway once, not again as optional', 'SigninLogs | where UserPrincipalName !in ((AuditLogs | project UPN)) | join kind=leftsemi (AuditLogs | project UPN) on UPN', [['SigninLogs'], ['AuditLogs']]],
    // Defender ATP's tables of before December 2019 as the ones they became.
    ['old Defender ATP tables as their new names, in a join and through table()', 'ProcessCreationEvents | join (NetworkCommunicationEvents) on MachineId | join kind=leftanti (table("MachineNetworkInfo")) on MachineId', [['DeviceProcessEvents (renamed from ProcessCreationEvents)'], ['DeviceNetworkEvents (renamed from NetworkCommunicationEvents)'], ['DeviceNetworkInfo (renamed from MachineNetworkInfo) (optional: leftanti join)']]],
    // DeviceAlertEvents, which AlertInfo and AlertEvidence replaced: both needed, as the join Microsoft rewrote its queries with.
    ['DeviceAlertEvents as AlertInfo and AlertEvidence, each needed', 'DeviceAlertEvents | where Severity == "High"', [['AlertInfo (replaces DeviceAlertEvents)'], ['AlertEvidence (replaces DeviceAlertEvents)']]],
    ['AlertEvents of 2019 as AlertInfo and AlertEvidence, joined', 'AlertEvents | join (DeviceProcessEvents) on MachineId', [['AlertInfo (replaces DeviceAlertEvents, formerly AlertEvents)'], ['AlertEvidence (replaces DeviceAlertEvents, formerly AlertEvents)'], ['DeviceProcessEvents']]],
    // ASIM parsers: said with the schema they read, whatever source the workspace normalizes to it.
    ['an ASIM parser, built in, called with its parameters', '_Im_NetworkSession(starttime=todatetime(ago(lookback)), endtime=now())\n| where DstDomain has_any (ioc_domains)', [['_Im_NetworkSession (ASIM NetworkSession schema)']]],
    ['ASIM parsers deployed to a workspace and source-specific, in a union', 'union imAuthentication, vimDnsMicrosoftOMS, _ASim_FileEvent, _Im_Dns_AzureFirewallV02', [['imAuthentication (ASIM Authentication schema)', 'vimDnsMicrosoftOMS (ASIM Dns schema)', '_ASim_FileEvent (ASIM FileEvent schema)', '_Im_Dns_AzureFirewallV02 (ASIM Dns schema)']]],
    ['a table normalized at ingestion (ASim…Logs) as a table, no parser', 'ASimDnsActivityLogs | where EventResult == "Failure"', [['ASimDnsActivityLogs']]],
    ['no rename of a let that has an old table\'s name', 'let MiscEvents = DeviceEvents | where ActionType == "UsbDriveMount";\nMiscEvents | count', [['DeviceEvents']]],
  ];
  for (const [what, query, groups] of cases) {
    it(`reads ${what}`, () => expect(kqlTableGroups(query)).to.deep.equal(groups));
  }

  // Azure/Azure-Sentinel's Detections/SecurityEvent/StartStopHealthService.yaml (1f9d1813b8db246f099f3164dd7fb9309b296b87)
  // enriches its 4656 events with the 4624 logon of the same session, keeping those with none; its
  // Hunting Queries/MultipleDataSources/RareDNSLookupWithDataTransfer.yaml (1b4ccf67c11f615b5400fbe44a4f4e5f8893becb)
  // keeps only the DNS lookups its leftouter join matched with traffic (`where isnotempty(DataType)`). Excerpts.
  it('reads a leftouter join as optional unless a later where keeps only matched rows (StartStopHealthService.yaml, RareDNSLookupWithDataTransfer.yaml)', () => {
    const health = [
      'SecurityEvent',
      '| where EventID == 4656',
      '| where ObjectServer =~ "SC Manager" and ObjectType =~ "SERVICE OBJECT" and ObjectName =~ "HealthService"',
      '// Comment out the join below if the SACL only audits users that are part of the Network logon users, i.e. with user/group target pointing to "NU."',
      '| join kind=leftouter (',
      '  SecurityEvent',
      '  | where EventID == 4624',
      ') on TargetLogonId',
      '| project TimeGenerated, Computer, Account, TargetAccount, IpAddress',
    ].join('\n');
    // Before: [['SecurityEvent (EventID 4656)'], ['SecurityEvent (EventID 4624)']], needing both events collected.
    expect(kqlTableGroups(health)).to.deep.equal([['SecurityEvent (EventID 4656)']]);
    const dns = [
      'let DNSIPBreakout = DnsEvents | where SubType == "LookupQuery" | extend DnsIPAddress = IPAddresses;',
      'let DataMovement = ( union isfuzzy=true',
      '(CommonSecurityLog',
      '| where DeviceVendor =="Palo Alto Networks" and Activity == "TRAFFIC"',
      '| project DataType = DeviceVendor, TimeGenerated, SourceIP , SourcePort , DestinationIP, DestinationPort, ReceivedBytes, SentBytes',
      '),',
      '(VMConnection',
      '| where Direction =~ "Outbound"',
      '| project DataType = Type, TimeGenerated, SourceIP = SourceIp , DestinationIP = DestinationIp, DestinationPort, ReceivedBytes = BytesReceived, SentBytes = BytesSent',
      ')',
      ');',
      'DNSIPBreakout | join kind = leftouter (',
      'DataMovement',
      ') on $left.DnsIPAddress == $right.DestinationIP and $left.ClientIP == $right.SourceIP',
      '| where isnotempty(DataType)',
    ].join('\n');
    expect(kqlTableGroups(dns)).to.deep.equal([['DnsEvents'], ['CommonSecurityLog', 'VMConnection']]);
    expect(kqlTableGroups(dns.replace('| where isnotempty(DataType)', ''))).to.deep.equal([['DnsEvents'], ['CommonSecurityLog (optional: leftouter join)', 'VMConnection (optional: leftouter join)']]);
  });

  // mTyguy/Terraform-Sentinel-Resources' Rules/main.tf at 53bcb4c763a2831741f72b64a0508ef6dc489377, its Sentinel rule
  // NonUs_Login_Detected_with_Whitelisting_v02: SigninLogs joined kind=rightouter to a CSV of users (externaldata), then
  // `where Status.errorCode in (…)`, a column of SigninLogs, empty on a user row no sign-in matched: SigninLogs is needed.
  // Excerpt (the CSV's columns and the error codes shortened).
  it("reads a rightouter join's left side as needed when a where tests a member of its column (Rules/main.tf)", () => {
    const query = [
      'let UserData = externaldata(_accountEnabled:string, _displayName:string, _userPrincipalName:string, _id:string, _country:string)',
      '    ["https://raw.githubusercontent.com/mTyguy/Terraform-Sentinel-Resources/refs/heads/main/Rules/externaldata/users.csv"]',
      '    with (format="csv",ignoreFirstRecord=true);',
      'SigninLogs',
      '| join kind=rightouter UserData on $left.UserId==$right._id',
      '| where Status.errorCode in ("0","50140","50055")',
      '| where LocationDetails.countryOrRegion !in ("US")',
      '| where not(_country contains Location)',
    ].join('\n');
    expect(kqlTableGroups(query)).to.deep.equal([['SigninLogs']]);
    expect(kqlTableGroups(query.replace(/\| where Status[^\n]*\n/, ''))).to.deep.equal([['SigninLogs (optional: rightouter join)']]);
  });

  // Azure/Azure-Sentinel's Hunting Queries/MultipleDataSources/PersistViaIFEORegistryKey.yaml at 1567a5a5cf893467addefb02dbddf86ba0b8f8f3
  // is a quote short (`("\REGISTRY\MACHINE, "Image …")`): the literal opened after `Options` runs into its line's end,
  // which Kusto refuses ("The string data type": no line break in a literal). Excerpt; with its SecurityEvent
  // branch's test as a5f2119240f786329e0882427e0c8633093480e1 writes it (`CommandLine has …`), the same excerpt is read whole.
  it('reads a query Kusto refuses as far as it parses, guessing no table past an unterminated literal (PersistViaIFEORegistryKey.yaml)', () => {
    const branch = (first: string): string[] => ['(union isfuzzy=true', '(', 'SecurityEvent', '| where EventID == 4657', first, '| summarize Count=count() by Computer, Account, ObjectName', '),', '(', 'Event', '| where Source == "Microsoft-Windows-Sysmon"', '| where EventID in (12, 13)', '| where TargetObject has_all ("HKLM", "Image File Execution Options")', '),', '(', 'imRegistry', '| where RegistryKey has_all ("HKEY_LOCAL_MACHINE", "Image File Execution Options")', ')', ')'];
    expect(kqlTableGroups(branch('| where ObjectName has_all ("\\REGISTRY\\MACHINE, "Image File Execution Options")').join('\n'))).to.deep.equal([['SecurityEvent (EventID 4657)']]);
    expect(kqlTableGroups(branch('| where CommandLine has "Image File Execution Options"').join('\n'))).to.deep.equal([['SecurityEvent (EventID 4657)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 12 or 13)', 'imRegistry (ASIM RegistryEvent schema)']]);
  });

  it("says where a query Kusto refuses is cut, in the query and in the rule's file, and reads it up to there only (PersistViaIFEORegistryKey.yaml)", () => {
    expect(kqlQueryCut('SecurityEvent\n| where ObjectName has_all ("\\REGISTRY\\MACHINE, "Image File Execution Options")\n| count')).to.deep.equal({ line: 2, why: 'unterminated string' });
    expect(kqlQueryCut("SecurityEvent | where CommandLine has 'a\"b' and x == @\"C:\\\" // it's fine\n| count")).to.equal(undefined);
    // A literal the query's end leaves open is cut too; what follows a cut is not read (Syslog).
    expect(kqlQueryCut('SecurityEvent | where x == "a')).to.deep.equal({ line: 1, why: 'unterminated string' });
    expect(kqlTableGroups('SecurityEvent | where x == "a\n| join (Syslog) on Computer')).to.deep.equal([['SecurityEvent']]);
    const read = readRuleFolder(join(library, 'sentinel'));
    const rule = read.rules.find((each) => each.name === 'Persisting Via IFEO Registry Key')!;
    expect([rule.queryTables, rule.queryCut]).to.deep.equal([[['SecurityEvent (EventID 4657)']], { why: 'unterminated string', queryLine: 5, line: 28 }]);
    expect(queryCutWarning(rule)).to.equal(`${rule.file}: its query is cut at line 28 (unterminated string): read up to there`);
    const clean = read.rules.find((each) => each.name === 'SecurityEvent - Multiple authentication failures followed by a success')!;
    expect([clean.queryCut, queryCutWarning(clean)]).to.deep.equal([undefined, undefined]);
  });

  it('says the line a .kql file, a query kept as Markdown and a Sentinel export cut their queries at', () => {
    const kql = parseKqlFile('// Name: IFEO\n// MITRE ATT&CK: T1546.012\nSecurityEvent\n| where ObjectName has "IFEO\n', 'ifeo.kql');
    expect('rule' in kql && kql.rule.queryCut).to.deep.equal({ why: 'unterminated string', queryLine: 4, line: 4 });
    const markdown = parseKqlMarkdown(['# IFEO', '', '## MITRE ATT&CK Technique(s)', '', '| Technique ID | Title |', '| --- | --- |', '| T1546.012 | Image File Execution Options Injection |', '', '```KQL', 'SecurityEvent', "| where ObjectName has 'IFEO", '```'].join('\n'), 'ifeo.md');
    expect('rule' in markdown && markdown.rule.queryCut).to.deep.equal({ why: 'unterminated string', queryLine: 2, line: 11 });
    const exported = { resources: [{ type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules', kind: 'Scheduled', properties: { displayName: 'IFEO', enabled: true, severity: 'Medium', techniques: ['T1546'], query: 'SecurityEvent\n| where ObjectName has "IFEO' } }] };
    const rule = parseSentinelExport(exported, JSON.stringify(exported, null, 2), 'export.json').rules[0]!;
    expect(rule.queryCut).to.deep.equal({ why: 'unterminated string', queryLine: 2 });
    expect(queryCutWarning(rule)).to.equal('export.json:7: IFEO: its query is cut at its line 2 (unterminated string): read up to there');
  });

  it('reads the union of AuditPolicyManipulation_using_auditpol.yaml (union isfuzzy=true (SecurityEvent | …), (DeviceProcessEvents | …), (Event | …)) as one group, its Event branch as Sysmon\'s event 1', () => {
    const read = readRuleFolder(join(library, 'sentinel', 'AuditPolicyManipulation_using_auditpol.yaml'));
    expect(read.rules.map((rule) => rule.queryTables)).to.deep.equal([[['SecurityEvent', 'DeviceProcessEvents', 'Event (Microsoft-Windows-Sysmon/Operational EventID 1)']]]);
  });

  it('reads the join of NetworkEndpointCorrelation.yaml through its let (CommonSecurityLog | … | join (endpointData)) as two groups', () => {
    const read = readRuleFolder(join(library, 'sentinel', 'NetworkEndpointCorrelation.yaml'));
    expect(read.rules.map((rule) => rule.queryTables)).to.deep.equal([[['CommonSecurityLog'], ['SecurityEvent (EventID 4688)']]]);
  });

  it("reads a Sentinel rule's requiredDataConnectors dataTypes, as one group, when its query names no table it tells", () => {
    const dir = freshTmpDir('kql-tables-datatypes');
    writeFileSync(join(dir, 'watchlist.yaml'), ['name: Watchlist hosts', 'severity: Low', 'requiredDataConnectors:', '  - connectorId: SecurityEvents', '    dataTypes:', '      - SecurityEvent', '  - connectorId: Syslog', '    dataTypes:', '      - Syslog', 'relevantTechniques:', '  - T1078', "query: _GetWatchlist('hosts') | project Host", ''].join('\n'));
    expect(readRuleFolder(dir).rules.map((rule) => rule.queryTables)).to.deep.equal([[['SecurityEvent', 'Syslog']]]);
  });

  it("reads an ASIM parser of a Sentinel rule as the dataTypes its requiredDataConnectors list (datatypes too), alternatives; without any, as its schema (PortScan.yaml, imDNS_Miners.yaml)", () => {
    const dir = freshTmpDir('kql-tables-asim');
    const connectors = ['  - connectorId: AWSS3', '    datatypes:', '      - AWSVPCFlow', '  - connectorId: MicrosoftThreatProtection', '    dataTypes:', '      - DeviceNetworkEvents', '  - connectorId: SecurityEvents', '    dataTypes:', '      - SecurityEvent'];
    writeFileSync(join(dir, 'PortScan.yaml'), ['name: Port scan detected  (ASIM Network Session schema)', 'severity: Medium', 'requiredDataConnectors:', ...connectors, 'relevantTechniques:', '  - T1046', 'query: |', '  _Im_NetworkSession', '  | where ipv4_is_private(SrcIpAddr) == False', '  | join kind=leftanti (SigninLogs | project IPAddress) on $left.SrcIpAddr == $right.IPAddress', ''].join('\n'));
    writeFileSync(join(dir, 'imDNS_Miners.yaml'), ['name: DNS events related to mining pools (Normalized DNS)', 'severity: Low', 'requiredDataConnectors: []', 'relevantTechniques:', '  - T1496', 'query: |', '  union isfuzzy=true', '  (datatable(TimeGenerated:datetime)[]),', '  (imDns | where DnsQuery has_any ("monerohash.com"))', ''].join('\n'));
    const tables = new Map(readRuleFolder(dir).rules.map((rule) => [rule.name, rule.queryTables]));
    expect(tables.get('Port scan detected  (ASIM Network Session schema)')).to.deep.equal([['AWSVPCFlow', 'DeviceNetworkEvents', 'SecurityEvent'], ['SigninLogs (optional: leftanti join)']]);
    expect(tables.get('DNS events related to mining pools (Normalized DNS)')).to.deep.equal([['imDns (ASIM Dns schema)']]);
  });

  it('reads the tables of a .kql file, of the first KQL block of a query kept as Markdown and of a Sentinel export\'s query', () => {
    const text = readFileSync(join(library, 'kql', 'powershell-download.kql'), 'utf8');
    const kql = parseKqlFile(text, 'powershell-download.kql');
    expect('rule' in kql && kql.rule.queryTables).to.deep.equal([['DeviceProcessEvents', 'DeviceNetworkEvents']]);
    const markdown = parseKqlMarkdown(['# Download', '', '## MITRE ATT&CK Technique(s)', '', '| Technique ID | Title |', '| --- | --- |', '| T1105 | Ingress Tool Transfer |', '', '```KQL', 'union DeviceProcessEvents, DeviceNetworkEvents', '```', '```KQL', 'DeviceProcessEvents', '```'].join('\n'), 'q.md');
    expect('rule' in markdown && markdown.rule.queryTables).to.deep.equal([['DeviceProcessEvents', 'DeviceNetworkEvents']]);
    const exported = { resources: [{ type: 'Microsoft.OperationalInsights/workspaces/providers/alertRules', kind: 'Scheduled', properties: { displayName: 'Audit policy', enabled: true, severity: 'Medium', techniques: ['T1204'], query: 'search in (SecurityEvent, Syslog) "auditpol"' } }] };
    const input = parseSentinelExport(exported, JSON.stringify(exported, null, 2), 'export.json');
    expect(input.rules.map((rule) => rule.queryTables)).to.deep.equal([[['SecurityEvent', 'Syslog']]]);
  });

  it('reads both Windows events of the join of NonDCActiveDirectoryReplication.yaml (4662 joined with 4624) and the or of MultipleFailedFollowedBySuccess.yaml', () => {
    const read = readRuleFolder(join(library, 'sentinel'));
    const tables = new Map(read.rules.map((rule) => [rule.name, rule.queryTables]));
    expect(tables.get('Non Domain Controller Active Directory Replication')).to.deep.equal([['SecurityEvent (EventID 4662)'], ['SecurityEvent (EventID 4624)']]);
    expect(tables.get('SecurityEvent - Multiple authentication failures followed by a success')).to.deep.equal([['SecurityEvent (EventID 4624 or 4625)']]);
  });

  // Real rules' queries, as excerpts: [what it reads, the query's lines, the groups].
  const realQueries: [what: string, lines: string[], groups: string[][]][] = [
    [
      'narrows each branch of a union, on each side of a join (UserCreatedAddedToBuiltinAdmins_1d.yaml)',
      [
        '(union isfuzzy=true',
        '    (SecurityEvent',
        '    | where EventID == 4720',
        '    | where AccountType == "User"',
        '    | project CreatedUserTime = TimeGenerated, CreatedUserSid = TargetSid',
        '    ),',
        '    (WindowsEvent',
        '    | where EventID == 4720',
        '    | extend AccountType=case(EventData.SubjectUserName endswith "$" or SubjectUserSid in ("S-1-5-18", "S-1-5-19", "S-1-5-20"), "Machine", isempty(SubjectUserSid), "", "User")',
        '    )',
        '  )',
        '| join kind=inner',
        '(',
        '  (union isfuzzy=true',
        '    (SecurityEvent',
        '    | where AccountType == "User"',
        '    // 4732 - A member was added to a security-enabled local group',
        '    | where EventID == 4732',
        '    ),',
        '    (  WindowsEvent',
        '    | where EventID == 4732 and EventData has "S-1-5-32-544"',
        '    )',
        '  )',
        ')',
        'on CreatedUserSid',
      ],
      [['SecurityEvent (EventID 4720)', 'WindowsEvent (EventID 4720)'], ['SecurityEvent (EventID 4732)', 'WindowsEvent (EventID 4732)']],
    ],
    [
      'reads a let used on both sides of a join once (PotentialKerberoast.yaml: Kerbevent1h | join kind=leftanti (Kerbevent23h))',
      [
        'let Kerbevent =',
        'SecurityEvent',
        '| where TimeGenerated >= ago(starttime)',
        '| where EventID == 4769',
        '| parse EventData with * \'TicketEncryptionType">\' TicketEncryptionType "<" *;',
        'let Kerbevent23h = Kerbevent',
        '| summarize ServiceNameCountPrev23h = dcount(ServiceName) by Computer, TargetUserName;',
        'let Kerbevent1h =',
        'Kerbevent',
        '| where TimeGenerated >= ago(endtime);',
        'Kerbevent1h',
        '| join kind=leftanti',
        '(',
        'Kerbevent23h',
        ') on TargetUserName, TargetDomainName',
      ],
      [['SecurityEvent (EventID 4769)']],
    ],
    [
      "reads the Sysmon events of ADFSKeyExportSysmon.yaml (Event | where Source == \"Microsoft-Windows-Sysmon\" … | where EventID in (17,18)) and its servers' subquery",
      [
        'let ADFS_Servers = (',
        'Event',
        '| where Source == "Microsoft-Windows-Sysmon"',
        '| extend Key=tostring([\'@Name\']), Value=[\'#text\']',
        '| where process =~ "Microsoft.IdentityServer.ServiceHost.exe"',
        '| summarize by Computer);',
        'Event',
        '| where Source == "Microsoft-Windows-Sysmon"',
        '| where Computer in~ (ADFS_Servers)',
        '| where EventID in (17,18)',
        '| where PipeName == "\\\\MICROSOFT##WID\\\\tsql\\\\query"',
      ],
      [['Event (Microsoft-Windows-Sysmon/Operational EventID 17 or 18)'], ['Event (Microsoft-Windows-Sysmon/Operational)']],
    ],
    [
      'reads the tables a let function reads through table(tableName), by the names its calls give, and an or of subqueries as alternatives (HostAADCorrelation.yaml)',
      [
        'let win_fails =',
        'SecurityEvent',
        '| where EventID == 4625',
        '| summarize make_list(IpAddress);',
        'let nix_fails =',
        'Syslog',
        "| where Facility contains 'auth' and ProcessName != 'sudo' and not(SyslogMessage has_any ('Disconnecting', 'Accepted', @'[preauth]'))",
        '| summarize make_list(SourceIP);',
        'let aadFunc = (tableName:string){',
        'table(tableName)',
        '| where ResultType in ("0", "50125", "50140")',
        '| where IPAddress in (win_fails) or IPAddress in (nix_fails)',
        '};',
        ...AAD_FUNC_CALLS,
        'union isfuzzy=true aadSignin, aadNonInt',
      ],
      [['SigninLogs', 'AADNonInteractiveUserSignInLogs'], ['SecurityEvent (EventID 4625)', 'Syslog']],
    ],
    [
      "reads a let function's own let as no table (AADAWSConsoleCorrelation.yaml: `{ let Suspicious_signins = table(tableName) | …; Suspicious_signins }`)",
      [
        'let aadFunc = (tableName:string){',
        'let Suspicious_signins =',
        'table(tableName)',
        '| where ResultType !in ("0", "50125", "50140")',
        '| summarize make_set(IPAddress);',
        'Suspicious_signins',
        '};',
        ...AAD_FUNC_CALLS,
        'let Suspicious_signins =',
        'union isfuzzy=true aadSignin, aadNonInt',
        '| summarize make_set(set_IPAddress);',
        'AWSCloudTrail',
        '| where EventName =~ "ConsoleLogin"',
        '| where SourceIpAddress in (Suspicious_signins)',
      ],
      [['AWSCloudTrail'], ['SigninLogs', 'AADNonInteractiveUserSignInLogs']],
    ],
    [
      'reads the sides of two anti joins as optional (Device Logons from Unknown IPs.csl)',
      [
        'DeviceLogonEvents',
        '| where RemoteIPType == "Public"',
        '| join kind=leftanti (',
        '    DeviceNetworkInfo',
        '    | project NetworkInfo = todynamic(IPAddresses )',
        '    | mvexpand NetworkInfo',
        '    | project IpAddress = tostring(parse_json(NetworkInfo).IPAddress)',
        '    | distinct IpAddress',
        ') on $left.RemoteIP == $right.IpAddress // Removes any IP addresses assigned to a device',
        '| join kind=leftanti (',
        '    IdentityLogonEvents',
        '    | where ISP != "INTERNAL_NETWORK"',
        ') on $left.RemoteIP == $right.IPAddress',
      ],
      [['DeviceLogonEvents'], ['DeviceNetworkInfo (optional: leftanti join)'], ['IdentityLogonEvents (optional: leftanti join)']],
    ],
    [
      'reads the side of an anti join without parentheses as optional (Non-local logons with -500 account.txt)',
      [
        'DeviceLogonEvents',
        "| where AccountSid endswith '-500' and parse_json(AdditionalFields).IsLocalLogon != true",
        "| join kind=leftanti IdentityLogonEvents on AccountSid // Remove the domain's built-in admin acccount",
      ],
      [['DeviceLogonEvents'], ['IdentityLogonEvents (optional: leftanti join)']],
    ],
    [
      "reads AlertEvents of 2019 as AlertInfo and AlertEvidence, which replaced it, each needed, joined with MiscEvents' let (Open email link.txt)",
      [
        'let minTimeRange = ago(7d);',
        'let outlookLinks = ',
        '    MiscEvents',
        '    | where EventTime > minTimeRange and ActionType == "ShellStart" and isnotempty(RemoteUrl)',
        '    | project EventTime, MachineId, ComputerName, RemoteUrl, InitiatingProcessFileName, ParsedUrl=parse_url(RemoteUrl);',
        'let alerts =',
        '    AlertEvents',
        '    | summarize (FirstDetectedActivity, Title)=argmin(EventTime, Title) by AlertId, MachineId',
        '    | where FirstDetectedActivity > minTimeRange;',
        'alerts | join kind=inner (outlookLinks) on MachineId | where FirstDetectedActivity - EventTime between (0min..3min)',
      ],
      [['AlertInfo (replaces DeviceAlertEvents, formerly AlertEvents)'], ['AlertEvidence (replaces DeviceAlertEvents, formerly AlertEvents)'], ['DeviceEvents (renamed from MiscEvents)']],
    ],
    [
      'reads the ASIM parser of PortScan.yaml (_Im_NetworkSession) with its schema',
      ['let PortScanThreshold = 50;', '_Im_NetworkSession', '| where ipv4_is_private(SrcIpAddr) == False', '| summarize AttemptedPortsCount=dcount(DstPortNumber) by SrcIpAddr, bin(TimeGenerated, 5m)', '| where AttemptedPortsCount > PortScanThreshold'],
      [['_Im_NetworkSession (ASIM NetworkSession schema)']],
    ],
    [
      "reads the ASIM parser in imDNS_Miners.yaml's union (datatable(…)[]), (imDns | …)",
      ['union isfuzzy=true', '(datatable(TimeGenerated:datetime)[]),', '(imDns', '| where DnsQuery has_any ("monerohash.com", "do-dear.com", "xmrminerpro.com")', '| extend timestamp = TimeGenerated, IPCustomEntity = SrcIpAddr, HostCustomEntity = Dvc)'],
      [['imDns (ASIM Dns schema)']],
    ],
    [
      "reads the table a let function's calls name where its body only matches rows against it as needed, its calls' tables alternatives (AADHostLoginCorrelation.yaml)",
      [
        'let signin_threshold = 5;',
        'let aadFunc = (tableName:string){',
        'let suspicious_signins =',
        'table(tableName)',
        '| where ResultType !in ("0", "50125", "50140")',
        '| summarize make_set(IPAddress);',
        'let linux_logons =',
        'Syslog',
        '| where SyslogMessage has "Accepted"',
        '| where SourceIP in (suspicious_signins);',
        'let win_logons = (union isfuzzy=true',
        '(SecurityEvent',
        '| where EventID == 4624',
        '| where IpAddress in (suspicious_signins)',
        '),',
        '(WindowsEvent',
        '| where EventID == 4624 and has_any_ipv4(EventData, toscalar(suspicious_signins))',
        '| where IpAddress in (suspicious_signins)',
        ')',
        ');',
        'union isfuzzy=true linux_logons,win_logons',
        '};',
        ...AAD_FUNC_CALLS,
        'union isfuzzy=true aadSignin, aadNonInt',
      ],
      [['Syslog', 'SecurityEvent (EventID 4624)', 'WindowsEvent (EventID 4624)'], ['SigninLogs', 'AADNonInteractiveUserSignInLogs']],
    ],
    [
      'reads both sides of a rightsemi join as needed (ServiceAccountsPerformingRemotePS.txt)',
      [
        'LogonEvents                                                         // Get all logon events...',
        '| where ActionType == "LogonSuccess"                                // ...and the logon was successful...',
        '| summarize HasInteractiveLogon=max(IsInteractive) by AccountName',
        '| join kind=rightsemi (                                             // Start by dropping the account name and only tracking the...',
        "\tMiscEvents",
        "\t| where ActionType == 'PowerShellCommand'                       // ...PowerShell commands seen...",
        ') on AccountName',
      ],
      [['DeviceLogonEvents (renamed from LogonEvents)'], ['DeviceEvents (renamed from MiscEvents)']],
    ],
    [
      'reads the first names of ASIM parsers, imProcessCreation and imRegistry, by their schemas (PotentialMicrosoftSecurityServicesTampering.yaml, PersistViaIFEORegistryKey.yaml)',
      [
        '(union isfuzzy=true',
        '(',
        'imProcessCreation',
        '| where ProcessName in~ (includeProc)',
        '),',
        '(',
        'Event',
        '| where Source =~ "Microsoft-Windows-SENSE"',
        '| where EventID == 87',
        '),',
        '(',
        'imRegistry',
        '| where RegistryKey has_all ("HKEY_LOCAL_MACHINE", "Image File Execution Options")',
        ')',
        ')',
      ],
      [['imProcessCreation (ASIM ProcessCreate schema)', 'Event (EventID 87)', 'imRegistry (ASIM RegistryEvent schema)']],
    ],
    [
      "reads a union's branches, each with its join's side or subquery, as alternatives: either branch enough whole, every choice of one need of each branch a group (GainCodeExecutionADFSviaWMI.yaml)",
      [
        'let ADFS_Servers = (',
        'Event',
        '| where Source == "Microsoft-Windows-Sysmon"',
        '| extend EventData = parse_xml(EventData).DataItem.EventData.Data',
        '| mv-expand bagexpansion=array EventData',
        '| evaluate bag_unpack(EventData)',
        '| where process =~ "Microsoft.IdentityServer.ServiceHost.exe"',
        '| summarize by Computer);',
        '(union isfuzzy=true',
        '(',
        'SecurityEvent',
        '| where EventID == 4624 and LogonType == 3 and Account !endswith "$"',
        '| join kind=inner',
        '( SecurityEvent',
        '| where EventID == 4688 and SubjectLogonId != "0x3e4"',
        '| where ParentProcessName has "wmiprvse.exe"',
        ') on TargetAccount',
        '| where EventID == 4662',
        '),',
        '(',
        'Event',
        '| where Source == "Microsoft-Windows-Sysmon"',
        '| where Computer in~ (ADFS_Servers)',
        '| where EventID in (19, 20, 21)',
        ')',
        ')',
      ],
      // Before, merged by place: [[4624, Sysmon 19-21], [4688, Sysmon]], which Security 4624 and Sysmon met with neither branch whole.
      [
        ['SecurityEvent (EventID 4624)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 19 or 20 or 21)'],
        ['SecurityEvent (EventID 4688)', 'Event (Microsoft-Windows-Sysmon/Operational EventID 19 or 20 or 21)'],
        ['SecurityEvent (EventID 4624)', 'Event (Microsoft-Windows-Sysmon/Operational)'],
        ['SecurityEvent (EventID 4688)', 'Event (Microsoft-Windows-Sysmon/Operational)'],
      ],
    ],
    [
      'reads LogonEvents, a table of 2019, as DeviceLogonEvents (accountlogon.txt)',
      ['let UserName = "administrator";', 'LogonEvents ', '| where AccountName == UserName', '| distinct EventTime, ComputerName, AccountDomain'],
      [['DeviceLogonEvents (renamed from LogonEvents)']],
    ],
  ];
  for (const [what, query, groups] of realQueries) {
    it(what, () => expect(kqlTableGroups(query.join('\n'))).to.deep.equal(groups));
  }
});
