import { expect } from 'chai';
import { isCommonEnglishWord } from '../lib/common-words.js';
import { placeWord } from '../lib/place-words.js';
import { loadRelease } from './helpers/attack.js';

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

  // The words were Node's CLDR (Intl.DisplayNames, Intl.supportedValuesOf): a Node of small-icu, the system's ICU or no
  // Intl would refuse other words, or throw. They are now countries-list's and the committed time-zone-names.gen.ts.
  it("reads the same words without Node's ICU (Intl.DisplayNames and Intl.supportedValuesOf taken away)", async () => {
    const saved = { DisplayNames: Intl.DisplayNames, supportedValuesOf: Intl.supportedValuesOf };
    const unavailable = () => {
      throw new Error('no ICU in this Node');
    };
    Object.assign(Intl, { DisplayNames: unavailable, supportedValuesOf: unavailable });
    try {
      // A module of its own, which has read no word yet.
      const fresh = (await import(new URL('../lib/place-words.js?without-icu', import.meta.url).href)) as { placeWord: typeof placeWord };
      expect(rows.map(([word]) => fresh.placeWord(word))).to.deep.equal(rows.map(([, what]) => what));
    } finally {
      Object.assign(Intl, saved);
    }
  });

  // Of the first words of enterprise 18.1's names and aliases of several words, these four are a place's or a people's
  // (common English words aside, which are refused before): the same as the CLDR-built list named (482bcc33).
  it("names the same first words of enterprise 18.1's names as before: Beijing, Gaza, Indian, Lebanese", () => {
    const index = loadRelease('18.1');
    const firstWords = new Set(
      [...index.data.groups, ...index.data.software, ...index.data.campaigns]
        .filter((object) => !object.revoked && !object.deprecated)
        .flatMap((object) => [object.name, ...object.aliases].map((name) => name.trim().split(/\s+/)).filter((words) => words.length > 1).map((words) => words[0]!)),
    );
    expect(firstWords.size).to.equal(295);
    const named = [...firstWords].sort().filter((word) => !isCommonEnglishWord(word) && placeWord(word));
    expect(named.map((word) => `${word}: ${placeWord(word)}`)).to.deep.equal([
      'Beijing: the name of the capital of China',
      "Gaza: a city's name",
      'Indian: the word for a people or nationality of India',
      'Lebanese: the word for a people or nationality of Lebanon',
    ]);
  });
});
