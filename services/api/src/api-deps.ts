import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { KeyChangeAnnouncer, VerifiedKeyCache } from '@sanctions/shared/auth';
import type { AppConfig } from '@sanctions/shared/config';
import type { Logger } from '@sanctions/shared/logging';
import type { ProcessMetrics } from '@sanctions/shared/metrics';
import type { BatchChunkJob } from '@sanctions/shared/batches';
import type { ScreeningQueueData, ScreeningWaiter } from '@sanctions/shared/screening';
import type { DeliveryJob } from '@sanctions/shared/webhooks';

/** Everything a route may use, opened once in main.ts and passed in. */
export interface ApiDeps {
  config: AppConfig;
  pool: Pool;
  redis: Redis;
  queue: Queue<ScreeningQueueData>;
  batchQueue: Queue<BatchChunkJob>;
  /** For redeliveries; new events reach their queue through the webhooks worker's dispatcher. */
  webhookQueue: Queue<DeliveryJob>;
  waiter: ScreeningWaiter;
  logger: Logger;
  /** This process's registry (shared with the workers under `npm start`). */
  metrics: ProcessMetrics;
  /** Keys this process verified lately, kept in step with every process's key changes (decision 0014). */
  keyCache: VerifiedKeyCache;
  /** Told after a key change commits. */
  keyChanges: KeyChangeAnnouncer;
}
