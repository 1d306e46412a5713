/**
 * JSON exports of deployed rules in a rule folder (lib/coverage/rule-exports.ts): read as a file given alone reads them,
 * each rule an item of the folder, and the folder's notes say what was read and what was left out, and why. The files
 * are our own minimal reconstructions, in the shapes named beside each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { expect } from 'chai';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { readCoverageInputs } from '../../lib/coverage/read-threat.js';
import { freshTmpDir } from '../helpers/attack.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

// One Defender XDR custom detection rule as Microsoft Graph's "Create detectionRule" (POST /beta/security/rules/
// detectionRules, learn.microsoft.com) writes it and as XDRConverter's tests keep one a .json file: displayName,
// queryCondition, detectionAction.alertTemplate with its tactics and techniques.
const DEFENDER = {
  id: 'office-encoded-powershell',
  displayName: 'Encoded PowerShell from Office',
  status: 'enabled',
  queryCondition: { queryText: 'DeviceProcessEvents | where FileName == "powershell.exe"' },
  schedule: { frequency: 'PT1H' },
  detectionAction: { alertTemplate: { title: 'Encoded PowerShell from Office', severity: 'high', tactics: [{ tactic: 'Execution', techniques: [{ technique: 'T1059.001' }] }] } },
};
// One Datadog detection rule as GET /api/v2/security_monitoring/rules/{rule_id} returns it (its API guide's threshold rule).
const DATADOG = {
  name: 'Multiple failed authentications from one user',
  type: 'log_detection',
  isEnabled: true,
  tags: ['source:cloudtrail', 'technique:T1110-brute-force', 'tactic:TA0006-credential-access'],
  queries: [{ name: 'a', query: 'source:cloudtrail @evt.outcome:failure' }],
  cases: [{ status: 'high', condition: 'a > 5' }],
};
// Sumo Logic Cloud SIEM rules as GET /sec/v1/rules lists them ({ data: { objects } }).
const SUMO = { data: { objects: [{ name: 'RDP to an unexpected host', enabled: true, isPrototype: false, scoreMapping: { default: 6 }, tags: ['_mitreAttackTechnique:T1021.001'] }] } };
// A Sentinel ARM template of one alert rule (tim-detections/sentinel-detections' shape) and a Content Hub package.
const alertRule = { type: 'Microsoft.SecurityInsights/alertRules', kind: 'Scheduled', properties: { displayName: 'MFA fatigue', severity: 'High', enabled: true, query: 'SigninLogs', techniques: ['T1621'] } };
const SENTINEL = { contentVersion: '1.0.0.0', resources: [alertRule] };
// A package nests its rules as AlertRuleTemplates (Azure-Sentinel's Solutions/*/Package/mainTemplate.json).
const template = { ...alertRule, type: 'Microsoft.SecurityInsights/AlertRuleTemplates' };
const PACKAGE = { contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.OperationalInsights/workspaces/providers/contentTemplates', properties: { mainTemplate: { resources: [template] } } }] };

describe('readRuleFolder with JSON exports of deployed rules (Defender XDR, Datadog, Sumo Logic, Sentinel)', () => {
  it('reads each export as a file given alone reads it, and says what it read and what it left out, and why', () => {
    const dir = freshTmpDir('rule-exports');
    const files: Readonly<Record<string, string>> = {
      'defender/office-encoded-powershell.json': json(DEFENDER),
      'datadog/failed-auth.json': json(DATADOG),
      'sumo/rules.json': json(SUMO),
      'sentinel/mfa-fatigue.json': json(SENTINEL),
      'sentinel/Package/mainTemplate.json': json(PACKAGE),
      'package.json': json({ name: 'not-a-rule', scripts: { test: 'mocha' } }),
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const read = readRuleFolder(dir);
    const at = (file: string) => relative(dir, file).split(sep).join('/');
    expect([read.kind, read.counts]).to.deep.equal(['rules', { items: 4, rules: 4, ignored: 0, invalid: 0 }]);
    expect(read.rules.map((rule) => [rule.kind, at(rule.file), rule.name, rule.refs.map((ref) => ref.id)])).to.deep.equal([
      ['datadog', 'datadog/failed-auth.json', 'Multiple failed authentications from one user', ['T1110']],
      ['defender', 'defender/office-encoded-powershell.json', 'Encoded PowerShell from Office', ['T1059.001']],
      ['sentinel', 'sentinel/mfa-fatigue.json', 'MFA fatigue', ['T1621']],
      ['sumo', 'sumo/rules.json', 'RDP to an unexpected host', ['T1021.001']],
    ]);
    expect(read.problems).to.deep.equal([]);
    expect(read.notes).to.deep.equal([
      `${dir}: 1 Sentinel Content Hub package is left out (sentinel/ 1; first sentinel/Package/mainTemplate.json): its analytic rules are templates of the YAML rules beside it, read there; a workspace runs only the rules made from them`,
      `${dir}: 4 .json files are read as exports of deployed rules, each of their rules counted as one of the folder's: ` +
        '1 of Datadog detection rules (first datadog/failed-auth.json), 1 of Defender XDR custom detection rules (first defender/office-encoded-powershell.json), ' +
        '1 of Sentinel exports of analytic rules (first sentinel/mfa-fatigue.json), 1 of Sumo Logic Cloud SIEM rules (first sumo/rules.json)',
    ]);
    // Given alone, each is read as before, its rules the same.
    for (const name of ['defender/office-encoded-powershell.json', 'datadog/failed-auth.json', 'sumo/rules.json']) {
      const [alone] = readCoverageInputs([join(dir, name)]);
      expect(alone!.rules.map((rule) => rule.name)).to.deep.equal(read.rules.filter((rule) => at(rule.file) === name).map((rule) => rule.name));
    }
  });
});

describe('readRuleFolder with a Sentinel Content Hub package larger than its head', () => {
  it('leaves out a package whose rule templates come only after its first 64 KB, naming it in the note as a small one is', () => {
    // Azure-Sentinel's Solutions/Okta Single Sign-On/Package/mainTemplate.json @017f0c54 (283 KB): "$schema" (an ARM
    // deployment template), then "variables", five a rule (analyticRuleVersion1, analyticRulecontentId1, …), then
    // "resources", the rules as contentTemplates nesting AlertRuleTemplates. A package of many rules declares more than
    // 64 KB of variables before its first resource; it was then no file of the folder, left out without a word. Our own
    // minimal package in that shape.
    const variables: Record<string, string> = {};
    for (let rule = 1; rule <= 300; rule++) {
      variables[`analyticRuleVersion${rule}`] = '1.0.2';
      variables[`analyticRulecontentId${rule}`] = `00000000-0000-0000-0000-${String(rule).padStart(12, '0')}`;
      variables[`analyticRuleTemplateSpecName${rule}`] = `[concat(parameters('workspace'),'/Microsoft.SecurityInsights/',concat(parameters('workspace'),'-ar-',uniquestring(variables('_analyticRulecontentId${rule}'))))]`;
    }
    const large = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', variables, resources: PACKAGE.resources };
    const dir = freshTmpDir('rule-exports-large-package');
    mkdirSync(join(dir, 'Okta/Package'), { recursive: true });
    writeFileSync(join(dir, 'Okta/Package/mainTemplate.json'), json(large));
    writeFileSync(join(dir, 'Okta/mfa-fatigue.json'), json(SENTINEL));
    expect(json(large).indexOf('AlertRuleTemplates')).to.be.above(65536);
    const read = readRuleFolder(dir);
    expect([read.kind, read.counts]).to.deep.equal(['sentinel', { items: 1, rules: 1, ignored: 0, invalid: 0 }]);
    const exported = `${dir}: 1 .json file is read as exports of deployed rules, each of their rules counted as one of the folder's: 1 of Sentinel exports of analytic rules (first Okta/mfa-fatigue.json)`;
    expect(read.notes).to.deep.equal([
      `${dir}: 1 Sentinel Content Hub package is left out (Okta/ 1; first Okta/Package/mainTemplate.json): its analytic rules are templates of the YAML rules beside it, read there; a workspace runs only the rules made from them`,
      exported,
    ]);
    // An ARM template of another kind past its head (a workbook's) is no file of the folder, as before.
    writeFileSync(join(dir, 'Okta/Package/mainTemplate.json'), json({ ...large, resources: [{ type: 'Microsoft.Insights/workbooks', properties: {} }] }));
    expect(readRuleFolder(dir).notes).to.deep.equal([exported]);
  });
});
