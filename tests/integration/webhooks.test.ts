import { createHmac, timingSafeEqual } from 'node:crypto';
import { createApiKey } from '@sanctions/shared/auth';
import { createSubscription } from '@sanctions/shared/webhooks';
import { start as startWebhooksWorker, type RunningWebhooksWorker } from '../../workers/webhooks/src';
import { call } from '../support/http';
import { createSeededDatabase, importEntities, listedEntity } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { quietLogger, testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';
import { eventually, reservePort, WebhookReceiver, type ReceivedWebhook } from '../support/webhook-receiver';

/** Fast retries, and a retry window of 3.6 s, so that dead-lettering is seen in a test. */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_BACKOFF_BASE_MS: '50',
  WEBHOOK_BACKOFF_MAX_MS: '1500',
  WEBHOOK_DISPATCH_INTERVAL_MS: '100',
  WEBHOOK_TIMEOUT_MS: '2000',
  WEBHOOK_MAX_RETRY_HOURS: '0.001',
};

let db: TestDatabase;
let service: RunningService;
let webhooksWorker: RunningWebhooksWorker;
let receiver: WebhookReceiver;

beforeAll(async () => {
  db = await createSeededDatabase();
  const config = testConfig(db.url, WEBHOOK_ENV);
  service = await startService(config);
  webhooksWorker = await startWebhooksWorker(config, quietLogger);
});

afterAll(async () => {
  await webhooksWorker?.stop();
  await service?.stop();
  await db?.drop();
});

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
});

afterEach(async () => {
  await receiver.stop();
  await db.pool.query('DELETE FROM webhook_subscriptions');
});

const api = (method: string, path: string, body?: unknown, apiKey?: string) =>
  call(service.url, method, path, { body, ...(apiKey && { apiKey }) });

