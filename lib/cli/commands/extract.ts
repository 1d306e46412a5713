import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Argv } from 'yargs';
import { decodeText, extractReferences, readTextFile, renderCampaignSkeleton } from '../../index.js';
import { note, printJson, type CliContext, type GlobalArgs } from '../context.js';

interface Args extends GlobalArgs {
  report: string;
  name?: string;
  json?: boolean;
}

export function builder(yargs: Argv): Argv<Args> {
  return yargs
    .positional('report', { type: 'string', describe: 'report text file, or - for standard input', demandOption: true })
    .option('name', { type: 'string', describe: 'campaign name (default: the file name)' })
    .option('json', { type: 'boolean', describe: 'print the references found as JSON instead of a campaign skeleton' })
    .example('$0 extract report.txt --name "APT32 Wuhan" > campaigns/apt32.yaml', 'a campaign to review and complete')
    .example('pdftotext report.pdf - | $0 extract - --json', 'the references found, with their lines') as unknown as Argv<Args>;
}

export function handler(context: CliContext) {
  return (args: Args): void => {
    const text = args.report === '-' ? decodeText(readFileSync(0), '<stdin>') : readTextFile(args.report);
    const references = extractReferences(text);
    note(context, args, `${references.length} technique reference${references.length === 1 ? '' : 's'} found in ${args.report}`);
    if (args.json) return printJson(context, references);
    const reportFile = args.report === '-' ? 'stdin' : args.report;
    context.stdout.write(renderCampaignSkeleton(references, { name: args.name ?? basename(reportFile).replace(/\.[^.]+$/, ''), reportFile }));
  };
}
