import { basename, join } from 'node:path';
import type { CampaignSource } from '../../index.js';
import { AttackDataError, UsageError, domainReleases, firstFew, icsWikiDomainHint, mayCiteIcsWikiIds, kindOfDocument, renderCampaignSkeletonOfReports, wrongKindMessage, sourceName, extractReport, inferredDomainText, inferredReportDomain, mispEventReport, reportDomainCounts, inputName, isHtmlPage, otherDomainExtractAdvice, readFolder, readReportText, readTextFile, statInput, renderCampaignSkeleton, reportActor, skeletonReferences, reportSource, suggestTechniques, withEvidenceLines, type Domain, type ExtractReportOptions, type ReportReference, type ResolveContext } from '../../index.js';
import { attackLibrary, FLAG_WORDS, note, printJson, progressLine, readStdin, showsProgress, type CliContext, type GlobalArgs } from '../context.js';
import { suggestModel } from '../suggest-model.js';
import { byteSize } from '../byte-size.js';
import { warnJsonReadAsText } from '../json-read-as-text.js';

interface Args extends GlobalArgs {
  reports: string[];
  name?: string;
  json?: boolean;
  suggest?: boolean;
  actor?: string;
  campaigns?: boolean;
}


export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    if (args.campaigns === false && args.actor === undefined) throw new UsageError('--no-campaigns leaves out the campaigns a STIX bundle attributes to the actor --actor chooses: give --actor too');
    const given = args.reports.map(String);
    // A folder (CALDERA's data/abilities, or one tactic's folder of it) stands for the YAML files in it.
    const fromFolder = new Set<string>();
    const listed = given.flatMap((file) => {
      if (file === '-' || !statInput(file)?.isDirectory()) return [file];
      const found = yamlFiles(file);
      if (!found.length) throw new UsageError(`${file} is a folder with no .yml or .yaml file in it; name a report, or a folder of CALDERA abilities (mitre/stockpile data/abilities)`, { file });
      for (const one of found) fromFolder.add(one);
      return found;
    });
    const stdin = await readStdin(context, listed);
    const read = listed.map((file) => (fromFolder.has(file) ? readTextFile(file) : readReportText(file, file, { stdin }, STRUCTURED)));
    // A folder's file that is no emulation plan nor ability (a CALDERA adversary profile, a README in YAML) is left out, and said.
    const kept = listed.flatMap((file, i) => (!fromFolder.has(file) || kindOfDocument(read[i]!) === 'emulation-plan' ? [i] : []));
    const left = listed.filter((file, i) => !kept.includes(i));
    if (left.length) note(context, args, `left out, being no emulation plan or CALDERA ability: ${firstFew(left)}`);
    if (!kept.length) throw new UsageError(`${firstFew(given)}: no emulation plan or CALDERA ability in ${given.length > 1 ? 'them' : 'it'}; name a report, or a folder of CALDERA abilities (mitre/stockpile data/abilities)`);
    const files = kept.map((i) => listed[i]!);
    const texts = kept.map((i) => read[i]!);
    if (files.length === 1) {
      warnJsonReadAsText(context, args, 'extract', files[0]!, texts[0]!);
      return extractOne(context, args, files[0]!, texts[0]!);
    }
    const twice = files.find((file, i) => file !== '-' && files.indexOf(file) !== i);
    if (twice !== undefined) throw new UsageError(`${twice} is given twice; give each report once`);
    // Emulation plans (CTID's Day 1.A and Day 1.B, a folder of CALDERA abilities) make one campaign of their steps,
    // which --json prints as the skeleton has it.
    const kinds = texts.map((text) => kindOfDocument(text));
    if (kinds.every((kind) => kind === 'emulation-plan')) return extractSeveral(context, args, files, texts, given[0]!);
    if (args.json) throw new UsageError('--json prints one report\'s references, or one campaign of several emulation plans: run extract --json on each report');
    files.forEach((file, i) => warnJsonReadAsText(context, args, 'extract', file, texts[i]!));
    // A STIX bundle, a MISP event or an Attack Flow carries its own actor, name and dates, and --actor chooses within
    // it: it is a campaign of its own, not one report among others.
    for (const [i, file] of files.entries()) {
      const kind = kinds[i];
      if (kind === 'emulation-plan') {
        const other = files[kinds.findIndex((each) => each !== 'emulation-plan')]!;
        throw new UsageError(`${inputName(file)} is an adversary emulation plan and ${inputName(other)} is not: several files make one campaign as reports' text (text, HTML or Markdown) or as emulation plans and CALDERA abilities, not both; extract each kind apart`);
      }
      if (kind) {
        throw new UsageError(`${wrongKindMessage(inputName(file), kind, "a report's text")}; several reports make one campaign only as text, HTML or Markdown, or as emulation plans (it names its own actor, name and dates): extract it alone`);
      }
    }
    return extractSeveral(context, args, files, texts, given[0]!);
  };
}

