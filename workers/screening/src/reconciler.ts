import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import {
  enqueueBatchChunks,
  failAbandonedUploads,
  unfinishedBatchChunks,
  type BatchChunkJob,
} from '@sanctions/shared/batches';
import type { Logger } from '@sanctions/shared/logging';
import { SCREENING_JOB_OPTIONS } from '@sanctions/shared/queues';
import { screeningJob, staleQueuedScreenings, type ScreeningJob } from '@sanctions/shared/screening';

/**
 * Postgres is the source of truth: screenings still queued after a grace period, and the chunks of
 * unfinished batches, are queued again with their deterministic job ids, so a job lost with Redis
 * comes back and one that still exists is not duplicated. An upload that never completed is
 * failed, so its batch does not wait forever.
 */
export function startReconciler(
  deps: { pool: Pool; queue: Queue<ScreeningJob>; batchQueue: Queue<BatchChunkJob>; logger: Logger },
  options: { intervalMs: number; graceMs: number; uploadTimeoutMs: number },
) {
  let running: Promise<void> | undefined;
  const tick = async () => {
    const abandoned = await failAbandonedUploads(deps.pool, options.uploadTimeoutMs);
    if (abandoned.length > 0) deps.logger.warn('failed uploads that never completed', { batches: abandoned });
    await requeueBatchChunks();
    const stale = await staleQueuedScreenings(deps.pool, options.graceMs);
    if (stale.length === 0) return;
    await deps.queue.addBulk(
      stale.map((s) => {
        const job = screeningJob(s.id, s.query);
        return { name: job.name, data: job.data, opts: { ...SCREENING_JOB_OPTIONS, ...job.opts } };
      }),
    );
    deps.logger.info('re-queued screenings found still queued', { count: stale.length });
  };
  const requeueBatchChunks = async () => {
    const chunks = await unfinishedBatchChunks(deps.pool, options.graceMs);
    if (chunks.length === 0) return;
    await enqueueBatchChunks(deps.batchQueue, chunks);
    deps.logger.debug('re-derived the chunk jobs of unfinished batches', { chunks: chunks.length });
  };
  const timer = setInterval(() => {
    running ??= tick()
      .catch((error: unknown) => deps.logger.warn('reconciler pass failed; will retry', { error }))
      .finally(() => (running = undefined));
  }, options.intervalMs);
  timer.unref();
  return {
    runOnce: tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
