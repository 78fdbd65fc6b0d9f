/**
 * The rules' name score (rules-1) a pair needs before the calibrated scorer may call it a hit: below it the
 * probability is held under the capped pairs' ceiling, in screening and in compare alike. The rules' own hit level:
 * the calibrated scorer decides among the names the rules find (it re-ranks them, reads birth date and country, and
 * turns away near misses), not beyond them. Lower, it let through names that share parts with a listed one (at 0.6,
 * 18.8% of the yente negatives hit, against 0.39% for the rules; decision 0025).
 */
export const HIT_NAME_FLOOR = 0.83;

/**
 * The rules' name score retrieval works to when near misses are asked for: listed names that cannot reach it (by the
 * bounds of decision 0009) are never scored. 0.6, the floor near misses were retrieved at before. Hits alone are
 * retrieved to HIT_NAME_FLOOR, so screening retrieves what it did before.
 */
export const RETRIEVAL_FLOOR = 0.6;
