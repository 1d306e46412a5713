/**
 * Order two strings by UTF-16 code units: the same on every machine, unlike `localeCompare`, whose order follows the
 * process's locale and ICU data. Every sort whose result reaches output uses it, so that output is byte-identical.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
