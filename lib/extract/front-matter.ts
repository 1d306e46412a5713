import type { ExtractedReference } from './extract-references.js';
import { ttpListReport } from './ttp-list-references.js';

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

/**
 * The references of a Markdown report's text with what its front matter's list of techniques says of each one's use
 * (threat-intel sites' briefs: `mitre_ttps:` of `technique_id`, `technique_name`, `evidence`), read as a TTP list is
 * (`ttpListReport`: `procedure`, `description`, `evidence`, …): each entry's evidence goes to the reference read from
 * its technique's line, which the text's reader finds with its tactic but without it. References of a text with no
 * such front matter come back as they are. Pure.
 */
export function withFrontMatterEvidence(references: ExtractedReference[], text: string): ExtractedReference[] {
  const yaml = frontMatterYaml(text);
  const listed = yaml === undefined ? undefined : ttpListReport(yaml, { file: 'the front matter' });
  const said = (listed?.references ?? []).filter((entry) => entry.evidence?.length);
  if (!said.length) return references;
  return references.map((ref) => {
    const lines = ref.lines ?? [ref.line];
    const evidence = said
      .filter((entry) => entry.ids.length && entry.ids.every((id) => ref.ids.includes(id)) && (entry.lines ?? [entry.line]).some((line) => lines.includes(line)))
      .flatMap((entry) => entry.evidence ?? [])
      .filter((one) => !ref.evidence?.some((had) => had.line === one.line && had.text === one.text));
    return evidence.length ? { ...ref, evidence: [...(ref.evidence ?? []), ...evidence] } : ref;
  });
}
