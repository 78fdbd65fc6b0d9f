import { designationEvidence } from '../designations';

const BATCH_COLUMNS = `
  id, status, filename, total_rows, invalid_rows, processed_rows, hit_rows, error, created_at, started_at, finished_at`;

/** Nothing happens when the same key was used before by the same API key: the caller then reads that batch. */
export const INSERT_BATCH = `
  INSERT INTO batches (id, api_key_id, workspace_id, status, idempotency_key, filename)
  VALUES ($1, $2, coalesce((SELECT k.workspace_id FROM api_keys k WHERE k.id = $2::uuid), 'default'), 'receiving', $3, $4)
  ON CONFLICT (coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid), idempotency_key)
    WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING ${BATCH_COLUMNS}`;

export const BATCH_BY_IDEMPOTENCY_KEY = `
  SELECT ${BATCH_COLUMNS} FROM batches
  WHERE coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    AND idempotency_key = $2`;

/** Only a batch of workspace $2: one customer's book is not another's to read. */
export const BATCH_BY_ID = `SELECT ${BATCH_COLUMNS} FROM batches WHERE id = $1 AND workspace_id = $2`;

export const BATCH_BY_ID_UNSCOPED = `SELECT ${BATCH_COLUMNS} FROM batches WHERE id = $1`;

/** The workspace's batches, newest first, keyset-paged by the last batch of the previous page. */
export const BATCHES_PAGE = `
  SELECT ${BATCH_COLUMNS} FROM batches b
  WHERE b.workspace_id = $1
    AND ($2::uuid IS NULL OR (b.created_at, b.id) < (SELECT created_at, id FROM batches WHERE id = $2))
  ORDER BY b.created_at DESC, b.id DESC
  LIMIT $3`;

export const DELETE_BATCH = `DELETE FROM batches WHERE id = $1`;

/** A re-screen: a new batch of the same file, received already (its rows are copied in the same transaction). */
export const INSERT_RESCREEN = `
  INSERT INTO batches (id, api_key_id, workspace_id, status, idempotency_key, filename, total_rows, invalid_rows)
  SELECT $1, $2, s.workspace_id, 'queued', $3, s.filename, s.total_rows, s.invalid_rows
  FROM batches s WHERE s.id = $4
  ON CONFLICT (coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid), idempotency_key)
    WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING ${BATCH_COLUMNS}`;

export const COPY_ROWS = `
  INSERT INTO batch_rows (batch_id, line, reference, name, type, birth_date, country, warning)
  SELECT $1, line, reference, name, type, birth_date, country, warning FROM batch_rows WHERE batch_id = $2`;

export const COPY_ROW_ERRORS = `
  INSERT INTO batch_row_errors (batch_id, line, field, reason)
  SELECT $1, line, field, reason FROM batch_row_errors WHERE batch_id = $2`;

/** A re-screen of a file without a valid row has nothing to wait for. */
export const MARK_EMPTY_DONE = `UPDATE batches SET status = 'done', finished_at = now() WHERE id = $1`;

/** The chunks of one batch, cut as an upload cuts them: every $2 valid rows in line order. */
export const CHUNKS_OF_BATCH = `
  SELECT min(line) AS from_line, max(line) AS to_line
  FROM (SELECT line, (row_number() OVER (ORDER BY line) - 1) / $2 AS chunk FROM batch_rows WHERE batch_id = $1) numbered
  GROUP BY chunk
  ORDER BY from_line`;

export const INSERT_ROWS = `
  INSERT INTO batch_rows (batch_id, line, reference, name, type, birth_date, country, warning)
  SELECT $1, r.line, r.reference, r.name, r.type, r.birth_date, r.country, r.warning
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS r (line, reference, name, type, birth_date, country, warning)`;

export const INSERT_ROW_ERRORS = `
  INSERT INTO batch_row_errors (batch_id, line, field, reason)
  SELECT $1, e.line, e.field, e.reason
  FROM unnest($2::int[], $3::text[], $4::text[]) AS e (line, field, reason)`;

/**
 * The upload ended: from here the workers own the batch. Chunks queued while it arrived may all be
 * screened already (or there was no valid row): then it is done now.
 */
