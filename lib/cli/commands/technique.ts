import {
  AttackLayersError,
  canonicalTechniqueId,
  ExitCode,
  indexedTechniqueIdInAnyCase,
  firstFew,
  InputError,
  isNamespacedTechniqueId,
  preAttackNumberText,
  unusedNumberText,
  deprecationSuccessors,
  libraryOtherDomains,
  nameKey,
  otherDomainTechniqueText,
  successorsText,
  teamObjectText,
  unheldNamespacedTechniqueText,
  unknownTechniqueText,
  UnknownTechniqueError,
  STDIN,
  UsageError,
  type AttackIndex,
  type OtherDomainLookup,
  type StixId,
  type TechniqueRecord,
} from '../../attack/index.js';
import { attackLibrary, printJson, type CliContext, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  ids: string[];
  json?: boolean;
}


/** The facts about one technique, as `technique --json` prints them. */
export interface TechniqueReport {
  id: string;
  name: string;
  status: 'current' | 'revoked' | 'deprecated';
  /** A team's own technique (`TechniqueRecord.custom`: T9001, ACME-T1000 of its Workbench namespace), not MITRE's. */
  custom?: true;
  attack: { domain: string; release: string };
  tactics: { shortname: string; name: string }[];
  platforms: string[];
  subtechnique: boolean;
  parent?: { id: string; name: string };
  subtechniques: { id: string; name: string }[];
  /**
   * `recordedElsewhere`: the steps this release no longer records, as another release at hand does (T1454 -> T1477 in
   * mobile-attack 9.0, not 18.1); `finalDeprecated`: the replacement is itself deprecated.
   */
  revokedBy?: { chain: string[]; final?: TechniqueSummary; finalDeprecated?: true; recordedElsewhere?: { id: string; replacement: string; release: string }[] };
  /** What a deprecated technique's description points to: current techniques, then other domains' (with `domain`). */
  deprecationPointers?: { id: string; name: string; domain?: string }[];
  /** The same as a sentence (`its description points only to Enterprise techniques …, not in mobile-attack: …`). */
  deprecationNote?: string;
  summary: string;
  /** Its page on attack.mitre.org; none for a team's own technique, which MITRE's site does not have. */
  url?: string;
}

interface TechniqueSummary {
  id: string;
  name: string;
  tactics: { shortname: string; name: string }[];
  platforms: string[];
}

function summary(index: AttackIndex, technique: TechniqueRecord): TechniqueSummary {
  return {
    id: technique.id,
    name: technique.name,
    tactics: technique.tactics.map((shortname) => ({ shortname, name: index.tacticName(shortname) })),
    platforms: [...technique.platforms],
  };
}

// The words for the STIX types of groups, software and campaigns.
const ACTOR_KINDS: Readonly<Record<string, string>> = { 'intrusion-set': 'the group', malware: 'the software', tool: 'the software', campaign: 'the campaign' };

/**
 * What to do with a text that is no technique ID: a sub-technique number of fewer than 3 digits (`T1059.1`), a
 * technique's name, a group, software or campaign (its ID, name or alias: `attack-object` lists its techniques) or a
 * tactic ID, each said as what it is; anything else gets the ID's form.
 */
