/** Names of places: continents, regions and countries, which say where, never what was done. */

// Continents and the regions sites and reports name (a site's editions, `Asia` / `Europe` / `United States`; a report's
// regions, `EMEA`, `Asia-Pacific`), and the countries, in English, as reports and sites write them.
const PLACE_NAMES = [
  'Africa', 'Asia', 'Europe', 'Oceania', 'Antarctica', 'America', 'Americas', 'North America', 'South America',
  'Central America', 'Latin America', 'Middle East', 'Near East', 'Far East', 'Asia Pacific', 'Asia-Pacific', 'APAC',
  'APJ', 'EMEA', 'LATAM', 'Caribbean', 'Balkans', 'Scandinavia', 'Nordics', 'Baltics', 'Eastern Europe', 'Western Europe',
  'Central Europe', 'Southern Europe', 'Northern Europe', 'Central Asia', 'South Asia', 'East Asia', 'Southeast Asia',
  'South-East Asia', 'North Africa', 'West Africa', 'East Africa', 'Southern Africa', 'Sub-Saharan Africa', 'Gulf',
  'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan',
  'Bahamas', 'Bahrain', 'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bhutan', 'Bolivia',
  'Bosnia and Herzegovina', 'Botswana', 'Brazil', 'Brunei', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cambodia', 'Cameroon',
  'Canada', 'Cape Verde', 'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia', 'Comoros', 'Congo', 'Costa Rica',
  'Croatia', 'Cuba', 'Cyprus', 'Czech Republic', 'Czechia', 'Denmark', 'Djibouti', 'Dominican Republic', 'Ecuador', 'Egypt',
  'El Salvador', 'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland', 'France', 'Gabon',
  'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Guatemala', 'Guinea', 'Guyana', 'Haiti', 'Honduras', 'Hong Kong',
  'Hungary', 'Iceland', 'India', 'Indonesia', 'Iran', 'Iraq', 'Ireland', 'Israel', 'Italy', 'Ivory Coast', 'Jamaica',
  'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kosovo', 'Kuwait', 'Kyrgyzstan', 'Laos', 'Latvia', 'Lebanon', 'Lesotho',
  'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Macau', 'Madagascar', 'Malawi', 'Malaysia', 'Maldives',
  'Mali', 'Malta', 'Mauritania', 'Mauritius', 'Mexico', 'Moldova', 'Monaco', 'Mongolia', 'Montenegro', 'Morocco',
  'Mozambique', 'Myanmar', 'Namibia', 'Nepal', 'Netherlands', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria',
  'North Korea', 'North Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palestine', 'Panama', 'Papua New Guinea', 'Paraguay',
  'Peru', 'Philippines', 'Poland', 'Portugal', 'Puerto Rico', 'Qatar', 'Romania', 'Russia', 'Rwanda', 'Saudi Arabia',
  'Senegal', 'Serbia', 'Singapore', 'Slovakia', 'Slovenia', 'Somalia', 'South Africa', 'South Korea', 'Korea',
  'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden', 'Switzerland', 'Syria', 'Taiwan', 'Tajikistan',
  'Tanzania', 'Thailand', 'Togo', 'Trinidad and Tobago', 'Tunisia', 'Turkey', 'Türkiye', 'Turkmenistan', 'Uganda',
  'Ukraine', 'United Arab Emirates', 'UAE', 'United Kingdom', 'UK', 'Great Britain', 'England', 'Scotland', 'Wales',
  'United States', 'United States of America', 'USA', 'US', 'U.S.', 'Uruguay', 'Uzbekistan', 'Venezuela', 'Vietnam',
  'Yemen', 'Zambia', 'Zimbabwe',
];
// Matched case-sensitively, as written: `US` is a place, `us` a word; `Chad` and `Jordan` alone are places here, but
// only a passage made of such names is left unranked.
const PLACE = new RegExp(`^(?:[Tt]he\\s+)?(?:${[...PLACE_NAMES].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`, 'u');
// Names in a list are set apart by commas, slashes, bars, bullets, `&` or `and` (not inside a name: `Trinidad and Tobago`).
const PLACES_APART = /\s*(?:[,/|·•;]|\s&\s|\s+and\s+)\s*/u;
const MAX_PLACES = 120;

/**
 * Whether a passage is only names of places (`Europe`, `United Kingdom`, `Germany, France and Italy`), maybe after a
 * list mark: where, not what was done.
 */
export function isPlaceNamesOnly(text: string): boolean {
  const bare = text.trim().replace(/^(?:[-*•▪]\s+)/u, '').replace(/[.:]$/, '');
  if (!bare || bare.length > MAX_PLACES || !/^\p{Lu}/u.test(bare)) return false;
  // A name made of words joined by `and` is tried whole before it is split.
  if (PLACE.test(bare)) return true;
  const names = bare.split(PLACES_APART).filter(Boolean);
  return names.length > 0 && names.every((name) => PLACE.test(name));
}
