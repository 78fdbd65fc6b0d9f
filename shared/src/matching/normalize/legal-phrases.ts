import { LEGAL_FORM_PHRASES } from './name-vocabulary';
import { withinEdits } from './within-edits';

type Phrase = readonly [words: readonly string[], form: string];

/** Multi-word legal forms by their first word, longest first, so most words are checked with one map look-up. */
const PHRASES_BY_FIRST_WORD = phrasesByWord(0, 1);
/**
 * Forms of three words or more by their second word: a slip in the first word ("JONT STOCK COMPANY") is found through
 * the next, so a word that opens no form still costs one look-up.
 */
const MIN_SLIPPED_PHRASE_WORDS = 3;
const PHRASES_BY_SECOND_WORD = phrasesByWord(1, MIN_SLIPPED_PHRASE_WORDS);
/** Shortest word of a form, and of the name, read one slip apart ("STCK" for "stock"); shorter ones are other words. */
const MIN_SLIPPED_WORD_LENGTH = 4;

function phrasesByWord(at: number, minWords: number): ReadonlyMap<string, Phrase[]> {
  const out = new Map<string, Phrase[]>();
  for (const entry of LEGAL_FORM_PHRASES) {
    if (entry[0].length < minWords) continue;
    const key = entry[0][at] as string;
    out.set(
      key,
      [...(out.get(key) ?? []), entry].sort((a, b) => b[0].length - a[0].length),
    );
  }
  return out;
}

/**
 * Whether the words from `at` spell the form, every word as written or, in a form of three words or more, one of
 * them one slip off (an edit, first letter kept, four letters or more): "JOINT STCK COMPANY", "JINT STOCK COMPANY".
 */
function spellsPhrase(words: readonly string[], at: number, parts: readonly string[]): boolean {
  if (at + parts.length > words.length) return false;
  let slips = parts.length >= MIN_SLIPPED_PHRASE_WORDS ? 1 : 0;
  for (let k = 0; k < parts.length; k++) {
    const written = words[at + k] as string;
    const part = parts[k] as string;
    if (written === part) continue;
    if (
      slips === 0 ||
      part.length < MIN_SLIPPED_WORD_LENGTH ||
      written.length < MIN_SLIPPED_WORD_LENGTH ||
      written.charCodeAt(0) !== part.charCodeAt(0) ||
      !withinEdits(written, part, 1)
    )
      return false;
    slips--;
  }
  return true;
}

/** The words with each multi-word legal form replaced by its canonical abbreviation ("joint stock company" → "jsc"). */
export function replaceLegalPhrases(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const phrase =
      PHRASES_BY_FIRST_WORD.get(word)?.find(([parts]) => spellsPhrase(words, i, parts)) ??
      (i + 1 < words.length
        ? PHRASES_BY_SECOND_WORD.get(words[i + 1] as string)?.find(([parts]) => spellsPhrase(words, i, parts))
        : undefined);
    if (phrase === undefined) {
      out.push(word);
      continue;
    }
    out.push(phrase[1]);
    i += phrase[0].length - 1;
  }
  return out;
}
