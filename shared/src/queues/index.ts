import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import { createLogger, type Logger } from '../logging';

/** A Redis that is down fails every reconnection attempt: one line per client and reason this often is enough. */
const REDIS_ERROR_LOG_INTERVAL_MS = 10_000;

/**
 * An ioredis client, or a BullMQ queue, without an 'error' listener prints "Unhandled error event"
 * with a stack trace on every reconnection attempt. Each gets one that logs a JSON line instead,
 * once per reason every few seconds; the client goes on reconnecting by itself.
 */
export function logConnectionErrors(
  emitter: { on(event: 'error', listener: (error: Error) => void): unknown },
  logger: Logger,
  what: string,
): void {
  const lastLogged = new Map<string, number>();
  emitter.on('error', (error: Error) => {
    const now = Date.now();
    if (now - (lastLogged.get(error.message) ?? 0) < REDIS_ERROR_LOG_INTERVAL_MS) return;
    lastLogged.set(error.message, now);
    logger.warn('redis connection error', {
      client: what,
      error: error.message,
      code: (error as NodeJS.ErrnoException).code,
    });
  });
}

const defaultLogger = () => createLogger('warn', { component: 'redis' });

export const QUEUE_NAMES = {
  screenings: 'screenings',
  listUpdates: 'list-updates',
  batchChunks: 'batch-chunks',
  webhookDeliveries: 'webhook-deliveries',
  monitoringRuns: 'monitoring-runs',
} as const;

/** Redis pub/sub channels; all carry the queue prefix so several deployments can share one Redis. */
export const channels = (prefix: string) => ({
  listVersionChanged: `${prefix}:list-version-changed`,
  screeningDone: `${prefix}:screening-done`,
  /** Wakes the webhook dispatcher after an event is committed; it also polls, so a lost message only delays. */
  webhookEvents: `${prefix}:webhook-events`,
  /** A key revoked, rotated or re-scoped: every API process drops it from its verified-key cache. */
  apiKeyChanged: `${prefix}:api-key-changed`,
});

/** Retries for transient failures (Postgres or Redis restarting); results are idempotent, so a retry never writes twice. */
export const SCREENING_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500, jitter: 0.5 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** A chunk is hundreds of rows: retried like a screening, kept fewer of once complete. */
export const BATCH_CHUNK_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 3600, count: 5_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** A monitoring run resumes from its watermark, so retries are cheap; a run behind its list index waits for it. */
export const MONITORING_RUN_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
};

/**
 * One job per delivery attempt. These attempts only cover infrastructure failures (Postgres down while
 * recording); the receiver's failures are retried by the next attempt's own job, scheduled from Postgres.
 */
export const WEBHOOK_DELIVERY_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** BullMQ needs maxRetriesPerRequest: null on connections used by workers (blocking commands). */
export function createRedis(url: string, options: { forWorker?: boolean; logger?: Logger; name?: string } = {}): Redis {
  const client = new IORedis(url, {
    maxRetriesPerRequest: options.forWorker ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
  });
  logConnectionErrors(client, options.logger ?? defaultLogger(), options.name ?? 'redis');
  return client;
}

/**
 * Connection options (not a client) for BullMQ, so that each Queue and Worker owns its connections
 * and closes them on close(); a client passed in would be left open.
 */
export function redisConnectionOptions(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    ...(u.username && { username: decodeURIComponent(u.username) }),
    ...(u.password && { password: decodeURIComponent(u.password) }),
    ...(u.pathname.length > 1 && { db: Number(u.pathname.slice(1)) }),
    ...(u.protocol === 'rediss:' && { tls: {} }),
  };
}

export function createQueue<T = unknown>(
  name: string,
  redisUrl: string,
  prefix: string,
  logger: Logger = defaultLogger(),
): Queue<T> {
  const queue = new Queue<T>(name, { connection: redisConnectionOptions(redisUrl), prefix });
  logConnectionErrors(queue, logger, `queue ${name}`);
  return queue;
}

export { addWhileReachable, QueueUnavailableError, QUEUE_ADD_TIMEOUT_MS } from './bounded-add';
