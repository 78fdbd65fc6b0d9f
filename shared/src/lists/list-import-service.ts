import type { Pool, PoolClient } from 'pg';
import { recordAudit } from '../audit';
import { withTransaction } from '../db';
import { recordEvent } from '../webhooks';
import { canonicalJson, contentHash } from './content-hash';
import type { ImportWarning, ListFileDigest } from './importers/parsed-list';
import type { ListedEntity } from './entity-model';
import * as sql from './list-import-sql';
import { LIST_SOURCES, type ListSourceId } from './sources';

export type { ImportWarning, ListFileDigest };

export interface ListImportInput {
  sourceId: ListSourceId;
  format: string;
  files: ListFileDigest[];
  /** When the publisher dated the file (ISO), if it says. */
  publishedAt?: string;
  entities: AsyncIterable<ListedEntity>;
  /** Filled by the parser while `entities` is iterated. */
  warnings?: ImportWarning[];
  /**
   * Present for delta files (OpenSanctions FollowTheMoney deltas): the import is then a patch on the
   * active version, `entities` being the added or modified ones and these the deleted ids.
   */
  deletedSourceEntityIds?: string[];
}

export interface ListImportResult {
  sourceId: ListSourceId;
  /** `unchanged`: identical to the active version, nothing was written. */
  status: 'activated' | 'unchanged';
  versionId: string;
  version: number;
  entityCount: number;
  nameCount: number;
  delta: { added: number; removed: number; changed: number };
  warnings: ImportWarning[];
}

export class ListImportError extends Error {
  constructor(
    message: string,
    readonly sourceId: string,
    readonly versionId?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ListImportError';
  }
}

/** Rows per multi-row INSERT while staging: large enough to amortise round trips, small enough for PGlite. */
const STAGE_BATCH_SIZE = 1000;
/** Warnings kept on the version row itself (the first ones, for a glance); every one is in list_version_warnings. */
const MAX_STORED_WARNINGS = 500;
/** Staging reads the files up to this percent; the diff and the switch take the rest. */
const STAGED_PERCENT = 95;

export interface ListImportOptions {
  onEntities?: (staged: number) => void;
  /** How much of the files the parser has read so far: recorded on the version while it imports. */
  readProgress?: () => { bytesRead: number; totalBytes: number };
  /** Called once the new version exists (not for an import identical to the active version). */
  onVersionCreated?: (created: { id: string; version: number }) => void;
}

interface ActiveVersion {
  id: string;
  version: number;
  content_hash: string | null;
  files: ListFileDigest[];
}

const sameFiles = (a: ListFileDigest[], b: ListFileDigest[]) =>
  a.length === b.length &&
  canonicalJson([...a].map((f) => f.sha256).sort()) === canonicalJson([...b].map((f) => f.sha256).sort());

/**
 * Imports one list file set as a new version of its source.
 *
 * Parsed entities are streamed into a staging table, diffed against the active version and, in
 * one transaction, applied with their delta while the source's active pointer moves to the new
 * version: readers see the old version or the new one, never a mix. Identical content is a
 * no-op. Any failure leaves the previous version active and the new one marked failed with why.
 */
