import type { YAMLMap } from 'yaml';
import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import { fetchCommand } from '../attack/release-files.js';
import type { TechniqueRecord } from '../attack/types.js';
import { fullName, type ResolveContext } from '../normalize/resolve-reference.js';
import { kindOfDocument } from '../input-kind.js';
import { tacticDisplayName, tacticKey } from '../normalize/tactic-text.js';
import type { BundleOptions, BundleReport } from './bundle-references.js';
import type { ExtractedReference } from './extract-references.js';
import type { NamedSoftware } from './named-software.js';
import { addPlacedReference } from './placed-references.js';
import { readPlacedYaml } from './yaml-places.js';
import { scytheThreatReport } from './scythe-threat-references.js';

// An ATT&CK technique ID as a plan writes it, in any case.
const TECHNIQUE_ID = /^T\d{4}(?:\.\d{3})?$/i;

/** What an emulation plan says besides its steps: its `emulation_plan_details`. */
export interface EmulationPlanReport extends BundleReport {
  /** The plan's `adversary_description`: the campaign's `description:`. */
  description?: string;
  /** The plan's `attack_version` (`8.1`), the release its steps' IDs come from: the campaign's `attack_version:`. */
  attackVersion?: string;
  /** Each step's technique `name` written beside its `attack_id`, to check against the ID's name (`stepNameNotes`). */
  stepNames?: PlanStepName[];
  /** The address of the report the plan was written from (a SCYTHE threat's `description` that is one): the source's `url:`. */
  url?: string;
  /**
   * The plan's name as the software it may be named for (SCYTHE's `SLOTHFULMEDIA` threat), with its place: looked up
   * where it names no group, and said nowhere when it names no software either (a scenario's name, `APT29 Day 1.A`).
   */
  nameAsSoftware?: NamedSoftware;
}

/** A step's technique `name` beside its `attack_id`, where the plan writes it. */
export interface PlanStepName {
  id: string;
  name: string;
  line: number;
  /** The step as messages name it: `step 4.B.1 "UAC Bypass and Credential Dumping"`. */
  step: string;
}

/** How an emulation plan is read: a bundle's options, and ATT&CK data where there is some. */
export interface EmulationPlanOptions extends BundleOptions {
  /** Whether a technique has a tactic in the release read in (undefined where either is unknown): a SCYTHE step's tactic goes to the techniques that have it. */
  hasTactic?: (id: string, tactic: string) => boolean | undefined;
}

/**
 * Read an adversary emulation plan as a report: the YAML of MITRE CTID's Adversary Emulation Library
 * (`*\/Emulation_Plan/yaml/*.yaml`: a list whose first item is `emulation_plan_details`, then one item a step) or of
 * CALDERA's abilities (mitre/stockpile `data/abilities/**\/*.yml`), each step with its `tactic` and `technique: {
 * attack_id, name }`; undefined for any other text (`kindOfDocument` tells it). Each step is a reference: its `attack_id`
 * (else its technique's `name`) at its line, the step's tactic as its tactic (so that resolving checks it against the
 * technique, as any reference's), its `description` as evidence, and the step (`procedure_step`, `name`) as where it
 * is named; a technique several steps use is one reference, with every step's line. IDs a step's `name` cites besides
 * its `attack_id` (APT3's plan names a step for the five it does) are references too, without the step's tactic, and said. A SCYTHE threat is read by
 * `scytheThreatReport`. A tactic that names no ATT&CK
 * tactic (`credential-dumping`, `stage-capabilities`) is left out and said; one read another way (`defensive-evasion`
 * as Defense Evasion) is said too. The campaign is named after `adversary_name`, described by `adversary_description`,
 * and its IDs are read as of `attack_version`. Pure.
 * @throws InvalidYamlError naming the file, line and column of each syntax error.
 */
