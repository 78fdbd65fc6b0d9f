import type { Pool } from 'pg';
import { batchById } from './batch-reads';
import * as sql from './batch-sql';
import type { BatchView } from './batch-view';
import { UPLOAD_DEAD_AFTER_MS } from './upload-liveness';

/** Cancels a batch still in progress; chunks not yet committed then write nothing. Returns the batch as it now is. */
export async function cancelBatch(pool: Pool, id: string): Promise<BatchView | undefined> {
  await pool.query(sql.CANCEL_BATCH, [id]);
  return batchById(pool, id);
}

/** Fails uploads still arriving `maxAgeMs` after they began, or whose API process stopped receiving them; returns their ids. */
export async function failAbandonedUploads(pool: Pool, maxAgeMs: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(sql.FAIL_ABANDONED_UPLOADS, [maxAgeMs, UPLOAD_DEAD_AFTER_MS]);
  return rows.map((r) => r.id);
}

/** Fails a queued or running batch with the reason, freeing its Idempotency-Key. */
export async function markBatchFailed(pool: Pool, id: string, reason: string): Promise<void> {
  await pool.query(sql.MARK_FAILED, [id, reason]);
}
