-- An upload in progress proves it is alive: the API process receiving it touches upload_seen_at every few
-- seconds. A batch still receiving whose upload_seen_at is old lost its sender or its API process (a crash,
-- a Postgres outage): it is failed, and its Idempotency-Key accepts a new upload.
ALTER TABLE batches ADD COLUMN upload_seen_at timestamptz NOT NULL DEFAULT now();

-- POST /v1/screenings honours Idempotency-Key like batches: a retry after a timeout finds the screening it made.
-- request_hash tells a retry (same body) from a key reused for another request (refused).
ALTER TABLE screenings ADD COLUMN idempotency_key text;
ALTER TABLE screenings ADD COLUMN request_hash text;
CREATE UNIQUE INDEX screenings_idempotency ON screenings (coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid), idempotency_key)
  WHERE idempotency_key IS NOT NULL;
