/**
 * Strings stored as one UTF-8 block and the offsets where each begins, so that a cached model is read as a few
 * typed arrays instead of parsing and allocating a hundred thousand strings. A string is decoded only when asked for.
 */
export class StringTable {
  readonly bytes: Uint8Array;
  /** `offsets[i]` is where string i begins in `bytes`; `offsets[size]` is the end. */
  readonly offsets: Int32Array;

  /** The same bytes as a Buffer, whose native UTF-8 decoding is several times faster than TextDecoder's for short strings. */
  private readonly buffer: Buffer;

  constructor(bytes: Uint8Array, offsets: Int32Array) {
    this.bytes = bytes;
    this.offsets = offsets;
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  static from(strings: readonly string[]): StringTable {
    const encoder = new TextEncoder();
    const parts = strings.map((text) => encoder.encode(text));
    const offsets = new Int32Array(parts.length + 1);
    parts.forEach((part, i) => (offsets[i + 1] = offsets[i]! + part.length));
    const bytes = new Uint8Array(offsets[parts.length]!);
    parts.forEach((part, i) => bytes.set(part, offsets[i]!));
    return new StringTable(bytes, offsets);
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    return this.buffer.toString('utf8', this.offsets[i]!, this.offsets[i + 1]!);
  }
}

const encoder = new TextEncoder();

/** FNV-1a over bytes: the same hash when the table is built and when it is searched. */
function hashBytes(bytes: Uint8Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

/**
 * A vocabulary: a string table and an open-addressing hash table over it (`slots[h]` is a string's number + 1, 0 for
 * none), so that a word is found in constant time without building a Map when the model is loaded.
 */
export class Vocabulary {
  readonly strings: StringTable;
  readonly slots: Int32Array;
  private scratch = new Uint8Array(256);

  constructor(strings: StringTable, slots: Int32Array) {
    this.strings = strings;
    this.slots = slots;
  }

  /** The vocabulary of distinct strings, numbered in the order given. */
  static from(strings: readonly string[]): Vocabulary {
    const table = StringTable.from(strings);
    let capacity = 16;
    while (capacity < strings.length * 2) capacity *= 2;
    const slots = new Int32Array(capacity);
    const { bytes, offsets } = table;
    for (let i = 0; i < table.size; i++) {
      const start = offsets[i]!;
      let slot = hashBytes(bytes.subarray(start, offsets[i + 1]!), offsets[i + 1]! - start) & (capacity - 1);
      while (slots[slot] !== 0) slot = (slot + 1) & (capacity - 1);
      slots[slot] = i + 1;
    }
    return new Vocabulary(table, slots);
  }

  get size(): number {
    return this.strings.size;
  }

  /** The number of a string, or -1 when it is not in the vocabulary. */
  lookup(text: string): number {
    // An ASCII string (nearly every word) is its own UTF-8: hashed and compared by its character codes, not encoded first.
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) return this.lookupEncoded(text);
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    const mask = this.slots.length - 1;
    const { bytes, offsets } = this.strings;
    for (let slot = (hash >>> 0) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const start = offsets[entry - 1]!;
      if (offsets[entry]! - start !== text.length) continue;
      let same = true;
      for (let i = 0; i < text.length && same; i++) same = bytes[start + i] === text.charCodeAt(i);
      if (same) return entry - 1;
    }
  }

  /** `lookup` of a string with characters beyond ASCII, by its UTF-8 bytes. */
  private lookupEncoded(text: string): number {
    if (this.scratch.length < text.length * 3) this.scratch = new Uint8Array(text.length * 3);
    const length = encoder.encodeInto(text, this.scratch).written;
    const mask = this.slots.length - 1;
    const { bytes, offsets } = this.strings;
    for (let slot = hashBytes(this.scratch, length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      const start = offsets[entry - 1]!;
      if (offsets[entry]! - start !== length) continue;
      let same = true;
      for (let i = 0; i < length && same; i++) same = bytes[start + i] === this.scratch[i];
      if (same) return entry - 1;
    }
  }
}
