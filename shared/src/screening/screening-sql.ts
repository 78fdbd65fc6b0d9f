/**
 * The screening belongs to the workspace of the key that asked for it (a key's workspace never changes). With an
 * Idempotency-Key already used by the same API key, nothing is inserted: the caller reads that screening.
 */
export const INSERT_SCREENING = `
  INSERT INTO screenings (id, api_key_id, workspace_id, status, name, entity_type, birth_date, country, reference, idempotency_key, request_hash)
  VALUES ($1, $2, coalesce((SELECT k.workspace_id FROM api_keys k WHERE k.id = $2::uuid), 'default'), 'queued', $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid), idempotency_key)
    WHERE idempotency_key IS NOT NULL DO NOTHING
  RETURNING id`;

/**
 * A group of new screenings without an Idempotency-Key ($1…$7, one element per screening), in each key's workspace,
 * each naming the job that queues it ($8, one for the group).
 */
export const INSERT_SCREENINGS = `
  INSERT INTO screenings (id, api_key_id, workspace_id, status, name, entity_type, birth_date, country, reference, job_id)
  SELECT i.id, i.api_key_id, coalesce(k.workspace_id, 'default'), 'queued', i.name, i.entity_type, i.birth_date, i.country, i.reference, $8
  FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       AS i (id, api_key_id, name, entity_type, birth_date, country, reference)
  LEFT JOIN api_keys k ON k.id = i.api_key_id`;

/**
 * The queued row of a screening the API queued without recording it (a waiting request) and did not see answered in
 * time: written before its 202, so the screening is never lost. A row already there is the worker's answer, which
 * wins (nothing is inserted). $9 names its job, for the reconciler.
 */
export const INSERT_UNANSWERED_SCREENING = `
  INSERT INTO screenings (id, api_key_id, workspace_id, status, name, entity_type, birth_date, country, reference, created_at, job_id)
  VALUES ($1, $2, coalesce((SELECT k.workspace_id FROM api_keys k WHERE k.id = $2::uuid), 'default'), 'queued', $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT (id) DO NOTHING`;

export const SCREENING_BY_IDEMPOTENCY_KEY = `
  SELECT id, status, request_hash FROM screenings
  WHERE coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    AND idempotency_key = $2`;

/** The screening with its matches in one round trip (in rank order, once it is done). */
export const SCREENING_BY_ID = `
  SELECT s.id, s.status, s.name, s.entity_type, s.birth_date, s.country, s.reference, s.decision, s.best_score, s.threshold,
         s.list_versions, s.near_misses, s.error, s.created_at, s.screened_at, s.suppressed_matches,
         CASE WHEN s.status = 'done' THEN (
           SELECT coalesce(json_agg(m ORDER BY m.rank), '[]')
           FROM (SELECT rank, entity_id, entity_ids, entity_name, entity_type, matched_name, matched_name_kind, score, programs, lists,
                        explanation, citations
                 FROM screening_matches WHERE screening_id = s.id) m) END AS matches
  FROM screenings s WHERE s.id = $1 AND s.workspace_id = $2`;

export const SCREENING_STATUS = `SELECT status FROM screenings WHERE id = $1`;

export const MARK_FAILED = `UPDATE screenings SET status = 'failed', error = $2 WHERE id = $1 AND status = 'queued'`;

/** MARK_FAILED for a screening whose job carried its row ($3…$9): the row is inserted failed when nobody recorded it. */
export const INSERT_FAILED = `
  INSERT INTO screenings AS s (id, error, api_key_id, workspace_id, status, name, entity_type, birth_date, country, reference, created_at)
  VALUES ($1, $2, $3, coalesce((SELECT k.workspace_id FROM api_keys k WHERE k.id = $3::uuid), 'default'), 'failed', $4, $5, $6, $7, $8, $9)
  ON CONFLICT (id) DO UPDATE SET status = 'failed', error = excluded.error WHERE s.status = 'queued'`;

export const STALE_QUEUED = `
  SELECT id, name, entity_type, birth_date, country, job_id
  FROM screenings
  WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1::double precision / 1000)
  ORDER BY created_at
  LIMIT $2`;
