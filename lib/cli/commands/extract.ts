import { basename } from 'node:path';
import { AttackDataError, domainReleases, extractReport, inputName, isHtmlPage, loadSuggestModel, readTextFile, renderCampaignSkeleton, suggestTechniques } from '../../index.js';
import { attackLibrary, cacheDir, note, printJson, readStdin, type CliContext, type GlobalArgs } from '../context.js';
import type { CommandDeclaration } from '../options.js';

interface Args extends GlobalArgs {
  report: string;
  name?: string;
  json?: boolean;
  suggest?: boolean;
}

export const declaration: CommandDeclaration = {
  positionals: { report: { type: 'string', describe: 'a report as text, or - for standard input', demandOption: true } },
  shared: { name: 'the campaign\'s name (default: the file name)', json: 'print the references (line, span, tactic column, resolution) and the groups and software found, as JSON' },
  options: {
    suggest: { type: 'boolean', describe: 'add suggested techniques for sentences without IDs, as comments (see suggest)' },
  },
  examples: [
    ['$0 extract report.txt --name "APT32 Wuhan" > campaigns/apt32.yaml', 'a campaign to review and complete'],
    ['pdftotext report.pdf - | $0 extract - --json', 'the references found, with their lines'],
  ],
};

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const text = readTextFile(args.report, args.report, { stdin: await readStdin(context, [args.report]) });
    const shown = inputName(args.report);
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
        ` found in ${shown}`,
    );
    const suggestions = args.suggest && releases ? suggestTechniques(text, loadSuggestModel(releases.target, { cacheDir: cacheDir(context) }), { top: 3, html: isHtmlPage(args.report, text) }) : undefined;
    if (args.json) return printJson(context, { references, objects, ...(suggestions ? { suggestions } : {}) });
    const reportFile = args.report === shown ? args.report : 'stdin';
    const name = args.name ?? basename(reportFile).replace(/\.[^.]+$/, '');
    context.stdout.write(renderCampaignSkeleton(references, { name, reportFile, objects, ...(suggestions ? { suggestions } : {}) }));
  };
}
