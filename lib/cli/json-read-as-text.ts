import { inputName, jsonSyntaxPlace, kindOfDocument, noKindKeysText } from '../index.js';
import { note, warn, type CliContext, type GlobalArgs } from './context.js';

/**
 * Warn of a `.json` file read as a report's text (extract, suggest), where its user meant a STIX bundle, a MISP event,
 * an Attack Flow or a layer: one that is no JSON (cut short, a trailing comma), at its fault, or valid JSON of no kind
 * the tool reads (`{"a": 1}`, a list of strings, a Sigma rule exported as JSON). Its IDs and technique names are still
 * found in it (a MISP event cut short keeps its galaxies' `T1566.001`), where the run would otherwise say only how few
 * it found. A file of a kind is read as that kind, or refused, before this (readReportText). `command` is the one reading
 * it, whom the warning names: the kinds are not the same for each (suggest refuses a MISP event, extract reads it).
 */
export function warnJsonReadAsText(context: CliContext, args: GlobalArgs, command: 'extract' | 'suggest', file: string, text: string): void {
  if (!/\.json$/i.test(file)) return;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const { line, column, reason } = jsonSyntaxPlace(text);
    warn(
      context,
      args,
      `${inputName(file)}: line ${line}, column ${column}: invalid JSON: ${reason}; read as a report's text, not as a STIX bundle, MISP event, Attack Flow or layer (if it is one, fix its JSON or get the whole file again)`,
    );
    return;
  }
  if (kindOfDocument(text)) return;
  // Its keys, where they tell it (a CSV's rows as records, a TheHive case), as every other command names them.
  const keys = noKindKeysText(value);
  warn(context, args, `${inputName(file)}: valid JSON of no kind ${command} reads (${keys ? `${keys}; ` : ''}not a STIX bundle, MISP event, Attack Flow or Navigator layer); read as a report's text`);
}
