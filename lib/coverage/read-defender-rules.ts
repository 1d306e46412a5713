/**
 * Microsoft Defender XDR custom detection rules as coverage: the rules Microsoft Graph lists (GET
 * /beta/security/rules/detectionRules: `{ value: [ … ] }`), a list of them (`Get-MgBetaSecurityRuleDetectionRule |
 * ConvertTo-Json`) or one rule (GET …/detectionRules/{id}), told by defenderDetectionRules: what a tenant runs. A rule
 * is named by its `displayName`; its alert, `detectionAction.alertTemplate`, lists its ATT&CK techniques, as the API
 * first wrote them in `mitreTechniques` (`["T1059"]`), or under its tactics, as its documentation writes them since
 * 2026 (`tactics: [{ tactic: "Execution", techniques: [{ technique: "T1059.001" }] }]`), and rates it (`severity`:
 * high, medium, low, informational, weighed as a Sentinel rule's: DEFENDER_WEIGHTS). A parent whose sub-technique is
 * listed counts through it only, as Sentinel's and Elastic's rules do. A rule switched off (`isEnabled: false`, or a
 * `status` saying disabled) covers nothing and is ignored with that reason, and so is a rule without a technique. JSON
 * keeps no lines that the parsed value tells: a rule's line is where its `displayName` is written. The tables its
 * query (`queryCondition.queryText`, Advanced Hunting KQL: `DeviceProcessEvents | where …`) reads are kept as a
 * Sentinel rule's are (kql-tables.ts), for classing it by what it needs collected in a rules library, and say where it
 * fires (kqlQueryPlatforms: EmailEvents Office 365; its device tables, of any device, every platform).
 */
import { jsonValueLines } from '../json-text.js';
import { defenderDetectionRules } from '../input-kind.js';
import { isJsonObject } from '../json-value.js';
import { coverageInput, listedTechniqueRefs, roundLevel, weightFactor, type CoverageIgnored, type CoverageInput, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import { notTechniqueId, SENTINEL_WEIGHTS } from './read-siem-rule.js';
import { indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';
import { kqlQueryCut, kqlTableGroups } from './kql-tables.js';
import { kqlQueryPlatforms } from './source-platforms.js';
import { kqlMailData } from './mail-delivery.js';

/** An alert's severity as a weight: Defender XDR rates alerts on Sentinel's scale (High, Medium, Low, Informational). */
export const DEFENDER_WEIGHTS = { severity: SENTINEL_WEIGHTS.severity, missingSeverity: SENTINEL_WEIGHTS.missingSeverity } as const;

/** How each JSON shape holding the rules is said in the input's note. */
const SHAPES = {
  graph: "Microsoft Graph's list of Defender XDR custom detection rules (value: GET /beta/security/rules/detectionRules)",
  list: 'a list of Defender XDR custom detection rules (as Get-MgBetaSecurityRuleDetectionRule writes them)',
  one: 'one Defender XDR custom detection rule (as GET …/detectionRules/{id} returns it)',
} as const;

/** Read Defender XDR custom detection rules (their parsed JSON value and its text, for lines; pure). */
export function parseDefenderRules(value: unknown, text: string, file: string): CoverageInput {
  const { shape, rules: found } = defenderDetectionRules(value) ?? { shape: 'list', rules: [] };
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  const lineOf = jsonValueLines(text, 'displayName');
  for (const [i, item] of found.entries()) {
    const alert = isJsonObject(item['detectionAction']) && isJsonObject(item['detectionAction']['alertTemplate']) ? item['detectionAction']['alertTemplate'] : {};
    const name = typeof item['displayName'] === 'string' ? item['displayName'].trim() : '';
    if (!name) {
      problems.push({ file, message: `detection rule ${i + 1} of the file has no displayName; it is skipped`, skipped: true });
      continue;
    }
    const line = lineOf(item['displayName'] as string);
    const place = line ? { line } : {};
    const status = typeof item['status'] === 'string' ? item['status'].trim() : undefined;
    if (item['isEnabled'] === false || (status && /disabled/i.test(status))) {
      ignored.push({ file, ...place, name, reason: `disabled in Defender XDR (${item['isEnabled'] === false ? 'isEnabled: false' : `status: ${status}`})` });
      continue;
    }
    const listed = Array.isArray(alert['tactics']) ? alert['tactics'].filter(isJsonObject) : [];
    const written = [...texts(alert['mitreTechniques']), ...listed.flatMap((tactic) => (Array.isArray(tactic['techniques']) ? tactic['techniques'] : []).flatMap((t) => texts([isJsonObject(t) ? t['technique'] : t])))];
    for (const id of written.filter((id) => !indexedTechniqueIdInAnyCase(id))) problems.push({ file, ...place, message: `${name}: ${notTechniqueId(`"${id}"`)}`, skipped: false });
    const refs = listedTechniqueRefs(written.flatMap((id) => indexedTechniqueIdInAnyCase(id) ?? []), place);
    const tactics = listed.flatMap((tactic) => texts([tactic['tactic']]));
    if (!refs.length) {
      ignored.push({ file, ...place, name, reason: `no ATT&CK technique${tactics.length ? ` (tactics only: ${tactics.join(', ')})` : ''}` });
      continue;
    }
    const severity = typeof alert['severity'] === 'string' ? alert['severity'].trim() : undefined;
    const factor = weightFactor('severity', severity, DEFENDER_WEIGHTS.severity, DEFENDER_WEIGHTS.missingSeverity, (message) =>
      problems.push({ file, ...place, message: `${name}: ${message}`, skipped: false }),
    );
    const level = roundLevel(factor.weight);
    const rule: CoverageRule = { kind: 'defender', name, file, ...place, refs, level, levelReason: `defender custom detection rule deployed, ${factor.text} -> ${level}` };
    if (typeof item['id'] === 'string') rule.id = item['id'];
    const query = isJsonObject(item['queryCondition']) ? item['queryCondition']['queryText'] : undefined;
    const tables = typeof query === 'string' ? kqlTableGroups(query) : [];
    if (tables.length) rule.queryTables = tables;
    // The tables it reads say where it fires (EmailEvents: Office 365's mail); its device tables, every platform.
    const platforms = kqlQueryPlatforms(tables);
    if (platforms) rule.platforms = platforms;
    const mailData = kqlMailData(tables, typeof query === 'string' ? query : undefined);
    if (mailData.length) rule.mailData = mailData;
    const cut = typeof query === 'string' ? kqlQueryCut(query) : undefined;
    if (cut) rule.queryCut = { why: cut.why, queryLine: cut.line };
    if (tactics.length) {
      rule.tactics = tactics;
      rule.tags = tactics.map((raw) => ({ raw, ...place }));
    }
    rules.push(rule);
  }
  const input = coverageInput('defender', file, 1, found.length, { rules, ignored, problems });
  return { ...input, notes: [`${file}: read as ${SHAPES[shape]}`] };
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => (typeof item === 'string' && item.trim() ? [item.trim()] : [])) : [];
}
