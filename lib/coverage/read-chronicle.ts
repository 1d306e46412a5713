/**
 * Google SecOps (Chronicle) YARA-L 2.0 rules as coverage: `.yaral` files (github.com/chronicle/detection-rules, a
 * team's own), each holding one or more `rule name { meta: … events: … condition: … }`. A rule covers the techniques
 * its `meta` names where Chronicle's style guide puts them: the ID in `mitre_attack_url`
 * (`https://attack.mitre.org/techniques/T1021/002/`), in a meta key naming a technique or `mitre`
 * (`mitre_attack_technique_id = "T1021.002"`, `mitre = "Execution, t1204"`) or in the outcome's
 * `$mitre_attack_technique_id`; a rule that gives no ID is read by its `mitre_attack_technique` name
 * (`Valid Accounts`, `Impair Defenses: Disable Cloud Logs`), resolved as every name is. `mitre_attack_tactic` (or
 * `tactic`, as the community rules beside `technique` write it: `tactic = "TA0006"`)
 * (`Defense Evasion, Persistence`) gives its tactics, checked against the release. A technique page in `reference` is
 * a source, not a claim: it is noted, as in other formats. Weight, on Sigma's scale (CHRONICLE_WEIGHTS): `severity`
 * (Info … Critical); a rule of `type = "hunt"` (the guide: it may raise false positives, its results serve a hunt)
 * weighs 0.25, as a Sentinel hunting query does. Its `platform` (`Windows`, `AWS`, `azure`; comma-separated) says where
 * it fires, as chronicle/detection-rules writes it: each name that is an ATT&CK platform's, any case (AWS, GCP and Azure
 * are IaaS in the review), so that `aws_backup_plan_deleted` (T1490, `platform = "AWS"`) covers T1490 on IaaS, not on
 * Windows; a rule that states none but keeps a Sigma logsource's `product` and `service` in meta, as the Sigma rules
 * SOC Prime translated do (soc_prime_rules/threat_hunting/linux/possible_bind_or_reverse_shell_via_netcat__auditbeat_for_linux.yaral,
 * T1059: `product = "linux"`), fires where that logsource does (logsourcePlatforms); a rule whose platform names none
 * (`GitHub`), or that states neither, fires on every platform.
 */
