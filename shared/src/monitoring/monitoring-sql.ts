/** SQL of monitoring runs and of the customer change feed the workers' customer index follows. */

/**
 * Where the change feed stands: the oldest transaction still running. Every transaction that commits after this is
 * read has an id at least this, so reading from it again misses no change, however late its transaction commits.
 */
export const FEED_POSITION = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS position`;

export const MONITORED_CUSTOMER_NAMES = `
  SELECT id, name FROM customers WHERE monitored AND id > $1 ORDER BY id LIMIT $2`;

/**
 * Customers whose name or monitoring changed in a transaction from a feed position on (migration 0052): those
 * committed since the position was read, and again those still running then.
 */
export const CUSTOMER_CHANGES = `
  SELECT id, name, monitored FROM customers WHERE change_xid >= $1::xid8 ORDER BY id`;

const RUN_COLUMNS = `r.id, r.source_id, r.version, r.version_id, r.status, r.entities, r.customers, r.alerts, r.watermark, r.error,
  r.created_at, r.started_at, r.finished_at`;

export const RUN_BY_ID = `SELECT ${RUN_COLUMNS} FROM monitoring_runs r WHERE r.id = $1`;

/** A run as a workspace sees it: its own customers and alerts. */
export const RUN_FOR_WORKSPACE = `
  SELECT ${RUN_COLUMNS}, coalesce(w.customers, 0) AS workspace_customers, coalesce(w.alerts, 0) AS workspace_alerts
  FROM monitoring_runs r LEFT JOIN monitoring_run_workspaces w ON w.run_id = r.id AND w.workspace_id = $2
  WHERE r.id = $1`;

export const RUNS_FOR_WORKSPACE = `
  SELECT ${RUN_COLUMNS}, coalesce(w.customers, 0) AS workspace_customers, coalesce(w.alerts, 0) AS workspace_alerts
  FROM monitoring_runs r LEFT JOIN monitoring_run_workspaces w ON w.run_id = r.id AND w.workspace_id = $1
  WHERE ($2::timestamptz IS NULL OR (r.created_at, r.id) < ($2::timestamptz, $3::uuid))
  ORDER BY r.created_at DESC, r.id DESC
  LIMIT $4`;

/** Runs whose job may have been lost: the reconciler queues them again (their job id is the run id). */
export const UNFINISHED_RUNS = `
  SELECT id FROM monitoring_runs WHERE status IN ('queued', 'running') AND created_at < now() - $1 * interval '1 millisecond'
  ORDER BY created_at LIMIT 100`;

/** The delta's entities and, for the added and changed ones, their names as the lists hold them now. */
export const DELTA_NAMES = `
  SELECT c.entity_id, c.change, n.name
  FROM list_version_changes c
  LEFT JOIN entity_names n ON n.entity_id = c.entity_id AND c.change <> 'removed'
  WHERE c.version_id = $1
  ORDER BY c.entity_id, n.position`;

/**
 * First attempt or a resumed one: the counts are set once (the customers from the workspace counts, recorded first),
 * the watermark kept.
 */
export const START_RUN = `
  UPDATE monitoring_runs
  SET status = 'running', started_at = coalesce(started_at, now()), entities = coalesce(entities, $2),
      customers = coalesce(customers, (SELECT coalesce(sum(w.customers), 0)::int FROM monitoring_run_workspaces w WHERE w.run_id = $1))
  WHERE id = $1 AND status IN ('queued', 'running')
  RETURNING id`;

export const RECORD_WORKSPACE_COUNTS = `
  INSERT INTO monitoring_run_workspaces (run_id, workspace_id, customers)
  SELECT $1, workspace_id, count(*) FROM customers WHERE monitored GROUP BY workspace_id
  ON CONFLICT (run_id, workspace_id) DO NOTHING`;

export const CUSTOMERS_BY_IDS = `
  SELECT id, workspace_id, reference, name, entity_type, birth_date, country
  FROM customers WHERE id = ANY ($1::bigint[]) AND monitored ORDER BY id`;

/** Held while a chunk is written, so two attempts of one run never both write the same chunk. */
export const LOCK_RUN = `SELECT status, watermark FROM monitoring_runs WHERE id = $1 FOR UPDATE`;

/** The records on the customers' alerts not yet closed: no second alert for a pair already open. */
export const OPEN_ALERT_ENTITIES = `
  SELECT a.workspace_id, a.reference, m.entity_ids
  FROM alerts a JOIN alert_matches m ON m.alert_id = a.id
  WHERE a.status <> 'closed'
    AND (a.workspace_id, a.reference) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;

export const ADVANCE_WATERMARK = `
  UPDATE monitoring_runs SET watermark = $2, alerts = alerts + $3 WHERE id = $1`;

export const ALERTS_MADE_BY_WORKSPACE = `
  SELECT workspace_id, count(*)::int AS n FROM alerts WHERE id = ANY ($1::uuid[]) GROUP BY workspace_id`;

export const ADD_WORKSPACE_ALERTS = `
  UPDATE monitoring_run_workspaces w SET alerts = w.alerts + x.n
  FROM unnest($2::text[], $3::int[]) AS x (workspace_id, n)
  WHERE w.run_id = $1 AND w.workspace_id = x.workspace_id`;

/** A removed entity's alerts still open get `entity_delisted` in their history, once per run. */
export const RECORD_DELISTED = `
  INSERT INTO alert_events (alert_id, actor_name, action, details)
  SELECT a.id, 'system', 'entity_delisted',
         jsonb_build_object('runId', $1::text, 'entityIds', ARRAY(SELECT DISTINCT x FROM unnest(array_agg(m.entity_id)) x WHERE x = ANY ($2::text[]) ORDER BY 1))
  FROM alerts a JOIN alert_matches m ON m.alert_id = a.id
  WHERE a.status <> 'closed' AND m.entity_ids && $2::text[]
    AND NOT EXISTS (SELECT 1 FROM alert_events e WHERE e.alert_id = a.id AND e.action = 'entity_delisted' AND e.details ->> 'runId' = $1::text)
  GROUP BY a.id`;

export const FINISH_RUN = `
  UPDATE monitoring_runs SET status = 'done', finished_at = now(), error = NULL WHERE id = $1 AND status = 'running' RETURNING id`;

export const FAIL_RUN = `
  UPDATE monitoring_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND status IN ('queued', 'running')`;
