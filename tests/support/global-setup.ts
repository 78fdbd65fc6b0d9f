import { Client } from 'pg';
import { createPool, migrate } from '../../shared/src/db';
import { isListening, startLocalRedis, type LocalRedis } from '../../shared/src/local-infra';

declare global {
  var __testRedis: LocalRedis | undefined;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Finds the stores the integration tests talk to: DATABASE_URL / REDIS_URL, else the local
 * servers our machines and CI run, else (a fresh laptop) an embedded Postgres per test file and
 * a private redis-server. Test files read the outcome from TEST_* variables.
 */
export default async function globalSetup(): Promise<void> {
  // TEST_EMBEDDED_POSTGRES=1 tries the fresh-laptop path on a machine that has a Postgres.
  const embeddedOnly = process.env.TEST_EMBEDDED_POSTGRES === '1';
  const databaseUrl = embeddedOnly
    ? undefined
    : process.env.DATABASE_URL || ((await isListening('127.0.0.1', 5432)) ? LOCAL_POSTGRES : undefined);
  if (databaseUrl) {
    const template = `sanctions_test_template_${process.pid}`;
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const pool = createPool(withDatabase(databaseUrl, template), 1);
    await migrate(pool);
    await pool.end();
    process.env.TEST_PG_MODE = 'server';
    process.env.TEST_PG_ADMIN_URL = databaseUrl;
    process.env.TEST_PG_TEMPLATE = template;
  } else {
    process.env.TEST_PG_MODE = 'embedded';
  }

  let redisUrl = process.env.REDIS_URL || ((await isListening('127.0.0.1', 6379)) ? LOCAL_REDIS : undefined);
  if (!redisUrl) {
    globalThis.__testRedis = await startLocalRedis();
    redisUrl = globalThis.__testRedis.url;
  }
  process.env.TEST_REDIS_URL = redisUrl;
}