import { roundLevel, untaggedRule, weightFactor, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { LineIndex } from './yaml-events.js';
import { TEXT_TECHNIQUE_ID_SOURCE } from '../attack/technique-id.js';
import { attackPlatformName } from '../attack/platform-names.js';
import { logsourcePlatforms } from './sigma-platforms.js';

/** How a YARA-L rule's `severity` becomes a coverage weight; a rule of type `hunt` weighs `hunt`. */
export const CHRONICLE_WEIGHTS = {
  severity: { Critical: 1, High: 0.9, Medium: 0.75, Low: 0.5, Info: 0.25, Informational: 0.25 },
  missingSeverity: 'Medium',
  hunt: 0.25,
} as const;

type Notes = Omit<CoverageProblem, 'file' | 'skipped'>[];

const RULE_START = /\brule\s+([A-Za-z_]\w*)\s*\{/g;
const SECTION = /^\s*(meta|strings|events|match|outcome|condition|options)\s*:/;
// A meta line: key = "value" (or a bare number or word).
const META_LINE = /^\s*([A-Za-z_]\w*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|(\S+))/;
const OUTCOME_TECHNIQUE = /^\s*\$mitre_attack_technique_id\s*=\s*(.*)$/;
// T1059.001, t1059, ACME-T1000 (a team's Workbench namespace): read whole, never as the T1000 it ends with; the words of
// `initial-access-t1566` are no namespace.
const TECHNIQUE_IN_TEXT = new RegExp(`\\b${TEXT_TECHNIQUE_ID_SOURCE}\\b`, 'g');
const TECHNIQUE_PAGE = /attack\.mitre\.org\/(?:versions\/v[\d.]+\/)?techniques\/(T\d{4})(?:\/(\d{3}))?/gi;
// Meta keys that name the rule's technique: mitre_attack_technique_id, technique, mitre, mitre_attack_url.
const TECHNIQUE_KEY = /^(?:mitre(?:_attack)?(?:_technique(?:_ids?)?|_ids?|_url)?|techniques?(?:_ids?)?)$/i;

/** Whether a text is YARA-L: a `rule name {` followed by a `meta:`, `events:` or `condition:` section. */
export function looksLikeYaraL(text: string): boolean {
  return /^\s*rule\s+[A-Za-z_]\w*\s*\{?\s*$/m.test(text) && /^\s*(?:meta|events|condition)\s*:/m.test(text);
}

/** Read the rules of a YARA-L file (pure): one outcome per `rule`. */
export function parseYaraL(source: string, file: string): RuleFileOutcome {
  const text = blankComments(source);
  const lines = new LineIndex(text);
  const starts = [...text.matchAll(RULE_START)];
  if (!starts.length) return { invalid: { line: 1, message: 'no "rule name {": not a YARA-L rule file' } };
  const items = starts.map((start, i) => {
    const body = text.slice(start.index + start[0].length, starts[i + 1]?.index ?? text.length);
    return yaraLRule(start[1]!, body, lines.line(start.index), lines.line(start.index + start[0].length), file);
  });
  return items.length === 1 ? items[0]! : { items };
}

function yaraLRule(ruleName: string, body: string, line: number, firstLine: number, file: string): RuleOutcome {
  const meta = new Map<string, { value: string; line: number }>();
  const outcomeIds: { value: string; line: number }[] = [];
  let section: string | undefined;
  body.split('\n').forEach((text, i) => {
    section = SECTION.exec(text)?.[1] ?? section;
    const at = firstLine + i;
    const pair = section === 'meta' ? META_LINE.exec(text.replace(SECTION, '')) : null;
    if (pair && !meta.has(pair[1]!.toLowerCase())) meta.set(pair[1]!.toLowerCase(), { value: (pair[2] ?? pair[3] ?? '').replace(/\\(.)/g, '$1'), line: at });
    const outcome = section === 'outcome' ? OUTCOME_TECHNIQUE.exec(text) : null;
    if (outcome) outcomeIds.push({ value: outcome[1]!, line: at });
  });
  const name = meta.get('rule_name')?.value.trim() || ruleName;
  const notes: Notes = [];
  const refs: CoverageRef[] = [];
  const add = (raw: string, at: number, id?: string): void => {
    if (refs.some((ref) => (ref.id ?? ref.raw).toUpperCase() === (id ?? raw).toUpperCase())) return;
    refs.push({ raw, line: at, ...(id ? { id } : {}) });
  };
  for (const [key, { value, line: at }] of meta) {
    if (!TECHNIQUE_KEY.test(key)) continue;
    for (const [, id, sub] of value.matchAll(TECHNIQUE_PAGE)) add(`${id}${sub ? `.${sub}` : ''}`.toUpperCase(), at, `${id}${sub ? `.${sub}` : ''}`.toUpperCase());
    if (key.endsWith('url')) continue;
    for (const [id] of value.matchAll(TECHNIQUE_IN_TEXT)) add(id, at, id.toUpperCase());
  }
  for (const { value, line: at } of outcomeIds) for (const [id] of value.matchAll(TECHNIQUE_IN_TEXT)) add(id, at, id.toUpperCase());
  // Without an ID, the technique's name as the guide writes it ("Remote Services: SMB/Windows Admin Shares").
  const technique = meta.get('mitre_attack_technique');
  if (!refs.length && technique?.value.trim()) add(technique.value.trim(), technique.line);
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length ? { ...outcome, notes } : outcome);
  const tactic = meta.get('mitre_attack_tactic') ?? meta.get('tactic');
  const tactics = tactic ? tactic.value.split(',').map((part) => part.trim()).filter(Boolean) : [];
  if (!refs.length) {
    const references = [...meta].filter(([key]) => /^references?$/.test(key)).map(([, { value, line: at }]) => ({ text: value, line: at }));
    return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique', tactics }, references, notes, (ids) => `name it in meta as mitre_attack_url = "https://attack.mitre.org/techniques/${ids[0]!.replace('.', '/')}/"`));
  }
  const type = meta.get('type')?.value.trim();
  const severity = meta.get('severity');
  const weight =
    type && /^hunt(?:ing)?$/i.test(type)
      ? { weight: CHRONICLE_WEIGHTS.hunt, text: `type ${type} (a hunting rule)` }
      : weightFactor('severity', severity?.value.trim(), CHRONICLE_WEIGHTS.severity, CHRONICLE_WEIGHTS.missingSeverity, (message) => notes.push({ line: severity?.line ?? line, message }));
  const level = roundLevel(weight.weight);
  const rule: CoverageRule = { kind: 'chronicle', name, file, line, refs, level, levelReason: `chronicle ${type && !/^hunt/i.test(type) ? `type ${type}, ` : ''}${weight.text} -> ${level}` };
  const id = meta.get('rule_id')?.value.trim();
  if (id) rule.id = id;
  if (tactics.length) {
    rule.tactics = tactics;
    rule.tags = tactics.map((raw) => ({ raw, line: tactic!.line }));
  }
  const dataSource = meta.get('data_source')?.value.trim();
  if (dataSource) rule.dataSources = dataSource.split(',').map((part) => part.trim()).filter(Boolean);
  const stated = [...new Set((meta.get('platform')?.value.split(',') ?? []).flatMap((part) => attackPlatformName(part) ?? []))];
  // SOC Prime's rules (soc_prime_rules/) are Sigma rules translated, which keep the Sigma logsource in meta instead.
  const platforms = stated.length ? stated : logsourcePlatforms({ product: meta.get('product')?.value, service: meta.get('service')?.value }).platforms;
  if (platforms.length) rule.platforms = [...platforms];
  return withNotes({ rule });
}

/** The text with `//` and `/* … *\/` comments outside strings blanked, so offsets and lines stay the file's. */
function blankComments(text: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      out += c;
      if (c === '\\' && quote === '"') out += text[++i] ?? '';
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === '`') {
      quote = c;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') (out += ' '), i++;
      i--;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop - 1;
    } else out += c;
  }
  return out;
}
