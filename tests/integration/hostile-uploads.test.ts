import net from 'node:net';
import { start as startApi, type RunningApi } from '@sanctions/api';
import { createLogger } from '@sanctions/shared/logging';
import { start as startWorker, type RunningWorker } from '@sanctions/screening-worker';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';

/** Faults a client can cause with an upload on purpose or by accident, over real HTTP and, where the client must misbehave, a raw socket. */
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
    const before = await batchesByStatus();
    await rawRequest(batchHead('application/json', 100_000), '[{"name": "Jane Doe"},', 'rst');
    await rawRequest(
      batchHead('multipart/form-data; boundary=XYZ', 100_000),
      '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname\nJane',
      'rst',
    );
    await rawRequest(batchHead('text/csv', 100_000), '', 'rst', 0);
    // The two uploads that sent bytes made batches; wait for them to be failed (a batch not yet inserted is not
    // "receiving" either), then check that none is left receiving a moment later.
    await eventually(batchesByStatus, (s) => (s.failed ?? 0) - (before.failed ?? 0) >= 2 && (s.receiving ?? 0) === 0);
    await new Promise((r) => setTimeout(r, 500));
    const after = await eventually(batchesByStatus, (s) => (s.receiving ?? 0) === 0);
    expect((after.failed ?? 0) - (before.failed ?? 0)).toBeGreaterThanOrEqual(2);
    expect(after.receiving ?? 0).toBe(0);
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
