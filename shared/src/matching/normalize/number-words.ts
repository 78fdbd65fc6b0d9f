/**
 * Numbers written as words or ordinals, read as the digits they stand for, so that "Fund Seven" meets "Fund 7",
 * "Second" meets "2nd" and "Twenty-One" (or "Twenty One", "Forty 4") meets "21". English, the language of the lists'
 * romanised names. Runs of number words combine as a number is spoken: tens then units, hundreds, thousands.
 */

// prettier-ignore
const UNITS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19],
]);

// prettier-ignore
const TENS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fourty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70],
  ['eighty', 80], ['ninety', 90],
  ['twentieth', 20], ['thirtieth', 30], ['fortieth', 40], ['fiftieth', 50], ['sixtieth', 60], ['seventieth', 70],
  ['eightieth', 80], ['ninetieth', 90],
]);

const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['hundredth', 100],
  ['thousand', 1000],
  ['thousandth', 1000],
]);

/** A digit ordinal: "1st", "2nd", "23rd", "4th". */
const DIGIT_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
const DIGITS = /^\d+$/;

/** Whether a word could start or continue a spoken number. */
function isNumberWord(word: string): boolean {
  return UNITS.has(word) || TENS.has(word) || SCALES.has(word);
}

/**
 * The words with every run of number words (and a digit right after a tens word: "Forty 4") replaced by its digits,
 * and digit ordinals by their number. "one" alone stays a word when it is the whole name (a name, not a count).
 */
export function readNumberWords(words: readonly string[]): string[] {
  if (!words.some((w) => isNumberWord(w) || DIGIT_ORDINAL.test(w))) return [...words];
  if (words.length === 1) return [...words];
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const ordinal = DIGIT_ORDINAL.exec(word);
    if (ordinal !== null) {
      out.push(String(Number(ordinal[1])));
      continue;
    }
    if (!isNumberWord(word) || SCALES.has(word)) {
      out.push(word);
      continue;
    }
    let total = 0;
    let current = 0;
    let j = i;
    let lastWasTens = false;
    for (; j < words.length; j++) {
      const w = words[j] as string;
      const unit = UNITS.get(w);
      const tens = TENS.get(w);
      const scale = SCALES.get(w);
      if (tens !== undefined && current % 100 === 0) {
        current += tens;
        lastWasTens = true;
      } else if (unit !== undefined && (current % 100 === 0 || (lastWasTens && unit < 10))) {
        current += unit;
        lastWasTens = false;
      } else if (lastWasTens && DIGITS.test(w) && w.length === 1 && w !== '0') {
        current += Number(w);
        lastWasTens = false;
      } else if (scale !== undefined && current > 0) {
        if (scale === 100) current *= 100;
        else {
          total += current * scale;
          current = 0;
        }
        lastWasTens = false;
      } else break;
    }
    out.push(String(total + current));
    i = j - 1;
  }
  return out;
}

/** Each number a single number word stands for, with its words ("5": "five", "fifth"). */
const SPELLINGS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [word, n] of [...UNITS, ...TENS]) out.set(String(n), [...(out.get(String(n)) ?? []), word]);
  return out;
})();

/**
 * The words a number is written as when it is one word ("5": "five", "fifth"), so that a misspelt number word
 * ("FVIE"), which is not read as a number, can still meet the number the listed word was read as.
 */
export function numberSpellings(digits: string): readonly string[] {
  return SPELLINGS.get(digits) ?? [];
}
