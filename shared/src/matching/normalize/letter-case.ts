import { LEGAL_FORMS } from './name-vocabulary';

/**
 * Case inside a word: a lower-to-upper change is a lost space ("MohamedSALMAN", "AbdulRahman"), except in a legal form
 * written in mixed case ("GmbH", "SpA") and in a word typed in random case ("mOhAmMeD", "ХаССАн"), whose case carries
 * nothing: random case must not change a reading.
 */
const LETTER_RUN = /\p{L}+/gu;
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/u;
const ASCII_CASE_BOUNDARY_TEST = /[a-z][A-Z]/;
const CASE_BOUNDARY_TEST = /\p{Ll}\p{Lu}/u;
/** A word that opens a glued name: capitalised ("Abdul", "Mc") or all capitals; "sMOOTH" is random case. */
const FIRST_PART = /^(?:\p{Lu}\p{Ll}+|\p{Lu}+)$/u;
/** A word glued after it: capitalised or all capitals, three letters or more ("Rahman", "SALMAN"). */
const LATER_PART = /^(?:\p{Lu}\p{Ll}{2,}|\p{Lu}{3,})$/u;

/** A word whose case changes read as glued words (capitalised parts), not as random case. */
function gluedParts(parts: readonly string[]): boolean {
  return FIRST_PART.test(parts[0] as string) && parts.slice(1).every((p) => LATER_PART.test(p));
}

/**
 * The text with each lower-to-upper case change inside a word read as a space. A legal form in mixed case stays one
 * word; and when any word's case is random, so is the name's ("HaSsan mOhAmMeD"): no case change is read as a space.
 */
export function splitCaseBoundaries(raw: string, ascii: boolean): string {
  if (!(ascii ? ASCII_CASE_BOUNDARY_TEST : CASE_BOUNDARY_TEST).test(raw)) return raw;
  let random = false;
  const split = raw.replace(LETTER_RUN, (word) => {
    const parts = word.split(CASE_BOUNDARY);
    if (parts.length === 1) return word;
    const lower = word.toLowerCase();
    if (LEGAL_FORMS.has(lower)) return lower;
    if (!gluedParts(parts)) random = true;
    return parts.join(' ');
  });
  return random
    ? raw.replace(LETTER_RUN, (word) => (CASE_BOUNDARY_TEST.test(word) ? word.toLowerCase() : word))
    : split;
}

/**
 * A word of capitals then one capitalised word ("HKLimited", "OOOGazprom"), the whole word so (random case, "SALmaN",
 * has more changes); the ASCII test rules out most names first.
 */
const CAPITALS_BEFORE_WORD_TEST = /[A-Z][A-Z][a-z]/;
const CAPITALS_BEFORE_WORD = /(?<!\p{L})(\p{Lu}+)(\p{Lu}\p{Ll}{2,})(?!\p{L})/gu;

/**
 * The text with a run of capitals and a capitalised word glued after it read as two words where one is a legal form
 * ("HKLimited" is "HK Limited", "OOOGazprom" "OOO Gazprom"): no lower-to-upper change marks that lost space. Other
 * such runs are left, as random case or names spelt so ("MACDonald") make them too.
 */
export function splitCapitalsFromLegalForm(raw: string): string {
  if (!CAPITALS_BEFORE_WORD_TEST.test(raw)) return raw;
  return raw.replace(CAPITALS_BEFORE_WORD, (glued, capitals: string, word: string) =>
    LEGAL_FORMS.has(word.toLowerCase()) || LEGAL_FORMS.has(capitals.toLowerCase()) ? `${capitals} ${word}` : glued,
  );
}
