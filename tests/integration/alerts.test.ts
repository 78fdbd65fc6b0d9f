import { start as startApi, type RunningApi } from '@sanctions/api';
import { insertAlert } from '@sanctions/shared/alerts';
import { performBatchChunk } from '@sanctions/shared/batches';
import { createApiKey, type Scope } from '@sanctions/shared/auth';
import { withTransaction } from '@sanctions/shared/db';
import { start as startWebhooksWorker, type RunningWebhooksWorker } from '../../workers/webhooks/src';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { quietLogger, testConfig, type TestDatabase } from '../support/test-stores';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';

const WEBHOOK_ENV = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_DISPATCH_INTERVAL_MS: '100',
  WEBHOOK_BACKOFF_BASE_MS: '50',
};

let db: TestDatabase;
let service: RunningService;
/** The same database behind an API with REVIEW_FOUR_EYES=true. */
let fourEyes: RunningApi;
let webhooksWorker: RunningWebhooksWorker;

beforeAll(async () => {
  db = await createSeededDatabase();
  const config = testConfig(db.url, WEBHOOK_ENV);
  service = await startService(config);
  fourEyes = await startApi(testConfig(db.url, { REVIEW_FOUR_EYES: 'true' }), quietLogger);
  webhooksWorker = await startWebhooksWorker(config, quietLogger);
});

afterAll(async () => {
  await webhooksWorker?.stop();
  await fourEyes?.stop();
  await service?.stop();
  await db?.drop();
});

const api = (method: string, path: string, body?: unknown, apiKey?: string) =>
  call(service.url, method, path, { ...(body !== undefined && { body }), ...(apiKey !== undefined && { apiKey }) });
const api4 = (method: string, path: string, body?: unknown, apiKey?: string) =>
  call(fourEyes.url, method, path, { ...(body !== undefined && { body }), ...(apiKey !== undefined && { apiKey }) });

const key = async (name: string, scopes: Scope[], workspaceId?: string) =>
  createApiKey(db.pool, { name, scopes, ...(workspaceId && { workspaceId }) });
const REVIEWER: Scope[] = ['alerts:read', 'alerts:review', 'screenings:write', 'screenings:read'];

/** Screens a name and returns the alert its hit made. */
async function alertFor(name: string, reference: string, apiKey?: string) {
  const screened = await api('POST', '/v1/screenings?wait=true', { name, reference }, apiKey);
  expect(screened.body).toMatchObject({ status: 'done', decision: 'hit' });
  const listed = await api('GET', `/v1/alerts?reference=${encodeURIComponent(reference)}`, undefined, apiKey);
  expect(listed.status).toBe(200);
  expect(listed.body.alerts).toHaveLength(1);
  return { screening: screened.body, alert: listed.body.alerts[0] };
}

async function waitForBatch(id: string) {
  return eventually(async () => {
    const res = await api('GET', `/v1/batches/${id}`);
    return res.body.status === 'done' && res.body;
  });
}

