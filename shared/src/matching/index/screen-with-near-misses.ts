import type { MatchIndex, ScreenedWithNearMisses } from './match-index';
import { DEFAULT_NEAR_MISS_FLOOR, NEAR_MISS_LIMIT } from '../score/match-threshold';
import type { ScreeningQuery } from '../types';

/** How a service screens: the hit threshold, the most hits, and the floor of the near misses shown beside them. */
export interface MatchOptions {
  threshold: number;
  limit: number;
  /** Config NEAR_MISS_FLOOR; DEFAULT_NEAR_MISS_FLOOR when absent. */
  nearMissFloor?: number;
}

/**
 * Screens one query for its hits and its near misses (at most NEAR_MISS_LIMIT, best first), as every answer carries,
 * with the query's normalized name.
 */
export function screenWithNearMisses(
  index: MatchIndex,
  query: ScreeningQuery,
  options: MatchOptions,
): ScreenedWithNearMisses {
  return index.screenWithNearMisses(query, {
    threshold: options.threshold,
    limit: options.limit,
    nearMissFloor: options.nearMissFloor ?? DEFAULT_NEAR_MISS_FLOOR,
    nearMissLimit: NEAR_MISS_LIMIT,
  });
}
