import { resolve } from 'node:path';
import {
  attributedCampaigns,
  AttackObjectError,
  campaignReleases,
  compareCampaign,
  compareLayer,
  describeSource,
  foundObjectText,
  locateInOtherDomains,
  withOtherDomainTwins,
  otherDomainComparisonError,
  type LocatedObject,
  type AttackLibrary,
  COMPARE_KEEPING,
  loadProcedures,
  type ActorRecord,
  type CompareOptions,
  type ProcedureIndexData,
  InputError,
  isLayerComparison,
  isLayerFile,
  layerComparisonTargets,
  navigatorOpeningWarnings,
  readLayerSources,
  sourcesDomain,
  upgradeSources,
  type AttackIndex,
  type LayerUpgrade,
  comparisonTargets,
  normalizeCampaign,
  objectRef,
  plural,
  readCampaign,
  campaignList,
  renderComparisonLayer,
  serializeLayer,
  serializeLayers,
  type CampaignComparison,
  UNRESOLVED_STATUS_TEXT,
} from '../../index.js';
import { attackLibrary, cacheDir, FLAG_WORDS, note, printJson, readStdin, warn, type CliContext, type GlobalArgs } from '../context.js';
import { writeOutputs } from '../output-files.js';
import { assertLayerOutName } from '../layer-out.js';
import { formatTable, statusColor, tableStyle, type TableStyle } from '../format-table.js';
import { failOnLeftOut, reportUnplaced, unplacedReferences } from '../unplaced.js';
import { upgradeNote } from '../upgrade-note.js';

interface Args extends GlobalArgs {
  /** A campaign file or a layer file: the positional is named for both, which it takes. */
  'campaign-or-layer': string;
  with?: string[];
  unmentioned?: boolean;
  json?: boolean;
  out?: string;
  force?: boolean;
  strict?: boolean;
  campaigns?: boolean;
}


/** `1 entry`, `3 entries`. */
const entryCount = (count: number) => `${count} ${count === 1 ? 'entry' : 'entries'}`;

