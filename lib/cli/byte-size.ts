/**
 * A size as a progress line says it, in the unit that shows it: `115 bytes`, `4.2 KB`, `87 KB`, `20.1 MB` (decimal
 * units, as the download's). A report of a few KB was said `(0.0 MB)`, which says nothing.
 */
export function byteSize(bytes: number): string {
  if (bytes < 1e3) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1e6) return `${(bytes / 1e3).toFixed(bytes < 1e4 ? 1 : 0)} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
