/**
 * The matching engine: pure functions, no I/O. Normalise names, build an in-memory index once per list version,
 * screen queries against it with scored, explained matches, and compare two names directly.
 */
export type { CompareResult, MatchableEntity, NameMatch, NearMiss, NearMissOptions, ScreeningQuery, ScreenOptions } from './types';
export { buildMatchIndex, MAX_NAMES_SCORED, type MatchIndex } from './match-index';
export { compare } from './compare';
export { screenWithNearMisses, type MatchOptions } from './screen-with-near-misses';
export { DEFAULT_MATCH_THRESHOLD, DEFAULT_NEAR_MISS_FLOOR, NEAR_MISS_LIMIT, SCORER_VERSION } from './match-threshold';
export { normalizeName, tokenizeName, type NameToken, type TokenKind, type TokenizedName } from './normalize-name';
export { transliterate } from './transliterate';
export { jaroWinkler } from './jaro-winkler';
export { phoneticKey } from './phonetic-key';
export { koreanSyllableKey, tokenSimilarity } from './token-similarity';
export { abjadSpells } from './abjad-reading';
