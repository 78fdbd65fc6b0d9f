-- Monitored customers: a workspace's book, kept so that each list update is checked against it without an upload.
-- A deleted customer keeps its row (its screenings and alerts point at it) with monitored = false.
CREATE TABLE customers (
  id                bigserial PRIMARY KEY,
  workspace_id      text NOT NULL REFERENCES workspaces (id),
  reference         text NOT NULL,
  name              text NOT NULL,
  entity_type       text CHECK (entity_type IN ('person', 'organization', 'vessel', 'aircraft')),
  birth_date        text,
  country           text,
  monitored         boolean NOT NULL DEFAULT true,
  last_screening_id uuid REFERENCES screenings (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  -- The change feed workers keep their customer index current from (clock_timestamp: later writes sort later).
  updated_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (workspace_id, reference)
);

CREATE INDEX customers_change_feed ON customers (updated_at, id);
CREATE INDEX customers_by_workspace ON customers (workspace_id, reference) WHERE monitored;

-- POST /v1/batches?monitor=true: the batch's rows become monitored customers of its workspace.
ALTER TABLE batches ADD COLUMN monitor boolean NOT NULL DEFAULT false;
