import {
  ABJAD_FULL_READING_MIN_LETTERS,
  abjadLetterCount,
  abjadNearlySpells,
  abjadSpells,
} from '../normalize/abjad-reading';
import { jaroWinkler } from './jaro-winkler';
import {
  AMBIGUOUS_LEGAL_FORMS,
  LEGAL_FORMS,
  PATRONYMIC_SPELLINGS,
  VARIANT_SPELLINGS,
} from '../normalize/name-vocabulary';
import { digitsReadAsLetters } from '../normalize/typed-digits';
import type { TokenKind } from '../normalize/normalize-name';
import { phoneticKey } from './phonetic-key';
import { givenNameVariants } from '../normalize/given-name-variants';
import { numberSpellings } from '../normalize/number-words';
import {
  FOLD_MAX_LENGTH_GAP,
  FOLD_MIN_SPELLING_SIMILARITY,
  foldedSpelling,
  isVowelCode,
  ROMANISATION_VARIANT_SIMILARITY,
  sameRomanisation,
} from './romanisation-fold';

export { foldedSpelling, ROMANISATION_VARIANT_SIMILARITY };

/** Below this Jaro-Winkler two words are different words: typos of one name score 0.85+, unrelated short names 0.5-0.75. */
export const TOKEN_SIMILARITY_FLOOR = 0.8;
/**
 * From here up Jaro-Winkler is taken as it is. Between the floor and here lie both real variants and different names
 * ("Fatima"/"Faisal" 0.82, "Dominguez"/"Rodriguez" 0.8), so that zone is scaled down to 0.6-0.9 (see SOFT_ZONE_SLOPE).
 */
export const CONFIDENT_SIMILARITY = 0.9;
/** How steeply the soft zone falls below {@link CONFIDENT_SIMILARITY}: 0.85 becomes 0.7, the floor 0.5. */
const SOFT_ZONE_SLOPE = 4;
/**
 * Words that sound alike (same phonetic key) score this, so "Mhmd" meets "Muhammad" despite few shared letters; below a
 * confident typo, since sound-alikes include different names ("Matthews"/"Meadows").
 */
export const PHONETIC_AGREEMENT_SIMILARITY = 0.85;
/** Phonetic agreement only counts above this spelling similarity: a consonant skeleton alone is too coarse ("Asif"/"Yusuf"). */
export const PHONETIC_MIN_SPELLING_SIMILARITY = 0.75;
/** An unvowelled (abjad) transliteration shares fewer letters with its vowelled spelling, so it may agree from lower. */
export const SKELETON_MIN_SPELLING_SIMILARITY = 0.7;
/** Phonetic keys shorter than this (two consonants) match too many names to count as agreement... */
export const PHONETIC_MIN_KEY_LENGTH = 3;
/** ...unless the spelling is already close ("Cony"/"Kony", "Phuad"/"Fuad"). */
export const SHORT_KEY_MIN_SPELLING_SIMILARITY = 0.8;
/**
 * A word romanised from an abjad (Arabic, Hebrew) that agrees with a listed spelling on every consonant is as close
 * as that script can come, since it never wrote the vowels: "sdam" for "Saddam", "hsin" for "Hussein".
 */
export const ABJAD_AGREEMENT_SIMILARITY = 0.95;
/** A word met as the word listings translate it to (شبكة "network", завод "plant"). */
export const TRANSLATION_SIMILARITY = ABJAD_AGREEMENT_SIMILARITY;
/** A Russian adjective of a place met as the place ("тамбовский" / "TAMBOV"): close, but not the word itself. */
export const PLACE_ADJECTIVE_SIMILARITY = 0.9;

/** How a Russian place adjective, by the place names it may be built on (NameToken.placeStems), meets a listed word. */
export function placeAdjectiveSimilarity(stems: readonly string[], listed: string): number {
  return stems.some((stem) => wordSimilarity(stem, listed) >= CONFIDENT_SIMILARITY) ? PLACE_ADJECTIVE_SIMILARITY : 0;
}
/**
 * A skeleton of one or two letters read as the listed spelling ("th" (طه) as "Taha"): a faithful reading still, but two
 * consonants fit several names ("sd" reads as "Saad", "Sad" and "Sid"), so it counts as a typo would.
 */
