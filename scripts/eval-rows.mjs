// The rows of eval/*.jsonl, as scripts/eval-suggest.mjs ranks them: each with its file and line, and a row of a part the
// script builds no model for refused where it is (eval/README.md: whoever adds a part adds its name to the script).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A row of eval/ the evaluation cannot rank; `file` and `line` say where it is. */
export class EvalRowError extends Error {
  constructor(file, line, message) {
    super(`${file}:${line}: ${message}`);
    this.file = file;
    this.line = line;
  }
}

/**
 * Every row of the .jsonl files of `dir`, files in name order, as `{ file, line, ...row }` (`file`: its name in `dir`);
 * errors name the file by its path from the working directory.
 * @throws EvalRowError at the first row that is not JSON or whose `part` is none of `parts`.
 */
export function readEvalRows(dir, parts) {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .flatMap((text, i) => (text.trim() ? [{ file, ...evalRow(relative(process.cwd(), join(dir, file)), i + 1, text, parts) }] : [])),
    );
}

function evalRow(file, line, text, parts) {
  let row;
  try {
    row = JSON.parse(text);
  } catch (error) {
    throw new EvalRowError(file, line, `not JSON (${error.message})`);
  }
  if (!parts.includes(row.part)) {
    throw new EvalRowError(
      file,
      line,
      `${row.part === undefined ? 'no "part"' : `part ${JSON.stringify(row.part)} is unknown`}: the evaluation knows the parts ${parts.join(', ')} (a model for each); ` +
        'add the part to scripts/eval-suggest.mjs with a model to rank it, or give the row one of those parts (eval/README.md)',
    );
  }
  return { line, ...row };
}
