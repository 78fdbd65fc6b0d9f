import type { Queue } from 'bullmq';
import { createApiKey } from '@sanctions/shared/auth';
import { createBatchFromCsv, getBatch, performBatchChunk, type BatchChunkJob } from '@sanctions/shared/batches';
import { createQueue, QUEUE_NAMES } from '@sanctions/shared/queues';
import { DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { call } from '../support/http';
import { importEntities, listedEntity } from '../support/list-factories';
import { seededServicePerFile, startService } from '../support/running-service';
import { quietLogger, testConfig, TEST_API_KEY, uniqueQueuePrefix } from '../support/test-stores';

const MATCH_OPTIONS = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 };

const stores = seededServicePerFile();

async function upload(body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${stores.service.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv', ...headers },
    body,
  });
  const contentType = res.headers.get('content-type') ?? '';
  return { status: res.status, contentType, body: (await res.json()) as any };
}

async function waitUntilFinished(id: string) {
  let res = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
  for (let i = 0; i < 200 && ['receiving', 'queued', 'running'].includes(res.body.status); i++) {
    await new Promise((r) => setTimeout(r, 50));
    res = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
  }
  return res;
}

/** Receives a file without queueing its chunks, so a test can run them itself. */
const unqueued = {
  pool: () => stores.db.pool,
  queue: { addBulk: async () => [] } as unknown as Queue<BatchChunkJob>,
  logger: quietLogger,
};
const receive = (csv: string) =>
  createBatchFromCsv({ pool: unqueued.pool(), queue: unqueued.queue, logger: quietLogger }, [Buffer.from(csv)], {
    apiKeyId: null,
  });

const CUSTOMERS =
  '\uFEFFFull Name;DOB;Customer ID\r\n' +
  'Sense Time Group;;C-1\r\n' +
  '"Ri\r\nYong-gil";1955;C-2\r\n' +
  'Jane Doe;1980-05-01;C-3\r\n' +
  'John Smith;;"C,4"\r\n' +
  ';1970;C-5\r\n' +
  '!!! ...;;C-6\r\n' +
  'Maria Garcia;1990-02-30;C-7\r\n' +
  'Acme Trading Ltd;;C-8;extra\r\n';

