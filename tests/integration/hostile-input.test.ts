import net from 'node:net';
import zlib from 'node:zlib';
import { start as startApi, type RunningApi } from '@sanctions/api';
import { createLogger } from '@sanctions/shared/logging';
import { start as startWorker, type RunningWorker } from '@sanctions/screening-worker';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';

/** Faults a client can cause on purpose or by accident, over real HTTP and, where the client must misbehave, a raw socket. */
let db: TestDatabase;
let api: RunningApi;
let worker: RunningWorker;
const logLines: Record<string, any>[] = [];

beforeAll(async () => {
  db = await createSeededDatabase();
  const config = testConfig(db.url, { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });
  worker = await startWorker(config, quietLogger);
  api = await startApi(
    config,
    createLogger('info', {}, (line) => logLines.push(JSON.parse(line))),
  );
});
afterAll(async () => {
  await api?.stop();
  await worker?.stop();
  await db?.drop();
});

const AUTH = `Authorization: Bearer ${TEST_API_KEY}\r\n`;

/** Sends `head` and `body` on a socket of its own, waits `holdMs`, then resets (RST) or half-closes it; resolves with what came back. */
function rawRequest(
  head: string,
  body: string | Buffer,
  end: 'rst' | 'fin',
  holdMs = 150,
  holdUntil?: () => Promise<unknown>,
): Promise<string> {
  const { port } = new URL(api.url);
  return new Promise((resolve) => {
    let answer = '';
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(Buffer.concat([Buffer.from(head), Buffer.isBuffer(body) ? body : Buffer.from(body)]), () => {
        const finish = () => {
          if (end === 'rst') {
            socket.resetAndDestroy();
            resolve(answer);
          } else socket.end();
        };
        if (holdUntil) void holdUntil().then(finish, finish);
        else setTimeout(finish, holdMs);
      });
    });
    socket.on('data', (d) => (answer += String(d)));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => resolve(answer));
  });
}

const batchHead = (contentType: string, contentLength: number, extra = '') =>
  `POST /v1/batches HTTP/1.1\r\nHost: test\r\n${AUTH}Content-Type: ${contentType}\r\nContent-Length: ${contentLength}\r\n${extra}\r\n`;

async function batchesByStatus(): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ status: string; n: number }>(
    'SELECT status, count(*)::int AS n FROM batches GROUP BY status',
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  return value;
}

/** Until `count` INSERTs into batches wait on a lock: the uploads are held before createBatch reads a byte. */
async function insertsHeld(count: number): Promise<void> {
  const held = async () =>
    (
      await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO batches %'`,
      )
    ).rows[0]!.n;
  const n = await eventually(held, (v) => v >= count);
  expect(n).toBe(count);
}

/**
 * Waits until `count` more uploads than in `before` are failed and none is still receiving. Waiting
 * for "none receiving" alone passes before a cut-off upload's batch is even inserted (its INSERT may
 * still be in flight, or held by a lock), and a later look then sees it receiving for a moment.
 */
async function cutOffUploadsFailed(before: Record<string, number>, count: number): Promise<Record<string, number>> {
  const after = await eventually(
    batchesByStatus,
    (s) => (s.failed ?? 0) - (before.failed ?? 0) >= count && (s.receiving ?? 0) === 0,
  );
  expect((after.failed ?? 0) - (before.failed ?? 0)).toBe(count);
  expect(after.receiving ?? 0).toBe(0);
  return after;
}

