-- Parsed entities of an import in progress, diffed against the active version before the switch.
CREATE UNLOGGED TABLE list_import_staging (
  version_id       bigint NOT NULL REFERENCES list_versions (id) ON DELETE CASCADE,
  source_entity_id text NOT NULL,
  content_hash     text NOT NULL,
  document         jsonb NOT NULL,
  PRIMARY KEY (version_id, source_entity_id)
);
