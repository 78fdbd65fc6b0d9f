import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { addWhileReachable, BATCH_CHUNK_JOB_OPTIONS } from '../queues';
import type { BatchDeps } from './batch-deps';
import { batchChunkJob, BATCH_CHUNK_ROWS, type BatchChunkJob } from './batch-job';
import * as sql from './batch-sql';

/** Jobs per addBulk call: one Redis round trip for half a million rows. */
const ADD_BULK_JOBS = 1000;

/** Queues chunk jobs with their deterministic ids and the standard options. */
export async function enqueueBatchChunks(queue: Queue<BatchChunkJob>, chunks: BatchChunkJob[]): Promise<void> {
  for (let i = 0; i < chunks.length; i += ADD_BULK_JOBS) {
    const jobs = chunks.slice(i, i + ADD_BULK_JOBS).map((chunk) => {
      const job = batchChunkJob(chunk);
      return { name: job.name, data: job.data, opts: { ...BATCH_CHUNK_JOB_OPTIONS, ...job.opts } };
    });
    await queue.addBulk(jobs);
  }
}

/** Queues chunks whose rows are committed; if Redis refuses or is down, they stay in Postgres for the reconciler to queue. */
export async function queueOrLeaveToReconciler(deps: BatchDeps, chunks: BatchChunkJob[]): Promise<void> {
  try {
    await addWhileReachable(deps.queue, () => enqueueBatchChunks(deps.queue, chunks));
  } catch (error) {
    deps.logger.warn('batch chunks stored but not queued yet; the reconciler will queue them', {
      batchId: chunks[0]?.batchId,
      error,
    });
  }
}

interface ChunkRangeRecord {
  batch_id: string;
  from_line: number;
  to_line: number;
}

/** Chunk jobs of unfinished batches, re-derived from Postgres for the reconciler (a lost job comes back, a live one is not doubled). */
export async function unfinishedBatchChunks(pool: Pool, graceMs: number, limit = 10_000): Promise<BatchChunkJob[]> {
  const { rows } = await pool.query<ChunkRangeRecord>(sql.UNFINISHED_CHUNKS, [graceMs, BATCH_CHUNK_ROWS, limit]);
  return rows.map((r) => ({ batchId: r.batch_id, fromLine: r.from_line, toLine: r.to_line }));
}