describe('screening a customer file', () => {
  let id: string;

  beforeAll(async () => {
    const accepted = await upload(CUSTOMERS, { 'idempotency-key': 'customers-2026-11' });
    expect(accepted.status).toBe(202);
    id = accepted.body.id;
    expect(accepted.body).toEqual({
      id: expect.any(String),
      status: 'queued',
      links: {
        self: `/v1/batches/${id}`,
        results: `/v1/batches/${id}/results`,
        errors: `/v1/batches/${id}/errors`,
        events: `/v1/batches/${id}/events`,
      },
    });
  });

  it('completes, counting every valid row once and the invalid rows apart', async () => {
    const res = await waitUntilFinished(id);
    expect(res.body).toMatchObject({ status: 'done', total: 8, invalidRows: 3, processed: 5, hits: 2, percent: 100 });
    expect(res.body.startedAt).toEqual(expect.any(String));
    expect(res.body.finishedAt).toEqual(expect.any(String));
  });

  it('reports hits with the designated entities, and the line each record starts on', async () => {
    const res = await call(stores.service.url, 'GET', `/v1/batches/${id}/results?decision=hit`);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      expect.objectContaining({
        line: 2,
        reference: 'C-1',
        name: 'Sense Time Group',
        decision: 'hit',
        entityId: 'seed:ofac-33114',
        lists: ['seed'],
      }),
      expect.objectContaining({
        line: 3,
        reference: 'C-2',
        name: 'Ri Yong-gil',
        decision: 'hit',
        entityId: 'seed:ofac-33936',
      }),
    ]);
    expect(res.body.results[0].citationUrls.length).toBeGreaterThan(0);
    const all = await call(stores.service.url, 'GET', `/v1/batches/${id}/results?limit=3`);
    expect(all.body.results.map((r: { line: number }) => r.line)).toEqual([2, 3, 5]);
    const next = await call(stores.service.url, 'GET', all.body.links.next);
    expect(next.body.results).toEqual([
      expect.objectContaining({ line: 6, reference: 'C,4', decision: 'no_hit', entityId: null, warning: null }),
      // An impossible birth date does not skip the row: it is screened on the name, and says so.
      expect.objectContaining({
        line: 9,
        reference: 'C-7',
        name: 'Maria Garcia',
        decision: 'no_hit',
        warning: 'birth date "1990-02-30" is not a real date (year 1850 to this year); screened without it',
      }),
    ]);
  });

  it('serves the results as CSV', async () => {
    const res = await fetch(`${stores.service.url}/v1/batches/${id}/results`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}`, accept: 'text/csv' },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'line,reference,name,decision,score,entity_id,entity_name,matched_name,lists,programs,citation_urls,warning,suppressed_matches,birth_date,country,match_reasons',
    );
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^2,C-1,Sense Time Group,hit,0\.\d+,seed:ofac-33114,SENSETIME GROUP LIMITED,/);
    expect(lines[4]).toBe('6,"C,4",John Smith,no_hit,,,,,,,,,0,,,');
    expect(lines[5]).toMatch(
      /^9,C-7,Maria Garcia,no_hit,,,,,,,,"birth date ""1990-02-30"" is not a real date \(year 1850 to this year\); screened without it",0,/,
    );
    const hits = await fetch(`${stores.service.url}/v1/batches/${id}/results?decision=hit`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}`, accept: 'text/csv' },
    });
    expect((await hits.text()).trimEnd().split('\r\n')).toHaveLength(3);
  });

  it('screens a row with an unknown country on its name, with a warning naming the accepted forms', async () => {
    const accepted = await upload('name,country,reference\nRi Yong-gil,Narnia,N-1\nJane Doe,GB,N-2\n');
    expect((await waitUntilFinished(accepted.body.id)).body).toMatchObject({
      status: 'done',
      total: 2,
      invalidRows: 0,
      processed: 2,
      hits: 1,
    });
    const res = await call(stores.service.url, 'GET', `/v1/batches/${accepted.body.id}/results`);
    expect(res.body.results).toEqual([
      expect.objectContaining({
        line: 2,
        decision: 'hit',
        warning: expect.stringMatching(
          /^country "Narnia" is not a country we know; use an ISO 3166 alpha-2 code .* or an English country name/,
        ),
      }),
      expect.objectContaining({ line: 3, decision: 'no_hit', warning: null }),
    ]);
  });

  it('reports each invalid row with its line and reason', async () => {
    const res = await call(stores.service.url, 'GET', `/v1/batches/${id}/errors`);
    expect(res.body.errors).toEqual([
      { line: 7, field: 'name', reason: 'name is empty' },
      { line: 8, field: 'name', reason: 'name has no letter or digit' },
      { line: 10, field: null, reason: 'has 4 columns but the header has 3' },
    ]);
  });

  it('returns the same batch when the same file is sent again with the same Idempotency-Key', async () => {
    const again = await upload(CUSTOMERS, { 'idempotency-key': 'customers-2026-11' });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(id);
  });
});

describe('files that are not customer CSV', () => {
  it('refuses binary data with a problem document', async () => {
    const res = await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff, 0xfe]));
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/not a CSV file/);
  });

  it('refuses a file without a name column', async () => {
    const res = await upload('customer,amount\n1,2\n');
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/name column/);
  });

  it('reads a Latin-1 file', async () => {
    const accepted = await upload(Buffer.from('name,country\nJos\xe9 Mu\xf1oz,ES\n', 'latin1'));
    expect(accepted.status).toBe(202);
    await waitUntilFinished(accepted.body.id);
    const res = await call(stores.service.url, 'GET', `/v1/batches/${accepted.body.id}/results`);
    expect(res.body.results[0].name).toBe('José Muñoz');
  });
});

