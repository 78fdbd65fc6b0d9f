/**
 * The rules' name score retrieval works to: listed names that cannot reach it (by the bounds of decision 0009) are
 * never scored, the rest are re-scored by the calibrated scorer; compare holds a pair below it under the capped
 * pairs' ceiling, as screening would never find it. 0.6 is the floor the near misses were retrieved at before, so
 * screening retrieves no more than it did (decision 0021).
 */
export const RETRIEVAL_FLOOR = 0.6;
