import type { Pool } from 'pg';
import { batchById } from './batch-reads';
import { isBatchFinished, type BatchView } from './batch-view';

/**
 * The batch each time its progress changes, read from Postgres every `intervalMs` (any worker on
 * any machine may move it), ending after the first view in a final status or when `signal` aborts.
 */
export async function* watchBatch(
  pool: Pool,
  id: string,
  options: { intervalMs: number; signal: AbortSignal },
): AsyncGenerator<BatchView> {
  let last = '';
  while (!options.signal.aborted) {
    const batch = await batchById(pool, id);
    if (!batch) return;
    const { rowsPerSecond: _rate, ...progress } = batch;
    const key = JSON.stringify(progress);
    if (key !== last) {
      last = key;
      yield batch;
    }
    if (isBatchFinished(batch.status)) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.intervalMs);
      function done() {
        clearTimeout(timer);
        options.signal.removeEventListener('abort', done);
        resolve();
      }
      options.signal.addEventListener('abort', done, { once: true });
    });
  }
}