function whatItNames(index: AttackIndex, written: string, library?: NameLibrary): string {
  const short = /^T(\d{4})\s*[./]\s*(\d{1,2})$/i.exec(written);
  if (short) return `a sub-technique's number has 3 digits: write T${short[1]}.${short[2]!.padStart(3, '0')}`;
  const named = index.techniquesByName(written).filter((technique) => !technique.revoked && !technique.deprecated);
  if (named.length) return `it is the name of ${named.map((technique) => technique.id).join(', ')}: \`attack-layers technique ${named[0]!.id}\``;
  const found = index.actors(nameKey(written))[0] ?? stixObject(index, written, 'aliases');
  if (found) {
    // A revoked object (APT34) is looked up as what replaced it, as attack-object does.
    const actor = index.finalActor(found);
    const name = actor.name === actor.id ? '' : ` ${actor.name}`;
    return `it names ${ACTOR_KINDS[actor.type] ?? 'the object'} ${actor.id}${name}: \`attack-layers attack-object ${actor.id}\` lists the techniques it uses`;
  }
  const tactic = /^TA\d{4}$/i.test(written) ? index.tactic(written) : undefined;
  if (tactic) return `it is the tactic ${tactic.id} ${tactic.name}`;
  // An ID with a name after it (`T1086 PowerShell`, as reports and messages write them): the ID is what to look up, the
  // revoked one too, whose replacement a reading of the whole would name instead.
  const [first, ...rest] = written.split(/\s+/);
  const leading = rest.length ? canonicalTechniqueId(first!) : undefined;
  const technique = leading ? index.technique(leading) : undefined;
  if (technique) return `it is ${technique.id} (${technique.name}) with words after it: \`attack-layers technique ${technique.id}\``;
  // A name misspelt (`Powershel`) or written as a report writes it (`Remote Desktop Protcol`): read as `normalize` reads
  // a reference, named with what it most likely is.
  if (!library) return 'write it like T1566 or T1566.001';
  const { fullName, resolveReference } = library;
  const read = resolveReference({ raw: written }, { target: index });
  // An unknown name's similar names (`xyz`: SSH, VNC, At) are no reading of it; an ambiguous one's are what it may mean.
  const ids = read.ids.length ? read.ids : read.status === 'ambiguous' ? read.candidates.map((candidate) => candidate.id) : [];
  const techniques = ids.map((id) => index.technique(id)).filter((technique): technique is TechniqueRecord => !!technique);
  if (techniques.length) {
    const names = techniques.map((technique) => `${technique.id} ${fullName(index, technique)}`);
    const which = read.ids.length === 1 ? `it reads as ${names[0]}` : `it may mean ${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
    return `${which}: \`attack-layers technique ${techniques[0]!.id}\`${techniques.length > 1 ? ' shows the first' : ''}`;
  }
  return 'write it like T1566 or T1566.001';
}

/**
 * The object of the release a STIX id names (`attack-pattern--7385dfaf-…` is T1059, as mitreattack-python's
 * get_object_by_stix_id reads it), when it has the field that marks its kind (`tactics`: a technique; `aliases`: a
 * group, software or campaign).
 */
function stixObject<K extends 'tactics' | 'aliases'>(index: AttackIndex, text: string, field: K) {
  const stixId = text.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]*--[0-9a-f-]{36}$/.test(stixId)) return undefined;
  const found = index.byStixId(stixId as StixId);
  return found && field in found ? (found as Extract<typeof found, Record<K, unknown>>) : undefined;
}

/**
 * The technique ID a text asks for: ATT&CK's written in any usual way (`t1566/001`), as a Sigma tag writes it too
 * (`attack.t0800`, pasted from a rule), or one of a Workbench namespace in either case (`acme-t1000.001`:
 * `ACME-T1000.001`); undefined for anything else.
 */
function askedTechniqueId(raw: string): string | undefined {
  return canonicalTechniqueId(raw.replace(/^\s*attack\./i, '')) ?? indexedTechniqueIdInAnyCase(raw.normalize('NFKC').trim());
}

/** What reading a name takes from the library (`resolveReference`, `fullName`), loaded only for a text that is no ID. */
type NameLibrary = Pick<typeof import('../../index.js'), 'fullName' | 'resolveReference'>;

/** The command that shows a technique of another release (`attack-layers technique T1677 --attack-release 18.1`), its domain named unless enterprise. */
function lookUpCommand(id: string, release: AttackIndex): string {
  const domain = release.domain === 'enterprise-attack' ? '' : ` --domain ${release.domain.replace(/-attack$/, '')}`;
  return `attack-layers technique ${id}${domain} --attack-release ${release.release}`;
}

