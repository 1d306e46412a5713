/** Each schema, the name of its root type, and the generated file. */
export declare const TARGETS: ReadonlyArray<{ schema: string; root: string; out: string }>;
/** The generated text of every target, by output path. */
export declare function generateTypes(): Promise<Record<string, string>>;
