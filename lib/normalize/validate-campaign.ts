import type { Domain } from '../attack/types.js';
import type { Campaign } from '../campaign/campaign-types.js';
import { parseCampaign } from '../campaign/read-campaign.js';
import { AttackDataError, InputError, SchemaValidationError } from '../errors.js';
import { normalizeCampaign, referenceWarnings, type CampaignReleases } from './normalize-campaign.js';
import type { ReferenceResult, ReferenceStatus } from './normalize-types.js';

/** Every kind of finding `validateCampaign` reports; the code is stable, the message is for people. */
export const CAMPAIGN_FINDING_CODES = [
  'schema',
  'repaired',
  'unknown-technique',
  'other-domain-technique',
  'ambiguous-reference',
  'deprecated-technique',
  'revoked-technique',
  'fuzzy-name',
  'tactic-mismatch',
  'reference-read',
  'unknown-report',
  'attack-version-unavailable',
  'attack-object',
] as const;
export type CampaignFindingCode = (typeof CAMPAIGN_FINDING_CODES)[number];

/** One problem in a campaign file: what normalize and render could not read, or read only with a repair. */
export interface CampaignFinding {
  severity: 'error' | 'warning';
  code: CampaignFindingCode;
  /** JSON path inside the campaign (`/techniques/3`); `/` for the file as a whole. */
  path: string;
  /** 1-based line and column in the file, when known. */
  line?: number;
  column?: number;
  /** One line: `file:line:column: /path: what is wrong and what to do`. */
  message: string;
}

/** Options of `validateCampaign`. */
export interface ValidateCampaignOptions {
  /** The releases to read the campaign with (`campaignReleases` with the library and `--attack-release`). */
  releasesFor: (campaign: Campaign) => CampaignReleases;
  /** The domain of a campaign that names none. */
  domain?: Domain;
  /** The text's value as JSON, when the caller parsed it already. */
  json?: { value: unknown };
}

/**
 * The findings for references, by status: what render leaves out of the layer is an error (as `--strict` refuses it),
 * what it reads with a repair said (a revoked ID followed to its replacement, a misspelt name) a warning.
 */
const STATUS_FINDINGS: Partial<Record<ReferenceStatus, readonly [CampaignFinding['severity'], CampaignFindingCode]>> = {
  unknown: ['error', 'unknown-technique'],
  'other domain': ['error', 'other-domain-technique'],
  ambiguous: ['error', 'ambiguous-reference'],
  deprecated: ['error', 'deprecated-technique'],
  revoked: ['warning', 'revoked-technique'],
  fuzzy: ['warning', 'fuzzy-name'],
};

/** What errors of each kind mean for the layers rendered from a campaign, in the order a summary says them. */
const ERROR_CONSEQUENCES: ReadonlyArray<readonly [kinds: readonly CampaignFindingCode[], consequence: string]> = [
  [['unknown-technique', 'other-domain-technique', 'ambiguous-reference', 'deprecated-technique'], 'render leaves those references out of the layer'],
  [['schema'], 'normalize and render cannot read the campaign file, or the entries named, as written'],
  [['unknown-report'], 'render links those techniques to every source of the campaign'],
];

/** What the error findings of campaign files mean, each said once, and that `--strict` refuses them: the end of a summary line. */
export function campaignErrorConsequences(findings: readonly CampaignFinding[]): string {
  const kinds = new Set(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.code));
  const said = ERROR_CONSEQUENCES.filter(([codes]) => codes.some((code) => kinds.has(code))).map(([, consequence]) => consequence);
  return `${said.length ? `${said.join('; ')}; ` : ''}normalize --strict and render --strict refuse the campaign`;
}

/** `file:12:5`, `file:12` or `file`: where a finding is, as compilers and CI annotations write it. */
function placeText(file: string, line: number | undefined, column: number | undefined): string {
  return `${file}${line !== undefined ? `:${line}${column !== undefined ? `:${column}` : ''}` : ''}`;
}

function finding(
  file: string,
  severity: CampaignFinding['severity'],
  code: CampaignFindingCode,
  path: string,
  text: string,
  line?: number,
  column?: number,
): CampaignFinding {
  return {
    severity,
    code,
    path,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    message: `${placeText(file, line, column)}: ${path}: ${text}`,
  };
}

