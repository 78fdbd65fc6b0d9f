/**
 * Romanisation folding: spellings of one sound under different romanisations ("zh"/"j", "kh"/"h", "ey"/"ei") read as
 * one, for the token similarity and the vocabulary's folded-spelling look-up.
 */
/**
 * Two spellings that differ only in how a romanisation writes the same sound ("Kocak"/"Cocak", "Jose"/"Zhose",
 * "Boon"/"Bun", "Kyu"/"Kiu", "Fuad"/"Phuad", "Rays"/"Reys") are the same name: scored as a confident typo, above a mere
 * sound-alike (which also pairs different names, "Matthews"/"Meadows"), since vowels and every other letter agree.
 */
export const ROMANISATION_VARIANT_SIMILARITY = 0.95;

/** Where foldedCharAt left off (module state, so the comparison allocates nothing). */
let foldNext = 0;

/**
 * The letter at s[i] with spellings of one sound folded to one, setting foldNext past it: zh, dzh, dj → j; ph → f;
 * ck, and c before a, o, u or at the end → k; ks → x ("Aleksey", "Alexey"); oo, ou → u; ee → i; y after the first
 * letter → i, iy → i ("Gennadiyevich"), and e before y, or before a final i, → a (so "ey" and "ei" read as "ay"); a
 * word-initial ye → e ("Yevgeny"), and before v "ye" after a vowel → e, "eye" → ee ("Nikolayevich", "Alexeyevich");
 * kh → h, since Russian and Turkish romanisations of Arabic names write one for the other ("Джихад" is "dzhikhad",
 * "Jihad"); w after a vowel → u ("Таухид" is "taukhid", "Tawhid").
 */
export function foldedCharAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  const n = s.charCodeAt(i + 1); // NaN past the end
  foldNext = i + 1;
  switch (c) {
    case 100: // d
      if (n === 122 && s.charCodeAt(i + 2) === 104) {
        foldNext = i + 3;
        return 106;
      }
      if (n === 106) {
        foldNext = i + 2;
        return 106;
      }
      return c;
    case 122: // zh → j
    case 112: // ph → f
    case 107: // kh → h, ks → x ("Aleksandr", "Alexandr")
      if (n === 104) {
        foldNext = i + 2;
        return c === 122 ? 106 : c === 112 ? 102 : 104;
      }
      if (c === 107 && n === 115) {
        foldNext = i + 2;
        return 120;
      }
      return c;
    case 99: // c
      if (n === 107) foldNext = i + 2;
      return n === 107 || Number.isNaN(n) || n === 97 || n === 111 || n === 117 ? 107 : c;
    case 111: // o
      if (n === 111 || n === 117) {
        foldNext = i + 2;
        return 117;
      }
      return c;
    case 101: // e
      if (n === 101) {
        foldNext = i + 2;
        return 105;
      }
      // "eye" before v is the "ee" of a Russian patronymic or surname: "Alexeyevich", "Alekseevich"; "Sergeyev", "Sergeev".
      if (n === 121 && s.charCodeAt(i + 2) === 101 && s.charCodeAt(i + 3) === 118) {
        foldNext = i + 3;
        return 105;
      }
      // "ey", and "ei" ending the word, read as "ay": "Alexey", "Alexei"; "Sergey", "Sergei".
      return n === 121 || (n === 105 && i + 2 === s.length) ? 97 : c;
    case 121: // y; a word-initial "ye" is e ("Yevgeny", "Evgeny"), and so is "ye" after a vowel before v ("Nikolayevich", "Nikolaevich")
      if (n === 101 && (i === 0 || (isVowelCode(s.charCodeAt(i - 1)) && s.charCodeAt(i + 2) === 118))) {
        foldNext = i + 2;
        return 101;
      }
      return i > 0 ? 105 : c;
    case 105: // "iy" is i ("Gennadiyevich", "Gennadievich")
      if (n === 121) foldNext = i + 2;
      return c;
    case 119: // w
      return i > 0 && isVowelCode(s.charCodeAt(i - 1)) ? 117 : c;
    default:
      return c;
  }
}

/** a, e, i, o or u. */
export function isVowelCode(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}

/** A word with spellings of one sound folded to one (see foldedCharAt): "dzhikhad" → "jihad". */
export function foldedSpelling(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i = foldNext) out += String.fromCharCode(foldedCharAt(word, i));
  return out;
}

/** Whether two words are the same letters once spellings of one sound are folded (see foldedCharAt). */
export function sameRomanisation(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = foldedCharAt(a, i);
    i = foldNext;
    const cb = foldedCharAt(b, j);
    j = foldNext;
    if (ca !== cb) return false;
  }
  return i >= a.length && j >= b.length;
}

/** Below this Jaro-Winkler no romanisation fold can make two words equal ("ca"/"ka" 0.67, "bun"/"boon" 0.75). */
export const FOLD_MIN_SPELLING_SIMILARITY = 0.65;
/** ...nor when their lengths differ by more than this ("dzhikhad"/"jihad"). */
export const FOLD_MAX_LENGTH_GAP = 3;
