import { randomUUID } from 'node:crypto';
import { withTransaction } from '../db';
import { recordEvent } from '../webhooks';
import type { BatchDeps } from './batch-deps';
import { BATCH_CHUNK_ROWS } from './batch-job';
import { batchById, batchByIdempotencyKey } from './batch-reads';
import * as sql from './batch-sql';
import type { BatchRecord, BatchView } from './batch-view';
import { queueOrLeaveToReconciler } from './chunk-queue';

interface ChunkLinesRecord {
  from_line: number;
  to_line: number;
}

/**
 * Screens the rows of an earlier batch again, as a new batch, against the lists active now: what a
 * compliance team does with its customer book after a list update. The rows and refused rows are
 * copied in one transaction and the chunks queued (the reconciler queues them if Redis fails here).
 * The same idempotency key from the same API key returns the re-screen already made.
 */
export async function rescreenBatch(
  deps: BatchDeps,
  sourceId: string,
  options: { apiKeyId: string | null; idempotencyKey?: string | null; requestId?: string | null },
): Promise<{ batch: BatchView; created: boolean }> {
  const idempotencyKey = options.idempotencyKey ?? null;
  const id = randomUUID();
  const created = await withTransaction(deps.pool, async (tx) => {
    const row = (await tx.query<BatchRecord>(sql.INSERT_RESCREEN, [id, options.apiKeyId, idempotencyKey, sourceId]))
      .rows[0];
    if (!row) return undefined;
    await tx.query(sql.COPY_ROWS, [id, sourceId]);
    await tx.query(sql.COPY_ROW_ERRORS, [id, sourceId]);
    if (row.total_rows === row.invalid_rows) {
      await tx.query(sql.MARK_EMPTY_DONE, [id]);
      await recordEvent(tx, { type: 'batch.completed', batchId: id });
    }
    return row;
  });
  if (!created) {
    const existing = await batchByIdempotencyKey(deps.pool, options.apiKeyId, idempotencyKey);
    if (existing) return { batch: existing, created: false };
    throw new Error(`batch ${sourceId} to re-screen was not found`);
  }
  const { rows } = await deps.pool.query<ChunkLinesRecord>(sql.CHUNKS_OF_BATCH, [id, BATCH_CHUNK_ROWS]);
  await queueOrLeaveToReconciler(
    deps,
    rows.map((r) => ({
      batchId: id,
      fromLine: r.from_line,
      toLine: r.to_line,
      ...(options.requestId && { requestId: options.requestId }),
    })),
  );
  return { batch: (await batchById(deps.pool, id))!, created: true };
}
