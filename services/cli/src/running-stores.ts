import { ConfigError, type AppConfig } from '@sanctions/shared/config';
import { findRunningService, serviceFilePath } from '@sanctions/shared/local-infra';

export interface Stores {
  databaseUrl: string;
  redisUrl?: string;
  queuePrefix: string;
}

/** DATABASE_URL when set; otherwise the stores a running `npm start` published, or a message saying what to do. */
export async function resolveStores(config: AppConfig): Promise<Stores> {
  if (config.databaseUrl)
    return { databaseUrl: config.databaseUrl, redisUrl: config.redisUrl, queuePrefix: config.queuePrefix };
  const file = serviceFilePath(config.embeddedPgDir);
  const found = await findRunningService(file);
  if ('missing' in found || !found.info.databaseUrl) {
    const why = 'missing' in found ? found.missing : `the running \`npm start\` uses a DATABASE_URL of its own`;
    throw new ConfigError(
      `DATABASE_URL is not set and ${why}.\n` +
        'Start the service first with `npm start` (in another terminal) and run this again, or set DATABASE_URL to the Postgres the service uses.',
    );
  }
  const { info } = found;
  return config.redisUrl
    ? { databaseUrl: info.databaseUrl!, redisUrl: config.redisUrl, queuePrefix: config.queuePrefix }
    : { databaseUrl: info.databaseUrl!, redisUrl: info.redisUrl, queuePrefix: info.queuePrefix };
}
