/**
 * Sumo Logic Cloud SIEM rules as coverage: the rules its API lists (GET /sec/v1/rules: `{ data: { objects } }`), a list
 * of them, or its content catalog's rules by id (SumoLogic/cloud-siem-content-catalog audit/rules.json), told by
 * sumoRules. A rule covers the techniques of its `_mitreAttackTechnique:` tags (a parent whose sub-technique is tagged
 * counts through it only, as Elastic's and Sentinel's rules do), its `_mitreAttackTactic:` tags its tactics. How much it
 * counts is its severity (`scoreMapping.default`, or a first seen or outlier rule's `score`: 1 to 10, the score its
 * signals carry; SUMO_WEIGHTS), and a prototype
 * rule (`isPrototype`), whose signals Cloud SIEM keeps out of insights, weighs SUMO_WEIGHTS.prototype as a hunting rule
 * does. A rule not enabled (`enabled: false`; in the catalog, `enabled_by_default: false`) covers nothing and is ignored
 * with that reason; the catalog's rules are what Sumo Logic ships, each counted as enabled by default, noted. JSON
 * keeps no lines that the parsed value tells: a rule's line is where its `name` is written.
 */
import { jsonValueLines } from '../json-text.js';
import { sumoRules } from '../input-kind.js';
import { coverageInput, listedTechniqueRefs, roundLevel, type CoverageIgnored, type CoverageInput, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import { notTechniqueId } from './read-siem-rule.js';
import { indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';

/**
 * How a rule's severity becomes a coverage weight: severity / `scale`, a prototype rule `prototype` in its place. Sumo
 * Logic's documentation ("Write a Chain Rule", Save as prototype): "A prototype rule generates Signals, but those
 * Signals won't contribute to Insights" (they add nothing to the entity's Activity Score), a rule run for a while to see
 * whether it is too noisy. Its signals are there to look at, as a hunting query's results are: it weighs what a hunting
 * rule does (SIGMA_WEIGHTS.hunting), not 0, since the activity is seen.
 */
export const SUMO_WEIGHTS = { scale: 10, missingSeverity: 5, prototype: 0.25 } as const;

// `_mitreAttackTechnique:T1046`, `_mitreAttackTactic:TA0007`: Cloud SIEM's ATT&CK tags.
const ATTACK_TAG = /^_mitreAttack(Technique|Tactic)\s*:\s*(.+)$/i;

/** Read Sumo Logic Cloud SIEM rules (their parsed JSON value and its text, for lines; pure). */
export function parseSumoRules(value: unknown, text: string, file: string): CoverageInput {
  const { shape, rules: found } = sumoRules(value) ?? { shape: 'list', rules: [] };
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  const lineOf = jsonValueLines(text, 'name');
  for (const item of found) {
    const name = (item['name'] as string).trim();
    const line = lineOf(item['name'] as string);
    const place = line ? { line } : {};
    const enabled = item['enabled'] ?? item['enabled_by_default'];
    if (enabled === false) {
      ignored.push({ file, ...place, name, reason: 'enabled' in item ? 'disabled in Cloud SIEM (enabled: false)' : 'not enabled by default (enabled_by_default: false)' });
      continue;
    }
    const ids: string[] = [];
    const tactics: string[] = [];
    for (const tag of item['tags'] as unknown[]) {
      const match = typeof tag === 'string' ? ATTACK_TAG.exec(tag.trim()) : null;
      if (!match) continue;
      const written = match[2]!.trim();
      const id = indexedTechniqueIdInAnyCase(written);
      if (match[1]!.toLowerCase() === 'tactic') tactics.push(written);
      else if (id) ids.push(id);
      else problems.push({ file, ...place, message: `${name}: ${notTechniqueId(`"${written}"`)}`, skipped: false });
    }
    const refs = listedTechniqueRefs(ids, place);
    if (!refs.length) {
      ignored.push({ file, ...place, name, reason: `no ATT&CK technique${tactics.length ? ` (tactics only: ${tactics.join(', ')})` : ''}` });
      continue;
    }
    const scores = item['scoreMapping'] ?? item['score_mapping'];
    // A first seen or outlier rule scores its signals with `score`, the others with a mapping's default.
    const given = scores && typeof scores === 'object' ? (scores as Record<string, unknown>)['default'] : item['score'];
    const severity = typeof given === 'number' && given >= 0 && given <= SUMO_WEIGHTS.scale ? given : undefined;
    if (severity === undefined) {
      problems.push({ file, ...place, message: `${name}: no severity from 0 to ${SUMO_WEIGHTS.scale} (scoreMapping.default, or score); counted as ${SUMO_WEIGHTS.missingSeverity}`, skipped: false });
    }
    const prototype = (item['isPrototype'] ?? item['is_prototype']) === true;
    const level = roundLevel(prototype ? SUMO_WEIGHTS.prototype : (severity ?? SUMO_WEIGHTS.missingSeverity) / SUMO_WEIGHTS.scale);
    const levelReason = prototype
      ? `sumo prototype rule (its signals count toward no insight) -> ${level}`
      : `sumo severity ${severity ?? `(none, counted as ${SUMO_WEIGHTS.missingSeverity})`} / ${SUMO_WEIGHTS.scale} -> ${level}`;
    const rule: CoverageRule = { kind: 'sumo', name, file, ...place, refs, level, levelReason };
    const id = item['id_compiled'] ?? item['id'];
    if (typeof id === 'string' && id.trim()) rule.id = id.trim();
    if (tactics.length) {
      rule.tactics = tactics;
      rule.tags = tactics.map((raw) => ({ raw, ...place }));
    }
    rules.push(rule);
  }
  const input = coverageInput('sumo', file, 1, found.length, { rules, ignored, problems });
  const note =
    shape === 'catalog'
      ? `${file}: read as Sumo Logic's content catalog of Cloud SIEM rules, what it ships: each rule counts as its enabled_by_default says, not as a workspace runs it; export your rules (GET /sec/v1/rules) for those`
      : undefined;
  return note ? { ...input, notes: [note] } : input;
}