async function stillServing() {
  const res = await call(api.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Sense Time Group' } });
  expect(res.status).toBe(200);
  expect(res.body.decision).toBe('hit');
}

async function waitUntilFinished(id: string) {
  return eventually(
    async () => (await call(api.url, 'GET', `/v1/batches/${id}`)).body,
    (b) => !['receiving', 'queued', 'running'].includes(b.status),
    10_000,
  );
}

function expectProblem(res: { status: number; contentType: string; body: any }, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.contentType).toContain('application/problem+json');
  if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe('a batch upload cut off by the client (issue 21, items 1 and 4)', () => {
  it('a reset mid-body, repeated, never ends the process, and each batch is failed at once', async () => {
    const before = await batchesByStatus();
    for (let i = 0; i < 5; i++) await rawRequest(batchHead('text/csv', 100_000), 'name\nJane Doe\nJohn Smith\n', 'rst');
    const after = await eventually(batchesByStatus, (s) => (s.failed ?? 0) - (before.failed ?? 0) === 5);
    expect((after.failed ?? 0) - (before.failed ?? 0)).toBe(5);
    expect(after.receiving ?? 0).toBe(0);
    const { rows } = await db.pool.query(
      `SELECT error FROM batches WHERE status = 'failed' ORDER BY created_at DESC LIMIT 1`,
    );
    expect(rows[0].error).toContain('send the file again');
    await stillServing();
  });

  it('a reset that arrives while Postgres is slow (before the upload is read) does not crash it either', async () => {
    const before = await batchesByStatus();
    const blocker = await db.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE batches IN ACCESS EXCLUSIVE MODE');
      // Each reset is sent once its upload's INSERT is held: the body fails before createBatch starts reading it.
      for (let i = 0; i < 3; i++)
        await rawRequest(batchHead('text/csv', 100_000), 'name\nJane Doe\n', 'rst', 0, () => insertsHeld(i + 1));
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      await blocker.query('COMMIT');
      blocker.release();
    }
    // Each batch is inserted once the lock goes, and failed by its own upload at once (not by the reconciler, 30 s later).
    await cutOffUploadsFailed(before, 3);
    const { rows } = await db.pool.query(
      `SELECT error FROM batches WHERE status = 'failed' ORDER BY created_at DESC LIMIT 3`,
    );
    for (const row of rows) expect(row.error).toContain('The request body ended before it was complete');
    await stillServing();
    // The stray stream error is logged with the id of the request it belonged to.
    expect(logLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ msg: 'request stream failed', reqId: expect.any(String), path: '/v1/batches' }),
      ]),
    );
  });

  it('a reset during a JSON or multipart upload, and before any byte of the body, is survived the same way', async () => {
    await rawRequest(batchHead('application/json', 100_000), '[{"name": "Jane Doe"},', 'rst');
    await rawRequest(
      batchHead('multipart/form-data; boundary=XYZ', 100_000),
      '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname\nJane',
      'rst',
    );
    await rawRequest(batchHead('text/csv', 100_000), '', 'rst', 0);
    await eventually(batchesByStatus, (s) => (s.receiving ?? 0) === 0);
    expect((await batchesByStatus()).receiving ?? 0).toBe(0);
    await stillServing();
  });

  it('no line of the log is an unhandled error', () => {
    expect(logLines.filter((l) => l.msg === 'unhandled error')).toEqual([]);
  });
});

