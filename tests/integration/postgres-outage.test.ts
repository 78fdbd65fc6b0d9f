import { Queue } from 'bullmq';
import type { AppConfig } from '@sanctions/shared/config';
import { QUEUE_NAMES, redisConnectionOptions } from '@sanctions/shared/queues';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { PostgresOutage } from '../support/outages';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, type TestDatabase } from '../support/test-stores';

/** Issue 21 item 6: with Postgres down the API says so (503, Retry-After), never a 500; and it recovers by itself. */
let db: TestDatabase;
let proxy: PostgresOutage;
let service: RunningService;
let config: AppConfig;

beforeAll(async () => {
  db = await createSeededDatabase();
  const front = await PostgresOutage.inFrontOf(db.url);
  proxy = front.proxy;
  // A waiting request's answer cannot come while Postgres is down: its wait is kept short here.
  config = testConfig(front.url, { SCREENING_WAIT_MAX_MS: '1000' });
  service = await startService(config);
});
afterAll(async () => {
  await service?.stop();
  await proxy?.stop();
  await db?.drop();
});

it('every API route answers 503 problem+json with Retry-After while Postgres is down, and works again once it is back', async () => {
  const batch = await call(service.url, 'POST', '/v1/batches', {
    rawBody: 'name\nJane Doe\n',
    contentType: 'text/csv',
  });
  expect(batch.status).toBe(202);
  await proxy.stop();

  for (const [method, path, body] of [
    ['POST', '/v1/screenings', { body: { name: 'Jane Doe' } }],
    ['POST', '/v1/screenings?wait=true', { body: { name: 'Down While Waiting' } }],
    ['GET', '/v1/lists', {}],
    ['GET', `/v1/batches/${batch.body.id}`, {}],
    ['POST', '/v1/batches', { rawBody: 'name\nJane Doe\n', contentType: 'text/csv' }],
    ['GET', '/v1/webhooks', {}],
  ] as const) {
    const res = await call(service.url, method, path, body);
    expect({ path, status: res.status }).toEqual({ path, status: 503 });
    expect(res.contentType).toContain('application/problem+json');
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ status: 503, type: expect.stringContaining('not-ready') });
    expect(JSON.stringify(res.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432/);
  }

  // The waiting request's job was taken back with its 503: its retry will not find it screened twice.
  const queue = new Queue(QUEUE_NAMES.screenings, {
    connection: redisConnectionOptions(config.redisUrl!),
    prefix: config.queuePrefix,
  });
  try {
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed']);
    expect(jobs.filter((j) => JSON.stringify(j.data).includes('Down While Waiting'))).toEqual([]);
  } finally {
    await queue.close();
  }

  const ready = await call(service.url, 'GET', '/readyz', { apiKey: null });
  expect(ready.status).toBe(503);
  expect(ready.body.checks).toMatchObject({ postgres: { ok: false }, redis: { ok: true } });
  expect(ready.body.detail).toContain('Postgres is not reachable');
  expect(JSON.stringify(ready.body)).not.toMatch(new RegExp(`ECONNREFUSED|127\\.0\\.0\\.1|:${proxy.port}|connect`));

  await proxy.start();
  let res = await call(service.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Sense Time Group' } });
  for (let i = 0; i < 50 && res.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 100));
    res = await call(service.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Sense Time Group' } });
  }
  expect(res.status).toBe(200);
  expect(res.body.decision).toBe('hit');
});