export const FINISH_UPLOAD = `
  UPDATE batches
  SET total_rows = $2, invalid_rows = $3,
      status = CASE WHEN processed_rows >= $2::int - $3::int THEN 'done' WHEN processed_rows > 0 THEN 'running' ELSE 'queued' END,
      finished_at = CASE WHEN processed_rows >= $2::int - $3::int THEN now() END
  WHERE id = $1 AND status = 'receiving'
  RETURNING ${BATCH_COLUMNS}`;

/** The results statement's JSON functions look costly to the planner, which would JIT-compile it for seconds. */
export const NO_JIT = `SET LOCAL jit = off`;

/** Taken first in each chunk's transaction: serialises the counter updates of one batch and sees a cancel. */
export const LOCK_BATCH = `SELECT status, workspace_id, api_key_id FROM batches WHERE id = $1 FOR UPDATE`;

export const BATCH_STATUS = `SELECT status FROM batches WHERE id = $1`;

/** Rows of the chunk that have no result yet: a retried chunk screens only what the last attempt did not commit. */
export const PENDING_ROWS_OF_CHUNK = `
  SELECT r.line, r.reference, r.name, r.type, r.birth_date, r.country
  FROM batch_rows r
  WHERE r.batch_id = $1 AND r.line BETWEEN $2 AND $3
    AND NOT EXISTS (SELECT 1 FROM batch_results x WHERE x.batch_id = r.batch_id AND x.line = r.line)
  ORDER BY r.line`;

/**
 * Copies the best match's names, lists and citation URLs so the results outlive list updates; the lists, programs and
 * URLs are those of every record of its designation ($8: the records, primary first).
 */
export const INSERT_RESULTS = `
  INSERT INTO batch_results (batch_id, line, decision, score, entity_id, entity_name, matched_name, lists, programs, citation_urls, matches, near_misses)
  SELECT $1, m.line, m.decision, m.score, e.id, e.primary_name, m.matched_name,
         CASE WHEN e.id IS NULL THEN '{}' ELSE ev.lists END,
         CASE WHEN e.id IS NULL THEN '{}' ELSE ev.programs END,
         CASE WHEN e.id IS NULL THEN '{}' ELSE ev.citation_urls END,
         m.matches, m.near_misses
  FROM unnest($2::int[], $3::text[], $4::real[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::jsonb[])
       AS m (line, decision, score, entity_id, matched_name, matches, near_misses, entity_ids)
  LEFT JOIN entities e ON e.id = m.entity_id
  CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(coalesce(m.entity_ids, '[]'))) AS ids) r
  CROSS JOIN LATERAL (SELECT ${designationEvidence('r.ids')}) ev
  ON CONFLICT (batch_id, line) DO NOTHING
  RETURNING line, decision`;

/**
 * The update that brings processed up to the number of valid rows is the one that marks the batch
 * done; while the file is still being received the total is not known, so it stays receiving.
 */
export const ADD_PROGRESS = `
  UPDATE batches
  SET processed_rows = processed_rows + $2,
      hit_rows = hit_rows + $3,
      started_at = coalesce(started_at, now()),
      status = CASE WHEN status = 'receiving' THEN 'receiving'
                    WHEN processed_rows + $2 >= total_rows - invalid_rows THEN 'done' ELSE 'running' END,
      finished_at = CASE WHEN status <> 'receiving' AND processed_rows + $2 >= total_rows - invalid_rows THEN now() END
  WHERE id = $1 AND status IN ('receiving', 'queued', 'running')
  RETURNING status`;

export const CANCEL_BATCH = `
  UPDATE batches SET status = 'cancelled', finished_at = now()
  WHERE id = $1 AND status IN ('receiving', 'queued', 'running')
  RETURNING id`;

export const RESULTS_PAGE = `
  SELECT x.line, r.reference, r.name, r.warning, x.decision, x.score, x.entity_id, x.entity_name, x.matched_name,
         x.lists, x.programs, x.citation_urls, x.matches, x.near_misses, x.suppressed_matches, r.birth_date, r.country
  FROM batch_results x
  JOIN batch_rows r ON r.batch_id = x.batch_id AND r.line = x.line
  WHERE x.batch_id = $1 AND x.line > $2 AND ($3::text IS NULL OR x.decision = $3)
  ORDER BY x.line
  LIMIT $4`;

export const ERRORS_PAGE = `
  SELECT line, field, reason FROM batch_row_errors
  WHERE batch_id = $1 AND line > $2
  ORDER BY line
  LIMIT $3`;

