/**
 * A starting point for each gap from public rules the defender does not run (`gap --rules-library <folder>`, a SigmaHQ
 * checkout): the library's rules tagged with the gap's technique (resolved as coverage tags are: revoked IDs under
 * their replacement), that fire on one of the gap's platforms (as a coverage rule must), whose rule id no coverage
 * rule has. Never coverage.
 *
 * With a log sources file, each is classed through the check that classes ATT&CK's analytics
 * (`CollectedLogSources.collects`): its Sigma logsource maps (SIGMA_LOG_SOURCES) to an ATT&CK log source collected,
 * **buildable now**, or it **needs** the log sources named (any one of them); a rule of another format through what it
 * states of its data (stated-log-sources.ts: Splunk's `data_source`, Elastic's index and event category, the tables a
 * KQL query reads; an EQL sequence or a KQL join needs one log source of each of its categories or sides, and is
 * buildable only when each is collected). A
 * logsource or data source not mapped is said as written; a rule that states none, **log source not stated**.
 *
 * Order: buildable first, then by what they need (those stating none last), then by status (stable, test, experimental, none), level
 * (critical … informational, none), file and line.
 */
import uniqBy from 'lodash-es/uniqBy.js';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LogSourceRef, TechniqueId } from '../attack/types.js';
import { compareText } from '../compare-text.js';
import type { CoverageInput, CoverageRule } from './coverage-types.js';
import type { ResolvedCoverage, UnknownTacticTag } from './gap-review.js';
import type { CollectedLogSources } from './read-log-sources.js';
import { logsourceText, sigmaLogSources } from './sigma-log-sources.js';
import { statedLogSources } from './stated-log-sources.js';
import { countsForDelivery, deliveryText, LIBRARY_DELIVERY } from './mail-delivery.js';

/** A library rule proposed for a gap. */
export interface LibraryRule {
  name: string;
  /**
   * Its path in the library folder given (`rules/windows/process_creation/x.yml` of `../sigma`), `/` separated; with
   * several folders, in their common folder (`rules-emerging-threats/2024/x.yml` of `../sigma/rules-emerging-threats`
   * beside `../sigma/rules`), so that it says which folder it is in.
   */
  file: string;
  line?: number;
  /** The rule's `id`, when it has one. */
  id?: string;
  /** Sigma's `status` and `level`, as written. */
  status?: string;
  level?: string;
  /**
   * Its logsources (`windows/process_creation`); for a rule of another format what it states of its data (a Splunk
   * detection's `data_source`, an Elastic rule's index patterns and `event.category process`, the tables a KQL query
   * reads); empty when it states none.
   */
  logsources: string[];
  /** With a log sources file: whether one of its logsources maps to a log source collected. */
  buildable?: boolean;
  /**
   * With a log sources file, when not buildable: what it needs (`WinEventLog:Sysmon (EventCode=10)`, alternatives joined
   * by ` or `); of an EQL sequence, one log source of each category not collected, joined by `, and `
   * (`WinEventLog:Sysmon (EventCode=1) or WinEventLog:Security (EventCode=4688), and WinEventLog:Sysmon (EventCode=3)`).
   */
  needs?: string;
  /** With a log sources file: false for a rule that states no log source (no Sigma logsource, Splunk data_source or Elastic index), which is neither buildable nor said to need one. */
  logSourceStated?: false;
  /** The data of mail it reads, when proposed for a gap delivered by mail on platforms it does not fire on (countsForDelivery). */
  delivery?: string[];
}

/**
 * A technique tag of library rules that names no technique of the release reviewed (SigmaHQ's `attack.t1685.005`, an
 * ATT&CK 19 ID, in an 18.1 review; a typo), or a revoked one read as its replacement: counted per tag and library
 * folder, said once in the report's inputs, never per rule.
 */
