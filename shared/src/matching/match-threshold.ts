/**
 * The score at which a candidate becomes a hit (0..1), tuned on bench/accuracy.ts (labelled variation suite and the
 * yente corpus against OFAC SDN + Consolidated + UN).
 *
 * Why 0.85: a full name with one typo scores about 0.93-0.98 and a missing middle name or extra given name about
 * 0.85-0.9, while the rules cap one shared name part at 0.75 and disagreeing numbers at 0.5, so one shared word can
 * never make a hit. Measured on the benchmark, name only: at 0.80 every Latin-script variation class reaches 99% recall
 * but 0.70% of the 100,000 yente negatives hit; at 0.85 recall is 98-100% per class with 0.35% false positives; at 0.90
 * recall on missing/extra tokens falls to 75%. With a birth date the false-positive rate at 0.85 is 0.04%.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.85;
