/** Strict SVG parsing for the export tests. */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { expect } from 'chai';

/** Parse SVG text strictly: any XML error fails the test. */
export function parseSvg(text: string): Element {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(text, 'image/svg+xml');
  expect(errors).to.deep.equal([]);
  return document.documentElement!;
}

/** The `g` elements of a class under `root`. */
export const byClass = (root: Element, name: string): Element[] =>
  Array.from(root.getElementsByTagName('g')).filter((g) => (g.getAttribute('class') ?? '').split(' ').includes(name));

/** Text with its runs of white space made one space. */
export const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of the pages' headers (name, summary, description), line after line, white space made one space. */
export function headerText(roots: readonly Element[]): string {
  const lines = roots
    .flatMap((root) => byClass(root, 'header'))
    .flatMap((g) => Array.from(g.getElementsByTagName('text')))
    .map((text) => {
      const spans = Array.from(text.getElementsByTagName('tspan'));
      return (spans.length ? spans : [text]).map((span) => span.textContent).join(' ');
    });
  return words(lines.join(' '));
}
