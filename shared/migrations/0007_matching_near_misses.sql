-- Near misses: the best candidates that scored between NEAR_MISS_FLOOR and the threshold, each with its score and the
-- reason it fell short. Stored with the result they belong to, so the officer sees why a screening was no_hit, and
-- kept apart from the matches so they can never count as a hit.
ALTER TABLE screenings ADD COLUMN IF NOT EXISTS near_misses jsonb NOT NULL DEFAULT '[]';
ALTER TABLE batch_results ADD COLUMN IF NOT EXISTS near_misses jsonb NOT NULL DEFAULT '[]';
