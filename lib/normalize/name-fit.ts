/** The trail's line for a name beside an ID that names no technique (the writer's own words): the ID decided alone. */
export const notATechniqueName = (name: string): string => `name check: "${name}" is not an ATT&CK technique name; resolved by the ID`;

/** What reading a name beside an ID gave, as much of it as says whether the name fits the ID. */
export interface NameReading {
  readonly status: string;
  readonly ids: readonly string[];
  readonly warnings: readonly unknown[];
  readonly trail: readonly string[];
}

/**
 * Whether `name`, read beside `id`, is that ID's technique's own (its name, an alias, an abbreviation): read as the ID
 * alone, with no warning, and not as the writer's own words. Normalize reads the pair through its resolver, extract
 * through its memo of whole references; both judge what they read here.
 */
export function nameFitsId(name: string, id: string, reading: NameReading): boolean {
  return reading.status !== 'ambiguous' && reading.status !== 'unknown' && !reading.warnings.length && reading.ids.join(' ') === id && !reading.trail.includes(notATechniqueName(name));
}
