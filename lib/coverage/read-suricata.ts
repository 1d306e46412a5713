/**
 * Suricata (and Snort) rules as coverage: a `.rules` file (Emerging Threats Open's `emerging-*.rules`, the
 * `suricata.rules` suricata-update writes, a team's `local.rules`) holds one rule a line, `action header (options)`,
 * a line ending in `\` continued on the next. A rule covers the technique IDs of its `metadata` pairs
 * `mitre_technique_id T1190` and `mitre_subtechnique_id T1595.002` (a parent beside its own sub-technique counts
 * through it only), as dettectinator's Suricata import reads them; `mitre_tactic_id TA0001` gives its tactics. Its
 * weight is the `signature_severity` of its metadata (SURICATA_WEIGHTS; Emerging Threats' Critical, Major, Minor,
 * Informational), a rule without one counting as a medium rule.
 *
 * Ignored, saying why: a rule commented out (`# alert …`: Emerging Threats ships disabled and retired rules so, and
 * suricata-update leaves them so unless told to enable them); a rule that raises no alert: `pass` (it lets the
 * traffic through unlogged), Snort's `sdrop` and `log`, and a rule with `noalert` or `flowbits:noalert` (it sets a flag
 * another rule tests: Emerging Threats' "(set)" rules); a rule whose metadata says `deprecation_reason`. A rule
 * without a `sid` is invalid (Suricata refuses it). Every rule counts on every platform (network traffic).
 */
