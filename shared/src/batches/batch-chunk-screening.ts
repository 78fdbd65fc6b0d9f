import type { Pool } from 'pg';
import { withTransaction } from '../db';
import { mergeByDesignation } from '../designations';
import { listVersionLabel, recordBatchHistory } from '../history';
import type { EntityType } from '../lists';
import { screenWithNearMisses, type MatchOptions } from '../matching';
import type { LoadedIndex } from '../screening';
import { recordEvent } from '../webhooks';
import { alertOnHitRows } from './batch-alerts';
import type { BatchChunkJob } from './batch-job';
import * as sql from './batch-sql';
import { recordSuppressedMatches, suppressChunkMatches } from './batch-suppressions';
import { isBatchFinished, type BatchStatus } from './batch-view';

export interface ChunkOutcome {
  outcome: 'recorded' | 'skipped';
  /** Results this run wrote; 0 when an earlier attempt had written them all. */
  inserted: number;
  hits: number;
  status: BatchStatus | null;
}

/** A row of PENDING_ROWS_OF_CHUNK: a batch row with no result yet. */
interface PendingRowRecord {
  line: number;
  reference: string | null;
  name: string;
  /** One of ENTITY_TYPES: the upload refuses any other. */
  type: EntityType | null;
  birth_date: string | null;
  country: string | null;
}

interface LockedBatchRecord {
  status: BatchStatus;
  workspace_id: string;
  api_key_id: string | null;
}

interface WrittenResultRecord {
  line: number;
  decision: string;
}

/**
 * Screens the rows of one chunk and, in one transaction, writes their results keyed by
 * (batch, line) and adds the number actually written to the batch's counters. A retried or
 * duplicated chunk therefore counts nothing twice, and the transaction that brings processed up to
 * the number of valid rows marks the batch done. A cancelled or finished batch is skipped.
 */
export async function performBatchChunk(
  pool: Pool,
  loaded: LoadedIndex,
  chunk: BatchChunkJob,
  options: MatchOptions,
): Promise<ChunkOutcome> {
  const status = (await pool.query<{ status: BatchStatus }>(sql.BATCH_STATUS, [chunk.batchId])).rows[0]?.status ?? null;
  if (!status || isBatchFinished(status)) return { outcome: 'skipped', inserted: 0, hits: 0, status };

  const { rows } = await pool.query<PendingRowRecord>(sql.PENDING_ROWS_OF_CHUNK, [
    chunk.batchId,
    chunk.fromLine,
    chunk.toLine,
  ]);
  const screened = rows.map((r) => {
    const { matches: recordMatches, nearMisses } = screenWithNearMisses(
      loaded.index,
      {
        name: r.name,
        ...(r.type && { type: r.type }),
        ...(r.birth_date && { birthDate: r.birth_date }),
        ...(r.country && { country: r.country }),
      },
      options,
    );
    const matches = mergeByDesignation(recordMatches, loaded.designations);
    return { line: r.line, row: r, matches, nearMisses };
  });

  return withTransaction(pool, async (tx) => {
    const batch = (await tx.query<LockedBatchRecord>(sql.LOCK_BATCH, [chunk.batchId])).rows[0];
    const locked = batch?.status ?? null;
    if (!batch || !locked || isBatchFinished(locked))
      return { outcome: 'skipped' as const, inserted: 0, hits: 0, status: locked };
    await tx.query(sql.NO_JIT);
    const suppressed = await suppressChunkMatches(tx, batch.workspace_id, screened);
    const written = await tx.query<WrittenResultRecord>(sql.INSERT_RESULTS, [
      chunk.batchId,
      screened.map((s) => s.line),
      screened.map((s) => (s.matches.length > 0 ? 'hit' : 'no_hit')),
      screened.map((s) => s.matches[0]?.score ?? null),
      screened.map((s) => s.matches[0]?.entityId ?? null),
      screened.map((s) => s.matches[0]?.matchedName ?? null),
      screened.map((s) => JSON.stringify(s.matches)),
      screened.map((s) => JSON.stringify(s.nearMisses)),
      screened.map((s) => (s.matches[0] ? JSON.stringify(s.matches[0].entityIds) : null)),
    ]);
    await recordSuppressedMatches(tx, chunk.batchId, screened, suppressed);
    await recordBatchHistory(
      tx,
      { id: chunk.batchId, workspaceId: batch.workspace_id, listVersion: listVersionLabel(loaded.versions) },
      screened,
      written.rows,
    );
    await alertOnHitRows(
      tx,
      { id: chunk.batchId, workspaceId: batch.workspace_id, apiKeyId: batch.api_key_id },
      screened,
      written.rows,
    );
    const inserted = written.rowCount ?? 0;
    const hits = written.rows.filter((r) => r.decision === 'hit').length;
    // Always run, even for an empty chunk: a retry after a crash between commit and ack still finishes the batch.
    const updated =
      (await tx.query<{ status: BatchStatus }>(sql.ADD_PROGRESS, [chunk.batchId, inserted, hits])).rows[0]?.status ??
      locked;
    // Outbox events commit with the results they report: one batch.hit per hit row written here, and batch.completed once.
    if (hits > 0)
      await recordEvent(tx, {
        type: 'batch.hit',
        batchId: chunk.batchId,
        fromLine: chunk.fromLine,
        toLine: chunk.toLine,
      });
    if (updated === 'done') await recordEvent(tx, { type: 'batch.completed', batchId: chunk.batchId });
    return { outcome: 'recorded' as const, inserted, hits, status: updated };
  });
}
