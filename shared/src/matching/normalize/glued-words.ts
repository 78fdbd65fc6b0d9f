import { gluedSplitPlaces } from './arabic-glued-names';
import { tokenizeName, type NameToken } from './normalize-name';

/** Letters each side of a split must keep: shorter pieces match too many listed words to prove a split. */
const MIN_PART_LETTERS = 3;
const ARABIC_WORD = /^[\u0600-\u06ff]+$/;

/** A word of the name that reads as two: its romanised form, and the romanised words of each half. */
export interface GluedWord {
  /** The word's token text, as tokenizeName romanises it on its own. */
  word: string;
  /** The word tokens of each half. */
  parts: [NameToken[], NameToken[]];
}

/**
 * Arabic-script words of a name glued after a non-joining letter: the word as written is not a known name part, but
 * both halves are (`known` decides on the romanised word tokens: the list's vocabulary when screening). A word splits once, at
 * the first place that works. Only retrieval uses this, to find the listed names the halves belong to; scoring still
 * reads the glued word against two listed words run together, in their order.
 */
export function gluedWords(raw: string, known: (word: NameToken) => boolean): GluedWord[] {
  const found: GluedWord[] = [];
  const wordsOf = (part: string): NameToken[] => tokenizeName(part).tokens.filter((t) => t.kind === 'word');
  const allKnown = (words: readonly NameToken[]): boolean => words.length > 0 && words.every(known);
  for (const word of raw.split(/\s+/)) {
    if (word.length < 2 * MIN_PART_LETTERS || !ARABIC_WORD.test(word)) continue;
    const places = gluedSplitPlaces(word, MIN_PART_LETTERS);
    const whole = wordsOf(word);
    if (places.length === 0 || whole.length !== 1 || allKnown(whole)) continue;
    for (const p of places) {
      const parts: [NameToken[], NameToken[]] = [wordsOf(word.slice(0, p)), wordsOf(word.slice(p))];
      if (allKnown(parts[0]) && allKnown(parts[1])) {
        found.push({ word: (whole[0] as NameToken).text, parts });
        break;
      }
    }
  }
  return found;
}
