import { createRequire } from 'node:module';

// The capitals are read on first use: commands that never ask should not pay for loading them.
const require = createRequire(import.meta.url);

let placeWords: Map<string, string> | undefined;

/** The words of a name, lower-case and without accents (`São Tomé`: sao, tome). */
function words(name: string): string[] {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter((word) => word.length >= 3);
}

// How English makes a people's word of its country's name (India: Indian, Iran: Iranian, Israel: Israeli, Vietnam:
// Vietnamese; China: Chinese and Ukraine: Ukrainian past a last vowel; Lebanon: Lebanese past its "-on").
const PEOPLE_ENDINGS = ['n', 'an', 'ian', 'i', 'ese', 'ish'];
const COUNTRY_ENDINGS = /(?:[aeiouy]|on|ey)$/;

/**
 * What each place or people word is: the one-word names of the countries and territories, of their capitals and of the
 * cities that name time zones, then the people's words made of a country's name, then the one-word names of languages,
 * then the other words of places' names; the first reading of a word is kept.
 */
function indexPlaceWords(): Map<string, string> {
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  const languages = new Intl.DisplayNames(['en'], { type: 'language' });
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  const codes = letters.flatMap((first) => letters.map((second) => first + second));
  // Node's CLDR names the codes it knows, and gives an unknown one back as written.
  const named = (names: Intl.DisplayNames, code: string): string[] => {
    const name = names.of(code);
    return name && name.toLowerCase() !== code ? [name] : [];
  };
  const countries = [...new Set(codes.flatMap((code) => named(regions, code.toUpperCase())))];
  const { countries: table } = require('countries-list') as { countries: Record<string, { name: string; capital: string }> };
  const capitals = Object.values(table).flatMap(({ name, capital }) => (capital ? [[capital, name] as const] : []));
  const cities = Intl.supportedValuesOf('timeZone').map((zone) => zone.split('/').at(-1)!.replace(/_/g, ' '));
  const found = new Map<string, string>();
  const add = (word: string, what: string): void => {
    if (!found.has(word)) found.set(word, what);
  };
  const oneWord = (name: string): string | undefined => {
    const [only, ...more] = words(name);
    return only && !more.length ? only : undefined;
  };
  for (const country of countries) if (oneWord(country)) add(oneWord(country)!, `a country's or territory's name`);
  for (const [capital, country] of capitals) if (oneWord(capital)) add(oneWord(capital)!, `the name of the capital of ${country}`);
  for (const city of cities) if (oneWord(city)) add(oneWord(city)!, "a city's name");
  for (const country of countries) {
    for (const word of words(country).filter((each) => each.length >= 4)) {
      for (const stem of new Set([word, word.replace(COUNTRY_ENDINGS, '')])) {
        for (const ending of PEOPLE_ENDINGS) add(stem + ending, `the word for a people or nationality of ${country}`);
      }
    }
  }
  for (const language of codes.flatMap((code) => named(languages, code))) if (oneWord(language)) add(oneWord(language)!, "a language's or people's name");
  for (const place of [...countries, ...capitals.map(([capital]) => capital), ...cities]) {
    for (const word of words(place)) add(word, `a word of the place name ${place}`);
  }
  return found;
}

/**
 * What a word is when reports write it for a place or a people (`Beijing`: the name of the capital of China; `Gaza`: a
 * city's name; `Lebanese`: the word for a people or nationality of Lebanon), any case; undefined for any other word.
 * From Node's CLDR (countries and territories, languages, the cities time zones are named after) and the capitals of
 * `countries-list`.
 */
export function placeWord(word: string): string | undefined {
  placeWords ??= indexPlaceWords();
  const [only, ...more] = words(word);
  return only && !more.length ? placeWords.get(only) : undefined;
}
