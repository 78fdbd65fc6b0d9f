import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  await globalThis.__testRedis?.stop();
  if (process.env.TEST_PG_MODE === 'server' && process.env.TEST_PG_ADMIN_URL && process.env.TEST_PG_TEMPLATE) {
    const admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${process.env.TEST_PG_TEMPLATE} WITH (FORCE)`);
    await admin.end();
  }
}
