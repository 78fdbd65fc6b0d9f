/**
 * Cyrillic reading keys (decisions 0038, 0044): a Latin word read back to the Cyrillic letters it may romanise, as
 * letter classes, so "JANUKOVYC" (Czech), "Janukowitsch" (German) and "yanukovich" (the index's BGN/PCGN reading of
 * Янукович) share one key. The classes merge only letters some romanisation writes alike: с ш щ (Czech s for š once
 * marks are dropped), з ж, ц ч, г х (Ukrainian h for г, Czech ch for х), и і ы й and the glides y/j; the five vowels
 * stay apart.
 */

/** Latin letter sequences and the class each is read as, longest first; letters not listed read as themselves. */
type Letters = readonly (readonly [string, string])[];

/** A romanisation family: its letters, and whether it writes я ю є after a consonant with an i ("ia", "iu", "ie"). */
interface Reader {
  letters: Letters;
  iGlide: boolean;
}

/** Class letters: s (с ш щ), z (з ж), c (ц ч), g (г х), k, v (в, w); "j" a glide (й, the y of я ю е ё), "i" и і ы. */
const COMMON: Letters = [
  ['w', 'v'],
  ['q', 'k'],
  ['h', 'g'],
  ['y', 'j'],
];

/**
 * English-language systems, which the index's own reading follows (transliterate.ts, BGN/PCGN): ICAO 9303, and the
 * French tch/ou; x is кс.
 */
const ENGLISH_LETTERS: Letters = [
  ['shch', 's'],
  ['tch', 'c'],
  ['sh', 's'],
  ['zh', 'z'],
  ['kh', 'g'],
  ['ch', 'c'],
  ['ts', 'c'],
  ['ck', 'k'],
  ['ou', 'u'],
  ['x', 'ks'],
  ...COMMON,
];

/**
 * Central European systems with their marks dropped by normalising: ISO 9, Czech/Slovak, Serbo-Croatian Gaj, Polish,
 * Belarusian Łacinka (c ц, č ч, š ш, ž ж, ch х; Polish cz sz szcz w) and German Duden (tsch ч, sch ш, ch х, w в).
 */
const CENTRAL_LETTERS: Letters = [
  ['tsch', 'c'],
  ['szcz', 's'],
  ['sch', 's'],
  ['cz', 'c'],
  ['sz', 's'],
  ['ch', 'g'],
  ['tz', 'c'],
  ...COMMON,
];

/** GOST 7.79-2000 System B: x for х, cz for ц, shh for щ, otherwise the English letters. */
const GOST_B_LETTERS: Letters = [
  ['shh', 's'],
  ['cz', 'c'],
  ['x', 'g'],
  ...ENGLISH_LETTERS.filter(([latin]) => latin !== 'x'),
];

/** The index's reading (BGN/PCGN, y for the glides): "mariya" for Мария. */
const ENGLISH: Reader = { letters: ENGLISH_LETTERS, iGlide: false };
/** Ukrainian national romanisation (2010): the English letters with ia, iu, ie after a consonant ("Ratushniak"). */
const UKRAINIAN: Reader = { letters: ENGLISH_LETTERS, iGlide: true };
/** Polish writes ia, io, ie after a consonant too ("Wiaczesław"). */
const CENTRAL: Reader = { letters: CENTRAL_LETTERS, iGlide: true };
const GOST_B: Reader = { letters: GOST_B_LETTERS, iGlide: false };
const QUERY_READERS: readonly Reader[] = [ENGLISH, UKRAINIAN, CENTRAL, GOST_B];

/** Keys shorter than this (a short given name or particle) say too little to pair words by. */
export const CYRILLIC_KEY_MIN_LENGTH = 4;

/** The key of a listed word, read as the index reads Cyrillic (BGN/PCGN); undefined when too short to use. */
export function listedCyrillicKey(word: string): string | undefined {
  return usable(readWith(word, ENGLISH));
}

/** The keys of a query word, one per reader family that reads it differently. */
export function queryCyrillicKeys(word: string): string[] {
  const keys: string[] = [];
  for (const reader of QUERY_READERS) {
    const key = usable(readWith(word, reader));
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

function usable(key: string): string | undefined {
  return key.length >= CYRILLIC_KEY_MIN_LENGTH ? key : undefined;
}

const VOWEL = /[aeiou]/;

/**
 * The classes of `word` under `reader`, then the glides settled: a glide before a vowel is the я ю е ё it opens
 * ("ya", "ja", "ia" after a consonant all a; "yo", "jo", "io" after a consonant or opening the word е, as the index
 * writes ё); any other glide is й or ы (i). A class repeated in a row counts once ("Gennadij" / "genadiy").
 */
function readWith(word: string, reader: Reader): string {
  const classes: string[] = [];
  for (let i = 0; i < word.length;) {
    let read: string | undefined;
    for (const [latin, cls] of reader.letters)
      if (word.startsWith(latin, i)) {
        read = cls;
        i += latin.length;
        break;
      }
    if (read === undefined) read = word.charAt(i++);
    for (const c of read) classes.push(c);
  }
  let out = '';
  for (let k = 0; k < classes.length; k++) {
    let c = classes[k] as string;
    const next = classes[k + 1];
    const previous = out.charAt(out.length - 1);
    const afterConsonant = out.length > 0 && !VOWEL.test(previous);
    const glide = c === 'j' || (reader.iGlide && c === 'i' && afterConsonant);
    if (glide && next !== undefined && next !== 'i' && next !== 'j' && VOWEL.test(next)) {
      // The glide and its vowel are one Cyrillic letter.
      c = next === 'o' && (out.length === 0 || afterConsonant) ? 'e' : next;
      k++;
    } else if (c === 'j') c = 'i';
    if (c !== previous) out += c;
  }
  return out;
}
