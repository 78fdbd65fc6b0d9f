import { call } from '../support/http';
import { uploadBatch, waitUntilBatchFinished } from '../support/batch-uploads';
import { seededServicePerFile } from '../support/running-service';
import { TEST_API_KEY } from '../support/test-stores';

const stores = seededServicePerFile();

const upload = (body: string | Buffer, headers: Record<string, string> = {}) =>
  uploadBatch(stores.service.url, body, headers);
const waitUntilFinished = (id: string) => waitUntilBatchFinished(stores.service.url, id);

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
