import { calibratedProbability, identicalNameValues, SCORER_WEIGHTS } from './calibrated-scorer';

/**
 * The calibrated probability at which a candidate becomes a hit: the threshold chosen on the generated training pairs
 * for the target stated in the weights file (scorer-weights.json `target`), stored with the weights so that a
 * re-trained scorer brings its own. Config MATCH_THRESHOLD overrides it, on the same scale.
 */
export const DEFAULT_MATCH_THRESHOLD = SCORER_WEIGHTS.threshold;

/**
 * The rules' score at which a candidate was a hit before the calibrated scorer (scorer "rules-1"), tuned on bench/accuracy.ts (labelled variation suite and the
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
export const RULES_THRESHOLD = 0.83;

export { HIT_NAME_FLOOR, RETRIEVAL_FLOOR } from './retrieval-floor';

/**
 * Candidates from this calibrated probability up to the threshold are shown as near misses (config NEAR_MISS_FLOOR):
 * half of what an exact name scores when both its birth date and its country disagree, so that pair (the near miss an
 * officer most needs to see) shows, with room for a spelling difference besides. Read from the weights, so a
 * re-trained scorer rescales it; names retrieval does not reach (RETRIEVAL_FLOOR) never crowd the answer.
 */
export const DEFAULT_NEAR_MISS_FLOOR =
  Math.round(calibratedProbability(identicalNameValues({ birthDate: -1, country: -1 }), undefined) * 50) / 100;
/** Near misses shown per answer, best first: enough to see why, few enough to read. */
export const NEAR_MISS_LIMIT = 5;

/**
 * Which scorer produced a score: printed by the benchmarks beside their figures so that figures from different
 * scorers are never compared as if they were one. Screening and compare run the calibrated scorer.
 */
export const SCORER_VERSION = SCORER_WEIGHTS.version;
/** The hand-weighted alignment and signal rules, which retrieval's bounds still read. */
export const RULES_SCORER_VERSION = 'rules-1';
