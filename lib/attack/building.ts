/**
 * A record as it is built, field by field, and its lists as they are filled: what an index hands out is read-only
 * (types.ts), as it may be shared by every caller of the process (loaded-releases.ts).
 */
export type Building<T> = { -readonly [K in keyof T]: Filling<T[K]> };

type Filling<V> = V extends readonly (infer E)[] ? E[] : V;

/** A record just made and not yet handed out, whose fields may still be set (its lists stay read-only). */
export type Fresh<T> = { -readonly [K in keyof T]: T[K] };
