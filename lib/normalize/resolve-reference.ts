import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import { currentOf, deprecatedTechniqueText, deprecationSuccessors, successorsText, type DeprecationSuccessors } from '../attack/deprecation-successors.js';
import { campaignInDomain, domainAdjective, otherDomainCampaignAdvice, otherDomainLookupIn, otherDomainTechniqueText, type OtherDomainLookup, type OtherDomainNameLookup, type OtherDomainTechnique } from '../attack/other-domains.js';
import { compareReleases, fetchCommand } from '../attack/release-files.js';
import { fullName } from '../attack/full-name.js';
import { unknownTechniqueText } from '../attack/unknown-technique-text.js';
import { laterReleaseLookup, releaseAsGiven, type ReleaseHistory } from '../attack/later-release.js';
import type { GivenAs } from '../errors.js';
import { revokedTechniqueText } from '../attack/revoked-technique-text.js';
import { TEAM_DATA_ADVICE } from '../attack/not-mitre-text.js';
import { formerTactic, laterTactic } from '../attack/tactic-splits.js';
import { NAMESPACED_TECHNIQUE_ID, namespacedTechniqueText, PRE_ATTACK_ID, PRE_ATTACK_MERGED, PRE_ATTACK_SUCCESSORS, preAttackNumberText, unusedNumberText, withDigitPutBack } from '../attack/technique-id.js';
import type { TacticShortname, TechniqueId, TechniqueRecord } from '../attack/types.js';
import { RETIRED_TACTICS } from '../attack/known-tactics.js';
import { isCommonEnglishWord } from '../common-words.js';
import { acronymsKept, editDistance, typoLimit } from '../name-distance.js';
import type { Candidate, ReferenceStatus, Resolution, TacticReading } from './normalize-types.js';

export type { Resolution } from './normalize-types.js';
import { parseReference, type ReferencePart } from './parse-reference.js';
import { nearTacticsAdvice, readMisspeltTactic, readTactic, readTacticPair, readWrittenTactics, tacticIdAndNameWarning, tacticPairConflict, type TacticPairConflict } from './read-tactic.js';
import { nameForms, namesCutShort, nameWords, reorderedNameForms, type NameForm } from './name-forms.js';
import { objectKind } from './resolve-attack-object.js';
import { spacedName } from './spaced-names.js';
import { tacticShortname } from './tactic-names.js';
import { tacticsWithin } from './tactic-list.js';
import { techniqueAlias } from './technique-aliases.js';
import { slashPairedNames } from './paired-names.js';
import { readDomainLabel, type DomainLabel } from './domain-label.js';
import { nameFitsId, notATechniqueName } from './name-fit.js';

/** The releases a reference is resolved against. */
export interface ResolveContext {
  /** The release techniques are brought to (usually the newest). */
  target: AttackIndex;
  /** The release the report's IDs came from (`attack_version`), checked first. */
  source?: AttackIndex;
  /**
   * Other releases of the domain, newest first, consulted for old names only when needed (a revocation the target no
   * longer records is continued by the target's own `history`, as every command reads it): an iterable that loads each release as it is reached, so a search that stops at the
   * first hit loads only the releases before it.
   */
  history?: ReleaseHistory;
  /**
   * Finds an ID in the other domains' releases: an ID the target does not know that one of them has (ICS T0800 in an
   * enterprise campaign) is `other domain`, named with its domain, and a deprecated technique's pointer into another
   * domain is named as such (mobile T1476 points to enterprise T1566.001). Without it, such an ID is `unknown` and such
   * pointers go unnamed.
   */
  otherDomains?: OtherDomainLookup;
  /**
   * The other domains' releases themselves (`domainReleases`), for a reader that reads the words beside another
   * domain's ID by that domain's names, as it reads the target's (`extractReport`), and for a tactic of another domain
   * written beside a reference (Enterprise's TA0008 beside ICS's T0866, read as ICS's Lateral Movement).
   */
  otherReleases?: () => readonly AttackIndex[];
  /**
   * Finds a name in the other domains' releases: a name that is none of the target's, in any release at hand, but exactly
   * a technique of another domain (mobile's `Credentials from Password Store`, ICS's `Modify Parameter` in an enterprise
   * campaign) is `other domain`, never read as a typo of a close name of the target's (enterprise's `Credentials from
   * Password Stores`), which is a candidate. Without it, such a name is read as any other.
   */
  otherDomainNames?: OtherDomainNameLookup;
  /**
   * What the note of an `other domain` ID tells the user to do (default `otherDomainCampaignAdvice`: set the campaign's
   * domain, or keep that domain's techniques in a campaign of their own).
   */
  otherDomainAdvice?: (found: OtherDomainTechnique) => string;
  /**
   * How a note names a newer release at hand to use (`releaseAsGiven`: the CLI's `--attack-release 18.1`); by default
   * the `target` a program passes, an AttackIndex of it.
   */
  givenAs?: GivenAs;
}

/** A reference as written, with the tactics written beside it. */
export interface ReferenceInput {
  raw: string;
  tactics?: readonly string[];
}

/** How much `resolveReference` tells besides the status and IDs. */
export interface ResolveOptions {
  /**
   * Whether a name alone that is no technique's gets the similar names as its note and candidates (default true). A
   * caller that keeps only the status and IDs (extract's check of the words before an OCR'd ID) passes false: comparing
   * the name with every technique's name is most of what resolving an unknown name costs.
   */
  similarNames?: boolean;
}

interface Outcome {
  status: ReferenceStatus;
  ids: TechniqueId[];
  notes: string[];
  candidates: Candidate[];
}

// When one reference holds several IDs, the least resolved one sets the status.
const STATUS_WEIGHT: readonly ReferenceStatus[] = ['current', 'name', 'alias', 'renamed', 'fuzzy', 'revoked', 'deprecated', 'ambiguous', 'other domain', 'unknown'];

/**
 * MITRE's Malware Behavior Catalog (MBC) behavior IDs, as capa's rules and reports write them after a name
 * (`Impact::Denial of Service [B0033]`, `Disk Wipe [F0014.001]`, `Data Destruction [E1485]`): MBC's, no ATT&CK
 * domain's. An E ID extends the ATT&CK technique of its number with malware-specific details (MBC's README).
 */
const MBC_ID = /(?<![\w.])[BEF]\d{4}(?:\.\d{3})?(?![\w]|\.\d)/g;

/**
 * Current techniques of `target` whose name holds `name` as whole words after others (`Endpoint Denial of Service`
 * and `Network Denial of Service` for `Denial of Service`), for a name of two words or more; at most three.
 */
function namesHolding(name: string, target: AttackIndex): TechniqueRecord[] {
  const key = nameKey(name);
  if (!key.includes(' ')) return [];
  const found = target.currentTechniques().filter((technique) => nameKey(technique.name).endsWith(` ${key}`));
  return found.length <= 3 ? found : [];
}

/** MITRE ATLAS's technique IDs (`AML.T0043`, `AML.T0051.000`), with the ATT&CK-shaped number after the prefix. */
const ATLAS_ID = /(?<![\w.])AML\.(T\d{4}(?:\.\d{3})?)(?!\.?\d)/gi;

/**
 * What to say of a tactic a later Enterprise release split off (`Stealth`, ATT&CK 19's) written for an older release: the
 * release that has it, and the tactic it came from; undefined for any other text.
 */
function laterTacticWarning(text: string, target: AttackIndex): string | undefined {
  const later = laterTactic(text);
  if (!later || target.domain !== 'enterprise-attack' || Number(target.major) >= Number(later.since)) return undefined;
  const from = target.tactic(later.from)?.name ?? later.from;
  return `tactic "${text}" is a tactic of ATT&CK ${later.since}, which split it off ${from}, not of ATT&CK ${target.label}; it was ignored (get ATT&CK ${later.since} with \`${fetchCommand()}\` and read the report with it)`;
}

/**
 * What to say of a tactic that an older release of the domain has and the target no longer does (`RETIRED_TACTICS`):
 * Mobile's `Network Effects` (TA0038), of mobile-attack 9.0, none of 18.1's, as a report mapped to the older release
 * writes it; the older releases at hand say whose it was. Undefined for any other text, or when none at hand has it.
 */
function retiredTacticWarning(text: string, context: ResolveContext): string | undefined {
  const { target } = context;
  const written = text.normalize('NFKC').trim();
  const retired = RETIRED_TACTICS[target.domain] ?? [];
  if (!retired.some(([shortname, id]) => shortname === tacticShortname(written) || id === written.toUpperCase())) return undefined;
  for (const index of olderReleases(context)) {
    const shortname = readTactic(written, index);
    const tactic = shortname ? index.tactic(shortname) : undefined;
    if (!tactic) continue;
    const named = nameKey(written) === nameKey(tactic.name) ? tactic.id : written.toUpperCase() === tactic.id ? tactic.name : `${tactic.name}, ${tactic.id}`;
    return `tactic "${text}" (${named}) is a tactic of ATT&CK ${index.label} that ATT&CK ${target.label} no longer has; it was ignored`;
  }
  return undefined;
}

/**
 * A tactic of another domain written beside a reference (`context.otherReleases`). Mobile and ICS share tactics' names
 * with Enterprise under other TA IDs, and reports map their techniques with Enterprise's: `TA0008` beside ICS's T0866 is
 * Enterprise's Lateral Movement, read as ICS's (TA0109), with a warning; a tactic the target has none of the name of
 * (Enterprise's Credential Access, TA0006, beside ICS) is said to be that domain's, and ignored. Undefined for text no
 * other domain's release reads as a tactic.
 */
function otherDomainTactic(text: string, context: ResolveContext): { shortname?: TacticShortname; warning: string } | undefined {
  const { target } = context;
  for (const index of context.otherReleases?.() ?? []) {
    const read = readTactic(text, index);
    const tactic = read ? index.tactic(read) : undefined;
    if (!tactic) continue;
    const written = text.normalize('NFKC').trim();
    const named = nameKey(written) === nameKey(tactic.name) ? tactic.id : written.toUpperCase() === tactic.id ? tactic.name : `${tactic.name}, ${tactic.id}`;
    const whose = `tactic "${text}" (${named}) is a tactic of ATT&CK ${index.label}`;
    const shortname = readTactic(tactic.name, target);
    const here = shortname ? target.tactic(shortname) : undefined;
    if (!shortname || !here) return { warning: `${whose}, which ATT&CK ${target.label} has not; it was ignored (write a name like ${exampleTactic(target)}, a shortname or a TA ID)` };
    return { shortname, warning: `${whose}; read as ${here.name} (${here.id}), its tactic in ATT&CK ${target.label}: write that` };
  }
  return undefined;
}

/**
 * What to say of a reference that is a tactic, not a technique (`Inhibit Response Function`, `TA0106`, as OT reports'
 * tables write a tactic's heading in a technique's cell): the tactic, whose it is, and what to write instead; undefined
 * for text that no release at hand, of the target's domain or another, reads as a tactic.
 */
function tacticAsReference(text: string, context: ResolveContext): string | undefined {
  const { target } = context;
  for (const index of [target, ...(context.otherReleases?.() ?? [])]) {
    const shortname = readTactic(text, index);
    const tactic = shortname ? index.tactic(shortname) : undefined;
    if (!tactic) continue;
    const whose = index === target ? `a tactic of ATT&CK ${index.label}` : `a tactic of ATT&CK ${index.label}, not of ${target.domain}`;
    return `"${text.trim()}" is ${tactic.name} (${tactic.id}), ${whose}, not a technique: write the technique the report names for it, with this as its tactic`;
  }
  return undefined;
}

export { fullName, notATechniqueName };

function describe(index: AttackIndex, technique: TechniqueRecord): string {
  return `${technique.id} ${fullName(index, technique)}`;
}

/**
 * The current technique a sub-technique ID that the release lacks stands for, where the name written beside it (which
 * resolved to `named`) is its parent's, or that of what its revoked parent became; undefined otherwise.
 */
function parentNamed(id: TechniqueId, named: TechniqueId, target: AttackIndex): TechniqueRecord | undefined {
  if (!id.includes('.')) return undefined;
  const parent = target.technique(id.slice(0, 5));
  const current = parent?.revoked ? target.revocationChain(parent).final : parent;
  return current && !current.deprecated && current.id === named ? current : undefined;
}

function tacticList(index: AttackIndex, tactics: readonly TacticShortname[]): string {
  return tactics.map((tactic) => index.tacticName(tactic)).join(', ') || 'no tactic';
}

/**
 * Resolve one reference as written (`Spearphishing Attachment (T1193)`, `t1566/001`, `Spearphising Link`) to current
 * techniques of the target release, with a note, the trail of decisions, and the tactics checked. Never guesses:
 * what cannot be decided comes back `ambiguous` or `unknown` with its candidates.
 */
export function resolveReference(input: ReferenceInput, context: ResolveContext, options: ResolveOptions = {}): Resolution {
  return resolveReferenceWarnings(input, context, options).resolution;
}

/** What a warning of resolving is about: the tactics written beside the reference, or the reference itself (its ID, its name). */
export type ResolutionWarningKind = 'tactic' | 'reference';

/** A warning of resolving, with what it is about, so that a caller tells them apart without reading their words. */
export interface ResolutionWarning {
  kind: ResolutionWarningKind;
  message: string;
}

/** `resolveReference`, with each of the resolution's warnings as a `ResolutionWarning`, in the same order. */
export function resolveReferenceWarnings(input: ReferenceInput, context: ResolveContext, options: ResolveOptions = {}): { resolution: Resolution; warnings: ResolutionWarning[] } {
  const label = readDomainLabel(input.raw);
  return label ? labelledResolution(label, input, context, options) : unlabelledResolution(input, context, options);
}

/**
 * A reference that names its domain (`T1420 (Mobile)`, `ICS: T0866`): the domain named decides which release reads it.
 * The campaign's own domain reads it as any reference; another domain's release reads it there, and what it finds is
 * `other domain`, never the campaign domain's technique of the same name (`Obfuscated Files or Information (Mobile)` is
 * mobile T1406, not enterprise T1027); what that release does not have but the campaign's does (`T1059 (Mobile)`,
 * enterprise's ID) is `ambiguous`, the campaign's technique a candidate only: the writer said one matrix, the ID is another's.
 */
