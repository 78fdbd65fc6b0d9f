-- Workspaces: every key belongs to one, and every screening, batch and webhook subscription belongs to the workspace of
-- the key that made it. Rows from before workspaces (and rows written without a key) belong to 'default'.
CREATE TABLE workspaces (
  id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
  -- The workspace whose admin key created this one: its admins may manage this workspace's keys. NULL for 'default'.
  parent_id  text REFERENCES workspaces (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO workspaces (id) VALUES ('default');

ALTER TABLE api_keys
  ADD COLUMN workspace_id          text NOT NULL DEFAULT 'default' REFERENCES workspaces (id),
  ADD COLUMN created_by            uuid REFERENCES api_keys (id),
  ADD COLUMN rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
  ADD COLUMN rotated_at            timestamptz;

CREATE INDEX api_keys_by_workspace ON api_keys (workspace_id, created_at);

ALTER TABLE screenings ADD COLUMN workspace_id text NOT NULL DEFAULT 'default' REFERENCES workspaces (id);
ALTER TABLE batches ADD COLUMN workspace_id text NOT NULL DEFAULT 'default' REFERENCES workspaces (id);
ALTER TABLE webhook_subscriptions ADD COLUMN workspace_id text NOT NULL DEFAULT 'default' REFERENCES workspaces (id);
-- NULL for events of no workspace (list.updated), which every workspace's subscriptions may take.
ALTER TABLE webhook_events ADD COLUMN workspace_id text REFERENCES workspaces (id);
UPDATE webhook_events e SET workspace_id = coalesce((SELECT k.workspace_id FROM api_keys k WHERE k.id = e.api_key_id), 'default')
WHERE e.type <> 'list.updated';

CREATE INDEX batches_by_workspace ON batches (workspace_id, created_at DESC, id DESC);
CREATE INDEX screenings_by_workspace ON screenings (workspace_id, created_at DESC, id DESC);
CREATE INDEX webhook_subscriptions_by_workspace ON webhook_subscriptions (workspace_id, created_at);
