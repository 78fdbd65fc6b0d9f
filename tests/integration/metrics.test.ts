import { createApiKey } from '@sanctions/shared/auth';
import type { AppConfig } from '@sanctions/shared/config';
import { createQueue, QUEUE_NAMES } from '@sanctions/shared/queues';
import { start as startApi, type RunningApi } from '@sanctions/api';
import { start as startWorker, type RunningWorker } from '@sanctions/screening-worker';
import { start as startWebhooksWorker, type RunningWebhooksWorker } from '@sanctions/webhooks-worker';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { declaredMetrics, sampleValue, samples } from '../support/prometheus';
import { quietLogger, testConfig, type TestDatabase } from '../support/test-stores';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';

/** Issue 19, metrics: every process (API, worker, webhooks worker) its own registry; METRICS_PORT serves it without a key. */
let db: TestDatabase;
let api: RunningApi;
let worker: RunningWorker;
let webhooksWorker: RunningWebhooksWorker;
let receiver: WebhookReceiver;
let config: AppConfig;

beforeAll(async () => {
  db = await createSeededDatabase();
  receiver = await WebhookReceiver.start();
  config = testConfig(db.url, {
    METRICS_PORT: '0',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    WEBHOOK_DISPATCH_INTERVAL_MS: '100',
  });
  worker = await startWorker(config, quietLogger);
  webhooksWorker = await startWebhooksWorker(config, quietLogger);
  api = await startApi(config, quietLogger);
});
afterAll(async () => {
  await api?.stop();
  await webhooksWorker?.stop();
  await worker?.stop();
  await receiver?.stop();
  await db?.drop();
});

