import { gluedWords, type GluedWord } from '../normalize/glued-words';
import { joinedSpellings, MERGE_SIMILARITY_FLOOR, type WeightedToken } from '../score/name-alignment';
import {
  canonicalWord,
  tokenizeName,
  type NameToken,
  type TokenKind,
  type TokenizedName,
} from '../normalize/normalize-name';
import {
  ABJAD_AGREEMENT_SIMILARITY,
  joinedQuerySimilarity,
  TYPED_DIGITS_SIMILARITY,
} from '../signals/token-similarity';
import { AMBIGUOUS_LEGAL_FORMS } from '../normalize/name-vocabulary';
import { digitsReadAsLetters } from '../normalize/typed-digits';
import { kindWeight, priorWeight } from '../signals/token-weights';
import { hasTransliterableScript } from '../normalize/transliterate';
import { readingScriptOf } from '../signals/reading-class-key';
import type { ScreeningQuery } from '../types';
import type { VocabularyLookup } from './vocabulary-lookup';
import { acronymRetrieval, type AcronymRetrieval } from './acronym-units';
import { acronymReading, type AcronymReading } from '../normalize/acronyms';

const NO_MATCHES: readonly { id: number; similarity: number }[] = [];
/** An Arabic-script word this long that the list does not know may be two listed words glued together. */
const GLUED_ABJAD_MIN_LENGTH = 7;
/** Kinds that may be two halves of one listed word (not initials, legal forms or numbers). */
const JOINABLE_KIND: Record<TokenKind, boolean> = {
  word: true,
  number: false,
  legal: false,
  particle: true,
  initial: false,
};
const RETRIEVABLE_KIND: Record<TokenKind, boolean> = {
  word: true,
  number: true,
  legal: false,
  particle: false,
  initial: false,
};

/** A query token with its weight in the list. */
export interface QueryToken extends WeightedToken {
  token: NameToken;
}

/** A query word (or two joined, or a compound) with the listed words it may be: what retrieval walks. */
export interface RetrievalUnit {
  weight: number;
  matches: readonly { id: number; similarity: number }[];
}

/** A query read against the list's vocabulary, ready for retrieval and scoring. */
export interface AnalysedQuery {
  tokenized: TokenizedName;
  queryTokens: QueryToken[];
  units: RetrievalUnit[];
  /** Per query token, the listed words its look-up met (see CandidateScorer.pairSimilarity). */
  lookedUp: (readonly { id: number; similarity: number }[] | undefined)[];
  /** Whether a query word was found as two listed words; only then can a listed name align more weight than the query. */
  splitWords: boolean;
  totalWeight: number;
  /** Weight of the tokens that retrieve nothing but may still align when scored. */
  lightWeight: number;
  /** Which side's words may be read as acronyms (normalize/acronyms.ts), for retrieval and scoring alike. */
  acronymReading: AcronymReading;
  /** Listed names a query word abbreviates, which retrieval scores whatever its bounds say (acronym-units.ts). */
  acronymNames: readonly number[];
}

/**
 * Reads a query against the vocabulary: each token's look-up and weight (a known word weighs what it weighs in the
 * list, an unknown one what its best look-alike weighs), and the retrieval units, including two query words written
 * as one listed word and Arabic compounds around the article.
 */