import { tacticIdInAnyCase, indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';
import { listedTechniqueRefs, roundLevel, untaggedRule, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { notTechniqueId } from './read-siem-rule.js';

/** How a rule's `signature_severity` becomes a coverage weight, on Sigma's scale; a rule without one counts as `missing`. */
export const SURICATA_WEIGHTS = {
  severity: { Critical: 1, Major: 0.9, Minor: 0.5, Informational: 0.25 },
  missing: 0.75,
} as const;

type Notes = Omit<CoverageProblem, 'file' | 'skipped'>[];

// Suricata's actions and Snort's; a `#` before one (and spaces) comments the rule out.
const RULE_LINE = /^\s*(#+\s*)?(alert|drop|reject|rejectsrc|rejectdst|rejectboth|pass|sdrop|log|accept)\s+([^(]*?)\s*\((.*)\)\s*$/i;
// Actions after which no alert is raised: pass lets traffic through, Snort's sdrop drops it silently, log logs the packet only.
const SILENT_ACTIONS = new Set(['pass', 'sdrop', 'log', 'accept']);

/**
 * Whether a text holds Suricata or Snort rules: a line (commented out or not) that is a rule with a `sid`. Other
 * `.rules` files (auditd's `audit.rules`, udev's) hold none.
 */
export function looksLikeSuricataRules(text: string): boolean {
  return text.split('\n').some((line) => {
    const match = RULE_LINE.exec(line);
    return match !== null && /(?:^|;)\s*sid\s*:/i.test(match[4]!);
  });
}

/** Read the rules of a Suricata or Snort rules file (pure): one outcome per rule line, a commented-out rule included. */
export function parseSuricataRules(source: string, file: string): RuleFileOutcome {
  const items: RuleOutcome[] = [];
  for (const { text, line } of ruleLines(source)) {
    const match = RULE_LINE.exec(text);
    if (match) items.push(suricataRule(match, line, file));
  }
  if (!items.length) return { ignored: { line: 1, reason: 'Suricata rules file with no rule' } };
  return { items };
}

/** The logical lines of a rules file with the line each starts on: a line ending in `\` goes on on the next. */
function ruleLines(source: string): { text: string; line: number }[] {
  const lines = source.split(/\r?\n/);
  const joined: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let text = lines[i]!;
    while (/\\\s*$/.test(text) && i + 1 < lines.length) text = text.replace(/\\\s*$/, '') + lines[++i]!;
    joined.push({ text, line });
  }
  return joined;
}

function suricataRule(match: RegExpExecArray, line: number, file: string): RuleOutcome {
  const [, commented, action, header, body] = match as unknown as [string, string | undefined, string, string, string];
  const options = ruleOptions(body);
  const value = (name: string): string | undefined => options.find((option) => option.name === name)?.value;
  const sid = value('sid')?.trim();
  const name = value('msg') ?? (sid ? `sid ${sid}` : undefined);
  if (!sid) return { invalid: { line, message: `a rule without a sid${name ? ` ("${name}")` : ''}; Suricata refuses it, so it is skipped` } };
  const ruleName = name ?? `sid ${sid}`;
  if (commented) return { ignored: { line, name: ruleName, reason: 'commented out (#): disabled, Suricata does not load it' } };
  const lowerAction = action.toLowerCase();
  if (SILENT_ACTIONS.has(lowerAction)) return { ignored: { line, name: ruleName, reason: `action ${lowerAction}: raises no alert` } };
  const noalert = options.find(
    (option) => option.name === 'noalert' || ((option.name === 'flowbits' || option.name === 'xbits') && option.value?.split(',')[0]?.trim().toLowerCase() === 'noalert'),
  );
  if (noalert) return { ignored: { line, name: ruleName, reason: `${noalert.name === 'noalert' ? 'noalert' : `${noalert.name}:noalert`}: raises no alert, sets a flag for other rules` } };
  const metadata = options.filter((option) => option.name === 'metadata').flatMap((option) => metadataPairs(option.value ?? ''));
  const meta = (key: string): string[] => metadata.filter((pair) => pair.key === key).map((pair) => pair.value);
  const deprecated = meta('deprecation_reason')[0];
  if (deprecated !== undefined) return { ignored: { line, name: ruleName, reason: `deprecated (metadata deprecation_reason ${deprecated})` } };
  const notes: Notes = [];
  const ids: string[] = [];
  for (const key of ['mitre_technique_id', 'mitre_subtechnique_id']) {
    for (const id of meta(key)) {
      const technique = indexedTechniqueIdInAnyCase(id);
      if (technique) ids.push(technique);
      else if (id.toLowerCase() !== 'none') notes.push({ line, message: notTechniqueId(`metadata ${key} "${id}"`) });
    }
  }
  const tactics = meta('mitre_tactic_id').flatMap((id) => tacticIdInAnyCase(id) ?? []);
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!ids.length) {
    const references = options.filter((option) => option.name === 'reference').map((option) => ({ text: option.value ?? '', line }));
    return withNotes(untaggedRule({ name: ruleName, line, what: 'mitre_technique_id metadata', tactics }, references, notes, (found) => `add metadata mitre_technique_id ${found.join(', mitre_technique_id ')}`));
  }
  const refs: CoverageRef[] = listedTechniqueRefs(ids, { line });
  const severity = meta('signature_severity')[0];
  const known = severity === undefined ? undefined : Object.keys(SURICATA_WEIGHTS.severity).find((key) => key.toLowerCase() === severity.toLowerCase());
  if (severity !== undefined && known === undefined) {
    notes.push({ line, message: `unknown signature_severity "${severity}"; counted as a medium rule (${SURICATA_WEIGHTS.missing}). Use one of ${Object.keys(SURICATA_WEIGHTS.severity).join(', ')}` });
  }
  const weight = known ? SURICATA_WEIGHTS.severity[known as keyof typeof SURICATA_WEIGHTS.severity] : SURICATA_WEIGHTS.missing;
  const said = known ? `signature_severity ${severity}` : severity === undefined ? `no signature_severity (counted as ${SURICATA_WEIGHTS.missing})` : `unknown signature_severity "${severity}" (counted as ${SURICATA_WEIGHTS.missing})`;
  const level = roundLevel(weight);
  const rule: CoverageRule = { kind: 'suricata', name: ruleName, id: sid, file, line, refs, level, levelReason: `suricata ${lowerAction}, ${said} -> ${level}` };
  if (tactics.length) {
    rule.tactics = tactics;
    rule.tags = tactics.map((raw) => ({ raw, line }));
  }
  const protocol = header.trim().split(/\s+/)[0];
  if (protocol) rule.dataSources = [protocol.toLowerCase()];
  return withNotes({ rule });
}

/**
 * A rule's options in order, `name:value;` each (`value` undefined for a bare keyword such as `noalert;`): a `;`
 * inside double quotes or escaped (`\;`) is part of the value; `msg`'s quotes and escapes are taken off.
 */
function ruleOptions(body: string): { name: string; value?: string }[] {
  const options: { name: string; value?: string }[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    if (char === '\\' && i + 1 < body.length) {
      current += char + body[++i]!;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      pushOption(options, current);
      current = '';
    } else current += char;
  }
  pushOption(options, current);
  return options;
}

function pushOption(options: { name: string; value?: string }[], text: string): void {
  const at = text.indexOf(':');
  const name = (at < 0 ? text : text.slice(0, at)).trim().toLowerCase();
  if (!name) return;
  if (at < 0) {
    options.push({ name });
    return;
  }
  let value = text.slice(at + 1).trim();
  if (name === 'msg') value = value.replace(/^"|"$/g, '').replace(/\\(.)/g, '$1');
  options.push({ name, value });
}

/** The `key value` pairs of a `metadata` option, separated by commas (`created_at 2010_07_30, mitre_technique_id T1190`). */
function metadataPairs(value: string): { key: string; value: string }[] {
  return value.split(',').flatMap((pair) => {
    const [key, ...rest] = pair.trim().split(/\s+/);
    return key ? [{ key: key.toLowerCase(), value: rest.join(' ') }] : [];
  });
}
