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
