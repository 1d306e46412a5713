/**
 * Google Workspace's applications a Panther rule's Python keeps, and what they say of where it fires. Panther's log types
 * of Workspace's activity reports (`GSuite.Reports`, `GSuite.ActivityEvent`) hold every application's events, told by
 * `id.applicationName` (the Reports API's applicationName: `login`, `admin`, `drive`, `gmail`, …), and fire on Identity
 * Provider beside Office Suite (source-platforms.ts GOOGLE_WORKSPACE_REPORTS) for the logons, 2-step verification and
 * admin roles among them. A rule whose Python keeps only applications of documents, mail or calendars reads none of
 * those: panther-analysis rules/gsuite_reports_rules/gsuite_drive_visibility_change.py (T1213) returns False where
 * `event.deep_get("id", "applicationName") != "drive"`, gsuite_activityevent_rules/gsuite_malware_in_email.py where it
 * is not `"gmail"`; gsuite_two_step_verification.py keeps `user_accounts`, gsuite_external_forwarding.py `not in
 * ("user_accounts", "login")`.
 */
import { foldedLogType, PANTHER_LOG_TYPES, sourcePlatforms, type SourcePlatformTable } from './source-platforms.js';

/**
 * The Workspace applications whose events are an identity provider's: the accounts' logons (`login`), their 2-step
 * verification and passwords (`user_accounts`), SAML and OAuth sign-ins to other apps (`saml`, `token`), and the admin
 * console, where roles are assigned (panther-analysis' admin_assigned.yml, T1078, `ASSIGN_ROLE`).
 */
export const WORKSPACE_IDENTITY_APPS: ReadonlySet<string> = new Set(['login', 'user_accounts', 'saml', 'token', 'admin']);

// A quoted name, or a tuple, list or set of them: "drive", ("user_accounts", "login").
const APP_VALUES = String.raw`(["'][^"'\n]*["']|[[({][^\])}\n]*[\])}])`;
const APP_OPERATOR = String.raw`\s*(?:==|!=|\bnot\s+in\b|\bin\b)\s*`;
// `applicationName` read from the event, up to its closing call: `deep_get(event, "id", "applicationName", default="").lower()`.
const APP_READ = String.raw`\bapplicationName["']?\s*(?:,\s*default\s*=\s*(?:"[^"\n]*"|'[^'\n]*'))?\s*\)?(?:\.lower\(\))?`;
const APP_COMPARED = new RegExp(APP_READ + APP_OPERATOR + APP_VALUES, 'g');
// A name the application is kept in: `application_name = event.deep_get("id", "applicationName")`.
const APP_ASSIGNED = new RegExp(String.raw`^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*[^=\n][^\n]*?` + APP_READ + String.raw`[ \t]*(?:#[^\n]*)?$`, 'gm');

// The admin console's events of an application's settings, by their type (the Reports API's Admin Audit activity events:
// "Email Settings … returned with type=EMAIL_SETTINGS", "Drive Settings … type=DOCS_SETTINGS"), as
// panther-analysis' gsuite_workspace_gmail_default_routing_rule.py keeps them (`event.get("type", "") == "EMAIL_SETTINGS"`):
// the settings of mail or documents, no identity provider's event, though of the `admin` application.
const SETTINGS_TYPES: Readonly<Record<string, string>> = { EMAIL_SETTINGS: 'gmail settings', DOCS_SETTINGS: 'drive settings' };
const SETTINGS_COMPARED = /\.get\(\s*["']type["'][^)\n]*\)\s*==\s*["'](EMAIL_SETTINGS|DOCS_SETTINGS)["']/g;

/**
 * The Workspace applications a Panther rule's Python compares the event's to (`applicationName … != "drive"`,
 * `application_name == "drive"` after `application_name = event.deep_get("id", "applicationName")`, `… not in
 * ("user_accounts", "login")`), lower-cased, in order, once each, and the settings of one the admin console's events it
 * keeps are of (`type == "EMAIL_SETTINGS"`: `gmail settings`, in `admin`'s stead); none where it names none. A test
 * log's `{"applicationName": "gmail"}` compares nothing.
 */
export function workspaceApps(python: string): string[] {
  const names = [...python.matchAll(APP_ASSIGNED)].map((match) => match[1]!);
  const compared = [
    ...python.matchAll(APP_COMPARED),
    ...names.flatMap((name) => [...python.matchAll(new RegExp(String.raw`\b${name}\b(?:\.lower\(\))?` + APP_OPERATOR + APP_VALUES, 'g'))]),
  ].sort((a, b) => a.index - b.index);
  const apps = compared.flatMap((match) => [...match[1]!.matchAll(/["']([^"'\n]*)["']/g)].map((value) => value[1]!.trim().toLowerCase()));
  // An admin setting's type names the application configured, in the admin console's stead (`gmail settings`).
  const settings = [...python.matchAll(SETTINGS_COMPARED)].map((match) => SETTINGS_TYPES[match[1]!]!);
  return [...new Set([...apps.filter((app) => app && !(settings.length && app === 'admin')), ...settings])];
}

// Workspace's activity reports read as Google Workspace's alone, for a rule that keeps none of its identity applications.
const DOCUMENTS_AND_MAIL: SourcePlatformTable = [[/^gsuite(?:reports|activityevent)$/, ['Google Workspace']], ...PANTHER_LOG_TYPES];

/**
 * The platforms of a Panther rule from its log types (PANTHER_LOG_TYPES), and the Workspace applications its Python
 * keeps (workspaceApps): Google Workspace alone for the activity reports where it keeps only applications that are no
 * identity provider's (`drive`, `gmail`, `calendar`); where it names none, or one of WORKSPACE_IDENTITY_APPS, as its log
 * types say.
 */
export function pantherPlatforms(logTypes: readonly string[], apps: readonly string[] = []): string[] | undefined {
  const table = apps.length && !apps.some((app) => WORKSPACE_IDENTITY_APPS.has(app)) ? DOCUMENTS_AND_MAIL : PANTHER_LOG_TYPES;
  return sourcePlatforms(table, logTypes.map(foldedLogType));
}
