import { extname } from 'node:path';
import { formatOfFile, UsageError } from '../index.js';

/**
 * Refuse an `--out` named for an export format where a command writes Navigator layers, which are JSON: `combine …
 * --out x.svg` wrote the layer's JSON into x.svg, which no SVG viewer opens, and `upgrade --out x.svg` made a folder
 * of that name. The message gives the name to write and the export that makes the file the name asks for.
 * @throws UsageError naming --out, the command and what to give instead.
 */
export function assertLayerOutName(command: string, out: string | undefined): void {
  const format = out === undefined ? undefined : formatOfFile(out);
  if (out === undefined || !format) return;
  const json = `${out.slice(0, out.length - extname(out).length)}.json`;
  throw new UsageError(
    `--out ${out}: ${command} writes a Navigator layer, which is JSON, not ${format}; give --out ${json}, then \`attack-layers export ${json} --out ${out}\` makes the ${format}`,
  );
}
