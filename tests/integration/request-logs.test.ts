import { start as startApi, type RunningApi } from '@sanctions/api';
import { createLogger } from '@sanctions/shared/logging';
import { start as startWorker, type RunningWorker } from '@sanctions/screening-worker';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';

/** Issue 19, request logs: pino lines, X-Request-Id from the request to its problem body and to the worker's lines. */
let db: TestDatabase;
let api: RunningApi;
let worker: RunningWorker;
const apiLines: string[] = [];
const workerLines: string[] = [];
const parsed = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, any>);

beforeAll(async () => {
  db = await createSeededDatabase();
  const config = testConfig(db.url, { LOG_LEVEL: 'info' });
  worker = await startWorker(
    config,
    createLogger('info', { process: 'worker' }, (line) => workerLines.push(line)),
  );
  api = await startApi(
    config,
    createLogger('info', { process: 'api' }, (line) => apiLines.push(line)),
  );
});
afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await db?.drop();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const missing = '/v1/screenings/00000000-0000-4000-8000-000000000000';

describe('X-Request-Id', () => {
  it('keeps a sane incoming id and echoes it', async () => {
    for (const id of ['abc', 'trace.2026-12-03:0001', 'under_score', 'A'.repeat(128)]) {
      expect(
        (await call(api.url, 'GET', '/healthz', { headers: { 'X-Request-Id': id } })).headers.get('x-request-id'),
      ).toBe(id);
    }
  });

  it('replaces a missing, too long or unusual id with a new UUID', async () => {
    expect((await call(api.url, 'GET', '/healthz')).headers.get('x-request-id')).toMatch(UUID);
    for (const id of ['A'.repeat(129), 'has space', 'semi;colon', 'slash/es', '<script>']) {
      const echoed = (await call(api.url, 'GET', '/healthz', { headers: { 'X-Request-Id': id } })).headers.get(
        'x-request-id',
      );
      expect(echoed).toMatch(UUID);
    }
  });

  it('is the requestId of every problem body', async () => {
    const notFound = await call(api.url, 'GET', missing, { headers: { 'X-Request-Id': 'problem-404' } });
    expect(notFound.status).toBe(404);
    expect(notFound.body).toMatchObject({ status: 404, requestId: 'problem-404' });
    const unauthorized = await call(api.url, 'GET', missing, { apiKey: null });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.body.requestId).toBe(unauthorized.headers.get('x-request-id'));
    const invalid = await call(api.url, 'POST', '/v1/screenings', {
      body: { nmae: 'typo' },
      headers: { 'X-Request-Id': 'problem-400' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ status: 400, requestId: 'problem-400' });
  });

  it("is carried in the screening's job: the worker's line for that screening has it", async () => {
    const res = await call(api.url, 'POST', '/v1/screenings?wait=true', {
      body: { name: 'Sense Time Group' },
      headers: { 'X-Request-Id': 'trace-screening-1' },
    });
    expect(res.status).toBe(200);
    const line = await eventually(
      async () => parsed(workerLines).find((l) => l.msg === 'screening recorded' && l.screeningId === res.body.id),
      5_000,
      'the worker line',
    );
    expect(line).toMatchObject({
      level: 'info',
      process: 'worker',
      reqId: 'trace-screening-1',
      decision: 'hit',
      outcome: 'recorded',
    });
  });

  it("is carried in a batch's chunk jobs: the worker's lines for its chunks have it", async () => {
    const res = await call(api.url, 'POST', '/v1/batches', {
      rawBody: 'name\nSense Time Group\nJane Doe\n',
      contentType: 'text/csv',
      headers: { 'X-Request-Id': 'trace-batch-1' },
    });
    expect(res.status).toBe(202);
    const line = await eventually(
      async () => parsed(workerLines).find((l) => l.msg === 'batch chunk screened' && l.batchId === res.body.id),
      15_000,
      'the chunk line',
    );
    expect(line).toMatchObject({ reqId: 'trace-batch-1', rows: 2, hits: 1 });
  });
});

describe('request lines', () => {
  it('one JSON line per request: reqId, method, route template, status, response time and key id', async () => {
    const keys = await call(api.url, 'GET', '/v1/keys');
    const keyId = keys.body.keys.find((k: { name: string }) => k.name === 'bootstrap').id;
    await call(api.url, 'GET', missing, { headers: { 'X-Request-Id': 'line-1' } });
    const lines = await eventually(async () => {
      const found = parsed(apiLines).filter((l) => l.reqId === 'line-1');
      return found.length > 0 && found;
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.any(String),
      process: 'api',
      reqId: 'line-1',
      method: 'GET',
      route: '/v1/screenings/:id',
      status: 404,
      responseTime: expect.any(Number),
      keyId,
      msg: 'request',
    });
  });

  it('never carries a key, a password or a body: an Authorization header and a password field leave no trace', async () => {
    const before = apiLines.length;
    const secret = 'hunter2-very-secret';
    const res = await call(api.url, 'POST', '/v1/screenings', {
      body: { name: 'Jane Doe', password: secret },
      headers: { 'X-Request-Id': 'secrets-1' },
    });
    expect(res.status).toBe(400);
    await call(api.url, 'POST', '/v1/screenings', {
      body: { name: 'Jane Doe' },
      apiKey: 'ssk_not-a-real-key-but-still-secret',
      headers: { 'X-Request-Id': 'secrets-2' },
    });
    const written = await eventually(async () => {
      const lines = apiLines.slice(before);
      return parsed(lines).some((l) => l.reqId === 'secrets-2') && lines.join('\n');
    });
    expect(written).toContain('"reqId":"secrets-1"');
    expect(written).not.toContain(secret);
    expect(written).not.toContain(TEST_API_KEY);
    expect(written).not.toContain('ssk_not-a-real-key-but-still-secret');
    expect(written).not.toMatch(/authorization|"headers"|"body"/i);
    expect([...apiLines, ...workerLines].join('\n')).not.toContain(TEST_API_KEY);
  });
});
