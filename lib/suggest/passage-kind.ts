import { withoutIndicators } from './text-terms.js';

// A cell of a table row, without the marks of a code span around it (Markdown `` `a.dll` ``, AsciiDoc `` `+a.dll+` ``).
const CODE_MARKS = /^[`+]+|[`+]+$/g;
// A file's name alone, no folder (`minibrowser_shell.dll`, `comx3.dll.txt`, `WIN.cfg`): what a sample was called.
const FILE_NAME = /^[\p{L}\p{N}_$~-][\p{L}\p{N}_.$~-]*\.[a-z0-9]{1,5}$/iu;
// An anti-virus detection name: a platform, a slash, a family and its variant (ESET's `Win32/TrojanDropper.Agent.SWR`,
// `Python/Agent.AGT`; Microsoft's `Trojan:Win32/Agent.A!MTB`).
const DETECTION_NAME = /^(?:[a-z][\w-]*:)?[a-z][\w-]*\/[\w-]+(?:[.!][\w-]+)+$/i;

/** Whether a table cell names a sample rather than saying anything: an indicator, a file's name, a detection name. */
function isIdentifierCell(cell: string): boolean {
  const bare = cell.trim().replace(CODE_MARKS, '').trim();
  if (!bare) return false;
  // A code span of one token (`` `EACore.dll` ``, a mutex) is a name too; a path or a registry key (`\`) may say where
  // a sample persists, and is read.
  const coded = /^`[^`]+`$/.test(cell.trim()) && !/[\s\\/]/.test(bare);
  return !withoutIndicators(bare).trim() || FILE_NAME.test(bare) || DETECTION_NAME.test(bare) || coded;
}

/**
 * A table row's text without the cells that name samples (hashes, addresses, file names, detection names), when it
 * has such cells: an ESET IoC table's `` |`625BEF…` |`minibrowser_shell.dll` |Win32/Agent.AFYI |NSPX30 initial dropper. ``
 * is read as `NSPX30 initial dropper.`. Undefined for a row without them, and for text that is no row.
 */
export function indicatorRowText(text: string): string | undefined {
  if (!text.trimStart().startsWith('|')) return undefined;
  const cells = text.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  if (!cells.some(isIdentifierCell)) return undefined;
  return cells
    .filter((cell) => !isIdentifierCell(cell) && /\p{L}/u.test(cell))
    .map((cell) => cell.trim())
    .join(' ');
}
