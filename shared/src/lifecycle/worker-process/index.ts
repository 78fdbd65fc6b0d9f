import type { ConnectionOptions } from 'bullmq';
import { loadConfig, requireConnections, type AppConfig } from '../../config';
import { createPool, migrate, type Pool } from '../../db';
import { createLogger, type Logger } from '../../logging';
import { redisConnectionOptions } from '../../queues';
import { exitOnStartFailure, runUntilSignalled } from '..';

/** What every worker process starts from: a migrated pool, and where its Redis is. */
export interface WorkerProcess {
  pool: Pool;
  redisUrl: string;
  /** For each BullMQ Worker: connection options (so it owns and closes its connections) and the deployment's prefix. */
  bullmq: { connection: ConnectionOptions; prefix: string };
}

/**
 * The start every worker shares: refuse to run without DATABASE_URL and REDIS_URL, open the pool, migrate. Nothing
 * else is open yet when migrating fails, and the pool is closed again, so a failed start leaves no connection behind.
 */
export async function openWorkerProcess(config: AppConfig): Promise<WorkerProcess> {
  const { databaseUrl, redisUrl } = requireConnections(config);
  const pool = createPool(databaseUrl, config.databasePoolMax);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return { pool, redisUrl, bullmq: { connection: redisConnectionOptions(redisUrl), prefix: config.queuePrefix } };
}

/**
 * A worker's entry point (`if (require.main === module)`): config from the environment, a logger named for the
 * process, a graceful stop on SIGINT/SIGTERM, and exit 1 with the message when it cannot start.
 */
export function runWorkerProcess(processName: string, start: (config: AppConfig, logger: Logger) => Promise<{ stop(): Promise<void> }>): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    exitOnStartFailure(error as Error);
  }
  const logger = createLogger(config.logLevel, { process: processName });
  start(config, logger).then((running) => runUntilSignalled(running.stop, logger), exitOnStartFailure);
}
