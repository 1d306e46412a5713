import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import type { ActorRecord, TechniqueId, TechniqueRecord } from '../attack/types.js';
import { editDistance } from '../name-distance.js';
import type { Resolution } from '../normalize/normalize-types.js';
import { readTactic, readTacticPair, tacticIdAndNameWarning, tacticPairConflict } from '../normalize/read-tactic.js';
import { fullName, isInitialsOf, nameKnownAtHand, notATechniqueName, type ResolveContext } from '../normalize/resolve-reference.js';
import { FILE_NAME_RULE, GLUED_CAPITALS_RULE, LOOKALIKE_RULE, SPLIT_DIGITS_RULE, foldLines, onlyStopWords, visitIds } from '../normalize/tokenize-references.js';
import { SENTENCE_CLOSE, referenceKey, referencesInLines, unreadTacticParts, withLinesOf, type ExtractedReference } from './extract-references.js';
import { GLUED_TACTIC_RULE, withGluedTactics } from './glued-tactics.js';
import { pairJoinedNames } from './joined-names.js';
import { withSigmaTags } from './sigma-tags.js';
import { joinedEvidence, type ReportEvidence } from './report-evidence.js';
import { slashPairedNames } from '../normalize/paired-names.js';
import { nameFitsId } from '../normalize/name-fit.js';
import { escapeRegExp } from '../normalize/tactic-text.js';
import { emptiedBrackets, joinBrokenLinks } from './broken-links.js';
import { objectsInLines, unknownGroupNames, type FoundAttackObject } from './find-attack-objects.js';
import { objectKind } from '../normalize/resolve-attack-object.js';
import { reportActor } from './report-actor.js';
import { resolutionMemo, type AskResolution } from './resolution-memo.js';
import { progressReporter, type OnExtractProgress } from './extract-progress.js';
import { namesWithoutIds } from './technique-names.js';
import { namedLineItems, type NamedKind } from './name-lines.js';
import { attackSections } from './attack-sections.js';
import { nameLanguage, OTHER_SCRIPT } from './name-language.js';
import { documentLanguage } from '../suggest/passage-language.js';
import { ocrIdsInLines } from './ocr-ids.js';
import { SIBLING_NUMBER_RULE, SUB_COLUMN_RULE, siblingNumbersInLines } from './sibling-numbers.js';
import { SPLIT_ID_ROW_RULE, type SplitIdRow } from './split-id-rows.js';
import { BROKEN_ID_RULE, type BrokenId } from './broken-ids.js';
import { WRAPPED_NAME_RULE, type WrappedName } from './wrapped-names.js';
import { LAYOUT_ROW_RULE, type LayoutRow } from './layout-tables.js';
import { fiveDigitIdsInLines, fiveDigitResolution, isFiveDigitId } from './five-digit-ids.js';
import { guessedIds, idsInWords, type GuessedId } from './ids-in-words.js';
import { namespaceIdsInWords } from './namespace-ids.js';
import { unheldNamespacedTechniqueText } from '../attack/not-mitre-text.js';
import { withNamesAround, withNamesBeforeDash, withoutDomainBracket, withoutNameAfter } from './name-around.js';
import { readLostLetters } from './lost-letters.js';
import { withRowUses } from './row-uses.js';
import { withNamesOutOfSentences } from './sentence-names.js';
import { deniedMention } from './denied-mentions.js';
import { actorAdvice, bundleReport, type BundleOptions } from './bundle-references.js';
import { mispEventReport } from './misp-event-references.js';
import { attackFlowReport } from './attack-flow-references.js';
import { dettectGroupReport } from './dettect-group-references.js';
import { emulationPlanReport, stepNameNotes } from './emulation-plan-references.js';
import { ttpListReport } from './ttp-list-references.js';
import { readFrontMatter } from './front-matter.js';
import { countedSoftware, mispSoftwareObjects } from './misp-software.js';
import type { Domain } from '../attack/types.js';
import { givenName, givenOption, inGivenInputs, UsageError, type GivenAs } from '../errors.js';

const TACTIC_ID = /^TA\d{4}$/;
const TACTIC_ID_AND_NAME = /^(TA\d{4}): /;

/** A reference found in a report, with what it resolves to when ATT&CK data is at hand. */
export interface ReportReference extends ExtractedReference {
  resolution?: Pick<Resolution, 'status' | 'ids' | 'note' | 'candidates' | 'warnings' | 'trail'>;
}

/**
 * What resolving a reference that places a current technique did when it reads another technique than the ID written
 * (`T1595 | Active Scanning: Vulnerability Scanning` read as T1595.002): the last sentence of its note; else undefined.
 */
export function readAsOther(ref: ReportReference): string | undefined {
  const { status, ids, note } = ref.resolution ?? {};
  if (status !== 'current' || !ids?.length || !ref.ids.length || ids.every((id) => ref.ids.includes(id))) return undefined;
  return note?.split('; ').at(-1);
}

/** What a report holds: its technique references and the groups, software and campaigns it names. */
export interface ExtractedReport {
  references: ReportReference[];
  objects: FoundAttackObject[];
  /**
   * What the references leave out, for the analyst (stderr): cells of a technique column, and names of a breadcrumb or
   * a list of techniques, that name no technique of the release; names in a script other than Latin beside IDs, not
   * checked against them; and technique names written without an ID when they outnumber the references (`suggest`
   * reads those).
   */
  notes: string[];
  /**
   * The name of the actor a STIX bundle of threat intelligence is about (`bundleReport`), or a Markdown report's title
   * its front matter writes (`readFrontMatter`), for the campaign's name.
   */
  name?: string;
  /** The name of a STIX bundle's one report object (`bundleReport`), for the source's title where it differs from `name`. */
  title?: string;
  /**
   * The bundle's actor chosen by `options.actor` (`bundleReport`), a MISP event's one actor (`mispEventReport`), or the
   * actor `options.actor` gives a report's text (`reportActor`): the campaign's `actor:`.
   */
  actor?: string;
  /** A MISP event's `date`, an Attack Flow's first day (`attackFlowReport`): the campaign's `first_seen:`. */
  firstSeen?: string;
  /** An Attack Flow's last day: the campaign's `last_seen:`. */
  lastSeen?: string;
  /** An Attack Flow's description (`attackFlowReport`), an emulation plan's (`emulationPlanReport`): the campaign's `description:`. */
  description?: string;
  /** The ATT&CK release an emulation plan's IDs come from (`emulationPlanReport`): the campaign's `attack_version:`. */
  attackVersion?: string;
  /** The domain a MISP event's galaxies say, when not enterprise (`mispEventReport`). */
  domain?: Domain;
  /** The address of the analysis a MISP event links (`mispEventReport`), of the report an Attack Flow cites (`attackFlowReport`): the source's `url:`. */
  url?: string;
}

// How many cells or names a note lists.
const LISTED = 8;

// What the warning of an ID the report denies says (`deniedMention`), after the ID.
const DENIED = 'is written where the report says it was not seen or not mapped';

/**
 * Whether evidence reads as a use told in a sentence (a table row's use cell, a sentence after the ID): a capital, three
 * words or more, a sentence's end, and no ATT&CK ID of its own.
 */
function isUseSentence(evidence: ReportEvidence): boolean {
  let ids = 0;
  visitIds(evidence.text, () => ids++);
  return /^\p{Lu}/u.test(evidence.text) && evidence.text.split(/\s+/).length >= 3 && SENTENCE_CLOSE.test(evidence.text) && ids === 0;
}

/** A reference without the warning that the report denies it. */
function withoutDenial<R extends ReportReference>(ref: R): R {
  const { resolution } = ref;
  const warnings = resolution?.warnings.filter((warning) => !warning.startsWith(`${ref.ids.join(', ')} ${DENIED} (`));
  return resolution && warnings!.length !== resolution.warnings.length ? { ...ref, resolution: { ...resolution, warnings } } : ref;
}

/** Where a reference's text starts: what stays the same as it is merged and resolved. */
const spanKey = (ref: ExtractedReference): string => `${ref.span.line}:${ref.span.start}`;
/** Whether a line of a resolution's trail says the name beside the ID names no technique (`notATechniqueName`), in any form. */
const namesNoTechnique = (line: string): boolean => line.startsWith('name check: "') && line.endsWith(notATechniqueName('').slice('name check: ""'.length));
/** Where a name is written, whole. */
const nameSpanKey = (span: NonNullable<ExtractedReference['nameSpan']>): string => `${span.line}:${span.start}:${span.end}`;
// Where a reference read apart is written, end too: `Email Collection (71114) and T1003` is another reference from the
// same start, the lines' reader's for T1003.
const wholeSpanKey = (ref: ExtractedReference): string => `${spanKey(ref)}-${ref.span.end}`;

// Words too common in names to tie one to another.
const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'of', 'the', 'to', 'over', 'via', 'from', 'with', 'for', 'in', 'on', 'by']);
const nameWords = (name: string): string[] => (nameKey(name).match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !SMALL_WORDS.has(word));
// Names of a place in an estate, not of a technique (`Hosts`, `Domain Controllers`, `Shares`): with a platform's
// (`Windows`), no words a subject of "were out of scope" shares with a technique's name to name it.
const ESTATE_PLACES = ['host', 'hosts', 'server', 'servers', 'endpoints', 'workstation', 'workstations', 'systems', 'machines', 'domain controller', 'domain controllers', 'share', 'shares', 'file share', 'file shares', 'estate', 'environment', 'environments'];

/**
 * Whether two names share a word other than a small one (`DLL Injection` and `Process Injection: Dynamic-link Library
 * Injection`), or the first has a word in capitals that abbreviates words of the second (`UAC 우회`, a Korean table's
 * "UAC bypass", and `Abuse Elevation Control Mechanism: Bypass User Account Control`).
 */
function sharesWord(a: string, b: string): boolean {
  return sharedWords(a, b).length > 0 || abbreviates(a, b) || runsWordsTogether(a, b);
}

/**
 * Whether a word of the first name is two or more words of the second run together, as PDF-to-text drops the spaces
 * between a name's words (`Persistence:RegistryRunKeys/ StartupFolder`, `Fast FluxDNS`: Startup Folder, Flux DNS).
 */
function runsWordsTogether(a: string, b: string): boolean {
  const all = nameKey(b).match(/[\p{L}\p{N}]+/gu) ?? [];
  return (nameKey(a).match(/[\p{L}\p{N}]+/gu) ?? []).some((word) =>
    all.some((first, i) => {
      let joined = first;
      for (let j = i + 1; j < all.length && joined.length < word.length; j++) {
        joined += all[j]!;
        if (joined === word) return true;
      }
      return false;
    }),
  );
}

/**
 * Whether a name writes a word in capitals that the technique's ATT&CK description names, or its parent's (T1048's
 * alternate protocols, `FTP, SMTP, HTTP/S, DNS, SMB`, all its sub-techniques' too): `Exfiltration over SMB (T1048)`
 * names the protocol where ATT&CK's name says `Alternative Protocol`, as `Exfiltration over FTP` does.
 */
function namesAcronymOf(name: string, technique: TechniqueRecord, target: AttackIndex): boolean {
  const named = [...(technique.acronyms ?? []), ...((technique.parent && target.technique(technique.parent)?.acronyms) || [])];
  return (name.match(/(?<![\p{L}\p{N}])[A-Z]{2,6}(?![\p{L}\p{N}])/gu) ?? []).some((word) => named.includes(word));
}

