/**
 * JSON exports of deployed rules, as a SIEM's API or Export button writes them: Sentinel's analytic rules (ARM template,
 * REST API), Defender XDR custom detection rules (Microsoft Graph), Sumo Logic Cloud SIEM rules and Datadog detection
 * rules. One table says, for each kind of file kindOfValue tells, how it is read: given alone (read-threat.ts) and as a
 * `.json` file of a rule folder (read-rule-folder.ts), where each of its rules is an item beside the folder's other rules,
 * as detection-as-code repositories keep one exported rule a file.
 */
import { basename, relative, sep } from 'node:path';
import { kindOfValue, type InputKind } from '../input-kind.js';
import type { CoverageInput, CoverageKind } from './coverage-types.js';
import { parseDatadogRules } from './read-datadog-rules.js';
import { parseDefenderRules } from './read-defender-rules.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { isSentinelPackageText, parseSentinelExport } from './read-sentinel-export.js';
import { parseSumoRules } from './read-sumo-rules.js';

interface RuleExport {
  format: CoverageKind;
  /** What a note on a folder calls the files read so. */
  said: string;
  parse: (value: unknown, text: string, file: string) => CoverageInput;
}

const RULE_EXPORTS: Readonly<Partial<Record<InputKind, RuleExport>>> = {
  'sentinel-export': { format: 'sentinel', said: 'Sentinel exports of analytic rules', parse: parseSentinelExport },
  'defender-rules': { format: 'defender', said: 'Defender XDR custom detection rules', parse: parseDefenderRules },
  'datadog-rules': { format: 'datadog', said: 'Datadog detection rules', parse: parseDatadogRules },
  'sumo-rules': { format: 'sumo', said: 'Sumo Logic Cloud SIEM rules', parse: parseSumoRules },
};

const EXPORT_FORMATS = new Map(Object.values(RULE_EXPORTS).map(({ format, said }) => [format, said]));

/** How a file of a kind is read as coverage, if it is an export of rules. */
export function ruleExportReader(kind: InputKind | undefined): Pick<RuleExport, 'parse'> | undefined {
  return kind === undefined ? undefined : RULE_EXPORTS[kind];
}

// What a `.json` file's head holds when it may be such an export: an alert rule's resource type, a detection rule's
// action, a Datadog rule's cases, a Sumo Logic rule's ATT&CK tags. Other JSON (package.json, dashboards) is not parsed.
const EXPORT_HEAD = /\/alertRules"|"detectionAction"\s*:|"cases"\s*:|"_mitreAttack(?:Technique|Tactic)\s*:/i;

/** Whether the head of a `.json` file of a rule folder may be an export of rules (ruleExportOf tells). */
export function mayBeRuleExport(head: string): boolean {
  return EXPORT_HEAD.test(head);
}

/**
 * Whether a JSON text (or its head) is a Sentinel Content Hub solution package of analytic rules (Solutions/*\/Package/
 * mainTemplate.json), which a rule folder leaves out saying why: its rules are templates of the YAML rules the solution
 * keeps beside it, read there. Told by its text, so that a package of megabytes is not parsed to be left out.
 */
export function isSentinelRulePackage(text: string): boolean {
  return SENTINEL_RULE_PACKAGE_MARKS.every((mark) => mark(text));
}

/**
 * What a Content Hub package's text holds, each somewhere in it: a package's resource type, and a rule template's. A
 * package of many rules (Azure-Sentinel's Solutions/Okta Single Sign-On/Package/mainTemplate.json) declares five
 * variables a rule before its first resource, so its head may hold neither: a rule folder looks for each in the rest of
 * the file, a part at a time (mayBeSentinelRulePackage).
 */
export const SENTINEL_RULE_PACKAGE_MARKS: readonly ((text: string) => boolean)[] = [isSentinelPackageText, (text) => /\/AlertRuleTemplates"/i.test(text)];

// An ARM deployment template's schema, which a Content Hub package's mainTemplate.json declares on its second line.
const DEPLOYMENT_TEMPLATE = /"\$schema"\s*:\s*"[^"]*\/deploymentTemplate\.json#?"/i;

