/** SQL of the screening history: one row per result, written with the result, read newest first. */

/**
 * Written in the transaction that records the results, so the history holds a result exactly when the result exists.
 * The unique index on id makes a second write of the same result (a redelivered single screening) write nothing.
 */
export const INSERT_HISTORY = `
  INSERT INTO screening_history (id, workspace_id, source, screened_at, reference, name, name_key, entity_type, birth_date,
                                 country, decision, top_score, match_count, batch_id, line, list_version)
  SELECT h.id, h.workspace_id, h.source, now(), h.reference, h.name, h.name_key, h.entity_type, h.birth_date,
         h.country, h.decision, h.top_score, h.match_count, h.batch_id, h.line, h.list_version
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::real[], $12::int[], $13::uuid[], $14::int[], $15::text[])
       AS h (id, workspace_id, source, reference, name, name_key, entity_type, birth_date, country, decision, top_score,
             match_count, batch_id, line, list_version)
  ON CONFLICT (id) DO NOTHING`;

/** Monitoring results are alerts: what the history needs of the ones a run's chunk just made. */
export const MONITORING_ALERTS = `
  SELECT a.id, a.workspace_id, a.reference, a.query, a.best_score, (SELECT count(*)::int FROM alert_matches m WHERE m.alert_id = a.id) AS match_count
  FROM alerts a WHERE a.id = ANY ($1::uuid[]) AND a.source = 'monitoring'`;

/** The listing's columns; screened_key keeps the microseconds a JavaScript Date would drop, for the cursor. */
export const HISTORY_COLUMNS = `
  h.id, h.source, h.reference, h.name, h.entity_type, h.birth_date, h.country, h.decision, h.top_score, h.match_count,
  h.batch_id, h.line, h.list_version, h.screened_at,
  to_char(h.screened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS screened_key`;

/** The alerts of a page's results: a single screening's by its id, a batch row's by (batch, line). */
export const ALERTS_OF_RESULTS = `
  SELECT a.id, a.screening_id, a.batch_id, a.line FROM alerts a
  WHERE a.workspace_id = $1 AND a.screening_id = ANY ($2::uuid[])
  UNION ALL
  SELECT a.id, a.screening_id, a.batch_id, a.line FROM alerts a
  JOIN unnest($3::uuid[], $4::int[]) AS r (batch_id, line) ON a.batch_id = r.batch_id AND a.line = r.line
  WHERE a.workspace_id = $1`;
