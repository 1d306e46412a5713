/**
 * A Kibana export of Elastic Security detection rules (`.ndjson`: Security > Rules > Export, or the detection engine's
 * `_export` API) as coverage: the rules a team has deployed, as Kibana holds them. One JSON object per line: a rule
 * (`rule_id`, `name`, `threat`, `severity`, `enabled`...), an exception list or its items, and a last line that sums
 * the export up (`exported_count`). Each rule is read by `kibanaRule`: as a rule file of elastic/detection-rules is,
 * its stage being "deployed" (weight 1, as a production rule), and a disabled rule (`enabled: false`) ignored. A line
 * that is no JSON is reported with its number and skipped.
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
    // Exception lists and their items, and the summary line, are no rules.
    if (object['rule_id'] === undefined && object['threat'] === undefined) return;
    items++;
    addOutcome({ rules, ignored, problems }, file, kibanaRule(object, { file, line, idLine: () => line }));
  });
  return coverageInput('elastic', file, 1, items, { rules, ignored, problems });
}