describe('alerts from hits', () => {
  it('a hit screening makes exactly one alert, with the alert shape; a no-hit makes none', async () => {
    const { screening, alert } = await alertFor('Sense Time Group', 'cust-shape');
    expect(alert).toEqual({
      id: expect.any(String),
      status: 'open',
      source: 'screening',
      screeningId: screening.id,
      batchId: null,
      line: null,
      runId: null,
      reference: 'cust-shape',
      query: { name: 'Sense Time Group' },
      matches: [
        expect.objectContaining({
          entityId: 'seed:ofac-33114',
          entityIds: ['seed:ofac-33114'],
          name: 'SENSETIME GROUP LIMITED',
          score: screening.matches[0].score,
          lists: ['seed'],
          programs: screening.matches[0].programs,
          explanation: screening.matches[0].explanation,
          citations: screening.matches[0].citations,
          disposition: null,
          note: null,
          decidedBy: null,
          decidedAt: null,
        }),
      ],
      assignee: null,
      outcome: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      closedAt: null,
      links: { self: `/v1/alerts/${alert.id}`, history: `/v1/alerts/${alert.id}/history` },
    });
    expect((await api('GET', `/v1/alerts/${alert.id}`)).body).toEqual(alert);

    const none = await api('POST', '/v1/screenings?wait=true', { name: 'Jane Doe', reference: 'cust-no-hit' });
    expect(none.body.decision).toBe('no_hit');
    expect((await api('GET', '/v1/alerts?reference=cust-no-hit')).body.alerts).toEqual([]);
  });

  it('the same result recorded again (a redelivered job) makes no second alert', async () => {
    const { screening, alert } = await alertFor('Ri Yong Gil', 'cust-redelivered');
    const again = await withTransaction(db.pool, (tx) =>
      insertAlert(tx, {
        workspaceId: 'default',
        source: 'screening',
        screeningId: screening.id,
        reference: 'cust-redelivered',
        query: { name: 'Ri Yong Gil' },
        matches: screening.matches,
      }),
    );
    expect(again).toBeUndefined();
    const { rows } = await db.pool.query(`SELECT id FROM alerts WHERE screening_id = $1`, [screening.id]);
    expect(rows).toEqual([{ id: alert.id }]);
  });

  it('batch rows make one alert per hit row; a re-screen of the same rows makes none', async () => {
    const csv = 'name,reference\nSense Time Group,B-1\nJane Doe,B-2\nRi Yong Gil,B-3\n';
    const accepted = await call(service.url, 'POST', '/v1/batches', { rawBody: csv, contentType: 'text/csv' });
    expect(accepted.status).toBe(202);
    await waitForBatch(accepted.body.id);
    const listed = await api('GET', `/v1/alerts?batchId=${accepted.body.id}&sort=created`);
    expect(listed.body.alerts.map((a: any) => [a.source, a.batchId, a.line, a.reference])).toEqual(
      expect.arrayContaining([
        ['batch', accepted.body.id, 2, 'B-1'],
        ['batch', accepted.body.id, 4, 'B-3'],
      ]),
    );
    expect(listed.body.alerts).toHaveLength(2);

    // The chunk redelivered: its rows are recorded, so nothing is screened, counted or alerted twice.
    const loaded = await service.worker.indexCache.current();
    const again = await performBatchChunk(
      db.pool,
      loaded,
      { batchId: accepted.body.id, fromLine: 2, toLine: 4 },
      { threshold: 0.85, limit: 10 },
    );
    expect(again).toMatchObject({ inserted: 0, hits: 0 });
    const { rows: made } = await db.pool.query(`SELECT count(*)::int AS n FROM alerts WHERE batch_id = $1`, [
      accepted.body.id,
    ]);
    expect(made[0].n).toBe(2);

    const rescreen = await call(service.url, 'POST', `/v1/batches/${accepted.body.id}/rescreen`, {
      rawBody: '',
      contentType: 'text/plain',
    });
    expect(rescreen.status).toBe(202);
    expect(await waitForBatch(rescreen.body.id)).toMatchObject({ hits: 2 });
    expect((await api('GET', `/v1/alerts?batchId=${rescreen.body.id}`)).body.alerts).toEqual([]);
    expect((await api('GET', '/v1/alerts?reference=B-1')).body.alerts).toHaveLength(1);
  });
});

