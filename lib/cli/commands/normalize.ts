import {
  campaignReleases,
  normalizeCampaign,
  ONE_WORD,
  plural,
  readCampaignsLeavingOut,
  type NormalizedCampaign,
  type PassageSuggestions,
} from '../../index.js';
import { attackLibrary, FLAG_WORDS, note, printJson, readStdin, type CliContext, type GlobalArgs } from '../context.js';
import { formatTable, statusColor, tableStyle, type TableStyle } from '../format-table.js';
import { failOnLeftOut, failOnLeftOutFiles, noteLeftOutFiles, reportUnplaced } from '../unplaced.js';
import { unknownNames, unknownSuggestions } from '../unknown-suggestions.js';

interface Args extends GlobalArgs {
  campaigns: string[];
  json?: boolean;
  strict?: boolean;
  suggest?: boolean;
}


/** What `--suggest` ranked for the references left unknown, by their index in the campaign's references. */
type Suggested = ReadonlyMap<number, PassageSuggestions>;

/**
 * The JSON form of a normalized campaign: everything but the campaign file's own contents; with `--suggest`, a
 * reference left unknown holds `suggested`: the candidates suggest ranked for its words (and its note: a language read
 * through a glossary; wordsInCommon).
 */
export function normalizedJson({ campaign: _campaign, ...rest }: NormalizedCampaign, suggested: Suggested = new Map()): Omit<NormalizedCampaign, 'campaign'> {
  if (!suggested.size) return rest;
  const references = rest.references.map((reference, i) => {
    const passage = suggested.get(i);
    if (!passage) return reference;
    const { line: _line, text: _text, ...ranked } = passage;
    return { ...reference, suggested: ranked };
  });
  return { ...rest, references };
}

/** The readable form of what `--suggest` ranked: each reference by its line, then its candidates, one a line, with why. */
function suggestedText(result: NormalizedCampaign, suggested: Suggested): string[] {
  if (!suggested.size) return [];
  const lines = ['', 'suggested for references left unknown (to review: never taken as the reference):'];
  for (const [i, passage] of [...suggested].sort((a, b) => a[0] - b[0])) {
    const reference = result.references[i]!;
    lines.push(`  ${reference.line ? `line ${reference.line}: ` : ''}${JSON.stringify(reference.raw)}`);
    if (passage.note) lines.push(`    (${passage.note})`);
    if (passage.wordsInCommon === 1) lines.push(`    (${ONE_WORD})`);
    passage.candidates.forEach((c, n) => lines.push(`    ${n + 1}. ${c.id} ${c.name}  score ${c.score}  ${c.why}`));
  }
  return lines;
}

function formatText(result: NormalizedCampaign, style: TableStyle, suggested: Suggested): string {
  const head = [
    `${result.name} (${result.file})`,
    `  ATT&CK ${result.attack.domain} ${result.attack.release}${result.attack.source ? `, references read as of ATT&CK ${result.attack.source}` : ''}`,
  ];
  if (result.actor) head.push(`  actor: ${result.actor.note}`);
  for (const software of result.software) head.push(`  software: ${software.note}`);
  const written = result.references.filter((r) => r.status !== 'inferred');
  const inferred = result.references.length - written.length;
  const table = formatTable(
    ['line', 'reference', 'status', 'technique', 'note'],
    written.map((r) => [r.line ?? '', r.raw, r.status, r.ids.join(', ') || '-', r.note]),
    style,
    { flexible: [1, 4], colorOf: (text, column) => (column === 2 ? statusColor(text) : undefined) },
  );
  // A skeleton `extract` wrote from a report that cites no ID has `techniques: []`: a table of headings alone says less.
  const lines = [...head, '', written.length ? table.trimEnd() : 'no technique reference is written in the file (techniques: [])'];
  if (inferred) lines.push(`(+ ${inferred} technique reference${inferred === 1 ? '' : 's'} inferred from software; --json lists them)`);
  // One list in the order of the file (the reader's repairs, report: values, the actor, software and references), a
  // warning of the whole file (the release) first; those of one line as they came.
  const warnings = [...result.warnings, ...written.flatMap((r) => r.warnings.map((w) => `${r.line ? `line ${r.line}: ` : ''}${w}`))].sort(
    (a, b) => warningLine(a) - warningLine(b),
  );
  if (warnings.length) lines.push('', 'warnings:', ...warnings.map((w) => `  - ${w}`));
  lines.push(...suggestedText(result, suggested));
  lines.push('', `${plural(result.techniques.length, 'technique')}${result.techniques.length ? `: ${result.techniques.map((t) => t.id).join(', ')}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The line a warning is at (`line 12: …`), 0 for one of the whole file. */
const warningLine = (warning: string): number => Number(/^line (\d+): /.exec(warning)?.[1] ?? 0);

export function handler(context: CliContext) {
  return async (args: Args): Promise<void> => {
    const { campaigns, leftOut } = readCampaignsLeavingOut(args.campaigns, { stdin: await readStdin(context, args.campaigns), domain: args.domain });
    noteLeftOutFiles(context, args, leftOut);
    const library = attackLibrary(context, args);
    const normalized = campaigns.map((campaign) => {
      const releases = campaignReleases(campaign, library, args['attack-release'], { givenAs: FLAG_WORDS });
      const result = normalizeCampaign(campaign, releases);
      return { result, suggested: args.suggest ? unknownSuggestions(context, args, result, releases.target) : new Map<number, PassageSuggestions>() };
    });
    const results = normalized.map(({ result }) => result);
    if (args.json) printJson(context, normalized.map(({ result, suggested }) => normalizedJson(result, suggested)));
    else context.stdout.write(normalized.map(({ result, suggested }) => formatText(result, tableStyle(context), suggested)).join('\n'));
    for (const result of results) for (const text of result.notes ?? []) note(context, args, `${result.file}: ${text}`);
    reportUnplaced(context, args, results, 'left unresolved', 'the normalized campaigns were printed above, and the run fails (--strict)');
    const unknown = args.suggest ? 0 : results.reduce((sum, result) => sum + unknownNames(result).length, 0);
    if (unknown) note(context, args, `note: ${plural(unknown, 'reference')} left unknown: --suggest ranks techniques for ${unknown === 1 ? 'its' : 'their'} words, as \`attack-layers suggest\` does for a report`);
    failOnLeftOut(results, 'the rest was normalized');
    failOnLeftOutFiles(leftOut, 'the rest was normalized');
  };
}
