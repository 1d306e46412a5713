import { InputError } from './errors.js';
import { kindOfDocument, kindOfJsonText, wrongKindMessage, type InputKind } from './input-kind.js';
import { inputName, readTextFile, STDIN, type InputOptions } from './read-text.js';

// Apart from read-text.ts, which reads any input and so loads with every release read: telling a report from a layer,
// a campaign or a bundle takes input-kind.ts and the readers it uses (~100 KB of code that `technique T1193` never runs).
/**
 * Read a report's text (`readTextFile`), which must hold some: an empty file, or one of spaces, line and page breaks
 * alone (what pdftotext makes of a PDF scanned as images), has no reference or sentence to find, and a run over it
 * would say "0 found" as if the report had none.
 * `reports` names the kinds of document the caller reads as a report all the same (extract reads a STIX bundle of
 * threat intelligence by its objects).
 * @throws UsageError when it cannot be read; InputError when it is not text, holds no text, or is a file of a known kind
 *   that is no report (kindOfDocument: a layer, a campaign, a STIX bundle, a detections file).
 */
export function readReportText(file: string, path: string = file, input: InputOptions = {}, reports: readonly InputKind[] = []): string {
  const text = readTextFile(file, path, input);
  const name = inputName(file);
  if (/\S/u.test(text)) {
    // A layer, a campaign, a STIX bundle or a detections file is no report: its JSON or YAML would be read as prose.
    const kind = kindOfDocument(text) ?? kindOfJsonText(text, name);
    if (kind && !reports.includes(kind)) throw new InputError(wrongKindMessage(name, kind, "a report's text"), { file: name });
    return text;
  }
  const what = !text ? (file === STDIN ? 'standard input is empty' : 'the file is empty') : 'it holds no text, only spaces and line or page breaks';
  throw new InputError(
    `${name}: ${what}; give a report's text (pdftotext report.pdf report.txt makes one from a PDF; a PDF scanned as images needs OCR first)`,
    { file: name },
  );
}