function labelledResolution(label: DomainLabel, input: ReferenceInput, context: ResolveContext, options: ResolveOptions): { resolution: Resolution; warnings: ResolutionWarning[] } {
  const { target } = context;
  const adjective = domainAdjective(label.domain);
  const quoted = `"${input.raw}" names ATT&CK ${adjective} ("${label.written}")`;
  const here = unlabelledResolution({ ...input, raw: label.rest }, context, options);
  const said = (resolution: Resolution, status: ReferenceStatus, ids: TechniqueId[], note: string, candidates: Candidate[], read: string) => ({
    resolution: { ...resolution, status, ids, note, candidates, trail: [`read: ${read}`, ...resolution.trail], placed: ids.length ? resolution.placed : {} },
    warnings: here.warnings,
  });
  if (label.domain === target.domain) {
    const read = `${quoted}, the campaign's domain: read as "${label.rest}"`;
    const { resolution } = here;
    if (resolution.status !== 'other domain') return said(resolution, resolution.status, resolution.ids, resolution.note, resolution.candidates, read);
    return said(resolution, resolution.status, [], `${quoted}, but ${resolution.note}`, resolution.candidates, read);
  }
  const named = context.otherReleases?.().find((index) => index.domain === label.domain);
  const hereIds = here.resolution.ids;
  const hereText = hereIds.map((id) => describe(target, target.technique(id)!)).join(', ');
  const hereCandidates = hereIds.map((id) => candidate(target, target.technique(id)!, `"${label.rest}" in ${target.domain}, which the reference does not name`));
  if (!named) {
    const note = `${quoted}, and no ${label.domain} release is at hand to read it in (get one with \`${fetchCommand(label.domain)}\`)${hereIds.length ? `; in ${target.domain} it would be ${hereText}, not taken` : ''}`;
    return said(here.resolution, 'unknown', [], note, hereCandidates, `${quoted}; no ${label.domain} release at hand`);
  }
  const there = unlabelledResolution({ ...input, raw: label.rest }, { target: named }, options).resolution;
  const read = `${quoted}: read in ${named.label}`;
  if (there.ids.length) {
    const found = there.ids.map((id) => `${id} ${fullName(named, named.technique(id)!)}`).join(', ');
    const advice = (context.otherDomainAdvice ?? otherDomainCampaignAdvice)(otherDomainLookupIn(() => [named])(there.ids[0]!)!);
    const alsoHere = hereIds.length ? `; in ${target.domain}, "${label.rest}" is ${hereText}: write it without "${label.written}" if that one is meant` : '';
    const note = `${quoted}: in ${named.label} it is ${found}, not in ${target.domain}: ${advice}${alsoHere}`;
    return said(here.resolution, 'other domain', [], note, hereCandidates, read);
  }
  const lacks = `${named.label} has no technique "${label.rest}"`;
  if (hereIds.length) {
    const note = `${quoted}, but ${lacks}; in ${target.domain} it is ${hereText}: write it without "${label.written}" if that one is meant, else the ${adjective} technique's ID or name`;
    return said(here.resolution, 'ambiguous', [], note, hereCandidates, read);
  }
  return said(here.resolution, here.resolution.status, [], `${quoted}, but ${lacks}; ${here.resolution.note}`, here.resolution.candidates, read);
}

function unlabelledResolution(input: ReferenceInput, context: ResolveContext, options: ResolveOptions): { resolution: Resolution; warnings: ResolutionWarning[] } {
  const { target } = context;
  const parsed = parseReference(input.raw);
  const trail = parsed.rules.map((rule) => `read: ${rule}`);
  const warnings: string[] = [...parsed.warnings];
  for (const warning of parsed.warnings) trail.push(`read: ${warning}`);
  // The warnings on the tactics written beside the reference, as they are met.
  const onTactics = new Set<string>();
  const warnTactic = (message: string): void => {
    warnings.push(message);
    onTactics.add(message);
  };

  const written = [...(input.tactics ?? []), ...parsed.tactics];
  const tactics: TacticReading = { written, read: [], unreadable: [] };
  // A TA ID and a name that name two tactics (`TA0001: Execution`) are decided by the technique, once it is known.
  const pairs: Array<readonly [text: string, conflict: TacticPairConflict]> = [];
  // A tactic a later release split off (`Stealth`, ATT&CK 19's), and where its warning goes: placed by the technique, once known.
  const later: Array<readonly [text: string, at: number, unreadableAt: number]> = [];
  // A list of tactics written in one string ("Persistence and Privilege Escalation") is read as its tactics.
  const items = written.flatMap((text) => {
    const read = readWrittenTactics(text, target);
    read.warnings.forEach(warnTactic);
    trail.push(...read.warnings.map((warning) => `read: ${warning}`));
    return read.items;
  });
  for (const text of items) {
    const conflict = tacticPairConflict(text, target);
    if (conflict) {
      pairs.push([text, conflict]);
      continue;
    }
    // `Intial Access`, `Lateral Movment`: a misspelt tactic is read as the one it is a typo from, and said to be.
    const misspelt = readMisspeltTactic(text, target);
    const own = readTactic(text, target) ?? misspelt?.shortname;
    const foreign = own || laterTacticWarning(text, target) || retiredTacticWarning(text, context) ? undefined : otherDomainTactic(text, context);
    const shortname = own ?? foreign?.shortname;
    if (misspelt) {
      warnTactic(misspelt.warning);
      trail.push(`read: ${misspelt.warning}`);
    }
    if (foreign?.shortname) warnTactic(foreign.warning);
    if (!shortname && laterTacticWarning(text, target)) later.push([text, warnings.length, tactics.unreadable.length]);
    else if (!shortname) {
      tactics.unreadable.push(text);
      const within = tacticsWithin(text, (part) => readTactic(part, target) !== undefined);
      const nor = within.length ? `, nor a list of them: only a part of it is one (${within.join(', ')})` : '';
      warnTactic(
        laterTacticWarning(text, target) ??
          retiredTacticWarning(text, context) ??
          foreign?.warning ??
          unreadTacticWarning(text, nor, target),
      );
    } else if (!tactics.read.includes(shortname)) tactics.read.push(shortname);
    const unknownId = shortname ? tacticIdAndNameWarning(text, target) : undefined;
    if (unknownId) warnTactic(unknownId);
  }
  const order = new Map(target.tactics().map((tactic, i) => [tactic.shortname, i]));
  const sortTactics = (): void => void tactics.read.sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
  sortTactics();

  // `CommandandScriptingInterpreter:PowerShell`: a name whose spaces PDF-to-text lost is read as the name it writes.
  const spaced = (name: string): string => {
    const read = spacedName(name, target, () => olderReleases(context));
    if (read === undefined) return name;
    const message = `name "${name}" is written without its spaces; read as "${read}"`;
    warnings.push(message);
    trail.push(`read: ${message}`);
    return read;
  };
  const parts = parsed.parts.map((part) => (part.name === undefined ? part : { ...part, name: spaced(part.name) }));
  const parsedName = parsed.name === undefined || parts.length ? parsed.name : spaced(parsed.name);

  let outcome: Outcome;
  const namespaced = parts.length ? undefined : namespacedReference(parsed.name ?? '');
  // `AML.T0043`: MITRE ATLAS numbers its techniques (attacks on AI-enabled systems) as ATT&CK does, after its prefix.
  const atlas = [...input.raw.matchAll(ATLAS_ID)].map((match) => match[1]!.toUpperCase());
  if (atlas.length && parts.length && parts.every((part) => part.ids.every((id) => atlas.includes(id)))) {
    const note = `${atlas.map((id) => `AML.${id}`).join(', ')} ${atlas.length > 1 ? 'are MITRE ATLAS techniques' : 'is a MITRE ATLAS technique'} (attacks on AI-enabled systems), not ATT&CK's: ${atlas.join(', ')} is no ATT&CK ID and no ATT&CK layer shows it; write the ATT&CK technique of the behaviour (ATLAS names the ATT&CK techniques its own adapt), or leave it out`;
    // `AML.T0012 Valid Accounts`: ATLAS gives the ATT&CK techniques it adapts their ATT&CK names. The name is not read
    // as ATT&CK's technique, the ID written being ATLAS's; that technique is named as a candidate, for the analyst.
    const named = [...new Set(parts.flatMap((part) => (part.name === undefined ? [] : [part.name.trim()])))].flatMap((name) =>
      target.techniquesByName(name).filter((t) => !t.revoked && !t.deprecated).map((t) => [name, t] as const),
    );
    const also = named.length
      ? `; the name written beside it, ${named.map(([name, t]) => `"${name}", is ATT&CK's ${describe(target, t)} too`).join('; ')}, which ATLAS adapts: it is not read as ${named.map(([, t]) => t.id).join(', ')}, the ID written being ATLAS's (write ${named.map(([, t]) => t.id).join(', ')} if the report means ATT&CK's technique)`
      : '';
    trail.push(`ID check: ${note}${also}`);
    const candidates = named.map(([name, t]) => candidate(target, t, `the ATT&CK technique named "${name}", written beside the ATLAS ID`));
    outcome = { status: 'unknown', ids: [], notes: [note + also], candidates };
  } else if (parts.length) {
    const outcomes = resolveParts(parts, tactics.read, context, trail, warnings);
    outcome = {
      status: outcomes.map((o) => o.status).sort((a, b) => STATUS_WEIGHT.indexOf(b) - STATUS_WEIGHT.indexOf(a))[0]!,
      ids: [...new Set(outcomes.flatMap((o) => o.ids))],
      notes: outcomes.flatMap((o) => o.notes),
      candidates: outcomes.flatMap((o) => o.candidates),
    };
  } else if (namespaced && (target.technique(namespaced.id) || !PRE_ATTACK_ID.test(namespaced.id))) {
    outcome = namespacedOutcome(namespaced, tactics.read, context, trail, warnings);
  } else if (!parts.length && input.raw.match(MBC_ID)) {
    outcome = mbcOutcome(input.raw, target);
    trail.push(`ID check: ${outcome.notes[0]}`);
  } else if (parsed.name && PRE_ATTACK_ID.test(parsed.name.trim())) {
    // `PRE-T1024`: PRE-ATT&CK's numbering before October 2018, which no release of any domain has.
    const id = parsed.name.trim();
    const note = `"${id}" is a PRE-ATT&CK ID, as PRE-ATT&CK numbered its techniques before October 2018; ${PRE_ATTACK_MERGED}: ${preAttackAdvice(id)}`;
    trail.push(`ID check: ${note}`);
    outcome = { status: 'other domain', ids: [], notes: [note], candidates: [] };
  } else if (parsedName) {
    outcome = lostDigitOutcome(parsedName, tactics.read, context, trail, warnings) ?? resolveBareName(parsedName, tactics.read, context, trail, options.similarNames ?? true);
  } else {
    // `TA0107` alone: the parser read it as the reference's tactic, and left no technique.
    const tactic = tacticAsReference(input.raw, context);
    outcome = { status: 'unknown', ids: [], notes: [`no technique ID or name found in "${input.raw}"${tactic ? `: ${tactic}` : ''}`], candidates: [] };
  }

  for (const [text, conflict] of pairs) {
    const { kept, warning } = readTacticPair(text, conflict, outcome.ids.map((id) => target.technique(id)!), target);
    if (kept && !tactics.read.includes(kept)) tactics.read.push(kept);
    warnTactic(warning);
    trail.push(`tactic check: ${warning}`);
  }
  placeLaterTactics(later, outcome.ids, tactics, warnings, trail, target, onTactics);
  sortTactics();
  const placed: Record<TechniqueId, TacticShortname[]> = {};
  for (const id of outcome.ids) {
    const technique = target.technique(id)!;
    placed[id] = tactics.read.filter((tactic) => technique.tactics.includes(tactic));
    const stray = tactics.read.filter((tactic) => !technique.tactics.includes(tactic));
    if (!stray.length) continue;
    const written = parsed.parts.flatMap((part) => part.ids);
    const former = formerTactics(id, written, stray, context);
    const never = stray.filter((tactic) => !former.includes(tactic));
    const only = `${tacticList(target, technique.tactics)} only in ATT&CK ${target.release}`;
    const messages = [
      ...(former.length ? [`${tacticList(target, former)} no longer ${former.length > 1 ? 'apply' : 'applies'}: ${id} ${technique.name} is ${only}`] : []),
      ...(never.length ? [`${tacticList(target, never)} ${never.length > 1 ? 'are not tactics' : 'is not a tactic'} of ${id} ${technique.name}: it is ${only}`] : []),
    ];
    for (const message of messages) {
      warnTactic(message);
      trail.push(`tactic check: ${message}`);
    }
  }
  return {
    resolution: { status: outcome.status, ids: outcome.ids, note: outcome.notes.join('; '), trail, tactics, placed, candidates: outcome.candidates, warnings },
    warnings: warnings.map((message) => ({ kind: onTactics.has(message) ? 'tactic' : 'reference', message })),
  };
}

// `ACME-T1000`, `acme-t1000.001: Voice Pretexting`: an ID of a Workbench organization namespace, and any name beside it.
const NAMESPACED_REFERENCE = new RegExp(`^(${NAMESPACED_TECHNIQUE_ID.source.slice(1, -1)})(?![\\w.])[\\s:()\\u2013\\u2014-]*(.*)$`, 'i');

/** A reference that is an ID of an ATT&CK Workbench organization namespace (`ACME-T1000.001`), in capitals, and the name written after it. */
function namespacedReference(text: string): { id: TechniqueId; name?: string } | undefined {
  const match = NAMESPACED_REFERENCE.exec(text.trim());
  if (!match) return undefined;
  const name = match[match.length - 1]!.replace(/[\s)]+$/, '');
  return { id: match[1]!.toUpperCase(), ...(name ? { name } : {}) };
}

/**
 * `ACME-T1000`: a technique a team made in ATT&CK Workbench with its organization namespace set. Read as any ID when
 * the ATT&CK data loaded is the team's and holds it; else unknown, saying where such an ID comes from, as no MITRE
 * release has it.
 */
function namespacedOutcome(
  { id, name }: { id: TechniqueId; name?: string },
  tactics: readonly TacticShortname[],
  context: ResolveContext,
  trail: string[],
  warnings: string[],
): Outcome {
  const { target } = context;
  if (target.technique(id)) return resolveId(id, name, tactics, context, trail, warnings);
  const note = `${namespacedTechniqueText(id)}, and the ATT&CK data loaded (${target.label}) does not hold it: ${TEAM_DATA_ADVICE}, or write the ATT&CK technique that fits`;
  trail.push(`ID check: ${note}`);
  return { status: 'unknown', ids: [], notes: [note], candidates: [] };
}

/**
 * `Stealth` written for T1027 read with ATT&CK 18.1: a tactic a later release split off goes back to the tactic it came
 * from when every technique of the reference has that one (as `upgrade` moves a layer's annotation, `formerTactic`), and
 * says so; otherwise it is ignored with the warning it had (`laterTacticWarning`), at its place among the warnings.
 */
function placeLaterTactics(
  later: ReadonlyArray<readonly [text: string, at: number, unreadableAt: number]>,
  ids: readonly TechniqueId[],
  tactics: TacticReading,
  warnings: string[],
  trail: string[],
  target: AttackIndex,
  onTactics: Set<string>,
): void {
  const techniques = ids.map((id) => target.technique(id)!);
  for (const [text, at, unreadableAt] of [...later].reverse()) {
    const back = techniques.map((technique) => formerTactic(text, technique.tactics));
    const split = back[0];
    if (!split || back.some((each) => each?.from !== split.from)) {
      tactics.unreadable.splice(unreadableAt, 0, text);
      warnings.splice(at, 0, laterTacticWarning(text, target)!);
      onTactics.add(laterTacticWarning(text, target)!);
      continue;
    }
    const from = split.from as TacticShortname;
    if (!tactics.read.includes(from)) tactics.read.push(from);
    const named = techniques.map((technique) => describe(target, technique)).join(', ');
    const message = `tactic "${text}" is a tactic of ATT&CK ${split.since}, which split it off ${target.tacticName(from)}; ${named} ${techniques.length > 1 ? 'are' : 'is'} under ${target.tacticName(from)} in ATT&CK ${target.label}: placed there`;
    warnings.push(message);
    onTactics.add(message);
    trail.push(`tactic check: ${message}`);
  }
}

/**
 * The stray tactics that the technique once had: those of the IDs as written or revoked into it (a revoked T1117 keeps
 * Execution), or of the technique in the text's release or an older one. "No longer applies" is said only of these; a tactic the
 * technique never had is the writer's slip, not a change in ATT&CK. Older releases are read only until every stray
 * tactic is found, and only when one is left.
 */
