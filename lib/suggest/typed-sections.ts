/**
 * A small binary container: a JSON header and named typed arrays, each aligned to 8 bytes so that reading the file
 * gives views over its bytes, not copies. Layout: `ALTS`, a byte-order mark (uint32 0x01020304), the header's byte
 * length (uint32), the header (UTF-8 JSON with the section table), then the sections. Pure.
 */
export type Section = Int32Array | Uint16Array | Uint8Array | Float32Array;

const KINDS = { Int32Array, Uint16Array, Uint8Array, Float32Array } as const;
type KindName = keyof typeof KINDS;
const MAGIC = [0x41, 0x4c, 0x54, 0x53]; // "ALTS"

interface SectionEntry {
  name: string;
  kind: KindName;
  offset: number;
  length: number;
}

const align = (n: number): number => (n + 7) & ~7;

/** The bytes of a header and its sections. */
export function encodeSections(header: object, sections: Readonly<Record<string, Section>>): Uint8Array {
  const entries: SectionEntry[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(sections)) {
    entries.push({ name, kind: array.constructor.name as KindName, offset, length: array.length });
    offset = align(offset + array.byteLength);
  }
  const json = new TextEncoder().encode(JSON.stringify({ ...header, sections: entries }));
  const start = align(12 + json.length);
  const bytes = new Uint8Array(start + offset);
  bytes.set(MAGIC, 0);
  bytes.set(new Uint8Array(new Uint32Array([0x01020304]).buffer), 4); // in this machine's byte order
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  entries.forEach((entry, i) => {
    const array = Object.values(sections)[i]!;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), start + entry.offset);
  });
  return bytes;
}

/** The header and sections of bytes written by `encodeSections` on a machine of the same byte order; else undefined. */
export function decodeSections(bytes: Uint8Array): { header: Record<string, unknown>; sections: Map<string, Section> } | undefined {
  if (bytes.length < 12 || MAGIC.some((byte, i) => bytes[i] !== byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (new Uint32Array(Uint8Array.from(bytes.subarray(4, 8)).buffer)[0] !== 0x01020304) return undefined;
  const length = view.getUint32(8, true);
  if (12 + length > bytes.length) return undefined;
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + length))) as Record<string, unknown>;
  const start = align(12 + length);
  const sections = new Map<string, Section>();
  for (const entry of (header['sections'] ?? []) as SectionEntry[]) {
    const Kind = KINDS[entry.kind];
    if (!Kind) return undefined;
    const at = bytes.byteOffset + start + entry.offset;
    const byteLength = entry.length * Kind.BYTES_PER_ELEMENT;
    if (start + entry.offset + byteLength > bytes.length) return undefined;
    // A view when the bytes are aligned for the element size (they are, in a buffer of their own); else a copy.
    // (A Node Buffer's `slice` is a view, hence `Uint8Array.from` for copies.)
    sections.set(
      entry.name,
      at % Kind.BYTES_PER_ELEMENT === 0
        ? new Kind(bytes.buffer as ArrayBuffer, at, entry.length)
        : new Kind(Uint8Array.from(bytes.subarray(start + entry.offset, start + entry.offset + byteLength)).buffer),
    );
  }
  return { header, sections };
}