/**
 * Build the report for one technique. `otherDomains` is asked only about IDs the release does not know: the one asked
 * for, so that the error can say where it belongs (T0800 of ICS asked in enterprise), and a deprecated technique's
 * pointers, so that those of another domain are named as such (mobile T1476's enterprise T1566.001).
 * @throws UnknownTechniqueError when the release does not know the ID.
 */
export function techniqueReport(index: AttackIndex, raw: string, otherDomains?: OtherDomainLookup, library?: NameLibrary): TechniqueReport {
  const id = askedTechniqueId(raw) ?? stixObject(index, raw, 'tactics')?.id;
  if (!id) throw new UsageError(`"${raw}" is not a technique ID; ${whatItNames(index, raw.trim(), library)}`);
  const technique = index.technique(id);
  if (!technique) {
    const foreign = otherDomains?.(id);
    throw new UnknownTechniqueError(
      id,
      foreign
        ? `${id} is not a technique in ATT&CK ${index.label}: it is ${otherDomainTechniqueText(foreign)}; ` +
            `look it up with \`attack-layers technique ${id} --domain ${foreign.domain.replace(/-attack$/, '')}\``
        : isNamespacedTechniqueId(id)
          ? unheldNamespacedTechniqueText(id, `ATT&CK ${index.label}`)
          : (preAttackNumberText(id)?.concat(": look up the enterprise technique that fits (Reconnaissance, Resource Development)") ??
            unusedNumberText(id)?.concat(': look up the technique that fits') ??
            // A newer release at hand's (T1677 beside 14.1), a newer release's (T1685) and a team's (T9001), as every command says them.
            unknownTechniqueText(id, index, {
              does: 'holds it',
              withIt: 'look it up in it',
              inRelease: (later, shown) => `look it up with \`${lookUpCommand(shown, later)}\``,
              inDomain: (domains) => `look it up with ${domains.map((domain) => `\`attack-layers technique ${id} --domain ${domain.replace(/-attack$/, '')}\``).join(' or ')}`,
            }) ??
            `${id} is not a technique in ATT&CK ${index.label}; check the ID, or fetch a newer release with \`attack-layers data fetch\` if it is new`),
    );
  }
  const base = summary(index, technique);
  const report: TechniqueReport = {
    ...base,
    status: technique.revoked ? 'revoked' : technique.deprecated ? 'deprecated' : 'current',
    ...(technique.custom ? { custom: true as const } : {}),
    attack: { domain: index.domain, release: index.release },
    subtechnique: technique.subtechnique,
    subtechniques: index.children(technique.id).filter((child) => !child.revoked && !child.deprecated).map(({ id, name }) => ({ id, name })),
    summary: technique.summary,
    ...(technique.custom ? {} : { url: `https://attack.mitre.org/techniques/${technique.id.replace('.', '/')}/` }),
  };
  const parent = technique.parent ? index.technique(technique.parent) : undefined;
  if (parent) report.parent = { id: parent.id, name: parent.name };
  if (technique.revoked) {
    const chain = index.revocationChain(technique.id);
    report.revokedBy = {
      chain: chain.steps.map((step) => step.id),
      ...(chain.final ? { final: summary(index, chain.final) } : {}),
      ...(chain.final?.deprecated ? { finalDeprecated: true as const } : {}),
      ...(chain.recordedElsewhere
        ? { recordedElsewhere: chain.recordedElsewhere.map((step) => ({ id: step.revoked.id, replacement: step.replacement.id, release: step.release })) }
        : {}),
    };
  }
  if (technique.deprecated) {
    const successors = deprecationSuccessors(technique, index, otherDomains);
    report.deprecationPointers = [
      ...successors.current.map(({ id, name }) => ({ id, name })),
      ...successors.otherDomains.map(({ id, name, domain }) => ({ id, name, domain })),
    ];
    report.deprecationNote = successorsText(successors, index.domain);
  }
  return report;
}