/** The `.yml` and `.yaml` files of a folder and its subfolders, by path. */
function yamlFiles(folder: string): string[] {
  return readFolder(folder).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/i.test(entry.name) ? [path] : [];
  });
}

const STRUCTURED = ['stix-threat-intel', 'misp-event', 'attack-flow', 'dettect-groups', 'emulation-plan', 'ttp-list'] as const;

function releasesOf(context: CliContext, args: Args, domain: Domain) {
  try {
    return { ...domainReleases(attackLibrary(context, args), domain, args['attack-release']), otherDomainAdvice: otherDomainExtractAdvice };
  } catch (error) {
    if (!(error instanceof AttackDataError) || args.suggest) throw error;
    note(context, args, `no ATT&CK data (${error.message}); references are not resolved, groups and software not looked up`);
    return undefined;
  }
}

type ExtractReleases = ReturnType<typeof releasesOf>;

/**
 * The releases of the domain a report's IDs are all of when none is given (`inferredReportDomain`: none in the target's
 * domain, every one another domain holds in one domain), with the note saying so; undefined when they are not, or when
 * that domain has no release --attack-release names (the summary then says to give --domain).
 */
function inferredReleases(context: CliContext, args: Args, references: readonly ReportReference[], releases: ExtractReleases, whose: 'its' | 'their') {
  const inferred = releases ? inferredReportDomain(references, releases) : undefined;
  if (!releases || !inferred) return undefined;
  try {
    const other = { ...domainReleases(attackLibrary(context, args), inferred.domain, args['attack-release']), otherDomainAdvice: otherDomainExtractAdvice };
    return { domain: inferred.domain, releases: other, text: inferredDomainText(inferred, releases.target, whose, FLAG_WORDS) };
  } catch (error) {
    if (error instanceof AttackDataError) return undefined;
    throw error;
  }
}

/**
 * What to say of a report read in another domain than ICS, when most of its references are ICS techniques written with
 * the ICS wiki's IDs (icsWikiDomainHint): read again in ATT&CK for ICS only when its text has such words.
 */
function icsWikiHint(context: CliContext, args: Args, text: string, references: readonly ReportReference[], releases: ExtractReleases, options: ExtractReportOptions): string | undefined {
  if (!releases || releases.target.domain === 'ics-attack' || !mayCiteIcsWikiIds(text)) return undefined;
  try {
    const ics = { ...domainReleases(attackLibrary(context, args), 'ics-attack', args['attack-release']), otherDomainAdvice: otherDomainExtractAdvice };
    const { onProgress: _onProgress, ...quiet } = options;
    return icsWikiDomainHint(references, extractReport(text, ics, quiet).references, releases, FLAG_WORDS);
  } catch (error) {
    if (error instanceof AttackDataError) return undefined;
    throw error;
  }
}

/** Told how far a report is read, the progress line counts (`extract: 41% of report.txt`). */
function counting(context: CliContext, shown: string, which = ''): NonNullable<ExtractReportOptions['onProgress']> {
  return ({ done, total }) => progressLine(context, `extract: ${total ? Math.floor((done * 100) / total) : 100}% of ${shown}${which}`);
}

/** What the progress line says of a report being read: its name and size, and what is looked for. */
function readingText(shown: string, text: string): string {
  return `${shown} (${byteSize(Buffer.byteLength(text))}): technique references, groups and software`;
}

function summary(references: readonly ReportReference[], objects: readonly unknown[], shown: string, releases: ResolveContext | undefined): string {
  return (
    `${references.length} technique reference${references.length === 1 ? '' : 's'}` +
    (releases ? `, ${objects.length} ATT&CK group${objects.length === 1 ? '' : 's'}, software or campaign${objects.length === 1 ? '' : 's'}` : '') +
    ` found in ${shown}` +
    otherDomainsText(references, releases)
  );
}