describe('a multipart upload without its closing boundary (item 2)', () => {
  it('is answered 400 naming the body, every time, and its batch is failed', async () => {
    const body =
      '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="customers.csv"\r\nContent-Type: text/csv\r\n\r\nname\nJane Doe\nJohn Smith\n';
    const before = await batchesByStatus();
    for (let i = 0; i < 3; i++) {
      const answer = await rawRequest(
        batchHead('multipart/form-data; boundary=XYZ', Buffer.byteLength(body)),
        body,
        'fin',
        1_000,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toContain('application/problem+json');
      expect(answer).toContain('"field":"(body)"');
    }
    const after = await batchesByStatus();
    expect((after.failed ?? 0) - (before.failed ?? 0)).toBe(3);
    await stillServing();
  });
});

describe('an Idempotency-Key bound to an upload that did not complete (item 4)', () => {
  const upload = (csv: string, key: string) =>
    call(api.url, 'POST', '/v1/batches', {
      rawBody: csv,
      contentType: 'text/csv',
      headers: { 'idempotency-key': key },
    });

  it('accepts the corrected file after the first upload was cut off', async () => {
    const before = await batchesByStatus();
    await rawRequest(batchHead('text/csv', 100_000, 'Idempotency-Key: cut-off-1\r\n'), 'name\nJane Doe\n', 'rst');
    // Not only "none receiving": that also holds before the cut-off upload's batch is inserted.
    await eventually(batchesByStatus, (s) => (s.failed ?? 0) > (before.failed ?? 0) && (s.receiving ?? 0) === 0);
    const retry = await fetch(`${api.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv', 'idempotency-key': 'cut-off-1' },
      body: 'name\nSense Time Group\n',
    });
    expect(retry.status).toBe(202);
    const { id } = (await retry.json()) as any;
    expect(await waitUntilFinished(id)).toMatchObject({ status: 'done', total: 1, hits: 1 });
    // And the key now names that batch.
    const again = await fetch(`${api.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv', 'idempotency-key': 'cut-off-1' },
      body: 'name\nSense Time Group\n',
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as any).id).toBe(id);
    void upload;
  });

  it('accepts a new upload when the API process receiving the first one died (its heartbeat stopped)', async () => {
    const keyId = (await db.pool.query(`SELECT id FROM api_keys ORDER BY created_at LIMIT 1`)).rows[0].id;
    const dead = '00000000-0000-4000-8000-0000000dead1';
    await db.pool.query(
      `INSERT INTO batches (id, api_key_id, status, idempotency_key, created_at, upload_seen_at) VALUES ($1, $2, 'receiving', 'crashed-1', now() - interval '2 minutes', now() - interval '2 minutes')`,
      [dead, keyId],
    );
    const retry = await fetch(`${api.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv', 'idempotency-key': 'crashed-1' },
      body: 'name\nJane Doe\n',
    });
    expect(retry.status).toBe(202);
    expect(((await retry.json()) as any).id).not.toBe(dead);
    expect((await call(api.url, 'GET', `/v1/batches/${dead}`)).body).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('send the file again'),
    });
  });

  it('a live upload bound to the key is not taken over, and the reconciler fails a dead one within a minute, not two hours', async () => {
    const keyId = (await db.pool.query(`SELECT id FROM api_keys ORDER BY created_at LIMIT 1`)).rows[0].id;
    const live = '00000000-0000-4000-8000-00000000a11e';
    const dead = '00000000-0000-4000-8000-0000000dead2';
    await db.pool.query(
      `INSERT INTO batches (id, api_key_id, status, idempotency_key) VALUES ($1, $2, 'receiving', 'live-1')`,
      [live, keyId],
    );
    await db.pool.query(
      `INSERT INTO batches (id, status, upload_seen_at) VALUES ($1, 'receiving', now() - interval '1 minute')`,
      [dead],
    );
    const retry = await call(api.url, 'POST', '/v1/batches', {
      rawBody: 'name\nJane Doe\n',
      contentType: 'text/csv',
      headers: { 'idempotency-key': 'live-1' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(live);
    await worker.reconcileNow();
    expect((await call(api.url, 'GET', `/v1/batches/${dead}`)).body.status).toBe('failed');
    expect((await call(api.url, 'GET', `/v1/batches/${live}`)).body.status).toBe('receiving');
    await db.pool.query(`DELETE FROM batches WHERE id = $1`, [live]);
  });

  it('accepts a new upload under the key of a batch that failed in the workers', async () => {
    const first = await fetch(`${api.url}/v1/batches`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_API_KEY}`,
        'content-type': 'text/csv',
        'idempotency-key': 'worker-failed-1',
      },
      body: 'name\nJane Doe\n',
    });
    const { id } = (await first.json()) as any;
    await waitUntilFinished(id);
    await db.pool.query(`UPDATE batches SET status = 'running' WHERE id = $1`, [id]);
    const { markBatchFailed } = await import('@sanctions/shared/batches');
    await markBatchFailed(db.pool, id, 'a chunk failed too often');
    const retry = await fetch(`${api.url}/v1/batches`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TEST_API_KEY}`,
        'content-type': 'text/csv',
        'idempotency-key': 'worker-failed-1',
      },
      body: 'name\nJane Doe\n',
    });
    expect(retry.status).toBe(202);
    expect(((await retry.json()) as any).id).not.toBe(id);
  });
});

describe('NUL bytes in anything that reaches Postgres (item 7)', () => {
  it.each([
    ['name', { name: 'Jane\u0000Doe' }],
    ['reference', { name: 'Jane Doe', reference: 'C-\u00001' }],
    ['country', { name: 'Jane Doe', country: 'F\u0000R' }],
  ])('a screening with NUL in its %s is refused naming the field', async (field, body) => {
    expectProblem(await call(api.url, 'POST', '/v1/screenings', { body }), 400, field);
  });

  it('a NUL in a body field of any JSON route is refused naming the field (compare, webhooks)', async () => {
    expectProblem(
      await call(api.url, 'POST', '/v1/compare', { body: { a: { name: 'A\u0000' }, b: { name: 'B' } } }),
      400,
      'a.name',
    );
    expectProblem(
      await call(api.url, 'POST', '/v1/webhooks', {
        body: { url: 'https://hooks.example.com/\u0000', events: ['screening.hit'] },
      }),
      400,
      'url',
    );
  });

  it('a CSV row with a NUL anywhere in the file is an invalid row; the rest of the file goes on', async () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Customer Number ${i},R${i}`);
    const csv =
      ['name,reference', ...filler, 'Jane\u0000Doe,R-nul', 'Sense Time Group,R-hit', 'John Smith,R\u0000x'].join('\n') +
      '\n';
    expect(csv.indexOf('\u0000')).toBeGreaterThan(4096);
    const res = await call(api.url, 'POST', '/v1/batches', { rawBody: csv, contentType: 'text/csv' });
    expect(res.status).toBe(202);
    const done = await waitUntilFinished(res.body.id);
    expect(done).toMatchObject({ status: 'done', total: 403, invalidRows: 2, processed: 401, hits: 1 });
    const errors = await call(api.url, 'GET', `/v1/batches/${res.body.id}/errors`);
    expect(errors.body.errors).toEqual([
      { line: 402, field: 'name', reason: expect.stringContaining('NUL') },
      { line: 404, field: 'reference', reason: expect.stringContaining('NUL') },
    ]);
  });

  it('a JSON batch record with a NUL is an invalid row; the other records go on', async () => {
    const records = JSON.stringify([
      { name: 'Jane\u0000Doe' },
      { name: 'Sense Time Group', reference: 'ok' },
      { name: 'Jo', reference: '\u0000' },
    ]);
    const res = await call(api.url, 'POST', '/v1/batches', { rawBody: records, contentType: 'application/json' });
    expect(res.status).toBe(202);
    expect(await waitUntilFinished(res.body.id)).toMatchObject({ status: 'done', total: 3, invalidRows: 2, hits: 1 });
  });

  it('a NUL in the file name (form or query) is refused naming filename', async () => {
    for (const disposition of ['filename="cust\u0000omers.csv"', "filename*=UTF-8''cust%00omers.csv"]) {
      const form = `--XYZ\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: text/csv\r\n\r\nname\nJane Doe\n\r\n--XYZ--\r\n`;
      const res = await call(api.url, 'POST', '/v1/batches', {
        rawBody: form,
        contentType: 'multipart/form-data; boundary=XYZ',
      });
      expect(res.status).toBe(400);
      expect(res.contentType).toContain('application/problem+json');
      if (disposition.startsWith('filename*'))
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'filename' })]);
    }
    expectProblem(
      await call(api.url, 'POST', '/v1/batches?filename=a%00b.csv', {
        rawBody: 'name\nJane Doe\n',
        contentType: 'text/csv',
      }),
      400,
      'filename',
    );
  });

  it('a NUL in a query parameter or a path segment is refused, on every route', async () => {
    expectProblem(await call(api.url, 'GET', '/v1/entities?q=ab%00cd'), 400, 'q');
    expectProblem(await call(api.url, 'GET', '/v1/entities/seed%00x'), 400, '(path)');
    expectProblem(await call(api.url, 'GET', '/v1/lists/seed/versions/1/delta?after=a%00'), 400, 'after');
    expectProblem(await call(api.url, 'GET', '/v1/batches?before=%00'), 400, 'before');
    expectProblem(await call(api.url, 'GET', '/v1/lists/se%00ed/versions'), 400, '(path)');
  });
});