describe('GET /v1/alerts', () => {
  it('filters, sorts and pages with an opaque cursor', async () => {
    const reader = await key('lister', ['alerts:read', 'screenings:write', 'screenings:read'], 'listing');
    const names = ['Sense Time Group', 'Ri Yong Gil', 'SenseTime', 'Sense Time Group Limited', 'Ri Yong-gil'];
    for (const [i, name] of names.entries()) await alertFor(name, `page-${i}`, reader.key);
    const all = await api('GET', '/v1/alerts?limit=1000', undefined, reader.key);
    expect(all.body.alerts).toHaveLength(5);
    expect(all.body.links.next).toBeNull();

    // -created (the default) pages through every alert once, newest first, two at a time.
    const seen: string[] = [];
    let next: string | null = '/v1/alerts?limit=2';
    while (next) {
      const page: any = await api('GET', next, undefined, reader.key);
      expect(page.status).toBe(200);
      seen.push(...page.body.alerts.map((a: any) => a.id));
      next = page.body.links.next;
    }
    expect(seen).toEqual(all.body.alerts.map((a: any) => a.id));
    const created = all.body.alerts.map((a: any) => a.createdAt);
    expect([...created].sort().reverse()).toEqual(created);

    const oldest = await api('GET', '/v1/alerts?sort=created&limit=2', undefined, reader.key);
    expect(oldest.body.alerts.map((a: any) => a.id)).toEqual(seen.slice(-2).reverse());
    const best = await api('GET', '/v1/alerts?sort=-score', undefined, reader.key);
    const scores = best.body.alerts.map((a: any) => Math.max(...a.matches.map((m: any) => m.score)));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const secondPage = await api('GET', '/v1/alerts?sort=-score&limit=3', undefined, reader.key);
    const rest = await api('GET', secondPage.body.links.next, undefined, reader.key);
    expect([...secondPage.body.alerts, ...rest.body.alerts].map((a: any) => a.id)).toEqual(
      best.body.alerts.map((a: any) => a.id),
    );

    const filtered = async (qs: string) =>
      (await api('GET', `/v1/alerts?${qs}`, undefined, reader.key)).body.alerts.length;
    expect(await filtered('status=open&source=screening&list=seed')).toBe(5);
    expect(await filtered('status=closed')).toBe(0);
    expect(await filtered('source=batch')).toBe(0);
    expect(await filtered('list=ofac-sdn')).toBe(0);
    expect(await filtered('reference=page-3')).toBe(1);
    // Scores are shown to three decimals; the best one, less half a step, is at most the stored one.
    const bestShown = Math.max(...scores) - 0.0005;
    expect(await filtered(`minScore=${bestShown}`)).toBeGreaterThanOrEqual(1);
    expect(await filtered(`minScore=${bestShown}`)).toBeLessThan(5);
    expect(await filtered(`from=${encodeURIComponent(created[2])}`)).toBe(3);
    expect(await filtered(`to=${encodeURIComponent(created[2])}`)).toBe(2);
    expect(await filtered('from=2000-01-01&to=2000-01-02')).toBe(0);
  });

  it('names every bad parameter', async () => {
    const bad = await api(
      'GET',
      '/v1/alerts?status=shut&limit=0&sort=name&minScore=2&assignee=bob&from=yesterday&cursor=xyz&staus=open',
    );
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual([
      'assignee',
      'cursor',
      'from',
      'limit',
      'minScore',
      'sort',
      'status',
      'staus',
    ]);
    const page = await api('GET', '/v1/alerts?limit=1');
    const wrongSort = await api('GET', `${page.body.links.next.replace('sort=-created', 'sort=created')}`);
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.errors).toEqual([{ field: 'cursor', message: expect.stringContaining('sort=-created') }]);
  });
});