function formatText(report: TechniqueReport): string {
  const tactics = (list: { name: string }[]) => list.map((tactic) => tactic.name).join(', ') || '(none)';
  const lines = [`${report.id} ${report.name} (${report.status}, ATT&CK ${report.attack.domain} ${report.attack.release})`];
  if (report.revokedBy) {
    const final = report.revokedBy.final;
    lines.push(`  revoked by:  ${report.revokedBy.chain.slice(1).join(' -> ') || '(no replacement recorded)'}`);
    for (const step of report.revokedBy.recordedElsewhere ?? []) {
      lines.push(`               (ATT&CK ${report.attack.domain} ${report.attack.release} no longer records ${step.id} -> ${step.replacement}; ATT&CK ${step.release} does)`);
    }
    if (final) lines.push(`  now:         ${final.id} ${final.name}${report.revokedBy.finalDeprecated ? ' (deprecated)' : ''}`, `  tactics:     ${tactics(final.tactics)}`, `  platforms:   ${final.platforms.join(', ')}`);
    lines.push(`  was under:   ${tactics(report.tactics)}`);
  } else {
    lines.push(`  tactics:     ${tactics(report.tactics)}`, `  platforms:   ${report.platforms.join(', ') || '(none)'}`);
  }
  if (report.deprecationNote) lines.push(`  deprecated; ${report.deprecationNote}`);
  if (report.parent) lines.push(`  parent:      ${report.parent.id} ${report.parent.name}`);
  if (report.subtechniques.length) lines.push(`  sub-techniques: ${report.subtechniques.map((s) => s.id).join(', ')}`);
  if (report.summary) lines.push(`  ${report.summary}`);
  lines.push(`  ${report.url ?? `${teamObjectText('technique')}: attack.mitre.org has no page of it`}`);
  return `${lines.join('\n')}\n`;
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    if (args.ids.includes(STDIN)) {
      throw new UsageError('- (standard input) is not read by technique; give the IDs as arguments (technique T1059 T1566.001), or pipe them through xargs: cat ids.txt | xargs attack-layers technique');
    }
    const library = attackLibrary(context, args);
    const index = library.release(args.domain, args['attack-release']);
    // An ID given twice (T1053.005 of a layer's two tactics, piped in with xargs) is shown once.
    const asked = [...new Map(args.ids.map((raw) => [askedTechniqueId(raw) ?? raw.trim(), raw])).values()];
    // A text that is no ID is read as `normalize` reads a reference (`Powershel`), by the library loaded only then: it
    // doubled the time of `technique T1193` when this module imported it (bench, "cli run": 466 against 237 ms).
    const names: NameLibrary | undefined = asked.every((raw) => askedTechniqueId(raw)) ? undefined : await import('../../index.js');
    // The other domains' releases are read only for an ID that is not in this one.
    const otherDomains = libraryOtherDomains(library, index.domain);
    if (asked.length === 1) {
      const report = techniqueReport(index, asked[0]!, otherDomains, names);
      if (args.json) printJson(context, report);
      else context.stdout.write(formatText(report));
      return;
    }
    // Of several, one that cannot be shown does not hide the others: each is said on stderr, then the count.
    const reports: TechniqueReport[] = [];
    const failed: Array<{ raw: string; error: AttackLayersError }> = [];
    for (const raw of asked) {
      try {
        reports.push(techniqueReport(index, raw, otherDomains, names));
      } catch (error) {
        if (!(error instanceof AttackLayersError)) throw error;
        failed.push({ raw, error });
      }
    }
    if (args.json) printJson(context, reports);
    else context.stdout.write(reports.map(formatText).join('\n'));
    if (!failed.length) return;
    for (const { error } of failed) context.stderr.write(`attack-layers technique: ${error.message}\n`);
    const summary = `${failed.length} of the ${asked.length} IDs given ${failed.length === 1 ? 'was' : 'were'} not shown (why, above): ${firstFew(failed.map((f) => f.raw))}`;
    // Called wrongly (a text that is no ID) outweighs an ID the release does not know.
    throw failed.some((f) => f.error.exitCode === ExitCode.usage) ? new UsageError(summary) : new InputError(summary);
  };
}
