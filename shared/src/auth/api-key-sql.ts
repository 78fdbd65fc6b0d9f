const KEY_COLUMNS = `id, name, scopes, workspace_id, key_prefix, rate_limit_per_minute, created_at, last_used_at, revoked_at`;

/** A known key hash is re-armed with its scopes: BOOTSTRAP_API_KEY given again on every start is the same key. */
export const UPSERT_KEY = `
  INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes, workspace_id, created_by, rate_limit_per_minute)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (key_hash) DO UPDATE SET scopes = excluded.scopes, revoked_at = NULL
  RETURNING ${KEY_COLUMNS}`;

/**
 * Finds the key and touches its last_used_at in one round trip (authentication is on every request's path). The
 * touch happens at most once a minute, so most requests write nothing: an UPDATE that changes no row commits nothing.
 */
export const FIND_ACTIVE_KEY_AND_TOUCH = `
  WITH found AS (
    SELECT id, name, scopes, workspace_id, rate_limit_per_minute
    FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL
  ), touched AS (
    UPDATE api_keys SET last_used_at = now()
    WHERE id = (SELECT id FROM found) AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
  )
  SELECT id, name, scopes, workspace_id, rate_limit_per_minute FROM found`;

export const ANY_KEY = `SELECT 1 FROM api_keys LIMIT 1`;

export const FIRST_ADMIN_LOCK = `SELECT pg_advisory_xact_lock(hashtext('api-keys:first-admin'))`;

/** The workspaces an admin of $1 manages: its own, and those its admins created; $1 NULL is the operator (all). */
const MANAGED = `($1::text IS NULL OR workspace_id = $1 OR workspace_id IN (SELECT id FROM workspaces WHERE parent_id = $1))`;

export const KEYS_MANAGED_BY = `
  SELECT ${KEY_COLUMNS} FROM api_keys
  WHERE ${MANAGED} AND ($2::text IS NULL OR workspace_id = $2)
  ORDER BY created_at, id`;

export const REVOKE_KEY = `
  UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
  WHERE id = $2 AND ${MANAGED}
  RETURNING ${KEY_COLUMNS}`;

/** A new secret for the same key id: the old hash is gone in the same statement, so the old key fails at once. */
export const ROTATE_KEY = `
  UPDATE api_keys SET key_hash = $3, key_prefix = $4, rotated_at = now()
  WHERE id = $2 AND revoked_at IS NULL AND ${MANAGED}
  RETURNING ${KEY_COLUMNS}`;

export const WORKSPACE_FOR_UPDATE = `SELECT id, parent_id FROM workspaces WHERE id = $1 FOR UPDATE`;

export const INSERT_WORKSPACE = `INSERT INTO workspaces (id, parent_id) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`;