/**
 * Several reports of one campaign: one skeleton, each report's techniques after the last's, each naming its report
 * (`report:`) among `sources:`, which lists them in the order given. Two reports of the same title are told apart by
 * their file names; one from standard input without a title is called `stdin`.
 */
function extractSeveral(context: CliContext, args: Args, files: readonly string[], texts: readonly string[], firstGiven: string): void {
  const plans = texts.every((text) => kindOfDocument(text) === 'emulation-plan');
  const progress = showsProgress(context, args);
  const read = (releases: ExtractReleases) => {
    const extracted = files.map((file, i) => {
      if (progress) progressLine(context, `reading ${readingText(inputName(file), texts[i]!)} (report ${i + 1}/${files.length})`);
      const onProgress = progress ? { onProgress: counting(context, inputName(file), ` (report ${i + 1}/${files.length})`) } : {};
      return extractReport(texts[i]!, releases, { ...(args.campaigns === false ? { campaigns: false } : {}), file: inputName(file), givenAs: FLAG_WORDS, ...onProgress });
    });
    if (progress) progressLine(context, '');
    return extracted;
  };
  let domain: Domain = args.domain ?? 'enterprise-attack';
  let releases = releasesOf(context, args, domain);
  let extracted = read(releases);
  // Reports whose IDs are all of one other domain (ICS, Mobile) are read in it, as one report is.
  const inferred = args.domain === undefined ? inferredReleases(context, args, extracted.flatMap((report) => report.references), releases, 'their') : undefined;
  if (inferred) {
    note(context, args, `${firstFew(files.map((file) => inputName(file)))}: ${inferred.text}`);
    ({ domain, releases } = inferred);
    extracted = read(releases);
  }
  // What stderr says of the files, which --json gives as its notes.
  const said: string[] = [];
  const model = args.suggest && releases ? suggestModel(context, args, releases.target) : undefined;
  // The actor given is the campaign's, checked once against the release's groups (`reportActor`).
  const given = args.actor !== undefined ? reportActor(args.actor, releases?.target, FLAG_WORDS) : undefined;
  if (given?.note) note(context, args, given.note);
  const reports = files.map((file, i) => {
    const text = texts[i]!;
    const shown = inputName(file);
    const { references, objects, notes, url } = extracted[i]!;
    note(context, args, summary(references, objects, shown, releases));
    for (const message of notes) {
      said.push(`${shown}: ${message}`);
      note(context, args, said.at(-1)!);
    }
    const reportFile = file === shown ? file : 'stdin';
    // An emulation plan is its adversary_name; an ability, which names none, its file. A Markdown report's front matter
    // titles it (`title:`), as it does one report.
    const source: CampaignSource = plans ? { title: extracted[i]!.name ?? reportFile } : withUrl(reportSource(text, file === shown ? file : undefined, isHtmlPage(file, text), extracted[i]!.name) ?? { title: reportFile }, url);
    const suggestions = model ? suggestTechniques(text, model, { top: 3, html: isHtmlPage(file, text) }) : undefined;
    return { reportFile, source, refs: references, objects, ...(suggestions ? { suggestions } : {}) };
  });
  // Two reports of the same name (a title, or an address) are told apart by their files: report: must name one only.
  const key = (source: CampaignSource) => sourceName(source).replace(/\s+/g, ' ').toLowerCase();
  const clashes = reports.map((report) => reports.filter((other) => key(other.source) === key(report.source)).length > 1);
  for (const [i, report] of reports.entries()) {
    if (clashes[i]) report.source = { title: `${report.source.title ?? report.source.url} (${report.reportFile})` };
  }
  const fromPlans = plans ? planFields(context, args, files, extracted, said) : undefined;
  const name = args.name ?? fromPlans?.name ?? basename(firstGiven).replace(/\.[^.]+$/, '');
  const actor = given?.actor ?? fromPlans?.actor;
  const { attackVersion, description } = fromPlans ?? {};
  if (args.json) {
    const domainFrom = args.domain !== undefined ? 'given' : inferred ? 'inferred' : 'default';
    const sources = reports.map((report) => ({ ...report.source, file: report.reportFile }));
    const references = skeletonReferences(reports, { merge: true });
    return printJson(context, { name, domain, domain_from: domainFrom, ...(actor ? { actor } : {}), ...(attackVersion ? { attack_version: attackVersion } : {}), ...(description ? { description } : {}), sources, references, objects: [], ...(said.length ? { notes: said } : {}) });
  }
  // What stderr said once of the reports stands under the skeleton's header too.
  const skeletonNotes = [...(inferred ? [`${firstFew(files.map((file) => inputName(file)))}: ${inferred.text}`] : []), ...(given?.note ? [given.note] : []), ...said];
  const fields = { ...(actor ? { actor } : {}), ...(attackVersion ? { attackVersion } : {}), ...(description ? { description } : {}), ...(skeletonNotes.length ? { notes: skeletonNotes } : {}) };
  context.stdout.write(renderCampaignSkeletonOfReports(reports, { name, domain, ...fields, ...(plans ? { merge: true } : {}) }));
}

