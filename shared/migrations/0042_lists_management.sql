-- Lists turned off and on, every warning of an import (not only the first 500), and an import's progress while it runs;
-- and a batch row's warning (what was set aside so the row could be screened).
ALTER TABLE list_sources
  ADD COLUMN disabled_at     timestamptz,
  ADD COLUMN disabled_reason text;

ALTER TABLE list_versions
  -- Null on versions imported before this migration: their count is the length of the warnings column.
  ADD COLUMN warning_count    integer,
  ADD COLUMN progress_percent smallint NOT NULL DEFAULT 0,
  ADD COLUMN bytes_read       bigint NOT NULL DEFAULT 0,
  ADD COLUMN bytes_total      bigint NOT NULL DEFAULT 0,
  ADD COLUMN entities_staged  integer NOT NULL DEFAULT 0;

UPDATE list_versions SET progress_percent = 100 WHERE status IN ('active', 'superseded');

CREATE TABLE list_version_warnings (
  version_id bigint NOT NULL REFERENCES list_versions (id) ON DELETE CASCADE,
  -- The warning's place in the import, from 1: the key of the keyset pages.
  position   integer NOT NULL,
  file       text NOT NULL,
  line       integer,
  element    text,
  field      text,
  message    text NOT NULL,
  PRIMARY KEY (version_id, position)
);

ALTER TABLE batch_rows ADD COLUMN warning text;
