/**
 * A hexadecimal colour as the layer format takes one (schemas/layer-4.5.schema.json, `hexColor`): `#rgb`, `#rgba`,
 * `#rrggbb` or `#rrggbbaa`, any case. Navigator 5.1 takes each (technique-vm.ts: whatever tinycolor2 reads) and paints
 * it as CSS does, the alpha included; every reader of a layer's colours here reads them through this one pattern.
 */
export const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Whether `value` is a colour `HEX_COLOR` takes. */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX_COLOR.test(value);
}

/**
 * The red, green and blue channels (0..255) of a `HEX_COLOR`, its alpha aside: a short form's digits count twice
 * (`#f00a` is `#ff0000aa`), and the alpha is left out as Navigator 5.1 leaves it out of a cell's text colour
 * (tinycolor2's mostReadable) and of its gradient's steps (tinycolor's toHexString).
 */
export function channels(color: string): [number, number, number] {
  const hex = color.slice(1);
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
  return [0, 2, 4].map((at) => parseInt(full.slice(at, at + 2), 16)) as [number, number, number];
}
