/** An ATT&CK description as plain text, and the sources it cites. */
export interface PlainDescription {
  /** One line: no citation markers, Markdown links reduced to their text, `<code>` written as backticks. */
  text: string;
  /** The `source_name`s of its `(Citation: ...)` markers, in order of first citation, each once. */
  citations: string[];
}

const CITATION = /\(Citation: ?([^)]*)\)/g;

// ATT&CK descriptions are Markdown with a little HTML: links to other ATT&CK pages, `(Citation: name)` markers that
// refer to the object's external_references, and <code> for command lines. Other angle brackets are content
// (`reg query HKCU\Software\<username>\...`), so only <code> tags are touched.
const TEXT_RULES: ReadonlyArray<readonly [label: string, apply: (text: string) => string]> = [
  ['a citation marker is removed (the source becomes a link)', (text) => text.replace(CITATION, '')],
  ['a Markdown link becomes its text', (text) => text.replace(/\[([^\]]+)\]\([^)\s]*\)/g, '$1')],
  ['<code> becomes backticks', (text) => text.replace(/<\/?code>/g, '`')],
  ['whitespace runs become one space', (text) => text.replace(/\s+/g, ' ').trim()],
  ['no space before punctuation left by a removed citation', (text) => text.replace(/ ([.,;:])(?=\s|$)/g, '$1')],
];

/** Turn an ATT&CK description (of a relationship or an object) into one line of plain text and its citations. */
export function plainDescription(description: string): PlainDescription {
  const citations: string[] = [];
  for (const match of description.matchAll(CITATION)) {
    const name = (match[1] ?? '').trim();
    if (name && !citations.includes(name)) citations.push(name);
  }
  return { text: TEXT_RULES.reduce((text, [, apply]) => apply(text), description), citations };
}