export interface LibraryTag {
  /** The library folder (or file) given, as given. */
  source: string;
  /** The tag as written (lower case): `attack.t1685.005`, `T1086` of an Elastic rule. */
  tag: string;
  /** The library rules that write it. */
  rules: number;
  /** Of them, those that name no technique of the release otherwise: left out of the library. */
  alone: number;
  /** A revoked ID: the techniques it is read as (the rules are proposed for them). */
  readAs?: TechniqueId[];
  /** A tag of no technique: why, in a few words (`an ATT&CK 18.1 technique, T1653 Power Settings, not in 12.1: …`). */
  why?: string;
}

/** A gap's library rules for other platforms than its own: how many, and those platforms (ATT&CK's names). */
export interface LibraryElsewhere {
  rules: number;
  platforms: string[];
}

/** What the rules library gave the review as a whole. */
export interface LibrarySummary {
  sources: string[];
  /** With several folders: their common folder, as given (`../sigma`; `.` for folders given side by side), which every rule's `file` is relative to. */
  root?: string;
  /** Library rules read (counted, before matching). */
  rules: number;
  /** Library rules left out because a coverage rule has the same id. */
  run: number;
  /** Library rules left out because their technique tags name no technique of the release (each tag in `tags`). */
  unplaced?: number;
  /** The tags of no technique of the release and the revoked ones read as their replacement, per tag and folder. */
  tags?: LibraryTag[];
  gapsWithRules: number;
  /** With a log sources file: gaps with a library rule buildable now. */
  gapsBuildable?: number;
}

const STATUS_ORDER = ['stable', 'test', 'experimental'];
const LEVEL_ORDER = ['critical', 'high', 'medium', 'low', 'informational'];
const rank = (order: readonly string[], value: string | undefined): number => {
  const at = value === undefined ? -1 : order.indexOf(value);
  return at === -1 ? order.length : at;
};

/** A Sigma id as pySigma compares it: a UUID, case and braces aside. */
const ruleId = (id: string): string => id.trim().replace(/^\{|\}$/g, '').toLowerCase();

const refText = (ref: LogSourceRef): string => `${ref.name}${ref.channel ? ` (${ref.channel})` : ''}`;

/**
 * Log sources any one of which a rule needs, with the ASIM parsers read as them: `WinEventLog:Security (EventCode=4624)
 * or … (imAuthentication: the sources ASIM's built-in Authentication parsers read)`.
 */
const needsText = (refs: readonly LogSourceRef[], through: readonly string[] = []): string => `${[...new Set(refs.map(refText))].join(' or ')}${through.length ? ` (${through.join('; ')})` : ''}`;

/** How a library rule stands against what is collected: buildable, what it needs, or that it states no log source. */
function classed(rule: CoverageRule, collected: CollectedLogSources): Pick<LibraryRule, 'buildable' | 'needs' | 'logSourceStated'> {
  const notStated = { buildable: false, logSourceStated: false } as const;
  if (!rule.sigma) {
    // Splunk's data_source, Elastic's index and event category: mapped where they name an ATT&CK log clearly.
    const { stated, refs, each, through, unmapped } = statedLogSources(rule);
    if (!stated.length) return notStated;
    if (each) {
      // An EQL sequence: buildable when one log source of each category is collected; else it needs those of the others.
      const missing = each.filter((category) => !category.refs.some((ref) => collected.collects(ref)));
      if (!missing.length) return { buildable: true };
      return { buildable: false, needs: missing.map((category) => needsText(category.refs, category.through)).join(', and ') };
    }
    if (refs?.some((ref) => collected.collects(ref))) return { buildable: true };
    if (refs?.length) return { buildable: false, needs: needsText(refs, through) };
    return { buildable: false, needs: `a log source not mapped (${rule.kind}: ${(unmapped ?? stated).join(', ')})` };
  }
  const logsources = rule.sigma.logsources;
  if (!logsources.length) return notStated;
  const mapped = logsources.map((logsource) => ({ logsource, refs: sigmaLogSources(logsource) }));
  if (mapped.some(({ refs }) => refs?.some((ref) => collected.collects(ref)))) return { buildable: true };
  const known = mapped.flatMap(({ refs }) => refs ?? []);
  if (known.length) return { buildable: false, needs: [...new Set(known.map(refText))].join(' or ') };
  return { buildable: false, needs: `a log source not mapped (${[...new Set(logsources.map(logsourceText))].join(', ')})` };
}