export async function importList(
  pool: Pool,
  input: ListImportInput,
  options: ListImportOptions = {},
): Promise<ListImportResult> {
  const source = LIST_SOURCES[input.sourceId];
  const lock = await pool.connect();
  try {
    const { rows: locked } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
      `list-import:${source.id}`,
    ]);
    if (!locked[0]?.ok) throw new ListImportError(`An import of ${source.id} is already running`, source.id);
    try {
      await pool.query(sql.UPSERT_SOURCE, [source.id, source.name, source.authority, source.url, source.license]);
      const active = (await pool.query<ActiveVersion>(sql.ACTIVE_VERSION, [source.id])).rows[0];
      const warnings = input.warnings ?? [];
      if (active && sameFiles(active.files, input.files) && input.files.length > 0) {
        return unchanged(source.id, active, await countActive(pool, source.id), warnings);
      }
      const { rows } = await pool.query<{ id: string; version: number }>(sql.CREATE_VERSION, [
        source.id,
        input.format,
        JSON.stringify(input.files),
        input.publishedAt ?? null,
      ]);
      const created = { id: String(rows[0]!.id), version: rows[0]!.version };
      options.onVersionCreated?.(created);
      try {
        await stage(pool, created.id, input.entities, (staged) => {
          options.onEntities?.(staged);
          return recordProgress(pool, created.id, staged, options.readProgress?.());
        });
        if (input.deletedSourceEntityIds) {
          await pool.query(sql.CARRY_OVER_ACTIVE, [created.id, source.id, input.deletedSourceEntityIds]);
        }
        // Fresh rows have no statistics; without them the diff joins degrade to nested loops.
        await pool.query(sql.ANALYZE_STAGING);
        const staged = (
          await pool.query<{ content_hash: string; entity_count: number }>(sql.STAGED_CONTENT_HASH, [created.id])
        ).rows[0]!;
        if (active && active.content_hash === staged.content_hash) {
          await pool.query(sql.DISCARD_VERSION, [created.id]);
          return unchanged(source.id, active, await countActive(pool, source.id), warnings);
        }
        const applied = await withTransaction(pool, (tx) =>
          applyVersion(tx, source.id, created, staged.content_hash, warnings),
        );
        // The version's rows are read at once (alerts copy their citations, monitoring runs follow the activation): a
        // planner left with an empty table's statistics scans citations once per alert match, seconds for a run.
        await pool.query(sql.ANALYZE_LIST_TABLES).catch(() => undefined);
        return applied;
      } catch (error) {
        await pool
          .query(sql.FAIL_VERSION, [
            created.id,
            JSON.stringify(describeFailure(error)),
            JSON.stringify(warnings.slice(0, MAX_STORED_WARNINGS)),
          ])
          .then(() => storeWarnings(pool, created.id, warnings))
          .catch(() => undefined);
        throw error instanceof ListImportError
          ? error
          : new ListImportError(`Import of ${source.id} failed: ${(error as Error).message}`, source.id, created.id, {
              cause: error,
            });
      } finally {
        await pool.query(sql.CLEAR_STAGING, [created.id]).catch(() => undefined);
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`list-import:${source.id}`]).catch(() => undefined);
    }
  } finally {
    lock.release();
  }
}

function recordProgress(
  pool: Pool,
  versionId: string,
  staged: number,
  read?: { bytesRead: number; totalBytes: number },
): Promise<unknown> {
  const percent =
    read && read.totalBytes > 0
      ? Math.min(STAGED_PERCENT, Math.floor((read.bytesRead / read.totalBytes) * STAGED_PERCENT))
      : 0;
  return pool.query(sql.RECORD_PROGRESS, [versionId, read?.bytesRead ?? 0, read?.totalBytes ?? 0, staged, percent]);
}

/** Every warning, in order, a thousand per statement. */
async function storeWarnings(db: Pool | PoolClient, versionId: string, warnings: ImportWarning[]): Promise<void> {
  for (let at = 0; at < warnings.length; at += STAGE_BATCH_SIZE) {
    const page = warnings.slice(at, at + STAGE_BATCH_SIZE);
    await db.query(sql.STORE_WARNINGS, [
      versionId,
      at + 1,
      page.map((w) => w.file),
      page.map((w) => w.line ?? null),
      page.map((w) => w.element ?? null),
      page.map((w) => w.field ?? null),
      page.map((w) => w.message),
    ]);
  }
  await db.query(sql.SET_WARNING_COUNT, [versionId, warnings.length]);
}