export const ABJAD_SHORT_AGREEMENT_SIMILARITY = 0.9;
/**
 * Even so, the spellings must share this much: low, because the listed spelling adds every short vowel and doubled
 * consonant the script leaves out ("azt" for "Izzat"), and the in-order letter check (abjadReadsAs) does the real work.
 */
export const ABJAD_MIN_SPELLING_SIMILARITY = 0.45;
/**
 * A listed spelling that reads the skeleton but for one consonant added or written as another ("SHALAH" for صلاح):
 * a weak agreement, which helps a name whose other words agree and never makes a hit alone.
 */
export const ABJAD_NEAR_READING_SIMILARITY = 0.7;
/** ...and only when the spellings already share this much, which spares the letter-by-letter search most pairs. */
export const ABJAD_NEAR_READING_MIN_SPELLING_SIMILARITY = 0.7;
/** Shortest skeleton trusted on letter order and sound alone: two letters fit too many names. */
export const ABJAD_MIN_SKELETON_LENGTH = 3;
/** Phonetic keys of words shorter than this say too little ("Don"/"Diane" both "tn"), unless the word is a bare skeleton. */
export const PHONETIC_MIN_LENGTH = 4;
/** How well an initial fits a word starting with that letter: strong, but never as good as the word itself. */
export const INITIAL_SIMILARITY = 0.9;
/**
 * A given name against its variant in another language or its hypocorism ("Bill" / "William", "Sasha" /
 * "Aleksandr"): as strong as a confident spelling, weaker than the same word, since the table joins names that many
 * people share.
 */
export const GIVEN_NAME_VARIANT_SIMILARITY = 0.9;
/**
 * Words whose lengths differ by this much are only similar when the query word is a truncation of the listed one
 * (shares its first {@link TRUNCATION_MIN_PREFIX} letters: "Abdurakhman" / "Abdurakhmanov"). Otherwise one merely sits
 * inside the other ("Putin" in "Computing", "David" in "Davidson"), which Jaro scores high but proves nothing.
 */
export const LENGTH_GAP_NEEDING_PREFIX = 3;
/**
 * Taken off the spelling similarity when the first letters differ (other than by swapping the first two): a name's
 * first letter is its most reliable, and Jaro alone scores "Kumar"/"Umar" 0.93 and "Anna"/"Banna" 0.93.
 */
export const FIRST_LETTER_PENALTY = 0.1;
/** The shared prefix that makes a much shorter query word a truncation rather than a substring. */
export const TRUNCATION_MIN_PREFIX = 3;

export type SimilarityMethod =
  'exact' | 'spelling' | 'phonetic' | 'initial' | 'translation' | 'near-reading' | 'given-name-variant' | 'none';

/** A word written without vowels, as abjad scripts (Arabic, Hebrew) romanise: only its consonants can be compared. */
function isSkeleton(word: string): boolean {
  if (word.length < 3) return false;
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (isVowelCode(c) || c === 121) return false; // or y
  }
  return true;
}

/**
 * Similarity of a query word to a listed word (0..1; 0 when they are different words). Not symmetric: only the query
 * side may be a truncation. A listed word that stands for a group of spellings ("muhammad") is measured against the
 * closest spelling of its group, so a typo of "Mohamed" is still a typo.
 * @param abjad the query word was romanised from an abjad, so it is a consonant skeleton
 */
