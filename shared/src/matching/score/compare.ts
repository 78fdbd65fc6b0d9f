import { applyEntitySignals, type EntityVerdict } from '../signals/entity-signals';
import { explainNameAlignment } from '../explain/explain-name';
import { alignNames, type NameAlignment, type WeightedToken } from './name-alignment';
import { tokenizeName, type TokenizedName } from '../normalize/normalize-name';
import { isSyllabicPersonName } from '../normalize/syllabic-person-name';
import { DEFAULT_MATCH_THRESHOLD, RULES_THRESHOLD } from './match-threshold';
import { attributeAgreement } from '../signals/attribute-agreement';
import { measurePair } from '../signals/pair-signals';
import { calibratedProbability, calibratedSentences, calibratedVerdict } from './calibrated-scorer';
import {
  nearReadingSimilarity,
  placeAdjectiveSimilarity,
  tokenSimilarity,
  translationSimilarity,
} from '../signals/token-similarity';
import { koreanSyllableSimilarity } from '../signals/korean-syllables';
import { sameSyllabicScript } from '../signals/original-script';
import { kindWeight, priorWeight } from '../signals/token-weights';
import type { CompareResult, ScreeningQuery } from '../types';
import { acronymReading } from '../normalize/acronyms';
import { verdictSentence } from '../explain/verdict';

/** Both names read, the query aligned with the listed name, and the entity signals applied: what compare scores. */
export interface PairAlignment {
  left: TokenizedName;
  right: TokenizedName;
  query: WeightedToken[];
  listed: WeightedToken[];
  alignment: NameAlignment;
  verdict: EntityVerdict;
}

/**
 * Aligns one name with another the way screening aligns a query with a listed name. `b` plays the listed side. Token
 * rarity comes from `rarity` (the training pairs pass their list's document frequencies) or, with no list to learn
 * from, the built-in table of common name parts.
 */
export function alignPair(
  a: ScreeningQuery,
  b: ScreeningQuery,
  rarity: (text: string) => number = priorWeight,
): PairAlignment {
  const left = tokenizeName(a.name);
  const right = tokenizeName(b.name);
  const weigh = (t: { text: string; kind: WeightedToken['kind'] }): WeightedToken => ({
    text: t.text,
    kind: t.kind,
    weight: kindWeight(t.kind, rarity(t.text)),
  });
  const query = left.tokens.map((t) => ({ ...weigh(t), surface: t.surface }));
  const listed = right.tokens.map(weigh);
  // Both written in Hangul (or Han, or kana): a syllable is itself or another syllable, as it is written, not as its
  // romanisations may fold together ("정" and "종" are both "chong" in one system).
  const syllables = sameSyllabicScript(a.name, b.name) ? writtenSyllables(a.name, b.name, left, right) : undefined;
  const alignment = alignNames(
    query,
    listed,
    (i, j) => {
      const q = query[i] as WeightedToken;
      const c = listed[j] as WeightedToken;
      const words = q.kind === 'word' && c.kind === 'word';
      if (syllables !== undefined && words) return syllables[0][i] === syllables[1][j] ? 1 : 0;
      if (left.hangul && words) return koreanSyllableSimilarity(q.text, c.text);
      const token = left.tokens[i];
      // A Mandarin syllable read from a Han character is exact: "cheng" is not "chen".
      const spelled =
        left.han && words ? (q.text === c.text ? 1 : 0) : tokenSimilarity(q.text, q.kind, c.text, c.kind, left.abjad);
      const s = Math.max(spelled, translationSimilarity(token?.translations, c.text));
      if (token?.placeStems !== undefined && c.kind === 'word')
        return Math.max(s, placeAdjectiveSimilarity(token.placeStems, c.text));
      return s === 0 && left.abjad && words ? nearReadingSimilarity(q.text, c.text) : s;
    },
    left.abjad,
    left.orderedPairs,
    left.han,
    isSyllabicPersonName(left),
    // Untyped and without legal forms, the listed side may be a person, whose initials are no acronym.
    acronymReading(
      a.type ?? b.type,
      b.type === 'person' ||
        (a.type === undefined && b.type === undefined && !left.hasLegalForm && !right.hasLegalForm),
      left,
    ),
  );
  const verdict = applyEntitySignals(alignment.score, alignment.cap !== undefined, a, left.hasLegalForm, {
    type: b.type ?? (right.hasLegalForm ? 'organization' : undefined),
    birthDates: b.birthDate === undefined ? [] : [b.birthDate],
    countries: b.country === undefined ? [] : [b.country],
    identifiers: (b.identifiers ?? []).map((id) => ({ type: id.type ?? 'identifier', value: id.value })),
  });
  return { left, right, query, listed, alignment, verdict };
}

/** The sentences a compare opens with: how the names lined up, then what the entity signals changed. */
function alignedPairSentences(aligned: ReturnType<typeof alignPair>, listedName: string): string[] {
  const { left, right, listed, alignment, verdict } = aligned;
  return [
    ...explainNameAlignment(
      left.tokens,
      right.tokens,
      listed,
      alignment,
      listedName,
      'primary',
      [...left.dropped, ...right.dropped],
      left.abjad,
      left.hangul,
    ),
    ...verdict.sentences,
  ];
}

const SYLLABLE = /[\p{L}\p{M}]/gu;

/** Each side's tokens as the syllables they were written as, when the tokens are the syllables one to one. */
function writtenSyllables(
  a: string,
  b: string,
  left: TokenizedName,
  right: TokenizedName,
): [string[], string[]] | undefined {
  const la = a.normalize('NFC').match(SYLLABLE) ?? [];
  const lb = b.normalize('NFC').match(SYLLABLE) ?? [];
  return la.length === left.tokens.length && lb.length === right.tokens.length ? [la, lb] : undefined;
}

/**
 * Scores one name (and its attributes) against another with the rules alone (scorer "rules-1"), the way screening
 * scored before the calibrated scorer: kept for the benchmarks' comparison and for retrieval's bound.
 */
export function rulesCompare(a: ScreeningQuery, b: ScreeningQuery, threshold: number = RULES_THRESHOLD): CompareResult {
  const aligned = alignPair(a, b);
  const { verdict } = aligned;
  const explanation = [...alignedPairSentences(aligned, b.name), verdictSentence(verdict.score, threshold)];
  const score = Math.round(verdict.score * 10000) / 10000;
  return { score, match: !verdict.excluded && score >= threshold, explanation };
}

/**
 * Scores one name (and its attributes) against another the way screening scores a query against a listed name, and
 * explains the result: the calibrated probability over the pair signals, the entity type's exclusion and an
 * identifier's match as screening applies them. `b` plays the listed side.
 */
export function compare(
  a: ScreeningQuery,
  b: ScreeningQuery,
  threshold: number = DEFAULT_MATCH_THRESHOLD,
): CompareResult {
  const aligned = alignPair(a, b);
  const { alignment, verdict } = aligned;
  const values = measurePair({
    ...aligned,
    leftName: a.name,
    rightName: b.name,
    attributes: attributeAgreement(a, {
      birthDates: b.birthDate === undefined ? [] : [b.birthDate],
      countries: b.country === undefined ? [] : [b.country],
    }),
  });
  const probability = verdict.excluded
    ? 0
    : verdict.decisive
      ? 1
      : calibratedProbability(values, alignment.cap, verdict.typeDiffers);
  const explanation = [
    ...alignedPairSentences(aligned, b.name),
    ...calibratedSentences(values),
    calibratedVerdict(probability, threshold),
  ];
  const score = Math.round(probability * 10000) / 10000;
  return { score, match: !verdict.excluded && score >= threshold, explanation };
}
