/**
 * The live suppressions of these customers whose record is still as it was when cleared: one indexed lookup
 * (workspace, customer key) per screening or batch chunk. A suppression whose record changed since is left out.
 */
export const LIVE_SUPPRESSIONS_OF_CUSTOMERS = `
  SELECT s.id, s.customer_key, s.entity_id, e.primary_name
  FROM suppressions s
  JOIN entities e ON e.id = s.entity_id AND e.content_hash = s.entity_hash
  WHERE s.workspace_id = $1 AND s.customer_key = ANY ($2::text[]) AND s.ended_at IS NULL`;

/** The alert's reference and query: whose customer key its suppressions take. */
export const ALERT_CUSTOMER = `SELECT workspace_id, reference, query FROM alerts WHERE id = $1`;

/**
 * Each false_positive match of a closed alert becomes a suppression of that record version for that customer. The
 * decider is its creator, the approver (four-eyes) its approver. An alert closed again adds nothing.
 */
export const SUPPRESS_FALSE_POSITIVES = `
  INSERT INTO suppressions (id, workspace_id, reference, subject, customer_key, entity_id, entity_hash, alert_id, note,
                            created_by, approved_by)
  SELECT gen_random_uuid(), a.workspace_id, a.reference, $2, $3, m.entity_id, m.content_hashes[1], a.id, m.note,
         m.decided_by, $4
  FROM alerts a JOIN alert_matches m ON m.alert_id = a.id
  WHERE a.id = $1 AND m.disposition = 'false_positive'
  ON CONFLICT DO NOTHING
  RETURNING id`;

/** A decision made elsewhere, for the record version listed now. */
export const IMPORT_SUPPRESSION = `
  INSERT INTO suppressions (id, workspace_id, reference, customer_key, entity_id, entity_hash, note, created_by, approved_by)
  SELECT $1, $2, $3, 'ref:' || $3, e.id, e.content_hash, $5, $6, $6
  FROM entities e WHERE e.id = $4 AND e.removed_in_version_id IS NULL
  ON CONFLICT DO NOTHING
  RETURNING id`;

export const LIVE_SUPPRESSION_ID = `
  SELECT s.id FROM suppressions s JOIN entities e ON e.id = s.entity_id
  WHERE s.workspace_id = $1 AND s.customer_key = 'ref:' || $2 AND s.entity_id = $3 AND s.entity_hash = e.content_hash
    AND s.ended_at IS NULL`;

export const ENTITY_EXISTS = `SELECT 1 FROM entities WHERE id = $1 AND removed_in_version_id IS NULL`;

/** Ends a live suppression of the workspace; the caller writes the event into its alert's history. */
export const END_SUPPRESSION = `
  UPDATE suppressions SET ended_at = now(), ended_by = $3
  WHERE id = $1 AND workspace_id = $2 AND ended_at IS NULL
  RETURNING id, alert_id, entity_id`;

export const SUPPRESSION_EXISTS = `SELECT ended_at FROM suppressions WHERE id = $1 AND workspace_id = $2`;

export const INSERT_SUPPRESSION_ENDED_EVENT = `
  INSERT INTO alert_events (alert_id, actor_key_id, actor_name, action, details)
  SELECT $1, k.id, k.name, 'suppression_ended', jsonb_build_object('suppressionId', $3::text, 'entityId', $4::text)
  FROM api_keys k WHERE k.id = $2`;

/**
 * A suppression has lapsed when the record it cleared has changed since: then lapsed_at is when the version that
 * changed it became active.
 */
const VIEW = `
  SELECT s.id, s.workspace_id, s.reference, s.subject, s.entity_id, e.primary_name AS entity_name, s.entity_hash, s.alert_id,
         s.note, ck.name AS created_by, ak.name AS approved_by, s.created_at, s.ended_at, ek.name AS ended_by,
         CASE WHEN e.content_hash IS DISTINCT FROM s.entity_hash THEN coalesce(v.activated_at, v.finished_at, s.created_at) END AS lapsed_at
  FROM suppressions s
  LEFT JOIN entities e ON e.id = s.entity_id
  LEFT JOIN list_versions v ON v.id = e.updated_in_version_id
  LEFT JOIN api_keys ck ON ck.id = s.created_by
  LEFT JOIN api_keys ak ON ak.id = s.approved_by
  LEFT JOIN api_keys ek ON ek.id = s.ended_by`;

export const SUPPRESSION_BY_ID = `${VIEW} WHERE s.id = $1 AND s.workspace_id = $2`;

/** Newest first, keyset-paged by the last suppression of the previous page. */
export const SUPPRESSIONS_PAGE = `
  ${VIEW}
  WHERE s.workspace_id = $1
    AND ($2::text IS NULL OR s.reference = $2)
    AND ($3::text IS NULL OR s.entity_id = $3)
    AND ($4::boolean IS NULL OR (e.content_hash IS DISTINCT FROM s.entity_hash) = $4)
    AND ($5::uuid IS NULL OR (s.created_at, s.id) < (SELECT created_at, id FROM suppressions WHERE id = $5))
  ORDER BY s.created_at DESC, s.id DESC
  LIMIT $6`;
