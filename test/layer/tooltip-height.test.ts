/**
 * Navigator 5.1's tooltip height as lib/layer/tooltip-height.ts estimates it: its words are split at JavaScript's white
 * space (`\s`, which white-space: normal collapses) and wrapped greedily. A guard of the character-by-character reading
 * that replaced a regular expression (render measures every entry of every layer it writes): the same heights, each
 * worked out by hand here, for every kind of white space and for words wider than the cell.
 */
import { expect } from 'chai';
import { TOOLTIP, tooltipHeight } from '../../lib/layer/tooltip-height.js';

// A comment's cell beside the label "Comment:" (8 characters): (288 - (8 × 5.3 + 6) - 6) / 5.3 → 44 characters a line.
const CHARS = Math.floor((TOOLTIP.width - (8 * TOOLTIP.char + TOOLTIP.pad) - TOOLTIP.pad) / TOOLTIP.char);
// The name's row ("T1", one line), then the comment's rows, each padded.
const height = (commentLines: number): number => Math.round(2 * TOOLTIP.pad + (TOOLTIP.line + TOOLTIP.pad) + commentLines * TOOLTIP.line + TOOLTIP.pad);
const measured = (comment: string): number => tooltipHeight({ comment }, 'T1');

describe('tooltip height: how a comment wraps', () => {
  it('gives a line to a text no longer than the cell, and to white space alone', () => {
    expect(CHARS).to.equal(44);
    expect(measured('x'.repeat(CHARS))).to.equal(height(1));
    expect(measured(' \t\n\u00a0\u3000 ')).to.equal(height(1));
  });

  it('collapses every kind of white space between words to one space', () => {
    const [first, second] = ['v'.repeat(21), 'w'.repeat(22)];
    // Words of 21 and 22 and a space: 44, one line, whatever white space is written between them.
    for (const space of [' ', '   ', '\n', '\t', '\u00a0', '\u2028', '\u3000', '\ufeff', ' \n\t ']) {
      expect(measured(`${first}${space}${second}`), JSON.stringify(space)).to.equal(height(1));
    }
    // One more character and the second word goes to a line of its own.
    expect(measured(`${first}x ${second}`)).to.equal(height(2));
  });

  it('puts a word wider than the cell on a line of its own, overflowing it', () => {
    expect(measured(`a ${'x'.repeat(100)} b`)).to.equal(height(3));
    expect(measured('x'.repeat(300))).to.equal(height(1));
  });

  it('stops counting past the limit it is given, with a height past it', () => {
    const long = Array.from({ length: 2000 }, () => 'word').join(' ');
    // 2,000 words of 4 and their spaces: 9 words a line (44 characters), 223 lines.
    expect(measured(long)).to.equal(height(223));
    const cut = tooltipHeight({ comment: long }, 'T1', TOOLTIP.page);
    expect(cut).to.be.greaterThan(TOOLTIP.page).and.lessThan(TOOLTIP.page + 3 * TOOLTIP.line + 4 * TOOLTIP.pad);
  });
});
