import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig, type AppConfig } from '@sanctions/shared/config';
import { createPool, migrate, type Pool } from '@sanctions/shared/db';
import { startEmbeddedPostgres } from '@sanctions/shared/local-infra';
import { createLogger } from '@sanctions/shared/logging';

export const TEST_API_KEY = 'test-bootstrap-key-0123456789abcdef';
export const quietLogger = createLogger('silent');

export interface TestDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A database of its own for one test file: cloned from the migrated template, or a fresh embedded Postgres. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_PG_MODE === 'server') {
    const adminUrl = process.env.TEST_PG_ADMIN_URL!;
    const name = `sanctions_test_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.TEST_PG_TEMPLATE}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    const url = u.toString();
    const pool = createPool(url, 5);
    return {
      url,
      pool,
      async drop() {
        await pool.end();
        const c = new Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const embedded = await startEmbeddedPostgres();
  const pool = createPool(embedded.url, 4);
  await migrate(pool);
  return {
    url: embedded.url,
    pool,
    async drop() {
      await pool.end();
      await embedded.stop();
    },
  };
}

export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** Queue keys of their own per test, so tests never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `{test-${randomBytes(5).toString('hex')}}`;
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '4',
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: uniqueQueuePrefix(),
    BOOTSTRAP_API_KEY: TEST_API_KEY,
    LOG_LEVEL: 'silent',
    WORKER_CONCURRENCY: '4',
    ...overrides,
  });
}