describe('review', () => {
  it('assigns (me, another key, nobody) and filters by assignee', async () => {
    const reviewer = await key('assigner', REVIEWER);
    const colleague = await key('colleague', REVIEWER);
    const outsider = await key('outsider', REVIEWER, 'assign-other');
    const { alert } = await alertFor('Sense Time Group', 'assign-1');

    const mine = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'me' }, reviewer.key);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ status: 'in_review', assignee: reviewer.id });
    expect(
      (await api('GET', '/v1/alerts?assignee=me&reference=assign-1', undefined, reviewer.key)).body.alerts,
    ).toHaveLength(1);
    expect(
      (await api('GET', '/v1/alerts?assignee=me&reference=assign-1', undefined, colleague.key)).body.alerts,
    ).toHaveLength(0);

    const theirs = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: colleague.id }, reviewer.key);
    expect(theirs.body).toMatchObject({ status: 'in_review', assignee: colleague.id });
    expect((await api('GET', `/v1/alerts?assignee=${colleague.id}&reference=assign-1`)).body.alerts).toHaveLength(1);

    const foreign = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: outsider.id }, reviewer.key);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ field: 'assignee', message: expect.any(String) }]);
    expect(
      (await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'bob' }, reviewer.key)).body.errors[0].field,
    ).toBe('assignee');

    const nobody = await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: null }, reviewer.key);
    expect(nobody.body).toMatchObject({ status: 'open', assignee: null });
    const history = await api('GET', `/v1/alerts/${alert.id}/history`);
    expect(history.body.events.map((e: any) => e.action)).toEqual(['created', 'assigned', 'assigned', 'assigned']);
    expect(history.body.events[2]).toMatchObject({
      actor: { keyId: reviewer.id, name: 'assigner' },
      details: { assignee: { keyId: colleague.id, name: 'colleague' } },
    });
  });

  it('refuses bad decisions naming the field, then closes on the last final decision (four-eyes off)', async () => {
    const reviewer = await key('decider', REVIEWER);
    const { alert } = await alertFor('Ri Yong Gil', 'decide-1');
    const entityId = alert.matches[0].entityId;
    const decide = (body: unknown) => api('POST', `/v1/alerts/${alert.id}/decisions`, body, reviewer.key);

    expect((await decide({ entityId, disposition: 'false_positive' })).body.errors).toEqual([
      { field: 'note', message: expect.any(String) },
    ]);
    expect((await decide({ entityId, disposition: 'false_positive', note: '' })).body.errors[0].field).toBe('note');
    expect(
      (await decide({ entityId, disposition: 'false_positive', note: 'x'.repeat(4001) })).body.errors[0].field,
    ).toBe('note');
    expect((await decide({ entityId, disposition: 'maybe', note: 'hm' })).body.errors).toEqual([
      { field: 'disposition', message: expect.stringContaining('true_match') },
    ]);
    const stranger = await decide({ entityId: 'ofac-sdn:1', disposition: 'false_positive', note: 'not ours' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([{ field: 'entityId', message: expect.stringContaining('ofac-sdn:1') }]);
    const unknown = await api(
      'POST',
      '/v1/alerts/00000000-0000-4000-8000-000000000000/decisions',
      { entityId, disposition: 'true_match', note: 'x' },
      reviewer.key,
    );
    expect(unknown.status).toBe(404);

    const pending = await decide({ entityId, disposition: 'needs_info', note: 'Asked the branch for a passport copy' });
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ status: 'in_review', outcome: null });
    expect(pending.body.matches[0]).toMatchObject({
      disposition: 'needs_info',
      note: 'Asked the branch for a passport copy',
      decidedBy: reviewer.id,
      decidedAt: expect.any(String),
    });

    const others = alert.matches.slice(1);
    for (const m of others)
      expect((await decide({ entityId: m.entityId, disposition: 'false_positive', note: 'other person' })).status).toBe(
        200,
      );
    const closed = await decide({
      entityId,
      disposition: 'false_positive',
      note: 'Passport shows born 1990, not 1955',
    });
    expect(closed.body).toMatchObject({ status: 'closed', outcome: 'false_positive', closedAt: expect.any(String) });
    expect((await decide({ entityId, disposition: 'true_match', note: 'changed my mind' })).status).toBe(409);
    expect((await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'me' }, reviewer.key)).status).toBe(409);

    const history = await api('GET', `/v1/alerts/${alert.id}/history`, undefined, reviewer.key);
    const events = history.body.events;
    expect(events.map((e: any) => e.action)).toEqual([
      'created',
      'decided',
      ...others.map(() => 'decided'),
      'decided',
      'closed',
    ]);
    expect(events[1]).toEqual({
      at: expect.any(String),
      actor: { keyId: reviewer.id, name: 'decider' },
      action: 'decided',
      details: { entityId, disposition: 'needs_info', note: 'Asked the branch for a passport copy' },
    });
    expect(events.at(-2).details).toMatchObject({
      disposition: 'false_positive',
      note: 'Passport shows born 1990, not 1955',
    });
    expect(events.at(-1).details).toEqual({ outcome: 'false_positive' });
    expect([...events.map((e: any) => e.at)].sort()).toEqual(events.map((e: any) => e.at));
  });

  it('four-eyes: submitted for approval, the decider is refused, a rejection reopens it, a second person approves', async () => {
    const maker = await key('maker', [...REVIEWER, 'alerts:approve']);
    const checker = await key('checker', ['alerts:read', 'alerts:approve']);
    const reviewOnly = await key('review only', ['alerts:read', 'alerts:review']);
    const { alert } = await alertFor('Sense Time Group', 'four-eyes-1');
    const decideAll = async (disposition: string, note: string) => {
      let last: any;
      for (const m of alert.matches)
        last = await api4(
          'POST',
          `/v1/alerts/${alert.id}/decisions`,
          { entityId: m.entityId, disposition, note },
          maker.key,
        );
      return last;
    };

    const submitted = await decideAll('false_positive', 'Different company: registered in Hong Kong in 2019');
    expect(submitted.body).toMatchObject({ status: 'pending_approval', outcome: null, closedAt: null });
    expect(
      (
        await api4(
          'POST',
          `/v1/alerts/${alert.id}/decisions`,
          { entityId: alert.matches[0].entityId, disposition: 'true_match', note: 'x' },
          maker.key,
        )
      ).status,
    ).toBe(409);

    const self = await api4('POST', `/v1/alerts/${alert.id}/approve`, {}, maker.key);
    expect(self.status).toBe(403);
    expect(self.body.detail).toMatch(/second person must approve/);
    expect((await api4('POST', `/v1/alerts/${alert.id}/approve`, {}, reviewOnly.key)).status).toBe(403);
    expect((await api4('POST', `/v1/alerts/${alert.id}/reject`, {}, checker.key)).body.errors).toEqual([
      { field: 'note', message: expect.any(String) },
    ]);

    const rejected = await api4(
      'POST',
      `/v1/alerts/${alert.id}/reject`,
      { note: 'SenseTime Group Limited is the listed Cayman parent; check again' },
      checker.key,
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('in_review');
    expect(
      rejected.body.matches.every((m: any) => m.disposition === null && m.note === null && m.decidedBy === null),
    ).toBe(true);
    expect((await api4('POST', `/v1/alerts/${alert.id}/approve`, {}, checker.key)).status).toBe(409);

    expect((await decideAll('true_match', 'Same company: Cayman parent of the listed group')).body.status).toBe(
      'pending_approval',
    );
    const approved = await call(fourEyes.url, 'POST', `/v1/alerts/${alert.id}/approve`, { apiKey: checker.key });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'closed', outcome: 'true_match', closedAt: expect.any(String) });
    expect((await api4('POST', `/v1/alerts/${alert.id}/reject`, { note: 'too late' }, checker.key)).status).toBe(409);

    const history = await api4('GET', `/v1/alerts/${alert.id}/history`, undefined, checker.key);
    const n = alert.matches.length;
    expect(history.body.events.map((e: any) => e.action)).toEqual([
      'created',
      ...Array(n).fill('decided'),
      'submitted',
      'rejected',
      ...Array(n).fill('decided'),
      'submitted',
      'approved',
      'closed',
    ]);
    const rejection = history.body.events.find((e: any) => e.action === 'rejected');
    expect(rejection).toMatchObject({
      actor: { keyId: checker.id, name: 'checker' },
      details: { note: 'SenseTime Group Limited is the listed Cayman parent; check again' },
    });
    // Both rounds of decisions stay in the history.
    expect(
      history.body.events.filter((e: any) => e.action === 'decided').map((e: any) => e.details.disposition),
    ).toEqual([...Array(n).fill('false_positive'), ...Array(n).fill('true_match')]);
  });

  it('needs the scopes: alerts:read to read, alerts:review to decide', async () => {
    const { alert } = await alertFor('Ri Yong Gil', 'scopes-1');
    const screener = await key('screener only', ['screenings:read']);
    const reader = await key('reader only', ['alerts:read']);
    expect((await api('GET', '/v1/alerts', undefined, screener.key)).status).toBe(403);
    expect((await api('GET', `/v1/alerts/${alert.id}/history`, undefined, screener.key)).status).toBe(403);
    expect((await api('GET', `/v1/alerts/${alert.id}`, undefined, reader.key)).status).toBe(200);
    const decided = await api(
      'POST',
      `/v1/alerts/${alert.id}/decisions`,
      { entityId: alert.matches[0].entityId, disposition: 'true_match', note: 'x' },
      reader.key,
    );
    expect(decided.status).toBe(403);
    expect((await api('POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'me' }, reader.key)).status).toBe(403);
  });
});

describe('workspaces', () => {
  it("another workspace's alert is 404 on every route and never listed", async () => {
    const { alert } = await alertFor('Sense Time Group', 'isolated-1');
    const other = await createApiKey(db.pool, { name: 'other tenant', scopes: ['admin'], workspaceId: 'other' });
    for (const [method, path, body] of [
      ['GET', `/v1/alerts/${alert.id}`, undefined],
      ['GET', `/v1/alerts/${alert.id}/history`, undefined],
      ['POST', `/v1/alerts/${alert.id}/assign`, { assignee: 'me' }],
      [
        'POST',
        `/v1/alerts/${alert.id}/decisions`,
        { entityId: alert.matches[0].entityId, disposition: 'true_match', note: 'x' },
      ],
      ['POST', `/v1/alerts/${alert.id}/approve`, {}],
      ['POST', `/v1/alerts/${alert.id}/reject`, { note: 'x' }],
    ] as const) {
      const res = await api(method, path, body, other.key);
      expect([method, path, res.status]).toEqual([method, path, 404]);
    }
    const listed = await api('GET', '/v1/alerts?limit=1000', undefined, other.key);
    expect(listed.body.alerts.map((a: any) => a.id)).not.toContain(alert.id);
    expect((await api('GET', '/v1/alerts?reference=isolated-1', undefined, other.key)).body.alerts).toEqual([]);
    expect((await api('GET', `/v1/alerts/${alert.id}`)).body.status).toBe('open');
  });
});

describe('history is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on alert_events', async () => {
    const { alert } = await alertFor('Ri Yong Gil', 'append-only-1');
    await expect(
      db.pool.query(`UPDATE alert_events SET details = '{}' WHERE alert_id = $1`, [alert.id]),
    ).rejects.toThrow(/append-only/);
    await expect(db.pool.query(`DELETE FROM alert_events WHERE alert_id = $1`, [alert.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(db.pool.query(`TRUNCATE alert_events CASCADE`)).rejects.toThrow(/append-only/);
    expect((await api('GET', `/v1/alerts/${alert.id}/history`)).body.events).toHaveLength(1);
  });
});

describe('webhooks', () => {
  it("alert.created and alert.closed go to the alert's workspace's subscriptions only", async () => {
    const ours = await WebhookReceiver.start();
    const theirs = await WebhookReceiver.start();
    try {
      const other = await createApiKey(db.pool, { name: 'hooks other', scopes: ['admin'], workspaceId: 'hooks-other' });
      expect(
        (await api('POST', '/v1/webhooks', { url: ours.url(), events: ['alert.created', 'alert.closed'] })).status,
      ).toBe(201);
      expect(
        (await api('POST', '/v1/webhooks', { url: theirs.url(), events: ['alert.created', 'alert.closed'] }, other.key))
          .status,
      ).toBe(201);
      const { alert } = await alertFor('Sense Time Group', 'hooks-1');
      for (const m of alert.matches)
        await api('POST', `/v1/alerts/${alert.id}/decisions`, {
          entityId: m.entityId,
          disposition: 'true_match',
          note: 'confirmed',
        });
      const received = await eventually(
        async () => ours.received.length >= 2 && ours.received,
        15_000,
        'two alert events',
      );
      const byType = Object.fromEntries(received.map((r) => [r.json.type, r.json.data]));
      expect(byType['alert.created'].alert).toMatchObject({
        id: alert.id,
        reference: 'hooks-1',
        outcome: null,
        entityIds: alert.matches.flatMap((m: any) => m.entityIds),
      });
      expect(byType['alert.closed'].alert).toMatchObject({
        id: alert.id,
        reference: 'hooks-1',
        status: 'closed',
        outcome: 'true_match',
        entityIds: alert.matches.flatMap((m: any) => m.entityIds),
      });
      expect(received.every((r) => r.headers['x-signature'])).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      expect(theirs.received).toEqual([]);
    } finally {
      await ours.stop();
      await theirs.stop();
      await db.pool.query('DELETE FROM webhook_subscriptions');
    }
  });
});
