import { Worker, type ConnectionOptions, type Processor, type Queue, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { loadConfig, requireConnections, type AppConfig } from '../../config';
import { createPool, migrate, type Pool } from '../../db';
import { createLogger, type Logger } from '../../logging';
import { openProcessMetrics, type ProcessMetrics } from '../../metrics';
import { createQueue, createRedis, redisConnectionOptions } from '../../queues';
import { exitOnStartFailure, runShutdownSteps, runUntilSignalled } from '..';

/** What every worker process starts from, and what it opens through it so that one `close` closes it all. */
export interface WorkerProcess {
  pool: Pool;
  redisUrl: string;
  /** For each BullMQ Worker: connection options (so it owns and closes its connections) and the deployment's prefix. */
  bullmq: { connection: ConnectionOptions; prefix: string };
  /** The registry this process part records into, already watching the pool. */
  metrics: ProcessMetrics;
  /** GET /metrics without a key, when METRICS_PORT is set and this part owns its registry. */
  metricsUrl?: string;
  /** A Redis connection (publisher, subscriber) closed with the process. */
  redis(name: string): Redis;
  /** A queue on the deployment's prefix, watched by the metrics and closed with the process. */
  queue<T>(name: string): Queue<T>;
  /** A BullMQ worker on the deployment's connection and prefix, its connection errors logged, closed first. */
  worker<T, R = unknown>(
    name: string,
    processor: Processor<T, R>,
    options: Omit<WorkerOptions, 'connection' | 'prefix'>,
  ): Worker<T, R>;
  /**
   * Stops in the order that loses nothing: metrics, the workers (finishing their jobs), then `own` (the worker's own
   * timers and loops), the queues, the Redis connections, the pool last.
   */
  close(own?: (() => Promise<unknown>)[]): Promise<void>;
}

export interface WorkerProcessOptions {
  /** A registry shared with other parts of the same process (npm start), which then serves METRICS_PORT itself. */
  metrics?: ProcessMetrics;
}

/**
 * The start every worker shares: refuse to run without DATABASE_URL and REDIS_URL, open the pool, migrate, open the
 * metrics. When either fails the pool is closed again, so a failed start leaves no connection behind.
 */
export async function openWorkerProcess(
  config: AppConfig,
  logger: Logger,
  options: WorkerProcessOptions = {},
): Promise<WorkerProcess> {
  const { databaseUrl, redisUrl } = requireConnections(config);
  const pool = createPool(databaseUrl, config.databasePoolMax);
  const endpoint = await migrate(pool)
    .then(() => openProcessMetrics(config, options.metrics))
    .catch(async (error: unknown) => {
      await pool.end().catch(() => undefined);
      throw error;
    });
  const { metrics } = endpoint;
  metrics.watchPostgres(pool);
  const bullmq = { connection: redisConnectionOptions(redisUrl), prefix: config.queuePrefix };
  const connections: Redis[] = [];
  const queues: Queue<any>[] = [];
  const workers: Worker<any, any>[] = [];
  return {
    pool,
    redisUrl,
    bullmq,
    metrics,
    metricsUrl: endpoint.url,
    redis(name) {
      const client = createRedis(redisUrl, { logger, name });
      connections.push(client);
      return client;
    },
    queue<T>(name: string) {
      const queue = createQueue<T>(name, redisUrl, config.queuePrefix, logger);
      queues.push(queue);
      metrics.watchQueues(queue);
      return queue;
    },
    worker(name, processor, workerOptions) {
      const worker = new Worker(name, processor, { ...workerOptions, ...bullmq });
      worker.on('error', (error) => logger.warn('worker connection error', { queue: name, error: error.message }));
      workers.push(worker);
      return worker;
    },
    async close(own = []) {
      await runShutdownSteps(
        [
          () => endpoint.close(),
          async () => metrics.unwatch({ queues, pool }),
          ...workers.map((w) => () => w.close()),
          ...own,
          ...queues.map((q) => () => q.close()),
          ...connections.map((c) => () => c.quit()),
          () => pool.end(),
        ],
        logger,
      );
    },
  };
}

/**
 * A worker's entry point (`if (require.main === module)`): config from the environment, a logger named for the
 * process, a graceful stop on SIGINT/SIGTERM, and exit 1 with the message when it cannot start.
 */
export function runWorkerProcess(
  processName: string,
  start: (config: AppConfig, logger: Logger) => Promise<{ stop(): Promise<void> }>,
): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    exitOnStartFailure(error as Error);
  }
  const logger = createLogger(config.logLevel, { process: processName });
  start(config, logger).then((running) => runUntilSignalled(running.stop, logger), exitOnStartFailure);
}
