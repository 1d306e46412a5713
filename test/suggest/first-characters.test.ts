import { expect } from 'chai';
import { GLOSSARY_EN } from '../../lib/suggest/glossary-en.js';
import { firstCharacters } from '../../lib/suggest/first-characters.js';

describe('firstCharacters (where a glossary entry may begin)', () => {
  const rows: ReadonlyArray<readonly [pattern: RegExp, expected: string | undefined]> = [
    [/\bdrop(?:s|ped)\b/i, 'd'],
    [/\bAD\b/, 'a'],
    [/\b(?:wget|curl)\b/i, 'cw'],
    [/\.ps1\b|%username%/i, '%.'],
    [/\b(?:[a-c]|admin)\$/i, 'abc'],
    [/\b(?:crypto-?|coin-?)?miners?\b/i, 'cm'],
    [/x*y{0,2}z/, 'xyz'],
    [/\b[\w-]+\.dll\b/i, undefined],
    [/\b(?=a)b/, undefined],
    [/[^a]b/, undefined],
    [/a?/, undefined],
    [/a|/, undefined],
    [/.b/, undefined],
    [/\bé/i, undefined],
    [/\bs/iu, undefined],
  ];
  for (const [pattern, expected] of rows) {
    it(`${pattern} may begin with ${expected ?? 'anything'}`, () => {
      const chars = firstCharacters(pattern);
      expect(chars && [...chars].sort().join('')).to.equal(expected);
    });
  }

  it("holds the first character of every glossary entry's match in the entries' own examples", () => {
    // Each entry's alternatives matched on a text written from its own first words: the character the match begins with is among those said.
    const samples = ['dropped', 'AD', 'wget', 'curl', '.ps1', '%username%', 'c$', 'admin$', 'cryptominer', 'miner', 'PtH', 'pass-the-hash', 'C&C', 'RCE'];
    const missed = GLOSSARY_EN.flatMap(([pattern]) => {
      const chars = firstCharacters(pattern);
      return samples.flatMap((sample) => {
        const match = new RegExp(pattern.source, `${pattern.flags}g`).exec(` ${sample} `);
        return match && chars && !chars.has(match[0][0]!.toLowerCase()) ? [`${pattern} on ${sample}`] : [];
      });
    });
    expect(missed).to.deep.equal([]);
  });
});
