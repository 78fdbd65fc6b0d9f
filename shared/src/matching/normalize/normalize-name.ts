import { readsAsKoreanName } from './hangul-reading';
import { separateGluedCommonNames } from './arabic-glued-names';
import { ABJAD_ORGANISATION_WORDS } from './organisation-words';
import { RUSSIAN_ORGANISATION_WORDS } from './russian-organisation-words';
import { CHINESE_WORD_READINGS, CYRILLIC_LETTER, transliterate } from './transliterate';
import { readNumberWords } from './number-words';
import { COMPANY_WORD_ABBREVIATIONS, COMPANY_WORD_OTHER_FORMS } from './company-words';
import { splitCapitalsFromLegalForm, splitCaseBoundaries } from './letter-case';
import { gluedLegalFormPossible, splitGluedLegalForm } from './glued-legal-forms';
import { readDigitsTypedForLetters } from './typed-digits';
import { replaceLegalPhrases } from './legal-phrases';
import { withinEdits } from './within-edits';
import {
  ABJAD_HONORIFICS,
  ABJAD_PARTICLES,
  AMBIGUOUS_LEGAL_FORMS,
  HONORIFICS,
  LEGAL_FORMS,
  LEGAL_FORM_PHRASES,
  LONG_LEGAL_WORDS,
  LONG_LEGAL_WORD_SET,
  TRUNCATABLE_LEGAL_WORDS,
  PARTICLES,
  PERSON_TITLES,
  SPELLING_VARIANTS,
} from './name-vocabulary';

/**
 * What a token is, which decides how it may align and how much it weighs:
 * word (a name part), number (must agree exactly), legal (a legal form such as LTD; never carries a match),
 * particle (al, bin, van, jr: aligns but weighs little), initial (a single letter standing for a name part).
 */
export type TokenKind = 'word' | 'number' | 'legal' | 'particle' | 'initial';

export interface NameToken {
  /** The canonical form compared and indexed: variants and legal forms rewritten ("mohammed" → "muhammad", "limited" → "ltd"). */
  text: string;
  /** The token as the name spelled it, after case folding and transliteration; used in explanations. */
  surface: string;
  kind: TokenKind;
  /**
   * For an organisation word of a name written in Arabic script, Cyrillic or Han, the English words listings translate
   * it to ("shbkh" (شبكة) → "network", "zavod" (завод) → "plant", "keji" (科技) → "technology"): read beside the word
   * itself, which listings also keep transliterated.
   */
  translations?: readonly string[];
  /**
   * For a Russian adjective of a place written in Cyrillic ("тамбовский", "омский"), the place names it is built on
   * ("tambovsk" and "tambov", "omsk" and "om"): listings write "TAMBOV POWDER PLANT", "OMSK ... INSTITUTE".
   */
  placeStems?: readonly string[];
}

/** The canonical spelling of a word (its variant group's first spelling), or the word. */
export function canonicalWord(word: string): string {
  return SPELLING_VARIANTS.get(word) ?? word;
}

/** What tokenising dropped or inferred, for explanations and the entity-type rule. */
export interface TokenizedName {
  tokens: NameToken[];
  /** Titles and honorifics removed ("dr", "sheikh"). */
  dropped: string[];
  /** True when the name carries an unambiguous legal form, so it names an organisation. */
  hasLegalForm: boolean;
  /** True when the name was written in an abjad (Arabic, Hebrew): its words are consonant skeletons. */
  abjad: boolean;
  /**
   * Pairs of token positions that must meet a listed name in the same order: the two syllables of a Korean given name
   * written in Hangul (a word of the name, romanised syllable by syllable), since reversed they are another name.
   */
  orderedPairs: [number, number][];
  /** True when every word of the name is written in Hangul: its tokens are exact Korean syllables. */
  hangul: boolean;
  /**
   * True when every word of the name is written in Han characters: its tokens are exact Mandarin syllables, which meet
   * a listed word only as themselves or, two together, as a listed word written whole ("guang zong" / "GUANGZONG").
   */
  han: boolean;
}

