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
import {
  screeningJobFor,
  screeningJobId,
  staleQueuedScreenings,
  type ScreeningJob,
  type ScreeningQueueData,
} from '@sanctions/shared/screening';

/**
 * Postgres is the source of truth: screenings still queued after a grace period, and the chunks of
 * unfinished batches, are queued again with their deterministic job ids, so a job lost with Redis
 * comes back and one that still exists is not duplicated. An upload that never completed is
 * failed, so its batch does not wait forever.
 */
export function startReconciler(
  deps: { pool: Pool; queue: Queue<ScreeningQueueData>; batchQueue: Queue<BatchChunkJob>; logger: Logger },
  options: { intervalMs: number; graceMs: number; uploadTimeoutMs: number },
) {
  let running: Promise<void> | undefined;
  const tick = async () => {
    const abandoned = await failAbandonedUploads(deps.pool, options.uploadTimeoutMs);
    if (abandoned.length > 0) deps.logger.warn('failed uploads that never completed', { batches: abandoned });
    await requeueBatchChunks();
    const stale = await staleQueuedScreenings(deps.pool, options.graceMs);
    if (stale.length === 0) return;
    // Each is queued again under the job id it was first queued with: the members of one intake group still queued
    // together in their group's job, which BullMQ does not add twice while it still exists.
    // A row without one (queued before groups, or with an Idempotency-Key) was queued under its own job id.
    const byJob = new Map<string, ScreeningJob[]>();
    for (const s of stale) {
      const jobId = s.jobId ?? screeningJobId(s.id);
      byJob.set(jobId, [...(byJob.get(jobId) ?? []), { screeningId: s.id, query: s.query }]);
    }
    const jobs = [...byJob].map(([jobId, screenings]) => screeningJobFor(jobId, screenings));
    await deps.queue.addBulk(jobs.map((job) => ({ ...job, opts: { ...SCREENING_JOB_OPTIONS, ...job.opts } })));
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
