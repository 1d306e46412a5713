import { expect } from 'chai';
import { cutLines, cutWords, FONT_FAMILY, MEASURED_FONTS, textWidth, wholeWordLines, wrapText, type MeasuredFont } from '../../lib/export/text-measure.js';
import { loadRelease } from '../helpers/attack.js';

describe('text-measure', () => {
  // Widths at 1000 px: Liberation Sans (Arial's metrics) measured in headless Chromium by canvas measureText; DejaVu Sans
  // 2.37 as rsvg-convert 2.54 lays the text out (kerning on), between two bars. Both are what viewers draw the SVG with.
  const measured: [text: string, bold: boolean, widths: Record<MeasuredFont, number>][] = [
    ['Exfiltration Over Asymmetric Encrypted Non-C2 Protocol', false, { Arial: 25063, 'DejaVu Sans': 28263 }],
    ['T1059.001 PowerShell', false, { Arial: 10118, 'DejaVu Sans': 11163 }],
    ['Defense Evasion', true, { Arial: 8003, 'DejaVu Sans': 9302 }],
    ['Reconnaissance', true, { Arial: 7892, 'DejaVu Sans': 9018 }],
    // The ellipsis that ends a cut line, and the bullet and dot of the notes and the footer.
    ['T1059.001 PowerShell…', false, { Arial: 11118, 'DejaVu Sans': 12163 }],
    ['• a · b — c', false, { Arial: 4629, 'DejaVu Sans': 5294 }],
  ];
  for (const [text, bold, widths] of measured) {
    for (const font of MEASURED_FONTS) {
      it(`measures "${text}"${bold ? ' (bold)' : ''} in ${font} within 1% of what it draws (${widths[font]})`, () => {
        expect(Math.abs(textWidth(text, 1000, bold, font) - widths[font]) / widths[font]).to.be.lessThan(0.01);
      });
    }
    it(`lays "${text}"${bold ? ' (bold)' : ''} out no narrower than any named font draws it (to a rounding), and at most 2% wider`, () => {
      const widest = Math.max(...Object.values(widths));
      expect(textWidth(text, 1000, bold)).to.be.within(widest * 0.999, widest * 1.02);
    });
  }

  it('names in its font stack every font it measures, before the generic sans-serif', () => {
    const names = FONT_FAMILY.split(',').map((name) => name.trim().replace(/'/g, ''));
    for (const font of MEASURED_FONTS) expect(names.indexOf(font), font).to.be.within(0, names.indexOf('sans-serif') - 1);
  });

  it('wraps every technique name of 18.1 into lines no wider than the cell, losing no word', () => {
    for (const technique of loadRelease('18.1').currentTechniques()) {
      const text = `${technique.id} ${technique.name}`;
      for (const [width, size] of [[50, 5], [60, 6.5], [30, 7]] as const) {
        const lines = wrapText(text, width, size);
        for (const line of lines) expect(textWidth(line, size), `${text} @ ${width}`).to.be.at.most(width);
        expect(lines.join(' ').replace(/([-/]) /g, '$1').replace(/\s+/g, '')).to.equal(text.replace(/\s+/g, ''));
      }
    }
  });

  // A cell's score sits at the end of its first line alone: `Spearphishing` (T1566.001, score 50, in a column of 16
  // places at 4.5 pt) was cut in two where every line had only the width left of the score.
  it('gives the first line firstWidth and the others the whole width, and counts a first word wider than the first line as cut', () => {
    const width = textWidth('Spearphishing', 4.5) + 0.1;
    const firstWidth = width - textWidth('50', 4.5, true) - 1.5;
    expect(wrapText('T1566.001 Spearphishing Attachment', width, 4.5, { firstWidth })).to.deep.equal(['T1566.001', 'Spearphishing', 'Attachment']);
    expect(cutWords('T1566.001 Spearphishing Attachment', width, 4.5, false, firstWidth)).to.equal(0);
    expect(wrapText('T1566.001 Spearphishing Attachment', firstWidth, 4.5)).to.have.length.above(3);
    expect(cutWords('T1566.001 Spearphishing', width, 4.5, false, textWidth('T1566', 4.5))).to.equal(1);
  });

  it('breaks a long word after a hyphen or a slash before cutting it anywhere, and counts the words it must cut', () => {
    expect(wrapText('Adversary-in-the-Middle', textWidth('Adversary-in-the-', 10) + 0.1, 10)).to.deep.equal(['Adversary-in-the-', 'Middle']);
    const width = textWidth('Virtualization/', 10) + 0.1;
    expect(wrapText('Virtualization/Sandbox Evasion', width, 10)).to.deep.equal(['Virtualization/', 'Sandbox', 'Evasion']);
    expect(cutWords('Virtualization/Sandbox Evasion', width, 10)).to.equal(0);
    expect(cutWords('T1574.013 KernelCallbackTable and Reconnaissance', width, 10)).to.equal(2);
  });

  // The matrix gives a plain name the lines its column has room for, up to a word cut in two (CTID's CloudVPN layer in a
  // column at 7 pt: `T1583` / `Acquire` / `Infrastructur` / `e`).
  it('counts the lines that read without a word cut in two, a break after a hyphen or slash being none', () => {
    const width = textWidth('Infrastructur', 7) + 0.1;
    const lines = wrapText('T1583 Acquire Infrastructure', width, 7);
    expect([lines, wholeWordLines('T1583 Acquire Infrastructure', lines)]).to.deep.equal([['T1583', 'Acquire', 'Infrastructur', 'e'], 3]);
    const hyphen = wrapText('Adversary-in-the-Middle', textWidth('Adversary-in-', 10) + 0.1, 10);
    expect([hyphen, wholeWordLines('Adversary-in-the-Middle', hyphen)]).to.deep.equal([['Adversary-in-', 'the-Middle'], 2]);
    expect(wholeWordLines('T1190 Exploit Public-Facing Application', ['T1190 Exploit', 'Public-Facing', 'Application'])).to.equal(3);
  });

  it('fills the last line kept with the rest as written, without a space after a slash or hyphen a word broke at', () => {
    // `Unused/ Uns…` and `Deobfuscate/ D…` in one-line cells of CTID's CloudVPN layer and the old-format-4.0 fixture.
    const width = textWidth('Unused/Unsup', 6);
    const lines = wrapText('Unused/Unsupported Cloud Regions', width, 6);
    expect(lines[0]).to.equal('Unused/');
    expect(cutLines(lines, width, 6, { maxLines: 1 })[0]).to.match(/^Unused\/Uns.*…$/);
  });

  it('ends the last line kept with an ellipsis when lines are cut, filling it with what fits', () => {
    const lines = wrapText('T1070 Indicator Removal on Host', 40, 6, { maxLines: 1 });
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^T1070 Indi.*…$/);
    expect(textWidth(lines[0]!, 6)).to.be.at.most(40);
  });

  it('cuts lines already wrapped as wrapping with maxLines does, for every technique name of 18.1', () => {
    // The matrix wraps a name once and keeps one or two of its lines as the column's room decides.
    for (const technique of loadRelease('18.1').currentTechniques()) {
      const text = `${technique.id} ${technique.name}`;
      for (const [width, size] of [[50, 5], [60, 6.5], [30, 7]] as const) {
        const whole = wrapText(text, width, size);
        for (const maxLines of [1, 2]) {
          const lines = cutLines(whole, width, size, { maxLines });
          expect(lines, `${text} @ ${width}, ${maxLines}`).to.deep.equal(wrapText(text, width, size, { maxLines }));
          expect(lines.slice(0, -1)).to.deep.equal(whole.slice(0, lines.length - 1));
          if (whole.length > maxLines) expect(lines[lines.length - 1]!.endsWith('…') && textWidth(lines[lines.length - 1]!, size) <= width, `${text} @ ${width}`).to.equal(true);
          else expect(lines).to.deep.equal(whole);
        }
      }
    }
  });

  it('keeps line breaks of the text', () => {
    expect(wrapText('a\nb', 100, 10)).to.deep.equal(['a', 'b']);
  });
});
