import zlib from 'node:zlib';
import { waitUntilBatchFinished } from '../support/batch-uploads';
import { call } from '../support/http';
import { seededServicePerFile } from '../support/running-service';
import { TEST_API_KEY } from '../support/test-stores';

/** Input a client can send on purpose or by accident, over real HTTP: each refused by name, or read safely. */
const stores = seededServicePerFile({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' });

const waitUntilFinished = async (id: string) => (await waitUntilBatchFinished(stores.service.url, id)).body;

function expectProblem(res: { status: number; contentType: string; body: any }, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.contentType).toContain('application/problem+json');
  if (field) expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe('NUL bytes in anything that reaches Postgres (item 7)', () => {
  it.each([
    ['name', { name: 'Jane\u0000Doe' }],
    ['reference', { name: 'Jane Doe', reference: 'C-\u00001' }],
    ['country', { name: 'Jane Doe', country: 'F\u0000R' }],
  ])('a screening with NUL in its %s is refused naming the field', async (field, body) => {
    expectProblem(await call(stores.service.url, 'POST', '/v1/screenings', { body }), 400, field);
  });

  it('a NUL in a body field of any JSON route is refused naming the field (compare, webhooks)', async () => {
    expectProblem(
      await call(stores.service.url, 'POST', '/v1/compare', { body: { a: { name: 'A\u0000' }, b: { name: 'B' } } }),
      400,
      'a.name',
    );
    expectProblem(
      await call(stores.service.url, 'POST', '/v1/webhooks', {
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
    const res = await call(stores.service.url, 'POST', '/v1/batches', { rawBody: csv, contentType: 'text/csv' });
    expect(res.status).toBe(202);
    const done = await waitUntilFinished(res.body.id);
    expect(done).toMatchObject({ status: 'done', total: 403, invalidRows: 2, processed: 401, hits: 1 });
    const errors = await call(stores.service.url, 'GET', `/v1/batches/${res.body.id}/errors`);
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
    const res = await call(stores.service.url, 'POST', '/v1/batches', {
      rawBody: records,
      contentType: 'application/json',
    });
    expect(res.status).toBe(202);
    expect(await waitUntilFinished(res.body.id)).toMatchObject({ status: 'done', total: 3, invalidRows: 2, hits: 1 });
  });

  it('a NUL in the file name (form or query) is refused naming filename', async () => {
    for (const disposition of ['filename="cust\u0000omers.csv"', "filename*=UTF-8''cust%00omers.csv"]) {
      const form = `--XYZ\r\nContent-Disposition: form-data; name="file"; ${disposition}\r\nContent-Type: text/csv\r\n\r\nname\nJane Doe\n\r\n--XYZ--\r\n`;
      const res = await call(stores.service.url, 'POST', '/v1/batches', {
        rawBody: form,
        contentType: 'multipart/form-data; boundary=XYZ',
      });
      expect(res.status).toBe(400);
      expect(res.contentType).toContain('application/problem+json');
      if (disposition.startsWith('filename*'))
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'filename' })]);
    }
    expectProblem(
      await call(stores.service.url, 'POST', '/v1/batches?filename=a%00b.csv', {
        rawBody: 'name\nJane Doe\n',
        contentType: 'text/csv',
      }),
      400,
      'filename',
    );
  });

  it('a NUL in a query parameter or a path segment is refused, on every route', async () => {
    expectProblem(await call(stores.service.url, 'GET', '/v1/entities?q=ab%00cd'), 400, 'q');
    expectProblem(await call(stores.service.url, 'GET', '/v1/entities/seed%00x'), 400, '(path)');
    expectProblem(await call(stores.service.url, 'GET', '/v1/lists/seed/versions/1/delta?after=a%00'), 400, 'after');
    expectProblem(await call(stores.service.url, 'GET', '/v1/batches?before=%00'), 400, 'before');
    expectProblem(await call(stores.service.url, 'GET', '/v1/lists/se%00ed/versions'), 400, '(path)');
  });
});

describe('integer parameters are parsed strictly and within their column (item 8)', () => {
  let batchId: string;
  beforeAll(async () => {
    batchId = (
      await call(stores.service.url, 'POST', '/v1/batches', { rawBody: 'name\nJane Doe\n', contentType: 'text/csv' })
    ).body.id;
  });

  it.each(['2147483648', '1e308', '0x10', '1e3', '-1', '1.5', ' 7', 'abc', ''])(
    'results?after=%s is 400 naming after',
    async (value) => {
      expectProblem(
        await call(stores.service.url, 'GET', `/v1/batches/${batchId}/results?after=${encodeURIComponent(value)}`),
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
      expectProblem(await call(stores.service.url, 'GET', path), 400, 'limit');
    }
  });

  it('an unknown query parameter is refused by name; a valid one still works', async () => {
    expectProblem(await call(stores.service.url, 'GET', `/v1/batches/${batchId}/results?afterr=1`), 400, 'afterr');
    expect(
      (await call(stores.service.url, 'GET', `/v1/batches/${batchId}/results?after=2147483647&limit=10`)).status,
    ).toBe(200);
  });

  it('a version number in the path past int4 or not in digits names no version', async () => {
    for (const v of ['2147483648', '1e0', '0x1', '99999999999999999999'])
      expect((await call(stores.service.url, 'GET', `/v1/lists/seed/versions/${v}/delta`)).status).toBe(404);
    expect((await call(stores.service.url, 'GET', `/v1/lists/seed/versions/1/delta`)).status).toBe(200);
  });
});

describe('a Content-Encoding the body does not match (item 9)', () => {
  const send = (path: string, body: Buffer | string, headers: Record<string, string>) =>
    fetch(`${stores.service.url}${path}`, {
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
    const res = await call(stores.service.url, 'GET', `/v1/entities?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([]);
  });

  it('a real name still finds its entity', async () => {
    const res = await call(stores.service.url, 'GET', `/v1/entities?q=${encodeURIComponent('sensetime')}`);
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
    const res = await call(stores.service.url, 'POST', '/v1/webhooks', { body: { url, events: ['screening.hit'] } });
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
      const res = await call(stores.service.url, method, path, { apiKey });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('a webhook secret is never cacheable', async () => {
    const res = await call(stores.service.url, 'POST', '/v1/webhooks', {
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
    const res = await call(stores.service.url, 'POST', '/v1/batches', { rawBody: csv, contentType: 'text/csv' });
    expect(res.status).toBe(202);
    await waitUntilFinished(res.body.id);
    const exported = await fetch(`${stores.service.url}/v1/batches/${res.body.id}/results`, {
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
