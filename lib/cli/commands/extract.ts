import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { decodeText, extractReferences, loadSuggestModel, readTextFile, renderCampaignSkeleton, suggestTechniques } from '../../index.js';
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
    .option('json', { type: 'boolean', describe: 'print the references found as JSON instead of a campaign skeleton' })
    .option('suggest', { type: 'boolean', describe: 'add suggested techniques for sentences without IDs, as comments (see suggest)' })
    .example('$0 extract report.txt --name "APT32 Wuhan" > campaigns/apt32.yaml', 'a campaign to review and complete')
    .example('pdftotext report.pdf - | $0 extract - --json', 'the references found, with their lines') as unknown as Argv<Args>;
}

export function handler(context: CliContext) {
  return (args: Args): void => {
    const text = args.report === '-' ? decodeText(readFileSync(0), '<stdin>') : readTextFile(args.report);
    const references = extractReferences(text);
    note(context, args, `${references.length} technique reference${references.length === 1 ? '' : 's'} found in ${args.report}`);
    const suggestions = args.suggest ? suggestTechniques(text, loadSuggestModel(attackLibrary(context, args).release(), { cacheDir: cacheDir(context) }), { top: 3 }) : undefined;
    if (args.json) return printJson(context, suggestions ? { references, suggestions } : references);
    const reportFile = args.report === '-' ? 'stdin' : args.report;
    const name = args.name ?? basename(reportFile).replace(/\.[^.]+$/, '');
    context.stdout.write(renderCampaignSkeleton(references, { name, reportFile, ...(suggestions ? { suggestions } : {}) }));
  };
}
