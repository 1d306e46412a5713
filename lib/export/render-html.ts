import type { MatrixModel, TableRow } from './matrix-model.js';
import { escapeXml as escapeHtml, linkLines, metadataLines, renderSvgPages } from './render-svg.js';
import { dividedCell } from './render-table.js';
import { FONT_FAMILY } from './text-measure.js';
import { isWebLink } from './web-link.js';

/** Nothing may be fetched: no scripts, styles, fonts or images from anywhere but the page itself. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const STYLE = `
body { font-family: ${FONT_FAMILY}; color: #1a1a1a; margin: 24px auto; max-width: 1400px; padding: 0 16px; }
.page { margin: 0 0 16px; border: 1px solid #d9d9d9; }
.page svg { width: 100%; height: auto; display: block; }
.summary { color: #595959; font-size: 13px; margin: 0 0 12px; }
.technique:hover rect:first-of-type { stroke: #1a1a1a; stroke-width: 1; }
#tip { position: fixed; display: none; max-width: 420px; background: #fff; border: 1px solid #8c8c8c;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); padding: 8px 10px; font-size: 12px; line-height: 1.4; white-space: pre-wrap; pointer-events: none; z-index: 10; }
#tip b { display: block; margin-bottom: 2px; }
details { margin-top: 16px; font-size: 13px; }
summary { cursor: pointer; font-weight: bold; }
table { border-collapse: collapse; margin-top: 8px; }
th, td { border: 1px solid #d9d9d9; padding: 3px 6px; text-align: left; vertical-align: top; }
td.score { text-align: right; }
td.swatch { width: 14px; }
td.text { white-space: pre-wrap; max-width: 60ch; }
ul.links { font-size: 13px; }
@page sheet { size: A4 landscape; margin: 0; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  .page { page: sheet; break-after: page; margin: 0; border: 0; }
  .page svg { width: 297mm; height: 209.9mm; }
  #tip { display: none; }
}
`;

/**
 * A hover panel for the cells: the text of the cell's SVG title, shown at once and formatted, instead of the
 * browser's slow plain tooltip. Without scripts the titles still work.
 */
const SCRIPT = `
(function () {
  var tip = document.getElementById('tip');
  var current = null;
  function show(cell, event) {
    var title = cell.querySelector('title');
    if (!title) return;
    cell.dataset.tip = cell.dataset.tip || title.textContent;
    title.textContent = '';
    var text = cell.dataset.tip;
    var cut = text.indexOf('\\n');
    tip.textContent = '';
    var head = document.createElement('b');
    head.textContent = cut < 0 ? text : text.slice(0, cut);
    tip.appendChild(head);
    tip.appendChild(document.createTextNode(cut < 0 ? '' : text.slice(cut + 1)));
    tip.style.display = 'block';
    move(event);
  }
  function move(event) {
    var x = event.clientX + 14, y = event.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, event.clientX - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  function hide() {
    if (current) current.querySelector('title').textContent = current.dataset.tip;
    current = null;
    tip.style.display = 'none';
  }
  document.addEventListener('mouseover', function (event) {
    var cell = event.target.closest && event.target.closest('.technique, .tactic-header');
    if (cell === current) return;
    hide();
    if (cell) { current = cell; show(cell, event); }
  });
  document.addEventListener('mousemove', function (event) { if (current) move(event); });
})();
`;

/** A web address in running text: up to a space, a quote or an angle bracket. */
const WEB_ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/**
 * Text escaped for HTML, each web address in it an anchor (a metadata value such as `source:
 * https://www.cisa.gov/...`). Punctuation that ends a sentence after an address is left out of it, and so is a
 * closing parenthesis that opens nowhere in the address (`(see https://example.org/a)`).
 */
export function linkedText(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    let url = match[0];
    for (;;) {
      const trimmed = url.replace(/[.,;:!?]+$/, '');
      const open = trimmed.split('(').length - 1;
      const close = trimmed.split(')').length - 1;
      const next = trimmed.endsWith(')') && close > open ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    // An address with nothing after the scheme links nowhere.
    if (/^https?:\/\/$/i.test(url)) continue;
    out += `${escapeHtml(text.slice(at, match.index))}<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>`;
    at = match.index + url.length;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * An entry's metadata and links, one a line as the tooltip has them; a web or mail link's address is an anchor, and so
 * is a web address in a metadata value, so the sources an entry cites open from the table (other links stay text: a
 * `javascript:` URL must not run).
 */
function metadataAndLinks(row: TableRow): string {
  // A divider that opens or closes the metadata or the links is left out, as in the CSV and workbook tables.
  const links = dividedCell(row.links, (link) => 'divider' in link).map((link) =>
    isWebLink(link) ? `${escapeHtml(link.label)}: <a href="${escapeHtml(link.url)}" rel="noreferrer">${escapeHtml(link.url)}</a>` : escapeHtml(linkLines([link]).join('')),
  );
  return [...dividedCell(metadataLines(row.metadata)).map(linkedText), ...links].join('\n');
}

function tableOf(model: MatrixModel): string {
  const header = ['Technique', 'Name', 'Tactic', 'Score', '', 'Comment', 'Metadata', 'Note'].map((h) => `<th>${h}</th>`).join('');
  const rows = model.rows.map((row) =>
    [
      `<td>${escapeHtml(row.technique)}</td>`,
      `<td>${escapeHtml(row.name)}</td>`,
      `<td>${escapeHtml(row.tactics.join(', '))}</td>`,
      `<td class="score">${row.score ?? ''}</td>`,
      `<td class="swatch"${row.color ? ` style="background:${row.color}"` : ''}></td>`,
      `<td class="text">${linkedText(row.comment)}</td>`,
      `<td class="text">${metadataAndLinks(row)}</td>`,
      `<td class="text">${escapeHtml(row.note)}</td>`,
    ].join(''),
  );
  return `<table>\n<thead><tr>${header}</tr></thead>\n<tbody>\n${rows.map((row) => `<tr>${row}</tr>`).join('\n')}\n</tbody>\n</table>`;
}

/**
 * A self-contained HTML page of the matrix: the pages the SVG export draws, one after the other (printed, each fills
 * an A4 landscape sheet; hover a cell for its comment and metadata), the layer's metadata and links, and the table of
 * annotated entries. It loads nothing from the network.
 */
export function renderHtml(model: MatrixModel): string {
  // Only web and mail links become anchors: a `javascript:` URL in a layer must not run in the page.
  const layerLinks = model.links.filter(isWebLink);
  const layerMetadata = metadataLines(model.metadata);
  const pages = renderSvgPages(model, { declaration: false });
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="attack-layers export">',
    `<title>${escapeHtml(model.name)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<main class="matrix">\n${pages.map((page, i) => `<section class="page" aria-label="page ${i + 1} of ${pages.length}">\n${page}</section>`).join('\n')}\n</main>`,
    layerMetadata.length ? `<p class="summary">${layerMetadata.map(linkedText).join(' · ')}</p>` : '',
    layerLinks.length
      ? `<ul class="links">${layerLinks.map((link) => `<li><a href="${escapeHtml(link.url)}" rel="noreferrer">${escapeHtml(link.label)}</a></li>`).join('')}</ul>`
      : '',
    `<details${model.rows.length <= 60 ? ' open' : ''}><summary>Annotated techniques (${model.rows.length}), highest score first</summary>\n${tableOf(model)}\n</details>`,
    '<div id="tip" role="tooltip"></div>',
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
