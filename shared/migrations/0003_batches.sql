-- Batch screening: an uploaded customer file, its rows, the rows refused, and one result per row.
CREATE TABLE batches (
  id              uuid PRIMARY KEY,
  api_key_id      uuid REFERENCES api_keys (id),
  status          text NOT NULL CHECK (status IN ('receiving', 'queued', 'running', 'done', 'failed', 'cancelled')),
  idempotency_key text,
  filename        text,
  total_rows      integer NOT NULL DEFAULT 0,
  invalid_rows    integer NOT NULL DEFAULT 0,
  processed_rows  integer NOT NULL DEFAULT 0,
  hit_rows        integer NOT NULL DEFAULT 0,
  error           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  started_at      timestamptz,
  finished_at     timestamptz
);

-- NULLS NOT DISTINCT is Postgres 15+; coalesce keeps keyless (unauthenticated) uploads apart the same way.
CREATE UNIQUE INDEX batches_idempotency ON batches (coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid), idempotency_key)
  WHERE idempotency_key IS NOT NULL;

CREATE TABLE batch_rows (
  batch_id   uuid NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  line       integer NOT NULL,
  reference  text,
  name       text NOT NULL,
  type       text,
  birth_date text,
  country    text,
  PRIMARY KEY (batch_id, line)
);

CREATE TABLE batch_row_errors (
  batch_id uuid NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  line     integer NOT NULL,
  field    text,
  reason   text NOT NULL,
  PRIMARY KEY (batch_id, line)
);

CREATE TABLE batch_results (
  batch_id      uuid NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
  line          integer NOT NULL,
  decision      text NOT NULL CHECK (decision IN ('hit', 'no_hit')),
  score         real,
  entity_id     text,
  entity_name   text,
  matched_name  text,
  lists         text[] NOT NULL DEFAULT '{}',
  programs      text[] NOT NULL DEFAULT '{}',
  citation_urls text[] NOT NULL DEFAULT '{}',
  matches       jsonb NOT NULL DEFAULT '[]',
  PRIMARY KEY (batch_id, line)
);

CREATE INDEX batch_results_hits ON batch_results (batch_id, line) WHERE decision = 'hit';
