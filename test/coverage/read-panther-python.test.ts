import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parseRuleFile, readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { ruleItems, tacticTags } from '../helpers/rule-outcomes.js';

// The shape of panther-labs/pypanther's rules (pypanther/rules/gravitational_teleport_rules/teleport_role_created.py):
// a module importing pypanther, a list of tests, and a class deriving from Rule whose attributes are its fields.
const teleport = `from pypanther import LogType, Rule, RuleTest, Severity

teleport_role_created_tests: list[RuleTest] = [
    RuleTest(name="A role was created", expected_result=True, log={"event": "role.created"})
]


class TeleportRoleCreated(Rule):
    id = "Teleport.RoleCreated-prototype"
    display_name = "A Teleport Role was modified or created"
    log_types = [LogType.Gravitational_TeleportAudit]
    tags = ["Teleport"]  # a comment
    default_severity = Severity.medium
    reports = {"MITRE ATT&CK": ["TA0003:T1098.001"]}
    default_reference = "https://goteleport.com/docs/management/admin/"
    tests = teleport_role_created_tests

    def rule(self, event):
        return event.get("event") == "role.created"
`;

// The shape of the body of a panther-analysis rule (rules/aws_cloudtrail_rules/aws_ec2_discovery_commands.py): the
// detection's functions; its fields and ATT&CK mapping are in the YAML that names it.
const body = `import re

RULE_ID = "AWS.EC2.DiscoveryCommands"


def rule(event):
    return event.get("eventName") == "ListBuckets"


def title(event):
    return "discovery"
`;

// The shape of pypanther-starter-kit's inheritance_rules.py (a base rule, rules deriving from it) with the mapping,
// log types and id set through module-level names.
const okta = `from pypanther import LogType, Rule, Severity
from helpers import SHARED

REPORTS = {"MITRE ATT&CK": ["TA0006:T1110"]}
LOG_TYPES = [LogType.OKTA_SYSTEM_LOG]
BASE_ID = "Okta.Base"


class OktaBase(Rule):
    id = BASE_ID
    log_types = LOG_TYPES
    default_severity = Severity.HIGH
    reports = REPORTS

    def rule(self, event):
        return True


class OktaSpray(OktaBase):
    id = "Okta.Spray"
    reports = {"MITRE ATT&CK": ["TA0006:T1110.003"]}


class OktaStuffing(OktaBase):
    id = "Okta.Stuffing"
    default_severity = Severity.LOW


class Shared(Rule):
    id = "Shared"
    reports = SHARED
`;


// The shape of panther-detections' rules (panther_sdk: providers/okta/rules/api_keys.py, crowdstrike/rules/dns_request.py,
// gsuite/rules/brute_force_login.py): functions returning a detection.Rule(...) call, its fields as keyword arguments,
// some of them set from imported names or helper calls, a default written (overrides.reports or {...}).
const sdk = `import typing
from panther_sdk import PantherEvent, detection, schema
from .._shared import SYSTEM_LOG_TYPE, rule_tags

OKTA = "Okta.SystemLog"


def api_key_created(overrides: detection.RuleOverrides = detection.RuleOverrides()) -> detection.Rule:
    def _title(event: PantherEvent) -> str:
        return "created"

    return detection.Rule(
        overrides=overrides,
        name="Okta API Key Created",
        rule_id="Okta.APIKeyCreated",
        log_types=[OKTA, schema.LogTypeOktaSystemLog],
        tags=rule_tags("Credential Access:Steal Application Access Token"),
        reports={detection.ReportKeyMITRE: ["TA0006:T1528"]},
        severity=detection.SeverityHigh,
        alert_title=_title,
    )


def brute_force(overrides: detection.RuleOptions = detection.RuleOptions()) -> detection.Rule:
    return detection.Rule(
        rule_id=(overrides.rule_id or "GSuite.BruteForceLogin"),
        log_types=(overrides.log_types or [SYSTEM_LOG_TYPE]),
        reports=(overrides.reports or {detection.ReportKeyMITRE: ["TA0005:T1556"]}),
        severity=(overrides.severity or "INFO"),
    )


def dns_request() -> detection.Rule:
    return detection.Rule(name="DNS request to denylisted domain", enabled=False, reports={"MITRE ATT&CK": ["TA0001:T1566"]})


def unmapped(severity) -> detection.Rule:
    return detection.Rule(name="Unmapped", reports="", severity=severity)
`;