/**
 * An upload still arriving long after it began ($1 ms), or whose API process stopped proving it
 * reads it ($2 ms), lost its sender or that process: nothing will finish it. Its key is released.
 */
export const FAIL_ABANDONED_UPLOADS = `
  UPDATE batches
  SET status = 'failed', finished_at = now(), idempotency_key = NULL,
      error = 'The upload did not complete (the connection or the API process stopped while the file was arriving); send the file again'
  WHERE status = 'receiving'
    AND (created_at < now() - make_interval(secs => $1::double precision / 1000)
         OR upload_seen_at < now() - make_interval(secs => $2::double precision / 1000))
  RETURNING id`;

/** A failed batch lets go of its Idempotency-Key: the same key may carry the file again. */
export const MARK_FAILED = `
  UPDATE batches SET status = 'failed', error = $2, finished_at = now(), idempotency_key = NULL
  WHERE id = $1 AND status IN ('queued', 'running')`;

/**
 * Chunks of batches still queued or running that have rows without a result, cut exactly as the
 * upload cut them (every BATCH_CHUNK_ROWS valid rows in line order), so their job ids are the same
 * and BullMQ ignores the ones it still holds.
 */
export const UNFINISHED_CHUNKS = `
  WITH planned AS (
    SELECT r.batch_id, r.line,
           (row_number() OVER (PARTITION BY r.batch_id ORDER BY r.line) - 1) / $2 AS chunk,
           EXISTS (SELECT 1 FROM batch_results x WHERE x.batch_id = r.batch_id AND x.line = r.line) AS screened
    FROM batch_rows r
    JOIN batches b ON b.id = r.batch_id
    WHERE b.status IN ('queued', 'running') AND b.created_at < now() - make_interval(secs => $1::double precision / 1000)
  )
  SELECT batch_id, min(line) AS from_line, max(line) AS to_line
  FROM planned
  GROUP BY batch_id, chunk
  HAVING NOT bool_and(screened)
  ORDER BY batch_id, from_line
  LIMIT $3`;

/** While an upload is being received, every few seconds: proof that its API process still reads it. */
export const TOUCH_UPLOAD = `UPDATE batches SET upload_seen_at = now() WHERE id = $1 AND status = 'receiving'`;

/**
 * An upload whose request ended early, or that Postgres failed under: failed at once, its rows
 * dropped, its Idempotency-Key released so that the same key can carry the file again.
 */
export const FAIL_UPLOAD = `
  WITH failed AS (
    UPDATE batches SET status = 'failed', error = $2, finished_at = now(), idempotency_key = NULL
    WHERE id = $1 AND status = 'receiving'
    RETURNING id
  ), rows_gone AS (DELETE FROM batch_rows WHERE batch_id IN (SELECT id FROM failed)),
     errors_gone AS (DELETE FROM batch_row_errors WHERE batch_id IN (SELECT id FROM failed)),
     results_gone AS (DELETE FROM batch_results WHERE batch_id IN (SELECT id FROM failed))
  SELECT id FROM failed`;

/**
 * Before an Idempotency-Key is looked up: a batch bound to it that is still receiving but whose
 * upload stopped proving it is alive ($3 ms) lost its sender or its API process. It is failed and
 * lets go of the key, so the retry that comes with the corrected file goes in.
 */
export const RELEASE_DEAD_UPLOAD_OF_KEY = `
  UPDATE batches
  SET status = 'failed', finished_at = now(), idempotency_key = NULL,
      error = 'The upload did not complete (the connection or the API process stopped while the file was arriving); send the file again'
  WHERE coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    AND idempotency_key = $2 AND status = 'receiving'
    AND upload_seen_at < now() - make_interval(secs => $3::double precision / 1000)
  RETURNING id`;

/** POST /v1/batches?monitor=true: the batch's rows become monitored customers when its upload completes. */
export const MARK_MONITOR = `UPDATE batches SET monitor = true WHERE id = $1`;

/** The matches suppressions left out, stored with each row's result. */
export const SET_SUPPRESSED_MATCHES = `
  UPDATE batch_results x SET suppressed_matches = u.suppressed
  FROM unnest($2::int[], $3::jsonb[]) AS u (line, suppressed)
  WHERE x.batch_id = $1 AND x.line = u.line`;
