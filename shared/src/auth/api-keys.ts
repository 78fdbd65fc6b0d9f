import { createHash, hash, randomBytes, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { recordAudit } from '../audit';
import { withTransaction } from '../db';
import { AppError, notFound } from '../errors';
import * as sql from './api-key-sql';
import type { KeyChangeAnnouncer } from './key-changes';
import { SCOPES, type ApiPrincipal, type Scope } from './scopes';
import type { VerifiedKeyCache } from './verified-key-cache';

export const DEFAULT_WORKSPACE = 'default';

/** Who manages keys: an admin key (its workspace), or the operator at the command line (`workspaceId` null: all). */
export interface KeyManager {
  keyId: string | null;
  workspaceId: string | null;
}

/** The operator, at the command line with database access: above every workspace. */
export const OPERATOR: KeyManager = { keyId: null, workspaceId: null };

/** What the API shows of a key: never the key itself or its hash. */
export interface ApiKeyView {
  id: string;
  name: string;
  scopes: Scope[];
  workspace: string;
  prefix: string;
  rateLimitPerMinute: number | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  scopes: Scope[];
  workspace_id: string;
  key_prefix: string;
  rate_limit_per_minute: number | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

function rowToApiKey(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    workspace: row.workspace_id,
    prefix: row.key_prefix,
    rateLimitPerMinute: row.rate_limit_per_minute,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/**
 * API keys are 256-bit random tokens, so a fast hash is enough: there is nothing to brute-force. Every request hashes
 * its key (the verified-key cache is keyed by the hash), so the one-shot `crypto.hash` (Node 20.12+) is used where it
 * exists: about a third of createHash's cost, the same digest.
 */
export const hashApiKey: (key: string) => string =
  typeof hash === 'function'
    ? (key) => hash('sha256', key, 'hex')
    : (key) => createHash('sha256').update(key, 'utf8').digest('hex');

export function generateApiKey(): string {
  return `ssk_${randomBytes(32).toString('base64url')}`;
}

/** The first characters of a key, kept in clear so an operator can tell keys apart; 8 of 47 reveal nothing useful. */
const prefixOf = (key: string) => key.slice(0, 8);

export interface NewApiKey {
  name: string;
  scopes: readonly Scope[];
  /** Chosen by the operator (BOOTSTRAP_API_KEY); otherwise a random one is made. */
  key?: string;
  workspaceId?: string;
  rateLimitPerMinute?: number | null;
  createdBy?: string | null;
}

async function insertKey(db: Pool | PoolClient, input: NewApiKey): Promise<{ view: ApiKeyView; key: string }> {
  const key = input.key ?? generateApiKey();
  const workspaceId = input.workspaceId ?? DEFAULT_WORKSPACE;
  await db.query(sql.INSERT_WORKSPACE, [workspaceId, workspaceId === DEFAULT_WORKSPACE ? null : DEFAULT_WORKSPACE]);
  const { rows } = await db.query<ApiKeyRow>(sql.UPSERT_KEY, [
    randomUUID(),
    input.name,
    prefixOf(key),
    hashApiKey(key),
    [...input.scopes],
    workspaceId,
    input.createdBy ?? null,
    input.rateLimitPerMinute ?? null,
  ]);
  const view = rowToApiKey(rows[0]!);
  await recordAudit(db, {
    ...(input.createdBy && { actor: input.createdBy }),
    action: 'api_key.created',
    subject: view.id,
    details: { name: input.name, scopes: input.scopes, workspace: workspaceId },
  });
  return { view, key };
}

/**
 * Stores a new key (only its hash) for operators and tests: the workspace is made when it does not exist yet, as a
 * child of `default`, whose admins manage it.
 */
export async function createApiKey(
  db: Pool | PoolClient,
  input: NewApiKey,
  changes?: KeyChangeAnnouncer,
): Promise<{ id: string; key: string; view: ApiKeyView }> {
  const { view, key } = await insertKey(db, input);
  // A known key given again (BOOTSTRAP_API_KEY) has its scopes re-armed: processes that cached it must re-read it.
  if (input.key) await changes?.announce({ keyId: view.id });
  return { id: view.id, key, view };
}

/**
 * The principal of an active key, from this process's cache when it has verified the key lately; otherwise from
 * Postgres (which also touches last_used_at, so that is at most a cache lifetime late).
 */
export async function authenticate(
  pool: Pool,
  presentedKey: string,
  cache?: VerifiedKeyCache,
): Promise<ApiPrincipal | undefined> {
  const keyHash = hashApiKey(presentedKey);
  const cached = cache?.get(keyHash);
  if (cached) return cached;
  const generation = cache?.generation ?? 0;
  const { rows } = await pool.query<{
    id: string;
    name: string;
    scopes: Scope[];
    workspace_id: string;
    rate_limit_per_minute: number | null;
  }>(sql.FIND_ACTIVE_KEY_AND_TOUCH, [keyHash]);
  const row = rows[0];
  if (!row) return undefined;
  const principal: ApiPrincipal = {
    keyId: row.id,
    name: row.name,
    scopes: row.scopes,
    workspaceId: row.workspace_id,
    rateLimitPerMinute: row.rate_limit_per_minute,
  };
  cache?.set(keyHash, principal, generation);
  return principal;
}

/**
 * A key made through the API by an admin key. The key lands in the caller's workspace unless another is named: a new
 * name creates that workspace under the caller's; an existing workspace must be the caller's or one it created, so
 * one tenant's admin can never mint a key into another tenant.
 */
export async function issueApiKey(
  pool: Pool,
  caller: ApiPrincipal,
  input: { name: string; scopes: readonly Scope[]; workspace?: string; rateLimitPerMinute?: number },
): Promise<ApiKeyView & { key: string }> {
  return withTransaction(pool, async (tx) => {
    const workspaceId = input.workspace ?? caller.workspaceId;
    if (workspaceId !== caller.workspaceId) {
      await tx.query(sql.INSERT_WORKSPACE, [workspaceId, caller.workspaceId]);
      const workspace = (await tx.query<{ parent_id: string | null }>(sql.WORKSPACE_FOR_UPDATE, [workspaceId])).rows[0];
      if (workspace?.parent_id !== caller.workspaceId) {
        throw new AppError(
          'conflict',
          `The workspace name "${workspaceId}" is taken by another tenant; choose another name`,
          {
            fields: [{ field: 'workspace', message: 'is taken by another tenant' }],
          },
        );
      }
    }
    const { view, key } = await insertKey(tx, {
      name: input.name,
      scopes: input.scopes,
      workspaceId,
      createdBy: caller.keyId,
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
    });
    return { ...view, key };
  });
}

/** The keys an admin key manages (its workspace's and those of workspaces it created), oldest first. */
export async function listApiKeys(
  pool: Pool,
  caller: KeyManager,
  options: { workspace?: string } = {},
): Promise<ApiKeyView[]> {
  const { rows } = await pool.query<ApiKeyRow>(sql.KEYS_MANAGED_BY, [caller.workspaceId, options.workspace ?? null]);
  return rows.map(rowToApiKey);
}

/** Revokes a key at once (the next request with it is a 401); revoking a revoked key changes nothing. */
export async function revokeApiKey(
  pool: Pool,
  caller: KeyManager,
  id: string,
  changes?: KeyChangeAnnouncer,
): Promise<ApiKeyView> {
  const row = (await pool.query<ApiKeyRow>(sql.REVOKE_KEY, [caller.workspaceId, id])).rows[0];
  if (!row) throw notFound(`API key ${id}`);
  // Committed (one statement): now every process forgets the key, before this request answers.
  await changes?.announce({ keyId: id });
  await recordAudit(pool, { actor: caller.keyId ?? 'operator', action: 'api_key.revoked', subject: id });
  return rowToApiKey(row);
}

/** Replaces a key's secret: the answer carries the new key, and the old one fails from this moment. */
export async function rotateApiKey(
  pool: Pool,
  caller: KeyManager,
  id: string,
  changes?: KeyChangeAnnouncer,
): Promise<ApiKeyView & { key: string }> {
  const key = generateApiKey();
  const row = (await pool.query<ApiKeyRow>(sql.ROTATE_KEY, [caller.workspaceId, id, hashApiKey(key), prefixOf(key)]))
    .rows[0];
  if (!row) throw notFound(`API key ${id}`);
  await changes?.announce({ keyId: id });
  await recordAudit(pool, { actor: caller.keyId ?? 'operator', action: 'api_key.rotated', subject: id });
  return { ...rowToApiKey(row), key };
}

/**
 * Makes sure someone can log in: BOOTSTRAP_API_KEY becomes an all-scopes key of the default workspace; without it,
 * the very first start creates an admin key and returns it so the caller can print it once.
 */
export async function ensureBootstrapKey(
  pool: Pool,
  bootstrapKey: string | undefined,
  changes?: KeyChangeAnnouncer,
): Promise<{ generatedKey?: string }> {
  if (bootstrapKey) {
    await createApiKey(pool, { name: 'bootstrap', scopes: SCOPES, key: bootstrapKey }, changes);
    return {};
  }
  return withTransaction(pool, async (tx) => {
    await tx.query(sql.FIRST_ADMIN_LOCK);
    if ((await tx.query(sql.ANY_KEY)).rows.length > 0) return {};
    const { key } = await insertKey(tx, { name: 'first admin', scopes: SCOPES });
    return { generatedKey: key };
  });
}
