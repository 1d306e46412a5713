/**
 * A Kibana export of Elastic Security detection rules (`.ndjson`: Security > Rules > Export, or the detection engine's
 * `_export` API) as coverage: the rules a team has deployed, as Kibana holds them. One JSON object per line: a rule
 * (`rule_id`, `name`, `threat`, `severity`, `enabled`...), an exception list or its items, and a last line that sums
 * the export up (`exported_count`). Each rule is read by `kibanaRule`: as a rule file of elastic/detection-rules is,
 * its stage being "deployed" (weight 1, as a production rule), and a disabled rule (`enabled: false`) ignored. A line
 * that is no JSON is reported with its number and skipped; what the summary says the file lacks is noted (summaryNotes).
 */
import { coverageInput, type CoverageIgnored, type CoverageInput, type CoverageProblem, type CoverageRule } from './coverage-types.js';
import { addOutcome } from './read-rule-folder.js';
import { kibanaRule } from './read-siem-rule.js';

/** Read a Kibana rules export (pure). Lines that are no rules (exception lists, the export's summary) are not items. */
export function parseElasticExport(text: string, file: string): CoverageInput {
  const rules: CoverageRule[] = [];
  const ignored: CoverageIgnored[] = [];
  const problems: CoverageProblem[] = [];
  let items = 0;
  let ruleLines = 0;
  let summary: { line: number; fields: Record<string, unknown> } | undefined;
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const source = raw.trim();
    if (!source) return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      items++;
      problems.push({ file, line, message: `not JSON (${(error as Error).message}); each line of a Kibana export is one JSON object`, skipped: true });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const object = value as Record<string, unknown>;
    if (object['exported_count'] !== undefined) summary = { line, fields: object };
    // Exception lists and their items, action connectors and the summary line are no rules.
    if (object['rule_id'] === undefined && object['threat'] === undefined) return;
    items++;
    ruleLines++;
    addOutcome({ rules, ignored, problems }, file, kibanaRule(object, { file, line, idLine: () => line }));
  });
  if (summary) problems.push(...summaryNotes(summary.fields, ruleLines).map((message) => ({ file, line: summary!.line, message, skipped: false })));
  return coverageInput('elastic', file, 1, items, { rules, ignored, problems });
}

/**
 * What the export's summary line says the file lacks: the rules Kibana was asked for and did not find
 * (`missing_rules`, as the `_export` API writes it for a `rule_id` it does not hold), and a count of exported rules
 * (`exported_rules_count`, Kibana 8) other than the rule lines the file holds (a file cut short or edited).
 */
function summaryNotes(fields: Record<string, unknown>, ruleLines: number): string[] {
  const notes: string[] = [];
  const missing = Array.isArray(fields['missing_rules']) ? fields['missing_rules'] : [];
  const missingCount = typeof fields['missing_rules_count'] === 'number' ? fields['missing_rules_count'] : missing.length;
  if (missingCount > 0) {
    const ids = missing.flatMap((rule: unknown) => {
      const id = rule !== null && typeof rule === 'object' ? (rule as Record<string, unknown>)['rule_id'] : undefined;
      return typeof id === 'string' ? [id] : [];
    });
    notes.push(
      `the export's summary lists ${missingCount} rule${missingCount === 1 ? '' : 's'} Kibana did not export${ids.length ? ` (missing_rules: ${ids.join(', ')})` : ''}: ` +
        'not in this file, so not counted; check their rule_id in Kibana and export again',
    );
  }
  const exported = fields['exported_rules_count'];
  if (typeof exported === 'number' && exported !== ruleLines) {
    notes.push(
      `the export's summary says ${exported} rule${exported === 1 ? ' was' : 's were'} exported, and the file holds ${ruleLines}: ` +
        'it was cut short or edited since; export it again to review every rule',
    );
  }
  return notes;
}
