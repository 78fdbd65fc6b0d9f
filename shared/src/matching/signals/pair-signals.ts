import type { NameAlignment, WeightedToken } from '../score/name-alignment';
import type { NameToken, TokenizedName } from '../normalize/normalize-name';
import { hasTransliterableScript } from '../normalize/transliterate';
import { jaroWinkler } from './jaro-winkler';
import { phoneticKey } from './phonetic-key';
import { priorWeight } from './token-weights';

/**
 * The measured signals of one aligned pair of names, each a small named function with a value in [0, 1], for the
 * calibrated scorer to weigh. Each says one thing; none decides alone. Birth date and country are not among them:
 * the training pairs are names only, so they keep their own signals (birth-date-signal.ts, country-signal.ts),
 * applied to the calibrated score as to the rules' one.
 */
export interface PairSignalInput {
  left: TokenizedName;
  right: TokenizedName;
  listed: readonly WeightedToken[];
  alignment: NameAlignment;
  leftName: string;
  rightName: string;
}

const words = (tokens: readonly NameToken[]): NameToken[] => tokens.filter((t) => t.kind === 'word');

/** Token alignment: the rules' name score (aligned weight against all weight, after caps). */
export function tokenAlignmentSignal(p: PairSignalInput): number {
  return p.alignment.score;
}

/** Edit similarity of the whole names, tokens sorted so that order does not count twice (Jaro-Winkler). */
export function editSimilaritySignal(p: PairSignalInput): number {
  const joined = (t: TokenizedName): string =>
    words(t.tokens)
      .map((x) => x.text)
      .sort()
      .join(' ');
  const a = joined(p.left);
  const b = joined(p.right);
  return a === '' || b === '' ? 0 : jaroWinkler(a, b);
}

/** Phonetic key: the share of the query's words that sound like some listed word. */
export function phoneticKeySignal(p: PairSignalInput): number {
  const left = words(p.left.tokens);
  if (left.length === 0) return 0;
  const keys = new Set(words(p.right.tokens).map((t) => phoneticKey(t.text)));
  return left.filter((t) => keys.has(phoneticKey(t.text))).length / left.length;
}

/** Initials: 1 when an aligned pair is an initial against a full name ("J." / "John"), which says less. */
export function initialsSignal(p: PairSignalInput): number {
  const initial = (tokens: readonly { kind: string }[], i: number): boolean => tokens[i]?.kind === 'initial';
  return p.alignment.edges.some(
    (e) => e.query.some((i) => initial(p.left.tokens, i)) || e.candidate.some((j) => initial(p.right.tokens, j)),
  )
    ? 1
    : 0;
}

/** Legal form: 1 when both names carry legal forms and none of them agree ("LLC" / "GmbH"). */
export function legalFormSignal(p: PairSignalInput): number {
  const forms = (t: TokenizedName): Set<string> =>
    new Set(t.tokens.filter((x) => x.kind === 'legal').map((x) => x.text));
  const a = forms(p.left);
  const b = forms(p.right);
  if (a.size === 0 || b.size === 0) return 0;
  return [...a].some((f) => b.has(f)) ? 0 : 1;
}

/** Numbers: 1 when the names' numbers disagree ("Fund 7" / "Fund 8"). */
export function numbersSignal(p: PairSignalInput): number {
  return p.alignment.cap === 'numbers-disagree' ? 1 : 0;
}

/** Script: 1 when one name was written in a script read here and the other was not (a cross-script pair). */
export function scriptSignal(p: PairSignalInput): number {
  return hasTransliterableScript(p.leftName) !== hasTransliterableScript(p.rightName) ? 1 : 0;
}

/**
 * Token rarity: the heaviest word either side leaves without a counterpart, by the built-in rarity of name parts
 * (a rare surname left over says more than a common given name); 0..1.
 */
export function tokenRaritySignal(p: PairSignalInput): number {
  let heaviest = 0;
  for (const i of p.alignment.unmatchedQuery) {
    const t = p.left.tokens[i];
    if (t?.kind === 'word') heaviest = Math.max(heaviest, priorWeight(t.text));
  }
  for (const j of p.alignment.unmatchedCandidate) {
    const t = p.listed[j];
    if (t?.kind === 'word') heaviest = Math.max(heaviest, priorWeight(t.text));
  }
  return Math.min(1, heaviest);
}

/** The weakest aligned pair: 1 minus its similarity (a pair only partly alike, "Gold" / "Golden"). */
export function weakestPairSignal(p: PairSignalInput): number {
  if (p.alignment.edges.length === 0) return 1;
  return 1 - Math.min(...p.alignment.edges.map((e) => e.similarity));
}

/** One shared part only: 1 when the rules capped the score because a single name part agrees. */
export function singlePartSignal(p: PairSignalInput): number {
  return p.alignment.cap === 'single-part' || p.alignment.cap === 'no-substantive-match' ? 1 : 0;
}

/** The signals in the order of the fitted weights, each with the words its explanation uses. */
export const PAIR_SIGNALS: readonly { name: string; words: string; measure: (p: PairSignalInput) => number }[] = [
  { name: 'tokenAlignment', words: 'the name parts align', measure: tokenAlignmentSignal },
  { name: 'editSimilarity', words: 'the spellings are alike', measure: editSimilaritySignal },
  { name: 'phoneticKey', words: 'the words sound alike', measure: phoneticKeySignal },
  { name: 'initials', words: 'an initial stands for a name', measure: initialsSignal },
  { name: 'legalForm', words: 'the legal forms differ', measure: legalFormSignal },
  { name: 'numbers', words: 'the numbers differ', measure: numbersSignal },
  { name: 'script', words: 'the names are written in different scripts', measure: scriptSignal },
  { name: 'tokenRarity', words: 'a rare word has no counterpart', measure: tokenRaritySignal },
  { name: 'weakestPair', words: 'one pair of words is only partly alike', measure: weakestPairSignal },
  { name: 'singlePart', words: 'only one name part agrees', measure: singlePartSignal },
];

/** The signal values of one pair, in PAIR_SIGNALS order. */
export function measurePair(p: PairSignalInput): number[] {
  return PAIR_SIGNALS.map((s) => s.measure(p));
}
