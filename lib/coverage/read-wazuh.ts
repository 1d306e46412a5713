/**
 * Wazuh rules as coverage: the XML rule files of a Wazuh manager (github.com/wazuh/wazuh `ruleset/rules/`, and a
 * team's own `etc/rules/local_rules.xml`). A file holds `<group>`s of `<rule id="…" level="…">` elements; a rule covers
 * the techniques of its `<mitre><id>T1110</id></mitre>` (Wazuh looks their tactics up itself). Its weight, on Sigma's
 * scale, is its level on Wazuh's classification of rule levels (WAZUH_WEIGHTS): a manager logs alerts from level 3 by
 * default (`log_alert_level`), and levels 12 and up are its "high importance" events. A rule of level 0 (or
 * `noalert="1"`) raises no alert: such rules group events for others to build on, and are ignored with that reason.
 * Each outcome names the id it defines (`wazuh`): a rule written with `overwrite="yes"` replaces the rule of its id,
 * which the folder walk, reading every file, ignores (read-rule-folder.ts asWazuhLoads). Wazuh takes `yes` or `no`
 * there and refuses a rule with any other value ("Invalid overwrite"), so such a rule is invalid here.
 *
 * Platforms: a rule fires where its events come from, which it says only sometimes (WAZUH_PLATFORMS): a group it is in
 * (wazuh/wazuh's Windows rules all are in `windows`), a group it follows (`<if_group>windows</if_group>`), its decoder
 * (`windows_eventchannel`, `auditd`), OSSEC's `windows` category, or a field of such a decoder (`win.eventdata.image`,
 * `audit.type`). A rule that says none takes the platforms of the rules it follows, across the files of a folder
 * (inheritWazuhPlatforms): those of its `<if_sid>` / `<if_matched_sid>` rules and of the rules in its `<if_group>` /
 * `<if_matched_group>` groups (Wazuh's own Sysmon rules follow `sysmon_event1`, a group of `if_sid 18100`, OSSEC's
 * windows category). Any other rule (sshd, syslog, a kernel's messages, web servers: several systems log them), and
 * one following a rule that counts everywhere or is not in the folder, counts on every platform, as a Sigma rule
 * without a product does.
 *
 * Wazuh's files are not one XML document (several top-level groups, no root), so they are read element by element:
 * comments are skipped, and a `<rule>` that is not closed is reported with its line and skipped.
 */
import { roundLevel, untaggedRule, type CoverageProblem, type CoverageRef, type CoverageRule } from './coverage-types.js';
import type { RuleFileOutcome, RuleOutcome } from './read-rule-folder.js';
import { notTechniqueId } from './read-siem-rule.js';
import { indexedTechniqueIdInAnyCase } from '../attack/technique-id.js';
import { LineIndex } from './yaml-events.js';

/** How a Wazuh rule's level becomes a coverage weight: the first band whose lowest level it reaches. */
export const WAZUH_WEIGHTS: readonly { from: number; weight: number; meaning: string }[] = [
  { from: 15, weight: 1, meaning: 'severe attack' },
  { from: 12, weight: 0.9, meaning: 'high importance event' },
  { from: 7, weight: 0.75, meaning: 'may be of security relevance' },
  { from: 3, weight: 0.5, meaning: 'logged, of low relevance by itself' },
  { from: 1, weight: 0.25, meaning: 'below the default alert level 3' },
];

/**
 * What tells the platform a Wazuh rule's events come from, by where the rule says it: a group name (the rule's own
 * `<group>`, the `<group name>` around it, an `<if_group>` it follows), a decoder (`<decoded_as>`), an OSSEC category
 * (`<category>`), or the start of a field name (`<field name>`). Names compare case aside (`macOS`).
 */
export const WAZUH_PLATFORMS: {
  readonly group: Readonly<Record<string, string>>;
  readonly decoder: Readonly<Record<string, string>>;
  readonly category: Readonly<Record<string, string>>;
  readonly fieldPrefix: Readonly<Record<string, string>>;
} = {
  // systemd runs on Linux only.
  group: { windows: 'Windows', linux: 'Linux', macos: 'macOS', systemd: 'Linux' },
  // The Windows event channel, and the Linux Audit daemon.
  decoder: { windows_eventchannel: 'Windows', auditd: 'Linux' },
  // OSSEC's category of the Windows event log (ruleset/rules/0220-msauth_rules.xml).
  category: { windows: 'Windows' },
  // The fields the windows_eventchannel and auditd decoders write.
  fieldPrefix: { 'win.': 'Windows', 'audit.': 'Linux' },
};

type Notes = Omit<CoverageProblem, 'file' | 'skipped'>[];

