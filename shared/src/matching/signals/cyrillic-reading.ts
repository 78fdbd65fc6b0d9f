/**
 * Cyrillic reading keys (decision 0038): a Latin word read back to the Cyrillic letters it romanises, each letter as
 * one class whatever system wrote it, so "JANUKOVYC" (Czech, diacritics dropped), "Janukowitsch" (German), "Yanukovych"
 * (BGN/PCGN) and the index's own reading of "Янукович" ("yanukovich") share one key. The index writes Cyrillic one
 * way (transliterate.ts); listings and queries romanise it under many national systems, whose letters the
 * similarity rules alone see as different words ("sergejewitsch" / "sergeevich").
 *
 * A key keeps vowels (five classes) and merges only what some system writes alike: с ш щ (š, ś and ŝ lose their marks
 * in normalising), з ж, ц ч (Czech and Serbo-Croatian c/č/ć, all "c" without marks), г х (Ukrainian, Belarusian and
 * Czech write г as h), и і ы й (y, j, i, ij, iy). A soft or hard sign is not written. It is a reading, not a spelling:
 * two words sharing a key are the same Cyrillic word under two romanisations, scored as a confident variant.
 */

/** Keys shorter than this fit too many words: four letters under the merged classes are still a short name. */
export const CYRILLIC_KEY_MIN_LENGTH = 4;

/** An ordered list of Latin letter sequences and the Cyrillic letter class each writes. */
type Reader = readonly (readonly [RegExp, string])[];

/**
 * Classes (output letters): a e i o u; s (с ш щ), z (з ж), c (ц ч), g (г х), k, v, and the other consonants as
 * themselves. Upper-case letters are intermediate: S ш/щ, Z ж, C ц/ч, G г/х, I й, folded to the classes at the end.
 */
const SHARED: Reader = [
  [/shch|sh/g, 'S'],
  [/zh/g, 'Z'],
  [/kh/g, 'G'],
  [/ts|tz/g, 'C'],
  [/x/g, 'ks'],
  [/ph/g, 'f'],
  [/q/g, 'k'],
  [/w/g, 'v'],
];

/**
 * The index's own reading of Cyrillic (transliterate.ts, BGN/PCGN without its apostrophes): ch is ч, and a c only
 * comes from Serbian ћ.
 */
const LISTED: Reader = [[/tch|ch/g, 'C'], ...SHARED, [/c/g, 'C']];

/**
 * English-language systems (BGN/PCGN 1947 for Russian, Ukrainian and Belarusian; ICAO Doc 9303 as passports print
 * names; French "tch" and "ou" too): ch and tch are ч, c is a k (an s before e, i, y).
 */
const ENGLISH: Reader = [[/tch|ch/g, 'C'], [/ck/g, 'k'], ...SHARED, [/c(?=[eiy])/g, 's'], [/c/g, 'k']];

/**
 * Central European systems, diacritics dropped: ISO 9 and the Czech and Slovak scholarly romanisation (c ц, č ч, ch х,
 * š ш, ž ж, h for Ukrainian and Belarusian г), Serbo-Croatian Gaj Latin (Serbian and Macedonian national Latin: c ц,
 * č ć ч ћ, dž џ, lj nj), Polish (cz ч, sz ш, szcz щ, rz ж, ch х, w в) and Belarusian Łacinka; German Duden
 * transcription (tsch ч, sch ш, schtsch щ, ch х, w в, j й).
 */
const CENTRAL: Reader = [
  [/schtsch|szcz/g, 'S'],
  [/tsch|cz/g, 'C'],
  [/sch|sz/g, 'S'],
  [/rz/g, 'Z'],
  [/ch/g, 'G'],
  ...SHARED,
  [/c/g, 'C'],
];

/**
 * GOST 7.79-2000 System B (the Russian state standard's ASCII romanisation, also ISO 9:1995's system B): x is х, c and
 * cz are ц, ch is ч, shh is щ ("ZAXARCHENKO" for "Захарченко").
 */
const GOST_B: Reader = [[/shh|sh/g, 'S'], [/ch/g, 'C'], [/cz|c/g, 'C'], [/x/g, 'G'], ...SHARED];

/** Readings a query word may be under: a listing may follow any of these families of systems. */
const QUERY_READERS: readonly Reader[] = [ENGLISH, CENTRAL, GOST_B];

const CLASS_OF: Readonly<Record<string, string>> = { S: 's', Z: 'z', C: 'c', G: 'g', h: 'g', I: 'i', y: 'i', j: 'i' };

function read(word: string, reader: Reader): string {
  let s = word;
  for (const [pattern, cls] of reader) s = s.replace(pattern, cls);
  s = s
    // й written y or j between vowels is the glide the index's reading leaves out ("Sergejewitsch", "Nikolayevich").
    .replace(/(?<=[aeiouy])[yj](?=[aeiou])/g, '')
    // Е opening a word written ye, je or ie ("Yevgeny", "Jelena"); ё after a consonant as yo, jo or io ("Fiodor").
    .replace(/^[yji]e/, 'e')
    .replace(/(?<=[^aeiouyj])[yji]o/g, 'e')
    // Polish and Belarusian Łacinka write е after a consonant as ie ("Hulievic" for "Гулевіч").
    .replace(/(?<=[^aeiouyj])ie/g, 'e')
    // я and ю opening a word: ISO 9 writes them â and û, a and u once the marks are dropped ("Ânukovič").
    .replace(/^[yji](?=[au])/, '')
    // я and ю after a consonant: ya, ja, ia, and ISO 9's â and û, a and u without their marks ("Ratušnâk").
    .replace(/(?<=[^aeiouyj])[yji](?=[au])/g, '')
    // French ou for у.
    .replace(/ou/g, 'u');
  let key = '';
  for (const ch of s) {
    const cls = CLASS_OF[ch] ?? ch;
    // A letter class written twice counts once ("Aleksandr", "Alexxandr"; "-iy", "-ii" and "-yi" all one i).
    if (!key.endsWith(cls)) key += cls;
  }
  return key;
}

/** The key of a listed word, read as the index romanises Cyrillic (empty when too short to say anything). */
export function listedCyrillicKey(word: string): string {
  const key = read(word, LISTED);
  return key.length >= CYRILLIC_KEY_MIN_LENGTH ? key : '';
}

/** The keys of a query word under each family of romanisations it may follow (long enough to say something). */
export function queryCyrillicKeys(word: string): string[] {
  const keys = new Set<string>();
  for (const reader of QUERY_READERS) {
    const key = read(word, reader);
    if (key.length >= CYRILLIC_KEY_MIN_LENGTH) keys.add(key);
  }
  return [...keys];
}

const KEY_CACHE_LIMIT = 100_000;
const listedCache = new Map<string, string>();
const queryCache = new Map<string, string[]>();

/** Whether a query word and a listed word read as one Cyrillic word (memoised: lists and queries repeat their words). */
export function sameCyrillicReading(query: string, listed: string): boolean {
  let listedKey = listedCache.get(listed);
  if (listedKey === undefined) {
    if (listedCache.size >= KEY_CACHE_LIMIT) listedCache.clear();
    listedCache.set(listed, (listedKey = listedCyrillicKey(listed)));
  }
  if (listedKey === '') return false;
  let queryKeys = queryCache.get(query);
  if (queryKeys === undefined) {
    if (queryCache.size >= KEY_CACHE_LIMIT) queryCache.clear();
    queryCache.set(query, (queryKeys = queryCyrillicKeys(query)));
  }
  return queryKeys.includes(listedKey);
}
