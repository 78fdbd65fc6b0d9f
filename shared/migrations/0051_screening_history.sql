-- Screening history: one row per screening result, whatever made it (a single screening, a batch row, a monitoring
-- run's alert), written in the transaction that records the result. GET /v1/screenings reads only this table, so every
-- filter is one index scan in (screened_at, id) order and a page costs the same at row 10 as at row 10,000,000
-- (docs/decisions/0019).
CREATE TABLE screening_history (
  -- The screening's id; a batch row's is the batch's hash and the line (batchRowHistoryId); a monitoring result's is its alert's.
  id           uuid NOT NULL,
  -- No foreign keys: the result's own row holds them, and a 10M-row history should not pay a lookup per insert.
  workspace_id text NOT NULL,
  source       text NOT NULL CHECK (source IN ('screening', 'batch', 'monitoring')),
  screened_at  timestamptz NOT NULL,
  reference    text,
  name         text NOT NULL,
  -- normalizeName(name), the matcher's own reading (computed on write: it is TypeScript, not SQL), for `?name=`.
  name_key     text NOT NULL,
  entity_type  text,
  birth_date   text,
  country      text,
  decision     text NOT NULL CHECK (decision IN ('hit', 'no_hit')),
  top_score    real,
  match_count  integer NOT NULL,
  batch_id     uuid,
  line         integer,
  -- e.g. "ofac-sdn@3+seed@1": the versions the result was matched against.
  list_version text
);

-- The newest page of a workspace, date ranges, `decision=no_hit` (most rows), and any filter without its own index.
CREATE INDEX screening_history_newest ON screening_history (workspace_id, screened_at DESC, id DESC);
-- One customer's history: the page's view by reference.
CREATE INDEX screening_history_by_reference ON screening_history (workspace_id, reference, screened_at DESC, id DESC)
  WHERE reference IS NOT NULL;
-- Hits are rare: walking the newest index for them would read hundreds of rows per hit.
CREATE INDEX screening_history_hits ON screening_history (workspace_id, screened_at DESC, id DESC) WHERE decision = 'hit';
CREATE INDEX screening_history_by_source ON screening_history (workspace_id, source, screened_at DESC, id DESC);
CREATE INDEX screening_history_by_batch ON screening_history (batch_id, screened_at DESC, id DESC) WHERE batch_id IS NOT NULL;
-- `name` contains: trigrams answer LIKE '%…%' (pg_trgm is in 0001, and PGlite ships it).
CREATE INDEX screening_history_name_trgm ON screening_history USING gin (name_key gin_trgm_ops);
-- A single screening is recorded once (its job may be redelivered): the insert skips a second one.
CREATE UNIQUE INDEX screening_history_one_per_result ON screening_history (id);

-- Results from before this migration. SQL cannot run normalizeName, so their name_key is the nearest SQL reading
-- (lower-cased, accents and punctuation removed); batch rows and monitoring results did not record their list versions.
INSERT INTO screening_history (id, workspace_id, source, screened_at, reference, name, name_key, entity_type, birth_date,
                               country, decision, top_score, match_count, batch_id, line, list_version)
SELECT s.id, s.workspace_id, 'screening', s.screened_at, s.reference, s.name,
       btrim(regexp_replace(lower(unaccent(s.name)), '[^[:alnum:]]+', ' ', 'g')), s.entity_type, s.birth_date, s.country,
       s.decision, s.best_score, (SELECT count(*) FROM screening_matches m WHERE m.screening_id = s.id),
       NULL, NULL,
       (SELECT string_agg((v ->> 'sourceId') || '@' || (v ->> 'version'), '+') FROM jsonb_array_elements(s.list_versions) v)
FROM screenings s
WHERE s.status = 'done' AND s.screened_at IS NOT NULL AND s.decision IS NOT NULL;

INSERT INTO screening_history (id, workspace_id, source, screened_at, reference, name, name_key, entity_type, birth_date,
                               country, decision, top_score, match_count, batch_id, line, list_version)
SELECT (substr(md5(x.batch_id::text), 1, 20) || lpad(to_hex(x.line), 12, '0'))::uuid, b.workspace_id, 'batch', coalesce(b.finished_at, b.started_at, b.created_at),
       r.reference, r.name, btrim(regexp_replace(lower(unaccent(r.name)), '[^[:alnum:]]+', ' ', 'g')), r.type, r.birth_date,
       r.country, x.decision, x.score, jsonb_array_length(x.matches), x.batch_id, x.line, NULL
FROM batch_results x
JOIN batch_rows r ON r.batch_id = x.batch_id AND r.line = x.line
JOIN batches b ON b.id = x.batch_id;

INSERT INTO screening_history (id, workspace_id, source, screened_at, reference, name, name_key, entity_type, birth_date,
                               country, decision, top_score, match_count, batch_id, line, list_version)
SELECT a.id, a.workspace_id, 'monitoring', a.created_at, a.reference, a.query ->> 'name',
       btrim(regexp_replace(lower(unaccent(a.query ->> 'name')), '[^[:alnum:]]+', ' ', 'g')), a.query ->> 'type',
       a.query ->> 'birthDate', a.query ->> 'country', 'hit', a.best_score,
       (SELECT count(*) FROM alert_matches m WHERE m.alert_id = a.id), NULL, NULL, NULL
FROM alerts a
WHERE a.source = 'monitoring';

