import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { AttackDataError, decodeText, domainReleases, extractReport, loadSuggestModel, readTextFile, renderCampaignSkeleton, suggestTechniques } from '../../index.js';
import { attackLibrary, cacheDir, note, printJson, type CliContext, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  report: string;
  name?: string;
  json?: boolean;
  suggest?: boolean;
}

export function builder(yargs: Argv): Argv<Args> {
  return yargs
    .positional('report', { type: 'string', describe: 'report text file, or - for standard input', demandOption: true })
    .option('name', { type: 'string', describe: 'campaign name (default: the file name)' })
    .option('json', { type: 'boolean', describe: 'print the references (line, span, tactic column, resolution) and the groups and software found, as JSON' })
    .option('suggest', { type: 'boolean', describe: 'add suggested techniques for sentences without IDs, as comments (see suggest)' })
    .example('$0 extract report.txt --name "APT32 Wuhan" > campaigns/apt32.yaml', 'a campaign to review and complete')
    .example('pdftotext report.pdf - | $0 extract - --json', 'the references found, with their lines') as unknown as Argv<Args>;
}

export function handler(context: CliContext) {
  return (args: Args): void => {
    const text = args.report === '-' ? decodeText(readFileSync(0), '<stdin>') : readTextFile(args.report);
    // Without ATT&CK data the references are still found; they are resolved, and groups and software looked up, with it.
    let releases: ReturnType<typeof domainReleases> | undefined;
    try {
      releases = domainReleases(attackLibrary(context, args), 'enterprise-attack', args['attack-release']);
    } catch (error) {
      if (!(error instanceof AttackDataError) || args.suggest) throw error;
      note(context, args, `no ATT&CK data (${error.message}); references are not resolved, groups and software not looked up`);
    }
    const { references, objects } = extractReport(text, releases);
    note(
      context,
      args,
      `${references.length} technique reference${references.length === 1 ? '' : 's'}` +
        (releases ? `, ${objects.length} ATT&CK group${objects.length === 1 ? '' : 's'}, software or campaign${objects.length === 1 ? '' : 's'}` : '') +
        ` found in ${args.report}`,
    );
    const suggestions = args.suggest && releases ? suggestTechniques(text, loadSuggestModel(releases.target, { cacheDir: cacheDir(context) }), { top: 3 }) : undefined;
    if (args.json) return printJson(context, { references, objects, ...(suggestions ? { suggestions } : {}) });
    const reportFile = args.report === '-' ? 'stdin' : args.report;
    const name = args.name ?? basename(reportFile).replace(/\.[^.]+$/, '');
    context.stdout.write(renderCampaignSkeleton(references, { name, reportFile, objects, ...(suggestions ? { suggestions } : {}) }));
  };
}
