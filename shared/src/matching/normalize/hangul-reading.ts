/**
 * Hangul read two ways. A Korean name is read syllable by syllable, a syllable a token, in McCune-Reischauer without
 * breves as the DPRK and UN/OFAC listings spell Korean names ("김정은" is "kim jong un"). A foreign name written in
 * Hangul by the Korean rules for foreign words (외래어 표기법) is read a word a word, each word's syllables joined into
 * one Latin word with the rules reversed ("블라디미르 푸틴" is "bladimir putin"): read a syllable at a time it would be
 * eight short words no listing writes.
 */

// prettier-ignore
const KOREAN_INITIALS = ['k', 'kk', 'n', 't', 'tt', 'r', 'm', 'p', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
// prettier-ignore
const KOREAN_VOWELS = [
  'a', 'ae', 'ya', 'yae', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i',
];
// prettier-ignore
const FINALS = [
  '', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't',
  'k', 't', 'p', 't',
];
/** Vowel-only syllables that are whole surnames: a lone "i" or "o" would be read as an initial, so use their usual spelling. */
const KOREAN_SURNAME_SYLLABLES: Record<string, string> = { i: 'yi', o: 'oh', u: 'woo' };

/** The loanword rules write b and v as ㅂ, d as ㄷ, g as ㄱ, j as ㅈ: voiced, where Korean names read k, t, p, ch. */
// prettier-ignore
const FOREIGN_INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
/** ㅓ writes a foreign o or a schwa, ㅐ an open e: read as the vowel letters a listing writes. */
// prettier-ignore
const FOREIGN_VOWELS = [
  'a', 'e', 'ya', 'ye', 'o', 'e', 'yo', 'ye', 'o', 'wa', 'we', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'u', 'ui', 'i',
];
const SYLLABLE_BASE = 0xac00;
const SILENT_INITIAL = 11;
const RIEUL_INITIAL = 5;
const RIEUL_FINAL = 8;
/** ㅡ: the vowel the loanword rules add after a consonant that has none ("브" for a lone b, "스" for s). */
const EU_VOWEL = 18;
/** ㅅ ㅈ ㅊ: before a y-vowel they write sh, j, ch and a plain vowel ("샤" is "sha"). */
const SIOT_INITIAL = 9;
const PALATAL_INITIALS = new Set([SIOT_INITIAL, 12, 14]);

export const HANGUL_SYLLABLE_RUN = (code: number): boolean => code >= SYLLABLE_BASE && code <= 0xd7a3;
const HANGUL_WORD = /[\uac00-\ud7a3]+/g;

interface Jamo {
  initial: number;
  vowel: number;
  final: number;
}

function jamoOf(syllable: string): Jamo {
  const index = (syllable.codePointAt(0) ?? SYLLABLE_BASE) - SYLLABLE_BASE;
  return { initial: Math.floor(index / 588), vowel: Math.floor((index % 588) / 28), final: index % 28 };
}

/** A consonant with ㅡ and no final: Korean names do not write it, foreign words do for every lone consonant. */
const isEpenthetic = (j: Jamo): boolean => j.vowel === EU_VOWEL && j.final === 0 && j.initial !== SILENT_INITIAL;

/**
 * Whether the Hangul words of a text are a Korean name: none holds a syllable the loanword rules add for a lone
 * consonant. A foreign name writes one for nearly every consonant cluster or final consonant ("드", "르", "츠").
 */
export function readsAsKoreanName(text: string): boolean {
  for (const word of text.match(HANGUL_WORD) ?? []) for (const s of word) if (isEpenthetic(jamoOf(s))) return false;
  return true;
}

function koreanSyllable(j: Jamo): string {
  const syllable = (KOREAN_INITIALS[j.initial] ?? '') + (KOREAN_VOWELS[j.vowel] ?? '') + (FINALS[j.final] ?? '');
  return KOREAN_SURNAME_SYLLABLES[syllable] ?? syllable;
}

/** A word of a foreign name, its syllables read into one word by the loanword rules reversed. */
function foreignWord(syllables: readonly Jamo[]): string {
  let out = '';
  syllables.forEach((j, i) => {
    const next = syllables[i + 1];
    // "ㄹㄹ" across two syllables writes one l ("블라" is "bla"); the ㅡ before it is added, as is a final ㅡ.
    const doubledL = j.final === RIEUL_FINAL && next?.initial === RIEUL_INITIAL;
    const previous = syllables[i - 1];
    const afterDoubledL = j.initial === RIEUL_INITIAL && previous?.final === RIEUL_FINAL;
    let vowel = isEpenthetic(j) || (doubledL && j.vowel === EU_VOWEL) ? '' : (FOREIGN_VOWELS[j.vowel] ?? '');
    let initial = afterDoubledL ? '' : (FOREIGN_INITIALS[j.initial] ?? '');
    if (PALATAL_INITIALS.has(j.initial) && vowel.startsWith('y')) {
      vowel = vowel.slice(1);
      if (j.initial === SIOT_INITIAL) initial = 'sh';
    }
    out += initial + vowel;
    out += FINALS[j.final] ?? '';
  });
  return out;
}

/** A run of Hangul syllables (one written word) in Latin, spaced from what surrounds it. */
export function romaniseHangulRun(run: readonly string[], korean: boolean): string {
  const syllables = run.map(jamoOf);
  return korean ? ` ${syllables.map(koreanSyllable).join(' ')} ` : ` ${foreignWord(syllables)} `;
}
