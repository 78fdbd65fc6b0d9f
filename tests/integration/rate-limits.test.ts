import { start as startApi, type RunningApi } from '@sanctions/api';
import { createApiKey } from '@sanctions/shared/auth';
import type { AppConfig } from '@sanctions/shared/config';
import { call, type HttpResult } from '../support/http';
import { createTestDatabase, quietLogger, testConfig, type TestDatabase } from '../support/test-stores';

/** Issue 19, per-key rate limits: counted in Redis, so two API processes share one count; one key never limits another. */
let db: TestDatabase;
let config: AppConfig;
let first: RunningApi;
let second: RunningApi;

beforeAll(async () => {
  db = await createTestDatabase();
  config = testConfig(db.url, { RATE_LIMIT_PER_MINUTE: '50' });
  // Two API processes of one deployment: same Postgres, same Redis, same prefix.
  first = await startApi(config, quietLogger);
  second = await startApi(config, quietLogger);
});
afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await db?.drop();
});

const limits = (res: HttpResult) => ({
  limit: res.headers.get('ratelimit-limit'),
  remaining: res.headers.get('ratelimit-remaining'),
  reset: Number(res.headers.get('ratelimit-reset')),
});
const missingScreening = '/v1/screenings/00000000-0000-4000-8000-000000000000';

it('a key with rateLimitPerMinute 3 is refused its 4th request with 429 and Retry-After, across both API processes', async () => {
  const created = await call(first.url, 'POST', '/v1/keys', {
    body: { name: 'limited', scopes: ['screenings:read'], rateLimitPerMinute: 3 },
  });
  expect(created.status).toBe(201);
  expect(created.body.rateLimitPerMinute).toBe(3);
  const listed = await call(first.url, 'GET', '/v1/keys');
  expect(listed.body.keys).toEqual(
    expect.arrayContaining([expect.objectContaining({ id: created.body.id, rateLimitPerMinute: 3 })]),
  );
  const key = created.body.key as string;

  const answers = [
    await call(first.url, 'GET', missingScreening, { apiKey: key }),
    await call(second.url, 'GET', missingScreening, { apiKey: key }),
    await call(first.url, 'GET', missingScreening, { apiKey: key }),
  ];
  expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
  expect(answers.map((a) => limits(a).remaining)).toEqual(['2', '1', '0']);
  for (const a of answers) {
    expect(limits(a).limit).toBe('3');
    expect(limits(a).reset).toBeGreaterThanOrEqual(1);
    expect(limits(a).reset).toBeLessThanOrEqual(60);
  }

  const refused = await call(second.url, 'GET', missingScreening, {
    apiKey: key,
    headers: { 'X-Request-Id': 'over-the-limit' },
  });
  expect(refused.status).toBe(429);
  expect(refused.contentType).toMatch(/application\/problem\+json/);
  expect(refused.body).toMatchObject({
    status: 429,
    title: 'Too many requests',
    detail: expect.stringContaining('3 requests a minute'),
    requestId: 'over-the-limit',
  });
  const retryAfter = Number(refused.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(limits(refused)).toMatchObject({ limit: '3', remaining: '0' });
  // The other process has the same count.
  expect((await call(first.url, 'GET', missingScreening, { apiKey: key })).status).toBe(429);
});

it("one key's traffic never limits another key, which has RATE_LIMIT_PER_MINUTE when it sets no limit of its own", async () => {
  const busy = await createApiKey(db.pool, { name: 'busy', scopes: ['screenings:read'], rateLimitPerMinute: 1 });
  const quiet = await createApiKey(db.pool, { name: 'quiet', scopes: ['screenings:read'] });
  expect((await call(first.url, 'GET', missingScreening, { apiKey: busy.key })).status).toBe(404);
  expect((await call(first.url, 'GET', missingScreening, { apiKey: busy.key })).status).toBe(429);
  expect((await call(second.url, 'GET', missingScreening, { apiKey: busy.key })).status).toBe(429);

  const other = await call(second.url, 'GET', missingScreening, { apiKey: quiet.key });
  expect(other.status).toBe(404);
  expect(limits(other)).toMatchObject({ limit: '50', remaining: '49' });
});

it('every /v1 answer carries the headers, errors included; a batch upload counts as one request whatever its rows', async () => {
  const uploader = await createApiKey(db.pool, {
    name: 'uploader',
    scopes: ['batches:write', 'batches:read'],
    rateLimitPerMinute: 5,
  });
  const rows = ['name', ...Array.from({ length: 1200 }, (_, i) => `Customer Number ${i}`)].join('\n');
  const upload = await call(first.url, 'POST', '/v1/batches', {
    apiKey: uploader.key,
    rawBody: rows,
    contentType: 'text/csv',
  });
  expect(upload.status).toBe(202);
  expect(limits(upload)).toMatchObject({ limit: '5', remaining: '4' });

  const invalid = await call(first.url, 'GET', '/v1/batches?limit=banana', { apiKey: uploader.key });
  expect(invalid.status).toBe(400);
  expect(limits(invalid)).toMatchObject({ limit: '5', remaining: '3' });
  const unknown = await call(first.url, 'GET', '/v1/no-such-thing', { apiKey: uploader.key });
  expect(unknown.status).toBe(404);
  expect(limits(unknown)).toMatchObject({ limit: '5', remaining: '2' });
});

it('POST /v1/keys refuses a rateLimitPerMinute outside 1 to 1,000,000 or not whole, naming the field', async () => {
  for (const rateLimitPerMinute of [0, 1_000_001, 2.5, '60']) {
    const res = await call(first.url, 'POST', '/v1/keys', {
      body: { name: 'bad', scopes: ['screenings:read'], rateLimitPerMinute },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'rateLimitPerMinute' })]);
  }
  const highest = await call(first.url, 'POST', '/v1/keys', {
    body: { name: 'highest', scopes: ['screenings:read'], rateLimitPerMinute: 1_000_000 },
  });
  expect(highest.status).toBe(201);
  // The database holds the same bound.
  await expect(
    db.pool.query(`UPDATE api_keys SET rate_limit_per_minute = 1000001 WHERE id = $1`, [highest.body.id]),
  ).rejects.toThrow(/rate_limit_per_minute/);
});
