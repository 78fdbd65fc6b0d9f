import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureBootstrapKey } from '@sanctions/shared/auth';
import type { BatchChunkJob } from '@sanctions/shared/batches';
import { loadConfig, requireConnections, type AppConfig } from '@sanctions/shared/config';
import { createPool, migrate } from '@sanctions/shared/db';
import { exitOnStartFailure, installProcessGuards, runShutdownSteps, runUntilSignalled } from '@sanctions/shared/lifecycle';
import { createLogger, type Logger } from '@sanctions/shared/logging';
import { channels, createQueue, createRedis, QUEUE_NAMES } from '@sanctions/shared/queues';
import { ScreeningWaiter, type ScreeningJob } from '@sanctions/shared/screening';
import type { DeliveryJob } from '@sanctions/shared/webhooks';
import { createApp } from './app';

export interface RunningApi {
  url: string;
  port: number;
  /** Printed once when the first start generated an admin key. */
  generatedApiKey?: string;
  stop(): Promise<void>;
}

/** Opens Postgres and Redis, migrates, and serves the API until stop(). */
export async function start(config: AppConfig, logger: Logger = createLogger(config.logLevel, { process: 'api' })): Promise<RunningApi> {
  const { databaseUrl, redisUrl } = requireConnections(config);
  const pool = createPool(databaseUrl, config.databasePoolMax);
  const redis = createRedis(redisUrl, { logger, name: 'api' });
  const queue = createQueue<ScreeningJob>(QUEUE_NAMES.screenings, redisUrl, config.queuePrefix, logger);
  const batchQueue = createQueue<BatchChunkJob>(QUEUE_NAMES.batchChunks, redisUrl, config.queuePrefix, logger);
  const webhookQueue = createQueue<DeliveryJob>(QUEUE_NAMES.webhookDeliveries, redisUrl, config.queuePrefix, logger);
  let server: Server | undefined;
  let waiter: ScreeningWaiter | undefined;
  const stop = async () => {
    await runShutdownSteps(
      [
        () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
        async () => waiter?.stop(),
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
    const { generatedKey } = await ensureBootstrapKey(pool, config.bootstrapApiKey);
    waiter = await ScreeningWaiter.start(pool, createRedis(redisUrl, { logger, name: 'api subscriber' }), channels(config.queuePrefix).screeningDone);
    const app = createApp({ config, pool, redis, queue, batchQueue, webhookQueue, waiter, logger });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.http.port, config.http.host, () => resolve(s));
      s.once('error', reject);
    });
    // Headers must come quickly (slow-loris); a body may be a large customer file on a slow link.
    server.headersTimeout = 30_000;
    server.requestTimeout = config.http.requestTimeoutMs;
    const port = (server.address() as AddressInfo).port;
    const url = `http://${config.http.host}:${port}`;
    logger.info('api listening', { url });
    return { url, port, generatedApiKey: generatedKey, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

if (require.main === module) {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { process: 'api' });
  installProcessGuards(logger);
  start(config, logger).then(
    (api) => {
      if (api.generatedApiKey) process.stdout.write(`\nFirst start: an admin API key was created. It is shown only once:\n\n  ${api.generatedApiKey}\n\n`);
      runUntilSignalled(api.stop, logger);
    },
    exitOnStartFailure,
  );
}
