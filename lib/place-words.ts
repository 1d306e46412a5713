import { createRequire } from 'node:module';
import { TIME_ZONE_NAMES } from './time-zone-names.gen.js';

// countries-list is read on first use: commands that never ask should not pay for loading it.
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
 * then the other words of places' names; the first reading of a word is kept. From data the package holds, not from
 * the Node that runs it: `countries-list` (countries, capitals, languages) and the time zones' names committed in
 * time-zone-names.gen.ts. Node's CLDR (Intl.DisplayNames) names regions and languages as its build has them (a Node of
 * small-icu or the system's ICU otherwise), which made the words refused shift with the Node a user runs.
 */
function indexPlaceWords(): Map<string, string> {
  const { countries: table, languages: languageTable } = require('countries-list') as {
    countries: Record<string, { name: string; capital: string }>;
    languages: Record<string, { name: string }>;
  };
  const countries = Object.values(table).map(({ name }) => name);
  const capitals = Object.values(table).flatMap(({ name, capital }) => (capital ? [[capital, name] as const] : []));
  const cities = TIME_ZONE_NAMES.map((zone) => zone.split('/').at(-1)!.replace(/_/g, ' '));
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
  // A language of several names has them apart: `Panjabi / Punjabi`, `Tagalog / Filipino`.
  const languages = Object.values(languageTable).flatMap(({ name }) => name.split(' / '));
  for (const language of languages) if (oneWord(language)) add(oneWord(language)!, "a language's or people's name");
  for (const place of [...countries, ...capitals.map(([capital]) => capital), ...cities]) {
    for (const word of words(place)) add(word, `a word of the place name ${place}`);
  }
  return found;
}

/**
 * What a word is when reports write it for a place or a people (`Beijing`: the name of the capital of China; `Gaza`: a
 * city's name; `Lebanese`: the word for a people or nationality of Lebanon), any case; undefined for any other word.
 * The same for every Node: from `countries-list` (countries and territories, their capitals, languages) and the IANA
 * time zones' names (time-zone-names.gen.ts).
 */
export function placeWord(word: string): string | undefined {
  placeWords ??= indexPlaceWords();
  const [only, ...more] = words(word);
  return only && !more.length ? placeWords.get(only) : undefined;
}