/**
 * Whether the head of a `.json` file may be a Content Hub package whose resources come after it (an ARM deployment
 * template that its head does not tell from an export: isSentinelRulePackage tells from the whole text).
 */
export function mayBeSentinelRulePackage(head: string): boolean {
  return DEPLOYMENT_TEMPLATE.test(head);
}

/**
 * The export of rules a JSON text of a rule folder is, read as the folder walk counts a file of several rules (each
 * rule an item: a rule, ignored, or invalid for one without a name), or why it is left out; undefined for other JSON.
 */
export function ruleExportOf(text: string, file: string): { outcome: RuleFileOutcome; format: CoverageKind; said: string } | { leftOut: string } | undefined {
  if (isSentinelRulePackage(text)) return { leftOut: 'a Sentinel Content Hub package: its analytic rules are templates of the YAML rules beside it' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const reader = RULE_EXPORTS[kindOfValue(value) ?? ('' as InputKind)];
  if (!reader) return undefined;
  return { outcome: exportOutcome(reader.parse(value, text, file), reader.format), format: reader.format, said: reader.said };
}

/**
 * An export's rules as a rule folder counts a file of several rules: each rule, rule ignored and rule refused an item,
 * the export's other notes the file's (a JSON export's `read as one Defender XDR custom detection rule`, which the
 * folder's note says of all its exports at once: ruleExportNotes; a Kibana export's rules its summary says it lacks).
 */
export function exportOutcome(input: CoverageInput, format: CoverageKind): RuleFileOutcome {
  const items: RuleOutcome[] = [
    ...input.rules.map((rule) => ({ rule })),
    ...input.ignored.map(({ file: _file, ...ignored }) => ({ ignored })),
    ...input.problems.filter((problem) => problem.skipped).map(({ file: _file, skipped: _skipped, ...invalid }) => ({ invalid })),
  ];
  const notes = input.problems.filter((problem) => !problem.skipped).map(({ file: _file, skipped: _skipped, ...note }) => note);
  return { items, format, ...(notes.length ? { notes } : {}) };
}

/** A rule of an export that is a YAML rule of its folder deployed (named alike), ignored there: its export's file, and the YAML's path in the folder. */
export interface ExportTwin {
  file: string;
  yaml: string;
}

/**
 * One note on the exports of rules a rule folder read (ruleExportOf), so that its summary says what it read beside its
 * rule files: how many `.json` files of each kind, and the first; and of their rules, those ignored as the YAML rule
 * beside them (`twins`), what to do about them: nothing where the export is that rule deployed, a name of its own where
 * it is another rule.
 */
export function ruleExportNotes(dir: string, read: readonly { file: string; outcome: RuleFileOutcome }[], twins: readonly ExportTwin[] = []): string[] {
  const found = new Map<string, string[]>();
  for (const { file, outcome } of read) {
    const said = /\.json$/i.test(file) && 'items' in outcome && outcome.format ? EXPORT_FORMATS.get(outcome.format) : undefined;
    if (said) found.set(said, [...(found.get(said) ?? []), inFolder(dir, file)]);
  }
  if (!found.size) return [];
  const total = [...found.values()].reduce((sum, files) => sum + files.length, 0);
  const each = [...found].map(([said, files]) => `${files.length} of ${said} (first ${files[0]})`).join(', ');
  const first = twins[0];
  const ignored = first
    ? `; ${twins.length === 1 ? '1 of their rules is' : `${twins.length} of their rules are`} ignored as the Sentinel rule of a YAML file beside it, named alike ` +
      `(first ${inFolder(dir, first.file)}, the rule of ${first.yaml}): one detection kept in two forms counts once, at its YAML; ` +
      'nothing to do where the export is that rule deployed (leave the export out of the folder given to --coverage to drop this note), ' +
      'and where it is another rule, give its displayName a name of its own'
    : '';
  return [`${dir}: ${total === 1 ? '1 .json file is' : `${total} .json files are`} read as exports of deployed rules, each of their rules counted as one of the folder's: ${each}${ignored}`];
}

/** A file's path in a folder as a note names it (`sentinel/mfa-fatigue.json`), or its name where the folder is the file. */
function inFolder(dir: string, file: string): string {
  return (relative(dir, file) || basename(file)).split(sep).join('/');
}
