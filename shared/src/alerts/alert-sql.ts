/** Reads and transitions of alerts; every transition runs under the row lock taken by ALERT_FOR_UPDATE. */

const ISO_US = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export const ALERT_COLUMNS = `
  a.id, a.status, a.source, a.screening_id, a.batch_id, a.line, a.run_id, a.reference, a.query, a.best_score, a.assignee,
  a.outcome, a.created_at, a.updated_at, a.closed_at, ${ISO_US('a.created_at')} AS created_key, a.best_score::text AS score_key`;

/** Only an alert of workspace $2: another workspace's alert is not found. */
export const ALERT_BY_ID = `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.id = $1 AND a.workspace_id = $2`;

export const ALERT_FOR_UPDATE = `SELECT a.id, a.status FROM alerts a WHERE a.id = $1 AND a.workspace_id = $2 FOR UPDATE`;

export const MATCHES_OF_ALERTS = `
  SELECT alert_id, entity_id, entity_ids, entity_name, entity_type, matched_name, matched_name_kind, score, lists, programs,
         explanation, citations, disposition, note, decided_by, decided_at
  FROM alert_matches WHERE alert_id = ANY ($1::uuid[])
  ORDER BY alert_id, position`;

export const EVENTS_OF_ALERT = `
  SELECT at, actor_key_id, actor_name, action, details FROM alert_events WHERE alert_id = $1 ORDER BY id`;

/** The assignee must be a live key of the alert's workspace. */
export const KEY_OF_WORKSPACE = `SELECT id, name FROM api_keys WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL`;

/** The transition itself: it moves only from the status the caller read, so a racing transition finds nothing. */
export const MOVE_ALERT = `
  UPDATE alerts
  SET status = $3, updated_at = now(),
      assignee = CASE WHEN $4::boolean THEN $5::uuid ELSE assignee END,
      outcome = CASE WHEN $3 = 'closed' THEN $6 END,
      closed_at = CASE WHEN $3 = 'closed' THEN now() END
  WHERE id = $1 AND status = $2
  RETURNING id`;

/** Records one decision on the match whose designation includes entity $2; the previous one stays in the history. */
export const DECIDE_MATCH = `
  UPDATE alert_matches SET disposition = $3, note = $4, decided_by = $5, decided_at = now()
  WHERE alert_id = $1 AND $2 = ANY (entity_ids)
  RETURNING entity_id, entity_ids`;

export const DISPOSITIONS_OF_ALERT = `SELECT disposition FROM alert_matches WHERE alert_id = $1 ORDER BY position`;

export const CLEAR_DISPOSITIONS = `
  UPDATE alert_matches SET disposition = NULL, note = NULL, decided_by = NULL, decided_at = NULL WHERE alert_id = $1`;

/**
 * Whether key $2 made a decision in the review round being approved: since the alert was last rejected (a rejected
 * round's decisions were cleared), or ever when it never was.
 */
export const DECIDED_THIS_ROUND = `
  SELECT EXISTS (
    SELECT 1 FROM alert_events
    WHERE alert_id = $1 AND action = 'decided' AND actor_key_id = $2
      AND id > coalesce((SELECT max(id) FROM alert_events WHERE alert_id = $1 AND action = 'rejected'), 0)) AS decided`;

export const INSERT_EVENT = `
  INSERT INTO alert_events (alert_id, actor_key_id, actor_name, action, details) VALUES ($1, $2, $3, $4, $5)`;

const SORTS = {
  created: { after: `(a.created_at, a.id) > ($C::timestamptz, $I::uuid)`, order: `a.created_at, a.id` },
  '-created': { after: `(a.created_at, a.id) < ($C::timestamptz, $I::uuid)`, order: `a.created_at DESC, a.id DESC` },
  '-score': {
    after: `(a.best_score, a.created_at, a.id) < ($S::real, $C::timestamptz, $I::uuid)`,
    order: `a.best_score DESC, a.created_at DESC, a.id DESC`,
  },
} as const;

export type AlertSort = keyof typeof SORTS;
export const ALERT_SORTS = Object.keys(SORTS) as AlertSort[];

/**
 * One page of a workspace's alerts, keyset-paged in the order of the sort. Parameters: $1 workspace, $2 status,
 * $3 source, $4 batch id, $5 reference, $6 assignee, $7 min score, $8 list, $9 from, $10 to, $11 limit, then the
 * cursor: $12 created_at, $13 id and, for -score only, $14 score (NULL on the first page). An absent filter is NULL, which the planner folds
 * away, so each query uses the index of its filters and sort.
 */
function alertsPage(sort: AlertSort): string {
  const { after, order } = SORTS[sort];
  return `
    SELECT ${ALERT_COLUMNS}
    FROM alerts a
    WHERE a.workspace_id = $1
      AND ($2::text IS NULL OR a.status = $2)
      AND ($3::text IS NULL OR a.source = $3)
      AND ($4::uuid IS NULL OR a.batch_id = $4)
      AND ($5::text IS NULL OR a.reference = $5)
      AND ($6::uuid IS NULL OR a.assignee = $6)
      AND ($7::real IS NULL OR a.best_score >= $7)
      AND ($8::text IS NULL OR a.lists @> ARRAY[$8::text])
      AND ($9::timestamptz IS NULL OR a.created_at >= $9)
      AND ($10::timestamptz IS NULL OR a.created_at < $10)
      AND ($12::timestamptz IS NULL OR ${after.replace('$C', '$12').replace('$I', '$13').replace('$S', '$14')})
    ORDER BY ${order}
    LIMIT $11`;
}

export const ALERTS_PAGE: Record<AlertSort, string> = {
  created: alertsPage('created'),
  '-created': alertsPage('-created'),
  '-score': alertsPage('-score'),
};
