import { createApiKey } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { uploadBatch, waitUntilBatchFinished } from '../support/batch-uploads';
import { importEntities, listedEntity } from '../support/list-factories';
import { seededServicePerFile } from '../support/running-service';
import { TEST_API_KEY } from '../support/test-stores';

const stores = seededServicePerFile();

const upload = (body: string | Buffer, headers: Record<string, string> = {}) =>
  uploadBatch(stores.service.url, body, headers);
const waitUntilFinished = (id: string) => waitUntilBatchFinished(stores.service.url, id);

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
