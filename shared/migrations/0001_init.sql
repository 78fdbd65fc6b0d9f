-- Lists, entities and their citations; screenings and their matches; API keys; the audit trail.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE list_sources (
  id                text PRIMARY KEY,
  name              text NOT NULL,
  authority         text NOT NULL,
  url               text NOT NULL,
  license           text NOT NULL,
  active_version_id bigint,
  created_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE list_versions (
  id            bigserial PRIMARY KEY,
  source_id     text NOT NULL REFERENCES list_sources (id),
  version       integer NOT NULL,
  status        text NOT NULL CHECK (status IN ('importing', 'active', 'superseded', 'failed')),
  format        text NOT NULL,
  -- Hash over every entity's content hash: the same list imported twice has the same hash.
  content_hash  text,
  files         jsonb NOT NULL DEFAULT '[]',
  published_at  timestamptz,
  entity_count  integer NOT NULL DEFAULT 0,
  name_count    integer NOT NULL DEFAULT 0,
  added_count   integer NOT NULL DEFAULT 0,
  removed_count integer NOT NULL DEFAULT 0,
  changed_count integer NOT NULL DEFAULT 0,
  warnings      jsonb NOT NULL DEFAULT '[]',
  error         jsonb,
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz,
  activated_at  timestamptz,
  UNIQUE (source_id, version)
);

ALTER TABLE list_sources
  ADD CONSTRAINT list_sources_active_version_fk FOREIGN KEY (active_version_id) REFERENCES list_versions (id);

-- One row per designated entity and source, holding its content as of the latest version that changed it.
-- Earlier content is kept in list_version_changes.previous, so every version stays reconstructible.
CREATE TABLE entities (
  id                    text PRIMARY KEY,
  source_id             text NOT NULL REFERENCES list_sources (id),
  source_entity_id      text NOT NULL,
  type                  text NOT NULL CHECK (type IN ('person', 'organization', 'vessel', 'aircraft')),
  primary_name          text NOT NULL,
  programs              text[] NOT NULL DEFAULT '{}',
  document              jsonb NOT NULL,
  content_hash          text NOT NULL,
  listed_in_version_id  bigint NOT NULL REFERENCES list_versions (id),
  updated_in_version_id bigint NOT NULL REFERENCES list_versions (id),
  removed_in_version_id bigint REFERENCES list_versions (id),
  UNIQUE (source_id, source_entity_id)
);

CREATE INDEX entities_active_by_source ON entities (source_id) WHERE removed_in_version_id IS NULL;

CREATE TABLE entity_names (
  entity_id   text NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  position    smallint NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('primary', 'alias', 'weak_alias', 'original_script')),
  script      text,
  -- Lower-cased, accent-free form for trigram search (unaccent() is not immutable, so it is computed on write).
  search_name text NOT NULL,
  PRIMARY KEY (entity_id, position)
);

CREATE INDEX entity_names_search_trgm ON entity_names USING gin (search_name gin_trgm_ops);

CREATE TABLE citations (
  entity_id     text NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  position      smallint NOT NULL,
  title         text NOT NULL,
  url           text,
  publisher     text,
  authority     text,
  program       text,
  listed_on     date,
  source_row_id text,
  retrieved_at  timestamptz,
  note          text,
  PRIMARY KEY (entity_id, position)
);

-- The delta of each version against the one before it.
CREATE TABLE list_version_changes (
  version_id bigint NOT NULL REFERENCES list_versions (id),
  -- Deferred: the delta is recorded before the entities it adds are written, in the same transaction.
  entity_id  text NOT NULL REFERENCES entities (id) DEFERRABLE INITIALLY DEFERRED,
  change     text NOT NULL CHECK (change IN ('added', 'removed', 'changed')),
  fields     text[] NOT NULL DEFAULT '{}',
  previous   jsonb,
  PRIMARY KEY (version_id, entity_id)
);

CREATE TABLE api_keys (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  key_prefix   text NOT NULL,
  key_hash     text NOT NULL UNIQUE,
  scopes       text[] NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);

CREATE TABLE screenings (
  id            uuid PRIMARY KEY,
  api_key_id    uuid REFERENCES api_keys (id),
  status        text NOT NULL CHECK (status IN ('queued', 'done', 'failed')),
  name          text NOT NULL,
  entity_type   text CHECK (entity_type IN ('person', 'organization', 'vessel', 'aircraft')),
  birth_date    text,
  country       text,
  reference     text,
  decision      text CHECK (decision IN ('hit', 'no_hit')),
  best_score    real,
  threshold     real,
  list_versions jsonb,
  error         text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  screened_at   timestamptz
);

CREATE INDEX screenings_queued_by_age ON screenings (created_at) WHERE status = 'queued';

-- What was shown at screening time: entity names, programs and citations are copied so the evidence never changes.
CREATE TABLE screening_matches (
  screening_id      uuid NOT NULL REFERENCES screenings (id) ON DELETE CASCADE,
  rank              smallint NOT NULL,
  entity_id         text NOT NULL REFERENCES entities (id),
  entity_name       text NOT NULL,
  entity_type       text NOT NULL,
  matched_name      text NOT NULL,
  matched_name_kind text NOT NULL,
  score             real NOT NULL,
  programs          text[] NOT NULL,
  lists             text[] NOT NULL,
  explanation       jsonb NOT NULL,
  citations         jsonb NOT NULL,
  PRIMARY KEY (screening_id, entity_id)
);

CREATE TABLE audit_log (
  id          bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor       text,
  action      text NOT NULL,
  subject     text,
  details     jsonb NOT NULL DEFAULT '{}'
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
