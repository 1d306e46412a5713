import { nameKey, type AttackIndex } from '../attack/attack-index.js';
import type { AttackLibrary } from '../attack/load.js';
import type { ReleaseHistory } from '../attack/later-release.js';
import { fetchCommand } from '../attack/release-files.js';
import { libraryOtherReleases, otherDomainLookupIn, otherDomainNamesIn } from '../attack/other-domains.js';
import type { ActorRecord, Domain, TacticShortname, TechniqueId } from '../attack/types.js';
import type { Campaign, Confidence } from '../campaign/campaign-types.js';
import { AttackLayersError, inGivenInputs, type GivenAs } from '../errors.js';
import type { ActorResult, NormalizedCampaign, NormalizedTechnique, ReferenceResult, Resolution } from './normalize-types.js';
import {
  currentNamesakes,
  describeObject,
  locateInOtherDomains,
  namePairReading,
  objectKey,
  objectKeyReading,
  objectKind,
  otherDomainObjectText,
  otherDomainTwins,
  otherKindShortForm,
  readLabelledId,
  shortFormReading,
  vendorNames,
} from './resolve-attack-object.js';
import type { AttackObjectKind } from './attack-object-kinds.js';
import { resolveReference, resolveReferenceWarnings, type ResolutionWarning, type ResolveContext } from './resolve-reference.js';
import { compareText } from '../compare-text.js';
import { otherDomainHint, otherDomainHintText } from './domain-hint.js';

/** Numeric value of a confidence, for comparing and scoring: low 25, medium 50, high 90, or the number given. */
export const CONFIDENCE_VALUES: Readonly<Record<'low' | 'medium' | 'high', number>> = { low: 25, medium: 50, high: 90 };

/** A confidence as a number from 0 to 100. */
export function confidenceValue(confidence: Confidence): number {
  return typeof confidence === 'number' ? confidence : CONFIDENCE_VALUES[confidence];
}

/** The warnings of each written reference with their kinds (`tactic`, `reference`), by the reference `normalizeCampaign` returned. */
const warningKinds = new WeakMap<ReferenceResult, readonly ResolutionWarning[]>();

/** A reference's warnings with what each is about, as resolving gave them (none for one `normalizeCampaign` did not return). */
export function referenceWarnings(reference: ReferenceResult): readonly ResolutionWarning[] {
  return warningKinds.get(reference) ?? reference.warnings.map((message) => ({ kind: 'reference' as const, message }));
}

/** The warnings of the releases each campaign `normalizeCampaign` returned was read with (campaignReleases'). */
const releaseWarningsOf = new WeakMap<NormalizedCampaign, readonly string[]>();

/**
 * What was said of the releases a campaign was read with (`attack_version 6.3: that release is not available, so IDs
 * were read in ATT&CK 18.1 only …`), among its `warnings`: for a command that does not say every warning of a
 * campaign (gap) to say these as render does. None for a campaign `normalizeCampaign` did not return.
 */
export function campaignReleaseWarnings(result: NormalizedCampaign): readonly string[] {
  return releaseWarningsOf.get(result) ?? [];
}

/** The releases to normalize one campaign with, plus campaign-level warnings about them. */
export interface CampaignReleases extends ResolveContext {
  warnings: string[];
  /**
   * How these warnings and the notes of `normalizeCampaign` name what to run (the CLI's `attack-layers data fetch
   * --attack-release 6.3`); by default the call a program makes (`` `fetchRelease({ version: '6.3' })` ``): see `inGivenInputs`.
   */
  givenAs?: GivenAs;
}

/**
 * Choose the releases for a campaign from a library: the target (`to`, or the newest of the campaign's domain),
 * the campaign's `attack_version` release as the source when available (a warning when not), and the other releases
 * of the domain as history for old names. `givenAs` names what the warnings and the campaign's notes advise running
 * (see `CampaignReleases`). @throws AttackDataError when the target release is not available.
 */
