-- Suppressions: a match an officer cleared as a false positive for one customer stays out of that customer's later
-- screenings while the listed record is unchanged. Keyed by workspace and customer (the reference, else the normalized
-- name and birth date) so every screening reads its suppressions with one indexed lookup inside its write transaction.
CREATE TABLE suppressions (
  id           uuid PRIMARY KEY,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  reference    text,
  -- The normalized name and birth date: the customer when the screening had no reference (NULL for an import by reference).
  subject      text,
  -- 'ref:<reference>' or 'subject:<subject>': what a later screening of the same customer looks up.
  customer_key text NOT NULL,
  entity_id    text NOT NULL REFERENCES entities (id),
  -- The record's content hash (entities.content_hash: names, aliases, dates, places, programs, identifiers, remarks,
  -- citations as the list publishes them) when it was cleared; a list version that changes the record ends its effect.
  entity_hash  text NOT NULL,
  alert_id     uuid REFERENCES alerts (id),
  note         text,
  created_by   uuid REFERENCES api_keys (id),
  approved_by  uuid REFERENCES api_keys (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  ended_at     timestamptz,
  ended_by     uuid REFERENCES api_keys (id)
);

CREATE INDEX suppressions_by_customer ON suppressions (workspace_id, customer_key) WHERE ended_at IS NULL;
CREATE INDEX suppressions_page ON suppressions (workspace_id, created_at DESC, id DESC);
-- One live suppression per customer and record version: an alert closed twice or an import repeated adds none.
CREATE UNIQUE INDEX suppressions_live_unique ON suppressions (workspace_id, customer_key, entity_id, entity_hash) WHERE ended_at IS NULL;

-- The matches a screening left out because of a suppression: [{ entityId, name, score, suppressionId }].
ALTER TABLE screenings ADD COLUMN suppressed_matches jsonb NOT NULL DEFAULT '[]';
ALTER TABLE batch_results ADD COLUMN suppressed_matches jsonb NOT NULL DEFAULT '[]';

-- Ending a suppression is part of its alert's history.
ALTER TABLE alert_events DROP CONSTRAINT alert_events_action_check;
ALTER TABLE alert_events ADD CONSTRAINT alert_events_action_check
  CHECK (action IN ('created', 'assigned', 'decided', 'submitted', 'approved', 'rejected', 'closed', 'entity_delisted', 'suppression_ended'));
