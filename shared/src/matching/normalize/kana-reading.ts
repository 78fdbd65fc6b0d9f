/**
 * Kana (hiragana and katakana) read in Hepburn. Katakana writes foreign names: words divided by the middle dot ・
 * ("モハメド・アリ" is two words), and sounds Japanese lacks written with a small vowel after a kana whose vowel it
 * replaces (ファ "fa", ティ "ti", ウィ "wi", シェ "she").
 */
// Kana (Hepburn). Index = code point - 0x3041 in the hiragana block; katakana sits 0x60 above.
// prettier-ignore
const KANA: readonly string[] = [
  'a', 'a', 'i', 'i', 'u', 'u', 'e', 'e', 'o', 'o', 'ka', 'ga', 'ki', 'gi', 'ku', 'gu', 'ke', 'ge', 'ko', 'go', 'sa', 'za',
  'shi', 'ji', 'su', 'zu', 'se', 'ze', 'so', 'zo', 'ta', 'da', 'chi', 'ji', '', 'tsu', 'zu', 'te', 'de', 'to', 'do',
  'na', 'ni', 'nu', 'ne', 'no', 'ha', 'ba', 'pa', 'hi', 'bi', 'pi', 'fu', 'bu', 'pu', 'he', 'be', 'pe', 'ho', 'bo', 'po',
  'ma', 'mi', 'mu', 'me', 'mo', 'ya', 'ya', 'yu', 'yu', 'yo', 'yo', 'ra', 'ri', 'ru', 're', 'ro', 'wa', 'wa', 'i', 'e',
  'o', 'n', 'vu',
];
const KANA_SMALL_Y: Record<number, string> = { 0x3083: 'a', 0x3085: 'u', 0x3087: 'o' };
const KANA_SMALL_TSU = 0x3063;
/** The small vowels ぁぃぅぇぉ (katakana ァィゥェォ), at the even offsets of the vowel row. */
const KANA_SMALL_VOWELS: Record<number, string> = { 0x3041: 'a', 0x3043: 'i', 0x3045: 'u', 0x3047: 'e', 0x3049: 'o' };
/** The katakana middle dot, and its half-width form after NFKC leaves it as U+30FB: a word separator. */
const KANA_WORD_SEPARATOR = 0x30fb;

/** A run of kana in Latin letters, a space where the middle dot divides words. */
export function romaniseKana(chars: string[]): string {
  let out = '';
  let last = ''; // the syllable just written, for a small vowel to change
  let doubleNext = false;
  for (const ch of chars) {
    let code = ch.codePointAt(0) ?? 0;
    if (code === KANA_WORD_SEPARATOR) {
      out += ' ';
      last = '';
      continue;
    }
    if (code >= 0x30a1 && code <= 0x30f6) code -= 0x60;
    if (code === KANA_SMALL_TSU) {
      doubleNext = true;
      continue;
    }
    const smallY = KANA_SMALL_Y[code];
    if (smallY !== undefined && out.endsWith('i')) {
      // きゃ → kya, しゃ → sha: the small kana replaces the i of the syllable before it.
      const stem = out.slice(0, -1);
      out = /(sh|ch|j)$/.test(stem) ? stem + smallY : `${stem}y${smallY}`;
      last = '';
      continue;
    }
    const smallVowel = KANA_SMALL_VOWELS[code];
    if (smallVowel !== undefined && /[aeiou]$/.test(last)) {
      // ファ → fa, ティ → ti, シェ → she: the small vowel replaces the vowel before it; after a lone ウ or イ it makes
      // the glide w or y (ウィ → wi, イェ → ye).
      const stem = last.slice(0, -1);
      const onset = last === 'u' ? 'w' : last === 'i' ? 'y' : stem;
      out = out.slice(0, out.length - last.length) + onset + smallVowel;
      last = '';
      continue;
    }
    const syllable = KANA[code - 0x3041] ?? '';
    const written = doubleNext && syllable.length > 0 ? (syllable[0] as string) + syllable : syllable;
    out += written;
    last = written;
    doubleNext = false;
  }
  return out;
}
