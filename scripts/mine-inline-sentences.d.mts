/** A unit of a document's text: a paragraph (or line), or the prose cell of a table row led by its `[ID]`. */
export interface Unit {
  text: string;
  cell?: boolean;
}
/** A document's units: prose paragraphs (lines with `lineUnits`) and the prose cells of tables. */
export declare function units(doc: { body: string; lineUnits?: boolean }): Unit[];
/** What --append keeps of the committed file: its lines before the rows of the documents added, as they are. */
export declare function appendBase(
  committed: string,
  sources: readonly string[],
  file?: string,
): { lines: string[]; texts: Set<string> };
/** A unit's text with its footnotes and links taken out and each technique ID made a placeholder `⟦written|linked⟧`. */
export declare function citations(unitText: string): { reports: string[]; text: string };
/** A sentence without its citation placeholders and the brackets or dash that held them. */
export declare function withoutCitations(sentence: string): string;
/** A saved copy as the script reads it: its file name, header addresses and text. */
export interface SavedDocument {
  name: string;
  source: string;
  url?: string;
  also: readonly string[];
  body: string;
  lineUnits?: boolean;
}
/** Throws, naming the copy, when a row of `evalRows` already cites a document's address (`keyOf` compares them). */
export declare function refuseCited(
  docs: readonly SavedDocument[],
  evalRows: readonly { source?: string; reports?: readonly string[] }[],
  keyOf?: (url: string) => string,
): void;
