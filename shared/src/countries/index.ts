import { COUNTRIES } from './country-table';

/** Values that say "no country" rather than naming one. */
const NO_COUNTRY = new Set(['', 'na', 'n/a', 'none', 'unknown', '-', '-0-', 'stateless', 'not known']);

/**
 * Shorthand a customer types but a list never writes unqualified: a list's bare "Korea" may be either Korea, so
 * importers leave it as text, while a customer asking about "Korea" means the South.
 */
const EVERYDAY_NAMES: ReadonlyMap<string, string> = new Map([
  ['korea', 'KR'],
  ['america', 'US'],
]);

/** The key a name is looked up by: lower case, no diacritics or dots, "&" as "and", commas and brackets kept. */
const normalise = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9,()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Lower case, no diacritics, punctuation as single spaces: "Côte d'Ivoire" → "cote d ivoire". */
export function foldCountry(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const BY_NAME = new Map<string, string>();
const ALPHA2 = new Set<string>();
/** Requests are read more loosely, with all punctuation folded away: "Korea North", "People s Republic of China". */
const BY_FOLDED_NAME = new Map<string, string>(EVERYDAY_NAMES);
for (const [alpha2, alpha3, ...names] of COUNTRIES) {
  ALPHA2.add(alpha2!);
  BY_NAME.set(normalise(alpha3!), alpha2!);
  for (const name of names) {
    BY_NAME.set(normalise(name), alpha2!);
    BY_FOLDED_NAME.set(foldCountry(name), alpha2!);
  }
}

/**
 * Maps a country as a list writes it ("Korea, North", "Iran (Islamic Republic of)", "RUS", "ru") to its
 * ISO 3166-1 alpha-2 code, or undefined. Place names ("Tehran, Iran") resolve by their last parts.
 */
export function countryCode(text: string | undefined): string | undefined {
  if (!text) return undefined;
  // OFAC writes "Region: Gaza"; FollowTheMoney writes subdivisions as "gb-nir".
  const trimmed = text
    .trim()
    .replace(/^region:\s*/i, '')
    .replace(/^([a-z]{2})-[a-z]{2,3}$/, '$1');
  if (/^[A-Za-z]{2}$/.test(trimmed) && ALPHA2.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const key = normalise(trimmed);
  const direct = BY_NAME.get(key) ?? BY_NAME.get(key.replace(/\s*\([^)]*\)\s*/g, ' ').trim());
  if (direct) return direct;
  const parts = key.split(',').map((p) => p.trim());
  for (let i = 1; i < parts.length; i++) {
    const tail = BY_NAME.get(parts.slice(i).join(', '));
    if (tail) return tail;
  }
  return undefined;
}

/** The alpha-2 code when the text maps to one, otherwise the source's own text; undefined for "no country". */
export function countryOrText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (NO_COUNTRY.has(trimmed.toLowerCase())) return undefined;
  return countryCode(trimmed) ?? trimmed;
}

/** A country as a customer writes it in a screening request: every list spelling, and everyday shorthand ("Korea"). */
export function requestCountryCode(text: string): string | undefined {
  return countryCode(text) ?? BY_FOLDED_NAME.get(foldCountry(text));
}
