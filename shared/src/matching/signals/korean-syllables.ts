/** Korean syllables across romanisations: a name written in Hangul is compared syllable by syllable. */
/** A listed spelling of the same Korean syllable under another romanisation ("jeong" for 정, "young" for 영). */
export const KOREAN_VARIANT_SIMILARITY = 0.95;

/**
 * A Korean syllable's key across romanisations (McCune-Reischauer with or without its marks, the Revised
 * Romanisation, common spellings): "jong", "jeong", "chong" and "joung" are one syllable (정), "yong", "young" and
 * "ryong" one (영, 룡), "ri", "yi", "lee" one (이). Syllables that differ in a letter are other syllables.
 */
export function koreanSyllableKey(syllable: string): string {
  return syllable
    .replace(/^(?:p|b)ark$/, 'pak')
    .replace(/eo|ou/g, 'o')
    .replace(/eu|oo/g, 'u')
    .replace(/ee/g, 'i')
    .replace(/sh/g, 's')
    .replace(/ch/g, 'j')
    .replace(/(?<!n)g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/^[rln](?=[iy])/, '')
    .replace(/^y(?=i)/, '')
    .replace(/^r(?=[aeou])/, 'n')
    .replace(/^w(?=u)/, '')
    .replace(/(?<=[aeiou])h$/, '');
}

/**
 * How alike a syllable of a name written in Hangul (romanised here, so exact) is to a listed word: the same syllable
 * under some romanisation, or nothing. Latin typo rules do not apply: "suk" (숙) is not "su" (수), "jong" not "yong".
 */
export function koreanSyllableSimilarity(syllable: string, listed: string): number {
  if (syllable === listed) return 1;
  return koreanSyllableKey(syllable) === koreanSyllableKey(listed) ? KOREAN_VARIANT_SIMILARITY : 0;
}
