-- Per-key rate limits (issue 19): rate_limit_per_minute (0006) is bounded like the API validates it, 1 to 1,000,000
-- requests a minute; NULL keeps RATE_LIMIT_PER_MINUTE. A key set higher before the bound gets the bound.
UPDATE api_keys SET rate_limit_per_minute = 1000000 WHERE rate_limit_per_minute > 1000000;
ALTER TABLE api_keys
  ADD CONSTRAINT api_keys_rate_limit_per_minute_range CHECK (rate_limit_per_minute BETWEEN 1 AND 1000000);

-- The alerts_open gauge counts alerts not closed at every scrape: a partial index keeps that an index-only count of
-- the open ones, however many closed alerts accumulate.
CREATE INDEX alerts_not_closed ON alerts (status) WHERE status <> 'closed';