function formerTactics(id: TechniqueId, written: readonly string[], stray: readonly TacticShortname[], context: ResolveContext): TacticShortname[] {
  const { target } = context;
  // A technique revoked into this one (T1117 Regsvr32 into T1218.010) was this technique under its older ID.
  const revokedInto = target.allTechniques().filter((technique) => technique.revoked && target.revocationChain(technique).final?.id === id);
  const ids = [...new Set([id, ...written, ...revokedInto.map((technique) => technique.id)])];
  const former = new Set<TacticShortname>();
  const take = (index: AttackIndex, own: boolean): void => {
    for (const other of ids) {
      if (own && other === id) continue;
      for (const tactic of index.technique(other)?.tactics ?? []) if (stray.includes(tactic)) former.add(tactic);
    }
  };
  take(target, true);
  for (const index of olderReleases(context)) {
    if (former.size === stray.length) break;
    take(index, false);
  }
  return stray.filter((tactic) => former.has(tactic));
}

/**
 * Resolve each written ID with the name beside it. One name serving several IDs (`C2 over HTTPS (T1071.001,
 * T1573.002)`, `Spearphishing Attachment (T1566.001, T1566.002)`) needs to fit only one of them: the others are read
 * by their ID alone, said in the trail.
 */
function resolveParts(
  parts: readonly ReferencePart[],
  tactics: readonly TacticShortname[],
  context: ResolveContext,
  trail: string[],
  warnings: string[],
): Outcome[] {
  const outcomes: Outcome[] = [];
  const seen = new Set<string>();
  const groupFits = new Map<string, boolean>();
  const pairedNames = new Map<string, string[] | undefined>();
  // The names each ID is written beside (an ID and its ATT&CK link are two writings of it, one without a name).
  const namesOf = new Map<string, Array<string | undefined>>();
  for (const part of parts) for (const id of part.ids) namesOf.set(id, [...(namesOf.get(id) ?? []), part.name]);
  for (const part of parts) {
    if (part.malformed) {
      outcomes.push(malformedId(part.malformed, context.target, part.name));
      continue;
    }
    for (const id of part.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const shared = part.sharedName || part.ids.length > 1;
      const ownTrail: string[] = [];
      const ownWarnings: string[] = [];
      let outcome = resolveId(id, part.name, tactics, context, ownTrail, ownWarnings, shared ? part.ids : []);
      if (shared && part.name !== undefined && outcome.status === 'ambiguous') {
        const key = part.name;
        if (!groupFits.has(key)) {
          const others = parts.filter((p) => p.name === key).flatMap((p) => p.ids).filter((other) => other !== id);
          groupFits.set(key, others.some((other) => resolveId(other, key, tactics, context, [], []).status !== 'ambiguous'));
        }
        if (groupFits.get(key)) {
          ownTrail.length = 0;
          ownWarnings.length = 0;
          outcome = resolveId(id, undefined, tactics, context, ownTrail, ownWarnings);
          ownTrail.push(`name check: "${key}" names another of the IDs it stands beside; ${id} was read by its ID`);
        }
      }
      // `Remote Services: RDP / SSH (T1021.001 / T1021.004)`: a name that lists one part per ID, in order, gives each ID
      // its own part where every part fits its ID (`slashPairedNames`).
      if (shared && part.name !== undefined && ownWarnings.length) {
        const key = part.name;
        const group = parts.filter((p) => p.name === key).flatMap((p) => p.ids);
        if (!pairedNames.has(key)) pairedNames.set(key, slashPairedNames(key, group, (name, other) => fitsName(other, name, tactics, context)));
        const own = pairedNames.get(key)?.[group.indexOf(id)];
        if (own !== undefined) {
          ownTrail.length = 0;
          ownWarnings.length = 0;
          outcome = resolveId(id, own, tactics, context, ownTrail, ownWarnings);
          ownTrail.push(`name check: "${key}" names each of its IDs in turn; "${own}" read for ${id}`);
        }
      }
      // `SSH [(T1048.002)](https://attack.mitre.org/techniques/T1048/002/)`: the ID is written twice, once without the
      // word beside it; two writings of the ID outweigh one word, which is noted.
      const others = [...new Set(namesOf.get(id) ?? [])].filter((other) => other !== part.name);
      if (outcome.status === 'ambiguous' && part.name !== undefined && others.length) {
        for (const other of others) {
          const retrail: string[] = [];
          const rewarnings: string[] = [];
          const again = resolveId(id, other, tactics, context, retrail, rewarnings);
          if (again.status === 'ambiguous') continue;
          const message = `"${part.name}" is not the name of ${id}, but the reference writes ${id} again${other === undefined ? ' (as its ATT&CK link)' : ` beside "${other}"`}; read by the ID`;
          outcome = { ...again, notes: [...again.notes, message] };
          ownTrail.length = 0;
          ownWarnings.length = 0;
          ownTrail.push(...retrail, `name check: ${message}`);
          ownWarnings.push(...rewarnings);
          break;
        }
      }
      trail.push(...ownTrail);
      warnings.push(...ownWarnings);
      outcomes.push(outcome);
    }
  }
  return outcomes;
}

/** Whether a name is the ID's technique's, as the resolver reads the pair (`nameFitsId`). */
function fitsName(id: TechniqueId, name: string, tactics: readonly TacticShortname[], context: ResolveContext): boolean {
  const trail: string[] = [];
  const warnings: string[] = [];
  const { status, ids } = resolveId(id, name, tactics, context, trail, warnings);
  return nameFitsId(name, id, { status, ids, warnings, trail });
}

/** The labels of the repairs, as a reference's trail gives them (`extract` reads the same shapes in a report's lines). */
export const LOST_DIGIT_RULE = 'a technique\'s ID with one of its four digits lost (T106 for T1068), taken only where the name beside it is that technique\'s';
export const ICS_WIKI_RULE = 'an ID of ATT&CK for ICS\'s first wiki (T816), which ATT&CK gave a 0 in 2020 (T0816), taken only where the name beside it is that technique\'s';

// A T and three digits beside a name: after it (`Exploitation for Privilege Escalation - T106`, after a dash, a colon
// or a space, or in brackets), or before it (`T816: Device Restart/Shutdown`, as Armis's 2020 blog series on ATT&CK
// for ICS and the ICS wiki's pages wrote a technique).
const THREE_DIGITS_BESIDE_NAME: readonly RegExp[] = [
  /^(?<name>.*\p{L})(?:\s*[-–:]\s*|\s+)T(?<digits>\d{3})$/u,
  /^(?<name>.*\p{L})\s*\(T(?<digits>\d{3})\)$/u,
  /^T(?<digits>\d{3})(?:\s*[-–:]\s*|\s+)(?<name>\p{L}.*)$/u,
];

/**
 * `Exploitation for Privilege Escalation - T106` (a PDF table's cell), `T816: Device Restart/Shutdown` (ATT&CK for
 * ICS's first wiki numbered its techniques T800 to T882; ATT&CK gave each a 0 in 2020): a T and three digits beside a
 * name, read as the technique the name is exactly, where its ID is the three digits with one put back (T1068, T0816),
 * with a warning; undefined for any other shape, name or number (`Valid Accounts - T106`, `T816: Program Download`),
 * which is read as the name it is.
 */
function lostDigitOutcome(name: string, tactics: readonly TacticShortname[], context: ResolveContext, trail: string[], warnings: string[]): Outcome | undefined {
  const match = THREE_DIGITS_BESIDE_NAME.map((pattern) => pattern.exec(name.trim())?.groups).find(Boolean);
  if (!match) return undefined;
  const digits = match['digits']!;
  const written = match['name']!;
  const ids = withDigitPutBack(digits);
  // `T818 Engineering Workstation Compromise`: the exact name of a technique since deprecated (or revoked) is read by its
  // ID, as the ID written whole would be, so that its status and note are the ID's.
  const owners = context.target.techniquesByName(written).filter((technique) => ids.includes(technique.id));
  const outcome = owners.length === 1 && (owners[0]!.deprecated || owners[0]!.revoked) ? resolveId(owners[0]!.id, written, tactics, context, [], []) : resolveName(written, tactics, context, [], false);
  const id = outcome.ids[0] ?? owners[0]?.id;
  const taken = ['name', 'renamed', 'alias'].includes(outcome.status) ? outcome.ids.length === 1 && ids.includes(id ?? '') : owners.length === 1 && ['revoked', 'deprecated'].includes(outcome.status);
  // In a campaign of another domain (an Enterprise one citing `T816: Device Restart/Shutdown`), the ICS technique's
  // exact name vouches for its wiki ID, and resolving the ID says it is ICS's.
  const foreign = !taken && !owners.length && digits.startsWith('8') && context.otherDomainNames?.(written).some((found) => found.id === `T0${digits}`) ? `T0${digits}` : undefined;
  if (foreign) {
    warnings.push(`T${digits} read as ${foreign}: the name ${name.trim().startsWith('T') ? 'after' : 'before'} it is that technique's; check the text`);
    trail.push(`read: ${ICS_WIKI_RULE}: "T${digits}" as ${foreign}`);
    return resolveId(foreign, written, tactics, context, trail, warnings);
  }
  if (!taken || !id) return undefined;
  const wiki = id === `T0${digits}` && digits.startsWith('8');
  warnings.push(`T${digits} read as ${id}: the name ${name.trim().startsWith('T') ? 'after' : 'before'} it is that technique's; check the text`);
  trail.push(`read: ${wiki ? ICS_WIKI_RULE : LOST_DIGIT_RULE}: "T${digits}" as ${id}`);
  return outcome;
}

/**
 * `T1566.01`: a sub-technique number of one or two digits; the IDs it may have meant are the candidates. Where none is
 * the number padded (`T1059.00`, a PDF table's cell cut short), the sub-technique whose number it begins and whose own
 * name the name beside it holds (`Command and Scripting Interpreter PowerShell - T1059.00`: T1059.001) is offered.
 */