describe('parseRuleFile (Panther detections in Python)', () => {
  it("reads a pypanther rule class as a Panther detection: its reports' ATT&CK mapping, weighed by its default_severity", () => {
    expect(parseRuleFile(teleport, 'teleport_role_created.py')).to.deep.equal({
      items: [
        {
          rule: {
            kind: 'panther',
            name: 'A Teleport Role was modified or created',
            id: 'Teleport.RoleCreated-prototype',
            file: 'teleport_role_created.py',
            line: 10,
            refs: [{ raw: 'TA0003:T1098.001', line: 14, id: 'T1098.001' }],
            level: 0.75,
            levelReason: 'panther rule, no status, severity medium -> 0.75',
            ...tacticTags([['TA0003', 14]]),
            dataSources: ['Gravitational_TeleportAudit'],
          },
        },
      ],
    });
  });

  it('weighs a pypanther rule of create_alert = False, which makes signals only, as the YAML of CreateAlert: false', () => {
    // pypanther's Rule has create_alert (default True); the class above with it set, as its YAML twin in
    // panther-analysis sets CreateAlert: false for signals a correlation rule reads.
    const outcome = ruleItems(parseRuleFile(teleport.replace('    default_severity = Severity.medium\n', '    default_severity = Severity.high\n    create_alert = False\n'), 'r.py'))[0];
    expect(outcome && 'rule' in outcome && [outcome.rule.level, outcome.rule.levelReason]).to.deep.equal([0.25, 'panther rule, no status, signals only (create_alert = False: no alert of its own) -> 0.25']);
  });

  it("reads pypanther's first field names (RuleID, Reports, Severity), several classes, a mapping over lines, status and enabled", () => {
    const text = `from pypanther import PantherLogType, PantherRule, PantherSeverity


class AWSIPSetModified(PantherRule):
    DisplayName = "AWS Trusted IPSet Modified"
    Reports = {
        "CIS": ["3.5"],
        "MITRE ATT&CK": [
            "TA0005:T1562",  # Impair Defenses
            "TA0040:T1485",
        ],
    }
    Severity = PantherSeverity.High
    RuleID = "AWS.IPSet.Modified-prototype"

    def rule(self, event):
        return True


class Experimental(Rule):
    id = "Okta.Experimental"
    status = "Experimental"
    default_severity = Severity.HIGH
    reports = {"MITRE ATT&CK": ["TA0006:T1110.003"]}

    def rule(self, event):
        return True


class Switched(Rule):
    id = "Okta.Off"
    enabled = False
    reports = {"MITRE ATT&CK": ["TA0006:T1110"]}
`;
    const items = ruleItems(parseRuleFile(text, 'r.py'));
    expect(items.map((item) => ('rule' in item ? [item.rule.name, item.rule.refs.map((ref) => [ref.id, ref.line]), item.rule.level] : 'ignored' in item ? item.ignored.reason : item))).to.deep.equal([
      [
        'AWS Trusted IPSet Modified',
        [
          ['T1562', 9],
          ['T1485', 10],
        ],
        0.9,
      ],
      ['Okta.Experimental', [['T1110.003', 24]], 0.54],
      'disabled (enabled = False)',
    ]);
  });

  it('says what it cannot read: a mapping set from an imported name, a class deriving from a rule of another module, a module of no rule', () => {
    const text = `import pypanther
from pypanther.rules.okta import OktaBruteForce
from mappings import MAPPING



class Mine(pypanther.Rule):
    id = "Mine"
    reports = MAPPING

    def rule(self, event):
        return True


class Tuned(OktaBruteForce):
    id = "Okta.BruteForce.Tuned"

    def rule(self, event):
        return super().rule(event)
`;
    const [mine, tuned] = ruleItems(parseRuleFile(text, 'r.py'));
    expect(mine).to.deep.equal({
      ignored: { line: 8, name: 'Mine', reason: 'no ATT&CK technique' },
      notes: [
        {
          line: 9,
          message: 'reports is not written as a mapping of lists here (MAPPING, a name not bound to a value in this module (imported from another)); its ATT&CK mapping is not read',
        },
      ],
    });
    expect(tuned).to.deep.equal({
      ignored: {
        line: 15,
        name: 'Okta.BruteForce.Tuned',
        reason: 'derives from OktaBruteForce, of another module, whose fields (its ATT&CK mapping among them) are not read here; set reports in the class to count it',
      },
    });
    expect(parseRuleFile('from pypanther import register, get_panther_rules\n\nregister(get_panther_rules())\n', 'main.py')).to.deep.equal({
      ignored: { line: 1, name: 'main.py', reason: 'a pypanther module with no rule class (helpers, the main.py that registers rules): no detection' },
    });
  });

  it("reads a name the module binds before the class, and the fields a class inherits from a rule class of the file", () => {
    const items = ruleItems(parseRuleFile(okta, 'okta.py'));
    const shown = items.map((item) => ('rule' in item ? [item.rule.name, item.rule.refs.map((ref) => [ref.id, ref.line]), item.rule.level, item.rule.dataSources] : item));
    expect(shown).to.deep.equal([
      ['Okta.Base', [['T1110', 4]], 0.9, ['OKTA_SYSTEM_LOG']],
      ['Okta.Spray', [['T1110.003', 21]], 0.9, ['OKTA_SYSTEM_LOG']],
      ['Okta.Stuffing', [['T1110', 4]], 0.5, ['OKTA_SYSTEM_LOG']],
      {
        ignored: { line: 30, name: 'Shared', reason: 'no ATT&CK technique' },
        notes: [
          {
            line: 31,
            message: 'reports is not written as a mapping of lists here (SHARED, a name not bound to a value in this module (imported from another)); its ATT&CK mapping is not read',
          },
        ],
      },
    ]);
  });

  it('reads a value continued with a backslash, an empty reports, and the lines after a string left open', () => {
    const text = [
      'from pypanther import Rule, Severity',
      'class A(Rule):',
      '    id = "Okta." \\',
      '        "Spray"',
      '    display_name = "left open',
      '    reports = {"MITRE ATT&CK": ["TA0006:T1110.003"]}',
      'class B(Rule):',
      '    id = "B"',
      '    reports = {}',
      '',
    ].join('\n');
    const [a, b] = ruleItems(parseRuleFile(text, 'r.py'));
    expect(a && 'rule' in a && [a.rule.id, a.rule.name, a.rule.refs.map((ref) => [ref.id, ref.line])]).to.deep.equal(['Okta.Spray', 'Okta.Spray', [['T1110.003', 6]]]);
    expect(a?.notes).to.deep.equal([{ line: 5, message: 'display_name is not written as text here (a call or an expression); it is not read' }]);
    expect(b).to.deep.equal({ ignored: { line: 8, name: 'B', reason: 'no ATT&CK technique' } });
  });

  it('reads each detection.Rule(...) call of the Panther SDK by its keyword arguments, a default of (overrides.x or ...), and says what it cannot read', () => {
    const items = ruleItems(parseRuleFile(sdk, 'okta.py'));
    expect(items.map((item) => ('rule' in item ? [item.rule.name, item.rule.id, item.rule.refs.map((ref) => [ref.id, ref.line]), item.rule.level, item.rule.dataSources, item.notes] : item))).to.deep.equal([
      ['Okta API Key Created', 'Okta.APIKeyCreated', [['T1528', 18]], 0.9, ['Okta.SystemLog', 'LogTypeOktaSystemLog'], undefined],
      [
        'GSuite.BruteForceLogin',
        'GSuite.BruteForceLogin',
        [['T1556', 28]],
        0.25,
        undefined,
        [{ line: 27, message: 'a log type is not written as text here (SYSTEM_LOG_TYPE, a name not bound to a value in this module (imported from another)); it is not read' }],
      ],
      { ignored: { line: 34, name: 'DNS request to denylisted domain', reason: 'disabled (enabled=False)' } },
      {
        ignored: { line: 38, name: 'Unmapped', reason: 'no ATT&CK technique' },
        notes: [{ line: 38, message: "the severity is not written as text here (severity, a name the module binds to no value before it (a function's parameter or its own)); it is not read" }],
      },
    ]);
    expect(parseRuleFile('from panther_sdk import detection\n\nSYSTEM_LOG_TYPE = "Okta.SystemLog"\n', '_shared.py')).to.deep.equal({
      ignored: { line: 1, name: '_shared.py', reason: 'a Panther SDK module with no detection.Rule(...) call (helpers, sample logs, tests): no detection' },
    });
  });

  it("ignores the Python of a panther-analysis rule read without its YAML, saying it holds no mapping and what to do", () => {
    const outcome = parseRuleFile(body, join('rules', 'aws_ec2_discovery_commands.py'));
    expect('ignored' in outcome && outcome.ignored).to.deep.equal({
      line: 1,
      name: 'aws_ec2_discovery_commands.py',
      reason: 'the Python of a panther-analysis detection without the YAML that names it (Filename:): it holds no ATT&CK mapping',
    });
    expect(outcome.notes?.[0]?.message).to.contain('Panther loads a detection from that YAML, which holds its ATT&CK mapping (Reports: MITRE ATT&CK)');
  });
});

