/**
 * Datadog Cloud SIEM detection rules as coverage: the rules its API lists (GET /api/v2/security_monitoring/rules:
 * `{ data: [ … ], meta }`), a list of them, or one rule (GET …/rules/{rule_id}, or a rule as the JSON editor shows it),
 * told by datadogRules: what an organization runs. A rule is named by its `name`; its tags name its ATT&CK techniques
 * (`technique:T1110-brute-force`, `subtechnique:T1552.005-cloud-instance-metadata-api`) and tactics
 * (`tactic:TA0006-credential-access`); a parent whose sub-technique is tagged counts through it only, as Sentinel's and
 * Elastic's rules do. How much it counts is the highest status among its cases (the severity of the signal it raises:
 * DATADOG_WEIGHTS). A rule not enabled (`isEnabled: false`), deprecated (`isDeprecated: true`) or deleted
 * (`isDeleted: true`) covers nothing and is ignored with that reason, and so is a rule without a technique tag. A rule
 * fires on the platforms of the log sources it reads (DATADOG_SOURCES: `source:cloudtrail` AWS), by its `source:` tags,
 * else its queries'. JSON keeps no lines that the parsed value tells: a rule's line is where its `name` is written.
 */
import { jsonValueLines } from '../json-text.js';
import { datadogRules } from '../input-kind.js';
import { isJsonObject } from '../json-value.js';
import { coverageInput, listedTechniqueRefs, roundLevel, weightFactor, type CoverageIgnored, type CoverageInput, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import { notTechniqueId } from './read-siem-rule.js';
import { INDEXED_TECHNIQUE_ID_SOURCE, isIndexedTechniqueId } from '../attack/technique-id.js';
import { DATADOG_SOURCES, negatedAt, sourcePlatforms } from './source-platforms.js';

/** How the highest status of a rule's cases (the severity of its signals) becomes a coverage weight, on Sigma's scale. */
export const DATADOG_WEIGHTS = { status: { critical: 1, high: 0.9, medium: 0.75, low: 0.5, info: 0.25 }, missingStatus: 'medium' } as const;

// `technique:T1110-brute-force`, `subtechnique:T1552.005-cloud-instance-metadata-api`, `tactic:TA0006-credential-access`.
const ATTACK_TAG = /^(technique|subtechnique|tactic)\s*:\s*(.*)$/i;
const TAGGED_ID = new RegExp(`^(${INDEXED_TECHNIQUE_ID_SOURCE}|TA\\d{4})(?:-.*)?$`, 'i');

const SHAPES = {
  api: "Datadog's list of detection rules (data: GET /api/v2/security_monitoring/rules)",
  list: 'a list of Datadog detection rules',
  one: 'one Datadog detection rule (as GET /api/v2/security_monitoring/rules/{rule_id} returns it)',
} as const;

/** Read Datadog detection rules (their parsed JSON value and its text, for lines; pure). */
export function parseDatadogRules(value: unknown, text: string, file: string): CoverageInput {
  const { shape, rules: found } = datadogRules(value) ?? { shape: 'list', rules: [] };
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  const lineOf = jsonValueLines(text, 'name');
  for (const item of found) {
    const name = (item['name'] as string).trim();
    const line = lineOf(item['name'] as string);
    const place = line ? { line } : {};
    const off = item['isEnabled'] === false ? 'not enabled in Datadog (isEnabled: false)' : item['isDeprecated'] === true ? 'deprecated in Datadog (isDeprecated: true)' : item['isDeleted'] === true ? 'deleted in Datadog (isDeleted: true)' : undefined;
    if (off) {
      ignored.push({ file, ...place, name, reason: off });
      continue;
    }
    const ids: string[] = [];
    const tactics: string[] = [];
    for (const tag of item['tags'] as unknown[]) {
      const match = typeof tag === 'string' ? ATTACK_TAG.exec(tag.trim()) : null;
      if (!match) continue;
      const id = TAGGED_ID.exec(match[2]!.trim())?.[1]?.toUpperCase();
      const tactic = match[1]!.toLowerCase() === 'tactic';
      if (tactic && id?.startsWith('TA')) tactics.push(id);
      else if (!tactic && id && isIndexedTechniqueId(id)) ids.push(id);
      else problems.push({ file, ...place, message: `${name}: tag "${tag as string}": ${tactic ? 'no tactic ID (TA0006) after tactic:; it is skipped' : notTechniqueId(`"${match[2]!.trim()}"`)}`, skipped: false });
    }
    const refs = listedTechniqueRefs(ids, place);
    if (!refs.length) {
      ignored.push({ file, ...place, name, reason: `no ATT&CK technique tag${tactics.length ? ` (tactics only: ${tactics.join(', ')})` : ''}` });
      continue;
    }
    const statuses = (Array.isArray(item['cases']) ? item['cases'] : []).flatMap((c) => (isJsonObject(c) && typeof c['status'] === 'string' ? [c['status'].trim().toLowerCase()] : []));
    const known = statuses.filter((status) => status in DATADOG_WEIGHTS.status) as (keyof typeof DATADOG_WEIGHTS.status)[];
    const highest = known.sort((a, b) => DATADOG_WEIGHTS.status[b] - DATADOG_WEIGHTS.status[a])[0] ?? statuses[0];
    const factor = weightFactor('case status', highest, DATADOG_WEIGHTS.status, DATADOG_WEIGHTS.missingStatus, (message) => problems.push({ file, ...place, message: `${name}: ${message}`, skipped: false }));
    const level = roundLevel(factor.weight);
    const rule: CoverageRule = { kind: 'datadog', name, file, ...place, refs, level, levelReason: `datadog detection rule enabled, highest ${factor.text} -> ${level}` };
    if (typeof item['id'] === 'string') rule.id = item['id'];
    const platforms = sourcePlatforms(DATADOG_SOURCES, datadogSources(item));
    if (platforms) rule.platforms = platforms;
    if (tactics.length) {
      rule.tactics = tactics;
      rule.tags = tactics.map((raw) => ({ raw, ...place }));
    }
    rules.push(rule);
  }
  const input = coverageInput('datadog', file, 1, found.length, { rules, ignored, problems });
  return { ...input, notes: [`${file}: read as ${SHAPES[shape]}`] };
}

// A log source a tag or a query names: `source:cloudtrail`, `source:azure.activedirectory`.
const SOURCE_TERM = /(?<![\w@.-])source:([\w.-]+)/gi;

/**
 * The log sources a Datadog rule reads: its `source:` tags, else the `source:` each of its queries searches (one that
 * names none, or only negated, reads any source: none is returned, and the rule counts on every platform).
 */
function datadogSources(item: Record<string, unknown>): string[] {
  const named = (text: string): string[] => [...text.matchAll(SOURCE_TERM)].filter((match) => !negatedAt(text, match.index)).map((match) => match[1]!);
  const tagged = (item['tags'] as unknown[]).flatMap((tag) => (typeof tag === 'string' ? named(tag.trim()) : []));
  if (tagged.length) return [...new Set(tagged)];
  const queries = (Array.isArray(item['queries']) ? item['queries'] : []).map((query) => (isJsonObject(query) && typeof query['query'] === 'string' ? named(query['query']) : []));
  return queries.length && queries.every((sources) => sources.length) ? [...new Set(queries.flat())] : [];
}
