/**
 * Digits typed for the letters they look like, inside a word of letters ("M0HAMMED", "HA55AN"; not "1BRAHIM": a
 * word-initial digit may be a number): 0 is O, 1 is I, 3 is E, 5 is S. Only digits with letters on both sides, or one
 * digit closing a word of three letters or more ("TRUJILL0"), so numbers ("MIG29", "21ST", "A1", "3M") keep theirs.
 */
const DIGIT_LETTERS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '5': 's' };
const WORD_WITH_DIGITS = /[\p{L}\p{N}]*\p{L}[0135]+(?:\p{L}[\p{L}\p{N}]*|(?![\p{L}\p{N}]))/gu;
const DIGITS_BETWEEN_LETTERS = /(?<=(\p{L}))(?:[0135]+(?=\p{L})|[0135]$)/gu;
const MIN_LETTERS = 3;
/** A digit opening or closing the word, or one that looks like no letter: the word holds a number. */
const NUMBER_INSIDE = /^\p{N}|\p{N}{2}$|[246789]/u;

/** The text with digits typed for letters read as those letters, in the case of the letter before them. */
export function readDigitsTypedForLetters(text: string): string {
  return text.replace(WORD_WITH_DIGITS, (word) => {
    if ((word.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS || NUMBER_INSIDE.test(word)) return word;
    return word.replace(DIGITS_BETWEEN_LETTERS, (digits, before: string) => {
      const letters = Array.from(digits, (d) => DIGIT_LETTERS[d] ?? d).join('');
      return before === before.toLowerCase() ? letters : letters.toUpperCase();
    });
  });
}