/**
 * What emulation plans say of their campaign, where they agree: the adversary_name (the campaign's name), the group it
 * is (its actor), the attack_version and adversary_description. Where they differ, it is said (and pushed to `notes`), and left to write by hand.
 */
function planFields(context: CliContext, args: Args, files: readonly string[], extracted: ReadonlyArray<{ name?: string; actor?: string; attackVersion?: string; description?: string }>, notes: string[]) {
  const agreed = (field: 'name' | 'actor' | 'attackVersion' | 'description', what: string, flag: string): string | undefined => {
    const said = files.flatMap((file, i) => (extracted[i]![field] === undefined ? [] : [{ file: inputName(file), value: extracted[i]![field]! }]));
    const values = [...new Set(said.map((each) => each.value))];
    // A description is too long to quote: its files are named.
    const each = said.map((one) => (field === 'description' ? one.file : `${JSON.stringify(one.value)} (${one.file})`));
    if (values.length > 1) notes.push(`the plans differ in ${what}: ${each.join(', ')}; ${flag}`);
    if (values.length > 1) note(context, args, notes.at(-1)!);
    return values.length === 1 ? values[0] : undefined;
  };
  return {
    name: args.name === undefined ? agreed('name', 'adversary_name', 'give the campaign\'s with --name') : undefined,
    actor: args.actor === undefined ? agreed('actor', 'the group their adversary_name is', 'give the campaign\'s with --actor') : undefined,
    attackVersion: agreed('attackVersion', 'attack_version', 'write the campaign\'s attack_version: by hand'),
    description: agreed('description', 'adversary_description', 'write the campaign\'s description: by hand'),
  };
}

