import { resolve } from 'node:path';
import {
  campaignReleases,
  compareCampaign,
  comparisonTargets,
  normalizeCampaign,
  objectRef,
  plural,
  readCampaign,
  renderComparisonLayer,
  serializeLayer,
  serializeLayers,
  writeFileAtomic,
  type CampaignComparison,
  UNRESOLVED_STATUS_TEXT,
} from '../../index.js';
import { attackLibrary, note, printJson, readStdin, type CliContext, type GlobalArgs } from '../context.js';
import { assertLayerOutName } from '../layer-out.js';
import { formatTable, statusColor, tableStyle, type TableStyle } from '../format-table.js';
import type { CommandDeclaration } from '../options.js';
import { failOnLeftOut, reportUnplaced, unplacedReferences } from '../unplaced.js';

interface Args extends GlobalArgs {
  campaign: string;
  with?: string[];
  unmentioned?: boolean;
  json?: boolean;
  out?: string;
  force?: boolean;
  strict?: boolean;
}

export const declaration: CommandDeclaration = {
  positionals: { campaign: { type: 'string', describe: 'a campaign file (YAML or JSON), or - for standard input', demandOption: true } },
  shared: {
    json: 'print JSON: {comparisons: [...]}, one per object',
    out: 'also write a comparison layer (one per object; several make a JSON array) to this file',
    force: true,
    strict: true,
  },
  options: {
    with: {
      type: 'string',
      array: true,
      describe: "ATT&CK groups, campaigns or software by ID, name or alias (default: the campaign's compare_with, else its actor)",
    },
    unmentioned: { type: 'boolean', describe: "list the object's techniques the campaign does not mention (default: their count)" },
  },
  renamed: { layer: 'out', all: 'unmentioned' },
  examples: [
    ['$0 compare campaigns/apt32-covid19-wuhan.yaml', 'against its actor, APT32 (G0050)'],
    ['$0 compare report.yaml --with G0050 C0021 --json', 'against a group and an ATT&CK campaign, as JSON'],
    ['$0 compare report.yaml --out comparison.layer.json', 'also a layer: attributed green, related yellow, new red'],
  ],
};

function formatText(comparison: CampaignComparison, all: boolean, unplaced: readonly string[], style: TableStyle): string {
  const { campaign, object, counts } = comparison;
  const who = objectRef(object);
  const rows = comparison.techniques.map((t) => [
    t.id,
    t.name,
    t.status,
    t.status === 'attributed' ? t.id : t.related.map((r) => `${r.id} (${r.relation})`).join(', '),
    t.reportedAs.join('; '),
  ]);
  const lines = [
    `${campaign.name} (${campaign.file}) compared with ${object.kind} ${who}, ATT&CK ${comparison.attack.domain} ${comparison.attack.release}`,
    '',
    formatTable(['technique', 'name', 'status', `${object.id} uses`, 'reported as'], rows, style, {
      flexible: [1, 4],
      colorOf: (text, column) => (column === 2 ? statusColor(text) : undefined),
    }).trimEnd(),
    '',
    `${counts.reported} reported: ${counts.attributed} attributed, ${counts.related} related (a parent or sub-technique is), ${counts.new} new` +
      (counts.inferredOnly ? ` (${counts.inferredOnly} more only inferred from the campaign's software, not compared)` : ''),
    `${who} uses ${counts.object} techniques in ATT&CK; ${counts.unmentioned} not mentioned by the campaign` + (all || !counts.unmentioned ? '' : ' (--unmentioned lists them)'),
  ];
  if (unplaced.length) lines.push(`${plural(unplaced.length, 'reference')} not compared: not placed on a technique (${UNRESOLVED_STATUS_TEXT}):`, ...unplaced.map((line) => `  ${line}`));
  if (all && comparison.unmentioned.length) {
    lines.push('', formatTable(['not mentioned', 'name'], comparison.unmentioned.map((t) => [t.id, t.name]), style, { flexible: [1] }).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    assertLayerOutName('compare', args.out);
    const campaign = readCampaign(args.campaign, { stdin: await readStdin(context, [args.campaign]), domain: args.domain });
    const releases = campaignReleases(campaign, attackLibrary(context, args), args['attack-release']);
    const result = normalizeCampaign(campaign, releases);
    for (const warning of result.warnings) note(context, args, `warning: ${result.file}: ${warning}`);
    const targets = comparisonTargets(result, releases.target, args.with ?? []);
    for (const target of targets.objects) for (const line of target.notes) note(context, args, `note: ${line}`);
    const comparisons = targets.objects.map((target) => compareCampaign(result, target.object, releases.target));
    for (const warning of new Set(comparisons.flatMap((c) => c.warnings))) note(context, args, `warning: ${warning}`);

    if (args.out !== undefined) {
      const layers = comparisons.map((comparison) => renderComparisonLayer(comparison, releases.target));
      const text = layers.length === 1 ? serializeLayer(layers[0]!) : serializeLayers(layers);
      writeFileAtomic(resolve(context.cwd, args.out), text, { force: args.force });
      note(context, args, `wrote ${args.out}`);
    }
    const unplaced = unplacedReferences([result]);
    if (args.json) printJson(context, { comparisons, unplaced });
    else context.stdout.write(comparisons.map((comparison) => formatText(comparison, args.unmentioned === true, unplaced, tableStyle(context))).join('\n'));
    reportUnplaced(context, args, [result], 'not compared', 'the comparison was printed above, and the run fails (--strict)');
    failOnLeftOut([result], 'the rest was compared');
  };
}
