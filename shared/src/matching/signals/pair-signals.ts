import type { NameAlignment, WeightedToken } from '../score/name-alignment';
import type { NameToken, TokenizedName } from '../normalize/normalize-name';
import { hasTransliterableScript } from '../normalize/transliterate';
import { jaroWinkler } from './jaro-winkler';
import { phoneticKey } from './phonetic-key';
import { givenNameVariants } from '../normalize/given-name-variants';
import { originalScriptDistance } from './original-script';
import type { AttributeAgreement } from './attribute-agreement';
import { sameRomanisation } from './romanisation-fold';
import { spellingEdits } from './spelling-edits';

/**
 * The measured signals of one aligned pair of names and their attributes, each a small named function with a value in
 * [0, 1] (birth date and country in [-1, 1]), for the calibrated scorer to weigh. Each says one thing; none decides
 * alone. Word rarity is read from the tokens' weights: the list's own document frequencies in screening, the built-in
 * prior in compare.
 */
export interface PairSignalInput {
  left: TokenizedName;
  right: { tokens: readonly Pick<NameToken, 'text' | 'kind'>[] };
  /** The query's tokens as aligned, with their weights. */
  query: readonly WeightedToken[];
  listed: readonly WeightedToken[];
  alignment: NameAlignment;
  leftName: string;
  rightName: string;
  /** How the query's birth date and country agree with the listed ones (attribute-agreement.ts); absent: no signal. */
  attributes?: AttributeAgreement;
}

const words = <T extends { kind: string }>(tokens: readonly T[]): T[] => tokens.filter((t) => t.kind === 'word');

/** Token alignment: the rules' name score (aligned weight against all weight, after caps). */
export function tokenAlignmentSignal(p: PairSignalInput): number {
  return p.alignment.score;
}