function extractOne(context: CliContext, args: Args, file: string, text: string): void {
  const shown = inputName(file);
  // Without ATT&CK data the references are still found; they are resolved, and groups and software looked up, with it.
  // A MISP event whose galaxies are all of one other domain (mobile, ICS) is read in it, unless --domain says otherwise.
  // Else a report whose IDs are all of one other domain is read in it (`inferredReleases`).
  const fromEvent = args.domain === undefined ? mispEventReport(text)?.domain : undefined;
  const stated = args.domain ?? fromEvent;
  let domain: Domain = stated ?? 'enterprise-attack';
  // How the domain was chosen, for --json: `--domain`, the MISP event's galaxies, the report's IDs, or the default.
  let domainFrom: 'given' | 'misp galaxies' | 'inferred' | 'default' = args.domain !== undefined ? 'given' : fromEvent !== undefined ? 'misp galaxies' : 'default';
  let releases = releasesOf(context, args, domain);
  // A report of megabytes (a year of a vendor's reports run together) takes a while: the line counts how far it is read.
  const progress = showsProgress(context, args);
  const options = { ...(args.actor !== undefined ? { actor: args.actor } : {}), ...(args.campaigns === false ? { campaigns: false } : {}), file: shown, givenAs: FLAG_WORDS, ...(progress ? { onProgress: counting(context, shown) } : {}) };
  const reading = (): void => {
    if (progress) progressLine(context, `reading ${readingText(shown, text)}`);
  };
  reading();
  let report = extractReport(text, releases, options);
  if (progress) progressLine(context, '');
  const inferred = stated === undefined ? inferredReleases(context, args, report.references, releases, 'its') : undefined;
  if (inferred) {
    note(context, args, `${shown}: ${inferred.text}`);
    ({ domain, releases } = inferred);
    domainFrom = 'inferred';
    reading();
    report = extractReport(text, releases, options);
    if (progress) progressLine(context, '');
  }
  const { references, objects, name: bundleName, title, actor, firstSeen, lastSeen, description, attackVersion, url } = report;
  // A report of the ICS wiki's IDs (`T816: Device Restart/Shutdown`) read as enterprise found none of them: said once.
  const wikiHint = stated === undefined && !inferred ? icsWikiHint(context, args, text, report.references, releases, options) : undefined;
  const notes = [...report.notes, ...(wikiHint ? [wikiHint] : [])];
  note(context, args, summary(references, objects, shown, releases));
  for (const message of notes) note(context, args, `${shown}: ${message}`);
  const suggestions = args.suggest && releases ? suggestTechniques(text, suggestModel(context, args, releases.target), { top: 3, html: isHtmlPage(file, text) }) : undefined;
  if (args.json) return printJson(context, { domain, domain_from: domainFrom, ...(actor ? { actor } : {}), ...(firstSeen ? { first_seen: firstSeen } : {}), ...(lastSeen ? { last_seen: lastSeen } : {}), ...(description ? { description } : {}), ...(attackVersion ? { attack_version: attackVersion } : {}), ...(url ? { url } : {}), references: withEvidenceLines(references), objects, ...(notes.length ? { notes } : {}), ...(suggestions ? { suggestions } : {}) });
  const reportFile = file === shown ? file : 'stdin';
  const name = args.name ?? bundleName ?? basename(reportFile).replace(/\.[^.]+$/, '');
  // The report as the campaign's source: its title (the input's own, else its text's, else the file's name), its url where a saved page states it.
  // A MISP event's link attribute is the address of the analysis it was written from.
  const read = reportSource(text, file === shown ? file : undefined, isHtmlPage(file, text), title ?? bundleName);
  const source = read || url ? withUrl(read ?? {}, url) : undefined;
  // What stderr said once of the report stands under the skeleton's header too.
  const skeletonNotes = [...(inferred ? [inferred.text] : []), ...notes];
  context.stdout.write(renderCampaignSkeleton(references, { name, reportFile, ...(source ? { source } : {}), domain, objects, ...(skeletonNotes.length ? { notes: skeletonNotes } : {}), ...(actor ? { actor } : {}), ...(firstSeen ? { firstSeen } : {}), ...(lastSeen ? { lastSeen } : {}), ...(description ? { description } : {}), ...(attackVersion ? { attackVersion } : {}), ...(suggestions ? { suggestions } : {}) }));
}

/**
 * `; 5 of them are in ics-attack, not enterprise-attack: run extract with --domain ics`: the references another domain holds, by domain, so
 * that an ICS report read as enterprise says what to do in the summary too, not only in each reference's note. Where
 * the target's domain holds more of the report's IDs, the report is of that domain and a few IDs are another's (MISP's
 * galaxies give Mobile's Process Discovery T1424 for Enterprise's T1057; an OT report cites Enterprise techniques beside
 * ICS ones): each one's note says what to write. Where another domain holds as many or more, and the target some, the
 * report is of both: a campaign of each.
 */
function otherDomainsText(references: readonly ReportReference[], releases: ResolveContext | undefined): string {
  if (!releases) return '';
  const { own, others } = reportDomainCounts(references, releases);
  return [...others]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([other, ids]) => {
      const count = ids.length;
      const where = `; ${count} of them ${count === 1 ? 'is' : 'are'} in ${other}, not ${releases.target.domain}`;
      const flag = `--domain ${other.replace(/-attack$/, '')}`;
      if (count < own) return `${where}, which holds ${own}: see each one's note for what to write (run extract with ${flag} only for a report of that domain)`;
      // A report of both (an OT summary citing Enterprise techniques beside ICS ones, more of them): changing domain
      // alone would leave the target's IDs unresolved in turn.
      return own
        ? `${where}, which holds ${own}: the report cites both; run extract with ${flag} for those too, and keep each domain's techniques in a campaign of its own`
        : `${where}: run extract with ${flag}`;
    })
    .join('');
}

/** The source with `url` as its address, when it states none of its own. */
function withUrl(source: CampaignSource, url: string | undefined): CampaignSource {
  return url === undefined || source.url !== undefined ? source : { ...source, url };
}