function formatText(comparison: CampaignComparison, all: boolean, unplaced: readonly string[], style: TableStyle): string {
  const { campaign, object, counts } = comparison;
  const who = objectRef(object);
  const layer = isLayerComparison(comparison) ? comparison.layer : undefined;
  const rows = comparison.techniques.map((t) => [
    t.id,
    t.name,
    t.status,
    t.status === 'attributed'
      ? t.id
      : t.status === 'campaign'
        ? `${t.id} in ${t.campaigns.map((c) => c.id).join(', ')}`
        : t.related.map((r) => `${r.id} (${r.relation}${r.campaigns ? ` in ${r.campaigns.map((c) => c.id).join(', ')}` : ''})`).join(', '),
    t.reportedAs.join('; '),
  ]);
  const campaigns = comparison.campaigns.length
    ? `the ${plural(comparison.campaigns.length, 'campaign')} ATT&CK attributes to it (${campaignList(comparison.campaigns)})`
    : undefined;
  const lines = [
    `${layer ? `layer "${layer.name}" (${layer.source})` : `${campaign.name} (${campaign.file})`} compared with ${object.kind} ${who}, ATT&CK ${comparison.attack.domain} ${comparison.attack.release}`,
    '',
    formatTable(['technique', 'name', 'status', `${object.id} uses`, layer ? 'in the layer' : 'reported as'], rows, style, {
      flexible: [1, 4],
      colorOf: (text, column) => (column === 2 ? statusColor(text) : undefined),
    }).trimEnd(),
    '',
    `${counts.reported} ${layer ? 'in the layer' : 'reported'}: ${counts.attributed} attributed, ` +
      (campaigns ? `${counts.campaign} attributed through a campaign, ` : '') +
      `${counts.related} related (a parent or sub-technique is), ${counts.new} new` +
      (counts.inferredOnly ? ` (${counts.inferredOnly} more only inferred from the campaign's software, not compared)` : ''),
    `${who} uses ${plural(counts.object, 'technique')} in ATT&CK` +
      // The campaigns are the subject of their own verb: "and the 2 campaigns … (C0023, C0024) use 53 more".
      (campaigns ? ` and ${campaigns} ${comparison.campaigns.length === 1 ? 'uses' : 'use'} ${counts.campaignOnly} more` : '') +
      `; ${counts.unmentioned} not mentioned by the ${layer ? 'layer' : 'campaign'}` +
      (all || !counts.unmentioned ? '' : ' (--unmentioned lists them)'),
  ];
  if (layer?.leftOut.length) {
    lines.push(
      `${entryCount(layer.leftOut.length)} of the layer not compared:`,
      ...layer.leftOut.map((entry) => `  ${entry.techniqueID}${entry.tactic ? ` (${entry.tactic})` : ''}: ${entry.reason}`),
    );
  }
  if (unplaced.length) {
    lines.push(
      layer
        ? `${entryCount(unplaced.length)} of the layer not compared: not placed on a technique of the release:`
        : `${plural(unplaced.length, 'reference')} not compared: not placed on a technique (${UNRESOLVED_STATUS_TEXT}):`,
      ...unplaced.map((line) => `  ${line}`),
    );
  }
  if (all && comparison.unmentioned.length) {
    const rows = comparison.unmentioned.map((t) => [t.id, t.name, ...(campaigns ? [t.campaigns ? t.campaigns.map((c) => c.id).join(', ') : object.id] : [])]);
    lines.push('', formatTable(['not mentioned', 'name', ...(campaigns ? ['used by'] : [])], rows, style, { flexible: [1] }).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What a comparison with `object` takes beside it: with --campaigns (the default), a group's attributed campaigns,
 * read from the release's procedures (loaded once per release, and only for a group).
 */
function compareOptions(context: CliContext, args: Args): (object: ActorRecord, index: AttackIndex) => CompareOptions {
  const loaded = new Map<AttackIndex, ProcedureIndexData>();
  return (object, index) => {
    if (args.campaigns === false || object.type !== 'intrusion-set') return {};
    let data = loaded.get(index);
    if (!data) loaded.set(index, (data = loadProcedures(index, { cacheDir: cacheDir(context) })));
    return { campaigns: attributedCampaigns(object, index, data) };
  };
}

/**
 * An object --with names that the campaign's or layer's domain lacks and another domain has (`--with "Cobalt Strike"`
 * for an ICS layer): the error says where it is, not "check the spelling" or the names closest to it in this domain.
 */
function inOtherDomain(library: AttackLibrary, index: AttackIndex, error: unknown, source: string, what: 'campaign' | 'layer'): { error: unknown; found?: LocatedObject } {
  const found = error instanceof AttackObjectError ? locateInOtherDomains(library, error.query, index) : undefined;
  return found ? { error: otherDomainComparisonError(found, index, what, `${source}: --with `), found } : { error };
}

/** The output every comparison ends with: the comparison layers (`--out`), then JSON or the tables. */
function writeComparisons(
  context: CliContext,
  args: Args,
  compared: ReadonlyArray<{ comparison: CampaignComparison; index: AttackIndex }>,
  unplaced: readonly string[],
  upgrades?: readonly LayerUpgrade[],
): void {
  if (args.out !== undefined) {
    const rendered = compared.map(({ comparison, index }) => renderComparisonLayer(comparison, index));
    for (const warning of new Set(rendered.flatMap((one) => one.warnings))) warn(context, args, warning);
    const layers = rendered.map((one) => one.layer);
    const text = layers.length === 1 ? serializeLayer(layers[0]!) : serializeLayers(layers);
    // No path said: stdout carries the comparison, and a written path is said on stdout alone (render, combine, export).
    writeOutputs(context, args, [{ path: resolve(context.cwd, args.out), content: text, name: args.out }]);
    for (const warning of navigatorOpeningWarnings(layers)) warn(context, args, warning);
  }
  const comparisons = compared.map(({ comparison }) => comparison);
  // For layers, --json says what their upgrade changed too (an entry moved from a tactic its technique does not have).
  if (args.json) printJson(context, { comparisons, unplaced, ...(upgrades ? { upgrades } : {}) });
  else context.stdout.write(comparisons.map((comparison) => formatText(comparison, args.unmentioned === true, unplaced, tableStyle(context))).join('\n'));
}

/**
 * Compare each layer of a layer file: read as combine reads it (repaired, format 4.5, upgraded to the release, every
 * change said), with the objects of --with, else the one its name and description name (or, of several, its name).
 */
function compareLayerFile(context: CliContext, args: Args, stdin: Uint8Array | undefined): void {
  const library = attackLibrary(context, args);
  const compared: Array<{ comparison: CampaignComparison; index: AttackIndex }> = [];
  const unplaced: string[] = [];
  const changed: LayerUpgrade[] = [];
  // A file of layers of several domains (an enterprise and a mobile layer): each layer is compared in its own domain,
  // and one of a domain --domain does not name, or where no object of --with is, is left out, saying so, when another
  // layer of the file is compared (else the run is refused as for a file of that layer alone).
  const read = readLayerSources(args['campaign-or-layer'], resolve(context.cwd, args['campaign-or-layer']), { stdin }).map((source) => ({ source, stated: sourcesDomain([source]).domain }));
  const several = new Set(read.map(({ stated }) => stated)).size > 1;
  const notCompared: string[] = [];
  const options = compareOptions(context, args);
  let refusal: unknown;
  for (const { source, stated } of read) {
    if (several && args.domain && stated !== args.domain) {
      notCompared.push(`${describeSource(source)}: a layer of ${stated}, not compared: --domain is ${args.domain}`);
      continue;
    }
    const { domain, sources } = sourcesDomain([source], args.domain, FLAG_WORDS);
    const index = library.release(domain, args['attack-release']);
    const { inputs, upgrades, warnings } = upgradeSources(sources, index, library, COMPARE_KEEPING, FLAG_WORDS);
    for (const upgrade of upgrades) note(context, args, upgradeNote(upgrade, index.label));
    changed.push(...upgrades);
    for (const warning of warnings) warn(context, args, warning);
    // An entry the upgrade left out (a technique unknown in the release, deprecated, of another domain) is an unplaced reference.
    unplaced.push(...warnings.filter((warning) => /^.*?: \/techniques\/\d+: /.test(warning)));
    const input = inputs[0]!;
    let targets: ReturnType<typeof layerComparisonTargets>;
    try {
      targets = layerComparisonTargets(input.layer, input.source ?? source.file, index, args.with ?? [], FLAG_WORDS).map((target) => withOtherDomainTwins(target, index, library, FLAG_WORDS));
    } catch (thrown) {
      const { error, found } = args.with?.length ? inOtherDomain(library, index, thrown, input.source ?? source.file, 'layer') : { error: thrown };
      if (!several || !args.with?.length || !(error instanceof AttackObjectError)) throw error;
      refusal ??= error;
      // The names closest to it in this domain are no help: the object is of the other layers' domain, which says so.
      const why = found ? `--with ${foundObjectText(found)}, not of ${domain}` : error.message.replace(/; did you mean [^;]*\?$/, '');
      notCompared.push(`${input.source ?? source.file}: a layer of ${domain}, not compared: ${why}`);
      continue;
    }
    for (const target of targets) for (const line of target.notes) note(context, args, `note: ${line}`);
    for (const target of targets) compared.push({ comparison: compareLayer(input, target.object, index, options(target.object, index)), index });
  }
  if (!compared.length && refusal) throw refusal;
  for (const line of notCompared) note(context, args, `note: ${line}`);
  for (const warning of new Set(compared.flatMap(({ comparison }) => comparison.warnings))) warn(context, args, warning);
  writeComparisons(context, args, compared, unplaced, changed);
  if (args.strict && unplaced.length) {
    throw new InputError(`--strict: ${`layer ${entryCount(unplaced.length)}`} could not be placed on a technique (listed above); the comparison was printed above, and the run fails (--strict)`);
  }
}

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    assertLayerOutName('compare', args.out);
    const stdin = await readStdin(context, [args['campaign-or-layer']]);
    if (isLayerFile(args['campaign-or-layer'], { stdin })) {
      compareLayerFile(context, args, stdin);
      return;
    }
    const campaign = readCampaign(args['campaign-or-layer'], { stdin, domain: args.domain });
    const releases = campaignReleases(campaign, attackLibrary(context, args), args['attack-release'], { givenAs: FLAG_WORDS });
    const result = normalizeCampaign(campaign, releases);
    for (const warning of result.warnings) warn(context, args, `${result.file}: ${warning}`);
    let targets: ReturnType<typeof comparisonTargets>;
    try {
      targets = comparisonTargets(result, releases.target, args.with ?? [], FLAG_WORDS, releases.otherReleases);
    } catch (error) {
      throw args.with?.length ? inOtherDomain(attackLibrary(context, args), releases.target, error, result.file, 'campaign').error : error;
    }
    for (const target of targets.objects) for (const line of target.notes) note(context, args, `note: ${line}`);
    const options = compareOptions(context, args);
    const comparisons = targets.objects.map((target) => compareCampaign(result, target.object, releases.target, options(target.object, releases.target)));
    for (const warning of new Set(comparisons.flatMap((c) => c.warnings))) warn(context, args, warning);
    writeComparisons(context, args, comparisons.map((comparison) => ({ comparison, index: releases.target })), unplacedReferences([result]));
    reportUnplaced(context, args, [result], 'not compared', 'the comparison was printed above, and the run fails (--strict)');
    failOnLeftOut([result], 'the rest was compared');
  };
}