export function analyseQuery(query: ScreeningQuery, vocab: VocabularyLookup): AnalysedQuery {
  const tokenized = tokenizeName(query.name);
  const { tokens, abjad, hangul, han } = tokenized;
  // Arabic script: a word glued where the script shows no gap retrieves through both halves ("ظاهرعويس"). Looked for
  // only once some word reads as no listed word.
  let gluedInQuery: GluedWord[] | undefined;
  const gluedHalves = (text: string): { id: number; similarity: number }[] =>
    vocab.gluedWordMatches(text, (gluedInQuery ??= gluedWords(query.name, (word) => vocab.readsAsListedWord(word))));
  // A name romanised here may have been read as a known spelling that its listing does not use (see lookup).
  const transliterated = hasTransliterableScript(query.name);
  // Which reading slips a word read from another script may carry depends on that script (reading-class-key.ts). A
  // Korean name read syllable by syllable, and Han, have their own syllable readings, Arabic and Hebrew their abjad
  // readings: none.
  const script = transliterated && !abjad && !hangul && !han ? readingScriptOf(query.name) : undefined;

  // Query weights: a known word weighs what it weighs in the list; an unknown one what its best look-alike weighs.
  const units: RetrievalUnit[] = [];
  // Whether a query word was found as two listed words; only then can a listed name align more weight than the query.
  let splitWords = false;
  // Per query token, the listed words its look-up met (see pairSimilarity).
  const lookedUp: (readonly { id: number; similarity: number }[] | undefined)[] = [];
  const lastWord = tokens.reduce((last, t, i) => (t.kind === 'word' ? i : last), -1);
  const queryTokens: QueryToken[] = tokens.map((t, i) => {
    if (!RETRIEVABLE_KIND[t.kind]) return { text: t.text, kind: t.kind, weight: kindWeight(t.kind, 0), token: t };
    const looked = withTypedDigitReading(
      vocab,
      t,
      vocab.lookup(t.text, t.kind, i === lastWord, abjad, t.surface, transliterated, script),
    );
    const read =
      hangul && t.kind === 'word'
        ? vocab.asKoreanSyllable(t.text, looked)
        : han && t.kind === 'word'
          ? looked.filter((m) => m.similarity === 1)
          : looked;
    const translated = t.translations !== undefined ? vocab.withTranslations(t.translations, read) : read;
    const matches = t.placeStems !== undefined ? vocab.withPlaces(t.placeStems, translated) : translated;
    lookedUp[i] = matches;
    const best = matches[0];
    const wordWeight = best !== undefined ? (vocab.ix.tokenWeight[best.id] as number) : priorWeight(t.text);
    const weight = kindWeight(t.kind, wordWeight);
    const parts =
      t.kind === 'word' ? [...vocab.splitParts(t.text), ...(abjad ? [] : articleGluedStem(vocab, t.text))] : [];
    if (parts.length > 0) splitWords = true;
    const glued =
      abjad && t.kind === 'word'
        ? [
            ...vocab.gluedArticleMatches(t.text),
            ...((matches[0]?.similarity ?? 0) < ABJAD_AGREEMENT_SIMILARITY ? gluedHalves(t.text) : []),
          ]
        : NO_MATCHES;
    // Arabic script also glues words the listing writes apart in ways no split predicts ("خدايرحيم" / "KHUDAI RAHIM").
    if (glued.length > 0 || (abjad && t.text.length >= GLUED_ABJAD_MIN_LENGTH && (matches[0]?.similarity ?? 0) < 1))
      splitWords = true;
    units.push({
      weight,
      matches:
        parts.length === 0 && glued.length === 0
          ? matches
          : [...matches, ...parts.map((id) => ({ id, similarity: 1 })), ...glued],
    });
    return { text: t.text, kind: t.kind, weight, token: t, surface: t.surface };
  });
  // Two query words written as one listed word ("sense time" → "sensetime").
  for (let i = 0; i + 1 < queryTokens.length; i++) {
    const a = queryTokens[i] as QueryToken;
    const b = queryTokens[i + 1] as QueryToken;
    // A word may run into an ambiguous legal form after it ("Fai sal" / "FAISAL"), as alignment reads it: looked up
    // joined unless the word is listed and the form closes the name or goes before another ("TRADING CO", "CO LTD").
    if (!JOINABLE_KIND[a.kind] || !(JOINABLE_KIND[b.kind] || (a.kind === 'word' && ambiguousLegalForm(b)))) continue;
    if (!JOINABLE_KIND[b.kind] && (lookedUp[i]?.[0]?.similarity ?? 0) === 1 && queryTokens[i + 2]?.kind !== 'word')
      continue;
    const matches: { id: number; similarity: number }[] = [];
    for (const [l, r] of joinedSpellings(a, b)) {
      const joined = canonicalWord(l + r);
      // A listed word only a letter or so longer than one part is that part ("muhammad m" is not "muhammadm").
      const minLength = Math.max(l.length, r.length) + 2;
      for (const { id } of abjad ? vocab.lookup(joined, 'word', false, true) : vocab.nearSpellings(joined)) {
        const listed = vocab.ix.tokenText[id] as string;
        const similarity = han
          ? listed === joined
            ? 1
            : 0
          : listed.length >= minLength
            ? joinedQuerySimilarity(l, r, joined, listed, MERGE_SIMILARITY_FLOOR, abjad)
            : 0;
        if (similarity > 0) matches.push({ id, similarity });
      }
    }
    if (matches.length > 0) units.push({ weight: a.weight + b.weight, matches });
  }
  // Arabic script: a compound around the article written as one listed word ("jlal al din" → "jalaluddin").
  if (abjad) {
    for (let i = 0; i + 2 < queryTokens.length; i++) {
      const [a, article, b] = [queryTokens[i], queryTokens[i + 1], queryTokens[i + 2]] as QueryToken[];
      if (
        a === undefined ||
        !JOINABLE_KIND[a.kind] ||
        article?.kind !== 'particle' ||
        article.text !== 'al' ||
        b?.kind !== 'word'
      )
        continue;
      const matches = vocab.compoundMatches(a.text, b.text);
      if (matches.length > 0) units.push({ weight: a.weight + article.weight + b.weight, matches });
    }
  }
  // Acronyms: a query word for a listed name's initials, or a listed word for the query's ("PLA", "UAC").
  const reading = acronymReading(query.type, false, tokenized);
  const acronyms: AcronymRetrieval = acronymRetrieval(queryTokens, vocab.ix, reading);
  units.push(...acronyms.units);
  const totalWeight = queryTokens.reduce((s, t) => s + t.weight, 0);
  // Tokens that retrieve nothing but may still align when scored (legal forms, particles, initials, or a word the list
  // only has as a legal form, like a leading "SA") are counted as if they matched every candidate.
  const lightWeight = queryTokens.reduce(
    (s, t) =>
      s + (!RETRIEVABLE_KIND[t.kind] || vocab.knownWithoutPostings(t.text) || ambiguousLegalForm(t) ? t.weight : 0),
    0,
  );
  return {
    tokenized,
    queryTokens,
    units,
    lookedUp,
    splitWords,
    totalWeight,
    lightWeight,
    acronymReading: reading,
    acronymNames: acronyms.names,
  };
}