describe('other ways to send the file', () => {
  it('accepts the file of a multipart/form-data form, as a browser sends it', async () => {
    const form = new FormData();
    form.append('note', 'November onboarding');
    form.append(
      'file',
      new Blob(['Customer Name,Customer ID\nSense Time Group,C-1\nJane Doe,C-2\n'], { type: 'text/csv' }),
      'book.csv',
    );
    const res = await fetch(`${stores.service.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
      body: form,
    });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as any;
    const done = await waitUntilFinished(id);
    expect(done.body).toMatchObject({ status: 'done', filename: 'book.csv', total: 2, processed: 2, hits: 1 });
  });

  it('refuses a form without a file, naming the field', async () => {
    const form = new FormData();
    form.append('name', 'Sense Time Group');
    const res = await fetch(`${stores.service.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
      body: form,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as any).errors).toEqual([
      { field: 'file', message: expect.stringContaining('file part') },
    ]);
  });

  it('accepts a JSON array of records, reporting invalid records by their position', async () => {
    const records = [
      { name: 'Ri Yong-gil', reference: 'C-1', dob: '1955' },
      { name: '' },
      { fullName: 'Jane Doe', customer_id: 3 },
    ];
    const accepted = await upload(JSON.stringify(records), { 'content-type': 'application/json' });
    expect(accepted.status).toBe(202);
    const done = await waitUntilFinished(accepted.body.id);
    expect(done.body).toMatchObject({ status: 'done', total: 3, invalidRows: 1, processed: 2, hits: 1 });
    const results = await call(stores.service.url, 'GET', `/v1/batches/${accepted.body.id}/results`);
    expect(results.body.results.map((r: any) => [r.line, r.reference, r.decision])).toEqual([
      [1, 'C-1', 'hit'],
      [3, '3', 'no_hit'],
    ]);
    const errors = await call(stores.service.url, 'GET', `/v1/batches/${accepted.body.id}/errors`);
    expect(errors.body.errors).toEqual([{ line: 2, field: 'name', reason: 'name is empty' }]);
  });

  it('refuses JSON that is not an array of records with a problem document', async () => {
    const res = await upload('{"name": "Jane Doe"}', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/not a JSON array/);
  });
});

