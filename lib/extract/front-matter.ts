import type { ExtractedReference } from './extract-references.js';
import { ttpListReport } from './ttp-list-references.js';
import { ID_FIELDS, isTechniqueId } from './ttp-list-shape.js';
import { readPlacedYaml } from './yaml-places.js';

// The YAML front matter a Markdown file opens with, as Jekyll and Hugo read it: `---` on the first line (after a byte
// order mark), its fields, then `---` (or YAML's `...`) on a line of its own.
const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/m;

/**
 * The front matter of a Markdown text as a YAML text of its own, its lines where they stand in the file (the opening
 * `---` a blank line), so that a line its reader names is the file's; undefined for a text that opens with none.
 */
export function frontMatterYaml(text: string): string | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  return closing ? `\n${rest.slice(0, closing.index)}` : undefined;
}

/** What a Markdown report's front matter says: its title, and its list of techniques' names and evidence. */
export interface FrontMatterReading {
  /** The references, each with the name and the evidence its front matter's entry writes of its technique. */
  references: ExtractedReference[];
  /** The report's title: the front matter's `title:`, else its `name:`; undefined where it writes neither. */
  title?: string;
}

/** The name an entry of a front matter's list writes beside its technique's ID (`technique_name:`), and where. */
interface EntryName {
  id: string;
  /** The line of the entry's ID. */
  line: number;
  name: string;
  nameLine: number;
  nameCol: number;
}

/**
 * The title and the entries' names a front matter's YAML writes: every mapping holding a technique's ID (`technique_id`,
 * … as a TTP list's entry) and a `technique_name` beside it, wherever it stands.
 */
function readFrontMatterYaml(yaml: string): { title?: string; names: EntryName[] } {
  let placed;
  try {
    placed = readPlacedYaml(yaml, 'the front matter', 'front matter');
  } catch {
    // Front matter that is no YAML says nothing: the text's reader reads its lines as any.
    return { names: [] };
  }
  const { Y, doc, at, text } = placed;
  const root = doc.contents;
  if (!Y.isMap(root)) return { names: [] };
  const title = text(root.get('title', true)) ?? text(root.get('name', true));
  const names: EntryName[] = [];
  Y.visit(doc, {
    Map(_, map) {
      const idNode = ID_FIELDS.map((field) => map.get(field, true)).find((node) => isTechniqueId(text(node)));
      const nameNode = map.get('technique_name', true);
      const name = text(nameNode)?.replace(/\s+/g, ' ');
      if (!idNode || !name || isTechniqueId(name)) return;
      const named = at(nameNode);
      // A quoted name (`technique_name: "Web Service"`) starts after its quote.
      const quoted = Y.isScalar(nameNode) && (nameNode.type === 'QUOTE_DOUBLE' || nameNode.type === 'QUOTE_SINGLE') ? 1 : 0;
      names.push({ id: text(idNode)!.toUpperCase(), line: at(idNode).line, name, nameLine: named.line, nameCol: named.col + quoted });
    },
  });
  return { ...(title ? { title: title.replace(/\s+/g, ' ') } : {}), names };
}

/**
 * The references of a Markdown report's text with what its front matter says of each (threat-intel sites' briefs:
 * `title:`, and `mitre_ttps:` of `technique_id`, `technique_name`, `evidence`), and the report's title it gives. Its list
 * of techniques is read as a TTP list is (`ttpListReport`: `procedure`, `description`, `evidence`, …): each entry's
 * evidence goes to the reference read from its technique's line, which the text's reader finds with its tactic but
 * without it; its `technique_name` is that reference's name, written after its ID (`T1071 | Application Layer
 * Protocol`) and checked against it as any name beside an ID is. References of a text with no such front matter come
 * back as they are. Pure.
 */
export function readFrontMatter(references: ExtractedReference[], text: string): FrontMatterReading {
  const yaml = frontMatterYaml(text);
  if (yaml === undefined) return { references };
  const { title, names } = readFrontMatterYaml(yaml);
  const listed = ttpListReport(yaml, { file: 'the front matter' });
  const said = (listed?.references ?? []).filter((entry) => entry.evidence?.length);
  const read = references.map((ref) => {
    const lines = ref.lines ?? [ref.line];
    const evidence = said
      .filter((entry) => entry.ids.length && entry.ids.every((id) => ref.ids.includes(id)) && (entry.lines ?? [entry.line]).some((line) => lines.includes(line)))
      .flatMap((entry) => entry.evidence ?? [])
      .filter((one) => !ref.evidence?.some((had) => had.line === one.line && had.text === one.text));
    const entry = ref.name === undefined && ref.ids.length === 1 ? names.find((one) => one.id === ref.ids[0] && lines.includes(one.line)) : undefined;
    const named = entry
      ? { raw: `${ref.raw} | ${entry.name}`, name: entry.name, nameSpan: { line: entry.nameLine, start: entry.nameCol - 1, end: entry.nameCol - 1 + entry.name.length } }
      : {};
    return evidence.length || entry ? { ...ref, ...named, ...(evidence.length ? { evidence: [...(ref.evidence ?? []), ...evidence] } : {}) } : ref;
  });
  return { references: read, ...(title ? { title } : {}) };
}
