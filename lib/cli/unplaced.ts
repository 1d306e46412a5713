import { InputError, UNRESOLVED_STATUSES, UNRESOLVED_STATUS_TEXT, plural, type NormalizedCampaign } from '../index.js';
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
 * domain, ambiguous, deprecated), each listed on stderr; under `--strict`, exit 1 when there are any.
 * @throws InputError under --strict when a reference was not placed.
 */
export function reportUnplaced(context: CliContext, args: GlobalArgs & { strict?: boolean }, results: readonly NormalizedCampaign[], leftOut: string): void {
  const unplaced = unplacedReferences(results);
  if (!unplaced.length) return;
  note(context, args, `${plural(unplaced.length, 'reference')} ${leftOut} (${UNRESOLVED_STATUS_TEXT}):\n${unplaced.map((line) => `  ${line}`).join('\n')}`);
  if (!args.strict) return;
  const shown = unplaced.slice(0, 3).join('; ') + (unplaced.length > 3 ? `; and ${unplaced.length - 3} more` : '');
  throw new InputError(`--strict: ${plural(unplaced.length, 'reference')} could not be placed on a technique: ${shown}`);
}
