/**
 * Microsoft Sentinel's Export of analytic rules (Analytics > select > Export: an ARM deployment template) as coverage:
 * the rules a workspace has deployed; so are the rules the REST API lists (`value`), a list of them and one rule
 * (sentinelAlertRules), noted. The analytic rule templates of a Content Hub solution package (a mainTemplate.json)
 * are each ignored, saying a workspace runs only the rules made from them. Each resource of type `…/alertRules` is a rule: its `properties` name it
 * (`displayName`), rate it (`severity`, as a Sentinel YAML rule: SENTINEL_WEIGHTS), list its ATT&CK techniques in
 * `techniques` (parents) and `subTechniques`, and its `tactics` (checked against the release); a parent whose
 * sub-technique is listed counts through it only, as Elastic's rules do. A rule with `enabled: false` covers nothing and is ignored with that reason; a rule without a
 * technique (a Microsoft incident-creation rule) is ignored as any other. JSON keeps no lines that the parsed value
 * tells: a rule's line is where its `displayName` is written.
 */
import { jsonValueLines } from '../json-text.js';
import { kqlQueryCut, kqlTableGroups } from './kql-tables.js';
import { coverageInput, listedTechniqueRefs, roundLevel, weightFactor, type CoverageIgnored, type CoverageInput, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import { sentinelAlertRules } from '../input-kind.js';
import { notTechniqueId, SENTINEL_WEIGHTS } from './read-siem-rule.js';
import { kqlQueryPlatforms } from './source-platforms.js';
import { kqlMailData } from './mail-delivery.js';
import { indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';

/** Read a Sentinel export (its parsed JSON value and its text, for lines; pure). */
export function parseSentinelExport(value: unknown, text: string, file: string): CoverageInput {
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  const lineOf = jsonValueLines(text, 'displayName');
  const { shape, rules: alertRules, templates } = sentinelAlertRules(value) ?? { shape: 'arm', rules: [], templates: [] };
  const notes = shape === 'arm' ? [] : [`${file}: read as ${SHAPES[shape]}; ${shape === 'one' ? 'it counts' : 'each counts'} as a rule of an Export does`];
  // A Content Hub solution package's analytic rules are templates: a workspace runs only the rules made from them.
  for (const { template, resource } of templates) {
    const properties = template['properties'] as Record<string, unknown>;
    const raw = properties['displayName'];
    const name = typeof raw === 'string' ? raw.trim() : '';
    const line = name ? lineOf(raw as string) : undefined;
    // A package of the newer format writes the name again in its contentTemplates resource (`properties.displayName`):
    // those lines are this template's too, so the next template of that name gets its own.
    for (let again = name ? timesWritten(resource, raw as string) - 1 : 0; again > 0; again--) lineOf(raw as string);
    ignored.push({
      file,
      ...(line ? { line } : {}),
      ...(name ? { name } : {}),
      reason: 'an analytic rule template of a Content Hub solution package, which a workspace runs only once a rule is created from it: export the rules enabled in Sentinel > Analytics',
    });
  }
  for (const [i, resource] of alertRules.entries()) {
    const properties = isRecord(resource['properties']) ? resource['properties'] : {};
    const name = typeof properties['displayName'] === 'string' ? properties['displayName'].trim() : '';
    if (!name) {
      problems.push({ file, message: `alert rule ${i + 1} of the export has no displayName; it is skipped`, skipped: true });
      continue;
    }
    const line = lineOf(properties['displayName'] as string);
    const place = line ? { line } : {};
    if (properties['enabled'] === false) {
      ignored.push({ file, ...place, name, reason: 'disabled in Sentinel (enabled: false)' });
      continue;
    }
    const notes: Omit<CoverageProblem, 'file' | 'skipped'>[] = [];
    const ids = [...texts(properties['techniques']), ...texts(properties['subTechniques'])];
    for (const id of ids.filter((id) => !indexedTechniqueIdInAnyCase(id))) notes.push({ ...place, message: notTechniqueId(`"${id}"`) });
    const refs = listedTechniqueRefs(ids.flatMap((id) => indexedTechniqueIdInAnyCase(id) ?? []), place);
    for (const note of notes) problems.push({ file, ...note, skipped: false });
    if (!refs.length) {
      ignored.push({ file, ...place, name, reason: 'no ATT&CK technique' });
      continue;
    }
    const severity = typeof properties['severity'] === 'string' ? properties['severity'].trim() : undefined;
    const factor = weightFactor('severity', severity, SENTINEL_WEIGHTS.severity, SENTINEL_WEIGHTS.missingSeverity, (message) =>
      problems.push({ file, ...place, message, skipped: false }),
    );
    const level = roundLevel(factor.weight);
    const kind = typeof resource['kind'] === 'string' ? ` (${resource['kind']})` : '';
    const rule: CoverageRule = { kind: 'sentinel', name, file, ...place, refs, level, levelReason: `sentinel analytic rule deployed${kind}, ${factor.text} -> ${level}` };
    const id = typeof properties['alertRuleTemplateName'] === 'string' ? properties['alertRuleTemplateName'] : undefined;
    if (id) rule.id = id;
    const query = typeof properties['query'] === 'string' ? properties['query'] : undefined;
    const tables = query === undefined ? [] : kqlTableGroups(query);
    if (tables.length) rule.queryTables = tables;
    // The tables its query reads say where it fires (SigninLogs: Entra ID's sign-ins), as a Sentinel YAML rule's do.
    const platforms = kqlQueryPlatforms(tables);
    if (platforms) rule.platforms = platforms;
    const mailData = kqlMailData(tables, query);
    if (mailData.length) rule.mailData = mailData;
    const cut = query === undefined ? undefined : kqlQueryCut(query);
    if (cut) rule.queryCut = { why: cut.why, queryLine: cut.line };
    // Checked against the release as a Sentinel YAML rule's are.
    const tactics = texts(properties['tactics']);
    if (tactics.length) {
      rule.tactics = tactics;
      rule.tags = tactics.map((raw) => ({ raw, ...place }));
    }
    rules.push(rule);
  }
  const input = coverageInput('sentinel', file, 1, alertRules.length + templates.length, { rules, ignored, problems });
  return notes.length ? { ...input, notes } : input;
}

// A Content Hub solution package's resources, which nest its analytic rules as templates.
const PACKAGE_TYPE = /"type"\s*:\s*"[^"]*\/(?:contentTemplates|contentPackages|templateSpecs|AlertRuleTemplates)"/i;

/**
 * Whether a JSON text of Sentinel's is a Content Hub solution package (mainTemplate.json), its analytic rules templates
 * of the YAML rules a solution keeps beside it: a rule folder leaves it out (rule-exports.ts), as it reads those.
 */
export function isSentinelPackageText(text: string): boolean {
  return PACKAGE_TYPE.test(text);
}

/** How many times a JSON value writes `displayName` with the text `name`, at any depth. */
function timesWritten(value: unknown, name: string): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + timesWritten(item, name), 0);
  if (!isRecord(value)) return 0;
  return Object.entries(value).reduce((sum, [key, item]) => sum + (key === 'displayName' && item === name ? 1 : timesWritten(item, name)), 0);
}

/** How a JSON value other than an ARM template holds Sentinel alert rules (sentinelAlertRules), as a note says it. */
const SHAPES = {
  rest: "the REST API's list of Sentinel alert rules (value: GET …/alertRules)",
  list: 'a list of Sentinel alert rules (as az sentinel alert-rule list writes them)',
  one: 'one Sentinel alert rule (as GET …/alertRules/{id} returns it)',
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => (typeof item === 'string' && item.trim() ? [item.trim()] : [])) : [];
}