describe('integer parameters are parsed strictly and within their column (item 8)', () => {
  let batchId: string;
  beforeAll(async () => {
    batchId = (await call(api.url, 'POST', '/v1/batches', { rawBody: 'name\nJane Doe\n', contentType: 'text/csv' }))
      .body.id;
  });

  it.each(['2147483648', '1e308', '0x10', '1e3', '-1', '1.5', ' 7', 'abc', ''])(
    'results?after=%s is 400 naming after',
    async (value) => {
      expectProblem(
        await call(api.url, 'GET', `/v1/batches/${batchId}/results?after=${encodeURIComponent(value)}`),
        400,
        'after',
      );
    },
  );

  it('limit is strict on every paged route', async () => {
    for (const path of [
      `/v1/batches?limit=0x10`,
      `/v1/batches/${batchId}/results?limit=1e2`,
      `/v1/batches/${batchId}/errors?limit=1e308`,
      `/v1/entities?q=sense&limit=0x10`,
      `/v1/lists/seed/versions/1/delta?limit=1e1`,
    ]) {
      expectProblem(await call(api.url, 'GET', path), 400, 'limit');
    }
  });

  it('an unknown query parameter is refused by name; a valid one still works', async () => {
    expectProblem(await call(api.url, 'GET', `/v1/batches/${batchId}/results?afterr=1`), 400, 'afterr');
    expect((await call(api.url, 'GET', `/v1/batches/${batchId}/results?after=2147483647&limit=10`)).status).toBe(200);
  });

  it('a version number in the path past int4 or not in digits names no version', async () => {
    for (const v of ['2147483648', '1e0', '0x1', '99999999999999999999'])
      expect((await call(api.url, 'GET', `/v1/lists/seed/versions/${v}/delta`)).status).toBe(404);
    expect((await call(api.url, 'GET', `/v1/lists/seed/versions/1/delta`)).status).toBe(200);
  });
});

