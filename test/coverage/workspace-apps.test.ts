/**
 * The Google Workspace applications a Panther rule's Python keeps say where it fires: Identity Provider beside Office
 * Suite for its accounts' logons, 2-step verification and admin roles; Office Suite alone for Drive's or Gmail's events.
 * Python: panther-labs/panther-analysis's Google Workspace rules (quoted lines below); rules:
 * test/fixtures/coverage/workspace-apps (its README names the shapes each follows).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import type { GapReportData } from '../../lib/coverage/gap-report.js';
import { readRuleFolder } from '../../lib/coverage/read-rule-folder.js';
import { pantherPlatforms, workspaceApps } from '../../lib/coverage/workspace-apps.js';
import { freshTmpDir, runCli } from '../helpers/attack.js';
import { threatLayerOn } from '../helpers/threat-layer.js';

const rules = 'test/fixtures/coverage/workspace-apps';

describe('workspaceApps: the Workspace applications a Panther rule\'s Python compares the event\'s to', () => {
  const cases: [what: string, python: string, apps: string[]][] = [
    ['gsuite_drive_visibility_change.py', 'if event.deep_get("id", "applicationName") != "drive":\n    return False', ['drive']],
    ['gsuite_drive_external_share.py, through a name', 'application_name = event.deep_get("id", "applicationName")\nevents = event.get("events")\nif application_name == "drive" and events and "acl_change" in set(e["type"] for e in events):', ['drive']],
    ['gsuite_external_forwarding.py, a tuple', 'if event.deep_get("id", "applicationName") not in ("user_accounts", "login"):\n    return False', ['user_accounts', 'login']],
    ['gsuite_workspace_gmail_security_sandbox_disabled.py, lower-cased with a default', 'if deep_get(event, "id", "applicationName", default="").lower() != "admin":\n    return False', ['admin']],
    ['gsuite_malware_in_email.py', 'if event.deep_get("id", "applicationName") != "gmail":\n    return False', ['gmail']],
    // The Reports API's Admin Audit events: "Email Settings … returned with type=EMAIL_SETTINGS".
    ['gsuite_workspace_gmail_default_routing_rule.py, an admin event of Gmail\'s settings', '(event.get("type", "") == "EMAIL_SETTINGS"),\n(event.get("name", "").endswith("_GMAIL_SETTING")),', ['gmail settings']],
    ['an admin event of Drive\'s settings, in admin\'s stead', 'if event.deep_get("id", "applicationName") != "admin":\n    return False\nreturn event.get("type") == "DOCS_SETTINGS"', ['drive settings']],
    ['none of a test log', 'log={"id": {"applicationName": "gmail"}}', []],
    ['none of an event name alone (gsuite_drive_many_docs_deleted.py)', 'return event.get("name") == "trash"', []],
  ];
  for (const [what, python, apps] of cases) it(`reads ${what} -> ${apps.join(', ') || 'none'}`, () => expect(workspaceApps(python)).to.deep.equal(apps));
});

describe('pantherPlatforms: Workspace\'s activity reports by the applications a rule keeps', () => {
  const cases: [logTypes: string[], apps: string[], platforms: string[] | undefined][] = [
    [['GSuite.Reports'], ['drive'], ['Google Workspace']],
    [['GSuite.ActivityEvent'], ['gmail'], ['Google Workspace']],
    [['GSuite.ActivityEvent'], ['user_accounts', 'login'], ['Google Workspace', 'Azure AD']],
    [['GSuite.ActivityEvent'], ['admin'], ['Google Workspace', 'Azure AD']],
    [['GSuite.ActivityEvent'], ['gmail settings'], ['Google Workspace']],
    [['GSuite.ActivityEvent'], [], ['Google Workspace', 'Azure AD']],
    [['GSuite.ActivityEvent', 'Okta.SystemLog'], ['drive'], ['Google Workspace', 'Azure AD']],
  ];
  for (const [logTypes, apps, platforms] of cases) {
    it(`reads ${logTypes.join(', ')} keeping ${apps.join(', ') || 'no application'} -> ${platforms?.join(', ')}`, () => expect(pantherPlatforms(logTypes, apps)).to.deep.equal(platforms));
  }
});

describe('Panther rules of Workspace\'s activity reports, read with their Python', () => {
  it('reads a panther-analysis YAML\'s Python beside it: Drive\'s and Gmail\'s rules fire on Google Workspace alone', () => {
    const platforms = Object.fromEntries(readRuleFolder(rules).rules.map((rule) => [rule.name, rule.platforms]));
    expect(platforms).to.deep.equal({
      'Drive document made externally visible': ['Google Workspace'],
      'Drive document shared outside the domain': ['Google Workspace'],
      'Gmail default routing rule changed': ['Google Workspace'],
      'Link clicked in a Gmail message marked spam': ['Google Workspace'],
      'Many documents moved to the trash': ['Google Workspace', 'Azure AD'],
      'Two-step verification disabled for a user': ['Google Workspace', 'Azure AD'],
    });
  });

  it('reads a pypanther class\'s Python the same way (GSuiteGmailSpamEmailLinkClicked\'s shape)', () => {
    const file = 'test/fixtures/coverage/mail-delivery-panther/gsuite_gmail_spam_link_clicked.py';
    expect(readRuleFolder(file).rules.map((rule) => [rule.platforms, rule.mailData])).to.deep.equal([[['Google Workspace'], ['GSuite.ActivityEvent (gmail)']]]);
  });

  it('counts a Gmail rule for an Identity Provider threat\'s T1566.002 for delivery only, saying so; the 2-step verification rule as before', async () => {
    const out = freshTmpDir('gap-workspace-apps');
    writeFileSync(join(out, 'threat.json'), JSON.stringify(threatLayerOn(['Identity Provider'], ['T1566.002', 'T1556'])));
    const run = await runCli(['gap', '--threat', join(out, 'threat.json'), '--coverage', rules, '--out', join(out, 'json'), '--report', 'json', '--quiet']);
    expect(run.code, run.stderr).to.equal(0);
    const rows = (JSON.parse(readFileSync(join(out, 'json', 'gap-report.json'), 'utf8')) as GapReportData).rows;
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(row('T1566.002').rules.map((r) => [r.name, r.delivery])).to.deep.equal([['Link clicked in a Gmail message marked spam', ['GSuite.ActivityEvent (gmail)']]]);
    expect(row('T1556').rules.map((r) => [r.name, r.delivery])).to.deep.equal([['Two-step verification disabled for a user', undefined]]);
  });
});
