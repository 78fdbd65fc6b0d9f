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
 * Which scorer produced a score: printed by the benchmarks beside their figures so that figures from different
 * scorers are never compared as if they were one. "rules-1": the hand-weighted alignment and signal rules.
 */
export const SCORER_VERSION = 'rules-1';
