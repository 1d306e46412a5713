import { expect } from 'chai';
import { placeWord } from '../lib/place-words.js';

describe('placeWord', () => {
  const rows: ReadonlyArray<readonly [word: string, what: string | undefined]> = [
    ['Beijing', 'the name of the capital of China'],
    ['gaza', "a city's name"],
    ['Lebanon', "a country's or territory's name"],
    ['Lebanese', 'the word for a people or nationality of Lebanon'],
    ['Iranian', 'the word for a people or nationality of Iran'],
    ['Chinese', 'the word for a people or nationality of China'],
    ['Ukrainian', 'the word for a people or nationality of Ukraine'],
    ['Korean', 'the word for a people or nationality of North Korea'],
    ['Persian', "a language's or people's name"],
    ['São Tomé', undefined],
    // Names of actors only.
    ['Lazarus', undefined],
    ['Sandworm', undefined],
    ['Gamaredon', undefined],
    ['Indrik', undefined],
    ['Tonto', undefined],
  ];
  for (const [word, what] of rows) {
    it(`${word}: ${what ?? 'none'}`, () => {
      expect(placeWord(word)).to.equal(what);
    });
  }
});
