/**
 * The MITRE ATT&CK mappings of QRadar's rules as its Use Case Manager app gives them (its API's rule mappings, as the
 * QRadar SOAR integrations return them: a JSON list of `{ rulename, id, mapping, min-mitre-version }`) as coverage.
 * `mapping` holds, by tactic name, `{ confidence, enabled, id, techniques }`, and `techniques`, by technique name,
 * `{ confidence, enabled, id, parentTechniqueName }`. A rule covers each technique of an enabled tactic that is itself
 * enabled, by its `id`, or by its name (its parent's name first, `Phishing: Spearphishing Link`) when the id is none
 * (the placeholders `T1xxxx` of IBM's examples); a mapping the user disabled (`enabled: false`) covers nothing, and a
 * rule mapped to tactics only is ignored, naming them. How much it counts is the mapping's confidence
 * (QRADAR_WEIGHTS: how sure the mapping is that the rule detects the technique); a rule's techniques of different
 * confidences are one rule each (an item each). The export says nothing of whether a rule is enabled: every rule counts, noted.
 * JSON keeps no lines that the parsed value tells: a rule's line is where its `rulename` is written.
 */
import { jsonValueLines } from '../json-text.js';
import { coverageInput, roundLevel, weightFactor, type CoverageIgnored, type CoverageInput, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import { indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';
import { isJsonObject, type JsonObject } from '../json-value.js';

/** How a mapping's `confidence` becomes a coverage weight. */
export const QRADAR_WEIGHTS = {
  confidence: { high: 1, medium: 0.75, low: 0.5 },
  /** What a mapping without a confidence (or an unknown one) counts as. */
  missingConfidence: 'medium',
} as const;


/** Read a list of QRadar rule mappings (its parsed JSON value and its text, for lines; pure). */
export function parseQradarMappings(value: unknown, text: string, file: string): CoverageInput {
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  const lineOf = jsonValueLines(text, 'rulename');
  const items = Array.isArray(value) ? value : [];
  for (const [i, item] of items.entries()) {
    const name = isJsonObject(item) && typeof item['rulename'] === 'string' ? item['rulename'].trim() : '';
    if (!isJsonObject(item) || !name || !isJsonObject(item['mapping'])) {
      problems.push({ file, message: `rule ${i + 1} of the list has no rulename or no mapping; it is skipped`, skipped: true });
      continue;
    }
    const line = lineOf(item['rulename'] as string);
    const place = line ? { line } : {};
    const byConfidence = new Map<string, CoverageRef[]>();
    const tactics: string[] = [];
    const disabled: string[] = [];
    for (const [tactic, tacticMapping] of Object.entries(item['mapping'])) {
      if (!isJsonObject(tacticMapping)) continue;
      if (tacticMapping['enabled'] === false) {
        disabled.push(tactic);
        continue;
      }
      tactics.push(tactic);
      for (const [technique, mapping] of Object.entries(isJsonObject(tacticMapping['techniques']) ? tacticMapping['techniques'] : {})) {
        if (!isJsonObject(mapping)) continue;
        if (mapping['enabled'] === false) {
          disabled.push(technique);
          continue;
        }
        const id = typeof mapping['id'] === 'string' ? mapping['id'].trim() : '';
        const parent = typeof mapping['parentTechniqueName'] === 'string' ? mapping['parentTechniqueName'].trim() : '';
        const raw = indexedTechniqueIdInAnyCase(id) ?? (parent ? `${parent}: ${technique}` : technique);
        const confidence = typeof mapping['confidence'] === 'string' ? mapping['confidence'].trim().toLowerCase() : '';
        const refs = byConfidence.get(confidence) ?? [];
        if (!refs.some((ref) => ref.raw === raw)) refs.push({ raw, ...place, ...(indexedTechniqueIdInAnyCase(raw) === raw ? { id: raw } : {}) });
        byConfidence.set(confidence, refs);
      }
    }
    if (!byConfidence.size) {
      const why = tactics.length ? `no ATT&CK technique (tactics only: ${tactics.join(', ')})` : 'no ATT&CK technique';
      ignored.push({ file, ...place, name, reason: disabled.length ? `${why}; mappings disabled: ${disabled.join(', ')}` : why });
      continue;
    }
    for (const [confidence, refs] of [...byConfidence].sort(([a], [b]) => a.localeCompare(b))) {
      const factor = weightFactor('confidence', confidence || undefined, QRADAR_WEIGHTS.confidence, QRADAR_WEIGHTS.missingConfidence, (message) =>
        problems.push({ file, ...place, message, skipped: false }),
      );
      const level = roundLevel(factor.weight);
      const rule: CoverageRule = { kind: 'qradar', name, file, ...place, refs, level, levelReason: `qradar rule mapping, ${factor.text} -> ${level}` };
      if (typeof item['id'] === 'string' && item['id'].trim()) rule.id = item['id'].trim();
      if (tactics.length) rule.tactics = tactics;
      rules.push(rule);
    }
  }
  // Each rule of the list is one item, or one per confidence of its techniques.
  const input = coverageInput('qradar', file, 1, rules.length + ignored.length + problems.filter((problem) => problem.skipped).length, { rules, ignored, problems });
  return { ...input, notes: [`${file}: QRadar's rule mappings say nothing of whether a rule is enabled: every mapped rule counts`] };
}
