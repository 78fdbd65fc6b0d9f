import { createApiKey } from '@sanctions/shared/auth';
import { call } from '../support/http';
import { createSeededDatabase, importEntities, listedEntity } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, type TestDatabase } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';

let db: TestDatabase;
let service: RunningService;
/** Before anything of this file was screened: `from` this instant covers every row. */
let started: string;

beforeAll(async () => {
  db = await createSeededDatabase();
  service = await startService(testConfig(db.url));
  started = (
    await db.pool.query<{ t: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS t`)
  ).rows[0]!.t;
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

const api = (method: string, path: string, body?: unknown, apiKey?: string) =>
  call(service.url, method, path, { ...(body !== undefined && { body }), ...(apiKey !== undefined && { apiKey }) });

async function screen(name: string, reference?: string, apiKey?: string) {
  const res = await api('POST', '/v1/screenings?wait=true', { name, ...(reference && { reference }) }, apiKey);
  expect(res.body.status).toBe('done');
  return res.body;
}

async function uploadBatch(csv: string, apiKey?: string): Promise<string> {
  const res = await call(service.url, 'POST', '/v1/batches', {
    rawBody: csv,
    contentType: 'text/csv',
    ...(apiKey && { apiKey }),
  });
  expect(res.status).toBe(202);
  await eventually(
    async () => (await api('GET', `/v1/batches/${res.body.id}`, undefined, apiKey)).body.status === 'done',
    30_000,
    'batch done',
  );
  return res.body.id;
}

const history = async (query: string, apiKey?: string) => {
  const res = await api('GET', `/v1/screenings${query ? `?${query}` : ''}`, undefined, apiKey);
  expect(res.status).toBe(200);
  return res.body as { screenings: any[]; links: { next: string | null } };
};

/** Every entry of a listing, following links.next as given. */
async function allPages(first: string, apiKey?: string): Promise<{ entries: any[]; pages: number }> {
  const entries: any[] = [];
  let path: string | null = first;
  let pages = 0;
  while (path) {
    const res = await api('GET', path, undefined, apiKey);
    expect(res.status).toBe(200);
    entries.push(...res.body.screenings);
    path = res.body.links.next;
    pages++;
  }
  return { entries, pages };
}

const newestFirst = (entries: { screenedAt: string }[]) =>
  entries.every((e, i) => i === 0 || entries[i - 1]!.screenedAt >= e.screenedAt);

describe('GET /v1/screenings', () => {
  let batchId: string;
  let hitScreening: { id: string };
  let noHitScreening: { id: string };

  beforeAll(async () => {
    hitScreening = await screen('Sense Time Group', 'cust-h1');
    noHitScreening = await screen('Zoë Ñúñez Example', 'cust-h1');
    batchId = await uploadBatch(
      [
        'reference,name',
        'cust-h1,Sense Time Group',
        'cust-h2,Margaret Oyelaran',
        'cust-h3,Zoe Nunez Other',
        ',No Reference Person',
      ].join('\n'),
    );
  }, 60_000);

  it('one call shows every screening of a customer: single screenings and batch rows alike, newest first, with their alerts', async () => {
    const { screenings, links } = await history('reference=cust-h1');
    expect(links.next).toBeNull();
    expect(screenings.map((s) => s.source)).toEqual(['batch', 'screening', 'screening']);
    expect(newestFirst(screenings)).toBe(true);
    const [batchRow, noHit, hit] = screenings;
    expect(batchRow).toEqual({
      id: expect.any(String),
      source: 'batch',
      reference: 'cust-h1',
      query: { name: 'Sense Time Group' },
      decision: 'hit',
      topScore: expect.any(Number),
      matchCount: expect.any(Number),
      batchId,
      line: 2,
      listVersion: expect.stringMatching(/^seed@\d+$/),
      screenedAt: expect.any(String),
      alertId: expect.any(String),
      links: {
        alert: `/v1/alerts/${batchRow.alertId}`,
        report: `/v1/alerts/${batchRow.alertId}/report`,
        screening: null,
      },
    });
    expect(batchRow.matchCount).toBeGreaterThan(0);
    expect(noHit).toMatchObject({
      id: noHitScreening.id,
      source: 'screening',
      decision: 'no_hit',
      topScore: null,
      matchCount: 0,
      batchId: null,
      line: null,
      alertId: null,
    });
    expect(noHit.links).toEqual({
      alert: null,
      report: `/v1/screenings/${noHitScreening.id}/report`,
      screening: `/v1/screenings/${noHitScreening.id}`,
    });
    const single = await api('GET', `/v1/screenings/${hitScreening.id}`);
    expect(hit).toMatchObject({
      id: hitScreening.id,
      source: 'screening',
      decision: 'hit',
      topScore: single.body.matches[0].score,
      matchCount: single.body.matches.length,
      listVersion: single.body.listVersion,
    });
    // The alert it links to is the one that screening opened.
    const alert = await api('GET', hit.links.alert);
    expect(alert.body).toMatchObject({ screeningId: hitScreening.id, reference: 'cust-h1' });
    expect((await api('GET', hit.links.report)).contentType).toContain('application/pdf');
  });

  it('filters by decision, source, batchId and a normalized name, and by from (inclusive) and to (exclusive)', async () => {
    const hits = await history('decision=hit');
    expect(hits.screenings.length).toBeGreaterThanOrEqual(2);
    expect(hits.screenings.every((s) => s.decision === 'hit')).toBe(true);
    const noHits = await history('decision=no_hit&reference=cust-h1');
    expect(noHits.screenings.map((s) => s.id)).toEqual([noHitScreening.id]);

    const batchRows = await history(`batchId=${batchId}`);
    expect(batchRows.screenings.map((s) => s.line).sort()).toEqual([2, 3, 4, 5]);
    expect((await history('source=batch')).screenings.every((s) => s.source === 'batch')).toBe(true);
    expect((await history('source=screening')).screenings.map((s) => s.id)).toEqual(
      expect.arrayContaining([hitScreening.id, noHitScreening.id]),
    );
    expect((await history('source=batch&reference=cust-h2')).screenings).toHaveLength(1);

    // The name is read as the matcher reads names: case, accents and punctuation do not matter; any part matches.
    const zoe = await history(`name=${encodeURIComponent('ZOE-NUÑEZ')}`);
    expect(zoe.screenings.map((s) => s.query.name).sort()).toEqual(['Zoe Nunez Other', 'Zoë Ñúñez Example']);
    expect((await history('name=oyelar')).screenings.map((s) => s.reference)).toEqual(['cust-h2']);
    expect((await history('name=oyelaran&reference=cust-h1')).screenings).toEqual([]);

    const all = await history(`from=${started}`);
    expect(all.screenings.length).toBe(6);
    const oldest = all.screenings[all.screenings.length - 1];
    const beforeOldest = await history(`to=${encodeURIComponent(oldest.screenedAt)}`);
    expect(beforeOldest.screenings.map((s) => s.id)).not.toContain(oldest.id);
    expect((await history(`from=${encodeURIComponent(oldest.screenedAt)}`)).screenings.map((s) => s.id)).toContain(
      oldest.id,
    );
    expect((await history('from=2999-01-01')).screenings).toEqual([]);
  });

  it('pages through with the cursor: every row exactly once, newest first, whatever the page size', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => `page-ref,Paging Person ${String.fromCharCode(97 + i)}`);
    const pagedBatch = await uploadBatch(['reference,name', ...rows].join('\n'));
    await screen('Paging Person Single', 'page-ref');
    const everything = await history('reference=page-ref&limit=1000');
    expect(everything.screenings).toHaveLength(24);
    for (const limit of [1, 5, 7, 24]) {
      const { entries, pages } = await allPages(`/v1/screenings?reference=page-ref&limit=${limit}`);
      expect(entries.map((e) => e.id)).toEqual(everything.screenings.map((e) => e.id));
      expect(new Set(entries.map((e) => e.id)).size).toBe(24);
      expect(pages).toBe(Math.ceil(24 / limit));
      expect(newestFirst(entries)).toBe(true);
    }
    // The filters ride along in links.next.
    const first = await history(`batchId=${pagedBatch}&limit=10`);
    expect(first.links.next).toContain(`batchId=${pagedBatch}`);
    expect(first.links.next).toContain('limit=10');
    const { entries } = await allPages(`/v1/screenings?batchId=${pagedBatch}&limit=10`);
    expect(entries.map((e) => e.line).sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 2));
  });

  it('is workspace-scoped: another workspace sees only its own screenings, and needs screenings:read', async () => {
    const other = await createApiKey(db.pool, {
      name: 'history-other',
      scopes: ['screenings:read', 'screenings:write', 'batches:write', 'batches:read'],
      workspaceId: 'history-ws',
    });
    expect((await history('reference=cust-h1', other.key)).screenings).toEqual([]);
    const own = await screen('Sense Time Group', 'cust-h1', other.key);
    const theirs = await history('reference=cust-h1', other.key);
    expect(theirs.screenings.map((s) => s.id)).toEqual([own.id]);
    expect((await history('', other.key)).screenings.map((s) => s.id)).toEqual([own.id]);
    expect((await history(`batchId=${batchId}`, other.key)).screenings).toEqual([]);
    expect((await history('reference=cust-h1')).screenings.map((s) => s.id)).not.toContain(own.id);

    const writer = await createApiKey(db.pool, { name: 'history-writer', scopes: ['screenings:write'] });
    expect((await api('GET', '/v1/screenings', undefined, writer.key)).status).toBe(403);
    expect((await api('GET', '/v1/screenings', undefined, null as unknown as string)).status).toBe(401);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=1001', 'limit'],
    ['limit=ten', 'limit'],
    ['limit=1&limit=2', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    [`cursor=${Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url')}`, 'cursor'],
    ['decision=maybe', 'decision'],
    ['source=upload', 'source'],
    ['batchId=42', 'batchId'],
    ['from=yesterday', 'from'],
    ['to=2026-02-30T00:00:00Z', 'to'],
    ['from=2026-12-02&to=2026-12-01', 'to'],
    ['name=%21%21%21', 'name'],
    ['reference=', 'reference'],
    ['referance=cust-h1', 'referance'],
  ])('%s is 400 problem+json naming %s', async (query, field) => {
    const res = await api('GET', `/v1/screenings?${query}`);
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });
});

describe('monitoring results in the history', () => {
  it('a monitoring run’s alert joins the customer’s history, beside its screening when it was registered', async () => {
    expect(
      (await api('PUT', '/v1/customers/mon-h1', { name: 'Ivan Sidorovsky', birthDate: '1961-05-23' })).status,
    ).toBe(201);
    await eventually(async () => (await history('reference=mon-h1')).screenings.length === 1);
    const imported = await importEntities(
      db.pool,
      'un-sc',
      [listedEntity({ sourceEntityId: 'H-1', name: 'Ivan Petrovich Sidorovsky', birthDates: ['1961-05-23'] })],
      'history-1',
    );
    expect(imported.status).toBe('activated');
    const { screenings } = await eventually(
      async () => {
        const page = await history('reference=mon-h1');
        return page.screenings.length === 2 && page;
      },
      30_000,
      'monitoring result in the history',
    );
    expect(screenings.map((s) => s.source)).toEqual(['monitoring', 'screening']);
    const [monitoring] = screenings;
    expect(monitoring).toMatchObject({
      source: 'monitoring',
      decision: 'hit',
      matchCount: 1,
      batchId: null,
      line: null,
      alertId: monitoring.id,
      query: { name: 'Ivan Sidorovsky', birthDate: '1961-05-23' },
    });
    expect(monitoring.listVersion).toContain(`un-sc@${imported.version}`);
    expect((await api('GET', monitoring.links.alert)).body).toMatchObject({
      source: 'monitoring',
      reference: 'mon-h1',
    });
    expect((await history('source=monitoring')).screenings.map((s) => s.id)).toEqual([monitoring.id]);
  });
});