/** Edit similarity of the whole names, tokens sorted so that order does not count twice (Jaro-Winkler). */
export function editSimilaritySignal(p: PairSignalInput): number {
  const joined = (t: { tokens: readonly Pick<NameToken, 'text' | 'kind'>[] }): string =>
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
  const forms = (t: { tokens: readonly Pick<NameToken, 'text' | 'kind'>[] }): Set<string> =>
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

/**
 * Script: a cross-script pair (one name written in a script read here, the other not) whose parts align as the rules
 * read them, the rules' name score scaled from the hit level down (1 at CROSS_SCRIPT_FULL_ALIGNMENT and above, 0 at
 * the retrieval floor), and only when every word of both names found a counterpart. A transliteration spells alike
 * less than a respelling does, which this makes up for; a cross-script pair whose parts do not align, or that leaves a
 * word over ("斌 桂花 李" against "LI, Guihua"), earns nothing by its script alone (decision 0028).
 */
export function scriptSignal(p: PairSignalInput): number {
  if (hasTransliterableScript(p.leftName) === hasTransliterableScript(p.rightName)) return 0;
  if (!everyWordAligned(p)) return 0;
  return crossScriptAlignment(p);
}

/** A cross-script pair's rules name score, scaled from the retrieval floor (0) to the hit level (1). */
function crossScriptAlignment(p: PairSignalInput): number {
  const share =
    (p.alignment.score - CROSS_SCRIPT_NO_ALIGNMENT) / (CROSS_SCRIPT_FULL_ALIGNMENT - CROSS_SCRIPT_NO_ALIGNMENT);
  return Math.max(0, Math.min(1, share));
}
/** Whether every word of both names found a counterpart in the alignment. */
function everyWordAligned(p: PairSignalInput): boolean {
  return (
    !p.alignment.unmatchedQuery.some((i) => p.query[i]?.kind === 'word') &&
    !p.alignment.unmatchedCandidate.some((j) => p.listed[j]?.kind === 'word')
  );
}
/** The rules' hit level (rules-1): a cross-script pair aligned this well gets the whole script signal. */
const CROSS_SCRIPT_FULL_ALIGNMENT = 0.83;
/** The retrieval floor: below it a pair is not scored at all. */
const CROSS_SCRIPT_NO_ALIGNMENT = 0.6;

/**
 * Token rarity: the heaviest listed word the query leaves without a counterpart, by the word's rarity (a rare surname
 * left over says more than a common given name); 0..1. Lists carry fuller names than customer records, so a listed
 * word missing is weighed apart from an extra query word (extraQueryWordSignal), each with its own fitted weight.
 */
export function tokenRaritySignal(p: PairSignalInput): number {
  return Math.min(1, heaviestUnmatched(p.listed, p.alignment.unmatchedCandidate));
}

/**
 * An extra query word: the rarity of the heaviest query word the listed name has no counterpart for, 0..1 (the
 * customer's name says something the listing does not: "斌 桂花 李" against "LI, Guihua").
 */
export function extraQueryWordSignal(p: PairSignalInput): number {
  return Math.min(1, heaviestUnmatched(p.query, p.alignment.unmatchedQuery));
}

/**
 * The weakest aligned pair: 1 minus its similarity (a pair only partly alike, "Gold" / "Golden"). 0 when nothing
 * aligned: that is no weak pair but no pair at all, which token alignment already says.
 */
export function weakestPairSignal(p: PairSignalInput): number {
  if (p.alignment.edges.length === 0) return 0;
  return 1 - Math.min(...p.alignment.edges.map((e) => e.similarity));
}

/** The rarity of the heaviest word of one side left without a counterpart, 0 when every word found one. */
function heaviestUnmatched(tokens: readonly WeightedToken[], unmatched: readonly number[]): number {
  let heaviest = 0;
  for (const i of unmatched) {
    const t = tokens[i];
    if (t?.kind === 'word') heaviest = Math.max(heaviest, t.weight);
  }
  return heaviest;
}

/**
 * A part replaced: both names keep a word the other lacks ("... Ibrahim Hasan al-Dulaimi" / "... Ibrahim Hasan
 * al-Tikriti", "Sergey Ivanovich" / "Sergey Viktorovich"). A name written shorter drops parts; another person has
 * other parts. The lighter of the two sides' heaviest unmatched words, 0..1.
 */
export function replacedPartSignal(p: PairSignalInput): number {
  return Math.min(
    heaviestUnmatched(p.query, p.alignment.unmatchedQuery),
    heaviestUnmatched(p.listed, p.alignment.unmatchedCandidate),
  );
}

/**
 * A rare word met only approximately: for each aligned pair of words that are not the same word (nor forms of one
 * given name), its dissimilarity times the listed word's rarity; the largest. "Pezeshfar" / "Pezeshkian" weighs more
 * than "Mohamed" / "Muhamad".
 */
export function fuzzyRarePartSignal(p: PairSignalInput): number {
  let worst = 0;
  for (const e of p.alignment.edges) {
    if (e.similarity >= 1 || e.query.length !== 1 || e.candidate.length !== 1) continue;
    const q = p.left.tokens[e.query[0] as number];
    const c = p.listed[e.candidate[0] as number];
    if (q?.kind !== 'word' || c?.kind !== 'word' || givenNameVariants(q.text, c.text)) continue;
    worst = Math.max(worst, (1 - e.similarity) * Math.min(1, c.weight));
  }
  return Math.min(1, worst * FUZZY_SCALE);
}
/** Dissimilarities of aligned pairs lie in 0..0.2 (the similarity floor is 0.8): scaled to 0..1. */
const FUZZY_SCALE = 5;

/**
 * Two words that are not one name written twice: other consonant skeletons, more than one typing slip apart, neither
 * forms of one given name nor one romanisation folded two ways ("Castillo" / "Castro", not "Zelenskiy" / "Zelenskyy").
 * What the training pairs' spelled-alike negatives are made of (bench/lib/spelled-alike-negatives.ts); as a scorer
 * signal it bought nothing (decision 0049).
 */
export function anotherNameSpelledAlike(a: string, b: string): boolean {
  if (a === b || phoneticKey(a) === phoneticKey(b) || spellingEdits(a, b) <= TYPING_SLIP_EDITS) return false;
  if (withEndingAdded(a, b)) return false;
  return !givenNameVariants(a, b) && !sameRomanisation(a, b);
}
/**
 * One word is the other with letters added at its end: a form glued to the name ("SiemensAG"), or a long word's last
 * letter giving way to an ending ("Agriculture" / "Agricultural"): the same word written longer.
 */
function withEndingAdded(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (longer.startsWith(shorter)) return true;
  return shorter.length >= LONG_STEM_LETTERS && longer.startsWith(shorter.slice(0, -1));
}
/** A word this long whose last letter alone gives way to an ending is the same word inflected, not another name. */
const LONG_STEM_LETTERS = 7;
/** One letter inserted, dropped, replaced or two swapped: how a typist slips. */
const TYPING_SLIP_EDITS = 1;

/** A given-name variant: 1 when an aligned pair is a name against its form in another language or its nickname. */
export function givenNameVariantSignal(p: PairSignalInput): number {
  return p.alignment.edges.some((e) => {
    const q = p.left.tokens[e.query[0] as number];
    const c = p.listed[e.candidate[0] as number];
    return q !== undefined && c !== undefined && givenNameVariants(q.text, c.text);
  })
    ? 1
    : 0;
}

/**
 * A given-name variant without an anchor: when an aligned pair is a given name against another form of it, how far
 * the best-agreeing other aligned word is from the same word (its dissimilarity scaled to 0..1; 1 when no other word
 * aligned). A variant stands for many people's names ("Michael" is "Mikhail", "Miguel", "Michel"): beside the same
 * surname it is one person written another way ("Michael Martinez" / "MARTINEZ, Miguel"), beside a surname only spelled
 * alike it is two ("Michael Guzman" / "KUZMIN, Mikhail"). 0 without a variant.
 */
export function unanchoredVariantSignal(p: PairSignalInput): number {
  let variant = false;
  let anchor = 0;
  for (const e of p.alignment.edges) {
    const q = p.left.tokens[e.query[0] as number];
    const c = p.listed[e.candidate[0] as number];
    if (q === undefined || c === undefined) continue;
    if (q.kind === 'word' && c.kind === 'word' && givenNameVariants(q.text, c.text)) variant = true;
    else if (q.kind === 'word' && c.kind === 'word') anchor = Math.max(anchor, e.similarity);
  }
  if (!variant) return 0;
  return Math.min(1, (1 - anchor) * FUZZY_SCALE);
}

/** Word counts apart: the share of the longer name's words the shorter one has no room for (0 when as many). */
export function wordCountGapSignal(p: PairSignalInput): number {
  const a = words(p.left.tokens).length;
  const b = p.listed.filter((t) => t.kind === 'word').length;
  const longer = Math.max(a, b);
  return longer === 0 ? 0 : Math.abs(a - b) / longer;
}

/**
 * The original script: two names written in the same non-Latin script compared letter by letter there, before any
 * transliteration ("金正恩" / "金正銀", "김정은" / "김종은" read alike, and differ here). 0 for other pairs.
 */
export function originalScriptSignal(p: PairSignalInput): number {
  return originalScriptDistance(p.leftName, p.rightName);
}

/** One shared part only: 1 when the rules capped the score because a single name part agrees. */
export function singlePartSignal(p: PairSignalInput): number {
  return p.alignment.cap === 'single-part' || p.alignment.cap === 'no-substantive-match' ? 1 : 0;
}

/**
 * Birth date: 1 the same day, 0.5 the same year (or month) as far as both go, -1 years apart, 0 without a date on
 * both sides or within a year. A capped name (numbers disagree, one shared part) is not lifted by an agreeing date:
 * a date refines a name match, it does not make one.
 */
export function birthDateAgreementSignal(p: PairSignalInput): number {
  const value = p.attributes?.birthDate ?? 0;
  return p.alignment.cap !== undefined ? Math.min(0, value) : value;
}

/** Country: 1 the query's country is one of the listed ones, -1 none is, 0 without a country on both sides. */
export function countryAgreementSignal(p: PairSignalInput): number {
  const value = p.attributes?.country ?? 0;
  return p.alignment.cap !== undefined ? Math.min(0, value) : value;
}

/**
 * The signals in the order of the fitted weights, each with the words its explanation uses: `words` for a positive
 * value, `opposite` for a negative one (birth date and country only).
 */
export const PAIR_SIGNALS: readonly {
  name: string;
  words: string;
  opposite?: string;
  /** The sign its fitted weight must keep: 1 evidence of one entity, -1 evidence of two, 0 either. */
  sign: 1 | -1 | 0;
  measure: (p: PairSignalInput) => number;
}[] = [
  { name: 'tokenAlignment', words: 'the name parts align', sign: 1, measure: tokenAlignmentSignal },
  { name: 'editSimilarity', words: 'the spellings are alike', sign: 1, measure: editSimilaritySignal },
  { name: 'phoneticKey', words: 'the words sound alike', sign: 1, measure: phoneticKeySignal },
  { name: 'initials', words: 'an initial stands for a name', sign: 0, measure: initialsSignal },
  { name: 'legalForm', words: 'the legal forms differ', sign: -1, measure: legalFormSignal },
  { name: 'numbers', words: 'the numbers differ', sign: -1, measure: numbersSignal },
  { name: 'script', words: 'the names align across scripts', sign: 0, measure: scriptSignal },
  { name: 'tokenRarity', words: 'a rare word has no counterpart', sign: -1, measure: tokenRaritySignal },
  {
    name: 'extraQueryWord',
    words: 'a rare word of the query has no counterpart',
    sign: -1,
    measure: extraQueryWordSignal,
  },
  { name: 'weakestPair', words: 'one pair of words is only partly alike', sign: -1, measure: weakestPairSignal },
  { name: 'singlePart', words: 'only one name part agrees', sign: -1, measure: singlePartSignal },
  { name: 'replacedPart', words: 'each name has a part the other lacks', sign: -1, measure: replacedPartSignal },
  { name: 'fuzzyRarePart', words: 'a rare name part is only spelled alike', sign: -1, measure: fuzzyRarePartSignal },
  {
    name: 'givenNameVariant',
    words: 'a given name stands in another form or as a nickname',
    sign: 1,
    measure: givenNameVariantSignal,
  },
  {
    name: 'unanchoredVariant',
    words: 'a given name in another form stands beside no part written the same',
    sign: -1,
    measure: unanchoredVariantSignal,
  },
  { name: 'wordCountGap', words: 'one name has more parts than the other', sign: -1, measure: wordCountGapSignal },
  { name: 'originalScript', words: 'the names differ in their own script', sign: -1, measure: originalScriptSignal },
  {
    name: 'birthDate',
    words: 'the birth dates agree',
    opposite: 'the birth dates differ',
    sign: 1,
    measure: birthDateAgreementSignal,
  },
  {
    name: 'country',
    words: 'the countries agree',
    opposite: 'the countries differ',
    sign: 1,
    measure: countryAgreementSignal,
  },
];

/** The signal values of one pair, in PAIR_SIGNALS order. */
export function measurePair(p: PairSignalInput): number[] {
  return PAIR_SIGNALS.map((s) => s.measure(p));
}
