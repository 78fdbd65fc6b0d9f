import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ensureBootstrapKey,
  listenForKeyChanges,
  redisKeyChangeAnnouncer,
  VerifiedKeyCache,
} from '@sanctions/shared/auth';
import type { BatchChunkJob } from '@sanctions/shared/batches';
import { loadConfig, requireConnections, type AppConfig } from '@sanctions/shared/config';
import { createPool, migrate } from '@sanctions/shared/db';
import {
  exitOnStartFailure,
  installProcessGuards,
  runShutdownSteps,
  runUntilSignalled,
} from '@sanctions/shared/lifecycle';
import { createLogger, type Logger } from '@sanctions/shared/logging';
import { openProcessMetrics, type ProcessMetrics, type ProcessMetricsEndpoint } from '@sanctions/shared/metrics';
import { channels, createQueue, createRedis, QUEUE_NAMES } from '@sanctions/shared/queues';
import { ScreeningWaiter, type ScreeningQueueData } from '@sanctions/shared/screening';
import type { DeliveryJob } from '@sanctions/shared/webhooks';
import { createApp } from './app';

export interface RunningApi {
  url: string;
  port: number;
  /** Printed once when the first start generated an admin key. */
  generatedApiKey?: string;
  /** GET /metrics without a key, when METRICS_PORT is set and this process owns its registry. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

export interface ApiOptions {
  /** A registry shared with other parts of the same process (npm start), which then serves METRICS_PORT itself. */
  metrics?: ProcessMetrics;
}

/** Opens Postgres and Redis, migrates, and serves the API until stop(). */
export async function start(
  config: AppConfig,
  logger: Logger = createLogger(config.logLevel, { process: 'api' }),
  options: ApiOptions = {},
): Promise<RunningApi> {
  const { databaseUrl, redisUrl } = requireConnections(config);
  const pool = createPool(databaseUrl, config.databasePoolMax);
  const redis = createRedis(redisUrl, { logger, name: 'api' });
  const queue = createQueue<ScreeningQueueData>(QUEUE_NAMES.screenings, redisUrl, config.queuePrefix, logger);
  const batchQueue = createQueue<BatchChunkJob>(QUEUE_NAMES.batchChunks, redisUrl, config.queuePrefix, logger);
  const webhookQueue = createQueue<DeliveryJob>(QUEUE_NAMES.webhookDeliveries, redisUrl, config.queuePrefix, logger);
  let server: Server | undefined;
  let metricsEndpoint: ProcessMetricsEndpoint | undefined;
  let waiter: ScreeningWaiter | undefined;
  let keyChangeListener: { stop(): Promise<void> } | undefined;
  const keyCache = new VerifiedKeyCache();
  const keyChanged = channels(config.queuePrefix).apiKeyChanged;
  const keyChanges = redisKeyChangeAnnouncer(redis, keyChanged, logger, keyCache);
  const stop = async () => {
    await runShutdownSteps(
      [
        async () => metricsEndpoint?.close(),
        () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
        async () => metricsEndpoint?.metrics.unwatch({ queues: [queue, batchQueue, webhookQueue], pool }),
        async () => waiter?.stop(),
        async () => keyChangeListener?.stop(),
        () => queue.close(),
        () => batchQueue.close(),
        () => webhookQueue.close(),
        () => redis.quit(),
        () => pool.end(),
      ],
      logger,
    );
  };
  try {
    await migrate(pool);
    keyChangeListener = await listenForKeyChanges(
      createRedis(redisUrl, { logger, name: 'api key changes' }),
      keyChanged,
      keyCache,
      logger,
    );
    const { generatedKey } = await ensureBootstrapKey(pool, config.bootstrapApiKey, keyChanges);
    waiter = await ScreeningWaiter.start(
      pool,
      createRedis(redisUrl, { logger, name: 'api subscriber' }),
      channels(config.queuePrefix).screeningDone,
    );
    metricsEndpoint = await openProcessMetrics(config, options.metrics);
    const { metrics } = metricsEndpoint;
    metrics.watchQueues(queue, batchQueue, webhookQueue);
    metrics.watchPostgres(pool);
    const app = createApp({
      config,
      pool,
      redis,
      queue,
      batchQueue,
      webhookQueue,
      waiter,
      logger,
      metrics,
      keyCache,
      keyChanges,
    });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.http.port, config.http.host, () => resolve(s));
      s.once('error', reject);
    });
    // Headers must come quickly (slow-loris); a body may be a large customer file on a slow link.
    server.headersTimeout = 30_000;
    server.requestTimeout = config.http.requestTimeoutMs;
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.http.host}:${port}`;
    logger.info('api listening', { url, ...(metricsEndpoint.url && { metrics: metricsEndpoint.url }) });
    return { url, port, generatedApiKey: generatedKey, metricsUrl: metricsEndpoint.url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (require.main === module) {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { process: 'api' });
  installProcessGuards(logger);
  start(config, logger).then((api) => {
    if (api.generatedApiKey)
      process.stdout.write(
        `\nFirst start: an admin API key was created. It is shown only once:\n\n  ${api.generatedApiKey}\n\n`,
      );
    runUntilSignalled(api.stop, logger);
  }, exitOnStartFailure);
}