export function wordSimilarity(query: string, listed: string, abjad = false): number {
  if (query === listed) return 1;
  if (!abjad && givenNameVariants(query, listed))
    return Math.max(GIVEN_NAME_VARIANT_SIMILARITY, spellingSimilarity(query, listed, false));
  const spellings = VARIANT_SPELLINGS.get(listed);
  if (spellings !== undefined) {
    let best = 0;
    for (const spelling of spellings) best = Math.max(best, spellingSimilarity(query, spelling, abjad));
    return best;
  }
  const direct = spellingSimilarity(query, listed, abjad);
  if (abjad) return direct;
  // A word measured against every form of the other side's patronymic only when it ends as a patronymic does: a
  // surname ("Vladimirova") a letter or two from some generated form ("Vladimirauna") is still another name part.
  const [canonical, other] = PATRONYMIC_SPELLINGS.has(listed) ? [listed, query] : [query, listed];
  const forms = PATRONYMIC_SPELLINGS.get(canonical);
  if (forms === undefined || !PATRONYMIC_END.test(other)) return direct;
  const key = `${canonical}|${other}`;
  let nearest = patronymicCache.get(key);
  if (nearest === undefined) {
    nearest = 0;
    for (const form of forms)
      if (Math.abs(form.length - other.length) <= FOLD_MAX_LENGTH_GAP)
        nearest = Math.max(nearest, spellingSimilarity(other, form, false));
    if (patronymicCache.size >= MAX_PATRONYMIC_CACHE) patronymicCache.clear();
    patronymicCache.set(key, nearest);
  }
  return Math.max(direct, nearest);
}

/** Canonical patronymic and another spelling → how close it comes to the nearest form: lists repeat their spellings. */
const patronymicCache = new Map<string, number>();
const MAX_PATRONYMIC_CACHE = 50_000;

function spellingSimilarity(query: string, listed: string, abjad: boolean): number {
  if (query === listed) return 1;
  if (surnameAndPatronymic(query, listed) || surnameAndPatronymic(listed, query)) return 0;
  const jw = jaroWinkler(query, listed);
  if (abjad) {
    const s = skeletonSimilarity(query, listed, jw);
    if (s !== undefined) return s;
  }
  if (
    jw < CONFIDENT_SIMILARITY &&
    jw >= FOLD_MIN_SPELLING_SIMILARITY &&
    !abjad &&
    Math.abs(query.length - listed.length) <= FOLD_MAX_LENGTH_GAP &&
    sameRomanisation(query, listed)
  ) {
    return ROMANISATION_VARIANT_SIMILARITY;
  }
  const skeleton = isSkeleton(query) || isSkeleton(listed);
  if (jw < (skeleton ? SKELETON_MIN_SPELLING_SIMILARITY : PHONETIC_MIN_SPELLING_SIMILARITY)) return 0;
  if (jw < PHONETIC_AGREEMENT_SIMILARITY && differOnlyInFirstLetter(query, listed))
    return PHONETIC_AGREEMENT_SIMILARITY;
  if (
    jw < PHONETIC_AGREEMENT_SIMILARITY &&
    (skeleton || Math.min(query.length, listed.length) >= PHONETIC_MIN_LENGTH)
  ) {
    const key = phoneticKey(query);
    const minKey = jw >= SHORT_KEY_MIN_SPELLING_SIMILARITY ? 2 : PHONETIC_MIN_KEY_LENGTH;
    if (key.length >= minKey && key === phoneticKey(listed)) return PHONETIC_AGREEMENT_SIMILARITY;
  }
  const gap = listed.length - query.length;
  if (
    gap <= -LENGTH_GAP_NEEDING_PREFIX ||
    (gap >= LENGTH_GAP_NEEDING_PREFIX && !sharePrefix(query, listed, TRUNCATION_MIN_PREFIX))
  )
    return 0;
  const spelling = firstLettersAgree(query, listed) ? jw : jw - FIRST_LETTER_PENALTY;
  if (spelling >= CONFIDENT_SIMILARITY) return spelling;
  if (spelling >= TOKEN_SIMILARITY_FLOOR)
    return CONFIDENT_SIMILARITY - (CONFIDENT_SIMILARITY - spelling) * SOFT_ZONE_SLOPE;
  return 0;
}

const SLAVIC_SURNAME = /(?:ov|ev)a?$/;
/** How every East Slavic patronymic ends, typos before the ending included ("Yevgenyevaich", "Sergeeuna"). */
const PATRONYMIC_END = /(?:ich|ych|itch|na)$/;
const SLAVIC_PATRONYMIC = /(?:ov|ev)(?:ich|ych|na)$/;