export function emulationPlanReport(source: string, options: EmulationPlanOptions = {}): EmulationPlanReport | undefined {
  // Told by the parsed document, so that a report quoting a step in its prose stays a report.
  if (kindOfDocument(source) !== 'emulation-plan') return undefined;
  // A SCYTHE threat is a plan of its own shape: its steps' tags name their techniques.
  const scythe = scytheThreatReport(source, options);
  if (scythe) return scythe;
  const file = options.file ?? 'the emulation plan';
  const { Y, doc, at, text: trimmed } = readPlacedYaml(source, file, 'emulation plan');
  const root = doc.contents;
  const items = Y.isSeq(root) ? root.items : Y.isMap(root) ? [root] : [];
  // YAML whose items are no plan's nor steps (a mapping over a quoted step) is read as text.
  if (!items.some((item) => Y.isMap(item) && (Y.isMap(item.get('emulation_plan_details', true)) || Y.isMap(item.get('technique', true))))) return undefined;
  const lineOf = (node: unknown): number => at(node).line;
  // A folded description's lines are one text.
  const text = (node: unknown): string | undefined => trimmed(node)?.replace(/\s+/g, ' ');
  const report: EmulationPlanReport = { references: [] };
  const references = new Map<string, ExtractedReference>();
  const unreadTactics: string[] = [];
  const readTactics: string[] = [];
  const noTechnique: string[] = [];
  const stepNames: PlanStepName[] = [];
  const namedInStep: string[] = [];
  items.forEach((item, index) => {
    if (!Y.isMap(item)) return;
    const details = item.get('emulation_plan_details', true);
    if (Y.isMap(details)) {
      const name = text(details.get('adversary_name', true));
      const description = text(details.get('adversary_description', true));
      // A YAML number (`attack_version: 8.1`) as written, not as the number it parses to.
      const versionNode = details.get('attack_version', true);
      const version = Y.isScalar(versionNode) ? (versionNode.source ?? text(versionNode)) : undefined;
      const nameAsSoftware = name ? { written: name, name, lines: [lineOf(details.get('adversary_name', true))], from: [`emulation_plan_details adversary_name, line ${lineOf(details.get('adversary_name', true))}`] } : undefined;
      Object.assign(report, name ? { name, nameAsSoftware } : {}, description ? { description } : {}, version && /^\d+(?:\.\d+)?$/.test(version.trim()) ? { attackVersion: version.trim() } : {});
      return;
    }
    const techniqueNode = item.get('technique', true);
    const step = stepLabel(item, index, text);
    if (!Y.isMap(techniqueNode)) {
      if (item.has('tactic') || item.has('technique')) noTechnique.push(`${step}, line ${lineOf(item)}`);
      return;
    }
    const idNode = techniqueNode.get('attack_id', true);
    const nameNode = techniqueNode.get('name', true);
    const written = text(idNode) ?? text(nameNode);
    const node = text(idNode) ? idNode : nameNode;
    if (!written) {
      noTechnique.push(`${step}, line ${lineOf(item)}`);
      return;
    }
    const line = lineOf(node);
    const tacticNode = item.get('tactic', true);
    const tacticWritten = text(tacticNode);
    const tactics = tacticWritten === undefined ? [] : stepTactics(tacticWritten);
    const tactic = tactics.join(' and ') || undefined;
    const stepName = text(nameNode);
    // What is said of the step's tactic: that it names none, or which one it was read as where it is written otherwise.
    const tacticSaid = tacticWritten === undefined ? undefined : !tactic ? 'names no ATT&CK tactic' : tacticKey(tacticWritten) !== tacticKey(tactic) ? `read as ${tactic}` : undefined;
    // FIN7's plan writes a technique's name as a step's tactic (`tactic: OS Credential Dumping` for T1003.002).
    const itsName = tacticWritten !== undefined && stepName?.toLowerCase().startsWith(tacticWritten.toLowerCase()) ? ': its technique\'s name' : '';
    if (tacticSaid && !tactic) unreadTactics.push(`line ${lineOf(tacticNode)} "${tacticWritten}" (${step}, ${written}${itsName})`);
    else if (tacticSaid) readTactics.push(`line ${lineOf(tacticNode)} "${tacticWritten}" as ${tactic}`);
    const id = TECHNIQUE_ID.test(written) ? written.toUpperCase() : undefined;
    if (id && stepName && text(idNode)) stepNames.push({ id, name: stepName, line: lineOf(nameNode), step });
    const description = text(item.get('description', true));
    const evidence = description ? [{ text: description, line: lineOf(item.get('description', true)) }] : [];
    const from = `${step} (technique: ${[text(idNode), text(nameNode)].filter(Boolean).join(' ')}${tacticSaid ? `; tactic "${tacticWritten}" ${tacticSaid}` : ''}), line ${line}`;
    addPlacedReference(references, id ?? written.toLowerCase(), { written, ...(id ? { id } : {}), line, col: at(node).col, tactics, evidence, from });
    // A step's name may cite the techniques it does besides its attack_id (APT3's `5.B.1 - Access Token Manipulation
    // (T1134), 6.A.1 - Query Registry (T1012), …` for T1134): each is a reference of its own, without the step's tactic.
    const stepNameNode = item.get('name', true);
    const cited = citedIds(source, stepNameNode, id);
    for (const { id: other, offset } of cited) {
      const place = at({ range: [offset] });
      addPlacedReference(references, other, { written: other, id: other, line: place.line, col: place.col, tactics: [], evidence: [], from: `${step} cites ${other} in its name (its technique: ${written}), line ${place.line}` });
    }
    if (cited.length) namedInStep.push(`line ${lineOf(stepNameNode)} ${step.split(' "')[0]}: ${[...new Set(cited.map((one) => one.id))].join(', ')}`);
  });
  report.references = [...references.values()];
  if (stepNames.length) report.stepNames = stepNames;
  const notes = [
    ...(unreadTactics.length ? [`tactics that name no ATT&CK tactic, so their steps' techniques are read with their own tactics: ${unreadTactics.join('; ')} (write the step's tactic: by hand where it is meant)`] : []),
    ...(readTactics.length ? [`tactics read as the ATT&CK tactic they spell: ${readTactics.join('; ')}`] : []),
    ...(noTechnique.length ? [`steps with no technique's attack_id or name, left out: ${noTechnique.join('; ')}`] : []),
    ...(namedInStep.length ? [`techniques a step's name cites besides its attack_id, each taken without the step's tactic: ${namedInStep.join('; ')} (check that the step does them)`] : []),
  ];
  return notes.length ? { ...report, notes } : report;
}

