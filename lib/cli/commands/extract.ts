import { basename } from 'node:path';
import { extractReferences, inputName, loadSuggestModel, readTextFile, renderCampaignSkeleton, suggestTechniques } from '../../index.js';
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
  shared: { name: 'the campaign\'s name (default: the file name)', json: 'print the references found as JSON instead of a campaign skeleton' },
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
    const references = extractReferences(text);
    const shown = inputName(args.report);
    note(context, args, `${references.length} technique reference${references.length === 1 ? '' : 's'} found in ${shown}`);
    const suggestions = args.suggest ? suggestTechniques(text, loadSuggestModel(attackLibrary(context, args).release(), { cacheDir: cacheDir(context) }), { top: 3 }) : undefined;
    if (args.json) return printJson(context, suggestions ? { references, suggestions } : references);
    const reportFile = args.report === shown ? args.report : 'stdin';
    const name = args.name ?? basename(reportFile).replace(/\.[^.]+$/, '');
    context.stdout.write(renderCampaignSkeleton(references, { name, reportFile, ...(suggestions ? { suggestions } : {}) }));
  };
}