/**
 * A library rule's file as the folder given names it (`rules/windows/x.yml` of `../sigma`), so that every output says
 * the same whatever the current folder was; a file given itself is named by its base name.
 */
function libraryPath(file: string, folder: string | undefined): string {
  const path = folder === undefined ? '' : relative(folder, file);
  return path === '' || path.startsWith('..') ? basename(file) : path.split(sep).join('/');
}

/**
 * The folder several library inputs have in common (`../sigma` of `../sigma/rules` and `../sigma/rules-emerging-threats`;
 * `.` of `rules` and `rules-emerging-threats`), absolute, and as given: relative when every input was given relative.
 * A file given itself counts by its folder. Undefined for one input, and for folders far apart, whose common folder is
 * the filesystem's root (`/` of `/work/shared/sigma/rules` and `/home/me/detections`), which says nothing of either:
 * their rules are named by their own folders (libraryFileNames).
 */
function commonFolder(inputs: readonly CoverageInput[]): { path: string; given: string } | undefined {
  if (new Set(inputs.map((input) => resolve(input.source))).size < 2) return undefined;
  const parts = inputs.map((input) => {
    const given = resolve(input.source);
    return (input.rules.some((rule) => resolve(rule.file) === given) ? dirname(given) : given).split(sep);
  });
  const first = parts[0] ?? [];
  let common = 0;
  while (common < first.length && parts.every((list) => list[common] === first[common])) common += 1;
  const path = first.slice(0, common).join(sep) || sep;
  if (dirname(path) === path) return undefined;
  return { path, given: inputs.every((input) => !isAbsolute(input.source)) ? relative(resolve('.'), path) || '.' : path };
}

/**
 * How the library names a rule's file in every output (its rules, its notes), the same whatever the current folder
 * was: with several folders, the path in their common folder, so that it says which folder the rule is in; with one,
 * the path in it; with several far apart (no common folder but the root), its folder as given and the path in it
 * (`/work/shared/sigma/rules/windows/x.yml`, `team/windows/y.yml`).
 */
export function libraryFileNames(inputs: readonly CoverageInput[]): (file: string) => string {
  const root = commonFolder(inputs);
  if (root) return (file) => relative(root.path, resolve(file)).split(sep).join('/');
  if (new Set(inputs.map((input) => resolve(input.source))).size < 2) return (file) => libraryPath(file, inputs[0]?.source);
  // The innermost folder given that holds the file, should one folder given hold another.
  const folders = [...inputs].sort((a, b) => resolve(b.source).length - resolve(a.source).length);
  return (file) => {
    const input = folders.find((folder) => {
      const inside = relative(resolve(folder.source), resolve(file));
      return !inside.startsWith('..') && !isAbsolute(inside);
    });
    if (!input) return file.split(sep).join('/');
    const inside = relative(resolve(input.source), resolve(file));
    const given = input.source.split(sep).join('/').replace(/\/+$/, '');
    return inside === '' ? given : `${given}/${inside.split(sep).join('/')}`;
  };
}

/**
 * The library's rules per technique, on the given platforms, without those the coverage runs (same rule id), ordered
 * as the module says; `collected` classes each.
 */