/** A word ending in a spelling of the article, with at least three letters before it ("abdul", "abdel", "nurul"). */
const GLUED_ARTICLE_ENDING = /^(.{3,})(?:al|el|ul|ol)$/;

/**
 * The listed word a Latin word is with the article run onto its end ("abdul" → "abd", as "عبد الرحمن" is indexed):
 * such a listed name aligns the one query word with two of its words, the word and the article, so the retrieval
 * bound must allow for it (see splitWords). A retrieval hint only, as splitParts.
 */
function articleGluedStem(vocab: VocabularyLookup, text: string): number[] {
  const stem = GLUED_ARTICLE_ENDING.exec(text)?.[1];
  const id = stem === undefined ? undefined : vocab.ix.tokenIds.get(stem);
  return id === undefined ? [] : [id];
}

/**
 * Whether a token is an ambiguous legal form ("AO", "SA", "SAL"), read as a word or as the form: a word so read may
 * align with the listed legal form ("AO PASIT" / "AKTSIONERNOE OBSHCHESTVO PASIT"), which retrieves nothing.
 */
function ambiguousLegalForm(t: { text: string; kind: TokenKind }): boolean {
  return (t.kind === 'word' || t.kind === 'legal') && AMBIGUOUS_LEGAL_FORMS.has(t.text);
}

/** A number token's look-up with the listed word its typed digits spell ("Y3" → "ye"), less sure than the word. */
function withTypedDigitReading(
  vocab: VocabularyLookup,
  t: NameToken,
  looked: readonly { id: number; similarity: number }[],
): readonly { id: number; similarity: number }[] {
  if (t.kind !== 'number') return looked;
  const reading = digitsReadAsLetters(t.text);
  const id = reading === undefined ? undefined : vocab.ix.tokenIds.get(reading);
  return id === undefined ? looked : [...looked, { id, similarity: TYPED_DIGITS_SIMILARITY }];
}