/**
 * Whether a name holds the whole name of a sub-technique of the technique, with the writer's own words around it (`Web
 * Protocols (Beacon)` beside T1071, `PowerShell - Empire` beside T1059, ClearFake and lab write-ups' tables): its words
 * are its technique's family's, as the sub-technique's name alone beside the parent's ID is, and name no tool.
 */
function holdsChildName(name: string, technique: TechniqueRecord, target: AttackIndex): boolean {
  if (technique.parent) return false;
  const words = (text: string): string => ` ${(nameKey(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
  const held = words(name);
  return target.children(technique.id).some((child) => !child.revoked && !child.deprecated && held.includes(words(child.name)));
}

/**
 * Whether a name is a technique's in the writer's own words: it shares a word with its name (`DLL Injection`), writes an
 * acronym its description names (`Exfiltration over SMB`), or holds a sub-technique's name (`PowerShell - Empire`).
 */
function inItsWords(name: string, technique: TechniqueRecord | undefined, target: AttackIndex): boolean {
  return technique !== undefined && (sharesWord(name, fullName(target, technique)) || namesAcronymOf(name, technique, target) || holdsChildName(name, technique, target));
}

/** The words other than small ones that two names share, as `nameWords` reads them. */
function sharedWords(a: string, b: string): string[] {
  const words = new Set(nameWords(b));
  return [...new Set(nameWords(a).filter((word) => words.has(word)))];
}

/** Whether a word in capitals of the first name abbreviates words of the second (`UAC`, `DLL`). */
function abbreviates(a: string, b: string): boolean {
  const all = nameKey(b).split(/[^\p{L}\p{N}]+/u);
  return (a.match(/[\p{L}\p{N}]+/gu) ?? []).some((word) => isInitialsOf(word, all));
}

// In how many techniques' families (a technique and its sub-techniques) of a release a word of a name must stand to
// say nothing of which technique a name means (`Password`: Brute Force's, Modify Authentication Process's, Credentials
// from Password Stores' and Password Policy Discovery's).
const GENERAL_FAMILIES = 4;
const familiesByWord = new WeakMap<AttackIndex, Map<string, number>>();

/** In how many technique families of the release's current techniques a word (as `nameWords` reads it) stands. */
function familiesWith(word: string, target: AttackIndex): number {
  let counts = familiesByWord.get(target);
  if (!counts) {
    const families = new Map<string, Set<string>>();
    for (const technique of target.currentTechniques()) {
      for (const each of nameWords(technique.name)) families.set(each, (families.get(each) ?? new Set()).add(technique.parent ?? technique.id));
    }
    counts = new Map([...families].map(([each, set]) => [each, set.size]));
    familiesByWord.set(target, counts);
  }
  return counts.get(word) ?? 0;
}

/**
 * The word a name of several words in Latin letters, no technique's, shares with its ID's technique's name, when that is
 * its only tie to it and a word many techniques' names hold (`Password Policy Bypass` and T1556.002 `Modify
 * Authentication Process: Password Filter DLL` share only `password`): such a name may mean another technique; none
 * when it shares more words, a telling one (`Memory Dump` and `LSASS Memory`), the technique's whole own name (`DNS
 * Tunneling` and T1071.004 `DNS`), an abbreviation (`DLL Injection`), another form of a word (`Spray`, `Spraying`), or
 * a word in capitals the technique's description names (`namesAcronymOf`: `Exfiltration over SMB` and T1048).
 * A word in capitals that spells a technique's name counts as its words (`spelledOut`: `Exfiltration over FTP` and
 * T1048 `Exfiltration Over Alternative Protocol` share a protocol); a parent's sub-techniques' names are its own
 * (`Classic Remote Thread Injection` and T1055 `Process Injection`, whose T1055.003 is `Thread Execution Hijacking`).
 * With the word, the name's other words that names of the sub-technique's siblings hold, and those siblings: the name may
 * mean one of them.
 */
function onlyGeneralWord(name: string, technique: TechniqueRecord, target: AttackIndex): { word: string; siblingWords: string[]; siblings: TechniqueRecord[] } | undefined {
  const full = fullName(target, technique);
  const read = spelledOut(name, target);
  const current = (each: TechniqueRecord): boolean => !each.revoked && !each.deprecated;
  const family = [full, ...(technique.parent ? [] : target.children(technique.id).filter(current).map((child) => child.name))].join(' ');
  const shared = sharedWords(read, family);
  const own = nameWords(read);
  // Words in another script (`Windows コマンドシェル`) cannot be weighed here; a sentence's words before an ID (`The tool
  // ran T1105`) are read as they are, no name written.
  if (shared.length !== 1 || own.length < 2 || OTHER_SCRIPT.test(name) || abbreviates(name, full) || namesAcronymOf(name, technique, target)) return undefined;
  if (name.split(/\s+/).some((word) => onlyStopWords([word])) || nameWords(technique.name).every((word) => own.includes(word))) return undefined;
  const theirs = nameWords(family);
  if (own.some((word) => word !== shared[0] && theirs.some((other) => sameStem(word, other) || (Math.min(word.length, other.length) >= 5 && editDistance(word, other, 2) <= 1)))) return undefined;
  if (familiesWith(shared[0]!, target) < GENERAL_FAMILIES) return undefined;
  const others = own.filter((word) => word !== shared[0]);
  const siblings = technique.parent
    ? target.children(technique.parent).filter((sibling) => current(sibling) && sibling.id !== technique.id && nameWords(sibling.name).some((word) => others.includes(word)))
    : [];
  const siblingWords = others.filter((word) => siblings.some((sibling) => nameWords(sibling.name).includes(word)));
  return { word: shared[0]!, siblingWords, siblings };
}

const spelledByTarget = new WeakMap<AttackIndex, Map<string, string | undefined>>();

/**
 * The name with each word of 3 to 6 capitals that spells the initials of a current technique's own name of as many
 * words written out (`FTP`: File Transfer Protocols, T1071.002's; `RDP`: Remote Desktop Protocol), unless it is a word
 * of some technique's name itself (`SMB`, of `SMB/Windows Admin Shares`, is not Safe Mode Boot) or spells several names.
 */
function spelledOut(name: string, target: AttackIndex): string {
  let table = spelledByTarget.get(target);
  if (!table) {
    table = new Map();
    const words = new Set<string>();
    for (const technique of target.currentTechniques()) {
      const all = nameKey(technique.name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      for (const word of all) words.add(word);
      if (all.length < 3 || all.length > 6) continue;
      const initials = all.map((word) => word.charAt(0)).join('');
      table.set(initials, table.has(initials) && table.get(initials) !== technique.name ? undefined : technique.name);
    }
    for (const word of words) table.delete(word);
    spelledByTarget.set(target, table);
  }
  return name.replace(/(?<![\p{L}\p{N}])[A-Z]{3,6}(?![\p{L}\p{N}])/gu, (word) => table.get(word.toLowerCase()) ?? word);
}

/**
 * Whether one word of three letters or more begins the other (`spray`, `spraying`; `alt`, `alternative`), or both are
 * forms of a word of six letters or more whose last letter the longer changes (`create`, `creation`; `modify`,
 * `modification`), or a short word is the other's letters in order from its first (`svc`, `services`): a shortening of it.
 */
function sameStem(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3) return false;
  if (long.startsWith(short)) return true;
  if (short.length >= 6 && long.startsWith(short.slice(0, -1))) return true;
  let at = 0;
  // Each letter after the one before: a letter missing is no shortening (`text` is none of `transfer`).
  for (const letter of short) at = at < 0 ? at : long.indexOf(letter, at) + 1 || -1;
  return short.length <= 4 && short.charAt(0) === long.charAt(0) && at > 0;
}

/** The note on a bundle of several actors of one type: the campaign holds every technique, which each one uses. */
function severalActors(actors: ReadonlyArray<{ type: string; name: string; techniques: string[] }>, name: string | undefined, givenAs: GivenAs | undefined): string {
  const uses = actors.map((actor) => `${actor.name} uses ${actor.techniques.length ? actor.techniques.join(', ') : 'no technique'}`);
  return (
    `the bundle describes ${actors.length} ${actors[0]!.type} objects (${actors.map((actor) => actor.name).join(', ')}), so the campaign ` +
    `${name ? `is named after ${name}` : 'is named after the file'} and holds the techniques of all; by their uses relationships, ${uses.join('; ')} ` +
    `(where they are separate, make one campaign per actor: ${actorAdvice(givenAs)} keeps the techniques of the one named)`
  );
}

/** The note on the campaigns a bundle attributes to the actor `--actor` chose, left out by `--no-campaigns`. */
function leftOutNote(actor: string, campaigns: readonly string[], givenAs: GivenAs | undefined): string {
  return `the bundle attributes ${campaigns.join(', ')} to ${actor}; left out (${givenOption(givenAs, 'campaigns', false)}), with the techniques only ${campaigns.length === 1 ? 'it' : 'they'} used`;
}

/** The note on the actors a bundle attributes to the one `--actor` chose: their techniques are taken, and which are theirs alone. */
function attributedNote(actor: string, attributed: readonly string[], references: readonly ExtractedReference[]): string {
  const theirs = references.filter((ref) => ref.usedBy && !ref.usedBy.includes(actor)).length;
  return (
    `the bundle attributes ${attributed.join(', ')} to ${actor}, so ${attributed.length === 1 ? 'its' : 'their'} uses relationships are taken too: ` +
    `${theirs} of the ${references.length} techniques only through ${attributed.length === 1 ? 'it' : 'them'}, not by ${actor}'s own; ` +
    'each technique says which used it (`# used by:` in the skeleton, `usedBy` in the JSON); delete those that are not the actor\'s'
  );
}

/** Whether a name alone names a technique of the release (`namedLineItems`), and one with sub-techniques. */
// An Atomic Red Team repository's folder of tests before an ID (`atomics/T1055/`, `atomics\\T1055\\`).
const ATOMICS_BEFORE = /atomics[/\\]$/i;

function namedKind(name: string, context: ResolveContext, tactics: readonly string[] = [], ask: AskResolution = resolutionMemo(context)): NamedKind {
  // Words no technique's name holds (`Threat: all.layer.json`, a list of fields) are asked no further: resolving a name
  // that is none compares it with every name of the release.
  if (!nameWords(name).some((word) => familiesWith(word, context.target) > 0)) return undefined;
  const { status, ids, candidates } = ask({ raw: name, tactics }, { similarNames: false });
  if (status === 'unknown' || status === 'other domain') return undefined;
  const current = (id: string): boolean => context.target.children(id).some((child) => !child.revoked && !child.deprecated);
  return [...ids, ...candidates.map((candidate) => candidate.id)].some(current) ? 'parent' : 'technique';
}

const listed = (items: readonly string[]): string => items.slice(0, LISTED).join(', ') + (items.length > LISTED ? ', ...' : '');

/**
 * Read a report's text: the technique references (`extractReferences`), and, with a release to resolve against, each
 * reference's resolution and the ATT&CK groups, software and campaigns it names (`findAttackObjects`). `options.actor`
 * chooses one actor of a STIX bundle of threat intelligence (`bundleReport`) or a MISP event, and is the actor of a
 * report's text, checked against the release's groups (`reportActor`). Pure.
 * @throws UsageError when `options.actor` is given for an Attack Flow, or `options.campaigns` is false for anything but a
 * STIX bundle of threat intelligence.
 */
export function extractReport(text: string, context?: ResolveContext, options: ExtractReportOptions = {}): ExtractedReport {
  const progress = progressReporter(text.length, options.onProgress);
  const report = readReport(text, context, options, progress.at);
  progress.end();
  return report;
}

