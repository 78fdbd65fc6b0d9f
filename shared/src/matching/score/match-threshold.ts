/**
 * The score at which a candidate becomes a hit (0..1), tuned on bench/accuracy.ts (labelled variation suite and the
 * yente corpus against OFAC SDN + Consolidated + UN).
 *
 * Why 0.83: a full name with one typo scores about 0.93-0.98 and a missing middle name or extra given name about
 * 0.83-0.9, while the rules cap one shared name part at 0.75 and disagreeing numbers at 0.5, so one shared word can
 * never make a hit. Measured on the benchmark, name only: at 0.85 the missing-token class stays at 98.0% recall (a
 * rare middle name left out of a common first and last name scores 0.84), with 0.25% / 0.17% of the yente negatives
 * hitting; at 0.83 every Latin-script variation class reaches 99% recall, with 0.29% / 0.24%; at 0.82 the common-names
 * class doubles its false positives. A missed listed person is a breach, an extra alert a review, so the lower of the
 * two that keeps the yente rate well under 0.5%. With a birth date the false-positive rate at 0.83 is 0.03%.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.83;

/**
 * Candidates from this score up to the threshold are shown as near misses (config NEAR_MISS_FLOOR). At 0.6 an exact
 * name with a birth date that disagrees (1.0 less 0.15) or a name one word short still shows, while a single shared
 * word (capped at 0.75, usually far lower with the rest unmatched) mostly does not crowd the answer.
 */
export const DEFAULT_NEAR_MISS_FLOOR = 0.6;
/** Near misses shown per answer, best first: enough to see why, few enough to read. */
export const NEAR_MISS_LIMIT = 5;

/**
 * Which scorer produced a score: printed by the benchmarks beside their figures so that figures from different
 * scorers are never compared as if they were one. "rules-1": the hand-weighted alignment and signal rules.
 */
export const SCORER_VERSION = 'rules-1';