/**
 * Whether `surname` is the family name and `patronymic` the patronymic built on the same stem: "Ivanov" (the family)
 * and "Ivanovich" (son of Ivan) are different name parts, however alike they look, as are "Petrova" and "Petrovna".
 */
function surnameAndPatronymic(surname: string, patronymic: string): boolean {
  if (!SLAVIC_SURNAME.test(surname) || !SLAVIC_PATRONYMIC.test(patronymic)) return false;
  return patronymic.startsWith(surname.endsWith('a') ? surname.slice(0, -1) : surname);
}

/** How an abjad skeleton compares with a listed spelling, or undefined when the Latin rules decide (short skeletons). */
function skeletonSimilarity(query: string, listed: string, jw: number): number | undefined {
  // A listed spelling that is a letter-by-letter reading of the skeleton is as close as the script can come.
  if (abjadSpells(query, listed)) {
    return Math.max(
      jw,
      abjadLetterCount(query) >= ABJAD_FULL_READING_MIN_LETTERS
        ? ABJAD_AGREEMENT_SIMILARITY
        : ABJAD_SHORT_AGREEMENT_SIMILARITY,
    );
  }
  if (query.length >= ABJAD_MIN_SKELETON_LENGTH && jw >= ABJAD_MIN_SPELLING_SIMILARITY && abjadReadsAs(query, listed)) {
    const key = phoneticKey(query);
    if (key.length >= 2 && key === phoneticKey(listed)) return Math.max(jw, ABJAD_AGREEMENT_SIMILARITY);
  }
  // A skeleton no reading explains is only its listed word when nearly identical letter for letter: sound and the
  // soft zone would pair "khdir" (خضير) with "khair" and "mokhmd" with "mahamud".
  if (query.length >= ABJAD_MIN_SKELETON_LENGTH)
    return jw >= CONFIDENT_SIMILARITY && firstLettersAgree(query, listed) ? jw : 0;
  return undefined;
}

/**
 * How a word of a query in Arabic script compares with a listed spelling that reads it but for one letter
 * ({@link ABJAD_NEAR_READING_SIMILARITY}), else 0. Only the listed word as written counts, not its group's other
 * spellings, and only when scoring: retrieval never fetches such spellings, so they count in a name found through its
 * other words.
 */
export function nearReadingSimilarity(skeleton: string, listed: string): number {
  return jaroWinkler(skeleton, listed) >= ABJAD_NEAR_READING_MIN_SPELLING_SIMILARITY &&
    abjadNearlySpells(skeleton, listed)
    ? ABJAD_NEAR_READING_SIMILARITY
    : 0;
}

/** First letters that romanisations swap for one another (Catrangi/Katrangi, Vilber/Wilber, Iahya/Yahya, Chalil/Khalil). */
const FIRST_LETTER_GROUPS = ['ckqg', 'fpvw', 'aeiouy', 'ijy', 'szc', 'chk', 'jzdg', 'td', 'bp'];

/** "kil"/"gil", "tong"/"dong": the same syllable under another romanisation of its first consonant. */
function differOnlyInFirstLetter(a: string, b: string): boolean {
  return a.length === b.length && a.length >= 2 && a.slice(1) === b.slice(1) && firstLettersAgree(a, b);
}

function firstLettersAgree(a: string, b: string): boolean {
  const a0 = a.charAt(0);
  const b0 = b.charAt(0);
  if (a0 === b0 || (a0 === b.charAt(1) && b0 === a.charAt(1))) return true;
  return FIRST_LETTER_GROUPS.some((g) => g.includes(a0) && g.includes(b0));
}

/** Letters an abjad romanisation may stand for in a vowelled spelling (long vowels, emphatic and look-alike consonants). */
// prettier-ignore
const ABJAD_LETTER_CLASSES: Record<string, string> = {
  a: 'aeiou', i: 'iye', u: 'uowv', w: 'wuov', y: 'yie', q: 'qkg', k: 'kcqg', g: 'gkjq', j: 'jgzd', t: 'td', d: 'dtz',
  s: 'szct', z: 'zsdt', h: 'h', f: 'fpv', b: 'bp', p: 'pbf', v: 'vwf',
};