/** What `extractReport` is told besides a bundle's options: whom to tell how far it has read. */
export interface ExtractReportOptions extends BundleOptions {
  /**
   * Told how far the report is read, in characters of its text (`{ done, total }`), at most once per hundredth and
   * always further, the last time with `done === total`; for a progress line over a report of megabytes.
   */
  onProgress?: OnExtractProgress;
}

// The share of the work the walk over the lines takes (`referencesInLines`), with ATT&CK data at hand; the rest is
// checking what it read against the release, told at each step's end.
const WALK_SHARE = 0.5;

/** `extractReport`, telling `reached` the share of the work done (0 to 1) as it goes. */
function readReport(text: string, context: ResolveContext | undefined, options: BundleOptions, reached: (share: number) => void): ExtractedReport {
  // A STIX bundle of threat intelligence is read by its objects, not its text: the descriptions it copies from ATT&CK
  // cite other techniques.
  // So is a MISP event, by its galaxies and tags: the clusters' descriptions cite other techniques too.
  // So is an Attack Flow, by its actions: a STIX flow is a bundle of threat intelligence too, read as a flow first.
  // An action's `technique_ref` outside the flow is an ATT&CK attack-pattern's STIX id: looked up in the target, else
  // in the older releases (each loaded as it is reached).
  const attackPatternId = (stixId: string): string | undefined => {
    if (!context || !stixId.startsWith('attack-pattern--')) return undefined;
    const found = context.target.techniqueByStixId(stixId);
    if (found) return found.id;
    for (const release of context.history?.() ?? []) {
      const older = release.techniqueByStixId(stixId);
      if (older) return older.id;
    }
    return undefined;
  };
  const flow = attackFlowReport(text, { ...options, attackPatternId });
  if (flow && options.actor !== undefined) {
    const actor = givenName(options.givenAs, 'actor');
    throw new UsageError(`${options.file ?? 'the flow'}: ${actor} chooses an actor of a STIX bundle of threat intelligence or a MISP event; an Attack Flow's actor is the one threat actor or intrusion set it holds: leave ${actor} out`);
  }
  const stix = flow ? undefined : bundleReport(text, options);
  const misp = flow || stix ? undefined : mispEventReport(text, options);
  // So is a DeTT&CT group file, by its groups' technique_id lists.
  const dettect = flow || stix || misp ? undefined : dettectGroupReport(text, options);
  // So is an adversary emulation plan, by its steps' techniques and tactics.
  // A SCYTHE step's one tactic for several techniques goes to those that have it in the release.
  const planTactic = context ? (id: string, tactic: string) => techniqueHasTactic(context.target, id, tactic) : undefined;
  const plan = flow || stix || misp || dettect ? undefined : emulationPlanReport(text, { ...options, ...(planTactic ? { hasTactic: planTactic } : {}) });
  // So is a list of an actor's techniques (`ttps:`, `ttp_definitions:`, a playbook's `steps:`), by its entries.
  const ttps = flow || stix || misp || dettect || plan ? undefined : ttpListReport(text, options);
  const bundle = flow ?? stix ?? misp ?? dettect ?? plan ?? ttps;
  // Only a STIX bundle of threat intelligence attributes campaigns to an actor: `campaigns: false` (--no-campaigns) on
  // anything else would do nothing, and is refused as `--actor` is for an Attack Flow.
  if (options.campaigns === false && !stix) {
    const kind = flow ? 'an Attack Flow' : misp ? 'a MISP event' : dettect ? 'a DeTT&CT group file' : plan ? 'an emulation plan' : ttps ? 'a TTP list' : "a report's text";
    const campaigns = givenOption(options.givenAs, 'campaigns', false);
    const actor = givenName(options.givenAs, 'actor');
    throw new UsageError(
      `${options.file ?? 'the report'}: ${campaigns} leaves out the campaigns a STIX bundle of threat intelligence attributes to the actor ${actor.startsWith('-') ? actor : `the ${actor} option`} chooses; ` +
        `${kind} attributes none: leave ${campaigns} out`,
    );
  }
  // What names the software: a MISP event's clusters and tags, a bundle's objects.
  const places = misp ? 'misp' : 'bundle';
  // A report's text names no actor of its own data, nor does an emulation plan (its adversary_name is a scenario's,
  // `APT29 Day 1.A`): `--actor` gives the campaign's, checked against the release.
  const given = (!bundle || plan || ttps) && options.actor !== undefined ? reportActor(options.actor, context?.target, options.givenAs) : undefined;
  // An emulation plan's adversary_name that is one group's name or alias (`Carbanak`, `FIN6`) is its actor; a scenario's
  // name (`APT29 Day 1.A`) is the campaign's name only.
  // So is one with the group's ATT&CK ID after it (CTID's Sandworm plan: `Sandworm Team (G0034)`), where both name it.
  // So is a TTP list's actor (`threat_actor: FIN7`), else its name (`name: APT28` of ThreatActor.info's actor files).
  const listName = (plan ?? ttps)?.name;
  const [, planName, planId] = listName?.match(/^(.+?)\s*\((G\d{4})\)$/) ?? [undefined, listName, undefined];
  const planActor = planName && !given && context ? reportActor(planName, context.target) : undefined;
  const byPlanId = planId && context ? reportActor(planId, context.target).actor : undefined;
  const planGroup = planActor && (!planActor.note || planActor.actor !== planName) && (!planId || byPlanId === planActor.actor) ? planActor.actor : undefined;
  const textActor = given ? { actor: given.actor } : planGroup ? { actor: planGroup } : {};
  const actorNotes = given?.note ? [given.note] : [];
  // The notes of what a MISP event's or a bundle's reader did not read; what a MISP event says besides its techniques:
  // its date, its domain.
  const { notes: readerNotes = [] } = bundle ?? {};
  const { domain } = misp ?? {};
  const firstSeen = misp?.firstSeen ?? flow?.firstSeen;
  const lastSeen = flow?.lastSeen;
  const eventFields = {
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
    ...(domain ? { domain } : {}),
    ...(flow?.description ? { description: flow.description } : {}),
    ...(plan?.description ? { description: plan.description } : {}),
    ...(plan?.attackVersion ? { attackVersion: plan.attackVersion } : {}),
    ...(misp?.url ? { url: misp.url } : {}),
    ...(plan?.url ? { url: plan.url } : {}),
    ...(flow?.url ? { url: flow.url } : {}),
    ...(stix?.title ? { title: stix.title } : {}),
  };
  // Both readers work on the same folded lines: the text is split and folded once.
  // A Markdown link a converter broke across lines is read as one written on one line (`joinBrokenLinks`).
  // A line whose PDF-to-text lost every small `i` (`Executon T1059.003 Command and Scrptng Interpreter: …`) is read with
  // the letters back in the words of ATT&CK's names (`readLostLetters`), and said below.
  const lost = bundle || !context ? undefined : readLostLetters(text, context.target);
  const lines = bundle ? [] : foldLines(joinBrokenLinks(lost?.text ?? text));
  // Where each line starts, as a share of the text: how far the walk over the lines is when it reaches one.
  const lineShares: number[] = [];
  let characters = 0;
  for (const line of lines) {
    lineShares.push(characters);
    characters += line.original.length + 1;
  }
  const walked = (share: number) => (index: number) => reached((share * lineShares[index]!) / characters);
  // What the lines' reader could not read with certainty (names it could not pair with their IDs), by line.
  const unsure: string[] = [];
  const warning = (line: number, message: string): void => void unsure.push(`line ${line}: ${message}`);
  // The lines read with the `i`s their text lost, each with the words so read.
  const lostLetters = (lost?.lines ?? []).map(({ line, words }) => {
    const read = [...new Map(words.map((word) => [word.written, word.read])).entries()].map(([written, as]) => `"${written}" as ${as}`);
    return `line ${line}: the text lost every small "i" (a PDF font's), read with it put back in the words of ATT&CK's names: ${read.join(', ')}; check each reference against the report`;
  });
  // The Markdown links whose text and address name different techniques, both read.
  const links: string[] = [];
  const linkDisagrees = (line: number, message: string): void => void links.push(`line ${line}: ${message}`);
  // The rows whose tactic, where their table's header puts it, could not be read.
  const noTactic: string[] = [];
  const tacticUnread = (line: number, message: string): void => void noTactic.push(`line ${line}: ${message}`);
  // The IDs a line break or a soft hyphen split, joined on their first line (by line); one the release does not have is
  // read as written, and said.
  const brokenIds = new Map<number, BrokenId[]>();
  const brokenUnread: string[] = [];
  const unsureNotes = (): string[] => {
    const each = [...new Set(unsure)];
    return [
      ...(each.length ? [`${listed(each)} (write each name beside its own ID)`] : []),
      ...lostLetters,
      ...[...new Set(links)],
      ...brokenUnread,
      ...(noTactic.length ? [`no tactic read for ${noTactic.length} row${noTactic.length > 1 ? 's' : ''} of a table whose header puts the tactic after the ID: ${listed(noTactic)} (write their tactic: by hand)`] : []),
    ];
  };
  if (!context) {
    if (!bundle) {
      // `They used the Windows Command Shell (T1059.003)`: a sentence's opening words are no part of a name.
      // Without ATT&CK data an ID split by a line break is joined where the two make an ID, and said.
      const idJoined = (broken: BrokenId): void => void brokenUnread.push(`line ${broken.line}: ${brokenJoinText(broken)}; check the text`);
      const read = withNamesOutOfSentences(referencesInLines(lines, { warning, linkDisagrees, tacticUnread, idBroken: idJoined, lineReached: walked(1) }), lines);
      const { references } = withSigmaTags(read, lines);
      const front = readFrontMatter(references, text);
      return { references: front.references, objects: [], notes: [...actorNotes, ...unsureNotes()], ...(front.title ? { name: front.title } : {}), ...textActor };
    }
    const { references, name, actor } = bundle;
    const software = bundle.software ?? [];
    const notLookedUp = software.length ? [`${countedSoftware(software.length, places)} not looked up without ATT&CK data: ${software.map((each) => `"${each.written}"`).join(', ')}`] : [];
    return { references, objects: [], notes: [...actorNotes, ...readerNotes, ...notLookedUp], ...(name ? { name } : {}), ...(actor ? { actor } : textActor), ...eventFields };
  }
  const { target } = context;
  // Every name the readers below ask about is resolved once (`resolutionMemo`); the lines of names ask the target alone.
  const ask = resolutionMemo(context);
  const askTarget = resolutionMemo({ target });
  // The language in Latin script other than English most of the report is written in, if any (asked once, when needed).
  let language: { latin?: string } | undefined;
  const reportLanguage = (): string | undefined => (language ??= documentLanguage(text)).latin;
  // The words an ID was read from by a guess, by line, to say with its reference.
  const guessed = new Map<number, GuessedId[]>();
  // The table rows read joined to the row under them, their ID cell split over the two, by line.
  const joinedRows = new Map<number, SplitIdRow>();
  const rowJoined = (row: SplitIdRow): void => void joinedRows.set(row.line, row);
  const hasTechnique = (id: string): boolean => target.technique(id) !== undefined;
  // The technique names read joined from the lines they were wrapped over, by their first line.
  const wrappedNames = new Map<number, WrappedName>();
  const isTechniqueName = (name: string): boolean => target.techniquesByName(name).length > 0;
  // Whether words name a technique as the resolver reads a name alone (an alias, `RDP`; one several techniques have,
  // `Cloud Accounts`), not as close to a name (`Windows` is close to many), or one of `ids` in the writer's own words,
  // words that name a platform of the release or a place in the estate left out (`Windows Hosts` shares no word of
  // Windows Command Shell's but the platform's: the hosts were out of scope). A platform's name counts word by word, as
  // ATT&CK's own names for it have changed (`Network` up to 15, `Network Devices` since 16; `Office 365`, `Office Suite`):
  // `Network Shares` shares no word of Network Share Discovery's but the platform's and the estate's.
  const platformWords = target.platforms().flatMap((platform) => platform.split(/\s+/));
  const placeNames = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...platformWords, ...ESTATE_PLACES].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const namesAnyTechnique = (words: string, ids: readonly string[]): boolean => {
    const ownWords = words.replace(placeNames, ' ');
    return ask({ raw: words }, { similarNames: false }).status !== 'unknown' || ids.some((id) => inItsWords(ownWords, target.technique(id), target));
  };
  const nameJoined = (wrapped: WrappedName): void => void wrappedNames.set(wrapped.line, wrapped);
  // The rows of tables set in columns of spaces read joined from the lines their cells wrap over, by their first line.
  const layoutRows = new Map<number, LayoutRow>();
  const layoutJoined = (row: LayoutRow): void => void layoutRows.set(row.line, row);
  const idBroken = (broken: BrokenId): void => {
    if (!broken.joined) brokenUnread.push(`line ${broken.line}: ${brokenIdText(broken)} would make ${broken.id}, which ATT&CK ${target.release} does not have: read as written, not joined; check the text`);
    else brokenIds.set(broken.line, [...(brokenIds.get(broken.line) ?? []), broken]);
  };
  for (const guess of guessedIds(lines)) guessed.set(guess.line, [...(guessed.get(guess.line) ?? []), guess]);
  // The references one name written for several IDs gives, one per ID (`Remote Services: RDP / SSH (T1021.001 /
  // T1021.004)`), by where the name is written, in the order of their IDs: filled once the lines are read.
  const sharingName = new Map<string, ExtractedReference[]>();
  // Such a reference with the part of the name that is its ID's, where the name lists one per ID (`slashPairedNames`):
  // `Remote Services: RDP (T1021.001)`, which normalize reads as the campaign file writes it.
  const withOwnPart = (ref: ExtractedReference): ExtractedReference | undefined => {
    const group = ref.name !== undefined && ref.nameSpan ? sharingName.get(nameSpanKey(ref.nameSpan))?.filter((other) => other.name === ref.name) : undefined;
    if (!group || group.length < 2 || ref.ids.length !== 1) return undefined;
    const ids = group.map((other) => other.ids[0]!);
    const fits = (name: string, id: string): boolean => nameFitsId(name, id, ask({ raw: `${name} (${id})` }));
    const own = slashPairedNames(ref.name!, ids, fits)?.[ids.indexOf(ref.ids[0]!)];
    if (own === undefined) return undefined;
    const nameFirst = ref.nameSpan!.line < ref.span.line || (ref.nameSpan!.line === ref.span.line && ref.nameSpan!.start < ref.span.start);
    const raw = nameFirst ? `${own}${ref.raw.slice(ref.raw.lastIndexOf(' ('))}` : `${ref.raw.slice(0, ref.raw.indexOf(' ('))} (${own})`;
    return { ...ref, raw, name: own };
  };
  const resolved = (ref: ExtractedReference): ReportReference => {
    // `T10593`: T1059.003 or T1059 with a footnote's 3, not guessed at.
    if (ref.malformed && isFiveDigitId(ref.malformed)) return { ...ref, resolution: fiveDigitResolution(ref.malformed, target, ref.name) };
    // `Email Collection 71114`: an ID whose T OCR read as a 7 is resolved as the ID it stands for, and says so.
    const ocr = ocrIds.get(wholeSpanKey(ref));
    // `[T107 1.001]`: an ID whose digits a space split, read so in its brackets, is resolved as the ID it stands for.
    const split = (guessed.get(ref.span.line) ?? []).find((guess) => guess.rule === SPLIT_DIGITS_RULE && ref.ids.includes(guess.id) && ref.raw.includes(guess.written));
    const raw = ocr ? ref.raw.replace(ocr.written, ref.ids[0]!) : split ? ref.raw.replace(split.written, split.id) : ref.raw;
    const { resolution, warnings: kinds } = ask.withWarnings({ raw, tactics: ref.tactics });
    const { status, ids, note, candidates, warnings, tactics: written } = resolution;
    const ownPart = warnings.length ? withOwnPart(ref) : undefined;
    if (ownPart) return resolved(ownPart);
    // The answer is shared with every mention of the same words (`resolutionMemo`): the trail this mention adds to is its own.
    const trail = [...resolution.trail];
    const technique = ids.length === 1 ? target.technique(ids[0]!) : undefined;
    // Words a name is not: no technique's (`notATechniqueName`), sharing no word with any of the IDs' techniques' (its
    // own shorthand, `DLL Injection (T1055.001)`, shares one), for one ID or siblings (`T1059.001|003 here`).
    const techniques = ids.map((id) => target.technique(id));
    const foreign = (name: string | undefined): name is string =>
      techniques.length > 0 &&
      name !== undefined &&
      trail.includes(notATechniqueName(name)) &&
      techniques.every((each) => each !== undefined && !inItsWords(name, each, target));
    // `However T1003 followed.`: such words in lower case right after the ID, a space between, are the sentence going on
    // (a short line is read as a reference, its words beside the ID as its name): the reference is its ID alone.
    // After the rest of an ID a line break split (`T1059.`⏎`001 ran`), a sentence's words alone are none either.
    const sentence = ref.nameSpan?.line === ref.span.line + 1 && ref.name !== undefined && onlyStopWords(ref.name.split(' '));
    const bare = !ocr && ((foreign(ref.name) && !/\p{Lu}/u.test(ref.name)) || sentence) ? withoutNameAfter(ref, lines) : undefined;
    if (bare) return resolved(bare);
    const joined = joinedWarnings.get(spanKey(ref));
    const own = [...warnings, ...(joined ? [joined] : [])];
    // `| Lateral / Propagation | … | T1195 |`: the tactic cell's parts that name a tactic were read; the others are said.
    const unread = ref.tacticColumn !== undefined ? unreadTacticParts(ref.tacticColumn) : [];
    const cellWarning = `the tactic cell "${ref.tacticColumn}" was read as ${ref.tactics.join(', ')}: ${unread.map((part) => `"${part}"`).join(', ')} names no tactic`;
    if (unread.length) own.push(cellWarning);
    // `Therefore I did **not** map:` above the ID: no technique the report claims, kept for the analyst to judge.
    const denied = deniedMention(lines, ref.span.line, ref.span, namesAnyTechnique);
    if (denied) own.push(`${ref.ids.join(', ')} ${DENIED} (${denied}): keep it only where the report claims it`);
    // `| Persistence | T1059.001 | Windows Shell |`: a warning on the row's tactic says nothing of its name, so the checks
    // of the name below are said beside it; they stand back only for a warning already on the name or the ID.
    const onTactics = new Set([cellWarning, ...kinds.filter((warning) => warning.kind === 'tactic').map((warning) => warning.message)]);
    const onTactic = (message: string): boolean => onTactics.has(message);
    const nameUnwarned = (): boolean => own.every(onTactic);
    const sibling = siblingNumbers.get(spanKey(ref));
    if (sibling) trail.unshift(`read: ${sibling}`);
    const row = joinedRows.get(ref.span.line);
    if (row && ref.ids.includes(row.id)) {
      trail.unshift(`read: ${SPLIT_ID_ROW_RULE}`);
      own.unshift(`"${row.written}" and "${row.number}" in the row under it (line ${row.next}) read as ${row.id}: one cell split over two table rows; check the text`);
    }
    const broken = brokenIds.get(ref.span.line)?.find((each) => ref.ids.includes(each.id));
    if (broken) {
      trail.unshift(`read: ${BROKEN_ID_RULE}`);
      own.unshift(`${brokenJoinText(broken)}; check the text`);
    }
    const wrapped = ref.nameSpan ? wrappedNames.get(ref.nameSpan.line) : undefined;
    if (wrapped && ref.name === wrapped.name) trail.unshift(`read: ${WRAPPED_NAME_RULE}: lines ${wrapped.line}-${wrapped.last}`);
    const layoutRow = layoutRows.get(ref.span.line);
    if (layoutRow) trail.unshift(`read: ${LAYOUT_ROW_RULE}: lines ${layoutRow.line}-${layoutRow.last}`);
    const gluedTactic = glued.read.get(spanKey(ref));
    if (gluedTactic) trail.unshift(`read: ${GLUED_TACTIC_RULE}: ${gluedTactic}`);
    if (ocr) {
      trail.unshift(`read: ${ocr.rule}: "${ocr.written}" as ${ref.ids[0]}`);
      const where = !ref.nameSpan || ref.nameSpan.end <= ref.span.end ? 'before' : ref.nameSpan.start >= ref.span.end ? 'after' : 'around';
      own.unshift(`${ocr.written} read as ${ref.ids[0]}: the name ${where} it is that technique's; check the text`);
    }
    // `Mega.nz (T1567.002)`: a name written as a name is (not lower-case words, which describe what was done) that is no
    // technique's and shares no word with the ID's technique (`DLL Injection (T1055.001)` is its own shorthand), beside an
    // ID that decided alone, names something else: a tool, a service, a target. It is kept as written, and said, as a name
    // that disagrees with its ID is, unless a warning already stands on its name or ID (one on its tactic does not count).
    // `Remoção do Indicador: Exclusão de Arquivos (T1070.004)`, a Portuguese TTP table's cell: such a name in a language
    // other than English cannot be checked (ATT&CK names techniques in English only), which is what is said.
    // Such a name is in another language even where a word of it is the technique's too (`Déni de service réseau`, T1498
    // Network Denial of Service; `Mecanisme de fallback`, T1008 Fallback Channels).
    // A name written in a script other than Latin, wholly or in part, cannot be checked either, which the note on such names
    // says (`otherScriptName`), not a warning that it names no technique: `攻擊者通過用戶帳戶控制（UAC）旁路 (T1122)`, and
    // `Windows註冊表運行鍵條目（T1060）` (Windows registry run key entries) of which the reading kept the words in Latin
    // letters, `Windows`.
    const unchecked = technique !== undefined && ref.name !== undefined && trail.includes(notATechniqueName(ref.name)) && /\p{Lu}/u.test(ref.name) && !otherScriptName(ref);
    const language = unchecked && nameUnwarned() ? nameLanguage(ref.name!, reportLanguage()) : undefined;
    if (language !== undefined) {
      own.push(
        `"${ref.name}" is ${language ? `written in ${language}, not in English` : 'not written in English'}, in which ATT&CK names its techniques, so it was not checked against ${ids[0]} ${fullName(target, technique!)} (read by the ID alone); check that it names that technique`,
      );
    } else if (technique && nameUnwarned() && foreign(ref.name) && /\p{Lu}/u.test(ref.name) && !otherScriptName(ref)) {
      // `PsExec ( T1570 )`: the name of ATT&CK software that ATT&CK records as using the technique names the tool the
      // technique was done with, as the report means; the trail says so, and nothing is to be checked.
      const tool = softwareUsing(ref.name, technique.id, target);
      if (tool) trail.push(`name check: "${ref.name}" names ${tool.id} ${tool.name}, software ATT&CK records as using ${technique.id}`);
      else own.push(`"${ref.name}" is no name of ${ids[0]} ${fullName(target, technique)}, nor of any technique: read by the ID alone; check that it is the technique meant (the words may name a tool, a service or a target)`);
    }
    // `T1556.002 (Password Policy Bypass)`: such a name that shares with the ID's technique's only words many techniques'
    // names hold says nothing of that technique either; it may mean another one.
    const general =
      technique && nameUnwarned() && ref.name !== undefined && /\p{Lu}/u.test(ref.name) && trail.includes(notATechniqueName(ref.name)) && !otherScriptName(ref)
        ? onlyGeneralWord(ref.name, technique, target)
        : undefined;
    if (general) {
      const siblings = general.siblings.map((sibling) => `${sibling.id} ${sibling.name}`).join(', ');
      own.push(
        `"${ref.name}" is no name of ${ids[0]} ${fullName(target, technique!)}, nor of any technique, and shares with it only "${general.word}", a word of many techniques' names` +
          `${siblings ? ` (${general.siblingWords.map((word) => `"${word}"`).join(', ')} ${general.siblingWords.length === 1 ? 'is a word' : 'are words'} of ${siblings})` : ''}: read by the ID alone; check that it is the technique meant`,
      );
    }
    // `| Persistence | T1059.001 | Windows Command Shell |`: an ID and a name that disagree place the reference in no
    // technique, so resolving checks no tactic; a tactic of the row that neither technique has is said beside the disagreement.
    const byId = candidates.find((each) => each.why.startsWith('by the ID '));
    if (status === 'ambiguous' && byId) {
      const both = candidates.filter((each) => each === byId || each.why.startsWith('by the name '));
      const stray = written.read.filter((tactic) => both.every((each) => !each.tactics.includes(tactic)));
      if (stray.length && both.length > 1) {
        const has = [...new Set(both.flatMap((each) => each.tactics))].map((tactic) => target.tacticName(tactic)).join(', ');
        own.push(
          `${stray.map((tactic) => target.tacticName(tactic)).join(', ')} ${stray.length > 1 ? 'are tactics' : 'is a tactic'} of neither ${both.map((each) => `${each.id} ${each.name}`).join(' nor ')}: ` +
            `their tactics in ATT&CK ${target.release} are ${has}`,
        );
      }
    }
    // `TI000`: look-alike letters read as digits give an ID the release does not have; it may be no ID at all.
    if (status === 'unknown' && trail.includes(`read: ${LOOKALIKE_RULE}`)) {
      const written = /T[0-9OIl]{4}(?:\.[0-9OIl]{3})?/.exec(ref.raw)?.[0] ?? ref.raw;
      own.push(`"${written}" was read as ${ref.ids.join(', ')} (letters taken for digits), which ATT&CK ${target.release} does not have: check the text; it may be no technique ID`);
    }
    // `over SSHT1570`, `T1059.00112`: an ID read out of a longer word by a guess, which the analyst confirms.
    const { span } = ref;
    for (const guess of (guessed.get(span.line) ?? []).filter(({ id, at }) => ref.ids.includes(id) && at >= span.start && at < span.end)) {
      if (!trail.includes(`read: ${guess.rule}`)) trail.unshift(`read: ${guess.rule}`);
      if (guess.rule === GLUED_CAPITALS_RULE) {
        own.push(`"${guess.written}" was read as ${guess.id}, glued to the word in capitals "${guess.left}" before it: check the text`);
      } else if (guess.rule === SPLIT_DIGITS_RULE) {
        own.push(`"${guess.written}" was read as ${guess.id}, the space among its digits left out (OCR): check the text`);
      } else {
        own.push(
          status === 'unknown'
            ? `"${guess.written}" is unreadable: ${guess.id}, with a footnote ${guess.left} glued to it, is no technique of ATT&CK ${target.release}; check the text`
            : `"${guess.written}" was read as ${guess.id} with a footnote ${guess.left} glued to it: check the text`,
        );
      }
    }
    // `atomics/T1055/src/x64/T1055.dll`: an Atomic Red Team test's folder, a path rather than a citation, is read as its
    // technique once (the file in it named for the technique is not read again), and said; so is a file named for a
    // technique (`T1059.001.ps1` in a repository's list of its modules), read by the tokenizer's `FILE_NAME_RULE`.
    const pathLine = lines[span.line - 1]?.original ?? '';
    const folder = ATOMICS_BEFORE.exec(pathLine.slice(Math.max(0, span.start - 12), span.start))?.[0];
    if (folder && /^[/\\]/.test(pathLine.slice(span.end))) {
      own.push(`"${folder}${pathLine.slice(span.start, span.end + 1)}" is the folder of an Atomic Red Team test (a path, not a citation): read as ${ref.ids.join(', ')}; check that the report means the technique`);
    } else if (trail.includes(`read: ${FILE_NAME_RULE}`)) {
      // The file's name alone, also where a Markdown link holds it (`[T1547.001.md](…/T1547.001.md)`).
      const file = /[Tt]\d{4}(?:\.\d{3})?(?:[-.][\w-]+)*\.\w+/.exec(pathLine.slice(span.start, span.end))?.[0] ?? ref.raw;
      own.push(`"${file}" is the name of a file named for a technique (a path, not a citation): read as ${ref.ids.join(', ')}; check that the report means the technique`);
    }
    // `Web Protocolsmshta.exe`: a name cut inside a word, where the next cell's text ran into it, is said.
    const nameLine = ref.nameSpan ? lines[ref.nameSpan.line - 1]?.original : undefined;
    const at = ref.nameSpan?.end ?? 0;
    if (nameLine && /\p{Ll}/u.test(nameLine.charAt(at - 1)) && /\p{Ll}/u.test(nameLine.charAt(at))) {
      const word = /\S*$/.exec(nameLine.slice(0, at))![0] + /^\S*/.exec(nameLine.slice(at))![0];
      own.push(`the name "${ref.name}" was read up to where the next cell's text ran into its last word ("${word}"): check the text`);
    }
    // A TA ID and a name that disagree leave the reference what is certain: the tactic of the two its technique has, or none.
    const tactics = ref.tactics.flatMap((tactic) => {
      const conflict = TACTIC_ID_AND_NAME.test(tactic) ? tacticPairConflict(tactic, target) : undefined;
      if (!conflict) return [tactic];
      const { kept } = readTacticPair(tactic, conflict, ids.map((id) => target.technique(id)!), target);
      return kept ? [target.tacticName(kept)] : [];
    });
    // A wiki ID (`T816`) is an old form, and a misreading vouched for by its name (`Web Protocols T107 1.001`, `Email
    // Collection 71114`) or its brackets (`[T107 1.001]`, read alone only there) is read only here or in its brackets:
    // the campaign gets the ID as ATT&CK writes it, which `normalize` reads wherever it stands, and the warning above it
    // says once what was written.
    const current = ocr || split ? { raw } : {};
    return { ...ref, ...current, tactics: [...new Set(tactics)], resolution: { status, ids, note, candidates, warnings: own, trail } };
  };
  // A tactic written only as its ID (`持久化阶段（Persistence, TA0003）`) is given its name in the release: the
  // skeleton's `tactic:` holds names, as a campaign file does.
  // A TA ID with a name (`TA0002: Execution`, in brackets after the reference) is that name when both agree; when they
  // do not, or the release has no such ID, it stays as written, and resolving it warns.
  const tacticName = (tactic: string): string => {
    if (TACTIC_ID.test(tactic)) return target.tactic(tactic)?.name ?? tactic;
    const pair = TACTIC_ID_AND_NAME.exec(tactic);
    return pair && !tacticIdAndNameWarning(tactic, target) && !tacticPairConflict(tactic, target) ? (target.tactic(pair[1]!)?.name ?? tactic) : tactic;
  };
  const named = <R extends ExtractedReference>(ref: R): R =>
    ref.tactics.some((tactic) => TACTIC_ID.test(tactic) || TACTIC_ID_AND_NAME.test(tactic)) ? { ...ref, tactics: [...new Set(ref.tactics.map(tacticName))] } : ref;
  // A cell of a technique column names a technique when it resolves as a name does (exactly, an old name, an alias, a
  // typo); it is then a reference whose `ref` is the name.
  // A cell that names none is listed with the names it comes close to (`Credential Dumping`: T1003 OS Credential Dumping,
  // whose name it was before ATT&CK 7).
  // A cell that names a group or software (`PsExec`) is listed apart, with what it is (`software S0029 PsExec`), as
  // the resolver says of such a name written as a technique.
  const unread: string[] = [];
  const objectCells: string[] = [];
  const namesTechnique = (name: string, line: number, report = true): boolean => {
    const { status, candidates } = ask({ raw: name });
    if (status !== 'unknown') return true;
    if (!report) return false;
    const objects = [...new Map(target.actors(name).map((actor) => target.finalActor(actor)).map((o) => [o.id, o])).values()];
    if (objects.length) {
      objectCells.push(`line ${line} "${name}" (${objects.map((o) => `${objectKind(o)} ${o.id} ${o.name}`).join(' and ')})`);
      return false;
    }
    const similar = candidates.filter((candidate) => candidate.why === 'a similar name').map((candidate) => `${candidate.id} ${candidate.name}`);
    if (/\p{L}/u.test(name)) unread.push(`line ${line} "${name}"${similar.length ? ` (similar: ${similar.join(', ')})` : ''}`);
    return false;
  };
  // Whether a technique has a tactic, as a row of several techniques shares its tactics among them.
  const hasTactic = (id: string, tactic: string): boolean | undefined => techniqueHasTactic(target, id, tactic);
  // The tactics each line stands under, for an ID repaired apart from the reader (`ocrIdsInLines`).
  const tacticsOfLine = new Map<number, readonly string[]>();
  const lineTactics = (line: number, tactics: readonly string[]): void => void tacticsOfLine.set(line, tactics);
  const read = referencesInLines(lines, { namesApart: true, namesTechnique, hasTactic, warning, linkDisagrees, tacticUnread, lineTactics, rowJoined, hasTechnique, idBroken, isTechniqueName, nameJoined, layoutJoined, lineReached: walked(WALK_SHARE) }).map(named);
  reached(WALK_SHARE);
  // `Obfuscated Files or . T1027 Information`: an OCR'd cell's name set around its ID.
  // Whether an older release names the technique of an ID so, by the ID and the words: asked once each, as words
  // around IDs are asked again and again in a long report.
  const olderNamed = new Map<string, boolean>();
  // Words that are an older release's name of the technique an ID is (`T1554 Compromise Client Software Binary The actor
  // …`), asked only of a name read beside the ID that the resolver asks older releases of too (`nameKnownAtHand`: no
  // name, misspelling or parent's name of that technique at hand), and that holds a word of some technique's name.
  const olderNames = (ref: ExtractedReference): ((name: string) => boolean) | undefined => {
    const id = ref.ids[0];
    const { history } = context;
    if (!history || !id || ref.name === undefined || !nameWords(ref.name).some((word) => familiesWith(word, target) > 0)) return undefined;
    if (nameKnownAtHand(ref.name, id, target)) return undefined;
    return (name) => {
      const key = `${id} ${name}`;
      let known = olderNamed.get(key);
      if (known === undefined) {
        known = false;
        for (const release of history()) if ((known = release.techniquesByName(name).some((technique) => technique.id === id))) break;
        olderNamed.set(key, known);
      }
      return known;
    };
  };
  const ownAround = withNamesAround(read, lines, target, (name) => ask({ raw: name }).status !== 'unknown', olderNames);
  // `T0866 Exploitation of Remote ServicesThe actor` in an enterprise run: an ID of another domain has its name read by
  // that domain's release as the target's IDs have theirs, the words glued to it dropped (`Exploitation of Remote
  // Services (T0866)`).
  const otherRelease = (ref: ExtractedReference): AttackIndex | undefined => {
    const id = ref.ids[0];
    return id && !target.technique(id) ? context.otherReleases?.().find((index) => index.technique(id)) : undefined;
  };
  const around = ownAround.map((ref) => {
    const index = otherRelease(ref);
    return index ? withNamesAround([ref], lines, index, (name) => index.techniquesByName(name).length > 0)[0]! : ref;
  });
  // `- Credential Dumping - T1003 (APT33)`: the words before the dash name the technique, the bracket where it was seen.
  // An ID of another domain (`- Modify Program - T0889 (Indian Nuclear)` in an enterprise run) is named by that domain's
  // release: the resolver places it in none of the target's techniques, yet the words still name it.
  const namesOtherDomainId = (name: string, id: string): boolean => {
    const found = context.otherDomains?.(id);
    return !!found && [found.name, found.fullName].some((each) => nameKey(each) === nameKey(name));
  };
  // `T1420 (Mobile) File and Directory Discovery`: the bracket names the ID's domain; the name, if any, follows it.
  const dashed = withNamesBeforeDash(withoutDomainBracket(around, lines, target), lines, (name, id) => ask({ raw: name }, { similarNames: false }).ids.includes(id) || namesOtherDomainId(name, id));
  // `PersistenceValid Accounts(T1078)`: a tactic's cell glued before the name's, in a table whose cells ran together.
  const namesId = (name: string, id: string): boolean => {
    const own = ask({ raw: id }, { similarNames: false }).ids;
    return ask({ raw: name }, { similarNames: false }).ids.some((each) => own.includes(each));
  };
  const glued = withGluedTactics(dashed, target, namesId, spanKey);
  // A name of a comma list before a bracket of IDs fits its ID where the resolver reads it (a typo, an alias, an older
  // name too) as that ID's technique, its parent or a sub-technique of it; a name several techniques have
  // (`Spearphishing Link`) fits each of them.
  const namesIdsFamily = (name: string, id: string): boolean => {
    const own = ask({ raw: id }).ids;
    const read = ask({ raw: name });
    const ids = read.status === 'ambiguous' ? read.candidates.map((candidate) => candidate.id) : read.ids;
    return ids.some((each) => own.some((its) => its === each || its.startsWith(`${each}.`) || each.startsWith(`${its}.`)));
  };
  const paired = pairJoinedNames(glued.references, lines, target, (name) => namesTechnique(name, 0, false), namesIdsFamily);
  // By where each ID is written: a later mention of the ID is checked as a copy of its reference (`alone`, below).
  const joinedWarnings = new Map([...paired.warnings].map(([ref, message]) => [spanKey(ref), message]));
  const ocrIds = new Map<string, { written: string; rule: string }>();
  // The sub-techniques read from their number alone, and the rule each was read by.
  const siblingNumbers = new Map<string, string>();
  // `They used Regsvr32 (T1117)`, a short line read as a cell: the sentence up to the ID is no name; the words of it that
  // name a technique are.
  const namesWhat = (name: string, id: string): 'its' | 'another' | undefined => {
    const read = ask({ raw: name }, { similarNames: false });
    if (read.status === 'unknown') return undefined;
    const own = ask({ raw: id }, { similarNames: false }).ids;
    return read.ids.some((each) => own.includes(each)) ? 'its' : 'another';
  };
  // `spearphishing T1566.001 or T1566.002`: words in lower case shared by a list of IDs are a name where they hold a word
  // of each one's technique's name.
  const wordsOf = (words: string, id: string): boolean => {
    const technique = target.technique(id);
    return !!technique && sharedWords(words, fullName(target, technique)).length > 0;
  };
  const references = withNamesOutOfSentences(paired.references, lines, namesWhat, wordsOf);
  reached(0.62);
  const ocr = ocrIdsInLines(lines, context, ask);
  reached(0.7);
  // A reference read apart from the lines' reader goes among the others in the order of where it is written.
  const insert = (reference: ExtractedReference): void => {
    const at = references.findIndex((ref) => ref.line > reference.line || (ref.line === reference.line && ref.span.line === ref.line && ref.span.start > reference.span.start));
    references.splice(at < 0 ? references.length : at, 0, reference);
  };
  for (const { reference, written, rule } of ocr.found) {
    const key = wholeSpanKey(reference);
    ocrIds.set(key, { written, rule });
    // `| | Exploitation for Privilege Escalation - T106 | |` in a technique column: the cell the reader took as a name is
    // this reference, which takes its row's tactic as an ID the reader read there would.
    const cell = references.findIndex((ref) => !ref.ids.length && wholeSpanKey(ref) === key);
    if (cell >= 0) references.splice(cell, 1);
    insert({ ...reference, tactics: [...(tacticsOfLine.get(reference.line) ?? [])] });
  }
  // `T1566 .001 Spearphishing Attachment`⏎`.002 Spearphishing Link`: a sub-technique's number alone under its technique's row.
  // They may be many (a table of them), so they are merged in one pass, each where `insert` would put it.
  const siblings = siblingNumbersInLines(lines, references, context, ask);
  for (const reference of siblings.found) siblingNumbers.set(spanKey(reference), siblings.byColumn.has(reference) ? SUB_COLUMN_RULE : SIBLING_NUMBER_RULE);
  const withSiblings: ExtractedReference[] = [];
  let k = 0;
  for (const ref of references) {
    for (; k < siblings.found.length; k++) {
      const reference = siblings.found[k]!;
      if (!(ref.line > reference.line || (ref.line === reference.line && ref.span.line === ref.line && ref.span.start > reference.span.start))) break;
      withSiblings.push(reference);
    }
    if (!siblings.completed.has(ref)) withSiblings.push(ref);
  }
  withSiblings.push(...siblings.found.slice(k));
  references.splice(0, references.length, ...withSiblings);
  // `T10593`: a T and five digits that may be T1059.003 or T1059, a doubtful reference (`fiveDigitResolution`). In a
  // table's row it takes the row's tactic, as its neighbours' IDs do (`| Execution | T10593 | … |`).
  // `| Network Service Discovery (T10466) |` in a technique column: the cell the reader took as a name without an ID is
  // this reference, its name and its word; one reference, flagged, not the name read apart too.
  for (const reference of fiveDigitIdsInLines(lines, target)) {
    const { span } = reference;
    const cell = references.findIndex((ref) => !ref.ids.length && !ref.malformed && ref.span.line === span.line && ref.span.start <= span.start && ref.span.end >= span.end);
    if (cell >= 0) references.splice(cell, 1);
    insert({ ...reference, tactics: [...(tacticsOfLine.get(reference.line) ?? [])] });
  }
  // `T1059.001 PowerShell The actor used …`: a table row run together with no header above it, its use as evidence.
  references.splice(0, references.length, ...withRowUses(references, lines, (name, id) => ask({ raw: name }, { similarNames: false }).ids.includes(id)));
  // `Tags: attack.t1059.001, attack.t1105`, `- attack.execution`: a Sigma rule's tags quoted, read as Sigma means them.
  const sigma = withSigmaTags(references, lines, target);
  references.splice(0, references.length, ...sigma.references);
  // `evidence:` and `technique_name:` of a front matter's `mitre_ttps:` entry (a threat-intel site's brief): the use and
  // the name of the technique its entry names; its `title:`, the campaign's name.
  const front = readFrontMatter(references, text);
  references.splice(0, references.length, ...front.references);
  // `ACME-T1000`: a team's own technique of its Workbench namespace, which the data loaded holds, is read where it is written.
  const inWords = idsInWords(lines);
  const namespace = namespaceIdsInWords(inWords, lines, target);
  for (const ref of namespace.references) {
    const at = references.findIndex((other) => other.span.line > ref.line || (other.span.line === ref.line && other.span.start > ref.span.start));
    references.splice(at < 0 ? references.length : at, 0, ref);
  }
  // (The text readers above read no lines of a bundle: `resolved` needs what they set.)
  if (bundle) {
    // A kill chain phase (`defense-evasion`) is written as the tactic's name, as a campaign file writes it.
    const phaseName = (phase: string): string => {
      const shortname = readTactic(phase, target);
      return shortname ? target.tacticName(shortname) : phase;
    };
    // An emulation plan's step whose technique name is not its ID's is said, above its item and on stderr (the plan's
    // attack_version is the release it is checked in).
    const stepNames = plan?.stepNames ? stepNameNotes(plan.stepNames, plan.attackVersion, context) : [];
    const namesOf = (ref: ExtractedReference): string[] => stepNames.filter((one) => one.checked && ref.ids.includes(one.id)).map((one) => one.note);
    const checkedNames = stepNames.filter((one) => one.checked);
    const uncheckedNames = stepNames.filter((one) => !one.checked);
    const references = bundle.references.map((ref) => {
      const read = resolved({ ...ref, tactics: [...new Set(ref.tactics.map(phaseName))] });
      const names = namesOf(ref);
      return names.length && read.resolution ? { ...read, resolution: { ...read.resolution, warnings: [...read.resolution.warnings, ...names] } } : read;
    });
    const { name, actor, actors, attributed, campaignsLeftOut } = bundle;
    // A MISP event's software clusters and a bundle's software objects are found objects, as software a report's text names is.
    // An emulation plan named for ATT&CK software and no group (SCYTHE's `SLOTHFULMEDIA` threat) names that software; a
    // name that is neither (a scenario's, `APT29 Day 1.A`) is said nowhere.
    const software = bundle.software?.length
      ? mispSoftwareObjects(bundle.software, target, places, options.givenAs)
      : plan?.nameAsSoftware && !planGroup
        ? { objects: mispSoftwareObjects([plan.nameAsSoftware], target, places, options.givenAs).objects, notes: [] }
        : { objects: [], notes: [] };
    const notes = [...actorNotes, ...(checkedNames.length ? [`technique names that are not their attack_id's: ${checkedNames.map((one) => one.note).join('; ')}`] : []), ...(uncheckedNames.length ? [`technique names not checked in the release they were written in: ${uncheckedNames.map((one) => one.note).join('; ')}`] : []), ...(actors ? [severalActors(actors, name, options.givenAs)] : []), ...(actor && attributed ? [attributedNote(actor, attributed, references)] : []), ...(actor && campaignsLeftOut ? [leftOutNote(actor, campaignsLeftOut, options.givenAs)] : []), ...readerNotes, ...software.notes];
    return { references, objects: software.objects, notes, ...(name ? { name } : {}), ...(actor ? { actor } : textActor), ...eventFields };
  }
  // An ID written again with another name is a reference of its own (`referencesInLines`); where that name only agrees
  // with the ID (`mapped (T1213)`, `Supply Chain Compromise (T1195.002)`), it tells nothing more: its tactics go to the
  // first reference, and so do its lines. One whose name disagrees or draws a warning stays, for the analyst to see.
  reached(0.74);
  for (const ref of references) {
    if (ref.name === undefined || !ref.nameSpan || ref.ids.length !== 1) continue;
    const key = nameSpanKey(ref.nameSpan);
    sharingName.set(key, [...(sharingName.get(key) ?? []), ref]);
  }
  for (const group of sharingName.values()) group.sort((a, b) => a.span.line - b.span.line || a.span.start - b.span.start);
  const kept: ReportReference[] = [];
  const first = new Map<string, number>();
  for (const ref of references) {
    const key = referenceKey(ref);
    const at = first.get(key);
    if (at === undefined) {
      first.set(key, kept.push(resolved(ref)) - 1);
      continue;
    }
    // The mention is checked as it would be alone, its tactics aside (they go to the first reference, and are checked
    // there): a name that draws a warning by itself (`Mega.nz (T1567.002)`, no technique's name) keeps it apart. A name
    // without an ID is read with its own tactics, which may choose between techniques sharing it (`Spearphishing
    // Attachment` under Reconnaissance is not the one under Initial Access).
    const { tacticColumn: _column, ...mention } = ref;
    const alone = resolved({ ...mention, tactics: ref.ids.length ? [] : ref.tactics }).resolution!;
    const earlier = kept[at]!;
    if (!alone.warnings.length && alone.ids.length && alone.ids.join(' ') === earlier.resolution?.ids.join(' ')) {
      const tactics = [...new Set([...earlier.tactics, ...ref.tactics])];
      // A first mention without a name of its technique takes the name a later one gives in its technique's words, keeping
      // its own evidence: one without a name (`registry autoruns (T1547.001)`, its words the use's evidence) and then
      // `T1547.001 — Boot/Logon Autostart Execution: Registry Run Keys`; one whose words, drawing no warning, are none of
      // its technique's (CISA's BlackTech prose `(FTP) server [T1071.002]`, `server` another technique's name), its text
      // then the use's evidence, and then the table row `File Transfer Protocols T1071.002`. Words that name no technique
      // (a YAML key before the ID, `Privilege Esc.` a heat map's tactic cell beside it, read without its full stop) are no
      // name to take.
      const techniqueNamed = (name: string): boolean => alone.ids.every((id) => inItsWords(name, target.technique(id), target));
      const unnamed = earlier.name === undefined || (!earlier.resolution?.warnings.length && !techniqueNamed(earlier.name));
      if (unnamed && ref.name !== undefined && !alone.trail.some(namesNoTechnique) && (earlier.name === undefined || techniqueNamed(ref.name))) {
        const written = earlier.name === undefined ? [] : [{ text: earlier.raw, line: earlier.span.line }];
        const evidence = joinedEvidence(joinedEvidence(earlier.evidence ?? [], written), ref.evidence ?? []);
        kept[at] = resolved(withLinesOf({ ...mention, tactics, ...(evidence.length ? { evidence } : {}) }, earlier));
        continue;
      }
      // A first mention the report denies (`We did not observe T1041.`) and a later one it claims (`over their C2 channel
      // (T1041)`, no warning): the report claims the technique, and the denial is no warning of it.
      // A later mention's own use (ESET's Machete table: T1053 under Execution, then under Persistence, each row with its
      // use) is evidence too; what else stands beside it (a YAML list's `means: [T1090]`) is not.
      const evidence = joinedEvidence(earlier.evidence ?? [], (ref.evidence ?? []).filter(isUseSentence));
      const cited = withoutDenial(withLinesOf(evidence.length ? { ...earlier, evidence } : earlier, ref));
      kept[at] = tactics.length > earlier.tactics.length ? resolved({ ...cited, tactics }) : cited;
      continue;
    }
    kept.push(resolved(ref));
  }
  const notes: string[] = [...unsureNotes(), ...sigma.notes];
  // A repair that reads another technique than the ID written is said where the analyst looks, not only under --json.
  for (const ref of kept) {
    const read = readAsOther(ref);
    if (read) notes.push(`line ${ref.span.line}: "${ref.raw}": ${read}`);
  }
  if (unread.length) {
    // Older releases' names are read only when their data is at hand (`domainReleases`' history); without it, the
    // report's old names (a 2019 table's `Credential Dumping`) look like no names at all.
    const older = context.history?.()[Symbol.iterator]().next().done === false;
    notes.push(
      `${unread.length} cell${unread.length === 1 ? '' : 's'} of a technique column name${unread.length === 1 ? 's' : ''} no technique of ATT&CK ${target.label}, ` +
        `so ${unread.length === 1 ? 'it is' : 'they are'} no reference${unread.length === 1 ? '' : 's'}: ${listed(unread)} (check the name${unread.length === 1 ? '' : 's'}, or the domain` +
        (older ? ')' : `; names of older releases are read only with one at hand: ${fetchAdvice(options.givenAs, '6.3')} gets the last before sub-techniques)`),
    );
  }
  if (objectCells.length) {
    notes.push(
      `${objectCells.length} cell${objectCells.length === 1 ? '' : 's'} of a technique column name${objectCells.length === 1 ? 's' : ''} a group or software of ATT&CK ${target.label}, not a technique, ` +
        `so ${objectCells.length === 1 ? 'it is' : 'they are'} no reference${objectCells.length === 1 ? '' : 's'}: ${listed(objectCells)} ` +
        "(software goes under `software:`, whose documented techniques come in as inferred; a group is the campaign's `actor:`)",
    );
  }
  // `Spearphishing 71566.001 Attachment`: on a line that cites techniques, a number that would be one with a T for its
  // first digit may be an ID OCR misread, which no name vouched for; it is not read, but it is not passed over either.
  const citing = new Set(kept.flatMap((ref) => [ref.line, ref.span.line]));
  const doubtful = ocr.doubtful.filter(({ line, hasT }) => !hasT && citing.has(line));
  if (doubtful.length) {
    notes.push(
      `${doubtful.length} number${doubtful.length === 1 ? '' : 's'} on lines that cite techniques may be technique IDs whose T OCR read as 7 or 1, ` +
        `with no name of that technique before ${doubtful.length === 1 ? 'it' : 'them'}, so ${doubtful.length === 1 ? 'it is' : 'they are'} not read: ` +
        `${listed(doubtful.map(({ line, written, id }) => `line ${line} "${written}" (${id}?)`))} (check the text; add what is an ID to the campaign)`,
    );
  }
  // `Valid Accounts T 1078`, `T15 47.001`, `T1053.005a`: a word written like an ID of a technique the release has, but not as one, that
  // no name before it vouched for, is not read, and not passed over either, wherever it is.
  const misshapen = ocr.doubtful.filter(({ hasT }) => hasT);
  if (misshapen.length) {
    notes.push(
      `${misshapen.length} word${misshapen.length === 1 ? '' : 's'} may be technique IDs written with a space after the T or inside the digits, or a letter glued after, ` +
        `with no name of that technique before ${misshapen.length === 1 ? 'it' : 'them'}, so ${misshapen.length === 1 ? 'it is' : 'they are'} not read: ` +
        `${listed(misshapen.map(({ line, written, id }) => `line ${line} "${written}" (${id}?)`))} (check the text; add what is an ID to the campaign)`,
    );
  }
  // `| T1021.001/002 | chain-T1021.x |`: an ID inside a longer word is no reference (`idsInWords`); where its line does not
  // cite that technique otherwise, it is reported, not passed over.
  const cited = new Map<number, Set<string>>();
  for (const ref of kept) {
    for (const line of new Set([ref.line, ref.span.line, ...(ref.lines ?? [])])) {
      const ids = cited.get(line) ?? cited.set(line, new Set()).get(line)!;
      for (const id of [...ref.ids, ...(ref.resolution?.ids ?? [])]) ids.add(id);
    }
  }
  const namespaced = new Set([...namespace.unheld, ...inWords.filter(({ written }) => namespace.references.some((ref) => ref.raw === written))]);
  const joined = inWords.filter((word) => word.kind === 'joined' && !namespaced.has(word) && !word.ids.every((id) => cited.get(word.line)?.has(id)));
  // `ACME-T1000` where the data loaded lacks it: what it is, and what data to give (`--attack`), never read as T1000; once
  // an ID, with the lines it is written on.
  const unheld = new Map<string, number[]>();
  for (const { line, written } of namespace.unheld) (unheld.get(written) ?? unheld.set(written, []).get(written)!).push(line);
  for (const [id, at] of unheld) {
    notes.push(inGivenInputs(`line${at.length === 1 ? '' : 's'} ${at.join(', ')}: ${unheldNamespacedTechniqueText(id, target.label)}`, options.givenAs));
  }
  if (joined.length) {
    notes.push(
      `${joined.length} ID${joined.length === 1 ? '' : 's'} stand${joined.length === 1 ? 's' : ''} inside a longer word (a detector's, a test's or a tag's name, an ID of another scheme), ` +
        `so ${joined.length === 1 ? 'it is' : 'they are'} not read: ${listed(joined.map(({ line, written, ids }) => `line ${line} "${written}" (${ids.join(', ')}?)`))} ` +
        '(check the text; add what is a reference to the campaign)',
    );
  }
  // `$env:TEMPT1055.dll`, `C:\Users\Public\payloadT1059.001`: an ID glued to a word in a path or a file's name is a file's,
  // no citation, and may be no ID at all. It is reported only where the report cites that technique nowhere else (a
  // test's file beside the section that cites it says nothing new) and the release has it.
  const citedAnywhere = new Set([...cited.values()].flatMap((ids) => [...ids]));
  const inPaths = inWords.filter(({ ids, kind }) => kind === 'path' && ids.every((id) => target.technique(id)) && !ids.every((id) => citedAnywhere.has(id)));
  if (inPaths.length) {
    const one = inPaths.length === 1;
    notes.push(
      `${inPaths.length} ID${one ? '' : 's'} of ${one ? 'a technique' : 'techniques'} the report cites nowhere else ${one ? 'is' : 'are'} glued to a word in a path or a file's name (a path PDF-to-text ran together, a file named for its technique), ` +
        `so ${one ? 'it is' : 'they are'} not read: ${listed(inPaths.map(({ line, written, ids }) => `line ${line} "${written}" (${ids.join(', ')}?)`))} ` +
        '(check the text; add what is a reference to the campaign)',
    );
  }
  // `Execution » Command and Scripting Interpreter » PowerShell`, `- Scheduled Task/Job - Scheduled Task`: a line that is
  // nothing but a tactic and a technique, or a technique and its sub-techniques, names them as a table's technique
  // column does; each is resolved as a name is, and says it was read by name.
  // What a part of such a line names is asked of the target alone: older releases are loaded for names only once a line's
  // shape says it names techniques (a tactic before `»`, a technique before `-`).
  reached(0.8);
  const nameLines = namedLineItems(lines, new Set(kept.flatMap((ref) => [ref.line, ref.span.line, ...(ref.nameSpan ? [ref.nameSpan.line] : [])])), (name, tactics) => namedKind(name, { target }, tactics, askTarget));
  const unnamed: string[] = [];
  // The references read by name, by the name: a name written again (`- Valid Accounts` under `## Initial Access`, then
  // under `## Persistence`) adds its tactics and its line to the first, as an ID written again does.
  const byName = new Map<string, ReportReference>();
  for (const item of nameLines) {
    // An older name (`Credential Access: Credential Dumping` in a list of current ones) is asked of the older releases too.
    // The item's tactic tells a part of a name (`Persistence: Registry Run Keys`, T1547.001 Registry Run Keys / Startup Folder).
    const unread = item.older ? !context.history || !namedKind(item.name, context, item.tactics, ask) : !item.sure && !namedKind(item.name, { target }, item.tactics, askTarget);
    if (unread) {
      // A name the line's shape says is a technique's (`* Registry Run Keys / Start Folder - 2` among counted technique
      // names) that no release knows is said, not passed over.
      if (item.older && item.sure) unnamed.push(`line ${item.span.line} "${item.name}"`);
      continue;
    }
    // A tactic's page a list item links (`[Data from Local System](…/tactics/TA0009/)`) gives its TA ID: named as a campaign names it.
    const ref = named(resolved({ raw: item.name, line: item.span.line, ids: [], name: item.name, tactics: item.tactics, span: item.span }));
    const { status, candidates } = ref.resolution!;
    if (status === 'unknown') {
      const similar = candidates.filter((candidate) => candidate.why === 'a similar name').map((candidate) => `${candidate.id} ${candidate.name}`);
      if (item.sure) unnamed.push(`line ${item.span.line} "${item.name}"${similar.length ? ` (similar: ${similar.join(', ')})` : ''}`);
      continue;
    }
    // A name the technique had before (an older release's, a revoked technique's), or one read in another form than
    // ATT&CK's (`Phishing - attachment`: T1566.001 Spearphishing Attachment, by the last word of its name), is said with
    // the current name and ID, which the skeleton's `ref:` does not write.
    const older = status === 'renamed' || status === 'fuzzy' ? `${ref.resolution!.note}; ` : '';
    const key = item.name.toLowerCase();
    const earlier = byName.get(key);
    if (earlier) {
      // Checked as it would be alone, its tactics aside (they go to the first, and are checked there).
      const alone = resolved({ raw: item.name, line: item.span.line, ids: [], name: item.name, tactics: [], span: item.span }).resolution!;
      if (!alone.warnings.length && alone.ids.length && alone.ids.join(' ') === earlier.resolution!.ids.join(' ')) {
        const tactics = [...new Set([...earlier.tactics, ...item.tactics])];
        const merged = resolved({ ...withLinesOf(earlier, ref), tactics });
        merged.resolution!.warnings.unshift(earlier.resolution!.warnings[0]!);
        kept[kept.indexOf(earlier)] = merged;
        byName.set(key, merged);
        continue;
      }
    }
    ref.resolution!.warnings.unshift(`read by name from the ${item.form} "${item.written}", no ID written: ${older}check that it is the technique meant`);
    if (!earlier) byName.set(key, ref);
    const at = kept.findIndex((other) => other.line > ref.line);
    kept.splice(at < 0 ? kept.length : at, 0, ref);
  }
  if (unnamed.length) {
    notes.push(
      `${unnamed.length} name${unnamed.length === 1 ? '' : 's'} on lines of tactics and techniques without IDs (a breadcrumb \`Tactic » Technique\`, a list item \`Technique - Sub-technique\` or \`Technique - count\`) ` +
        `name${unnamed.length === 1 ? 's' : ''} no technique of ATT&CK ${target.label}, so ${unnamed.length === 1 ? 'it is' : 'they are'} no reference${unnamed.length === 1 ? '' : 's'}: ${listed(unnamed)} (check the name${unnamed.length === 1 ? '' : 's'})`,
    );
  }
  // `鱼叉式钓鱼附件（T1566.001）`: ATT&CK names its techniques in English only, and no table here gives them in Chinese,
  // Japanese, Korean or Russian; such a name beside an ID is not checked against it (the ID decides), which is said.
  // The name is checked in the form the resolver reads it (`OS 凭据转储：NTDS` as `OS 凭据转储:NTDS`, its fullwidth colon
  // NFKC's `:`; `「スケジュールされたタスク」` without its quotes), which its trail says (`namesNoTechnique`).
  const unchecked = kept.filter((ref) => otherScriptName(ref) !== undefined && ref.resolution?.trail.some(namesNoTechnique));
  if (unchecked.length) {
    const one = unchecked.length === 1;
    notes.push(
      `${unchecked.length} name${one ? '' : 's'} beside ${one ? 'its ID is' : 'their IDs are'} written in a script other than Latin, in which ATT&CK and this tool have no technique names, ` +
        `so ${one ? 'it was' : 'they were'} not checked against ${one ? 'it' : 'them'} (read by the ID alone): ${listed(unchecked.map((ref) => `line ${ref.line} "${otherScriptName(ref)}" beside ${ref.resolution!.ids.join(', ') || ref.ids.join(', ')}`))} ` +
        `(check that ${one ? 'it' : 'each'} names the technique of its ID)`,
    );
  }
  // Names in prose are no references (`Phishing` is in every sentence of a phishing report); where the report cites
  // techniques mostly by name, the analyst is pointed to what reads them. Each is given by ID and ATT&CK's full name
  // (`T1583.004 Acquire Infrastructure: Server`): a sub-technique's own name (`Server`) says little alone.
  const known = new Set(kept.flatMap((ref) => [...ref.ids, ...(ref.resolution?.ids ?? [])]));
  const referenceLines = new Set(kept.flatMap((ref) => [ref.line, ref.span.line, ...(ref.nameSpan ? [ref.nameSpan.line] : [])]));
  // Older names (`Credential Dumping`, T1003's before ATT&CK 7) count too: the target's revoked techniques' always, the
  // older releases' (each loaded on first use) where the report cites no technique by ID or names more without one.
  reached(0.86);
  const current = namesWithoutIds(lines, target, known, referenceLines);
  const unnumbered = context.history && (!kept.length || current.length > kept.length) ? namesWithoutIds(lines, target, known, referenceLines, context.history()) : current;
  reached(0.92);
  if (unnumbered.length > kept.length) {
    const written = (n: (typeof unnumbered)[number]): string => (n.written ? ` (written "${n.written}", an older name)` : '');
    notes.push(
      `the report names ${unnumbered.length} technique${unnumbered.length === 1 ? '' : 's'} without an ID (${listed(unnumbered.map((n) => `${n.id} ${fullName(target, target.technique(n.id)!)}${written(n)} at line ${n.line}`))}), ` +
        `which ${options.givenAs?.command ? 'extract' : 'extractReport'} reads only in a table's technique column, a list of techniques, a breadcrumb (\`Tactic » Technique\`) and a heading (\`## Tactic: Technique\`): ${suggestAdvice(options.givenAs)}`,
    );
  }
  // `MITRE ATT&CK` over nothing (Trend Micro's table kept as an image, the page as text): a section a heading announces
  // ATT&CK techniques for, in which no reference was read, is said, not passed over.
  const citedLines = kept.flatMap((ref) => [ref.line, ref.span.line, ...(ref.lines ?? []), ...(ref.nameSpan ? [ref.nameSpan.line] : [])]);
  for (const section of attackSections(lines.map((line) => line.original))) {
    if (citedLines.some((line) => line >= section.line && line < section.end)) continue;
    notes.push(`line ${section.line}: the section "${section.heading}" holds no technique extract could read (a table kept as an image?); map it by hand from the original report`);
  }
  // `gained initial access [`⏎`] to the victim organization` (a scraped copy of CISA's AA22-074A): the scraper dropped
  // each bracketed, linked ID, text and address, so a report that cites ATT&CK that way reads as citing nothing. Where it
  // speaks of ATT&CK and two brackets or more were so emptied, they are said, not passed over.
  const emptied = /ATT&(?:amp;)?CK|\bMITRE\b/i.test(text) ? emptiedBrackets(lines.map((line) => line.original)) : [];
  if (emptied.length >= 2) {
    notes.push(
      `${emptied.length} brackets are empty where the report had a link, as a scraper leaves them when it drops a link's text and address (a scraped CISA advisory's \`initial access [\`⏎\`]\`, ` +
        `its linked ATT&CK IDs lost): ${listed(emptied.map(({ line, written }) => `line ${line} "${written}"`))} ` +
        `(the IDs they held, if any, are not in this text: extract the report's PDF or its page saved whole, or ${options.givenAs?.suggest ? `\`extract ${options.givenAs.suggest}\`` : '`suggestTechniques`'} to rank techniques for the words)`,
    );
  }
  return { references: kept, objects: objectsInLines(lines, target), notes: [...actorNotes, ...notes, ...unknownGroupNames(lines, target)], ...(front.title ? { name: front.title } : {}), ...textActor };
}

// An ID as a reference's text writes it, in brackets or not, with the cell border that joins it to a name in another cell.
const WRITTEN_ID = /\s*\|?\s*[(（【[]?\s*T\d{4}(?:\.\d{3})?\s*[)）】\]]?\s*\|?\s*/g;

/**
 * The name beside a reference's ID as written, where it is written in a script other than Latin, wholly or in part
 * (`服务器软件组件：Web Shell`); where the reading kept only its words in Latin letters (`Windows` of
 * `Windows註冊表運行鍵條目（T1060）`, a Traditional Chinese walkthrough of the APT29 evaluation), the reference's text without
 * its ID. Undefined for a name in Latin letters alone, and for none.
 */
/** Whether a technique has a tactic (a display name, an ID or a shortname) in a release; undefined where either is unknown. */
function techniqueHasTactic(target: AttackIndex, id: string, tactic: string): boolean | undefined {
  const technique = target.technique(id);
  const shortname = technique ? readTactic(tactic, target) : undefined;
  return shortname ? technique!.tactics.includes(shortname) : undefined;
}

function otherScriptName(ref: ExtractedReference): string | undefined {
  if (ref.name === undefined) return undefined;
  if (OTHER_SCRIPT.test(ref.name)) return ref.name;
  const written = ref.raw.replace(WRITTEN_ID, ' ').trim();
  return OTHER_SCRIPT.test(written) && written.includes(ref.name) ? written : undefined;
}

/** Where an ID a line break or a soft hyphen split is written (`"T1566.-" at the end of line 3 and "001" starting line 4`). */
function brokenIdText(broken: BrokenId): string {
  return broken.next === broken.line
    ? `"${broken.written}${broken.rest}", a soft hyphen inside it,`
    : `"${broken.written}" at the end of line ${broken.line} and "${broken.rest}" starting line ${broken.next}`;
}

/** What the reader made of an ID a line break or a soft hyphen split, joined. */
function brokenJoinText(broken: BrokenId): string {
  const how =
    broken.next === broken.line
      ? 'one ID with a soft hyphen inside it'
      : /[-\u00ad]$/.test(broken.written)
        ? 'one ID split by a line break, as PDF-to-text leaves a hyphenated word'
        : 'one ID split by a line break, as PDF-to-text leaves a word wrapped in a narrow cell or column';
  return `${brokenIdText(broken)} read as ${broken.id}: ${how}`;
}

/** How a note names getting a release (`` `attack-layers data fetch --attack-release 6.3` `` for the CLI, `` `fetchRelease` (version: '6.3') `` for a program). */
function fetchAdvice(givenAs: GivenAs | undefined, release: string): string {
  return givenAs?.command ? `\`${givenAs.command} data fetch ${givenOption(givenAs, 'version', release)}\`` : `\`fetchRelease\` (${givenOption(givenAs, 'version', release)})`;
}

/** How a note names ranking techniques for a report's words and adding them to the skeleton: the CLI's commands, else the library's functions. */
function suggestAdvice(givenAs: GivenAs | undefined): string {
  if (givenAs?.command && givenAs.suggest) return `\`${givenAs.command} suggest\` ranks them, \`extract ${givenAs.suggest}\` adds them to the skeleton as comments`;
  return "`suggestTechniques` ranks them, and `renderCampaignSkeleton` writes its suggestions (its `suggestions` option) to the skeleton as comments";
}

/** The ATT&CK software (malware or tool) a name or alias names that ATT&CK records as using a technique; undefined for none. */
function softwareUsing(name: string, id: TechniqueId, target: AttackIndex): ActorRecord | undefined {
  return target
    .actors(name)
    .map((actor) => target.finalActor(actor))
    .find((actor) => (actor.type === 'malware' || actor.type === 'tool') && actor.techniques.includes(id));
}
