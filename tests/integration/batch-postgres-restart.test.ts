import { Client } from 'pg';
import { getBatch } from '@sanctions/shared/batches';
import { call } from '../support/http';
import { seededServicePerFile } from '../support/running-service';

const stores = seededServicePerFile();
const onServer = process.env.TEST_PG_MODE === 'server';
const ROWS = 20_000;

/** What a Postgres restart does to the service's connections: every one of them dropped, transactions cut off. */
async function dropEveryConnection(databaseUrl: string): Promise<number> {
  const admin = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await admin.connect();
  try {
    const database = new URL(databaseUrl).pathname.slice(1);
    const { rows } = await admin.query(
      'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t',
      [database],
    );
    return rows[0].n;
  } finally {
    await admin.end();
  }
}

// The embedded PGlite has no backends to terminate; the server path runs on our machines and in CI.
(onServer ? it : it.skip)(
  'when Postgres drops every connection mid-batch, the batch still completes with each row written and counted once',
  async () => {
    const lines = [
      'name',
      ...Array.from({ length: ROWS }, (_, i) => (i % 1000 === 999 ? 'Sense Time Group' : `Customer Number ${i}`)),
    ];
    const accepted = await call(stores.service.url, 'POST', '/v1/batches', {
      rawBody: lines.join('\n'),
      contentType: 'text/csv',
    });
    expect(accepted.status).toBe(202);
    const id = accepted.body.id;

    let view = await getBatch(stores.db.pool, id, 'default');
    for (let i = 0; i < 400 && (view?.processed ?? 0) === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      view = await getBatch(stores.db.pool, id, 'default');
    }
    expect(view?.status).toBe('running');
    expect(await dropEveryConnection(stores.db.url)).toBeGreaterThan(0);

    for (let i = 0; i < 600 && view?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = await getBatch(stores.db.pool, id, 'default').catch(() => view);
    }
    expect(view).toMatchObject({ status: 'done', total: ROWS, processed: ROWS, hits: ROWS / 1000 });
    const { rows } = await stores.db.pool.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE decision = 'hit')::int AS hits FROM batch_results WHERE batch_id = $1`,
      [id],
    );
    expect(rows[0]).toEqual({ n: ROWS, hits: ROWS / 1000 });
  },
);