/**
 * Whether an abjad skeleton can be read as the listed spelling: its letters, long vowels included, appear in order in
 * the listed word. "hsin" (حسين) reads as "hussein" but not "hasan"; "mhmdi" (محمدی) not as "mohamed".
 * A leading "a" (alif or ayn) may also stand for nothing written.
 */
export function abjadReadsAs(skeleton: string, listed: string): boolean {
  let j = 0;
  for (let i = 0; i < skeleton.length; i++) {
    const ch = skeleton.charAt(i);
    const allowed = ABJAD_LETTER_CLASSES[ch] ?? ch;
    let found = false;
    while (j < listed.length) {
      if (allowed.includes(listed.charAt(j++))) {
        found = true;
        break;
      }
    }
    if (!found) {
      if (i === 0 && ch === 'a') {
        j = 0;
        continue;
      }
      return false;
    }
  }
  return true;
}

const ARTICLE = 'al';
/**
 * The article closing a compound, as listings write it: its vowel and the l, or the sun letter it turns into before the
 * next word ("ABDUR REHMAN" for عبد الرحمن, "BILADIS SUDAN" for بلاد السودان).
 */
const ARTICLE_ENDING = /^[aeiou](?:l|t|th|d|dh|r|z|s|sh|n)$/;

/**
 * Similarity of two adjacent query words against one listed word ("sense time" / "SENSETIME"), given the words run
 * together in canonical form (`joined`), which the callers already hold. For a query in Arabic script each word is read
 * on its own against a part of the listed word, since each keeps its own ending ("wla allah" (ولى الله) / "WALIULLAH":
 * the ى ends "wali"); failing that, the two skeletons as written are read as one.
 */
export function joinedQuerySimilarity(
  left: string,
  right: string,
  joined: string,
  listed: string,
  floor: number,
  abjad = false,
): number {
  if (!abjad) return joinedSimilarity(joined, listed, floor);
  for (let p = 1; p < listed.length; p++) {
    const rest = listed.slice(p);
    const restReads = right === ARTICLE ? ARTICLE_ENDING.test(rest) : abjadSpells(right, rest);
    if (restReads && abjadSpells(left, listed.slice(0, p)))
      return Math.max(jaroWinkler(left + right, listed), ABJAD_AGREEMENT_SIMILARITY);
  }
  return joinedSimilarity(left + right, listed, floor, true);
}

/**
 * Similarity of two adjacent tokens written as one word against one word: spelling only, near identity required;
 * for an abjad query (whose words are skeletons) the abjad reading applies instead.
 */
export function joinedSimilarity(query: string, listed: string, floor: number, abjad = false): number {
  if (query === listed) return 1;
  // Joining words is a strong claim: for a skeleton only a letter-by-letter reading makes it, not a mere likeness.
  if (abjad) return abjadSpells(query, listed) ? Math.max(jaroWinkler(query, listed), ABJAD_AGREEMENT_SIMILARITY) : 0;
  const jw = jaroWinkler(query, listed);
  return jw >= floor ? jw : 0;
}

/**
 * How alike a query token is to a listed token (0..1), by kind: numbers must be identical, a legal form aligns only
 * with the same legal form (or the same word), particles with particles, an initial fits any word with its letter,
 * words compare by spelling and sound.
 */