/** Hebrew and Arabic letters: a name written in them is an abjad's, its words consonant skeletons. */
export const ABJAD_SCRIPT = /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f]/;
/** A Russian adjective in -ск- ("тамбовский", "омская", "арзамасского"), romanised: the stem before "sk". */
const PLACE_ADJECTIVE = /^(.{2,}?)sk(?:iy|ii|ij|yy|aya|oe|oye|ogo|oy|oi|ikh|ie|iye|ye|om|uyu)$/;
/** Shorter place stems ("om") fit too many words. */
const PLACE_STEM_MIN_LENGTH = 4;

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ə: 'e',
};
const SPECIAL_LETTER_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
/** Combining marks of Latin, Greek, Cyrillic and Hebrew: diacritics carry no identity in a romanised name. */
const COMBINING_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7]/g;
/** Apostrophes, ayn/hamza signs and the "?" left where an encoding lost one ("Mus?ab"): removed, not word breaks. */
const INWORD_MARKS = /(?<=[\p{L}\p{N}])['’‘`´ʼʻʿʾ′?]+(?=[\p{L}\p{N}])|['’‘`´ʼʻʿʾ′]/gu;
/** "S.A.", "L.L.C.", "U.S.A.": dotted single letters are one abbreviation, not a run of initials. */
const DOTTED_ABBREVIATION = /(?<![\p{L}\p{N}])(?:\p{L}\.){2,}(?=(\p{L}{2})?)/gu;
const DOTTED_FORM_GLUED_AFTER_WORD = /(?<![\p{L}\p{N}])(\p{L}{2,})(\p{L})\.(\p{L})\.(?![\p{L}\p{N}])/gu;
/**
 * Where a number of two digits or more follows a word of three letters or more ("VABO2012"), or a word of three letters
 * or more follows a number ("D2IMAGINEERING"), in one token: a lost space. One closing digit ("RI2", "LLCF2") is a code.
 */
const NUMBER_WORD_BOUNDARY = /(?<=\p{L}{3})(?=\p{N}{2})|(?<=\p{N})(?=\p{L}{3})/u;

function splitNumberFromWord(word: string): string[] {
  return NUMBER_WORD_BOUNDARY.test(word) ? word.split(NUMBER_WORD_BOUNDARY) : [word];
}
const TOKEN_BREAK = /[^\p{L}\p{N}]+/u;
/** Lower-case ASCII letters, digits, spaces, commas and hyphens: no marks, abbreviations or ampersands to handle. */
const PLAIN_ASCII_NAME = /^[a-z0-9 ,-]*$/;
const ASCII_TOKEN_BREAK = /[ ,-]+/;
const NON_ASCII = /[^\x00-\x7f]/;
const HAS_DIGIT = /\p{N}/u;
const SINGLE_LATIN_LETTER = /^[a-z]$/;

/** Case folds, transliterates, strips diacritics and punctuation noise; returns the raw word list. */
function cleanWords(raw: string): string[] {
  // "MohamedSALMAN": a lower-to-upper case change inside a word is a lost space (merges are re-checked when matching).
  // Plain ASCII (most names) has nothing to compose, transliterate or strip, and its case change needs no Unicode classes.
  const ascii = !NON_ASCII.test(raw);
  let text = splitCaseBoundaries(splitCapitalsFromLegalForm(raw), ascii);
  // An apostrophe beside a digit typed for a letter ("S0'NG", "MINA'1") is as transparent as beside a letter.
  const digits = HAS_DIGIT.test(text);
  if (digits) text = readDigitsTypedForLetters(text.replace(INWORD_MARKS, ''));
  if (!ascii) {
    text = splitCaseBoundaries(text.normalize('NFKC'), false).toLowerCase();
    if (ABJAD_SCRIPT.test(text)) text = separateGluedCommonNames(text);
    text = transliterate(text);
    text = text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
    text = text.replace(SPECIAL_LETTER_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch);
  } else {
    text = text.toLowerCase();
    // Most names are plain letters and spaces: nothing below applies, and the Unicode-aware split is the slow part.
    if (PLAIN_ASCII_NAME.test(text)) {
      const words = text.split(ASCII_TOKEN_BREAK).filter((w) => w.length > 0);
      return digits ? words.flatMap(splitNumberFromWord) : words;
    }
  }
  text = text.replace(INWORD_MARKS, '');
  // "U.K.Limited", "S.A.L.OFFSHORE": a word glued after the abbreviation's last dot is a word of its own.
  text = text.replace(DOTTED_ABBREVIATION, (abbr, glued?: string) => abbr.replace(/\./g, '') + (glued ? ' ' : ''));
  // "DEC.V.": a dotted legal form whose first letter is glued to the word before it ("DE C.V.").
  text = text.replace(DOTTED_FORM_GLUED_AFTER_WORD, (glued, word: string, a: string, b: string) =>
    LEGAL_FORMS.has(a + b) ? `${word} ${a}${b}` : glued,
  );
  text = text.replace(/&/g, ' and ');
  const words = text.split(TOKEN_BREAK).filter((w) => w.length > 0);
  return digits ? words.flatMap(splitNumberFromWord) : words;
}

/**
 * A word one edit (insertion, deletion, substitution or swap of neighbours) from a long legal-form word, with the same
 * first letter, is that word misspelt: "limitd", "lmited", "comany", "stokk", "jnoint".
 */
const LEGAL_TYPO_EDITS = 1;
/** Shortest word checked for a legal-form typo or truncation: shorter ones collide with real names. */
const LEGAL_REPAIR_MIN_LENGTH = 5;
/** Shortest cut-off last word completed to a legal form ("COMP", "LIMI"): at the very end of a name that is what they are. */
const TRUNCATED_LEGAL_MIN_LENGTH = 4;
/** Repairs are memoised per word; the cache is dropped when it grows past this (a list has a few hundred thousand words). */
const LEGAL_REPAIR_CACHE_LIMIT = 500_000;
const legalRepairCache = new Map<string, string>();
const LONGEST_LEGAL_WORD = Math.max(...LONG_LEGAL_WORDS.map((w) => w.length));
/** Words rejoined when split in two: the long legal-form words and those of multi-word forms ("RASP UNDERE"). */
const SPLIT_LEGAL_WORD_MIN_LENGTH = 6;
const SPLIT_LEGAL_WORDS: ReadonlySet<string> = new Set([
  ...LONG_LEGAL_WORD_SET,
  ...LEGAL_FORM_PHRASES.flatMap(([words]) => words).filter(
    (w) => w.length >= SPLIT_LEGAL_WORD_MIN_LENGTH && w.length <= LONGEST_LEGAL_WORD,
  ),
]);
const LEGAL_WORD_INITIALS: ReadonlySet<number> = new Set(LONG_LEGAL_WORDS.map((w) => w.charCodeAt(0)));

/** The legal-form word a misspelt word stands for, or the word itself. */
function repairLegalTypo(word: string): string {
  // A repair keeps the first letter and the length within an edit: most words are ruled out before any look-up.
  if (
    word.length < LEGAL_REPAIR_MIN_LENGTH ||
    word.length > LONGEST_LEGAL_WORD + LEGAL_TYPO_EDITS ||
    !LEGAL_WORD_INITIALS.has(word.charCodeAt(0))
  )
    return word;
  if (LEGAL_FORMS.has(word) || /\d/.test(word)) return word;
  let repaired = legalRepairCache.get(word);
  if (repaired === undefined) {
    repaired = word;
    for (const legal of LONG_LEGAL_WORDS) {
      if (
        Math.abs(legal.length - word.length) <= LEGAL_TYPO_EDITS &&
        legal.charCodeAt(0) === word.charCodeAt(0) &&
        withinEdits(word, legal, LEGAL_TYPO_EDITS)
      ) {
        repaired = legal;
        break;
      }
    }
    if (legalRepairCache.size >= LEGAL_REPAIR_CACHE_LIMIT) legalRepairCache.clear();
    legalRepairCache.set(word, repaired);
  }
  return repaired;
}

/**
 * Repairs legal forms broken by careless spacing: split ones rejoined ("COM PANY", "HOL DING"), glued ones split off
 * ("TRADINGLLC", "LINESLIMITED", "OOOMAKRO", "LIMITEDLIABILITY").
 */
function repairLegalSpacing(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    if (
      next !== undefined &&
      word.length + next.length <= LONGEST_LEGAL_WORD &&
      !LEGAL_FORMS.has(word) &&
      !LEGAL_FORMS.has(next) &&
      SPLIT_LEGAL_WORDS.has(word + next)
    ) {
      out.push(word + next);
      i++;
      continue;
    }
    if (gluedLegalFormPossible(word)) out.push(...splitGluedLegalForm(word));
    else out.push(word);
  }
  return out;
}

/** The last word may be cut off by a fixed-width field ("... TRADING COMPAN"): complete it when it starts a legal-form word. */
function repairTruncatedLegalForm(word: string): string {
  if (word.length < TRUNCATED_LEGAL_MIN_LENGTH || LEGAL_FORMS.has(word)) return word;
  return TRUNCATABLE_LEGAL_WORDS.find((legal) => legal.length > word.length && legal.startsWith(word)) ?? word;
}

/**
 * Splits a name into classified, canonical tokens. Order is kept (split/concatenation checks use adjacency) but the
 * matcher itself is order-insensitive, which is how "SURNAME, Given" meets "Given Surname".
 */
export function tokenizeName(raw: string): TokenizedName {
  const cleaned = repairLegalSpacing(cleanWords(raw)).map(repairLegalTypo);
  if (cleaned.length > 1) cleaned[cleaned.length - 1] = repairTruncatedLegalForm(cleaned[cleaned.length - 1] as string);
  const words = readNumberWords(replaceLegalPhrases(cleaned));
  const hasLegalForm = words.some((w) => LEGAL_FORMS.has(w) && !AMBIGUOUS_LEGAL_FORMS.has(w));
  const legalFormCount = words.filter((w) => LEGAL_FORMS.has(w)).length;
  // Titles are dropped wherever they stand ("Yusuf Ahmed Hajji"), ranks only in front, and never the whole name.
  const abjad = ABJAD_SCRIPT.test(raw);
  // "АО", "ТОО" written in Cyrillic are legal forms wherever they stand: the ambiguity is with Latin name syllables.
  const cyrillic = CYRILLIC_LETTER.test(raw);
  // Every word in Han characters: its words are pinyin syllables (or organisation words run together).
  const han = HAN.test(raw) && raw.split(/[^\p{L}]+/u).every((w) => w === '' || HAN_WORD.test(w));
  // A name in Arabic script is read for its own script's titles only: a skeleton may spell a Latin title's letters
  // ("adm" is آدم, Adam; "dr" is در), as Latin words the titles' own spellings would be something else.
  const isTitle = (word: string, i: number): boolean =>
    abjad
      ? ABJAD_HONORIFICS.has(word)
      : HONORIFICS.has(word) ||
        (!hasLegalForm &&
          PERSON_TITLES.has(word) &&
          words.slice(0, i).every((w) => PERSON_TITLES.has(w) || HONORIFICS.has(w)));
  const titles = words.map(isTitle);
  const keepAll = titles.every(Boolean);
  const tokens: NameToken[] = [];
  const dropped: string[] = [];
  words.forEach((word, i) => {
    if (titles[i] && !keepAll) dropped.push(word);
    else if (isAssimilatedArticle(word, words[i + 1])) tokens.push({ text: 'al', surface: word, kind: 'particle' });
    else tokens.push(classify(word, i > 0 || legalFormCount > 1 || cyrillic, abjad, han));
  });
  const translate = abjad
    ? arabicTranslations
    : cyrillic
      ? russianTranslations
      : HAN.test(raw)
        ? chineseTranslations
        : undefined;
  if (translate !== undefined) {
    for (const t of tokens) {
      const english = t.kind === 'word' ? translate(t) : undefined;
      // A legal-form word is read as the listing's legal form, its abbreviation ("частная" is "private", listed "PVT").
      // Listings write "SETTLEMENTS BANK" as readily as "SETTLEMENT": a word meets its plural or singular too.
      if (english !== undefined)
        t.translations = [...new Set(english.flatMap((e) => LEGAL_FORMS.get(e) ?? [e, otherNumber(e)]))];
    }
  }
  if (cyrillic) {
    // In an organisation's name an adjective in -ский names a place; in a person's it is a surname ("Петровский").
    // There "и" is "and", not an initial.
    const organisation = hasLegalForm || tokens.some((t) => t.translations !== undefined || t.kind === 'legal');
    for (const t of organisation ? tokens : []) {
      if (t.kind === 'initial' && t.surface === 'i') Object.assign(t, { text: 'and', kind: 'particle' });
      const place = t.kind === 'word' && t.translations === undefined ? PLACE_ADJECTIVE.exec(t.surface) : null;
      if (place !== null)
        t.placeStems = [`${place[1] as string}sk`, place[1] as string].filter(
          (stem) => stem.length >= PLACE_STEM_MIN_LENGTH,
        );
    }
  }
  // A foreign name in Hangul is read a word a word (hangul-reading.ts): its tokens are not syllables.
  const syllabic = HANGUL.test(raw) && readsAsKoreanName(raw) ? hangulWords(raw) : undefined;
  return {
    tokens,
    dropped,
    hasLegalForm,
    abjad,
    orderedPairs: syllabic ? givenNameSyllablePairs(syllabic, tokens.length) : [],
    hangul: syllabic !== undefined,
    han,
  };
}

/**
 * An English noun's plural, or a plural's singular: "settlement" / "settlements", "technology" / "technologies". A
 * short word or one in -ss that ends in s ("gas", "press") is left as it is.
 */
function otherNumber(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s')) return word.length > SHORTEST_PLURAL && !word.endsWith('ss') ? word.slice(0, -1) : word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}
const SHORTEST_PLURAL = 4;

/** The English words listings translate an organisation word to, by the script its name is written in. */
function arabicTranslations(t: NameToken): readonly string[] | undefined {
  return ABJAD_ORGANISATION_WORDS.get(t.text);
}

function russianTranslations(t: NameToken): readonly string[] | undefined {
  const english = RUSSIAN_ORGANISATION_WORDS.get(t.surface);
  return english === undefined ? undefined : [english];
}

function chineseTranslations(t: NameToken): readonly string[] | undefined {
  const english = CHINESE_WORD_READINGS.get(t.surface);
  return english === undefined || english.startsWith(LEGAL_MARK) ? undefined : [english];
}

/** The Arabic article written as it sounds before a sun letter: "AT-TAWHID", "ASH-SHAM", "ар-Рахман" (ar-rakhman). */
const ASSIMILATED_ARTICLE = /^a(t|th|d|dh|r|z|s|sh|n)$/;

/**
 * Whether `word` is the article assimilated to the next word's first consonant ("ad" before "dawla"). Not before "ng",
 * which starts no Arabic word but many Vietnamese ones ("An Nguyen").
 */
function isAssimilatedArticle(word: string, next: string | undefined): boolean {
  const m = ASSIMILATED_ARTICLE.exec(word);
  return (
    m !== null &&
    next !== undefined &&
    next.length > (m[1] as string).length + 1 &&
    next.startsWith(m[1] as string) &&
    !next.startsWith('ng')
  );
}

const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
/** Marks a Chinese organisation word that is a legal form (chinese-organisation-words.ts). */
const LEGAL_MARK = 'legal:';
const HANGUL_WORD = /^\p{Script=Hangul}+$/u;

/** The words of a name written only in Hangul, or undefined when some word is not. */
function hangulWords(raw: string): string[] | undefined {
  const words = raw
    .trim()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => HANGUL_WORD.test(w)) ? words : undefined;
}

/**
 * For the words of a name written only in Hangul, the positions of the last two syllables of each word of two or more:
 * a given name ("영숙"), or the given name after a one-syllable surname ("김정은"). None when the tokens do not line
 * up with the syllables one to one.
 */
function givenNameSyllablePairs(words: readonly string[], tokenCount: number): [number, number][] {
  const pairs: [number, number][] = [];
  let at = 0;
  for (const word of words) {
    if (word.length >= 2) pairs.push([at + word.length - 2, at + word.length - 1]);
    at += word.length;
  }
  return at === tokenCount ? pairs : [];
}

/**
 * @param legalContext an ambiguous legal form ("SA", "CO") is read as one after the first word or beside another legal form
 * @param abjad the name was written in Arabic or Hebrew script, so its particles may be skeletons ("wld" for ولد)
 */
function classify(word: string, legalContext: boolean, abjad: boolean, han: boolean): NameToken {
  if (HAS_DIGIT.test(word)) return { text: word, surface: word, kind: 'number' };
  if (han) {
    // Pinyin syllables: "du", "de", "ao", "a" are syllables of names, not particles, legal forms or initials.
    const chinese = CHINESE_WORD_READINGS.get(word);
    if (chinese?.startsWith(LEGAL_MARK) === true)
      return { text: chinese.slice(LEGAL_MARK.length), surface: word, kind: 'legal' };
    return { text: SPELLING_VARIANTS.get(word) ?? word, surface: word, kind: 'word' };
  }
  const particle = PARTICLES.get(word) ?? (abjad ? ABJAD_PARTICLES.get(word) : undefined);
  if (particle !== undefined) return { text: particle, surface: word, kind: 'particle' };
  const legal = LEGAL_FORMS.get(word);
  if (legal !== undefined && (legalContext || !AMBIGUOUS_LEGAL_FORMS.has(word))) {
    return { text: legal, surface: word, kind: 'legal' };
  }
  if (SINGLE_LATIN_LETTER.test(word)) return { text: word, surface: word, kind: 'initial' };
  const otherForms = COMPANY_WORD_OTHER_FORMS.get(word);
  return {
    text: SPELLING_VARIANTS.get(word) ?? COMPANY_WORD_ABBREVIATIONS.get(word) ?? word,
    surface: word,
    kind: 'word',
    ...(otherForms !== undefined ? { translations: otherForms } : {}),
  };
}

/**
 * The name as the matcher reads it: NFKC, case-folded, transliterated to Latin, diacritics and punctuation removed,
 * titles dropped, legal forms and known spelling variants canonicalised, tokens joined by single spaces.
 * @example normalizeName("AL-QA'IDA Ltd.") === "al qaida ltd"
 */
export function normalizeName(raw: string): string {
  return normalizedText(tokenizeName(raw));
}

/** normalizeName of a name already tokenized: its tokens' texts joined by single spaces. */
export function normalizedText(tokenized: TokenizedName): string {
  return tokenized.tokens.map((t) => t.text).join(' ');
}
