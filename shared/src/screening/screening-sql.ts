import { designationEvidence } from '../designations';

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

export const SCREENING_BY_IDEMPOTENCY_KEY = `
  SELECT id, status, request_hash FROM screenings
  WHERE coalesce(api_key_id, '00000000-0000-0000-0000-000000000000'::uuid) = coalesce($1::uuid, '00000000-0000-0000-0000-000000000000'::uuid)
    AND idempotency_key = $2`;

export const SCREENING_BY_ID = `
  SELECT id, status, name, entity_type, birth_date, country, reference, decision, best_score, threshold,
         list_versions, near_misses, error, created_at, screened_at, suppressed_matches
  FROM screenings WHERE id = $1 AND workspace_id = $2`;

export const MATCHES_OF_SCREENING = `
  SELECT entity_id, entity_ids, entity_name, entity_type, matched_name, matched_name_kind, score, programs, lists, explanation, citations
  FROM screening_matches WHERE screening_id = $1 ORDER BY rank`;

export const SCREENING_STATUS = `SELECT status FROM screenings WHERE id = $1`;

/** Flips queued → done exactly once; a retried job finds nothing to update and writes nothing. */
export const MARK_DONE = `
  UPDATE screenings
  SET status = 'done', decision = $2, best_score = $3, threshold = $4, list_versions = $5, near_misses = $6, screened_at = now(), error = NULL
  WHERE id = $1 AND status = 'queued'
  RETURNING id, workspace_id, api_key_id, reference`;

/**
 * Copies what the officer must see (names, programs, citations) so the evidence outlives list updates: one match per
 * designation, with the lists, programs and citations of every record of it ($8: the records, primary first).
 */
export const INSERT_MATCHES = `
  INSERT INTO screening_matches (screening_id, rank, entity_id, entity_ids, entity_name, entity_type, matched_name, matched_name_kind,
                                 score, programs, lists, explanation, citations)
  SELECT $1, m.rank, e.id, r.ids, e.primary_name, e.type, m.matched_name, m.matched_name_kind, m.score, ev.programs,
         ev.lists, m.explanation, ev.citations
  FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::real[], $7::jsonb[], $8::jsonb[])
       AS m (rank, entity_id, matched_name, matched_name_kind, score, explanation, entity_ids)
  JOIN entities e ON e.id = m.entity_id
  CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(m.entity_ids)) AS ids) r
  CROSS JOIN LATERAL (SELECT ${designationEvidence('r.ids')}) ev
  ON CONFLICT (screening_id, entity_id) DO NOTHING`;

/** The match statements' JSON functions look costly to the planner, which would JIT-compile them for seconds. */
export const NO_JIT = `SET LOCAL jit = off`;

export const MARK_FAILED = `UPDATE screenings SET status = 'failed', error = $2 WHERE id = $1 AND status = 'queued'`;

export const STALE_QUEUED = `
  SELECT id, name, entity_type, birth_date, country
  FROM screenings
  WHERE status = 'queued' AND created_at < now() - make_interval(secs => $1::double precision / 1000)
  ORDER BY created_at
  LIMIT $2`;

/** The matches a suppression left out, kept with the result so the officer and the report see them. */
export const SET_SUPPRESSED_MATCHES = `UPDATE screenings SET suppressed_matches = $2 WHERE id = $1`;