describe('readRuleFolder and --coverage (Panther Python files)', () => {
  const yaml = ['AnalysisType: rule', 'Filename: aws_cloudtrail_stopped.py', 'RuleID: "AWS.CloudTrail.Stopped"', 'DisplayName: "CloudTrail Stopped"', 'Severity: Medium', 'Reports:', '  MITRE ATT&CK:', '    - TA0005:T1562', ''].join('\n');

  // panther-detections-legacy's Slack App Added: `severity=detection.DynamicStringField(func=_severity, fallback=...)`.
  it('reads a severity decided per event (detection.DynamicStringField) as its fallback, the severity the rule has otherwise', () => {
    const module = [
      'from panther_sdk import PantherEvent, detection, schema',
      '',
      'def app_added(overrides: detection.RuleOverrides = detection.RuleOverrides()) -> detection.Rule:',
      '    def _severity(event: PantherEvent) -> str:',
      '        return "High" if "admin" in event.deep_get("entity", "app", "scopes") else "Low"',
      '',
      '    return detection.Rule(',
      '        name="Slack App Added",',
      '        rule_id="Slack.AuditLogs.AppAdded",',
      '        severity=detection.DynamicStringField(func=_severity, fallback=detection.SeverityLow),',
      '        reports={detection.ReportKeyMITRE: ["TA0003:T1098"]},',
      '    )',
      '',
    ].join('\n');
    const items = ruleItems(parseRuleFile(module, 'app_added.py'));
    expect(items.map((item) => ('rule' in item ? [item.rule.name, item.rule.level, item.rule.levelReason, item.notes] : item))).to.deep.equal([
      ['Slack App Added', 0.5, 'panther rule, no status, severity Low -> 0.5', undefined],
    ]);
  });

  it('reads pypanther files and Python without its YAML, and leaves out the Python a YAML names and other Python', () => {
    const dir = freshTmpDir('panther-python');
    writeFileSync(join(dir, 'aws_cloudtrail_stopped.yml'), yaml);
    writeFileSync(join(dir, 'aws_cloudtrail_stopped.py'), body);
    writeFileSync(join(dir, 'aws_ec2_discovery_commands.py'), body);
    writeFileSync(join(dir, 'teleport_role_created.py'), teleport);
    writeFileSync(join(dir, 'setup.py'), 'from setuptools import setup\n\nsetup(name="rules")\n');
    const input = readRuleFolder(dir);
    expect(input.kind).to.equal('panther');
    expect(input.files).to.equal(3);
    expect(input.counts).to.deep.equal({ items: 3, rules: 2, ignored: 1, invalid: 0 });
    expect(input.rules.map((rule) => [rule.name, rule.refs.map((ref) => ref.id)])).to.deep.equal([
      ['CloudTrail Stopped', ['T1562']],
      ['A Teleport Role was modified or created', ['T1098.001']],
    ]);
    expect(input.ignored.map((item) => item.file)).to.deep.equal([join(dir, 'aws_ec2_discovery_commands.py')]);
    expect(input.problems.map((problem) => [problem.file, problem.skipped])).to.deep.equal([[join(dir, 'aws_ec2_discovery_commands.py'), false]]);
  });

  /** The coverage layer's score of each technique, after a gap review of a threat of `ids` against one Python file. */
  /** The scores of a gap review of `ids` against one Python file's text, or a folder of files by their paths. */
  async function reviewedScores(folder: string, text: string | Record<string, string>, ids: readonly string[]): Promise<(number | undefined)[]> {
    const dir = freshTmpDir(folder);
    const coverage = join(dir, typeof text === 'string' ? 'rules.py' : 'rules');
    if (typeof text === 'string') writeFileSync(coverage, text);
    for (const [path, file] of Object.entries(typeof text === 'string' ? {} : text)) {
      mkdirSync(join(coverage, path, '..'), { recursive: true });
      writeFileSync(join(coverage, path), file);
    }
    const threat = join(dir, 'threat.json');
    const techniques = ids.map((techniqueID) => ({ techniqueID, score: 100 }));
    writeFileSync(threat, JSON.stringify({ name: 'threat', domain: 'enterprise-attack', versions: { attack: '18', layer: '4.5' }, techniques }));
    const out = join(dir, 'review');
    const run = await runCli(['gap', '--threat', threat, '--coverage', coverage, '--out', out, '--quiet']);
    expect(run.code).to.equal(0);
    const layer = JSON.parse(readFileSync(join(out, 'coverage.layer.json'), 'utf8')) as { techniques: { techniqueID: string; score?: number }[] };
    return ids.map((id) => layer.techniques.find((entry) => entry.techniqueID === id)?.score);
  }

  it('reviews a threat against the mappings read through module names and base classes, in real ATT&CK', async () => {
    // T1110: OktaBase (high, 90) and OktaStuffing (low, 50), its mapping inherited; T1110.003: OktaSpray, its severity
    // inherited; T1110.004 none (a parent's rules do not cover a sub-technique).
    expect(await reviewedScores('panther-python-gap', okta, ['T1110', 'T1110.003', 'T1110.004'])).to.deep.equal([90, 90, undefined]);
  });

  it('reviews a threat against the detection.Rule(...) calls of a Panther SDK module, in real ATT&CK', async () => {
    // T1528: severity High (90); T1556: the default severity INFO (25); T1566: its rule is switched off.
    expect(await reviewedScores('panther-sdk-gap', sdk, ['T1528', 'T1556', 'T1566'])).to.deep.equal([90, 25, undefined]);
  });

  // The shape of pypanther-starter-kit's overrides/aws_cloudtrail.py (an apply_overrides(rules) function calling
  // AWSCloudTrailStopped.override(default_severity=Severity.LOW, …) and .extend(…)) and of its
  // rules/aws_cloudtrail_rules/config.py (`AWSCloudTrailAccountDiscovery.Severity = PantherSeverity.Low`), here on the
  // team's own rules of another file of the folder, and on one of pypanther's own.
  const oktaRules = `from pypanther import LogType, Rule, Severity


class OktaLoginWithoutMFA(Rule):
    id = "Custom.Okta.LoginWithoutMFA"
    log_types = [LogType.OKTA_SYSTEM_LOG]
    default_severity = Severity.LOW
    enabled = False
    reports = {"MITRE ATT&CK": ["TA0001:T1078.004"]}

    def rule(self, event):
        return not event.deep_get("authenticationContext", "mfa")


class OktaAdminRoleAssigned(Rule):
    id = "Custom.Okta.AdminRoleAssigned"
    log_types = [LogType.OKTA_SYSTEM_LOG]
    default_severity = Severity.MEDIUM
    reports = {"MITRE ATT&CK": ["TA0003:T1098"]}

    def rule(self, event):
        return event.get("eventType") == "user.account.privilege.grant"


class OktaSupportAccess(OktaAdminRoleAssigned):
    id = "Custom.Okta.SupportAccess"
    reports = {"MITRE ATT&CK": ["TA0004:T1078.001"]}
`;
  const oktaMain = `from pypanther import Severity, get_panther_rules, register
from pypanther.rules.aws_cloudtrail.aws_console_login_without_mfa import AWSConsoleLoginWithoutMFA

from rules.okta_rules import OktaAdminRoleAssigned, OktaLoginWithoutMFA

MFA_REPORTS = {"MITRE ATT&CK": ["TA0004:T1098.003"]}


def apply_overrides(rules):
    OktaLoginWithoutMFA.override(
        enabled=True,
        default_severity=Severity.HIGH,
        default_runbook="Check the user's MFA enrollment",
    )
    OktaAdminRoleAssigned.extend(reports=MFA_REPORTS, tags=["CorpSec"])
    OktaAdminRoleAssigned.default_severity = Severity.CRITICAL
    AWSConsoleLoginWithoutMFA.override(enabled=True, default_severity=Severity.HIGH)


base_rules = get_panther_rules()
apply_overrides(base_rules)
register(base_rules)
`;

  it("applies the .override(), .extend() and field settings of another file of the folder to the rule class they name, noting each with its file and line", () => {
    const dir = freshTmpDir('panther-python-overrides');
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'main.py'), oktaMain);
    writeFileSync(join(dir, 'rules', 'okta_rules.py'), oktaRules);
    const input = readRuleFolder(dir);
    expect(input.counts).to.deep.equal({ items: 4, rules: 3, ignored: 1, invalid: 0 });
    expect(input.rules.map((rule) => [rule.id, rule.level, rule.refs.map((ref) => [ref.id, ref.line])])).to.deep.equal([
      ['Custom.Okta.LoginWithoutMFA', 0.9, [['T1078.004', 9]]],
      // A technique an override adds is placed at the class it changes; the note says where the override is.
      ['Custom.Okta.AdminRoleAssigned', 1, [['T1098', 19], ['T1098.003', 15]]],
      // pypanther copies a rule's fields into a class deriving from it when the class is defined: the override of
      // OktaAdminRoleAssigned, run after, leaves OktaSupportAccess's severity as it was.
      ['Custom.Okta.SupportAccess', 0.75, [['T1078.001', 27]]],
    ]);
    const rules = join(dir, 'rules', 'okta_rules.py');
    expect(input.problems.map((problem) => [problem.file, problem.line, problem.message])).to.deep.equal([
      [join(dir, 'main.py'), 17, 'AWSConsoleLoginWithoutMFA.override(…) is not read: AWSConsoleLoginWithoutMFA is no rule class of the files read (a rule of pypanther\'s own, whose fields are not read here, or a class of another folder)'],
      [rules, 4, 'enabled set by OktaLoginWithoutMFA.override(enabled=…) at main.py:10, read after the class as pypanther runs it'],
      [rules, 4, 'default_severity set by OktaLoginWithoutMFA.override(default_severity=…) at main.py:10, read after the class as pypanther runs it'],
      [rules, 15, 'reports extended by OktaAdminRoleAssigned.extend(reports=…) at main.py:15, read after the class as pypanther runs it'],
      [rules, 15, 'default_severity set by OktaAdminRoleAssigned.default_severity = … at main.py:16, read after the class as pypanther runs it'],
    ]);
  });

  it('reviews a threat against rules tuned by the overrides of a main.py, in real ATT&CK', async () => {
    const folder = { 'main.py': oktaMain, 'rules/okta_rules.py': oktaRules };
    // T1078.004: switched on at High (90); T1098: raised to Critical (100); T1098.003: added by .extend (100);
    // T1078.001: OktaSupportAccess, Medium (75) as defined.
    expect(await reviewedScores('panther-python-overrides-gap', folder, ['T1078.004', 'T1098', 'T1098.003', 'T1078.001'])).to.deep.equal([90, 100, 100, 75]);
  });

  // Overrides written on another name than the class's: a loop over a literal tuple of classes or a module name bound
  // to one, an import under another name, a module name bound to a class. And the shapes of real loops over rules not
  // listed in the file, which stay unread: pypanther-starter-kit's content/overrides/aws_guardduty.py
  // (`for rule in rules:` over apply_overrides's parameter, `if LogType.AWS_GUARDDUTY in rule.log_types: rule.extend(…)`;
  // its README's `for rule in git_rules: rule.extend(…)` over get_panther_rules(…)) and a main.py setting `rule.default_severity` under `if rule.id == "…":` in a loop over get_panther_rules(…).
  const aliasMain = `from pypanther import LogType, Severity, get_panther_rules, register

from rules.okta_rules import OktaAdminRoleAssigned as AdminRole
from rules.okta_rules import OktaLoginWithoutMFA, OktaSupportAccess

SUPPORT = OktaSupportAccess
SWITCHED_ON = (OktaLoginWithoutMFA, SUPPORT)


def apply_overrides(rules):
    for rule in [OktaLoginWithoutMFA, AdminRole]:
        rule.extend(reports={"MITRE ATT&CK": ["TA0006:T1110"]})
    for rule in SWITCHED_ON:
        rule.override(enabled=True)
    AdminRole.override(enabled=False)
    SUPPORT.default_severity = Severity.CRITICAL
    for rule in rules:
        if LogType.OKTA_SYSTEM_LOG in rule.log_types:
            rule.override(default_severity=Severity.INFO)
    for rule in [OktaLoginWithoutMFA]:
        if rule.id == "Custom.Okta.LoginWithoutMFA":
            rule.default_severity = Severity.INFO
    for rule in rules:
        rule.override(enabled=False)


base_rules = get_panther_rules()
apply_overrides(base_rules)
register(base_rules)
`;

  it('applies an override written on a loop variable over classes listed in the file, an import alias or a name bound to a class, and notes a loop over rules not listed', () => {
    const dir = freshTmpDir('panther-python-override-names');
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'main.py'), aliasMain);
    writeFileSync(join(dir, 'rules', 'okta_rules.py'), oktaRules);
    const input = readRuleFolder(dir);
    expect(input.counts).to.deep.equal({ items: 4, rules: 2, ignored: 2, invalid: 0 });
    expect(input.rules.map((rule) => [rule.id, rule.level, rule.refs.map((ref) => [ref.id, ref.line])])).to.deep.equal([
      ['Custom.Okta.LoginWithoutMFA', 0.5, [['T1078.004', 9], ['T1110', 4]]],
      ['Custom.Okta.SupportAccess', 1, [['T1078.001', 27]]],
    ]);
    const rules = join(dir, 'rules', 'okta_rules.py');
    expect(input.problems.map((problem) => [problem.file, problem.line, problem.message])).to.deep.equal([
      [join(dir, 'main.py'), 19, 'rule.override(…) is not read: rule is the variable of the loop at line 17, and the override is not directly in its body (under a condition or in a function: which rules it changes is decided as pypanther runs)'],
      [join(dir, 'main.py'), 22, 'rule.default_severity = … is not read: rule is the variable of the loop at line 20, and the override is not directly in its body (under a condition or in a function: which rules it changes is decided as pypanther runs)'],
      [join(dir, 'main.py'), 24, "rule.override(…) is not read: rule is the variable of the loop at line 23 over rules, which is no list of classes written in this file (a call, a function's parameter or an imported name): the rules it changes are not known here"],
      [rules, 4, 'reports extended by rule.extend(reports=…) at main.py:12 (rule, the variable of the loop at line 11), read after the class as pypanther runs it'],
      [rules, 4, 'enabled set by rule.override(enabled=…) at main.py:14 (rule, the variable of the loop at line 13), read after the class as pypanther runs it'],
      [rules, 15, 'reports extended by rule.extend(reports=…) at main.py:12 (rule, the variable of the loop at line 11), read after the class as pypanther runs it'],
      [rules, 15, 'enabled set by AdminRole.override(enabled=…) at main.py:15 (OktaAdminRoleAssigned imported as AdminRole), read after the class as pypanther runs it'],
      [rules, 25, 'enabled set by rule.override(enabled=…) at main.py:14 (rule, the variable of the loop at line 13), read after the class as pypanther runs it'],
      [rules, 25, 'default_severity set by SUPPORT.default_severity = … at main.py:16 (SUPPORT bound to OktaSupportAccess), read after the class as pypanther runs it'],
    ]);
  });

  it('reviews a threat against rules tuned through loop variables and aliases, in real ATT&CK', async () => {
    const folder = { 'main.py': aliasMain, 'rules/okta_rules.py': oktaRules };
    // T1078.004, T1110: OktaLoginWithoutMFA switched on by the loop over SWITCHED_ON, Low (50), T1110 added by the loop
    // over a list; T1098: OktaAdminRoleAssigned switched off through its alias; T1078.001: Critical (100) through SUPPORT.
    expect(await reviewedScores('panther-python-override-names-gap', folder, ['T1078.004', 'T1110', 'T1098', 'T1078.001'])).to.deep.equal([50, 50, undefined, 100]);
  });

  it('names a folder whose Panther Python files give no rule panther, not sigma', () => {
    const dir = freshTmpDir('panther-python-none');
    writeFileSync(join(dir, 'aws_ec2_discovery_commands.py'), body);
    writeFileSync(join(dir, 'aws_s3_list_buckets.py'), body);
    const input = readRuleFolder(dir);
    expect([input.kind, input.counts]).to.deep.equal(['panther', { items: 2, rules: 0, ignored: 2, invalid: 0 }]);
  });

  it('takes one Panther Python file given to --coverage, as a folder of that file, and refuses other Python', () => {
    const dir = freshTmpDir('panther-python-one');
    writeFileSync(join(dir, 'teleport_role_created.py'), teleport);
    writeFileSync(join(dir, 'setup.py'), 'from setuptools import setup\n');
    const [input] = readCoverageInputs([join(dir, 'teleport_role_created.py')]);
    expect([input?.kind, input?.counts.rules]).to.deep.equal(['panther', 1]);
    expect(() => readCoverageInputs([join(dir, 'setup.py')])).to.throw(/not a coverage input/);
  });
});
