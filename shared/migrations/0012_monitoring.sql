-- Monitoring runs: one per activated list version, screening its delta against every monitored customer.
CREATE TABLE monitoring_runs (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source_id   text NOT NULL REFERENCES list_sources (id),
  version     integer NOT NULL,
  version_id  bigint NOT NULL REFERENCES list_versions (id),
  status      text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- Delta entities screened (added and changed), and the monitored customers of every workspace at the start.
  entities    integer,
  customers   integer,
  alerts      integer NOT NULL DEFAULT 0,
  -- The run's candidate customers are written in chunks in customer id order; this is the last id written, so a
  -- killed run resumes after it and writes no alert twice.
  watermark   bigint NOT NULL DEFAULT 0,
  error       text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  started_at  timestamptz,
  finished_at timestamptz,
  UNIQUE (source_id, version)
);

CREATE INDEX monitoring_runs_newest ON monitoring_runs (created_at DESC, id DESC);
CREATE INDEX monitoring_runs_unfinished ON monitoring_runs (created_at) WHERE status IN ('queued', 'running');

-- What a workspace sees of a run: its own customers and alerts, never another workspace's counts.
CREATE TABLE monitoring_run_workspaces (
  run_id       uuid NOT NULL REFERENCES monitoring_runs (id) ON DELETE CASCADE,
  workspace_id text NOT NULL REFERENCES workspaces (id),
  customers    integer NOT NULL,
  alerts       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, workspace_id)
);

-- Every path that activates a version (CLI, API, scheduled update, seed) goes through this UPDATE: the trigger puts
-- the run in the activating transaction, so a version is never active without its run, whatever path activated it.
CREATE FUNCTION monitoring_run_for_activated_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'active' AND OLD.status IS DISTINCT FROM 'active' THEN
    INSERT INTO monitoring_runs (source_id, version, version_id)
    VALUES (NEW.source_id, NEW.version, NEW.id)
    ON CONFLICT (source_id, version) DO NOTHING;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER list_version_activated_monitoring
  AFTER UPDATE OF status ON list_versions
  FOR EACH ROW EXECUTE FUNCTION monitoring_run_for_activated_version();

-- A monitoring run that finds an entity removed from its list says so on the alerts still open on it.
ALTER TABLE alert_events DROP CONSTRAINT alert_events_action_check;
ALTER TABLE alert_events ADD CONSTRAINT alert_events_action_check
  CHECK (action IN ('created', 'assigned', 'decided', 'submitted', 'approved', 'rejected', 'closed', 'entity_delisted'));
