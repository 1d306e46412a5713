/**
 * Where things are on an exported SVG page, computed from the SVG as parsed: the boxes of cells, texts and legend
 * swatches, so that tests can check that nothing overlaps and everything is on the page.
 */
import type { Element } from '@xmldom/xmldom';
import { textWidth, type MeasuredFont } from '../../lib/export/text-measure.js';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  /** What the box holds, for messages. */
  what: string;
}

/** An attribute of the element or of its nearest ancestor that has it (SVG's inheritance of presentation attributes). */
function inherited(element: Element, name: string): string | undefined {
  for (let node: Element | null = element; node && node.getAttribute; node = node.parentNode as Element | null) {
    const value = node.getAttribute(name);
    if (value) return value;
  }
  return undefined;
}

export function classes(element: Element): string[] {
  return (element.getAttribute('class') ?? '').split(' ').filter(Boolean);
}

/** The nearest ancestor `g` with a class, or undefined. */
export function enclosing(element: Element, className: string): Element | undefined {
  for (let node = element.parentNode as Element | null; node && node.getAttribute; node = node.parentNode as Element | null) {
    if (classes(node).includes(className)) return node;
  }
  return undefined;
}

/** Ascent and descent of the fonts, in ems (hhea): DejaVu Sans reaches higher and lower than Arial. */
const EXTENTS: Record<MeasuredFont, readonly [ascent: number, descent: number]> = { Arial: [0.905, 0.212], 'DejaVu Sans': [0.928, 0.236] };

/**
 * The box a `<text>` takes in `font`: each line (a `tspan`, `dy` apart) measured with the font's widths, from the first
 * baseline's ascent to the last one's descent; with `lineCount`, of its first lines alone.
 */
export function textBox(text: Element, font: MeasuredFont, lineCount?: number): Box {
  const size = Number(inherited(text, 'font-size'));
  const bold = inherited(text, 'font-weight') === 'bold';
  const spans = Array.from(text.getElementsByTagName('tspan')).slice(0, lineCount);
  const lines = spans.length ? spans.map((span) => span.textContent ?? '') : [text.textContent ?? ''];
  const down = spans.slice(1).reduce((sum, span) => sum + Number(span.getAttribute('dy') ?? 0), 0);
  const width = Math.max(...lines.map((line) => textWidth(line, size, bold, font)));
  const [ascent, descent] = EXTENTS[font];
  const anchor = inherited(text, 'text-anchor');
  const x = Number(text.getAttribute('x'));
  const y = Number(text.getAttribute('y'));
  return { x: anchor === 'end' ? x - width : x, y: y - ascent * size, width, height: down + (ascent + descent) * size, what: `text "${lines[0]}"` };
}

export function rectBox(rect: Element, what: string): Box {
  const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name) ?? 0)) as [number, number, number, number];
  return { x, y, width, height, what };
}

/** True when the two boxes share more than a hair (strokes of neighbouring cells may touch). */
export function overlap(a: Box, b: Box, tolerance = 0.05): boolean {
  return a.x + a.width - tolerance > b.x && b.x + b.width - tolerance > a.x && a.y + a.height - tolerance > b.y && b.y + b.height - tolerance > a.y;
}

/** True when `inner` lies inside `outer`, give or take `tolerance`. */
export function inside(inner: Box, outer: Box, tolerance = 0.05): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

/** Pairs of boxes of a list that overlap, as `a / b` messages. */
export function overlapping(boxes: readonly Box[]): string[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const found: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.width; j++) {
      if (overlap(a, sorted[j]!)) found.push(`${a.what} / ${sorted[j]!.what}`);
    }
  }
  return found;
}

const PAGE = { x: 0, y: 0, width: 841.89, height: 595.28, what: 'the A4 landscape page' };
const MARGINS = { x: 20, y: 20, width: 841.89 - 40, height: 595.28 - 40, what: 'the page inside its margins' };

/**
 * Everything wrong with the geometry of one page drawn in `font`: a cell outside the margins, a cell's text outside its
 * cell or over its score or its sub-technique bar, and any overlap between cells, texts outside cells and legend swatches.
 */
export function pageProblems(root: Element, font: MeasuredFont): string[] {
  const problems: string[] = [];
  const free: Box[] = [];
  for (const g of Array.from(root.getElementsByTagName('g')).filter((g) => classes(g).includes('technique'))) {
    const name = `${g.getAttribute('data-technique')} under ${g.getAttribute('data-tactic')}`;
    const [cellRect, bar] = Array.from(g.getElementsByTagName('rect'));
    const cell = rectBox(cellRect!, `cell ${name}`);
    free.push(cell);
    if (!inside(cell, MARGINS)) problems.push(`${cell.what} is outside ${MARGINS.what}`);
    const texts = Array.from(g.getElementsByTagName('text')).map((text) => textBox(text, font));
    for (const text of texts) if (!inside(text, cell)) problems.push(`${text.what} sticks out of ${cell.what}`);
    // The score sits at the end of the name's first line; the lines below it have the cell's whole width.
    const textElements = Array.from(g.getElementsByTagName('text'));
    if (texts.length === 2 && overlap(textBox(textElements[0]!, font, 1), texts[1]!)) problems.push(`${texts[0]!.what} runs into the score of ${cell.what}`);
    if (bar && texts[0] && overlap(texts[0], rectBox(bar, 'bar'))) problems.push(`${texts[0].what} runs into the sub-technique bar of ${cell.what}`);
  }
  for (const text of Array.from(root.getElementsByTagName('text'))) {
    if (enclosing(text, 'technique')) continue;
    const box = textBox(text, font);
    if (!inside(box, PAGE)) problems.push(`${box.what} is outside ${PAGE.what}`);
    free.push(box);
  }
  const legend = Array.from(root.getElementsByTagName('g')).filter((g) => classes(g).includes('legend'));
  for (const rect of legend.flatMap((g) => Array.from(g.getElementsByTagName('rect')))) free.push(rectBox(rect, 'legend swatch'));
  return [...problems, ...overlapping(free).map((pair) => `overlap: ${pair}`)];
}
