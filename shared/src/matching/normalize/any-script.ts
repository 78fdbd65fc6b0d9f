/**
 * Scripts without a table of their own here (Armenian, Thai, Lao, Khmer, Myanmar, Bengali, Gurmukhi, Gujarati, Tamil,
 * Telugu, Kannada, Malayalam, Sinhala, Tibetan, Ethiopic, Syriac, Thaana, Mongolian, ...) read by any-ascii, a
 * maintained transliteration library covering all of Unicode. It is an ES module: loaded through require, which Node
 * 20.19+ supports for ES modules without top-level await (any-ascii has none).
 */
const anyAscii = (require('any-ascii') as { default: (s: string) => string }).default;

/**
 * A letter or mark of a script that transliterate.ts has no table for: past Latin, Greek, Cyrillic, Armenian is the
 * first; Latin Extended Additional (Vietnamese), punctuation, symbols and CJK punctuation excluded.
 */
export const OTHER_SCRIPT_LETTER =
  /[\u0530-\u058f\u0700-\u074f\u0780-\u08ff\u0980-\u10cf\u1100-\u11ff\u1200-\u1dbf\u1f00-\u1fff\ua000-\ua4cf\ua960-\ua97f\ud7b0-\ud7ff]/;
const OTHER_SCRIPT_RUN = new RegExp(`${OTHER_SCRIPT_LETTER.source}+`, 'g');

/** Thai vowels written before the consonant they follow in speech (เ แ โ ใ ไ), and the consonant after one. */
const THAI_LEADING_VOWEL = /([\u0e40-\u0e44])([\u0e01-\u0e2e])/g;
/** อ opening a word before a vowel is a silent carrier of that vowel (อาลี is "ali"), not the vowel o. */
const THAI_SILENT_CARRIER = /(?<![\u0e01-\u0e4e])\u0e2d(?=[\u0e30-\u0e39\u0e40-\u0e44])/g;

/**
 * A Thai run in the order it is spoken: any-ascii reads letter by letter, so a leading vowel would come out before its
 * consonant ("โม" as "om", not "mo").
 */
function thaiInSpokenOrder(run: string): string {
  return run.replace(THAI_LEADING_VOWEL, '$2$1').replace(THAI_SILENT_CARRIER, '');
}

/** The runs of other scripts in a lower-cased text, romanised (lower case), the rest left as it is. */
export function otherScriptToLatin(text: string): string {
  return text.replace(OTHER_SCRIPT_RUN, (run) => anyAscii(thaiInSpokenOrder(run)).toLowerCase());
}
