import type { Argv } from 'yargs';
import {
  campaignReleases,
  InputError,
  normalizeCampaign,
  readCampaigns,
  UNRESOLVED_STATUSES,
  type NormalizedCampaign,
} from '../../index.js';
import { attackLibrary, note, printJson, type CliContext, type GlobalArgs } from '../context.js';
import { formatTable, oneLine } from '../format-table.js';

interface Args extends GlobalArgs {
  campaigns: string[];
  to?: string;
  json?: boolean;
  strict?: boolean;
}

export function builder(yargs: Argv): Argv<Args> {
  return yargs
    .positional('campaigns', { type: 'string', array: true, describe: 'campaign files (YAML or JSON) or folders of them', demandOption: true })
    .option('to', { type: 'string', describe: 'the release to bring techniques to (default: the newest available)' })
    .option('json', { type: 'boolean', describe: 'print JSON: an array with one object per campaign' })
    .option('strict', { type: 'boolean', describe: 'exit 1 when any reference is unknown, ambiguous or deprecated' })
    .example('$0 normalize campaigns/apt32-covid19-wuhan.yaml', 'a table of references and what they became')
    .example('$0 normalize campaigns --json --strict', 'JSON for every campaign; exit 1 if anything is unresolved') as unknown as Argv<Args>;
}

/** The JSON form of a normalized campaign: everything but the campaign file's own contents. */
export function normalizedJson({ campaign: _campaign, ...rest }: NormalizedCampaign): Omit<NormalizedCampaign, 'campaign'> {
  return rest;
}

function formatText(result: NormalizedCampaign): string {
  const head = [
    `${result.name} (${result.file})`,
    `  ATT&CK ${result.attack.domain} ${result.attack.release}${result.attack.source ? `, IDs read as of ${result.attack.source}` : ''}`,
  ];
  if (result.actor) head.push(`  actor: ${result.actor.note}`);
  for (const software of result.software) head.push(`  software: ${software.note}`);
  const written = result.references.filter((r) => r.status !== 'inferred');
  const inferred = result.references.length - written.length;
  const table = formatTable(
    ['line', 'reference', 'status', 'technique', 'note'],
    written.map((r) => [r.line ?? '', oneLine(r.raw, 40), r.status, r.ids.join(', ') || '-', oneLine(r.note, 120)]),
  );
  const lines = [...head, '', table.trimEnd()];
  if (inferred) lines.push(`(+ ${inferred} technique reference${inferred === 1 ? '' : 's'} inferred from software; --json lists them)`);
  const warnings = [...result.warnings, ...written.flatMap((r) => r.warnings.map((w) => `${r.line ? `line ${r.line}: ` : ''}${w}`))];
  if (warnings.length) lines.push('', 'warnings:', ...warnings.map((w) => `  - ${w}`));
  lines.push('', `${result.techniques.length} techniques: ${result.techniques.map((t) => t.id).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

export function handler(context: CliContext) {
  return (args: Args): void => {
    const campaigns = readCampaigns(args.campaigns);
    const library = attackLibrary(context, args);
    const results = campaigns.map((campaign) => normalizeCampaign(campaign, campaignReleases(campaign, library, args.to)));
    if (args.json) printJson(context, results.map(normalizedJson));
    else context.stdout.write(results.map(formatText).join('\n'));
    const unresolved = results.flatMap((r) =>
      r.references.filter((ref) => UNRESOLVED_STATUSES.includes(ref.status)).map((ref) => `${r.file}${ref.line ? `:${ref.line}` : ''}: ${ref.status}: ${oneLine(ref.raw, 60)}`),
    );
    if (unresolved.length) {
      note(context, args, `${unresolved.length} reference${unresolved.length === 1 ? '' : 's'} left unresolved:\n${unresolved.map((u) => `  ${u}`).join('\n')}`);
      if (args.strict) throw new InputError(`--strict: ${unresolved.length} reference${unresolved.length === 1 ? ' is' : 's are'} unknown, ambiguous or deprecated`);
    }
  };
}