export class RulesLibrary {
  readonly summary: Omit<LibrarySummary, 'gapsWithRules' | 'gapsBuildable'>;
  /**
   * The library's folders as read: what each ignored and found invalid, which the report's inputs list, each file named
   * as the library names its rules (`libraryFileNames`): in the folder, or with several in their common folder.
   */
  readonly inputs: CoverageInput[];
  /** A note per library folder that gives no rule to propose (a wrong folder): the reviewer's to know. */
  readonly emptyNotes: string[];
  /** Per library folder given, its rules left out because their technique tags name no technique of the release. */
  readonly unplacedRules = new Map<string, number>();
  /**
   * The tactic tags of the library's rules that the release does not know (ATT&CK 19's `attack.stealth` in 18.1), said
   * once a run with the coverage's (`unknownTacticNotes`).
   */
  readonly tacticTags: UnknownTacticTag[];
  private readonly byTechnique = new Map<TechniqueId, { rule: LibraryRule; platforms?: string[]; mailData?: string[] }[]>();

  constructor(library: ResolvedCoverage, coverage: ResolvedCoverage, collected?: CollectedLogSources) {
    const running = new Set(coverage.rules.flatMap(({ rule }) => (rule.id ? [ruleId(rule.id)] : [])));
    const folders = new Map<CoverageRule, string>(library.inputs.flatMap((input) => input.rules.map((rule): [CoverageRule, string] => [rule, input.source])));
    // Several folders (SigmaHQ's rules/ and rules-emerging-threats/, or SigmaHQ and a team's own): their common folder.
    const root = commonFolder(library.inputs);
    const fileName = libraryFileNames(library.inputs);
    let run = 0;
    let unplaced = 0;
    const tags = new Map<string, LibraryTag>();
    for (const { rule, ids, platforms, unplaced: none, remapped } of library.rules) {
      // Counted per tag and folder, whether or not the coverage runs the rule: the library's to fix, said once.
      const source = folders.get(rule) ?? rule.file;
      const count = (raw: string, fill: Pick<LibraryTag, 'readAs' | 'why'>) => {
        const key = `${source}\u0000${raw.toLowerCase()}`;
        const tag = tags.get(key) ?? { source, tag: raw.toLowerCase(), rules: 0, alone: 0, ...fill };
        tag.rules += 1;
        if (!ids.length) tag.alone += 1;
        tags.set(key, tag);
      };
      for (const ref of uniqBy(none ?? [], (ref) => ref.raw.toLowerCase())) count(ref.raw, { why: ref.why });
      for (const ref of uniqBy(remapped ?? [], (ref) => ref.raw.toLowerCase())) count(ref.raw, { readAs: ref.ids });
      if (!ids.length && none?.length) {
        unplaced += 1;
        this.unplacedRules.set(source, (this.unplacedRules.get(source) ?? 0) + 1);
      }
      if (rule.id && running.has(ruleId(rule.id))) {
        run += 1;
        continue;
      }
      const proposed: LibraryRule = {
        name: rule.name,
        file: fileName(rule.file),
        ...(rule.line !== undefined ? { line: rule.line } : {}),
        ...(rule.id ? { id: rule.id } : {}),
        ...(rule.sigma?.status ? { status: rule.sigma.status } : {}),
        ...(rule.sigma?.level ? { level: rule.sigma.level } : {}),
        logsources: rule.sigma ? [...new Set(rule.sigma.logsources.map(logsourceText))] : statedLogSources(rule).stated,
        ...(collected ? classed(rule, collected) : {}),
      };
      for (const id of ids) {
        const list = this.byTechnique.get(id) ?? [];
        list.push({ rule: proposed, ...(platforms ? { platforms } : {}), ...(rule.mailData ? { mailData: rule.mailData } : {}) });
        this.byTechnique.set(id, list);
      }
    }
    for (const list of this.byTechnique.values()) list.sort((a, b) => compareLibraryRules(a.rule, b.rule));
    // Named as the library's rules are, the same whatever the current folder, saying the folder when there are several.
    this.inputs = library.inputs.map((input) => ({
      ...input,
      ignored: input.ignored.map((entry) => ({ ...entry, file: fileName(entry.file) })),
      problems: input.problems.map((problem) => ({ ...problem, file: fileName(problem.file) })),
    }));
    this.emptyNotes = library.emptyNotes;
    this.tacticTags = library.tacticTags;
    const listed = [...tags.values()].sort((a, b) => compareText(a.source, b.source) || compareText(a.tag, b.tag));
    this.summary = {
      sources: library.inputs.map((input) => input.source),
      ...(root ? { root: root.given } : {}),
      rules: library.rules.length,
      run,
      ...(unplaced ? { unplaced } : {}),
      ...(listed.length ? { tags: listed } : {}),
    };
  }

