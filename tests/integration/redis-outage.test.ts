import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { StoppableRedis } from '../support/outages';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, type TestDatabase } from '../support/test-stores';

/** Issue 21 item 5: Redis down must not hold a request; Postgres has the row, the reconciler queues it once Redis is back. */
let db: TestDatabase;
let redis: StoppableRedis;
let service: RunningService;

beforeAll(async () => {
  db = await createSeededDatabase();
  redis = await StoppableRedis.start();
  const config = testConfig(db.url, {
    REDIS_URL: redis.url,
    RECONCILE_GRACE_MS: '0',
    RECONCILE_INTERVAL_MS: '300',
    SCREENING_WAIT_MAX_MS: '5000',
  });
  service = await startService(config);
});
afterAll(async () => {
  await service?.stop();
  await redis?.stop();
  await db?.drop();
});

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await work();
  return { ms: Date.now() - started, value };
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

it('while Redis is down, screenings and batches are accepted within a second, and all of them complete once it is back', async () => {
  expect(
    (await call(service.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Sense Time Group' } })).status,
  ).toBe(200);
  await redis.stop();

  const accepted: string[] = [];
  for (const path of ['/v1/screenings', '/v1/screenings?wait=true', '/v1/screenings', '/v1/screenings?wait=1']) {
    const { ms, value } = await timed(() =>
      call(service.url, 'POST', path, { body: { name: 'Sense Time Group', reference: path } }),
    );
    expect(value.status).toBe(202);
    expect(value.body).toMatchObject({ id: expect.any(String), status: 'queued' });
    expect(ms).toBeLessThan(1_000);
    // Rate limits count in this process's memory meanwhile (decision 0018): still limited, never a 5xx.
    expect(value.headers.get('ratelimit-limit')).toBe('6000');
    expect(Number(value.headers.get('ratelimit-remaining'))).toBeLessThan(6000);
    accepted.push(value.body.id);
  }
  const batch = await timed(() =>
    call(service.url, 'POST', '/v1/batches', {
      rawBody: 'name\nSense Time Group\nJane Doe\n',
      contentType: 'text/csv',
    }),
  );
  expect(batch.value.status).toBe(202);
  expect(batch.ms).toBeLessThan(1_000);
  const big = ['name', ...Array.from({ length: 3000 }, (_, i) => `Customer Number ${i}`)].join('\n');
  const bigBatch = await timed(() =>
    call(service.url, 'POST', '/v1/batches', { rawBody: big, contentType: 'text/csv' }),
  );
  expect(bigBatch.value.status).toBe(202);
  expect(bigBatch.ms).toBeLessThan(1_500);

  // The unauthenticated probe says Redis is down, and nothing about where it is.
  const ready = await call(service.url, 'GET', '/readyz', { apiKey: null });
  expect(ready.status).toBe(503);
  expect(ready.body.checks).toMatchObject({ postgres: { ok: true }, redis: { ok: false } });
  expect(ready.body.detail).toBe('Redis is not reachable');
  expect(JSON.stringify(ready.body)).not.toMatch(new RegExp(`${redis.port}|127\\.0\\.0\\.1|ECONNREFUSED`));

  await redis.start();
  for (const id of accepted) {
    const view = await eventually(
      async () => (await call(service.url, 'GET', `/v1/screenings/${id}`)).body,
      (v) => v.status === 'done',
    );
    expect(view).toMatchObject({ status: 'done', decision: 'hit' });
  }
  for (const id of [batch.value.body.id, bigBatch.value.body.id]) {
    const view = await eventually(
      async () => (await call(service.url, 'GET', `/v1/batches/${id}`)).body,
      (v) => v.status === 'done',
    );
    expect(view.status).toBe('done');
  }
  const { rows } = await db.pool.query(
    'SELECT batch_id, count(*)::int AS n FROM batch_results WHERE batch_id = ANY($1) GROUP BY batch_id',
    [[batch.value.body.id, bigBatch.value.body.id]],
  );
  expect(Object.fromEntries(rows.map((r) => [r.batch_id, r.n]))).toEqual({
    [batch.value.body.id]: 2,
    [bigBatch.value.body.id]: 3000,
  });
  // Each screening was recorded once, whoever queued it (the request, late, or the reconciler): one outbox event each.
  const events = await db.pool.query(
    `SELECT count(*)::int AS n FROM screenings WHERE id = ANY($1) AND status = 'done'`,
    [accepted],
  );
  expect(events.rows[0].n).toBe(accepted.length);
  expect((await call(service.url, 'GET', '/readyz', { apiKey: null })).status).toBe(200);
});

describe('POST /v1/screenings honours Idempotency-Key', () => {
  const submit = (body: unknown, key: string, apiKey?: string) =>
    call(service.url, 'POST', '/v1/screenings', {
      body,
      headers: { 'idempotency-key': key },
      ...(apiKey && { apiKey }),
    });

  it('the same key and body is the same screening, with no second row; another body under the key is 409', async () => {
    const first = await submit({ name: 'Jane Doe', reference: 'C-1' }, 'retry-1');
    expect(first.status).toBe(202);
    const again = await submit({ reference: 'C-1', name: 'Jane Doe' }, 'retry-1');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM screenings WHERE idempotency_key = 'retry-1'`);
    expect(rows[0].n).toBe(1);
    const other = await submit({ name: 'John Smith' }, 'retry-1');
    expect(other.status).toBe(409);
    expect(other.contentType).toContain('application/problem+json');
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('a retry while Redis is down is answered at once with the same screening', async () => {
    await redis.stop();
    try {
      const first = await timed(() => submit({ name: 'Sense Time Group' }, 'outage-retry'));
      const retry = await timed(() => submit({ name: 'Sense Time Group' }, 'outage-retry'));
      expect([first.value.status, retry.value.status]).toEqual([202, 200]);
      expect(retry.value.body.id).toBe(first.value.body.id);
      expect(Math.max(first.ms, retry.ms)).toBeLessThan(1_000);
    } finally {
      await redis.start();
    }
    // Back: the screening accepted during the outage is screened once the reconciler queues it.
    const view = await eventually(
      async () =>
        (
          await call(
            service.url,
            'GET',
            `/v1/screenings/${(await submit({ name: 'Sense Time Group' }, 'outage-retry')).body.id}`,
          )
        ).body,
      (v) => v.status === 'done',
    );
    expect(view).toMatchObject({ status: 'done', decision: 'hit' });
  });
});
