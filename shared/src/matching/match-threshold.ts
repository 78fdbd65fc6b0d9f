/**
 * The score at which a candidate becomes a hit (0..1), tuned on bench/accuracy.ts.
 * A full name with one typo scores about 0.93-0.97, a missing middle name about 0.88, while one shared part is capped at
 * 0.75 and a different surname lands near 0.5; 0.85 keeps all positive classes above the line with a margin for a
 * second typo, and sits above the 0.75 single-part cap so one shared word can never make a hit.
 */
export const DEFAULT_MATCH_THRESHOLD = 0.85;
