/**
 * Outbox inserts, each one statement run inside the transaction that records the fact. Event ids
 * are derived from the fact, so a retried transaction or a duplicated job yields no second event.
 * Nothing is written when no active subscription takes the event type: with no subscribers,
 * screening pays one indexed EXISTS and no write.
 */
const WANTED = (type: string) =>
  `EXISTS (SELECT 1 FROM webhook_subscriptions w WHERE w.status = 'active' AND ${type} = ANY (w.events))`;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * screening.completed for every screening, and screening.hit when it is a hit: the screening as GET /v1/screenings/:id
 * shows it. Built from `s`, a screenings row (the table, or a CTE returning its columns), and its matches in `matches`
 * (the table, or the RETURNING rows of a CTE that wrote them: a statement's CTEs all see one snapshot).
 */
export function screeningEventsFrom(screenings: string, matches: string, where: string): string {
  return `
  INSERT INTO webhook_events (id, type, api_key_id, workspace_id, score, lists, programs, data)
  SELECT md5(t.type || ':' || s.id)::uuid, t.type, s.api_key_id, s.workspace_id,
         CASE WHEN t.type = 'screening.hit' THEN s.best_score END,
         CASE WHEN t.type = 'screening.hit' THEN ARRAY(SELECT DISTINCT l FROM ${matches} m, unnest(m.lists) l WHERE m.screening_id = s.id) END,
         CASE WHEN t.type = 'screening.hit' THEN ARRAY(SELECT DISTINCT p FROM ${matches} m, unnest(m.programs) p WHERE m.screening_id = s.id) END,
         jsonb_build_object('screening', jsonb_build_object(
           'id', s.id,
           'status', s.status,
           'decision', s.decision,
           'query', jsonb_strip_nulls(jsonb_build_object('name', s.name, 'type', s.entity_type, 'birthDate', s.birth_date, 'country', s.country)),
           'reference', s.reference,
           'listVersion', (SELECT string_agg((v ->> 'sourceId') || '@' || (v ->> 'version'), '+') FROM jsonb_array_elements(s.list_versions) v),
           'threshold', s.threshold,
           'matches', coalesce((
             SELECT jsonb_agg(jsonb_build_object(
                      'entityId', m.entity_id, 'entityIds', m.entity_ids, 'name', m.entity_name, 'type', m.entity_type, 'matchedName', m.matched_name,
                      'matchedNameKind', m.matched_name_kind, 'score', round(m.score::numeric, 3), 'programs', m.programs,
                      'lists', m.lists, 'explanation', m.explanation, 'citations', m.citations) ORDER BY m.rank)
             FROM ${matches} m WHERE m.screening_id = s.id), '[]'),
           'createdAt', ${ISO('s.created_at')},
           'screenedAt', ${ISO('s.screened_at')},
           'links', jsonb_build_object('self', '/v1/screenings/' || s.id)))
  FROM ${screenings}
  CROSS JOIN (VALUES ('screening.completed'), ('screening.hit')) AS t (type)
  WHERE ${where} AND (t.type = 'screening.completed' OR s.decision = 'hit') AND ${WANTED('t.type')}
  ON CONFLICT (id) DO NOTHING`;
}

export const INSERT_SCREENING_EVENTS = screeningEventsFrom('screenings s', 'screening_matches', 's.id = $1');

/** One batch.hit per hit row of the line range: the row as GET /v1/batches/:id/results shows it. */
export const INSERT_BATCH_HIT_EVENTS = `
  INSERT INTO webhook_events (id, type, api_key_id, workspace_id, score, lists, programs, data)
  SELECT md5('batch.hit:' || b.id || ':' || x.line)::uuid, 'batch.hit', b.api_key_id, b.workspace_id, x.score, x.lists, x.programs,
         jsonb_build_object(
           'batchId', b.id,
           'row', jsonb_build_object(
             'line', x.line, 'reference', r.reference, 'name', r.name, 'decision', x.decision, 'score', round(x.score::numeric, 3),
             'entityId', x.entity_id, 'entityName', x.entity_name, 'matchedName', x.matched_name, 'lists', x.lists,
             'programs', x.programs, 'citationUrls', x.citation_urls, 'matches', x.matches),
           'links', jsonb_build_object('batch', '/v1/batches/' || b.id, 'results', '/v1/batches/' || b.id || '/results?decision=hit'))
  FROM batches b
  JOIN batch_results x ON x.batch_id = b.id
  JOIN batch_rows r ON r.batch_id = x.batch_id AND r.line = x.line
  WHERE b.id = $1 AND x.line BETWEEN $2 AND $3 AND x.decision = 'hit' AND ${WANTED(`'batch.hit'`)}
  ON CONFLICT (id) DO NOTHING`;

/** batch.completed: the counts, and where to read the results. */
export const INSERT_BATCH_COMPLETED_EVENT = `
  INSERT INTO webhook_events (id, type, api_key_id, workspace_id, data)
  SELECT md5('batch.completed:' || b.id)::uuid, 'batch.completed', b.api_key_id, b.workspace_id,
         jsonb_build_object(
           'batch', jsonb_build_object(
             'id', b.id, 'status', b.status, 'filename', b.filename, 'total', b.total_rows, 'invalidRows', b.invalid_rows,
             'processed', b.processed_rows, 'hits', b.hit_rows, 'createdAt', ${ISO('b.created_at')},
             'startedAt', ${ISO('b.started_at')}, 'finishedAt', ${ISO('b.finished_at')}),
           'links', jsonb_build_object(
             'self', '/v1/batches/' || b.id, 'results', '/v1/batches/' || b.id || '/results',
             'hits', '/v1/batches/' || b.id || '/results?decision=hit', 'errors', '/v1/batches/' || b.id || '/errors'))
  FROM batches b
  WHERE b.id = $1 AND ${WANTED(`'batch.completed'`)}
  ON CONFLICT (id) DO NOTHING`;

/**
 * alert.created and alert.closed (`type`): the alert's id, reference, status, outcome and the entity ids of its
 * matches (with each match's disposition once closed), for the alert's workspace only. Built from `a`, alerts rows
 * (the table, or a CTE returning its columns), and their matches in `matches` (the table, or the RETURNING rows of a
 * CTE that wrote them). Filters apply as for batch.hit: the best score, the lists and programs of its matches.
 */
export function alertEventsFrom(alerts: string, matches: string, type: string, where: string): string {
  return `
  INSERT INTO webhook_events (id, type, workspace_id, score, lists, programs, data)
  SELECT md5(${type} || ':' || a.id)::uuid, ${type}, a.workspace_id, a.best_score, a.lists,
         ARRAY(SELECT DISTINCT p FROM ${matches} m, unnest(m.programs) p WHERE m.alert_id = a.id),
         jsonb_build_object(
           'alert', jsonb_build_object(
             'id', a.id, 'status', a.status, 'source', a.source, 'reference', a.reference, 'outcome', a.outcome,
             'screeningId', a.screening_id, 'batchId', a.batch_id, 'line', a.line, 'runId', a.run_id,
             'score', round(a.best_score::numeric, 3), 'lists', a.lists,
             'entityIds', ARRAY(SELECT id FROM ${matches} m, unnest(m.entity_ids) WITH ORDINALITY AS u (id, o) WHERE m.alert_id = a.id ORDER BY m.position, u.o),
             'matches', (SELECT jsonb_agg(jsonb_build_object('entityId', m.entity_id, 'entityIds', m.entity_ids, 'name', m.entity_name,
                                                             'score', round(m.score::numeric, 3), 'disposition', m.disposition) ORDER BY m.position)
                         FROM ${matches} m WHERE m.alert_id = a.id),
             'createdAt', ${ISO('a.created_at')}, 'closedAt', ${ISO('a.closed_at')}),
           'links', jsonb_build_object('self', '/v1/alerts/' || a.id, 'history', '/v1/alerts/' || a.id || '/history'))
  FROM ${alerts}
  WHERE ${where} AND ${WANTED(type)}
  ON CONFLICT (id) DO NOTHING`;
}

/** alert.created and alert.closed ($1) of the alerts $2. */
export const INSERT_ALERT_EVENTS = alertEventsFrom('alerts a', 'alert_matches', '$1::text', 'a.id = ANY ($2::uuid[])');

/** monitoring.run.completed: each workspace of the run gets its own customers and alerts counted, never another's. */
export const INSERT_MONITORING_RUN_COMPLETED_EVENTS = `
  INSERT INTO webhook_events (id, type, workspace_id, lists, data)
  SELECT md5('monitoring.run.completed:' || r.id || ':' || w.workspace_id)::uuid, 'monitoring.run.completed', w.workspace_id, ARRAY[r.source_id],
         jsonb_build_object(
           'run', jsonb_build_object(
             'id', r.id, 'source', r.source_id, 'version', r.version, 'status', r.status, 'entities', r.entities,
             'customers', w.customers, 'alerts', w.alerts, 'startedAt', ${ISO('r.started_at')}, 'finishedAt', ${ISO('r.finished_at')}),
           'links', jsonb_build_object('self', '/v1/monitoring/runs/' || r.id, 'alerts', '/v1/alerts?source=monitoring'))
  FROM monitoring_runs r JOIN monitoring_run_workspaces w ON w.run_id = r.id
  WHERE r.id = $1 AND ${WANTED(`'monitoring.run.completed'`)}
  ON CONFLICT (id) DO NOTHING`;

/** list.updated: a new active version and its delta counts; every workspace's subscriptions may receive it. */
export const INSERT_LIST_UPDATED_EVENT = `
  INSERT INTO webhook_events (id, type, lists, data)
  SELECT md5('list.updated:' || $1::text)::uuid, 'list.updated', ARRAY[$2::text], $3::jsonb
  WHERE ${WANTED(`'list.updated'`)}
  ON CONFLICT (id) DO NOTHING`;

/** A test event, for one subscription only, whatever events it takes. */
export const INSERT_TEST_EVENT = `
  INSERT INTO webhook_events (id, type, api_key_id, workspace_id, subscription_id, data)
  VALUES ($1, 'webhook.test', $2, $3, $4, $5)`;