export function campaignReleases(campaign: Campaign, library: AttackLibrary, to?: string, options: { givenAs?: GivenAs } = {}): CampaignReleases {
  const { target, history, otherDomains, otherDomainNames, otherReleases } = domainReleases(library, campaign.domain, to);
  const warnings: string[] = [];
  let source: AttackIndex | undefined;
  const version = campaign.attackVersion;
  if (version && version !== target.release) {
    // A version alone ("version 12", as CISA's advisories say) is its newest release at hand, as --attack-release 12 is.
    const major = !version.includes('.');
    try {
      source = library.release(campaign.domain, version);
      if (source.release === target.release) source = undefined;
    } catch (error) {
      if (!(error instanceof AttackLayersError)) throw error;
      warnings.push(inGivenInputs(
        major
          ? `attack_version ${version}: no ${version}.x release is available, so IDs were read in ATT&CK ${target.release} only ` +
              `(get one with \`${fetchCommand(campaign.domain, `${version}.0`)}\`, or its last ${version}.x release)`
          : `attack_version ${version}: that release is not available, so IDs were read in ATT&CK ${target.release} only ` +
              `(get it with \`${fetchCommand(campaign.domain, version)}\`)`,
        options.givenAs,
      ));
    }
  }
  return { target, source, warnings, history, otherDomains, otherDomainNames, otherReleases, ...(options.givenAs ? { givenAs: options.givenAs } : {}) };
}

/**
 * The releases of a domain to resolve references with: the target (`to`, or the newest), the older ones as history,
 * and the other domains' newest releases (`otherReleases`, and `otherDomains` and `otherDomainNames` looking IDs and names up in them: read only when
 * a deprecated technique points outside the domain, or a reference is none of the domain's).
 * @throws AttackDataError when the target release is not available.
 */
export function domainReleases(
  library: AttackLibrary,
  domain: Domain,
  to?: string,
): ResolveContext & { history: ReleaseHistory; otherReleases: () => readonly AttackIndex[] } {
  const target = library.release(domain, to);
  const otherReleases = libraryOtherReleases(library, domain);
  // Older releases are read only when a name is not found in the target, one at a time, newest first, until one
  // knows the name: most runs load one release, a run with an old name two or three.
  return {
    target,
    history: (options) => library.history(domain, target.release, options),
    otherDomains: otherDomainLookupIn(otherReleases),
    otherDomainNames: otherDomainNamesIn(otherReleases),
    otherReleases,
  };
}

// A technique ID as written in a reference (`T0816`, `Device Restart/Shutdown (T0816)`), or the ICS wiki's (`T816:
// Device Restart/Shutdown`, which resolving reads as T0816 where the name beside it vouches).
const WRITTEN_ID = /\bT(\d{4}|8\d\d)((?:\.\d{3})?)\b/i;

/**
 * What to say of a campaign most of whose written references are of another domain (otherDomainHint): the references
 * the target holds against those another domain's release holds, by the ID each is written with.
 */
function campaignDomainHint(references: readonly ReferenceResult[], releases: CampaignReleases): string | undefined {
  const others = new Map<Domain, string[]>();
  let own = 0;
  for (const reference of references) {
    if (reference.software) continue;
    if (reference.ids.length) own++;
    const written = reference.status === 'other domain' ? WRITTEN_ID.exec(reference.raw) : null;
    const id = written ? `T${written[1]!.padStart(4, '0')}${written[2]!}` : undefined;
    const found = id === undefined ? undefined : releases.otherDomains?.(id);
    if (found) others.set(found.domain, [...(others.get(found.domain) ?? []), id!]);
  }
  const hint = otherDomainHint(own, others);
  return hint && otherDomainHintText(hint, releases.target, releases.givenAs);
}

/**
 * Resolve every reference of a campaign against ATT&CK: techniques as written, the actor, and the software (whose
 * documented techniques come in as `inferred`). Nothing is dropped: unresolved references stay in `references`
 * with their status, note and candidates. Notes advising a command name it as `releases.givenAs` does.
 */
