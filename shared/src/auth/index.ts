import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { recordAudit } from '../audit';

export const SCOPES = [
  'screenings:write',
  'screenings:read',
  'lists:read',
  'lists:write',
  'batches:write',
  'batches:read',
  'webhooks:manage',
  'admin',
] as const;
export type Scope = (typeof SCOPES)[number];

export interface ApiPrincipal {
  keyId: string;
  name: string;
  scopes: Scope[];
}

/** API keys are 256-bit random tokens, so a fast hash is enough: there is nothing to brute-force. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): string {
  return `ssk_${randomBytes(32).toString('base64url')}`;
}

export function hasScope(principal: ApiPrincipal, scope: Scope): boolean {
  return principal.scopes.includes('admin') || principal.scopes.includes(scope);
}

const INSERT_KEY = `
  INSERT INTO api_keys (id, name, key_prefix, key_hash, scopes)
  VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (key_hash) DO UPDATE SET scopes = excluded.scopes, revoked_at = NULL
  RETURNING id`;

const FIND_ACTIVE_KEY = `SELECT id, name, scopes, last_used_at FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`;

/** Touching last_used_at at most once a minute keeps authentication free of a write per request. */
const TOUCH_KEY = `UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;

export async function createApiKey(pool: Pool, input: { name: string; scopes: readonly Scope[]; key?: string }): Promise<{ id: string; key: string }> {
  const key = input.key ?? generateApiKey();
  const { rows } = await pool.query<{ id: string }>(INSERT_KEY, [randomUUID(), input.name, key.slice(0, 8), hashApiKey(key), [...input.scopes]]);
  const id = rows[0]!.id;
  await recordAudit(pool, { action: 'api_key.created', subject: id, details: { name: input.name, scopes: input.scopes } });
  return { id, key };
}

export async function authenticate(pool: Pool, presentedKey: string): Promise<ApiPrincipal | undefined> {
  const { rows } = await pool.query<{ id: string; name: string; scopes: Scope[] }>(FIND_ACTIVE_KEY, [hashApiKey(presentedKey)]);
  const row = rows[0];
  if (!row) return undefined;
  await pool.query(TOUCH_KEY, [row.id]);
  return { keyId: row.id, name: row.name, scopes: row.scopes };
}

/**
 * Makes sure someone can log in: BOOTSTRAP_API_KEY becomes an all-scopes key; without it, the very
 * first start creates an admin key and returns it so the caller can print it once.
 */
export async function ensureBootstrapKey(pool: Pool, bootstrapKey: string | undefined): Promise<{ generatedKey?: string }> {
  if (bootstrapKey) {
    await createApiKey(pool, { name: 'bootstrap', scopes: SCOPES, key: bootstrapKey });
    return {};
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('api-keys:first-admin'))`);
    const { rows } = await client.query('SELECT 1 FROM api_keys LIMIT 1');
    if (rows.length > 0) {
      await client.query('COMMIT');
      return {};
    }
    const key = generateApiKey();
    const id = randomUUID();
    await client.query(INSERT_KEY, [id, 'first admin', key.slice(0, 8), hashApiKey(key), [...SCOPES]]);
    await recordAudit(client, { action: 'api_key.created', subject: id, details: { name: 'first admin', scopes: SCOPES } });
    await client.query('COMMIT');
    return { generatedKey: key };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
