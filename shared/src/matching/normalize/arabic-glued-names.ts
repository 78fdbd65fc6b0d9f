/**
 * Arabic-script letters that never join the letter after them (alif, dal, dhal, ra, zay, waw and their Persian, Urdu and
 * Pashto kin, and ta marbuta). After one of them a missing space shows no gap on the screen, so a clerk typing
 * "ظاهر عويس" easily stores "ظاهرعويس".
 */
const NON_JOINING = new Set([...'اأإآٱدذرزوؤةۃژڈڑډړږۇۆۈۋ']);

/**
 * Name words so common that, glued after a non-joining letter to a word of three letters or more, they are two names
 * typed without a space ("محمدعلی" is Mohammad Ali, "محمدعبد" Mohammad Abd), never one word. The first set ends in a
 * non-joining letter; the second starts the word after one. Not عبد first: "عبدالله" is one compound name.
 */
const GLUED_FIRST = new Set(['محمد', 'احمد', 'أحمد', 'محمود']);
const GLUED_SECOND = new Set(['محمد', 'احمد', 'أحمد', 'علی', 'علي', 'عبد', 'عباس', 'حسن', 'حسين', 'حسین']);
/** Letters the other part must keep: shorter pieces are endings, not names ("محمدی" is Mohammadi). */
const MIN_OTHER_LETTERS = 3;
const ARABIC_WORD = /[\u0600-\u06ff]+/g;

/** Where a word may be two glued after a non-joining letter, keeping at least `minLetters` letters each side. */
export function gluedSplitPlaces(word: string, minLetters: number): number[] {
  const places: number[] = [];
  for (let p = minLetters; p <= word.length - minLetters; p++) if (NON_JOINING.has(word.charAt(p - 1))) places.push(p);
  return places;
}

/** The name with such glued words written apart. */
export function separateGluedCommonNames(text: string): string {
  return text.replace(ARABIC_WORD, (word) => {
    for (const p of gluedSplitPlaces(word, MIN_OTHER_LETTERS)) {
      const [first, second] = [word.slice(0, p), word.slice(p)];
      if (GLUED_FIRST.has(first) || GLUED_SECOND.has(second)) return `${first} ${second}`;
    }
    return word;
  });
}