async function subscribe(events: string[], extra: Record<string, unknown> = {}, url = receiver.url()) {
  const res = await api('POST', '/v1/webhooks', { url, events, ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

/** The receiver's check, as the README shows it: HMAC-SHA256(secret, "<t>.<raw body>") in hex, t within 5 minutes. */
function verifies(secret: string, webhook: ReceivedWebhook): boolean {
  const header = String(webhook.headers['x-signature'] ?? '');
  const fields = header.split(',').map((part) => part.split('='));
  const t = Number(fields.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${webhook.body}`).digest();
  return fields.some(
    ([k, v]) => k === 'v1' && v !== undefined && v.length === 64 && timingSafeEqual(Buffer.from(v, 'hex'), expected),
  );
}

async function deliveriesOf(webhookId: string) {
  const res = await api('GET', `/v1/webhooks/${webhookId}/deliveries`);
  expect(res.status).toBe(200);
  return res.body.deliveries as any[];
}

const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('subscriptions', () => {
  it('returns the secret once, at creation, and never in reads', async () => {
    const created = await api('POST', '/v1/webhooks', {
      url: receiver.url(),
      events: ['screening.hit'],
      description: 'case desk',
      filters: { minScore: 0.8 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      secret: expect.stringMatching(/^whsec_/),
      status: 'active',
      events: ['screening.hit'],
      filters: { minScore: 0.8 },
    });
    const read = await api('GET', `/v1/webhooks/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: created.body.id, description: 'case desk' });
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
    const patched = await api('PATCH', `/v1/webhooks/${created.body.id}`, {
      events: ['screening.hit', 'batch.completed'],
      description: null,
    });
    expect(patched.body).toMatchObject({ events: ['screening.hit', 'batch.completed'], description: null });
    expect((await api('DELETE', `/v1/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await api('GET', `/v1/webhooks/${created.body.id}`)).status).toBe(404);
  });

  it('refuses unknown events and invalid filters, naming the fields', async () => {
    const res = await api('POST', '/v1/webhooks', {
      url: receiver.url(),
      events: ['screening.maybe'],
      filters: { minScore: 2 },
    });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['events.0', 'filters.minScore']);
  });

  it.each([
    ['http://10.0.0.1/hooks', /https/],
    ['https://10.0.0.1/hooks', /private/],
    ['https://169.254.169.254/latest/meta-data/', /link-local/],
    ['https://[::1]/hooks', /loopback/],
    ['https://[::ffff:10.0.0.1]/hooks', /private, inside an IPv6 address/],
    ['https://[fd00:ec2::254]/hooks', /unique local/],
    ['https://100.64.0.1/hooks', /carrier-grade NAT/],
    ['https://0.0.0.0/hooks', /unspecified/],
    ['http://example.com/hooks', /https/],
    ['https://user:pass@example.com/hooks', /credentials/],
    ['ftp://example.com/hooks', /https/],
  ])('refuses %s at creation with a problem naming the url', async (url, reason) => {
    const res = await api('POST', '/v1/webhooks', { url, events: ['screening.hit'] });
    expect(res.status).toBe(400);
    expect(res.contentType).toContain('application/problem+json');
    expect(res.body.errors).toEqual([{ field: 'url', message: expect.stringMatching(reason) }]);
  });

  it('refuses localhost when it is not in WEBHOOK_ALLOWED_HOSTS', async () => {
    const owner = { keyId: null, workspaceId: 'default' };
    await expect(
      createSubscription(
        db.pool,
        owner,
        { url: 'https://localhost/hooks', events: ['screening.hit'] },
        { allowedHosts: [], maxRetryMs: 1000 },
      ),
    ).rejects.toMatchObject({
      fields: [{ field: 'url', message: expect.stringMatching(/localhost resolves to .*loopback/) }],
    });
  });

  it('belong to the workspace of the key that created them; another workspace gets 404, even with an admin key', async () => {
    const desk = await createApiKey(db.pool, { name: 'desk', scopes: ['webhooks:manage'], workspaceId: 'hooks-desk' });
    const other = await createApiKey(db.pool, { name: 'other desk', scopes: ['admin'], workspaceId: 'hooks-other' });
    const created = await api('POST', '/v1/webhooks', { url: receiver.url(), events: ['screening.hit'] }, desk.key);
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const [method, path] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/test'],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
    ] as const) {
      const res = await api(
        method,
        `/v1/webhooks/${id}${path}`,
        method === 'PATCH' ? { description: 'mine now' } : undefined,
        other.key,
      );
      expect(res.status).toBe(404);
    }
    expect((await api('GET', '/v1/webhooks', undefined, other.key)).body.webhooks).toEqual([]);
    expect(
      (await api('GET', '/v1/webhooks', undefined, desk.key)).body.webhooks.map((w: { id: string }) => w.id),
    ).toEqual([id]);
    expect((await api('GET', `/v1/webhooks/${id}`)).status).toBe(404);
    const colleague = await createApiKey(db.pool, {
      name: 'colleague',
      scopes: ['webhooks:manage'],
      workspaceId: 'hooks-desk',
    });
    expect((await api('GET', `/v1/webhooks/${id}`, undefined, colleague.key)).status).toBe(200);
    const reader = await createApiKey(db.pool, { name: 'reader', scopes: ['screenings:read'] });
    expect((await api('GET', '/v1/webhooks', undefined, reader.key)).status).toBe(403);
  });
});

describe('delivering events', () => {
  it('a hit produces exactly one delivery, whose signature verifies', async () => {
    const { id, secret } = await subscribe(['screening.hit']);
    const hit = await api('POST', '/v1/screenings?wait=true', { name: 'Sense Time Group', reference: 'cust-1' });
    expect(hit.body.decision).toBe('hit');
    expect((await api('POST', '/v1/screenings?wait=true', { name: 'Jane Doe' })).body.decision).toBe('no_hit');

    const [webhook] = await receiver.waitFor(1);
    await settle();
    expect(receiver.received).toHaveLength(1);
    expect(webhook!.json).toEqual({
      id: expect.any(String),
      type: 'screening.hit',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        screening: expect.objectContaining({
          id: hit.body.id,
          decision: 'hit',
          reference: 'cust-1',
          listVersion: 'seed@1',
        }),
      },
    });
    const match = webhook!.json.data.screening.matches[0];
    expect(match).toMatchObject({
      entityId: 'seed:ofac-33114',
      name: 'SENSETIME GROUP LIMITED',
      score: hit.body.matches[0].score,
      lists: ['seed'],
    });
    expect(match.citations).toEqual(hit.body.matches[0].citations);
    expect(webhook!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-event-id': webhook!.json.id,
      'x-event-type': 'screening.hit',
      'x-timestamp': expect.stringMatching(/^\d+$/),
      'x-signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
    });
    expect(verifies(secret, webhook!)).toBe(true);
    expect(verifies('whsec_not-the-secret', webhook!)).toBe(false);
    expect(verifies(secret, { ...webhook!, body: webhook!.body.replace('hit', 'no_hit') })).toBe(false);

    const deliveries = await eventually(async () => {
      const list = await deliveriesOf(id);
      return list[0]?.status === 'succeeded' && list;
    });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({
      eventId: webhook!.json.id,
      eventType: 'screening.hit',
      attempts: 1,
      lastStatusCode: 200,
    });
    expect(deliveries[0].attemptLog).toEqual([
      {
        attempt: 1,
        startedAt: expect.any(String),
        statusCode: 200,
        latencyMs: expect.any(Number),
        error: null,
        responseExcerpt: 'ok',
      },
    ]);
  });

  it("a workspace's subscription receives that workspace's screenings only, whichever of its keys made them", async () => {
    const desk = await createApiKey(db.pool, {
      name: 'screening desk',
      scopes: ['webhooks:manage', 'screenings:write'],
      workspaceId: 'screening-desk',
    });
    const colleague = await createApiKey(db.pool, {
      name: 'colleague',
      scopes: ['screenings:write'],
      workspaceId: 'screening-desk',
    });
    const deskHooks = await WebhookReceiver.start();
    try {
      await api('POST', '/v1/webhooks', { url: deskHooks.url(), events: ['screening.hit'] }, desk.key);
      await subscribe(['screening.hit']);
      const admins = await api('POST', '/v1/screenings?wait=true', { name: 'Sense Time Group' });
      const desks = await api('POST', '/v1/screenings?wait=true', { name: 'Ri Yong-gil' }, desk.key);
      const colleagues = await api('POST', '/v1/screenings?wait=true', { name: 'Sense Time Group' }, colleague.key);
      await receiver.waitFor(1);
      await deskHooks.waitFor(2);
      await settle();
      expect(receiver.received.map((w) => w.json.data.screening.id)).toEqual([admins.body.id]);
      expect(deskHooks.received.map((w) => w.json.data.screening.id).sort()).toEqual(
        [desks.body.id, colleagues.body.id].sort(),
      );
    } finally {
      await deskHooks.stop();
    }
  });

  it('screening.completed reports a no-hit too', async () => {
    await subscribe(['screening.completed']);
    const res = await api('POST', '/v1/screenings?wait=true', { name: 'Jane Doe' });
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.json).toMatchObject({
      type: 'screening.completed',
      data: { screening: { id: res.body.id, decision: 'no_hit', matches: [] } },
    });
  });

  it('filters by list and by minimum score', async () => {
    const other = await WebhookReceiver.start();
    try {
      await subscribe(['screening.hit'], { filters: { lists: ['ofac-sdn'] } });
      await subscribe(['screening.hit'], { filters: { minScore: 0.5, lists: ['seed'] } }, other.url());
      await api('POST', '/v1/screenings?wait=true', { name: 'Sense Time Group' });
      await other.waitFor(1);
      await settle();
      expect(receiver.received).toHaveLength(0);
    } finally {
      await other.stop();
    }
  });

  it('a receiver that answers 500 then 200 gets the event twice, with the same event id', async () => {
    receiver.respond([{ status: 500, body: 'try again later' }]);
    const { id, secret } = await subscribe(['screening.hit']);
    expect((await api('POST', `/v1/webhooks/${id}/test`)).status).toBe(202);
    const [first, second] = await receiver.waitFor(2);
    expect(second!.json.id).toBe(first!.json.id);
    expect(second!.headers['x-event-id']).toBe(first!.headers['x-event-id']);
    expect(second!.body).toBe(first!.body);
    expect([first!.headers['x-delivery-attempt'], second!.headers['x-delivery-attempt']]).toEqual(['1', '2']);
    expect(verifies(secret, second!)).toBe(true);
    const [delivery] = await eventually(async () => {
      const list = await deliveriesOf(id);
      return list[0]?.status === 'succeeded' && list;
    });
    expect(delivery.attemptLog.map((a: any) => [a.statusCode, a.responseExcerpt])).toEqual([
      [500, 'try again later'],
      [200, 'ok'],
    ]);
  });

  it('a receiver that is down at first gets the event when it comes up', async () => {
    const port = await reservePort();
    const { id } = await subscribe(['screening.hit'], {}, `http://127.0.0.1:${port}/hooks`);
    await api('POST', `/v1/webhooks/${id}/test`);
    const [failed] = await eventually(async () => {
      const list = await deliveriesOf(id);
      return list[0]?.attemptLog.length >= 1 && list;
    });
    expect(failed.attemptLog[0]).toMatchObject({ statusCode: null, error: expect.stringContaining('ECONNREFUSED') });
    const late = await WebhookReceiver.start(port);
    try {
      const [webhook] = await late.waitFor(1);
      expect(webhook!.json).toMatchObject({ id: failed.eventId, type: 'webhook.test' });
      const [delivered] = await eventually(async () => {
        const list = await deliveriesOf(id);
        return list[0]?.status === 'succeeded' && list;
      });
      expect(delivered.attempts).toBeGreaterThanOrEqual(2);
    } finally {
      await late.stop();
    }
  });

  it('a 4xx other than 408 and 429 stops the retries', async () => {
    receiver.respond([], { status: 410, body: 'gone' });
    const { id } = await subscribe(['screening.hit']);
    await api('POST', `/v1/webhooks/${id}/test`);
    const [dead] = await eventually(async () => {
      const list = await deliveriesOf(id);
      return list[0]?.status === 'dead' && list;
    });
    await settle();
    expect(receiver.received).toHaveLength(1);
    expect(dead).toMatchObject({ attempts: 1, lastStatusCode: 410, lastError: expect.stringContaining('410') });
  });

  it('a 429 with Retry-After is retried no sooner than asked', async () => {
    receiver.respond([{ status: 429, headers: { 'retry-after': '1' } }]);
    const { id } = await subscribe(['screening.hit']);
    await api('POST', `/v1/webhooks/${id}/test`);
    const [first, second] = await receiver.waitFor(2);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('a delivery still failing when the retry window ends is dead-lettered, and can be sent again', async () => {
    receiver.respond([], { status: 503, body: 'down for maintenance' });
    const { id } = await subscribe(['screening.hit']);
    await api('POST', `/v1/webhooks/${id}/test`);
    const [dead] = await eventually(async () => {
      const list = await deliveriesOf(id);
      return list[0]?.status === 'dead' && list;
    }, 20_000);
    expect(dead.attempts).toBeGreaterThanOrEqual(2);
    expect(dead.lastError).toMatch(/^gave up after \d+ attempts: the receiver answered 503/);
    expect(dead.attemptLog).toHaveLength(dead.attempts);

    receiver.respond([], { status: 204 });
    const sent = receiver.received.length;
    const again = await api('POST', `/v1/webhooks/${id}/deliveries/${dead.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: dead.id, status: 'pending' });
    const received = await receiver.waitFor(sent + 1);
    expect(received.at(-1)!.json.id).toBe(dead.eventId);
    const delivered = await eventually(async () => {
      const res = await api('GET', `/v1/webhooks/${id}/deliveries/${dead.id}`);
      return res.body.status === 'succeeded' && res.body;
    });
    expect(delivered).toMatchObject({ attempts: dead.attempts + 1, lastStatusCode: 204 });
    expect((await api('POST', `/v1/webhooks/${id}/deliveries/${dead.id}/redeliver`)).status).toBe(202);
  });

  it('refuses at delivery time a target that has turned private since creation, and sends nothing', async () => {
    const { id } = await subscribe(['screening.hit']);
    // What a DNS change would do to a host name: the stored target now leads to the metadata service.
    await db.pool.query(
      `UPDATE webhook_subscriptions SET url = 'https://169.254.169.254/latest/meta-data/' WHERE id = $1`,
      [id],
    );
    await api('POST', `/v1/webhooks/${id}/test`);
    const [dead] = await eventually(async () => {
      const list = await deliveriesOf(id);
      return list[0]?.status === 'dead' && list;
    });
    expect(dead.attemptLog).toEqual([
      expect.objectContaining({
        statusCode: null,
        error: expect.stringMatching(/refused.*169\.254\.169\.254.*link-local/),
      }),
    ]);
    expect(receiver.received).toHaveLength(0);
  });

  it('signs with both secrets during a rotation grace period, then with the new one only', async () => {
    const { id, secret: oldSecret } = await subscribe(['screening.hit']);
    const rotated = await api('POST', `/v1/webhooks/${id}/rotate-secret`, { gracePeriodHours: 1 });
    expect(rotated.status).toBe(200);
    const newSecret = rotated.body.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(rotated.body.previousSecretExpiresAt).toEqual(expect.any(String));
    await api('POST', `/v1/webhooks/${id}/test`);
    const [during] = await receiver.waitFor(1);
    expect(String(during!.headers['x-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect(verifies(newSecret, during!)).toBe(true);
    expect(verifies(oldSecret, during!)).toBe(true);

    const ended = await api('POST', `/v1/webhooks/${id}/rotate-secret`, { gracePeriodHours: 0 });
    await api('POST', `/v1/webhooks/${id}/test`);
    const [, after] = await receiver.waitFor(2);
    expect(verifies(ended.body.secret, after!)).toBe(true);
    expect(verifies(newSecret, after!)).toBe(false);
  });

  it('a batch with hits fires one batch.hit per hit row and one batch.completed', async () => {
    const { secret } = await subscribe(['batch.hit', 'batch.completed']);
    const upload = await fetch(`${service.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
      body: 'name,reference\nSense Time Group,C-1\nJane Doe,C-2\nRi Yong-gil,C-3\n',
    });
    expect(upload.status).toBe(202);
    const batchId = ((await upload.json()) as { id: string }).id;
    const received = await receiver.waitFor(3);
    await settle();
    expect(received).toHaveLength(3);
    const hits = received.filter((w) => w.json.type === 'batch.hit').map((w) => w.json.data);
    expect(hits.map((h) => [h.batchId, h.row.line, h.row.reference, h.row.entityId]).sort()).toEqual([
      [batchId, 2, 'C-1', 'seed:ofac-33114'],
      [batchId, 4, 'C-3', 'seed:ofac-33936'],
    ]);
    expect(hits[0].row.citationUrls.length).toBeGreaterThan(0);
    const completed = received.find((w) => w.json.type === 'batch.completed')!;
    expect(completed.json.data).toMatchObject({
      batch: { id: batchId, status: 'done', total: 3, processed: 3, hits: 2, invalidRows: 0 },
      links: { results: `/v1/batches/${batchId}/results`, hits: `/v1/batches/${batchId}/results?decision=hit` },
    });
    expect(received.every((w) => verifies(secret, w))).toBe(true);
  });

  it('a batch finished by its upload (no valid row) still fires batch.completed', async () => {
    await subscribe(['batch.completed']);
    const upload = await fetch(`${service.url}/v1/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
      body: 'name,reference\n,C-1\n!!!,C-2\n',
    });
    expect(upload.status).toBe(202);
    const batchId = ((await upload.json()) as { id: string }).id;
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.json).toMatchObject({
      type: 'batch.completed',
      data: { batch: { id: batchId, status: 'done', total: 2, invalidRows: 2, processed: 0 } },
    });
  });

  it('a new list version fires list.updated with its delta counts', async () => {
    await subscribe(['list.updated']);
    await importEntities(db.pool, 'un-sc', [listedEntity({ sourceEntityId: 'QDi.1', name: 'Webhook Test Person' })]);
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.json).toMatchObject({
      type: 'list.updated',
      data: {
        list: { source: 'un-sc', version: 1, entityCount: 1, delta: { added: 1, removed: 0, changed: 0 } },
        links: { delta: '/v1/lists/un-sc/versions/1/delta' },
      },
    });
  });
});