/**
 * What a Wazuh rule defines, for the folder walk: its id, whether it replaces the rule of that id (`overwrite="yes"`),
 * and for inheritWazuhPlatforms the platforms it says itself, the ids it follows (`<if_sid>`, `<if_matched_sid>`), the
 * groups it follows (`<if_group>`, `<if_matched_group>`) and the groups it is in (around it and its own), lower case.
 */
export interface WazuhDefinition {
  id: string;
  overwrite: boolean;
  platforms?: string[];
  ifSid?: string[];
  ifGroup?: string[];
  groups?: string[];
}

// A rule's start tag with its attributes, and its end tag; comments are blanked out first.
const RULE_OPEN = /<rule\b([^>]*)>/g;
const RULE_CLOSE = /<\/rule\s*>/g;
const MITRE_BLOCK = /<mitre\b[^>]*>([\s\S]*?)<\/mitre\s*>/g;
const ID_ELEMENT = /<id\b[^>]*>([\s\S]*?)<\/id\s*>/g;
const DESCRIPTION = /<description\b[^>]*>([\s\S]*?)<\/description\s*>/g;
const LINK_INFO = /<info\b[^>]*type\s*=\s*["']link["'][^>]*>([\s\S]*?)<\/info\s*>/g;
// A `<group name="…">` around rules, a rule's own `<group>…</group>`, and their end tags.
const GROUP_TAG = /<(\/?)group\b([^>]*?)(\/?)>/g;
// The elements of a rule body that say where its events come from (WAZUH_PLATFORMS).
const PLATFORM_ELEMENT = /<(group|if_group|if_matched_group|decoded_as|category)\b[^>]*>([\s\S]*?)<\/\1\s*>|<field\b([^>]*)>/g;
// The elements naming the rules a rule follows: by id, and by group.
const FOLLOWS_ELEMENT = /<(if_sid|if_matched_sid|if_group|if_matched_group|group)\b[^>]*>([\s\S]*?)<\/\1\s*>/g;

/** Whether a text is Wazuh rules: a `<rule>` with an `id` and a `level`. */
export function looksLikeWazuhRules(text: string): boolean {
  return /<rule\b[^>]*\bid\s*=\s*["'][^"']*["'][^>]*\blevel\s*=|<rule\b[^>]*\blevel\s*=\s*["'][^"']*["'][^>]*\bid\s*=/.test(text);
}

/** Read the rules of a Wazuh rule file (pure): one outcome per `<rule>`. */
export function parseWazuhRules(source: string, file: string): RuleFileOutcome {
  // Blanked, not removed, so offsets and lines stay those of the file.
  const text = source.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const lines = new LineIndex(text);
  const items: RuleOutcome[] = [];
  const opens = [...text.matchAll(RULE_OPEN)];
  const rules = opens.map((open, i) => {
    const bodyStart = open.index + open[0].length;
    const next = opens[i + 1]?.index ?? text.length;
    RULE_CLOSE.lastIndex = bodyStart;
    const close = RULE_CLOSE.exec(text);
    // A rule ends before the next one starts; one that does not is not closed.
    return { open, bodyStart, end: close && close.index <= next ? close.index : undefined };
  });
  const around = enclosingGroups(text, rules.map(({ open, end }) => [open.index, end ?? open.index + open[0].length]));
  for (const [i, { open, bodyStart, end }] of rules.entries()) {
    if (end === undefined) {
      items.push({ invalid: { line: lines.line(open.index), message: 'a <rule> element that is not closed before the next rule or the end of the file; it is skipped' } });
      continue;
    }
    const attributes = open[1] ?? '';
    const body = text.slice(bodyStart, end);
    const platforms = rulePlatforms(around[i] ?? [], body);
    const outcome = withPlatforms(wazuhRule(attributes, body, bodyStart, lines.line(open.index), lines, file), platforms);
    const id = xmlAttribute(attributes, 'id');
    // The id it defines, for the folder walk to count one definition of each (a later one may replace it).
    items.push(id === undefined || 'invalid' in outcome ? outcome : { ...outcome, wazuh: wazuhDefinition(id, xmlAttribute(attributes, 'overwrite') === 'yes', platforms, around[i] ?? [], body) });
  }
  if (!items.length) return { invalid: { line: 1, message: 'no <rule> element: not a Wazuh rule file' } };
  return { items };
}

function wazuhRule(attributes: string, body: string, bodyStart: number, line: number, lines: LineIndex, file: string): RuleOutcome {
  const attribute = (name: string): string | undefined => xmlAttribute(attributes, name);
  const id = attribute('id');
  const description = [...body.matchAll(DESCRIPTION)].map((m) => xmlText(m[1] ?? '')).join('').trim();
  const name = description || `Wazuh rule ${id ?? `at line ${line}`}`;
  const levelText = attribute('level');
  const level = levelText !== undefined && /^\d+$/.test(levelText) ? Number(levelText) : undefined;
  if (level === undefined) {
    const what = levelText === undefined ? 'no level' : `level "${levelText}", not a number`;
    return { invalid: { line, message: `${id === undefined ? 'a rule' : `rule ${id}`} has ${what}: Wazuh refuses it; it is skipped` } };
  }
  const overwrite = attribute('overwrite');
  if (overwrite !== undefined && overwrite !== 'yes' && overwrite !== 'no') {
    return {
      invalid: {
        line,
        message:
          `${id === undefined ? 'a rule' : `rule ${id}`} has overwrite="${overwrite}": Wazuh takes only "yes" or "no" and refuses the rule ("Invalid overwrite"); it is skipped. ` +
          `Write overwrite="yes" to replace the rule of that id, or leave the attribute out`,
      },
    };
  }
  if (level === 0) return { ignored: { line, name, reason: 'level 0: Wazuh raises no alert for it' } };
  if (attribute('noalert') === '1') return { ignored: { line, name, reason: 'noalert="1": Wazuh raises no alert for it' } };
  const notes: Notes = [];
  const refs: CoverageRef[] = [];
  for (const block of body.matchAll(MITRE_BLOCK)) {
    const blockStart = bodyStart + block.index + block[0].indexOf('>') + 1;
    for (const element of (block[1] ?? '').matchAll(ID_ELEMENT)) {
      const raw = xmlText(element[1] ?? '').trim();
      const at = lines.line(blockStart + element.index);
      const id = indexedTechniqueIdInAnyCase(raw);
      if (id) {
        if (!refs.some((ref) => ref.id === id)) refs.push({ raw, line: at, id });
      } else notes.push({ line: at, message: notTechniqueId(raw ? `"${raw}"` : 'an empty <id>') });
    }
  }
  const withNotes = (outcome: RuleOutcome): RuleOutcome => (notes.length ? { ...outcome, notes } : outcome);
  if (!refs.length) {
    const links = [...body.matchAll(LINK_INFO)].map((m) => ({ text: xmlText(m[1] ?? ''), line: lines.line(bodyStart + m.index) }));
    return withNotes(untaggedRule({ name, line, what: 'ATT&CK technique' }, links, notes, (ids) => `add <mitre>${ids.map((i) => `<id>${i}</id>`).join('')}</mitre> to it`));
  }
  const band = WAZUH_WEIGHTS.find((b) => level >= b.from)!;
  const weight = roundLevel(band.weight);
  const rule: CoverageRule = { kind: 'wazuh', name, file, line, refs, level: weight, levelReason: `wazuh level ${level} (${band.meaning}) -> ${weight}` };
  if (id !== undefined) rule.id = id;
  return withNotes({ rule });
}

/**
 * The group names around each rule (`<group name="windows,windows_logs,">`), from the `<group>` tags outside the rules'
 * spans (`rules`: start and end of each rule), which may nest.
 */
function enclosingGroups(text: string, rules: readonly (readonly [start: number, end: number])[]): string[][] {
  const stack: string[][] = [];
  const around: string[][] = [];
  let next = 0;
  for (const tag of text.matchAll(GROUP_TAG)) {
    while (next < rules.length && rules[next]![0] < tag.index) around[next++] = stack.flat();
    // A rule's own <group> elements are the rule's (rulePlatforms): the rule started last holds them, if any does.
    if (next > 0 && tag.index < rules[next - 1]![1]) continue;
    if (tag[1]) stack.pop();
    else if (!tag[3]) stack.push(groupNames(xmlAttribute(tag[2] ?? '', 'name') ?? ''));
  }
  while (next < rules.length) around[next++] = stack.flat();
  return around;
}

/** The group names of a comma-separated list (`windows,windows_logs,`), trimmed and in lower case. */
function groupNames(list: string): string[] {
  return list.split(/[,|]/).map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
}

/** The platforms a rule's body and the groups around it say its events come from (WAZUH_PLATFORMS), in table order. */
function rulePlatforms(around: readonly string[], body: string): string[] {
  const found = new Set<string>();
  const add = (table: Readonly<Record<string, string>>, name: string): void => {
    const platform = table[name.trim().toLowerCase()];
    if (platform) found.add(platform);
  };
  for (const name of around) add(WAZUH_PLATFORMS.group, name);
  for (const [, element, content, fieldAttributes] of body.matchAll(PLATFORM_ELEMENT)) {
    if (fieldAttributes !== undefined) {
      const field = xmlAttribute(fieldAttributes, 'name')?.toLowerCase() ?? '';
      for (const [prefix, platform] of Object.entries(WAZUH_PLATFORMS.fieldPrefix)) if (field.startsWith(prefix)) found.add(platform);
    } else if (element === 'decoded_as') add(WAZUH_PLATFORMS.decoder, xmlText(content ?? ''));
    else if (element === 'category') add(WAZUH_PLATFORMS.category, xmlText(content ?? ''));
    else for (const name of groupNames(xmlText(content ?? ''))) add(WAZUH_PLATFORMS.group, name);
  }
  return platformOrder().filter((platform) => found.has(platform));
}

/** What a rule defines (WazuhDefinition): the lists it has, each without repeats. */
function wazuhDefinition(id: string, overwrite: boolean, platforms: string[], around: readonly string[], body: string): WazuhDefinition {
  const lists: Record<'ifSid' | 'ifGroup' | 'groups', Set<string>> = { ifSid: new Set(), ifGroup: new Set(), groups: new Set(around) };
  for (const [, element, content] of body.matchAll(FOLLOWS_ELEMENT)) {
    const names = groupNames(xmlText(content ?? ''));
    const list = element === 'group' ? lists.groups : element === 'if_sid' || element === 'if_matched_sid' ? lists.ifSid : lists.ifGroup;
    // <if_sid> lists ids with commas or spaces ("18102, 18103").
    for (const name of element?.endsWith('sid') ? names.flatMap((n) => n.split(/\s+/)) : names) list.add(name);
  }
  const definition: WazuhDefinition = { id, overwrite };
  if (platforms.length) definition.platforms = platforms;
  for (const key of ['ifSid', 'ifGroup', 'groups'] as const) if (lists[key].size) definition[key] = [...lists[key]];
  return definition;
}

/**
 * The platforms each rule that says none inherits from the rules it follows (WazuhDefinition's ifSid, ifGroup), by the
 * definitions Wazuh loads (`loaded`, one per id). A rule follows its parents' platforms together, when every parent
 * is in `loaded` and fires on some platforms (its own or inherited); a parent that counts everywhere, or is not there
 * (a rule of a ruleset not given), leaves it counting everywhere. Returns the platforms by rule id, for the rules
 * whose platforms change.
 */
export function inheritWazuhPlatforms(loaded: readonly WazuhDefinition[]): Map<string, string[]> {
  const byId = new Map(loaded.map((definition) => [definition.id, definition]));
  const byGroup = new Map<string, WazuhDefinition[]>();
  for (const definition of loaded) for (const group of definition.groups ?? []) byGroup.set(group, [...(byGroup.get(group) ?? []), definition]);
  const order = platformOrder();
  const resolved = new Map<string, string[] | undefined>();
  const resolving = new Set<WazuhDefinition>();
  const resolve = (definition: WazuhDefinition): string[] | undefined => {
    if (definition.platforms) return definition.platforms;
    if (resolved.has(definition.id)) return resolved.get(definition.id);
    resolving.add(definition);
    const parents: (WazuhDefinition | undefined)[] = [
      ...(definition.ifSid ?? []).map((id) => byId.get(id)),
      // A group's rules that follow this one (itself among them, or a rule resolved below it) give it no events.
      // A group named in WAZUH_PLATFORMS already gave the rule its platform.
      ...(definition.ifGroup ?? []).flatMap((group) => {
        const members = (byGroup.get(group) ?? []).filter((member) => !resolving.has(member));
        return members.length ? members : [undefined];
      }),
    ];
    let platforms: Set<string> | undefined = parents.length ? new Set() : undefined;
    for (const parent of parents) {
      // A rule met again while its parents are resolved (a loop of if_sid) counts everywhere.
      const of = parent && !resolving.has(parent) ? resolve(parent) : undefined;
      if (!of || !platforms) {
        platforms = undefined;
        break;
      }
      for (const platform of of) platforms.add(platform);
    }
    resolving.delete(definition);
    const found = platforms && order.filter((platform) => platforms!.has(platform));
    resolved.set(definition.id, found);
    return found;
  };
  const inherited = new Map<string, string[]>();
  for (const definition of loaded) {
    const platforms = definition.platforms ? undefined : resolve(definition);
    if (platforms) inherited.set(definition.id, platforms);
  }
  return inherited;
}

/** The platforms of WAZUH_PLATFORMS, in the order a rule's are listed. */
function platformOrder(): string[] {
  return [...new Set([...Object.values(WAZUH_PLATFORMS.group), ...Object.values(WAZUH_PLATFORMS.decoder), ...Object.values(WAZUH_PLATFORMS.fieldPrefix)])];
}

/** A rule's outcome with the platforms it fires on, when it says any. */
function withPlatforms(outcome: RuleOutcome, platforms: string[]): RuleOutcome {
  return 'rule' in outcome && platforms.length ? { ...outcome, rule: { ...outcome.rule, platforms } } : outcome;
}

/** The value of an attribute among a start tag's attributes (`id="5710" level="5"`), trimmed. */
function xmlAttribute(attributes: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1]?.trim();
}

/** An element's text with XML's entities read. */
function xmlText(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[name.toLowerCase()]) return named[name.toLowerCase()]!;
    const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
  });
}