async function stage(
  pool: Pool,
  versionId: string,
  entities: AsyncIterable<ListedEntity>,
  onEntities?: (n: number) => unknown,
): Promise<void> {
  const seen = new Set<string>();
  let ids: string[] = [];
  let hashes: string[] = [];
  let documents: string[] = [];
  let staged = 0;
  const flush = async () => {
    if (ids.length === 0) return;
    await pool.query(sql.STAGE_ENTITIES, [versionId, ids, hashes, documents]);
    staged += ids.length;
    await onEntities?.(staged);
    ids = [];
    hashes = [];
    documents = [];
  };
  for await (const entity of entities) {
    if (seen.has(entity.sourceEntityId)) {
      throw new ListImportError(`The list holds entity ${entity.sourceEntityId} twice`, 'staging', versionId);
    }
    seen.add(entity.sourceEntityId);
    ids.push(entity.sourceEntityId);
    hashes.push(contentHash(entity));
    documents.push(canonicalJson(entity));
    if (ids.length >= STAGE_BATCH_SIZE) await flush();
  }
  await flush();
}

async function applyVersion(
  tx: PoolClient,
  sourceId: ListSourceId,
  created: { id: string; version: number },
  contentHashValue: string,
  warnings: ImportWarning[],
): Promise<ListImportResult> {
  const v = created.id;
  await tx.query(sql.RECORD_DELTA, [v, sourceId]);
  await tx.query(sql.UPSERT_CHANGED_ENTITIES, [v, sourceId]);
  await tx.query(sql.MARK_REMOVED, [v]);
  await tx.query(sql.DELETE_CHANGED_NAMES, [v]);
  await tx.query(sql.DELETE_CHANGED_CITATIONS, [v]);
  await tx.query(sql.INSERT_NAMES, [v]);
  await tx.query(sql.INSERT_CITATIONS, [v]);
  const delta = (await tx.query<{ added: number; removed: number; changed: number }>(sql.COUNT_DELTA, [v])).rows[0]!;
  const counts = await countActive(tx, sourceId);
  await tx.query(sql.SUPERSEDE_PREVIOUS, [sourceId, v]);
  await tx.query(sql.ACTIVATE_VERSION, [
    v,
    contentHashValue,
    counts.entityCount,
    counts.nameCount,
    delta.added,
    delta.removed,
    delta.changed,
    JSON.stringify(warnings.slice(0, MAX_STORED_WARNINGS)),
  ]);
  await tx.query(sql.POINT_SOURCE_AT_VERSION, [sourceId, v]);
  await tx.query(sql.COMPLETE_PROGRESS, [v]);
  await storeWarnings(tx, v, warnings);
  await recordAudit(tx, {
    action: 'list.version_activated',
    subject: `${sourceId}@${created.version}`,
    details: { versionId: v, ...counts, delta },
  });
  await recordEvent(tx, { type: 'list.updated', sourceId, version: created.version, versionId: v, ...counts, delta });
  return { sourceId, status: 'activated', versionId: v, version: created.version, ...counts, delta, warnings };
}

async function countActive(
  db: Pool | PoolClient,
  sourceId: string,
): Promise<{ entityCount: number; nameCount: number }> {
  const row = (await db.query<{ entity_count: number; name_count: number }>(sql.COUNT_ACTIVE, [sourceId])).rows[0]!;
  return { entityCount: row.entity_count, nameCount: row.name_count };
}

function unchanged(
  sourceId: ListSourceId,
  active: ActiveVersion,
  counts: { entityCount: number; nameCount: number },
  warnings: ImportWarning[],
): ListImportResult {
  return {
    sourceId,
    status: 'unchanged',
    versionId: active.id,
    version: active.version,
    ...counts,
    delta: { added: 0, removed: 0, changed: 0 },
    warnings,
  };
}

function describeFailure(error: unknown): Record<string, unknown> {
  const e = error as Error & Record<string, unknown>;
  const located = Object.fromEntries(
    ['file', 'line', 'element', 'field', 'reason'].filter((k) => e[k] !== undefined).map((k) => [k, e[k]]),
  );
  return { message: e.message ?? String(error), ...located };
}
