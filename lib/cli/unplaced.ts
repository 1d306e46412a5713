import { InputError, UNRESOLVED_STATUSES, UNRESOLVED_STATUS_TEXT, leftOutEntryPointer, plural, type NormalizedCampaign } from '../index.js';
import { note, type CliContext, type GlobalArgs } from './context.js';

/** One reference a command could not place on a technique, where it is written and why. */
export function unplacedReferences(results: readonly NormalizedCampaign[]): string[] {
  return results.flatMap((result) =>
    result.references
      .filter((ref) => UNRESOLVED_STATUSES.includes(ref.status))
      .map((ref) => `${result.file}${ref.line ? `:${ref.line}` : ''}: ${ref.status}: ${ref.raw.replace(/\s+/g, ' ').trim()}`),
  );
}

/**
 * The summary every command that reads campaigns ends with: the references it could not place (unknown, other
 * domain, ambiguous, deprecated), each listed on stderr; under `--strict`, exit 1 when there are any. `strictDone`
 * says what became of the command's output when `--strict` stops it: render stops before writing, normalize and
 * compare after printing.
 * @throws InputError under --strict when a reference was not placed.
 */
export function reportUnplaced(
  context: CliContext,
  args: GlobalArgs & { strict?: boolean },
  results: readonly NormalizedCampaign[],
  leftOut: string,
  strictDone = 'nothing was written (--strict)',
): void {
  // Under --strict an entry the reader left out fails the command as an unplaced reference does.
  if (args.strict) failOnLeftOut(results, strictDone);
  if (args.strict) failOnUnknownReports(results, strictDone);
  const unplaced = unplacedReferences(results);
  if (!unplaced.length) return;
  note(context, args, `${plural(unplaced.length, 'reference')} ${leftOut} (${UNRESOLVED_STATUS_TEXT}):\n${unplaced.map((line) => `  ${line}`).join('\n')}`);
  if (!args.strict) return;
  const shown = unplaced.slice(0, 3).join('; ') + (unplaced.length > 3 ? `; and ${unplaced.length - 3} more` : '');
  throw new InputError(`--strict: ${plural(unplaced.length, 'reference')} could not be placed on a technique: ${shown}`);
}

/** A finding of the campaign reader at its place, one line: `file:line: /pointer: what to do`. */
function placedLine(file: string, finding: { line?: number; path: string; message: string }): string {
  return `${file}${finding.line !== undefined ? `:${finding.line}` : ''}: ${finding.path}: ${finding.message}`;
}

/** The campaign entries the reader could not read and left out, one line each: `file:line: /pointer: what to do`. */
export function leftOutEntries(results: readonly NormalizedCampaign[]): string[] {
  return results.flatMap((result) => (result.campaign.leftOut ?? []).map((entry) => placedLine(result.file, entry)));
}

/**
 * The end of every command that reads campaigns: exit 1 when the reader left entries (or fields) out, each listed, and `done`
 * saying what was made of the rest (`the layers of the rest were written`), so that scripts notice.
 * @throws InputError when an entry was left out.
 */
export function failOnLeftOut(results: readonly NormalizedCampaign[], done: string): void {
  const lines = leftOutEntries(results);
  if (!lines.length) return;
  const { counted, total } = leftOutCount(results);
  throw new InputError(`${counted} could not be read and ${total === 1 ? 'was' : 'were'} left out; ${done}:\n` + lines.map((line) => `  ${line}`).join('\n'));
}

/**
 * What the reader left out, counted: entries of a list (`1 campaign entry`) and top-level fields whose value could not
 * be read (`published: July 2018`: `1 campaign field`), each counted once however many of its problems are listed.
 */
function leftOutCount(results: readonly NormalizedCampaign[]): { counted: string; total: number } {
  const places = new Set(results.flatMap((result, index) => (result.campaign.leftOut ?? []).map((entry) => `${index}\n${leftOutEntryPointer(entry.path)}`)));
  // An entry's pointer is its list and index (`/techniques/4`); a field's, its name alone (`/published`).
  const entries = [...places].filter((place) => /\/\d+$/.test(place)).length;
  const fields = places.size - entries;
  const counted = [
    ...(entries ? [`${entries} campaign ${entries === 1 ? 'entry' : 'entries'}`] : []),
    ...(fields ? [`${fields} ${entries ? '' : 'campaign '}${fields === 1 ? 'field' : 'fields'}`] : []),
  ];
  return { counted: counted.join(' and '), total: places.size };
}

/** The `report:` values that name none of their campaign's sources, one line each: `file:line: /pointer: what to do`. */
export function unknownReportLines(results: readonly NormalizedCampaign[]): string[] {
  return results.flatMap((result) => (result.campaign.unknownReports ?? []).map((report) => placedLine(result.file, report)));
}

/**
 * Under `--strict`, a `report:` that names none of the campaign's sources fails the command as an unplaced reference
 * does: the reference could not be placed on a report. `done` says what became of the output.
 * @throws InputError when there is one.
 */
export function failOnUnknownReports(results: readonly NormalizedCampaign[], done: string): void {
  const lines = unknownReportLines(results);
  if (!lines.length) return;
  throw new InputError(
    `--strict: ${lines.length === 1 ? 'a report: names' : `${lines.length} report: values name`} none of the campaign's sources; ${done}:\n` +
      lines.map((line) => `  ${line}`).join('\n'),
  );
}

/** Each file found in a folder given and left out (FolderFiles), on stderr with why: `left out: x.json: invalid JSON …`. */
export function noteLeftOutFiles(context: CliContext, args: GlobalArgs, leftOut: readonly string[], prefix = 'left out'): void {
  for (const line of leftOut) note(context, args, `${prefix}: ${line}`);
}

/**
 * The end of a run that left out files found in a folder given (FolderFiles): exit 1, as for a campaign entry left
 * out, `done` saying what became of the rest.
 * @throws InputError when a file was left out.
 */
export function failOnLeftOutFiles(leftOut: readonly string[], done: string): void {
  if (!leftOut.length) return;
  throw new InputError(`${plural(leftOut.length, 'file')} found in the folders given ${leftOut.length === 1 ? 'was' : 'were'} left out (why, above); ${done}`);
}