const scrape = async (url: string | undefined) => {
  const res = await fetch(url!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
};
const apiMetrics = async () => {
  const res = await call(api.url, 'GET', '/metrics');
  expect(res.status).toBe(200);
  return res.body as string;
};

it('after a screening, the API and the worker show what they did under route templates, decisions and sources, never ids', async () => {
  const screening = await call(api.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Sense Time Group' } });
  expect(screening.body).toMatchObject({ decision: 'hit' });
  expect((await call(api.url, 'GET', `/v1/screenings/${screening.body.id}`)).status).toBe(200);
  expect((await call(api.url, 'GET', '/v1/no-such-route/123')).status).toBe(404);

  const fromApi = await apiMetrics();
  expect(declaredMetrics(fromApi)).toEqual(
    expect.arrayContaining([
      'http_request_duration_seconds',
      'screenings_total',
      'screening_match_duration_seconds',
      'queue_jobs',
      'batch_rows_total',
      'webhook_deliveries_total',
      'list_version',
      'alerts_open',
      'process_cpu_user_seconds_total',
      'nodejs_eventloop_lag_seconds',
    ]),
  );
  expect(
    sampleValue(fromApi, 'http_request_duration_seconds_count', {
      method: 'POST',
      route: '/v1/screenings',
      status: '200',
    }),
  ).toBe(1);
  expect(
    sampleValue(fromApi, 'http_request_duration_seconds_count', {
      method: 'GET',
      route: '/v1/screenings/:id',
      status: '200',
    }),
  ).toBe(1);
  expect(
    sampleValue(fromApi, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' }),
  ).toBe(1);
  for (const state of ['waiting', 'active', 'delayed', 'failed']) {
    expect(sampleValue(fromApi, 'queue_jobs', { queue: 'screenings', state })).toBe(0);
    expect(sampleValue(fromApi, 'queue_jobs', { queue: 'batch-chunks', state })).toBe(0);
  }
  expect(sampleValue(fromApi, 'list_version', { source: 'seed' })).toBe(1);
  expect(sampleValue(fromApi, 'alerts_open')).toBe(1);
  // Labels carry templates and closed sets only: no screening id, no path with an id in it.
  expect(fromApi).not.toContain(screening.body.id);
  expect(fromApi).not.toContain('/v1/no-such-route/123');

  const fromWorker = await scrape(worker.metricsUrl);
  expect(sampleValue(fromWorker, 'screenings_total', { decision: 'hit', source: 'screening' })).toBe(1);
  expect(sampleValue(fromWorker, 'screening_match_duration_seconds_count')).toBe(1);
  expect(sampleValue(fromWorker, 'screening_match_duration_seconds_sum')).toBeGreaterThan(0);
  expect(sampleValue(fromWorker, 'list_version', { source: 'seed' })).toBe(1);
  expect(sampleValue(fromWorker, 'queue_jobs', { queue: 'monitoring-runs', state: 'failed' })).toBe(0);
  // The API's requests are the API's: the worker's registry is its own.
  expect(sampleValue(fromWorker, 'http_request_duration_seconds_count', { route: '/v1/screenings' })).toBeUndefined();
});

it('counters move: a no-hit screening, a batch and a webhook delivery each add to theirs; a closed alert leaves alerts_open', async () => {
  const before = await scrape(worker.metricsUrl);
  const noHitsBefore = sampleValue(before, 'screenings_total', { decision: 'no_hit', source: 'screening' }) ?? 0;
  const rowsBefore = sampleValue(before, 'batch_rows_total') ?? 0;

  const subscription = await call(api.url, 'POST', '/v1/webhooks', {
    body: { url: receiver.url(), events: ['screening.completed'] },
  });
  expect(subscription.status).toBe(201);
  expect(
    (await call(api.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Jane Q. Ordinary Customer' } })).body,
  ).toMatchObject({ decision: 'no_hit' });
  const batch = await call(api.url, 'POST', '/v1/batches', {
    rawBody: 'name\nSense Time Group\nJohn Plain Person\nAnother Plain Name\n',
    contentType: 'text/csv',
  });
  expect(batch.status).toBe(202);
  await eventually(
    async () => (await call(api.url, 'GET', `/v1/batches/${batch.body.id}`)).body.status === 'done',
    20_000,
    'the batch',
  );

  const after = await scrape(worker.metricsUrl);
  expect(sampleValue(after, 'screenings_total', { decision: 'no_hit', source: 'screening' })).toBe(noHitsBefore + 1);
  expect(sampleValue(after, 'batch_rows_total')).toBe(rowsBefore + 3);
  expect(sampleValue(after, 'screenings_total', { decision: 'hit', source: 'batch' })).toBe(1);
  expect(sampleValue(after, 'screenings_total', { decision: 'no_hit', source: 'batch' })).toBe(2);

  await receiver.waitFor(1);
  const delivered = await eventually(
    async () =>
      sampleValue(await scrape(webhooksWorker.metricsUrl), 'webhook_deliveries_total', { outcome: 'succeeded' }),
    15_000,
    'a counted delivery',
  );
  expect(delivered).toBeGreaterThanOrEqual(1);

  const openBefore = sampleValue(await apiMetrics(), 'alerts_open')!;
  expect(openBefore).toBe(2);
  await db.pool.query(
    `UPDATE alerts SET status = 'closed', outcome = 'false_positive', closed_at = now() WHERE source = 'batch'`,
  );
  expect(sampleValue(await apiMetrics(), 'alerts_open')).toBe(openBefore - 1);
});

it('GET /metrics needs metrics:read or admin: 401 without a key, 403 without the scope', async () => {
  const reader = await createApiKey(db.pool, { name: 'scraper', scopes: ['metrics:read'] });
  const screener = await createApiKey(db.pool, { name: 'screener', scopes: ['screenings:write', 'screenings:read'] });

  const anonymous = await call(api.url, 'GET', '/metrics', { apiKey: null });
  expect(anonymous.status).toBe(401);
  expect(anonymous.contentType).toMatch(/application\/problem\+json/);

  const refused = await call(api.url, 'GET', '/metrics', {
    apiKey: screener.key,
    headers: { 'X-Request-Id': 'scrape-1' },
  });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({
    status: 403,
    detail: expect.stringContaining('metrics:read'),
    requestId: 'scrape-1',
  });

  const allowed = await call(api.url, 'GET', '/metrics', { apiKey: reader.key });
  expect(allowed.status).toBe(200);
  expect(samples(allowed.body).length).toBeGreaterThan(0);
});

it('queue_jobs is read from Redis at scrape time', async () => {
  const queue = createQueue(QUEUE_NAMES.screenings, config.redisUrl!, config.queuePrefix);
  try {
    // Far in the future: the worker never takes it during the test.
    const job = await queue.add('probe', {}, { delay: 3_600_000, jobId: 'metrics-probe' });
    expect(sampleValue(await apiMetrics(), 'queue_jobs', { queue: 'screenings', state: 'delayed' })).toBe(1);
    await job.remove();
    expect(sampleValue(await apiMetrics(), 'queue_jobs', { queue: 'screenings', state: 'delayed' })).toBe(0);
  } finally {
    await queue.close();
  }
});

it('with METRICS_PORT, each process serves its own metrics there without a key, and nothing else', async () => {
  expect(new Set([api.metricsUrl, worker.metricsUrl, webhooksWorker.metricsUrl]).size).toBe(3);
  const text = await scrape(api.metricsUrl);
  expect(
    sampleValue(text, 'http_request_duration_seconds_count', {
      method: 'POST',
      route: '/v1/screenings',
      status: '200',
    }),
  ).toBeGreaterThanOrEqual(1);
  expect(
    sampleValue(await scrape(webhooksWorker.metricsUrl), 'queue_jobs', {
      queue: 'webhook-deliveries',
      state: 'failed',
    }),
  ).toBe(0);
  expect((await fetch(api.metricsUrl!.replace('/metrics', '/v1/screenings'))).status).toBe(404);
});