export function normalizeCampaign(campaign: Campaign, releases: CampaignReleases): NormalizedCampaign {
  const { target } = releases;
  const said = (message: string): string => inGivenInputs(message, releases.givenAs);
  const references: ReferenceResult[] = campaign.techniques.map((entry) => {
    const read = resolveReferenceWarnings({ raw: entry.ref, tactics: entry.tactics }, releases);
    const resolution = saidResolution(read.resolution, said);
    const warnings = read.warnings.map((warning) => ({ ...warning, message: said(warning.message) }));
    const reference: ReferenceResult = {
      raw: entry.ref,
      path: entry.path,
      ...(entry.line !== undefined ? { line: entry.line } : {}),
      ...resolution,
      ...definedOf({
        confidence: entry.confidence ?? campaign.confidence,
        // Kept as provenance: a layer says "high (the campaign's default)", not a "high" the analyst never wrote there.
        confidenceDefault: entry.confidence === undefined && campaign.confidence !== undefined ? (true as const) : undefined,
        score: entry.score,
        comment: entry.comment,
        evidence: entry.evidence,
        source: entry.source,
        reports: entry.reports,
        platforms: entry.platforms,
      }),
    };
    warningKinds.set(reference, warnings);
    return reference;
  });

  const actor = campaign.actor ? resolveActor(campaign.actor.ref, '/actor', campaign.actor.line, ['intrusion-set'], 'group', target, releases.otherReleases) : undefined;
  const software = campaign.software.map((entry) => {
    const result = resolveActor(entry.ref, entry.path, entry.line, ['malware', 'tool'], 'software', target, releases.otherReleases, entry.infer);
    const record = result.id ? target.actors(result.id).find((a) => a.id === result.id) : undefined;
    // A deprecated object's uses are ATT&CK's no longer (S0609 TRITON's 5 in enterprise 12.1): resolveActor's warning says none is inferred.
    if (record && !record.deprecated && entry.infer) {
      for (const id of record.techniques) {
        const resolution = saidResolution(resolveReference({ raw: id }, { target, otherDomains: releases.otherDomains }), said);
        references.push({
          raw: `${record.name} (${record.id}) uses ${id}`,
          path: entry.path,
          ...(entry.line !== undefined ? { line: entry.line } : {}),
          ...resolution,
          status: resolution.ids.length ? 'inferred' : resolution.status,
          note: `inferred: ATT&CK ${target.release} documents ${record.name} (${record.id}) using ${id}` +
            (resolution.status === 'current' ? '' : `; ${resolution.note}`),
          software: { id: record.id, name: record.name },
          ...(entry.comment === undefined ? {} : { comment: entry.comment }),
        });
      }
      result.note += `; ${record.techniques.length} documented technique${record.techniques.length === 1 ? '' : 's'} inferred`;
    }
    return result;
  });

  const hint = campaignDomainHint(references, releases);
  const result: NormalizedCampaign = {
    id: campaign.id,
    name: campaign.name,
    file: campaign.file,
    campaign,
    attack: { domain: target.domain, release: target.release, ...(releases.source ? { source: releases.source.release } : {}) },
    ...(actor ? { actor } : {}),
    software,
    references,
    techniques: mergeTechniques(references, target),
    warnings: [
      ...(campaign.repairs ?? []),
      ...(campaign.unknownReports ?? []).map((report) => `${atLine(report.line)}${report.path}: ${report.message}`),
      ...releases.warnings,
      // At the line of the actor or software as written, as a reference's warnings are.
      ...[...(actor ? [actor] : []), ...software].flatMap((object) => object.warnings.map((warning) => `${atLine(object.line)}${warning}`)),
    ],
    ...(hint ? { notes: [hint] } : {}),
  };
  releaseWarningsOf.set(result, releases.warnings);
  return result;
}

/** A resolution whose note, trail and warnings advise commands in the caller's words (`said`). */
function saidResolution(resolution: Resolution, said: (message: string) => string): Resolution {
  return { ...resolution, note: said(resolution.note), trail: resolution.trail.map(said), warnings: resolution.warnings.map(said) };
}

