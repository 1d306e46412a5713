import { basename } from 'node:path';
import { AttackDataError, UsageError, domainReleases, extractReport, mispEventReport, inputName, isHtmlPage, loadSuggestModel, otherDomainExtractAdvice, readReportText, renderCampaignSkeleton, reportSource, suggestTechniques, type Domain, type ReportReference, type ResolveContext } from '../../index.js';
import { attackLibrary, cacheDir, note, printJson, readStdin, type CliContext, type GlobalArgs } from '../context.js';
import type { CommandDeclaration } from '../options.js';

interface Args extends GlobalArgs {
  report: string;
  name?: string;
  json?: boolean;
  suggest?: boolean;
  actor?: string;
  campaigns?: boolean;
}

export const declaration: CommandDeclaration = {
  positionals: { report: { type: 'string', describe: 'a report as text (or a STIX bundle of threat intelligence, a MISP event or attribute search in MISP JSON, or an Attack Flow: its STIX bundle, an Attack Flow Builder .afb or Designer .afd file), or - for standard input', demandOption: true } },
  shared: { name: 'the campaign\'s name (default: the file name)', json: 'print the references (line, span, tactic column, resolution) and the groups and software found, as JSON' },
  options: {
    suggest: { type: 'boolean', describe: 'add suggested techniques for sentences without IDs, as comments (see suggest)' },
    actor: {
      type: 'string',
      requiresArg: true,
      describe:
        "of a STIX bundle of threat intelligence, keep one intrusion set's techniques (by name, alias, ATT&CK ID or STIX id), with those of the campaigns the bundle attributes to it (each says who used it), and name the campaign after it; " +
        "of a MISP event naming several threat actors or intrusion sets, the one that is the campaign's actor (by name, synonym or ATT&CK ID)",
    },
    campaigns: {
      type: 'boolean',
      default: true,
      describe: "with --actor on a STIX bundle, take the uses of the campaigns the bundle attributes to the actor (as attack-object --campaigns shows them); --no-campaigns leaves them out, for the actor's own uses",
    },
  },
  examples: [
    ['$0 extract report.txt --name "APT32 Wuhan" > campaigns/apt32.yaml', 'a campaign to review and complete'],
    ['pdftotext report.pdf - | $0 extract - --json', 'the references found, with their lines'],
    ['$0 extract opencti-export.json --actor APT29 > campaigns/apt29.yaml', "one intrusion set's techniques of a bundle holding several"],
    ['$0 extract attack-feed.json --actor APT29 --no-campaigns', "APT29's own uses, without those of the campaigns attributed to it"],
    ['$0 extract misp-event.json > campaigns/event.yaml', "a MISP event's ATT&CK galaxies and tags: name from info, first_seen from date, its threat actor"],
    ['$0 extract "Ivanti Vulnerabilities.afb" > campaigns/ivanti.yaml', "an Attack Flow's actions (technique_id, tactic_id, description as evidence): name and description from the flow"],
  ],
};

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    if (args.campaigns === false && args.actor === undefined) throw new UsageError('--no-campaigns leaves out the campaigns a STIX bundle attributes to the actor --actor chooses: give --actor too');
    const text = readReportText(args.report, args.report, { stdin: await readStdin(context, [args.report]) }, ['stix-threat-intel', 'misp-event', 'attack-flow']);
    const shown = inputName(args.report);
    // Without ATT&CK data the references are still found; they are resolved, and groups and software looked up, with it.
    // A MISP event whose galaxies are all of one other domain (mobile, ICS) is read in it, unless --domain says otherwise.
    const domain: Domain = args.domain ?? mispEventReport(text)?.domain ?? 'enterprise-attack';
    let releases: ReturnType<typeof domainReleases> | undefined;
    try {
      releases = { ...domainReleases(attackLibrary(context, args), domain, args['attack-release']), otherDomainAdvice: otherDomainExtractAdvice };
    } catch (error) {
      if (!(error instanceof AttackDataError) || args.suggest) throw error;
      note(context, args, `no ATT&CK data (${error.message}); references are not resolved, groups and software not looked up`);
    }
    const { references, objects, notes, name: bundleName, actor, firstSeen, lastSeen, description } = extractReport(text, releases, { ...(args.actor !== undefined ? { actor: args.actor } : {}), ...(args.campaigns === false ? { campaigns: false } : {}), file: shown });
    note(
      context,
      args,
      `${references.length} technique reference${references.length === 1 ? '' : 's'}` +
        (releases ? `, ${objects.length} ATT&CK group${objects.length === 1 ? '' : 's'}, software or campaign${objects.length === 1 ? '' : 's'}` : '') +
        ` found in ${shown}` +
        otherDomainsText(references, releases),
    );
    for (const message of notes) note(context, args, `${shown}: ${message}`);
    const suggestions = args.suggest && releases ? suggestTechniques(text, loadSuggestModel(releases.target, { cacheDir: cacheDir(context) }), { top: 3, html: isHtmlPage(args.report, text) }) : undefined;
    if (args.json) return printJson(context, { ...(actor ? { actor } : {}), ...(firstSeen ? { first_seen: firstSeen } : {}), ...(lastSeen ? { last_seen: lastSeen } : {}), ...(description ? { description } : {}), references, objects, ...(suggestions ? { suggestions } : {}) });
    const reportFile = args.report === shown ? args.report : 'stdin';
    const name = args.name ?? bundleName ?? basename(reportFile).replace(/\.[^.]+$/, '');
    // The report as the campaign's source: its title (the input's own, else its text's, else the file's name), its url where a saved page states it.
    const source = reportSource(text, args.report === shown ? args.report : undefined, isHtmlPage(args.report, text), bundleName);
    context.stdout.write(renderCampaignSkeleton(references, { name, reportFile, ...(source ? { source } : {}), domain, objects, ...(actor ? { actor } : {}), ...(firstSeen ? { firstSeen } : {}), ...(lastSeen ? { lastSeen } : {}), ...(description ? { description } : {}), ...(suggestions ? { suggestions } : {}) }));
  };
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
  const counts = new Map<Domain, number>();
  for (const ref of references) {
    if (ref.resolution?.status !== 'other domain') continue;
    const found = ref.ids[0] === undefined ? undefined : releases?.otherDomains?.(ref.ids[0]);
    if (found) counts.set(found.domain, (counts.get(found.domain) ?? 0) + 1);
  }
  const own = references.filter((ref) => ref.ids.length > 0 && ['current', 'revoked', 'deprecated', 'renamed'].includes(ref.resolution?.status ?? '')).length;
  return [...counts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([other, count]) => {
      const where = `; ${count} of them ${count === 1 ? 'is' : 'are'} in ${other}, not ${releases!.target.domain}`;
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
