import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { Logger } from '../logging';
import type { BatchChunkJob } from './batch-job';

/** What receiving and re-screening a batch need: Postgres for the rows, the chunk queue, a logger. */
export interface BatchDeps {
  pool: Pool;
  queue: Queue<BatchChunkJob>;
  logger: Logger;
}
