/**
 * Digits typed for the letters they look like, inside a word of letters ("M0HAMMED", "HA55AN", "K1L", "F0R"; not
 * "1BRAHIM": a word-initial digit may be a number): 0 is O, 1 is I, 3 is E, 5 is S. Only digits with letters on both
 * sides (a letter, digit, letter word is no number), or one digit closing a word of two letters or more ("TRUJILL0",
 * "OO0", "FZ3"), so numbers ("MIG29", "21ST", "A1", "3M") keep theirs. The list is read the same way, so a listed "IT1"
 * still meets "IT1".
 */
const DIGIT_LETTERS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '5': 's' };
const WORD_WITH_DIGITS = /[\p{L}\p{N}]*\p{L}[0135]+(?:\p{L}[\p{L}\p{N}]*|(?![\p{L}\p{N}]))/gu;
const DIGITS_BETWEEN_LETTERS = /(?<=(\p{L}))(?:[0135]+(?=\p{L})|[0135]$)/gu;
/** Letters before a digit closing the word: "A1" is a number, "OO0" a typed "OOO". */
const MIN_LETTERS = 2;
/** A digit opening or closing the word, or one that looks like no letter: the word holds a number. */
const NUMBER_INSIDE = /^\p{N}|\p{N}{2}$|[246789]/u;

/** A dotted abbreviation with a digit typed among its letters ("D.0.O."): two letters at least, so "1.2.3." stays. */
const DOTTED_RUN_WITH_DIGITS = /(?<![\p{L}\p{N}])(?:[\p{L}0135]\.){2,}/gu;
const DOTTED_MIN_LETTERS = 2;

/** The text with digits typed for letters read as those letters, in the case of the letter before them. */
export function readDigitsTypedForLetters(text: string): string {
  const dotted = text.replace(DOTTED_RUN_WITH_DIGITS, (run) =>
    (run.match(/\p{L}/gu)?.length ?? 0) >= DOTTED_MIN_LETTERS
      ? run.replace(/[0135]/g, (d) => DIGIT_LETTERS[d] ?? d)
      : run,
  );
  return dotted.replace(WORD_WITH_DIGITS, (word) => {
    if ((word.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS || NUMBER_INSIDE.test(word)) return word;
    return word.replace(DIGITS_BETWEEN_LETTERS, (digits, before: string) => {
      const letters = Array.from(digits, (d) => DIGIT_LETTERS[d] ?? d).join('');
      return before === before.toLowerCase() ? letters : letters.toUpperCase();
    });
  });
}

/** A number token of letters and look-alike digits only, with a letter: it may be a word typed so ("Y3", "5IK"). */
const LETTERS_AND_LOOK_ALIKE_DIGITS = /^(?=.*\p{L})[\p{L}0135]+$/u;

/**
 * The word a number token reads as with its digits taken for letters ("y3" → "ye", "5ik" → "sik"), or undefined when
 * it holds a digit no letter looks like or no letter at all. The tokenizer keeps such tokens numbers ("A1", "3M" are
 * codes); matching lets one meet the listed word it spells, less surely than the word itself.
 */
export function digitsReadAsLetters(token: string): string | undefined {
  if (!LETTERS_AND_LOOK_ALIKE_DIGITS.test(token)) return undefined;
  return token.replace(/[0135]/g, (d) => DIGIT_LETTERS[d] ?? d);
}
