import { scanIds } from '../normalize/tokenize-references.js';

// A Markdown link whose text is an ID, in emphasis or not (`[*T1055*](https://attack.mitre.org/…/T1055/004)`), and its
// address.
const ID_LINK = /\[([*_]{0,2})([^[\]\s]{5,14})\1\]\(([^()\s]{1,300})\)/g;

/**
 * What to say of each Markdown link in a piece of text whose text and address name different techniques: ESET's
 * TheWizards table links `[*T1055*]` to `…/techniques/T1055/004`, under the Name `Process Injection` (T1055's) and
 * right above the row of T1055.004. Both are read (the text is what the report shows, the address where it leads; the
 * link alone does not say which the author meant), so the reader is told to keep the one the report means.
 */
export function linkDisagreements(text: string): string[] {
  if (text.length > 4000 || !text.includes('](')) return [];
  const said: string[] = [];
  for (const link of text.matchAll(ID_LINK)) {
    const shown = scanIds(link[2]!).flatMap((token) => token.ids);
    const target = scanIds(link[3]!).flatMap((token) => token.ids);
    if (!shown.length || !target.length || shown.join(' ') === target.join(' ')) continue;
    const written = link[0].length > 100 ? `${link[0].slice(0, 97)}...` : link[0];
    said.push(`the link "${written}" shows ${shown.join(', ')} but leads to ${target.join(', ')}: both were read; keep the one the report means`);
  }
  return said;
}