describe('following a batch', () => {
  it('streams progress as server-sent events until the batch is done', async () => {
    const rows = ['name', ...Array.from({ length: 1500 }, (_, i) => `Customer Number ${i}`), 'Sense Time Group'].join(
      '\n',
    );
    const accepted = await upload(rows);
    const res = await fetch(`${stores.service.url}/v1/batches/${accepted.body.id}/events`, {
      headers: { authorization: `Bearer ${TEST_API_KEY}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const text = await res.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({
      event: m[1],
      data: JSON.parse(m[2] as string),
    }));
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({
      event: 'done',
      data: { status: 'done', processed: 1501, hits: 1, percent: 100 },
    });
    const percents = events.map((e) => e.data.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  });

  it('screens the first rows while the rest of the file is still arriving', async () => {
    const encoder = new TextEncoder();
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(
          encoder.encode('name\n' + Array.from({ length: 12_000 }, (_, i) => `Customer Number ${i}`).join('\n') + '\n'),
        );
        await released;
        controller.enqueue(encoder.encode('Sense Time Group\n'));
        controller.close();
      },
    });
    const accepted = fetch(`${stores.service.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
    } as RequestInit);
    let receiving: any;
    for (let i = 0; i < 400 && !(receiving?.status === 'receiving' && receiving.processed > 0); i++) {
      await new Promise((r) => setTimeout(r, 25));
      const { rows } = await stores.db.pool.query(
        `SELECT id FROM batches WHERE status = 'receiving' ORDER BY created_at DESC LIMIT 1`,
      );
      if (rows[0]) receiving = (await call(stores.service.url, 'GET', `/v1/batches/${rows[0].id}`)).body;
    }
    expect(receiving).toMatchObject({ status: 'receiving', processed: expect.any(Number) });
    expect(receiving.processed).toBeGreaterThan(0);
    release();
    const res = await accepted;
    expect(res.status).toBe(202);
    const done = await waitUntilFinished(((await res.json()) as any).id);
    expect(done.body).toMatchObject({ status: 'done', total: 12_001, processed: 12_001, hits: 1 });
  });

  it("lists the batches of the caller's workspace, newest first, page by page", async () => {
    const desk = await createApiKey(stores.db.pool, {
      name: 'desk',
      scopes: ['batches:read', 'batches:write'],
      workspaceId: 'listing-desk',
    });
    const ids: string[] = [];
    for (const file of ['name\nJane Doe\n', 'name\nJohn Smith\n', 'name\nMaria Garcia\n']) {
      const res = await call(stores.service.url, 'POST', '/v1/batches', {
        rawBody: file,
        contentType: 'text/csv',
        apiKey: desk.key,
      });
      ids.push(res.body.id);
    }
    const first = await call(stores.service.url, 'GET', '/v1/batches?limit=2', { apiKey: desk.key });
    expect(first.body.batches.map((b: any) => b.id)).toEqual([ids[2], ids[1]]);
    const second = await call(stores.service.url, 'GET', first.body.links.next, { apiKey: desk.key });
    expect(second.body.batches.map((b: any) => b.id)).toEqual([ids[0]]);
    expect(second.body.links.next).toBeNull();
    const colleague = await createApiKey(stores.db.pool, {
      name: 'colleague',
      scopes: ['batches:read'],
      workspaceId: 'listing-desk',
    });
    const shared = await call(stores.service.url, 'GET', '/v1/batches?limit=1000', { apiKey: colleague.key });
    expect(shared.body.batches.map((b: any) => b.id)).toEqual([ids[2], ids[1], ids[0]]);
    const elsewhere = await call(stores.service.url, 'GET', '/v1/batches?limit=1000');
    expect(elsewhere.body.batches.map((b: any) => b.id)).not.toContain(ids[0]);
    expect(
      (await call(stores.service.url, 'GET', '/v1/batches?before=nope', { apiKey: desk.key })).body.errors,
    ).toEqual([{ field: 'before', message: 'must be a batch id' }]);
  });

  it('an upload the client abandons half-way leaves nothing behind', async () => {
    const encoder = new TextEncoder();
    const abort = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(
          encoder.encode(
            'name,reference\n' +
              Array.from({ length: 11_000 }, (_, i) => `Customer Number ${i},X${i}`).join('\n') +
              '\n',
          ),
        );
      },
    });
    const sent = fetch(`${stores.service.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
      body,
      duplex: 'half',
      signal: abort.signal,
    } as RequestInit).catch(() => 'aborted');
    const receiving = async () =>
      (await stores.db.pool.query(`SELECT id FROM batches WHERE status = 'receiving'`)).rows;
    for (let i = 0; i < 400 && (await receiving()).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await receiving()).toHaveLength(1);
    abort.abort();
    expect(await sent).toBe('aborted');
    for (let i = 0; i < 400 && (await receiving()).length > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await receiving()).toHaveLength(0);
    const { rows } = await stores.db.pool.query(
      `SELECT count(*)::int AS n FROM batch_rows r JOIN batches b ON b.id = r.batch_id WHERE r.reference LIKE 'X%'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('a batch is visible to the keys of its workspace only, admin keys of another workspace included', async () => {
    const accepted = await upload('name\nJane Doe\n');
    const other = await createApiKey(stores.db.pool, {
      name: 'other desk',
      scopes: ['admin'],
      workspaceId: 'other-desk',
    });
    for (const path of ['', '/results', '/errors', '/events']) {
      const res = await call(stores.service.url, 'GET', `/v1/batches/${accepted.body.id}${path}`, {
        apiKey: other.key,
      });
      expect(res.status).toBe(404);
    }
    expect(
      (await call(stores.service.url, 'DELETE', `/v1/batches/${accepted.body.id}`, { apiKey: other.key })).status,
    ).toBe(404);
    expect((await call(stores.service.url, 'GET', `/v1/batches/${accepted.body.id}`)).status).toBe(200);
    const colleague = await createApiKey(stores.db.pool, { name: 'colleague', scopes: ['batches:read'] });
    expect(
      (await call(stores.service.url, 'GET', `/v1/batches/${accepted.body.id}`, { apiKey: colleague.key })).status,
    ).toBe(200);
  });
});

describe('after a list update', () => {
  it('re-screens a finished file as a new batch against the lists active now', async () => {
    const accepted = await upload('name,reference\nSense Time Group,C-1\nWanda Rescreen Testperson,C-2\n,C-3\n');
    const first = await waitUntilFinished(accepted.body.id);
    expect(first.body).toMatchObject({ status: 'done', hits: 1 });

    await importEntities(stores.db.pool, 'un-sc', [
      listedEntity({ sourceEntityId: 'QDi.999', name: 'Wanda Rescreen Testperson' }),
    ]);
    await stores.service.worker.indexCache.refreshIfStale();
    const again = await call(stores.service.url, 'POST', `/v1/batches/${accepted.body.id}/rescreen`, {
      rawBody: '',
      contentType: 'text/plain',
    });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({
      rescreenOf: accepted.body.id,
      status: expect.stringMatching(/^(queued|running|done)$/),
    }); // two rows: a worker may finish them before the answer is written
    const second = await waitUntilFinished(again.body.id);
    expect(second.body).toMatchObject({ status: 'done', total: 3, invalidRows: 1, processed: 2, hits: 2 });
    const hits = await call(stores.service.url, 'GET', `/v1/batches/${again.body.id}/results?decision=hit`);
    expect(hits.body.results.map((r: any) => [r.reference, r.entityId])).toEqual([
      ['C-1', 'seed:ofac-33114'],
      ['C-2', 'un-sc:QDi.999'],
    ]);
    const errors = await call(stores.service.url, 'GET', `/v1/batches/${again.body.id}/errors`);
    expect(errors.body.errors).toEqual([{ line: 4, field: 'name', reason: 'name is empty' }]);
  });

  it('refuses to re-screen a batch of another workspace', async () => {
    const accepted = await upload('name\nJane Doe\n');
    const other = await createApiKey(stores.db.pool, {
      name: 'rescreen other',
      scopes: ['batches:write', 'batches:read'],
      workspaceId: 'rescreen-other',
    });
    const res = await call(stores.service.url, 'POST', `/v1/batches/${accepted.body.id}/rescreen`, {
      rawBody: '',
      contentType: 'text/plain',
      apiKey: other.key,
    });
    expect(res.status).toBe(404);
  });
});

describe('exactly once', () => {
  const rows = (count: number) =>
    'name,reference\n' +
    Array.from({ length: count }, (_, i) => `Customer ${i},R${i}`).join('\n') +
    '\nSense Time Group,R-hit\n';

  it('a chunk run twice writes and counts its results once', async () => {
    const { batch } = await receive(rows(599));
    expect(batch).toMatchObject({ status: 'queued', total: 600, invalidRows: 0 });
    const loaded = await stores.service.worker.indexCache.current();
    const first = { batchId: batch.id, fromLine: 2, toLine: 501 };
    const second = { batchId: batch.id, fromLine: 502, toLine: 601 };

    expect(await performBatchChunk(stores.db.pool, loaded, first, MATCH_OPTIONS)).toMatchObject({
      outcome: 'recorded',
      inserted: 500,
      status: 'running',
    });
    expect(await performBatchChunk(stores.db.pool, loaded, first, MATCH_OPTIONS)).toMatchObject({
      outcome: 'recorded',
      inserted: 0,
      status: 'running',
    });
    expect(await performBatchChunk(stores.db.pool, loaded, second, MATCH_OPTIONS)).toMatchObject({
      inserted: 100,
      hits: 1,
      status: 'done',
    });
    expect(await performBatchChunk(stores.db.pool, loaded, second, MATCH_OPTIONS)).toMatchObject({
      outcome: 'skipped',
      inserted: 0,
    });

    const res = await call(stores.service.url, 'GET', `/v1/batches/${batch.id}`);
    expect(res.body).toMatchObject({ status: 'done', processed: 600, hits: 1, percent: 100 });
    const count = await stores.db.pool.query('SELECT count(*)::int AS n FROM batch_results WHERE batch_id = $1', [
      batch.id,
    ]);
    expect(count.rows[0].n).toBe(600);
  });

  it('a cancelled batch stops: its chunks write nothing', async () => {
    const { batch } = await receive(rows(10));
    const res = await call(stores.service.url, 'DELETE', `/v1/batches/${batch.id}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    const loaded = await stores.service.worker.indexCache.current();
    expect(
      await performBatchChunk(stores.db.pool, loaded, { batchId: batch.id, fromLine: 2, toLine: 12 }, MATCH_OPTIONS),
    ).toMatchObject({
      outcome: 'skipped',
      status: 'cancelled',
    });
    expect((await call(stores.service.url, 'GET', `/v1/batches/${batch.id}`)).body).toMatchObject({
      status: 'cancelled',
      processed: 0,
    });
  });
});

describe('when Redis lost the chunk jobs of a batch', () => {
  it('the reconciler re-derives them from Postgres and the batch completes once', async () => {
    const config = testConfig(stores.db.url, { RECONCILE_GRACE_MS: '0', RECONCILE_INTERVAL_MS: '600000' });
    const reconciling = await startService(config);
    // Jobs added under another prefix reach no worker: as if Redis had been flushed after the upload.
    const lost = createQueue<BatchChunkJob>(QUEUE_NAMES.batchChunks, config.redisUrl!, uniqueQueuePrefix());
    try {
      const rows = ['name', ...Array.from({ length: 1200 }, (_, i) => `Customer Number ${i}`), 'Sense Time Group'].join(
        '\n',
      );
      const { batch } = await createBatchFromCsv(
        { pool: stores.db.pool, queue: lost, logger: quietLogger },
        [Buffer.from(rows)],
        { apiKeyId: null },
      );
      await reconciling.worker.reconcileNow();
      await reconciling.worker.reconcileNow(); // a second pass while chunks are queued or running adds nothing twice
      let view = await getBatch(stores.db.pool, batch.id, 'default');
      for (let i = 0; i < 400 && view?.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        view = await getBatch(stores.db.pool, batch.id, 'default');
      }
      expect(view).toMatchObject({ status: 'done', total: 1201, processed: 1201, hits: 1 });
      const { rows: counted } = await stores.db.pool.query(
        'SELECT count(*)::int AS n FROM batch_results WHERE batch_id = $1',
        [batch.id],
      );
      expect(counted[0].n).toBe(1201);
    } finally {
      await lost.obliterate({ force: true }).catch(() => undefined);
      await lost.close();
      await reconciling.stop();
    }
  });
});

describe('an upload that never completed', () => {
  it('is failed by the reconciler with a reason, so its batch does not wait forever', async () => {
    const id = '00000000-0000-4000-8000-00000000abcd';
    await stores.db.pool.query(
      `INSERT INTO batches (id, status, created_at) VALUES ($1, 'receiving', now() - interval '3 hours')`,
      [id],
    );
    await stores.service.worker.reconcileNow();
    const res = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
    expect(res.body).toMatchObject({ status: 'failed', error: expect.stringContaining('send the file again') });
  });
});
