import { z } from 'zod';
import { requestIdSchema } from '../logging';

/** Rows per chunk job: small enough that a retry redoes little, large enough that queue overhead stays negligible. */
export const BATCH_CHUNK_ROWS = 500;

/** The job on the `batch-chunks` queue: a line range of one batch (the rows stay in Postgres), and the id of the request that sent them. */
export const batchChunkJobSchema = z.strictObject({
  batchId: z.uuid(),
  fromLine: z.int().min(1),
  toLine: z.int().min(1),
  requestId: requestIdSchema.optional(),
});

export type BatchChunkJob = z.infer<typeof batchChunkJobSchema>;

export function batchChunkJobId(batchId: string, fromLine: number): string {
  return `batch-${batchId}-${fromLine}`;
}

export function batchChunkJob(chunk: BatchChunkJob): { name: string; data: BatchChunkJob; opts: { jobId: string } } {
  return { name: 'batch-chunk', data: chunk, opts: { jobId: batchChunkJobId(chunk.batchId, chunk.fromLine) } };
}