/** The findings of a campaign file the reader refused: each schema problem, or the syntax error, at its line and column. */
function refusedFindings(error: InputError, file: string): CampaignFinding[] {
  if (error instanceof SchemaValidationError) {
    return error.issues.map((issue) => finding(file, 'error', 'schema', issue.path || '/', issue.message, issue.line, issue.column));
  }
  // The reader's message names the file and the place (`x.yaml: line 3, column 7: invalid YAML: …`): said once, in front.
  const text = error.message.startsWith(`${file}: `) ? error.message.slice(file.length + 2).replace(/^line \d+(?:, column \d+)?: /, '') : error.message;
  return [finding(file, 'error', 'schema', '/', text, error.line, error.line === undefined ? undefined : error.column)];
}

/** A line the reader wrote as `line 12: …` (its repairs): the line, and the text after it. */
function atLine(text: string): { line?: number; text: string } {
  const match = /^line (\d+): /.exec(text);
  return match ? { line: Number(match[1]), text: text.slice(match[0].length) } : { text };
}

/** The findings of one reference: its status, then its warnings (on its tactics, or on how it was read). */
function referenceFindings(file: string, reference: ReferenceResult): CampaignFinding[] {
  const found: CampaignFinding[] = [];
  const written = JSON.stringify(reference.raw.replace(/\s+/g, ' ').trim());
  const byStatus = STATUS_FINDINGS[reference.status];
  if (byStatus) found.push(finding(file, byStatus[0], byStatus[1], reference.path, `${written}: ${reference.note}`, reference.line));
  for (const warning of referenceWarnings(reference)) {
    // An ambiguity's own warning is its note, said above already.
    if (byStatus && reference.note.includes(warning.message)) continue;
    const code = warning.kind === 'tactic' ? 'tactic-mismatch' : 'reference-read';
    found.push(finding(file, 'warning', code, reference.path, `${written}: ${warning.message}`, reference.line));
  }
  return found;
}

/**
 * Check a campaign file as `normalize` and `render` read it (one reader, `parseCampaign`, and one resolution,
 * `normalizeCampaign`): every syntax or schema problem at its line and column, every entry left out, every repair,
 * and every reference that does not resolve cleanly, with a code. Errors are what `--strict` refuses (a reference
 * render leaves out, an entry or file it cannot read, a `report:` naming no source); warnings what it reads with a
 * repair it says (a revoked ID followed, a tactic the technique no longer has, a misspelt name).
 * @throws AttackDataError when the release asked for is not available (no fault of the file).
 */
export function validateCampaign(text: string, file: string, options: ValidateCampaignOptions): CampaignFinding[] {
  let campaign: Campaign;
  try {
    campaign = parseCampaign(text, file, options.domain ? { domain: options.domain } : {}, options.json);
  } catch (error) {
    if (!(error instanceof InputError) || error instanceof AttackDataError) throw error;
    return refusedFindings(error, file);
  }
  const releases = options.releasesFor(campaign);
  const result = normalizeCampaign(campaign, releases);
  const found: CampaignFinding[] = [
    ...(campaign.leftOut ?? []).map((entry) => finding(file, 'error', 'schema', entry.path, entry.message, entry.line, entry.column)),
    ...(campaign.repairs ?? []).map((repair) => {
      const { line, text: said } = atLine(repair);
      // A repair names its own pointer (`/techniques/2/score: "3" read as 3`) or none (a name read whole).
      const pointer = /^(\/\S*): /.exec(said);
      return finding(file, 'warning', 'repaired', pointer ? pointer[1]! : '/', pointer ? said.slice(pointer[0].length) : said, line);
    }),
    ...(campaign.unknownReports ?? []).map((report) => finding(file, 'error', 'unknown-report', report.path, report.message, report.line)),
    ...releases.warnings.map((warning) => finding(file, 'warning', 'attack-version-unavailable', '/attack_version', warning)),
    ...[...(result.actor ? [result.actor] : []), ...result.software].flatMap((object) =>
      object.warnings.map((warning) => {
        const said = warning.startsWith(`${object.path}: `) ? warning.slice(object.path.length + 2) : warning;
        return finding(file, 'warning', 'attack-object', object.path, said, object.line);
      }),
    ),
    ...result.references.flatMap((reference) => referenceFindings(file, reference)),
  ];
  // In the order of the file (stable: a line's findings keep the order above); the file as a whole first.
  return found.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => (a.line ?? 0) - (b.line ?? 0) || i - j).map(([f]) => f);
}
