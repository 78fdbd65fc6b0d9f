import {
  GLUED_LEGAL_PREFIXES,
  GLUED_LEGAL_SUFFIXES,
  LEGAL_FORMS,
  LEGAL_FORM_PHRASES,
  LONG_LEGAL_WORDS,
} from './name-vocabulary';

/**
 * Legal forms glued to the name or to each other in careless data: "TRADINGLLC", "OOOMAKRO", and whole multi-word forms
 * run together, at the start ("LIMITEDLIABILITYCOMPANYTECHNICAL", "AKTSIONERNOEOBSHCHESTVO") or the end
 * ("NEXIGNJOINTSTOCKCOMPANY", "WASHSADECV"). A glued form is split off only where a legal form can stand: after a prefix
 * form, the next words of the same multi-word form follow it; at the end, a multi-word form is split whole.
 */

/** Shortest name part left when a glued legal form is split off ("KBLTD" is not "KB" + "LTD" if that leaves one letter). */
const GLUED_MIN_REMAINDER = 3;
/** Mexico's "S.A. de C.V.", which the tokenizer reads as its three words, not as one phrase. */
const SA_DE_CV = ['sa', 'de', 'cv'];
const LONG_LEGAL_WORD_SET: ReadonlySet<string> = new Set(LONG_LEGAL_WORDS);
/** Multi-word legal forms as they read glued ("jointstockcompany" → joint stock company), longest first. */
const GLUED_PHRASES: readonly (readonly string[])[] = [...LEGAL_FORM_PHRASES.map(([words]) => words), SA_DE_CV]
  .filter((words) => words.every((w) => w.length >= 2))
  .sort((a, b) => b.join('').length - a.join('').length);
/** The words of multi-word forms that may follow a glued prefix form ("limited" + "liability" + "company"). */
const PHRASE_FIRST_WORDS: ReadonlySet<string> = new Set(GLUED_PHRASES.map((words) => words[0] as string));
const SUFFIX_ENDINGS: ReadonlySet<number> = new Set(
  [...GLUED_LEGAL_SUFFIXES, ...GLUED_PHRASES.map((w) => w.join(''))].map((w) => w.charCodeAt(w.length - 1)),
);
const PREFIX_INITIALS: ReadonlySet<number> = new Set(
  [...GLUED_LEGAL_PREFIXES, ...PHRASE_FIRST_WORDS].map((w) => w.charCodeAt(0)),
);

/** Whether a word ends or begins as a glued legal form could (most words end and begin otherwise). */
export function gluedLegalFormPossible(word: string): boolean {
  return SUFFIX_ENDINGS.has(word.charCodeAt(word.length - 1)) || PREFIX_INITIALS.has(word.charCodeAt(0));
}

/** A multi-word legal form the word opens or closes with, glued, leaving at least GLUED_MIN_REMAINDER letters. */
function gluedPhrase(word: string, at: 'start' | 'end'): readonly string[] | undefined {
  return GLUED_PHRASES.find((words) => {
    const glued = words.join('');
    return (
      word.length - glued.length >= GLUED_MIN_REMAINDER &&
      (at === 'start' ? word.startsWith(glued) : word.endsWith(glued))
    );
  });
}

/** The word with its glued legal forms split off, or the word alone. */
export function splitGluedLegalForm(word: string): string[] {
  if (LEGAL_FORMS.has(word) || LONG_LEGAL_WORD_SET.has(word)) return [word];
  const whole = GLUED_PHRASES.find((words) => words.join('') === word);
  if (whole !== undefined) return [...whole];
  const closing = gluedPhrase(word, 'end');
  if (closing !== undefined) return [...splitGluedLegalForm(word.slice(0, -closing.join('').length)), ...closing];
  for (const suffix of GLUED_LEGAL_SUFFIXES) {
    if (word.length - suffix.length >= GLUED_MIN_REMAINDER && word.endsWith(suffix)) {
      return [...splitGluedLegalForm(word.slice(0, -suffix.length)), suffix];
    }
  }
  const opening = gluedPhrase(word, 'start');
  if (opening !== undefined) return [...opening, word.slice(opening.join('').length)];
  for (const prefix of GLUED_LEGAL_PREFIXES) {
    if (word.length - prefix.length >= GLUED_MIN_REMAINDER && word.startsWith(prefix))
      return [prefix, word.slice(prefix.length)];
  }
  return [word];
}
