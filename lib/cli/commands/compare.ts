import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import {
  campaignReleases,
  compareCampaign,
  comparisonTargets,
  normalizeCampaign,
  objectRef,
  readCampaign,
  renderComparisonLayer,
  serializeLayer,
  serializeLayers,
  writeFileAtomic,
  type CampaignComparison,
} from '../../index.js';
import { attackLibrary, note, printJson, type CliContext, type GlobalArgs } from '../context.js';
import { formatTable, oneLine } from '../format-table.js';

interface Args extends GlobalArgs {
  campaign: string;
  with?: string[];
  to?: string;
  all?: boolean;
  json?: boolean;
  layer?: string;
  force?: boolean;
}

export function builder(yargs: Argv): Argv<Args> {
  return yargs
    .positional('campaign', { type: 'string', describe: 'a campaign file (YAML or JSON)', demandOption: true })
    .option('with', {
      type: 'string',
      array: true,
      describe: "ATT&CK groups, campaigns or software by ID, name or alias (default: the campaign's compare_with, else its actor)",
    })
    .option('to', { type: 'string', describe: 'the ATT&CK release to compare in (default: the newest available)' })
    .option('all', { type: 'boolean', describe: "list the object's techniques the campaign does not mention (default: their count)" })
    .option('json', { type: 'boolean', describe: 'print JSON: {comparisons: [...]}, one per object' })
    .option('layer', { type: 'string', describe: 'also write a comparison layer (one per object; several make a JSON array) to this file' })
    .option('force', { type: 'boolean', describe: 'overwrite the --layer file' })
    .example('$0 compare campaigns/apt32-covid19-wuhan.yaml', 'against its actor, APT32 (G0050)')
    .example('$0 compare report.yaml --with G0050 C0021 --json', 'against a group and an ATT&CK campaign, as JSON') as unknown as Argv<Args>;
}

function formatText(comparison: CampaignComparison, all: boolean): string {
  const { campaign, object, counts } = comparison;
  const who = objectRef(object);
  const rows = comparison.techniques.map((t) => [
    t.id,
    oneLine(t.name, 48),
    t.status,
    t.status === 'attributed' ? t.id : t.related.map((r) => `${r.id} (${r.relation})`).join(', '),
    oneLine(t.reportedAs.join('; '), 60),
  ]);
  const lines = [
    `${campaign.name} (${campaign.file}) compared with ${object.kind} ${who}, ATT&CK ${comparison.attack.domain} ${comparison.attack.release}`,
    '',
    formatTable(['technique', 'name', 'status', `${object.id} uses`, 'reported as'], rows).trimEnd(),
    '',
    `${counts.reported} reported: ${counts.attributed} attributed, ${counts.related} related (a parent or sub-technique is), ${counts.new} new` +
      (counts.inferredOnly ? ` (${counts.inferredOnly} more only inferred from the campaign's software, not compared)` : ''),
    `${who} uses ${counts.object} techniques in ATT&CK; ${counts.unmentioned} not mentioned by the campaign` + (all || !counts.unmentioned ? '' : ' (--all lists them)'),
  ];
  if (all && comparison.unmentioned.length) {
    lines.push('', formatTable(['not mentioned', 'name'], comparison.unmentioned.map((t) => [t.id, t.name])).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

export function handler(context: CliContext) {
  return (args: Args): void => {
    const campaign = readCampaign(args.campaign);
    const releases = campaignReleases(campaign, attackLibrary(context, args), args.to);
    const result = normalizeCampaign(campaign, releases);
    for (const warning of result.warnings) note(context, args, `warning: ${result.file}: ${warning}`);
    const targets = comparisonTargets(result, releases.target, args.with ?? []);
    for (const target of targets.objects) for (const line of target.notes) note(context, args, `note: ${line}`);
    const comparisons = targets.objects.map((target) => compareCampaign(result, target.object, releases.target));
    for (const warning of new Set(comparisons.flatMap((c) => c.warnings))) note(context, args, `warning: ${warning}`);

    if (args.layer !== undefined) {
      const layers = comparisons.map((comparison) => renderComparisonLayer(comparison, releases.target));
      const text = layers.length === 1 ? serializeLayer(layers[0]!) : serializeLayers(layers);
      writeFileAtomic(resolve(context.cwd, args.layer), text, { force: args.force });
      note(context, args, `wrote ${args.layer}`);
    }
    if (args.json) printJson(context, { comparisons });
    else context.stdout.write(comparisons.map((comparison) => formatText(comparison, args.all === true)).join('\n'));
  };
}
