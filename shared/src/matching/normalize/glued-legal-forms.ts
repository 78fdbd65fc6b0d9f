import {
  GLUED_LEGAL_PREFIXES,
  GLUED_LEGAL_SUFFIXES,
  LEGAL_FORMS,
  LEGAL_FORM_PHRASES,
  LONG_LEGAL_WORD_SET,
} from './name-vocabulary';

/**
 * Legal forms glued to the name or to each other in careless data: "TRADINGLLC", "OOOMAKRO", and whole multi-word forms
 * run together, at the start ("LIMITEDLIABILITYCOMPANYTECHNICAL", "AKTSIONERNOEOBSHCHESTVO") or the end
 * ("NEXIGNJOINTSTOCKCOMPANY", "WASHSADECV"). A glued form is split off only where a legal form can stand: after a prefix
 * form, the next words of the same multi-word form follow it; at the end, a multi-word form is split whole.
 */

/** Shortest name part left when a glued legal form is split off from an English word that ends as a form does. */
const GLUED_MIN_REMAINDER = 3;
/**
 * A prefix form is kept to those no name opens with, so two letters may follow it ("LLCBP"); a suffix keeps three
 * ("UNLIMITED" is no "UN" + "LIMITED"). A whole multi-word form glued leaves even one ("LIMITEDLIABILITYCOMPANYA").
 */
const PREFIX_MIN_REMAINDER = 2;
const PHRASE_MIN_REMAINDER = 1;
/** Shortest glued multi-word form read even with a one-letter word inside ("obshchestvosogranichennoi..."). */
const LONG_GLUED_PHRASE = 10;
/** Mexico's "S.A. de C.V.", which the tokenizer reads as its three words, not as one phrase. */
const SA_DE_CV = ['sa', 'de', 'cv'];
/** Two legal forms written one after the other ("CO., LTD.", "PVT LTD"), which careless data glues to the name too. */
const FORM_PAIRS: readonly (readonly string[])[] = [
  ['co', 'ltd'],
  ['co', 'limited'],
  ['pvt', 'ltd'],
  ['pte', 'ltd'],
  ['sdn', 'bhd'],
];
/**
 * A suffix form may leave two letters ("HKLIMITED", "EKOOO"), except in English words that end as a form does, whose
 * first letters are a prefix, not a name.
 */
const TWO_LETTER_REMAINDER = 2;
const WORDS_ENDING_AS_A_FORM: ReadonlySet<string> = new Set(['unlimited', 'accompany', 'incorporation', 'reliability']);
/** A multi-word legal form and how it reads glued ("jointstockcompany" → joint stock company). */
interface GluedPhrase {
  words: readonly string[];
  glued: string;
}
/**
 * Prefix forms some names open with ("Zaoui", "Paolo"): split off only before a long remainder ("ZAOVNESHTORGSERVIS"),
 * which a name so opening hardly has.
 */
const NAME_OPENING_PREFIXES: ReadonlySet<string> = new Set(['zao', 'oao', 'pao']);
const NAME_OPENING_PREFIX_LENGTH = 3;
const NAME_OPENING_PREFIX_MIN_REMAINDER = 10;
/** The multi-word legal forms, longest glued first. */
const GLUED_PHRASES: readonly GluedPhrase[] = [...LEGAL_FORM_PHRASES.map(([words]) => words), SA_DE_CV, ...FORM_PAIRS]
  .filter((words) => words.every((w) => w.length >= 2) || words.join('').length >= LONG_GLUED_PHRASE)
  .map((words) => ({ words, glued: words.join('') }))
  .sort((a, b) => b.glued.length - a.glued.length);
/** The glued phrases by their last and by their first three letters: a word is compared only with those it could hold. */
const KEY_LETTERS = 3;
function phrasesBy(key: (glued: string) => string): ReadonlyMap<string, readonly GluedPhrase[]> {
  const out = new Map<string, GluedPhrase[]>();
  for (const phrase of GLUED_PHRASES) {
    const k = key(phrase.glued);
    (out.get(k) ?? out.set(k, []).get(k))?.push(phrase);
  }
  return out;
}
const PHRASES_BY_ENDING = phrasesBy((glued) => glued.slice(-KEY_LETTERS));
const PHRASES_BY_OPENING = phrasesBy((glued) => glued.slice(0, KEY_LETTERS));
/** Shortest glued run of a form's words read as a whole word ("jointstock" of "joint stock company"). */
const GLUED_RUN_LETTERS = 8;
/** Runs of two words or more inside the multi-word forms ("joint stock", "stock company"), as words glue in careless data. */
const INNER_RUNS: readonly GluedPhrase[] = GLUED_PHRASES.flatMap(({ words }) =>
  words.flatMap((_, from) => words.slice(from + 2).map((__, i) => words.slice(from, from + 2 + i))),
)
  .map((words) => ({ words, glued: words.join('') }))
  .filter(({ glued }) => glued.length >= GLUED_RUN_LETTERS);