/**
 * The technique IDs a step's `name` node cites other than its own `id`, each once, with the offset in `source` where it
 * is written (a plain name may run over several lines).
 */
function citedIds(source: string, node: unknown, id: string | undefined): Array<{ id: string; offset: number }> {
  const range = (node as { range?: [number, number] } | undefined)?.range;
  if (!range) return [];
  const cited: Array<{ id: string; offset: number }> = [];
  for (const match of source.slice(range[0], range[1]).matchAll(/\bT\d{4}(?:\.\d{3})?\b/g)) {
    if (match[0] !== id && !cited.some((one) => one.id === match[0])) cited.push({ id: match[0], offset: range[0] + match.index });
  }
  return cited;
}

/**
 * The ATT&CK tactics a step's `tactic` names: one, else several joined by a slash, comma or `and` where each part names
 * one (FIN7's `tactic: Discovery/Execution` for T1057), else none. A TTP list's entries are read so too.
 */
export function stepTactics(written: string): string[] {
  const one = tacticDisplayName(written);
  if (one) return [one];
  const parts = written.split(/\s*[/,&]\s*|\s+and\s+/i).map((part) => tacticDisplayName(part));
  return parts.length > 1 && parts.every(Boolean) ? [...new Set(parts as string[])] : [];
}

/** A step as messages name it: `step 4.B.1 "UAC Bypass and Credential Dumping"`, else its name, else its place in the list. */
function stepLabel(item: YAMLMap, index: number, text: (node: unknown) => string | undefined): string {
  const step = text(item.get('procedure_step', true));
  const name = text(item.get('name', true));
  return [step ? `step ${step}` : name ? 'step' : `item ${index + 1}`, ...(name ? [JSON.stringify(name)] : [])].join(' ');
}

/** What is said of a step's technique name: a mismatch or an older name (`checked`), or a name no release at hand could check. */
export interface StepNameNote {
  id: string;
  note: string;
  /**
   * False where the release the name was written in is not loaded (the plan's `attack_version`, or for an ability any
   * older release), and the name is no other technique's: it may be that release's name of the ID, so it is no
   * mismatch, and is said only among the report's notes.
   */
  checked: boolean;
}

/**
 * What a step's technique `name` says that its `attack_id` does not, in the release of the plan's `attack_version` (the
 * newest of its major version at hand, else the target): a note per step whose name is not the ID's technique's. Plans
 * add the tool after ` - ` (FIN6's `OS Credential Dumping: LSASS Memory - Invoke-Mimikatz`) or after the name, so the
 * part before ` - `, or a name the written one starts with, is the one checked; the technique's own name alone (`LSASS
 * Memory`) is its name too. A name the ID had in an older release at hand (an ability's `Credential Dumping` for T1003),
 * or the name of a technique the release revoked into it (T1139 `Bash History`, now T1552.003), is said as an older
 * name. Where the plan's release is not loaded (nor, for an ability, any older one), a name that is no other
 * technique's cannot be called a mismatch: it is said as not checked. Pure but for the releases `history` loads.
 */
