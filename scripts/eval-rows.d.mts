/** A row of eval/ the evaluation cannot rank; `file` and `line` say where it is. */
export declare class EvalRowError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, message: string);
}
/** A row of eval/*.jsonl with the file (its name in the folder) and line it was read from. */
export type EvalRow = { file: string; line: number; part: string } & Record<string, unknown>;
/** Every row of the .jsonl files of `dir`, files in name order. @throws EvalRowError at a row not JSON or of none of `parts`. */
export declare function readEvalRows(dir: string, parts: readonly string[]): EvalRow[];