  /**
   * The rules tagged with a technique that fire on one of the platforms (a rule without platforms fires anywhere), and
   * those that read the mail a technique delivered by mail comes in, saying so (`delivery`), as the review counts them.
   */
  rulesFor(id: TechniqueId, platforms: readonly string[]): LibraryRule[] {
    return (this.byTechnique.get(id) ?? []).flatMap((entry) => {
      if (firesOn(entry, platforms)) return [entry.rule];
      return countsForDelivery(id, entry) ? [{ ...entry.rule, delivery: entry.mailData! }] : [];
    });
  }

  /** The rules tagged with a technique that fire on none of the platforms, counted, with the platforms they fire on; undefined when none. */
  rulesElsewhere(id: TechniqueId, platforms: readonly string[]): LibraryElsewhere | undefined {
    const others = (this.byTechnique.get(id) ?? []).filter((entry) => !firesOn(entry, platforms) && !countsForDelivery(id, entry));
    if (!others.length) return undefined;
    return { rules: others.length, platforms: [...new Set(others.flatMap((entry) => entry.platforms ?? []))].sort(compareText) };
  }
}

/**
 * Whether a rule fires on one of the platforms: a rule that states none fires on every one, and so does any rule when no
 * platforms are asked for. The one test of coverage rules, visibility and the library's rules alike.
 */
export function firesOn(rule: { platforms?: readonly string[] }, platforms: readonly string[] | undefined): boolean {
  return !platforms || !rule.platforms || rule.platforms.some((platform) => platforms.includes(platform));
}

/** Buildable first, then by what they need, then status, level, file and line. */
export function compareLibraryRules(a: LibraryRule, b: LibraryRule): number {
  return (
    Number(b.buildable ?? false) - Number(a.buildable ?? false) ||
    Number(a.logSourceStated === false) - Number(b.logSourceStated === false) ||
    compareText(a.needs ?? '', b.needs ?? '') ||
    rank(STATUS_ORDER, a.status) - rank(STATUS_ORDER, b.status) ||
    rank(LEVEL_ORDER, a.level) - rank(LEVEL_ORDER, b.level) ||
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0)
  );
}

/**
 * A library tag as the report's inputs list it: `attack.t1685.005: 3 rules (2 left out, with no other technique), an
 * ID past 18.1's newest technique: …`; `attack.t1086: 2 rules, revoked: read as T1059.001`.
 */
export function libraryTagText(tag: LibraryTag): string {
  const rules = `${tag.rules} rule${tag.rules === 1 ? '' : 's'}`;
  if (tag.readAs) return `${tag.tag}: ${rules}, revoked: read as ${tag.readAs.join(', ')}`;
  const alone = tag.alone === tag.rules ? `, ${tag.rules === 1 ? 'left out, with' : 'each left out, with'} no other technique` : tag.alone ? ` (${tag.alone} left out, with no other technique)` : '';
  return `${tag.tag}: ${rules}${alone}, ${tag.why}`;
}

/**
 * A library folder's tags in a few words, for its stderr line: `40 rules left out, their technique tags naming no
 * technique of ATT&CK enterprise-attack 18.1 (12 tags), 3 revoked tags read as their replacement`; empty when it has none.
 */
export function libraryTagsCountText(tags: readonly LibraryTag[], leftOut: number, release: string): string {
  const unplaced = tags.filter((tag) => !tag.readAs).length;
  const revoked = tags.length - unplaced;
  const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return [
    ...(unplaced ? [`${plural(leftOut, 'rule')} left out, ${plural(unplaced, 'technique tag')} naming no technique of ATT&CK ${release}`] : []),
    ...(revoked ? [`${plural(revoked, 'revoked tag')} read as the replacement`] : []),
  ].join(', ');
}

