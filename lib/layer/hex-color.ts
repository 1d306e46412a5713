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
  const full = canonicalColor(color);
  return [1, 3, 5].map((at) => parseInt(full.slice(at, at + 2), 16)) as [number, number, number];
}

/**
 * The one spelling of a `HEX_COLOR` that colours compare by: `#rrggbb` in lower case, then the alpha as `aa` only when
 * it is not opaque, so `#f00`, `#F00`, `#ff0000` and `#ff0000ff` are one colour and `#f008` is `#ff000088`. Navigator
 * 5.1 paints each spelling of one value alike (tinycolor2 reads them all); a layer keeps the spelling it was written in.
 */
export function canonicalColor(color: string): string {
  const hex = color.slice(1).toLowerCase();
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
  return full.length === 8 && full.endsWith('ff') ? `#${full.slice(0, 6)}` : `#${full}`;
}
