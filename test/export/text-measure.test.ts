import { expect } from 'chai';
import { cutWords, textWidth, wrapText } from '../../lib/export/text-measure.js';
import { loadRelease } from '../helpers/attack.js';

describe('text-measure', () => {
  // Widths measured in headless Chromium with Liberation Sans (Arial's metrics) at 1000 px, by canvas measureText.
  const measured: [string, boolean, number][] = [
    ['Exfiltration Over Asymmetric Encrypted Non-C2 Protocol', false, 25063],
    ['T1059.001 PowerShell', false, 10118],
    ['Defense Evasion', true, 8003],
    // The ellipsis that ends a cut line, and the bullet and dot of the notes and the footer.
    ['T1059.001 PowerShell…', false, 11118],
    ['• a · b — c', false, 4629],
  ];
  for (const [text, bold, width] of measured) {
    it(`measures "${text}"${bold ? ' (bold)' : ''} within 1% of what Chromium draws (${width})`, () => {
      expect(Math.abs(textWidth(text, 1000, bold) - width) / width).to.be.lessThan(0.01);
    });
  }

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

  it('breaks a long word after a hyphen or a slash before cutting it anywhere, and counts the words it must cut', () => {
    expect(wrapText('Adversary-in-the-Middle', textWidth('Adversary-in-the-', 10) + 0.1, 10)).to.deep.equal(['Adversary-in-the-', 'Middle']);
    const width = textWidth('Virtualization/', 10) + 0.1;
    expect(wrapText('Virtualization/Sandbox Evasion', width, 10)).to.deep.equal(['Virtualization/', 'Sandbox', 'Evasion']);
    expect(cutWords('Virtualization/Sandbox Evasion', width, 10)).to.equal(0);
    expect(cutWords('T1574.013 KernelCallbackTable and Reconnaissance', width, 10)).to.equal(2);
  });

  it('ends the last line kept with an ellipsis when lines are cut, filling it with what fits', () => {
    const lines = wrapText('T1070 Indicator Removal on Host', 40, 6, { maxLines: 1 });
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^T1070 Indic.*…$/);
    expect(textWidth(lines[0]!, 6)).to.be.at.most(40);
  });

  it('keeps line breaks of the text', () => {
    expect(wrapText('a\nb', 100, 10)).to.deep.equal(['a', 'b']);
  });
});
