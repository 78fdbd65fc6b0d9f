import type { Queue } from 'bullmq';
import { dispatchEvents, type DeliveryJob } from '@sanctions/shared/webhooks';
import { start as startWebhooksWorker, type RunningWebhooksWorker } from '../../workers/webhooks/src';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { quietLogger, testConfig, type TestDatabase } from '../support/test-stores';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';

/** A subscription failing for more than 0.36 s is disabled; a lost job is re-queued after 100 ms. */
const WEBHOOK_ENV = {
  WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_BACKOFF_BASE_MS: '50',
  WEBHOOK_BACKOFF_MAX_MS: '200',
  WEBHOOK_DISPATCH_INTERVAL_MS: '100',
  WEBHOOK_DISABLE_AFTER_HOURS: '0.0001',
  RECONCILE_INTERVAL_MS: '200',
  RECONCILE_GRACE_MS: '100',
};

let db: TestDatabase;
let service: RunningService;
let receiver: WebhookReceiver;
let worker: RunningWebhooksWorker | undefined;
const config = () => testConfig(db.url, WEBHOOK_ENV);

beforeAll(async () => {
  db = await createSeededDatabase();
  service = await startService(config());
});

afterAll(async () => {
  await service?.stop();
  await db?.drop();
});

beforeEach(async () => {
  receiver = await WebhookReceiver.start();
});

afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await receiver.stop();
  await db.pool.query('DELETE FROM webhook_subscriptions');
});

const api = (method: string, path: string, body?: unknown) => call(service.url, method, path, { body });

async function subscribe(events: string[]): Promise<string> {
  const res = await api('POST', '/v1/webhooks', { url: receiver.url(), events });
  expect(res.status).toBe(201);
  return res.body.id;
}

describe('no event is lost', () => {
  it('a hit recorded while no webhooks worker runs is delivered once one starts', async () => {
    await subscribe(['screening.hit']);
    const hit = await api('POST', '/v1/screenings?wait=true', { name: 'Ri Yong-gil' });
    expect(hit.body.decision).toBe('hit');
    worker = await startWebhooksWorker(config(), quietLogger);
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.json.data.screening.id).toBe(hit.body.id);
  });

  it('a delivery whose job never reached Redis is queued again by the reconciler', async () => {
    const id = await subscribe(['screening.hit']);
    await api('POST', '/v1/screenings?wait=true', { name: 'Sense Time Group' });
    const redisDown = {
      addBulk: async () => Promise.reject(new Error('Redis is down')),
    } as unknown as Queue<DeliveryJob>;
    await expect(dispatchEvents({ pool: db.pool, queue: redisDown }, { maxRetryMs: 3_600_000 })).rejects.toThrow(
      'Redis is down',
    );
    const pending = await api('GET', `/v1/webhooks/${id}/deliveries`);
    expect(pending.body.deliveries).toEqual([expect.objectContaining({ status: 'pending', attempts: 0 })]);

    worker = await startWebhooksWorker(config(), quietLogger);
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.json.id).toBe(pending.body.deliveries[0].eventId);
  });
});

describe('a receiver failing for too long', () => {
  it('has its subscription disabled, saying why, and its pending deliveries dead-lettered', async () => {
    receiver.respond([], { status: 500 });
    worker = await startWebhooksWorker(config(), quietLogger);
    const id = await subscribe(['screening.hit']);
    await api('POST', `/v1/webhooks/${id}/test`);
    const disabled = await eventually(async () => {
      const res = await api('GET', `/v1/webhooks/${id}`);
      return res.body.status === 'disabled' && res.body;
    });
    expect(disabled.disabledReason).toMatch(
      /^Every delivery has failed since .*; the last error: the receiver answered 500/,
    );
    expect(disabled.failingSince).toEqual(expect.any(String));
    const [dead] = await eventually(async () => {
      const list = (await api('GET', `/v1/webhooks/${id}/deliveries`)).body.deliveries;
      return list[0]?.status === 'dead' && list;
    });
    expect(dead.lastError).toBe('not sent: the subscription is disabled');
    expect((await api('POST', `/v1/webhooks/${id}/test`)).status).toBe(409);

    receiver.respond([], { status: 200 });
    const enabled = await api('PATCH', `/v1/webhooks/${id}`, { status: 'active' });
    expect(enabled.body).toMatchObject({ status: 'active', disabledReason: null, failingSince: null });
    const sent = receiver.received.length;
    await api('POST', `/v1/webhooks/${id}/deliveries/${dead.id}/redeliver`);
    await receiver.waitFor(sent + 1);
  });
});

describe('the delivery log', () => {
  it('forgets finished deliveries past WEBHOOK_RETENTION_DAYS and keeps pending ones', async () => {
    const id = await subscribe(['screening.hit']);
    const insertEvent = async (event: string, status: string, ageDays: number) => {
      await db.pool.query(
        `INSERT INTO webhook_events (id, type, data, created_at, dispatched_at) VALUES ($1, 'screening.hit', '{}', now() - make_interval(days => $2), now())`,
        [event, ageDays],
      );
      await db.pool.query(
        `INSERT INTO webhook_deliveries (id, event_id, subscription_id, status, retry_until, created_at) VALUES (gen_random_uuid(), $1, $2, $3, now(), now() - make_interval(days => $4))`,
        [event, id, status, ageDays],
      );
    };
    await insertEvent('00000000-0000-4000-8000-000000000001', 'succeeded', 100);
    await insertEvent('00000000-0000-4000-8000-000000000002', 'dead', 100);
    await insertEvent('00000000-0000-4000-8000-000000000003', 'pending', 100);
    await insertEvent('00000000-0000-4000-8000-000000000004', 'succeeded', 10);

    worker = await startWebhooksWorker(
      testConfig(db.url, { ...WEBHOOK_ENV, WEBHOOK_RETENTION_DAYS: '90' }),
      quietLogger,
    );
    await worker.reconcileNow();
    const { rows } = await db.pool.query(
      `SELECT id FROM webhook_events WHERE id::text LIKE '00000000-0000-4000-8000-%' ORDER BY id`,
    );
    expect(rows.map((r) => r.id.slice(-1))).toEqual(['3', '4']);
  });
});
