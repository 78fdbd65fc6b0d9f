import type { Pool } from 'pg';
import { isAppError } from '../errors';
import type { Logger } from '../logging';
import * as sql from './batch-sql';

/** How often the API process receiving an upload proves, in Postgres, that it still reads it. */
export const UPLOAD_HEARTBEAT_MS = 5_000;
/** Six missed heartbeats: the process receiving the upload is gone (crashed, or cut off from Postgres). */
export const UPLOAD_DEAD_AFTER_MS = 30_000;

/**
 * Touches the batch while its upload is received; returns the function that stops. `alive` says
 * whether the sender is still there: once it is not, the heartbeat stops, so an upload whose
 * reader is somehow left waiting is still failed by the reconciler within a minute.
 */
export function keepUploadAlive(pool: Pool, batchId: string, alive: () => boolean = () => true): () => void {
  const timer = setInterval(() => {
    if (!alive()) return clearInterval(timer);
    pool.query(sql.TOUCH_UPLOAD, [batchId]).catch(() => undefined);
  }, UPLOAD_HEARTBEAT_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A refusal of the file itself (not CSV, no name column, too large) leaves nothing behind, as
 * though the upload never began. Anything else (the request cut off, Postgres failing under it)
 * fails the batch at once with the reason, and frees its Idempotency-Key for the next attempt. If
 * Postgres cannot even record that, the batch stops proving it is alive and is failed later.
 */
export async function abandonUpload(
  deps: { pool: Pool; logger: Logger },
  batchId: string,
  error: unknown,
): Promise<void> {
  try {
    if (isAppError(error)) {
      await deps.pool.query(sql.DELETE_BATCH, [batchId]);
      return;
    }
    const reason = `The upload did not complete (${(error as Error).message}); send the file again`;
    await deps.pool.query(sql.FAIL_UPLOAD, [batchId, reason]);
    deps.logger.warn('batch upload failed before the file was complete', { batchId, reason: (error as Error).message });
  } catch (recordError) {
    deps.logger.warn('could not record a failed upload; it will be failed once it stops proving it is alive', {
      batchId,
      error: recordError,
    });
  }
}

/** Before an Idempotency-Key is looked up: a dead upload bound to it is failed and lets go of the key. */
export async function releaseDeadUploadOfKey(
  pool: Pool,
  apiKeyId: string | null,
  idempotencyKey: string,
): Promise<void> {
  await pool.query(sql.RELEASE_DEAD_UPLOAD_OF_KEY, [apiKeyId, idempotencyKey, UPLOAD_DEAD_AFTER_MS]);
}
