import { firstFew } from '../index.js';
import type { CliContext } from './context.js';

/** How many names a one-line message shows before it counts the rest. */
const NAMES_SHOWN = 3;

/**
 * Names for a one-line message (an error's last line), so that it needs no cut however many there are: all when they
 * are few; else each written first on a line of its own on stderr, and in the message the first few and how many more
 * (`out/a.layer.json, out/b.layer.json, out/c.layer.json and 27 more, each listed above`).
 */
export function namesInLine(context: CliContext, names: readonly string[]): string {
  if (names.length <= NAMES_SHOWN) return firstFew(names, NAMES_SHOWN);
  for (const name of names) context.stderr.write(`  ${name}\n`);
  return `${firstFew(names, NAMES_SHOWN)}, each listed above`;
}