/** A library rule as a line names it: `Title (path)`. */
export function libraryRuleText(rule: Pick<LibraryRule, 'name' | 'file' | 'delivery'>): string {
  return `${rule.name} (${[rule.file, deliveryText(rule, LIBRARY_DELIVERY)].filter(Boolean).join('; ')})`;
}

/** How a classed library rule stands, in a few words: `buildable now`, `needs WinEventLog:Sysmon (EventCode=7)`, `log source not stated`. */
export function libraryClassText(rule: Pick<LibraryRule, 'buildable' | 'needs' | 'logSourceStated'>): string {
  return rule.buildable ? 'buildable now' : rule.logSourceStated === false ? 'log source not stated' : `needs ${rule.needs}`;
}

/** A library rule as a table cell names it: `title [file:line] (buildable now)`, or what it needs. */
export function libraryCell(rule: LibraryRule): string {
  const state = rule.buildable === undefined ? '' : ` (${libraryClassText(rule)})`;
  const delivery = deliveryText(rule, LIBRARY_DELIVERY);
  return `${rule.name} [${rule.file}${rule.line ? `:${rule.line}` : ''}]${state}${delivery ? ` (${delivery})` : ''}`;
}

/**
 * A gap's library rules in a few words (the Markdown's line, the gap layer's comment): `14 rules not run; buildable
 * now 2: A (path); B (path); needs WinEventLog:Sysmon (EventCode=10): 7 (C (path)); …`: at most `shown` titles in all
 * and `groups` groups of what they need, the rest counted. Without rules, whether the library has some for other
 * platforms (`elsewhere`) or none tags the technique.
 */
export function libraryText(rules: readonly LibraryRule[], elsewhere?: LibraryElsewhere, shown = 3, groups = 3): string {
  // None for its platforms: some for others (a macOS rule for a Windows gap), or none tagging the technique at all.
  if (!rules.length) {
    return elsewhere
      ? `no rule for its platforms; ${elsewhere.rules} for ${elsewhere.platforms.join(', ')} only, which the gap is not on`
      : 'no rule tags the technique';
  }
  const count = `${rules.length} rule${rules.length === 1 ? '' : 's'} not run`;
  let left = shown;
  const titles = (list: readonly LibraryRule[]): string[] => {
    const names = list.slice(0, Math.max(0, left)).map(libraryRuleText);
    left -= names.length;
    return names;
  };
  if (rules.every((rule) => rule.buildable === undefined)) {
    const names = titles(rules);
    return `${count}: ${names.join('; ')}${rules.length > names.length ? `; and ${rules.length - names.length} more` : ''}`;
  }
  const byClass = new Map<string, LibraryRule[]>();
  for (const rule of rules) {
    const key = libraryClassText(rule);
    byClass.set(key, [...(byClass.get(key) ?? []), rule]);
  }
  // Buildable first, then what most of them need, those stating no log source last.
  const place = ([key, list]: [string, LibraryRule[]]): number => (key === 'buildable now' ? 0 : list[0]!.logSourceStated === false ? 2 : 1);
  const ordered = [...byClass].sort((a, b) => place(a) - place(b) || b[1].length - a[1].length || compareText(a[0], b[0]));
  const parts = ordered.slice(0, groups).map(([key, list]) => {
    const names = titles(list);
    return `${key}: ${list.length}${names.length ? ` (${names.join('; ')}${list.length > names.length ? '; …' : ''})` : ''}`;
  });
  const others = ordered.slice(groups).flatMap(([, list]) => list);
  const rest = others.length ? `; ${others.length} ${others.every((rule) => rule.needs) ? 'needing other log sources' : 'more'}` : '';
  return `${count}; ${parts.join('; ')}${rest}`;
}