export function tokenSimilarity(
  qText: string,
  qKind: TokenKind,
  cText: string,
  cKind: TokenKind,
  abjad = false,
): number {
  if (qKind === 'word' && cKind === 'word') return wordSimilarity(qText, cText, abjad);
  // "IYAD AG GHALI": a legal form that is also a name part may be the name part an Arabic-script word reads as.
  if (abjad && qKind === 'word' && cKind === 'legal' && AMBIGUOUS_LEGAL_FORMS.has(cText))
    return wordSimilarity(qText, cText, true);
  if (qKind === 'initial' || cKind === 'initial') {
    if (qKind === 'initial' && cKind === 'initial') return qText === cText ? 1 : 0;
    const word = qKind === 'initial' ? cText : qText;
    const letter = qKind === 'initial' ? qText : cText;
    const otherKind = qKind === 'initial' ? cKind : qKind;
    return otherKind === 'word' && word.charAt(0) === letter ? INITIAL_SIMILARITY : 0;
  }
  if (qKind === 'word' && cKind === 'number') return misspeltNumberSimilarity(qText, cText);
  if (qKind === 'number' && cKind === 'word') return misspeltNumberSimilarity(cText, qText);
  if (qKind === 'number' && cKind === 'particle') return typedDigitsSimilarity(qText, cText);
  if (qText !== cText) return legalFormReadAsWord(qText, qKind, cText, cKind) ? 1 : 0;
  // "SA", "CO" read as a name part on one side and as a legal form on the other are still the same token.
  return qKind === cKind || (qKind !== 'number' && cKind !== 'number' && qKind !== 'particle' && cKind !== 'particle')
    ? 1
    : 0;
}

/**
 * A word that is a number word misspelt ("FVIE") against the number the other side's word was read as ("Five" → 5):
 * scored as the word against the number's spellings, so the typo costs what a typo costs. A correctly spelt number
 * word was read as its number and never gets here.
 */
function misspeltNumberSimilarity(word: string, digits: string): number {
  const typed = typedDigitsSimilarity(digits, word);
  if (typed > 0) return typed;
  let best = 0;
  for (const spelling of numberSpellings(digits)) best = Math.max(best, wordSimilarity(word, spelling));
  return best;
}

/** A number token that spells a word with digits typed for letters ("Y3" / "YE", "5ik" / "sik"): less sure than a word. */
export const TYPED_DIGITS_SIMILARITY = 0.9;

function typedDigitsSimilarity(number: string, word: string): number {
  return digitsReadAsLetters(number) === word ? TYPED_DIGITS_SIMILARITY : 0;
}

/**
 * An ambiguous legal form read as a name word on one side ("AO" opening a name) against the legal form it stands for
 * on the other ("AKTSIONERNOE OBSHCHESTVO", read "jsc"): the same legal form.
 */
function legalFormReadAsWord(qText: string, qKind: TokenKind, cText: string, cKind: TokenKind): boolean {
  if (qKind === 'word' && cKind === 'legal')
    return AMBIGUOUS_LEGAL_FORMS.has(qText) && LEGAL_FORMS.get(qText) === cText;
  if (qKind === 'legal' && cKind === 'word')
    return AMBIGUOUS_LEGAL_FORMS.has(cText) && LEGAL_FORMS.get(cText) === qText;
  return false;
}

/** How a query word meets a listed word through the translations the tokenizer found for it (NameToken.translations). */
export function translationSimilarity(translations: readonly string[] | undefined, listed: string): number {
  return translations?.includes(listed) === true ? TRANSLATION_SIMILARITY : 0;
}

/** Which rule produced a similarity, for the explanation. */
export function similarityMethod(
  qText: string,
  qKind: TokenKind,
  cText: string,
  cKind: TokenKind,
  abjad = false,
): SimilarityMethod {
  const s = tokenSimilarity(qText, qKind, cText, cKind, abjad);
  if (s === 0)
    return abjad && qKind === 'word' && cKind === 'word' && nearReadingSimilarity(qText, cText) > 0
      ? 'near-reading'
      : 'none';
  if (s === 1) return 'exact';
  if (qKind === 'initial' || cKind === 'initial') return 'initial';
  if (
    !abjad &&
    qKind === 'word' &&
    cKind === 'word' &&
    givenNameVariants(qText, cText) &&
    jaroWinkler(qText, cText) < s
  )
    return 'given-name-variant';
  return (s === PHONETIC_AGREEMENT_SIMILARITY || s === ABJAD_AGREEMENT_SIMILARITY) && jaroWinkler(qText, cText) < s
    ? 'phonetic'
    : 'spelling';
}

function sharePrefix(a: string, b: string, length: number): boolean {
  if (a.length < length || b.length < length) return false;
  for (let i = 0; i < length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}