describe('a Content-Encoding the body does not match (item 9)', () => {
  const send = (path: string, body: Buffer | string, headers: Record<string, string>) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, ...headers },
      body,
    });

  it.each(['gzip', 'br', 'deflate'])(
    '%s declared over a plain body is 400 problem+json on JSON and upload routes',
    async (encoding) => {
      for (const [path, type, body] of [
        ['/v1/screenings', 'application/json', '{"name":"Jane Doe"}'],
        ['/v1/batches', 'text/csv', 'name\nJane Doe\n'],
        ['/v1/batches', 'application/json', '[{"name":"Jane Doe"}]'],
      ] as const) {
        const res = await send(path, body, { 'content-type': type, 'content-encoding': encoding });
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(((await res.json()) as any).errors).toEqual([expect.objectContaining({ field: 'Content-Encoding' })]);
      }
    },
  );

  it('an encoding we do not know is 415; a real gzip body is read', async () => {
    expect(
      (await send('/v1/batches', 'name\nJane Doe\n', { 'content-type': 'text/csv', 'content-encoding': 'compress' }))
        .status,
    ).toBe(415);
    const gz = await send('/v1/batches', zlib.gzipSync('name\nSense Time Group\n'), {
      'content-type': 'text/csv',
      'content-encoding': 'gzip',
    });
    expect(gz.status).toBe(202);
    expect(await waitUntilFinished(((await gz.json()) as any).id)).toMatchObject({ status: 'done', total: 1, hits: 1 });
  });
});

describe('entity search escapes LIKE wildcards (item 10)', () => {
  it.each(['%%', '__', '%_', '\\%'])('q=%s returns no arbitrary rows', async (q) => {
    const res = await call(api.url, 'GET', `/v1/entities?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([]);
  });

  it('a real name still finds its entity', async () => {
    const res = await call(api.url, 'GET', `/v1/entities?q=${encodeURIComponent('sensetime')}`);
    expect(res.body.results[0]).toMatchObject({ id: 'seed:ofac-33114' });
  });
});

describe('webhook targets in NAT64 local-use and Teredo space (item 11)', () => {
  it.each([
    ['https://[64:ff9b:1::a00:1]/hooks', /local-use NAT64/],
    ['https://[64:ff9b:1:ffff::1]/hooks', /local-use NAT64/],
    ['https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks', /Teredo/],
    ['https://[2001::1]/hooks', /Teredo/],
  ])('%s is refused naming the url', async (url, reason) => {
    const res = await call(api.url, 'POST', '/v1/webhooks', { body: { url, events: ['screening.hit'] } });
    expectProblem(res, 400, 'url');
    expect(res.body.errors[0].message).toMatch(reason);
  });
});

describe('API response headers (item 12)', () => {
  it('every API response carries nosniff and no-store, errors and health checks included', async () => {
    for (const [method, path, apiKey] of [
      ['GET', '/v1/lists', undefined],
      ['GET', '/v1/nope', undefined],
      ['GET', '/v1/lists', null],
      ['GET', '/readyz', null],
      ['GET', '/healthz', null],
    ] as const) {
      const res = await call(api.url, method, path, { apiKey });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('a webhook secret is never cacheable', async () => {
    const res = await call(api.url, 'POST', '/v1/webhooks', {
      body: { url: 'http://127.0.0.1:9/hook', events: ['batch.completed'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.secret).toEqual(expect.any(String));
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('CSV exports escape formula starters, fullwidth ones too (item 13)', () => {
  it('every cell a spreadsheet would read as a formula is prefixed with a quote', async () => {
    const names = [
      '＝1+2 Trading',
      '＋Plus Holdings',
      '－Minus Ltd',
      '＠Sum Corp',
      '=Plain Equals',
      '﹦Small Equals',
      '\u3000=Ideographic Space',
    ];
    const csv = 'name,reference\n' + names.map((n, i) => `"${n}",＝R${i}`).join('\n') + '\n';
    const res = await call(api.url, 'POST', '/v1/batches', { rawBody: csv, contentType: 'text/csv' });
    expect(res.status).toBe(202);
    await waitUntilFinished(res.body.id);
    const exported = await fetch(`${api.url}/v1/batches/${res.body.id}/results`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}`, accept: 'text/csv' },
    });
    const lines = (await exported.text()).trim().split(/\r?\n/).slice(1);
    expect(lines).toHaveLength(names.length);
    for (const line of lines) {
      // line,reference,name,…: neither the reference nor the name may start a cell with a formula character.
      const cells = line.split(',');
      expect(cells[1]).toMatch(/^"?'/);
      expect(cells[2]).toMatch(/^"?'/);
    }
  });
});
