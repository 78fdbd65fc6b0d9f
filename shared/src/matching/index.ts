/**
 * The matching engine: pure functions, no I/O. Normalise names, build an in-memory index once per list version,
 * screen queries against it with scored, explained matches, and compare two names directly.
 */
export type {
  CompareResult,
  MatchableEntity,
  NameMatch,
  NearMiss,
  NearMissOptions,
  ScreeningQuery,
  ScreenOptions,
} from './types';
export { buildMatchIndex, MAX_NAMES_SCORED, type MatchIndex } from './index/match-index';
export { compare, rulesCompare } from './score/compare';
export { screenWithNearMisses, type MatchOptions } from './index/screen-with-near-misses';
export {
  DEFAULT_MATCH_THRESHOLD,
  DEFAULT_NEAR_MISS_FLOOR,
  NEAR_MISS_LIMIT,
  HIT_NAME_FLOOR,
  RETRIEVAL_FLOOR,
  RULES_SCORER_VERSION,
  RULES_THRESHOLD,
  SCORER_VERSION,
} from './score/match-threshold';
export {
  normalizeName,
  tokenizeName,
  type NameToken,
  type TokenKind,
  type TokenizedName,
} from './normalize/normalize-name';
export { requestCountryCode as countryCode } from '../countries';
export { transliterate } from './normalize/transliterate';
export { jaroWinkler } from './signals/jaro-winkler';
export { phoneticKey } from './signals/phonetic-key';
export {
  queryReadingClassKeys,
  readingClassKeys,
  oneSlipNeighbours,
  readingScriptOf,
  scriptFoldedSpellings,
  scriptQueryReadingKeys,
  scriptReadingKey,
  withinOneSlip,
} from './signals/reading-class-key';
export { listedCyrillicKey, queryCyrillicKeys } from './signals/cyrillic-reading';
export { tokenSimilarity } from './signals/token-similarity';
export { koreanSyllableKey } from './signals/korean-syllables';
export { abjadNearlySpells, abjadSpells } from './normalize/abjad-reading';
export {
  calibratedProbability,
  calibratedSentences,
  CAPPED_PAIR_CEILING,
  SCORER_WEIGHTS,
  type ScorerWeights,
} from './score/calibrated-scorer';
export { calibratedCompare, type CalibratedResult } from './score/calibrated-compare';
export { listWeight, priorWeight } from './signals/token-weights';
export { fitLogistic, logLoss, predict, sigmoid, type LogisticModel } from './score/logistic-regression';
export { pairSignalValues } from './score/pair-signal-values';
export { alignPair } from './score/compare';
export * as pairSignals from './signals/pair-signals';
export { PAIR_SIGNALS } from './signals/pair-signals';
export { readNumberWords } from './normalize/number-words';
export { givenNameVariants, givenNameVariantsOf, GIVEN_NAME_VARIANT_COUNT } from './normalize/given-name-variants';
export { originalScriptDistance } from './signals/original-script';
export { isSyllabicPersonName, MAX_PERSON_NAME_SYLLABLES } from './normalize/syllabic-person-name';