export function stepNameNotes(steps: readonly PlanStepName[], attackVersion: string | undefined, context: ResolveContext): StepNameNote[] {
  const { target } = context;
  const releases = (): Iterable<AttackIndex> => [target, ...(context.history?.() ?? [])];
  const planRelease = attackVersion === undefined ? undefined : releaseOf(attackVersion, releases());
  const release = planRelease ?? target;
  const asOf = attackVersion === undefined || planRelease?.release === attackVersion ? `ATT&CK ${release.release}` : `ATT&CK ${release.release} (${attackVersion} is not at hand)`;
  // The release the names were written in is at hand: the plan's (or one of its major version); an ability states none,
  // so any older release may be it.
  // Asked only of a name that is not the ID's, so that a plan whose names all agree loads no older release.
  const checkable = (): boolean => planRelease !== undefined || (attackVersion === undefined && context.history?.()[Symbol.iterator]().next().done === false);
  return steps.flatMap(({ id, name, line, step }): StepNameNote[] => {
    const technique = release.technique(id);
    if (!technique || namesTechnique(name, release, technique)) return [];
    const older = [...releases()].find((other) => other !== release && other.technique(id) && namesTechnique(name, other, other.technique(id)!));
    const what = `line ${line}: ${step} names its technique ${JSON.stringify(name)}, not ${id} ${fullName(release, technique)} of ${asOf}`;
    if (older) return [{ id, note: `${what}: an older name, ${id}'s in ATT&CK ${older.release} (the ID is kept)`, checked: true }];
    const revoked = namedTechniques(name, release, technique).find((other) => other.revoked && release.revocationChain(other).final === technique);
    if (revoked) return [{ id, note: `${what}: an older name, that of ${revoked.id}, which ATT&CK ${release.release} revoked into ${id} (the ID is kept)`, checked: true }];
    const others = namedTechniques(name, target, technique).filter((other) => !other.revoked && !other.deprecated && (other.parent ?? other.id) !== (technique.parent ?? technique.id));
    if (others.length || checkable()) {
      const named = others.length && !checkable() ? `: it names ${others.map((other) => `${other.id} ${fullName(target, other)}`).join(', ')} in ATT&CK ${target.release}` : '';
      return [{ id, note: `${what}${named} (check which technique the step is; the ID is kept)`, checked: true }];
    }
    const unchecked = `line ${line}: ${step} names its technique ${JSON.stringify(name)}, which is not ${id}'s name in ATT&CK ${target.release} (${fullName(target, technique)})`;
    const but =
      attackVersion === undefined
        ? 'but may be an older one: the ability states no attack_version, and no older release is loaded to check it (the ID is kept)'
        : `but may be its name in ATT&CK ${attackVersion}, the plan's release, which is not loaded to check it (\`${fetchCommand(target.domain, attackVersion)}\` gets it; the ID is kept)`;
    return [{ id, note: `${unchecked} ${but}`, checked: false }];
  });
}

/**
 * The techniques of a release a step's technique name names by itself: the name, its part before ` - `, and, beside a
 * sub-technique, the part after its parent's name (`Unsecured Credentials: Bash History`), revoked ones included.
 */
function namedTechniques(written: string, release: AttackIndex, technique: TechniqueRecord): readonly TechniqueRecord[] {
  const whole = written.split(' - ')[0]!.trim();
  const parent = technique.parent ? release.technique(technique.parent) : undefined;
  const [parentPart, ...rest] = whole.split(': ');
  const own = parent && rest.length && nameKey(parentPart!) === nameKey(parent.name) ? [rest.join(': ')] : [];
  return [...new Set([written, whole, written.replace(' - ', ': '), ...own].flatMap((name) => release.techniquesByName(name)))];
}

/** The release `8.1` names, else the newest of its major version (`8`: 8.2), among releases newest first. */
function releaseOf(version: string, releases: Iterable<AttackIndex>): AttackIndex | undefined {
  let major: AttackIndex | undefined;
  for (const release of releases) {
    if (release.release === version) return release;
    if (!major && release.major === version.split('.')[0]) major = release;
  }
  return major;
}

/** Whether a step's technique name is the technique's: its full or own name, alone or before ` - ` or other words after it. */
function namesTechnique(written: string, release: AttackIndex, technique: TechniqueRecord): boolean {
  const plain = (text: string): string => text.toLowerCase().replace(/[\u2010-\u2015]/g, '-').replace(/\s+/g, ' ').trim();
  // ` - ` may stand for the colon of a sub-technique's full name too (FIN7's `Command and Scripting Interpreter - Windows Command Shell`).
  const names = [plain(written), plain(written).replace(' - ', ': ')];
  const owns = [fullName(release, technique), technique.name].map(plain);
  return names.some((name) => owns.some((own) => name === own || plain(name.split(' - ')[0]!) === own || (name.startsWith(own) && /^[^a-z0-9]/.test(name.slice(own.length)))));
}
