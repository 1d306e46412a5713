/**
 * Layers by name, each once, in order: `"A", "B" (given twice)` (the same file given twice has one name); `detail`
 * follows each name, given the position in `names` of its first.
 */
export function layerList(names: readonly string[], detail: (at: number) => string = () => ''): string {
  return [...new Set(names)]
    .map((name) => {
      const times = names.filter((other) => other === name).length;
      return `"${name}"${times < 2 ? '' : ` (given ${times === 2 ? 'twice' : `${times} times`})`}${detail(names.indexOf(name))}`;
    })
    .join(', ');
}