function definedOf<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A confidence with its provenance (`confidenceDefault`: the campaign's default). */
export interface ConfidenceOf {
  confidence?: Confidence;
  confidenceDefault?: true;
}

/**
 * Of two things with a confidence, the one whose confidence is higher (none is lowest); at a tie, one written on an
 * entry before one that has the campaign's default, so that a technique's confidence is said to be the default only
 * when no reference of it gave that confidence itself.
 */
export function higherConfidence<T extends ConfidenceOf>(a: T, b: T): T {
  if (b.confidence === undefined) return a;
  if (a.confidence === undefined) return b;
  const [x, y] = [confidenceValue(a.confidence), confidenceValue(b.confidence)];
  return y > x || (y === x && a.confidenceDefault && !b.confidenceDefault) ? b : a;
}

/** Merge references into one entry per current technique, sorted by ID. */
function mergeTechniques(references: readonly ReferenceResult[], target: AttackIndex): NormalizedTechnique[] {
  const merged = new Map<TechniqueId, NormalizedTechnique & { unplaced: boolean }>();
  references.forEach((reference, i) => {
    for (const id of reference.ids) {
      const technique = target.technique(id)!;
      let entry = merged.get(id);
      if (!entry) {
        entry = {
          id,
          name: technique.name,
          tactics: [],
          techniqueTactics: [...technique.tactics],
          ...(technique.parent ? { parent: technique.parent } : {}),
          observed: false,
          references: [],
          software: [],
          warnings: [],
          unplaced: false,
        };
        merged.set(id, entry);
      }
      entry.references.push(i);
      const inferred = reference.status === 'inferred';
      if (inferred && reference.software && !entry.software.some((s) => s.id === reference.software!.id)) entry.software.push(reference.software);
      if (!inferred) {
        entry.observed = true;
        const placed = reference.placed[id] ?? [];
        if (!placed.length) entry.unplaced = true;
        for (const tactic of placed) if (!entry.tactics.includes(tactic)) entry.tactics.push(tactic);
        const higher = higherConfidence<ConfidenceOf>(entry, reference);
        if (higher === reference) {
          entry.confidence = reference.confidence;
          if (reference.confidenceDefault) entry.confidenceDefault = true;
          else delete entry.confidenceDefault;
        }
        if (reference.score !== undefined) entry.score = Math.max(entry.score ?? -Infinity, reference.score);
      }
      for (const warning of reference.warnings) if (!entry.warnings.includes(warning)) entry.warnings.push(warning);
    }
  });
  const order = new Map(target.tactics().map((tactic, i) => [tactic.shortname, i]));
  return [...merged.values()]
    .map(({ unplaced, ...entry }): NormalizedTechnique => ({
      ...entry,
      // A technique written once without a tactic is placed everywhere it belongs, so no tactic restricts it.
      tactics: unplaced ? [] : entry.tactics.sort((a: TacticShortname, b: TacticShortname) => (order.get(a) ?? 99) - (order.get(b) ?? 99)),
      software: entry.software.sort((a, b) => compareText(a.id, b.id)),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `line 3: `, the start of a campaign warning at a line of the file (nothing when the line is not known). */
function atLine(line: number | undefined): string {
  return line !== undefined ? `line ${line}: ` : '';
}

/** The field of a campaign file each kind of ATT&CK object belongs under. */
const FIELD_OF_KIND: Readonly<Record<AttackObjectKind, string>> = {
  group: 'a group belongs under actor:',
  software: 'software belongs under software:',
  campaign: 'a campaign belongs under compare_with:',
};

/** `; a group belongs under actor:`, for the objects of `objects` the field of `kind` does not take; nothing when it takes them all. */
function fieldAdvice(kind: 'group' | 'software', objects: readonly ActorRecord[]): string {
  const kinds = [...new Set(objects.map(objectKind))].filter((other) => other !== kind);
  return kinds.length ? `; ${kinds.map((other) => FIELD_OF_KIND[other]).join(', ')}` : '';
}

/**
 * Resolve a group or software as written (name, alias or ID); what cannot be resolved is a warning, never a failure.
 * One the target lacks and another domain has (`otherReleases`: APT29, enterprise's, as an ICS campaign's actor;
 * S0154 Cobalt Strike, enterprise's, as its software) is said to be of that domain, not a misspelling; so is a name
 * the target knows only as a deprecated object whose current namesake another domain holds (Triton in enterprise:
 * S0609 TRITON, deprecated as added there by mistake; ICS's S1009). An object of another kind (APT29 under software:)
 * is said to be what it is, and where it belongs. `infer` (a software entry's) says whether its techniques are to be
 * inferred, which none of a deprecated object's is. A short form of one object's name of its kind is read as that
 * object, with a warning (`actor: Lazarus`: G0032 Lazarus Group); of several, refused naming each.
 */
function resolveActor(
  raw: string,
  path: string,
  line: number | undefined,
  types: readonly ActorRecord['type'][],
  kind: 'group' | 'software',
  target: AttackIndex,
  otherReleases?: () => readonly AttackIndex[],
  infer = false,
): ActorResult {
  const base = { raw, path, ...(line !== undefined ? { line } : {}) };
  const kept = (note: string, otherDomain?: ActorResult['otherDomain']): ActorResult => ({ ...base, ...(otherDomain ? { otherDomain } : {}), note, warnings: [`${path}: ${note}`] });
  const labelled = readLabelledId(target, raw);
  if (labelled && !labelled.fits) {
    // An ID and a name of two objects: naming both, as attack-object does, rather than reading either.
    return kept(`${kind} "${raw}": ${labelled.mismatch}; kept as written (write the ID or the name alone)`);
  }
  const reading = labelled ? { key: nameKey(labelled.id), how: undefined } : objectKeyReading(target, raw, types);
  const written = reading.key;
  // `PlugX RAT`, `Turla Group`: a name with a vendor's suffix of the field's kind, read without it as attack-object reads it.
  const fitsKind = (name: string): boolean => target.actors(objectKey(target, name)).some((actor) => types.includes(actor.type));
  const unsuffixed = labelled || target.actors(written).length ? undefined : vendorNames(raw).find((each) => each.kind === kind && fitsKind(each.name));
  const key = unsuffixed ? objectKey(target, unsuffixed.name) : written;
  const named = target.actors(key);
  const matches = named.filter((actor) => types.includes(actor.type));
  const every = [...new Map(matches.map((m) => [target.finalActor(m).id, target.finalActor(m)])).values()];
  // A current object wins over a deprecated namesake, as `attack-object` reads them: ICS 18.1 keeps S1004, a deprecated
  // duplicate of S0604 Industroyer, under the same name and aliases.
  const current = every.filter((actor) => !actor.deprecated);
  const distinct = current.length ? current : every;
  if (!distinct.length) {
    // None of its kind, but one of another (APT29 under software:, Industroyer as the actor): what it is, and where it goes.
    const others = [...new Map(named.map((m) => [target.finalActor(m).id, target.finalActor(m)])).values()];
    const misplaced = others.some((other) => !other.deprecated) ? others.filter((other) => !other.deprecated) : others;
    if (misplaced.length === 1 && misplaced[0]!.deprecated) {
      // A deprecated object is no longer ATT&CK's to place: what became of it comes first (G0014 Night Dragon: C0002).
      const [object] = misplaced as [ActorRecord];
      const twin = otherReleases ? otherDomainTwins(otherReleases(), target, object) : undefined;
      const namesakes = currentNamesakes(target, object);
      const moved = namesakes.length ? namesakes : (twin?.objects ?? []);
      const bears = moved.length ? `; ${bearItsName(moved, twin && `of ATT&CK ${twin.index.label}`)}` : '';
      return kept(`${kind} "${raw}" is ${object.id} ${object.name}, a ${objectKind(object)} deprecated in ATT&CK ${target.label}${bears}: kept as written${fieldAdvice(kind, moved.length ? moved : [object])}`);
    }
    if (misplaced.length) {
      return kept(`${kind} "${raw}" is ${misplaced.map(describeObject).join(', ')} in ATT&CK ${target.label}, not ${kind === 'group' ? 'a group' : 'software'}: kept as written${fieldAdvice(kind, misplaced)}`);
    }
  }
  const elsewhere = !distinct.length && otherReleases ? locateInOtherDomains(otherReleases, raw, target) : undefined;
  if (elsewhere) {
    // A software's techniques are inferred from the target's uses alone: say so, or the analyst expects them.
    const advice = fieldAdvice(kind, [elsewhere.object]);
    const inferred = kind === 'software' && !advice ? `, and no technique is inferred from it in ${target.domain}` : '';
    const note = `${kind} ${otherDomainObjectText(elsewhere, target, 'campaign')}: kept as written, with no ATT&CK ID${inferred}${advice}`;
    return kept(note, { id: elsewhere.object.id, name: elsewhere.object.name, domain: elsewhere.index.domain });
  }
  if (!distinct.length && !labelled) {
    // `actor: Lazarus`, `software: [Brute Ratel]`: a short form of one object's name of the field's kind is read as
    // attack-object reads it, saying so among the warnings; one of several names is refused naming each.
    const readAs = ({ object, how }: { object: ActorRecord; how: string }): ActorResult => ({
      ...base,
      id: object.id,
      name: object.name,
      note: `${kind} ${object.id} ${object.name} (written as "${raw}", ${how})`,
      warnings: [`${path}: ${kind} "${raw}" is read as ${object.id} ${object.name} (${how})`],
    });
    const shortForm = shortFormReading(target, raw, kind);
    if (shortForm && 'object' in shortForm) return readAs(shortForm);
    if (shortForm) return kept(`${kind} "${raw}" is not in ATT&CK ${target.label}; ${shortForm.refusal}: kept as written (write the name whole, or its ATT&CK ID)`);
    // `actor: APT28 (Fancy Bear)`, as reports name an actor with another of its names: read as attack-object reads it.
    const pair = namePairReading(target, raw, kind);
    if (pair && 'object' in pair) return readAs(pair);
    if (pair) return kept(`${kind} "${raw}": ${pair.refusal}, in ATT&CK ${target.label}: kept as written (give one name, or its ATT&CK ID)`);
    // `software: [Lazarus]`, `software: [Sandworm Group]`: an object of another kind, said as `software: [APT29]` is; not
    // read, as the field is what the file claims the object is (a group's techniques are no software's to infer).
    const other = otherKindShortForm(target, raw, kind);
    if (other) {
      return kept(`${kind} "${raw}" is ${describeObject(other.object)} in ATT&CK ${target.label} (${other.how}), not ${kind === 'group' ? 'a group' : 'software'}: kept as written${fieldAdvice(kind, [other.object])}`);
    }
  }
  if (distinct.length !== 1) {
    return kept(distinct.length
      ? `${kind} "${raw}" is ambiguous in ATT&CK ${target.label}: ${distinct.map((a) => `${a.id} ${a.name}`).join(', ')}; write the ID`
      : `${kind} "${raw}" is not in ATT&CK ${target.label}; kept as written (check the spelling, or write its ATT&CK ID)`);
  }
  const final = distinct[0]!;
  const twin = final.deprecated && otherReleases ? otherDomainTwins(otherReleases(), target, final) : undefined;
  if (twin) {
    // What the analyst means is the object ATT&CK keeps current, in another domain: no technique comes from either here.
    const object = twin.objects[0]!;
    const own = final.techniques.length ? `documents ${countOf(final.techniques.length, 'technique')} of it` : 'documents no technique of it';
    const note =
      `${kind} "${raw}" is ${describeObject(final)} in ATT&CK ${target.label}, which ${own}; ${describeObject(object)} of ATT&CK ${twin.index.label} ` +
      `bears its name, with ${countOf(object.techniques.length, 'technique')} of ${twin.index.domain}: kept as written, with no ATT&CK ID, ` +
      `and no technique is inferred from either in ${target.domain}${fieldAdvice(kind, [object])}`;
    return kept(note, { id: object.id, name: object.name, domain: twin.index.domain });
  }
  const first = matches[0]!;
  const warnings: string[] = [];
  let note = `${kind} ${final.id} ${final.name}`;
  if (first.revoked && first.id !== final.id) {
    note = `${kind} "${raw}" (${first.id}) was revoked by ${final.id} ${final.name}`;
    warnings.push(`${path}: ${note}`);
  } else if (labelled) note += ` (written as "${raw}")`;
  else if (unsuffixed) note += ` (written as "${raw}", "${unsuffixed.suffix}" left out)`;
  else if (reading.how) note += ` (written as "${raw}", ${reading.how})`;
  else if (![final.id, final.name].includes(raw.trim())) note += ` (written as "${raw}", an alias)`;
  if (final.deprecated) {
    // Where ATT&CK moved a deprecated object's content in the domain (G0014 Night Dragon: campaign C0002), and where that belongs.
    const namesakes = currentNamesakes(target, final);
    const moved = namesakes.length ? `; ${bearItsName(namesakes)}${fieldAdvice(kind, namesakes)}` : '';
    const left = infer && final.techniques.length ? `: none of the ${countOf(final.techniques.length, 'technique')} it documents is inferred` : '';
    warnings.push(`${path}: ${kind} ${final.id} ${final.name} is deprecated in ATT&CK ${target.release}${left}${moved}`);
  }
  return { ...base, id: final.id, name: final.name, note, warnings };
}

/** `C0002 Night Dragon (campaign) bears its name`: the current objects a deprecated one's name leads to, of where `of` says. */
function bearItsName(objects: readonly ActorRecord[], of?: string): string {
  return `${objects.map(describeObject).join(', ')}${of ? ` ${of}` : ''} ${objects.length > 1 ? 'bear' : 'bears'} its name`;
}

/** `1 technique`, `18 techniques`. */
function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