/** A whole word that is a multi-word form glued, or a run of its words, to its words. */
const WHOLE_GLUED_PHRASES: ReadonlyMap<string, readonly string[]> = new Map(
  [...INNER_RUNS, ...[...GLUED_PHRASES].reverse()].map(({ words, glued }) => [glued, words]),
);
/** The words of multi-word forms that may follow a glued prefix form ("limited" + "liability" + "company"). */
const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set(GLUED_PHRASES.map(({ words }) => words[0] as string));
const SUFFIX_ENDINGS: ReadonlySet<number> = new Set(
  [...GLUED_LEGAL_SUFFIXES, ...GLUED_PHRASES.map(({ glued }) => glued)].map((w) => w.charCodeAt(w.length - 1)),
);
const PREFIX_INITIALS: ReadonlySet<number> = new Set(
  [...GLUED_LEGAL_PREFIXES, ...PHRASE_FIRST_WORDS].map((w) => w.charCodeAt(0)),
);

/** Whether a word ends or begins as a glued legal form could (most words end and begin otherwise). */
export function gluedLegalFormPossible(word: string): boolean {
  return SUFFIX_ENDINGS.has(word.charCodeAt(word.length - 1)) || PREFIX_INITIALS.has(word.charCodeAt(0));
}

/**
 * The longest multi-word legal form the word opens or closes with, glued, leaving a letter at least: the longest first,
 * so "limitedliabilitycompanyi" is not read as "limited liability co" + "mpanyi".
 */
function gluedPhrase(word: string, at: 'start' | 'end'): GluedPhrase | undefined {
  const candidates =
    at === 'start'
      ? PHRASES_BY_OPENING.get(word.slice(0, KEY_LETTERS))
      : PHRASES_BY_ENDING.get(word.slice(-KEY_LETTERS));
  return candidates?.find(
    ({ glued }) =>
      word.length - glued.length >= PHRASE_MIN_REMAINDER &&
      (at === 'start' ? word.startsWith(glued) : word.endsWith(glued)),
  );
}

/** The word with its glued legal forms split off, or the word alone. */
export function splitGluedLegalForm(word: string): string[] {
  if (LEGAL_FORMS.has(word) || LONG_LEGAL_WORD_SET.has(word)) return [word];
  const whole = WHOLE_GLUED_PHRASES.get(word);
  if (whole !== undefined) return [...whole];
  const closing = gluedPhrase(word, 'end');
  if (closing !== undefined) return [...splitGluedLegalForm(word.slice(0, -closing.glued.length)), ...closing.words];
  const minRemainder = WORDS_ENDING_AS_A_FORM.has(word) ? GLUED_MIN_REMAINDER : TWO_LETTER_REMAINDER;
  for (const suffix of GLUED_LEGAL_SUFFIXES) {
    if (word.length - suffix.length >= minRemainder && word.endsWith(suffix)) {
      return [...splitGluedLegalForm(word.slice(0, -suffix.length)), suffix];
    }
  }
  const opening = gluedPhrase(word, 'start');
  if (opening !== undefined) return [...opening.words, word.slice(opening.glued.length)];
  for (const prefix of GLUED_LEGAL_PREFIXES) {
    if (word.length - prefix.length >= PREFIX_MIN_REMAINDER && word.startsWith(prefix))
      return [prefix, word.slice(prefix.length)];
  }
  if (word.length - NAME_OPENING_PREFIX_LENGTH >= NAME_OPENING_PREFIX_MIN_REMAINDER) {
    const prefix = word.slice(0, NAME_OPENING_PREFIX_LENGTH);
    if (NAME_OPENING_PREFIXES.has(prefix)) return [prefix, word.slice(NAME_OPENING_PREFIX_LENGTH)];
  }
  return [word];
}
