/** The screening's workspace, and the name of the key that asked for it (keys keep their name after revocation). */
export const SCREENING_ORIGIN = `
  SELECT s.workspace_id, k.name AS key_name
  FROM screenings s LEFT JOIN api_keys k ON k.id = s.api_key_id
  WHERE s.id = $1 AND s.workspace_id = $2`;

/** The lists a screening was matched against, by (source, version), with the list's name and publication date. */
export const LIST_VERSION_DETAILS = `
  SELECT v.source_id, v.version, v.published_at, src.name
  FROM unnest($1::text[], $2::int[]) AS q (source_id, version)
  JOIN list_versions v ON v.source_id = q.source_id AND v.version = q.version
  JOIN list_sources src ON src.id = v.source_id`;

export const KEY_NAMES = `SELECT id, name FROM api_keys WHERE id = ANY ($1::uuid[])`;

export const ALERT_OF_SCREENING = `SELECT id FROM alerts WHERE screening_id = $1 AND workspace_id = $2`;

/** A batch row's batch: who uploaded it and when the row was screened. */
export const BATCH_ORIGIN = `
  SELECT b.filename, b.created_at, k.name AS key_name, x.decision
  FROM batches b LEFT JOIN api_keys k ON k.id = b.api_key_id
  LEFT JOIN batch_results x ON x.batch_id = b.id AND x.line = $2
  WHERE b.id = $1`;

/**
 * The version of each list that was active when the alert was made: batch rows and monitoring results do not record
 * their versions one by one, and a chunk screens against the versions active as it runs.
 */
export const LIST_VERSIONS_ACTIVE_AT = `
  SELECT DISTINCT ON (v.source_id) v.source_id, v.version
  FROM list_versions v
  WHERE v.activated_at IS NOT NULL AND v.activated_at <= $1 AND v.status IN ('active', 'superseded')
  ORDER BY v.source_id, v.activated_at DESC`;
