import { isJsonObject } from '../json-value.js';
import { isWebAddress, WEB_ADDRESS } from '../web-address.js';


// A scheme before the address (`https:`, `javascript:`, `data:`, `file:`): a URI's first word and its colon.
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
// A host name and a path, as an address is pasted from a browser's bar without its scheme (`www.example.com/report`,
// `securelist.com/apt-report/`): a host that starts with www., or one followed by a path. Not a file name
// (`report.pdf`), nor an ID (`T1059.001`): a host's last label is letters.
const BARE_ADDRESS = /^(?:\/\/)?(?:www\.(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?|(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?[/?#]\S*)$/i;
// An address defanged as threat reports write them (`hxxps://example[.]com/report`), so that nobody clicks it.
const DEFANGED = /^hxxps?(?:\[:\]|:)\/\/|\[\.\]|\(\.\)|\[dot\]/i;

/** The address `text` means, when it has one obvious reading: defanged, or without its scheme; with why. */
function repairedAddress(text: string): { url: string; why: string } | undefined {
  if (DEFANGED.test(text)) {
    const url = text.replace(/^hxxp(s?)(?:\[:\]|:)\/\//i, 'http$1://').replace(/\[\.\]|\(\.\)|\[dot\]/gi, '.');
    if (WEB_ADDRESS.test(url) && !/\s/.test(url)) return { url, why: 'a defanged address (hxxp, [.]) is a report\'s address to link' };
  }
  if (!SCHEME.test(text) && BARE_ADDRESS.test(text)) {
    return { url: `https://${text.replace(/^\/\//, '')}`, why: 'an address without its scheme is read as https' };
  }
  return undefined;
}

/**
 * Each source's url that is no web address to link is repaired or left out of the links, each said with its line:
 * one written without its scheme (`www.example.com/report`) or defanged (`hxxps://example[.]com`) is read as the
 * https or http address it means; any other (a scheme a click would run or open locally, `javascript:`, `data:`,
 * `vbscript:`, `file:`; or text that is no address, `see report`) is left out of the layer's links, the source kept
 * by its title (or by the text written, as its title), so that a `report:` naming it still does. `lineOf` gives the
 * line of a path in the file, where known. Changes `record` in place.
 */
export function repairSourceUrls(record: Record<string, unknown>, lineOf: (path: (string | number)[]) => number | undefined): string[] {
  const sources = record['sources'];
  if (!Array.isArray(sources)) return [];
  const repairs: string[] = [];
  sources.forEach((source: unknown, i) => {
    const mapping = isJsonObject(source);
    const written = mapping ? source['url'] : source;
    if (typeof written !== 'string' || written.trim() === '' || WEB_ADDRESS.test(written.trim())) return;
    const text = written.trim();
    const path = mapping ? ['sources', i, 'url'] : ['sources', i];
    const at = `${lineOf(path) !== undefined ? `line ${lineOf(path)}: ` : ''}/${path.join('/')}: `;
    const repaired = repairedAddress(text);
    if (repaired) {
      if (mapping) source['url'] = repaired.url;
      else sources[i] = repaired.url;
      repairs.push(`${at}${JSON.stringify(text)} read as ${JSON.stringify(repaired.url)} (${repaired.why}; write ${mapping ? 'url: ' : '- '}${repaired.url})`);
      return;
    }
    const title = mapping && typeof source['title'] === 'string' && source['title'].trim() !== '' ? source['title'] : undefined;
    if (mapping) delete source['url'];
    if (!title) sources[i] = { ...(mapping ? source : {}), title: text };
    const what = SCHEME.test(text) ? `a ${SCHEME.exec(text)![0]} address, not http(s)` : 'no web address';
    repairs.push(
      `${at}${JSON.stringify(text)} is ${what}: left out of the layer's links (a layer links only http:// and https:// addresses, which Navigator opens on a click), ` +
        `the source kept ${title ? 'by its title; write the report\'s https:// address' : 'with the text as its title; write it as title:, or the report\'s https:// address'}`,
    );
  });
  return repairs;
}
