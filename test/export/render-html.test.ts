import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { matrixModel } from '../../lib/export/matrix-model.js';
import { renderHtml } from '../../lib/export/render-html.js';
import type { NavigatorLayer } from '../../lib/layer/layer-types.js';
import { loadRelease, repoRoot } from '../helpers/attack.js';
import { parseSvg } from './svg-dom.js';

describe('renderHtml', () => {
  const index = loadRelease('18.1');
  const layer = JSON.parse(readFileSync(join(repoRoot, 'layers/apt32-covid19-wuhan.layer.json'), 'utf8')) as NavigatorLayer;
  const html = renderHtml(matrixModel(layer, index));

  it('loads nothing: no src, link, import or url(), and a policy that forbids fetching', () => {
    expect(html).not.to.match(/\ssrc=|<link\b|@import|url\((?!#)/i);
    expect(html).to.contain(`content="default-src 'none';`);
  });

  it('embeds the SVG matrix, which parses as XML', () => {
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    const root = parseSvg(svg);
    expect(root.getElementsByTagName('g').length).to.be.greaterThan(100);
  });

  it('holds the whole description, one paragraph per line', () => {
    for (const line of layer.description!.split('\n')) expect(html).to.contain(`<p>${line.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</p>`);
  });

  it('has a table row per annotated entry and the hover script', () => {
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).match(/<tr>/g) ?? [];
    expect(rows.length).to.equal((layer.techniques ?? []).filter((t) => t.score !== undefined || t.comment).length);
    expect(html).to.contain("getElementById('tip')");
  });
});

describe('renderHtml with a hostile layer', () => {
  it('writes no javascript: link and no colour that is not a hex colour', () => {
    const layer = {
      name: 'hostile',
      domain: 'enterprise-attack',
      links: [{ label: 'click', url: 'javascript:alert(1)' }, { label: 'ok', url: 'https://example.org/' }],
      legendItems: [{ label: 'x', color: '"/><script>alert(1)</script>' }],
      techniques: [{ techniqueID: 'T1059', score: 1, color: 'red" onmouseover="alert(1)' }],
    } as unknown as NavigatorLayer;
    const html = renderHtml(matrixModel(layer, loadRelease('18.1')));
    expect(html).not.to.contain('javascript:');
    expect(html).not.to.contain('onmouseover');
    expect(html).not.to.contain('<script>alert');
    expect(html).to.contain('<a href="https://example.org/"');
  });
});