function malformedId(written: string, target: AttackIndex, name?: string): Outcome {
  if (/[[{]/.test(written)) {
    // `T1059.00{1,5}`, `T1059.0[1,15]`: a doubtful shorthand is not guessed at.
    const note = `malformed ID "${written}": sub-technique numbers in brackets are read only when each completes the digits before it to three, in square brackets (T1059.00[1,5], T1059.[001,005]); write the IDs out`;
    return { status: 'unknown', ids: [], notes: [note], candidates: [] };
  }
  const match = /(\d{4})\.(\d{1,2})(?: (\d{1,2}))?$/.exec(written);
  const technique = `T${match?.[1] ?? ''}`;
  // `T1055.0 12`: a space among the sub-technique number's three digits (PDF-to-text); the number without it is the guess.
  const split = match?.[3] !== undefined;
  const digits = `${match?.[2] ?? ''}${match?.[3] ?? ''}`;
  const guesses = [...new Set(split ? [digits] : [digits.padStart(3, '0'), digits.padEnd(3, '0')])].map((sub) => `${technique}.${sub}`);
  const known = guesses.map((id) => target.technique(id)).filter((t): t is TechniqueRecord => !!t);
  if (!known.length && !split && name) {
    const words = ` ${nameWords(name).join(' ')} `;
    const named = target.children(technique).filter((t) => !t.revoked && !t.deprecated && t.id.slice(6).startsWith(digits) && words.includes(` ${nameWords(t.name).join(' ')} `));
    if (named.length === 1) {
      const [meant] = named as [TechniqueRecord];
      return {
        status: 'unknown',
        ids: [],
        notes: [`malformed ID "${written}": a sub-technique number has three digits; did you mean ${describe(target, meant)}, the one whose number it begins and whose name "${name.trim()}" holds? It is not read as it: check the text`],
        candidates: [candidate(target, meant, `"${written}" with its sub-technique number cut short, beside its name`)],
      };
    }
  }
  return {
    status: 'unknown',
    ids: [],
    notes: [
      `malformed ID "${written}": ${split ? 'a space splits its sub-technique number, which is not read as one' : 'a sub-technique number has three digits'}` +
        (known.length
          ? `; did you mean ${known.map((t) => describe(target, t)).join(' or ')}?`
          : `; ATT&CK ${target.label} has no ${guesses.join(' or ')}`),
    ],
    candidates: known.map((t) => candidate(target, t, split ? `"${written}" without the space among its sub-technique number's digits` : `"${written}" with its sub-technique number padded to three digits`)),
  };
}

/**
 * A reference that names an MBC behavior by its ID (`Denial of Service [B0033]`): no ATT&CK technique, whatever the
 * name; the target's techniques whose names hold the name are offered (`Endpoint Denial of Service`), never another
 * domain's technique of the same name (ICS's T0814 Denial of Service is no MBC behavior).
 */
function mbcOutcome(raw: string, target: AttackIndex): Outcome {
  const ids = [...new Set(raw.match(MBC_ID) ?? [])];
  const name = raw.replace(MBC_ID, '').replace(/[[\]()]/g, '').split('::').pop()!.trim();
  const extended = ids.filter((id) => id.startsWith('E')).flatMap((id) => target.technique(`T${id.slice(1, 5)}`) ?? []).filter((t) => !t.revoked && !t.deprecated);
  const named = name ? [...target.techniquesByName(name).filter((t) => !t.revoked && !t.deprecated), ...namesHolding(name, target)] : [];
  const candidates = [
    ...extended.map((t) => candidate(target, t, `the ATT&CK technique MBC's E${t.id.slice(1)} extends`)),
    ...named.filter((t) => !extended.includes(t)).map((t) => candidate(target, t, `its name holds "${name}"`)),
  ];
  const offered = candidates.length ? `; in ATT&CK ${target.label}: ${candidates.map((c) => `${c.id} ${c.name}`).join(', ')}` : '';
  return {
    status: 'unknown',
    ids: [],
    notes: [
      `${ids.join(', ')} ${ids.length > 1 ? 'are Malware Behavior Catalog (MBC) behaviors, not ATT&CK techniques' : 'is a Malware Behavior Catalog (MBC) behavior, not an ATT&CK technique'}: ` +
        `no ATT&CK layer shows ${ids.length > 1 ? 'them' : 'it'}; write the ATT&CK technique of the behavior (MBC names the ATT&CK techniques related to each of its behaviors), or leave it out${offered}`,
    ],
    candidates,
  };
}

/** What the releases at hand say of an ID the target lacks (unknownTechniqueText), naming a newer release as the caller names it. */
function laterReleaseText(id: string, context: ResolveContext): string | undefined {
  const inRelease = (later: AttackIndex): string => `use ${releaseAsGiven(context.givenAs, later.domain, later.release)}`;
  return unknownTechniqueText(id, context.target, { does: 'holds it', withIt: 'use it', inRelease, inDomain: campaignInDomain }, context.history);
}

function candidate(index: AttackIndex, technique: TechniqueRecord, why: string): Candidate {
  return { id: technique.id, name: fullName(index, technique), tactics: [...technique.tactics], why };
}

/**
 * What to do with a PRE-ATT&CK technique: no release of the retired domain is data attack-layers reads, so its
 * revocation cannot be followed to the technique that replaced it.
 */
function preAttackAdvice(id: string): string {
  return `${PRE_ATTACK_SUCCESSORS}; attack-layers has no PRE-ATT&CK data to follow ${id} to the technique that replaced it: write the enterprise technique that fits`;
}

/** Resolve an ID, checking the name written beside it (and beside the other IDs it serves, `beside`). */
function resolveId(
  id: TechniqueId,
  name: string | undefined,
  tactics: readonly TacticShortname[],
  context: ResolveContext,
  trail: string[],
  warnings: string[],
  beside: readonly TechniqueId[] = [],
): Outcome {
  const { target, source } = context;
  let found: TechniqueRecord | undefined;
  if (source && source !== target) {
    const old = source.technique(id);
    if (old) {
      trail.push(`source release: ${id} is ${old.name} in ATT&CK ${source.release}${old.revoked ? ' (already revoked there)' : ''}`);
      // STIX ids never change between releases, so the object is the same one whatever its ID became.
      found = target.techniqueByStixId(old.stixId) ?? target.technique(id);
    } else {
      // A PRE-ATT&CK number is in no enterprise release, the source's included: its note says what it is.
      if (!preAttackNumberText(id)) {
        const message = `${id} is not in ATT&CK ${source.release}, the release the campaign says its IDs came from`;
        warnings.push(message);
        trail.push(`source release: ${message}`);
      }
      found = target.technique(id);
    }
  } else found = target.technique(id);

  if (!found) {
    const byName = name ? resolveName(name, tactics, context, []) : undefined;
    // `AppleScript (T1509.002)`: no such ID, but the name is exactly a technique whose ID is one typo away from it.
    const named = byName?.ids.length === 1 && (byName.status === 'name' || byName.status === 'renamed') ? byName.ids[0]! : undefined;
    // `Screen Capture (T1513)`: an ID another domain has, written with that domain's name of it, is that domain's
    // technique, not a typo of the target's technique of the same name (T1113).
    const theirs = context.otherDomains?.(id);
    const namesTheirs = !!theirs && !!name && [theirs.name, theirs.fullName].some((each) => nameKey(each) === nameKey(name));
    if (named && !namesTheirs && editDistance(id.slice(1), named.slice(1), 1) <= 1) {
      const message = `${id} is not a technique in ATT&CK ${target.label}; the name "${name}" is ${describe(target, target.technique(named)!)}, whose ID is one typo away: read as ${named}`;
      trail.push(`ID check: ${message}`);
      return { status: 'fuzzy', ids: [named], notes: [message], candidates: [] };
    }
    // `Automated Collection (T1119.002)`, `Registry Run Keys / Startup Folder (T1060.001)`: a sub-technique number ATT&CK
    // never gave, under the exact name (or an old name) of its parent, or of what its revoked parent became: the parent.
    const parent = named && !theirs ? parentNamed(id, named, target) : undefined;
    if (parent) {
      const under = id.slice(0, 5);
      const whose = parent.id === under ? 'the technique its number is under' : `which ${under}, the technique its number is under, became`;
      const newer = unusedNumberText(id) ? '' : ` (if it is a sub-technique of a newer ATT&CK release, get that with \`attack-layers data fetch\`)`;
      const message = `${id} is not a technique in ATT&CK ${target.label}; the name "${name}" is ${describe(target, parent)}, ${whose}: read as ${parent.id}${newer}`;
      trail.push(`ID check: ${message}`);
      return { status: 'fuzzy', ids: [parent.id], notes: [message], candidates: [] };
    }
    const byNameText = byName?.ids.length ? `; the name "${name}" is ${byName.ids.join(', ')}` : '';
    const byNameCandidates = byName?.candidates.length ? byName.candidates : (byName?.ids ?? []).map((i) => candidate(target, target.technique(i)!, `by the name "${name}"`));
    // `T0800` in an enterprise campaign: the domains' IDs do not overlap, so another domain having it says where it belongs.
    const foreign = theirs;
    if (foreign) {
      const advice = (context.otherDomainAdvice ?? otherDomainCampaignAdvice)(foreign);
      const message = `${id} is ${otherDomainTechniqueText(foreign)}, not in ${target.domain}: ${advice}`;
      trail.push(`ID check: ${id} is not in ATT&CK ${target.label}; found in ${foreign.label}`);
      return { status: 'other domain', ids: [], notes: [message + byNameText], candidates: byNameCandidates };
    }
    // A PRE-ATT&CK technique is of a retired domain, not unknown: said as another domain's, with where its behaviour went.
    const preAttack = preAttackNumberText(id);
    if (preAttack) {
      trail.push(`ID check: ${id} is not in ATT&CK ${target.label}; its number is PRE-ATT&CK's`);
      return { status: 'other domain', ids: [], notes: [`${preAttack}; ${preAttackAdvice(id)}${byNameText}`], candidates: byNameCandidates };
    }
    // `T1551.004`: a number no release used is no newer release's either, so fetching one would not find it. A newer
    // release at hand's (T1677 beside 14.1), a newer release's (T1685) and a team's (T9001) are said as every command says them.
    const unused = unusedNumberText(id);
    const unknown = unused ? undefined : laterReleaseText(id, context);
    // T1636.004 beside mobile-attack 9.0: 18.1's technique, which replaced 9.0's T1412 Capture SMS Messages.
    const later = unknown ? laterReleaseLookup(target, context.history)(id) : undefined;
    const replaced = later ? replacedInTarget([later.technique(id)!], later, target) : { text: '', candidates: [] };
    return {
      status: 'unknown',
      ids: [],
      notes: [
        unused
          ? `${unused}: write the technique of ATT&CK ${target.label} that fits${byNameText}`
          : `${unknown ?? `${id} is not a technique in ATT&CK ${target.label}; if it comes from a newer ATT&CK release, get it with \`attack-layers data fetch\``}${replaced.text}${byNameText}`,
      ],
      candidates: [...replaced.candidates, ...byNameCandidates.filter((c) => !replaced.candidates.some((r) => r.id === c.id))],
    };
  }

  const chain = target.revocationChain(found.id);
  for (const step of chain.recordedElsewhere ?? []) {
    trail.push(`revoked-by chain: ATT&CK ${target.label} records no replacement of ${step.revoked.id}; ATT&CK ${step.release} records ${step.replacement.id}`);
  }
  const steps = chain.steps.length ? chain.steps : [found];
  let outcome: Outcome;
  const final = found.revoked ? chain.final : found;
  if (found.revoked && !final) {
    outcome = { status: 'unknown', ids: [], notes: [revokedTechniqueText(`${id} ${found.name}`, undefined, [], `ATT&CK ${target.release}`)], candidates: [] };
  } else if (final!.deprecated) {
    const successors = deprecatedSuccessors(final!, context);
    const via = final !== found ? `${id} was revoked by ${final!.id}, which` : `${id} ${found.name}`;
    outcome = {
      status: 'deprecated',
      ids: [],
      notes: [deprecatedTechniqueText(via, `ATT&CK ${target.release}`, successors.found, target.domain)],
      candidates: successors.candidates,
    };
  } else if (found.revoked) {
    const path = steps.map((step) => step.id).join(' -> ');
    trail.push(`revoked-by chain: ${path}`);
    outcome = {
      status: 'revoked',
      ids: [final!.id],
      notes: [revokedTechniqueText(`${id} ${found.name}`, describe(target, final!), steps.map((step) => step.id), `ATT&CK ${target.release}`)],
      candidates: [],
    };
  } else {
    outcome = { status: 'current', ids: [found.id], notes: [`${describe(target, found)} is current in ATT&CK ${target.release}`], candidates: [] };
  }
  if (!name) return outcome;
  return checkName(id, name, found, final, steps, tactics, context, trail, warnings, outcome, beside);
}

/**
 * Whether a name (as a key) is a misspelling of a known one: a typo or two away, as `typoLimit` allows for its length.
 * `Parent: Sub` names are compared part by part, so that a long parent name does not let a short sub-technique name
 * be anything (`Command and Scripting Interpreter: PHP` is no misspelling of `...: Python`); an acronym is not
 * corrected into another (`acronymsKept`).
 */
function isTypoOf(name: string, key: string, known: string): boolean {
  return typoClose(key, known) && subPartsClose(key, known) && acronymsKept(name, known);
}

/** Whether `key` is within the typos `typoLimit` allows for `known`'s length. */
function typoClose(key: string, known: string): boolean {
  return editDistance(key, known, typoLimit(known.length)) <= typoLimit(known.length);
}

/**
 * False when both are `Parent: Sub` names whose sub-technique parts are more than a typo or two apart (the whole name's
 * budget already bounds the parent part).
 */
function subPartsClose(key: string, known: string): boolean {
  const [, sub] = splitFullName(key);
  const [, knownSub] = splitFullName(known);
  return sub === undefined || knownSub === undefined || typoClose(sub, knownSub);
}

/** `Parent: Sub` as [parent, sub]; [name] when there is no colon. */
function splitFullName(name: string): [string, string?] {
  const at = name.indexOf(':');
  return at < 0 ? [name] : [name.slice(0, at).trim(), name.slice(at + 1).trim()];
}

// Where a name's own words start after a technique's name: `via`, `using`, `with`, `through`, or a dash or a slash
// between spaces (`Exfiltration Over Other Network Mediums / RClone & Cloud`, a TTP table's cell).
const QUALIFIER = /\s+(?:via|using|with|through)\s+|\s+[-–—/]\s+/giu;

/**
 * The parts of a name before each of its qualifiers, longest first (`Wordlist Scanning via key enum`: `Wordlist
 * Scanning`). A slash before words that are a technique's name, or hold the name of the ID's technique, joins two names
 * (`PowerShell / Windows Command Shell` beside T1059.001 and T1059.003; `Phishing / Web Portal CaptureClicked Link`
 * beside T1566 and T1056.003, a scraped table's cells run together), not a name and the writer's words: no part ends there.
 */
function qualifiedParts(name: string, target: AttackIndex, byId: TechniqueRecord): string[] {
  const joinsNames = (rest: string): boolean => target.techniquesByName(rest).length > 0 || nameKey(rest).includes(nameKey(byId.name));
  return [...name.matchAll(QUALIFIER)]
    .filter((match) => !match[0].includes('/') || !joinsNames(name.slice(match.index + match[0].length).trim()))
    .map((match) => name.slice(0, match.index).trim())
    .filter(Boolean)
    .reverse();
}

/** The current techniques whose exact name `name` is. */
function exactIds(target: AttackIndex, name: string): TechniqueId[] {
  return target.techniquesByName(name).filter((technique) => !technique.revoked && !technique.deprecated).map((technique) => technique.id);
}

/** What checking the name written beside an ID works with, and where it reports. */
interface NameCheck {
  id: TechniqueId;
  name: string;
  /** The name as `nameKey` folds it. */
  key: string;
  /** The technique the ID names in the release where it was found. */
  found: TechniqueRecord;
  /** The technique the ID resolves to: its replacement when revoked, else `found`. */
  byId: TechniqueRecord;
  tactics: readonly TacticShortname[];
  context: ResolveContext;
  trail: string[];
  warnings: string[];
  /** The outcome by the ID alone. */
  outcome: Outcome;
  /** The IDs one name serves (`PowerShell/JScript` beside `T1059.001/.007`): its words may name any of them. */
  beside: readonly TechniqueId[];
}

/** The ID's outcome with a note, said in the trail too (and as a warning when `warn`). */
function noted(check: NameCheck, message: string, warn = false): Outcome {
  if (warn) check.warnings.push(message);
  check.trail.push(`name check: ${message}`);
  return { ...check.outcome, notes: [...check.outcome.notes, message] };
}

/** A technique's names as keys: its own and its full `Parent: Sub` name. */
function namesOf(index: AttackIndex, technique: TechniqueRecord | undefined): string[] {
  return technique ? [nameKey(technique.name), nameKey(fullName(index, technique))] : [];
}

/** The ID decided; now the name written beside it must agree, be an older name of it, or the reference is ambiguous. */
function checkName(
  id: TechniqueId,
  name: string,
  found: TechniqueRecord,
  final: TechniqueRecord | undefined,
  steps: readonly TechniqueRecord[],
  tactics: readonly TacticShortname[],
  context: ResolveContext,
  trail: string[],
  warnings: string[],
  outcome: Outcome,
  beside: readonly TechniqueId[],
): Outcome {
  const check: NameCheck = { id, name, key: nameKey(name), found, byId: final ?? found, tactics, context, trail, warnings, outcome, beside };
  const known = knownNameOutcome(check, steps);
  if (known) return known;
  const named = namedTechniques(check);
  return 'status' in named ? named : nameVerdict(check, named);
}

/** What a name beside an ID is among the names at hand (the target's and the source's), as `nameAtHand` reads it. */
type AtHand =
  | { kind: 'current' }
  | { kind: 'older' }
  | { kind: 'runTogether'; parent: TechniqueRecord }
  | { kind: 'typo'; typo: string }
  | { kind: 'parent'; parent: TechniqueRecord };

/**
 * Whether a name is the sub-technique's parent's name and its own run together, with no colon (`PhishingSpearphishing
 * Attachment`, `Command and Scripting InterpreterPowerShell`): a table's Technique and Sub-technique cells as
 * PDF-to-text or a scrape leave them (Stefan Behling's blog table, `Initial AccessPhishingSpearphishing Attachment
 * (T1566.001)`), or a heading whose colon was lost (`PHISHINGSPEARPHISHING VIA SERVICE`, a PDF report on Prilex as
 * text). One obvious reading, said as such, not as a misspelling.
 */
function isRunTogether(key: string, parent: TechniqueRecord | undefined, sub: TechniqueRecord): boolean {
  return parent !== undefined && [`${parent.name}${sub.name}`, `${parent.name} ${sub.name}`].some((joined) => nameKey(joined) === key);
}

/**
 * The name beside an ID among the names at hand, before any older release is asked: the name of the ID's technique, of
 * a technique its revocation went through (or the source release's), a misspelling of one (loading every older release
 * to learn that "Spearphising Link" is no older name of T1192 would cost a cold cache all of them), or its parent's
 * (`Process Injection (T1055.001)`: the two agree; the ID is the more precise); undefined when it is none of these.
 */
function nameAtHand(check: Pick<NameCheck, 'id' | 'name' | 'key' | 'found' | 'byId' | 'context'>, steps: readonly TechniqueRecord[]): AtHand | undefined {
  const { id, name, key, found, byId, context } = check;
  const { target, source } = context;
  const current = namesOf(target, byId);
  if (current.includes(key)) return { kind: 'current' };
  const older = [...steps.flatMap((step) => namesOf(target, step)), ...(source ? namesOf(source, source.technique(id)) : [])];
  if (older.includes(key)) return { kind: 'older' };
  const parent = byId.parent ? target.technique(byId.parent) : undefined;
  if (isRunTogether(key, parent, byId)) return { kind: 'runTogether', parent: parent! };
  const typo = [...current, ...older].find((known) => isTypoOf(name, key, known));
  if (typo) return { kind: 'typo', typo };
  const parentNames = [...namesOf(target, parent), ...(found.parent ? namesOf(target, target.technique(found.parent)) : [])];
  return parent && parentNames.includes(key) ? { kind: 'parent', parent } : undefined;
}

/**
 * Whether `resolveReference` reads a name written beside an ID with the release at hand alone (`nameAtHand`), asking no
 * older release: the ID's technique's name, a misspelling of it, its parent's; also for an ID the release does not have.
 */
export function nameKnownAtHand(name: string, id: TechniqueId, target: AttackIndex): boolean {
  const found = target.technique(id);
  if (!found) return true;
  const chain = target.revocationChain(found.id);
  const steps = chain.steps.length ? chain.steps : [found];
  const byId = (found.revoked ? chain.final : found) ?? found;
  return nameAtHand({ id, name, key: nameKey(name), found, byId, context: { target } }, steps) !== undefined;
}

/**
 * The outcome when the name is one the ID's technique has or had: its name (or a misspelling of it), an older name,
 * or its parent's; undefined when it is none of these.
 */
function knownNameOutcome(check: NameCheck, steps: readonly TechniqueRecord[]): Outcome | undefined {
  const { id, name, key, found, byId, context, trail, outcome } = check;
  const { target } = context;
  const atHand = nameAtHand(check, steps);
  if (atHand?.kind === 'current') return outcome;
  if (atHand?.kind === 'older') return olderName(name, id, found, target, trail, outcome);
  if (atHand?.kind === 'runTogether') {
    const { parent } = atHand;
    trail.push(`name check: "${name}" read as "${fullName(target, byId)}" (the parent's and the sub-technique's names run together)`);
    return {
      ...outcome,
      notes: [...outcome.notes, `the name "${name}" is the names of ${parent.id} ${parent.name} and ${byId.id} ${byId.name} run together (a table's two cells, or a colon lost); read as ${fullName(target, byId)}`],
    };
  }
  if (atHand?.kind === 'typo') {
    trail.push(`name check: "${name}" read as "${atHand.typo}" (a typo)`);
    return { ...outcome, notes: [...outcome.notes, `the name "${name}" was read as a misspelling of ${fullName(target, byId)}`] };
  }
  if (atHand?.kind === 'parent') {
    return noted(check, `the name "${name}" is that of ${atHand.parent.id}, the parent technique of ${byId.id}; read as the sub-technique the ID names`);
  }
  for (const index of context.history?.() ?? []) {
    if (namesOf(index, index.technique(id)).includes(key)) return olderName(name, id, found, target, trail, outcome, index);
  }
  return undefined;
}

/** The techniques a name that is not the ID's names, and the part of it that names them. */
interface NamedTechniques {
  /** The techniques the name (or `naming`) resolves to; none for a deprecated technique's name. */
  ids: TechniqueId[];
  /** The name, or the parent part of `Parent: own words`. */
  naming: string;
  byName: Outcome;
}

/**
 * Which techniques the name names, or the outcome when it names none that could disagree with the ID: the writer's
 * own words, or `Parent: own words` whose parent is the ID's technique.
 */
function namedTechniques(check: NameCheck): NamedTechniques | Outcome {
  const { id, name, byId, tactics, context, trail, outcome } = check;
  const { target } = context;
  const byName = resolveName(name, tactics, context, []);
  // A name several techniques share (`Spearphishing Attachment` is T1566.001 and T1598.002) is still a name: the ID's
  // family (itself, its parent, its sub-techniques and its siblings) chooses among them. `Spearphishing Attachment
  // (T1566)` agrees; `Spearphishing Attachment (T1566.002)`, its sibling's name, disagrees with the ID.
  const shared = byName.ids.length || byName.status !== 'ambiguous' ? [] : byName.candidates.map((c) => c.id);
  const family = shared.filter((other) => other === byId.id || related(target, byId, other) || (!!byId.parent && target.technique(other)?.parent === byId.parent));
  const ids = byName.ids.length ? byName.ids : family.length ? family : shared;
  if (ids.length || byName.status === 'deprecated') return { ids, naming: name, byName };
  // `Active Scanning: port scan (T1046)`, `Command and Scripting Interpreter: PHP (T1059.006)`: a technique's name, a
  // colon and the writer's own words. The technique named must be the ID's (or its parent); its own words that are
  // no sub-technique of it are said.
  const [parentPart, subPart] = splitFullName(name);
  const parentIds = subPart ? resolveName(parentPart, tactics, context, []).ids : [];
  const root = byId.parent ?? byId.id;
  // The family of the ID: its technique and that technique's sub-techniques (`Scheduled Task`, T1053's old name,
  // now reads as T1053.005: `Scheduled Task: At (T1053.002)` agrees).
  const inFamily = (other: TechniqueId): boolean => other === root || target.technique(other)?.parent === root;
  if (parentIds.length === 1 && !inFamily(parentIds[0]!)) return { ids: parentIds, naming: parentPart, byName };
  const own = byId.parent ? nameKey(byId.name) : undefined;
  if (parentIds.length === 1 && own !== undefined && !ownWords(subPart!, own, byId.id, check)) {
    return noted(check, `"${subPart}" in the name "${name}" is not ${describe(target, byId)}; ${id} kept as written: check it`, true);
  }
  // `Wordlist Scanning via key enum (T1590.005)`, `Phishing - email (T1003)`: a technique's exact name, then the writer's
  // own words after `via`, `using`, `with`, `through`, a dash or a slash. A technique so named that is not the ID's, its
  // parent or its sub-technique (nor another ID the name serves) disagrees with the ID, as `Wordlist Scanning: key enum`
  // does; so does a misspelling of its name, as alone (`Exfiltration Over Other Network Mediums / RClone & Cloud (T1567)`,
  // 8Base's TTP table, where T1011 is Exfiltration Over Other Network Medium).
  if (parentIds.length !== 1) {
    const misspelt = (part: string): TechniqueId[] => {
      const read = resolveName(part, tactics, context, [], false);
      return read.status === 'fuzzy' ? read.ids : [];
    };
    const named = qualifiedParts(name, target, byId)
      .map((part) => ({ part, ids: exactIds(target, part) }))
      .map(({ part, ids }) => ({ part, ids: ids.length ? ids : misspelt(part) }))
      .find(({ ids }) => ids.length === 1);
    const other = named?.ids[0];
    if (named && other && other !== byId.id && !related(target, byId, other) && !check.beside.includes(other)) return { ids: named.ids, naming: named.part, byName };
  }
  const siblings = siblingsNamedIn(name, byId, target).filter((sibling) => !check.beside.includes(sibling.id));
  if (siblings.length) {
    const named = siblings.map((sibling) => `"${sibling.name}", the name of ${describe(target, sibling)}`).join(', and ');
    return noted(check, `"${name}" beside ${id} holds ${named}, while ${id} is ${fullName(target, byId)}; ${id} kept as written: check that it is the technique meant`, true);
  }
  // `T1601 Modify System Process`, a kill-chain figure's node: words that are another technique's name cut short (T1543
  // Create or Modify System Process), not the ID's, say another technique; the ID stands, with a warning.
  const cutOf = cutShortOfAnother(name, byId, target);
  if (cutOf.length) {
    const others = cutOf.map((other) => describe(target, other)).join(', ');
    return noted(check, `"${name}" is words of ${others}, cut short, not of ${describe(target, byId)}; ${id} kept as written: check that it is the technique meant`, true);
  }
  trail.push(notATechniqueName(name));
  return outcome;
}

/**
 * The current techniques, outside the ID's technique and its sub-techniques, whose name holds the words of a name of two
 * words or more, not all in lower case, as a run (`Modify System Process` in T1543 Create or Modify System Process), when
 * the ID's own name does not and they are of one technique family.
 */
function cutShortOfAnother(name: string, byId: TechniqueRecord, target: AttackIndex): TechniqueRecord[] {
  const words = wordsKey(name);
  // A sentence's words in lower case (`cloud storage (T1537)`) describe what was done, as elsewhere.
  if (!/[A-Z]/.test(name) || words.trim().split(' ').length < 2 || wordsKey(fullName(target, byId)).includes(words)) return [];
  const root = byId.parent ?? byId.id;
  const holding = target
    .allTechniques()
    .filter((other) => !other.revoked && !other.deprecated && other.id !== root && other.parent !== root)
    .filter((other) => wordsKey(fullName(target, other)).includes(words))
    .filter((other, _, all) => !all.some((each) => each.id === other.parent));
  // Words that several technique families hold are general words, no sign of one of them.
  return new Set(holding.map((other) => other.parent ?? other.id)).size === 1 ? holding : [];
}

/** The words of a name, as a key to find one name's words among another's (` dns tunneling data exfil `). */
const wordsKey = (name: string): string => ` ${(nameKey(name).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;

/**
 * The sibling sub-techniques whose name stands among the words of a name that is no technique's, and not the ID's own
 * (`DNS Tunneling Data Exfil` beside T1071.001 Web Protocols holds `DNS`, T1071.004's): a sub-technique number written
 * wrong, or a vector number read as one (`T1071-001`), is caught as a sibling's exact name beside it is. A one-word name
 * in common English use (`At`, T1053.002) says nothing.
 */
function siblingsNamedIn(name: string, byId: TechniqueRecord, target: AttackIndex): TechniqueRecord[] {
  if (!byId.parent) return [];
  const words = wordsKey(name);
  if (words.includes(wordsKey(byId.name))) return [];
  return target
    .children(byId.parent)
    .filter((sibling) => sibling !== byId && !sibling.revoked && !sibling.deprecated)
    .filter((sibling) => words.includes(wordsKey(sibling.name)) && (/\s/.test(sibling.name.trim()) || !isCommonEnglishWord(sibling.name)));
}

/**
 * Whether the writer's own words after `Parent:` say the ID's sub-technique: its name or a misspelling of it, an alias
 * that names it (`Remote Services: RDP`), or some of its name's words (`Credentials from Password Stores: Browsers`).
 */
function ownWords(words: string, own: string, id: TechniqueId, check: NameCheck): boolean {
  const key = nameKey(words);
  if (typoClose(key, own)) return true;
  // Its name's words are parted by spaces, hyphens and slashes (`SMB/Windows Admin Shares`, `Dynamic-link Library`);
  // a word in capitals whose letters begin a run of them stands for that run (`DLL Injection`, `WMI Event Subscription`).
  const ownList = own.split(/[\s/-]+/);
  const ownSet = new Set(ownList);
  const written = words.split(/[\s/-]+/).filter(Boolean);
  if (written.every((word) => ownSet.has(nameKey(word)) || isInitialsOf(word, ownList))) return true;
  return resolveName(words, check.tactics, check.context, []).ids.includes(id);
}

/**
 * Whether a word in capitals (`DLL`) is the initials of a run of the words (`dynamic link library injection`). Two
 * letters are too few to tell an abbreviation from a chance (`AD` and `Account Discovery`).
 */
export function isInitialsOf(word: string, words: readonly string[]): boolean {
  if (!/^[A-Z]{3,6}$/.test(word)) return false;
  const initials = words.map((each) => each.charAt(0)).join('');
  return initials.includes(word.toLowerCase());
}

/**
 * Whether a word in capitals (`WMI`) is the initials of the first words of a name, and not of all of them (`Windows
 * Management Instrumentation Event Subscription`); three letters at least, as in `isInitialsOf`.
 */
function startInitials(word: string, name: string): boolean {
  const initials = nameKey(name).split(/[\s/-]+/).filter(Boolean).map((each) => each.charAt(0)).join('');
  return /^[A-Z]{3,6}$/.test(word.trim()) && initials.length > word.trim().length && initials.startsWith(word.trim().toLowerCase());
}

/** Whether another technique is a sub-technique of the ID's, or its parent. */
function related(target: AttackIndex, byId: TechniqueRecord, other: TechniqueId): boolean {
  return target.technique(other)?.parent === byId.id || byId.parent === other;
}

/** The name names other techniques than the ID: a closer relative, a tool's word, a description, or a conflict. */
function nameVerdict(check: NameCheck, named: NamedTechniques): Outcome {
  const { id, name, key, found, byId, context, warnings, trail, outcome } = check;
  const { target } = context;
  const others = named.ids.filter((other) => !outcome.ids.includes(other));
  if (!others.length && named.ids.length) return outcome;
  // `T1595 | Active Scanning: Vulnerability Scanning` (ESET's ATT&CK tables): the parent's ID beside the full `Parent: Sub`
  // name of one of its sub-techniques, the parent's name written out, names that sub-technique, as the ID's link does
  // where the page keeps it (`T1595 Active Scanning: Vulnerability Scanning` linked to /techniques/T1595/002/); read as
  // it, and said. The sub-technique's name alone (`Scheduled Task (T1053)`, once T1053's own name) is only closer.
  const sub = others.length === 1 && !byId.parent ? target.technique(others[0]!) : undefined;
  if (sub?.parent === byId.id && key === nameKey(fullName(target, sub)) && outcome.ids.includes(byId.id)) {
    const message = `${id} is the parent of ${sub.id}, and "${name}" is ${sub.id}'s full name (the parent's name, then the sub-technique's): read as ${sub.id}`;
    trail.push(`name check: ${message}`);
    return { ...outcome, ids: outcome.ids.map((each) => (each === byId.id ? sub.id : each)), notes: [...outcome.notes, message] };
  }
  if (others.length && others.every((other) => related(target, byId, other))) {
    const closer = others.map((other) => describe(target, target.technique(other)!)).join(', ');
    return noted(check, `the name "${name}" is closer to ${closer}; ${id} kept as written`);
  }
  // `SSH (T1048.002)`, `PowerShell (T1105)`: one word that is the bare name of a sub-technique of another technique is
  // the protocol or tool the behaviour used, not a second technique, also before the writer's own words (`PowerShell via
  // a download cradle`, `PowerShell: a download cradle`); a sibling's name (`PowerShell (T1059.003)`) and a
  // name of several words (`Spearphishing Attachment (T1204.002)`) still disagree.
  const toolWord = (other: TechniqueId): boolean => {
    const technique = target.technique(other);
    const oneWord = !/\s/.test(named.naming.trim());
    return oneWord && !!technique?.parent && technique.parent !== byId.parent && technique.parent !== byId.id && nameKey(technique.name) === nameKey(named.naming);
  };
  if (others.length && others.every(toolWord)) {
    const tools = others.map((other) => describe(target, target.technique(other)!)).join(', ');
    return noted(check, `"${named.naming}" is also the name of ${tools}, a sub-technique of another technique: read as the tool or protocol used; ${id} kept as written`);
  }
  const namedAs = named.ids.length ? named.ids.map((i) => describe(target, target.technique(i)!)).join(' or ') : 'a deprecated technique';
  // `T1546.003（WMI）` (a Japanese README's coverage table): a word in capitals that is the initials of the first words of
  // the ID's own name (Windows Management Instrumentation Event Subscription) is that name cut short, though it is
  // another technique's alias too (T1047 Windows Management Instrumentation).
  if (others.length && startInitials(named.naming, byId.name)) {
    return noted(check, `"${named.naming}" abbreviates the first words of ${id}'s name, ${byId.name} (it is also an alias of ${namedAs}): read as ${id}`);
  }
  const cut = others.length ? cutShort(check, others, namedAs, named.byName.status) : undefined;
  if (cut) return cut;
  // `malicious links [T1566.002]`: words of a sentence, in lower case, that only come close to another technique's name
  // (T1204.001 Malicious Link) describe what was done; they do not make the ID written wrong. The ID stands, with a
  // warning. Another technique's name itself, in any case (`process injection (T1003)`), disagrees.
  // So are a sentence's words that are only a sub-technique's own name in another family, without its parent's
  // (`to log in to a target's email account [T1078]`, the NCSC's AA23-341A: T1087.003's `Email Account`).
  const subName = (other: TechniqueId): boolean => {
    const technique = target.technique(other);
    return !!technique?.parent && technique.parent !== byId.parent && technique.parent !== byId.id && nameKey(technique.name) === nameKey(named.naming);
  };
  const lowerCase = /[a-z]/.test(name) && !/[A-Z]/.test(name);
  if (lowerCase && (named.byName.status === 'fuzzy' || (others.length && others.every(subName)))) {
    return noted(check, `the words "${name}" beside ${id} are the name of ${namedAs}; read as a description, ${id} kept as written: check that it is the technique meant`, true);
  }
  const message =
    `${id} and "${name}" disagree: ${id} is ${found.name}${byId !== found ? ` (now ${describe(target, byId)})` : ''}, ` +
    `while "${named.naming}" is ${namedAs}; write the one you mean`;
  warnings.push(message);
  return {
    status: 'ambiguous',
    ids: [],
    notes: [message],
    candidates: [
      candidate(target, byId, `by the ID ${id}`),
      ...others.map((other) => candidate(target, target.technique(other)!, `by the name "${name}"`)),
    ],
  };
}

/**
 * `T1190 Exploit`, `T1567 Web Service` (a matrix's cells, each name cut to the column's width): words that are a run of
 * the words of the ID's technique's name are that name cut short, and support the ID. Close to another technique's name
 * only (`Exploit`, T1587.004 Exploits), or to the names of several (`Domain`), they are read as the ID's. When they are another technique's name too (`Web
 * Service`, T1102), the tactic written with the reference settles it when it is the ID's technique's and not the other's;
 * when it is the other's and not the ID's, the two disagree (undefined); else the ID stands, with a warning.
 */
function cutShort(check: NameCheck, others: readonly TechniqueId[], namedAs: string, byNameStatus: ReferenceStatus): Outcome | undefined {
  const { id, name, key, byId, tactics, context } = check;
  const { target } = context;
  const words = wordsKey(name);
  if (!words.trim() || !wordsKey(fullName(target, byId)).includes(words)) return undefined;
  const own = `"${name}" is words of ${describe(target, byId)}, cut short`;
  const exact = byNameStatus === 'alias' || byNameStatus === 'renamed' || others.some((other) => namesOf(target, target.technique(other)).includes(key));
  if (!exact) return noted(check, `${own}; read as ${id}`);
  const fits = (technique: TechniqueRecord): boolean => technique.tactics.some((tactic) => tactics.includes(tactic));
  const idFits = fits(byId);
  const otherFits = others.some((other) => fits(target.technique(other)!));
  if (otherFits && !idFits) return undefined;
  if (idFits && !otherFits) {
    const tactic = tacticList(target, tactics.filter((each) => byId.tactics.includes(each)));
    return noted(check, `${own}, and the name of ${namedAs}; the tactic ${tactic} is ${byId.id}'s, not theirs: ${id} kept as written`);
  }
  return noted(check, `${own}, but the name of ${namedAs}; ${id} kept as written: check that it is the technique meant`, true);
}

/** Map techniques found in some release to current ones of the target, following revoked-by chains (across releases). */
function toTarget(index: AttackIndex, hits: readonly TechniqueRecord[], context: ResolveContext): TechniqueRecord[] {
  const { target } = context;
  const finals: TechniqueRecord[] = [];
  for (const hit of hits) {
    const here = index === target ? hit : target.techniqueByStixId(hit.stixId) ?? target.technique(hit.id);
    if (!here) continue;
    const final = here.revoked ? target.revocationChain(here.id).final : here;
    if (final && !finals.includes(final)) finals.push(final);
  }
  return finals;
}

/**
 * The outcome of an ID written with another name its technique has in another release (`in`, when known): an older
 * name, or, with a target older than that release, a newer one (T1429 `Audio Capture` of mobile 18.1 in a layer of 9.0,
 * where it is Capture Audio).
 */
function olderName(name: string, id: TechniqueId, found: TechniqueRecord, target: AttackIndex, trail: string[], outcome: Outcome, from?: AttackIndex): Outcome {
  const newer = from !== undefined && compareReleases(from.release, target.release) > 0;
  trail.push(`name check: "${name}" is ${newer ? `the name in ATT&CK ${from.release}, a newer release,` : 'an older name'} of ${id}`);
  if (outcome.status === 'current') {
    const note = newer
      ? `${id} was written with its name in ATT&CK ${from.release}, "${name}", a newer release; in ATT&CK ${target.release} it is ${fullName(target, found)}`
      : `${id} was written with its older name "${name}"; it is now ${fullName(target, found)}`;
    return { ...outcome, status: 'renamed', notes: [note] };
  }
  return outcome;
}

/** The source release, then the history, each loaded only when the search reaches it. */
function* olderReleases(context: ResolveContext): Generator<AttackIndex> {
  if (context.source) yield context.source;
  yield* context.history?.() ?? [];
}

/**
 * Resolve a name alone: exactly, then by older names, then by a close name; a tactic decides between equals. An exact name
 * of another domain's technique is `other domain` before any close name. An unknown name's note lists similar names
 * unless `similarNames` is false.
 */
function resolveName(name: string, tactics: readonly TacticShortname[], context: ResolveContext, trail: string[], similarNames = true): Outcome {
  const todayTrail: string[] = [];
  const today = currentReading(name, tactics, context, todayTrail, similarNames);
  const stated = statedReleaseName(name, tactics, context, trail, today);
  if (stated) return stated;
  trail.push(...todayTrail);
  return today;
}

/**
 * A name as the release the campaign states (`attack_version`) names it, brought to the target as its IDs are: `Scheduled
 * Task` in a campaign of ATT&CK 6.3 is T1053 (now Scheduled Task/Job), not T1053.005, today's technique of that name;
 * `Spearphishing Attachment` is 6.3's T1193, revoked by T1566.001, not also T1598.002. Undefined when no release is
 * stated, when it does not have the name (read as today), or when it reads the name as today does (today's reading
 * stands, its status and note unchanged).
 */
function statedReleaseName(name: string, tactics: readonly TacticShortname[], context: ResolveContext, trail: string[], today: Outcome): Outcome | undefined {
  const { target, source } = context;
  if (!source || source === target) return undefined;
  const exact = source.techniquesByName(name);
  // `Spear Phishing Link`, `Spearphishing via Attachment` in a campaign of 6.3: no exact name of either release, read in
  // the stated release's names as today's reading reads them (6.3's T1192, T1193), where today reads no exact name.
  const form = exact.length || target.techniquesByName(name).length || !FORM_READINGS.includes(today.status) ? undefined : nameFormIn(name, source);
  const hits = form?.hits ?? exact;
  if (!hits.length) return undefined;
  const ids = hits.map((t) => t.id).join(', ');
  // `Local Accounts` under Discovery in a campaign of 8.2: its T1078.003 has no such tactic; today's reading, chosen by
  // the tactic (T1087.001 Local Account), stands.
  const fits = (t: TechniqueRecord | undefined): boolean => !!t && t.tactics.some((tactic) => tactics.includes(tactic));
  if (tactics.length && today.ids.length && today.ids.every((id) => fits(target.technique(id))) && !toTarget(source, hits, context).some(fits)) {
    trail.push(`name: "${name}" is ${ids} in ATT&CK ${source.release}, the release the campaign states, of none of the tactics written: read as today`);
    return undefined;
  }
  const via = `its name in ATT&CK ${source.release}, the release the campaign states (${ids})${form ? `, ${form.how}` : ''}`;
  const finals = toTarget(source, hits, context);
  const status: ReferenceStatus = form ? 'fuzzy' : finals.length && finals.every((t) => nameKey(t.name) === nameKey(name)) ? 'name' : 'renamed';
  const picked: string[] = [];
  const read = pick(name, { index: source, hits }, status, via, tactics, context, picked);
  const stated = `"${name}" is ${ids} in ATT&CK ${source.release}, the release the campaign states${form ? ` (${form.how})` : ''}`;
  // `Spearphishing Link` in a campaign of 8.2: ambiguous then as today, between the same two techniques.
  const sameCandidates = read.status === 'ambiguous' && today.status === 'ambiguous' && read.candidates.map((c) => c.id).join() === today.candidates.map((c) => c.id).join();
  if ((read.ids.length || sameCandidates) && read.ids.join() === today.ids.join()) {
    trail.push(`name: ${stated}; read the same today`);
    return undefined;
  }
  // `Distributed Component Object Model` in a campaign of ATT&CK 3.0: T1175, deprecated, whose notice names T1021.003,
  // today's technique of that name: that one is what the name meant.
  if (read.status === 'deprecated' && today.ids.length && today.ids.every((id) => read.candidates.some((c) => c.id === id))) {
    const message = `${stated}, deprecated in ATT&CK ${target.release}, which points to ${read.candidates.map((c) => c.id).join(', ')}: read as ${today.ids.join(', ')}, the one the name is today`;
    trail.push(`name: ${message}`);
    return { ...today, notes: [...today.notes, message] };
  }
  const without = today.ids.length
    ? `; without it, the name would be read as ${today.ids.map((id) => describe(target, target.technique(id)!)).join(', ')}`
    : today.candidates.length
      ? `; without it, the name would be ${today.status} (${today.candidates.map((c) => c.id).join(', ')})`
      : '';
  trail.push(`name: ${stated}; read as that release names it${without}`, ...picked);
  return { ...read, notes: [...read.notes.slice(0, 1).map((note) => `${note}${without}`), ...read.notes.slice(1)] };
}

// What today's reading of a name that is no exact name can be: the stated release's reading of its form may differ.
const FORM_READINGS: readonly ReferenceStatus[] = ['fuzzy', 'ambiguous', 'unknown'];

/** `resolveName` without the release the campaign states: the name as the target and the releases at hand read it. */
function currentReading(name: string, tactics: readonly TacticShortname[], context: ResolveContext, trail: string[], similarNames: boolean): Outcome {
  const { target } = context;
  const key = nameKey(name);
  const exact = target.techniquesByName(name);
  const currentHits = exact.filter((t) => !t.revoked);
  if (currentHits.some((t) => !t.deprecated) || exact.length) {
    const otherForm = tacticsChooseOtherForm(name, exact, tactics, context, trail);
    if (otherForm) return otherForm;
    const byCurrentName = currentHits.some((t) => !t.deprecated);
    const via = byCurrentName ? 'its exact name' : `the name of revoked ${exact.filter((t) => t.revoked).map((t) => t.id).join(', ')}`;
    return pick(name, { index: target, hits: exact }, byCurrentName ? 'name' : 'renamed', via, tactics, context, trail);
  }
  const alias = techniqueAlias(name);
  if (alias) {
    const aliased = resolveId(alias.id, undefined, tactics, { target }, trail, []);
    if (aliased.ids.length) {
      const via = aliased.status === 'revoked' ? ` (${aliased.notes.join('; ')})` : '';
      const message = `"${name}" is a common abbreviation of ${aliased.ids.map((i) => describe(target, target.technique(i)!)).join(', ')}${via}`;
      trail.push(`name: ${message} (table of abbreviations)`);
      return { status: 'alias', ids: aliased.ids, notes: [message], candidates: [] };
    }
  }
  for (const index of olderReleases(context)) {
    const hits = index.techniquesByName(name);
    if (hits.length) {
      return pick(name, { index, hits }, 'renamed', `its name in ATT&CK ${index.release} (${hits.map((t) => t.id).join(', ')})`, tactics, context, trail);
    }
  }
  // `Inhibit Response Function`, `Defense Evasion`: a tactic written where a technique belongs.
  const tactic = tacticAsReference(name, context);
  if (tactic) return { status: 'unknown', ids: [], notes: [tactic], candidates: [] };
  // `Mimikatz`: a group or software written where a technique belongs.
  const objects = target.actors(name).map((actor) => target.finalActor(actor));
  if (objects.length) {
    const named = [...new Map(objects.map((o) => [o.id, o])).values()];
    const kinds = named.map((o) => `${objectKind(o)} ${o.id} ${o.name}`);
    const where = named.some((o) => objectKind(o) === 'software') ? 'list it under `software:` (its documented techniques then come in as inferred)' : 'write it as the campaign\'s `actor:`';
    return {
      status: 'unknown',
      ids: [],
      notes: [`"${name}" is not a technique: it is ${kinds.join(' and ')} in ATT&CK ${target.label}; ${where}`],
      candidates: [],
    };
  }
  const byPart = subTechniqueByPart(name, target);
  if (byPart) {
    const via = `${byPart.how} ("${byPart.written}"), the only sub-technique of ${byPart.parent.id} ${byPart.parent.name} ${byPart.so}`;
    trail.push(`name: "${name}" read as "${fullName(target, byPart.sub)}" (${via})`);
    return pick(name, { index: target, hits: [byPart.sub] }, 'fuzzy', via, tactics, context, trail);
  }
  const runInto = subNameRunIntoParent(name, target);
  if (runInto) {
    const via = `its name run into its parent's ("${runInto.sub.name}", then "${runInto.parent.name}", "${runInto.shared}" written once)`;
    trail.push(`name: "${name}" read as "${fullName(target, runInto.sub)}" (${via})`);
    return pick(name, { index: target, hits: [runInto.sub] }, 'fuzzy', via, tactics, context, trail);
  }
  // `Boot/Logon Autostart Execution`, `Create/Modify System Process` (detection READMEs' and SOC tables' names): a slash
  // between two words for the "or" of ATT&CK's name. Names that hold a slash (`Scheduled Task/Job`) are read above.
  const slashed = name.replace(/(\p{L})\s*\/\s*(\p{L})/gu, '$1 or $2');
  if (slashed !== name) {
    const read = resolveName(slashed, tactics, context, [], false);
    if (read.ids.length && !read.notes.some((note) => note.includes('a close name'))) {
      trail.push(`name: "${name}" read as "${slashed}" (a slash for the "or" of the name)`);
      return { ...read, status: read.status === 'name' ? 'fuzzy' : read.status, notes: [`"${name}" read as "${slashed}" (a slash for "or"): ${read.notes.join('; ')}`] };
    }
  }
  // `Credential Dumping - LSASS Memory`, `Hijack Execution Flow - DLL Search Order Hijacking` (a threat profile's and an
  // incident timeline's ATT&CK lists): a technique and its sub-technique apart by a dash set off by spaces are read as the
  // colon ATT&CK writes, older names and misspellings as with the colon; no technique's name holds such a dash.
  const dashed = readAsColon(name, /\s+[-–—]\s+/, 'a dash', tactics, context, trail);
  if (dashed) return dashed;
  const glossed = glossedName(name, tactics, context);
  if (glossed) {
    trail.push(`name: "${name}" read as "${glossed.before}", the words in brackets the writer's own`);
    return glossed.read;
  }
  const limit = typoLimit(key.length);
  const { distance: best, hits: closest, known: closestName } = closestNames(name, target);
  // `Credentials from Password Store` (mobile T1634) in an enterprise campaign: another domain's exact name is no typo.
  const foreign = context.otherDomainNames?.(name) ?? [];
  if (foreign.length) {
    const close = best <= limit ? toTarget(target, closest, context).map((t) => candidate(target, t, `a close name ("${closestName}", ${best} edit${best > 1 ? 's' : ''} away)`)) : [];
    // `Denial of Service` (ICS T0814, and MBC's B0033) in an enterprise campaign: the target's own techniques whose
    // names hold it (Endpoint, Network Denial of Service) are as likely meant as the other domain's.
    const holding = namesHolding(name, target).filter((t) => !close.some((c) => c.id === t.id));
    close.push(...holding.map((t) => candidate(target, t, `its name holds "${name}"`)));
    const advice = holding.length
      ? `in ${target.domain}, ${holding.map((t) => `${t.id} ${t.name}`).join(' and ')} ${holding.length > 1 ? 'hold' : 'holds'} the name: write the one meant; ` +
        `if the report means ${foreign[0]!.id} itself, ${(context.otherDomainAdvice ?? otherDomainCampaignAdvice)(foreign[0]!)}`
      : (context.otherDomainAdvice ?? otherDomainCampaignAdvice)(foreign[0]!);
    const closeText = close.length > holding.length ? `; close in ${target.domain}: ${close.filter((c) => !holding.some((t) => t.id === c.id)).map((c) => `${c.id} ${c.name}`).join(', ')}` : '';
    trail.push(`name: "${name}" is no name in ATT&CK ${target.label}; found in ${[...new Set(foreign.map((f) => f.label))].join(', ')}`);
    return {
      status: 'other domain',
      ids: [],
      notes: [`"${name}" is the name of ${foreign.map((f) => otherDomainTechniqueText(f, true)).join(' and ')}, not in ${target.domain}: ${advice}${closeText}`],
      candidates: close,
    };
  }
  // `Email Address`, `Password Spray`: a name of the release in other forms of its words, before any close name (and
  // after another domain's exact name: `Credentials from Password Store` is Mobile's T1634).
  const forms = nameForms(name, target);
  if (forms.length) return pickForms(name, forms, tactics, context, trail);
  if (best <= limit && closest.length) {
    trail.push(`name: "${name}" read as "${closestName}" (${best} edit${best > 1 ? 's' : ''} away)`);
    return pick(name, { index: target, hits: closest }, 'fuzzy', `a close name ("${closestName}", ${best} edit${best > 1 ? 's' : ''} away)`, tactics, context, trail);
  }
  // `Registry query`, `Hijacking DLL Search Order`, `Accessibility Feature Abuse`: a name of the release in its words in
  // another order, joined by other small words, or followed by `abuse`, where no close name is (a misspelling is the
  // likelier reading of a name a letter or two away).
  const reordered = reorderedNameForms(name, target);
  if (reordered.length) return pickForms(name, reordered, tactics, context, trail);
  // `Phishing via Attachment`, `Credential Dumping from LSASS Memory`: a technique's name, then its sub-technique's after
  // `via` or `from`, read as the dash is where nothing above read the whole (`Spearphishing via Attachment` is read
  // above, its words those of Spearphishing Attachment).
  const linked = readAsColon(name, /\s+(?:via|from)\s+/i, '"via" or "from"', tactics, context, trail, true);
  if (linked) return linked;
  const part = tactics.length ? namePart(name, tactics, target) : undefined;
  if (part) {
    const message = `"${name}" is ${describe(target, part)}, by a part of its name ("${part.name}"), the only technique of ${tactics.map((tactic) => target.tacticName(tactic)).join(' or ')} so named`;
    trail.push(`name: ${message}`);
    return { status: 'fuzzy', ids: [part.id], notes: [message], candidates: [] };
  }
  if (!similarNames) return { status: 'unknown', ids: [], notes: [`"${name}" is not the name of a technique in ATT&CK ${target.label}`], candidates: [] };
  const suggestions = [...target.names()]
    .map(([known, techniques]) => [editDistance(key, known, Math.max(3, Math.floor(key.length / 3))), techniques] as const)
    .filter(([distance]) => distance <= Math.max(3, Math.floor(key.length / 3)))
    .sort((a, b) => a[0] - b[0])
    .slice(0, 3);
  const candidates = toTarget(target, suggestions.flatMap(([, t]) => t), context).map((t) => candidate(target, t, 'a similar name'));
  return {
    status: 'unknown',
    ids: [],
    notes: [`"${name}" is not the name of a technique in ATT&CK ${target.label}${candidates.length ? `; similar: ${candidates.map((c) => `${c.id} ${c.name}`).join(', ')}` : ''}`],
    candidates,
  };
}

/** The names of `index` nearest to `name` within the typos its length allows (`typoLimit`): their techniques, the edits, one of the names. */
function closestNames(name: string, index: AttackIndex): { distance: number; hits: TechniqueRecord[]; known: string } {
  const key = nameKey(name);
  const limit = typoLimit(key.length);
  let best = limit + 1;
  let closest: TechniqueRecord[] = [];
  let closestName = '';
  for (const [known, techniques] of index.names()) {
    if (!subPartsClose(key, known)) continue;
    const distance = editDistance(key, known, Math.min(limit, best));
    if (distance <= limit && !acronymsKept(name, known)) continue;
    if (distance < best) {
      best = distance;
      closest = [...techniques];
      closestName = known;
    } else if (distance === best) closest.push(...techniques);
  }
  return { distance: best, hits: closest, known: closestName };
}

/**
 * The name of `index` that `name` writes in another form, read as `currentReading` reads one that is no exact name: other
 * forms of its words (`Email Address`), a close name (`Spear Phishing Link`), its words in another order, joined by
 * small words or one of them written apart (`Spearphishing via Attachment`, `Spear Phishing via Attachment`); its
 * techniques and how it was read. Undefined where none is.
 */
function nameFormIn(name: string, index: AttackIndex): { hits: readonly TechniqueRecord[]; how: string } | undefined {
  const byForms = (forms: readonly NameForm[]): { hits: readonly TechniqueRecord[]; how: string } | undefined =>
    forms.length ? { hits: [...new Set(forms.flatMap((form) => form.techniques))], how: `read as ${forms.map((form) => `"${form.key}"`).join(' or ')} (${[...new Set(forms.flatMap((form) => form.rules))].join('; ')})` } : undefined;
  const close = closestNames(name, index);
  const edits = `${close.distance} edit${close.distance > 1 ? 's' : ''} away`;
  return (
    byForms(nameForms(name, index)) ??
    (close.distance <= typoLimit(nameKey(name).length) && close.hits.length ? { hits: close.hits, how: `read as "${close.known}" (a close name, ${edits})` } : undefined) ??
    byForms(reorderedNameForms(name, index))
  );
}

/**
 * A name of two parts apart by `separator` (`what`) read as a technique's and its sub-technique's, the colon ATT&CK writes
 * between them (`Credential Dumping - LSASS Memory`), older names and misspellings as with the colon; undefined unless
 * that reads as techniques. With `said` (a word of the writer's own read as the colon), the note says what was read as
 * the colon too, and an exact name so read is not `name` but `fuzzy`.
 */
function readAsColon(name: string, separator: RegExp, what: string, tactics: readonly TacticShortname[], context: ResolveContext, trail: string[], said = false): Outcome | undefined {
  const parts = name.split(separator);
  if (parts.length !== 2 || !parts.every((part) => part.trim())) return undefined;
  const colon = `${parts[0]!.trim()}: ${parts[1]!.trim()}`;
  const read = resolveName(colon, tactics, context, [], false);
  if (!read.ids.length) return undefined;
  // A word of the writer's is the colon only after a technique's name, the parent of what is read (`Spear Phishing via
  // Attachment` is no technique's sub-technique: Spearphishing Attachment's words, left to be said unknown).
  if (said) {
    const parents = resolveName(parts[0]!.trim(), tactics, context, [], false).ids;
    if (!read.ids.every((id) => parents.includes(context.target.technique(id)?.parent ?? id))) return undefined;
  }
  const why = `${what} for the colon between a technique and its sub-technique`;
  trail.push(`name: "${name}" read as "${colon}" (${why})`);
  // A word read as the colon is the writer's, not ATT&CK's: the name so read is not the exact one.
  const status = said && read.status === 'name' ? 'fuzzy' : read.status;
  return { ...read, status, notes: [`"${name}" read as "${colon}"${said ? ` (${why})` : ''}: ${read.notes.join('; ')}`] };
}

/** A name read as names of the release in other forms of its words (`NameForm`s): their techniques, by the forms' rules. */
function pickForms(name: string, forms: readonly NameForm[], tactics: readonly TacticShortname[], context: ResolveContext, trail: string[]): Outcome {
  const rules = [...new Set(forms.flatMap((form) => form.rules))];
  const hits = [...new Set(forms.flatMap((form) => form.techniques))];
  trail.push(`name: "${name}" read as ${forms.map((form) => `"${form.key}"`).join(' or ')} (${rules.join('; ')})`);
  // `Hijacking DLL Search Order`: the name of revoked T1038, which the note names as the exact one's does.
  const revoked = hits.every((t) => t.revoked) ? hits.map((t) => t.id) : [];
  const of = revoked.length ? `, of the name of revoked ${revoked.join(', ')}` : '';
  return pick(name, { index: context.target, hits }, 'fuzzy', `${rules.join(' and ')}${of}`, tactics, context, trail);
}

/**
 * `Phishing: attachment` (Elastic's FORMBOOK report lists `Phishing - attachment`): a technique's exact name, a colon, then
 * the last words of one of its sub-techniques' names (T1566.001 Spearphishing Attachment), the only sub-technique of that
 * technique whose name ends so; none where two do (`Command and Scripting Interpreter: Shell`: Unix Shell and Windows
 * Command Shell), or where the words are a whole sub-technique's name (read as such before). So are its first words
 * (`OS Credential Dumping: LSASS`, T1003.001 LSASS Memory), a word in capitals that spells the initials of its whole name
 * (`OS Credential Dumping - SAM`, T1003.002 Security Account Manager; `Remote Services: RDP`), or the common
 * abbreviation of it (`Remote Services - WinRM`, T1021.006), each the only sub-technique of the technique so written.
 */
function subTechniqueByPart(name: string, target: AttackIndex): { parent: TechniqueRecord; sub: TechniqueRecord; written: string; how: string; so: string } | undefined {
  const colon = name.indexOf(':');
  if (colon < 0) return undefined;
  const parents = target.techniquesByName(name.slice(0, colon)).filter((t) => !t.revoked && !t.deprecated && !t.parent);
  const written = name.slice(colon + 1).trim();
  const part = wordsKey(written);
  if (parents.length !== 1 || !part.trim()) return undefined;
  const parent = parents[0]!;
  const subs = target.children(parent.id).filter((sub) => !sub.revoked && !sub.deprecated && wordsKey(sub.name) !== part);
  const plural = /\s/.test(written) ? 's' : '';
  const alias = techniqueAlias(written);
  const ways: ReadonlyArray<readonly [how: string, so: string, fits: (sub: TechniqueRecord) => boolean]> = [
    [`the last word${plural} of its name`, 'whose name ends so', (sub) => wordsKey(sub.name).endsWith(part)],
    [`the first word${plural} of its name`, 'whose name begins so', (sub) => wordsKey(sub.name).startsWith(part)],
    ['the initials of its name', 'so abbreviated', (sub) => /^[A-Z]{3,6}$/.test(written) && nameKey(sub.name).split(/[\s/-]+/).map((word) => word.charAt(0)).join('') === written.toLowerCase()],
    ['a common abbreviation of its name', 'so abbreviated', (sub) => alias?.id === sub.id],
  ];
  for (const [how, so, fits] of ways) {
    const found = subs.filter(fits);
    if (found.length === 1) return { parent, sub: found[0]!, written, how, so };
    if (found.length > 1) return undefined;
  }
  return undefined;
}

/**
 * `Domain Account Discovery`, `Local Account Discovery` (SOC tables' and Atomic Red Team lists' names of T1087.002 and
 * T1087.001): a sub-technique's name (Domain Account) run into its parent's (Account Discovery), the words the one ends
 * and the other begins with written once; the only sub-technique so written.
 */
function subNameRunIntoParent(name: string, target: AttackIndex): { sub: TechniqueRecord; parent: TechniqueRecord; shared: string } | undefined {
  const written = nameWords(name).join(' ');
  const found: Array<{ sub: TechniqueRecord; parent: TechniqueRecord; shared: string }> = [];
  for (const sub of target.currentTechniques()) {
    const parent = sub.parent ? target.technique(sub.parent) : undefined;
    if (!parent) continue;
    const own = nameWords(sub.name);
    const its = nameWords(parent.name);
    for (let k = 1; k < Math.min(own.length, its.length); k++) {
      if (own.slice(-k).join(' ') === its.slice(0, k).join(' ') && [...own, ...its.slice(k)].join(' ') === written) {
        found.push({ sub, parent, shared: its.slice(0, k).join(' ') });
      }
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * `Local Accounts` under Discovery: the exact name of T1078.003 Valid Accounts: Local Accounts, none of whose tactics is
 * written, and in the other number (`nameForms`) the name of T1087.001 Account Discovery: Local Account, the only such
 * technique of the tactic. A table's tactic column says which the writer meant: that one, and the note says why.
 */
function tacticsChooseOtherForm(name: string, exact: readonly TechniqueRecord[], tactics: readonly TacticShortname[], context: ResolveContext, trail: string[]): Outcome | undefined {
  const { target } = context;
  // Only a current technique's own name: a revoked one's (`Login Item`, T1162, revoked by T1647) goes where ATT&CK says.
  const live = exact.filter((t) => !t.revoked && !t.deprecated);
  if (!tactics.length || !live.length || live.length < exact.length) return undefined;
  if (live.some((t) => t.tactics.some((tactic) => tactics.includes(tactic)))) return undefined;
  const forms = nameForms(name, target);
  const fitting = [...new Set(forms.flatMap((form) => form.techniques))].filter((t) => !t.revoked && !t.deprecated && t.tactics.some((tactic) => tactics.includes(tactic)));
  if (fitting.length !== 1) return undefined;
  const chosen = fitting[0]!;
  const rules = [...new Set(forms.filter((form) => form.techniques.includes(chosen)).flatMap((form) => form.rules))];
  const via = `${rules.join(' and ')}; the tactic ${tacticList(target, tactics)} chose it over ${live.map((t) => `${t.id} ${fullName(target, t)} (${tacticList(target, t.tactics)})`).join(', ')}, whose exact name it is`;
  trail.push(`name: "${name}" read as "${chosen.name}" (${via})`);
  return pick(name, { index: target, hits: [chosen] }, 'fuzzy', via, tactics, context, trail);
}

// More techniques than this beginning with the words written (`Data`, `System`) is a word, not a name cut short.
const CUT_SHORT_MOST = 12;

/**
 * Resolve a name written alone, as `resolveName` does, then say what a name alone cannot tell: a sub-technique's name
 * that was its parent's own name in an older release (`Scheduled Task`: T1053.005, and T1053 until ATT&CK 7) is read as
 * today's and noted; a name cut short (`Spearphishing`, `Command and Scripting`) is ambiguous with its candidates, never read.
 */
function resolveBareName(name: string, tactics: readonly TacticShortname[], context: ResolveContext, trail: string[], similarNames: boolean): Outcome {
  const outcome = resolveName(name, tactics, context, trail, similarNames);
  if ((outcome.status === 'name' || outcome.status === 'fuzzy') && outcome.ids.length === 1) {
    const noted = formerParentName(name, outcome, context, trail);
    return noted === outcome ? formerDeprecatedName(name, outcome, context, trail) : noted;
  }
  // `Execution` alone is the tactic, not Execution Guardrails cut short.
  if (outcome.status === 'unknown' && similarNames && !tacticAsReference(name, context)) return cutShortName(name, tactics, context, trail) ?? outcome;
  return outcome;
}

/**
 * `Scheduled Task` alone: T1053.005's name, and T1053's own before ATT&CK 7. The name as ATT&CK writes it today is the
 * one obvious reading (the old T1053's content is what T1053.005 holds), so it is read, and the note says what an older
 * report may have meant; a release stated for the report (`attack_version`) reads it as that release did
 * (`statedReleaseName`), and one that gives it to the sub-technique leaves nothing to say.
 */
function formerParentName(name: string, outcome: Outcome, context: ResolveContext, trail: string[]): Outcome {
  const { target } = context;
  const sub = target.technique(outcome.ids[0]!);
  const parent = sub?.parent ? target.technique(sub.parent) : undefined;
  // `Scheduled Task/Job: Scheduled Task` says which.
  if (!sub || !parent || nameWords(name).join(' ').includes(nameWords(parent.name).join(' '))) return outcome;
  // A release stated for the report that gives the name to the sub-technique (8.2's T1053.005) settles it.
  if (context.source?.techniquesByName(sub.name).some((t) => t.stixId === sub.stixId)) return outcome;
  for (const index of olderReleases(context)) {
    if (!index.techniquesByName(sub.name).some((t) => t.id === parent.id && !t.revoked)) continue;
    // `Scheduled Tasks` in a campaign of ATT&CK 6.3: read as that release names it, as its exact name is.
    if (index === context.source) {
      const message = `"${sub.name}" is ${parent.id} in ATT&CK ${index.release}, the release the campaign states: read as ${describe(target, parent)}, not ${sub.id}`;
      trail.push(`name: ${message}`);
      return { status: outcome.status === 'fuzzy' ? 'fuzzy' : 'renamed', ids: [parent.id], notes: [...outcome.notes.map((note) => note.replace(describe(target, sub), describe(target, parent))), message], candidates: [] };
    }
    const message =
      `"${sub.name}" was the name of ${parent.id} itself (now ${parent.name}) in ATT&CK ${index.release}: ` +
      `if the report is that old and means ${parent.id}, write ${parent.id}`;
    trail.push(`name: ${message}`);
    return { ...outcome, notes: [...outcome.notes, message] };
  }
  return outcome;
}

/**
 * `Distributed Component Object Model` alone: T1021.003's name, and in ATT&CK 3.0 that of T1175, deprecated since (as
 * Component Object Model and Distributed COM), whose notice points to T1021.003 and T1559.001. Today's technique of the
 * name is the one obvious reading; the note says what a report of that release meant, and where the rest of it went.
 * A release stated for the report reads the name as that release did (`statedReleaseName`).
 */
function formerDeprecatedName(name: string, outcome: Outcome, context: ResolveContext, trail: string[]): Outcome {
  const { target } = context;
  const read = target.technique(outcome.ids[0]!);
  // Only a technique a deprecation notice points to can have had a deprecated one's name: the older releases are read for those only.
  if (!read || !target.allTechniques().some((t) => t.deprecated && !t.revoked && t.deprecationPointers?.includes(read.id))) return outcome;
  for (const index of olderReleases(context)) {
    if (index === context.source) continue;
    const former = index.techniquesByName(read.name).find((t) => t.stixId !== read.stixId && !t.revoked && !t.deprecated);
    const now = former ? target.techniqueByStixId(former.stixId) : undefined;
    if (!former || !now?.deprecated || now.revoked) continue;
    const found = deprecationSuccessors(now, target, context.otherDomains);
    const others = found.current.filter((t) => t.id !== read.id);
    const message =
      `"${read.name}" was the name of ${former.id} in ATT&CK ${index.release}, deprecated in ATT&CK ${target.release} (as ${now.name})` +
      `${others.length ? `; its notice points to ${read.id} and ${others.map((t) => `${t.id} (${t.name})`).join(', ')}: if the report is that old, ${others.length === 1 ? 'that one' : 'one of those'} may be meant too` : ''}`;
    trail.push(`name: ${message}`);
    return { ...outcome, notes: [...outcome.notes, message] };
  }
  return outcome;
}

/** `Spearphishing` alone: the beginning of several techniques' names, each a candidate (those of the tactics written, if any). */
function cutShortName(name: string, tactics: readonly TacticShortname[], context: ResolveContext, trail: string[]): Outcome | undefined {
  const { target } = context;
  if (target.actors(name).length) return undefined;
  const found = namesCutShort(name, target);
  if (!found.length || found.length > CUT_SHORT_MOST) return undefined;
  const fitting = found.filter((t) => t.tactics.some((tactic) => tactics.includes(tactic)));
  const shown = (fitting.length ? fitting : found).sort((a, b) => a.id.localeCompare(b.id));
  const listed = shown.map((t) => `${t.id} ${fullName(target, t)}${target.children(t.id).length ? ' (or one of its sub-techniques)' : ''}`);
  const message = `"${name}" is a name cut short, the beginning of ${listed.join(', ')}: write the full name or the ID of the one meant`;
  trail.push(`name: ${message}`);
  return { status: 'ambiguous', ids: [], notes: [message], candidates: shown.map((t) => candidate(target, t, `its name begins with "${name}"`)) };
}

/**
 * `Windows Management Instrumentation (WMI)`, `Data Encrypted for Impact (Ransomware)`, `Exfiltration Over Alternative
 * Protocol (DNS)`: a technique's name, then words of the writer's own in brackets (its abbreviation, the kind of malware,
 * the protocol used), the words in brackets beginning with a capital or a digit. The name before the brackets decides
 * when the words in them name no technique, or the same one, or are one word that is the bare name of a sub-technique of
 * another technique (a tool or protocol, as beside an ID).
 */
function glossedName(name: string, tactics: readonly TacticShortname[], context: ResolveContext): { before: string; read: Outcome } | undefined {
  const { target } = context;
  const match = /^([^()]*\S)\s*\(([^()]+)\)$/.exec(name.trim());
  if (!match) return undefined;
  const [, before, inside] = match as unknown as [string, string, string];
  // Words in lower case in brackets (`(low)`, a detection's severity after an older name) are left to the readers of a
  // row's words around an ID.
  if (!/^[\p{Lu}\p{N}]/u.test(inside.trim())) return undefined;
  const read = resolveName(before, tactics, context, [], false);
  if (!read.ids.length) return undefined;
  const named = resolveName(inside, tactics, context, [], false);
  const family = (id: TechniqueId): TechniqueId => target.technique(id)?.parent ?? id;
  // A name several sub-techniques share (`DNS`: T1071.004, T1590.002) is such a word too.
  const namedIds = named.ids.length ? named.ids : named.status === 'ambiguous' ? named.candidates.map((c) => c.id) : [];
  const toolWord = !/\s/.test(inside.trim()) && namedIds.every((id) => !!target.technique(id)?.parent && !read.ids.some((own) => family(own) === family(id)));
  const same = named.ids.length > 0 && named.ids.every((id) => read.ids.includes(id));
  if (!(named.status === 'unknown' || same || (namedIds.length && toolWord))) return undefined;
  return { before, read: { ...read, notes: [`"${name}" read as "${before}", the words in brackets ("${inside}") the writer's own: ${read.notes.join('; ')}`] } };
}

const singular = (key: string): string => key.replace(/s$/, '');

/**
 * The one current technique of the tactics whose name has parts apart by ` / ` and one of them is the name written, in
 * the singular or the plural (`Persistence: Registry Run Keys, Scheduled Tasks`, an incident write-up's ATT&CK mapping:
 * `Registry Run Keys` is T1547.001 Registry Run Keys / Startup Folder); none where two are, or where the name is one word.
 */
function namePart(name: string, tactics: readonly TacticShortname[], target: AttackIndex): TechniqueRecord | undefined {
  const key = singular(nameKey(name));
  if (!key.includes(' ')) return undefined;
  const found = target
    .currentTechniques()
    .filter((t) => t.tactics.some((tactic) => tactics.includes(tactic)))
    .filter((t) => t.name.includes(' / ') && t.name.split(' / ').some((part) => singular(nameKey(part)) === key));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Where a deprecated technique's content went, read as validate, upgrade and `technique` read it: the words, and the
 * current techniques of the target release it points to as candidates (a revoked pointer followed to its replacement;
 * a pointer into another domain named in the words, never a candidate).
 */
function deprecatedSuccessors(deprecated: TechniqueRecord, context: ResolveContext): { text: string; found: DeprecationSuccessors; candidates: Candidate[] } {
  const { target } = context;
  const found = deprecationSuccessors(deprecated, target, context.otherDomains);
  return {
    text: successorsText(found, target.domain),
    found,
    candidates: found.current.map((t) => candidate(target, t, `named in ${deprecated.id}'s deprecation notice`)),
  };
}

/**
 * A name of techniques a newer release added, read in an older target that lacks them (`Protected User Data: Call Log`,
 * T1636.002 of mobile-attack 18.1, read in 9.0; `Protocol Tunneling`, T1572, in enterprise 6.3): said as their IDs are,
 * with what they replaced (`replacedInTarget`). Undefined for a name of the target's own or an older release.
 */
function newerReleaseName(name: string, found: { index: AttackIndex; hits: readonly TechniqueRecord[] }, context: ResolveContext): Outcome | undefined {
  const { target } = context;
  const { index, hits } = found;
  if (index === target || compareReleases(index.release, target.release) <= 0) return undefined;
  if (hits.some((hit) => target.techniqueByStixId(hit.stixId) ?? target.technique(hit.id))) return undefined;
  const said = hits.map((hit) => laterReleaseText(hit.id, context) ?? `${hit.id} is not a technique in ${target.label}`).join('; ');
  const replaced = replacedInTarget(hits, index, target);
  return { status: 'unknown', ids: [], notes: [`"${name}" is the name of a newer release's technique: ${said}${replaced.text}`], candidates: replaced.candidates };
}

/**
 * The target's techniques that techniques of a newer release (`hits`, of `index`) replaced, as that release records it
 * (T1433 Access Call Log, revoked by T1636.002 in mobile-attack 18.1; T1193 by T1566.001 in enterprise 18.1): what a
 * layer of the older target holds instead, said and offered as candidates. Nothing when they replaced none of its.
 */
function replacedInTarget(hits: readonly TechniqueRecord[], index: AttackIndex, target: AttackIndex): { text: string; candidates: Candidate[] } {
  const replaced = new Map<TechniqueId, TechniqueRecord>();
  // The step the newer release records (its `revoked-by`), not a chain through releases at hand, which would load them.
  const hitIds = new Set(hits.map((hit) => hit.stixId));
  for (const old of index.allTechniques()) {
    if (!old.revoked || !old.revokedBy || !hitIds.has(old.revokedBy)) continue;
    const here = currentOf(target, old.id);
    if (here) replaced.set(here.id, here);
  }
  const older = [...replaced.values()].sort((a, b) => a.id.localeCompare(b.id));
  if (!older.length) return { text: '', candidates: [] };
  const ids = hits.map((hit) => hit.id).join(', ');
  return {
    text: `; there it replaced ${older.map((t) => describe(target, t)).join(', ')} of ${target.label}: write ${older.length === 1 ? 'that' : 'the one that fits'} for a layer of ${target.release}`,
    candidates: older.map((t) => candidate(target, t, `replaced by ${ids} in ATT&CK ${index.release}`)),
  };
}

/**
 * The outcome of a name that some techniques of a release bear (`found`), brought to the target: a revoked one that
 * ends deprecated is said with both facts (`"Malicious SMS Message" is known by the name of revoked T1454; T1454 was
 * revoked by T1477 Exploit via Radio Interfaces, deprecated in ATT&CK 18.1`).
 */
function pick(
  name: string,
  found: { index: AttackIndex; hits: readonly TechniqueRecord[] },
  status: ReferenceStatus,
  via: string,
  tactics: readonly TacticShortname[],
  context: ResolveContext,
  trail: string[],
): Outcome {
  const { target } = context;
  const finals = toTarget(found.index, found.hits, context);
  if (!finals.length) {
    const newer = newerReleaseName(name, found, context);
    if (newer) return newer;
  }
  // `Malicious SMS Message` with mobile-attack 18.1 alone: T1454, revoked with no replacement recorded in any release at hand.
  if (!finals.length) {
    return { status: 'unknown', ids: [], notes: [`"${name}" is known by ${via}, but ATT&CK ${target.label} records no replacement of that revoked technique`], candidates: [] };
  }
  const live = finals.filter((t) => !t.deprecated);
  if (!live.length) {
    const deprecated = finals[0]!;
    const successors = deprecatedSuccessors(deprecated, context);
    const chains = found.hits
      .map((hit) => (found.index === target ? hit : target.techniqueByStixId(hit.stixId)))
      .filter((here): here is TechniqueRecord => here?.revoked === true)
      .map((here) => target.revocationChain(here))
      .filter((chain) => chain.final === deprecated);
    for (const step of chains.flatMap((chain) => chain.recordedElsewhere ?? [])) {
      trail.push(`revoked-by chain: ATT&CK ${target.label} records no replacement of ${step.revoked.id}; ATT&CK ${step.release} records ${step.replacement.id}`);
    }
    const what = chains.length
      ? `known by ${via}; ${chains.map((chain) => chain.steps[0]!.id).join(', ')} was revoked by ${describe(target, deprecated)}, which is`
      : `${describe(target, deprecated)},`;
    return {
      status: 'deprecated',
      ids: [],
      notes: [`"${name}" is ${what} deprecated in ATT&CK ${target.release}; ${successors.text}`],
      candidates: successors.candidates,
    };
  }
  if (live.length === 1) {
    const only = live[0]!;
    return { status, ids: [only.id], notes: [`"${name}" is ${describe(target, only)}, by ${via}`], candidates: [] };
  }
  const fitting = live.filter((t) => t.tactics.some((tactic) => tactics.includes(tactic)));
  if (fitting.length === 1) {
    const chosen = fitting[0]!;
    const others = live.filter((t) => t !== chosen).map((t) => `${t.id} (${tacticList(target, t.tactics)})`);
    const message = `the tactic ${tacticList(target, tactics)} chose ${chosen.id} over ${others.join(', ')}`;
    trail.push(`name: ${message}`);
    return { status, ids: [chosen.id], notes: [`"${name}" is ${describe(target, chosen)}, by ${via}; ${message}`], candidates: [] };
  }
  const shown = fitting.length > 1 ? fitting : live;
  // A tactic can only choose between techniques of different tactics (`Virtual Private Server` is T1583.003 and
  // T1584.003, both Resource Development): then the full names, which tell sub-techniques apart, are the advice.
  const tacticKeys = new Set(shown.map((t) => [...t.tactics].sort().join(',')));
  const fullNames = shown.map((t) => fullName(target, t));
  const distinctNames = new Set(fullNames.map(nameKey)).size === shown.length && fullNames.some((n) => nameKey(n) !== nameKey(name));
  const advice =
    tacticKeys.size > 1 && !(fitting.length > 1)
      ? `give the ID, a tactic${distinctNames ? ' or the full name' : ''} to choose`
      : distinctNames
        ? `write the full name (${fullNames.map((n) => `"${n}"`).join(' or ')}) or the ID of the one you mean`
        : 'write the ID of the one you mean';
  return {
    status: 'ambiguous',
    ids: [],
    notes: [`"${name}" names ${shown.map((t) => `${t.id} ${fullName(target, t)} (${tacticList(target, t.tactics)})`).join(' and ')}; ${advice}`],
    candidates: shown.map((t) => candidate(target, t, `by ${via}`)),
  };
}

/** What to say of a tactic written beside a reference that the release reads as none (`nor`: what of it is a tactic). */
function unreadTacticWarning(text: string, nor: string, target: AttackIndex): string {
  const near = nor ? undefined : nearTacticsAdvice(text, target);
  if (near) return `tactic "${text}" is not a tactic of ATT&CK ${target.label}; it was ignored: ${near}`;
  return `tactic "${text}" is not a tactic of ATT&CK ${target.label}${nor}; it was ignored (write a name like ${exampleTactic(target)}, a shortname or a TA ID)`;
}

/**
 * A tactic of the release to name in advice: Defense Evasion where it has one, else its last in matrix order (ICS's
 * Impact), never a name the release would ignore in turn.
 */
function exampleTactic(target: AttackIndex): string {
  const tactics = target.tactics();
  return (tactics.find((tactic) => tactic.shortname === 'defense-evasion') ?? tactics[tactics.length - 1])?.name ?? 'Defense Evasion';
}
