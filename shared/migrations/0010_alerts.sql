-- Alerts: one per screening result that ends in a hit, reviewed match by match, with an append-only history.
-- Designations: the records of one designation (the same OFAC id on SDN and Consolidated, a seed entry restating an
-- OFAC record) share a key, so a screening shows them as one match and a decision applies to all of them.

-- The designation a record belongs to, computed when the record is stored (see docs/decisions/0010):
-- - OFAC SDN and Consolidated share one id space (ent_num / UID): 'ofac:<id>';
-- - the UN list's reference number: 'un:<reference>';
-- - the seed dataset restates official records: the OFAC record its first OFAC citation names ('ofac:<sourceRowId>');
-- - any other record is a designation of its own (its entity id).
ALTER TABLE entities ADD COLUMN designation_key text GENERATED ALWAYS AS (
  CASE
    WHEN source_id IN ('ofac-sdn', 'ofac-cons') THEN 'ofac:' || source_entity_id
    WHEN source_id = 'un-sc' THEN 'un:' || source_entity_id
    WHEN source_id = 'seed' THEN coalesce(
      'ofac:' || (jsonb_path_query_first(document,
        '$.citations[*] ? (@.authority like_regex "Office of Foreign Assets Control" && exists (@.sourceRowId)).sourceRowId') #>> '{}'),
      source_id || ':' || source_entity_id)
    ELSE source_id || ':' || source_entity_id
  END) STORED;

CREATE INDEX entities_by_designation ON entities (designation_key) WHERE removed_in_version_id IS NULL;

-- Every record of the designation a screening match stands for, its primary record (entity_id) first.
ALTER TABLE screening_matches ADD COLUMN entity_ids text[];
UPDATE screening_matches SET entity_ids = ARRAY[entity_id];
ALTER TABLE screening_matches ALTER COLUMN entity_ids SET NOT NULL;

CREATE TABLE alerts (
  id                 uuid PRIMARY KEY,
  workspace_id       text NOT NULL REFERENCES workspaces (id),
  status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_review', 'pending_approval', 'closed')),
  source             text NOT NULL CHECK (source IN ('screening', 'batch', 'monitoring')),
  screening_id       uuid REFERENCES screenings (id),
  -- No foreign key: an upload that fails after some chunks were screened deletes its batch, and the alert stays.
  batch_id           uuid,
  line               integer,
  -- Monitoring: the run that found the customer, and the customer's reference in its workspace.
  run_id             text,
  customer_reference text,
  reference          text,
  -- { name, type?, birthDate?, country? }
  query              jsonb NOT NULL,
  best_score         real NOT NULL,
  -- Every list of every record of every match: what ?list= filters on.
  lists              text[] NOT NULL,
  -- Same subject, same designations, same listed content: "the same result" (docs/decisions/0010).
  result_key         text NOT NULL,
  assignee           uuid REFERENCES api_keys (id),
  outcome            text CHECK (outcome IN ('true_match', 'false_positive')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz,
  CHECK ((status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL)),
  -- A redelivered job finds its alert already made.
  UNIQUE (screening_id),
  UNIQUE (batch_id, line),
  UNIQUE (run_id, workspace_id, customer_reference)
);

-- A re-screen of a batch row (a new batch of the same rows) or a monitoring run that finds the same result again
-- makes no second alert. Single screenings are each their own alert: a caller asking again is a new request.
CREATE UNIQUE INDEX alerts_same_result ON alerts (workspace_id, result_key) WHERE source IN ('batch', 'monitoring');

-- The listing: newest or oldest first, or best score first, within a workspace, optionally by status.
CREATE INDEX alerts_by_created ON alerts (workspace_id, created_at, id);
CREATE INDEX alerts_by_status_created ON alerts (workspace_id, status, created_at, id);
CREATE INDEX alerts_by_score ON alerts (workspace_id, best_score, created_at, id);
CREATE INDEX alerts_by_status_score ON alerts (workspace_id, status, best_score, created_at, id);
CREATE INDEX alerts_by_reference ON alerts (workspace_id, reference, created_at, id) WHERE reference IS NOT NULL;
CREATE INDEX alerts_by_assignee ON alerts (workspace_id, assignee, created_at, id) WHERE assignee IS NOT NULL;
CREATE INDEX alerts_by_lists ON alerts USING gin (lists);

-- One row per designation matched; the decision on it lives here, its history in alert_events.
CREATE TABLE alert_matches (
  alert_id          uuid NOT NULL REFERENCES alerts (id),
  position          smallint NOT NULL,
  -- The primary record (the best-scoring one); entity_ids names every record of the designation.
  entity_id         text NOT NULL,
  entity_ids        text[] NOT NULL,
  designation_key   text NOT NULL,
  entity_name       text NOT NULL,
  entity_type       text NOT NULL,
  matched_name      text NOT NULL,
  matched_name_kind text NOT NULL,
  score             real NOT NULL,
  lists             text[] NOT NULL,
  programs          text[] NOT NULL,
  explanation       jsonb NOT NULL,
  -- Copied when the alert is made: the evidence outlives list updates.
  citations         jsonb NOT NULL,
  -- Content hash of each record in entity_ids, in the same order: what suppressions key on.
  content_hashes    text[] NOT NULL,
  disposition       text CHECK (disposition IN ('true_match', 'false_positive', 'needs_info', 'escalated')),
  note              text,
  decided_by        uuid REFERENCES api_keys (id),
  decided_at        timestamptz,
  PRIMARY KEY (alert_id, position),
  UNIQUE (alert_id, entity_id)
);

-- The history: who did what to an alert, when and why. Written in the transaction of each transition.
CREATE TABLE alert_events (
  id           bigserial PRIMARY KEY,
  alert_id     uuid NOT NULL REFERENCES alerts (id),
  at           timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- NULL for the system (an alert made by monitoring); the name is copied so the record never changes.
  actor_key_id uuid REFERENCES api_keys (id),
  actor_name   text NOT NULL,
  action       text NOT NULL CHECK (action IN ('created', 'assigned', 'decided', 'submitted', 'approved', 'rejected', 'closed')),
  details      jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX alert_events_by_alert ON alert_events (alert_id, id);
CREATE INDEX alert_events_decided_by ON alert_events (alert_id, actor_key_id) WHERE action = 'decided';

CREATE FUNCTION alert_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'alert_events is append-only: the review history cannot be changed or deleted';
END
$$;

CREATE TRIGGER alert_events_append_only BEFORE UPDATE OR DELETE ON alert_events
  FOR EACH ROW EXECUTE FUNCTION alert_events_are_append_only();
CREATE TRIGGER alert_events_no_truncate BEFORE TRUNCATE ON alert_events
  FOR EACH STATEMENT EXECUTE FUNCTION alert_events_are_append_only();
